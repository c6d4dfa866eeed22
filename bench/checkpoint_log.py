"""Benchmark: the checkpoint log (``fieldapp.checkpoints.log``).

Run ``python -m bench checkpoint_log`` (or ``python -m bench.checkpoint_log [N]``). In a fresh
database in a temporary folder (``FIELDAPP_BENCH_DIR`` chooses where: a real disk shows what
``synchronous=FULL`` costs per transaction), prints:

- writing N entries (default 10,000) through the service, one transaction each
  (:func:`add_entry`, the window's way) and all in one (:func:`add_entries`);
- with 100,000 entries over 30 days at 10 checkpoints: the daily count of a day at every
  site and at one, a day's list at one site, and a search by name and by plate (median of
  five runs each).
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

from fieldapp.checkpoints.log import (
    EntryInput,
    add_entries,
    add_entry,
    daily_counts,
    list_entries,
    search_entries,
)
from fieldapp.config import resolve_paths
from fieldapp.db.database import Database, open_database
from fieldapp.rostering.models import Site

PLACES = ("Hà Nội", "Bắc Giang", "Bắc Ninh", "TP. Hồ Chí Minh", "Bình Dương", "Đồng Nai")
SURNAMES = ("Nguyễn", "Hoàng", "Nông", "Triệu", "Lý", "Ma", "Bế", "Đặng")
GIVEN = ("Hùng", "Lan", "Thắng", "Hương", "Khánh", "Nguyệt", "Dũng", "Thủy")


def make_sites(db: Database, count: int) -> list[int]:
    with db.transaction() as s:
        sites = [
            Site(
                name=f"Chốt kiểm soát số {n + 1}",
                kind="checkpoint",
                place="",
                active_from=date(2021, 7, 1),
                pattern="3x8",
                shifts=[],
                staff_per_shift=3,
                require={},
                notes="",
            )
            for n in range(count)
        ]
        s.add_all(sites)
        s.flush()
        return [site.id for site in sites]


def entries(count: int, sites: list[int], days: int, end: datetime) -> list[EntryInput]:
    """``count`` arrivals spread evenly over the ``days`` days before ``end``."""
    step = timedelta(days=days) / count
    out = []
    for n in range(count):
        out.append(
            EntryInput(
                site_id=sites[n % len(sites)],
                full_name=f"{SURNAMES[n % 8]} Văn {GIVEN[(n // 8) % 8]} {n}",
                arrived_at=end - step * (n + 1),
                from_place=PLACES[n % len(PLACES)],
                to_place="thôn Nà Pài",
                vehicle_plate=f"97B1-{n % 1000:03d}.{n % 100:02d}" if n % 3 else "",
                vehicle_kind="Xe máy" if n % 3 else "Đi bộ",
                phone=f"09{n:08d}",
                health_declared=n % 7 != 0,
                people_count=1 + n % 3,
            )
        )
    return out


def median_ms(action: Callable[[], object], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main(argv: list[str] | None = None) -> None:
    """Print write speed (per entry against one batch) and read speed over 100,000 entries."""
    args = argv or []
    count = int(args[0]) if args else 10_000
    where = os.environ.get("FIELDAPP_BENCH_DIR") or None
    now = datetime.now().astimezone().replace(microsecond=0)
    with tempfile.TemporaryDirectory(dir=where) as tmp:
        print(f"database in {tmp}")
        db = open_database(resolve_paths(Path(tmp) / "one"))
        try:
            sites = make_sites(db, 10)
            items = entries(count, sites, 7, now)
            start = time.perf_counter()
            for item in items:
                add_entry(db, item, now=now)
            single = time.perf_counter() - start
            print(
                f"  {count} entries one by one (add_entry):  {single:6.2f} s  "
                f"{single / count * 1000:6.2f} ms each  {count / single:7.0f} entries/s"
            )
        finally:
            db.close()
        db = open_database(resolve_paths(Path(tmp) / "batch"))
        try:
            sites = make_sites(db, 10)
            items = entries(count, sites, 7, now)
            start = time.perf_counter()
            add_entries(db, items, now=now)
            batch = time.perf_counter() - start
            print(
                f"  {count} entries in one go (add_entries): {batch:6.2f} s  "
                f"{batch / count * 1000:6.3f} ms each  {count / batch:7.0f} entries/s  "
                f"({single / batch:.0f}× faster)"
            )
        finally:
            db.close()

        db = open_database(resolve_paths(Path(tmp) / "big"))
        try:
            sites = make_sites(db, 10)
            start = time.perf_counter()
            add_entries(db, entries(100_000, sites, 30, now), now=now)
            print(
                f"  100000 entries over 30 days, 10 checkpoints: written in "
                f"{time.perf_counter() - start:.1f} s"
            )
            day = (now - timedelta(days=10)).date()
            counts = daily_counts(db, day)
            print(f"  one day holds {counts.entries} entries, {counts.people} people")
            for label, action in (
                ("daily count, all checkpoints", lambda: daily_counts(db, day)),
                ("daily count, one checkpoint", lambda: daily_counts(db, day, sites[0])),
                ("day's list, one checkpoint", lambda: list_entries(db, day, sites[0])),
                ("search by name (folded)", lambda: search_entries(db, "nguyen van hung 8")),
                ("search by plate", lambda: search_entries(db, "97b1 123")),
            ):
                print(f"  {label:32} {median_ms(action):7.1f} ms")
        finally:
            db.close()


if __name__ == "__main__":
    main(sys.argv[1:])
