"""The attendee-list import wizard: choose the file and sheet → check the header row and what each
column is read as → review the plan (rows coloured by outcome; settle unsure matches) → import,
with a progress bar and Cancel, off the GUI thread → summary, with the rows to fix as a workbook.

Everything it does goes through ``app.importing``; cancelling the import rolls its one
transaction back, so the database is left as it was.
"""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from app.errors import ConveneError
from app.importing.error_workbook import write_error_workbook
from app.importing.importer import ImportOutcome, import_list, plan_import, remembered_layouts
from app.importing.planning import AMBIGUOUS, CHOOSE_NEW, MATCHED, NEW, ImportPlan
from app.importing.reading import Workbook, column_letter, read_workbook
from app.importing.understanding import UnderstoodList, understand
from app.importing.vocabulary import FIELDS
from app.queries import list_events
from db.engine import Database
from ui.import_models import PlanModel, SheetPreviewModel
from ui.jobs import Job, run_job

FILE_FILTER = "Attendee lists (*.xlsx *.xlsm *.xls *.xlsb *.ods *.csv *.txt *.tsv);;All files (*)"
_ERROR_STYLE = "color: #b00020;"


class ImportWizard(QWizard):
    """Import an attendee list into an event (``event_id``; chosen on the first page if None)."""

    def __init__(
        self, database: Database, event_id: uuid.UUID | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.event_id = event_id
        self.workbook: Workbook | None = None
        self.understood: UnderstoodList | None = None
        self.plan: ImportPlan | None = None
        self.resolutions: dict[int, uuid.UUID | str] = {}
        self.outcome: ImportOutcome | None = None
        self.setWindowTitle(self.tr("Import attendee list"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.file_page = ChooseFilePage(self)
        self.preview_page = PreviewPage(self)
        self.plan_page = PlanPage(self)
        self.import_page = ImportPage(self)
        self.summary_page = SummaryPage(self)
        for page in (self.file_page, self.preview_page, self.plan_page, self.import_page,
                     self.summary_page):  # fmt: skip
            self.addPage(page)
        self.resize(1100, 720)

    def reject(self) -> None:
        if self.import_page.job is not None:  # cancel the running import first
            self.import_page.cancel()
            return
        super().reject()


class ChooseFilePage(QWizardPage):
    """The event (when not given), the file and the sheet."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("Choose the attendee list"))
        self.setSubTitle(self.tr("Excel (.xlsx, .xls, .xlsb), LibreOffice (.ods) or CSV files."))
        self.event_box = QComboBox()
        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText(self.tr("The list's file"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        self.sheet_box = QComboBox()
        self.message = QLabel()
        self.message.setWordWrap(True)
        grid = QGridLayout(self)
        grid.addWidget(QLabel(self.tr("Event:")), 0, 0)
        grid.addWidget(self.event_box, 0, 1, 1, 2)
        grid.addWidget(QLabel(self.tr("File:")), 1, 0)
        grid.addWidget(self.path_edit, 1, 1)
        grid.addWidget(browse, 1, 2)
        grid.addWidget(QLabel(self.tr("Sheet:")), 2, 0)
        grid.addWidget(self.sheet_box, 2, 1, 1, 2)
        grid.addWidget(self.message, 3, 0, 1, 3)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(4, 1)
        with wizard.database.session_scope(readonly=True) as session:
            for event in list_events(session):
                label = f"{event['reference']}  {event['title']}  ({event['start_date']})"
                self.event_box.addItem(label, event["id"])  # str: combo data compare by value
        if wizard.event_id is not None:
            self.event_box.setCurrentIndex(max(self.event_box.findData(str(wizard.event_id)), 0))
            self.event_box.setEnabled(False)
        self.path_edit.editingFinished.connect(lambda: self.open_file(self.path_edit.text()))

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Attendee list"), "", FILE_FILTER)
        if path:
            self.open_file(path)

    def open_file(self, path: str) -> None:
        """Read the file at ``path`` and offer its sheets (or say why it cannot be read)."""
        self.path_edit.setText(path)
        self.sheet_box.clear()
        self.w.workbook = None
        if path.strip():
            try:
                self.w.workbook = read_workbook(Path(path.strip()))
            except ConveneError as exc:
                self.message.setStyleSheet(_ERROR_STYLE)
                self.message.setText(str(exc))
            else:
                self.sheet_box.addItems(self.w.workbook.sheet_names)
                first = self.w.workbook.sheet().name
                self.sheet_box.setCurrentText(first)
                self.message.setStyleSheet("")
                self.message.setText(
                    self.tr("%n sheet(s) in this file.", "", len(self.w.workbook.sheet_names))
                )
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.w.workbook is not None and self.event_box.currentData() is not None

    def validatePage(self) -> bool:
        if not self.isComplete():
            return False
        self.w.event_id = uuid.UUID(self.event_box.currentData())
        return True


class PreviewPage(QWizardPage):
    """The sheet with its header row marked; the header row and each column's field editable."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("Check the header row and the columns"))
        self.header_spin = QSpinBox()
        self.header_spin.setMinimum(1)
        self.remembered = QLabel()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(_ERROR_STYLE)
        self.columns_area = QScrollArea()
        self.columns_area.setWidgetResizable(True)
        self.columns_area.setMaximumHeight(190)
        self.model = SheetPreviewModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Headers are in row")))
        top.addWidget(self.header_spin)
        top.addWidget(self.remembered, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.columns_area)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        self.combos: dict[int, QComboBox] = {}
        self.header_spin.valueChanged.connect(
            lambda _v: self._reread(header_row=self.header_spin.value())
        )

    def initializePage(self) -> None:
        book = self.w.workbook
        assert book is not None
        self.sheet_name = self.w.file_page.sheet_box.currentText()
        self.header_spin.setMaximum(max(len(book.sheet(self.sheet_name).rows), 1))
        self._reread(header_row=None)

    def _reread(
        self, header_row: int | None, overrides: dict[str, str | None] | None = None
    ) -> None:
        book = self.w.workbook
        assert book is not None
        with self.w.database.session_scope(readonly=True) as session:
            remembered = remembered_layouts(session)
        try:
            self.w.understood = understand(
                book,
                self.sheet_name,
                header_row=header_row,
                overrides=overrides,
                remembered=remembered,
            )
            self.message.setText("")
        except ConveneError as exc:
            self.w.understood = None
            self.message.setText(str(exc))
            sheet = book.sheet(self.sheet_name)
            self.model.show(sheet, [], header_row or 0)
            self.completeChanged.emit()
            return
        understood = self.w.understood
        self.header_spin.blockSignals(True)
        self.header_spin.setValue(understood.header_row)
        self.header_spin.blockSignals(False)
        self.remembered.setText(
            self.tr("Columns as in an earlier import of a list laid out like this one.")
            if understood.remembered
            else ""
        )
        self._show_columns(understood)
        self.model.show(understood.sheet, understood.columns, understood.header_row)
        self.table.resizeColumnsToContents()
        for column in range(self.model.columnCount()):
            self.table.setColumnWidth(column, min(max(self.table.columnWidth(column), 90), 260))
        self.completeChanged.emit()

    def _show_columns(self, understood: UnderstoodList) -> None:
        holder = QWidget()
        grid = QGridLayout(holder)
        grid.setContentsMargins(4, 4, 4, 4)
        self.combos = {}
        per_line = 3
        for column in understood.columns:
            if not column.header and column.field is None:
                continue
            line, place = divmod(len(self.combos), per_line)
            label = QLabel(f"<b>{column.letter}</b> {column.header[:28]}")
            label.setToolTip(column.header)
            combo = QComboBox()
            combo.addItem(self.tr("Not imported"), None)
            for field, text in FIELDS.items():
                if field in ("ignore",) or (field == "day" and column.day is None):
                    continue
                combo.addItem(text, field)
            combo.setCurrentIndex(max(combo.findData(column.field), 0))
            combo.currentIndexChanged.connect(lambda _i: self._columns_changed())
            grid.addWidget(label, line, place * 2)
            grid.addWidget(combo, line, place * 2 + 1)
            self.combos[column.index] = combo
        for place in range(per_line):
            grid.setColumnStretch(place * 2 + 1, 1)
        self.columns_area.setWidget(holder)

    def _columns_changed(self) -> None:
        understood = self.w.understood
        header_row = understood.header_row if understood else self.header_spin.value()
        chosen = {column_letter(i): combo.currentData() for i, combo in self.combos.items()}
        self._reread(header_row, chosen)

    def isComplete(self) -> bool:
        return self.w.understood is not None


class PlanPage(QWizardPage):
    """What importing would do, row by row; unsure matches are settled here."""

    def __init__(self, wizard: ImportWizard) -> None:
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
        self.table.setWordWrap(False)
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
        self.only.toggled.connect(self.model.set_only_attention)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._offer_choice())
        self.job: Job | None = None
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

    def _planned(self, plan: ImportPlan) -> None:
        self.job = None
        self.w.plan = plan
        self.model.show(plan.rows)
        self.table.setColumnWidth(0, 50)
        self.table.setColumnWidth(1, 90)
        self.table.setColumnWidth(2, 230)
        self.table.setColumnWidth(3, 380)
        self._show_counts()
        self.completeChanged.emit()

    def _failed(self, message: str, _cancelled: bool) -> None:
        self.job = None
        self.counts.setText(message)
        self.counts.setStyleSheet(_ERROR_STYLE)

    def _show_counts(self) -> None:
        plan = self.w.plan
        assert plan is not None
        c = plan.counts()
        text = self.tr(
            "Into <b>{event}</b>: {new} new people, {matched} matched ({already} already listed),"
            " {ambiguous} to choose, {skipped} not imported, {ignored} blank or total rows ignored,"
            " {problems} rows with problems."
        ).format(
            event=plan.event_label, new=c["people_created"], matched=c["people_matched"],
            already=c["already_in_event"], ambiguous=c["ambiguous"],
            skipped=c["skipped"] - c["ambiguous"], ignored=c["ignored"], problems=c["with_problems"],
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
        self._show_counts()

    def isComplete(self) -> bool:
        return self.w.plan is not None


class ImportPage(QWizardPage):
    """The import itself, on the job thread, with progress and Cancel."""

    def __init__(self, wizard: ImportWizard) -> None:
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
        self.status.setStyleSheet("" if cancelled else _ERROR_STYLE)
        self.status.setText(
            self.tr("Cancelled: nothing was imported. Go back to change something, or close.")
            if cancelled
            else message
        )

    def isComplete(self) -> bool:
        return self.finished


class SummaryPage(QWizardPage):
    """What the import did, and the rows to fix as a workbook."""

    def __init__(self, wizard: ImportWizard) -> None:
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
        skipped = "".join(f"<li>row {x['row']}: {x['reason']}</li>" for x in s["skipped"][:12])
        more = len(s["skipped"]) - 12
        self.text.setText(
            self.tr(
                "<p>{file}, sheet “{sheet}”, into <b>{event}</b>:</p><ul>"
                "<li>{created} new people added to the database</li>"
                "<li>{matched} people found already in the database</li>"
                "<li>{added} added to the event, {already} were already listed</li>"
                "<li>{ignored} blank, heading or total rows ignored</li>"
                "<li>{skipped} rows not imported</li></ul>"
            ).format(
                file=Path(s["file"]).name,
                sheet=s["sheet"],
                event=outcome.plan.event_label,
                created=s["people_created"],
                matched=s["people_matched"],
                added=s["added_to_event"],
                already=s["already_in_event"],
                ignored=s["ignored"],
                skipped=len(s["skipped"]),
            )
            + (f"<p>{self.tr('Not imported:')}</p><ul>{skipped}</ul>" if skipped else "")
            + (f"<p>{self.tr('… and {n} more.').format(n=more)}</p>" if more > 0 else "")
        )
        problems = len(outcome.plan.problem_rows())
        self.save.setEnabled(problems > 0)
        self.saved.setText(self.tr("{n} rows to fix.").format(n=problems) if problems else "")

    def _save_errors(self) -> None:
        outcome = self.w.outcome
        assert outcome is not None
        suggested = outcome.plan.understood.workbook.path.with_name(
            outcome.plan.understood.workbook.path.stem + " - to fix.xlsx"
        )
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Rows to fix"), str(suggested), "Excel (*.xlsx)"
        )
        if path:
            self.write_errors(Path(path))

    def write_errors(self, path: Path) -> None:
        outcome = self.w.outcome
        assert outcome is not None
        count = write_error_workbook(outcome.plan, path)
        self.saved.setText(self.tr("{n} rows written to {path}.").format(n=count, path=path))
