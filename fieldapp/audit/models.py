"""The audit table: one row per created, changed or deleted record."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from fieldapp.db.base import Base, UTCDateTime


class AuditEntry(Base):
    """``before``/``after`` are JSON objects of the changed columns (all columns on create and
    delete); ``hash`` is SHA-256 over the previous entry's hash and this entry's content."""

    __tablename__ = "audit_entry"
    __table_args__ = (Index("ix_audit_entry_table_name_record", "table_name", "record"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    actor: Mapped[str] = mapped_column(String(60), default="")
    device_id: Mapped[str] = mapped_column(String(36), default="")
    action: Mapped[str] = mapped_column(String(10))
    table_name: Mapped[str] = mapped_column(String(60))
    record: Mapped[str] = mapped_column(String(60))
    before: Mapped[str | None] = mapped_column(Text, nullable=True)
    after: Mapped[str | None] = mapped_column(Text, nullable=True)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
