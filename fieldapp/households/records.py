"""The plain data of the households register and the rules every write shares: the dataclasses
the window and the CLI read, the derived columns of a household, the checks of typed input.

Part of the households service (:mod:`fieldapp.households.service` re-exports it).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldapp.errors import UserError
from fieldapp.households.collation import name_sort_bytes, text_sort_bytes
from fieldapp.households.identity import (
    IdentityError,
    normalize_phone,
    read_identity,
)
from fieldapp.households.models import (
    REGIMES,
    VULNERABLE_FLAGS,
    Household,
    HouseholdMember,
)
from fieldapp.text.vietnamese import fold, nfc

ISOLATING = ("central", "home")
FLAG_NAMES = tuple(VULNERABLE_FLAGS)
ELDERLY_AGE = 60
YOUNG_CHILD_AGE = 6

# --------------------------------------------------------------------------------------------
# Plain data
# --------------------------------------------------------------------------------------------


@dataclass
class AreaInput:
    """What a person types for a lockdown area."""

    name: str
    started_on: date
    villages: str = ""
    regime: str = "CT16"
    planned_end: date | None = None
    ended_on: date | None = None
    decision: str = ""
    notes: str = ""


@dataclass
class AreaSummary:
    """A lockdown area with its counts (households, people, F0, F1 now)."""

    id: int
    name: str
    villages: str
    regime: str
    started_on: date
    planned_end: date | None
    ended_on: date | None
    decision: str
    notes: str
    households: int = 0
    people: int = 0
    f0: int = 0
    f1: int = 0
    in_force: bool = True
    device_id: str = ""  # where it was made: its commune at a district (issue 18)

    def as_input(self) -> AreaInput:
        return AreaInput(
            name=self.name,
            started_on=self.started_on,
            villages=self.villages,
            regime=self.regime,
            planned_end=self.planned_end,
            ended_on=self.ended_on,
            decision=self.decision,
            notes=self.notes,
        )


@dataclass
class HouseholdInput:
    """The household's own fields (its head is the member with ``is_head``)."""

    village: str = ""
    street: str = ""
    house_number: str = ""
    phone: str = ""
    poor: bool = False
    notes: str = ""


@dataclass
class MemberInput:
    """What a person types for one member of a household."""

    full_name: str
    birth_year: int | None = None
    birth_date: date | None = None
    sex: str = ""
    relation: str = ""
    is_head: bool = False
    citizen_id: str | None = None
    phone: str = ""
    elderly: bool = False
    young_child: bool = False
    pregnant: bool = False
    disabled: bool = False
    chronic: bool = False
    notes: str = ""


@dataclass
class MemberInfo(MemberInput):
    """A member as stored, with the current health status."""

    id: int = 0
    household_id: int = 0
    status: str = ""
    isolation: str = ""
    isolation_start: date | None = None
    isolation_end: date | None = None
    id_kind: str = ""  # cccd, cmnd, other
    id_typed: str = ""  # a number that could not identify the person, as typed
    id_check: str = ""  # why the number needs checking ("cần kiểm tra"); "" when fine

    @property
    def identity_number(self) -> str:
        return self.citizen_id or self.id_typed or ""

    @property
    def flags(self) -> list[str]:
        return [name for name in FLAG_NAMES if getattr(self, name)]

    def as_input(self) -> MemberInput:
        data = MemberInput(**{k: getattr(self, k) for k in MemberInput.__dataclass_fields__})
        data.citizen_id = self.identity_number or None
        return data


@dataclass
class StatusEntry:
    """One entry of a person's health status history."""

    id: int
    member_id: int
    member_name: str
    status: str
    isolation: str
    start: date
    end: date | None
    recorded_at: datetime
    author: str
    source: str
    note: str
    cancelled_at: datetime | None
    cancelled_by: str


@dataclass
class ReliefItem:
    item: str
    quantity: float
    unit: str = ""

    def as_dict(self) -> dict:
        return {"item": self.item, "quantity": self.quantity, "unit": self.unit}

    def text(self) -> str:
        qty = int(self.quantity) if float(self.quantity).is_integer() else self.quantity
        return f"{self.item} {qty}{(' ' + self.unit) if self.unit else ''}"


@dataclass
class DeliveryInfo:
    id: int
    household_id: int
    delivered_on: date
    items: list[ReliefItem]
    delivered_by: str
    received_by: str
    notes: str

    def items_text(self) -> str:
        return ", ".join(item.text() for item in self.items)


@dataclass
class RequestInfo:
    id: int
    household_id: int
    requested_on: date
    kind: str
    detail: str
    status: str
    resolved_on: date | None
    notes: str


@dataclass
class TestRoundInfo:
    id: int
    area_id: int
    held_on: date
    kind: str
    notes: str
    tested: int = 0
    positive: int = 0


@dataclass
class TestLine:
    """One person's result in a test round, for a household's detail."""

    round_id: int
    held_on: date
    kind: str
    member_id: int
    member_name: str
    result: str


@dataclass
class HouseholdDetail:
    id: int
    area_id: int
    area_name: str
    head_name: str
    data: HouseholdInput
    members: list[MemberInfo] = field(default_factory=list)
    history: list[StatusEntry] = field(default_factory=list)
    tests: list[TestLine] = field(default_factory=list)
    deliveries: list[DeliveryInfo] = field(default_factory=list)
    requests: list[RequestInfo] = field(default_factory=list)

    @property
    def address(self) -> str:
        return address_text(self.data.house_number, self.data.street, self.data.village)


# --------------------------------------------------------------------------------------------
# Derived columns
# --------------------------------------------------------------------------------------------


def address_text(house_number: str, street: str, village: str = "") -> str:
    """ "Số 12, đường Nà Pài, thôn Nà Pài" style, skipping empty parts."""
    parts = []
    if house_number:
        parts.append(house_number if not house_number[:1].isdigit() else f"số {house_number}")
    parts += [p for p in (street, village) if p]
    return ", ".join(parts)


def match_key(head_name: str, village: str, house_number: str, head_birth_year: int | None) -> str:
    """The identity of a household for re-import: head, village, house number, head's year."""
    year = "" if head_birth_year is None else str(head_birth_year)
    return "|".join((fold(head_name), fold(village), fold(house_number), year))


def derived_columns(
    village: str, street: str, house_number: str, phone: str, members: Sequence[object]
) -> dict:
    """Household columns computed from its fields and members (objects with member fields).

    ``search_fold`` starts with a space so that ``LIKE '% word%'`` finds word starts.
    """
    head = next((m for m in members if getattr(m, "is_head", False)), None)
    if head is None and members:
        head = members[0]
    head_name = head.full_name if head is not None else ""
    words = [fold(m.full_name) for m in members]
    words += [fold(village), fold(street), fold(house_number)]
    numbers = [phone] + [m.phone for m in members] + [m.citizen_id or "" for m in members]
    text = " ".join(w for w in words if w) + " " + " ".join(n for n in numbers if n)
    return {
        "head_name": head_name,
        "head_sort": name_sort_bytes(head_name),
        "village_sort": text_sort_bytes(village),
        "member_count": len(members),
        "vulnerable": any(getattr(m, flag) for m in members for flag in FLAG_NAMES),
        "search_fold": " " + " ".join(text.split()),
        "match_key": match_key(
            head_name, village, house_number, head.birth_year if head is not None else None
        ),
    }


def _refresh(session: Session, household: Household) -> None:
    members = session.scalars(
        select(HouseholdMember)
        .where(HouseholdMember.household_id == household.id)
        .order_by(HouseholdMember.position, HouseholdMember.id)
    ).all()
    for key, value in derived_columns(
        household.village, household.street, household.house_number, household.phone, members
    ).items():
        setattr(household, key, value)


def age_flags(birth_year: int | None, today: date | None = None) -> dict[str, bool]:
    """Elderly (60 and over) and young child (under 6) from the year of birth."""
    if birth_year is None:
        return {}
    age = (today or date.today()).year - birth_year
    return {"elderly": age >= ELDERLY_AGE, "young_child": age < YOUNG_CHILD_AGE}


# --------------------------------------------------------------------------------------------
# Validation
# --------------------------------------------------------------------------------------------


def _clean(text: str | None, limit: int, what: str) -> str:
    value = nfc(" ".join((text or "").split()))
    if len(value) > limit:
        raise UserError(f"{what} quá dài (tối đa {limit} ký tự).")
    return value


def _check_area(data: AreaInput) -> dict:
    name = _clean(data.name, 200, "Tên khu vực")
    if not name:
        raise UserError("Chưa nhập tên khu vực phong tỏa.")
    if data.regime not in REGIMES:
        raise UserError(f"Chế độ phong tỏa không hợp lệ (có: {', '.join(REGIMES)}).")
    if data.started_on is None:
        raise UserError("Chưa nhập ngày bắt đầu phong tỏa.")
    for label, end in (("dự kiến kết thúc", data.planned_end), ("kết thúc", data.ended_on)):
        if end is not None and end < data.started_on:
            raise UserError(f"Ngày {label} phải sau ngày bắt đầu phong tỏa.")
    return {
        "name": name,
        "villages": _clean(data.villages, 2000, "Danh sách thôn"),
        "regime": data.regime,
        "started_on": data.started_on,
        "planned_end": data.planned_end,
        "ended_on": data.ended_on,
        "decision": _clean(data.decision, 2000, "Quyết định"),
        "notes": (data.notes or "").strip(),
    }


def _check_household(data: HouseholdInput) -> dict:
    try:
        phone = normalize_phone(data.phone)
    except IdentityError as err:
        raise UserError(f"Điện thoại của hộ: {err}.") from None
    return {
        "village": _clean(data.village, 120, "Tên thôn"),
        "street": _clean(data.street, 200, "Đường, phố"),
        "house_number": _clean(data.house_number, 40, "Số nhà"),
        "phone": phone,
        "poor": bool(data.poor),
        "notes": (data.notes or "").strip(),
    }


def _check_member(data: MemberInput, today: date | None = None) -> dict:
    name = _clean(data.full_name, 120, "Họ tên")
    if not name:
        raise UserError("Chưa nhập họ tên.")
    if any(ch.isdigit() for ch in name):
        raise UserError("Họ tên không được có chữ số.")
    this_year = (today or date.today()).year
    birth_year = data.birth_year
    if data.birth_date is not None:
        birth_year = data.birth_date.year
    if birth_year is not None and not 1900 <= birth_year <= this_year:
        raise UserError(f"Năm sinh phải từ 1900 đến {this_year}.")
    if data.sex not in ("", "M", "F"):
        raise UserError("Giới tính phải là Nam hoặc Nữ.")
    # A number that fails a check is kept as typed and marked "cần kiểm tra", never refused.
    reading = read_identity(data.citizen_id, birth_year, data.sex)
    citizen_id = reading.number if reading.is_key else None
    try:
        phone = normalize_phone(data.phone)
    except IdentityError as err:
        raise UserError(f"Điện thoại của {name}: {err}.") from None
    values = {
        "full_name": name,
        "name_fold": fold(name),
        "birth_year": birth_year,
        "birth_date": data.birth_date,
        "sex": data.sex,
        "relation": _clean(data.relation, 40, "Quan hệ với chủ hộ"),
        "is_head": bool(data.is_head),
        "citizen_id": citizen_id,
        "id_kind": reading.kind,
        "id_typed": "" if reading.is_key else reading.number,
        "id_check": reading.check[:200],
        "phone": phone,
        "notes": (data.notes or "").strip(),
    }
    for flag in FLAG_NAMES:
        values[flag] = bool(getattr(data, flag))
    return values


def _citizen_id_taken(session: Session, citizen_id: str | None, member_id: int | None) -> None:
    if not citizen_id:
        return
    other = session.scalar(
        select(HouseholdMember.id).where(HouseholdMember.citizen_id == citizen_id)
    )
    if other is not None and other != member_id:
        raise UserError("Số CCCD này đã có ở một người khác trong danh sách.")


def _get(s: Session, model, row_id: int, what: str):
    row = s.get(model, row_id)
    if row is None:
        raise UserError(f"Không tìm thấy {what} (có thể đã bị xóa).")
    return row
