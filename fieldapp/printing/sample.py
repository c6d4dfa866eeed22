"""A realistic sample printout: a commune's daily quick report on Covid-19 with a household list.

Used by the tests, the benchmark and anyone who needs a demo of the official PDF layout. The
people and places in it are invented; the wording follows real reports of 2021.
"""

from __future__ import annotations

from datetime import date

from fieldapp.printing.blocks import caption, heading, item, paragraph, table
from fieldapp.printing.official import Issuer, OfficialDocument, Signature
from fieldapp.text.vietnamese import format_long_date

_SURNAMES = ["Đặng", "Nông", "Hoàng", "Triệu", "Lý", "Ma", "Nguyễn", "Hà", "Lường", "Bế"]
_MIDDLES = ["Văn", "Thị", "Đức", "Thị Thu", "Quốc", "Thị Mỹ", "Hữu", "Thị Ngọc"]
_GIVEN = ["Hùng", "Lan", "Thắng", "Hương", "Khánh", "Nguyệt", "Dũng", "Thủy", "Vững", "Tỷ", "Mừng"]
_VILLAGES = ["Nà Pài", "Bản Cuôn", "Khuổi Kẹn", "Phiêng Lủng", "Nà Ngòa"]
_STATUS = ["F1 - cách ly tập trung", "F2 - cách ly tại nhà", "Âm tính", "Tự theo dõi sức khỏe"]


def household_rows(count: int, start: int = 1) -> list[list[str]]:
    """``count`` invented household-list rows: STT, head, birth year, address, members,
    health status, note. Deterministic, for samples and benchmarks."""
    rows = []
    for n in range(start, start + count):
        name = (
            f"{_SURNAMES[n % len(_SURNAMES)]} {_MIDDLES[(n * 3) % len(_MIDDLES)]} "
            f"{_GIVEN[(n * 7) % len(_GIVEN)]}"
        )
        village = _VILLAGES[(n // 20) % len(_VILLAGES)]
        address = f"Số {n % 97 + 1}, thôn {village}, xã Bằng Lãng"
        note = ""
        if n % 9 == 0:
            note = "Hộ nghèo; có người cao tuổi, cần hỗ trợ lương thực, thực phẩm thiết yếu"
        elif n % 5 == 0:
            note = "Nhà để trống, đề nghị công an xã tuần tra"
        rows.append(
            [
                str(n),
                name,
                str(1940 + (n * 13) % 65),
                address,
                str(1 + n % 7),
                _STATUS[n % len(_STATUS)],
                note,
            ]
        )
    return rows


HOUSEHOLD_HEADER = [
    "STT",
    "Họ và tên chủ hộ",
    "Năm sinh",
    "Địa chỉ",
    "Số nhân khẩu",
    "Tình trạng",
    "Ghi chú",
]
HOUSEHOLD_FRACTIONS = [0.7, 2.2, 0.9, 2.6, 0.9, 2.0, 2.6]
HOUSEHOLD_ALIGN = ["CENTER", "LEFT", "CENTER", "LEFT", "CENTER", "LEFT", "LEFT"]


def sample_document(rows: int = 70) -> OfficialDocument:
    """A daily quick report of Bằng Lãng commune, with a household list of ``rows`` rows
    (the default spans at least two portrait pages)."""
    body = [
        paragraph(
            "Thực hiện Công điện Hỏa tốc số 05/CĐ-UBND ngày 03/02/2021 của Ủy ban nhân dân "
            "huyện Chợ Đồn về việc phong tỏa tạm thời khu vực có ca bệnh, Ủy ban nhân dân xã "
            "Bằng Lãng báo cáo nhanh tình hình phòng, chống dịch Covid-19 trên địa bàn xã "
            "đến 17 giờ 00 ngày 05/02/2021 như sau:"
        ),
        heading("I. TÌNH HÌNH CHUNG"),
        paragraph(
            "Từ ngày 04/02/2021, xã đã thiết lập khu vực phong tỏa tại thôn Nà Pài gồm 70 hộ "
            "với 312 người; duy trì 03 chốt kiểm soát trực 24/24 giờ tại đầu cầu Nà Pài, ngã "
            "ba Bản Cuôn và đường vào khu tái định cư. Người dân thực hiện nghiêm nguyên tắc "
            "\u201cai ở đâu ở đó\u201d, giữ khoảng cách, không tụ tập đông người."
        ),
        paragraph(
            "Tuy nhiên, một bộ phận người dân còn tâm lý chủ quan, <i>ỷ lại</i> vào lực lượng "
            "chức năng; việc khai báo y tế của người từ vùng dịch về địa phương ở một số thôn "
            "chưa kịp thời. Đồng chí <b>Đặng Văn Hùng</b>, Trưởng Công an xã, đã chỉ đạo các tổ "
            "Covid cộng đồng rà soát lại từng hộ.",
            markup=True,
        ),
        heading("II. KẾT QUẢ THỰC HIỆN"),
        item(
            "Tổ chức 02 đợt xét nghiệm nhanh cho toàn bộ người dân trong khu vực phong tỏa; "
            "kết quả 312/312 mẫu âm tính."
        ),
        item(
            "Cấp phát 1.560 kg gạo, 312 suất nhu yếu phẩm đến tận hộ gia đình, bảo đảm "
            "không để người dân nào thiếu lương thực, thực phẩm."
        ),
        item(
            "Bố trí lực lượng công an, dân quân tuần tra các nhà để trống của những hộ "
            "đang cách ly tập trung, giữ gìn an ninh trật tự."
        ),
        heading("III. DANH SÁCH HỘ GIA ĐÌNH TRONG KHU VỰC PHONG TỎA"),
        paragraph(
            "Danh sách dưới đây được các tổ Covid cộng đồng cập nhật đến 16 giờ 00 cùng ngày; "
            "những trường hợp có thay đổi sẽ được báo cáo bổ sung."
        ),
        caption("DANH SÁCH HỘ GIA ĐÌNH THÔN NÀ PÀI"),
        table(
            HOUSEHOLD_HEADER,
            household_rows(rows),
            col_fractions=HOUSEHOLD_FRACTIONS,
            align=HOUSEHOLD_ALIGN,
        ),
        heading("IV. ĐỀ XUẤT, KIẾN NGHỊ"),
        paragraph(
            "Đề nghị Ban Chỉ đạo huyện hỗ trợ thêm 500 bộ xét nghiệm nhanh và kinh phí bảo "
            "đảm chế độ cho lực lượng trực chốt; những nội dung vượt thẩm quyền, xã sẽ báo cáo "
            "xin ý kiến chỉ đạo."
        ),
    ]
    return OfficialDocument(
        issuer=Issuer("UBND HUYỆN CHỢ ĐỒN", "ỦY BAN NHÂN DÂN XÃ BẰNG LÃNG"),
        number="Số: 12/BC-UBND",
        place_date=f"Bằng Lãng, {format_long_date(date(2021, 2, 5))}",
        title="BÁO CÁO",
        subject="Tình hình phòng, chống dịch Covid-19 ngày 05/02/2021",
        body=body,
        recipients=[
            "Ban Chỉ đạo phòng, chống dịch huyện (b/c);",
            "Thường trực Đảng ủy xã (b/c);",
            "Các thành viên BCĐ xã;",
            "Lưu: VT.",
        ],
        signature=Signature("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nông Văn Thắng"),
    )
