"""Writes to the roster register: sites, staff, leave, rules.

Every write is a service function taking ``db`` first and running in one transaction; it
checks its input first and raises a :class:`~fieldapp.errors.UserError` that changes nothing.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

from sqlalchemy import delete, func, select

from fieldapp.db.database import Database
from fieldapp.errors import UserError
from fieldapp.rostering.instance import Rules, role_label
from fieldapp.rostering.models import (
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
from fieldapp.rostering.shifts import MAX_PER_SHIFT, ShiftDef, make_shifts, parse_role
from fieldapp.rostering.snapshot import (
    Absence,
    SiteInfo,
    StaffInfo,
    absence_of,
    get_rules,
    site_info_of,
    staff_info_of,
)
from fieldapp.text.vietnamese import fold, nfc

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
    hotline: str = "",
) -> SiteInfo:
    """Add a site; ``pattern`` "custom" needs ``shifts`` (see :func:`custom_shifts`)."""
    name = nfc(" ".join(name.split()))
    require = {parse_role(k): int(v) for k, v in (require or {}).items() if int(v)}
    _check_site_fields(name, kind, active_from, active_to, staff_per_shift, require)
    hotline = _check_phone(hotline, "Số đường dây nóng")
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
            hotline=hotline,
        )
        s.add(row)
        s.flush()
        return site_info_of(row)


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
        "hotline",
    }
    unknown = set(changes) - allowed
    if unknown:
        raise ValueError(f"unknown site fields: {sorted(unknown)}")
    with db.transaction() as s:
        row = s.get(Site, site_id)
        if row is None:
            raise UserError("Không tìm thấy điểm trực này (có thể đã bị xóa).")
        current = site_info_of(row)
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
        row.hotline = _check_phone(changes.get("hotline", current.hotline), "Số đường dây nóng")
        s.flush()
        return site_info_of(row)


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


def _check_phone(phone: str, what: str = "Số điện thoại") -> str:
    phone = " ".join(str(phone or "").split())
    if phone and not re.fullmatch(r"[0-9 +().-]{6,20}", phone):
        raise UserError(f"{what} chỉ gồm chữ số (có thể có dấu cách, +, -, .).")
    return phone


def check_wishes(wishes: dict[str, str] | None) -> dict[str, str]:
    """Soft wishes as stored: kinds of :data:`WISH_KINDS` to "ask" or "avoid" (others refused)."""
    out: dict[str, str] = {}
    for kind, value in (wishes or {}).items():
        if kind not in WISH_KINDS or value not in WISH_VALUES:
            raise UserError(
                "Mong muốn không hợp lệ: loại là "
                + ", ".join(f"{k} ({v})" for k, v in WISH_KINDS.items())
                + "; giá trị là ask (muốn trực) hoặc avoid (xin tránh)."
            )
        out[kind] = value
    if out.get("days") and out.get("days") == out.get("nights") == "avoid":
        raise UserError("Không thể xin tránh cả ca ngày lẫn ca đêm.")
    return out


def _check_staff_fields(name: str, phone: str, max_week: int | None) -> None:
    if not name:
        raise UserError("Chưa nhập họ tên.")
    _check_phone(phone)
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
    wishes: dict[str, str] | None = None,
) -> StaffInfo:
    """Add a person who can be put on duty. The same name in the same unit is refused."""
    with db.transaction() as s:
        row, role_ids = _insert_staff(
            s, name, unit, roles, phone, max_shifts_per_week, no_nights, notes, wishes
        )
        return staff_info_of(row, role_ids)


def add_staff_rows(db: Database, people: list[dict]) -> list[int]:
    """Add several people (``name``, ``unit``, ``roles``, ``phone``, ``notes`` each) in one
    transaction: all or none, each checked as by :func:`add_staff`."""
    with db.transaction() as s:
        return [
            _insert_staff(
                s,
                p["name"],
                p.get("unit", ""),
                p.get("roles", ()),
                str(p.get("phone", "")),
                None,
                False,
                str(p.get("notes", "")),
                None,
            )[0].id
            for p in people
        ]


def _insert_staff(
    s, name, unit, roles, phone, max_week, no_nights, notes, wishes
) -> tuple[Staff, tuple[str, ...]]:
    """One new person in session ``s``, checked; the same name in the same unit is refused."""
    name = nfc(" ".join(name.split()))
    unit = nfc(" ".join(unit.split()))
    phone = phone.strip()
    role_ids = tuple(dict.fromkeys(parse_role(r) for r in roles))
    _check_staff_fields(name, phone, max_week)
    wishes = check_wishes(wishes)
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
        max_shifts_per_week=max_week,
        no_nights=no_nights,
        active=True,
        notes=nfc(notes.strip()),
        wishes=wishes,
    )
    s.add(row)
    s.flush()
    for role in role_ids:
        s.add(StaffRole(staff_id=row.id, role=role))
    return row, role_ids


def delete_staff_rows(db: Database, ids: list[int]) -> None:
    """Delete several people with no roster history, in one transaction (all or none)."""
    with db.transaction() as s:
        rows = [s.get(Staff, i) for i in ids]
        rows = [r for r in rows if r is not None]
        used = s.scalars(
            select(Staff.name)
            .join(Assignment, Assignment.staff_id == Staff.id)
            .where(Staff.id.in_([r.id for r in rows]))
            .limit(3)
        ).all()
        if used:
            raise UserError(
                f"{', '.join(dict.fromkeys(used))} đã có trong lịch trực: không hoàn tác được "
                "lần nhập này, hãy đánh dấu thôi trực từng người."
            )
        for row in rows:
            s.execute(delete(StaffRole).where(StaffRole.staff_id == row.id))
            s.execute(delete(Unavailability).where(Unavailability.staff_id == row.id))
            s.delete(row)


def update_staff(db: Database, staff_id: int, **changes) -> StaffInfo:
    """Change a person's fields (name, unit, roles, phone, max_shifts_per_week, no_nights,
    active, notes)."""
    allowed = {"name", "unit", "roles", "phone", "max_shifts_per_week", "no_nights", "active"}
    allowed |= {"notes", "wishes"}
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
        if "wishes" in changes:
            row.wishes = check_wishes(changes["wishes"])
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
        return staff_info_of(row, roles)


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
        return absence_of(row)


def remove_absence(db: Database, absence_id: int) -> Absence:
    with db.transaction() as s:
        row = s.get(Unavailability, absence_id)
        if row is None:
            raise UserError("Không tìm thấy lần nghỉ này (có thể đã bị xóa).")
        gone = absence_of(row)
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
