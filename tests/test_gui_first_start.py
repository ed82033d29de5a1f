"""The first start on an empty database (issue 20, point 2): every list says it is empty and
offers the next action, the import wizard says why there is no event to choose, and File → Open
sample data opens the sample in a file of its own, never mixed into the records in use."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from app.database import prepare_database
from app.sample_data import sample_database_path
from db.models import Event
from ui.forms.event_form import EventForm
from ui.list_page import EMPTY, NO_MATCH
from ui.main_window import SECTIONS, MainWindow


@pytest.fixture
def empty_window(qtbot, tmp_path: Path, settings):  # type: ignore[no-untyped-def]
    database, _ = prepare_database(tmp_path / "new-office.sqlite")
    window = MainWindow(database, settings)
    qtbot.addWidget(window)
    window.show()
    yield window
    for form in list(window.forms):
        form.close()
    window.database.dispose()


def _events(database) -> int:  # type: ignore[no-untyped-def]
    with database.session_scope(readonly=True) as session:
        return session.scalar(sa.select(sa.func.count()).select_from(Event))


def test_every_empty_list_says_so_and_offers_the_next_action(qtbot, empty_window) -> None:  # type: ignore[no-untyped-def]
    for row, (name, _label, _nouns) in enumerate(SECTIONS):
        empty_window.navigation.setCurrentRow(row)
        page = empty_window.page
        assert page.showing_hint(), name
        assert page.hint.isVisible() and page.hint.text() == EMPTY[name][0]
        offered = [n for n, button in page.hint_buttons.items() if button.isVisible()]
        assert offered == [action for action, _text in EMPTY[name][1]], name
        assert not page.table.isVisible()


def test_the_empty_events_list_starts_a_new_event(qtbot, empty_window) -> None:  # type: ignore[no-untyped-def]
    empty_window.navigation.setCurrentRow(0)
    empty_window.page.hint_buttons["new"].click()
    assert any(isinstance(form, EventForm) for form in empty_window.forms)


def test_the_import_wizard_on_an_empty_database_says_why(qtbot, empty_window) -> None:  # type: ignore[no-untyped-def]
    from ui.import_wizard import ImportWizard

    wizard = ImportWizard(empty_window.database, None, empty_window)
    qtbot.addWidget(wizard)
    wizard.show()
    page = wizard.currentPage()
    assert page.no_events.isVisible() and "no events yet" in page.no_events.text()
    assert not page.event_box.isVisible()
    assert not page.isComplete()


def test_open_sample_data_opens_a_file_of_its_own(qtbot, empty_window) -> None:  # type: ignore[no-untyped-def]
    first = empty_window.database.path
    sample = sample_database_path()
    sample.unlink(missing_ok=True)
    try:
        empty_window.findChild(type(empty_window.new_action), "open_sample_data").trigger()
        assert empty_window.database.path == sample
        assert _events(empty_window.database) == 12
        assert not empty_window.page.showing_hint()
        from db.engine import open_database

        office = open_database(first, create=False)
        try:
            assert _events(office) == 0  # the records in use got none of it
        finally:
            office.dispose()
        empty_window.findChild(type(empty_window.new_action), "open_sample_data").trigger()
        assert _events(empty_window.database) == 12  # opened again, not loaded twice
    finally:
        empty_window.close()  # nothing reads the sample file once it is gone
        empty_window.database.dispose()
        for path in sample.parent.glob(f"{sample.name}*"):
            path.unlink()


def test_a_search_that_finds_nothing_says_so_and_clears(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.navigation.setCurrentRow(1)
    window.search.setText("zzqqxx")
    window.page.set_search("zzqqxx", immediately=True)
    page = window.page
    assert page.showing_hint() and page.hint.text() == NO_MATCH
    assert [n for n, b in page.hint_buttons.items() if b.isVisible()] == ["clear"]
    page.hint_buttons["clear"].click()
    assert window.search.text() == "" and not page.showing_hint()
    assert page.model.rowCount() == page.model.total > 0
