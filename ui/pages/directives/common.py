"""What the directive widgets share: status names and colours, urgency colours.

Refusals go to the window's one error sink, :func:`ui.errors.show_error`."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor

from fieldapp.directives.models import (
    STATUS_DONE,
    STATUS_IN_PROGRESS,
    STATUS_NEW,
    STATUS_REPORTED,
)

STATUS_ORDER = (STATUS_NEW, STATUS_IN_PROGRESS, STATUS_DONE, STATUS_REPORTED)
_STATUS_NAMES = {
    STATUS_NEW: QT_TRANSLATE_NOOP("DirectiveStatus", "New"),
    STATUS_IN_PROGRESS: QT_TRANSLATE_NOOP("DirectiveStatus", "In progress"),
    STATUS_DONE: QT_TRANSLATE_NOOP("DirectiveStatus", "Done"),
    STATUS_REPORTED: QT_TRANSLATE_NOOP("DirectiveStatus", "Reported"),
}
STATUS_COLORS = {
    STATUS_NEW: QColor("#5b6b7a"),
    STATUS_IN_PROGRESS: QColor("#1f5fa8"),
    STATUS_DONE: QColor("#2e7d32"),
    STATUS_REPORTED: QColor("#6a4c93"),
}
OVERDUE_BACKGROUND = QColor("#fbdcd8")
URGENT_BACKGROUND = QColor("#ffecd2")
TODAY_BACKGROUND = QColor("#fff6cc")
DANGER = QColor("#b00020")
URGENCY_COLORS = {
    "Hỏa tốc": QColor("#b00020"),
    "Thượng khẩn": QColor("#c0461b"),
    "Khẩn": QColor("#a86400"),
}
MISSING_BACKGROUND = "#fff3b0"


def status_name(code: str) -> str:
    return QCoreApplication.translate("DirectiveStatus", _STATUS_NAMES.get(code, code))


def next_status(code: str) -> str:
    """The status after ``code`` in the usual order (reported goes back to new)."""
    index = STATUS_ORDER.index(code) if code in STATUS_ORDER else -1
    return STATUS_ORDER[(index + 1) % len(STATUS_ORDER)]
