"""Reading the parts of a received package a few thousand rows at a time.

A part is checked twice: once whole before anything is written (its size and SHA-256 against
the signed manifest, :func:`hash_part`), and again while it is applied (:class:`CheckedPart`),
so that a file changed on disk between the two readings is refused and the import's
transaction rolled back. Neither reading keeps the part in memory.

A table's part is ``{"columns": [...], "rows": [[...], ...]}`` (every format the app has
written): :func:`table_rows` gives the columns, then the rows in batches, parsed as the bytes
arrive (a 50,000-household package never sits in memory whole, as text or as lists).
"""

from __future__ import annotations

import codecs
import hashlib
import json
import zipfile
from collections.abc import Iterator
from typing import Any

from fieldapp import json_input

READ = 1 << 20  # bytes read from the zip at a time


class PartMismatch(ValueError):
    """A part's bytes differ from what the signed manifest says (size or SHA-256)."""


def hash_part(archive: zipfile.ZipFile, name: str, size: int, sha256: str) -> None:
    """Read a part through, without keeping it; raise :class:`PartMismatch` unless it has
    exactly ``size`` bytes with that SHA-256."""
    with CheckedPart(archive, name, size, sha256) as part:
        while part.read(READ):
            pass


class CheckedPart:
    """A part opened for reading, hashed on the way; at its end (or when it gives more bytes
    than declared) the size and SHA-256 are compared with the manifest's."""

    def __init__(self, archive: zipfile.ZipFile, name: str, size: int, sha256: str) -> None:
        self.name = name
        self._limit = int(size)
        self._sha256 = str(sha256)
        self._hash = hashlib.sha256()
        self._size = 0
        self._fh = archive.open(name)
        self.done = False

    def read(self, n: int = READ) -> bytes:
        data = self._fh.read(min(n, self._limit - self._size + 1))
        self._hash.update(data)
        self._size += len(data)
        if self._size > self._limit:
            raise PartMismatch(self.name)
        if not data:
            self._finish()
        return data

    def read_all(self) -> bytes:
        """The rest of the part (for small parts: the tombstones, a document)."""
        chunks = []
        while chunk := self.read(READ):
            chunks.append(chunk)
        return b"".join(chunks)

    def _finish(self) -> None:
        if self._size != self._limit or self._hash.hexdigest() != self._sha256:
            raise PartMismatch(self.name)
        self.done = True

    def close(self) -> None:
        self._fh.close()

    def __enter__(self) -> CheckedPart:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


_WHITESPACE = " \t\n\r"


class _Text:
    """JSON values read one by one from a byte stream (UTF-8), as the bytes arrive."""

    def __init__(self, part: CheckedPart) -> None:
        self._part = part
        self._utf8 = codecs.getincrementaldecoder("utf-8")()
        self.buf = ""
        self.pos = 0
        self.eof = False

    def _more(self) -> None:
        # read at least as much as is waiting: a long value is re-scanned a bounded number
        # of times (the reads double), never once per megabyte
        want = max(READ, len(self.buf) - self.pos)
        data = self._part.read(want)
        if data:
            text = self._utf8.decode(data)
        else:
            text = self._utf8.decode(b"", final=True)
            self.eof = True
        self.buf = self.buf[self.pos :] + text
        self.pos = 0

    def peek(self) -> str:
        """The next character that is not white space ('' at the end)."""
        while True:
            buf, pos = self.buf, self.pos
            while pos < len(buf) and buf[pos] in _WHITESPACE:
                pos += 1
            self.pos = pos
            if pos < len(buf):
                return buf[pos]
            if self.eof:
                return ""
            self._more()

    def expect(self, char: str) -> None:
        if self.peek() != char:
            raise ValueError(f"expected {char!r}")
        self.pos += 1

    def value(self) -> Any:
        self.peek()
        while True:
            try:
                value, end = json_input.raw_decode(self.buf, self.pos)
            except json.JSONDecodeError:
                if self.eof:
                    raise ValueError("bad JSON") from None
                self._more()  # a value cut by the end of what was read so far
                continue
            if end == len(self.buf) and not self.eof:
                self._more()  # "12" may be the start of "123": read on and parse again
                continue
            self.pos = end
            return value

    def finish(self) -> None:
        """Nothing but white space may follow; the part is read to its end (and checked)."""
        if self.peek() != "":
            raise ValueError("data after the end of the part")
        while not self._part.done:
            self._part.read(READ)


def table_rows(part: CheckedPart, batch: int) -> tuple[list[str], Iterator[list[list[Any]]]]:
    """A table part's columns, and its rows in lists of at most ``batch``; the part is checked
    against the manifest when the rows have been read through. Raises ValueError (or
    :class:`PartMismatch`) for anything that is not such a part."""
    text = _Text(part)
    text.expect("{")
    columns: list[str] | None = None
    early: list[list[Any]] | None = None  # rows given before the columns (never by the app)
    seen: set[str] = set()
    while True:
        key = text.value()
        if not isinstance(key, str) or key in seen:
            raise ValueError("bad key")
        seen.add(key)
        text.expect(":")
        if key == "columns":
            columns = text.value()
            if not isinstance(columns, list) or not all(isinstance(c, str) for c in columns):
                raise ValueError("bad columns")
        elif key == "rows":
            if columns is None:
                early = text.value()
                if not isinstance(early, list):
                    raise ValueError("bad rows")
            else:
                return columns, _rows(text, batch)
        else:
            text.value()  # something newer versions may add: read and leave
        if text.peek() == ",":
            text.pos += 1
            continue
        text.expect("}")
        text.finish()
        if columns is None or early is None:
            raise ValueError("a part needs columns and rows")
        rows = early
        return columns, iter([rows[i : i + batch] for i in range(0, len(rows), batch)])


def _rows(text: _Text, batch: int) -> Iterator[list[list[Any]]]:
    text.expect("[")
    out: list[list[Any]] = []
    if text.peek() == "]":
        text.pos += 1
    else:
        while True:
            row = text.value()
            if row.__class__ is not list:
                raise ValueError("a row is not a list")
            out.append(row)
            if len(out) >= batch:
                yield out
                out = []
            char = text.peek()
            text.pos += 1
            if char == "]":
                break
            if char != ",":
                raise ValueError("expected ','")
    # what follows the rows: more keys (read and left), then the end of the object
    while text.peek() == ",":
        text.pos += 1
        key = text.value()
        if not isinstance(key, str) or key in ("columns", "rows"):
            raise ValueError("bad key")
        text.expect(":")
        text.value()
    text.expect("}")
    text.finish()
    if out:
        yield out
