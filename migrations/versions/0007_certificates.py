"""certificates of attendance

The register of certificates of attendance (``certificate``: number unique per office and year,
verification code, participation, issued when and by whom, superseded by), the office settings
kept in the database (``office_setting``: the logo printed on certificates), and three event
fields: the days a partial attendee needs for a certificate, and the signatory's name and title.
Columns are added with a plain ``ALTER TABLE … ADD COLUMN`` on both SQLite and PostgreSQL (they
are nullable), so the event table and its triggers are not rebuilt.

Revision ID: 0007_certificates
Revises: 0006_erasure
Create Date: 2026-12-02 14:40:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007_certificates"
down_revision: str | None = "0006_erasure"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _record_columns() -> list[sa.Column]:  # type: ignore[type-arg]
    return [
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
    ]


def upgrade() -> None:
    op.add_column("event", sa.Column("certificate_min_days", sa.Integer(), nullable=True))
    op.add_column("event", sa.Column("signatory_name", sa.String(length=200), nullable=True))
    op.add_column("event", sa.Column("signatory_title", sa.String(length=300), nullable=True))
    op.create_table(
        "certificate",
        *_record_columns(),
        sa.Column("participation_id", sa.Uuid(), nullable=False),
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("event_id", sa.Uuid(), nullable=False),
        sa.Column("office", sa.String(length=20), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("serial", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=40), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("content_digest", sa.String(length=64), nullable=False),
        sa.Column("issued_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("issued_by", sa.String(length=100), nullable=False),
        sa.Column("superseded_by_id", sa.Uuid(), nullable=True),
        sa.CheckConstraint("serial > 0", name=op.f("ck_certificate_serial_positive")),
        sa.ForeignKeyConstraint(
            ["participation_id"],
            ["participation.id"],
            name=op.f("fk_certificate_participation_id_participation"),
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_certificate_person_id_person")
        ),
        sa.ForeignKeyConstraint(
            ["event_id"], ["event.id"], name=op.f("fk_certificate_event_id_event")
        ),
        sa.ForeignKeyConstraint(
            ["superseded_by_id"],
            ["certificate.id"],
            name=op.f("fk_certificate_superseded_by_id_certificate"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_certificate")),
        sa.UniqueConstraint("code", name=op.f("uq_certificate_code")),
        sa.UniqueConstraint("number", name=op.f("uq_certificate_number")),
        sa.UniqueConstraint(
            "office", "year", "serial", name=op.f("uq_certificate_office_year_serial")
        ),
    )
    for column in ("participation_id", "person_id", "event_id", "superseded_by_id"):
        op.create_index(op.f(f"ix_certificate_{column}"), "certificate", [column])
    op.create_table(
        "office_setting",
        *_record_columns(),
        sa.Column("key", sa.String(length=60), nullable=False),
        sa.Column("text_value", sa.Text(), nullable=True),
        sa.Column("binary_value", sa.LargeBinary(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_office_setting")),
        sa.UniqueConstraint("key", name=op.f("uq_office_setting_key")),
    )


def downgrade() -> None:
    op.drop_table("office_setting")
    for column in ("participation_id", "person_id", "event_id", "superseded_by_id"):
        op.drop_index(op.f(f"ix_certificate_{column}"), table_name="certificate")
    op.drop_table("certificate")
    with op.batch_alter_table("event", schema=None) as batch_op:
        batch_op.drop_column("signatory_title")
        batch_op.drop_column("signatory_name")
        batch_op.drop_column("certificate_min_days")
