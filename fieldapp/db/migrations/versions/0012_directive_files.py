"""Directives as they arrive: recognised text, OCR confidence (issue 12).

Revision ID: 0012
Revises: 0011

Slot reserved so the registers can grow side by side; filled by the issue that owns it.
"""

import sqlalchemy as sa  # noqa: F401
from alembic import op  # noqa: F401

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
