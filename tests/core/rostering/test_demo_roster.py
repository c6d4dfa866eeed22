"""The demo commune's rosters: alive today, full, valid, fair, and quick to make."""

from __future__ import annotations

from datetime import date, timedelta

from fieldapp.rostering.demo import demo_step
from fieldapp.rostering.store import load_snapshot, monday_of
from fieldapp.rostering.views import day_summary, fairness_table

from .dbfixtures import assert_saved_valid

TODAY = date(2021, 8, 11)  # a Wednesday


def test_demo_roster_covers_this_week_and_next(db):
    counts = demo_step(db, today=TODAY)
    assert counts["điểm trực"] == 4 and counts["người trực"] == 45
    monday = monday_of(TODAY)
    places_a_day = 3 * 3 + 3 * 2 + 2 * 2 + 4 * 2
    assert counts["lượt phân công"] == places_a_day * 14
    assert counts["ca đã điểm danh"] > 0
    assert_saved_valid(db, monday, monday + timedelta(days=13))
    today = day_summary(db, TODAY)
    assert today.shifts == 12 and today.unfilled == 0
    snap = load_snapshot(db, monday, monday + timedelta(days=13))
    # nobody on leave is on duty, the "no nights" health worker never works nights
    phuong = next(p for p in snap.staff.values() if p.name == "Ma Thị Phương")
    assert phuong.no_nights and not any(d.night for d in snap.duties_of(phuong.id))
    marks = list(snap.attendance.values())
    assert {m.status for m in marks} == {"present", "absent", "replaced"}
    rows = [r for r in fairness_table(db, monday, monday + timedelta(days=13)) if not r.days_off]
    shifts = [r.shifts for r in rows if r.roles == ("youth",)]
    assert max(shifts) - min(shifts) <= 2
