"""Citizen ID (CCCD, CMND) and phone numbers: read them as people and spreadsheets type them.

Spreadsheets keep CCCD and phone numbers as *numbers*, which loses the leading zero
(``012345678901`` becomes 12345678901). A value that came from a number cell gets its zero
back; text is taken as typed. Messages never repeat the value (personal data).

Two identity numbers were in use in 2021: the 12-digit CCCD and the older 9-digit CMND.
:func:`read_identity` never refuses a number: it says which kind it is and, for one that
fails a check (length, province code, century digit, disagreement with the year of birth or
the sex), why it needs checking ("cần kiểm tra"). A wrong number never removes a person.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Province codes of the 12-digit CCCD (first three digits), Circular 07/2016/TT-BCA.
PROVINCE_CODES = frozenset(
    """001 002 004 006 008 010 011 012 014 015 017 019 020 022 024 025 026 027 030 031 033
    034 035 036 037 038 040 042 044 045 046 048 049 051 052 054 056 058 060 062 064 066 067
    068 070 072 074 075 077 079 080 082 083 084 086 087 089 091 092 093 094 095 096""".split()
)

_SEPARATORS = re.compile(r"[\s.\-_/()']+")


class IdentityError(ValueError):
    """A malformed citizen ID or phone; ``str()`` is a Vietnamese reason without the value."""


def _digits_of(value: object) -> tuple[str, bool]:
    """The digits of a cell value, and whether it came from a number cell."""
    if isinstance(value, bool):
        raise IdentityError("không phải số")
    if isinstance(value, int):
        return str(value), True
    if isinstance(value, float):
        if not value.is_integer():
            raise IdentityError("không phải số nguyên")
        return str(int(value)), True
    text = _SEPARATORS.sub("", str(value))
    return text, False


def normalize_citizen_id(value: object) -> str | None:
    """A 12-digit CCCD, or None for an empty value; raises :class:`IdentityError` otherwise.

    Checks the length, that every character is a digit, the province code and the
    century/sex digit (0–3 for people born 1900–2099).
    """
    if value is None:
        return None
    digits, from_number = _digits_of(value)
    if not digits:
        return None
    if not digits.isdigit() or not digits.isascii():
        raise IdentityError("số CCCD chỉ gồm chữ số")
    if from_number and len(digits) in (10, 11):
        # Every province code starts with 0 (Bắc Kạn: 006): a number cell dropped them.
        digits = digits.zfill(12)
    if len(digits) != 12:
        raise IdentityError(f"số CCCD phải có 12 chữ số (ô này có {len(digits)})")
    if digits[:3] not in PROVINCE_CODES:
        raise IdentityError("mã tỉnh (3 chữ số đầu) của số CCCD không đúng")
    if digits[3] not in "0123":
        raise IdentityError("chữ số thứ 4 của số CCCD (thế kỷ, giới tính) không đúng")
    return digits


def citizen_id_mismatch(citizen_id: str, birth_year: int | None, sex: str) -> str | None:
    """Why a CCCD disagrees with the birth year or sex typed beside it (or None).

    The 4th digit encodes century and sex (0/1: 1900s man/woman, 2/3: 2000s), the 5th and 6th
    the last two digits of the year of birth.
    """
    code = int(citizen_id[3])
    century = 1900 + 100 * (code // 2)
    coded_sex = "M" if code % 2 == 0 else "F"
    if birth_year is not None and century + int(citizen_id[4:6]) != birth_year:
        return "số CCCD không khớp với năm sinh"
    if sex and sex != coded_sex:
        return "số CCCD không khớp với giới tính"
    return None


ID_KINDS: dict[str, str] = {"cccd": "CCCD", "cmnd": "CMND", "other": "Khác"}
NEEDS_CHECK = "cần kiểm tra"


@dataclass(frozen=True)
class IdentityReading:
    """An identity number as read: ``number`` (digits for a CMND/CCCD, else as typed), its
    ``kind`` (cccd, cmnd, other; "" when empty) and the reasons it needs checking."""

    number: str
    kind: str
    problems: tuple[str, ...] = ()

    @property
    def is_key(self) -> bool:
        """Whether the number can identify the person (a well-formed CMND or CCCD)."""
        return self.kind in ("cccd", "cmnd")

    @property
    def check(self) -> str:
        return "; ".join(self.problems)


def read_identity(value: object, birth_year: int | None = None, sex: str = "") -> IdentityReading:
    """Read a CMND/CCCD cell without ever refusing it (see the module docstring)."""
    if value is None or isinstance(value, bool):
        return IdentityReading("", "")
    if isinstance(value, float) and not value.is_integer():
        value = repr(value)
    if isinstance(value, int | float):
        digits, from_number = str(int(value)), True
    else:
        typed = unicodedata.normalize("NFC", " ".join(str(value).split()))
        if not typed:
            return IdentityReading("", "")
        digits, from_number = _SEPARATORS.sub("", typed), False
        if not digits.isascii() or not digits.isdigit():
            return IdentityReading(typed[:40], "other", ("số giấy tờ có ký tự không phải chữ số",))
    if from_number and len(digits) in (10, 11):
        digits = digits.zfill(12)  # every CCCD starts with a 0 province digit
    elif from_number and len(digits) == 8:
        digits = digits.zfill(9)  # a CMND of Hà Nội, Hải Phòng... (01x, 03x)
    if len(digits) == 9:
        return IdentityReading(digits, "cmnd")
    if len(digits) != 12:
        return IdentityReading(
            digits[:40],
            "other",
            (f"số giấy tờ có {len(digits)} chữ số (CMND có 9, CCCD có 12)",),
        )
    problems = []
    if digits[:3] not in PROVINCE_CODES:
        problems.append("mã tỉnh (3 chữ số đầu) của số CCCD không đúng")
    if digits[3] not in "0123":
        problems.append("chữ số thứ 4 của số CCCD (thế kỷ, giới tính) không đúng")
    else:
        why = citizen_id_mismatch(digits, birth_year, sex)
        if why:
            problems.append(why)
    return IdentityReading(digits, "cccd", tuple(problems))


def normalize_phone(value: object) -> str:
    """A phone number as digits starting with 0 ("" for empty); raises for a malformed one.

    "+84 912 345 678", "84912345678", 912345678 (number cell) and "0912.345.678" all give
    "0912345678". Mobile numbers have 10 digits, landlines 11 (0209 3882 135).
    """
    if value is None:
        return ""
    text = str(value).strip()
    if not text:
        return ""
    digits, from_number = _digits_of(value)
    if digits.startswith("+"):
        digits = digits[1:]
        if digits.startswith("84"):
            digits = "0" + digits[2:]
    if not digits.isdigit() or not digits.isascii():
        raise IdentityError("số điện thoại chỉ gồm chữ số")
    if digits.startswith("84") and len(digits) in (11, 12):
        digits = "0" + digits[2:]
    elif from_number and not digits.startswith("0") and len(digits) in (9, 10):
        digits = "0" + digits
    if not digits.startswith("0") or len(digits) not in (10, 11):
        raise IdentityError("số điện thoại phải có 10 hoặc 11 chữ số, bắt đầu bằng 0")
    return digits


def mask_citizen_id(citizen_id: str | None) -> str:
    """What the screen shows of a CCCD: only the last three digits."""
    if not citizen_id:
        return ""
    return "•" * (len(citizen_id) - 3) + citizen_id[-3:]
