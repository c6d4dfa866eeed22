"""Village paper and Resolution 68 support settings (issue 14).

Revision ID: 0016
Revises: 0015

Slot reserved so the registers can grow side by side; filled by the issue that owns it.
"""

import sqlalchemy as sa  # noqa: F401
from alembic import op  # noqa: F401

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
