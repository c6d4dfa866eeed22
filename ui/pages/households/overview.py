"""What the households register adds to the overview page: households in lockdown, F0, F1."""

from __future__ import annotations

from fieldapp.db.database import Database
from fieldapp.households.overview import lockdown_counts
from ui.pages.overview import Card


class LockdownCard(Card):
    """Households in the lockdown areas in force, with their F0 and F1."""

    def __init__(self, db: Database, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.db = db
        self.counts = None
        self.refresh()

    def refresh(self) -> None:
        self.counts = lockdown_counts(self.db)
        self.retranslate()

    def retranslate(self) -> None:
        c = self.counts
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


def overview_card(db: Database) -> LockdownCard:
    return LockdownCard(db)
