"""Importing household lists from the files communes really keep (.xlsx, .xls, .ods, .csv).

The steps, each in its own module:

1. :mod:`workbook` opens the file (any of the formats, hostile files refused within bounds);
2. :mod:`roster_table` finds, in each visible sheet, the roster table (its header row, what
   each column holds) and the sheet's village (from its name or its title row);
3. :mod:`roster_rows` turns the rows into households and people — nobody with a name is
   dropped; an ID that fails a check is kept as typed and marked "cần kiểm tra";
4. :mod:`import_plan` compares with what the database holds (new, changed, unchanged);
5. :mod:`import_write` writes it as one audited operation that can be undone as a whole.

This module ties them together: :func:`read_roster` (no database), :func:`preview_import`,
:func:`apply_import`, :func:`import_file`, :func:`undo_import`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from fieldapp.db.database import Database
from fieldapp.errors import UserMistake
from fieldapp.households.import_plan import (
    get_area,
    isolation_defaults,
    make_plan,
    snapshot_for,
    tally,
)
from fieldapp.households.import_write import (
    ImportRecord,
    fill_single_village,
    last_import,
    undo_import,
    write_import,
)
from fieldapp.households.roster_rows import (
    ERROR,
    WARNING,
    ParsedHousehold,
    ParsedPerson,
    PreviewRow,
    RowParser,
    RowProblem,
    filled_cells,
    is_total_row,
)
from fieldapp.households.roster_table import (
    FIELD_LABELS,
    HEADER_SCAN_ROWS,
    SYNONYMS,
    cell_text,
    find_header,
    is_generic_sheet_name,
    is_numbering_row,
    is_subheader,
    label_fold,
    map_columns,
    village_from_sheet_name,
    village_from_text,
)
from fieldapp.households.workbook import open_workbook, release_memory
from fieldapp.progress import Progress, report
from fieldapp.text.legacy import legacy_decoder

__all__ = [
    "ERROR",
    "FIELD_LABELS",
    "SYNONYMS",
    "WARNING",
    "ImportPreview",
    "ImportRecord",
    "ImportResult",
    "ParsedHousehold",
    "ParsedPerson",
    "PreviewRow",
    "RowProblem",
    "SheetSummary",
    "apply_import",
    "import_file",
    "label_fold",
    "last_import",
    "plan_preview",
    "preview_import",
    "read_roster",
    "undo_import",
]


# Why a row is not a person (listed by sheet and row in the preview and the CLI).
LEFT_OUT = {
    "title": "tiêu đề, tên danh sách",
    "header": "dòng tiêu đề của bảng",
    "blank": "dòng trống",
    "empty": "dòng chỉ có số thứ tự",
    "total": "dòng tổng cộng, ngày tháng hoặc chữ ký",
    "footer": "dưới dòng tổng cộng, không đủ thông tin một người (chữ ký, ghi chú)",
    "group": "dòng tên thôn, tổ",
    "household": "dòng tên hộ (người trong hộ ở các dòng dưới)",
    "repeat": "dòng tiêu đề của bảng nhắc lại (trang in sau)",
}

PREVIEW_ALL_ROWS = 20_000  # above this, the preview keeps only rows with something to show


@dataclass
class SheetSummary:
    """What one sheet of the file gave: its households and people, or why it was skipped."""

    name: str
    households: int = 0
    people: int = 0
    skipped: str = ""  # why the sheet was not read ("" when read)
    header_rows: tuple[int, ...] = ()
    village: str = ""
    encoding: str = ""  # "tcvn3" or "vni" for a sheet typed with the old fonts
    # Rows that are not people, left out: (first row, last row, why), in row order.
    left_out: list[tuple[int, int, str]] = field(default_factory=list)

    def leave_out(self, row: int, why: str, last: int | None = None) -> None:
        """Note row ``row`` (to ``last``) as not a person; a run of rows left out for one
        reason is one entry ("dòng 1–3: tiêu đề")."""
        last = row if last is None else last
        if self.left_out:
            first, end, reason = self.left_out[-1]
            if reason == why and end == row - 1:
                self.left_out[-1] = (first, last, why)
                return
        self.left_out.append((row, last, why))

    def left_out_text(self) -> list[str]:
        return [
            f"dòng {a}: {why}" if a == b else f"dòng {a}–{b}: {why}" for a, b, why in self.left_out
        ]

    def as_json(self) -> dict:
        out: dict = {"name": self.name, "households": self.households, "people": self.people}
        if self.skipped:
            out["skipped"] = self.skipped
        if self.left_out:
            out["left_out"] = [{"rows": [a, b], "reason": why} for a, b, why in self.left_out]
        return out


@dataclass
class ImportPreview:
    """Everything read from a file, and (after :func:`plan_preview`) what would change."""

    file_name: str
    sheet: str
    header_rows: tuple[int, ...]
    columns: dict[str, str]  # field -> "C (Năm sinh / Nam)" (of the first sheet read)
    households: list[ParsedHousehold]
    rows: list[PreviewRow]
    area_id: int | None = None
    new_households: int = 0
    updated_households: int = 0
    new_people: int = 0
    updated_people: int = 0
    status_changes: int = 0
    sheets: list[SheetSummary] = field(default_factory=list)
    encoding: str = ""
    headers: dict[str, list[list]] = field(default_factory=dict)  # sheet -> its header rows
    import_id: int | None = None

    @property
    def people(self) -> int:
        return sum(len(h.people) for h in self.households)

    def count_status(self, status: str) -> int:
        return sum(1 for h in self.households for p in h.people if p.status == status)

    @property
    def rejected(self) -> list[RowProblem]:
        """Rows that are not people (no name...), the first reason of each, in row order."""
        out = []
        for r in self.rows:
            errors = [p for p in r.problems if p.severity == ERROR]
            if errors:
                out.append(errors[0])
        return out

    @property
    def warnings(self) -> list[RowProblem]:
        return [p for r in self.rows for p in r.problems if p.severity == WARNING]

    @property
    def needs_check(self) -> int:
        """People whose identity number needs checking."""
        return sum(1 for h in self.households for p in h.people if p.id_check)

    @property
    def attention_rows(self) -> list[PreviewRow]:
        """Rows to look at again: not people, or people with a warning."""
        return [r for r in self.rows if r.problems and r.kind != "total"]


@dataclass
class ImportResult:
    households: int
    people: int
    f0: int
    f1: int
    new_households: int
    updated_households: int
    new_people: int
    updated_people: int
    status_changes: int
    rejected: list[RowProblem]
    warnings: list[RowProblem]
    sheets: list[SheetSummary] = field(default_factory=list)
    import_id: int | None = None
    file_name: str = ""

    @property
    def changed(self) -> bool:
        return bool(
            self.new_households or self.updated_households or self.new_people
            or self.updated_people or self.status_changes
        )  # fmt: skip

    def as_json(self) -> dict:
        return {
            "file": self.file_name,
            "households": self.households,
            "people": self.people,
            "F0": self.f0,
            "F1": self.f1,
            "rejected": [p.as_json() for p in self.rejected],
            "warnings": [p.as_json() for p in self.warnings],
            "sheets": [s.as_json() for s in self.sheets],
            "new_households": self.new_households,
            "updated_households": self.updated_households,
            "new_people": self.new_people,
            "updated_people": self.updated_people,
            "status_changes": self.status_changes,
            "import_id": self.import_id,
        }


def result_of(preview: ImportPreview) -> ImportResult:
    return ImportResult(
        households=len(preview.households),
        people=preview.people,
        f0=preview.count_status("F0"),
        f1=preview.count_status("F1"),
        new_households=preview.new_households,
        updated_households=preview.updated_households,
        new_people=preview.new_people,
        updated_people=preview.updated_people,
        status_changes=preview.status_changes,
        rejected=preview.rejected,
        warnings=preview.warnings,
        sheets=preview.sheets,
        import_id=preview.import_id,
        file_name=preview.file_name,
    )


# --------------------------------------------------------------------------------------------
# Reading every sheet
# --------------------------------------------------------------------------------------------


def read_roster(
    path: str | Path, *, today: date | None = None, progress: Progress | None = None
) -> ImportPreview:
    """Read a household list from ``path`` without touching any database.

    Every visible sheet with a roster table is read; hidden sheets and sheets without one are
    named in :attr:`ImportPreview.sheets` with the reason. Raises :class:`UserMistake` for a
    file that is not a readable list or has no roster table anywhere.
    """
    path = Path(path)
    today = today or date.today()
    book = open_workbook(path)
    summaries: list[SheetSummary] = []
    households: list[ParsedHousehold] = []
    rows: list[PreviewRow] = []
    headers: dict[str, list[list]] = {}
    first_columns: dict[str, str] | None = None
    first_header: tuple[int, ...] = ()
    seen_ids: dict[str, tuple[str, int]] = {}
    read = 0
    try:
        visible = [s for s in book.sheets if not s.hidden]
        for number, sheet in enumerate(book.sheets):
            if sheet.hidden:
                summaries.append(SheetSummary(sheet.name, skipped="trang ẩn, không đọc"))
                continue
            report(progress, number, len(book.sheets), f"Đang đọc trang {sheet.name}…")
            summary = _read_sheet(
                sheet, today, seen_ids, households, rows, headers, len(visible) > 1, progress
            )
            release_memory()  # the reader's copy of the sheet
            summaries.append(summary)
            if not summary.skipped:
                read += 1
                if first_columns is None:
                    first_columns = dict(summary.columns)  # type: ignore[attr-defined]
                    first_header = summary.header_rows
    finally:
        book.close()
    if not read:
        why = "; ".join(f"{s.name}: {s.skipped}" for s in summaries) or "tệp không có trang nào"
        raise UserMistake(
            f"Không tìm thấy bảng danh sách trong tệp {path.name} ({why}). Cần một dòng tiêu "
            'đề có cột "Họ và tên" và các cột như "Năm sinh", "Quan hệ với chủ hộ", '
            '"Số CCCD/CMND". Không có gì được ghi.'
        )
    return ImportPreview(
        file_name=path.name,
        sheet=", ".join(s.name for s in summaries if not s.skipped),
        header_rows=first_header,
        columns=first_columns or {},
        households=households,
        rows=rows,
        sheets=summaries,
        encoding=book.encoding or next((s.encoding for s in summaries if s.encoding), ""),
        headers=headers,
    )


def _read_sheet(
    sheet,
    today: date,
    seen_ids: dict[str, tuple[str, int]],
    households: list[ParsedHousehold],
    rows: list[PreviewRow],
    headers: dict[str, list[list]],
    several: bool,
    progress: Progress | None = None,
) -> SheetSummary:
    summary = SheetSummary(sheet.name)
    iterator = sheet.rows()
    head: list[list] = []
    for row in iterator:
        head.append(row)
        if len(head) >= HEADER_SCAN_ROWS:
            break
    # A sheet typed with the old TCVN3 / VNI fonts: its text is turned into Unicode.
    convert, legacy = legacy_decoder([v for r in head for v in r if isinstance(v, str)])
    sheet_name = sheet.name
    if convert is not None:
        summary.encoding = legacy
        head = [_converted(r, convert) for r in head]
        iterator = (_converted(r, convert) for r in iterator)
        sheet_name = convert(sheet.name)
    header = find_header(head)
    if header is None:
        summary.skipped = "không có bảng danh sách (không thấy dòng tiêu đề có cột Họ và tên)"
        return summary
    # Rows are numbered as the user sees them: a sheet's own row numbers; in a Word file,
    # the table's rows from 1 (its title lines above it are not rows of the table).
    base = sheet.first_row - 1
    top = head[header]
    sub = head[header + 1] if header + 1 < len(head) else None
    mapping, shown = map_columns(top, None)
    header_rows = [base + header + 1]
    start = header + 1
    if sub is not None and is_subheader(sub, mapping):
        mapping, shown = map_columns(top, sub)
        header_rows.append(base + header + 2)
        start = header + 2
    if start < len(head) and is_numbering_row(head[start]):
        start += 1
    village = _sheet_village(sheet_name, head[:header], several)
    summary.village = village
    parser = RowParser(mapping, shown, today, sheet=sheet.name, village=village, seen_ids=seen_ids)
    headers[sheet.name] = [list(r) for r in head[:start]]
    # The header typed again further down (pages of a printed list pasted one after another):
    # told by the name column holding the header's own text, or a "(1) (2) (3)" numbering.
    name_col = mapping.get("name", -1)
    header_name = (
        top[name_col].strip()
        if 0 <= name_col < len(top) and isinstance(top[name_col], str)
        else None
    )

    def data_rows():
        for index in range(start, len(head)):
            yield base + index + 1, head[index]
        number = base + len(head)
        for row in iterator:
            number += 1
            yield number, row

    for index in range(header):
        if filled_cells(head[index]) and base + index + 1 >= 1:
            summary.leave_out(base + index + 1, LEFT_OUT["title"])
    for number in range(base + header + 1, base + start + 1):
        summary.leave_out(number, LEFT_OUT["header"])
    sheet_rows: list[PreviewRow] = []
    under_header = [head[i] for i in range(header + 1, start)]
    repeated = 0  # rows of the heading that may follow its first row typed again
    blanks: list[int] = []  # blank rows inside the table, listed once a row follows them
    after_total = False
    for number, row in data_rows():
        if progress is not None and number % 5000 == 0:
            progress.check()  # cancel stops the reading here
        if after_total:
            filled = len(filled_cells(row)) if row else 0
            if 0 < filled < 3:
                # Under a total: a signer's name, a title, a note. A row with three values or
                # more is read: the total was a village's subtotal and the list goes on.
                blanks = _flush_blanks(summary, blanks)
                total = is_total_row(row)
                group = None if total else parser.group_row(number, row)
                if group is not None:  # the next village's line: its households follow
                    sheet_rows.append(group)
                    summary.leave_out(number, LEFT_OUT["group"])
                    continue
                summary.leave_out(number, LEFT_OUT["total" if total else "footer"])
                continue
        if header_name is not None and len(row) > name_col:
            cell = row[name_col]
            if cell.__class__ is str and (
                cell.strip() == header_name or (cell[:1] == "(" and is_numbering_row(row))
            ):
                blanks = _flush_blanks(summary, blanks)
                summary.leave_out(number, LEFT_OUT["repeat"])
                repeated = len(under_header)
                continue
        if repeated:
            # the heading's rows under its first ("Nam" / "Nữ", a numbering) typed again too
            repeated -= 1
            if _same_cells(row, under_header) or is_numbering_row(row):
                summary.leave_out(number, LEFT_OUT["repeat"])
                continue
            repeated = 0
        outcome = parser.feed(number, row) if row else None
        if outcome is None:
            if not row or not filled_cells(row):
                if len(blanks) < 2:  # a run of blank rows: its first and last
                    blanks.append(number)
                else:
                    blanks[1] = number
                parser.after_blank = True
                continue
            blanks = _flush_blanks(summary, blanks)
            summary.leave_out(number, LEFT_OUT["empty"])
            continue
        blanks = _flush_blanks(summary, blanks)
        sheet_rows.append(outcome)
        if outcome.kind == "total":
            after_total = True
            summary.leave_out(number, LEFT_OUT["total"])
        elif outcome.kind in ("group", "household"):
            summary.leave_out(number, LEFT_OUT[outcome.kind])
    parser.finish()
    if not parser.households:
        summary.skipped = "có dòng tiêu đề nhưng không có người nào trong bảng"
        rows.extend(r for r in sheet_rows if r.problems)
        return summary
    households.extend(parser.households)
    rows.extend(sheet_rows)
    if len(rows) > PREVIEW_ALL_ROWS:  # a big list: keep only the rows worth showing
        rows[:] = [
            r for r in rows if r.problems or r.cells is not None or r.kind not in ("head", "member")
        ]
    summary.households = len(parser.households)
    summary.people = parser.people
    summary.header_rows = tuple(header_rows)
    summary.columns = shown  # type: ignore[attr-defined]
    return summary


def _same_cells(row: list, rows: list[list]) -> bool:
    """Is ``row`` one of ``rows`` again (texts alike, blank cells at its end aside)?"""

    def plain(r: list) -> list[str]:
        out = [" ".join(cell_text(v).split()).casefold() for v in r]
        while out and not out[-1]:
            out.pop()
        return out

    mine = plain(row)
    return bool(mine) and any(plain(r) == mine for r in rows)


def _flush_blanks(summary: SheetSummary, blanks: list[int]) -> list[int]:
    """List the run of blank rows just passed (inside the table: a row follows it)."""
    if blanks:
        summary.leave_out(blanks[0], LEFT_OUT["blank"], last=blanks[-1])
    return []


def _converted(row: list, convert) -> list:
    return [convert(v) if v.__class__ is str else v for v in row]


def _sheet_village(name: str, title_rows: list[list], several: bool) -> str:
    """The village of a whole sheet: from a title row ("... - THÔN 4"), else the sheet's
    name ("Thôn 4"; a plain name like "Nà Pài" only when the file has a sheet per village)."""
    for row in title_rows:
        for value in row:
            text = cell_text(value)
            if text and len(text) < 200:
                named = village_from_text(text)
                if named:
                    return named
    named = village_from_sheet_name(name)
    if named:
        return named
    if several and not is_generic_sheet_name(name):
        return " ".join(name.split())[:120]
    return ""


# --------------------------------------------------------------------------------------------
# Against the database
# --------------------------------------------------------------------------------------------


def preview_import(
    db: Database, path: str | Path, area_id: int, *, today: date | None = None
) -> ImportPreview:
    """Read ``path`` and work out what importing it into the area would do; writes nothing."""
    preview = read_roster(path, today=today)
    plan_preview(db, preview, area_id)
    return preview


def plan_preview(db: Database, preview: ImportPreview, area_id: int) -> None:
    """Fill the preview's new/updated counts and row actions for ``area_id`` (no writes)."""
    with db.session() as s:
        area = get_area(s, area_id)
        fill_single_village(preview, area)
        plans = make_plan(snapshot_for(s, area_id, preview), preview, isolation_defaults(db))
    preview.area_id = area_id
    tally(preview, plans)


def apply_import(
    db: Database,
    preview: ImportPreview,
    area_id: int,
    *,
    author: str = "",
    progress: Progress | Callable[[int, int], None] | None = None,
) -> ImportResult:
    """Write a previewed list into the area as one audited, undoable operation."""
    if progress is not None and not isinstance(progress, Progress):
        callback = progress
        progress = Progress(lambda done, total, _label: callback(done, total or 1))
    write_import(db, preview, area_id, author=author, progress=progress)
    return result_of(preview)


def import_file(
    db: Database,
    path: str | Path,
    area_id: int,
    *,
    author: str = "",
    progress: Progress | None = None,
) -> ImportResult:
    """Read and import a list in one go (the CLI); rows that are not people are reported."""
    preview = read_roster(path, progress=progress)
    return apply_import(db, preview, area_id, author=author, progress=progress)
