"""Directives (văn bản chỉ đạo): read a received file, parse it, and keep the register.

``extract_text`` turns a ``.txt`` / ``.pdf`` / ``.docx`` file into text, refusing bad files with
a Vietnamese :class:`fieldapp.errors.UserError`; ``parse_directive`` turns that text into a
:class:`ParsedDirective`. Neither touches the database. The register itself (saving reviewed
directives, following their items, queries) is :mod:`fieldapp.directives.register`, its
deadlines :mod:`fieldapp.directives.due`, its full-text search :mod:`fieldapp.directives.search`.
"""

from fieldapp.directives.extract import MAX_FILE_BYTES, extract_text
from fieldapp.directives.parser import ParsedDirective, ParsedItem, parse_directive

__all__ = [
    "MAX_FILE_BYTES",
    "ParsedDirective",
    "ParsedItem",
    "extract_text",
    "parse_directive",
]
