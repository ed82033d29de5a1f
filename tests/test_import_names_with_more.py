"""Issue 17, class 7: name cells that hold more than the name. An e-mail address written with
the name ("Dana Miles <dana@…>") is read into the e-mail, an organisation in parentheses into
the agency, honorifics ("SHEIKH DR.", "Prof. Dr. med.", "Tan Sri") are taken off and never
become a given name, Arabic and Malay particles (bin, binti, Ould, Al-, Abu) and Romance ones
(de la, dos, y) stay in the family name, and a long real name is never "too long"."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import sqlalchemy as sa

from app.importing import values as v
from app.importing.importer import import_list, open_list
from app.importing.reading import read_workbook
from app.importing.understanding import understand
from app.queries import event_details
from app.services import events
from db.enums import Sex
from db.models import Person
from tests.cli_runner import convene
from tools.make_value_fixtures import NAMES

VALUES = Path(__file__).parent / "fixtures" / "import" / "values"


@pytest.mark.parametrize("name", ["names.xlsx", "names.ods", "names_utf8.csv"])
def test_names_with_more_in_the_cell_are_taken_apart(name: str) -> None:
    rows = {r.row: r for r in understand(read_workbook(VALUES / name)).rows}
    for number, (cell, _org_column, family, given, email, organisation, sex) in enumerate(NAMES, 2):
        row = rows[number]
        assert row.kind == "person", (cell, row.reason)
        got = (row.person.get("family_name"), row.person.get("given_name"))
        assert got == (family, given), cell
        assert row.person.get("email") == email, cell
        assert row.organization == organisation, cell
        if sex is not None:
            assert row.person["sex"] == Sex(sex), cell


def test_an_organisation_in_the_cell_beside_an_organisation_column_is_reported() -> None:
    rows = {r.row: r for r in understand(read_workbook(VALUES / "names.xlsx")).rows}
    hossain = rows[5]  # "Hossain, Karim (Border Guard Academy)" | "Customs Academy"
    assert hossain.organization == "Customs Academy"
    assert [(p.header, p.value) for p in hossain.problems] == [
        ("Participant", "Border Guard Academy")
    ]
    assert "not read" in hossain.problems[0].message


@pytest.mark.parametrize(
    ("cell", "given", "family"),
    [
        ("Dr. Aisha Rahman", "Aisha", "Rahman"),
        ("DR. A.B. RAHMAN", "A.", "Rahman"),
        ("SHEIKH DR. KHALID AL-THANI", "Khalid", "Al-Thani"),
        ("Sheikha Moza bint Nasser", "Moza", "bint Nasser"),
        ("Prof. Dr. med. Ute Schmidt", "Ute", "Schmidt"),
        ("H.E. Mr Kairat Abdrakhmanov", "Kairat", "Abdrakhmanov"),
        ("H.E. Ambassador Tariq Ahmad", "Tariq", "Ahmad"),
        ("Dato' Seri Anwar bin Ibrahim", "Anwar", "bin Ibrahim"),
        ("Datuk Seri Wan Junaidi", "Wan", "Junaidi"),
        ("Tan Sri Muhyiddin Yassin", "Muhyiddin", "Yassin"),
        ("Puan Sri Noorainee Abdul Rahman", "Noorainee", "Abdul Rahman"),
        ("Haji Mohd Yusof bin Ali", "Mohd Yusof", "bin Ali"),
        ("Frau Dr. Anna Berger", "Anna", "Berger"),
    ],
)
def test_honorifics_are_taken_off_and_never_a_given_name(
    cell: str, given: str, family: str
) -> None:
    parts = v.split_full_name(cell)
    assert (parts.given, parts.family) == (given, family)


@pytest.mark.parametrize(
    "name",
    [
        "María José García de la Fuente",
        "Mohammed bin Abdulrahman bin Jassim Al Thani",
        "Juan Carlos de los Santos Rodríguez y Pérez",
        "Siti Nurhaliza binti Tarudin",
        "Maria Goretti da Silva dos Santos",
        "Tunku Abdul Rahman Putra Al-Haj",
        "Abdul Aziz bin Abdul Rahman Al Saud",
    ],
)
def test_a_long_real_name_is_not_too_long(name: str) -> None:
    assert v.name_problem(name) is None
    parts = v.split_full_name(name)
    assert parts.family and parts.given
    assert " ".join(x for x in (parts.given, parts.patronymic, parts.family) if x) == name


def test_a_sentence_in_the_name_column_is_still_too_long() -> None:
    assert "too long" in (
        v.name_problem("Please write the names of all your participants here") or ""
    )


def test_a_cyrillic_list_keeps_its_order_whatever_the_particles() -> None:
    assert (v.split_full_name("Абдуллаев Абдул Рахимович").family) == "Абдуллаев"
    parts = v.split_full_name("Abdul Rahimov", given_first=True)  # Abdul is the given name here
    assert (parts.given, parts.family) == ("Abdul", "Rahimov")


def test_import_json_takes_every_row_with_its_address(demo_copy: Path) -> None:
    outcome = convene("import", str(VALUES / "names.ods"), "--event", "2022-001",
                      "--dry-run", "--json", db=demo_copy)  # fmt: skip
    assert outcome.code == 0, outcome.err
    result = outcome.json()
    assert result["people_created"] == len(NAMES) and result["skipped"] == []
    assert [(p["row"], p["column"]) for p in result["problems"]] == [(5, "Participant")]


def test_the_address_and_organisation_of_the_cell_are_stored(any_db) -> None:  # type: ignore[no-untyped-def]
    with any_db.session_scope() as s:
        ref = events.create_event(
            s, title="Regional workshop", type="workshop", start_date=dt.date(2025, 5, 6),
            end_date=dt.date(2025, 5, 7),
        ).reference  # fmt: skip
    done = import_list(any_db, open_list(any_db, VALUES / "names_utf8.csv"), ref)
    assert done.summary()["people_created"] == len(NAMES)
    with any_db.session_scope(readonly=True) as s:
        listed = event_details(s, events.find_event(s, ref))["participants"]
    found = {(p["family_name"], p["given_name"]): p for p in listed}
    assert found[("Ferreira", "Joana")]["organization"] == "Instituto Nacional de Fronteiras"
    assert found[("bin Hamidi", "Ahmad Zahid")]["family_name"] == "bin Hamidi"
    assert ("Seri", "Ahmad Zahid") not in found and not any(g == "Dr." for _f, g in found)
    with any_db.session_scope(readonly=True) as s:
        emails = dict(s.execute(sa.select(Person.family_name, Person.email)).all())
    assert emails["Novak"] == "lena.novak@inst.example.eu"
    assert emails["Okafor"] == "c.okafor@agency.example.ng"


def test_other_words_in_parentheses_are_reported_and_a_former_name_is_kept() -> None:
    said = v.name_and_more("Ataev Sergey (head of delegation)")
    assert (said.name, said.unread, said.organization) == (
        "Ataev Sergey",
        "(head of delegation)",
        None,
    )
    assert v.name_and_more("Иванова (Петрова)").name == "Иванова (Петрова)"
    assert v.name_and_more("Атаев С. (КНБ)").organization == "КНБ"


def test_the_lists_numbering_written_in_the_name_cell_is_left_out(tmp_path: Path) -> None:
    path = tmp_path / "numbered.csv"
    path.write_bytes("ФИО;Страна\r\n1. Атаев Сергей;KG\r\n2) Бекова Алия;KZ\r\n".encode("cp1251"))
    rows = {r.row: r for r in understand(read_workbook(path)).rows}
    names = [(rows[n].person.get("family_name_local"), rows[n].person.get("given_name_local"))
             for n in (2, 3)]  # fmt: skip
    assert names == [("Атаев", "Сергей"), ("Бекова", "Алия")]
