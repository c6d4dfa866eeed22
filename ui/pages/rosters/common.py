"""Shared pieces of the rosters page: small helpers.

Quick edits are recorded with :func:`ui.operations.run_change`; long work (making a roster,
re-planning, printing) runs through :mod:`ui.operations` too. Refusals go to the one error
sink, :func:`ui.errors.show_error`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QWidget

from fieldapp.errors import UserError
from ui import errors


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def run_service(parent: QWidget | None, action: Callable[[], object]) -> object | None:
    """Call a quick core service; a refused change shows its message (one sink), gives None."""
    try:
        return action()
    except UserError as err:
        errors.show_error(parent, err)
        return None


def fill_sites(combo: QComboBox, sites: Sequence, days: Sequence[date]) -> None:
    """Fill ``combo`` with ``sites`` (without signals), keeping the site chosen before; on
    first look, the first site open on one of ``days``, not a closed one's empty grid."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    for s in sites:
        combo.addItem(s.name, s.id)
    index = combo.findData(current) if current is not None else -1
    if index < 0:
        open_then = [i for i, s in enumerate(sites) if any(s.active_on(d) for d in days)]
        index = open_then[0] if open_then else 0
    combo.setCurrentIndex(index)
    combo.blockSignals(False)


def print_key(tab: QWidget, slot: Callable[[], object]) -> QShortcut:
    """Ctrl+P prints what the tab shows, as on the households and reports pages; only while
    the tab (or a widget in it) has the focus, so each tab prints its own."""
    shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Print), tab)
    shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    shortcut.activated.connect(slot)
    return shortcut


def masked_phone(db, phone: str) -> str:
    """The phone as the signed-in role may see it (masked unless the role needs it)."""
    if not phone:
        return ""
    try:
        from fieldapp.accounts.permissions import mask
    except ImportError:  # no accounts in this version: show as stored
        return phone
    return mask(phone, getattr(db, "actor", None))


WEEKDAYS = (
    QT_TRANSLATE_NOOP("Rosters", "Mon"),
    QT_TRANSLATE_NOOP("Rosters", "Tue"),
    QT_TRANSLATE_NOOP("Rosters", "Wed"),
    QT_TRANSLATE_NOOP("Rosters", "Thu"),
    QT_TRANSLATE_NOOP("Rosters", "Fri"),
    QT_TRANSLATE_NOOP("Rosters", "Sat"),
    QT_TRANSLATE_NOOP("Rosters", "Sun"),
)


def weekday_name(day: date) -> str:
    return QCoreApplication.translate("Rosters", WEEKDAYS[day.weekday()])


def short_date(day: date) -> str:
    return f"{day.day:02d}/{day.month:02d}"
