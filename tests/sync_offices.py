"""Offices for the sync tests: real databases (SQLite files, or PostgreSQL), each with its code,
and what the tests do in them through the services and the sync engine."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from app.database import prepare_database
from app.sync import values
from app.sync.applying import MissingChanges, apply_package
from app.sync.exporting import build_package
from app.sync.offices import set_this_office
from db.sync_schema import SYNCED_TABLES, sync_conflict

# Fields that each database keeps for itself or that record when this office acted.
_LOCAL = {"deleted_at"}


def make_office(location: str | Path, code: str) -> Any:
    database, _ = prepare_database(str(location))
    with database.session_scope() as session:
        set_this_office(session.connection(), code, f"Office {code}")
    return database


def package_for(database: Any, to: str | None) -> dict[str, Any]:
    with database.session_scope() as session:
        return build_package(session, to)


def apply(database: Any, document: dict[str, Any]) -> dict[str, Any] | None:
    """Apply; None when the package needs an earlier one (then nothing was written)."""
    try:
        with database.session_scope() as session:
            return apply_package(session, document).as_json()
    except MissingChanges:
        return None


def records(database: Any) -> dict[str, list[tuple[Any, ...]]]:
    """Every synced record, field for field (a deletion as a flag: when it happened is the
    moment each office followed a merge)."""
    dump: dict[str, list[tuple[Any, ...]]] = {}
    with database.engine.connect() as connection:
        for name in SYNCED_TABLES:
            rows = []
            for row in connection.execute(sa.select(values.table(name))).mappings():
                data = values.portable(name, row)
                if "deleted_at" in data:
                    data["deleted_at"] = data["deleted_at"] is not None
                # JSON objects compare as objects (PostgreSQL's jsonb orders their keys)
                rows.append(
                    tuple(sorted((k, json.dumps(v, sort_keys=True)) for k, v in data.items()))
                )
            dump[name] = sorted(rows)
    return dump


def conflicts(database: Any) -> set[tuple[str, str, str]]:
    """(table, record id, field) of every conflict recorded, settled or not."""
    with database.engine.connect() as connection:
        rows = connection.execute(
            sa.select(sync_conflict.c.tbl, sync_conflict.c.row_key, sync_conflict.c.field)
        )
        return {tuple(row) for row in rows}  # type: ignore[misc]


def event_values(title: str, city: str) -> dict[str, Any]:
    return {
        "title": title,
        "type": "workshop",
        "start_date": dt.date(2026, 3, 3),
        "end_date": dt.date(2026, 3, 4),
        "city": city,
        "country": "KZ",
    }


def as_id(value: Any) -> uuid.UUID:
    return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))
