"""Backups are complete owner-only SQLite files; restore checks first and keeps what it replaces."""

from __future__ import annotations

import sqlite3
import stat

import pytest

from app.queries import list_events
from app.sample_data import load_demo
from app.services import events
from db.backup import BackupError, backup_database, inspect_backup, restore_database
from tests.conftest import table_count
from tests.test_period_tallies import assert_up_to_date


def test_sqlite_backup_is_a_complete_owner_only_copy(demo_db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = backup_database(demo_db, tmp_path / "b.sqlite")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    info = inspect_backup(path)
    assert info.counts["event"] == 12 and info.counts["participation"] == table_count(
        demo_db, "participation"
    )
    with pytest.raises(BackupError, match="already exists"):
        backup_database(demo_db, path)


@pytest.mark.postgres
def test_postgresql_backup_restores_into_sqlite_and_back(pg_db, sqlite_db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pg_db.session_scope() as session:
        load_demo(session)
    with pg_db.session_scope(readonly=True) as session:
        expected = list_events(session)
    backup = backup_database(pg_db, tmp_path / "pg.sqlite")
    assert inspect_backup(backup).counts["event"] == 12
    restore_database(sqlite_db, backup)
    with sqlite_db.session_scope(readonly=True) as session:
        assert list_events(session) == expected
    # ...and from the laptop back onto an emptied shared server.
    with pg_db.session_scope() as session:
        events.delete_event(session, events.find_event(session, "2022-001").id)
    result = restore_database(pg_db, backup)
    with pg_db.session_scope(readonly=True) as session:
        assert list_events(session) == expected
    assert inspect_backup(result.replaced_copy).counts["event"] == 12


def test_restore_refuses_damaged_or_foreign_files_and_changes_nothing(demo_db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    before = table_count(demo_db, "event")
    foreign = tmp_path / "foreign.sqlite"
    connection = sqlite3.connect(foreign)
    connection.execute("CREATE TABLE t (x)")
    connection.commit()
    connection.close()
    text_file = tmp_path / "list.csv"
    text_file.write_text("a;b\n1;2\n")
    for path, message in ((foreign, "not a Convene backup"), (text_file, "not a SQLite"),
                          (tmp_path / "missing.sqlite", "does not exist")):  # fmt: skip
        with pytest.raises(BackupError, match=message):
            restore_database(demo_db, path)
    assert table_count(demo_db, "event") == before


def test_restore_keeps_the_replaced_database(demo_db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    backup = backup_database(demo_db, tmp_path / "b.sqlite")
    with demo_db.session_scope() as session:
        events.create_event(session, title="Added later", type="meeting", start_date="2026-02-02")
    result = restore_database(demo_db, backup)
    assert table_count(demo_db, "event") == 12
    assert inspect_backup(result.replaced_copy).counts["event"] == 13
    assert stat.S_IMODE(result.replaced_copy.stat().st_mode) == 0o600


def test_daily_backup_once_a_day_keeping_the_newest(sqlite_db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt

    from db.backup import backup_dir_for, daily_backup

    folder = backup_dir_for(sqlite_db)
    folder.mkdir(mode=0o700)
    for day in range(1, 6):  # five older automatic backups
        old = folder / f"convene-202601{day:02d}-080000-auto.sqlite"
        old.write_bytes(b"")
    first = daily_backup(sqlite_db, keep=3)
    assert first is not None and stat.S_IMODE(first.stat().st_mode) == 0o600
    assert inspect_backup(first).revision
    assert daily_backup(sqlite_db, keep=3) is None  # once a day
    autos = sorted(p.name for p in folder.glob("*-auto.sqlite"))
    assert len(autos) == 3 and first.name in autos
    assert autos[0] == "convene-20260104-080000-auto.sqlite"
    assert daily_backup(sqlite_db, keep=3, today=dt.date.today() + dt.timedelta(days=1)) is not None


def test_a_backup_from_an_older_schema_is_migrated_on_restore(any_db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A backup written at the first schema (before the search index existed) restores into a
    current database: upgraded, its people findable, the replaced contents kept aside."""
    from app.database import sync_fields_of_work
    from app.search import search_people
    from db.engine import open_database
    from db.migrate import downgrade_database, head_revision, upgrade_database

    old = open_database(tmp_path / "2024.sqlite")
    upgrade_database(old)  # the sample data is written by today's models,
    with old.session_scope() as session:
        sync_fields_of_work(session)
        load_demo(session)
    downgrade_database(old, "0001")  # then taken back to the first schema
    backup = backup_database(old, tmp_path / "convene-2024-backup.sqlite")
    old.dispose()
    assert inspect_backup(backup).revision == "0001"
    with any_db.session_scope() as session:
        events.create_event(session, title="Held since the backup", type="meeting",
                            start_date="2026-02-02")  # fmt: skip

    result = restore_database(any_db, backup)

    assert result.upgraded_from == "0001"
    with any_db.engine.connect() as connection:
        revision = connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    assert revision == head_revision()
    assert table_count(any_db, "event") == 12
    with any_db.session_scope(readonly=True) as session:
        found = [p.family_name_local for p in search_people(session, "Овезов")]
        assert "Овезов" in found  # the search index (schema 0002) holds the restored people
        assert "Held since the backup" not in [e["title"] for e in list_events(session)]
    replaced = inspect_backup(result.replaced_copy)
    assert replaced.revision == head_revision() and replaced.counts["event"] == 1
    assert stat.S_IMODE(result.replaced_copy.stat().st_mode) == 0o600
    assert inspect_backup(backup).revision == "0001"  # the backup itself is left as it was
    assert_up_to_date(any_db)  # the period figures are counted again from the restored records
