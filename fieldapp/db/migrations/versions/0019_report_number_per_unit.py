"""A report's number is unique per issuing unit, not in the whole database (issue 18).

Revision ID: 0019
Revises: 0018

At a district every commune's "01/BC-UBND" arrives in the same table: the number, year,
symbol and version are unique for the device that issued them (the commune, or the district
itself), so the second commune's report is a report, not a conflict.
"""

from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("issued_report") as batch:
        batch.drop_constraint("uq_issued_report_year", type_="unique")
        batch.create_unique_constraint(
            "uq_issued_report_unit_number", ["device_id", "year", "symbol", "number", "version"]
        )


def downgrade() -> None:
    with op.batch_alter_table("issued_report") as batch:
        batch.drop_constraint("uq_issued_report_unit_number", type_="unique")
        batch.create_unique_constraint(
            "uq_issued_report_year", ["year", "symbol", "number", "version"]
        )
