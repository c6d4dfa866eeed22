"""Database table of the follow-up register: one row per check of a person's vital signs.

A check belongs to a :class:`~fieldapp.households.models.HouseholdMember`. Whether it showed a
danger sign is computed when it is recorded (with the thresholds in force then) and kept, with
the signs found, so the list of danger signs never changes when Settings change later. The
action taken (called the health station, moved to a facility) is recorded on the same row.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Boolean, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from fieldapp.db.base import Base, SyncMixin, UTCDateTime


class FollowUpCheck(SyncMixin, Base):
    """One check (temperature, SpO2, pulse, breathing, symptoms) of a person under follow-up."""

    __tablename__ = "followup_check"
    __table_args__ = (Index("ix_followup_check_member_time", "member_id", "checked_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("household_member.id", ondelete="CASCADE"))
    checked_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    temperature: Mapped[float | None] = mapped_column(Float, nullable=True)
    spo2: Mapped[int | None] = mapped_column(Integer, nullable=True)
    pulse: Mapped[int | None] = mapped_column(Integer, nullable=True)
    breath_rate: Mapped[int | None] = mapped_column(Integer, nullable=True)
    symptoms: Mapped[list] = mapped_column(JSON, default=list)  # keys of signs.SYMPTOMS
    note: Mapped[str] = mapped_column(Text, default="")
    # Who checked: the signed-in user, or the household member who reported by phone.
    checked_by: Mapped[str] = mapped_column(String(120), default="")
    by_phone: Mapped[bool] = mapped_column(Boolean, default=False)
    danger: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    danger_signs: Mapped[list] = mapped_column(JSON, default=list)  # keys of signs.DANGER_SIGNS
    action: Mapped[str] = mapped_column(String(20), default="")  # keys of signs.ACTIONS
    action_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    action_by: Mapped[str] = mapped_column(String(120), default="")
    action_note: Mapped[str] = mapped_column(Text, default="")
