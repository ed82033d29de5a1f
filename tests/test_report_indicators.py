"""The period report's indicators, as donors' results frameworks count them: events held by type,
participations, different people trained (each once) with the share of women, person-days of
training (days attended, or the event's length when not recorded), people trained more than
once — for the period and cumulatively since the start of the project (or of the records), by
country, agency sector and project; in the PDF (with definitions) and the workbook, on SQLite
and PostgreSQL."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

import openpyxl
import pypdf
import pytest

from app.reports.period_figures import PeriodFilter, period_figures
from app.reports.period_report import period_document
from app.reports.period_workbook import write_period_xlsx
from app.reports.render import write_pdf
from app.services import events, organizations, participations, people, projects

YEAR_2024 = PeriodFilter(dt.date(2024, 1, 1), dt.date(2024, 12, 31))


def _build(session: Any) -> dict[str, Any]:
    """Project P-1 started 1 June 2023. Its events: 2023-A (Sep 2023, 3 days; Aida and Bolat,
    days not recorded), 2024-A (Mar 2024, 5 days; Aida 2 days recorded, Bolat none recorded,
    Chen of unknown sex 5 days), 2024-R (Apr 2024, 4 days, known only by a head-count of 10).
    2024-N (May 2024, 2 days, no project): Dana, days not recorded; Erkin registered only.
    2022-Z (2022, no project, 1 day): Erkin attended."""
    ids: dict[str, Any] = {}
    kz = organizations.create_organization(
        session, name="Border Service", kind="national_agency", sector="border", country="KZ"
    ).id
    uz = organizations.create_organization(
        session, name="Customs Committee", kind="national_agency", sector="customs", country="UZ"
    ).id
    ids["project"] = projects.create_project(
        session, code="P-1", title="Border project", start_date="2023-06-01"
    ).id

    def event(ref: str, start: str, end: str, **more: Any) -> Any:
        ids[ref] = events.create_event(
            session, reference=ref, title=f"Course {ref}", type=more.pop("type", "training_course"),
            start_date=start, end_date=end, country="KZ", status="held", **more,
        ).id  # fmt: skip
        return ids[ref]

    event("2023-A", "2023-09-04", "2023-09-06", project_id=ids["project"])
    event("2024-A", "2024-03-04", "2024-03-08", project_id=ids["project"], type="workshop")
    event("2024-R", "2024-04-01", "2024-04-04", project_id=ids["project"], reported_total=10,
          reported_female=4, reported_male=6)  # fmt: skip
    event("2024-N", "2024-05-13", "2024-05-14")
    event("2022-Z", "2022-02-01", "2022-02-01")

    def person(key: str, sex: str, nationality: str, org: Any) -> None:
        ids[key] = people.create_person(
            session, family_name=key.title(), given_name="Test", sex=sex,
            nationality=nationality, organization_id=org,
        ).id  # fmt: skip

    person("aida", "female", "KZ", kz)
    person("bolat", "male", "KZ", kz)
    person("chen", "unspecified", "UZ", uz)
    person("dana", "female", "UZ", uz)
    person("erkin", "male", "UZ", uz)

    def attend(ref: str, who: str, **more: Any) -> Any:
        return participations.add_participation(
            session, ids[ref], ids[who], status=more.pop("status", "attended"), **more
        ).id

    attend("2023-A", "aida")
    attend("2023-A", "bolat")
    ids["aida-2024"] = attend("2024-A", "aida", days_attended=2)
    attend("2024-A", "bolat")
    attend("2024-A", "chen", days_attended=5, status="partially_attended")
    attend("2024-N", "dana")
    attend("2024-N", "erkin", status="registered")
    attend("2022-Z", "erkin")
    return ids


@pytest.fixture
def indicator_db(any_db):  # type: ignore[no-untyped-def]
    with any_db.session_scope() as session:
        ids = _build(session)
    return any_db, ids


def test_indicators_for_the_period_and_since_the_start(indicator_db) -> None:  # type: ignore[no-untyped-def]
    database, ids = indicator_db
    with database.session_scope() as session:
        figures = period_figures(session, YEAR_2024)
        project = period_figures(session, dataclasses.replace(YEAR_2024, project_id=ids["project"]))
    # 2024: three events held; participations 3 + 10 reported + 1 = 14; different people Aida,
    # Bolat, Chen, Dana; person-days 2 + 5 (Bolat: the event's length) + 5 + 10 × 4 + 2 = 54
    assert len(figures.events) == 3
    assert figures.participations.total == 14
    assert (figures.people.total, figures.people.female, figures.people.known) == (4, 2, 3)
    assert figures.person_days == 2 + 5 + 5 + 40 + 2
    assert figures.repeat_people.total == 0  # nobody came twice within 2024
    # cumulative since the first event recorded (2022): Erkin's 2022 course, 2023-A too
    whole = figures.cumulative
    assert whole is not None and figures.since == dt.date(2022, 2, 1)
    assert len(whole.events) == 5
    assert whole.person_days == 54 + 3 + 3 + 1
    assert whole.people.total == 5
    assert whole.repeat_people.total == 2  # Aida and Bolat: 2023-A and 2024-A
    # by project: P-1 and no project, each person once per project
    by_project = {p.label: p for p in figures.projects}
    assert by_project["P-1"].events == 2 and by_project["P-1"].people.total == 3
    assert by_project["P-1"].person_days == 2 + 5 + 5 + 40
    assert by_project[None].people.total == 1 and by_project[None].person_days == 2
    # the project chosen: cumulative from its start date (1 June 2023), its events only
    assert project.since == dt.date(2023, 6, 1)
    assert project.cumulative is not None and len(project.cumulative.events) == 3
    assert project.cumulative.people.total == 3 and project.cumulative.repeat_people.total == 2
    # a period starting at or before the start: no second column
    with database.session_scope() as session:
        all_time = period_figures(session, PeriodFilter(dt.date(2020, 1, 1), dt.date(2024, 12, 31)))
    assert all_time.cumulative is None and all_time.since == dt.date(2020, 1, 1)


def test_person_days_follow_days_attended_and_the_event_dates(indicator_db) -> None:  # type: ignore[no-untyped-def]
    database, ids = indicator_db
    with database.session_scope() as session:
        before = period_figures(session, YEAR_2024, cumulative=False).person_days
    with database.session_scope() as session:
        participations.update_participation(session, ids["aida-2024"], None, days_attended=4)
    with database.session_scope() as session:
        assert period_figures(session, YEAR_2024, cumulative=False).person_days == before + 2
    with database.session_scope() as session:  # 2024-N made three days long: Dana 2 → 3
        events.update_event(session, ids["2024-N"], None, end_date="2024-05-15")
    with database.session_scope() as session:
        assert period_figures(session, YEAR_2024, cumulative=False).person_days == before + 3


def _pdf_text(path: Path) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in pypdf.PdfReader(path).pages)


@pytest.mark.usefixtures("qapp")
def test_indicators_printed_with_definitions_and_in_the_workbook(
    indicator_db, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    database, _ = indicator_db
    if database.engine.dialect.name != "sqlite":
        pytest.skip("the documents are the same on both databases")
    with database.session_scope() as session:
        figures = period_figures(session, YEAR_2024)
    write_pdf(period_document(figures, "en"), tmp_path / "en.pdf")
    en = _pdf_text(tmp_path / "en.pdf")
    assert "Indicator This period Since 1 Feb 2022" in en
    assert "Events held 3 5" in en
    assert "Person-days of training ³ 54 61" in en
    assert "Different people trained ² 4 — 2 women (67% of the 3 whose sex is known), 1 man;" in en
    assert "³ Person-days: for each participation, the days attended, or the event's length" in en
    assert "from the first event recorded (1 February 2022)" in en
    assert "Indicators by project" in en and "P-1 2 3 52 3 3 58" in en
    write_pdf(period_document(figures, "ru"), tmp_path / "ru.pdf")
    ru = _pdf_text(tmp_path / "ru.pdf")
    assert "Человеко-дней обучения ³ 54 61" in ru
    assert "Показатели по проектам" in ru
    path = tmp_path / "period.xlsx"
    write_period_xlsx(figures, path)
    workbook = openpyxl.load_workbook(path, read_only=True)
    rows = {r[0]: r[1:] for r in workbook["Indicators"].iter_rows(values_only=True) if r and r[0]}
    assert rows["Person-days of training ³"] == (54, 61)
    assert rows["Different people trained ²"] == (4, 5)
    assert rows["People trained more than once ⁴"] == (0, 2)
    project_rows = list(workbook["Indicators – Project"].iter_rows(values_only=True))
    assert ("P-1", 2, 13, 3, 52, 3, 15, 3, 58) in project_rows
