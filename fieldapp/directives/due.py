"""Deadlines of directive items: read them as typed or parsed, show them, and say what is late.

A deadline is a date with an optional hour ("13/09/2021 15:00") or a recurrence with an
optional hour ("hằng ngày 16:00" for "trước 16 giờ hằng ngày", "hằng tuần thứ Sáu",
"hằng tháng ngày 25"). :func:`parse_due` accepts what the parser writes (ISO dates,
"2021-09-13T15:00", "hằng ngày 16:00") and what an official types (dd/mm/yyyy, "15 giờ",
"15h30", "trước 16 giờ hằng ngày"); anything else is a :class:`~fieldapp.errors.UserError`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from fieldapp.errors import UserError
from fieldapp.text.vietnamese import fold, format_date, nfc, parse_date

OVERDUE = "overdue"
TODAY = "today"

_WEEKDAYS = {
    "thu hai": 0,
    "thu ba": 1,
    "thu tu": 2,
    "thu nam": 3,
    "thu sau": 4,
    "thu bay": 5,
    "chu nhat": 6,
    "thu 2": 0,
    "thu 3": 1,
    "thu 4": 2,
    "thu 5": 3,
    "thu 6": 4,
    "thu 7": 5,
}
_WEEKDAY_NAMES = ("thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật")

_ISO_RE = re.compile(r"(\d{4}-\d{1,2}-\d{1,2})(?:[T ](\d{1,2}):(\d{2}))?")
_DMY_RE = re.compile(r"\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}")
# "15:00", "15h", "15h30", "15 giờ", "15 giờ 30" -- in folded text ("gio").
_TIME_RE = re.compile(r"(?<!\d)(\d{1,2})\s*(?::|h|gio)\s*(\d{2})?(?:\s*phut)?(?![\d/])")
_RECUR_RE = re.compile(r"\b(?:hang|moi)\s+(ngay|tuan|thang)\b")
_MONTHDAY_RE = re.compile(r"\bngay\s+(\d{1,2})\b")


@dataclass(frozen=True)
class Due:
    """A deadline: ``date`` (+ ``time`` "HH:MM"), or ``recurrence`` (+ ``time``), or nothing."""

    date: date | None = None
    time: str = ""
    recurrence: str = ""

    @property
    def empty(self) -> bool:
        return self.date is None and not self.recurrence

    def display(self) -> str:
        """As shown to the user: "13/09/2021 15:00", "hằng ngày 16:00", or ""."""
        return format_due(self.date, self.time, self.recurrence)

    def iso(self) -> str | None:
        """As written in JSON: "2021-09-13T15:00", "2021-09-13", "hằng ngày 16:00", or None."""
        if self.date is not None:
            return self.date.isoformat() + (f"T{self.time}" if self.time else "")
        if self.recurrence:
            return f"{self.recurrence} {self.time}".strip()
        return None


def format_due(due_date: date | None, due_time: str = "", recurrence: str = "") -> str:
    if due_date is not None:
        return f"{format_date(due_date)} {due_time}".strip()
    if recurrence:
        return f"{recurrence} {due_time}".strip()
    return ""


def parse_due(text: str | None) -> Due:
    """Read a deadline; "" gives an empty :class:`Due`. Raises ``UserError`` if unreadable."""
    raw = nfc(text or "").strip()
    if not raw:
        return Due()
    folded = fold(raw)
    hint = 'ví dụ "13/09/2021 15:00" hoặc "hằng ngày 16:00"'
    iso = _ISO_RE.fullmatch(raw)
    if iso:
        try:
            day = date.fromisoformat(_pad_iso(iso.group(1)))
        except ValueError:
            raise UserError(f'Hạn không hợp lệ: "{_short(raw)}" ({hint}).') from None
        time = _hm(iso.group(2), iso.group(3), raw) if iso.group(2) else ""
        return Due(date=day, time=time)
    recur = _RECUR_RE.search(folded)
    dmy = _DMY_RE.search(raw)
    if recur and not dmy:
        return Due(recurrence=_recurrence(recur.group(1), folded), time=_time_in(folded, raw))
    if dmy:
        day = parse_date(re.sub(r"\s+", "", dmy.group(0)))
        rest = fold(raw[: dmy.start()] + " " + raw[dmy.end() :])
        return Due(date=day, time=_time_in(rest, raw))
    raise UserError(f'Không hiểu hạn "{_short(raw)}" ({hint}).')


def _pad_iso(s: str) -> str:
    y, m, d = s.split("-")
    return f"{y}-{int(m):02d}-{int(d):02d}"


def _short(raw: str) -> str:
    return raw if len(raw) <= 40 else raw[:40] + "…"


def _hm(hour: str, minute: str | None, raw: str) -> str:
    h, m = int(hour), int(minute or 0)
    if h > 24 or m > 59 or (h == 24 and m):
        raise UserError(f'Giờ không hợp lệ trong hạn "{_short(raw)}".')
    return f"{h:02d}:{m:02d}"


def _time_in(folded: str, raw: str) -> str:
    m = _TIME_RE.search(folded)
    return _hm(m.group(1), m.group(2), raw) if m else ""


def _recurrence(period: str, folded: str) -> str:
    if period == "ngay":
        return "hằng ngày"
    if period == "tuan":
        for name, index in _WEEKDAYS.items():
            if re.search(rf"\b{name}\b", folded):
                return f"hằng tuần {_WEEKDAY_NAMES[index]}"
        return "hằng tuần"
    m = _MONTHDAY_RE.search(folded[folded.find("thang") :])
    if m and 1 <= int(m.group(1)) <= 31:
        return f"hằng tháng ngày {int(m.group(1))}"
    return "hằng tháng"


def recurs_on(recurrence: str, day: date) -> bool:
    """Whether a recurring deadline falls on ``day`` ("hằng tuần" alone says no day: False)."""
    folded = fold(recurrence)
    if folded.startswith("hang ngay"):
        return True
    if folded.startswith("hang tuan"):
        return any(
            re.search(rf"\b{name}\b", folded) and index == day.weekday()
            for name, index in _WEEKDAYS.items()
        )
    m = _MONTHDAY_RE.search(folded)
    return bool(folded.startswith("hang thang") and m and int(m.group(1)) == day.day)


def due_state(
    due_date: date | None, due_time: str, recurrence: str, is_open: bool, now: datetime
) -> str | None:
    """``OVERDUE``, ``TODAY`` or None for an item at moment ``now`` (local time).

    Only open items (new or in progress) can be due. A dated item is overdue once its date
    (and hour, if any) has passed; a recurring item is due on each day it falls on, and is
    never overdue (the commune reports it again the next time).
    """
    if not is_open:
        return None
    today = now.date()
    if due_date is not None:
        if due_date < today:
            return OVERDUE
        if due_date == today:
            if due_time and due_time <= now.strftime("%H:%M"):
                return OVERDUE
            return TODAY
        return None
    if recurrence and recurs_on(recurrence, today):
        return TODAY
    return None
