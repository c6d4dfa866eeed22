"""Shared pieces of the rosters page: the undo command of quick edits, small helpers.

Long work (making a roster, re-planning, printing) runs through :mod:`ui.operations`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QApplication, QWidget

from fieldapp.errors import UserError


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def show_error(parent: QWidget | None, message: str | BaseException) -> None:
    """Through the window's one error sink (:func:`ui.errors.show_error`)."""
    from ui import errors

    errors.show_error(parent, message if isinstance(message, BaseException) else UserError(message))


def run_service(parent: QWidget | None, action: Callable[[], object]) -> object | None:
    """Call a quick core service; a refused change shows its message (one sink), gives None."""
    try:
        return action()
    except UserError as err:
        show_error(parent, err)
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


class ServiceCommand(QUndoCommand):
    """A change already made by the caller, with the core calls that undo and redo it.

    The caller does the first action itself (so a refused change shows its message and nothing
    is pushed); ``redo`` runs only after an undo.
    """

    def __init__(
        self,
        text: str,
        undo: Callable[[], None],
        redo: Callable[[], None],
        changed: Callable[[], None],
    ) -> None:
        super().__init__(text)
        self._undo, self._redo, self._changed = undo, redo, changed
        self._done = True

    def redo(self) -> None:
        if self._done:
            return
        self._run(self._redo)
        self._done = True

    def undo(self) -> None:
        self._run(self._undo)
        self._done = False

    def _run(self, action: Callable[[], None]) -> None:
        try:
            action()
        except UserError as err:
            show_error(QApplication.activeWindow(), err)
        self._changed()


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
