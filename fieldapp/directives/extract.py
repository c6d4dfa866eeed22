"""Reading a received directive file: ``.txt``, ``.docx``, ``.doc`` (Word 97–2003), ``.odt``
(OpenDocument), ``.rtf``, web pages (``.htm``, ``.mht``), ``.pdf`` (text or scanned) and page
images (``.png``, ``.jpg``, ``.tif``, ``.webp``, an iPhone's ``.heic``).

The file type is decided by its content (magic bytes), not trusted from its name, so a
renamed spreadsheet is refused rather than read as garbage. Every refusal is a
:class:`~fieldapp.errors.UserError` with a one-line Vietnamese message. Output is NFC.

Word and PDF files keep where their text sits (:mod:`fieldapp.directives.layout`): the two
cells of the header table and of the bottom table stay apart instead of interleaving. PDF
pages without a text layer and image files are recognised with OCR
(:mod:`fieldapp.directives.ocr`), only those pages, within a time budget.
"""

from __future__ import annotations

import io
import os
import re
import time
import unicodedata
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from xml.etree import ElementTree

from fieldapp.compound_file import SIGNATURE as COMPOUND_FILE
from fieldapp.directives.layout import Layout, Segment, layout_from_pages
from fieldapp.errors import UserError
from fieldapp.progress import Progress, report

if TYPE_CHECKING:
    from PIL.Image import Image

MAX_FILE_BYTES = 20 * 1024 * 1024
"""Largest file accepted; checked with ``stat`` before anything is read."""

# A directive's document.xml is well under a few MB; anything far larger is a zip bomb.
MAX_DOCX_XML_BYTES = 40 * 1024 * 1024
MAX_DOCX_RATIO = 200
MAX_PDF_PAGES = 500
# Largest page image rendered from a PDF for OCR (an A4 page at 200 dpi is 3.9 Mpx).
MAX_RENDER_PIXELS = 12_000_000
OCR_DPI = 200

# Fewer visible characters than this on a page means it has no text layer.
_MIN_PDF_CHARS_PER_PAGE = 20

WORD_NAMESPACE = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_W = WORD_NAMESPACE
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_C1_RE = re.compile(r"[\x80-\x9f]")


@dataclass
class OcrInfo:
    """How the text of page images was recognised."""

    pages: int
    mean_confidence: float
    angles: list[float] = field(default_factory=list)

    def to_json_dict(self) -> dict[str, Any]:
        return {"pages": self.pages, "mean_confidence": round(self.mean_confidence, 1)}


@dataclass
class Extracted:
    """What was read from a file: its text in reading order, its zones (Word, PDF, OCR),
    how OCR went (None when no page needed it), a small picture of the first page, and the
    old font encoding the text was typed in ("tcvn3", "vni"; empty for Unicode)."""

    text: str
    layout: Layout | None = None
    ocr: OcrInfo | None = None
    file_kind: str = "txt"
    pages: int = 1
    preview: Image | None = None
    legacy_encoding: str = ""


def extract_text(path: str | os.PathLike[str]) -> str:
    """Return the text of a directive file, NFC-normalised, or raise ``UserError``."""
    return read_directive_file(path).text


def read_directive_file(
    path: str | os.PathLike[str],
    *,
    progress: Progress | None = None,
    preview: bool = False,
) -> Extracted:
    """Read a directive file of any accepted kind; OCR the pages that need it.

    ``preview`` also renders the first page as a small image (for the review form).
    """
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

    report(progress, 0, None, "Đang đọc tệp")
    document = None if _is_image(data) else _document_body(data, name)
    if data.lstrip()[:5] == b"%PDF-" or b"%PDF-" in data[:1024]:
        out = _pdf_read(data, name, progress, preview)
    elif document is not None:
        body, numbers, kind = document
        layout = _body_layout(body, numbers)
        out = Extracted(layout.to_text(), layout, file_kind=kind)
    elif _is_image(data):
        out = _image_read(p, name, progress, preview)
    else:
        out = Extracted(_decode_text(data, name))
    out.text = unicodedata.normalize("NFC", out.text)
    if out.layout is not None:
        out.legacy_encoding = out.layout.legacy_encoding
    _capitals_of_old_fonts(out)
    if not out.text.strip():
        raise UserError(f"Tệp {name} không có nội dung chữ.")
    return out


def _is_image(data: bytes) -> bool:
    return (
        data[:8] == b"\x89PNG\r\n\x1a\n"
        or data[:3] == b"\xff\xd8\xff"
        or data[:4] in (b"II*\x00", b"MM\x00*")
        or (data[:4] == b"RIFF" and data[8:12] == b"WEBP")
        or is_heif(data)
    )


# An iPhone saves its photos as HEIC (HEVC in an ISO box file), and so does a copy over USB.
_HEIF_BRANDS = (b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1")


def is_heif(data: bytes) -> bool:
    """True for an HEIC/HEIF photo: its first box is ``ftyp`` with an HEIF brand."""
    return data[4:8] == b"ftyp" and data[8:12] in _HEIF_BRANDS


def is_page(data: bytes) -> bool:
    """A web page (or an .mht holding one), judged by its first bytes."""
    head = data[:2048].lstrip(b"\xef\xbb\xbf\xff\xfe\x00 \t\r\n").replace(b"\x00", b"").lower()
    if head.startswith((b"<!doctype html", b"<html")):
        return True
    if head.startswith((b"<table", b"<meta", b"<head", b"<body", b"<style")):
        return b"<table" in head or b"<html" in head  # a page's body alone, as exports write
    if head.startswith(b"<?xml") or head.startswith(b"<!--"):
        return b"<html" in head
    if head.startswith((b"mime-version:", b"from:", b"content-type:")):
        return b"multipart/related" in head or b"text/html" in head
    return False


def _old_fonts(texts: list[str]) -> tuple[Callable[[str], str] | None, str]:
    """Text typed with the old TCVN3 (.VnTime) or VNI fonts comes out of a Word, RTF, web
    page or PDF as the Latin-1 letters those fonts drew as Vietnamese ("Uû ban nh©n d©n").
    The conversion to Unicode for ``texts`` (a file's runs or segments), and the encoding;
    ``(None, "")`` for Unicode text, which is never touched.

    The runs with a letter only Unicode has are Unicode (a template's header typed in Times
    New Roman above a body typed in .VnTime); the others are judged together
    (:func:`fieldapp.text.legacy.legacy_decoder`: converted only if that reads clearly more
    Vietnamese) and, if so, converted. Applied before the layout is found, whose cues
    ("Nơi nhận", "CỘNG HÒA") are Vietnamese words."""
    from fieldapp.text.legacy import has_unicode_letters, legacy_decoder, tcvn3_capitals

    plain = [t for t in texts if not has_unicode_letters(t)]
    found, encoding = legacy_decoder([" ".join(plain)[:200_000]])
    if found is None:
        return None, ""

    def convert(text: str) -> str:
        if has_unicode_letters(text):
            return text
        return tcvn3_capitals(found(text)) if encoding == "tcvn3" else found(text)

    return convert, encoding


def _capitals_of_old_fonts(out: Extracted) -> None:
    """After a TCVN3 conversion: capitals typed in the all-caps font (.VnTimeH) put back in
    every line of the layout (a line may have come in several runs or segments), and the
    text made again from it."""
    if out.legacy_encoding != "tcvn3" or out.layout is None:
        return
    from fieldapp.text.legacy import tcvn3_capitals

    for zone in out.layout.zones():
        zone[:] = [tcvn3_capitals(line) for line in zone]
    out.text = unicodedata.normalize("NFC", out.layout.to_text())


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
                    f"Tệp {name} có dấu BOM {codec.upper()} nhưng nội dung bị lỗi mã hóa."
                ) from None
            return _refuse_if_binary(text, name)
    if b"\x00" in data:
        # UTF-16 without a BOM is ambiguous and rare; NUL bytes almost always mean binary.
        raise UserError(f"Tệp {name} không phải văn bản (tệp nhị phân hoặc sai loại).")
    try:
        return _refuse_if_binary(data.decode("utf-8"), name)
    except UnicodeDecodeError:
        pass
    # Old Vietnamese files: typed with the TCVN3 (.VnTime) or VNI fonts, or saved in
    # Windows-1258, whichever reads Vietnamese. Windows-1258 only if every byte maps and no
    # C1 control characters come out; otherwise the guess would silently give wrong letters.
    from fieldapp.text.legacy import decode_bytes, tcvn3_capitals

    text, encoding = decode_bytes(data)
    if encoding in ("tcvn3", "vni") and not (_C1_RE.search(text) or "\ufffd" in text):
        return _refuse_if_binary(tcvn3_capitals(text) if encoding == "tcvn3" else text, name)
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


def open_pdf(data: bytes, name: str):
    """The PDF ``data`` opened by pdfium, or a :class:`UserError` saying why not (locked,
    damaged, the reader missing)."""
    try:
        import pypdfium2 as pdfium
    except ImportError:  # pragma: no cover - pypdfium2 is a runtime dependency
        raise UserError("Chưa cài thư viện đọc PDF (pypdfium2); không đọc được tệp PDF.") from None
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as err:
        if "password" in str(err).lower():
            raise UserError(f"Tệp PDF {name} có mật khẩu; không đọc được.") from None
        raise UserError(f"Tệp PDF {name} bị hỏng hoặc không đọc được.") from None


def _pdf_read(data: bytes, name: str, progress: Progress | None, preview: bool) -> Extracted:
    import pypdfium2 as pdfium

    from fieldapp.directives import ocr

    pdf = open_pdf(data, name)
    try:
        n_pages = len(pdf)
        if n_pages == 0:
            raise UserError(f"Tệp PDF {name} không có trang nào.")
        if n_pages > MAX_PDF_PAGES:
            raise UserError(f"Tệp PDF {name} có {n_pages} trang, quá dài cho một văn bản.")
        pages: list[tuple[float, float, list[Segment]] | None] = []
        scanned: list[int] = []
        layers: dict[int, tuple[float, float, list[Segment]]] = {}  # doubtful text layers
        for i in range(n_pages):
            page = pdf[i]
            width, height = page.get_size()
            segments = _pdf_segments(page, height)
            visible = sum(len("".join(s.text.split())) for s in segments)
            if visible < _MIN_PDF_CHARS_PER_PAGE or not _readable_layer(segments):
                scanned.append(i)
                pages.append(None)
                if visible >= _MIN_PDF_CHARS_PER_PAGE:
                    layers[i] = (width, height, segments)
            else:
                pages.append((width, height, segments))
            if len(scanned) > ocr.MAX_OCR_PAGES:
                raise UserError(
                    f"Tệp PDF {name} có hơn {ocr.MAX_OCR_PAGES} trang quét (không có lớp chữ); "
                    "quá dài để nhận dạng chữ một lần. Hãy tách ra hoặc nhập tay."
                )
        info = None
        if scanned:
            deadline = time.monotonic() + ocr.TIME_BUDGET_S

            def loader(index: int):
                return lambda: _render(pdf[index], name)

            try:
                done = ocr.recognise(
                    [loader(i) for i in scanned], name, progress=progress, deadline=deadline
                )
            except UserError:
                if len(layers) < len(scanned):
                    raise  # a page without text: nothing to fall back on
                done = None  # OCR not possible here: the doubtful text layers are kept
                for index, layer in layers.items():
                    pages[index] = layer
                scanned = []
            if done is not None:
                info = _ocr_info(done, name)
                for index, page in zip(scanned, done, strict=True):
                    pages[index] = (page.width, page.height, page.segments)
        text_segments = [s for i, p in enumerate(pages) if p and i not in scanned for s in p[2]]
        convert, encoding = _old_fonts([s.text for s in text_segments])
        if convert is not None:
            for segment in text_segments:
                segment.text = convert(segment.text)
        layout = layout_from_pages([p for p in pages if p is not None])
        layout.legacy_encoding = encoding
        image = _render(pdf[0], name, max_side=1400) if preview else None
    except UserError:
        raise
    except (pdfium.PdfiumError, ValueError, OSError, MemoryError):
        raise UserError(f"Tệp PDF {name} bị hỏng hoặc không đọc được.") from None
    finally:
        pdf.close()
    return Extracted(layout.to_text(), layout, info, "pdf", n_pages, image)


_UNREADABLE_RE = re.compile("[\ue000-\uf8ff\ufffd\x00-\x08\x0b-\x1f\x7f-\x9f]")


def mapped_to_letters(text: str) -> bool:
    """Are (nearly all) the characters of a PDF's text real ones? Not when more than one in
    ten are codes the PDF never mapped to letters (private-use, replacement, control: a font
    without a Unicode table)."""
    shown = "".join(text.split())
    return not shown or len(_UNREADABLE_RE.findall(shown)) <= 0.1 * len(shown)


def _readable_layer(segments: list[Segment]) -> bool:
    """Is a page's text layer what the page shows? Not when its characters are codes the
    PDF never mapped to letters (private-use, replacement, control: a font without a
    Unicode table), nor when a page of Vietnamese words has lost every tone mark (a copier
    that recognised the scan as English: "UY BAN NHAN DAN"). Such a page is recognised
    again from its image, like a scan."""
    text = " ".join(s.text for s in segments)
    if not mapped_to_letters(text):
        return False
    words = [w for w in text.split() if any(ch.isalpha() for ch in w)]
    if len(words) < 40:
        return True
    marked = sum(1 for w in words if not w.isascii())
    return marked >= 0.05 * len(words)


def _pdf_segments(page, height: float) -> list[Segment]:
    """Text runs of a PDF page with their boxes (top-left origin, points).

    Straight through pdfium's C API with one reused buffer: this runs for every line of every
    PDF, and the convenience wrappers ask pdfium twice per run."""
    import ctypes

    import pypdfium2.raw as pdfium_c

    textpage = page.get_textpage()
    try:
        n = pdfium_c.FPDFText_CountRects(textpage, 0, -1)
        left, top, right, bottom = (ctypes.c_double() for _ in range(4))
        size = 4096
        buffer = (ctypes.c_ushort * size)()
        out = []
        for r in range(n):
            if not pdfium_c.FPDFText_GetRect(textpage, r, left, top, right, bottom):
                continue
            box = (left.value, top.value, right.value, bottom.value)
            count = pdfium_c.FPDFText_GetBoundedText(textpage, *box, buffer, size)
            if count >= size:  # a run longer than the buffer: ask for its length first
                count = pdfium_c.FPDFText_GetBoundedText(textpage, *box, None, 0)
                big = (ctypes.c_ushort * count)()
                pdfium_c.FPDFText_GetBoundedText(textpage, *box, big, count)
                raw = bytes(big)
            else:
                raw = ctypes.string_at(buffer, 2 * max(0, count))
            text = raw.decode("utf-16-le", errors="ignore").replace("\x00", "")
            text = " ".join(text.replace("\r", " ").replace("\n", " ").split())
            if text:
                out.append(Segment(box[0], height - box[1], box[2], height - box[3], text))
        return out
    finally:
        textpage.close()


def _render(page, name: str, max_side: int | None = None):
    """A page as a greyscale image at 200 dpi (smaller if the page is huge)."""
    width, height = page.get_size()
    scale = OCR_DPI / 72
    if width * height * scale * scale > MAX_RENDER_PIXELS:
        scale = (MAX_RENDER_PIXELS / max(1.0, width * height)) ** 0.5
    if max_side:
        scale = min(scale, max_side / max(1.0, width, height))
    if width * scale < 16 or height * scale < 16:
        raise UserError(f"Trang của tệp PDF {name} quá nhỏ để đọc.")
    return page.render(scale=scale, grayscale=True).to_pil()


def _ocr_info(pages: list, name: str) -> OcrInfo:
    words = sum(p.words for p in pages)
    if words < 5:
        raise UserError(
            f"Không nhận ra chữ nào trong {name}: ảnh có thể mờ, nhiễu hoặc không phải văn bản. "
            "Hãy quét hoặc chụp lại rõ hơn, hoặc nhập tay."
        )
    mean = sum(p.confidence * p.words for p in pages) / words
    return OcrInfo(len(pages), mean, [p.angle for p in pages])


def _image_read(path: Path, name: str, progress: Progress | None, preview: bool) -> Extracted:
    from fieldapp.directives import ocr

    ocr.check_engine()
    images = ocr.open_image(path, name)
    done = ocr.recognise([lambda im=im: im for im in images], name, progress=progress)
    info = _ocr_info(done, name)
    layout = layout_from_pages([(p.width, p.height, p.segments) for p in done])
    image = None
    if preview:
        image = images[0].convert("L")
        image.thumbnail((1400, 1400))
    return Extracted(layout.to_text(), layout, info, "image", len(images), image)


# --- DOCX -------------------------------------------------------------------------------------


def _document_body(data: bytes, name: str) -> tuple[ElementTree.Element, _Numbering, str] | None:
    """A word-processing document (Word .docx or .doc, OpenDocument, RTF, a web page) as a
    WordprocessingML ``w:body`` with its numbering and its kind; None for other files (PDF,
    images, plain text). Raises :class:`UserError` for a damaged or hostile document."""
    if data.lstrip()[:5] == b"%PDF-" or b"%PDF-" in data[:1024]:
        return None
    if data[:4] == b"PK\x03\x04":
        return _zip_body(data, name)
    if data.startswith(COMPOUND_FILE):  # Word 97-2003 (.doc)
        from fieldapp.directives.word97 import doc_body

        return doc_body(data, name), _Numbering(None), "doc"
    if data.lstrip()[:5] == b"{\\rtf":  # Rich Text Format, often named .doc
        from fieldapp.directives.rtf import rtf_body

        return rtf_body(data, name), _Numbering(None), "rtf"
    if is_page(data):  # .htm, .mht, or Word's "Web Page" saved as .doc
        from fieldapp.directives.webpage import page_body

        return page_body(data, name), _Numbering(None), "html"
    return None


def _zip_body(data: bytes, name: str) -> tuple[ElementTree.Element, _Numbering, str]:
    """A zipped document: Word (.docx) or OpenDocument text (.odt)."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError):
        raise UserError(f"Tệp {name} bị hỏng (tệp nén không hợp lệ).") from None
    with zf:
        names = set(zf.namelist())
        main = _word_main_part(zf, names, name)
        if main is not None:
            body, numbers = _docx_body(zf, main, name)
            return body, numbers, "docx"
        if "mimetype" in names and "content.xml" in names:
            from fieldapp.directives import opendocument

            mimetype = _read_member(zf, zf.getinfo("mimetype"), name)[:100]
            if mimetype.decode("ascii", "replace").strip() in opendocument.TEXT_MIMETYPES:
                if "META-INF/manifest.xml" in names and b"encryption-data" in _read_member(
                    zf, zf.getinfo("META-INF/manifest.xml"), name
                ):
                    raise UserError(
                        f"Tệp {name} có mật khẩu: hãy mở bằng LibreOffice, bỏ mật khẩu rồi lưu "
                        "lại (hoặc lưu thành PDF)."
                    )
                content = _read_member(zf, zf.getinfo("content.xml"), name)
                return opendocument.odt_body(content, name), _Numbering(None), "odt"
    raise UserError(
        f"Tệp {name} không phải văn bản Word hay OpenDocument; chỉ nhận .docx, .doc, .odt, "
        ".rtf, .htm, .pdf, ảnh hoặc .txt."
    )


_STRICT_W = b"http://purl.oclc.org/ooxml/wordprocessingml/main"
_TRANSITIONAL_W = WORD_NAMESPACE[1:-1].encode("ascii")


def _word_main_part(zf: zipfile.ZipFile, names: set[str], name: str) -> str | None:
    """The main part of a Word file: word/document.xml, or where the package's relationships
    say (some tools write word/document2.xml); None if the zip is no Word file."""
    if "word/document.xml" in names:
        return "word/document.xml"
    if "_rels/.rels" not in names:
        return None
    try:
        rels = ElementTree.fromstring(_read_member(zf, zf.getinfo("_rels/.rels"), name))
    except ElementTree.ParseError:
        return None
    for rel in rels:
        if rel.get("Type", "").endswith("/officeDocument"):
            target = rel.get("Target", "").lstrip("/")
            if target in names and target.endswith(".xml"):
                return target
    return None


def _docx_body(zf: zipfile.ZipFile, main: str, name: str) -> tuple[ElementTree.Element, _Numbering]:
    document = _read_member(zf, zf.getinfo(main), name)
    numbering = None
    folder = main.rpartition("/")[0]
    try:
        num_info = zf.getinfo(f"{folder}/numbering.xml" if folder else "numbering.xml")
    except KeyError:
        num_info = None
    # Word's templates carry a numbering part even when no paragraph is numbered.
    if num_info is not None and b"numPr" in document:
        numbering = _read_member(zf, num_info, name)
    # "Strict Open XML" (a choice in Word's Save As) names the same elements otherwise.
    document = document.replace(_STRICT_W, _TRANSITIONAL_W)
    if numbering is not None:
        numbering = numbering.replace(_STRICT_W, _TRANSITIONAL_W)
    try:
        root = ElementTree.fromstring(document)
    except ElementTree.ParseError:
        raise UserError(f"Tệp {name} bị hỏng (nội dung Word không đọc được).") from None
    numbers = _Numbering(numbering)
    body = root.find(f"{_W}body")
    if body is None:
        raise UserError(f"Tệp {name} bị hỏng (không có phần thân văn bản).")
    return body, numbers


def _body_layout(body: ElementTree.Element, numbers: _Numbering) -> Layout:
    """Zones of a Word body: marks above, the header table's two cells, the body, and the
    bottom table (Nơi nhận, signing block) if there is one."""
    blocks = list(_blocks(body))
    layout = Layout(legacy_encoding=_body_from_old_fonts(body))
    tables = [i for i, b in enumerate(blocks) if b.tag == f"{_W}tbl"]
    first_text = next(
        (i for i, b in enumerate(blocks) if b.tag == f"{_W}p" and _is_body_paragraph(b, numbers)),
        len(blocks),
    )
    header = (
        tables[0] if tables and tables[0] <= first_text and _columns(blocks[tables[0]]) else None
    )
    footer = None
    if tables and tables[-1] != header and _columns(blocks[tables[-1]]):
        last = blocks[tables[-1]]
        text = _plain_text(last).lower()
        after = (
            [b for b in blocks[tables[-1] + 1 :] if _paragraph_text(b, numbers).strip()]
            if all(b.tag == f"{_W}p" for b in blocks[tables[-1] + 1 :])
            else None
        )
        if ("nơi nhận" in text or _SIGN_RE.search(text)) and after is not None and len(after) <= 3:
            footer = tables[-1]
    start = 0
    if header is not None:
        for b in blocks[:header]:
            layout.above.extend(_lines_of(b, numbers))
        left, right = _table_columns(blocks[header], numbers, layout.above)
        layout.header_left, layout.header_right = left, right
        start = header + 1
    end = footer if footer is not None else len(blocks)
    lines: list[str] = []
    _walk_block_list(blocks[start:end], lines, numbers)
    layout.body = lines
    if footer is not None:
        left, right = _table_columns(blocks[footer], numbers, None)
        layout.footer_left, layout.footer_right = left, right
        for b in blocks[footer + 1 :]:
            layout.footer_right.extend(_lines_of(b, numbers))
    return layout


def _body_from_old_fonts(body: ElementTree.Element) -> str:
    """Convert a body's runs typed in the old fonts (:func:`_old_fonts`) in place; the
    encoding converted from, or ""."""
    pieces = [t for t in body.iter(f"{_W}t") if t.text]
    convert, encoding = _old_fonts([t.text or "" for t in pieces])
    if convert is not None:
        for t in pieces:
            t.text = convert(t.text or "")
    return encoding


TABLE_TITLE_LINES = 6


def document_tables(path: str | os.PathLike[str]) -> list[tuple[list[str], list[list[str]]]]:
    """The tables of a word-processing document (Word .docx or .doc, OpenDocument, RTF, a web
    page) or of a PDF printed from one or from a spreadsheet (:mod:`pdf_tables`): for each,
    the lines of text just above it (its title: "DANH SÁCH HỘ ... THÔN 3",
    at most :data:`TABLE_TITLE_LINES`) and its rows of cell texts, a merged cell followed by
    empty ones for the columns it spans, so every row keeps the columns of the grid. Text
    typed in the old fonts comes out in Unicode. The same limits and refusals (a
    :class:`UserError`) as for directives."""
    p = Path(path)
    name = p.name
    try:
        size = p.stat().st_size
        if size > MAX_FILE_BYTES:
            raise UserError(f"Tệp {name} quá lớn ({size // (1024 * 1024)} MB); giới hạn là 20 MB.")
        data = p.read_bytes()
    except OSError as err:
        raise UserError(f"Không đọc được tệp {name}: {err.strerror or err}") from None
    if data[:1024].lstrip().startswith(b"%PDF-"):
        from fieldapp.directives.pdf_tables import pdf_tables

        return pdf_tables(data, name)
    document = _document_body(data, name)
    if document is None:
        raise UserError(
            f"Tệp {name} không phải văn bản Word, OpenDocument, RTF, trang web hay PDF."
        )
    body, numbers, _kind = document
    _body_from_old_fonts(body)
    tables: list[tuple[list[str], list[list[str]]]] = []
    above: list[str] = []
    for block in _blocks(body):
        if block.tag == f"{_W}p":
            for line in _paragraph_text(block, numbers).split("\n"):
                if line.strip():
                    above = [*above, unicodedata.normalize("NFC", line.strip())]
            above = above[-TABLE_TITLE_LINES:]
            continue
        rows = []
        for tr in block.findall(f"{_W}tr"):
            row: list[str] = []
            for tc in tr.findall(f"{_W}tc"):
                text = " ".join(_cell_lines(tc, numbers))
                row.append(unicodedata.normalize("NFC", text))
                row.extend([""] * (_span(tc) - 1))
            rows.append(row)
        tables.append((above, rows))
        above = []
    return tables


def _span(tc: ElementTree.Element) -> int:
    span = tc.find(f"{_W}tcPr/{_W}gridSpan")
    try:
        return max(1, min(int(_val(span) or "1"), 64))
    except ValueError:
        return 1


_SIGN_RE = re.compile(r"\b(?:t/m|tm\.|kt\.|tl\.|tuq\.|q\.)\s|chủ tịch|bí thư|giám đốc|trưởng ban")


def _blocks(el: ElementTree.Element):
    for child in el:
        if child.tag in (f"{_W}p", f"{_W}tbl"):
            yield child
        elif child.tag == f"{_W}sdt":
            content = child.find(f"{_W}sdtContent")
            if content is not None:
                yield from _blocks(content)


def _is_body_paragraph(p: ElementTree.Element, numbers: _Numbering) -> bool:
    """A paragraph long enough to be body text (marks like "KHẨN" above the header are not)."""
    return len(_plain_text(p).strip()) > 40


def _columns(tbl: ElementTree.Element) -> bool:
    return any(len(row.findall(f"{_W}tc")) >= 2 for row in tbl.findall(f"{_W}tr"))


def _lines_of(el: ElementTree.Element, numbers: _Numbering) -> list[str]:
    lines: list[str] = []
    _walk_block_list([el], lines, numbers)
    return [line for line in lines if line.strip()]


def _table_columns(
    tbl: ElementTree.Element, numbers: _Numbering, spanning: list[str] | None
) -> tuple[list[str], list[str]]:
    """The lines of a two-column table's left and right cells, row by row; a row of one
    merged cell goes to ``spanning`` (or to the left) instead."""
    left: list[str] = []
    right: list[str] = []
    for row in tbl.findall(f"{_W}tr"):
        cells = row.findall(f"{_W}tc")
        if not cells:
            continue
        if len(cells) == 1:
            (spanning if spanning is not None else left).extend(_cell_lines(cells[0], numbers))
            continue
        left.extend(_cell_lines(cells[0], numbers))
        for tc in cells[1:]:
            right.extend(_cell_lines(tc, numbers))
    return left, right


def _cell_lines(tc: ElementTree.Element, numbers: _Numbering) -> list[str]:
    out = []
    for p in _own_paragraphs(tc):
        for line in _paragraph_text(p, numbers).split("\n"):
            if line.strip():
                out.append(line.strip())
    return out


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
                start = _start_value(_val(lvl.find(f"{_W}start")))
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
        if not ilvl.isdigit() or int(ilvl) > 8:
            return ""
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


# Word itself stops at 32767; a larger start is a hostile or broken file, read as 1.
_MAX_NUMBER_START = 32767


def _start_value(text: str | None) -> int:
    if not text or not re.fullmatch(r"\d{1,6}", text.strip()):
        return 1
    value = int(text)
    return value if value <= _MAX_NUMBER_START else 1


def _val(el: ElementTree.Element | None) -> str | None:
    return None if el is None else el.get(f"{_W}val")


def _format_number(value: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        letters = "abcdefghijklmnopqrstuvwxyz"
        s = letters[(value - 1) % 26]
        return s.upper() if fmt == "upperLetter" else s
    if fmt in ("upperRoman", "lowerRoman") and 0 < value < 4000:
        s = _roman(value)
        return s if fmt == "upperRoman" else s.lower()
    return str(value)


def _roman(value: int) -> str:
    out = ""
    for n, s in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while value >= n:
            out += s
            value -= n
    return out


def _walk_block_list(
    blocks: list[ElementTree.Element], lines: list[str], numbers: _Numbering
) -> None:
    for child in blocks:
        if child.tag == f"{_W}p":
            lines.append(_paragraph_text(child, numbers))
        elif child.tag == f"{_W}tbl":
            for row in child.findall(f"{_W}tr"):
                cells = []
                for tc in row.findall(f"{_W}tc"):
                    parts = [_paragraph_text(p, numbers) for p in _own_paragraphs(tc)]
                    cells.append(" ".join(s.strip() for s in parts if s.strip()))
                if any(cells):
                    lines.append(" | ".join(cells))
            lines.append("")
        elif child.tag == f"{_W}sdt":
            content = child.find(f"{_W}sdtContent")
            if content is not None:
                _walk_block_list(list(content), lines, numbers)


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
    return prefix + _plain_text(p)


# A text box (the "HỎA TỐC" or "DỰ THẢO" stamp, sometimes the number) is stored twice: as a
# drawing in mc:Choice and again in VML in mc:Fallback, for old Word. Only the first is read.
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# Not the page's text: fallback copies, and with changes tracked, text moved away from
# here (it is read where it went, in w:moveTo) and deleted runs.
_NOT_READ = frozenset((_MC_FALLBACK, f"{_W}moveFrom", f"{_W}del"))
_END_OF_BOX_LINE = ElementTree.Element("end of a text box's paragraph")


def _plain_text(el: ElementTree.Element) -> str:
    """The text of a paragraph (or any element): runs, tabs and breaks, each paragraph of a
    text box anchored in it on a line of its own, fallback copies skipped. Walked with a
    stack, not recursion: the nesting of a hostile file is not bounded."""
    out: list[str] = []
    stack = [iter(el)]
    while stack:
        node = next(stack[-1], None)
        if node is None:
            stack.pop()
        elif node is _END_OF_BOX_LINE:
            out.append("\n")
        elif node.tag == f"{_W}t":
            out.append(node.text or "")
        elif node.tag == f"{_W}tab":
            out.append("\t")
        elif node.tag in (f"{_W}br", f"{_W}cr"):
            out.append("\n")
        elif node.tag == f"{_W}p":
            out.append("\n")
            stack += [iter((_END_OF_BOX_LINE,)), iter(node)]
        elif node.tag not in _NOT_READ:
            stack.append(iter(node))
    return "".join(out)


def _own_paragraphs(el: ElementTree.Element) -> Iterator[ElementTree.Element]:
    """The paragraphs of a table cell in order, not those inside their text boxes (read with
    the paragraph that anchors them) nor fallback copies."""
    stack = [iter(el)]
    while stack:
        node = next(stack[-1], None)
        if node is None:
            stack.pop()
        elif node.tag == f"{_W}p":
            yield node
        elif node.tag not in _NOT_READ:
            stack.append(iter(node))
