"""Document store: original files kept by checksum in the data folder.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

from fieldapp.db.base import UTCDateTime

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "document",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("original_name", sa.String(255), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("stored_path", sa.String(255), nullable=False),
        sa.Column("uuid", sa.String(36), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("device_id", sa.String(36), nullable=False),
        sa.UniqueConstraint("uuid", name="uq_document_uuid"),
        sa.UniqueConstraint("sha256", name="uq_document_sha256"),
    )


def downgrade() -> None:
    op.drop_table("document")
