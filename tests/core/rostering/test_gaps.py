"""Honest gaps: the role named, real blockers counted, screen and checker agree (issue 16)."""

from __future__ import annotations

import re
from datetime import date, timedelta

from fieldapp.rostering.gaps import cell_gaps
from fieldapp.rostering.planning import checked_gaps, generate, mark_unavailable_and_replan
from fieldapp.rostering.snapshot import load_snapshot
from fieldapp.rostering.views import week_grids

from .dbfixtures import MONDAY, assert_saved_valid, small_commune


def _screen_gaps(db, start: date, end: date) -> list:
    out = []
    monday = start - timedelta(days=start.weekday())
    while monday <= end:
        for grid in week_grids(db, monday):
            for (day, shift), cell in grid.cells.items():
                if start <= day <= end:
                    out += [((cell.site_id, day, shift), g.role, g.missing) for g in cell.gaps]
        monday += timedelta(days=7)
    return sorted(out, key=lambda x: (x[0][1], x[0][0], x[0][2], x[1] or ""))


def test_six_police_one_sick_gaps_named_and_counted_honestly(db):
    sites, people = small_commune(db, police=6, others=16)
    end = MONDAY + timedelta(days=13)
    generate(db, MONDAY, end)
    first_police = people[0]
    result = mark_unavailable_and_replan(db, first_police.id, "sick", MONDAY + timedelta(days=3))
    assert_saved_valid(db, MONDAY, end)

    checker = checked_gaps(db, MONDAY, end)
    screen = _screen_gaps(db, MONDAY, end)
    assert checker, "six police cannot hold two sites 24/7"
    assert sorted(checker, key=lambda x: (x[0][1], x[0][0], x[0][2], x[1] or "")) == screen
    assert any(role == "police" for _, role, _ in checker)
    assert result.missing == sum(n for cell, _, n in checker if cell[1] >= MONDAY + timedelta(3))

    snap = load_snapshot(db, MONDAY - timedelta(days=8), end + timedelta(days=8))
    police_gaps = [
        g
        for (cell, role, _) in checker
        if role == "police"
        for g in cell_gaps(snap, *cell)
        if g.role == "police"
    ]
    for gap in police_gaps:
        assert gap.text == f"thiếu {gap.missing} công an"
        assert sum(gap.blockers.values()) <= 6  # only the six police are counted
        assert all(n > 0 for n in gap.blockers.values())
        numbers = [
            int(n) for n in re.findall(r"(\d+) (?:ốm|nghỉ phép|đang|chưa|đã|còn|không)", gap.reason)
        ]
        assert sum(numbers) <= 6
    # the sick officer is counted as sick on a gap after the day he fell ill
    later = [g for g in police_gaps if g.day >= MONDAY + timedelta(days=4)]
    assert later and all(g.blockers.get("sick") == 1 for g in later)
    assert any("thiếu 1 công an" in line for line in result.gaps)


def test_days_before_a_site_opens_have_no_gaps(db):
    sites, _ = small_commune(db, police=4, others=6)
    from fieldapp.rostering.register import add_site

    late = add_site(
        db,
        "Chốt mở giữa tuần",
        active_from=MONDAY + timedelta(days=3),
        staff_per_shift=2,
        require={"police": 1},
    )
    generate(db, MONDAY, MONDAY + timedelta(days=6))
    snap = load_snapshot(db, MONDAY - timedelta(days=8), MONDAY + timedelta(days=14))
    assert cell_gaps(snap, late.id, MONDAY, late.shifts[0].id) == []
    checker = checked_gaps(db, MONDAY, MONDAY + timedelta(days=6))
    assert all(cell[1] >= late.active_from for cell, _, _ in checker if cell[0] == late.id)


def test_month_grid_and_day_rows_agree_with_the_week_grid(db):
    from fieldapp.rostering.views import day_rows, month_grid, week_grid

    sites, _ = small_commune(db, police=6, others=16)
    generate(db, MONDAY, MONDAY + timedelta(days=13))
    month = month_grid(db, sites[0].id, MONDAY + timedelta(days=3))
    assert month.week_start == MONDAY.replace(day=1) and month.length == 31  # August 2021
    week = week_grid(db, sites[0].id, MONDAY)
    for key, cell in week.cells.items():
        other = month.cells[key]
        assert [p.staff_id for p in other.people] == [p.staff_id for p in cell.people]
        assert [(g.role, g.missing) for g in other.gaps] == [(g.role, g.missing) for g in cell.gaps]
    rows = day_rows(db, MONDAY + timedelta(days=2))
    assert {r.site.id for r in rows} == {s.id for s in sites}
    assert len(rows) == sum(len(s.shifts) for s in sites)
    for r in rows:
        assert week_grid(db, r.site.id, MONDAY).cells[(MONDAY + timedelta(2), r.shift.id)].people
