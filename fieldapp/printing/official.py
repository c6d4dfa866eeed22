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
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, BinaryIO, Literal
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from fieldapp import __version__
from fieldapp.printing.blocks import BODY_SIZE, nfc
from fieldapp.printing.fonts import (
    BOLD,
    BOLD_ITALIC,
    ITALIC,
    REGULAR,
    register_fonts,
    string_width,
)

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
    """The signing block: ``authority`` (``TM. ỦY BAN NHÂN DÂN``, ``KT. CHỦ TỊCH``, or empty
    when the holder signs in their own right), ``title`` (``CHỦ TỊCH``) and the signer's
    ``name``."""

    authority: str
    title: str
    name: str


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


_NORMAL = _HeaderSizes(caps=12, motto=13, line=13, title=14, gap=6 * mm)
_COMPACT = _HeaderSizes(caps=10, motto=11, line=11, title=13, gap=2 * mm)


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
        Paragraph(_lines(doc.number), _style("h-no", REGULAR, sizes.line))
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


def _closing(doc: OfficialDocument, width: float) -> Flowable:
    left: list[Flowable] = []
    if doc.recipients:
        left.append(Paragraph("Nơi nhận:", _style("noi-nhan", BOLD_ITALIC, 12, TA_LEFT)))
        line = _style("noi-nhan-line", REGULAR, 11, TA_LEFT)
        for r in doc.recipients:
            left.append(Paragraph("- " + _lines(nfc(r).lstrip("-–+ ")), line))
    right: list[Flowable] = []
    sig = doc.signature
    if sig is not None:
        caps = _style("sig-caps", BOLD, BODY_SIZE)
        for text in (sig.authority, sig.title):
            if text.strip():
                right.append(Paragraph(_lines(text.upper()), caps))
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
    )
    return KeepTogether([Spacer(1, 4 * mm), block])


# -- layout -----------------------------------------------------------------------------------


class _OfficialDocTemplate(BaseDocTemplate):
    """Two page templates on one frame: page 1 without a number, later pages numbered."""

    def __init__(self, target: Any, orientation: Orientation, **kw: Any) -> None:
        size = page_size(orientation)
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
                PageTemplate("first", [frame], pagesize=size, autoNextPageTemplate="later"),
                PageTemplate("later", [frame], pagesize=size, onPage=self._page_number),
            ]
        )

    def _page_number(self, canvas: Any, doc: Any) -> None:
        # Decree 30: Arabic numerals, centred in the top margin, none on the first page.
        canvas.saveState()
        canvas.setFont(REGULAR, PAGE_NUMBER_SIZE)
        y = self.pagesize[1] - MARGIN_TOP / 2 - PAGE_NUMBER_SIZE * 0.35
        canvas.drawCentredString(self.leftMargin + self.width / 2, y, str(canvas.getPageNumber()))
        canvas.restoreState()


def story(doc: OfficialDocument) -> list[Flowable]:
    """The flowables of ``doc`` in order: header, body, closing (for callers that combine)."""
    register_fonts()
    width = text_width(doc.orientation)
    out = _header(doc, width)
    out.extend(doc.body)
    if doc.recipients or doc.signature is not None:
        out.append(_closing(doc, width))
    return out


def render_pdf(doc: OfficialDocument, target: str | os.PathLike[str] | BinaryIO) -> int:
    """Write ``doc`` as a PDF to a path or a binary stream; return the number of pages.

    The same document may be rendered again (a preview, then the file to send).
    """
    register_fonts()
    for flowable in doc.body:
        # reportlab marks a flowable it pushed to the next page and refuses to push it twice;
        # a mark left over from an earlier render would fail this one.
        flowable.__dict__.pop("_postponed", None)
    if isinstance(target, os.PathLike):
        target = os.fspath(target)
    template = _OfficialDocTemplate(
        target,
        doc.orientation,
        title=nfc(" ".join(p for p in (doc.title, doc.subject) if p.strip())),
        author=nfc(doc.issuer.name.replace("\n", " ")),
        subject=nfc(doc.number),
        lang="vi",
    )
    template.build(story(doc))
    return template.page
