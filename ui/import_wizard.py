"""The attendee-list import wizard: choose the file and sheet → check the header row and what each
column is read as → review the plan (rows coloured by outcome; settle unsure matches) → import,
with a progress bar and Cancel, off the GUI thread → summary, with the rows to fix as a workbook.

Everything it does goes through ``app.importing``; cancelling the import rolls its one
transaction back, so the database is left as it was.
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from app import reference
from app.errors import ConveneError
from app.i18n import N_, tr, tr_n
from app.importing import mapping
from app.importing.importer import ImportOutcome, remembered_layouts
from app.importing.linked import find_linked_tables
from app.importing.planning import ImportPlan
from app.importing.reading import Workbook, column_letter, read_workbook
from app.importing.register_reading import events_named, looks_like_register
from app.importing.understanding import UnderstoodList, understand
from app.importing.vocabulary import FIELDS
from app.queries import list_events
from db.engine import Database
from ui.formatting import show_date
from ui.import_models import SheetPreviewModel
from ui.import_pages import ERROR_STYLE, ImportPage, PlanPage, SummaryPage

FILE_FILTER = N_(
    "Attendee lists (*.xlsx *.xlsm *.xls *.xlsb *.ods *.csv *.txt *.tsv *.mdb *.accdb);;"
    "All files (*)"
)

log = logging.getLogger(__name__)


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
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
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
        self.setSubTitle(
            self.tr(
                "Excel (.xlsx, .xls, .xlsb), LibreOffice (.ods) or CSV files, or a table of an"
                " Access database (.mdb, .accdb)."
            )
        )
        self.event_box = QComboBox()
        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText(self.tr("The list's file"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        self.sheet_box = QComboBox()
        self.reading = None  # the job reading the chosen file, while it runs
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
        self.no_events = QLabel(
            self.tr(
                "There are no events yet. An attendee list goes into an event: close this,"
                " record the event (Events list → New event), then import its list from the"
                " event's Participants tab."
            )
        )
        self.no_events.setObjectName("no_events")
        self.no_events.setWordWrap(True)
        self.no_events.setStyleSheet("color: #8a5300;")
        grid.addWidget(self.no_events, 0, 1, 1, 2)  # in the place of the (empty) list
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(4, 1)
        with wizard.database.session_scope(readonly=True) as session:
            for event in list_events(session):
                when = show_date(dt.date.fromisoformat(event["start_date"]))
                title = reference.event_title(event["title"], event["title_ru"])
                label = f"{event['reference']}  {title}  ({when})"
                self.event_box.addItem(label, event["id"])  # str: combo data compare by value
        if wizard.event_id is not None:
            self.event_box.setCurrentIndex(max(self.event_box.findData(str(wizard.event_id)), 0))
            self.event_box.setEnabled(False)
        self.no_events.setVisible(self.event_box.count() == 0)
        self.event_box.setVisible(self.event_box.count() > 0)
        self.path_edit.editingFinished.connect(lambda: self.open_file(self.path_edit.text()))

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Attendee list"), "", tr(FILE_FILTER))
        if path:
            self.open_file(path)

    def open_file(self, path: str) -> None:
        """Read the file at ``path`` off the GUI thread (a big or hostile file may take a while)
        and offer its sheets, or say why it cannot be read."""
        from ui.jobs import run_job, user_message

        self.path_edit.setText(path)
        self.sheet_box.clear()
        self.w.workbook = None
        self.reading = None
        self.completeChanged.emit()
        if not path.strip():
            self.message.setText("")
            return
        self.message.setStyleSheet("")
        self.message.setText(self.tr("Reading the file…"))
        target = Path(path.strip())

        def done(workbook: Workbook) -> None:
            if self.path_edit.text() != path:  # another file was chosen meanwhile
                return
            try:
                self._offer_sheets(workbook)
            except Exception as exc:  # never leave the page waiting: say what went wrong
                log.exception("offering the sheets of %s failed", target)
                self.sheet_box.clear()
                failed(user_message(exc), False)
                return
            self.w.workbook = workbook
            self.message.setText(
                tr_n("%n sheet(s) in this file.", len(workbook.sheet_names))
                + self._linked_tables_note(workbook)
            )
            self.reading = None
            self.completeChanged.emit()

        def failed(message: str, _cancelled: bool) -> None:
            if self.path_edit.text() != path:
                return
            self.message.setStyleSheet(ERROR_STYLE)
            self.message.setText(message)
            self.reading = None
            self.completeChanged.emit()

        self.reading = run_job(
            lambda context: read_workbook(target), on_success=done, on_failure=failed
        )

    def _linked_tables_note(self, workbook: Workbook) -> str:
        """What to say when the file keeps events, people and attendance in linked tables."""
        linked = find_linked_tables(workbook)
        if linked is None:
            return ""
        return self.tr(
            " It keeps linked tables: {tables}. To bring in all their events and people:"
            " python main.py import FILE --events-table \"{events}\" --people-table"
            " \"{people}\" --links-table \"{links}\"."
        ).format(
            tables=linked.describe(), events=linked.events, people=linked.people,
            links=linked.links,
        )  # fmt: skip

    def _offer_sheets(self, workbook: Workbook) -> None:
        """The visible sheets first, then the hidden ones marked so; the sheet the import
        would read by itself is chosen. Each item's data is the sheet's name."""
        for sheet in sorted(workbook.sheets, key=lambda s: s.hidden):  # stable: file order kept
            label = sheet.name + (self.tr(" (hidden)") if sheet.hidden else "")
            self.sheet_box.addItem(label, sheet.name)
        self.sheet_box.setCurrentIndex(self.sheet_box.findData(workbook.default_sheet.name))

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
        self.header_spin.setMinimum(0)  # 0: the list has no header row
        self.header_spin.setSpecialValueText(self.tr("none"))
        self.remembered = QLabel()
        self.register_note = QLabel()
        self.register_note.setObjectName("register_note")
        self.register_note.setWordWrap(True)
        self.register_note.setStyleSheet(
            "background: #fff4d6; border: 1px solid #e0b44c; padding: 6px; color: #5a4000;"
        )
        self.register_note.hide()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
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
        layout.addWidget(self.register_note)
        layout.addWidget(self.columns_area)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        self.combos: dict[int, QComboBox] = {}
        self._layout: list[tuple[int, str]] | None = None
        self.header_chosen = False  # the user set the header row (else it is worked out)
        self.header_spin.valueChanged.connect(self._header_row_chosen)

    def _header_row_chosen(self, row: int) -> None:
        self.header_chosen = True
        self._reread(header_row=row)

    def initializePage(self) -> None:
        book = self.w.workbook
        assert book is not None
        self.header_chosen = False
        self.sheet_name = self.w.file_page.sheet_box.currentData()
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
            self._offer_columns(header_row, overrides)
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
        self._say_if_register(understood)
        self._show_columns(understood.columns)
        self.model.show(understood.sheet, understood.columns, understood.header_row)
        self.table.resizeColumnsToContents()
        # the sheet's columns share the page's width when they can (a wide sheet still scrolls)
        columns = max(1, self.model.columnCount())
        room = max(self.width(), self.wizard().width() if self.wizard() else 0, 900) - 80
        cap = max(90, min(260, room // columns))
        for column in range(self.model.columnCount()):
            self.table.setColumnWidth(column, min(max(self.table.columnWidth(column), 90), cap))
        self.completeChanged.emit()

    def _say_if_register(self, understood: UnderstoodList) -> None:
        """A sheet whose columns name each row's event (a register of many events) is said to
        be one: imported here, all its rows would go into the one event chosen."""
        columns = looks_like_register(understood.sheet, understood.header_row)
        events = events_named(understood.sheet, understood.header_row, columns) if columns else []
        self.register_note.setVisible(len(events) > 1)
        if len(events) <= 1:
            return
        named = ", ".join(f"“{c.header}”" for c in columns.values())
        first = min(e.start_date for e in events)
        last = max(e.end_date for e in events)
        self.register_note.setText(
            self.tr(
                "This sheet is a register of {count} events ({first} – {last}): its columns"
                " {columns} say which event each row belongs to. Imported here, every row"
                " would go into the one event chosen; to bring in each event with its people,"
                " import it as a register: python main.py import FILE --register"
                " (README: “Bringing in your history”)."
            ).format(count=len(events), first=show_date(first), last=show_date(last), columns=named)
        )

    def _offer_columns(
        self, header_row: int | None, overrides: dict[str, str | None] | None
    ) -> None:
        """The columns to choose from when no name column was found (a list without headers,
        or with headers not known): each can be given its field, as ``--map`` does."""
        assert self.w.workbook is not None
        sheet = self.w.workbook.sheet(self.sheet_name)
        columns = mapping.detect_columns(sheet, header_row or 0)
        for column in columns:
            if overrides and column.letter in overrides:
                column.field = overrides[column.letter]
        self._show_columns(columns)

    def _show_columns(self, columns: list[mapping.Column]) -> None:
        layout = [(c.index, c.header) for c in columns]
        if layout == self._layout:  # same columns: only the choices moved
            for column in columns:
                combo = self.combos.get(column.index)
                if combo is not None:
                    combo.blockSignals(True)
                    combo.setCurrentIndex(max(combo.findData(column.field), 0))
                    combo.blockSignals(False)
            return
        self._layout = layout
        holder = QWidget()
        grid = QGridLayout(holder)
        grid.setContentsMargins(4, 4, 4, 4)
        self.combos = {}
        per_line = 3
        sheet = self.w.workbook.sheet(self.sheet_name) if self.w.workbook else None
        filled = {i for row in (sheet.rows[:50] if sheet else []) for i, v in enumerate(row) if v}
        for column in columns:
            if not column.header and column.field is None and column.index not in filled:
                continue
            line, place = divmod(len(self.combos), per_line)
            label = QLabel(f"<b>{column.letter}</b> {column.header[:28]}")
            label.setToolTip(column.header)
            combo = QComboBox()
            combo.addItem(self.tr("Not imported"), None)
            for field, text in FIELDS.items():
                if field in ("ignore",) or (field == "day" and column.day is None):
                    continue
                combo.addItem(tr(text), field)
            combo.setCurrentIndex(max(combo.findData(column.field), 0))
            combo.currentIndexChanged.connect(lambda _i: self._columns_changed())
            grid.addWidget(label, line, place * 2)
            grid.addWidget(combo, line, place * 2 + 1)
            self.combos[column.index] = combo
        for place in range(per_line):
            grid.setColumnStretch(place * 2 + 1, 1)
        old = self.columns_area.takeWidget()
        if old is not None:  # a combo of it may be the one whose change led here
            old.deleteLater()
        self.columns_area.setWidget(holder)

    def _columns_changed(self) -> None:
        understood = self.w.understood
        header_row = understood.header_row if understood else self.header_spin.value()
        if understood is None and not self.header_chosen:
            header_row = None  # worked out from the columns chosen, as with --map
        chosen = {column_letter(i): combo.currentData() for i, combo in self.combos.items()}
        self._reread(header_row, chosen)

    def isComplete(self) -> bool:
        return self.w.understood is not None
