"""offices and sync packages: the change log, its triggers, the offices, conflicts

Every database belongs to one office (``sync_office``, ``is_self``): an existing database gets
a generated code (or the office code set for certificates), which it may change until its first
package. Every insert, update and delete of a synced table is written to ``sync_change`` by a
trigger (see ``db.sync_schema``); the link tables get ``updated_at`` and ``version`` like every
record; ``record_merge`` keeps each merge so that it travels as a merge. Rows already present are
logged as made by this office when it first stamps its log (``app.sync.log``).

Revision ID: 0009_sync
Revises: 0008_figures
Create Date: 2026-12-02 21:20:00
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009_sync"
down_revision: str | None = "0008_figures"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_NEW_TABLES = (
    "record_merge",
    "sync_office",
    "sync_change",
    "sync_epoch",
    "sync_conflict",
    "sync_duplicate",
    "sync_pause",
)
_LINKS = ("event_field_of_work", "project_donor")


def _tables() -> list[sa.Table]:
    from db.base import NAMING_CONVENTION
    from db.models import Base

    frozen = sa.MetaData(naming_convention=NAMING_CONVENTION)
    return [Base.metadata.tables[name].to_metadata(frozen) for name in _NEW_TABLES]


def _office_code(bind: sa.Connection) -> tuple[str, bool]:
    """The code set for certificates if there is one, else a generated one (not chosen)."""
    row = bind.execute(
        sa.text("SELECT text_value FROM office_setting WHERE key = 'office_code'")
    ).first()
    cleaned = re.sub(r"[^A-Z0-9]", "", (row[0] or "").upper()) if row else ""
    if 2 <= len(cleaned) <= 8 and cleaned[0].isalpha():
        return cleaned, True
    return "X" + secrets.token_hex(2).upper(), False


def upgrade() -> None:
    bind = op.get_bind()
    for table in _tables():
        table.create(bind)
    for link in _LINKS:
        with op.batch_alter_table(link) as batch:
            batch.add_column(sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True))
            batch.add_column(sa.Column("version", sa.Integer(), nullable=False, server_default="1"))
    code, chosen = _office_code(bind)
    bind.execute(
        sa.text("INSERT INTO sync_office (code, name, is_self, chosen) VALUES (:c, '', :t, :h)"),
        {"c": code, "t": True, "h": chosen},
    )
    from db import sync_schema

    if bind.dialect.name == "postgresql":
        statements = sync_schema.postgresql_trigger_statements()
    else:
        statements = sync_schema.sqlite_trigger_statements(bind)
    for statement in statements:
        op.execute(statement)


def downgrade() -> None:
    from db import sync_schema

    for statement in sync_schema.drop_trigger_statements(op.get_bind().dialect.name):
        op.execute(statement)
    for link in _LINKS:
        with op.batch_alter_table(link) as batch:
            batch.drop_column("version")
            batch.drop_column("updated_at")
    for name in reversed(_NEW_TABLES):
        op.drop_table(name)
