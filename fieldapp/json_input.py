"""JSON that comes from outside: a roster file someone opens, a package from another commune,
a file of report parts. Parsed so that anything hostile is a :class:`ValueError` like any
other malformed JSON, which the callers already turn into a plain refusal:

- nesting deep enough to exhaust Python's stack (``[[[[...``, a few hundred kilobytes) would
  raise ``RecursionError`` from the standard parser, which nobody catches: a crash;
- ``NaN``, ``Infinity`` and numbers too large for a float (``1e999``) are not JSON numbers
  (the standard parser lets them in) and pass every range check of the form ``0 < x <= 24``.
"""

from __future__ import annotations

import json
import math
from typing import Any

__all__ = ["loads", "raw_decode"]


def _constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def _float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"{text[:20]} is too large a number")
    return value


_DECODER = json.JSONDecoder(parse_float=_float, parse_constant=_constant)


def loads(data: str | bytes | bytearray) -> Any:
    """:func:`json.loads`, refusing (``ValueError``) what is described above."""
    try:
        return json.loads(data, parse_float=_float, parse_constant=_constant)
    except RecursionError:
        raise ValueError("JSON nested too deeply") from None


def raw_decode(text: str, pos: int = 0) -> tuple[Any, int]:
    """:meth:`json.JSONDecoder.raw_decode` (a value and where it ends), refusing the same.
    A value cut short still raises :class:`json.JSONDecodeError` (read on and try again)."""
    try:
        return _DECODER.raw_decode(text, pos)
    except RecursionError:
        raise ValueError("JSON nested too deeply") from None
