"""Backups and restores never lose data: any path a user can type, a change still in a WAL, a
write saved while a restore runs, a backup killed half-way, and a hostile backup file."""

from __future__ import annotations

import datetime as dt
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.sample_data import load_demo
from app.services import events
from db.backup import (
    BackupError,
    backup_database,
    backup_dir_for,
    daily_backup,
    inspect_backup,
    restore_database,
)
from db.engine import open_database
from db.migrate import upgrade_database
from tests.cli_runner import ROOT, assert_one_clean_line, convene
from tests.conftest import table_count

# Names a user can type that a careless "file:" URI or URL gets wrong.
AWKWARD_NAMES = ["office#1.sqlite", "a%20b.sqlite", "why?.sqlite", "with space.sqlite",
                 "Отчёт ü.sqlite", "50%.sqlite"]  # fmt: skip


def _event_count(path: Path) -> int:
    connection = sqlite3.connect(path)
    try:
        return connection.execute("SELECT count(*) FROM event").fetchone()[0]
    finally:
        connection.close()


def _demo_at(path: Path, template: Path) -> None:
    shutil.copyfile(template, path)
    database = open_database(path)
    with database.session_scope() as session:
        load_demo(session)
    database.dispose()


@pytest.fixture
def demo_file(tmp_path: Path, sqlite_template: Path) -> Path:
    path = tmp_path / "demo-source.sqlite"
    _demo_at(path, sqlite_template)
    return path


def _files_in(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*")}


@pytest.mark.parametrize("name", AWKWARD_NAMES)
def test_any_path_backs_up_and_restores_the_file_it_names(
    name: str, tmp_path: Path, demo_file: Path, sqlite_template: Path
) -> None:
    folder = tmp_path / "office"
    folder.mkdir()
    odd = folder / name
    shutil.copyfile(demo_file, odd)
    # A decoy: the file a decoded or cut-off name would reach instead.
    for decoy in {"a b.sqlite", "office", "why", "50%.sqlite"} - {name}:
        shutil.copyfile(sqlite_template, folder / decoy)
    before = _files_in(folder)
    database = open_database(odd)

    backup = backup_database(database, tmp_path / "out" / name)
    assert _event_count(backup) == 12
    daily = daily_backup(database)
    assert daily is not None and _event_count(daily) == 12
    assert inspect_backup(backup).counts["event"] == 12

    with database.session_scope() as session:
        events.create_event(session, title="After the backup", type="meeting",
                            start_date="2026-02-02")  # fmt: skip
    result = restore_database(database, backup)  # a source and a target with the odd name
    assert table_count(database, "event") == 12
    assert _event_count(result.replaced_copy) == 13
    database.dispose()
    new_files = _files_in(folder) - before
    assert all(f.startswith("backups") for f in new_files), new_files  # no stray file


@pytest.mark.parametrize("name", ["office#1.sqlite", "a%20b.sqlite", "Отчёт ü?.sqlite"])
def test_the_copy_before_an_upgrade_holds_the_database_at_any_path(
    name: str, tmp_path: Path
) -> None:
    from app.database import prepare_database, sync_fields_of_work
    from db.migrate import downgrade_database

    path = tmp_path / name
    old = open_database(path)
    upgrade_database(old)  # the sample data is written by today's models,
    with old.session_scope() as session:
        sync_fields_of_work(session)
        load_demo(session)
    downgrade_database(old, "0001")  # then taken back to the first schema
    old.dispose()
    (tmp_path / "a b.sqlite").write_bytes(b"")  # the decoy of %20

    database, upgrade = prepare_database(path)
    database.dispose()

    assert upgrade.backup_path is not None and _event_count(upgrade.backup_path) == 12


def test_the_command_line_backs_up_and_restores_a_path_with_a_hash(
    tmp_path: Path, demo_file: Path
) -> None:
    odd = tmp_path / "office #1.sqlite"
    shutil.copyfile(demo_file, odd)
    backup = tmp_path / "backup #3.sqlite"
    made = convene("backup", "-o", str(backup), db=odd)
    assert made.code == 0, made.err
    assert _event_count(backup) == 12
    restored = convene("restore", str(backup), db=tmp_path / "other #2.sqlite")
    assert restored.code == 0, restored.err
    assert _event_count(tmp_path / "other #2.sqlite") == 12
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == [
        "backup #3.sqlite", "demo-source.sqlite", "office #1.sqlite", "other #2.sqlite",
    ]  # fmt: skip


def test_a_change_still_in_the_backup_s_wal_is_restored(
    tmp_path: Path, demo_file: Path, sqlite_db
) -> None:  # type: ignore[no-untyped-def]
    holder = sqlite3.connect(demo_file)  # another program with the file open, reading
    holder.execute("PRAGMA journal_mode=WAL")
    holder.execute("BEGIN")
    holder.execute("SELECT count(*) FROM event").fetchone()
    writer = open_database(demo_file)
    with writer.session_scope() as session:
        events.create_event(session, title="Only in the WAL", type="meeting",
                            start_date="2026-03-03")  # fmt: skip
    writer.dispose()
    assert Path(f"{demo_file}-wal").stat().st_size > 0
    try:
        restore_database(sqlite_db, demo_file)
    finally:
        holder.close()
    with sqlite_db.engine.connect() as connection:
        titles = connection.exec_driver_sql("SELECT title FROM event").scalars().all()
    assert "Only in the WAL" in titles and len(titles) == 13


def _writes_during_restores(location: str, backup: Path, database, restores: int):  # type: ignore[no-untyped-def]
    """Restore ``backup`` into ``database`` ``restores`` times while another process keeps
    creating events; return the titles it committed and the replaced copies kept."""
    writer = subprocess.Popen(
        [sys.executable, "-m", "tests.backup_child", "write", location, "60"],
        cwd=ROOT, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    replaced = []
    try:
        assert writer.stdout is not None and writer.stdout.readline().strip() == "ready"
        time.sleep(1.0)
        for _ in range(restores):
            replaced.append(restore_database(database, backup).replaced_copy)
            time.sleep(0.3)
    finally:
        writer.send_signal(signal.SIGKILL)
        output, _ = writer.communicate(timeout=60)
    committed = [
        line.split(" ", 1)[1] for line in output.splitlines() if line.startswith("committed")
    ]
    return committed, replaced


def _titles(database) -> set[str]:  # type: ignore[no-untyped-def]
    with database.engine.connect() as connection:
        return set(connection.exec_driver_sql("SELECT title FROM event").scalars())


def _assert_none_lost(committed: list[str], database, replaced: list[Path]) -> None:  # type: ignore[no-untyped-def]
    kept = _titles(database)
    for copy in replaced:
        connection = sqlite3.connect(copy)
        kept |= {r[0] for r in connection.execute("SELECT title FROM event")}
        connection.close()
    assert len(committed) > 20  # the writer did write all along
    lost = [title for title in committed if title not in kept]
    assert lost == [], f"{len(lost)} of {len(committed)} committed writes lost"


def test_a_write_saved_during_a_restore_is_never_lost_on_sqlite(
    sqlite_path: Path, demo_db, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    backup = backup_database(demo_db, tmp_path / "b.sqlite")
    committed, replaced = _writes_during_restores(str(sqlite_path), backup, demo_db, 6)
    _assert_none_lost(committed, demo_db, replaced)


@pytest.mark.postgres
def test_a_write_saved_during_a_restore_is_never_lost_on_postgresql(
    pg_url: str, pg_db, demo_db, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    backup = backup_database(demo_db, tmp_path / "b.sqlite")
    committed, replaced = _writes_during_restores(pg_url, backup, pg_db, 6)
    _assert_none_lost(committed, pg_db, replaced)


def _backup_kill_moments(seed: int, count: int, duration: float) -> list[float]:
    rng = random.Random(seed)
    return sorted(rng.uniform(0.0, duration * 1.2) for _ in range(count))


def test_a_killed_backup_never_counts_as_the_day_s_and_leaves_no_partial_file(
    tmp_path: Path, sqlite_template: Path
) -> None:
    from tests.perf import generate as generator

    path = tmp_path / "big.sqlite"
    shutil.copyfile(sqlite_template, path)
    database = open_database(path)
    generator.fill_database(database, people=5_000, participations=15_000, events=200)
    database.dispose()
    folder = backup_dir_for(open_database(path, create=False))
    events_there = _event_count(path)

    def run(kill_after: float | None) -> float:
        """Back up in a child process; kill it ``kill_after`` seconds into the backup."""
        child = subprocess.Popen(
            [sys.executable, "-m", "tests.backup_child", "daily", str(path)],
            cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        )  # fmt: skip
        assert child.stdout is not None and child.stdin is not None
        assert child.stdout.readline().strip() == "ready"
        started = time.monotonic()
        child.stdin.write("go\n")
        child.stdin.flush()
        if kill_after is None:
            assert child.stdout.readline().strip() == "done"
            took = time.monotonic() - started
            child.wait(timeout=60)
            return took
        time.sleep(kill_after)
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=60)
        return kill_after

    duration = run(None)
    shutil.rmtree(folder)
    survived = 0
    for moment in _backup_kill_moments(14, 20, duration):
        run(moment)
        finals = (
            [p for p in folder.glob("*") if not p.name.startswith(".")] if folder.is_dir() else []
        )
        for final in finals:  # whatever sits under a final name is a whole backup
            assert final.name.endswith("-auto.sqlite"), final
            assert inspect_backup(final).counts["event"] == events_there
        survived += bool(finals)
        database = open_database(path, create=False)
        written = daily_backup(database)  # the next start
        database.dispose()
        autos = list(folder.glob("*-auto.sqlite"))
        assert len(autos) == 1 and (written is not None or finals)
        assert inspect_backup(autos[0]).counts["event"] == events_there
        assert sorted(p.name for p in folder.iterdir()) == [autos[0].name]  # no partial left
        shutil.rmtree(folder)
    print(f"\n20 kills over {duration:.2f} s of backup: {survived} after it was complete")


def _view_bomb(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA foreign_keys=OFF")
    columns = [r[1] for r in connection.execute("PRAGMA table_info(person)")]
    connection.execute("ALTER TABLE person RENAME TO person_old")
    nulls = ", ".join(f'NULL AS "{c}"' for c in columns)
    connection.execute(
        "CREATE VIEW person AS WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r)"
        f" SELECT {nulls} FROM r"
    )
    connection.commit()
    connection.close()


def test_a_view_bomb_is_refused_within_ten_seconds_with_one_sentence(
    tmp_path: Path, demo_file: Path
) -> None:
    bomb = tmp_path / "bomb.sqlite"
    shutil.copyfile(demo_file, bomb)
    _view_bomb(bomb)
    target = tmp_path / "target.sqlite"
    started = time.monotonic()
    try:
        outcome = convene("restore", str(bomb), db=target, timeout=10)
    except subprocess.TimeoutExpired:
        pytest.fail("the restore of a view bomb was still running after 10 s")
    assert time.monotonic() - started < 10
    assert outcome.code == 2
    assert_one_clean_line(outcome)
    assert "not a Convene backup" in outcome.err and "person" in outcome.err


# Each makes the schema hold something Convene's migrations did not create.
FOREIGN_SCHEMAS = {
    "an extra view": "CREATE VIEW people_again AS SELECT * FROM person",
    "an extra trigger": "CREATE TRIGGER t AFTER INSERT ON event BEGIN SELECT 1; END",
    "an extra table": "CREATE TABLE notes (x TEXT)",
    "an extra index": "CREATE INDEX ix_extra ON person (email)",
    "a computed column": "ALTER TABLE person ADD COLUMN big TEXT AS (zeroblob(1000000000))",
    "a changed trigger": None,  # made below from one of Convene's own
}


@pytest.mark.parametrize("kind", FOREIGN_SCHEMAS)
def test_a_backup_holding_what_convene_did_not_create_is_refused(
    kind: str, tmp_path: Path, demo_file: Path, demo_db
) -> None:  # type: ignore[no-untyped-def]
    crafted = tmp_path / "crafted.sqlite"
    shutil.copyfile(demo_file, crafted)
    connection = sqlite3.connect(crafted)
    statement = FOREIGN_SCHEMAS[kind]
    if statement is None:
        name, table = connection.execute(
            "SELECT name, tbl_name FROM sqlite_master WHERE type = 'trigger' ORDER BY name"
        ).fetchone()
        connection.execute(f'DROP TRIGGER "{name}"')
        statement = (f'CREATE TRIGGER "{name}" AFTER INSERT ON "{table}" BEGIN '
                     "SELECT count(*) FROM event, event, event; END")  # fmt: skip
    connection.execute(statement)
    connection.commit()
    connection.close()
    before = table_count(demo_db, "event")
    with pytest.raises(BackupError, match="not a Convene backup"):
        inspect_backup(crafted)
    with pytest.raises(BackupError, match="not a Convene backup"):
        restore_database(demo_db, crafted)
    assert table_count(demo_db, "event") == before


def test_backups_of_every_revision_pass_the_schema_check(tmp_path: Path) -> None:
    """The comparison refuses nothing Convene itself made, at any revision it had."""
    from db.migrate import known_revisions

    for revision in sorted(known_revisions()):
        database = open_database(tmp_path / f"at-{revision}.sqlite")
        upgrade_database(database, revision=revision)
        backup = backup_database(database, tmp_path / f"backup-{revision}.sqlite")
        database.dispose()
        assert inspect_backup(backup).revision == revision


def test_daily_backup_skips_no_day_for_a_partial_file(sqlite_db) -> None:  # type: ignore[no-untyped-def]
    folder = backup_dir_for(sqlite_db)
    folder.mkdir(mode=0o700)
    today = dt.date.today()
    dead = 2**22 + 12345  # a process number that is not running
    partial = folder / f".convene-{today:%Y%m%d}-080000-auto.sqlite.{dead}.partial"
    partial.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    Path(f"{partial}-journal").write_bytes(b"")
    written = daily_backup(sqlite_db)
    assert written is not None and inspect_backup(written).revision
    assert sorted(os.listdir(folder)) == [written.name]


def test_a_check_that_overruns_its_time_limit_is_refused(
    demo_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The deadline stops any statement on the file, not only the ones a bomb would slow."""
    from db import backup_check

    monkeypatch.setattr(backup_check, "INSPECT_SECONDS", 0.0)
    started = time.monotonic()
    with pytest.raises(BackupError, match="could not be checked within 0 seconds"):
        inspect_backup(demo_file)
    assert time.monotonic() - started < 5


@pytest.mark.postgres
def test_a_postgresql_backup_to_an_awkward_name_restores(pg_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with pg_db.session_scope() as session:
        load_demo(session)
    backup = backup_database(pg_db, tmp_path / "shared #1 a%20b?.sqlite")
    assert _event_count(backup) == 12
    assert sorted(p.name for p in tmp_path.iterdir()) == [backup.name]
    with pg_db.session_scope() as session:
        events.create_event(session, title="After the backup", type="meeting",
                            start_date="2026-02-02")  # fmt: skip
    result = restore_database(pg_db, backup)
    assert table_count(pg_db, "event") == 12 and _event_count(result.replaced_copy) == 13
