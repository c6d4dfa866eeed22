"""Keeping the data safe while the window is open: automatic backups and the idle lock.

- :class:`AutoBackup` backs up every 30 minutes when something changed (through the operation
  runner, so the window never freezes) and once more when the window closes.
- :class:`IdleLock` watches for keyboard and mouse use; after the idle minutes set in
  Settings it hides the window's content, covers every open dialog, and asks for the
  password again.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QVBoxLayout, QWidget

from fieldapp.backup import AUTO_INTERVAL, backup_now, changed_since_last_backup, prune
from fieldapp.config import Paths
from fieldapp.errors import UserError
from fieldapp.progress import Progress
from ui.errors import show_error
from ui.operations import CollectionOp, running_operations


class _BackupProgress(Progress):
    """Forwards the backup's steps to the operation's progress (callable, as backup_now
    once took a plain function)."""

    def __init__(self, outer: Progress) -> None:
        super().__init__()
        self._outer = outer

    def update(self, done: int, total: int | None = None, label: str | None = None) -> None:
        self._outer.update(done, total, label)

    def check(self) -> None:
        self._outer.check()

    def __call__(self, done: int, total: int | None = None) -> None:
        self.update(done, total)


def run_backup(
    paths: Paths,
    target: Path | None,
    parent: QWidget | None,
    *,
    on_done: Callable[[str, str], None] | None = None,
    show_progress: bool = True,
) -> CollectionOp:
    """Back up through the operation runner (in the write queue, off the GUI thread).

    ``on_done(file, error)`` runs on the GUI thread; ``error`` is the Vietnamese reason of a
    refused backup. A bug goes to the error sink.
    """

    def work(progress: Progress) -> Path:
        made = backup_now(paths, target, progress=_BackupProgress(progress))
        if target is None:
            prune(paths)
        return made

    def failed(exc: BaseException) -> None:
        if isinstance(exc, UserError) and on_done is not None:
            on_done("", str(exc))
        else:
            show_error(parent, exc)

    op = CollectionOp(parent, work).failure(failed)
    if on_done is not None:
        op.success(lambda made: on_done(str(made), ""))
    if show_progress:
        op.with_progress(
            QApplication.translate("Safety", "Backing up the data…"), cancellable=False
        )
    op.run_in_background()
    return op


class AutoBackup(QObject):
    """Every :data:`AUTO_INTERVAL` with changes, and at close."""

    finished = Signal(str, str)

    def __init__(self, paths: Paths, parent: QWidget) -> None:
        super().__init__(parent)
        self.paths = paths
        self.window = parent
        self.running: CollectionOp | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(int(AUTO_INTERVAL.total_seconds() * 1000))
        self.timer.timeout.connect(self.tick)
        self.timer.start()

    def _busy(self) -> bool:
        return self.running is not None and self.running in running_operations()

    def tick(self) -> None:
        if self._busy():
            return
        if changed_since_last_backup(self.paths):
            self.running = run_backup(
                self.paths, None, self.window, on_done=self.finished.emit, show_progress=False
            )

    def at_close(self, then: Callable[[], None]) -> bool:
        """Back up once more if something changed, then call ``then()`` (the window closes).

        False when there was nothing to do (``then`` is not called): close at once.
        """
        self.timer.stop()
        if not changed_since_last_backup(self.paths) and not self._busy():
            return False

        def done(_file: str, _error: str) -> None:
            then()

        run_backup(self.paths, None, self.window, on_done=done)
        return True


class IdleLock(QObject):
    """Calls ``lock()`` after ``minutes`` without keyboard or mouse use (0: never)."""

    INPUT_EVENTS = frozenset(
        {
            QEvent.Type.KeyPress,
            QEvent.Type.MouseButtonPress,
            QEvent.Type.MouseMove,
            QEvent.Type.Wheel,
        }
    )

    def __init__(self, minutes: float, lock: Callable[[], None], parent: QObject) -> None:
        super().__init__(parent)
        self._lock = lock
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._fire)
        self.locked = False
        self.set_minutes(minutes)
        QApplication.instance().installEventFilter(self)

    def set_minutes(self, minutes: float) -> None:
        self.minutes = max(0.0, float(minutes))
        self.timer.stop()
        if self.minutes:
            self.timer.start(self._interval())

    def _interval(self) -> int:
        return max(1, round(self.minutes * 60_000))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt naming
        if not self.locked and event.type() in self.INPUT_EVENTS and self.minutes:
            self.timer.start(self._interval())
        return False

    def _fire(self) -> None:
        if self.locked:
            return
        self.locked = True
        try:
            self._lock()
        finally:
            self.locked = False
            if self.minutes:
                self.timer.start(self._interval())

    def stop(self) -> None:
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)


class LockCover(QWidget):
    """An opaque sheet over one window's content while the app is locked."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("lockCover")
        self.setAutoFillBackground(True)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet("#lockCover { background: palette(window); }")
        layout = QVBoxLayout(self)
        label = QLabel(QApplication.translate("Safety", "Locked — sign in to go on."))
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(label)
        self.setGeometry(window.rect())
        window.installEventFilter(self)
        self.raise_()
        self.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.Resize and isinstance(watched, QWidget):
            self.setGeometry(watched.rect())
            self.raise_()
        return False


def cover_windows(exclude: QWidget | None = None) -> list[LockCover]:
    """Cover the content of every open dialog (their state stays, nothing is closed)."""
    from ui.dialogs import open_dialogs

    return [LockCover(w) for w in open_dialogs() if w is not exclude]


def uncover(covers: list[LockCover]) -> None:
    for cover in covers:
        if shiboken6.isValid(cover):
            cover.hide()
            cover.deleteLater()


def ask_sign_in(db, parent: QWidget | None, *, locked: bool = False) -> bool:
    """The sign-in dialog until success; False if the person gives up."""
    from ui.accounts import SignInDialog

    username = db.actor.username if (locked and db.actor) else ""
    dialog = SignInDialog(db, parent, username=username, locked=locked)
    return dialog.exec() == QDialog.DialogCode.Accepted
