"""The import wizard driven as a coordinator would: file, columns, plan, import, summary."""

from __future__ import annotations

from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

from app.importing.importer import import_list, open_list
from app.services import events, people
from tests.conftest import table_count
from ui.import_models import OUTCOME_COLOURS
from ui.import_wizard import ImportWizard

FIXTURES = Path(__file__).parent / "fixtures" / "import"
BACKGROUND = 8  # Qt.ItemDataRole.BackgroundRole


@pytest.fixture
def office(demo_db):  # type: ignore[no-untyped-def]
    """The sample data, the English conference list imported, and a namesake of one delegate."""
    import_list(demo_db, open_list(demo_db, FIXTURES / "en_conference.xlsx"), "2022-001")
    with demo_db.session_scope() as s:
        people.create_person(s, family_name="Osmonov", given_name="Nurlan", nationality="KG")
        seminar = events.find_event(s, "2025-001").id
    return demo_db, seminar


def _open(qtbot, database, event_id=None) -> ImportWizard:  # type: ignore[no-untyped-def]
    wizard = ImportWizard(database, event_id)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def _read(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    """Wait while the file is read (off the GUI thread) and the page shows the outcome."""
    qtbot.waitUntil(lambda: page.reading is None, timeout=20_000)


def test_a_russian_list_goes_through_every_page(qtbot, office, tmp_path) -> None:  # type: ignore[no-untyped-def]
    database, seminar = office
    wizard = _open(qtbot, database, seminar)
    page = wizard.file_page
    assert not page.event_box.isEnabled() and page.event_box.currentText().startswith("2025-001")
    page.open_file(str(FIXTURES / "ru_conference.xlsx"))
    _read(qtbot, page)
    assert page.sheet_box.currentText() == "Участники" and page.isComplete()
    wizard.next()
    preview = wizard.preview_page
    assert preview.header_spin.value() == 4
    assert preview.model.data(preview.model.index(3, 1)) == "Ф.И.О."
    position = preview.combos[5]  # column F, Должность
    assert position.currentData() == "position"
    position.setCurrentIndex(position.findData(None))  # leave the positions out
    assert "Должность" not in wizard.understood.mapping
    wizard.next()
    plan_page = wizard.plan_page
    qtbot.waitUntil(lambda: wizard.plan is not None, timeout=20_000)
    model = plan_page.model
    outcomes = [model.planned(r).outcome for r in range(model.rowCount())]
    assert outcomes.count("matched") == 8 and outcomes.count("ignored") == 3
    unsure = outcomes.index("ambiguous")
    assert model.data(model.index(unsure, 0), BACKGROUND).color() == OUTCOME_COLOURS["ambiguous"]
    assert "8 matched" in plan_page.counts.text() and "1 to choose" in plan_page.counts.text()
    plan_page.only.setChecked(True)
    assert model.rowCount() == 2  # Хайдаров's bad e-mail and the namesake
    unsure = next(r for r in range(model.rowCount()) if model.planned(r).outcome == "ambiguous")
    plan_page.table.selectRow(unsure)
    assert plan_page.apply.isEnabled() and plan_page.choice.count() == 3  # 2 people or new
    plan_page.choice.setCurrentIndex(plan_page.choice.count() - 1)  # "a new person"
    plan_page.apply.click()
    assert model.planned(unsure).outcome == "new"
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.summary_page, timeout=30_000)
    summary = wizard.summary_page.text.text()
    assert "1 new person added" in summary and "8 people found already" in summary
    assert "9 people added to the event" in summary
    listed = open_list(database, FIXTURES / "ru_conference.xlsx")
    with database.session_scope(readonly=True) as s:
        seminar_event = events.find_event(s, "2025-001")
        details = events.head_count(s, seminar_event)
    assert details.total >= 9 and listed.remembered  # the corrected layout is remembered
    errors = tmp_path / "fix.xlsx"
    wizard.summary_page.write_errors(errors)
    rows = CalamineWorkbook.from_path(str(errors)).get_sheet_by_index(0).to_python()
    assert rows[1][1] == "Хайдаров Фаррух" and "haidarov@mail" in rows[1][-1]


def test_cancelling_the_import_leaves_the_database_as_it_was(qtbot, office) -> None:  # type: ignore[no-untyped-def]
    database, seminar = office
    before = table_count(database, "participation"), table_count(database, "person")
    wizard = _open(qtbot, database, seminar)
    wizard.file_page.open_file(str(FIXTURES / "ru_conference.xls"))
    _read(qtbot, wizard.file_page)
    wizard.next()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.plan is not None, timeout=20_000)
    wizard.next()  # starts the import on the job thread…
    wizard.import_page.cancel()  # …and the first progress report stops it
    qtbot.waitUntil(lambda: wizard.import_page.job is None, timeout=20_000)
    assert "Cancelled: nothing was imported" in wizard.import_page.status.text()
    assert wizard.currentPage() is wizard.import_page
    assert (table_count(database, "participation"), table_count(database, "person")) == before


def test_an_unreadable_file_is_explained_and_blocks_next(qtbot, office) -> None:  # type: ignore[no-untyped-def]
    database, _seminar = office
    wizard = _open(qtbot, database)
    assert wizard.file_page.event_box.isEnabled() and wizard.file_page.event_box.count() == 12
    wizard.file_page.open_file(str(FIXTURES / "password_protected.xlsx"))
    _read(qtbot, wizard.file_page)
    assert "protected with a password" in wizard.file_page.message.text()
    assert not wizard.file_page.isComplete()
    wizard.file_page.open_file(str(FIXTURES / "no_names.xlsx"))
    _read(qtbot, wizard.file_page)
    wizard.next()
    assert "No header row with a name column" in wizard.preview_page.message.text()
    assert not wizard.preview_page.isComplete()
