"""The printed roster from the database: sheets per site and week, schedules per person.

Builds the plain dataclasses of :mod:`fieldapp.rostering.printing` (written apart, knowing no
database) from the register and renders them: :func:`print_roster` (one landscape page per
site and week, to pin up at the checkpoint) and :func:`print_persons` (one portrait page per
person, to hand out).
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from fieldapp.db.database import Database
from fieldapp.errors import UserError
from fieldapp.profile import Profile, load_profile
from fieldapp.rostering.printing import (
    PersonDuty,
    PersonSchedule,
    RosterSheet,
    SheetPerson,
    SheetShift,
    render_person_pdf,
    render_roster_pdf,
)
from fieldapp.rostering.store import load_snapshot, monday_of
from fieldapp.text.vietnamese import format_date, name_sort_key


def roster_sheets(
    db: Database, week_start: date, site_ids: list[int] | None = None, *, weeks: int = 1
) -> list[RosterSheet]:
    """One sheet per site (active that week) and week, from the Monday of ``week_start``."""
    monday = monday_of(week_start)
    last = monday + timedelta(days=7 * weeks - 1)
    snap = load_snapshot(db, monday, last)
    chosen = list(snap.sites) if site_ids is None else site_ids
    sheets = []
    cells_of = snap.by_cell()
    for w in range(weeks):
        first = monday + timedelta(days=7 * w)
        sunday = first + timedelta(days=6)
        for sid in chosen:
            site = snap.sites.get(sid)
            if site is None:
                raise UserError("Không tìm thấy điểm trực này (có thể đã bị xóa).")
            if site.active_from > sunday or (site.active_to and site.active_to < first):
                if site_ids is None:
                    continue
            cells: dict[tuple[date, str], list[SheetPerson]] = {}
            for i in range(7):
                day = first + timedelta(days=i)
                for shift in site.shifts:
                    duties = cells_of.get((sid, day, shift.id), [])
                    people = sorted(
                        duties,
                        key=lambda d: (not d.is_leader, name_sort_key(snap.staff[d.staff_id].name)),
                    )
                    cells[(day, shift.id)] = [
                        SheetPerson(
                            snap.staff[d.staff_id].name, snap.staff[d.staff_id].phone, d.is_leader
                        )
                        for d in people
                    ]
            sheets.append(
                RosterSheet(
                    site_name=site.name,
                    site_kind=site.kind,
                    place=site.place,
                    week_start=first,
                    shifts=[
                        SheetShift(s.id, f"Ca {s.number}", s.start_time, s.hours, s.night)
                        for s in site.shifts
                    ],
                    cells=cells,
                    staff_per_shift=site.staff_per_shift,
                )
            )
    if not sheets:
        raise UserError(f"Không có điểm trực nào hoạt động trong tuần từ {format_date(monday)}.")
    return sheets


def person_schedules(
    db: Database, staff_ids: list[int], start: date, end: date
) -> list[PersonSchedule]:
    """One schedule per person, their duties from ``start`` to ``end`` (inclusive)."""
    if end < start:
        raise UserError("Ngày kết thúc phải từ ngày bắt đầu trở đi.")
    snap = load_snapshot(db, start, end)
    out = []
    for pid in staff_ids:
        person = snap.staff.get(pid)
        if person is None:
            raise UserError("Không tìm thấy người này (có thể đã bị xóa).")
        duties = []
        for d in sorted(snap.duties_of(pid), key=lambda d: d.start):
            site = snap.sites[d.site_id]
            shift = site.shift(d.shift)
            duties.append(
                PersonDuty(
                    day=d.day,
                    shift_label=f"Ca {shift.number}",
                    start=shift.start_time,
                    hours=shift.hours,
                    site_name=site.name,
                    leader=d.is_leader,
                    night=shift.night,
                )
            )
        out.append(
            PersonSchedule(
                name=person.name,
                unit=person.unit,
                roles=list(person.roles),
                phone=person.phone,
                start=start,
                end=end,
                duties=duties,
            )
        )
    return out


def _profile(db: Database) -> Profile:
    profile = load_profile(db)
    if profile is None:
        raise UserError("Chưa có hồ sơ xã. Mở ứng dụng hoặc dùng: fieldapp profile set ...")
    return profile


def print_roster(
    db: Database,
    path: str | Path,
    week_start: date,
    site_ids: list[int] | None = None,
    *,
    weeks: int = 1,
    issued_on: date | None = None,
) -> Path:
    """The roster sheets of a week (or several) as a PDF; returns the path."""
    sheets = roster_sheets(db, week_start, site_ids, weeks=weeks)
    return render_roster_pdf(_profile(db), sheets, path, issued_on=issued_on)


def print_persons(
    db: Database,
    path: str | Path,
    staff_ids: list[int],
    start: date,
    end: date,
    *,
    issued_on: date | None = None,
) -> Path:
    """Personal schedules as a PDF (one page per person); returns the path."""
    schedules = person_schedules(db, staff_ids, start, end)
    return render_person_pdf(_profile(db), schedules, path, issued_on=issued_on)
