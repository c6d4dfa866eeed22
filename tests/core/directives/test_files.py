"""Directives as they really arrive (issue 12): Word with a header table, text PDF, a scan
and a phone photo, each built here and read field by field; hostile files refused in time."""

from __future__ import annotations

import json
import struct
import time
import unicodedata
import zipfile
import zlib
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from fieldapp.cli import main
from fieldapp.directives import register as reg
from fieldapp.directives.extract import read_directive_file
from fieldapp.directives.ocr import OcrUnavailable, prepare, skew_angle
from fieldapp.directives.parser import parse_directive
from fieldapp.directives.reading import read_directive
from fieldapp.directives.search import search
from fieldapp.errors import UserError
from tests.core.directives import samples as S
from tests.core.directives.conftest import snapshot

pytest.importorskip("docx")
tesserocr = pytest.importorskip("tesserocr")

# The directive of the issue: a state công văn, KHẨN above the header table, a deputy signs.
ISSUE = replace(
    S.make_spec(2),
    issuer_lines=["ỦY BAN NHÂN DÂN", "HUYỆN TUY ĐỨC"],
    issuer="UBND huyện Tuy Đức",
    number="2134/UBND-VP",
    place="Gia Nghĩa",
    issued_on=date(2021, 8, 5),
    urgency="Khẩn",
)
SEEDS = (2, 3, 4, 9)  # state CV (KT.), party CV (Hỏa tốc), party Chỉ thị, Kế hoạch (I., II.)


def _check(spec: S.Spec, got: dict) -> None:
    want = S.expected(spec)
    for name in ("number", "kind", "issuer", "place", "issued_on", "subject", "urgency"):
        assert got[name] == want[name], name
    for name in ("signer", "signer_title"):
        assert got[name] == want[name], name
    assert [i["label"] for i in got["items"]] == want["item_labels"]
    assert [i["due"] for i in got["items"]] == want["item_dues"]
    assert "number" not in got["missing"] and "signer" not in got["missing"]


@pytest.mark.parametrize("seed", SEEDS)
def test_word_file_with_header_table_gives_every_field(tmp_path: Path, seed: int) -> None:
    spec = S.make_spec(seed)
    reading = read_directive(S.write_docx(spec, tmp_path / "cv.docx"))
    _check(spec, reading.to_json_dict())
    assert reading.extracted.ocr is None and reading.to_json_dict()["ocr"] is None


def test_word_file_of_the_issue_field_by_field(tmp_path: Path) -> None:
    got = read_directive(S.write_docx(ISSUE, tmp_path / "2134.docx")).to_json_dict()
    assert got["number"] == "2134/UBND-VP"
    assert got["kind"] == "Công văn"
    assert got["issuer"] == "UBND huyện Tuy Đức"
    assert (got["place"], got["issued_on"]) == ("Gia Nghĩa", "2021-08-05")
    assert got["urgency"] == "Khẩn"
    assert got["subject"] == ISSUE.subject
    assert got["signer_authority"] == "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH"
    assert (got["signer_title"], got["signer"]) == ("PHÓ CHỦ TỊCH", ISSUE.signer)
    assert got["copies_to"][0] == "Như trên"
    assert got["recipients"] == ["UBND các xã, thị trấn", "Các phòng, ban, ngành liên quan"]


@pytest.mark.parametrize("seed", SEEDS)
def test_text_pdf_keeps_the_two_header_columns_apart(tmp_path: Path, seed: int) -> None:
    spec = S.make_spec(seed)
    reading = read_directive(S.write_pdf(spec, tmp_path / "cv.pdf"))
    _check(spec, reading.to_json_dict())
    # The subject ends where the body starts.
    assert "Kính gửi" not in (reading.parsed.subject or "")
    assert reading.extracted.ocr is None


@pytest.mark.parametrize("seed", SEEDS)
def test_text_with_a_pipe_flattened_header_still_reads(seed: int) -> None:
    spec = S.make_spec(seed)
    text = S.flattened_text(spec)
    assert " | " in text.splitlines()[0] or " | " in text.splitlines()[1]
    _check(spec, parse_directive(text).to_json_dict())


def test_sub_points_stay_inside_their_task_and_an_hour_makes_the_due(tmp_path: Path) -> None:
    spec = S.make_spec(9)
    got = read_directive(S.write_docx(spec, tmp_path / "kh.docx")).to_json_dict()
    by = {i["label"]: i for i in got["items"]}
    assert "I" not in by and "II" not in by  # sections are headings, not items
    assert "a) " in by["I.2"]["text"] and "b) " in by["I.2"]["text"]
    assert by["I.2"]["due"] == "2021-11-09T10:00"  # "trước 10 giờ 00 ngày 9/11/2021"
    assert [s["label"] for s in got["sections"]] == ["I", "II"]


def test_scanned_pdf_is_recognised_field_by_field(tmp_path: Path, capsys) -> None:
    path = S.write_scan(ISSUE, tmp_path / "scan.pdf", seed=3)
    assert main(["directive", "parse", str(path), "--json"]) == 0
    got = json.loads(capsys.readouterr().out)
    _check(ISSUE, got)
    assert got["ocr"]["pages"] == 1
    assert 80 <= got["ocr"]["mean_confidence"] <= 100
    assert got["flags"] == []


def test_phone_photo_is_recognised_field_by_field(tmp_path: Path) -> None:
    spec = S.make_spec(0)
    reading = read_directive(S.write_photo(spec, tmp_path / "anh-chup.jpg", seed=2))
    _check(spec, reading.to_json_dict())
    assert reading.extracted.ocr is not None and reading.extracted.ocr.pages == 1


@pytest.mark.parametrize("long_side", [1000, 1280])
def test_a_photo_shrunk_by_a_chat_app_is_read(tmp_path: Path, long_side: int) -> None:
    """A chat app sends a photo 1,000-1,280 pixels long (about 100 dpi for the page): it was
    refused as "no text recognised", or read with the date lost. It is enlarged and read."""
    from PIL import Image

    spec = S.make_spec(1)
    big = S.write_photo(spec, tmp_path / "goc.jpg", seed=1)
    with Image.open(big) as img:
        scale = long_side / max(img.size)
        small = img.resize((round(img.width * scale), round(img.height * scale)))
        small.save(tmp_path / "zalo.jpg", quality=70)
    reading = read_directive(tmp_path / "zalo.jpg")
    _check(spec, reading.to_json_dict())


HEIC = Path(__file__).parent / "heic" / "iphone-cong-van.heic"


def test_an_iphone_photo_in_heic_is_read(tmp_path: Path, capsys) -> None:
    """An iPhone keeps its photos as .heic, and a copy over a USB cable stays .heic: it was
    refused as "not a text file". (The fixture is samples.write_photo(make_spec(1), seed=1),
    2,016 pixels long, encoded once with pillow-heif at quality 25; see heic/README.md.)"""
    assert HEIC.read_bytes()[4:12] == b"ftypheic"
    reading = read_directive(HEIC)
    _check(S.make_spec(1), reading.to_json_dict())
    assert reading.extracted.ocr is not None and reading.extracted.ocr.pages == 1
    # the same through the command line, named as a phone names it
    photo = tmp_path / "IMG_4127.HEIC"
    photo.write_bytes(HEIC.read_bytes())
    assert main(["directive", "parse", str(photo), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["number"] == S.expected(S.make_spec(1))["number"]


@pytest.mark.parametrize("damage", ["cut", "garbled"])
def test_a_damaged_heic_is_refused_in_plain_words(tmp_path: Path, damage: str) -> None:
    data = HEIC.read_bytes()
    if damage == "cut":
        data = data[: len(data) // 3]
    else:
        data = data[:40] + bytes(b ^ 0x5A for b in data[40:4000]) + data[4000:]
    bad = tmp_path / "hong.heic"
    bad.write_bytes(data)
    with pytest.raises(UserError, match="hong.heic"):
        read_directive(bad)


def test_only_pages_without_text_are_recognised(tmp_path: Path) -> None:
    import pypdfium2 as pdfium

    base = S.make_spec(4)
    many = [replace(item, label=str(k + 1)) for k, item in enumerate(base.items * 3)]
    spec = replace(base, sections=[("", "", many)])  # two pages: text, then scanned
    text_pdf = pdfium.PdfDocument(S.pdf_bytes(spec))
    assert len(text_pdf) == 2
    scan = S.scan_images(spec, seed=2)
    scanned = tmp_path / "p2.pdf"
    scan[1].save(str(scanned), "PDF", resolution=200.0)
    mixed = pdfium.PdfDocument.new()
    mixed.import_pages(text_pdf, [0])
    mixed.import_pages(pdfium.PdfDocument(str(scanned)), [0])
    path = tmp_path / "mixed.pdf"
    mixed.save(str(path))
    got = read_directive(path)
    assert got.extracted.ocr is not None and got.extracted.ocr.pages == 1
    _check(spec, got.to_json_dict())


def test_skew_is_measured_and_straightened() -> None:
    page = S.scan_images(S.make_spec(2), seed=0, angle=1.7)[0]
    assert abs(skew_angle(page.convert("L")) + 1.7) < 0.35
    straight, angle = prepare(page)
    assert abs(angle + 1.7) < 0.35 and abs(skew_angle(straight)) < 0.35


@pytest.mark.parametrize("turn", [90, 180, 270])
def test_a_page_fed_in_sideways_or_upside_down_is_read(tmp_path: Path, turn: int) -> None:
    """A two-page scan whose second sheet went into the feeder the wrong way round (a
    quarter turn either way, or upside down), with no orientation tag: it read as noise, or
    was refused as "no text recognised". Each page is turned the right way and read."""
    spec = S.make_spec(5)
    many = [replace(item, label=str(k + 1)) for k, item in enumerate(spec.items * 3)]
    spec = replace(spec, sections=[("", "", many)])  # two pages
    pages = S.scan_images(spec, seed=4)
    assert len(pages) == 2
    pages[1] = pages[1].rotate(turn, expand=True, fillcolor=255)
    path = tmp_path / "lon-nguoc.pdf"
    pages[0].save(str(path), "PDF", resolution=200.0, save_all=True, append_images=pages[1:])
    got = read_directive(path)
    ocr = got.extracted.ocr
    assert ocr is not None and ocr.pages == 2 and ocr.mean_confidence > 80
    _check(spec, got.to_json_dict())
    alone = tmp_path / "trang-dau.png"  # the first page alone, upside down, as an image
    pages[0].rotate(180).save(alone)
    assert read_directive(alone).to_json_dict()["number"] == spec.number


def test_import_of_a_scan_keeps_the_recognised_text_searchable(db, tmp_path: Path) -> None:
    path = S.write_scan(ISSUE, tmp_path / "scan.pdf", seed=3)
    result = reg.import_file(db, path)
    info = reg.get_directive(db, result.directive_id)
    assert (info.number, info.issuer) == ("2134/UBND-VP", "UBND huyện Tuy Đức")
    assert info.ocr_pages == 1 and info.ocr_confidence and info.ocr_confidence > 80
    assert info.to_json_dict()["ocr"]["pages"] == 1
    assert "Gia Nghĩa" in info.full_text
    hits = search(db, "chot kiem soat cua ngo" if "chốt" in ISSUE.subject else "tuy duc")
    assert result.directive_id in {h.directive_id for h in hits}


# --- hostile files ----------------------------------------------------------------------------


def _docx_with_numbering_start(path: Path, start: str) -> None:
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    paras = "".join(
        '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>'
        f"<w:r><w:t>Việc thứ {k}: trực chốt kiểm soát.</w:t></w:r></w:p>"
        for k in range(3)
    )
    numbering = (
        f'<w:numbering {ns}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0">'
        f'<w:start w:val="{start}"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/>'
        '</w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
        "</w:numbering>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", f"<w:document {ns}><w:body>{paras}</w:body></w:document>")
        z.writestr("word/numbering.xml", numbering)


@pytest.mark.parametrize("start", ["1000000000000", "9" * 5000, "-3", "abc"])
def test_docx_numbering_from_ten_to_the_twelfth_returns_at_once(tmp_path: Path, start) -> None:
    path = tmp_path / "so-la.docx"
    _docx_with_numbering_start(path, start)
    t = time.monotonic()
    text = read_directive_file(path).text
    assert time.monotonic() - t < 5
    assert "I. Việc thứ 0" in text and "III. Việc thứ 2" in text  # read as starting at 1


def _png_header(width: int, height: int) -> bytes:
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    chunk = b"IHDR" + ihdr
    idat = b"IDAT" + zlib.compress(b"\x00" * 64)
    return (
        b"\x89PNG\r\n\x1a\n"
        + struct.pack(">I", len(ihdr)) + chunk + struct.pack(">I", zlib.crc32(chunk))
        + struct.pack(">I", len(idat) - 4) + idat + struct.pack(">I", zlib.crc32(idat))
    )  # fmt: skip


def test_huge_image_is_refused_before_decoding_and_nothing_written(db, tmp_path: Path) -> None:
    path = tmp_path / "anh-lon.png"
    path.write_bytes(_png_header(20000, 20000))
    before = snapshot(db)
    t = time.monotonic()
    with pytest.raises(UserError, match="quá lớn.*20000 × 20000"):
        reg.import_file(db, path)
    assert time.monotonic() - t < 5
    assert snapshot(db) == before


def test_five_hundred_page_scan_is_refused_quickly_and_nothing_written(db, tmp_path) -> None:
    from PIL import Image

    page = Image.new("L", (80, 110), 255)
    path = tmp_path / "500-trang.pdf"
    page.save(str(path), "PDF", resolution=10.0, save_all=True, append_images=[page] * 499)
    before = snapshot(db)
    t = time.monotonic()
    with pytest.raises(UserError, match="trang quét"):
        reg.import_file(db, path)
    assert time.monotonic() - t < 30
    assert snapshot(db) == before


def test_pages_of_noise_are_refused_within_the_time_budget(db, tmp_path: Path) -> None:
    import random

    from PIL import Image

    rnd = random.Random(5)
    pages = []
    for density in (0.5, 0.3, 0.2):  # grey noise, dense and sparser speckle
        raw = Image.frombytes("L", (1654, 2339), rnd.randbytes(1654 * 2339))
        pages.append(raw.point(lambda v, d=density: 0 if v < 256 * d else 255))
    path = tmp_path / "nhieu.pdf"
    pages[0].save(str(path), "PDF", resolution=200.0, save_all=True, append_images=pages[1:])
    before = snapshot(db)
    t = time.monotonic()
    with pytest.raises(UserError, match="Không nhận ra chữ nào"):
        reg.import_file(db, path)
    assert time.monotonic() - t < 30
    assert snapshot(db) == before


def test_tiff_with_too_many_pages_is_refused(tmp_path: Path) -> None:
    from PIL import Image

    frames = [Image.new("L", (40, 40), 255) for _ in range(30)]
    path = tmp_path / "nhieu-trang.tif"
    frames[0].save(str(path), save_all=True, append_images=frames[1:])
    with pytest.raises(UserError, match="30 trang"):
        read_directive_file(path)


def test_missing_language_data_says_what_to_install(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("FIELDAPP_TESSDATA", str(tmp_path / "khong-co"))
    path = S.write_scan(S.make_spec(2), tmp_path / "scan.pdf")
    with pytest.raises(OcrUnavailable, match="vie.traineddata"):
        read_directive_file(path)


CORPUS_FILES = Path(__file__).resolve().parents[4] / "shared" / "corpus" / "directive-files"


@pytest.mark.skipif(not CORPUS_FILES.is_dir(), reason="the shared corpus is not beside the tree")
@pytest.mark.parametrize(
    "name", ["bac-kan-309-CV-TU.docx", "bac-kan-309-CV-TU.pdf", "bac-kan-309-CV-TU-scan.pdf"]
)
def test_corpus_files_read_as_the_text_does(name: str) -> None:
    got = read_directive(CORPUS_FILES / name).to_json_dict()
    assert (got["number"], got["kind"], got["issuer"]) == (
        "309-CV/TU",
        "Công văn",
        "Tỉnh ủy Bắc Kạn",
    )
    assert (got["place"], got["issued_on"]) == ("Bắc Kạn", "2021-07-20")
    assert got["subject"] == "công tác phòng, chống dịch Covid-19"
    assert (got["signer"], got["signer_title"]) == ("Phương Thị Thanh", "PHÓ BÍ THƯ")
    assert [i["label"] for i in got["items"]] == ["1", "2", "3", "4", "5"]


def test_tone_marks_the_engine_confuses_are_put_back() -> None:
    from fieldapp.directives.ocr import correct_tones

    assert correct_tones("Tăng cường kiếm soát người ra vào") == "Tăng cường kiểm soát người ra vào"
    assert correct_tones("Thành lập Tố Covid tại các thôn, tố dân phố") == (
        "Thành lập Tổ Covid tại các thôn, tổ dân phố"
    )
    assert correct_tones("PHO CHU TỊCH") == "PHÓ CHỦ TỊCH"
    assert correct_tones("tìm kiếm người") == "tìm kiếm người"  # a pair it does not know


def test_a_task_number_read_with_a_comma_is_still_a_task() -> None:
    text = S.flattened_text(S.make_spec(10)).replace("\n2. ", "\n2, ")
    got = parse_directive(text)
    assert [i.label for i in got.items] == ["1", "2", "3", "4", "5"]


# --- a scan whose text layer is not what the page shows ------------------------------------


def _strip_marks(text: str) -> str:
    text = text.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def _copier_pdf(spec: S.Spec, path: Path, layer=None) -> Path:
    """A scan with the text layer an office copier adds: recognised as English, so every
    tone mark is gone ("KE HOACH"), laid invisibly over the page image."""
    layer = layer or _strip_marks
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    S._fonts()
    scans = S.scan_images(spec, seed=3, angle=0.0)
    c = canvas.Canvas(str(path), pagesize=A4)
    lines = [x for x in S.flattened_text(spec).splitlines() if x.strip()]
    per_page = max(1, len(lines) // len(scans) + 1)
    for k, img in enumerate(scans):
        c.drawImage(ImageReader(img), 0, 0, width=A4[0], height=A4[1])
        t = c.beginText(60, A4[1] - 60)
        t.setTextRenderMode(3)
        t.setFont(S.FONT, 11)
        for line in lines[k * per_page : (k + 1) * per_page]:
            t.textLine(layer(line)[:120])
        c.drawText(t)
        c.showPage()
    c.save()
    return path


def test_a_copier_scan_with_a_text_layer_that_lost_its_tone_marks_is_recognised(tmp_path):
    spec = S.make_spec(1)
    path = _copier_pdf(spec, tmp_path / "may-photo.pdf")
    got = read_directive(path)
    assert got.extracted.ocr is not None and got.extracted.ocr.pages == 1
    _check(spec, got.to_json_dict())


def test_without_ocr_the_copier_text_layer_is_kept(tmp_path, monkeypatch):
    """No Vietnamese language data here: the page's own text layer, not a refusal."""
    monkeypatch.setenv("FIELDAPP_TESSDATA", str(tmp_path / "khong-co"))
    spec = S.make_spec(1)
    got = read_directive_file(_copier_pdf(spec, tmp_path / "may-photo.pdf"))
    assert got.ocr is None and "KE HOACH" in got.text


def test_a_text_layer_of_unmapped_codes_is_not_taken_for_text() -> None:
    from fieldapp.directives.extract import _readable_layer
    from fieldapp.directives.layout import Segment

    words = "Ủy ban nhân dân huyện yêu cầu các cơ quan thực hiện nghiêm " * 6
    good = [Segment(0, 0, 10, 10, words)]
    unmapped = [Segment(0, 0, 10, 10, "".join(chr(0xE000 + ord(c) % 256) for c in words))]
    no_marks = [Segment(0, 0, 10, 10, _strip_marks(words))]
    short = [Segment(0, 0, 10, 10, "So: 12/UBND")]  # too few words to judge: kept
    assert _readable_layer(good) and _readable_layer(short)
    assert not _readable_layer(unmapped) and not _readable_layer(no_marks)
