"""The wall sheet: the roster a shift leader pins up at the checkpoint, as a vector PDF.

One site, one week on A4 landscape (or A3): the header of the shared Decree 30 layer
(:mod:`fieldapp.printing`, header lines 12-13 pt), then a row per day and, per shift, the
people on duty with names in 14 pt (the shift leader first, marked ``●`` and bold), their
phone numbers, what the shift lacks with the role named ("THIẾU 1 CÔNG AN"), and a column to
sign on, hand over and name a replacement. Days the site is not active print as such. Under
the grid: the checkpoint's hotline from the site record, a replacement line, the signing
block.

A month is the usual "bảng phân công trực tháng" (:func:`_month_body`): a row per person
(14 pt name, phone), a narrow column per day holding the code of the shift worked, the shift
leader's cell white on black, what each shift lacks per day and a row per shift for its
leader to sign on and hand over; one A3 landscape page, or two A4 portrait pages (days 1-16,
days 17-31) that side by side make the A3 sheet.

Text stays text (reportlab, fonts embedded once): a week is a few tens of kilobytes and
prints sharp on any printer. :func:`render_wall_png` rasterises the first page for a chat
group (pypdfium2, no Qt), sized for a phone screen.

This module knows no database: :func:`fieldapp.rostering.sheets.wall_sheets` fills the
plain dataclasses below.
"""

from __future__ import annotations

import os
import re
import struct
import zlib
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Literal
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A3, A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from fieldapp import __version__
from fieldapp.errors import UserError
from fieldapp.files import replacing
from fieldapp.printing.commune import issuer_for, place_date_for, signature_for
from fieldapp.printing.fonts import (
    BOLD,
    BOLD_ITALIC,
    ITALIC,
    REGULAR,
    register_fonts,
    string_width,
)
from fieldapp.printing.official import (
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    OfficialDocument,
    story,
)
from fieldapp.profile import Profile
from fieldapp.rostering.instance import day_runs, phone_on_paper
from fieldapp.text.vietnamese import name_sort_key, nfc

Paper = Literal["A4", "A3"]

WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")
LEADER_MARK = "●"
NAME_SIZE = 14.0  # names on the wall: read from two metres
PHONE_SIZE = 12.0
TIGHT_PHONE_SIZE = 9.5  # a week set tight to fit one page: the phone smaller, never the name
DAY_SIZE = 12.0
SIGN_SIZE = 9.0
INACTIVE_TEXT = "Điểm không hoạt động"
_SHADE = colors.Color(0.88, 0.88, 0.88)
_INACTIVE = colors.Color(0.94, 0.94, 0.94)
_GRID = colors.Color(0.2, 0.2, 0.2)


@dataclass(frozen=True)
class WallPerson:
    name: str
    phone: str
    leader: bool = False


@dataclass(frozen=True)
class WallShift:
    id: str
    label: str  # "Ca 1"
    times: str  # "06:00–14:00"
    night: bool


@dataclass
class WallSheet:
    """One site over ``days`` days from ``start`` (7: a week; 28-31: a month).

    ``cells`` maps (day, shift id) to the people on duty; ``gaps`` to what the shift lacks
    in words ("thiếu 1 công an"); ``inactive`` holds the days the site is not active.
    """

    site_name: str
    site_kind: str
    place: str
    hotline: str
    start: date
    days: int
    shifts: list[WallShift]
    cells: dict[tuple[date, str], list[WallPerson]] = field(default_factory=dict)
    gaps: dict[tuple[date, str], list[str]] = field(default_factory=dict)
    inactive: set[date] = field(default_factory=set)

    @property
    def dates(self) -> list[date]:
        return [self.start + timedelta(days=i) for i in range(self.days)]

    @property
    def end(self) -> date:
        return self.start + timedelta(days=self.days - 1)

    @property
    def is_month(self) -> bool:
        return self.days > 7


def _style(name: str, font: str, size: float, **kw: Any) -> ParagraphStyle:
    return ParagraphStyle(name, fontName=font, fontSize=size, leading=size * 1.18, **kw)


_NAME = ParagraphStyle("wall-name", fontName=REGULAR, fontSize=NAME_SIZE, leading=15.5)
_HEAD = _style("wall-head", BOLD, 12, alignment=TA_CENTER)
_SIGN_HEAD = _style("wall-sign-head", BOLD, 10, alignment=TA_CENTER)
_DAY = _style("wall-day", BOLD, DAY_SIZE, alignment=TA_CENTER)
_SIGN = _style("wall-sign", REGULAR, SIGN_SIZE)
_SIGN_TIGHT = _style("wall-sign-tight", REGULAR, 8)
_SIGN_TIGHT_HEAD = _style("wall-sign-tight-head", BOLD, 8, alignment=TA_CENTER)
_PHONE = ParagraphStyle("wall-phone", fontName=REGULAR, fontSize=11, leading=12)
_NOTE = _style("wall-note", REGULAR, 12)
_GAP = _style("wall-gap", BOLD_ITALIC, 13)
_CLOSED = _style(
    "wall-closed", ITALIC, 13, alignment=TA_CENTER, textColor=colors.Color(0.3, 0.3, 0.3)
)
_SIGNER = _style("wall-signer", BOLD, 13, alignment=TA_CENTER)


def _x(text: str) -> str:
    return escape(nfc(text))


def _person_html(person: WallPerson, with_phone: bool, phone_size: float = PHONE_SIZE) -> str:
    name = _x(" ".join(person.name.split()))
    if person.leader:
        name = f"<b>{LEADER_MARK} {name}</b>"
    phone = phone_on_paper(person.phone)
    if with_phone and phone:
        return f'{name} <font size="{phone_size:g}">{_x(phone)}</font>'
    return name


def _person_flowables(
    person: WallPerson, with_phone: bool, width: float, phone_size: float = PHONE_SIZE
) -> list[Flowable]:
    """The name in 14 pt with the phone after it when both fit on a line, else below it."""
    one = Paragraph(_person_html(person, with_phone, phone_size), _NAME)
    if not with_phone or not person.phone.strip():
        return [one]
    if one.wrap(width, 1000)[1] <= _NAME.leading * 1.01:
        return [one]
    phone = phone_on_paper(person.phone)
    return [Paragraph(_person_html(person, False), _NAME), Paragraph(_x(phone), _PHONE)]


def _people_cell(
    sheet: WallSheet,
    day: date,
    shift: str,
    with_phone: bool,
    width: float,
    phone_size: float = PHONE_SIZE,
) -> list[Flowable]:
    people = sorted(sheet.cells.get((day, shift), []), key=lambda p: not p.leader)
    out: list[Flowable] = []
    for p in people:
        out += _person_flowables(p, with_phone, width, phone_size)
    out += [Paragraph(_x(gap.upper()), _GAP) for gap in sheet.gaps.get((day, shift), [])]
    return out


def _sign_cell(tight: bool = False) -> list[Flowable]:
    style = _SIGN_TIGHT if tight else _SIGN
    return [Paragraph(t, style) for t in ("Nhận ca:", "Giao ca:", "Trực thay:")]


def _day_label(day: date) -> str:
    return f"{WEEKDAYS[day.weekday()]}<br/>{day:%d/%m}"


def _short_weekday(day: date) -> str:
    """ "T2" .. "T7", "CN": the weekday as a month table heads its narrow day columns."""
    return "CN" if day.weekday() == 6 else f"T{day.weekday() + 2}"


def _grid(sheet: WallSheet, width: float, tight: bool = False) -> Table:
    """A week: a row per day; per shift the people and a column to sign.

    ``tight`` (a week that would just run onto a second page): narrower day and signing
    columns and paddings, phones in 10 pt, so each name fits one line with its phone and
    the week one page; the names stay 14 pt.
    """
    n = len(sheet.shifts)
    day_w = 19 * mm if tight else 21 * mm
    sign_w = 13.5 * mm if tight else 17 * mm
    people_w = (width - day_w - n * sign_w) / n
    head = [Paragraph("Ngày", _HEAD)]
    widths = [day_w]
    for s in sheet.shifts:
        head.append(Paragraph(f"{_x(s.label)}{_night(s)}: {_x(s.times)}", _HEAD))
        widths.append(people_w)
        head.append(Paragraph("Ký nhận, giao", _SIGN_TIGHT_HEAD if tight else _SIGN_HEAD))
        widths.append(sign_w)
    rows: list[list[Any]] = [head]
    style: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), REGULAR, NAME_SIZE),
        ("GRID", (0, 0), (-1, -1), 0.6, _GRID),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("VALIGN", (0, 1), (0, -1), "MIDDLE"),
        ("BACKGROUND", (0, 0), (-1, 0), _SHADE),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    for r, day in enumerate(sheet.dates, start=1):
        row: list[Any] = [Paragraph(_day_label(day), _DAY)]
        if day in sheet.inactive:
            row.append(Paragraph(INACTIVE_TEXT.upper(), _CLOSED))
            row += [""] * (len(widths) - 2)
            style += [("SPAN", (1, r), (-1, r)), ("BACKGROUND", (1, r), (-1, r), _INACTIVE)]
            rows.append(row)
            continue
        for i, s in enumerate(sheet.shifts):
            if tight:
                row.append(_people_cell(sheet, day, s.id, True, people_w - 4, TIGHT_PHONE_SIZE))
            else:
                row.append(_people_cell(sheet, day, s.id, True, people_w - 6))
            if sheet.gaps.get((day, s.id)):
                col = 1 + i * 2
                style.append(("BACKGROUND", (col, r), (col, r), _SHADE))
            row.append(_sign_cell(tight))
        rows.append(row)
    if tight:
        style += [("LEFTPADDING", (0, 0), (-1, -1), 2), ("RIGHTPADDING", (0, 0), (-1, -1), 2)]
    return Table(rows, colWidths=widths, repeatRows=1, style=TableStyle(style), hAlign="LEFT")


def _night(shift: WallShift) -> str:
    return " (đêm)" if shift.night and "đêm" not in shift.label.lower() else ""


def _footer(
    profile: Profile,
    sheet: WallSheet,
    width: float,
    notes: list[Flowable] | None = None,
    middle: list[Flowable] | None = None,
) -> Table:
    """Hotline, legend (a month's: ``notes``), replacement line; the signing block beside.

    With ``middle`` (a month on A3: the shortages in words), a third column between them
    that the hotline heads, so the footer is as tall as its tallest column, not the sum."""
    hotline = sheet.hotline.strip() or "(chưa ghi)"
    hot = Paragraph(f"<b>Đường dây nóng của điểm trực: {_x(hotline)}</b>", _NOTE)
    left: list[Flowable] = [] if middle else [hot]
    if notes is not None:
        left += notes
    else:
        left.append(
            Paragraph(
                f"{LEADER_MARK} <b>in đậm</b>: trưởng ca. Ô nền xám: ca còn thiếu người, "
                "báo ngay Ban Chỉ đạo xã.",
                _NOTE,
            )
        )
    left.append(
        Paragraph(
            "Người trực thay (ngày, ca, họ tên, lý do, ký): "
            "..............................................................",
            _NOTE,
        )
    )
    sig = signature_for(profile)
    right: list[Flowable] = [
        Paragraph(_x(t), _SIGNER)
        for t in sig.lines()  # TM./KT./title, each on its own line (Decree 30)
    ]
    right += [Spacer(1, 11 * mm), Paragraph(_x(sig.name), _SIGNER)]
    split = 0.6 if width < _WIDE else 0.62  # A4 portrait: room for "TM. ỦY BAN NHÂN DÂN"
    columns, widths = [left, right], [width * split, width * (1 - split)]
    if middle:
        gutter = 4 * mm
        columns = [left, [Spacer(gutter, 0)], [hot, *middle], right]
        widths = [width * 0.4, gutter, width * 0.38 - gutter, width * 0.22]
    return Table(
        [columns],
        colWidths=widths,
        style=TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), REGULAR, 13),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        ),
        hAlign="LEFT",
        spaceBefore=1 * mm,
    )


def _subject(sheet: WallSheet) -> str:
    where = nfc(sheet.site_name)
    if sheet.place.strip():
        where += f" – {nfc(sheet.place.strip())}"
    if sheet.is_month:
        span = f"Tháng {sheet.start.month:02d}/{sheet.start.year}"
        if sheet.start.day != 1 or (sheet.end + timedelta(days=1)).day != 1:
            span = f"Từ ngày {sheet.start:%d/%m/%Y} đến ngày {sheet.end:%d/%m/%Y}"
    else:
        span = f"Tuần từ ngày {sheet.start:%d/%m/%Y} đến ngày {sheet.end:%d/%m/%Y}"
    if sheet.hotline.strip():
        span += f" – Đường dây nóng: {nfc(sheet.hotline.strip())}"
    return f"{where}\n{span}"


def _height(flowables: list[Flowable], width: float) -> float:
    return sum(f.wrap(width, 10**6)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in flowables)


def wall_story(
    profile: Profile,
    sheet: WallSheet,
    issued_on: date,
    width: float,
    height: float | None = None,
    paper: Paper = "A4",
) -> list[Flowable]:
    """The flowables of one sheet: Decree 30 header, the grid or month table, footer.

    With ``height`` (the page's), a week that would run onto a second page is set tight
    (:func:`_grid`) when that makes it fit; otherwise it runs on (see :class:`_WallPages`).
    A month on ``paper="A4"`` (portrait) is two tables, days 1-16 then the rest from a new
    page; on A3 one table (:func:`_month_body`).
    """
    register_fonts()
    if sheet.is_month:
        body = _month_body(profile, sheet, width, halves=paper == "A4")
        orientation = "portrait" if paper == "A4" else "landscape"
        return story(_document(profile, sheet, issued_on, body, orientation))
    flowables = story(_document(profile, sheet, issued_on, _body(profile, sheet, width)))
    if height is None or _height(flowables, width) <= height:
        return flowables
    tight = story(_document(profile, sheet, issued_on, _body(profile, sheet, width, tight=True)))
    return tight if _height(tight, width) <= height else flowables


def _body(profile: Profile, sheet: WallSheet, width: float, tight: bool = False) -> list:
    return [_grid(sheet, width, tight), _footer(profile, sheet, width)]


def _document(
    profile: Profile,
    sheet: WallSheet,
    issued_on: date,
    body: list[Flowable],
    orientation: Literal["portrait", "landscape"] = "landscape",
) -> OfficialDocument:
    return OfficialDocument(
        issuer=issuer_for(profile),
        number="",
        place_date=place_date_for(profile, issued_on),
        title="LỊCH TRỰC",
        subject=_subject(sheet),
        body=body,
        recipients=(),
        signature=None,
        orientation=orientation,
        compact_header=True,
    )


# -- a month: people x days ------------------------------------------------------------------
#
# The usual "bảng phân công trực tháng": a row per person of the site that month (given-name
# order) with the phone, a narrow column per day holding the code of the shift worked (1, 2,
# 3: the shift's place in the site's list, "Ca 1", "Ca 2", ...), the shift leader's cell
# white on black, and the month's count of shifts. Under the people, per shift, what it
# lacks each day and a row for the shift leader to initial on taking over and handing over.
# 20 people, 3 shifts and 31 days fit one A3 landscape page or two A4 portrait pages
# (days 1-16, days 17-31) with the names in 14 pt; a larger team runs on, the table's header
# row repeated.

MONTH_SPLIT = 16
"""On A4 the first page holds days 1-16, the second the rest: side by side, the A3 sheet."""
GAP_WORDS = 12
"""Shortages spelled out under a month table; more are counted (each is in the table)."""
KEEP_PEOPLE = 4
"""People rows kept on the page of the shortage and sign rows when a month table runs on."""
CODE_SIZE = 12.0
CODES_SIZE = 9.0  # two shifts the same day, "1,3", when a day column is narrow (A4)
CLOSED_MARK = "–"
_WIDE = 600.0  # points: a text width above this is a landscape page
_WEEKEND = colors.Color(0.93, 0.93, 0.93)
_CLOSED_DAY = colors.Color(0.78, 0.78, 0.78)
_SHORT = colors.Color(0.72, 0.72, 0.72)
_M_HEAD = _style("wall-m-head", BOLD, 11, alignment=TA_CENTER)
_M_SMALL_HEAD = _style("wall-m-small-head", BOLD, 9, alignment=TA_CENTER)
_M_DAY = ParagraphStyle("wall-m-day", fontName=BOLD, fontSize=11, leading=11.5, alignment=TA_CENTER)
_M_NAME = ParagraphStyle("wall-m-name", fontName=REGULAR, fontSize=NAME_SIZE, leading=15)
_M_PHONE = _style("wall-m-phone", REGULAR, PHONE_SIZE)
_M_ROW = _style("wall-m-row", BOLD, 10)
_M_NOTE = _style("wall-m-note", REGULAR, 11)


@dataclass
class _MonthRow:
    name: str
    phone: str
    codes: dict[date, list[tuple[int, bool]]] = field(default_factory=dict)  # (code, leader)

    @property
    def shifts(self) -> int:
        return sum(len(c) for c in self.codes.values())


def _month_rows(sheet: WallSheet) -> list[_MonthRow]:
    """Everyone on duty at the site in the month, in Vietnamese given-name order."""
    code = {s.id: i for i, s in enumerate(sheet.shifts, start=1)}
    rows: dict[tuple[str, str], _MonthRow] = {}
    for (day, shift), people in sheet.cells.items():
        for p in people:
            name, phone = " ".join(nfc(p.name).split()), phone_on_paper(nfc(p.phone))
            row = rows.setdefault((name, phone), _MonthRow(name, phone))
            row.codes.setdefault(day, []).append((code.get(shift, 0), p.leader))
    return sorted(rows.values(), key=lambda r: (name_sort_key(r.name), r.phone))


def _missing(gaps: list[str]) -> int:
    """How many people the phrases say a shift lacks ("thiếu 1 công an", "thiếu 2 người")."""
    return sum(int(n) for g in gaps for n in re.findall(r"\d+", g)[:1]) or len(gaps)


def _month_widths(rows: list[_MonthRow], width: float, days: int) -> tuple[list[float], float]:
    """Widths of the columns TT, name, phone and "Số ca", and of a day column.

    The name column fits the longest name in 14 pt (a longer one wraps), the phone column
    the longest number; the days share the rest."""
    wide = width >= _WIDE
    names = [string_width(r.name, REGULAR, NAME_SIZE) for r in rows] or [0.0]
    phones = [string_width(r.phone, REGULAR, PHONE_SIZE) for r in rows] or [0.0]
    name_w = min(max(max(names) + 7, 30 * mm), 70 * mm if wide else 53 * mm)
    phone_w = min(max(max(phones) + 6, 17 * mm), 32 * mm if wide else 26 * mm)
    fixed = [6.5 * mm, name_w, phone_w, 9 * mm]
    return fixed, (width - sum(fixed)) / days


def _month_phone(phone: str, width: float) -> Paragraph:
    """The phone on one line of its column: a number longer than the column is set smaller
    (down to 7 pt) rather than broken mid-number ("0209-3870-02" over "8")."""
    room = width - 4.5  # the cell's paddings, and a hair
    wide = string_width(phone, REGULAR, PHONE_SIZE)
    if wide <= room:
        return Paragraph(_x(phone), _M_PHONE)
    size = max(7.0, int(PHONE_SIZE * room / wide * 2) / 2)
    return Paragraph(f'<font size="{size:g}">{_x(phone)}</font>', _M_PHONE)


def _month_table(
    sheet: WallSheet,
    rows: list[_MonthRow],
    days: list[date],
    fixed: list[float],
    day_w: float,
    foot: list[Flowable],
) -> Table:
    """People x ``days``, the shortage and sign rows, then ``foot`` (what is under the
    table: legend, notes, signing block) as a last row with no grid, so that it never goes
    to a page alone: it is kept with the last people, like the sign rows."""
    first, last = 3, 2 + len(days)  # the day columns
    head: list[Any] = [
        Paragraph("TT", _M_SMALL_HEAD),
        Paragraph("Họ và tên", _M_HEAD),
        Paragraph("Điện thoại", _M_HEAD),
    ]
    head += [
        Paragraph(
            f'<font name="{REGULAR}" size="8">{_short_weekday(d)}</font><br/>'
            f'<font size="{11 if day_w >= 16 else 10}">{d.day}</font>',
            _M_DAY,
        )
        for d in days
    ]
    head.append(Paragraph("Số ca", _M_SMALL_HEAD))
    table: list[list[Any]] = [head]
    heights: list[float | None] = [None]
    style: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), REGULAR, CODE_SIZE),
        ("GRID", (0, 0), (-1, -1), 0.5, _GRID),
        ("BOX", (0, 0), (-1, -1), 1.2, colors.black),
        ("LINEBELOW", (0, 0), (-1, 0), 1.2, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (0, 0), (-1, -1), "CENTER"),
        ("ALIGN", (1, 1), (2, -1), "LEFT"),
        ("BACKGROUND", (0, 0), (-1, 0), _SHADE),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        ("LEFTPADDING", (first, 0), (last, -1), 0),
        ("RIGHTPADDING", (first, 0), (last, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
    ]
    for c, d in enumerate(days, start=first):
        if d.weekday() == 0 and c > first:  # the weeks apart
            style.append(("LINEBEFORE", (c, 0), (c, -1), 1.2, colors.black))
        if d in sheet.inactive:
            style.append(("BACKGROUND", (c, 0), (c, -1), _CLOSED_DAY))
        elif d.weekday() >= 5:
            style.append(("BACKGROUND", (c, 0), (c, -1), _WEEKEND))
    for n, person in enumerate(rows, start=1):
        r = len(table)
        line: list[Any] = [
            str(n),
            Paragraph(_x(person.name), _M_NAME),
            _month_phone(person.phone, fixed[2]),
        ]
        for c, d in enumerate(days, start=first):
            codes = sorted(person.codes.get(d, []))
            if not codes:
                line.append(CLOSED_MARK if d in sheet.inactive else "")
                continue
            text = ",".join(str(k) if k else "?" for k, _leader in codes)
            leader = any(lead for _k, lead in codes)
            font = BOLD if leader else REGULAR
            size = CODE_SIZE if string_width(text, font, CODE_SIZE) <= day_w - 2 else CODES_SIZE
            if string_width(text, font, size) > day_w - 1:  # no padding in a day column
                # more shifts in a day than the column holds (a roster forced past the
                # rules): as many codes a line as fit ("1,2" over "3,4"), the row grows,
                # none runs into the next day's column
                lines: list[list[str]] = [[]]
                for code in text.split(","):
                    wider = ",".join([*lines[-1], code])
                    if lines[-1] and string_width(wider, font, size) > day_w - 1:
                        lines.append([code])
                    else:
                        lines[-1].append(code)
                text = "\n".join(",".join(line) for line in lines)
            line.append(text)
            style.append(("FONT", (c, r), (c, r), font, size))
            style.append(("LEADING", (c, r), (c, r), size + 1))
            if leader:
                style += [
                    ("BACKGROUND", (c, r), (c, r), colors.black),
                    ("TEXTCOLOR", (c, r), (c, r), colors.white),
                ]
        line.append(str(person.shifts))
        table.append(line)
        heights.append(None)
        if n % 5 == 0 and n < len(rows):  # a firmer line every five people, to follow a row
            style.append(("LINEBELOW", (0, r), (-1, r), 1.0, colors.black))
    style.append(("FONT", (-1, 1), (-1, len(table) - 1), BOLD, CODE_SIZE))
    style.append(("FONT", (0, 1), (0, len(table) - 1), REGULAR, 10))
    short_from = len(table)
    for s in _short_shifts(sheet):
        r = len(table)
        line = [Paragraph(f"{_x(s.label)} còn thiếu", _M_ROW), "", ""]
        for c, d in enumerate(days, start=first):
            gaps = sheet.gaps.get((d, s.id), [])
            if d in sheet.inactive:
                line.append(CLOSED_MARK)
            elif gaps:
                line.append(str(_missing(gaps)))
                style += [
                    ("BACKGROUND", (c, r), (c, r), _SHORT),
                    ("FONT", (c, r), (c, r), BOLD, CODE_SIZE),
                ]
            else:
                line.append("")
        line.append("")
        table.append(line)
        heights.append(None)
        style.append(("SPAN", (0, r), (2, r)))
    sign_from = len(table)
    for s in sheet.shifts:
        r = len(table)
        line = [Paragraph(f"{_x(s.label)} – trưởng ca ký nhận/giao", _M_ROW), "", ""]
        line += [CLOSED_MARK if d in sheet.inactive else "" for d in days]
        line.append("")
        table.append(line)
        heights.append(20)
        style.append(("SPAN", (0, r), (2, r)))
    style += [
        ("LINEABOVE", (0, short_from), (-1, short_from), 1.2, colors.black),
        ("LINEABOVE", (0, sign_from), (-1, sign_from), 1.2, colors.black),
        ("ALIGN", (0, short_from), (2, -1), "LEFT"),
    ]
    # "-1" above is the grid's last row (the last sign row): the foot row has no grid,
    # no shading, and the whole width
    end = len(table) - 1
    style = [
        (cmd, (c0, end if r0 == -1 else r0), (c1, end if r1 == -1 else r1), *rest)
        for cmd, (c0, r0), (c1, r1), *rest in style
    ]
    r = len(table)
    table.append([foot] + [""] * (len(head) - 1))
    heights.append(None)
    style += [
        ("SPAN", (0, r), (-1, r)),
        ("VALIGN", (0, r), (-1, r), "TOP"),
        ("LEFTPADDING", (0, r), (-1, r), 0),
        ("RIGHTPADDING", (0, r), (-1, r), 0),
        ("TOPPADDING", (0, r), (-1, r), 1.5 * mm),
        ("BOTTOMPADDING", (0, r), (-1, r), 0),
        # a table too long for its page never leaves the shortage and sign rows, nor what
        # is under the table, alone on the next: the last people go over with them
        ("NOSPLIT", (0, max(1, short_from - KEEP_PEOPLE)), (-1, -1)),
    ]
    return Table(
        table,
        colWidths=[*fixed[:3], *([day_w] * len(days)), fixed[3]],
        rowHeights=heights,
        repeatRows=1,
        style=TableStyle(style),
        hAlign="LEFT",
    )


def _short_shifts(sheet: WallSheet) -> list[WallShift]:
    """The shifts that lack someone on some open day of the sheet: each has a "còn thiếu"
    row in the month table (a month with none spends no rows on it, and a larger team fits)."""
    return [
        s
        for s in sheet.shifts
        if any(sheet.gaps.get((d, s.id)) for d in sheet.dates if d not in sheet.inactive)
    ]


def _day_list(days: list[date]) -> str:
    """ "01/08, 02/08" or, for a run of three days or more, "01/08–19/08"."""
    parts = []
    for run in day_runs(days):
        if len(run) >= 3:
            parts.append(f"{run[0]:%d/%m}–{run[-1]:%d/%m}")
        else:
            parts += [f"{d:%d/%m}" for d in run]
    return ", ".join(parts)


def _month_notes(sheet: WallSheet) -> list[Flowable]:
    """Under the month table: the shortages in words, the days the site is not active."""
    out: list[Flowable] = []
    labels = {s.id: s.label for s in sheet.shifts}
    order = {s.id: i for i, s in enumerate(sheet.shifts)}
    short = sorted(
        (
            (d, sid, gaps)
            for (d, sid), gaps in sheet.gaps.items()
            if gaps and d not in sheet.inactive
        ),
        key=lambda x: (x[0], order.get(x[1], 99)),
    )
    if short:
        words = [
            f"{d:%d/%m} {_x(labels.get(sid, sid))}: {_x(', '.join(gaps).upper())}"
            for d, sid, gaps in short[:GAP_WORDS]
        ]
        more = len(short) - GAP_WORDS
        text = "; ".join(words) + (
            f"; và {more} ca khác còn thiếu (xem các hàng “còn thiếu” trong bảng)."
            if more > 0
            else "."
        )
        out.append(Paragraph(f"<b>Ca còn thiếu người:</b> {text}", _M_NOTE))
    else:
        out.append(Paragraph("<b>Ca còn thiếu người:</b> không có, mọi ca đủ người.", _M_NOTE))
    if sheet.inactive:
        out.append(
            Paragraph(
                f"<b>Ngày điểm không hoạt động</b> (cột “{CLOSED_MARK}”, không phải ca thiếu): "
                f"{_day_list(sorted(sheet.inactive))}.",
                _M_NOTE,
            )
        )
    return out


def _month_legend(sheet: WallSheet) -> list[Flowable]:
    codes = "; ".join(
        f"<b>{i}</b> = {_x(s.label)}{_night(s)} {_x(s.times)}"
        for i, s in enumerate(sheet.shifts, start=1)
    )
    return [
        Paragraph(f"Số trong ô là ca trực: {codes}.", _NOTE),
        Paragraph(
            "Ô <b>nền đen, số trắng</b>: trưởng ca. "
            + (
                "Hàng “còn thiếu”: số người ca đó còn thiếu (ô xám), báo ngay Ban Chỉ đạo xã. "
                if _short_shifts(sheet)
                else ""
            )
            + "Trưởng ca ký ở hàng của ca mình khi nhận ca và khi giao ca.",
            _NOTE,
        ),
    ]


def _month_body(profile: Profile, sheet: WallSheet, width: float, halves: bool) -> list:
    """The month table (on A4 two, each with the names, from a new page), notes, footer."""
    rows = _month_rows(sheet)
    dates = sheet.dates
    parts = [dates[:MONTH_SPLIT], dates[MONTH_SPLIT:]] if halves else [dates]
    parts = [p for p in parts if p]
    fixed, day_w = _month_widths(rows, width, max(len(p) for p in parts))
    if len(parts) == 1:  # A3: the legend and notes beside the signing block
        foot = [_footer(profile, sheet, width, _month_legend(sheet), _month_notes(sheet))]
        return [_month_table(sheet, rows, parts[0], fixed, day_w, foot)]
    # A4: under the first half what the cells mean (the page has the room the header takes
    # on the other); under the second the codes again, the shortages in words, the footer
    legend = _month_legend(sheet)
    codes = _month_legend(sheet)[0]
    tail = [codes, *_month_notes(sheet), _footer(profile, sheet, width, [])]
    return [
        _month_table(sheet, rows, parts[0], fixed, day_w, legend),
        PageBreak(),
        _month_table(sheet, rows, parts[1], fixed, day_w, tail),
    ]


class _WallPages(BaseDocTemplate):
    def __init__(self, target: str, size: tuple[float, float], title: str, author: str) -> None:
        super().__init__(
            target,
            pagesize=size,
            leftMargin=MARGIN_LEFT,
            rightMargin=MARGIN_RIGHT,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            initialFontName=REGULAR,
            initialFontSize=13,
            creator=f"fieldapp {__version__}",
            title=title,
            author=author,
            lang="vi",
        )
        frame = Frame(
            self.leftMargin, self.bottomMargin, self.width, self.height, id="body",
            leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0,
        )  # fmt: skip
        self.addPageTemplates(
            [PageTemplate("page", [frame], pagesize=size, onPageEnd=self._running)]
        )
        self.sheet_title = ""
        self.sheet_page = 0

    def _running(self, canvas: Any, doc: Any) -> None:
        # Drawn once the page is full, so the sheet it belongs to is known. A sheet's later
        # pages name it at the top; every page of a sheet says which of its pages it is, so
        # pages pinned side by side read in order.
        page = canvas.getPageNumber() - self.sheet_page + 1
        if not self.sheet_title:
            return
        canvas.saveState()
        if page > 1:
            title = self.sheet_title + " (tiếp)"
            # within the margins: a long title on a portrait page (a month on A4) set smaller
            canvas.setFont(BOLD, min(12.0, 12 * self.width / string_width(title, BOLD, 12)))
            y = self.pagesize[1] - MARGIN_TOP / 2
            canvas.drawCentredString(self.leftMargin + self.width / 2, y, title)
        canvas.setFont(ITALIC, 10)
        canvas.drawRightString(
            self.leftMargin + self.width, MARGIN_BOTTOM / 2, f"Tờ lịch trực – trang {page}"
        )
        canvas.restoreState()


class _SheetStart(Flowable):
    """Marks where a sheet begins, so its later pages can carry its name."""

    def __init__(self, title: str) -> None:
        super().__init__()
        self.title = title

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        template = self.canv._doctemplate
        template.sheet_title = self.title
        template.sheet_page = self.canv.getPageNumber()


def page_size_for(sheet: WallSheet, paper: Paper) -> tuple[float, float]:
    """Landscape A4, or A3 when asked: a month, or a week too crowded for one A4 page; a
    month on A4 is portrait (its halves on two pages).

    Names in 14 pt with phones, a signing column per shift, the Decree 30 header and the
    signing block: 3 people on 3 shifts need about 1.4 A4 pages (21 name lines and more
    beside ~190 pt of header and signature on 482 pt), so such a week runs on to a second
    page with its title and page number, or fits one A3 sheet. A month's team of 20 with
    three shifts fits one A3 landscape page, or two A4 portrait pages.
    """
    if sheet.is_month and paper == "A4":
        return A4  # portrait: days 1-16 on one page, the rest on the next (see _month_body)
    return landscape(A3 if paper == "A3" else A4)


def render_wall_pdf(
    profile: Profile,
    sheets: list[WallSheet],
    path: str | os.PathLike[str],
    *,
    issued_on: date | None = None,
    paper: Paper = "A4",
) -> Path:
    """Write the sheets to ``path``, each from a new page, on A4 landscape or on A3
    landscape when ``paper`` is "A3" (a month, or a crowded week on one sheet); a month on
    A4 is two portrait pages, days 1-16 and the rest. A sheet longer than its page runs on
    with its title at the top and "trang 2" at the foot."""
    if not sheets:
        raise UserError("Không có lịch trực nào để in.")
    register_fonts()
    day = issued_on or date.today()
    size = page_size_for(sheets[0], paper)
    width = size[0] - MARGIN_LEFT - MARGIN_RIGHT
    flowables: list[Flowable] = []
    for n, sheet in enumerate(sheets):
        if n:
            flowables.append(PageBreak())
        running = f"LỊCH TRỰC {nfc(sheet.site_name)} – " + _subject(sheet).split("\n")[1]
        flowables.append(_SheetStart(running))
        height = size[1] - MARGIN_TOP - MARGIN_BOTTOM
        flowables += wall_story(profile, sheet, day, width, height, paper)
    out = Path(path)
    title = "Lịch trực " + (nfc(sheets[0].site_name) if len(sheets) == 1 else f"{len(sheets)} tờ")
    with replacing(out) as partial:
        _WallPages(os.fspath(partial), size, title, nfc(profile.issuer_name)).build(flowables)
    return out


# -- one day, all sites ------------------------------------------------------------------------


@dataclass
class DaySite:
    name: str
    hotline: str
    active: bool
    shifts: list[WallShift]
    cells: dict[str, list[WallPerson]] = field(default_factory=dict)
    gaps: dict[str, list[str]] = field(default_factory=dict)


def render_day_pdf(
    profile: Profile,
    day: date,
    sites: list[DaySite],
    path: str | os.PathLike[str],
    *,
    issued_on: date | None = None,
) -> Path:
    """One day across all sites (A4 portrait): a row per site and shift, names in 14 pt."""
    if not sites:
        raise UserError("Không có điểm trực nào để in.")
    register_fonts()
    size = A4
    width = size[0] - MARGIN_LEFT - MARGIN_RIGHT
    widths = [width * 0.3, width * 0.2, width * 0.5]
    rows: list[list[Any]] = [[Paragraph(t, _HEAD) for t in ("Điểm trực", "Ca", "Người trực")]]
    style: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), REGULAR, NAME_SIZE),
        ("GRID", (0, 0), (-1, -1), 0.6, _GRID),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, 0), _SHADE),
    ]
    for site in sites:
        first = len(rows)
        label = f"<b>{_x(site.name)}</b>"
        if site.hotline.strip():
            label += f"<br/>ĐT: {_x(site.hotline.strip())}"
        if not site.active:
            rows.append([Paragraph(label, _NOTE), Paragraph(INACTIVE_TEXT, _CLOSED), ""])
            style.append(("SPAN", (1, first), (2, first)))
            continue
        for s in site.shifts:
            people: list[Flowable] = []
            for p in sorted(site.cells.get(s.id, []), key=lambda p: not p.leader):
                people += _person_flowables(p, True, widths[2] - 6)
            people += [Paragraph(_x(g.upper()), _GAP) for g in site.gaps.get(s.id, [])]
            rows.append(["", Paragraph(f"{_x(s.label)}<br/>{_x(s.times)}", _DAY), people])
            if site.gaps.get(s.id):
                style.append(("BACKGROUND", (2, len(rows) - 1), (2, len(rows) - 1), _SHADE))
        rows[first][0] = Paragraph(label, _NOTE)
        style.append(("SPAN", (0, first), (0, len(rows) - 1)))
    grid = Table(rows, colWidths=widths, repeatRows=1, style=TableStyle(style), hAlign="LEFT")
    doc = OfficialDocument(
        issuer=issuer_for(profile),
        number="",
        place_date=place_date_for(profile, issued_on or date.today()),
        title="LỊCH TRỰC CÁC ĐIỂM",
        subject=f"{WEEKDAYS[day.weekday()]}, ngày {day:%d/%m/%Y}",
        body=[grid],
        recipients=(),
        signature=None,
        orientation="portrait",
        compact_header=True,
    )
    out = Path(path)
    with replacing(out) as partial:
        _WallPages(
            os.fspath(partial), size, f"Lịch trực ngày {day:%d/%m/%Y}", profile.issuer_name
        ).build(story(doc))
    return out


# -- a picture for a chat group ----------------------------------------------------------------

PHONE_WIDTH = 1080  # pixels: a phone screen's width, what chat apps show without scaling


def render_pdf_png(
    pdf: str | os.PathLike[str],
    png: str | os.PathLike[str],
    *,
    width: int = PHONE_WIDTH,
) -> Path:
    """Rasterise a PDF to one PNG ``width`` pixels wide (pypdfium2, no Qt): every page, one
    under the other with a thin grey rule between, so a week that runs onto a second page
    reaches the chat group whole."""
    import pypdfium2

    document = pypdfium2.PdfDocument(os.fspath(pdf))
    lines: list[bytes] = []
    channels = 3
    try:
        for index in range(len(document)):
            p = document[index]
            bitmap = p.render(scale=width / p.get_width(), rev_byteorder=True)
            channels = 4 if bitmap.format == pypdfium2.raw.FPDFBitmap_BGRA else 3
            raw, stride = bytes(bitmap.buffer), bitmap.stride
            row = min(bitmap.width, width) * channels
            pad = b"\xff" * ((width * channels) - row)
            if lines:
                rule = (b"\xa0\xa0\xa0" + (b"\xff" if channels == 4 else b""))[:channels]
                lines += [b"\xff" * (width * channels)] * 6 + [rule * width] * 2
                lines += [b"\xff" * (width * channels)] * 6
            lines += [raw[y * stride : y * stride + row] + pad for y in range(bitmap.height)]
    finally:
        document.close()
    out = Path(png)
    _write_png(out, width, len(lines), width * channels, channels, b"".join(lines))
    return out


def _write_png(path: Path, width: int, height: int, stride: int, channels: int, raw: bytes) -> None:
    """A plain RGB(A) PNG: rows with filter 0, one deflate stream (no image library needed)."""
    row = width * channels
    lines = b"".join(b"\x00" + raw[y * stride : y * stride + row] for y in range(height))

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body))
            + kind
            + body
            + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
        )

    colour = 6 if channels == 4 else 2
    header = struct.pack(">IIBBBBB", width, height, 8, colour, 0, 0, 0)
    data = (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(lines, 6))
        + chunk(b"IEND", b"")
    )
    with replacing(path) as partial:
        partial.write_bytes(data)
