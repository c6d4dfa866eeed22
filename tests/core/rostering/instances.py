"""Random small roster instances (hypothesis strategies) and hand-made ones for the tests."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from hypothesis import strategies as st

from fieldapp.rostering.instance import Instance, parse_instance

SHIFT_SETS = {
    "3x8": [
        {"id": "S1", "start": "06:00", "hours": 8, "night": False},
        {"id": "S2", "start": "14:00", "hours": 8, "night": False},
        {"id": "S3", "start": "22:00", "hours": 8, "night": True},
    ],
    "2x12": [
        {"id": "N1", "start": "07:00", "hours": 12, "night": False},
        {"id": "N2", "start": "19:00", "hours": 12, "night": True},
    ],
    # two kinds overlapping in time, so "two sites at once" is a real risk
    "overlap": [
        {"id": "D", "start": "08:00", "hours": 10, "night": False},
        {"id": "E", "start": "12:00", "hours": 8, "night": False},
        {"id": "N", "start": "21:00", "hours": 10, "night": True},
    ],
}
ROLE_SETS = [["police"], ["militia"], ["youth"], ["health"], ["police", "militia"], []]
START = date(2021, 8, 2)


@st.composite
def instance_data(draw: st.DrawFn, max_staff: int = 14) -> dict[str, Any]:
    """JSON data of a small instance: a few sites, days and people, leave and locks."""
    kind = draw(st.sampled_from(sorted(SHIFT_SETS)))
    shifts = SHIFT_SETS[kind]
    days = draw(st.integers(2, 9))
    n_sites = draw(st.integers(1, 3))
    sites = []
    for i in range(n_sites):
        chosen = draw(st.lists(st.sampled_from([s["id"] for s in shifts]), min_size=1, unique=True))
        per_shift = draw(st.integers(1, 3))
        require = {}
        role = draw(st.sampled_from([None, "police", "militia"]))
        if role:
            require[role] = draw(st.integers(1, per_shift))
        order = [s["id"] for s in shifts]
        sites.append(
            {
                "id": f"site-{i + 1}",
                "name": f"Chốt {i + 1}",
                "shifts": sorted(chosen, key=order.index),
                "staff_per_shift": per_shift,
                "require": require,
            }
        )
    staff = []
    for i in range(draw(st.integers(1, max_staff))):
        person: dict[str, Any] = {
            "id": f"p{i + 1:02d}",
            "name": f"Người {i + 1}",
            "roles": draw(st.sampled_from(ROLE_SETS)),
        }
        if draw(st.booleans()) and draw(st.booleans()):
            first = draw(st.integers(-1, days))
            length = draw(st.integers(1, 4 * 24))
            begin = START + timedelta(days=first)
            person["unavailable"] = [
                {
                    "from": f"{begin.isoformat()}T{draw(st.integers(0, 23)):02d}:00",
                    "to": f"{(begin + timedelta(hours=length + 24)).isoformat()}T00:00",
                }
            ]
        if draw(st.booleans()):  # soft wishes: they must never break a rule
            kinds = draw(st.lists(st.sampled_from(["days", "nights", "weekends"]), unique=True))
            person["wishes"] = {k: draw(st.sampled_from(["ask", "avoid"])) for k in kinds}
        staff.append(person)
    locked = []
    for _ in range(draw(st.integers(0, 3))):
        site = draw(st.sampled_from(sites))
        lock = {
            "site": site["id"],
            "date": (START + timedelta(days=draw(st.integers(0, days - 1)))).isoformat(),
            "shift": draw(st.sampled_from(site["shifts"])),
            "staff": draw(st.sampled_from(staff))["id"],
        }
        if lock not in locked:
            locked.append(lock)
    return {
        "name": "random",
        "start": START.isoformat(),
        "days": days,
        "shifts": shifts,
        "sites": sites,
        "staff": staff,
        "rules": {
            "min_rest_hours": draw(st.sampled_from([0, 8, 12, 16, 24])),
            "max_shifts_per_week": draw(st.integers(1, 6)),
            "max_consecutive_nights": draw(st.integers(0, 3)),
        },
        "locked": locked,
    }


def instances(max_staff: int = 14) -> st.SearchStrategy[Instance]:
    return instance_data(max_staff).map(parse_instance)


def police_shortage(police: int = 3, days: int = 7) -> Instance:
    """Two checkpoints needing one police officer a shift, with too few officers."""
    shifts = SHIFT_SETS["3x8"]
    staff = [{"id": f"ca{i}", "name": f"Công an {i}", "roles": ["police"]} for i in range(police)]
    staff += [{"id": f"dq{i}", "name": f"Dân quân {i}", "roles": ["militia"]} for i in range(20)]
    return parse_instance(
        {
            "name": "police-shortage",
            "start": START.isoformat(),
            "days": days,
            "shifts": shifts,
            "sites": [
                {
                    "id": f"site-{i}",
                    "name": f"Chốt {i}",
                    "shifts": ["S1", "S2", "S3"],
                    "staff_per_shift": 2,
                    "require": {"police": 1},
                }
                for i in (1, 2)
            ],
            "staff": staff,
            "rules": {"min_rest_hours": 16, "max_shifts_per_week": 6, "max_consecutive_nights": 2},
            "locked": [],
        }
    )
