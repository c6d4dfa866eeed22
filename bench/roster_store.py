"""Rosters from the database: the demo commune's month, converted, solved and saved.

    /work/venv/bin/python -m bench roster_store

Times (best of 3, on a fresh copy each time): the demo register itself (4 sites, 45 people,
two weeks with attendance); generating the four weeks after it (database → instance, solve,
safety check, save); re-generating the same month keeping it (nothing should change); a
re-plan after someone falls sick mid-month; the week grid of one site with its conflict
marks; and the ranked "who can take this" list of one cell. The independent checker is run
on the saved month.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from fieldapp.config import resolve_paths
from fieldapp.db.database import open_database
from fieldapp.rostering.demo import demo_step
from fieldapp.rostering.editing import candidates
from fieldapp.rostering.planning import check_saved, generate, mark_unavailable_and_replan
from fieldapp.rostering.store import load_snapshot, monday_of
from fieldapp.rostering.views import week_grid

TODAY = date(2021, 8, 11)


def _fresh(folder: Path):
    shutil.rmtree(folder, ignore_errors=True)
    return open_database(resolve_paths(folder))


def _best(label: str, make, repeats: int = 3) -> object:
    best, result = float("inf"), None
    for _ in range(repeats):
        started = time.perf_counter()
        result = make()
        best = min(best, time.perf_counter() - started)
    print(f"  {label:58} {best * 1000:8.0f} ms")
    return result


def main() -> int:
    load = os.getloadavg()
    print(f"Roster register bench — load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    root = Path(tempfile.mkdtemp(prefix="fieldapp-bench-roster-"))
    monday = monday_of(TODAY)
    month = (monday + timedelta(days=14), monday + timedelta(days=41))
    try:
        seed = root / "seed"
        db = _fresh(seed)
        demo_step(db, today=TODAY)
        db.close()

        def demo():
            database = _fresh(root / "demo")
            try:
                return demo_step(database, today=TODAY)
            finally:
                database.close()

        _best("demo register (4 sites, 45 people, 2 weeks + attendance)", demo)

        def month_run():
            target = root / "month"
            shutil.rmtree(target, ignore_errors=True)
            shutil.copytree(seed, target)
            database = open_database(resolve_paths(target))
            try:
                return generate(database, *month)
            finally:
                database.close()

        result = _best("generate 4 weeks after the demo (convert+solve+save)", month_run)
        print(f"    added {result.added}, missing {result.missing}, dropped {len(result.dropped)}")
        db = open_database(resolve_paths(root / "month"))
        try:
            again = _best("re-generate the same 4 weeks keeping them", lambda: generate(db, *month))
            print(f"    added {again.added}, removed {again.removed}, kept {again.kept}")
            violations = check_saved(db, monday, month[1])
            print(f"    independent checker on the saved 6 weeks: {len(violations)} violations")
            snap = load_snapshot(db, month[0], month[0])
            site = min(snap.sites)
            _best(
                "week grid of one site with conflict marks", lambda: week_grid(db, site, month[0])
            )
            cell = next(d for d in snap.duties if d.site_id == site)
            ranked = _best(
                "ranked candidates for one cell",
                lambda: candidates(db, site, cell.day, cell.shift, replacing=cell.id),
            )
            print(f"    {sum(c.ok for c in ranked)} of {len(ranked)} can take it")
            sick_day = month[0] + timedelta(days=10)
            who = next(d.staff_id for d in load_snapshot(db, sick_day, sick_day).duties)
            before = {(d.cell, d.staff_id) for d in load_snapshot(db, *month).duties}
            started = time.perf_counter()
            replan = mark_unavailable_and_replan(db, who, "sick", sick_day)
            seconds = time.perf_counter() - started
            after = {(d.cell, d.staff_id) for d in load_snapshot(db, *month).duties}
            print(
                f"  {'re-plan after one person falls sick mid-month':58} {seconds * 1000:8.0f} ms"
            )
            print(
                f"    assignments changed {len(before ^ after)}, missing {replan.missing}, "
                f"violations after {len(check_saved(db, monday, month[1]))}"
            )
        finally:
            db.close()
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
