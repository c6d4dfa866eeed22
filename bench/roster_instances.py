"""Roster instances made for the benchmarks, beside the shared ones in shared/bench/rosters/.

Each maker is deterministic (a seeded generator), so figures from two runs or two versions
compare. The staff mix follows the shared month file: about a fifth police, a quarter militia,
the rest youth union, officials and health workers; every seventh person has some leave.
"""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from fieldapp.rostering.instance import Instance, load_instance, parse_instance

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "bench" / "rosters"
START = date(2021, 8, 2)

THREE_BY_EIGHT = [
    {"id": "S1", "start": "06:00", "hours": 8, "night": False},
    {"id": "S2", "start": "14:00", "hours": 8, "night": False},
    {"id": "S3", "start": "22:00", "hours": 8, "night": True},
]
TWO_BY_TWELVE = [
    {"id": "N1", "start": "07:00", "hours": 12, "night": False},
    {"id": "N2", "start": "19:00", "hours": 12, "night": True},
]
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Lý"]
MIDDLE = ["Văn", "Thị", "Minh", "Đức", "Ngọc", "Thanh", "Quang", "Hữu"]
GIVEN = ["An", "Bình", "Dũng", "Hải", "Hạnh", "Hùng", "Lan", "Nam", "Phúc", "Thúy", "Trang"]
ROLE_MIX = [("police", 0.2), ("militia", 0.26), ("youth", 0.27), ("official", 0.17)]


def _staff(n: int, rng: random.Random, days: int, with_wishes: bool = False) -> list[dict]:
    people = []
    for i in range(n):
        x = rng.random()
        role = "health"
        for name, share in ROLE_MIX:
            if x < share:
                role = name
                break
            x -= share
        person: dict[str, Any] = {
            "id": f"p{i + 1:03d}",
            "name": f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}",
            "roles": [role],
        }
        if i % 7 == 3:
            first = datetime.combine(START, datetime.min.time()) + timedelta(
                days=rng.randrange(days)
            )
            person["unavailable"] = [
                {
                    "from": first.isoformat(timespec="minutes"),
                    "to": (first + timedelta(days=rng.randint(1, 4))).isoformat(timespec="minutes"),
                }
            ]
        if with_wishes and i % 4 == 1:
            person["wishes"] = rng.choice(
                [{"nights": "avoid"}, {"weekends": "avoid"}, {"nights": "ask"}, {"days": "ask"}]
            )
        people.append(person)
    return people


def make(
    name: str,
    sites: int,
    staff: int,
    days: int = 28,
    shifts: list[dict] | None = None,
    per_shift: int = 3,
    rules: dict | None = None,
    seed: int = 16,
    with_wishes: bool = False,
) -> Instance:
    """A month (or ``days``) of ``sites`` checkpoints, each shift needing one police officer."""
    rng = random.Random(seed)
    shifts = shifts or THREE_BY_EIGHT
    return parse_instance(
        {
            "name": name,
            "start": START.isoformat(),
            "days": days,
            "shifts": shifts,
            "sites": [
                {
                    "id": f"site-{i:02d}",
                    "name": f"Chốt kiểm soát số {i}",
                    "shifts": [s["id"] for s in shifts],
                    "staff_per_shift": per_shift,
                    "require": {"police": 1},
                }
                for i in range(1, sites + 1)
            ],
            "staff": _staff(staff, rng, days, with_wishes),
            "rules": rules
            or {"min_rest_hours": 16, "max_shifts_per_week": 6, "max_consecutive_nights": 2},
            "locked": [],
        }
    )


def shortage_month() -> Instance:
    """The issue's shortage month: 10 sites, 3 x 8 h, 3 a shift, 90 staff (2,520 places)."""
    return make("shortage-month-10sites-90staff", 10, 90)


def shortage_2x12() -> Instance:
    """12 sites on 2 x 12 h shifts, 3 a shift, 120 staff, rest 24 h, 4 shifts a week."""
    return make(
        "shortage-month-12sites-120staff-2x12",
        12,
        120,
        shifts=TWO_BY_TWELVE,
        rules={"min_rest_hours": 24, "max_shifts_per_week": 4, "max_consecutive_nights": 2},
    )


def large_month() -> Instance:
    """20 sites, 3 x 8 h, 3 a shift, 320 staff, with wishes (5,040 places)."""
    return make("month-20sites-320staff-wishes", 20, 320, with_wishes=True)


FOUR_BY_SIX = [
    {"id": "Q1", "start": "00:00", "hours": 6, "night": True},
    {"id": "Q2", "start": "06:00", "hours": 6, "night": False},
    {"id": "Q3", "start": "12:00", "hours": 6, "night": False},
    {"id": "Q4", "start": "18:00", "hours": 6, "night": True},
]


def four_shifts() -> Instance:
    """6 sites on 4 x 6 h shifts for 2 weeks, 70 staff, rest 12 h, 7 a week, 3 nights in a row."""
    return make(
        "unseen-4x6-6sites-70staff-14d",
        6,
        70,
        days=14,
        shifts=FOUR_BY_SIX,
        rules={"min_rest_hours": 12, "max_shifts_per_week": 7, "max_consecutive_nights": 3},
    )


def commune_30_sites() -> Instance:
    """30 sites, 3 x 8 h, 3 a shift, 300 staff, a month (7,560 places)."""
    return make("unseen-month-30sites-300staff", 30, 300)


def demo_commune_month() -> Instance:
    """The demo commune's month (``fieldapp.rostering.demo``): its 4 sites (3 × 8 h with a
    police officer, 3 × 8 h and 4 × 6 h with a militiaman, 2 × 12 h with a health worker) and
    45 people with their wishes, one never at night, one at most 3 shifts a week (as leave
    at night and a weekly cap are not in the file format, as nights off and fewer days)."""
    from fieldapp.rostering import demo

    patterns = {
        "3x8": (THREE_BY_EIGHT, ["S1", "S2", "S3"]),
        "2x12": (TWO_BY_TWELVE, ["N1", "N2"]),
        "4x6": (FOUR_BY_SIX, ["Q1", "Q2", "Q3", "Q4"]),
    }
    shifts = [*THREE_BY_EIGHT, *TWO_BY_TWELVE, *FOUR_BY_SIX]
    sites = [
        {
            "id": f"site-{i + 1}",
            "name": spec["name"],
            "shifts": patterns[spec["pattern"]][1],
            "staff_per_shift": spec["staff_per_shift"],
            "require": spec["require"],
        }
        for i, spec in enumerate(demo.SITES)
    ]
    staff = []
    for i, (name, _unit, roles) in enumerate(demo.STAFF):
        person: dict = {"id": f"p{i + 1}", "name": name, "roles": list(roles)}
        if name in demo.WISHES:
            person["wishes"] = demo.WISHES[name]
        if name == "Ma Thị Phương":  # no nights: off from 22:00 to 06:00 every day
            person["unavailable"] = [
                {
                    "from": f"{START + timedelta(days=d)}T22:00",
                    "to": f"{START + timedelta(days=d + 1)}T06:00",
                }
                for d in range(31)
            ]
        if name == "Lục Văn Hòa":  # at most 3 shifts a week: off from Friday to Sunday
            person["unavailable"] = [
                {
                    "from": f"{START + timedelta(days=7 * w + 4)}T00:00",
                    "to": f"{START + timedelta(days=7 * w + 7)}T00:00",
                }
                for w in range(5)
            ]
        staff.append(person)
    return parse_instance(
        {
            "name": "demo-commune-month-4sites-45staff",
            "start": START.isoformat(),
            "days": 31,
            "shifts": shifts,
            "sites": sites,
            "staff": staff,
            "rules": {"min_rest_hours": 16, "max_shifts_per_week": 6, "max_consecutive_nights": 2},
            "locked": [],
        }
    )


def generated() -> list[Instance]:
    return [
        demo_commune_month(),
        shortage_month(),
        shortage_2x12(),
        large_month(),
        four_shifts(),
        commune_30_sites(),
    ]


def shared() -> list[Instance]:
    """The shared instance files, in name order (none when shared/ is missing)."""
    if not SHARED.is_dir():
        return []
    return [load_instance(p) for p in sorted(SHARED.glob("*.json"))]
