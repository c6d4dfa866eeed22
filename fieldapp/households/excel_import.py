"""Importing household lists from the Excel files communes really keep.

Real lists have title rows above the table, two-row merged headers ("Năm sinh" over "Nam" and
"Nữ", whose column tells the sex), a row numbering the columns, STT only on the head's row
with the members under it, CCCD and phone numbers typed as numbers (leading zero lost),
dates as text dd/mm/yyyy or as Excel dates, village group rows, blank spacer rows, a total
row and signatures below it. Reading goes in three steps:

1. :func:`read_roster` (no database): find the header row, map columns by their folded
   Vietnamese names, read every row into households and people, and note each row's problems
   (errors reject the row; warnings do not);
2. :func:`preview_import`: the same plus what the database already holds — which households
   are new, which will be updated, which rows clash with another area — all before writing;
3. :func:`apply_import`: write the plan in one transaction.

Re-importing the same or an updated list never duplicates: a household is the one that has a
person with the same CCCD, else the same head, village, house number and head's year of birth,
else the only household of the area with that head in that village whose house number or
head's year still agrees (one of them corrected). A person of a matched household is matched
by CCCD, else by name and year of birth, else by a name unique in the household. Blank cells
never erase what is stored; flags are only ever added. Messages name the row and column,
never the value of a CCCD or phone.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace

from openpyxl.utils import get_column_letter
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from fieldapp.db.base import new_uuid, utcnow
from fieldapp.db.database import Database
from fieldapp.errors import UserError
from fieldapp.households.identity import (
    IdentityError,
    citizen_id_mismatch,
    normalize_citizen_id,
    normalize_phone,
)
from fieldapp.households.models import (
    HealthStatus,
    Household,
    HouseholdMember,
    LockdownArea,
)
from fieldapp.households.service import (
    FLAG_NAMES,
    age_flags,
    derived_columns,
    match_key,
)
from fieldapp.text.vietnamese import fold, nfc, parse_date

HEADER_SCAN_ROWS = 40
ERROR, WARNING = "error", "warning"

# field -> folded column names (matched as whole words; the longest match wins).
SYNONYMS: dict[str, tuple[str, ...]] = {
    "stt": ("stt", "tt", "so tt", "so thu tu"),
    "name": (
        "ho va ten",
        "ho ten",
        "ten",
        "ho ten nhan khau",
        "ho va ten nhan khau",
        "ho va ten thanh vien",
        "ho ten chu ho va thanh vien",
        "ho va ten chu ho va cac thanh vien",
    ),
    "birth": ("nam sinh", "ngay sinh", "ngay thang nam sinh", "sinh nam"),
    "sex": ("gioi tinh", "gioi"),
    "relation": (
        "quan he voi chu ho",
        "quan he",
        "qh voi chu ho",
        "quan he chu ho",
        "moi quan he",
        "qh voi ch",
    ),
    "citizen_id": (
        "cccd",
        "so cccd",
        "can cuoc cong dan",
        "can cuoc",
        "cmnd",
        "so cmnd",
        "cmnd cccd",
        "cccd cmnd",
        "so dinh danh",
        "so dinh danh ca nhan",
        "ma dinh danh",
    ),
    "phone": (
        "so dien thoai",
        "dien thoai",
        "sdt",
        "so dt",
        "dt",
        "dtdd",
        "dien thoai lien he",
    ),
    "village": ("thon", "xom", "ban", "thon xom", "thon ban", "to dan pho", "tdp", "khu pho"),
    "street": ("duong", "duong pho", "pho", "ngo", "duong ngo", "ngo pho"),
    "house_number": ("so nha",),
    "address": ("dia chi", "noi o", "noi o hien nay", "dia chi thuong tru", "cho o hien nay"),
    "status": (
        "tinh trang",
        "phan loai",
        "f0 f1",
        "f0 f1 f2",
        "doi tuong",
        "tinh trang suc khoe",
        "phan loai doi tuong",
        "phan loai f",
    ),
    "isolation": (
        "hinh thuc cach ly",
        "noi cach ly",
        "cach ly tai",
        "dia diem cach ly",
        "hinh thuc",
    ),
    "iso_start": (
        "ngay bat dau cach ly",
        "bat dau cach ly",
        "tu ngay",
        "ngay bat dau",
        "ngay cach ly",
        "bat dau",
    ),
    "iso_end": (
        "ngay ket thuc cach ly",
        "ket thuc cach ly",
        "den ngay",
        "ngay ket thuc",
        "ngay het cach ly",
        "du kien ket thuc",
        "ket thuc",
    ),
    "poor": ("ho ngheo", "ho ngheo can ngheo", "dien ho ngheo", "ho ngheo hn"),
    "elderly": ("nguoi cao tuoi", "cao tuoi", "nct"),
    "young_child": ("tre em", "tre nho", "tre em duoi 6 tuoi", "tre duoi 6 tuoi"),
    "pregnant": ("mang thai", "phu nu mang thai", "co thai", "phu nu co thai"),
    "disabled": ("khuyet tat", "nguoi khuyet tat", "nkt"),
    "chronic": ("benh nen", "mac benh nen", "benh man tinh", "co benh nen", "nguoi co benh nen"),
    "vulnerable": (
        "doi tuong de bi ton thuong",
        "doi tuong yeu the",
        "doi tuong dac biet",
        "doi tuong uu tien",
        "de bi ton thuong",
    ),
    "notes": ("ghi chu",),
}
# What each field is called in messages.
FIELD_LABELS: dict[str, str] = {
    "stt": "STT",
    "name": "Họ và tên",
    "birth": "Năm sinh",
    "birth_M": "Năm sinh (Nam)",
    "birth_F": "Năm sinh (Nữ)",
    "sex": "Giới tính",
    "relation": "Quan hệ với chủ hộ",
    "citizen_id": "Số CCCD",
    "phone": "Số điện thoại",
    "village": "Thôn",
    "street": "Đường, phố",
    "house_number": "Số nhà",
    "address": "Địa chỉ",
    "status": "Tình trạng (F0, F1)",
    "isolation": "Hình thức cách ly",
    "iso_start": "Cách ly từ ngày",
    "iso_end": "Cách ly đến ngày",
    "poor": "Hộ nghèo",
    "elderly": "Người cao tuổi",
    "young_child": "Trẻ nhỏ",
    "pregnant": "Mang thai",
    "disabled": "Khuyết tật",
    "chronic": "Bệnh nền",
    "vulnerable": "Đối tượng dễ bị tổn thương",
    "notes": "Ghi chú",
}

_PUNCT = re.compile(r"[^\w]+")
_NUMBERING = re.compile(r"\(?\s*(\d{1,2}|[a-z])\s*\)?")
_ROMAN = re.compile(r"(i|ii|iii|iv|v|vi|vii|viii|ix|x|xi|xii)\.?")
_GROUP_PREFIXES = ("thon ", "xom ", "ban ", "to dan pho ", "to ", "khu ", "khu pho ", "ap ")
_TRUE_MARKS = {"x", "co", "1", "v", "yes", "true", "ngheo", "ho ngheo", "hn", "✓", "✔", "√", "+"}
_FALSE_MARKS = {"0", "khong", "-", "no", "false", "k"}
_FOOTER_WORDS = ("nguoi lap", "xac nhan", "truong thon", "ky ten", "ky, ghi ro", "ky ghi ro")
_RELATION_SEX = {
    "vo": "F",
    "chong": "M",
    "con trai": "M",
    "con gai": "F",
    "bo": "M",
    "cha": "M",
    "me": "F",
    "ong": "M",
    "ba": "F",
    "chau trai": "M",
    "chau gai": "F",
    "con dau": "F",
    "con re": "M",
    "anh": "M",
    "chi": "F",
}
_KEYWORD_FLAGS = (
    ("cao tuoi", "elderly"),
    ("tre em", "young_child"),
    ("tre nho", "young_child"),
    ("mang thai", "pregnant"),
    ("co thai", "pregnant"),
    ("khuyet tat", "disabled"),
    ("benh nen", "chronic"),
    ("man tinh", "chronic"),
    ("tieu duong", "chronic"),
    ("huyet ap", "chronic"),
    ("tim mach", "chronic"),
    ("ung thu", "chronic"),
    ("suy than", "chronic"),
)


def label_fold(text: object) -> str:
    """A header cell as comparable words: folded, punctuation as spaces."""
    if text is None:
        return ""
    return " ".join(_PUNCT.sub(" ", fold(str(text))).split())


# --------------------------------------------------------------------------------------------
# Results
# --------------------------------------------------------------------------------------------


@dataclass
class RowProblem:
    """A problem of one row: ``column`` is the column's header (or letter), never its value."""

    row: int
    column: str
    message: str
    severity: str = ERROR

    def text(self) -> str:
        where = f"dòng {self.row}" + (f", cột {self.column}" if self.column else "")
        return f"{where}: {self.message}"


@dataclass
class ParsedPerson:
    row: int
    full_name: str
    is_head: bool = False
    birth_year: int | None = None
    birth_date: date | None = None
    sex: str = ""
    relation: str = ""
    citizen_id: str | None = None
    phone: str = ""
    flags: set[str] = field(default_factory=set)
    notes: str = ""
    status: str = ""
    isolation: str = ""
    iso_start: date | None = None
    iso_end: date | None = None


@dataclass
class ParsedHousehold:
    row: int
    village: str = ""
    street: str = ""
    house_number: str = ""
    phone: str = ""
    poor: bool = False
    people: list[ParsedPerson] = field(default_factory=list)

    @property
    def head(self) -> ParsedPerson:
        return self.people[0]


@dataclass
class PreviewRow:
    """One row of the sheet as the preview table shows it."""

    row: int
    kind: str  # head, member, group, skipped, total
    name: str = ""
    household_row: int | None = None
    problems: list[RowProblem] = field(default_factory=list)
    action: str = ""  # new, update, same (households and people after planning)

    @property
    def rejected(self) -> bool:
        return any(p.severity == ERROR for p in self.problems)


@dataclass
class ImportPreview:
    """Everything read from a file, and (after :func:`preview_import`) what would change."""

    file_name: str
    sheet: str
    header_rows: tuple[int, ...]
    columns: dict[str, str]  # field -> "C (Năm sinh / Nam)"
    households: list[ParsedHousehold]
    rows: list[PreviewRow]
    area_id: int | None = None
    new_households: int = 0
    updated_households: int = 0
    new_people: int = 0
    updated_people: int = 0
    status_changes: int = 0

    @property
    def people(self) -> int:
        return sum(len(h.people) for h in self.households)

    def count_status(self, status: str) -> int:
        return sum(1 for h in self.households for p in h.people if p.status == status)

    @property
    def rejected(self) -> list[RowProblem]:
        """The first error of each rejected row, in row order."""
        out = []
        for r in self.rows:
            errors = [p for p in r.problems if p.severity == ERROR]
            if errors:
                out.append(errors[0])
        return out

    @property
    def warnings(self) -> list[RowProblem]:
        return [p for r in self.rows for p in r.problems if p.severity == WARNING]


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

    def as_json(self) -> dict:
        return {
            "households": self.households,
            "people": self.people,
            "F0": self.f0,
            "F1": self.f1,
            "rejected": [
                {"row": p.row, "column": p.column, "reason": p.message} for p in self.rejected
            ],
            "warnings": [
                {"row": p.row, "column": p.column, "reason": p.message} for p in self.warnings
            ],
            "new_households": self.new_households,
            "updated_households": self.updated_households,
            "new_people": self.new_people,
            "updated_people": self.updated_people,
            "status_changes": self.status_changes,
        }


# --------------------------------------------------------------------------------------------
# Reading the sheet
# --------------------------------------------------------------------------------------------


def _open_rows(path: Path) -> list[tuple[str, Callable[[], Iterable[tuple]]]]:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    if not path.exists():
        raise UserError(f"Không tìm thấy tệp {path.name}.")
    if path.suffix.lower() == ".xls":
        raise UserError(
            f"Tệp {path.name} là Excel đời cũ (.xls). Hãy mở bằng Excel và lưu lại dạng .xlsx."
        )
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise UserError(
            f"Tệp {path.name} không phải tệp Excel (.xlsx) đọc được, hoặc đã hỏng. "
            "Không có gì được ghi."
        ) from exc
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds on broken XML
        raise UserError(
            f"Tệp {path.name} bị hỏng hoặc không đúng định dạng Excel. Không có gì được ghi."
        ) from exc
    return [(ws.title, lambda ws=ws: ws.iter_rows(values_only=True)) for ws in workbook]


def _field_of(label: str) -> tuple[str | None, int]:
    """The field a folded header names, and the length of the matched synonym."""
    if not label:
        return None, 0
    padded = f" {label} "
    best, length = None, 0
    for name, words in SYNONYMS.items():
        for synonym in words:
            if len(synonym) > length and f" {synonym} " in padded:
                best, length = name, len(synonym)
    return best, length


def _header_score(row: tuple) -> tuple[int, bool]:
    fields = set()
    for cell in row:
        if isinstance(cell, str):
            name, _ = _field_of(label_fold(cell))
            if name is not None:
                fields.add(name)
    return len(fields), "name" in fields


def _is_numbering_row(row: tuple) -> bool:
    cells = [c for c in row if c is not None and str(c).strip()]
    if len(cells) < 3:
        return False
    numbered = 0
    for c in cells:
        if isinstance(c, int | float) and not isinstance(c, bool) and 0 < c < 100:
            numbered += 1
        elif isinstance(c, str) and _NUMBERING.fullmatch(fold(c.strip())):
            numbered += 1
    return numbered >= 0.8 * len(cells)


def _map_columns(top: tuple, sub: tuple | None) -> tuple[dict[str, int], dict[str, str]]:
    """field -> column index, and field -> "C (header)" for messages and the preview."""
    width = max(len(top), len(sub or ()))
    tops = list(top) + [None] * (width - len(top))
    subs = list(sub or ()) + [None] * (width - len(sub or ()))
    mapping: dict[str, int] = {}
    shown: dict[str, str] = {}
    inherited = ""
    for col in range(width):
        t = label_fold(tops[col])
        s = label_fold(subs[col]) if sub is not None else ""
        if t:
            inherited = tops[col]
        elif s:
            t = label_fold(inherited)  # under a merged top cell
        chosen: str | None = None
        if s in ("nam", "nu", "nam gioi", "nu gioi"):
            chosen = "birth_M" if s.startswith("nam") else "birth_F"
        elif not s and t in ("nam", "nu"):
            chosen = "birth_M" if t == "nam" else "birth_F"
        else:
            for candidate in (s, f"{t} {s}".strip(), t):
                name, _ = _field_of(candidate)
                if name is not None:
                    chosen = name
                    break
        if chosen is None or chosen in mapping:
            continue
        mapping[chosen] = col
        header = " / ".join(str(x).strip() for x in (tops[col] or inherited, subs[col]) if x)
        shown[chosen] = f"{get_column_letter(col + 1)} ({' '.join(header.split())})"
    return mapping, shown


def _find_header(rows: list[tuple]) -> int | None:
    best, best_score = None, 1
    for i, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        score, has_name = _header_score(row)
        if has_name and score > best_score:
            best, best_score = i, score
    return best


def read_roster(path: str | Path, *, today: date | None = None) -> ImportPreview:
    """Read a household list from ``path`` (.xlsx) without touching any database.

    The list is the first sheet that holds a table of people. Raises :class:`UserError` for a
    file that is not a readable workbook or has no table of people (no header row with a name
    column, or no one under it).
    """
    path = Path(path)
    empty: UserError | None = None
    for title, rows_of in _open_rows(path):
        head_rows = []
        for i, row in enumerate(rows_of()):
            head_rows.append(row)
            if i + 1 >= HEADER_SCAN_ROWS:
                break
        header = _find_header(head_rows)
        if header is None:
            continue
        try:
            rows = list(rows_of())
        except Exception as exc:  # noqa: BLE001 - a broken sheet inside a valid zip
            raise UserError(f"Tệp {path.name} bị hỏng: không đọc hết được trang {title}.") from exc
        try:
            return _parse(path.name, title, rows, header, today or date.today())
        except UserError as err:
            empty = empty or err  # a sheet with headers and no one: try the next sheet
    if empty is not None:
        raise empty
    raise UserError(
        f"Không tìm thấy bảng danh sách trong tệp {path.name}: cần một dòng tiêu đề có cột "
        '"Họ và tên" và các cột như "Năm sinh", "Quan hệ với chủ hộ", "Số CCCD".'
    )


def _parse(
    file_name: str, sheet: str, rows: list[tuple], header: int, today: date
) -> ImportPreview:
    top = rows[header]
    sub = rows[header + 1] if header + 1 < len(rows) else None
    mapping, _ = _map_columns(top, None)
    header_rows = [header + 1]
    start = header + 1
    if sub is not None and _is_subheader(sub, mapping):
        mapping, shown = _map_columns(top, sub)
        header_rows.append(header + 2)
        start = header + 2
    else:
        mapping, shown = _map_columns(top, None)
    if start < len(rows) and _is_numbering_row(rows[start]):
        start += 1
    parser = _RowParser(mapping, shown, today)
    preview_rows: list[PreviewRow] = []
    for index in range(start, len(rows)):
        outcome = parser.feed(index + 1, rows[index])
        if outcome is None:
            continue
        preview_rows.append(outcome)
        if outcome.kind == "total":
            break
    if not parser.households and not any(r.kind in ("head", "member") for r in preview_rows):
        raise UserError(f"Tệp {file_name} có dòng tiêu đề nhưng không có người nào trong bảng.")
    return ImportPreview(
        file_name=file_name,
        sheet=sheet,
        header_rows=tuple(header_rows),
        columns=shown,
        households=parser.households,
        rows=preview_rows,
    )


def _is_subheader(row: tuple, mapping: dict[str, int]) -> bool:
    """The row under the header is a second header row (Nam/Nữ, Từ ngày/Đến ngày...)."""
    name_col = mapping.get("name")
    if name_col is not None and name_col < len(row) and _text(row[name_col]):
        return False
    labels = [label_fold(c) for c in row if isinstance(c, str) and c.strip()]
    if not labels:
        return False
    return any(lab in ("nam", "nu") or _field_of(lab)[0] is not None for lab in labels)


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return nfc(" ".join(str(value).split()))


class _RowParser:
    """Turns data rows into households, one row at a time."""

    def __init__(self, mapping: dict[str, int], shown: dict[str, str], today: date) -> None:
        self.mapping = mapping
        self.shown = shown
        self.today = today
        self.households: list[ParsedHousehold] = []
        self.current: ParsedHousehold | None = None
        self.current_rejected_row: int | None = None
        self.group_village = ""
        self.seen_ids: dict[str, int] = {}
        self.has_relation = "relation" in mapping

    def cell(self, row: tuple, name: str) -> object:
        col = self.mapping.get(name)
        if col is None or col >= len(row):
            return None
        value = row[col]
        if isinstance(value, str) and not value.strip():
            return None
        return value

    def problem(self, out: PreviewRow, name: str, message: str, severity: str = ERROR) -> None:
        column = FIELD_LABELS.get(name, "") if name else ""
        if name in self.shown:
            column = self.shown[name]
        out.problems.append(RowProblem(out.row, column, message, severity))

    # -- one row -----------------------------------------------------------------------------

    def feed(self, number: int, row: tuple) -> PreviewRow | None:
        texts = [_text(c) for c in row]
        filled = [t for t in texts if t]
        if not filled:
            return None  # spacer
        folded = [fold(t) for t in filled]
        name = _text(self.cell(row, "name"))
        stt = _text(self.cell(row, "stt"))
        first_cells = [fold(t) for t in texts[:4] if t] + ([fold(name)] if name else [])
        if any(_is_total_label(t) for t in first_cells):
            return PreviewRow(number, "total", name=filled[0])
        if any(w in f for f in folded for w in _FOOTER_WORDS) or (
            not name and any(re.search(r"ngay .{0,6}thang .{0,6}nam", f) for f in folded)
        ):
            return PreviewRow(number, "total", name=filled[0])
        group = self._group_label(stt, name, filled)
        if group is not None:
            self.group_village = group
            return PreviewRow(number, "group", name=group)
        if not name:
            if len(filled) == 1 and stt:
                return None  # a numbered empty line of a template
            out = PreviewRow(number, "skipped")
            self.problem(out, "name", "thiếu họ tên")
            return out
        return self._person_row(number, row, name, stt)

    def _group_label(self, stt: str, name: str, filled: list[str]) -> str | None:
        """A row naming a village ("Thôn Nà Pài", "I. Thôn Nà Pài") above its households."""
        label = name or (filled[0] if len(filled) == 1 else "")
        if len(filled) > 2 or not label:
            return None
        roman = bool(stt) and _ROMAN.fullmatch(fold(stt)) is not None
        folded = fold(label)
        if folded.startswith(_GROUP_PREFIXES) and (roman or len(filled) == 1 or not stt):
            if len(filled) == 2 and not roman:
                return None
            # "Thôn Nà Pài" names the village Nà Pài; "Bản Lác", "Tổ 5" are names themselves.
            words = label.split()
            if fold(words[0]) in ("thon", "xom", "ap") and len(words) > 1:
                return " ".join(words[1:])
            return label
        return None

    def _person_row(self, number: int, row: tuple, name: str, stt: str) -> PreviewRow:
        relation = _text(self.cell(row, "relation"))
        rel_fold = fold(relation)
        if self.has_relation and relation:
            starts = rel_fold in ("chu ho", "ch", "chuho") or rel_fold.startswith("chu ho")
        else:
            starts = bool(stt)
        out = PreviewRow(number, "head" if starts else "member", name=name)
        person = ParsedPerson(row=number, full_name=name, is_head=starts)
        if relation:
            person.relation = relation[:1].upper() + relation[1:]
        elif starts:
            person.relation = "Chủ hộ"
        if any(ch.isdigit() for ch in name):
            self.problem(out, "name", "họ tên có chữ số")
        elif len(name) > 120:
            self.problem(out, "name", "họ tên quá dài")
        self._birth(row, person, out)
        self._sex(row, person, out)
        self._identity(row, person, out)
        self._flags(row, person, out)
        self._status(row, person, out)
        person.notes = _text(self.cell(row, "notes"))
        for key, value in age_flags(person.birth_year, self.today).items():
            if value:
                person.flags.add(key)
        if starts:
            household = ParsedHousehold(row=number)
            self._household_fields(row, household, out)
            household.people.append(person)
            if out.rejected:
                self.current = None
                self.current_rejected_row = number
            else:
                self.current = household
                self.current_rejected_row = None
                self.households.append(household)
            out.household_row = number
            return out
        if self.current is None:
            if self.current_rejected_row is not None:
                self.problem(
                    out,
                    "",
                    f"thuộc hộ có dòng chủ hộ {self.current_rejected_row} bị loại",
                )
            else:
                self.problem(out, "", "không có dòng chủ hộ phía trên (thiếu STT hoặc quan hệ)")
            return out
        out.household_row = self.current.row
        if not out.rejected:
            self.current.people.append(person)
        return out

    # -- fields ------------------------------------------------------------------------------

    def _birth(self, row: tuple, person: ParsedPerson, out: PreviewRow) -> None:
        sources = [("birth", "")]
        if "birth_M" in self.mapping or "birth_F" in self.mapping:
            sources = [("birth_M", "M"), ("birth_F", "F")]
        found = []
        for name, sex in sources:
            value = self.cell(row, name)
            if value is None:
                continue
            if isinstance(value, str) and fold(value.strip()) in _TRUE_MARKS:
                found.append((sex, None, None))
                continue
            try:
                year, born = _birth_value(value, self.today)
            except ValueError as err:
                self.problem(out, name, str(err))
                return
            found.append((sex, year, born))
        if len(found) > 1:
            self.problem(out, "birth_M", "có cả năm sinh ở cột Nam và cột Nữ")
            return
        if found:
            sex, year, born = found[0]
            person.sex = sex
            person.birth_year, person.birth_date = year, born

    def _sex(self, row: tuple, person: ParsedPerson, out: PreviewRow) -> None:
        value = fold(_text(self.cell(row, "sex")))
        typed = ""
        if value in ("nam", "m", "male", "trai"):
            typed = "M"
        elif value in ("nu", "f", "female", "gai"):
            typed = "F"
        elif value:
            self.problem(out, "sex", "không hiểu giới tính (Nam hoặc Nữ)", WARNING)
        if typed and person.sex and typed != person.sex:
            self.problem(out, "sex", "giới tính khác với cột năm sinh Nam/Nữ", WARNING)
        person.sex = person.sex or typed
        by_relation = _RELATION_SEX.get(fold(person.relation))
        if not person.sex and by_relation:
            person.sex = by_relation

    def _identity(self, row: tuple, person: ParsedPerson, out: PreviewRow) -> None:
        raw = self.cell(row, "citizen_id")
        if raw is not None:
            try:
                person.citizen_id = normalize_citizen_id(raw)
            except IdentityError as err:
                self.problem(out, "citizen_id", str(err))
            else:
                if person.citizen_id:
                    first = self.seen_ids.get(person.citizen_id)
                    if first is not None:
                        self.problem(out, "citizen_id", f"số CCCD trùng với người ở dòng {first}")
                    else:
                        self.seen_ids[person.citizen_id] = out.row
                    why = citizen_id_mismatch(person.citizen_id, person.birth_year, person.sex)
                    if why:
                        self.problem(out, "citizen_id", why, WARNING)
        raw = self.cell(row, "phone")
        if raw is not None:
            try:
                person.phone = normalize_phone(raw)
            except IdentityError as err:
                self.problem(out, "phone", f"{err}; bỏ qua số này", WARNING)

    def _flags(self, row: tuple, person: ParsedPerson, out: PreviewRow) -> None:
        for name in FLAG_NAMES:
            value = self.cell(row, name)
            if value is None:
                continue
            mark = _mark(value)
            if mark is None:
                if any(k in fold(_text(value)) for k, _f in _KEYWORD_FLAGS) or isinstance(
                    value, str
                ):
                    person.flags.add(name)  # any words in a flag column mean "yes, and why"
                continue
            if mark:
                person.flags.add(name)
        for name in ("vulnerable", "notes"):
            text = fold(_text(self.cell(row, name)))
            for keyword, flag in _KEYWORD_FLAGS:
                if keyword in text:
                    person.flags.add(flag)

    def _status(self, row: tuple, person: ParsedPerson, out: PreviewRow) -> None:
        raw = _text(self.cell(row, "status"))
        if raw:
            status = _status_value(raw)
            if status is None:
                self.problem(out, "status", "không hiểu tình trạng (F0, F1, F2, âm tính)", WARNING)
            else:
                person.status = status
        raw = _text(self.cell(row, "isolation"))
        if raw:
            isolation = _isolation_value(raw)
            if isolation is None:
                self.problem(
                    out, "isolation", "không hiểu hình thức cách ly (tập trung, tại nhà)", WARNING
                )
            else:
                person.isolation = isolation
        for name in ("iso_start", "iso_end"):
            value = self.cell(row, name)
            if value is None:
                continue
            try:
                when = _date_value(value)
            except ValueError as err:
                self.problem(out, name, str(err))
                continue
            setattr(person, name, when)
        if person.iso_start and person.iso_end and person.iso_end < person.iso_start:
            self.problem(out, "iso_end", "ngày kết thúc cách ly trước ngày bắt đầu")
        if (person.iso_start or person.iso_end or person.isolation) and not person.status:
            self.problem(out, "status", "có ngày hoặc nơi cách ly nhưng không ghi F0/F1", WARNING)

    def _household_fields(self, row: tuple, household: ParsedHousehold, out: PreviewRow) -> None:
        household.village = _text(self.cell(row, "village")) or self.group_village
        household.street = _text(self.cell(row, "street"))
        household.house_number = _text(self.cell(row, "house_number"))
        address = _text(self.cell(row, "address"))
        if address and not household.street:
            household.street = address
        household.phone = self._head_phone(row)
        poor = self.cell(row, "poor")
        if poor is not None:
            mark = _mark(poor)
            if mark is None:
                if "ngheo" in fold(_text(poor)) and "can ngheo" not in fold(_text(poor)):
                    household.poor = True
                elif "can ngheo" not in fold(_text(poor)):
                    self.problem(out, "poor", "không hiểu ô hộ nghèo (để trống hoặc x)", WARNING)
            else:
                household.poor = mark

    def _head_phone(self, row: tuple) -> str:
        raw = self.cell(row, "phone")
        if raw is None:
            return ""
        try:
            return normalize_phone(raw)
        except IdentityError:
            return ""


def _is_total_label(text: str) -> bool:
    text = text.strip(" :.")
    return (
        text in ("tong", "cong", "tong cong", "tong so", "cong:", "tong:")
        or text.startswith(("tong cong", "tong so", "tong:", "cong:", "tong so ho"))
        or re.fullmatch(r"(tong|cong)\s*[:(]?\s*\d+.*", text) is not None
    )


def _mark(value: object) -> bool | None:
    """x / có / 1 → True; 0 / không → False; anything else → None."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return value != 0
    text = fold(str(value)).strip()
    if text in _TRUE_MARKS:
        return True
    if text in _FALSE_MARKS:
        return False
    return None


def _birth_value(value: object, today: date) -> tuple[int | None, date | None]:
    """A year of birth or a date of birth, from a number, an Excel date or text."""
    born: date | None = None
    year: int | None = None
    if isinstance(value, datetime):
        born = value.date()
    elif isinstance(value, date):
        born = value
    elif isinstance(value, int | float) and not isinstance(value, bool):
        if isinstance(value, float) and not value.is_integer():
            raise ValueError("năm sinh không phải số nguyên")
        # Only a year: a bare number like 19655 is a typo more often than a date cell
        # that lost its format, and guessing a date would hide it.
        year = int(value)
    else:
        text = str(value).strip()
        if re.fullmatch(r"\d{4}", text):
            year = int(text)
        elif re.fullmatch(r"\d{1,2}\s*[/.-]\s*\d{4}", text):
            year = int(text[-4:])
        else:
            try:
                born = parse_date(text)
            except UserError:
                raise ValueError(
                    "năm sinh không đọc được (cần năm, ví dụ 1965, hoặc ngày/tháng/năm)"
                ) from None
    if born is not None:
        year = born.year
    if year is None or not 1900 <= year <= today.year:
        raise ValueError(f"năm sinh phải từ 1900 đến {today.year}")
    if born is not None and born > today:
        raise ValueError("ngày sinh ở tương lai")
    return year, born


def _date_value(value: object) -> date:
    from openpyxl.utils.datetime import from_excel

    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        if 30000 < value < 80000:
            return from_excel(value).date()
        raise ValueError("ngày không hợp lệ (cần ngày/tháng/năm, ví dụ 05/08/2021)")
    try:
        return parse_date(str(value))
    except UserError:
        raise ValueError("ngày không hợp lệ (cần ngày/tháng/năm, ví dụ 05/08/2021)") from None


def _status_value(text: str) -> str | None:
    f = fold(text).replace(" ", "")
    for code in ("f0", "f1", "f2"):
        if f.startswith(code):
            return code.upper()
    f = fold(text)
    if "duong tinh" in f or "benh nhan" in f or "ca benh" in f:
        return "F0"
    if "tiep xuc gan" in f:
        return "F1"
    if "am tinh" in f or "khoi benh" in f:
        return "negative"
    if f in ("binh thuong", "khong", "-", "0"):
        return ""
    return None


def _isolation_value(text: str) -> str | None:
    f = fold(text)
    if any(k in f for k in ("tap trung", "cltt", "khu cach ly", "co so cach ly", "benh vien")):
        return "central"
    if any(k in f for k in ("dieu tri", "tram y te")):
        return "central"
    if any(k in f for k in ("tai nha", "cltn", "tai gia")) or f in ("nha", "o nha"):
        return "home"
    if "theo doi" in f or f == "ttd":
        return "self"
    if f in ("khong", "-"):
        return ""
    return None


# --------------------------------------------------------------------------------------------
# Planning against the database
# --------------------------------------------------------------------------------------------

_MEMBER_FIELDS = (
    "full_name",
    "birth_year",
    "birth_date",
    "sex",
    "relation",
    "citizen_id",
    "phone",
    "notes",
)


@dataclass
class _PersonPlan:
    person: ParsedPerson
    member_id: int | None  # None: new
    changes: dict  # column -> value for an existing member (empty: unchanged)
    status: dict | None  # a new HealthStatus to add


@dataclass
class _HouseholdPlan:
    parsed: ParsedHousehold
    household_id: int | None
    changes: dict
    people: list[_PersonPlan]

    @property
    def changed(self) -> bool:
        return bool(self.changes) or any(
            p.member_id is None or p.changes or p.status for p in self.people
        )


class _Snapshot:
    """What the database holds for one area, and which CCCDs are used anywhere."""

    def __init__(self, s: Session, area_id: int, citizen_ids: set[str]) -> None:
        self.households: dict[int, SimpleNamespace] = {}
        self.by_key: dict[str, list[int]] = {}
        self.by_head: dict[tuple[str, str], list[int]] = {}
        for h in s.execute(
            select(
                Household.id,
                Household.village,
                Household.street,
                Household.house_number,
                Household.phone,
                Household.poor,
                Household.match_key,
                Household.head_name,
            ).where(Household.area_id == area_id)
        ):
            self.households[h.id] = SimpleNamespace(**h._asdict(), members=[])
            self.by_key.setdefault(h.match_key, []).append(h.id)
            self.by_head.setdefault((fold(h.head_name), fold(h.village)), []).append(h.id)
        columns = [
            c for c in HouseholdMember.__table__.columns if c.name not in ("uuid", "device_id")
        ]
        if self.households:
            for m in s.execute(
                select(*columns)
                .join(Household, Household.id == HouseholdMember.household_id)
                .where(Household.area_id == area_id)
                .order_by(HouseholdMember.position, HouseholdMember.id)
            ):
                self.households[m.household_id].members.append(SimpleNamespace(**m._asdict()))
        self.citizen_ids: dict[str, tuple[int, int]] = {}  # cccd -> (member id, household id)
        self.elsewhere: set[str] = set()  # CCCDs of people in other areas
        ids = sorted(citizen_ids)
        for i in range(0, len(ids), 500):
            for cid, mid, hid, area in s.execute(
                select(
                    HouseholdMember.citizen_id,
                    HouseholdMember.id,
                    HouseholdMember.household_id,
                    Household.area_id,
                )
                .join(Household, Household.id == HouseholdMember.household_id)
                .where(HouseholdMember.citizen_id.in_(ids[i : i + 500]))
            ):
                if area == area_id:
                    self.citizen_ids[cid] = (mid, hid)
                else:
                    self.elsewhere.add(cid)


def _plan(
    snap: _Snapshot, preview: ImportPreview, db_defaults: Callable[[str, date], date | None]
) -> list[_HouseholdPlan]:
    rows_by_number = {r.row: r for r in preview.rows}
    used: set[int] = set()
    plans = []
    for parsed in preview.households:
        # People whose CCCD belongs to another area are refused (a person lives in one place).
        keep = []
        for person in parsed.people:
            if person.citizen_id and person.citizen_id in snap.elsewhere:
                _add_problem(
                    rows_by_number[person.row],
                    preview.columns.get("citizen_id", "Số CCCD"),
                    "số CCCD đã có ở một hộ thuộc khu vực phong tỏa khác",
                )
                if person.is_head:
                    for other in parsed.people[1:]:
                        _add_problem(
                            rows_by_number[other.row],
                            "",
                            f"thuộc hộ có dòng chủ hộ {parsed.row} bị loại",
                        )
                    keep = []
                    break
                continue
            keep.append(person)
        if not keep:
            continue
        parsed.people = keep
        household_id = _match_household(snap, parsed, used)
        if household_id is not None:
            used.add(household_id)
        plans.append(_plan_household(snap, parsed, household_id, db_defaults))
    preview.households = [p.parsed for p in plans]
    return plans


def _add_problem(row: PreviewRow, column: str, message: str) -> None:
    if not any(p.message == message and p.column == column for p in row.problems):
        row.problems.append(RowProblem(row.row, column, message))


def _match_household(snap: _Snapshot, parsed: ParsedHousehold, used: set[int]) -> int | None:
    for person in parsed.people:
        hit = snap.citizen_ids.get(person.citizen_id or "")
        if hit is not None and hit[1] not in used:
            return hit[1]
    head = parsed.head
    key = match_key(head.full_name, parsed.village, parsed.house_number, head.birth_year)
    for hid in snap.by_key.get(key, []):
        if hid not in used:
            return hid
    # The same head in the same village with one of year of birth or house number corrected
    # in the newer list; two different families with a common name differ in both.
    candidates = []
    for hid in snap.by_head.get((fold(head.full_name), fold(parsed.village)), []):
        if hid in used:
            continue
        known = snap.households[hid]
        house, year = known.match_key.split("|")[-2:]
        same_year = not year or head.birth_year is None or year == str(head.birth_year)
        same_house = bool(house) and house == fold(parsed.house_number)
        if same_year or same_house:
            candidates.append(hid)
    if len(candidates) == 1:
        return candidates[0]
    return None


def _plan_household(
    snap: _Snapshot,
    parsed: ParsedHousehold,
    household_id: int | None,
    db_defaults: Callable[[str, date], date | None],
) -> _HouseholdPlan:
    changes: dict = {}
    existing_members: list[SimpleNamespace] = []
    if household_id is not None:
        h = snap.households[household_id]
        for column in ("village", "street", "house_number", "phone"):
            value = getattr(parsed, column)
            if value and value != getattr(h, column):
                changes[column] = value
        if parsed.poor and not h.poor:
            changes["poor"] = True
        existing_members = h.members
    people = []
    taken: set[int] = set()
    for person in parsed.people:
        member = _match_member(existing_members, person, taken)
        if member is None:
            people.append(_PersonPlan(person, None, {}, _status_plan(None, person, db_defaults)))
            continue
        taken.add(member.id)
        member_changes = {}
        for column in _MEMBER_FIELDS:
            value = getattr(person, column)
            if value in (None, "") or value == getattr(member, column):
                continue
            if column == "phone" and person.is_head and not member.phone:
                if household_id is not None and value == snap.households[household_id].phone:
                    continue  # the household's phone, shown on the head's row by the export
            member_changes[column] = value
        if person.is_head and not member.is_head:
            member_changes["is_head"] = True
        for flag in person.flags:
            if not getattr(member, flag):
                member_changes[flag] = True
        people.append(
            _PersonPlan(
                person, member.id, member_changes, _status_plan(member, person, db_defaults)
            )
        )
    return _HouseholdPlan(parsed, household_id, changes, people)


def _match_member(
    members: list[SimpleNamespace], person: ParsedPerson, taken: set[int]
) -> SimpleNamespace | None:
    free = [m for m in members if m.id not in taken]
    if person.citizen_id:
        for m in free:
            if m.citizen_id == person.citizen_id:
                return m
    name = fold(person.full_name)
    same_name = [m for m in free if m.name_fold == name]
    for m in same_name:
        if m.birth_year == person.birth_year:
            return m
    # Within one household a name is nearly always unique: the same name with another (or
    # no) year is the same person with the year corrected — unless two CCCDs differ.
    loose = [m for m in same_name if not (m.citizen_id and person.citizen_id)]
    return loose[0] if len(loose) == 1 else None


def _status_plan(
    member: SimpleNamespace | None,
    person: ParsedPerson,
    db_defaults: Callable[[str, date], date | None],
) -> dict | None:
    if not person.status:
        return None
    if member is not None:
        same = member.status == person.status
        if person.isolation and person.isolation != member.isolation:
            same = False
        if person.iso_start and person.iso_start != member.isolation_start:
            same = False
        if person.iso_end and person.iso_end != member.isolation_end:
            same = False
        if same:
            return None
    start = person.iso_start or date.today()
    end = person.iso_end
    if end is None and person.isolation:
        end = db_defaults(person.status, start)
    return {"status": person.status, "isolation": person.isolation, "start": start, "end": end}


def _snapshot_for(s: Session, area_id: int, preview: ImportPreview) -> _Snapshot:
    ids = {p.citizen_id for h in preview.households for p in h.people if p.citizen_id}
    return _Snapshot(s, area_id, ids)


def _area(s: Session, area_id: int) -> LockdownArea:
    area = s.get(LockdownArea, area_id)
    if area is None:
        raise UserError("Không tìm thấy khu vực phong tỏa (có thể đã bị xóa).")
    return area


def _defaults(db: Database) -> Callable[[str, date], date | None]:
    cache: dict[str, int | None] = {}
    from fieldapp.households.service import isolation_days

    def end_of(status: str, start: date) -> date | None:
        if status not in cache:
            cache[status] = isolation_days(db, status)
        days = cache[status]
        return None if days is None else start + timedelta(days=days)

    return end_of


def _tally(preview: ImportPreview, plans: list[_HouseholdPlan]) -> None:
    preview.new_households = sum(1 for p in plans if p.household_id is None)
    preview.updated_households = sum(1 for p in plans if p.household_id is not None and p.changed)
    preview.new_people = sum(1 for p in plans for q in p.people if q.member_id is None)
    preview.updated_people = sum(
        1 for p in plans for q in p.people if q.member_id is not None and (q.changes or q.status)
    )
    preview.status_changes = sum(1 for p in plans for q in p.people if q.status)
    by_row = {r.row: r for r in preview.rows}
    for plan in plans:
        head_row = by_row.get(plan.parsed.row)
        if head_row is not None:
            if plan.household_id is None:
                head_row.action = "new"
            else:
                head_row.action = "update" if plan.changed else "same"
        for q in plan.people:
            row = by_row.get(q.person.row)
            if row is not None and row.kind == "member":
                row.action = (
                    "new"
                    if q.member_id is None
                    else ("update" if q.changes or q.status else "same")
                )


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
        area = _area(s, area_id)
        _fill_single_village(preview, area)
        plans = _plan(_snapshot_for(s, area_id, preview), preview, _defaults(db))
    preview.area_id = area_id
    _tally(preview, plans)


def _fill_single_village(preview: ImportPreview, area: LockdownArea) -> None:
    """Households without a village get the area's village when the area covers only one."""
    covered = [v.strip() for v in re.split(r"[,;\n]+", area.villages or "") if v.strip()]
    if len(covered) != 1:
        return
    for household in preview.households:
        if not household.village:
            household.village = covered[0]


# --------------------------------------------------------------------------------------------
# Writing
# --------------------------------------------------------------------------------------------


def apply_import(
    db: Database,
    preview: ImportPreview,
    area_id: int,
    *,
    author: str = "",
    progress: Callable[[int, int], None] | None = None,
) -> ImportResult:
    """Write a previewed list into the area, all in one transaction.

    The plan is made again inside the transaction (the database may have changed since the
    preview). New rows get their ids here, under the write lock, so that thousands of
    households and people go in as a few multi-row INSERTs. ``progress(done, total)`` is
    called as the work advances.
    """
    defaults = _defaults(db)
    now = utcnow()
    device = db.device_id
    note = f"Nhập từ tệp {preview.file_name}"
    author = " ".join((author or "").split())[:120]
    with db.transaction() as s:
        area = _area(s, area_id)
        # Take the write lock now: the ids reserved below stay ours until the commit.
        table = LockdownArea.__table__
        s.execute(table.update().where(table.c.id == area_id).values(notes=table.c.notes))
        _fill_single_village(preview, area)
        snap = _snapshot_for(s, area_id, preview)
        plans = _plan(snap, preview, defaults)
        preview.area_id = area_id
        _tally(preview, plans)
        total = len(plans) or 1
        sync = {"created_at": now, "updated_at": now, "device_id": device}
        touched = {"updated_at": now, "device_id": device}
        next_household = _next_id(s, Household)
        next_member = _next_id(s, HouseholdMember)

        # 1. People: ids for the new ones (and new households), changes for the known ones.
        new_households = []
        member_rows = []
        member_updates = []
        for p in plans:
            if p.household_id is None:
                p.household_id = next_household
                next_household += 1
                snap.households[p.household_id] = SimpleNamespace(
                    id=p.household_id,
                    village=p.parsed.village,
                    street=p.parsed.street,
                    house_number=p.parsed.house_number,
                    phone=p.parsed.phone,
                    poor=p.parsed.poor,
                    members=[],
                )
                new_households.append(p)
            h = snap.households[p.household_id]
            position = max((m.position for m in h.members), default=-1) + 1
            for q in p.people:
                if q.member_id is not None:
                    if q.changes:
                        member_updates.append({"id": q.member_id, **q.changes, **touched})
                        member = next(m for m in h.members if m.id == q.member_id)
                        for key, value in q.changes.items():
                            setattr(member, key, value)
                        if q.changes.get("is_head"):
                            for other in h.members:
                                if other.id != q.member_id and other.is_head:
                                    other.is_head = False
                                    member_updates.append(
                                        {"id": other.id, "is_head": False, **touched}
                                    )
                    continue
                person = q.person
                q.member_id = next_member
                next_member += 1
                values = {
                    "id": q.member_id,
                    "household_id": p.household_id,
                    "position": position,
                    "full_name": person.full_name,
                    "name_fold": fold(person.full_name),
                    "birth_year": person.birth_year,
                    "birth_date": person.birth_date,
                    "sex": person.sex,
                    "relation": person.relation,
                    "is_head": person.is_head and not any(m.is_head for m in h.members),
                    "citizen_id": person.citizen_id,
                    "phone": person.phone,
                    "notes": person.notes,
                    "status": "",
                    "isolation": "",
                    "isolation_start": None,
                    "isolation_end": None,
                    **{flag: flag in person.flags for flag in FLAG_NAMES},
                }
                position += 1
                member_rows.append({"uuid": new_uuid(), **sync, **values})
                h.members.append(SimpleNamespace(**values))
        if progress:
            progress(total // 5, total)

        # 2. Health status changes, kept as history, copied onto the people.
        entries = []
        current = {}
        for p in plans:
            for q in p.people:
                if q.status is None:
                    continue
                st = q.status
                entries.append(
                    {
                        "uuid": new_uuid(),
                        **sync,
                        "member_id": q.member_id,
                        **st,
                        "recorded_at": now,
                        "author": author,
                        "source": "import",
                        "note": note,
                        "cancelled_at": None,
                        "cancelled_by": "",
                    }
                )
                current[q.member_id] = {
                    "status": st["status"],
                    "isolation": st["isolation"],
                    "isolation_start": st["start"] if st["isolation"] else None,
                    "isolation_end": st["end"] if st["isolation"] else None,
                }
        for row in member_rows:
            row.update(current.pop(row["id"], {}))
        status_updates = [{"id": mid, **values, **touched} for mid, values in current.items()]

        # 3. Households: new ones with their derived columns, known ones updated.
        household_rows = []
        for p in new_households:
            h = snap.households[p.household_id]
            household_rows.append(
                {
                    "id": p.household_id,
                    "uuid": new_uuid(),
                    **sync,
                    "area_id": area_id,
                    "village": h.village,
                    "street": h.street,
                    "house_number": h.house_number,
                    "phone": h.phone,
                    "poor": h.poor,
                    "notes": "",
                    **derived_columns(h.village, h.street, h.house_number, h.phone, h.members),
                }
            )
        _insert(s, Household, household_rows)
        if progress:
            progress(total * 2 // 5, total)
        _insert(s, HouseholdMember, member_rows)
        if progress:
            progress(total * 3 // 5, total)
        _bulk_update(s, HouseholdMember, member_updates)
        _bulk_update(s, HouseholdMember, status_updates)
        _insert(s, HealthStatus, entries)
        if progress:
            progress(total * 4 // 5, total)

        fresh = {p.household_id for p in new_households}
        changed = [p for p in plans if p.household_id not in fresh and p.changed]
        members_now = _members_by_household(s, [p.household_id for p in changed])
        household_updates = []
        for p in changed:
            h = snap.households[p.household_id]
            for key, value in p.changes.items():
                setattr(h, key, value)
            derived = derived_columns(
                h.village, h.street, h.house_number, h.phone, members_now[p.household_id]
            )
            household_updates.append({"id": p.household_id, **p.changes, **derived, **touched})
        _bulk_update(s, Household, household_updates)
        if progress:
            progress(total, total)
    return ImportResult(
        households=len(plans),
        people=sum(len(p.people) for p in plans),
        f0=preview.count_status("F0"),
        f1=preview.count_status("F1"),
        new_households=preview.new_households,
        updated_households=preview.updated_households,
        new_people=preview.new_people,
        updated_people=preview.updated_people,
        status_changes=preview.status_changes,
        rejected=preview.rejected,
        warnings=preview.warnings,
    )


def _next_id(s: Session, model) -> int:
    return (s.scalar(select(func.max(model.id))) or 0) + 1


def _insert(s: Session, model, rows: list[dict]) -> None:
    """Multi-row INSERTs through Core (ids given), a few hundred rows a statement."""
    if rows:
        from fieldapp import gate  # role check, author, one audit entry, same transaction

        gate.bulk_insert(s, model, rows, area="households")


def _members_by_household(s: Session, ids: list[int]) -> dict[int, list[SimpleNamespace]]:
    out: dict[int, list[SimpleNamespace]] = {i: [] for i in ids}
    columns = [
        HouseholdMember.household_id,
        HouseholdMember.full_name,
        HouseholdMember.birth_year,
        HouseholdMember.is_head,
        HouseholdMember.phone,
        HouseholdMember.citizen_id,
        *(getattr(HouseholdMember, f) for f in FLAG_NAMES),
    ]
    for i in range(0, len(ids), 500):
        for m in s.execute(
            select(*columns)
            .where(HouseholdMember.household_id.in_(ids[i : i + 500]))
            .order_by(HouseholdMember.position, HouseholdMember.id)
        ):
            out[m.household_id].append(SimpleNamespace(**m._asdict()))
    return out


def _bulk_update(s: Session, model, rows: list[dict]) -> None:
    """ORM bulk UPDATE by primary key, grouped by the set of columns each row changes."""
    from fieldapp import gate  # role check and one audit entry, same transaction

    gate.bulk_update(s, model, rows, area="households", action="import")


def import_file(
    db: Database,
    path: str | Path,
    area_id: int,
    *,
    author: str = "",
    progress: Callable[[int, int], None] | None = None,
) -> ImportResult:
    """Read and import a list in one go (the CLI); rejected rows are reported, not written."""
    preview = read_roster(path)
    return apply_import(db, preview, area_id, author=author, progress=progress)
