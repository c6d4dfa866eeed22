"""What the households register adds to the overview page: households in lockdown, F0, F1."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ui.pages.overview import Card

if TYPE_CHECKING:  # the card paints at start-up before SQLAlchemy is loaded (issue 17)
    from fieldapp.db.database import Database
    from fieldapp.overview_figures import OverviewFigures


class LockdownCard(Card):
    """Households in the lockdown areas in force, with their F0 and F1."""

    def __init__(self, db: Database | None, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.db = db
        self.counts = None
        if db is not None:
            self.refresh()

    def refresh(self) -> None:
        from fieldapp.households.queries import lockdown_counts

        self.counts = lockdown_counts(self.db)
        self.retranslate()

    def show_figures(self, figures: OverviewFigures) -> None:
        self.counts = figures.lockdown
        self.retranslate()

    def retranslate(self) -> None:
        c = self.counts
        if c is None:
            return
        self.value.setText(str(c.households))
        self.caption.setText(
            self.tr(
                "households in {areas} lockdown areas · {people} people · F0: {f0} · F1: {f1}"
            ).format(areas=c.areas_in_force, people=c.people, f0=c.f0, f1=c.f1)
        )

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt naming
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.LanguageChange and self.counts is not None:
            self.retranslate()
        super().changeEvent(event)


def overview_card(db: Database | None) -> LockdownCard:
    return LockdownCard(db)
