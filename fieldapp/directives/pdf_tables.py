"""The tables of a PDF printed from a spreadsheet or a Word file: a household list a village
sends as PDF (Excel's or Word's "save as PDF", LibreOffice's export, a phone's print).

Such a PDF keeps the list's text and draws each cell's borders as lines. The lines give the
grid: the rows and columns of each table, a cell merged across columns where a border is
missing inside it ("Năm sinh" over "Nam" and "Nữ"), or down rows ("TT" over two heading
rows). Each cell's text is what pdfium finds inside its box, lines joined. The text above a
table is its title (where the village's name is). A table that goes on at the top of the next
page with the same columns is the same list, continued.

Refused in plain words, nothing read: a scan (no text: ask for the Excel or Word file), a
list with no cell borders (columns cannot be told apart safely), a damaged, locked or
oversized file. The result has the shape of :func:`extract.document_tables`.
"""

from __future__ import annotations

import bisect
import ctypes
import re
import unicodedata

from fieldapp.errors import UserError

MAX_PAGES = 300  # a household list of a whole commune is some tens of pages
MAX_PATHS_PER_PAGE = 50_000  # drawn objects on one page: more is not a printed list
MAX_SEGMENTS_PER_PATH = 20_000
MAX_LINES_PER_PAGE = 8_000  # border lines once merged: a table of 2,000 rows is not a page
MAX_CELLS_PER_PAGE = 40_000
MAX_CHARS_PER_PAGE = 200_000
TITLE_LINES = 6  # as extract.TABLE_TITLE_LINES
TOLERANCE = 2.0  # points: two borders this close are one (a double or thick border)
MIN_LINE = 2.0  # points: a shorter stroke is a dot or a tick, not a border

_PAGE_NUMBER = re.compile(r"^(trang\s*)?[-–(]?\s*\d{1,3}\s*[-–)]?(\s*/\s*\d{1,3})?$", re.I)

Table = tuple[list[str], list[list[str]]]


def pdf_tables(data: bytes, name: str) -> list[Table]:
    """Each table of the PDF ``data``: (its title lines, its rows of cell texts), a merged
    cell's text in its first column and empty texts for the columns and rows it covers."""
    import pypdfium2 as pdfium

    from fieldapp.directives.extract import mapped_to_letters, open_pdf

    pdf = open_pdf(data, name)
    try:
        pages = len(pdf)
        if pages == 0:
            raise UserError(f"Tệp PDF {name} không có trang nào.")
        if pages > MAX_PAGES:
            raise UserError(
                f"Tệp PDF {name} có {pages} trang, quá dài cho một danh sách (tối đa {MAX_PAGES})."
            )
        pieces = _Pieces()
        text_pages = 0
        for index in range(pages):
            page = pdf[index]
            try:
                text_pages += pieces.read_page(page, name, index)
            finally:
                page.close()
        tables = pieces.tables
    except UserError:
        raise
    except (pdfium.PdfiumError, ValueError, OSError, MemoryError):
        raise UserError(f"Tệp PDF {name} bị hỏng hoặc không đọc được.") from None
    finally:
        pdf.close()
    if not text_pages:
        raise UserError(
            f"Tệp PDF {name} là bản quét (ảnh), không có chữ để đọc danh sách. Hãy xin thôn "
            "tệp Excel hoặc Word của danh sách."
        )
    if not tables:
        raise UserError(
            f"Tệp PDF {name} không có bảng kẻ ô: không tách được các cột của danh sách. Hãy xin "
            "thôn tệp Excel hoặc Word của danh sách."
        )
    if not mapped_to_letters(" ".join(cell for _, rows in tables for row in rows for cell in row)):
        raise UserError(
            f"Chữ trong tệp PDF {name} không đọc được (phông chữ không có bảng mã Unicode): tên "
            "người sẽ sai. Hãy xin thôn tệp Excel hoặc Word của danh sách."
        )
    return tables


class _Pieces:
    """The tables read so far, and where each page's grid went (for the pages after it)."""

    def __init__(self) -> None:
        self.tables: list[Table] = []
        # each grid read: (its table, its first row there, its row borders, its columns)
        self.chunks: list[tuple[int, int, list[float], list[float]]] = []
        self.columns: list[float] | None = None  # the last table's, if it ran to the page's foot

    def read_page(self, page, name: str, index: int) -> bool:
        """Read one page's tables; False if the page has no text at all (a scan)."""
        import pypdfium2.raw as pdfium_c

        width, height = page.get_size()
        textpage = page.get_textpage()
        try:
            if pdfium_c.FPDFText_CountChars(textpage.raw) <= 0:
                self.columns = None
                return False
            grids = _grids(*_borders(page, name, index))
            if not grids:
                self.columns = None
                return True
            chars = _page_chars(textpage)
            above = height  # PDF space: y grows upwards
            for number, grid in enumerate(grids):
                title = _lines(textpage, 0, above, width, grid.rows[0])
                rows = _cells(chars, grid)
                above = grid.rows[-1]
                if self._beside(grid, rows):
                    continue
                columns = self.columns
                if (
                    number == 0
                    and columns
                    and _same_columns(columns, grid.cols)
                    and (_goes_on(title, rows))
                ):
                    table = len(self.tables) - 1  # the list goes on from the last page
                else:
                    self.tables.append((title[-TITLE_LINES:], []))
                    table = len(self.tables) - 1
                self.chunks.append((table, len(self.tables[table][1]), grid.rows, grid.cols))
                self.tables[table][1].extend(rows)
            below = _lines(textpage, 0, above, width, 0)
            runs_on = not [t for t in below if not _PAGE_NUMBER.match(t)]
            self.columns = grids[-1].cols if runs_on else None
            return True
        finally:
            textpage.close()

    def _beside(self, grid: _Grid, rows: list[list[str]]) -> bool:
        """A sheet too wide for the paper prints its other columns on later pages, the same
        rows at the same heights: such a grid's cells go on the right of the rows it shares
        with an earlier grid of other columns (never a grid with its own name column)."""
        if _names_heading(rows):
            return False
        width = len(grid.cols) - 1
        for table, first, rows_y, cols_x in reversed(self.chunks):
            if _same_columns(cols_x, grid.cols):
                continue
            # each border of this grid is one of that grid's (one it lacks: a cell merged
            # down over two of its rows, as a heading over "Nam" and "Nữ")
            at = _matches(grid.rows, rows_y)
            if at is None or at[0] != 0 or at[-1] != len(rows_y) - 1:
                continue
            target = self.tables[table][1]
            for band, row in enumerate(rows):
                target[first + at[band]].extend(row)
                for covered in range(at[band] + 1, at[band + 1]):
                    target[first + covered].extend([""] * width)
            return True
        return False


_PLACE = re.compile(r"\b(thon|ban|xom|to|khu|ap|lang|buon|pum|soc|phum)\b")


def _goes_on(title: list[str], rows: list[list[str]]) -> bool:
    """Does a table at the top of a page, with the columns of the table that ran to the foot
    of the last one, carry on that list? Yes with nothing above it but a page number; yes
    under a running title ("Danh sách ... (tiếp theo)") if it has no heading of its own and
    the title names no village (that would be the next village's list)."""
    from fieldapp.text.vietnamese import fold

    words = [t for t in title if not _PAGE_NUMBER.match(t)]
    if not words:
        return True
    return not _names_heading(rows) and not _PLACE.search(fold(" ".join(words)))


def _matches(ys: list[float], among: list[float]) -> list[int] | None:
    """Where each of ``ys`` (both top to bottom) is in ``among``, or None if one is not."""
    out: list[int] = []
    j = 0
    for y in ys:
        while j < len(among) and among[j] - y > TOLERANCE:
            j += 1
        if j == len(among) or abs(among[j] - y) > TOLERANCE:
            return None
        out.append(j)
    return out


_NAMES = re.compile(r"\bho\b.{0,6}\bten\b")


def _names_heading(rows: list[list[str]]) -> bool:
    """Do the first rows hold a list's own heading of names ("Họ và tên")?"""
    from fieldapp.text.vietnamese import fold

    return any(_NAMES.search(fold(cell)) for row in rows[:3] for cell in row if cell)


def _same_columns(a: list[float], b: list[float]) -> bool:
    return len(a) == len(b) and all(abs(x - y) <= TOLERANCE * 2 for x, y in zip(a, b, strict=True))


# --- the borders ------------------------------------------------------------------------------


def _borders(page, name: str, index: int) -> tuple[list[tuple], list[tuple]]:
    """Horizontal (y, x0, x1) and vertical (x, y0, y1) border lines of the page, merged."""
    import pypdfium2.raw as pdfium_c

    horizontal: list[tuple[float, float, float]] = []
    vertical: list[tuple[float, float, float]] = []
    x, y = ctypes.c_float(), ctypes.c_float()
    count = 0
    for obj in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_PATH,)):
        count += 1
        if count > MAX_PATHS_PER_PAGE:
            raise UserError(
                f"Trang {index + 1} của tệp PDF {name} vẽ quá nhiều nét; không phải một danh "
                "sách in ra. Không đọc được."
            )
        a, b, c, d, e, f = obj.get_matrix().get()
        n = pdfium_c.FPDFPath_CountSegments(obj.raw)
        if n <= 0:
            continue
        if n > MAX_SEGMENTS_PER_PATH:
            raise UserError(
                f"Trang {index + 1} của tệp PDF {name} vẽ quá nhiều nét; không đọc được."
            )
        start = current = None
        for i in range(n):
            seg = pdfium_c.FPDFPath_GetPathSegment(obj.raw, i)
            if not pdfium_c.FPDFPathSegment_GetPoint(seg, x, y):
                continue
            point = (a * x.value + c * y.value + e, b * x.value + d * y.value + f)
            kind = pdfium_c.FPDFPathSegment_GetType(seg)
            if kind == pdfium_c.FPDF_SEGMENT_LINETO and current is not None:
                _add(current, point, horizontal, vertical)
            if kind == pdfium_c.FPDF_SEGMENT_MOVETO or start is None:
                start = point
            current = point
            if pdfium_c.FPDFPathSegment_GetClose(seg) and start is not None:
                _add(current, start, horizontal, vertical)
                current = start
    return _merge(horizontal), _merge(vertical)


def _add(p, q, horizontal: list, vertical: list) -> None:
    (x0, y0), (x1, y1) = p, q
    if abs(y1 - y0) <= 0.5 and abs(x1 - x0) >= MIN_LINE:
        horizontal.append(((y0 + y1) / 2, min(x0, x1), max(x0, x1)))
    elif abs(x1 - x0) <= 0.5 and abs(y1 - y0) >= MIN_LINE:
        vertical.append(((x0 + x1) / 2, min(y0, y1), max(y0, y1)))


def _merge(lines: list[tuple[float, float, float]]) -> list[tuple[float, float, float]]:
    """Lines at (nearly) the same place and touching or overlapping made one: a border drawn
    cell by cell, a thin filled box's two sides, a double border."""
    out: list[list[float]] = []
    for at, lo, hi in sorted(lines):
        joined = False
        for line in reversed(out[-64:]):
            if at - line[0] > TOLERANCE:
                break
            if lo <= line[2] + TOLERANCE and hi >= line[1] - TOLERANCE:
                line[1], line[2] = min(line[1], lo), max(line[2], hi)
                joined = True
                break
        if not joined:
            out.append([at, lo, hi])
        if len(out) > MAX_LINES_PER_PAGE:
            raise UserError("Trang PDF có quá nhiều đường kẻ; không đọc được.")
    return [tuple(line) for line in out]  # type: ignore[misc]


# --- the grids ----------------------------------------------------------------------------


class _Grid:
    """One table: its row borders top to bottom, column borders left to right, and the
    border lines themselves (to tell merged cells)."""

    def __init__(self, horizontal: list, vertical: list) -> None:
        self.horizontal = horizontal
        self.vertical = vertical
        self.rows = _distinct([h[0] for h in horizontal], reverse=True)
        self.cols = _distinct([v[0] for v in vertical])

    def has_vertical(self, x: float, y: float) -> bool:
        return any(
            abs(v[0] - x) <= TOLERANCE and v[1] - TOLERANCE <= y <= v[2] + TOLERANCE
            for v in self.vertical
        )

    def has_horizontal(self, y: float, x: float) -> bool:
        return any(
            abs(h[0] - y) <= TOLERANCE and h[1] - TOLERANCE <= x <= h[2] + TOLERANCE
            for h in self.horizontal
        )


def _distinct(values: list[float], reverse: bool = False) -> list[float]:
    out: list[float] = []
    for v in sorted(values, reverse=reverse):
        if not out or abs(v - out[-1]) > TOLERANCE:
            out.append(v)
    return out


def _grids(horizontal: list, vertical: list) -> list[_Grid]:
    """The tables: groups of horizontal and vertical borders that cross one another, with at
    least two rows and two columns; top of the page first."""
    parent = list(range(len(horizontal) + len(vertical)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, (hy, hx0, hx1) in enumerate(horizontal):
        for j, (vx, vy0, vy1) in enumerate(vertical):
            if (
                hx0 - TOLERANCE <= vx <= hx1 + TOLERANCE
                and vy0 - TOLERANCE <= hy <= vy1 + TOLERANCE
            ):
                parent[root(i)] = root(len(horizontal) + j)
    groups: dict[int, tuple[list, list]] = {}
    for i, h in enumerate(horizontal):
        groups.setdefault(root(i), ([], []))[0].append(h)
    for j, v in enumerate(vertical):
        groups.setdefault(root(len(horizontal) + j), ([], []))[1].append(v)
    grids = [_Grid(h, v) for h, v in groups.values() if h and v]
    grids = [g for g in grids if len(g.rows) >= 3 and len(g.cols) >= 3]
    return sorted(grids, key=lambda g: -g.rows[0])


def _cells(chars: list[tuple[str, float, float]], grid: _Grid) -> list[list[str]]:
    """The rows of a grid: each cell's text, a cell merged across columns (no border inside it
    at its height) or down rows (no border under it) given once, in its first column and row.
    A character belongs to the cell its centre lies in (an accent above a capital or a tall
    line reaching over the border stays in its own cell)."""
    rows_y, cols_x = grid.rows, grid.cols
    bands, columns = len(rows_y) - 1, len(cols_x) - 1
    if bands * columns > MAX_CELLS_PER_PAGE:
        raise UserError("Bảng trong tệp PDF có quá nhiều ô; không đọc được.")
    owner: dict[tuple[int, int], tuple[int, int]] = {}  # (band, column): its cell's first
    spans: list[list[tuple[int, int]]] = []  # per band: (first column, columns) of its cells
    for i in range(bands):
        middle = (rows_y[i] + rows_y[i + 1]) / 2
        band: list[tuple[int, int]] = []
        j = 0
        while j < columns:
            k = j + 1
            while k < columns and not grid.has_vertical(cols_x[k], middle):
                k += 1
            band.append((j, k - j))
            if (i, j) not in owner:
                centre = (cols_x[j] + cols_x[k]) / 2
                last = i
                while last + 1 < bands and not grid.has_horizontal(rows_y[last + 1], centre):
                    last += 1
                for row in range(i, last + 1):
                    for col in range(j, k):
                        owner.setdefault((row, col), (i, j))
            j = k
        spans.append(band)
    texts: dict[tuple[int, int], list[str]] = {}
    # rows_y runs downwards: bisect on the negated values
    down = [-y for y in rows_y]
    at: tuple[int, int] | None = None
    for ch, x, y in chars:
        if x == x:  # a character with a box: the cell of its centre
            i = bisect.bisect_right(down, -y) - 1
            j = bisect.bisect_right(cols_x, x) - 1
            at = owner.get((i, j)) if 0 <= i < bands and 0 <= j < columns else None
        if at is not None:  # a generated space or line break goes with what it follows
            texts.setdefault(at, []).append(ch)
    out: list[list[str]] = []
    for i, band in enumerate(spans):
        row: list[str] = []
        for j, width in band:
            first = owner.get((i, j)) == (i, j)
            row.append(_joined("".join(texts.get((i, j), ()))) if first else "")
            row.extend([""] * (width - 1))
        out.append(row)
    return out


def _page_chars(textpage) -> list[tuple[str, float, float]]:
    """Every character of the page in reading order with the centre of its box (NaN for the
    spaces and line breaks pdfium adds, which have none)."""
    import pypdfium2.raw as pdfium_c

    n = pdfium_c.FPDFText_CountChars(textpage.raw)
    if n > MAX_CHARS_PER_PAGE:
        raise UserError("Trang PDF có quá nhiều chữ cho một trang danh sách; không đọc được.")
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    nan = float("nan")
    out = []
    for i in range(n):
        code = pdfium_c.FPDFText_GetUnicode(textpage.raw, i)
        ch = chr(code) if 0 < code < 0x110000 else ""
        if pdfium_c.FPDFText_GetCharBox(textpage.raw, i, left, right, bottom, top) and (
            right.value > left.value or top.value > bottom.value
        ):
            out.append((ch, (left.value + right.value) / 2, (bottom.value + top.value) / 2))
        else:
            out.append((ch, nan, nan))
    return out


# --- the text -------------------------------------------------------------------------------


def _bounded(textpage, left: float, top: float, right: float, bottom: float) -> str:
    import pypdfium2.raw as pdfium_c

    n = pdfium_c.FPDFText_GetBoundedText(textpage.raw, left, top, right, bottom, None, 0)
    if n <= 0:
        return ""
    buffer = (ctypes.c_ushort * (n + 1))()
    n = pdfium_c.FPDFText_GetBoundedText(textpage.raw, left, top, right, bottom, buffer, n + 1)
    raw = ctypes.string_at(buffer, 2 * max(0, n))
    return raw.decode("utf-16-le", errors="ignore").replace("\x00", "")


_VOWELS = frozenset("aăâeêioôơuưyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ")


def _joined(text: str) -> str:
    """A cell's text, its lines joined: with a space where the line was wrapped between
    words, without one where a word too long for the cell was cut (a citizen ID or a phone
    number's digits, a date, the end of a syllable: "Khuyế" + "n")."""
    text = unicodedata.normalize("NFC", text.replace("\x00", ""))
    out = ""
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if not line.strip():
            continue
        if out and not out[-1].isspace() and _cut_inside_word(out.rstrip(), line.lstrip()):
            out += line.lstrip()
        else:
            out += " " + line
    return " ".join(out.split())


def _cut_inside_word(before: str, after: str) -> bool:
    """Was the line break between ``before`` and ``after`` (no space before it) inside one
    word? Digits going on after digits or a date's separators; a syllable's last letters
    (no vowel: a Vietnamese syllable always has one)."""
    if not before or not after:
        return False
    last, first = before[-1], after[0]
    if first.isdigit() and (last.isalnum() or last in "/-.:"):
        return True
    token = after.split()[0]
    letters = "".join(ch for ch in token.lower() if ch.isalpha())
    return bool(letters) and letters == token.lower() and not set(letters) & _VOWELS


def _lines(textpage, left: float, top: float, right: float, bottom: float) -> list[str]:
    if top - bottom < 1:
        return []
    text = _bounded(textpage, left, top, right, bottom)
    lines = (" ".join(line.split()) for line in text.replace("\r", "\n").split("\n"))
    return [unicodedata.normalize("NFC", line) for line in lines if line]
