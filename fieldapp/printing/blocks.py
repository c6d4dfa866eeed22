"""Body building blocks for official printouts: paragraphs, headings, list items and tables.

Callers build a list of these flowables and hand it to
:class:`fieldapp.printing.official.OfficialDocument`. Every text is normalised to NFC on the
way in, so text typed or imported in decomposed form (NFD) prints and extracts the same as
precomposed text.

Tables are the hot path (door-to-door household lists, rosters run to hundreds of pages), so
:func:`table` keeps cells as plain strings wherever it can: a plain string is drawn with one
text operator and its height is known without layout, while a ``Paragraph`` per cell costs an
order of magnitude more. Long strings are wrapped by measuring them, not by making paragraphs.
"""

from __future__ import annotations

import bisect
import copy
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import repeat
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.rl_accel import fp_str
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import getFont, stringWidth
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer, Table
from reportlab.platypus.tables import _isLineCommand

from fieldapp.printing.fonts import BOLD, BOLD_ITALIC, FAMILY, ITALIC, REGULAR, register_fonts

BODY_SIZE = 13
"""Body text size in points (Decree 30: 13–14 pt)."""
BODY_LEADING = 16
FIRST_LINE_INDENT = 10 * mm
PARAGRAPH_SPACE = 6
"""Space between paragraphs in points (Decree 30: at least 6 pt)."""

TABLE_SIZE = 11
"""Table text size in points (Decree 30 allows smaller type in tables; 11–12 pt)."""
TABLE_LEADING = 13.2
CELL_PAD_X = 3
CELL_PAD_Y = 2.5
HEADER_SHADE = colors.Color(0.86, 0.86, 0.86)
GRID_WIDTH = 0.5

BODY_STYLE = ParagraphStyle(
    "official-body",
    fontName=FAMILY,
    fontSize=BODY_SIZE,
    leading=BODY_LEADING,
    alignment=TA_JUSTIFY,
    firstLineIndent=FIRST_LINE_INDENT,
    spaceAfter=PARAGRAPH_SPACE,
)
HEADING_STYLE = ParagraphStyle(
    "official-heading",
    parent=BODY_STYLE,
    fontName=BOLD,
    alignment=TA_LEFT,
    spaceBefore=PARAGRAPH_SPACE,
)
CELL_STYLE = ParagraphStyle(
    "official-cell",
    fontName=FAMILY,
    fontSize=TABLE_SIZE,
    leading=TABLE_LEADING,
    alignment=TA_LEFT,
)
CAPTION_STYLE = ParagraphStyle(
    "official-caption",
    parent=BODY_STYLE,
    fontName=BOLD,
    alignment=TA_CENTER,
    firstLineIndent=0,
)

Cell = str | int | float | Flowable | None
"""A table cell: a plain string (fast, wrapped by width), a number, ``None`` (empty) or any
flowable such as :func:`cell_markup` for the rare cell that needs bold or italics."""


class _KeepRoom(Paragraph):
    """A paragraph that moves to the next page unless ``room`` points fit under it.

    Headings and captions use it instead of reportlab's ``keepWithNext``, which wraps the
    heading and whatever follows in a ``KeepTogether``; when that is a long table the pair
    cannot fit anywhere and reportlab starts a new page, leaving most of the last one empty.
    """

    def __init__(self, text: str, style: ParagraphStyle, room: float) -> None:
        super().__init__(text, style)
        self._room = room

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        width, height = super().wrap(availWidth, availHeight)
        if height + self._room > availHeight:
            return width, availHeight + 1  # too tall here: the frame asks split(), below
        return width, height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        return []  # nothing here: the whole paragraph goes to the next page


def nfc(text: str) -> str:
    """``text`` in Unicode normal form C (precomposed Vietnamese letters)."""
    return unicodedata.normalize("NFC", text)


def _markup(text: str, markup: bool) -> str:
    text = nfc(text)
    return text if markup else escape(text)


def paragraph(text: str, *, markup: bool = False, indent: bool = True) -> Paragraph:
    """A justified body paragraph with a first-line indent.

    ``markup=True`` lets ``<b>``, ``<i>`` and the rest of reportlab's paragraph markup through;
    otherwise ``&`` and ``<`` print as themselves (names and addresses from the database).
    """
    register_fonts()
    style = BODY_STYLE if indent else _NO_INDENT_STYLE
    return Paragraph(_markup(text, markup), style)


_NO_INDENT_STYLE = ParagraphStyle("official-body-flush", parent=BODY_STYLE, firstLineIndent=0)


def heading(text: str, *, markup: bool = False) -> Paragraph:
    """A bold section heading (``I. TÌNH HÌNH CHUNG``, ``1. Công tác phong tỏa``); it starts
    a new page rather than end one with less than three lines of room under it."""
    register_fonts()
    return _KeepRoom(_markup(text, markup), HEADING_STYLE, 3 * BODY_LEADING)


def item(text: str, label: str = "-", *, markup: bool = False) -> Paragraph:
    """A list item as official documents write them: ``label`` then the text, first line
    indented, following lines flush left. ``label`` is ``"-"``, ``"+"``, ``"1."``, ``"a)"``..."""
    register_fonts()
    return Paragraph(_markup(f"{label} ", False) + _markup(text, markup), BODY_STYLE)


def numbered(items: Sequence[str], *, fmt: str = "{n}.", markup: bool = False) -> list[Paragraph]:
    """One :func:`item` per text, labelled by ``fmt`` (``"{n}."``, ``"{n})"``, ``"{a})"``)."""
    out = []
    for n, text in enumerate(items, start=1):
        label = fmt.format(n=n, a=chr(ord("a") + n - 1) if n <= 26 else n)
        out.append(item(text, label, markup=markup))
    return out


def caption(text: str, *, markup: bool = False, room_mm: float = 25) -> Paragraph:
    """A bold centred line over a table (``DANH SÁCH HỘ GIA ĐÌNH ...``); it starts a new page
    rather than end one with less than ``room_mm`` (the table's header and a few rows) under it."""
    register_fonts()
    return _KeepRoom(_markup(text, markup), CAPTION_STYLE, room_mm * mm)


def cell_markup(text: str) -> Paragraph:
    """A table cell with paragraph markup (``<b>``, ``<i>``); slower than a plain string."""
    register_fonts()
    return Paragraph(nfc(text), CELL_STYLE)


def spacer(height_mm: float) -> Spacer:
    """Vertical space of ``height_mm`` millimetres."""
    return Spacer(1, height_mm * mm)


def page_break() -> PageBreak:
    """Start a new page (later pages carry only the page number, not the header)."""
    return PageBreak()


def table(
    header: Sequence[Cell] | Sequence[Sequence[Cell]],
    rows: Sequence[Sequence[Cell]],
    *,
    col_widths_mm: Sequence[float] | None = None,
    col_fractions: Sequence[float] | None = None,
    align: Sequence[str] | None = None,
    font_size: float = TABLE_SIZE,
    leading: float | None = None,
    shade_header: bool = True,
    extra_style: Sequence[tuple[Any, ...]] = (),
    groups: Sequence[int] | None = None,
    spans: dict[int, tuple[int, int]] | None = None,
) -> DataTable:
    """A ruled table that splits across pages and repeats its header rows on each page.

    ``header`` is one row or a list of rows. Column widths come from ``col_widths_mm``
    (millimetres; scaled down if they exceed the text width) or ``col_fractions`` (relative
    weights, e.g. ``[1, 6, 2]``, spread over the text width); with neither the columns are
    equal. ``align`` gives ``"LEFT"``/``"CENTER"``/``"RIGHT"`` per column (header rows are
    always centred). ``rows`` hold plain strings where they can (the fast path; ``None`` prints
    empty, numbers print as ``str``); a cell needing bold or italics takes :func:`cell_markup`.

    ``extra_style`` is added to reportlab's ``TableStyle`` of every page's piece of the table,
    each piece being the header rows then that page's rows: use it for the header (spans of a
    two-level header), for whole columns and for whole-table settings. Commands that set cell
    properties (font, alignment, padding) apply to the header rows or to every body row alike.

    ``groups`` (the indexes of the rows that start a group, e.g. each household's head) keeps
    every group on one page: a page ends only before a group, unless one group alone is taller
    than a page. ``spans`` maps a body row's index to the first and last column of one cell
    that spans them (a household's line across the columns); the other cells of the span are
    left empty.
    """
    register_fonts()
    header_rows: list[Sequence[Cell]]
    if not header:
        header_rows = []
    elif isinstance(header[0], list | tuple):
        header_rows = list(header)  # type: ignore[arg-type]
    else:
        header_rows = [header]  # type: ignore[list-item]
    return DataTable(
        header_rows,
        rows,
        col_widths_mm=col_widths_mm,
        col_fractions=col_fractions,
        align=align,
        font_size=font_size,
        leading=leading if leading is not None else font_size * TABLE_LEADING / TABLE_SIZE,
        shade_header=shade_header,
        extra_style=extra_style,
        groups=groups,
        spans=spans,
    )


class _Widths:
    """Widths of text in one font, in thousandths of an em, cached by word.

    Measuring is most of the cost of preparing a long table; the cells of a household list
    repeat the same words (village names, statuses, common names) over and over.
    """

    _LIMIT = 100_000  # words kept before the cache starts afresh

    def __init__(self, font: str) -> None:
        register_fonts()
        face = getFont(font).face
        self._get = face.charWidths.get
        self._default = face.defaultWidth
        self._cache: dict[str, float] = {}
        self._lines: dict[str, float] = {}
        self.space = self.word(" ")

    def word(self, word: str) -> float:
        width = self._cache.get(word)
        if width is None:
            width = sum(map(self._get, map(ord, word), repeat(self._default)))
            if len(self._cache) > self._LIMIT:
                self._cache.clear()
            self._cache[word] = width
        return width

    def text(self, text: str) -> float:
        words = text.split(" ")
        return sum(map(self.word, words)) + self.space * (len(words) - 1)

    def line(self, text: str) -> float:
        """:meth:`text`, cached by the whole string: the cells of a long list repeat (dates,
        amounts, years, statuses), and a cell is measured once for its height and again to
        centre or right-align it."""
        width = self._lines.get(text)
        if width is None:
            if len(self._lines) > self._LIMIT:
                self._lines.clear()
            width = self._lines[text] = self.text(text)
        return width

    def wrap(self, text: str, limit: float) -> list[str]:
        """``text`` broken into lines no wider than ``limit`` (same units), at spaces, and
        inside a word only when the word alone is too wide (a long ID number)."""
        lines: list[str] = []
        line: list[str] = []
        used = 0.0
        for word in text.split(" "):
            w = self.word(word)
            if line and used + self.space + w <= limit:
                line.append(word)
                used += self.space + w
                continue
            if line:
                lines.append(" ".join(line))
            if w > limit:
                word, w = self._break(word, limit, lines)
            line, used = [word], w
        lines.append(" ".join(line))
        return lines

    def _break(self, word: str, limit: float, lines: list[str]) -> tuple[str, float]:
        start, used = 0, 0.0
        for i, ch in enumerate(word):
            cw = self._get(ord(ch), self._default)
            if used + cw > limit and i > start:
                lines.append(word[start:i])
                start, used = i, 0.0
            used += cw
        return word[start:], used


_PIECE_COMMANDS = frozenset(("BACKGROUND", "ROWBACKGROUNDS", "COLBACKGROUNDS", "SPAN", "NOSPLIT"))

_widths: dict[str, _Widths] = {}
_OUR_FACES = frozenset((REGULAR, BOLD, ITALIC, BOLD_ITALIC))


def _widths_of(font: str) -> _Widths:
    widths = _widths.get(font)
    if widths is None:
        widths = _widths[font] = _Widths(font)
    return widths


@dataclass
class _Laid:
    """A table's cells and geometry, worked out once for a given text width."""

    widths: list[float]
    head: list[list[Cell]]
    head_height: float
    head_heights: list[float]
    rows: list[list[Cell]]
    heights: list[float]
    ends: list[float]  # ends[i]: height of body rows [0, i)
    style: list[tuple[Any, ...]]  # what each page's piece applies: lines, backgrounds, spans
    head_styles: list[list[Any]]  # reportlab CellStyles of the header rows
    body_styles: list[Any]  # the CellStyles of a body row (the same for every row)
    direct: bool = False  # pieces drawn as a ruled grid of text, without a reportlab Table
    placed: list[dict[str, str]] | None = None  # per column: a string's x, formatted


class DataTable(Flowable):
    """A long table laid out once, then cut into one reportlab ``Table`` per page.

    Why not hand reportlab the whole table: each page split would rebuild the rest of the
    table and measure its rows again, which is quadratic in the rows. Here every cell is
    prepared once when the text width is known (so callers give widths as fractions without
    knowing the orientation): plain strings longer than their column are wrapped into lines,
    each row's height is computed, and a page is a slice found by bisection. Each piece
    repeats the header rows.
    """

    def __init__(
        self,
        header_rows: Sequence[Sequence[Cell]],
        rows: Sequence[Sequence[Cell]],
        *,
        col_widths_mm: Sequence[float] | None,
        col_fractions: Sequence[float] | None,
        align: Sequence[str] | None,
        font_size: float,
        leading: float,
        shade_header: bool,
        extra_style: Sequence[tuple[Any, ...]],
        groups: Sequence[int] | None = None,
        spans: dict[int, tuple[int, int]] | None = None,
    ) -> None:
        super().__init__()
        self._groups = sorted(set(groups)) if groups else []
        self._spans = dict(spans or {})
        self._span_rows = sorted(self._spans)
        self._header_rows = [list(r) for r in header_rows]
        self._source = rows
        self._ncols = max((len(r) for r in (*self._header_rows, *rows[:1])), default=0)
        if col_widths_mm is not None and col_fractions is not None:
            raise ValueError("give col_widths_mm or col_fractions, not both")
        for given in (col_widths_mm, col_fractions, align):
            if given is not None and len(given) != self._ncols:
                raise ValueError(f"expected {self._ncols} column values, got {len(given)}")
        self._widths_mm = col_widths_mm
        self._fractions = col_fractions
        self._align = [a.upper() for a in align] if align else None
        self._font_size = font_size
        self._leading = leading
        self._shade = shade_header
        self._extra_style = list(extra_style)
        self._laid: _Laid | None = None
        self._laid_for: float | None = None
        self._all_text = True  # every cell a plain string (set while preparing the rows)
        self._start = 0  # first body row of this (remaining) part

    # -- layout, once ---------------------------------------------------------------------

    def _col_widths(self, avail: float) -> list[float]:
        if self._widths_mm is not None:
            widths = [w * mm for w in self._widths_mm]
            total = sum(widths)
            if total > avail:  # never print past the right margin
                widths = [w * avail / total for w in widths]
            return widths
        weights = self._fractions or [1.0] * self._ncols
        total = float(sum(weights))
        return [avail * w / total for w in weights]

    def _prepare_rows(
        self,
        rows: Sequence[Sequence[Cell]],
        font: str,
        text_widths: list[float],
        spans: dict[int, tuple[int, int]] | None = None,
    ) -> tuple[list[list[Cell]], list[float]]:
        size, leading, ncols = self._font_size, self._leading, self._ncols
        pad_h = 2 * CELL_PAD_Y
        normalize = unicodedata.normalize
        measure = _widths_of(font)
        width_of = measure.line
        known = measure._lines.get  # the same strings again (dates, amounts): no method call
        plain_limits = [w * 1000 / size for w in text_widths]
        out: list[list[Cell]] = []
        heights: list[float] = []
        for r, row in enumerate(rows):
            limits = plain_limits
            if spans and r in spans:
                c0, c1 = spans[r]
                limits = list(plain_limits)
                limits[c0] = (sum(text_widths[c0 : c1 + 1]) + 2 * CELL_PAD_X * (c1 - c0)) * (
                    1000 / size
                )
            if len(row) > ncols:
                raise ValueError(f"row has {len(row)} cells, the table {ncols} columns")
            cells: list[Cell] = []
            text_h = leading
            for c, value in enumerate(row):
                if value is None or value == "":
                    cells.append("")
                    continue
                if type(value) is not str:
                    if isinstance(value, Flowable):
                        text_h = max(text_h, value.wrap(text_widths[c], 1e6)[1])
                        cells.append(value)
                        self._all_text = False
                        continue
                    value = str(value)
                value = normalize("NFC", value)
                width = known(value)
                if width is None:
                    width = width_of(value)
                if width > limits[c] or "\n" in value:
                    parts = []
                    for line in value.split("\n"):
                        parts.extend(measure.wrap(line, limits[c]))
                    value = "\n".join(parts)
                    text_h = max(text_h, len(parts) * leading)
                cells.append(value)
            if len(cells) < ncols:
                cells.extend([""] * (ncols - len(cells)))
            out.append(cells)
            heights.append(text_h + pad_h)
        return out, heights

    def _layout(self, avail: float) -> _Laid:
        if self._laid is not None and self._laid_for == avail:
            return self._laid
        register_fonts()
        widths = self._col_widths(avail)
        text_widths = [w - 2 * CELL_PAD_X for w in widths]
        self._all_text = True
        head, head_heights = self._prepare_rows(self._header_rows, BOLD, text_widths)
        rows, heights = self._prepare_rows(self._source, REGULAR, text_widths, self._spans)
        ends = [0.0]
        total = 0.0
        for h in heights:
            total += h
            ends.append(total)
        nhead = len(head)
        size, leading = self._font_size, self._leading
        style: list[tuple[Any, ...]] = [
            ("FONT", (0, 0), (-1, -1), REGULAR, size, leading),
            ("GRID", (0, 0), (-1, -1), GRID_WIDTH, colors.black),
            ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD_X),
            ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD_X),
            ("TOPPADDING", (0, 0), (-1, -1), CELL_PAD_Y),
            ("BOTTOMPADDING", (0, 0), (-1, -1), CELL_PAD_Y),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ]
        if self._align:
            for c, a in enumerate(self._align):
                style.append(("ALIGN", (c, nhead), (c, -1), a))
        if nhead:
            style += [
                ("FONT", (0, 0), (-1, nhead - 1), BOLD, size, leading),
                ("VALIGN", (0, 0), (-1, nhead - 1), "MIDDLE"),
                ("ALIGN", (0, 0), (-1, nhead - 1), "CENTER"),
            ]
            if self._shade:
                style.append(("BACKGROUND", (0, 0), (-1, nhead - 1), HEADER_SHADE))
        style.extend(self._extra_style)
        # Cell properties (font, alignment, padding) are the same in every body row: work them
        # out once on a table of the header and one row, and hand every page's piece the
        # finished cell styles; reportlab would otherwise apply each command to each cell of
        # each page again. Lines, backgrounds and spans stay commands of the pieces.
        cell_cmds = [c for c in style if c[0] not in _PIECE_COMMANDS and not _isLineCommand(c)]
        piece_cmds = [c for c in style if c[0] in _PIECE_COMMANDS or _isLineCommand(c)]
        probe = Table(head + rows[:1] if rows else head, style=cell_cmds) if head or rows else None
        head_styles = probe._cellStyles[:nhead] if probe is not None else []
        body_styles = probe._cellStyles[nhead] if probe is not None and rows else []
        # The common list (plain text, the standard rules and shading) is drawn straight onto
        # the page; anything styled further goes through reportlab's Table.
        direct = (
            self._all_text
            and not self._extra_style
            and all(a in ("LEFT", "CENTER", "CENTRE", "RIGHT") for a in self._align or ())
            and all(getFont(f)._dynamicFont for f in (REGULAR, BOLD))
        )
        self._laid = _Laid(
            widths, head, sum(head_heights), head_heights, rows, heights, ends, piece_cmds,
            head_styles, body_styles, direct,
        )  # fmt: skip
        self._laid_for = avail
        return self._laid

    def _piece(self, laid: _Laid, start: int, stop: int) -> Flowable:
        if laid.direct:
            return _GridPiece(self, laid, start, stop)
        return self._page_table(laid, start, stop)

    def _page_table(self, laid: _Laid, start: int, stop: int) -> _PageTable:
        return _PageTable(
            laid.head + laid.rows[start:stop],
            colWidths=laid.widths,
            rowHeights=laid.head_heights + laid.heights[start:stop],
            style=self._piece_style(laid, start, stop),
            cellStyles=laid.head_styles + [laid.body_styles] * (stop - start),
            hAlign="LEFT",
            spaceAfter=PARAGRAPH_SPACE,
        )

    def _piece_style(self, laid: _Laid, start: int, stop: int) -> list[tuple[Any, ...]]:
        if not self._spans:
            return laid.style
        nhead = len(laid.head)
        keys = self._span_rows
        extra = []
        for r in keys[bisect.bisect_left(keys, start) : bisect.bisect_left(keys, stop)]:
            c0, c1 = self._spans[r]
            extra.append(("SPAN", (c0, nhead + r - start), (c1, nhead + r - start)))
        return laid.style + extra if extra else laid.style

    def _rest(self, start: int) -> DataTable:
        rest = copy.copy(self)  # shares the layout
        # reportlab marks a flowable it had to push to the next page; the rest is a new one.
        rest.__dict__.pop("_postponed", None)
        rest._start = start
        return rest

    # -- the Flowable protocol ------------------------------------------------------------

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        laid = self._layout(availWidth)
        self.width = sum(laid.widths)
        self.height = laid.head_height + laid.ends[-1] - laid.ends[self._start]
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        laid = self._layout(availWidth)
        budget = availHeight - laid.head_height + laid.ends[self._start] + 1e-6
        stop = min(bisect.bisect_right(laid.ends, budget) - 1, len(laid.rows))
        if stop <= self._start:
            return []  # not even one row fits: all of it to the next page
        if self._groups and stop < len(laid.rows):
            # End the page before the group (household) that does not fit whole.
            g = bisect.bisect_right(self._groups, stop) - 1
            at = self._groups[g] if g >= 0 else 0
            if at > self._start:
                stop = at
            elif at == self._start and not getattr(self, "_postponed", False):
                return []  # the group starts here: all of it to the next page
            # else: one group taller than a whole page; it is cut between its rows
        if stop == len(laid.rows):
            return [self._piece(laid, self._start, stop)]
        return [self._piece(laid, self._start, stop), self._rest(stop)]

    def split_before_last(self, rows: int) -> tuple[Flowable, DataTable] | None:
        """This (remaining) table cut so that its last ``rows`` rows start a new part: for a
        signing block that must not stand alone on a page. None when nothing would be left
        in the first part. Call after :meth:`wrap`."""
        laid = self._laid
        assert laid is not None, "wrap() before split_before_last()"
        stop = len(laid.rows) - rows
        if self._groups and self._groups[-1] > self._start:
            stop = self._groups[-1]  # the last group (household) goes whole
        if stop <= self._start:
            return None
        return self._piece(laid, self._start, stop), self._rest(stop)

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:
        assert self._laid is not None, "wrap() before drawOn()"
        piece = self._piece(self._laid, self._start, len(self._laid.rows))
        piece.wrapOn(canvas, self.width, self.height)
        piece.drawOn(canvas, x, y, _sW)

    def getSpaceBefore(self) -> float:
        return 0

    def getSpaceAfter(self) -> float:
        return PARAGRAPH_SPACE


class _GridPiece(Flowable):
    """One page's piece of a plain :class:`DataTable` drawn directly: the header's shading,
    the grid as one path and every string in one text object, each row at the height worked
    out once for the whole table. What reportlab's ``Table`` would draw for the same cells
    (top-aligned body, centred header in bold, the columns' alignment, spans), at a fraction
    of the cost: a 6,000-page support list spends most of its time here."""

    def __init__(self, table: DataTable, laid: _Laid, start: int, stop: int) -> None:
        super().__init__()
        self._table, self._laid, self._start, self._stop = table, laid, start, stop
        self.width = sum(laid.widths)
        self.height = laid.head_height + laid.ends[stop] - laid.ends[start]
        self.hAlign = "LEFT"
        self.spaceAfter = PARAGRAPH_SPACE

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canv = self.canv
        laid, table = self._laid, self._table
        if not canv.bottomup:
            piece = table._page_table(laid, self._start, self._stop)
            piece.wrapOn(canv, self.width, self.height)
            piece.drawOn(canv, 0, 0)
            return
        canv.translate(0, self.height)  # y from the piece's top (header the same on each page)
        widths = laid.widths
        lefts = [0.0]
        for w in widths:
            lefts.append(lefts[-1] + w)
        nhead = len(laid.head)
        tops = [0.0]
        for h in laid.head_heights:
            tops.append(tops[-1] - h)
        base = -laid.head_height + laid.ends[self._start]
        ends = laid.ends
        tops.extend(base - ends[i] for i in range(self._start + 1, self._stop + 1))
        spans = {
            r - self._start: table._spans[r]
            for r in table._span_rows[
                bisect.bisect_left(table._span_rows, self._start) : bisect.bisect_left(
                    table._span_rows, self._stop
                )
            ]
        }
        if nhead and table._shade:  # (raw operators: drawOn saved the graphics state)
            shade = fp_str(HEADER_SHADE.red, HEADER_SHADE.green, HEADER_SHADE.blue)
            canv._code.append(f"{shade} rg 0 {fp_str(tops[nhead])} {fp_str(self.width)} "
                              f"{fp_str(-tops[nhead])} re f")  # fmt: skip
        self._draw_grid(lefts, tops, nhead, spans)
        self._draw_text(lefts, tops, nhead, spans)

    def _draw_grid(
        self, lefts: list[float], tops: list[float], nhead: int, spans: dict[int, tuple[int, int]]
    ) -> None:
        canv = self.canv
        right = fp_str(self.width)
        ys = [fp_str(y) for y in tops]
        ops = [f"{fp_str(GRID_WIDTH)} w 0 0 0 RG"]
        ops += [f"0 {y} m {right} {y} l" for y in ys]
        bottom = ys[-1]
        for k, x in enumerate(lefts):
            xs = fp_str(x)
            y = ys[0]
            for r, (c0, c1) in sorted(spans.items()):
                if c0 < k <= c1:  # this rule runs inside a spanning cell: a gap in it
                    if ys[nhead + r] != y:
                        ops.append(f"{xs} {y} m {xs} {ys[nhead + r]} l")
                    y = ys[nhead + r + 1]
            if y != bottom:
                ops.append(f"{xs} {y} m {xs} {bottom} l")
        ops.append("S")
        canv._code.append(" ".join(ops))

    def _draw_text(
        self, lefts: list[float], tops: list[float], nhead: int, spans: dict[int, tuple[int, int]]
    ) -> None:
        canv = self.canv
        laid, table = self._laid, self._table
        size, leading = table._font_size, table._leading
        code: list[str] = ["BT 0 0 0 rg"]
        doc = canv._doc
        # The same strings come back on every page (relations, dates, amounts): their encoding
        # in this PDF's font subsets, their place in the column and the operators that draw
        # them are worked out once per document.
        store = doc.__dict__.setdefault("_fieldapp_grid", {})
        regular = store.get((REGULAR, size))
        if regular is None:
            regular = store[(REGULAR, size)] = _Encoder(REGULAR, size, doc, canv._escape)
        head_ops = store.get((id(laid), "head"))
        if head_ops is None or head_ops[0] is not laid:
            bold = store.get((BOLD, size))
            if bold is None:
                bold = store[(BOLD, size)] = _Encoder(BOLD, size, doc, canv._escape)
            head_code: list[str] = []
            font = self._header_text(head_code, bold, lefts, tops)
            head_ops = store[(id(laid), "head")] = (laid, " ".join(head_code), font)
        code.append(head_ops[1])
        font = head_ops[2]
        ncols = len(laid.widths)
        align = table._align or ["LEFT"] * ncols
        pad_x, pad_y = CELL_PAD_X, CELL_PAD_Y
        xs_left = [fp_str(x + pad_x) for x in lefts]
        # Where a centred or right-aligned string goes in its column, per column of this table.
        placed = laid.placed or [{} for _ in range(ncols)]
        laid.placed = placed
        parts_of = regular.parts
        rows = laid.rows
        append = code.append

        def lines_of(value: str, how: str, left: float, right: float, y: float, font: Any) -> Any:
            for line in value.split("\n"):
                if line:
                    x = regular.x(line, how, left, right)
                    font = regular.put(append, line, f"{fp_str(x)} {fp_str(y)}", font)
                y -= leading
            return font

        for r in range(self._stop - self._start):
            row = rows[self._start + r]
            y = tops[nhead + r] - pad_y - size
            span = spans.get(r)
            if span is not None:  # a cell across columns (a household's line): placed here
                c0, c1 = span
                for c, value in enumerate(row):
                    if value and not c0 < c <= c1:
                        end = c1 + 1 if c == c0 else c + 1
                        font = lines_of(value, align[c], lefts[c] + pad_x, lefts[end] - pad_x,
                                        y, font)  # fmt: skip
                continue
            ys = fp_str(y)
            for c, value in enumerate(row):
                if not value:
                    continue
                how = align[c]
                if "\n" in value:
                    font = lines_of(value, how, lefts[c] + pad_x, lefts[c + 1] - pad_x, y, font)
                    continue
                if how == "LEFT":
                    xs = xs_left[c]
                else:
                    xs = placed[c].get(value)
                    if xs is None:
                        x = regular.x(value, how, lefts[c] + pad_x, lefts[c + 1] - pad_x)
                        xs = placed[c][value] = fp_str(x)
                parts = parts_of.get(value)
                if parts is not None and len(parts) == 1 and parts[0][0] == font:
                    append(f"1 0 0 1 {xs} {ys} Tm {parts[0][2]}")
                else:
                    font = regular.put(append, value, f"{xs} {ys}", font)
        append("ET")
        canv._code.append(" ".join(code))

    def _header_text(
        self, code: list[str], bold: _Encoder, lefts: list[float], tops: list[float]
    ) -> Any:
        """The header rows' text operators (bold, centred, in the middle of the row)."""
        size, leading = self._table._font_size, self._table._leading
        font = None
        for r, row in enumerate(self._laid.head):
            top, bottom = tops[r], tops[r + 1]
            for c, value in enumerate(row):
                if not value:
                    continue
                lines = value.split("\n")
                y = bottom + ((top - bottom) + len(lines) * leading) / 2 - size
                left, right = lefts[c] + CELL_PAD_X, lefts[c + 1] - CELL_PAD_X
                for line in lines:
                    if line:
                        x = bold.x(line, "CENTER", left, right)
                        font = bold.put(code.append, line, f"{fp_str(x)} {fp_str(y)}", font)
                    y -= leading
        return font


class _Encoder:
    """Strings of one font and size as PDF text operators in one document's font subsets."""

    def __init__(self, font: str, size: float, doc: Any, escape_pdf: Any) -> None:
        self._font, self._size, self._doc, self._escape = font, size, doc, escape_pdf
        self._face = getFont(font)
        self._width = _widths_of(font).line
        self.parts: dict[str, list[tuple[Any, str, str]]] = {}  # string: (font key, Tf, Tj)
        self._words: dict[str, list[tuple[int, bytes]]] = {}
        self._selects: dict[int, str] = {}

    def _select(self, subset: int) -> str:
        tf = self._selects.get(subset)
        if tf is None:
            name = self._face.getSubsetInternalName(subset, self._doc)
            tf = self._selects[subset] = f"{name} {fp_str(self._size)} Tf"
        return tf

    def _split(self, line: str) -> list[tuple[int, bytes]]:
        """What the font's ``splitString`` gives for ``line`` (its bytes in each subset), put
        together from the words: a character's code never changes once given, and the words
        (family names, villages, "Hộ", "số") repeat where whole lines do not."""
        words = self._words
        split = self._face.splitString
        space = words.get(" ")
        if space is None:
            space = words[" "] = split(" ", self._doc)
        out: list[tuple[int, bytes]] = []
        buf: list[bytes] = []
        now = -1
        for n, word in enumerate(line.split(" ")):
            pieces = words.get(word)
            if pieces is None:
                pieces = words[word] = split(word, self._doc) if word else []
            for subset, chunk in (*space, *pieces) if n else pieces:
                if subset != now:
                    if buf:
                        out.append((now, b"".join(buf)))
                        buf = []
                    now = subset
                buf.append(chunk)
        if buf:
            out.append((now, b"".join(buf)))
        return out

    def x(self, line: str, how: str, left: float, right: float) -> float:
        if how == "LEFT":
            return left
        w = self._width(line) * self._size / 1000
        return right - w if how == "RIGHT" else (left + right - w) / 2

    def put(self, append: Any, line: str, at: str, font: Any) -> Any:
        """Append the operators drawing ``line`` at ``at`` ("x y"); return the font then set."""
        parts = self.parts.get(line)
        if parts is None:
            parts = self.parts[line] = [
                ((self._font, subset), self._select(subset), f"({self._escape(chunk)}) Tj")
                for subset, chunk in self._split(line)
            ]
        append(f"1 0 0 1 {at} Tm")
        for key, tf, tj in parts:
            if key != font:
                font = key
                append(tf)
            append(tj)
        return font


class _PageTable(Table):
    """One page's piece of a :class:`DataTable`, drawing its plain-string cells in one go.

    reportlab opens a text object per string cell; collecting the strings and writing them in
    a single text object at the end of the table halves the time a long list takes to draw.
    """

    def draw(self) -> None:
        self._texts: list[tuple[str, float, Any, float, float, str]] = []
        super().draw()
        if not self._texts:
            return
        canv = self.canv
        text = canv.beginText()
        if not canv.bottomup or not all(
            getFont(f)._dynamicFont for f in {t[0] for t in self._texts}
        ):
            self._draw_texts_slowly(text)
        else:
            # The operators textOut would write, without its width measuring and cursor
            # bookkeeping (a cell's string is placed by its own origin): a third of the time
            # of a long list.
            code, doc, escape = text._code, canv._doc, canv._escape
            cache = doc.__dict__.setdefault("_fieldapp_strings", {})
            current = color = None
            for fontname, size, fill, x, y, line in self._texts:
                if fill != color:
                    color = fill
                    text.setFillColor(fill)
                code.append(f"1 0 0 1 {fp_str(x, y)} Tm")
                # The same strings come back on every page (relations, years, statuses): their
                # encoding in this PDF's font subsets is worked out once per document.
                key = (fontname, line)
                parts = cache.get(key)
                if parts is None:
                    font = getFont(fontname)
                    parts = cache[key] = [
                        (subset, font.getSubsetInternalName(subset, doc), escape(chunk))
                        for subset, chunk in font.splitString(line, doc)
                    ]
                for subset, name, chunk in parts:
                    if (fontname, size, subset) != current:
                        current = (fontname, size, subset)
                        code.append(f"{name} {fp_str(size)} Tf")
                    code.append(f"({chunk}) Tj")
        canv.drawText(text)

    def _draw_texts_slowly(self, text: Any) -> None:
        font = color = None
        for fontname, size, fill, x, y, line in self._texts:
            if font != (fontname, size):
                font = (fontname, size)
                text.setFont(fontname, size)
            if fill != color:
                color = fill
                text.setFillColor(fill)
            text.setTextOrigin(x, y)
            text.textOut(line)

    def _drawCell(self, cellval: Any, cellstyle: Any, pos: Any, size: Any) -> None:
        if cellval == "":
            return  # the blank columns of a list (notes, signature): nothing to draw
        just = cellstyle.alignment
        if (
            not isinstance(cellval, str)
            or just not in ("LEFT", "CENTER", "CENTRE", "RIGHT")
            or cellstyle.href
            or cellstyle.destination
            or cellstyle.direction
            or cellstyle.shaping
        ):
            super()._drawCell(cellval, cellstyle, pos, size)
            return
        colpos, rowpos = pos
        colwidth, rowheight = size
        lines = cellval.split("\n")
        leading = cellstyle.leading
        fontname, fontsize = cellstyle.fontname, cellstyle.fontsize
        valign = cellstyle.valign
        if valign == "TOP":
            y = rowpos + rowheight - cellstyle.topPadding - fontsize
        elif valign == "BOTTOM":
            y = rowpos + cellstyle.bottomPadding + len(lines) * leading - fontsize
        else:
            middle = cellstyle.bottomPadding + rowheight - cellstyle.topPadding
            y = rowpos + (middle + len(lines) * leading) / 2 - fontsize
        fill = cellstyle.color
        left = colpos + cellstyle.leftPadding
        right = colpos + colwidth - cellstyle.rightPadding
        for line in lines:
            if line:
                if just == "LEFT":
                    x = left
                else:
                    if fontname in _OUR_FACES:
                        w = _widths_of(fontname).text(line) * fontsize / 1000
                    else:  # a font set through extra_style
                        w = stringWidth(line, fontname, fontsize)
                    x = right - w if just == "RIGHT" else (left + right - w) / 2
                self._texts.append((fontname, fontsize, fill, x, y, line))
            y -= leading
