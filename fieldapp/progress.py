"""Progress and cancellation for long work, with no Qt: the CLI passes a printer or nothing,
the window's operation runner (``ui/operations.py``) passes one that feeds a progress dialog.

A core function that can take long takes ``progress: Progress | None = None`` and calls
``progress.update(done, total)`` now and then; ``update`` raises :class:`Cancelled` once the
user has pressed cancel, so the function's transaction rolls back and nothing is written.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from fieldapp.errors import Cancelled


class Progress:
    """Reports how far work has come; cancellable from another thread."""

    def __init__(self, on_update: Callable[[int, int | None, str], None] | None = None) -> None:
        self._on_update = on_update
        self._cancel = threading.Event()
        self.done = 0
        self.total: int | None = None
        self.label = ""

    def update(self, done: int, total: int | None = None, label: str | None = None) -> None:
        """Record progress; raise :class:`Cancelled` if cancel was asked for."""
        self.done = done
        if total is not None:
            self.total = total
        if label is not None:
            self.label = label
        if self._on_update is not None:
            self._on_update(self.done, self.total, self.label)
        self.check()

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()


def report(
    progress: Progress | None, done: int, total: int | None = None, label: str | None = None
) -> None:
    """``progress.update(...)`` when there is a progress to report to."""
    if progress is not None:
        progress.update(done, total, label)
