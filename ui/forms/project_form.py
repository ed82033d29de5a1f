"""The project form, with its donors and its events."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app import fields, lists
from app.i18n import N_
from app.queries import project_events
from app.services import projects
from db.models import Project
from ui.forms.base import RecordForm
from ui.simple_table import field_column, rows_table
from ui.widgets import ChoiceField, DateField, NotesField, TextField


class DonorsField(QWidget):
    """The project's donors: a list, with an organisation chooser to add more."""

    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self._names: dict[uuid.UUID, str] = {}
        self.list = QListWidget()
        self.list.setMaximumHeight(110)
        self.choice = ChoiceField(searchable=True)
        add, remove = QPushButton(self.tr("Add donor")), QPushButton(self.tr("Remove"))
        add.clicked.connect(self._add)
        remove.clicked.connect(self._remove)
        row = QHBoxLayout()
        row.addWidget(self.choice, 1)
        row.addWidget(add)
        row.addWidget(remove)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(row)

    def set_choices(self, choices: list[tuple[uuid.UUID, str]]) -> None:
        self._names = dict(choices)
        self.choice.set_items(choices)
        self.set_value(self.value())  # names for donors listed before the choices were known

    def _add(self) -> None:
        donor = self.choice.value()
        if donor is not None and donor not in self.value():
            self._append(donor)
            self.changed.emit()

    def _remove(self) -> None:
        for item in self.list.selectedItems():
            self.list.takeItem(self.list.row(item))
        self.changed.emit()

    def _append(self, donor: uuid.UUID) -> None:
        item = QListWidgetItem(self._names.get(donor, str(donor)))
        item.setData(Qt.ItemDataRole.UserRole, donor)
        self.list.addItem(item)

    def value(self) -> list[uuid.UUID]:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())]

    def set_value(self, donors: list[uuid.UUID] | None) -> None:
        self.list.clear()
        for donor in donors or []:
            self._append(donor)


class ProjectForm(RecordForm):
    spec = projects.PROJECT
    noun = "project"

    def build(self) -> None:
        details = QWidget()
        form = QFormLayout(details)
        self.add_field(form, "code", TextField(max_length=50))
        self.add_field(form, "title", TextField(max_length=500))
        self.add_field(form, "start_date", DateField(optional=True))
        self.add_field(form, "end_date", DateField(optional=True))
        self.add_field(form, "donors", DonorsField())
        self.add_field(form, "notes", NotesField(4))
        self.tabs.addTab(details, self.tr("Details"))
        self.events_table, self.events = rows_table(
            (
                field_column(fields.EVENT["reference"], "text"),
                field_column(fields.EVENT["start_date"], "date"),
                ("title", N_("Event"), "text"),
                field_column(fields.EVENT["city"], "text"),
                field_column(fields.EVENT["status"], "enum"),
            ),
            (75, 90, 400, 100),
            on_open=lambda row: self.open_related("events", row["event_id"]),
        )
        self.tabs.addTab(self.events_table, self.tr("Events"))
        self.resize(820, 560)

    def title(self) -> str:
        return self.values()["title"] or self.tr("New project")

    def read(self, session: Session, record: Project) -> dict[str, Any]:
        values = {n: getattr(record, n) for n in self.boxes if n != "donors"}
        values["donors"] = [d.id for d in record.donors]
        return values

    def load_extra(self, session: Session, record: Project | None) -> None:
        self.field("donors").set_choices(lists.organization_choices(session))
        if record is not None:
            self.field("donors").set_value([d.id for d in record.donors])
        rows = project_events(session, record.id) if record else []
        self.events.set_rows(rows)
        self.tabs.setTabText(
            self.tabs.indexOf(self.events_table), self.tr("Events ({n})").format(n=len(rows))
        )

    def write(self, session: Session, changes: dict[str, Any]) -> Project:
        if self.record_id is None:
            return projects.create_project(session, **changes)
        return projects.update_project(session, self.record_id, self.version, **changes)
