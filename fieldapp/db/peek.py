"""A read-only glance at a data folder's database with the standard library only.

Start-up uses it to show the main window in the right language and size before SQLAlchemy
has even been imported; everything else goes through :mod:`fieldapp.db.database`. A file
that cannot be read gives an empty answer here: ``open_database`` will explain why.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Glance:
    has_profile: bool = False
    settings: dict[str, object] = field(default_factory=dict)


def glance(database: Path) -> Glance:
    if not database.exists():
        return Glance()
    try:
        conn = sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=2)
    except sqlite3.Error:
        return Glance()
    try:
        rows = conn.execute("SELECT key, value FROM setting").fetchall()
        settings = {}
        for key, value in rows:
            with contextlib.suppress(ValueError):
                settings[key] = json.loads(value)
        has_profile = conn.execute("SELECT count(*) FROM commune_profile").fetchone()[0] > 0
        return Glance(has_profile=has_profile, settings=settings)
    except sqlite3.Error:
        return Glance()
    finally:
        conn.close()
