"""Household lists as communes keep them: several sheets, old formats, encodings (issue 13).

Every file is built here, messy on purpose: a sheet per village with a title row, a hidden
sheet with an old version, a chart-like summary sheet without a roster, a stale
``<dimension>``, IDs that lost their leading zeros, Excel 97–2003 .xls, .ods, and .csv in
UTF-8, Windows-1258 and TCVN3.
"""

from __future__ import annotations

import unicodedata
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

from fieldapp.households.excel_export import export_households
from fieldapp.households.excel_import import apply_import, preview_import, read_roster
from fieldapp.households.models import HealthStatus, Household, HouseholdMember
from fieldapp.households.service import AreaInput, add_area, household_detail
from fieldapp.text.legacy import TCVN3
from tests.core.households.workbooks import TODAY

HEADER = ["STT", "Họ và tên", "Năm sinh", None, "Quan hệ với chủ hộ", "Số CCCD/CMND",
          "Tình trạng (F0, F1)", "Ngày bắt đầu cách ly"]  # fmt: skip
SUB = [None, None, "Nam", "Nữ", None, None, None, None]


def village_rows(village_tag: str, people: list[tuple]) -> list[list]:
    """A title row, a merged two-row header, the people, a total and a signature."""
    rows: list[list] = [
        ["UBND XÃ BẰNG LÃNG"],
        [f"DANH SÁCH HỘ GIA ĐÌNH TRONG VÙNG PHONG TỎA - {village_tag}"],
        [],
        HEADER,
        SUB,
    ]
    stt = 0
    for name, year, sex, relation, cid, status in people:
        if relation == "Chủ hộ":
            stt += 1
        rows.append(
            [
                stt if relation == "Chủ hộ" else None,
                name,
                year if sex == "M" else None,
                year if sex == "F" else None,
                relation,
                cid,
                status,
                "05/08/2021" if status else None,
            ]
        )
    rows += [[], ["Tổng cộng", f"{stt} hộ"], [None, "Người lập biểu"], [None, "Hoàng Văn Thắng"]]
    return rows


THON_4 = [
    ("Hoàng Văn Thắng", 1968, "M", "Chủ hộ", 6068001234, "F0"),  # number cell: "006" lost
    ("Ma Thị Lan", 1972, "F", "Vợ", 12345678, None),  # a CMND of Hà Nội, one zero lost
    ("Hoàng Thị Ỏi", 2019, "F", "Con", None, None),
    ("Nông Văn Pản", 1955, "M", "Chủ hộ", "006055009999", "F1"),
    ("Nông Thị Slao", 1958, "F", "Vợ", "0060 5800 1111 1", None),  # 13 digits: mistyped
]
NA_PAI = [
    ("Lường Văn Khuyến", 1980, "M", "Chủ hộ", "006080002222", None),
    ("Đàm Thị Nhài", 1983, "F", "Vợ", "006183002222", None),
    ("Triệu Văn Ước", 1990, "M", "Chủ hộ", "006190003333", "F1"),  # sex digit says woman
]


def _read(tmp_path: Path, name: str, rows: list[list]):
    """The preview of a one-sheet workbook holding ``rows``."""
    wb = Workbook()
    for row in rows:
        wb.active.append(row)
    path = tmp_path / name
    wb.save(path)
    return read_roster(path, today=TODAY)


def write_villages(path: Path, *, hidden_old: bool = True, chart: bool = True) -> None:
    wb = Workbook()
    wb.remove(wb.active)
    if chart:
        summary = wb.create_sheet("Tổng hợp")
        summary.append(["Thôn", "Số hộ", "Số người"])
        summary.append(["Thôn 4", 2, 5])
    if hidden_old:
        old = wb.create_sheet("Bản cũ")
        for row in village_rows("THÔN 4", THON_4[:2]):
            old.append(row)
        old.sheet_state = "hidden"
    for title, tag, people in (("Sheet2", "THÔN 4", THON_4), ("Nà Pài", "", NA_PAI)):
        ws = wb.create_sheet(title)
        for row in village_rows(tag or "XÃ BẰNG LÃNG", people):
            ws.append(row)
        ws.merge_cells("C4:D4")
    wb.save(path)


def stale_dimension(path: Path) -> None:
    """Rewrite every sheet's <dimension> to claim A1:B2 (some writers leave it stale)."""
    import re

    tmp = path.with_suffix(".tmp")
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename.startswith("xl/worksheets/sheet"):
                data = re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:B2"/>', data)
            dst.writestr(info, data)
    tmp.replace(path)


def test_every_visible_sheet_with_its_village_hidden_and_chart_sheets_named(tmp_path):
    path = tmp_path / "ba-thon.xlsx"
    write_villages(path)
    stale_dimension(path)
    preview = read_roster(path, today=TODAY)
    sheets = {s.name: s for s in preview.sheets}
    assert sheets["Bản cũ"].skipped and "ẩn" in sheets["Bản cũ"].skipped
    assert sheets["Tổng hợp"].skipped and "không có bảng" in sheets["Tổng hợp"].skipped
    assert (sheets["Sheet2"].households, sheets["Sheet2"].people) == (2, 5)
    assert (sheets["Nà Pài"].households, sheets["Nà Pài"].people) == (2, 3)
    villages = [h.village for h in preview.households]
    # From the title row ("... - THÔN 4"); from the sheet's name when the title has none.
    assert villages == ["Thôn 4", "Thôn 4", "Nà Pài", "Nà Pài"]
    people = {p.full_name: p for h in preview.households for p in h.people}
    assert len(people) == 8  # nobody dropped: the hidden sheet's copies are not read
    assert people["Hoàng Văn Thắng"].citizen_id == "006068001234"
    assert (people["Ma Thị Lan"].citizen_id, people["Ma Thị Lan"].id_kind) == (
        "012345678",
        "cmnd",
    )
    slao = people["Nông Thị Slao"]
    assert slao.citizen_id is None and slao.id_kind == "other" and slao.id_check
    assert slao.id_typed == "0060580011111"
    uoc = people["Triệu Văn Ước"]
    assert uoc.citizen_id == "006190003333" and "giới tính" in uoc.id_check
    assert preview.count_status("F0") == 1 and preview.count_status("F1") == 2
    assert people["Hoàng Văn Thắng"].iso_start.isoformat() == "2021-08-05"
    skipped = [(p.sheet, p.message) for p in preview.rejected]
    assert skipped == []  # totals and signatures are not people and not "rejected" either
    texts = " ".join(p.text() for p in preview.warnings)
    assert "trang Sheet2" in texts and "0060" not in texts and "5800" not in texts


def test_a_subtotal_mid_sheet_does_not_end_the_list_and_every_non_person_row_is_named(tmp_path):
    """One sheet with two villages, each closed by its own "Cộng" line, a signature block
    after the first subtotal and blank rows between: everyone after a subtotal is read, and
    every row that is not a person is listed by row with why."""
    head = [["UBND XÃ BẰNG LÃNG"], ["DANH SÁCH HỘ TRONG VÙNG PHONG TỎA"], [], HEADER, SUB]
    first = village_rows("THÔN 4", THON_4)[5:]  # people, blank, total, signature
    second = [
        [1, "Lường Văn Khuyến", 1980, None, "Chủ hộ", "006080002222", None, None],
        [None, "Đàm Thị Nhài", None, 1983, "Vợ", "006183002222", None, None],
        [],
        [2, "Triệu Văn Ước", 1990, None, "Chủ hộ", "006190003333", "F1", "05/08/2021"],
        ["Cộng thôn Nà Pài", "2 hộ"],
        [],
        [None, "Ngày 20 tháng 8 năm 2021"],
        [None, "TRƯỞNG THÔN"],
        [None, "Lường Văn Khuyến"],  # the village head signs: not a second person
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "Danh sách"
    for row in [*head, *first, *second]:
        ws.append(row)
    path = tmp_path / "hai-thon-mot-trang.xlsx"
    wb.save(path)
    preview = read_roster(path, today=TODAY)
    names = [p.full_name for h in preview.households for p in h.people]
    assert len(names) == 8 and names.count("Lường Văn Khuyến") == 1
    assert "Triệu Văn Ước" in names  # after the first subtotal, signature and a blank row
    (sheet,) = preview.sheets
    left = {(a, b): why for a, b, why in sheet.left_out}
    assert left[(1, 2)].startswith("tiêu đề") and left[(4, 5)] == "dòng tiêu đề của bảng"
    assert left[(11, 11)] == "dòng trống"
    assert "tổng cộng" in left[(12, 12)]  # "Tổng cộng 2 hộ"
    assert "chữ ký" in left[(13, 14)]  # "Người lập biểu", "Hoàng Văn Thắng" under it
    assert left[(17, 17)] == "dòng trống"  # between two households of the second village
    assert left[(19, 19)] == left[(12, 12)]  # "Cộng thôn Nà Pài": a total, even under one
    covered = {n for a, b in left for n in range(a, b + 1)}
    people_rows = {r.row for r in preview.rows if r.kind in ("head", "member")}
    assert covered | people_rows | {3} == set(range(1, 24))  # row 3 is the empty spacer
    assert sheet.as_json()["left_out"][0] == {"rows": [1, 2], "reason": left[(1, 2)]}


def test_village_lines_and_subtotals_each_household_in_its_own_village(tmp_path):
    """A list grouped by village ("I. Thôn Nà Pài" ... "Cộng thôn", "II. Thôn Bản Cuôn" ...
    "Cộng", then "Tổng cộng"), a numbering row under the header: the second village's
    households are read and land in the second village, not the first."""
    rows = [
        ["UBND XÃ BẰNG LÃNG"], [], ["DANH SÁCH HỘ TRONG VÙNG PHONG TỎA"], [],
        ["STT", "Họ và tên", "Năm sinh", "Giới tính", "Quan hệ với chủ hộ", "Số CCCD"],
        ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"],
        ["I", "Thôn Nà Pài"],
        [1, "Hà Văn Một", 1970, "Nam", "Chủ hộ", None],
        [None, "Hà Thị Hai", 1972, "Nữ", "Vợ", None],
        ["Cộng thôn Nà Pài", "1 hộ"],
        ["II", "Thôn Bản Cuôn"],
        [1, "Lò Văn Ba", 1960, "Nam", "Chủ hộ", None],
        [2, "Lò Thị Bốn", 1965, "Nữ", "Chủ hộ", None],
        [None, "Lò Văn Năm", 2001, "Nam", "Con", None],
        ["Cộng", "2 hộ"],
        ["III", "Xóm Chợ"],
        [1, "Vi Văn Sáu", 1950, "Nam", "Chủ hộ", None],
        ["Tổng cộng", "4 hộ", "6 người"],
        [None, "Người lập biểu"],
        [None, "Hà Văn Một"],
    ]  # fmt: skip
    wb = Workbook()
    for row in rows:
        wb.active.append(row)
    path = tmp_path / "theo-thon.xlsx"
    wb.save(path)
    preview = read_roster(path, today=TODAY)
    got = [(h.village, [p.full_name for p in h.people]) for h in preview.households]
    assert got == [
        ("Nà Pài", ["Hà Văn Một", "Hà Thị Hai"]),
        ("Bản Cuôn", ["Lò Văn Ba"]),
        ("Bản Cuôn", ["Lò Thị Bốn", "Lò Văn Năm"]),
        ("Chợ", ["Vi Văn Sáu"]),  # "Xóm Chợ", as "Thôn Nà Pài" is Nà Pài
    ]
    left = {(a, b): why for a, b, why in preview.sheets[0].left_out}
    assert left[(11, 11)] == left[(16, 16)] == "dòng tên thôn, tổ"
    assert left[(10, 10)] == left[(15, 15)] == left[(18, 18)]  # the three totals
    assert "chữ ký" in left[(19, 20)]  # the signer is not a second "Hà Văn Một"


def test_a_list_of_heads_only_gives_a_household_per_row(tmp_path):
    """'Họ và tên chủ hộ' with no relation and no numbering: each row is a household (the
    second head was read as the first one's family member)."""
    rows = [
        ["Họ và tên chủ hộ", "Số nhân khẩu", "Địa chỉ", "Điện thoại"],
        ["Lường Văn Khuyến", 4, "Thôn Nà Pài", "0912000111"],
        ["Triệu Văn Ước", 2, "Thôn Bản Cuôn", None],
        ["Đàm Thị Nhài", 1, "Thôn Bản Cuôn", None],
    ]
    preview = _read(tmp_path, "chu-ho.xlsx", rows)
    got = [(h.village, [p.full_name for p in h.people]) for h in preview.households]
    assert got == [
        ("Nà Pài", ["Lường Văn Khuyến"]),
        ("Bản Cuôn", ["Triệu Văn Ước"]),
        ("Bản Cuôn", ["Đàm Thị Nhài"]),
    ]
    assert preview.warnings == []


def test_families_typed_as_blocks_with_blank_rows_between(tmp_path):
    """No numbering, no relation column: each family is a block under the one before, a
    blank row between. Each block is a household (all were one household), each new head
    flagged for checking."""
    rows = [
        ["Họ và tên", "Năm sinh", "Giới tính", "Địa chỉ"],
        ["Hà Văn Một", 1970, "Nam", "Thôn Nà Pài"],
        ["Hà Thị Hai", 1972, "Nữ", "Thôn Nà Pài"],
        [],
        ["Lò Văn Ba", 1960, "Nam", "Thôn Bản Cuôn"],
        ["Lò Thị Bốn", 1990, "Nữ", "Thôn Bản Cuôn"],
        [None, None, None, None],
        [None, None, None, None],
        ["Vi Văn Năm", 1950, "Nam", "Thôn Bản Cuôn"],
    ]
    preview = _read(tmp_path, "tung-khoi.xlsx", rows)
    got = [(h.village, [p.full_name for p in h.people]) for h in preview.households]
    assert got == [
        ("Nà Pài", ["Hà Văn Một", "Hà Thị Hai"]),
        ("Bản Cuôn", ["Lò Văn Ba", "Lò Thị Bốn"]),
        ("Bản Cuôn", ["Vi Văn Năm"]),
    ]
    assert [w.row for w in preview.warnings] == [2, 5, 9]  # every head to check


def test_a_familys_heading_line_is_not_a_person(tmp_path):
    """ "I | Hộ ông Hoàng Văn Sáng" above each family (Roman numbers, the people numbered 1, 2,
    ... across the families) made a person called "Hộ ông Hoàng Văn Sáng" and a household of
    their own. It is a heading, left out and named, and the person under it heads the
    household, with a relation column or without one. A person whose surname is Hồ is not a
    heading; nor is a row called "Hộ ..." holding a person's year and relation."""
    header = ["STT", "Họ và tên", "Năm sinh", "Quan hệ với chủ hộ", "Số CCCD", "Tình trạng"]
    rows = [
        ["DANH SÁCH CÁC HỘ TRONG KHU VỰC PHONG TỎA THÔN NÀ PÀI"], header,
        ["I", "Hộ ông Hoàng Văn Sáng"],
        [1, "Hoàng Văn Sáng", 1968, "Chủ hộ", None, "F1"],
        [2, "Nông Thị Hoa", 1971, "Vợ", None, "F1"],
        ["II", "HỘ BÀ LƯỜNG THỊ ÉN", None, None, None, None],
        [3, "Lường Thị Én", 1952, "Chủ hộ", None, "F1"],
        [4, "Hồ Minh An", 2015, "Cháu", None, None],
        ["III.", "Hộ gia đình ông Triệu Đức Thắng:"],
        [5, "Triệu Thị Mai", 1975, "Vợ", None, "F0"],  # the head not listed: she heads it
        [6, "Triệu Đức Bảo", 2001, "Con", None, None],
        [None, "Hộ số 4 - Ma Văn Khải"],
        [7, "Ma Văn Khải", 1980, None, None, None],
        [8, "Hộ Văn Lạ", 1990, "Con", None, None],  # a strange name, but a person's row
    ]  # fmt: skip
    preview = _read(tmp_path, "tieu-de-ho.xlsx", rows)
    got = [[p.full_name for p in h.people] for h in preview.households]
    assert got == [
        ["Hoàng Văn Sáng", "Nông Thị Hoa"],
        ["Lường Thị Én", "Hồ Minh An"],
        ["Triệu Thị Mai", "Triệu Đức Bảo"],
        ["Ma Văn Khải", "Hộ Văn Lạ"],
    ]
    assert preview.rejected == []
    left = {(a, b): why for a, b, why in preview.sheets[0].left_out}
    for row in (3, 6, 9, 12):
        assert "tên hộ" in left[(row, row)], (row, left)


@pytest.mark.parametrize(
    ("head_header", "member_header"),
    [("Họ tên chủ hộ", "Họ tên thành viên"), ("Chủ hộ", "Thành viên"), ("Tên chủ hộ", "Nhân khẩu")],
)
def test_a_column_of_the_heads_name_beside_each_persons_name(tmp_path, head_header, member_header):
    """The head's name repeated on every row, each person's own in the next column: the
    wife and children were imported under the head's name."""
    rows = [
        ["STT", head_header, member_header, "Năm sinh", "Quan hệ", "SĐT chủ hộ"],
        [1, "Lường Văn Khuyến", "Lường Văn Khuyến", 1970, "Chủ hộ", "0912000111"],
        [None, "Lường Văn Khuyến", "Đàm Thị Nhài", 1973, "Vợ", None],
        [None, "Lường Văn Khuyến", "Lường Thị Mơ", 2010, "Con", None],
        [2, "Triệu Văn Ước", "Triệu Văn Ước", 1960, "Chủ hộ", None],
        [None, "Triệu Văn Ước", "Bàn Thị Sinh", 1962, "Vợ", None],
    ]  # fmt: skip
    preview = _read(tmp_path, "hai-cot-ten.xlsx", rows)
    got = [[(p.full_name, p.birth_year) for p in h.people] for h in preview.households]
    assert got == [
        [("Lường Văn Khuyến", 1970), ("Đàm Thị Nhài", 1973), ("Lường Thị Mơ", 2010)],
        [("Triệu Văn Ước", 1960), ("Bàn Thị Sinh", 1962)],
    ]
    assert preview.households[0].phone == "0912000111"  # "SĐT chủ hộ" is a phone column


def test_a_family_written_in_one_cell_beside_its_head(tmp_path):
    """A list of heads ("Chủ hộ") with the family in one cell: the file was refused (no
    "Họ và tên" column); taking the heads alone would drop the families. Each name in the
    cell is a member, flagged for checking; a count that disagrees is said. "CMND chủ hộ" is
    the head's number, not a name."""
    rows = [
        ["DANH SÁCH HỘ GIA ĐÌNH KHU PHONG TỎA THÔN NÀ PÀI"],
        ["STT", "Chủ hộ", "Năm sinh", "CMND chủ hộ", "Số nhân khẩu", "Các thành viên trong hộ",
         "Tình trạng"],
        [1, "Hà Văn Một", 1970, "006070001234", 3, "Hà Thị Hai (vợ, 1972); Hà Văn Ba - 2000",
         "F1"],
        [2, "Lò Văn Bốn", 1955, None, 3, "Lò Thị Năm sinh năm 1958", "F1"],
        [3, "Vi Văn Sáu", 1990, None, 1, None, None],
    ]  # fmt: skip
    preview = _read(tmp_path, "thanh-vien-mot-o.xlsx", rows)
    got = [[(p.full_name, p.birth_year, p.relation) for p in h.people] for h in preview.households]
    assert got == [
        [("Hà Văn Một", 1970, "Chủ hộ"), ("Hà Thị Hai", 1972, "Vợ"), ("Hà Văn Ba", 2000, "")],
        [("Lò Văn Bốn", 1955, "Chủ hộ"), ("Lò Thị Năm", 1958, "")],
        [("Vi Văn Sáu", 1990, "Chủ hộ")],
    ]
    head = preview.households[0].people[0]
    assert head.citizen_id == "006070001234" and head.status == "F1"
    warnings = {(w.row, w.message.split(":")[0]) for w in preview.warnings}
    assert (3, "2 người đọc từ ô các thành viên") in warnings
    assert (4, "1 người đọc từ ô các thành viên") in warnings
    assert (4, "số nhân khẩu ghi 3 nhưng danh sách có 2 người") in warnings
    assert not any(w.row == 5 for w in preview.warnings)


@pytest.mark.parametrize(
    ("cell", "people"),
    [
        ("Hà Thị Hai (1972), Hà Văn Ba (2000)", [("Hà Thị Hai", 1972, ""), ("Hà Văn Ba", 2000, "")]),
        ("Nguyễn Văn An, 1980, Trần Thị Bé, 1985",
         [("Nguyễn Văn An", 1980, ""), ("Trần Thị Bé", 1985, "")]),
        ("Vợ: Lê Thị Cúc sinh năm 1975\nCon: Lê Văn Dũng (2001)",
         [("Lê Thị Cúc", 1975, "Vợ"), ("Lê Văn Dũng", 2001, "Con")]),
        ("Hà Văn Ba 2000 Hà Thị Bốn 2003", [("Hà Văn Ba", 2000, ""), ("Hà Thị Bốn", 2003, "")]),
        ("Đàm Thị Nhài SN 1983; Lò Thị Năm, năm sinh: 1958",
         [("Đàm Thị Nhài", 1983, ""), ("Lò Thị Năm", 1958, "")]),
        ("3 người", []),
        ("x", []),
    ],
)  # fmt: skip
def test_names_in_one_cell(cell, people):
    from fieldapp.households.roster_rows import split_members

    assert split_members(cell) == people


def test_a_header_typed_again_down_the_sheet_is_not_a_person(tmp_path):
    """Pages of a printed list pasted one under another: the header and its "(1) (2)"
    numbering come again; they are left out and named, never read as people."""
    header = ["STT", "Họ và tên", "Năm sinh", "Giới tính", "Quan hệ với chủ hộ", "Số CCCD"]
    numbering = ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"]
    rows = [
        header, numbering,
        [1, "Hà Văn Một", 1970, "Nam", "Chủ hộ", None],
        [None, "Hà Thị Hai", 1972, "Nữ", "Vợ", None],
        header, numbering,
        [2, "Lò Văn Ba", 1960, "Nam", "Chủ hộ", None],
        [" ", " Họ và tên ", "Năm sinh"],
        [3, "Vi Văn Năm", 1950, "Nam", "Chủ hộ", None],
    ]  # fmt: skip
    preview = _read(tmp_path, "nhieu-trang.xlsx", rows)
    got = [[p.full_name for p in h.people] for h in preview.households]
    assert got == [["Hà Văn Một", "Hà Thị Hai"], ["Lò Văn Ba"], ["Vi Văn Năm"]]
    assert preview.warnings == [] and preview.rejected == []
    left = {(a, b): why for a, b, why in preview.sheets[0].left_out}
    assert "nhắc lại" in left[(5, 6)] and "nhắc lại" in left[(8, 8)]


@pytest.mark.parametrize("surname_header", ["Họ và tên đệm", "Họ", "Họ đệm", "HỌ VÀ TÊN LÓT"])
def test_a_name_split_in_two_columns_is_one_name(tmp_path, surname_header):
    """'Họ và tên đệm' | 'Tên' (as many administrative lists keep it): the person is
    "Hoàng Văn Thắng", not "Hoàng Văn" or "Thắng"; a "Chủ hộ" column stays no surname."""
    rows = [
        ["STT", surname_header, "Tên", "Năm sinh", "Quan hệ với chủ hộ", "Chủ hộ"],
        [1, "Hoàng Văn", "Thắng", 1968, "Chủ hộ", "x"],
        [None, "Ma Thị", "Lan", 1972, "Vợ", None],
        [None, "Hoàng Thị", "Ỏi", 2019, "Con", None],
    ]
    preview = _read(tmp_path, "ho-ten-tach.xlsx", rows)
    got = [[p.full_name for p in h.people] for h in preview.households]
    assert got == [["Hoàng Văn Thắng", "Ma Thị Lan", "Hoàng Thị Ỏi"]]


def test_status_words_say_the_outcome_and_the_kind_of_isolation(tmp_path):
    """One "Phân loại" column as typed in villages: outcomes are outcomes (an F0 moved to
    hospital, recovered), "F1 cách ly tập trung" gives the isolation too."""
    rows = [
        ["STT", "Họ và tên", "Năm sinh", "Quan hệ với chủ hộ", "Phân loại"],
        [1, "Hoàng Văn Thắng", 1968, "Chủ hộ", "F0 đã chuyển viện"],
        [None, "Ma Thị Lan", 1972, "Vợ", "F1 cách ly tập trung"],
        [None, "Hoàng Thị Ỏi", 2019, "Con", "F0 - đã khỏi bệnh"],
        [None, "Hoàng Văn Pâu", 2015, "Con", "âm tính"],
        [None, "Hoàng Văn Pín", 2017, "Con", "F1 (cách ly)"],
    ]
    preview = _read(tmp_path, "phan-loai.xlsx", rows)
    got = [(p.status, p.isolation) for h in preview.households for p in h.people]
    assert got == [("facility", ""), ("F1", "central"), ("recovered", ""), ("negative", ""),
                   ("F1", "")]  # fmt: skip
    assert not [w for w in preview.warnings if "hình thức cách ly" in w.message]


@pytest.mark.parametrize("name", ["danh-sach.txt", "danh-sach.tsv", "DANH-SACH.CSV"])
def test_excel_unicode_text_is_read(tmp_path, name):
    """Excel's "Save as Unicode Text": UTF-16 with a byte-order mark, tabs, CRLF, a .txt."""
    text = (
        "STT\tHọ và tên\tNăm sinh\tQuan hệ với chủ hộ\tSố CCCD\r\n"
        "1\tHoàng Văn Thắng\t1968\tChủ hộ\t006068001234\r\n"
        "\tMa Thị Lan\t1972\tVợ\t\r\n"
    )
    path = tmp_path / name
    path.write_bytes(text.encode("utf-16"))
    preview = read_roster(path, today=TODAY)
    people = [(p.full_name, p.citizen_id) for h in preview.households for p in h.people]
    assert people == [("Hoàng Văn Thắng", "006068001234"), ("Ma Thị Lan", None)]


def test_xls_ods_and_csv_read_the_same(tmp_path):
    import xlwt
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    rows = village_rows("THÔN 4", THON_4)
    xls = tmp_path / "thon4.xls"
    book = xlwt.Workbook(encoding="utf-8")
    hidden = book.add_sheet("Cũ")
    hidden.write(0, 0, "Họ và tên")
    hidden.visibility = 1  # hidden
    sheet = book.add_sheet("Thôn 4")
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is not None:
                sheet.write(r, c, value)
    book.save(str(xls))

    ods = tmp_path / "thon4.ods"
    doc = OpenDocumentSpreadsheet()
    table = Table(name="Thôn 4")
    for row in rows:
        tr = TableRow()
        for value in row:
            if value is None:
                tr.addElement(TableCell())
            elif isinstance(value, int):
                cell = TableCell(valuetype="float", value=value)
                cell.addElement(P(text=str(value)))
                tr.addElement(cell)
            else:
                cell = TableCell(valuetype="string")
                cell.addElement(P(text=value))
                tr.addElement(cell)
        table.addElement(tr)
    doc.spreadsheet.addElement(table)
    doc.save(str(ods))

    csv_text = "\n".join(";".join("" if v is None else str(v) for v in row) for row in rows)
    utf8 = tmp_path / "thon4.csv"
    utf8.write_text("\ufeff" + csv_text, encoding="utf-8")
    win = tmp_path / "thon4-1258.csv"
    win.write_bytes(_cp1258(csv_text))
    abc = tmp_path / "thon4-tcvn3.csv"
    inverse = {v: k for k, v in TCVN3.items()}
    abc.write_bytes("".join(inverse.get(ch, ch) for ch in csv_text.lower()).encode("latin-1"))

    vni = tmp_path / "thon4-vni.csv"
    vni.write_bytes(_vni(csv_text).encode("cp1252"))

    want = [(p[0], p[1]) for p in THON_4]
    for path in (xls, ods, utf8, win, vni):
        preview = read_roster(path, today=TODAY)
        got = [(p.full_name, p.birth_year) for h in preview.households for p in h.people]
        assert got == want, path.name
        assert {h.village for h in preview.households} == {"Thôn 4"}, path.name
        assert preview.households[0].people[0].citizen_id == "006068001234", path.name
        names = [s.name for s in preview.sheets if s.skipped]
        assert names == (["Cũ"] if path is xls else []), path.name
    assert read_roster(win).encoding == "windows-1258"
    assert read_roster(vni).encoding == "vni"
    legacy = read_roster(abc, today=TODAY)
    assert legacy.encoding == "tcvn3"
    got = [p.full_name for h in legacy.households for p in h.people]
    assert got == [p[0].lower() for p in THON_4]  # TCVN3 lists are typed in lower-case fonts
    assert all(unicodedata.is_normalized("NFC", n) for n in got)


def _cp1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese Windows wrote it: base letters with combining tones."""
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES))
            out += (base + "".join(c for c in parts if c in _TONES)).encode("cp1258")
    return bytes(out)


_TONES = "\u0300\u0301\u0303\u0309\u0323"


def _vni(text: str) -> str:
    """The text as VNI-Windows fonts stored it: a base letter, then a mark character."""
    from fieldapp.text.legacy import _VNI_PAIRS, _VNI_SINGLE

    inverse = {v: k for k, v in _VNI_PAIRS.items()} | {v: k for k, v in _VNI_SINGLE.items()}
    return "".join(inverse.get(ch, ch) for ch in text)


def counts(db) -> tuple[int, int, int]:
    with db.session() as s:
        return tuple(
            s.scalar(select(func.count()).select_from(m))
            for m in (Household, HouseholdMember, HealthStatus)
        )


def audit_count(db) -> int:
    with db.engine.connect() as conn:
        return conn.exec_driver_sql("SELECT count(*) FROM audit_entry").scalar()


def test_reimport_changes_nothing_audit_once_and_undo_whole(db, area_id, tmp_path):
    path = tmp_path / "ba-thon.xlsx"
    write_villages(path)
    before_audit = audit_count(db)
    result = apply_import(db, read_roster(path, today=TODAY), area_id)
    assert (result.households, result.people, result.f0, result.f1) == (4, 8, 1, 2)
    assert counts(db) == (4, 8, 3)
    with db.engine.connect() as conn:
        summary = conn.exec_driver_sql(
            "SELECT after FROM audit_entry WHERE table_name = 'household_import'"
        ).scalar()
        per_record = conn.exec_driver_sql(
            "SELECT count(*) FROM audit_entry WHERE action = 'import' AND table_name = 'household'"
        ).scalar()
    assert "imported ba-thon.xlsx: 4 households, 8 people" in summary
    assert per_record == 4 and "0060" not in summary
    after_first = audit_count(db)
    assert after_first > before_audit

    again = preview_import(db, path, area_id, today=TODAY)
    assert (again.new_households, again.updated_households, again.new_people) == (0, 0, 0)
    assert (again.updated_people, again.status_changes) == (0, 0)
    apply_import(db, again, area_id)
    assert counts(db) == (4, 8, 3) and audit_count(db) == after_first  # nothing written

    with db.session() as s:
        head = s.scalars(
            select(HouseholdMember).where(HouseholdMember.full_name == "Hoàng Văn Thắng")
        ).one()
        assert head.status == "F0" and head.isolation_start.isoformat() == "2021-08-05"
        hid = head.household_id
    detail = household_detail(db, hid)
    assert detail.data.village == "Thôn 4"

    from fieldapp.households.excel_import import undo_import

    undo_import(db, area_id)
    assert counts(db) == (0, 0, 0)
    with pytest.raises(Exception, match="đã được hoàn tác"):
        undo_import(db, area_id)


def test_undo_puts_back_what_an_updated_list_changed(db, area_id, tmp_path):
    first = tmp_path / "v1.xlsx"
    write_villages(first, hidden_old=False, chart=False)
    apply_import(db, read_roster(first, today=TODAY), area_id)
    wb = load_workbook(first)
    ws = wb["Nà Pài"]
    ws["G6"] = "F1"  # Lường Văn Khuyến becomes F1
    ws["H6"] = "06/08/2021"
    wb.save(tmp_path / "v2.xlsx")
    preview = preview_import(db, tmp_path / "v2.xlsx", area_id, today=TODAY)
    assert (preview.updated_people, preview.status_changes, preview.new_people) == (1, 1, 0)
    apply_import(db, preview, area_id)
    assert counts(db) == (4, 8, 4)
    from fieldapp.households.excel_import import undo_import

    undo_import(db, area_id)
    assert counts(db) == (4, 8, 3)
    with db.session() as s:
        person = s.scalars(
            select(HouseholdMember).where(HouseholdMember.full_name == "Lường Văn Khuyến")
        ).one()
        assert person.status == "" and person.isolation_start is None


def test_export_then_import_into_a_fresh_area_gives_the_same(db, area_id, tmp_path):
    path = tmp_path / "ba-thon.xlsx"
    write_villages(path)
    apply_import(db, read_roster(path, today=TODAY), area_id)
    out = tmp_path / "export.xlsx"
    export_households(db, out, area_id=area_id, today=TODAY)
    sheet = load_workbook(out).active
    texts = [c.value for c in sheet["F"] if isinstance(c.value, str) and c.value[:1].isdigit()]
    assert "006068001234" in texts and "012345678" in texts  # IDs as text, zeros kept
    fresh = add_area(db, AreaInput(name="Khu mới", started_on=TODAY))
    # The same people cannot be in two areas by number: they are kept, marked for checking.
    preview = preview_import(db, out, fresh, today=TODAY)
    assert len(preview.households) == 4 and preview.people == 8

    def snapshot(area):
        with db.session() as s:
            rows = s.execute(
                select(
                    Household.village,
                    HouseholdMember.full_name,
                    HouseholdMember.birth_year,
                    HouseholdMember.sex,
                    HouseholdMember.status,
                    HouseholdMember.isolation_start,
                    HouseholdMember.isolation_end,
                )
                .join(Household, Household.id == HouseholdMember.household_id)
                .where(Household.area_id == area)
            ).all()
        return sorted(tuple(r) for r in rows)

    apply_import(db, preview, fresh)
    assert snapshot(fresh) == snapshot(area_id)


@pytest.mark.parametrize(
    "typed", ['=HYPERLINK("x")', "+SUM(A1:A9)", "-Lò Văn Cmd", "@Nông Thị Slao"]
)
def test_formula_like_text_stays_text_on_export(db, area_id, tmp_path, typed):
    rows = village_rows("THÔN 4", [(typed, 1970, "M", "Chủ hộ", None, None)])
    wb = Workbook()
    for row in rows:
        wb.active.append(row)
    wb.active["B6"].data_type = "s"
    wb.save(tmp_path / "f.xlsx")
    apply_import(db, read_roster(tmp_path / "f.xlsx", today=TODAY), area_id)
    out = tmp_path / "export.xlsx"
    export_households(db, out, area_id=area_id, today=TODAY)
    with zipfile.ZipFile(out) as z:
        sheet = z.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet  # no formula anywhere
    values = [c.value for r in load_workbook(out).active.iter_rows() for c in r]
    (shown,) = [v for v in values if isinstance(v, str) and typed.lstrip("=+-@")[:6] in v]
    assert shown[0] not in "=+-@"  # escaped: Excel or LibreOffice shows it as text


def test_rows_that_need_attention_save_to_a_file_that_reimports(db, area_id, tmp_path):
    from fieldapp.households.attention import save_attention_rows

    path = tmp_path / "ba-thon.xlsx"
    write_villages(path, hidden_old=False, chart=False)
    preview = read_roster(path, today=TODAY)
    out = tmp_path / "can-xem-lai.xlsx"
    saved = save_attention_rows(preview, out)
    wb = load_workbook(out)
    assert wb.sheetnames == ["Sheet2", "Nà Pài"]
    sheet2 = [[c.value for c in r] for r in wb["Sheet2"].iter_rows()]
    names = [r[1] for r in sheet2 if r[1] and r[1] != "Họ và tên"]
    # The whole household of the mistyped number, title and header rows as they were.
    assert "Nông Văn Pản" in names and "Nông Thị Slao" in names
    assert "Hoàng Văn Thắng" not in names
    assert any(r[-1] and "cần kiểm tra" in str(r[-1]) for r in sheet2)
    assert saved == 3
    again = read_roster(out, today=TODAY)
    got = sorted(p.full_name for h in again.households for p in h.people)
    assert got == ["Nông Thị Slao", "Nông Văn Pản", "Triệu Văn Ước"]
    assert {h.village for h in again.households} == {"Thôn 4", "Nà Pài"}


def test_a_cancelled_import_writes_nothing(db, area_id, tmp_path):
    from fieldapp.errors import Cancelled
    from fieldapp.progress import Progress

    path = tmp_path / "ba-thon.xlsx"
    write_villages(path)
    preview = read_roster(path, today=TODAY)
    seen = []

    def on_update(done, total, label):
        seen.append(done)
        if done >= 50:  # the person presses Cancel while the rows are being written
            progress.cancel()

    progress = Progress(on_update)
    before = audit_count(db)
    with pytest.raises(Cancelled):
        apply_import(db, preview, area_id, progress=progress)
    assert seen and counts(db) == (0, 0, 0) and audit_count(db) == before


def test_a_list_of_heads_with_how_many_people_warns_of_nothing(tmp_path):
    """ "Chủ hộ" and "Nhân khẩu" holding a number: a household a row, the number a count
    (no names to read, nothing to check)."""
    rows = [
        ["STT", "Chủ hộ", "Nhân khẩu", "Địa chỉ"],
        [1, "Lường Văn Khuyến", 4, "Thôn Nà Pài"],
        [2, "Triệu Văn Ước", "2", "Thôn Nà Pài"],
    ]
    preview = _read(tmp_path, "chu-ho-so-khau.xlsx", rows)
    got = [[p.full_name for p in h.people] for h in preview.households]
    assert got == [["Lường Văn Khuyến"], ["Triệu Văn Ước"]]
    assert preview.warnings == [] and preview.rejected == []
