"""The figures of reports, computed in SQL: who took part, by sex, country, agency and role.

DESIGN.md, "Figures": attended participations (attended or partially attended, live record, live
person) count; an event with no participant list contributes its reported head-counts instead.
Every table of figures comes from one grouped query, never one query per row: the event's
participations are grouped by (sex, nationality, organisation, role, mode) in one query and the
tables by country, sector, role and mode are sums over those few groups. The period report adds
up the same groups kept per event ahead of time (see ``app.reports.tallies``).

The agency of a participation is the organisation the person held at the time (the
participation's organisation), else the person's current one. Its "sector" is the agency sector
of a national agency, or, for other bodies, their kind (international organisation, embassy…).
"""

from __future__ import annotations

import dataclasses
import uuid
from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session, aliased

from db.enums import (
    ATTENDED_STATUSES,
    AgencySector,
    AttendanceMode,
    OrganizationKind,
    ParticipationRole,
    ParticipationStatus,
    Sex,
)
from db.models import Event, Organization, Participation, Person


@dataclasses.dataclass(frozen=True)
class SexSplit:
    """A head-count split by sex."""

    female: int = 0
    male: int = 0
    unspecified: int = 0

    @property
    def total(self) -> int:
        return self.female + self.male + self.unspecified

    @property
    def known(self) -> int:
        """How many of them have their sex recorded: the whole of a share of women."""
        return self.female + self.male

    def __add__(self, other: SexSplit) -> SexSplit:
        return SexSplit(
            self.female + other.female,
            self.male + other.male,
            self.unspecified + other.unspecified,
        )

    @classmethod
    def of(cls, sex: Sex | None, count: int) -> SexSplit:
        if sex == Sex.FEMALE:
            return cls(female=count)
        if sex == Sex.MALE:
            return cls(male=count)
        return cls(unspecified=count)


@dataclasses.dataclass(frozen=True)
class BreakdownRow:
    """One row of a table of figures: its key (a country code, an enumeration value, a
    ``kind:…`` key for bodies that are not national agencies, None for not stated) and counts."""

    key: str | None
    counts: SexSplit


@dataclasses.dataclass(frozen=True)
class Breakdown:
    """A table of figures: rows, largest first."""

    rows: tuple[BreakdownRow, ...]

    @property
    def total(self) -> SexSplit:
        return sum((row.counts for row in self.rows), SexSplit())

    @property
    def has_unspecified(self) -> bool:
        return any(row.counts.unspecified for row in self.rows)

    def get(self, key: str | None) -> SexSplit:
        return next((row.counts for row in self.rows if row.key == key), SexSplit())

    def keys(self) -> list[str | None]:
        return [row.key for row in self.rows]

    def with_row(self, key: str, counts: SexSplit) -> Breakdown:
        """The same table with one more row at the end (e.g. reported head-counts)."""
        if counts.total == 0:
            return self
        return Breakdown((*self.rows, BreakdownRow(key, counts)))


@dataclasses.dataclass(frozen=True)
class Group:
    """Attended participations sharing sex, nationality, agency, role and mode."""

    sex: Sex
    nationality: str | None
    organization_id: uuid.UUID | None
    sector: AgencySector | None
    kind: OrganizationKind | None
    role: ParticipationRole
    mode: AttendanceMode
    count: int

    @property
    def agency_key(self) -> str | None:
        return agency_key(self.sector, self.kind, self.organization_id is not None)


def agency_key(
    sector: AgencySector | None, kind: OrganizationKind | None, has_organisation: bool
) -> str | None:
    """The row key of the agency-sector tables (see the module docstring)."""
    if not has_organisation:
        return None
    if kind in (None, OrganizationKind.NATIONAL_AGENCY):
        return (sector or AgencySector.OTHER).value
    return f"kind:{kind.value}"


def breakdown(groups: Iterable[Group], key: Callable[[Group], str | None]) -> Breakdown:
    """Sum ``groups`` into a table keyed by ``key``: largest total first, then by key."""
    sums: dict[str | None, SexSplit] = {}
    for group in groups:
        k = key(group)
        sums[k] = sums.get(k, SexSplit()) + SexSplit.of(group.sex, group.count)
    rows = sorted(sums.items(), key=lambda item: (item[0] is None, -item[1].total, item[0] or ""))
    return Breakdown(tuple(BreakdownRow(k, counts) for k, counts in rows))


def ordered_breakdown(
    groups: Iterable[Group], key: Callable[[Group], str], order: list[str]
) -> Breakdown:
    """Like ``breakdown`` but rows in a fixed order (roles, modes: as the enumeration lists them)."""
    table = breakdown(groups, key)
    return Breakdown(tuple(sorted(table.rows, key=lambda row: order.index(row.key or ""))))


def held_organisation():  # type: ignore[no-untyped-def]
    """The organisation a participation counts under: the one held at the time, else the
    person's current one (an aliased Organization and its join condition)."""
    organisation = aliased(Organization)
    condition = organisation.id == sa.func.coalesce(
        Participation.organization_id, Person.organization_id
    )
    return organisation, condition


def person_columns() -> tuple[Any, ...]:
    """A person's names (Latin and local script), sex and nationality, in the order lists of
    participants show them."""
    return (
        Person.family_name,
        Person.given_name,
        Person.patronymic,
        Person.family_name_local,
        Person.given_name_local,
        Person.patronymic_local,
        Person.sex,
        Person.nationality,
    )


def live_participations():  # type: ignore[no-untyped-def]
    """The WHERE conditions of a participation that counts at all (live, of a live person)."""
    return (Participation.deleted_at.is_(None), Person.deleted_at.is_(None))


def attended_groups(session: Session, where: list[Any]) -> tuple[Group, ...]:
    """Attended participations meeting ``where``, grouped by sex, nationality, agency (each
    organisation apart), role and mode — one grouped query."""
    organisation, joined = held_organisation()
    columns = (
        Person.sex,
        Person.nationality,
        organisation.id,
        organisation.sector,
        organisation.kind,
        Participation.role,
        Participation.mode,
    )
    rows = session.execute(
        sa.select(*columns, sa.func.count())
        .select_from(Participation)
        .join(Person, Person.id == Participation.person_id)
        .outerjoin(organisation, joined)
        .where(Participation.status.in_(ATTENDED_STATUSES), *live_participations(), *where)
        .group_by(*columns)
    )
    return tuple(Group(*row) for row in rows)


@dataclasses.dataclass(frozen=True)
class EventFigures:
    """The figures of one event's summary."""

    source: str  # "participants" (from the list), "reported" (head-counts) or "none"
    by_sex: SexSplit
    groups: tuple[Group, ...]
    listed_by_status: dict[ParticipationStatus, int]

    @property
    def by_country(self) -> Breakdown:
        return breakdown(self.groups, lambda g: g.nationality)

    @property
    def by_sector(self) -> Breakdown:
        return breakdown(self.groups, lambda g: g.agency_key)

    @property
    def by_role(self) -> Breakdown:
        return ordered_breakdown(
            self.groups, lambda g: g.role.value, [r.value for r in ParticipationRole]
        )

    @property
    def by_mode(self) -> Breakdown:
        return ordered_breakdown(
            self.groups, lambda g: g.mode.value, [m.value for m in AttendanceMode]
        )

    @property
    def listed(self) -> int:
        return sum(self.listed_by_status.values())

    @property
    def not_counted(self) -> dict[ParticipationStatus, int]:
        """Listed people who are not counted as having taken part, by status."""
        return {s: n for s, n in self.listed_by_status.items() if s not in ATTENDED_STATUSES and n}


def event_figures(session: Session, event: Event) -> EventFigures:
    """The figures of ``event``: two grouped queries (statuses, then attended groups)."""
    listed = Counter(
        {
            status: n
            for status, n in session.execute(
                sa.select(Participation.status, sa.func.count())
                .join(Person, Person.id == Participation.person_id)
                .where(Participation.event_id == event.id, *live_participations())
                .group_by(Participation.status)
            )
        }
    )
    if not listed:
        if event.reported_total is not None:
            female, male = event.reported_female or 0, event.reported_male or 0
            split = SexSplit(female, male, max(event.reported_total - female - male, 0))
            return EventFigures("reported", split, (), {})
        return EventFigures("none", SexSplit(), (), {})
    groups = attended_groups(session, [Participation.event_id == event.id])
    by_sex = sum((SexSplit.of(g.sex, g.count) for g in groups), SexSplit())
    return EventFigures("participants", by_sex, groups, dict(listed))
