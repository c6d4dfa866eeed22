"""Tables of the sync machinery. None of them travel, except :class:`OfficeUnit` and
:class:`UnitRollup` (what a district tells the province)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Boolean, Date, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from fieldapp.db.base import Base, SyncMixin, UTCDateTime


class Tombstone(Base):
    """A travelling record that was deleted here: deletions travel as these."""

    __tablename__ = "sync_tombstone"

    uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    table_name: Mapped[str] = mapped_column(String(60))
    deleted_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    device_id: Mapped[str] = mapped_column(String(36))


class Peer(Base):
    """A sender whose key a person trusted (after comparing the fingerprint)."""

    __tablename__ = "sync_peer"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    fingerprint: Mapped[str] = mapped_column(String(80), unique=True)
    public_key: Mapped[str] = mapped_column(String(120))
    device_id: Mapped[str] = mapped_column(String(36), default="")
    commune: Mapped[str] = mapped_column(String(200), default="")
    trusted_at: Mapped[datetime] = mapped_column(UTCDateTime())
    last_sequence: Mapped[int] = mapped_column(Integer, default=0)
    last_package_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)


class DeviceKey(Base):
    """Which key a device id belongs to: bound by its first package (or by an administrator
    accepting a new key after comparing both fingerprints). Rows of that device are accepted
    only from that key (issue 15)."""

    __tablename__ = "sync_device_key"

    device_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    fingerprint: Mapped[str] = mapped_column(String(80), index=True)
    bound_at: Mapped[datetime] = mapped_column(UTCDateTime())


class ExportMark(Base):
    """How far the changes sent to one destination go."""

    __tablename__ = "sync_export_mark"

    destination: Mapped[str] = mapped_column(String(60), primary_key=True)
    sequence: Mapped[int] = mapped_column(Integer, default=0)
    until: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)


class ReceivedPackage(Base):
    """Every package applied here (a package seen twice is recognised by its hash)."""

    __tablename__ = "sync_received"
    __table_args__ = (UniqueConstraint("package_sha256", name="uq_sync_received_package_sha256"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    package_sha256: Mapped[str] = mapped_column(String(64))
    fingerprint: Mapped[str] = mapped_column(String(80))
    device_id: Mapped[str] = mapped_column(String(36))
    sequence: Mapped[int] = mapped_column(Integer)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime())
    rows: Mapped[int] = mapped_column(Integer, default=0)


class Conflict(Base):
    """A version of a record that lost to another device's version (or was edited after the
    record was deleted elsewhere); a person reviews it.

    For each record the list holds, per device other than the winner's, the newest losing
    version seen: that set depends only on which versions arrived, not on their order.
    """

    __tablename__ = "sync_conflict"
    __table_args__ = (
        UniqueConstraint("record_uuid", "other_hash", name="uq_sync_conflict_record_uuid"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    table_name: Mapped[str] = mapped_column(String(60))
    record_uuid: Mapped[str] = mapped_column(String(36), index=True)
    reason: Mapped[str] = mapped_column(String(40))
    kept: Mapped[str | None] = mapped_column(Text, nullable=True)
    other: Mapped[str] = mapped_column(Text)
    other_hash: Mapped[str] = mapped_column(String(64))
    other_device: Mapped[str] = mapped_column(String(36), default="")
    other_at: Mapped[datetime] = mapped_column(UTCDateTime())
    found_at: Mapped[datetime] = mapped_column(UTCDateTime())
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    resolved_by: Mapped[str] = mapped_column(String(60), default="")
    resolution: Mapped[str] = mapped_column(String(20), default="")


class OfficeUnit(SyncMixin, Base):
    """A unit below this office whose reports come here: a commune under a district, or a
    district under a province (``parent`` is the office it reports to, "huyện Tuy Đức").

    ``expected``: lateness and completeness are counted over the expected units only.
    ``devices``: the sending devices known for it; the row travels upward, so the province
    knows which communes' records a district's package carries.
    """

    __tablename__ = "office_unit"
    __table_args__ = (UniqueConstraint("parent", "name_fold", name="uq_office_unit_parent"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    name_fold: Mapped[str] = mapped_column(String(200))
    parent: Mapped[str] = mapped_column(String(200), default="")
    expected: Mapped[bool] = mapped_column(Boolean, default=True)
    devices: Mapped[list] = mapped_column(JSON, default=list)


class UnitRollup(SyncMixin, Base):
    """A district's roll-up of one unit below it on one day (``figures``: the counted
    figures of :class:`fieldapp.sync.district.CommuneFigures`), sent to the province instead
    of the communes' records when the district's setting ``sync.upward`` is ``rollup``."""

    __tablename__ = "unit_rollup"
    __table_args__ = (UniqueConstraint("day", "parent", "unit", name="uq_unit_rollup_day"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    day: Mapped[date] = mapped_column(Date)
    unit: Mapped[str] = mapped_column(String(200))
    parent: Mapped[str] = mapped_column(String(200))
    figures: Mapped[dict] = mapped_column(JSON, default=dict)
