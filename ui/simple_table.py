"""A read-only table of a few rows (dictionaries) for the tabs of the forms; double-click opens
the record a row points to."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from app.fields import Field
from app.i18n import tr
from ui.formatting import show_value


class StagedRows(QAbstractTableModel):
    """Rows kept in memory by a form tab: replaced, appended and removed as the user edits."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[Any] = []

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def add(self, row: Any) -> None:
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows))
        self.rows.append(row)
        self.endInsertRows()

    def remove(self, numbers: list[int]) -> list[Any]:
        removed = []
        for number in sorted(numbers, reverse=True):
            self.beginRemoveRows(QModelIndex(), number, number)
            removed.append(self.rows.pop(number))
            self.endRemoveRows()
        return removed

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)


class RowsModel(StagedRows):
    """Rows as dictionaries; ``columns`` are (key, header, kind)."""

    def __init__(self, columns: Sequence[tuple[str, str, str]]) -> None:
        super().__init__()
        self.columns = list(columns)
        self.rows: list[dict[str, Any]] = []

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        key, _header, kind = self.columns[index.column()][:3]
        if role == Qt.ItemDataRole.TextAlignmentRole and kind == "int":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        value = self.rows[index.row()].get(key)
        return show_value(value, kind) if kind != "list" else ", ".join(map(str, value or []))

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            column = self.columns[section]  # (key, label, kind[, the label's disambiguation])
            return tr(column[1], column[3] if len(column) > 3 else "")
        return None


def field_column(field: Field, kind: str, key: str | None = None) -> tuple[str, ...]:
    """A ``rows_table`` column showing a catalogued field (``app.fields``) under its heading;
    ``key``: the row's key when it is not the field's own."""
    return (key or field.key, field.heading_source, kind, field.heading_note)


def rows_table(
    columns: Sequence[tuple[str, str, str]],
    widths: Sequence[int] = (),
    on_open: Callable[[dict[str, Any]], None] | None = None,
    stretch: int | None = None,
) -> tuple[QTableView, RowsModel]:
    """A read-only table of ``columns``; ``stretch``: the column that takes the room left over
    (else the last), so the table fits its window without scrolling sideways."""
    model = RowsModel(columns)
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(stretch is None)
    for column, width in enumerate(widths):
        table.setColumnWidth(column, width)
    if stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    if on_open is not None:
        table.doubleClicked.connect(lambda index: on_open(model.rows[index.row()]))
    return table, model
