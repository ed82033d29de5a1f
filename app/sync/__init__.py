"""Offices that work apart and come together: the change log, sync packages, conflicts.

* ``offices``: which office this database belongs to, and the offices it has heard of.
* ``values``: rows in the portable spelling packages carry (the same from SQLite and PostgreSQL).
* ``log``: stamping the change log (office, per-office sequence, hybrid logical clock).
* ``package``: the encrypted, authenticated package file.
* ``exporting`` / ``applying``: writing a package, applying one in one transaction.
* ``status``: what has travelled where, open conflicts, possible duplicates; settling them.
"""
