"""Rows in the portable spelling a package carries, the same whichever database wrote them.

The change-log triggers write a row as the database spells it in JSON (SQLite: UUIDs as 32 hex
digits, times without a zone, booleans as 0/1, JSON columns as text; PostgreSQL: ``to_jsonb``).
Packages carry one spelling: UUIDs with hyphens, dates ``YYYY-MM-DD``, times in ISO 8601 UTC,
booleans, JSON as JSON. ``portable`` turns either (or a row read by SQLAlchemy) into it;
``native`` turns it back into the values SQLAlchemy binds.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import json
import uuid
from collections.abc import Callable, Mapping
from typing import Any

import sqlalchemy as sa

from db.models import Base
from db.sync_schema import SYNCED_TABLES

# Kept by each database for itself: the optimistic-locking counter and the time of the last
# local write (an applied change is a new local write). Every other column travels.
LOCAL_COLUMNS = frozenset({"version", "updated_at"})

Converter = Callable[[Any], Any]


def _uuid(value: Any) -> Any:
    return (
        None if value is None else str(value if isinstance(value, uuid.UUID) else uuid.UUID(value))
    )


def _date(value: Any) -> Any:
    if value is None:
        return None
    return value.isoformat() if isinstance(value, dt.date) else str(value)[:10]


def _time(value: Any) -> Any:
    if value is None:
        return None
    sqlite_text = type(value) is str and len(value) == 26 and value[10] == " "
    if sqlite_text and value[19] == "." and not value.endswith(".000000"):
        return f"{value[:10]}T{value[11:]}+00:00"  # SQLite's UTC text, as isoformat() writes it
    if not isinstance(value, dt.datetime):
        value = dt.datetime.fromisoformat(str(value).replace(" ", "T"))
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.astimezone(dt.UTC).isoformat()


def _bool(value: Any) -> Any:
    return None if value is None else bool(value)


def _json(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value


def _plain(value: Any) -> Any:
    return value.value if isinstance(value, enum.Enum) else value


def _portable_converter(column: sa.Column[Any]) -> Converter:
    kind = column.type
    if isinstance(kind, sa.Uuid):
        return _uuid
    if isinstance(kind, sa.DateTime) or isinstance(getattr(kind, "impl", None), sa.DateTime):
        return _time
    if isinstance(kind, sa.Date):
        return _date
    if isinstance(kind, sa.Boolean):
        return _bool
    if isinstance(kind, sa.JSON):
        return _json
    return _plain


def _native_converter(column: sa.Column[Any]) -> Converter:
    kind = column.type
    if isinstance(kind, sa.Uuid):
        return lambda v: None if v is None else uuid.UUID(v)
    if isinstance(kind, sa.DateTime) or isinstance(getattr(kind, "impl", None), sa.DateTime):
        return lambda v: None if v is None else dt.datetime.fromisoformat(v)
    if isinstance(kind, sa.Date):
        return lambda v: None if v is None else dt.date.fromisoformat(v)
    return lambda v: v


def table(name: str) -> sa.Table:
    return Base.metadata.tables[name]


@functools.cache
def _converters(name: str) -> tuple[dict[str, Converter], dict[str, Converter]]:
    columns = [c for c in table(name).columns if c.name not in LOCAL_COLUMNS]
    return (
        {c.name: _portable_converter(c) for c in columns},
        {c.name: _native_converter(c) for c in columns},
    )


def portable(name: str, row: Mapping[str, Any]) -> dict[str, Any]:
    """The travelling columns of ``row`` (raw JSON of a trigger, or SQLAlchemy values)."""
    return {column: convert(row.get(column)) for column, convert in _converters(name)[0].items()}


def portable_fields(name: str, row: Mapping[str, Any], fields: Any) -> dict[str, Any]:
    converters = _converters(name)[0]
    return {field: converters[field](row.get(field)) for field in fields}


def native(name: str, values: Mapping[str, Any]) -> dict[str, Any]:
    """``values`` (portable) as SQLAlchemy binds them."""
    converters = _converters(name)[1]
    return {column: converters[column](value) for column, value in values.items()}


def key_columns(name: str) -> tuple[str, ...]:
    return SYNCED_TABLES[name]


def row_key(name: str, values: Mapping[str, Any]) -> str:
    """The portable key of a row: its id, or the ids of a link joined by ``|``."""
    return "|".join(str(values[c]) for c in SYNCED_TABLES[name])


def key_condition(name: str, key: str) -> sa.ColumnElement[bool]:
    t = table(name)
    parts = key.split("|")
    converters = _converters(name)[1]
    return sa.and_(
        *(t.c[c] == converters[c](part) for c, part in zip(SYNCED_TABLES[name], parts, strict=True))
    )


def shown(value: Any) -> str | None:
    """A value as text for the conflicts list (None stays None)."""
    if value is None:
        return None
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
