"""Household lists as communes keep them: identity kinds, checks, import batches (issue 13).

Revision ID: 0011
Revises: 0010

A citizen ID that fails a check is kept as typed with its kind and the reason it needs
checking; each import is recorded so that it can be undone as a whole.
"""

import sqlalchemy as sa
from alembic import op

from fieldapp.db.base import UTCDateTime

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("household_member") as batch:
        batch.add_column(sa.Column("id_kind", sa.String(10), nullable=False, server_default=""))
        batch.add_column(sa.Column("id_typed", sa.String(40), nullable=False, server_default=""))
        batch.add_column(sa.Column("id_check", sa.String(200), nullable=False, server_default=""))
        batch.create_index("ix_household_member_id_check", ["id_check"])
    # Numbers already stored passed the old 12-digit check.
    op.execute("UPDATE household_member SET id_kind = 'cccd' WHERE citizen_id IS NOT NULL")
    op.create_table(
        "household_import",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "area_id",
            sa.Integer(),
            sa.ForeignKey("lockdown_area.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("file_name", sa.String(255), nullable=False),
        sa.Column("imported_at", UTCDateTime(), nullable=False),
        sa.Column("author", sa.String(120), nullable=False),
        sa.Column("households", sa.Integer(), nullable=False),
        sa.Column("people", sa.Integer(), nullable=False),
        sa.Column("created", sa.JSON(), nullable=False),
        sa.Column("before", sa.JSON(), nullable=False),
        sa.Column("undone_at", UTCDateTime(), nullable=True),
    )
    op.create_index("ix_household_import_area_id", "household_import", ["area_id"])


def downgrade() -> None:
    op.drop_index("ix_household_import_area_id", table_name="household_import")
    op.drop_table("household_import")
    with op.batch_alter_table("household_member") as batch:
        batch.drop_index("ix_household_member_id_check")
        batch.drop_column("id_check")
        batch.drop_column("id_typed")
        batch.drop_column("id_kind")
