"""Saving the rows of an imported list that need attention, to fix and import again.

The saved .xlsx has the layout of the list it came from: each sheet under its own name, its
title and header rows as they were, then the rows to look at — rows that are not people (no
name) and every row of a household where something needs checking — with one more column,
"Cần xem lại", that says why (sheet, column and reason, never a value). Imported again after
fixing, the extra column is ignored and the households match the ones already imported.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from fieldapp.errors import UserMistake

if TYPE_CHECKING:
    from fieldapp.households.excel_import import ImportPreview

REASON_HEADER = "Cần xem lại"
_FORMULA_STARTS = ("=", "+", "-", "@")


def save_attention_rows(preview: ImportPreview, path: str | Path) -> int:
    """Write the rows that need attention to ``path`` (.xlsx); returns how many rows."""
    from openpyxl import Workbook

    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        path = path.with_suffix(".xlsx")
    by_sheet: dict[str, list] = {}
    for row in preview.rows:
        if row.cells is None or row.kind == "total":
            continue
        by_sheet.setdefault(row.sheet, []).append(row)
    book = Workbook()
    book.remove(book.active)
    count = 0
    for name, rows in by_sheet.items():
        ws = book.create_sheet(title=(name or "Danh sách")[:31])
        header_rows = preview.headers.get(name, [])
        width = max([len(r) for r in header_rows] + [len(r.cells or []) for r in rows] + [1])
        for values in header_rows:
            ws.append([_safe(v) for v in values])
        if header_rows:
            ws.cell(len(header_rows) - _data_gap(header_rows), width + 1, REASON_HEADER)
        for row in sorted(rows, key=lambda r: r.row):
            values = list(row.cells or [])
            values += [None] * (width - len(values))
            reason = "; ".join(
                (f"{p.column}: " if p.column else "") + p.message for p in row.problems
            )
            ws.append([_safe(v) for v in values] + [reason or None])
            for cell in ws[ws.max_row]:
                if isinstance(cell.value, datetime | date):
                    cell.number_format = "dd/mm/yyyy"
                elif isinstance(cell.value, str) and cell.value.startswith(_FORMULA_STARTS):
                    cell.data_type = "s"  # typed text stays text, never a formula
            count += 1
    if not count:
        raise UserMistake("Không có dòng nào cần xem lại: mọi dòng đều đã đọc được.")
    try:
        book.save(path)
    except OSError as exc:
        raise UserMistake(f"Không ghi được tệp {path.name}: {exc.strerror or exc}.") from exc
    return count


def _data_gap(header_rows: list[list]) -> int:
    """How many of the last header rows lie under the top header row (sub-header, numbering):
    the reason column's name goes on the top header row."""
    from fieldapp.households.roster_table import find_header

    top = find_header(header_rows)
    return 0 if top is None else len(header_rows) - 1 - top


def _safe(value):
    if isinstance(value, str):
        return value
    return value
