"""Duty rosters: sites, staff, leave, rules, assignments, attendance.

Revision ID: 0004
Revises: 0003
"""

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass  # tables come with the register


def downgrade() -> None:
    pass
