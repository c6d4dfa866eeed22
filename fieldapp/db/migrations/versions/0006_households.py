"""Lockdown areas and households: people, health status, tests, relief.

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

from fieldapp.db.base import UTCDateTime
from fieldapp.db.ddl import sync_columns

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def fk(column: str, table: str, target: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], [f"{target}.id"], name=f"fk_{table}_{column}_{target}", ondelete="CASCADE"
    )


def upgrade() -> None:
    op.create_table(
        "lockdown_area",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("villages", sa.Text(), nullable=False),
        sa.Column("regime", sa.String(20), nullable=False),
        sa.Column("started_on", sa.Date(), nullable=False),
        sa.Column("planned_end", sa.Date(), nullable=True),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column("decision", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        *sync_columns("lockdown_area"),
        sa.UniqueConstraint("name", name="uq_lockdown_area_name"),
    )
    op.create_table(
        "household",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("area_id", sa.Integer(), nullable=False),
        sa.Column("head_name", sa.String(120), nullable=False),
        sa.Column("village", sa.String(120), nullable=False),
        sa.Column("street", sa.String(200), nullable=False),
        sa.Column("house_number", sa.String(40), nullable=False),
        sa.Column("phone", sa.String(20), nullable=False),
        sa.Column("poor", sa.Boolean(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("member_count", sa.Integer(), nullable=False),
        sa.Column("vulnerable", sa.Boolean(), nullable=False),
        sa.Column("head_sort", sa.LargeBinary(), nullable=False),
        sa.Column("village_sort", sa.LargeBinary(), nullable=False),
        sa.Column("search_fold", sa.Text(), nullable=False),
        sa.Column("match_key", sa.String(400), nullable=False),
        *sync_columns("household"),
        fk("area_id", "household", "lockdown_area"),
    )
    op.create_index("ix_household_area_id", "household", ["area_id", "head_sort"])
    op.create_index("ix_household_match_key", "household", ["area_id", "match_key"])
    op.create_index("ix_household_area_members", "household", ["area_id", "member_count"])
    op.create_index("ix_household_village", "household", ["area_id", "village", "village_sort"])
    op.create_index("ix_household_vulnerable", "household", ["vulnerable"])
    op.create_index("ix_household_head_sort", "household", ["head_sort"])

    op.create_table(
        "household_member",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("household_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("full_name", sa.String(120), nullable=False),
        sa.Column("name_fold", sa.String(120), nullable=False),
        sa.Column("birth_year", sa.Integer(), nullable=True),
        sa.Column("birth_date", sa.Date(), nullable=True),
        sa.Column("sex", sa.String(1), nullable=False),
        sa.Column("relation", sa.String(40), nullable=False),
        sa.Column("is_head", sa.Boolean(), nullable=False),
        sa.Column("citizen_id", sa.String(12), nullable=True),
        sa.Column("phone", sa.String(20), nullable=False),
        sa.Column("elderly", sa.Boolean(), nullable=False),
        sa.Column("young_child", sa.Boolean(), nullable=False),
        sa.Column("pregnant", sa.Boolean(), nullable=False),
        sa.Column("disabled", sa.Boolean(), nullable=False),
        sa.Column("chronic", sa.Boolean(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("isolation", sa.String(10), nullable=False),
        sa.Column("isolation_start", sa.Date(), nullable=True),
        sa.Column("isolation_end", sa.Date(), nullable=True),
        *sync_columns("household_member"),
        sa.UniqueConstraint("citizen_id", name="uq_household_member_citizen_id"),
        fk("household_id", "household_member", "household"),
    )
    op.create_index("ix_household_member_household_id", "household_member", ["household_id"])
    op.create_index("ix_household_member_name_fold", "household_member", ["name_fold"])
    op.create_index("ix_household_member_status", "household_member", ["status"])
    op.create_index("ix_household_member_isolation_end", "household_member", ["isolation_end"])

    op.create_table(
        "health_status",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("isolation", sa.String(10), nullable=False),
        sa.Column("start", sa.Date(), nullable=False),
        sa.Column("end", sa.Date(), nullable=True),
        sa.Column("recorded_at", UTCDateTime(), nullable=False),
        sa.Column("author", sa.String(120), nullable=False),
        sa.Column("source", sa.String(20), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("cancelled_at", UTCDateTime(), nullable=True),
        sa.Column("cancelled_by", sa.String(120), nullable=False),
        *sync_columns("health_status"),
        fk("member_id", "health_status", "household_member"),
    )
    op.create_index("ix_health_status_member_id", "health_status", ["member_id"])

    op.create_table(
        "test_round",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("area_id", sa.Integer(), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        *sync_columns("test_round"),
        fk("area_id", "test_round", "lockdown_area"),
    )
    op.create_index("ix_test_round_area_id", "test_round", ["area_id"])

    op.create_table(
        "test_result",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("result", sa.String(10), nullable=False),
        *sync_columns("test_result"),
        sa.UniqueConstraint("round_id", "member_id", name="uq_test_result_round_id"),
        fk("round_id", "test_result", "test_round"),
        fk("member_id", "test_result", "household_member"),
    )
    op.create_index("ix_test_result_member_id", "test_result", ["member_id"])

    op.create_table(
        "relief_delivery",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("household_id", sa.Integer(), nullable=False),
        sa.Column("delivered_on", sa.Date(), nullable=False),
        sa.Column("items", sa.JSON(), nullable=False),
        sa.Column("delivered_by", sa.String(120), nullable=False),
        sa.Column("received_by", sa.String(120), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        *sync_columns("relief_delivery"),
        fk("household_id", "relief_delivery", "household"),
    )
    op.create_index("ix_relief_delivery_household_id", "relief_delivery", ["household_id"])
    op.create_index("ix_relief_delivery_delivered_on", "relief_delivery", ["delivered_on"])

    op.create_table(
        "household_request",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("household_id", sa.Integer(), nullable=False),
        sa.Column("requested_on", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("resolved_on", sa.Date(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        *sync_columns("household_request"),
        fk("household_id", "household_request", "household"),
    )
    op.create_index("ix_household_request_household_id", "household_request", ["household_id"])
    op.create_index("ix_household_request_status", "household_request", ["status"])


def downgrade() -> None:
    for table in (
        "household_request",
        "relief_delivery",
        "test_result",
        "test_round",
        "health_status",
        "household_member",
        "household",
        "lockdown_area",
    ):
        op.drop_table(table)
