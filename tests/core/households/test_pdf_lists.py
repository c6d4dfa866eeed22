"""Household lists that arrive as PDF: printed to PDF from Word or from Excel (``pdf/``, made
by LibreOffice, see its README) and drawn here as other programs draw them (borders as thin
filled boxes, a page number under the list). Everyone comes in as from the spreadsheet
itself; a scan, a list without cell borders, a locked, broken or hostile file is refused in
plain words and nothing is written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas
from sqlalchemy import func, select

from fieldapp.cli import main
from fieldapp.directives.extract import document_tables
from fieldapp.directives.pdf_tables import MAX_PATHS_PER_PAGE
from fieldapp.errors import UserMistake
from fieldapp.households.excel_import import apply_import, read_roster
from fieldapp.households.models import HouseholdMember
from fieldapp.printing.fonts import REGULAR, register_fonts
from tests.core.households.workbooks import TODAY

HERE = Path(__file__).resolve().parent / "pdf"


def _people(preview) -> list[tuple]:
    return sorted(
        (p.full_name, p.birth_year, p.sex, p.citizen_id, p.status, p.phone, h.village)
        for h in preview.households
        for p in h.people
    )


def test_a_spreadsheet_printed_to_pdf_across_four_pages_comes_in_as_the_sheet_itself(db, area_id):
    """Calc printed the sheet's columns A-F on pages 1-2 and G-I on pages 3-4, the heading
    rows on every page: the PDF gives the same 65 people, with their phones and F0/F1 from
    the right-hand pages, as the .xlsx it was printed from."""
    sheet = read_roster(HERE / "khuoi-ky.xlsx", today=TODAY)
    printed = read_roster(HERE / "khuoi-ky.pdf", today=TODAY)
    assert _people(printed) == _people(sheet)
    assert len(_people(printed)) == 65
    assert {p[4] for p in _people(printed)} >= {"F0", "F1"}
    assert sum(1 for p in _people(printed) if p[5]) == 25  # every head's phone, from page 3-4
    assert printed.rejected == []
    (summary,) = printed.sheets
    assert (summary.households, summary.people, summary.village) == (25, 65, "Khuổi Ky")
    left_out = " ".join(summary.left_out_text())
    assert "nhắc lại" in left_out and "tổng cộng" in left_out
    apply_import(db, printed, area_id)
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(HouseholdMember)) == 65


def test_a_word_table_printed_to_pdf(tmp_path):
    """Writer's PDF of the Word list: long numbers and dates cut over two lines in their
    narrow cells come back whole; the list goes on over the page break."""
    preview = read_roster(HERE / "ds-na-pai.pdf", today=TODAY)
    people = {p[0]: p for p in _people(preview)}
    assert len(people) == 8 and preview.rejected == []
    assert people["Hoàng Văn Thắng"][3] == "006068001234"
    assert people["Hoàng Văn Thắng"][4] == "F0" and people["Hoàng Văn Thắng"][5] == "0912345678"
    assert people["Ma Thị Lan"][1:3] == (1972, "F")
    assert "Lường Văn Khuyến" in people  # "Khuyế" + "n" over two lines
    assert {p[6] for p in people.values()} == {"Nà Pài"}


def _draw(
    path: Path,
    rows: list[list[str]],
    *,
    per_page: int = 30,
    borders: str = "boxes",
    title: str = "DANH SÁCH HỘ GIA ĐÌNH THÔN BẢN LÁC",
    running: str = "",
) -> Path:
    """A list as some programs print it: each border a thin filled box ("boxes"), or stroked
    lines ("lines"), or none; a page number at each page's foot; the headings on page one,
    ``running`` at the top of the others."""
    register_fonts()
    widths = [30, 150, 45, 80, 95, 75, 60]
    c = canvas.Canvas(str(path), pagesize=A4)
    width, height = A4
    pages = [rows[i : i + per_page] for i in range(0, len(rows), per_page)]
    for number, chunk in enumerate(pages, start=1):
        top = height - 60
        c.setFont(REGULAR, 12)
        if number == 1 or running:
            c.drawString(40, top, title if number == 1 else running)
            top -= 30
        y = top
        c.setFont(REGULAR, 9)
        for row in chunk:
            x = 40
            for w, text in zip(widths, row, strict=False):
                c.drawString(x + 2, y - 12, text)
                x += w
            y -= 16
        if borders != "none":
            xs = [40]
            for w in widths:
                xs.append(xs[-1] + w)
            ys = [top - 16 * i for i in range(len(chunk) + 1)]
            for yy in ys:
                if borders == "boxes":
                    c.rect(xs[0], yy - 0.3, xs[-1] - xs[0], 0.6, stroke=0, fill=1)
                else:
                    c.line(xs[0], yy, xs[-1], yy)
            for xx in xs:
                if borders == "boxes":
                    c.rect(xx - 0.3, ys[-1], 0.6, ys[0] - ys[-1], stroke=0, fill=1)
                else:
                    c.line(xx, ys[0], xx, ys[-1])
        c.drawCentredString(width / 2, 30, f"- {number} -")
        c.showPage()
    c.save()
    return path


HEAD = ["TT", "Họ và tên", "Năm sinh", "Quan hệ với chủ hộ", "Số CCCD", "Điện thoại", "Ghi chú"]


def _rows(n: int) -> list[list[str]]:
    out = [HEAD]
    for i in range(n):
        head = i % 3 == 0
        out.append(
            [
                str(i // 3 + 1) if head else "",
                f"Hoàng Văn Người {i + 1}" if head else f"Lý Thị Người {i + 1}",
                str(1950 + i),
                "Chủ hộ" if head else "Con",
                f"0060{1950 + i:04d}{i:04d}",
                f"09{i:08d}" if head else "",
                "",
            ]
        )
    return out


@pytest.mark.parametrize("borders", ["boxes", "lines"])
def test_a_list_drawn_over_pages_without_its_headings_again_goes_on(tmp_path, borders):
    """70 people over three pages, the headings on page one only, a page number under each
    page: one list, nobody lost, the page numbers not read as people."""
    path = _draw(tmp_path / "ban-lac.pdf", _rows(70), borders=borders)
    tables = document_tables(path)
    assert len(tables) == 1 and tables[0][0] == ["DANH SÁCH HỘ GIA ĐÌNH THÔN BẢN LÁC"]
    preview = read_roster(path, today=TODAY)
    assert len(_people(preview)) == 70 and preview.rejected == []
    assert {p[6] for p in _people(preview)} == {"Bản Lác"}
    assert _people(preview)[0][3] == "006019500000"


def test_a_running_title_does_not_cut_the_list_but_the_next_village_starts_its_own(tmp_path):
    """Pages 2-3 under "DANH SÁCH HỘ GIA ĐÌNH (tiếp theo)", no headings: the same list. A
    second file, one village a page each with its own title and headings: two lists, each
    with its village."""
    path = _draw(tmp_path / "tiep.pdf", _rows(70), running="DANH SÁCH HỘ GIA ĐÌNH (tiếp theo)")
    preview = read_roster(path, today=TODAY)
    assert len(_people(preview)) == 70 and preview.rejected == []
    two = _draw(tmp_path / "hai-thon.pdf", _rows(29) + _rows(29), running="THÔN NÀ PÀI")
    preview = read_roster(two, today=TODAY)
    assert [(s.name, s.people, s.village) for s in preview.sheets] == [
        ("Bảng 1", 29, "Bản Lác"),
        ("Bảng 2", 29, "Nà Pài"),
    ]


def test_the_command_line_imports_a_pdf_list(tmp_path, capsys):
    data = str(tmp_path / "d")
    area = ["household", "area", "add", "Khu phong tỏa Khuổi Ky", "--start", "02/08/2021"]
    assert main([*area, "--villages", "Khuổi Ky", "--data-dir", data]) == 0
    capsys.readouterr()
    args = ["household", "import", str(HERE / "khuoi-ky.pdf"), "--area", "Khu phong tỏa Khuổi Ky"]
    assert main([*args, "--json", "--data-dir", data]) == 0
    result = json.loads(capsys.readouterr().out)
    assert (result["households"], result["people"]) == (25, 65)


def _refused(path: Path, *words: str) -> str:
    with pytest.raises(UserMistake) as err:
        read_roster(path, today=TODAY)
    message = str(err.value)
    for word in words:
        assert word in message, message
    assert "Không có gì được ghi" in message
    return message


def test_a_list_without_cell_borders_is_refused_not_guessed(tmp_path):
    path = _draw(tmp_path / "khong-ke.pdf", _rows(10), borders="none")
    _refused(path, "không có bảng kẻ ô", "Excel hoặc Word")


def test_a_font_without_letters_is_refused_but_a_list_typed_without_tone_marks_comes_in(
    tmp_path,
):
    """Text whose codes the PDF never mapped to letters (private-use codes, as from a font
    without a Unicode table) would import as names nobody can read: refused. A village that
    types without a Vietnamese keyboard ("Hoang Van Thang") is read as typed."""
    from pypdf.generic import NameObject

    writer = PdfWriter()
    for page in PdfReader(_draw(tmp_path / "co-bang-ma.pdf", _rows(12))).pages:
        fonts = page["/Resources"]["/Font"]
        for key in fonts:
            font = fonts[key].get_object()
            if "/ToUnicode" in font:
                del font[NameObject("/ToUnicode")]  # the font's Unicode table gone
        writer.add_page(page)
    garbled = tmp_path / "phong-la.pdf"
    with garbled.open("wb") as f:
        writer.write(f)
    _refused(garbled, "không đọc được", "Unicode")
    plain = [
        ["TT", "Ho va ten", "Nam sinh", "Quan he voi chu ho", "So CCCD", "Dien thoai", "Ghi chu"]
    ] + [[str(i), f"Hoang Van Thang {i}", "1970", "Chu ho", "", "", ""] for i in range(1, 50)]
    preview = read_roster(_draw(tmp_path / "khong-dau.pdf", plain), today=TODAY)
    assert len(_people(preview)) == 49 and _people(preview)[0][0].startswith("Hoang Van Thang")


def test_a_scan_is_refused_with_what_to_ask_for(tmp_path):
    from PIL import Image

    path = tmp_path / "quet.pdf"
    Image.new("RGB", (600, 800), "white").save(path, "PDF")
    _refused(path, "bản quét", "Excel hoặc Word")


def test_locked_broken_and_hostile_pdfs_are_refused(tmp_path):
    good = _draw(tmp_path / "tot.pdf", _rows(5))
    writer = PdfWriter()
    for page in PdfReader(good).pages:
        writer.add_page(page)
    writer.encrypt("matkhau")
    locked = tmp_path / "khoa.pdf"
    with locked.open("wb") as f:
        writer.write(f)
    _refused(locked, "mật khẩu")
    broken = tmp_path / "hong.pdf"
    broken.write_bytes(good.read_bytes()[:300])
    _refused(broken, "hỏng")
    named = tmp_path / "danh-sach.pdf"  # a spreadsheet named .pdf
    named.write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    _refused(named)
    # a page of countless strokes: refused at once, not drawn into memory
    crowded = tmp_path / "nhieu-net.pdf"
    c = canvas.Canvas(str(crowded), pagesize=A4)
    register_fonts()
    c.setFont(REGULAR, 9)
    c.drawString(40, 800, "Họ và tên")
    for i in range(MAX_PATHS_PER_PAGE + 1):
        c.line(10 + i % 500, 10, 10 + i % 500, 20)
    c.save()
    _refused(crowded, "quá nhiều nét")
