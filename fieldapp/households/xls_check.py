"""Measuring an Excel 97–2003 file (.xls) before the reader sees it.

An .xls is an OLE2 compound file holding a "Workbook" stream of BIFF records. It is not
compressed, yet a small file can still make a reader build gigabytes:

- two cells far apart (A1 and IV65536): the reader makes every cell between them;
- a shared-strings bomb: one long string in the SST, referenced by thousands of cells, each
  of which the reader copies;
- an SST that declares millions of strings, or records whose lengths run past the stream.

:func:`measure_xls` walks the container and the records with plain byte reads (no reader
library), bounded by the file's own size, and returns what the reader would make: the extent
of each sheet and the characters of text in its cells. :mod:`workbook` refuses the file when
those pass its limits.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field

from fieldapp.compound_file import Encrypted, NotCompound, read_streams

__all__ = ["Encrypted", "NotXls", "measure_xls", "workbook_stream"]


# BIFF record types
_BOF, _EOF, _SST, _CONTINUE = 0x0809, 0x000A, 0x00FC, 0x003C
_LABELSST, _LABEL, _RSTRING, _STRING = 0x00FD, 0x0204, 0x00D6, 0x0207
_NUMBER, _RK, _BOOLERR, _FORMULA, _MULRK = 0x0203, 0x027E, 0x0205, 0x0006, 0x00BD
_BOUNDSHEET, _FILEPASS = 0x0085, 0x002F


NotXls = NotCompound  # the bytes are not a readable compound file / BIFF stream


@dataclass
class SheetMeasure:
    name: str = ""
    height: int = 0  # last row with a cell (1-based)
    width: int = 0  # last column with a cell (1-based)
    cells: int = 0
    text: int = 0  # characters of text the reader would make for the cells


@dataclass
class XlsMeasure:
    sheets: list[SheetMeasure] = field(default_factory=list)
    strings: int = 0  # strings the SST declares
    strings_found: int = 0  # strings actually in it

    @property
    def text(self) -> int:
        return sum(s.text for s in self.sheets)


# --------------------------------------------------------------------------------------------
# The compound file (OLE2 / CFB): fieldapp.compound_file
# --------------------------------------------------------------------------------------------


def workbook_stream(data: bytes) -> bytes:
    """The "Workbook" (BIFF8) or "Book" (BIFF5) stream of a compound file."""
    streams = read_streams(data, ("Workbook", "Book"))
    stream = streams.get("workbook", streams.get("book"))
    if stream is None:
        raise NotXls("no workbook stream")
    return stream


# --------------------------------------------------------------------------------------------
# BIFF records
# --------------------------------------------------------------------------------------------


def _records(stream: bytes):
    pos, end = 0, len(stream)
    while pos + 4 <= end:
        kind, length = struct.unpack_from("<HH", stream, pos)
        body = stream[pos + 4 : pos + 4 + length]
        if len(body) < length:
            raise NotXls("record runs past the stream")
        yield pos, kind, body
        pos += 4 + length


def _sst_lengths(pieces: list[bytes], declared: int) -> list[int]:
    """The length (characters) of each string of the SST, whose body is split over an SST
    record and its CONTINUE records: character data that crosses into the next piece starts
    there with a fresh options byte."""
    lengths: list[int] = []
    index, pos = 0, 8
    piece = pieces[0]

    def need(count: int) -> None:
        nonlocal index, pos, piece
        while pos + count > len(piece):
            if pos < len(piece) and count and pos + count > len(piece):
                raise NotXls("SST header split")
            index += 1
            if index >= len(pieces):
                raise NotXls("SST runs out")
            piece, pos = pieces[index], 0

    def skip(count: int) -> None:  # rich-text runs and phonetic data: no options byte
        nonlocal index, pos, piece
        while count > 0:
            if pos >= len(piece):
                index += 1
                if index >= len(pieces):
                    raise NotXls("SST runs out")
                piece, pos = pieces[index], 0
            step = min(count, len(piece) - pos)
            pos += step
            count -= step

    while len(lengths) < declared:
        if pos >= len(piece) and index + 1 >= len(pieces):
            break
        need(3)
        chars, options = struct.unpack_from("<HB", piece, pos)
        pos += 3
        runs = ext = 0
        if options & 0x08:
            need(2)
            (runs,) = struct.unpack_from("<H", piece, pos)
            pos += 2
        if options & 0x04:
            need(4)
            (ext,) = struct.unpack_from("<I", piece, pos)
            pos += 4
        wide = options & 0x01
        left = chars
        while left:
            if pos >= len(piece):
                index += 1
                if index >= len(pieces):
                    raise NotXls("SST runs out")
                piece, pos = pieces[index], 1
                wide = piece[0] & 0x01
            width = 2 if wide else 1
            take = min(left, (len(piece) - pos) // width)
            if take == 0:
                raise NotXls("SST character split")
            pos += take * width
            left -= take
        skip(4 * runs + ext)
        lengths.append(chars)
    return lengths


def measure_xls(data: bytes) -> XlsMeasure:
    """What a reader would make of the .xls in ``data``; raises :class:`NotXls` when the file
    is not one (a damaged file)."""
    stream = workbook_stream(data)
    out = XlsMeasure()
    lengths: list[int] = []
    names: dict[int, str] = {}
    sst: list[bytes] | None = None
    sheet: SheetMeasure | None = None
    depth = 0
    seen_globals = False
    biff8 = True
    for pos, kind, body in _records(stream):
        if sst is not None:
            if kind == _CONTINUE:
                sst.append(body)
                continue
            lengths = _sst_lengths(sst, out.strings)
            out.strings_found = len(lengths)
            sst = None
        if kind == _BOF:
            if not seen_globals and len(body) >= 2:
                biff8 = struct.unpack_from("<H", body, 0)[0] >= 0x0600
            depth += 1
            if depth == 1 and (pos in names or seen_globals):
                sheet = SheetMeasure(names.get(pos, ""))
                out.sheets.append(sheet)
            seen_globals = True
            continue  # a chart inside a sheet nests its own BOF ... EOF
        if kind == _EOF:
            depth = max(0, depth - 1)
            if depth == 0:
                sheet = None
            continue
        if kind == _FILEPASS:
            raise Encrypted("password-protected workbook")
        if kind == _BOUNDSHEET and len(body) >= 8:
            (offset,) = struct.unpack_from("<I", body, 0)
            chars = body[6]
            if biff8:  # a flags byte, then Latin-1 or UTF-16 characters
                wide = body[7] & 1
                raw = body[8 : 8 + chars * (2 if wide else 1)]
                names[offset] = raw.decode("utf-16-le" if wide else "latin-1", "replace")
            else:  # BIFF5: bytes in the file's code page (for messages only)
                names[offset] = body[7 : 7 + chars].decode("cp1258", "replace")
            continue
        if kind == _SST and len(body) >= 8:
            out.strings = struct.unpack_from("<I", body, 4)[0]
            sst = [body]
            continue
        if sheet is None or len(body) < 4:
            continue
        row, col = struct.unpack_from("<HH", body, 0)
        if kind == _MULRK and len(body) >= 6:
            last = struct.unpack_from("<H", body, len(body) - 2)[0]
            count = max(0, last - col + 1)
            sheet.cells += count
            sheet.height = max(sheet.height, row + 1)
            sheet.width = max(sheet.width, last + 1)
            continue
        if kind not in (_LABELSST, _LABEL, _RSTRING, _STRING, _NUMBER, _RK, _BOOLERR, _FORMULA):
            continue
        if kind == _STRING:  # a formula's text result: its length is the first field
            sheet.text += row
            continue
        sheet.cells += 1
        sheet.height = max(sheet.height, row + 1)
        sheet.width = max(sheet.width, col + 1)
        if kind == _LABELSST and len(body) >= 10:
            (index,) = struct.unpack_from("<I", body, 6)
            sheet.text += lengths[index] if index < len(lengths) else 0
        elif kind in (_LABEL, _RSTRING) and len(body) >= 8:
            sheet.text += struct.unpack_from("<H", body, 6)[0]
    if sst is not None:
        lengths = _sst_lengths(sst, out.strings)
        out.strings_found = len(lengths)
    return out
