"""Registers of many events (issue 21): a sheet with one row per person per event comes in as
events, people and participations, in one transaction, once — from xlsx (openpyxl), .xls
(LibreOffice) and Windows-1251 csv, with Russian or English headers and dates written every
usual way; the same history kept as three linked tables gives the same records; the period
report over the register's years counts what the register holds."""

from __future__ import annotations

import datetime as dt
import itertools
from collections import Counter
from pathlib import Path

import pytest
import sqlalchemy as sa

from app.importing.event_dates import read_dates
from app.importing.linked import linked_register
from app.importing.mapping import MappingError
from app.importing.reading import read_workbook
from app.importing.register import RegisterRefused, import_register, open_register
from app.importing.register_reading import looks_like_register
from app.reports.period_figures import PeriodFilter, period_figures
from db.models import Event, Organization, Participation, Person
from tests import register_data as data
from tests.conftest import table_count

YEARS = range(2019, 2023)


def _history(database) -> dict:  # type: ignore[no-untyped-def]
    """What the database holds of the history: events, people and who attended what, by
    the values a user sees."""
    with database.session_scope(readonly=True) as session:
        events = {
            e.title: (e.start_date, e.end_date, e.city, e.country, str(e.type))
            for e in session.scalars(sa.select(Event).where(Event.deleted_at.is_(None)))
        }
        organisations = dict(session.execute(sa.select(Organization.id, Organization.name)).all())
        people = {
            (p.family_name_local or p.family_name, p.given_name_local or p.given_name): (
                str(p.sex),
                p.nationality,
                organisations.get(p.organization_id),
                p.position,
            )
            for p in session.scalars(sa.select(Person).where(Person.deleted_at.is_(None)))
        }
        attended = session.execute(
            sa.select(Event.title, Person.family_name_local, Person.given_name_local)
            .join(Participation, Participation.event_id == Event.id)
            .join(Person, Person.id == Participation.person_id)
            .where(Participation.deleted_at.is_(None))
        ).all()
    return {"events": events, "people": people, "attended": Counter(map(tuple, attended))}


def _expected() -> dict:  # type: ignore[type-arg]
    sexes = {"м": "male", "ж": "female"}
    return {
        "events": {
            e.title: (e.start, e.end, e.city, e.code, e.type)
            for e in (data.EVENTS[i] for i in sorted({e for e, _ in data.LINKS}))
        },
        "people": {
            (p.family, p.given): (sexes[p.sex], p.code, p.agency, p.position)
            for p in (data.PEOPLE[i] for i in sorted({p for _, p in data.LINKS}))
        },
        "attended": Counter(
            (data.EVENTS[e].title, data.PEOPLE[p].family, data.PEOPLE[p].given)
            for e, p in data.LINKS
        ),
    }


def _import(database, path: Path, **options):  # type: ignore[no-untyped-def]
    return import_register(database, open_register(database, path), **options)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("27–29.03.2019", dt.date(2019, 3, 27), dt.date(2019, 3, 29)),
        ("12.03.2019 - 14.03.2019", dt.date(2019, 3, 12), dt.date(2019, 3, 14)),
        ("13-15 декабря 2022", dt.date(2022, 12, 13), dt.date(2022, 12, 15)),
        ("13–15 December 2022", dt.date(2022, 12, 13), dt.date(2022, 12, 15)),
        ("December 13-15, 2022", dt.date(2022, 12, 13), dt.date(2022, 12, 15)),
        ("30 марта – 2 апреля 2021 г.", dt.date(2021, 3, 30), dt.date(2021, 4, 2)),
        ("с 13 по 15 декабря 2022 года", dt.date(2022, 12, 13), dt.date(2022, 12, 15)),
        ("28.03–01.04.2022", dt.date(2022, 3, 28), dt.date(2022, 4, 1)),
        ("2022-12-13 – 2022-12-15", dt.date(2022, 12, 13), dt.date(2022, 12, 15)),
        ("13.12.2022", dt.date(2022, 12, 13), dt.date(2022, 12, 13)),
        ("13 декабря 2022", dt.date(2022, 12, 13), dt.date(2022, 12, 13)),
        (dt.datetime(2020, 10, 5, 0, 0), dt.date(2020, 10, 5), dt.date(2020, 10, 5)),
    ],
)
def test_event_dates_are_read_as_offices_write_them(text, start, end) -> None:  # type: ignore[no-untyped-def]
    assert read_dates(text) == (start, end)


@pytest.mark.parametrize("text", ["15-13.12.2022", "31.02.2022", "декабрь", "soon", "32 мая 2020"])
def test_what_is_no_date_is_not_read_as_one(text: str) -> None:
    assert read_dates(text) is None


def test_a_register_comes_in_as_its_events_people_and_participations(sqlite_db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = data.write_xlsx(tmp_path / "register.xlsx", data.register_rows("ru"))
    outcome = _import(sqlite_db, path)
    summary = outcome.summary()
    expected = _expected()
    assert summary["events_created"] == len(expected["events"])
    assert summary["events_matched"] == 0
    assert summary["people_created"] == len(expected["people"])
    assert summary["added_to_event"] == len(data.LINKS)
    assert summary["skipped"] == [] and summary["problems"] == []
    assert _history(sqlite_db) == expected
    assert summary["mapping"]["Даты"] == "event_dates"
    assert summary["mapping"]["Гражданство"] == "nationality"


def test_reimporting_a_register_adds_nothing(any_db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = data.write_xlsx(tmp_path / "register.xlsx", data.register_rows("ru"))
    _import(any_db, path)
    before = _history(any_db)
    assert before == _expected()
    counts = {t: table_count(any_db, t) for t in ("event", "person", "participation")}
    again = _import(any_db, path).summary()
    assert again["events_created"] == 0 and again["events_matched"] == len(before["events"])
    assert again["people_created"] == 0 and again["added_to_event"] == 0
    assert again["already_in_event"] == len(data.LINKS)
    assert _history(any_db) == before
    assert {t: table_count(any_db, t) for t in counts} == counts


def test_a_dry_run_plans_the_same_and_writes_nothing(sqlite_db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = data.write_xlsx(tmp_path / "register.xlsx", data.register_rows("en"))
    counts = {t: table_count(sqlite_db, t) for t in ("event", "person", "participation")}
    planned = _import(sqlite_db, path, dry_run=True).summary()
    assert {t: table_count(sqlite_db, t) for t in counts} == counts
    done = _import(sqlite_db, path).summary()
    for key in ("events_created", "people_created", "people_matched", "added_to_event"):
        assert planned[key] == done[key], key
    assert planned["dry_run"] and not done["dry_run"]


def test_an_event_already_recorded_is_matched_by_title_and_overlapping_dates(
    sqlite_db, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    from app.services.events import create_event

    cabmi = data.EVENTS[5]
    with sqlite_db.session_scope() as session:
        create_event(session, title="КОНФЕРЕНЦИЯ  cabmi", type="conference",
                     start_date=cabmi.end, end_date=cabmi.end)  # fmt: skip
        # the same title, another year: another event
        create_event(session, title=cabmi.title, type="conference",
                     start_date=dt.date(2021, 12, 13), end_date=dt.date(2021, 12, 15))  # fmt: skip
    path = data.write_xlsx(tmp_path / "register.xlsx", data.register_rows("ru"))
    summary = _import(sqlite_db, path).summary()
    assert summary["events_matched"] == 1
    matched = [e for e in summary["events"] if not e["created"]]
    assert [e["title"] for e in matched] == [cabmi.title]
    with sqlite_db.session_scope(readonly=True) as session:
        listed = session.scalars(
            sa.select(Event.start_date)
            .join(Participation, Participation.event_id == Event.id)
            .where(Event.title.ilike("%cabmi%"))
        ).all()
    assert set(listed) == {cabmi.end}  # all of its rows went to the event already recorded


def test_english_headers_and_start_end_columns_written_once_per_event(sqlite_db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    rows = data.register_rows("en", start_end=True)
    assert any(row[0] is None for row in rows[4:])  # the event is written on its first row only
    outcome = _import(sqlite_db, data.write_xlsx(tmp_path / "r.xlsx", rows))
    assert outcome.summary()["skipped"] == []
    assert _history(sqlite_db) == _expected()


def test_cp1251_csv_gives_the_same_records(sqlite_db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = data.write_csv_cp1251(tmp_path / "register.csv", data.register_rows("ru"))
    assert read_workbook(path).encoding == "cp1251"
    _import(sqlite_db, path)
    assert _history(sqlite_db) == _expected()


@pytest.mark.skipif(data.soffice() is None, reason="LibreOffice is not installed here")
def test_the_register_saved_as_xls_by_libreoffice_gives_the_same_records(
    sqlite_db, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    xls = data.to_xls(data.write_xlsx(tmp_path / "register.xlsx", data.register_rows("en")))
    assert read_workbook(xls).kind == "xls"
    _import(sqlite_db, xls)
    assert _history(sqlite_db) == _expected()


def test_linked_tables_give_the_same_records_as_the_register(sqlite_db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    workbook = read_workbook(data.write_linked_xlsx(tmp_path / "linked.xlsx"))
    register = linked_register(workbook, "Events", "People", "Attendance")
    summary = import_register(sqlite_db, register).summary()
    assert summary["events_created"] == len(_expected()["events"])
    assert _history(sqlite_db) == _expected()
    again = import_register(sqlite_db, linked_register(workbook, "Events", "People", "Attendance"))
    assert again.summary()["added_to_event"] == 0 and again.summary()["events_created"] == 0


def test_tables_that_do_not_join_are_refused_in_one_sentence(tmp_path) -> None:  # type: ignore[no-untyped-def]
    workbook = read_workbook(data.write_linked_xlsx(tmp_path / "linked.xlsx"))
    with pytest.raises(MappingError, match="cannot be joined"):
        linked_register(workbook, "Events", "People", "People")


def test_the_period_report_counts_the_registers_people_per_year(sqlite_db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    _import(sqlite_db, data.write_xlsx(tmp_path / "register.xlsx", data.register_rows("ru")))
    for year in YEARS:
        links = [(e, p) for e, p in data.LINKS if data.EVENTS[e].start.year == year]
        people = {p for _, p in links}
        women = {p for p in people if data.PEOPLE[p].sex == "ж"}
        with sqlite_db.session_scope() as session:
            figures = period_figures(
                session, PeriodFilter(dt.date(year, 1, 1), dt.date(year, 12, 31)), cumulative=False
            )
        assert len(figures.events) == len({e for e, _ in links}), year
        assert figures.participations.total == len(links), year
        assert figures.people.total == len(people), year
        assert figures.people.female == len(women), year
        assert figures.participations.female == sum(
            1 for _, p in links if data.PEOPLE[p].sex == "ж"
        )


def test_rows_whose_event_cannot_be_read_are_skipped_with_why_or_refuse_a_strict_import(
    sqlite_db, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    rows = data.register_rows("ru")
    rows[4][1] = "в конце весны"
    path = data.write_xlsx(tmp_path / "register.xlsx", rows)
    counts = {t: table_count(sqlite_db, t) for t in ("event", "person", "participation")}
    with pytest.raises(RegisterRefused, match="row 5: the event's dates cannot be read"):
        _import(sqlite_db, path, strict=True)
    assert {t: table_count(sqlite_db, t) for t in counts} == counts
    summary = _import(sqlite_db, path).summary()
    assert summary["skipped"][0]["row"] == 5
    assert "в конце весны" in summary["skipped"][0]["reason"]
    assert summary["added_to_event"] == len(data.LINKS) - 1


def test_a_list_is_not_a_register(sqlite_db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    rows = [["Фамилия", "Имя", "Пол"], ["Каримов", "Рустам", "м"]]
    path = data.write_xlsx(tmp_path / "list.xlsx", rows)
    assert looks_like_register(read_workbook(path).sheets[0], 1) == {}
    with pytest.raises(MappingError, match="not a register"):
        open_register(sqlite_db, path)
    register = read_workbook(data.write_xlsx(tmp_path / "r.xlsx", data.register_rows("en")))
    found = looks_like_register(register.sheets[0], 3)
    assert {f: c.header for f, c in found.items()} == {
        "event_title": "Event",
        "event_dates": "Dates",
        "event_city": "City",
        "event_country": "Host country",
    }


def test_event_columns_named_by_the_user(sqlite_db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    rows = data.register_rows("ru")
    rows[2][0], rows[2][1] = "Название курса", "Когда"  # headers no vocabulary knows
    path = data.write_xlsx(tmp_path / "register.xlsx", rows)
    with pytest.raises(MappingError, match="not a register"):
        open_register(sqlite_db, path)
    chosen = {"Название курса": "event_title", "B": "event_dates"}
    register = open_register(sqlite_db, path, event_overrides=chosen)
    import_register(sqlite_db, register)
    assert _history(sqlite_db) == _expected()


def test_an_events_dates_written_on_its_first_row_only(sqlite_db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    rows = data.register_rows("ru")
    for above, row in itertools.pairwise(rows[3:]):
        if row[0] == above[0]:
            row[1] = None  # the title on every row, the dates on the first
    assert sum(1 for row in rows[3:] if row[1] is None) > len(data.EVENTS)
    summary = _import(sqlite_db, data.write_xlsx(tmp_path / "register.xlsx", rows)).summary()
    assert summary["skipped"] == []
    assert _history(sqlite_db) == _expected()
