"""The period figures kept ahead of time (``app.reports.tallies``) agree with a plain count.

On generated data, on SQLite and PostgreSQL: every period and filter gives the same figures as
counting the participations one by one in Python, whichever way the tallies add up (the events
selected, or the totals minus the others); and after every kind of write that can change a
figure — through the services and in raw SQL — bringing the tallies up to date gives exactly the
tables that counting everything from scratch gives.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy.orm import Session

from app.importing.importer import import_list, open_list
from app.progress import Cancelled
from app.reports import tallies
from app.reports.figures import SexSplit
from app.reports.period_figures import PeriodFilter, period_figures
from app.services import events, merging, organizations, participations, people
from db.enums import ATTENDED_STATUSES, EventStatus, ParticipationStatus, Sex
from db.models import (
    FIGURES_TABLES,
    Event,
    EventPartner,
    Organization,
    Participation,
    Person,
    figures_claim,
    figures_delta,
    figures_person,
    figures_stale,
)
from tests.perf.generate import fill_database

# The figures themselves: all figures tables but the list of stale events and the work tables.
KEPT = tuple(t for t in FIGURES_TABLES if t not in (figures_stale, figures_claim, figures_delta))
EVERYTHING = PeriodFilter(dt.date(1990, 1, 1), dt.date(2040, 12, 31))


def _agency(org: Organization | None) -> tuple[str | None, str | None]:
    if org is None:
        return None, None
    return (org.sector.value if org.sector else None), org.kind.value


def plain_figures(session: Session, period: PeriodFilter) -> dict[str, Any]:
    """The figures counted one participation at a time over the ORM objects."""
    events = session.scalars(
        sa.select(Event).where(
            Event.deleted_at.is_(None),
            Event.status == EventStatus.HELD,
            Event.start_date.between(period.date_from, period.date_to),
        )
    ).all()
    if period.country:
        events = [e for e in events if e.country == period.country]
    if period.project_id:
        events = [e for e in events if e.project_id == period.project_id]
    if period.partner_id:
        events = [
            e
            for e in events
            if any(
                p.organization_id == period.partner_id and p.deleted_at is None for p in e.partners
            )
        ]
    lines: dict[uuid.UUID, SexSplit] = {}
    groups: Counter[tuple[Any, ...]] = Counter()
    per_person: Counter[uuid.UUID] = Counter()
    who: dict[uuid.UUID, Person] = {}
    for event in events:
        listed = [
            p for p in event.participations if p.deleted_at is None and p.person.deleted_at is None
        ]
        attended = [p for p in listed if p.status in ATTENDED_STATUSES]
        if listed:
            lines[event.id] = sum((SexSplit.of(p.person.sex, 1) for p in attended), SexSplit())
        for p in attended:
            org = p.organization or p.person.organization
            groups[(p.person.sex, p.person.nationality, *_agency(org))] += 1
            per_person[p.person_id] += 1
            who[p.person_id] = p.person
    people: Counter[tuple[Any, ...]] = Counter()
    repeat: Counter[tuple[int, Sex]] = Counter()
    for person_id, n in per_person.items():
        person = who[person_id]
        people[(person.sex, person.nationality, *_agency(person.organization))] += 1
        if n >= 2:
            repeat[(n, person.sex)] += 1
    return {"lines": lines, "groups": groups, "people": people, "repeat": repeat}


def _key(group: tallies.FigureGroup) -> tuple[Any, ...]:
    sector = group.sector.value if group.sector else None
    return (group.sex, group.nationality, sector, group.kind.value if group.kind else None)


def kept_figures(session: Session, period: PeriodFilter) -> dict[str, Any]:
    figures = period_figures(session, period)
    repeat: Counter[tuple[int, Sex]] = Counter()
    for times, split in figures.repeat:
        for sex, n in ((Sex.FEMALE, split.female), (Sex.MALE, split.male)):
            repeat[(times, sex)] += n
        repeat[(times, Sex.UNSPECIFIED)] += split.unspecified
    return {
        "lines": {e.id: e.counts for e in figures.events if e.source == "participants"},
        "groups": Counter({_key(g): g.count for g in figures.groups}),
        "people": Counter({_key(g): g.count for g in figures.people_groups}),
        "repeat": +repeat,
    }


def snapshot(session: Session) -> dict[str, set[tuple[Any, ...]]]:
    return {table.name: set(session.execute(sa.select(table)).all()) for table in KEPT}


def counted_from_scratch(session: Session) -> dict[str, set[tuple[Any, ...]]]:
    """The kept tables as a refresh of every event from empty tables gives them (in the
    caller's transaction, which must then be rolled back)."""
    for table in KEPT:
        session.execute(sa.delete(table))
    session.execute(sa.insert(figures_stale).from_select(["event_id"], sa.select(Event.id)))
    tallies.refresh(session)
    return snapshot(session)


def assert_up_to_date(database: Any) -> None:
    """After ``update``: nothing left stale, and the tables as counting from scratch."""
    tallies.update(database)
    with database.session_scope(readonly=True) as session:
        assert session.execute(sa.select(sa.func.count()).select_from(figures_stale)).scalar() == 0
        kept = snapshot(session)
        assert kept == counted_from_scratch(session)  # rolled back when the scope ends
    with database.session_scope(readonly=True) as session:
        assert kept_figures(session, EVERYTHING) == plain_figures(session, EVERYTHING)


@pytest.fixture
def filled(any_db):  # type: ignore[no-untyped-def]
    fill_database(any_db, people=250, participations=1200, events=50, seed=21)
    return any_db


def test_periods_and_filters_agree_with_a_plain_count(filled) -> None:  # type: ignore[no-untyped-def]
    with filled.session_scope() as session:
        event = session.scalars(sa.select(Event).where(Event.project_id.is_not(None))).first()
        partner = session.scalars(sa.select(EventPartner.organization_id)).first()
        years = sorted(y.year for y in session.scalars(sa.select(Event.start_date)))
        middle = years[len(years) // 2]
        periods = [
            EVERYTHING,
            PeriodFilter(dt.date(middle, 1, 1), dt.date(middle, 12, 31)),
            PeriodFilter(dt.date(years[0], 1, 1), dt.date(middle, 6, 30)),
            PeriodFilter(dt.date(middle - 3, 1, 1), dt.date(2040, 1, 1)),
            dataclasses.replace(EVERYTHING, country=event.country),
            dataclasses.replace(EVERYTHING, project_id=event.project_id),
            dataclasses.replace(EVERYTHING, partner_id=partner),
            PeriodFilter(dt.date(1990, 1, 1), dt.date(1990, 12, 31)),  # nothing
        ]
        for period in periods:
            assert kept_figures(session, period) == plain_figures(session, period), period


@pytest.mark.parametrize("years", [(None, None), (2010, 2016)])
def test_both_ways_of_adding_up_agree(filled, years) -> None:  # type: ignore[no-untyped-def]
    """The selected events summed, and the totals minus the other events: the same figures."""
    low, high = years
    with filled.session_scope() as session:
        tallies.refresh(session)
        conditions = [Event.deleted_at.is_(None), Event.status == EventStatus.HELD]
        if low:
            conditions.append(Event.start_date.between(dt.date(low, 1, 1), dt.date(high, 12, 31)))
        selected = sa.select(Event.id).where(*conditions)
        for figures in (tallies.attended_groups, tallies.people_groups):
            summed = figures(session, selected, False)
            subtracted = figures(session, selected, True)
            assert summed and sorted(map(repr, summed)) == sorted(map(repr, subtracted))


def _some(session: Session, model: type, *where: Any, offset: int = 0) -> Any:
    return session.scalars(
        sa.select(model).where(*where).order_by(model.id).offset(offset).limit(1)
    ).one()


def test_every_kind_of_write_is_followed(filled) -> None:  # type: ignore[no-untyped-def]
    database = filled
    assert_up_to_date(database)
    attended = Participation.status.in_(ATTENDED_STATUSES)
    live = Participation.deleted_at.is_(None)
    with database.session_scope() as session:  # a participant comes, then another is a no-show
        event = _some(session, Event, Event.status == EventStatus.HELD)
        newcomer = people.create_person(
            session, family_name="Tallyeva", given_name="Aigul", sex="female", nationality="KZ"
        )
        session.flush()
        participations.add_participation(session, event.id, newcomer.id, status="attended")
        absent = _some(session, Participation, attended, live)
        participations.set_participation_status(session, [absent.id], ParticipationStatus.NO_SHOW)
    assert_up_to_date(database)
    with database.session_scope() as session:  # removed, and a participation moved elsewhere
        gone = _some(session, Participation, attended, live, offset=3)
        participations.remove_participation(session, gone.id)
        moved = _some(session, Participation, attended, live, offset=7)
        elsewhere = _some(
            session, Event, Event.id != moved.event_id, Event.status == EventStatus.HELD
        )
        if not session.scalar(
            sa.select(Participation.id).where(
                Participation.event_id == elsewhere.id, Participation.person_id == moved.person_id
            )
        ):
            moved.event_id = elsewhere.id
    assert_up_to_date(database)
    with database.session_scope() as session:  # who people are: sex, nationality, agency
        someone = session.get(Person, _some(session, Participation, attended, live).person_id)
        people.update_person(
            session,
            someone.id,
            someone.version,
            sex="female" if someone.sex != "female" else "male",
        )
        other = session.get(
            Person, _some(session, Participation, attended, live, offset=5).person_id
        )
        agency = _some(session, Organization, Organization.id != other.organization_id)
        people.update_person(
            session, other.id, other.version, nationality="TM", organization_id=agency.id
        )
        binned = session.get(
            Person, _some(session, Participation, attended, live, offset=9).person_id
        )
        people.delete_person(session, binned.id)
    assert_up_to_date(database)
    with database.session_scope() as session:  # an agency changes sector and kind
        used = _some(
            session, Participation, attended, live, Participation.organization_id.is_not(None)
        )
        org = session.get(Organization, used.organization_id)
        organizations.update_organization(
            session, org.id, org.version,
            sector="customs" if org.sector != "customs" else "border", kind="national_agency",
        )  # fmt: skip
    assert_up_to_date(database)
    with database.session_scope() as session:  # two people merged into one
        first = _some(session, Participation, attended, live, offset=11)
        second = _some(
            session, Participation, attended, live, Participation.person_id != first.person_id,
            Participation.event_id != first.event_id, offset=13,
        )  # fmt: skip
        merging.merge_people(session, first.person_id, second.person_id)
    assert_up_to_date(database)
    with database.session_scope() as session:  # raw SQL around the services, and a restore
        session.execute(
            sa.delete(Participation).where(
                Participation.id == _some(session, Participation, attended, live, offset=2).id
            )
        )
        session.execute(
            sa.update(Participation)
            .where(Participation.id == _some(session, Participation, ~attended, live).id)
            .values(status="partially_attended")
        )
        people.restore_person(session, binned.id)
    assert_up_to_date(database)


def test_more_writes_that_move_figures(filled) -> None:  # type: ignore[no-untyped-def]
    """Less common writes: a participation's agency or person changed, an agency that is only
    people's current one changing kind, organisations merged, an event binned, a person's last
    attended event undone."""
    database = filled
    tallies.update(database)
    attended = Participation.status.in_(ATTENDED_STATUSES)
    live = Participation.deleted_at.is_(None)
    with database.session_scope() as session:
        held_at_time = _some(
            session, Participation, attended, live, Participation.organization_id.is_not(None)
        )
        was = session.get(Organization, held_at_time.organization_id)
        other_agency = _some(  # of another sector: the participation moves to another row
            session, Organization, Organization.sector != was.sector, Organization.kind == was.kind
        )
        participations.update_participation(
            session, held_at_time.id, held_at_time.version, organization_id=other_agency.id
        )
        moved = _some(session, Participation, attended, live, offset=4)
        taken = set(
            session.scalars(
                sa.select(Participation.person_id).where(Participation.event_id == moved.event_id)
            )
        )
        stranger = _some(session, Person, Person.id.not_in(taken), Person.deleted_at.is_(None))
        moved.person_id = stranger.id  # raw reassignment, as a merge does
    assert_up_to_date(database)
    with database.session_scope() as session:
        # a new agency, only the current one of a person who attended (none of whose
        # participations names an agency): then its kind alone changes
        current_only = organizations.create_organization(
            session, name="Border Academy", kind="national_agency", sector="border"
        )
        session.flush()
        attendee = _some(
            session, Participation, attended, live, Participation.organization_id.is_(None)
        )
        person = session.get(Person, attendee.person_id)
        people.update_person(session, person.id, person.version, organization_id=current_only.id)
    assert_up_to_date(database)
    with database.session_scope() as session:
        agency = session.get(Organization, current_only.id)
        organizations.update_organization(session, agency.id, agency.version, kind="academic")
    assert_up_to_date(database)
    with database.session_scope() as session:
        keep, drop = session.scalars(
            sa.select(Organization.id)
            .where(Organization.id.in_(sa.select(Person.organization_id)))
            .order_by(Organization.id)
            .limit(2)
        ).all()
        merging.merge_organizations(session, keep, drop)
        events.delete_event(session, _some(session, Event, Event.status == EventStatus.HELD).id)
    assert_up_to_date(database)
    with database.session_scope() as session:
        once = session.scalars(
            sa.select(Participation.person_id)
            .where(attended, live)
            .group_by(Participation.person_id)
            .having(sa.func.count() == 1)
            .order_by(Participation.person_id)
            .limit(1)
        ).one()
        last = _some(session, Participation, attended, live, Participation.person_id == once)
        participations.set_participation_status(session, [last.id], ParticipationStatus.NO_SHOW)
    assert_up_to_date(database)
    with database.session_scope(readonly=True) as session:
        assert not session.scalar(
            sa.select(figures_person.c.person_id).where(figures_person.c.person_id == once)
        )


def assert_triggers_in_place(database: Any) -> None:
    if database.is_sqlite:
        query = "SELECT name FROM sqlite_master WHERE type = 'trigger'"
    else:
        query = "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal"
    with database.engine.connect() as connection:
        names = set(connection.exec_driver_sql(query).scalars())
    expected = {
        f"figures_{table}_{what}"
        for table, whats in (
            ("participation", ("insert", "update", "delete")),
            ("person", ("update",)),
            ("organization", ("update",)),
        )
        for what in whats
    }
    assert expected <= names


def test_the_triggers_are_in_place(filled) -> None:  # type: ignore[no-untyped-def]
    """A later migration that rebuilds a table (SQLite batch mode) drops its triggers: this
    fails until it creates them again. (On a generated database: the generator leaves one out
    while it loads participations, and must put it back.)"""
    assert_triggers_in_place(filled)


def test_an_imported_list_is_followed(filled) -> None:  # type: ignore[no-untyped-def]
    """An import lists its event itself, once (on SQLite it leaves the row trigger out while
    it writes): the figures are right afterwards, and the trigger is back, also after an
    import cancelled while it wrote the participations."""
    database = filled
    assert_up_to_date(database)
    with database.session_scope(readonly=True) as session:
        reference = _some(session, Event, Event.status == EventStatus.HELD).reference

    def cancel(done: int, total: int, message: str) -> None:
        if message.startswith("Adding participations"):
            raise Cancelled()

    listing = Path(__file__).parent / "fixtures" / "import" / "ru_conference.xlsx"
    with pytest.raises(Cancelled):
        import_list(database, open_list(database, listing), reference, progress=cancel)
    assert_triggers_in_place(database)
    with database.session_scope(readonly=True) as session:
        assert session.execute(sa.select(sa.func.count()).select_from(figures_stale)).scalar() == 0
    outcome = import_list(database, open_list(database, listing), reference)
    assert outcome.summary()["added_to_event"] == 9
    assert_triggers_in_place(database)
    with database.session_scope(readonly=True) as session:
        stale = session.scalars(sa.select(figures_stale.c.event_id)).all()
        event_id = session.scalars(sa.select(Event.id).where(Event.reference == reference)).one()
        assert event_id in stale
    assert_up_to_date(database)
    with database.session_scope() as session:  # and the trigger works again after it
        newcomer = people.create_person(session, family_name="Triggerova", given_name="Aida")
        participations.add_participation(session, event_id, newcomer.id)
        session.flush()
        assert session.scalars(sa.select(figures_stale.c.event_id)).all() == [event_id]
        session.rollback()


def test_a_full_disk_during_an_import_is_reported_as_such(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    """SQLite ends the transaction itself when the disk is full, which brings the dropped
    trigger back: the error the user sees is the full disk, and the trigger is there."""
    with sqlite_db.engine.begin() as connection:
        connection.exec_driver_sql("CREATE TABLE scratch (x TEXT)")
    full = pytest.raises(sa.exc.OperationalError, match="full")
    with full, sqlite_db.session_scope() as session:
        connection = session.connection()
        with tallies.participations_listed_at_end(connection, lambda: []):
            pages = connection.exec_driver_sql("PRAGMA page_count").scalar()
            connection.exec_driver_sql(f"PRAGMA max_page_count={pages + 2}")
            connection.exec_driver_sql("INSERT INTO scratch VALUES (?)", [("x" * 3000,)] * 200)
    assert_triggers_in_place(sqlite_db)


def test_a_refresh_with_nothing_stale_changes_nothing(filled) -> None:  # type: ignore[no-untyped-def]
    tallies.update(filled)
    with filled.session_scope() as session:
        before = snapshot(session)
        assert tallies.refresh(session) == 0
        assert snapshot(session) == before
        # a write that changes no figure lists nothing (a person's phone number)
        person = _some(session, Person)
        people.update_person(session, person.id, person.version, phone="+7 701 000 00 00")
        session.flush()
        assert session.execute(sa.select(sa.func.count()).select_from(figures_stale)).scalar() == 0


@pytest.mark.postgres
def test_a_write_committed_during_a_refresh_is_counted_later(pg_db) -> None:  # type: ignore[no-untyped-def]
    """PostgreSQL: a writer lists its event while uncommitted; a refresh running meanwhile
    (after another writer committed a later entry) leaves that entry for the next refresh."""
    fill_database(pg_db, people=80, participations=300, events=12, seed=5)
    tallies.update(pg_db)
    with pg_db.session_scope(readonly=True) as session:
        ids = session.scalars(
            sa.select(Participation.id)
            .where(Participation.status == "attended")
            .order_by(Participation.event_id)
        ).all()
        first, second = ids[0], ids[-1]  # of two different events
    slow = pg_db.engine.connect()
    try:
        slow.execute(
            sa.update(Participation).where(Participation.id == first).values(status="no_show")
        )  # listed, not committed
        with pg_db.session_scope() as session:  # a later entry, committed
            session.execute(
                sa.update(Participation).where(Participation.id == second).values(status="no_show")
            )
        assert tallies.update(pg_db) == 1  # the committed entry only
        slow.commit()
    finally:
        slow.close()
    assert_up_to_date(pg_db)
