"""The roster instance file (``ROSTER_FORMAT.md``): load and validate it into dataclasses.

Every problem with a file becomes a :class:`~fieldapp.errors.UserError` with a one-line
Vietnamese message naming the place in the file, because these files are written by hand,
exported from other communes' copies of the app and passed around on USB sticks.
Unknown keys are refused: a misspelt ``"unavailable"`` would otherwise silently put someone
on leave on duty.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from fieldapp import json_input
from fieldapp.errors import UserError

# Vietnamese names of the usual role ids, for messages; an unknown role shows its id.
ROLE_LABELS: dict[str, str] = {
    "police": "công an",
    "militia": "dân quân",
    "military": "quân sự",
    "health": "y tế",
    "youth": "đoàn viên thanh niên",
    "official": "cán bộ",
    "women": "hội phụ nữ",
    "veterans": "cựu chiến binh",
    "volunteer": "tình nguyện viên",
    "community": "tổ Covid cộng đồng",
}


def day_runs(days: Iterable[date]) -> list[list[date]]:
    """The days in order, in runs of consecutive days: [[1, 2, 3], [5], [7, 8]]."""
    runs: list[list[date]] = []
    for day in sorted(set(days)):
        if runs and day - runs[-1][-1] == timedelta(days=1):
            runs[-1].append(day)
        else:
            runs.append([day])
    return runs


def role_label(role: str | None) -> str:
    """The Vietnamese name of a role id (the id itself when unknown; "người" for no role)."""
    if role is None:
        return "người"
    return ROLE_LABELS.get(role, role)


def phone_on_paper(phone: str) -> str:
    """A phone number as typed ("0912 345 678", "+84 98.765.4321"), kept on one line: its
    spaces made non-breaking, never dropped (dropping them printed "+8498.765.4321")."""
    return "\u00a0".join(phone.split())


@dataclass(frozen=True, slots=True)
class ShiftKind:
    """One kind of shift, e.g. 22:00 for 8 hours; it may run past midnight."""

    id: str
    start: time
    hours: float
    night: bool

    @property
    def start_minute(self) -> int:
        return self.start.hour * 60 + self.start.minute

    @property
    def minutes(self) -> int:
        return round(self.hours * 60)


@dataclass(frozen=True, slots=True)
class Site:
    """A checkpoint or quarantine point with its shifts and who must be on each."""

    id: str
    name: str
    shifts: tuple[str, ...]
    staff_per_shift: int
    require: tuple[tuple[str, int], ...]  # (role, at least n), in file order


@dataclass(frozen=True, slots=True)
class Leave:
    """A time a person cannot work: ``start`` inclusive, ``end`` exclusive."""

    start: datetime
    end: datetime


# Soft wishes: the kinds of shift a person may ask for or avoid.
WISH_KINDS = ("days", "nights", "weekends")
WISH_VALUES = ("ask", "avoid")


def against_wishes(wishes: tuple[tuple[str, str], ...], night: bool, weekend: bool) -> bool:
    """Does a shift (night or not, on a weekend or not) go against any of these wishes?

    An avoided kind is against; when someone asks for some kinds, a shift of none of them is.
    """
    kinds = {"days": not night, "nights": night, "weekends": weekend}
    asked = [kinds[k] for k, v in wishes if v == "ask"]
    if any(kinds[k] for k, v in wishes if v == "avoid"):
        return True
    return bool(asked) and not any(asked)


@dataclass(frozen=True, slots=True)
class Staff:
    id: str
    name: str
    roles: tuple[str, ...]
    unavailable: tuple[Leave, ...]
    # (kind, "ask" | "avoid") pairs, kinds from WISH_KINDS; honoured after rules and fairness
    wishes: tuple[tuple[str, str], ...] = ()
    # Nights in a row worked up to the day before the first day, and from the day after the
    # last: a run of nights that crosses the edge of the roster counts whole.
    nights_before: int = 0
    nights_after: int = 0


@dataclass(frozen=True, slots=True)
class Rules:
    min_rest_hours: float
    max_shifts_per_week: int
    max_consecutive_nights: int


@dataclass(frozen=True, slots=True, order=True)
class Assignment:
    """One person on one shift at one site on one day (also the form of a locked cell)."""

    date: date
    shift: str
    site: str
    staff: str

    def to_json(self) -> dict[str, str]:
        return {
            "site": self.site,
            "date": self.date.isoformat(),
            "shift": self.shift,
            "staff": self.staff,
        }


@dataclass(frozen=True, slots=True)
class Instance:
    name: str
    start: date
    days: int
    shifts: tuple[ShiftKind, ...]
    sites: tuple[Site, ...]
    staff: tuple[Staff, ...]
    rules: Rules
    locked: tuple[Assignment, ...]

    @property
    def dates(self) -> list[date]:
        return [self.start + timedelta(days=i) for i in range(self.days)]

    def shift_kind(self, shift_id: str) -> ShiftKind:
        for kind in self.shifts:
            if kind.id == shift_id:
                return kind
        raise KeyError(shift_id)

    def shift_times(self, day: date, shift_id: str) -> tuple[datetime, datetime]:
        """When the shift of this kind on this day starts and ends."""
        kind = self.shift_kind(shift_id)
        begin = datetime.combine(day, kind.start)
        return begin, begin + timedelta(minutes=kind.minutes)


# --- reading -------------------------------------------------------------------------------


def load_instance(path: str | Path) -> Instance:
    """Read and validate an instance file; raise :class:`UserError` if it is not usable."""
    return parse_instance(read_json(path, "tệp lịch trực"))


def read_json(path: str | Path, what: str) -> Any:
    """The parsed JSON of a file, or a UserError saying plainly what is wrong with it."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise UserError(f"Không tìm thấy {what}: {path}") from None
    except UnicodeDecodeError:
        raise UserError(f"{what.capitalize()} {path.name} không phải văn bản UTF-8.") from None
    except OSError as err:
        raise UserError(f"Không đọc được {what} {path}: {err.strerror}") from None
    try:
        return json_input.loads(text)
    except json.JSONDecodeError as err:
        raise UserError(
            f"{what.capitalize()} {path.name} không phải JSON hợp lệ "
            f"(dòng {err.lineno}, cột {err.colno}: {err.msg})."
        ) from None
    except ValueError:  # nested too deeply, NaN or a number too large for any use
        raise UserError(
            f"{what.capitalize()} {path.name} không phải JSON hợp lệ (lồng nhau quá sâu, hoặc "
            "có giá trị không phải số như NaN, Infinity)."
        ) from None


class _Reader:
    """Typed access to one JSON object, with messages that say where in the file it is."""

    def __init__(self, data: Any, where: str, allowed: set[str]) -> None:
        if not isinstance(data, dict):
            raise UserError(f"{where} phải là một đối tượng JSON {{...}}.")
        unknown = sorted(set(data) - allowed)
        if unknown:
            raise UserError(f'Mục lạ "{unknown[0]}" trong {where} (gõ sai tên?).')
        self.data = data
        self.where = where

    def get(self, key: str, kind: type | tuple[type, ...], kind_name: str, default: Any = ...):
        if key not in self.data:
            if default is not ...:
                return default
            raise UserError(f'Thiếu mục "{key}" trong {self.where}.')
        value = self.data[key]
        # bool is an int in Python; a true/false where a number belongs is a mistake.
        if not isinstance(value, kind) or (isinstance(value, bool) and bool not in _as_tuple(kind)):
            raise UserError(f'Mục "{key}" trong {self.where} phải là {kind_name}.')
        return value

    def text(self, key: str, default: Any = ...) -> str:
        value = self.get(key, str, "một chuỗi", default)
        if isinstance(value, str) and key == "id" and not value.strip():
            raise UserError(f'Mục "id" trong {self.where} đang để trống.')
        return value

    def integer(self, key: str, low: int, high: int, default: Any = ...) -> int:
        value = self.get(key, int, "một số nguyên", default)
        if not low <= value <= high:
            raise UserError(
                f'Mục "{key}" trong {self.where} phải từ {low} đến {high} (đang là {value}).'
            )
        return value

    def number(self, key: str, low: float, high: float, low_open: bool = False) -> float:
        value = self.get(key, (int, float), "một số")
        if value < low or value > high or (low_open and value == low):
            bound = f"lớn hơn {low:g}" if low_open else f"từ {low:g}"
            raise UserError(
                f'Mục "{key}" trong {self.where} phải {bound} đến {high:g} (đang là {value:g}).'
            )
        return float(value)

    def day(self, key: str) -> date:
        value = self.text(key)
        try:
            day = date.fromisoformat(value)
        except ValueError:
            raise UserError(
                f'Ngày "{value}" ở mục "{key}" trong {self.where} không đúng dạng NNNN-TT-NN.'
            ) from None
        if not 1900 <= day.year <= 2100:
            raise UserError(f'Ngày "{value}" ở mục "{key}" trong {self.where} không hợp lý.')
        return day

    def moment(self, key: str) -> datetime:
        value = self.text(key)
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            raise UserError(
                f'Thời điểm "{value}" ở mục "{key}" trong {self.where} không đúng dạng '
                "NNNN-TT-NNTgg:pp."
            ) from None
        if moment.tzinfo is not None:
            raise UserError(f'Thời điểm "{value}" trong {self.where} không được ghi múi giờ.')
        return moment

    def clock(self, key: str) -> time:
        value = self.text(key)
        try:
            hour, minute = value.split(":")
            if len(hour) != 2 or len(minute) != 2:
                raise ValueError(value)
            return time(int(hour), int(minute))
        except ValueError:
            raise UserError(
                f'Giờ "{value}" ở mục "{key}" trong {self.where} không đúng dạng gg:pp.'
            ) from None

    def items(self, key: str, default: Any = ...) -> list:
        return self.get(key, list, "một danh sách [...]", default)


def _as_tuple(kind: type | tuple[type, ...]) -> tuple[type, ...]:
    return kind if isinstance(kind, tuple) else (kind,)


def _unique(ids: list[str], what: str) -> None:
    seen: set[str] = set()
    for item in ids:
        if item in seen:
            raise UserError(f'Mã {what} "{item}" bị trùng.')
        seen.add(item)


def parse_instance(data: Any) -> Instance:
    """Validate parsed JSON against the instance format and build an :class:`Instance`."""
    top = _Reader(
        data,
        "tệp lịch trực",
        {"name", "start", "days", "shifts", "sites", "staff", "rules", "locked"},
    )
    name = top.text("name", "")
    start = top.day("start")
    days = top.integer("days", 1, 366)

    shifts: list[ShiftKind] = []
    for i, raw in enumerate(top.items("shifts"), 1):
        r = _Reader(raw, f"ca số {i} (shifts)", {"id", "start", "hours", "night"})
        shifts.append(
            ShiftKind(
                id=r.text("id"),
                start=r.clock("start"),
                hours=r.number("hours", 0, 24, low_open=True),
                night=r.get("night", bool, "true hoặc false", False),
            )
        )
    if not shifts:
        raise UserError("Tệp lịch trực chưa có ca trực nào (shifts).")
    _unique([s.id for s in shifts], "ca")
    shift_ids = {s.id for s in shifts}

    sites: list[Site] = []
    for i, raw in enumerate(top.items("sites"), 1):
        label = f"điểm trực số {i} (sites)"
        r = _Reader(raw, label, {"id", "name", "shifts", "staff_per_shift", "require"})
        site_id = r.text("id")
        label = f'điểm trực "{site_id}"'
        r.where = label
        site_shifts = r.items("shifts")
        for sid in site_shifts:
            if not isinstance(sid, str) or sid not in shift_ids:
                raise UserError(f'Ca "{sid}" của {label} không có trong danh sách ca.')
        _unique(site_shifts, f"ca của {label}:")
        per_shift = r.integer("staff_per_shift", 1, 100)
        require_raw = r.get("require", dict, "một đối tượng {vai trò: số người}", {})
        require: list[tuple[str, int]] = []
        for role, count in require_raw.items():
            if isinstance(count, bool) or not isinstance(count, int) or count < 0:
                raise UserError(f'Số người "{role}" cần ở {label} phải là số nguyên không âm.')
            if count > per_shift:
                raise UserError(
                    f"{label.capitalize()} cần {count} {role_label(role)} mỗi ca "
                    f"nhưng mỗi ca chỉ có {per_shift} người."
                )
            if count:
                require.append((role, count))
        sites.append(
            Site(
                id=site_id,
                name=r.text("name", site_id),
                shifts=tuple(site_shifts),
                staff_per_shift=per_shift,
                require=tuple(require),
            )
        )
    if not sites:
        raise UserError("Tệp lịch trực chưa có điểm trực nào (sites).")
    _unique([s.id for s in sites], "điểm trực")

    staff: list[Staff] = []
    for i, raw in enumerate(top.items("staff"), 1):
        r = _Reader(
            raw,
            f"người số {i} (staff)",
            {"id", "name", "roles", "unavailable", "wishes", "nights_before", "nights_after"},
        )
        person_id = r.text("id")
        r.where = f'người "{person_id}"'
        roles = r.items("roles", [])
        for role in roles:
            if not isinstance(role, str) or not role:
                raise UserError(f"Vai trò của {r.where} phải là chuỗi.")
        leaves: list[Leave] = []
        for j, raw_leave in enumerate(r.items("unavailable", []), 1):
            lr = _Reader(raw_leave, f"lần nghỉ số {j} của {r.where}", {"from", "to"})
            leave = Leave(lr.moment("from"), lr.moment("to"))
            if leave.end <= leave.start:
                raise UserError(f'Lần nghỉ số {j} của {r.where}: "to" phải sau "from".')
            leaves.append(leave)
        wishes = r.get("wishes", dict, "một đối tượng {...}", {})
        for kind, value in wishes.items():
            if kind not in WISH_KINDS or value not in WISH_VALUES:
                raise UserError(
                    f"Mong muốn của {r.where} không hợp lệ: {kind!r}: {value!r} "
                    f"(loại: {', '.join(WISH_KINDS)}; giá trị: ask hoặc avoid)."
                )
        staff.append(
            Staff(
                id=person_id,
                name=r.text("name", person_id),
                roles=tuple(dict.fromkeys(roles)),
                unavailable=tuple(leaves),
                wishes=tuple(sorted(wishes.items())),
                nights_before=r.integer("nights_before", 0, 366, 0),
                nights_after=r.integer("nights_after", 0, 366, 0),
            )
        )
    _unique([p.id for p in staff], "người")

    rr = _Reader(
        top.get("rules", dict, "một đối tượng {...}"),
        "mục quy định (rules)",
        {"min_rest_hours", "max_shifts_per_week", "max_consecutive_nights"},
    )
    rules = Rules(
        min_rest_hours=rr.number("min_rest_hours", 0, 24 * 14),
        max_shifts_per_week=rr.integer("max_shifts_per_week", 0, 7 * 24),
        max_consecutive_nights=rr.integer("max_consecutive_nights", 0, 366),
    )

    site_by_id = {s.id: s for s in sites}
    staff_ids = {p.id for p in staff}
    last = start + timedelta(days=days - 1)
    locked: list[Assignment] = []
    for i, raw in enumerate(top.items("locked", []), 1):
        where = f"ô cố định số {i} (locked)"
        r = _Reader(raw, where, {"site", "date", "shift", "staff"})
        lock = Assignment(
            date=r.day("date"), shift=r.text("shift"), site=r.text("site"), staff=r.text("staff")
        )
        if lock.site not in site_by_id:
            raise UserError(f'{where.capitalize()}: không có điểm trực "{lock.site}".')
        if lock.shift not in site_by_id[lock.site].shifts:
            raise UserError(f'{where.capitalize()}: điểm "{lock.site}" không có ca "{lock.shift}".')
        if lock.staff not in staff_ids:
            raise UserError(f'{where.capitalize()}: không có người "{lock.staff}".')
        if not start <= lock.date <= last:
            raise UserError(f"{where.capitalize()}: ngày {lock.date} nằm ngoài thời gian lịch.")
        if lock in locked:
            raise UserError(f"{where.capitalize()} bị ghi trùng.")
        locked.append(lock)

    return Instance(
        name=name,
        start=start,
        days=days,
        shifts=tuple(shifts),
        sites=tuple(sites),
        staff=tuple(staff),
        rules=rules,
        locked=tuple(locked),
    )


# --- writing (used by tests and the bench to make instances) --------------------------------


def instance_to_json(instance: Instance) -> dict[str, Any]:
    """The instance as JSON data in the file format (the inverse of :func:`parse_instance`)."""

    def leave(item: Leave) -> dict[str, str]:
        return {
            "from": item.start.isoformat(timespec="minutes"),
            "to": item.end.isoformat(timespec="minutes"),
        }

    return {
        "name": instance.name,
        "start": instance.start.isoformat(),
        "days": instance.days,
        "shifts": [
            {
                "id": s.id,
                "start": s.start.strftime("%H:%M"),
                "hours": int(s.hours) if float(s.hours).is_integer() else s.hours,
                "night": s.night,
            }
            for s in instance.shifts
        ],
        "sites": [
            {
                "id": s.id,
                "name": s.name,
                "shifts": list(s.shifts),
                "staff_per_shift": s.staff_per_shift,
                "require": dict(s.require),
            }
            for s in instance.sites
        ],
        "staff": [
            {"id": p.id, "name": p.name, "roles": list(p.roles)}
            | ({"unavailable": [leave(u) for u in p.unavailable]} if p.unavailable else {})
            | ({"wishes": dict(p.wishes)} if p.wishes else {})
            | ({"nights_before": p.nights_before} if p.nights_before else {})
            | ({"nights_after": p.nights_after} if p.nights_after else {})
            for p in instance.staff
        ],
        "rules": {
            "min_rest_hours": _plain_number(instance.rules.min_rest_hours),
            "max_shifts_per_week": instance.rules.max_shifts_per_week,
            "max_consecutive_nights": instance.rules.max_consecutive_nights,
        },
        "locked": [lock.to_json() for lock in instance.locked],
    }


def _plain_number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value
