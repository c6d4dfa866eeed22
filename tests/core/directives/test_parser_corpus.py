"""The three real directives: the values a careful reader writes down from each."""

from __future__ import annotations

from datetime import date

import pytest

import resources
from fieldapp.directives import ParsedDirective, extract_text, parse_directive


def _load(name: str) -> ParsedDirective:
    return parse_directive(extract_text(resources.path(f"demo/directives/{name}")))


@pytest.fixture(scope="module")
def hu235() -> ParsedDirective:
    return _load("huyen-uy-235-CV-HU.txt")


@pytest.fixture(scope="module")
def tu309() -> ParsedDirective:
    return _load("bac-kan-309-CV-TU.txt")


@pytest.fixture(scope="module")
def daknong() -> ParsedDirective:
    return _load("dak-nong-cong-dien-khan.txt")


def test_235_header(hu235: ParsedDirective) -> None:
    d = hu235
    assert d.number == "235-CV/HU"  # written "Số 235 -CV/HU"
    assert d.kind == "Công văn"
    assert d.subject == ("phát huy vai trò, trách nhiệm trong công tác phòng, chống dịch Covid-19")
    assert d.subject_prefix == "V/v"
    assert d.urgency == "Hỏa tốc"
    assert d.secrecy is None


def test_235_has_no_date_issuer_or_place_and_says_so(hu235: ParsedDirective) -> None:
    # "ngày 03/7/2021" in item 3 is the date of Công văn 234-CV/HU, not of this one.
    assert hu235.issued_on is None
    assert hu235.issuer is None
    assert hu235.place is None
    assert hu235.missing == ["issuer", "place", "issued_on"]


def test_235_recipients_and_signer(hu235: ParsedDirective) -> None:
    assert hu235.recipients == [
        "UBND huyện, Ủy ban MTTQ Việt Nam huyện",
        "Các TCCSĐ-trực thuộc Huyện ủy",
        "Các cơ quan, ban, ngành, đoàn thể huyện",
        "Các đ/c Ủy viên Ban Thường vụ Huyện ủy",
    ]
    assert hu235.signer == "Nguyễn Chí Hiền"
    assert hu235.signer_title == "PHÓ BÍ THƯ"
    assert hu235.signer_authority == "T/M BAN THƯỜNG VỤ"
    assert hu235.copies_to == ["Như trên", "Lưu VPHU"]


def test_235_items(hu235: ParsedDirective) -> None:
    items = hu235.items
    assert [i.label for i in items] == [str(n) for n in range(1, 10)]
    units = {i.label: i.units for i in items}
    assert units["1"] == ["Các cấp uỷ", "chính quyền", "Mặt trận Tổ quốc", "đoàn thể các cấp"]
    assert units["2"] == ["UBND huyện"]
    assert units["3"] == ["Mặt trận", "các đoàn thể huyện"]
    assert units["4"] == ["Đảng uỷ Trung tâm Y tế huyện"]
    assert units["5"] == ["Đảng uỷ Công an huyện"]
    assert units["6"] == ["Đảng ủy các xã, thị trấn"]
    assert units["8"] == ["Các đồng chí Ủy viên Ban Thường vụ Huyện ủy"]
    assert units["9"] == ["Đồng chí Bí thư các xã, thị trấn"]
    assert all(i.due is None for i in items)
    # Sub-bullets stay inside item 2.
    assert items[1].text.startswith("UBND huyện:\n- Tiếp tục đề nghị Tỉnh")
    assert items[1].text.count("\n- ") == 2
    # The page break inside item 5 is mended and the stray "²" page mark dropped.
    assert "kiểm tra xử lý nghiêm các hành vi vi phạm về phòng, chống dịch" in items[4].text
    assert "²" not in items[4].text
    # Markdown stars are gone.
    assert "(khi bị dương tính với Covid-19)" in items[5].text
    assert "**" not in items[3].text
    # The two unnumbered paragraphs after item 9 continue it; "Nơi nhận" is not an item.
    assert "Làm tốt công tác bảo đảm an ninh trật tự" in items[8].text
    assert "Nơi nhận" not in items[8].text


def test_235_references(hu235: ParsedDirective) -> None:
    # "24/24" (item 6) and the dates are not references; the typo 68/2021/NĐ-CP is as written.
    assert hu235.references == ["64/2008/NĐ-CP", "234-CV/HU", "68/2021/NĐ-CP"]


def test_309_header(tu309: ParsedDirective) -> None:
    d = tu309
    assert d.number == "309-CV/TU"
    assert d.kind == "Công văn"
    assert d.issuer == "Tỉnh ủy Bắc Kạn"
    assert d.issuer_raw == "TỈNH ỦY BẮC KẠN"
    assert d.place == "Bắc Kạn"
    assert d.issued_on == date(2021, 7, 20)
    assert d.subject == "công tác phòng, chống dịch Covid-19"
    assert d.subject_prefix == "Về"
    assert d.urgency is None and d.secrecy is None
    assert d.missing == []


def test_309_recipients_signer_and_signature(tu309: ParsedDirective) -> None:
    assert tu309.recipients == [
        "Các huyện ủy, thành ủy, đảng ủy trực thuộc",
        "Các đảng đoàn, ban cán sự đảng",
        "Các ban xây dựng Đảng, Văn phòng Tỉnh ủy",
        "Các sở, ban, ngành, Mặt trận Tổ quốc và đoàn thể tỉnh",
        "Các cơ quan Trung ương đóng trên địa bàn tỉnh",
    ]
    # The digital signature writes "Phuong Thi Thanh"; the accented form wins.
    assert tu309.signer == "Phương Thị Thanh"
    assert tu309.signer_title == "PHÓ BÍ THƯ"
    assert tu309.signer_authority == "T/M BAN THƯỜNG VỤ"
    assert tu309.signed_at == "2021-07-20T13:38:23+07:00"
    assert len(tu309.copies_to) == 3


def test_309_items(tu309: ParsedDirective) -> None:
    items = tu309.items
    assert [i.label for i in items] == ["1", "2", "3", "4", "5"]
    assert items[0].units == []  # addressed to everyone in "Kính gửi"
    assert "Tập trung triển khai các chính sách hỗ trợ" in items[0].text
    assert items[2].units == ["Thành ủy Bắc Kạn"]
    assert items[3].units == ["Sở Y tế"]
    assert tu309.references == ["68/NQ-CP"]


def test_daknong_header(daknong: ParsedDirective) -> None:
    d = daknong
    assert d.number is None  # no number line at all
    assert d.kind == "Công điện"
    assert d.issuer == "Thường trực Tỉnh ủy"  # from "CÔNG ĐIỆN KHẨN CỦA THƯỜNG TRỰC TỈNH ỦY"
    assert d.place is None
    assert d.issued_on is None
    assert d.subject == "tăng cường công tác phòng, chống dịch bệnh Covid-19"
    # "CÔNG ĐIỆN KHẨN" is Khẩn, but "HỎA TỐC →" is higher.
    assert d.urgency == "Hỏa tốc"
    assert d.missing == ["number", "place", "issued_on"]


def test_daknong_recipients_signer(daknong: ParsedDirective) -> None:
    assert daknong.recipients[0] == "Ban Chỉ đạo phòng, chống dịch bệnh ở người tỉnh Đắk Nông"
    assert daknong.recipients[-1] == "Các huyện ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy"
    assert len(daknong.recipients) == 5
    assert daknong.signer == "Ngô Thanh Danh"
    assert daknong.signer_title == "BÍ THƯ"
    assert daknong.signer_authority == "T/M BAN THƯỜNG VỤ"


def test_daknong_items(daknong: ParsedDirective) -> None:
    items = daknong.items
    assert [i.label for i in items] == ["1", "2", "3", "4", "5", "6"]
    assert items[3].units == ["Bí thư các huyện ủy, thành ủy", "người đứng đầu cấp ủy"]
    assert "huy động cả hệ thống chính trị, tạo sự đồng thuận" in items[3].text
    assert "Đối với các huyện đang có dịch bùng phát" in items[3].text
    # Inline "(1) ... (2) ... (3)" stay in item 5's text.
    assert "(2) Tổ chức xét nghiệm thần tốc" in items[4].text
    # The closing paragraph is not part of item 6.
    assert "Nhận được Công điện này" not in items[5].text
    assert daknong.closing and daknong.closing.startswith("Nhận được Công điện này")
    assert daknong.references == ["15/CT-TTg", "16/CT-TTg"]


def test_corpus_json_shape(hu235: ParsedDirective) -> None:
    j = hu235.to_json_dict()
    required = {
        "number", "kind", "issuer", "place", "issued_on", "subject", "urgency", "secrecy",
        "signer", "signer_title", "recipients", "items", "references",
    }  # fmt: skip
    assert required <= set(j)
    assert j["issued_on"] is None
    assert set(j["items"][0]) == {"label", "text", "units", "due"}
