r"""Directives that arrive as Rich Text Format (.rtf, or RTF named .doc as office systems
send it): read as Word shows them, never filed as control words ("Ph\u242\'f2ng").

The files in ``rtf/`` are our own synthetic directives saved as RTF by LibreOffice (see its
README); the others are written here as Word writes RTF, messier.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from fieldapp.directives.extract import read_directive_file
from fieldapp.directives.reading import read_directive
from fieldapp.errors import UserError
from tests.core.directives import samples as S

HERE = Path(__file__).resolve().parent / "rtf"


def _u(text: str) -> str:
    r"""Text as Word writes it in RTF: ASCII as is, the rest \uN with a ? fallback."""
    out = []
    for ch in text:
        code = ord(ch)
        if code < 128 and ch not in "\\{}":
            out.append(ch)
        elif code > 0xFFFF:
            code -= 0x10000
            for half in (0xD800 + (code >> 10), 0xDC00 + (code & 0x3FF)):
                out.append(f"\\u{half - 65536}\\'3f")
        else:
            out.append(f"\\u{code if code < 32768 else code - 65536}\\'3f")
    return "".join(out)


def _cells(*cells: list[str]) -> str:
    """One table row of paragraphs per cell, as Word writes it."""
    row = "\\trowd\\trgaph108\\cellx4500\\cellx9600"
    parts = []
    for paragraphs in cells:
        parts.append("\\par ".join("\\pard\\intbl " + _u(p) for p in paragraphs) + "\\cell ")
    return row + "".join(parts) + "\\pard\\intbl{\\trowd\\cellx4500\\cellx9600\\row}"


WORD_RTF = (
    "{\\rtf1\\adeflang1025\\ansi\\ansicpg1252\\uc1\\adeff0\\deff0"
    "{\\fonttbl{\\f0\\froman\\fcharset0\\fprq2{\\*\\panose 02020603050405020304}Times New Roman;}"
    "{\\f1\\fswiss\\fcharset163\\fprq2 Arial;}}\n"
    "{\\colortbl;\\red0\\green0\\blue0;}{\\stylesheet{\\ql Normal;}}"
    "{\\info{\\author Nguy\\u7877\\'3fn V\\u259\\'3fn A}{\\creatim\\yr2021}}"
    "{\\header \\pard\\qc Trang {\\field{\\*\\fldinst PAGE}{\\fldrslt 1}}\\par}\n"
    "{\\*\\themedata 504b030414}{\\*\\shppict{\\pict\\pngblip\\bin6 }{}\\}x}}"
    "\\pard\\plain \\b "
    + _u("HỎA TỐC")
    + "\\b0\\par\n"
    + _cells(
        ["UBND HUYỆN NA RÌ", "Số: 412/UBND-VP", "V/v tăng cường phòng, chống dịch Covid-19"],
        ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"],
    )
    + _cells(["\u00a0"], ["Na Rì, ngày 14 tháng 9 năm 2021"])
    + "\n\\pard\\plain "
    + _u("Kính gửi: UBND các xã, thị trấn.")
    + "\\par\n"
    "\\pard "
    + _u("Thực hiện Chỉ thị số 16/CT-TTg")
    + "{\\footnote \\pard "
    + _u("Ban hành ngày 31/3/2020.")
    + "\\par}"
    + _u(", UBND huyện yêu cầu các cơ quan, đơn vị thực hiện ngay các nội dung sau:")
    + "\\par\n"
    "{\\listtext\\pard\\plain 1.\\tab}\\pard\\ls1 "
    + _u("Công an huyện tổ chức trực 24/24 giờ tại các chốt kiểm soát; xem ")
    + '{\\field{\\*\\fldinst HYPERLINK "http://example.invalid"}{\\fldrslt '
    + _u("hướng dẫn")
    + "}}.\\par\n"
    "{\\listtext\\pard\\plain 2.\\tab}\\pard\\ls1 {\\f1 Pho\\'ccng Y t\\'ea\\'ec} "
    + _u("thống kê các hộ khó khăn, báo cáo UBND huyện trước 16 giờ 00 ngày 16/9/2021 🙂.")
    + "\\par\n"
    + _cells(
        ["Nơi nhận:", "- Như trên;", "- Lưu: VT."],
        ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "", "Đinh Văn Tân"],
    )
    + "\\pard\\par}"
)


@pytest.mark.parametrize("name", ["mau-0.rtf", "mau-5.doc"])
def test_an_rtf_reads_every_field_as_its_docx_does(tmp_path: Path, name: str) -> None:
    """Saved as RTF by LibreOffice (the second named .doc): every field as from the .docx."""
    spec = S.make_spec(int(name[4]))
    docx = read_directive(S.write_docx(spec, tmp_path / "van-ban.docx")).to_json_dict()
    got = read_directive(HERE / name).to_json_dict()
    assert got == docx
    assert got["number"] == spec.number and got["items"], got
    text = read_directive_file(HERE / name)
    assert text.file_kind == "rtf" and "\\u" not in text.text and "rtf1" not in text.text


def test_an_rtf_as_word_writes_it(tmp_path: Path) -> None:
    """Unicode with fallbacks, bytes in the Vietnamese code page of a font, a header, a
    footnote, a picture with raw bytes, fields, list numbers, tables: read as on the page."""
    path = tmp_path / "cong-van.rtf"
    path.write_bytes(WORD_RTF.encode("ascii"))
    text = read_directive_file(path).text
    assert "Trang" not in text and "31/3/2020" not in text and "HYPERLINK" not in text
    assert "Nguyễn" not in text and "panose" not in text and "?" not in text
    assert "1. Công an huyện" in text and "xem hướng dẫn." in text
    assert "2. Phòng Y tế thống kê" in text and "🙂" in text
    got = read_directive(path).to_json_dict()
    S.check_na_ri(got)
    assert got["items"][1]["units"] == ["Phòng Y tế"]


def test_an_rtf_named_doc_from_the_command_line_and_into_the_register(
    db, tmp_path: Path, capsys
) -> None:
    info = S.parsed_and_registered(db, tmp_path / "d", capsys, HERE / "mau-5.doc", S.make_spec(5))
    assert "\\u" not in info.full_text


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"{\\rtf1" + b"{" * 5000 + b"x" + b"}" * 5000 + b"}", "bị hỏng"),  # nesting
        (b"{\\rtf1\\ansi}", "không có nội dung chữ"),
        (b"{\\rtf1 " + b"x\\par " * 300_000 + b"}", "quá dài"),  # built to fill memory
        (b"{\\rtf1{\\fonttbl{\\f0 Arial;}}{\\*\\generator x;}\\par\\par}", "không có nội dung chữ"),
    ],
)
def test_a_hostile_or_empty_rtf_is_refused_in_plain_words(
    tmp_path: Path, data: bytes, words: str
) -> None:
    path = tmp_path / "hong.doc"
    path.write_bytes(data)
    with pytest.raises(UserError) as err:
        read_directive_file(path)
    assert words in str(err.value) and "hong.doc" in str(err.value)


def test_odd_control_words_are_read_or_left_out_never_a_crash(tmp_path: Path) -> None:
    r"""A \bin past the end, \u out of range, a lone surrogate, \uc of a billion, a control
    word of forty letters, an unknown code page, bytes of a code page split by a font
    change, a closing brace too many: text where there is text, nothing else."""
    body = (
        b"{\\rtf1\\ansi\\ansicpg99999\\uc1000000000 A\\u99999999 B\\u-10179 C\\u55296 "
        b"\\abcdefghijklmnopqrstuvwxyzabcdefghijklmn D\\'e1{\\f7\\'e1}\\'zz E}} F"
        b"{\\bin999999999 "
    )
    path = tmp_path / "la.rtf"
    path.write_bytes(body)
    text = read_directive_file(path).text
    assert "A" in text and "E" in text and "F" not in text


def test_random_damage_never_escapes_as_a_crash(tmp_path: Path) -> None:
    """Bytes of a real RTF changed at random, 300 times: a reading or a plain refusal."""
    whole = (HERE / "mau-0.rtf").read_bytes()
    rng = random.Random(7)
    path = tmp_path / "fuzz.rtf"
    outcomes = set()
    for _ in range(300):
        data = bytearray(whole)
        for _ in range(rng.randint(1, 40)):
            data[rng.randrange(5, len(data))] = rng.choice(b"{}\\'u0123456789-abc \n\xff")
        path.write_bytes(bytes(data))
        try:
            read_directive_file(path)
            outcomes.add("read")
        except UserError:
            outcomes.add("refused")
    assert "read" in outcomes and outcomes <= {"read", "refused"}
