"""Shared pieces of the rosters page: small helpers.

Quick edits are recorded with :func:`ui.operations.run_change`; long work (making a roster,
re-planning, printing) runs through :mod:`ui.operations` too. Refusals go to the one error
sink, :func:`ui.errors.show_error`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate
from PySide6.QtWidgets import QWidget

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
