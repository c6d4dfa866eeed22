"""Rosters: preferences, site hotline (issue 16).

Revision ID: 0013
Revises: 0012

Slot reserved so the registers can grow side by side; filled by the issue that owns it.
"""

import sqlalchemy as sa  # noqa: F401
from alembic import op  # noqa: F401

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
