"""search order index

An index on the order of people search results and of the people list by family name (family
name in Latin, else in the local script; given name likewise; id) over live people, so that a
search matching tens of thousands of people walks it and stops after the first page instead of
sorting every match (``app.search``), and people known only by their local-script name no longer
sort as a block of blanks. It replaces the list index on the Latin family name alone. Index
operations only: no table is rebuilt, so the search triggers of 0002 stay in place.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22 23:15:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_LIVE = sa.text("deleted_at IS NULL")


def upgrade() -> None:
    op.drop_index("ix_person_list_family_name", table_name="person")
    op.create_index(
        "ix_person_search_order",
        "person",
        [
            sa.text("(coalesce(family_name, family_name_local, ''))"),
            sa.text("(coalesce(given_name, given_name_local, ''))"),
            "id",
        ],
        unique=False,
        sqlite_where=_LIVE,
        postgresql_where=_LIVE,
    )


def downgrade() -> None:
    op.drop_index("ix_person_search_order", table_name="person")
    op.create_index(
        "ix_person_list_family_name",
        "person",
        ["family_name", "given_name", "id"],
        unique=False,
        sqlite_where=_LIVE,
        postgresql_where=_LIVE,
    )
