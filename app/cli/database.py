"""``init``, ``demo``, ``backup`` and ``restore``: the database itself, on the command line."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.cli.common import EXIT_OK, open_database
from app.i18n import tr


def add_parsers(commands: Any) -> None:
    """Add ``init`` and ``demo`` to the CLI's sub-command parsers."""
    init = commands.add_parser("init", help=tr("create or upgrade the database"))
    init.add_argument(
        "--office", metavar="CODE", help=tr("this office's code, e.g. TM (2-8 letters)")
    )
    init.add_argument("--office-name", metavar="NAME", help=tr("this office's name, e.g. Ashgabat"))
    commands.add_parser("demo", help=tr("load the sample data set (safe to repeat)"))


def add_copy_parsers(commands: Any) -> None:
    """Add ``backup`` and ``restore`` (listed last in the help)."""
    backup = commands.add_parser("backup", help=tr("write a complete copy of the database"))
    backup.add_argument("-o", "--output", metavar="FILE", type=Path)
    restore = commands.add_parser("restore", help=tr("replace the database with a backup"))
    restore.add_argument("file", metavar="FILE", type=Path)


def cmd_init(args: argparse.Namespace) -> int:
    database, upgrade = open_database(args, create=True)
    try:
        state = "upgraded" if upgrade.changed and upgrade.from_revision else "ready"
        if upgrade.from_revision is None:
            state = "created"
        print(f"Database {state}: {database.describe()} (schema {upgrade.to_revision})")
        if args.office is not None or args.office_name is not None:
            from app.sync.offices import set_this_office

            with database.session_scope() as session:
                office = set_this_office(session.connection(), args.office, args.office_name)
            print(f"This database belongs to the office {office.label}.")
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
        print(tr("The sample data is already loaded; nothing added."))
    else:
        print(
            tr(
                "Loaded the sample data: {events} events, {organizations} organisations, {projects} projects, {people} people, {participations} participations, {partners} partner roles."
            ).format(
                events=added.events,
                organizations=added.organizations,
                projects=added.projects,
                people=added.people,
                participations=added.participations,
                partners=added.partners,
            )
        )
    return EXIT_OK


def cmd_backup(args: argparse.Namespace) -> int:
    from db.backup import backup_database

    database, _ = open_database(args)
    try:
        path = backup_database(database, args.output)
    finally:
        database.dispose()
    print(tr("Backup written to {path}").format(path=path))
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    from app.sync.restoring import restore_office
    from db.backup import inspect_backup

    inspect_backup(args.file)  # refuse a bad file before touching the database at all
    database, _ = open_database(args, create=True)
    try:
        restored = restore_office(database, args.file)
    finally:
        database.dispose()
    result = restored.result
    upgraded = (
        tr(" (upgraded from schema {upgraded_from})").format(upgraded_from=result.upgraded_from)
        if result.upgraded_from
        else ""
    )
    print(tr("Restored {file}{upgraded}.").format(file=result.restored_from, upgraded=upgraded))
    if restored.kept_changes:
        print(restored.kept_sentence())
    print(
        tr("The replaced database was kept as {replaced_copy}").format(
            replaced_copy=result.replaced_copy
        )
    )
    return EXIT_OK


COMMANDS: dict[tuple[str, str | None], Callable[[argparse.Namespace], int]] = {
    ("init", None): cmd_init,
    ("demo", None): cmd_demo,
    ("backup", None): cmd_backup,
    ("restore", None): cmd_restore,
}
