"""Directives typed with the old TCVN3 fonts (.VnTime for text, .VnTimeH for capitals): in a
Word file, a PDF's text layer or a .txt they come as the Latin-1 letters those fonts drew as
Vietnamese ("ñY BAN NH¢N D¢N HUYÖN"). They are read as Unicode, every field found; Unicode
directives are never touched."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from fieldapp.directives.extract import read_directive_file
from fieldapp.directives.reading import read_directive
from fieldapp.text.legacy import TCVN3, tcvn3_capitals
from tests.core.directives import samples as S

_CODES = {letter: code for code, letter in TCVN3.items()}


def tcvn3(text: str) -> str:
    """Text as typed with the TCVN3 fonts: capitals of accented letters with the lower-case
    codes (the .VnTimeH font draws them as capitals), except those with capital codes."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        if ch in _CODES:
            out.append(_CODES[ch])
        elif ch.lower() in _CODES:
            out.append(_CODES[ch.lower()])
        else:
            out.append(ch)
    return "".join(out)


@pytest.fixture
def typed_in_tcvn3(monkeypatch):
    """The sample writers' words as typed with the TCVN3 fonts."""
    for name in ("_header_cells", "_footer_cells"):
        real = getattr(S, name)
        monkeypatch.setattr(
            S, name, lambda spec, real=real: tuple([tcvn3(x) for x in c] for c in real(spec))
        )
    real_body = S._body_paragraphs
    monkeypatch.setattr(
        S, "_body_paragraphs", lambda spec: [(k, tcvn3(t)) for k, t in real_body(spec)]
    )
    real_mark = S.urgency_line
    monkeypatch.setattr(S, "urgency_line", lambda spec: real_mark(spec) and tcvn3(real_mark(spec)))


def _canvas_pdf(spec: S.Spec, path: Path) -> Path:
    """A PDF as Word saves one typed in .VnTime: each line drawn as its codes, so the text
    layer holds them as Latin-1 letters (the soft hyphen code, TCVN3's "ư", included:
    a paragraph flow would take it for a hyphenation point and drop it)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfgen import canvas

    S._fonts()
    c = canvas.Canvas(str(path), pagesize=A4)
    y = A4[1] - 20 * mm

    def line(text: str, x: float, size: float = 13) -> None:
        nonlocal y
        if y < 20 * mm:
            c.showPage()
            y = A4[1] - 20 * mm
        c.setFont(S.FONT, size)
        c.drawString(x, y, text)
        y -= size * 1.35

    def columns(left: list[str], right: list[str], split: float) -> None:
        nonlocal y
        top = y
        for text in left:
            line(text, 30 * mm, 12.5)
        bottom, y = y, top
        for text in right:
            line(text, split, 12.5)
        y = min(y, bottom) - 8

    mark = S.urgency_line(spec)
    if mark:
        line(mark, 30 * mm)
    columns(*S._header_cells(spec), 95 * mm)
    for _style, text in S._body_paragraphs(spec):
        for piece in simpleSplit(text, S.FONT, 13, 160 * mm):
            line(piece, 30 * mm)
    columns(*S._footer_cells(spec), 110 * mm)
    c.save()
    return path


@pytest.mark.parametrize("seed", [0, 3, 5])
@pytest.mark.parametrize("kind", ["docx", "pdf"])
def test_a_word_file_or_pdf_typed_in_tcvn3_gives_every_field(
    tmp_path: Path, typed_in_tcvn3, seed: int, kind: str
) -> None:
    spec = S.make_spec(seed)
    writer = S.write_docx if kind == "docx" else _canvas_pdf
    path = writer(spec, tmp_path / f"van-ban.{kind}")
    extracted = read_directive_file(path)
    assert "HUYÖN" not in extracted.text and "§" not in extracted.text
    assert extracted.legacy_encoding == "tcvn3"
    got = read_directive(path).to_json_dict()
    assert S.score(spec, got) == dict.fromkeys(S.score(spec, got), True), got


def test_the_command_line_says_the_text_was_converted(tmp_path, typed_in_tcvn3, capsys) -> None:
    from fieldapp.cli import main

    spec = S.make_spec(0)
    path = S.write_docx(spec, tmp_path / "van-ban.docx")
    assert main(["--data-dir", str(tmp_path / "d"), "directive", "parse", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Cơ quan ban hành: UBND huyện Chợ Đồn" in out and "phông chữ cũ TCVN3" in out
    assert main(["--data-dir", str(tmp_path / "d"), "directive", "parse", str(path), "--json"]) == 0
    assert '"old_font": "tcvn3"' in capsys.readouterr().out


def test_a_text_file_in_tcvn3_bytes_gives_every_field(tmp_path: Path) -> None:
    spec = S.make_spec(0)
    path = tmp_path / "van-ban.txt"
    path.write_bytes(tcvn3(S.flattened_text(spec)).encode("latin-1"))
    got = read_directive(path).to_json_dict()
    assert S.score(spec, got) == dict.fromkeys(S.score(spec, got), True), got


@pytest.mark.parametrize("seed", [0, 5])
def test_a_unicode_directive_is_never_converted(tmp_path: Path, seed: int) -> None:
    """Words with Latin-1 letters only ("Tâm", "Hà") in a Unicode file stay as they are."""
    spec = S.make_spec(seed)
    path = S.write_docx(spec, tmp_path / "van-ban.docx")
    extracted = read_directive_file(path)
    assert extracted.legacy_encoding == ""
    short = tmp_path / "ngan.txt"
    short.write_text("Kính gửi: bà Trần Thị Tâm, thôn Hà Tâm.\n", encoding="utf-8")
    assert read_directive_file(short).text.strip() == "Kính gửi: bà Trần Thị Tâm, thôn Hà Tâm."


@pytest.mark.parametrize(
    ("converted", "shown"),
    [
        ("ủY BAN NHÂN DÂN HUYệN CHợ ĐồN", "ỦY BAN NHÂN DÂN HUYỆN CHỢ ĐỒN"),
        ("CộNG HòA Xã HộI CHủ NGHĩA VIệT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        ("Số: 412/UBND-VP", "Số: 412/UBND-VP"),
        ("Na Rì, ngày 14 tháng 9 năm 2021", "Na Rì, ngày 14 tháng 9 năm 2021"),
        ("V/v tăng cường phòng, chống dịch", "V/v tăng cường phòng, chống dịch"),
        ("TM. ủY BAN NHÂN DÂN", "TM. ỦY BAN NHÂN DÂN"),
        ("Kế HOẠCH", "KẾ HOẠCH"),
        ("Hà Nội", "Hà Nội"),
    ],
)
def test_capitals_of_the_all_caps_font_are_put_back(converted: str, shown: str) -> None:
    assert tcvn3_capitals(converted) == shown


def test_a_unicode_template_around_a_body_typed_in_tcvn3(tmp_path: Path, monkeypatch) -> None:
    """The header and signing block of the office's Unicode template, the body typed in
    .VnTime: the body is converted, the template's lines are left as they are."""
    real_body = S._body_paragraphs
    monkeypatch.setattr(
        S, "_body_paragraphs", lambda spec: [(k, tcvn3(t)) for k, t in real_body(spec)]
    )
    spec = S.make_spec(3)
    path = S.write_docx(spec, tmp_path / "mau-co-than-cu.docx")
    extracted = read_directive_file(path)
    assert extracted.legacy_encoding == "tcvn3"
    got = read_directive(path).to_json_dict()
    assert S.score(spec, got) == dict.fromkeys(S.score(spec, got), True), got
