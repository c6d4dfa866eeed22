"""Parse the text of a directive (văn bản chỉ đạo) into its fields and numbered items.

Input is text as it arrives from PDF/Word conversion: header lines in any order, markdown
stars, tables flattened to ``A | B`` lines, page breaks in the middle of sentences. The
parser never invents: a field the text does not hold stays ``None``/empty and is listed in
``ParsedDirective.missing``.

Conventions (what a caller can rely on):

- ``number``: number and symbol with stray spaces removed ("Số 235 -CV/HU" -> "235-CV/HU").
  A number line whose number is blank ("Số:    /KH-UBND") gives ``None``.
- ``kind``: from the title line (CÔNG ĐIỆN, CHỈ THỊ, ...) if there is one, else from the
  symbol's code (CV/CĐ/CT/KH/QĐ/TB/NQ/KB); a state-style symbol without a kind code
  ("13417/UBND-VP") is a Công văn, as the official numbering rules have it.
- ``issuer``: the lowest body of the top-left block ("UBND TỈNH X / SỞ Y TẾ" -> "Sở Y tế";
  the upper body goes to ``issuer_parent``). An all-caps issuer is re-cased the Vietnamese
  way: organisation words from a table ("Tỉnh ủy", "Ban Chỉ đạo", "UBND"; a written-out
  "ỦY BAN NHÂN DÂN" becomes "UBND" as registers write it: "UBND huyện Tuy Đức"),
  administrative words lower case ("tỉnh", "huyện") and the place name after them in title
  case: "TỈNH ỦY BẮC KẠN" -> "Tỉnh ủy Bắc Kạn". Mixed-case issuers are kept as written.
  With no header block, "CÔNG ĐIỆN ... CỦA THƯỜNG TRỰC TỈNH ỦY" gives "Thường trực Tỉnh ủy".
  ``issuer_raw`` keeps the lines as written.
- ``subject``: the matter only, without its prefix ("V/v", "Về việc", "Về"), lines joined
  with one space, first letter as written; ``subject_prefix`` keeps the prefix as written.
- ``urgency``: the highest mark in the header (Hỏa tốc > Thượng khẩn > Khẩn);
  ``secrecy``: the highest of Tuyệt mật > Tối mật > Mật.
- ``signer``: the accented form of the name when a digital signature repeats it without
  diacritics; ``signer_title`` is the position line ("PHÓ BÍ THƯ") and ``signer_authority``
  the authority line(s) ("T/M BAN THƯỜNG VỤ"; several joined with " / "), both as written.
- Items are the numbered tasks in document order with path labels: "1", "2", "II.1",
  "1.2" (for a written "1.2."); sub-points "a)", "b)" of a numbered task stay inside its
  text (and its deadline), and are items ("a", "II.a") only where no numbered task holds
  them. Section headings misread by OCR ("IL. NHIỆM VỤ", "1. MỤC ĐÍCH") are read as the
  Roman numerals they are when the document has such sections. A Roman section or numbered item that has
  children and whose own text is only a heading ("II. NHIỆM VỤ, GIẢI PHÁP",
  "3. UBND các huyện:") is not an item itself; its children inherit its units. Section
  titles are listed in ``sections``. Sub-bullets ("- ...", "+ ...") and unlabelled
  paragraphs stay in the item above them; a closing paragraph ("Nhận được Công điện này...",
  "... thực hiện Công văn này") ends the items and goes to ``closing``. A flattened table
  with a unit column ("Đơn vị chủ trì") gives one item per row, labelled by its STT under
  the item that holds the table ("3.1", "3.2").
- ``units``: named from the item's leading words, first match wins: (1) "X: ..." where X
  starts with an organisation or office word; (2) "Đề nghị X ...", "Giao X ...",
  "Yêu cầu X ..."; (3) an item starting with such a word. X runs up to the first action
  verb ("chủ trì", "chỉ đạo", "được", "thực hiện", ...); "X chủ trì, phối hợp với Y" adds Y.
  X is split on ",", "và", "với" only where the next part starts with an organisation word
  ("Đảng ủy các xã, thị trấn" stays whole). No match -> [] (the item is for all addressees).
- ``due``: the first deadline in the item: "trước 15 giờ 00, ngày 13/9/2021" ->
  "2021-09-13T15:00"; a date only -> "2021-09-13" (no year -> the directive's year, none if
  that is unknown); recurring -> "hằng ngày 16:00", "hằng ngày", "hằng tuần thứ Sáu",
  "hằng tuần", "hằng tháng ngày 25", "hằng tháng". Dates with no deadline word ("Công văn số
  234-CV/HU, ngày 03/7/2021") are not deadlines. A recurring phrase counts only next to a
  time ("trước 16 giờ hằng ngày") or in a clause about reporting ("báo cáo", "gửi", ...).
- ``references``: cited number/symbols in order of first appearance, deduplicated, spaces
  removed, the directive's own number excluded.
- ``missing``: among number, kind, issuer, place, issued_on, subject, recipients, items,
  signer, signer_title, those the text does not hold. No urgency/secrecy/reference is a
  normal state, not a missing field.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from fieldapp.text.vietnamese import fold as _fold

__all__ = ["ParsedDirective", "ParsedItem", "parse_directive"]


@dataclass
class ParsedItem:
    """One numbered task: ``label`` is its path ("3", "II.1", "1.a")."""

    label: str
    text: str
    units: list[str] = field(default_factory=list)
    due: str | None = None

    def to_json_dict(self) -> dict[str, Any]:
        return {"label": self.label, "text": self.text, "units": list(self.units), "due": self.due}


@dataclass
class ParsedDirective:
    """What a careful reader writes down from one directive; absent fields stay empty."""

    number: str | None = None
    kind: str | None = None
    issuer: str | None = None
    place: str | None = None
    issued_on: date | None = None
    subject: str | None = None
    urgency: str | None = None
    secrecy: str | None = None
    signer: str | None = None
    signer_title: str | None = None
    signer_authority: str | None = None
    recipients: list[str] = field(default_factory=list)
    items: list[ParsedItem] = field(default_factory=list)
    references: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    issuer_parent: str | None = None
    issuer_raw: str | None = None
    subject_prefix: str | None = None
    preamble: str | None = None
    closing: str | None = None
    sections: list[tuple[str, str]] = field(default_factory=list)
    copies_to: list[str] = field(default_factory=list)
    signed_at: str | None = None

    def to_json_dict(self) -> dict[str, Any]:
        """The JSON shape of ``fieldapp directive parse --json``."""
        return {
            "number": self.number,
            "kind": self.kind,
            "issuer": self.issuer,
            "place": self.place,
            "issued_on": self.issued_on.isoformat() if self.issued_on else None,
            "subject": self.subject,
            "urgency": self.urgency,
            "secrecy": self.secrecy,
            "signer": self.signer,
            "signer_title": self.signer_title,
            "recipients": list(self.recipients),
            "items": [item.to_json_dict() for item in self.items],
            "references": list(self.references),
            "signer_authority": self.signer_authority,
            "issuer_parent": self.issuer_parent,
            "subject_prefix": self.subject_prefix,
            "sections": [{"label": lab, "title": t} for lab, t in self.sections],
            "copies_to": list(self.copies_to),
            "signed_at": self.signed_at,
            "missing": list(self.missing),
        }


# --- patterns ---------------------------------------------------------------------------------

KINDS = {
    "CV": "Công văn",
    "CĐ": "Công điện",
    "CD": "Công điện",
    "CT": "Chỉ thị",
    "KH": "Kế hoạch",
    "QĐ": "Quyết định",
    "QD": "Quyết định",
    "TB": "Thông báo",
    "NQ": "Nghị quyết",
    "KB": "Kịch bản",
}
_TITLE_KINDS = {
    "CÔNG VĂN": "Công văn",
    "CÔNG ĐIỆN": "Công điện",
    "CHỈ THỊ": "Chỉ thị",
    "KẾ HOẠCH": "Kế hoạch",
    "QUYẾT ĐỊNH": "Quyết định",
    "THÔNG BÁO": "Thông báo",
    "NGHỊ QUYẾT": "Nghị quyết",
    "KỊCH BẢN": "Kịch bản",
}
_TITLE_FOLDED = tuple(_fold(t).upper() for t in _TITLE_KINDS)
_URGENCY_RANK = {"Khẩn": 1, "Thượng khẩn": 2, "Hỏa tốc": 3}
_SECRECY_RANK = {"Mật": 1, "Tối mật": 2, "Tuyệt mật": 3}

_SYM_PART = r"[A-ZĐ][A-Za-zĐđ0-9]*"
_NUMBER_RE = re.compile(
    r"^(?P<n>\d{1,6})?\s*(?P<y>/\s*\d{4}\s*)?(?P<sep>[-/])\s*"
    r"(?P<sym>" + _SYM_PART + r"(?:\s*[-/]\s*" + _SYM_PART + r")*)"
)
_NUMBER_LINE_RE = re.compile(r"^(?:S[ốỐ]|SỐ)\s*:?\s*(?P<rest>.*)$", re.IGNORECASE)
_REF_RE = re.compile(
    r"(?<![\w/.-])(?:"
    # party style 234-CV/HU, 15-CT/TW
    r"\d{1,5}\s*-\s*[A-ZĐ]{1,5}\s*/\s*[A-ZĐ]{1,8}"
    r"|"
    # state style 16/CT-TTg, 64/2008/NĐ-CP, 13417/UBND-VP
    r"\d{1,6}(?:\s*/\s*\d{4})?\s*/\s*" + _SYM_PART + r"(?:-" + _SYM_PART + r")+"
    r"|"
    # laws 03/2007/QH12
    r"\d{1,5}/\d{4}/[A-Z]{1,4}\d{1,3}"
    r")(?![\w-])"
)
_PARTY_HEADER_RE = re.compile(r"^ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM$", re.IGNORECASE)
_STATE_HEADER_RE = re.compile(
    r"^(CỘNG\s+H(?:ÒA|OÀ)\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM|Độc\s+lập\s*[-–]\s*Tự\s+do)",
    re.IGNORECASE,
)
_PLACE_DATE_RE = re.compile(
    r"^(?P<place>[^\d,|]{2,40}?)\s*,\s*ngày\s*(?:"
    r"(?P<d>\d{1,2})?[\s.…]*tháng[\s.…]*(?P<m>\d{1,2})?[\s.…]*năm[\s.…]*(?P<y>\d{4})?"
    r"|(?P<d2>\d{1,2})\s*[/.-]\s*(?P<m2>\d{1,2})\s*[/.-]\s*(?P<y2>\d{4})"
    r")",
    re.IGNORECASE,
)
_KINH_GUI_RE = re.compile(r"^[-–•]?\s*Kính\s+gửi\s*:?\s*(?P<rest>.*)$", re.IGNORECASE)
# A Công điện addresses its recipients with "<sender> điện:" instead of "Kính gửi:".
_DIEN_RE = re.compile(r"\bđiện\s*:$")
_SUBJECT_RE = re.compile(r"^(?P<prefix>V/v|V\.v|Về\s+việc|Về|V/V)[\s:.]+(?P<rest>\S.*)$")
# Matched on the folded, upper-cased text: OCR's "KHẤN" or "HOẢ TÔC" is still a mark.
_MARK_WORDS_RE = re.compile(r"\b(?:HO?A\s*TOC|THUONG\s+KHAN|KHAN|TUYET\s+MAT|TOI\s+MAT|MAT)\b")
_MARK_FILLER_RE = re.compile(r"\bDO\b|[\W_]")  # "ĐỘ KHẨN:", "HỎA TỐC →" (OCR: "~.", "—>")
_NOI_NHAN_RE = re.compile(r"^Nơi\s+nhận\s*:?\s*(?P<rest>.*)$", re.IGNORECASE)
_AUTHORITY_RE = re.compile(
    r"^(?:T/M|TM\s*\.|TM\s|KT\s*\.|KT\s|K/T|Q\s*\.|TL\s*\.|T/L|TUQ\s*\.)\s*\S"
)
_POSITION_RE = re.compile(
    r"^(?:PHÓ\s+)?(?:CHỦ\s+TỊCH|BÍ\s+THƯ|GIÁM\s+ĐỐC|TỔNG\s+GIÁM\s+ĐỐC|TRƯỞNG\s+BAN|"
    r"TRƯỞNG\s+PHÒNG|CHÁNH\s+VĂN\s+PHÒNG|THỦ\s+TRƯỞNG|CHỈ\s+HUY\s+TRƯỞNG|TRƯỞNG|ỦY\s+VIÊN|"
    r"UỶ\s+VIÊN|CHÁNH\s+ÁN|VIỆN\s+TRƯỞNG)\b"
)
_TIMESTAMP_RE = re.compile(
    r"(?P<a>\d{4})[.-](?P<b>\d{2})[.-](?P<c>\d{2})\s+(?P<t>\d{2}:\d{2}(?::\d{2})?)\s*(?P<z>[+-]\d{2}:?\d{2})?"
    r"|(?P<c2>\d{2})[./-](?P<b2>\d{2})[./-](?P<a2>\d{4})\s+(?P<t2>\d{2}:\d{2}(?::\d{2})?)\s*(?P<z2>[+-]\d{2}:?\d{2})?"
)
_SIGNED_BY_RE = re.compile(
    r"^(?:Ký\s+bởi|Người\s+ký|Signed\s+by)\s*:\s*(?P<name>.+)$", re.IGNORECASE
)
_NAME_WORD_RE = re.compile(r"^[^\W\d_][^\W\d_A-ZĐ]*$")

_ROMAN_RE = re.compile(r"^(?P<l>[IVX]{1,5})\s*[.\-)]\s*(?P<rest>\S.*)$")
_NUM_RE = re.compile(
    r"^(?P<l>\d{1,2}(?:\.\d{1,2}){0,2})(?:\s*[.)]|\s*-(?!\d))\s*(?P<rest>[^\d\s].*)$"
    r"|^(?P<l2>\d{1,2}(?:\.\d{1,2}){1,2})\s+(?P<rest2>[^\d\s].*)$"
)
_LETTER_RE = re.compile(r"^(?P<l>[a-zđ])\s*[)/]\s*(?P<rest>\S.*)$")
_A_MISREAD_RE = re.compile(r"^[4@]\s*\)\s*(?P<rest>\S.*)$")
_ROMAN_VALUES = {
    r: i + 1
    for i, r in enumerate(
        "I II III IV V VI VII VIII IX X XI XII XIII XIV XV XVI XVII XVIII XIX XX".split()
    )
}

_CLOSING_RE = re.compile(
    r"^(?:Nhận\s+được|Trên\s+đây\s+là)"
    r"|\b(?:Công\s+văn|Công\s+điện|Chỉ\s+thị|Kế\s+hoạch|Thông\s+báo|Quyết\s+định|Kịch\s+bản|"
    r"văn\s+bản)\s+này\b",
)

# Organisation / office words that can start a unit name. Negative look-aheads keep verbs
# that share a first word ("Tổ chức", "Báo cáo", "Ban hành", "Phòng, chống") out.
_HEAD = (
    r"(?:UBND|HĐND|MTTQ|BCĐ|BCH|Ủy\s+ban|Uỷ\s+ban|Sở|Ban(?!\s+hành)|"
    r"Phòng(?!\s*,|\s+chống|\s+ngừa|\s+tránh|\s+dịch)|Văn\s+phòng|Đảng\s+ủy|Đảng\s+uỷ|"
    r"Đảng\s+bộ|Đảng\s+đoàn|Huyện\s+ủy|Huyện\s+uỷ|Tỉnh\s+ủy|Tỉnh\s+uỷ|Thành\s+ủy|Thành\s+uỷ|"
    r"Quận\s+ủy|Thị\s+ủy|Cấp\s+ủy|Cấp\s+uỷ|Chi\s+bộ|Công\s+an|Bộ\s+Chỉ\s+huy|Ban\s+Chỉ\s+huy|"
    r"Mặt\s+trận|Đoàn(?!\s+kết)|Hội(?!\s+nghị|\s+họp)|Liên\s+đoàn|Trung\s+tâm|Trạm|Bệnh\s+viện|"
    r"Bí\s+thư|Phó\s+Bí\s+thư|Chủ\s+tịch|Phó\s+Chủ\s+tịch|Giám\s+đốc|Thủ\s+trưởng|"
    r"Người\s+đứng\s+đầu|Đồng\s+chí|đ/c|Chính\s+quyền|Đoàn\s+thể|Tổ(?!\s+chức)|Cơ\s+quan|"
    r"Lực\s+lượng|Ủy\s+viên|Uỷ\s+viên|Thường\s+trực|Đài|Báo(?!\s+cáo)|Kho\s+bạc|Chi\s+cục|"
    r"Cục|Bộ(?!\s+phận)|Trưởng|Ngành|Quân\s+sự|Bộ\s+đội|Đồn|Huyện\s+đoàn|Tỉnh\s+đoàn)"
)
_HEAD_START_RE = re.compile(r"^(?:(?:các|Các|Toàn\s+thể)\s+)?" + _HEAD + r"(?!\w)", re.IGNORECASE)
# Inside a unit list only these may start a new unit in lower case.
_LOWER_HEAD_RE = re.compile(
    r"^(?:các\s+\S|chính\s+quyền|đoàn\s+thể|người\s+đứng\s+đầu|cấp\s+[uủ][ỷy]|lực\s+lượng|"
    r"thủ\s+trưởng|đồng\s+chí|đ/c)"
)
_UNIT_SPLIT_RE = re.compile(r"(,\s*|;\s*|\s+và\s+|\s+với\s+)")
_VERB_RE = re.compile(
    r"\s(?:chủ\s+trì|phối\s+hợp|chỉ\s+đạo|lãnh\s+đạo|tập\s+trung|thực\s+hiện|triển\s+khai|"
    r"khẩn\s+trương|đẩy\s+mạnh|tăng\s+cường|rà\s+soát|xây\s+dựng|tổ\s+chức|quán\s+triệt|"
    r"tiếp\s+tục|thường\s+xuyên|được|cần|phải|có\s+trách\s+nhiệm|chịu\s+trách\s+nhiệm|"
    r"hướng\s+dẫn|kiểm\s+tra|bố\s+trí|huy\s+động|theo\s+dõi|nắm|bảo\s+đảm|đảm\s+bảo|"
    r"chuẩn\s+bị|báo\s+cáo|tham\s+mưu|thành\s+lập|cử|điều\s+động|phân\s+công|nghiêm\s+túc|"
    r"sớm|kịp\s+thời|chủ\s+động|trực\s+tiếp|tuyên\s+truyền|vận\s+động|giám\s+sát|cung\s+cấp|"
    r"hỗ\s+trợ|ban\s+hành|xem\s+xét|làm\s+tốt|nâng\s+cao|duy\s+trì|thông\s+báo|yêu\s+cầu|"
    r"quan\s+tâm|tiến\s+hành|nghiên\s+cứu|rà|xử\s+lý|bổ\s+sung|phát\s+huy|tích\s+cực|"
    r"căn\s+cứ|tổng\s+hợp|khoanh\s+vùng|phong\s+tỏa|phong\s+toả|lấy\s+mẫu|lập|tạm\s+dừng|"
    r"phân\s+ca|truy\s+vết|xét\s+nghiệm|điều\s+tra|kiểm\s+soát|tiếp\s+nhận|đôn\s+đốc|"
    r"nghiêm\s+cấm|tham\s+gia|chấp\s+hành|ưu\s+tiên|phân\s+bổ|cập\s+nhật|gửi|trình|"
    r"thống\s+kê|quyết\s+định|mua\s+sắm|cấp\s+phát|dừng|có)(?!\w)"
)
_COOP_RE = re.compile(
    r"^chủ\s+trì\s*,?\s*(?:và\s+)?phối\s+hợp(?:\s+chặt\s+chẽ)?\s+với\s+(?P<y>.+)$"
)
_ASK_RE = re.compile(r"^(?:Đề\s+nghị|Giao\s+cho|Giao|Yêu\s+cầu)\s+(?P<rest>.+)$", re.IGNORECASE)

_TIME = r"(?P<h>\d{1,2})\s*(?:giờ|h(?![a-zà-ỹ])|g(?![a-zà-ỹ])|:)\s*(?P<mi>\d{2})?(?:\s*phút)?"
_DATE = (
    r"(?:(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})(?:\s*[/.-]\s*(?P<y>\d{4}))?(?![\d/])"
    r"|(?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2})(?:\s+năm\s+(?P<y2>\d{4}))?)"
)
_CUE = (
    r"(?:trước|chậm\s+nhất(?:\s+là)?|hạn\s+chót(?:\s+là)?|thời\s+hạn(?:\s+là)?|"
    r"hoàn\s+thành(?:\s+trước|\s+trong)?|xong\s+trước|không\s+quá|trong\s+ngày)"
)
_DEADLINE_RE = re.compile(
    r"(?<!\w)" + _CUE + r"\s*(?:(?:lúc|vào)\s*)?(?:" + _TIME + r"\s*,?\s*(?:ngày\s*)?)?"
    r"(?:ngày\s*)?" + _DATE,
    re.IGNORECASE,
)
_BARE_DATE_RE = re.compile(r"(?:" + _TIME + r"\s*,?\s*(?:ngày\s*)?)?(?:ngày\s*)?" + _DATE, re.I)
_EVERY = r"(?:hằng|hàng|mỗi)"
_RECUR_PATTERNS: list[tuple[re.Pattern[str], str, bool]] = [
    # (pattern, period, needs a reporting clause)
    (re.compile(r"trước\s*" + _TIME + r"\s*,?\s*" + _EVERY + r"\s+ngày", re.I), "ngày", False),
    (
        re.compile(_EVERY + r"\s+ngày\s*,?\s*(?:trước|lúc|vào\s+lúc|trước\s+lúc)\s*" + _TIME, re.I),
        "ngày",
        False,
    ),
    (
        re.compile(
            r"(?:vào\s+)?(?:ngày\s+)?(?P<wd>thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s+nhật)"
            r"\s+" + _EVERY + r"\s+tuần",
            re.I,
        ),
        "tuần",
        True,
    ),
    (
        re.compile(r"(?:trước\s+)?ngày\s+(?P<md>\d{1,2})\s+" + _EVERY + r"\s+tháng", re.I),
        "tháng",
        True,
    ),
    (re.compile(r"(?:" + _EVERY + r"|định\s+kỳ)\s+ngày", re.I), "ngày", True),
    (re.compile(r"(?:" + _EVERY + r"|định\s+kỳ)\s+tuần", re.I), "tuần", True),
    (re.compile(r"(?:" + _EVERY + r"|định\s+kỳ)\s+tháng", re.I), "tháng", True),
]
_REPORT_RE = re.compile(r"báo\s+cáo|gửi|cập\s+nhật|tổng\s+hợp", re.IGNORECASE)

_TABLE_UNIT_RE = re.compile(
    r"^(?:đơn\s+vị|cơ\s+quan|người|bộ\s+phận)?\s*(?:/\s*đơn\s+vị\s*)?"
    r"(?:chủ\s+trì|thực\s+hiện|phụ\s+trách)|^đơn\s+vị$|^cơ\s+quan\s+(?:chủ\s+trì|thực\s+hiện)",
    re.IGNORECASE,
)
_TABLE_TIME_RE = re.compile(r"thời\s+(?:gian|hạn)|tiến\s+độ|hạn\s+hoàn\s+thành", re.IGNORECASE)
_TABLE_STT_RE = re.compile(r"^(?:S?TT|Số\s+TT|Stt)$", re.IGNORECASE)

_SUPERSCRIPT_RE = re.compile(r"(?<=\s)[¹²³⁰⁴⁵⁶⁷⁸⁹]+(?=\s)")
_SPACES_RE = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u3000]+")


# --- small text helpers -----------------------------------------------------------------------


def _is_upper_line(s: str) -> bool:
    """Every cased letter is a capital, and there is one (string methods: this runs on every
    line of every directive)."""
    return s.upper() == s and s.lower() != s


def _clean(text: str) -> list[str]:
    text = unicodedata.normalize("NFC", text).lstrip("\ufeff")
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u200b", "")
    # Markdown emphasis from the converter carries no meaning in a directive.
    text = text.replace("*", "")
    text = _SUPERSCRIPT_RE.sub(" ", text)
    lines = []
    for raw in text.split("\n"):
        line = _SPACES_RE.sub(" ", raw).strip()
        line = line.lstrip("#").strip() if line.startswith("#") else line
        if re.fullmatch(r"[-_=–—.~ ]{3,}", line):
            line = ""  # horizontal rules under header lines
        lines.append(line)
    return lines


def _strip_item(s: str) -> str:
    s = re.sub(r"^[-–+•]\s*", "", s.strip())
    s = re.sub(r"\s*\./\.\s*$", "", s)
    return s.rstrip(" ,;.").strip()


def _normalise_number(rest: str) -> tuple[str | None, str | None]:
    """("235 -CV/HU ...") -> ("235-CV/HU", "CV"); the code is the kind code candidate."""
    m = _NUMBER_RE.match(rest.strip())
    if not m:
        return None, None
    sym = re.sub(r"\s+", "", m.group("sym"))
    year = re.sub(r"\s+", "", m.group("y") or "")
    sep = m.group("sep")
    if sep == "-":
        code = sym.split("/")[0]
    else:
        code = sym.split("-")[0]
    if not m.group("n"):
        return None, code
    return f"{m.group('n')}{year}{sep}{sym}", code


def _kind_from_code(code: str | None, number: str | None) -> str | None:
    if not code:
        return None
    kind = KINDS.get(code.upper())
    if kind:
        return kind
    if number and "-" in number.split("/", 1)[-1] and not re.match(r"^\d+-", number):
        return "Công văn"  # state style "13417/UBND-VP": issuer-unit symbol, no kind code
    return None


# --- issuer re-casing ------------------------------------------------------------------------

_ORG_PHRASES: dict[tuple[str, ...], tuple[str, bool]] = {}
for _phrase, _canon, _place_follows in (
    # As written on the envelope and in registers: "ỦY BAN NHÂN DÂN / HUYỆN TUY ĐỨC" is
    # "UBND huyện Tuy Đức".
    ("ủy ban nhân dân", "UBND", False),
    ("hội đồng nhân dân", "HĐND", False),
    ("ubnd", "UBND", False),
    ("hđnd", "HĐND", False),
    ("mttq", "MTTQ", False),
    ("ủy ban mặt trận tổ quốc việt nam", "Ủy ban Mặt trận Tổ quốc Việt Nam", False),
    ("mặt trận tổ quốc", "Mặt trận Tổ quốc", False),
    ("việt nam", "Việt Nam", False),
    ("tỉnh ủy", "Tỉnh ủy", True),
    ("huyện ủy", "Huyện ủy", True),
    ("thành ủy", "Thành ủy", True),
    ("quận ủy", "Quận ủy", True),
    ("thị ủy", "Thị ủy", True),
    ("đảng ủy", "Đảng ủy", False),
    ("đảng bộ", "Đảng bộ", False),
    ("ban thường vụ", "Ban Thường vụ", False),
    ("thường trực", "Thường trực", False),
    ("ban chỉ đạo", "Ban Chỉ đạo", False),
    ("ban chỉ huy", "Ban Chỉ huy", False),
    ("bộ chỉ huy quân sự", "Bộ Chỉ huy Quân sự", False),
    ("công an", "Công an", False),
    ("sở y tế", "Sở Y tế", False),
    ("trung tâm y tế", "Trung tâm Y tế", False),
    ("trạm y tế", "Trạm Y tế", False),
    ("văn phòng", "Văn phòng", False),
    ("covid-19", "Covid-19", False),
    ("sars-cov-2", "SARS-CoV-2", False),
):
    _ORG_PHRASES[tuple(_phrase.split())] = (_canon, _place_follows)
_ADMIN_WORDS = {
    ("tỉnh",),
    ("huyện",),
    ("xã",),
    ("quận",),
    ("phường",),
    ("thành", "phố"),
    ("thị", "xã"),
    ("thị", "trấn"),
}
_MAX_PHRASE = max(len(k) for k in _ORG_PHRASES)


def _key(word: str) -> str:
    return word.lower().strip(",;:.").replace("uỷ", "ủy").replace("oà", "òa")


def _recase_org(name: str) -> str:
    """ "TỈNH ỦY BẮC KẠN" -> "Tỉnh ủy Bắc Kạn"; mixed-case input is returned as written."""
    if not _is_upper_line(name):
        return name
    words = name.lower().split()
    keys = [_key(w) for w in words]
    out: list[str] = []
    place = False
    i = 0
    while i < len(words):
        matched = False
        for n in range(min(_MAX_PHRASE, len(words) - i), 0, -1):
            key = tuple(keys[i : i + n])
            if key in _ORG_PHRASES:
                canon, place_follows = _ORG_PHRASES[key]
                trail = words[i + n - 1][len(words[i + n - 1].rstrip(",;:.")) :]
                out.append(canon + trail)
                place = place_follows and not trail
                i += n
                matched = True
                break
            if n <= 2 and key in _ADMIN_WORDS:
                out.extend(words[i : i + n])
                place = not words[i + n - 1].endswith(",")
                i += n
                matched = True
                break
        if matched:
            continue
        word = words[i]
        if place and keys[i] not in ("các", "và"):
            word = "-".join(p[:1].upper() + p[1:] for p in word.split("-"))
            if word.endswith(","):
                place = False
        elif keys[i] in ("các", "và"):
            place = False
        out.append(word)
        i += 1
    if out:
        out[0] = out[0][:1].upper() + out[0][1:]
    # "Sở" takes a capitalised field name: "Sở Giáo dục", "Sở Xây dựng".
    for j in range(len(out) - 1):
        if out[j] == "Sở":
            out[j + 1] = out[j + 1][:1].upper() + out[j + 1][1:]
    return " ".join(out)


_ORG_START_RE = re.compile(
    r"^(?:ỦY\s+BAN|UỶ\s+BAN|UBND|HĐND|HỘI\s+ĐỒNG|BAN\s|SỞ\s|PHÒNG\s+[^,]|VĂN\s+PHÒNG|"
    r"ĐẢNG\s+ỦY|ĐẢNG\s+UỶ|ĐẢNG\s+BỘ|HUYỆN\s+[UỦ][ỶY]|TỈNH\s+[UỦ][ỶY]|THÀNH\s+[UỦ][ỶY]|"
    r"QUẬN\s+[UỦ][ỶY]|THỊ\s+[UỦ][ỶY]|CHI\s+BỘ|CÔNG\s+AN|BỘ\s|TRUNG\s+TÂM|MẶT\s+TRẬN|"
    r"ĐOÀN\s|HỘI\s|LIÊN\s+ĐOÀN|THƯỜNG\s+TRỰC|BCĐ|BCH|CỤC|CHI\s+CỤC|TRẠM|BỆNH\s+VIỆN)"
)


def _issuer_bodies(lines: list[str]) -> list[str]:
    """Group the top-left block's lines into bodies: a line that starts with an
    organisation word opens a new body, any other line continues the one above."""
    bodies: list[str] = []
    for line in lines:
        if bodies and not _ORG_START_RE.match(line):
            bodies[-1] += " " + line
        else:
            bodies.append(line)
    return bodies


# --- the parser -------------------------------------------------------------------------------


_COLUMN_GAP_RE = re.compile(r"\t+| {4,}|\u3000+")
_HEADER_RIGHT_RE = re.compile(r"cong hoa|doc lap|dang cong san|ngay \d{1,2} thang")


def _split_line(raw: str) -> tuple[str, str] | None:
    """A line typed as two columns: (left, right); a right column alone after a leading gap
    gives ("", right). None when the line has no gap between columns."""
    line = raw.rstrip()
    parts = [x.strip() for x in _COLUMN_GAP_RE.split(line)]
    if len(parts) == 2 and parts[1]:
        return parts[0], parts[1]
    return None


def _untab_columns(text: str) -> str:
    """A header and a signature block typed with tabs (or runs of spaces) instead of a table
    ("ỦY BAN NHÂN DÂN<tab><tab>CỘNG HÒA XÃ HỘI ...", "Nơi nhận:<tab>KT. CHỦ TỊCH") are
    written as a table's cells come out: the left column's lines, then the right column's.
    Left alone unless the header's right column reads as one (national motto, a date)."""
    raw = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    filled = [j for j, line in enumerate(raw) if line.strip()]
    for first in filled[:4]:
        block, j = [], first
        while j < len(raw) and (not raw[j].strip() or _split_line(raw[j])):
            block.append(j)
            j += 1
        pairs = [_split_line(raw[k]) for k in block if raw[k].strip()]
        rights = " ".join(_fold(r) for _l, r in filter(None, pairs))
        if sum(1 for pair in pairs if pair and pair[0]) >= 2 and _HEADER_RIGHT_RE.search(rights):
            raw[first:j] = _left_then_right(raw[first:j])
            break
    tail = next(
        (j for j in range(len(raw) - 1, -1, -1) if _fold(raw[j].strip()).startswith("noi nhan")),
        None,
    )
    if tail is not None and any((_split_line(x) or ("", ""))[0] for x in raw[tail:]):
        raw[tail:] = _left_then_right(raw[tail:])
    return "\n".join(raw)


def _left_then_right(lines: list[str]) -> list[str]:
    left: list[str] = []
    right: list[str] = []
    for line in lines:
        pair = _split_line(line)
        if pair is None:
            left.append(line.strip())
            continue
        if pair[0]:
            left.append(pair[0])
        right.append(pair[1])
    return [x for x in left if x] + [""] + right


def parse_directive(text: str) -> ParsedDirective:
    """Parse a directive's text; never raises on messy input, flags what is missing."""
    lines = _clean(_untab_columns(text))
    d = ParsedDirective()
    body_start = _parse_header(lines, d)
    tail_start = _find_tail(lines, body_start)
    _parse_tail(lines[tail_start:], d)
    _parse_body(_ocr_romans([_ocr_number(x) for x in lines[body_start:tail_start]]), d)
    _place_as_in_issuer(d)
    own = d.number
    seen: set[str] = set()
    for m in _REF_RE.finditer("\n".join(lines)):
        ref = re.sub(r"\s+", "", m.group(0))
        if ref != own and ref not in seen:
            seen.add(ref)
            d.references.append(ref)
    for name in (
        "number",
        "kind",
        "issuer",
        "place",
        "issued_on",
        "subject",
        "recipients",
        "items",
        "signer",
        "signer_title",
    ):
        if not getattr(d, name):
            d.missing.append(name)
    return d


_ROMAN_LIKE_RE = re.compile(
    r"^(?P<l>[IlL1|]{1,3}|[IlL1|]?[VX][IlL1|]{0,3})(?:\s*[.,:]\s*|\s+)(?P<rest>\S.{2,90})$"
)


def _ocr_romans(lines: list[str]) -> list[str]:
    """Section headings as OCR misreads them ("1. MỤC ĐÍCH", "IL. NHIỆM VỤ") written back as
    Roman numerals, when the document has Roman sections at all; an all-caps heading is a
    section, a numbered task is not written in capitals."""
    fixed = list(lines)
    found: list[tuple[int, str, str]] = []
    for j, line in enumerate(lines):
        m = _ROMAN_LIKE_RE.match(line)
        if m and _is_upper_line(m.group("rest")) and len(m.group("rest").split()) >= 2:
            label = re.sub(r"[lL1|]", "I", m.group("l"))
            if label in _ROMAN_VALUES:
                found.append((j, label, m.group("rest")))
    if found and found[0][1] == "II":
        found[:0] = _lost_first_section(lines, found[0][0])
    # One all-caps "1. ..." alone is a numbered heading, not a misread section.
    if len(found) < 2:
        return lines
    values = [_ROMAN_VALUES[label] for _j, label, _r in found]
    if values != list(range(1, len(found) + 1)) and all(
        set(label) <= {"I"} for _j, label, _r in found[:3]
    ):
        # "IL", "II", "III" for I, II, III: sections come in order, so number them so.
        romans = list(_ROMAN_VALUES)
        found = [(j, romans[k], rest) for k, (j, _label, rest) in enumerate(found)]
    for j, label, rest in found:
        fixed[j] = f"{label}. {rest}"
    return fixed


def _lost_first_section(lines: list[str], second: int) -> list[tuple[int, str, str]]:
    """OCR drops a lone "I." more than any other label (one thin stroke): "MỤC ĐÍCH, YÊU CẦU"
    comes out bare above its "1.", while "II." further down is read. That bare all-caps
    heading, right above a "1." and before section II, is section I."""
    for j in range(second - 1, -1, -1):
        line = lines[j]
        if _ROMAN_LIKE_RE.match(line) or _NUM_RE.match(line) or _LETTER_RE.match(line):
            continue
        if not _is_upper_line(line) or len(line.split()) < 2 or len(line) > 90:
            continue
        following = lines[j + 1] if j + 1 < second else ""
        if re.match(r"^1\s*[.)]\s*\S", following):
            return [(j, "I", line.strip())]
    return []


_COMMA_NUMBER_RE = re.compile(r"^(\d{1,2}),\s+(?=[A-ZĐÀ-Ỹ][^\d])")


def _ocr_number(line: str) -> str:
    """ "5, Đồn Biên phòng ..." is OCR's reading of "5. Đồn Biên phòng ..." (a count such as
    "5, 6 người" is not followed by a capital)."""
    return _COMMA_NUMBER_RE.sub(r"\1. ", line)


def _place_as_in_issuer(d: ParsedDirective) -> None:
    """A place misread by OCR ("Na RÌì", "Đắk MII") is taken as the issuer writes it when
    the issuer ends with a name that close to it."""
    if not d.place or not d.issuer:
        return
    n = len(d.place.split())
    tail = " ".join(d.issuer.split()[-n:])
    if tail == d.place or not tail:
        return
    from difflib import SequenceMatcher

    a, b = _fold(d.place), _fold(tail)
    if a[:1] != b[:1] or abs(len(a) - len(b)) > 3:
        return
    if a != b and SequenceMatcher(None, a.lower(), b.lower()).ratio() >= 0.75:
        d.place = tail
    elif a == b and d.place.lower() != tail.lower():
        d.place = tail


def _parse_header(lines: list[str], d: ParsedDirective) -> int:
    """Read header lines in whatever order they come; return the index where the body starts."""
    issuer_lines: list[str] = []
    title_issuer: str | None = None
    code: str | None = None
    subject_parts: list[str] = []
    urg = sec = 0
    after_title = False  # the line(s) right after a title may be an unprefixed subject
    in_subject = False
    i = 0
    n = len(lines)
    while i < n:
        line = lines[i]
        if not line:
            in_subject = in_subject and i + 1 < n and lines[i + 1][:1].islower()
            i += 1
            continue
        cells = [c.strip() for c in line.split("|")] if "|" in line else [line]
        if len(cells) > 1 or len(line) > 60:
            cells = [piece for c in cells for piece in _split_run_on(c)]
        consumed = True
        for cell in cells:
            if not cell:
                continue
            kind = _header_cell(cell, d, in_subject, after_title)
            if kind == "number":
                num, code = _normalise_number(_NUMBER_LINE_RE.match(cell).group("rest"))  # type: ignore[union-attr]
                d.number = d.number or num
            elif kind == "place_date":
                _set_place_date(cell, d)
            elif kind == "marks":
                u, s = _marks(cell)
                urg, sec = max(urg, u), max(sec, s)
            elif kind == "title":
                up = _fold(cell).upper()
                for word, k in _TITLE_KINDS.items():
                    if up.startswith(_fold(word).upper()):
                        d.kind = k
                        rest = cell[len(word) :].strip()
                        m = re.search(r"\bCỦA\s+(.+)$", rest)
                        if m:
                            title_issuer = m.group(1)
                            rest = rest[: m.start()]
                        u, s = _marks(rest) if rest else (0, 0)
                        urg, sec = max(urg, u), max(sec, s)
                        break
                after_title = True
                in_subject = False
                continue
            elif kind == "title_of":
                title_issuer = re.sub(r"^CỦA\s+", "", cell)
                continue
            elif kind == "subject":
                m = _SUBJECT_RE.match(cell)
                if m:
                    d.subject_prefix = m.group("prefix")
                    subject_parts = [m.group("rest")]
                else:
                    subject_parts = [cell]
                in_subject = True
            elif kind == "subject_more":
                subject_parts.append(cell)
            elif kind == "kinh_gui":
                i = _parse_recipients(lines, i, cell, d)
                consumed = False
                break
            elif kind == "national" or kind == "skip":
                pass
            elif kind == "issuer":
                issuer_lines.append(cell)
            else:  # body text
                consumed = False
                break
            if kind not in ("subject", "subject_more"):
                in_subject = False
            after_title = False
        if not consumed:
            break
        i += 1
    if subject_parts:
        d.subject = " ".join(subject_parts).strip().rstrip(".") or None
    if issuer_lines:
        d.issuer_raw = " / ".join(issuer_lines)
        bodies = [_recase_org(b) for b in _issuer_bodies(issuer_lines)]
        d.issuer = bodies[-1]
        d.issuer_parent = " / ".join(bodies[:-1]) or None
    elif title_issuer:
        d.issuer_raw = title_issuer
        d.issuer = _recase_org(title_issuer)
    if not d.kind:
        d.kind = _kind_from_code(code, d.number)
    d.urgency = next((k for k, v in _URGENCY_RANK.items() if v == urg), None)
    d.secrecy = next((k for k, v in _SECRECY_RANK.items() if v == sec), None)
    return i


def _header_cell(cell: str, d: ParsedDirective, in_subject: bool, after_title: bool) -> str:
    if _NUMBER_LINE_RE.match(cell) and re.search(r"[-/]", cell) and len(cell) < 60:
        return "number"
    if _PARTY_HEADER_RE.match(cell) or _STATE_HEADER_RE.match(cell):
        return "national"
    if d.place is None and _PLACE_DATE_RE.match(cell):
        return "place_date"
    if _KINH_GUI_RE.match(cell) or (_DIEN_RE.search(cell) and len(cell) < 200):
        return "kinh_gui"
    if _marks(cell) != (0, 0) and _is_mark_line(cell):
        return "marks"
    up = cell.upper()
    fup = _fold(cell).upper()  # OCR's "CHÍ THỊ" is still a Chỉ thị
    if _is_upper_line(cell) and any(
        fup == w or fup.startswith(w + " ") or fup.startswith(w + "\n") for w in _TITLE_FOLDED
    ):
        return "title"
    if _is_upper_line(cell) and up.startswith("CỦA "):
        return "title_of"
    if d.subject is None and _SUBJECT_RE.match(cell) and len(cell) < 400:
        return "subject"
    if in_subject and (cell[:1].islower() or len(cell) < 120) and not _looks_like_body(cell):
        return "subject_more"
    if after_title and d.subject_prefix is None and not _looks_like_body(cell):
        return "subject"
    if _is_upper_line(cell) and len(cell) <= 80 and not _looks_like_body(cell):
        return "issuer"
    if re.fullmatch(r"\(?(?:Bản\s+sao|Dự\s+thảo|Đã\s+ký)\)?", cell, re.IGNORECASE):
        return "skip"
    return "body"


def _looks_like_body(cell: str) -> bool:
    return bool(
        _NUM_RE.match(cell) or _ROMAN_RE.match(cell) or _LETTER_RE.match(cell) or len(cell) > 200
    )


def _is_mark_line(cell: str) -> bool:
    up = _fold(cell).upper()
    if len(up) > 40:
        return False
    return not _MARK_FILLER_RE.sub("", _MARK_WORDS_RE.sub("", up))


def _marks(cell: str) -> tuple[int, int]:
    up = _fold(cell).upper()
    urg = sec = 0
    for m in _MARK_WORDS_RE.finditer(up):
        word = re.sub(r"\s+", " ", m.group(0))
        if "TOC" in word:
            urg = max(urg, 3)
        elif word == "THUONG KHAN":
            urg = max(urg, 2)
        elif word == "KHAN":
            urg = max(urg, 1)
        elif word == "TUYET MAT":
            sec = max(sec, 3)
        elif word == "TOI MAT":
            sec = max(sec, 2)
        elif word == "MAT":
            sec = max(sec, 1)
    return urg, sec


def _set_place_date(cell: str, d: ParsedDirective) -> None:
    m = _PLACE_DATE_RE.match(cell)
    if not m:
        return
    d.place = m.group("place").strip()
    day, month, year = (m.group("d"), m.group("m"), m.group("y"))
    if m.group("d2"):
        day, month, year = m.group("d2"), m.group("m2"), m.group("y2")
    if day and month and year:
        try:
            d.issued_on = date(int(year), int(month), int(day))
        except ValueError:
            d.issued_on = None  # an impossible printed date is not guessed at


def _parse_recipients(lines: list[str], i: int, cell: str, d: ParsedDirective) -> int:
    """Collect "Kính gửi" recipients starting at line ``i``; return the first body line."""
    m = _KINH_GUI_RE.match(cell)
    first = m.group("rest").strip() if m and not _DIEN_RE.search(cell) else ""
    if first:
        # "Kính gửi: UBND các xã, thị trấn; Các phòng, ban, ngành." names several on one line.
        d.recipients.extend(r for r in (_strip_item(p) for p in first.split(";")) if r)
    j = i + 1
    while j < len(lines):
        line = lines[j]
        if not line:
            j += 1
            continue
        bullet = line[:1] in "-–+•"
        prev_open = bool(d.recipients) and lines[j - 1].rstrip().endswith((",", ";"))
        if bullet or (
            len(line) < 120
            and not _looks_like_body(line)
            and (not d.recipients or prev_open)
            and not line.endswith(":")
        ):
            item = _strip_item(line)
            if item:
                d.recipients.append(item)
            j += 1
            continue
        break
    return j


def _find_tail(lines: list[str], start: int) -> int:
    for j in range(start, len(lines)):
        line = lines[j]
        if not line:
            continue
        first = line.split("|")[0].strip()
        if _NOI_NHAN_RE.match(first) or (_is_upper_line(first) and _AUTHORITY_RE.match(first)):
            return j
        if _is_upper_line(first) and len(first) <= 60 and _POSITION_RE.match(first):
            return j
    return len(lines)


def _parse_tail(lines: list[str], d: ParsedDirective) -> None:
    authorities: list[str] = []
    names: list[str] = []
    in_cc = False
    after_title = False
    for line in lines:
        cells = [c.strip() for c in line.split("|")] if "|" in line else [line]
        if len(cells) > 1 or len(line) > 60:
            cells = [piece for c in cells for piece in _split_tail_cell(c)]
        for cell in cells:
            if not cell:
                continue
            m = _NOI_NHAN_RE.match(cell)
            if m:
                in_cc = True
                rest = m.group("rest").strip()
                if rest:
                    d.copies_to.append(_strip_item(rest))
                continue
            if cell[:1] in "-–+•":
                if in_cc:
                    item = _strip_item(cell)
                    if item:
                        d.copies_to.append(item)
                continue
            if _is_upper_line(cell) and _AUTHORITY_RE.match(cell):
                authorities.append(cell)
                continue
            if _is_upper_line(cell) and len(cell) <= 60 and _POSITION_RE.match(cell):
                d.signer_title = d.signer_title or cell
                after_title = True
                continue
            ts = _TIMESTAMP_RE.search(cell)
            if ts:
                d.signed_at = d.signed_at or _timestamp(ts)
                continue
            m = _SIGNED_BY_RE.match(cell)
            if m:
                name = re.split(r"\s*[,;(<]|\s+Email|\s+Cơ quan", m.group("name"))[0].strip()
                if _is_name(name):
                    names.append(name)
                continue
            if _is_name(cell):
                names.append(cell)
            elif after_title and _is_upper_line(cell) and _is_name(cell.title()):
                names.append(cell.title())
    if authorities:
        d.signer_authority = " / ".join(authorities)
    if names:
        accented = [nm for nm in names if nm != _fold(nm) and not nm.isascii()]
        d.signer = (accented or names)[-1]


# --- cells of a flattened table ("A | B", each cell's paragraphs run together) ---------------

_RUN_ON_BREAKS = re.compile(
    r"(?P<num>\bS[ốỐ]\s*:?\s*\d{1,6}\s*[-/]\s*[\wĐđ]+(?:\s*[-/]\s*[\wĐđ]+)*)"
    r"|(?P<nat>ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM|CỘNG\s+H(?:ÒA|OÀ)\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM"
    r"|Độc\s+lập\s*[-–]\s*Tự\s+do\s*[-–]\s*Hạnh\s+phúc)"
    r"|(?P<subj>\b(?:V/v|V\.v|Về\s+việc)\s)"
    r"|(?P<mark>\b(?:HỎA\s+TỐC|HOẢ\s+TỐC|THƯỢNG\s+KHẨN|KHẨN)\b\s*→?)"
    r"|(?P<date>(?:[A-ZĐÀ-Ỹ][\wÀ-ỹ'’-]*\s+){0,3}[A-ZĐÀ-Ỹ][\wÀ-ỹ'’-]*\s*,\s*ngày\s+[\d.…])"
)


def _split_run_on(cell: str) -> list[str]:
    """A header cell whose lines were run together ("TỈNH ỦY BẮC KẠN Số 309-CV/TU Về ...")
    cut back into its lines: issuing body, number, subject ("Về ..." after the number starts
    its own piece), national title, place and date."""
    pieces: list[str] = []
    pos = 0
    for m in _RUN_ON_BREAKS.finditer(cell):
        if m.lastgroup == "date" and _PLACE_DATE_RE.match(cell[pos:].strip()):
            continue  # the place already starts the current piece
        before = cell[pos : m.start()].strip()
        if before:
            pieces.append(before)
        if m.lastgroup in ("num", "nat", "mark"):
            pieces.append(m.group(0).strip())
            pos = m.end()
        else:
            pos = m.start()
    rest = cell[pos:].strip()
    if rest:
        pieces.append(rest)
    return [p for p in pieces if p] or [cell]


_AUTHORITY_SPLIT_RE = re.compile(
    r"(?=(?<!\S)(?:T/M|TM\s*\.|KT\s*\.|K/T|TL\s*\.|T/L|TUQ\s*\.|Q\s*\.)\s*[A-ZĐ])"
)
_POSITION_ANY_RE = re.compile(_POSITION_RE.pattern.lstrip("^"))
_SIGNED_MARK_RE = re.compile(r"\((?:Đã\s+ký|đã\s+ký|ký|Ký)[^)]*\)")


def _split_tail_cell(cell: str) -> list[str]:
    """ "Nơi nhận: - A, - B" or "KT. CHỦ TỊCH PHÓ CHỦ TỊCH Nguyễn Văn A" run together in one
    cell, cut back into lines."""
    cell = _SIGNED_MARK_RE.sub(" ", cell).strip()
    if _NOI_NHAN_RE.match(cell) or cell[:1] in "-–+•":
        parts = re.split(r"\s+(?=[-–+•]\s)", cell)
        return [p.strip() for p in parts if p.strip()]
    words = cell.split()
    # The signer's name: the trailing run of capitalised, not all-caps words.
    k = len(words)
    while k > 0 and _NAME_WORD_RE.match(words[k - 1]) and words[k - 1][:1].isupper():
        k -= 1
    name = " ".join(words[k:])
    head = " ".join(words[:k])
    if not head or not _is_upper_line(head):
        return [cell]
    pieces = [p.strip() for p in _AUTHORITY_SPLIT_RE.split(head) if p.strip()]
    if pieces:
        last = pieces[-1]
        for m in _POSITION_ANY_RE.finditer(last):
            start = m.start()
            if (
                start > 0
                and _POSITION_RE.fullmatch(last[start:])
                and (not _AUTHORITY_RE.match(last) or last[:start].strip().count(" ") >= 1)
            ):
                pieces[-1:] = [last[:start].strip(), last[start:].strip()]
                break
    if name and _is_name(name):
        pieces.append(name)
    elif name:
        pieces[-1] = (pieces[-1] + " " + name).strip() if pieces else name
    return pieces


def _is_name(s: str) -> bool:
    words = s.split()
    if not 2 <= len(words) <= 6 or len(s) > 60:
        return False
    if not all(_NAME_WORD_RE.match(w) and w[:1].isupper() for w in words):
        return False
    return _fold(words[0]) not in {"co", "noi", "gui", "luu", "nhu", "email", "thoi", "ky"}


def _timestamp(m: re.Match[str]) -> str:
    if m.group("a"):
        y, mo, dd, t, z = m.group("a"), m.group("b"), m.group("c"), m.group("t"), m.group("z")
    else:
        y, mo, dd, t, z = m.group("a2"), m.group("b2"), m.group("c2"), m.group("t2"), m.group("z2")
    zone = ""
    if z:
        zone = z if ":" in z else f"{z[:3]}:{z[3:]}"
    return f"{y}-{mo}-{dd}T{t}{zone}"


# --- body: items ------------------------------------------------------------------------------


@dataclass
class _Node:
    label: str
    level: str  # "roman", "num", "letter", "row"
    paras: list[str]
    parent: int | None
    children: int = 0
    units: list[str] | None = None
    due_text: str | None = None


def _paragraphs(lines: list[str]) -> list[str]:
    """Lines to paragraphs; a line starting in lower case continues the one above (a page
    break or a wrapped line), whether or not a blank line came between."""
    paras: list[str] = []
    for line in lines:
        if not line:
            continue
        if paras and line[:1].islower() and not _LETTER_RE.match(line):
            paras[-1] += " " + line
        else:
            paras.append(line)
    return paras


def _parse_body(lines: list[str], d: ParsedDirective) -> None:
    paras = _paragraphs(lines)
    nodes: list[_Node] = []
    preamble: list[str] = []
    closing: list[str] = []
    section: int | None = None
    num: int | None = None
    current: int | None = None
    k = 0
    while k < len(paras):
        p = paras[k]
        if closing:
            closing.append(p)
            k += 1
            continue
        if " | " in p:
            k = _table(paras, k, nodes, current, d)
            continue
        m = _ROMAN_RE.match(p)
        if m and m.group("l") in _ROMAN_VALUES:
            nodes.append(_Node(m.group("l"), "roman", [m.group("rest")], None))
            section = current = len(nodes) - 1
            num = None
            d.sections.append((m.group("l"), m.group("rest").rstrip(":").strip()))
            k += 1
            continue
        m = _A_MISREAD_RE.match(p)
        if m and k + 1 < len(paras) and paras[k + 1][:1] == "b" and _LETTER_RE.match(paras[k + 1]):
            # "a)" read as "4)" by the OCR (a small photo): a) comes before b), not 4)
            p = paras[k] = f"a) {m.group('rest')}"
        m = _NUM_RE.match(p)
        if m:
            raw = m.group("l") or m.group("l2")
            rest = m.group("rest") or m.group("rest2")
            parent = section
            if "." in raw and num is not None and raw.split(".")[0] == _last(nodes[num].label):
                parent = num
                label = f"{nodes[num].label}.{raw.split('.', 1)[1]}"
            else:
                label = f"{nodes[section].label}.{raw}" if section is not None else raw
            nodes.append(_Node(label, "num", [rest], parent))
            current = len(nodes) - 1
            if "." not in raw:
                num = current
            if parent is not None:
                nodes[parent].children += 1
            k += 1
            continue
        m = _LETTER_RE.match(p)
        if m and num is not None:
            # Sub-points a), b) of a numbered task stay inside that task.
            nodes[num].paras.append(p)
            current = num
            k += 1
            continue
        if m and (nodes or k == 0 or preamble):
            parent = section
            base = nodes[parent].label + "." if parent is not None else ""
            nodes.append(_Node(base + m.group("l"), "letter", [m.group("rest")], parent))
            current = len(nodes) - 1
            if parent is not None:
                nodes[parent].children += 1
            k += 1
            continue
        if current is None:
            preamble.append(p)
        elif p[:1] not in "-–+•" and _CLOSING_RE.search(p):
            closing.append(p)
        else:
            nodes[current].paras.append(p)
        k += 1
    d.preamble = "\n".join(preamble) or None
    d.closing = "\n".join(closing) or None
    _emit(nodes, d)


def _last(label: str) -> str:
    return label.rsplit(".", 1)[-1]


def _table(
    paras: list[str], k: int, nodes: list[_Node], current: int | None, d: ParsedDirective
) -> int:
    """A flattened table starting at ``paras[k]``: rows become items if a column names the
    responsible unit, otherwise the rows stay as text of the current item."""
    end = k
    while end < len(paras) and " | " in paras[end]:
        end += 1
    rows = [[c.strip() for c in p.split("|")] for p in paras[k:end]]
    header = rows[0]
    unit_col = next((c for c, h in enumerate(header) if _TABLE_UNIT_RE.search(h)), None)
    if unit_col is None or len(rows) < 2:
        target = nodes[current].paras if current is not None else None
        if target is not None:
            target.extend(paras[k:end])
        return end
    stt_col = next((c for c, h in enumerate(header) if _TABLE_STT_RE.match(h)), None)
    time_col = next((c for c, h in enumerate(header) if _TABLE_TIME_RE.search(h)), None)
    base = nodes[current].label + "." if current is not None else ""
    count = 0
    for row in rows[1:]:
        if not any(row):
            continue
        count += 1
        stt = row[stt_col] if stt_col is not None and stt_col < len(row) else ""
        stt = stt.rstrip(".") if re.fullmatch(r"\d{1,3}\.?", stt) else str(count)
        text = " | ".join(c for j, c in enumerate(row) if j != stt_col and c)
        unit_cell = row[unit_col] if unit_col < len(row) else ""
        node = _Node(base + stt, "row", [text], current, units=_split_units(unit_cell))
        node.due_text = row[time_col] if time_col is not None and time_col < len(row) else None
        nodes.append(node)
        if current is not None:
            nodes[current].children += 1
    return end


def _is_heading(text: str) -> bool:
    return (
        "\n" not in text
        and len(text) <= 160
        and (text.endswith(":") or _is_upper_line(text) or not text.endswith("."))
    )


def _emit(nodes: list[_Node], d: ParsedDirective) -> None:
    for node in nodes:
        if node.units is None:
            node.units = _units(node.paras[0])
    for node in nodes:
        units = node.units or []
        parent = node.parent
        while not units and parent is not None:
            units = nodes[parent].units or []
            parent = nodes[parent].parent
        node.units = units
        text = "\n".join(node.paras).strip()
        if node.children and _is_heading(text):
            continue
        due = None
        if node.due_text:
            due = _due(node.due_text, d.issued_on, bare=True)
        if due is None:
            due = _due(text, d.issued_on)
        d.items.append(ParsedItem(node.label, text, list(units), due))


# --- units ------------------------------------------------------------------------------------


def _units(text: str) -> list[str]:
    t = text.split("\n", 1)[0].strip()
    m = re.match(r"^([^:.;]{2,150}):", t)
    if m and _HEAD_START_RE.match(m.group(1)):
        return _split_units(m.group(1))
    m = _ASK_RE.match(t)
    if m and _HEAD_START_RE.match(m.group("rest")):
        return _subject_units(m.group("rest"))
    if _HEAD_START_RE.match(t):
        return _subject_units(t)
    return []


def _subject_units(t: str) -> list[str]:
    head = _HEAD_START_RE.match(t)
    start = head.end() if head else 0
    v = _VERB_RE.search(t, start)
    if not v:
        return []
    subject = t[: v.start()].strip(" ,")
    if len(subject) > 150:
        return []
    units = _split_units(subject)
    m = _COOP_RE.match(t[v.start() :].strip())
    if m:
        y = m.group("y")
        v2 = _VERB_RE.search(" " + y)
        if v2:
            units += _split_units(y[: max(v2.start() - 1, 0)].strip(" ,"))
    return units


def _split_units(s: str) -> list[str]:
    s = s.strip().rstrip(":").strip()
    if not s:
        return []
    parts = _UNIT_SPLIT_RE.split(s)
    units = [parts[0]]
    for sep, part in zip(parts[1::2], parts[2::2], strict=False):
        starts_unit = bool(_HEAD_START_RE.match(part)) and (
            part[:1].isupper() or bool(_LOWER_HEAD_RE.match(part))
        )
        if starts_unit:
            units.append(part)
        else:
            units[-1] += sep + part
    return [u.strip(" ,;") for u in units if u.strip(" ,;")]


# --- deadlines --------------------------------------------------------------------------------


def _due(text: str, issued: date | None, bare: bool = False) -> str | None:
    found: list[tuple[int, str]] = []
    m = (_BARE_DATE_RE if bare else _DEADLINE_RE).search(text)
    if m:
        iso = _iso_from_match(m, issued)
        if iso:
            found.append((m.start(), iso))
    for pattern, period, needs_report in _RECUR_PATTERNS:
        for rm in pattern.finditer(text):
            if needs_report and not bare and not _REPORT_RE.search(_clause(text, rm.start())):
                continue
            parts = [f"hằng {period}"]
            gd = rm.groupdict()
            if gd.get("wd"):
                wd = re.sub(r"\s+", " ", gd["wd"].lower())
                parts.append(wd[:4] + wd[4:].capitalize() if wd.startswith("thứ ") else wd)
            if gd.get("md"):
                parts.append(f"ngày {int(gd['md'])}")
            if gd.get("h"):
                parts.append(f"{int(gd['h']):02d}:{int(gd.get('mi') or 0):02d}")
            found.append((rm.start(), " ".join(parts)))
            break
        # The most specific pattern wins at a position: stop once one matched there.
        if found and found[-1][1].startswith("hằng"):
            break
    if not found:
        return None
    found.sort(key=lambda f: f[0])
    return found[0][1]


def _clause(text: str, pos: int) -> str:
    start = max(text.rfind(".", 0, pos), text.rfind(";", 0, pos), text.rfind("\n", 0, pos)) + 1
    ends = [e for e in (text.find(".", pos), text.find(";", pos), text.find("\n", pos)) if e >= 0]
    return text[start : min(ends) if ends else len(text)]


def _iso_from_match(m: re.Match[str], issued: date | None) -> str | None:
    g = m.groupdict()
    day, month, year = g.get("d"), g.get("m"), g.get("y")
    if g.get("d2"):
        day, month, year = g["d2"], g["m2"], g["y2"]
    if not day or not month:
        return None
    if year:
        y = int(year)
    elif issued is not None:
        y = issued.year
        if int(month) < issued.month - 6:  # a December directive setting a January deadline
            y += 1
    else:
        return None
    try:
        dt = date(y, int(month), int(day))
    except ValueError:
        return None
    if g.get("h") is not None:
        hour, minute = int(g["h"]), int(g.get("mi") or 0)
        if hour > 24 or minute > 59:
            return dt.isoformat()
        return f"{dt.isoformat()}T{hour:02d}:{minute:02d}"
    return dt.isoformat()
