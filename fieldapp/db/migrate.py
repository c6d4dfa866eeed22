"""Schema upgrades through Alembic, run in one transaction (batch mode on SQLite).

The scripts live in ``fieldapp/db/migrations`` and ship inside the package (and the frozen
build). Alembic is imported only here, when a file actually needs upgrading.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine

from fieldapp.db.engine import APPLICATION_ID

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def alembic_config(connection=None):
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def upgrade(engine: Engine, target: str = "head") -> None:
    """Bring the schema to ``target`` in a single transaction; nothing changes on failure."""
    from alembic import command

    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), target)
        if conn.dialect.name == "sqlite":
            conn.exec_driver_sql(f"PRAGMA application_id={APPLICATION_ID}")


def known_revisions() -> list[str]:
    """Every revision in the migrations folder, oldest first."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    return [rev.revision for rev in reversed(list(script.walk_revisions()))]
