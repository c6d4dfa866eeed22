"""Lockdown areas: create, change, end, find and list them (with their counts).

Part of the households service (:mod:`fieldapp.households.service` re-exports it).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, inspect, select
from sqlalchemy.orm import Session

from fieldapp.db.database import Database
from fieldapp.errors import UserError
from fieldapp.households.models import (
    Household,
    HouseholdMember,
    LockdownArea,
)
from fieldapp.households.queries import area_in_force  # noqa: F401 - the one rule, kept importable here
from fieldapp.households.records import AreaInput, AreaSummary, _check_area, _get
from fieldapp.text.vietnamese import fold

# --------------------------------------------------------------------------------------------
# Areas
# --------------------------------------------------------------------------------------------


def add_area(db: Database, data: AreaInput) -> int:
    """Create a lockdown area; its name must be new."""
    values = _check_area(data)
    with db.transaction() as s:
        if _area_by_fold(s, values["name"]) is not None:
            raise UserError(f"Đã có khu vực phong tỏa tên {values['name']}.")
        area = LockdownArea(**values)
        s.add(area)
        s.flush()
        return area.id


def update_area(db: Database, area_id: int, data: AreaInput) -> None:
    values = _check_area(data)
    with db.transaction() as s:
        area = _get(s, LockdownArea, area_id, "khu vực phong tỏa")
        other = _area_by_fold(s, values["name"])
        if other is not None and other.id != area_id:
            raise UserError(f"Đã có khu vực phong tỏa tên {values['name']}.")
        for key, value in values.items():
            setattr(area, key, value)


def delete_area(db: Database, area_id: int) -> dict:
    """Delete an area that holds no household (the undo of :func:`add_area`); returns it as
    it was, for :func:`restore_area`."""
    with db.transaction() as s:
        area = _get(s, LockdownArea, area_id, "khu vực phong tỏa")
        used = s.scalar(select(func.count()).where(Household.area_id == area_id))
        if used:
            raise UserError(f"Khu vực {area.name} còn {used} hộ: không xóa được.")
        was = {a.key: getattr(area, a.key) for a in inspect(LockdownArea).column_attrs}
        s.delete(area)
    return was


def restore_area(db: Database, was: dict) -> int:
    """Put a deleted area back as it was (same id and identity): redoing its creation keeps
    the households later added to it redoable."""
    with db.transaction() as s:
        if s.get(LockdownArea, was["id"]) is not None:
            raise UserError(f"Khu vực {was['name']} đã có lại.")
        if _area_by_fold(s, was["name"]) is not None:
            raise UserError(f"Đã có khu vực tên {was['name']}.")
        area = LockdownArea(**was)
        s.add(area)
        s.flush()
        return area.id


def _area_by_fold(s: Session, name: str) -> LockdownArea | None:
    wanted = fold(name)
    for area in s.scalars(select(LockdownArea)):
        if fold(area.name) == wanted:
            return area
    return None


def find_area(db: Database, name: str) -> AreaSummary:
    """The area of that name (case and tones do not matter), or a clear error."""
    with db.session() as s:
        area = _area_by_fold(s, name)
        if area is None:
            names = ", ".join(s.scalars(select(LockdownArea.name).order_by(LockdownArea.id)))
            raise UserError(
                f"Không có khu vực phong tỏa tên {name.strip()}."
                + (f" Có: {names}." if names else " Hãy tạo trước: fieldapp household area add.")
            )
        area_id = area.id
    return get_area(db, area_id)


def get_area(db: Database, area_id: int, today: date | None = None) -> AreaSummary:
    for area in list_areas(db, today):
        if area.id == area_id:
            return area
    raise UserError("Không tìm thấy khu vực phong tỏa (có thể đã bị xóa).")


def list_areas(db: Database, today: date | None = None) -> list[AreaSummary]:
    """Every lockdown area with its counts, those in force first, newest first."""
    today = today or date.today()
    with db.session() as s:
        areas = s.scalars(select(LockdownArea)).all()
        households: dict[int, int] = {}
        people: dict[int, int] = {}
        for area_id, count, members in s.execute(
            select(Household.area_id, func.count(), func.sum(Household.member_count)).group_by(
                Household.area_id
            )
        ):
            households[area_id], people[area_id] = count, members or 0
        # Driven from the people with that status (indexed), whatever SQLite's statistics say.
        area_of = (
            select(Household.area_id)
            .where(Household.id == HouseholdMember.household_id)
            .scalar_subquery()
        )
        by_status: dict[tuple[int, str], int] = {}
        for area_id, status, count in s.execute(
            select(area_of, HouseholdMember.status, func.count())
            .where(HouseholdMember.status.in_(("F0", "F1")))
            .group_by(area_of, HouseholdMember.status)
        ):
            by_status[(area_id, status)] = count
        out = [
            AreaSummary(
                id=a.id,
                name=a.name,
                villages=a.villages,
                regime=a.regime,
                started_on=a.started_on,
                planned_end=a.planned_end,
                ended_on=a.ended_on,
                decision=a.decision,
                notes=a.notes,
                households=households.get(a.id, 0),
                people=people.get(a.id, 0),
                f0=by_status.get((a.id, "F0"), 0),
                f1=by_status.get((a.id, "F1"), 0),
                in_force=area_in_force(a, today),
                device_id=a.device_id or "",
            )
            for a in areas
        ]
    out.sort(key=lambda a: (not a.in_force, -a.started_on.toordinal(), a.id))
    return out
