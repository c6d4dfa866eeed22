"""Issued reports: numbers per year, frozen PDFs with their checksums, versions.

Revision ID: 0009
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

from fieldapp.db.base import UTCDateTime

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "issued_report",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("directive_id", sa.Integer(), nullable=True),
        sa.Column("directive_ref", sa.String(120), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=True),
        sa.Column("symbol", sa.String(40), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("parts", sa.JSON(), nullable=False),
        sa.Column("figures", sa.JSON(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=True),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("pages", sa.Integer(), nullable=False),
        sa.Column("issued_at", UTCDateTime(), nullable=True),
        sa.Column("issued_by", sa.String(120), nullable=False),
        sa.Column("supersedes", sa.String(36), nullable=True),
        sa.Column("uuid", sa.String(36), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("device_id", sa.String(36), nullable=False),
        sa.ForeignKeyConstraint(
            ["directive_id"],
            ["directive.id"],
            name="fk_issued_report_directive_id_directive",
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["document.id"],
            name="fk_issued_report_document_id_document",
            ondelete="RESTRICT",
        ),
        sa.UniqueConstraint("uuid", name="uq_issued_report_uuid"),
        sa.UniqueConstraint("year", "symbol", "number", "version", name="uq_issued_report_year"),
    )
    op.create_index("ix_issued_report_kind", "issued_report", ["kind"])
    op.create_index("ix_issued_report_period_end", "issued_report", ["period_end"])
    op.create_index("ix_issued_report_status", "issued_report", ["status"])


def downgrade() -> None:
    op.drop_table("issued_report")
