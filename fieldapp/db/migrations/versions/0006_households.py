"""Lockdown areas and households: people, health status, tests, relief.

Revision ID: 0006
Revises: 0005
"""

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass  # tables come with the register


def downgrade() -> None:
    pass
