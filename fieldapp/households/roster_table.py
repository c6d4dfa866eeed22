"""Finding the roster table in a sheet: its header row, what each column holds, the village.

Real lists have title rows above the table ("DANH SÁCH HỘ GIA ĐÌNH ... - THÔN 4"), two-row
merged headers ("Năm sinh" over "Nam" and "Nữ", whose column tells the sex), a row numbering
the columns. Columns are recognised by their folded Vietnamese names (:data:`SYNONYMS`,
matched as whole words, the longest match wins). A sheet without a header row naming a
"Họ và tên" column and at least one other known column has no roster table.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from openpyxl.utils import get_column_letter

from fieldapp.households.workbook import MAX_CELL_CHARS
from fieldapp.text.vietnamese import fold, nfc

HEADER_SCAN_ROWS = 40


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
        "ddcn",
        "so ddcn",
        "cmt",
        "so cmt",
        "chung minh thu",
        "chung minh nhan dan",
        "so chung minh nhan dan",
        "giay to tuy than",
        "so giay to",
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
    # a list of heads with the family in one cell: "Hà Thị Hai (1972), Hà Văn Ba (2000)"
    "members": (
        "thanh vien",
        "cac thanh vien",
        "thanh vien trong ho",
        "cac thanh vien trong ho",
        "ten cac thanh vien",
        "ho ten cac thanh vien",
        "nhan khau trong ho",
        "cac nhan khau",
        "nguoi trong ho",
        "nhan khau",
    ),
    "count": (
        "so nhan khau",
        "so khau",
        "so thanh vien",
        "so nguoi",
        "tong so nhan khau",
        "so nguoi trong ho",
    ),
}
# Headers that name the head's column only when they are the whole header ("Chủ hộ"): as a
# part of one ("SĐT chủ hộ", "CMND chủ hộ") they say whose the value is.
WHOLE_NAME_HEADERS = frozenset({"chu ho", "ten chu ho"})
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
    "members": "Các thành viên",
    "count": "Số nhân khẩu",
}

_PUNCT = re.compile(r"[^\w]+")
_NUMBERING = re.compile(r"\(?\s*(\d{1,2}|[a-z])\s*\)?")
# "Thôn Nà Pài", "XÓM 4", "Tổ dân phố 5", "bản Lác": the village words of titles and addresses.
_VILLAGE_WORDS = ("to dan pho", "khu pho", "thon", "xom", "ban", "ap", "tdp", "to")
_VILLAGE_IN_TEXT = re.compile(
    r"(?:^|[\s,;:.(–-])("
    + "|".join(w.replace(" ", r"\s+") for w in _VILLAGE_WORDS)
    + r")\s+(\S.*)$"
)
_NOT_VILLAGES = (
    "chi dao", "cong tac", "covid", "phong", "quan ly", "nhan dan", "thuong vu", "chuc",
    "truong", "dieu hanh", "van dong", "thanh tra", "kiem tra", "giam sat",
)  # fmt: skip
_GENERIC_SHEET = re.compile(
    r"(sheet|trang tinh|trang|danh sach|ds|tong hop|bang|data|du lieu|list)\s*\d*"
)


def label_fold(text: object) -> str:
    """A header cell as comparable words: folded, punctuation as spaces."""
    if text is None:
        return ""
    return " ".join(_PUNCT.sub(" ", fold(str(text))).split())


# The family and middle names in a column of their own, the given name in "Tên" (matched
# whole: "Chủ hộ" or "Số hộ" are no surnames).
SURNAME_HEADERS = frozenset(
    {"ho", "ho dem", "ho lot", "ho va dem", "ho ten dem", "ho va ten dem", "ho va chu dem",
     "ho chu dem", "ho va ten lot", "ho ten lot"}
)  # fmt: skip


def _field_of(label: str) -> tuple[str | None, int]:
    """The field a folded header names, and the length of the matched synonym."""
    if not label:
        return None, 0
    if label in WHOLE_NAME_HEADERS:
        return "name", len(label)
    padded = f" {label} "
    best, length = None, 0
    for name, words in SYNONYMS.items():
        for synonym in words:
            if len(synonym) > length and f" {synonym} " in padded:
                best, length = name, len(synonym)
    return best, length


def _header_score(row: list) -> tuple[int, bool]:
    fields = set()
    for cell in row:
        if isinstance(cell, str):
            name, _ = _field_of(label_fold(cell))
            if name is not None:
                fields.add(name)
    return len(fields), "name" in fields


def _is_numbering_row(row: list) -> bool:
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


def map_columns(top: list, sub: list | None) -> tuple[dict[str, int], dict[str, str]]:
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
        if (s or t) in SURNAME_HEADERS:
            chosen = "surname"  # the name split in two columns: "Họ và tên đệm" | "Tên"
        elif s in ("nam", "nu", "nam gioi", "nu gioi"):
            chosen = "birth_M" if s.startswith("nam") else "birth_F"
        elif not s and t in ("nam", "nu"):
            chosen = "birth_M" if t == "nam" else "birth_F"
        else:
            for candidate in (s, f"{t} {s}".strip(), t):
                name, _ = _field_of(candidate)
                if name is not None:
                    chosen = name
                    break
        if chosen == "name" and "name" in mapping and _heads_name(shown["name"]):
            # "Họ tên chủ hộ" then "Họ tên thành viên": each row's own name is the second
            # (taking the first named every member after the head)
            del mapping["name"]
        if chosen is None or chosen in mapping:
            continue
        mapping[chosen] = col
        header = " / ".join(str(x).strip() for x in (tops[col] or inherited, subs[col]) if x)
        shown[chosen] = f"{get_column_letter(col + 1)} ({' '.join(header.split())})"
    if "members" in mapping and "relation" in mapping:
        # "Chủ hộ" | "Thành viên" | "Quan hệ": a person a row, named in "Thành viên"
        if "name" not in mapping or _heads_name(shown["name"]):
            mapping["name"], shown["name"] = mapping.pop("members"), shown.pop("members")
        else:
            del mapping["members"], shown["members"]
    return mapping, shown


def _heads_name(shown: str) -> bool:
    """Whether a name column's header names the head of the household only ("Họ tên chủ
    hộ"), not each person ("Họ tên chủ hộ và thành viên", "Nhân khẩu")."""
    label = label_fold(shown)
    members = ("thanh vien", "nhan khau", "thanh phan", "cac thanh")
    return "chu ho" in label and not any(w in label for w in members)


def is_subheader(row: list, mapping: dict[str, int]) -> bool:
    """The row under the header is a second header row (Nam/Nữ, Từ ngày/Đến ngày...)."""
    name_col = mapping.get("name")
    if name_col is not None and name_col < len(row) and cell_text(row[name_col]):
        return False
    labels = [label_fold(c) for c in row if isinstance(c, str) and c.strip()]
    if not labels:
        return False
    return any(lab in ("nam", "nu") or _field_of(lab)[0] is not None for lab in labels)


def cell_text(value: object) -> str:
    """A cell as text: numbers without ".0", dates as dd/mm/yyyy, NFC, single spaces."""
    if value is None:
        return ""
    if isinstance(value, str):
        if len(value) > MAX_CELL_CHARS:
            value = value[:MAX_CELL_CHARS]
        return nfc(" ".join(value.split()))
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return str(value)


def find_header(rows: list[list]) -> int | None:
    """Index (in ``rows``) of the header row: the row naming the most known columns, one of
    them the name, and at least one other."""
    best, best_score = None, 1
    for i, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        score, has_name = _header_score(row)
        if has_name and score > best_score:
            best, best_score = i, score
    return best


def is_numbering_row(row: list) -> bool:
    return _is_numbering_row(row)


def village_from_text(text: str) -> str:
    """The village a title or address names: "DANH SÁCH ... - THÔN NÀ PÀI" → "Nà Pài",
    "thôn 4" → "Thôn 4", "Tổ dân phố 5" → "Tổ dân phố 5"; "" when it names none."""
    text = " ".join(str(text).split())
    folded = fold(text)
    if len(folded) != len(text):  # fold is one character for one in NFC text
        return ""
    match = _VILLAGE_IN_TEXT.search(folded)
    if match is None:
        return ""
    word = " ".join(match.group(1).split())
    if word in ("ban", "to", "tdp", "khu pho", "to dan pho") and folded[
        match.start(2) :
    ].startswith(_NOT_VILLAGES):
        return ""
    rest = text[match.start(2) :]
    rest = re.split(r"[,;()\n]| - | – ", rest)[0].strip(" .:-–")
    if not rest or len(rest) > 60:
        return ""
    if rest.isupper():
        rest = rest.title()
    original_word = text[match.start(1) : match.end(1)]
    if word in ("thon", "xom", "ap") and not rest[:1].isdigit():
        return rest
    return f"{original_word[:1].upper()}{original_word[1:].lower()} {rest}"


def village_from_sheet_name(name: str) -> str:
    """A sheet named for its village ("Thôn 4", "Xóm Nà Pài"), or "" for "Sheet1"."""
    named = village_from_text(name)
    if named:
        return named
    return ""


def is_generic_sheet_name(name: str) -> bool:
    return _GENERIC_SHEET.fullmatch(fold(name)) is not None
