"""Upward: office levels and the daily report hour in the profile; the district's list of the
units it expects reports from (issue 18).

- ``commune_profile.level``: ``commune`` (xã, phường, thị trấn), ``district`` (huyện, quận,
  thị xã, thành phố) or ``province``; existing profiles are communes.
- ``commune_profile.report_hour``: "HH:MM", when the level above expects the daily report.
- ``office_unit``: a unit below this office (a commune under a district, a district under a
  province): its name, whether its reports are expected, and the sending devices known for it.
  It travels, so a province learns which communes belong to which district.
- ``unit_rollup``: a district's roll-up figures of one unit on one day, sent upward instead of
  the communes' records when the district chooses so (setting ``sync.upward``).

Revision ID: 0014
Revises: 0013
"""

import sqlalchemy as sa
from alembic import op

from fieldapp.db.ddl import sync_columns

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("commune_profile") as batch:
        batch.add_column(
            sa.Column("level", sa.String(10), nullable=False, server_default="commune")
        )
        batch.add_column(
            sa.Column("report_hour", sa.String(5), nullable=False, server_default="16:00")
        )
    op.create_table(
        "office_unit",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("name_fold", sa.String(200), nullable=False),
        sa.Column("parent", sa.String(200), nullable=False),
        sa.Column("expected", sa.Boolean(), nullable=False),
        sa.Column("devices", sa.JSON(), nullable=False),
        *sync_columns("office_unit"),
        sa.UniqueConstraint("parent", "name_fold", name="uq_office_unit_parent"),
    )
    op.create_table(
        "unit_rollup",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("unit", sa.String(200), nullable=False),
        sa.Column("parent", sa.String(200), nullable=False),
        sa.Column("figures", sa.JSON(), nullable=False),
        *sync_columns("unit_rollup"),
        sa.UniqueConstraint("day", "parent", "unit", name="uq_unit_rollup_day"),
    )


def downgrade() -> None:
    op.drop_table("unit_rollup")
    op.drop_table("office_unit")
    with op.batch_alter_table("commune_profile") as batch:
        batch.drop_column("report_hour")
        batch.drop_column("level")
