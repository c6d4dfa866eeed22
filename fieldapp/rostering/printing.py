"""Printed duty rosters: one landscape page per site and week, one portrait page per person.

The roster sheet is what the shift leader pins up at the checkpoint, so each page stands
alone: the commune header, ``LỊCH TRỰC`` with the site and the week, a grid of the seven
days (columns) against the site's shifts (rows) in which every cell lists the people on duty
with their phone numbers (the shift leader first, in bold, marked ``●``), empty or short
cells marked ``thiếu người`` on a grey ground, a legend, then the signing block. The grid's
type shrinks, step by step, until the whole sheet fits on its page; nothing ever runs onto
a second page.

The personal schedule is the handout for one person: who they are, a table of their duties
and the totals (shifts, nights, hours).

This module knows no database: callers (the rosters register, the CLI, the print preview)
fill the plain dataclasses below and call :func:`render_roster_pdf` or
:func:`render_person_pdf`. Layout goes through the shared official-document layer
(:mod:`fieldapp.printing`), so the header, margins and embedded fonts are those of every
other printout.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import _listWrapOn

from fieldapp import __version__
from fieldapp.errors import UserError
from fieldapp.printing.blocks import BODY_SIZE, CELL_PAD_X, table
from fieldapp.printing.commune import issuer_for, place_date_for, signature_for
from fieldapp.printing.fonts import BOLD, BOLD_ITALIC, ITALIC, REGULAR, register_fonts
from fieldapp.printing.official import (
    HEADER_SPLIT,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    OfficialDocument,
    Orientation,
    archive_line,
    page_size,
    story,
    text_width,
)
from fieldapp.profile import Profile
from fieldapp.rostering.instance import ROLE_LABELS, phone_on_paper
from fieldapp.rostering.models import SITE_KINDS
from fieldapp.text.vietnamese import fold, format_date, name_sort_key, nfc

__all__ = [
    "LEADER_MARK",
    "PersonDuty",
    "PersonSchedule",
    "RosterSheet",
    "SheetPerson",
    "SheetShift",
    "WEEKDAYS",
    "render_person_pdf",
    "render_roster_pdf",
]

WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")
"""Vietnamese weekday names, Monday first (``date.weekday()`` order)."""

LEADER_MARK = "●"
"""Printed before the shift leader's name (Liberation Serif has no star)."""
SHORT_MARK = "thiếu người"
"""Printed in a cell with nobody on duty (and as ``thiếu N người`` in a short cell)."""

# Grid type sizes tried in turn, largest first, until the sheet fits its page; then the
# smallest again with each person on one line where name and phone fit (a crowded sheet).
_GRID_SIZES = (11.0, 10.5, 10.0, 9.5, 9.0, 8.5, 8.0, 7.5, 7.0, 6.5, 6.0, 5.5, 5.0)
_GRID_STEPS = [(size, False) for size in _GRID_SIZES] + [(6.0, True), (5.5, True), (5.0, True)]
_MIN_CELL_SIZE = 5.0
_CROWDED_FLOOR = 0.75  # a crowded cell's type, at the least, against the grid's
_CLEAN_FROM = 10.0  # below this size, names may wrap rather than the type shrink further
_LEADING = 1.17  # line height in ems, in the grid
_DUTY_STEPS = [(size,) for size in (11.0, 10.5, 10.0, 9.5, 9.0, 8.5, 8.0, 7.5, 7.0)]
_SHIFT_COLUMN_MM = 23
_GRID_MM = 252  # the landscape text width; only the proportions matter
_PERSON_GAP = 0.25  # space between two people in a cell, in ems
_SHORT_SHADE = colors.Color(0.85, 0.85, 0.85)
_RECIPIENTS = ("Các thành viên tổ trực (thực hiện);", "Ban Chỉ đạo xã (b/c);", "Lưu: VT.")
_SIGNATURE_SPACE = 18 * mm


# -- the data ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class SheetShift:
    """One shift kind of the site: ``label`` ("Ca 1"), start time, length, night or day."""

    id: str
    label: str
    start: time
    hours: float
    night: bool

    @property
    def times(self) -> str:
        """ "06:00–14:00" (the end may be on the next day: "22:00–06:00")."""
        return _time_range(self.start, self.hours)


@dataclass(frozen=True)
class SheetPerson:
    """Someone on one shift of the sheet; ``leader`` marks the shift leader (trưởng ca)."""

    name: str
    phone: str
    leader: bool = False


@dataclass
class RosterSheet:
    """One printed page: a site's shifts over the seven days from ``week_start``.

    ``cells`` maps (day, shift id) to the people on that shift; a missing key or an empty
    list prints as ``thiếu người``. ``site_kind`` is a kind id of the rosters register
    (``checkpoint``, ``quarantine``, ``gate``) or any label; ``place`` (where the site is)
    may be empty. With ``staff_per_shift`` above zero a cell holding fewer people also says
    how many are missing.
    """

    site_name: str
    site_kind: str
    place: str
    week_start: date
    shifts: list[SheetShift]
    cells: dict[tuple[date, str], list[SheetPerson]]
    staff_per_shift: int = 0

    @property
    def days(self) -> list[date]:
        return [self.week_start + timedelta(days=n) for n in range(7)]

    @property
    def week_end(self) -> date:
        return self.week_start + timedelta(days=6)


@dataclass(frozen=True)
class PersonDuty:
    """One shift of a person: the day it starts, the shift, where and whether as leader.

    ``night`` may be left out: a shift is then a night shift when it runs past midnight or
    starts before 05:00.
    """

    day: date
    shift_label: str
    start: time
    hours: float
    site_name: str
    leader: bool = False
    night: bool | None = None

    @property
    def is_night(self) -> bool:
        if self.night is not None:
            return self.night
        minute = self.start.hour * 60 + self.start.minute
        return minute < 5 * 60 or minute + self.hours * 60 > 24 * 60


@dataclass
class PersonSchedule:
    """A person's duties from ``start`` to ``end`` (inclusive), for their personal page.

    ``roles`` are role ids of the roster (``police``, ``militia``) or labels; ids print
    in Vietnamese.
    """

    name: str
    unit: str
    roles: list[str]
    phone: str
    start: date
    end: date
    duties: list[PersonDuty] = field(default_factory=list)

    @property
    def nights(self) -> int:
        return sum(1 for d in self.duties if d.is_night)

    @property
    def hours(self) -> float:
        return sum(d.hours for d in self.duties)


# -- small formatting helpers -----------------------------------------------------------------


def _time_range(start: time, hours: float) -> str:
    end = (datetime.combine(date(2000, 1, 1), start) + timedelta(hours=hours)).time()
    return f"{start:%H:%M}–{end:%H:%M}"


def _hours(value: float) -> str:
    """8 → "8", 7.5 → "7,5" (Vietnamese decimal comma)."""
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


def _site_line(sheet: RosterSheet) -> str:
    """The site as the subject names it: the kind in front unless the name says it already."""
    name = nfc(sheet.site_name.strip())
    kind = nfc(SITE_KINDS.get(sheet.site_kind, sheet.site_kind).strip())
    if kind and not fold(name).startswith(fold(kind)):
        name = f"{kind} {name}"
    if sheet.place.strip():
        name = f"{name} ({nfc(sheet.place.strip())})"
    return name


def _period(start: date, end: date) -> str:
    return f"Từ ngày {format_date(start)} đến ngày {format_date(end)}"


def _x(text: str) -> str:
    """``text`` for paragraph markup: NFC, single spaces, ``&`` and ``<`` escaped."""
    return escape(nfc(" ".join(text.split())))


def _role_text(roles: Iterable[str]) -> str:
    return ", ".join(ROLE_LABELS.get(r, r) for r in roles)


# -- measuring, with a cache (names repeat across weeks and sites) ----------------------------


class _Measure:
    def __init__(self) -> None:
        register_fonts()
        from reportlab.pdfbase.pdfmetrics import getFont

        self._faces = {f: getFont(f).face for f in (REGULAR, BOLD, ITALIC, BOLD_ITALIC)}
        self._cache: dict[tuple[str, str], float] = {}

    def __call__(self, text: str, font: str) -> float:
        """Width of ``text`` in thousandths of an em."""
        key = (text, font)
        width = self._cache.get(key)
        if width is None:
            face = self._faces[font]
            get, default = face.charWidths.get, face.defaultWidth
            width = float(sum(get(ord(ch), default) for ch in text))
            if len(self._cache) > 50_000:
                self._cache.clear()
            self._cache[key] = width
        return width

    def wrap(self, text: str, font: str, limit: float) -> list[str]:
        """``text`` broken at spaces into lines no wider than ``limit`` (thousandths of an em);
        a single word too wide stays whole (names are short; it only overhangs the padding)."""
        if self(text, font) <= limit:
            return [text]
        lines: list[str] = []
        line = ""
        for word in text.split():
            trial = f"{line} {word}" if line else word
            if line and self(trial, font) > limit:
                lines.append(line)
                line = word
            else:
                line = trial
        lines.append(line)
        return lines


_measure: _Measure | None = None


def _measurer() -> _Measure:
    global _measure
    if _measure is None:
        _measure = _Measure()
    return _measure


# -- the roster grid --------------------------------------------------------------------------


class _PeopleCell(Flowable):
    """The people of one shift: each person's name (the leader first, bold, marked) over
    their phone number.

    Drawn straight onto the canvas: a paragraph per cell would cost far more, and the cell
    needs nothing but lines of text in two faces. A crowded cell may be set smaller than
    the rest of the grid (:meth:`shrink_to`) so that its row keeps the height of the others.
    """

    def __init__(
        self, people: Sequence[SheetPerson], size: float, missing: int, dense: bool = False
    ) -> None:
        super().__init__()
        self._dense = dense
        self._people = sorted(people, key=lambda p: not p.leader)  # stable: others in order
        self._missing = missing
        self.size = size
        self._lines: list[tuple[str, str, float]] = []  # text, face, space above
        self._laid_for: tuple[float, float] | None = None

    @property
    def count(self) -> int:
        return len(self._people)

    def _lay(self, width: float, size: float) -> float:
        if self._laid_for == (width, size):
            return self.height
        measure = _measurer()
        limit = width * 1000 / size
        gap = size * _PERSON_GAP
        lines: list[tuple[str, str, float]] = []
        for person in self._people:
            font = BOLD if person.leader else REGULAR
            name = nfc(" ".join(person.name.split()))
            if person.leader:
                name = f"{LEADER_MARK} {name}"
            above = gap if lines else 0.0
            phone = phone_on_paper(person.phone)
            if self._dense and phone and measure(f"{name} {phone}", font) <= limit:
                lines.append((f"{name} {phone}", font, above))
                continue
            for part in measure.wrap(name, font, limit):
                lines.append((part, font, above))
                above = 0.0
            if phone:
                lines.append((phone, REGULAR, 0.0))
        if not self._people:
            lines.append((SHORT_MARK.upper(), BOLD_ITALIC, 0.0))
        elif self._missing > 0:
            lines.append((f"thiếu {self._missing} người", BOLD_ITALIC, gap))
        self._lines = lines
        self._laid_for = (width, size)
        self.width = width
        self.height = len(lines) * size * _LEADING + sum(line[2] for line in lines)
        return self.height

    def shrink_to(self, width: float, height: float) -> None:
        """Set the cell in the largest smaller type that keeps it within ``height``, but
        never below three quarters of its size (the row grows instead)."""
        size = self.size
        floor = max(size * _CROWDED_FLOOR, _MIN_CELL_SIZE)
        while self._lay(width, size) > height and size - 0.5 >= floor:
            size -= 0.5
        self.size = size

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return availWidth, self._lay(availWidth, self.size)

    def draw(self) -> None:
        text = self.canv.beginText()
        size, leading = self.size, self.size * _LEADING
        y = self.height - size
        font = None
        for line, face, above in self._lines:
            if face != font:
                text.setFont(face, size)
                font = face
            y -= above
            text.setTextOrigin(0, y)
            text.textOut(line)
            y -= leading
        self.canv.drawText(text)


def _day_head(day: date, size: float, width: float) -> str:
    """ "Thứ Hai 02/8", or on two lines when the column is too narrow for one."""
    one = f"{WEEKDAYS[day.weekday()]} {day.day:02d}/{day.month}"
    if _measurer()(one, BOLD) * size / 1000 <= width:
        return one
    return f"{WEEKDAYS[day.weekday()]}\n{day.day:02d}/{day.month}"


def _grid(sheet: RosterSheet, size: float, avail: float, dense: bool = False) -> Flowable:
    """The days × shifts grid in type of ``size`` points for a text width of ``avail``;
    ``dense`` puts a person's name and phone on one line where they fit.

    Each row is as tall as its cells of the usual size need (the most common number of
    people on the sheet); a cell holding more people than that is set in smaller type, down
    to three quarters of the grid's, rather than stretch its row.
    """
    days = sheet.days
    fractions = [_SHIFT_COLUMN_MM, *([(_GRID_MM - _SHIFT_COLUMN_MM) / 7] * 7)]
    day_width = _day_width(avail)
    header = ["Ca trực", *(_day_head(d, size, day_width) for d in days)]
    style: list[tuple[Any, ...]] = [
        ("FONT", (0, 1), (0, -1), BOLD, size, size * _LEADING),
        ("VALIGN", (0, 1), (0, -1), "MIDDLE"),
        ("ALIGN", (0, 1), (0, -1), "CENTER"),
    ]
    grid: list[list[_PeopleCell]] = []
    for r, shift in enumerate(sheet.shifts, start=1):
        cells = []
        for d, day in enumerate(days, start=1):
            people = sheet.cells.get((day, shift.id)) or []
            missing = max(sheet.staff_per_shift - len(people), 0)
            if not people or missing:
                style.append(("BACKGROUND", (d, r), (d, r), _SHORT_SHADE))
            cells.append(_PeopleCell(people, size, missing, dense))
        grid.append(cells)
    usual = _usual_count(c.count for row in grid for c in row if c.count)
    for cells in grid:
        usual_height = max(
            (c.wrap(day_width, 0)[1] for c in cells if 0 < c.count <= usual), default=None
        )
        if usual_height is None:
            continue  # every cell is crowded: the whole grid shrinks instead
        for cell in cells:
            if cell.count > usual:
                cell.shrink_to(day_width, usual_height)
    rows: list[list[Any]] = []
    for shift, cells in zip(sheet.shifts, grid, strict=True):
        label = nfc(shift.label)
        if shift.night and "đêm" not in label.lower():
            label += " (đêm)"
        rows.append([f"{label}\n{shift.times}", *cells])
    return table(
        header,
        rows,
        col_fractions=fractions,
        font_size=size,
        leading=size * _LEADING,
        extra_style=style,
    )


def _day_width(avail: float) -> float:
    """Text width of a day's column in the grid, for a page text width of ``avail``."""
    return avail * (_GRID_MM - _SHIFT_COLUMN_MM) / 7 / _GRID_MM - 2 * CELL_PAD_X


def _first_step(sheet: RosterSheet, avail: float) -> int:
    """The first grid step to try: the largest type in which every name of ``sheet`` fits
    on one line, but not below :data:`_CLEAN_FROM`: in smaller type than that, the longest
    names wrap instead."""
    measure = _measurer()
    widest = max(
        (
            measure(f"{LEADER_MARK} {nfc(' '.join(p.name.split()))}", BOLD)
            for people in sheet.cells.values()
            for p in people
        ),
        default=0.0,
    )
    cap = max(_day_width(avail) * 1000 / widest if widest else _GRID_SIZES[0], _CLEAN_FROM)
    return next(i for i, (size, _) in enumerate(_GRID_STEPS) if size <= cap)


def _usual_count(counts: Iterable[int]) -> int:
    """The most common number of people in a cell (the larger one on a tie)."""
    tally: dict[int, int] = {}
    for n in counts:
        tally[n] = tally.get(n, 0) + 1
    return max(tally, key=lambda n: (tally[n], n)) if tally else 0


class _FitOnPage(Flowable):
    """The first of several versions of a flowable that leaves ``reserve`` points free
    under it on the current page; the last, scaled down, if none does.

    ``make(step, width)`` builds the version of each of ``steps`` (tuples whose first item
    is a type size, largest first) for ``width``; ``first(width)``, if given, is the index of the step to start
    from. Pages that must stay whole (a roster sheet pinned up at a checkpoint, a personal
    schedule) use it for their one variable part; ``reserve`` is the height of what follows
    it on the page.
    """

    def __init__(
        self,
        make: Callable[[Any, float], Flowable],
        steps: Sequence[Any],
        first: Callable[[float], int] | None = None,
    ) -> None:
        super().__init__()
        self._make = make
        self._steps = steps
        self._first = first
        self.reserve = 0.0
        self._chosen: Flowable | None = None
        self._scale = 1.0
        self._for: tuple[float, float] | None = None
        self.chosen_step: Any = steps[0]
        self.scaled = False

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if self._for == (availWidth, availHeight) and self._chosen is not None:
            return self.width, self.height
        room = max(availHeight - self.reserve - self.getSpaceAfter(), 1.0)
        steps = self._steps
        start = at = self._first(availWidth) if self._first is not None else 0
        tried: dict[int, tuple[Flowable, float]] = {}

        def attempt(i: int) -> bool:
            if i not in tried:
                made = self._make(steps[i], availWidth)
                tried[i] = made, made.wrap(availWidth, room)[1]
            return tried[i][1] <= room

        if not attempt(at):
            # Text height shrinks with the type and paddings do not, so the size that
            # fits is at most this one scaled by room/height: jump there, then step down.
            bound = steps[at][0] * room / tried[at][1]
            at += 1
            while (
                at < len(steps) - 1
                and bound < steps[at][0] < steps[at - 1][0]  # within one descending run
            ):
                at += 1
            while not attempt(at) and at < len(steps) - 1:
                at += 1
            # Names that stop wrapping in smaller type break that rule: look one step up.
            while at - 1 > start and attempt(at - 1):
                at -= 1
        chosen, height = tried[at]
        self.chosen_step = steps[at]
        self._scale = min(1.0, room / height) if height else 1.0
        self.scaled = self._scale < 1.0
        self._chosen = chosen
        self._for = (availWidth, availHeight)
        self.width = availWidth
        self.height = height * self._scale
        return self.width, self.height

    def draw(self) -> None:
        assert self._chosen is not None
        canv = self.canv
        if self._scale < 1.0:
            canv.scale(self._scale, self._scale)
        self._chosen.drawOn(canv, 0, 0)

    def getSpaceAfter(self) -> float:
        return 4.0


# -- documents --------------------------------------------------------------------------------


class _Pages(BaseDocTemplate):
    """A4 with the Decree 30 margins and no page numbers: every page is a document of its own
    (a sheet pinned up at a checkpoint, a schedule handed to one person)."""

    def __init__(self, target: str, orientation: Orientation, title: str, author: str) -> None:
        size = page_size(orientation)
        super().__init__(
            target,
            pagesize=size,
            leftMargin=MARGIN_LEFT,
            rightMargin=MARGIN_RIGHT,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            initialFontName=REGULAR,  # no unembedded Helvetica in the page resources
            initialFontSize=BODY_SIZE,
            creator=f"fieldapp {__version__}",
            title=title,
            author=author,
            lang="vi",
        )
        frame = Frame(
            self.leftMargin,
            self.bottomMargin,
            self.width,
            self.height,
            id="body",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        self.addPageTemplates([PageTemplate("page", [frame], pagesize=size)])


_NOTE_STYLE = ParagraphStyle(
    "roster-note", fontName=ITALIC, fontSize=10, leading=12, alignment=TA_LEFT, spaceBefore=2
)
_RECIPIENTS_HEAD = ParagraphStyle(
    "roster-noi-nhan", fontName=BOLD_ITALIC, fontSize=12, leading=14, spaceBefore=4
)
_RECIPIENT_LINE = ParagraphStyle("roster-noi-nhan-line", fontName=REGULAR, fontSize=11, leading=13)
_SIGNER_STYLE = ParagraphStyle(
    "roster-signer", fontName=BOLD, fontSize=BODY_SIZE, leading=BODY_SIZE * 1.2, alignment=TA_CENTER
)
_INFO_STYLE = ParagraphStyle(
    "roster-info", fontName=REGULAR, fontSize=12, leading=15, alignment=TA_LEFT
)


def _followers_height(flowables: list[Flowable], width: float) -> float:
    """Height the flowables need one after another, with the space between them."""
    flat: list[Flowable] = []
    for f in flowables:
        # A KeepTogether claims an endless height to force a split: measure what it holds.
        flat.extend(f._content if isinstance(f, KeepTogether) else [f])
    if not flat:
        return 0.0
    return _listWrapOn(flat, width, None)[1] + flat[0].getSpaceBefore() + 2  # 2 pt to spare


def _build(
    docs: list[tuple[OfficialDocument, _FitOnPage]],
    path: str | os.PathLike[str],
    orientation: Orientation,
    title: str,
    author: str,
    same_ending: bool = False,
) -> Path:
    """Lay each document on a page of its own; each fits its variable part to the page.

    ``same_ending``: what follows the fitted part is the same on every page, so it is
    measured once.
    """
    register_fonts()
    out = Path(path)
    width = page_size(orientation)[0] - MARGIN_LEFT - MARGIN_RIGHT
    flowables: list[Flowable] = []
    reserve: float | None = None
    for n, (doc, fit) in enumerate(docs):
        parts = story(doc)
        at = parts.index(fit)
        if reserve is None or not same_ending:
            reserve = _followers_height(parts[at + 1 :], width)
        fit.reserve = reserve
        if n:
            flowables.append(PageBreak())
        flowables.extend(parts)
    _Pages(os.fspath(out), orientation, nfc(title), nfc(author)).build(flowables)
    return out


def _note(text: str) -> Paragraph:
    return Paragraph(text, _NOTE_STYLE)


def _closing(profile: Profile, notes: Sequence[Flowable]) -> Table:
    """The legend and distribution list beside the signing block.

    The shared closing leaves 28 mm for the signature; a roster sheet is short of height,
    so this one leaves :data:`_SIGNATURE_SPACE` and puts the grid's legend above
    ``Nơi nhận:`` instead of in a line of its own.
    """
    left: list[Flowable] = [*notes, Paragraph("Nơi nhận:", _RECIPIENTS_HEAD)]
    # "Lưu: VT, VP." as on every official document (fieldapp.printing.official.archive_line).
    left.extend(Paragraph(f"- {_x(r)}", _RECIPIENT_LINE) for r in archive_line(_RECIPIENTS))
    sig = signature_for(profile)
    right: list[Flowable] = [
        Paragraph(_x(text), _SIGNER_STYLE)
        for text in sig.lines()  # TM./KT./title, each on its own line (Decree 30)
    ]
    right += [Spacer(1, _SIGNATURE_SPACE), Paragraph(_x(sig.name), _SIGNER_STYLE)]
    width = text_width("landscape")
    return Table(
        [[left, right]],
        colWidths=[width * HEADER_SPLIT[0], width * HEADER_SPLIT[1]],
        style=TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), REGULAR, BODY_SIZE),  # no Helvetica gets in
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (0, 0), 8 * mm),
            ]
        ),
        hAlign="LEFT",
        spaceBefore=2 * mm,
    )


def roster_document(
    profile: Profile, sheet: RosterSheet, issued_on: date, closing: Flowable | None = None
) -> OfficialDocument:
    """The official document of one roster sheet (its grid fits itself to the page).

    ``closing`` (legend, distribution list and signing block) may be shared by the sheets
    of one printout; it is made from ``profile`` when not given.
    """
    register_fonts()
    fit = _FitOnPage(
        lambda step, width: _grid(sheet, step[0], width, step[1]),
        _GRID_STEPS,
        lambda width: _first_step(sheet, width),
    )
    return OfficialDocument(
        issuer=issuer_for(profile),
        number="",
        place_date=place_date_for(profile, issued_on),
        title="LỊCH TRỰC",
        subject=f"{_site_line(sheet)}\n{_period(sheet.week_start, sheet.week_end)}",
        body=[fit, closing or roster_closing(profile)],
        recipients=(),
        signature=None,
        orientation="landscape",
        compact_header=True,
    )


def roster_closing(profile: Profile) -> Flowable:
    """The end of every roster sheet: legend and distribution list, signing block."""
    register_fonts()  # before the paragraphs: their <b> needs the family
    legend = _note(
        f"Ghi chú: {LEADER_MARK} <b>in đậm</b>: trưởng ca (trực chỉ huy); ô nền xám: "
        "<b><i>thiếu người</i></b>, đề nghị bổ sung. Người trực có việc đột xuất báo ngay "
        "trưởng ca và Ban Chỉ đạo xã để bố trí người thay."
    )
    return _closing(profile, [legend])


def render_roster_pdf(
    profile: Profile,
    sheets: list[RosterSheet],
    path: str | os.PathLike[str],
    *,
    issued_on: date | None = None,
) -> Path:
    """Print ``sheets`` to ``path``: A4 landscape, exactly one page per sheet, in order.

    ``issued_on`` is the date on the place-date line (today when not given). Raises
    :class:`UserError` when there is nothing to print.
    """
    if not sheets:
        raise UserError("Không có lịch trực nào để in.")
    day = issued_on or date.today()
    closing = roster_closing(profile)
    docs = []
    for sheet in sheets:
        doc = roster_document(profile, sheet, day, closing)
        docs.append((doc, doc.body[0]))  # the grid
    title = "Lịch trực " + (nfc(sheets[0].site_name) if len(sheets) == 1 else f"{len(sheets)} tờ")
    return _build(docs, path, "landscape", title, profile.issuer_name, same_ending=True)


# -- personal schedules -----------------------------------------------------------------------

_DUTY_HEADER = ["STT", "Ngày", "Thứ", "Ca", "Giờ trực", "Số giờ", "Địa điểm", "Ghi chú"]
_DUTY_FRACTIONS = [10, 20, 16, 14, 23, 13, 38, 31]  # mm of the 165 mm portrait width
_DUTY_ALIGN = ["CENTER", "CENTER", "LEFT", "LEFT", "CENTER", "CENTER", "LEFT", "LEFT"]


def _duty_rows(schedule: PersonSchedule) -> list[list[str]]:
    duties = sorted(schedule.duties, key=lambda d: (d.day, d.start))
    rows = []
    for n, duty in enumerate(duties, start=1):
        note = []
        if duty.is_night:
            note.append("ca đêm")
        if duty.leader:
            note.append("trưởng ca")
        rows.append(
            [
                str(n),
                format_date(duty.day),
                WEEKDAYS[duty.day.weekday()],
                nfc(duty.shift_label),
                _time_range(duty.start, duty.hours),
                _hours(duty.hours),
                nfc(duty.site_name),
                ", ".join(note).capitalize(),
            ]
        )
    return rows


def person_document(
    profile: Profile, schedule: PersonSchedule, issued_on: date
) -> OfficialDocument:
    """The official document of one person's schedule (its table fits itself to the page)."""
    register_fonts()
    rows = _duty_rows(schedule)

    def make(step: tuple[float], width: float) -> Flowable:
        if not rows:
            return Paragraph("Không có ca trực nào trong thời gian này.", _INFO_STYLE)
        size = step[0]
        return table(
            _DUTY_HEADER,
            rows,
            col_fractions=_DUTY_FRACTIONS,
            align=_DUTY_ALIGN,
            font_size=size,
        )

    fit = _FitOnPage(make, _DUTY_STEPS)
    info = [
        ("Họ và tên", f"<b>{_x(schedule.name)}</b>"),
        ("Đơn vị", _x(schedule.unit) or "—"),
        ("Lực lượng", _x(_role_text(schedule.roles)) or "—"),
        ("Điện thoại", _x(schedule.phone) or "—"),
    ]
    body: list[Flowable] = [Paragraph(f"{label}: {value}", _INFO_STYLE) for label, value in info]
    body.append(Spacer(1, 3 * mm))
    body.append(fit)
    leader = sum(1 for d in schedule.duties if d.leader)
    totals = (
        f"<b>Tổng cộng: {len(schedule.duties)} ca trực</b>, trong đó {schedule.nights} ca đêm"
        f"{f', {leader} ca trưởng ca' if leader else ''}; tổng số giờ trực: "
        f"<b>{_hours(schedule.hours)} giờ</b>."
    )
    body.append(Paragraph(totals, _INFO_STYLE))
    contact = f" (điện thoại {_x(profile.phone)})" if profile.phone.strip() else ""
    body.append(
        _note(
            "Đồng chí có việc đột xuất, ốm đau hoặc phải cách ly y tế báo ngay cho trưởng ca "
            f"và Ban Chỉ đạo xã{contact} để bố trí người thay."
        )
    )
    return OfficialDocument(
        issuer=issuer_for(profile),
        number="",
        place_date=place_date_for(profile, issued_on),
        title="LỊCH TRỰC CÁ NHÂN",
        subject=_period(schedule.start, schedule.end),
        body=body,
        recipients=(),
        signature=None,
        orientation="portrait",
        compact_header=True,
    )


def render_person_pdf(
    profile: Profile,
    schedules: list[PersonSchedule],
    path: str | os.PathLike[str],
    *,
    issued_on: date | None = None,
    sort: bool = False,
) -> Path:
    """Print one A4 portrait page per person to ``path``; ``sort=True`` orders the pages by
    given name (Vietnamese order), otherwise they keep the order given."""
    if not schedules:
        raise UserError("Không có lịch trực cá nhân nào để in.")
    if sort:
        schedules = sorted(schedules, key=lambda s: name_sort_key(s.name))
    day = issued_on or date.today()
    docs = []
    for schedule in schedules:
        doc = person_document(profile, schedule, day)
        fit = next(f for f in doc.body if isinstance(f, _FitOnPage))
        docs.append((doc, fit))
    return _build(docs, path, "portrait", "Lịch trực cá nhân", profile.issuer_name)
