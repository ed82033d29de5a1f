"""``import --register`` and ``import --events-table T --people-table T --links-table T``: an
office's history — a register of many events, or three linked tables — brought in as events,
people and participations in one transaction (``app.importing.register``)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from app.cli.common import EXIT_OK, EXIT_REFUSED, UsageError, open_database, print_json
from app.i18n import tr, tr_n

TABLE_OPTIONS = ("events_table", "people_table", "links_table")


def add_register_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of the ``import`` command that bring in many events at once."""
    parser.add_argument(
        "--register", action="store_true",
        help=tr(
            "the sheet is a register of many events (title, dates, place on each row):"
            " events are matched or created, no --event; its event columns can be named with"
            " --map COLUMN=event_title, event_dates, event_start, event_end, event_city,"
            " event_country, event_type or event_format"
        ),
    )  # fmt: skip
    helps = (
        tr("linked tables: the table (sheet) of events"),
        tr("linked tables: the table (sheet) of people"),
        tr("linked tables: the table (sheet) of attendance"),
    )
    for option, help_text in zip(TABLE_OPTIONS, helps, strict=True):
        parser.add_argument(
            f"--{option.replace('_', '-')}", metavar="T", dest=option, help=help_text
        )  # fmt: skip


def wants_many(args: argparse.Namespace) -> bool:
    """Does the command ask for many events (``--register`` or linked tables)? UsageError when
    it asks for them and for one event, or names only some of the linked tables."""
    tables = [getattr(args, o) for o in TABLE_OPTIONS]
    if any(tables) and not all(tables):
        raise UsageError(
            tr("linked tables need all three of --events-table, --people-table and --links-table.")
        )
    many = args.register or all(tables)
    if many and args.event:
        raise UsageError(tr("a register or linked tables bring in many events: leave out --event."))
    if not many and not args.event:
        raise UsageError(
            tr(
                "import needs --event REF (a list into one event), --register (a register of"
                " many events) or --events-table, --people-table and --links-table."
            )
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
        raise MappingError(tr("--header-row must be 1 or more."))
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
        print_json(outcome.summary(streamed=True))
    else:
        _print(outcome)
    if args.errors is not None:
        from app.importing.error_workbook import write_error_workbook

        written = write_error_workbook(outcome.problem_plan(), args.errors)
        if not args.json:
            print(tr_n("%n row(s) to fix written to {path}", written).format(path=args.errors))
    return EXIT_OK


def _print(outcome: Any) -> None:
    from app.importing.register_reading import reason_shown

    s = outcome.summary()
    understood = outcome.register.understood
    print(
        tr_n(
            "{file}, sheet '{sheet}': a register of %n event(s), headers in row {row}",
            len(s["events"]),
        ).format(file=understood.workbook.path.name, sheet=understood.sheet.name,
                 row=understood.header_row)
    )  # fmt: skip
    for column, field in s["mapping"].items():
        print(f"  {column[:40]:<40} → {field}")
    for event in s["events"]:
        said = tr("new", "event") if event["created"] else tr("matched", "event")
        added = tr("{count} added").format(count=event["added_to_event"])
        print(
            f"  {event['reference']:<10} {said:<12} {event['title'][:50]:<50}"
            f" {event['start_date']}–{event['end_date']}: {added}"
        )
    for skipped in s["skipped"]:
        row = tr("row {row}").format(row=skipped["row"])
        print(f"  {row:<10} {tr('skipped', 'row'):<12} {reason_shown(skipped['reason'])}")
    counts = {
        "events_created": s["events_created"], "events_matched": s["events_matched"],
        "people_created": s["people_created"], "people_matched": s["people_matched"],
        "added": s["added_to_event"], "already": s["already_in_event"],
    }  # fmt: skip
    print(
        tr_n(
            "Would import {events_created} new and {events_matched} matched events:"
            " {people_created} new people, {people_matched} matched, {added} participations"
            " added, {already} already listed, %n row(s) skipped.",
            len(s["skipped"]),
        ).format(**counts)
        if s["dry_run"]
        else tr_n(
            "Imported {events_created} new and {events_matched} matched events:"
            " {people_created} new people, {people_matched} matched, {added} participations"
            " added, {already} already listed, %n row(s) skipped.",
            len(s["skipped"]),
        ).format(**counts)
    )
    if s["dry_run"]:
        print(tr("Dry run: the database was not changed."))
