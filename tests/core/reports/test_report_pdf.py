"""Reports read back from their PDFs: the numbers of the registers, the Decree 30 layout."""

from __future__ import annotations

import shutil
import subprocess
from datetime import timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from fieldapp.errors import UserError
from fieldapp.printing.official import MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP
from fieldapp.reports.render import build_report, spec_for
from tests.core.test_official_pdf import A4_LONG, A4_SHORT, TOLERANCE, page_texts, text_spans


def _pdf(db, tmp_path: Path, kind: str, day, ref=None, edits=None) -> PdfReader:
    built = build_report(db, spec_for(db, kind, day, ref), edits)
    path = tmp_path / f"{kind}.pdf"
    pages = built.render(path)
    reader = PdfReader(path)
    assert pages == len(reader.pages)
    return reader


def test_daily_report_prints_the_registers_numbers(db, world, tmp_path) -> None:
    text = " ".join(page_texts(_pdf(db, tmp_path, "daily", world.day)))
    assert "Số: /BC-UBND" in text  # a draft has no number yet
    assert "BÁO CÁO" in text
    assert f"ngày {world.day:%d/%m/%Y}" in text
    for line in (
        "Số hộ trong vùng phong tỏa 7",
        "Số nhân khẩu trong vùng phong tỏa 21",
        "Số ca F0 3 +1",
        "Số F1 4 +1",
        "Số F2 1 0",
        "Bắt đầu cách ly trong ngày 3",
        "Kết thúc cách ly trong ngày 1",
        "Số mẫu xét nghiệm 9",
        "Số mẫu dương tính 1",
        "Lượt hộ được hỗ trợ nhu yếu phẩm 4",
        "Ca trực theo lịch tại chốt, điểm cách ly 3",
        "Ca trực đủ người 2",
        "Lượt vắng mặt khi trực 1",
        "Số người đến qua chốt kiểm soát 6",
        "Số phương tiện đến qua chốt kiểm soát 2",
        "Mục công việc chỉ đạo đến hạn 1",
        "Mục công việc chỉ đạo quá hạn 1",
        "Mục công việc hoàn thành trong ngày 1",
        "Gạo (kg) 40",
        "Mì tôm (thùng) 4",
        "Chốt Nà Pài 6",
        "Rà soát danh sách hộ nghèo",
        "TM. ỦY BAN NHÂN DÂN",
        "Hoàng Văn Thắng",
    ):
        assert line in text, line
    assert "Số ca F0: 3 (tăng 1)" in text


def test_edited_text_replaces_the_default_but_not_the_figures(db, world, tmp_path) -> None:
    edits = {"difficulties": "Thiếu 200 bộ test nhanh.", "notes": "Ghi chú riêng của xã."}
    text = " ".join(page_texts(_pdf(db, tmp_path, "daily", world.day, edits=edits)))
    assert "III. KHÓ KHĂN, VƯỚNG MẮC Thiếu 200 bộ test nhanh." in text
    assert "Ghi chú riêng của xã." in text
    assert "Số ca F0 3 +1" in text
    with pytest.raises(UserError, match="không có phần"):
        build_report(db, spec_for(db, "daily", world.day), {"f0": "99"})


def test_layout_is_a4_with_decree_margins_and_embedded_fonts(db, world, tmp_path) -> None:
    reader = _pdf(db, tmp_path, "daily", world.day)
    for i, page in enumerate(reader.pages):
        assert float(page.mediabox.width) == pytest.approx(A4_SHORT, abs=0.01)
        assert float(page.mediabox.height) == pytest.approx(A4_LONG, abs=0.01)
        body = [s for s in text_spans(reader, i) if s.baseline <= A4_LONG - MARGIN_TOP]
        assert min(s.x0 for s in body) >= MARGIN_LEFT - TOLERANCE
        assert max(s.x1 for s in body) <= A4_SHORT - MARGIN_RIGHT + TOLERANCE
        assert min(s.bottom for s in body) >= MARGIN_BOTTOM - TOLERANCE
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            assert "LiberationSerif" in font["/BaseFont"]
            assert "/FontFile2" in font["/FontDescriptor"].get_object()


def test_weekly_report_has_a_column_per_day(db, world, tmp_path) -> None:
    end = world.day + timedelta(days=1)
    text = " ".join(page_texts(_pdf(db, tmp_path, "weekly", end)))
    assert f"{world.day:%d/%m}" in text and "Cả tuần" in text
    assert "Mẫu xét nghiệm 0 0 0 0 0 9 0 9" in text
    assert "Số ca F0 0 1 1 1 2 3 3 3" in text
    assert f"từ ngày {world.day - timedelta(days=5):%d/%m/%Y}" in text


def test_directive_report_lists_each_item_with_status_and_notes(db, world, tmp_path) -> None:
    text = " ".join(page_texts(_pdf(db, tmp_path, "directive", world.day, "235-CV/HU")))
    assert "Kết quả thực hiện Công văn số 235-CV/HU" in text
    assert "Thực hiện Công văn số 235-CV/HU ngày 05/08/2021 của Huyện ủy Chợ Đồn" in text
    assert "Kết quả: Đã hoàn thành. Ngày" in text
    assert "Đã phát loa 3 buổi mỗi ngày ở 12 thôn" in text
    assert "Kết quả: Chưa thực hiện." in text
    for status in ("mới", "xong"):
        assert status in text
    with pytest.raises(UserError, match="Không tìm thấy văn bản"):
        spec_for(db, "directive", world.day, "999-XX/YY")


def test_pages_render_to_png(db, world, tmp_path) -> None:
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm is not installed")
    _pdf(db, tmp_path, "daily", world.day)
    subprocess.run(
        ["pdftoppm", "-r", "30", "-png", str(tmp_path / "daily.pdf"), str(tmp_path / "p")],
        check=True,
    )
    from PIL import Image

    pngs = sorted(tmp_path.glob("p-*.png"))
    assert pngs
    image = Image.open(pngs[0]).convert("L")
    assert image.size[0] < image.size[1]  # portrait
    assert image.getextrema()[0] < 100  # there is ink on the page


def test_a_report_needs_the_commune_profile(db, tmp_path) -> None:
    from datetime import date

    with pytest.raises(UserError, match="hồ sơ xã"):
        build_report(db, spec_for(db, "daily", date(2021, 8, 20)))
