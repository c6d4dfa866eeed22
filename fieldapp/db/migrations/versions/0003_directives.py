"""Directive register: directives, their items, progress notes, search index.

Revision ID: 0003
Revises: 0002
"""

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass  # tables come with the register


def downgrade() -> None:
    pass
