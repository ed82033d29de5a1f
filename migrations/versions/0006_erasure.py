"""register of erasures

A table ``erasure`` with the id of every person anonymised and when (ids only, no personal
data), so that a restore can erase them again (``db.erasure.reapply_erasures``). Filled here
from the audit trail: every person with an ``anonymise`` entry, at the time of their first one.

Revision ID: 0006_erasure
Revises: 0005
Create Date: 2026-12-02 15:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006_erasure"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "erasure",
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("erased_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("person_id", name=op.f("pk_erasure")),
    )
    op.execute(
        "INSERT INTO erasure (person_id, erased_at) "
        "SELECT entity_id, min(created_at) FROM audit_entry "
        "WHERE entity = 'person' AND action = 'anonymise' GROUP BY entity_id"
    )


def downgrade() -> None:
    op.drop_table("erasure")
