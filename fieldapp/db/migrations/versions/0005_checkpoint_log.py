"""Checkpoint log: arrivals from epidemic areas at each checkpoint.

Revision ID: 0005
Revises: 0004
"""

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass  # tables come with the register


def downgrade() -> None:
    pass
