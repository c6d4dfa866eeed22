"""Opening the files household lists arrive in: .xlsx, .xls, .ods and .csv, within bounds,
and the tables of Word (.docx, .doc), LibreOffice (.odt), RTF, web-page and PDF files. What
web systems export as ".xls" is read as what it is: a web page, Excel's XML Spreadsheet
2003, or comma-separated text.

Every format gives the same thing: the sheets in workbook order, each with its name, whether
it is hidden, and its rows as lists of plain values (str, int, float, date, datetime, None).
The spreadsheet formats are read by python-calamine (fast, and it knows Excel 97–2003);
.csv by the standard library, in UTF-8, Windows-1258 or TCVN3 (:mod:`fieldapp.text.legacy`).

Hostile files are refused *before* the reader sees them, with a :class:`UserMistake`:

- a file over :data:`MAX_FILE_BYTES`;
- a zip (xlsx, ods) whose parts inflate past :data:`MAX_PART_BYTES` each, or
  :data:`MAX_TOTAL_BYTES` in all, or at a ratio over :data:`MAX_RATIO` (a zip bomb, a
  shared-strings bomb) — measured by inflating, never by trusting the sizes the zip declares;
- a sheet whose cells, wherever they are, span more than :data:`MAX_CELLS` (the declared
  ``<dimension>`` is never trusted: the cells' own references are measured);
- an .xls whose records (:mod:`xls_check`) put cells a sheet apart, or whose cells copy more
  than :data:`MAX_XLS_TEXT` characters out of the shared strings;
- an .ods whose repeated rows and cells stand for too many cells or too much text.

Empty rows cost nothing (the reader skips cells without a value), and one cell's text is cut
to :data:`MAX_CELL_CHARS` characters by :func:`clip`.
"""

from __future__ import annotations

import csv
import io
import re
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from fieldapp.compound_file import SIGNATURE as COMPOUND_FILE
from fieldapp.errors import NotFound, UserMistake
from fieldapp.text.legacy import decode_bytes

SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods", ".csv", ".txt", ".tsv")
DOCUMENT_SUFFIXES = (".docx", ".doc", ".odt", ".rtf", ".htm", ".html", ".pdf")
"""Lists typed as a table in Word (or LibreOffice, or saved as a page), or printed to PDF
from Word or a spreadsheet with the cells' borders: each table a sheet."""
MAX_FILE_BYTES = 200 * 1024 * 1024
MAX_PART_BYTES = 400 * 1024 * 1024
MAX_TOTAL_BYTES = 1024 * 1024 * 1024
MAX_RATIO = 200  # inflated / compressed, for parts over RATIO_FLOOR
RATIO_FLOOR = 20 * 1024 * 1024
MAX_CELLS = 12_000_000  # about 400 MB in the reader: 700,000 rows of 17 columns
MAX_ODS_CELLS = 3_000_000  # the .ods reader keeps about 120 bytes a cell
MAX_XLS_BYTES = 100 * 1024 * 1024
MAX_XLS_CELLS = 4_000_000  # the reader makes every cell between the first and the last
MAX_XLS_TEXT = 60_000_000  # characters of text in all the cells, as the reader copies them
MAX_ODS_TEXT = 60_000_000  # characters of text, as repeated
MAX_CELL_CHARS = 2_000
# Read and scanned a piece at a time: the regular expressions hold Python's lock while they
# scan, and the window waits for it (issue 17, bench gui_stall): a 4 MB piece of a sheet took
# 45 ms to scan, gaps of 70-90 ms in the window under load; 512 KB takes 9 ms.
_CHUNK = 512 * 1024

Row = list


@dataclass
class Sheet:
    """One sheet: ``rows()`` gives its rows from the first (row 1) on, each a list."""

    name: str
    hidden: bool
    rows: Callable[[], Iterator[Row]]
    first_row: int = 1  # the sheet row number of the first row ``rows()`` gives


@dataclass
class Workbook:
    file_name: str
    sheets: list[Sheet]
    encoding: str = ""  # for .csv: utf-8, windows-1258, tcvn3
    close: Callable[[], None] = lambda: None


def clip(text: str) -> str:
    return text if len(text) <= MAX_CELL_CHARS else text[:MAX_CELL_CHARS]


def open_workbook(path: str | Path) -> Workbook:
    """Open ``path`` for reading; raises :class:`UserMistake` / :class:`NotFound`."""
    path = Path(path)
    if not path.is_file():
        raise NotFound(f"Không tìm thấy tệp {path.name}.")
    suffix = path.suffix.lower()
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise UserMistake(
            f"Tệp {path.name} quá lớn ({size // (1024 * 1024)} MB, tối đa "
            f"{MAX_FILE_BYTES // (1024 * 1024)} MB). Hãy chia danh sách thành nhiều tệp. "
            "Không có gì được ghi."
        )
    if suffix in (".csv", ".txt", ".tsv"):  # Excel's "Unicode Text" is a tab-separated .txt
        return _open_csv(path)
    if suffix in DOCUMENT_SUFFIXES:
        return _open_document(path)
    if suffix not in SUFFIXES:
        raise UserMistake(
            f"Tệp {path.name} không phải danh sách đọc được: cần tệp Excel (.xlsx, .xls), "
            "LibreOffice (.ods), .csv hoặc bảng trong tệp Word (.docx, .doc)."
        )
    with path.open("rb") as f:
        head = f.read(4096)
    # The name may not say what the file is (an .xlsx saved as ".xls", a Word table sent as
    # ".xls"): what it holds decides how it is read.
    if head.startswith(b"PK"):
        kind = _zip_kind(path)
        if kind == "document":
            return _open_document(path)
        _check_zip(path)
        if kind == "ods":
            _check_ods(path)
    elif head.startswith(COMPOUND_FILE):  # the OLE2 container of .xls (or of a Word .doc)
        if _is_word97(path):
            return _open_document(path)
        kind = "xls"
        _check_xls(path)
    else:
        # What web systems export as "Excel": a web page, Excel's XML Spreadsheet 2003 or
        # plain comma-separated text, named .xls. Read as what it is.
        from fieldapp.directives.extract import is_page

        if _is_spreadsheet_xml(head):
            return _open_spreadsheet_xml(path)
        if is_page(head):
            return _open_document(path)
        if head and _is_text(head):
            return _open_csv(path)
        raise UserMistake(
            f"Tệp {path.name} không phải tệp bảng tính đọc được, hoặc đã hỏng. "
            "Không có gì được ghi."
        )
    return _open_calamine(path, kind)


# --------------------------------------------------------------------------------------------
# Zip parts: inflated and measured before any parser sees them
# --------------------------------------------------------------------------------------------

_CELL_REF = re.compile(rb'<(?:\w+:)?c r="([A-Z]{1,3})([0-9]{1,7})"')
_WIDE_COLUMN = re.compile(rb'<(?:\w+:)?c r="([A-Z]{2,3})[0-9]')
_DEEP_ROW = re.compile(rb'<(?:\w+:)?c r="[A-Z]{1,3}([0-9]{6,7})"')


def _extent(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> tuple[int, int]:
    """The last row and column that a sheet's cells name, measured over every cell."""
    height = width = 0
    tail = b""
    with archive.open(info) as part:
        while chunk := part.read(_CHUNK):
            text = tail + chunk
            found = _CELL_REF.findall(text)
            if found:
                width = max(width, *(_column_number(c) for c in {c for c, _r in found}))
                height = max(height, *(int(r) for _c, r in found))
            tail = text[-40:]
    return height, width


def _damaged(path: Path) -> UserMistake:
    return UserMistake(
        f"Tệp {path.name} bị hỏng hoặc không đúng định dạng bảng tính. Không có gì được ghi."
    )


def _bomb(path: Path, why: str) -> UserMistake:
    return UserMistake(
        f"Tệp {path.name} bị từ chối: {why}. Tệp như vậy thường là tệp hỏng hoặc cố ý gây "
        "treo máy. Không có gì được ghi."
    )


def _column_number(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n


def _check_zip(path: Path) -> None:
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise _damaged(path) from exc
    total = 0
    with archive:
        for info in archive.infolist():
            if info.is_dir():
                continue
            is_sheet = info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml")
            inflated = 0
            rows: list[bytes] = [b"0"]
            columns: set[bytes] = set()
            any_cell = False
            tail = b""
            try:
                with archive.open(info) as part:
                    while True:
                        chunk = part.read(_CHUNK)
                        if not chunk:
                            break
                        inflated += len(chunk)
                        total += len(chunk)
                        if inflated > MAX_PART_BYTES:
                            raise _bomb(path, f"phần {info.filename} giải nén quá lớn")
                        if total > MAX_TOTAL_BYTES:
                            raise _bomb(path, "nội dung giải nén quá lớn")
                        if inflated > RATIO_FLOOR and inflated > MAX_RATIO * max(
                            1, info.compress_size
                        ):
                            raise _bomb(path, f"phần {info.filename} nén bất thường (zip bomb)")
                        if is_sheet:
                            # Only the references that could make a big sheet are collected:
                            # columns of two or three letters, rows of six or seven digits.
                            text = tail + chunk
                            columns.update(_WIDE_COLUMN.findall(text))
                            deep = _DEEP_ROW.findall(text)
                            if deep:
                                longest = max(len(r) for r in deep)
                                rows.append(max(r for r in deep if len(r) == longest))
                            any_cell = any_cell or _CELL_REF.search(text) is not None
                            tail = text[-40:]
            except (zipfile.BadZipFile, zlib.error, OSError, EOFError, NotImplementedError) as exc:
                raise _damaged(path) from exc
            if is_sheet and any_cell:
                height = max(99_999, *(int(r) for r in rows))
                width = max([26] + [_column_number(c) for c in columns])
                if height * width > MAX_CELLS:  # the cheap bound says maybe: measure exactly
                    height, width = _extent(archive, info)
                if height * width > MAX_CELLS:
                    raise _bomb(
                        path,
                        f"một trang có ô ở dòng {height}, cột {width}: bảng quá lớn để đọc "
                        f"(tối đa {_count(MAX_CELLS)} ô)",
                    )


_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"


def _check_ods(path: Path) -> None:
    """An .ods repeats a row or a cell by a count ("number-rows-repeated"): a few bytes can
    stand for millions of cells, which the reader would all make. Measure the cells with a
    value, as repeated, before it does."""
    from xml.parsers import expat

    rows_key, cols_key = f"{_TABLE} number-rows-repeated", f"{_TABLE} number-columns-repeated"
    value_key, string_key = f"{_OFFICE} value-type", f"{_OFFICE} string-value"
    cell_names = (f"{_TABLE} table-cell", f"{_TABLE} covered-table-cell")
    state = {"height": 0, "last": 0, "width": 0, "repeat": 1, "col": 0, "value_col": 0,
             "cell_repeat": 0, "cell_text": 0, "row_text": 0, "text": 0}  # fmt: skip

    def start(name: str, attrs: dict) -> None:
        if name == f"{_TABLE} table":
            state.update(height=0, last=0, width=0)
        elif name == f"{_TABLE} table-row":
            state.update(repeat=_repeat(attrs.get(rows_key)), col=0, value_col=0, row_text=0)
        elif name in cell_names:
            state["cell_repeat"] = repeat = _repeat(attrs.get(cols_key))
            state["col"] += repeat
            state["cell_text"] = len(attrs.get(string_key, ""))
            if value_key in attrs:
                state["value_col"] = state["col"]

    def text(data: str) -> None:
        if state["cell_repeat"]:
            state["cell_text"] += len(data)

    def end(name: str) -> None:
        if name in cell_names:
            state["row_text"] += state["cell_text"] * state["cell_repeat"]
            state["cell_repeat"] = state["cell_text"] = 0
            return
        if name != f"{_TABLE} table-row":
            return
        state["height"] += state["repeat"]
        state["text"] += state["row_text"] * state["repeat"]
        if state["text"] > MAX_ODS_TEXT:
            raise _bomb(
                path,
                f"các ô chứa hơn {_count(MAX_ODS_TEXT)} ký tự (một đoạn chữ dài lặp lại ở "
                "nhiều ô hoặc nhiều dòng)",
            )
        if state["value_col"]:
            state["last"] = state["height"]
            state["width"] = max(state["width"], state["value_col"])
            if state["last"] * state["width"] > MAX_ODS_CELLS:
                raise _bomb(
                    path,
                    f"một trang có ô ở dòng {state['last']}, cột {state['width']}: bảng quá "
                    f"lớn để đọc ở dạng .ods (tối đa {_count(MAX_ODS_CELLS)} ô; hãy lưu lại "
                    "dạng .xlsx)",
                )

    parser = expat.ParserCreate(namespace_separator=" ")
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text
    try:
        with zipfile.ZipFile(path) as archive, archive.open("content.xml") as content:
            while chunk := content.read(_CHUNK):
                parser.Parse(chunk, False)
            parser.Parse(b"", True)
    except (KeyError, ValueError, expat.ExpatError, zipfile.BadZipFile, OSError) as exc:
        raise _damaged(path) from exc


def _check_xls(path: Path) -> None:
    """An .xls is not compressed, but a few bytes can still stand for millions of cells
    (two cells far apart) or gigabytes of text (one long shared string under every cell):
    measure both from the records before the reader makes them."""
    from fieldapp.households.xls_check import Encrypted, NotXls, measure_xls

    if path.stat().st_size > MAX_XLS_BYTES:
        raise UserMistake(
            f"Tệp {path.name} (Excel 97–2003) quá lớn để đọc (tối đa "
            f"{MAX_XLS_BYTES // (1024 * 1024)} MB): hãy lưu lại dạng .xlsx. Không có gì được ghi."
        )
    try:
        measure = measure_xls(path.read_bytes())
    except Encrypted as exc:
        raise UserMistake(
            f"Tệp {path.name} có mật khẩu: hãy mở bằng Excel, bỏ mật khẩu rồi lưu lại."
        ) from exc
    except (NotXls, struct.error, IndexError, UnicodeError) as exc:
        raise _damaged(path) from exc
    for sheet in measure.sheets:
        if sheet.height * sheet.width > MAX_XLS_CELLS:
            raise _bomb(
                path,
                f"trang {sheet.name or '?'} có ô ở dòng {sheet.height}, cột {sheet.width}: bảng "
                f"quá lớn để đọc (tối đa {_count(MAX_XLS_CELLS)} ô)",
            )
    if measure.text > MAX_XLS_TEXT:
        raise _bomb(
            path,
            f"các ô chứa tổng cộng {_count(measure.text)} ký tự (tối đa "
            f"{_count(MAX_XLS_TEXT)}): một chuỗi rất dài lặp lại ở nhiều ô (shared strings bomb)",
        )


def _repeat(value: str | None) -> int:
    try:
        return max(1, int(value or 1))
    except ValueError:
        return 1


def _count(n: int) -> str:
    return f"{n:,}".replace(",", ".")


# --------------------------------------------------------------------------------------------
# Spreadsheets through calamine
# --------------------------------------------------------------------------------------------


_KIND_SUFFIXES = {"xlsx": (".xlsx", ".xlsm"), "ods": (".ods",), "xls": (".xls",)}


def _zip_kind(path: Path) -> str:
    """What a zip holds: "xlsx", "ods", "document" (a Word or LibreOffice text file), or ""
    (from its list of parts and its ``mimetype``, never inflating more than that)."""
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
            if "mimetype" in names and zf.getinfo("mimetype").file_size <= 200:
                mime = zf.read("mimetype").strip()
                if mime.endswith(b"opendocument.spreadsheet"):
                    return "ods"
                if mime.endswith(b"opendocument.text"):
                    return "document"
    except (zipfile.BadZipFile, OSError, KeyError, ValueError, RuntimeError, zlib.error):
        return ""
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "word/document.xml" in names:
        return "document"
    return "ods" if "content.xml" in names else ""


def _is_word97(path: Path) -> bool:
    """Is an OLE2 file a Word 97-2003 document (it has the WordDocument stream)?"""
    from fieldapp.compound_file import NotCompound, read_streams

    if path.stat().st_size > MAX_XLS_BYTES:
        return False
    try:
        return bool(read_streams(path.read_bytes(), ("WordDocument",)))
    except (NotCompound, struct.error, IndexError):
        return False


def _open_calamine(path: Path, kind: str = "") -> Workbook:
    from python_calamine import CalamineError, CalamineWorkbook, SheetTypeEnum, SheetVisibleEnum

    try:
        if not kind or path.suffix.lower() in _KIND_SUFFIXES.get(kind, ()):
            book = CalamineWorkbook.from_path(str(path))
        else:  # named as another kind: the reader goes by the name, so it is given the bytes
            with path.open("rb") as f:
                book = CalamineWorkbook.from_filelike(f)
        metadata = book.sheets_metadata
    except CalamineError as exc:
        if type(exc).__name__ == "PasswordError":
            raise UserMistake(
                f"Tệp {path.name} có mật khẩu: hãy mở bằng Excel, bỏ mật khẩu rồi lưu lại."
            ) from exc
        raise _damaged(path) from exc
    except Exception as exc:  # noqa: BLE001 - the reader raises plain errors on broken files
        raise _damaged(path) from exc

    def rows_of(name: str) -> Callable[[], Iterator[Row]]:
        def rows() -> Iterator[Row]:
            try:
                sheet = book.get_sheet_by_name(name)
                start = sheet.start
                first = 0 if start is None else start[0]
                for _ in range(first):  # calamine starts at the first row with a value
                    yield []
                for row in sheet.iter_rows():
                    yield [None if v == "" else v for v in row]
            except CalamineError as exc:
                raise _damaged(path) from exc

        return rows

    sheets = []
    for meta in metadata:
        if meta.typ not in (SheetTypeEnum.WorkSheet,):
            sheets.append(Sheet(meta.name, True, lambda: iter(())))
            continue
        hidden = meta.visible != SheetVisibleEnum.Visible
        sheets.append(Sheet(meta.name, hidden, rows_of(meta.name)))
    return Workbook(path.name, sheets, close=book.close)


# --------------------------------------------------------------------------------------------
# Excel's XML Spreadsheet 2003
# --------------------------------------------------------------------------------------------

_SS = "{urn:schemas-microsoft-com:office:spreadsheet}"
MAX_XML_CELLS = 3_000_000  # the reader keeps every value: about 100 bytes a cell
MAX_XML_ROW = 1_048_576  # Excel's own limits on ss:Index
MAX_XML_COLUMN = 16_384


def _is_spreadsheet_xml(head: bytes) -> bool:
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    return start.startswith(b"<?xml") and b"urn:schemas-microsoft-com:office:spreadsheet" in head


def _is_text(head: bytes) -> bool:
    """Plain text (a .csv by another name): no NUL byte unless UTF-16, few control bytes."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    controls = sum(1 for b in head if b < 32 and b not in b"\r\n\t")
    return b"\x00" not in head and controls <= len(head) // 100


def _open_spreadsheet_xml(path: Path) -> Workbook:
    """Excel's "XML Spreadsheet 2003" (``<Workbook xmlns="urn:schemas-microsoft-com:office:
    spreadsheet">``), as many web systems export their lists, often named .xls: each
    Worksheet a sheet (hidden as its options say), rows and cells where ``ss:Index`` puts
    them, a cell merged across (``ss:MergeAcross``) followed by empty ones. A DOCTYPE or an
    entity (never in such a file; the way to an entity bomb) is refused, and so are more than
    :data:`MAX_XML_CELLS` cells."""
    from xml.etree import ElementTree

    data = path.read_bytes()
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise UserMistake(
            f"Tệp {path.name} có khai báo DOCTYPE/ENTITY, không phải bảng tính XML của Excel. "
            "Không có gì được ghi."
        )
    damaged = UserMistake(
        f"Tệp {path.name} (bảng tính XML của Excel) bị hỏng, không đọc được. Không có gì được ghi."
    )
    too_big = UserMistake(
        f"Tệp {path.name} có quá nhiều ô (tối đa {MAX_XML_CELLS:,} ô). Hãy chia danh sách "
        "thành nhiều tệp. Không có gì được ghi."
    )
    sheets: list[Sheet] = []
    cells = 0
    rows: list[tuple[int, list]] = []
    row: list = []
    name, hidden, r, c = "", False, 0, 0
    try:
        for event, el in ElementTree.iterparse(io.BytesIO(data), events=("start", "end")):
            tag = el.tag
            if event == "start":
                if tag == f"{_SS}Worksheet":
                    name = el.get(f"{_SS}Name") or f"Sheet{len(sheets) + 1}"
                    rows, hidden, r = [], False, 0
                elif tag == f"{_SS}Row":
                    r = _xml_index(el, r, MAX_XML_ROW)
                    row, c = [], 0
                continue
            if tag == f"{_SS}Cell":
                c = _xml_index(el, c, MAX_XML_COLUMN)
                across = min(int(el.get(f"{_SS}MergeAcross") or 0), MAX_XML_COLUMN)
                cells += c - len(row) + across
                if cells > MAX_XML_CELLS:
                    raise too_big
                row.extend([None] * (c - 1 - len(row)))
                value = el.find(f"{_SS}Data")
                row.append(_xml_value(value) if value is not None else None)
                row.extend([None] * max(0, across))
                c += max(0, across)
                el.clear()
            elif tag == f"{_SS}Row":
                rows.append((r, row))
                el.clear()
            elif tag.endswith("}Visible") and (el.text or "").strip().startswith("Sheet"):
                hidden = (el.text or "").strip() in ("SheetHidden", "SheetVeryHidden")
            elif tag == f"{_SS}Worksheet":
                sheets.append(Sheet(name, hidden, _xml_rows(rows)))
                el.clear()
    except ElementTree.ParseError:
        raise damaged from None
    except ValueError:
        raise damaged from None
    if not sheets:
        raise damaged
    return Workbook(path.name, sheets)


def _xml_index(el, last: int, limit: int) -> int:
    """The 1-based row or column of ``el``: its ``ss:Index``, else the one after ``last``."""
    index = el.get(f"{_SS}Index")
    at = int(index) if index else last + 1
    if not last < at <= limit:
        raise ValueError("index")
    return at


def _xml_rows(rows: list[tuple[int, list]]) -> Callable[[], Iterator[Row]]:
    def gen() -> Iterator[Row]:
        at = 1
        for number, row in rows:
            while at < number:  # rows skipped by ss:Index: empty
                yield []
                at += 1
            yield row
            at += 1

    return gen


def _xml_value(data):
    from datetime import datetime

    kind = data.get(f"{_SS}Type", "String")
    text = "".join(data.itertext())
    if kind == "Number":
        number = float(text)
        if number != number or number in (float("inf"), float("-inf")):
            return None
        return int(number) if number.is_integer() and abs(number) < 1e15 else number
    if kind == "DateTime":
        try:
            return datetime.fromisoformat(text.strip()[:19])
        except ValueError:
            return clip(text)
    if kind == "Boolean":
        return text.strip() == "1"
    if kind == "Error":
        return None
    return clip(text) if text.strip() else None


# --------------------------------------------------------------------------------------------
# CSV
# --------------------------------------------------------------------------------------------


def _open_csv(path: Path) -> Workbook:
    data = path.read_bytes()
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UserMistake(f"Tệp {path.name} không phải tệp văn bản .csv. Không có gì được ghi.")
    text, encoding = decode_bytes(data)
    del data
    head = text[:65_536]
    controls = sum(1 for ch in head if ch < " " and ch not in "\r\n\t")
    if controls > len(head) // 100:  # binary bytes named .csv
        raise UserMistake(f"Tệp {path.name} không phải tệp văn bản .csv. Không có gì được ghi.")
    sample = text[:16_384]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t|")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = max(",;\t", key=sample.count)

    def rows() -> Iterator[Row]:
        csv.field_size_limit(MAX_FILE_BYTES)
        try:
            for record in csv.reader(io.StringIO(text), delimiter=delimiter):
                yield [_csv_value(v) for v in record]
        except csv.Error as exc:
            raise UserMistake(
                f"Tệp {path.name} không phải tệp .csv đọc được (hỏng hoặc không phải văn "
                "bản). Không có gì được ghi."
            ) from exc

    return Workbook(path.name, [Sheet(path.stem, False, rows)], encoding=encoding)


def _open_document(path: Path) -> Workbook:
    """A list typed as a table in a Word (.docx, .doc), LibreOffice (.odt), RTF or web-page
    file: each table a sheet ("Bảng 1", ...), its title lines above it as rows of one cell
    (where the village's name is), then its rows, numbered from 1 as the table's rows. Read by the directives' document readers,
    with their limits; a file without a table is refused in plain words."""
    from fieldapp.directives.extract import document_tables
    from fieldapp.errors import UserError

    try:
        tables = document_tables(path)
    except UserMistake:
        raise
    except UserError as err:
        raise UserMistake(f"{err} Không có gì được ghi.") from None
    tables = _continued([(title, rows) for title, rows in tables if len(rows) >= 2])
    if not tables:
        raise UserMistake(
            f"Tệp {path.name} không có bảng danh sách nào (cần một bảng có dòng tiêu đề cột). "
            "Không có gì được ghi."
        )

    def rows_of(title: list[str], table: list[list[str]]) -> Callable[[], Iterator[Row]]:
        def rows() -> Iterator[Row]:
            for line in title:
                yield [clip(line)]
            for row in table:
                yield [_csv_value(cell) for cell in row]

        return rows

    sheets = [
        Sheet(f"Bảng {i}", False, rows_of(title, table), first_row=1 - len(title))
        for i, (title, table) in enumerate(tables, start=1)
    ]
    return Workbook(path.name, sheets)


def _continued(
    tables: list[tuple[list[str], list[list[str]]]],
) -> list[tuple[list[str], list[list[str]]]]:
    """One list split into several tables (a page break typed between them, the column
    headings typed again): a table with no title of its own that starts with the previous
    table's first rows is the same list, continued; its repeated headings are dropped."""
    out: list[tuple[list[str], list[list[str]]]] = []
    for title, rows in tables:
        if out and not title:
            previous = out[-1][1]
            same = 0
            while same < min(len(rows), len(previous), 5) and _plain(rows[same]) == _plain(
                previous[same]
            ):
                same += 1
            if same:
                previous.extend(rows[same:])
                continue
        out.append((title, [list(r) for r in rows]))
    return out


def _plain(row: list[str]) -> list[str]:
    return [" ".join(cell.split()).casefold() for cell in row]


def _csv_value(text: str):
    """A CSV cell: digits without a leading zero were a number cell in the spreadsheet the
    file came from (so a CCCD lost its zeros there, as in .xlsx): read them as a number."""
    text = text.strip()
    if not text:
        return None
    if text.isdigit() and text.isascii() and text[0] != "0" and len(text) < 16:
        return int(text)
    return clip(text)


def release_memory() -> None:
    """Give memory freed by the reader and the parser back to the system (glibc keeps freed
    small blocks in its heap otherwise, and the peak of a big import only grows)."""
    global _trim
    if _trim is None:
        _trim = lambda: 0  # noqa: E731 - elsewhere than glibc there is nothing to do
        try:
            import ctypes
            import sys

            if sys.platform.startswith("linux"):
                libc = ctypes.CDLL("libc.so.6")
                _trim = lambda: libc.malloc_trim(0)  # noqa: E731
        except (OSError, AttributeError):
            pass
    _trim()


_trim = None
