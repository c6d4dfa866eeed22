"""extract_text: every accepted format, and every malformed file refused with a UserError."""

from __future__ import annotations

import unicodedata
import zipfile
from pathlib import Path

import pytest

import resources
from fieldapp.directives import MAX_FILE_BYTES, extract_text, parse_directive
from fieldapp.errors import UserError

SAMPLE = "Số 235 -CV/HU\nV/v phát huy vai trò\n\nKính gửi: UBND huyện.\n\n1- Đảng ủy các xã: Trực 24/24.\n"


def _cp1258(text: str) -> bytes:
    """Encode the way Windows-1258 files do: precomposed base letters plus combining tones."""
    tones = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
            out += (base + "".join(c for c in parts if c in tones)).encode("cp1258")
    return bytes(out)


@pytest.mark.parametrize(
    "encode",
    [
        lambda s: s.encode("utf-8"),
        lambda s: b"\xef\xbb\xbf" + s.encode("utf-8"),
        lambda s: s.encode("utf-16"),  # with BOM
        lambda s: b"\xfe\xff" + s.encode("utf-16-be"),
        lambda s: unicodedata.normalize("NFD", s).encode("utf-8"),  # decomposed input
        _cp1258,
    ],
    ids=["utf8", "utf8-bom", "utf16-le-bom", "utf16-be-bom", "utf8-nfd", "cp1258"],
)
def test_text_encodings(tmp_path: Path, encode) -> None:
    p = tmp_path / "cv.txt"
    p.write_bytes(encode(SAMPLE))
    text = extract_text(p)
    assert text == SAMPLE  # NFC, no BOM
    assert parse_directive(text).number == "235-CV/HU"


def test_cp1258_really_is_not_utf8() -> None:
    with pytest.raises(UnicodeDecodeError):
        _cp1258(SAMPLE).decode("utf-8")


def test_corpus_file_reads(tmp_path: Path) -> None:
    text = extract_text(resources.path("demo/directives/bac-kan-309-CV-TU.txt"))
    assert "TỈNH ỦY BẮC KẠN" in text


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        (b"", "rỗng"),
        (b"   \n\n  \n", "không có nội dung chữ"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10", "ảnh bad.txt bị hỏng"),
        (b"abc \x81\x8d\xfe def", "bảng mã"),  # neither UTF-8 nor clean cp1258
        (b"\xef\xbb\xbfabc \xff\xfe", "lỗi mã hóa"),  # BOM says UTF-8, content is not
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, ".doc"),
        (b"%PDF-1.4\n1 0 obj garbage\n", "PDF"),
    ],
    ids=["empty", "blank", "png", "bad-encoding", "bad-bom", "old-doc", "broken-pdf"],
)
def test_bad_files_refused(tmp_path: Path, data: bytes, fragment: str) -> None:
    p = tmp_path / "bad.txt"
    p.write_bytes(data)
    with pytest.raises(UserError) as err:
        extract_text(p)
    assert fragment in str(err.value)
    assert "\n" not in str(err.value)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="Không tìm thấy"):
        extract_text(tmp_path / "khong-co.txt")


def test_huge_file_refused_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    p = tmp_path / "big.txt"
    with p.open("wb") as fh:  # sparse: 50 MB on paper, nothing on disk
        fh.truncate(50 * 1024 * 1024)
    assert p.stat().st_size > MAX_FILE_BYTES

    def no_read(self: Path) -> bytes:
        raise AssertionError("read before the size check")

    monkeypatch.setattr(Path, "read_bytes", no_read)
    with pytest.raises(UserError, match="quá lớn"):
        extract_text(p)


# --- PDF --------------------------------------------------------------------------------------


def _pdf(path: Path, lines: list[str] | None) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4)
    if lines is None:
        # A "scan": only drawn shapes, no text layer.
        c.setFillGray(0.3)
        c.rect(50, 400, 400, 300, fill=1)
        c.circle(300, 200, 60, fill=1)
    else:
        font = resources.path("fonts/LiberationSerif-Regular.ttf")
        pdfmetrics.registerFont(TTFont("LiberationSerif", str(font)))
        c.setFont("LiberationSerif", 12)
        y = 800
        for line in lines:
            c.drawString(50, y, line)
            y -= 18
    c.showPage()
    c.save()


def test_text_pdf(tmp_path: Path) -> None:
    p = tmp_path / "cv.pdf"
    _pdf(p, ["TỈNH ỦY BẮC KẠN", "Số 309-CV/TU", "Về công tác phòng, chống dịch Covid-19", "",
             "1. Sở Y tế xây dựng phương án hỗ trợ các địa phương."])  # fmt: skip
    text = extract_text(p)
    assert text == unicodedata.normalize("NFC", text)
    assert "Số 309-CV/TU" in text
    assert "phòng, chống dịch" in text
    d = parse_directive(text)
    assert d.number == "309-CV/TU"
    assert d.issuer == "Tỉnh ủy Bắc Kạn"


def test_blank_scanned_page_is_refused_after_ocr_finds_nothing(tmp_path: Path) -> None:
    p = tmp_path / "scan.pdf"
    _pdf(p, None)
    with pytest.raises(UserError, match=r"Không nhận ra chữ nào trong scan.pdf"):
        extract_text(p)


def test_pdf_named_txt_is_read_as_pdf(tmp_path: Path) -> None:
    p = tmp_path / "renamed.txt"
    _pdf(p, ["Số 12-CV/HU", "Nội dung văn bản đủ dài để có lớp chữ."])
    assert "12-CV/HU" in extract_text(p)


# --- DOCX -------------------------------------------------------------------------------------

_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _p(text: str, num: tuple[int, int] | None = None) -> str:
    ppr = ""
    if num:
        ppr = f'<w:pPr><w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr></w:pPr>'
    return f'<w:p>{ppr}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def _docx(path: Path, body: str, numbering: str | None = None) -> None:
    doc = f'<?xml version="1.0" encoding="UTF-8"?><w:document {_NS}><w:body>{body}</w:body></w:document>'
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", doc)
        if numbering:
            zf.writestr("word/numbering.xml", numbering)


_NUMBERING = (
    f'<?xml version="1.0"?><w:numbering {_NS}>'
    '<w:abstractNum w:abstractNumId="0">'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/></w:lvl>'
    "</w:abstractNum>"
    '<w:num w:numId="5"><w:abstractNumId w:val="0"/></w:num>'
    "</w:numbering>"
)  # fmt: skip


def _header_table(number_cell: str) -> str:
    """The two-column header of a district's công văn; ``number_cell`` holds its number."""
    return (
        "<w:tbl>"
        "<w:tr><w:tc>" + _p("ỦY BAN NHÂN DÂN") + "</w:tc><w:tc>"
        + _p("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") + "</w:tc></w:tr>"
        "<w:tr><w:tc>" + _p("HUYỆN CHỢ MỚI") + "</w:tc><w:tc>"
        + _p("Độc lập - Tự do - Hạnh phúc") + "</w:tc></w:tr>"
        "<w:tr><w:tc>" + number_cell + "</w:tc><w:tc>"
        + _p("Chợ Mới, ngày 13 tháng 9 năm 2021") + "</w:tc></w:tr>"
        "</w:tbl>"
    )  # fmt: skip


def test_docx_paragraphs_tables_and_numbering(tmp_path: Path) -> None:
    table = _header_table(_p("Số: 77/UBND-VP"))
    body = (
        table
        + _p("V/v trực chốt kiểm soát")
        + _p("Kính gửi: UBND các xã.")
        + _p("Công an huyện: Kiểm tra các chốt.", num=(5, 0))
        + _p("Trạm Y tế xã lấy mẫu xét nghiệm.", num=(5, 0))
        + _p("Báo cáo trước 16 giờ hằng ngày.", num=(5, 1))
        + "<w:p><w:r><w:delText>đã xoá</w:delText></w:r></w:p>"
    )
    p = tmp_path / "cv.docx"
    _docx(p, body, _NUMBERING)
    text = extract_text(p)
    lines = text.splitlines()
    # The header table's cells stay apart: the left cell's lines, then the right cell's.
    at = lines.index("ỦY BAN NHÂN DÂN")
    assert lines[at : at + 3] == ["ỦY BAN NHÂN DÂN", "HUYỆN CHỢ MỚI", "Số: 77/UBND-VP"]
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in lines[at + 3 :]
    assert "1. Công an huyện: Kiểm tra các chốt." in text.splitlines()
    assert "2. Trạm Y tế xã lấy mẫu xét nghiệm." in text.splitlines()
    assert "b) Báo cáo trước 16 giờ hằng ngày." not in text  # second level restarts at a)
    assert "a) Báo cáo trước 16 giờ hằng ngày." in text.splitlines()
    assert "đã xoá" not in text
    d = parse_directive(text)
    assert d.number == "77/UBND-VP"
    assert d.issuer == "UBND huyện Chợ Mới"
    assert d.issued_on is not None and d.issued_on.isoformat() == "2021-09-13"
    assert [i.label for i in d.items] == ["1", "2"]  # a) stays inside item 2
    assert d.items[1].due == "hằng ngày 16:00"


def test_docx_zip_bomb_refused(tmp_path: Path) -> None:
    p = tmp_path / "bomb.docx"
    filler = _p("x") * 10 + " " * (30 * 1024 * 1024)
    _docx(p, filler)
    assert p.stat().st_size < 1024 * 1024
    with pytest.raises(UserError, match="zip bomb"):
        extract_text(p)


def test_zip_that_is_not_a_docx_refused(tmp_path: Path) -> None:
    p = tmp_path / "bang.xlsx"
    with zipfile.ZipFile(p, "w") as zf:
        zf.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(UserError, match="không phải văn bản Word"):
        extract_text(p)


def test_docx_with_entities_refused(tmp_path: Path) -> None:
    p = tmp_path / "lol.docx"
    with zipfile.ZipFile(p, "w") as zf:
        zf.writestr(
            "word/document.xml",
            '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaa">]><d>&a;</d>',
        )
    with pytest.raises(UserError, match="bất thường"):
        extract_text(p)


def test_truncated_docx_refused(tmp_path: Path) -> None:
    good = tmp_path / "good.docx"
    _docx(good, _p("Số: 1/UBND-VP"))
    p = tmp_path / "cut.docx"
    p.write_bytes(good.read_bytes()[:60])
    with pytest.raises(UserError, match="bị hỏng"):
        extract_text(p)


def _text_box(*paragraphs: str) -> str:
    """A run holding a text box as Word saves it: the drawing (mc:Choice) and the same text
    again in VML for old versions (mc:Fallback)."""
    inner = "".join(_p(t) for t in paragraphs)
    return (
        '<w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
        '<mc:Choice Requires="wps"><w:drawing><wp:anchor xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing">'
        '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData>'
        '<wps:wsp xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        f"<wps:txbx><w:txbxContent>{inner}</w:txbxContent></wps:txbx></wps:wsp>"
        "</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
        '<mc:Fallback><w:pict><v:rect xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox>'
        f"<w:txbxContent>{inner}</w:txbxContent></v:textbox></v:rect></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r>"
    )  # fmt: skip


def test_text_boxes_are_read_once_on_lines_of_their_own(tmp_path: Path) -> None:
    """The "HỎA TỐC" stamp and, in some offices, the number sit in text boxes, which Word
    stores twice: they were read as "HỎA TỐCHỎA TỐC", and a number in a header cell's box as
    "Số: 77/UBND-VPSố: 77/UBND-VP" run into the line around it."""
    table = _header_table("<w:p>" + _text_box("Số: 77/UBND-VP") + "</w:p>")
    body = (
        "<w:p>" + _text_box("HỎA TỐC") + "</w:p>"
        + table
        + _p("V/v trực chốt kiểm soát")
        + _p("Kính gửi: UBND các xã.")
        + "<w:p><w:r><w:t>Công an huyện: Kiểm tra các chốt</w:t></w:r>"
        + _text_box("(xem sơ đồ)") + "<w:r><w:t> từ ngày 14/9.</w:t></w:r></w:p>"
    )  # fmt: skip
    p = tmp_path / "hop-van-ban.docx"
    _docx(p, body)
    text = extract_text(p)
    assert text.count("HỎA TỐC") == 1 and text.count("77/UBND-VP") == 1, text
    assert text.count("xem sơ đồ") == 1
    d = parse_directive(text)
    assert d.number == "77/UBND-VP" and d.urgency == "Hỏa tốc"
    assert d.issuer == "UBND huyện Chợ Mới"


HEADER_BY_TABS = (
    "HỎA TỐC\n"
    "ỦY BAN NHÂN DÂN\t\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "HUYỆN CHỢ MỚI\t\tĐộc lập - Tự do - Hạnh phúc\n"
    "\t\t\n"
    "Số: 77/UBND-VP\t\tChợ Mới, ngày 13 tháng 9 năm 2021\n"
    "V/v trực chốt kiểm soát\n"
    "Kính gửi: UBND các xã, thị trấn.\n"
    "1. Công an huyện kiểm tra các chốt kiểm soát ra vào địa bàn.\n"
    "2. Trạm Y tế xã lấy mẫu xét nghiệm cho người về từ vùng dịch.\n"
    "Nơi nhận:\t\t\tKT. CHỦ TỊCH\n"
    "- Như trên;\t\t\tPHÓ CHỦ TỊCH\n"
    "- Lưu: VT.\n"
    "\t\t\t(đã ký)\n"
    "\t\t\tNguyễn Văn Bình\n"
)


@pytest.mark.parametrize("gap", ["\t\t", "\t", "        "])
def test_a_header_and_signature_typed_with_tabs_not_a_table(tmp_path: Path, gap: str) -> None:
    """Many offices align the header with tabs (or spaces) instead of a table: the issuer,
    number and date ran together with the motto ("UBND cộng hòa xã Hội Chủ Nghĩa"), and the
    number, date, subject, signer's title and recipients were all lost."""
    text = HEADER_BY_TABS.replace("\t\t\t", gap).replace("\t\t", gap)
    body = "".join(
        "<w:p><w:r>"
        + "".join(
            f'<w:t xml:space="preserve">{part}</w:t>' if k == 0 else f'<w:tab/><w:t xml:space="preserve">{part}</w:t>'
            for k, part in enumerate(line.split("\t"))
        )
        + "</w:r></w:p>"
        for line in text.splitlines()
    )  # fmt: skip
    p = tmp_path / "canh-bang-tab.docx"
    _docx(p, body)
    for source in (extract_text(p), text):  # the Word file, and the same text pasted
        d = parse_directive(source)
        assert d.number == "77/UBND-VP" and d.issuer == "UBND huyện Chợ Mới"
        assert d.issued_on is not None and d.issued_on.isoformat() == "2021-09-13"
        assert d.subject == "trực chốt kiểm soát" and d.urgency == "Hỏa tốc"
        assert (d.signer, d.signer_title) == ("Nguyễn Văn Bình", "PHÓ CHỦ TỊCH")
        assert d.recipients == ["UBND các xã, thị trấn"]
        assert [i.label for i in d.items] == ["1", "2"]


def test_a_body_line_with_a_tab_is_not_taken_for_columns() -> None:
    text = (
        "ỦY BAN NHÂN DÂN XÃ BẰNG LÃNG\nSố: 12/UBND\nV/v trực chốt\n"
        "Kính gửi: các thôn.\n1. Thôn Bản Cuôn\tlập danh sách người về.\n"
        "2. Trạm Y tế\tlấy mẫu xét nghiệm.\n"
    )
    d = parse_directive(text)
    assert [i.label for i in d.items] == ["1", "2"]
    assert "lập danh sách người về" in d.items[0].text


def _repacked(source: Path, target: Path, *, strict: bool, main: str) -> Path:
    """``source`` as other tools write it: Word's "Strict Open XML" namespaces, and/or the
    main part under another name found through the package relationships."""
    transitional = b"http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if strict and info.filename.endswith(".xml"):
                data = data.replace(
                    transitional, b"http://purl.oclc.org/ooxml/wordprocessingml/main"
                )
            name = info.filename
            if name == "word/document.xml":
                name = main
            elif name in ("_rels/.rels", "[Content_Types].xml"):
                data = data.replace(b"word/document.xml", main.encode())
            zout.writestr(name, data)
    return target


@pytest.mark.parametrize(
    ("strict", "main"),
    [(True, "word/document.xml"), (False, "word/document2.xml"), (True, "word/document2.xml")],
)
def test_a_strict_open_xml_or_renamed_main_part_reads_as_word(
    tmp_path: Path, strict: bool, main: str
) -> None:
    from fieldapp.directives.reading import read_directive
    from tests.core.directives import samples as S

    spec = S.make_spec(5)
    plain = S.write_docx(spec, tmp_path / "thuong.docx")
    other = _repacked(plain, tmp_path / "khac.docx", strict=strict, main=main)
    assert read_directive(other).to_json_dict() == read_directive(plain).to_json_dict()


def test_text_moved_or_deleted_with_changes_tracked_is_read_once(tmp_path: Path) -> None:
    """Word keeps a moved sentence at its old place too (w:moveFrom), and deleted runs
    (w:del) with their text: the page shows it once, where it went."""
    body = (
        _header_table(_p("Số: 77/UBND-VP"))
        + "<w:p><w:moveFrom w:id='1' w:author='Lan'><w:r><w:t>Báo cáo trước 16 giờ.</w:t></w:r>"
        "</w:moveFrom><w:r><w:t>Kính gửi: UBND các xã.</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>Trạm Y tế xã lấy mẫu. </w:t></w:r><w:moveTo w:id='2' w:author='Lan'>"
        "<w:r><w:t>Báo cáo trước 16 giờ.</w:t></w:r></w:moveTo>"
        "<w:del w:id='3' w:author='Lan'><w:r><w:t>Số cũ 99/UBND</w:t></w:r></w:del></w:p>"
    )
    p = tmp_path / "sua.docx"
    _docx(p, body)
    text = extract_text(p)
    assert text.count("Báo cáo trước 16 giờ.") == 1 and "Số cũ" not in text
    assert "Trạm Y tế xã lấy mẫu. Báo cáo trước 16 giờ." in text
