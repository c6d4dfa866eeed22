"""Checkpoint log: arrivals from epidemic areas at each checkpoint.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

from fieldapp.db.base import UTCDateTime

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "checkpoint_entry",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "site_id",
            sa.Integer(),
            sa.ForeignKey("roster_site.id", name="fk_checkpoint_entry_site_id_roster_site"),
            nullable=False,
        ),
        sa.Column("arrived_at", UTCDateTime(), nullable=False),
        sa.Column("direction", sa.String(3), nullable=False),
        sa.Column("full_name", sa.String(120), nullable=False),
        sa.Column("from_place", sa.String(200), nullable=False),
        sa.Column("to_place", sa.String(200), nullable=False),
        sa.Column("vehicle_plate", sa.String(20), nullable=False),
        sa.Column("vehicle_kind", sa.String(40), nullable=False),
        sa.Column("phone", sa.String(15), nullable=False),
        sa.Column("health_declared", sa.Boolean(), nullable=False),
        sa.Column("temperature", sa.Float(), nullable=True),
        sa.Column("people_count", sa.Integer(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("recorded_by", sa.String(120), nullable=False),
        sa.Column("search_key", sa.Text(), nullable=False),
        sa.Column("uuid", sa.String(36), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("device_id", sa.String(36), nullable=False),
        sa.UniqueConstraint("uuid", name="uq_checkpoint_entry_uuid"),
    )
    op.create_index("ix_checkpoint_entry_site_id", "checkpoint_entry", ["site_id", "arrived_at"])
    op.create_index("ix_checkpoint_entry_arrived_at", "checkpoint_entry", ["arrived_at"])


def downgrade() -> None:
    op.drop_index("ix_checkpoint_entry_arrived_at", "checkpoint_entry")
    op.drop_index("ix_checkpoint_entry_site_id", "checkpoint_entry")
    op.drop_table("checkpoint_entry")
