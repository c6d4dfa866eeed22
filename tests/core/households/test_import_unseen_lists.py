"""Lists unlike the ones the import was written with: everyone on them must come in (issue 13).

Four workbooks as other communes keep them, each messy in its own way: header spellings not
used elsewhere in the tests ("Họ và tên chủ hộ", "Số ĐDCN", "CMND/CCCD", "Tình trạng
(F0/F1)"), columns in another order, members numbered "1.1, 1.2" under their head, a blank row
inside a household, a title row with a lower-case "thôn Nà Pài", dates typed as text in two
ways and as Excel serial numbers; an Excel 97–2003 file typed with the old TCVN3 (.VnTime)
fonts; a .csv in TCVN3; an Excel 95 (BIFF5) file in Windows-1258. Every person is counted per sheet; problems are warnings, not
rejections.
"""

from __future__ import annotations

import struct
import unicodedata
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook
from sqlalchemy import func, select

from fieldapp.households.excel_import import apply_import, preview_import, read_roster
from fieldapp.households.models import Household, HouseholdMember
from fieldapp.text.legacy import TCVN3
from tests.core.households.workbooks import TODAY


def people_of(preview) -> dict[str, object]:
    return {p.full_name: p for h in preview.households for p in h.people}


def per_sheet(preview) -> dict[str, tuple[int, int]]:
    return {s.name: (s.households, s.people) for s in preview.sheets if not s.skipped}


# --------------------------------------------------------------------------------------------
# 1. "Họ và tên chủ hộ", Số ĐDCN, STT 1 / 1.1 / 1.2, a blank row inside a household
# --------------------------------------------------------------------------------------------


def write_sub_numbered(path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "DS"
    ws.append(["ỦY BAN NHÂN DÂN XÃ BẰNG LÃNG"])
    ws.append(["danh sách hộ gia đình trong vùng cách ly y tế thôn Nà Pài"])
    ws.append([])
    ws.append(["TT", "Họ và tên chủ hộ", "Năm sinh", None, "Số ĐDCN", "Tình trạng (F0/F1)",
               "Ngày bắt đầu cách ly", "Số điện thoại", "Ghi chú"])  # fmt: skip
    ws.append([None, None, "Nam", "Nữ"])
    ws.append(["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)", "(9)"])
    ws.append(["1", "Hoàng Văn Thắng", 1968, None, 6068001234, "F0", "3/8/2021", 912345678])
    ws.append(["1.1", "Ma Thị Lan", None, 1972, "006172001235", "F1", "03-08-2021"])
    ws.append(["1.2", "Hoàng Văn Pâu", 2010, None, None, "F1", 44411])  # an Excel serial
    ws.append(["2", "Nông Văn Pản", 1955, None, "006055009999", None, None, "0209 3882 135"])
    ws.append([])  # a blank row inside the household
    ws.append(["2.1", "Nông Thị Slao", None, 1958, "0060 5800 1111 1", "f1",
               datetime(2021, 8, 5)])  # fmt: skip
    ws.append(["2.2", "Nông Thị Mỷ", None, 2015])
    ws.append(["3", "Lường Văn Khuyến", 1980, None, "12345678X"])  # a mistyped number
    ws.append(["3.1", "Đàm Thị Nhài", None, "1983"])
    ws.append([None, "Cộng: 3 hộ, 8 nhân khẩu"])
    ws.append([None, None, None, None, "Bằng Lãng, ngày 20 tháng 8 năm 2021"])
    ws.append([None, "Người lập biểu", None, None, "TRƯỞNG THÔN"])
    wb.save(path)


def test_sub_numbered_members_and_new_header_spellings(db, area_id, tmp_path):
    path = tmp_path / "ds-na-pai.xlsx"
    write_sub_numbered(path)
    preview = read_roster(path, today=TODAY)
    assert per_sheet(preview) == {"DS": (3, 8)}
    heads = [h.head.full_name for h in preview.households]
    assert heads == ["Hoàng Văn Thắng", "Nông Văn Pản", "Lường Văn Khuyến"]
    assert [len(h.people) for h in preview.households] == [3, 3, 2]
    assert {h.village for h in preview.households} == {"Nà Pài"}  # "thôn Nà Pài", lower case
    people = people_of(preview)
    assert people["Hoàng Văn Thắng"].citizen_id == "006068001234"  # "Số ĐDCN"
    assert people["Ma Thị Lan"].sex == "F" and people["Ma Thị Lan"].birth_year == 1972
    starts = {n: people[n].iso_start for n in ("Hoàng Văn Thắng", "Ma Thị Lan", "Hoàng Văn Pâu")}
    assert set(starts.values()) == {date(2021, 8, 3)}  # "3/8/2021", "03-08-2021", 44411
    assert people["Nông Thị Slao"].status == "F1" and people["Nông Thị Slao"].id_check
    assert people["Lường Văn Khuyến"].id_kind == "other" and people["Lường Văn Khuyến"].id_check
    assert people["Đàm Thị Nhài"].birth_year == 1983
    assert preview.households[1].phone == "02093882135"
    assert preview.rejected == []
    apply_import(db, preview, area_id)
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(HouseholdMember)) == 8
        villages = set(s.scalars(select(Household.village)))
    assert villages == {"Nà Pài"}


# --------------------------------------------------------------------------------------------
# 2. Another order, no relation column, a village column, dates of birth, two villages
# --------------------------------------------------------------------------------------------


def write_reordered(path: Path) -> None:
    wb = Workbook()
    first = wb.active
    first.title = "Khuổi Cuộng"
    first.append(["BCĐ PHÒNG, CHỐNG DỊCH COVID-19 XÃ BẰNG LÃNG"])
    first.append(["DANH SÁCH NGƯỜI TRONG KHU VỰC PHONG TỎA"])
    first.append(["Thôn/Xóm", "Số nhà", "CMND/CCCD", "Giới tính", "Ngày sinh", "Họ tên",
                  "Số TT", "Phân loại F", "Cách ly tại", "Quan hệ CH"])  # fmt: skip
    rows = [
        ("Khuổi Cuộng", "12", "006080002222", "Nam", "15/02/1980", "Triệu Văn Ước", "1",
         "F1", "tại nhà", "Chủ hộ"),
        (None, None, 12345678, "Nữ", datetime(1983, 5, 1), "Đàm Thị Nhài", None, None, None,
         "vợ"),
        (None, None, None, "nữ", "2/9/2012", "Triệu Thị Mai", None, None, None, "con gái"),
        ("khuổi cuộng", "14A", None, "NAM", "1949", "Hoàng Văn Kim", "2", "Âm tính", None,
         "chủ hộ"),
        ("Bản Lác", None, "006049000001", "Nam", "03-04-1949", "Hoàng Văn Kim", "3", None,
         None, "Chủ hộ"),  # a namesake in another village, with a number
    ]  # fmt: skip
    for row in rows:
        first.append(list(row))
    second = wb.create_sheet("Sheet1")
    second.append(["Họ và tên", "Quan hệ với chủ hộ", "Năm sinh", "Số CCCD/CMND", "Thôn"])
    second.append(["Lò Văn Sinh", "Chủ hộ", 1975, None, "Nà Làng"])
    second.append(["Lò Thị Sen", "Vợ", 1978, None, None])
    second.append(["lò văn sáng", "con", 2001, None, None])  # typed in lower case
    wb.save(path)


def test_reordered_columns_and_village_columns(db, area_id, tmp_path):
    path = tmp_path / "phong-toa.xlsx"
    write_reordered(path)
    preview = read_roster(path, today=TODAY)
    assert per_sheet(preview) == {"Khuổi Cuộng": (3, 5), "Sheet1": (1, 3)}
    villages = [h.village for h in preview.households]
    assert [v.lower() for v in villages] == ["khuổi cuộng", "khuổi cuộng", "bản lác", "nà làng"]
    people = people_of(preview)
    assert people["Triệu Văn Ước"].birth_date == date(1980, 2, 15)
    assert people["Đàm Thị Nhài"].citizen_id == "012345678"  # a CMND that lost its zero
    assert people["Đàm Thị Nhài"].id_kind == "cmnd"
    assert people["Triệu Thị Mai"].birth_year == 2012 and people["Triệu Thị Mai"].sex == "F"
    assert preview.households[0].house_number == "12"
    assert people["Triệu Văn Ước"].isolation == "home"
    assert preview.rejected == []
    result = apply_import(db, preview, area_id)
    assert (result.households, result.people) == (4, 8)
    again = preview_import(db, path, area_id, today=TODAY)
    assert (again.new_households, again.updated_households, again.new_people) == (0, 0, 0)


# --------------------------------------------------------------------------------------------
# 3. Excel 97–2003 typed with TCVN3 (.VnTime) fonts; 4. a .csv in TCVN3
# --------------------------------------------------------------------------------------------

_TO_TCVN3 = {v: k for k, v in TCVN3.items()}


def tcvn3(text: str) -> str:
    """Unicode text as an old Excel shows it typed with a .VnTime font (one byte a letter)."""
    return "".join(_TO_TCVN3.get(ch, _TO_TCVN3.get(ch.lower(), ch)) for ch in text)


OLD_LIST_UNICODE = [
    ["UBND xã Bằng Lãng"],
    [None],
    ["STT", "Họ và tên", "Năm sinh", "Giới tính", "Quan hệ với chủ hộ", "Số CMND"],
    [1, "hoàng văn thắng", 1968, "nam", "chủ hộ", "095123456"],
    [None, "ma thị lan", 1972, "nữ", "vợ", None],
    [2, "nông văn pản", 1955, "nam", "chủ hộ", "12345"],
    [None, "nông thị slao", 1958, "nữ", "vợ", None],
    [None, "nông thị mỷ", 2015, "nữ", "con", None],
]
OLD_LIST = [[tcvn3(v) if isinstance(v, str) else v for v in row] for row in OLD_LIST_UNICODE]
OLD_NAMES = ["hoàng văn thắng", "ma thị lan", "nông văn pản", "nông thị slao", "nông thị mỷ"]


def test_the_tcvn3_table_of_this_test_is_the_one_of_the_module():
    assert tcvn3("hoàng văn thắng") == "hoµng v¨n th¾ng"


def test_xls_typed_with_tcvn3_fonts(db, area_id, tmp_path):
    import xlwt

    path = tmp_path / "ds-cu.xls"
    book = xlwt.Workbook(encoding="latin-1")
    sheet = book.add_sheet("Thon 4")
    for r, row in enumerate(OLD_LIST):
        for c, value in enumerate(row):
            if value is not None:
                sheet.write(r, c, value)
    book.save(str(path))
    preview = read_roster(path, today=TODAY)
    assert per_sheet(preview) == {"Thon 4": (2, 5)}
    assert [p.full_name for h in preview.households for p in h.people] == OLD_NAMES
    people = people_of(preview)
    assert people["ma thị lan"].sex == "F" and people["hoàng văn thắng"].citizen_id == "095123456"
    assert people["nông văn pản"].id_check  # 5 digits: kept, to check
    assert preview.rejected == []
    apply_import(db, preview, area_id)
    with db.session() as s:
        names = set(s.scalars(select(HouseholdMember.full_name)))
    assert names == set(OLD_NAMES)


def test_csv_in_tcvn3_with_commas_and_quotes(tmp_path):
    lines = [
        '"Danh sách hộ gia đình - thôn Nà Pài",,,,',
        "TT,Họ tên,Quan hệ,Năm sinh,Ngày bắt đầu cách ly",
        '1,"hoàng văn thắng",chủ hộ,1968,03/08/2021',
        ',"ma thị lan",vợ,1972,',
        ",,,,",
        '2,"nông văn pản",chủ hộ,1955,',
        ',"nông thị slao",vợ,1958,',
        ',"nông thị mỷ",con,2015,',
    ]
    path = tmp_path / "th4.csv"
    path.write_bytes(tcvn3("\r\n".join(lines)).encode("latin-1"))
    preview = read_roster(path, today=TODAY)
    assert preview.encoding == "tcvn3"
    assert [p.full_name for h in preview.households for p in h.people] == OLD_NAMES
    assert [len(h.people) for h in preview.households] == [2, 3]
    assert {h.village for h in preview.households} == {"Nà Pài"}
    assert preview.rejected == []


# --------------------------------------------------------------------------------------------
# 5. An Excel 5.0/95 workbook (BIFF5) in Windows-1258, as an old office Excel saved it
# --------------------------------------------------------------------------------------------


def _rec(kind: int, body: bytes = b"") -> bytes:
    return struct.pack("<HH", kind, len(body)) + body


def _cp1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese Windows wrote it: base letters with combining tones."""
    tones = "\u0300\u0301\u0303\u0309\u0323"
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
            out += (base + "".join(c for c in parts if c in tones)).encode("cp1258")
    return bytes(out)


def biff5_stream(sheets: list[tuple[str, list[list]]]) -> bytes:
    """A BIFF5 "Book" stream: globals with CODEPAGE 1258 and a BOUNDSHEET per sheet, then
    each sheet's LABEL (8-bit text) and NUMBER records."""

    def bof(kind: int) -> bytes:
        return _rec(0x0809, struct.pack("<HHHH", 0x0500, kind, 0x0DBB, 0x07CC))

    bodies = []
    for name, rows in sheets:
        out = bof(0x0010)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if isinstance(value, str):
                    data = _cp1258(value)
                    out += _rec(0x0204, struct.pack("<HHHH", r, c, 15, len(data)) + data)
                elif value is not None:
                    out += _rec(0x0203, struct.pack("<HHHd", r, c, 15, float(value)))
        bodies.append((name, out + _rec(0x000A)))

    def globals_(offsets: list[int]) -> bytes:
        out = bof(0x0005) + _rec(0x0042, struct.pack("<H", 1258))
        for (name, _body), offset in zip(bodies, offsets, strict=True):
            raw = _cp1258(name)
            out += _rec(0x0085, struct.pack("<IHB", offset, 0, len(raw)) + raw)
        return out + _rec(0x000A)

    offsets, at = [], len(globals_([0] * len(bodies)))
    for _name, body in bodies:
        offsets.append(at)
        at += len(body)
    return globals_(offsets) + b"".join(body for _name, body in bodies)


def compound_file(stream: bytes, name: str = "Book") -> bytes:
    """An OLE2 compound file (512-byte sectors) holding one stream of at least 4 KB."""
    assert len(stream) >= 4096
    sectors = -(-len(stream) // 512)
    fat = [0xFFFFFFFD, 0xFFFFFFFE] + list(range(3, 2 + sectors)) + [0xFFFFFFFE]
    fat += [0xFFFFFFFF] * (128 - len(fat))
    header = bytearray(512)
    header[0:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHHHH", header, 0x18, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<9I", header, 0x28, 0, 1, 1, 0, 4096, 0xFFFFFFFE, 0, 0xFFFFFFFE, 0)
    struct.pack_into("<109I", header, 0x4C, 0, *([0xFFFFFFFF] * 108))

    def entry(label: str, kind: int, child: int, start: int, size: int) -> bytes:
        out = bytearray(128)
        raw = (label + "\0").encode("utf-16-le")
        out[: len(raw)] = raw
        struct.pack_into("<HBB", out, 0x40, len(raw), kind, 1)
        struct.pack_into("<III", out, 0x44, 0xFFFFFFFF, 0xFFFFFFFF, child)
        struct.pack_into("<IQ", out, 0x74, start, size)
        return bytes(out)

    directory = entry("Root Entry", 5, 1, 0xFFFFFFFE, 0) + entry(
        name, 2, 0xFFFFFFFF, 2, len(stream)
    )
    body = bytes(header) + struct.pack("<128I", *fat) + directory + bytes(256)
    return body + stream + bytes(sectors * 512 - len(stream))


def test_excel_95_file_in_windows_1258(db, area_id, tmp_path):
    rows: list[list] = [
        ["UBND XÃ BẰNG LÃNG"],
        ["DANH SÁCH CÁC HỘ GIA ĐÌNH CÁCH LY - XÓM NÀ LÀNG"],
        [],
        [
            "STT",
            "Họ và tên",
            "Năm sinh",
            "Giới tính",
            "Quan hệ với chủ hộ",
            "CMND/CCCD",
            "Ghi chú",
        ],  # fmt: skip
    ]
    expected = []
    for i in range(1, 31):
        head = f"Lục Văn Thưởng {i}"
        rows.append([i, head, 1950 + i, "Nam", "Chủ hộ", f"0061{50 + i:02d}00{i:04d}", None])
        rows.append([None, f"Hà Thị Nguyệt {i}", 1952 + i, "Nữ", "Vợ", None, "Bệnh nền"])
        expected += [head, f"Hà Thị Nguyệt {i}"]
    rows += [[None, "Tổng cộng: 30 hộ"], [None, "Người lập biểu"]]
    path = tmp_path / "ds-excel95.xls"
    path.write_bytes(compound_file(biff5_stream([("Xóm Nà Làng", rows)])))
    preview = read_roster(path, today=TODAY)
    assert per_sheet(preview) == {"Xóm Nà Làng": (30, 60)}
    names = [p.full_name for h in preview.households for p in h.people]
    assert names == expected
    assert all(unicodedata.is_normalized("NFC", n) for n in names)
    assert {h.village for h in preview.households} == {"Nà Làng"}
    people = people_of(preview)
    assert people["Lục Văn Thưởng 1"].citizen_id == "006151000001"
    assert "chronic" in people["Hà Thị Nguyệt 1"].flags
    assert preview.rejected == []
    result = apply_import(db, preview, area_id)
    assert (result.households, result.people) == (30, 60)
