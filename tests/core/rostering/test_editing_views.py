"""Hand changes (who can take a cell, assign, swap, lock, leader, undo), the views, attendance."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from fieldapp.errors import UserError
from fieldapp.rostering.attendance import (
    Mark,
    attendance_counts,
    attendance_sheet,
    clear_attendance,
    mark_attendance,
    mark_many,
)
from fieldapp.rostering.editing import (
    assign,
    candidates,
    range_state,
    remove_assignment,
    restore_range,
    set_leader,
    set_locked,
    swap,
)
from fieldapp.rostering.planning import generate
from fieldapp.rostering.store import add_absence, add_staff, load_snapshot
from fieldapp.rostering.views import day_summary, fairness_table, person_view, week_grid

from .dbfixtures import MONDAY, assert_saved_valid, small_commune

SUNDAY = MONDAY + timedelta(days=6)
WED = MONDAY + timedelta(days=2)


@pytest.fixture
def planned(db):
    sites, people = small_commune(db, police=9, others=16)
    generate(db, MONDAY, SUNDAY)
    return db, sites, people


def cell_of(db, site_id, day, shift):
    return [d for d in load_snapshot(db, day, day).duties if d.cell == (site_id, day, shift)]


def test_candidates_are_ranked_and_the_top_one_breaks_nothing(planned):
    db, sites, people = planned
    members = cell_of(db, sites[0].id, WED, "C2")
    leaving = next(d for d in members if not d.is_leader)
    working = {d.staff_id for d in load_snapshot(db, WED - timedelta(1), WED + timedelta(1)).duties}
    sick_one = next(p for p in reversed(people) if p.id not in working)
    add_absence(db, sick_one.id, "sick", WED, WED)
    ranked = candidates(db, sites[0].id, WED, "C2", replacing=leaving.id)
    assert ranked and all(c.staff.id not in {d.staff_id for d in members} for c in ranked)
    oks = [c for c in ranked if c.ok]
    assert oks and ranked[: len(oks)] == oks  # those who can come first
    sick = next(c for c in ranked if c.staff.id == sick_one.id)
    assert not sick.ok and "ốm" in sick.reason
    busy = [c for c in ranked if any(p.kind in ("overlap", "rest") for p in c.problems)]
    assert busy and all(not c.ok for c in busy)
    top = oks[0]
    assert "ca tuần này" in top.summary
    new_id = assign(db, sites[0].id, WED, "C2", top.staff.id, replacing=leaving.id)
    after = cell_of(db, sites[0].id, WED, "C2")
    assert {d.staff_id for d in after} == {d.staff_id for d in members} - {leaving.staff_id} | {
        top.staff.id
    }
    assert next(d for d in after if d.id == new_id).locked
    assert_saved_valid(db, MONDAY, SUNDAY)


def test_assign_refuses_rule_breaking_and_full_cells(planned):
    db, sites, people = planned
    members = cell_of(db, sites[0].id, WED, "C1")
    other = cell_of(db, sites[1].id, WED, "C1")[0]
    with pytest.raises(UserError, match="đã đủ 2 người"):
        assign(db, sites[0].id, WED, "C1", people[-1].id)
    with pytest.raises(UserError, match="Trùng giờ"):
        assign(db, sites[0].id, WED, "C1", other.staff_id, replacing=members[1].id)
    with pytest.raises(UserError, match="đã có trong ca"):
        assign(db, sites[0].id, WED, "C1", members[0].staff_id, replacing=members[1].id)
    assert cell_of(db, sites[0].id, WED, "C1") == members


def test_remove_lock_leader_and_swap(planned):
    db, sites, people = planned
    a = cell_of(db, sites[0].id, WED, "C1")
    leader = next(d for d in a if d.is_leader)
    gone = remove_assignment(db, leader.id)
    assert gone["leader"] and gone["staff_id"] == leader.staff_id
    left = cell_of(db, sites[0].id, WED, "C1")
    assert len(left) == 1 and left[0].is_leader  # the one left leads
    assert week_grid(db, sites[0].id, MONDAY).cells[(WED, "C1")].missing == 1
    set_locked(db, [left[0].id], True)
    assert cell_of(db, sites[0].id, WED, "C1")[0].locked
    set_locked(db, [left[0].id], False)
    # swap two people of the same shift kind later in the week (the latest such duty: a
    # steady team may have the same person on Monday's and Sunday's first shift)
    x = next(d for d in cell_of(db, sites[1].id, MONDAY, "C1") if not d.is_leader)
    y = max(
        (
            d
            for d in load_snapshot(db, MONDAY, SUNDAY).duties
            if d.site_id == sites[1].id
            and not d.is_leader
            and d.staff_id != x.staff_id
            and d.day > MONDAY
            and d.shift == "C1"
        ),
        key=lambda d: d.day,
    )
    try:
        swap(db, x.id, y.id)
    except UserError as err:  # the rules may forbid this pair: then force must work
        assert "không nhận được" in str(err)
        swap(db, x.id, y.id, force=True)
    snap = load_snapshot(db, MONDAY, SUNDAY)
    by_id = {d.id: d for d in snap.duties}
    assert by_id[x.id].staff_id == y.staff_id and by_id[y.id].staff_id == x.staff_id
    assert by_id[x.id].locked and by_id[y.id].locked
    with pytest.raises(UserError, match="khác nhau"):
        swap(db, x.id, x.id)
    b = cell_of(db, sites[1].id, WED, "C3")
    follower = next(d for d in b if not d.is_leader)
    former = set_leader(db, follower.id)
    assert former == next(d for d in b if d.is_leader).id
    assert [d.is_leader for d in cell_of(db, sites[1].id, WED, "C3") if d.id == follower.id] == [
        True
    ]


def test_undo_of_a_generation_restores_the_week(planned):
    db, sites, people = planned
    state = range_state(db, MONDAY, SUNDAY)
    before = sorted((d.cell, d.staff_id) for d in load_snapshot(db, MONDAY, SUNDAY).duties)
    add_staff(db, "Người mới", roles=["police"])
    generate(db, MONDAY, SUNDAY, keep_current=False)
    restore_range(db, MONDAY, SUNDAY, state)
    after = sorted((d.cell, d.staff_id) for d in load_snapshot(db, MONDAY, SUNDAY).duties)
    assert after == before


def test_week_grid_person_view_fairness_and_day_summary(planned):
    db, sites, people = planned
    grid = week_grid(db, sites[0].id, WED)
    assert grid.week_start == MONDAY and len(grid.cells) == 21
    assert grid.missing == 0 and grid.conflict_count == 0
    cell = grid.cells[(WED, "C3")]
    assert cell.people[0].leader and len(cell.people) == 2
    # a forced double booking shows on both cells, with the reason
    x = cell.people[1]
    other = cell_of(db, sites[1].id, WED, "C3")
    assign(
        db,
        sites[1].id,
        WED,
        "C3",
        x.staff_id,
        replacing=next(d.id for d in other if not d.is_leader),
        force=True,
    )
    grid = week_grid(db, sites[0].id, MONDAY)
    reasons = grid.cells[(WED, "C3")].reasons
    assert any("Trùng giờ" in r and x.name in r for r in reasons)
    view = person_view(db, x.staff_id, MONDAY, SUNDAY)
    assert view.duties and view.hours == 8 * len(view.duties)
    rows = fairness_table(db, MONDAY, SUNDAY)
    assert sum(r.shifts for r in rows) == 2 * 3 * 2 * 7
    assert sum(r.nights for r in rows) == 2 * 2 * 7
    assert sum(r.weekends for r in rows) == 2 * 3 * 2 * 2
    assert sum(r.leader for r in rows) == 2 * 3 * 7
    summary = day_summary(db, WED)
    assert summary.shifts == 6 and summary.people == 12 and summary.conflicts >= 2
    remove_assignment(db, cell_of(db, sites[0].id, WED, "C1")[0].id)
    summary = day_summary(db, WED)
    assert summary.unfilled >= 1 and summary.missing == 1


def test_attendance_marks_and_counts(planned):
    db, sites, people = planned
    sheet = attendance_sheet(db, WED, sites[0].id)
    assert len(sheet) == 6 and sheet[0].is_leader and sheet[0].status is None
    first, second = sheet[0], sheet[1]
    mark_attendance(db, first.assignment_id, "present", marked_by="Trưởng ca")
    free = next(p for p in people if p.id not in {r.staff_id for r in sheet})
    mark_many(
        db,
        [Mark(second.assignment_id, "replaced", free.id, "ốm đột xuất")],
        marked_by="Trưởng ca",
    )
    sheet = attendance_sheet(db, WED, sites[0].id)
    assert sheet[0].status_label == "có mặt"
    assert sheet[1].status == "replaced" and sheet[1].replaced_by == free.name
    counts = attendance_counts(db, MONDAY, SUNDAY)
    assert counts[second.staff_id]["absent"] == 1 and counts[free.id]["covered"] == 1
    with pytest.raises(UserError, match="người trực thay"):
        mark_attendance(db, first.assignment_id, "replaced")
    with pytest.raises(UserError, match="Không rõ trạng thái"):
        mark_attendance(db, first.assignment_id, "late")
    with pytest.raises(UserError, match="người khác"):
        mark_attendance(db, first.assignment_id, "replaced", replaced_by=first.staff_id)
    # all or nothing: one bad mark, none saved
    with pytest.raises(UserError):
        mark_many(db, [Mark(sheet[2].assignment_id, "present"), Mark(999999, "present")])
    assert attendance_sheet(db, WED, sites[0].id)[2].status is None
    # an attended shift is history: not removed, not swapped, kept by re-plans
    with pytest.raises(UserError, match="điểm danh"):
        remove_assignment(db, first.assignment_id)
    generate(db, MONDAY, SUNDAY, keep_current=False)
    assert attendance_sheet(db, WED, sites[0].id)[0].status == "present"
    clear_attendance(db, first.assignment_id)
    assert attendance_sheet(db, WED, sites[0].id)[0].status is None
    rows = fairness_table(db, MONDAY, SUNDAY)
    assert next(r for r in rows if r.staff_id == free.id).covered == 1
    assert date(2021, 8, 4) == WED
