"""Report figures agree with the records: what counts, under which country, agency and role,
on SQLite and PostgreSQL; and on the sample data, with a plain count over the ORM objects."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
import sqlalchemy as sa

from app.errors import NotFoundError
from app.reports.figures import SexSplit, event_figures
from app.reports.period_figures import PeriodFilter, period_figures
from app.reports.period_filters import period_filter
from app.services.events import find_event, head_count
from db.enums import ATTENDED_STATUSES, EventStatus, ParticipationStatus
from db.models import Event, Participation
from tests.report_scenario import build_scenario

YEAR_2024 = PeriodFilter(dt.date(2024, 1, 1), dt.date(2024, 12, 31))


@pytest.fixture
def scenario_db(any_db):  # type: ignore[no-untyped-def]
    with any_db.session_scope() as session:
        scenario = build_scenario(session)
    return any_db, scenario


def rows(table) -> dict:  # type: ignore[no-untyped-def]
    return {row.key: row.counts for row in table.rows}


def test_event_figures_count_who_took_part(scenario_db) -> None:  # type: ignore[no-untyped-def]
    database, ids = scenario_db
    with database.session_scope(readonly=True) as session:
        event = session.get(Event, ids["a"])
        figures = event_figures(session, event)
        count = head_count(session, event)  # the service's count: the same totals
    assert (figures.by_sex.total, figures.by_sex.female, figures.by_sex.male) == (
        count.total, count.female, count.male,
    )  # fmt: skip
    assert figures.by_sex == SexSplit(female=4, male=1, unspecified=1)
    assert rows(figures.by_country) == {
        "KZ": SexSplit(2, 1, 0), "UZ": SexSplit(1, 0, 0), "DE": SexSplit(1, 0, 0), None: SexSplit(0, 0, 1),
    }  # fmt: skip
    # Aida counts under the border agency she held at the time, not her customs post of today.
    assert rows(figures.by_sector) == {
        "border": SexSplit(2, 0, 0),
        "customs": SexSplit(1, 1, 0),
        "kind:international_organization": SexSplit(1, 0, 0),
        None: SexSplit(0, 0, 1),
    }
    assert rows(figures.by_role) == {
        "participant": SexSplit(2, 1, 1), "speaker": SexSplit(1, 0, 0), "trainer": SexSplit(1, 0, 0),
    }  # fmt: skip
    assert figures.by_role.keys() == ["participant", "speaker", "trainer"]  # enumeration order
    assert rows(figures.by_mode) == {"in_person": SexSplit(4, 0, 1), "online": SexSplit(0, 1, 0)}
    assert figures.not_counted == {
        ParticipationStatus.NO_SHOW: 1,
        ParticipationStatus.REGISTERED: 1,
    }


def test_event_known_by_head_counts(scenario_db) -> None:  # type: ignore[no-untyped-def]
    database, ids = scenario_db
    with database.session_scope(readonly=True) as session:
        figures = event_figures(session, session.get(Event, ids["b"]))
    assert figures.source == "reported"
    assert figures.by_sex == SexSplit(5, 10, 0)
    assert figures.by_country.rows == ()


def test_period_figures(scenario_db) -> None:  # type: ignore[no-untyped-def]
    database, _ = scenario_db
    with database.session_scope(readonly=True) as session:
        figures = period_figures(session, YEAR_2024)
    assert [e.reference for e in figures.events] == ["2024-001", "2024-002", "2024-003"]
    assert figures.not_held == {EventStatus.CANCELLED: 1}
    assert [e.source for e in figures.events] == ["participants", "reported", "participants"]
    assert figures.participations == SexSplit(11, 11, 1)
    assert figures.reported == SexSplit(5, 10, 0)
    assert rows(figures.participations_by_country) == {
        "KZ": SexSplit(3, 1, 0), "UZ": SexSplit(2, 0, 0), "DE": SexSplit(1, 0, 0),
        None: SexSplit(0, 0, 1), "reported": SexSplit(5, 10, 0),
    }  # fmt: skip
    assert figures.participations_by_country.total == figures.participations
    assert figures.participations_by_sector.total == figures.participations
    assert figures.people == SexSplit(4, 1, 1)
    # different people are placed by their current agency: Aida is in customs now
    assert rows(figures.people_by_sector) == {
        "customs": SexSplit(2, 1, 0),
        "border": SexSplit(1, 0, 0),
        "kind:international_organization": SexSplit(1, 0, 0),
        None: SexSplit(0, 0, 1),
    }
    assert figures.repeat == ((2, SexSplit(2, 0, 0)),)
    assert [(p.name, p.roles, p.events) for p in figures.partners] == [
        ("OSCE Secretariat", ("organizer", "co_organizer", "host"), 2),
        ("European Union", ("donor",), 1),
    ]
    assert {k: dict(v) for k, v in figures.events_by_period().items()} == {
        (2024, 3): {"workshop": 1}, (2024, 5): {"training_course": 1}, (2024, 6): {"round_table": 1},
    }  # fmt: skip


def test_period_filters(scenario_db) -> None:  # type: ignore[no-untyped-def]
    database, _ = scenario_db
    with database.session_scope(readonly=True) as session:

        def refs(**filters: str) -> list[str]:
            period = period_filter(session, dt.date(2024, 1, 1), dt.date(2024, 12, 31), **filters)
            return [e.reference for e in period_figures(session, period).events]

        assert refs(country="Kazakhstan") == ["2024-001", "2024-003"]
        assert refs(project="p-1") == ["2024-001"]
        assert refs(partner="EU") == ["2024-001"]
        assert refs(partner="OSCE Secretariat", country="KZ") == ["2024-001", "2024-003"]
        with pytest.raises(NotFoundError, match="No project matches 'nothing'"):
            refs(project="nothing")
        with pytest.raises(NotFoundError, match="not a known country"):
            refs(country="Atlantis")


def test_sample_data_figures_match_a_plain_count(demo_db) -> None:  # type: ignore[no-untyped-def]
    """Every event's figures against a count over the ORM objects, one by one."""
    with demo_db.session_scope(readonly=True) as session:
        for event in session.scalars(sa.select(Event)):
            counted = [
                p
                for p in session.scalars(
                    sa.select(Participation).where(Participation.event_id == event.id)
                )
                if p.deleted_at is None
                and p.person.deleted_at is None
                and p.status in ATTENDED_STATUSES
            ]
            figures = event_figures(session, event)
            by_country = Counter()
            for p in counted:
                by_country[(p.person.nationality, p.person.sex.value)] += 1
            got = Counter()
            for row in figures.by_country.rows:
                for sex in ("female", "male", "unspecified"):
                    if getattr(row.counts, sex):
                        got[(row.key, sex)] = getattr(row.counts, sex)
            assert got == by_country, event.reference
            if figures.source == "participants":
                assert figures.by_sex.total == len(counted)
        cabmi = event_figures(session, find_event(session, "2022-001"))
        assert cabmi.by_sex == SexSplit(7, 13, 0)
