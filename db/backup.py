"""Backups and restores of the whole database, always as a single SQLite file.

A SQLite database is copied with SQLite's online backup API (safe while the app has it open,
unlike a file copy of a live WAL database). A PostgreSQL database is copied table by table into a
new SQLite file with the same schema, inside one repeatable-read transaction, so one backup
format serves both and a shared database can be restored onto a laptop or back.

Every copy is written under a temporary name and renamed into place when complete
(``db.sqlite_copy``). Restoring copies the file into the private temporary folder
(``db.tempfiles``), checks the copy (``db.backup_check``: integrity, exactly Convene's schema,
a version known, under a time limit), upgrades it to the current schema, then — holding the
database's write lock — keeps a copy of the database being replaced and replaces the contents,
in one transaction, so a failed restore leaves the database as it was and no change saved by
someone else meanwhile is lost.
The period report's figures kept ahead of time (``figures_*``) are derived from the records and
not copied: a restore lists every event for the next report to count again.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import sqlite3
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path

import sqlalchemy as sa

from db import tempfiles
from db.backup_check import BackupInfo, inspect_backup
from db.engine import Database, default_data_dir
from db.erasure import reapply_erasures
from db.migrate import SchemaError, head_revision, timestamp, upgrade_database
from db.models import FIGURES_TABLES, Base, figures_stale, lock_figures
from db.sqlite_copy import (
    BackupError,
    remove_partials,
    sqlite_online_copy,
    written_in_place,
)
from db.sync_schema import LOCAL_ONLY_TABLES, capture_paused

__all__ = ["BackupError", "BackupInfo", "inspect_backup", "sqlite_online_copy"]

_COPY_CHUNK = 5_000
_RESTORE_ATTEMPTS = 8  # PostgreSQL: a restore chosen to end a deadlock with a writer starts again

# The sentences a failed restore says, in one place.
MESSAGES = {
    "not_upgradable": "{source} cannot be brought to this version: {detail}",
    "busy": "the restore kept colliding with other people's changes; nothing was restored, "
    "try again when fewer people are saving",
}


def backup_dir_for(database: Database) -> Path:
    """Where backups of ``database`` go by default: ``backups/`` beside a SQLite file."""
    if database.path is not None:
        return database.path.parent / "backups"
    return default_data_dir() / "backups"


def default_backup_path(database: Database, label: str = "") -> Path:
    stem = database.path.stem if database.path is not None else database.url.database or "convene"
    suffix = f"-{label}" if label else ""
    folder, stamp = backup_dir_for(database), timestamp()
    path = folder / f"{stem}-{stamp}{suffix}.sqlite"
    number = 2
    while path.exists():  # two backups within one second
        path = folder / f"{stem}-{stamp}-{number}{suffix}.sqlite"
        number += 1
    return path


def backup_database(database: Database, destination: Path | None = None) -> Path:
    """Write a complete copy of ``database`` to ``destination`` (or the default) and return it;
    the file appears under its name only when complete (``db.sqlite_copy``)."""
    destination = destination or default_backup_path(database)
    if destination.exists():
        raise BackupError(f"{destination} already exists; choose another file name")
    remove_partials(destination.parent)
    if database.path is not None:
        sqlite_online_copy(database.path, destination)
        return destination
    with written_in_place(destination) as temporary, database.engine.connect() as source:
        if database.is_postgresql:
            source.exec_driver_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        _copy_to_new_sqlite(source, temporary)
        source.rollback()
    return destination


def _copy_to_new_sqlite(source: sa.Connection, destination: Path) -> None:
    """Copy the records ``source`` sees into the new SQLite file ``destination``, at the same
    schema revision."""
    destination.unlink(missing_ok=True)  # the owner-only empty file: Database makes it again
    target = Database(sa.engine.URL.create("sqlite", database=str(destination)))
    try:
        revision = source.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
        upgrade_database(target, revision=revision)
        with target.engine.begin() as sink, capture_paused(sink):
            _copy_rows(source, sink)
    finally:
        target.dispose()
    connection = sqlite3.connect(destination)  # a backup is one self-contained file: no -wal
    try:
        connection.execute("PRAGMA journal_mode=DELETE")
    finally:
        connection.close()


def _record_tables() -> list[sa.Table]:
    """The tables a backup copies: all but the period figures derived from them."""
    return [
        t
        for t in Base.metadata.sorted_tables
        if t not in FIGURES_TABLES and t not in LOCAL_ONLY_TABLES
    ]


def _count_figures_again(sink: sa.Connection) -> None:
    """Empty the derived figures and list every event, so the next period report counts them
    from the restored records."""
    if sink.dialect.name == "postgresql":
        lock_figures(sink)  # not while a refresh is writing them
    for table in FIGURES_TABLES:
        sink.execute(table.delete())
    event = Base.metadata.tables["event"]
    sink.execute(figures_stale.insert().from_select(["event_id"], sa.select(event.c.id)))


def _copy_rows(source: sa.Connection, sink: sa.Connection) -> None:
    """Copy every Convene table from ``source`` to ``sink`` (parents first).

    Self-references (an organisation's parent) are inserted empty and filled in afterwards, so
    the order of rows within a table does not matter.
    """
    for table in _record_tables():
        self_refs = [fk.parent.name for fk in table.foreign_keys if fk.column.table is table]
        pending: list[dict[str, object]] = []
        result = source.execute(sa.select(table)).mappings()
        while chunk := result.fetchmany(_COPY_CHUNK):
            rows = [dict(row) for row in chunk]
            for row in rows:
                if any(row[name] is not None for name in self_refs):
                    pending.append({name: row[name] for name in (*self_refs, "id")})
                    for name in self_refs:
                        row[name] = None
            sink.execute(table.insert(), rows)
        for row in pending:
            sink.execute(
                table.update()
                .where(table.c.id == row["id"])
                .values({name: row[name] for name in self_refs})
            )


@dataclasses.dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    replaced_copy: Path
    upgraded_from: str | None


# What a restore keeps of the database it replaces (besides its erasures): given the replaced
# contents and the backup's, before the one replaces the other, it says what to do once the
# backup's rows are in — in the same transaction (``app.sync.restoring``: what has travelled).
Keeper = Callable[[sa.Connection, sa.Connection], Callable[[sa.Connection], None] | None]


def restore_database(database: Database, source: Path, keep: Keeper | None = None) -> RestoreResult:
    """Replace the contents of ``database`` with the backup at ``source`` (see module docs).

    The file is copied through SQLite's backup API (so what is still in its ``-wal`` comes too)
    into the private temporary folder, and that copy is checked and restored. The database's
    write lock (SQLite) or its tables' write locks (PostgreSQL) are taken before the copy of the
    replaced contents is made, and held until the restore commits: a change another program
    saves meanwhile waits, and lands after the restore; none falls between the two.
    """
    with tempfile.TemporaryDirectory(prefix="restore-", dir=tempfiles.own_folder()) as work:
        staged = Path(work) / "staged.sqlite"
        if not source.is_file():
            inspect_backup(source)  # says why
        try:
            sqlite_online_copy(source, staged)
        except BackupError:
            inspect_backup(source)  # says why in the words of a check, if it can
            raise
        info = inspect_backup(staged, shown_as=source)
        staging = Database(sa.engine.URL.create("sqlite", database=str(staged)))
        try:
            try:
                upgrade_database(staging)
            except SchemaError as exc:
                message = MESSAGES["not_upgradable"].format(source=source, detail=exc)
                raise BackupError(message) from exc
            replaced = _replace_contents(database, staging, keep)
        finally:
            staging.dispose()
    upgraded_from = None if info.revision == head_revision() else info.revision
    return RestoreResult(source, replaced, upgraded_from)


def _replace_contents(database: Database, staging: Database, keep: Keeper | None) -> Path:
    """Keep a copy of ``database`` and put the staged records in its place, under one lock."""
    for attempt in range(_RESTORE_ATTEMPTS):
        replaced = default_backup_path(database, "replaced")
        try:
            with staging.engine.connect() as rows, database.session_scope() as session:
                sink = session.connection()  # SQLite: BEGIN IMMEDIATE, the write lock is ours
                if database.path is not None:
                    # Read by a connection of its own: SQLite will not back up from one that
                    # holds the write lock. In WAL mode it reads the last commit, and none can
                    # come after it while the lock is ours.
                    sqlite_online_copy(database.path, replaced)
                    sink.exec_driver_sql("PRAGMA defer_foreign_keys=ON")
                else:
                    if database.is_postgresql:
                        _lock_records(sink)
                    with written_in_place(replaced) as temporary:
                        _copy_to_new_sqlite(sink, temporary)
                reapply_erasures(rows, sink)  # an old backup never brings erased people back
                finish = keep(sink, rows) if keep is not None else None
                with capture_paused(sink):  # the change log comes with the records
                    for table in reversed(_record_tables()):
                        sink.execute(table.delete())
                    _copy_rows(rows, sink)
                if finish is not None:
                    finish(sink)
                _count_figures_again(sink)
            return replaced
        except sa.exc.OperationalError as exc:
            if not _lost_a_deadlock(exc):
                raise
            replaced.unlink(missing_ok=True)  # the copy of a restore that did not happen
            if attempt == _RESTORE_ATTEMPTS - 1:
                raise BackupError(MESSAGES["busy"]) from exc
            time.sleep(0.2 * (attempt + 1))
    raise AssertionError("unreachable")


def _lock_records(sink: sa.Connection) -> None:
    """PostgreSQL: wait for the writers at work, then keep every other writer out of the record
    tables until this transaction ends (readers go on). Parents first, the order writers insert
    in, which keeps deadlocks with them rare (and PostgreSQL ends any that happens)."""
    names = ", ".join(sink.dialect.identifier_preparer.format_table(t) for t in _record_tables())
    sink.exec_driver_sql(f"LOCK TABLE {names} IN EXCLUSIVE MODE")


def _lost_a_deadlock(exc: sa.exc.OperationalError) -> bool:
    return getattr(exc.orig, "sqlstate", None) in ("40P01", "40001")


AUTO_LABEL = "auto"


def daily_backup(database: Database, keep: int = 14, today: dt.date | None = None) -> Path | None:
    """Back up a SQLite database once a day: write today's automatic backup if there is none
    yet, and keep only the newest ``keep`` automatic backups. Returns the new file, if any."""
    if database.path is None or not database.path.exists():
        return None
    today = today or dt.date.today()
    folder = backup_dir_for(database)
    pattern = f"{database.path.stem}-*-{AUTO_LABEL}.sqlite"
    autos = sorted(folder.glob(pattern), reverse=True) if folder.is_dir() else []
    remove_partials(folder)  # of a backup killed half-way: it never counted as the day's
    if any(p.name.startswith(f"{database.path.stem}-{today:%Y%m%d}-") for p in autos):
        return None
    written = backup_database(database, default_backup_path(database, AUTO_LABEL))
    prune_backups(sorted(folder.glob(pattern), reverse=True), keep)
    return written


def list_backups(database: Database) -> list[Path]:
    """Backups in the default folder, newest first."""
    folder = backup_dir_for(database)
    if not folder.is_dir():
        return []
    files = [p for p in folder.glob("*.sqlite") if p.is_file()]
    return sorted(files, key=os.path.getmtime, reverse=True)


def prune_backups(paths: Iterable[Path], keep: int) -> list[Path]:
    """Delete all but the first ``keep`` of ``paths`` (newest first); return the deleted ones."""
    removed = []
    for path in list(paths)[keep:]:
        path.unlink(missing_ok=True)
        removed.append(path)
    return removed
