"""``init``, ``demo``, ``backup`` and ``restore``: the database itself, on the command line."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.cli.common import EXIT_OK, open_database


def add_parsers(commands: Any) -> None:
    """Add ``init`` and ``demo`` to the CLI's sub-command parsers."""
    commands.add_parser("init", help="create or upgrade the database")
    commands.add_parser("demo", help="load the sample data set (safe to repeat)")


def add_copy_parsers(commands: Any) -> None:
    """Add ``backup`` and ``restore`` (listed last in the help)."""
    backup = commands.add_parser("backup", help="write a complete copy of the database")
    backup.add_argument("-o", "--output", metavar="FILE", type=Path)
    restore = commands.add_parser("restore", help="replace the database with a backup")
    restore.add_argument("file", metavar="FILE", type=Path)


def cmd_init(args: argparse.Namespace) -> int:
    database, upgrade = open_database(args, create=True)
    try:
        state = "upgraded" if upgrade.changed and upgrade.from_revision else "ready"
        if upgrade.from_revision is None:
            state = "created"
        print(f"Database {state}: {database.describe()} (schema {upgrade.to_revision})")
    finally:
        database.dispose()
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    from app.sample_data import load_demo

    database, _ = open_database(args, create=True)
    try:
        with database.session_scope() as session:
            added = load_demo(session)
    finally:
        database.dispose()
    if added.total == 0:
        print("The sample data is already loaded; nothing added.")
    else:
        print(
            f"Loaded the sample data: {added.events} events, {added.organizations} organisations,"
            f" {added.projects} projects, {added.people} people,"
            f" {added.participations} participations, {added.partners} partner roles."
        )
    return EXIT_OK


def cmd_backup(args: argparse.Namespace) -> int:
    from db.backup import backup_database

    database, _ = open_database(args)
    try:
        path = backup_database(database, args.output)
    finally:
        database.dispose()
    print(f"Backup written to {path}")
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    from db.backup import inspect_backup, restore_database

    inspect_backup(args.file)  # refuse a bad file before touching the database at all
    database, _ = open_database(args, create=True)
    try:
        result = restore_database(database, args.file)
    finally:
        database.dispose()
    upgraded = f" (upgraded from schema {result.upgraded_from})" if result.upgraded_from else ""
    print(f"Restored {result.restored_from}{upgraded}.")
    print(f"The replaced database was kept as {result.replaced_copy}")
    return EXIT_OK


COMMANDS: dict[tuple[str, str | None], Callable[[argparse.Namespace], int]] = {
    ("init", None): cmd_init,
    ("demo", None): cmd_demo,
    ("backup", None): cmd_backup,
    ("restore", None): cmd_restore,
}
