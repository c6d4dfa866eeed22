"""The duty-roster register in the database: sites, staff, leave, rules, and what the window reads.

Every write is a service function taking ``db`` first and running in one transaction; every
read returns plain dataclasses (:class:`SiteInfo`, :class:`StaffInfo`, :class:`Absence`,
:class:`Duty`...). :func:`load_snapshot` reads all the roster needs for a span of days in one
go; the conflict marks, the candidate lists, the grid and the solver bridge work from it.

Weeks are calendar weeks from Monday: the weekly maximum is counted per Monday-Sunday.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from sqlalchemy import delete, func, or_, select
from sqlalchemy.orm import Session

from fieldapp.db.database import Database
from fieldapp.errors import UserError
from fieldapp.rostering.instance import ROLE_LABELS, Rules, role_label
from fieldapp.rostering.models import (
    ATTENDANCE_STATUSES,
    SITE_KINDS,
    UNAVAILABLE_REASONS,
    Assignment,
    Attendance,
    RosterRules,
    Site,
    Staff,
    StaffRole,
    Unavailability,
)
from fieldapp.text.vietnamese import fold, format_date, name_sort_key, nfc

DEFAULT_RULES = Rules(min_rest_hours=16.0, max_shifts_per_week=6, max_consecutive_nights=2)

# Shift patterns: name -> (number of shifts, hours each). "custom" takes an explicit list.
PATTERNS: dict[str, tuple[int, float]] = {"3x8": (3, 8.0), "2x12": (2, 12.0), "4x6": (4, 6.0)}
PATTERN_LABELS: dict[str, str] = {
    "3x8": "3 ca × 8 giờ",
    "2x12": "2 ca × 12 giờ",
    "4x6": "4 ca × 6 giờ",
    "custom": "tự đặt",
}
NIGHT_START, NIGHT_END = 22 * 60, 30 * 60  # 22:00 to 06:00 next morning, in minutes
MAX_PER_SHIFT = 30


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


# --- shifts ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ShiftDef:
    """One shift of a site's day: ``start`` "HH:MM" for ``hours``; it may run past midnight."""

    id: str
    start: str
    hours: float
    night: bool

    @property
    def start_time(self) -> time:
        hour, minute = self.start.split(":")
        return time(int(hour), int(minute))

    @property
    def minutes(self) -> int:
        return round(self.hours * 60)

    @property
    def end(self) -> str:
        total = (self.start_time.hour * 60 + self.start_time.minute + self.minutes) % 1440
        return f"{total // 60:02d}:{total % 60:02d}"

    @property
    def number(self) -> str:
        """ "1" for "C1" (shifts are numbered from the first of the day)."""
        return self.id[1:] if self.id.startswith("C") else self.id

    @property
    def label(self) -> str:
        """ "Ca 1 (06:00–14:00)"."""
        return f"Ca {self.number} ({self.start}–{self.end})"

    def span(self, day: date) -> tuple[datetime, datetime]:
        begin = datetime.combine(day, self.start_time)
        return begin, begin + timedelta(minutes=self.minutes)

    def to_json(self) -> dict:
        hours = int(self.hours) if float(self.hours).is_integer() else self.hours
        return {"id": self.id, "start": self.start, "hours": hours, "night": self.night}


def is_night(start_minute: int, minutes: int) -> bool:
    """A shift is a night shift when at least 4 hours of it fall between 22:00 and 06:00."""
    covered = 0
    for offset in (-1440, 0, 1440):
        lo = max(start_minute, NIGHT_START + offset)
        hi = min(start_minute + minutes, NIGHT_END + offset)
        covered += max(0, hi - lo)
    return covered >= 4 * 60


def _clock(text: str, what: str = "giờ bắt đầu") -> int:
    match = re.fullmatch(r"\s*(\d{1,2})(?::|h|g)?(\d{2})?\s*", text or "")
    if not match:
        raise UserError(f'{what.capitalize()} "{text}" không đúng dạng gg:pp (ví dụ 06:00).')
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    if hour > 23 or minute > 59:
        raise UserError(f'{what.capitalize()} "{text}" không có thật.')
    return hour * 60 + minute


def make_shifts(pattern: str, first_start: str = "06:00") -> list[ShiftDef]:
    """The shifts of a standard pattern ("3x8", "2x12", "4x6") starting at ``first_start``."""
    if pattern not in PATTERNS:
        raise UserError(
            f'Không có kiểu ca "{pattern}". Có: {", ".join(PATTERNS)} hoặc custom (tự đặt).'
        )
    count, hours = PATTERNS[pattern]
    first = _clock(first_start)
    out = []
    for i in range(count):
        start = (first + round(i * hours * 60)) % 1440
        out.append(
            ShiftDef(
                id=f"C{i + 1}",
                start=f"{start // 60:02d}:{start % 60:02d}",
                hours=hours,
                night=is_night(start, round(hours * 60)),
            )
        )
    return out


def custom_shifts(specs: list[tuple[str, float]] | list[str]) -> list[ShiftDef]:
    """Shifts typed by hand: ``[("06:00", 8), ...]`` or ``["06:00+8", "22:00+8"]``."""
    parsed: list[tuple[int, float]] = []
    for spec in specs:
        if isinstance(spec, str):
            if "+" not in spec:
                raise UserError(f'Ca "{spec}" phải có dạng gg:pp+số giờ, ví dụ 06:00+8.')
            start_text, hours_text = spec.split("+", 1)
            try:
                hours = float(hours_text.replace(",", "."))
            except ValueError:
                raise UserError(f'Số giờ của ca "{spec}" không phải là số.') from None
        else:
            start_text, hours = spec
        if not 0 < hours <= 24:
            raise UserError(f"Ca dài {hours:g} giờ: phải từ hơn 0 đến 24 giờ.")
        parsed.append((_clock(start_text), float(hours)))
    if not parsed:
        raise UserError("Chưa có ca nào trong ngày.")
    parsed.sort()
    starts = [s for s, _ in parsed]
    if len(set(starts)) != len(starts):
        raise UserError("Hai ca trong ngày bắt đầu cùng giờ.")
    return [
        ShiftDef(
            id=f"C{i + 1}",
            start=f"{s // 60:02d}:{s % 60:02d}",
            hours=h,
            night=is_night(s, round(h * 60)),
        )
        for i, (s, h) in enumerate(parsed)
    ]


# --- roles -----------------------------------------------------------------------------------


def parse_role(text: str) -> str:
    """A role id from an id ("police") or its Vietnamese name ("công an", "Cong an")."""
    key = fold(text).strip()
    if not key:
        raise UserError("Vai trò đang để trống.")
    for role, label in ROLE_LABELS.items():
        if key in (role, fold(label)):
            return role
    if re.fullmatch(r"[a-z][a-z0-9_-]{0,39}", key):
        return key  # a role of the commune's own (e.g. "driver"), kept as typed
    raise UserError(
        f'Không rõ vai trò "{text}". Có: ' + ", ".join(f"{k} ({v})" for k, v in ROLE_LABELS.items())
    )


def roles_text(roles: tuple[str, ...] | list[str]) -> str:
    return ", ".join(role_label(r) for r in roles)


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

    @property
    def roles_text(self) -> str:
        return roles_text(self.roles)


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


def _site_info(row: Site) -> SiteInfo:
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
    )


def _roles_by_staff(s: Session, ids: list[int] | None = None) -> dict[int, tuple[str, ...]]:
    query = select(StaffRole.staff_id, StaffRole.role).order_by(StaffRole.id)
    if ids is not None:
        query = query.where(StaffRole.staff_id.in_(ids))
    out: dict[int, list[str]] = defaultdict(list)
    for staff_id, role in s.execute(query):
        out[staff_id].append(role)
    return {k: tuple(v) for k, v in out.items()}


def _staff_info(row: Staff, roles: tuple[str, ...]) -> StaffInfo:
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
    )


def _absence(row: Unavailability) -> Absence:
    return Absence(row.id, row.staff_id, row.reason, row.starts, row.ends, row.note)


def list_sites(db: Database, *, active_on: date | None = None) -> list[SiteInfo]:
    """Sites in the order they were added (optionally only those active on a day)."""
    with db.session() as s:
        rows = s.scalars(select(Site).order_by(Site.id)).all()
        sites = [_site_info(r) for r in rows]
    if active_on is not None:
        sites = [x for x in sites if x.active_on(active_on)]
    return sites


def get_site(db: Database, site_id: int) -> SiteInfo:
    with db.session() as s:
        row = s.get(Site, site_id)
        if row is None:
            raise UserError("Không tìm thấy điểm trực này (có thể đã bị xóa).")
        return _site_info(row)


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
        roles = _roles_by_staff(s)
        people = [_staff_info(r, roles.get(r.id, ())) for r in rows]
    return sorted(people, key=lambda p: (name_sort_key(p.name), p.unit, p.id))


def get_staff(db: Database, staff_id: int) -> StaffInfo:
    with db.session() as s:
        row = s.get(Staff, staff_id)
        if row is None:
            raise UserError("Không tìm thấy người này (có thể đã bị xóa).")
        return _staff_info(row, _roles_by_staff(s, [staff_id]).get(staff_id, ()))


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
        return [_absence(r) for r in s.scalars(query)]


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
        sites = {r.id: _site_info(r) for r in s.scalars(select(Site).order_by(Site.id))}
        roles = _roles_by_staff(s)
        staff = {r.id: _staff_info(r, roles.get(r.id, ())) for r in s.scalars(select(Staff))}
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
            absences[r.staff_id].append(_absence(r))
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


# --- writing: sites --------------------------------------------------------------------------


def _check_site_fields(
    name: str,
    kind: str,
    active_from: date,
    active_to: date | None,
    staff_per_shift: int,
    require: dict[str, int],
) -> None:
    if not name:
        raise UserError("Chưa nhập tên điểm trực.")
    if kind not in SITE_KINDS:
        raise UserError(
            f'Không có loại điểm "{kind}". Có: '
            + ", ".join(f"{k} ({v})" for k, v in SITE_KINDS.items())
        )
    if active_to is not None and active_to < active_from:
        raise UserError("Ngày kết thúc hoạt động của điểm trực phải sau ngày bắt đầu.")
    if not 1 <= staff_per_shift <= MAX_PER_SHIFT:
        raise UserError(f"Số người mỗi ca phải từ 1 đến {MAX_PER_SHIFT}.")
    for role, count in require.items():
        if count < 0:
            raise UserError("Số người cần theo vai trò không được âm.")
        if count > staff_per_shift:
            raise UserError(
                f"Mỗi ca cần {count} {role_label(role)} nhưng mỗi ca chỉ có {staff_per_shift} người."
            )
    if sum(require.values()) > staff_per_shift:
        needed = ", ".join(f"{n} {role_label(r)}" for r, n in require.items() if n)
        raise UserError(
            f"Mỗi ca cần {needed} nhưng chỉ có {staff_per_shift} người: "
            "tăng số người mỗi ca hoặc giảm yêu cầu."
        )


def add_site(
    db: Database,
    name: str,
    *,
    kind: str = "checkpoint",
    place: str = "",
    active_from: date,
    active_to: date | None = None,
    pattern: str = "3x8",
    first_start: str = "06:00",
    shifts: list[ShiftDef] | None = None,
    staff_per_shift: int = 3,
    require: dict[str, int] | None = None,
    notes: str = "",
) -> SiteInfo:
    """Add a site; ``pattern`` "custom" needs ``shifts`` (see :func:`custom_shifts`)."""
    name = nfc(" ".join(name.split()))
    require = {parse_role(k): int(v) for k, v in (require or {}).items() if int(v)}
    _check_site_fields(name, kind, active_from, active_to, staff_per_shift, require)
    if pattern == "custom":
        if not shifts:
            raise UserError("Kiểu ca tự đặt cần danh sách ca (ví dụ 06:00+8, 14:00+8).")
        chosen = shifts
    else:
        chosen = make_shifts(pattern, first_start)
    with db.transaction() as s:
        clash = s.scalar(select(Site.id).where(func.vn_fold(Site.name) == fold(name)))
        if clash is not None:
            raise UserError(f'Đã có điểm trực tên "{name}".')
        row = Site(
            name=name,
            kind=kind,
            place=nfc(place.strip()),
            active_from=active_from,
            active_to=active_to,
            pattern=pattern,
            shifts=[x.to_json() for x in chosen],
            staff_per_shift=staff_per_shift,
            require=require,
            notes=nfc(notes.strip()),
        )
        s.add(row)
        s.flush()
        return _site_info(row)


def update_site(db: Database, site_id: int, **changes) -> SiteInfo:
    """Change a site's fields (name, kind, place, active_from, active_to, staff_per_shift,
    require, notes; ``pattern`` with ``first_start`` or ``shifts``).

    A new shift pattern is refused while assignments on the old shifts exist from today on.
    """
    allowed = {
        "name",
        "kind",
        "place",
        "active_from",
        "active_to",
        "staff_per_shift",
        "require",
        "notes",
        "pattern",
        "first_start",
        "shifts",
    }
    unknown = set(changes) - allowed
    if unknown:
        raise ValueError(f"unknown site fields: {sorted(unknown)}")
    with db.transaction() as s:
        row = s.get(Site, site_id)
        if row is None:
            raise UserError("Không tìm thấy điểm trực này (có thể đã bị xóa).")
        current = _site_info(row)
        name = nfc(" ".join(changes.get("name", current.name).split()))
        require = {
            parse_role(k): int(v)
            for k, v in changes.get("require", current.require).items()
            if int(v)
        }
        kind = changes.get("kind", current.kind)
        active_from = changes.get("active_from", current.active_from)
        active_to = changes.get("active_to", current.active_to)
        per_shift = int(changes.get("staff_per_shift", current.staff_per_shift))
        _check_site_fields(name, kind, active_from, active_to, per_shift, require)
        if fold(name) != fold(current.name):
            clash = s.scalar(
                select(Site.id).where(func.vn_fold(Site.name) == fold(name), Site.id != site_id)
            )
            if clash is not None:
                raise UserError(f'Đã có điểm trực tên "{name}".')
        if "pattern" in changes or "shifts" in changes or "first_start" in changes:
            pattern = changes.get("pattern", current.pattern)
            if pattern == "custom":
                new_shifts = changes.get("shifts") or list(current.shifts)
            else:
                new_shifts = make_shifts(
                    pattern, changes.get("first_start", current.shifts[0].start)
                )
            old = [x.to_json() for x in current.shifts]
            new = [x.to_json() for x in new_shifts]
            if old != new:
                used = s.scalar(
                    select(func.count())
                    .select_from(Assignment)
                    .where(Assignment.site_id == site_id, Assignment.day >= date.today())
                )
                if used:
                    raise UserError(
                        f"Điểm {current.name} đã có {used} lượt phân công từ hôm nay trở đi "
                        "theo ca cũ: hãy xóa lịch từ hôm nay của điểm này trước khi đổi ca."
                    )
                row.pattern = pattern
                row.shifts = new
        row.name = name
        row.kind = kind
        row.place = nfc(changes.get("place", current.place).strip())
        row.active_from = active_from
        row.active_to = active_to
        row.staff_per_shift = per_shift
        row.require = require
        row.notes = nfc(changes.get("notes", current.notes).strip())
        s.flush()
        return _site_info(row)


def delete_site(db: Database, site_id: int) -> None:
    """Delete a site with no roster history; one that has any is refused (end it instead)."""
    with db.transaction() as s:
        row = s.get(Site, site_id)
        if row is None:
            raise UserError("Không tìm thấy điểm trực này (có thể đã bị xóa).")
        used = s.scalar(
            select(func.count()).select_from(Assignment).where(Assignment.site_id == site_id)
        )
        if used:
            raise UserError(
                f"Điểm {row.name} đã có {used} lượt phân công: không xóa được. "
                "Hãy đặt ngày kết thúc hoạt động cho điểm này."
            )
        s.delete(row)


# --- writing: staff --------------------------------------------------------------------------


def _check_staff_fields(name: str, phone: str, max_week: int | None) -> None:
    if not name:
        raise UserError("Chưa nhập họ tên.")
    if phone and not re.fullmatch(r"[0-9 +().-]{6,20}", phone):
        raise UserError("Số điện thoại chỉ gồm chữ số (có thể có dấu cách, +, -, .).")
    if max_week is not None and not 0 <= max_week <= 21:
        raise UserError("Số ca tối đa mỗi tuần của một người phải từ 0 đến 21.")


def add_staff(
    db: Database,
    name: str,
    *,
    unit: str = "",
    roles: list[str] | tuple[str, ...] = (),
    phone: str = "",
    max_shifts_per_week: int | None = None,
    no_nights: bool = False,
    notes: str = "",
) -> StaffInfo:
    """Add a person who can be put on duty. The same name in the same unit is refused."""
    name = nfc(" ".join(name.split()))
    unit = nfc(" ".join(unit.split()))
    phone = phone.strip()
    role_ids = list(dict.fromkeys(parse_role(r) for r in roles))
    _check_staff_fields(name, phone, max_shifts_per_week)
    with db.transaction() as s:
        clash = s.scalar(
            select(Staff.id).where(
                func.vn_fold(Staff.name) == fold(name), func.vn_fold(Staff.unit) == fold(unit)
            )
        )
        if clash is not None:
            raise UserError(f'Đã có "{name}" ({unit or "không ghi đơn vị"}) trong danh sách.')
        row = Staff(
            name=name,
            unit=unit,
            phone=phone,
            max_shifts_per_week=max_shifts_per_week,
            no_nights=no_nights,
            active=True,
            notes=nfc(notes.strip()),
        )
        s.add(row)
        s.flush()
        for role in role_ids:
            s.add(StaffRole(staff_id=row.id, role=role))
        return _staff_info(row, tuple(role_ids))


def update_staff(db: Database, staff_id: int, **changes) -> StaffInfo:
    """Change a person's fields (name, unit, roles, phone, max_shifts_per_week, no_nights,
    active, notes)."""
    allowed = {"name", "unit", "roles", "phone", "max_shifts_per_week", "no_nights", "active"}
    allowed.add("notes")
    unknown = set(changes) - allowed
    if unknown:
        raise ValueError(f"unknown staff fields: {sorted(unknown)}")
    with db.transaction() as s:
        row = s.get(Staff, staff_id)
        if row is None:
            raise UserError("Không tìm thấy người này (có thể đã bị xóa).")
        name = nfc(" ".join(changes.get("name", row.name).split()))
        unit = nfc(" ".join(changes.get("unit", row.unit).split()))
        phone = changes.get("phone", row.phone).strip()
        max_week = changes.get("max_shifts_per_week", row.max_shifts_per_week)
        _check_staff_fields(name, phone, max_week)
        if (fold(name), fold(unit)) != (fold(row.name), fold(row.unit)):
            clash = s.scalar(
                select(Staff.id).where(
                    func.vn_fold(Staff.name) == fold(name),
                    func.vn_fold(Staff.unit) == fold(unit),
                    Staff.id != staff_id,
                )
            )
            if clash is not None:
                raise UserError(f'Đã có "{name}" ({unit or "không ghi đơn vị"}) trong danh sách.')
        row.name, row.unit, row.phone = name, unit, phone
        row.max_shifts_per_week = max_week
        row.no_nights = bool(changes.get("no_nights", row.no_nights))
        row.active = bool(changes.get("active", row.active))
        row.notes = nfc(changes.get("notes", row.notes).strip())
        if "roles" in changes:
            wanted = list(dict.fromkeys(parse_role(r) for r in changes["roles"]))
            have = {
                r.role: r
                for r in s.scalars(select(StaffRole).where(StaffRole.staff_id == staff_id))
            }
            for role, item in have.items():
                if role not in wanted:
                    s.delete(item)
            for role in wanted:
                if role not in have:
                    s.add(StaffRole(staff_id=staff_id, role=role))
        s.flush()
        roles = tuple(
            s.scalars(
                select(StaffRole.role).where(StaffRole.staff_id == staff_id).order_by(StaffRole.id)
            )
        )
        return _staff_info(row, roles)


def delete_staff(db: Database, staff_id: int) -> None:
    """Delete a person with no roster history; one with history is refused (deactivate them)."""
    with db.transaction() as s:
        row = s.get(Staff, staff_id)
        if row is None:
            raise UserError("Không tìm thấy người này (có thể đã bị xóa).")
        used = s.scalar(
            select(func.count()).select_from(Assignment).where(Assignment.staff_id == staff_id)
        )
        replaced = s.scalar(
            select(func.count())
            .select_from(Attendance)
            .where(Attendance.replaced_by_id == staff_id)
        )
        if used or replaced:
            raise UserError(
                f"{row.name} đã có trong lịch trực: không xóa được, hãy đánh dấu thôi trực."
            )
        s.execute(delete(StaffRole).where(StaffRole.staff_id == staff_id))
        s.execute(delete(Unavailability).where(Unavailability.staff_id == staff_id))
        s.delete(row)


# --- writing: leave and rules ----------------------------------------------------------------


def add_absence(
    db: Database,
    staff_id: int,
    reason: str,
    starts: datetime | date,
    ends: datetime | date | None = None,
    note: str = "",
) -> Absence:
    """Record that a person cannot work from ``starts`` (a date: its 00:00) until ``ends``
    (a date: to the end of that day; None: until further notice)."""
    if reason not in UNAVAILABLE_REASONS:
        raise UserError(
            f'Không rõ lý do "{reason}". Có: '
            + ", ".join(f"{k} ({v})" for k, v in UNAVAILABLE_REASONS.items())
        )
    begin = starts if isinstance(starts, datetime) else datetime.combine(starts, time(0))
    if ends is None:
        finish = None
    elif isinstance(ends, datetime):
        finish = ends
    else:
        finish = datetime.combine(ends + timedelta(days=1), time(0))
    if finish is not None and finish <= begin:
        raise UserError("Ngày hết nghỉ phải sau ngày bắt đầu nghỉ.")
    with db.transaction() as s:
        if s.get(Staff, staff_id) is None:
            raise UserError("Không tìm thấy người này (có thể đã bị xóa).")
        row = Unavailability(
            staff_id=staff_id, reason=reason, starts=begin, ends=finish, note=nfc(note.strip())
        )
        s.add(row)
        s.flush()
        return _absence(row)


def remove_absence(db: Database, absence_id: int) -> Absence:
    with db.transaction() as s:
        row = s.get(Unavailability, absence_id)
        if row is None:
            raise UserError("Không tìm thấy lần nghỉ này (có thể đã bị xóa).")
        gone = _absence(row)
        s.delete(row)
        return gone


def set_rules(
    db: Database,
    *,
    min_rest_hours: float | None = None,
    max_shifts_per_week: int | None = None,
    max_consecutive_nights: int | None = None,
) -> Rules:
    current = get_rules(db)
    rest = current.min_rest_hours if min_rest_hours is None else float(min_rest_hours)
    week = current.max_shifts_per_week if max_shifts_per_week is None else max_shifts_per_week
    nights = (
        current.max_consecutive_nights if max_consecutive_nights is None else max_consecutive_nights
    )
    if not 0 <= rest <= 72:
        raise UserError("Thời gian nghỉ tối thiểu giữa hai ca phải từ 0 đến 72 giờ.")
    if not 1 <= week <= 21:
        raise UserError("Số ca tối đa mỗi tuần phải từ 1 đến 21.")
    if not 0 <= nights <= 7:
        raise UserError("Số đêm trực liền tối đa phải từ 0 đến 7.")
    with db.transaction() as s:
        row = s.get(RosterRules, 1)
        if row is None:
            row = RosterRules(id=1)
            s.add(row)
        row.min_rest_hours, row.max_shifts_per_week, row.max_consecutive_nights = rest, week, nights
    return Rules(rest, week, nights)


def count_staff(db: Database) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(Staff).where(Staff.active.is_(True))) or 0
