"""The later pages of the import wizard: the plan (rows coloured by outcome, unsure matches
settled), the import itself (on the job thread, with progress and Cancel) and the summary (with
the rows to fix as a workbook)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from app.i18n import tr, tr_n
from app.importing.error_workbook import write_error_workbook
from app.importing.importer import ImportOutcome, import_list, plan_import
from app.importing.planning import AMBIGUOUS, CHOOSE_NEW, DUPLICATE, MATCHED, NEW, ImportPlan
from ui.import_models import PlanModel
from ui.jobs import Job, run_job

ERROR_STYLE = "color: #b00020;"
FIT_ROWS = 1500


class PlanPage(QWizardPage):
    """What importing would do, row by row; unsure matches are settled here."""

    def __init__(self, wizard: Any) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("Review what will happen"))
        self.counts = QLabel()
        self.counts.setWordWrap(True)
        self.only = QCheckBox(self.tr("Only rows that need attention"))
        self.model = PlanModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)  # long reasons wrap instead of being cut off
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.choice_label = QLabel(self.tr("Row is:"))
        self.choice = QComboBox()
        self.choice.setMinimumContentsLength(40)
        self.apply = QPushButton(self.tr("Use this"))
        self.apply.clicked.connect(self._apply_choice)
        chooser = QHBoxLayout()
        chooser.addWidget(self.choice_label)
        chooser.addWidget(self.choice, 1)
        chooser.addWidget(self.apply)
        layout = QVBoxLayout(self)
        layout.addWidget(self.counts)
        layout.addWidget(self.only)
        layout.addWidget(self.table, 1)
        layout.addLayout(chooser)
        self.only.toggled.connect(self._only_attention)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._offer_choice())
        self.job: Job | None = None
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Import"))
        self._offer_choice()

    def initializePage(self) -> None:
        self.w.plan = None
        self.counts.setText(self.tr("Comparing the list with the people in the database…"))
        self.model.show([])
        understood, event_id, resolutions = (
            self.w.understood,
            self.w.event_id,
            dict(self.w.resolutions),
        )
        assert understood is not None and event_id is not None
        self.job = run_job(
            lambda _context: plan_import(self.w.database, understood, event_id, resolutions),
            on_success=self._planned,
            on_failure=self._failed,
        )
        self.completeChanged.emit()

    def _only_attention(self, only: bool) -> None:
        self.model.set_only_attention(only)
        self._fit_rows()

    def _fit_rows(self) -> None:
        """Wrap long reasons onto a second line; on very long lists (measuring every row would
        take long) keep one line and leave the full text to the tooltips."""
        fits = self.model.rowCount() <= FIT_ROWS
        self.table.setWordWrap(fits)
        if fits:
            self.table.resizeRowsToContents()

    def _planned(self, plan: ImportPlan) -> None:
        self.job = None
        self.w.plan = plan
        self.model.show(plan.rows)
        self.table.setColumnWidth(0, 50)
        # the outcome ("New person", "Новый человек") on one line, whatever the language
        self.table.setWordWrap(False)
        self.table.resizeColumnToContents(1)
        self.table.setColumnWidth(1, max(90, self.table.columnWidth(1)))
        self.table.setColumnWidth(2, 230)
        self.table.setColumnWidth(3, 380)
        self._fit_rows()
        self._show_counts()
        self.completeChanged.emit()

    def _failed(self, message: str, _cancelled: bool) -> None:
        self.job = None
        self.counts.setText(message)
        self.counts.setStyleSheet(ERROR_STYLE)

    def _show_counts(self) -> None:
        plan = self.w.plan
        assert plan is not None
        c = plan.counts()
        text = self.tr(
            "Into <b>{event}</b>: {new} new people, {matched} matched ({already} already listed),"
            " {ambiguous} to choose, {repeats} repeating an earlier row, {skipped} not imported,"
            " {ignored} blank, heading or total rows ignored; {problems} left out."
        ).format(
            event=plan.event_label, new=c["people_created"], matched=c["people_matched"],
            already=c["already_in_event"], ambiguous=c["ambiguous"], repeats=c["repeats"],
            skipped=c["skipped"] - c["ambiguous"] - c["repeats"], ignored=c["ignored"],
            problems=tr_n("%n row(s) with a value", c["with_problems"]),
        )  # fmt: skip
        notes = "".join(f"<br>{note}" for note in plan.notes)
        self.counts.setStyleSheet("")
        self.counts.setText(text + notes)

    def _offer_choice(self) -> None:
        self.choice.clear()
        index = self.table.currentIndex()
        planned = self.model.planned(index.row()) if index.isValid() else None
        choosable = planned is not None and (
            planned.outcome == AMBIGUOUS or planned.row in self.w.resolutions
        )
        for widget in (self.choice, self.apply, self.choice_label):
            widget.setEnabled(choosable)
        if not choosable or planned is None:
            return
        for candidate in planned.candidates:
            self.choice.addItem(
                self.tr("the same as {who}").format(who=candidate.describe()), candidate.person_id
            )
        self.choice.addItem(self.tr("a new person"), CHOOSE_NEW)

    def _apply_choice(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid():
            return
        planned = self.model.planned(index.row())
        choice = self.choice.currentData()
        self.w.resolutions[planned.row] = choice
        if choice == CHOOSE_NEW:
            planned.outcome, planned.person_id, planned.why = (
                NEW,
                None,
                self.tr("chosen: a new person"),
            )
        else:
            chosen = next(c for c in planned.candidates if c.person_id == choice)
            planned.outcome, planned.person_id = MATCHED, choice
            planned.why = self.tr("chosen by you")
            planned.candidates = [chosen, *[c for c in planned.candidates if c is not chosen]]
        self.model.refresh(planned)
        if self.table.wordWrap():
            self.table.resizeRowToContents(index.row())
        self._show_counts()

    def isComplete(self) -> bool:
        return self.w.plan is not None


class ImportPage(QWizardPage):
    """The import itself, on the job thread, with progress and Cancel."""

    def __init__(self, wizard: Any) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("Importing"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.bar = QProgressBar()
        self.cancel_button = QPushButton(self.tr("Cancel the import"))
        self.cancel_button.clicked.connect(self.cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.bar)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.cancel_button)
        layout.addLayout(row)
        layout.addStretch(1)
        self.job: Job | None = None
        self.finished = False

    def initializePage(self) -> None:
        self.finished = False
        self.bar.setRange(0, 0)
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Starting…"))
        self.cancel_button.setEnabled(True)
        understood, event_id, resolutions = (
            self.w.understood,
            self.w.event_id,
            dict(self.w.resolutions),
        )
        assert understood is not None and event_id is not None

        def work(context: Any) -> ImportOutcome:
            return import_list(
                self.w.database,
                understood,
                event_id,
                resolutions=resolutions,
                progress=context.progress,
            )

        self.job = run_job(
            work, on_success=self._done, on_failure=self._failed, on_progress=self._progress
        )

    def cancel(self) -> None:
        if self.job is not None:
            self.job.context.cancel()
            self.cancel_button.setEnabled(False)
            self.status.setText(self.tr("Cancelling…"))

    def _progress(self, done: int, total: int, message: str) -> None:
        self.bar.setRange(0, total)
        self.bar.setValue(done)
        self.status.setText(message)

    def _done(self, outcome: ImportOutcome) -> None:
        self.job = None
        self.w.outcome = outcome
        self.finished = True
        self.bar.setRange(0, 1)
        self.bar.setValue(1)
        self.cancel_button.setEnabled(False)
        self.status.setText(self.tr("Done."))
        self.completeChanged.emit()
        self.w.next()

    def _failed(self, message: str, cancelled: bool) -> None:
        self.job = None
        self.bar.setRange(0, 1)
        self.bar.setValue(0)
        self.cancel_button.setEnabled(False)
        self.status.setStyleSheet("" if cancelled else ERROR_STYLE)
        self.status.setText(
            self.tr("Cancelled: nothing was imported. Go back to change something, or close.")
            if cancelled
            else message
        )

    def isComplete(self) -> bool:
        return self.finished


class SummaryPage(QWizardPage):
    """What the import did, and the rows to fix as a workbook."""

    def __init__(self, wizard: Any) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("Imported"))
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.save = QPushButton(self.tr("Save the rows to fix…"))
        self.save.clicked.connect(self._save_errors)
        self.saved = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        row = QHBoxLayout()
        row.addWidget(self.save)
        row.addWidget(self.saved, 1)
        layout.addLayout(row)
        layout.addStretch(1)

    def initializePage(self) -> None:
        outcome = self.w.outcome
        assert outcome is not None
        s = outcome.summary()
        repeats = {r.row for r in outcome.plan.rows if r.outcome == DUPLICATE}
        left_out = [x for x in s["skipped"] if x["row"] not in repeats]
        skipped = "".join(f"<li>row {x['row']}: {x['reason']}</li>" for x in left_out[:12])
        more = len(left_out) - 12
        self.text.setText(
            self.tr(
                "<p>{file}, sheet “{sheet}”, into <b>{event}</b>:</p><ul>"
                "<li>{created} added to the database</li>"
                "<li>{matched} found already in the database</li>"
                "<li>{added} added to the event; {already} already listed</li>"
                "<li>{updated} of the people found got details the database did not have</li>"
                "<li>{ignored} ignored (blank, heading or total rows)</li>"
                "<li>{repeats} repeating an earlier row (one participation)</li>"
                "<li>{skipped} not imported</li></ul>"
            ).format(
                file=Path(s["file"]).name,
                sheet=s["sheet"],
                event=outcome.plan.event_label,
                created=tr_n("%n new [person|people]", s["people_created"]),
                matched=tr_n("%n [person|people]", s["people_matched"]),
                added=tr_n("%n [person|people]", s["added_to_event"]),
                already=s["already_in_event"],
                updated=outcome.result.people_updated if outcome.result else 0,
                ignored=tr_n("%n row(s)", s["ignored"]),
                repeats=tr_n("%n row(s)", len(repeats)),
                skipped=tr_n("%n row(s)", len(left_out)),
            )
            + (f"<p>{self.tr('Not imported:')}</p><ul>{skipped}</ul>" if skipped else "")
            + (f"<p>{self.tr('… and {n} more.').format(n=more)}</p>" if more > 0 else "")
        )
        problems = len(outcome.plan.problem_rows())
        self.save.setEnabled(problems > 0)
        self.saved.setText(
            self.tr("{rows} to fix: skipped, or with a value left out.").format(
                rows=tr_n("%n row(s)", problems)
            )
            if problems
            else self.tr("Nothing to fix.")
        )

    def _save_errors(self) -> None:
        outcome = self.w.outcome
        assert outcome is not None
        suggested = outcome.plan.understood.workbook.path.with_name(
            outcome.plan.understood.workbook.path.stem + tr(" - to fix.xlsx")
        )
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Rows to fix"), str(suggested), self.tr("Excel (*.xlsx)")
        )
        if path:
            self.write_errors(Path(path))

    def write_errors(self, path: Path) -> None:
        outcome = self.w.outcome
        assert outcome is not None
        count = write_error_workbook(outcome.plan, path)
        self.saved.setText(
            self.tr("{rows} written to {path}.").format(rows=tr_n("%n row(s)", count), path=path)
        )
