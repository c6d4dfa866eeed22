"""Database table of reports upward: drafts and issued (frozen) reports with their versions.

One row is one version of one report. A draft (``status`` ``draft``) holds the official's
edited text parts and may be rewritten. Issuing gives it the next number of its year
(``Số: 12/BC-UBND``), renders the PDF, keeps it in the document store and records its
checksum: from then on the row is never written again. A later change is a new row (a new
version, the same number) whose ``supersedes`` is the UUID of the version before.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from fieldapp.db.base import Base, SyncMixin, UTCDateTime

REPORT_KINDS = ("daily", "weekly", "directive")
STATUS_DRAFT = "draft"
STATUS_ISSUED = "issued"


class IssuedReport(SyncMixin, Base):
    """One version of a report (draft or issued), with its frozen PDF once issued."""

    __tablename__ = "issued_report"
    __table_args__ = (
        # Per issuing unit: at a district each commune's 01/BC-UBND is its own report.
        UniqueConstraint(
            "device_id", "year", "symbol", "number", "version", name="uq_issued_report_unit_number"
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), index=True)
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date, index=True)
    directive_id: Mapped[int | None] = mapped_column(
        ForeignKey("directive.id", ondelete="SET NULL"), nullable=True
    )
    directive_ref: Mapped[str] = mapped_column(String(120), default="")
    title: Mapped[str] = mapped_column(Text, default="")
    year: Mapped[int] = mapped_column(Integer)
    number: Mapped[int | None] = mapped_column(Integer, nullable=True)
    symbol: Mapped[str] = mapped_column(String(40), default="BC-UBND")
    version: Mapped[int] = mapped_column(Integer, default=1)
    status: Mapped[str] = mapped_column(String(10), default=STATUS_DRAFT, index=True)
    parts: Mapped[dict] = mapped_column(JSON, default=dict)
    figures: Mapped[dict] = mapped_column(JSON, default=dict)
    document_id: Mapped[int | None] = mapped_column(
        ForeignKey("document.id", ondelete="RESTRICT"), nullable=True
    )
    sha256: Mapped[str] = mapped_column(String(64), default="")
    pages: Mapped[int] = mapped_column(Integer, default=0)
    issued_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    issued_by: Mapped[str] = mapped_column(String(120), default="")
    supersedes: Mapped[str | None] = mapped_column(String(36), nullable=True)
