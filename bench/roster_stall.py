"""Does the rosters page keep moving while a hand edit or a re-plan is written? (≤ 100 ms)

    .venv/bin/python -m bench roster_stall      (also part of ``python -m bench gui_stall``)

The real rosters page of the window, on the demo commune's four checkpoints with four weeks
planned (about 1,300 duties, 50 people), as a shift leader uses it: take someone off a shift
(Delete), undo it (Ctrl+Z), then report someone sick from tomorrow with a re-plan of the
fortnight. A 10 ms timer ticks on the event loop meanwhile (``bench.gui_stall``); the longest
gap between two ticks, including the page's own refresh once the write is done, is how long
the window froze. Printed beside the idle loop's, measured in the same run.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import resources


def cases(db, failed: Callable[[BaseException], None]) -> list[tuple[str, Callable[[], None]]]:
    """The roster page's cases for :func:`bench.gui_stall.run_in_loop`, on ``db``."""
    from fieldapp.rostering.demo import demo_step
    from fieldapp.rostering.planning import generate
    from fieldapp.rostering.store import list_sites, load_snapshot, monday_of
    from ui.pages.rosters import RostersPage

    today = date.today()
    if not list_sites(db):
        demo_step(db, today=today)
    monday = monday_of(today)
    generate(db, monday + timedelta(days=14), monday + timedelta(days=27))
    page = RostersPage(db)
    page.resize(1366, 768)
    page.show()
    page.refresh()
    week = page.week
    day = monday + timedelta(days=9)
    week.set_week(day)
    tomorrow = today + timedelta(days=1)
    snapshot = load_snapshot(db, tomorrow, monday + timedelta(days=13))
    sick = next(d.staff_id for d in snapshot.duties if d.day > tomorrow)

    def take_off() -> None:
        week.select_cell(day, "C1")
        week.people.setCurrentRow(0)
        week._on_remove()

    cases.page = page  # kept alive while the cases run
    return [
        ("roster: take someone off a shift (page)", take_off),
        ("roster: undo that (Ctrl+Z)", page.undo.undo),
        (
            "roster: sick from tomorrow, re-plan (page)",
            lambda: week.start_unavailable(sick, "sick", tomorrow, None, "", True),
        ),
    ]


def main() -> None:
    os.environ.setdefault(
        "QT_QPA_PLATFORM",
        "offscreen:configfile=" + str(resources.path("offscreen-1366x768.json")),
    )
    from bench.gui_stall import IDLE_S, TICK_MS, run_in_loop
    from bench.households import _fresh_db
    from fieldapp.demo import DEMO_PROFILE
    from fieldapp.profile import save_profile
    from ui.app import application, settle_heap

    app = application()
    with tempfile.TemporaryDirectory(prefix="fieldapp-bench-roster-stall-") as tmp:
        db = _fresh_db(Path(tmp) / "data")
        save_profile(db, DEMO_PROFILE)

        def failed(exc: BaseException) -> None:
            print(f"   failed: {type(exc).__name__}: {exc}", flush=True)

        work = cases(db, failed)
        settle_heap()
        took, (idle_max, idle_p99, ticks) = run_in_loop(lambda: None, idle_for=IDLE_S)
        print(
            f"idle event loop ({took:.1f} s): longest gap {idle_max} ms, p99 {idle_p99:.0f} ms "
            f"over {ticks} ticks of {TICK_MS} ms  (the floor)",
            flush=True,
        )
        for name, start in work:
            took, (longest, p99, ticks) = run_in_loop(start)
            verdict = "ok" if longest <= 100 else "OVER 100 ms"
            print(
                f"{name:<42} {took:6.1f} s   longest gap {longest:4d} ms, p99 {p99:4.0f} ms "
                f"over {ticks} ticks  (idle: {idle_max} ms; target ≤ 100 ms: {verdict})",
                flush=True,
            )
        cases.page.close()
        cases.page.deleteLater()
        app.processEvents()
        db.close()
    del app


if __name__ == "__main__":
    main()
