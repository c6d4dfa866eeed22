"""Hostile .xls, .ods and .csv lists are refused or read within bounds, writing nothing.

Each file is built here: an Excel 97–2003 workbook with two cells a sheet apart, one long
shared string under thousands of cells (also spread over CONTINUE records), an SST and a
DIMENSIONS record that lie, a record that runs past the end; an .ods whose content.xml is a
zip bomb, whose repeated cells carry megabytes of text, with a million empty rows; .csv with
a 10 MB cell, a million empty lines, and binary garbage.

The reading runs in a child process with a memory ceiling and a kill timeout, so that a
regression fails the test instead of taking minutes or the machine's memory.
"""

from __future__ import annotations

import json
import os
import random
import struct
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import func, select

from fieldapp.errors import UserError
from fieldapp.households.excel_import import preview_import, read_roster
from fieldapp.households.models import Household
from fieldapp.households.xls_check import _records, workbook_stream
from tests.core.households.workbooks import TODAY

MEMORY_CEILING = 1536 * 1024 * 1024  # address space of the child that reads
KILL_AFTER = 120  # seconds: a bound against a hang, not a speed target

_CHILD = """
import json, resource, sys
resource.setrlimit(resource.RLIMIT_AS, ({ceiling}, {ceiling}))
from fieldapp.errors import UserError
from fieldapp.households.excel_import import read_roster
try:
    preview = read_roster(sys.argv[1])
except UserError as exc:
    print(json.dumps({{"refused": str(exc)}}))
else:
    names = [p.full_name for h in preview.households for p in h.people]
    print(json.dumps({{"people": names, "warnings": [w.message for w in preview.warnings]}}))
"""


def read_bounded(path: Path) -> dict:
    """read_roster(path) in a child process under a memory ceiling and a kill timeout."""
    proc = subprocess.run(
        [sys.executable, "-c", _CHILD.format(ceiling=MEMORY_CEILING), str(path)],
        capture_output=True,
        text=True,
        timeout=KILL_AFTER,
        cwd=Path(__file__).resolve().parents[3],
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[3])},
    )
    assert proc.returncode == 0, proc.stderr[-1500:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


def nothing_written(db) -> bool:
    with db.session() as s:
        return not s.scalar(select(func.count()).select_from(Household))


def refused_and_nothing_written(db, area_id, path: Path, pattern: str) -> str:
    outcome = read_bounded(path)
    assert "refused" in outcome, outcome
    with pytest.raises(UserError, match=pattern) as err:
        preview_import(db, path, area_id, today=TODAY)
    assert "Không có gì được ghi" in str(err.value)
    assert nothing_written(db)
    return outcome["refused"]


# --------------------------------------------------------------------------------------------
# Excel 97–2003 (.xls)
# --------------------------------------------------------------------------------------------


def xls_roster(path: Path, extra=None) -> None:
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("Thôn Nà Pài")
    for c, label in enumerate(("STT", "Họ và tên", "Năm sinh", "Quan hệ với chủ hộ")):
        sheet.write(0, c, label)
    sheet.write(1, 0, 1)
    sheet.write(1, 1, "Hoàng Văn Thắng")
    sheet.write(1, 2, 1968)
    sheet.write(1, 3, "Chủ hộ")
    sheet.write(2, 1, "Ma Thị Lan")
    sheet.write(2, 2, 1972)
    sheet.write(2, 3, "Vợ")
    if extra is not None:
        extra(sheet)
    book.save(str(path))


def patch_records(path: Path, change) -> None:
    """Rewrite BIFF records in place (same length): ``change(kind, body) -> bytes | None``."""
    data = bytearray(path.read_bytes())
    stream = workbook_stream(bytes(data))
    base = bytes(data).find(stream[:512])  # xlwt lays the stream out in one run
    assert base > 0
    for pos, kind, body in _records(stream):
        new = change(kind, body)
        if new is not None:
            assert len(new) == len(body)
            data[base + pos + 4 : base + pos + 4 + len(body)] = new
    path.write_bytes(bytes(data))


def test_xls_cells_a_sheet_apart_are_refused_before_the_reader(db, area_id, tmp_path):
    path = tmp_path / "far.xls"
    xls_roster(path, lambda sheet: sheet.write(65535, 255, "x"))
    assert path.stat().st_size < 10_000
    message = refused_and_nothing_written(db, area_id, path, "bảng quá lớn")
    assert "65536" in message and "Thôn Nà Pài" in message


def test_xls_shared_strings_bomb_is_refused(db, area_id, tmp_path):
    path = tmp_path / "sst-bomb.xls"
    long_text = "Nà Pài " * 4600  # 32,200 characters, stored once in the SST

    def bomb(sheet):
        for r in range(3, 12_003):
            sheet.write(r, 5, long_text)

    xls_roster(path, bomb)
    assert path.stat().st_size < 500_000
    message = refused_and_nothing_written(db, area_id, path, "shared strings")
    assert "ký tự" in message


def test_xls_bomb_through_continue_records(db, area_id, tmp_path):
    """Strings of 16 bits a character spread over many CONTINUE records, then referenced."""
    path = tmp_path / "continue.xls"
    texts = ["Ước " * 8000 + str(i) for i in range(40)]  # each over several CONTINUE records

    def bomb(sheet):
        for r in range(3, 2003):
            sheet.write(r, 6, texts[r % len(texts)])

    xls_roster(path, bomb)
    stream = workbook_stream(path.read_bytes())
    assert sum(1 for _p, kind, _b in _records(stream) if kind == 0x003C) > 40
    refused_and_nothing_written(db, area_id, path, "shared strings")


def test_xls_whose_sst_and_dimensions_lie_is_read(tmp_path):
    path = tmp_path / "lies.xls"
    xls_roster(path)

    def lie(kind, body):
        if kind == 0x00FC:  # SST: "two thousand million strings"
            return struct.pack("<II", 0x7FFFFFFF, 0x7FFFFFFF) + body[8:]
        if kind == 0x0200:  # DIMENSIONS: the whole sheet
            return struct.pack("<IIHH", 0, 65536, 0, 256) + body[12:]
        return None

    patch_records(path, lie)
    outcome = read_bounded(path)
    assert outcome.get("people") == ["Hoàng Văn Thắng", "Ma Thị Lan"], outcome


def test_xls_record_running_past_the_end_is_damaged(db, area_id, tmp_path):
    path = tmp_path / "cut.xls"
    xls_roster(path)
    data = bytearray(path.read_bytes())
    stream = workbook_stream(bytes(data))
    base = bytes(data).find(stream[:512])
    last = [pos for pos, kind, _b in _records(stream) if kind == 0x00FC][0]
    struct.pack_into("<H", data, base + last + 2, 0xFFFF)  # the SST claims 64 KB
    data[base + len(stream) - 200 : base + len(stream)] = b"\xff" * 200  # and garbage after
    path.write_bytes(bytes(data))
    outcome = read_bounded(path)
    assert "refused" in outcome or outcome.get("people") is not None
    if "refused" in outcome:
        assert "hỏng" in outcome["refused"] or "từ chối" in outcome["refused"]
    assert nothing_written(db)


def test_xls_random_bytes_behind_an_ole_header(db, area_id, tmp_path):
    rng = random.Random(13)
    path = tmp_path / "garbage.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + rng.randbytes(300_000))
    refused_and_nothing_written(db, area_id, path, "hỏng")


# --------------------------------------------------------------------------------------------
# LibreOffice (.ods)
# --------------------------------------------------------------------------------------------

_ODS_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:'
    'names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:'
    'xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body>'
    '<office:spreadsheet><table:table table:name="Thôn 4">'
)
_ODS_TAIL = "</table:table></office:spreadsheet></office:body></office:document-content>"
_MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:'
    'tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:'
    'full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    "</manifest:manifest>"
)


def ods_cell(text: str) -> str:
    return (
        f'<table:table-cell office:value-type="string"><text:p>{text}</text:p></table:table-cell>'
    )


def ods_row(*texts: str) -> str:
    return "<table:table-row>" + "".join(ods_cell(t) for t in texts) + "</table:table-row>"


ODS_ROSTER = (
    ods_row("STT", "Họ và tên", "Quan hệ với chủ hộ")
    + ods_row("1", "Hoàng Văn Thắng", "Chủ hộ")
    + ods_row("", "Ma Thị Lan", "Vợ")
)


def write_ods(path: Path, body: str | None = None, *, content_chunks=None) -> None:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("META-INF/manifest.xml", _MANIFEST)
        if content_chunks is None:
            z.writestr("content.xml", _ODS_HEAD + (body or "") + _ODS_TAIL, zipfile.ZIP_DEFLATED)
            return
        info = zipfile.ZipInfo("content.xml")
        info.compress_type = zipfile.ZIP_DEFLATED
        with z.open(info, "w", force_zip64=True) as part:
            for chunk in content_chunks:
                part.write(chunk)


def test_ods_whose_content_is_a_zip_bomb_is_refused(db, area_id, tmp_path):
    path = tmp_path / "bomb.ods"

    def chunks():
        yield (_ODS_HEAD + ODS_ROSTER).encode()
        for _ in range(48):  # 48 MB of a blank that compresses to almost nothing
            yield b" " * (1024 * 1024)
        yield _ODS_TAIL.encode()

    write_ods(path, content_chunks=chunks())
    assert path.stat().st_size < 200_000
    refused_and_nothing_written(db, area_id, path, "zip bomb")


def test_ods_repeated_cells_of_long_text_are_refused(db, area_id, tmp_path):
    path = tmp_path / "text.ods"
    bomb = (
        '<table:table-row table:number-rows-repeated="3000"><table:table-cell table:number-'
        'columns-repeated="50" office:value-type="string"><text:p>'
        + "Nà Pài " * 2000
        + "</text:p></table:table-cell></table:table-row>"
    )
    write_ods(path, ODS_ROSTER + bomb)
    assert path.stat().st_size < 5_000
    message = refused_and_nothing_written(db, area_id, path, "ký tự")
    assert "lặp lại" in message


def test_ods_a_million_trailing_empty_rows_cost_nothing(tmp_path):
    path = tmp_path / "trailing.ods"
    empty = (
        '<table:table-row table:number-rows-repeated="1048573"><table:table-cell '
        'table:number-columns-repeated="1024"/></table:table-row>'
    )
    write_ods(path, ODS_ROSTER + empty)
    assert read_bounded(path)["people"] == ["Hoàng Văn Thắng", "Ma Thị Lan"]


def test_ods_a_million_empty_rows_before_more_people_are_refused(db, area_id, tmp_path):
    path = tmp_path / "gap.ods"
    gap = (
        '<table:table-row table:number-rows-repeated="1000000"><table:table-cell '
        'table:number-columns-repeated="1024"/></table:table-row>'
    )
    write_ods(path, ODS_ROSTER + gap + ods_row("2", "Nông Văn Pản", "Chủ hộ"))
    refused_and_nothing_written(db, area_id, path, "bảng quá lớn")


def test_ods_ten_megabyte_cell_is_cut_and_the_person_kept(tmp_path):
    path = tmp_path / "big-cell.ods"
    write_ods(path, ODS_ROSTER + ods_row("2", "Ma Văn Dài " * (1024 * 1024), "Chủ hộ"))
    outcome = read_bounded(path)
    assert len(outcome["people"]) == 3 and len(outcome["people"][2]) <= 120
    assert any("quá dài" in w for w in outcome["warnings"])


# --------------------------------------------------------------------------------------------
# .csv
# --------------------------------------------------------------------------------------------

CSV_ROSTER = "STT;Họ và tên;Năm sinh;Quan hệ với chủ hộ\n1;Hoàng Văn Thắng;1968;Chủ hộ\n"


def test_csv_ten_megabyte_cell_is_cut_and_the_person_kept(tmp_path):
    path = tmp_path / "big.csv"
    path.write_text(CSV_ROSTER + ";" + "Ma Văn Dài " * (1024 * 1024) + ";1972;Vợ\n", "utf-8")
    assert path.stat().st_size > 10_000_000
    outcome = read_bounded(path)
    assert len(outcome["people"]) == 2 and len(outcome["people"][1]) <= 120


def test_csv_a_million_empty_lines_cost_nothing(tmp_path):
    path = tmp_path / "empty.csv"
    path.write_text(CSV_ROSTER + "\n" * 1_000_000 + ";;;\n" * 1000 + ";Ma Thị Lan;1972;Vợ\n")
    assert read_bounded(path)["people"] == ["Hoàng Văn Thắng", "Ma Thị Lan"]


@pytest.mark.parametrize("zeros", [True, False])
def test_binary_garbage_named_csv_is_refused(db, area_id, tmp_path, zeros):
    rng = random.Random(7)
    data = rng.randbytes(2_000_000)
    if not zeros:
        data = data.replace(b"\x00", b"\x01")
    path = tmp_path / "list.csv"
    path.write_bytes(data)
    outcome = read_bounded(path)
    assert "refused" in outcome
    with pytest.raises(UserError):
        read_roster(path)
    with pytest.raises(UserError, match="Không có gì được ghi"):
        preview_import(db, path, area_id)
    assert nothing_written(db)


def test_password_protected_workbooks_say_so(db, area_id, tmp_path):
    from tests.core.households.test_import_unseen_lists import biff5_stream, compound_file

    rows = [["Họ và tên", "Năm sinh"]] + [[f"Hoàng Văn Thắng {i}", 1968] for i in range(300)]
    stream = biff5_stream([("Thôn 4", rows)])
    bof_end = 4 + struct.unpack_from("<H", stream, 2)[0]
    filepass = struct.pack("<HH", 0x002F, 6) + b"\x00\x00" + b"\x01\x00\x01\x00"
    locked_xls = tmp_path / "locked.xls"
    locked_xls.write_bytes(compound_file(stream[:bof_end] + filepass + stream[bof_end:]))
    locked_xlsx = tmp_path / "locked.xlsx"  # Office encryption: a compound file, not a zip
    locked_xlsx.write_bytes(compound_file(bytes(8192), name="EncryptedPackage"))
    for path in (locked_xls, locked_xlsx):
        with pytest.raises(UserError, match="mật khẩu"):
            preview_import(db, path, area_id)
    assert nothing_written(db)
