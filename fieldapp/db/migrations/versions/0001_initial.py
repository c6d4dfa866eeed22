"""Foundation: app metadata, settings, the commune profile.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

from fieldapp.db.base import UTCDateTime

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def sync_columns() -> list[sa.Column]:
    return [
        sa.Column("uuid", sa.String(36), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("device_id", sa.String(36), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "app_meta",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text(), nullable=False),
    )
    op.create_table(
        "setting",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text(), nullable=False),
    )
    op.create_table(
        "commune_profile",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("unit_kind", sa.String(20), nullable=False),
        sa.Column("commune_name", sa.String(120), nullable=False),
        sa.Column("district_kind", sa.String(20), nullable=False),
        sa.Column("district_name", sa.String(120), nullable=False),
        sa.Column("province_name", sa.String(120), nullable=False),
        sa.Column("committee_name", sa.String(255), nullable=False),
        sa.Column("chairman_name", sa.String(120), nullable=False),
        sa.Column("chairman_title", sa.String(120), nullable=False),
        sa.Column("signer_name", sa.String(120), nullable=False),
        sa.Column("signer_title", sa.String(120), nullable=False),
        sa.Column("signer_authority", sa.String(120), nullable=False),
        sa.Column("phone", sa.String(40), nullable=False),
        sa.Column("place_name", sa.String(120), nullable=False),
        *sync_columns(),
        sa.UniqueConstraint("uuid", name="uq_commune_profile_uuid"),
    )


def downgrade() -> None:
    op.drop_table("commune_profile")
    op.drop_table("setting")
    op.drop_table("app_meta")
