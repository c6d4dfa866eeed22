"""Health follow-up: checks with danger signs, where an F0 is treated (issue 19); lockdown area
names unique per device, so two communes' "Thôn 1" both reach the district.

Revision ID: 0015
Revises: 0014
"""

import sqlalchemy as sa
from alembic import op

from fieldapp.db.base import UTCDateTime
from fieldapp.db.ddl import sync_columns

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "followup_check",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("checked_at", UTCDateTime(), nullable=False),
        sa.Column("temperature", sa.Float(), nullable=True),
        sa.Column("spo2", sa.Integer(), nullable=True),
        sa.Column("pulse", sa.Integer(), nullable=True),
        sa.Column("breath_rate", sa.Integer(), nullable=True),
        sa.Column("symptoms", sa.JSON(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("checked_by", sa.String(120), nullable=False),
        sa.Column("by_phone", sa.Boolean(), nullable=False),
        sa.Column("danger", sa.Boolean(), nullable=False),
        sa.Column("danger_signs", sa.JSON(), nullable=False),
        sa.Column("action", sa.String(20), nullable=False),
        sa.Column("action_at", UTCDateTime(), nullable=True),
        sa.Column("action_by", sa.String(120), nullable=False),
        sa.Column("action_note", sa.Text(), nullable=False),
        *sync_columns("followup_check"),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["household_member.id"],
            name="fk_followup_check_member_id_household_member",
            ondelete="CASCADE",
        ),
    )
    op.create_index("ix_followup_check_member_time", "followup_check", ["member_id", "checked_at"])
    op.create_index("ix_followup_check_checked_at", "followup_check", ["checked_at"])
    op.create_index("ix_followup_check_danger", "followup_check", ["danger"])
    with op.batch_alter_table("health_status") as batch:
        batch.add_column(sa.Column("place", sa.String(200), nullable=False, server_default=""))
    # An area's name is unique per device (commune), not across a district's database.
    with op.batch_alter_table("lockdown_area") as batch:
        batch.drop_constraint("uq_lockdown_area_name", type_="unique")
        batch.create_unique_constraint("uq_lockdown_area_device_name", ["device_id", "name"])


def downgrade() -> None:
    with op.batch_alter_table("lockdown_area") as batch:
        batch.drop_constraint("uq_lockdown_area_device_name", type_="unique")
        batch.create_unique_constraint("uq_lockdown_area_name", ["name"])
    with op.batch_alter_table("health_status") as batch:
        batch.drop_column("place")
    op.drop_table("followup_check")
