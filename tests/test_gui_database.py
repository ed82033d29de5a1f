"""File menu: switching databases, backing up and restoring from the GUI; the last database is
remembered for the next start."""

from __future__ import annotations

import pytest

from tests.gui_helpers import answer_next_dialog
from ui import database_actions
from ui.application import _open_first_database
from ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, demo_db, settings):  # type: ignore[no-untyped-def]
    main = MainWindow(demo_db, settings)
    qtbot.addWidget(main)
    main.show()
    return main


def test_new_database_is_created_and_shown_and_remembered(
    qtbot, window, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "field-office.sqlite"
    monkeypatch.setattr(database_actions, "choose_new_file", lambda parent: str(target))
    database_actions.new_database(window)
    assert target.exists()
    assert window.database.path == target
    assert window.page.model.rowCount() == 0
    assert window.counts.text() == "0 events"
    assert window.settings.get("database/last") == str(target)
    opened, problem = _open_first_database(None, window.settings)
    assert problem is None and opened[0].path == target
    opened[0].dispose()


def test_unopenable_database_keeps_the_current_one(qtbot, window, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    bogus = tmp_path / "notes.sqlite"
    bogus.write_text("not a database at all")
    monkeypatch.setattr(database_actions, "choose_existing_file", lambda parent: str(bogus))
    seen: list[str] = []
    answer_next_dialog("OK", seen)
    database_actions.open_file(window)
    assert "cannot be opened" in seen[0]
    assert window.page.model.rowCount() == 11


def test_last_database_that_fails_falls_back_to_the_default(tmp_path, settings) -> None:  # type: ignore[no-untyped-def]
    settings.set("database/last", str(tmp_path / "missing-dir" / "x.sqlite" / "y"))
    (tmp_path / "missing-dir").mkdir()
    (tmp_path / "missing-dir" / "x.sqlite").write_text("a file where a folder should be")
    opened, problem = _open_first_database(None, settings)
    assert problem is not None and opened is not None
    opened[0].dispose()


def test_backup_and_restore_from_the_file_menu(qtbot, window, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QFileDialog

    from app.sample_data import sample_id
    from app.services import events

    copy = tmp_path / "copy.sqlite"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(copy), ""))
    seen: list[str] = []
    answer_next_dialog("OK", seen)
    database_actions.backup(window)
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    assert "Backup written" in seen[0] and copy.exists()
    with window.database.session_scope() as s:
        events.delete_event(s, sample_id("cabmi-17"))
    window.refresh()
    assert window.page.model.rowCount() == 10
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(copy), ""))
    answer_next_dialog("Yes")
    done: list[str] = []
    database_actions.restore(window)
    answer_next_dialog("OK", done)
    qtbot.waitUntil(lambda: bool(done), timeout=10_000)
    assert "Restored" in done[0]
    assert window.page.model.rowCount() == 11
