"""The directives register of the demo commune (xã Bằng Lãng, huyện Chợ Đồn, tỉnh Bắc Kạn).

The three real directives that :mod:`fieldapp.demo` has stored as documents are imported
through the same service functions the window uses, linked to those stored originals, then
routed and followed up the way a commune office would: some items reported, some in
progress with dated notes, and a few deadlines that the commune's steering committee set
around today (the directives themselves give none), so that the overview shows work due
today and overdue.
"""

from __future__ import annotations

from datetime import date, timedelta

import resources
from fieldapp.db.database import Database
from fieldapp.directives.parser import parse_directive
from fieldapp.directives.register import (
    DirectiveForm,
    add_note,
    get_directive,
    save_directive,
    set_item_status,
    update_item,
)
from fieldapp.text.vietnamese import format_date

SET_BY_COMMUNE = "Hạn do Ban Chỉ đạo xã đặt khi giao việc (văn bản không ghi hạn)."

# filename, arrival date, arrival number, routed to, handling instructions
_ARRIVALS = (
    (
        "bac-kan-309-CV-TU.txt",
        date(2021, 7, 21),
        112,
        "Đ/c Hoàng Văn Thắng, Chủ tịch UBND xã",
        "Giao Văn phòng UBND xã tham mưu triển khai; các ban, ngành, đoàn thể xã thực hiện "
        "theo chức năng, báo cáo kết quả về Ban Chỉ đạo xã.",
    ),
    (
        "huyen-uy-235-CV-HU.txt",
        date(2021, 8, 9),
        131,
        "Đ/c Lý Thị Hoa, Bí thư Đảng ủy xã",
        "Hỏa tốc: họp Ban Chỉ đạo xã ngay trong ngày; Công an xã tổ chức trực 24/24 tại các "
        "chốt; Văn phòng Đảng ủy tổng hợp báo cáo Huyện ủy.",
    ),
    (
        "dak-nong-cong-dien-khan.txt",
        date(2021, 8, 12),
        134,
        "Đ/c Hoàng Văn Thắng, Chủ tịch UBND xã",
        "Văn bản của tỉnh bạn, gửi để tham khảo cách làm; Trạm Y tế xã và Công an xã nghiên "
        "cứu áp dụng phù hợp với địa bàn.",
    ),
)


def _import(db: Database, filename: str, arrival: date, number: int, to: str, how: str) -> int:
    data = resources.path("demo", "directives", filename).read_bytes()
    text = data.decode("utf-8")
    form = DirectiveForm.from_parsed(parse_directive(text), text)
    form.arrival_date, form.arrival_number, form.routed_to, form.handling = arrival, number, to, how
    return save_directive(db, form, original=data, original_name=filename)


def demo_step(db: Database) -> dict[str, int]:
    """Fill this register of the demo commune; return counts for the summary."""
    today = date.today()
    ids = [_import(db, *arrival) for arrival in _ARRIVALS]
    tu309, hu235, daknong = (get_directive(db, i) for i in ids)
    item = {  # (directive, label) -> item id
        (d.id, i.label): i.id for d in (tu309, hu235, daknong) for i in d.items
    }
    notes = 0

    def follow(d, label, *, status, unit="", person="", due="", lines=()):
        nonlocal notes
        item_id = item[(d.id, label)]
        changes = {"responsible_unit": unit, "responsible_person": person}
        if due:
            changes["due"] = due
        update_item(db, item_id, changes)
        set_item_status(db, item_id, status)
        for day, text in lines:
            add_note(db, item_id, text, noted_on=day, author=person)
            notes += 1

    # 309-CV/TU (July 2021): carried out and reported long ago.
    follow(tu309, "1", status="reported", unit="Văn phòng UBND xã", person="Triệu Văn Minh",
           lines=[(date(2021, 7, 22), "Đã họp Ban Chỉ đạo xã quán triệt Công văn 309-CV/TU."),
                  (date(2021, 7, 30), "Đã gửi báo cáo kết quả về Ban Chỉ đạo huyện.")])  # fmt: skip
    follow(tu309, "2", status="reported", unit="Ủy ban MTTQ xã", person="Hà Thị Lan",
           lines=[(date(2021, 7, 26), "Phát động ủng hộ Quỹ phòng, chống dịch ở 12 thôn.")])  # fmt: skip
    for label in ("3", "4", "5"):
        follow(tu309, label, status="done", unit="Văn phòng UBND xã", person="Triệu Văn Minh")

    # 235-CV/HU (Hỏa tốc, August 2021): the work of these weeks.
    follow(hu235, "1", status="in_progress", unit="Đài truyền thanh xã", person="Ma Văn Tuấn",
           due="hằng ngày 16:00",
           lines=[(today - timedelta(days=1), "Phát loa 3 buổi/ngày ở 12 thôn; báo cáo 16 giờ.")])  # fmt: skip
    follow(hu235, "6", status="in_progress", unit="Công an xã",
           person="Nông Văn Hùng, Trưởng Công an xã", due=f"{format_date(today)} 17:00",
           lines=[(today - timedelta(days=2), SET_BY_COMMUNE),
                  (today - timedelta(days=1),
                   "Đã phân 3 ca trực 24/24 tại chốt Nà Pài và điểm cách ly Trường Tiểu học.")])  # fmt: skip
    follow(hu235, "9", status="in_progress", unit="Văn phòng Đảng ủy", person="Lý Thị Hoa",
           due=format_date(today - timedelta(days=2)),
           lines=[(today - timedelta(days=3), SET_BY_COMMUNE),
                  (today - timedelta(days=1),
                   "Đã rà soát danh sách hộ đang cách ly tập trung; còn thiếu thôn Khuổi Ó.")])  # fmt: skip
    follow(hu235, "7", status="done", unit="Văn phòng UBND xã", person="Triệu Văn Minh")
    for label in ("2", "3", "4", "5", "8"):
        follow(hu235, label, status="done", unit="Văn phòng Đảng ủy", person="Lý Thị Hoa")

    # The Công điện of Đắk Nông: kept as a model; two measures taken up by the commune.
    follow(daknong, "5", status="in_progress", unit="Trạm Y tế xã", person="Đặng Thị Mai",
           due=format_date(today - timedelta(days=1)),
           lines=[(today - timedelta(days=4), SET_BY_COMMUNE),
                  (today - timedelta(days=2), "Đã test nhanh 214 người ở thôn Nà Pài, 0 ca dương tính.")])  # fmt: skip
    follow(daknong, "2", status="new", unit="Ủy ban MTTQ xã", person="Hà Thị Lan",
           due=format_date(today), lines=[(today - timedelta(days=1), SET_BY_COMMUNE)])  # fmt: skip
    follow(daknong, "6", status="new", unit="Công an xã", person="Nông Văn Hùng",
           due=format_date(today + timedelta(days=3)))  # fmt: skip

    items = sum(len(d.items) for d in (tu309, hu235, daknong))
    return {"văn bản chỉ đạo": len(ids), "mục công việc": items, "ghi chú tiến độ": notes}
