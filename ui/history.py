"""The Changes tab of a form: who changed what and when, with old and new values."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import QHeaderView, QTableView, QVBoxLayout, QWidget
from sqlalchemy.orm import Session

from app import reference
from app.history import ChangeRow, change_rows
from app.services.records import RecordSpec
from db.engine import Database
from ui.formatting import show_datetime

_HEADERS = ("When", "Who", "What", "Field", "Before", "After")


def _show(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(_show(v) for v in value)
    return str(value)


class ChangesModel(QAbstractTableModel):
    def __init__(self, labels: dict[str, str]) -> None:
        super().__init__()
        self.rows: list[ChangeRow] = []
        self._labels = labels

    def set_rows(self, rows: list[ChangeRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_HEADERS)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        row = self.rows[index.row()]
        values = (
            show_datetime(row.when),
            row.actor,
            reference.label(row.action),
            self._labels.get(row.field, row.field.replace("_", " ").capitalize()),
            _show(row.old),
            _show(row.new),
        )
        return values[index.column()]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _HEADERS[section]
        return None


class ChangesTab(QWidget):
    """The audit trail of the record shown in a form."""

    def __init__(self, database: Database, spec: RecordSpec) -> None:
        super().__init__()
        self._entity = spec.model.__tablename__
        self.model = ChangesModel({rule.name: rule.label for rule in spec.rules})
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((125, 90, 90, 140, 200)):
            self.table.setColumnWidth(column, width)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)

    def load(self, session: Session, record_id: uuid.UUID) -> None:
        self.model.set_rows(change_rows(session, self._entity, record_id))
