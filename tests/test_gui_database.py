"""File menu: switching databases, backing up and restoring from the GUI; the last database is
remembered for the next start."""

from __future__ import annotations

from tests.gui_helpers import answer_next_dialog
from ui import database_actions
from ui.application import _open_first_database, chosen_location
from ui.main_window import MainWindow


def test_new_database_is_created_and_shown_and_remembered(
    qtbot, window, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from ui.office_dialog import OfficeDialog

    target = tmp_path / "field-office.sqlite"
    monkeypatch.setattr(database_actions, "choose_new_file", lambda parent: str(target))
    asked: list[str] = []

    def later(tries: int = 100) -> None:  # the office is asked once; later, says the person
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, OfficeDialog):
            asked.append(dialog.windowTitle())
            dialog.reject()
        elif tries:
            QTimer.singleShot(20, lambda: later(tries - 1))

    QTimer.singleShot(0, later)
    database_actions.new_database(window)
    assert asked
    assert target.exists()
    assert window.database.path == target
    assert window.page.model.rowCount() == 0
    assert window.counts.text() == "0 events"
    assert window.settings.get("database/last") == str(target)
    opened, problem = _open_first_database(*chosen_location(None, window.settings))
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
    assert window.page.model.rowCount() == 12


def test_last_database_that_fails_falls_back_to_the_default(tmp_path, settings) -> None:  # type: ignore[no-untyped-def]
    settings.set("database/last", str(tmp_path / "missing-dir" / "x.sqlite" / "y"))
    (tmp_path / "missing-dir").mkdir()
    (tmp_path / "missing-dir" / "x.sqlite").write_text("a file where a folder should be")
    opened, problem = _open_first_database(*chosen_location(None, settings))
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
    assert window.page.model.rowCount() == 11
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(copy), ""))
    answer_next_dialog("Yes")
    done: list[str] = []
    database_actions.restore(window)
    answer_next_dialog("OK", done)
    qtbot.waitUntil(lambda: bool(done), timeout=10_000)
    assert "Restored" in done[0]
    assert window.page.model.rowCount() == 12


def test_quick_first_page_then_the_database(qtbot, demo_db, settings) -> None:  # type: ignore[no-untyped-def]
    from ui.application import finish_opening
    from ui.first_page import read_first_page

    page = read_first_page(demo_db.path)
    assert page is not None and page.count == 12 and page.rows[0][0] == "2025-002"
    window = MainWindow(None, settings, first_page=page)
    qtbot.addWidget(window)
    window.show()
    preview = window.stack.currentWidget()
    assert preview.objectName() == "first_page"
    assert preview.model().index(0, 1).data() == "25.11.2025"
    assert preview.model().index(0, 4).data().startswith("Национальный учебный курс")
    assert preview.model().index(0, 5).data() == "Training course"
    assert not window.navigation.isEnabled() and window.counts.text() == "12 events"
    assert finish_opening(window, str(demo_db.path), True)
    assert window.navigation.isEnabled() and window.page.model.rowCount() == 12
    window.database.dispose()


def test_no_quick_page_for_another_schema_or_a_missing_file(tmp_path, sqlite_path) -> None:  # type: ignore[no-untyped-def]
    import sqlite3

    from ui.first_page import read_first_page

    assert read_first_page(tmp_path / "missing.sqlite") is None
    connection = sqlite3.connect(sqlite_path)
    connection.execute("UPDATE alembic_version SET version_num = '0002'")
    connection.commit()
    connection.close()
    assert read_first_page(sqlite_path) is None


def test_the_quick_page_recipe_is_the_events_lists_own_sql() -> None:
    import json

    from app.first_page import RECIPE_FILE, first_page_recipe

    stored = json.loads(RECIPE_FILE.read_text("utf-8"))
    assert stored == first_page_recipe(), "run: uv run python -m tools.first_page_sql"


def test_showing_the_quick_page_needs_no_sqlalchemy(demo_db) -> None:  # type: ignore[no-untyped-def]
    import subprocess
    import sys

    code = (
        "import sys; from pathlib import Path; from ui.first_page import read_first_page; "
        "from ui.main_window import MainWindow; from ui.application import chosen_location; "
        f"p = read_first_page(Path({str(demo_db.path)!r})); "
        "print(p.count, any(m.startswith(('sqlalchemy', 'alembic')) for m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["12", "False"]


def test_a_hostile_backup_is_refused_from_the_file_menu_in_one_sentence(
    qtbot, window, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QFileDialog

    from db.backup import backup_database
    from tests.test_backup_safety import _view_bomb

    bomb = backup_database(window.database, tmp_path / "backup #3.sqlite")
    _view_bomb(bomb)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bomb), ""))
    seen: list[str] = []
    answer_next_dialog("OK", seen)
    database_actions.restore(window)
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    assert seen[0] == (
        f"{bomb} is not a Convene backup: it holds a view 'person' that Convene does not make."
    )
    assert window.page.model.rowCount() == 12


def test_a_new_database_asks_once_for_its_office(qtbot, window, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """File → New database asks for the office's code and name; a wrong code is said in the
    dialog and nothing is saved; the office then names the window and new event references."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from app.services.events import create_event
    from app.sync.offices import this_office
    from ui.office_dialog import OfficeDialog, ask_office_once

    target = tmp_path / "bishkek.sqlite"
    monkeypatch.setattr(database_actions, "choose_new_file", lambda parent: str(target))
    said: list[str] = []

    def answer(step: int = 0) -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, OfficeDialog):
            QTimer.singleShot(20, lambda: answer(step))
            return
        if step == 0:  # one letter: refused in the dialog, which stays open
            dialog.code.setText("K")
            dialog.name.setText("Bishkek")
            dialog.accept()
            said.append(dialog.problem.text())
            assert dialog.isVisible()
            QTimer.singleShot(0, lambda: answer(1))
        else:
            dialog.code.setText("kg")
            dialog.accept()

    QTimer.singleShot(0, answer)
    database_actions.new_database(window)
    assert said and "2 to 8 letters" in said[0]
    with window.database.session_scope(readonly=True) as session:
        office = this_office(session.connection())
        event = create_event(
            session, title="Round table", type="round_table", start_date="2026-03-03"
        )
        reference = event.reference
    assert (office.code, office.name, office.chosen) == ("KG", "Bishkek", True)
    assert "Bishkek (KG)" in window.windowTitle()
    assert reference.startswith("KG-")
    assert not ask_office_once(window.database, window)  # asked once: never again
