"""Word 97–2003 documents (``.doc``): the main text with its paragraphs and tables.

Many offices still save directives in the old binary format. A ``.doc`` is a compound file
(:mod:`fieldapp.compound_file`) with a ``WordDocument`` stream and a table stream (``0Table``
or ``1Table``). The File Information Block at the start of ``WordDocument`` says where the
*piece table* is; the pieces give the text, each either 8-bit (Windows-1252) or UTF-16. The
paragraph properties (``PlcBtePapx``, pages of ``PapxFkp``) say which paragraphs lie in a
table and which mark ends a table row. From these, :func:`doc_body` builds the same kind of
body the ``.docx`` reader walks (``w:p``, ``w:tbl``/``w:tr``/``w:tc``), so one layout step
finds the two-column header, the body and the signing table of either format.

Fields keep their result and drop their instruction; pictures, footnote marks and other
control characters are left out. Numbers that Word adds to a numbered list are not in the
text of a ``.doc`` (they are paragraph properties) and are not rebuilt. Every offset is
checked against its stream: a damaged or hostile file raises :class:`UserError`, never an
exception of the reader's, and never reads past the file.
"""

from __future__ import annotations

import bisect
import struct
from xml.etree import ElementTree

from fieldapp.compound_file import Encrypted, NotCompound, read_streams
from fieldapp.directives.extract import WORD_NAMESPACE as W
from fieldapp.errors import UserError

MAX_CHARS = 4_000_000
"""More text than this (about 1,500 pages) is not a directive: refused."""

_SPRM_IN_TABLE, _SPRM_TTP, _SPRM_INNER_TTP, _SPRM_ITAP = 0x2416, 0x2417, 0x244C, 0x6649
_SPRM_TDEFTABLE, _SPRM_CHGTABS, _SPRM_HUGE_PAPX = 0xD608, 0xC615, 0x6646
_OPERAND = {0: 1, 1: 1, 2: 2, 3: 4, 4: 2, 5: 2, 7: 3}  # bytes by spra; 6: variable


def doc_body(data: bytes, name: str) -> ElementTree.Element:
    """The main text of a Word 97–2003 file as a WordprocessingML-like ``w:body``."""
    damaged = UserError(f"Tệp {name} (Word 97–2003, .doc) bị hỏng, không đọc được.")
    try:
        streams = read_streams(data, ("WordDocument", "0Table", "1Table", "Data"))
    except Encrypted:
        raise _locked(name) from None
    except NotCompound:
        raise damaged from None
    word = streams.get("worddocument")
    if word is None:
        raise UserError(
            f"Tệp {name} không phải văn bản Word: chỉ nhận .doc, .docx, .odt, .rtf, .htm, .pdf, ảnh hoặc .txt."
        )
    try:
        text, ends = _read(word, streams, name)
    except (struct.error, IndexError, ValueError, UnicodeError):
        raise damaged from None
    return _build(text, ends)


def _locked(name: str) -> UserError:
    return UserError(
        f"Tệp {name} có mật khẩu: hãy mở bằng Word, bỏ mật khẩu rồi lưu lại (hoặc lưu thành PDF)."
    )


def _read(
    word: bytes, streams: dict[str, bytes], name: str
) -> tuple[str, list[tuple[int, bool, bool]]]:
    """The main text, and for each paragraph mark in it (by character position) whether
    its paragraph is in a table and whether it ends a table row."""
    ident, nfib = struct.unpack_from("<HH", word, 0)
    if ident != 0xA5EC:
        raise ValueError("not a Word document stream")
    if nfib < 0x00C1:
        raise UserError(
            f"Tệp {name} là định dạng Word 6.0/95 rất cũ; hãy lưu lại thành .docx hoặc PDF."
        )
    (flags,) = struct.unpack_from("<H", word, 0x0A)
    if flags & 0x0100 or flags & 0x8000:  # fEncrypted, fObfuscated
        raise _locked(name)
    table = streams.get("1table" if flags & 0x0200 else "0table")
    if table is None:
        raise ValueError("no table stream")
    (csw,) = struct.unpack_from("<H", word, 32)
    at = 34 + 2 * csw
    (cslw,) = struct.unpack_from("<H", word, at)
    (ccp_text,) = struct.unpack_from("<i", word, at + 2 + 12)
    at += 2 + 4 * cslw
    (pairs,) = struct.unpack_from("<H", word, at)
    at += 2

    def pair(index: int) -> tuple[int, int]:
        if index >= pairs:
            return 0, 0
        return struct.unpack_from("<II", word, at + 8 * index)

    if not 0 <= ccp_text <= MAX_CHARS:
        raise UserError(f"Tệp {name} quá dài để là một văn bản chỉ đạo.")
    fc_clx, lcb_clx = pair(33)
    pieces = _pieces(_slice(table, fc_clx, lcb_clx))
    parts: list[str] = []
    spans: list[tuple[int, int, int, int]] = []  # cp start, cp end, byte start, bytes a char
    cp = 0
    for cp_start, cp_end, fc, compressed in pieces:
        if cp >= ccp_text:
            break
        count = min(cp_end, ccp_text) - cp_start
        if count <= 0:
            continue
        if compressed:
            raw = _slice(word, fc // 2, count)
            parts.append(raw.decode("cp1252", "replace"))
            spans.append((cp_start, cp_start + count, fc // 2, 1))
        else:
            raw = _slice(word, fc, 2 * count)
            parts.append(raw.decode("utf-16-le", "replace"))
            spans.append((cp_start, cp_start + count, fc, 2))
        cp = cp_start + count
    text = "".join(parts)
    marks = _paragraph_marks(word, table, pair(13), streams.get("data", b""))
    starts = [s[0] for s in spans]
    ends: list[tuple[int, bool, bool]] = []
    for i, ch in enumerate(text):
        if ch not in "\r\x07":
            continue
        k = bisect.bisect_right(starts, i) - 1
        in_table, row_end, bounds = False, False, None
        if k >= 0:
            cp0, cp1, byte0, width = spans[k]
            if cp0 <= i < cp1:
                in_table, row_end, bounds = marks.get(
                    byte0 + (i - cp0 + 1) * width, (False, False, None)
                )
        if ch == "\x07":
            in_table = True
        ends.append((i, in_table, row_end, bounds))
    return text, ends


def _slice(stream: bytes, start: int, length: int) -> bytes:
    if start < 0 or length < 0 or start + length > len(stream):
        raise ValueError("outside the stream")
    return stream[start : start + length]


def _pieces(clx: bytes) -> list[tuple[int, int, int, bool]]:
    """(cp start, cp end, fc, compressed) of each piece of text, from the Clx."""
    at = 0
    while at < len(clx) and clx[at] == 0x01:  # Prc: property changes, skipped
        (size,) = struct.unpack_from("<H", clx, at + 1)
        at += 3 + size
    if at >= len(clx) or clx[at] != 0x02:
        raise ValueError("no piece table")
    (lcb,) = struct.unpack_from("<I", clx, at + 1)
    plc = _slice(clx, at + 5, lcb)
    n = (lcb - 4) // 12
    if n <= 0 or 4 * (n + 1) + 8 * n > len(plc):
        raise ValueError("bad piece table")
    cps = struct.unpack_from(f"<{n + 1}I", plc, 0)
    out = []
    for k in range(n):
        (fc,) = struct.unpack_from("<I", plc, 4 * (n + 1) + 8 * k + 2)
        if cps[k + 1] < cps[k]:
            raise ValueError("pieces out of order")
        out.append((cps[k], cps[k + 1], fc & 0x3FFFFFFF, bool(fc & 0x40000000)))
    return out


def _paragraph_marks(
    word: bytes, table: bytes, where: tuple[int, int], data: bytes
) -> dict[int, tuple]:
    """Byte offset just past each paragraph mark -> (in a table, ends a table row). A row
    whose table definition is long (many or merged cells) keeps its paragraph properties
    in the Data stream (``data``), where sprmPHugePapx points."""
    fc, lcb = where
    out: dict[int, tuple[bool, bool]] = {}
    if lcb < 12:
        return out
    plc = _slice(table, fc, lcb)
    n = (lcb - 4) // 8
    pages = struct.unpack_from(f"<{n}I", plc, 4 * (n + 1))
    for pn in pages:
        page = _slice(word, (pn & 0x3FFFFF) * 512, 512)
        runs = page[511]
        if 4 * (runs + 1) + 13 * runs > 511:
            raise ValueError("bad paragraph page")
        bounds = struct.unpack_from(f"<{runs + 1}I", page, 0)
        for i in range(runs):
            offset = page[4 * (runs + 1) + 13 * i] * 2
            props: tuple = (False, False, None)
            if offset:
                size = page[offset]
                if size:
                    grpprl = page[offset + 1 : offset + 2 * size]
                else:
                    grpprl = page[offset + 2 : offset + 2 + 2 * page[offset + 1]]
                props = _table_props(grpprl[2:], data)  # after the style index
            out[bounds[i + 1]] = props
    return out


def _table_props(grpprl: bytes, data: bytes = b"") -> tuple[bool, bool, tuple | None]:
    """(in a table, ends a row, the row's cell edges in twips from sprmTDefTable or None)."""
    in_table = row_end = False
    bounds = None
    at = 0
    while at + 2 <= len(grpprl):
        (sprm,) = struct.unpack_from("<H", grpprl, at)
        at += 2
        spra = sprm >> 13
        if spra == 6:
            if sprm == _SPRM_TDEFTABLE:
                if at + 2 > len(grpprl):
                    break
                size = struct.unpack_from("<H", grpprl, at)[0] + 1
            elif sprm == _SPRM_CHGTABS and at < len(grpprl) and grpprl[at] == 255:
                break  # a rare long form; table marks come before it in practice
            else:
                size = 1 + (grpprl[at] if at < len(grpprl) else 0)
        else:
            size = _OPERAND[spra]
        operand = grpprl[at : at + size]
        if sprm == _SPRM_IN_TABLE and operand[:1] == b"\x01":
            in_table = True
        elif sprm in (_SPRM_TTP, _SPRM_INNER_TTP) and operand[:1] == b"\x01":
            in_table = row_end = True
        elif sprm == _SPRM_ITAP and operand and operand[0] > 0:
            in_table = True
        elif sprm == _SPRM_TDEFTABLE and len(operand) >= 3:
            cells = operand[2]
            if 0 < cells <= 63 and len(operand) >= 3 + 2 * (cells + 1):
                bounds = struct.unpack_from(f"<{cells + 1}h", operand, 3)
        elif sprm == _SPRM_HUGE_PAPX and len(operand) == 4 and data:
            (offset,) = struct.unpack("<I", operand)
            if offset + 2 <= len(data):
                (cb,) = struct.unpack_from("<H", data, offset)
                huge = _table_props(data[offset + 2 : offset + 2 + cb])  # one level only
                in_table, row_end = in_table or huge[0], row_end or huge[1]
                bounds = bounds or huge[2]
        at += size
    return in_table, row_end, bounds


def _build(text: str, ends: list[tuple[int, bool, bool, tuple | None]]) -> ElementTree.Element:
    body = ElementTree.Element(f"{W}body")
    tbl = row = cell = None
    start = 0
    edges: dict[int, tuple] = {}  # id of a row -> its cell edges
    for pos, in_table, row_end, bounds in ends:
        chunk = text[start:pos]
        start = pos + 1
        if not in_table:
            tbl = row = cell = None
            body.append(_paragraph(chunk))
            continue
        if row_end:  # the row's own mark: its text is nothing of the reader's
            if row is not None and bounds:
                edges[id(row)] = bounds
            row = cell = None
            continue
        if tbl is None:
            tbl = ElementTree.SubElement(body, f"{W}tbl")
        if row is None:
            row = ElementTree.SubElement(tbl, f"{W}tr")
        if cell is None:
            cell = ElementTree.SubElement(row, f"{W}tc")
        cell.append(_paragraph(chunk))
        if text[pos] == "\x07":
            cell = None
    if start < len(text):
        body.append(_paragraph(text[start:]))
    for table in body.iter(f"{W}tbl"):
        merged_cells(table, edges)
    return body


def merged_cells(table: ElementTree.Element, edges: dict[int, tuple]) -> None:
    """A cell merged across columns is one cell of its row, wider: from every row's cell
    edges, the table's grid, and each cell's span of it (``w:gridSpan``, as .docx says).
    ``edges``: for each row (by ``id``), its left edge and each cell's right edge."""
    rows = table.findall(f"{W}tr")
    grid = sorted({x for row in rows for x in edges.get(id(row), ())})
    if len(grid) < 3:
        return
    column = {x: i for i, x in enumerate(grid)}
    for row in rows:
        bounds = edges.get(id(row))
        cells = row.findall(f"{W}tc")
        if not bounds or len(bounds) != len(cells) + 1:
            continue
        for k, tc in enumerate(cells):
            span = column[bounds[k + 1]] - column[bounds[k]]
            if span > 1:
                props = ElementTree.Element(f"{W}tcPr")
                ElementTree.SubElement(props, f"{W}gridSpan", {f"{W}val": str(span)})
                tc.insert(0, props)


def _paragraph(chunk: str) -> ElementTree.Element:
    """One ``w:p`` from a paragraph's characters: a field keeps its result, a line break
    stays one, other control characters go."""
    p = ElementTree.Element(f"{W}p")
    run = ElementTree.SubElement(p, f"{W}r")
    buffer: list[str] = []
    depth = 0  # inside a field's instruction (between its begin and separator marks)
    hidden: list[bool] = []

    def flush() -> None:
        if buffer:
            ElementTree.SubElement(run, f"{W}t").text = "".join(buffer)
            buffer.clear()

    for ch in chunk:
        if ch == "\x13":
            hidden.append(True)
            depth += 1
        elif ch == "\x14":
            if hidden and hidden[-1]:
                hidden[-1] = False
                depth -= 1
        elif ch == "\x15":
            if hidden and hidden.pop():
                depth -= 1
        elif depth:
            continue
        elif ch == "\t":
            flush()
            ElementTree.SubElement(run, f"{W}tab")
        elif ch in "\x0b\x0c\x0e":
            flush()
            ElementTree.SubElement(run, f"{W}br")
        elif ch == "\x1e":
            buffer.append("-")
        elif ch >= " " or ch == "\xa0":
            buffer.append(ch)
    flush()
    return p
