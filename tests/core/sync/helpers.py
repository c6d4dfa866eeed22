"""Devices for sync tests: separate data folders, each its own device id and key."""

from __future__ import annotations

import dataclasses
import shutil
import sqlite3
import uuid
from datetime import date
from pathlib import Path

from sqlalchemy import select

from fieldapp.config import resolve_paths
from fieldapp.db.database import Database, open_database
from fieldapp.demo import DEMO_PROFILE
from fieldapp.profile import save_profile
from fieldapp.rostering.models import Site
from fieldapp.sync.models import Conflict, Tombstone
from fieldapp.sync.receive import _version
from fieldapp.sync.tables import canonical, travelling_tables

_TEMPLATE: dict[str, Path] = {}


def new_device(root: Path, name: str, *, commune: str | None = "Bằng Lãng") -> Database:
    """A migrated database in ``root/name`` (copied from a template: migrations are slow)."""
    if "file" not in _TEMPLATE:
        template = Path(root.parent / "template-db")
        db = open_database(resolve_paths(template))
        db.close()
        _TEMPLATE["file"] = template / "fieldapp.sqlite3"
    paths = resolve_paths(root / name)
    paths.data_dir.mkdir(parents=True)
    src = sqlite3.connect(_TEMPLATE["file"])
    dst = sqlite3.connect(paths.database)
    src.backup(dst)
    dst.execute("UPDATE app_meta SET value = ? WHERE key = 'device_id'", (str(uuid.uuid4()),))
    dst.commit()
    src.close()
    dst.close()
    db = open_database(paths)
    if commune is not None:
        save_profile(db, dataclasses.replace(DEMO_PROFILE, commune_name=commune))
    return db


def add_site(db: Database, name: str) -> str:
    with db.transaction() as s:
        site = Site(name=name, active_from=date(2021, 8, 2), shifts=[], require={"police": 1})
        s.add(site)
        s.flush()
        return site.uuid


def edit_site(db: Database, uuid: str, name: str) -> bool:
    with db.transaction() as s:
        site = s.scalar(select(Site).where(Site.uuid == uuid))
        if site is None:
            return False
        site.name = name
        return True


def delete_site(db: Database, uuid: str) -> bool:
    with db.transaction() as s:
        site = s.scalar(select(Site).where(Site.uuid == uuid))
        if site is None:
            return False
        s.delete(site)
        return True


def content(db: Database) -> dict:
    """Everything that travels, comparable across databases (no local ids)."""
    out: dict = {}
    with db.engine.connect() as conn:
        for table in travelling_tables():
            rows = [
                canonical(_version(conn, table, r._mapping)) for r in conn.execute(select(table))
            ]
            out[table.name] = sorted(rows)
        out["_tombstones"] = sorted(conn.execute(select(Tombstone.uuid)).scalars())
        out["_conflicts"] = sorted(
            (c.record_uuid, c.other_hash) for c in conn.execute(select(Conflict))
        )
    return out


def remove(db: Database) -> None:
    db.close()
    shutil.rmtree(db.paths.data_dir, ignore_errors=True)
