"""Streams of an OLE2 compound file (CFB): Excel 97–2003 (.xls) and Word 97–2003 (.doc).

Plain byte reads bounded by the file's own size: every sector number is checked against the
file, every chain against looping, every stream against the file's length, so a damaged or
hostile file raises :class:`NotCompound` and never makes the reader loop or build more than
the file holds.
"""

from __future__ import annotations

import struct

SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_SPECIAL = 0xFFFFFFF0  # ids at or above this are markers, not sectors


class NotCompound(ValueError):
    """The bytes are not a readable compound file (a damaged file)."""


class Encrypted(NotCompound):
    """The document is protected by a password (an encrypted .xlsx or .docx is a compound
    file too)."""


def _u32s(data: bytes) -> tuple[int, ...]:
    return struct.unpack(f"<{len(data) // 4}I", data[: len(data) // 4 * 4])


def read_streams(data: bytes, names: tuple[str, ...]) -> dict[str, bytes]:
    """The streams called ``names`` (any case) that the compound file holds, by their
    lower-case name; the others are left out. Raises :class:`NotCompound` for a damaged
    file and :class:`Encrypted` for a password-protected Office 2007+ document."""
    if not data.startswith(SIGNATURE) or len(data) < 512:
        raise NotCompound("not a compound file")
    shift, mini_shift = struct.unpack_from("<HH", data, 0x1E)
    if shift not in (9, 12) or mini_shift != 6:
        raise NotCompound("bad sector size")
    size = 1 << shift
    sectors = max(0, (len(data) - size) // size)
    (fat_count, dir_start, _tx, cutoff, minifat_start, minifat_count, difat_start,
     difat_count) = struct.unpack_from("<IIIIIIII", data, 0x2C)  # fmt: skip

    def sector(n: int) -> bytes:
        if n >= sectors:
            raise NotCompound("sector out of range")
        start = (n + 1) * size
        return data[start : start + size]

    # The FAT's own sectors: 109 in the header, the rest in a chain of DIFAT sectors.
    fat_sectors = [n for n in _u32s(data[0x4C:0x200]) if n < _SPECIAL]
    n, seen = difat_start, 0
    while n < _SPECIAL and seen <= difat_count and seen <= sectors:
        entries = _u32s(sector(n))
        fat_sectors += [e for e in entries[:-1] if e < _SPECIAL]
        n, seen = entries[-1], seen + 1
    if len(fat_sectors) > sectors or fat_count > sectors + 1:
        raise NotCompound("FAT larger than the file")
    fat = b"".join(sector(n) for n in fat_sectors[: fat_count or len(fat_sectors)])
    table = _u32s(fat)

    def chain(first: int, links: tuple[int, ...], limit: int) -> list[int]:
        out, n = [], first
        while n < _SPECIAL:
            if n >= len(links) or len(out) > limit:
                raise NotCompound("broken or looping chain")
            out.append(n)
            n = links[n]
        return out

    directory = b"".join(sector(n) for n in chain(dir_start, table, sectors))
    entries = []
    for off in range(0, len(directory) - 127, 128):
        name_len, kind = struct.unpack_from("<HB", directory, off + 0x40)
        if kind not in (1, 2, 5):
            continue
        name = directory[off : off + max(0, min(64, name_len) - 2)].decode("utf-16-le", "replace")
        start, length = struct.unpack_from("<IQ", directory, off + 0x74)
        if shift == 9:
            length &= 0xFFFFFFFF  # version 3 files: the high half is undefined
        entries.append((name, kind, start, length))
    if not entries or entries[0][1] != 5:
        raise NotCompound("no root entry")
    if any(e[0] in ("EncryptedPackage", "EncryptionInfo") for e in entries):
        raise Encrypted("password-protected workbook")
    out: dict[str, bytes] = {}
    wanted = {n.lower() for n in names}
    mini: tuple[bytes, tuple[int, ...]] | None = None  # the mini stream and its links
    for name, kind, start, length in entries:
        if kind != 2 or name.lower() not in wanted or name.lower() in out:
            continue
        if length > len(data):
            raise NotCompound("stream longer than the file")
        if length >= cutoff:
            stream = b"".join(sector(n) for n in chain(start, table, sectors))
        else:  # a small stream lives in the mini stream, 64-byte pieces of the root's chain
            if mini is None:
                minifat = b"".join(sector(n) for n in chain(minifat_start, table, sectors))
                mini = (
                    b"".join(sector(n) for n in chain(entries[0][2], table, sectors)),
                    _u32s(minifat[: minifat_count * size]),
                )
            small, links = mini
            pieces = chain(start, links, len(small) // 64 + 1)
            stream = b"".join(small[p * 64 : p * 64 + 64] for p in pieces)
        if len(stream) < length:
            raise NotCompound("stream cut short")
        out[name.lower()] = stream[:length]
    return out
