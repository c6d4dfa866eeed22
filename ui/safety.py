"""Keeping the data safe while the window is open: automatic backups and the idle lock.

- :class:`AutoBackup` backs up every 30 minutes when something changed (in a worker thread,
  so the window never freezes) and once more when the window closes.
- :class:`IdleLock` watches for keyboard and mouse use; after the idle minutes set in
  Settings it hides the window's content and asks for the password again.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QThread, QTimer, Signal
from PySide6.QtWidgets import QApplication, QDialog, QProgressDialog, QWidget

from fieldapp.backup import AUTO_INTERVAL, backup_now, changed_since_last_backup, prune
from fieldapp.config import Paths
from fieldapp.errors import UserError


class _BackupThread(QThread):
    progressed = Signal(int, int)
    done = Signal(str, str)  # (file, error message)

    def __init__(self, paths: Paths, target: Path | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.paths = paths
        self.target = target

    def run(self) -> None:  # noqa: D102 - QThread
        try:
            made = backup_now(
                self.paths, self.target, progress=lambda d, t: self.progressed.emit(d, t)
            )
            if self.target is None:
                prune(self.paths)
            self.done.emit(str(made), "")
        except UserError as err:
            self.done.emit("", str(err))


def run_backup(
    paths: Paths,
    target: Path | None,
    parent: QWidget | None,
    *,
    wait: bool,
    on_done: Callable[[str, str], None] | None = None,
) -> _BackupThread:
    """Back up in a worker thread; with ``wait`` a progress dialog is shown until it ends."""
    thread = _BackupThread(paths, target, parent)
    if on_done is not None:
        thread.done.connect(on_done)
    if wait:
        dialog = QProgressDialog(
            QApplication.translate("Safety", "Backing up the data…"), "", 0, 100, parent
        )
        dialog.setCancelButton(None)
        dialog.setMinimumDuration(300)
        dialog.setWindowTitle("fieldapp")
        thread.progressed.connect(
            lambda done, total: dialog.setValue(int(100 * done / total) if total else 100)
        )
        thread.finished.connect(dialog.reset)
        thread.start()
        while not thread.wait(20):
            QApplication.processEvents()
        QApplication.processEvents()  # deliver the done signal before returning
        dialog.deleteLater()
    else:
        thread.start()
    return thread


class AutoBackup(QObject):
    """Every :data:`AUTO_INTERVAL` with changes, and at close."""

    finished = Signal(str, str)

    def __init__(self, paths: Paths, parent: QWidget) -> None:
        super().__init__(parent)
        self.paths = paths
        self.window = parent
        self.running: _BackupThread | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(int(AUTO_INTERVAL.total_seconds() * 1000))
        self.timer.timeout.connect(self.tick)
        self.timer.start()

    def tick(self) -> None:
        if self.running is not None and self.running.isRunning():
            return
        if changed_since_last_backup(self.paths):
            self.running = run_backup(
                self.paths, None, self.window, wait=False, on_done=self.finished.emit
            )

    def at_close(self) -> None:
        self.timer.stop()
        if self.running is not None:
            self.running.wait()
        if changed_since_last_backup(self.paths):
            run_backup(self.paths, None, self.window, wait=True, on_done=self.finished.emit)


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


def ask_sign_in(db, parent: QWidget | None, *, locked: bool = False) -> bool:
    """The sign-in dialog until success; False if the person gives up."""
    from ui.accounts import SignInDialog

    username = db.actor.username if (locked and db.actor) else ""
    dialog = SignInDialog(db, parent, username=username, locked=locked)
    return dialog.exec() == QDialog.DialogCode.Accepted
