"""Access databases (issue 21): real .mdb and .accdb files written by Microsoft Access
(``../shared/samples/access/``, from the MDB Tools project's test data) read table by table
like a workbook's sheets, in the reading child; a cut-short copy refused in one sentence with
nothing written; and the command line's ``import --register`` and linked tables."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

from app.importing.reading import UnreadableFile, read_workbook
from tests import register_data as data
from tests.cli_runner import assert_one_clean_line, convene
from tests.conftest import table_count

SAMPLES = Path(__file__).resolve().parent.parent.parent / "shared" / "samples" / "access"
NWIND, ACCDB = SAMPLES / "nwind.mdb", SAMPLES / "ASampleDatabase.accdb"
# Northwind's employees as its Employees table holds them (LastName, FirstName, Title)
EMPLOYEES = {
    ("Davolio", "Nancy"): "Sales Representative",
    ("Fuller", "Andrew"): "Vice President, Sales",
    ("Leverling", "Janet"): "Sales Representative",
    ("Peacock", "Margaret"): "Sales Representative",
    ("Buchanan", "Steven"): "Sales Manager",
    ("Suyama", "Michael"): "Sales Representative",
    ("King", "Robert"): "Sales Representative",
    ("Callahan", "Laura"): "Inside Sales Coordinator",
    ("Dodsworth", "Anne"): "Sales Representative",
}

pytestmark = pytest.mark.skipif(not NWIND.exists(), reason="the Access samples are not here")


def _event(db: Path) -> str:
    made = convene("events", "add", "--title", "Staff training", "--type", "training_course",
                   "--start", "2024-01-10", "--end", "2024-01-11", "--json", db=db)  # fmt: skip
    assert made.code == 0, made.err
    return made.json()["reference"]


def _exported(db: Path, reference: str, tmp_path: Path) -> list[dict]:  # type: ignore[type-arg]
    out = tmp_path / "participants.xlsx"
    done = convene("export", "participants", "--event", reference, "-o", str(out), db=db)
    assert done.code == 0, done.err
    rows = CalamineWorkbook.from_path(str(out)).get_sheet_by_index(0).to_python()
    return [dict(zip(rows[0], r, strict=False)) for r in rows[1:] if any(r)]


def test_each_table_of_an_access_database_is_offered_like_a_sheet() -> None:
    workbook = read_workbook(NWIND)
    assert workbook.kind == "access"
    assert {"Customers", "Employees", "Orders", "Suppliers"} <= set(workbook.sheet_names)
    assert not [n for n in workbook.sheet_names if n.startswith("MSys")]
    employees = workbook.sheet("Employees")
    assert employees.rows[0][:4] == ["EmployeeID", "LastName", "FirstName", "Title"]
    assert len(employees.rows) == 1 + len(EMPLOYEES)
    assert read_workbook(ACCDB).sheet_names == ["Asset Items"]


def test_nwind_employees_into_an_event_nine_people_with_their_titles(sqlite_path, tmp_path) -> None:  # type: ignore[no-untyped-def]
    reference = _event(sqlite_path)
    done = convene("import", str(NWIND), "--sheet", "Employees", "--event", reference, "--json",
                   db=sqlite_path)  # fmt: skip
    assert done.code == 0, done.err
    summary = done.json()
    assert summary["sheet"] == "Employees" and summary["people_created"] == 9
    assert summary["mapping"]["Title"] == "position"
    listed = {
        (r["Family name"], r["Given name"]): r["Position"]
        for r in _exported(sqlite_path, reference, tmp_path)
    }
    assert listed == EMPLOYEES


def test_nwind_customers_read_as_a_list(sqlite_path) -> None:  # type: ignore[no-untyped-def]
    reference = _event(sqlite_path)
    done = convene("import", str(NWIND), "--sheet", "customers", "--event", reference,
                   "--dry-run", "--json", db=sqlite_path)  # fmt: skip
    assert done.code == 0, done.err
    summary = done.json()
    assert summary["mapping"]["ContactName"] == "full_name"
    assert summary["mapping"]["ContactTitle"] == "position"
    assert summary["mapping"]["Country"] == "nationality"
    assert summary["rows_read"] == 91 and summary["people_created"] >= 85
    assert table_count_of(sqlite_path, "person") == 0


def table_count_of(path: Path, table: str) -> int:
    from db.engine import open_database

    database = open_database(path)
    try:
        return table_count(database, table)
    finally:
        database.dispose()


@pytest.mark.parametrize("source", [NWIND, ACCDB], ids=["mdb", "accdb"])
@pytest.mark.parametrize("kept", [100_000, 98_304], ids=["mid-page", "whole-pages"])
def test_a_cut_short_access_file_is_refused_in_one_sentence(
    source: Path, kept: int, sqlite_path: Path, tmp_path: Path
) -> None:
    cut = tmp_path / source.name
    cut.write_bytes(source.read_bytes()[:kept])
    with pytest.raises(UnreadableFile, match=r"^The Access database .* cannot be read: .*\)\.$"):
        read_workbook(cut)
    reference = _event(sqlite_path)
    done = convene("import", str(cut), "--sheet", "Employees", "--event", reference, db=sqlite_path)
    assert done.code == 2
    assert_one_clean_line(done)
    assert len(done.err.strip().splitlines()) == 1
    assert table_count_of(sqlite_path, "person") == 0


def test_a_scrambled_access_file_is_refused(tmp_path: Path) -> None:
    data_ = bytearray(NWIND.read_bytes())
    data_[4096:] = bytes(len(data_) - 4096)  # every page after the header blanked
    broken = tmp_path / "blank.mdb"
    broken.write_bytes(bytes(data_))
    with pytest.raises(UnreadableFile, match="cannot be read"):
        read_workbook(broken)


def test_the_register_through_the_command_line(sqlite_path, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = data.write_xlsx(tmp_path / "register.xlsx", data.register_rows("ru"))
    first = convene("import", str(path), "--register", "--json", db=sqlite_path)
    assert first.code == 0, first.err
    summary = first.json()
    assert summary["events_created"] == len({e for e, _ in data.LINKS})
    assert summary["added_to_event"] == len(data.LINKS)
    again = convene("import", str(path), "--register", "--json", db=sqlite_path).json()
    assert again["events_created"] == 0 and again["added_to_event"] == 0
    assert again["events_matched"] == summary["events_created"]
    shown = convene("import", str(path), "--register", "--dry-run", db=sqlite_path)
    assert shown.code == 0 and "Dry run" in shown.out and "matched" in shown.out


def test_linked_tables_through_the_command_line(sqlite_path, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = data.write_linked_xlsx(tmp_path / "linked.xlsx")
    done = convene("import", str(path), "--events-table", "Events", "--people-table", "People",
                   "--links-table", "Attendance", "--json", db=sqlite_path)  # fmt: skip
    assert done.code == 0, done.err
    assert json.loads(done.out)["added_to_event"] == len(data.LINKS)


@pytest.mark.parametrize(
    ("arguments", "said"),
    [
        (["--register", "--event", "2024-001"], "leave out --event"),
        (["--events-table", "Events"], "all three"),
        ([], "import needs --event"),
    ],
)
def test_import_options_that_do_not_go_together_are_refused(
    sqlite_path, tmp_path, arguments, said
) -> None:  # type: ignore[no-untyped-def]
    path = data.write_xlsx(tmp_path / "register.xlsx", data.register_rows("ru"))
    done = convene("import", str(path), *arguments, db=sqlite_path)
    assert done.code == 2 and said in done.err
    assert_one_clean_line(done)


def test_a_list_imported_as_a_register_is_refused_in_one_line(sqlite_path, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = data.write_xlsx(tmp_path / "list.xlsx", [["Фамилия", "Имя"], ["Каримов", "Рустам"]])
    done = convene("import", str(path), "--register", db=sqlite_path)
    assert done.code == 2 and "not a register" in done.err
    assert_one_clean_line(done)


def test_a_registers_rows_to_fix_are_written_with_why(sqlite_path, tmp_path) -> None:  # type: ignore[no-untyped-def]
    rows = data.register_rows("en")
    rows[5][1] = "sometime in spring"
    path = data.write_xlsx(tmp_path / "register.xlsx", rows)
    to_fix = tmp_path / "to-fix.xlsx"
    done = convene("import", str(path), "--register", "--errors", str(to_fix), db=sqlite_path)
    assert done.code == 0, done.err
    assert "1 row to fix written" in done.out
    written = CalamineWorkbook.from_path(str(to_fix)).get_sheet_by_index(0).to_python()
    assert written[0][-2:] == ["Row in the list", "What is wrong"]
    assert len(written) == 2 and written[1][-2] == 6
    assert "sometime in spring" in written[1][-1] and written[1][4] == rows[5][4]
