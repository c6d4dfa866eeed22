"""Database tables of the duty-roster register.

:class:`Site` is a place that is staffed around the clock (chốt kiểm soát, điểm cách ly,
cổng khu phong tỏa). The checkpoint log refers to it as well as the rosters do.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import JSON, Date, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from fieldapp.db.base import Base, SyncMixin

SITE_KINDS: dict[str, str] = {
    "checkpoint": "Chốt kiểm soát",
    "quarantine": "Điểm cách ly",
    "gate": "Cổng khu phong tỏa",
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
