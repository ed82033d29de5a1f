"""The first page of events, read before SQLAlchemy is imported, so that the main window shows
it at once on start; the full lists take over a moment later (``MainWindow.attach_database``).

It uses the SQL of ``resources/startup/events_first_page.json`` (compiled from the events list
itself, see ``app.first_page``) and only when the database is a SQLite file at exactly the schema
that SQL was made for; otherwise the window simply waits for the database to open.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import logging
import sqlite3
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from app.i18n import language, tr
from db import enums
from db.revisions import newest_revision
from db.sqlite_copy import connect_readonly
from ui.formatting import show_value

log = logging.getLogger(__name__)
RECIPE_FILE = (
    Path(__file__).resolve().parent.parent / "resources" / "startup" / "events_first_page.json"
)


@dataclasses.dataclass(frozen=True)
class FirstPage:
    """The events list's first page as stored: column descriptions, the rows, the count."""

    columns: list[dict[str, Any]]
    rows: list[tuple[Any, ...]]
    count: int


def _typed(value: Any, column: dict[str, Any]) -> Any:
    if value is None:
        return None
    if column["kind"] == "date":
        return dt.date.fromisoformat(value)
    if column["kind"] == "enum":
        return getattr(enums, column["enum"])(value)
    return value


def read_first_page(path: Path) -> FirstPage | None:
    """The first page of the SQLite database at ``path``, or None when it cannot be read this
    way (missing file, other schema, any error): the caller then opens the database normally."""
    try:
        recipe = json.loads(RECIPE_FILE.read_text("utf-8"))
        if recipe["revision"] != newest_revision() or not path.is_file():
            return None
        connection = connect_readonly(path)
        try:
            stored = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            if stored is None or stored[0] != recipe["revision"]:
                return None
            count = connection.execute(recipe["count_sql"]).fetchone()[0]
            page_sql = recipe["page_sql_ru"] if language() == "ru" else recipe["page_sql"]
            raw = connection.execute(page_sql).fetchall()
        finally:
            connection.close()
    except (OSError, ValueError, KeyError, sqlite3.Error):
        log.info("no quick first page for %s", path, exc_info=True)
        return None
    columns = recipe["columns"]
    rows = [tuple(_typed(v, c) for v, c in zip(row[2:], columns, strict=True)) for row in raw]
    return FirstPage(columns, rows, count)


class FirstPageModel(QAbstractTableModel):
    """The first page shown read-only, formatted like the full list."""

    def __init__(self, page: FirstPage) -> None:
        super().__init__()
        self.page = page

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.page.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.page.columns)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        column = self.page.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return show_value(self.page.rows[index.row()][index.column()], column["kind"])
        if role == Qt.ItemDataRole.TextAlignmentRole and column["kind"] == "int":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(self.page.columns[section]["label"])
        return None
