"""Benchmarks of exports and reports (issue 5).

- Exporting 100,000 participations to xlsx, against openpyxl's write-only mode writing the same
  cells in the same run (the floor): target ratio ≤ 1.5.
- The event summary of a 500-participant event, names annex included, rendered to PDF: target
  under one second (floor for comparison: Qt printing the same HTML, no database work).
- The figures of a period report over all of it (one grouped query per table), for information:
  issue 6 sets that target (≤ 1 s at 1,000,000 participations) together with its indexes.

The data is generated with bulk inserts into a migrated SQLite file (``--quick``: a tenth).
"""

from __future__ import annotations

import datetime as dt
import random
import tempfile
import uuid
from pathlib import Path

import sqlalchemy as sa
from openpyxl import Workbook
from python_calamine import CalamineWorkbook

from app.database import prepare_database
from app.exports.tables import ExportRequest, export_records
from app.reports.event_summary import event_summary
from app.reports.period_figures import PeriodFilter, period_figures
from app.reports.render import ReportDocument, paint_report, write_pdf
from db.base import utcnow
from db.enums import (
    AgencySector,
    AttendanceMode,
    EventStatus,
    EventType,
    OrganizationKind,
    ParticipationRole,
    ParticipationStatus,
    Sex,
)
from db.models import Event, Organization, Participation, Person
from tests.perf.common import Measurement, best_of

COUNTRIES = ("KZ", "KG", "TJ", "TM", "UZ")
FAMILY = (
    "Abdullaev",
    "Karimova",
    "Nazarov",
    "Saidova",
    "Tashkentov",
    "Öwezow",
    "Ataýewa",
    "Rahimov",
)
FAMILY_LOCAL = (
    "Абдуллаев",
    "Каримова",
    "Назаров",
    "Саидова",
    "Ташкентов",
    "Овезов",
    "Атаева",
    "Рахимов",
)
GIVEN = ("Aziz", "Dilnoza", "Farrukh", "Gulnara", "Meýlis", "Nodira", "Rustam", "Zarina")


def _base() -> dict:
    now = utcnow()
    return {"created_at": now, "updated_at": now, "version": 1}


def build_database(folder: Path, participations: int, big_event: int) -> tuple[object, uuid.UUID]:
    """A database with ``participations`` attended participations, ``big_event`` of them in one
    event; returns it and that event's id."""
    database, _ = prepare_database(folder / "bench.sqlite")
    rng = random.Random(5)
    base = _base()
    sectors = list(AgencySector)
    organisations = [
        {**base, "id": uuid.uuid4(), "name": f"Agency {i} of {c}", "kind": OrganizationKind.NATIONAL_AGENCY,
         "sector": sectors[i % len(sectors)], "country": c}
        for c in COUNTRIES for i in range(10)
    ]  # fmt: skip
    n_people = max(big_event, participations // 5)
    people = []
    for i in range(n_people):
        k = rng.randrange(len(FAMILY))
        organisation = organisations[rng.randrange(len(organisations))]
        people.append(
            {**base, "id": uuid.uuid4(), "family_name": f"{FAMILY[k]}{i}", "given_name": GIVEN[k],
             "family_name_local": FAMILY_LOCAL[k], "given_name_local": "Имя",
             "sex": Sex.FEMALE if k % 2 else Sex.MALE, "nationality": organisation["country"],
             "organization_id": organisation["id"], "position": "Inspector", "match_key": f"k{i}",
             "email": f"person{i}@example.org", "phone": "+7 700 000 00 00"}
        )  # fmt: skip
    per_event = 50
    n_events = (participations - big_event) // per_event + 1
    events = [
        {**base, "id": uuid.uuid4(), "reference": f"{2005 + i % 20}-{i:04d}", "title": f"Workshop {i}",
         "type": list(EventType)[i % len(EventType)], "start_date": dt.date(2005 + i % 20, 1 + i % 12, 1 + i % 28),
         "end_date": dt.date(2005 + i % 20, 1 + i % 12, 1 + i % 28), "status": EventStatus.HELD,
         "country": COUNTRIES[i % 5], "city": "Tashkent"}
        for i in range(n_events)
    ]  # fmt: skip
    events[0]["end_date"] = events[0]["start_date"] + dt.timedelta(days=2)
    rows = []
    for index, event in enumerate(events):
        size = (
            big_event
            if index == 0
            else min(per_event, participations - big_event - (index - 1) * per_event)
        )
        for person in rng.sample(people, size) if size > 0 else []:
            rows.append(
                {**base, "id": uuid.uuid4(), "event_id": event["id"], "person_id": person["id"],
                 "role": ParticipationRole.PARTICIPANT, "status": ParticipationStatus.ATTENDED,
                 "mode": AttendanceMode.IN_PERSON, "organization_id": person["organization_id"],
                 "certificate_issued": False}
            )  # fmt: skip
    with database.engine.begin() as connection:
        for model, values in (
            (Organization, organisations),
            (Person, people),
            (Event, events),
            (Participation, rows),
        ):
            connection.execute(sa.insert(model.__table__), values)
    return database, events[0]["id"]


def _floor_export(cells: list[list], path: Path) -> None:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Participants")
    for row in cells:
        sheet.append(row)
    workbook.save(path)


def run(quick: bool) -> list[Measurement]:
    participations, big_event = (10_000, 100) if quick else (100_000, 500)
    folder = Path(tempfile.mkdtemp(prefix="convene-bench-reports-"))
    database, big_id = build_database(folder, participations, big_event)
    results = []

    def export() -> None:
        with database.session_scope(readonly=True) as session:
            export_records(session, ExportRequest("participants"), folder / "export.xlsx")

    seconds = best_of(export, repeat=2 if not quick else 3)
    cells = [
        [None if value == "" else value for value in row]
        for row in CalamineWorkbook.from_path(str(folder / "export.xlsx"))
        .get_sheet_by_index(0)
        .to_python()
    ]
    assert len(cells) == participations + 1
    floor = best_of(
        lambda: _floor_export(cells, folder / "floor.xlsx"), repeat=2 if not quick else 3
    )
    results.append(
        Measurement(f"export {participations:,} participations to xlsx", seconds, floor,
                    "openpyxl write-only, same cells", max_ratio=1.5)
    )  # fmt: skip

    report_holder: list[ReportDocument] = []

    def summary() -> None:
        with database.session_scope(readonly=True) as session:
            report = event_summary(session, session.get(Event, big_id))
        write_pdf(report, folder / "summary.pdf")
        report_holder.append(report)

    seconds = best_of(summary, repeat=3)
    report = report_holder[-1]

    def qt_only() -> None:
        from PySide6.QtGui import QPdfWriter

        writer = QPdfWriter(str(folder / "qt-only.pdf"))
        writer.setPageLayout(report.page_layout())
        writer.setResolution(600)
        paint_report(report, writer)
        del writer

    floor = best_of(qt_only, repeat=3)
    results.append(
        Measurement(f"event summary, {big_event} participants, to PDF", seconds, floor,
                    "Qt printing the same HTML", max_seconds=1.0)
    )  # fmt: skip

    def figures() -> None:
        with database.session_scope() as session:
            period_figures(session, PeriodFilter(dt.date(2000, 1, 1), dt.date(2030, 12, 31)))

    results.append(
        Measurement(f"period figures over {participations:,} participations (information)",
                    best_of(figures, repeat=3))
    )  # fmt: skip
    database.dispose()
    return results
