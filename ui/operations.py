"""The one way the window runs work off the GUI thread (modelled on Anki's aqt.operations).

- :class:`CollectionOp` — a write. Writes run one at a time, in the order they were asked for
  (a queue in the GUI thread), so two changes never race for the database. ``.undoable(...)``
  pushes a command on the page's undo stack once the write succeeded; undo and redo then run
  through the same queue.
- :class:`QueryOp` — a read that may take longer than a frame. Reads run side by side.

``op`` is ``Callable[[Progress], T]``; it runs in the global ``QThreadPool`` and must not touch
widgets. It talks back only through signals, so the ``success`` and ``failure`` callbacks run on
the GUI thread, and never once ``parent`` has been deleted. A failure without a ``failure``
callback goes to the one error sink (:func:`ui.errors.show_error`); a :class:`Cancelled` run
says nothing. ``with_progress(label)`` shows a progress dialog if the work lasts more than
:data:`PROGRESS_DELAY_MS`; its cancel button asks the ``Progress`` to stop, and the core then
rolls back.

    CollectionOp(self, lambda p: service.change(db, ..., progress=p))
        .success(self._on_changed)
        .with_progress(self.tr("Importing…"))
        .undoable(self.tr("Import"), undo=lambda result: service.undo(db, result))
        .run_in_background()

Tests wait with :func:`wait_for_operations` (or ``qtbot.waitUntil(operations.idle)``).
"""

from __future__ import annotations

import atexit
import gc
import threading
import time
from collections import deque
from collections.abc import Callable
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, QTimer, Signal, Slot
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from fieldapp.errors import Cancelled
from fieldapp.progress import Progress

T = TypeVar("T")

PROGRESS_DELAY_MS = 300  # a progress dialog appears only for work that lasts longer
PROGRESS_INTERVAL_S = 0.05  # at most 20 progress signals a second reach the GUI thread

Callback = Callable[[Any], None]


# Objects the work left in the youngest generation above which they are frozen rather than
# walked when collection resumes (a plain edit leaves a few hundred).
FREEZE_ABOVE = 50_000


class _Signals(QObject):
    """Lives in the GUI thread; the worker emits, its own slots receive there (queued)."""

    progressed = Signal(int, object, str)
    finished = Signal(object, object)  # (result, exception or None)

    def __init__(self, op: _Op) -> None:
        super().__init__()
        self.op = op
        self.progressed.connect(self._on_progressed)
        self.finished.connect(self._on_finished)

    @Slot(int, object, str)
    def _on_progressed(self, done: int, total: object, label: str) -> None:
        self.op._on_progress(done, total, label)

    @Slot(object, object)
    def _on_finished(self, result: object, exc: object) -> None:
        self.op._on_finished(result, exc)  # type: ignore[arg-type]


class _Runnable(QRunnable):
    def __init__(self, work: Callable[[], Any], signals: _Signals) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._work = work
        self._signals = signals

    def run(self) -> None:  # noqa: D102 - QRunnable
        try:
            result = self._work()
        except BaseException as exc:  # noqa: BLE001 - everything goes back to the GUI thread
            self._emit(None, exc)
        else:
            self._emit(result, None)

    def _emit(self, result: Any, exc: BaseException | None) -> None:
        if shiboken6.isValid(self._signals):
            self._signals.finished.emit(result, exc)


class _Runner:
    """Book-keeping of every operation in flight, and the queue of writes."""

    def __init__(self) -> None:
        self.running: set[_Op] = set()
        self.writes: deque[_Op] = deque()
        self.writer: _Op | None = None

    def submit(self, op: _Op) -> None:
        if not self.running:
            self._pause_gc()
        self.running.add(op)
        if op.is_write:
            self.writes.append(op)
            self._next_write()
        else:
            op._start()

    def done(self, op: _Op) -> None:
        self.running.discard(op)
        if op is self.writer:
            self.writer = None
            self._next_write()
        if not self.running:
            self._resume_gc()

    # A full garbage collection stops every thread while it walks the heap; a worker that
    # builds a big workbook or package makes them long (1.4 s measured for an Excel export
    # of 2,000 households). Automatic collection waits while work runs: the objects the work
    # makes are freed by reference counting when it ends, and collection resumes then.
    _gc_was_enabled = False

    def _pause_gc(self) -> None:
        self._gc_was_enabled = gc.isenabled()
        gc.disable()

    def _resume_gc(self) -> None:
        if not self._gc_was_enabled:
            return
        # Everything the work made and still holds (a list read for its preview, the rows of
        # an import) sits in the youngest generation now; the first automatic pass would walk
        # all of it on whichever thread allocates next (150 ms per 900,000 objects measured),
        # then again as it ages. A big young heap is moved out of the collector's sight
        # instead (gc.freeze: no walk); it is still freed by reference counting when let go.
        if gc.get_count()[0] > FREEZE_ABOVE:
            gc.freeze()
        gc.enable()

    def _next_write(self) -> None:
        if self.writer is None and self.writes:
            self.writer = self.writes.popleft()
            self.writer._start()


_runner = _Runner()


def idle() -> bool:
    """True when no operation is queued or running (tests and the close of the window)."""
    return not _runner.running


_BREATH_EVERY_S = 0.015
_BREATH_S = 0.001
_last_breath = threading.local()


def let_window_run() -> None:
    """Call between many short calls into Qt from a worker: gives the GUI thread Python's lock.

    Each PySide call releases Python's lock and takes it straight back. CPython's waiting
    thread only asks for the lock after 5 ms *without a hand-over*, and every such release
    counts as one, so a worker making hundreds of short Qt calls (printing bands of a page)
    starved the window for 0.4–3.9 s although no single call was long. Every
    :data:`_BREATH_EVERY_S` of work the worker sleeps :data:`_BREATH_S` without the lock,
    which the window takes if it has anything to do (about 7 % of the worker's time).
    """
    now = time.perf_counter()
    last = getattr(_last_breath, "at", None)
    if last is None:
        _last_breath.at = now
    elif now - last >= _BREATH_EVERY_S:
        time.sleep(_BREATH_S)
        _last_breath.at = time.perf_counter()


def running_operations() -> frozenset[_Op]:
    """The operations queued or running now."""
    return frozenset(_runner.running)


def wait_for_operations(timeout: float = 10.0) -> bool:
    """Process events until every operation has finished and called back; False on timeout."""
    app = QCoreApplication.instance()
    deadline = time.monotonic() + timeout
    while not idle():
        if time.monotonic() > deadline:
            return False
        if app is not None:
            app.processEvents()
        time.sleep(0.002)
    if app is not None:
        app.processEvents()
    return True


def shutdown(timeout: float = 5.0) -> bool:
    """Cancel every running operation and wait for the workers (the window is closing)."""
    _runner.writes.clear()
    for op in list(_runner.running):
        op.cancel()
    return QThreadPool.globalInstance().waitForDone(int(timeout * 1000))


atexit.register(shutdown)


class _Op(Generic[T]):
    is_write = False

    def __init__(self, parent: QWidget | None, op: Callable[[Progress], T]) -> None:
        self._parent = parent
        self._op = op
        self._on_success: Callable[[T], None] | None = None
        self._on_failure: Callable[[BaseException], None] | None = None
        self._label: str | None = None
        self._cancellable = True
        self._signals: _Signals | None = None
        self._dialog: QProgressDialog | None = None
        self._progress: Progress | None = None
        self._last_emit = 0.0
        self._lock = threading.Lock()
        self.result: T | None = None
        self.error: BaseException | None = None

    # --- building ------------------------------------------------------------------------

    def success(self, callback: Callable[[T], None]):
        self._on_success = callback
        return self

    def failure(self, callback: Callable[[BaseException], None]):
        self._on_failure = callback
        return self

    def with_progress(self, label: str | None = None, *, cancellable: bool = True):
        self._label = label or QCoreApplication.translate("Operations", "Working…")
        self._cancellable = cancellable
        return self

    def run_in_background(self) -> None:
        _runner.submit(self)

    # --- running (GUI thread) ------------------------------------------------------------

    def _start(self) -> None:
        self._signals = _Signals(self)
        self._progress = Progress(self._emit_progress)
        if self._label is not None:
            QTimer.singleShot(PROGRESS_DELAY_MS, self._show_dialog)
        QThreadPool.globalInstance().start(_Runnable(self._work, self._signals))

    def _work(self) -> T:
        assert self._progress is not None
        self._progress.check()
        return self._op(self._progress)

    def _emit_progress(self, done: int, total: int | None, label: str) -> None:
        """Called in the worker thread: forward at most every PROGRESS_INTERVAL_S."""
        now = time.monotonic()
        if now - self._last_emit < PROGRESS_INTERVAL_S and not (total and done >= total):
            return
        self._last_emit = now
        signals = self._signals
        if signals is not None and shiboken6.isValid(signals):
            signals.progressed.emit(int(done), total, label or "")

    def _parent_alive(self) -> bool:
        return self._parent is None or shiboken6.isValid(self._parent)

    def _show_dialog(self) -> None:
        if self._signals is None or self._dialog is not None or self not in _runner.running:
            return
        parent = self._parent if self._parent_alive() else None
        cancel = QCoreApplication.translate("Operations", "Cancel") if self._cancellable else ""
        dialog = QProgressDialog(self._label or "", cancel, 0, 0, parent)
        dialog.setWindowTitle("fieldapp")
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        if not self._cancellable:
            dialog.setCancelButton(None)
        dialog.canceled.connect(self.cancel)
        progress = self._progress
        if progress is not None and progress.total:
            dialog.setMaximum(progress.total)
            dialog.setValue(min(progress.done, progress.total))
        dialog.show()
        self._dialog = dialog

    def _on_progress(self, done: int, total: object, label: str) -> None:
        dialog = self._dialog
        if dialog is None or not shiboken6.isValid(dialog):
            return
        if isinstance(total, int) and total > 0:
            dialog.setMaximum(total)
            dialog.setValue(min(done, total))
        if label:
            dialog.setLabelText(label)

    def cancel(self) -> None:
        """Ask the running work to stop at its next progress report (it then rolls back)."""
        if self._progress is not None:
            self._progress.cancel()

    def _on_finished(self, result: Any, exc: BaseException | None) -> None:
        self.result, self.error = result, exc
        self._close_dialog()
        signals, self._signals = self._signals, None
        try:
            self._call_back(result, exc)
        finally:
            _runner.done(self)
            if signals is not None:
                signals.deleteLater()

    def _close_dialog(self) -> None:
        dialog, self._dialog = self._dialog, None
        if dialog is not None and shiboken6.isValid(dialog):
            dialog.canceled.disconnect(self.cancel)
            dialog.hide()
            dialog.deleteLater()

    def _call_back(self, result: Any, exc: BaseException | None) -> None:
        from ui import errors

        alive = self._parent_alive()
        if exc is None:
            if alive and self._on_success is not None:
                self._on_success(result)
            return
        if isinstance(exc, Cancelled) and self._on_failure is None:
            return
        if alive and self._on_failure is not None:
            self._on_failure(exc)
            return
        errors.show_error(self._parent if alive else None, exc)


class QueryOp(_Op[T]):
    """A read off the GUI thread; reads may run side by side with each other and a write."""


class CollectionOp(_Op[T]):
    """A write off the GUI thread; writes run one at a time, in the order they were asked."""

    is_write = True

    def __init__(self, parent: QWidget | None, op: Callable[[Progress], T]) -> None:
        super().__init__(parent, op)
        self._undo: _UndoSpec | None = None

    def undoable(
        self,
        text: str,
        undo: Callable[[T], Any],
        *,
        redo: Callable[[T], T] | None = None,
        changed: Callable[[], None] | None = None,
        stack: QUndoStack | None = None,
    ):
        """Once the write succeeded, push ``text`` on the undo stack.

        ``undo(result)`` takes the change back; ``redo(result)`` makes it again and returns
        the new result (by default the op runs again). Both run in the write queue; then
        ``changed()`` refreshes what the page shows. ``stack`` defaults to the nearest
        ``undo_stack`` of ``parent`` or its ancestors, else the application's one stack.
        """
        self._undo = _UndoSpec(
            text, undo, redo or (lambda _r: self._op(Progress())), changed, stack
        )
        return self

    def _call_back(self, result: Any, exc: BaseException | None) -> None:
        if exc is None and self._undo is not None:
            stack = self._undo.stack or undo_stack_for(self._parent)
            if shiboken6.isValid(stack):
                stack.push(OperationCommand(self._parent, self._undo, result, stack))
        super()._call_back(result, exc)


class _UndoSpec:
    def __init__(self, text, undo, redo, changed, stack) -> None:  # noqa: ANN001
        self.text, self.undo, self.redo, self.changed, self.stack = (
            text,
            undo,
            redo,
            changed,
            stack,
        )


class OperationCommand(QUndoCommand):
    """A change already made; undo and redo run through the write queue.

    QUndoStack moves its index at once; if the background undo (or redo) is then refused,
    the error is shown and the stack is moved back without running anything again.
    """

    def __init__(self, parent: QWidget | None, spec: _UndoSpec, result: Any, stack) -> None:
        super().__init__(spec.text)
        self._parent = parent
        self._spec = spec
        self._result = result
        self._stack = stack
        self._skip = True  # the first redo() is QUndoStack.push(): the change is already made

    def redo(self) -> None:
        if self._skip:
            self._skip = False
            return
        self._run(lambda _p: self._spec.redo(self._result), undoing=False)

    def undo(self) -> None:
        if self._skip:
            self._skip = False
            return
        self._run(lambda _p: self._spec.undo(self._result), undoing=True)

    def _run(self, work: Callable[[Progress], Any], *, undoing: bool) -> None:
        stack = self._stack
        index_before = stack.index() + (1 if undoing else -1)

        def done(result: Any) -> None:
            if not undoing and result is not None:
                self._result = result
            self._refresh()

        def failed(exc: BaseException) -> None:
            from ui import errors

            if shiboken6.isValid(stack) and stack.index() != index_before:
                self._skip = True
                stack.setIndex(index_before)
            if not isinstance(exc, Cancelled):
                errors.show_error(self._parent if _alive(self._parent) else None, exc)
            self._refresh()

        op = CollectionOp(None, work).success(done).failure(failed)
        op.run_in_background()

    def _refresh(self) -> None:
        if self._spec.changed is not None and _alive(self._parent):
            self._spec.changed()


class DoneCommand(QUndoCommand):
    """A quick change the caller has already made, with the core calls that undo and redo it.

    For changes too small to leave the GUI thread (one row); pushed already done, so the
    first ``redo`` (QUndoStack.push) does nothing. A refused undo or redo goes to the error
    sink and the stack is put back, as for :class:`OperationCommand`.
    """

    def __init__(
        self,
        text: str,
        undo: Callable[[], None],
        redo: Callable[[], None],
        changed: Callable[[], None] = lambda: None,
    ) -> None:
        super().__init__(text)
        self._undo, self._redo, self._changed = undo, redo, changed
        self._skip = True

    def redo(self) -> None:
        if self._skip:
            self._skip = False
            return
        self._run(self._redo)

    def undo(self) -> None:
        if self._skip:
            self._skip = False
            return
        self._run(self._undo)

    def _run(self, action: Callable[[], None]) -> None:
        from ui import errors

        try:
            action()
        except Exception as exc:  # noqa: BLE001 - shown by the one sink, never raised into Qt
            self.setObsolete(True)  # the stack drops a command that can no longer be applied
            errors.show_error(QApplication.activeWindow(), exc)
        self._changed()


def run_change(
    stack: QUndoStack,
    text: str,
    do: Callable[[], T],
    undo: Callable[[T], object],
    redo: Callable[[T], T] | None = None,
    changed: Callable[[], None] = lambda: None,
    parent: QWidget | None = None,
    *,
    on_error: Callable[[BaseException], None] | None = None,
) -> T | None:
    """A quick change on the GUI thread, undoable: the one way pages record small edits.

    ``do()`` makes the change (one row, too small to leave the GUI thread); on success a
    :class:`DoneCommand` is pushed already done, whose undo calls ``undo(result)`` and whose
    redo calls ``redo(result)`` (returning the new result, e.g. a new id) or ``do()`` again.
    A :class:`~fieldapp.errors.UserError` from ``do`` goes to ``on_error`` (default: the one
    error sink), nothing is pushed and ``None`` is returned; ``do`` should therefore return
    something other than ``None``. Bigger writes use :meth:`CollectionOp.undoable`.
    """
    from fieldapp.errors import UserError
    from ui import errors

    try:
        result = do()
    except UserError as err:
        if on_error is not None:
            on_error(err)
        else:
            errors.show_error(parent if _alive(parent) else None, err)
        return None
    state = {"result": result}

    def _undo() -> None:
        undo(state["result"])

    def _redo() -> None:
        state["result"] = redo(state["result"]) if redo is not None else do()

    stack.push(DoneCommand(text, _undo, _redo, changed))
    changed()
    return result


def _alive(widget: QObject | None) -> bool:
    return widget is None or shiboken6.isValid(widget)


_app_stack: QUndoStack | None = None


def app_undo_stack() -> QUndoStack:
    """The application's undo stack, for changes made outside any page with its own."""
    global _app_stack
    if _app_stack is None or not shiboken6.isValid(_app_stack):
        _app_stack = QUndoStack(QApplication.instance())
    return _app_stack


def undo_stack_for(widget: QObject | None) -> QUndoStack:
    """The ``undo_stack`` of ``widget`` or its nearest ancestor, else :func:`app_undo_stack`."""
    while widget is not None and shiboken6.isValid(widget):
        stack = getattr(widget, "undo_stack", None)
        if isinstance(stack, QUndoStack):
            return stack
        widget = widget.parent()
    return app_undo_stack()


def run_query(
    parent: QWidget | None,
    op: Callable[[Progress], T],
    on_success: Callable[[T], None],
    *,
    label: str | None = None,
) -> QueryOp[T]:
    """Shorthand: a read with a success callback (and a progress dialog if ``label``)."""
    query = QueryOp(parent, op).success(on_success)
    if label is not None:
        query.with_progress(label)
    query.run_in_background()
    return query
