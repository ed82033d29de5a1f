"""A restore in an office that exchanges packages never reuses a number other offices hold:
what the office had numbered for them after the backup stays (and is said), what it had not
numbered goes with the restore, and a backup made before offices existed keeps the office's code."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from app.services.events import create_event
from app.sync.restoring import restore_office
from db.backup import backup_database
from tests.cli_runner import convene
from tests.sync_offices import apply, event_values, make_office, package_for, records


def _add(database: Any, title: str) -> str:
    with database.session_scope() as session:
        return create_event(session, **event_values(title, "Ashgabat")).reference


def _titles(database: Any) -> set[str]:
    with database.engine.connect() as connection:
        return set(connection.scalars(sa.text("SELECT title FROM event")))


def _send(source: Any, target: Any, to: str) -> dict[str, Any]:
    applied = apply(target, package_for(source, to))
    assert applied is not None
    return applied


def _offices(folder: Path) -> tuple[Any, Any, Path]:
    tm, kz = make_office(folder / "tm.sqlite", "TM"), make_office(folder / "kz.sqlite", "KZ")
    _add(tm, "Before the backup")
    _send(tm, kz, "KZ")
    backup = backup_database(tm, folder / "tm-backup.sqlite")
    return tm, kz, backup


def test_changes_sent_after_the_backup_stay_and_new_ones_reach_the_other_office(
    tmp_path: Path,
) -> None:
    tm, kz, backup = _offices(tmp_path)
    try:
        _add(tm, "Sent after the backup")
        assert _send(tm, kz, "KZ")["applied"] > 0
        restored = restore_office(tm, backup)
        assert restored.kept_changes > 0
        assert "Sent after the backup" in _titles(tm)
        _add(tm, "Made after the restore")
        # before: the new change took a number KZ already held, and KZ skipped it as seen
        assert _send(tm, kz, "KZ")["applied"] > 0
        assert _titles(kz) == {"Before the backup", "Sent after the backup",
                               "Made after the restore"}  # fmt: skip
        _send(kz, tm, "TM")
        assert records(tm) == records(kz)
    finally:
        tm.dispose()
        kz.dispose()


def test_changes_never_numbered_go_with_the_restore(tmp_path: Path) -> None:
    tm, kz, backup = _offices(tmp_path)
    try:
        _add(tm, "Never sent")
        assert restore_office(tm, backup).kept_changes == 0
        assert _titles(tm) == {"Before the backup"}
        _add(tm, "Made after the restore")
        _send(tm, kz, "KZ")
        assert _titles(kz) == {"Before the backup", "Made after the restore"}
        _send(kz, tm, "TM")
        assert records(tm) == records(kz)
    finally:
        tm.dispose()
        kz.dispose()


def test_the_command_line_says_what_the_restore_kept(tmp_path: Path) -> None:
    tm, kz, backup = _offices(tmp_path)
    _add(tm, "Sent after the backup")
    _send(tm, kz, "KZ")
    tm.dispose()
    kz.dispose()
    restored = convene("restore", str(backup), db=tmp_path / "tm.sqlite")
    assert restored.code == 0, restored.err
    assert "1 change this office had already numbered" in restored.out, restored.out


def test_a_backup_from_before_offices_keeps_the_office_code(tmp_path: Path) -> None:
    from db.engine import Database
    from db.migrate import upgrade_database

    old = tmp_path / "before-offices.sqlite"
    database = Database(sa.engine.URL.create("sqlite", database=str(old)))
    upgrade_database(database, revision="0008_figures")
    database.dispose()
    shutil.copyfile(old, tmp_path / "office.sqlite")
    office = make_office(tmp_path / "office.sqlite", "UZ")
    try:
        restore_office(office, old)
        assert _add(office, "After the restore").startswith("UZ-")
    finally:
        office.dispose()
