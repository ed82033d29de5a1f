"""Plain-language descriptions of database failures, for the one line a user is shown."""

from __future__ import annotations

import sqlalchemy as sa

CONNECTION_LOST_MESSAGE = (
    "the connection to the database server is lost (a restart, or the network): nothing was"
    " changed; try again once the server is back, and Convene reconnects by itself"
)
# What psycopg says when the server went away or cannot be reached at all.
_CONNECTION_LOST = (
    "server closed the connection",
    "terminating connection",
    "consuming input failed",
    "the connection is lost",
    "the connection is closed",
    "connection timed out",
    "could not receive data",
    "could not send data",
)


def _first_line(exc: BaseException) -> str:
    origin = getattr(exc, "orig", None) or exc
    text = str(origin).strip().splitlines()
    return text[0] if text else type(origin).__name__


def is_permission_denied(exc: BaseException) -> bool:
    """True when the database server refused ``exc``'s statement for lack of rights (a shared
    server's roles: ``db.server_roles``)."""
    origin = getattr(exc, "orig", None) or exc
    return getattr(origin, "sqlstate", None) == "42501"


def refusal_message(exc: BaseException) -> str:
    """The one sentence for a statement the server refused for lack of rights."""
    from db.rights import ADMIN_ONLY_MESSAGE, READ_ONLY_MESSAGE

    statement = str(getattr(exc, "statement", "") or "").lstrip().upper()
    detail = _first_line(exc).lower()
    if (
        "only an administrator" in detail
        or "convene_redact_history" in detail
        or statement.startswith(("DELETE", "TRUNCATE"))
    ):
        return ADMIN_ONLY_MESSAGE
    return READ_ONLY_MESSAGE


def describe_database_error(exc: BaseException) -> str:
    """One sentence saying what went wrong, without a traceback or SQL."""
    detail = _first_line(exc)
    lowered = detail.lower()
    if is_permission_denied(exc):
        return refusal_message(exc)
    if isinstance(exc, sa.exc.OperationalError | sa.exc.InterfaceError):
        if "database is locked" in lowered or "database table is locked" in lowered:
            return "the database is busy with another program's change; try again in a moment"
        if "no password supplied" in lowered or "password authentication failed" in lowered:
            return (
                "the database server asks for a password: put it in ~/.pgpass, a service file"
                " or PGPASSWORD, or open the server once in the application and let it"
                " remember the password in the keyring"
            )
        if "unable to open database file" in lowered:
            return "the database file cannot be opened (check the folder exists and is writable)"
        if any(sign in lowered for sign in _CONNECTION_LOST) or getattr(
            exc, "connection_invalidated", False
        ):
            return CONNECTION_LOST_MESSAGE
        if "connection" in lowered or "could not" in lowered or "server" in lowered:
            return f"cannot reach the database server: {detail}"
        return f"the database refused the operation: {detail}"
    if isinstance(exc, sa.exc.DatabaseError) and "not a database" in lowered:
        return "the file is not a Convene database (or it is damaged)"
    if isinstance(exc, sa.exc.IntegrityError):
        return f"the change breaks a rule of the database and was not saved: {detail}"
    if isinstance(exc, PermissionError | FileNotFoundError | IsADirectoryError):
        return f"{exc.strerror}: {exc.filename}"
    return f"unexpected problem: {type(exc).__name__}: {detail}"
