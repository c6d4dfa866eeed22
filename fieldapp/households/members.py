"""Households and their people: add, change, move and remove them, and read one household whole.

Part of the households service (:mod:`fieldapp.households.service` re-exports it).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from sqlalchemy import func, inspect, select
from sqlalchemy.orm import Session

from fieldapp.db.database import Database
from fieldapp.errors import UserError
from fieldapp.households.models import (
    Household,
    HouseholdMember,
    HouseholdRequest,
    LockdownArea,
    ReliefDelivery,
    TestResult,
    TestRound,
)
from fieldapp.households.records import (
    DeliveryInfo,
    HouseholdDetail,
    HouseholdInput,
    MemberInfo,
    MemberInput,
    ReliefItem,
    RequestInfo,
    TestLine,
    _check_household,
    _check_member,
    _citizen_id_taken,
    _get,
    _refresh,
)
from fieldapp.households.statuses import status_history
from fieldapp.text.vietnamese import fold

# --------------------------------------------------------------------------------------------
# Households and members
# --------------------------------------------------------------------------------------------


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


def remove_member(db: Database, member_id: int) -> dict:
    """Remove a person (not the head while others remain: choose a new head first).

    Returns the person's row as it was, for :func:`restore_member` (the undo of an addition).
    """
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
        was = {a.key: getattr(member, a.key) for a in inspect(HouseholdMember).column_attrs}
        s.delete(member)
        s.flush()
        _refresh(s, household)
    return was


def restore_member(db: Database, was: dict) -> int:
    """Put a removed person back as they were (same id and identity): redoing an addition
    keeps the edits recorded on that person redoable."""
    with db.transaction() as s:
        household = _get(s, Household, was["household_id"], "hộ")
        if s.get(HouseholdMember, was["id"]) is not None:
            raise UserError("Người này đã có lại trong hộ.")
        _citizen_id_taken(s, was.get("citizen_id"), None)
        member = HouseholdMember(**was)
        s.add(member)
        s.flush()
        _refresh(s, household)
        return member.id


def member_household(db: Database, member_id: int) -> int:
    with db.session() as s:
        return _get(s, HouseholdMember, member_id, "người").household_id


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
