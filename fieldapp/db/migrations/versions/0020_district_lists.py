"""Commune column and filter on the district's lists (issue 18 part 4).

Revision ID: 0020
Revises: 0019
"""

from alembic import op  # noqa: F401

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # The district's household list filtered by commune: the rows of that commune's devices.
    op.create_index("ix_household_device", "household", ["device_id", "head_sort"])


def downgrade() -> None:
    op.drop_index("ix_household_device", table_name="household")
