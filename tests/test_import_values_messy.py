"""Cell values as real lists write them: two-word Turkic patronymics, Latin names whose order
only the row tells, ranks written with the name, signature and note lines below the list, e-mail
cells with words around the address, placeholders such as "-" or "н/д", and the everyday names of
countries, statuses and modes."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from app import reference
from app.importing import values as v
from app.importing.importer import import_list, open_list
from app.importing.reading import read_workbook
from app.importing.understanding import ListedRow, understand
from app.queries import event_details
from app.services import events
from db.enums import AttendanceMode, ParticipationStatus, Sex
from tests.conftest import table_count


def _xlsx(path: Path, rows: list[list[Any]]) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def _csv(path: Path, rows: list[list[Any]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as file:
        csv.writer(file).writerows(rows)
    return path


def _rows(path: Path) -> dict[int, ListedRow]:
    return {row.row: row for row in understand(read_workbook(path)).rows}


def _names(row: ListedRow) -> tuple[str | None, str | None, str | None]:
    p = row.person
    return (
        p.get("family_name_local") or p.get("family_name"),
        p.get("given_name_local") or p.get("given_name"),
        p.get("patronymic_local") or p.get("patronymic"),
    )


# --- Names --------------------------------------------------------------------------------------


def test_a_turkic_patronymic_is_the_fathers_name_and_son_or_daughter_of(tmp_path) -> None:  # type: ignore[no-untyped-def]
    rows = _rows(_xlsx(tmp_path / "list.xlsx", [
        ["№", "ФИО", "Страна"],
        [1, "Токтосунова Айгуль Бакыт кызы", "KG"],
        [2, "Karimova Dilnoza Alisher qizi", "UZ"],
        [3, "Мамедов Эльдар Гусейн оглы", "AZ"],
        [4, "Асанов Нурбек Бакыт уулу", "KG"],
        [5, "Karimov Bakhtiyor Alisher o'g'li", "UZ"],
        [6, "Атаев Сергей Петрович", "KG"],
    ]))  # fmt: skip
    assert [_names(rows[n]) for n in range(2, 8)] == [
        ("Токтосунова", "Айгуль", "Бакыт кызы"),
        ("Karimova", "Dilnoza", "Alisher qizi"),
        ("Мамедов", "Эльдар", "Гусейн оглы"),
        ("Асанов", "Нурбек", "Бакыт уулу"),
        ("Karimov", "Bakhtiyor", "Alisher o'g'li"),
        ("Атаев", "Сергей", "Петрович"),
    ]
    sexes = [rows[n].person["sex"] for n in range(2, 8)]
    assert sexes == [Sex.FEMALE, Sex.FEMALE, Sex.MALE, Sex.MALE, Sex.MALE, Sex.MALE]


@pytest.mark.parametrize(
    ("patronymic", "sex"),
    [
        ("Бакыт уулу", Sex.MALE),
        ("Bakyt uulu", Sex.MALE),
        ("Alisher o'g'li", Sex.MALE),
        ("Гусейн оглы", Sex.MALE),
        ("Бакыт кызы", Sex.FEMALE),
        ("Alisher qizi", Sex.FEMALE),
        ("Serik qyzy", Sex.FEMALE),
    ],
)
def test_a_two_word_patronymic_tells_the_sex_without_a_family_name(
    patronymic: str, sex: Sex
) -> None:
    assert v.infer_sex(None, patronymic) == sex


def test_a_latin_name_is_read_in_the_order_its_own_row_shows(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # Most of the column reads "Family Given"; two rows plainly read "Given Family".
    rows = _rows(_xlsx(tmp_path / "list.xlsx", [
        ["ФИО", "Страна"],
        ["Ataev Sergey", "KG"],
        ["Karimov Bakhtiyor", "UZ"],
        ["Usenov Bakyt", "KG"],
        ["Sean O'BRIEN", "IE"],
        ["Aigerim Nurlanova", "KZ"],
        ["Smith Robert", "GB"],
        ["Yakov Smith", "US"],  # a given name that ends as a surname would
    ]))  # fmt: skip
    assert [_names(rows[n])[:2] for n in range(2, 9)] == [
        ("Ataev", "Sergey"),
        ("Karimov", "Bakhtiyor"),
        ("Usenov", "Bakyt"),
        ("O'Brien", "Sean"),
        ("Nurlanova", "Aigerim"),
        ("Smith", "Robert"),
        ("Smith", "Yakov"),
    ]
    assert rows[6].person["sex"] == Sex.FEMALE


def test_an_honorific_does_not_hide_the_order_of_the_name(tmp_path) -> None:  # type: ignore[no-untyped-def]
    rows = _rows(_xlsx(tmp_path / "list.xlsx", [
        ["ФИО", "Пол"],
        ["Karimov Bakhtiyor", "Mr"],
        ["O'Brien Sean", "Mr."],
        ["Ms Aigerim Nurlanova", None],
    ]))  # fmt: skip
    assert _names(rows[4])[:2] == ("Nurlanova", "Aigerim") and rows[4].person["sex"] == Sex.FEMALE
    assert _names(rows[3])[:2] == ("O'Brien", "Sean")


@pytest.mark.parametrize(
    ("written", "tidied"),
    [
        ("O'BRIEN", "O'Brien"),
        ("D'ARTAGNAN", "D'Artagnan"),
        ("IVANOVA-PETROVA", "Ivanova-Petrova"),
        ("O'ROZOV", "O'rozov"),  # Uzbek o' is a letter, not an Irish O'
        ("ATAEV", "Ataev"),
        ("McDonald", "McDonald"),
        # Look-alike letters of the other alphabet are written in the word's own:
        ("Атаeв", "Атаев"),  # a Latin e among Cyrillic letters
        ("Ataеv", "Ataev"),  # a Cyrillic е among Latin letters
        ("CЕРГЕЙ", "Сергей"),
        ("Атаев", "Атаев"),
    ],
)
def test_a_name_is_written_in_ordinary_case_and_one_alphabet(written: str, tidied: str) -> None:
    assert v.tidy_name(written) == tidied


def test_ranks_written_with_the_name_are_taken_off_and_kept(tmp_path) -> None:  # type: ignore[no-untyped-def]
    rows = _rows(_xlsx(tmp_path / "list.xlsx", [
        ["ФИО", "Страна"],
        ["полковник Атаев Сергей Петрович", "KG"],
        ["майор Бекова Алия", "KG"],
        ["Col. Usenov Bakyt", "KG"],
        ["Dr. Prof. Ivan Petrov", "RU"],
        ["Атаев Сергей, подполковник", "KG"],
        ["ст. лейтенант полиции Омуров Талант", "KG"],
        ["М.Р. Иванов", "RU"],
    ]))  # fmt: skip
    assert [(_names(rows[n]), rows[n].person.get("rank")) for n in range(2, 9)] == [
        (("Атаев", "Сергей", "Петрович"), "полковник"),
        (("Бекова", "Алия", None), "майор"),
        (("Usenov", "Bakyt", None), "Colonel"),
        (("Petrov", "Ivan", None), None),
        (("Атаев", "Сергей", None), "подполковник"),
        (("Омуров", "Талант", None), "старший лейтенант полиции"),
        (("Иванов", "М.", "Р."), None),  # initials, not "м-р"
    ]


def test_a_rank_column_wins_over_the_rank_in_the_name(tmp_path) -> None:  # type: ignore[no-untyped-def]
    rows = _rows(_csv(tmp_path / "list.csv", [
        ["ФИО", "Звание"],
        ["полковник Атаев Сергей", "генерал-майор"],
        ["майор Бекова Алия", ""],
        ["капитан Усенов Бакыт", "-"],
    ]))  # fmt: skip
    ranks = [(_names(rows[n])[0], rows[n].person.get("rank")) for n in (2, 3, 4)]
    assert ranks == [("Атаев", "генерал-майор"), ("Бекова", "майор"), ("Усенов", "капитан")]


# --- Rows that are no person --------------------------------------------------------------------


def test_signature_stamp_and_note_lines_are_no_people(tmp_path) -> None:  # type: ignore[no-untyped-def]
    rows = _rows(_xlsx(tmp_path / "list.xlsx", [
        ["№", "ФИО", "Пол", "Страна"],
        [1, "Атаев Сергей", "м", "KG"],
        [2, "Бекова Алия", "ж", "KG"],
        [None, "Всего участников - 2 чел.", None, None],
        [None, "Подпись", None, None],
        [None, "М.П.", None, None],
        [None, "Из них женщин: 1", None, None],
        [None, "в том числе иностранцев - 0", None, None],
        [None, "of whom women: 1", None, None],
        [None, "Prepared by: A. Petrova", None, None],
        [None, "Signature ____________", None, None],
        [None, "L.S.", None, None],
        [3, "М.П. Сидоров", "м", "RU"],  # initials, then a family name: a person
    ]))  # fmt: skip
    assert {n for n, row in rows.items() if row.kind == "person"} == {2, 3, 13}
    assert {n for n, row in rows.items() if row.kind == "note"} == set(range(5, 13))
    assert _names(rows[13])[:1] == ("Сидоров",)


def test_a_patronymic_that_is_no_name_makes_the_row_unusable(tmp_path) -> None:  # type: ignore[no-untyped-def]
    rows = _rows(_xlsx(tmp_path / "list.xlsx", [
        ["№", "Фамилия, имя, отчество", "Пол"],
        [1, "Атаев Сергей Петрович", "м"],
        [2, "Дата рождения 01.01.1980", None],
    ]))  # fmt: skip
    assert rows[2].kind == "person"
    assert rows[3].kind == "unusable" and "01.01.1980" in rows[3].reason


# --- E-mail, placeholders, countries, statuses and modes -----------------------------------------


@pytest.mark.parametrize(
    ("cell", "addresses"),
    [
        ("E-mail: omurbekov@mail.kg", ["omurbekov@mail.kg"]),
        ("ataev @mail.kg", ["ataev@mail.kg"]),
        ("ataev@ mail.kg", ["ataev@mail.kg"]),
        ("ataev@mail.kg (личный)", ["ataev@mail.kg"]),
        ("mailto:ivanov@customs.ru", ["ivanov@customs.ru"]),
        ("Иванов <ivanov@customs.ru>", ["ivanov@customs.ru"]),
        ("a@b.kg; c@d.kg", ["a@b.kg", "c@d.kg"]),
        ("a@b.kg, c@d.kg.", ["a@b.kg", "c@d.kg"]),
        ("ataev.mail.kg", []),
    ],
)
def test_email_addresses_are_found_among_other_words(cell: str, addresses: list[str]) -> None:
    assert v.email_addresses(cell) == addresses


def test_an_email_cell_keeps_its_address_and_names_only_real_extra_addresses(tmp_path) -> None:  # type: ignore[no-untyped-def]
    rows = _rows(_csv(tmp_path / "list.csv", [
        ["ФИО", "E-mail"],
        ["Омурбеков Талант", "E-mail: omurbekov@mail.kg"],
        ["Атаев Сергей", "ataev @mail.kg"],
        ["Бекова Алия", "bekova@mail.kg (личный)"],
        ["Усенов Бакыт", "usenov@mail.kg; u.bakyt@gmail.com"],
        ["Исаков Нурлан", "isakov.mail.kg"],
    ]))  # fmt: skip
    emails = [rows[n].person.get("email") for n in range(2, 7)]
    assert emails == [
        "omurbekov@mail.kg",
        "ataev@mail.kg",
        "bekova@mail.kg",
        "usenov@mail.kg",
        None,
    ]
    problems = {n: [p.message for p in rows[n].problems] for n in range(2, 7)}
    assert problems[2] == problems[3] == problems[4] == []
    assert problems[5] == ["several addresses; kept the first, not u.bakyt@gmail.com"]
    assert len(problems[6]) == 1 and "'isakov.mail.kg'" in problems[6][0]


def test_placeholder_cells_are_read_as_empty(tmp_path) -> None:  # type: ignore[no-untyped-def]
    rows = _rows(_xlsx(tmp_path / "list.xlsx", [
        ["Фамилия", "Имя", "Отчество", "Пол", "Страна", "Должность", "Телефон", "E-mail", "Примечание"],
        ["Атаев", "Сергей", "-", "-", "н/д", "—", "–", "нет", "нет"],
        ["Бекова", "Алия", "нет", "н/д", "-", "n/a", "N/A", "-", "нет замечаний"],
        ["Усенов", "Бакыт", "—", "none", "KG", "н/д", "none", "n/a", "-"],
    ]))  # fmt: skip
    for n in (2, 3, 4):
        assert rows[n].problems == [], n
        for field in ("patronymic_local", "patronymic", "position", "phone", "email"):
            assert field not in rows[n].person, (n, field)
    assert [rows[n].person["sex"] for n in (2, 3, 4)] == [Sex.MALE, Sex.FEMALE, Sex.MALE]
    assert "nationality" not in rows[2].person and rows[4].person["nationality"] == "KG"
    assert "notes" not in rows[2].participation
    assert rows[3].participation["notes"] == "нет замечаний"  # "нет" only as the whole cell


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("РФ", "RU"),
        ("КР", "KG"),
        ("РК", "KZ"),
        ("РТ", "TJ"),
        ("РУз", "UZ"),
        ("Kyrgyz Rep.", "KG"),
        ("Респ. Таджикистан", "TJ"),
        ("Kazakstan", "KZ"),
        ("U.S.A.", "US"),
        ("U.K.", "GB"),
        ("Great Britain", "GB"),
        ("Туркмения", "TM"),
        ("Kirghizia", "KG"),
        ("ФРГ", "DE"),
    ],
)
def test_countries_are_found_by_their_everyday_names(written: str, code: str) -> None:
    assert reference.find_country(written) == code


@pytest.mark.parametrize(
    ("field", "written", "value"),
    [
        ("status", "не явилась", ParticipationStatus.NO_SHOW),
        ("status", "присутствовал", ParticipationStatus.ATTENDED),
        ("status", "Присутствовала", ParticipationStatus.ATTENDED),
        ("status", "приглашена", ParticipationStatus.INVITED),
        ("status", "Не явился", ParticipationStatus.NO_SHOW),
        ("mode", "в режиме онлайн", AttendanceMode.ONLINE),
        ("mode", "офлайн", AttendanceMode.IN_PERSON),
    ],
)
def test_russian_statuses_and_modes_are_understood(field: str, written: str, value: Any) -> None:
    assert v.choice_value(field, written) == value


def test_a_hybrid_mode_is_reported_as_there_is_no_such_mode() -> None:
    with pytest.raises(ValueError, match="'гибрид' is not one of: in_person, online"):
        v.choice_value("mode", "гибрид")


def test_a_messy_list_imports_strictly_without_footer_people(sqlite_db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    with sqlite_db.session_scope() as s:
        ref = events.create_event(
            s, title="Seminar", type="seminar", start_date=dt.date(2025, 1, 1),
            end_date=dt.date(2025, 1, 2),
        ).reference  # fmt: skip
    path = _xlsx(tmp_path / "list.xlsx", [
        ["№", "ФИО", "Пол", "Страна", "Телефон", "E-mail", "Статус"],
        [1, "полковник Атаев Сергей Петрович", "-", "КР", "-", "E-mail: ataev@mail.kg", "присутствовал"],
        [2, "Токтосунова Айгуль Бакыт кызы", "н/д", "РК", "н/д", "ataev @mail.kg", "не явилась"],
        [None, "Подпись", None, None, None, None, None],
        [None, "М.П.", None, None, None, None, None],
        [None, "Из них женщин: 1", None, None, None, None, None],
    ])  # fmt: skip
    summary = import_list(sqlite_db, open_list(sqlite_db, path), ref, strict=True).summary()
    assert (summary["people_created"], summary["ignored"], summary["skipped"]) == (2, 3, [])
    assert table_count(sqlite_db, "person") == 2
    with sqlite_db.session_scope(readonly=True) as s:
        listed = event_details(s, events.find_event(s, ref))["participants"]
    found = {p["family_name_local"]: p for p in listed}
    assert set(found) == {"Атаев", "Токтосунова"}
    assert found["Атаев"]["sex"] == "male" and found["Токтосунова"]["sex"] == "female"
    assert (found["Атаев"]["nationality"], found["Токтосунова"]["nationality"]) == ("KG", "KZ")
    assert found["Токтосунова"]["status"] == "no_show" and found["Атаев"]["status"] == "attended"


# --- Names among others: order, ranks, placeholders, Kyrgyz family names ------------------------


def test_a_latin_given_family_name_does_not_turn_the_cyrillic_names_of_its_column(tmp_path) -> None:  # type: ignore[no-untyped-def]
    rows = _rows(_xlsx(tmp_path / "list.xlsx", [
        ["ФИО", "Страна", "Ведомство"],
        ["Атаев Сергей", "Кыргызстан", "ГПС"],
        ["Бекова Алия", "Кыргызстан", "ГТС"],
        ["Усенов Бакыт", "Кыргызстан", "ГПС"],
        ["John Smith", "США", "State Department"],
        ["Алия Нурланова", "Казахстан", "ПС КНБ"],  # the row itself reads given first
        ["Сергей Иванович Петров", "Россия", "ФТС"],
        ["Ли Виктор", "Казахстан", "ПС КНБ"],  # nothing in the name tells its order
        ["Цой Анна", "Казахстан", "ПС КНБ"],
    ]))  # fmt: skip
    assert [_names(rows[n]) for n in range(2, 10)] == [
        ("Атаев", "Сергей", None),
        ("Бекова", "Алия", None),
        ("Усенов", "Бакыт", None),
        ("Smith", "John", None),
        ("Нурланова", "Алия", None),
        ("Петров", "Сергей", "Иванович"),
        ("Ли", "Виктор", None),
        ("Цой", "Анна", None),
    ]


@pytest.mark.parametrize(
    ("written", "parts", "rank"),
    [
        ("Major John", ("Major", "John", None), None),
        ("Серж Саргсян", ("Саргсян", "Серж", None), None),
        ("Саргсян Серж Азатович", ("Саргсян", "Серж", "Азатович"), None),
        ("Серж Азатович Саргсян", ("Саргсян", "Серж", "Азатович"), None),
        ("Ген Ли", ("Ген", "Ли", None), None),
        ("Major John Smith", ("Smith", "John", None), "Major"),
        ("майор Бекова Алия", ("Бекова", "Алия", None), "майор"),
    ],
)
def test_a_rank_word_is_taken_off_a_name_only_when_a_whole_name_stays(
    written: str, parts: tuple[str, str, str | None], rank: str | None
) -> None:
    split = v.split_full_name(written)
    assert ((split.family, split.given, split.patronymic), split.rank) == (parts, rank)


def test_a_rank_is_taken_off_a_family_name_column_when_a_name_stays(tmp_path) -> None:  # type: ignore[no-untyped-def]
    rows = _rows(_xlsx(tmp_path / "list.xlsx", [
        ["Фамилия", "Имя", "Отчество", "Страна"],
        ["полковник Атаев", "Сергей", "Петрович", "Кыргызстан"],
        ["Major", "John", None, "United Kingdom"],
        ["Col. Smith", "Robert", None, "United Kingdom"],
    ]))  # fmt: skip
    assert [(_names(rows[n]), rows[n].person.get("rank")) for n in (2, 3, 4)] == [
        (("Атаев", "Сергей", "Петрович"), "полковник"),
        (("Major", "John", None), None),
        (("Smith", "Robert", None), "Colonel"),
    ]


def test_names_that_are_also_placeholder_words_are_names(tmp_path) -> None:  # type: ignore[no-untyped-def]
    rows = _rows(_xlsx(tmp_path / "list.xlsx", [
        ["Surname", "First name", "Middle name", "Sex", "Phone", "E-mail"],
        ["Aydın", "Nil", "n/a", "F", "null", "nil"],
        ["Null", "Jan", "-", "M", "none", "-"],
        ["Kaya", "Mehmet", "none", "M", "-", "-"],
    ]))  # fmt: skip
    assert [_names(rows[n]) for n in (2, 3, 4)] == [
        ("Aydın", "Nil", None), ("Null", "Jan", None), ("Kaya", "Mehmet", None),
    ]  # fmt: skip
    for n in (2, 3, 4):
        assert rows[n].problems == [] and "phone" not in rows[n].person, n
        assert "email" not in rows[n].person, n
    assert v.is_placeholder("Nil") and not v.is_placeholder("Nil", in_name=True)
    assert v.is_placeholder("н/д", in_name=True) and v.is_placeholder("—", in_name=True)


@pytest.mark.parametrize(
    ("written", "parts"),
    [
        ("Бакыт уулу Нурбек", ("Бакыт уулу", "Нурбек", None)),
        ("Асан кызы Айгерим", ("Асан кызы", "Айгерим", None)),
        ("Бакыт уулу Нурбек Асанович", ("Бакыт уулу", "Нурбек", "Асанович")),
        ("Nurbek Bakyt uulu", ("Bakyt uulu", "Nurbek", None)),
        ("BAKYT UULU Nurbek", ("Bakyt uulu", "Nurbek", None)),
        ("Асанов Нурбек Бакыт уулу", ("Асанов", "Нурбек", "Бакыт уулу")),
        ("Токтосунова Айгуль Мария Бакыт кызы", ("Токтосунова", "Айгуль Мария", "Бакыт кызы")),
        ("Нурбек Бакыт уулу Асанов", ("Асанов", "Нурбек", "Бакыт уулу")),
    ],
)
def test_a_kyrgyz_son_or_daughter_of_name_is_kept_whole(
    written: str, parts: tuple[str, str, str | None]
) -> None:
    split = v.split_full_name(written)
    assert (split.family, split.given, split.patronymic) == parts


def test_a_kyrgyz_family_name_tells_the_sex(tmp_path) -> None:  # type: ignore[no-untyped-def]
    rows = _rows(_xlsx(tmp_path / "list.xlsx", [
        ["ФИО", "Страна"],
        ["Бакыт уулу Нурбек", "KG"],
        ["Асан кызы Айгерим", "KG"],
    ]))  # fmt: skip
    assert [rows[n].person["sex"] for n in (2, 3)] == [Sex.MALE, Sex.FEMALE]
    assert all(rows[n].person.get("patronymic_local") is None for n in (2, 3))


def test_a_name_typed_with_a_lookalike_letter_is_stored_in_its_own_script(tmp_path) -> None:  # type: ignore[no-untyped-def]
    rows = _rows(_xlsx(tmp_path / "list.xlsx", [
        ["ФИО", "Страна"],
        ["Атаeв Сергей Петрович", "KG"],
        ["Ataеv Sergey", "KG"],
    ]))  # fmt: skip
    assert rows[2].person["family_name_local"] == "Атаев"
    assert rows[3].person["family_name"] == "Ataev" and "family_name_local" not in rows[3].person


# --- Footer words in names, totals words in other cells, country headings ----------------------


def test_a_footer_word_as_a_family_name_beside_a_given_name_is_a_person(tmp_path) -> None:  # type: ignore[no-untyped-def]
    rows = _rows(_xlsx(tmp_path / "list.xlsx", [
        ["№", "Surname", "First name", "Sex", "Country"],
        [1, "Stamp", "Terence", "M", "United Kingdom"],
        [2, "Note", "Peter", "M", "Germany"],
        [3, "Count", "Maria", "F", "Italy"],
        [4, "Sum", "Olga", "F", "Russia"],
        ["Total", 4, None, None, None],
        [None, "Total", None, None, None],
        [None, "Stamp", None, None, None],
        [None, "Count:", "4 participants", None, None],
        [None, "Note: two arrived late", None, None, None],
    ]))  # fmt: skip
    assert [_names(rows[n])[:2] for n in range(2, 6)] == [
        ("Stamp", "Terence"), ("Note", "Peter"), ("Count", "Maria"), ("Sum", "Olga"),
    ]  # fmt: skip
    assert [rows[n].kind for n in range(6, 11)] == ["total", "total", "note", "total", "note"]


def test_a_footer_word_opening_a_full_name_is_a_person_when_the_row_is_one(tmp_path) -> None:  # type: ignore[no-untyped-def]
    rows = _rows(_xlsx(tmp_path / "list.xlsx", [
        ["ФИО", "Пол", "Страна"],
        ["Stamp Terence", "м", "Великобритания"],
        ["Sum Olga", "ж", "Россия"],
        ["Всего участников", None, None],
        ["Total Participants", None, None],
        ["Составил Петрова А.А.", None, None],
        ["Итого", 2, None],
    ]))  # fmt: skip
    assert [_names(rows[n])[:2] for n in (2, 3)] == [("Stamp", "Terence"), ("Sum", "Olga")]
    assert [rows[n].kind for n in range(4, 8)] == ["total", "total", "note", "total"]


def test_a_totals_word_in_another_cell_leaves_the_person_in(tmp_path) -> None:  # type: ignore[no-untyped-def]
    rows = _rows(_xlsx(tmp_path / "list.xlsx", [
        ["ФИО", "Пол", "Ведомство", "Должность", "Примечание"],
        ["Атаев Сергей Петрович", "м", "Total E&P Kazakhstan", "Инженер", None],
        ["Бекова Алия Маратовна", "ж", "ГТС", "Инспектор", "всего 2 дня из 3"],
        ["Усенов Бакыт Асанович", "м", "ГПС", "Итого-контролёр", None],
        ["Омуров Талант", "м", "ГПС", "Начальник", "Примечание: прибыл позже"],
    ]))  # fmt: skip
    assert [rows[n].kind for n in range(2, 6)] == ["person"] * 4
    assert rows[2].organization == "Total E&P Kazakhstan"
    assert rows[3].participation["notes"] == "всего 2 дня из 3"
    assert rows[4].person["position"] == "Итого-контролёр"


def test_a_country_alone_in_the_name_column_is_a_heading(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "list.xlsx"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["ФИО", "Пол", "Ведомство", "Должность"])
    sheet.append(["Кыргызская Республика"])
    sheet.merge_cells("A2:D2")
    sheet.append(["Атаев Сергей Петрович", "м", "ГПС", "Майор"])
    sheet.append(["Узбекистан"])  # not merged
    sheet.append(["Каримов Бахтиёр", "м", "ГТК", "Инспектор"])
    sheet.append(["Republic of Kazakhstan"])
    sheet.append(["Нурланова Айгерим", "ж", "ПС КНБ", "Капитан"])
    sheet.append(["Li"])  # a surname, though LI is also a country's code
    workbook.save(path)
    rows = _rows(path)
    assert [rows[n].kind for n in range(2, 9)] == [
        "heading", "person", "heading", "person", "heading", "person", "person",
    ]  # fmt: skip
    assert [rows[n].person["nationality"] for n in (3, 5, 7)] == ["KG", "UZ", "KZ"]
    assert _names(rows[8])[0] == "Li"
