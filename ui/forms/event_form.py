"""The event form: every field of an event, its participants, partners, figures and changes."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QWidget,
)
from sqlalchemy.orm import Session

from app import lists
from app.services import events, participations
from db.enums import EventStatus
from db.models import Event
from ui.formatting import show_date
from ui.forms.base import RecordForm, heading
from ui.forms.event_summary_tab import EventSummaryTab
from ui.forms.participants_tab import ParticipantsTab
from ui.forms.partners_tab import PartnersTab
from ui.widgets import (
    ChoiceField,
    CountField,
    DateField,
    FieldsOfWorkField,
    NotesField,
    TextField,
    country_field,
    menu_button,
)


class EventForm(RecordForm):
    spec = events.EVENT
    noun = "event"

    def build(self) -> None:
        details = QWidget()
        left, right = QFormLayout(), QFormLayout()
        for form in (left, right):
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.add_field(left, "title", TextField(self.tr("What the event was called"), 500))
        self.add_field(left, "title_ru", TextField(self.tr("as written in Russian"), 500))
        reference = self.add_field(left, "reference", TextField(self.tr("assigned on saving"), 20))
        reference.setMaximumWidth(160)
        self.add_field(left, "type", self.choices("type", empty=""))
        self.add_field(left, "series", TextField(self.tr("e.g. CABMI Conference")))
        self.add_field(left, "series_number", CountField(999))
        self.add_field(left, "start_date", DateField())
        self.add_field(left, "end_date", DateField())
        self.add_field(left, "format", self.choices("format"))
        self.add_field(left, "scope", self.choices("scope", empty=""))
        self.add_field(left, "status", self.choices("status"))
        self.held_hint = QLabel()
        self.held_hint.setWordWrap(True)
        self.mark_held = QPushButton(self.tr("Mark as held"))
        self.mark_held.setObjectName("mark_held")
        self.mark_held.clicked.connect(self._mark_held)
        hint = QHBoxLayout()
        hint.setContentsMargins(0, 0, 0, 0)
        hint.addWidget(self.held_hint, 1)
        hint.addWidget(self.mark_held)
        self.held_row = QWidget()
        self.held_row.setLayout(hint)
        left.addRow("", self.held_row)
        for name in ("status", "end_date", "start_date"):
            self.field(name).changed.connect(self._offer_held)
        self.add_field(right, "venue", TextField())
        self.add_field(right, "city", TextField())
        self.add_field(right, "country", country_field())
        self.add_field(right, "organising_unit", TextField())
        self.add_field(right, "organising_unit_ru", TextField())
        self.add_field(right, "project_id", ChoiceField(empty=self.tr("(none)"), searchable=True))
        right.addRow(heading(self.tr("Reported head-counts")))
        right.addRow(QLabel(self.tr("For events known only by numbers (no participant list).")))
        self.add_field(right, "reported_total", CountField())
        self.add_field(right, "reported_female", CountField())
        self.add_field(right, "reported_male", CountField())
        right.addRow(heading(self.tr("Certificates of attendance")))
        self.add_field(right, "certificate_min_days", CountField(366)).setToolTip(
            self.tr(
                "A partial attendee gets a certificate after this many days; empty: only those"
                " who attended throughout."
            )
        )
        self.add_field(right, "signatory_name", TextField(self.tr("name"), 200))
        self.add_field(right, "signatory_title", TextField(self.tr("post"), 300))
        columns = QHBoxLayout(details)
        columns.addLayout(left, 3)
        columns.addSpacing(16)
        columns.addLayout(right, 2)
        self.tabs.addTab(details, self.tr("Details"))

        description = QWidget()
        form = QFormLayout(description)
        self.add_field(form, "fields_of_work", FieldsOfWorkField())
        self.add_field(form, "summary", NotesField(4))
        self.add_field(form, "outcomes", NotesField(4))
        self.add_field(form, "notes", NotesField(3))
        self.tabs.addTab(description, self.tr("Description"))

        self.participants = ParticipantsTab(self.database)
        self.participants.changed.connect(self._children_changed)
        self.participants.import_button.clicked.connect(self.import_list)
        self.tabs.addTab(self.participants, self.tr("Participants"))
        self.partners = PartnersTab(self.database)
        self.partners.changed.connect(self._children_changed)
        self.tabs.addTab(self.partners, self.tr("Partners"))
        self.summary = self.build_summary()
        if self.summary is not None:
            self.tabs.addTab(self.summary, self.tr("Summary"))
        self.field("start_date").changed.connect(self._start_moved)
        self._add_print_menu()
        self.resize(1080, 720)

    def _add_print_menu(self) -> None:
        """Print / PDF: the event summary, the sign-in sheet, the participants in Excel and the
        certificates of attendance."""
        items = (
            (self.tr("Event summary: print preview…"), "preview_event_summary"),
            (self.tr("Event summary: print…"), "print_event_summary"),
            (self.tr("Event summary: save as PDF…"), "save_event_summary_pdf"),
            (self.tr("Sign-in sheet…"), "preview_signin_sheet"),
            (self.tr("Save sign-in sheet (PDF or Excel)…"), "save_signin_sheet"),
            (self.tr("Export participants to Excel…"), "export_participants"),
            (self.tr("Certificates of attendance…"), "certificates"),
        )
        button = menu_button(
            "print_menu",
            self.tr("Print / PDF"),
            [(text, lambda n=name: self.run_report(n)) for text, name in items],
        )
        self.buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)

    def run_report(self, name: str) -> None:
        """Run a report action on this event, as saved (unsaved changes are saved first)."""
        from ui import report_actions

        if self.is_dirty() or self.record_id is None:
            answer = QMessageBox.question(
                self,
                self.tr("Print"),
                self.tr("Reports show the event as saved. Save your changes first?"),
            )
            if answer != QMessageBox.StandardButton.Yes or not self.save():
                return
        if name == "certificates":
            from ui.certificate_dialog import open_certificates

            open_certificates(self, self.database, self.record_id)
        elif name == "export_participants":
            report_actions.export_to_excel(
                self, self.database, "participants", event_id=self.record_id
            )
        else:
            getattr(report_actions, name)(self, self.database, self.record_id)

    def build_summary(self) -> EventSummaryTab:
        return EventSummaryTab(self.database)

    def import_list(self) -> None:
        """Import an attendee list into this event (saved first, so the list has an event)."""
        from ui.import_wizard import ImportWizard

        if self.is_dirty() or self.record_id is None:
            answer = QMessageBox.question(
                self,
                self.tr("Import attendee list"),
                self.tr("The event is saved first. Save it now?"),
            )
            if answer != QMessageBox.StandardButton.Yes or not self.save():
                return
        wizard = ImportWizard(self.database, self.record_id, self)
        wizard.exec()
        if wizard.outcome is not None:
            self.reload_participants()
            self.saved.emit(self.record_id)

    def reload_participants(self) -> None:
        """Show the participants as stored (after an import); staged edits must be saved first."""
        with self.database.session_scope(readonly=True) as session:
            self.participants.load(session, self.record_id)
            if self.summary is not None:
                self.summary.load(session, self.record_id)
            self.changes_tab.load(session, self.record_id)
        self._children_changed()

    def _offer_held(self) -> None:
        """A planned (or postponed) event whose end date has passed was most likely held: say
        so beside its status, with a button that sets it (saved with the form)."""
        end = self.field("end_date").value()
        status = self.field("status").value()
        due = end is not None and end < dt.date.today() and status == EventStatus.PLANNED
        if due:
            self.held_hint.setText(
                self.tr("This event ended on {end}; was it held?").format(end=show_date(end))
            )
        self.held_row.setVisible(due)

    def _mark_held(self) -> None:
        self.field("status").set_value(EventStatus.HELD)
        self._offer_held()
        self._field_changed()

    def _start_moved(self) -> None:
        """A new event's end date follows its start date until the user sets it."""
        start, end = self.field("start_date").value(), self.field("end_date")
        if self.record_id is None and (end.value() is None or end.value() < start):
            end.set_value(start)

    def _children_changed(self) -> None:
        self.tabs.setTabText(
            self.tabs.indexOf(self.participants),
            self.tr("Participants ({n})").format(n=len(self.participants.model.rows)),
        )
        self._update_title()

    def title(self) -> str:
        title = self.field("title").value()
        reference = self.field("reference").value()
        if self.record_id is None:
            return self.tr("New event")
        return f"{reference} {title or ''}".strip()

    def new_values(self) -> dict[str, Any]:
        return events.new_event_values()

    def read(self, session: Session, record: Event) -> dict[str, Any]:
        values = {name: getattr(record, name) for name in self.boxes if name != "fields_of_work"}
        values["fields_of_work"] = [f.code for f in record.fields_of_work]
        return values

    def load_extra(self, session: Session, record: Event | None) -> None:
        self.field("project_id").set_items(lists.project_choices(session))
        if record is not None:
            self.field("project_id").set_value(record.project_id)
        event_id = record.id if record is not None else None
        self.participants.load(session, event_id)
        self.partners.load(session, event_id)
        if self.summary is not None:
            self.summary.load(session, event_id)
        self._children_changed()
        self._offer_held()

    def changes(self) -> dict[str, Any]:
        changes = super().changes()
        if self.record_id is None:
            # A new event's date fields are never "empty": they count as entered.
            values = self.values()
            changes.update({k: values[k] for k in ("start_date", "end_date", "format", "status")})
        return changes

    def extra_dirty(self) -> bool:
        return self.participants.is_dirty() or self.partners.is_dirty()

    def listing_defaults(self) -> dict[str, Any]:
        """Role, status and mode of a person added now, by the service's rule for the event as
        the form has it (an online event lists people online)."""
        return participations.listing_defaults(
            self.field("status").value(),
            self.field("end_date").value(),
            self.field("format").value(),
        )

    def write(self, session: Session, changes: dict[str, Any]) -> Event:
        if self.record_id is None:
            return events.create_event(session, **changes)
        return events.update_event(session, self.record_id, self.version, **changes)

    def write_extra(self, session: Session, record: Event) -> None:
        self.partners.write(session, record.id)
        self.participants.write(session, record.id)


def open_event_form(
    database: Any, event_id: uuid.UUID | None = None, parent: QWidget | None = None
) -> EventForm:
    form = EventForm(database, event_id, parent)
    form.show()
    return form
