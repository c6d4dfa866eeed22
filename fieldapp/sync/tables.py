"""Which tables travel, and their rows as JSON with references by UUID instead of local ids.

A travelling table is one with the sync columns (``uuid``, ``updated_at``, ``device_id``)
that is not local to this computer. Integer ids differ from one database to another, so a
row leaves without its own id, and every foreign key to another travelling table is replaced
by that row's UUID; on arrival it is mapped back to the local id.
"""

from __future__ import annotations

import base64
import functools
import json
import sqlite3
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime, Integer, LargeBinary, Table
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

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


# --- fast paths for big packages (issue 17: 50,000 households imported in seconds) ----------


@functools.cache
def _decoders(table: Table) -> dict[str, Any]:
    """Column -> a function turning its shipped value into the Python value (None: as is)."""
    out: dict[str, Any] = {}
    for column in table.c:
        kind = column.type
        if isinstance(kind, UTCDateTime):
            out[column.name] = _utc_moment
        elif isinstance(kind, DateTime):
            out[column.name] = datetime.fromisoformat
        elif isinstance(kind, Date):
            out[column.name] = date.fromisoformat
        elif isinstance(kind, LargeBinary):
            out[column.name] = base64.b64decode
        elif isinstance(kind, Boolean):
            out[column.name] = bool
    return out


def _utc_moment(value: str) -> datetime:
    moment = datetime.fromisoformat(value)
    if moment.tzinfo is None:
        raise ValueError("naive datetime in a UTC column")
    return moment


def decode_row(table: Table, incoming: dict[str, Any]) -> dict[str, Any]:
    """:func:`decode` of every value of a shipped row, with the per-column work done once."""
    decoders = _decoders(table)
    out = {}
    for name, value in incoming.items():
        if name not in table.c:
            raise KeyError(name)
        fn = decoders.get(name)
        out[name] = fn(value) if fn is not None and value is not None else value
    return out


def existing_rows(
    conn: Connection,
    table: Table,
    uuids: list[str],
    batch: int = 500,
    cache: dict[str, set[str]] | None = None,
) -> dict:
    """The local rows (mappings) of ``uuids``: the UUIDs present are read in one pass (kept in
    ``cache`` for the next slice of the same package: its UUIDs are distinct), and only those
    rows are then fetched (a first package into an empty register fetches none)."""
    from sqlalchemy import select

    if cache is not None and table.name in cache:
        present = cache[table.name]
    else:
        present = set(conn.execute(select(table.c.uuid)).scalars())
        if cache is not None:
            cache[table.name] = present
    wanted = [u for u in uuids if u in present]
    out: dict[str, Any] = {}
    for start in range(0, len(wanted), batch):
        chunk = wanted[start : start + batch]
        for row in conn.execute(select(table).where(table.c.uuid.in_(chunk))):
            out[row._mapping["uuid"]] = row._mapping
    return out


@functools.cache
def _storers(table: Table) -> tuple[tuple[str, Any], ...]:
    """(column, Python value -> what SQLAlchemy would store in SQLite) for every column but
    the local key."""
    key = local_key(table)
    out = []
    for column in table.c:
        if column.name == key:
            continue
        kind = column.type
        if isinstance(kind, UTCDateTime):
            fn: Any = _store_utc
        elif isinstance(kind, DateTime):
            fn = _store_naive
        elif isinstance(kind, Date):
            fn = date.isoformat
        elif isinstance(kind, JSON):
            fn = json.dumps
        elif isinstance(kind, Boolean):
            fn = int
        else:
            fn = None
        out.append((column.name, fn))
    return tuple(out)


def _store_utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def _store_naive(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S.%f")


def insert_rows(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert decoded rows; on SQLite, when every row has every column, one bare
    ``executemany`` with the values as SQLAlchemy would store them (no per-value type
    processing); otherwise through SQLAlchemy."""
    storers = _storers(table)
    names = [name for name, _fn in storers]
    if conn.dialect.name != "sqlite" or any(len(r) < len(names) for r in rows):
        conn.execute(table.insert(), rows)
        return
    try:
        params = [
            [
                (
                    fn(r[name])
                    if fn is not None and (r[name] is not None or fn is json.dumps)
                    else r[name]
                )
                for name, fn in storers
            ]
            for r in rows
        ]
    except KeyError:
        conn.execute(table.insert(), rows)
        return
    columns = ", ".join(f'"{n}"' for n in names)
    marks = ", ".join("?" for _ in names)
    cursor = conn.connection.driver_connection.cursor()
    try:
        cursor.executemany(f'INSERT INTO "{table.name}" ({columns}) VALUES ({marks})', params)
    except sqlite3.IntegrityError as exc:
        raise IntegrityError("INSERT", None, exc) from exc
    finally:
        cursor.close()
