"""Unknown sex is not zero women: every share of women printed or exported is women ÷ people
whose sex is known and says how many are unknown; an event known only by its head-count shows
that head-count as such (event summary, period report PDF and xlsx, CLI, the events list)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import openpyxl
import pypdf
import pytest

from app import lists
from app.reports.event_summary import event_summary
from app.reports.period_figures import PeriodFilter, period_figures
from app.reports.period_report import period_report
from app.reports.period_workbook import write_period_xlsx
from app.reports.render import write_pdf
from app.services import events, participations, people
from app.services.events import find_event
from tests.cli_runner import convene

pytestmark = pytest.mark.usefixtures("qapp")

YEAR = PeriodFilter(dt.date(2024, 1, 1), dt.date(2024, 12, 31))


def _text(path: Path) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in pypdf.PdfReader(path).pages)


def _event(session: Any, reference: str, **values: Any) -> Any:
    return events.create_event(
        session, reference=reference, title=f"Workshop {reference}", type="workshop",
        start_date="2024-03-05", end_date="2024-03-06", city="Almaty", country="KZ",
        status="held", **values,
    )  # fmt: skip


def _attend(session: Any, event: Any, sexes: str) -> None:
    """One attended participant per letter of ``sexes``: f(emale), m(ale), u(nknown)."""
    names = {"f": "female", "m": "male", "u": "unspecified"}
    for i, letter in enumerate(sexes):
        person = people.create_person(
            session, family_name=f"Person{event.reference[-2:]}x{i}", given_name="Test",
            sex=names[letter], nationality="KZ",
        )  # fmt: skip
        participations.add_participation(session, event.id, person.id, status="attended")


@pytest.fixture
def sex_db(sqlite_db):  # type: ignore[no-untyped-def]
    """2024-101: 15 attended, nobody's sex known; 2024-102: 2 women, 3 men, 10 unknown;
    2024-103: known only by a head-count of 15 with no split by sex; 2024-104: 2 women, 1 man."""
    with sqlite_db.session_scope() as session:
        _attend(session, _event(session, "2024-101"), "u" * 15)
        _attend(session, _event(session, "2024-102"), "ff" + "mmm" + "u" * 10)
        _event(session, "2024-103", reported_total=15)
        _attend(session, _event(session, "2024-104"), "ffm")
    return sqlite_db


def _summary(database: Any, ref: str, lang: str, tmp_path: Path) -> str:
    with database.session_scope(readonly=True) as session:
        report = event_summary(session, find_event(session, ref), lang=lang)
    path = tmp_path / f"{ref}-{lang}.pdf"
    write_pdf(report, path)
    return _text(path)


def test_event_summary_share_of_women_is_of_known_sex(sex_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    nobody = _summary(sex_db, "2024-101", "en", tmp_path)
    assert "15 took part; sex not stated" in nobody
    assert "0 women" not in nobody and "(0%)" not in nobody
    partly = _summary(sex_db, "2024-102", "en", tmp_path)
    assert (
        "15 took part: 2 women (40% of the 5 whose sex is known), 3 men; sex not stated for 10"
        in partly
    )
    assert "Kazakhstan 2 3 10 15 40%" in partly  # the share in tables: 2 of 5, not 2 of 15
    assert "Shares of women are of the people whose sex is known." in partly
    assert "3 took part: 2 women (67%), 1 man" in _summary(sex_db, "2024-104", "en", tmp_path)
    reported = _summary(sex_db, "2024-103", "en", tmp_path)
    assert "15 took part (reported head-count); sex not stated" in reported
    assert "0 women" not in reported
    ru = _summary(sex_db, "2024-102", "ru", tmp_path)
    assert (
        "Приняли участие: 15, из них женщин — 2 (40 % от числа лиц с указанным полом: 5),"
        " мужчин — 3; пол не указан — 10" in ru
    )
    assert "Приняли участие: 15; пол не указан" in _summary(sex_db, "2024-101", "ru", tmp_path)
    assert "Приняли участие: 15 (по отчётным данным); пол не указан" in _summary(
        sex_db, "2024-103", "ru", tmp_path
    )


def test_period_report_share_of_women_is_of_known_sex(sex_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # 48 took part: 4 women, 4 men, 40 unknown (25 listed + 15 reported): 50% of the 8 known,
    # not 4 of 48 (8%)
    with sex_db.session_scope() as session:
        figures = period_figures(session, YEAR)
        reports = {lang: period_report(session, YEAR, lang=lang) for lang in ("en", "ru")}
    assert (figures.participations.female, figures.participations.known) == (4, 8)
    texts = {}
    for lang, report in reports.items():
        write_pdf(report, tmp_path / f"period-{lang}.pdf")
        texts[lang] = _text(tmp_path / f"period-{lang}.pdf")
    en, ru = texts["en"], texts["ru"]
    assert "four of them women (50% of the 8 whose sex is known)" in en
    assert "48 — 4 women (50% of the 8 whose sex is known), 4 men; sex not stated for 40" in en
    assert "8%" not in en
    assert "в том числе четыре женщины (50 % от числа лиц с указанным полом: 8)" in ru
    path = tmp_path / "period.xlsx"
    write_period_xlsx(figures, path)
    workbook = openpyxl.load_workbook(path, read_only=True)
    summary = {row[0]: row[1] for row in workbook.worksheets[0].iter_rows(values_only=True)}
    assert summary["% women (of those whose sex is known)"] == 50.0
    by_country = list(workbook["By country (nationality)"].iter_rows(values_only=True))
    assert by_country[0][-1] == "% women (of those whose sex is known)"
    assert ("Kazakhstan", 4, 4, 25, 33, 50.0) in by_country
    # reported head-counts with no split by sex: no share at all rather than 0%
    reported = (*by_country[-2], None, None)  # (a row may end before its empty cells)
    assert reported[0].startswith("Reported head-counts") and reported[4:6] == (15, None)


def test_events_list_and_cli_show_reported_head_counts(sex_db) -> None:  # type: ignore[no-untyped-def]
    with sex_db.session_scope(readonly=True) as session:
        rows = lists.fetch_rows(session, lists.EVENTS, lists.ListQuery(), 0, 50)
    attended = lists.EVENTS.columns.index(lists.EVENTS.column("attended"))
    took_part = {row.values[0]: row.values[attended] for row in rows}
    assert took_part == {
        "2024-101": "15", "2024-102": "15", "2024-103": "15 (reported)", "2024-104": "3",
    }  # fmt: skip
    outcome = convene("events", "show", "2024-102", "--json", db=sex_db.path)
    assert outcome.code == 0, outcome.err
    assert outcome.json()["counts"]["share_female"] == 0.4
    assert (
        convene("events", "show", "2024-101", "--json", db=sex_db.path).json()["counts"][
            "share_female"
        ]
        is None
    )
    shown = convene("events", "show", "2024-103", db=sex_db.path).out
    assert "15 took part (reported head-count); sex not stated" in shown
