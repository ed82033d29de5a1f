"""The columns of real lists read right (issue 17, classes 1, 2, 3, 5, 6 and 9): a column that is
no name is never read as one, headers as database exports write them are headers, job titles in
a "Role" column are positions, headers in the six OSCE languages, one-column lists, and Office
packages whose parts are not under ``xl/``. The lists are in ``tests/fixtures/import/columns/``,
written by openpyxl, LibreOffice, Python's csv (UTF-8, UTF-8 with BOM, Windows-1251 with ";")
and zipfile (``tools/make_column_fixtures.py``)."""

from __future__ import annotations

import csv
import datetime as dt
from collections import Counter
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

from app.importing.importer import import_list, open_list
from app.importing.mapping import MappingError
from app.importing.reading import UnreadableFile, read_workbook
from app.importing.understanding import UnderstoodList, understand
from app.importing.vocabulary import NAME_FIELDS, field_for_header
from app.queries import event_details
from app.services import events
from tests.cli_runner import assert_one_clean_line, convene

FIXTURES = Path(__file__).parent / "fixtures" / "import" / "columns"


def _understood(name: str, **options) -> UnderstoodList:  # type: ignore[no-untyped-def]
    return understand(read_workbook(FIXTURES / name), **options)


def _people(understood: UnderstoodList) -> list[str]:
    return [row.name for row in understood.rows if row.kind == "person"]


def _one_column_per_name_field(understood: UnderstoodList) -> None:
    """No name field is read from two columns of the same script."""
    read = [c for c in understood.columns if c.field in NAME_FIELDS]
    for field, count in Counter(c.field for c in read).items():
        if count > 1:  # allowed only as one Latin and one Cyrillic column
            scripts = {
                any("\u0400" <= ch <= "\u04ff" for ch in str(row.cells[c.index] or ""))
                for c in read
                if c.field == field
                for row in understood.rows[:1]
            }
            assert scripts == {True, False}, (field, count)


# --- 1: a column that is not a name is never read as one -------------------------------------

NOT_NAMES = {
    "badge_and_employer.xlsx": {
        "Given name": "given_name", "Family name": "family_name",
        "Company name (for badge)": "organization", "Country": "nationality",
    },
    "ticks_and_laboratory.ods": {
        "№": "number", "Full name": "full_name", "Laboratory": "organization", "E-mail": "email",
    },
    "contact_person_cp1251.csv": {"№": "number", "ФИО": "full_name", "Ведомство": "organization"},
    "per_diem_accounting.xls": {"Participant name": "full_name", "Comment": "notes"},
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(NOT_NAMES))
def test_a_column_that_is_not_a_name_is_never_read_as_one(name: str) -> None:
    understood = _understood(name)
    assert understood.mapping == NOT_NAMES[name]
    _one_column_per_name_field(understood)
    people = [row for row in understood.rows if row.kind == "person"]
    assert len(people) >= 3 and all(not row.problems for row in people)
    # Nobody got a company, a tick or a contact person as a part of their name.
    named = [c.index for c in understood.columns if c.field in NAME_FIELDS]
    for row in people:
        written = {w.casefold() for i in named for w in str(row.cells[i] or "").split()}
        assert {w.casefold() for w in row.name.split()} <= written, row.name


def test_yes_no_and_second_name_columns_are_named_in_the_plan_notes() -> None:
    ticks = _understood("ticks_and_laboratory.ods")
    assert ticks.notes == ["column C (Participant) holds yes/no marks, not names: not imported"]
    contact = _understood("contact_person_cp1251.csv")
    assert contact.notes == [
        "column D (Контактное лицо (ФИО)) would give the full name a second time (as column B"
        " (ФИО) does): not imported"
    ]
    rows = {row.row: row for row in contact.rows}
    assert rows[3].name == "Исмаилов Берик Нурланович" and rows[3].organization == (
        "Таможенная служба"
    )


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Company Name", "organization"),
        ("Name of company", "organization"),
        ("Employer name", "organization"),
        ("Agency (name)", "organization"),
        ("Наименование лаборатории", "organization"),
        ("Labo", "organization"),
        ("Organisme d'appartenance", "organization"),
        ("Show name on badge", None),
        ("Name on badge?", None),
        ("Account name", None),
        ("Vendor name", None),
        ("Project name", None),
        ("Name of participant (as in passport)", "full_name"),
        ("Participant's full name", "full_name"),
        ("Name in Latin letters", "full_name"),
        ("Фамилия участника", "family_name"),
        ("Speaker name", "full_name"),
        ("Тегі, аты", "full_name"),
        ("Ism-familiyasi", "full_name"),
        ("Familiyasi, ismi, otasining ismi", "full_name"),
        ("Фамилия и инициалы", "full_name"),
        ("Должность в организации", "position"),
    ],
)
def test_a_headers_meaning_decides_before_a_name_inside_it(header: str, field: str | None) -> None:
    assert field_for_header(header) == field


@pytest.mark.parametrize("marks", [["Yes", None, "Yes"], ["да", "нет", "да"], ["✓", "✓", None],
                                   ["x", None, "X"], [True, False, True]])  # fmt: skip
def test_a_yes_no_column_is_never_a_name(tmp_path: Path, marks: list) -> None:  # type: ignore[type-arg]
    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["Surname", "Given name", "Participant", "Name on list"])
    for family, mark in zip(["Ataeva", "Usenova", "Karimova"], marks, strict=True):
        book.active.append([family, "Aigul", mark, mark])
    book.save(tmp_path / "marks.xlsx")
    understood = understand(read_workbook(tmp_path / "marks.xlsx"))
    assert understood.mapping == {"Surname": "family_name", "Given name": "given_name"}
    assert _people(understood) == ["Ataeva Aigul", "Usenova Aigul", "Karimova Aigul"]


def test_the_company_becomes_the_organisation_not_a_patronymic(any_db) -> None:  # type: ignore[no-untyped-def]
    with any_db.session_scope() as s:
        event = events.create_event(
            s, title="Border management workshop", type="workshop",
            start_date=dt.date(2025, 3, 4), end_date=dt.date(2025, 3, 5), country="KZ",
        )  # fmt: skip
        ref = event.reference
    outcome = import_list(any_db, open_list(any_db, FIXTURES / "badge_and_employer.xlsx"), ref)
    assert outcome.summary()["people_created"] == 4
    with any_db.session_scope(readonly=True) as s:
        listed = event_details(s, events.find_event(s, ref))["participants"]
    assert sorted((p["family_name"], p["patronymic"], p["organization"]) for p in listed) == [
        ("Karimova", None, "Ministry of Interior"),
        ("Nurlanova", None, "Border Service"),
        ("O'Brien", None, "Irish Naturalisation and Immigration Service"),
        ("Usenov", None, "State Customs Service"),
    ]


# --- 2: headers in camelCase, snake_case, UPPER_SNAKE, with language suffixes ------------------

CODED = {
    "camel_case.csv": {
        "fullNameEn": "full_name", "fullNameRu": "full_name", "positionEn": "position",
        "orgEn": "organization", "emailAddress": "email",
    },
    "snake_case_bom.csv": {
        "first_name": "given_name", "last_name": "family_name", "middle_name": "patronymic",
        "job_title": "position", "agency_name": "organization", "country_code": "nationality",
        "e_mail": "email",
    },
    "upper_snake.xls": {
        "REC_ID": "number", "FRST_NM": "given_name", "LAST_NM": "family_name",
        "MID_NM": "patronymic", "ORG_NM": "organization", "POS_TTL": "position",
        "CTRY_CD": "nationality", "EML_ADDR": "email",
    },
    "lang_suffix.xlsx": {
        "nameLat": "full_name", "nameCyr": "full_name", "titleEng": "position",
        "titleRus": "position", "mail": "email",
    },
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(CODED))
def test_coded_headers_are_headers_and_mapped(name: str) -> None:
    understood = _understood(name)
    assert understood.header_row == 1
    assert understood.mapping == CODED[name]
    people = [row for row in understood.rows if row.kind == "person"]
    assert len(people) == 3 and all(row.person.get("email") for row in people)
    _one_column_per_name_field(understood)


def test_latin_and_local_name_columns_give_both_spellings() -> None:
    first = _understood("camel_case.csv").rows[0]
    assert first.person["family_name"] == "Ataev" and first.person["family_name_local"] == "Атаев"
    assert first.person["position"] == "Chief inspector" and first.organization == "Border Service"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1251"])
def test_a_data_row_with_an_email_is_never_the_header(tmp_path: Path, encoding: str) -> None:
    rows = [["код", "kind", "contact", "who"]]
    names = ["Атаев", "Усенов", "Каримов", "Исмаилов", "Чарыев", "Осмонов", "Рахимов", "Алиев"]
    rows += [[f"A{n}", "participant", f"user{n}@example.kz", f"{family} Сергей"]
             for n, family in enumerate(names)]  # fmt: skip
    path = tmp_path / "list.csv"
    with path.open("w", encoding=encoding, newline="") as file:
        csv.writer(file, delimiter=";").writerows(rows)
    with pytest.raises(MappingError, match="No header row with a name column"):
        understand(read_workbook(path))  # refused, rather than "0 people" from a data row
    named = understand(read_workbook(path), overrides={"who": "full_name"})
    assert named.header_row == 1 and len(_people(named)) == 8


# --- 3: job titles in a Role column -------------------------------------------------------------


def test_job_titles_in_a_role_column_are_positions_and_the_plan_says_so() -> None:
    understood = _understood("role_job_titles.xlsx")
    assert understood.mapping == {"Name": "full_name", "Role": "position",
                                  "Nationality": "nationality"}  # fmt: skip
    assert understood.notes == [
        "column B (Role) holds job titles, not participation roles: read as the position"
        " (1 of 5 of its values are roles)"
    ]
    positions = [row.person.get("position") for row in understood.rows]
    assert positions[:2] == ["MINISTER OF FOREIGN AFFAIRS", "Minister of Foreign Affairs"]
    assert all(not row.problems for row in understood.rows)
    cyrillic = _understood("role_positions_cp1251.csv")
    assert cyrillic.mapping["Роль"] == "position"
    assert [r.person.get("position") for r in cyrillic.rows][:2] == [
        "Начальник отдела", "Заместитель председателя"
    ]  # fmt: skip


def test_a_role_column_mostly_of_roles_stays_the_role() -> None:
    understood = _understood("capacity_mixed.ods")
    assert understood.mapping["В качестве"] == "role" and understood.notes == []
    roles = [str(row.participation.get("role")) for row in understood.rows]
    assert roles[:3] == ["participant", "trainer", "moderator"]
    assert "начальник отдела" in understood.rows[3].problems[0].message


# --- 5: headers in the six OSCE languages ---------------------------------------------------------

LANGUAGES = {
    "french.xlsx": {
        "N°": "number", "Civilité": "sex", "Prénom": "given_name", "NOM": "family_name",
        "Fonction": "position", "Administration": "organization", "Pays": "nationality",
        "Courriel": "email", "Tél.": "phone",
    },
    "german.ods": {
        "Lfd. Nr.": "number", "Nachname": "family_name", "Vorname": "given_name",
        "Dienstgrad": "rank", "Dienststelle": "organization",
        "Staatsangehörigkeit": "nationality", "E-Mail-Adresse": "email",
    },
    "italian.xls": {
        "N.": "number", "Cognome": "family_name", "Nome": "given_name",
        "Ente di appartenenza": "organization", "Qualifica": "position",
        "Nazionalità": "nationality", "Indirizzo e-mail": "email",
    },
    "spanish_upper.csv": {
        "Nº": "number", "APELLIDO(S)": "family_name", "NOMBRE(S)": "given_name",
        "PUESTO": "position", "INSTITUCION": "organization", "PAIS": "nationality",
        "CORREO ELECTRONICO": "email",
    },
    "spanish_name_alone.csv": {
        "Nombre": "full_name", "Organismo": "organization", "Cargo": "position",
        "Correo electrónico": "email",
    },
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(LANGUAGES))
def test_headers_in_french_german_italian_and_spanish(name: str) -> None:
    understood = _understood(name)
    assert understood.mapping == LANGUAGES[name]
    people = [row for row in understood.rows if row.kind == "person"]
    assert len(people) == 2 and all(row.organization and row.person["email"] for row in people)


def test_french_courtesy_titles_give_the_sex() -> None:
    rows = _understood("french.xlsx").rows
    assert [str(r.person["sex"]) for r in rows] == ["male", "female"] and not rows[1].problems


@pytest.mark.parametrize(
    ("header", "field"),
    [("Prenom", "given_name"), ("PRÉNOM", "given_name"), ("prénom(s)", "given_name"),
     ("Nom de famille", "family_name"), ("Adresse électronique", "email"),
     ("E-Mail", "email"), ("Behörde", "organization"), ("BEHOERDE", None),
     ("Funktion", "position"), ("Apellido(s)", "family_name"), ("Apellidos", "family_name"),
     ("Correo electrónico", "email"), ("Organismo", "organization"), ("Cargo", "position"),
     ("Nome e cognome", "full_name"), ("Ente", "organization"), ("Nazionalita", "nationality"),
     ("Vorname", "given_name"), ("Téléphone", "phone"), ("Должность", "position")],
)  # fmt: skip
def test_header_words_in_six_languages_accents_and_case_tolerated(header: str, field: str) -> None:
    assert field_for_header(header) == field


# --- 6: one-column lists ---------------------------------------------------------------------------

ONE_COLUMN = {
    "fio_slushateley.xlsx": 4, "spisok.ods": 4, "participants.csv": 3,
    "attendees_title.xls": 3, "one_word_header.xlsx": 4,
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(ONE_COLUMN))
def test_a_one_column_list_is_read(name: str) -> None:
    understood = _understood(name)
    assert understood.header_row == 1 and list(understood.mapping.values()) == ["full_name"]
    assert len(_people(understood)) == ONE_COLUMN[name]


@pytest.mark.parametrize(
    ("name", "mapped", "header_row", "first"),
    [
        ("no_header_cp1251.csv", "A=full_name", 0, "Атаев Сергей Петрович"),
        ("unknown_header.xlsx", "A=full_name", 1, "Атаев Сергей Петрович"),
        ("unknown_header.xlsx", "Кто прибыл=full_name", 1, "Атаев Сергей Петрович"),
        ("unknown_header.xlsx", "кто  ПРИБЫЛ=full_name", 1, "Атаев Сергей Петрович"),
    ],
)
def test_a_map_alone_is_enough(
    demo_copy: Path, name: str, mapped: str, header_row: int, first: str
) -> None:
    outcome = convene("import", str(FIXTURES / name), "--event", "2025-001", "--map", mapped,
                      "--dry-run", "--json", db=demo_copy)  # fmt: skip
    assert outcome.code == 0, outcome.err
    result = outcome.json()
    assert result["header_row"] == header_row and list(result["mapping"].values()) == ["full_name"]
    assert result["rows_read"] == 4 and result["skipped"] == []
    plan = convene("import", str(FIXTURES / name), "--event", "2025-001", "--map", mapped,
                   "--dry-run", db=demo_copy)  # fmt: skip
    assert first in plan.out and "Кто Прибыл" not in plan.out


def test_without_a_map_a_list_with_no_header_is_refused_in_one_line(demo_copy: Path) -> None:
    outcome = convene("import", str(FIXTURES / "no_header_cp1251.csv"), "--event", "2025-001",
                      "--dry-run", db=demo_copy)  # fmt: skip
    assert outcome.code == 2 and "No header row with a name column" in outcome.err
    assert_one_clean_line(outcome)


# --- 9: Office packages whose parts are not under xl/ ----------------------------------------------


@pytest.mark.parametrize("name", ["parts_at_root.xlsx", "parts_in_folder.xlsx", "named_zip.zip"])
def test_a_valid_package_from_another_tool_is_read(name: str) -> None:
    path = FIXTURES / name
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    assert rows[1][0] == "Ataev Sergey"  # python-calamine reads it, so the import does
    workbook = read_workbook(path)
    assert workbook.kind == "xlsx" and workbook.sheets[0].rows[1][0] == "Ataev Sergey"
    understood = understand(workbook)
    assert _people(understood) == ["Ataev Sergey", "Nurlanova Aigerim", "Karimova Dilnoza"]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("notes_zip.xlsx", "notes_zip.xlsx is a zip archive, not a spreadsheet."),
        ("strings_elsewhere.xlsx", "save it again as .xlsx and import that."),
    ],
)
def test_a_package_the_reader_cannot_read_gets_one_sentence(name: str, message: str) -> None:
    with pytest.raises(UnreadableFile) as refused:
        read_workbook(FIXTURES / name)
    assert str(refused.value).endswith(message)


def test_the_cli_imports_a_package_with_its_parts_elsewhere(demo_copy: Path) -> None:
    outcome = convene("import", str(FIXTURES / "parts_at_root.xlsx"), "--event", "2025-001",
                      "--dry-run", "--json", db=demo_copy)  # fmt: skip
    assert outcome.code == 0, outcome.err
    result = outcome.json()
    assert result["rows_read"] == 3 and result["mapping"]["Organisation"] == "organization"


# --- the plan and the CLI say the same -----------------------------------------------------------


def test_the_cli_plan_notes_positions_read_from_a_role_column(demo_copy: Path) -> None:
    outcome = convene("import", str(FIXTURES / "role_job_titles.xlsx"), "--event", "2025-001",
                      "--dry-run", db=demo_copy)  # fmt: skip
    assert outcome.code == 0, outcome.err
    assert "note: column B (Role) holds job titles, not participation roles" in outcome.out


# --- the wizard's mapping page shows the same mapping ---------------------------------------------


@pytest.mark.parametrize(
    "name", ["role_job_titles.xlsx", "french.xlsx", "camel_case.csv", "ticks_and_laboratory.ods"]
)
def test_the_wizard_maps_the_columns_as_the_command_line_does(qtbot, demo_db, name) -> None:  # type: ignore[no-untyped-def]
    from ui.import_wizard import ImportWizard

    expected = _understood(name)
    wizard = ImportWizard(demo_db, None)
    qtbot.addWidget(wizard)
    wizard.show()
    page = wizard.file_page
    page.open_file(str(FIXTURES / name))
    qtbot.waitUntil(lambda: page.reading is None, timeout=20_000)
    page.event_box.setCurrentIndex(max(page.event_box.findText("2025-001", flags=_starts()), 0))
    wizard.next()
    preview = wizard.preview_page
    assert preview.header_spin.value() == expected.header_row
    shown = {c.key: preview.combos[c.index].currentData() for c in expected.columns
             if c.index in preview.combos and preview.combos[c.index].currentData()}  # fmt: skip
    assert shown == expected.mapping
    wizard.next()
    qtbot.waitUntil(lambda: wizard.plan is not None, timeout=20_000)
    for note in expected.notes:
        assert note in wizard.plan_page.counts.text()


def _starts():  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    return Qt.MatchFlag.MatchStartsWith


@pytest.mark.parametrize(
    ("name", "header_row", "letter_headers"),
    [("no_header_cp1251.csv", 0, "none"), ("unknown_header.xlsx", 1, "1")],
)
def test_in_the_wizard_choosing_the_name_column_is_enough(  # type: ignore[no-untyped-def]
    qtbot, demo_db, name, header_row, letter_headers
) -> None:
    from ui.import_wizard import ImportWizard

    wizard = ImportWizard(demo_db, None)
    qtbot.addWidget(wizard)
    wizard.show()
    page = wizard.file_page
    page.open_file(str(FIXTURES / name))
    qtbot.waitUntil(lambda: page.reading is None, timeout=20_000)
    wizard.next()
    preview = wizard.preview_page
    assert "No header row with a name column" in preview.message.text()
    assert wizard.understood is None and not preview.isComplete()
    combo = preview.combos[0]  # column A, offered although nothing was recognised
    combo.setCurrentIndex(combo.findData("full_name"))
    understood = wizard.understood
    assert understood is not None and preview.isComplete() and preview.message.text() == ""
    assert understood.header_row == header_row and preview.header_spin.text() == letter_headers
    assert _people(understood)[0] == "Атаев Сергей Петрович" and len(_people(understood)) == 4


def test_a_list_without_headers_leaves_no_layout_to_remember(any_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import openpyxl

    with any_db.session_scope() as s:
        ref = events.create_event(
            s, title="Seminar", type="seminar", start_date=dt.date(2025, 5, 6),
            end_date=dt.date(2025, 5, 6), country="KG",
        ).reference  # fmt: skip
    headless = open_list(any_db, FIXTURES / "no_header_cp1251.csv", overrides={"A": "full_name"})
    assert headless.header_row == 0
    assert import_list(any_db, headless, ref).summary()["people_created"] == 4
    book = openpyxl.Workbook()  # a blank first row, the headers below it
    book.active.append([None, None])
    book.active.append(["ФИО", "Страна"])
    book.active.append(["Усенов Бакыт", "KG"])
    book.save(tmp_path / "later.xlsx")
    later = open_list(any_db, tmp_path / "later.xlsx")
    assert later.header_row == 2 and not later.remembered
    assert later.mapping == {"ФИО": "full_name", "Страна": "nationality"}


def test_letters_alone_read_a_list_without_headers_from_its_first_row(tmp_path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    for row in ([None, "Атаев Сергей", "Кыргызстан"], [2, "Усенов Бакыт", "KG"],
                [3, "Каримова Дилноза", "Узбекистан"]):  # fmt: skip
        book.active.append(row)
    book.save(tmp_path / "headless.xlsx")
    workbook = read_workbook(tmp_path / "headless.xlsx")
    with pytest.raises(MappingError, match="No header row"):
        understand(workbook)
    understood = understand(workbook, overrides={"C": "nationality", "B": "full_name"})
    assert understood.header_row == 0
    assert [(r.name, r.person["nationality"]) for r in understood.rows] == [
        ("Атаев Сергей", "KG"), ("Усенов Бакыт", "KG"), ("Каримова Дилноза", "UZ"),
    ]  # fmt: skip
