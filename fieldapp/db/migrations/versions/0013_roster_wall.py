"""Rosters: each site's hotline for the wall sheet; each person's soft wishes (issue 16).

``roster_site.hotline`` is the checkpoint's own phone printed on the wall sheet.
``roster_staff.wishes`` maps "days", "nights", "weekends" to "ask" or "avoid": soft
preferences the solver honours after the hard rules and fairness. Existing rows get an
empty hotline and no wishes.

Revision ID: 0013
Revises: 0012
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("roster_site") as batch:
        batch.add_column(sa.Column("hotline", sa.String(40), nullable=False, server_default=""))
    with op.batch_alter_table("roster_staff") as batch:
        batch.add_column(sa.Column("wishes", sa.JSON(), nullable=False, server_default="{}"))


def downgrade() -> None:
    with op.batch_alter_table("roster_staff") as batch:
        batch.drop_column("wishes")
    with op.batch_alter_table("roster_site") as batch:
        batch.drop_column("hotline")
