"""The tables and triggers of offices working apart (see ``app.sync``).

* ``sync_office``: this office (``is_self``) and every office heard of, with what each has told
  us it has seen (``seen``: office code → highest sequence number) and when we last heard.
* ``sync_change``: the change log. A trigger on every synced table writes one row per inserted,
  updated or deleted row (``old``/``new``: the row as JSON, in the database's own spelling);
  ``app.sync.log.stamp`` later gives each of those the office, its per-office ``seq`` and a hybrid
  logical clock ``hlc`` and rewrites ``data`` in the portable spelling packages carry. Changes
  received from other offices are kept here too, stamped by their office, so they can be passed
  on to a third.
* ``sync_epoch``: what an office had seen of every other office when it made its changes from
  ``from_seq`` on (the causal context that tells a concurrent edit from a later one).
* ``sync_conflict``: both sides of every concurrent edit of one field, and which one stands.
* ``sync_duplicate``: people entered by two offices who look like one person (never merged
  silently).
* ``sync_pause``: a row here (inside a transaction) stops the triggers: applying a package,
  copying a backup.

The triggers are created by migration 0009_sync with ``trigger_statements``.
"""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Iterable, Iterator
from typing import Any

import sqlalchemy as sa

from db.base import Base, UTCDateTime

sync_office = sa.Table(
    "sync_office",
    Base.metadata,
    sa.Column("code", sa.String(8), primary_key=True),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("is_self", sa.Boolean, nullable=False, server_default=sa.false()),
    # set by a person (init --office, the GUI); a generated code is not, and may still change
    sa.Column("chosen", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("next_seq", sa.BigInteger, nullable=False, server_default="1"),
    sa.Column("hlc", sa.BigInteger, nullable=False, server_default="0"),
    sa.Column("seen", sa.JSON, nullable=True),
    sa.Column("heard_at", UTCDateTime(), nullable=True),
    sa.Column("received_at", UTCDateTime(), nullable=True),
    sa.Column("exported_at", UTCDateTime(), nullable=True),
)

sync_change = sa.Table(
    "sync_change",
    Base.metadata,
    sa.Column("id", sa.BigInteger().with_variant(sa.Integer, "sqlite"), primary_key=True),
    sa.Column("office", sa.String(8), nullable=True),
    sa.Column("seq", sa.BigInteger, nullable=True),
    sa.Column("hlc", sa.BigInteger, nullable=True),
    sa.Column("tbl", sa.String(40), nullable=False),
    sa.Column("row_key", sa.String(80), nullable=False),
    sa.Column("op", sa.String(1), nullable=False),
    sa.Column("old", sa.Text, nullable=True),
    sa.Column("new", sa.Text, nullable=True),
    sa.Column("data", sa.Text, nullable=True),
    sa.Column("captured_at", UTCDateTime(), nullable=True),
    sa.Column("actor", sa.String(100), nullable=True),
    sa.UniqueConstraint("office", "seq"),
    sa.Index(None, "tbl", "row_key"),
)

sync_epoch = sa.Table(
    "sync_epoch",
    Base.metadata,
    sa.Column("office", sa.String(8), primary_key=True),
    sa.Column("from_seq", sa.BigInteger, primary_key=True),
    sa.Column("seen", sa.JSON, nullable=False),
)

sync_conflict = sa.Table(
    "sync_conflict",
    Base.metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("tbl", sa.String(40), nullable=False),
    sa.Column("row_key", sa.String(80), nullable=False),
    sa.Column("field", sa.String(60), nullable=False),
    sa.Column("kept_value", sa.Text, nullable=True),
    sa.Column("kept_office", sa.String(8), nullable=False),
    sa.Column("kept_seq", sa.BigInteger, nullable=False),
    sa.Column("kept_hlc", sa.BigInteger, nullable=False),
    sa.Column("kept_actor", sa.String(100), nullable=True),
    sa.Column("lost_value", sa.Text, nullable=True),
    sa.Column("lost_office", sa.String(8), nullable=False),
    sa.Column("lost_seq", sa.BigInteger, nullable=False),
    sa.Column("lost_hlc", sa.BigInteger, nullable=False),
    sa.Column("lost_actor", sa.String(100), nullable=True),
    sa.Column("recorded_at", UTCDateTime(), nullable=False),
    sa.Column("settled_at", UTCDateTime(), nullable=True),
    sa.Index(None, "tbl", "row_key"),
)

sync_duplicate = sa.Table(
    "sync_duplicate",
    Base.metadata,
    sa.Column("person_id", sa.Uuid, primary_key=True),
    sa.Column("other_id", sa.Uuid, primary_key=True),
    sa.Column("found_at", UTCDateTime(), nullable=False),
    sa.Column("settled_at", UTCDateTime(), nullable=True),
)

sync_pause = sa.Table(
    "sync_pause",
    Base.metadata,
    sa.Column("id", sa.Integer, primary_key=True),
)

# Tables that belong to one database and are never copied by a backup as such (a restored
# database starts with the triggers running).
LOCAL_ONLY_TABLES = (sync_pause,)

# The record tables whose changes travel, parents first, and the columns naming a row.
SYNCED_TABLES: dict[str, tuple[str, ...]] = {
    "organization": ("id",),
    "person": ("id",),
    "project": ("id",),
    "field_of_work": ("id",),
    "event": ("id",),
    "event_partner": ("id",),
    "import_batch": ("id",),
    "participation": ("id",),
    "certificate": ("id",),
    "project_donor": ("project_id", "organization_id"),
    "event_field_of_work": ("event_id", "field_of_work_id"),
    "erasure": ("person_id",),
    "record_merge": ("id",),
}


@contextlib.contextmanager
def capture_paused(connection: sa.Connection) -> Iterator[None]:
    """Within the caller's transaction: the change-log triggers write nothing (a package being
    applied is logged by its own office's stamps; a backup being copied is no change at all)."""
    connection.execute(sa.text("INSERT INTO sync_pause (id) VALUES (1)"))
    try:
        yield
    finally:
        connection.execute(sa.text("DELETE FROM sync_pause"))


def _sqlite_json(columns: list[str], row: str) -> str:
    pairs = ", ".join(f"'{c}', {row}.{c}" for c in columns)
    return f"json_object({pairs})"


def _sqlite_key(columns: tuple[str, ...], row: str) -> str:
    return " || '|' || ".join(f"{row}.{c}" for c in columns)


def sqlite_trigger_statements(
    connection: sa.Connection, tables: Iterable[str] = SYNCED_TABLES
) -> list[str]:
    """SQLite's change-log triggers of ``tables``, naming each column the table has in the
    database now (read from it, not from the models: a migration runs before later ones add
    theirs). A migration that adds a column to a synced table makes its triggers again
    (``remake_sqlite_triggers``), or the new column would not travel."""
    inspector = sa.inspect(connection)
    statements = []
    for name in tables:
        key = SYNCED_TABLES[name]
        table = [column["name"] for column in inspector.get_columns(name)]
        when = "WHEN NOT EXISTS (SELECT 1 FROM sync_pause)"
        insert = "INSERT INTO sync_change (tbl, row_key, op, old, new, captured_at) VALUES"
        now = "strftime('%Y-%m-%d %H:%M:%f', 'now')"
        statements += [
            f"CREATE TRIGGER sync_{name}_insert AFTER INSERT ON {name} {when} BEGIN {insert} "
            f"('{name}', {_sqlite_key(key, 'new')}, 'i', NULL, {_sqlite_json(table, 'new')}, "
            f"{now}); END",
            f"CREATE TRIGGER sync_{name}_update AFTER UPDATE ON {name} {when} BEGIN {insert} "
            f"('{name}', {_sqlite_key(key, 'new')}, 'u', {_sqlite_json(table, 'old')}, "
            f"{_sqlite_json(table, 'new')}, {now}); END",
            f"CREATE TRIGGER sync_{name}_delete AFTER DELETE ON {name} {when} BEGIN {insert} "
            f"('{name}', {_sqlite_key(key, 'old')}, 'd', {_sqlite_json(table, 'old')}, NULL, "
            f"{now}); END",
        ]
    return statements


PG_FUNCTION = """
CREATE FUNCTION sync_capture() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    row_json jsonb;
    key text;
BEGIN
    IF EXISTS (SELECT 1 FROM sync_pause) THEN
        RETURN NULL;
    END IF;
    IF TG_OP = 'DELETE' THEN row_json := to_jsonb(OLD); ELSE row_json := to_jsonb(NEW); END IF;
    -- search_words: derived, generated by PostgreSQL itself (migration 0002), never logged
    key := row_json ->> TG_ARGV[0];
    IF TG_NARGS > 1 THEN key := key || '|' || (row_json ->> TG_ARGV[1]); END IF;
    INSERT INTO sync_change (tbl, row_key, op, old, new, captured_at) VALUES (
        TG_TABLE_NAME, key, lower(substr(TG_OP, 1, 1)),
        CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE (to_jsonb(OLD) - 'search_words')::text END,
        CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE (to_jsonb(NEW) - 'search_words')::text END,
        clock_timestamp());
    RETURN NULL;
END $$
"""


def postgresql_trigger_statements() -> list[str]:
    statements = [PG_FUNCTION]
    for name, key in SYNCED_TABLES.items():
        arguments = ", ".join(f"'{c}'" for c in key)
        statements.append(
            f"CREATE TRIGGER sync_{name} AFTER INSERT OR UPDATE OR DELETE ON {name} "
            f"FOR EACH ROW EXECUTE FUNCTION sync_capture({arguments})"
        )
    return statements


def remake_sqlite_triggers(connection: sa.Connection, tables: Iterable[str]) -> None:
    """SQLite: make the change-log triggers of ``tables`` again, with their columns as they are
    now (after a migration added some). PostgreSQL's one trigger function logs whole rows and
    needs nothing."""
    if connection.dialect.name != "sqlite":
        return
    for name in tables:
        for when in ("insert", "update", "delete"):
            connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS sync_{name}_{when}")
    for statement in sqlite_trigger_statements(connection, tables):
        connection.exec_driver_sql(statement)


def drop_trigger_statements(dialect: str) -> list[str]:
    if dialect == "postgresql":
        return [f"DROP TRIGGER IF EXISTS sync_{name} ON {name}" for name in SYNCED_TABLES] + [
            "DROP FUNCTION IF EXISTS sync_capture()"
        ]
    return [
        f"DROP TRIGGER IF EXISTS sync_{name}_{when}"
        for name in SYNCED_TABLES
        for when in ("insert", "update", "delete")
    ]


def scrub_change_log(
    connection: sa.Connection,
    table: str,
    ids: list[Any],
    replacements: dict[str, Any],
    placeholder: str,
) -> None:
    """Erasure: wherever the change log holds a value of ``replacements``' fields for the rows
    ``ids`` of ``table`` (stamped or not yet), it now holds the replacement (the erased value),
    so no past change keeps what was erased, here or in a package written later. A value a
    change replaced (``old``, before stamping) becomes ``placeholder``, so the change is still
    seen as one."""
    import json

    keys = [str(i) for i in ids] + [uuid.UUID(str(i)).hex for i in ids]
    for start in range(0, len(keys), 500):
        rows = connection.execute(
            sa.select(sync_change.c.id, sync_change.c.old, sync_change.c.new, sync_change.c.data)
            .where(sync_change.c.tbl == table, sync_change.c.row_key.in_(keys[start : start + 500]))
        ).all()  # fmt: skip
        for ident, *texts in rows:
            scrubbed = []
            for column, text in enumerate(texts):
                if not text:
                    scrubbed.append(text)
                    continue
                document = json.loads(text)
                for field, value in replacements.items():
                    if field in document:
                        before = column == 0 and document[field] not in (None, "")
                        document[field] = placeholder if before else value
                scrubbed.append(json.dumps(document, ensure_ascii=False, separators=(",", ":")))
            if scrubbed != list(texts):
                old, new, data = scrubbed
                connection.execute(
                    sa.update(sync_change)
                    .where(sync_change.c.id == ident)
                    .values(old=old, new=new, data=data)
                )
