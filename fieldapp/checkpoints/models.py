"""Database table of the checkpoint log: who and what arrived at a checkpoint, and when."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from fieldapp.db.base import Base, SyncMixin, UTCDateTime

DIRECTIONS: dict[str, str] = {"in": "Vào", "out": "Ra"}
"""Direction codes and their Vietnamese names (``in``: arriving into the commune)."""


class CheckpointEntry(SyncMixin, Base):
    """One line of a checkpoint's log: a person, or a vehicle with ``people_count`` aboard.

    ``arrived_at`` is stored in UTC (the window shows local time). ``vehicle_plate`` is
    normalised (``97A-123.45``); ``phone`` is 10 digits or empty. ``search_key`` holds the
    folded name and the plate without separators, for search without Python per row.
    """

    __tablename__ = "checkpoint_entry"
    __table_args__ = (
        Index("ix_checkpoint_entry_site_id", "site_id", "arrived_at"),
        Index("ix_checkpoint_entry_arrived_at", "arrived_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("roster_site.id"))
    arrived_at: Mapped[datetime] = mapped_column(UTCDateTime())
    direction: Mapped[str] = mapped_column(String(3), default="in")
    full_name: Mapped[str] = mapped_column(String(120))
    from_place: Mapped[str] = mapped_column(String(200), default="")
    to_place: Mapped[str] = mapped_column(String(200), default="")
    vehicle_plate: Mapped[str] = mapped_column(String(20), default="")
    vehicle_kind: Mapped[str] = mapped_column(String(40), default="")
    phone: Mapped[str] = mapped_column(String(15), default="")
    health_declared: Mapped[bool] = mapped_column(Boolean, default=False)
    temperature: Mapped[float | None] = mapped_column(Float, nullable=True)
    people_count: Mapped[int] = mapped_column(Integer, default=1)
    notes: Mapped[str] = mapped_column(Text, default="")
    recorded_by: Mapped[str] = mapped_column(String(120), default="")
    search_key: Mapped[str] = mapped_column(Text, default="")
