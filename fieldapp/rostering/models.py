"""Database tables of the duty-roster register.

:class:`Site` is a place that is staffed around the clock (chốt kiểm soát, điểm cách ly,
cổng khu phong tỏa). The checkpoint log refers to it as well as the rosters do.
:class:`Staff` are the people on duty, with their roles (:class:`StaffRole`) and the times
they cannot work (:class:`Unavailability`); :class:`RosterRules` holds the commune's rules;
:class:`Assignment` is one person on one shift (``locked`` when fixed by hand) and
:class:`Attendance` what the shift leader marked for it.

Shift times are local wall-clock times (the commune's own clock), so the span columns of
:class:`Unavailability` are naive datetimes; audit timestamps are UTC as everywhere else.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from fieldapp.db.base import Base, SyncMixin, UTCDateTime

SITE_KINDS: dict[str, str] = {
    "checkpoint": "Chốt kiểm soát",
    "quarantine": "Điểm cách ly",
    "gate": "Cổng khu phong tỏa",
}

# Why someone cannot work: the words shown to the user.
UNAVAILABLE_REASONS: dict[str, str] = {
    "leave": "nghỉ phép",
    "sick": "ốm",
    "quarantine": "cách ly",
    "other": "bận việc khác",
}

# Soft wishes a person may state: kinds of shift, and whether they ask for or avoid them.
WISH_KINDS: dict[str, str] = {"days": "ca ngày", "nights": "ca đêm", "weekends": "cuối tuần"}
WISH_VALUES: dict[str, str] = {"ask": "muốn trực", "avoid": "xin tránh"}

ATTENDANCE_STATUSES: dict[str, str] = {
    "present": "có mặt",
    "absent": "vắng",
    "replaced": "có người trực thay",
}


class Site(SyncMixin, Base):
    """A place staffed 24/7, its shift pattern and how many people (and roles) each shift needs.

    ``shifts`` is the list of shift kinds in the form of ``ROSTER_FORMAT.md`` (``id``,
    ``start`` "HH:MM", ``hours``, ``night``); ``require`` maps a role id to the least number
    of people holding it on every shift (``{"police": 1}``).
    """

    __tablename__ = "roster_site"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20), default="checkpoint")
    place: Mapped[str] = mapped_column(Text, default="")
    active_from: Mapped[date] = mapped_column(Date)
    active_to: Mapped[date | None] = mapped_column(Date, nullable=True)
    pattern: Mapped[str] = mapped_column(String(20), default="3x8")
    shifts: Mapped[list] = mapped_column(JSON, default=list)
    staff_per_shift: Mapped[int] = mapped_column(Integer, default=3)
    require: Mapped[dict] = mapped_column(JSON, default=dict)
    notes: Mapped[str] = mapped_column(Text, default="")
    hotline: Mapped[str] = mapped_column(String(40), default="", server_default="")


class Staff(SyncMixin, Base):
    """A person who can be put on duty, with personal limits on top of the commune's rules.

    ``max_shifts_per_week`` (None: the commune's rule) and ``no_nights`` are personal limits
    (an older official, a nursing mother). ``active`` False: no longer on the roster, kept
    for the history of past rosters.
    """

    __tablename__ = "roster_staff"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    unit: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    max_shifts_per_week: Mapped[int | None] = mapped_column(Integer, nullable=True)
    no_nights: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    # soft wishes: {"days"|"nights"|"weekends": "ask"|"avoid"}, see WISH_KINDS
    wishes: Mapped[dict] = mapped_column(JSON, default=dict, server_default="{}")


class StaffRole(SyncMixin, Base):
    """One role a person holds (``police``, ``militia``, ``health``...; see ``ROLE_LABELS``)."""

    __tablename__ = "roster_staff_role"
    __table_args__ = (UniqueConstraint("staff_id", "role"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("roster_staff.id"), index=True)
    role: Mapped[str] = mapped_column(String(40))


class Unavailability(SyncMixin, Base):
    """A time a person cannot work: ``starts`` inclusive, ``ends`` exclusive (None: open-ended).

    ``reason`` is a key of :data:`UNAVAILABLE_REASONS`. Sickness and quarantine are health
    data: they are shown to the user, never written to logs or error messages.
    """

    __tablename__ = "roster_unavailability"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("roster_staff.id"), index=True)
    reason: Mapped[str] = mapped_column(String(20), default="leave")
    starts: Mapped[datetime] = mapped_column(DateTime)
    ends: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")


class RosterRules(SyncMixin, Base):
    """The commune's rostering rules: one row (id 1); defaults when it is missing."""

    __tablename__ = "roster_rules"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    min_rest_hours: Mapped[float] = mapped_column(Float, default=16.0)
    max_shifts_per_week: Mapped[int] = mapped_column(Integer, default=6)
    max_consecutive_nights: Mapped[int] = mapped_column(Integer, default=2)


class Assignment(SyncMixin, Base):
    """One person on one shift (``shift`` is an id of the site's shift list) on one day.

    ``locked``: fixed by hand, kept by every re-plan. ``is_leader``: the shift leader
    (trưởng ca), who marks attendance.
    """

    __tablename__ = "roster_assignment"
    __table_args__ = (UniqueConstraint("site_id", "day", "shift", "staff_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("roster_site.id"), index=True)
    day: Mapped[date] = mapped_column(Date, index=True)
    shift: Mapped[str] = mapped_column(String(20))
    staff_id: Mapped[int] = mapped_column(ForeignKey("roster_staff.id"), index=True)
    locked: Mapped[bool] = mapped_column(Boolean, default=False)
    is_leader: Mapped[bool] = mapped_column(Boolean, default=False)


class Attendance(SyncMixin, Base):
    """What the shift leader marked for one assignment: present, absent, or replaced by someone.

    ``replaced_by_id`` is the person who worked the shift instead (status ``replaced``).
    """

    __tablename__ = "roster_attendance"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    assignment_id: Mapped[int] = mapped_column(ForeignKey("roster_assignment.id"), unique=True)
    status: Mapped[str] = mapped_column(String(20))
    replaced_by_id: Mapped[int | None] = mapped_column(ForeignKey("roster_staff.id"), nullable=True)
    marked_by: Mapped[str] = mapped_column(String(120), default="")
    marked_at: Mapped[datetime] = mapped_column(UTCDateTime())
    note: Mapped[str] = mapped_column(Text, default="")
