"""Text out of a received directive file: ``.txt``, text ``.pdf`` or ``.docx``.

The file type is decided by its content (magic bytes), not trusted from its name, so a
renamed image or spreadsheet is refused rather than read as garbage. Every refusal is a
:class:`~fieldapp.errors.UserError` with a one-line Vietnamese message. Output is NFC.
"""

from __future__ import annotations

import io
import os
import re
import unicodedata
import zipfile
from pathlib import Path
from xml.etree import ElementTree

from fieldapp.errors import UserError

MAX_FILE_BYTES = 20 * 1024 * 1024
"""Largest file accepted; checked with ``stat`` before anything is read."""

# A directive's document.xml is well under a few MB; anything far larger is a zip bomb.
MAX_DOCX_XML_BYTES = 40 * 1024 * 1024
MAX_DOCX_RATIO = 200
MAX_PDF_PAGES = 500

# Fewer visible characters than this per page on average means there is no text layer.
_MIN_PDF_CHARS_PER_PAGE = 20

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_C1_RE = re.compile(r"[\x80-\x9f]")


def extract_text(path: str | os.PathLike[str]) -> str:
    """Return the text of a directive file, NFC-normalised, or raise ``UserError``."""
    p = Path(path)
    name = p.name
    try:
        st = p.stat()
    except FileNotFoundError:
        raise UserError(f"Không tìm thấy tệp: {name}") from None
    except OSError as err:
        raise UserError(f"Không đọc được tệp {name}: {err.strerror or err}") from None
    if not p.is_file():
        raise UserError(f"Không phải là tệp: {name}")
    if st.st_size == 0:
        raise UserError(f"Tệp rỗng: {name}")
    if st.st_size > MAX_FILE_BYTES:
        mb = st.st_size / (1024 * 1024)
        raise UserError(f"Tệp {name} quá lớn ({mb:.0f} MB); giới hạn là 20 MB.")
    try:
        data = p.read_bytes()
    except OSError as err:
        raise UserError(f"Không đọc được tệp {name}: {err.strerror or err}") from None

    if data.lstrip()[:5] == b"%PDF-" or b"%PDF-" in data[:1024]:
        text = _pdf_text(data, name)
    elif data[:4] == b"PK\x03\x04":
        text = _docx_text(data, name)
    elif data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise UserError(
            f"Tệp {name} là định dạng Word cũ (.doc); hãy lưu lại thành .docx hoặc PDF."
        )
    else:
        text = _decode_text(data, name)
    text = unicodedata.normalize("NFC", text)
    if not text.strip():
        raise UserError(f"Tệp {name} không có nội dung chữ.")
    return text


# --- plain text -------------------------------------------------------------------------------


def _decode_text(data: bytes, name: str) -> str:
    boms = (
        (b"\xff\xfe\x00\x00", "utf-32-le"),
        (b"\x00\x00\xfe\xff", "utf-32-be"),
        (b"\xef\xbb\xbf", "utf-8"),
        (b"\xff\xfe", "utf-16-le"),
        (b"\xfe\xff", "utf-16-be"),
    )
    for bom, codec in boms:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(codec)
            except UnicodeDecodeError:
                raise UserError(
                    f"Tệp {name} có dấu BOM {codec.upper()} nhưng nội dung bị lỗi mã hoá."
                ) from None
            return _refuse_if_binary(text, name)
    if b"\x00" in data:
        # UTF-16 without a BOM is ambiguous and rare; NUL bytes almost always mean binary.
        raise UserError(f"Tệp {name} không phải văn bản (tệp nhị phân hoặc sai loại).")
    try:
        return _refuse_if_binary(data.decode("utf-8"), name)
    except UnicodeDecodeError:
        pass
    # Old Vietnamese Windows files: accept cp1258 only if every byte maps and no C1 control
    # characters come out; otherwise the guess would silently produce wrong letters.
    try:
        text = data.decode("cp1258")
    except UnicodeDecodeError:
        raise UserError(
            f"Không nhận ra bảng mã của tệp {name}; hãy lưu lại dưới dạng UTF-8."
        ) from None
    if _C1_RE.search(text) or _CONTROL_RE.search(text):
        raise UserError(f"Không nhận ra bảng mã của tệp {name}; hãy lưu lại dưới dạng UTF-8.")
    return text


def _refuse_if_binary(text: str, name: str) -> str:
    controls = len(_CONTROL_RE.findall(text[:65536]))
    if controls > max(2, len(text[:65536]) // 200):
        raise UserError(f"Tệp {name} không phải văn bản (tệp nhị phân hoặc sai loại).")
    return _CONTROL_RE.sub("", text)


# --- PDF --------------------------------------------------------------------------------------


def _pdf_text(data: bytes, name: str) -> str:
    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError
    except ImportError:  # pragma: no cover - pypdf is a runtime dependency
        raise UserError("Chưa cài thư viện đọc PDF (pypdf); không đọc được tệp PDF.") from None
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                ok = reader.decrypt("")
            except Exception:
                ok = 0
            if not ok:
                raise UserError(f"Tệp PDF {name} có mật khẩu; không đọc được.")
        n_pages = len(reader.pages)
        if n_pages == 0:
            raise UserError(f"Tệp PDF {name} không có trang nào.")
        if n_pages > MAX_PDF_PAGES:
            raise UserError(f"Tệp PDF {name} có {n_pages} trang, quá dài cho một văn bản.")
        pages = [(page.extract_text() or "") for page in reader.pages]
    except UserError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError, AttributeError):
        raise UserError(f"Tệp PDF {name} bị hỏng hoặc không đọc được.") from None
    text = "\n\n".join(pages)
    visible = sum(1 for ch in text if not ch.isspace())
    if visible < _MIN_PDF_CHARS_PER_PAGE * n_pages:
        raise UserError(
            f"Tệp PDF không có lớp chữ (bản quét?): {name}; "
            "cần nhận dạng chữ (OCR) hoặc nhập tay trước khi đọc."
        )
    return text


# --- DOCX -------------------------------------------------------------------------------------


def _docx_text(data: bytes, name: str) -> str:
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError):
        raise UserError(f"Tệp {name} bị hỏng (tệp nén không hợp lệ).") from None
    with zf:
        try:
            info = zf.getinfo("word/document.xml")
        except KeyError:
            raise UserError(
                f"Tệp {name} không phải văn bản Word (.docx); chỉ nhận .txt, .pdf, .docx."
            ) from None
        document = _read_member(zf, info, name)
        numbering = None
        try:
            num_info = zf.getinfo("word/numbering.xml")
        except KeyError:
            num_info = None
        if num_info is not None:
            numbering = _read_member(zf, num_info, name)
    try:
        root = ElementTree.fromstring(document)
    except ElementTree.ParseError:
        raise UserError(f"Tệp {name} bị hỏng (nội dung Word không đọc được).") from None
    numbers = _Numbering(numbering)
    body = root.find(f"{_W}body")
    if body is None:
        raise UserError(f"Tệp {name} bị hỏng (không có phần thân văn bản).")
    lines: list[str] = []
    _walk_block(body, lines, numbers)
    return "\n".join(lines)


def _read_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> bytes:
    bomb = f"Tệp {name} bị từ chối: nội dung nén bất thường (có thể là zip bomb)."
    # Declared sizes first (cheap), then a bounded read in case the header lies.
    if info.file_size > MAX_DOCX_XML_BYTES:
        raise UserError(bomb)
    if info.compress_size and info.file_size / info.compress_size > MAX_DOCX_RATIO:
        raise UserError(bomb)
    out = bytearray()
    try:
        with zf.open(info) as fh:
            while chunk := fh.read(1 << 16):
                out += chunk
                if len(out) > MAX_DOCX_XML_BYTES:
                    raise UserError(bomb)
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError):
        raise UserError(f"Tệp {name} bị hỏng (tệp nén không hợp lệ).") from None
    data = bytes(out)
    # Word never writes a DTD; refusing one keeps entity-expansion tricks out of the parser.
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise UserError(f"Tệp {name} bị từ chối: nội dung XML bất thường.")
    return data


class _Numbering:
    """Rebuild Word auto-numbering labels ("1.", "a)", "II.") that are not in the text runs."""

    def __init__(self, xml: bytes | None) -> None:
        self._levels: dict[tuple[str, str], tuple[str, str, int]] = {}
        self._counters: dict[str, dict[int, int]] = {}
        if not xml:
            return
        try:
            root = ElementTree.fromstring(xml)
        except ElementTree.ParseError:
            return
        abstract: dict[str, dict[str, tuple[str, str, int]]] = {}
        for an in root.findall(f"{_W}abstractNum"):
            levels: dict[str, tuple[str, str, int]] = {}
            for lvl in an.findall(f"{_W}lvl"):
                fmt = _val(lvl.find(f"{_W}numFmt")) or "decimal"
                text = _val(lvl.find(f"{_W}lvlText")) or ""
                start = int(_val(lvl.find(f"{_W}start")) or "1")
                levels[lvl.get(f"{_W}ilvl", "0")] = (fmt, text, start)
            abstract[an.get(f"{_W}abstractNumId", "")] = levels
        for num in root.findall(f"{_W}num"):
            ref = _val(num.find(f"{_W}abstractNumId"))
            for ilvl, spec in abstract.get(ref or "", {}).items():
                self._levels[(num.get(f"{_W}numId", ""), ilvl)] = spec

    def label(self, num_id: str, ilvl: str) -> str:
        spec = self._levels.get((num_id, ilvl))
        if spec is None:
            return ""
        fmt, text, _start = spec
        if fmt == "bullet" or fmt == "none":
            return "- " if fmt == "bullet" else ""
        level = int(ilvl)
        counters = self._counters.setdefault(num_id, {})
        counters[level] = counters.get(level, self._start(num_id, level) - 1) + 1
        for deeper in [k for k in counters if k > level]:
            del counters[deeper]

        def repl(m: re.Match[str]) -> str:
            lv = int(m.group(1)) - 1
            lv_spec = self._levels.get((num_id, str(lv)))
            value = counters.get(lv, self._start(num_id, lv))
            return _format_number(value, lv_spec[0] if lv_spec else "decimal")

        return re.sub(r"%(\d)", repl, text) + " "

    def _start(self, num_id: str, level: int) -> int:
        spec = self._levels.get((num_id, str(level)))
        return spec[2] if spec else 1


def _val(el: ElementTree.Element | None) -> str | None:
    return None if el is None else el.get(f"{_W}val")


def _format_number(value: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        letters = "abcdefghijklmnopqrstuvwxyz"
        s = letters[(value - 1) % 26]
        return s.upper() if fmt == "upperLetter" else s
    if fmt in ("upperRoman", "lowerRoman"):
        s = _roman(value)
        return s if fmt == "upperRoman" else s.lower()
    return str(value)


def _roman(value: int) -> str:
    out = ""
    for n, s in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while value >= n:
            out += s
            value -= n
    return out


def _walk_block(el: ElementTree.Element, lines: list[str], numbers: _Numbering) -> None:
    for child in el:
        if child.tag == f"{_W}p":
            lines.append(_paragraph_text(child, numbers))
        elif child.tag == f"{_W}tbl":
            for row in child.findall(f"{_W}tr"):
                cells = []
                for tc in row.findall(f"{_W}tc"):
                    parts = [_paragraph_text(p, numbers) for p in tc.iter(f"{_W}p")]
                    cells.append(" ".join(s.strip() for s in parts if s.strip()))
                if any(cells):
                    lines.append(" | ".join(cells))
            lines.append("")
        elif child.tag == f"{_W}sdt":
            content = child.find(f"{_W}sdtContent")
            if content is not None:
                _walk_block(content, lines, numbers)


def _paragraph_text(p: ElementTree.Element, numbers: _Numbering) -> str:
    prefix = ""
    ppr = p.find(f"{_W}pPr")
    if ppr is not None:
        num_pr = ppr.find(f"{_W}numPr")
        if num_pr is not None:
            num_id = _val(num_pr.find(f"{_W}numId"))
            ilvl = _val(num_pr.find(f"{_W}ilvl")) or "0"
            if num_id and num_id != "0":
                prefix = numbers.label(num_id, ilvl)
    out: list[str] = []
    for node in p.iter():
        if node.tag == f"{_W}t" and node.text:
            out.append(node.text)
        elif node.tag == f"{_W}tab":
            out.append("\t")
        elif node.tag in (f"{_W}br", f"{_W}cr"):
            out.append("\n")
    return prefix + "".join(out)
