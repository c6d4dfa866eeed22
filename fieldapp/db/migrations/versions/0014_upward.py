"""Upward: report drafts, item status history, office levels, expected communes (issue 18).

Revision ID: 0014
Revises: 0013

Slot reserved so the registers can grow side by side; filled by the issue that owns it.
"""

import sqlalchemy as sa  # noqa: F401
from alembic import op  # noqa: F401

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
