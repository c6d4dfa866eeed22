"""The people on duty from the list the commune keeps (``roster staff import``): grouped by
force under lines of their own, phones typed every way (a number cell that lost its 0,
"+84 ...", dots), a position instead of a force, a person typed twice, a total, a date and a
signature under the list. Everyone named comes in, flagged where something is wrong; the
same list again adds nobody; the import is undone as one; a viewer cannot import."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from docx import Document
from openpyxl import Workbook

from fieldapp.cli import main
from fieldapp.errors import UserError
from fieldapp.rostering.staff_list import (
    add_staff_list,
    plan_staff_list,
    read_staff_list,
    remove_staff_list,
)
from fieldapp.rostering.store import list_staff

ROWS = [
    ["UBND XÃ BẰNG LÃNG"],
    ["DANH SÁCH LỰC LƯỢNG THAM GIA TRỰC CHỐT KIỂM SOÁT DỊCH COVID-19"],
    [],
    ["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Số điện thoại", "Ghi chú"],
    ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"],
    ["I", "CÔNG AN XÃ"],
    [1, "Nguyễn Văn An", "Phó trưởng Công an xã", "Công an xã", 912345678, ""],
    [2, "Phạm Minh Dũng", "Công an viên", "Công an xã", "0987 654 321", ""],
    [3, "Lý Văn Hải", "", "", "098765", "mới chuyển về"],
    ["II", "DÂN QUÂN TỰ VỆ"],
    [4, "Hoàng Văn Nam", "Chiến sĩ", "Thôn Nà Pài", "0912.111.222", ""],
    [5, "Nông Thị Hạnh", "Tiểu đội trưởng", "Thôn Bản Lác", "+84 912 333 444", ""],
    ["III", "Y TẾ"],
    [6, "Đàm Thị Lan", "Y sĩ", "Trạm Y tế xã", "0209 3882 135", "trực đêm được"],
    ["IV", "ĐOÀN THANH NIÊN"],
    [7, "Triệu Văn Bình", "Đoàn viên", "Chi đoàn thôn Nà Pài", "", ""],
    [8, "Ma Văn Phúc", "Trưởng thôn", "Thôn Khuổi Ky", "0915000111", ""],
    [9, "Nguyễn Văn An", "Phó trưởng Công an xã", "Công an xã", 912345678, "ghi hai lần"],
    ["", "Tổng cộng: 9 người"],
    [],
    ["", "", "", "Bằng Lãng, ngày 02 tháng 8 năm 2021"],
    ["", "", "", "CHỦ TỊCH"],
]

EXPECTED = {  # name: (roles, unit, phone)
    "Nguyễn Văn An": (("police",), "Công an xã", "0912345678"),
    "Phạm Minh Dũng": (("police",), "Công an xã", "0987654321"),
    "Lý Văn Hải": (("police",), "", ""),
    "Hoàng Văn Nam": (("militia",), "Thôn Nà Pài", "0912111222"),
    "Nông Thị Hạnh": (("militia",), "Thôn Bản Lác", "0912333444"),
    "Đàm Thị Lan": (("health",), "Trạm Y tế xã", "02093882135"),
    "Triệu Văn Bình": (("youth",), "Chi đoàn thôn Nà Pài", ""),
    "Ma Văn Phúc": (("youth",), "Thôn Khuổi Ky", "0915000111"),
}


def write_xlsx(path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Lực lượng trực chốt"
    for row in ROWS:
        ws.append(row)
    other = wb.create_sheet("Bản cũ")
    other.append(["Họ và tên"])
    other.append(["Người Cũ"])
    other.sheet_state = "hidden"
    wb.save(path)
    return path


def write_docx(path: Path) -> Path:
    doc = Document()
    doc.add_paragraph("DANH SÁCH LỰC LƯỢNG TRỰC CHỐT")
    table = doc.add_table(rows=0, cols=6)
    for row in ROWS[3:18]:
        cells = table.add_row().cells
        for i, value in enumerate(row):
            cells[i].text = "" if value is None else str(value)
    doc.save(str(path))
    return path


def _people(preview):
    return {r.name: (r.roles, r.unit, r.phone) for r in preview.to_add}


def test_a_list_grouped_by_force_comes_in_whole(db, tmp_path):
    preview = read_staff_list(write_xlsx(tmp_path / "luc-luong.xlsx"))
    assert _people(preview) == EXPECTED
    hai = next(r for r in preview.rows if r.name == "Lý Văn Hải")
    assert "098765" in hai.notes and "số điện thoại" in hai.problems[0]
    phuc = next(r for r in preview.rows if r.name == "Ma Văn Phúc")
    assert phuc.notes == "Trưởng thôn"  # a position, not a force: kept in the notes
    twice = [r for r in preview.rows if r.twice]
    assert [r.row for r in twice] == [18] and "dòng 7" in twice[0].problems[0]
    left = " ".join(preview.left_out)
    assert "dòng 5: dòng đánh số cột" in left and "dòng tổng cộng" in left
    assert "CÔNG AN XÃ" in left and "chữ ký" in left
    assert "Người Cũ" not in [r.name for r in preview.rows]  # the hidden sheet
    ids = add_staff_list(db, preview)
    stored = {p.name: (p.roles, p.unit, p.phone) for p in list_staff(db)}
    assert stored == EXPECTED and len(ids) == 8
    again = read_staff_list(tmp_path / "luc-luong.xlsx")
    plan_staff_list(db, again)
    assert again.to_add == [] and add_staff_list(db, again) == []
    remove_staff_list(db, ids)
    assert list_staff(db, include_inactive=True) == []


def test_the_same_list_as_a_word_table_and_as_csv(tmp_path):
    from_word = read_staff_list(write_docx(tmp_path / "luc-luong.docx"))
    assert _people(from_word) == EXPECTED
    csv = tmp_path / "luc-luong.csv"
    lines = [",".join("" if v is None else str(v) for v in row) for row in ROWS]
    csv.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    people = _people(read_staff_list(csv))
    # a .csv keeps what was typed: 912345678 has no 0 and is not a number cell there
    assert people.pop("Nguyễn Văn An")[:2] == EXPECTED["Nguyễn Văn An"][:2]
    assert people == {k: v for k, v in EXPECTED.items() if k != "Nguyễn Văn An"}


def test_a_file_without_a_name_column_is_refused_and_nothing_is_written(db, tmp_path):
    wb = Workbook()
    wb.active.append(["Báo cáo", "Số liệu"])
    wb.active.append(["Chốt 1", 12])
    wb.save(tmp_path / "bao-cao.xlsx")
    with pytest.raises(UserError, match="Không tìm thấy danh sách người trực"):
        read_staff_list(tmp_path / "bao-cao.xlsx")
    assert list_staff(db, include_inactive=True) == []


def test_undo_is_refused_once_someone_imported_is_on_a_roster(db, tmp_path):
    from datetime import date

    from fieldapp.rostering.planning import generate
    from fieldapp.rostering.store import add_site

    ids = add_staff_list(db, read_staff_list(write_xlsx(tmp_path / "l.xlsx")))
    add_site(db, "Chốt Cầu", kind="checkpoint", active_from=date(2021, 8, 2), pattern="2x12")
    generate(db, date(2021, 8, 2), date(2021, 8, 3))
    with pytest.raises(UserError, match="đã có trong lịch trực"):
        remove_staff_list(db, ids)
    assert len(list_staff(db)) == 8  # all or none


def test_the_command_line_previews_imports_and_refuses_a_viewer(tmp_path, capsys, monkeypatch):
    from fieldapp.accounts.service import create_user, sign_in
    from fieldapp.config import resolve_paths
    from fieldapp.db.database import open_database

    path = write_xlsx(tmp_path / "luc-luong.xlsx")
    data = str(tmp_path / "d")
    args = ["roster", "staff", "import", str(path), "--data-dir", data]
    assert main([*args, "--dry-run"]) == 0
    assert "Sẽ thêm 8 người" in capsys.readouterr().out
    assert main(["roster", "staff", "list", "--json", "--data-dir", data]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert main([*args, "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert (result["added"], result["known"]) == (8, 0)
    assert {p["name"] for p in result["people"]} == set(EXPECTED)
    assert main(args) == 0
    assert "Sẽ thêm 0 người; 9 người đã có" in capsys.readouterr().out
    # accounts on: a viewer may not add anyone
    db = open_database(resolve_paths(data))
    create_user(db, "admin", "mat-khau-dai-1")
    sign_in(db, "admin", "mat-khau-dai-1", sleep=lambda _s: None)
    create_user(db, "xem", "mat-khau-dai-1", role="viewer")
    db.close()
    other = tmp_path / "khac.xlsx"
    wb = Workbook()
    wb.active.append(["Họ và tên", "Lực lượng"])
    wb.active.append(["Bế Văn Mới", "Dân quân"])
    wb.save(other)
    monkeypatch.setenv("FIELDAPP_PASSWORD", "mat-khau-dai-1")
    code = main(["roster", "staff", "import", str(other), "--data-dir", data, "--user", "xem"])
    assert code != 0
    assert "Bế Văn Mới" not in capsys.readouterr().out
    db = open_database(resolve_paths(data))
    try:
        assert "Bế Văn Mới" not in {p.name for p in list_staff(db)}
    finally:
        db.close()


def test_a_name_typed_in_two_columns_is_one_name(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["STT", "Họ và tên đệm", "Tên", "Lực lượng", "SĐT"])
    ws.append([1, "Nguyễn Văn", "An", "Công an", "0912345678"])
    ws.append([2, "Lò Thị", "Xuân", "Y tế", ""])
    wb.save(tmp_path / "hai-cot.xlsx")
    people = _people(read_staff_list(tmp_path / "hai-cot.xlsx"))
    assert people == {
        "Nguyễn Văn An": (("police",), "", "0912345678"),
        "Lò Thị Xuân": (("health",), "", ""),
    }
