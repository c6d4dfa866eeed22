"""Directives as they arrive: recognised text, OCR confidence; history of item statuses.

Issue 12: a directive read from page images keeps how many pages were recognised, the mean
confidence and the fields to check. Issue 18: every change of an item's status is kept (who,
when, from -> to); an existing database gets one row per item from its current status, with a
UUID derived from the item's, so a commune and a district that both upgrade agree on it.

Revision ID: 0012
Revises: 0011
"""

import uuid
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

from fieldapp.db.base import UTCDateTime
from fieldapp.db.ddl import sync_columns

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

# Seeded history rows: uuid5(namespace, item uuid) is the same on every copy of the item.
SEED_NAMESPACE = uuid.UUID("6b1d3c1e-2f0a-4c55-9a53-0c2d7a3f1e12")


def upgrade() -> None:
    with op.batch_alter_table("directive") as batch:
        batch.add_column(sa.Column("ocr_pages", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("ocr_confidence", sa.Float(), nullable=True))
        batch.add_column(sa.Column("ocr_flags", sa.JSON(), nullable=True))

    op.create_table(
        "directive_item_status",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("changed_at", UTCDateTime(), nullable=False),
        sa.Column("from_status", sa.String(20), nullable=False),
        sa.Column("to_status", sa.String(20), nullable=False),
        sa.Column("actor", sa.String(120), nullable=False),
        *sync_columns("directive_item_status"),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["directive_item.id"],
            name="fk_directive_item_status_item_id_directive_item",
            ondelete="CASCADE",
        ),
    )
    op.create_index(
        "ix_directive_item_status_item_at", "directive_item_status", ["item_id", "changed_at"]
    )
    op.create_index("ix_directive_item_status_changed_at", "directive_item_status", ["changed_at"])
    _seed_history()


def _seed_history() -> None:
    conn = op.get_bind()
    item = sa.table(
        "directive_item",
        sa.column("id", sa.Integer()),
        sa.column("uuid", sa.String()),
        sa.column("status", sa.String()),
        sa.column("status_changed_at", UTCDateTime()),
        sa.column("created_at", UTCDateTime()),
        sa.column("device_id", sa.String()),
    )
    history = sa.table(
        "directive_item_status",
        sa.column("item_id", sa.Integer()),
        sa.column("changed_at", UTCDateTime()),
        sa.column("from_status", sa.String()),
        sa.column("to_status", sa.String()),
        sa.column("actor", sa.String()),
        sa.column("uuid", sa.String()),
        sa.column("created_at", UTCDateTime()),
        sa.column("updated_at", UTCDateTime()),
        sa.column("device_id", sa.String()),
    )
    now = datetime.now(UTC)
    rows = []
    for r in conn.execute(sa.select(item)):
        at = r.status_changed_at or r.created_at or now
        rows.append(
            {
                "item_id": r.id,
                "changed_at": at,
                "from_status": "",
                "to_status": r.status or "new",
                "actor": "",
                "uuid": str(uuid.uuid5(SEED_NAMESPACE, r.uuid)),
                "created_at": now,
                "updated_at": now,
                "device_id": r.device_id,
            }
        )
        if len(rows) >= 2000:
            conn.execute(history.insert(), rows)
            rows = []
    if rows:
        conn.execute(history.insert(), rows)


def downgrade() -> None:
    op.drop_index("ix_directive_item_status_changed_at", table_name="directive_item_status")
    op.drop_index("ix_directive_item_status_item_at", table_name="directive_item_status")
    op.drop_table("directive_item_status")
    with op.batch_alter_table("directive") as batch:
        batch.drop_column("ocr_flags")
        batch.drop_column("ocr_confidence")
        batch.drop_column("ocr_pages")
