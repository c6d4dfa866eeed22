"""The people on duty, from the list the commune already keeps: nobody types ninety names.

The file is any the household lists come in (:func:`fieldapp.households.workbook.
open_workbook`: .xlsx, .xls, .ods, .csv, a Word table, a PDF printed from either), every
visible sheet. A sheet's heading row has a name column ("Họ và tên", "Họ tên"); the other
columns are found by their headings: the force or position ("Lực lượng", "Chức vụ",
"Thành phần"), the unit ("Đơn vị", "Tổ", "Bộ phận"), the phone ("Điện thoại", "SĐT") and
notes. Lists grouped by force under a line of their own ("I. CÔNG AN XÃ", "Dân quân tự vệ")
give that force to the people under it.

Everyone named is kept. A person whose force cannot be told comes in without a role; a phone
number that is not one goes into the notes: both flagged, to check. A person already in the
register (same name and unit) is left as is; one named twice in the file comes in once.
Rows that are not people (titles, the heading typed again, totals, signatures) are listed
with why. Writing is one transaction (:func:`add_staff_list`), undone as one
(:func:`remove_staff_list`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from fieldapp.db.database import Database
from fieldapp.errors import UserError
from fieldapp.text.vietnamese import fold, nfc

HEADER_ROWS = 30  # the heading row is looked for among the first rows of a sheet
MAX_ROWS = 20_000  # people on duty in one commune are some hundreds
MAX_NAME = 100

_NAME = ("ho va ten", "ho ten", "ho, ten", "ten can bo", "ten")
_SURNAME = ("ho", "ho dem", "ho va ten dem", "ho va chu dem", "ho lot")
_FORCE = ("luc luong", "chuc vu", "thanh phan", "vai tro", "nhiem vu", "chuc danh")
_UNIT = ("don vi", "to ", "to cong tac", "bo phan", "co quan", "noi cong tac", "thon")
_PHONE = ("dien thoai", "sdt", "so dt", "dt lien he", "so dien thoai")
_NOTES = ("ghi chu",)

# Words that say a person's force, by role id (the ids of rostering.instance.ROLE_LABELS).
ROLE_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("police", ("cong an", "ca xa", "csgt", "canh sat")),
    ("militia", ("dan quan", "tu ve", "dqtv")),
    ("military", ("quan su", "bo doi", "chi huy truong")),
    ("health", ("y te", "bac si", "y si", "dieu duong", "ho sinh", "tram y", "tyt")),
    ("youth", ("doan vien", "thanh nien", "doan thanh nien", "tncs")),
    ("women", ("phu nu",)),
    ("veterans", ("cuu chien binh", "ccb")),
    ("community", ("to covid", "cong dong")),
    ("volunteer", ("tinh nguyen",)),
    ("official", ("can bo", "cong chuc", "ubnd", "uy ban", "van phong")),
)
_SECTION = re.compile(r"^\s*(?:[IVX]{1,5}|[A-Ha-h]|\d{1,2})\s*[.)/-]\s*(?=\S)")
_TOTAL = re.compile(r"^(tong( so)?|cong)\b")


@dataclass
class StaffRow:
    """One person of the file, as it will be written (``known``: already in the register)."""

    sheet: str
    row: int
    name: str
    unit: str = ""
    roles: tuple[str, ...] = ()
    phone: str = ""
    notes: str = ""
    problems: list[str] = field(default_factory=list)
    known: bool = False
    twice: bool = False  # named again in the file: comes in once


@dataclass
class StaffListPreview:
    file_name: str
    rows: list[StaffRow] = field(default_factory=list)
    left_out: list[str] = field(default_factory=list)  # "Trang X, dòng N: why"
    sheets: list[str] = field(default_factory=list)  # the sheets read

    @property
    def to_add(self) -> list[StaffRow]:
        return [r for r in self.rows if not r.known and not r.twice]

    def summary(self) -> str:
        known = sum(1 for r in self.rows if r.known)
        flagged = sum(1 for r in self.to_add if r.problems)
        text = f"Sẽ thêm {len(self.to_add)} người"
        if known:
            text += f"; {known} người đã có trong danh sách (giữ nguyên)"
        if flagged:
            text += f"; {flagged} người cần kiểm tra"
        if self.left_out:
            text += f"; {len(self.left_out)} dòng không phải người"
        return text + "."


def roles_in(text: str) -> tuple[str, ...]:
    """The forces a text names ("Công an xã" -> police), most specific first."""
    key = " " + " ".join(re.sub(r"[^a-z0-9 ]", " ", fold(text)).split()) + " "
    found = [role for role, words in ROLE_WORDS if any(f" {w} " in key for w in words)]
    return tuple(found[:2])


def read_staff_list(path: str | Path) -> StaffListPreview:
    """Read a file of people on duty; raises :class:`UserError` (nothing written) when it
    holds no such list."""
    from fieldapp.households.workbook import open_workbook

    path = Path(path)
    book = open_workbook(path)
    preview = StaffListPreview(path.name)
    skipped: list[str] = []
    try:
        for sheet in book.sheets:
            if sheet.hidden:
                continue
            why = _read_sheet(sheet, preview)
            if why:
                skipped.append(f"{sheet.name}: {why}")
            else:
                preview.sheets.append(sheet.name)
    finally:
        book.close()
    if not preview.rows:
        raise UserError(
            f"Không tìm thấy danh sách người trực trong tệp {path.name} "
            f"({'; '.join(skipped) or 'tệp không có trang nào'}). Cần một dòng tiêu đề có cột "
            '"Họ và tên", và nên có cột "Lực lượng" hoặc "Đơn vị", "Điện thoại". '
            "Không có gì được ghi."
        )
    seen: dict[tuple[str, str], StaffRow] = {}
    for row in preview.rows:
        key = (fold(row.name), fold(row.unit))
        first = seen.setdefault(key, row)
        if first is not row:
            row.twice = True
            row.problems.append(f"trùng với dòng {first.row} ({first.sheet}): nhập một lần")
    return preview


def _heading(cells: list[str]) -> dict[str, int] | None:
    """The columns of a heading row, or None when the row has no name column."""
    columns: dict[str, int] = {}
    for i, text in enumerate(cells):
        key = " ".join(re.sub(r"[^a-z0-9, ]", " ", fold(text)).split())
        if not key:
            continue
        if "surname" not in columns and key in _SURNAME:
            columns["surname"] = i  # "Họ" | "Tên": the name typed in two columns
        elif "name" not in columns and any(key == w or key.startswith(w + " ") for w in _NAME):
            columns["name"] = i
        elif "phone" not in columns and any(w in key for w in _PHONE):
            columns["phone"] = i
        elif "force" not in columns and any(w in key for w in _FORCE):
            columns["force"] = i
        elif "unit" not in columns and any(key.startswith(w.strip()) for w in _UNIT):
            columns["unit"] = i
        elif "notes" not in columns and any(w in key for w in _NOTES):
            columns["notes"] = i
    return columns if "name" in columns else None


def _read_sheet(sheet, preview: StaffListPreview) -> str:
    """Read one sheet's people into ``preview``; why it has none ("" when it has)."""
    from fieldapp.households.roster_table import cell_text

    base = sheet.first_row - 1
    rows = sheet.rows()
    head: list[list[str]] = []
    columns = None
    for row in rows:
        head.append([cell_text(v) for v in row])
        columns = _heading(head[-1])
        if columns is not None or len(head) >= HEADER_ROWS:
            break
    if columns is None:
        return 'không có dòng tiêu đề có cột "Họ và tên"'
    heading = head[-1]
    number = base + len(head)
    section_roles: tuple[str, ...] = ()
    section_unit = ""
    before = len(preview.rows)

    def cell(cells: list[str], key: str) -> str:
        i = columns.get(key, -1)
        return cells[i] if 0 <= i < len(cells) else ""

    for raw in rows:
        number += 1
        if number - base > MAX_ROWS:
            raise UserError(
                f"Trang {sheet.name} dài hơn {MAX_ROWS} dòng: không phải danh sách người trực. "
                "Không có gì được ghi."
            )
        cells = [cell_text(v) for v in raw]
        phone_at = columns.get("phone", -1)
        phone_value = raw[phone_at] if 0 <= phone_at < len(raw) else None
        filled = [c for c in cells if c]
        if not filled:
            continue
        name = " ".join(f"{cell(cells, 'surname')} {cell(cells, 'name')}".split())
        where = f"Trang {sheet.name}, dòng {number}"
        if cells[: len(heading)] == heading[: len(cells)] or fold(cell(cells, "name")) == fold(
            cell(heading, "name")
        ):
            preview.left_out.append(f"{where}: dòng tiêu đề nhắc lại")
            continue
        if all(re.fullmatch(r"\(?\d{1,2}\)?", c) for c in filled):
            preview.left_out.append(f"{where}: dòng đánh số cột")
            continue
        text = " ".join(filled)
        if _TOTAL.match(fold(text)):
            preview.left_out.append(f"{where}: dòng tổng cộng")
            continue
        fields = [cell(cells, k) for k in ("force", "unit", "phone", "notes")]
        numbered = _SECTION.match(text) or re.fullmatch(r"[IVX]{1,5}|[A-H]", filled[0])
        if not name or (not any(fields) and (name.isupper() or numbered)):
            # a line of its own: the force (or unit) of the people under it ("II. DÂN QUÂN
            # TỰ VỆ"), or a title, a date, a signature
            roles = roles_in(text)
            if roles or numbered:
                section_roles = roles
                section_unit = "" if roles else _SECTION.sub("", text).strip()
                preview.left_out.append(f"{where}: dòng nhóm «{text[:60]}»")
            else:
                preview.left_out.append(f"{where}: không phải người (tiêu đề, ngày tháng, chữ ký)")
            continue
        if not any(ch.isalpha() for ch in name):
            preview.left_out.append(f"{where}: không có họ tên")
            continue
        preview.rows.append(
            _person(sheet.name, number, name, cells, cell, phone_value, section_roles, section_unit)
        )
    return "" if len(preview.rows) > before else "có dòng tiêu đề nhưng không có người nào"


def _person(sheet, number, name, cells, cell, phone_value, section_roles, section_unit) -> StaffRow:
    from fieldapp.households.identity import IdentityError, normalize_phone

    problems: list[str] = []
    name = nfc(name)
    if len(name) > MAX_NAME:
        problems.append(f"họ tên dài quá {MAX_NAME} chữ: đã cắt bớt")
        name = name[:MAX_NAME]
    force = " ".join(cell(cells, "force").split())
    unit = nfc(" ".join(cell(cells, "unit").split()))[:100]
    roles = roles_in(force) or roles_in(unit) or section_roles
    notes = [nfc(cell(cells, "notes").strip())] if cell(cells, "notes").strip() else []
    if force and not roles_in(force):
        notes.append(nfc(force))
    if not unit and section_unit and not section_roles:
        unit = nfc(section_unit)[:100]
    if not roles:
        problems.append("chưa rõ lực lượng (công an, dân quân, ...): nhập chưa có vai trò, sửa sau")
    raw_phone = cell(cells, "phone").strip()
    phone = ""
    if raw_phone:
        try:  # the cell's own value: a number cell lost the leading 0
            phone = normalize_phone(phone_value if phone_value is not None else raw_phone)
        except IdentityError as err:
            problems.append(f"«{raw_phone[:30]}»: {err} — ghi vào ghi chú")
            notes.append(f"ĐT: {raw_phone[:40]}")
    return StaffRow(
        sheet, number, name, unit, roles, phone, "; ".join(n for n in notes if n)[:500], problems
    )


def plan_staff_list(db: Database, preview: StaffListPreview) -> None:
    """Mark who is already in the register (same name and unit, folded)."""
    from fieldapp.rostering.snapshot import list_staff

    have = {(fold(p.name), fold(p.unit)) for p in list_staff(db, include_inactive=True)}
    for row in preview.rows:
        row.known = (fold(row.name), fold(row.unit)) in have


def add_staff_list(db: Database, preview: StaffListPreview) -> list[int]:
    """Add everyone new of the preview in one transaction; their ids (for undo)."""
    from fieldapp.rostering.register import add_staff_rows

    plan_staff_list(db, preview)  # the register may have changed since the preview
    return add_staff_rows(
        db,
        [
            {"name": r.name, "unit": r.unit, "roles": r.roles, "phone": r.phone, "notes": r.notes}
            for r in preview.to_add
        ],
    )


def remove_staff_list(db: Database, ids: list[int]) -> None:
    """Undo :func:`add_staff_list`: the people it added, unless one is on a roster now."""
    from fieldapp.rostering.register import delete_staff_rows

    delete_staff_rows(db, ids)
