"""events carry their title and organising unit in Russian too

``event.title_ru`` and ``event.organising_unit_ru`` hold the Russian title and organising unit
(empty when none is recorded). Event search finds an event by either title: the searchable
words of an event (migration 0002) now hold the title, the Russian title, the reference and the
city. SQLite: the FTS5 table ``event_search`` and its triggers are made again with the new words
and refilled. PostgreSQL: the generated column ``search_words``, its function and its GIN index
are made again from the new columns. Adding the columns needs no table rebuild; SQLite's change-log
triggers of ``event`` (migration 0009) are made again so that the new columns travel too.

Revision ID: 0010_bilingual
Revises: 0009_sync
Create Date: 2026-12-02 21:30:00
"""

from __future__ import annotations

import importlib.util
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

import sqlalchemy as sa
from alembic import op

revision: str = "0010_bilingual"
down_revision: str | None = "0009_sync"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OLD_EVENT_PARTS = ("title", "reference", "city")
EVENT_PARTS = ("title", "title_ru", "reference", "city")


def _search_index() -> ModuleType:
    """Migration 0002, whose functions write the searchable words of both databases."""
    path = Path(__file__).with_name("0002_search_index.py")
    spec = importlib.util.spec_from_file_location("convene_migration_0002", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _drop_event_search(arguments: int) -> None:
    """Drop the searchable words of events (the function took ``arguments`` columns)."""
    if op.get_bind().dialect.name == "sqlite":
        _search_index()._sqlite_down("event")
    elif op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_event_search_words")
        op.execute("ALTER TABLE event DROP COLUMN IF EXISTS search_words")
        op.execute(
            f"DROP FUNCTION IF EXISTS convene_event_words({', '.join(['text'] * arguments)})"
        )


def _make_event_search(parts: Sequence[str]) -> None:
    """Make the searchable words of events from ``parts`` again, filled from every event."""
    if op.get_bind().dialect.name == "sqlite":
        _search_index()._sqlite_up("event", parts, None)
    elif op.get_bind().dialect.name == "postgresql":
        _search_index()._pg_up_table("event", parts, None)


def upgrade() -> None:
    _drop_event_search(len(OLD_EVENT_PARTS))
    op.add_column("event", sa.Column("title_ru", sa.String(length=500), nullable=True))
    op.add_column("event", sa.Column("organising_unit_ru", sa.String(length=300), nullable=True))
    _make_event_search(EVENT_PARTS)
    _remake_change_log_triggers()


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":  # they name the columns about to go
        for when in ("insert", "update", "delete"):
            op.execute(f"DROP TRIGGER IF EXISTS sync_event_{when}")
    _drop_event_search(len(EVENT_PARTS))  # its triggers name title_ru: gone before the column
    op.drop_column("event", "organising_unit_ru")
    op.drop_column("event", "title_ru")
    _make_event_search(OLD_EVENT_PARTS)
    _remake_change_log_triggers()


def _remake_change_log_triggers() -> None:
    from db.sync_schema import remake_sqlite_triggers

    remake_sqlite_triggers(op.get_bind(), ("event",))
