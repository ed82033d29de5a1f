"""Cells the import once misread: e-mail addresses with an apostrophe, True and 1 (False and 0)
in the same column, a second header row in parentheses, and the everyday words of a status
column."""

from __future__ import annotations

import pytest

from app import reference
from app.importing import values as v
from db.enums import ParticipationStatus
from tests.test_import_values_messy import _rows, _xlsx

# --- E-mail addresses ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "addresses"),
    [
        ("sean.o'brien@osce.org", ["sean.o'brien@osce.org"]),
        ("g'ulomov@mail.uz", ["g'ulomov@mail.uz"]),
        ("o’rozov@mail.uz", ["o’rozov@mail.uz"]),
        ("'ataev@mail.kg'", ["ataev@mail.kg"]),
        ("«ataev@mail.kg»", ["ataev@mail.kg"]),
        ("E-mail: 'g'ulomov@mail.uz', личный", ["g'ulomov@mail.uz"]),
        ("a@b.kg; sean.o'brien@osce.org.", ["a@b.kg", "sean.o'brien@osce.org"]),
    ],
)
def test_an_apostrophe_in_an_address_is_kept_and_quotes_around_it_are_not(
    cell: str, addresses: list[str]
) -> None:
    assert v.email_addresses(cell) == addresses


def test_an_address_with_an_apostrophe_is_stored_whole(tmp_path) -> None:  # type: ignore[no-untyped-def]
    rows = _rows(_xlsx(tmp_path / "list.xlsx", [
        ["Family name", "Given name", "E-mail"],
        ["O'Brien", "Sean", "sean.o'brien@osce.org"],
        ["Gulomov", "Aziz", "g'ulomov@mail.uz"],
    ]))  # fmt: skip
    assert rows[2].person["email"] == "sean.o'brien@osce.org"
    assert rows[3].person["email"] == "g'ulomov@mail.uz"
    assert rows[2].problems == rows[3].problems == []


# --- True and 1 ---------------------------------------------------------------------------------


def test_true_and_one_false_and_zero_are_told_apart_in_a_column(tmp_path) -> None:  # type: ignore[no-untyped-def]
    rows = _rows(_xlsx(tmp_path / "list.xlsx", [
        ["Фамилия", "Имя", "Дней"],
        [True, "Сергей", True],
        [1, "Иван", 1],
        ["Атаев", False, False],
        ["Петров", 0, 0],
        ["Бекова", "Алия", True],
        ["Усенов", "Бакыт", 1],
    ]))  # fmt: skip
    assert rows[2].kind == "person" and rows[2].person["family_name"] == "yes"
    assert rows[3].kind == "unusable" and "'1'" in rows[3].reason
    assert rows[4].kind == "person" and rows[4].person["given_name"] == "no"
    assert rows[5].kind == "unusable" and "'0'" in rows[5].reason
    # A value column is read the same way: a day count of 1 is one day, True is no count.
    assert "days_attended" not in rows[6].participation
    assert rows[7].participation["days_attended"] == 1


# --- A second header row ------------------------------------------------------------------------


def test_a_name_cell_wholly_in_parentheses_is_a_note_and_no_person(tmp_path) -> None:  # type: ignore[no-untyped-def]
    rows = _rows(_xlsx(tmp_path / "list.xlsx", [
        ["№", "Фамилия", "Имя", "Фамилия", "Имя", "Пол"],
        [None, "(на русском)", "", "(латиницей)", "", ""],
        [1, "Токтогулов", "Азамат", "Toktogulov", "Azamat", "м"],
        [2, "Иванова (Петрова)", "Мария", "Ivanova", "Maria", "ж"],
    ]))  # fmt: skip
    assert rows[2].kind == "note" and "(на русском)" in rows[2].reason
    assert rows[3].kind == rows[4].kind == "person"
    assert rows[4].person["family_name_local"] == "Иванова (Петрова)"


# --- Statuses -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "status"),
    [
        ("отсутствовал", ParticipationStatus.NO_SHOW),
        ("Отсутствовала", ParticipationStatus.NO_SHOW),
        ("отсутствовали", ParticipationStatus.NO_SHOW),
        ("не был", ParticipationStatus.NO_SHOW),
        ("не была", ParticipationStatus.NO_SHOW),
        ("не были", ParticipationStatus.NO_SHOW),
        ("absent", ParticipationStatus.NO_SHOW),
        ("отказался", ParticipationStatus.CANCELLED),
        ("отказалась", ParticipationStatus.CANCELLED),
        ("отказ", ParticipationStatus.CANCELLED),
        ("присутствовал(а)", ParticipationStatus.ATTENDED),
        ("участвовал(а)", ParticipationStatus.ATTENDED),
    ],
)
def test_everyday_status_words_are_understood(written: str, status: ParticipationStatus) -> None:
    assert v.choice_value("status", written) == status


def test_yes_and_no_in_a_status_column_are_statuses_and_elsewhere_empty(tmp_path) -> None:  # type: ignore[no-untyped-def]
    rows = _rows(_xlsx(tmp_path / "list.xlsx", [
        ["ФИО", "E-mail", "Статус"],
        ["Атаев Сергей", "нет", "нет"],
        ["Бекова Алия", "-", "да"],
        ["Усенов Бакыт", "N/A", "No"],
        ["Исаков Нурлан", "н/д", "yes"],
        ["Омурбеков Талант", "нет", "н/д"],
    ]))  # fmt: skip
    statuses = [rows[n].participation.get("status") for n in range(2, 7)]
    assert statuses == [
        ParticipationStatus.NO_SHOW,
        ParticipationStatus.ATTENDED,
        ParticipationStatus.NO_SHOW,
        ParticipationStatus.ATTENDED,
        None,  # a placeholder: the event's default
    ]
    assert all("email" not in rows[n].person and rows[n].problems == [] for n in range(2, 7))


def test_an_unreadable_role_status_or_mode_says_the_events_default_is_used(tmp_path) -> None:  # type: ignore[no-untyped-def]
    rows = _rows(_xlsx(tmp_path / "list.xlsx", [
        ["ФИО", "Роль", "Статус", "Формат", "E-mail"],
        ["Атаев Сергей", "жонглёр", "может быть", "гибрид", "ataev.mail.kg"],
        ["Исмаилов Берик", "участник", None, None, None],  # the column holds roles (1 of 2)
    ]))  # fmt: skip
    messages = [p.message for p in rows[2].problems]
    assert len(messages) == 4
    assert [m.endswith("; the event's default is used") for m in messages] == [
        True,
        True,
        True,
        False,
    ]
    assert messages[3].endswith("; left empty")
    assert not {"role", "status", "mode"} & rows[2].participation.keys()


@pytest.mark.parametrize(("written", "code"), [("Türkmenistan", "TM"), ("Кыргызия", "KG")])
def test_turkmen_and_kyrgyz_everyday_country_names_are_found(written: str, code: str) -> None:
    assert reference.find_country(written) == code
