"""Rich Text Format (``.rtf``, and the ``.doc`` files that are RTF inside): paragraphs and
tables.

Office systems and older Word installs save directives as RTF, often still named ``.doc``.
Read as plain text such a file would go into the register as control words
(``Ph\\u242\\'f2ng Y t\\u7871\\'3f``). :func:`rtf_body` reads it as Word shows it and builds
the same kind of body the ``.docx`` reader walks (``w:p``, ``w:tbl``/``w:tr``/``w:tc``), so
one layout step finds the two-column header, the body and the signing table.

Text is Unicode (``\\uN`` with its fallback skipped, as ``\\ucN`` says) or bytes (``\\'hh``)
in the code page of the document (``\\ansicpg``) or of the current font's character set
(Vietnamese 1258, Japanese 932, ...). Paragraph ends, line breaks, tabs, table cells and
rows keep their meaning; destinations that are not the page's own text (font and colour
tables, styles, document information, pictures, headers and footers, footnotes, comments,
field instructions, every ``\\*`` destination) are left out. The reader never recurses and
bounds group nesting and text; a damaged file raises :class:`UserError`.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, replace
from xml.etree import ElementTree

from fieldapp.directives.extract import WORD_NAMESPACE as W
from fieldapp.directives.word97 import merged_cells
from fieldapp.errors import UserError

SIGNATURE = b"{\\rtf"
MAX_DEPTH = 1000
MAX_CHARS = 4_000_000
MAX_PARAGRAPHS = 200_000
"""More paragraphs than this (a directive has a few hundred) is a file built to fill memory."""

_TOKEN = re.compile(
    rb"\\([a-zA-Z]{1,32})(-?\d{1,10})? ?|\\'([0-9a-fA-F]{2})|\\(.)|([{}])|([\r\n]+)|([^\\{}\r\n]+)",
    re.DOTALL,
)
_SKIP = {
    b"fonttbl", b"colortbl", b"stylesheet", b"info", b"pict", b"object", b"header",
    b"headerl", b"headerr", b"headerf", b"footer", b"footerl", b"footerr", b"footerf",
    b"footnote", b"annotation", b"atnid", b"atnauthor", b"fldinst", b"themedata",
    b"colorschememapping", b"datastore", b"latentstyles", b"listtable", b"listoverridetable",
    b"rsidtbl", b"generator", b"xmlnstbl", b"pgdsctbl", b"revtbl", b"filetbl", b"userprops",
    b"docvar", b"bkmkstart", b"bkmkend", b"shppict", b"nonshppict", b"blipuid", b"sp",
    b"pntxta", b"pntxtb", b"template", b"mmathPr", b"xe", b"tc",
}  # fmt: skip
_CHARS = {
    b"par": "\n", b"sect": "\n", b"page": "\n", b"line": "\v", b"tab": "\t",
    b"emdash": "—", b"endash": "–", b"bullet": "•", b"lquote": "‘", b"rquote": "’",
    b"ldblquote": "“", b"rdblquote": "”", b"emspace": " ", b"enspace": " ", b"qmspace": " ",
}  # fmt: skip
_SYMBOLS = {b"~": "\u00a0", b"_": "\u2011", b"-": "", b"\\": "\\", b"{": "{", b"}": "}"}
_CHARSET_PAGES = {
    0: None, 1: None, 128: 932, 129: 949, 130: 1361, 134: 936, 136: 950, 161: 1253,
    162: 1254, 163: 1258, 177: 1255, 178: 1256, 186: 1257, 204: 1251, 222: 874, 238: 1250,
}  # fmt: skip


@dataclass(frozen=True)
class _State:
    skip: bool = False  # inside a destination that is not the page's text
    fonts: bool = False  # inside the font table
    uc: int = 1  # fallback characters after \uN
    page: str | None = None  # code page of the current font (None: the document's)
    label: bool = False  # a list item's number as Word shows it (listtext, pntext)


def rtf_body(data: bytes, name: str) -> ElementTree.Element:
    """The text of an RTF file as a WordprocessingML-like ``w:body``."""
    damaged = UserError(f"Tệp {name} (RTF) bị hỏng, không đọc được.")
    reader = _Reader(damaged)
    try:
        reader.read(data)
    except (LookupError, ValueError, OverflowError):
        raise damaged from None
    return reader.body


class _Reader:
    def __init__(self, damaged: UserError) -> None:
        self.damaged = damaged
        self.body = ElementTree.Element(f"{W}body")
        self.document_page = "cp1252"
        self.font_pages: dict[int, str | None] = {}
        self.text: list[str] = []  # the paragraph being read
        self.pending = bytearray()  # \'hh bytes not yet decoded (multi-byte code pages)
        self.pending_page: str | None = None
        self.chars = 0
        self.paragraphs = 0
        self.in_table = False
        self.table: ElementTree.Element | None = None
        self.row: ElementTree.Element | None = None
        self.cell: ElementTree.Element | None = None
        # the row being defined (\\trowd): its left edge and each cell's right (\\cellx), and
        # every row read with its edges, for cells merged across columns (one wider cell)
        self.row_edges: list[int] = [0]
        self.edges: dict[int, tuple[int, ...]] = {}

    # -- text -------------------------------------------------------------------------------

    def _flush_bytes(self) -> None:
        if self.pending:
            page = self.pending_page or self.document_page
            self.text.append(codecs.decode(bytes(self.pending), page, "replace"))
            self.pending.clear()

    def _add(self, s: str) -> None:
        self._flush_bytes()
        self.chars += len(s)
        if self.chars > MAX_CHARS:
            raise self._too_long()
        self.text.append(s)

    def _too_long(self) -> UserError:
        return UserError(self.damaged.args[0].replace("bị hỏng, không đọc được", "quá dài"))

    def _paragraph(self) -> ElementTree.Element:
        self._flush_bytes()
        self.paragraphs += 1
        if self.paragraphs > MAX_PARAGRAPHS:
            raise self._too_long()
        p = ElementTree.Element(f"{W}p")
        run = ElementTree.SubElement(p, f"{W}r")
        for piece in re.split("([\t\v])", "".join(self.text)):
            if piece == "\t":
                ElementTree.SubElement(run, f"{W}tab")
            elif piece == "\v":
                ElementTree.SubElement(run, f"{W}br")
            elif piece:
                ElementTree.SubElement(run, f"{W}t").text = piece
        self.text.clear()
        return p

    def _end_paragraph(self) -> None:
        if self.in_table:
            if self.table is None:
                self.table = ElementTree.SubElement(self.body, f"{W}tbl")
            if self.row is None:
                self.row = ElementTree.SubElement(self.table, f"{W}tr")
            if self.cell is None:
                self.cell = ElementTree.SubElement(self.row, f"{W}tc")
            self.cell.append(self._paragraph())
        else:
            self.table = self.row = self.cell = None
            self.body.append(self._paragraph())

    def _end_cell(self) -> None:
        self.in_table = True
        self._end_paragraph()
        self.cell = None

    def _end_row(self) -> None:
        if self.text and "".join(self.text).strip():
            self._end_cell()
        self.text.clear()
        if self.row is not None:
            self.edges[id(self.row)] = tuple(self.row_edges)
        self.row = self.cell = None

    # -- the token stream ---------------------------------------------------------------------

    def read(self, data: bytes) -> None:
        stack: list[_State] = []
        state = _State()
        self.skip_chars = 0  # fallback characters still to skip after \uN
        self.high: int | None = None  # a high surrogate waiting for its pair
        self.font_number: int | None = None
        pos = 0
        while pos < len(data):
            m = _TOKEN.match(data, pos)
            if m is None:  # a lone backslash at the very end
                break
            pos = m.end()
            word, arg, hexa, symbol, brace, newline, plain = m.groups()
            if brace is not None:
                self.skip_chars = 0
                if brace == b"{":
                    if len(stack) >= MAX_DEPTH:
                        raise self.damaged
                    stack.append(state)
                    continue
                if not stack:
                    break  # the document's closing brace: nothing after it is read
                state = stack.pop()
                continue
            if newline is not None:
                continue  # line ends in RTF source are not text
            if self.skip_chars:
                if plain is not None and len(plain) > self.skip_chars:
                    plain = plain[self.skip_chars :]
                    self.skip_chars = 0
                elif plain is not None or hexa is not None or symbol is not None:
                    self.skip_chars -= len(plain) if plain is not None else 1
                    continue
            if word is not None:
                if word == b"bin":
                    pos += max(0, int(arg or 0))  # raw bytes of a picture: not tokens
                    continue
                state = self._control(word, arg, state)
            elif state.skip or state.fonts:
                continue
            elif hexa is not None:
                if self.pending and self.pending_page != state.page:
                    self._flush_bytes()
                self.pending_page = state.page
                self.pending.append(int(hexa, 16))
            elif symbol is not None:
                if symbol == b"*":
                    state = replace(state, skip=True)
                elif symbol in (b"\n", b"\r"):
                    self._end_paragraph()
                elif symbol in _SYMBOLS:
                    self._add(_SYMBOLS[symbol])
            elif plain is not None:
                self._add(plain.decode("latin-1"))
        if "".join(self.text).strip() or self.pending:
            self.in_table = False
            self._end_paragraph()
        for table in self.body.iter(f"{W}tbl"):
            merged_cells(table, self.edges)

    def _control(self, word: bytes, arg: bytes | None, state: _State) -> _State:
        n = int(arg) if arg is not None else None
        if word == b"fonttbl":
            return replace(state, fonts=True)
        if word in _SKIP:
            return replace(state, skip=True)
        if state.skip:
            return state
        if state.fonts:
            if word == b"f" and n is not None:
                self.font_number = n
            elif word == b"fcharset" and self.font_number is not None:
                self.font_pages[self.font_number] = _page(_CHARSET_PAGES.get(n or 0))
            return state
        if word == b"u" and n is not None:
            self.skip_chars = state.uc
            code = n + 65536 if n < 0 else n
            high, self.high = self.high, None
            if 0xD800 <= code < 0xDC00:
                self.high = code
            elif 0xDC00 <= code < 0xE000:
                if high is not None:
                    self._add(chr(0x10000 + ((high - 0xD800) << 10) + (code - 0xDC00)))
            elif code <= 0x10FFFF:
                self._add(chr(code))
        elif word == b"uc" and n is not None:
            return replace(state, uc=max(0, min(n, 10)))
        elif word == b"ansicpg":
            self.document_page = _page(n) or self.document_page
        elif word == b"f" and n is not None:
            return replace(state, page=self.font_pages.get(n))
        elif word in (b"listtext", b"pntext"):
            return replace(state, label=True)
        elif word in _CHARS:
            ch = " " if state.label and word == b"tab" else _CHARS[word]
            if ch == "\n":
                self._end_paragraph()
            else:
                self._add(ch)
        elif word == b"pard":
            self.in_table = False
        elif word == b"intbl":
            self.in_table = True
        elif word in (b"cell", b"nestcell"):
            self._end_cell()
        elif word == b"row":
            self._end_row()
        elif word == b"trowd":
            self.row_edges = [0]
        elif word == b"trleft" and n is not None:
            self.row_edges[0] = n
        elif word == b"cellx" and n is not None and len(self.row_edges) <= 64:
            self.row_edges.append(n)
        return state


def _page(number: int | None) -> str | None:
    if not number:
        return None
    name = f"cp{number}"
    try:
        codecs.lookup(name)
    except LookupError:
        return None
    return name
