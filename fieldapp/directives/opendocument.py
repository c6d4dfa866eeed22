"""OpenDocument text (``.odt``, LibreOffice / OpenOffice / WPS "ODF"): paragraphs and tables.

State offices are asked to exchange documents in open formats, so a directive may come as
an ``.odt``. Its ``content.xml`` holds the text as ``text:p`` / ``text:h`` paragraphs (inside
lists and sections too), ``table:table`` rows and cells, and frames with text boxes (the
"HỎA TỐC" stamp). :func:`odt_body` builds from it the same kind of body the ``.docx`` reader
walks (``w:p``, ``w:tbl``/``w:tr``/``w:tc``), so one layout step finds the two-column
header, the body and the signing table of every format.

Spaces (``text:s``), tabs and line breaks keep their meaning; a list item keeps the label
LibreOffice stores with it (``text:number``); notes, annotations, deleted text of tracked
changes and tables of contents are left out. A merged (covered) cell is not a cell. The
nesting of a hostile file is bounded; a damaged file raises :class:`UserError`.
"""

from __future__ import annotations

from xml.etree import ElementTree

from fieldapp.directives.extract import WORD_NAMESPACE as W
from fieldapp.errors import UserError

TEXT_MIMETYPES = (
    "application/vnd.oasis.opendocument.text",
    "application/vnd.oasis.opendocument.text-template",
)
_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_DRAW = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"

MAX_DEPTH = 200
"""Deeper nesting than this is no document a person wrote: refused as damaged."""

_SKIPPED = {
    f"{_TEXT}note",  # footnotes and endnotes: not the directive's own lines
    f"{_OFFICE}annotation",  # comments
    f"{_OFFICE}annotation-end",
    f"{_TEXT}tracked-changes",  # deleted text of tracked changes lives here
    f"{_TEXT}table-of-content",
    f"{_TEXT}alphabetical-index",
    f"{_TEXT}illustration-index",
    f"{_TEXT}sequence-decls",
    f"{_TEXT}variable-decls",
    f"{_TEXT}user-field-decls",
    f"{_OFFICE}forms",
    f"{_TABLE}covered-table-cell",
    f"{_TABLE}table-columns",
    f"{_TABLE}table-column",
    f"{_TABLE}table-header-columns",
}
_ROW_GROUPS = {
    f"{_TABLE}table-header-rows",
    f"{_TABLE}table-rows",
    f"{_TABLE}table-row-group",
}


def odt_body(content: bytes, name: str) -> ElementTree.Element:
    """The text of an OpenDocument ``content.xml`` as a WordprocessingML-like ``w:body``."""
    damaged = UserError(f"Tệp {name} (OpenDocument, .odt) bị hỏng, không đọc được.")
    try:
        root = ElementTree.fromstring(content)
    except ElementTree.ParseError:
        raise damaged from None
    text = root.find(f"{_OFFICE}body/{_OFFICE}text")
    if text is None:
        raise damaged
    body = ElementTree.Element(f"{W}body")
    _Converter(damaged).blocks(text, body, 0)
    return body


class _Converter:
    def __init__(self, damaged: UserError) -> None:
        self.damaged = damaged

    def _deeper(self, depth: int) -> int:
        if depth >= MAX_DEPTH:
            raise self.damaged
        return depth + 1

    def blocks(self, el: ElementTree.Element, out: ElementTree.Element, depth: int) -> None:
        """Block content (paragraphs, headings, lists, tables, sections) appended to ``out``."""
        depth = self._deeper(depth)
        for child in el:
            tag = child.tag
            if tag in _SKIPPED:
                continue
            if tag in (f"{_TEXT}p", f"{_TEXT}h"):
                out.append(self.paragraph(child, depth, ""))
            elif tag == f"{_TABLE}table":
                self.table(child, out, depth)
            elif tag == f"{_TEXT}list":
                self.list_(child, out, depth)
            elif tag == f"{_TEXT}soft-page-break":
                continue
            else:  # text:section, text:index-body of a kept index, unknown wrappers
                self.blocks(child, out, depth)

    def list_(self, el: ElementTree.Element, out: ElementTree.Element, depth: int) -> None:
        depth = self._deeper(depth)
        for item in el:
            if item.tag not in (f"{_TEXT}list-item", f"{_TEXT}list-header"):
                continue
            label = ""
            number = item.find(f"{_TEXT}number")
            if number is not None and (number.text or "").strip():
                label = number.text.strip() + " "
            for child in item:
                if child.tag in (f"{_TEXT}p", f"{_TEXT}h"):
                    out.append(self.paragraph(child, depth, label))
                    label = ""
                elif child.tag == f"{_TEXT}list":
                    self.list_(child, out, depth)
                elif child.tag == f"{_TABLE}table":
                    self.table(child, out, depth)

    def table(self, el: ElementTree.Element, out: ElementTree.Element, depth: int) -> None:
        depth = self._deeper(depth)
        tbl = ElementTree.SubElement(out, f"{W}tbl")
        rows: list[ElementTree.Element] = []
        stack = [iter(el)]
        while stack:  # rows directly in the table or in header/row groups, in order
            node = next(stack[-1], None)
            if node is None:
                stack.pop()
            elif node.tag == f"{_TABLE}table-row":
                rows.append(node)
            elif node.tag in _ROW_GROUPS:
                if len(stack) > MAX_DEPTH:
                    raise self.damaged
                stack.append(iter(node))
        for row in rows:
            tr = ElementTree.SubElement(tbl, f"{W}tr")
            for cell in row:
                if cell.tag != f"{_TABLE}table-cell":
                    continue  # a covered cell is part of the one merged before it
                tc = ElementTree.SubElement(tr, f"{W}tc")
                _grid_span(tc, cell.get(f"{_TABLE}number-columns-spanned"))
                self.blocks(cell, tc, depth)
                if not len(tc):
                    ElementTree.SubElement(tc, f"{W}p")

    def paragraph(self, el: ElementTree.Element, depth: int, label: str) -> ElementTree.Element:
        p = ElementTree.Element(f"{W}p")
        run = ElementTree.SubElement(p, f"{W}r")
        if label:
            ElementTree.SubElement(run, f"{W}t").text = label
        self.inline(el, p, run, depth)
        return p

    def inline(
        self, el: ElementTree.Element, p: ElementTree.Element, run: ElementTree.Element, depth: int
    ) -> ElementTree.Element:
        """The text of ``el`` into ``run``; a text box becomes paragraphs nested in ``p``
        (read on lines of their own, as Word's are). Returns the run to go on with."""
        depth = self._deeper(depth)
        if el.text:
            ElementTree.SubElement(run, f"{W}t").text = el.text
        for child in el:
            tag = child.tag
            if tag in _SKIPPED or tag == f"{_TEXT}number":
                pass
            elif tag == f"{_TEXT}s":
                count = _count(child.get(f"{_TEXT}c"))
                ElementTree.SubElement(run, f"{W}t").text = " " * count
            elif tag == f"{_TEXT}tab":
                ElementTree.SubElement(run, f"{W}tab")
            elif tag == f"{_TEXT}line-break":
                ElementTree.SubElement(run, f"{W}br")
            elif tag == f"{_DRAW}text-box":
                box = ElementTree.Element(f"{W}body")
                self.blocks(child, box, depth)
                p.extend(box)
                run = ElementTree.SubElement(p, f"{W}r")
            elif tag in (f"{_DRAW}image", f"{_DRAW}object", f"{_DRAW}object-ole"):
                pass
            else:  # text:span, text:a, draw:frame, fields (their shown value is the text)
                run = self.inline(child, p, run, depth)
            if child.tail:
                ElementTree.SubElement(run, f"{W}t").text = child.tail
        return run


def _grid_span(tc: ElementTree.Element, value: str | None) -> None:
    """A merged cell's width in columns, as Word writes it (``w:tcPr/w:gridSpan``)."""
    if value and value.isdigit() and 1 < int(value) <= 64:
        props = ElementTree.SubElement(tc, f"{W}tcPr")
        ElementTree.SubElement(props, f"{W}gridSpan", {f"{W}val": value})


def _count(value: str | None) -> int:
    """``text:c`` of ``text:s``: how many spaces (1 when absent; bounded)."""
    try:
        return max(1, min(int(value or "1"), 100))
    except ValueError:
        return 1
