"""Dialogs that ask how to make a report: the event summary's options (leave the names out?
which language?) and the period report's range and filters, with buttons to preview, print or
save it (the work itself is in ``ui.report_actions``)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from collections.abc import Callable

import shiboken6
import sqlalchemy as sa
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app import reference
from app.progress import Cancelled
from app.reports.period_figures import PeriodFigures, PeriodFilter
from db.engine import Database, statement_interrupter
from db.models import Event, EventPartner, Organization, Project
from ui.formatting import QT_DATE_FORMAT
from ui.jobs import Job, JobContext
from ui.report_output import tr

LANGUAGES = (("en", "English"), ("ru", "Русский"))


@dataclasses.dataclass(frozen=True)
class EventReportOptions:
    """How to print an event summary."""

    include_names: bool = True
    lang: str = "en"


def _language_box(parent: QWidget) -> QComboBox:
    box = QComboBox(parent)
    for code, name in LANGUAGES:
        box.addItem(name, code)
    return box


class EventReportOptionsDialog(QDialog):
    """Asks whether to leave the participant list out of the summary, and in which language."""

    def __init__(self, parent: QWidget | None = None, options: EventReportOptions | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Event summary"))
        options = options or EventReportOptions()
        self.leave_out_names = QCheckBox(tr("Leave out the list of participants (names)"), self)
        self.leave_out_names.setChecked(not options.include_names)
        self.language = _language_box(self)
        self.language.setCurrentIndex(max(0, self.language.findData(options.lang)))
        form = QFormLayout()
        form.addRow(tr("Language:"), self.language)
        form.addRow(self.leave_out_names)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def options(self) -> EventReportOptions:
        return EventReportOptions(not self.leave_out_names.isChecked(), self.language.currentData())


def _to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _to_date(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


class PeriodReportDialog(QDialog):
    """Date range and filters of a period report; Preview, Print, Save as PDF, Save as Excel."""

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.job: Job | None = None  # counting the figures
        self._cancel_job: Callable[[], None] | None = None
        self._figures: dict[PeriodFilter, PeriodFigures] = {}  # the last ones counted
        self.setWindowTitle(tr("Period report"))
        today = dt.date.today()
        self.date_from = QDateEdit(_to_qdate(dt.date(today.year, 1, 1)), self)
        self.date_to = QDateEdit(_to_qdate(today), self)
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(QT_DATE_FORMAT)
        self.country = QComboBox(self)
        self.project = QComboBox(self)
        self.partner = QComboBox(self)
        self.language = _language_box(self)
        self._fill_choices()
        self.problem = QLabel(self)
        self.problem.setStyleSheet("color: #a40000")
        form = QFormLayout()
        form.addRow(tr("From:"), self.date_from)
        form.addRow(tr("To:"), self.date_to)
        form.addRow(tr("Country:"), self.country)
        form.addRow(tr("Project:"), self.project)
        form.addRow(tr("Partner:"), self.partner)
        form.addRow(tr("Language:"), self.language)
        self.preview_button = QPushButton(tr("Preview…"), self)
        self.print_button = QPushButton(tr("Print…"), self)
        self.pdf_button = QPushButton(tr("Save as PDF…"), self)
        self.xlsx_button = QPushButton(tr("Save as Excel…"), self)
        close = QPushButton(tr("Close"), self)
        self.preview_button.clicked.connect(lambda: self._run("preview"))
        self.print_button.clicked.connect(lambda: self._run("print"))
        self.pdf_button.clicked.connect(lambda: self._run("pdf"))
        self.xlsx_button.clicked.connect(lambda: self._run("xlsx"))
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        for button in (self.preview_button, self.print_button, self.pdf_button, self.xlsx_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addLayout(buttons)
        self.date_from.dateChanged.connect(self._check)
        self.date_to.dateChanged.connect(self._check)
        self._check()

    def _fill_choices(self) -> None:
        with self.database.session_scope(readonly=True) as session:
            countries = session.scalars(
                sa.select(Event.country)
                .where(Event.deleted_at.is_(None), Event.country.is_not(None))
                .distinct()
            ).all()
            projects = session.execute(
                sa.select(Project.id, Project.code, Project.title)
                .where(Project.deleted_at.is_(None))
                .order_by(Project.code, Project.title)
            ).all()
            partners = session.execute(
                sa.select(Organization.id, Organization.name, Organization.acronym)
                .where(
                    Organization.deleted_at.is_(None),
                    Organization.id.in_(
                        sa.select(EventPartner.organization_id).where(
                            EventPartner.deleted_at.is_(None)
                        )
                    ),
                )
                .order_by(Organization.name)
            ).all()
        self.country.addItem(tr("All countries"), None)
        for code in sorted(countries, key=reference.country_name):
            self.country.addItem(reference.country_name(code), code)
        self.project.addItem(tr("All projects"), None)
        for project_id, code, title in projects:
            self.project.addItem(" — ".join(p for p in (code, title) if p), project_id)
        self.partner.addItem(tr("All partners"), None)
        for org_id, name, acronym in partners:
            self.partner.addItem(f"{name} ({acronym})" if acronym else name, org_id)

    def _check(self) -> bool:
        ok = self.date_to.date() >= self.date_from.date()
        self.problem.setText("" if ok else tr("The period ends before it starts."))
        for button in (self.preview_button, self.print_button, self.pdf_button, self.xlsx_button):
            button.setEnabled(ok)
        return ok

    def period_filter(self) -> PeriodFilter:
        """The chosen range and filters."""
        project: uuid.UUID | None = self.project.currentData()
        partner: uuid.UUID | None = self.partner.currentData()
        return PeriodFilter(
            _to_date(self.date_from.date()),
            _to_date(self.date_to.date()),
            self.country.currentData(),
            project,
            partner,
            self.project.currentText() if project else None,
            self.partner.currentText() if partner else None,
        )

    def lang(self) -> str:
        return self.language.currentData()

    def _run(self, what: str) -> None:
        """Preview, print or save the report: its figures are counted on the job thread (over
        many years of a big database that takes seconds), with a progress dialog whose Cancel
        gives up waiting; the window stays responsive meanwhile. Figures once counted serve
        every button until the range or a filter changes."""
        if not self._check() or self.job is not None:
            return
        period = self.period_filter()
        if period in self._figures:
            self._deliver(what, self._figures[period])
            return
        from ui.jobs import run_job

        stop: list[Callable[[], None]] = []  # stops the running query, once it runs

        def work(context: JobContext) -> PeriodFigures:
            from app.reports import tallies
            from app.reports.period_figures import period_figures

            def watch(session: Session) -> None:
                stop[:] = [statement_interrupter(session)]
                context.progress(0, 1)  # raises Cancelled if the user has already given up

            try:
                # The figures kept ahead of time brought up to date (and kept), if anything
                # changed; then read without holding the write lock.
                tallies.update(self.database, watch)
                with self.database.session_scope(readonly=True) as session:
                    watch(session)
                    return period_figures(session, period)
            except sa.exc.DBAPIError:
                if context.cancelled:  # the query was stopped on purpose
                    raise Cancelled() from None
                raise

        def cancel() -> None:
            job.context.cancel()
            for interrupt in stop:
                interrupt()

        progress = QProgressDialog(
            tr("Counting the figures of the period…"), tr("Cancel"), 0, 0, self
        )
        progress.setWindowTitle(tr("Period report"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(400)
        progress.setValue(0)  # starts the clock: shown if counting takes longer than that
        self._set_busy(True)

        def finished() -> bool:
            """Tidy up; whether the dialog is still there to hear the outcome."""
            if not shiboken6.isValid(self):  # closed and deleted meanwhile
                return False
            self.job = None
            self._cancel_job = None
            progress.reset()
            progress.deleteLater()
            self._set_busy(False)
            return not job.context.cancelled  # else the user gave up waiting

        def succeeded(figures: PeriodFigures) -> None:
            if finished():
                self._figures = {period: figures}
                self._deliver(what, figures)

        def failed(message: str, cancelled: bool) -> None:
            if finished() and not cancelled:
                QMessageBox.warning(self, "Convene", message)

        job = self.job = run_job(work, on_success=succeeded, on_failure=failed)
        self._cancel_job = cancel
        progress.canceled.connect(cancel)

    def done(self, result: int) -> None:
        """Closing the dialog while counting stops the count."""
        if self._cancel_job is not None:
            self._cancel_job()
        super().done(result)

    def _set_busy(self, busy: bool) -> None:
        for button in (self.preview_button, self.print_button, self.pdf_button, self.xlsx_button):
            button.setEnabled(not busy)
        for field in (self.date_from, self.date_to, self.country, self.project, self.partner):
            field.setEnabled(not busy)
        if not busy:
            self._check()

    def _deliver(self, what: str, figures: PeriodFigures) -> None:
        from app.reports.period_report import period_document
        from ui import report_output

        if what == "xlsx":
            report_output.save_period_report_xlsx(self, figures, self.lang())
            return
        report = period_document(figures, self.lang())
        if what == "preview":
            report_output.preview_report(self, report)
        elif what == "print":
            report_output.print_report(self, report)
        else:
            report_output.save_report_pdf(self, report)
