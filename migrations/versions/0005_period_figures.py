"""period figures kept ahead of time

The period report's figures over many years took seconds to count from a million participations
(joining them to their people every time). They are now kept per event in ``figures_*`` tables
(see ``db.models``), with running totals over all events, and counted again only for the events
listed in ``figures_stale`` (``app.reports.tallies.refresh``). Every existing event is listed
here, so the first period report after the upgrade counts everything once.

Triggers list an event whenever anything its figures depend on changes, whatever writes it
(services, imports, merges, raw SQL):

- a participation added, removed, or changed in its event, person, status, organisation or
  deletion (both the old and the new event);
- a person's sex, nationality, current organisation or deletion (every event they are listed in);
- an organisation's sector or kind (every event where it is the agency of a participation or the
  current agency of a participant).

SQLite: row triggers, listing an event only when it is not listed yet. PostgreSQL: statement
triggers over the transition tables (one insert per statement, not one per row); an event may
then be listed several times, and a refresh reads the list with DISTINCT. They never skip an
event already listed, because a refresh running at the same time may be taking that very entry.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23 01:10:00
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import sqlalchemy as sa
from alembic import op

_WATCHED = {
    "participation": ("event_id", "person_id", "status", "deleted_at", "organization_id"),
    "person": ("sex", "nationality", "organization_id", "deleted_at"),
    "organization": ("sector", "kind"),
}
# The events a changed person or organisation (``{row}`` its new row) touches.
_PERSON_EVENTS = "SELECT pa.event_id FROM participation pa WHERE pa.person_id = {row}.id"
_ORGANIZATION_EVENTS = (
    "SELECT pa.event_id FROM participation pa WHERE pa.organization_id = {row}.id"
    " OR pa.person_id IN (SELECT p.id FROM person p WHERE p.organization_id = {row}.id)"
)


def _sqlite_mark(event: str) -> str:
    return (
        f"INSERT INTO figures_stale (event_id) SELECT {event} "
        f"WHERE NOT EXISTS (SELECT 1 FROM figures_stale s WHERE s.event_id = {event});"
    )


def _sqlite_mark_each(events: str) -> str:
    return (
        f"INSERT INTO figures_stale (event_id) SELECT DISTINCT x.event_id FROM ({events}) x "
        "WHERE NOT EXISTS (SELECT 1 FROM figures_stale s WHERE s.event_id = x.event_id);"
    )


def _sqlite_changed(table: str) -> str:
    return " OR ".join(f"old.{c} IS NOT new.{c}" for c in _WATCHED[table])


def sqlite_statements() -> list[str]:
    changed = _sqlite_changed("participation")
    columns = ", ".join(_WATCHED["participation"])
    return [
        "CREATE TRIGGER figures_participation_insert AFTER INSERT ON participation "
        f"BEGIN {_sqlite_mark('new.event_id')} END",
        f"CREATE TRIGGER figures_participation_update AFTER UPDATE OF {columns} ON participation "
        f"WHEN {changed} BEGIN {_sqlite_mark('new.event_id')} {_sqlite_mark('old.event_id')} END",
        "CREATE TRIGGER figures_participation_delete AFTER DELETE ON participation "
        f"BEGIN {_sqlite_mark('old.event_id')} END",
        f"CREATE TRIGGER figures_person_update AFTER UPDATE OF {', '.join(_WATCHED['person'])} "
        f"ON person WHEN {_sqlite_changed('person')} "
        f"BEGIN {_sqlite_mark_each(_PERSON_EVENTS.format(row='new'))} END",
        "CREATE TRIGGER figures_organization_update AFTER UPDATE OF sector, kind ON organization "
        f"WHEN {_sqlite_changed('organization')} "
        f"BEGIN {_sqlite_mark_each(_ORGANIZATION_EVENTS.format(row='new'))} END",
    ]


def _pg_changed(table: str) -> str:
    columns = _WATCHED[table]
    return (
        f"({', '.join(f'n.{c}' for c in columns)}) IS DISTINCT FROM "
        f"({', '.join(f'o.{c}' for c in columns)})"
    )


def _pg_function(name: str, body: str) -> str:
    return (
        f"CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        f"INSERT INTO figures_stale (event_id) {body}; RETURN NULL; END $$"
    )


def _pg_trigger(name: str, when: str, table: str, referencing: str) -> str:
    return (
        f"CREATE TRIGGER {name} AFTER {when} ON {table} REFERENCING {referencing} "
        f"FOR EACH STATEMENT EXECUTE FUNCTION {name}()"
    )


_PG_BOTH = "OLD TABLE AS old_rows NEW TABLE AS new_rows"
_PG_CHANGED = "FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE {changed}"


def _pg_triggers() -> list[tuple[str, str, str, str, str]]:
    """(name, event, table, REFERENCING clause, the SELECT of events to mark)."""
    participation = _PG_CHANGED.format(changed=_pg_changed("participation"))
    return [
        (
            "figures_participation_insert",
            "INSERT",
            "participation",
            "NEW TABLE AS new_rows",
            "SELECT DISTINCT event_id FROM new_rows",
        ),
        (
            "figures_participation_update",
            "UPDATE",
            "participation",
            _PG_BOTH,
            f"SELECT n.event_id {participation} UNION SELECT o.event_id {participation}",
        ),
        (
            "figures_participation_delete",
            "DELETE",
            "participation",
            "OLD TABLE AS old_rows",
            "SELECT DISTINCT event_id FROM old_rows",
        ),
        (
            "figures_person_update",
            "UPDATE",
            "person",
            _PG_BOTH,
            f"SELECT DISTINCT x.event_id FROM (SELECT n.* "
            f"{_PG_CHANGED.format(changed=_pg_changed('person'))}) changed "
            f"CROSS JOIN LATERAL ({_PERSON_EVENTS.format(row='changed')}) x",
        ),
        (
            "figures_organization_update",
            "UPDATE",
            "organization",
            _PG_BOTH,
            f"SELECT DISTINCT x.event_id FROM (SELECT n.* "
            f"{_PG_CHANGED.format(changed=_pg_changed('organization'))}) changed "
            f"CROSS JOIN LATERAL ({_ORGANIZATION_EVENTS.format(row='changed')}) x",
        ),
    ]


def postgresql_statements() -> list[str]:
    statements = []
    for name, when, table, referencing, body in _pg_triggers():
        statements += [_pg_function(name, body), _pg_trigger(name, when, table, referencing)]
    return statements


def create_triggers(execute: Callable[[str], object], dialect: str) -> None:
    """Create the triggers (``execute`` runs one SQL statement)."""
    for statement in sqlite_statements() if dialect == "sqlite" else postgresql_statements():
        execute(statement)


def drop_triggers(execute: Callable[[str], object], dialect: str) -> None:
    for name, _, table, _, _ in _pg_triggers():
        if dialect == "sqlite":
            execute(f"DROP TRIGGER IF EXISTS {name}")
        else:
            execute(f"DROP TRIGGER IF EXISTS {name} ON {table}")
            execute(f"DROP FUNCTION IF EXISTS {name}()")


revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _key() -> list[sa.Column]:  # type: ignore[type-arg]
    return [
        sa.Column("sex", sa.String(length=20), nullable=False),
        sa.Column("nationality", sa.String(length=2), nullable=False),
        sa.Column("sector", sa.String(length=40), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
    ]


_KEY = ["sex", "nationality", "sector", "kind"]
_TABLES = (
    "figures_delta",
    "figures_claim",
    "figures_people_total",
    "figures_person",
    "figures_attendance",
    "figures_group_total",
    "figures_event_group",
    "figures_event",
    "figures_stale",
)


def upgrade() -> None:
    op.create_table(
        "figures_stale",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("event_id", sa.Uuid(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_figures_stale")),
    )
    op.create_index(op.f("ix_figures_stale_event_id"), "figures_stale", ["event_id"])
    op.create_table(
        "figures_event",
        sa.Column("event_id", sa.Uuid(), nullable=False),
        *(
            sa.Column(name, sa.Integer(), nullable=False)
            for name in ("listed", "female", "male", "unspecified")
        ),
        sa.PrimaryKeyConstraint("event_id", name=op.f("pk_figures_event")),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "figures_event_group",
        sa.Column("event_id", sa.Uuid(), nullable=False),
        *_key(),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("event_id", *_KEY, name=op.f("pk_figures_event_group")),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "figures_group_total",
        *_key(),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint(*_KEY, name=op.f("pk_figures_group_total")),
    )
    op.create_table(
        "figures_attendance",
        sa.Column("event_id", sa.Uuid(), nullable=False),
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.PrimaryKeyConstraint("event_id", "person_id", name=op.f("pk_figures_attendance")),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "figures_person",
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("events", sa.Integer(), nullable=False),
        *_key(),
        sa.PrimaryKeyConstraint("person_id", name=op.f("pk_figures_person")),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "figures_people_total",
        sa.Column("events", sa.Integer(), nullable=False),
        *_key(),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("events", *_KEY, name=op.f("pk_figures_people_total")),
    )
    op.create_table(
        "figures_claim",
        sa.Column("event_id", sa.Uuid(), nullable=False),
        sa.PrimaryKeyConstraint("event_id", name=op.f("pk_figures_claim")),
    )
    op.create_table(
        "figures_delta",
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("delta", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("person_id", name=op.f("pk_figures_delta")),
    )
    bind = op.get_bind()
    create_triggers(op.execute, bind.dialect.name)
    op.execute("INSERT INTO figures_stale (event_id) SELECT id FROM event")


def downgrade() -> None:
    drop_triggers(op.execute, op.get_bind().dialect.name)
    op.drop_index(op.f("ix_figures_stale_event_id"), table_name="figures_stale")
    for table in _TABLES:
        op.drop_table(table)
