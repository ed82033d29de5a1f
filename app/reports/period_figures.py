"""The figures of a period report: events held, who took part and who came back, partners.

Events count when held (status "held") and starting within the period, optionally only those in
one country, of one project or with one partner. The participation figures are added up from
those kept per event ahead of time (``app.reports.tallies``, brought up to date first); each
table comes from grouped queries, never one query per event or person:

- the events, each with its attended head-count by sex (events with no participant list take
  their reported head-counts, as ``app.services.events.head_count`` does);
- attended participations grouped by sex, nationality and agency (tables by country and
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
from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from app.reports import tallies
from app.reports.figures import Breakdown, SexSplit, breakdown, live_participations
from app.reports.tallies import FigureGroup
from db.enums import (
    ATTENDED_STATUSES,
    EventStatus,
    EventType,
    PartnerRole,
    Sex,
)
from db.models import (
    Event,
    EventPartner,
    Organization,
    Participation,
    Person,
    Project,
    figures_event,
)


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
    project_id: uuid.UUID | None = None
    person_days: int = 0  # days attended, or the event's length where not recorded
    title_ru: str | None = None

    @property
    def days(self) -> int:
        return (self.end_date - self.start_date).days + 1

    def shown_title(self, lang: str) -> str:
        """The title a report in ``lang`` shows: the Russian one where it is recorded."""
        return (self.title_ru or self.title) if lang == "ru" else self.title


@dataclasses.dataclass(frozen=True)
class ProjectLine:
    """The indicators of one project's events in a period (``project`` None: no project)."""

    project_id: uuid.UUID | None
    label: str | None
    events: int
    participations: SexSplit
    people: SexSplit | None  # None: not counted (``PROJECT_PEOPLE_LIMIT``)
    person_days: int


# Different people by project are counted when the period holds at most this many attended
# participations: each person once per project takes sorting every (project, person) pair, and
# no total kept ahead of time gives it (at a million participations, 10-20 s on a busy 2-core
# machine; a year of them, about 50,000, well under a second).
PROJECT_PEOPLE_LIMIT = 100_000


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
    groups: tuple[FigureGroup, ...]
    people_groups: tuple[FigureGroup, ...]
    repeat: tuple[tuple[int, SexSplit], ...]
    partners: tuple[PartnerLine, ...]
    projects: tuple[ProjectLine, ...] = ()
    # The same figures from the start of the project (or, with no project chosen, of the
    # records) to the end of the period; None where that start is the period's own.
    cumulative: PeriodFigures | None = None

    @property
    def since(self) -> dt.date:
        """The first day the cumulative figures count from."""
        return (self.cumulative or self).filter.date_from

    @property
    def person_days(self) -> int:
        """Person-days of training: days attended, or the event's length when not recorded
        (for head-count-only events, the head-count times the length)."""
        return sum(e.person_days for e in self.events)

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
        return breakdown(self.people_groups, lambda g: g.nationality)

    @property
    def people_by_sector(self) -> Breakdown:
        return breakdown(self.people_groups, lambda g: g.agency_key)

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


def period_figures(
    session: Session, period: PeriodFilter, *, cumulative: bool = True
) -> PeriodFigures:
    """Compute every table of a period report, after bringing the figures kept ahead of time up
    to date in ``session``'s transaction (call ``tallies.update`` first to keep that work for
    later reports and to read here without the write lock); with ``cumulative``, the same
    figures since the start of the project chosen, or of the records (``cumulative_start``),
    computed the same way."""
    tallies.refresh(session)
    figures = _figures(session, period)
    if not cumulative:
        return figures
    since = cumulative_start(session, period)
    if since is None or since >= period.date_from:
        return figures
    whole = _figures(session, dataclasses.replace(period, date_from=since))
    return dataclasses.replace(figures, cumulative=whole)


def cumulative_start(session: Session, period: PeriodFilter) -> dt.date | None:
    """Where cumulative figures start: the chosen project's start date (else its first
    event's), or with no project chosen the first event of the records (one indexed query)."""
    if period.project_id:
        start = session.execute(
            sa.select(Project.start_date).where(Project.id == period.project_id)
        ).scalar_one_or_none()
        if start is not None:
            return start
        conditions = [Event.project_id == period.project_id]
    else:
        conditions = []
    return session.execute(
        sa.select(sa.func.min(Event.start_date)).where(Event.deleted_at.is_(None), *conditions)
    ).scalar_one_or_none()


def _figures(session: Session, period: PeriodFilter) -> PeriodFigures:
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
    events = _kept_event_lines(session, held)
    selected = sa.select(Event.id).where(*held)
    attended = sum(e.counts.total for e in events if e.source == "participants")
    many = 2 * attended > tallies.attended_total(session)  # most of all: count the others
    per_events = tallies.people_groups(session, selected, many)
    repeats: dict[int, SexSplit] = {}
    for events_attended, group in per_events:
        if events_attended >= 2:
            split = repeats.get(events_attended, SexSplit()) + SexSplit.of(group.sex, group.count)
            repeats[events_attended] = split
    return PeriodFigures(
        filter=period,
        events=events,
        not_held=not_held,
        groups=tallies.attended_groups(session, selected, many),
        people_groups=_merged(group for _, group in per_events),
        repeat=tuple(sorted(repeats.items())),
        partners=_partners(session, held),
        projects=_projects(session, events, selected, attended <= PROJECT_PEOPLE_LIMIT),
    )


def _projects(
    session: Session, events: tuple[EventLine, ...], selected: Any, with_people: bool
) -> tuple[ProjectLine, ...]:
    """The indicators by project: events, participations and person-days added up from the
    event lines; with ``with_people``, different people, each once per project, in one grouped
    query over who attended (``tallies.people_by_project``; else None)."""
    lines: dict[uuid.UUID | None, list[EventLine]] = {}
    for e in events:
        lines.setdefault(e.project_id, []).append(e)
    if not lines:
        return ()
    people = tallies.people_by_project(session, selected) if with_people else None
    labels = dict(
        session.execute(
            sa.select(Project.id, sa.func.coalesce(Project.code, Project.title)).where(
                Project.id.in_([p for p in lines if p is not None])
            )
        ).all()
    )
    rows = [
        ProjectLine(
            project,
            labels.get(project) if project else None,
            len(these),
            sum((e.counts for e in these), SexSplit()),
            people.get(project, SexSplit()) if people is not None else None,
            sum(e.person_days for e in these),
        )
        for project, these in lines.items()
    ]
    return tuple(sorted(rows, key=lambda p: (p.project_id is None, -p.events, p.label or "")))


def _merged(groups: Iterable[FigureGroup]) -> tuple[FigureGroup, ...]:
    """Groups with the same sex, nationality and agency made one."""
    counts: Counter[tuple[Any, ...]] = Counter()
    for g in groups:
        counts[(g.sex, g.nationality, g.sector, g.kind)] += g.count
    return tuple(FigureGroup(*key, n) for key, n in counts.items())


def event_lines(session: Session, held: list[Any]) -> tuple[EventLine, ...]:
    """The events meeting the conditions ``held``, each with its head-count and person-days,
    counted from the records (one query)."""
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
            sa.func.sum(
                sa.case((attended, sa.func.coalesce(Participation.days_attended, 0)), else_=0)
            ).label("days_recorded"),
            attended_with(Participation.days_attended.is_(None)).label("days_unrecorded"),
        )
        .join(Person, Person.id == Participation.person_id)
        .where(*live_participations(), Participation.event_id.in_(sa.select(Event.id).where(*held)))
        .group_by(Participation.event_id)
        .subquery()
    )
    return _lines(session, held, counts)


def _kept_event_lines(session: Session, held: list[Any]) -> tuple[EventLine, ...]:
    """As ``event_lines``, from the head-counts kept per event (``app.reports.tallies``)."""
    return _lines(session, held, figures_event)


def _lines(session: Session, held: list[Any], counts: Any) -> tuple[EventLine, ...]:
    """The events meeting ``held`` joined to their head-counts in ``counts`` (a table or
    subquery of event_id, listed, female, male, unspecified)."""
    rows = (
        session.connection()
        .execute(
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
                Event.project_id,
                counts.c.days_recorded,
                counts.c.days_unrecorded,
                Event.title_ru,
            )
            .outerjoin(counts, counts.c.event_id == Event.id)
            .where(*held)
            .order_by(Event.start_date, Event.reference)
        )
        .all()
    )
    lines = []
    for row in rows:  # unpacked by position: a tenth of the cost of row.name for 20,000 events
        (event_id, reference, title, type_, start, end, city, country,
         reported, reported_female, reported_male, listed, female, male, unspecified,
         project, days_recorded, days_unrecorded, title_ru) = row  # fmt: skip
        length = (end - start).days + 1
        if listed:
            split = SexSplit(int(female), int(male), int(unspecified))
            source = "participants"
            person_days = int(days_recorded or 0) + int(days_unrecorded or 0) * length
        elif reported is not None:
            female, male = reported_female or 0, reported_male or 0
            split = SexSplit(female, male, max(reported - female - male, 0))
            source = "reported"
            person_days = reported * length
        else:
            split, source, person_days = SexSplit(), "none", 0
        lines.append(
            EventLine(
                event_id,
                reference,
                title,
                type_,
                start,
                end,
                city,
                country,
                split,
                source,
                project,
                person_days,
                title_ru,
            )
        )
    return tuple(lines)


def _partners(session: Session, held: list[Any]) -> tuple[PartnerLine, ...]:
    """The partner organisations of the events meeting ``held``, each with its roles and the
    number of different events (an organisation with several roles in one event counts it
    once): one grouped query, a row per organisation."""
    order = list(PartnerRole)
    roles = [
        sa.func.max(sa.case((EventPartner.role == role, 1), else_=0)).label(role.value)
        for role in order
    ]
    rows = session.connection().execute(  # plain rows: no ORM loading needed
        sa.select(
            Organization.name,
            Organization.name_local,
            Organization.acronym,
            Organization.country,
            sa.func.count(sa.distinct(EventPartner.event_id)),
            *roles,
        )
        .join(Organization, Organization.id == EventPartner.organization_id)
        .where(
            EventPartner.deleted_at.is_(None),
            Organization.deleted_at.is_(None),
            EventPartner.event_id.in_(sa.select(Event.id).where(*held)),
        )
        .group_by(Organization.id)
    )
    lines = [
        PartnerLine(
            *row[:4], tuple(r for r, had in zip(order, row[5:], strict=True) if had), row[4]
        )
        for row in rows
    ]
    return tuple(sorted(lines, key=lambda p: (-p.events, p.name.casefold())))
