"""Hostile workbooks are refused or read within bounds, with a clear message, writing nothing.

Each file is built here byte by byte: a 5 KB workbook declaring A1:XFD1048576, two cells a
whole sheet apart (the reader would allocate every cell between them), a shared-strings zip
bomb, a million empty rows, a 10 MB cell, a zip that is not a workbook.
"""

from __future__ import annotations

import time
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import func, select

from fieldapp.errors import UserError
from fieldapp.households.excel_import import apply_import, preview_import, read_roster
from fieldapp.households.models import Household, HouseholdMember
from tests.core.households.workbooks import TODAY

NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"


def raw_xlsx(path: Path, sheet_data: str, strings: list[str] | None = None, dim: str = "") -> None:
    """A minimal workbook: one sheet whose <sheetData> is ``sheet_data``."""
    ct = (
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
        'package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.'
        'openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType='
        '"application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.'
        'openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/'
        'worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.'
        'spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType='
        '"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", ct)
        z.writestr(
            "_rels/.rels",
            f'<Relationships xmlns="{PKG}"><Relationship Id="rId1" Type="{REL}/officeDocument" '
            'Target="xl/workbook.xml"/></Relationships>',
        )
        z.writestr(
            "xl/workbook.xml",
            f'<workbook xmlns="{NS}" xmlns:r="{REL}"><sheets><sheet name="Thôn 4" sheetId="1" '
            'r:id="rId1"/></sheets></workbook>',
        )
        z.writestr(
            "xl/_rels/workbook.xml.rels",
            f'<Relationships xmlns="{PKG}"><Relationship Id="rId1" Type="{REL}/worksheet" '
            f'Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="{REL}/sharedStrings"'
            ' Target="sharedStrings.xml"/></Relationships>',
        )
        dimension = f'<dimension ref="{dim}"/>' if dim else ""
        z.writestr(
            "xl/worksheets/sheet1.xml",
            f'<worksheet xmlns="{NS}">{dimension}<sheetData>{sheet_data}</sheetData></worksheet>',
        )
        items = "".join(f"<si><t>{s}</t></si>" for s in strings or [])
        z.writestr("xl/sharedStrings.xml", f'<sst xmlns="{NS}">{items}</sst>')


def cell(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


ROSTER = (
    '<row r="1">' + cell("A1", "STT") + cell("B1", "Họ và tên") + cell("C1", "Năm sinh")
    + cell("D1", "Quan hệ với chủ hộ") + "</row>"
    '<row r="2"><c r="A2"><v>1</v></c>' + cell("B2", "Hoàng Văn Thắng")
    + '<c r="C2"><v>1968</v></c>' + cell("D2", "Chủ hộ") + "</row>"
)  # fmt: skip


def nothing_written(db) -> bool:
    with db.session() as s:
        return not s.scalar(select(func.count()).select_from(Household))


def test_a_declared_dimension_is_never_trusted(db, area_id, tmp_path):
    path = tmp_path / "dim.xlsx"
    raw_xlsx(path, ROSTER, dim="A1:XFD1048576")
    assert path.stat().st_size < 5_000
    started = time.perf_counter()
    preview = preview_import(db, path, area_id, today=TODAY)
    assert time.perf_counter() - started < 20  # seconds, not minutes (a generous bound)
    assert [p.full_name for h in preview.households for p in h.people] == ["Hoàng Văn Thắng"]


def test_cells_a_sheet_apart_are_refused_before_reading(db, area_id, tmp_path):
    path = tmp_path / "far.xlsx"
    raw_xlsx(path, ROSTER + '<row r="1048576">' + cell("XFD1048576", "x") + "</row>")
    with pytest.raises(UserError, match="bảng quá lớn") as err:
        preview_import(db, path, area_id, today=TODAY)
    assert "Không có gì được ghi" in str(err.value)
    assert nothing_written(db)


def test_a_shared_strings_bomb_is_refused_by_its_inflated_size(db, area_id, tmp_path):
    path = tmp_path / "bomb.xlsx"
    raw_xlsx(path, ROSTER, strings=["A" * (64 * 1024 * 1024)])
    assert path.stat().st_size < 1_000_000
    with pytest.raises(UserError, match="zip bomb|quá lớn"):
        read_roster(path)
    assert nothing_written(db)


def test_a_million_empty_rows_cost_nothing(db, area_id, tmp_path):
    path = tmp_path / "empty-rows.xlsx"
    empty = "".join(f'<row r="{i}"><c r="A{i}" s="0"/></row>' for i in range(3, 1_000_003))
    raw_xlsx(path, ROSTER + empty)
    preview = read_roster(path, today=TODAY)
    assert preview.people == 1


def test_a_ten_megabyte_cell_is_cut_and_the_person_kept(db, area_id, tmp_path):
    path = tmp_path / "big-cell.xlsx"
    huge = "Ma Văn Dài " * (1024 * 1024)
    rows = ROSTER + '<row r="3"><c r="A3"><v>2</v></c>' + cell("B3", huge) + "</row>"
    raw_xlsx(path, rows)
    preview = read_roster(path, today=TODAY)
    names = [p.full_name for h in preview.households for p in h.people]
    assert len(names) == 2 and len(names[1]) <= 120
    assert any("quá dài" in p.message for p in preview.warnings)
    apply_import(db, preview, area_id)
    with db.session() as s:
        longest = s.scalar(select(func.max(func.length(HouseholdMember.full_name))))
    assert longest <= 120


@pytest.mark.parametrize(
    "content",
    [
        b"PK\x03\x04" + b"\x00" * 300,  # a zip header and nothing
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\xff" * 600,  # an OLE header and garbage
        b"<html><body>Danh s\xc3\xa1ch</body></html>",  # a web page saved as .xls
    ],
)
def test_files_that_are_not_workbooks_are_refused_cleanly(db, area_id, tmp_path, content):
    path = tmp_path / "list.xls"
    path.write_bytes(content)
    with pytest.raises(UserError) as err:
        preview_import(db, path, area_id)
    assert "Không có gì được ghi" in str(err.value) or "hỏng" in str(err.value)
    assert nothing_written(db)


def test_a_zip_that_is_no_workbook(db, area_id, tmp_path):
    path = tmp_path / "list.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("readme.txt", "không phải bảng tính")
    with pytest.raises(UserError):
        preview_import(db, path, area_id)
    assert nothing_written(db)


def test_an_ods_whose_repeated_cells_stand_for_millions_is_refused(db, area_id, tmp_path):
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office='
        '"urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:'
        'opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
        '><office:body><office:spreadsheet><table:table table:name="Thôn 4"><table:table-row>'
        '<table:table-cell office:value-type="string"><text:p>Họ và tên</text:p>'
        "</table:table-cell></table:table-row><table:table-row table:number-rows-repeated="
        '"200000"><table:table-cell table:number-columns-repeated="50" office:value-type='
        '"string"><text:p>x</text:p></table:table-cell></table:table-row></table:table>'
        "</office:spreadsheet></office:body></office:document-content>"
    )
    path = tmp_path / "bomb.ods"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
    assert path.stat().st_size < 2_000
    started = time.perf_counter()
    with pytest.raises(UserError, match="bảng quá lớn"):
        preview_import(db, path, area_id)
    assert time.perf_counter() - started < 5  # refused before the reader makes any cell
    assert nothing_written(db)
