"""The command line of reports and exports (DESIGN.md, "Command line"):

    report event REF -o FILE.pdf [--no-names] [--lang en|ru]
    report period --from DATE --to DATE -o FILE.pdf|FILE.xlsx [--country C] [--project P]
                  [--partner P] [--lang en|ru]
    signin-sheet REF -o FILE.pdf|FILE.xlsx [--lang en|ru|both]
    export {events,people,organizations,participants} -o FILE.xlsx [--event REF]
                  [--from DATE] [--to DATE]

``app.cli`` registers these with ``add_parsers`` and ``COMMANDS``; failures become one line on
stderr there (an unknown event or unusable output file: exit 2). Without ``--lang`` the global
one (``convene --lang ru report …``) holds.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from app.cli.common import EXIT_OK, add_lang, language, open_database
from app.cli.common import date as _date
from app.errors import ConveneError


def add_parsers(commands: Any) -> None:
    """Add ``report``, ``signin-sheet`` and ``export`` to the CLI's sub-command parsers."""
    report = commands.add_parser("report", help="print an event summary or a period report")
    kinds = report.add_subparsers(dest="report_command", metavar="KIND", required=True)
    event = kinds.add_parser("event", help="the summary of one event (PDF)")
    event.add_argument("ref", metavar="REF", help="the event reference (e.g. 2022-001) or its id")
    event.add_argument("-o", "--output", metavar="FILE.pdf", required=True)
    event.add_argument("--no-names", action="store_true", help="leave the participant list out")
    add_lang(event)
    period = kinds.add_parser("period", help="figures over a date range (PDF or xlsx)")
    period.add_argument("--from", dest="date_from", metavar="DATE", type=_date, required=True)
    period.add_argument("--to", dest="date_to", metavar="DATE", type=_date, required=True)
    period.add_argument("-o", "--output", metavar="FILE.pdf|FILE.xlsx", required=True)
    period.add_argument("--country", help="only events held in this country (code or name)")
    period.add_argument("--project", help="only events of this project (code or title)")
    period.add_argument("--partner", help="only events with this partner (acronym or name)")
    add_lang(period)

    sheet = commands.add_parser("signin-sheet", help="a printable attendance sheet for an event")
    sheet.add_argument("ref", metavar="REF", help="the event reference or its id")
    sheet.add_argument("-o", "--output", metavar="FILE.pdf|FILE.xlsx", required=True)
    add_lang(sheet, ("en", "ru", "both"))

    export = commands.add_parser("export", help="export records to an Excel workbook")
    export.add_argument("kind", choices=("events", "people", "organizations", "participants"))
    export.add_argument("-o", "--output", metavar="FILE.xlsx", required=True)
    export.add_argument("--event", metavar="REF", help="one event's participants")
    export.add_argument("--from", dest="date_from", metavar="DATE", type=_date)
    export.add_argument("--to", dest="date_to", metavar="DATE", type=_date)


def _open(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    return open_database(args)[0]


def cmd_report_event(args: argparse.Namespace) -> int:
    from app.output_files import check_output_path
    from app.reports.event_summary import event_summary
    from app.reports.render import write_pdf
    from app.services.events import find_event

    path = check_output_path(args.output, (".pdf",))
    database = _open(args)
    try:
        with database.session_scope(readonly=True) as session:
            event = find_event(session, args.ref)
            report = event_summary(
                session, event, lang=language(args), include_names=not args.no_names
            )
            reference = event.reference
    finally:
        database.dispose()
    pages = write_pdf(report, path)
    print(f"Wrote the summary of {reference} ({_pages(pages)}) to {path}")
    return EXIT_OK


def cmd_report_period(args: argparse.Namespace) -> int:
    from app.output_files import check_output_path
    from app.reports import tallies
    from app.reports.period_figures import period_figures
    from app.reports.period_filters import period_filter

    path = check_output_path(args.output, (".pdf", ".xlsx"))
    database = _open(args)
    try:
        tallies.update(database)  # the figures kept ahead of time, then read without the write lock
        with database.session_scope(readonly=True) as session:
            period = period_filter(
                session,
                args.date_from,
                args.date_to,
                country=args.country,
                project=args.project,
                partner=args.partner,
            )
            figures = period_figures(session, period)
    finally:
        database.dispose()
    if path.suffix.lower() == ".xlsx":
        from app.reports.period_workbook import write_period_xlsx

        write_period_xlsx(figures, path, language(args))
        done = "a workbook"
    else:
        from app.reports.period_report import period_document
        from app.reports.render import write_pdf

        done = _pages(write_pdf(period_document(figures, language(args)), path))
    events = len(figures.events)
    print(
        f"Wrote the report on {events} event{'s' if events != 1 else ''}"
        f" from {args.date_from} to {args.date_to} ({done}) to {path}"
    )
    return EXIT_OK


def cmd_signin_sheet(args: argparse.Namespace) -> int:
    from app.output_files import check_output_path
    from app.reports.signin_sheet import (
        fitted_blank_rows,
        load_signin,
        signin_document,
        write_signin_xlsx,
    )
    from app.services.events import find_event

    path = check_output_path(args.output, (".pdf", ".xlsx"))
    database = _open(args)
    try:
        with database.session_scope(readonly=True) as session:
            data = load_signin(session, find_event(session, args.ref))
    finally:
        database.dispose()
    lang = language(args, "both")
    blank_rows = data.blank_rows
    if path.suffix.lower() == ".xlsx":
        write_signin_xlsx(data, path, lang)
    else:
        from app.reports.render import write_pdf

        blank_rows = fitted_blank_rows(data, lang)
        write_pdf(signin_document(data, args.lang, blank_rows), path)
    print(
        f"Wrote the sign-in sheet of {data.reference} ({len(data.people)} names,"
        f" {blank_rows} blank rows) to {path}"
    )
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from app.exports.tables import ExportRequest, export_records
    from app.output_files import check_output_path
    from app.services.events import find_event

    if args.event and args.kind != "participants":
        raise ConveneError("--event goes with 'export participants' only")
    if args.date_from and args.date_to and args.date_to < args.date_from:
        raise ConveneError(f"--to ({args.date_to}) is before --from ({args.date_from})")
    path = check_output_path(args.output, (".xlsx",))
    database = _open(args)
    try:
        with database.session_scope(readonly=True) as session:
            event_id = find_event(session, args.event).id if args.event else None
            request = ExportRequest(args.kind, event_id, args.date_from, args.date_to)
            rows = export_records(session, request, path)
    finally:
        database.dispose()
    print(f"Exported {rows} {'row' if rows == 1 else 'rows'} of {args.kind} to {path}")
    return EXIT_OK


def _pages(count: int) -> str:
    return f"{count} page{'s' if count != 1 else ''}"


COMMANDS: dict[tuple[str, str | None], Callable[[argparse.Namespace], int]] = {
    ("report", "event"): cmd_report_event,
    ("report", "period"): cmd_report_period,
    ("signin-sheet", None): cmd_signin_sheet,
    ("export", None): cmd_export,
}
