"""Every write of the households register, and the plain data the window and the CLI read.

Each function takes the open :class:`~fieldapp.db.database.Database` first and does its work
in one transaction: a mistake raises :class:`~fieldapp.errors.UserError` (Vietnamese, without
citizen IDs, phone numbers or health status in the message) and changes nothing.

Health status is a history: :func:`change_status` adds an entry with its author and time,
:func:`cancel_status` marks one cancelled (the undo of a mistake); the person's current
status is the newest entry that is not cancelled, copied onto the member row.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from fieldapp.db.base import utcnow
from fieldapp.db.database import Database
from fieldapp.errors import UserError
from fieldapp.households.collation import name_sort_bytes, text_sort_bytes
from fieldapp.households.identity import (
    IdentityError,
    normalize_phone,
    read_identity,
)
from fieldapp.households.models import (
    ISOLATIONS,
    REGIMES,
    REQUEST_KINDS,
    REQUEST_STATUSES,
    STATUSES,
    TEST_KINDS,
    TEST_RESULTS,
    VULNERABLE_FLAGS,
    HealthStatus,
    Household,
    HouseholdMember,
    HouseholdRequest,
    LockdownArea,
    ReliefDelivery,
    TestResult,
    TestRound,
)
from fieldapp.text.vietnamese import fold, nfc

ISOLATING = ("central", "home")  # isolation kinds that keep a person indoors or away
FLAG_NAMES = tuple(VULNERABLE_FLAGS)
ELDERLY_AGE = 60  # Law on the Elderly 2009: người cao tuổi from 60
YOUNG_CHILD_AGE = 6  # under six


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


# --------------------------------------------------------------------------------------------
# Areas
# --------------------------------------------------------------------------------------------


def add_area(db: Database, data: AreaInput) -> int:
    """Create a lockdown area; its name must be new."""
    values = _check_area(data)
    with db.transaction() as s:
        if _area_by_fold(s, values["name"]) is not None:
            raise UserError(f"Đã có khu vực phong tỏa tên {values['name']}.")
        area = LockdownArea(**values)
        s.add(area)
        s.flush()
        return area.id


def update_area(db: Database, area_id: int, data: AreaInput) -> None:
    values = _check_area(data)
    with db.transaction() as s:
        area = _get(s, LockdownArea, area_id, "khu vực phong tỏa")
        other = _area_by_fold(s, values["name"])
        if other is not None and other.id != area_id:
            raise UserError(f"Đã có khu vực phong tỏa tên {values['name']}.")
        for key, value in values.items():
            setattr(area, key, value)


def delete_area(db: Database, area_id: int) -> None:
    """Delete an area that holds no household (the undo of :func:`add_area`)."""
    with db.transaction() as s:
        area = _get(s, LockdownArea, area_id, "khu vực phong tỏa")
        used = s.scalar(select(func.count()).where(Household.area_id == area_id))
        if used:
            raise UserError(f"Khu vực {area.name} còn {used} hộ: không xóa được.")
        s.delete(area)


def _area_by_fold(s: Session, name: str) -> LockdownArea | None:
    wanted = fold(name)
    for area in s.scalars(select(LockdownArea)):
        if fold(area.name) == wanted:
            return area
    return None


def find_area(db: Database, name: str) -> AreaSummary:
    """The area of that name (case and tones do not matter), or a clear error."""
    with db.session() as s:
        area = _area_by_fold(s, name)
        if area is None:
            names = ", ".join(s.scalars(select(LockdownArea.name).order_by(LockdownArea.id)))
            raise UserError(
                f"Không có khu vực phong tỏa tên {name.strip()}."
                + (f" Có: {names}." if names else " Hãy tạo trước: fieldapp household area add.")
            )
        area_id = area.id
    return get_area(db, area_id)


def get_area(db: Database, area_id: int, today: date | None = None) -> AreaSummary:
    for area in list_areas(db, today):
        if area.id == area_id:
            return area
    raise UserError("Không tìm thấy khu vực phong tỏa (có thể đã bị xóa).")


def area_in_force(area: LockdownArea | AreaSummary, today: date) -> bool:
    return area.started_on <= today and (area.ended_on is None or area.ended_on >= today)


def list_areas(db: Database, today: date | None = None) -> list[AreaSummary]:
    """Every lockdown area with its counts, those in force first, newest first."""
    today = today or date.today()
    with db.session() as s:
        areas = s.scalars(select(LockdownArea)).all()
        households: dict[int, int] = {}
        people: dict[int, int] = {}
        for area_id, count, members in s.execute(
            select(Household.area_id, func.count(), func.sum(Household.member_count)).group_by(
                Household.area_id
            )
        ):
            households[area_id], people[area_id] = count, members or 0
        # Driven from the people with that status (indexed), whatever SQLite's statistics say.
        area_of = (
            select(Household.area_id)
            .where(Household.id == HouseholdMember.household_id)
            .scalar_subquery()
        )
        by_status: dict[tuple[int, str], int] = {}
        for area_id, status, count in s.execute(
            select(area_of, HouseholdMember.status, func.count())
            .where(HouseholdMember.status.in_(("F0", "F1")))
            .group_by(area_of, HouseholdMember.status)
        ):
            by_status[(area_id, status)] = count
        out = [
            AreaSummary(
                id=a.id,
                name=a.name,
                villages=a.villages,
                regime=a.regime,
                started_on=a.started_on,
                planned_end=a.planned_end,
                ended_on=a.ended_on,
                decision=a.decision,
                notes=a.notes,
                households=households.get(a.id, 0),
                people=people.get(a.id, 0),
                f0=by_status.get((a.id, "F0"), 0),
                f1=by_status.get((a.id, "F1"), 0),
                in_force=area_in_force(a, today),
            )
            for a in areas
        ]
    out.sort(key=lambda a: (not a.in_force, -a.started_on.toordinal(), a.id))
    return out


# --------------------------------------------------------------------------------------------
# Households and members
# --------------------------------------------------------------------------------------------


def _get(s: Session, model, row_id: int, what: str):
    row = s.get(model, row_id)
    if row is None:
        raise UserError(f"Không tìm thấy {what} (có thể đã bị xóa).")
    return row


def add_household(
    db: Database,
    area_id: int,
    data: HouseholdInput,
    members: Sequence[MemberInput],
    *,
    today: date | None = None,
) -> int:
    """Create a household with its members; exactly one member is the head."""
    if not members:
        raise UserError("Hộ phải có ít nhất một người (chủ hộ).")
    heads = [m for m in members if m.is_head]
    if len(heads) > 1:
        raise UserError("Một hộ chỉ có một chủ hộ.")
    checked = [_check_member(m, today) for m in members]
    if not heads:
        checked[0]["is_head"] = True
    ids = [c["citizen_id"] for c in checked if c["citizen_id"]]
    if len(ids) != len(set(ids)):
        raise UserError("Hai người trong hộ có cùng số CCCD.")
    values = _check_household(data)
    with db.transaction() as s:
        _get(s, LockdownArea, area_id, "khu vực phong tỏa")
        for c in checked:
            _citizen_id_taken(s, c["citizen_id"], None)
        household = Household(area_id=area_id, **values)
        s.add(household)
        s.flush()
        for position, c in enumerate(checked):
            if c["is_head"] and not c["relation"]:
                c["relation"] = "Chủ hộ"
            s.add(HouseholdMember(household_id=household.id, position=position, **c))
        s.flush()
        _refresh(s, household)
        return household.id


def update_household(db: Database, household_id: int, data: HouseholdInput) -> None:
    values = _check_household(data)
    with db.transaction() as s:
        household = _get(s, Household, household_id, "hộ")
        for key, value in values.items():
            setattr(household, key, value)
        _refresh(s, household)


def move_household(db: Database, household_id: int, area_id: int) -> None:
    with db.transaction() as s:
        household = _get(s, Household, household_id, "hộ")
        _get(s, LockdownArea, area_id, "khu vực phong tỏa")
        household.area_id = area_id


def delete_household(db: Database, household_id: int) -> None:
    """Delete a household with its people, their history, tests, deliveries and requests."""
    with db.transaction() as s:
        household = _get(s, Household, household_id, "hộ")
        s.delete(household)


def add_member(
    db: Database, household_id: int, data: MemberInput, *, today: date | None = None
) -> int:
    values = _check_member(data, today)
    with db.transaction() as s:
        household = _get(s, Household, household_id, "hộ")
        _citizen_id_taken(s, values["citizen_id"], None)
        if values["is_head"]:
            _clear_head(s, household_id)
        position = s.scalar(
            select(func.coalesce(func.max(HouseholdMember.position), -1)).where(
                HouseholdMember.household_id == household_id
            )
        )
        member = HouseholdMember(household_id=household_id, position=position + 1, **values)
        s.add(member)
        s.flush()
        _refresh(s, household)
        return member.id


def update_member(
    db: Database, member_id: int, data: MemberInput, *, today: date | None = None
) -> None:
    values = _check_member(data, today)
    with db.transaction() as s:
        member = _get(s, HouseholdMember, member_id, "người")
        _citizen_id_taken(s, values["citizen_id"], member_id)
        if values["is_head"] and not member.is_head:
            _clear_head(s, member.household_id)
        if member.is_head and not values["is_head"]:
            raise UserError("Hộ phải có chủ hộ: hãy chọn người khác làm chủ hộ trước.")
        for key, value in values.items():
            setattr(member, key, value)
        s.flush()
        _refresh(s, s.get(Household, member.household_id))


def _clear_head(s: Session, household_id: int) -> None:
    for other in s.scalars(
        select(HouseholdMember).where(
            HouseholdMember.household_id == household_id, HouseholdMember.is_head.is_(True)
        )
    ):
        other.is_head = False
        if fold(other.relation) == "chu ho":
            other.relation = ""


def remove_member(db: Database, member_id: int) -> None:
    """Remove a person (not the head while others remain: choose a new head first)."""
    with db.transaction() as s:
        member = _get(s, HouseholdMember, member_id, "người")
        household = s.get(Household, member.household_id)
        others = s.scalar(
            select(func.count()).where(
                HouseholdMember.household_id == member.household_id,
                HouseholdMember.id != member_id,
            )
        )
        if member.is_head and others:
            raise UserError("Không xóa được chủ hộ khi hộ còn người khác: hãy đổi chủ hộ trước.")
        if not others:
            raise UserError("Đây là người cuối cùng của hộ: hãy xóa cả hộ.")
        s.delete(member)
        s.flush()
        _refresh(s, household)


def member_household(db: Database, member_id: int) -> int:
    with db.session() as s:
        return _get(s, HouseholdMember, member_id, "người").household_id


# --------------------------------------------------------------------------------------------
# Health status
# --------------------------------------------------------------------------------------------


def isolation_days(db: Database, status: str) -> int | None:
    """Default length of isolation for a status, in days (Settings), or None."""
    from fieldapp.settings import DEFAULTS, get_setting

    key = f"households.isolation_days.{status}"
    if key not in DEFAULTS:
        return None
    value = get_setting(db, key)
    return int(value) if value else None


def default_isolation_end(db: Database, status: str, start: date) -> date | None:
    """When isolation normally ends for ``status`` begun on ``start`` (None: no isolation)."""
    days = isolation_days(db, status)
    return None if days is None else start + timedelta(days=days)


def change_status(
    db: Database,
    member_id: int,
    status: str,
    *,
    isolation: str = "",
    start: date | None = None,
    end: date | None = None,
    use_default_end: bool = True,
    author: str = "",
    note: str = "",
    source: str = "manual",
    place: str = "",
) -> int:
    """Record a new health status for a person; returns the history entry's id.

    ``place`` is where an F0 is treated, or the facility a person was moved to.

    ``end`` defaults to ``start`` plus the isolation days of Settings (when
    ``use_default_end``); ``start`` defaults to today.
    """
    if status not in STATUSES:
        raise UserError(f"Tình trạng không hợp lệ (có: {', '.join(STATUSES)}).")
    if isolation not in ISOLATIONS:
        raise UserError("Hình thức cách ly không hợp lệ (tập trung, tại nhà, tự theo dõi).")
    if status == "facility" and not (place or "").strip():
        raise UserError("Cần ghi tên cơ sở điều trị đã chuyển đến.")
    if status in ("recovered", "facility", "died"):
        isolation = ""  # an outcome ends isolation at home (issue 19)
    start = start or date.today()
    if end is None and use_default_end and isolation:
        end = default_isolation_end(db, status, start)
    if end is not None and end < start:
        raise UserError("Ngày kết thúc cách ly phải sau ngày bắt đầu.")
    author = _clean(author, 120, "Tên người ghi")
    with db.transaction() as s:
        member = _get(s, HouseholdMember, member_id, "người")
        entry = HealthStatus(
            member_id=member_id,
            status=status,
            isolation=isolation,
            start=start,
            end=end,
            recorded_at=utcnow(),
            author=author,
            source=source,
            note=(note or "").strip(),
            place=" ".join((place or "").split())[:200],
        )
        s.add(entry)
        s.flush()
        _apply_current(s, member)
        return entry.id


def cancel_status(db: Database, entry_id: int, author: str = "") -> None:
    """Cancel a status entry entered by mistake (it stays in the history, marked cancelled)."""
    with db.transaction() as s:
        entry = _get(s, HealthStatus, entry_id, "lần ghi tình trạng")
        if entry.cancelled_at is not None:
            raise UserError("Lần ghi này đã được hủy trước đó.")
        entry.cancelled_at = utcnow()
        entry.cancelled_by = _clean(author, 120, "Tên người hủy")
        s.flush()
        _apply_current(s, s.get(HouseholdMember, entry.member_id))


def restore_status(db: Database, entry_id: int) -> None:
    """Undo :func:`cancel_status`: the entry counts again."""
    with db.transaction() as s:
        entry = _get(s, HealthStatus, entry_id, "lần ghi tình trạng")
        entry.cancelled_at = None
        entry.cancelled_by = ""
        s.flush()
        _apply_current(s, s.get(HouseholdMember, entry.member_id))


def _apply_current(s: Session, member: HouseholdMember) -> None:
    latest = s.scalars(
        select(HealthStatus)
        .where(HealthStatus.member_id == member.id, HealthStatus.cancelled_at.is_(None))
        .order_by(HealthStatus.recorded_at.desc(), HealthStatus.id.desc())
        .limit(1)
    ).first()
    if latest is None:
        member.status, member.isolation = "", ""
        member.isolation_start = member.isolation_end = None
    else:
        member.status, member.isolation = latest.status, latest.isolation
        member.isolation_start = latest.start if latest.isolation else None
        member.isolation_end = latest.end if latest.isolation else None


def status_history(
    db: Database, *, member_id: int | None = None, household_id: int | None = None
) -> list[StatusEntry]:
    """Status entries of a person or of a household's people, newest first."""
    with db.session() as s:
        query = select(HealthStatus, HouseholdMember.full_name).join(
            HouseholdMember, HouseholdMember.id == HealthStatus.member_id
        )
        if member_id is not None:
            query = query.where(HealthStatus.member_id == member_id)
        if household_id is not None:
            query = query.where(HouseholdMember.household_id == household_id)
        query = query.order_by(HealthStatus.recorded_at.desc(), HealthStatus.id.desc())
        return [
            StatusEntry(
                id=e.id,
                member_id=e.member_id,
                member_name=name,
                status=e.status,
                isolation=e.isolation,
                start=e.start,
                end=e.end,
                recorded_at=e.recorded_at,
                author=e.author,
                source=e.source,
                note=e.note,
                cancelled_at=e.cancelled_at,
                cancelled_by=e.cancelled_by,
            )
            for e, name in s.execute(query)
        ]


# --------------------------------------------------------------------------------------------
# Tests
# --------------------------------------------------------------------------------------------


def add_test_round(
    db: Database, area_id: int, held_on: date, kind: str = "rapid", notes: str = ""
) -> int:
    if kind not in TEST_KINDS:
        raise UserError("Loại xét nghiệm phải là test nhanh (rapid) hoặc RT-PCR (pcr).")
    with db.transaction() as s:
        _get(s, LockdownArea, area_id, "khu vực phong tỏa")
        test_round = TestRound(area_id=area_id, held_on=held_on, kind=kind, notes=notes.strip())
        s.add(test_round)
        s.flush()
        return test_round.id


def delete_test_round(db: Database, round_id: int) -> None:
    with db.transaction() as s:
        s.delete(_get(s, TestRound, round_id, "đợt xét nghiệm"))


def record_test_results(db: Database, round_id: int, results: dict[int, str]) -> None:
    """Set each person's result in a round ("" removes it); people must live in the area."""
    bad = {r for r in results.values() if r and r not in TEST_RESULTS}
    if bad:
        raise UserError(f"Kết quả không hợp lệ (có: {', '.join(TEST_RESULTS)}).")
    with db.transaction() as s:
        test_round = _get(s, TestRound, round_id, "đợt xét nghiệm")
        in_area = set(
            s.scalars(
                select(HouseholdMember.id)
                .join(Household, Household.id == HouseholdMember.household_id)
                .where(
                    Household.area_id == test_round.area_id,
                    HouseholdMember.id.in_(list(results)),
                )
            )
        )
        if len(in_area) != len(set(results)):
            raise UserError("Có người không thuộc khu vực của đợt xét nghiệm này.")
        existing = {
            r.member_id: r
            for r in s.scalars(
                select(TestResult).where(
                    TestResult.round_id == round_id, TestResult.member_id.in_(list(results))
                )
            )
        }
        for member_id, result in results.items():
            row = existing.get(member_id)
            if not result:
                if row is not None:
                    s.delete(row)
            elif row is None:
                s.add(TestResult(round_id=round_id, member_id=member_id, result=result))
            else:
                row.result = result


def test_rounds(db: Database, area_id: int | None = None) -> list[TestRoundInfo]:
    """Test rounds (of one area or all), newest first, with how many were tested/positive."""
    with db.session() as s:
        query = select(TestRound).order_by(TestRound.held_on.desc(), TestRound.id.desc())
        if area_id is not None:
            query = query.where(TestRound.area_id == area_id)
        rounds = s.scalars(query).all()
        counts: dict[tuple[int, str], int] = {}
        for round_id, result, count in s.execute(
            select(TestResult.round_id, TestResult.result, func.count()).group_by(
                TestResult.round_id, TestResult.result
            )
        ):
            counts[(round_id, result)] = count
        return [
            TestRoundInfo(
                id=r.id,
                area_id=r.area_id,
                held_on=r.held_on,
                kind=r.kind,
                notes=r.notes,
                tested=sum(v for (rid, _res), v in counts.items() if rid == r.id),
                positive=counts.get((r.id, "positive"), 0),
            )
            for r in rounds
        ]


def round_results(db: Database, round_id: int) -> dict[int, str]:
    """member id -> result of one test round."""
    with db.session() as s:
        return dict(
            s.execute(
                select(TestResult.member_id, TestResult.result).where(
                    TestResult.round_id == round_id
                )
            ).all()
        )


# --------------------------------------------------------------------------------------------
# Relief and requests
# --------------------------------------------------------------------------------------------


def parse_items(text: str) -> list[ReliefItem]:
    """Read "Gạo 10 kg, Mì tôm 2 thùng, Thuốc hạ sốt 10 viên" (or "Gạo:10:kg; ...")."""
    import re

    items = []
    for part in re.split(r"[,;\n]+", text):
        part = part.strip()
        if not part:
            continue
        if ":" in part:
            bits = [b.strip() for b in part.split(":")]
            name, qty_text, unit = (bits + ["", ""])[:3]
        else:
            match = re.fullmatch(r"(.+?)\s+([-+]?\d+(?:[.,]\d+)?)\s*(.*)", part)
            if match is None:
                name, qty_text, unit = part, "1", ""
            else:
                name, qty_text, unit = match.groups()
        try:
            quantity = float(qty_text.replace(",", "."))
        except ValueError:
            raise UserError(f"Số lượng không hợp lệ ở mục hàng: {part}") from None
        if quantity <= 0:
            raise UserError(f"Số lượng phải lớn hơn 0 ở mục hàng: {part}")
        items.append(ReliefItem(nfc(name.strip()), quantity, nfc(unit.strip())))
    return items


@dataclass
class DeliveryInput:
    """Relief for one household: what, when, who delivered it and who signed for it."""

    household_id: int
    delivered_on: date
    items: Sequence[ReliefItem]
    delivered_by: str = ""
    received_by: str = ""
    notes: str = ""


def record_delivery(
    db: Database,
    household_id: int,
    delivered_on: date,
    items: Sequence[ReliefItem],
    *,
    delivered_by: str = "",
    received_by: str = "",
    notes: str = "",
) -> int:
    """Record relief delivered to a household (signed for by ``received_by``)."""
    delivery = DeliveryInput(household_id, delivered_on, items, delivered_by, received_by, notes)
    return record_deliveries(db, [delivery])[0]


def record_deliveries(db: Database, deliveries: Sequence[DeliveryInput]) -> list[int]:
    """Record relief for many households at once (a round of door-to-door delivery)."""
    for d in deliveries:
        if not d.items:
            raise UserError("Chưa nhập hàng đã giao (ví dụ: Gạo 10 kg, Mì tôm 1 thùng).")
        for item in d.items:
            if not item.item.strip() or item.quantity <= 0:
                raise UserError("Mỗi mục hàng cần tên và số lượng lớn hơn 0.")
    with db.transaction() as s:
        wanted = {d.household_id for d in deliveries}
        found = set(s.scalars(select(Household.id).where(Household.id.in_(list(wanted)))))
        if found != wanted:
            raise UserError("Không tìm thấy hộ (có thể đã bị xóa).")
        rows = [
            ReliefDelivery(
                household_id=d.household_id,
                delivered_on=d.delivered_on,
                items=[i.as_dict() for i in d.items],
                delivered_by=_clean(d.delivered_by, 120, "Người giao"),
                received_by=_clean(d.received_by, 120, "Người nhận"),
                notes=(d.notes or "").strip(),
            )
            for d in deliveries
        ]
        s.add_all(rows)
        s.flush()
        return [r.id for r in rows]


def delete_delivery(db: Database, delivery_id: int) -> None:
    with db.transaction() as s:
        s.delete(_get(s, ReliefDelivery, delivery_id, "lần giao hàng"))


def add_request(
    db: Database,
    household_id: int,
    kind: str,
    detail: str = "",
    *,
    requested_on: date | None = None,
) -> int:
    if kind not in REQUEST_KINDS:
        raise UserError(f"Loại đề nghị không hợp lệ (có: {', '.join(REQUEST_KINDS)}).")
    with db.transaction() as s:
        _get(s, Household, household_id, "hộ")
        request = HouseholdRequest(
            household_id=household_id,
            requested_on=requested_on or date.today(),
            kind=kind,
            detail=detail.strip(),
        )
        s.add(request)
        s.flush()
        return request.id


def set_request_status(
    db: Database, request_id: int, status: str, *, on: date | None = None
) -> None:
    if status not in REQUEST_STATUSES:
        raise UserError(f"Trạng thái không hợp lệ (có: {', '.join(REQUEST_STATUSES)}).")
    with db.transaction() as s:
        request = _get(s, HouseholdRequest, request_id, "đề nghị")
        request.status = status
        request.resolved_on = (on or date.today()) if status in ("done", "refused") else None


def delete_request(db: Database, request_id: int) -> None:
    with db.transaction() as s:
        s.delete(_get(s, HouseholdRequest, request_id, "đề nghị"))


# --------------------------------------------------------------------------------------------
# Reading one household
# --------------------------------------------------------------------------------------------


def _member_info(m: HouseholdMember) -> MemberInfo:
    return MemberInfo(
        id=m.id,
        household_id=m.household_id,
        full_name=m.full_name,
        birth_year=m.birth_year,
        birth_date=m.birth_date,
        sex=m.sex,
        relation=m.relation,
        is_head=m.is_head,
        citizen_id=m.citizen_id,
        id_kind=m.id_kind,
        id_typed=m.id_typed,
        id_check=m.id_check,
        phone=m.phone,
        elderly=m.elderly,
        young_child=m.young_child,
        pregnant=m.pregnant,
        disabled=m.disabled,
        chronic=m.chronic,
        notes=m.notes,
        status=m.status,
        isolation=m.isolation,
        isolation_start=m.isolation_start,
        isolation_end=m.isolation_end,
    )


def household_members(db: Database, household_ids: Iterable[int]) -> dict[int, list[MemberInfo]]:
    ids = list(household_ids)
    out: dict[int, list[MemberInfo]] = {i: [] for i in ids}
    with db.session() as s:
        for chunk_start in range(0, len(ids), 500):
            chunk = ids[chunk_start : chunk_start + 500]
            for m in s.scalars(
                select(HouseholdMember)
                .where(HouseholdMember.household_id.in_(chunk))
                .order_by(HouseholdMember.position, HouseholdMember.id)
            ):
                out[m.household_id].append(_member_info(m))
    return out


def household_detail(db: Database, household_id: int) -> HouseholdDetail:
    """A household with its people, status history, test results, deliveries and requests."""
    with db.session() as s:
        h = _get(s, Household, household_id, "hộ")
        area_name = s.scalar(select(LockdownArea.name).where(LockdownArea.id == h.area_id))
        detail = HouseholdDetail(
            id=h.id,
            area_id=h.area_id,
            area_name=area_name or "",
            head_name=h.head_name,
            data=HouseholdInput(
                village=h.village,
                street=h.street,
                house_number=h.house_number,
                phone=h.phone,
                poor=h.poor,
                notes=h.notes,
            ),
        )
        members = s.scalars(
            select(HouseholdMember)
            .where(HouseholdMember.household_id == household_id)
            .order_by(HouseholdMember.position, HouseholdMember.id)
        ).all()
        detail.members = [_member_info(m) for m in members]
        names = {m.id: m.full_name for m in members}
        for result, test_round in s.execute(
            select(TestResult, TestRound)
            .join(TestRound, TestRound.id == TestResult.round_id)
            .where(TestResult.member_id.in_(list(names)))
            .order_by(TestRound.held_on.desc(), TestRound.id.desc(), TestResult.member_id)
        ):
            detail.tests.append(
                TestLine(
                    round_id=test_round.id,
                    held_on=test_round.held_on,
                    kind=test_round.kind,
                    member_id=result.member_id,
                    member_name=names[result.member_id],
                    result=result.result,
                )
            )
        detail.deliveries = [
            DeliveryInfo(
                id=d.id,
                household_id=d.household_id,
                delivered_on=d.delivered_on,
                items=[ReliefItem(i["item"], i["quantity"], i.get("unit", "")) for i in d.items],
                delivered_by=d.delivered_by,
                received_by=d.received_by,
                notes=d.notes,
            )
            for d in s.scalars(
                select(ReliefDelivery)
                .where(ReliefDelivery.household_id == household_id)
                .order_by(ReliefDelivery.delivered_on.desc(), ReliefDelivery.id.desc())
            )
        ]
        detail.requests = [
            RequestInfo(
                id=r.id,
                household_id=r.household_id,
                requested_on=r.requested_on,
                kind=r.kind,
                detail=r.detail,
                status=r.status,
                resolved_on=r.resolved_on,
                notes=r.notes,
            )
            for r in s.scalars(
                select(HouseholdRequest)
                .where(HouseholdRequest.household_id == household_id)
                .order_by(HouseholdRequest.requested_on.desc(), HouseholdRequest.id.desc())
            )
        ]
    detail.history = status_history(db, household_id=household_id)
    return detail
