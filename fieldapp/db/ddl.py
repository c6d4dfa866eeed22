"""Table parts that migrations share, for the columns of :class:`fieldapp.db.base.SyncMixin`.

Migrations import this instead of each copying it; a migration that has shipped must keep
producing the same tables, so change this only by adding new functions.
"""

from __future__ import annotations

import sqlalchemy as sa

from fieldapp.db.base import UTCDateTime


def sync_columns(table: str) -> list[sa.Column | sa.UniqueConstraint]:
    """uuid, created_at, updated_at, device_id, and the unique uuid of ``table``."""
    return [
        sa.Column("uuid", sa.String(36), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("device_id", sa.String(36), nullable=False),
        sa.UniqueConstraint("uuid", name=f"uq_{table}_uuid"),
    ]
