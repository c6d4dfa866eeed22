"""The daily figures read the health history in one indexed pass (issue 17): on a messy
history they give what the old reading of the whole history in Python gave, for every day."""

from __future__ import annotations

import random
import uuid
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select

from fieldapp.households.models import HealthStatus, Household, HouseholdMember, LockdownArea
from fieldapp.households.service import (
    AreaInput,
    HouseholdInput,
    MemberInput,
    add_area,
    add_household,
)
from fieldapp.reports.figures import daily_figures

DAY = date(2021, 8, 20)
SERIOUS = ("F0", "F1", "F2")
NAMES = ("Hoàng", "Nông", "Ma", "Hà", "Lục", "Triệu", "Đặng", "Bàn", "Vi", "Lý")


def _oracle(db, day: date) -> dict[str, int]:
    """The old rule: per person the newest (start, recorded, id) not-cancelled entry started
    by the day; people of areas in force; isolations ending that day over everyone."""
    with db.session() as s:
        areas = {
            a.id
            for a in s.scalars(select(LockdownArea))
            if a.started_on <= day and (a.ended_on is None or a.ended_on >= day)
        }
        area_of = dict(
            s.execute(
                select(HouseholdMember.id, Household.area_id).join(
                    Household, Household.id == HouseholdMember.household_id
                )
            ).all()
        )
        entries = s.scalars(select(HealthStatus).where(HealthStatus.cancelled_at.is_(None))).all()
        rows = [(e.member_id, e.start, e.recorded_at, e.id, e) for e in entries]
    out = dict.fromkeys(
        ["f0", "f1", "f2", "f0_before", "f1_before", "f2_before", "isolating", "central",
         "isolation_ended"], 0,
    )  # fmt: skip
    for when, suffix in ((day, ""), (day - timedelta(days=1), "_before")):
        latest: dict[int, HealthStatus] = {}
        for member, start, _recorded, _eid, e in sorted(rows, key=lambda r: r[:4]):
            if start <= when:
                latest[member] = e
        for member, e in latest.items():
            inside = area_of.get(member) in areas
            if inside and e.status in SERIOUS:
                out[e.status.lower() + suffix] += 1
            if suffix:
                continue
            if (
                inside
                and e.status in SERIOUS
                and e.isolation in ("central", "home")
                and (e.end is None or e.end >= day)
            ):
                out["isolating"] += 1
                out["central"] += e.isolation == "central"
            if e.isolation in ("central", "home") and e.end == day:
                out["isolation_ended"] += 1
    return out


def _messy_history(db) -> None:
    rng = random.Random(2021)
    inside = add_area(db, AreaInput(name="Khu đang phong tỏa", started_on=DAY - timedelta(10)))
    ended = add_area(
        db,
        AreaInput(
            name="Khu đã kết thúc",
            started_on=DAY - timedelta(30),
            planned_end=DAY - timedelta(5),
        ),
    )
    with db.transaction() as s:
        s.get(LockdownArea, ended).ended_on = DAY - timedelta(days=3)
    members: list[int] = []
    for n in range(30):
        add_household(
            db,
            inside if n % 5 else ended,
            HouseholdInput(village="Nà Pài"),
            [MemberInput(f"{NAMES[n % 10]} Văn A", is_head=True), MemberInput("Lò Thị Bé")],
        )
    with db.session() as s:
        members = list(s.scalars(select(HouseholdMember.id)))
    device = str(uuid.uuid4())
    base = datetime(2021, 8, 1, 8, tzinfo=UTC)
    entries = []
    for member in members:
        for _ in range(rng.randrange(0, 5)):
            status = rng.choice(("F0", "F1", "F2", "negative", "negative"))
            isolation = rng.choice(("central", "home", "", "self")) if status != "negative" else ""
            start = DAY + timedelta(days=rng.randrange(-6, 3))  # some start after the day
            end = start + timedelta(days=rng.choice((0, 1, 2, 7, 14))) if isolation else None
            if rng.random() < 0.1:
                end = DAY  # ends on the day
            recorded = base + timedelta(minutes=rng.randrange(0, 5))  # ties on start and time
            cancelled = base if rng.random() < 0.15 else None
            entries.append(
                HealthStatus(
                    member_id=member,
                    status=status,
                    isolation=isolation,
                    start=start,
                    end=end,
                    recorded_at=recorded,
                    cancelled_at=cancelled,
                    device_id=device,
                    uuid=str(uuid.uuid4()),
                )  # fmt: skip
            )
    with db.transaction() as s:
        s.add_all(entries)


def test_one_pass_gives_what_the_whole_history_gave(db):
    _messy_history(db)
    seen = set()
    for offset in range(-7, 4):
        day = DAY + timedelta(days=offset)
        f = daily_figures(db, day)
        expected = _oracle(db, day)
        got = {name: getattr(f, name) for name in expected}
        assert got == expected, day
        seen.add(tuple(sorted(got.items())))
    assert len(seen) > 5  # the days differ: the history is not trivial
    assert any(f0 for f0 in (daily_figures(db, DAY).f0, daily_figures(db, DAY).f0_before))


def test_the_overview_headline_counts_as_the_report(db):
    from fieldapp.reports.figures import headline_figures

    _messy_history(db)
    for offset in (-2, 0, 1):
        day = DAY + timedelta(days=offset)
        full, headline = daily_figures(db, day), headline_figures(db, day)
        for name in ("f0", "f1", "f2", "f0_change", "f1_change", "people_in", "items_overdue"):
            assert getattr(headline, name) == getattr(full, name), (day, name)
