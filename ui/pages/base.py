"""What every page of the main window shares: a title, and retranslation on language change."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class Page(QWidget):
    """A page: subclasses build their widgets, then implement ``retranslate`` and ``refresh``."""

    key = ""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.outer = QVBoxLayout(self)
        self.outer.setContentsMargins(24, 18, 24, 18)
        self.title_label = QLabel()
        font = QFont(self.title_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.title_label.setFont(font)
        self.title_label.setObjectName("pageTitle")
        self.outer.addWidget(self.title_label)

    def retranslate(self) -> None:
        """Set every visible text again (called at start and on language change)."""

    def refresh(self) -> None:
        """Reload what the page shows from the database (called when the page is shown)."""

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
