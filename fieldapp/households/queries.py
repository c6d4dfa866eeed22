"""What the other rooms ask the households register: one place for each rule.

Reports (:mod:`fieldapp.reports.figures`), the district roll-up (:mod:`fieldapp.sync.district`),
the worklists, the area list and the overview page all count households and people through
these functions, so "which lockdown areas are in force on a day" and "how many people are F0"
mean the same everywhere.

- :func:`in_force` / :func:`area_in_force`: an area is in force on ``day`` when it started on or
  before that day and has not ended before it (it is still in force on its last day);
- :func:`areas_in_force`: the ids of those areas, as a subquery;
- :func:`household_totals`: households and people in the areas in force, in total or per key;
- :func:`status_counts`: people of those areas by current health status, with how many of them
  are isolating that day and how many of those at a central facility;
- :func:`lockdown_counts`: the overview's figures, built from the two above.

The status counted is the current one copied onto each person (kept by the service); the
daily report, which needs the status *on a past day*, reads the history itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import Session

from fieldapp.db.database import Database
from fieldapp.households.models import Household, HouseholdMember, LockdownArea

SERIOUS = ("F0", "F1", "F2")
ISOLATING = ("central", "home")


class _Dated(Protocol):
    started_on: date
    ended_on: date | None


def in_force(day: date):
    """SQL condition: the lockdown area is in force on ``day`` (started, not yet ended)."""
    return and_(
        LockdownArea.started_on <= day,
        or_(LockdownArea.ended_on.is_(None), LockdownArea.ended_on >= day),
    )


def area_in_force(area: _Dated, day: date) -> bool:
    """The same rule as :func:`in_force`, for an area already loaded."""
    return area.started_on <= day and (area.ended_on is None or area.ended_on >= day)


def areas_in_force(day: date):
    """``SELECT id FROM lockdown_area`` of the areas in force on ``day`` (for ``IN (...)``)."""
    return select(LockdownArea.id).where(in_force(day))


def isolating_on(day: date):
    """SQL condition: the person is isolating on ``day`` (F0/F1/F2 at a facility or at home,
    the end not passed)."""
    return and_(
        HouseholdMember.status.in_(SERIOUS),
        HouseholdMember.isolation.in_(ISOLATING),
        or_(HouseholdMember.isolation_end.is_(None), HouseholdMember.isolation_end >= day),
    )


def household_totals(s: Session, day: date, by: Any = None) -> dict[Any, tuple[int, int]]:
    """(households, people) in the areas in force on ``day``; per value of the column ``by``
    (e.g. ``Household.device_id``), or under the key ``None`` for the whole database."""
    keys = [by] if by is not None else []
    query = select(*keys, func.count(), func.coalesce(func.sum(Household.member_count), 0)).where(
        Household.area_id.in_(areas_in_force(day))
    )
    if by is not None:
        query = query.group_by(by)
    out: dict[Any, tuple[int, int]] = {}
    for row in s.execute(query):
        key = row[0] if by is not None else None
        households, people = int(row[-2]), int(row[-1])
        if households:
            out[key] = (households, people)
    return out


@dataclass
class StatusCounts:
    """People by current status; ``isolating`` (F0/F1/F2 isolating that day) and ``central``
    (of them, at a central facility)."""

    f0: int = 0
    f1: int = 0
    f2: int = 0
    isolating: int = 0
    central: int = 0

    def add(self, status: str, isolation: str, number: int, isolating: int) -> None:
        if status in SERIOUS:
            name = status.lower()
            setattr(self, name, getattr(self, name) + number)
        self.isolating += isolating
        if isolation == "central":
            self.central += isolating


def status_counts(s: Session, day: date, by: Any = None) -> dict[Any, StatusCounts]:
    """People of the areas in force on ``day`` whose current status is F0, F1 or F2, per value
    of the column ``by`` (e.g. ``HouseholdMember.device_id``) or under ``None``."""
    keys = [by] if by is not None else []
    query = (
        select(
            *keys,
            HouseholdMember.status,
            HouseholdMember.isolation,
            func.count(),
            func.coalesce(func.sum(case((isolating_on(day), 1), else_=0)), 0),
        )
        .join(Household, Household.id == HouseholdMember.household_id)
        .where(
            HouseholdMember.status.in_(SERIOUS),
            Household.area_id.in_(areas_in_force(day)),
        )
        .group_by(*keys, HouseholdMember.status, HouseholdMember.isolation)
    )
    out: dict[Any, StatusCounts] = {}
    for row in s.execute(query):
        key = row[0] if by is not None else None
        status, isolation, number, isolating = row[-4:]
        out.setdefault(key, StatusCounts()).add(status, isolation, int(number), int(isolating))
    return out


@dataclass
class LockdownCounts:
    """Figures over the lockdown areas in force on a day.

    ``areas_in_force``: areas started on or before the day and not ended before it;
    ``households`` and ``people``: in those areas; ``f0``, ``f1``, ``f2``: people of those
    areas whose current status is F0, F1, F2 (wherever they are isolated); ``isolating``:
    people isolating that day (F0/F1/F2 at a facility or at home, end not passed);
    ``central``: of those, at a central facility.
    """

    areas_in_force: int = 0
    households: int = 0
    people: int = 0
    f0: int = 0
    f1: int = 0
    f2: int = 0
    isolating: int = 0
    central: int = 0


def lockdown_counts(db: Database, today: date | None = None) -> LockdownCounts:
    """Counts over the lockdown areas in force ``today`` (default: the real today), for the
    overview page."""
    today = today or date.today()
    with db.session() as s:
        areas = s.scalar(select(func.count()).select_from(areas_in_force(today).subquery()))
        counts = LockdownCounts(areas_in_force=int(areas or 0))
        if not counts.areas_in_force:
            return counts
        counts.households, counts.people = household_totals(s, today).get(None, (0, 0))
        status = status_counts(s, today).get(None, StatusCounts())
    counts.f0, counts.f1, counts.f2 = status.f0, status.f1, status.f2
    counts.isolating, counts.central = status.isolating, status.central
    return counts
