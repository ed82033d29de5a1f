"""list indexes

An index for every sortable column and filter of the main window's lists, so that sorting and
paging are done by walking an index. People (the big list) get partial indexes over live rows
holding the sort columns and the id (the paging tie-break): deep pages cost an index walk, not a
sort of 200,000 rows. Single-column person indexes now covered by them are dropped. Index
operations only: no table is rebuilt, so the search triggers of 0002 stay in place.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22 20:49:44.108041
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("event", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_event_city"), ["city"], unique=False)
        batch_op.create_index(batch_op.f("ix_event_end_date"), ["end_date"], unique=False)
        batch_op.create_index(batch_op.f("ix_event_format"), ["format"], unique=False)
        batch_op.create_index(
            "ix_event_list_start_date",
            ["start_date", "id"],
            unique=False,
            sqlite_where=sa.text("deleted_at IS NULL"),
            postgresql_where=sa.text("deleted_at IS NULL"),
        )
        batch_op.create_index(batch_op.f("ix_event_status"), ["status"], unique=False)
        batch_op.create_index(batch_op.f("ix_event_title"), ["title"], unique=False)
        batch_op.create_index(batch_op.f("ix_event_type"), ["type"], unique=False)

    with op.batch_alter_table("organization", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_organization_kind"), ["kind"], unique=False)
        batch_op.create_index(batch_op.f("ix_organization_sector"), ["sector"], unique=False)

    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_person_email"))
        batch_op.drop_index(batch_op.f("ix_person_family_name"))
        batch_op.drop_index(batch_op.f("ix_person_family_name_local"))
        batch_op.drop_index(batch_op.f("ix_person_nationality"))
        batch_op.create_index("ix_person_email_id", ["email", "id"], unique=False)
        batch_op.create_index(
            "ix_person_list_family_name",
            ["family_name", "given_name", "id"],
            unique=False,
            sqlite_where=sa.text("deleted_at IS NULL"),
            postgresql_where=sa.text("deleted_at IS NULL"),
        )
        batch_op.create_index(
            "ix_person_list_given_name",
            ["given_name", "family_name", "id"],
            unique=False,
            sqlite_where=sa.text("deleted_at IS NULL"),
            postgresql_where=sa.text("deleted_at IS NULL"),
        )
        batch_op.create_index(
            "ix_person_list_local_name",
            ["family_name_local", "given_name_local", "id"],
            unique=False,
            sqlite_where=sa.text("deleted_at IS NULL"),
            postgresql_where=sa.text("deleted_at IS NULL"),
        )
        batch_op.create_index(
            "ix_person_list_organization",
            ["organization_id", "family_name", "given_name", "id"],
            unique=False,
            sqlite_where=sa.text("deleted_at IS NULL"),
            postgresql_where=sa.text("deleted_at IS NULL"),
        )
        batch_op.create_index(
            "ix_person_list_nationality",
            ["nationality", "family_name", "given_name", "id"],
            unique=False,
            sqlite_where=sa.text("deleted_at IS NULL"),
            postgresql_where=sa.text("deleted_at IS NULL"),
        )

    with op.batch_alter_table("project", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_project_end_date"), ["end_date"], unique=False)
        batch_op.create_index(batch_op.f("ix_project_start_date"), ["start_date"], unique=False)
        batch_op.create_index(batch_op.f("ix_project_title"), ["title"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("project", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_project_title"))
        batch_op.drop_index(batch_op.f("ix_project_start_date"))
        batch_op.drop_index(batch_op.f("ix_project_end_date"))

    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_index(
            "ix_person_list_organization",
            sqlite_where=sa.text("deleted_at IS NULL"),
            postgresql_where=sa.text("deleted_at IS NULL"),
        )
        batch_op.drop_index(
            "ix_person_list_nationality",
            sqlite_where=sa.text("deleted_at IS NULL"),
            postgresql_where=sa.text("deleted_at IS NULL"),
        )
        batch_op.drop_index(
            "ix_person_list_local_name",
            sqlite_where=sa.text("deleted_at IS NULL"),
            postgresql_where=sa.text("deleted_at IS NULL"),
        )
        batch_op.drop_index(
            "ix_person_list_given_name",
            sqlite_where=sa.text("deleted_at IS NULL"),
            postgresql_where=sa.text("deleted_at IS NULL"),
        )
        batch_op.drop_index(
            "ix_person_list_family_name",
            sqlite_where=sa.text("deleted_at IS NULL"),
            postgresql_where=sa.text("deleted_at IS NULL"),
        )
        batch_op.drop_index("ix_person_email_id")
        batch_op.create_index(batch_op.f("ix_person_nationality"), ["nationality"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_person_family_name_local"), ["family_name_local"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_person_family_name"), ["family_name"], unique=False)
        batch_op.create_index(batch_op.f("ix_person_email"), ["email"], unique=False)

    with op.batch_alter_table("organization", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_organization_sector"))
        batch_op.drop_index(batch_op.f("ix_organization_kind"))

    with op.batch_alter_table("event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_event_type"))
        batch_op.drop_index(batch_op.f("ix_event_title"))
        batch_op.drop_index(batch_op.f("ix_event_status"))
        batch_op.drop_index(
            "ix_event_list_start_date",
            sqlite_where=sa.text("deleted_at IS NULL"),
            postgresql_where=sa.text("deleted_at IS NULL"),
        )
        batch_op.drop_index(batch_op.f("ix_event_format"))
        batch_op.drop_index(batch_op.f("ix_event_end_date"))
        batch_op.drop_index(batch_op.f("ix_event_city"))
