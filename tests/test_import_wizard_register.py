"""The import wizard and an office's history (issue 21): a register of many events is
recognised by its event columns and said to be one; an Access database's tables are offered as
its sheets."""

from __future__ import annotations

from pathlib import Path

from tests import register_data as data
from tests.test_import_access import NWIND
from ui.import_wizard import ImportWizard


def _preview(qtbot, database, path: Path) -> ImportWizard:  # type: ignore[no-untyped-def]
    wizard = ImportWizard(database)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.open_file(str(path))
    qtbot.waitUntil(lambda: wizard.file_page.reading is None, timeout=30_000)
    return wizard


def test_a_register_is_recognised_by_its_event_columns(qtbot, demo_db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = data.write_xlsx(tmp_path / "register.xlsx", data.register_rows("ru"))
    wizard = _preview(qtbot, demo_db, path)
    wizard.next()
    note = wizard.preview_page.register_note
    assert note.isVisible()
    count = len({e for e, _ in data.LINKS})
    assert f"a register of {count} events (12.03.2019 – 15.12.2022)" in note.text()
    for header in ("Мероприятие", "Даты", "Город", "Страна проведения"):
        assert f"“{header}”" in note.text()
    assert "--register" in note.text()


def test_a_list_of_one_event_says_nothing_of_registers(qtbot, demo_db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    rows = [["Фамилия", "Имя", "Пол"], ["Каримов", "Рустам", "м"], ["Ахмедова", "Дильноза", "ж"]]
    wizard = _preview(qtbot, demo_db, data.write_xlsx(tmp_path / "list.xlsx", rows))
    wizard.next()
    assert wizard.understood is not None
    assert not wizard.preview_page.register_note.isVisible()


def test_an_access_databases_tables_are_offered_as_sheets(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    wizard = _preview(qtbot, demo_db, NWIND)
    box = wizard.file_page.sheet_box
    tables = [box.itemData(i) for i in range(box.count())]
    assert {"Employees", "Customers"} <= set(tables)
    assert "linked tables" not in wizard.file_page.message.text()
    box.setCurrentIndex(box.findData("Employees"))
    wizard.next()
    assert wizard.understood is not None
    assert wizard.understood.mapping["Title"] == "position"


def test_linked_tables_are_suggested_with_their_keys(qtbot, demo_db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    wizard = _preview(qtbot, demo_db, data.write_linked_xlsx(tmp_path / "linked.xlsx"))
    said = wizard.file_page.message.text()
    assert "'Events' (events), 'People' (people) and 'Attendance'" in said
    assert "joined by EventID and PersonID" in said
    assert '--events-table "Events" --people-table "People" --links-table "Attendance"' in said
    one_list = data.write_xlsx(tmp_path / "register.xlsx", data.register_rows("en"))
    wizard.file_page.open_file(str(one_list))
    qtbot.waitUntil(lambda: wizard.file_page.reading is None, timeout=30_000)
    assert "linked tables" not in wizard.file_page.message.text()
