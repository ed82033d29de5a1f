"""Everything an event summary or sign-in sheet shows, read from the database in a few queries:
the event, its partners by role, project and donors, fields of work, figures, and the people.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import unicodedata
import uuid
from collections.abc import Iterable

import sqlalchemy as sa
from sqlalchemy.orm import Session

from app.reports.event_facts import Body, EventFacts, short_name
from app.reports.figures import (
    EventFigures,
    event_figures,
    held_organisation,
    live_participations,
    person_columns,
)
from db.enums import (
    ATTENDED_STATUSES,
    AttendanceMode,
    EventFormat,
    EventScope,
    EventStatus,
    EventType,
    ParticipationRole,
    ParticipationStatus,
    PartnerRole,
    Sex,
)
from db.models import Event, EventPartner, Organization, Participation, Person, project_donor

# Who is expected at an event and so gets a pre-filled row on its sign-in sheet.
EXPECTED_STATUSES = (
    ParticipationStatus.INVITED,
    ParticipationStatus.REGISTERED,
    ParticipationStatus.ATTENDED,
    ParticipationStatus.PARTIALLY_ATTENDED,
)


@dataclasses.dataclass(frozen=True)
class Participant:
    """One person's row in a list of participants, with the post held at the time."""

    family_name: str | None
    given_name: str | None
    patronymic: str | None
    family_name_local: str | None
    given_name_local: str | None
    patronymic_local: str | None
    sex: Sex
    nationality: str | None
    organisation: str | None
    organisation_local: str | None
    position: str | None
    role: ParticipationRole
    status: ParticipationStatus
    mode: AttendanceMode

    @property
    def latin_name(self) -> str:
        family = (self.family_name or "").upper()
        return " ".join(p for p in (family, self.given_name, self.patronymic) if p)

    @property
    def local_name(self) -> str:
        parts = (self.family_name_local, self.given_name_local, self.patronymic_local)
        return " ".join(p for p in parts if p)


@dataclasses.dataclass(frozen=True)
class PartnerEntry:
    """An organisation's role in the event."""

    role: PartnerRole
    body: Body


@dataclasses.dataclass(frozen=True)
class EventReportData:
    """An event as its summary shows it."""

    id: uuid.UUID
    reference: str
    title: str
    title_ru: str | None
    type: EventType
    series: str | None
    series_number: int | None
    start_date: dt.date
    end_date: dt.date
    format: EventFormat
    scope: EventScope | None
    venue: str | None
    city: str | None
    country: str | None
    organising_unit: str | None
    organising_unit_ru: str | None
    status: EventStatus
    summary: str | None
    outcomes: str | None
    project: str | None
    donors: tuple[Body, ...]
    partners: tuple[PartnerEntry, ...]
    fields_of_work: tuple[tuple[str, str], ...]  # (English, Russian)
    figures: EventFigures
    facts: EventFacts
    participants: tuple[Participant, ...]

    @property
    def days(self) -> int:
        return (self.end_date - self.start_date).days + 1

    def in_language(self, lang: str) -> EventReportData:
        """The same event with its title and organising unit as a report in ``lang`` shows
        them: in Russian where they are recorded in Russian, else in English."""
        if lang != "ru":
            return self
        title = self.title_ru or self.title
        return dataclasses.replace(
            self,
            title=title,
            organising_unit=self.organising_unit_ru or self.organising_unit,
            facts=dataclasses.replace(self.facts, title=title),
        )


def participants(
    session: Session, event_id: uuid.UUID, statuses: Iterable[ParticipationStatus]
) -> tuple[Participant, ...]:
    """The event's live participants with these statuses, in alphabetical order (one query)."""
    organisation, joined = held_organisation()
    rows = session.execute(
        sa.select(
            *person_columns(),
            organisation.name,
            organisation.name_local,
            sa.func.coalesce(Participation.position, Person.position),
            Participation.role,
            Participation.status,
            Participation.mode,
        )
        .select_from(Participation)
        .join(Person, Person.id == Participation.person_id)
        .outerjoin(organisation, joined)
        .where(
            Participation.event_id == event_id,
            Participation.status.in_(list(statuses)),
            *live_participations(),
        )
    )
    return tuple(sorted((Participant(*row) for row in rows), key=alphabetical))


def _fold(text: str | None) -> str:
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def alphabetical(person: Participant) -> tuple[str, str, str]:
    """Sort key of a list of people: family name, then given name, as a reader expects
    (Öwezow between Omarov and Pulatov, not after Z; Cyrillic-only names after Latin ones)."""
    family = person.family_name or person.family_name_local
    given = person.given_name or person.given_name_local
    return (_fold(family), _fold(given), _fold(person.patronymic or person.patronymic_local))


def load_bodies(session: Session, ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, Body]:
    """Organisations by id, each with the short name prose uses (see ``short_name``)."""
    wanted = {i for i in ids if i is not None}
    known: dict[uuid.UUID, tuple[str, str | None, str | None, uuid.UUID | None]] = {}
    missing = set(wanted)
    while missing:  # one query per level of the organisation tree
        rows = session.execute(
            sa.select(
                Organization.id,
                Organization.name,
                Organization.name_local,
                Organization.acronym,
                Organization.parent_id,
            ).where(Organization.id.in_(missing))
        ).all()
        for org_id, name, name_local, acronym, parent_id in rows:
            known[org_id] = (name, name_local, acronym, parent_id)
        missing = {row[4] for row in rows if row[4] and row[4] not in known}

    def root_of(org_id: uuid.UUID) -> uuid.UUID:
        seen = {org_id}
        while (parent := known[org_id][3]) in known and parent not in seen:
            seen.add(parent)
            org_id = parent  # type: ignore[assignment]
        return org_id

    bodies = {}
    for org_id in wanted & known.keys():
        name, name_local, acronym, _ = known[org_id]
        root_name, _, root_acronym, _ = known[root_of(org_id)]
        bodies[org_id] = Body(name, name_local, short_name(name, acronym, root_name, root_acronym))
    return bodies


def load_event_report(session: Session, event: Event) -> EventReportData:
    """Read everything the event summary shows."""
    figures = event_figures(session, event)
    partner_rows = session.execute(
        sa.select(EventPartner.organization_id, EventPartner.role)
        .join(Organization, Organization.id == EventPartner.organization_id)
        .where(
            EventPartner.event_id == event.id,
            EventPartner.deleted_at.is_(None),
            Organization.deleted_at.is_(None),
        )
    ).all()
    donor_ids: list[uuid.UUID] = []
    if event.project_id is not None:
        donor_ids = list(
            session.scalars(
                sa.select(project_donor.c.organization_id).where(
                    project_donor.c.project_id == event.project_id
                )
            )
        )
    bodies = load_bodies(
        session,
        [g.organization_id for g in figures.groups if g.organization_id]
        + [org_id for org_id, _ in partner_rows]
        + donor_ids,
    )
    order = list(PartnerRole)
    partners = tuple(
        sorted(
            (PartnerEntry(role, bodies[org_id]) for org_id, role in partner_rows),
            key=lambda p: (order.index(p.role), p.body.name.casefold()),
        )
    )

    def with_role(role: PartnerRole) -> tuple[Body, ...]:
        return tuple(p.body for p in partners if p.role == role)

    donors = tuple(dict.fromkeys([*with_role(PartnerRole.DONOR), *(bodies[d] for d in donor_ids)]))
    attended = participants(session, event.id, ATTENDED_STATUSES)
    registered = 0
    listed = attended
    if not attended and event.status == EventStatus.PLANNED:
        listed = participants(session, event.id, EXPECTED_STATUSES)
        registered = len(listed)
    facts = EventFacts(
        title=event.title,
        type=event.type,
        status=event.status,
        start_date=event.start_date,
        end_date=event.end_date,
        format=event.format,
        venue=event.venue,
        city=event.city,
        country=event.country,
        figures=figures,
        bodies=bodies,
        organisers=with_role(PartnerRole.ORGANIZER),
        co_organisers=with_role(PartnerRole.CO_ORGANIZER),
        hosts=with_role(PartnerRole.HOST),
        donors=donors,
        registered=registered,
    )
    project = None
    if event.project is not None:
        project = " — ".join(p for p in (event.project.code, event.project.title) if p)
    return EventReportData(
        id=event.id,
        reference=event.reference,
        title=event.title,
        title_ru=event.title_ru,
        type=event.type,
        series=event.series,
        series_number=event.series_number,
        start_date=event.start_date,
        end_date=event.end_date,
        format=event.format,
        scope=event.scope,
        venue=event.venue,
        city=event.city,
        country=event.country,
        organising_unit=event.organising_unit,
        organising_unit_ru=event.organising_unit_ru,
        status=event.status,
        summary=event.summary,
        outcomes=event.outcomes,
        project=project,
        donors=donors,
        partners=partners,
        fields_of_work=tuple((f.name_en, f.name_ru) for f in event.fields_of_work),
        figures=figures,
        facts=facts,
        participants=listed,
    )
