"""Where the text of a directive sits on its page: the zones a reader sees.

A state or party document (Decree 30/2020) has a header table (left: issuing body, number,
"V/v" subject; right: national or party title, place and date), marks above it ("KHẨN"), the
body, and a bottom table (left: "Nơi nhận", right: the signing block). Flattening those
tables into one stream of text interleaves the columns ("Về công tác phòng, chống" /
"Bắc Kạn, ngày ..." / "dịch Covid-19"), so the readers keep them apart:

- Word files give the zones directly (:func:`fieldapp.directives.extract` reads the tables);
- PDFs and OCR give positioned :class:`Segment` s, and :func:`layout_from_pages` puts each in
  its zone by where it sits on the page.

:meth:`Layout.to_text` writes the zones in the order the parser reads (each cell's lines
together, a blank line between zones), the same shape as a hand-made ``.txt``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from fieldapp.text.vietnamese import fold

__all__ = ["Layout", "Segment", "layout_from_pages"]


@dataclass
class Segment:
    """A run of text on one line of a page, in pixels or points from the top left."""

    x0: float
    y0: float
    x1: float
    y1: float
    text: str
    confidence: float | None = None

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.y0 + self.y1) / 2

    @property
    def height(self) -> float:
        return max(1.0, self.y1 - self.y0)


@dataclass
class Layout:
    """The zones of a directive, each a list of lines (a cell's paragraphs in order)."""

    above: list[str] = field(default_factory=list)
    header_left: list[str] = field(default_factory=list)
    header_right: list[str] = field(default_factory=list)
    body: list[str] = field(default_factory=list)
    footer_left: list[str] = field(default_factory=list)
    footer_right: list[str] = field(default_factory=list)
    # The old font encoding its text was typed in and converted from ("tcvn3", "vni"; "").
    legacy_encoding: str = ""
    # Lines read by OCR and their confidence (0-100), to flag the fields read from them.
    line_confidence: list[tuple[str, float]] = field(default_factory=list)

    def zones(self) -> tuple[list[str], ...]:
        """The zones in reading order: above, header left and right, body, footer left and
        right."""
        return (
            self.above,
            self.header_left,
            self.header_right,
            self.body,
            self.footer_left,
            self.footer_right,
        )

    def to_text(self) -> str:
        zones = self.zones()
        # A cell line with no letter or digit ("*", a rule, OCR's "+" for the star) says nothing.
        # Above the number line the header holds only the issuing body, in capitals; anything
        # else there is OCR's reading of the star or the rule under it ("hở", "ng go,").
        keep = [[x for x in z if _has_word(x)] for z in zones]
        for k in (1, 2):
            numbered = next((j for j, x in enumerate(keep[k]) if fold(x).startswith("so")), None)
            if numbered is not None:
                keep[k] = [x for j, x in enumerate(keep[k]) if j >= numbered or _capitals(x)]
        parts = ["\n".join(z).strip("\n") for z in keep]
        return "\n\n".join(p for p in parts if p.strip()) + "\n"


def _capitals(line: str) -> bool:
    letters = [ch for ch in line if ch.isalpha()]
    return len(letters) > 3 and sum(ch.isupper() for ch in letters) >= 0.8 * len(letters)


def _has_word(line: str) -> bool:
    return any(ch.isalnum() for ch in line)


_TITLE_RE = re.compile(
    r"^(?:cong van|cong dien|chi thi|ke hoach|quyet dinh|thong bao|nghi quyet|kich ban)\b"
)
_BODY_START_RE = re.compile(r"^(?:[-–•]\s*)?kinh gui\b|^(?:\d{1,2}|[ivx]{1,4})\s*[.)-]\s")
_NOI_NHAN_RE = re.compile(r"^noi nhan\b")


def _lines(segments: list[Segment]) -> list[list[Segment]]:
    """Group segments into visual lines (overlapping vertically), top to bottom."""
    lines: list[list[Segment]] = []
    for seg in sorted(segments, key=lambda s: (s.cy, s.x0)):
        if lines:
            last = lines[-1]
            cy = sum(s.cy for s in last) / len(last)
            h = max(s.height for s in last)
            if abs(seg.cy - cy) < 0.55 * max(h, seg.height):
                last.append(seg)
                continue
        lines.append([seg])
    return [sorted(line, key=lambda s: s.x0) for line in lines]


def layout_from_pages(pages: list[tuple[float, float, list[Segment]]]) -> Layout:
    """Zones from positioned segments: ``pages`` holds (width, height, segments) per page."""
    layout = Layout()
    all_lines: list[tuple[int, float, list[Segment]]] = []
    for n, (width, _height, segments) in enumerate(pages):
        for line in _lines(segments):
            all_lines.append((n, width, line))
            for seg in line:
                if seg.confidence is not None:
                    layout.line_confidence.append((seg.text, seg.confidence))
    if not all_lines:
        return layout

    # Text extent of the first page: the columns split around the middle of the text block.
    _, first_width, _ = all_lines[0]
    first = [seg for n, _w, line in all_lines if n == 0 for seg in line]
    left_edge = min(s.x0 for s in first)
    right_edge = max(s.x1 for s in first)
    text_width = max(1.0, right_edge - left_edge)
    mid = (left_edge + right_edge) / 2
    page_height = pages[0][1]

    # Header: the top lines of page 1, each piece in one of the two cells; it ends at a wide
    # line, a centred title, "Kính gửi" or the first numbered item.
    i = 0
    while i < len(all_lines):
        n, _w, line = all_lines[i]
        text = fold(" ".join(s.text for s in line)).strip(" *-")
        if len(line) == 1 and _marks_only(text):
            layout.above.append(line[0].text)
            i += 1
            continue
        centred = len(line) == 1 and abs(line[0].cx - mid) < 0.08 * text_width
        if (
            n != 0
            or line[0].y0 > 0.45 * page_height
            or any(s.x1 - s.x0 > 0.62 * text_width for s in line)
            or centred
            or _BODY_START_RE.match(text)
            or _TITLE_RE.match(text)
        ):
            break
        for seg in line:
            (layout.header_left if seg.cx < mid else layout.header_right).append(seg.text)
        i += 1
    if not layout.header_right:
        # No two-column header: keep the lines in reading order as body.
        layout.body.extend(layout.header_left)
        layout.header_left = []

    # Footer: from the "Nơi nhận" line (or the signing block beside it) to the end.
    footer_at = None
    for j in range(len(all_lines) - 1, i - 1, -1):
        _n, _w, line = all_lines[j]
        if _NOI_NHAN_RE.match(fold(line[0].text)):
            footer_at = j
            break
    end = footer_at if footer_at is not None else len(all_lines)
    layout.body.extend(_paragraphs([line for _n, _w, line in all_lines[i:end]], text_width))
    if footer_at is not None:
        fmid = mid
        for _n, _w, line in all_lines[footer_at:]:
            for seg in line:
                (layout.footer_left if seg.cx < fmid else layout.footer_right).append(seg.text)
    return layout


_LABEL_RE = re.compile(r"^(?:[-–+•*]|\d{1,2}(?:\.\d{1,2})*\s*[.)-]|[a-zđ]\s*\)|[IVX]{1,5}\s*[.)-])")


def _paragraphs(lines: list[list[Segment]], text_width: float) -> list[str]:
    """Join wrapped visual lines back into paragraphs: a new one starts at an indent, at a
    label ("1.", "a)", "-", "II.") or after a line that stops well short of the margin."""
    if not lines:
        return []
    # Page by page the margins may shift (a scan), so compare with the neighbourhood.
    starts = sorted(line[0].x0 for line in lines)
    left = starts[len(starts) // 5] if len(starts) >= 5 else starts[0]
    right = sorted(line[-1].x1 for line in lines)[int(len(lines) * 0.8)]
    out: list[str] = []
    prev_end: float | None = None
    for line in lines:
        text = " ".join(s.text for s in line).strip()
        if not text:
            continue
        indent = line[0].x0 - left > 0.025 * text_width
        short_before = prev_end is not None and right - prev_end > 0.12 * text_width
        if not out or indent or short_before or _LABEL_RE.match(text):
            out.append(text)
        else:
            out[-1] += " " + text
        prev_end = line[-1].x1
    return out


_MARKS_RE = re.compile(r"^(?:(?:hoa toc|thuong khan|khan|tuyet mat|toi mat|mat|do)[\s:,→>.-]*)+$")


def _marks_only(folded: str) -> bool:
    return bool(_MARKS_RE.match(folded.strip(" →>-")))
