"""Reports rendered to PDF and read back with pypdf, as a reader of the file would see them."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pypdf
import pytest

from app.reports.event_summary import event_summary
from app.reports.period_figures import PeriodFilter
from app.reports.period_report import period_report
from app.reports.render import page_count, write_pdf
from app.reports.signin_sheet import fitted_blank_rows, load_signin, signin_document
from app.services.events import find_event
from tests.report_scenario import build_scenario

# Rendering needs a Qt application; let it be the QApplication the GUI tests share (a bare
# QGuiApplication, as the CLI makes, would leave no room for widgets later in the session).
pytestmark = pytest.mark.usefixtures("qapp")


def pdf_text(path: Path) -> list[str]:
    """The text of each page, with runs of white space made single spaces."""
    reader = pypdf.PdfReader(path)
    return [" ".join(page.extract_text().split()) for page in reader.pages]


def summary_pdf(database, tmp_path: Path, ref: str, **options) -> list[str]:  # type: ignore[no-untyped-def]
    with database.session_scope(readonly=True) as session:
        report = event_summary(session, find_event(session, ref), **options)
    path = tmp_path / f"{ref}-{options.get('lang', 'en')}.pdf"
    write_pdf(report, path)
    return pdf_text(path)


@pytest.fixture
def scenario_db(sqlite_db):  # type: ignore[no-untyped-def]
    with sqlite_db.session_scope() as session:
        build_scenario(session)
    return sqlite_db


def test_event_summary_in_english_with_names(demo_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pages = summary_pdf(demo_db, tmp_path, "2022-001", lang="en")
    text = " ".join(pages)
    assert "17th Central Asia Border Management Initiative (CABMI) Conference" in pages[0]
    assert "Fifteen officials — four of them women — from border, customs" in pages[0]
    assert "20 took part: 7 women (35%), 13 men" in text
    # by country: Uzbekistan 3 women, 3 men, 6; and the whole: 7, 13, 20, 35%
    assert "Uzbekistan 3 3 6 50%" in text
    assert "Total 7 13 20 35%" in text
    assert "Border 0 7 7 0%" in text  # by agency sector
    assert "Online 2 2 4 50%" in text  # attendance mode
    assert "no-show — 1" in text
    assert "Annex. List of participants" in pages[-1]
    assert "ÖWEZOW Meýlis" in text and "Овезов Мейлис" in text
    assert "Page 1 of 3" in pages[0] and "Page 3 of 3" in pages[-1]
    # the annex is alphabetical as a reader expects: Öwezow after Novak, before Rahimov
    assert text.index("NOVAK Petra") < text.index("ÖWEZOW") < text.index("RAHIMOV")


def test_event_summary_without_names(demo_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    text = " ".join(summary_pdf(demo_db, tmp_path, "2022-001", include_names=False))
    assert "The list of participants is left out of this copy." in text
    for name in ("ABDIKALIKOV", "Абдикаликов", "ÖWEZOW", "Annex"):
        assert name not in text
    assert "Total 7 13 20 35%" in text  # figures stay


def test_event_summary_in_russian(demo_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pages = summary_pdf(demo_db, tmp_path, "2022-001", lang="ru")
    text = " ".join(pages)
    assert "СПРАВКА О МЕРОПРИЯТИИ" in pages[0]
    assert "13–15 декабря 2022 г." in pages[0]
    assert "приняли участие 15 должностных лиц, в том числе четыре женщины" in pages[0]
    assert "Приняли участие: 20, из них женщин — 7 (35 %), мужчин — 13" in text
    assert "Узбекистан 3 3 6 50 %" in text
    assert "Пограничная служба 0 7 7 0 %" in text
    assert "Приложение. Список участников" in text
    assert "Координатор проектов ОБСЕ в Узбекистане" in text
    assert "Стр. 1 из 3" in pages[0]
    # The summary is the event's own text, recorded in English only; the rest is the report's.
    before, _, after = text.partition("Краткое содержание")
    assert "Участники" in after
    report_words = before + after.partition("Участники")[2]
    assert "17-я Конференция Инициативы по управлению границами" in pages[0]
    for english in ("Participants", "Women", "By country", "Page 1", "Central Asia Border"):
        assert english not in report_words.replace(
            "Central Asia Border Management Initiative Conference, №", ""
        )


def test_event_known_by_head_counts(demo_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    text = " ".join(summary_pdf(demo_db, tmp_path, "2019-001"))
    assert "According to the event report, 15 participants took part" in text
    assert "Figures as reported for the event; no participant list is recorded." in text


def test_period_report(scenario_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with scenario_db.session_scope(readonly=True) as session:
        report = period_report(session, PeriodFilter(dt.date(2024, 1, 1), dt.date(2024, 12, 31)))
    path = tmp_path / "period.pdf"
    write_pdf(report, path)
    text = " ".join(pdf_text(path))
    assert (
        "From 1 January to 31 December 2024, three events were held: one workshop, one training course and one round table."
        in text
    )
    # one participant's sex is unknown: the share of women is of the other 22
    assert (
        "They brought together 23 participants, 11 of them women (50% of the 22 whose sex is known)."
        in text
    )
    assert (
        "Six different people are listed by name; two of them took part in more than one event."
        in text
    )
    # indicators for 2024 and since the first event recorded (November 2023): one event more
    assert "Indicator This period Since 1 Nov 2023" in text
    assert "Events held 3 4" in text
    assert (
        "Participations ¹ 23 — 11 women (50% of the 22 whose sex is known), 11 men;"
        " sex not stated for 1" in text
    )
    assert "cancelled — 1" in text
    # participants by country, with the reported head-counts in a row of their own
    assert "Kazakhstan 3 1 0 4 75%" in text
    assert "Reported head-counts (not broken down) 5 10 0 15 33%" in text
    assert "OSCE Secretariat Organiser, Co-organiser, Host 2" in text
    assert "2024-002" in text and "15*" in text


def test_no_page_is_printed_empty(demo_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """With the sample data the English 2019 report's partner table ends at the foot of a page,
    just before the annex begins on a new one: Qt lays out an empty page there."""
    with demo_db.session_scope(readonly=True) as session:
        report = period_report(session, PeriodFilter(dt.date(2019, 1, 1), dt.date(2019, 12, 31)))
    path = tmp_path / "period.pdf"
    pages = write_pdf(report, path)
    texts = pdf_text(path)
    assert len(texts) == pages
    assert all(len(page.split()) > 20 for page in texts), [len(p.split()) for p in texts]
    assert f"Page {pages} of {pages}" in texts[-1]


def test_period_report_in_russian(demo_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with demo_db.session_scope(readonly=True) as session:
        report = period_report(
            session, PeriodFilter(dt.date(2019, 1, 1), dt.date(2019, 12, 31)), lang="ru"
        )
    path = tmp_path / "period-ru.pdf"
    write_pdf(report, path)
    text = " ".join(pdf_text(path))
    assert (
        "С 1 января по 31 декабря 2019 года проведено восемь мероприятий: семь семинаров-практикумов и один семинар."
        in text
    )
    assert "ОТЧЁТ ЗА ПЕРИОД" in text and "Задействованные партнёры" in text


def test_signin_sheet(scenario_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with scenario_db.session_scope(readonly=True) as session:
        data = load_signin(session, find_event(session, "2024-001"))
    path = tmp_path / "signin.pdf"
    blank_rows = fitted_blank_rows(data)
    assert blank_rows >= data.blank_rows == 5
    pages = write_pdf(signin_document(data, blank_rows=blank_rows), path)
    # the blank rows fill the last page: one more would need a page more
    assert page_count(signin_document(data, blank_rows=data.blank_rows)) == pages
    assert page_count(signin_document(data, blank_rows=blank_rows + 1)) == pages + 1
    text = " ".join(pdf_text(path))
    assert "Day 1 / День 1 05.03.2024" in text and "Day 3 / День 3 07.03.2024" in text
    assert "ABENOVA Aida" in text and "Абенова Аида" in text
    assert "Absent" not in text  # the no-show is not expected
    assert "NUROV Erkin" in text  # registered: expected
    listed = len(data.people)
    assert listed == 7
    numbers = [int(n) for n in re.findall(r"(?<![\d.])(\d{1,2})(?![\d.])", text)]
    assert max(numbers) == listed + blank_rows  # numbered blank rows for walk-ins
    assert (
        pypdf.PdfReader(path).pages[0].mediabox.width
        > pypdf.PdfReader(path).pages[0].mediabox.height
    )
