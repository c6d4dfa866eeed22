"""Undo for the households page: each command calls core service functions both ways
(through the window's one quick-change command, :class:`ui.operations.DoneCommand`).

The first action is done by the caller (so that a mistake shows its message and nothing is
pushed); the command is then pushed already done, and ``redo`` runs only after an undo.
"""

from __future__ import annotations

from collections.abc import Callable

from fieldapp.errors import UserError
from ui.errors import show_error
from ui.operations import DoneCommand

# The one quick-change undo command of the window (ui/operations.py); kept under this name.
ServiceCommand = DoneCommand


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
        show_error(parent, err)
        return None
    state = {"result": result}

    def _undo() -> None:
        undo(state["result"])

    def _redo() -> None:
        state["result"] = redo(state["result"]) if redo else do()

    stack.push(ServiceCommand(text, _undo, _redo, changed))
    changed()
    return result
