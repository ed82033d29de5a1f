"""A table model over one of the record lists of ``app.lists``: counted, sorted, filtered and
paged by the database, rows fetched a page at a time when first shown (and cached)."""

from __future__ import annotations

import collections
import dataclasses
import uuid
from typing import Any

import sqlalchemy as sa
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from app.database_messages import database_message
from app.lists import ListQuery, ListSpec, Row, count_rows, fetch_rows, row_position
from db.engine import Database
from db.errors import describe_database_error
from ui.formatting import show_value

RAW_ROLE = Qt.ItemDataRole.UserRole + 1  # the stored value, for sorting and filtering in code
ID_ROLE = Qt.ItemDataRole.UserRole + 2  # the record's id
VERSION_ROLE = Qt.ItemDataRole.UserRole + 3

_Index = QModelIndex | QPersistentModelIndex
# What a lost or unreachable server raises (psycopg's OperationalError, wrapped).
UNREACHABLE = (sa.exc.OperationalError, sa.exc.InterfaceError)


class RecordListModel(QAbstractTableModel):
    """Rows of a ``ListSpec``; only the pages being looked at are ever loaded."""

    PAGE_SIZE = 200
    CACHED_PAGES = 40
    counted = Signal(int)  # the number of rows after a (re)count
    # The database could not be read (a shared server restarting, the network gone): one
    # sentence, said once until a read works again; Refresh tries again.
    read_failed = Signal(str)

    def __init__(self, database: Database, spec: ListSpec, parent: Any = None) -> None:
        super().__init__(parent)
        self._database = database
        self.spec = spec
        self.query = ListQuery()
        self._count = 0
        self._pages: collections.OrderedDict[int, list[Row]] = collections.OrderedDict()
        self.total = 0  # rows without search and filters, for "3 of 11" in the status bar
        self.active = False  # nothing is read before the list is first shown
        self.failing = False

    # --- loading ---------------------------------------------------------------------------------

    def set_query(self, query: ListQuery, *, recount: bool = True, retotal: bool = True) -> None:
        """Show the rows for ``query`` (search text, filters, sort). ``recount=False``: only the
        order changed, so the number of rows stays as counted; ``retotal=False``: only the
        search or filters changed, so the number of rows without them stays as counted."""
        self.beginResetModel()
        first = not self.active
        self.active = True
        self.query = query
        self._pages.clear()
        if recount or first:
            try:
                with self._database.session_scope(readonly=True) as session:
                    self._count = count_rows(session, self.spec, query)
                    if (query.search, query.filters) == ("", ()):
                        self.total = self._count
                    elif retotal or first:
                        unfiltered = dataclasses.replace(query, search="", filters=())
                        self.total = count_rows(session, self.spec, unfiltered)
                self.failing = False
            except UNREACHABLE as exc:
                self._count = 0
                self._failed(exc)
        self.endResetModel()
        self.counted.emit(self._count)

    def refresh(self) -> None:
        """Read the rows again (after a change made elsewhere)."""
        self.set_query(self.query)

    def _page(self, number: int) -> list[Row]:
        page = self._pages.get(number)
        if page is None:
            try:
                with self._database.session_scope(readonly=True) as session:
                    page = fetch_rows(
                        session, self.spec, self.query, number * self.PAGE_SIZE, self.PAGE_SIZE
                    )
            except UNREACHABLE as exc:
                self._failed(exc)
                return []  # not kept: read again when next shown
            self.failing = False
            self._pages[number] = page
            while len(self._pages) > self.CACHED_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(number)
        return page

    def _failed(self, exc: Exception) -> None:
        if not self.failing:
            self.failing = True
            self.read_failed.emit(database_message(describe_database_error(exc)))

    def row(self, row: int) -> Row | None:
        page = self._page(row // self.PAGE_SIZE)
        offset = row % self.PAGE_SIZE
        return page[offset] if offset < len(page) else None

    def record_id(self, row: int) -> uuid.UUID | None:
        found = self.row(row)
        return found.id if found else None

    def position_of(self, record_id: uuid.UUID) -> int | None:
        with self._database.session_scope(readonly=True) as session:
            return row_position(session, self.spec, self.query, record_id)

    # --- Qt model interface ----------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.spec.columns)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.row(index.row())
        if row is None:
            return None
        column = self.spec.columns[index.column()]
        value = row.values[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return show_value(value, column.kind)
        if role == Qt.ItemDataRole.ToolTipRole and column.kind == "text" and value:
            return str(value) if len(str(value)) > 40 else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column.kind == "int":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == RAW_ROLE:
            return value
        if role == ID_ROLE:
            return row.id
        if role == VERSION_ROLE:
            return row.version
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.spec.columns[section].title()
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        spec_column = self.spec.columns[column]
        if not spec_column.sortable:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        query = dataclasses.replace(self.query, sort=spec_column.key, descending=descending)
        if self.active:
            self.set_query(query, recount=False)  # the same rows in another order
        else:
            self.query = query
