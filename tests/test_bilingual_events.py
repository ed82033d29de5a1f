"""Events in English and Russian (issue 16, point 4): the Russian title and organising unit are
kept, found by search, shown by the command line, carried by the exports, and used by Russian
reports, sign-in sheets and period reports, with the English title everywhere else."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import pypdf
import sqlalchemy as sa
from python_calamine import CalamineWorkbook

from app.exports.tables import ExportRequest, export_records
from app.reports.event_summary import event_summary
from app.reports.period_figures import PeriodFilter
from app.reports.period_report import period_report
from app.reports.signin_sheet import load_signin, signin_document
from app.sample_data import sample_id
from app.search import search_events
from app.services import events
from db.models import Event
from tests.cli_runner import assert_one_clean_line, convene

CABMI_RU = "17-я Конференция Инициативы по управлению границами в Центральной Азии (CABMI)"
CUSTOMS_EN = "Seminar on improving the efficiency of the customs control system"
CUSTOMS_RU = "Семинар по повышению эффективности системы таможенного контроля"


def test_search_finds_an_event_by_either_title(any_db) -> None:  # type: ignore[no-untyped-def]
    with any_db.session_scope() as session:
        events.create_event(
            session, title="Round table on trade facilitation", type="round_table",
            title_ru="Круглый стол по упрощению процедур торговли",
            start_date="2026-03-03", end_date="2026-03-04", city="Almaty",
        )  # fmt: skip
        other = events.create_event(
            session, title="Seminar", type="seminar", start_date="2026-04-03",
            end_date="2026-04-03",
        )  # fmt: skip
        other_id = other.id
    with any_db.session_scope() as session:
        assert [e.title for e in search_events(session, "упрощению торговли")] == [
            "Round table on trade facilitation"
        ]
        assert [e.title for e in search_events(session, "trade facilitation")] == [
            "Round table on trade facilitation"
        ]
        assert search_events(session, "семинар") == []
        event = session.get(events.Event, other_id)
        events.update_event(session, other_id, event.version, title_ru="Семинар по ё-мобильности")
    with any_db.session_scope(readonly=True) as session:
        assert [e.title for e in search_events(session, "семинар мобильности")] == ["Seminar"]
        assert [e.title for e in search_events(session, "СЕМИНАР")] == ["Seminar"]


def test_russian_reports_use_the_russian_title_and_english_ones_the_english(demo_db) -> None:  # type: ignore[no-untyped-def]
    with demo_db.session_scope(readonly=True) as session:
        event = session.get(events.Event, sample_id("bomca-customs-control-2019"))
        russian = event_summary(session, event, lang="ru")
        english = event_summary(session, event, lang="en")
        assert CUSTOMS_RU in russian.html and CUSTOMS_EN not in russian.html
        assert CUSTOMS_EN in english.html and CUSTOMS_RU not in english.html
        assert russian.title.endswith(CUSTOMS_RU)
        sheet = load_signin(session, event)
        assert CUSTOMS_RU in signin_document(sheet, "ru", 5).html
        both = signin_document(sheet, "both", 5).html
        assert CUSTOMS_EN in both and CUSTOMS_RU in both
        assert CUSTOMS_RU not in signin_document(sheet, "en", 5).html
        period = PeriodFilter(dt.date(2019, 1, 1), dt.date(2019, 12, 31))
        assert CUSTOMS_RU in period_report(session, period, lang="ru").html
        assert CUSTOMS_RU not in period_report(session, period, lang="en").html


def test_exports_carry_both_titles(demo_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "events.xlsx"
    with demo_db.session_scope(readonly=True) as session:
        export_records(session, ExportRequest("events"), path)
    sheet = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    rows = [dict(zip(sheet[0], row, strict=True)) for row in sheet[1:]]
    customs = next(r for r in rows if r["Ref."] == "2019-003")
    assert (customs["Title"], customs["Title in Russian"]) == (CUSTOMS_EN, CUSTOMS_RU)
    cabmi = next(r for r in rows if r["Ref."] == "2022-001")
    assert cabmi["Organising unit in Russian"] == "Секретариат ОБСЕ"
    path = tmp_path / "participants.xlsx"
    with demo_db.session_scope(readonly=True) as session:
        export_records(session, ExportRequest("participants"), path)
    sheet = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    rows = [dict(zip(sheet[0], row, strict=True)) for row in sheet[1:]]
    assert any(r["Event title in Russian"] == CABMI_RU for r in rows)
    assert {r["Sex"] for r in rows} <= {"Female", "Male", ""}


def test_the_command_line_adds_edits_and_shows_the_russian_title(tmp_path: Path) -> None:
    db = tmp_path / "a.sqlite"
    added = convene(
        "events", "add", "--title", "Round table", "--title-ru", "Круглый стол",
        "--type", "round_table", "--start", "2026-03-03", "--end", "2026-03-04", "--json", db=db,
    )  # fmt: skip
    assert added.code == 0, added.err
    assert added.json()["title_ru"] == "Круглый стол"
    edited = convene("events", "edit", "2026-001", "--title-ru", "Круглый стол экспертов", db=db)
    assert edited.code == 0, edited.err
    assert edited.out.strip() == "Changed event 2026-001: title_ru"
    listed = convene("events", "list", "--json", db=db).json()
    assert [(e["title"], e["title_ru"]) for e in listed] == [
        ("Round table", "Круглый стол экспертов")
    ]
    shown = convene("events", "show", "2026-001", db=db)
    assert shown.out.splitlines()[1].strip() == "Круглый стол экспертов"
    too_long = convene("events", "edit", "2026-001", "--title-ru", "я" * 501, db=db)
    assert too_long.code == 1
    assert_one_clean_line(too_long)
    cleared = convene("events", "edit", "2026-001", "--title-ru", "", "--json", db=db)
    assert cleared.code == 0 and cleared.json()["title_ru"] is None


def test_in_russian_the_command_line_gives_russian_titles_first_and_dates_as_written_in_russian(
    tmp_path: Path,
) -> None:
    db = tmp_path / "a.sqlite"
    added = convene(
        "events", "add", "--title", "Round table", "--title-ru", "Круглый стол", "--type",
        "round_table", "--start", "2026-03-03", "--end", "2026-03-04", db=db,
    )  # fmt: skip
    assert added.code == 0, added.err
    listed = convene("--lang", "ru", "events", "list", db=db)
    assert listed.out.splitlines()[0].split() == [
        "2026-001", "03.03.2026", "–", "04.03.2026", "Круглый", "стол",
    ]  # fmt: skip
    shown = convene("--lang", "ru", "events", "show", "2026-001", db=db).out.splitlines()
    assert shown[0] == "2026-001  Круглый стол" and shown[1].strip() == "Round table"
    assert "03.03.2026 – 04.03.2026" in shown[2] and "Round table" not in shown[2]
    english = convene("events", "show", "2026-001", db=db).out.splitlines()
    assert english[0] == "2026-001  Round table" and "2026-03-03 – 2026-03-04" in english[2]


def test_russian_summary_of_cabmi_starts_with_its_russian_title(demo_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "cabmi.pdf"
    result = convene("--lang", "ru", "report", "event", "2022-001", "-o", str(out), db=demo_db.path)
    assert result.code == 0, result.err
    pages = pypdf.PdfReader(out).pages
    assert len(pages) >= 1
    text = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", str(out), "-"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    first_page = " ".join(text.split())
    assert first_page.startswith(f"СПРАВКА О МЕРОПРИЯТИИ · 2022-001 {CABMI_RU}")


def test_in_russian_the_events_list_and_its_first_page_show_the_russian_titles(demo_db) -> None:  # type: ignore[no-untyped-def]
    from app import i18n, lists
    from ui.first_page import read_first_page

    title = lists.EVENTS.columns.index(lists.EVENTS.column("title"))
    by_title = lists.ListQuery(sort="title")
    with demo_db.session_scope(readonly=True) as session:
        english = lists.fetch_rows(session, lists.EVENTS, by_title, 0, 50)
        try:
            i18n.set_language("ru")
            russian = lists.fetch_rows(session, lists.EVENTS, by_title, 0, 50)
            first_page = read_first_page(demo_db.path)
        finally:
            i18n.set_language("en")
        titles_ru = dict(session.execute(sa.select(Event.reference, Event.title_ru)).all())
    assert all(row.values[title].isascii() for row in english)
    shown = [row.values[title] for row in russian]
    assert shown == [titles_ru[row.values[0]] for row in russian]  # every sample event has one
    assert shown == sorted(shown, key=str.casefold)  # and the list is sorted by what it shows
    assert first_page is not None
    first = {row[0]: row[title] for row in first_page.rows}
    assert first == {row.values[0]: row.values[title] for row in russian}
