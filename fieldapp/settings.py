"""User settings of this device, with their defaults (stored JSON-encoded in the database)."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select

from fieldapp.db.database import Database
from fieldapp.db.models import Setting
from fieldapp.errors import UserError

LANGUAGES = ("vi", "en")

DEFAULTS: dict[str, Any] = {
    "language": "vi",
    "ui.geometry": None,  # base64 of the main window's saved geometry
    "ui.last_page": "overview",
    "security.idle_minutes": 10,  # lock the window after this many idle minutes (0: never)
    # Households: default isolation length in days by status (changed often in 2021).
    "households.isolation_days.F0": 14,
    "households.isolation_days.F1": 14,
    "households.isolation_days.F2": 7,
    "households.author": "",  # name last typed as author of a status change
    "sync.district_mode": False,  # this computer rolls up the communes' packages (huyện)
    "sync.late_hours": 24,  # a commune with no package for longer than this is late
}


def get_setting(db: Database, key: str) -> Any:
    if key not in DEFAULTS:
        raise KeyError(key)
    with db.session() as s:
        raw = s.scalar(select(Setting.value).where(Setting.key == key))
    return DEFAULTS[key] if raw is None else json.loads(raw)


def set_setting(db: Database, key: str, value: Any) -> None:
    if key not in DEFAULTS:
        raise KeyError(key)
    if key == "language" and value not in LANGUAGES:
        raise UserError(f"Ngôn ngữ không hỗ trợ: {value} (vi, en).")
    with db.transaction() as s:
        row = s.get(Setting, key)
        encoded = json.dumps(value, ensure_ascii=False)
        if row is None:
            s.add(Setting(key=key, value=encoded))
        else:
            row.value = encoded
