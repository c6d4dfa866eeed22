"""The official PDF layer: Decree 30 page geometry, embedded fonts, text that reads back.

PDFs are read back with pypdf. Text positions come from a small interpreter of the page's
content stream (text matrix, CTM, the fonts' /Widths), so the margin checks measure where the
glyphs really are, not where the layout meant them to be.
"""

from __future__ import annotations

import dataclasses
import io
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.generic import ContentStream
from reportlab.lib.units import mm

from fieldapp.printing.blocks import cell_markup, heading, item, paragraph, table
from fieldapp.printing.official import (
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    MOTTO,
    NATIONAL_TITLE,
    PARTY_TITLE,
    Issuer,
    OfficialDocument,
    Signature,
    render_pdf,
)
from fieldapp.printing.sample import HOUSEHOLD_HEADER, household_rows, sample_document

A4_SHORT, A4_LONG = 595.28, 841.89
TOLERANCE = 0.5  # points
ASCENT, DESCENT = 0.95, 0.25  # generous glyph extents (em) for Vietnamese stacked marks


# -- reading PDFs back ------------------------------------------------------------------------


@dataclass(frozen=True)
class Span:
    """One shown string: its device-space extent."""

    x0: float
    x1: float
    baseline: float
    size: float

    @property
    def top(self) -> float:
        return self.baseline + ASCENT * self.size

    @property
    def bottom(self) -> float:
        return self.baseline - DESCENT * self.size


def _mul(a: list[float], b: list[float]) -> list[float]:
    return [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    ]


def _raw(operand: object) -> bytes:
    """The bytes of a string operand (pypdf may have decoded it to a text string)."""
    if hasattr(operand, "original_bytes"):
        return bytes(operand.original_bytes)
    if isinstance(operand, bytes):
        return bytes(operand)
    return str(operand).encode("latin-1")


def text_spans(reader: PdfReader, page_index: int) -> list[Span]:
    """Where every string on the page is drawn (enough of PDF text state for reportlab)."""
    page = reader.pages[page_index]
    widths = {}
    for name, ref in page["/Resources"]["/Font"].items():
        font = ref.get_object()
        widths[name] = (int(font["/FirstChar"]), [float(w) for w in font["/Widths"]])
    identity = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0]
    ctm, stack = identity, []
    tm = tlm = identity
    font = None
    size = leading = char_space = word_space = 0.0
    scale = 1.0
    spans: list[Span] = []

    def show(data: bytes) -> None:
        nonlocal tm
        first, w = widths[font]
        advance = 0.0
        for code in data:
            advance += w[code - first] / 1000 * size + char_space
            if code == 32:
                advance += word_space
        advance *= scale
        start = _mul(tm, ctm)
        tm = _mul([1, 0, 0, 1, advance, 0], tm)
        end = _mul(tm, ctm)
        spans.append(Span(start[4], end[4], start[5], size * abs(start[3])))

    def next_line() -> None:
        nonlocal tm, tlm
        tlm = _mul([1, 0, 0, 1, 0, -leading], tlm)
        tm = tlm

    for operands, op in ContentStream(page.get_contents(), reader).operations:
        if op == b"q":
            stack.append(ctm)
        elif op == b"Q":
            ctm = stack.pop()
        elif op == b"cm":
            ctm = _mul([float(v) for v in operands], ctm)
        elif op == b"BT":
            tm = tlm = identity
        elif op == b"Tf":
            font, size = operands[0], float(operands[1])
        elif op == b"TL":
            leading = float(operands[0])
        elif op == b"Tc":
            char_space = float(operands[0])
        elif op == b"Tw":
            word_space = float(operands[0])
        elif op == b"Tz":
            scale = float(operands[0]) / 100
        elif op == b"Tm":
            tm = tlm = [float(v) for v in operands]
        elif op in (b"Td", b"TD"):
            if op == b"TD":
                leading = -float(operands[1])
            tlm = _mul([1, 0, 0, 1, float(operands[0]), float(operands[1])], tlm)
            tm = tlm
        elif op == b"T*":
            next_line()
        elif op == b"Tj":
            show(_raw(operands[0]))
        elif op == b"'":
            next_line()
            show(_raw(operands[0]))
        elif op == b'"':
            word_space, char_space = float(operands[0]), float(operands[1])
            next_line()
            show(_raw(operands[2]))
        elif op == b"TJ":
            for part in operands[0]:
                if isinstance(part, bytes | str):
                    show(_raw(part))
                else:
                    tm = _mul([1, 0, 0, 1, -float(part) / 1000 * size * scale, 0], tm)
    return spans


def texts_with_positions(reader: PdfReader, page_index: int) -> list[tuple[str, float]]:
    """(text, baseline y) for each piece of text pypdf reports, stripped, non-empty."""
    found: list[tuple[str, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], _font: object, _size: object) -> None:
        if text.strip():
            found.append((text.strip(), _mul(tm, cm)[5]))

    reader.pages[page_index].extract_text(visitor_text=visit)
    return found


def page_texts(reader: PdfReader) -> list[str]:
    """Each page's text, NFC, whitespace runs (including wrapped lines) made one space."""
    return [
        re.sub(r"\s+", " ", unicodedata.normalize("NFC", page.extract_text()))
        for page in reader.pages
    ]


def render(doc: OfficialDocument, tmp_path: Path, name: str = "doc.pdf") -> PdfReader:
    path = tmp_path / name
    pages = render_pdf(doc, path)
    reader = PdfReader(path)
    assert pages == len(reader.pages)
    return reader


@pytest.fixture(scope="module")
def portrait(tmp_path_factory: pytest.TempPathFactory) -> PdfReader:
    return render(sample_document(), tmp_path_factory.mktemp("pdf"))


@pytest.fixture(scope="module")
def landscape(tmp_path_factory: pytest.TempPathFactory) -> PdfReader:
    doc = dataclasses.replace(sample_document(), orientation="landscape")
    return render(doc, tmp_path_factory.mktemp("pdf"))


@pytest.fixture(params=["portrait", "landscape"])
def sample_pdf(request: pytest.FixtureRequest) -> PdfReader:
    return request.getfixturevalue(request.param)


# -- page geometry ----------------------------------------------------------------------------


def test_portrait_pages_are_a4_and_the_table_spans_pages(portrait: PdfReader) -> None:
    assert len(portrait.pages) >= 3  # the sample table needs two pages of its own
    for page in portrait.pages:
        assert float(page.mediabox.width) == pytest.approx(A4_SHORT, abs=0.01)
        assert float(page.mediabox.height) == pytest.approx(A4_LONG, abs=0.01)


def test_landscape_pages_are_a4_turned(landscape: PdfReader) -> None:
    assert len(landscape.pages) >= 2
    for page in landscape.pages:
        assert float(page.mediabox.width) == pytest.approx(A4_LONG, abs=0.01)
        assert float(page.mediabox.height) == pytest.approx(A4_SHORT, abs=0.01)


def test_text_keeps_the_decree_30_margins(sample_pdf: PdfReader) -> None:
    for i, page in enumerate(sample_pdf.pages):
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        spans = text_spans(sample_pdf, i)
        in_top_margin = [s for s in spans if s.baseline > height - MARGIN_TOP]
        body = [s for s in spans if s not in in_top_margin]
        # Only the page number may stand in the top margin, and never on page 1.
        assert len(in_top_margin) == (0 if i == 0 else 1)
        left = min(s.x0 for s in body)
        assert left >= MARGIN_LEFT - TOLERANCE
        if i == 0:  # paragraph lines start flush with the margin
            assert left == pytest.approx(MARGIN_LEFT, abs=TOLERANCE)
        assert max(s.x1 for s in body) <= width - MARGIN_RIGHT + TOLERANCE
        assert max(s.top for s in body) <= height - MARGIN_TOP + TOLERANCE
        assert min(s.bottom for s in body) >= MARGIN_BOTTOM - TOLERANCE


def test_justified_paragraphs_reach_the_right_margin(portrait: PdfReader) -> None:
    # The interpreter's widths are right if full lines end exactly at the margin.
    right = max(s.x1 for s in text_spans(portrait, 0))
    assert right == pytest.approx(A4_SHORT - MARGIN_RIGHT, abs=TOLERANCE)


def test_page_numbers_are_centred_in_the_top_margin_from_page_2(portrait: PdfReader) -> None:
    assert len(portrait.pages) >= 3
    for i in range(len(portrait.pages)):
        height = float(portrait.pages[i].mediabox.height)
        numbers = [t for t, y in texts_with_positions(portrait, i) if y > height - MARGIN_TOP]
        assert numbers == ([] if i == 0 else [str(i + 1)])
        if i:
            (span,) = [s for s in text_spans(portrait, i) if s.baseline > height - MARGIN_TOP]
            centre = MARGIN_LEFT + (A4_SHORT - MARGIN_LEFT - MARGIN_RIGHT) / 2
            assert (span.x0 + span.x1) / 2 == pytest.approx(centre, abs=TOLERANCE)


# -- fonts and text ---------------------------------------------------------------------------


def test_every_font_is_an_embedded_liberation_serif_subset(sample_pdf: PdfReader) -> None:
    faces = set()
    for page in sample_pdf.pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            match = re.fullmatch(
                r"/[A-Z]{6}\+(LiberationSerif(-Bold|-Italic|-BoldItalic)?)", font["/BaseFont"]
            )
            assert match, font["/BaseFont"]
            assert font["/Subtype"] == "/TrueType"
            assert "/FontFile2" in font["/FontDescriptor"].get_object()
            faces.add(match.group(1))
    assert faces == {
        "LiberationSerif",
        "LiberationSerif-Bold",
        "LiberationSerif-Italic",
        "LiberationSerif-BoldItalic",
    }


def test_vietnamese_text_reads_back(portrait: PdfReader) -> None:
    pages = page_texts(portrait)
    first, everything = pages[0], " ".join(pages)
    for expected in (
        "UBND HUYỆN CHỢ ĐỒN",
        "ỦY BAN NHÂN DÂN XÃ BẰNG LÃNG",
        NATIONAL_TITLE,
        MOTTO,
        "Số: 12/BC-UBND",
        "Bằng Lãng, ngày 05 tháng 02 năm 2021",
        "BÁO CÁO",
        "Tình hình phòng, chống dịch Covid-19 ngày 05/02/2021",
        "Công điện Hỏa tốc số 05/CĐ-UBND",
        "phong tỏa",
        "Đặng Văn Hùng",
        "ỷ lại",
        "những",
        "người",
    ):
        assert expected in first, expected
    for expected in (
        "Nơi nhận:",
        "- Ban Chỉ đạo phòng, chống dịch huyện (b/c);",
        "- Lưu: VT, VP.",
        "TM. ỦY BAN NHÂN DÂN",
        "CHỦ TỊCH",
        "Nông Văn Thắng",
    ):
        assert expected in pages[-1], expected
    assert everything.count(NATIONAL_TITLE) == 1  # the header is on page 1 only


def test_table_rows_continue_on_later_pages_under_a_repeated_header(
    portrait: PdfReader,
) -> None:
    pages = page_texts(portrait)
    header = " ".join(HOUSEHOLD_HEADER)
    with_table = [i for i, text in enumerate(pages) if header in text]
    assert len(with_table) >= 3  # the sample's 70 rows need three pages or more
    assert with_table == list(range(with_table[0], with_table[-1] + 1))
    later = " ".join(pages[with_table[1] :])
    for row in household_rows(70)[-5:]:  # the last rows print on later pages, every cell
        for cell in row:
            assert cell in later, cell
    assert "Đặng" in later


def test_decomposed_input_prints_precomposed(tmp_path: Path) -> None:
    def nfd(text: str) -> str:
        return unicodedata.normalize("NFD", text)

    doc = OfficialDocument(
        issuer=Issuer(nfd("UBND HUYỆN CHỢ ĐỒN"), nfd("ỦY BAN NHÂN DÂN XÃ BẰNG LÃNG")),
        number=nfd("Số: 3/BC-UBND"),
        place_date=nfd("Bằng Lãng, ngày 05 tháng 02 năm 2021"),
        title=nfd("Báo cáo"),
        subject=nfd("Kết quả phong tỏa thôn Nà Pài"),
        body=[
            heading(nfd("I. Tình hình")),
            paragraph(nfd("Hộ ông Đặng Văn Hùng không ỷ lại, giữ khoảng cách.")),
            item(nfd("Những người về từ vùng dịch đã khai báo.")),
            table([nfd("Họ và tên"), nfd("Ghi chú")], [[nfd("Đặng Thị Hường"), nfd("Hỏa tốc")]]),
        ],
        recipients=[nfd("Lưu: VT.")],
        signature=Signature(nfd("TM. Ủy ban nhân dân"), nfd("Chủ tịch"), nfd("Nông Văn Thắng")),
    )
    raw = render(doc, tmp_path).pages[0].extract_text()
    assert raw == unicodedata.normalize("NFC", raw)  # no combining marks came through
    raw = re.sub(r"\s+", " ", raw)
    for expected in (
        "CỘNG HÒA",
        "ỦY BAN NHÂN DÂN XÃ BẰNG LÃNG",
        "Số: 03/BC-UBND",
        "Bằng Lãng, ngày 05 tháng 02 năm 2021",
        "BÁO CÁO",
        "Đặng Văn Hùng",
        "ỷ lại",
        "Những người",
        "Đặng Thị Hường",
        "Hỏa tốc",
        "TM. ỦY BAN NHÂN DÂN",
        "Nông Văn Thắng",
    ):
        assert expected in raw, expected


# -- options and building blocks --------------------------------------------------------------


def _small_doc(**changes: object) -> OfficialDocument:
    doc = OfficialDocument(
        issuer=Issuer("UBND HUYỆN CHỢ ĐỒN", "ỦY BAN NHÂN DÂN XÃ BẰNG LÃNG"),
        number="Số: 7/BC-UBND",
        place_date="Bằng Lãng, ngày 20 tháng 7 năm 2021",
        title="BÁO CÁO",
        subject="Kết quả thực hiện Công văn số 235-CV/HU",
        body=[paragraph("Nội dung báo cáo.")],
        recipients=["Như trên;", "Lưu: VT."],
        signature=Signature("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nông Văn Thắng"),
    )
    return dataclasses.replace(doc, **changes)


def test_render_to_a_stream_returns_the_page_count() -> None:
    out = io.BytesIO()
    pages = render_pdf(sample_document(), out)
    assert out.getvalue().startswith(b"%PDF-")
    assert pages == len(PdfReader(io.BytesIO(out.getvalue())).pages) >= 3


def test_party_header_replaces_the_national_title(tmp_path: Path) -> None:
    doc = _small_doc(
        issuer=Issuer("ĐẢNG BỘ HUYỆN CHỢ ĐỒN", "ĐẢNG ỦY XÃ BẰNG LÃNG"),
        number="Số 15-BC/ĐU",
        header="party",
        signature=Signature("T/M ĐẢNG ỦY", "BÍ THƯ", "Hà Văn Dũng"),
    )
    text = page_texts(render(doc, tmp_path))[0]
    assert PARTY_TITLE in text
    assert NATIONAL_TITLE not in text and MOTTO not in text
    assert "ĐẢNG ỦY XÃ BẰNG LÃNG" in text and "Số 15-BC/ĐU" in text


def test_letter_without_title_puts_subject_under_the_number(tmp_path: Path) -> None:
    doc = _small_doc(
        title="",
        subject="V/v tăng cường phòng, chống dịch",
        urgency="Hỏa tốc",
        addressees=["Ban Chỉ đạo phòng, chống dịch Covid-19 huyện"],
    )
    reader = render(doc, tmp_path)
    found = dict(texts_with_positions(reader, 0))
    assert found["V/v tăng cường phòng, chống dịch"] < found["Số: 07/BC-UBND"]
    assert "HỎA TỐC" in found
    assert "Kính gửi: Ban Chỉ đạo phòng, chống dịch Covid-19 huyện" in page_texts(reader)[0]


def test_compact_header_is_shorter(tmp_path: Path) -> None:
    def title_baseline(compact: bool) -> float:
        doc = _small_doc(orientation="landscape", compact_header=compact)
        reader = render(doc, tmp_path, f"compact-{compact}.pdf")
        return dict(texts_with_positions(reader, 0))["BÁO CÁO"]

    assert title_baseline(True) > title_baseline(False) + 5 * mm


def test_recipients_and_signature_are_never_split(tmp_path: Path) -> None:
    # Grow the body line by line: wherever the page ends, the closing block moves whole, and
    # the last line of the body goes with it (never a signing block alone on a page).
    moved = False
    for n in range(24, 44):
        lines = [paragraph(f"Dòng thứ {k}: tình hình ổn định.") for k in range(n)]
        reader = render(_small_doc(body=lines), tmp_path, f"closing-{n}.pdf")
        pages = page_texts(reader)
        on = [i for i, text in enumerate(pages) if "Nơi nhận:" in text]
        assert len(on) == 1
        for part in ("- Lưu: VT, VP.", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nông Văn Thắng"):
            assert part in pages[on[0]]
        assert f"Dòng thứ {n - 1}:" in pages[on[0]]
        moved |= on[0] > 0
    assert moved  # the range did cross a page end


def test_table_wraps_long_cells_inside_their_columns(tmp_path: Path) -> None:
    rows = [
        [str(n), "012345678901234567", "Nhà để trống, đề nghị công an xã tuần tra " * 3]
        for n in range(1, 4)
    ]
    body = [table(["STT", "CCCD", "Ghi chú"], rows, col_widths_mm=[12, 20, 60])]
    reader = render(_small_doc(body=body), tmp_path)
    table_right = MARGIN_LEFT + 92 * mm
    spans = [s for s in text_spans(reader, 0) if s.size == 11]
    assert spans and max(s.x1 for s in spans) <= table_right
    id_column = [s for s in spans if MARGIN_LEFT + 12 * mm < s.x0 < MARGIN_LEFT + 32 * mm]
    assert len(id_column) >= 6  # the 18-digit number broke onto a second line in each row
    assert all(s.x1 <= MARGIN_LEFT + 32 * mm for s in id_column)


def test_table_widths_in_mm_are_scaled_to_fit_the_page(tmp_path: Path) -> None:
    body = [table(["A", "B"], [["x", "y"]], col_widths_mm=[200, 200])]
    reader = render(_small_doc(body=body), tmp_path)
    assert max(s.x1 for s in text_spans(reader, 0)) <= A4_SHORT - MARGIN_RIGHT + TOLERANCE


def test_markup_cells_and_paragraphs_use_the_bold_face(tmp_path: Path) -> None:
    body = [
        paragraph("Chỉ <b>đậm</b> khi được phép: a < b & c", markup=False),
        table(["Mục", "Kết quả"], [["Xét nghiệm", cell_markup("<b>312/312 âm tính</b>")]]),
    ]
    reader = render(_small_doc(body=body), tmp_path)
    text = page_texts(reader)[0]
    assert "Chỉ <b>đậm</b> khi được phép: a < b & c" in text
    assert "312/312 âm tính" in text


def test_table_rejects_mismatched_column_settings() -> None:
    with pytest.raises(ValueError):
        table(["A", "B"], [["1", "2"]], col_fractions=[1, 2, 3])
    with pytest.raises(ValueError):
        table(["A", "B"], [["1", "2"]], col_widths_mm=[10, 10], col_fractions=[1, 1])


def test_the_same_document_renders_again_in_either_orientation() -> None:
    doc = sample_document()
    first, landscape_out, again = io.BytesIO(), io.BytesIO(), io.BytesIO()
    pages = render_pdf(doc, first)
    landscape_pages = render_pdf(dataclasses.replace(doc, orientation="landscape"), landscape_out)
    assert render_pdf(doc, again) == pages
    assert landscape_pages != pages  # the table was laid out again for the wider page
    texts = [page_texts(PdfReader(out)) for out in (first, again)]
    assert texts[0] == texts[1]


def test_print_test_page_uses_the_commune_profile(tmp_path, capsys):
    import unicodedata

    from pypdf import PdfReader

    from fieldapp.cli import main

    data = str(tmp_path / "d")
    assert main(["--data-dir", data, "print-test", "-o", str(tmp_path / "t.pdf")]) == 2
    assert "Chưa có hồ sơ xã" in capsys.readouterr().err
    assert main(["--data-dir", data, "demo"]) == 0
    assert main(["--data-dir", data, "print-test", "-o", str(tmp_path / "t.pdf")]) == 0
    reader = PdfReader(tmp_path / "t.pdf")
    text = unicodedata.normalize("NFC", reader.pages[0].extract_text())
    for expected in ("UBND HUYỆN CHỢ ĐỒN", "TRANG IN THỬ", "Hoàng Văn Thắng", "Bằng Lãng, ngày"):
        assert expected in text


def test_a_spanned_cell_is_laid_out_across_its_columns(tmp_path: Path) -> None:
    line = "Hộ Nông Văn Thắng - số 12, đường Nà Pài, thôn Nà Pài"
    rows = [["", line, "", ""], ["1", "Nông Văn Thắng", "1970", "F1"]] * 30
    spans = {r: (1, 3) for r in range(0, 60, 2)}
    plain = table(["STT", "Họ và tên", "Năm sinh", "Ghi chú"], rows, col_fractions=[1, 4, 2, 2])
    spanned = table(
        ["STT", "Họ và tên", "Năm sinh", "Ghi chú"], rows, col_fractions=[1, 4, 2, 2], spans=spans
    )
    width = 165 * mm
    # Without the span the line wraps in its column; with it, it stays one line.
    assert plain.wrap(width, 1e6)[1] > spanned.wrap(width, 1e6)[1]
    reader = render(_small_doc(body=[spanned]), tmp_path, "spans.pdf")
    assert line in " ".join(page_texts(reader))
