"""Shift attendance marked by the shift leader: who came, who was absent, who replaced whom."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select

from fieldapp.db.base import utcnow
from fieldapp.db.database import Database
from fieldapp.errors import UserError
from fieldapp.rostering.models import ATTENDANCE_STATUSES, Assignment, Attendance, Site, Staff
from fieldapp.rostering.store import load_snapshot
from fieldapp.text.vietnamese import name_sort_key, nfc


@dataclass(frozen=True)
class AttendanceRow:
    """One person on one shift and what was marked for them (``status`` None: not yet)."""

    assignment_id: int
    site_id: int
    site_name: str
    day: date
    shift: str
    shift_label: str
    start: datetime
    end: datetime
    staff_id: int
    name: str
    unit: str
    is_leader: bool
    status: str | None
    replaced_by_id: int | None
    replaced_by: str
    marked_by: str
    marked_at: datetime | None
    note: str

    @property
    def status_label(self) -> str:
        return ATTENDANCE_STATUSES.get(self.status, "") if self.status else "chưa điểm danh"


@dataclass(frozen=True)
class Mark:
    """What to mark for one assignment (see :func:`mark_attendance`)."""

    assignment_id: int
    status: str
    replaced_by: int | None = None
    note: str = ""


def mark_attendance(
    db: Database,
    assignment_id: int,
    status: str,
    *,
    replaced_by: int | None = None,
    marked_by: str = "",
    note: str = "",
) -> None:
    """Mark (or re-mark) one assignment: ``present``, ``absent`` or ``replaced`` by someone."""
    mark_many(db, [Mark(assignment_id, status, replaced_by, note)], marked_by=marked_by)


def mark_many(db: Database, marks: list[Mark], *, marked_by: str = "") -> int:
    """Mark several assignments in one transaction (all or nothing); returns how many."""
    for m in marks:
        if m.status not in ATTENDANCE_STATUSES:
            raise UserError(
                f'Không rõ trạng thái "{m.status}". Có: '
                + ", ".join(f"{k} ({v})" for k, v in ATTENDANCE_STATUSES.items())
            )
        if m.status == "replaced" and m.replaced_by is None:
            raise UserError("Hãy chọn người trực thay.")
    who = nfc(" ".join(marked_by.split()))
    now = utcnow()
    with db.transaction() as s:
        for m in marks:
            replaced_by = m.replaced_by if m.status == "replaced" else None
            row = s.get(Assignment, m.assignment_id)
            if row is None:
                raise UserError("Không tìm thấy lượt trực này (lịch có thể vừa được xếp lại).")
            if replaced_by is not None:
                if replaced_by == row.staff_id:
                    raise UserError("Người trực thay phải là người khác.")
                if s.get(Staff, replaced_by) is None:
                    raise UserError("Không tìm thấy người trực thay.")
            mark = s.scalar(select(Attendance).where(Attendance.assignment_id == m.assignment_id))
            if mark is None:
                mark = Attendance(assignment_id=m.assignment_id)
                s.add(mark)
            mark.status = m.status
            mark.replaced_by_id = replaced_by
            mark.marked_by = who
            mark.marked_at = now
            mark.note = nfc(m.note.strip())
    return len(marks)


def clear_attendance(db: Database, assignment_id: int) -> None:
    """Forget what was marked for one assignment (a mistake)."""
    with db.transaction() as s:
        mark = s.scalar(select(Attendance).where(Attendance.assignment_id == assignment_id))
        if mark is not None:
            s.delete(mark)


def attendance_sheet(db: Database, day: date, site_id: int | None = None) -> list[AttendanceRow]:
    """Everyone on duty on ``day`` (at one site or all), in shift order, with their marks."""
    snap = load_snapshot(db, day, day)
    rows = []
    for d in snap.duties:
        if site_id is not None and d.site_id != site_id:
            continue
        site = snap.sites[d.site_id]
        person = snap.staff[d.staff_id]
        mark = snap.attendance.get(d.id)
        replacement = snap.staff.get(mark.replaced_by_id) if mark and mark.replaced_by_id else None
        rows.append(
            AttendanceRow(
                assignment_id=d.id,
                site_id=d.site_id,
                site_name=site.name,
                day=d.day,
                shift=d.shift,
                shift_label=site.shift(d.shift).label,
                start=d.start,
                end=d.end,
                staff_id=d.staff_id,
                name=person.name,
                unit=person.unit,
                is_leader=d.is_leader,
                status=mark.status if mark else None,
                replaced_by_id=mark.replaced_by_id if mark else None,
                replaced_by=replacement.name if replacement else "",
                marked_by=mark.marked_by if mark else "",
                marked_at=mark.marked_at if mark else None,
                note=mark.note if mark else "",
            )
        )
    rows.sort(key=lambda r: (r.start, r.site_id, not r.is_leader, name_sort_key(r.name)))
    return rows


def attendance_counts(db: Database, start: date, end: date) -> dict[int, dict[str, int]]:
    """Per person: shifts marked present, absent, and shifts worked for someone else."""
    out: dict[int, dict[str, int]] = {}
    with db.session() as s:
        query = (
            select(Assignment.staff_id, Attendance.status, Attendance.replaced_by_id)
            .join(Attendance, Attendance.assignment_id == Assignment.id)
            .join(Site, Site.id == Assignment.site_id)
            .where(Assignment.day >= start, Assignment.day <= end)
        )
        for staff_id, status, replaced_by in s.execute(query):
            entry = out.setdefault(staff_id, {"present": 0, "absent": 0, "covered": 0})
            if status == "present":
                entry["present"] += 1
            else:
                entry["absent"] += 1
            if replaced_by is not None:
                other = out.setdefault(replaced_by, {"present": 0, "absent": 0, "covered": 0})
                other["covered"] += 1
    return out
