"""The import's memory stays bounded: the reader keeps a text that repeats down a list once,
takes a spreadsheet's rows from its reading child a few thousand at a time, and refuses a list
longer than any attendee list (``MAX_ROWS``) before it has read it all. The peak itself at the
limits is measured by ``tests/perf/bench_memory.py``; these tests check what bounds it, with no
timing and no memory figure that could vary from machine to machine — except the last, whose
bound is far from what it measures."""

from __future__ import annotations

import csv
import datetime as dt
import shutil
from pathlib import Path

import pytest
from openpyxl import Workbook
from python_calamine import CalamineWorkbook

from app.importing import calamine_child
from app.importing.calamine_child import CHUNK_ROWS, MAX_CELLS, MAX_ROWS
from app.importing.reading import read_workbook
from app.services import events
from db.engine import open_database
from tests.cli_runner import assert_one_clean_line, convene
from tests.perf.bench_memory import dry_run, peak_of, people, write_csv, write_xlsx

COUNTRIES = ("Kazakhstan", "Кыргызстан", "Tajikistan")


def _listed(count: int) -> list[list[str]]:
    return [[f"Name{n}ov", "Aliya", COUNTRIES[n % 3], "Border Service"] for n in range(count)]


def _write_cp1251(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", newline="", encoding="cp1251") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(["Фамилия", "Имя", "Страна", "Ведомство"])
        writer.writerows(rows)
    return path


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_a_text_repeated_down_a_list_is_kept_once(kind: str, tmp_path: Path) -> None:
    """A country or an agency on every row is one string, not one per row (a list of 100,000
    rows held each copy: 50 bytes a cell); texts that never repeat stay as they are."""
    rows = _listed(3 * CHUNK_ROWS + 7)  # (rows from several of the reading child's messages)
    if kind == "csv":
        path = _write_cp1251(tmp_path / "list.csv", rows)
    else:
        book = Workbook()
        book.active.append(["Surname", "Given name", "Country", "Agency"])
        for row in rows:
            book.active.append(row)
        book.save(path := tmp_path / "list.xlsx")
    read = read_workbook(path).sheets[0].rows[1:]
    assert [list(r) for r in read] == rows  # the same cells...
    for column in (1, 2, 3):  # ...each repeated text one object, whichever row holds it
        assert len({id(r[column]) for r in read}) == len({r[column] for r in read})
    assert len({r[0] for r in read}) == len(read)


def test_the_reading_child_gives_the_cells_calamine_gives(tmp_path: Path) -> None:
    """Rows streamed from the child, with the empty columns left of the first used one put
    back, are the sheet's rows as ``to_python`` gives them (which needs the whole sheet as
    Python objects at once)."""
    book = Workbook()
    sheet = book.active
    sheet["C3"], sheet["D4"], sheet["E6"], sheet["F6"] = "Ataev", 1.0, dt.date(2025, 3, 4), " "
    for row in range(7, 7 + CHUNK_ROWS + 5):
        sheet.cell(row, 3 + row % 4, f"v{row}")
    sheet.merge_cells("C3:D3")
    book.create_sheet("Empty")
    book.save(path := tmp_path / "offset.xlsx")
    messages: list[tuple] = []  # type: ignore[type-arg]
    calamine_child.send_sheets(str(path), "xlsx", messages.append)
    assert messages[0] == ("sheet", "Sheet", [((2, 2), (2, 3))], False)
    assert messages[-1] == ("end",)
    streamed = [row for m in messages if m[0] == "rows" for row in m[1]]
    whole = CalamineWorkbook.from_path(str(path)).get_sheet_by_name("Sheet")
    expected = [
        [calamine_child.cell_value(v) for v in r] for r in whole.to_python(skip_empty_area=False)
    ]
    assert streamed[: len(expected)] == expected and len(streamed) == len(expected)
    assert streamed[2][:3] == [None, None, "Ataev"] and streamed[3][3] == 1
    assert max(len(m[1]) for m in messages if m[0] == "rows") == CHUNK_ROWS


@pytest.fixture()
def event_database(sqlite_template: Path, tmp_path: Path) -> tuple[Path, str]:
    path = tmp_path / "convene.sqlite"
    shutil.copyfile(sqlite_template, path)
    database = open_database(path)
    with database.session_scope() as session:
        reference = events.create_event(
            session, title="Seminar", type="seminar", start_date=dt.date(2025, 3, 4)
        ).reference
    database.dispose()
    return path, reference


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_a_list_longer_than_any_attendee_list_is_refused(kind, event_database, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The issue's 699,000-row csv took 1.46 GB; a list of more than MAX_ROWS rows is now
    refused with one sentence, and nothing is written."""
    database, event = event_database
    rows = [[f"N{n}", "A", "M"] for n in range(MAX_ROWS)]  # and the header: one row too many
    path = tmp_path / f"long.{kind}"
    if kind == "csv":
        with path.open("w", newline="") as handle:
            csv.writer(handle).writerows([["Surname", "Given name", "Sex"], *rows])
    else:
        book = Workbook(write_only=True)
        sheet = book.create_sheet("List")
        for row in [["Surname", "Given name", "Sex"], *rows]:
            sheet.append(row)
        book.save(path)
    outcome = convene("import", str(path), "--event", event, db=database)
    assert outcome.code == 2, outcome
    assert_one_clean_line(outcome)
    assert f"more than {MAX_ROWS:,} rows" in outcome.err or "far more than" in outcome.err
    listed = convene("events", "show", event, "--json", db=database).json()
    assert listed["participants"] == []


def test_the_limits_keep_a_sheet_of_the_most_cells_within_the_memory_target() -> None:
    """(The figures the benchmark measures against the target depend on these.)"""
    assert MAX_ROWS <= 100_000 and MAX_CELLS <= 1_600_000


@pytest.mark.slow
def test_a_10000_row_dry_run_stays_far_below_the_target(event_database, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A tenth of the limit, as csv and xlsx, through the command line: the whole process
    tree (with the reading child) stays under a quarter of the 400 MB target plus what
    Python and the libraries take (about 60 MB)."""
    database, event = event_database
    rows = people(10_000)
    for writer in (write_csv, write_xlsx):
        listing = writer(tmp_path / f"list.{'csv' if writer is write_csv else 'xlsx'}", rows)
        peak, _seconds = peak_of(dry_run(database, event, listing))
        print(f"\n{listing.name}: peak {peak:.0f} MB")
        assert peak < 160, peak
