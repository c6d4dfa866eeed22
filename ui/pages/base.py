"""What every page of the main window shares: a title, and retranslation on language change
(of the page and of every part of it that has a ``retranslate``)."""

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
            retranslate_children(self)
            if self.isVisible():  # tables fill their cells in the language of the moment
                self.refresh()  # hidden pages refresh when they are shown next
        super().changeEvent(event)


def _handles_language_change(widget: QWidget) -> bool:
    """True when the widget's own class reacts to LanguageChange (overrides changeEvent)."""
    for cls in type(widget).__mro__:
        if cls.__module__.startswith(("PySide6", "shiboken6")):
            return False
        if "changeEvent" in cls.__dict__:
            return True
    return False


def retranslate_children(root: QWidget) -> None:
    """Retranslate every part of ``root`` that has a ``retranslate()`` but does not listen for
    the language change itself (boxes, panels, tabs), so a switch applies everywhere at once."""
    for child in root.findChildren(QWidget):
        method = getattr(child, "retranslate", None)
        if callable(method) and not isinstance(child, Page) and not _handles_language_change(child):
            method()
