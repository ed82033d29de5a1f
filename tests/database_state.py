"""What a SQLite database holds, for comparing two databases that went through the same work:
every table's row count and a checksum of its rows, with the values that differ between two
runs of the same work (random UUIDs, time stamps) replaced by placeholders — also inside the
audit entries' JSON. FTS5 search tables are compared by their rows (their shadow tables hold
segments whose layout depends on the order of writes) and checked with FTS5's own integrity
check.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
from pathlib import Path
from typing import Any

_UUID = re.compile(r"[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}")
_STAMP = re.compile(r"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d+)?(\+00:00|Z)?")


def _normal(value: Any) -> Any:
    if isinstance(value, bytes):
        value = value.hex()
    if isinstance(value, str):
        return _STAMP.sub("<time>", _UUID.sub("<id>", value))
    return value


def integrity(path: Path) -> str:
    """``PRAGMA integrity_check`` as one string ("ok" when sound), after FTS5's own check of
    every search table (which raises if an index and its table disagree). Opening the file
    the ordinary way, as the app does, first recovers the write-ahead log a killed writer
    left behind."""
    connection = sqlite3.connect(path)
    try:
        for (name,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE%fts5%'"
        ):
            connection.execute(f"INSERT INTO {name}({name}) VALUES('integrity-check')")
        return "; ".join(row[0] for row in connection.execute("PRAGMA integrity_check"))
    finally:
        connection.close()


def content(path: Path) -> dict[str, tuple[int, str]]:
    """Table name → (row count, checksum of its rows as compared; see the module docstring)."""
    connection = sqlite3.connect(path)
    try:
        tables = connection.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        ).fetchall()
        virtual = [name for name, sql in tables if sql.upper().startswith("CREATE VIRTUAL")]
        result = {}
        for name, _sql in tables:
            if any(name.startswith(f"{v}_") for v in virtual):
                continue  # an FTS5 shadow table
            rows = sorted(
                repr(tuple(_normal(v) for v in row))
                for row in connection.execute(f'SELECT * FROM "{name}"')
            )
            result[name] = (len(rows), hashlib.sha256("\n".join(rows).encode()).hexdigest())
        return result
    finally:
        connection.close()


def differences(found: dict[str, tuple[int, str]], expected: dict[str, tuple[int, str]]) -> str:
    """The tables whose contents differ, with their row counts, for assertion messages."""
    return ", ".join(
        f"{name}: {found.get(name, (0,))[0]} rows, expected {expected.get(name, (0,))[0]}"
        for name in sorted(set(found) | set(expected))
        if found.get(name) != expected.get(name)
    )
