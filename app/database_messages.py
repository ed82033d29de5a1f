"""The database layer's sentences in the language of the messages. ``db/`` may not import
``app/``, so its sentences (``db.errors``, ``db.rights``, ``db.server_roles``) stay English there
and are translated here, where they are shown: each is found by its English wording (with what
it names filled in) and given back from the catalogue."""

from __future__ import annotations

import functools
import re

from app.i18n import N_, tr

_SENTENCES = (
    # db.rights
    N_("Your account may read but not change records on this server"),
    N_("Only an administrator of this server may do that"),
    # db.errors
    N_(
        "the connection to the database server is lost (a restart, or the network): nothing was"
        " changed; try again once the server is back, and Convene reconnects by itself"
    ),
    N_("the database is busy with another program's change; try again in a moment"),
    N_(
        "the database server asks for a password: put it in ~/.pgpass, a service file"
        " or PGPASSWORD, or open the server once in the application and let it"
        " remember the password in the keyring"
    ),
    N_("the database file cannot be opened (check the folder exists and is writable)"),
    N_("the file is not a Convene database (or it is damaged)"),
    N_("cannot reach the database server: {detail}"),
    N_("the database refused the operation: {detail}"),
    N_("the change breaks a rule of the database and was not saved: {detail}"),
    N_("unexpected problem: {detail}"),
    # db.engine, db.migrate
    N_("No database at {path}; check --db, or create one with 'init'"),
    N_("cannot create the database file {path}: {reason}"),
    N_("{where} is not a Convene database (it holds other tables)"),
    N_(
        "{where} was written by a newer version of Convene (schema {revision}); update Convene"
        " to open it"
    ),
    # db.server_roles
    N_("server setup needs a login that may create roles (the server's administrator)"),
    N_("server setup must be run by the owner of Convene's tables"),
    N_("unknown role {role}: choose viewer, editor or admin"),
    N_("there is no login role {login} on this server"),
)


@functools.cache
def _patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    found = []
    for sentence in _SENTENCES:
        parts = re.split(r"\{(\w+)\}", sentence)
        pattern = "".join(
            re.escape(part) if i % 2 == 0 else f"(?P<{part}>.+)" for i, part in enumerate(parts)
        )
        found.append((re.compile(pattern, re.DOTALL), sentence))
    return tuple(found)


def database_message(text: str) -> str:
    """``text``, a sentence of the database layer, in the language of the messages (as it is
    when the catalogue does not know it)."""
    for pattern, sentence in _patterns():
        matched = pattern.fullmatch(text)
        if matched is not None:
            return tr(sentence).format(**matched.groupdict())
    return text
