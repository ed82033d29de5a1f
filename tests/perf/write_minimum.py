"""The least time the import's writes can take: the very rows an import wrote, written again with
plain sqlite3 into a copy of the database as it was before the import.

Everything an import must write is there — organisations, people (staged and moved in one
INSERT … SELECT, so the search-index triggers fire in bulk), participations (without the row
trigger of the period figures, the event listed once instead), the ImportBatch,
every audit entry, and the matched people's filled-in fields — in one transaction with the
application's own settings (WAL, ``synchronous=FULL``, foreign keys on, the import's page cache),
but none of the work of deciding what to write: the rows are read back from the import's result
first, outside the time.
"""

from __future__ import annotations

import shutil
import sqlite3
import time
from pathlib import Path
from typing import Any

from app.importing.bulk import IMPORT_CACHE_KIB
from app.importing.enriching import FILLABLE
from app.reports.tallies import INSERT_TRIGGER

TABLES = ("organization", "import_batch", "person", "participation", "audit_entry")
STAGED = ("person",)  # the tables with triggers (the search index)
FILLED = (*FILLABLE, "organization_id", "match_key")  # what filling in matched people may change


def _added(before: sqlite3.Connection, after: sqlite3.Connection, table: str) -> Any:
    old = {row[0] for row in before.execute(f"SELECT id FROM {table}")}
    cursor = after.execute(f"SELECT * FROM {table}")
    names = [d[0] for d in cursor.description]
    return names, [row for row in cursor if row[0] not in old]


def written_rows(template: Path, imported: Path) -> dict[str, Any]:
    """What the import added to each table, and the people it changed (table → columns, rows)."""
    before, after = sqlite3.connect(template), sqlite3.connect(imported)
    try:
        rows = {table: _added(before, after, table) for table in TABLES}
        listed = f"id, version, updated_at, {', '.join(FILLED)}"
        old = {r[0]: r for r in before.execute(f"SELECT {listed} FROM person")}
        updates: dict[tuple[str, ...], list[tuple[Any, ...]]] = {}
        for new in after.execute(f"SELECT {listed} FROM person"):
            was = old.get(new[0])
            if was is None or was[1] == new[1]:
                continue
            changed = [i for i in range(3, len(new)) if new[i] != was[i]]
            names = ("version", "updated_at", *(FILLED[i - 3] for i in changed))
            updates.setdefault(names, []).append(
                (new[1], new[2], *(new[i] for i in changed), new[0])
            )
        rows["updates"] = updates
    finally:
        before.close()
        after.close()
    return rows


def _left_out(connection: sqlite3.Connection) -> str:
    """Drop the participation insert trigger (as ``tallies.participations_listed_at_end``);
    its SQL."""
    name = INSERT_TRIGGER
    query = "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?"
    sql = connection.execute(query, (name,)).fetchone()[0]
    connection.execute(f"DROP TRIGGER {name}")
    return str(sql)


def write_again(template: Path, target: Path, rows: dict[str, Any], bare: bool = False) -> float:
    """Seconds to write ``rows`` into a fresh copy of ``template`` at ``target``.

    ``bare``: only the organisations, the batch, the people and the participations, each with
    every index of its table and its foreign keys checked, but without the audit entries, the
    filled-in people, any trigger (search index, figures) and without waiting for the disk
    (``synchronous=OFF``): far less than an import must do, the least any import of this list
    into this schema could take."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(template, target)
    connection = sqlite3.connect(target, isolation_level=None)
    synchronous = "OFF" if bare else "FULL"
    for pragma in ("foreign_keys=ON", "journal_mode=WAL", f"synchronous={synchronous}"):
        connection.execute(f"PRAGMA {pragma}")
    connection.execute(f"PRAGMA cache_size=-{IMPORT_CACHE_KIB}")
    if bare:
        query = "SELECT name FROM sqlite_master WHERE type = 'trigger'"
        for (name,) in connection.execute(query).fetchall():
            connection.execute(f"DROP TRIGGER {name}")
    started = time.perf_counter()
    connection.execute("BEGIN IMMEDIATE")
    for table in TABLES:
        if bare and table == "audit_entry":
            continue
        names, values = rows[table]
        listed, marks = ", ".join(names), ", ".join("?" * len(names))
        staged = table in STAGED and not bare
        into = f"temp.staged_{table}" if staged else table
        if staged:
            connection.execute(f"CREATE TEMP TABLE staged_{table} AS SELECT * FROM {table} WHERE 0")
        trigger = _left_out(connection) if table == "participation" and not bare else None
        connection.executemany(f"INSERT INTO {into} ({listed}) VALUES ({marks})", values)
        if staged:
            connection.execute(f"INSERT INTO {table} ({listed}) SELECT {listed} FROM {into}")
            connection.execute(f"DROP TABLE {into}")
        if trigger is not None:  # back, and the event listed once (as the import does)
            connection.execute(trigger)
            events = {(row[names.index("event_id")],) for row in values}
            connection.executemany("INSERT INTO figures_stale (event_id) VALUES (?)", events)
    for names, values in ({} if bare else rows["updates"]).items():  # only the changed columns
        assignments = ", ".join(f"{name} = ?" for name in names)
        connection.executemany(f"UPDATE person SET {assignments} WHERE id = ?", values)
    connection.execute("COMMIT")
    seconds = time.perf_counter() - started
    connection.close()
    return seconds
