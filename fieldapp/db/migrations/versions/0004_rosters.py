"""Duty rosters: sites, staff, leave, rules, assignments, attendance.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

from fieldapp.db.base import UTCDateTime
from fieldapp.db.ddl import sync_columns

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


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
    op.create_table(
        "roster_staff",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(120), nullable=False),
        sa.Column("unit", sa.String(200), nullable=False),
        sa.Column("phone", sa.String(40), nullable=False),
        sa.Column("max_shifts_per_week", sa.Integer(), nullable=True),
        sa.Column("no_nights", sa.Boolean(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        *sync_columns("roster_staff"),
    )
    op.create_table(
        "roster_staff_role",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "staff_id",
            sa.Integer(),
            sa.ForeignKey("roster_staff.id", name="fk_roster_staff_role_staff_id_roster_staff"),
            nullable=False,
        ),
        sa.Column("role", sa.String(40), nullable=False),
        *sync_columns("roster_staff_role"),
        sa.UniqueConstraint("staff_id", "role", name="uq_roster_staff_role_staff_id"),
    )
    op.create_index("ix_roster_staff_role_staff_id", "roster_staff_role", ["staff_id"])
    op.create_table(
        "roster_unavailability",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "staff_id",
            sa.Integer(),
            sa.ForeignKey("roster_staff.id", name="fk_roster_unavailability_staff_id_roster_staff"),
            nullable=False,
        ),
        sa.Column("reason", sa.String(20), nullable=False),
        sa.Column("starts", sa.DateTime(), nullable=False),
        sa.Column("ends", sa.DateTime(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        *sync_columns("roster_unavailability"),
    )
    op.create_index("ix_roster_unavailability_staff_id", "roster_unavailability", ["staff_id"])
    op.create_table(
        "roster_rules",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("min_rest_hours", sa.Float(), nullable=False),
        sa.Column("max_shifts_per_week", sa.Integer(), nullable=False),
        sa.Column("max_consecutive_nights", sa.Integer(), nullable=False),
        *sync_columns("roster_rules"),
    )
    op.create_table(
        "roster_assignment",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "site_id",
            sa.Integer(),
            sa.ForeignKey("roster_site.id", name="fk_roster_assignment_site_id_roster_site"),
            nullable=False,
        ),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("shift", sa.String(20), nullable=False),
        sa.Column(
            "staff_id",
            sa.Integer(),
            sa.ForeignKey("roster_staff.id", name="fk_roster_assignment_staff_id_roster_staff"),
            nullable=False,
        ),
        sa.Column("locked", sa.Boolean(), nullable=False),
        sa.Column("is_leader", sa.Boolean(), nullable=False),
        *sync_columns("roster_assignment"),
        sa.UniqueConstraint(
            "site_id", "day", "shift", "staff_id", name="uq_roster_assignment_site_id"
        ),
    )
    op.create_index("ix_roster_assignment_site_id", "roster_assignment", ["site_id"])
    op.create_index("ix_roster_assignment_day", "roster_assignment", ["day"])
    op.create_index("ix_roster_assignment_staff_id", "roster_assignment", ["staff_id"])
    op.create_table(
        "roster_attendance",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "assignment_id",
            sa.Integer(),
            sa.ForeignKey(
                "roster_assignment.id",
                name="fk_roster_attendance_assignment_id_roster_assignment",
            ),
            nullable=False,
        ),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column(
            "replaced_by_id",
            sa.Integer(),
            sa.ForeignKey(
                "roster_staff.id", name="fk_roster_attendance_replaced_by_id_roster_staff"
            ),
            nullable=True,
        ),
        sa.Column("marked_by", sa.String(120), nullable=False),
        sa.Column("marked_at", UTCDateTime(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        *sync_columns("roster_attendance"),
        sa.UniqueConstraint("assignment_id", name="uq_roster_attendance_assignment_id"),
    )


def downgrade() -> None:
    op.drop_table("roster_attendance")
    op.drop_index("ix_roster_assignment_staff_id", "roster_assignment")
    op.drop_index("ix_roster_assignment_day", "roster_assignment")
    op.drop_index("ix_roster_assignment_site_id", "roster_assignment")
    op.drop_table("roster_assignment")
    op.drop_table("roster_rules")
    op.drop_index("ix_roster_unavailability_staff_id", "roster_unavailability")
    op.drop_table("roster_unavailability")
    op.drop_index("ix_roster_staff_role_staff_id", "roster_staff_role")
    op.drop_table("roster_staff_role")
    op.drop_table("roster_staff")
    op.drop_table("roster_site")
