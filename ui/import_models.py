"""Table models of the import wizard: the sheet as read (with its header row marked) and the
import plan (one row per list row, coloured by what importing it does)."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from app.i18n import N_, tr, translation
from app.importing.mapping import Column
from app.importing.planning import AMBIGUOUS, DUPLICATE, IGNORED, MATCHED, NEW, SKIPPED, PlannedRow
from app.importing.reading import Sheet, column_letter
from app.importing.values import cell_text
from app.importing.vocabulary import FIELDS

PREVIEW_ROWS = 300
DISPLAY, BACKGROUND, FONT, FOREGROUND, TOOLTIP = (
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.BackgroundRole,
    Qt.ItemDataRole.FontRole,
    Qt.ItemDataRole.ForegroundRole,
    Qt.ItemDataRole.ToolTipRole,
)
OUTCOME_COLOURS = {
    NEW: QColor("#e3f4e1"),
    MATCHED: QColor("#e1ecfa"),
    AMBIGUOUS: QColor("#fff1c7"),
    DUPLICATE: QColor("#eeeeee"),
    SKIPPED: QColor("#fbdede"),
    IGNORED: QColor("#f6f6f6"),
}
OUTCOME_WORDS = {
    NEW: N_("New person"),
    MATCHED: N_("Matched"),
    AMBIGUOUS: N_("Choose"),
    DUPLICATE: N_("Repeated"),
    SKIPPED: N_("Skipped"),
    IGNORED: N_("Ignored"),
}


# Phrases of the plan that name a value of the file, a column, a row or a field: worded in English
# by the import, put in the current language here (a value of the file stays as written). The
# third item: which values are themselves phrases of the plan ("phrase"), a field's name
# ("field"), or as written (None).
_WORDED = (
    (re.compile(r"heading row \('(.*)'\)", re.S), N_("heading row ('{0}')"), (None,)),
    (
        re.compile(r"sex taken from the name \((.*)\)", re.S),
        N_("sex taken from the name ({0})"),
        (None,),
    ),
    (
        re.compile(r"column (\w+) \((.*?)\): (.*)", re.S),
        N_("column {0} ({1}): {2}"),
        (None, None, "phrase"),
    ),
    (re.compile(r"column (\w+): (.*)", re.S), N_("column {0}: {1}"), (None, "phrase")),
    (re.compile(r"'(.*)' (not read: .*)", re.S), "'{0}' {1}", (None, "phrase")),
    (
        re.compile(r"not read: the (.*) is taken from column (\w+)", re.S),
        N_("not read: the {0} is taken from column {1}"),
        ("field", None),
    ),
    (
        re.compile(r"not read: '(.*)', written with the name", re.S),
        N_("not read: '{0}', written with the name"),
        (None,),
    ),
    (re.compile(r"kept the first, not (.*)", re.S), N_("kept the first, not {0}"), (None,)),
    (
        re.compile(r"'(.*)' is not an attendance mark", re.S),
        N_("'{0}' is not an attendance mark"),
        (None,),
    ),
    (
        re.compile(r"no family name \(only '(.*)'\)", re.S),
        N_("no family name (only '{0}')"),
        (None,),
    ),
    (
        re.compile(r"a note in parentheses \('(.*)'\), no name", re.S),
        N_("a note in parentheses ('{0}'), no name"),
        (None,),
    ),
    (
        re.compile(r"signature, stamp or note \('(.*)'\)", re.S),
        N_("signature, stamp or note ('{0}')"),
        (None,),
    ),
    (
        re.compile(r"not a person: '(.*)' names an organisation", re.S),
        N_("not a person: '{0}' names an organisation"),
        (None,),
    ),
    (re.compile(r"the same person as row (\d+)"), N_("the same person as row {0}"), (None,)),
    (re.compile(r"the person of row (\d+)"), N_("the person of row {0}"), (None,)),
    (
        re.compile(r"not the person of row (\d+) \((.*)\)", re.S),
        N_("not the person of row {0} ({1})"),
        (None, "phrase"),
    ),
    (
        re.compile(
            r"found as the same person as row (\d+), but the rows differ \((.*)\): it may be someone else",
            re.S,
        ),
        N_(
            "found as the same person as row {0}, but the rows differ ({1}): it may be someone else"
        ),
        (None, "phrase"),
    ),
    (
        re.compile(r"already listed for this event \(the list changes (.*)\)", re.S),
        N_("already listed for this event (the list changes {0})"),
        (None,),
    ),
    (
        re.compile(r"(.*) \(the record is kept\)", re.S),
        N_("{0} (the record is kept)"),
        ("phrases",),
    ),
    (
        re.compile(r"the list says (.*), the record (.*)", re.S),
        N_("the list says {0}, the record {1}"),
        (None, None),
    ),
)
# A field as the plan names it ("country / nationality") → its label in the catalogue.
_FIELD_NAMES = {label.split(" (")[0].lower(): label for label in FIELDS.values()}


def _said_one(part: str) -> str:
    for pattern, template, kinds in _WORDED:
        found = pattern.fullmatch(part)
        if found is not None:
            return tr(template).format(*map(_said_value, found.groups(), kinds))
    if ", " in part and translation(part) is None:  # reasons listed ("same name, same nationality")
        pieces = part.split(", ")
        if all(translation(piece) is not None for piece in pieces):
            return ", ".join(map(tr, pieces))
    return tr(part)


def _said_value(value: str, kind: str | None) -> str:
    if kind == "phrase":
        return _said_one(value)
    if kind == "phrases":  # "… and …"
        return tr(" and ").join(map(_said_one, value.split(" and ")))
    if kind == "field" and value in _FIELD_NAMES:
        return tr(_FIELD_NAMES[value]).split(" (")[0].lower()
    return value


def said(text: str) -> str:
    """A reason the import plan gives, its fixed phrases in the current language (a phrase that
    names a value of the file keeps the value as the plan wrote it)."""
    return "; ".join(_said_one(part) for part in text.split("; ")) if text else text


class SheetPreviewModel(QAbstractTableModel):
    """The first rows of a sheet as they are in the file; the header row in bold, the rows
    above it greyed, each column headed by its letter and the field it is read into."""

    def __init__(self) -> None:
        super().__init__()
        self._sheet: Sheet | None = None
        self._columns: list[Column] = []
        self._header_row = 0

    def show(self, sheet: Sheet | None, columns: list[Column], header_row: int) -> None:
        self.beginResetModel()
        self._sheet, self._columns, self._header_row = sheet, columns, header_row
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self._sheet is None:
            return 0
        return min(len(self._sheet.rows), PREVIEW_ROWS)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self._sheet is None else self._sheet.width

    def data(self, index: QModelIndex, role: int = DISPLAY) -> Any:
        if not index.isValid() or self._sheet is None:
            return None
        number = index.row() + 1
        if role == DISPLAY:
            row = self._sheet.rows[index.row()]
            return cell_text(row[index.column()]) if index.column() < len(row) else None
        if role == FONT and number == self._header_row:
            font = QFont()
            font.setBold(True)
            return font
        if role == BACKGROUND and number == self._header_row:
            return QBrush(QColor("#dde8f6"))
        if role == FOREGROUND and number < self._header_row:
            return QBrush(QColor("#8a8a8a"))
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if role != DISPLAY:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        column = next((c for c in self._columns if c.index == section), None)
        field = tr(FIELDS[column.field]) if column and column.field else "—"
        return f"{column_letter(section)}\n{field}"


class PlanModel(QAbstractTableModel):
    """The plan's rows: row number, what happens, the name as listed, who it is, problems."""

    HEADERS = (
        N_("Row"),
        N_("Outcome"),
        N_("Name in the list"),
        N_("In the database"),
        N_("Problems and notes"),
    )

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[PlannedRow] = []
        self.only_attention = False
        self._all: list[PlannedRow] = []

    def show(self, rows: list[PlannedRow]) -> None:
        self.beginResetModel()
        self._all = rows
        self._rows = [r for r in rows if r.has_problem] if self.only_attention else list(rows)
        self.endResetModel()

    def set_only_attention(self, only: bool) -> None:
        self.only_attention = only
        self.show(self._all)

    def planned(self, row: int) -> PlannedRow:
        return self._rows[row]

    def refresh(self, planned: PlannedRow) -> None:
        if planned in self._rows:
            at = self._rows.index(planned)
            self.dataChanged.emit(self.index(at, 0), self.index(at, len(self.HEADERS) - 1))

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(self, index: QModelIndex, role: int = DISPLAY) -> Any:
        if not index.isValid():
            return None
        planned = self._rows[index.row()]
        if role == BACKGROUND:
            return QBrush(OUTCOME_COLOURS[planned.outcome])
        if role in (DISPLAY, TOOLTIP):
            return self._text(planned, index.column())
        return None

    def _text(self, planned: PlannedRow, column: int) -> str:
        if column == 0:
            return str(planned.row)
        if column == 1:
            return tr(OUTCOME_WORDS[planned.outcome])
        if column == 2:
            return planned.listed.name or said(planned.listed.reason)
        if column == 3:
            if planned.outcome == MATCHED and planned.candidates:
                return f"{planned.candidates[0].describe()} — {said(planned.why)}"
            if planned.outcome == AMBIGUOUS:  # why there is a choice, and between whom
                return said(planned.why)
            return said(planned.why) if planned.outcome != IGNORED else ""
        notes = [p.describe() for p in planned.listed.problems] + planned.listed.notes
        return "; ".join(said(note) for note in notes)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if role == DISPLAY and orientation == Qt.Orientation.Horizontal:
            return tr(self.HEADERS[section])
        return None
