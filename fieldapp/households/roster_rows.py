"""Turning the rows of a roster table into households and people, one row at a time.

STT only on the head's row with the members under it, CCCD and phones as numbers, dates as
text or Excel dates, village group rows, blank spacer rows, a total row and signatures below.
A row with a person's name is a person: a problem with a value (an ID that fails a check, a
year that cannot be read, a member with no head above) is a *warning* on that row, and the
person is kept. Only rows that are not people — no name, titles, totals, signatures — are
left out, each listed with its reason (severity ``error``). Messages name the row and column,
never the value of an ID or phone.
"""

from __future__ import annotations

import functools
import re
import sys
from dataclasses import dataclass, field
from datetime import date, datetime

from fieldapp.errors import UserError
from fieldapp.households.identity import IdentityError, normalize_phone, read_identity
from fieldapp.households.roster_table import FIELD_LABELS, cell_text, village_from_text
from fieldapp.households.service import FLAG_NAMES, age_flags
from fieldapp.text.vietnamese import fold, nfc, parse_date

ERROR, WARNING = "error", "warning"
_NO_FLAGS: frozenset[str] = frozenset()  # shared by the many people without a flag


_FLAG_SETS: dict[frozenset[str], frozenset[str]] = {}  # the few combinations, each made once


def _flag(person: ParsedPerson, name: str) -> None:
    """Add a flag; people with the same flags share one (frozen) set, as a third of a big
    list is elderly or young children and a set each cost 200 bytes a person."""
    if name in person.flags:
        return
    flags = frozenset((*person.flags, name))
    person.flags = _FLAG_SETS.setdefault(flags, flags)  # type: ignore[assignment]


_DIGIT = re.compile(r"\d")
_YEARS = {y: y for y in range(1900, 2101)}
_SUB_NUMBER = re.compile(r"\d{1,6}\s*[.,/-]\s*\d{1,3}[.)]?")
# Relations, sexes, statuses repeat down a list: their folds are remembered.
_fold_short = functools.lru_cache(maxsize=4096)(fold)
_DATE_LINE = re.compile(r"ngay .{0,6}thang .{0,6}nam")
_text = cell_text

_ROMAN = re.compile(r"(i|ii|iii|iv|v|vi|vii|viii|ix|x|xi|xii)\.?")
_GROUP_PREFIXES = ("thon ", "xom ", "ban ", "to dan pho ", "to ", "khu ", "khu pho ", "ap ")
# "Hộ ông Hoàng Văn Sáng", "HỘ GIA ĐÌNH BÀ ÉN", "Hộ số 3:", "Gia đình ông Thắng": a line
# above a family's rows, not a person (a surname is "Hồ", never "Hộ": the tone is read).
_HEADING = re.compile(
    r"(hộ|gia đình)\s*(gia đình\s+)?(ông|bà|anh|chị|cụ|cô|chú|bác|số\s*\d+|:|-)(\s|$)"
)
_PERSON_FIELDS = ("birth", "birth_M", "birth_F", "sex", "relation", "citizen_id", "phone")
_TRUE_MARKS = {"x", "co", "1", "v", "yes", "true", "ngheo", "ho ngheo", "hn", "✓", "✔", "√", "+"}
_FALSE_MARKS = {"0", "khong", "-", "no", "false", "k"}
_FOOTER_WORDS = ("nguoi lap", "xac nhan", "truong thon", "ky ten", "ky, ghi ro", "ky ghi ro")
_FOOTER = re.compile("|".join(re.escape(w) for w in _FOOTER_WORDS))
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


@dataclass(slots=True)
class RowProblem:
    """A problem of one row: ``column`` is the column's header (or letter), never its value.

    ``error`` means the row is not a person and was left out; ``warning`` that the person is
    kept and something needs checking."""

    row: int
    column: str
    message: str
    severity: str = ERROR
    sheet: str = ""

    def text(self) -> str:
        where = (f"trang {self.sheet}, " if self.sheet else "") + f"dòng {self.row}"
        if self.column:
            where += f", cột {self.column}"
        return f"{where}: {self.message}"

    def as_json(self) -> dict:
        return {"sheet": self.sheet, "row": self.row, "column": self.column, "reason": self.message}


@dataclass(slots=True)
class ParsedPerson:
    row: int
    full_name: str
    is_head: bool = False
    birth_year: int | None = None
    birth_date: date | None = None
    sex: str = ""
    relation: str = ""
    citizen_id: str | None = None  # a CMND/CCCD that can identify the person
    phone: str = ""
    flags: set[str] = field(default_factory=set)
    notes: str = ""
    status: str = ""
    isolation: str = ""
    iso_start: date | None = None
    iso_end: date | None = None
    id_kind: str = ""
    id_typed: str = ""  # a number that cannot identify (not 9/12 digits, or taken)
    id_check: str = ""  # why the number needs checking; "" when it passed
    sheet: str = ""


@dataclass(slots=True)
class ParsedHousehold:
    row: int
    village: str = ""
    street: str = ""
    house_number: str = ""
    phone: str = ""
    poor: bool = False
    people: list[ParsedPerson] = field(default_factory=list)
    sheet: str = ""

    @property
    def head(self) -> ParsedPerson:
        return self.people[0]


@dataclass(slots=True)
class PreviewRow:
    """One row of a sheet as the preview table shows it."""

    row: int
    kind: str  # head, member, group, household (a family's heading line), skipped, total
    name: str = ""
    household_row: int | None = None
    problems: list[RowProblem] = ()  # type: ignore[assignment]  # a list once there is one
    action: str = ""  # new, update, same (households and people after planning)
    sheet: str = ""
    cells: list | None = None  # the row's values, kept for rows that need attention

    @property
    def rejected(self) -> bool:
        return any(p.severity == ERROR for p in self.problems)


class RowParser:
    """Turns the data rows of one sheet into households, one row at a time.

    ``seen_ids`` (number -> (sheet, row)) is shared by the sheets of one file, so that a
    number typed twice is noticed across sheets too.
    """

    def __init__(
        self,
        mapping: dict[str, int],
        shown: dict[str, str],
        today: date,
        *,
        sheet: str = "",
        village: str = "",
        seen_ids: dict[str, tuple[str, int]] | None = None,
    ) -> None:
        self.mapping = mapping
        self.shown = shown
        self.today = today
        self.sheet = sheet
        self.households: list[ParsedHousehold] = []
        self.current: ParsedHousehold | None = None
        self.sheet_village = village
        self.group_village = ""
        self.seen_ids: dict[str, tuple[str, int]] = {} if seen_ids is None else seen_ids
        self.has_relation = "relation" in mapping
        self.split_name = "surname" in mapping  # "Họ và tên đệm" | "Tên": one name
        # A list of heads only ("Họ và tên chủ hộ", no relation column, no numbering, members
        # not named): every row is a household of its own.
        name_header = fold(shown.get("name", ""))
        # Without numbering or relations, families typed as blocks with a blank row between
        # them: the first person under a blank row heads a household (the reader sets this).
        self.blocks = not self.has_relation and "stt" not in mapping
        self.after_blank = False
        self.after_heading = False  # under "Hộ ông ...": the next person heads a household
        self.heads_only = (
            not self.has_relation
            and "stt" not in mapping  # a numbered list says itself who heads ("1", "1.1")
            and "chu ho" in name_header
            and not any(w in name_header for w in ("thanh vien", "nhan khau", "thanh phan"))
        )
        self.people = 0
        self._columns = list(mapping.items())
        self._values: dict[str, object] = {}
        self.household_rows: list[PreviewRow] = []
        self.flag_columns = [n for n in FLAG_NAMES if n in mapping]
        self.text_flag_columns = [n for n in ("vulnerable", "notes") if n in mapping]

    def cell(self, row: list, name: str) -> object:
        """The value of field ``name`` in the row being read (None when blank)."""
        return self._values.get(name)

    def _take(self, row: list) -> None:
        width = len(row)
        self._values = {
            name: value
            for name, col in self._columns
            if col < width
            and (value := row[col]) is not None
            and (value.__class__ is not str or value.strip())
        }
        if self.split_name and "surname" in self._values:
            surname = _text(self._values.pop("surname"))
            given = _text(self._values.get("name"))
            self._values["name"] = f"{surname} {given}" if given else surname

    def problem(self, out: PreviewRow, name: str, message: str, severity: str = ERROR) -> None:
        if not out.problems:
            out.problems = []
        column = FIELD_LABELS.get(name, "") if name else ""
        if name in self.shown:
            column = self.shown[name]
        out.problems.append(RowProblem(out.row, column, message, severity, self.sheet))

    # -- one row -----------------------------------------------------------------------------

    def feed(self, number: int, row: list) -> PreviewRow | None:
        out = self._feed(number, row)
        if out is None:
            return None
        out.sheet = self.sheet
        if out.kind == "head":
            self.finish()
        if out.kind in ("head", "member"):
            # The cells of a household's rows are kept while it is read, and after only when
            # one of its rows needs attention (to save them for fixing, part 6).
            out.cells = row  # the reader gives a fresh list per row: no copy needed
            self.household_rows.append(out)
        elif out.problems and out.kind != "total":
            out.cells = list(row)
        return out

    def finish(self) -> None:
        """Close the household being read (call once more after the last row)."""
        if not any(r.problems for r in self.household_rows):
            for r in self.household_rows:
                r.cells = None
        self.household_rows = []

    def _feed(self, number: int, row: list) -> PreviewRow | None:
        self._take(row)
        taken = self._values
        name = _text(taken.get("name"))
        stt = _text(taken.get("stt"))
        # A row with a name and three mapped values is a person's (or a total/signature):
        # the list of all its filled cells is needed only for the other kinds.
        values = None
        if not name or len(taken) <= 2:
            values = _filled(row)
            if not values:
                return None  # spacer
        # Totals and signatures are told by the first cells and the name cell; a date line
        # ("ngày ... tháng ... năm") by any cell of a row without a name.
        name_col = self.mapping.get("name")
        name_fold = fold(name) if name else ""
        for i, v in enumerate(row[:4]):
            if v.__class__ is str and i != name_col:
                t = _fold_short(_text(v))
                if _is_total_label(t) or _FOOTER.search(t):
                    return self._total(number, row, values)
        if name_fold and (_is_total_label(name_fold) or _FOOTER.search(name_fold)):
            return self._total(number, row, values)
        if self._is_heading(name):
            self.after_heading = True
            return PreviewRow(number, "household", name=name)
        if values is None:
            return self._person_row(number, row, name, stt)
        if not name and any(_DATE_LINE.search(fold(v)) for v in values if isinstance(v, str)):
            return PreviewRow(number, "total", name=_text(values[0]))
        filled = [_text(v) for v in values] if len(values) <= 2 else values
        group = self._group_label(stt, name, filled)
        if group is not None:
            self.group_village = group
            return PreviewRow(number, "group", name=group)
        if not name:
            if len(values) == 1 and stt:
                return None  # a numbered empty line of a template
            out = PreviewRow(number, "skipped")
            self.problem(out, "name", "không có họ tên: không phải dòng một người")
            return out
        return self._person_row(number, row, name, stt)

    @staticmethod
    def _total(number: int, row: list, values: list | None) -> PreviewRow:
        values = values if values is not None else _filled(row)
        return PreviewRow(number, "total", name=_text(values[0]))

    def group_row(self, number: int, row: list) -> PreviewRow | None:
        """The row as a village line ("II. Thôn Bản Cuôn") for the households under it, or
        None; reads no person (for the short rows under a subtotal)."""
        self._take(row)
        values = _filled(row)
        filled = [_text(v) for v in values] if len(values) <= 2 else values
        group = self._group_label(
            _text(self._values.get("stt")), _text(self._values.get("name")), filled
        )
        if group is None:
            return None
        self.group_village = group
        return PreviewRow(number, "group", name=group, sheet=self.sheet)

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

    def _is_heading(self, name: str) -> bool:
        """A family's heading line ("Hộ ông Hoàng Văn Sáng"): such a name and nothing of a
        person's (year, sex, relation, ID, phone) on the row."""
        if name[:1] not in "HhGg" or _HEADING.match(name.lower()) is None:
            return False
        return not any(_text(self._values.get(k)) for k in _PERSON_FIELDS)

    def _person_row(self, number: int, row: list, name: str, stt: str) -> PreviewRow:
        block_start = False
        relation = _text(self._values.get("relation"))
        rel_fold = _fold_short(relation)
        if self.after_heading:
            starts = True  # the first person under a family's heading line heads it
        elif self.has_relation and relation:
            starts = rel_fold in ("chu ho", "ch", "chuho") or rel_fold.startswith("chu ho")
        elif self.heads_only:
            starts = True
        elif self.blocks and self.after_blank and self.current is not None:
            starts = block_start = True
        else:
            # "1.1", "1.2" under "1": the head's number, then each member's.
            starts = bool(stt) and _SUB_NUMBER.fullmatch(stt) is None
        if not starts and self.current is None:
            starts = True  # nobody dropped: a member with no head above is a household
            orphan = True
        else:
            orphan = False
        self.after_blank = self.after_heading = False
        out = PreviewRow(number, "head" if starts else "member", name=name)
        if block_start:
            self.problem(
                out,
                "",
                "người đầu tiên sau một dòng trống (danh sách không có STT hay quan hệ): "
                "nhập làm chủ một hộ mới, cần kiểm tra",
                WARNING,
            )
        if orphan:
            self.problem(
                out,
                "",
                "không có dòng chủ hộ phía trên (thiếu STT hoặc quan hệ): nhập thành một hộ "
                "riêng, cần kiểm tra",
                WARNING,
            )
        if len(name) > 120:
            self.problem(out, "name", "họ tên quá dài: chỉ giữ 120 ký tự đầu", WARNING)
            name = name[:120]
        person = ParsedPerson(
            row=number,
            full_name=name,
            is_head=starts,
            sheet=self.sheet,
            flags=_NO_FLAGS,
        )
        if relation:
            person.relation = sys.intern((relation[:1].upper() + relation[1:])[:40])
        elif starts:
            person.relation = "Chủ hộ"
        if _DIGIT.search(name):
            self.problem(out, "name", "họ tên có chữ số", WARNING)
        self._birth(row, person, out)
        self._sex(row, person, out)
        self._identity(row, person, out)
        self._flags(row, person, out)
        self._status(row, person, out)
        person.notes = _text(self._values.get("notes"))
        if person.birth_year is not None:
            for key, value in age_flags(person.birth_year, self.today).items():
                if value:
                    _flag(person, key)
        self.people += 1
        if starts:
            household = ParsedHousehold(row=number, sheet=self.sheet)
            self._household_fields(row, household, out, person)
            household.people.append(person)
            self.current = household
            self.households.append(household)
            out.household_row = number
            self._members_in_cell(number, household, out)
            return out
        assert self.current is not None
        out.household_row = self.current.row
        self.current.people.append(person)
        return out

    def _members_in_cell(self, number: int, household: ParsedHousehold, out: PreviewRow) -> None:
        """The family written in one cell beside its head ("Hà Thị Hai (1972), Hà Văn Ba -
        2000"): each name a member of the household, each flagged for checking; a count of
        people that disagrees is said."""
        cell = _text(self._values.get("members"))
        count = _text(self._values.get("count"))
        if cell.isdigit():  # "Nhân khẩu: 3" is how many, not who
            cell, count = "", count or cell
        found = split_members(cell) if cell else []
        for name, year, relation in found:
            member = ParsedPerson(
                row=number, full_name=name, sheet=self.sheet, flags=_NO_FLAGS, birth_year=year
            )
            member.relation = relation
            member.sex = _RELATION_SEX.get(_fold_short(relation), "")
            if year is not None:
                for key, value in age_flags(year, self.today).items():
                    if value:
                        _flag(member, key)
            household.people.append(member)
            self.people += 1
        if found:
            self.problem(
                out,
                "members",
                f"{len(found)} người đọc từ ô các thành viên: đã nhập vào hộ này, cần kiểm "
                "tra họ tên, năm sinh",
                WARNING,
            )
        elif cell:
            self.problem(
                out, "members", "không đọc được tên người nào trong ô các thành viên", WARNING
            )
        if found and count.isdigit() and int(count) != len(household.people):
            self.problem(
                out,
                "count",
                f"số nhân khẩu ghi {count} nhưng danh sách có {len(household.people)} người: "
                "cần kiểm tra",
                WARNING,
            )

    # -- fields ------------------------------------------------------------------------------

    def _birth(self, row: list, person: ParsedPerson, out: PreviewRow) -> None:
        sources = [("birth", "")]
        if "birth_M" in self.mapping or "birth_F" in self.mapping:
            sources = [("birth_M", "M"), ("birth_F", "F")]
        found = []
        for name, sex in sources:
            value = self._values.get(name)
            if value is None:
                continue
            if isinstance(value, str) and fold(value.strip()) in _TRUE_MARKS:
                found.append((sex, None, None))
                continue
            try:
                year, born = _birth_value(value, self.today)
            except ValueError as err:
                self.problem(out, name, f"{err}; để trống năm sinh, cần kiểm tra", WARNING)
                return
            found.append((sex, year, born))
        if len(found) > 1:
            self.problem(
                out, "birth_M", "có cả năm sinh ở cột Nam và cột Nữ: chưa rõ giới tính", WARNING
            )
            found = [("", found[0][1], found[0][2])]
        if found:
            sex, year, born = found[0]
            person.sex = sex
            person.birth_year, person.birth_date = year, born

    def _sex(self, row: list, person: ParsedPerson, out: PreviewRow) -> None:
        value = _fold_short(_text(self._values.get("sex")))
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
        by_relation = _RELATION_SEX.get(_fold_short(person.relation))
        if not person.sex and by_relation:
            person.sex = by_relation

    def _identity(self, row: list, person: ParsedPerson, out: PreviewRow) -> None:
        raw = self._values.get("citizen_id")
        if raw is not None:
            reading = read_identity(raw, person.birth_year, person.sex)
            person.id_kind = reading.kind
            problems = list(reading.problems)
            first = None
            if reading.number:
                first = self.seen_ids.get(reading.number)
                if first is not None:
                    sheet, at = first
                    where = f"dòng {at}" + (f" trang {sheet}" if sheet else "")
                    problems.append(f"số giấy tờ trùng với người ở {where}")
                else:
                    self.seen_ids[reading.number] = (self.sheet, out.row)
            if reading.is_key and first is None:
                person.citizen_id = reading.number
            else:
                person.id_typed = reading.number
            person.id_check = "; ".join(problems)[:200]
            for why in problems:
                self.problem(out, "citizen_id", f"{why} (giữ như đã ghi, cần kiểm tra)", WARNING)
        raw = self._values.get("phone")
        if raw is not None:
            try:
                person.phone = normalize_phone(raw)
            except IdentityError as err:
                self.problem(out, "phone", f"{err}; bỏ qua số này", WARNING)

    def _flags(self, row: list, person: ParsedPerson, out: PreviewRow) -> None:
        for name in self.flag_columns:
            value = self._values.get(name)
            if value is None:
                continue
            mark = _mark(value)
            if mark is None:
                if any(k in fold(_text(value)) for k, _f in _KEYWORD_FLAGS) or isinstance(
                    value, str
                ):
                    _flag(person, name)  # any words in a flag column mean "yes, and why"
                continue
            if mark:
                _flag(person, name)
        for name in self.text_flag_columns:
            value = self._values.get(name)
            if value is None:
                continue
            text = fold(_text(value))
            for keyword, flag in _KEYWORD_FLAGS:
                if keyword in text:
                    _flag(person, flag)

    def _status(self, row: list, person: ParsedPerson, out: PreviewRow) -> None:
        raw = _text(self._values.get("status"))
        if raw:
            status = _status_value(raw)
            if status is None:
                self.problem(out, "status", "không hiểu tình trạng (F0, F1, F2, âm tính)", WARNING)
            else:
                person.status = status
        raw = _text(self._values.get("isolation"))
        status_text = _text(self._values.get("status"))
        if not raw and "cach ly" in _fold_short(status_text):
            # "F1 cách ly tập trung", "F1 (cách ly tại nhà)": the kind, when it says one
            raw = status_text if _isolation_value(status_text) else ""
        if raw:
            isolation = _isolation_value(raw)
            if isolation is None:
                self.problem(
                    out, "isolation", "không hiểu hình thức cách ly (tập trung, tại nhà)", WARNING
                )
            else:
                person.isolation = isolation
        for name in ("iso_start", "iso_end"):
            value = self._values.get(name)
            if value is None:
                continue
            try:
                when = _date_value(value)
            except ValueError as err:
                self.problem(out, name, f"{err}; bỏ qua ô này", WARNING)
                continue
            setattr(person, name, when)
        if person.iso_start and person.iso_end and person.iso_end < person.iso_start:
            self.problem(
                out, "iso_end", "ngày kết thúc cách ly trước ngày bắt đầu; bỏ qua ô này", WARNING
            )
            person.iso_end = None
        if (person.iso_start or person.iso_end or person.isolation) and not person.status:
            self.problem(out, "status", "có ngày hoặc nơi cách ly nhưng không ghi F0/F1", WARNING)

    def _household_fields(
        self, row: list, household: ParsedHousehold, out: PreviewRow, head: ParsedPerson
    ) -> None:
        village = _text(self._values.get("village"))
        if village:
            village = village_from_text(village) or village
        household.street = _text(self._values.get("street"))[:200]
        household.house_number = _text(self._values.get("house_number"))[:40]
        address = _text(self._values.get("address"))
        if address:
            named, street, house = split_address(address)
            village = village or named
            household.street = household.street or street
            household.house_number = household.house_number or house
        household.village = (village or self.group_village or self.sheet_village)[:120]
        household.phone = head.phone  # the head's phone, read (and checked) once
        poor = self._values.get("poor")
        if poor is not None:
            mark = _mark(poor)
            if mark is None:
                if "ngheo" in fold(_text(poor)) and "can ngheo" not in fold(_text(poor)):
                    household.poor = True
                elif "can ngheo" not in fold(_text(poor)):
                    self.problem(out, "poor", "không hiểu ô hộ nghèo (để trống hoặc x)", WARNING)
            else:
                household.poor = mark


def _filled(row: list) -> list:
    return [v for v in row if v is not None and (v.__class__ is not str or v.strip())]


filled_cells = _filled  # the row's non-blank values


def is_total_row(row: list) -> bool:
    """A total line ("Tổng cộng", "Cộng thôn Nà Pài") by its first cells."""
    return any(v.__class__ is str and _is_total_label(_fold_short(_text(v))) for v in row[:4])


def _is_total_label(text: str) -> bool:
    if not text.startswith(("tong", "cong")):
        return False
    text = text.strip(" :.")
    return (
        text in ("tong", "cong", "tong cong", "tong so", "cong:", "tong:")
        or text.startswith(("tong cong", "tong so", "tong:", "cong:", "tong so ho"))
        # a village's subtotal: "Cộng thôn Nà Pài", "Cộng tổ 5", "Tổng xóm Chợ"
        or re.match(r"(tong|cong) (thon|xom|ban|to|ap|khu|khom|lang|doi)\b", text) is not None
        or re.fullmatch(r"(tong|cong)\s*[:(]?\s*\d+.*", text) is not None
    )


def _mark(value: object) -> bool | None:
    """x / có / 1 → True; 0 / không → False; anything else → None."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return value != 0
    text = _fold_short(str(value)).strip()
    if text in _TRUE_MARKS:
        return True
    if text in _FALSE_MARKS:
        return False
    return None


_MEMBER_YEAR = re.compile(r"(?<!\d)(19\d{2}|20\d{2})(?!\d)")
# "sinh năm", "SN", "NS", "năm sinh:" ("Lò Thị Năm sinh năm 1958": Năm is her name)
_MEMBER_NOISE = re.compile(r"\bsinh năm\b|\bnăm sinh\s*:|\b(?:SN|NS)\b\.?", re.IGNORECASE)
_MEMBER_NEXT = re.compile(r"(?<=\d{4})\)?\s+(?=[^\W\d_])|(?<=\))\s+(?=[^\W\d_])")
_MEMBER_RELATIONS = {
    "vo": "Vợ", "chong": "Chồng", "con": "Con", "con trai": "Con trai", "con gai": "Con gái",
    "chau": "Cháu", "bo": "Bố", "cha": "Cha", "me": "Mẹ", "ong": "Ông", "ba": "Bà",
    "con dau": "Con dâu", "con re": "Con rể", "anh": "Anh", "chi": "Chị", "em": "Em",
}  # fmt: skip


def _member_pieces(cell: str) -> list[str]:
    """The cell cut at ";", "," and line breaks outside brackets, and after a year (or a
    bracket) that a name follows: "Hà Văn Ba 2000 Hà Thị Bốn 2003" is two people."""
    pieces, depth, current = [], 0, []
    for ch in cell:
        depth += (ch == "(") - (ch == ")" and depth > 0)
        if depth == 0 and ch in ";,\n":
            pieces.append("".join(current))
            current = []
        else:
            current.append(ch)
    pieces.append("".join(current))
    return [p for piece in pieces for p in _MEMBER_NEXT.split(piece) if p and p.strip()]


def split_members(cell: str) -> list[tuple[str, int | None, str]]:
    """(name, year of birth, relation) of each person a cell lists: "Hà Thị Hai (vợ, 1972);
    Vợ: Lê Thị C sinh năm 1975; Hà Văn Ba - con - 2000". A piece that is only a year or a
    relation belongs to the name before it ("Nguyễn Văn A, 1980")."""
    out: list[list] = []
    for piece in _member_pieces(nfc(cell)):
        years = _MEMBER_YEAR.findall(piece)
        text = _MEMBER_NOISE.sub(" ", _MEMBER_YEAR.sub(" ", piece))
        relation = ""
        bits = [b for inner in re.findall(r"\(([^)]*)\)", text) for b in re.split(r"[,;]", inner)]
        head, sep, tail = text.partition(":")
        if sep and fold(head.strip()) in _MEMBER_RELATIONS:
            bits.append(head)
            text = tail
        text = re.sub(r"\([^)]*\)", " ", text)
        parts = re.split(r"\s[-–]\s|\s[-–]$", text)
        bits += parts[1:]
        for bit in bits:
            key = fold(" ".join(re.sub(r"[^\w\s]", " ", bit).split()))
            if key in _MEMBER_RELATIONS and not relation:
                relation = _MEMBER_RELATIONS[key]
        name = " ".join(re.sub(r"[^\w\s]", " ", parts[0]).split())
        year = int(years[0]) if years else None
        words = name.split()
        if fold(name) in _MEMBER_RELATIONS:
            relation, words = relation or _MEMBER_RELATIONS[fold(name)], []
        if len(words) >= 2 and all(w[:1].isalpha() for w in words):
            out.append([" ".join(words)[:120], year, relation])
        elif out and (year or relation):
            if year and out[-1][1] is None:
                out[-1][1] = year
            if relation and not out[-1][2]:
                out[-1][2] = relation
    return [(n, y, r) for n, y, r in out]


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
    return _YEARS.get(year, year), born  # one int object per year, not one per person


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
    f = _fold_short(text)
    # An F0's outcome, typed in the status column: "F0 đã chuyển viện", "Khỏi bệnh".
    if "tu vong" in f or "da mat" in f:
        return "died"
    if "khoi benh" in f or "da khoi" in f:
        return "recovered"
    if "chuyen vien" in f or "chuyen co so" in f or "chuyen benh vien" in f:
        return "facility"
    f = f.replace(" ", "")
    for code in ("f0", "f1", "f2"):
        if f.startswith(code):
            return code.upper()
    f = _fold_short(text)
    if "duong tinh" in f or "benh nhan" in f or "ca benh" in f:
        return "F0"
    if "tiep xuc gan" in f:
        return "F1"
    if "am tinh" in f:
        return "negative"
    if f in ("binh thuong", "khong", "-", "0"):
        return ""
    return None


def _isolation_value(text: str) -> str | None:
    f = _fold_short(text)
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


_HOUSE = re.compile(r"^(?:số\s*(?:nhà)?\s*)?(\d+[a-zA-Z]?(?:/\d+)*)\b", re.IGNORECASE)
_ADMIN_WORDS = ("xa ", "phuong ", "thi tran ", "huyen ", "quan ", "thi xa ", "tinh ", "tp ")


def split_address(address: str) -> tuple[str, str, str]:
    """An address cell as (village, street, house number): "Số 12, ngõ 3, thôn Nà Pài, xã
    Bằng Lãng" → ("Nà Pài", "ngõ 3", "12"). The commune and higher parts are dropped."""
    village, street, house = "", [], ""
    for part in (p.strip() for p in re.split(r"[,;]", address)):
        if not part:
            continue
        folded = fold(part)
        if folded.startswith(_ADMIN_WORDS):
            continue
        named = village_from_text(part)
        if (
            named
            and not village
            and fold(part).split()[0] in ("thon", "xom", "ban", "to", "ap", "tdp", "khu")
        ):
            village = named
            continue
        match = _HOUSE.match(part)
        if match and not house:
            house = match.group(1)
            rest = part[match.end() :].strip(" ,.-")
            if rest:
                street.append(rest)
            continue
        street.append(part)
    return village[:120], ", ".join(street)[:200], house[:40]
