"""A page whose feature is not built yet: it says so plainly, and what it will hold."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QWidget

from ui.pages.base import Page


class PlaceholderPage(Page):
    def __init__(self, key: str, title: str, plan: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self._title = title  # untranslated sources, marked with QT_TRANSLATE_NOOP by the caller
        self._plan = plan
        self.notice = QLabel()
        self.notice.setObjectName("notBuilt")
        self.notice.setWordWrap(True)
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.plan_label = QLabel()
        self.plan_label.setWordWrap(True)
        self.outer.addWidget(self.notice)
        self.outer.addWidget(self.plan_label)
        self.outer.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.title_label.setText(QCoreApplication.translate("MainWindow", self._title))
        self.notice.setText(
            QCoreApplication.translate(
                "PlaceholderPage", "This page is not built yet. It will come in a later version."
            )
        )
        self.plan_label.setText(QCoreApplication.translate("PlaceholderPage", self._plan))


def placeholder_for(key: str) -> PlaceholderPage:
    """The "not built yet" page for one of the main window's pages."""
    from ui.main_window import PAGES

    label, plan = next((label, plan) for k, label, plan in PAGES if k == key)
    return PlaceholderPage(key, label, plan or "")
