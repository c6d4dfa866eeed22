"""Today's daily quick report against the hour the level above expects it.

The profile holds that hour (``report_hour``, e.g. "16:00"). :func:`daily_report_state` says
whether today's daily report has been issued, whether it has left in a package for the level
above (a package to ``district`` written after it was issued), and whether it is time to
remind: from :data:`REMIND_BEFORE` before the hour until it is sent.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from fieldapp.printing.numbers import document_number

if TYPE_CHECKING:  # the state itself loads without SQLAlchemy (the overview at start-up)
    from fieldapp.db.database import Database

REMIND_BEFORE = timedelta(hours=2)
DESTINATION = "district"


@dataclass(frozen=True)
class DailyReportState:
    day: date
    due_at: datetime  # local, naive
    number_text: str  # "12/BC-UBND" once issued, "" before
    issued_at: datetime | None
    sent_at: datetime | None  # the package that carried it (UTC)

    @property
    def issued(self) -> bool:
        return self.issued_at is not None

    @property
    def sent(self) -> bool:
        return self.sent_at is not None

    def minutes_left(self, now: datetime) -> int:
        return int((self.due_at - now).total_seconds() // 60)

    def late(self, now: datetime) -> bool:
        return not self.sent and now >= self.due_at

    def remind(self, now: datetime) -> bool:
        """Time to remind: close to the hour (or past it) and not sent yet."""
        return not self.sent and now >= self.due_at - REMIND_BEFORE

    def to_json(self, now: datetime) -> dict:
        return {
            "day": self.day.isoformat(),
            "due_at": self.due_at.strftime("%H:%M"),
            "number": self.number_text or None,
            "issued": self.issued,
            "issued_at": self.issued_at.isoformat() if self.issued_at else None,
            "sent": self.sent,
            "sent_at": self.sent_at.isoformat() if self.sent_at else None,
            "remind": self.remind(now),
            "late": self.late(now),
        }


def daily_report_state(db: Database, now: datetime | None = None) -> DailyReportState:
    """Where today's daily report stands (``now`` local, naive; default: now)."""
    from sqlalchemy import select

    from fieldapp.profile import load_profile
    from fieldapp.reports.models import STATUS_ISSUED, IssuedReport
    from fieldapp.sync.models import ExportMark

    now = now or datetime.now()
    day = now.date()
    profile = load_profile(db)
    hour = profile.report_hour if profile is not None else "16:00"
    hh, mm = (int(x) for x in (hour or "16:00").split(":"))
    due_at = datetime.combine(day, time(hh, mm))
    with db.session() as s:
        report = s.scalars(
            select(IssuedReport)
            .where(
                IssuedReport.kind == "daily",
                IssuedReport.period_end == day,
                IssuedReport.status == STATUS_ISSUED,
            )
            .order_by(IssuedReport.issued_at.desc())
        ).first()
        mark = s.get(ExportMark, DESTINATION)
        number = document_number(report.number, report.symbol) if report is not None else ""
        issued_at = report.issued_at if report is not None else None
        sent_at = None
        if issued_at is not None and mark is not None and mark.until is not None:
            if mark.until >= report.updated_at:
                sent_at = mark.until
    return DailyReportState(day, due_at, number, issued_at, sent_at)
