"""The main window: the list of events."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import QMainWindow, QTableView

from app.queries import list_events
from db.engine import Database

_COLUMNS = (
    ("reference", "Ref."),
    ("start_date", "Start"),
    ("end_date", "End"),
    ("city", "City"),
    ("title", "Title"),
    ("participants_listed", "People"),
)


class EventListModel(QAbstractTableModel):
    """Events, newest first."""

    def __init__(self, database: Database) -> None:
        super().__init__()
        self._database = database
        self._rows: list[dict[str, Any]] = []
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        with self._database.session_scope(readonly=True) as session:
            self._rows = list_events(session)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_COLUMNS)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and index.isValid():
            return str(self._rows[index.row()][_COLUMNS[index.column()][0]] or "")
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return _COLUMNS[section][1]
        return None


class MainWindow(QMainWindow):
    def __init__(self, database: Database) -> None:
        super().__init__()
        self.setWindowTitle(f"Convene — {database.describe()}")
        self.events = QTableView()
        self.events.setModel(EventListModel(database))
        self.setCentralWidget(self.events)
        self.resize(1100, 650)
