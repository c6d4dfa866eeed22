"""Trust gate: sign-in attempts, audit anchor, device keys (issue 15).

Revision ID: 0010
Revises: 0009

Which key each device id belongs to (sync packages: a sender may write only the records of
its own devices). The audit anchor lives in a file beside the database, not in a table.
"""

import sqlalchemy as sa
from alembic import op

from fieldapp.db.base import UTCDateTime

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_device_key",
        sa.Column("device_id", sa.String(36), primary_key=True),
        sa.Column("fingerprint", sa.String(80), nullable=False),
        sa.Column("bound_at", UTCDateTime(), nullable=False),
    )
    op.create_index("ix_sync_device_key_fingerprint", "sync_device_key", ["fingerprint"])


def downgrade() -> None:
    op.drop_index("ix_sync_device_key_fingerprint", "sync_device_key")
    op.drop_table("sync_device_key")
