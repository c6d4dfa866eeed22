"""What the roster window (and the printouts) show, read from the database as plain data.

- :func:`week_grid`: one site's week, days × shifts, names in cells, with conflict marks.
- :func:`person_view`: one person's duties and leave over a span.
- :func:`fairness_table`: per person shifts, nights, weekends, hours over a span.
- :func:`day_summary`: the duty shifts of a day and how many are not filled (overview).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from fieldapp.db.database import Database
from fieldapp.errors import UserError
from fieldapp.rostering.attendance import attendance_counts
from fieldapp.rostering.conflicts import Conflict, cell_problems, duty_conflicts
from fieldapp.rostering.gaps import CellGap, cell_gaps
from fieldapp.rostering.store import (
    Absence,
    ShiftDef,
    SiteInfo,
    Snapshot,
    StaffInfo,
    load_snapshot,
    monday_of,
    month_span,
)
from fieldapp.text.vietnamese import name_sort_key

CONTEXT_DAYS = 14  # days read around a view, so marks see across its edges


@dataclass(frozen=True)
class CellPerson:
    assignment_id: int
    staff_id: int
    name: str
    unit: str
    roles: tuple[str, ...]
    phone: str
    locked: bool
    leader: bool
    conflicts: tuple[Conflict, ...]
    attendance: str | None = None


@dataclass
class GridCell:
    site_id: int
    day: date
    shift: str
    need: int
    active: bool
    people: list[CellPerson] = field(default_factory=list)
    problems: list[Conflict] = field(default_factory=list)
    gaps: list[CellGap] = field(default_factory=list)  # what it lacks, role named, with why

    @property
    def missing(self) -> int:
        return max(0, self.need - len(self.people)) if self.active else 0

    @property
    def conflicts(self) -> list[Conflict]:
        """Every mark of the cell: the people's, then the cell's own."""
        out = [c for p in self.people for c in p.conflicts]
        return out + self.problems

    @property
    def reasons(self) -> list[str]:
        """The marks in words, each person's name before theirs (for the tooltip)."""
        out = []
        for p in self.people:
            out += [f"{p.name}: {c.message}" for c in p.conflicts]
        out += [c.message for c in self.problems if c.kind != "role"]
        for gap in self.gaps:
            text = gap.text[0].upper() + gap.text[1:]
            out.append(f"{text} ({gap.reason})" if gap.reason else text)
        return out

    @property
    def gap_text(self) -> str:
        """ "thiếu 1 công an, thiếu 1 người" (empty when nothing is missing)."""
        return ", ".join(g.text for g in self.gaps)


@dataclass
class WeekGrid:
    """One site over ``length`` days from ``week_start`` (a week; a month for month_grid)."""

    site: SiteInfo
    week_start: date
    cells: dict[tuple[date, str], GridCell]
    length: int = 7

    @property
    def days(self) -> list[date]:
        return [self.week_start + timedelta(days=i) for i in range(self.length)]

    @property
    def shifts(self) -> tuple[ShiftDef, ...]:
        return self.site.shifts

    @property
    def missing(self) -> int:
        return sum(c.missing for c in self.cells.values())

    @property
    def conflict_count(self) -> int:
        return sum(len(c.conflicts) for c in self.cells.values())


def _context(db: Database, start: date, end: date) -> tuple[Snapshot, dict[int, list[Conflict]]]:
    snap = load_snapshot(
        db, start - timedelta(days=CONTEXT_DAYS), end + timedelta(days=CONTEXT_DAYS)
    )
    return snap, duty_conflicts(snap)


def grid_from(
    snap: Snapshot,
    marks: dict[int, list[Conflict]],
    site_id: int,
    week_start: date,
    length: int = 7,
):
    """The grid of one site from an already read snapshot (several sites at once): the week
    from the Monday of ``week_start``, or with ``length`` the days from ``week_start``."""
    site = snap.sites.get(site_id)
    if site is None:
        raise UserError("Không tìm thấy điểm trực này (có thể đã bị xóa).")
    monday = monday_of(week_start) if length == 7 else week_start
    cells: dict[tuple[date, str], GridCell] = {}
    for i in range(length):
        day = monday + timedelta(days=i)
        for shift in site.shifts:
            cells[(day, shift.id)] = GridCell(
                site_id, day, shift.id, site.staff_per_shift, site.active_on(day)
            )
    for d in snap.duties:
        if d.site_id != site_id or (d.day, d.shift) not in cells:
            continue
        person = snap.staff[d.staff_id]
        mark = snap.attendance.get(d.id)
        cells[(d.day, d.shift)].people.append(
            CellPerson(
                assignment_id=d.id,
                staff_id=d.staff_id,
                name=person.name,
                unit=person.unit,
                roles=person.roles,
                phone=person.phone,
                locked=d.locked,
                leader=d.is_leader,
                conflicts=tuple(marks.get(d.id, ())),
                attendance=mark.status if mark else None,
            )
        )
    for cell in cells.values():
        cell.people.sort(key=lambda p: (not p.leader, name_sort_key(p.name)))
        cell.problems = cell_problems(snap, site_id, cell.day, cell.shift)
        cell.gaps = cell_gaps(snap, site_id, cell.day, cell.shift)
    return WeekGrid(site, monday, cells, length)


def month_grid(db: Database, site_id: int, day: date) -> WeekGrid:
    """One site's whole month (the month of ``day``): a row per day, a column per shift."""
    first, length = month_span(day)
    snap, marks = _context(db, first, first + timedelta(days=length - 1))
    return grid_from(snap, marks, site_id, first, length)


@dataclass(frozen=True)
class DayRow:
    """One shift of one site on one day, for the "all sites on a day" view."""

    site: SiteInfo
    shift: ShiftDef
    active: bool
    people: tuple[CellPerson, ...]
    gaps: tuple[CellGap, ...]


def day_rows(db: Database, day: date) -> list[DayRow]:
    """Every site's shifts on ``day`` (sites not active that day: one row, marked so)."""
    snap, marks = _context(db, day, day)
    out: list[DayRow] = []
    for site in snap.sites.values():
        if site.active_to is not None and site.active_to < day - timedelta(days=30):
            continue
        grid = grid_from(snap, marks, site.id, day, 1)
        for shift in site.shifts:
            cell = grid.cells[(day, shift.id)]
            out.append(DayRow(site, shift, cell.active, tuple(cell.people), tuple(cell.gaps)))
            if not cell.active:
                break
    return out


def week_grid(db: Database, site_id: int, week_start: date) -> WeekGrid:
    """One site's week from the Monday of ``week_start``: every cell with its people and marks."""
    monday = monday_of(week_start)
    snap, marks = _context(db, monday, monday + timedelta(days=6))
    return grid_from(snap, marks, site_id, monday)


def week_grids(db: Database, week_start: date) -> list[WeekGrid]:
    """The week of every site active in it (one read for all)."""
    monday = monday_of(week_start)
    sunday = monday + timedelta(days=6)
    snap, marks = _context(db, monday, sunday)
    out = []
    for site in snap.sites.values():
        if site.active_from <= sunday and (site.active_to is None or site.active_to >= monday):
            out.append(grid_from(snap, marks, site.id, monday))
    return out


@dataclass(frozen=True)
class PersonDutyRow:
    assignment_id: int
    day: date
    site_id: int
    site_name: str
    shift: str
    shift_label: str
    start: datetime
    end: datetime
    night: bool
    leader: bool
    locked: bool
    conflicts: tuple[Conflict, ...]
    attendance: str | None

    @property
    def hours(self) -> float:
        return (self.end - self.start).total_seconds() / 3600


@dataclass
class PersonView:
    person: StaffInfo
    start: date
    end: date
    duties: list[PersonDutyRow]
    absences: list[Absence]

    @property
    def nights(self) -> int:
        return sum(1 for d in self.duties if d.night)

    @property
    def hours(self) -> float:
        return sum(d.hours for d in self.duties)


def person_view(db: Database, staff_id: int, start: date, end: date) -> PersonView:
    snap, marks = _context(db, start, end)
    person = snap.staff.get(staff_id)
    if person is None:
        raise UserError("Không tìm thấy người này (có thể đã bị xóa).")
    rows = []
    for d in snap.duties_of(staff_id):
        if not start <= d.day <= end:
            continue
        site = snap.sites[d.site_id]
        mark = snap.attendance.get(d.id)
        rows.append(
            PersonDutyRow(
                assignment_id=d.id,
                day=d.day,
                site_id=d.site_id,
                site_name=site.name,
                shift=d.shift,
                shift_label=site.shift(d.shift).label,
                start=d.start,
                end=d.end,
                night=d.night,
                leader=d.is_leader,
                locked=d.locked,
                conflicts=tuple(marks.get(d.id, ())),
                attendance=mark.status if mark else None,
            )
        )
    rows.sort(key=lambda r: (r.start, r.site_id))
    first = datetime.combine(start, datetime.min.time())
    after = datetime.combine(end + timedelta(days=1), datetime.min.time())
    absences = [a for a in snap.absences.get(staff_id, []) if a.overlaps(first, after)]
    return PersonView(person, start, end, rows, absences)


@dataclass(frozen=True)
class FairnessRow:
    staff_id: int
    name: str
    unit: str
    roles: tuple[str, ...]
    shifts: int
    nights: int
    weekends: int
    hours: float
    leader: int
    days_off: int
    absent: int
    covered: int


def fairness_table(db: Database, start: date, end: date) -> list[FairnessRow]:
    """Per active person (and anyone on duty in the span): shifts, nights, weekend shifts,
    hours, times as shift leader, days unavailable, absences and shifts worked for others."""
    snap = load_snapshot(db, start, end)
    counts = attendance_counts(db, start, end)
    first = datetime.combine(start, datetime.min.time())
    by_person = snap.by_person()
    ids = {p.id for p in snap.staff.values() if p.active} | set(by_person)
    rows = []
    for pid in ids:
        person = snap.staff[pid]
        duties = by_person.get(pid, [])
        off = 0
        for i in range((end - start).days + 1):
            day_start = first + timedelta(days=i)
            if any(
                a.overlaps(day_start, day_start + timedelta(days=1))
                for a in snap.absences.get(pid, [])
            ):
                off += 1
        attendance = counts.get(pid, {})
        rows.append(
            FairnessRow(
                staff_id=pid,
                name=person.name,
                unit=person.unit,
                roles=person.roles,
                shifts=len(duties),
                nights=sum(1 for d in duties if d.night),
                weekends=sum(1 for d in duties if d.day.weekday() >= 5),
                hours=sum(d.hours for d in duties),
                leader=sum(1 for d in duties if d.is_leader),
                days_off=off,
                absent=attendance.get("absent", 0),
                covered=attendance.get("covered", 0),
            )
        )
    rows.sort(key=lambda r: (name_sort_key(r.name), r.staff_id))
    return rows


@dataclass(frozen=True)
class DaySummary:
    day: date
    shifts: int  # site shifts on duty that day
    unfilled: int  # of them, how many lack people or a required role
    missing: int  # people missing in all
    people: int  # people on duty
    conflicts: int


def day_summary(db: Database, day: date) -> DaySummary:
    """Duty shifts on ``day`` at active sites and how many are not (fully) filled."""
    grids = week_grids(db, day)
    shifts = unfilled = missing = people = conflicts = 0
    for grid in grids:
        for (d, _shift), cell in grid.cells.items():
            if d != day or not cell.active:
                continue
            shifts += 1
            people += len(cell.people)
            conflicts += len(cell.conflicts)
            short = max(cell.missing, sum(1 for c in cell.problems if c.kind == "role"))
            if short:
                unfilled += 1
                missing += cell.missing
    return DaySummary(day, shifts, unfilled, missing, people, conflicts)
