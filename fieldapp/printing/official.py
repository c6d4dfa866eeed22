"""Official documents in the format of Decree 30/2020/NĐ-CP, rendered to PDF.

Every printout of the app (daily reports, duty rosters, household lists, relief sheets,
district summaries) is an :class:`OfficialDocument`: the issuing body and national title at
the top of page 1, number and place-date line, title and subject, a body of flowables from
:mod:`fieldapp.printing.blocks`, then the distribution list beside the signing block.
:func:`render_pdf` lays it out on A4, portrait or landscape, with the decree's margins, page
numbers centred in the top margin from page 2, and Liberation Serif embedded.

Usage::

    doc = OfficialDocument(
        issuer=Issuer("UBND HUYỆN CHỢ ĐỒN", "ỦY BAN NHÂN DÂN XÃ BẰNG LÃNG"),
        number="Số: 12/BC-UBND", place_date="Bằng Lãng, ngày 05 tháng 02 năm 2021",
        title="BÁO CÁO", subject="Tình hình phòng, chống dịch Covid-19",
        body=[paragraph("...")], recipients=["Như trên;", "Lưu: VT."],
        signature=Signature("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn A"))
    pages = render_pdf(doc, "bao-cao.pdf")
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, BinaryIO, Literal
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.rl_accel import fp_str
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from fieldapp import __version__
from fieldapp.files import replacing
from fieldapp.heap import bulk
from fieldapp.printing.blocks import BODY_SIZE, DataTable, nfc
from fieldapp.printing.fonts import (
    BOLD,
    BOLD_ITALIC,
    ITALIC,
    REGULAR,
    register_fonts,
    string_width,
)
from fieldapp.printing.numbers import document_number, padded_number

# Page geometry (Decree 30/2020/NĐ-CP, Phụ lục I): the smallest margins it allows. Landscape
# pages keep the same numbers on the turned page: binding edge left, as the decree draws it.
MARGIN_TOP = 20 * mm
MARGIN_BOTTOM = 20 * mm
MARGIN_LEFT = 30 * mm
MARGIN_RIGHT = 15 * mm
PAGE_PORTRAIT = A4
PAGE_LANDSCAPE = landscape(A4)

NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
PARTY_TITLE = "ĐẢNG CỘNG SẢN VIỆT NAM"

PAGE_NUMBER_SIZE = 13
SIGNATURE_SPACE = 28 * mm
"""Room left for the handwritten signature and the seal."""

# The header's left column (issuer) against the right (national title): the title at 12 pt
# bold needs about 89 mm, which a 58 % share of the portrait text width (165 mm) gives.
HEADER_SPLIT = (0.42, 0.58)
RULE_WIDTH = 0.6

Orientation = Literal["portrait", "landscape"]
HeaderKind = Literal["state", "party"]


@dataclass(frozen=True)
class Issuer:
    """The issuing body: ``parent`` (``UBND HUYỆN CHỢ ĐỒN``, may be empty) above ``name``
    (``ỦY BAN NHÂN DÂN XÃ BẰNG LÃNG``). A ``"\\n"`` in either chooses where it breaks."""

    parent: str
    name: str


@dataclass(frozen=True)
class Signature:
    """The signing block: ``authority`` (``TM. ỦY BAN NHÂN DÂN``, or two lines such as
    ``TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH`` when a deputy signs, or empty when the holder signs
    in their own right), ``title`` (``CHỦ TỊCH``, ``PHÓ CHỦ TỊCH``) and the signer's
    ``name``."""

    authority: str
    title: str
    name: str

    def lines(self) -> list[str]:
        """The capital lines above the signature, one to three: see :func:`signing_lines`."""
        return signing_lines(self.authority, self.title)


# The marks of signing for someone else (Decree 30, Phụ lục I, mục 7): "thay mặt", "ký thay",
# "quyền", "thừa lệnh", "thừa ủy quyền". Each starts a line of its own.
_SIGNING_MARK = re.compile(r"\s*(?:/\s+)?(?=\b(?:TM|T/M|KT|K/T|Q|TL|TUQ)\.?\s)", re.IGNORECASE)


def signing_lines(authority: str, title: str = "") -> list[str]:
    """The lines of a signing block in capitals: every line break kept, and a line typed as
    one (``TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH``, ``TM. UBND / KT. CHỦ TỊCH``) broken before each
    mark of signing for someone (TM., KT., Q., TL., TUQ.). Empty lines are dropped."""
    out: list[str] = []
    for text in (authority, title):
        for line in nfc(text).splitlines():
            for part in _SIGNING_MARK.split(line):
                part = " ".join(part.split()).strip(" /")
                if part:
                    out.append(part.upper())
    return out


# "Số: 7/BC-UBND" -> "Số: 07/BC-UBND"; the number may be missing (a draft).
_NUMBER_LINE = re.compile(r"^(?P<head>\s*Số\s*:?)\s*(?P<no>\d*)\s*(?P<rest>/.*)?$", re.DOTALL)
DRAFT_GAP = 6
"""Spaces left for the number of a draft, written in by hand when it is issued."""


def number_line(no: int | str | None, symbol: str) -> str:
    """ "Số: 01/BC-UBND" (Decree 30: numbers below 10 take a leading zero), or
    "Số:      /BC-UBND" for a draft whose number is written in when it is issued."""
    text = document_number(no, symbol)
    if not text:
        return "Số:" + " " * DRAFT_GAP + f"/{symbol}"
    return f"Số: {text}"


def _number_text(line: str) -> str:
    """The number line as printed: a number below 10 zero-padded, and a draft's empty number
    kept as a visible gap (paragraphs would collapse the spaces into one)."""
    line = nfc(line)
    match = _NUMBER_LINE.match(line)
    if match is None or match.group("rest") is None:
        return line
    no = padded_number(match.group("no"))
    if no:
        return f"Số: {no}{match.group('rest')}"
    return "Số:" + "\u00a0" * (DRAFT_GAP + 2) + match.group("rest")


ARCHIVE_UNIT = "VP"
"""The unit that drafts the commune's documents (Văn phòng UBND xã), named in "Lưu: VT, VP."."""


def archive_line(recipients: Sequence[str], unit: str = ARCHIVE_UNIT) -> list[str]:
    """The distribution list ending with "Lưu: VT, <unit>." (Decree 30: the record copy goes to
    the clerical office, VT, and to the drafting unit). A "Lưu: VT." without the unit gets it;
    a list without a "Lưu" line gets one; a "Lưu" line with a unit is kept as written."""
    out: list[str] = []
    archive = None
    for r in recipients:
        text = nfc(r).strip().lstrip("-–+ ").strip()
        if not text:
            continue
        if re.match(r"(?i)^lưu\s*:", text):
            archive = text
            continue
        out.append(text)
    unit = nfc(unit).strip()
    if archive is not None:
        body = re.sub(r"(?i)^lưu\s*:\s*", "", archive).rstrip(" .;")
        parts = [p.strip() for p in body.split(",") if p.strip()]
        if len(parts) <= 1 and unit:
            parts = [parts[0] if parts else "VT", unit]
        out.append("Lưu: " + ", ".join(parts) + ".")
    else:
        out.append(f"Lưu: VT, {unit}." if unit else "Lưu: VT.")
    return out


@dataclass
class OfficialDocument:
    """Everything a printout needs; texts may arrive in any Unicode form.

    ``number`` is the whole number line (``Số: 12/BC-UBND``). ``place_date`` is the whole
    italic line (``Bằng Lãng, ngày 05 tháng 02 năm 2021``). With an empty ``title`` the
    document is a letter (công văn): ``subject`` (``V/v ...``) goes under the number instead
    of under a title. ``compact_header`` sets the header in smaller type for dense pages such
    as landscape duty rosters.
    """

    issuer: Issuer
    number: str
    place_date: str
    title: str
    subject: str
    body: list[Flowable]
    recipients: Sequence[str]
    signature: Signature | None
    orientation: Orientation = "portrait"
    header: HeaderKind = "state"
    compact_header: bool = False
    urgency: str = ""
    """``Khẩn``, ``Thượng khẩn``, ``Hỏa tốc``: printed in bold under the number."""
    addressees: Sequence[str] = field(default_factory=tuple)
    """``Kính gửi:`` lines under the subject, mostly for letters."""
    archive_unit: str = ARCHIVE_UNIT
    """The drafting unit named in the last line of the distribution list, "Lưu: VT, VP."."""


def page_size(orientation: Orientation) -> tuple[float, float]:
    """A4 in points, turned for ``"landscape"``."""
    if orientation == "portrait":
        return PAGE_PORTRAIT
    if orientation == "landscape":
        return PAGE_LANDSCAPE
    raise ValueError(f"unknown orientation {orientation!r}")


def text_width(orientation: Orientation) -> float:
    """Width in points between the left and right margins."""
    return page_size(orientation)[0] - MARGIN_LEFT - MARGIN_RIGHT


# -- header and closing -----------------------------------------------------------------------


@dataclass(frozen=True)
class _HeaderSizes:
    caps: float  # issuer lines and national title
    motto: float
    line: float  # number and place-date lines
    title: float
    gap: float  # space between header and title


# Decree 30 sets the header lines in 12-13 pt on every document; a compact header (dense
# landscape sheets) saves room only in the spaces and the title, never in those lines.
_NORMAL = _HeaderSizes(caps=12, motto=13, line=13, title=14, gap=6 * mm)
_COMPACT = _HeaderSizes(caps=12, motto=12, line=12, title=13, gap=1 * mm)


def _style(name: str, font: str, size: float, align: int = TA_CENTER, **kw: Any) -> ParagraphStyle:
    return ParagraphStyle(
        name, fontName=font, fontSize=size, leading=round(size * 1.2, 1), alignment=align, **kw
    )


def _lines(text: str) -> str:
    return "<br/>".join(escape(part) for part in nfc(text).split("\n"))


class _Rule(Flowable):
    """A horizontal rule of a given width, centred by the cell or frame holding it."""

    def __init__(self, width: float, space_before: float = 3, space_after: float = 2) -> None:
        super().__init__()
        self.width = width
        self.height = space_before + space_after
        self._below = space_after
        self.hAlign = "CENTER"

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        self.canv.setLineWidth(RULE_WIDTH)
        self.canv.line(0, self._below, self.width, self._below)


# Where an issuer's name breaks best when it is too long for one line: before the
# administrative unit ("ỦY BAN NHÂN DÂN" / "XÃ BẰNG LÃNG").
_UNITS = ("THÀNH PHỐ", "THỊ TRẤN", "THỊ XÃ", "PHƯỜNG", "HUYỆN", "QUẬN", "TỈNH", "XÃ")


def _break_name(name: str, font: str, size: float, width: float) -> str:
    if "\n" in name or string_width(name, font, size) <= width:
        return name
    for unit in _UNITS:
        at = name.rfind(f" {unit} ")
        if (
            at > 0
            and max(string_width(p, font, size) for p in (name[:at], name[at + 1 :])) <= width
        ):
            return f"{name[:at]}\n{name[at + 1 :]}"
    return name  # the paragraph wraps it where it can


def _issuer_cell(
    issuer: Issuer, sizes: _HeaderSizes, kind: HeaderKind, width: float
) -> list[Flowable]:
    out: list[Flowable] = []
    if issuer.parent.strip():
        out.append(
            Paragraph(_lines(issuer.parent.upper()), _style("h-parent", REGULAR, sizes.caps))
        )
    name = _break_name(nfc(issuer.name.upper()), BOLD, sizes.caps, width)
    out.append(Paragraph(_lines(name), _style("h-issuer", BOLD, sizes.caps)))
    if kind == "party":
        # Party documents mark the issuer with a star instead of a rule.
        out.append(Paragraph("*", _style("h-star", REGULAR, sizes.caps)))
    else:
        longest = max(string_width(part, BOLD, sizes.caps) for part in name.split("\n"))
        # Decree 30: the rule is a third to a half as long as the line above it.
        out.append(_Rule(max(min(longest, width) * 0.4, 15 * mm)))
    return out


def _nation_cell(sizes: _HeaderSizes, kind: HeaderKind) -> list[Flowable]:
    if kind == "party":
        title = Paragraph(PARTY_TITLE, _style("h-party", BOLD, sizes.caps + 1))
        return [title, _Rule(string_width(PARTY_TITLE, BOLD, sizes.caps + 1))]
    return [
        Paragraph(NATIONAL_TITLE, _style("h-nation", BOLD, sizes.caps)),
        Paragraph(MOTTO, _style("h-motto", BOLD, sizes.motto)),
        _Rule(string_width(MOTTO, BOLD, sizes.motto)),
    ]


def _header(doc: OfficialDocument, width: float) -> list[Flowable]:
    sizes = _COMPACT if doc.compact_header else _NORMAL
    left_w, right_w = (width * f for f in HEADER_SPLIT)
    number_cell: list[Flowable] = [
        Paragraph(_lines(_number_text(doc.number)), _style("h-no", REGULAR, sizes.line))
    ]
    if doc.urgency.strip():
        number_cell.append(
            Paragraph(
                _lines(doc.urgency.upper()), _style("h-urgent", BOLD, sizes.line, spaceBefore=3)
            )
        )
    if not doc.title.strip() and doc.subject.strip():
        number_cell.append(
            Paragraph(_lines(doc.subject), _style("h-vv", REGULAR, sizes.caps, spaceBefore=3))
        )
    date_cell = Paragraph(_lines(doc.place_date), _style("h-date", ITALIC, sizes.line))
    rows = [
        [_issuer_cell(doc.issuer, sizes, doc.header, left_w), _nation_cell(sizes, doc.header)],
        [number_cell, date_cell],
    ]
    head = Table(
        rows,
        colWidths=[left_w, right_w],
        style=TableStyle(
            [
                # Cells hold paragraphs, but reportlab still sets the cell font (Helvetica
                # by default) when it draws them: name ours so no base-14 font gets in.
                ("FONT", (0, 0), (-1, -1), REGULAR, BODY_SIZE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 1), (-1, 1), 2),
            ]
        ),
        hAlign="LEFT",
    )
    out: list[Flowable] = [head, Spacer(1, sizes.gap)]
    if doc.title.strip():
        out.append(Paragraph(_lines(doc.title.upper()), _style("title", BOLD, sizes.title)))
        if doc.subject.strip():
            subject = nfc(doc.subject)
            out.append(Paragraph(_lines(subject), _style("subject", BOLD, sizes.title - 1)))
            longest = max(string_width(p, BOLD, sizes.title - 1) for p in subject.split("\n"))
            out.append(_Rule(max(min(longest, width) * 0.4, 15 * mm), 4, 0))
    if doc.addressees:
        out.append(Spacer(1, 3 * mm))
        out.extend(_addressees(doc.addressees))
    out.append(Spacer(1, 4 * mm))
    return out


def _addressees(names: Sequence[str]) -> list[Flowable]:
    style = _style("kinh-gui", REGULAR, BODY_SIZE, align=TA_CENTER)
    if len(names) == 1:
        return [Paragraph(f"Kính gửi: {_lines(names[0])}", style)]
    listed = _style("kinh-gui-list", REGULAR, BODY_SIZE, align=TA_LEFT, leftIndent=45 * mm)
    first = Paragraph(
        "Kính gửi:", _style("kinh-gui-label", REGULAR, BODY_SIZE, TA_LEFT, leftIndent=25 * mm)
    )
    return [first, *(Paragraph(f"- {_lines(n)}", listed) for n in names)]


def _closing(doc: OfficialDocument, width: float) -> Table:
    left: list[Flowable] = []
    if doc.recipients:
        left.append(Paragraph("Nơi nhận:", _style("noi-nhan", BOLD_ITALIC, 12, TA_LEFT)))
        line = _style("noi-nhan-line", REGULAR, 11, TA_LEFT)
        for r in archive_line(doc.recipients, doc.archive_unit):
            left.append(Paragraph("- " + _lines(r), line))
    right: list[Flowable] = []
    sig = doc.signature
    if sig is not None:
        caps = _style("sig-caps", BOLD, BODY_SIZE)
        for text in sig.lines():
            right.append(Paragraph(_lines(text), caps))
        right.append(Spacer(1, SIGNATURE_SPACE))
        right.append(Paragraph(_lines(sig.name), caps.clone("sig-name")))
    block = Table(
        [[left or "", right or ""]],
        colWidths=[width * f for f in HEADER_SPLIT],
        style=TableStyle(
            [
                # Cells hold paragraphs, but reportlab still sets the cell font (Helvetica
                # by default) when it draws them: name ours so no base-14 font gets in.
                ("FONT", (0, 0), (-1, -1), REGULAR, BODY_SIZE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("ALIGN", (1, 0), (1, 0), "CENTER"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        ),
        hAlign="LEFT",
        spaceBefore=4 * mm,
    )
    return block


def _tail_to_keep(body: Sequence[Flowable]) -> int:
    """How many flowables at the end of ``body`` go to the page of the signing block: the
    closing sentence (a paragraph, with any space before it), or a table whose last rows
    :class:`_WithClosing` keeps with the block."""
    n = 0
    for flowable in reversed(body):
        n += 1
        if not isinstance(flowable, Spacer):
            return n
    return 0


class _WithClosing(Flowable):
    """The last rows of a table and the closing block, never parted: when the closing does
    not fit under the table, the table's last rows go with it to the next page (under the
    repeated header), so the signing block is never alone on a page."""

    KEEP_ROWS = 2

    def __init__(self, table: DataTable, closing: Flowable) -> None:
        super().__init__()
        self._table = table
        self._closing = closing

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        tw, th = self._table.wrap(availWidth, availHeight)
        cw, ch = self._closing.wrap(availWidth, availHeight)
        self._th, self._ch = th, ch + self._closing.getSpaceBefore()
        self.width, self.height = max(tw, cw), self._th + self._ch
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        parts = self._table.split(availWidth, availHeight)
        if not parts:
            return []  # not one row fits here
        if len(parts) == 2:  # the table itself goes on: the closing stays with its rest
            return [parts[0], _WithClosing(parts[1], self._closing)]  # type: ignore[arg-type]
        head = self._table.split_before_last(self.KEEP_ROWS)
        if head is None:
            return []  # the table is only a few rows: all of it to the next page
        return [head[0], _WithClosing(head[1], self._closing)]

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:
        self._table.drawOn(canvas, x, y + self._ch, _sW)
        self._closing.drawOn(canvas, x, y, _sW)

    def getSpaceAfter(self) -> float:
        return 0


# -- layout -----------------------------------------------------------------------------------


class _OfficialDocTemplate(BaseDocTemplate):
    """Two page templates on one frame: page 1 without a number, later pages numbered."""

    def __init__(
        self, target: Any, orientation: Orientation, progress: Any = None, **kw: Any
    ) -> None:
        size = page_size(orientation)
        self._progress = progress
        super().__init__(
            target,
            pagesize=size,
            leftMargin=MARGIN_LEFT,
            rightMargin=MARGIN_RIGHT,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            # reportlab opens every page in Helvetica unless told otherwise; that would put an
            # unembedded base-14 font in each page's resources.
            initialFontName=REGULAR,
            initialFontSize=BODY_SIZE,
            creator=f"fieldapp {__version__}",
            **kw,
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
        self.addPageTemplates(
            [
                PageTemplate(
                    "first",
                    [frame],
                    pagesize=size,
                    autoNextPageTemplate="later",
                    onPage=self._document_start,
                ),
                PageTemplate("later", [frame], pagesize=size, onPage=self._page_number),
            ]
        )

        self._first_page = 1

    def afterPage(self) -> None:  # noqa: N802 - reportlab naming
        # A long list reports each page laid out; a cancel asked for stops the build here
        # (Progress.update raises Cancelled) and the caller discards the half-made PDF.
        if self._progress is not None:
            self._progress.update(self.page, None, f"Trang {self.page}")

    def _document_start(self, canvas: Any, doc: Any) -> None:
        # Several documents in one file (render_many): each counts its pages from its own
        # first page.
        self._first_page = canvas.getPageNumber()

    def _page_number(self, canvas: Any, doc: Any) -> None:
        # Decree 30: Arabic numerals, centred in the top margin, none on the first page.
        y = self.pagesize[1] - MARGIN_TOP / 2 - PAGE_NUMBER_SIZE * 0.35
        number = str(canvas.getPageNumber() - self._first_page + 1)
        x = self.leftMargin + (self.width - string_width(number, REGULAR, PAGE_NUMBER_SIZE)) / 2
        font = getFont(REGULAR)
        if not font._dynamicFont:
            canvas.saveState()
            canvas.setFont(REGULAR, PAGE_NUMBER_SIZE)
            canvas.drawString(x, y, number)
            canvas.restoreState()
            return
        # The operators drawString would write, without its state bookkeeping: a list of
        # thousands of pages spends a noticeable share of its time numbering them.
        ops = ["BT 0 0 0 rg", f"1 0 0 1 {fp_str(x, y)} Tm"]
        for subset, chunk in font.splitString(number, canvas._doc):
            name = font.getSubsetInternalName(subset, canvas._doc)
            ops.append(f"{name} {PAGE_NUMBER_SIZE} Tf ({canvas._escape(chunk)}) Tj")
        ops.append("ET")
        canvas._code.append(" ".join(ops))


def story(doc: OfficialDocument) -> list[Flowable]:
    """The flowables of ``doc`` in order: header, body, closing (for callers that combine)."""
    register_fonts()
    width = text_width(doc.orientation)
    out = _header(doc, width)
    body = list(doc.body)
    if not (doc.recipients or doc.signature is not None):
        return out + body
    closing = _closing(doc, width)
    keep = _tail_to_keep(body)
    tail = body[len(body) - keep :] if keep else []
    out.extend(body[: len(body) - keep])
    if len(tail) == 1 and isinstance(tail[0], DataTable):
        out.append(_WithClosing(tail[0], closing))
    else:
        # Decree 30 practice: the signing block never stands alone on a page; the last lines
        # of the body go over with it.
        out.append(KeepTogether([*tail, closing]))
    return out


@bulk
def render_pdf(
    doc: OfficialDocument,
    target: str | os.PathLike[str] | BinaryIO,
    progress: Any = None,
) -> int:
    """Write ``doc`` as a PDF to a path or a binary stream; return the number of pages.

    The same document may be rendered again (a preview, then the file to send).
    """
    register_fonts()
    for flowable in doc.body:
        # reportlab marks a flowable it pushed to the next page and refuses to push it twice;
        # a mark left over from an earlier render would fail this one.
        flowable.__dict__.pop("_postponed", None)
    return _build(target, doc, progress, story(doc))


@bulk
def render_many(
    docs: Sequence[OfficialDocument],
    target: str | os.PathLike[str] | BinaryIO,
    progress: Any = None,
) -> int:
    """Several documents of one orientation in one PDF (the decisions of a whole area), each
    starting on a new page with its own header and its own page numbers; return the pages."""
    if not docs:
        raise ValueError("no documents to render")
    register_fonts()
    orientations = {d.orientation for d in docs}
    if len(orientations) != 1:
        raise ValueError("render_many takes documents of one orientation")
    flowables: list[Flowable] = []
    for n, doc in enumerate(docs):
        for flowable in doc.body:
            flowable.__dict__.pop("_postponed", None)
        if n:
            flowables += [NextPageTemplate("first"), PageBreak()]
        flowables += story(doc)
    return _build(target, docs[0], progress, flowables)


def _build(
    target: str | os.PathLike[str] | BinaryIO,
    first: OfficialDocument,
    progress: Any,
    flowables: list[Flowable],
) -> int:
    """Lay out ``flowables`` under ``first``'s header into a stream, or into a file the user
    named (written whole or not at all; see :func:`fieldapp.files.replacing`)."""

    def build(into: str | BinaryIO) -> int:
        template = _OfficialDocTemplate(
            into,
            first.orientation,
            progress,
            title=nfc(" ".join(p for p in (first.title, first.subject) if p.strip())),
            author=nfc(first.issuer.name.replace("\n", " ")),
            subject=nfc(first.number),
            lang="vi",
        )
        template.build(flowables)
        return template.page

    if isinstance(target, str | os.PathLike):
        with replacing(target) as partial:
            return build(os.fspath(partial))
    return build(target)
