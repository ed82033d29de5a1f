"""Excel exports: what a second reader (python-calamine) finds in them, how they look when opened
(bold frozen header, filter, widths, real dates), and that no text is ever taken for a formula."""

from __future__ import annotations

import csv
import datetime as dt
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

import openpyxl
import pytest
from python_calamine import CalamineWorkbook

from app.exports.tables import PARTICIPANT_COLUMNS, ExportRequest, export_records
from app.exports.workbook import Column, new_workbook, save_workbook, write_sheet
from app.progress import Cancelled
from app.reports.period_figures import PeriodFilter, period_figures
from app.reports.period_workbook import write_period_xlsx
from app.reports.signin_sheet import load_signin, write_signin_xlsx
from app.services.events import find_event
from tests.report_scenario import ATTACKS, build_scenario

FIXTURES = Path(__file__).parent / "fixtures" / "exports"


@pytest.fixture
def scenario_db(sqlite_db):  # type: ignore[no-untyped-def]
    with sqlite_db.session_scope() as session:
        build_scenario(session)
    return sqlite_db


def export(database, tmp_path: Path, kind: str, **request) -> list[list]:  # type: ignore[no-untyped-def]
    path = tmp_path / f"{kind}.xlsx"
    with database.session_scope(readonly=True) as session:
        if "event" in request:
            request["event_id"] = find_event(session, request.pop("event")).id
        written = export_records(session, ExportRequest(kind, **request), path)
    sheet = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    assert len(sheet) == written + 1
    return sheet


def as_dicts(sheet: list[list]) -> list[dict]:
    return [dict(zip(sheet[0], row, strict=True)) for row in sheet[1:]]


def test_event_participants_in_the_importers_columns(scenario_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    sheet = export(scenario_db, tmp_path, "participants", event="2024-001")
    assert sheet[0] == [c.header for c in PARTICIPANT_COLUMNS]
    people = {row["Given name"]: row for row in as_dicts(sheet)}
    assert set(people) == {"Aida", "Bolat", "Dilnoza", "Anna", "X", "Sam", "Erkin", ATTACKS[1]}
    aida = people["Aida"]
    assert (aida["Family name"], aida["Family name (local)"], aida["Sex"], aida["Nationality"]) == (
        "Abenova", "Абенова", "Female", "KZ",
    )  # fmt: skip
    assert aida["Organisation"] == "Border Service of Kazakhstan"  # held at the time of the event
    assert aida["Phone"] == "+7 701 000 00 00"  # kept exactly, though it starts with "+"
    assert (people["Bolat"]["Status"], people["Bolat"]["Mode"]) == ("Partially attended", "Online")
    assert people["Dilnoza"]["Role"] == "Speaker"
    assert people["X"]["Sex"] == ""  # unspecified reads back as unspecified


def test_all_participations_with_their_events(scenario_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    sheet = export(scenario_db, tmp_path, "participants", date_from=dt.date(2024, 6, 1))
    rows = as_dicts(sheet)
    assert [r["Event reference"] for r in rows] == ["2024-003", "2024-003"]
    assert rows[0]["Event start"] == dt.date(2024, 6, 1)  # a real date, not text


def test_events_people_and_organisations(scenario_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    events = {r["Ref."]: r for r in as_dicts(export(scenario_db, tmp_path, "events"))}
    assert set(events) == {"2023-001", "2024-001", "2024-002", "2024-003", "2024-004"}
    a = events["2024-001"]
    assert (a["Start"], a["End"], a["Days"]) == (dt.date(2024, 3, 5), dt.date(2024, 3, 7), 3)
    assert (a["Participants"], a["Women"], a["Men"], a["Counted from"]) == (
        6,
        4,
        1,
        "participant list",
    )
    assert (a["Organisers"], a["Donors"], a["Project"]) == (
        "OSCE Secretariat",
        "European Union",
        "P-1 — Border project",
    )
    assert events["2024-002"]["Counted from"] == "reported figures"
    assert events["2024-003"]["Other partners"] == "Host: OSCE Secretariat"
    people = {r["Given name"]: r for r in as_dicts(export(scenario_db, tmp_path, "people"))}
    assert "Person" not in people  # in the recycle bin
    assert (people["Aida"]["Events attended"], people["Aida"]["Last event"]) == (
        2,
        dt.date(2024, 6, 1),
    )
    assert people["Aida"]["Organisation"] == "State Revenue Committee"  # her current post
    in_2023 = as_dicts(export(scenario_db, tmp_path, "people", date_to=dt.date(2023, 12, 31)))
    assert [r["Given name"] for r in in_2023] == ["Bolat"]
    organisations = {r["Name"]: r for r in as_dicts(export(scenario_db, tmp_path, "organizations"))}
    assert organisations["OSCE Secretariat"]["Events as partner"] == 2
    assert organisations["State Customs Committee of Uzbekistan"]["Sector"] == "Customs"


def test_sheets_look_right_when_opened(scenario_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    export(scenario_db, tmp_path, "events")
    sheet = openpyxl.load_workbook(tmp_path / "events.xlsx").active
    assert sheet.title == "Events"
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:AD{sheet.max_row}"  # 30 columns
    assert all(cell.font.b for cell in sheet[1])
    assert sheet["C1"].value == "Title in Russian" and sheet["G1"].value == "Start"
    assert sheet["G2"].is_date and sheet["G2"].number_format == "yyyy-mm-dd"
    widths = {key: dim.width for key, dim in sheet.column_dimensions.items()}
    assert widths["A"] >= 10 and widths["B"] > widths["D"]  # titles get room, types less
    assert max(widths.values()) <= 60


def test_text_is_never_taken_for_a_formula(scenario_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    sheet = as_dicts(export(scenario_db, tmp_path, "people"))
    evil = next(r for r in sheet if r["Family name"] == ATTACKS[0])
    assert (evil["Given name"], evil["Position"], evil["Notes"], evil["Rank"]) == ATTACKS[1:]
    with zipfile.ZipFile(tmp_path / "people.xlsx") as archive:
        xml = archive.read("xl/worksheets/sheet1.xml").decode()
        styles = archive.read("xl/styles.xml").decode()
    assert "<f>" not in xml and "<f " not in xml
    assert 'quotePrefix="1"' in styles
    loaded = openpyxl.load_workbook(tmp_path / "people.xlsx").active
    cells = [c for row in loaded.iter_rows() for c in row if c.value in ATTACKS]
    assert len(cells) == len(ATTACKS)
    assert all(c.data_type == "s" and c.quotePrefix for c in cells)


def attack_workbook(path: Path) -> None:
    workbook = new_workbook()
    write_sheet(workbook, "Attacks", [Column("Text")], [[value] for value in ATTACKS])
    save_workbook(workbook, path)


def test_libreoffice_reads_the_literal_text(tmp_path: Path) -> None:
    """LibreOffice's reading of such a file (made on a machine with LibreOffice and kept as a
    fixture) is the literal text; the file written today has the same cells, byte for byte."""
    attack_workbook(tmp_path / "attacks.xlsx")
    with (
        zipfile.ZipFile(tmp_path / "attacks.xlsx") as new,
        zipfile.ZipFile(FIXTURES / "attacks.xlsx") as kept,
    ):
        assert new.read("xl/worksheets/sheet1.xml") == kept.read("xl/worksheets/sheet1.xml")
    with (FIXTURES / "attacks.libreoffice.csv").open(encoding="utf-8") as handle:
        read_by_libreoffice = [row[0] for row in csv.reader(handle)]
    assert read_by_libreoffice == ["Text", *ATTACKS]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_now(tmp_path: Path) -> None:
    attack_workbook(tmp_path / "attacks.xlsx")
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76",
         "--outdir", str(tmp_path), str(tmp_path / "attacks.xlsx")],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    with (tmp_path / "attacks.csv").open(encoding="utf-8") as handle:
        assert [row[0] for row in csv.reader(handle)] == ["Text", *ATTACKS]


def test_a_cancelled_export_leaves_no_file(scenario_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "out"
    folder.mkdir()
    path = folder / "cancelled.xlsx"
    path.write_bytes(b"the previous export")
    temporary = set(Path(tempfile.gettempdir()).glob("openpyxl.*"))

    def cancel(done: int, total: int, message: str) -> None:
        raise Cancelled()

    with scenario_db.session_scope(readonly=True) as session, pytest.raises(Cancelled):
        export_records(session, ExportRequest("events"), path, cancel)
    assert path.read_bytes() == b"the previous export"
    assert list(folder.iterdir()) == [path]
    assert set(Path(tempfile.gettempdir()).glob("openpyxl.*")) <= temporary  # nothing left over


def test_period_and_signin_workbooks(scenario_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with scenario_db.session_scope(readonly=True) as session:
        figures = period_figures(session, PeriodFilter(dt.date(2024, 1, 1), dt.date(2024, 12, 31)))
        signin = load_signin(session, find_event(session, "2024-001"))
    write_period_xlsx(figures, tmp_path / "period.xlsx")
    book = CalamineWorkbook.from_path(str(tmp_path / "period.xlsx"))
    assert book.sheet_names[0] == "Summary"
    assert {"Month", "By country (nationality)"} <= set(book.sheet_names)
    summary = dict(book.get_sheet_by_name("Summary").to_python()[1:])
    assert summary["Events held"] == 3 and summary["Participants (all events)"] == 23
    by_country = book.get_sheet_by_name("By country (nationality)").to_python()
    assert by_country[-1][:5] == ["Total", 11, 11, 1, 23]
    assert by_country[-1][5] == 50.0  # % women of the 22 whose sex is known
    write_signin_xlsx(signin, tmp_path / "signin.xlsx")
    rows = (
        CalamineWorkbook.from_path(str(tmp_path / "signin.xlsx")).get_sheet_by_index(0).to_python()
    )
    names = [row[1] for row in rows[5:] if row[1]]
    assert "ABENOVA Aida" in names and len(names) == len(signin.people)
    assert (
        rows[5 + len(signin.people) + signin.blank_rows - 1][0]
        == len(signin.people) + signin.blank_rows
    )
