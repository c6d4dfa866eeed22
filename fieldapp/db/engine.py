"""Engines with the connection settings fieldapp relies on.

SQLite: WAL, ``synchronous=FULL`` (a commit that returned survives a power cut), foreign keys,
a busy timeout, and transactions that really begin at ``BEGIN`` so that schema changes roll
back too (pysqlite's own transaction handling would commit DDL early).
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, create_engine, event

APPLICATION_ID = 0x46415050  # "FAPP": marks a SQLite file as fieldapp's own
BUSY_TIMEOUT_MS = 5000

SQLITE_PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=FULL",
    "PRAGMA foreign_keys=ON",
    f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}",
)


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def make_engine(url: str) -> Engine:
    """An engine for ``url``; SQLite connections get fieldapp's pragmas and real transactions."""
    if not url.startswith("sqlite"):
        connect_args = {}
        if url.split("://", 1)[0] == "postgresql+psycopg":
            # psycopg prepares a statement run five times on the server, and PostgreSQL may
            # then switch it to a generic plan: the sync merge's "uuid IN (500 values)"
            # lookups went from milliseconds to 1.8 s each (a district's 11th package: 30 s).
            # Our statements are cheap to plan; plan each one with its values.
            connect_args["prepare_threshold"] = None
        return create_engine(
            url, pool_pre_ping=True, hide_parameters=True, connect_args=connect_args
        )
    engine = create_engine(
        url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000}, hide_parameters=True
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves, below
        cursor = dbapi_connection.cursor()
        try:
            for pragma in SQLITE_PRAGMAS:
                cursor.execute(pragma)
        finally:
            cursor.close()
        _register_functions(dbapi_connection)

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:
        conn.exec_driver_sql("BEGIN")

    return engine


def _register_functions(dbapi_connection) -> None:
    """SQL functions the queries use: ``vn_fold(text)`` is the Vietnamese search fold."""
    from fieldapp.text.vietnamese import fold

    dbapi_connection.create_function(
        "vn_fold", 1, lambda s: None if s is None else fold(s), deterministic=True
    )
