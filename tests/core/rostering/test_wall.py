"""The wall sheet (vector PDF), the month sheet, the day across sites and the chat picture."""

from __future__ import annotations

import struct

from pypdf import PdfReader

from .test_register_cli import run, setup_commune


def _sizes_of(page, needle: str) -> list[float]:
    """Font sizes at which text containing ``needle`` is drawn on ``page``."""
    found: list[float] = []

    def visit(text, cm, tm, font, size):
        if needle in text:
            found.append(size * (tm[3] if tm[3] else 1))

    page.extract_text(visitor_text=visit)
    return found


POLICE = range(5)  # "Công an 0" .. "Công an 4" (setup_commune)


def _commune(tmp_path, capsys):
    data = tmp_path / "d"
    setup_commune(data, capsys)
    assert run(data, "roster", "site", "hotline", "Chốt Cầu Bằng Lãng", "0209 3870 115") == 0
    # a site that opens on Thursday: its first days print as not active, never as short
    assert (
        run(
            data,
            "roster",
            "site",
            "add",
            "Chốt mở thứ Năm",
            "--from",
            "05/08/2021",
            "--per-shift",
            "1",
        )  # fmt: skip
        == 0
    )
    assert run(data, "roster", "generate", "--from", "02/08/2021", "--to", "08/08/2021") == 0
    capsys.readouterr()
    return data


def test_week_sheet_is_small_vector_text_with_big_names(tmp_path, capsys):
    data = _commune(tmp_path, capsys)
    out = tmp_path / "tuan.pdf"
    assert run(data, "roster", "print", "--site", "Chốt Cầu Bằng Lãng", "--week", "03/08/2021",
               "-o", str(out)) == 0  # fmt: skip
    assert out.stat().st_size < 200_000
    reader = PdfReader(out)
    text = "\n".join(p.extract_text() for p in reader.pages)
    assert "LỊCH TRỰC" in text and "Chốt Cầu Bằng Lãng" in text
    assert "0209 3870 115" in text  # the hotline from the site record
    assert "Công an" in text and "0912" in text  # names and phones
    assert "Nhận ca" in text and "Giao ca" in text and "Trực thay" in text
    assert "Người trực thay" in text  # the replacement line
    assert "●" in text  # the shift leader marked
    for page in reader.pages:
        assert "/Image" not in str(page.get("/Resources", {}).get("/XObject", {}))
    sizes = _sizes_of(reader.pages[0], "Công an")
    assert sizes and min(sizes) >= 14


def test_inactive_days_print_as_inactive_and_gaps_name_the_role(tmp_path, capsys):
    data = _commune(tmp_path, capsys)
    out = tmp_path / "moi.pdf"
    assert run(data, "roster", "print", "--site", "Chốt mở thứ Năm", "--week", "02/08/2021",
               "-o", str(out)) == 0  # fmt: skip
    text = "\n".join(p.extract_text() for p in PdfReader(out).pages)
    assert text.count("ĐIỂM KHÔNG HOẠT ĐỘNG") == 3  # Monday to Wednesday
    assert "THIẾU NGƯỜI" not in text.replace("THIẾU 1 NGƯỜI", "")
    # five police for two sites around the clock: the police gaps are printed by name
    wide = tmp_path / "cau.pdf"
    assert run(data, "roster", "print", "--site", "Chốt Cầu Bằng Lãng", "--week", "02/08/2021",
               "-o", str(wide)) == 0  # fmt: skip
    words = "\n".join(p.extract_text() for p in PdfReader(wide).pages)
    assert "THIẾU 1 CÔNG AN" in words or "THIẾU" not in words
    # Every police officer off on Friday, re-planned: each Friday shift prints its missing
    # police officer by role, not as "thiếu 1 người".
    for i in POLICE:
        assert run(data, "roster", "staff", "unavailable", f"Công an {i}", "--reason", "sick",
                   "--from", "06/08/2021", "--to", "06/08/2021", "--replan") == 0  # fmt: skip
    short = tmp_path / "thieu.pdf"
    assert run(data, "roster", "print", "--site", "Chốt Cầu Bằng Lãng", "--week", "02/08/2021",
               "-o", str(short)) == 0  # fmt: skip
    words = " ".join(" ".join(p.extract_text() for p in PdfReader(short).pages).split())
    assert words.count("THIẾU 1 CÔNG AN") >= 3  # the three Friday shifts at least


def test_month_sheet_on_a3_and_the_day_of_all_sites(tmp_path, capsys):
    data = _commune(tmp_path, capsys)
    month = tmp_path / "thang.pdf"
    assert run(data, "roster", "print", "--site", "Chốt Cầu Bằng Lãng", "--week", "03/08/2021",
               "--month", "--paper", "A3", "-o", str(month)) == 0  # fmt: skip
    reader = PdfReader(month)
    box = reader.pages[0].mediabox
    assert round(float(box.width)) == 1191 and round(float(box.height)) == 842  # A3 landscape
    assert len(reader.pages) == 1
    text = "\n".join(p.extract_text() for p in reader.pages)
    # a row per person with the phone, a column per day, the sign rows (test_wall_month.py)
    assert "Tháng 08/2021" in text and "Họ và tên" in text and "Số ca" in text
    assert "Công an 0" in text and "0912" in text and "0209 3870 115" in text
    assert " ".join(text.split()).count("trưởng ca ký nhận/giao") == 3  # three shifts
    assert min(_sizes_of(reader.pages[0], "Công an")) >= 14
    # on A4: two portrait pages, days 1-16 and 17-31, each with every name
    a4 = tmp_path / "thang-a4.pdf"
    assert run(data, "roster", "print", "--site", "Chốt Cầu Bằng Lãng", "--week", "03/08/2021",
               "--month", "-o", str(a4)) == 0  # fmt: skip
    pages = PdfReader(a4).pages
    assert len(pages) == 2
    for page in pages:
        box = page.mediabox
        assert round(float(box.width)) == 595 and round(float(box.height)) == 842
        assert "Công an 0" in page.extract_text() and "Họ và tên" in page.extract_text()
    assert "(tiếp)" in pages[1].extract_text() and "Người trực thay" in pages[1].extract_text()
    day = tmp_path / "ngay.pdf"
    assert run(data, "roster", "day", "--day", "04/08/2021", "-o", str(day)) == 0
    words = "\n".join(p.extract_text() for p in PdfReader(day).pages)
    assert "Chốt Cầu Bằng Lãng" in words and "Cổng Bản Cuôn" in words
    assert "Điểm không hoạt động" in words  # the Thursday site on a Wednesday


def test_the_month_and_the_day_typed_as_people_type_them(tmp_path, capsys):
    """ "--month 08/2021" was refused with "còn thiếu --week" (--month was only a switch), and
    "roster day --date" with "còn thiếu --day"."""
    data = _commune(tmp_path, capsys)
    by_week = tmp_path / "theo-tuan.pdf"
    assert run(data, "roster", "print", "--site", "Chốt Cầu Bằng Lãng", "--week", "03/08/2021",
               "--month", "-o", str(by_week)) == 0  # fmt: skip
    for typed in ("08/2021", "tháng 8/2021", "2021-08"):
        by_month = tmp_path / f"thang-{len(typed)}.pdf"
        assert run(data, "roster", "print", "--site", "Chốt Cầu Bằng Lãng", "--month", typed,
                   "-o", str(by_month)) == 0  # fmt: skip
        texts = [
            "\n".join(p.extract_text() for p in PdfReader(f).pages) for f in (by_week, by_month)
        ]
        assert texts[0] == texts[1] and "Tháng 08/2021" in texts[1]
    capsys.readouterr()
    for argv, words in (
        (["--month", "13/2021"], "Tháng không hợp lệ"),
        (["--month", "08/2021", "--week", "03/08/2021"], "không cả hai"),
        ([], "Cần --week"),
    ):
        out = tmp_path / "khong.pdf"
        assert run(data, "roster", "print", *argv, "-o", str(out)) != 0
        assert words in capsys.readouterr().err and not out.exists()
    day = tmp_path / "ngay.pdf"
    assert run(data, "roster", "day", "--date", "04/08/2021", "-o", str(day)) == 0
    assert "Chốt Cầu Bằng Lãng" in "".join(p.extract_text() for p in PdfReader(day).pages)
    png = tmp_path / "ngay.png"
    assert run(data, "roster", "image", "--date", "04/08/2021", "-o", str(png)) == 0
    assert png.read_bytes()[:4] == b"\x89PNG"


def test_chat_picture_is_a_phone_wide_png(tmp_path, capsys):
    data = _commune(tmp_path, capsys)
    png = tmp_path / "tuan.png"
    assert run(data, "roster", "image", "--site", "Chốt Cầu Bằng Lãng", "--week", "04/08/2021",
               "-o", str(png)) == 0  # fmt: skip
    head = png.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", head[16:24])
    assert width == 1080 and height > 500
    day_png = tmp_path / "ngay.png"
    assert run(data, "roster", "image", "--day", "04/08/2021", "-o", str(day_png)) == 0
    assert day_png.read_bytes()[:4] == b"\x89PNG"
    capsys.readouterr()
    assert run(data, "roster", "image", "--day", "04/08/2021", "-o", str(tmp_path / "x.jpg")) != 0
    assert ".png" in capsys.readouterr().err
    assert not (tmp_path / "x.jpg").exists()


def test_a_chat_picture_carries_every_page_of_the_sheet(tmp_path):
    """A sheet that runs onto a second page reaches the chat group whole: the pages one
    under the other in one PNG, and the second page's text is really drawn there."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfgen import canvas

    from fieldapp.rostering.wall import render_pdf_png

    pdf = tmp_path / "hai-trang.pdf"
    c = canvas.Canvas(str(pdf), pagesize=landscape(A4))
    c.drawString(100, 500, "Trang 1")
    c.showPage()
    c.rect(0, 0, landscape(A4)[0], landscape(A4)[1], fill=1)  # page 2 all black
    c.showPage()
    c.save()
    one, two = tmp_path / "one.png", tmp_path / "two.png"
    pdf_one = tmp_path / "mot-trang.pdf"
    c = canvas.Canvas(str(pdf_one), pagesize=landscape(A4))
    c.drawString(100, 500, "Trang 1")
    c.showPage()
    c.save()
    render_pdf_png(pdf_one, one)
    render_pdf_png(pdf, two)
    size = lambda p: struct.unpack(">II", p.read_bytes()[16:24])  # noqa: E731
    (w1, h1), (w2, h2) = size(one), size(two)
    assert w1 == w2 == 1080 and 2 * h1 < h2 < 2 * h1 + 40
    import zlib

    data = two.read_bytes()
    idat = b"".join(
        data[i + 8 : i + 8 + struct.unpack(">I", data[i : i + 4])[0]]
        for i in range(8, len(data) - 12)
        if data[i + 4 : i + 8] == b"IDAT"
    )
    pixels = zlib.decompress(idat)
    stride = len(pixels) // h2
    last_row = pixels[-stride + 1 :]
    assert set(last_row[:30]) == {0}  # the bottom of the picture is page 2's black


def test_a_week_of_two_a_shift_fits_one_a4_page_with_14_pt_names(tmp_path, capsys):
    """Two people a shift with phones: set tight (phones smaller, narrower signing columns),
    the week, its signing columns, footer and signature fit one A4 landscape page."""
    data = _commune(tmp_path, capsys)
    out = tmp_path / "hai.pdf"
    assert run(data, "roster", "print", "--site", "Chốt Cầu Bằng Lãng", "--week", "03/08/2021",
               "-o", str(out)) == 0  # fmt: skip
    reader = PdfReader(out)
    assert len(reader.pages) == 1
    page = reader.pages[0]
    box = page.mediabox
    assert round(float(box.width)) == 842 and round(float(box.height)) == 595
    text = page.extract_text()
    assert "Chủ nhật" in text and "Trực thay" in text and "Người trực thay" in text
    assert "Hoàng Văn Thắng" in text  # the signing block is on the same page
    assert min(_sizes_of(page, "Công an")) >= 14


def test_a_crowded_week_runs_on_clearly_or_fits_one_a3_sheet(tmp_path, capsys):
    """Three people a shift with phones cannot fit one A4 page at 14 pt: the second page
    names the sheet and says "trang 2"; with --paper A3 the week is one sheet."""
    data = _commune(tmp_path, capsys)
    a4 = tmp_path / "a4.pdf"
    assert run(data, "roster", "print", "--site", "Chốt Cầu Bằng Lãng", "--week", "03/08/2021",
               "-o", str(a4)) == 0  # fmt: skip
    pages = PdfReader(a4).pages
    texts = [p.extract_text() for p in pages]
    assert "Tờ lịch trực – trang 1" in texts[0] and "(tiếp)" not in texts[0]
    for n, text in enumerate(texts[1:], start=2):
        assert f"Tờ lịch trực – trang {n}" in text
        assert "Chốt Cầu Bằng Lãng" in text and "(tiếp)" in text
    a3 = tmp_path / "a3.pdf"
    assert run(data, "roster", "print", "--site", "Chốt Cầu Bằng Lãng", "--week", "03/08/2021",
               "--paper", "A3", "-o", str(a3)) == 0  # fmt: skip
    reader = PdfReader(a3)
    assert len(reader.pages) == 1  # one sheet for the wall
    box = reader.pages[0].mediabox
    assert round(float(box.width)) == 1191 and round(float(box.height)) == 842
    text = reader.pages[0].extract_text()
    assert "Chủ nhật" in text and "Người trực thay" in text and "Nhận ca" in text
    assert min(_sizes_of(reader.pages[0], "Công an")) >= 14
    assert a3.stat().st_size < 200_000
    # two sites: each sheet starts at its own page 1, never "(tiếp)" of the one before
    both = tmp_path / "both.pdf"
    assert run(data, "roster", "print", "--week", "03/08/2021", "-o", str(both)) == 0
    firsts = [p.extract_text() for p in PdfReader(both).pages]
    starts = [t for t in firsts if "Tờ lịch trực – trang 1" in t]
    assert len(starts) >= 2 and all("(tiếp)" not in t for t in starts)
