"""Every field of a record, declared once: its key, kind, choices, size, labels and default.

The services' validation rules (``app.services.records.rules_for``), the forms (``ui.forms``),
the list columns (``app.lists``), the export headers (``app.exports``) and the Changes and merge
views all take a field's words from here, by key. A label is English marked with ``N_``; its
Russian is in ``resources/translations/convene_ru.ts`` like every other word (``app.i18n``).

A field has one ``label`` (the words of messages and, unless said otherwise, of its form row). A
place that must say it differently says so here, not by writing its own words:

- ``short``: the heading of a list column and of an export column ("Ref.", "Start"), where the
  full label would be too wide — a list and an export show the same heading;
- ``form``: the form row's label where the form's own heading already says the rest ("Total"
  under "Reported head-counts", "Family name" under "Name as written locally").

``default`` is what a new record starts with; the services hand it out (``new_values``), so a
form shows what the service would save.
"""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Iterator
from typing import Any

from app.i18n import N_, tr
from db.enums import (
    AgencySector,
    AttendanceMode,
    EventFormat,
    EventScope,
    EventStatus,
    EventType,
    OrganizationKind,
    ParticipationRole,
    ParticipationStatus,
    PartnerRole,
    Sex,
)
from db.models import Event, ImportBatch, Organization, Person, Project

# text, long_text (keeps line breaks), date, count, flag, choice, country, email,
# record (a reference to another record), many (a list of records, kept by the service itself)
KINDS = (
    "text",
    "long_text",
    "date",
    "count",
    "flag",
    "choice",
    "country",
    "email",
    "record",
    "many",
)


@dataclasses.dataclass(frozen=True)
class Field:
    """One field of a record: what it holds and the words it is shown with."""

    key: str
    label: str
    kind: str = "text"
    size: int = 0  # the most characters of a text
    choices: type[enum.Enum] | None = None
    target: tuple[Any, str] | None = None  # a record field's model and noun ("organisation")
    required: bool = False
    default: Any = None
    short: str = ""
    form: str = ""
    shown: bool = True  # False: a link the program sets (a participation's event), not shown
    note: str = ""  # the label's disambiguation in the catalogue, where its word means more

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"{self.key}: unknown kind {self.kind!r}")

    @property
    def heading_source(self) -> str:
        """The English of a list or export column's heading (translate with ``tr``)."""
        return self.short or self.label

    @property
    def form_source(self) -> str:
        """The English of the form row's label."""
        return self.form or self.label

    @property
    def heading_note(self) -> str:
        """The heading's disambiguation (the label's, when the heading is the label)."""
        return "" if self.short else self.note

    def title(self, lang: str | None = None) -> str:
        """The label in ``lang`` (by default the current language)."""
        return tr(self.label, self.note, lang=lang)

    def heading(self) -> str:
        """A list or export column's heading in the current language."""
        return tr(self.heading_source, self.heading_note)

    def form_title(self) -> str:
        """The form row's label in the current language."""
        return tr(self.form_source, "" if self.form else self.note)


class RecordFields:
    """The fields of one kind of record, in the order forms and messages list them."""

    def __init__(self, record: str, *fields: Field) -> None:
        self.record = record
        self._fields = {f.key: f for f in fields}
        if len(self._fields) != len(fields):
            raise ValueError(f"{record}: a field is declared twice")

    def __getitem__(self, key: str) -> Field:
        return self._fields[key]

    def __contains__(self, key: object) -> bool:
        return key in self._fields

    def __iter__(self) -> Iterator[Field]:
        return iter(self._fields.values())

    def defaults(self) -> dict[str, Any]:
        """The values a new record starts with (the fields that have a default)."""
        return {f.key: f.default for f in self if f.default is not None}


def _text(key: str, label: str, size: int, **more: Any) -> Field:
    return Field(key, label, "text", size=size, **more)


def _choice(key: str, label: str, choices: type[enum.Enum], **more: Any) -> Field:
    return Field(key, label, "choice", choices=choices, **more)


def _record(key: str, label: str, model: Any, noun: str, **more: Any) -> Field:
    return Field(key, label, "record", target=(model, noun), **more)


EVENT = RecordFields(
    "event",
    _text("reference", N_("Reference"), 20, short=N_("Ref.")),
    _text("title", N_("Title"), 500, required=True),
    _text("title_ru", N_("Title in Russian"), 500),
    _choice("type", N_("Type"), EventType, required=True),
    _text("series", N_("Series"), 200),
    Field("series_number", N_("Number in series"), "count", short=N_("No. in series")),
    Field("start_date", N_("Start date"), "date", required=True, short=N_("Start")),
    Field("end_date", N_("End date"), "date", required=True, short=N_("End")),
    _choice("format", N_("Format"), EventFormat, required=True, default=EventFormat.IN_PERSON),
    _choice("scope", N_("Scope"), EventScope),
    _text("venue", N_("Venue"), 300),
    _text("city", N_("City"), 100),
    Field("country", N_("Country"), "country"),
    _text("organising_unit", N_("Organising unit"), 300),
    _text("organising_unit_ru", N_("Organising unit in Russian"), 300),
    _record("project_id", N_("Project"), Project, "project"),
    _choice("status", N_("Status"), EventStatus, required=True, default=EventStatus.PLANNED),
    Field("fields_of_work", N_("Fields of work"), "many"),
    Field("summary", N_("Summary", "summary"), "long_text", note="summary"),
    Field("outcomes", N_("Outcomes"), "long_text"),
    Field("notes", N_("Notes"), "long_text"),
    Field("reported_total", N_("Reported total"), "count", form=N_("Total")),
    Field("reported_female", N_("Reported women"), "count", form=N_("Women")),
    Field("reported_male", N_("Reported men"), "count", form=N_("Men")),
    Field(
        "certificate_min_days",
        N_("Days needed for a certificate"),
        "count",
        form=N_("Days needed (partial)"),
    ),
    _text("signatory_name", N_("Certificates signed by"), 200, form=N_("Signed by")),
    _text("signatory_title", N_("Signatory's title"), 300),
)

PERSON = RecordFields(
    "person",
    _text("family_name", N_("Family name"), 200),
    _text("given_name", N_("Given name"), 200),
    _text("patronymic", N_("Patronymic"), 200),
    _text(
        "family_name_local",
        N_("Family name (local script)"),
        200,
        short=N_("Family name (local)"),
        form=N_("Family name"),
    ),
    _text(
        "given_name_local",
        N_("Given name (local script)"),
        200,
        short=N_("Given name (local)"),
        form=N_("Given name"),
    ),
    _text(
        "patronymic_local",
        N_("Patronymic (local script)"),
        200,
        short=N_("Patronymic (local)"),
        form=N_("Patronymic"),
    ),
    _choice("sex", N_("Sex"), Sex, required=True, default=Sex.UNSPECIFIED),
    Field("nationality", N_("Nationality"), "country"),
    _record("organization_id", N_("Organisation"), Organization, "organisation"),
    _text("position", N_("Position"), 300),
    _text("rank", N_("Rank"), 100),
    Field("email", N_("E-mail"), "email"),
    _text("phone", N_("Phone"), 50),
    Field("notes", N_("Notes"), "long_text"),
)

ORGANIZATION = RecordFields(
    "organization",
    _text("name", N_("Name"), 300, required=True),
    _text("name_local", N_("Local name"), 300, short=N_("Name (local)")),
    _text("acronym", N_("Acronym"), 50),
    _choice(
        "kind",
        N_("Kind"),
        OrganizationKind,
        required=True,
        default=OrganizationKind.NATIONAL_AGENCY,
    ),
    _choice("sector", N_("Sector"), AgencySector),
    Field("country", N_("Country"), "country"),
    _record(
        "parent_id",
        N_("Parent organisation"),
        Organization,
        "organisation",
        short=N_("Part of"),
        form=N_("Part of"),
    ),
    Field("notes", N_("Notes"), "long_text"),
)

PROJECT = RecordFields(
    "project",
    _text("code", N_("Code"), 50),
    _text("title", N_("Title"), 500, required=True),
    Field("start_date", N_("Start date"), "date", short=N_("Start")),
    Field("end_date", N_("End date"), "date", short=N_("End")),
    Field("donors", N_("Donors"), "many"),
    Field("notes", N_("Notes"), "long_text"),
)

PARTICIPATION = RecordFields(
    "participation",
    _record("event_id", N_("Event"), Event, "event", required=True, shown=False),
    _record("person_id", N_("Person"), Person, "person", required=True, shown=False),
    _choice(
        "role",
        N_("Role"),
        ParticipationRole,
        required=True,
        default=ParticipationRole.PARTICIPANT,
    ),
    _choice("status", N_("Status"), ParticipationStatus, required=True),
    _choice("mode", N_("Mode"), AttendanceMode, required=True),
    _record("organization_id", N_("Organisation"), Organization, "organisation"),
    _text("position", N_("Position"), 300),
    Field("days_attended", N_("Days attended"), "count"),
    Field("certificate_issued", N_("Certificate issued"), "flag"),
    Field("notes", N_("Notes"), "long_text"),
    _record("import_batch_id", N_("Import"), ImportBatch, "import", shown=False),
)

PARTNER = RecordFields(
    "event_partner",
    _record("event_id", N_("Event"), Event, "event", required=True, shown=False),
    _record("organization_id", N_("Organisation"), Organization, "organisation", required=True),
    _choice("role", N_("Role"), PartnerRole, required=True),
    Field("notes", N_("Notes"), "long_text"),
)

# Columns that show a person by several fields at once (family and given names together).
PERSON_NAME = Field("name", N_("Name", "person"), note="person")
PERSON_NAME_LOCAL = Field("name_local", N_("Name (local script)"))

RECORDS = {r.record: r for r in (EVENT, PERSON, ORGANIZATION, PROJECT, PARTICIPATION, PARTNER)}


def field_title(record: str, key: str) -> str:
    """The heading of field ``key`` of a kind of record in the current language (for a key the
    catalogue does not hold, the key in words)."""
    fields = RECORDS.get(record)
    if fields is not None and key in fields:
        return fields[key].title()
    return key.replace("_", " ").capitalize()
