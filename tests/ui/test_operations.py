"""The one operation runner: off the GUI thread, one writer at a time, callbacks on the GUI
thread and never on a deleted parent, progress with cancel, undo through the same queue."""

from __future__ import annotations

import threading
import time

import pytest
import shiboken6
from PySide6.QtCore import Qt, QThread
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget

from fieldapp.errors import Cancelled, UserMistake
from ui import errors, operations
from ui.operations import CollectionOp, QueryOp


@pytest.fixture
def shown(monkeypatch):
    """What the error sink would have shown, instead of a modal box."""
    boxes: list[tuple[str, str]] = []
    monkeypatch.setattr(
        errors, "_box_factory", lambda icon, title, text, info: boxes.append((text, info))
    )
    return boxes


def test_query_runs_off_the_gui_thread_and_calls_back_on_it(qtbot):
    gui = QThread.currentThread()
    seen = {}

    def work(_progress):
        seen["work_thread"] = QThread.currentThread()
        return 41 + 1

    def done(value):
        seen["value"] = value
        seen["callback_thread"] = QThread.currentThread()

    widget = QWidget()
    qtbot.addWidget(widget)
    QueryOp(widget, work).success(done).run_in_background()
    assert operations.wait_for_operations()
    assert seen["value"] == 42
    assert seen["work_thread"] is not gui
    assert seen["callback_thread"] is gui


def test_writes_run_one_at_a_time_in_order(qtbot):
    active = {"now": 0, "most": 0}
    order: list[int] = []
    lock = threading.Lock()

    def write(n):
        def work(_progress):
            with lock:
                active["now"] += 1
                active["most"] = max(active["most"], active["now"])
            time.sleep(0.02)
            with lock:
                order.append(n)
                active["now"] -= 1
            return n

        return work

    widget = QWidget()
    qtbot.addWidget(widget)
    finished: list[int] = []
    for n in range(6):
        CollectionOp(widget, write(n)).success(finished.append).run_in_background()
    assert not operations.idle()
    assert operations.wait_for_operations()
    assert active["most"] == 1
    assert order == list(range(6))
    assert finished == list(range(6))


def test_a_failure_without_callback_goes_to_the_error_sink(qtbot, shown):
    widget = QWidget()
    qtbot.addWidget(widget)

    def work(_progress):
        raise UserMistake("Ngày không hợp lệ: 31/02/2021.")

    CollectionOp(widget, work).run_in_background()
    assert operations.wait_for_operations()
    assert shown == [("Ngày không hợp lệ: 31/02/2021.", "")]


def test_a_failure_callback_gets_the_exception_instead(qtbot, shown):
    widget = QWidget()
    qtbot.addWidget(widget)
    got = []
    QueryOp(widget, lambda _p: 1 / 0).failure(got.append).run_in_background()
    assert operations.wait_for_operations()
    assert isinstance(got[0], ZeroDivisionError)
    assert shown == []


def test_callbacks_do_not_fire_on_a_deleted_parent(qtbot, shown):
    widget = QWidget()
    release = threading.Event()
    called = []

    def work(_progress):
        release.wait(5)
        return "x"

    QueryOp(widget, work).success(called.append).failure(called.append).run_in_background()
    shiboken6.delete(widget)  # the dialog was closed and deleted while the work ran
    assert not shiboken6.isValid(widget)
    release.set()
    assert operations.wait_for_operations()
    assert called == []
    assert shown == []


def test_progress_dialog_shows_after_a_delay_and_cancel_stops_the_work(qtbot, shown):
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    steps = []
    failures = []

    def work(progress):
        for step in range(500):
            progress.update(step, 500, "Đang chép…")
            steps.append(step)
            time.sleep(0.01)
        return "finished"

    op = CollectionOp(widget, work).failure(failures.append).with_progress("Sao lưu…")
    op.run_in_background()
    qtbot.waitUntil(lambda: widget.findChild(QProgressDialog) is not None, timeout=3000)
    dialog = widget.findChild(QProgressDialog)
    assert dialog.labelText() in ("Sao lưu…", "Đang chép…")
    qtbot.waitUntil(lambda: dialog.maximum() == 500, timeout=3000)
    qtbot.mouseClick(dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)
    assert operations.wait_for_operations()
    assert len(steps) < 500
    assert len(failures) == 1 and isinstance(failures[0], Cancelled)
    assert shown == []  # a cancelled run says nothing more


def test_a_cancelled_run_without_failure_callback_is_silent(qtbot, shown):
    widget = QWidget()
    qtbot.addWidget(widget)

    def work(progress):
        progress.cancel()
        progress.update(1, 2)

    CollectionOp(widget, work).run_in_background()
    assert operations.wait_for_operations()
    assert shown == []


def test_quick_work_shows_no_progress_dialog(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    CollectionOp(widget, lambda _p: 1).with_progress("Nhanh").run_in_background()
    assert operations.wait_for_operations()
    qtbot.wait(operations.PROGRESS_DELAY_MS + 100)
    assert widget.findChild(QProgressDialog) is None


def test_undo_and_redo_run_through_the_write_queue(qtbot, shown):
    class Page(QWidget):
        def __init__(self):
            super().__init__()
            self.undo_stack = QUndoStack(self)

    page = Page()
    qtbot.addWidget(page)
    store = {"value": 0}
    writers: list[QThread] = []
    refreshed = []

    def set_value(new):
        def work(_progress):
            writers.append(QThread.currentThread())
            old = store["value"]
            store["value"] = new
            return old

        return work

    def undo(old):
        writers.append(QThread.currentThread())
        store["value"] = old

    CollectionOp(page, set_value(5)).undoable(
        "Đặt 5", undo, redo=lambda _old: set_value(5)(None), changed=lambda: refreshed.append(1)
    ).run_in_background()
    assert operations.wait_for_operations()
    assert store["value"] == 5
    assert page.undo_stack.count() == 1
    assert page.undo_stack.undoText() == "Đặt 5"
    page.undo_stack.undo()
    assert operations.wait_for_operations()
    assert store["value"] == 0
    page.undo_stack.redo()
    assert operations.wait_for_operations()
    assert store["value"] == 5
    assert refreshed == [1, 1]
    assert all(thread is not QThread.currentThread() for thread in writers)


def test_a_refused_undo_puts_the_stack_back_and_says_why(qtbot, shown):
    stack = QUndoStack()
    widget = QWidget()
    qtbot.addWidget(widget)

    def undo(_result):
        raise UserMistake("Bản ghi đã bị người khác thay đổi.")

    CollectionOp(widget, lambda _p: 1).undoable("Sửa", undo, stack=stack).run_in_background()
    assert operations.wait_for_operations()
    assert stack.index() == 1
    stack.undo()
    assert operations.wait_for_operations()
    assert stack.index() == 1  # still undoable: nothing was taken back
    assert shown == [("Bản ghi đã bị người khác thay đổi.", "")]


def test_failed_write_pushes_nothing_on_the_undo_stack(qtbot, shown):
    stack = QUndoStack()
    widget = QWidget()
    qtbot.addWidget(widget)

    def work(_progress):
        raise UserMistake("Sai.")

    CollectionOp(widget, work).undoable("X", lambda _r: None, stack=stack).run_in_background()
    assert operations.wait_for_operations()
    assert stack.count() == 0
    assert shown == [("Sai.", "")]


def test_gui_stays_responsive_while_a_long_write_runs(qtbot):
    """The GUI thread keeps turning its event loop while the op sleeps off-thread."""
    widget = QWidget()
    qtbot.addWidget(widget)
    ticks = []
    from PySide6.QtCore import QTimer

    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(10)
    CollectionOp(widget, lambda _p: time.sleep(0.3)).run_in_background()
    assert operations.wait_for_operations()
    timer.stop()
    assert len(ticks) >= 5


def test_printing_runs_off_the_gui_thread_and_prints_every_page(qtbot, tmp_path):
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtPrintSupport import QPrinter
    from reportlab.pdfgen import canvas

    from ui.widgets.pdf_print import print_in_background

    source = tmp_path / "list.pdf"
    c = canvas.Canvas(str(source))
    for page in range(3):
        c.drawString(72, 720, f"page {page + 1}")
        c.showPage()
    c.save()
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printed = []
    print_in_background(source, printer, None, printed.append)
    source.unlink()  # the caller may delete its file at once: the runner prints a copy
    assert operations.wait_for_operations(60)
    assert printed == [3]
    result = QPdfDocument()
    result.load(str(tmp_path / "printed.pdf"))
    assert result.pageCount() == 3
    result.close()


def test_quick_change_command_undoes_redoes_and_reports_a_refusal(qtbot, shown):
    from ui.operations import DoneCommand

    stack = QUndoStack()
    value = {"v": 1}
    changed = []

    def refuse():
        raise UserMistake("Hộ này đã bị xóa trên máy khác.")

    stack.push(
        DoneCommand(
            "đặt 1", lambda: value.update(v=0), lambda: value.update(v=1), lambda: changed.append(1)
        )
    )
    assert value == {"v": 1} and changed == []  # pushed already done: nothing ran
    stack.undo()
    assert value == {"v": 0}
    stack.redo()
    assert value == {"v": 1} and changed == [1, 1]
    stack.push(DoneCommand("hỏng", refuse, refuse))
    stack.undo()
    assert shown == [("Hộ này đã bị xóa trên máy khác.", "")]
    assert stack.undoText() == "đặt 1"  # the refused command left the stack


def test_a_big_result_is_not_walked_by_the_collector_when_collection_resumes(qtbot):
    """Collection waits while work runs; what a big piece of work leaves behind (a list read
    for its preview) is frozen when it resumes, so the next automatic pass on the GUI thread
    does not walk hundreds of thousands of objects. A small result is left to the collector."""
    import gc

    widget = QWidget()
    qtbot.addWidget(widget)
    kept = {}
    gc.collect()
    frozen_before = gc.get_freeze_count()

    def big(_progress):
        assert not gc.isenabled()  # paused while work runs
        return [[i, (i, str(i))] for i in range(100_000)]

    QueryOp(widget, big).success(lambda rows: kept.setdefault("big", rows)).run_in_background()
    assert operations.wait_for_operations()
    assert gc.isenabled()
    assert len(kept["big"]) == 100_000
    assert gc.get_freeze_count() >= frozen_before + 200_000
    assert gc.get_count()[0] < operations.FREEZE_ABOVE
    frozen_after_big = gc.get_freeze_count()

    QueryOp(widget, lambda _p: [1, 2, 3]).success(
        lambda rows: kept.setdefault("small", rows)
    ).run_in_background()
    assert operations.wait_for_operations()
    assert kept["small"] == [1, 2, 3]
    assert gc.get_freeze_count() == frozen_after_big
    gc.unfreeze()


def test_a_worker_making_many_short_qt_calls_lets_the_window_in(monkeypatch):
    """let_window_run sleeps (without Python's lock) once 15 ms of work have passed since the
    last sleep, not on every call: printing calls it after each band of a page."""
    clock = [100.0]
    slept: list[float] = []
    monkeypatch.setattr(operations.time, "perf_counter", lambda: clock[0])
    monkeypatch.setattr(operations.time, "sleep", slept.append)

    def in_worker() -> None:
        for _ in range(10):  # ten bands of 4 ms each
            operations.let_window_run()
            clock[0] += 0.004

    worker = threading.Thread(target=in_worker)
    worker.start()
    worker.join()
    assert slept == [operations._BREATH_S, operations._BREATH_S]  # after 16 ms and 32 ms
