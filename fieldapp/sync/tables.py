"""Which tables travel, and their rows as JSON with references by UUID instead of local ids.

A travelling table is one with the sync columns (``uuid``, ``updated_at``, ``device_id``)
that is not local to this computer. Integer ids differ from one database to another, so a
row leaves without its own id, and every foreign key to another travelling table is replaced
by that row's UUID; on arrival it is mapped back to the local id.
"""

from __future__ import annotations

import base64
import contextlib
import functools
import json
import re
import sqlite3
from collections.abc import Iterator
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
    return _row_decoder(table)(incoming)


@functools.cache
def _row_decoder(table: Table):
    """A function decoding one shipped row of ``table``, its columns unrolled once (a sync
    import decodes hundreds of thousands of rows): only the columns that need it are
    touched; a column the table does not have raises KeyError."""
    env: dict[str, Any] = {"_names": frozenset(table.c.keys()), "_unknown": _unknown_column}
    body = [
        "def decode(incoming):",
        "    if not incoming.keys() <= _names:",
        "        _unknown(incoming, _names)",
        "    out = dict(incoming)",
    ]
    for n, (name, fn) in enumerate(_decoders(table).items()):
        env[f"f{n}"] = fn
        body.append(f"    v = out.get({name!r})")
        body.append(f"    if v is not None: out[{name!r}] = f{n}(v)")
    body.append("    return out")
    exec("\n".join(body), env)  # noqa: S102 - code built from the schema, never from input
    return env["decode"]


def _unknown_column(incoming: dict[str, Any], names: frozenset[str]) -> None:
    raise KeyError(next(iter(incoming.keys() - names)))


def existing_rows(
    conn: Connection, table: Table, uuids: list[str], batch: int = 500
) -> dict[str, Any]:
    """The local rows (mappings) of ``uuids``, looked up by the unique index ``batch`` at a
    time (the work follows the package, not the size of the register)."""
    from sqlalchemy import select

    out: dict[str, Any] = {}
    for start in range(0, len(uuids), batch):
        chunk = uuids[start : start + batch]
        for row in conn.execute(select(table).where(table.c.uuid.in_(chunk))):
            out[row._mapping["uuid"]] = row._mapping
    return out


@functools.cache
def _storers(table: Table) -> tuple[tuple[str, str], ...]:
    """(column, how its Python value is stored in SQLite as SQLAlchemy would store it) for
    every column but the local key."""
    key = local_key(table)
    out = []
    for column in table.c:
        if column.name == key:
            continue
        kind = column.type
        if isinstance(kind, UTCDateTime):
            how = "utc"
        elif isinstance(kind, DateTime):
            how = "naive"
        elif isinstance(kind, Date):
            how = "date"
        elif isinstance(kind, JSON):
            how = "json"
        elif isinstance(kind, Boolean):
            how = "bool"
        else:
            how = ""
        out.append((column.name, how))
    return tuple(out)


def _store_utc(moment: datetime) -> str:
    return moment.astimezone(UTC).replace(tzinfo=None).isoformat(" ", "microseconds")


def _store_naive(moment: datetime) -> str:
    return moment.isoformat(" ", "microseconds")


# Times as the packages write them; their stored form is then cut from the text itself
# (three times faster than formatting the parsed value again, for the same string).
_SHIPPED_UTC = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{6})?\+00:00").fullmatch
_SHIPPED_NAIVE = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{6})?").fullmatch
_SHIPPED_DATE = re.compile(r"\d{4}-\d\d-\d\d").fullmatch


def _utc_text(text: Any, moment: datetime | None) -> str | None:
    if moment is None:
        return None
    if text.__class__ is str and _SHIPPED_UTC(text):
        if len(text) == 32:
            return f"{text[:10]} {text[11:26]}"
        return f"{text[:10]} {text[11:19]}.000000"
    return _store_utc(moment)


def _naive_text(text: Any, moment: datetime | None) -> str | None:
    if moment is None:
        return None
    if text.__class__ is str and _SHIPPED_NAIVE(text):
        if len(text) == 26:
            return f"{text[:10]} {text[11:26]}"
        return f"{text[:10]} {text[11:19]}.000000"
    return _store_naive(moment)


def _date_text(text: Any, day: date | None) -> str | None:
    if day is None:
        return None
    if text.__class__ is str and _SHIPPED_DATE(text):
        return text
    return day.isoformat()


@functools.cache
def _row_params(table: Table):
    """A function giving one decoded row's parameters for a bare INSERT on SQLite: each value
    as SQLAlchemy would store it, the columns unrolled once. A shipped row, when given, lends
    its time texts (already checked: its decoded values were parsed from them)."""
    env: dict[str, Any] = {
        "_utc": _utc_text,
        "_naive": _naive_text,
        "_date": _date_text,
        "_dumps": json.dumps,
    }
    values = []
    for name, how in _storers(table):
        r, s = f"r[{name!r}]", f"s.get({name!r})"
        if how == "utc":
            values.append(f"_utc({s}, {r})")
        elif how == "naive":
            values.append(f"_naive({s}, {r})")
        elif how == "date":
            values.append(f"_date({s}, {r})")
        elif how == "json":
            values.append(f"_dumps({r})")
        elif how == "bool":
            values.append(f"(None if {r} is None else int({r}))")
        else:
            values.append(r)
    body = ["def params(r, s):", f"    return ({', '.join(values)},)"]
    exec("\n".join(body), env)  # noqa: S102 - code built from the schema, never from input
    return env["params"]


_NOTHING: dict[str, Any] = {}


def insert_rows(
    conn: Connection,
    table: Table,
    rows: list[dict[str, Any]],
    shipped: list[dict[str, Any]] | None = None,
) -> None:
    """Insert decoded rows; on SQLite, when every row has every column, one bare
    ``executemany`` with the values as SQLAlchemy would store them (no per-value type
    processing); otherwise through SQLAlchemy. ``shipped``: the rows as they came in the
    package, in the same order (their time texts are stored as they are when canonical)."""
    storers = _storers(table)
    names = [name for name, _how in storers]
    if any(len(r) < len(names) for r in rows):
        conn.execute(table.insert(), rows)  # columns left to their defaults
        return
    if conn.dialect.name == "postgresql" and conn.dialect.driver == "psycopg":
        _copy_rows(conn, table, names, rows)
        return
    if conn.dialect.name != "sqlite":
        conn.execute(table.insert(), rows)
        return
    make = _row_params(table)
    try:
        if shipped is None:
            params = [make(r, _NOTHING) for r in rows]
        else:
            params = [make(r, s) for r, s in zip(rows, shipped, strict=True)]
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


@functools.cache
def _bind_processors(table: Table, dialect: Any) -> tuple:
    key = local_key(table)
    return tuple(
        (column.name, column.type._cached_bind_processor(dialect))
        for column in table.c
        if column.name != key
    )


def _copy_rows(conn: Connection, table: Table, names: list[str], rows: list[dict]) -> None:
    """PostgreSQL: the rows in one ``COPY … FROM STDIN`` (each value as SQLAlchemy would
    send it), several times faster than one INSERT per row; a refused row (a duplicate)
    fails the whole COPY as IntegrityError, like a batch of INSERTs."""
    import psycopg

    processors = _bind_processors(table, conn.dialect)
    columns = ", ".join(f'"{n}"' for n in names)
    raw = conn.connection.driver_connection
    try:
        with (
            raw.cursor() as cursor,
            cursor.copy(f'COPY "{table.name}" ({columns}) FROM STDIN') as copy,
        ):
            for r in rows:
                # processors take None too (JSON null, as SQLAlchemy sends it)
                copy.write_row([r[name] if fn is None else fn(r[name]) for name, fn in processors])
    except psycopg.IntegrityError as exc:
        raise IntegrityError("COPY", None, exc) from exc


# A trigger that copies each new row's values into another table (the household search
# index of migration 0017): ``INSERT INTO t(a, b) VALUES (new.x, new.y);`` and nothing else.
_COPY_TRIGGER = re.compile(
    r"CREATE\s+TRIGGER\s+(\w+)\s+AFTER\s+INSERT\s+ON\s+(\w+)\s+BEGIN\s+"
    r"INSERT\s+INTO\s+(\w+)\s*\(([\w\s,]+)\)\s*VALUES\s*\(([\w\s.,]+)\)\s*;\s*END",
    re.IGNORECASE,
)


@contextlib.contextmanager
def copy_triggers_at_end(conn: Connection, table: Table) -> Iterator[None]:
    """While many rows go into ``table`` (SQLite): its AFTER INSERT triggers that only copy
    the new row into another table are set aside, and run once at the end as one
    ``INSERT … SELECT`` over every row added meanwhile (a quarter of the work of running
    them row by row, for the same content). All in the caller's transaction: a failure or a
    kill rolls the triggers back with the rows. Other triggers are left alone."""
    if conn.dialect.name != "sqlite":
        yield
        return
    found = []
    for name, sql in conn.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?",
        (table.name,),
    ).all():
        match = _COPY_TRIGGER.fullmatch((sql or "").strip())
        if match is None or match.group(2) != table.name:
            continue
        values = [v.strip() for v in match.group(5).split(",")]
        if not all(v.lower().startswith("new.") and v[4:].isidentifier() for v in values):
            continue
        columns = ", ".join(f'"{v[4:]}"' for v in values)
        found.append((name, sql, match.group(3), match.group(4), columns))
    if not found:
        yield
        return
    before = conn.exec_driver_sql(f'SELECT coalesce(max(rowid), 0) FROM "{table.name}"').scalar()
    for name, *_rest in found:
        conn.exec_driver_sql(f'DROP TRIGGER "{name}"')
    try:
        yield
    finally:
        # new rows get rowids above every earlier one (nobody else writes meanwhile: the
        # transaction holds the write lock)
        for _name, sql, target, into, columns in found:
            conn.exec_driver_sql(
                f'INSERT INTO "{target}" ({into}) SELECT {columns} FROM "{table.name}" '
                "WHERE rowid > ?",
                (before,),
            )
            conn.exec_driver_sql(sql)
