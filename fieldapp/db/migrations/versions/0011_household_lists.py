"""Household lists as communes keep them: identity kinds, checks, import batches (issue 13).

Revision ID: 0011
Revises: 0010

Slot reserved so the registers can grow side by side; filled by the issue that owns it.
"""

import sqlalchemy as sa  # noqa: F401
from alembic import op  # noqa: F401

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
