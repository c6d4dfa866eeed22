"""What the reports add to the overview page: today's key figures of the daily report."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent

from ui.pages.overview import Card

if TYPE_CHECKING:  # the card paints at start-up before SQLAlchemy is loaded (issue 17)
    from fieldapp.db.database import Database
    from fieldapp.overview_figures import Headline, OverviewFigures
    from fieldapp.reports.figures import DailyFigures


class TodayCard(Card):
    """F0/F1 in the lockdown areas, people through the checkpoints, items overdue: today."""

    def __init__(self, db: Database | None, parent=None) -> None:
        super().__init__(parent)
        self.db = db
        self.figures: DailyFigures | Headline | None = None
        if db is not None:
            self.refresh()

    def refresh(self) -> None:
        from fieldapp.reports.figures import headline_figures

        self.figures = headline_figures(self.db, date.today())
        self.retranslate()

    def show_figures(self, figures: OverviewFigures) -> None:
        self.figures = figures.headline
        self.retranslate()

    def retranslate(self) -> None:
        f = self.figures
        if f is None:
            return
        self.value.setText(f"{f.f0} / {f.f1}")
        self.caption.setText(
            self.tr(
                "F0 / F1 today ({f0_change:+d} / {f1_change:+d}) · {people} people through "
                "checkpoints · {overdue} directive items overdue"
            ).format(
                f0_change=f.f0_change,
                f1_change=f.f1_change,
                people=f.people_in,
                overdue=f.items_overdue,
            )
        )

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def overview_card(db: Database | None) -> TodayCard:
    return TodayCard(db)
