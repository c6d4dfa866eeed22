"""The commune profile: who the commune is, asked once at first run, used by every report."""

from __future__ import annotations

import dataclasses
import unicodedata
from dataclasses import dataclass

from sqlalchemy import select

from fieldapp.db.database import Database
from fieldapp.db.models import CommuneProfile
from fieldapp.errors import UserError, UserMistake

UNIT_KINDS = ("xã", "phường", "thị trấn")
DISTRICT_KINDS = ("huyện", "thị xã", "thành phố", "quận")
REQUIRED = {
    "commune_name": "tên xã",
    "district_name": "tên huyện",
    "province_name": "tên tỉnh",
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

    @property
    def commune_full(self) -> str:
        """ "xã Bằng Lãng"."""
        return f"{self.unit_kind} {self.commune_name}".strip()

    @property
    def commune_title(self) -> str:
        """ "Xã Bằng Lãng": the unit with a capital, names untouched."""
        full = self.commune_full
        return full[:1].upper() + full[1:]

    @property
    def issuer_parent(self) -> str:
        """Upper line of the issuing body in a document header: "UBND HUYỆN CHỢ ĐỒN"."""
        return f"UBND {self.district_kind} {self.district_name}".upper()

    @property
    def issuer_name(self) -> str:
        """The issuing body itself: "ỦY BAN NHÂN DÂN XÃ BẰNG LÃNG"."""
        return f"ỦY BAN NHÂN DÂN {self.unit_kind} {self.commune_name}".upper()

    @property
    def committee(self) -> str:
        """The steering committee's name, or the usual one if none was given."""
        return self.committee_name or (
            f"Ban Chỉ đạo phòng, chống dịch Covid-19 {self.unit_kind} {self.commune_name}"
        )

    @property
    def place(self) -> str:
        """The place written before the date in documents."""
        return self.place_name or self.commune_name


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
    missing = [label for name, label in REQUIRED.items() if not getattr(cleaned, name)]
    if missing:
        raise UserError("Hồ sơ xã còn thiếu: " + ", ".join(missing) + ".")
    if cleaned.unit_kind not in UNIT_KINDS:
        raise UserError(f"Loại đơn vị không hợp lệ: {cleaned.unit_kind} (xã, phường, thị trấn).")
    if cleaned.district_kind not in DISTRICT_KINDS:
        raise UserError(
            f"Loại đơn vị cấp huyện không hợp lệ: {cleaned.district_kind} "
            "(huyện, thị xã, thành phố, quận)."
        )
    return cleaned


def load_profile(db: Database) -> Profile | None:
    """The saved profile, or None before the first-run dialog has been answered."""
    with db.session() as s:
        row = s.scalar(select(CommuneProfile).order_by(CommuneProfile.id).limit(1))
        if row is None:
            return None
        return Profile(**{name: getattr(row, name) for name in FIELDS})


def save_profile(db: Database, profile: Profile) -> Profile:
    """Validate and store the profile (one row per database); returns what was stored."""
    cleaned = validate(profile)
    with db.transaction() as s:
        row = s.scalar(select(CommuneProfile).order_by(CommuneProfile.id).limit(1))
        if row is None:
            row = CommuneProfile()
            s.add(row)
        for name in FIELDS:
            setattr(row, name, getattr(cleaned, name))
    return cleaned
