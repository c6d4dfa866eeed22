"""Today's work in the lockdown areas: lists an official acts on, one line per household.

- :func:`isolation_ending`: people whose isolation ends today or tomorrow (release, retest);
- :func:`not_tested`: people of an area with no result in a test round (go back for them);
  people at a central facility and F0 are tested there and are left out;
- :func:`empty_houses`: households whose every member is in central isolation — the house
  stands empty and needs a police watch (directive 235-CV/HU: theft in quarantined homes);
- :func:`unsupplied_vulnerable`: vulnerable or poor households with no relief in the last
  seven days ("công bằng, đúng đối tượng, tránh tình trạng vừa thừa, vừa thiếu");
- :func:`ids_to_check`: people whose CMND/CCCD failed a check on import ("Số giấy tờ cần
  kiểm tra"): kept as typed, to be corrected in the household's detail.

Only areas in force count (started, not ended).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import and_, case, exists, func, not_, or_, select

from fieldapp.db.database import Database
from fieldapp.households.models import (
    Household,
    HouseholdMember,
    LockdownArea,
    ReliefDelivery,
    TestResult,
    TestRound,
)
from fieldapp.households.queries import in_force
from fieldapp.households.service import address_text

SUPPLY_DAYS = 7


@dataclass
class WorkPerson:
    member_id: int
    full_name: str
    status: str = ""
    isolation: str = ""
    isolation_end: date | None = None
    note: str = ""  # why the person is on the list (never a personal value)


@dataclass
class WorkLine:
    """A household on a work list, with the people concerned."""

    household_id: int
    area_id: int
    area_name: str
    head_name: str
    village: str
    address: str
    phone: str
    people: list[WorkPerson] = field(default_factory=list)
    last_delivery: date | None = None
    device_id: str = ""  # where the household was made: its commune at a district (issue 18)


def _lines(s, household_ids: list[int]) -> dict[int, WorkLine]:
    out: dict[int, WorkLine] = {}
    for i in range(0, len(household_ids), 500):
        for h, area_name in s.execute(
            select(Household, LockdownArea.name)
            .join(LockdownArea, LockdownArea.id == Household.area_id)
            .where(Household.id.in_(household_ids[i : i + 500]))
        ):
            out[h.id] = WorkLine(
                household_id=h.id,
                area_id=h.area_id,
                area_name=area_name,
                head_name=h.head_name,
                village=h.village,
                address=address_text(h.house_number, h.street),
                phone=h.phone,
                device_id=h.device_id,
            )
    return out


def _sorted(lines: dict[int, WorkLine], order: list[int]) -> list[WorkLine]:
    return [lines[i] for i in order if i in lines]


def _member_lines(s, query, today: date) -> list[WorkLine]:
    rows = s.execute(query).all()
    ids: list[int] = []
    for m in rows:
        if m.household_id not in ids:
            ids.append(m.household_id)
    lines = _lines(s, ids)
    for m in rows:
        lines[m.household_id].people.append(
            WorkPerson(m.id, m.full_name, m.status, m.isolation, m.isolation_end)
        )
    return _sorted(lines, ids)


def isolation_ending(
    db: Database, today: date | None = None, days: int = 1, area_id: int | None = None
) -> list[WorkLine]:
    """Households with someone whose isolation ends between today and today + ``days``."""
    today = today or date.today()
    query = (
        select(
            HouseholdMember.id,
            HouseholdMember.household_id,
            HouseholdMember.full_name,
            HouseholdMember.status,
            HouseholdMember.isolation,
            HouseholdMember.isolation_end,
        )
        .join(Household, Household.id == HouseholdMember.household_id)
        .join(LockdownArea, LockdownArea.id == Household.area_id)
        .where(
            in_force(today),
            HouseholdMember.status.in_(("F0", "F1", "F2")),
            HouseholdMember.isolation.in_(("central", "home")),
            HouseholdMember.isolation_end.between(today, today + timedelta(days=days)),
        )
        .order_by(HouseholdMember.isolation_end, Household.head_sort, HouseholdMember.position)
    )
    if area_id is not None:
        query = query.where(Household.area_id == area_id)
    with db.session() as s:
        return _member_lines(s, query, today)


def ids_to_check(
    db: Database, today: date | None = None, area_id: int | None = None
) -> list[WorkLine]:
    """Households with someone whose identity number needs checking (cần kiểm tra)."""
    today = today or date.today()
    query = (
        select(
            HouseholdMember.id,
            HouseholdMember.household_id,
            HouseholdMember.full_name,
            HouseholdMember.id_check,
        )
        .join(Household, Household.id == HouseholdMember.household_id)
        .join(LockdownArea, LockdownArea.id == Household.area_id)
        .where(in_force(today), HouseholdMember.id_check != "")
        .order_by(Household.village_sort, Household.head_sort, HouseholdMember.position)
    )
    if area_id is not None:
        query = query.where(Household.area_id == area_id)
    with db.session() as s:
        rows = s.execute(query).all()
        order: dict[int, None] = dict.fromkeys(m.household_id for m in rows)
        lines = _lines(s, list(order))
    for m in rows:
        lines[m.household_id].people.append(WorkPerson(m.id, m.full_name, note=m.id_check))
    return _sorted(lines, list(order))


def latest_rounds(db: Database, today: date | None = None) -> dict[int, int]:
    """area id -> id of its latest test round on or before today (areas in force)."""
    today = today or date.today()
    with db.session() as s:
        rows = s.execute(
            select(TestRound.area_id, TestRound.id, TestRound.held_on)
            .join(LockdownArea, LockdownArea.id == TestRound.area_id)
            .where(in_force(today), TestRound.held_on <= today)
            .order_by(TestRound.held_on, TestRound.id)
        ).all()
    return {area: rid for area, rid, _held in rows}


def not_tested(db: Database, round_id: int, today: date | None = None) -> list[WorkLine]:
    """People of the round's area without a result (not in central isolation, not F0)."""
    today = today or date.today()
    with db.session() as s:
        area_id = s.scalar(select(TestRound.area_id).where(TestRound.id == round_id))
        if area_id is None:
            return []
        has_result = exists().where(
            TestResult.round_id == round_id, TestResult.member_id == HouseholdMember.id
        )
        away = and_(
            HouseholdMember.isolation == "central",
            or_(HouseholdMember.isolation_end.is_(None), HouseholdMember.isolation_end >= today),
        )
        query = (
            select(
                HouseholdMember.id,
                HouseholdMember.household_id,
                HouseholdMember.full_name,
                HouseholdMember.status,
                HouseholdMember.isolation,
                HouseholdMember.isolation_end,
            )
            .join(Household, Household.id == HouseholdMember.household_id)
            .where(
                Household.area_id == area_id,
                not_(has_result),
                not_(away),
                HouseholdMember.status != "F0",
            )
            .order_by(Household.head_sort, Household.id, HouseholdMember.position)
        )
        return _member_lines(s, query, today)


def empty_houses(
    db: Database, today: date | None = None, area_id: int | None = None
) -> list[WorkLine]:
    """Households whose every member is in central isolation now: the house stands empty."""
    today = today or date.today()
    away = and_(
        HouseholdMember.isolation == "central",
        HouseholdMember.status.in_(("F0", "F1", "F2")),
        or_(HouseholdMember.isolation_end.is_(None), HouseholdMember.isolation_end >= today),
    )
    counts = (
        select(
            HouseholdMember.household_id,
            func.count().label("everyone"),
            func.sum(case((away, 1), else_=0)).label("away"),
        )
        .group_by(HouseholdMember.household_id)
        .subquery()
    )
    query = (
        select(Household.id)
        .join(counts, counts.c.household_id == Household.id)
        .join(LockdownArea, LockdownArea.id == Household.area_id)
        .where(in_force(today), counts.c.everyone == counts.c.away)
        .order_by(Household.head_sort, Household.id)
    )
    if area_id is not None:
        query = query.where(Household.area_id == area_id)
    with db.session() as s:
        ids = list(s.scalars(query))
        lines = _lines(s, ids)
        for m in s.execute(
            select(HouseholdMember)
            .where(HouseholdMember.household_id.in_(ids))
            .order_by(HouseholdMember.position, HouseholdMember.id)
        ).scalars():
            lines[m.household_id].people.append(
                WorkPerson(m.id, m.full_name, m.status, m.isolation, m.isolation_end)
            )
    return _sorted(lines, ids)


def unsupplied_vulnerable(
    db: Database, today: date | None = None, days: int = SUPPLY_DAYS, area_id: int | None = None
) -> list[WorkLine]:
    """Vulnerable or poor households with no relief delivered in the last ``days`` days."""
    today = today or date.today()
    since = today - timedelta(days=days - 1)
    last = (
        select(ReliefDelivery.household_id, func.max(ReliefDelivery.delivered_on).label("last"))
        .group_by(ReliefDelivery.household_id)
        .subquery()
    )
    query = (
        select(Household.id, last.c.last)
        .join(LockdownArea, LockdownArea.id == Household.area_id)
        .outerjoin(last, last.c.household_id == Household.id)
        .where(
            in_force(today),
            or_(Household.vulnerable.is_(True), Household.poor.is_(True)),
            or_(last.c.last.is_(None), last.c.last < since),
        )
        .order_by(Household.village_sort, Household.head_sort, Household.id)
    )
    if area_id is not None:
        query = query.where(Household.area_id == area_id)
    with db.session() as s:
        rows = s.execute(query).all()
        lines = _lines(s, [r.id for r in rows])
        vulnerable = s.execute(
            select(HouseholdMember.id, HouseholdMember.household_id, HouseholdMember.full_name)
            .where(
                HouseholdMember.household_id.in_([r.id for r in rows]),
                or_(
                    HouseholdMember.elderly,
                    HouseholdMember.young_child,
                    HouseholdMember.pregnant,
                    HouseholdMember.disabled,
                    HouseholdMember.chronic,
                ),
            )
            .order_by(HouseholdMember.position, HouseholdMember.id)
        ).all()
    for r in rows:
        lines[r.id].last_delivery = r.last
    for m in vulnerable:
        lines[m.household_id].people.append(WorkPerson(m.id, m.full_name))
    return _sorted(lines, [r.id for r in rows])
