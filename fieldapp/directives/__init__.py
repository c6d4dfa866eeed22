"""Directives (văn bản chỉ đạo): read a received file, parse it, and keep the register.

``extract_text`` turns a received file (Word, OpenDocument, RTF, PDF, scan, photo, ``.txt``)
into text, refusing bad files with a Vietnamese :class:`fieldapp.errors.UserError`; ``parse_directive`` turns that text into a
:class:`ParsedDirective`. Neither touches the database. The register itself (saving reviewed
directives, following their items, queries) is :mod:`fieldapp.directives.register`, its
deadlines :mod:`fieldapp.directives.due`, its full-text search :mod:`fieldapp.directives.search`.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fieldapp.directives.extract import MAX_FILE_BYTES, extract_text
    from fieldapp.directives.parser import ParsedDirective, ParsedItem, parse_directive

# Loaded when first asked for: ``fieldapp.directives.due`` (the overview at start-up) must not
# pay for the parser and the file readers (~0.3 s).
_LAZY = {
    "MAX_FILE_BYTES": "extract",
    "extract_text": "extract",
    "ParsedDirective": "parser",
    "ParsedItem": "parser",
    "parse_directive": "parser",
}


def __getattr__(name: str):  # noqa: ANN202 - PEP 562
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)


__all__ = [
    "MAX_FILE_BYTES",
    "ParsedDirective",
    "ParsedItem",
    "extract_text",
    "parse_directive",
]
