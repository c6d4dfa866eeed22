"""Benchmark: the health follow-up (``fieldapp.health``), issue 19's targets.

Run ``python -m bench followup`` (or ``python -m bench.followup [PEOPLE]``). In a fresh
database in a temporary folder, with PEOPLE (default 5,000) people treated or isolated at home
in 1,250 households of 8 villages, each with two checks yesterday and one today (a few with a
danger sign), prints:

- the follow-up lists (due, missed, danger in 24 h, ending tomorrow) for the whole commune and
  for one village: median and worst of seven runs, beside the floor measured in the same run —
  the same people's columns with their household read as plain rows (no checks looked at);
- a round of 100 checks typed in the follow-up tab with key events only (temperature, Tab,
  SpO2, Enter, next person), offscreen: the wall time per check, beside a bare Qt event loop
  processing the same key events in an empty line edit.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert, select

from fieldapp.config import resolve_paths
from fieldapp.db.base import new_uuid, utcnow
from fieldapp.db.database import Database, open_database
from fieldapp.health.followup import _PERSON, _followed_query, followup_lists
from fieldapp.health.models import FollowUpCheck
from fieldapp.households.collation import name_sort_bytes, text_sort_bytes
from fieldapp.households.models import HealthStatus, Household, HouseholdMember, LockdownArea
from fieldapp.text.vietnamese import fold

SURNAMES = ("Nguyễn", "Hoàng", "Nông", "Triệu", "Lý", "Ma", "Bế", "Đặng")
GIVEN = ("Hùng", "Lan", "Thắng", "Hương", "Khánh", "Nguyệt", "Dũng", "Thủy", "Ỏi", "Ánh")
VILLAGES = (
    "Nà Pài",
    "Bản Lác",
    "Khuổi Cuộng",
    "Nà Tùm",
    "Bản Cuôn",
    "Nà Ngòa",
    "Pác Nặm",
    "Cốc Xả",
)


def _sync(device: str) -> dict:
    now = utcnow()
    return {"uuid": new_uuid(), "created_at": now, "updated_at": now, "device_id": device}


def build(db: Database, people: int) -> None:
    """PEOPLE followed people with three checks each, written in bulk (setup, not measured)."""
    rng = random.Random(19)
    today = date.today()
    device = db.device_id
    now = datetime.now().astimezone()
    with db.transaction() as s:
        area = LockdownArea(name="Khu phong tỏa", started_on=today - timedelta(days=6))
        s.add(area)
        s.flush()
        households = []
        for h in range(people // 4):
            village = VILLAGES[h % len(VILLAGES)]
            head = f"{rng.choice(SURNAMES)} Văn {rng.choice(GIVEN)}"
            households.append(
                {
                    **_sync(device),
                    "area_id": area.id,
                    "head_name": head,
                    "village": village,
                    "street": "",
                    "house_number": str(h + 1),
                    "phone": "",
                    "notes": "",
                    "poor": False,
                    "search_fold": fold(head),
                    "head_sort": name_sort_bytes(head),
                    "village_sort": text_sort_bytes(village),
                    "match_key": f"bench-{h}",
                    "member_count": 4,
                }
            )
        s.execute(insert(Household), households)
        ids = list(s.scalars(select(Household.id).order_by(Household.id)))
        members = []
        for hid in ids:
            for position in range(4):
                name = f"{rng.choice(SURNAMES)} Thị {rng.choice(GIVEN)}"
                status = "F0" if position == 0 else "F1"
                members.append(
                    {
                        **_sync(device),
                        "household_id": hid,
                        "position": position,
                        "full_name": name,
                        "name_fold": fold(name),
                        "birth_year": rng.randint(1940, 2018),
                        "is_head": position == 0,
                        "phone": f"09{rng.randint(10**7, 10**8 - 1)}",
                        "status": status,
                        "isolation": "home",
                        "isolation_start": today - timedelta(days=5),
                        "isolation_end": today + timedelta(days=rng.randint(1, 9)),
                    }
                )
        s.execute(insert(HouseholdMember), members)
        member_ids = list(s.scalars(select(HouseholdMember.id)))
        statuses, checks = [], []
        # Two checks yesterday and one today, whatever the hour the bench runs at (hours
        # back from now put two of them on today after 20:00, and nobody was due).
        midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
        check_times = (
            midnight - timedelta(hours=16),
            midnight - timedelta(hours=6),
            min(now, max(midnight + timedelta(minutes=1), now - timedelta(hours=2))),
        )
        for mid in member_ids:
            statuses.append(
                {
                    **_sync(device),
                    "member_id": mid,
                    "status": "F1",
                    "isolation": "home",
                    "start": today - timedelta(days=5),
                    "recorded_at": utcnow(),
                    "author": "bench",
                    "source": "manual",
                    "note": "",
                }
            )
            for checked_at in check_times:
                danger = rng.random() < 0.01
                checks.append(
                    {
                        **_sync(device),
                        "member_id": mid,
                        "checked_at": checked_at,
                        "temperature": 37.0,
                        "spo2": 92 if danger else 97,
                        "symptoms": [],
                        "note": "",
                        "checked_by": "bench",
                        "by_phone": False,
                        "danger": danger,
                        "danger_signs": ["spo2"] if danger else [],
                        "action": "",
                        "action_by": "",
                        "action_note": "",
                    }
                )
        s.execute(insert(HealthStatus), statuses)
        s.execute(insert(FollowUpCheck), checks)


def timed(work, runs: int = 7) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times), max(times)


def lists_figures(db: Database) -> None:
    today = date.today()

    def floor() -> int:
        with db.session() as s:
            return len(s.connection().execute(_followed_query(today, *_PERSON)).all())

    followed = floor()
    floor_median, floor_worst = timed(floor)
    all_median, all_worst = timed(lambda: followup_lists(db, today))
    village_median, village_worst = timed(lambda: followup_lists(db, today, village="Nà Pài"))
    lists = followup_lists(db, today)
    print(
        f"   {followed} people followed, {len(lists.due)} due, {len(lists.danger)} danger signs "
        "in 24 h"
    )
    print(
        f"   follow-up lists, whole commune: median {all_median * 1000:.0f} ms, worst "
        f"{all_worst * 1000:.0f} ms (target 200 ms)"
    )
    print(
        f"   follow-up lists, one village:   median {village_median * 1000:.0f} ms, worst "
        f"{village_worst * 1000:.0f} ms"
    )
    print(
        f"   floor (the same people, plain SELECT): median {floor_median * 1000:.0f} ms, worst "
        f"{floor_worst * 1000:.0f} ms"
    )


def keyboard_round(db: Database, checks: int = 100) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QLineEdit

    from ui.operations import wait_for_operations
    from ui.pages.households.followup import FollowUpPanel

    app = QApplication.instance() or QApplication([])
    panel = FollowUpPanel(db)
    panel.resize(1156, 700)
    panel.show()
    panel.refresh()
    while panel.lists is None:
        app.processEvents()
        wait_for_operations()
    app.processEvents()

    def type_check() -> None:
        before = panel.selected_person().member_id
        QTest.keyClicks(panel.temperature, "36,8")
        QTest.keyClick(panel.temperature, Qt.Key.Key_Tab)
        QTest.keyClicks(panel.spo2, "97")
        QTest.keyClick(panel.spo2, Qt.Key.Key_Return)
        while panel.selected_person() is None or panel.selected_person().member_id == before:
            app.processEvents()
            wait_for_operations(1.0)

    started = time.perf_counter()
    for _ in range(checks):
        type_check()
    elapsed = time.perf_counter() - started

    bare = QLineEdit()
    bare.show()
    started = time.perf_counter()
    for _ in range(checks):
        QTest.keyClicks(bare, "36,8")
        QTest.keyClick(bare, Qt.Key.Key_Tab)
        QTest.keyClicks(bare, "97")
        QTest.keyClick(bare, Qt.Key.Key_Return)
        app.processEvents()
    bare_elapsed = time.perf_counter() - started
    with db.session() as s:
        from sqlalchemy import func

        stored = s.scalar(
            select(func.count())
            .select_from(FollowUpCheck)
            .where(FollowUpCheck.checked_by != "bench")
        )
    print(
        f"   round of {checks} checks by keyboard only: {elapsed:.1f} s "
        f"({elapsed / checks * 1000:.0f} ms a check, written one by one), {stored} stored"
    )
    print(
        f"   floor (the same keys into a bare line edit): {bare_elapsed * 1000 / checks:.1f} ms a "
        "check"
    )
    panel.close()
    panel.deleteLater()
    bare.deleteLater()
    app.processEvents()


def main(people: int = 5000) -> None:
    base = os.environ.get("FIELDAPP_BENCH_DIR")
    with tempfile.TemporaryDirectory(dir=base) as tmp:
        db = open_database(resolve_paths(Path(tmp) / "data"))
        try:
            started = time.perf_counter()
            build(db, people)
            print(
                f"   setup: {people} people, {3 * people} checks in {time.perf_counter() - started:.1f} s"
            )
            lists_figures(db)
            keyboard_round(db)
        finally:
            db.close()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5000)
