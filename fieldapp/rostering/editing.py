"""Changing a roster by hand: who can take a cell, assign, remove, swap, lock, shift leader.

Every change is checked against the hard rules with :mod:`fieldapp.rostering.conflicts` on
the assignments around it; a change that would break one is refused with the reason unless
``force`` is given (the window asks first). A cell filled or swapped by hand is locked, so
later re-plans keep it. :func:`range_state` and :func:`restore_range` let the window undo a
whole generation or re-plan.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select

from fieldapp.db.database import Database
from fieldapp.errors import NeedsConfirmation, UserError
from fieldapp.rostering.conflicts import HARD_KINDS, Conflict, problems_if_added
from fieldapp.rostering.instance import role_label
from fieldapp.rostering.models import Assignment, Attendance, Site, Staff, Unavailability
from fieldapp.rostering.store import Duty, Snapshot, StaffInfo, load_snapshot, monday_of
from fieldapp.text.vietnamese import name_sort_key

CONTEXT_DAYS = 14


@dataclass(frozen=True)
class Candidate:
    """Someone who could take a cell: ``ok`` when no hard rule would break."""

    staff: StaffInfo
    ok: bool
    problems: tuple[Conflict, ...]
    warnings: tuple[str, ...]
    brings: tuple[str, ...]  # required roles of the cell this person would supply
    week_shifts: int
    period_shifts: int
    nights: int
    rest_before: float | None  # hours since their last shift ended (None: none in 2 weeks)

    @property
    def summary(self) -> str:
        """ "3 ca tuần này, 11 ca trong 4 tuần, nghỉ 40 giờ trước ca"."""
        parts = [f"{self.week_shifts} ca tuần này", f"{self.period_shifts} ca trong 4 tuần"]
        if self.rest_before is not None:
            parts.append(f"nghỉ {self.rest_before:.0f} giờ trước ca")
        return ", ".join(parts)

    @property
    def reason(self) -> str:
        return "; ".join([p.message for p in self.problems] + list(self.warnings))


def _snapshot(db: Database, day: date) -> Snapshot:
    return load_snapshot(db, day - timedelta(days=CONTEXT_DAYS), day + timedelta(days=CONTEXT_DAYS))


def _duty(snap: Snapshot, site_id: int, day: date, shift: str, staff_id: int) -> Duty:
    site = snap.sites.get(site_id)
    if site is None:
        raise UserError("Không tìm thấy điểm trực này (có thể đã bị xóa).")
    s = site.shift(shift)
    begin, end = s.span(day)
    return Duty(None, site_id, day, shift, staff_id, begin, end, s.night)


def _role_warnings(
    snap: Snapshot, site_id: int, day: date, shift: str, staff_id: int, without: int | None
) -> tuple[list[str], list[str]]:
    """(roles the person brings that the cell lacks, warnings about roles it would lose)."""
    site = snap.sites[site_id]
    members = [
        d.staff_id
        for d in snap.duties
        if d.cell == (site_id, day, shift) and d.id != without and d.staff_id != staff_id
    ]
    roles = snap.staff[staff_id].roles
    brings, warnings = [], []
    for role, need in site.require.items():
        have = sum(1 for p in members if role in snap.staff[p].roles)
        if have < need:
            if role in roles:
                brings.append(role)
            else:
                warnings.append(f"ca sẽ thiếu {role_label(role)}")
    return brings, warnings


def candidates(
    db: Database, site_id: int, day: date, shift: str, *, replacing: int | None = None
) -> list[Candidate]:
    """Everyone active, ranked for the cell: first those who break no rule and bring a role
    the cell lacks, then by fewest shifts this week and over four weeks, longest rest; then
    those who would break a rule, each with the reason. ``replacing`` is the assignment
    whose person leaves the cell."""
    snap = _snapshot(db, day)
    new_start = _duty(snap, site_id, day, shift, 0).start
    monday = monday_of(day)
    period = (day - timedelta(days=14), day + timedelta(days=13))
    in_cell = {d.staff_id for d in snap.duties if d.cell == (site_id, day, shift)}
    out: list[Candidate] = []
    for person in snap.staff.values():
        if not person.active or person.id in in_cell:
            continue
        new = _duty(snap, site_id, day, shift, person.id)
        problems = problems_if_added(snap, person.id, new)
        brings, warnings = _role_warnings(snap, site_id, day, shift, person.id, replacing)
        mine = snap.duties_of(person.id)
        before = [d.end for d in mine if d.end <= new_start]
        rest = (new_start - max(before)).total_seconds() / 3600 if before else None
        out.append(
            Candidate(
                staff=person,
                ok=not any(p.kind in HARD_KINDS for p in problems),
                problems=tuple(problems),
                warnings=tuple(warnings),
                brings=tuple(brings),
                week_shifts=sum(1 for d in mine if monday_of(d.day) == monday),
                period_shifts=sum(1 for d in mine if period[0] <= d.day <= period[1]),
                nights=sum(1 for d in mine if d.night and period[0] <= d.day <= period[1]),
                rest_before=rest,
            )
        )
    night = snap.sites[site_id].shift(shift).night

    def key(c: Candidate) -> tuple:
        return (
            not c.ok,
            len(c.problems),
            bool(c.warnings),
            not c.brings,
            c.week_shifts,
            c.period_shifts,
            c.nights if night else 0,
            -(c.rest_before if c.rest_before is not None else 1e6),
            name_sort_key(c.staff.name),
        )

    return sorted(out, key=key)


def _refuse(problems: list[Conflict], name: str) -> None:
    hard = [p for p in problems if p.kind in HARD_KINDS]
    if hard:
        # a rule the shift leader may knowingly break: the window asks, then forces
        raise NeedsConfirmation(f"{name} không nhận được ca này: {hard[0].message}.")


def assign(
    db: Database,
    site_id: int,
    day: date,
    shift: str,
    staff_id: int,
    *,
    replacing: int | None = None,
    locked: bool = True,
    leader: bool | None = None,
    force: bool = False,
) -> int:
    """Put ``staff_id`` on a cell (in place of assignment ``replacing``, if given); returns the
    new assignment's id. Refused when it breaks a hard rule, unless ``force``."""
    snap = _snapshot(db, day)
    person = snap.staff.get(staff_id)
    if person is None:
        raise UserError("Không tìm thấy người này (có thể đã bị xóa).")
    site = snap.sites.get(site_id)
    if site is None:
        raise UserError("Không tìm thấy điểm trực này (có thể đã bị xóa).")
    site.shift(shift)
    members = [d for d in snap.duties if d.cell == (site_id, day, shift) and d.id != replacing]
    if any(d.staff_id == staff_id for d in members):
        raise UserError(f"{person.name} đã có trong ca này.")
    if len(members) >= site.staff_per_shift and not force:
        raise UserError(f"Ca này đã đủ {site.staff_per_shift} người: hãy chọn một người để thay.")
    if not force:
        new = _duty(snap, site_id, day, shift, staff_id)
        _refuse(problems_if_added(snap, staff_id, new), person.name)
    with db.transaction() as s:
        was_leader = False
        if replacing is not None:
            old = s.get(Assignment, replacing)
            if old is None:
                raise UserError("Không tìm thấy lượt trực cần thay (lịch có thể vừa đổi).")
            if s.scalar(select(Attendance.id).where(Attendance.assignment_id == replacing)):
                raise UserError("Ca này đã được điểm danh: ghi người trực thay ở phần điểm danh.")
            was_leader = old.is_leader
            s.delete(old)
            s.flush()
        row = Assignment(
            site_id=site_id,
            day=day,
            shift=shift,
            staff_id=staff_id,
            locked=locked,
            is_leader=was_leader if leader is None else leader,
        )
        if leader is None and not members:
            row.is_leader = True
        s.add(row)
        s.flush()
        return row.id


def remove_assignment(db: Database, assignment_id: int) -> dict:
    """Take someone off a shift; returns what was removed (for undo). A leader's cell gets
    a new leader."""
    with db.transaction() as s:
        row = s.get(Assignment, assignment_id)
        if row is None:
            raise UserError("Không tìm thấy lượt trực này (lịch có thể vừa đổi).")
        if s.scalar(select(Attendance.id).where(Attendance.assignment_id == assignment_id)):
            raise UserError("Ca này đã được điểm danh: không bỏ được người khỏi ca.")
        gone = {
            "site_id": row.site_id,
            "day": row.day,
            "shift": row.shift,
            "staff_id": row.staff_id,
            "locked": row.locked,
            "leader": row.is_leader,
        }
        s.delete(row)
        s.flush()
        if gone["leader"]:
            _elect_leader(s, row.site_id, row.day, row.shift)
        return gone


def _elect_leader(s, site_id: int, day: date, shift: str) -> None:
    from fieldapp.rostering.planning import LEADER_ORDER

    rows = s.scalars(
        select(Assignment).where(
            Assignment.site_id == site_id, Assignment.day == day, Assignment.shift == shift
        )
    ).all()
    if not rows or any(r.is_leader for r in rows):
        return
    roles: dict[int, set[str]] = {}
    from fieldapp.rostering.models import StaffRole

    for staff_id, role in s.execute(
        select(StaffRole.staff_id, StaffRole.role).where(
            StaffRole.staff_id.in_([r.staff_id for r in rows])
        )
    ):
        roles.setdefault(staff_id, set()).add(role)

    def rank(r) -> tuple:
        mine = roles.get(r.staff_id, set())
        return (min((LEADER_ORDER.index(x) for x in mine if x in LEADER_ORDER), default=9), r.id)

    min(rows, key=rank).is_leader = True


def set_locked(db: Database, assignment_ids: list[int], locked: bool) -> int:
    """Lock (keep through re-plans) or unlock assignments; returns how many changed."""
    changed = 0
    with db.transaction() as s:
        for aid in assignment_ids:
            row = s.get(Assignment, aid)
            if row is None:
                raise UserError("Không tìm thấy lượt trực này (lịch có thể vừa đổi).")
            if row.locked != locked:
                row.locked = locked
                changed += 1
    return changed


def set_leader(db: Database, assignment_id: int) -> int | None:
    """Make this person the shift leader of their cell; returns the former leader's id."""
    with db.transaction() as s:
        row = s.get(Assignment, assignment_id)
        if row is None:
            raise UserError("Không tìm thấy lượt trực này (lịch có thể vừa đổi).")
        former = None
        for other in s.scalars(
            select(Assignment).where(
                Assignment.site_id == row.site_id,
                Assignment.day == row.day,
                Assignment.shift == row.shift,
            )
        ):
            if other.is_leader and other.id != row.id:
                other.is_leader = False
                former = other.id
        row.is_leader = True
        return former


def swap(db: Database, first: int, second: int, *, force: bool = False) -> None:
    """Exchange the people of two assignments (both become locked). Refused when either
    would then break a hard rule, unless ``force``."""
    if first == second:
        raise UserError("Hãy chọn hai lượt trực khác nhau để đổi.")
    with db.session() as s:
        a, b = s.get(Assignment, first), s.get(Assignment, second)
        if a is None or b is None:
            raise UserError("Không tìm thấy lượt trực cần đổi (lịch có thể vừa đổi).")
        if a.staff_id == b.staff_id:
            raise UserError("Hai lượt trực này là của cùng một người.")
        marked = s.scalars(
            select(Attendance.assignment_id).where(Attendance.assignment_id.in_([first, second]))
        ).all()
        if marked:
            raise UserError("Ca đã được điểm danh không đổi người được.")
        a_cell, b_cell = (a.site_id, a.day, a.shift), (b.site_id, b.day, b.shift)
        a_staff, b_staff = a.staff_id, b.staff_id
        day = min(a.day, b.day)
        span = abs((a.day - b.day).days)
    snap = load_snapshot(
        db, day - timedelta(days=CONTEXT_DAYS), day + timedelta(days=span + CONTEXT_DAYS)
    )
    for cell, person in ((a_cell, b_staff), (b_cell, a_staff)):
        if any(d.cell == cell and d.staff_id == person for d in snap.duties):
            raise UserError(f"{snap.staff[person].name} đã có trong ca kia.")
    if not force:
        # each takes the other's shift and gives up their own
        a_new = _duty(snap, *a_cell, b_staff)
        b_new = _duty(snap, *b_cell, a_staff)
        _refuse(problems_if_added(snap, b_staff, a_new, without=second), snap.staff[b_staff].name)
        _refuse(problems_if_added(snap, a_staff, b_new, without=first), snap.staff[a_staff].name)
    with db.transaction() as s:
        a, b = s.get(Assignment, first), s.get(Assignment, second)
        a.staff_id, b.staff_id = b_staff, a_staff
        a.locked = b.locked = True


@dataclass(frozen=True)
class SavedAssignment:
    site_id: int
    day: date
    shift: str
    staff_id: int
    locked: bool
    is_leader: bool


def range_state(db: Database, start: date, end: date) -> list[SavedAssignment]:
    """The assignments of ``start``..``end`` as they are (to undo a generation later)."""
    with db.session() as s:
        rows = s.scalars(
            select(Assignment).where(Assignment.day >= start, Assignment.day <= end)
        ).all()
        return [
            SavedAssignment(r.site_id, r.day, r.shift, r.staff_id, r.locked, r.is_leader)
            for r in rows
        ]


def restore_range(
    db: Database,
    start: date,
    end: date,
    state: list[SavedAssignment],
    *,
    remove_absence: int | None = None,
) -> None:
    """Put ``start``..``end`` back as in ``state`` (assignments with attendance stay), and
    forget the leave ``remove_absence`` (undo of a re-plan), in one transaction."""
    wanted = {(a.site_id, a.day, a.shift, a.staff_id): a for a in state}
    with db.transaction() as s:
        rows = s.scalars(
            select(Assignment).where(Assignment.day >= start, Assignment.day <= end)
        ).all()
        attended = set(
            s.scalars(
                select(Attendance.assignment_id).where(
                    Attendance.assignment_id.in_([r.id for r in rows] or [0])
                )
            )
        )
        present = set()
        for r in rows:
            key = (r.site_id, r.day, r.shift, r.staff_id)
            if key in wanted:
                r.locked, r.is_leader = wanted[key].locked, wanted[key].is_leader
                present.add(key)
            elif r.id not in attended:
                s.delete(r)
        s.flush()
        sites = set(s.scalars(select(Site.id)))
        staff = set(s.scalars(select(Staff.id)))
        for key, a in wanted.items():
            if key not in present and a.site_id in sites and a.staff_id in staff:
                s.add(
                    Assignment(
                        site_id=a.site_id,
                        day=a.day,
                        shift=a.shift,
                        staff_id=a.staff_id,
                        locked=a.locked,
                        is_leader=a.is_leader,
                    )
                )
        if remove_absence is not None:
            row = s.get(Unavailability, remove_absence)
            if row is not None:
                s.delete(row)


def latest_absence_id(db: Database, staff_id: int) -> int | None:
    with db.session() as s:
        return s.scalar(
            select(Unavailability.id)
            .where(Unavailability.staff_id == staff_id)
            .order_by(Unavailability.id.desc())
        )


def duty_at(snapshot: Snapshot, staff_id: int, when: datetime) -> Duty | None:
    for d in snapshot.duties_of(staff_id):
        if d.start <= when < d.end:
            return d
    return None
