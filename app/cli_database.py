"""Opening the database for a command-line command: shared by ``app.cli`` and the modules that
add commands to it (imports, reports, certificates), which therefore need not import ``app.cli``
(no import cycle)."""

from __future__ import annotations

import argparse
import sys
from typing import Any


def open_for_command(args: argparse.Namespace, *, create: bool = False) -> tuple[Any, Any]:
    """The database of ``--db`` (or the default), upgraded, and how it was upgraded. Only the
    commands that add records (``create=True``: init, demo, events add, restore) make a SQLite
    file that is not there; the others, which read or need records already there, refuse a
    missing one in one line."""
    from app.database import prepare_database
    from db.secrets import asks_for_password

    try:
        database, upgrade = prepare_database(args.db, create=create)
    except Exception as exc:
        if not (asks_for_password(exc) and sys.stdin.isatty()):
            raise
        database, upgrade = prepare_database(_with_typed_password(args.db), create=create)
    if upgrade.backup_path is not None:
        print(f"Copied the database to {upgrade.backup_path} before upgrading it.", file=sys.stderr)
    return database, upgrade


def _with_typed_password(location: str | None) -> str:
    """``location`` with a password typed at the terminal (the server asked for one that
    neither the address, libpq's files nor the keyring gave); it is never written anywhere."""
    import getpass

    from db.engine import resolve_url
    from db.secrets import without_password

    url = resolve_url(location)
    password = getpass.getpass(f"Password for {without_password(str(location or ''))}: ")
    return url.set(password=password).render_as_string(hide_password=False)
