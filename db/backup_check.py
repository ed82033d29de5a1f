"""Checking a file before it is restored: a sound SQLite file holding Convene's schema and nothing
else, read under a time limit.

A backup is someone else's file until checked. Its schema is compared with the one Convene's own
migrations make at the backup's revision (built once per revision in the private temporary
folder): a view, trigger, table or index Convene did not create, a table turned into a view, a
computed column, or a view or trigger whose text differs is refused before any of its rows is
read. Every statement on the file runs under a deadline (SQLite's progress handler), so even a
file that gets past the comparison cannot hang the command line or the window.
"""

from __future__ import annotations

import dataclasses
import functools
import re
import sqlite3
import tempfile
import time
from pathlib import Path

import sqlalchemy as sa

from db import tempfiles
from db.engine import Database
from db.migrate import known_revisions, upgrade_database
from db.sqlite_copy import BackupError, connect_readonly

INSPECT_SECONDS = 120.0  # the integrity check of a large file is the slow part

# The sentences a refusal says, in one place (``{path}``: the file named by the user).
MESSAGES = {
    "missing": "{path} does not exist",
    "not_sqlite": "{path} is not a Convene backup (not a SQLite database)",
    "unopenable": "{path} cannot be opened: {detail}",
    "damaged": "{path} is damaged: {detail}",
    "no_version": "{path} is not a Convene backup (no schema version)",
    "empty_version": "{path} is not a Convene backup (empty schema version)",
    "newer": "{path} was made by a newer version of Convene (schema {detail})",
    "foreign": "{path} is not a Convene backup: it holds {detail} that Convene does not make",
    "too_slow": "{path} could not be checked within {detail} seconds; it is not restored",
    "unreadable": "{path} is damaged or not a database: {detail}",
}


def refusal(kind: str, path: Path, detail: object = "") -> BackupError:
    return BackupError(MESSAGES[kind].format(path=path, detail=detail))


@dataclasses.dataclass(frozen=True)
class BackupInfo:
    path: Path
    revision: str
    counts: dict[str, int]


# Tables and indexes SQLite makes by itself (ANALYZE's statistics, AUTOINCREMENT, unique keys).
_SQLITE_OWN = ("sqlite_stat", "sqlite_sequence", "sqlite_autoindex_")

# One schema object: (type, name, table) -> what must match (columns, or normalised SQL).
Schema = dict[tuple[str, str, str], object]


def _normalised(sql: str | None) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[\"'`\[\]]", "", sql or "")).strip().lower()


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def schema_of(connection: sqlite3.Connection) -> Schema:
    """What a file's schema holds, in the terms ``check_schema`` compares."""
    schema: Schema = {}
    rows = connection.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    for kind, name, table, sql in rows:
        if name.startswith(_SQLITE_OWN):
            continue
        key = (kind, name, table)
        if kind == "table" and not _normalised(sql).startswith("create virtual"):
            # name, primary-key position and hidden flag (a computed column is hidden 2 or 3)
            columns = connection.execute(f"PRAGMA table_xinfo({_quoted(name)})").fetchall()
            schema[key] = sorted((c[1], c[5], c[6]) for c in columns)
        elif kind in ("view", "trigger") or kind == "table":
            schema[key] = _normalised(sql)
        else:  # indexes: an index Convene did not name is refused; their text does not run
            schema[key] = None
    return schema


@functools.cache
def expected_schema(revision: str) -> Schema:
    """The schema Convene's migrations make at ``revision``, from a file made for the purpose."""
    with tempfile.TemporaryDirectory(dir=tempfiles.own_folder()) as work:
        path = Path(work) / "schema.sqlite"
        database = Database(sa.engine.URL.create("sqlite", database=str(path)))
        try:
            upgrade_database(database, revision=revision)
        finally:
            database.dispose()
        connection = sqlite3.connect(path)
        try:
            return schema_of(connection)
        finally:
            connection.close()


_TELLING = ("view", "trigger", "table", "index")  # the order differences are named in


def _differences(found: Schema, expected: Schema) -> str | None:
    """A few words naming what ``found`` holds beyond or instead of ``expected``; None if alike."""
    for key, shape in sorted(found.items(), key=lambda item: (_TELLING.index(item[0][0]), item)):
        kind, name, _table = key
        if key not in expected:
            return f"{'an' if kind == 'index' else 'a'} {kind} '{name}'"
        if shape != expected[key]:
            return f"a changed {kind} '{name}'"
    return None


def inspect_backup(path: Path, *, shown_as: Path | None = None) -> BackupInfo:
    """Check that ``path`` is a sound Convene backup (see the module docs); raise BackupError
    saying why if not. ``shown_as`` names the file in messages (a staged copy's original)."""
    shown = shown_as or path
    if not path.is_file():
        raise refusal("missing", shown)
    with path.open("rb") as handle:
        if handle.read(16) != b"SQLite format 3\x00":
            raise refusal("not_sqlite", shown)
    try:
        connection = connect_readonly(path)
    except sqlite3.Error as exc:
        raise refusal("unopenable", shown, exc) from exc
    deadline = time.monotonic() + INSPECT_SECONDS
    connection.set_progress_handler(lambda: time.monotonic() > deadline, 10_000)
    try:
        connection.execute("PRAGMA trusted_schema=OFF")
        tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master")}
        if "alembic_version" not in tables:
            raise refusal("no_version", shown)
        revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        if revision is None:
            raise refusal("empty_version", shown)
        if revision[0] not in known_revisions():
            raise refusal("newer", shown, revision[0])
        extra = _differences(schema_of(connection), expected_schema(revision[0]))
        if extra is not None:
            raise refusal("foreign", shown, extra)
        check = connection.execute("PRAGMA integrity_check").fetchall()
        if check != [("ok",)]:
            raise refusal("damaged", shown, check[0][0])
        counts = {}
        for table in ("event", "person", "organization", "participation"):
            counts[table] = connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    except sqlite3.OperationalError as exc:
        if "interrupted" in str(exc):
            raise refusal("too_slow", shown, int(INSPECT_SECONDS)) from exc
        raise refusal("unreadable", shown, exc) from exc
    except sqlite3.DatabaseError as exc:
        raise refusal("unreadable", shown, exc) from exc
    finally:
        connection.close()
    return BackupInfo(path, revision[0], counts)
