"""Directives that arrive as OpenDocument text (.odt, from LibreOffice, OpenOffice or WPS):
read like their .docx; the things .odt files carry that a reader could trip on; hostile
ones refused in plain words.

The .odt files in ``odt/`` are our own synthetic directives saved as .odt by LibreOffice
(see its README); the others are written here as LibreOffice writes them, messier.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from fieldapp.directives.extract import read_directive_file
from fieldapp.directives.reading import read_directive
from fieldapp.errors import UserError
from tests.core.directives import samples as S

HERE = Path(__file__).resolve().parent / "odt"

NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/"'
)


def _odt(
    path: Path,
    body: str,
    *,
    mimetype: str = "application/vnd.oasis.opendocument.text",
    content: bytes | None = None,
    compression: int = zipfile.ZIP_DEFLATED,
    manifest: str = "<manifest/>",
) -> Path:
    xml = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {NS} office:version="1.3">'
        f"<office:body><office:text>{body}</office:text></office:body></office:document-content>"
    )
    with zipfile.ZipFile(path, "w", compression=compression) as zf:
        zf.writestr("mimetype", mimetype, compress_type=zipfile.ZIP_STORED)
        zf.writestr("content.xml", content if content is not None else xml.encode())
        zf.writestr("styles.xml", f"<office:document-styles {NS}/>")
        zf.writestr("META-INF/manifest.xml", manifest)
    return path


def _row(*cells: str, covered: int = 0) -> str:
    out = "".join(f"<table:table-cell>{c}</table:table-cell>" for c in cells)
    return f"<table:table-row>{out}{'<table:covered-table-cell/>' * covered}</table:table-row>"


def _p(text: str) -> str:
    return f"<text:p>{text}</text:p>"


MESSY = (
    # the urgency stamp in a frame anchored to an empty paragraph above the header
    '<text:p><draw:frame draw:name="Khung1" svg:width="3cm"><draw:text-box>'
    "<text:p>HỎA TỐC</text:p></draw:text-box></draw:frame></text:p>"
    "<text:sequence-decls><text:sequence-decl text:name='Hình'/></text:sequence-decls>"
    "<text:tracked-changes><text:changed-region><text:deletion>"
    "<text:p>Số: 999/UBND-XOA</text:p></text:deletion></text:changed-region></text:tracked-changes>"
    "<table:table><table:table-column table:number-columns-repeated='2'/>"
    "<table:table-header-rows>"
    + _row(_p("UBND HUYỆN NA RÌ"), _p("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"))
    + "</table:table-header-rows>"
    + _row(
        _p("<text:span>Số:</text:span><text:s/>412/UBND-VP"),
        _p("Độc lập - Tự do - Hạnh phúc"),
    )
    + _row(
        _p("V/v tăng cường<text:line-break/>phòng, chống dịch Covid-19"),
        _p("<text:span>Na Rì</text:span>, ngày 14<text:s text:c='1'/>tháng 9 năm 2021"),
    )
    + "</table:table>"
    "<text:section text:name='Phan1'>"
    "<text:p>Kính gửi: UBND các xã, thị trấn.</text:p>"
    "<text:p>Thực hiện Chỉ thị số 16/CT-TTg của Thủ tướng Chính phủ<text:note text:note-class="
    "'footnote'><text:note-citation>1</text:note-citation><text:note-body><text:p>Ban hành ngày "
    "31/3/2020.</text:p></text:note-body></text:note>, UBND huyện yêu cầu các cơ quan, đơn vị "
    "thực hiện ngay các nội dung sau:<office:annotation><dc:creator>Lan</dc:creator>"
    "<text:p>xem lại</text:p></office:annotation></text:p>"
    "<text:soft-page-break/>"
    "<text:list text:style-name='L1'>"
    "<text:list-item><text:number>1.</text:number><text:p>Công an huyện tổ chức trực 24/24 giờ "
    "tại các chốt kiểm soát ra vào địa bàn huyện.</text:p></text:list-item>"
    "<text:list-item><text:number>2.</text:number><text:p>Phòng Y tế thống kê các hộ khó khăn,"
    "<text:s text:c='3'/>báo cáo UBND huyện trước 16 giờ 00 ngày 16/9/2021.</text:p>"
    "</text:list-item></text:list>"
    "</text:section>"
    "<table:table>"
    + _row(
        _p("<text:span>Nơi nhận:</text:span>") + _p("- Như trên;") + _p("- Lưu: VT."),
        _p("TM. ỦY BAN NHÂN DÂN") + _p("CHỦ TỊCH") + _p("") + _p("Đinh Văn Tân"),
    )
    + "</table:table>"
)


@pytest.mark.parametrize("seed", [0, 5])
def test_an_odt_reads_every_field_as_its_docx_does(tmp_path: Path, seed: int) -> None:
    """Saved as .odt by LibreOffice: the header table's two columns, number, issuer, date,
    subject, recipients, numbered items and the signing block as from the .docx."""
    spec = S.make_spec(seed)
    docx = read_directive(S.write_docx(spec, tmp_path / "van-ban.docx")).to_json_dict()
    odt = read_directive(HERE / f"mau-{seed}.odt").to_json_dict()
    assert odt == docx
    assert odt["number"] == spec.number and odt["items"], odt
    assert read_directive_file(HERE / f"mau-{seed}.odt").file_kind == "odt"


def test_an_odt_as_libreoffice_writes_it_by_hand(tmp_path: Path) -> None:
    """A stamp in a text box, header rows in a header group, spaces as text:s, a line break
    in the subject, a section, a footnote, a comment, a deleted number in tracked changes
    and list labels kept by LibreOffice: read as a person sees the page."""
    path = _odt(tmp_path / "cong-van.odt", MESSY)
    text = read_directive_file(path).text
    assert "999/UBND-XOA" not in text  # deleted in tracked changes
    assert "31/3/2020" not in text and "xem lại" not in text  # footnote, comment
    assert "báo cáo UBND huyện" in text and "khó khăn,   báo cáo" in text
    got = read_directive(path).to_json_dict()
    S.check_na_ri(got)
    assert got["copies_to"] == ["Như trên", "Lưu: VT"] and got["missing"] == []


def test_an_odt_from_the_command_line_and_into_the_register(db, tmp_path: Path, capsys) -> None:
    S.parsed_and_registered(db, tmp_path / "d", capsys, HERE / "mau-5.odt", S.make_spec(5))


def _nested(depth: int) -> str:
    return "<text:p>" + "<text:span>" * depth + "Sâu" + "</text:span>" * depth + "</text:p>"


@pytest.mark.parametrize(
    ("build", "words"),
    [
        # a spreadsheet (.ods) renamed .odt
        (
            lambda p: _odt(p, _p("x"), mimetype="application/vnd.oasis.opendocument.spreadsheet"),
            "không phải văn bản Word hay OpenDocument",
        ),
        (lambda p: _odt(p, "", content=b"<office:document-content"), "bị hỏng"),
        (lambda p: _odt(p, "", content=b"<a>no body</a>"), "bị hỏng"),
        # saved with a password: content.xml is ciphertext, the manifest says so
        (
            lambda p: _odt(
                p,
                "",
                content=bytes(range(256)) * 8,
                manifest='<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:'
                'xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="content.xml">'
                '<manifest:encryption-data manifest:checksum-type="SHA1/1K"/>'
                "</manifest:file-entry></manifest:manifest>",
            ),
            "có mật khẩu",
        ),
        # nesting no person writes (a reader that recursed would crash)
        (lambda p: _odt(p, _nested(5000), compression=zipfile.ZIP_STORED), "bị hỏng"),
        # entity expansion
        (
            lambda p: _odt(
                p,
                "",
                content=b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>',
            ),
            "bất thường",
        ),
        # a zip bomb: content.xml of 60 MB of spaces
        (lambda p: _odt(p, "", content=b" " * (60 * 1024 * 1024)), "zip bomb"),
    ],
)
def test_a_hostile_or_wrong_odt_is_refused_in_plain_words(
    tmp_path: Path, build, words: str
) -> None:
    path = build(tmp_path / "hong.odt")
    with pytest.raises(UserError) as err:
        read_directive_file(path)
    assert words in str(err.value) and "hong.odt" in str(err.value)


def test_a_cut_short_odt_is_refused(tmp_path: Path) -> None:
    whole = (HERE / "mau-0.odt").read_bytes()
    for size in (100, len(whole) // 2, len(whole) - 30):
        path = tmp_path / f"cut-{size}.odt"
        path.write_bytes(whole[:size])
        with pytest.raises(UserError):
            read_directive_file(path)


def test_an_empty_table_cell_and_deep_but_real_lists_are_read(tmp_path: Path) -> None:
    """Lists nested four deep (a plan's I. / 1. / a) / -) and an empty cell: every line read."""
    inner = "<text:list><text:list-item><text:p>- ý nhỏ nhất</text:p></text:list-item></text:list>"
    for label in ("a)", "1.", "I."):
        inner = (
            f"<text:list><text:list-item><text:number>{label}</text:number>"
            f"<text:p>mục {label}</text:p>{inner}</text:list-item></text:list>"
        )
    body = "<table:table>" + _row("", _p("ô phải")) + "</table:table>" + inner
    text = read_directive_file(_odt(tmp_path / "ke-hoach.odt", body)).text
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    assert lines[-4:] == ["I. mục I.", "1. mục 1.", "a) mục a)", "- ý nhỏ nhất"], lines
    assert "ô phải" in text
