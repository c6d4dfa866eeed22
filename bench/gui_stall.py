"""Does the window keep moving while long work runs? (target: no gap over 100 ms)

A 10 ms QTimer ticks on the real event loop while each piece of long work runs through the
window's operation runner (``ui/operations.py``), as the window starts it: a household list
read (with its plan) and imported, the Excel export of the households, a backup, a sync
package exported and imported into a district, a duty roster made for four weeks, a hand
edit on the rosters page with its undo and a sick report with re-plan (``bench.roster_stall``),
and printing a 40-page PDF. The longest gap between two ticks is how long the window would have
been frozen; it is printed beside the longest gap of the same loop left idle, measured in
the same run. Before the work the heap is settled as the window does once started
(``ui.app.settle_heap``).
"""

from __future__ import annotations

import dataclasses
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import resources

HOUSEHOLDS = int(os.environ.get("FIELDAPP_BENCH_HOUSEHOLDS", "20000"))
PEOPLE = 4 * HOUSEHOLDS
PRINT_PAGES = 40
TICK_MS = 10
IDLE_S = 2.0
BUSY_S = 3.0


def _busy(seconds: float) -> int:
    """Plain Python with no long call into C: what any worker costs the window at best."""
    end, n = time.perf_counter() + seconds, 0
    while time.perf_counter() < end:
        n += sum(i * i for i in range(200))
    return n


class GapMeter:
    """Records the gaps between the ticks of a 10 ms timer on the event loop."""

    def __init__(self) -> None:
        from PySide6.QtCore import QElapsedTimer, QTimer

        self.clock = QElapsedTimer()
        self.timer = QTimer()
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)
        self.gaps: list[int] = []
        self._last = 0

    def _tick(self) -> None:
        now = self.clock.elapsed()
        self.gaps.append(now - self._last)
        self._last = now

    def start(self) -> None:
        self.gaps = []
        self.clock.start()
        self._last = 0
        self.timer.start()

    def stop(self) -> tuple[int, float, int]:
        self.timer.stop()
        gaps = self.gaps or [0]
        return (
            max(gaps),
            statistics.quantiles(gaps, n=100)[98] if len(gaps) > 2 else gaps[0],
            len(gaps),
        )


def run_in_loop(start: Callable[[], None], *, idle_for: float | None = None) -> tuple[float, tuple]:
    """Start the work, run the real event loop until every operation is done; the gaps."""
    from PySide6.QtCore import QEventLoop, QTimer

    from ui import operations

    meter = GapMeter()
    loop = QEventLoop()
    watch = QTimer()
    watch.setInterval(5)
    t0 = time.perf_counter()

    def check() -> None:
        if idle_for is not None:
            if time.perf_counter() - t0 >= idle_for:
                loop.quit()
        elif operations.idle():
            loop.quit()

    watch.timeout.connect(check)
    meter.start()
    start()
    watch.start()
    loop.exec()
    watch.stop()
    took = time.perf_counter() - t0
    return took, meter.stop()


def _make_pdf(path: Path, pages: int) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    from fieldapp.printing import fonts

    fonts.register_fonts()
    c = canvas.Canvas(str(path), pagesize=A4)
    for page in range(pages):
        c.setFont(fonts.REGULAR, 11)
        for line in range(60):
            c.drawString(60, 800 - line * 12, f"Trang {page + 1} - dòng {line + 1}: danh sách hộ")
        c.showPage()
    c.save()


def main() -> None:
    os.environ.setdefault(
        "QT_QPA_PLATFORM",
        "offscreen:configfile=" + str(resources.path("offscreen-1366x768.json")),
    )
    from PySide6.QtPrintSupport import QPrinter

    from bench.household_import import make_workbook
    from bench.households import _fresh_db, _households
    from fieldapp.households.excel_export import export_households
    from fieldapp.households.excel_import import (
        ImportPreview,
        apply_import,
        plan_preview,
        read_roster,
    )
    from fieldapp.households.service import AreaInput, add_area
    from fieldapp.rostering.demo import demo_step
    from fieldapp.rostering.planning import generate
    from fieldapp.rostering.store import monday_of
    from fieldapp.sync.package import export_package
    from fieldapp.sync.receive import import_package
    from ui.app import application, settle_heap
    from ui.operations import CollectionOp, QueryOp
    from ui.safety import run_backup
    from ui.widgets.pdf_print import print_in_background

    app = application()
    with tempfile.TemporaryDirectory(prefix="fieldapp-bench-stall-") as tmp:
        root = Path(tmp)
        db = _fresh_db(root / "data")
        from fieldapp.demo import DEMO_PROFILE
        from fieldapp.profile import save_profile

        save_profile(db, DEMO_PROFILE)
        started = time.perf_counter()
        area = add_area(db, AreaInput(name="Khu phong tỏa toàn xã", started_on=date.today()))
        preview = ImportPreview("bulk", "", (), {}, _households(HOUSEHOLDS, PEOPLE, seed=3), [])
        apply_import(db, preview, area)
        print(
            f"built {HOUSEHOLDS} households / {PEOPLE} people in "
            f"{time.perf_counter() - started:.0f} s",
            flush=True,
        )
        pdf = root / "list.pdf"
        _make_pdf(pdf, PRINT_PAGES)
        workbook = root / "list.xlsx"
        make_workbook(workbook, HOUSEHOLDS, PEOPLE)
        new_area = add_area(db, AreaInput(name="Khu nhập mới", started_on=date.today()))
        district = _fresh_db(root / "district")
        save_profile(district, dataclasses.replace(DEMO_PROFILE, commune_name="Huyện Chợ Đồn"))
        demo_step(db, today=date.today())
        monday = monday_of(date.today())
        weeks = (monday + timedelta(days=14), monday + timedelta(days=41))
        package = root / "full.fieldsync"
        read: dict[str, ImportPreview] = {}

        def read_and_plan(_p) -> None:
            read["preview"] = read_roster(workbook, progress=_p)
            plan_preview(db, read["preview"], new_area)

        settle_heap()

        took, (idle_max, idle_p99, ticks) = run_in_loop(lambda: None, idle_for=IDLE_S)
        print(
            f"idle event loop ({took:.1f} s): longest gap {idle_max} ms, p99 {idle_p99:.0f} ms "
            f"over {ticks} ticks of {TICK_MS} ms  (the floor)",
            flush=True,
        )
        took, (busy_max, busy_p99, ticks) = run_in_loop(
            lambda: QueryOp(None, lambda _p: _busy(BUSY_S)).run_in_background()
        )
        print(
            f"a worker running plain Python ({took:.1f} s): longest gap {busy_max} ms, "
            f"p99 {busy_p99:.0f} ms over {ticks} ticks  (the floor with a worker: Python's "
            "lock and this machine's load, nothing held long)",
            flush=True,
        )

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(root / "printed.pdf"))
        work: list[tuple[str, Callable[[], None]]] = [
            (
                "backup (as the window makes it)",
                lambda: run_backup(db.paths, root / "copy.sqlite3", None, on_done=said),
            ),
            (
                f"Excel export ({HOUSEHOLDS} households)",
                lambda: (
                    QueryOp(None, lambda p: export_households(db, root / "households.xlsx"))
                    .failure(failed)
                    .run_in_background()
                ),
            ),
            (
                "sync export (full package)",
                lambda: (
                    CollectionOp(
                        None,
                        lambda p: export_package(db, package, full=True, progress=p),
                    )
                    .failure(failed)
                    .run_in_background()
                ),
            ),
            (
                "sync import (that package, into a district)",
                lambda: (
                    CollectionOp(
                        None,
                        lambda p: import_package(district, package, trust_new=True, progress=p),
                    )
                    .failure(failed)
                    .run_in_background()
                ),
            ),
            (
                "duty roster made for 4 weeks (4 sites)",
                lambda: (
                    CollectionOp(
                        None,
                        lambda p: generate(
                            db,
                            *weeks,
                            progress=lambda f, words: p.update(int(f * 100), 100, words),
                        ),
                    )
                    .failure(failed)
                    .run_in_background()
                ),
            ),
            (
                f"print ({PRINT_PAGES} pages to a PDF printer)",
                lambda: print_in_background(pdf, printer, None),
            ),
            (
                f"household list read + planned ({HOUSEHOLDS})",
                lambda: QueryOp(None, read_and_plan).failure(failed).run_in_background(),
            ),
            (
                f"household list imported ({HOUSEHOLDS})",
                lambda: (
                    CollectionOp(
                        None,
                        lambda p: apply_import(db, read.pop("preview"), new_area, progress=p),
                    )
                    .failure(failed)
                    .run_in_background()
                ),
            ),
        ]

        def failed(exc: BaseException) -> None:
            print(f"   failed: {type(exc).__name__}: {exc}", flush=True)

        def said(_file: str, error: str) -> None:
            if error:
                print(f"   failed: {error}", flush=True)

        from bench.roster_stall import cases as roster_cases

        work += roster_cases(db, failed)  # the rosters page: a hand edit, its undo, a re-plan

        for name, start in work:
            took, (longest, p99, ticks) = run_in_loop(start)
            verdict = "ok" if longest <= 100 else "OVER 100 ms"
            print(
                f"{name:<42} {took:6.1f} s   longest gap {longest:4d} ms, p99 {p99:4.0f} ms "
                f"over {ticks} ticks  (idle: {idle_max} ms, busy worker: {busy_max} ms; "
                f"target ≤ 100 ms: {verdict})",
                flush=True,
            )
        db.close()
        district.close()
    del app


if __name__ == "__main__":
    main()
