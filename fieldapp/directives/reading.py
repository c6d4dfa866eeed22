"""A directive file read and parsed in one step, with the fields a reader should check.

The window's import form, ``fieldapp directive parse`` and ``directive import`` all come
through :func:`read_directive`: the file is read (OCR for page images), parsed, and every
field the text does not hold or that OCR read with low confidence is listed in ``flags``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from fieldapp.directives.extract import Extracted, read_directive_file
from fieldapp.directives.ocr import LOW_CONFIDENCE
from fieldapp.directives.parser import ParsedDirective, parse_directive
from fieldapp.progress import Progress, report
from fieldapp.text.vietnamese import fold

__all__ = ["Reading", "read_directive", "low_confidence_fields"]

# Fields whose words are looked up among the OCR lines to judge how surely they were read.
_CHECKED = (
    "number",
    "issuer",
    "place",
    "issued_on",
    "subject",
    "urgency",
    "signer",
    "signer_title",
)


@dataclass
class Reading:
    """What was read from one file: the extraction, the parsed fields, and the flags."""

    extracted: Extracted
    parsed: ParsedDirective
    flags: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.extracted.text

    def to_json_dict(self) -> dict[str, Any]:
        """The parser's keys plus ``ocr`` (null when no OCR was needed), ``old_font`` (the old
        font encoding the text was converted from, "tcvn3" or "vni"; null for Unicode) and
        ``flags``."""
        out = self.parsed.to_json_dict()
        out["ocr"] = self.extracted.ocr.to_json_dict() if self.extracted.ocr else None
        out["old_font"] = self.extracted.legacy_encoding or None
        out["flags"] = list(self.flags)
        return out


def read_directive(
    path: str | os.PathLike[str], *, progress: Progress | None = None, preview: bool = False
) -> Reading:
    """Read, parse and flag a directive file (any accepted kind); raise ``UserError``."""
    extracted = read_directive_file(path, progress=progress, preview=preview)
    report(progress, 1, 1, "Đang đọc các trường")
    parsed = parse_directive(extracted.text)
    flags = [name for name in parsed.missing]
    for name in low_confidence_fields(parsed, extracted):
        if name not in flags:
            flags.append(name)
    return Reading(extracted, parsed, flags)


def low_confidence_fields(parsed: ParsedDirective, extracted: Extracted) -> list[str]:
    """Fields read (by OCR) from lines whose mean word confidence is below the threshold."""
    if extracted.ocr is None or extracted.layout is None:
        return []
    lines = [(fold(text), conf) for text, conf in extracted.layout.line_confidence]
    out = []
    for name in _CHECKED:
        value = getattr(parsed, name)
        if not value:
            continue
        if isinstance(value, date):
            probe = [fold(f"ngay {value.day:02d}"), fold(f"ngay {value.day}"), str(value.year)]
        else:
            words = fold(str(value)).split()
            probe = [" ".join(words[:3])] if words else []
        confs = [c for text, c in lines if any(p and p in text for p in probe)]
        if confs and min(confs) < LOW_CONFIDENCE:
            out.append(name)
    if extracted.ocr.mean_confidence < LOW_CONFIDENCE and "items" not in out:
        out.append("items")
    return out
