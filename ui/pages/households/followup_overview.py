"""The follow-up's alert at the top of the overview: danger signs nobody has acted on yet.

Hidden when there are none. For roles that do not see health data it gives the number only;
"Open the follow-up" goes to the households page's follow-up tab.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

if TYPE_CHECKING:  # the alert paints at start-up before SQLAlchemy is loaded (issue 17)
    from fieldapp.db.database import Database
    from fieldapp.overview_figures import OverviewFigures


class DangerAlert(QFrame):
    """A red line: "2 danger signs not acted on: Lộc Thị Chi (low SpO2) 17:07, …"."""

    def __init__(self, db: Database | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dangerAlert")
        self.setStyleSheet(
            "#dangerAlert { background: #fde7ea; border: 1px solid #b00020; border-radius: 4px; }"
            " #dangerAlert QLabel { color: #b00020; font-weight: bold; }"
        )
        self.db = db
        layout = QHBoxLayout(self)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.open_button = QPushButton()
        self.open_button.clicked.connect(self._on_open)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.open_button)
        self.count = 0
        self.people: list[str] = []
        if db is None:
            self.setVisible(False)
        else:
            self.refresh()

    def show_figures(self, figures: OverviewFigures) -> None:
        """The number first; the names (through the gate) come with the database."""
        self.count, self.people = figures.danger, []
        self.setVisible(self.count > 0)
        self.retranslate()

    def refresh(self) -> None:
        from fieldapp.health.followup import open_danger
        from ui.pages.overview import import_overview_module

        # Without the households page's package (openpyxl): see import_overview_module.
        sign_name = import_overview_module("ui.pages.households.followup").sign_name

        found = open_danger(self.db, datetime.now().astimezone())
        self.count = len(found)
        self.people = [
            f"{name} ({', '.join(sign_name(s) for s in check.danger_signs)}) "
            f"{check.checked_at.astimezone():%H:%M}"
            for name, check in found
            if name
        ]
        self.setVisible(self.count > 0)
        self.retranslate()

    def retranslate(self) -> None:
        text = self.tr("{n} danger signs in the last 24 hours not acted on yet").format(
            n=self.count
        )
        if self.people:
            text += ": " + "; ".join(self.people[:4]) + ("…" if len(self.people) > 4 else "")
        self.text.setText(text)
        self.open_button.setText(self.tr("Open the follow-up"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _on_open(self) -> None:
        window = self.window()
        show = getattr(window, "show_page", None)
        if show is None:
            return
        show("households")
        try:
            page = window.pages["households"]
        except (AttributeError, KeyError):
            return
        if hasattr(page, "tabs"):
            page.tabs.setCurrentIndex(2)


def overview_alert(db: Database | None) -> DangerAlert:
    return DangerAlert(db)
