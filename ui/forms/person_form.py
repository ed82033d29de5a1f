"""The person form: names in Latin and as written locally, post and contacts; the History tab
lists every event the person took part in."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app import fields, lists
from app.i18n import N_, tr
from app.people_at_entry import people_alike
from app.queries import person_history
from app.services import certificates, people
from db.models import Person
from ui.alike_dialog import NEW, ask_alike
from ui.forms.base import RecordForm, heading
from ui.simple_table import field_column, rows_table
from ui.widgets import ChoiceField, NotesField, TextField, country_field, menu_button


class PersonForm(RecordForm):
    spec = people.PERSON
    noun = "person"

    def build(self) -> None:
        details = QWidget()
        latin, local = QFormLayout(), QFormLayout()
        latin.addRow(heading(self.tr("Name in Latin letters")))
        self.add_field(latin, "family_name", TextField(self.tr("e.g. Ataýew / Ataev")))
        self.add_field(latin, "given_name", TextField())
        self.add_field(latin, "patronymic", TextField())
        local.addRow(heading(self.tr("Name as written locally")))
        self.add_field(local, "family_name_local", TextField("e.g. Атаев"))
        self.add_field(local, "given_name_local", TextField())
        self.add_field(local, "patronymic_local", TextField())
        names = QHBoxLayout()
        names.addLayout(latin, 1)
        names.addSpacing(16)
        names.addLayout(local, 1)
        rest = QFormLayout()
        rest.addRow(heading(self.tr("Post and contacts")))
        self.add_field(rest, "sex", self.choices("sex"))
        self.add_field(rest, "nationality", country_field())
        self.add_field(
            rest, "organization_id", ChoiceField(empty=self.tr("(none)"), searchable=True)
        )
        self.add_field(rest, "position", TextField())
        self.add_field(rest, "rank", TextField())
        self.add_field(rest, "email", TextField())
        self.add_field(rest, "phone", TextField())
        self.add_field(rest, "notes", NotesField(3))
        layout = QVBoxLayout(details)
        layout.addLayout(names)
        layout.addLayout(rest)
        layout.addStretch(1)
        self.tabs.addTab(details, self.tr("Details"))

        self.history_table, self.history = rows_table(
            (
                field_column(fields.EVENT["reference"], "text"),
                field_column(fields.EVENT["start_date"], "date"),
                ("title", N_("Event"), "text"),
                field_column(fields.EVENT["city"], "text"),
                field_column(fields.PARTICIPATION["role"], "enum"),
                field_column(fields.PARTICIPATION["status"], "enum"),
                ("organization", N_("Organisation then"), "text"),
            ),
            (75, 90, 330, 90, 90, 110, 200),
            on_open=lambda row: self.open_related("events", row["event_id"]),
            stretch=2,
        )
        self.history_table.setObjectName("history")
        self.certificates_table, self.certificates = rows_table(
            (
                ("number", N_("Certificate"), "text"),
                field_column(fields.EVENT["reference"], "text"),
                ("title", N_("Event"), "text"),
                ("issued_at", N_("Issued"), "datetime"),
                ("state", N_("State"), "text"),
            ),
            (120, 75, 330, 125),
            on_open=lambda row: self.open_related("events", row["event_id"]),
        )
        self.certificates_table.setObjectName("person_certificates")
        self.history_page = QWidget()
        history = QVBoxLayout(self.history_page)
        history.setContentsMargins(0, 0, 0, 0)
        history.addWidget(self.history_table, 3)
        history.addWidget(heading(self.tr("Certificates of attendance")))
        history.addWidget(self.certificates_table, 1)
        self.tabs.addTab(self.history_page, self.tr("History"))
        self._add_personal_data_menu()
        self.resize(860, 640)

    def _add_personal_data_menu(self) -> None:
        button = menu_button(
            "personal_data",
            self.tr("Personal data"),
            [
                (self.tr("Export everything held about this person…"), self.export_personal_data),
                (self.tr("Anonymise…"), self.anonymise),
            ],
        )
        self.buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        self.personal_data_button = button

    def export_personal_data(self) -> None:
        from ui.privacy_actions import export_personal_data

        if self.record_id is not None:
            export_personal_data(self, self.database, self.record_id, self.title())

    def anonymise(self) -> None:
        from ui.privacy_actions import confirm_and_anonymise

        if self.record_id is None:
            return
        record_id = self.record_id

        def anonymised() -> None:
            self.load()
            self.saved.emit(record_id)

        confirm_and_anonymise(self, self.database, [record_id], self.title(), anonymised)

    def title(self) -> str:
        values = self.values()
        latin = " ".join(v for v in (values["family_name"], values["given_name"]) if v)
        local = " ".join(v for v in (values["family_name_local"], values["given_name_local"]) if v)
        return latin or local or self.tr("New person")

    def load_extra(self, session: Session, record: Person | None) -> None:
        self.field("organization_id").set_items(lists.organization_choices(session))
        if record is not None:
            self.field("organization_id").set_value(record.organization_id)
        rows = person_history(session, record.id) if record is not None else []
        self.history.set_rows(rows)
        self.certificates.set_rows(_certificate_rows(session, record))
        self.tabs.setTabText(
            self.tabs.indexOf(self.history_page), self.tr("History ({n})").format(n=len(rows))
        )

    def changes(self) -> dict[str, Any]:
        changes = super().changes()
        if self.record_id is None:
            changes["sex"] = self.values()["sex"]
        return changes

    def save(self) -> bool:
        """A new person is first checked against those recorded, as an import checks a row:
        if they may be someone already there, the user chooses — open that record instead (this
        one is dropped), or make a new one after all."""
        if self.record_id is None and self.is_dirty() and not self.validate_now():
            values = self.values()
            with self.database.session_scope(readonly=True) as session:
                alike = people_alike(session, values, values.get("organization_id"))
            if alike:
                choice = ask_alike(self, self.title(), alike)
                if choice is None:
                    return False
                if choice != NEW:
                    self.open_related("people", choice)
                    self._initial = self.values()  # nothing of this window is kept
                    self.close()
                    return False
        return super().save()

    def write(self, session: Session, changes: dict[str, Any]) -> Person:
        if self.record_id is None:
            return people.create_person(session, **changes)
        return people.update_person(session, self.record_id, self.version, **changes)


def _certificate_rows(session: Session, record: Person | None) -> list[dict[str, Any]]:
    """The person's certificates of attendance, newest first, current or superseded."""
    if record is None:
        return []
    rows = []
    for certificate in certificates.person_certificates(session, record.id):
        newer = certificates.superseding_number(session, certificate)
        rows.append(
            {
                "number": certificate.number,
                "reference": certificate.event.reference,
                "title": certificate.event.title,
                "issued_at": certificate.issued_at,
                "state": "current"
                if newer is None
                else tr("superseded by {newer}").format(newer=newer),
                "event_id": certificate.event_id,
            }
        )
    return rows
