"""Undo for the households page: each command calls core service functions both ways.

The first action is done by the caller (so that a mistake shows its message and nothing is
pushed); the command is then pushed already done, and ``redo`` runs only after an undo.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QApplication, QMessageBox

from fieldapp.errors import UserError


class ServiceCommand(QUndoCommand):
    """An action already done, with the service calls that undo and redo it."""

    def __init__(
        self,
        text: str,
        undo: Callable[[], None],
        redo: Callable[[], None],
        changed: Callable[[], None],
    ) -> None:
        super().__init__(text)
        self._undo = undo
        self._redo = redo
        self._changed = changed
        self._done = True

    def redo(self) -> None:
        if self._done:
            return  # the caller did it before pushing
        self._run(self._redo)
        self._done = True

    def undo(self) -> None:
        self._run(self._undo)
        self._done = False

    def _run(self, action: Callable[[], None]) -> None:
        try:
            action()
        except UserError as err:
            QMessageBox.warning(QApplication.activeWindow(), "fieldapp", str(err))
        self._changed()


def run_and_push(
    stack,
    text: str,
    do: Callable[[], object],
    undo: Callable[[object], None],
    redo: Callable[[object], object] | None = None,
    changed: Callable[[], None] = lambda: None,
    parent=None,
) -> object | None:
    """Do ``do()``; on success push a command that undoes it with ``undo(result)``.

    ``redo(result)`` repeats it after an undo and returns the new result (an id may change);
    without it, ``do`` is repeated. A :class:`UserError` is shown and nothing is pushed.
    """
    try:
        result = do()
    except UserError as err:
        QMessageBox.warning(parent or QApplication.activeWindow(), "fieldapp", str(err))
        return None
    state = {"result": result}

    def _undo() -> None:
        undo(state["result"])

    def _redo() -> None:
        state["result"] = redo(state["result"]) if redo else do()

    stack.push(ServiceCommand(text, _undo, _redo, changed))
    changed()
    return result
