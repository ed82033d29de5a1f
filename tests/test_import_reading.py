"""Reading real attendee lists: every format, the messy layouts, and files that cannot be read."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from app.importing.mapping import MappingError
from app.importing.reading import UnreadableFile, read_workbook
from app.importing.understanding import understand
from db.enums import AttendanceMode, ParticipationRole, ParticipationStatus, Sex

FIXTURES = Path(__file__).parent / "fixtures" / "import"
RUSSIAN = ["ru_conference.xlsx", "ru_conference.xls", "ru_conference.ods"]


def _people(name: str, **options):  # type: ignore[no-untyped-def]
    understood = understand(read_workbook(FIXTURES / name), **options)
    return understood, [r for r in understood.rows if r.kind == "person"]


@pytest.mark.parametrize("name", RUSSIAN)
def test_the_russian_list_is_understood_in_every_format(name: str) -> None:
    understood, people = _people(name)
    assert understood.header_row == 4  # below the title and date rows
    assert understood.mapping == {
        "№ п/п": "number", "Ф.И.О.": "full_name", "Пол": "sex", "Страна": "nationality",
        "Ведомство": "organization", "Должность": "position", "E-mail": "email",
        "Телефон": "phone",
    }  # fmt: skip
    assert [p.name for p in people] == [
        "Атаев Сергей Иванович", "Жумабекова Айгуль Маратовна", "Исмаилов Бахтиёр Рустамович",
        "Хайдаров Фаррух", "Чарыев Мерген", "Юлдашева Наталья Викторовна", "Осмонов Нурлан",
        "Алексеев Алексей Петрович", "Рахимов Далер",
    ]  # fmt: skip
    ataev = people[0].person
    assert ataev["family_name_local"] == "Атаев"  # "АТАЕВ" in capitals, tidied
    assert ataev["patronymic_local"] == "Иванович"
    assert ataev["sex"] == Sex.MALE and ataev["nationality"] == "KZ"
    assert ataev["email"] == "ataev.s@kgp.kz"  # stray spaces gone
    assert ataev["phone"] == "77012345678"  # a number, kept as digits
    assert people[1].person["email"] == "a.zhumabekova@kgd.gov.kz"
    assert people[1].person["sex"] == Sex.FEMALE  # "жен."
    assert people[5].person["nationality"] == "KG"  # from "Делегация Кыргызской Республики"
    assert people[6].person["sex"] == Sex.MALE  # "Г-н"
    # The delegation's agency is one cell merged down two rows: both get it.
    assert people[5].organization == people[6].organization == "Пограничная служба ГКНБ"
    assert people[8].person["sex"] == Sex.MALE  # no sex given: "Рахимов" tells it
    assert people[8].notes == ["sex taken from the name (male)"]
    kinds = {r.row: (r.kind, r.reason) for r in understood.rows if r.kind != "person"}
    assert kinds[8] == ("blank", "blank row")
    assert kinds[11][0] == "heading"
    assert kinds[16] == ("total", "totals row")  # Итого: 9 участников
    if name != "ru_conference.xlsx":  # LibreOffice stored the =COUNTA() result, 9
        assert kinds[17] == ("total", "numbers only (numbering or a total)")


def test_an_excel_binary_workbook_is_read_like_the_others() -> None:
    """ru_conference.xlsb: LibreOffice's values of the list, written by pyxlsbwriter (values only:
    the merged agency cell is in its first row alone)."""
    assert read_workbook(FIXTURES / "ru_conference.xlsb").kind == "xlsb"
    binary, people = _people("ru_conference.xlsb")
    sheet, expected = _people("ru_conference.ods")
    assert binary.header_row == sheet.header_row == 4
    assert binary.mapping == sheet.mapping
    assert [p.name for p in people] == [p.name for p in expected]
    assert [p.person for p in people] == [p.person for p in expected]
    assert people[5].organization == "Пограничная служба ГКНБ" and people[6].organization is None


def test_a_bad_value_is_reported_by_row_and_column_and_left_out() -> None:
    _understood, people = _people("ru_conference.xlsx")
    haidarov = people[3]
    assert haidarov.row == 9
    assert [p.describe() for p in haidarov.problems] == [
        "column G (E-mail): 'haidarov@mail' is not an e-mail address; left empty"
    ]
    assert "email" not in haidarov.person and haidarov.person["phone"] == "992 93 555 44 33"


def test_the_english_list_reads_titles_as_sex_and_iso_codes_as_countries() -> None:
    understood, people = _people("en_conference.xlsx")
    assert understood.header_row == 3
    assert understood.mapping["Title"] == "sex"
    assert [(p.person["family_name"], p.person["sex"], p.person["nationality"]) for p in people[:4]] == [
        ("Atayev", Sex.MALE, "KZ"), ("Zhumabekova", Sex.FEMALE, "KZ"),
        ("Ismailov", Sex.MALE, "UZ"), ("Haydarov", Sex.MALE, "TJ"),
    ]  # fmt: skip
    assert understood.rows[-1].kind == "total"  # "Total"


@pytest.mark.parametrize(
    ("name", "encoding", "delimiter"),
    [
        ("ru_cp1251_semicolon.csv", "cp1251", ";"),
        ("ru_utf8_semicolon.csv", "utf-8", ";"),
        ("en_utf8_bom_comma.csv", "utf-8-sig", ","),
        ("en_utf8_comma.csv", "utf-8", ","),
        ("en_utf8_tab.txt", "utf-8", "\t"),
        ("ru_utf16_tab.txt", "utf-16", "\t"),  # Unicode text, as Excel and LibreOffice save it
    ],
)
def test_csv_encoding_and_separator_are_detected(name: str, encoding: str, delimiter: str) -> None:
    understood, people = _people(name)
    assert (understood.workbook.encoding, understood.workbook.delimiter) == (encoding, delimiter)
    first = people[0].person
    assert first.get("family_name_local", first.get("family_name")) in ("Атаев", "Atayev")
    assert first["nationality"] == "KZ"
    if name.startswith("ru"):
        assert first["patronymic_local"] == "Иванович"
        assert understood.rows[-1].kind == "total"  # "Итого: 5"


def test_a_latin_full_name_column_written_given_first_is_split_right() -> None:
    understood, people = _people("full_name_latin.xlsx")
    assert understood.mapping["Full name"] == "full_name"
    assert [(p.person["family_name"], p.person["given_name"]) for p in people] == [
        ("Ataev", "Sergey"), ("Zhumabekova", "Aigul"), ("Haidarov", "Farrukh"), ("Smith", "John"),
    ]  # fmt: skip
    assert people[3].person["sex"] == Sex.MALE  # "Mr. John Smith"
    assert understood.mapping["Participation"] == "mode" and understood.mapping["Role"] == "role"
    assert [(p.participation.get("mode"), p.participation.get("role")) for p in people] == [
        (AttendanceMode.IN_PERSON, None),
        (AttendanceMode.ONLINE, ParticipationRole.SPEAKER),
        (AttendanceMode.ONLINE, ParticipationRole.PARTICIPANT),
        (AttendanceMode.IN_PERSON, ParticipationRole.TRAINER),
    ]
    assert people[1].person["phone"] == "77015551234"
    assert understood.rows[-1].kind == "total"  # a lone "9"


def test_day_columns_dated_four_ways_count_the_days_attended() -> None:
    understood, people = _people("sign_in_days.xlsx")
    days = [c.day for c in understood.columns if c.field == "day"]
    assert days == [dt.date(2022, 12, 13), dt.date(2022, 12, 14), dt.date(2022, 12, 15),
                    dt.date(2022, 12, 16)]  # fmt: skip
    assert [(p.participation["days_attended"], p.participation["status"]) for p in people] == [
        (4, ParticipationStatus.ATTENDED),
        (2, ParticipationStatus.PARTIALLY_ATTENDED),
        (0, ParticipationStatus.NO_SHOW),
    ]


def test_header_row_and_columns_can_be_chosen() -> None:
    understood, people = _people(
        "en_conference.xlsx", header_row=3, overrides={"Position": None, "B": "position"}
    )
    assert "Position" not in understood.mapping
    assert understood.mapping["Title"] == "position"
    assert people[0].person["position"] == "Mr"
    with pytest.raises(MappingError, match="no column 'Passport'"):
        _people("en_conference.xlsx", overrides={"Passport": "notes"})
    with pytest.raises(MappingError, match="No column holds the people's names"):
        _people("en_conference.xlsx", header_row=1)


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("empty.csv", "The file empty.csv is empty."),
        ("truncated.xlsx", "damaged or incomplete"),
        ("picture.xlsx", "is not a spreadsheet or a CSV file"),
        ("password_protected.xlsx", "protected with a password"),
        ("zip_bomb.xlsx", "which no real attendee list does"),
        ("empty_sheet.xlsx", "Sheet 'Empty' of empty_sheet.xlsx is empty."),
        ("no_names.xlsx", "No header row with a name column"),
        ("missing.xlsx", "There is no file"),
    ],
)
def test_unusable_files_get_one_clear_sentence(name: str, message: str) -> None:
    with pytest.raises((UnreadableFile, MappingError)) as caught:
        understand(read_workbook(FIXTURES / name))
    text = str(caught.value)
    assert message in text and "\n" not in text and text.endswith(".")


def test_an_unknown_sheet_names_the_sheets_there_are() -> None:
    with pytest.raises(UnreadableFile, match=r"has no sheet called 'Лист2' \(it has 'Участники'\)"):
        understand(read_workbook(FIXTURES / "ru_conference.xlsx"), "Лист2")
