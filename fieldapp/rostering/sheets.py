"""The printed roster from the database: wall sheets, the day of all sites, personal pages.

Builds the plain dataclasses of :mod:`fieldapp.rostering.wall` (the wall sheet: a site's
week, or month on A3, with gaps named by role and inactive days marked) and of
:mod:`fieldapp.rostering.printing` (personal schedules) from the register and renders them:
:func:`print_roster`, :func:`print_day`, :func:`roster_image` / :func:`day_image` (PNG for a
chat group) and :func:`print_persons`. :func:`roster_sheets` still builds the older
grid sheets of :mod:`fieldapp.rostering.printing` for whoever wants that layout.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

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
)
from fieldapp.rostering.store import load_snapshot, monday_of, month_span

if TYPE_CHECKING:
    from fieldapp.rostering.wall import WallSheet
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


def wall_sheets(
    db: Database, start: date, days: int, site_ids: list[int] | None = None
) -> list[WallSheet]:
    """One wall sheet per site active in ``start``..``start + days - 1`` (or each chosen
    site), with the gaps named by role (:func:`fieldapp.rostering.gaps.cell_gaps`)."""
    from fieldapp.rostering.gaps import cell_gaps
    from fieldapp.rostering.wall import WallPerson, WallSheet, WallShift

    if not 1 <= days <= 31:
        raise UserError("Mỗi tờ lịch trực từ 1 đến 31 ngày.")
    end = start + timedelta(days=days - 1)
    margin = timedelta(days=8)  # the gap reasons look at rest around the edges
    snap = load_snapshot(db, start - margin, end + margin)
    chosen = list(snap.sites) if site_ids is None else site_ids
    cells_of = snap.by_cell()
    out = []
    for sid in chosen:
        site = snap.sites.get(sid)
        if site is None:
            raise UserError("Không tìm thấy điểm trực này (có thể đã bị xóa).")
        if site_ids is None and (
            site.active_from > end or (site.active_to and site.active_to < start)
        ):
            continue
        sheet = WallSheet(
            site_name=site.name,
            site_kind=site.kind,
            place=site.place,
            hotline=site.hotline,
            start=start,
            days=days,
            shifts=[WallShift(x.id, f"Ca {x.number}", x.times, x.night) for x in site.shifts],
        )
        for day in sheet.dates:
            if not site.active_on(day):
                sheet.inactive.add(day)
                continue
            for x in site.shifts:
                duties = cells_of.get((sid, day, x.id), [])
                people = sorted(
                    duties,
                    key=lambda d: (not d.is_leader, name_sort_key(snap.staff[d.staff_id].name)),
                )
                sheet.cells[(day, x.id)] = [
                    WallPerson(
                        snap.staff[d.staff_id].name, snap.staff[d.staff_id].phone, d.is_leader
                    )
                    for d in people
                ]
                gaps = cell_gaps(snap, sid, day, x.id, explain=False)
                if gaps:
                    sheet.gaps[(day, x.id)] = [g.text for g in gaps]
        out.append(sheet)
    if not out:
        raise UserError(
            f"Không có điểm trực nào hoạt động từ {format_date(start)} đến {format_date(end)}."
        )
    return out


def print_roster(
    db: Database,
    path: str | Path,
    week_start: date,
    site_ids: list[int] | None = None,
    *,
    weeks: int = 1,
    month: bool = False,
    paper: str = "A4",
    issued_on: date | None = None,
) -> Path:
    """The wall sheets as a vector PDF: per site and week (``weeks`` of them, from the
    Monday of ``week_start``), or with ``month`` per site for the month of ``week_start``
    (on A3 landscape with ``paper="A3"``, a crowded week then on one sheet; else A4)."""
    from fieldapp.rostering.wall import render_wall_pdf

    if paper not in ("A4", "A3"):
        raise UserError('Khổ giấy chỉ là "A4" hoặc "A3".')
    if month:
        first, days = month_span(week_start)
        sheets = wall_sheets(db, first, days, site_ids)
    else:
        monday = monday_of(week_start)
        sheets = []
        for w in range(weeks):
            sheets += wall_sheets(db, monday + timedelta(days=7 * w), 7, site_ids)
    return render_wall_pdf(_profile(db), sheets, path, issued_on=issued_on, paper=paper)  # type: ignore[arg-type]


def roster_image(
    db: Database, path: str | Path, week_start: date, site_id: int, *, issued_on=None
) -> Path:
    """The week of one site as a PNG for a chat group (phone-screen width)."""
    import tempfile

    from fieldapp.rostering.wall import render_pdf_png, render_wall_pdf

    sheets = wall_sheets(db, monday_of(week_start), 7, [site_id])
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "week.pdf"
        render_wall_pdf(_profile(db), sheets, pdf, issued_on=issued_on)
        return render_pdf_png(pdf, path)


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


def day_sites(db: Database, day: date) -> list:
    """Every site on one day: the people of each shift and what each lacks."""
    from fieldapp.rostering.gaps import cell_gaps
    from fieldapp.rostering.wall import DaySite, WallPerson, WallShift

    snap = load_snapshot(db, day - timedelta(days=8), day + timedelta(days=8))
    cells_of = snap.by_cell()
    out = []
    for site in snap.sites.values():
        if site.active_to is not None and site.active_to < day - timedelta(days=30):
            continue  # long closed: not worth a row
        entry = DaySite(
            name=site.name,
            hotline=site.hotline,
            active=site.active_on(day),
            shifts=[WallShift(x.id, f"Ca {x.number}", x.times, x.night) for x in site.shifts],
        )
        if entry.active:
            for x in site.shifts:
                duties = sorted(
                    cells_of.get((site.id, day, x.id), []),
                    key=lambda d: (not d.is_leader, name_sort_key(snap.staff[d.staff_id].name)),
                )
                entry.cells[x.id] = [
                    WallPerson(
                        snap.staff[d.staff_id].name, snap.staff[d.staff_id].phone, d.is_leader
                    )
                    for d in duties
                ]
                gaps = cell_gaps(snap, site.id, day, x.id, explain=False)
                if gaps:
                    entry.gaps[x.id] = [g.text for g in gaps]
        out.append(entry)
    if not out:
        raise UserError("Chưa có điểm trực nào.")
    return out


def day_image(db: Database, path: str | Path, day: date, *, issued_on=None) -> Path:
    """One day across all sites as a PNG for a chat group (phone-screen width)."""
    import tempfile

    from fieldapp.rostering.wall import render_day_pdf, render_pdf_png

    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "day.pdf"
        render_day_pdf(_profile(db), day, day_sites(db, day), pdf, issued_on=issued_on)
        return render_pdf_png(pdf, path)


def print_day(db: Database, path: str | Path, day: date, *, issued_on=None) -> Path:
    """One day across all sites as a PDF (A4 portrait)."""
    from fieldapp.rostering.wall import render_day_pdf

    return render_day_pdf(_profile(db), day, day_sites(db, day), path, issued_on=issued_on)
