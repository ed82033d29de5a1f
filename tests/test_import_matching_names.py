"""Importing lists: a name alike is never taken for another person (Берик is not Серик, Ахмедов
is not Ахметов), and the Latin spellings Central Asian names are published in find the person
stored in Cyrillic, or are asked about — never created anew.

The lists are written by openpyxl, by Python's csv in Windows-1251 (as Russian-locale Excel
saves them) and read by the ``import --dry-run --json`` command; SQLite and PostgreSQL alike."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest
from openpyxl import Workbook

from app.importing.importer import import_list, open_list, plan_import
from app.importing.planning import AMBIGUOUS, DUPLICATE, MATCHED, NEW
from app.services import events, people
from tests.cli_runner import convene
from tests.conftest import table_count


@pytest.fixture
def workshop(any_db):  # type: ignore[no-untyped-def]
    with any_db.session_scope() as s:
        event = events.create_event(
            s, title="Workshop on risk profiling", type="workshop", start_date=dt.date(2025, 9, 2),
            end_date=dt.date(2025, 9, 4), city="Almaty", country="KZ",
        )  # fmt: skip
        return any_db, event.reference


def _store(database, *names: tuple[str, str, str, str | None]) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """People stored as the forms take them: local family, given, patronymic, nationality."""
    ids = {}
    with database.session_scope() as s:
        for family, given, patronymic, country in names:
            ids[f"{family} {given}"] = people.create_person(
                s, family_name_local=family, given_name_local=given,
                patronymic_local=patronymic, nationality=country,
            ).id  # fmt: skip
    return ids


def _xlsx(path: Path, header: list[str], rows: list[list[object]]) -> Path:
    book = Workbook()
    book.active.append(header)
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def _rows(database, path: Path, ref: str):  # type: ignore[no-untyped-def]
    plan = plan_import(database, open_list(database, path), ref)
    return [r for r in plan.rows if r.listed.kind == "person"]


# Different given names that whole-name fuzzy scores took for one (Berik/Serik 92 %), and
# family names one letter apart; each row's person is not stored.
ALIKE_BUT_OTHERS = [
    (("Исмаилов", "Серик", "Бахытович", "KZ"), ["ISMAILOV", "BERIK", "KZ", "berik.i@kgd.gov.kz"]),
    (("Тулегенов", "Нурлан", None, "KZ"), ["Tulegenov", "Nurzhan", "KZ", None]),
    (("Сапарова", "Алия", None, "KG"), ["Saparova", "Alina", "KG", None]),
    (("Ахметов", "Ерлан", None, "KZ"), ["Akhmedov", "Yerlan", "KZ", None]),
    (("Жумабаева", "Айгуль", None, "KG"), ["Zhumabaev", "Aigul", "KG", None]),
    (("Рахимов", "Далер", None, "TJ"), ["Rakhimov", "Dalir", "TJ", None]),
]


def test_a_name_alike_is_never_matched_to_another_person(workshop, tmp_path) -> None:  # type: ignore[no-untyped-def]
    database, ref = workshop
    _store(database, *(stored for stored, _row in ALIKE_BUT_OTHERS))
    path = _xlsx(tmp_path / "alike.xlsx", ["Surname", "Name", "Country", "E-mail"],
                 [row for _stored, row in ALIKE_BUT_OTHERS])  # fmt: skip
    rows = _rows(database, path, ref)
    assert [(r.outcome, r.candidates) for r in rows] == [(NEW, [])] * len(ALIKE_BUT_OTHERS), [
        (r.outcome, r.why) for r in rows
    ]
    summary = import_list(database, open_list(database, path), ref).summary()
    assert summary["people_created"] == len(ALIKE_BUT_OTHERS)
    assert table_count(database, "person") == 2 * len(ALIKE_BUT_OTHERS)


def test_the_real_person_later_in_the_list_is_not_folded_into_a_namesake_row(
    workshop, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    database, ref = workshop
    ids = _store(database, ("Исмаилов", "Серик", "Бахытович", "KZ"))
    path = _xlsx(tmp_path / "both.xlsx", ["Фамилия", "Имя", "Страна", "E-mail"], [
        ["ISMAILOV", "BERIK", "KZ", "info@kgd.gov.kz"],
        ["Tulegenov", "Nurzhan", "KZ", "info@kgd.gov.kz"],  # an office's address on three rows
        ["Исмаилов", "Серик", "KZ", None],
        ["Tulegenov", "Nurlan", "KZ", "info@kgd.gov.kz"],
        ["ISMAILOV", "SERIK", "KZ", None],  # the same person as the row before the last
    ])  # fmt: skip
    rows = _rows(database, path, ref)
    outcomes = [(r.outcome, r.person_id, r.duplicate_of) for r in rows]
    serik = ids["Исмаилов Серик"]
    assert outcomes == [
        (NEW, None, None), (NEW, None, None), (MATCHED, serik, None), (NEW, None, None),
        (DUPLICATE, None, 4),
    ], [(r.outcome, r.why) for r in rows]  # fmt: skip
    assert "not the person of row 2 (another name, the same e-mail address)" in rows[3].why


# (stored in Cyrillic, as listed in Latin): j for Й, the Kazakh form of a name, Uzbek, Kyrgyz,
# Tajik and Turkmen Latin, German; most were created anew before (their folded names begin
# otherwise), the others were matched only by a whole-name score that also took Берик for Серик.
SPELLED_OTHERWISE = [
    (("Кайырбекова", "Айгуль", "KG"), ["KAJYRBEKOVA", "AJGUL", "KG"]),
    (("Тлеубаев", "Ерлан", "KZ"), ["Tileubayev", "Yerlan", "KZ"]),
    (("Тілеуов", "Асқар", "KZ"), ["Tleuov", "Askar", "KZ"]),
    (("Уринбаев", "Акмал", "UZ"), ["Oʻrinboyev", "Akmal", "UZ"]),
    (("Гулямов", "Рустам", "UZ"), ["G'ulomov", "Rustam", "UZ"]),
    (("Нормурадов", "Уктам", "UZ"), ["Normurodov", "Oʻktam", "UZ"]),
    (("Касымзода", "Фаридун", "TJ"), ["Qosimzoda", "Faridun", "TJ"]),
    (("Гафуров", "Ҷамшед", "TJ"), ["Ghafurov", "Jamshed", "TJ"]),
    (("Өмүрбеков", "Азамат", "KG"), ["Ömürbekov", "Azamat", "KG"]),
    (("Чарыев", "Мерген", "TM"), ["Çaryýew", "Mergen", "TM"]),
    (("Сатториён", "Матлуба", "TJ"), ["Sattoriýon", "Matluba", "TJ"]),
    (("Аринов", "Чингис", "KZ"), ["Arinow", "Tschingis", "KZ"]),
    (("Мырзакматов", "Эркин", "KG"), ["Murzakmatov", "Erkin", "KG"]),
    (("Жаңыбеков", "Талант", "KG"), ["Jangybekov", "Talant", "KG"]),
    (("Мурадов", "Ыхлас", "TM"), ["Myradow", "Yhlas", "TM"]),
    (("Ягшимурадов", "Аннагелди", "TM"), ["Ýagşymyradow", "Annageldi", "TM"]),
    (("Шукуров", "Нурмухаммет", "TM"), ["Şükürow", "Nurmuhammet", "TM"]),
]


def test_published_latin_spellings_find_the_person_stored_in_cyrillic(workshop, tmp_path) -> None:  # type: ignore[no-untyped-def]
    database, ref = workshop
    ids = _store(database, *((f, g, None, c) for (f, g, c), _row in SPELLED_OTHERWISE))
    # namesakes that must not be taken instead: the same family name, another given name
    _store(database, ("Кайырбекова", "Айдай", None, "KG"), ("Нормурадов", "Шухрат", None, "UZ"))
    path = _xlsx(tmp_path / "latin.xlsx", ["Surname", "First name", "Nationality"],
                 [row for _stored, row in SPELLED_OTHERWISE])  # fmt: skip
    rows = _rows(database, path, ref)
    not_found = [
        (listed, row.outcome, row.why)
        for ((family, given, _c), listed), row in zip(SPELLED_OTHERWISE, rows, strict=True)
        if not (row.outcome == MATCHED and row.person_id == ids[f"{family} {given}"])
        and not (
            row.outcome == AMBIGUOUS
            and [c.person_id for c in row.candidates] == [ids[f"{family} {given}"]]
        )
    ]
    assert not_found == []
    # an exact reading is a match; a name alike only in its vowels is asked about
    assert [r.outcome for r in rows[:1]] == [MATCHED]
    assert rows[1].outcome == AMBIGUOUS and "family name spelled alike" in rows[1].why


def test_short_forms_and_variants_of_a_given_name_are_asked_about(workshop, tmp_path) -> None:  # type: ignore[no-untyped-def]
    database, ref = workshop
    ids = _store(
        database, ("Осмонов", "Нурланбек", None, "KG"), ("Асанов", "Бакытбек", None, "KG"),
        ("Ким", "Александр", None, "KZ"), ("Петров", "Сергей", None, "KZ"),
    )  # fmt: skip
    path = _xlsx(tmp_path / "short.xlsx", ["Фамилия", "Имя", "Страна"], [
        ["Osmonov", "Nurlan", "KG"], ["Асанов", "Бакыт", "KG"], ["Kim", "Sasha", "KZ"],
        ["Петров", "Серёжа", "KZ"],
    ])  # fmt: skip
    rows = _rows(database, path, ref)
    assert [r.outcome for r in rows] == [AMBIGUOUS] * 4, [(r.outcome, r.why) for r in rows]
    wanted = ["Осмонов Нурланбек", "Асанов Бакытбек", "Ким Александр", "Петров Сергей"]
    assert [[c.person_id for c in r.candidates] for r in rows] == [[ids[n]] for n in wanted]
    assert all("a short form or variant of the given name" in r.why for r in rows)


def test_a_csv_in_windows_1251_through_the_command_line(sqlite_db, sqlite_path, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Saved by Russian-locale Excel; read by ``import --dry-run --json``: j for Й is matched,
    Берик is not Серик, and the two Сериков of the list are one person."""
    _store(sqlite_db, ("Исмаилов", "Серик", "Бахытович", "KZ"),
           ("Сулайманов", "Айбек", None, "KG"), ("Кайырбекова", "Айгуль", None, "KG"))  # fmt: skip
    with sqlite_db.session_scope() as s:
        ref = events.create_event(
            s, title="Risk analysis seminar", type="seminar", start_date=dt.date(2025, 5, 12),
            end_date=dt.date(2025, 5, 13), city="Bishkek", country="KG",
        ).reference  # fmt: skip
    path = tmp_path / "список.csv"
    with path.open("w", encoding="cp1251", newline="") as f:
        writer = csv.writer(f, delimiter=";")
        writer.writerow(["Фамилия", "Имя", "Страна"])
        writer.writerows([
            ["ISMAILOV", "BERIK", "Казахстан"], ["Sulajmanov", "Ajbek", "Кыргызстан"],
            ["Исмаилов", "Серик", "Казахстан"], ["KAJYRBEKOVA", "AJGUL", "Кыргызстан"],
            ["Ismailov", "Serik", "Казахстан"],
        ])  # fmt: skip
    outcome = convene("import", str(path), "--event", ref, "--dry-run", "--json", db=sqlite_path)
    assert outcome.code == 0, outcome.err
    result = outcome.json()
    assert (result["people_created"], result["people_matched"]) == (1, 3), result
    assert result["skipped"] == [{"row": 6, "reason": "the same person as row 4"}]


def test_a_person_found_by_address_under_another_spelling_is_that_person(
    workshop, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    database, ref = workshop
    with database.session_scope() as s:
        people.create_person(
            s, family_name_local="Сулайманов", given_name_local="Айбек", nationality="KG",
            email="a.sulaimanov@customs.kg",
        )  # fmt: skip
    path = _xlsx(tmp_path / "mail.xlsx", ["Surname", "Name", "E-mail"],
                 [["Sulajmanov", "Ajbek", "a.sulaimanov@customs.kg"]])  # fmt: skip
    [row] = _rows(database, path, ref)
    assert (row.outcome, row.why) == (MATCHED, "same e-mail address")


def test_a_cyrillic_list_finds_people_stored_in_uzbek_latin(workshop, tmp_path) -> None:  # type: ignore[no-untyped-def]
    database, ref = workshop
    with database.session_scope() as s:
        stored = [
            people.create_person(s, family_name=family, given_name=given, nationality="UZ").id
            for family, given in (("Xasanov", "Baxtiyor"), ("Qodirova", "Gʻuzal"))
        ]
    path = _xlsx(tmp_path / "cyrillic.xlsx", ["Фамилия", "Имя", "Гражданство"],
                 [["Хасанов", "Бахтиёр", "Узбекистан"], ["Қодирова", "Гўзал", "Узбекистан"]])  # fmt: skip
    rows = _rows(database, path, ref)
    assert [(r.outcome, r.person_id) for r in rows] == [(MATCHED, p) for p in stored], [
        r.why for r in rows
    ]
