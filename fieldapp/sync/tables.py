"""Which tables travel, and their rows as JSON with references by UUID instead of local ids.

A travelling table is one with the sync columns (``uuid``, ``updated_at``, ``device_id``)
that is not local to this computer. Integer ids differ from one database to another, so a
row leaves without its own id, and every foreign key to another travelling table is replaced
by that row's UUID; on arrival it is mapped back to the local id.
"""

from __future__ import annotations

import base64
import json
from datetime import date, datetime
from typing import Any

from sqlalchemy import Boolean, Date, DateTime, Integer, LargeBinary, Table
from sqlalchemy.engine import Connection

import fieldapp.db.models  # noqa: F401  (every table on the metadata)
from fieldapp.db.base import Base, UTCDateTime

SYNC_COLUMNS = frozenset({"uuid", "updated_at", "device_id"})
NEVER_TRAVEL = frozenset({"app_meta", "setting", "user_account", "audit_entry"})


def travelling_tables() -> list[Table]:
    """Parents before children (the order rows must be applied in)."""
    return [
        t
        for t in Base.metadata.sorted_tables
        if SYNC_COLUMNS <= set(t.c.keys())
        and t.name not in NEVER_TRAVEL
        and not t.name.startswith("sync_")
    ]


def local_key(table: Table) -> str | None:
    """The integer primary key column that stays behind (None if the key is something else)."""
    pk = list(table.primary_key.columns)
    if len(pk) == 1 and isinstance(pk[0].type, Integer):
        return pk[0].name
    return None


def references(table: Table) -> dict[str, Table]:
    """Foreign-key columns of ``table`` that point at a travelling table's local id."""
    names = {t.name for t in travelling_tables()}
    found = {}
    for column in table.c:
        for fk in column.foreign_keys:
            target = fk.column.table
            if target.name in names and local_key(target) == fk.column.name:
                found[column.name] = target
    return found


def shipped_columns(table: Table) -> list[str]:
    key = local_key(table)
    return [c.name for c in table.c if c.name != key]


def encode(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bytes | bytearray | memoryview):
        return base64.b64encode(bytes(value)).decode("ascii")
    return value


def decode(table: Table, column: str, value: Any) -> Any:
    if value is None:
        return None
    kind = table.c[column].type
    if isinstance(kind, UTCDateTime | DateTime):
        moment = datetime.fromisoformat(value)
        if isinstance(kind, UTCDateTime) and moment.tzinfo is None:
            raise ValueError("naive datetime in a UTC column")
        return moment
    if isinstance(kind, Date):
        return date.fromisoformat(value)
    if isinstance(kind, LargeBinary):
        return base64.b64decode(value)
    if isinstance(kind, Boolean):
        return bool(value)
    return value


def uuid_of(conn: Connection, table: Table, local_id: int | None, cache: dict) -> str | None:
    if local_id is None:
        return None
    key = (table.name, local_id)
    if key not in cache:
        pk = table.c[local_key(table)]
        cache[key] = conn.execute(
            table.select().with_only_columns(table.c.uuid).where(pk == local_id)
        ).scalar()
    return cache[key]


def row_to_json(conn: Connection, table: Table, row: Any, cache: dict) -> list[Any]:
    """One row in shipping form (the order of :func:`shipped_columns`)."""
    refs = references(table)
    out = []
    for name in shipped_columns(table):
        value = row._mapping[name]
        if name in refs:
            value = uuid_of(conn, refs[name], value, cache)
        out.append(encode(value))
    return out


def canonical(values: dict[str, Any]) -> str:
    """A stable text of a row version (for comparing and hashing versions)."""
    return json.dumps(values, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
