"""The wall sheet: the roster a shift leader pins up at the checkpoint, as a vector PDF.

One site, one week on A4 landscape (or A3), or a month on A3 landscape or A4 pages: the header
of the shared Decree 30 layer (:mod:`fieldapp.printing`, header lines 12-13 pt), then a row
per day and, per shift, the people on duty with names in 14 pt (the shift leader first,
marked ``●`` and bold), their phone numbers, what the shift lacks with the role named
("THIẾU 1 CÔNG AN"), and a column to sign on, hand over and name a replacement. Days the
site is not active print as such. Under the grid: the checkpoint's hotline from the site
record, a replacement line, the signing block.

Text stays text (reportlab, fonts embedded once): a week is a few tens of kilobytes and
prints sharp on any printer. :func:`render_wall_png` rasterises the first page for a chat
group (pypdfium2, no Qt), sized for a phone screen.

This module knows no database: :func:`fieldapp.rostering.sheets.wall_sheets` fills the
plain dataclasses below.
"""

from __future__ import annotations

import os
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
from fieldapp.printing.commune import issuer_for, place_date_for, signature_for
from fieldapp.printing.fonts import BOLD, BOLD_ITALIC, ITALIC, REGULAR, register_fonts
from fieldapp.printing.official import (
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    OfficialDocument,
    story,
)
from fieldapp.profile import Profile
from fieldapp.text.vietnamese import nfc

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
    phone = "".join(person.phone.split())
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
    phone = "".join(person.phone.split())
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
    if sheet.is_month:  # a month: names on one line (phones in the directory below)
        if people:
            out.append(Paragraph(", ".join(_person_html(p, False) for p in people), _NAME))
    else:
        for p in people:
            out += _person_flowables(p, with_phone, width, phone_size)
    gaps = sheet.gaps.get((day, shift), [])
    if sheet.is_month and gaps:
        out.append(Paragraph(_x(", ".join(gaps).upper()), _GAP))
    elif gaps:
        out += [Paragraph(_x(gap.upper()), _GAP) for gap in gaps]
    return out


def _sign_cell(tight: bool = False) -> list[Flowable]:
    style = _SIGN_TIGHT if tight else _SIGN
    return [Paragraph(t, style) for t in ("Nhận ca:", "Giao ca:", "Trực thay:")]


def _day_label(day: date, month: bool) -> str:
    if month:
        short = "CN" if day.weekday() == 6 else f"T{day.weekday() + 2}"
        return f"{short} {day:%d/%m}"
    return f"{WEEKDAYS[day.weekday()]}<br/>{day:%d/%m}"


def _grid(sheet: WallSheet, width: float, tight: bool = False) -> Table:
    """Rows of days; per shift the people (and, on a week, a column to sign).

    ``tight`` (a week that would just run onto a second page): narrower day and signing
    columns and paddings, phones in 10 pt, so each name fits one line with its phone and
    the week one page; the names stay 14 pt.
    """
    month = sheet.is_month
    n = len(sheet.shifts)
    day_w = 24 * mm if month else (19 * mm if tight else 21 * mm)
    sign_w = 0.0 if month else (13.5 * mm if tight else 17 * mm)
    people_w = (width - day_w - n * sign_w) / n
    head = [Paragraph("Ngày", _HEAD)]
    widths = [day_w]
    for s in sheet.shifts:
        night = " (đêm)" if s.night and "đêm" not in s.label.lower() else ""
        head.append(Paragraph(f"{_x(s.label)}{night}: {_x(s.times)}", _HEAD))
        widths.append(people_w)
        if not month:
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
    step = 1 if month else 2
    for r, day in enumerate(sheet.dates, start=1):
        row: list[Any] = [Paragraph(_day_label(day, month), _DAY)]
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
                row.append(_people_cell(sheet, day, s.id, not month, people_w - 6))
            if sheet.gaps.get((day, s.id)):
                col = 1 + i * step
                style.append(("BACKGROUND", (col, r), (col, r), _SHADE))
            if not month:
                row.append(_sign_cell(tight))
        rows.append(row)
    if tight:
        style += [("LEFTPADDING", (0, 0), (-1, -1), 2), ("RIGHTPADDING", (0, 0), (-1, -1), 2)]
    return Table(rows, colWidths=widths, repeatRows=1, style=TableStyle(style), hAlign="LEFT")


def _directory(sheet: WallSheet, width: float) -> Flowable | None:
    """Month sheets: everyone on it with their phone, in three columns."""
    seen: dict[str, WallPerson] = {}
    for people in sheet.cells.values():
        for p in people:
            seen.setdefault(p.name, p)
    if not seen:
        return None
    from fieldapp.text.vietnamese import name_sort_key

    items = [seen[k] for k in sorted(seen, key=name_sort_key)]
    cols = 3
    per = -(-len(items) // cols)
    rows = []
    for i in range(per):
        row = []
        for c in range(cols):
            k = c * per + i
            row.append(
                Paragraph(_person_html(WallPerson(items[k].name, items[k].phone), True), _NAME)
                if k < len(items)
                else ""
            )
        rows.append(row)
    return Table(
        [[Paragraph("<b>Danh bạ người trực</b>", _NOTE), "", ""], *rows],
        colWidths=[width / cols] * cols,
        style=TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), REGULAR, NAME_SIZE),
                ("SPAN", (0, 0), (-1, 0)),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ]
        ),
        hAlign="LEFT",
        spaceBefore=3 * mm,
    )


def _footer(profile: Profile, sheet: WallSheet, width: float) -> Table:
    hotline = sheet.hotline.strip() or "(chưa ghi)"
    left: list[Flowable] = [
        Paragraph(f"<b>Đường dây nóng của điểm trực: {_x(hotline)}</b>", _NOTE),
        Paragraph(
            f"{LEADER_MARK} <b>in đậm</b>: trưởng ca. Ô nền xám: ca còn thiếu người, "
            "báo ngay Ban Chỉ đạo xã.",
            _NOTE,
        ),
        Paragraph(
            "Người trực thay (ngày, ca, họ tên, lý do, ký): "
            "..............................................................",
            _NOTE,
        ),
    ]
    sig = signature_for(profile)
    right: list[Flowable] = [
        Paragraph(_x(t), _SIGNER)
        for t in sig.lines()  # TM./KT./title, each on its own line (Decree 30)
    ]
    right += [Spacer(1, 11 * mm), Paragraph(_x(sig.name), _SIGNER)]
    return Table(
        [[left, right]],
        colWidths=[width * 0.62, width * 0.38],
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
) -> list[Flowable]:
    """The flowables of one sheet: Decree 30 header, the grid, (directory,) footer.

    With ``height`` (the page's), a week that would run onto a second page is set tight
    (:func:`_grid`) when that makes it fit; otherwise it runs on (see :class:`_WallPages`).
    """
    register_fonts()
    flowables = story(_document(profile, sheet, issued_on, _body(profile, sheet, width)))
    if height is None or sheet.is_month or _height(flowables, width) <= height:
        return flowables
    tight = story(_document(profile, sheet, issued_on, _body(profile, sheet, width, tight=True)))
    return tight if _height(tight, width) <= height else flowables


def _body(profile: Profile, sheet: WallSheet, width: float, tight: bool = False) -> list:
    body: list[Flowable] = [_grid(sheet, width, tight)]
    if sheet.is_month:
        directory = _directory(sheet, width)
        if directory is not None:
            body.append(directory)
    body.append(_footer(profile, sheet, width))
    return body


def _document(
    profile: Profile, sheet: WallSheet, issued_on: date, body: list[Flowable]
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
        orientation="landscape",
        compact_header=True,
    )


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
            canvas.setFont(BOLD, 12)
            y = self.pagesize[1] - MARGIN_TOP / 2
            canvas.drawCentredString(
                self.leftMargin + self.width / 2, y, self.sheet_title + " (tiếp)"
            )
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
    """Landscape A4, or A3 when asked: a month, or a week too crowded for one A4 page.

    Names in 14 pt with phones, a signing column per shift, the Decree 30 header and the
    signing block: 3 people on 3 shifts need about 1.4 A4 pages (21 name lines and more
    beside ~190 pt of header and signature on 482 pt), so such a week runs on to a second
    page with its title and page number, or fits one A3 sheet.
    """
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
    landscape when ``paper`` is "A3" (a month, or a crowded week on one sheet). A sheet
    longer than its page runs on with its title at the top and "trang 2" at the foot."""
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
        flowables += wall_story(profile, sheet, day, width, size[1] - MARGIN_TOP - MARGIN_BOTTOM)
    out = Path(path)
    title = "Lịch trực " + (nfc(sheets[0].site_name) if len(sheets) == 1 else f"{len(sheets)} tờ")
    try:
        _WallPages(os.fspath(out), size, title, nfc(profile.issuer_name)).build(flowables)
    except OSError as err:
        raise UserError(f"Không ghi được tệp {out}: {err.strerror}") from None
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
    try:
        _WallPages(
            os.fspath(out), size, f"Lịch trực ngày {day:%d/%m/%Y}", profile.issuer_name
        ).build(story(doc))
    except OSError as err:
        raise UserError(f"Không ghi được tệp {out}: {err.strerror}") from None
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
    try:
        path.write_bytes(data)
    except OSError as err:
        raise UserError(f"Không ghi được tệp {path}: {err.strerror}") from None
