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

    database, upgrade = prepare_database(args.db, create=create)
    if upgrade.backup_path is not None:
        print(f"Copied the database to {upgrade.backup_path} before upgrading it.", file=sys.stderr)
    return database, upgrade
