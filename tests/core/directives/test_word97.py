"""Directives that arrive as Word 97–2003 files (.doc): read like their .docx, hostile ones
refused in plain words.

The .doc files in ``word97/`` are our own synthetic directives saved as .doc by LibreOffice
(see its README); the damaged and locked ones are made here from them byte by byte.
"""

from __future__ import annotations

import struct
from pathlib import Path

import pytest

from fieldapp.directives.extract import read_directive_file
from fieldapp.directives.reading import read_directive
from fieldapp.errors import UserError
from tests.core.directives import samples as S

HERE = Path(__file__).resolve().parent / "word97"


def _fib_offset(data: bytes) -> int:
    """Where the WordDocument stream (its File Information Block) starts in the file."""
    for at in range(512, len(data), 512):
        if data[at : at + 2] == b"\xec\xa5":
            return at
    raise AssertionError("no FIB")


@pytest.mark.parametrize("seed", [0, 5])
def test_a_doc_reads_every_field_as_its_docx_does(tmp_path: Path, seed: int) -> None:
    """The header table's two columns, the number, issuer, date, subject, recipients, the
    numbered items and the signing block: the same as the .docx it was saved from."""
    spec = S.make_spec(seed)
    docx = read_directive(S.write_docx(spec, tmp_path / "van-ban.docx")).to_json_dict()
    doc = read_directive(HERE / f"mau-{seed}.doc").to_json_dict()
    assert doc == docx
    assert doc["number"] == spec.number and doc["items"], doc
    text = read_directive_file(HERE / f"mau-{seed}.doc")
    assert text.file_kind == "doc" and "\x07" not in text.text and "\r" not in text.text


def test_a_doc_from_the_command_line_and_into_the_register(db, tmp_path: Path, capsys) -> None:
    S.parsed_and_registered(db, tmp_path / "d", capsys, HERE / "mau-5.doc", S.make_spec(5))


def _patched(tmp_path: Path, name: str, change) -> Path:
    data = bytearray((HERE / "mau-0.doc").read_bytes())
    change(data, _fib_offset(bytes(data)))
    path = tmp_path / name
    path.write_bytes(bytes(data))
    return path


def _flag(data: bytearray, fib: int, bit: int) -> None:
    (flags,) = struct.unpack_from("<H", data, fib + 0x0A)
    struct.pack_into("<H", data, fib + 0x0A, flags | bit)


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (lambda d, fib: _flag(d, fib, 0x0100), "mật khẩu"),  # encrypted
        (lambda d, fib: _flag(d, fib, 0x8000), "mật khẩu"),  # obfuscated
        (lambda d, fib: struct.pack_into("<H", d, fib + 2, 0x0065), "Word 6.0/95"),
        (lambda d, fib: struct.pack_into("<i", d, fib + 34 + 28 + 2 + 12, 2**30), "quá dài"),
        # the piece table said to lie far past the end of the table stream
        (lambda d, fib: struct.pack_into("<I", d, fib + 154 + 33 * 8, 2**31), "bị hỏng"),
        # the stream's identity broken
        (lambda d, fib: struct.pack_into("<H", d, fib, 0x1234), "bị hỏng"),
    ],
)
def test_a_locked_damaged_or_too_old_doc_is_refused_in_plain_words(
    tmp_path: Path, change, words: str
) -> None:
    path = _patched(tmp_path, "hong.doc", change)
    with pytest.raises(UserError) as err:
        read_directive_file(path)
    assert words in str(err.value) and "hong.doc" in str(err.value)


def test_a_cut_short_doc_or_another_compound_file_is_refused(tmp_path: Path) -> None:
    whole = (HERE / "mau-0.doc").read_bytes()
    for size in (600, len(whole) // 2, len(whole) - 700):
        path = tmp_path / f"cut-{size}.doc"
        path.write_bytes(whole[:size])
        with pytest.raises(UserError) as err:
            read_directive_file(path)
        assert "hỏng" in str(err.value) or "không" in str(err.value), size
    # an Excel 97-2003 workbook renamed .doc: a compound file without a WordDocument stream
    import xlwt

    book = xlwt.Workbook()
    book.add_sheet("Sheet1").write(0, 0, "Danh sách")
    xls = tmp_path / "danh-sach.doc"
    book.save(str(xls))
    with pytest.raises(UserError) as err:
        read_directive_file(xls)
    assert "không phải văn bản Word" in str(err.value)


def test_garbage_in_every_byte_of_the_fib_never_escapes_as_a_crash(tmp_path: Path) -> None:
    """Each byte of the File Information Block's first 512 set to 0xFF in turn: every outcome
    is a reading or a plain refusal, never another exception."""
    whole = (HERE / "mau-0.doc").read_bytes()
    fib = _fib_offset(whole)
    path = tmp_path / "fuzz.doc"
    outcomes = set()
    for at in range(fib, fib + 512, 3):
        data = bytearray(whole)
        data[at] = 0xFF
        path.write_bytes(bytes(data))
        try:
            read_directive_file(path)
            outcomes.add("read")
        except UserError:
            outcomes.add("refused")
    assert outcomes <= {"read", "refused"} and "refused" in outcomes
