"""Health status as a history: each change kept with its author and time, a mistake cancelled
(never deleted), the newest entry copied onto the person.

Part of the households service (:mod:`fieldapp.households.service` re-exports it).
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldapp.db.base import utcnow
from fieldapp.db.database import Database
from fieldapp.errors import UserError
from fieldapp.households.models import (
    ISOLATIONS,
    STATUSES,
    HealthStatus,
    HouseholdMember,
)
from fieldapp.households.records import StatusEntry, _clean, _get

# --------------------------------------------------------------------------------------------
# Health status
# --------------------------------------------------------------------------------------------


def isolation_days(db: Database, status: str) -> int | None:
    """Default length of isolation for a status, in days (Settings), or None."""
    from fieldapp.settings import DEFAULTS, get_setting

    key = f"households.isolation_days.{status}"
    if key not in DEFAULTS:
        return None
    value = get_setting(db, key)
    return int(value) if value else None


def default_isolation_end(db: Database, status: str, start: date) -> date | None:
    """When isolation normally ends for ``status`` begun on ``start`` (None: no isolation)."""
    days = isolation_days(db, status)
    return None if days is None else start + timedelta(days=days)


def change_status(
    db: Database,
    member_id: int,
    status: str,
    *,
    isolation: str = "",
    start: date | None = None,
    end: date | None = None,
    use_default_end: bool = True,
    author: str = "",
    note: str = "",
    source: str = "manual",
    place: str = "",
) -> int:
    """Record a new health status for a person; returns the history entry's id.

    ``place`` is where an F0 is treated, or the facility a person was moved to.

    ``end`` defaults to ``start`` plus the isolation days of Settings (when
    ``use_default_end``); ``start`` defaults to today.
    """
    if status not in STATUSES:
        raise UserError(f"Tình trạng không hợp lệ (có: {', '.join(STATUSES)}).")
    if isolation not in ISOLATIONS:
        raise UserError("Hình thức cách ly không hợp lệ (tập trung, tại nhà, tự theo dõi).")
    if status == "facility" and not (place or "").strip():
        raise UserError("Cần ghi tên cơ sở điều trị đã chuyển đến.")
    if status in ("recovered", "facility", "died"):
        isolation = ""  # an outcome ends isolation at home (issue 19)
    start = start or date.today()
    if end is None and use_default_end and isolation:
        end = default_isolation_end(db, status, start)
    if end is not None and end < start:
        raise UserError("Ngày kết thúc cách ly phải sau ngày bắt đầu.")
    author = _clean(author, 120, "Tên người ghi")
    with db.transaction() as s:
        member = _get(s, HouseholdMember, member_id, "người")
        entry = HealthStatus(
            member_id=member_id,
            status=status,
            isolation=isolation,
            start=start,
            end=end,
            recorded_at=utcnow(),
            author=author,
            source=source,
            note=(note or "").strip(),
            place=" ".join((place or "").split())[:200],
        )
        s.add(entry)
        s.flush()
        _apply_current(s, member)
        return entry.id


def cancel_status(db: Database, entry_id: int, author: str = "") -> None:
    """Cancel a status entry entered by mistake (it stays in the history, marked cancelled)."""
    with db.transaction() as s:
        entry = _get(s, HealthStatus, entry_id, "lần ghi tình trạng")
        if entry.cancelled_at is not None:
            raise UserError("Lần ghi này đã được hủy trước đó.")
        entry.cancelled_at = utcnow()
        entry.cancelled_by = _clean(author, 120, "Tên người hủy")
        s.flush()
        _apply_current(s, s.get(HouseholdMember, entry.member_id))


def restore_status(db: Database, entry_id: int) -> None:
    """Undo :func:`cancel_status`: the entry counts again."""
    with db.transaction() as s:
        entry = _get(s, HealthStatus, entry_id, "lần ghi tình trạng")
        entry.cancelled_at = None
        entry.cancelled_by = ""
        s.flush()
        _apply_current(s, s.get(HouseholdMember, entry.member_id))


def _apply_current(s: Session, member: HouseholdMember) -> None:
    latest = s.scalars(
        select(HealthStatus)
        .where(HealthStatus.member_id == member.id, HealthStatus.cancelled_at.is_(None))
        .order_by(HealthStatus.recorded_at.desc(), HealthStatus.id.desc())
        .limit(1)
    ).first()
    if latest is None:
        member.status, member.isolation = "", ""
        member.isolation_start = member.isolation_end = None
    else:
        member.status, member.isolation = latest.status, latest.isolation
        member.isolation_start = latest.start if latest.isolation else None
        member.isolation_end = latest.end if latest.isolation else None


def status_history(
    db: Database, *, member_id: int | None = None, household_id: int | None = None
) -> list[StatusEntry]:
    """Status entries of a person or of a household's people, newest first."""
    with db.session() as s:
        query = select(HealthStatus, HouseholdMember.full_name).join(
            HouseholdMember, HouseholdMember.id == HealthStatus.member_id
        )
        if member_id is not None:
            query = query.where(HealthStatus.member_id == member_id)
        if household_id is not None:
            query = query.where(HouseholdMember.household_id == household_id)
        query = query.order_by(HealthStatus.recorded_at.desc(), HealthStatus.id.desc())
        return [
            StatusEntry(
                id=e.id,
                member_id=e.member_id,
                member_name=name,
                status=e.status,
                isolation=e.isolation,
                start=e.start,
                end=e.end,
                recorded_at=e.recorded_at,
                author=e.author,
                source=e.source,
                note=e.note,
                cancelled_at=e.cancelled_at,
                cancelled_by=e.cancelled_by,
            )
            for e, name in s.execute(query)
        ]
