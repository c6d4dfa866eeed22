"""Synthetic directives in other formats (tests/core/directives/data) and the small rules."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from fieldapp.directives import ParsedDirective, extract_text, parse_directive
from fieldapp.directives.parser import _due, _recase_org, _split_units, _units

DATA = Path(__file__).parent / "data"


def _load(name: str) -> ParsedDirective:
    return parse_directive(extract_text(DATA / name))


def test_state_cong_van_with_letter_items_and_flattened_header() -> None:
    d = _load("ubnd-13417-UBND-VP.txt")
    assert d.number == "13417/UBND-VP"
    assert d.kind == "Công văn"  # state symbol without a kind code
    assert d.issuer == "UBND tỉnh Bắc Kạn"  # two header lines, one body
    assert d.place == "Bắc Kạn"
    assert d.issued_on == date(2021, 9, 6)
    assert d.subject == (
        "triển khai các biện pháp cấp bách phòng, chống dịch Covid-19 tại các chốt kiểm soát"
    )
    assert d.recipients == ["Các sở, ban, ngành thuộc tỉnh", "UBND các huyện, thành phố"]
    assert [i.label for i in d.items] == ["a", "b", "c"]
    assert d.items[0].units == ["Công an tỉnh", "Bộ Chỉ huy Quân sự tỉnh"]
    assert d.items[0].due == "2021-09-20"
    assert "- Lập sổ theo dõi" in d.items[0].text
    assert d.items[1].units == ["Sở Y tế"]
    assert d.items[2].units == ["UBND các huyện, thành phố"]  # "Giao X chỉ đạo ..."
    assert d.signer_authority == "KT. CHỦ TỊCH"
    assert d.signer_title == "PHÓ CHỦ TỊCH"
    assert d.signer == "Đinh Quang Tuyên"
    assert d.references == ["16/CT-TTg", "1168/CĐ-TTg", "2686/QĐ-BCĐQG"]
    assert d.closing == "Yêu cầu các cơ quan, đơn vị nghiêm túc thực hiện Công văn này./."
    assert d.missing == []


def test_chi_thi_with_roman_sections() -> None:
    d = _load("chi-thi-08-CT-UBND.txt")
    assert (d.number, d.kind) == ("08/CT-UBND", "Chỉ thị")
    assert d.subject == "tăng cường các biện pháp phòng, chống dịch Covid-19 trong tình hình mới"
    assert d.subject_prefix == "Về việc"
    assert d.issued_on == date(2021, 8, 25)
    # Section I has no numbered items: it is an item. II and III are headings only.
    # Item II.2 is "UBND các huyện, thành phố:" with its sub-points a) b) kept inside it.
    assert [i.label for i in d.items] == ["I", "II.1", "II.2", "II.3", "III.1", "III.2"]
    by = {i.label: i for i in d.items}
    assert by["II.1"].units == ["Sở Y tế", "Công an tỉnh"]
    assert by["II.2"].units == ["UBND các huyện, thành phố"]
    assert "a) Thành lập tổ Covid" in by["II.2"].text and "b) Bố trí" in by["II.2"].text
    assert by["II.2"].due == "2021-09-05"
    assert by["II.3"].units == ["Bộ Chỉ huy Quân sự tỉnh", "Công an tỉnh"]
    assert by["III.1"].due == "hằng tuần thứ Sáu"
    assert by["III.2"].units == ["Sở Y tế"]
    assert [s[0] for s in d.sections] == ["I", "II", "III"]
    assert d.sections[1] == ("II", "NHIỆM VỤ, GIẢI PHÁP")
    assert d.recipients == [] and d.missing == ["recipients"]
    assert (d.signer_authority, d.signer_title, d.signer) == (
        "TM. ỦY BAN NHÂN DÂN",
        "CHỦ TỊCH",
        "Hoàng Minh Đức",
    )


def test_thuong_khan_mat_cong_dien() -> None:
    d = _load("cong-dien-thuong-khan-mat.txt")
    assert d.urgency == "Thượng khẩn"
    assert d.secrecy == "Mật"
    assert d.number == "05/CĐ-BCĐ"
    assert d.kind == "Công điện"
    # Three header lines: a parent body and a body wrapped over two lines.
    assert d.issuer == "Ban Chỉ đạo phòng, chống dịch Covid-19"
    assert d.issuer_parent == "UBND tỉnh Đắk Nông"
    assert d.place == "Gia Nghĩa"
    # "... điện:" addresses the recipients of a Công điện.
    assert d.recipients == [
        "Ban Chỉ đạo phòng, chống dịch Covid-19 các huyện, thành phố",
        "Sở Y tế, Công an tỉnh",
    ]
    assert d.items[0].units == ["Trung tâm Kiểm soát bệnh tật tỉnh"]
    assert d.items[0].due == "2021-08-03"  # "trong ngày 03/8/2021"
    assert (d.signer_authority, d.signer_title) == ("KT. TRƯỞNG BAN", "PHÓ TRƯỞNG BAN THƯỜNG TRỰC")


def test_ke_hoach_table_rows_become_items() -> None:
    d = _load("ke-hoach-145-KH-UBND.txt")
    assert (d.number, d.kind) == ("145/KH-UBND", "Kế hoạch")
    assert d.subject == "Xét nghiệm SARS-CoV-2 diện rộng trên địa bàn huyện"
    assert d.subject_prefix is None
    assert d.issuer == "UBND huyện Chợ Mới"  # "UỶ BAN NHÂN DÂN / HUYỆN CHỢ MỚI"
    assert d.issued_on == date(2021, 9, 10)  # "Chợ Mới, ngày 10/9/2021"
    assert [i.label for i in d.items] == ["I", "II", "III.1", "III.2", "III.3"]
    # A table without a unit column stays as text of its item.
    assert "Thanh Mai | 3 | 41" in d.items[1].text
    rows = d.items[2:]
    assert [r.units for r in rows] == [
        ["UBND các xã, thị trấn"],
        ["Trung tâm Y tế huyện"],
        ["Phòng Y tế huyện"],
    ]
    assert [r.due for r in rows] == ["2021-09-15", "2021-09-16", "hằng ngày 16:00"]
    assert rows[0].text.startswith("Lập danh sách hộ gia đình cần lấy mẫu | UBND các xã")


def test_deadlines_in_item_text() -> None:
    d = _load("cong-van-han-bao-cao.txt")
    assert d.number == "412-CV/HU"
    assert d.issuer == "Huyện ủy Ngân Sơn"
    assert d.urgency == "Khẩn"
    assert d.recipients == ["Đảng ủy các xã, thị trấn"]
    assert [i.due for i in d.items] == [
        "2021-09-13T15:00",  # "trước 15 giờ 00, ngày 13/9/2021"
        "hằng ngày 16:00",  # "trước 16 giờ hằng ngày"
        "2021-09-30",  # "trước ngày 30/9": the directive's year
        None,  # "sinh hoạt hằng ngày" is not a deadline
    ]
    assert d.items[1].units == ["Ban Tuyên giáo Huyện ủy"]
    assert d.items[3].units == ["Ủy ban MTTQ", "các đoàn thể huyện"]
    # The date of the cited Công văn is not this directive's date or a deadline.
    assert d.issued_on == date(2021, 9, 11)
    assert d.references == ["309-CV/TU"]


def test_digital_signature_without_diacritics() -> None:
    d = _load("ky-so-khong-dau.txt")
    assert d.signer == "Nguyễn Văn An"
    assert d.signer_title == "PHÓ CHỦ TỊCH"
    assert d.signer_authority == "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH"
    assert d.signed_at == "2021-09-14T10:22:31+07:00"
    assert d.items[0].units == ["UBND các xã, thị trấn"]
    assert d.references == []  # "24/24" and "3 ca/ngày" are not symbols


def test_only_unaccented_signature_is_kept() -> None:
    text = (
        "Số: 1/UBND-VP\n\n1. Làm việc A.\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nKý bởi: Tran Van Binh\n"
    )
    assert parse_directive(text).signer == "Tran Van Binh"


def test_no_number_line_and_blank_day() -> None:
    d = _load("thong-bao-khong-so.txt")
    assert d.number is None
    assert d.kind == "Thông báo"
    assert d.place == "Bạch Thông"
    assert d.issued_on is None  # "ngày     tháng 9 năm 2021": not yet filled in
    assert d.missing == ["number", "issued_on", "recipients"]
    assert d.issuer == "Ban Chỉ đạo phòng, chống dịch Covid-19 huyện Bạch Thông"
    assert (d.signer_authority, d.signer_title) == ("TL. TRƯỞNG BAN", "CHÁNH VĂN PHÒNG")


def test_kich_ban_number_before_issuer_and_dotted_subitems() -> None:
    d = _load("kich-ban-220-KB-UBND.txt")
    assert (d.number, d.kind) == ("220/KB-UBND", "Kịch bản")
    assert d.issuer == "UBND xã Thanh Mai"
    # "1) Khi có 01 ca bệnh:" is a heading over 1.1 and 1.2.
    assert [i.label for i in d.items] == ["1.1", "1.2", "2"]
    assert d.items[0].units == ["Tổ Covid cộng đồng"]
    assert d.items[1].units == ["Trạm Y tế xã"]


def test_empty_and_garbage_text_flags_everything() -> None:
    d = parse_directive("")
    assert d.number is None and d.items == []
    assert "number" in d.missing and "items" in d.missing and "signer" in d.missing
    d = parse_directive("lorem ipsum dolor\n\n12345 | 678\n")
    assert d.items == [] and d.number is None


@pytest.mark.parametrize(
    ("line", "number", "kind"),
    [
        ("Số 235 -CV/HU", "235-CV/HU", "Công văn"),
        ("Số: 220/KB-UBND", "220/KB-UBND", "Kịch bản"),
        ("Số:  08 /CT-UBND", "08/CT-UBND", "Chỉ thị"),
        ("SỐ: 15/2021/QĐ-UBND", "15/2021/QĐ-UBND", "Quyết định"),
        ("Số: 13417/UBND-VP", "13417/UBND-VP", "Công văn"),
        ("Số 47-TB/TU", "47-TB/TU", "Thông báo"),
        ("Số:      /KH-UBND", None, "Kế hoạch"),
    ],
)
def test_number_line_forms(line: str, number: str | None, kind: str) -> None:
    d = parse_directive(f"UBND HUYỆN CHỢ MỚI\n{line}\n\n1. Việc cần làm.\n")
    assert d.number == number
    assert d.kind == kind


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("báo cáo trước 15 giờ 00, ngày 13/9/2021.", "2021-09-13T15:00"),
        ("hoàn thành trước 17h30 ngày 02/10/2021", "2021-10-02T17:30"),
        ("chậm nhất ngày 5 tháng 10 năm 2021", "2021-10-05"),
        ("báo cáo trước 16 giờ hằng ngày", "hằng ngày 16:00"),
        ("hằng ngày, trước 9 giờ gửi báo cáo", "hằng ngày 09:00"),
        ("gửi báo cáo hằng tuần về Sở Y tế", "hằng tuần"),
        ("báo cáo trước ngày 25 hằng tháng", "hằng tháng ngày 25"),
        ("theo Công văn số 234-CV/HU, ngày 03/7/2021", None),
        ("đảm bảo sinh hoạt hằng ngày của nhân dân", None),
        ("trước ngày 31/2/2021", None),  # an impossible date is not guessed at
    ],
)
def test_due_forms(text: str, due: str | None) -> None:
    assert _due(text, date(2021, 9, 1)) == due


def test_due_without_year_needs_the_issue_date() -> None:
    assert _due("báo cáo trước ngày 20/9", date(2021, 9, 1)) == "2021-09-20"
    assert _due("báo cáo trước ngày 05/1", date(2021, 12, 20)) == "2022-01-05"
    assert _due("báo cáo trước ngày 20/9", None) is None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("TỈNH ỦY BẮC KẠN", "Tỉnh ủy Bắc Kạn"),
        ("HUYỆN UỶ CHỢ MỚI", "Huyện ủy Chợ Mới"),
        ("ỦY BAN NHÂN DÂN TỈNH ĐẮK NÔNG", "UBND tỉnh Đắk Nông"),
        ("UBND HUYỆN ĐẮK R'LẤP", "UBND huyện Đắk R'lấp"),
        ("THƯỜNG TRỰC TỈNH ỦY", "Thường trực Tỉnh ủy"),
        ("SỞ Y TẾ", "Sở Y tế"),
        ("SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Sở Giáo dục và đào tạo"),
        ("CÔNG AN THÀNH PHỐ GIA NGHĨA", "Công an thành phố Gia Nghĩa"),
        ("Tỉnh ủy Bắc Kạn", "Tỉnh ủy Bắc Kạn"),  # mixed case: as written
    ],
)
def test_issuer_recasing(raw: str, expected: str) -> None:
    assert _recase_org(raw) == expected


@pytest.mark.parametrize(
    ("text", "units"),
    [
        ("UBND huyện:", ["UBND huyện"]),
        ("Giao Công an huyện chủ trì, phối hợp với Trạm Y tế xã kiểm tra.", ["Công an huyện", "Trạm Y tế xã"]),
        ("Yêu cầu các cơ quan, đơn vị thực hiện nghiêm.", ["các cơ quan, đơn vị"]),
        ("Tổ chức tuyên truyền rộng rãi.", []),
        ("Báo cáo kết quả về UBND huyện.", []),
        ("Phòng, chống dịch là nhiệm vụ trọng tâm.", []),
        ("Sở Lao động - Thương binh và Xã hội hướng dẫn hỗ trợ.", ["Sở Lao động - Thương binh và Xã hội"]),
    ],
)  # fmt: skip
def test_units_rule(text: str, units: list[str]) -> None:
    assert _units(text) == units


def test_split_units_keeps_place_lists_whole() -> None:
    assert _split_units("UBND các xã, thị trấn") == ["UBND các xã, thị trấn"]
    assert _split_units("Công an huyện, Đoàn Thanh niên") == ["Công an huyện", "Đoàn Thanh niên"]


def test_references_deduplicated_and_own_number_excluded() -> None:
    text = (
        "Số: 12/CT-UBND\n\n1. Thực hiện Chỉ thị 16/CT-TTg, Chỉ thị số 16 /CT-TTg và "
        "Nghị định 64/2008/NĐ-CP, Luật 03/2007/QH12; Chỉ thị 12/CT-UBND; Kết luận 47-KL/TW.\n"
    )
    d = parse_directive(text)
    assert d.references == ["16/CT-TTg", "64/2008/NĐ-CP", "03/2007/QH12", "47-KL/TW"]


def test_signing_block_before_noi_nhan_and_crlf() -> None:
    text = (
        "UBND XÃ NÔNG HẠ\r\nSố: 31/UBND\r\nV/v trực chốt\r\n\r\nKính gửi: Công an xã.\r\n\r\n"
        "1. Trực chốt 24/24.\r\n\r\nCHỦ TỊCH\r\n\r\nLò Thị Hoa\r\nNơi nhận:\r\n- Như trên;\r\n"
    )
    d = parse_directive(text)
    assert d.signer_title == "CHỦ TỊCH" and d.signer_authority is None
    assert d.signer == "Lò Thị Hoa"
    assert d.copies_to == ["Như trên"]
    assert [i.label for i in d.items] == ["1"]
    assert d.recipients == ["Công an xã"]


def test_upper_case_first_item_is_not_an_issuer_line() -> None:
    d = parse_directive("HUYỆN ỦY CHỢ MỚI\nSố 5-CV/HU\n\n1. UBND HUYỆN:\n- Trực chốt.\n")
    assert d.issuer == "Huyện ủy Chợ Mới"
    assert [(i.label, i.units) for i in d.items] == [("1", ["UBND HUYỆN"])]


def test_a_sub_point_a_misread_as_4_stays_a_sub_point() -> None:
    """OCR of a small photo reads "a)" as "4)": with "b)" right after it, it is the first
    sub-point of the task above, not a fourth task; a real "4)" before "5)" stays a task."""
    text = (
        "UBND HUYỆN TUY ĐỨC\nSố: 12/UBND-VP\nV/v phòng, chống dịch\n"
        "Tuy Đức, ngày 02 tháng 8 năm 2021\nKính gửi: UBND các xã.\n"
        "1. Trạm Y tế tuyên truyền sâu rộng để người dân thực hiện nghiêm quy định 5K.\n"
        "2. Công an xã rà soát toàn bộ người về từ vùng dịch:\n"
        "4) Lập danh sách theo từng thôn, bon;\n"
        "b) Tổng hợp kết quả gửi về Văn phòng;\n"
        "3) Trạm Y tế lấy mẫu xét nghiệm.\n"
        "4) Công an xã kiểm soát ra vào.\n"
        "5) Đoàn Thanh niên hỗ trợ người dân.\n"
    )
    d = parse_directive(text)
    assert [i.label for i in d.items] == ["1", "2", "3", "4", "5"]
    assert "a) Lập danh sách" in d.items[1].text and "b) Tổng hợp" in d.items[1].text


@pytest.mark.parametrize("first", ["MỤC ĐÍCH, YÊU CẦU", "I. MỤC ĐÍCH, YÊU CẦU"])
def test_a_first_section_whose_numeral_ocr_dropped_is_still_section_one(first: str) -> None:
    """OCR of a compressed phone photo lost the lone "I." of "I. MỤC ĐÍCH, YÊU CẦU" and read
    "II." below it: the first section's tasks were labelled 1, 2 beside II.1, II.2."""
    text = (
        "TỈNH ỦY BẮC KẠN\nSố 132-KH/TU\nBắc Kạn, ngày 15 tháng 12 năm 2021\nKẾ HOẠCH\n"
        "Xét nghiệm cho toàn dân\nKính gửi: UBND các xã.\n"
        "Trước diễn biến phức tạp của dịch bệnh, yêu cầu các đơn vị thực hiện:\n"
        f"{first}\n"
        "1. Trung tâm Y tế huyện tuyên truyền sâu rộng quy định 5K.\n"
        "2. Công an huyện rà soát người về từ vùng dịch.\n"
        "II. NHIỆM VỤ, GIẢI PHÁP\n"
        "1. Phòng Y tế kiểm tra việc cách ly tại nhà.\n"
        "2. Công an huyện kiểm soát ra vào.\n"
    )
    d = parse_directive(text)
    assert [i.label for i in d.items] == ["I.1", "I.2", "II.1", "II.2"]


def test_a_capital_line_above_numbered_tasks_without_sections_stays_as_it_is() -> None:
    text = (
        "UBND HUYỆN TUY ĐỨC\nSố: 12/UBND-VP\nTuy Đức, ngày 02 tháng 8 năm 2021\n"
        "Kính gửi: UBND các xã.\nYÊU CẦU CÁC XÃ\n"
        "1. Trạm Y tế tuyên truyền quy định 5K.\n2. Công an xã rà soát người về.\n"
    )
    assert [i.label for i in parse_directive(text).items] == ["1", "2"]
