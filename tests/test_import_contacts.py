"""One column holding e-mail addresses and phone numbers ("E-mail / Телефон", or phones typed
into an E-mail column, addresses into a Phone column): each goes to its own field, nothing is
called a bad address, nothing is dropped (issue 20, point 5). Lists written by openpyxl and as
Windows-1251 csv; the wizard's plan says the same as the command line."""

from __future__ import annotations

import csv
import sqlite3
from pathlib import Path

import openpyxl
import pytest

from app.importing.importer import open_list
from app.importing.planning import make_plan
from app.services import events
from tests.cli_runner import convene
from ui.import_wizard import ImportWizard

ROWS = [
    ("Атаев Сергей", "Туркменистан", "ataev@mail.tm"),
    ("Нурланова Алия", "Казахстан", "+7 (701) 555-12-34"),
    ("Усенов Бакыт", "Кыргызстан", "usenov@mail.kg, +996 555 123 456"),
    ("Рахимова Зарина", "Таджикистан", "тел. 8 (3712) 33-44-55; zarina.r@mail.tj"),
]
EXPECTED = {
    "Атаев": ("ataev@mail.tm", None),
    "Нурланова": (None, "+7 (701) 555-12-34"),
    "Усенов": ("usenov@mail.kg", "+996 555 123 456"),
    "Рахимова": ("zarina.r@mail.tj", "8 (3712) 33-44-55"),
}


def _xlsx(path: Path, header: str) -> Path:
    book = openpyxl.Workbook()
    book.active.append(["ФИО", "Страна", header])
    for row in ROWS:
        book.active.append(list(row))
    book.save(path)
    return path


def _csv(path: Path, header: str) -> Path:
    with path.open("w", encoding="cp1251", newline="") as out:
        writer = csv.writer(out, delimiter=";")
        writer.writerow(["ФИО", "Страна", header])
        writer.writerows(ROWS)
    return path


@pytest.mark.parametrize(
    ("write", "header"),
    [(_xlsx, "E-mail / Телефон"), (_csv, "Телефон, e-mail"), (_xlsx, "E-mail"), (_csv, "Телефон")],
)
def test_addresses_and_phones_of_one_column_each_go_to_their_field(tmp_path, write, header):  # type: ignore[no-untyped-def]
    db = tmp_path / "office.sqlite"
    convene("events", "add", "--title", "Seminar", "--type", "seminar", "--start", "2026-03-03",
            "--end", "2026-03-04", db=db)  # fmt: skip
    listed = write(tmp_path / f"list.{'xlsx' if write is _xlsx else 'csv'}", header)
    imported = convene("import", str(listed), "--event", "2026-001", "--json", db=db)
    assert imported.code == 0, imported.err
    assert imported.json()["problems"] == []
    with sqlite3.connect(db) as connection:
        stored = {
            family: (email, phone)
            for family, email, phone in connection.execute(
                "SELECT family_name_local, email, phone FROM person"
            )
        }
    assert stored == EXPECTED


def test_the_wizard_plans_the_same_without_a_problem(qtbot, demo_db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = _xlsx(tmp_path / "list.xlsx", "E-mail / Телефон")
    with demo_db.session_scope(readonly=True) as session:
        seminar = events.find_event(session, "2025-001").id
    wizard = ImportWizard(demo_db, seminar)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.open_file(str(path))
    qtbot.waitUntil(lambda: wizard.file_page.reading is None, timeout=20_000)
    wizard.next()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.plan is not None, timeout=20_000)
    planned = [r for r in wizard.plan.rows if r.listed.kind == "person"]
    assert [r.listed.problems for r in planned] == [[]] * 4
    by_family = {r.listed.person["family_name_local"]: r.listed.person for r in planned}
    assert by_family["Нурланова"]["phone"] == "+7 (701) 555-12-34"
    assert "email" not in by_family["Нурланова"]
    with demo_db.session_scope(readonly=True) as session:
        again = make_plan(session, open_list(demo_db, path), events.find_event(session, "2025-001"))
    assert [r.listed.person for r in again.rows] == [r.listed.person for r in wizard.plan.rows]
