"""Backup of a 200,000-person database (target ≤ 5 s), and whether the window keeps moving.

Builds a commune with 50,000 households / 200,000 people through the households import, then
times ``backup_now`` (SQLite backup API) and runs one backup the way the window does (worker
thread) while a 10 ms timer ticks on the event loop: the longest gap between ticks is how
long the window would have been frozen.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

import resources

HOUSEHOLDS = 50_000
PEOPLE = 200_000


def main() -> None:
    os.environ.setdefault(
        "QT_QPA_PLATFORM",
        "offscreen:configfile=" + str(resources.path("offscreen-1366x768.json")),
    )
    from bench.households import _fresh_db, _households
    from fieldapp.backup import backup_now
    from fieldapp.households.excel_import import ImportPreview, apply_import
    from fieldapp.households.service import AreaInput, add_area

    with tempfile.TemporaryDirectory(prefix="fieldapp-bench-backup-") as tmp:
        db = _fresh_db(Path(tmp) / "data")
        started = time.perf_counter()
        area = add_area(db, AreaInput(name="Khu phong tỏa toàn xã", started_on=date.today()))
        preview = ImportPreview("bulk", "", (), {}, _households(HOUSEHOLDS, PEOPLE, seed=5), [])
        result = apply_import(db, preview, area)
        print(
            f"built {result.households} households / {result.people} people in "
            f"{time.perf_counter() - started:.0f} s; database "
            f"{db.paths.database.stat().st_size / 1e6:.0f} MB"
        )
        paths = db.paths
        db.close()

        times = []
        for run in range(3):
            t0 = time.perf_counter()
            backup_now(paths, Path(tmp) / f"copy-{run}.sqlite3")
            times.append(time.perf_counter() - t0)
        print(
            f"backup (backup API, checked, fsynced): median {statistics.median(times):.2f} s, "
            f"max {max(times):.2f} s (target ≤ 5 s)"
        )

        from PySide6.QtCore import QElapsedTimer, QTimer

        from ui import operations
        from ui.app import application
        from ui.safety import run_backup

        app = application()
        clock = QElapsedTimer()
        clock.start()
        gaps: list[int] = []
        last = [clock.elapsed()]

        def tick() -> None:
            now = clock.elapsed()
            gaps.append(now - last[0])
            last[0] = now

        timer = QTimer()
        timer.timeout.connect(tick)
        timer.start(10)
        t0 = time.perf_counter()
        run_backup(paths, Path(tmp) / "window.sqlite3", None, show_progress=False)
        while not operations.idle():
            app.processEvents()
            time.sleep(0.001)
        took = time.perf_counter() - t0
        timer.stop()
        print(
            f"backup from the window (operation runner): {took:.2f} s; event loop longest gap "
            f"{max(gaps) if gaps else 0} ms over {len(gaps)} ticks (a 10 ms timer)"
        )


if __name__ == "__main__":
    main()
