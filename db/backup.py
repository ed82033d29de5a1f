"""Backups and restores of the whole database, always as a single SQLite file.

A SQLite database is copied with SQLite's online backup API (safe while the app has it open,
unlike a file copy of a live WAL database). A PostgreSQL database is copied table by table into a
new SQLite file with the same schema, inside one repeatable-read transaction, so one backup
format serves both and a shared database can be restored onto a laptop or back.

Restoring checks the file first (integrity, Convene schema, version known), upgrades a copy of an
older file to the current schema, keeps a backup of the database being replaced, and only then
replaces the contents — in one transaction, so a failed restore leaves the database as it was.
The period report's figures kept ahead of time (``figures_*``) are derived from the records and
not copied: a restore lists every event for the next report to count again.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Iterable
from pathlib import Path

import sqlalchemy as sa

from db.engine import Database, create_owner_only_file, default_data_dir
from db.erasure import reapply_erasures
from db.migrate import (
    SchemaError,
    head_revision,
    known_revisions,
    timestamp,
    upgrade_database,
)
from db.models import FIGURES_TABLES, Base, figures_stale, lock_figures

_COPY_CHUNK = 5_000


class BackupError(Exception):
    """A backup could not be written or a file cannot be restored; the message says why."""


@dataclasses.dataclass(frozen=True)
class BackupInfo:
    path: Path
    revision: str
    counts: dict[str, int]


def sqlite_online_copy(source: Path, destination: Path) -> None:
    """Copy a SQLite database with the online backup API into a new owner-only file."""
    destination.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    if destination.exists():
        raise BackupError(f"{destination} already exists")
    create_owner_only_file(destination)
    try:
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        try:
            dst = sqlite3.connect(destination)
            try:
                src.backup(dst)
                # A backup is one self-contained file: no -wal beside it.
                dst.execute("PRAGMA journal_mode=DELETE")
            finally:
                dst.close()
        finally:
            src.close()
    except sqlite3.Error as exc:
        destination.unlink(missing_ok=True)
        raise BackupError(f"could not copy {source}: {exc}") from exc


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
    """Write a complete copy of ``database`` to ``destination`` (or the default) and return it."""
    destination = destination or default_backup_path(database)
    if destination.exists():
        raise BackupError(f"{destination} already exists; choose another file name")
    if database.path is not None:
        sqlite_online_copy(database.path, destination)
        return destination
    try:
        _copy_to_new_sqlite(database, destination)
    except BaseException:
        destination.unlink(missing_ok=True)
        raise
    return destination


def _copy_to_new_sqlite(database: Database, destination: Path) -> None:
    target = Database(sa.engine.URL.create("sqlite", database=str(destination)))
    try:
        with database.engine.connect() as source:
            if database.is_postgresql:
                source.exec_driver_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            revision = source.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
            upgrade_database(target, revision=revision)
            with target.engine.begin() as sink:
                _copy_rows(source, sink)
            source.rollback()
    finally:
        target.dispose()
    connection = sqlite3.connect(destination)  # a backup is one self-contained file: no -wal
    try:
        connection.execute("PRAGMA journal_mode=DELETE")
    finally:
        connection.close()


def _record_tables() -> list[sa.Table]:
    """The tables a backup copies: all but the period figures derived from them."""
    return [t for t in Base.metadata.sorted_tables if t not in FIGURES_TABLES]


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


def inspect_backup(path: Path) -> BackupInfo:
    """Check that ``path`` is a sound Convene backup; raise BackupError saying why if not."""
    if not path.is_file():
        raise BackupError(f"{path} does not exist")
    with path.open("rb") as handle:
        if handle.read(16) != b"SQLite format 3\x00":
            raise BackupError(f"{path} is not a Convene backup (not a SQLite database)")
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise BackupError(f"{path} cannot be opened: {exc}") from exc
    try:
        check = connection.execute("PRAGMA integrity_check").fetchall()
        if check != [("ok",)]:
            raise BackupError(f"{path} is damaged: {check[0][0]}")
        tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master")}
        if "alembic_version" not in tables:
            raise BackupError(f"{path} is not a Convene backup (no schema version)")
        revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        if revision is None:
            raise BackupError(f"{path} is not a Convene backup (empty schema version)")
        if revision[0] not in known_revisions():
            raise BackupError(
                f"{path} was made by a newer version of Convene (schema {revision[0]})"
            )
        counts = {}
        for table in ("event", "person", "organization", "participation"):
            if table in tables:
                counts[table] = connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise BackupError(f"{path} is damaged or not a database: {exc}") from exc
    finally:
        connection.close()
    return BackupInfo(path, revision[0], counts)


@dataclasses.dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    replaced_copy: Path
    upgraded_from: str | None


def restore_database(database: Database, source: Path) -> RestoreResult:
    """Replace the contents of ``database`` with the backup at ``source`` (see module docs)."""
    info = inspect_backup(source)
    with tempfile.TemporaryDirectory(prefix="convene-restore-") as work:
        staged = Path(work) / "staged.sqlite"
        create_owner_only_file(staged)
        shutil.copyfile(source, staged)
        staging = Database(sa.engine.URL.create("sqlite", database=str(staged)))
        try:
            try:
                upgrade_database(staging)
            except SchemaError as exc:
                raise BackupError(f"{source} cannot be brought to this version: {exc}") from exc
            replaced = backup_database(database, default_backup_path(database, "replaced"))
            with staging.engine.connect() as rows, database.session_scope() as session:
                sink = session.connection()
                reapply_erasures(rows, sink)  # an old backup never brings erased people back
                if database.is_sqlite:
                    sink.exec_driver_sql("PRAGMA defer_foreign_keys=ON")
                for table in reversed(_record_tables()):
                    sink.execute(table.delete())
                _copy_rows(rows, sink)
                _count_figures_again(sink)
        finally:
            staging.dispose()
    upgraded_from = None if info.revision == head_revision() else info.revision
    return RestoreResult(source, replaced, upgraded_from)


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
