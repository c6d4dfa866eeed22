"""Shift patterns, shift times and role names of the duty-roster register.

:class:`ShiftDef` is one shift of a site ("ca 1", 06:00 for 8 hours); the patterns (3 x 8,
2 x 12, 4 x 6 or a list typed by the user) make them. Weeks are calendar weeks from Monday:
the weekly maximum is counted per Monday-Sunday (:func:`monday_of`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from fieldapp.errors import UserError
from fieldapp.rostering.instance import ROLE_LABELS, role_label
from fieldapp.text.vietnamese import fold

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


def month_span(day: date) -> tuple[date, int]:
    """The first day of ``day``'s month and the number of days in it."""
    first = day.replace(day=1)
    following = (first + timedelta(days=32)).replace(day=1)
    return first, (following - first).days


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
    def times(self) -> str:
        """ "06:00–14:00", "22:00–06:00"; a shift ending at midnight "18:00–24:00" and one of
        a whole day "00:00–24:00" or "07:00–07:00 hôm sau" (never "00:00–00:00")."""
        if self.end == "00:00" and self.minutes <= 1440:
            return f"{self.start}–24:00"
        if self.minutes >= 1440:
            return f"{self.start}–{self.end} hôm sau"
        return f"{self.start}–{self.end}"

    @property
    def label(self) -> str:
        """ "Ca 1 (06:00–14:00)"."""
        return f"Ca {self.number} ({self.times})"

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
