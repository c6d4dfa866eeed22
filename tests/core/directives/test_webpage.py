"""Directives that arrive as web pages: .htm from a portal, Word's "Web Page" saved as .doc,
and .mht: read as a browser shows them, never filed as tags.

The files in ``webpage/`` are our own synthetic directives saved as HTML by LibreOffice (see
its README); the Word-style page and the .mht are written here as Word writes them.
"""

from __future__ import annotations

import quopri
from pathlib import Path

import pytest

from fieldapp.directives.extract import read_directive_file
from fieldapp.directives.reading import read_directive
from fieldapp.errors import UserError
from tests.core.directives import samples as S

HERE = Path(__file__).resolve().parent / "webpage"


def _entities(text: str) -> str:
    """As Word writes a page in windows-1252: letters outside it as &#N; references."""
    return "".join(ch if ord(ch) < 128 else f"&#{ord(ch)};" for ch in text)


def _cell(*lines: str) -> str:
    return (
        "<td valign=top style='width:200pt;padding:0cm 5.4pt'>"
        + "".join(
            f"<p class=MsoNormal align=center style='text-align:center'><b><span lang=VI>{_entities(x)}"
            "<o:p></o:p></span></b></p>\n"
            for x in lines
        )
        + "</td>"
    )


WORD_PAGE = (
    '<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:'
    'office:office" xmlns:w="urn:schemas-microsoft-com:office:word">\n<head>\n'
    '<meta http-equiv=Content-Type content="text/html; charset=windows-1252">\n'
    '<meta name=Generator content="Microsoft Word 15 (filtered)">\n'
    "<title>S&#7889; 412/UBND-XOA</title>\n<!--[if gte mso 9]><xml><o:DocumentProperties>"
    "<o:Author>Nguy&#7877;n</o:Author></o:DocumentProperties></xml><![endif]-->\n"
    '<style>\n<!-- p.MsoNormal {margin:0cm; font-family:"Times New Roman"} -->\n</style>\n'
    "</head>\n<body lang=EN-US style='tab-interval:36.0pt'>\n<div class=WordSection1>\n"
    "<p class=MsoNormal><b>" + _entities("HỎA TỐC") + "</b></p>\n"
    "<table class=MsoTableGrid border=0 cellspacing=0 cellpadding=0>\n <tr>\n  "
    + _cell("UBND HUYỆN NA RÌ", "Số: 412/UBND-VP", "V/v tăng cường phòng, chống dịch Covid-19")
    + "\n  "
    + _cell("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
    + "\n </tr>\n <tr>\n  <td>&nbsp;</td>\n  <td><p class=MsoNormal align=right><i>"
    + _entities("Na Rì, ngày 14 tháng 9 năm 2021")
    + "</i></p></td>\n </tr>\n</table>\n"
    "<p class=MsoNormal>&nbsp;</p>\n"
    "<p class=MsoNormal align=center>" + _entities("Kính gửi: UBND các xã, thị trấn.") + "</p>\n"
    "<p class=MsoNormal style='text-indent:36.0pt'>"
    + _entities("Thực hiện Chỉ thị số 16/CT-TTg, UBND huyện yêu cầu các cơ quan, đơn vị")
    + "\n"
    + _entities("thực hiện ngay các nội dung sau:")
    + "</p>\n<script>document.write('S&#7889;: 999/UBND-XOA')</script>\n"
    "<p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><![if !supportLists]><span>1."
    "<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp;&nbsp;&nbsp; </span></span>"
    "<![endif]>"
    + _entities("Công an huyện tổ chức trực 24/24 giờ tại các chốt kiểm soát.")
    + "</p>\n<p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><![if !supportLists]>"
    "<span>2.<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp;&nbsp;&nbsp; </span>"
    "</span><![endif]>"
    + _entities("Phòng Y tế thống kê các hộ khó khăn, báo cáo UBND huyện trước 16 giờ 00")
    + "<span style='mso-spacerun:yes'>&nbsp; </span>"
    + _entities("ngày 16/9/2021.")
    + "</p>\n<table border=0>\n <tr>\n  <td valign=top><p class=MsoNormal><b><i>"
    + _entities("Nơi nhận:")
    + "</i></b><br>\n- "
    + _entities("Như trên;")
    + "<br>\n- "
    + _entities("Lưu: VT.")
    + "</p></td>\n  "
    + _cell("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "", "Đinh Văn Tân")
    + "\n </tr>\n</table>\n</div>\n</body>\n</html>\n"
)


@pytest.mark.parametrize("name", ["mau-0.htm", "mau-5.doc"])
def test_a_page_reads_every_field_as_its_docx_does(tmp_path: Path, name: str) -> None:
    """Saved as a web page by LibreOffice (the second named .doc): every field as from the
    .docx it was saved from."""
    spec = S.make_spec(int(name[4]))
    docx = read_directive(S.write_docx(spec, tmp_path / "van-ban.docx")).to_json_dict()
    got = read_directive(HERE / name).to_json_dict()
    assert got == docx
    assert got["number"] == spec.number and got["items"], got
    text = read_directive_file(HERE / name)
    assert text.file_kind == "html" and "<" not in text.text and "{" not in text.text


def test_a_page_as_word_writes_it(tmp_path: Path) -> None:
    """Windows-1252 with character references, Word's conditional comments, list numbers in
    "supportLists" sections, spacer runs, a script, the title and the head: as on screen."""
    path = tmp_path / "cong-van.doc"
    path.write_bytes(WORD_PAGE.encode("cp1252"))
    text = read_directive_file(path).text
    assert "999/UBND-XOA" not in text and "412/UBND-XOA" not in text  # script, title
    assert "MsoNormal" not in text and "Nguyễn" not in text and "&#" not in text
    assert "đơn vị thực hiện ngay" in text  # a line break of the source is a space
    S.check_na_ri(read_directive(path).to_json_dict())


def test_a_single_file_web_page_mht(tmp_path: Path) -> None:
    """The same page as Word's .mht: MIME, quoted-printable, its charset in the headers."""
    body = quopri.encodestring(WORD_PAGE.replace("windows-1252", "utf-8").encode("utf-8"))
    mht = (
        b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="----=_NextPart_01D7"\r\n'
        b"\r\nThis document is a Single File Web Page, also known as a Web Archive file.\r\n\r\n"
        b"------=_NextPart_01D7\r\nContent-Location: file:///C:/cong-van.htm\r\n"
        b"Content-Transfer-Encoding: quoted-printable\r\n"
        b'Content-Type: text/html; charset="utf-8"\r\n\r\n'
        + body
        + b"\r\n------=_NextPart_01D7\r\nContent-Location: file:///C:/image001.png\r\n"
        b"Content-Transfer-Encoding: base64\r\nContent-Type: image/png\r\n\r\niVBORw0KGgo=\r\n"
        b"------=_NextPart_01D7--\r\n"
    )
    path = tmp_path / "cong-van.mht"
    path.write_bytes(mht)
    assert read_directive_file(path).file_kind == "html"
    S.check_na_ri(read_directive(path).to_json_dict())


def test_a_page_named_doc_from_the_command_line_and_into_the_register(
    db, tmp_path: Path, capsys
) -> None:
    info = S.parsed_and_registered(db, tmp_path / "d", capsys, HERE / "mau-5.doc", S.make_spec(5))
    assert "<" not in info.full_text


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"<html><head><title>x</title></head><body><script>a</script></body></html>", "nội dung"),
        (b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=b\r\n\r\n--b--", "hỏng"),
        (b"<html><body>" + b"<p>x" * 300_000, "quá dài"),  # built to fill memory
    ],
)
def test_an_empty_or_broken_page_is_refused_in_plain_words(
    tmp_path: Path, data: bytes, words: str
) -> None:
    path = tmp_path / "hong.htm"
    path.write_bytes(data)
    with pytest.raises(UserError) as err:
        read_directive_file(path)
    assert words in str(err.value) and "hong.htm" in str(err.value)


def test_pages_no_person_writes_are_read_without_a_crash(tmp_path: Path) -> None:
    """Ten thousand nested lists and divisions, never-closed paragraphs and cells, a list
    starting at a huge number, a charset that does not exist: text where there is text."""
    page = (
        b"<!DOCTYPE html><meta charset='x-no-such'><body>"
        + b"<ol start=99999999999><li>" * 10000
        + b"S\xc3\xa2u"
        + b"</li></ol>" * 10000
        + b"<div>" * 10000
        + b"<table><tr><td>Tr\xc3\xa1i<td>Ph\xe1\xba\xa3i<tr><td>D\xc6\xb0\xe1\xbb\x9bi"
        + b"<p>" * 5000
        + b"Cu\xe1\xbb\x91i"
    )
    path = tmp_path / "la.html"
    path.write_bytes(page)
    text = read_directive_file(path).text
    assert "Sâu" in text and "Trái" in text and "Phải" in text and "Cuối" in text


def test_text_that_only_mentions_html_stays_text(tmp_path: Path) -> None:
    """A letter that starts "From:" or speaks of <html> later is plain text, as before."""
    path = tmp_path / "thu.txt"
    path.write_text(
        "From: Văn phòng UBND huyện\nVề việc gửi mẫu <html> cho cổng thông tin.\n",
        encoding="utf-8",
    )
    extracted = read_directive_file(path)
    assert extracted.file_kind != "html" and "<html>" in extracted.text
