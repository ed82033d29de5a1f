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
    """The new tables as they were at this revision (written out, not taken from today's
    models: a later revision that changes one of them must find it as it was here)."""
    from db.base import NAMING_CONVENTION, UTCDateTime

    frozen = sa.MetaData(naming_convention=NAMING_CONVENTION)
    when = UTCDateTime
    return [
        sa.Table(
            "record_merge", frozen,
            sa.Column("id", sa.Uuid, primary_key=True),
            sa.Column("entity", sa.String(40), nullable=False),
            sa.Column("from_id", sa.Uuid, nullable=False, index=True),
            sa.Column("into_id", sa.Uuid, nullable=False),
            sa.Column("created_at", when(), nullable=False),
            sa.Column("updated_at", when(), nullable=False),
            sa.Column("version", sa.Integer, nullable=False),
            sa.Column("deleted_at", when(), nullable=True),
        ),
        sa.Table(
            "sync_office", frozen,
            sa.Column("code", sa.String(8), primary_key=True),
            sa.Column("name", sa.String(200), nullable=False),
            sa.Column("is_self", sa.Boolean, nullable=False, server_default=sa.false()),
            sa.Column("chosen", sa.Boolean, nullable=False, server_default=sa.false()),
            sa.Column("next_seq", sa.BigInteger, nullable=False, server_default="1"),
            sa.Column("hlc", sa.BigInteger, nullable=False, server_default="0"),
            sa.Column("seen", sa.JSON, nullable=True),
            sa.Column("heard_at", when(), nullable=True),
            sa.Column("received_at", when(), nullable=True),
            sa.Column("exported_at", when(), nullable=True),
        ),
        sa.Table(
            "sync_change", frozen,
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
            sa.Column("captured_at", when(), nullable=True),
            sa.Column("actor", sa.String(100), nullable=True),
            sa.UniqueConstraint("office", "seq"),
            sa.Index(None, "tbl", "row_key"),
        ),
        sa.Table(
            "sync_epoch", frozen,
            sa.Column("office", sa.String(8), primary_key=True),
            sa.Column("from_seq", sa.BigInteger, primary_key=True),
            sa.Column("seen", sa.JSON, nullable=False),
        ),
        sa.Table(
            "sync_conflict", frozen,
            sa.Column("id", sa.String(64), primary_key=True),
            sa.Column("tbl", sa.String(40), nullable=False),
            sa.Column("row_key", sa.String(80), nullable=False),
            sa.Column("field", sa.String(60), nullable=False),
            *(
                column
                for side in ("kept", "lost")
                for column in (
                    sa.Column(f"{side}_value", sa.Text, nullable=True),
                    sa.Column(f"{side}_office", sa.String(8), nullable=False),
                    sa.Column(f"{side}_seq", sa.BigInteger, nullable=False),
                    sa.Column(f"{side}_hlc", sa.BigInteger, nullable=False),
                    sa.Column(f"{side}_actor", sa.String(100), nullable=True),
                )
            ),
            sa.Column("recorded_at", when(), nullable=False),
            sa.Column("settled_at", when(), nullable=True),
            sa.Index(None, "tbl", "row_key"),
        ),
        sa.Table(
            "sync_duplicate", frozen,
            sa.Column("person_id", sa.Uuid, primary_key=True),
            sa.Column("other_id", sa.Uuid, primary_key=True),
            sa.Column("found_at", when(), nullable=False),
            sa.Column("settled_at", when(), nullable=True),
        ),
        sa.Table("sync_pause", frozen, sa.Column("id", sa.Integer, primary_key=True)),
    ]  # fmt: skip


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
