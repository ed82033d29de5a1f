"""The organisation form, with the people who work there and the events it had a part in."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QFormLayout, QWidget
from sqlalchemy.orm import Session

from app import fields, lists
from app.i18n import N_
from app.queries import organization_events, organization_people
from app.services import organizations
from db.models import Organization
from ui.forms.base import RecordForm
from ui.simple_table import field_column, rows_table
from ui.widgets import ChoiceField, NotesField, TextField, country_field


class OrganizationForm(RecordForm):
    spec = organizations.ORGANIZATION
    noun = "organisation"

    def build(self) -> None:
        details = QWidget()
        form = QFormLayout(details)
        self.add_field(form, "name", TextField(self.tr("Full name in English"), 300))
        self.add_field(form, "name_local", TextField(self.tr("As the organisation writes it"), 300))
        self.add_field(form, "acronym", TextField(max_length=50))
        self.add_field(form, "kind", self.choices("kind"))
        self.add_field(
            form, "sector", self.choices("sector", empty=self.tr("(not a national agency)"))
        )
        self.add_field(form, "country", country_field())
        self.add_field(form, "parent_id", ChoiceField(empty=self.tr("(none)"), searchable=True))
        self.add_field(form, "notes", NotesField(4))
        self.tabs.addTab(details, self.tr("Details"))
        self.people_table, self.people = rows_table(
            (
                field_column(fields.PERSON_NAME, "text"),
                field_column(fields.PERSON["position"], "text"),
                field_column(fields.PERSON["email"], "text"),
            ),
            (300, 260),
            on_open=lambda row: self.open_related("people", row["person_id"]),
        )
        self.tabs.addTab(self.people_table, self.tr("People"))
        self.events_table, self.events = rows_table(
            (
                field_column(fields.EVENT["reference"], "text"),
                field_column(fields.EVENT["start_date"], "date"),
                ("title", N_("Event"), "text"),
                field_column(fields.EVENT["city"], "text"),
                field_column(fields.PARTNER["role"], "enum"),
            ),
            (75, 90, 380, 100),
            on_open=lambda row: self.open_related("events", row["event_id"]),
        )
        self.tabs.addTab(self.events_table, self.tr("Events"))
        self.resize(820, 600)

    def title(self) -> str:
        return self.values()["name"] or self.tr("New organisation")

    def load_extra(self, session: Session, record: Organization | None) -> None:
        choices = [
            c for c in lists.organization_choices(session) if record is None or c[0] != record.id
        ]
        self.field("parent_id").set_items(choices)
        if record is not None:
            self.field("parent_id").set_value(record.parent_id)
        people_rows = organization_people(session, record.id) if record else []
        event_rows = organization_events(session, record.id) if record else []
        self.people.set_rows(people_rows)
        self.events.set_rows(event_rows)
        self.tabs.setTabText(
            self.tabs.indexOf(self.people_table), self.tr("People ({n})").format(n=len(people_rows))
        )
        self.tabs.setTabText(
            self.tabs.indexOf(self.events_table), self.tr("Events ({n})").format(n=len(event_rows))
        )

    def changes(self) -> dict[str, Any]:
        changes = super().changes()
        if self.record_id is None:
            changes["kind"] = self.values()["kind"]
        return changes

    def write(self, session: Session, changes: dict[str, Any]) -> Organization:
        if self.record_id is None:
            return organizations.create_organization(session, **changes)
        return organizations.update_organization(session, self.record_id, self.version, **changes)
