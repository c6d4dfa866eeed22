"""One dialog per record: a second open of the same record brings the first to the front.

Pages open a record's dialog through :func:`show_once` (window-modal, returns at once) or
:func:`exec_once` (waits for the answer). The key names the record, e.g.
``("household", 12)``. A dialog opened here is deleted when it closes, so no signal of a
long-lived object (an undo stack, a model) can reach its widgets afterwards.

:func:`open_dialogs` lists every dialog open now (the idle lock covers them all).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TypeVar

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QWidget

D = TypeVar("D", bound=QDialog)

_open: dict[Hashable, QDialog] = {}


def find(key: Hashable) -> QDialog | None:
    """The dialog open for ``key``, or None."""
    dialog = _open.get(key)
    if dialog is None or not shiboken6.isValid(dialog) or not dialog.isVisible():
        _open.pop(key, None)
        return None
    return dialog


def bring_to_front(widget: QWidget) -> None:
    if widget.isMinimized():
        widget.showNormal()
    widget.raise_()
    widget.activateWindow()


def _register(key: Hashable, dialog: QDialog) -> None:
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    _open[key] = dialog

    def forget(*_args: object) -> None:
        if _open.get(key) is dialog:
            del _open[key]

    dialog.finished.connect(forget)
    dialog.destroyed.connect(forget)


def show_once(key: Hashable, build: Callable[[], D]) -> D:
    """Open the dialog for ``key`` window-modally, or bring the open one to the front."""
    existing = find(key)
    if existing is not None:
        bring_to_front(existing)
        return existing  # type: ignore[return-value]
    dialog = build()
    _register(key, dialog)
    dialog.open()
    return dialog


def exec_once(key: Hashable, build: Callable[[], D]) -> tuple[D, int] | None:
    """Run the dialog for ``key`` and return it with its result; None when one was already
    open (it is brought to the front instead). Read the dialog before the next event turn:
    it is deleted once closed."""
    existing = find(key)
    if existing is not None:
        bring_to_front(existing)
        return None
    dialog = build()
    _register(key, dialog)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)  # read after exec
    result = dialog.exec()
    dialog.deleteLater()
    return dialog, result


def open_dialogs() -> list[QWidget]:
    """Every visible top-level window other than the main window (dialogs, message boxes)."""
    app = QApplication.instance()
    if app is None:
        return []
    return [
        w
        for w in app.topLevelWidgets()
        if w.isVisible() and isinstance(w, QDialog) and shiboken6.isValid(w)
    ]
