"""Vietnamese order as bytes, so that SQLite can ``ORDER BY`` a stored column.

:func:`fieldapp.text.vietnamese.name_sort_key` gives a nested tuple; :func:`sort_bytes`
writes it so that comparing the bytes (SQLite compares BLOBs with ``memcmp``) gives exactly
the order of the tuples. Each tuple of numbers is written as 3-byte big-endian values plus one
and closed by zeros, so a shorter tuple sorts before a longer one that starts the same;
each word is opened by ``01`` and the list of words closed by ``00`` for the same reason.
"""

from __future__ import annotations

from fieldapp.text.vietnamese import SortKey, name_sort_key, sort_key

_END3 = b"\x00\x00\x00"


def _numbers(values: tuple[int, ...]) -> bytes:
    return b"".join((v + 1).to_bytes(3, "big") for v in values) + _END3


def sort_bytes(key: SortKey) -> bytes:
    """The bytes of a collation key: ``sort_bytes(a) < sort_bytes(b)`` exactly when ``a < b``."""
    words, case, text = key
    out = bytearray()
    for letters, tones in words:
        out += b"\x01"
        out += _numbers(letters)
        out += _numbers(tones)
    out += b"\x00"
    out += bytes(c + 1 for c in case) + b"\x00"
    out += text.encode("utf-8")
    return bytes(out)


def name_sort_bytes(full_name: str) -> bytes:
    """Sort column of a personal name: given name first, Vietnamese alphabet and tones."""
    return sort_bytes(name_sort_key(full_name))


def text_sort_bytes(text: str) -> bytes:
    """Sort column of any other text (village names): word by word, Vietnamese order."""
    return sort_bytes(sort_key(text))
