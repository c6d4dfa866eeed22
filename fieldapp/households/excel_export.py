"""Exporting household lists to Excel, in the layout communes send each other.

Title rows (the commune and the national motto, the list's title, the area), a two-row
merged header ("Năm sinh" over "Nam" and "Nữ", "Thời gian cách ly" over "Từ ngày" and "Đến
ngày", "Đối tượng dễ bị tổn thương" over its five kinds), a row numbering the columns, STT on
the head's row with the members under it, a total row and the signing lines. CCCD and phone
numbers are written as text (their leading zero kept), dates as Excel dates shown dd/mm/yyyy.
The file reads back with :mod:`fieldapp.households.excel_import` without changing anything.
"""

from __future__ import annotations

import contextlib
import os
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from fieldapp.db.database import Database
from fieldapp.errors import UserError
from fieldapp.files import output_target
from fieldapp.households.listing import HouseholdFilter, household_ids
from fieldapp.households.models import ISOLATIONS, REGIMES, STATUSES, LockdownArea
from fieldapp.households.service import FLAG_NAMES, household_members, list_areas
from fieldapp.text.vietnamese import format_date

# (header, sub-header or None, width). Sub-headers sit under a merged top cell.
COLUMNS: tuple[tuple[str, str | None, float], ...] = (
    ("STT", None, 5),
    ("Họ và tên", None, 24),
    ("Năm sinh", "Nam", 7),
    ("Năm sinh", "Nữ", 7),
    ("Quan hệ với chủ hộ", None, 11),
    ("Số CCCD/CMND", None, 15),
    ("Số điện thoại", None, 13),
    ("Thôn", None, 13),
    ("Số nhà", None, 7),
    ("Đường, phố", None, 14),
    ("Tình trạng", "Phân loại (F0, F1)", 9),
    ("Tình trạng", "Hình thức cách ly", 13),
    ("Thời gian cách ly", "Từ ngày", 11),
    ("Thời gian cách ly", "Đến ngày", 11),
    ("Hộ nghèo", None, 6),
    ("Đối tượng dễ bị tổn thương", "Người cao tuổi", 7),
    ("Đối tượng dễ bị tổn thương", "Trẻ nhỏ", 7),
    ("Đối tượng dễ bị tổn thương", "Mang thai", 7),
    ("Đối tượng dễ bị tổn thương", "Khuyết tật", 7),
    ("Đối tượng dễ bị tổn thương", "Bệnh nền", 7),
    ("Ghi chú", None, 16),
)
HEADER_ROW = 7
FORMULA_STARTS = ("=", "+", "-", "@")
DATE_FORMAT = "dd/mm/yyyy"


@dataclass
class ExportResult:
    path: Path
    sheets: int
    households: int
    people: int
    unknown_sex: int  # people whose year of birth could not go under Nam or Nữ


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> object:
    """Text that a spreadsheet would run as a formula (``=HYPERLINK(...)``, ``+``, ``-``,
    ``@``) is written with a leading apostrophe, so it shows as typed (issue 15)."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _sheet_title(name: str, taken: set[str]) -> str:
    title = re.sub(r"[\[\]:*?/\\]", " ", name).strip()[:31] or "Danh sach"
    base, n = title, 2
    while title.lower() in taken:
        suffix = f" ({n})"
        title = base[: 31 - len(suffix)] + suffix
        n += 1
    taken.add(title.lower())
    return title


def export_households(
    db: Database,
    path: str | Path,
    *,
    area_id: int | None = None,
    today: date | None = None,
) -> ExportResult:
    """Write the households of one area (or of every area, a sheet each) to ``path``."""
    from openpyxl import Workbook

    from fieldapp.personal_data import check_may_export, record_export

    check_may_export(db)
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise UserError("Tên tệp xuất phải có đuôi .xlsx.")
    if path.exists():
        output_target(path)  # not a folder, not a device
    today = today or date.today()
    areas = [a for a in list_areas(db, today) if area_id is None or a.id == area_id]
    if area_id is not None and not areas:
        raise UserError("Không tìm thấy khu vực phong tỏa (có thể đã bị xóa).")
    if not areas:
        raise UserError("Chưa có khu vực phong tỏa nào để xuất.")
    from fieldapp.profile import load_profile

    profile = load_profile(db)
    workbook = Workbook(write_only=True)  # rows go to disk as they are made (see _Sheet)
    taken: set[str] = set()
    totals = [0, 0, 0]
    for area in areas:
        sheet = workbook.create_sheet(_sheet_title(area.name, taken))
        counts = _write_area(db, sheet, area.id, profile, today)
        totals = [a + b for a, b in zip(totals, counts, strict=True)]
    partial = path.with_name(path.name + ".part")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        workbook.save(partial)
        os.replace(partial, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise UserError(
            f"Không ghi được tệp {path.name} (tệp đang mở trong Excel, hoặc thư mục không "
            "ghi được). Hãy đóng tệp hoặc chọn nơi khác."
        ) from exc
    record_export(
        db,
        "household_excel",
        path.name,
        {"areas": len(areas), "households": totals[0], "people": totals[1]},
    )
    return ExportResult(path, len(areas), totals[0], totals[1], totals[2])


class _Sheet:
    """A write-only sheet (rows streamed to disk as they are made, nothing kept per cell) with
    its few styles made once: openpyxl hashes every style object it is handed, so styling
    cell by cell was most of the export's time, and a million live cells made the garbage
    collector stop every thread — the window too — for up to half a second (issue 17)."""

    def __init__(self, ws) -> None:
        from openpyxl.cell import Cell

        self.ws = ws
        self._cell = Cell
        self._styles: dict[tuple, object] = {}
        self.row = 0

    def style(self, key: tuple, *, font=None, alignment=None, border=None, number_format=None):
        if key not in self._styles:
            probe = self._cell(self.ws, 1, 1)
            if font is not None:
                probe.font = font
            if alignment is not None:
                probe.alignment = alignment
            if border is not None:
                probe.border = border
            if number_format is not None:
                probe.number_format = number_format
            self._styles[key] = probe._style
        return key

    def cell(self, value: object, style: tuple | None = None):
        # Placed at 1,1 until its row is written (openpyxl sets the column and row then).
        return self._cell(self.ws, 1, 1, value, self._styles[style] if style else None)

    def append(self, cells: list) -> int:
        """Write the next row; its number."""
        self.ws.append(cells)
        self.row += 1
        return self.row

    def merge(self, r1: int, c1: int, r2: int, c2: int) -> None:
        from openpyxl.worksheet.cell_range import CellRange

        self.ws.merged_cells.add(CellRange(min_row=r1, min_col=c1, max_row=r2, max_col=c2))


def _write_area(db: Database, ws, area_id: int, profile, today: date) -> tuple[int, int, int]:
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    with db.session() as s:
        area = s.get(LockdownArea, area_id)
        area_name, regime, started = area.name, area.regime, area.started_on
        decision = area.decision
    width = len(COLUMNS)
    sheet = _Sheet(ws)
    font = "Times New Roman"
    center = Alignment(horizontal="center", vertical="center", wrap_text=True)
    left = Alignment(horizontal="left", vertical="center", wrap_text=True)
    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    bold = sheet.style(("bold",), font=Font(name=font, bold=True, size=12))
    heading = sheet.style(("heading",), font=Font(name=font, bold=True, size=12), alignment=center)
    title = sheet.style(("title",), font=Font(name=font, bold=True, size=14), alignment=center)
    subtitle = sheet.style(
        ("subtitle",), font=Font(name=font, italic=True, size=12), alignment=center
    )
    header = sheet.style(
        ("header",), font=Font(name=font, bold=True, size=12), alignment=center, border=box
    )
    numbering = sheet.style(
        ("numbering",), font=Font(name=font, italic=True, size=10), alignment=center, border=box
    )
    total = sheet.style(("total",), font=Font(name=font, bold=True, size=12), border=box)
    normal = Font(name=font, size=12)
    for c in range(1, width + 1):
        for fmt in ("General", "@", DATE_FORMAT):
            sheet.style(
                ("data", c, fmt),
                font=normal,
                border=box,
                alignment=left if c in (2, 5, 8, 10, 21) else center,
                number_format=fmt,
            )

    # What comes before the rows in the file: column widths, frozen panes, fit to a page.
    top, sub = HEADER_ROW, HEADER_ROW + 1
    for c in range(1, width + 1):
        ws.column_dimensions[get_column_letter(c)].width = COLUMNS[c - 1][2]
    ws.freeze_panes = f"C{sub + 2}"
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.row_dimensions[top].height = 30
    ws.row_dimensions[sub].height = 45

    commune = profile.commune_full.upper() if profile else ""
    split = 6
    for text_left, text_right in (
        (f"UBND {commune}".strip(), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        ("BAN CHỈ ĐẠO PHÒNG, CHỐNG DỊCH", "Độc lập - Tự do - Hạnh phúc"),
    ):
        cells = [None] * width
        cells[0] = sheet.cell(text_left, heading)
        cells[split] = sheet.cell(text_right, heading)
        row = sheet.append(cells)
        sheet.merge(row, 1, row, split)
        sheet.merge(row, split + 1, row, width)
    sheet.append([])
    row = sheet.append(
        [sheet.cell("DANH SÁCH HỘ GIA ĐÌNH, NHÂN KHẨU TRONG KHU VỰC PHONG TỎA", title)]
    )
    sheet.merge(row, 1, row, width)
    line = f"Khu vực: {area_name} ({REGIMES.get(regime, regime)}, từ ngày {format_date(started)})"
    if decision:
        line += f" — theo {decision}"
    row = sheet.append([sheet.cell(line, subtitle)])
    sheet.merge(row, 1, row, width)
    sheet.append([])

    # The two header rows (merged where a heading covers sub-headings), then (1) … (21).
    tops: list = [sheet.cell(None, header) for _ in range(width)]
    subs: list = [sheet.cell(None, header) for _ in range(width)]
    col = 1
    while col <= width:
        name, subheader, _w = COLUMNS[col - 1]
        span = 1
        while col + span <= width and COLUMNS[col + span - 1][0] == name and subheader:
            span += 1
        tops[col - 1].value = name
        if subheader is None:
            sheet.merge(top, col, sub, col)
        else:
            if span > 1:
                sheet.merge(top, col, top, col + span - 1)
            for k in range(span):
                subs[col + k - 1].value = COLUMNS[col + k - 1][1]
        col += span
    assert sheet.append(tops) == top
    sheet.append(subs)
    sheet.append([sheet.cell(f"({c})", numbering) for c in range(1, width + 1)])

    ids = household_ids(db, HouseholdFilter(area_id=area_id, today=today))
    people = unknown_sex = 0
    f_counts = {"F0": 0, "F1": 0}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        members = household_members(db, chunk)
        from fieldapp.households.listing import household_rows

        households = {h.id: h for h in household_rows(db, chunk, today)}
        for number, hid in enumerate(chunk, start=start + 1):
            h = households[hid]
            for k, m in enumerate(members[hid]):
                values: list[object] = [None] * width
                if k == 0:
                    values[0] = number
                values[1] = m.full_name
                born = m.birth_date or m.birth_year
                if born is not None:
                    if m.sex == "M":
                        values[2] = born
                    elif m.sex == "F":
                        values[3] = born
                    else:
                        unknown_sex += 1
                values[4] = m.relation
                values[5] = m.citizen_id or m.id_typed or None
                values[6] = m.phone or (h.phone if k == 0 and m.is_head else None) or None
                if k == 0:
                    values[7] = h.village or None
                    values[8] = h.house_number or None
                    values[9] = h.street or None
                    values[14] = "x" if h.poor else None
                if m.status:
                    values[10] = STATUSES[m.status]
                    f_counts[m.status] = f_counts.get(m.status, 0) + 1
                if m.isolation:
                    values[11] = ISOLATIONS[m.isolation]
                if m.status:  # an F0 with dates and no isolation kind keeps its dates
                    values[12] = m.isolation_start
                    values[13] = m.isolation_end
                for i, flag in enumerate(FLAG_NAMES):
                    values[15 + i] = "x" if getattr(m, flag) else None
                values[20] = m.notes or None
                cells = []
                for c, value in enumerate(values, start=1):
                    if c in (6, 7):
                        fmt = "@"
                    elif isinstance(value, date):
                        fmt = DATE_FORMAT
                    else:
                        fmt = "General"
                    cell = sheet.cell(safe_cell(value), ("data", c, fmt))
                    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
                        cell.data_type = "s"  # text that looks like a formula stays text
                    cells.append(cell)
                sheet.append(cells)
                people += 1
    cells = [sheet.cell(None, total) for _ in range(width)]
    cells[0].value = f"Tổng cộng: {len(ids)} hộ, {people} nhân khẩu"
    cells[10].value = f"F0: {f_counts['F0']}; F1: {f_counts['F1']}"
    row = sheet.append(cells)
    sheet.merge(row, 1, row, 2)
    sheet.append([])
    place = (profile.place_name or profile.commune_name) if profile else ""
    cells = [None] * (split + 8)
    cells[split + 7] = f"{place}, ngày {today.day:02d} tháng {today.month:02d} năm {today.year}"
    sheet.append(cells)
    cells = [None] * (split + 8)
    cells[1] = sheet.cell("NGƯỜI LẬP BIỂU", bold)
    cells[split + 7] = sheet.cell("TM. BAN CHỈ ĐẠO", bold)
    sheet.append(cells)
    ws.print_title_rows = f"{top}:{sub}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = "9"  # A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    return len(ids), people, unknown_sex
