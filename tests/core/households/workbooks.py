"""Real-looking commune Excel lists, built by the tests (and the benchmark) with openpyxl.

Like the lists communes really keep: title rows, a two-row merged header with the year of
birth split into "Nam" and "Nữ" columns, a row numbering the columns, STT only on the head's
row, CCCD and phone numbers stored as *numbers* (leading zero lost), dates as Excel dates or
as dd/mm/yyyy text, blank spacer rows, village group rows, a total row and signatures.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from openpyxl import Workbook

from fieldapp.households.demo import generate_households
from fieldapp.households.excel_import import ParsedHousehold, ParsedPerson

TODAY = date(2021, 8, 20)

ISOLATION_TEXT = {"central": "Tập trung", "home": "Tại nhà", "self": "Tự theo dõi"}
STATUS_TEXT = {"F0": "F0", "F1": "F1", "F2": "F2", "negative": "Âm tính"}


def sample_households(count: int = 12, seed: int = 7) -> list[ParsedHousehold]:
    """Households of thôn Nà Pài: the first head is F0 at the facility, the second household
    F1 at home ending tomorrow."""
    out = generate_households(
        random.Random(seed), count, ("Nà Pài",), TODAY, id_share=0.8, first_row=10
    )
    head = out[0].people[0]
    head.status, head.isolation = "F0", "central"
    head.iso_start, head.iso_end = TODAY - timedelta(days=3), TODAY + timedelta(days=11)
    for p in out[1].people:
        p.status, p.isolation = "F1", "home"
        p.iso_start, p.iso_end = TODAY - timedelta(days=13), TODAY + timedelta(days=1)
    return out


def _number(text: str | None):
    """A CCCD or phone typed into a number cell: Excel keeps the digits, drops the 0."""
    return int(text) if text else None


@dataclass
class Column:
    top: str
    sub: str | None
    value: Callable[[ParsedHousehold, ParsedPerson, int, bool], object]


def _date_cell(when: date | None, as_text: bool):
    if when is None:
        return None
    return when.strftime("%d/%m/%Y") if as_text else datetime(when.year, when.month, when.day)


def split_layout(text_dates_every: int = 2) -> list[Column]:
    """The Nà Pài layout: STT, name, Năm sinh over Nam/Nữ, ..., Thời gian cách ly over dates."""

    def born(sex):
        return lambda h, p, i, head: p.birth_year if p.sex == sex else None

    def when(attr):
        return lambda h, p, i, head: _date_cell(getattr(p, attr), i % text_dates_every == 0)

    return [
        Column("STT", None, lambda h, p, i, head: i if head else None),
        Column("Họ và tên", None, lambda h, p, i, head: p.full_name),
        Column("Năm sinh", "Nam", born("M")),
        Column("Năm sinh", "Nữ", born("F")),
        Column("Quan hệ với chủ hộ", None, lambda h, p, i, head: p.relation),
        Column("Số CMND/CCCD", None, lambda h, p, i, head: _number(p.citizen_id)),
        Column("Số điện thoại", None, lambda h, p, i, head: _number(p.phone)),
        Column("Thôn", None, lambda h, p, i, head: h.village if head else None),
        Column("Số nhà", None, lambda h, p, i, head: (h.house_number or None) if head else None),
        Column("Phân loại (F0, F1)", None, lambda h, p, i, head: STATUS_TEXT.get(p.status)),
        Column("Hình thức cách ly", None, lambda h, p, i, head: ISOLATION_TEXT.get(p.isolation)),
        Column("Thời gian cách ly", "Từ ngày", when("iso_start")),
        Column("Thời gian cách ly", "Đến ngày", when("iso_end")),
        Column("Hộ nghèo", None, lambda h, p, i, head: "x" if head and h.poor else None),
        Column("Ghi chú", None, lambda h, p, i, head: p.notes or None),
    ]


def write_list(
    path: Path,
    households: list[ParsedHousehold],
    *,
    columns: list[Column] | None = None,
    title_rows: bool = True,
    numbering_row: bool = True,
    spacer_every: int = 3,
    total_row: bool = True,
    group_row: str | None = None,
    extra_rows: list[list] | None = None,
) -> dict[tuple[int, int], int]:
    """Write the list; returns (household index, person index) -> sheet row number."""
    columns = columns or split_layout()
    wb = Workbook()
    ws = wb.active
    ws.title = "Danh sách"
    width = len(columns)
    row = 1
    if title_rows:
        ws.cell(1, 1, "UBND XÃ BẰNG LÃNG")
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=4)
        ws.cell(1, 6, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
        ws.cell(2, 1, "BCĐ PHÒNG, CHỐNG DỊCH COVID-19")
        ws.cell(2, 6, "Độc lập - Tự do - Hạnh phúc")
        ws.cell(4, 1, "DANH SÁCH HỘ GIA ĐÌNH TRONG KHU VỰC PHONG TỎA THÔN NÀ PÀI")
        ws.merge_cells(start_row=4, start_column=1, end_row=4, end_column=width)
        ws.cell(5, 1, "(Kèm theo Quyết định số 45/QĐ-UBND ngày 05/8/2021 của UBND xã)")
        ws.merge_cells(start_row=5, start_column=1, end_row=5, end_column=width)
        row = 7
    two_rows = any(c.sub for c in columns)
    col = 1
    while col <= width:
        c = columns[col - 1]
        span = 1
        while c.sub and col + span <= width and columns[col + span - 1].top == c.top:
            span += 1
        ws.cell(row, col, c.top)
        if two_rows and not c.sub:
            ws.merge_cells(start_row=row, start_column=col, end_row=row + 1, end_column=col)
        elif c.sub:
            if span > 1:
                ws.merge_cells(
                    start_row=row, start_column=col, end_row=row, end_column=col + span - 1
                )
            for k in range(span):
                ws.cell(row + 1, col + k, columns[col + k - 1].sub)
        col += span
    row += 2 if two_rows else 1
    if numbering_row:
        for c in range(1, width + 1):
            ws.cell(row, c, c)
        row += 1
    if group_row:
        ws.cell(row, 1, "I")
        ws.cell(row, 2, group_row)
        row += 1
    where: dict[tuple[int, int], int] = {}
    for i, h in enumerate(households, start=1):
        for k, p in enumerate(h.people):
            for c, column in enumerate(columns, start=1):
                value = column.value(h, p, i, k == 0)
                if value is not None:
                    ws.cell(row, c, value)
            where[(i - 1, k)] = row
            row += 1
        if spacer_every and i % spacer_every == 0:
            row += 1  # a blank spacer row
    for extra in extra_rows or []:
        for c, value in enumerate(extra, start=1):
            if value is not None:
                ws.cell(row, c, value)
        row += 1
    if total_row:
        people = sum(len(h.people) for h in households)
        ws.cell(row, 1, "Tổng cộng")
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
        ws.cell(row, 3, people)
        row += 2
        ws.cell(row, 2, "Người lập biểu")
        ws.cell(row, 8, "TM. BAN CHỈ ĐẠO")
        ws.cell(row + 4, 2, "Hoàng Văn Thắng")  # the signer's name, under the signature
    wb.save(path)
    return where


def copy_of_demo(template: Path, target: Path):
    """A fresh database holding the demo commune, copied from one made once (fast tests)."""
    import shutil

    from fieldapp.config import resolve_paths
    from fieldapp.db.database import open_database
    from fieldapp.demo import create_demo

    if not (template / "fieldapp.sqlite3").exists():
        create_demo(resolve_paths(template))
        db = open_database(resolve_paths(template))
        with db.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        db.close()
    shutil.copytree(template, target)
    return open_database(resolve_paths(target))
