"""What the roster register holds, read as plain dataclasses: sites, staff, leave, duties.

:func:`load_snapshot` reads all the roster needs for a span of days in one go; the conflict
marks, the candidate lists, the grid, the gap reasons and the solver bridge work from it.
Nothing here writes (see :mod:`fieldapp.rostering.register`).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from fieldapp.db.database import Database
from fieldapp.errors import UserError
from fieldapp.rostering.instance import Rules, role_label
from fieldapp.rostering.models import (
    ATTENDANCE_STATUSES,
    SITE_KINDS,
    UNAVAILABLE_REASONS,
    WISH_KINDS,
    WISH_VALUES,
    Assignment,
    Attendance,
    RosterRules,
    Site,
    Staff,
    StaffRole,
    Unavailability,
)
from fieldapp.rostering.shifts import PATTERN_LABELS, ShiftDef, roles_text
from fieldapp.text.vietnamese import fold, format_date, name_sort_key

DEFAULT_RULES = Rules(min_rest_hours=16.0, max_shifts_per_week=6, max_consecutive_nights=2)


# --- plain data ------------------------------------------------------------------------------


@dataclass(frozen=True)
class SiteInfo:
    id: int
    name: str
    kind: str
    place: str
    active_from: date
    active_to: date | None
    pattern: str
    shifts: tuple[ShiftDef, ...]
    staff_per_shift: int
    require: dict[str, int]
    notes: str
    uuid: str = ""
    hotline: str = ""  # the checkpoint's own phone, printed on the wall sheet
    device_id: str = ""  # who wrote it: its commune, at a district

    @property
    def kind_label(self) -> str:
        return SITE_KINDS.get(self.kind, self.kind)

    def active_on(self, day: date) -> bool:
        return self.active_from <= day and (self.active_to is None or day <= self.active_to)

    def shift(self, shift_id: str) -> ShiftDef:
        for s in self.shifts:
            if s.id == shift_id:
                return s
        raise UserError(f'Điểm "{self.name}" không có ca "{shift_id}".')

    @property
    def require_text(self) -> str:
        return ", ".join(f"{n} {role_label(r)}" for r, n in self.require.items() if n)

    @property
    def pattern_label(self) -> str:
        return PATTERN_LABELS.get(self.pattern, self.pattern)


@dataclass(frozen=True)
class StaffInfo:
    id: int
    name: str
    unit: str
    roles: tuple[str, ...]
    phone: str
    max_shifts_per_week: int | None
    no_nights: bool
    active: bool
    notes: str
    wishes: dict[str, str] = field(default_factory=dict)  # soft: kind -> "ask" | "avoid"
    device_id: str = ""  # who wrote it: its commune, at a district

    @property
    def roles_text(self) -> str:
        return roles_text(self.roles)

    @property
    def wishes_text(self) -> str:
        """ "xin tránh ca đêm, muốn trực cuối tuần" (empty without wishes)."""
        return ", ".join(
            f"{WISH_VALUES[v]} {WISH_KINDS[k]}"
            for k, v in sorted(self.wishes.items())
            if k in WISH_KINDS and v in WISH_VALUES
        )


@dataclass(frozen=True)
class Absence:
    id: int
    staff_id: int
    reason: str
    starts: datetime
    ends: datetime | None
    note: str

    @property
    def reason_label(self) -> str:
        return UNAVAILABLE_REASONS.get(self.reason, self.reason)

    def overlaps(self, begin: datetime, end: datetime) -> bool:
        return self.starts < end and (self.ends is None or begin < self.ends)

    @property
    def span_text(self) -> str:
        """ "từ 05/08/2021 đến hết 07/08/2021" (whole days shown as days)."""

        def at(moment: datetime) -> str:
            if moment.time() == time(0, 0):
                return format_date(moment.date())
            return f"{moment:%H:%M} {format_date(moment.date())}"

        if self.ends is None:
            return f"từ {at(self.starts)}"
        if self.ends.time() == time(0, 0):
            return f"từ {at(self.starts)} đến hết {format_date(self.ends.date() - timedelta(1))}"
        return f"từ {at(self.starts)} đến {at(self.ends)}"


@dataclass(frozen=True)
class Duty:
    """One assignment with its times (``id`` None: a hypothetical one, for "who can take it")."""

    id: int | None
    site_id: int
    day: date
    shift: str
    staff_id: int
    start: datetime
    end: datetime
    night: bool
    locked: bool = False
    is_leader: bool = False

    @property
    def cell(self) -> tuple[int, date, str]:
        return (self.site_id, self.day, self.shift)

    @property
    def hours(self) -> float:
        return (self.end - self.start).total_seconds() / 3600


@dataclass(frozen=True)
class AttendanceMark:
    assignment_id: int
    status: str
    replaced_by_id: int | None
    marked_by: str
    marked_at: datetime
    note: str

    @property
    def status_label(self) -> str:
        return ATTENDANCE_STATUSES.get(self.status, self.status)


@dataclass
class Snapshot:
    """Everything about the roster over ``start``..``end`` (days inclusive), read at once."""

    start: date
    end: date
    rules: Rules
    sites: dict[int, SiteInfo]
    staff: dict[int, StaffInfo]
    absences: dict[int, list[Absence]]
    duties: list[Duty]
    attendance: dict[int, AttendanceMark] = field(default_factory=dict)

    def duties_of(self, staff_id: int) -> list[Duty]:
        return [d for d in self.duties if d.staff_id == staff_id]

    def by_cell(self) -> dict[tuple[int, date, str], list[Duty]]:
        out: dict[tuple[int, date, str], list[Duty]] = defaultdict(list)
        for d in self.duties:
            out[d.cell].append(d)
        return out

    def by_person(self) -> dict[int, list[Duty]]:
        out: dict[int, list[Duty]] = defaultdict(list)
        for d in self.duties:
            out[d.staff_id].append(d)
        for items in out.values():
            items.sort(key=lambda d: (d.start, d.site_id))
        return out

    def describe(self, duty: Duty) -> str:
        """ "ca 1 (06:00–14:00) ngày 03/08 tại Chốt Nà Pài"."""
        site = self.sites.get(duty.site_id)
        if site is None:
            return f"ca {duty.shift} ngày {duty.day:%d/%m}"
        shift = next((s for s in site.shifts if s.id == duty.shift), None)
        label = shift.label[0].lower() + shift.label[1:] if shift else f"ca {duty.shift}"
        return f"{label} ngày {duty.day:%d/%m} tại {site.name}"


# --- reading ---------------------------------------------------------------------------------


def site_info_of(row: Site) -> SiteInfo:
    return SiteInfo(
        id=row.id,
        name=row.name,
        kind=row.kind,
        place=row.place,
        active_from=row.active_from,
        active_to=row.active_to,
        pattern=row.pattern,
        shifts=tuple(
            ShiftDef(s["id"], s["start"], float(s["hours"]), bool(s.get("night", False)))
            for s in row.shifts
        ),
        staff_per_shift=row.staff_per_shift,
        require=dict(row.require or {}),
        notes=row.notes,
        uuid=row.uuid,
        hotline=row.hotline or "",
        device_id=row.device_id or "",
    )


def roles_by_staff(s: Session, ids: list[int] | None = None) -> dict[int, tuple[str, ...]]:
    query = select(StaffRole.staff_id, StaffRole.role).order_by(StaffRole.id)
    if ids is not None:
        query = query.where(StaffRole.staff_id.in_(ids))
    out: dict[int, list[str]] = defaultdict(list)
    for staff_id, role in s.execute(query):
        out[staff_id].append(role)
    return {k: tuple(v) for k, v in out.items()}


def staff_info_of(row: Staff, roles: tuple[str, ...]) -> StaffInfo:
    return StaffInfo(
        id=row.id,
        name=row.name,
        unit=row.unit,
        roles=roles,
        phone=row.phone,
        max_shifts_per_week=row.max_shifts_per_week,
        no_nights=row.no_nights,
        active=row.active,
        notes=row.notes,
        wishes=dict(row.wishes or {}),
        device_id=row.device_id or "",
    )


def absence_of(row: Unavailability) -> Absence:
    return Absence(row.id, row.staff_id, row.reason, row.starts, row.ends, row.note)


def list_sites(db: Database, *, active_on: date | None = None) -> list[SiteInfo]:
    """Sites in the order they were added (optionally only those active on a day)."""
    with db.session() as s:
        rows = s.scalars(select(Site).order_by(Site.id)).all()
        sites = [site_info_of(r) for r in rows]
    if active_on is not None:
        sites = [x for x in sites if x.active_on(active_on)]
    return sites


def get_site(db: Database, site_id: int) -> SiteInfo:
    with db.session() as s:
        row = s.get(Site, site_id)
        if row is None:
            raise UserError("Không tìm thấy điểm trực này (có thể đã bị xóa).")
        return site_info_of(row)


def find_site(db: Database, name_or_id: str) -> SiteInfo:
    """A site by its number or name (case and tones ignored; a unique part of it is enough)."""
    sites = list_sites(db)
    text = name_or_id.strip()
    if text.isdigit():
        for site in sites:
            if site.id == int(text):
                return site
    key = fold(text)
    exact = [x for x in sites if fold(x.name) == key]
    if len(exact) == 1:
        return exact[0]
    partial = [x for x in sites if key and key in fold(x.name)]
    if len(partial) == 1:
        return partial[0]
    if not partial:
        raise UserError(f'Không có điểm trực "{text}". Xem: fieldapp roster site list')
    names = "; ".join(f"{x.id}: {x.name}" for x in partial[:5])
    raise UserError(f'Có nhiều điểm trực khớp "{text}": {names}. Hãy ghi rõ hơn hoặc ghi số.')


def list_staff(db: Database, *, include_inactive: bool = False) -> list[StaffInfo]:
    """People sorted by given name in Vietnamese order."""
    with db.session() as s:
        query = select(Staff)
        if not include_inactive:
            query = query.where(Staff.active.is_(True))
        rows = s.scalars(query).all()
        roles = roles_by_staff(s)
        people = [staff_info_of(r, roles.get(r.id, ())) for r in rows]
    return sorted(people, key=lambda p: (name_sort_key(p.name), p.unit, p.id))


def get_staff(db: Database, staff_id: int) -> StaffInfo:
    with db.session() as s:
        row = s.get(Staff, staff_id)
        if row is None:
            raise UserError("Không tìm thấy người này (có thể đã bị xóa).")
        return staff_info_of(row, roles_by_staff(s, [staff_id]).get(staff_id, ()))


def find_staff(db: Database, name_or_id: str) -> StaffInfo:
    """A person by number or name (tones ignored); a name shared by two people is refused."""
    people = list_staff(db, include_inactive=True)
    text = name_or_id.strip()
    if text.isdigit():
        for person in people:
            if person.id == int(text):
                return person
    key = fold(text)
    found = [p for p in people if fold(p.name) == key]
    if not found:
        found = [p for p in people if key and key in fold(p.name)]
    if len(found) == 1:
        return found[0]
    if not found:
        raise UserError(f'Không có người tên "{text}" trong danh sách trực.')
    names = "; ".join(f"{p.id}: {p.name} ({p.unit})" for p in found[:5])
    raise UserError(f'Có nhiều người khớp "{text}": {names}. Hãy ghi số của người đó.')


def list_absences(
    db: Database,
    staff_id: int | None = None,
    *,
    start: datetime | None = None,
    end: datetime | None = None,
) -> list[Absence]:
    with db.session() as s:
        query = select(Unavailability).order_by(Unavailability.starts, Unavailability.id)
        if staff_id is not None:
            query = query.where(Unavailability.staff_id == staff_id)
        if end is not None:
            query = query.where(Unavailability.starts < end)
        if start is not None:
            query = query.where(or_(Unavailability.ends.is_(None), Unavailability.ends > start))
        return [absence_of(r) for r in s.scalars(query)]


def get_rules(db: Database) -> Rules:
    with db.session() as s:
        row = s.get(RosterRules, 1)
        if row is None:
            return DEFAULT_RULES
        return Rules(row.min_rest_hours, row.max_shifts_per_week, row.max_consecutive_nights)


def site_shift_times(site: SiteInfo, day: date, shift_id: str) -> tuple[datetime, datetime]:
    return site.shift(shift_id).span(day)


def load_snapshot(db: Database, start: date, end: date) -> Snapshot:
    """Sites, staff, leave and assignments for ``start``..``end`` (inclusive) in one read."""
    if end < start:
        raise UserError("Ngày kết thúc phải sau ngày bắt đầu.")
    with db.session() as s:
        rules_row = s.get(RosterRules, 1)
        rules = (
            DEFAULT_RULES
            if rules_row is None
            else Rules(
                rules_row.min_rest_hours,
                rules_row.max_shifts_per_week,
                rules_row.max_consecutive_nights,
            )
        )
        sites = {r.id: site_info_of(r) for r in s.scalars(select(Site).order_by(Site.id))}
        roles = roles_by_staff(s)
        staff = {r.id: staff_info_of(r, roles.get(r.id, ())) for r in s.scalars(select(Staff))}
        first = datetime.combine(start - timedelta(days=2), time(0))
        last = datetime.combine(end + timedelta(days=2), time(0))
        absences: dict[int, list[Absence]] = defaultdict(list)
        rows = s.scalars(
            select(Unavailability)
            .where(Unavailability.starts < last)
            .where(or_(Unavailability.ends.is_(None), Unavailability.ends > first))
            .order_by(Unavailability.starts, Unavailability.id)
        )
        for r in rows:
            absences[r.staff_id].append(absence_of(r))
        duties: list[Duty] = []
        rows = s.scalars(
            select(Assignment)
            .where(Assignment.day >= start, Assignment.day <= end)
            .order_by(Assignment.day, Assignment.site_id, Assignment.shift, Assignment.id)
        )
        ids: list[int] = []
        for r in rows:
            site = sites.get(r.site_id)
            shift = next((x for x in site.shifts if x.id == r.shift), None) if site else None
            if shift is None:
                continue  # the site's pattern changed and this shift is gone: shown nowhere
            begin, finish = shift.span(r.day)
            duties.append(
                Duty(
                    r.id,
                    r.site_id,
                    r.day,
                    r.shift,
                    r.staff_id,
                    begin,
                    finish,
                    shift.night,
                    r.locked,
                    r.is_leader,
                )
            )
            ids.append(r.id)
        attendance: dict[int, AttendanceMark] = {}
        for chunk in range(0, len(ids), 500):
            for r in s.scalars(
                select(Attendance).where(Attendance.assignment_id.in_(ids[chunk : chunk + 500]))
            ):
                attendance[r.assignment_id] = AttendanceMark(
                    r.assignment_id, r.status, r.replaced_by_id, r.marked_by, r.marked_at, r.note
                )
    return Snapshot(start, end, rules, sites, staff, dict(absences), duties, attendance)
