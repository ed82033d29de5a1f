"""The domain model: organisations, people, projects, events and who took part in them.

See DESIGN.md, "Domain model". Constraints that the data must always satisfy (one participation
per event and person, an event ends on or after its start, unique event references) are enforced
by the database as well as by the services, so no path around the services can break them.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.base import Base, RecordMixin, UTCDateTime, enum_column_type, utcnow
from db.enums import (
    AgencySector,
    AttendanceMode,
    AuditAction,
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

Text = sa.Text
_LIVE = sa.text("deleted_at IS NULL")


def list_index(name: str, *columns: str) -> sa.Index:
    """An index serving one sort order of a main-window list: the sort columns then the id
    (the tie-break that keeps paging stable), over live rows only (partial index), so the
    database walks it in order without sorting or reading binned rows."""
    return sa.Index(name, *columns, "id", sqlite_where=_LIVE, postgresql_where=_LIVE)


# How search results are ordered: family name (Latin, else local script), then given name.
PERSON_ORDER = (
    "coalesce(family_name, family_name_local, '')",
    "coalesce(given_name, given_name_local, '')",
)

Name = sa.String(200)
CountryCode = sa.String(2)


def link_columns() -> list[sa.Column[Any]]:
    """When a link was made and how often it changed (migration 0009_sync: the change log and
    sync packages carry them like every record's)."""
    return [
        sa.Column("updated_at", UTCDateTime(), default=utcnow, onupdate=utcnow),
        sa.Column("version", sa.Integer, nullable=False, server_default="1"),
    ]


event_field_of_work = sa.Table(
    "event_field_of_work",
    Base.metadata,
    sa.Column("event_id", sa.Uuid, sa.ForeignKey("event.id", ondelete="CASCADE"), primary_key=True),
    sa.Column(
        "field_of_work_id",
        sa.Uuid,
        sa.ForeignKey("field_of_work.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    *link_columns(),
    sa.Index(None, "field_of_work_id"),
)

project_donor = sa.Table(
    "project_donor",
    Base.metadata,
    sa.Column(
        "project_id", sa.Uuid, sa.ForeignKey("project.id", ondelete="CASCADE"), primary_key=True
    ),
    sa.Column(
        "organization_id",
        sa.Uuid,
        sa.ForeignKey("organization.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    *link_columns(),
    sa.Index(None, "organization_id"),
)


class Organization(RecordMixin, Base):
    """A national agency, international organisation, donor, embassy or other body."""

    __tablename__ = "organization"

    name: Mapped[str] = mapped_column(sa.String(300), index=True)
    name_local: Mapped[str | None] = mapped_column(sa.String(300))
    acronym: Mapped[str | None] = mapped_column(sa.String(50))
    kind: Mapped[OrganizationKind] = mapped_column(
        enum_column_type(OrganizationKind, "organization_kind"),
        default=OrganizationKind.OTHER,
        index=True,
    )
    sector: Mapped[AgencySector | None] = mapped_column(
        enum_column_type(AgencySector, "agency_sector"), index=True
    )
    country: Mapped[str | None] = mapped_column(CountryCode, index=True)
    parent_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("organization.id"))
    notes: Mapped[str | None] = mapped_column(Text)

    parent: Mapped[Organization | None] = relationship(remote_side="Organization.id")

    def display_name(self) -> str:
        return f"{self.name} ({self.acronym})" if self.acronym else self.name


class Person(RecordMixin, Base):
    """Someone who took part in events, with the name in Latin and as written locally."""

    __tablename__ = "person"
    __table_args__ = (
        list_index("ix_person_list_given_name", "given_name", "family_name"),
        list_index("ix_person_list_local_name", "family_name_local", "given_name_local"),
        list_index("ix_person_list_nationality", "nationality", "family_name", "given_name"),
        list_index("ix_person_list_organization", "organization_id", "family_name", "given_name"),
        sa.Index("ix_person_email_id", "email", "id"),
        # The order of search results and of the people list by family name
        # (app.search.person_sort_key): walked instead of sorting, also for a broad search.
        sa.Index(
            "ix_person_search_order",
            sa.text(f"({PERSON_ORDER[0]})"),
            sa.text(f"({PERSON_ORDER[1]})"),
            "id",
            sqlite_where=_LIVE,
            postgresql_where=_LIVE,
        ),
    )

    family_name: Mapped[str | None] = mapped_column(Name)
    given_name: Mapped[str | None] = mapped_column(Name)
    patronymic: Mapped[str | None] = mapped_column(Name)
    family_name_local: Mapped[str | None] = mapped_column(Name)
    given_name_local: Mapped[str | None] = mapped_column(Name)
    patronymic_local: Mapped[str | None] = mapped_column(Name)
    sex: Mapped[Sex] = mapped_column(enum_column_type(Sex, "sex"), default=Sex.UNSPECIFIED)
    nationality: Mapped[str | None] = mapped_column(CountryCode)
    organization_id: Mapped[uuid.UUID | None] = mapped_column(
        sa.ForeignKey("organization.id"), index=True
    )
    position: Mapped[str | None] = mapped_column(sa.String(300))
    rank: Mapped[str | None] = mapped_column(sa.String(100))
    email: Mapped[str | None] = mapped_column(sa.String(320))
    phone: Mapped[str | None] = mapped_column(sa.String(50))
    notes: Mapped[str | None] = mapped_column(Text)
    match_key: Mapped[str] = mapped_column(sa.String(200), index=True, default="")

    organization: Mapped[Organization | None] = relationship()
    participations: Mapped[list[Participation]] = relationship(back_populates="person")

    def display_name(self) -> str:
        latin = " ".join(p for p in (self.family_name, self.given_name) if p)
        local = " ".join(p for p in (self.family_name_local, self.given_name_local) if p)
        if latin and local:
            return f"{latin} ({local})"
        return latin or local or "—"


class Project(RecordMixin, Base):
    """A funded programme of work under which events are held."""

    __tablename__ = "project"
    __table_args__ = (
        sa.CheckConstraint(
            "end_date IS NULL OR start_date IS NULL OR end_date >= start_date", name="dates_ordered"
        ),
    )

    code: Mapped[str | None] = mapped_column(sa.String(50), unique=True)
    title: Mapped[str] = mapped_column(sa.String(500), index=True)
    start_date: Mapped[dt.date | None] = mapped_column(index=True)
    end_date: Mapped[dt.date | None] = mapped_column(index=True)
    notes: Mapped[str | None] = mapped_column(Text)

    donors: Mapped[list[Organization]] = relationship(secondary=project_donor)
    events: Mapped[list[Event]] = relationship(back_populates="project")


class FieldOfWork(RecordMixin, Base):
    """A tag from the OSCE list of fields of work (kept in step with ``app.reference``)."""

    __tablename__ = "field_of_work"

    code: Mapped[str] = mapped_column(sa.String(60), unique=True)
    name_en: Mapped[str] = mapped_column(sa.String(200))
    name_ru: Mapped[str] = mapped_column(sa.String(200))


class Event(RecordMixin, Base):
    """A seminar, training course, workshop, conference, visit or meeting."""

    __tablename__ = "event"
    __table_args__ = (
        sa.CheckConstraint("end_date >= start_date", name="dates_ordered"),
        list_index("ix_event_list_start_date", "start_date"),
        sa.CheckConstraint(
            "(reported_total IS NULL OR reported_total >= 0)"
            " AND (reported_female IS NULL OR reported_female >= 0)"
            " AND (reported_male IS NULL OR reported_male >= 0)",
            name="reported_counts_not_negative",
        ),
    )

    reference: Mapped[str] = mapped_column(sa.String(20), unique=True)
    title: Mapped[str] = mapped_column(sa.String(500), index=True)
    title_ru: Mapped[str | None] = mapped_column(sa.String(500))
    type: Mapped[EventType] = mapped_column(enum_column_type(EventType, "event_type"), index=True)
    series: Mapped[str | None] = mapped_column(sa.String(200))
    series_number: Mapped[int | None]
    start_date: Mapped[dt.date] = mapped_column(index=True)
    end_date: Mapped[dt.date] = mapped_column(index=True)
    format: Mapped[EventFormat] = mapped_column(
        enum_column_type(EventFormat, "event_format"), default=EventFormat.IN_PERSON, index=True
    )
    scope: Mapped[EventScope | None] = mapped_column(enum_column_type(EventScope, "event_scope"))
    venue: Mapped[str | None] = mapped_column(sa.String(300))
    city: Mapped[str | None] = mapped_column(sa.String(100), index=True)
    country: Mapped[str | None] = mapped_column(CountryCode, index=True)
    organising_unit: Mapped[str | None] = mapped_column(sa.String(300))
    organising_unit_ru: Mapped[str | None] = mapped_column(sa.String(300))
    project_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("project.id"), index=True)
    status: Mapped[EventStatus] = mapped_column(
        enum_column_type(EventStatus, "event_status"), default=EventStatus.PLANNED, index=True
    )
    summary: Mapped[str | None] = mapped_column(Text)
    outcomes: Mapped[str | None] = mapped_column(Text)
    notes: Mapped[str | None] = mapped_column(Text)
    reported_total: Mapped[int | None]
    reported_female: Mapped[int | None]
    reported_male: Mapped[int | None]
    # Certificates of attendance: the days a partial attendee needs for one (none: only those
    # who attended throughout get one), and who signs them.
    certificate_min_days: Mapped[int | None]
    signatory_name: Mapped[str | None] = mapped_column(sa.String(200))
    signatory_title: Mapped[str | None] = mapped_column(sa.String(300))

    project: Mapped[Project | None] = relationship(back_populates="events")
    fields_of_work: Mapped[list[FieldOfWork]] = relationship(
        secondary=event_field_of_work, order_by=FieldOfWork.code
    )
    partners: Mapped[list[EventPartner]] = relationship(back_populates="event")
    participations: Mapped[list[Participation]] = relationship(back_populates="event")


class EventPartner(RecordMixin, Base):
    """An organisation's part in an event: organiser, donor, host, expert provider…"""

    __tablename__ = "event_partner"
    __table_args__ = (sa.UniqueConstraint("event_id", "organization_id", "role"),)

    event_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("event.id"))
    organization_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("organization.id"), index=True)
    role: Mapped[PartnerRole] = mapped_column(enum_column_type(PartnerRole, "partner_role"))
    notes: Mapped[str | None] = mapped_column(Text)

    event: Mapped[Event] = relationship(back_populates="partners")
    organization: Mapped[Organization] = relationship()


class Participation(RecordMixin, Base):
    """One person's part in one event, with the post they held at the time."""

    __tablename__ = "participation"
    __table_args__ = (
        sa.UniqueConstraint("event_id", "person_id"),
        sa.CheckConstraint(
            "days_attended IS NULL OR days_attended >= 0", name="days_attended_not_negative"
        ),
    )

    event_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("event.id"))
    person_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("person.id"), index=True)
    role: Mapped[ParticipationRole] = mapped_column(
        enum_column_type(ParticipationRole, "participation_role"),
        default=ParticipationRole.PARTICIPANT,
    )
    status: Mapped[ParticipationStatus] = mapped_column(
        enum_column_type(ParticipationStatus, "participation_status"),
        default=ParticipationStatus.REGISTERED,
    )
    mode: Mapped[AttendanceMode] = mapped_column(
        enum_column_type(AttendanceMode, "attendance_mode"), default=AttendanceMode.IN_PERSON
    )
    organization_id: Mapped[uuid.UUID | None] = mapped_column(
        sa.ForeignKey("organization.id"), index=True
    )
    position: Mapped[str | None] = mapped_column(sa.String(300))
    days_attended: Mapped[int | None]
    certificate_issued: Mapped[bool] = mapped_column(default=False)
    notes: Mapped[str | None] = mapped_column(Text)
    import_batch_id: Mapped[uuid.UUID | None] = mapped_column(
        sa.ForeignKey("import_batch.id"), index=True
    )

    event: Mapped[Event] = relationship(back_populates="participations")
    person: Mapped[Person] = relationship(back_populates="participations")
    organization: Mapped[Organization | None] = relationship()


_PARTICIPATION_IDS = uuid.UUID("2d4b3f0e-96c1-4e0e-8d7a-5b1f3c2a9e40")


def participation_id(event_id: uuid.UUID, person_id: uuid.UUID) -> uuid.UUID:
    """The key of a new participation: the same for the same event and person in every office,
    so that two offices listing one person independently make one participation, not two that
    cannot both exist (one per event and person)."""
    return uuid.uuid5(_PARTICIPATION_IDS, f"{event_id}|{person_id}")


class Certificate(RecordMixin, Base):
    """The register of certificates of attendance: one row per certificate ever issued.

    ``number`` is ``OFFICE-YEAR-NNNN`` (``YEAR-NNNN`` where the office has no code; ``office``
    is then empty), numbered without gaps per office and year (``serial``); ``code`` is the
    random verification code. A reissue (after a correction) is a new row; the old one points
    to it by ``superseded_by_id`` and keeps its number. ``content_digest`` is a hash of what the
    certificate states about the person and the event, so that a correction is noticed without
    keeping a second copy of the person's name here.
    """

    __tablename__ = "certificate"
    __table_args__ = (
        sa.UniqueConstraint("office", "year", "serial"),
        sa.CheckConstraint("serial > 0", name="serial_positive"),
    )

    participation_id: Mapped[uuid.UUID] = mapped_column(
        sa.ForeignKey("participation.id"), index=True
    )
    person_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("person.id"), index=True)
    event_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("event.id"), index=True)
    office: Mapped[str] = mapped_column(sa.String(20), default="")
    year: Mapped[int]
    serial: Mapped[int]
    number: Mapped[str] = mapped_column(sa.String(40), unique=True)
    code: Mapped[str] = mapped_column(sa.String(20), unique=True)
    content_digest: Mapped[str] = mapped_column(sa.String(64))
    issued_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    issued_by: Mapped[str] = mapped_column(sa.String(100))
    superseded_by_id: Mapped[uuid.UUID | None] = mapped_column(
        sa.ForeignKey("certificate.id"), index=True
    )

    participation: Mapped[Participation] = relationship()
    person: Mapped[Person] = relationship()
    event: Mapped[Event] = relationship()

    @property
    def is_current(self) -> bool:
        return self.superseded_by_id is None


class OfficeSetting(RecordMixin, Base):
    """One setting of the office that belongs in the database rather than on one computer
    (shared by everyone using it): e.g. the logo printed on certificates, as PNG bytes."""

    __tablename__ = "office_setting"

    key: Mapped[str] = mapped_column(sa.String(60), unique=True)
    text_value: Mapped[str | None] = mapped_column(Text)
    binary_value: Mapped[bytes | None] = mapped_column(sa.LargeBinary)


class ImportBatch(RecordMixin, Base):
    """One attendee list imported into an event: which file, how it was read, what it gave."""

    __tablename__ = "import_batch"

    file_name: Mapped[str] = mapped_column(sa.String(500))
    sha256: Mapped[str] = mapped_column(sa.String(64), index=True)
    sheet: Mapped[str | None] = mapped_column(sa.String(200))
    header_row: Mapped[int | None]
    mapping: Mapped[dict[str, Any]] = mapped_column(sa.JSON, default=dict)
    counts: Mapped[dict[str, Any]] = mapped_column(sa.JSON, default=dict)
    event_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("event.id"), index=True)
    actor: Mapped[str] = mapped_column(sa.String(100))


class AuditEntry(RecordMixin, Base):
    """One change to one record: who, when, what, and the old and new value of each field.

    ``changes`` maps a field name to ``[old, new]`` (JSON-ready values). ``created_at`` is when.
    """

    __tablename__ = "audit_entry"
    __table_args__ = (sa.Index(None, "entity", "entity_id"),)

    actor: Mapped[str] = mapped_column(sa.String(100))
    action: Mapped[AuditAction] = mapped_column(enum_column_type(AuditAction, "audit_action"))
    entity: Mapped[str] = mapped_column(sa.String(40))
    entity_id: Mapped[uuid.UUID] = mapped_column(sa.Uuid)
    changes: Mapped[dict[str, Any]] = mapped_column(sa.JSON, default=dict)
    summary: Mapped[str | None] = mapped_column(sa.String(500))


class RecordMerge(RecordMixin, Base):
    """One merge of two people or organisations: ``from_id`` went into ``into_id``. Kept so that
    a merge travels between offices as a merge: an office receiving it points its own links to
    the merged record at the survivor too (``app.sync.apply``)."""

    __tablename__ = "record_merge"

    entity: Mapped[str] = mapped_column(sa.String(40))
    from_id: Mapped[uuid.UUID] = mapped_column(sa.Uuid, index=True)
    into_id: Mapped[uuid.UUID] = mapped_column(sa.Uuid)


# The register of erasures: the id of every person anonymised, and when — ids only, no personal
# data. Backups carry it, and a restore merges the current register into the restored records and
# erases those people again (``db.erasure.reapply_erasures``), so an old backup never brings an
# erased person back.
erasure = sa.Table(
    "erasure",
    Base.metadata,
    sa.Column("person_id", sa.Uuid, primary_key=True),
    sa.Column("erased_at", UTCDateTime(), nullable=False),
)


# The tables that hold the office's records, in an order safe for inserting (parents first).
RECORD_MODELS: tuple[type[Base], ...] = (
    Organization,
    Person,
    Project,
    FieldOfWork,
    Event,
    EventPartner,
    ImportBatch,
    Participation,
    Certificate,
    OfficeSetting,
    AuditEntry,
    RecordMerge,
)


# The period report's figures, kept ahead of time (see ``app.reports.tallies``; the triggers
# that list stale events are in migration 0005). Derived data only: rebuilt from the tables above for any event
# marked stale, so they carry no foreign keys and are never edited by hand. In the group keys an
# empty string stands for "none" (no nationality, no agency), so that the keys can be primary keys.
_FIGURE_KEY = (
    sa.Column("sex", sa.String(20), primary_key=True),
    sa.Column("nationality", CountryCode, primary_key=True),
    sa.Column("sector", sa.String(40), primary_key=True),
    sa.Column("kind", sa.String(40), primary_key=True),
)


def _figure_key() -> list[sa.Column[Any]]:
    return [column._copy() for column in _FIGURE_KEY]


figures_stale = sa.Table(
    "figures_stale",
    Base.metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("event_id", sa.Uuid, nullable=False, index=True),
)
figures_event = sa.Table(
    "figures_event",
    Base.metadata,
    sa.Column("event_id", sa.Uuid, primary_key=True),
    sa.Column("listed", sa.Integer, nullable=False),
    sa.Column("female", sa.Integer, nullable=False),
    sa.Column("male", sa.Integer, nullable=False),
    sa.Column("unspecified", sa.Integer, nullable=False),
    # person-days: the recorded days of attended participations, and how many attended with
    # none recorded (they count the event's length; migration 0008_figures)
    sa.Column("days_recorded", sa.Integer, nullable=False, server_default="0"),
    sa.Column("days_unrecorded", sa.Integer, nullable=False, server_default="0"),
    sqlite_with_rowid=False,
)
figures_event_group = sa.Table(
    "figures_event_group",
    Base.metadata,
    sa.Column("event_id", sa.Uuid, primary_key=True),
    *_figure_key(),
    sa.Column("count", sa.Integer, nullable=False),
    sqlite_with_rowid=False,
)
figures_group_total = sa.Table(
    "figures_group_total",
    Base.metadata,
    *_figure_key(),
    sa.Column("count", sa.Integer, nullable=False),
)
figures_attendance = sa.Table(
    "figures_attendance",
    Base.metadata,
    sa.Column("event_id", sa.Uuid, primary_key=True),
    sa.Column("person_id", sa.Uuid, primary_key=True),
    sqlite_with_rowid=False,
)
figures_person = sa.Table(
    "figures_person",
    Base.metadata,
    sa.Column("person_id", sa.Uuid, primary_key=True),
    sa.Column("events", sa.Integer, nullable=False),
    *(sa.Column(c.name, c.type, nullable=False) for c in _FIGURE_KEY),
    sqlite_with_rowid=False,
)
figures_people_total = sa.Table(
    "figures_people_total",
    Base.metadata,
    sa.Column("events", sa.Integer, primary_key=True),
    *_figure_key(),
    sa.Column("count", sa.Integer, nullable=False),
)
# Work tables of one refresh, empty between refreshes: the events being refreshed, and for
# each person touched the change in the number of events attended.
figures_claim = sa.Table(
    "figures_claim", Base.metadata, sa.Column("event_id", sa.Uuid, primary_key=True)
)
figures_delta = sa.Table(
    "figures_delta",
    Base.metadata,
    sa.Column("person_id", sa.Uuid, primary_key=True),
    sa.Column("delta", sa.Integer, nullable=False),
)

# The tables above that hold figures derived from the records (not copied by backups and
# restores, which list every event as stale instead).
FIGURES_TABLES = (
    figures_stale,
    figures_event,
    figures_event_group,
    figures_group_total,
    figures_attendance,
    figures_person,
    figures_people_total,
    figures_claim,
    figures_delta,
)


def lock_figures(connection: sa.Connection) -> None:
    """PostgreSQL: wait for, then hold until the transaction ends, the lock that lets one
    transaction at a time change the figures tables (refreshes, restores)."""
    key = 0x636F6E76  # any constant shared by every Convene process: "conv"
    connection.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": key})


# The change log and the offices (migration 0009_sync); on the same metadata.
from db import sync_schema as _sync_schema  # noqa: E402,F401
