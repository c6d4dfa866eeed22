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
    # Name last typed as author of a status change: the prefill only where nobody signs in
    # (with accounts, the author is the signed-in person; fieldapp.households.author).
    "households.author": "",
    # Resolution 68/NQ-CP support (Decision 23/2021/QĐ-TTg; rates and kinds changed in 2021).
    "support68.daily_rate": 80_000,  # đồng per person per day of meals
    "support68.f0_max_days": 45,  # F0 in treatment: at most this many days
    "support68.f1_max_days": 21,  # F1 isolated by decision: at most this many days
    "support68.child_amount": 1_000_000,  # once per child under the age below
    "support68.child_age": 16,
    "support68.f0_isolations": ["central", "home", "self", ""],  # F0 treated: any place
    "support68.f1_isolations": ["central", "home"],  # F1 isolated by decision
    # Follow-up of F0 at home and F1 in isolation (Decision 4038/QĐ-BYT): checks a day and the
    # danger-sign thresholds (a check at or beyond one is marked red at once).
    "health.checks_per_day": 2,
    "health.danger.spo2_max": 95,  # SpO2 (%) at or below this
    "health.danger.breath_adult_min": 20,  # breaths a minute at or above this (adults)
    "health.danger.pulse_max": 120,
    "health.danger.pulse_min": 50,
    "health.danger.temperature_min": 39.0,
    "health.danger.symptoms": ["breathless", "chest_pain", "confusion", "cyanosis", "cannot_drink"],
    "health.default_place": "Điều trị tại nhà",
    "sync.district_mode": False,  # this computer rolls up the communes' packages (huyện)
    "sync.late_hours": 24,  # a commune with no package for longer than this is late
    "sync.upward": "data",  # a district sends up its communes' records ("data") or its roll-up
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
