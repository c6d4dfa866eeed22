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


# -- bulk writes ------------------------------------------------------------------------------

DEFER_INDEXES_FROM = 20_000  # new rows in a table before its plain indexes are built after


def defer_plain_indexes(
    connection, table: str, new_rows: int, threshold: int = DEFER_INDEXES_FROM
) -> list[str]:
    """Drop, inside the caller's transaction, the plain secondary indexes of ``table`` when
    ``new_rows`` (at least ``threshold``) at least doubles it; returns the
    statements that :func:`build_indexes` runs again once the rows are written.

    Each such index takes the new rows in random order (names, sort keys), and once it
    outgrows SQLite's page cache every insert reads and writes pages again; built once over
    the sorted keys it costs a fraction. Unique indexes stay (they guard the data). A
    rollback puts the indexes back as they were: DDL is part of the transaction in SQLite.
    Other databases keep their indexes (nothing is dropped).
    """
    if connection.dialect.name != "sqlite" or new_rows < threshold:
        return []
    existing = connection.exec_driver_sql(f'SELECT count(*) FROM "{table}"').scalar() or 0
    if new_rows < existing:
        return []
    statements: list[str] = []
    for name, sql in connection.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
        "AND sql IS NOT NULL",
        (table,),
    ).all():
        if sql.upper().startswith("CREATE UNIQUE"):
            continue
        connection.exec_driver_sql(f'DROP INDEX "{name}"')
        statements.append(sql)
    return statements


def build_indexes(connection, statements: list[str]) -> None:
    """Build again the indexes :func:`defer_plain_indexes` dropped (before the commit)."""
    for sql in statements:
        connection.exec_driver_sql(sql)
