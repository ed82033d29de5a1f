"""The period report's figures, kept ahead of time per event (tables ``figures_*``).

Counting a twenty-year period from its million participations took seconds; these tables let the
report add up what was counted before. For each event that has a participant list:

- ``figures_event``: how many are listed, and how many attended, by sex; the days recorded for
  those who attended, and how many attended with no days recorded (person-days);
- ``figures_event_group``: attended participations by (sex, nationality, agency sector, agency
  kind) — the agency as ``app.reports.figures`` defines it: held at the time, else current;
- ``figures_attendance``: who attended (one row per event and person).

And over all those events together:

- ``figures_group_total``: the sum of every event's groups;
- ``figures_person``: for each person who attended anything, how many events, with their sex,
  nationality and current agency;
- ``figures_people_total``: people counted by (number of events, sex, nationality, agency).

A figure over a set of events is then either the sum over those events (when they are few) or
the total minus the sum over the other events (when they are many): the work is proportional
to the smaller side, and a report over all the years reads the totals almost alone.

Triggers (migration 0005) list in ``figures_stale`` every event whose figures a write may have
changed. ``refresh`` counts those events again from the records and moves the totals by the
difference. ``update`` runs it, when anything is listed, in a short writing transaction of its
own before a report, which then reads the figures without taking the write lock;
``period_figures`` calls ``refresh`` as well, so it never adds up stale figures (that work is
kept only if the report's own transaction commits).

Concurrency: on SQLite a refresh holds the write lock. On PostgreSQL refreshes (and restores)
take an advisory lock in turn, and a refresh claims the listed events by deleting their entries
in one statement: an entry a writer has not committed yet stays for the next refresh, and no
entry is deleted without its event being claimed.
"""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from app.reports.figures import SexSplit, agency_key
from db.enums import ATTENDED_STATUSES, AgencySector, OrganizationKind, Sex
from db.models import (
    Event,
    figures_attendance,
    figures_claim,
    figures_event,
    figures_event_group,
    figures_group_total,
    figures_people_total,
    figures_person,
    figures_stale,
    lock_figures,
)

_ATTENDED = "pa.status IN ({})".format(", ".join(f"'{s.value}'" for s in ATTENDED_STATUSES))
_LIVE = "pa.deleted_at IS NULL AND p.deleted_at IS NULL"
# Written as IN (SELECT …) rather than joins: SQLite then looks the few claimed events up in the
# big tables' indexes even without statistics (as a join, it scanned a million participations).
_IN_CLAIM = "IN (SELECT event_id FROM figures_claim)"
_PARTICIPATIONS = "FROM participation pa JOIN person p ON p.id = pa.person_id"
_KEY = "sex, nationality, sector, kind"


def _add(table: str, key: str, select: str) -> str:
    """Add the rows of ``select`` (key columns then a count) to the totals in ``table``."""
    return (
        f"INSERT INTO {table} ({key}, count) {select} "
        f"ON CONFLICT ({key}) DO UPDATE SET count = {table}.count + excluded.count"
    )


_PEOPLE_KEY = f"events, {_KEY}"
_PEOPLE_OF_DELTA = (
    "SELECT f.events, f.sex, f.nationality, f.sector, f.kind, {sign}count(*) "
    "FROM figures_person f WHERE f.person_id IN (SELECT person_id FROM figures_delta) "
    "GROUP BY f.events, f.sex, f.nationality, f.sector, f.kind"
)
_GROUPS_OF_CLAIMED = (
    "SELECT g.sex, g.nationality, g.sector, g.kind, {sign}sum(g.count) "
    f"FROM figures_event_group g WHERE g.event_id {_IN_CLAIM} "
    "GROUP BY g.sex, g.nationality, g.sector, g.kind"
)

# One refresh, in order (see the module docstring). The events to count again are first copied
# into figures_claim; what they counted before is taken off the totals, they are counted again
# from the records, and the totals take the new counts. People whose number of events or whose
# sex, nationality or agency may have changed are those listed in a claimed event before or now
# (figures_delta: the change in their number of events).
_CLAIM = {  # the listed events into figures_claim, their entries out of figures_stale
    "sqlite": [  # under the write lock nothing can come between the two statements
        "INSERT INTO figures_claim (event_id) SELECT DISTINCT event_id FROM figures_stale",
        "DELETE FROM figures_stale",
    ],
    "postgresql": [  # one statement: deletes exactly the entries it claims
        "WITH taken AS (DELETE FROM figures_stale RETURNING event_id) "
        "INSERT INTO figures_claim (event_id) SELECT DISTINCT event_id FROM taken"
    ],
}
_REFRESH = [
    _add("figures_group_total", _KEY, _GROUPS_OF_CLAIMED.format(sign="-")),
    "INSERT INTO figures_delta (person_id, delta) SELECT a.person_id, -count(*) "
    f"FROM figures_attendance a WHERE a.event_id {_IN_CLAIM} GROUP BY a.person_id",
    f"DELETE FROM figures_event WHERE event_id {_IN_CLAIM}",
    f"DELETE FROM figures_event_group WHERE event_id {_IN_CLAIM}",
    f"DELETE FROM figures_attendance WHERE event_id {_IN_CLAIM}",
    "INSERT INTO figures_event (event_id, listed, female, male, unspecified, days_recorded, "
    "days_unrecorded) SELECT pa.event_id, count(*), "
    + ", ".join(
        f"sum(CASE WHEN {_ATTENDED} AND p.sex = '{sex.value}' THEN 1 ELSE 0 END)"
        for sex in (Sex.FEMALE, Sex.MALE, Sex.UNSPECIFIED)
    )
    + f", sum(CASE WHEN {_ATTENDED} THEN coalesce(pa.days_attended, 0) ELSE 0 END)"
    + f", sum(CASE WHEN {_ATTENDED} AND pa.days_attended IS NULL THEN 1 ELSE 0 END)"
    + f" {_PARTICIPATIONS} WHERE pa.event_id {_IN_CLAIM} AND {_LIVE} GROUP BY pa.event_id",
    f"INSERT INTO figures_event_group (event_id, {_KEY}, count) "
    "SELECT pa.event_id, p.sex, coalesce(p.nationality, ''), coalesce(o.sector, ''), "
    f"coalesce(o.kind, ''), count(*) {_PARTICIPATIONS} "
    "LEFT JOIN organization o ON o.id = coalesce(pa.organization_id, p.organization_id) "
    f"WHERE pa.event_id {_IN_CLAIM} AND {_LIVE} AND {_ATTENDED} "
    "GROUP BY pa.event_id, p.sex, coalesce(p.nationality, ''), coalesce(o.sector, ''), "
    "coalesce(o.kind, '')",
    "INSERT INTO figures_attendance (event_id, person_id) "
    f"SELECT pa.event_id, pa.person_id {_PARTICIPATIONS} "
    f"WHERE pa.event_id {_IN_CLAIM} AND {_LIVE} AND {_ATTENDED}",
    _add("figures_group_total", _KEY, _GROUPS_OF_CLAIMED.format(sign="")),
    "INSERT INTO figures_delta (person_id, delta) SELECT a.person_id, count(*) "
    f"FROM figures_attendance a WHERE a.event_id {_IN_CLAIM} GROUP BY a.person_id "
    "ON CONFLICT (person_id) DO UPDATE SET delta = figures_delta.delta + excluded.delta",
    _add("figures_people_total", _PEOPLE_KEY, _PEOPLE_OF_DELTA.format(sign="-")),
    # From here on figures_delta.delta holds each person's new number of events.
    "UPDATE figures_delta SET delta = delta + coalesce((SELECT f.events FROM figures_person f "
    "WHERE f.person_id = figures_delta.person_id), 0)",
    "DELETE FROM figures_person WHERE person_id IN (SELECT person_id FROM figures_delta)",
    f"INSERT INTO figures_person (person_id, {_PEOPLE_KEY}) "
    "SELECT d.person_id, d.delta, p.sex, coalesce(p.nationality, ''), coalesce(o.sector, ''), "
    "coalesce(o.kind, '') FROM figures_delta d JOIN person p ON p.id = d.person_id "
    "LEFT JOIN organization o ON o.id = p.organization_id WHERE d.delta > 0",
    _add("figures_people_total", _PEOPLE_KEY, _PEOPLE_OF_DELTA.format(sign="")),
    "DELETE FROM figures_group_total WHERE count = 0",
    "DELETE FROM figures_people_total WHERE count = 0",
    "DELETE FROM figures_delta",
    "DELETE FROM figures_claim",
]


def refresh(session: Session) -> int:
    """Count again the figures of every event listed as stale, in ``session``'s transaction;
    the number of events counted again (0, after one quick query, when nothing is listed)."""
    if not is_stale(session):
        return 0
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        lock_figures(session.connection())
    for statement in _CLAIM[dialect]:
        session.execute(sa.text(statement))
    claimed = session.execute(sa.select(sa.func.count()).select_from(figures_claim)).scalar_one()
    for statement in _REFRESH:
        session.execute(sa.text(statement))
    return int(claimed)


def is_stale(session: Session) -> bool:
    """Whether any event waits to be counted again (one quick query)."""
    return session.execute(sa.select(figures_stale.c.id).limit(1)).first() is not None


def update(database: Any, watch: Callable[[Session], object] | None = None) -> int:
    """Bring the figures up to date, when anything is listed, in a writing transaction of its
    own (kept for later reports); the number of events counted again. ``watch`` is given the
    session first (e.g. to be able to interrupt it)."""
    with database.session_scope(readonly=True) as session:
        if not is_stale(session):
            return 0
    with database.session_scope() as session:
        if watch is not None:
            watch(session)
        return refresh(session)


INSERT_TRIGGER = "figures_participation_insert"  # migration 0005


@contextlib.contextmanager
def participations_listed_at_end(
    connection: sa.Connection, events: Callable[[], Iterable[Any]]
) -> Iterator[None]:
    """For bulk inserts of participations (an import, the benchmark generator), in the caller's
    transaction: the events ``events()`` returns after the block are listed as stale once,
    instead of each inserted row listing its event through the row trigger. The caller inserts
    participations of those events only.

    SQLite: the trigger is dropped for the block and created again from its own SQL (as the
    migration wrote it) in the same transaction, so no other connection ever sees the table
    without it, and a rollback brings it back too. The mere presence of the row trigger cost
    each insert 20 µs or more (1.1 s of a 50,000-row import). PostgreSQL's statement trigger
    costs nothing here, and lists the events itself."""
    if connection.dialect.name != "sqlite":
        yield
        return
    sql = connection.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", (INSERT_TRIGGER,)
    ).scalar_one()
    connection.exec_driver_sql(f"DROP TRIGGER {INSERT_TRIGGER}")
    try:
        yield
    except BaseException:
        # Put back for a caller that goes on in the transaction; unless SQLite ended the
        # transaction itself (disk full, I/O error): that rollback brought the trigger back,
        # and its error, not "trigger already exists", is the one to report.
        if connection.connection.dbapi_connection.in_transaction:  # type: ignore[union-attr]
            connection.exec_driver_sql(sql)
        raise
    connection.exec_driver_sql(sql)
    listed = [{"event_id": event} for event in events()]
    if listed:  # (duplicates are harmless: a refresh claims each event once)
        connection.execute(figures_stale.insert(), listed)


@dataclasses.dataclass(frozen=True)
class FigureGroup:
    """People or attended participations sharing sex, nationality and agency."""

    sex: Sex
    nationality: str | None
    sector: AgencySector | None
    kind: OrganizationKind | None
    count: int

    @property
    def agency_key(self) -> str | None:
        return agency_key(self.sector, self.kind, self.kind is not None)


def _group(sex: str, nationality: str, sector: str, kind: str, count: int) -> FigureGroup:
    return FigureGroup(
        Sex(sex),
        nationality or None,
        AgencySector(sector) if sector else None,
        OrganizationKind(kind) if kind else None,
        int(count),
    )


def _summed(rows: Iterable[Any], width: int) -> dict[tuple[Any, ...], int]:
    """Rows of (key…, count) added up by key (the first ``width`` columns); zeros left out."""
    sums: dict[tuple[Any, ...], int] = {}
    for row in rows:
        key = tuple(row[:width])
        sums[key] = sums.get(key, 0) + int(row[width])
    return {key: n for key, n in sums.items() if n}


def attended_total(session: Session) -> int:
    """Attended participations over every event with a list (the groups' grand total)."""
    total = figures_group_total.c.count
    return int(session.execute(sa.select(sa.func.coalesce(sa.func.sum(total), 0))).scalar_one())


def _others(selected: Any) -> Any:
    """The events with figures that are not ``selected`` (a SELECT of event ids)."""
    return sa.select(figures_event.c.event_id).where(figures_event.c.event_id.not_in(selected))


def attended_groups(session: Session, selected: Any, many: bool) -> tuple[FigureGroup, ...]:
    """Attended participations of the ``selected`` events (a SELECT of ids) by sex,
    nationality and agency; ``many``: the selection holds most attended participations, so
    the totals minus the other events are summed."""
    g = figures_event_group.c
    key = (g.sex, g.nationality, g.sector, g.kind)
    if many:
        total = figures_group_total.c
        rows = [
            *session.execute(
                sa.select(total.sex, total.nationality, total.sector, total.kind, total.count)
            ),
            *session.execute(
                sa.select(*key, -sa.func.sum(g.count))
                .where(g.event_id.in_(_others(selected)))
                .group_by(*key)
            ),
        ]
    else:
        rows = session.execute(
            sa.select(*key, sa.func.sum(g.count)).where(g.event_id.in_(selected)).group_by(*key)
        ).all()
    return tuple(_group(*key, n) for key, n in _summed(rows, 4).items())


def people_groups(
    session: Session, selected: Any, many: bool
) -> tuple[tuple[int, FigureGroup], ...]:
    """Different people who attended the ``selected`` events, by how many of them each
    attended, sex, nationality and current agency (``many`` as for ``attended_groups``)."""
    a, f = figures_attendance.c, figures_person.c
    attrs = (f.sex, f.nationality, f.sector, f.kind)
    if many:
        # Everyone as counted over all events; then the people of the other events taken from
        # their number of events over all and put at their number over the selection.
        elsewhere = (
            sa.select(a.person_id, sa.func.count().label("n"))
            .where(a.event_id.in_(_others(selected)))
            .group_by(a.person_id)
            .cte("elsewhere")
        )
        t = figures_people_total.c
        within = f.events - elsewhere.c.n
        joined = figures_person.join(elsewhere, elsewhere.c.person_id == f.person_id)
        rows = session.execute(
            sa.union_all(
                sa.select(t.events, t.sex, t.nationality, t.sector, t.kind, t.count),
                sa.select(f.events, *attrs, -sa.func.count())
                .select_from(joined)
                .group_by(f.events, *attrs),
                sa.select(within, *attrs, sa.func.count())
                .select_from(joined)
                .where(within > 0)
                .group_by(within, *attrs),
            )
        ).all()
    else:
        per_person = (
            sa.select(a.person_id, sa.func.count().label("events"))
            .where(a.event_id.in_(selected))
            .group_by(a.person_id)
            .subquery()
        )
        columns = (per_person.c.events, *attrs)
        rows = session.execute(
            sa.select(*columns, sa.func.count())
            .select_from(per_person.join(figures_person, f.person_id == per_person.c.person_id))
            .group_by(*columns)
        ).all()
    return tuple((events, _group(*key, n)) for (events, *key), n in _summed(rows, 5).items())


def people_by_project(session: Session, selected: Any) -> dict[Any, SexSplit]:
    """Different people who attended the ``selected`` events, each once per project of those
    events (None: events of no project), by sex: {project id: SexSplit} — one grouped query
    over who attended."""
    a, f = figures_attendance.c, figures_person.c
    pairs = (
        sa.select(Event.project_id.label("project_id"), a.person_id)
        .join(Event, Event.id == a.event_id)
        .where(a.event_id.in_(selected))
        .distinct()
        .subquery()
    )
    rows = session.execute(
        sa.select(pairs.c.project_id, f.sex, sa.func.count())
        .select_from(pairs.join(figures_person, f.person_id == pairs.c.person_id))
        .group_by(pairs.c.project_id, f.sex)
    )
    out: dict[Any, SexSplit] = {}
    for project, sex, n in rows:
        out[project] = out.get(project, SexSplit()) + SexSplit.of(Sex(sex), int(n))
    return out
