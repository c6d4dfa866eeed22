"""What the rosters register adds to the overview page: today's duty shifts and the unfilled."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from ui.pages.overview import Card

if TYPE_CHECKING:  # the card paints at start-up before SQLAlchemy is loaded (issue 17)
    from fieldapp.db.database import Database
    from fieldapp.overview_figures import OverviewFigures, RosterToday
    from fieldapp.rostering.views import DaySummary


class RosterCard(Card):
    """ "12 duty shifts today" and how many of them are not filled."""

    def __init__(self, db: Database | None, parent=None) -> None:
        super().__init__(parent)
        self.db = db
        self.summary: DaySummary | RosterToday | None = None
        self.retranslate()

    def refresh(self) -> None:
        from fieldapp.rostering.views import day_summary

        self.summary = day_summary(self.db, date.today())
        self.retranslate()

    def show_figures(self, figures: OverviewFigures) -> None:
        self.summary = figures.roster
        self.retranslate()

    def retranslate(self) -> None:
        s = self.summary
        self.value.setText("–" if s is None else str(s.shifts))
        if s is None:
            self.caption.setText(self.tr("duty shifts today"))
        elif not s.shifts:  # computed from the data: nothing planned is not "all filled"
            self.caption.setText(self.tr("duty shifts today: none planned yet"))
        elif s.unfilled:
            self.caption.setText(
                self.tr("duty shifts today, {n} not filled ({m} people missing)").format(
                    n=s.unfilled, m=s.missing
                )
            )
        else:
            self.caption.setText(self.tr("duty shifts today, all filled"))

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt naming
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def overview_card(db: Database | None) -> RosterCard:
    return RosterCard(db)
