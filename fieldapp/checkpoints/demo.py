"""The checkpoint log of the demo commune: a week of arrivals at its control checkpoints.

Runs after the rosters' demo step, which creates the sites. People come home from the
provinces hit in the summer of 2021 (Hà Nội, Bắc Giang, Bắc Ninh, Thành phố Hồ Chí Minh,
Bình Dương, Đồng Nai...), on foot, by motorbike, by car or coach, at any hour, most in the
day; a few have not made their health declaration, one or two have a fever. The log covers
the last seven days up to the present moment, so today's tab is alive. A fixed seed gives
the same log on every run (only the dates follow today).
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from fieldapp.checkpoints.log import EntryInput, add_entries, log_sites
from fieldapp.db.database import Database

DAYS = 7
# (place, plate prefixes of its vehicles, weight)
PLACES = (
    ("TP. Hồ Chí Minh", ("51F", "51G", "59B1"), 5),
    ("Bình Dương", ("61A", "61B1"), 4),
    ("Đồng Nai", ("60A", "60B2"), 2),
    ("Hà Nội", ("29A", "30E", "29B1"), 4),
    ("Bắc Giang", ("98A", "98B1"), 3),
    ("Bắc Ninh", ("99A", "99E1"), 3),
    ("Thái Nguyên", ("20A", "20B1"), 2),
    ("Long An", ("62A",), 1),
)
DESTINATIONS = (
    "thôn Nà Pài",
    "thôn Bản Cuôn",
    "thôn Nà Tùm",
    "thôn Khuổi Kẹn",
    "thôn Phiêng Lủng",
    "thôn Nà Ngòa",
    "thôn Bản Lác",
)
SURNAMES = ("Nguyễn", "Hoàng", "Nông", "Triệu", "Lý", "Ma", "Bế", "Đặng", "Hà", "Lường", "Lục")
MIDDLES_M = ("Văn", "Đức", "Quốc", "Hữu", "Minh", "Văn")
MIDDLES_F = ("Thị", "Thị Thu", "Thị Ngọc", "Thị Mỹ", "Thị Hồng")
GIVEN_M = ("Hùng", "Thắng", "Khánh", "Dũng", "Vững", "Tuấn", "Mạnh", "Cường", "Phúc", "Tâm")
GIVEN_F = ("Lan", "Hương", "Nguyệt", "Thủy", "Huyền", "Mai", "Ngân", "Yến", "Hà", "Thảo")
_HOURLY = (1, 1, 1, 1, 2, 4, 6, 8, 8, 7, 6, 5, 5, 5, 5, 5, 5, 5, 6, 5, 4, 3, 2, 1)
RECORDERS = ("Hoàng Văn Hùng", "Nông Đức Mạnh", "Ma Văn Tuấn")


def _name(rng: random.Random) -> str:
    if rng.random() < 0.6:
        return f"{rng.choice(SURNAMES)} {rng.choice(MIDDLES_M)} {rng.choice(GIVEN_M)}"
    return f"{rng.choice(SURNAMES)} {rng.choice(MIDDLES_F)} {rng.choice(GIVEN_F)}"


def _moment(rng: random.Random, day: date) -> datetime:
    # Most arrivals in the day, some in the evening, a few at night (coaches from the south).
    hour = rng.choices(range(24), weights=_HOURLY)[0]
    return datetime.combine(day, time(hour, rng.randrange(60))).astimezone()


def _entry(rng: random.Random, site_id: int, when: datetime) -> EntryInput:
    place, prefixes, _ = rng.choices(PLACES, weights=[p[2] for p in PLACES])[0]
    mode = rng.choices(("foot", "bike", "car", "coach"), weights=(1, 6, 2, 1))[0]
    plate = kind = ""
    people = 1
    cars = [p for p in prefixes if p[-1].isalpha()]
    bikes = [p for p in prefixes if p[-1].isdigit()] or [cars[0][:2] + "B1"]
    number = f"{rng.randrange(100, 1000)}.{rng.randrange(10, 100)}"
    if mode == "foot":
        kind = "Đi bộ"
    elif mode == "bike":
        kind, people, plate = "Xe máy", rng.choice((1, 1, 1, 2)), f"{rng.choice(bikes)}-{number}"
    elif mode == "car":
        kind, people, plate = "Ô tô con", rng.randrange(1, 5), f"{rng.choice(cars)}-{number}"
    else:
        kind, people, plate = "Xe khách", rng.randrange(8, 30), f"{rng.choice(cars)}-{number}"
    declared = rng.random() < 0.85
    temperature = round(rng.uniform(36.0, 37.2), 1)
    if rng.random() < 0.03:
        temperature = round(rng.uniform(37.6, 38.6), 1)
    notes = ""
    if not declared:
        notes = "Đã hướng dẫn khai báo y tế điện tử"
    elif temperature >= 37.5:
        notes = "Sốt, đã báo Trạm Y tế xã"
    elif mode == "coach":
        notes = "Xe đón công nhân từ phía Nam về"
    return EntryInput(
        site_id=site_id,
        full_name=_name(rng),
        arrived_at=when,
        from_place=place,
        to_place=rng.choice(DESTINATIONS),
        vehicle_plate=plate,
        vehicle_kind=kind,
        phone="09" + "".join(str(rng.randrange(10)) for _ in range(8)),
        health_declared=declared,
        temperature=temperature,
        people_count=people,
        notes=notes,
        recorded_by=rng.choice(RECORDERS),
    )


def demo_step(db: Database) -> dict[str, int]:
    """Fill the log of the demo commune's checkpoints; nothing when there is no site."""
    sites = log_sites(db)
    checkpoints = [s for s in sites if s.kind == "checkpoint"] or sites
    if not checkpoints:
        return {}
    rng = random.Random(2021)
    now = datetime.now().astimezone()
    today = now.date()
    items = []
    for back in range(DAYS - 1, -1, -1):
        day = today - timedelta(days=back)
        for site in checkpoints:
            for _ in range(rng.randrange(12, 26)):
                when = _moment(rng, day)
                if when <= now:
                    items.append(_entry(rng, site.id, when))
    items.sort(key=lambda e: e.arrived_at or now)
    written = add_entries(db, items, now=now)
    return {"lượt qua chốt kiểm soát (7 ngày)": written}
