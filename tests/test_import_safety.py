"""The import never harms what it was given: the list, the database, the rows to fix.

An ``--errors`` workbook never replaces the list being imported and is checked before anything is
written; commands that only read never create a database at a mistyped ``--db``; the rows to fix
come back as the very text they had; a file is read by what it holds, whatever its name says; and
the sheet read by default is one the coordinator can see and that holds the list.
"""

from __future__ import annotations

import csv
import dataclasses
import hashlib
import shutil
import sqlite3
import zipfile
from pathlib import Path

import openpyxl
import pytest

from tests.cli_runner import assert_one_clean_line, convene

FIXTURES = Path(__file__).parent / "fixtures" / "import"
EVENT = "2025-001"


@pytest.fixture
def event_db(sqlite_path: Path) -> Path:
    """A database holding one event, 2025-001, and nobody yet."""
    from app.services.events import create_event
    from db.engine import open_database

    database = open_database(sqlite_path)
    with database.session_scope() as session:
        event = create_event(
            session, title="Seminar", type="seminar", start_date="2025-03-04",
            end_date="2025-03-06",
        )  # fmt: skip
        assert event.reference == EVENT
    database.dispose()
    return sqlite_path


def participants(db: Path) -> list[str]:
    shown = convene("events", "show", EVENT, "--json", db=db)
    assert shown.code == 0, shown.err
    return sorted(p["family_name_local"] or p["family_name"] for p in shown.json()["participants"])


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- --errors: never the list itself, and checked before the import -----------------------------


@pytest.mark.parametrize("dry_run", [True, False])
def test_errors_naming_the_list_itself_is_refused(event_db: Path, tmp_path: Path, dry_run) -> None:  # type: ignore[no-untyped-def]
    listed = tmp_path / "list.xlsx"
    shutil.copyfile(FIXTURES / "ru_conference.xlsx", listed)
    before = digest(listed)
    (tmp_path / "sub").mkdir()
    for errors in (listed, tmp_path / "sub" / ".." / "list.xlsx"):
        outcome = convene("import", str(listed), "--event", EVENT, "--errors", str(errors),
                          *(["--dry-run"] if dry_run else []), db=event_db)  # fmt: skip
        assert outcome.code == 2
        assert_one_clean_line(outcome)
        assert "it is the list being imported" in outcome.err
        assert digest(listed) == before
    assert participants(event_db) == []


def test_errors_naming_the_list_through_a_link_is_refused(event_db: Path, tmp_path: Path) -> None:
    listed = tmp_path / "list.xlsx"
    shutil.copyfile(FIXTURES / "ru_conference.xlsx", listed)
    linked = tmp_path / "same.xlsx"
    linked.hardlink_to(listed)
    before = digest(listed)
    outcome = convene("import", str(listed), "--event", EVENT, "--errors", str(linked),
                      db=event_db)  # fmt: skip
    assert outcome.code == 2 and "it is the list being imported" in outcome.err
    assert digest(listed) == before and participants(event_db) == []


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("missing/fix.xlsx", "does not exist"),
        ("folder.xlsx", "it is a folder"),
        ("fix.csv", "use .xlsx"),
    ],
)
def test_an_unwritable_errors_path_is_refused_before_importing(
    event_db: Path, tmp_path: Path, name: str, message: str
) -> None:
    (tmp_path / "folder.xlsx").mkdir()
    outcome = convene("import", str(FIXTURES / "ru_conference.xlsx"), "--event", EVENT,
                      "--errors", str(tmp_path / name), db=event_db)  # fmt: skip
    assert outcome.code == 2
    assert_one_clean_line(outcome)
    assert message in outcome.err
    assert participants(event_db) == []  # the import was not written before the refusal
    assert not (tmp_path / "missing").exists() and not (tmp_path / "fix.csv").exists()


# --- A missing database is created only by the commands that add records -------------------------


def test_a_dry_run_at_a_mistyped_db_creates_nothing(tmp_path: Path) -> None:
    mistyped = tmp_path / "nodir" / "x.sqlite"
    for extra in (["--dry-run"], [], ["--dry-run", "--json"]):
        outcome = convene("--db", str(mistyped), "import", str(FIXTURES / "ru_conference.xlsx"),
                          "--event", EVENT, *extra)  # fmt: skip
        assert outcome.code == 2
        assert_one_clean_line(outcome)
        assert f"No database at {mistyped}" in outcome.err
        assert not (tmp_path / "nodir").exists()


@pytest.mark.parametrize(
    "command",
    [
        ["events", "list"],
        ["events", "show", EVENT],
        ["export", "people", "-o", "{out}/people.xlsx"],
        ["report", "event", EVENT, "-o", "{out}/event.pdf"],
        ["report", "period", "--from", "2025-01-01", "--to", "2025-12-31", "-o", "{out}/p.xlsx"],
        ["signin-sheet", EVENT, "-o", "{out}/signin.xlsx"],
        ["backup", "-o", "{out}/copy.sqlite"],
    ],
)
def test_commands_that_only_read_never_create_a_database(tmp_path: Path, command) -> None:  # type: ignore[no-untyped-def]
    missing = tmp_path / "typo" / "convene.sqlite"
    args = [part.replace("{out}", str(tmp_path)) for part in command]
    outcome = convene(*args, db=missing)
    assert outcome.code == 2
    assert_one_clean_line(outcome)
    assert f"No database at {missing}" in outcome.err
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_commands_that_add_records_still_create_the_database(tmp_path: Path) -> None:
    first = tmp_path / "new" / "office.sqlite"
    added = convene("events", "add", "--title", "T", "--type", "seminar", "--start", "2025-03-04",
                    "--end", "2025-03-04", db=first)  # fmt: skip
    assert added.code == 0, added.err
    assert convene("events", "list", "--json", db=first).json()[0]["reference"] == EVENT
    made = convene("init", db=tmp_path / "other.sqlite")
    assert made.code == 0 and "Database created" in made.out


# --- The rows to fix keep their text: never a formula, never an error value ----------------------

LIVE_LOOKING = ["=1+2", '=HYPERLINK("http://example.com/x","Иванов")', "+7 701 555 0101", "#N/A",
                "@Служба", "-5+3"]  # fmt: skip


def test_the_rows_to_fix_keep_formula_like_text_as_text(event_db: Path, tmp_path: Path) -> None:
    from app.importing.reading import read_workbook

    listed = tmp_path / "list.csv"
    with listed.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(["ФИО", "Должность", "Организация", "Телефон", "Эл. почта"])
        writer.writerow(["Иванов Иван", *LIVE_LOOKING[:3], "bad@"])
        writer.writerow(["Петров Пётр", *LIVE_LOOKING[3:], "petrov@"])
    errors = tmp_path / "fix.xlsx"
    outcome = convene("import", str(listed), "--event", EVENT, "--dry-run", "--errors",
                      str(errors), db=event_db)  # fmt: skip
    assert outcome.code == 0, outcome.err
    assert "2 rows to fix written" in outcome.out
    with zipfile.ZipFile(errors) as archive:
        sheet_xml = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet_xml and "<f " not in sheet_xml and 't="e"' not in sheet_xml
    cells = [
        c for row in openpyxl.load_workbook(errors).active.iter_rows() for c in row
        if c.value in LIVE_LOOKING
    ]  # fmt: skip
    assert len(cells) == len(LIVE_LOOKING) and all(c.data_type == "s" for c in cells)
    rows = read_workbook(errors).sheet().rows  # read back as the import reads a list
    assert [r[1:4] for r in rows[1:]] == [LIVE_LOOKING[:3], LIVE_LOOKING[3:]]


def test_the_sign_in_sheet_keeps_error_looking_text_as_text(tmp_path: Path) -> None:
    import datetime as dt

    from app.reports.signin_sheet import SigninData, write_signin_xlsx

    day = dt.date(2025, 3, 4)
    write_signin_xlsx(SigninData(EVENT, "#N/A", day, day, (None, "Almaty", "KZ"), ()),
                      tmp_path / "signin.xlsx")  # fmt: skip
    title = openpyxl.load_workbook(tmp_path / "signin.xlsx").active["A2"]
    assert (title.value, title.data_type) == ("#N/A", "s")


# --- A file is read by what it holds, whatever its name says -------------------------------------


@pytest.mark.parametrize(
    ("fixture", "misnamed", "kind"),
    [
        ("ru_conference.xlsx", "list.xls", "xlsx"),
        ("ru_conference.xls", "list.xlsx", "xls"),
        ("ru_conference.ods", "list.xlsx", "ods"),
        ("ru_conference.xlsb", "list.ods", "xlsb"),
        ("ru_conference.xls", "list.dat", "xls"),
    ],
)
def test_a_list_with_the_wrong_extension_is_read_by_its_content(
    tmp_path: Path, fixture: str, misnamed: str, kind: str
) -> None:
    from app.importing.reading import read_workbook

    shutil.copyfile(FIXTURES / fixture, tmp_path / misnamed)
    as_named = read_workbook(FIXTURES / fixture)
    as_misnamed = read_workbook(tmp_path / misnamed)
    assert as_misnamed.kind == kind
    assert as_misnamed.sheet_names == as_named.sheet_names
    assert as_misnamed.sheet().rows == as_named.sheet().rows


def test_an_xlsx_saved_as_xls_imports(event_db: Path, tmp_path: Path) -> None:
    shutil.copyfile(FIXTURES / "ru_conference.xlsx", tmp_path / "list.xls")
    outcome = convene("import", str(tmp_path / "list.xls"), "--event", EVENT, "--json",
                      db=event_db)  # fmt: skip
    assert outcome.code == 0, outcome.err
    assert outcome.json()["added_to_event"] == len(participants(event_db)) > 0


def test_a_damaged_file_with_the_wrong_extension_still_says_damaged(tmp_path: Path) -> None:
    from app.importing.reading import UnreadableFile, read_workbook

    data = (FIXTURES / "ru_conference.xls").read_bytes()
    (tmp_path / "cut.xlsx").write_bytes(data[: len(data) // 2])
    with pytest.raises(UnreadableFile, match="cannot be read as a spreadsheet"):
        read_workbook(tmp_path / "cut.xlsx")


# --- The sheet read by default is a visible one that holds the list ------------------------------


def lookup_then_list(path: Path, *, hidden: bool, lookup: list[str]) -> Path:
    """A lookup sheet first (hidden or not), then the attendee list, as Excel users make them."""
    book = openpyxl.Workbook()
    reference = book.active
    reference.title = "Справочник"
    for value in lookup:
        reference.append([value])
    if hidden:
        reference.sheet_state = "hidden"
    listed = book.create_sheet("Участники")
    listed.append(["ФИО", "Пол", "Организация"])
    listed.append(["Атаев Сергей", "м", "Пограничная служба"])
    listed.append(["Бекова Алия", "ж", "Таможня"])
    book.active = 1
    book.save(path)
    return path


@pytest.mark.parametrize(
    ("hidden", "lookup"),
    [
        (True, ["Страна", "Кыргызстан", "м", "ж"]),  # no name column: was refused naming it
        (True, ["Страна", "Кыргызстан", "ФИО", "Пол"]),  # "Пол" was imported as a person
        (False, ["Страна", "Кыргызстан", "ФИО", "Пол"]),  # visible, but not the list
    ],
)
def test_the_default_sheet_is_the_visible_list(
    event_db: Path, tmp_path: Path, hidden: bool, lookup: list[str]
) -> None:
    path = lookup_then_list(tmp_path / "list.xlsx", hidden=hidden, lookup=lookup)
    outcome = convene("import", str(path), "--event", EVENT, "--json", db=event_db)
    assert outcome.code == 0, outcome.err
    assert outcome.json()["sheet"] == "Участники" and outcome.json()["added_to_event"] == 2
    assert participants(event_db) == ["Атаев", "Бекова"]


def test_a_hidden_sheet_can_still_be_named(event_db: Path, tmp_path: Path) -> None:
    path = lookup_then_list(tmp_path / "list.xlsx", hidden=True, lookup=["ФИО", "Пол"])
    outcome = convene("import", str(path), "--event", EVENT, "--sheet", "Справочник",
                      "--dry-run", "--json", db=event_db)  # fmt: skip
    assert outcome.code == 0, outcome.err
    assert outcome.json()["sheet"] == "Справочник" and outcome.json()["rows_read"] == 1


def test_without_a_recognised_heading_the_first_visible_sheet_is_read(tmp_path: Path) -> None:
    from app.importing.reading import read_workbook

    book = openpyxl.Workbook()
    book.active.title = "Скрытый"
    book.active.append(["ФИО"])
    book.active.sheet_state = "hidden"
    for title in ("Первый", "Второй"):
        book.create_sheet(title).append(["Кто", "Откуда"])
    book.active = 1
    book.save(tmp_path / "list.xlsx")
    assert read_workbook(tmp_path / "list.xlsx").sheet().name == "Первый"


def test_the_wizard_offers_the_visible_list_first_and_marks_hidden_sheets(
    qtbot, sqlite_db, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from app.services.events import create_event
    from ui.import_wizard import ImportWizard

    with sqlite_db.session_scope() as session:
        event_id = create_event(session, title="Seminar", type="seminar",
                                start_date="2025-03-04").id  # fmt: skip
    path = lookup_then_list(tmp_path / "list.xlsx", hidden=True, lookup=["ФИО", "Пол"])
    wizard = ImportWizard(sqlite_db, event_id)
    qtbot.addWidget(wizard)
    wizard.show()
    page = wizard.file_page
    page.open_file(str(path))
    qtbot.waitUntil(lambda: page.reading is None, timeout=20_000)
    box = page.sheet_box
    assert [box.itemText(i) for i in range(box.count())] == ["Участники", "Справочник (hidden)"]
    assert box.currentData() == "Участники" and page.isComplete()
    box.setCurrentIndex(1)  # the hidden sheet can still be chosen
    wizard.next()
    assert wizard.understood is not None and wizard.understood.sheet.name == "Справочник"


# --- a list with nobody in it -------------------------------------------------------------------


def test_a_list_of_headers_and_totals_only_is_refused_and_writes_nothing(
    event_db: Path, tmp_path: Path
) -> None:
    listed = tmp_path / "nobody.xlsx"
    book = openpyxl.Workbook()
    book.active.title = "Участники"
    book.active.append(["Список участников семинара"])
    book.active.append(["№", "ФИО", "Страна", "Ведомство"])
    book.active.append([])
    book.active.append(["Итого: 0 участников"])
    book.save(listed)
    result = convene("import", str(listed), "--event", EVENT, db=event_db)
    assert result.code == 2
    assert_one_clean_line(result)
    assert "Nobody is listed below the headers in row 2 of sheet 'Участники'" in result.err
    with sqlite3.connect(event_db) as connection:
        assert connection.execute("SELECT count(*) FROM import_batch").fetchone() == (0,)
        assert connection.execute(
            "SELECT count(*) FROM audit_entry WHERE action = 'import'"
        ).fetchone() == (0,)


def test_a_sign_in_sheet_of_an_event_with_no_place_gives_only_its_dates(tmp_path: Path) -> None:
    import datetime as dt

    from app.reports.signin_sheet import SigninData, signin_document, write_signin_xlsx

    data = SigninData(EVENT, "Seminar", dt.date(2025, 5, 12), dt.date(2025, 5, 13),
                      (None, None, None), ())  # fmt: skip
    write_signin_xlsx(data, tmp_path / "signin.xlsx", lang="en")
    assert openpyxl.load_workbook(tmp_path / "signin.xlsx").active["A3"].value == "12–13 May 2025"
    assert '<p class="subtitle">12–13 May 2025</p>' in signin_document(data, "en", 0).html
    placed = dataclasses.replace(data, place=(None, "Almaty", "KZ"))
    assert "12–13 May 2025 · Almaty, Kazakhstan" in signin_document(placed, "en", 0).html
