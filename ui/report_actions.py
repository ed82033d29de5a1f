"""Report and export actions for the GUI: print, print preview and save as PDF for an event's
summary and sign-in sheet and for a period report; Excel exports with a progress bar and Cancel.

Every function takes what it needs — the parent widget, the database, an event id — so the main
window and the event form can wire them into menus and buttons (``report_menu_actions`` makes
ready QActions). Reports are built from ``app.reports`` and painted by ``app.reports.render``, the
same path the CLI uses for PDF. Exports (``ui.export_actions``, re-exported here as
``export_to_excel``) run on the job thread.

Functions that would ask for a file name take ``path=`` so tests (and callers that already know
the name) can skip the file dialog.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QAction
from PySide6.QtPrintSupport import QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

from app.errors import ConveneError
from app.reports.render import ReportDocument, write_pdf
from db.engine import Database
from ui.export_actions import export_to_excel
from ui.report_dialogs import EventReportOptions, EventReportOptionsDialog, PeriodReportDialog
from ui.report_output import (  # noqa: F401 - re-exported: the report actions in one place
    EXCEL_FILTER,
    PDF_FILTER,
    BusyCursor,
    ask_save_path,
    preview_report,
    print_report,
    save_period_report_xlsx,
    save_report_pdf,
    tr,
    warn,
)

# --- Building reports ----------------------------------------------------------------------


def build_event_summary(
    database: Database, event_id: uuid.UUID, options: EventReportOptions
) -> ReportDocument:
    from app.reports.event_summary import event_summary
    from app.services.events import find_event

    with database.session_scope(readonly=True) as session:
        event = find_event(session, str(event_id))
        return event_summary(session, event, lang=options.lang, include_names=options.include_names)


def build_signin_sheet(
    database: Database, event_id: uuid.UUID, lang: str = "both"
) -> ReportDocument:
    from app.reports.signin_sheet import load_signin, signin_document
    from app.services.events import find_event

    with database.session_scope(readonly=True) as session:
        data = load_signin(session, find_event(session, str(event_id)))
    return signin_document(data, lang)


# --- Event summary and sign-in sheet -----------------------------------------------------------


def _event_options(
    parent: QWidget | None, options: EventReportOptions | None
) -> EventReportOptions | None:
    if options is not None:
        return options
    dialog = EventReportOptionsDialog(parent)
    return (
        dialog.options() if dialog.exec() == EventReportOptionsDialog.DialogCode.Accepted else None
    )


def _summary(parent, database, event_id, options) -> ReportDocument | None:  # type: ignore[no-untyped-def]
    chosen = _event_options(parent, options)
    if chosen is None:
        return None
    try:
        with BusyCursor():
            return build_event_summary(database, event_id, chosen)
    except ConveneError as exc:
        warn(parent, str(exc))
        return None


def print_event_summary(
    parent: QWidget | None,
    database: Database,
    event_id: uuid.UUID,
    options: EventReportOptions | None = None,
) -> bool:
    report = _summary(parent, database, event_id, options)
    return report is not None and print_report(parent, report)


def preview_event_summary(
    parent: QWidget | None,
    database: Database,
    event_id: uuid.UUID,
    options: EventReportOptions | None = None,
    *,
    modal: bool = True,
) -> QPrintPreviewDialog | None:
    report = _summary(parent, database, event_id, options)
    return preview_report(parent, report, modal=modal) if report is not None else None


def save_event_summary_pdf(
    parent: QWidget | None,
    database: Database,
    event_id: uuid.UUID,
    options: EventReportOptions | None = None,
    path: Path | None = None,
) -> Path | None:
    """Ask for the options (unless given) and a file name (unless given); save the summary."""
    report = _summary(parent, database, event_id, options)
    if report is None:
        return None
    return save_report_pdf(parent, report, path, suggested=f"{report.title.split(':')[0]}.pdf")


def preview_signin_sheet(
    parent: QWidget | None, database: Database, event_id: uuid.UUID, *, modal: bool = True
) -> QPrintPreviewDialog:
    return preview_report(parent, build_signin_sheet(database, event_id), modal=modal)


def print_signin_sheet(parent: QWidget | None, database: Database, event_id: uuid.UUID) -> bool:
    return print_report(parent, build_signin_sheet(database, event_id))


def save_signin_sheet(
    parent: QWidget | None, database: Database, event_id: uuid.UUID, path: Path | None = None
) -> Path | None:
    """Save the sign-in sheet as PDF or xlsx, as the chosen file name says."""
    from app.output_files import check_output_path
    from app.reports.signin_sheet import load_signin, write_signin_xlsx
    from app.services.events import find_event

    if path is None:
        path = ask_save_path(
            parent, tr("Save sign-in sheet"), "sign-in sheet.pdf", f"{PDF_FILTER};;{EXCEL_FILTER}"
        )
        if path is None:
            return None
    try:
        target = check_output_path(path, (".pdf", ".xlsx"))
        with BusyCursor():
            if target.suffix.lower() == ".xlsx":
                with database.session_scope(readonly=True) as session:
                    data = load_signin(session, find_event(session, str(event_id)))
                write_signin_xlsx(data, target)
            else:
                write_pdf(build_signin_sheet(database, event_id), target)
    except ConveneError as exc:
        warn(parent, str(exc))
        return None
    return target


# --- Period report -------------------------------------------------------------------------


def open_period_report(
    parent: QWidget | None, database: Database, *, modal: bool = True
) -> PeriodReportDialog:
    """The period-report dialog (range, filters; preview, print, PDF, Excel)."""
    dialog = PeriodReportDialog(database, parent)
    if modal:
        dialog.exec()
    else:
        dialog.show()
    return dialog


def report_menu_actions(
    parent: QWidget, database: Database, current_event: Callable[[], uuid.UUID | None]
) -> dict[str, QAction]:
    """Ready-made actions for menus and toolbars; event actions use ``current_event()`` and do
    nothing without one. Keys: event_print, event_preview, event_pdf, signin_preview,
    signin_save, period_report, export_events, export_people, export_organizations,
    export_participants."""

    def with_event(function: Callable[..., object]) -> Callable[[], None]:
        def run() -> None:
            event_id = current_event()
            if event_id is not None:
                function(parent, database, event_id)

        return run

    entries = {
        "event_print": (tr("Print event summary…"), with_event(print_event_summary)),
        "event_preview": (tr("Event summary print preview…"), with_event(preview_event_summary)),
        "event_pdf": (tr("Save event summary as PDF…"), with_event(save_event_summary_pdf)),
        "signin_preview": (tr("Sign-in sheet…"), with_event(preview_signin_sheet)),
        "signin_save": (tr("Save sign-in sheet…"), with_event(save_signin_sheet)),
        "period_report": (tr("Period report…"), lambda: open_period_report(parent, database)),
        "export_events": (
            tr("Export events to Excel…"),
            lambda: export_to_excel(parent, database, "events"),
        ),
        "export_people": (
            tr("Export people to Excel…"),
            lambda: export_to_excel(parent, database, "people"),
        ),
        "export_organizations": (
            tr("Export organisations to Excel…"),
            lambda: export_to_excel(parent, database, "organizations"),
        ),
        "export_participants": (
            tr("Export this event's participants to Excel…"),
            with_event(lambda p, d, e: export_to_excel(p, d, "participants", event_id=e)),
        ),
    }
    actions = {}
    for key, (text, slot) in entries.items():
        action = QAction(text, parent)
        action.triggered.connect(lambda _checked=False, slot=slot: slot())
        actions[key] = action
    return actions
