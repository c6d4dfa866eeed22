"""Sync: tombstones, trusted senders, export marks, received packages, conflicts.

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

from fieldapp.db.base import UTCDateTime

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_tombstone",
        sa.Column("uuid", sa.String(36), primary_key=True),
        sa.Column("table_name", sa.String(60), nullable=False),
        sa.Column("deleted_at", UTCDateTime(), nullable=False),
        sa.Column("device_id", sa.String(36), nullable=False),
    )
    op.create_index("ix_sync_tombstone_deleted_at", "sync_tombstone", ["deleted_at"])
    op.create_table(
        "sync_peer",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("fingerprint", sa.String(80), nullable=False),
        sa.Column("public_key", sa.String(120), nullable=False),
        sa.Column("device_id", sa.String(36), nullable=False),
        sa.Column("commune", sa.String(200), nullable=False),
        sa.Column("trusted_at", UTCDateTime(), nullable=False),
        sa.Column("last_sequence", sa.Integer(), nullable=False),
        sa.Column("last_package_at", UTCDateTime(), nullable=True),
        sa.UniqueConstraint("fingerprint", name="uq_sync_peer_fingerprint"),
    )
    op.create_table(
        "sync_export_mark",
        sa.Column("destination", sa.String(60), primary_key=True),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("until", UTCDateTime(), nullable=True),
    )
    op.create_table(
        "sync_received",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("package_sha256", sa.String(64), nullable=False),
        sa.Column("fingerprint", sa.String(80), nullable=False),
        sa.Column("device_id", sa.String(36), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("received_at", UTCDateTime(), nullable=False),
        sa.Column("rows", sa.Integer(), nullable=False),
        sa.UniqueConstraint("package_sha256", name="uq_sync_received_package_sha256"),
    )
    op.create_table(
        "sync_conflict",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("table_name", sa.String(60), nullable=False),
        sa.Column("record_uuid", sa.String(36), nullable=False),
        sa.Column("reason", sa.String(40), nullable=False),
        sa.Column("kept", sa.Text(), nullable=True),
        sa.Column("other", sa.Text(), nullable=False),
        sa.Column("other_hash", sa.String(64), nullable=False),
        sa.Column("other_device", sa.String(36), nullable=False),
        sa.Column("other_at", UTCDateTime(), nullable=False),
        sa.Column("found_at", UTCDateTime(), nullable=False),
        sa.Column("resolved_at", UTCDateTime(), nullable=True),
        sa.Column("resolved_by", sa.String(60), nullable=False),
        sa.Column("resolution", sa.String(20), nullable=False),
        sa.UniqueConstraint("record_uuid", "other_hash", name="uq_sync_conflict_record_uuid"),
    )
    op.create_index("ix_sync_conflict_record_uuid", "sync_conflict", ["record_uuid"])


def downgrade() -> None:
    for table in (
        "sync_conflict",
        "sync_received",
        "sync_export_mark",
        "sync_peer",
        "sync_tombstone",
    ):
        op.drop_table(table)
