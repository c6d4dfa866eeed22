"""Database tables of the households register: lockdown areas, households and their people.

A :class:`Household` belongs to a :class:`LockdownArea`; its people are
:class:`HouseholdMember` rows (the head is one of them, ``is_head``). Each person's health
status is a history (:class:`HealthStatus`, never overwritten: a mistake is *cancelled*, with
who and when); the person's current status, isolation and isolation dates are copied onto the
member row by :mod:`fieldapp.households.service` so that lists and filters over 50,000
households stay one indexed query.

Search and sort columns are derived, never typed: ``search_fold`` (folded names, address,
phone and citizen IDs of the whole household), ``head_sort`` / ``village_sort`` (the bytes of
:func:`fieldapp.households.collation.sort_bytes`, so ``ORDER BY`` gives Vietnamese order).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from fieldapp.db.base import Base, SyncMixin, UTCDateTime

# Lockdown regimes (the Prime Minister's directives of 2020–2021) and their display names.
REGIMES: dict[str, str] = {
    "CT15": "Chỉ thị 15",
    "CT16": "Chỉ thị 16",
    "CT19": "Chỉ thị 19",
    "other": "Khác",
}

# Health status of a person; "" means nothing recorded.
STATUSES: dict[str, str] = {
    "F0": "F0",
    "F1": "F1",
    "F2": "F2",
    "negative": "Âm tính",
    # Outcomes of an F0 (issue 19): each with its date, kept in the history like the others.
    "facility": "Chuyển cơ sở điều trị",
    "recovered": "Khỏi bệnh",
    "died": "Tử vong",
}
# Most serious first: the household shows the most serious status among its people.
STATUS_RANK: dict[str, int] = {
    "died": 0,
    "facility": 1,
    "F0": 2,
    "F1": 3,
    "F2": 4,
    "recovered": 5,
    "negative": 6,
    "": 7,
}

ISOLATIONS: dict[str, str] = {
    "central": "Cách ly tập trung",
    "home": "Cách ly tại nhà",
    "self": "Tự theo dõi sức khỏe",
    "": "Không cách ly",
}

TEST_KINDS: dict[str, str] = {"rapid": "Test nhanh", "pcr": "RT-PCR"}
TEST_RESULTS: dict[str, str] = {
    "negative": "Âm tính",
    "positive": "Dương tính",
    "invalid": "Không xác định",
}

REQUEST_KINDS: dict[str, str] = {
    "rice": "Gạo",
    "food": "Thực phẩm",
    "medicine": "Thuốc",
    "other": "Khác",
}
REQUEST_STATUSES: dict[str, str] = {
    "open": "Chưa giải quyết",
    "in_progress": "Đang giải quyết",
    "done": "Đã đáp ứng",
    "refused": "Không đáp ứng",
}

# The vulnerable flags of a person, with their Vietnamese names.
VULNERABLE_FLAGS: dict[str, str] = {
    "elderly": "Người cao tuổi",
    "young_child": "Trẻ nhỏ",
    "pregnant": "Phụ nữ mang thai",
    "disabled": "Người khuyết tật",
    "chronic": "Bệnh nền",
}


class LockdownArea(SyncMixin, Base):
    """A lockdown area (khu vực phong tỏa): what it covers, its regime, when, by which decision."""

    __tablename__ = "lockdown_area"
    # Unique per device, not in the whole database: at a district two communes may both have
    # a "Thôn 1" area, and the second commune's package must still merge.
    __table_args__ = (UniqueConstraint("device_id", "name", name="uq_lockdown_area_device_name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    villages: Mapped[str] = mapped_column(Text, default="")  # villages/streets covered
    regime: Mapped[str] = mapped_column(String(20), default="CT16")
    started_on: Mapped[date] = mapped_column(Date)
    planned_end: Mapped[date | None] = mapped_column(Date, nullable=True)
    ended_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    decision: Mapped[str] = mapped_column(Text, default="")  # "QĐ số 12/QĐ-UBND ngày ..."
    notes: Mapped[str] = mapped_column(Text, default="")


class Household(SyncMixin, Base):
    """A household (hộ) in a lockdown area, with the derived columns the big table needs."""

    __tablename__ = "household"
    __table_args__ = (
        Index("ix_household_area_id", "area_id", "head_sort"),
        Index("ix_household_match_key", "area_id", "match_key"),
        # Covering indexes for the area counts and the village list of a 50,000-row table.
        Index("ix_household_area_members", "area_id", "member_count"),
        Index("ix_household_village", "area_id", "village", "village_sort"),
        # A district's list of one commune: the rows of its devices, in name order (0020).
        Index("ix_household_device", "device_id", "head_sort"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    area_id: Mapped[int] = mapped_column(ForeignKey("lockdown_area.id", ondelete="CASCADE"))
    head_name: Mapped[str] = mapped_column(String(120), default="")
    village: Mapped[str] = mapped_column(String(120), default="")
    street: Mapped[str] = mapped_column(String(200), default="")
    house_number: Mapped[str] = mapped_column(String(40), default="")
    phone: Mapped[str] = mapped_column(String(20), default="")
    poor: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str] = mapped_column(Text, default="")
    # Derived (kept by the service): see the module docstring.
    member_count: Mapped[int] = mapped_column(Integer, default=0)
    vulnerable: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    head_sort: Mapped[bytes] = mapped_column(LargeBinary, default=b"", index=True)
    village_sort: Mapped[bytes] = mapped_column(LargeBinary, default=b"")
    search_fold: Mapped[str] = mapped_column(Text, default="")
    match_key: Mapped[str] = mapped_column(String(400), default="")


class HouseholdMember(SyncMixin, Base):
    """A person of a household (nhân khẩu), with a copy of the current health status."""

    __tablename__ = "household_member"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    household_id: Mapped[int] = mapped_column(
        ForeignKey("household.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    full_name: Mapped[str] = mapped_column(String(120))
    name_fold: Mapped[str] = mapped_column(String(120), default="", index=True)
    birth_year: Mapped[int | None] = mapped_column(Integer, nullable=True)
    birth_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    sex: Mapped[str] = mapped_column(String(1), default="")  # "M", "F" or ""
    relation: Mapped[str] = mapped_column(String(40), default="")
    is_head: Mapped[bool] = mapped_column(Boolean, default=False)
    # A 9-digit CMND or 12-digit CCCD as digits (unique); a number that is neither, or that
    # another person already holds, stays as typed in ``id_typed``. ``id_check`` is why the
    # number needs checking ("cần kiểm tra"), empty when it passed every check.
    citizen_id: Mapped[str | None] = mapped_column(String(12), unique=True, nullable=True)
    id_kind: Mapped[str] = mapped_column(String(10), default="")  # cccd, cmnd, other, ""
    id_typed: Mapped[str] = mapped_column(String(40), default="")
    id_check: Mapped[str] = mapped_column(String(200), default="", index=True)
    phone: Mapped[str] = mapped_column(String(20), default="")
    elderly: Mapped[bool] = mapped_column(Boolean, default=False)
    young_child: Mapped[bool] = mapped_column(Boolean, default=False)
    pregnant: Mapped[bool] = mapped_column(Boolean, default=False)
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    chronic: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str] = mapped_column(Text, default="")
    # Current health status: a copy of the newest HealthStatus entry that is not cancelled.
    status: Mapped[str] = mapped_column(String(10), default="", index=True)
    isolation: Mapped[str] = mapped_column(String(10), default="")
    isolation_start: Mapped[date | None] = mapped_column(Date, nullable=True)
    isolation_end: Mapped[date | None] = mapped_column(Date, nullable=True, index=True)


class HealthStatus(SyncMixin, Base):
    """One change of a person's health status; kept for ever, cancelled rather than deleted."""

    __tablename__ = "health_status"
    __table_args__ = (
        # The daily report finds the people with F0/F1/F2 or an isolation in their history
        # without reading the whole history (issue 17).
        Index("ix_health_status_status", "status", "member_id"),
        Index("ix_health_status_isolation", "isolation", "start", "member_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    member_id: Mapped[int] = mapped_column(
        ForeignKey("household_member.id", ondelete="CASCADE"), index=True
    )
    status: Mapped[str] = mapped_column(String(10))
    isolation: Mapped[str] = mapped_column(String(10), default="")
    start: Mapped[date] = mapped_column(Date)
    end: Mapped[date | None] = mapped_column(Date, nullable=True)
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime())
    author: Mapped[str] = mapped_column(String(120), default="")
    source: Mapped[str] = mapped_column(String(20), default="manual")  # manual, import
    note: Mapped[str] = mapped_column(Text, default="")
    # Where an F0 is treated ("tại nhà", a hospital) or the facility a person was moved to.
    place: Mapped[str] = mapped_column(String(200), default="", server_default="")
    cancelled_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    cancelled_by: Mapped[str] = mapped_column(String(120), default="")


class HouseholdImport(Base):
    """One import of a list into an area: what it wrote, so it can be undone as a whole.

    Local to this machine (undo is), never travels. ``created`` holds id ranges of the rows the
    import inserted (``{"household": [[lo, hi], ...], ...}``); ``before`` the previous values
    of the columns it changed (``{"household_member": {id: {column: value}}, ...}``).
    """

    __tablename__ = "household_import"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    area_id: Mapped[int] = mapped_column(
        ForeignKey("lockdown_area.id", ondelete="CASCADE"), index=True
    )
    file_name: Mapped[str] = mapped_column(String(255), default="")
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime())
    author: Mapped[str] = mapped_column(String(120), default="")
    households: Mapped[int] = mapped_column(Integer, default=0)
    people: Mapped[int] = mapped_column(Integer, default=0)
    created: Mapped[dict] = mapped_column(JSON, default=dict)
    before: Mapped[dict] = mapped_column(JSON, default=dict)
    undone_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)


class TestRound(SyncMixin, Base):
    """A round of testing over a lockdown area (đợt xét nghiệm)."""

    __tablename__ = "test_round"
    __test__ = False  # not a pytest class

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    area_id: Mapped[int] = mapped_column(
        ForeignKey("lockdown_area.id", ondelete="CASCADE"), index=True
    )
    held_on: Mapped[date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(10), default="rapid")
    notes: Mapped[str] = mapped_column(Text, default="")


class TestResult(SyncMixin, Base):
    """One person's result in a test round. A person of the area without one was missed."""

    __tablename__ = "test_result"
    __table_args__ = (UniqueConstraint("round_id", "member_id", name="uq_test_result_round_id"),)
    __test__ = False

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("test_round.id", ondelete="CASCADE"))
    member_id: Mapped[int] = mapped_column(
        ForeignKey("household_member.id", ondelete="CASCADE"), index=True
    )
    result: Mapped[str] = mapped_column(String(10))


class ReliefDelivery(SyncMixin, Base):
    """Relief delivered to a household: ``items`` is ``[{"item", "quantity", "unit"}]``."""

    __tablename__ = "relief_delivery"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    household_id: Mapped[int] = mapped_column(
        ForeignKey("household.id", ondelete="CASCADE"), index=True
    )
    delivered_on: Mapped[date] = mapped_column(Date, index=True)
    items: Mapped[list] = mapped_column(JSON, default=list)
    delivered_by: Mapped[str] = mapped_column(String(120), default="")
    received_by: Mapped[str] = mapped_column(String(120), default="")
    notes: Mapped[str] = mapped_column(Text, default="")


class HouseholdRequest(SyncMixin, Base):
    """Something a household asked for (rice, medicine, ...) and where it stands."""

    __tablename__ = "household_request"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    household_id: Mapped[int] = mapped_column(
        ForeignKey("household.id", ondelete="CASCADE"), index=True
    )
    requested_on: Mapped[date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(20), default="other")
    detail: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20), default="open", index=True)
    resolved_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    notes: Mapped[str] = mapped_column(Text, default="")
