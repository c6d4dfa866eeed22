"""The office profile: who this office is, asked once at first run, used by every report.

An office is a commune (xã, phường, thị trấn), a district (huyện, quận, thị xã, thành phố)
or a province (``level``). The properties give the names and titles each level prints: the
window title, the document header, the steering committee, the unit below and above.
"""

from __future__ import annotations

import dataclasses
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING

from fieldapp.errors import UserError, UserMistake
from fieldapp.text.vietnamese import fold

if TYPE_CHECKING:  # the Profile itself loads without SQLAlchemy (the overview at start-up)
    from fieldapp.db.database import Database

UNIT_KINDS = ("xã", "phường", "thị trấn")
DISTRICT_KINDS = ("huyện", "quận", "thị xã", "thành phố")
LEVELS = ("commune", "district", "province")
LEVEL_NAMES = {"commune": "xã", "district": "huyện", "province": "tỉnh"}
LEVEL_WORDS = {"xa": "commune", "huyen": "district", "tinh": "province"}
"""The level as the CLI may be given it in Vietnamese (folded)."""
REQUIRED = {
    "commune_name": "tên xã",
    "district_name": "tên huyện",
    "province_name": "tên tỉnh",
}
REQUIRED_BY_LEVEL = {
    "commune": ("commune_name", "district_name", "province_name"),
    "district": ("district_name", "province_name"),
    "province": ("province_name",),
}


@dataclass
class Profile:
    """The commune profile as plain data (what the UI edits and the reports read)."""

    commune_name: str = ""
    district_name: str = ""
    province_name: str = ""
    unit_kind: str = "xã"
    district_kind: str = "huyện"
    committee_name: str = ""
    chairman_name: str = ""
    chairman_title: str = "Chủ tịch UBND"
    signer_name: str = ""
    signer_title: str = "CHỦ TỊCH"
    signer_authority: str = "TM. ỦY BAN NHÂN DÂN"
    phone: str = ""
    place_name: str = ""
    level: str = "commune"
    report_hour: str = "16:00"

    @property
    def district_full(self) -> str:
        """ "huyện Chợ Đồn"."""
        return f"{self.district_kind} {self.district_name}".strip()

    @property
    def province_full(self) -> str:
        """ "tỉnh Bắc Kạn" ("thành phố Hà Nội" for a city under the central government)."""
        name = self.province_name
        if name.casefold().startswith(("tỉnh ", "thành phố ")):
            return name
        return f"tỉnh {name}".strip()

    @property
    def commune_full(self) -> str:
        """This office's own unit: "xã Bằng Lãng", "huyện Tuy Đức" or "tỉnh Đắk Nông"."""
        if self.level == "district":
            return self.district_full
        if self.level == "province":
            return self.province_full
        return f"{self.unit_kind} {self.commune_name}".strip()

    @property
    def unit_word(self) -> str:
        """The level's word: "xã", "huyện", "tỉnh"."""
        return LEVEL_NAMES.get(self.level, "xã")

    @property
    def parent_full(self) -> str:
        """The unit above: "huyện Chợ Đồn" for a commune, "tỉnh Đắk Nông" for a district."""
        if self.level == "district":
            return self.province_full
        if self.level == "province":
            return ""
        return self.district_full

    @property
    def below_word(self) -> str:
        """What the units below are called in headings: "Xã, phường, thị trấn"..."""
        if self.level == "province":
            return "Huyện, thị xã, thành phố"
        return "Xã, phường, thị trấn"

    @property
    def party_committee(self) -> str:
        """ "Đảng ủy" (commune), "Huyện ủy" / "Thị ủy" / "Thành ủy", "Tỉnh ủy"."""
        if self.level == "province":
            return "Tỉnh ủy"
        if self.level == "district":
            return {"quận": "Quận ủy", "thị xã": "Thị ủy", "thành phố": "Thành ủy"}.get(
                self.district_kind, "Huyện ủy"
            )
        return "Đảng ủy"

    @property
    def committee_short(self) -> str:
        """ "BCĐ xã Bằng Lãng", "BCĐ huyện Tuy Đức"."""
        return f"BCĐ {self.commune_full}"

    @property
    def location_line(self) -> str:
        """ "Xã Bằng Lãng, huyện Chợ Đồn, tỉnh Bắc Kạn" (as far up as there is)."""
        parts = [self.commune_full]
        if self.level == "commune":
            parts += [self.district_full, self.province_full]
        elif self.level == "district":
            parts.append(self.province_full)
        text = ", ".join(p for p in parts if p)
        return text[:1].upper() + text[1:]

    @property
    def commune_title(self) -> str:
        """ "Xã Bằng Lãng": the unit with a capital, names untouched."""
        full = self.commune_full
        return full[:1].upper() + full[1:]

    @property
    def issuer_parent(self) -> str:
        """Upper line of the issuing body in a document header: "UBND HUYỆN CHỢ ĐỒN" (a
        province's people's committee has none)."""
        parent = self.parent_full
        return f"UBND {parent}".upper() if parent else ""

    @property
    def issuer_name(self) -> str:
        """The issuing body itself: "ỦY BAN NHÂN DÂN XÃ BẰNG LÃNG"."""
        return f"ỦY BAN NHÂN DÂN {self.commune_full}".upper()

    @property
    def committee(self) -> str:
        """The steering committee's name, or the usual one if none was given."""
        return self.committee_name or (
            f"Ban Chỉ đạo phòng, chống dịch Covid-19 {self.commune_full}"
        )

    @property
    def own_name(self) -> str:
        """The office's bare name: "Bằng Lãng", "Tuy Đức", "Đắk Nông"."""
        if self.level == "district":
            return self.district_name
        if self.level == "province":
            return self.province_full.split(" ", 1)[-1] if self.province_name else ""
        return self.commune_name

    @property
    def place(self) -> str:
        """The place written before the date in documents."""
        return self.place_name or self.own_name


FIELDS = [f.name for f in dataclasses.fields(Profile)]


def _clean(value: str) -> str:
    return " ".join(unicodedata.normalize("NFC", value or "").split())


SIGNING_FIELDS = ("signer_authority", "signer_title")
"""Fields that keep their line breaks: a deputy's block is "TM. ỦY BAN NHÂN DÂN" /
"KT. CHỦ TỊCH" over "PHÓ CHỦ TỊCH", one per line."""
MAX_SIGNING_LINES = 3


def _clean_signing(value: str) -> str:
    from fieldapp.printing.official import signing_lines

    return "\n".join(signing_lines(unicodedata.normalize("NFC", value or "")))


def signing_fields(lines: list[str]) -> dict[str, str]:
    """``signer_authority`` and ``signer_title`` from the lines of a signing block as they
    print (``profile set --signing-line ... --signing-line ...``): the last line is the title,
    the lines above it the authority."""
    lines = [" ".join(line.split()) for line in lines if line.strip()]
    if not 1 <= len(lines) <= MAX_SIGNING_LINES:
        raise UserMistake("Khối chữ ký có từ 1 đến 3 dòng (ví dụ: TM. ỦY BAN NHÂN DÂN / "
                          "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH).")  # fmt: skip
    return {"signer_authority": "\n".join(lines[:-1]), "signer_title": lines[-1]}


def validate(profile: Profile) -> Profile:
    """NFC-normalised copy of ``profile``; a clear message when a required field is empty."""
    cleaned = Profile(
        **{
            name: (_clean_signing if name in SIGNING_FIELDS else _clean)(getattr(profile, name))
            for name in FIELDS
        }
    )
    lines = cleaned.signer_authority.count("\n") + bool(cleaned.signer_authority)
    if lines + cleaned.signer_title.count("\n") + bool(cleaned.signer_title) > MAX_SIGNING_LINES:
        raise UserMistake("Khối chữ ký có nhiều nhất 3 dòng (TM./KT./Q. và chức vụ).")
    cleaned.level = LEVEL_WORDS.get(fold(cleaned.level), cleaned.level)
    if cleaned.level not in LEVELS:
        raise UserMistake(f"Cấp đơn vị không hợp lệ: {cleaned.level} (xã, huyện hoặc tỉnh).")
    cleaned.report_hour = _hour(cleaned.report_hour)
    needed = REQUIRED_BY_LEVEL[cleaned.level]
    missing = [REQUIRED[name] for name in needed if not getattr(cleaned, name)]
    if missing:
        raise UserMistake(f"Hồ sơ {cleaned.unit_word} còn thiếu: " + ", ".join(missing) + ".")
    if cleaned.level != "commune":
        cleaned.commune_name = ""  # a district or province office is no commune
    if cleaned.unit_kind not in UNIT_KINDS:
        raise UserError(f"Loại đơn vị không hợp lệ: {cleaned.unit_kind} (xã, phường, thị trấn).")
    if cleaned.district_kind not in DISTRICT_KINDS:
        raise UserError(
            f"Loại đơn vị cấp huyện không hợp lệ: {cleaned.district_kind} "
            "(huyện, quận, thị xã, thành phố)."
        )
    return cleaned


def _hour(text: str) -> str:
    """ "16:00" from "16:00", "16h", "16 giờ", "4:30" (→ "04:30"); a clear error otherwise."""
    raw = (text or "").strip().lower().replace("giờ", ":").replace("h", ":").replace(" ", "")
    if not raw:
        return "16:00"
    head, _, tail = raw.partition(":")
    tail = tail.strip(":") or "0"
    if head.isdigit() and tail.isdigit() and int(head) < 24 and int(tail) < 60:
        return f"{int(head):02d}:{int(tail):02d}"
    raise UserMistake(f"Giờ gửi báo cáo hằng ngày không hợp lệ: {text} (ví dụ 16:00).")


def load_profile(db: Database) -> Profile | None:
    """The saved profile, or None before the first-run dialog has been answered."""
    from sqlalchemy import select

    from fieldapp.db.models import CommuneProfile

    with db.session() as s:
        row = s.scalar(select(CommuneProfile).order_by(CommuneProfile.id).limit(1))
        if row is None:
            return None
        return Profile(**{name: getattr(row, name) for name in FIELDS})


def save_profile(db: Database, profile: Profile) -> Profile:
    """Validate and store the profile (one row per database); returns what was stored."""
    from sqlalchemy import select

    from fieldapp.db.models import CommuneProfile

    cleaned = validate(profile)
    with db.transaction() as s:
        row = s.scalar(select(CommuneProfile).order_by(CommuneProfile.id).limit(1))
        if row is None:
            row = CommuneProfile()
            s.add(row)
        for name in FIELDS:
            setattr(row, name, getattr(cleaned, name))
    return cleaned
