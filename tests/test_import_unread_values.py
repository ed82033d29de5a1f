"""Issue 17, class 4: every country and territory of ISO 3166 is read, in English and Russian,
in its common, official, short and former forms; any value the import leaves unread is a problem
in the plan, with row, column and value, in ``import --json`` and in the wizard's plan."""

from __future__ import annotations

import csv
import gettext
from pathlib import Path

import openpyxl
import pycountry
import pytest

from app import reference
from app.importing.reading import read_workbook
from app.importing.understanding import understand
from tests.cli_runner import convene
from tools.make_value_fixtures import COUNTRIES, COUNTRY_HEADER, RU_COUNTRIES, UNREAD

VALUES = Path(__file__).parent / "fixtures" / "import" / "values"
RUSSIAN = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"])


def _written_names(country) -> list[str]:  # type: ignore[no-untyped-def]
    english = [
        n for n in (country.name, getattr(country, "official_name", None),
                    getattr(country, "common_name", None)) if n
    ]  # fmt: skip
    return [*english, *(RUSSIAN.gettext(n) for n in english), *(n.upper() for n in english)]


def test_every_iso_country_is_read_by_its_codes_and_names_in_english_and_russian() -> None:
    wrong = {
        (country.alpha_2, name): reference.find_country(name)
        for country in pycountry.countries
        for name in (country.alpha_2, country.alpha_3, *_written_names(country))
        if reference.find_country(name) != country.alpha_2
    }
    assert wrong == {}


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("Micronesia", "FM"), ("Micronesia, Federated States of", "FM"),
        ("Federated States of Micronesia", "FM"), ("Palestine", "PS"),
        ("Palestinian Territories", "PS"), ("Saint Barthelemy", "BL"),
        ("United States Virgin Islands", "VI"), ("British Virgin Islands", "VG"),
        ("Vatican City State", "VA"), ("Falkland Islands", "FK"), ("Saint Martin", "MF"),
        ("Côte d'Ivoire", "CI"), ("Кот-д'Ивуар", "CI"), ("Cote d’Ivoire", "CI"),
        ("Türkiye", "TR"), ("Turkey", "TR"), ("Korea (Republic of)", "KR"),
        ("Iran (Islamic Republic of)", "IR"), ("Tanzania", "TZ"), ("Curacao", "CW"),
        ("Aland Islands", "AX"), ("St. Lucia", "LC"), ("Antigua & Barbuda", "AG"),
        ("Upper Volta", "BF"), ("Dahomey", "BJ"), ("New Hebrides", "VU"),
        ("Southern Rhodesia", "ZW"), ("Бирма", "MM"), ("Заир", "CD"), ("Свазиленд", "SZ"),
        ("Дагомея", "BJ"), ("Боливия", "BO"), ("Микронезия", "FM"),
    ],
)  # fmt: skip
def test_short_everyday_and_former_names_are_read(written: str, code: str) -> None:
    assert reference.find_country(written) == code


@pytest.mark.parametrize(
    "written", ["USSR", "Soviet Union", "СССР", "Czechoslovakia", "Yugoslavia",
                "Serbia and Montenegro", "Netherlands Antilles"],
)  # fmt: skip
def test_a_former_country_now_several_is_named_not_guessed(written: str) -> None:
    assert reference.find_country(written) is None
    assert reference.former_country(written) is not None


def test_no_short_form_is_shared_by_two_countries() -> None:
    assert reference.find_country("Virgin Islands") is None  # British or U.S.?
    assert reference.find_country("Congo") == "CG"  # the ISO name of the Republic of the Congo
    # a name with a country in it is no country (a sign-in row with only the name filled)
    assert reference.find_country("Jordan, Michael") is None
    assert reference.find_country("Ivanov (Georgia)") is None


@pytest.mark.parametrize("name", ["countries.xlsx", "countries.xls"])
def test_a_list_of_countries_as_people_write_them_is_read(name: str) -> None:
    rows = {r.row: r for r in understand(read_workbook(VALUES / name)).rows}
    read = [rows[number].person.get("nationality") for number in range(2, 2 + len(COUNTRIES))]
    assert read == [code for _name, _country, code in COUNTRIES]
    assert not any(rows[number].problems for number in range(2, 2 + len(COUNTRIES)))


def test_a_russian_cp1251_list_reads_its_countries_and_reports_the_rest() -> None:
    rows = {r.row: r for r in understand(read_workbook(VALUES / "countries_ru_cp1251.csv")).rows}
    read = [rows[number].person.get("nationality") for number in range(2, 2 + len(RU_COUNTRIES))]
    assert read == [code for _name, _country, code in RU_COUNTRIES]
    former, unknown = (rows[2 + len(RU_COUNTRIES) + i].problems for i in (0, 1))
    assert [(p.header, p.value) for p in former] == [("Гражданство", "СССР")]
    assert "former country" in former[0].message and "now several" in former[0].message
    assert [(p.header, p.value) for p in unknown] == [("Гражданство", "Гиперборея")]


# Row by row, what the unread values of countries.xlsx are: (column, value, words of the message)
EXPECTED_PROBLEMS = [
    ("Citizenship", "Czechoslovakia", "former country"),
    ("Citizenship", "Atlantis", "not a known country"),
    ("Gender", "X", "not a sex"),
    ("Role", "keynote guru", "the event's default is used"),
    ("Status", "perhaps", "the event's default is used"),
    ("Attendance", "by carrier pigeon", "the event's default is used"),
    ("Email", "jo at example dot org", "not an e-mail address"),
    ("Alternative e-mail", "ana.lopez@work.example.mx", "not read: the e-mail is taken from"),
]


def test_import_json_lists_every_value_left_unread(demo_copy: Path) -> None:
    outcome = convene("import", str(VALUES / "countries.xls"), "--event", "2022-001",
                      "--dry-run", "--json", db=demo_copy)  # fmt: skip
    assert outcome.code == 0, outcome.err
    problems = outcome.json()["problems"]
    first = 2 + len(COUNTRIES)
    assert [p["row"] for p in problems] == list(range(first, first + len(UNREAD)))
    assert [(p["column"], p["value"]) for p in problems] == [e[:2] for e in EXPECTED_PROBLEMS]
    for problem, (_column, _value, words) in zip(problems, EXPECTED_PROBLEMS, strict=True):
        assert words in problem["message"]
    assert set(problems[0]) == {"row", "column", "value", "message"}
    assert COUNTRY_HEADER[2] == "Citizenship"  # the header as written, not its letter


def test_the_wizard_plan_shows_the_same_problems(qtbot, demo_db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from ui.import_wizard import ImportWizard

    wizard = ImportWizard(demo_db, None)
    qtbot.addWidget(wizard)
    wizard.resize(1200, 700)
    wizard.show()
    wizard.file_page.open_file(str(VALUES / "countries.xlsx"))
    qtbot.waitUntil(lambda: wizard.file_page.reading is None, timeout=20_000)
    wizard.next()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.plan is not None, timeout=20_000)
    page = wizard.plan_page
    page.only.setChecked(True)
    model = page.model
    shown = {model.planned(r).row: model.data(model.index(r, 4)) for r in range(model.rowCount())}
    first = 2 + len(COUNTRIES)
    assert sorted(shown) == list(range(first, first + len(UNREAD)))
    for row, (column, value, words) in enumerate(EXPECTED_PROBLEMS, first):
        assert f"({column})" in shown[row] and value in shown[row] and words in shown[row]
    assert "8 rows with a value" in page.counts.text()
    wizard.grab().save(str(tmp_path / "plan.png"))
    assert (tmp_path / "plan.png").stat().st_size > 10_000


def test_a_value_a_second_column_gives_otherwise_is_a_problem(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    for row in [
        ["ФИО", "Звание", "Гражданство", "Страна"],
        ["полковник Атаев Сергей", "майор", "KG", "Kyrgyzstan"],
        ["Иванов Иван", None, "KZ", "Uzbekistan"],
        ["Петров Пётр", None, "Atlantis", "Kazakhstan"],
    ]:
        book.active.append(row)
    book.save(tmp_path / "list.xlsx")
    rows = {r.row: r for r in understand(read_workbook(tmp_path / "list.xlsx")).rows}
    said = {n: [(p.header, p.value, p.message) for p in rows[n].problems] for n in (2, 3, 4)}
    assert said[2] == [("ФИО", "полковник", "not read: the rank is taken from column B")]
    assert rows[2].person["nationality"] == "KG"  # the same country twice: nothing to say
    assert said[3] == [
        ("Страна", "Uzbekistan", "not read: the country / nationality is taken from column C")
    ]
    assert rows[4].person["nationality"] == "KZ"  # the first readable column gives it
    assert [(h, value) for h, value, _m in said[4]] == [("Гражданство", "Atlantis")]


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_several_notes_columns_are_all_kept_with_their_headers(kind: str, tmp_path: Path) -> None:
    """Notes are free text: a list with a comments column and a column of needs keeps both, each
    after its header, and says nothing is unread (a second column of any other field is said)."""
    rows = [
        ["Фамилия", "Имя", "Примечание", "Комментарий", "Remarks"],
        ["Атаев", "Сергей", "вегетарианец", "прилетает 12.03", None],
        ["Иванова", "Анна", None, "без гостиницы", "interpreter"],
        ["Петров", "Пётр", None, None, None],
    ]
    if kind == "xlsx":
        book = openpyxl.Workbook()
        for row in rows:
            book.active.append(row)
        book.save(tmp_path / "list.xlsx")
    else:
        with (tmp_path / "list.csv").open("w", encoding="cp1251", newline="") as handle:
            csv.writer(handle, delimiter=";").writerows(rows)
    understood = {r.row: r for r in understand(read_workbook(tmp_path / f"list.{kind}")).rows}
    assert [understood[n].problems for n in (2, 3, 4)] == [[], [], []]
    notes = [understood[n].participation.get("notes") for n in (2, 3, 4)]
    assert notes == [
        "Примечание: вегетарианец; Комментарий: прилетает 12.03",
        "Комментарий: без гостиницы; Remarks: interpreter",
        None,
    ]


def test_a_day_mark_that_is_no_attendance_mark_is_counted_and_said(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    for row in [
        ["ФИО", "13.12.2022", "14.12.2022", "15.12.2022"],
        ["Атаев Сергей", "+", "✓", "9:05"],
        ["Бекова Алия", "подпись", "болен", "-"],
        ["Usenov Bakyt", "late", None, "x"],
    ]:
        book.active.append(row)
    book.save(tmp_path / "days.xlsx")
    rows = {r.row: r for r in understand(read_workbook(tmp_path / "days.xlsx")).rows}
    assert [rows[n].participation["days_attended"] for n in (2, 3, 4)] == [3, 2, 2]
    said = {n: [(p.header, p.value) for p in rows[n].problems] for n in (2, 3, 4)}
    assert said == {2: [], 3: [("14.12.2022", "болен")], 4: [("13.12.2022", "late")]}
    assert "not an attendance mark; counted as present" in rows[3].problems[0].message
