"""The overview's reminder of today's daily report: due at the profile's hour, issued or not,
sent or not. Red from two hours before the hour until it has left in a package."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QTimer

from ui.pages.overview import Card

if TYPE_CHECKING:  # the card paints at start-up before SQLAlchemy is loaded (issue 17)
    from fieldapp.db.database import Database
    from fieldapp.overview_figures import OverviewFigures
    from fieldapp.reports.deadline import DailyReportState

CHECK_MS = 60_000  # the reminder follows the clock while the overview is open


class DailyReportCard(Card):
    def __init__(self, db: Database | None, parent=None, *, clock=datetime.now) -> None:
        super().__init__(parent)
        self.setObjectName("dailyReportCard")
        self.db = db
        self.clock = clock
        self.state: DailyReportState | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_MS)
        self._timer.timeout.connect(self.retranslate)
        self._timer.start()
        if db is not None:
            self.refresh()

    def refresh(self) -> None:
        from fieldapp.reports.deadline import daily_report_state

        self.state = daily_report_state(self.db, self.clock())
        self.retranslate()

    def show_figures(self, figures: OverviewFigures) -> None:
        self.state = figures.daily_report
        self.retranslate()

    def retranslate(self) -> None:
        state = self.state
        if state is None:
            return
        now = self.clock()
        self.value.setText(state.due_at.strftime("%H:%M"))
        if state.sent:
            text = self.tr(
                "Today's daily report No. {number} was issued and sent at {time}."
            ).format(number=state.number_text, time=state.sent_at.astimezone().strftime("%H:%M"))
        elif state.issued:
            text = self.tr(
                "Today's daily report No. {number} is issued but not sent yet: export a package."
            ).format(number=state.number_text)
        else:
            text = self.tr("Today's daily report is not issued yet.")
        if state.late(now):
            text += " " + self.tr("It was due at {time}.").format(
                time=state.due_at.strftime("%H:%M")
            )
        elif state.remind(now):
            left = state.minutes_left(now)
            text += " " + self.tr("Due in {hours} h {minutes} min.").format(
                hours=left // 60, minutes=left % 60
            )
        else:
            text += " " + self.tr("Due at {time}.").format(time=state.due_at.strftime("%H:%M"))
        self.caption.setText(text)
        alert = state.remind(now)
        self.setProperty("alert", alert)
        self.setStyleSheet("#dailyReportCard { border: 2px solid #c0392b; }" if alert else "")

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def overview_card(db: Database | None) -> DailyReportCard:
    return DailyReportCard(db)
