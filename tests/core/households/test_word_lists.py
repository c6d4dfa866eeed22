"""Household lists typed as a table in Word, as many villages keep them: in a .docx, the
same saved by LibreOffice as .odt and as Word 97-2003 .doc (``word/``, see its README). A
title above the table names the village; "Năm sinh" is merged over "Nam" and "Nữ"; the
list goes on in a second table after a page break with its headings typed again; a number
has 13 digits, another a letter, a date is 31/02. Everyone comes in, flagged where wrong.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from docx import Document
from docx.enum.text import WD_BREAK
from sqlalchemy import func, select

from fieldapp.cli import main
from fieldapp.errors import UserMistake
from fieldapp.households.excel_import import apply_import, read_roster
from fieldapp.households.models import HouseholdMember
from tests.core.households.workbooks import TODAY

HERE = Path(__file__).resolve().parent / "word"

HEADER = [
    "TT",
    "Họ và tên chủ hộ",
    "Năm sinh",
    None,
    "Số ĐDCN",
    "Tình trạng (F0/F1)",
    "Ngày bắt đầu cách ly",
    "Số điện thoại",
    "Ghi chú",
]
PART1 = [
    ["1", "Hoàng Văn Thắng", "1968", "", "006068001234", "F0", "3/8/2021", "0912345678", ""],
    ["1.1", "Ma Thị Lan", "", "1972", "006172001235", "F1", "03-08-2021", "", ""],
    ["1.2", "Hoàng Văn Pâu", "2010", "", "", "F1", "03/08/2021", "", ""],
    ["2", "Nông Văn Pản", "1955", "", "006055009999", "", "", "0209 3882 135", ""],
    ["2.1", "Nông Thị Slao", "", "1958", "0060 5800 1111 1", "f1", "05/8/2021", "", ""],
    ["2.2", "Nông Thị Mỷ", "", "2015", "", "", "", "", ""],
]
PART2 = [
    ["3", "Lường Văn Khuyến", "1980", "", "12345678X", "", "31/02/2021", "", "ngày sai"],
    ["3.1", "Đàm Thị Nhài", "", "1983", "", "", "", "", ""],
    ["", "Cộng: 3 hộ, 8 nhân khẩu", "", "", "", "", "", "", ""],
]


def table(doc, rows):
    t = doc.add_table(rows=2, cols=9)
    t.style = "Table Grid"
    for i, h in enumerate(HEADER):
        if h:
            t.rows[0].cells[i].text = h
    t.rows[1].cells[2].text = "Nam"
    t.rows[1].cells[3].text = "Nữ"
    t.cell(0, 2).merge(t.cell(0, 3))  # "Năm sinh" over Nam / Nữ
    for r in rows:
        cells = t.add_row().cells
        for i, v in enumerate(r):
            cells[i].text = v


def write_docx(path: Path) -> Path:
    doc = Document()
    doc.add_paragraph("ỦY BAN NHÂN DÂN XÃ BẰNG LÃNG")
    doc.add_paragraph("danh sách hộ gia đình trong vùng cách ly y tế thôn Nà Pài")
    table(doc, PART1)
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    table(doc, PART2)
    doc.add_paragraph("Bằng Lãng, ngày 20 tháng 8 năm 2021")
    doc.save(str(path))
    return path


def _list(tmp_path: Path, kind: str) -> Path:
    if kind == "docx":
        return write_docx(tmp_path / "ds-na-pai.docx")
    return HERE / f"ds-na-pai.{kind}"


@pytest.mark.parametrize("kind", ["docx", "odt", "doc", "rtf"])
def test_a_list_typed_as_a_word_table_comes_in_whole(db, area_id, tmp_path, kind):
    preview = read_roster(_list(tmp_path, kind), today=TODAY)
    assert [(s.name, s.households, s.people) for s in preview.sheets] == [("Bảng 1", 3, 8)]
    assert {h.village for h in preview.households} == {"Nà Pài"}
    people = {p.full_name: p for h in preview.households for p in h.people}
    assert len(people) == 8 and preview.rejected == []
    assert people["Ma Thị Lan"].sex == "F" and people["Ma Thị Lan"].birth_year == 1972
    assert people["Hoàng Văn Thắng"].citizen_id == "006068001234"
    assert people["Hoàng Văn Thắng"].status == "F0"
    assert people["Nông Thị Slao"].id_check and people["Lường Văn Khuyến"].id_check
    bad_date = [w for w in preview.warnings if "ngày không hợp lệ" in w.message]
    assert [w.column[:1] for w in bad_date] == ["G"], preview.warnings  # 31/02/2021, flagged
    apply_import(db, preview, area_id)
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(HouseholdMember)) == 8


@pytest.mark.parametrize("kind", ["docx", "odt", "doc", "rtf"])
def test_rows_are_numbered_as_the_rows_of_the_table(tmp_path, kind):
    """A Word table has no row numbers but its own: the headings are rows 1-2 (whatever
    title lines stand above the table), Hoàng Văn Thắng row 3; the second table goes on
    from the first, its headings typed again left out, so Lường Văn Khuyến is row 9."""
    preview = read_roster(_list(tmp_path, kind), today=TODAY)
    (sheet,) = preview.sheets
    assert sheet.header_rows == (1, 2)
    rows = {r.name: r.row for r in preview.rows if r.name}
    assert rows["Hoàng Văn Thắng"] == 3 and rows["Nông Thị Mỷ"] == 8
    assert rows["Lường Văn Khuyến"] == 9
    assert not [t for t in sheet.left_out_text() if "tiêu đề" in t and "dòng 0" in t]
    assert all(a >= 1 for a, _, _ in sheet.left_out)


def test_a_word_list_from_the_command_line(tmp_path, capsys):
    path = write_docx(tmp_path / "ds-na-pai.docx")
    data = str(tmp_path / "d")
    area = ["household", "area", "add", "Khu phong tỏa thôn Nà Pài", "--start", "02/08/2021"]
    assert main([*area, "--villages", "Nà Pài", "--data-dir", data]) == 0
    capsys.readouterr()
    args = ["household", "import", str(path), "--area", "Khu phong tỏa thôn Nà Pài", "--json"]
    assert main([*args, "--data-dir", data]) == 0
    result = json.loads(capsys.readouterr().out)
    assert (result["households"], result["people"]) == (3, 8)


def test_a_word_file_without_a_table_is_refused_in_plain_words(tmp_path):
    doc = Document()
    doc.add_paragraph("Danh sách hộ thôn Nà Pài: Hoàng Văn Thắng, Ma Thị Lan.")
    path = tmp_path / "khong-bang.docx"
    doc.save(str(path))
    with pytest.raises(UserMistake) as err:
        read_roster(path, today=TODAY)
    assert "không có bảng" in str(err.value) and "Không có gì được ghi" in str(err.value)


def test_a_damaged_word_list_is_refused_in_plain_words(tmp_path):
    whole = write_docx(tmp_path / "ds.docx").read_bytes()
    path = tmp_path / "hong.docx"
    path.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(UserMistake) as err:
        read_roster(path, today=TODAY)
    assert "hong.docx" in str(err.value) and "Không có gì được ghi" in str(err.value)
