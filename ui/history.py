"""The Changes tab of a form: who changed what and when, with old and new values."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtWidgets import QVBoxLayout, QWidget
from sqlalchemy.orm import Session

from app.fields import field_title
from app.history import ChangeRow, change_rows, readable
from app.i18n import N_
from app.services.records import RecordSpec
from db.engine import Database
from ui.formatting import show_value
from ui.simple_table import rows_table

_COLUMNS = (
    ("when", N_("When"), "datetime"),
    ("actor", N_("Who"), "text"),
    ("action", N_("What"), "enum"),
    ("field", N_("Field"), "text"),
    ("old", N_("Before"), "list"),
    ("new", N_("After"), "list"),
)


class ChangesTab(QWidget):
    """The audit trail of the record shown in a form, one row per changed field."""

    def __init__(self, database: Database, spec: RecordSpec) -> None:
        super().__init__()
        self._spec = spec
        self._entity = spec.model.__tablename__
        self._labels = {rule.name: rule.title() for rule in spec.rules}
        self.table, self.model = rows_table(_COLUMNS, (125, 90, 90, 140, 200))
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)

    def load(self, session: Session, record_id: uuid.UUID) -> None:
        rows = change_rows(session, self._entity, record_id)
        self.model.set_rows([self._row(session, change) for change in rows])

    def _row(self, session: Session, change: ChangeRow) -> dict[str, Any]:
        def listed(value: Any) -> list[str]:
            value = readable(session, self._spec, change.field, value)
            values = [] if value is None else value if isinstance(value, list) else [value]
            return [show_value(v) for v in values]

        field = self._labels.get(change.field) or field_title(self._entity, change.field)
        return {
            "when": change.when, "actor": change.actor, "action": change.action, "field": field,
            "old": listed(change.old), "new": listed(change.new), "change": change,
        }  # fmt: skip
