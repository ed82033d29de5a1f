"""The figures of a period report: events held, who took part and who came back, partners.

Events count when held (status "held") and starting within the period, optionally only those in
one country, of one project or with one partner. Each table comes from one grouped query:

- the events, each with its attended head-count by sex (one query; events with no participant
  list take their reported head-counts, as ``app.services.events.head_count`` does);
- attended participations grouped by sex, nationality, agency and role (tables by country and
  sector; reported head-counts get a row of their own so the totals agree);
- different people, each once, by sex, nationality and current agency, and at the same time
  by how many events each attended (the repeat participants);
- the partner organisations and their roles.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from collections import Counter
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session, aliased

from app.reports.figures import (
    Breakdown,
    Group,
    SexSplit,
    agency_key,
    attended_groups,
    breakdown,
    live_participations,
)
from db.enums import (
    ATTENDED_STATUSES,
    AgencySector,
    EventStatus,
    EventType,
    OrganizationKind,
    PartnerRole,
    Sex,
)
from db.models import Event, EventPartner, Organization, Participation, Person


@dataclasses.dataclass(frozen=True)
class PeriodFilter:
    """Which events a period report covers; the labels name the filters for the reader."""

    date_from: dt.date
    date_to: dt.date
    country: str | None = None
    project_id: uuid.UUID | None = None
    partner_id: uuid.UUID | None = None
    project_label: str | None = None
    partner_label: str | None = None


@dataclasses.dataclass(frozen=True)
class EventLine:
    """One event of the period with its head-count."""

    id: uuid.UUID
    reference: str
    title: str
    type: EventType
    start_date: dt.date
    end_date: dt.date
    city: str | None
    country: str | None
    counts: SexSplit
    source: str  # "participants", "reported" or "none"


@dataclasses.dataclass(frozen=True)
class PeopleGroup:
    """Different people sharing sex, nationality and current agency."""

    sex: Sex
    nationality: str | None
    sector: AgencySector | None
    kind: OrganizationKind | None
    count: int

    @property
    def agency_key(self) -> str | None:
        return agency_key(self.sector, self.kind, self.kind is not None)


@dataclasses.dataclass(frozen=True)
class PartnerLine:
    """A partner organisation of the period's events, with its roles and how many events."""

    name: str
    name_local: str | None
    acronym: str | None
    country: str | None
    roles: tuple[PartnerRole, ...]
    events: int


@dataclasses.dataclass(frozen=True)
class PeriodFigures:
    """Everything a period report shows (see the module docstring)."""

    filter: PeriodFilter
    events: tuple[EventLine, ...]
    not_held: dict[EventStatus, int]
    groups: tuple[Group, ...]
    people_groups: tuple[PeopleGroup, ...]
    repeat: tuple[tuple[int, SexSplit], ...]
    partners: tuple[PartnerLine, ...]

    @property
    def participations(self) -> SexSplit:
        return sum((e.counts for e in self.events), SexSplit())

    @property
    def reported(self) -> SexSplit:
        return sum((e.counts for e in self.events if e.source == "reported"), SexSplit())

    @property
    def reported_events(self) -> int:
        return sum(1 for e in self.events if e.source == "reported")

    @property
    def participations_by_country(self) -> Breakdown:
        return breakdown(self.groups, lambda g: g.nationality).with_row("reported", self.reported)

    @property
    def participations_by_sector(self) -> Breakdown:
        return breakdown(self.groups, lambda g: g.agency_key).with_row("reported", self.reported)

    @property
    def people(self) -> SexSplit:
        return sum((SexSplit.of(g.sex, g.count) for g in self.people_groups), SexSplit())

    @property
    def people_by_country(self) -> Breakdown:
        return breakdown(self.people_groups, lambda g: g.nationality)  # type: ignore[arg-type]

    @property
    def people_by_sector(self) -> Breakdown:
        return breakdown(self.people_groups, lambda g: g.agency_key)  # type: ignore[arg-type]

    @property
    def repeat_people(self) -> SexSplit:
        return sum((split for _, split in self.repeat), SexSplit())

    @property
    def by_year(self) -> bool:
        """Whether events are tabled by year rather than by month (periods over three years)."""
        months = (self.filter.date_to.year - self.filter.date_from.year) * 12
        return months + self.filter.date_to.month - self.filter.date_from.month >= 36

    def events_by_type(self) -> Counter[EventType]:
        return Counter(e.type for e in self.events)

    def events_by_period(self) -> dict[tuple[int, int], Counter[EventType]]:
        """Events by (year, month) — or (year, 0) for long periods — and type, in date order."""
        table: dict[tuple[int, int], Counter[EventType]] = {}
        for e in self.events:
            key = (e.start_date.year, 0 if self.by_year else e.start_date.month)
            table.setdefault(key, Counter())[e.type] += 1
        return dict(sorted(table.items()))


def _event_conditions(period: PeriodFilter) -> list[Any]:
    conditions: list[Any] = [
        Event.deleted_at.is_(None),
        Event.start_date >= period.date_from,
        Event.start_date <= period.date_to,
    ]
    if period.country:
        conditions.append(Event.country == period.country)
    if period.project_id:
        conditions.append(Event.project_id == period.project_id)
    if period.partner_id:
        conditions.append(
            sa.exists().where(
                EventPartner.event_id == Event.id,
                EventPartner.organization_id == period.partner_id,
                EventPartner.deleted_at.is_(None),
            )
        )
    return conditions


def period_figures(session: Session, period: PeriodFilter) -> PeriodFigures:
    """Compute every table of a period report (one query each)."""
    conditions = _event_conditions(period)
    held = [*conditions, Event.status == EventStatus.HELD]
    not_held = {
        status: n
        for status, n in session.execute(
            sa.select(Event.status, sa.func.count())
            .where(*conditions, Event.status != EventStatus.HELD)
            .group_by(Event.status)
        )
    }
    people, repeat = _people_and_repeats(session, held)
    return PeriodFigures(
        filter=period,
        events=event_lines(session, held),
        not_held=not_held,
        groups=attended_groups(session, _attended_where(held), per_organisation=False),
        people_groups=people,
        repeat=repeat,
        partners=_partners(session, held),
    )


def _attended_where(held: list[Any]) -> list[Any]:
    return [Participation.event_id.in_(sa.select(Event.id).where(*held))]


def _attended(held: list[Any]) -> list[Any]:
    return [
        Participation.status.in_(ATTENDED_STATUSES),
        *live_participations(),
        *_attended_where(held),
    ]


def event_lines(session: Session, held: list[Any]) -> tuple[EventLine, ...]:
    """The events meeting the conditions ``held``, each with its head-count (one query)."""
    attended = Participation.status.in_(ATTENDED_STATUSES)

    def attended_with(sex_condition: Any) -> Any:
        return sa.func.sum(sa.case((sa.and_(attended, sex_condition), 1), else_=0))

    counts = (
        sa.select(
            Participation.event_id,
            sa.func.count().label("listed"),
            attended_with(Person.sex == Sex.FEMALE).label("female"),
            attended_with(Person.sex == Sex.MALE).label("male"),
            attended_with(Person.sex == Sex.UNSPECIFIED).label("unspecified"),
        )
        .join(Person, Person.id == Participation.person_id)
        .where(*live_participations(), Participation.event_id.in_(sa.select(Event.id).where(*held)))
        .group_by(Participation.event_id)
        .subquery()
    )
    rows = session.execute(
        sa.select(
            Event.id,
            Event.reference,
            Event.title,
            Event.type,
            Event.start_date,
            Event.end_date,
            Event.city,
            Event.country,
            Event.reported_total,
            Event.reported_female,
            Event.reported_male,
            counts.c.listed,
            counts.c.female,
            counts.c.male,
            counts.c.unspecified,
        )
        .outerjoin(counts, counts.c.event_id == Event.id)
        .where(*held)
        .order_by(Event.start_date, Event.reference)
    ).all()
    lines = []
    for row in rows:
        if row.listed:
            split = SexSplit(int(row.female), int(row.male), int(row.unspecified))
            source = "participants"
        elif row.reported_total is not None:
            female, male = row.reported_female or 0, row.reported_male or 0
            split = SexSplit(female, male, max(row.reported_total - female - male, 0))
            source = "reported"
        else:
            split, source = SexSplit(), "none"
        lines.append(
            EventLine(
                row.id,
                row.reference,
                row.title,
                row.type,
                row.start_date,
                row.end_date,
                row.city,
                row.country,
                split,
                source,
            )
        )
    return tuple(lines)


def _people_and_repeats(
    session: Session, held: list[Any]
) -> tuple[tuple[PeopleGroup, ...], tuple[tuple[int, SexSplit], ...]]:
    """Different people by sex, nationality and current agency, and how many came back, from
    one query: people grouped by how many events each attended."""
    per_person = (
        sa.select(Participation.person_id, sa.func.count().label("events"))
        .join(Person, Person.id == Participation.person_id)
        .where(*_attended(held))
        .group_by(Participation.person_id)
        .subquery()
    )
    current = aliased(Organization)
    columns = (per_person.c.events, Person.sex, Person.nationality, current.sector, current.kind)
    rows = session.execute(
        sa.select(*columns, sa.func.count())
        .select_from(per_person)
        .join(Person, Person.id == per_person.c.person_id)
        .outerjoin(current, current.id == Person.organization_id)
        .group_by(*columns)
    ).all()
    people: dict[tuple[Any, ...], int] = {}
    repeats: dict[int, SexSplit] = {}
    for events, sex, nationality, sector, kind, n in rows:
        key = (sex, nationality, sector, kind)
        people[key] = people.get(key, 0) + n
        if events >= 2:
            repeats[events] = repeats.get(events, SexSplit()) + SexSplit.of(sex, n)
    groups = tuple(PeopleGroup(*key, n) for key, n in people.items())
    return groups, tuple(sorted(repeats.items()))


def _partners(session: Session, held: list[Any]) -> tuple[PartnerLine, ...]:
    # One row per (organisation, role, event): few even over many years, and it lets an
    # organisation with several roles in the same event count that event once.
    rows = session.execute(
        sa.select(
            Organization.id,
            Organization.name,
            Organization.name_local,
            Organization.acronym,
            Organization.country,
            EventPartner.role,
            EventPartner.event_id,
        )
        .join(Organization, Organization.id == EventPartner.organization_id)
        .where(
            EventPartner.deleted_at.is_(None),
            Organization.deleted_at.is_(None),
            EventPartner.event_id.in_(sa.select(Event.id).where(*held)),
        )
        .distinct()
    ).all()
    names: dict[uuid.UUID, tuple[str, str | None, str | None, str | None]] = {}
    roles: dict[uuid.UUID, set[PartnerRole]] = {}
    events: dict[uuid.UUID, set[uuid.UUID]] = {}
    for org_id, name, name_local, acronym, country, role, event_id in rows:
        names[org_id] = (name, name_local, acronym, country)
        roles.setdefault(org_id, set()).add(role)
        events.setdefault(org_id, set()).add(event_id)
    order = list(PartnerRole)
    lines = [
        PartnerLine(
            *names[org_id], tuple(sorted(roles[org_id], key=order.index)), len(events[org_id])
        )
        for org_id in names
    ]
    return tuple(sorted(lines, key=lambda p: (-p.events, p.name.casefold())))
