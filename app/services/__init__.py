"""Every write to the records goes through these services: validate, write, audit — in the
caller's transaction (``Database.session_scope()``)."""
