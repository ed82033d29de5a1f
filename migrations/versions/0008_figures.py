"""person-days kept with the period figures

The period report's indicators count person-days of training: the days each participant
attended, or the event's length when their days are not recorded. ``figures_event`` now keeps,
per event, the sum of the recorded days of its attended participations (``days_recorded``) and
how many attended participations have none recorded (``days_unrecorded``); a report multiplies
the latter by the event's length when it reads them, so that changing an event's dates needs no
recount. A participation's ``days_attended`` is therefore watched by the update trigger too
(migration 0005 watched its event, person, status, organisation and deletion). Every event is
listed, so the first period report after the upgrade counts everything once.

Revision ID: 0008_figures
Revises: 0007_certificates
Create Date: 2026-12-02 14:55:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008_figures"
down_revision: str | None = "0007_certificates"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_BEFORE = ("event_id", "person_id", "status", "deleted_at", "organization_id")
_AFTER = (*_BEFORE, "days_attended")
_NAME = "figures_participation_update"


def _sqlite_mark(event: str) -> str:
    return (
        f"INSERT INTO figures_stale (event_id) SELECT {event} "
        f"WHERE NOT EXISTS (SELECT 1 FROM figures_stale s WHERE s.event_id = {event});"
    )


def _sqlite_trigger(columns: Sequence[str]) -> list[str]:
    changed = " OR ".join(f"old.{c} IS NOT new.{c}" for c in columns)
    return [
        f"DROP TRIGGER IF EXISTS {_NAME}",
        f"CREATE TRIGGER {_NAME} AFTER UPDATE OF {', '.join(columns)} ON participation "
        f"WHEN {changed} BEGIN {_sqlite_mark('new.event_id')} {_sqlite_mark('old.event_id')} END",
    ]


def _postgresql_function(columns: Sequence[str]) -> list[str]:
    """The statement trigger's function, replaced in place (the trigger itself stays)."""
    changed = (
        f"({', '.join(f'n.{c}' for c in columns)}) IS DISTINCT FROM "
        f"({', '.join(f'o.{c}' for c in columns)})"
    )
    rows = f"FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE {changed}"
    return [
        f"CREATE OR REPLACE FUNCTION {_NAME}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        f"INSERT INTO figures_stale (event_id) SELECT n.event_id {rows} "
        f"UNION SELECT o.event_id {rows}; RETURN NULL; END $$"
    ]


def _watch(columns: Sequence[str]) -> None:
    dialect = op.get_bind().dialect.name
    statements = _sqlite_trigger(columns) if dialect == "sqlite" else _postgresql_function(columns)
    for statement in statements:
        op.execute(statement)


def upgrade() -> None:
    for name in ("days_recorded", "days_unrecorded"):
        op.add_column(
            "figures_event", sa.Column(name, sa.Integer(), nullable=False, server_default="0")
        )
    _watch(_AFTER)
    op.execute("INSERT INTO figures_stale (event_id) SELECT id FROM event")


def downgrade() -> None:
    _watch(_BEFORE)
    with op.batch_alter_table("figures_event") as batch:
        batch.drop_column("days_unrecorded")
        batch.drop_column("days_recorded")
