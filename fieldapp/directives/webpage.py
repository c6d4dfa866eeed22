"""Directives saved as web pages: ``.htm``/``.html``, Word's "Web Page" saved as ``.doc``, and
``.mht`` (a page and its pictures in one MIME file).

Office systems and document portals hand directives out as pages, and Word keeps a page it
opened as a page when it is saved again under ``.doc``. Read as plain text such a file
would go into the register as tags and styles. :func:`page_body` reads it as a browser
shows it and builds the same kind of body the ``.docx`` reader walks (``w:p``,
``w:tbl``/``w:tr``/``w:tc``), so one layout step finds the two-column header, the body and
the signing table.

The encoding comes from a byte-order mark, the page's own ``charset``, or else is UTF-8,
then the better of the old Vietnamese code pages (:mod:`fieldapp.text.legacy`). Blocks
(paragraphs, headings, list items with the numbers an ordered list shows, divisions) end
lines; ``<br>`` breaks one; the outermost tables keep their rows and cells (a table inside a
cell is read as lines of that cell). Scripts, styles, the head and comments are left out.
The parser never recurses; the nesting of lists it keeps is bounded.
"""

from __future__ import annotations

import email
import email.policy
import re
from html.parser import HTMLParser
from xml.etree import ElementTree

from fieldapp.directives.extract import WORD_NAMESPACE as W
from fieldapp.errors import UserError
from fieldapp.text.legacy import decode_bytes

MAX_LISTS = 100
MAX_PARAGRAPHS = 200_000
"""More paragraphs than this (a directive has a few hundred) is a page built to fill memory."""
_BLOCKS = {
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "blockquote", "pre",
    "address", "center", "section", "article", "header", "footer", "ul", "ol", "dl", "hr",
    "title", "form", "fieldset",
}  # fmt: skip
_HIDDEN = {"script", "style", "head", "template", "noscript", "object", "svg", "math", "xml"}
_VOID = {"br", "hr", "img", "meta", "link", "input", "col", "area", "base", "wbr", "source"}
_CHARSET = re.compile(rb"""<meta[^>]{0,300}?charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]{1,40})""", re.I)


def page_body(data: bytes, name: str) -> ElementTree.Element:
    """The text of a web page (or of the page in an .mht) as a ``w:body``."""
    damaged = UserError(f"Tệp {name} (trang web) bị hỏng, không đọc được.")
    head = data[:2048].lstrip().lower()
    if head.startswith((b"mime-version:", b"from:", b"content-type:")):
        data = _mht_page(data, damaged)
    reader = _Reader(damaged)
    try:
        reader.feed(_decode(data))
        reader.close()
    except (AssertionError, ValueError):
        raise damaged from None
    reader.finish()
    return reader.body


def _mht_page(data: bytes, damaged: UserError) -> bytes:
    try:
        message = email.message_from_bytes(data, policy=email.policy.compat32)
    except (ValueError, TypeError, LookupError):
        raise damaged from None
    for part in message.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes):
                charset = part.get_content_charset()
                if charset and not _CHARSET.search(payload[:4096]):
                    payload = f'<meta charset="{charset}">'.encode("ascii") + payload
                return payload
    raise damaged


def _decode(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", "replace")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", "replace")
    found = _CHARSET.search(data[:8192])
    if found:
        label = found.group(1).decode("ascii").lower()
        label = {"windows-1258": "cp1258", "x-user-defined": "cp1252"}.get(label, label)
        try:
            return data.decode(label, "replace")
        except LookupError:
            pass
    return decode_bytes(data)[0]


class _Reader(HTMLParser):
    def __init__(self, damaged: UserError) -> None:
        super().__init__(convert_charrefs=True)
        self.damaged = damaged
        self.body = ElementTree.Element(f"{W}body")
        self.text: list[str] = []
        self.hidden = 0  # inside script, style, head...
        self.tables = 0  # tables open (only the outermost keeps rows and cells)
        self.table: ElementTree.Element | None = None
        self.row: ElementTree.Element | None = None
        self.cell: ElementTree.Element | None = None
        self.lists: list[list[int]] = []  # open lists: [ordered, next number]
        self.open_lists = 0
        self.paragraphs = 0
        self.pre = 0

    # -- text into paragraphs ---------------------------------------------------------------

    def _flush(self) -> None:
        text = "".join(self.text)
        self.text.clear()
        if not text.strip():
            return
        self.paragraphs += 1
        if self.paragraphs > MAX_PARAGRAPHS:
            raise UserError(self.damaged.args[0].replace("bị hỏng, không đọc được", "quá dài"))
        p = ElementTree.Element(f"{W}p")
        run = ElementTree.SubElement(p, f"{W}r")
        for piece in re.split("(\n)", text):
            if piece == "\n":
                ElementTree.SubElement(run, f"{W}br")
            elif piece:
                ElementTree.SubElement(run, f"{W}t").text = piece
        (self.cell if self.cell is not None else self.body).append(p)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            self.handle_startendtag(tag, attrs)
            return
        if tag in _HIDDEN:
            self.hidden += 1
            return
        if self.hidden:
            return
        if tag == "pre":
            self.pre += 1
        if tag in _BLOCKS:
            self._flush()
        if tag in ("ul", "ol"):
            start = (dict(attrs).get("start") or "1").strip()
            number = int(start) if start.isdigit() and len(start) < 7 else 1
            self.open_lists += 1
            if self.open_lists <= MAX_LISTS:  # deeper lists are read as the deepest kept
                self.lists.append([tag == "ol", number])
        elif tag == "li":
            if self.lists and self.lists[-1][0]:
                self.text.append(f"{self.lists[-1][1]}. ")
                self.lists[-1][1] += 1
        elif tag == "table":
            self._flush()
            self.tables += 1
            if self.tables == 1:
                self.table = ElementTree.SubElement(self.body, f"{W}tbl")
        elif tag == "tr" and self.tables == 1 and self.table is not None:
            self._flush()
            self.row = ElementTree.SubElement(self.table, f"{W}tr")
            self.cell = None
        elif tag in ("td", "th"):
            self._flush()
            if self.tables == 1 and self.table is not None:
                if self.row is None:
                    self.row = ElementTree.SubElement(self.table, f"{W}tr")
                self.cell = ElementTree.SubElement(self.row, f"{W}tc")
                span = (dict(attrs).get("colspan") or "").strip()
                if span.isdigit() and 1 < int(span) <= 64:
                    props = ElementTree.SubElement(self.cell, f"{W}tcPr")
                    ElementTree.SubElement(props, f"{W}gridSpan", {f"{W}val": span})

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.hidden:
            return
        if tag == "br":
            self.text.append("\n")
        elif tag == "hr":
            self._flush()
        elif tag in _BLOCKS or tag in ("td", "th", "tr", "table", "li"):
            self.handle_starttag(tag, attrs)
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        if tag in _HIDDEN:
            self.hidden = max(0, self.hidden - 1)
            return
        if self.hidden:
            return
        if tag == "pre":
            self.pre = max(0, self.pre - 1)
        if tag in _BLOCKS:
            self._flush()
        if tag in ("ul", "ol") and self.open_lists:
            if self.open_lists <= MAX_LISTS and self.lists:
                self.lists.pop()
            self.open_lists -= 1
        elif tag in ("td", "th"):
            self._flush()
            if self.tables == 1:
                self.cell = None
        elif tag == "tr" and self.tables == 1:
            self._flush()
            self.row = self.cell = None
        elif tag == "table" and self.tables:
            self._flush()
            self.tables -= 1
            if self.tables == 0:
                self.table = self.row = self.cell = None

    def handle_data(self, data: str) -> None:
        if self.hidden:
            return
        if not self.pre:
            data = re.sub(r"[ \t\r\n\f]+", " ", data)
        self.text.append(data)

    def finish(self) -> None:
        self._flush()
        # Spaces as a browser shows them: no-break spaces (Word's spacers after a list
        # number) are spaces, and a run of them one space; nor is a paragraph's leading space
        # (left by the source's line breaks) its own.
        for t in self.body.iter(f"{W}t"):
            if t.text is not None:
                t.text = re.sub(" {2,}", " ", t.text.replace("\u00a0", " "))
        for p in self.body.iter(f"{W}p"):
            first = p.find(f"{W}r/{W}t")
            if first is not None and first.text:
                first.text = first.text.lstrip()
