"""Relief delivered door to door, and what households ask for.

Part of the households service (:mod:`fieldapp.households.service` re-exports it).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import inspect, select

from fieldapp.db.database import Database
from fieldapp.errors import UserError
from fieldapp.households.models import (
    REQUEST_KINDS,
    REQUEST_STATUSES,
    Household,
    HouseholdRequest,
    ReliefDelivery,
)
from fieldapp.households.records import ReliefItem, _clean, _get
from fieldapp.text.vietnamese import nfc

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


def _as_it_was(row) -> dict:
    """Every column of ``row`` (id and uuid too): what an undone deletion puts back."""
    return {attr.key: getattr(row, attr.key) for attr in inspect(type(row)).column_attrs}


def _put_back(db: Database, model, was: dict) -> int:
    with db.transaction() as s:
        if s.get(model, was["id"]) is not None:
            raise UserError("Bản ghi này đã có lại.")
        row = model(**was)
        s.add(row)
        s.flush()
        return row.id


def delete_delivery(db: Database, delivery_id: int) -> dict:
    """Delete a delivery; returns it as it was, for :func:`restore_delivery` (undo)."""
    with db.transaction() as s:
        row = _get(s, ReliefDelivery, delivery_id, "lần giao hàng")
        was = _as_it_was(row)
        s.delete(row)
    return was


def restore_delivery(db: Database, was: dict) -> int:
    """Put back a deleted delivery exactly as it was (same id and identity)."""
    return _put_back(db, ReliefDelivery, was)


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


def delete_request(db: Database, request_id: int) -> dict:
    """Delete a request; returns it as it was, for :func:`restore_request` (undo)."""
    with db.transaction() as s:
        row = _get(s, HouseholdRequest, request_id, "đề nghị")
        was = _as_it_was(row)
        s.delete(row)
    return was


def restore_request(db: Database, was: dict) -> int:
    """Put back a deleted request exactly as it was (same id and identity): a later status
    change recorded on it can then be redone."""
    return _put_back(db, HouseholdRequest, was)
