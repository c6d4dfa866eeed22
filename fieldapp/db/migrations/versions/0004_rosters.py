"""Duty rosters: sites, staff, leave, rules, assignments, attendance.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

from fieldapp.db.base import UTCDateTime

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def sync_columns(table: str) -> list[sa.Column | sa.UniqueConstraint]:
    return [
        sa.Column("uuid", sa.String(36), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("device_id", sa.String(36), nullable=False),
        sa.UniqueConstraint("uuid", name=f"uq_{table}_uuid"),
    ]


def upgrade() -> None:
    op.create_table(
        "roster_site",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("place", sa.Text(), nullable=False),
        sa.Column("active_from", sa.Date(), nullable=False),
        sa.Column("active_to", sa.Date(), nullable=True),
        sa.Column("pattern", sa.String(20), nullable=False),
        sa.Column("shifts", sa.JSON(), nullable=False),
        sa.Column("staff_per_shift", sa.Integer(), nullable=False),
        sa.Column("require", sa.JSON(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        *sync_columns("roster_site"),
    )


def downgrade() -> None:
    op.drop_table("roster_site")
