"""The window's one error sink, and the global hooks that send every stray exception to it.

:func:`show_error` turns an exception into one Vietnamese message box, by its type (never by
the wording of its message):

- :class:`~fieldapp.errors.Cancelled` — nothing (the user asked for it);
- :class:`~fieldapp.errors.DamagedData` — the message, and the offer of the newest good backup;
- :class:`~fieldapp.errors.NotPermitted` — the message, titled as a permission matter;
- any other :class:`~fieldapp.errors.UserError` — its message;
- anything else is a bug: "Đã xảy ra lỗi…" and a crash report without personal data written
  into the data folder (:mod:`fieldapp.crash`).

:func:`install_hooks` routes ``sys.excepthook`` and ``threading.excepthook`` here, so nothing
fails silently; exceptions from worker threads are passed to the GUI thread by a signal.
"""

from __future__ import annotations

import sys
import threading
from pathlib import Path
from types import TracebackType

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from fieldapp.crash import write_crash_report
from fieldapp.errors import Cancelled, DamagedData, NotPermitted, UserError

# Where crash reports go (set by the app once it knows the data folder; None: not written).
_state: dict[str, object] = {"data_dir": None, "showing": False, "bridge": None}
# Tests replace this to see what would be shown, without a modal box.
_box_factory = None


def tr(text: str) -> str:
    return QCoreApplication.translate("Errors", text)


def set_data_dir(data_dir: Path | None) -> None:
    """Crash reports are written under ``data_dir/crash`` from now on."""
    _state["data_dir"] = Path(data_dir) if data_dir is not None else None


def show_error(parent: QWidget | None, exc: BaseException, *, context: str = "") -> None:
    """Show ``exc`` to the person in one Vietnamese message box (see the module docstring)."""
    if isinstance(exc, Cancelled):
        return
    if parent is not None and not shiboken6.isValid(parent):
        parent = None
    if parent is None:
        parent = QApplication.activeWindow()
    if isinstance(exc, DamagedData):
        _show_damaged(parent, exc)
        return
    if isinstance(exc, NotPermitted):
        _message(parent, QMessageBox.Icon.Warning, tr("Not permitted"), str(exc))
        return
    if isinstance(exc, UserError):
        _message(parent, QMessageBox.Icon.Warning, "fieldapp", str(exc))
        return
    report = write_crash_report(_state["data_dir"], exc, context=context)  # type: ignore[arg-type]
    detail = (
        tr("Details for the technician were saved (without personal data) in {file}.").format(
            file=report
        )
        if report is not None
        else tr("The details could not be saved.")
    )
    _message(
        parent,
        QMessageBox.Icon.Critical,
        "fieldapp",
        tr("An error occurred; the operation was not completed. Your data is unchanged."),
        detail,
    )


def _message(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    informative: str = "",
) -> None:
    if _box_factory is not None:
        _box_factory(icon, title, text, informative)
        return
    if QApplication.instance() is None:
        print(f"fieldapp: {text}", file=sys.stderr)
        return
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if informative:
        box.setInformativeText(informative)
    box.exec()


def _show_damaged(parent: QWidget | None, exc: DamagedData) -> None:
    """A damaged file: say so, and offer the newest good backup when there is one."""
    data_dir = _state["data_dir"]
    if data_dir is not None:
        from fieldapp.config import Paths
        from ui.app import offer_restore

        if offer_restore(Paths(data_dir), str(exc), parent):  # type: ignore[arg-type]
            _message(
                parent,
                QMessageBox.Icon.Information,
                "fieldapp",
                tr("The backup was put back. Please start fieldapp again."),
            )
            app = QApplication.instance()
            if app is not None:
                app.quit()
            return
    _message(parent, QMessageBox.Icon.Critical, "fieldapp", str(exc))


# --- global hooks -------------------------------------------------------------------------


class _Bridge(QObject):
    """Carries an exception from any thread to the GUI thread."""

    raised = Signal(object, str)

    def __init__(self) -> None:
        super().__init__()
        self.raised.connect(self._on_raised)

    @Slot(object, str)
    def _on_raised(self, exc: object, context: str) -> None:
        _report_unhandled(exc, context)  # type: ignore[arg-type]


def _report_unhandled(exc: BaseException, context: str) -> None:
    if _state["showing"]:  # an error while showing an error: write it, do not loop
        write_crash_report(_state["data_dir"], exc, context=context)  # type: ignore[arg-type]
        return
    _state["showing"] = True
    try:
        show_error(None, exc, context=context)
    finally:
        _state["showing"] = False


def _excepthook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, exc, tb)
        return
    if exc.__traceback__ is None:
        exc = exc.with_traceback(tb)
    bridge = _state["bridge"]
    if isinstance(bridge, _Bridge) and shiboken6.isValid(bridge):
        bridge.raised.emit(exc, "")
    else:
        write_crash_report(_state["data_dir"], exc, tb)  # type: ignore[arg-type]


def _thread_excepthook(args: threading.ExceptHookArgs) -> None:
    if args.exc_value is None or issubclass(args.exc_type, SystemExit):
        return
    name = args.thread.name if args.thread is not None else "thread"
    bridge = _state["bridge"]
    if isinstance(bridge, _Bridge) and shiboken6.isValid(bridge):
        bridge.raised.emit(args.exc_value, name)
    else:
        write_crash_report(_state["data_dir"], args.exc_value, args.exc_traceback, context=name)  # type: ignore[arg-type]


def install_hooks(data_dir: Path | None = None) -> None:
    """Send every unhandled exception (GUI thread or worker) to :func:`show_error`."""
    if data_dir is not None:
        set_data_dir(data_dir)
    if _state["bridge"] is None:
        _state["bridge"] = _Bridge()
    sys.excepthook = _excepthook
    threading.excepthook = _thread_excepthook


def uninstall_hooks() -> None:
    sys.excepthook = sys.__excepthook__
    threading.excepthook = threading.__excepthook__
