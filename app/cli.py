"""The command line (a stable contract; see DESIGN.md, "Command line").

Exit codes: 0 done; 1 refused (validation, conflict; nothing written); 2 unusable input or usage
(unknown event, unreadable file, bad option): one clear line on stderr, never a traceback.
``--json`` prints one JSON document on stdout.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn

from app import certificate_commands, reference, report_commands
from app.cli_database import open_for_command
from app.errors import ConflictError, ConveneError, NotFoundError, ValidationError
from app.reports import labels as report_labels
from db.enums import EventFormat, EventType

log = logging.getLogger(__name__)

EXIT_OK, EXIT_REFUSED, EXIT_UNUSABLE = 0, 1, 2


class UsageError(Exception):
    """Bad command-line usage; exit code 2."""


class _Parser(argparse.ArgumentParser):
    """An argument parser that reports a usage problem in one line, and never exits itself."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see '{self.prog} --help')")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="convene",
        description="Records of capacity-building events, their participants and partners.",
        epilog="With no command, the desktop application opens.",
    )
    parser.add_argument(
        "--db",
        metavar="PATH_OR_URL",
        help="SQLite file or SQLAlchemy URL (default: CONVENE_DB, else the per-user database)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    commands.add_parser("init", help="create or upgrade the database")
    commands.add_parser("demo", help="load the sample data set (safe to repeat)")

    events = commands.add_parser("events", help="list, add, edit and show events")
    event_commands = events.add_subparsers(dest="events_command", metavar="ACTION", required=True)
    listing = event_commands.add_parser("list", help="list the events, newest first")
    listing.add_argument("--json", action="store_true", help="print JSON")
    add = event_commands.add_parser("add", help="add an event")
    add.add_argument("--title", required=True)
    add.add_argument(
        "--type", required=True, help="one of: " + ", ".join(t.value for t in EventType)
    )
    add.add_argument("--start", required=True, metavar="YYYY-MM-DD")
    add.add_argument("--end", required=True, metavar="YYYY-MM-DD")
    add.add_argument("--city")
    add.add_argument("--country", metavar="CC", help="ISO 3166 code or country name")
    add.add_argument("--format", help="one of: " + ", ".join(f.value for f in EventFormat))
    add.add_argument("--json", action="store_true", help="print the new event as JSON")
    change = event_commands.add_parser(
        "edit", help="change an event's title, place, dates or format (audited)"
    )
    change.add_argument("ref", metavar="REF", help="the event reference (e.g. 2025-007) or its id")
    change.add_argument("--title")
    change.add_argument("--city", help="an empty value clears it")
    change.add_argument("--country", metavar="CC", help="ISO 3166 code or country name")
    change.add_argument("--start", metavar="YYYY-MM-DD")
    change.add_argument("--end", metavar="YYYY-MM-DD")
    change.add_argument("--format", help="one of: " + ", ".join(f.value for f in EventFormat))
    change.add_argument(
        "--if-version", type=int, metavar="N",
        help="refuse if the event has changed since version N (as shown by 'events show --json')",
    )  # fmt: skip
    change.add_argument("--json", action="store_true", help="print the event as JSON")
    show = event_commands.add_parser("show", help="show one event with its participants")
    show.add_argument("ref", metavar="REF", help="the event reference (e.g. 2025-007) or its id")
    show.add_argument("--json", action="store_true", help="print JSON")

    from app.importing.cli import add_import_parser

    add_import_parser(commands)
    report_commands.add_parsers(commands)  # report, signin-sheet, export
    certificate_commands.add_parsers(commands)  # certificates

    backup = commands.add_parser("backup", help="write a complete copy of the database")
    backup.add_argument("-o", "--output", metavar="FILE", type=Path)
    restore = commands.add_parser("restore", help="replace the database with a backup")
    restore.add_argument("file", metavar="FILE", type=Path)
    return parser


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """Parse ``argv``; raises UsageError (not SystemExit) for bad usage, except --help."""
    return build_parser().parse_args(argv)


def _print_json(document: Any) -> None:
    json.dump(document, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


# --- Commands -----------------------------------------------------------------------------------


def _open(args: argparse.Namespace, *, create: bool = False):  # type: ignore[no-untyped-def]
    """The database of ``--db`` (or the default), upgraded (see ``app.cli_database``)."""
    return open_for_command(args, create=create)


def cmd_init(args: argparse.Namespace) -> int:
    database, upgrade = _open(args, create=True)
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

    database, _ = _open(args, create=True)
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


def cmd_events_list(args: argparse.Namespace) -> int:
    from app.queries import list_events

    database, _ = _open(args)
    try:
        with database.session_scope(readonly=True) as session:
            rows = list_events(session)
    finally:
        database.dispose()
    if args.json:
        _print_json(rows)
        return EXIT_OK
    if not rows:
        print("No events yet. Add one with 'events add', or load the sample data with 'demo'.")
        return EXIT_OK
    for row in rows:
        dates = (
            row["start_date"]
            if row["start_date"] == row["end_date"]
            else (f"{row['start_date']} – {row['end_date']}")
        )
        place = ", ".join(p for p in (row["city"], reference.country_name(row["country"])) if p)
        print(f"{row['reference']:<9} {dates:<23} {place:<24} {row['title']}")
    print(f"{len(rows)} events")
    return EXIT_OK


def cmd_events_add(args: argparse.Namespace) -> int:
    from app.queries import event_details
    from app.services.events import create_event

    values: dict[str, Any] = {
        "title": args.title,
        "type": args.type,
        "start_date": args.start,
        "end_date": args.end,
        "city": args.city,
        "country": args.country,
    }
    if args.format:
        values["format"] = args.format
    database, _ = _open(args, create=True)
    try:
        with database.session_scope() as session:
            event = create_event(session, **values)
            details = event_details(session, event)
    finally:
        database.dispose()
    if args.json:
        _print_json(details)
    else:
        print(f"Added event {details['reference']}: {details['title']}")
    return EXIT_OK


_EDITABLE = {
    "title": "title", "city": "city", "country": "country", "start": "start_date",
    "end": "end_date", "format": "format",
}  # fmt: skip


def cmd_events_edit(args: argparse.Namespace) -> int:
    """Change an event through the service: validated, audited, version-checked (a change made
    meanwhile by someone else refuses the edit when ``--if-version`` names the one read)."""
    from app.queries import event_details
    from app.services.events import find_event, update_event

    values = {
        field: getattr(args, option)
        for option, field in _EDITABLE.items()
        if getattr(args, option) is not None
    }
    if not values:
        raise UsageError(
            "nothing to change: give at least one of --title, --city, --country, --start,"
            " --end, --format"
        )
    database, _ = _open(args)
    try:
        with database.session_scope() as session:
            event = find_event(session, args.ref)
            before = event.version
            update_event(
                session, event.id, args.if_version if args.if_version is not None else before,
                **values,
            )  # fmt: skip
            details = event_details(session, event)
    finally:
        database.dispose()
    if args.json:
        _print_json(details)
    else:
        print(f"Changed event {details['reference']}: {', '.join(values)}")
    return EXIT_OK


def cmd_events_show(args: argparse.Namespace) -> int:
    from app.queries import event_details
    from app.services.events import find_event

    database, _ = _open(args)
    try:
        with database.session_scope(readonly=True) as session:
            details = event_details(session, find_event(session, args.ref))
    finally:
        database.dispose()
    if args.json:
        _print_json(details)
    else:
        _print_event(details)
    return EXIT_OK


def _print_event(d: dict[str, Any]) -> None:
    from db.enums import (
        AttendanceMode,
        EventFormat,
        EventStatus,
        EventType,
        ParticipationRole,
        ParticipationStatus,
        PartnerRole,
    )

    label = reference.label
    place = ", ".join(p for p in (d["venue"], d["city"], reference.country_name(d["country"])) if p)
    print(f"{d['reference']}  {d['title']}")
    print(
        f"  {label(EventType(d['type']))}, {label(EventFormat(d['format'])).lower()},"
        f" {d['start_date']} – {d['end_date']}, {place}"
        f" ({label(EventStatus(d['status'])).lower()})"
    )
    if d["project"]:
        print(f"  Project: {d['project']['title']}")
    for partner in d["partners"]:
        print(f"  {label(PartnerRole(partner['role'])):<16} {partner['organization']}")
    c = d["counts"]
    print(
        "  "
        + report_labels.headline(
            c["total"], c["female"], c["male"], c["unspecified"], "en",
            reported=c["source"] == "reported",
        )
    )  # fmt: skip
    for p in d["participants"]:
        name = " ".join(x for x in (p["family_name"], p["given_name"]) if x)
        local = " ".join(x for x in (p["family_name_local"], p["given_name_local"]) if x)
        shown = f"{name} ({local})" if name and local else name or local
        role = label(ParticipationRole(p["role"]))
        status = label(ParticipationStatus(p["status"]))
        online = " (online)" if p["mode"] == AttendanceMode.ONLINE.value else ""
        print(f"    {shown:<44} {role:<12} {status + online:<20} {p['organization'] or ''}")


def cmd_backup(args: argparse.Namespace) -> int:
    from db.backup import backup_database

    database, _ = _open(args)
    try:
        path = backup_database(database, args.output)
    finally:
        database.dispose()
    print(f"Backup written to {path}")
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    from db.backup import inspect_backup, restore_database

    inspect_backup(args.file)  # refuse a bad file before touching the database at all
    database, _ = _open(args, create=True)
    try:
        result = restore_database(database, args.file)
    finally:
        database.dispose()
    upgraded = f" (upgraded from schema {result.upgraded_from})" if result.upgraded_from else ""
    print(f"Restored {result.restored_from}{upgraded}.")
    print(f"The replaced database was kept as {result.replaced_copy}")
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from app.importing.cli import cmd_import as handler

    return handler(args)


COMMANDS: dict[tuple[str, str | None], Callable[[argparse.Namespace], int]] = {
    ("init", None): cmd_init,
    ("demo", None): cmd_demo,
    ("events", "list"): cmd_events_list,
    ("events", "add"): cmd_events_add,
    ("events", "edit"): cmd_events_edit,
    ("events", "show"): cmd_events_show,
    ("import", None): cmd_import,
    ("backup", None): cmd_backup,
    ("restore", None): cmd_restore,
    **report_commands.COMMANDS,
    **certificate_commands.COMMANDS,
}


def run(args: argparse.Namespace) -> int:
    """Run the command in ``args``; turn every failure into one line on stderr and an exit code."""
    from db.backup import BackupError
    from db.engine import DatabaseLocationError
    from db.migrate import SchemaError

    command = COMMANDS[(args.command, getattr(args, f"{args.command}_command", None))]
    try:
        return command(args)
    except (ValidationError, ConflictError) as exc:
        _fail(str(exc))
        return EXIT_REFUSED
    except (
        NotFoundError,
        BackupError,
        SchemaError,
        DatabaseLocationError,
        ConveneError,
        UsageError,
    ) as exc:
        _fail(str(exc))
        return EXIT_UNUSABLE
    except BrokenPipeError:  # the reader (e.g. `head`) stopped early; the output was fine
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silence the flush at exit
        return EXIT_OK
    except KeyboardInterrupt:
        _fail("interrupted; nothing was written")
        return EXIT_UNUSABLE
    except Exception as exc:
        from app.logs import log_path
        from db.errors import describe_database_error

        log.exception("command %s failed", args.command)
        _fail(f"{describe_database_error(exc)} (details in {log_path()})")
        return EXIT_UNUSABLE


def _fail(message: str) -> None:
    from db.secrets import redact

    print(f"error: {redact(message)}", file=sys.stderr)
