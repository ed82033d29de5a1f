"""``events list|add|edit|show``: the events, on the command line (DESIGN.md, "Command line")."""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable
from typing import Any

from app import reference
from app.cli.common import EXIT_OK, UsageError, open_database, print_json
from app.i18n import language, tr, tr_n
from app.reports import labels as report_labels
from db.enums import EventFormat, EventType


def add_parsers(commands: Any) -> None:
    """Add ``events`` and its actions to the CLI's sub-command parsers."""
    events = commands.add_parser("events", help=tr("list, add, edit and show events"))
    event_commands = events.add_subparsers(dest="events_command", metavar="ACTION", required=True)
    listing = event_commands.add_parser("list", help=tr("list the events, newest first"))
    listing.add_argument("--json", action="store_true", help=tr("print JSON"))
    add = event_commands.add_parser("add", help=tr("add an event"))
    add.add_argument("--title", required=True)
    add.add_argument("--title-ru", metavar="TITLE", help=tr("the title in Russian"))
    add.add_argument(
        "--type", required=True, help=tr("one of: ") + ", ".join(t.value for t in EventType)
    )
    add.add_argument("--start", required=True, metavar="YYYY-MM-DD")
    add.add_argument("--end", required=True, metavar="YYYY-MM-DD")
    add.add_argument("--city")
    add.add_argument("--country", metavar="CC", help=tr("ISO 3166 code or country name"))
    add.add_argument("--format", help=tr("one of: ") + ", ".join(f.value for f in EventFormat))
    add.add_argument("--json", action="store_true", help=tr("print the new event as JSON"))
    change = event_commands.add_parser(
        "edit", help=tr("change an event's titles, place, dates or format (audited)")
    )
    change.add_argument(
        "ref", metavar="REF", help=tr("the event reference (e.g. 2025-007) or its id")
    )
    change.add_argument("--title")
    change.add_argument(
        "--title-ru", metavar="TITLE", help=tr("the title in Russian (empty: clear)")
    )
    change.add_argument("--city", help=tr("an empty value clears it"))
    change.add_argument("--country", metavar="CC", help=tr("ISO 3166 code or country name"))
    change.add_argument("--start", metavar="YYYY-MM-DD")
    change.add_argument("--end", metavar="YYYY-MM-DD")
    change.add_argument("--format", help=tr("one of: ") + ", ".join(f.value for f in EventFormat))
    change.add_argument(
        "--if-version", type=int, metavar="N",
        help=tr("refuse if the event has changed since version N (as shown by 'events show --json')"),
    )  # fmt: skip
    change.add_argument("--json", action="store_true", help=tr("print the event as JSON"))
    show = event_commands.add_parser("show", help=tr("show one event with its participants"))
    show.add_argument(
        "ref", metavar="REF", help=tr("the event reference (e.g. 2025-007) or its id")
    )
    show.add_argument("--json", action="store_true", help=tr("print JSON"))


def cmd_events_list(args: argparse.Namespace) -> int:
    from app.queries import list_events

    database, _ = open_database(args)
    try:
        with database.session_scope(readonly=True) as session:
            rows = list_events(session)
    finally:
        database.dispose()
    if args.json:
        print_json(rows)
        return EXIT_OK
    if not rows:
        print(tr("No events yet. Add one with 'events add', or load the sample data with 'demo'."))
        return EXIT_OK
    for row in rows:
        dates = _dates(row["start_date"], row["end_date"])
        place = ", ".join(p for p in (row["city"], reference.country_name(row["country"])) if p)
        print(f"{row['reference']:<9} {dates:<23} {place:<24} {_titles(row)[0]}")
    print(tr_n("%n event(s)", len(rows)))
    return EXIT_OK


def cmd_events_add(args: argparse.Namespace) -> int:
    from app.queries import event_details
    from app.services.events import create_event

    values: dict[str, Any] = {
        "title": args.title,
        "title_ru": args.title_ru,
        "type": args.type,
        "start_date": args.start,
        "end_date": args.end,
        "city": args.city,
        "country": args.country,
    }
    if args.format:
        values["format"] = args.format
    database, _ = open_database(args, create=True)
    try:
        with database.session_scope() as session:
            event = create_event(session, **values)
            details = event_details(session, event)
    finally:
        database.dispose()
    if args.json:
        print_json(details)
    else:
        print(
            tr("Added event {value}: {value2}").format(
                value=details["reference"], value2=details["title"]
            )
        )
    return EXIT_OK


_EDITABLE = {
    "title": "title", "title_ru": "title_ru", "city": "city", "country": "country", "start": "start_date",
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
            tr(
                "nothing to change: give at least one of --title, --title-ru, --city, --country,"
                " --start, --end, --format"
            )
        )
    database, _ = open_database(args)
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
        print_json(details)
    else:
        print(
            tr("Changed event {value}: {join}").format(
                value=details["reference"], join=", ".join(values)
            )
        )
    return EXIT_OK


def cmd_events_show(args: argparse.Namespace) -> int:
    from app.queries import event_details
    from app.services.events import find_event

    database, _ = open_database(args)
    try:
        with database.session_scope(readonly=True) as session:
            details = event_details(session, find_event(session, args.ref))
    finally:
        database.dispose()
    if args.json:
        print_json(details)
    else:
        _print_event(details)
    return EXIT_OK


def _dates(start: str, end: str) -> str:
    """An event's dates as the language writes them: ISO in English (as --json gives them),
    DD.MM.YYYY in Russian."""
    if language() == "ru":
        start, end = (reference.show_date(dt.date.fromisoformat(d)) for d in (start, end))
    return start if start == end else f"{start} – {end}"


def _titles(event: dict[str, Any]) -> list[str]:
    """The event's titles, the one in the current language first."""
    titles = [event["title"], event["title_ru"]]
    if language() == "ru":
        titles.reverse()
    return [title for title in titles if title]


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
    first, *other = _titles(d)
    print(f"{d['reference']}  {first}")
    for title in other:
        print(f"  {title}")
    print(
        f"  {label(EventType(d['type']))}, {label(EventFormat(d['format'])).lower()},"
        f" {_dates(d['start_date'], d['end_date'])}, {place}"
        f" ({label(EventStatus(d['status'])).lower()})"
    )
    if d["project"]:
        print(f"  {tr('Project')}: {d['project']['title']}")
    roles = [label(PartnerRole(partner["role"])) for partner in d["partners"]]
    width = max(map(len, roles), default=0)
    for role, partner in zip(roles, d["partners"], strict=True):
        print(f"  {role:<{width}}  {partner['organization']}")
    c = d["counts"]
    print(
        "  "
        + report_labels.headline(
            c["total"], c["female"], c["male"], c["unspecified"], language(),
            reported=c["source"] == "reported",
        )
    )  # fmt: skip
    for p in d["participants"]:
        name = " ".join(x for x in (p["family_name"], p["given_name"]) if x)
        local = " ".join(x for x in (p["family_name_local"], p["given_name_local"]) if x)
        shown = f"{name} ({local})" if name and local else name or local
        role = label(ParticipationRole(p["role"]))
        status = label(ParticipationStatus(p["status"]))
        online = ""
        if p["mode"] == AttendanceMode.ONLINE.value:
            online = f" ({label(AttendanceMode.ONLINE).lower()})"
        print(f"    {shown:<44} {role:<12} {status + online:<20} {p['organization'] or ''}")


COMMANDS: dict[tuple[str, str | None], Callable[[argparse.Namespace], int]] = {
    ("events", "list"): cmd_events_list,
    ("events", "add"): cmd_events_add,
    ("events", "edit"): cmd_events_edit,
    ("events", "show"): cmd_events_show,
}
