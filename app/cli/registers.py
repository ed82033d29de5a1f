"""``import --register`` and ``import --events-table T --people-table T --links-table T``: an
office's history — a register of many events, or three linked tables — brought in as events,
people and participations in one transaction (``app.importing.register``)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from app.cli.common import EXIT_OK, EXIT_REFUSED, UsageError, open_database, print_json

TABLE_OPTIONS = ("events_table", "people_table", "links_table")


def add_register_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of the ``import`` command that bring in many events at once."""
    parser.add_argument(
        "--register", action="store_true",
        help="the sheet is a register of many events (title, dates, place on each row):"
        " events are matched or created, no --event; its event columns can be named with"
        " --map COLUMN=event_title, event_dates, event_start, event_end, event_city,"
        " event_country, event_type or event_format",
    )  # fmt: skip
    for option, what in zip(TABLE_OPTIONS, ("events", "people", "attendance"), strict=True):
        parser.add_argument(
            f"--{option.replace('_', '-')}", metavar="T", dest=option,
            help=f"linked tables: the table (sheet) of {what}",
        )  # fmt: skip


def wants_many(args: argparse.Namespace) -> bool:
    """Does the command ask for many events (``--register`` or linked tables)? UsageError when
    it asks for them and for one event, or names only some of the linked tables."""
    tables = [getattr(args, o) for o in TABLE_OPTIONS]
    if any(tables) and not all(tables):
        raise UsageError(
            "linked tables need all three of --events-table, --people-table and --links-table."
        )
    many = args.register or all(tables)
    if many and args.event:
        raise UsageError("a register or linked tables bring in many events: leave out --event.")
    if not many and not args.event:
        raise UsageError(
            "import needs --event REF (a list into one event), --register (a register of many"
            " events) or --events-table, --people-table and --links-table."
        )
    return bool(many)


def import_many(args: argparse.Namespace) -> int:
    from app.importing.importer import remembered_layouts
    from app.importing.linked import linked_register
    from app.importing.mapping import MappingError, parse_overrides
    from app.importing.reading import read_workbook
    from app.importing.register import RegisterRefused, import_register, open_register
    from app.importing.register_reading import split_event_overrides

    people_maps, event_maps = split_event_overrides(args.map)
    overrides = parse_overrides(people_maps)
    if args.header_row is not None and args.header_row < 1:
        raise MappingError("--header-row must be 1 or more.")
    database, _ = open_database(args)
    try:
        if args.register:
            register = open_register(
                database, args.file, sheet=args.sheet, header_row=args.header_row,
                overrides=overrides, event_overrides=event_maps,
            )  # fmt: skip
        else:
            with database.session_scope(readonly=True) as session:
                remembered = remembered_layouts(session)
            register = linked_register(
                read_workbook(args.file), args.events_table, args.people_table,
                args.links_table, overrides=overrides, remembered=remembered,
            )  # fmt: skip
        try:
            outcome = import_register(database, register, strict=args.strict, dry_run=args.dry_run)
        except RegisterRefused as exc:
            print(f"error: {exc}", file=sys.stderr)
            return EXIT_REFUSED
    finally:
        database.dispose()
    if args.json:
        print_json(outcome.summary())
    else:
        _print(outcome)
    if args.errors is not None:
        from app.importing.error_workbook import write_error_workbook

        written = write_error_workbook(outcome.problem_plan(), args.errors)
        if not args.json:
            print(f"{written} row{'' if written == 1 else 's'} to fix written to {args.errors}")
    return EXIT_OK


def _print(outcome: Any) -> None:
    s = outcome.summary()
    understood = outcome.register.understood
    print(
        f"{understood.workbook.path.name}, sheet '{understood.sheet.name}':"
        f" a register of {len(s['events'])} events, headers in row {understood.header_row}"
    )
    for column, field in s["mapping"].items():
        print(f"  {column[:40]:<40} → {field}")
    for event in s["events"]:
        said = "new" if event["created"] else "matched"
        print(
            f"  {event['reference']:<10} {said:<8} {event['title'][:50]:<50}"
            f" {event['start_date']}–{event['end_date']}: {event['added_to_event']} added"
        )
    for skipped in s["skipped"]:
        print(f"  row {skipped['row']:<5} skipped  {skipped['reason']}")
    verb = "Would import" if s["dry_run"] else "Imported"
    print(
        f"{verb} {s['events_created']} new and {s['events_matched']} matched events:"
        f" {s['people_created']} new people, {s['people_matched']} matched,"
        f" {s['added_to_event']} participations added, {s['already_in_event']} already listed,"
        f" {len(s['skipped'])} rows skipped."
    )
    if s["dry_run"]:
        print("Dry run: the database was not changed.")
