"""Support money under Resolution 68/NQ-CP (Decision 23/2021/QĐ-TTg, forms 08a/08b).

Who is paid and how much, from each person's health-status history inside a chosen period:

- an F0 in treatment: ``daily_rate`` đồng a day for the actual days, at most ``f0_max_days``;
- an F1 isolated by decision (the isolation kinds of Settings): ``daily_rate`` a day, at most
  ``f1_max_days``;
- a child under ``child_age`` among them: ``child_amount`` once.

Days are counted from the history, not from the current status: an entry covers the days
from its start up to (not including) its end, the day the person was released, as the
isolation lengths of Settings are counted; an entry without an end lasts until the next
entry of that person, or until the end of the period (never beyond ``today``). Cancelled
entries do not count. A person who was F1 and then F0 gets both rows; the child money is paid
once, on the person's first row. Rates, caps and the kinds that count are Settings
(``support68.*``), read once per list.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, NamedTuple

from sqlalchemy import select

from fieldapp.db.database import Database
from fieldapp.errors import UserMistake
from fieldapp.heap import bulk
from fieldapp.households.models import (
    ISOLATIONS,
    HealthStatus,
    Household,
    HouseholdMember,
)
from fieldapp.progress import Progress, report


@dataclass(frozen=True)
class SupportRules:
    """The figures of the support policy (Settings ``support68.*``)."""

    daily_rate: int = 80_000
    f0_max_days: int = 45
    f1_max_days: int = 21
    child_amount: int = 1_000_000
    child_age: int = 16
    f0_isolations: frozenset[str] = frozenset(ISOLATIONS)
    f1_isolations: frozenset[str] = frozenset(("central", "home"))

    def counts(self, status: str, isolation: str) -> bool:
        if status == "F0":
            return isolation in self.f0_isolations
        if status == "F1":
            return isolation in self.f1_isolations
        return False

    def max_days(self, kind: str) -> int:
        return self.f0_max_days if kind == "F0" else self.f1_max_days


def _whole(db: Database, key: str, low: int, high: int) -> int:
    from fieldapp.settings import get_setting

    value = get_setting(db, key)
    if isinstance(value, bool) or not isinstance(value, int | float) or value != int(value):
        raise UserMistake(f"Thiết lập {key} phải là một số nguyên (đang là {value!r}).")
    if not low <= int(value) <= high:
        raise UserMistake(f"Thiết lập {key} phải từ {low} đến {high} (đang là {value}).")
    return int(value)


def _kinds(db: Database, key: str) -> frozenset[str]:
    from fieldapp.settings import get_setting

    value = get_setting(db, key)
    if not isinstance(value, list) or any(v not in ISOLATIONS for v in value):
        raise UserMistake(
            f'Thiết lập {key} phải là danh sách hình thức cách ly (central, home, self, "").'
        )
    return frozenset(value)


def rules_from_settings(db: Database) -> SupportRules:
    """The rules as Settings hold them now; a clear message when one is not a sensible value."""
    return SupportRules(
        daily_rate=_whole(db, "support68.daily_rate", 0, 10_000_000),
        f0_max_days=_whole(db, "support68.f0_max_days", 0, 366),
        f1_max_days=_whole(db, "support68.f1_max_days", 0, 366),
        child_amount=_whole(db, "support68.child_amount", 0, 100_000_000),
        child_age=_whole(db, "support68.child_age", 0, 120),
        f0_isolations=_kinds(db, "support68.f0_isolations"),
        f1_isolations=_kinds(db, "support68.f1_isolations"),
    )


def save_rules(db: Database, rules: SupportRules) -> None:
    """Store ``rules`` in Settings, all or nothing after checking them."""
    from fieldapp.db.models import Setting

    values: dict[str, Any] = {
        "support68.daily_rate": rules.daily_rate,
        "support68.f0_max_days": rules.f0_max_days,
        "support68.f1_max_days": rules.f1_max_days,
        "support68.child_amount": rules.child_amount,
        "support68.child_age": rules.child_age,
        "support68.f0_isolations": sorted(rules.f0_isolations),
        "support68.f1_isolations": sorted(rules.f1_isolations),
    }
    for key, value in values.items():
        if isinstance(value, int) and value < 0:
            raise UserMistake(f"Thiết lập {key} không được âm.")
        if isinstance(value, list) and any(v not in ISOLATIONS for v in value):
            raise UserMistake(f"Thiết lập {key}: hình thức cách ly không hợp lệ.")
    with db.transaction() as s:  # all or nothing
        for key, value in values.items():
            encoded = json.dumps(value, ensure_ascii=False)
            row = s.get(Setting, key)
            if row is None:
                s.add(Setting(key=key, value=encoded))
            else:
                row.value = encoded


@dataclass
class SupportRow:
    """One person's support for one kind (F0 or F1) in the period."""

    member_id: int
    household_id: int
    person: str
    household: str  # the head's name
    village: str
    birth_year: int | None
    citizen_id: str
    kind: str  # "F0" or "F1"
    first_day: date
    last_day: date  # the last day counted (inclusive)
    days: int  # days counted, after the cap
    actual_days: int  # days in the history inside the period, before the cap
    food: int
    child: int
    note: str = ""

    @property
    def total(self) -> int:
        return self.food + self.child

    def as_json(self) -> dict[str, Any]:
        return {
            "person": self.person,
            "household": self.household,
            "kind": self.kind,
            "days": self.days,
            "food": self.food,
            "child": self.child,
            "total": self.total,
        }


@dataclass
class HouseholdSupport:
    household_id: int
    head: str
    village: str
    address: str
    rows: list[SupportRow] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(r.total for r in self.rows)


@dataclass
class SupportList:
    """The support list of an area for a period, households in Vietnamese order by village."""

    start: date
    end: date
    rules: SupportRules
    households: list[HouseholdSupport]

    @property
    def rows(self) -> list[SupportRow]:
        return [r for h in self.households for r in h.rows]

    @property
    def total(self) -> int:
        return sum(h.total for h in self.households)

    @property
    def food(self) -> int:
        return sum(r.food for h in self.households for r in h.rows)

    @property
    def child(self) -> int:
        return sum(r.child for h in self.households for r in h.rows)

    def as_json(self) -> dict[str, Any]:
        return {"rows": [r.as_json() for r in self.rows], "total": self.total}


class _Entry(NamedTuple):
    """One uncancelled status entry of a person's history."""

    status: str
    isolation: str
    start: date
    end: date | None


def counted_days(
    entries: Iterable[_Entry], rules: SupportRules, start: date, end: date
) -> dict[str, tuple[int, date, date]]:
    """Per kind ("F0", "F1"): the number of days counted in ``start``..``end`` (inclusive),
    with the first and last of them. ``entries`` are one person's uncancelled history in order
    (start, then when recorded)."""
    ordered = list(entries)
    stop_all = end + timedelta(days=1)
    if len(ordered) == 1:  # most people: one entry, nothing to merge
        status, isolation, e_start, e_end = ordered[0]
        if not rules.counts(status, isolation):
            return {}
        lo, hi = max(e_start, start), min(e_end or stop_all, stop_all)
        return {status: ((hi - lo).days, lo, hi - timedelta(days=1))} if lo < hi else {}
    spans: dict[str, list[tuple[date, date]]] = {}
    last = len(ordered) - 1
    for i, (status, isolation, e_start, e_end) in enumerate(ordered):  # _Entry or its tuple
        if not rules.counts(status, isolation):
            continue
        until = e_end
        following = ordered[i + 1][2] if i < last else None
        if following is not None and (until is None or following < until):
            until = following  # a later entry replaced this one
        if until is None:
            until = stop_all
        lo, hi = max(e_start, start), min(until, stop_all)
        if lo < hi:
            spans.setdefault(status, []).append((lo, hi))
    out: dict[str, tuple[int, date, date]] = {}
    for kind, parts in spans.items():
        parts.sort()
        total, first = 0, parts[0][0]
        cur_lo, cur_hi = parts[0]
        for lo, hi in parts[1:]:
            if lo > cur_hi:
                total += (cur_hi - cur_lo).days
                cur_lo, cur_hi = lo, hi
            else:
                cur_hi = max(cur_hi, hi)
        total += (cur_hi - cur_lo).days
        last = cur_hi - timedelta(days=1)
        out[kind] = (total, first, last)
    return out


def is_child(birth_year: int | None, birth_date: date | None, on: date, age: int) -> bool:
    """Under ``age`` on ``on``; with only the year of birth, by the year."""
    if birth_date is not None:
        years = (
            on.year - birth_date.year - ((on.month, on.day) < (birth_date.month, birth_date.day))
        )
        return years < age
    if birth_year is None:
        return False
    return on.year - birth_year < age


@bulk
def support_list(
    db: Database,
    area_id: int,
    start: date,
    end: date,
    *,
    village: str | None = None,
    today: date | None = None,
    rules: SupportRules | None = None,
    progress: Progress | None = None,
) -> SupportList:
    """The Resolution 68 support of every person of an area (one village of it) for the days
    ``start``..``end`` (inclusive; not beyond ``today``)."""
    from fieldapp.households.paper import area_people

    if end < start:
        raise UserMistake("Ngày cuối của kỳ phải sau ngày đầu.")
    rules = rules or rules_from_settings(db)
    today = today or date.today()
    last = min(end, today)
    households = area_people(db, area_id, village=village)
    report(progress, 0, len(households), "Đọc lịch sử tình trạng")
    wanted = {m.id for h in households for m in h.members}
    history: dict[int, list[_Entry]] = {}
    with db.session() as s:
        # One query over the area (not one per chunk of people): the history of 50,000 people.
        query = (
            select(
                HealthStatus.member_id,
                HealthStatus.status,
                HealthStatus.isolation,
                HealthStatus.start,
                HealthStatus.end,
            )
            .join(HouseholdMember, HouseholdMember.id == HealthStatus.member_id)
            .join(Household, Household.id == HouseholdMember.household_id)
            .where(
                Household.area_id == area_id,
                HealthStatus.cancelled_at.is_(None),
                HealthStatus.start <= last,
            )
            .order_by(
                HealthStatus.member_id,
                HealthStatus.start,
                HealthStatus.recorded_at,
                HealthStatus.id,
            )
        )
        # Plain rows from the connection, kept as plain tuples (the fields of _Entry): the
        # history of 50,000 people is read in a fraction of the time of ORM rows.
        for mid, status, isolation, s_start, s_end in s.connection().execute(query).fetchall():
            if mid in wanted:
                history.setdefault(mid, []).append((status, isolation, s_start, s_end))  # type: ignore[arg-type]
    out: list[HouseholdSupport] = []
    for n, h in enumerate(households, start=1):
        if n % 500 == 0:
            report(progress, n, len(households))
        group = HouseholdSupport(h.id, h.head_name, h.village, h.address)
        for m in h.members:
            entries = history.get(m.id)
            if not entries or last < start:
                continue
            counted = counted_days(entries, rules, start, last)
            child_paid = False
            for kind in ("F1", "F0"):
                if kind not in counted:
                    continue
                actual, first_day, last_day = counted[kind]
                days = min(actual, rules.max_days(kind))
                note = ""
                if actual > days:
                    note = f"Thực tế {actual} ngày, hỗ trợ tối đa {days} ngày"
                child = 0
                if not child_paid and is_child(
                    m.birth_year, m.birth_date, first_day, rules.child_age
                ):
                    child, child_paid = rules.child_amount, True
                if m.birth_year is None and m.birth_date is None:
                    note = "; ".join(p for p in (note, "Chưa rõ năm sinh") if p)
                group.rows.append(
                    SupportRow(
                        member_id=m.id,
                        household_id=h.id,
                        person=m.full_name,
                        household=h.head_name,
                        village=h.village,
                        birth_year=m.birth_year or (m.birth_date.year if m.birth_date else None),
                        citizen_id=m.citizen_id or "",
                        kind=kind,
                        first_day=first_day,
                        last_day=last_day,
                        days=days,
                        actual_days=actual,
                        food=days * rules.daily_rate,
                        child=child,
                        note=note,
                    )
                )
        if group.rows:
            out.append(group)
    report(progress, len(households), len(households))
    return SupportList(start, end, rules, out)
