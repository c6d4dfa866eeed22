"""Generating, re-planning and importing rosters in the database; every roster checked."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from fieldapp.cli import main
from fieldapp.config import resolve_paths
from fieldapp.db.database import open_database
from fieldapp.errors import UserError
from fieldapp.rostering.editing import assign, set_locked
from fieldapp.rostering.models import Assignment
from fieldapp.rostering.planning import (
    build_plan,
    check_saved_lines,
    export_instance,
    generate,
    import_solution,
    mark_unavailable_and_replan,
)
from fieldapp.rostering.store import (
    add_absence,
    add_site,
    add_staff,
    load_snapshot,
    update_site,
)
from fieldapp.rostering.views import week_grid

from .dbfixtures import MONDAY, assert_saved_valid, small_commune

SUNDAY = MONDAY + timedelta(days=6)


@pytest.fixture
def commune(db):
    sites, people = small_commune(db)
    return db, sites, people


def rows(db, start=MONDAY, end=SUNDAY + timedelta(days=28)):
    with db.session() as s:
        return {
            (r.site_id, r.day, r.shift, r.staff_id): r.locked
            for r in s.scalars(
                select(Assignment).where(Assignment.day >= start, Assignment.day <= end)
            )
        }


def test_generate_a_week_full_valid_with_one_leader_a_shift(commune):
    db, sites, people = commune
    result = generate(db, MONDAY, SUNDAY)
    assert result.added == 2 * 3 * 2 * 7 and result.missing == 0 and result.removed == 0
    assert_saved_valid(db, MONDAY, SUNDAY)
    snap = load_snapshot(db, MONDAY, SUNDAY)
    for duties in snap.by_cell().values():
        assert sum(d.is_leader for d in duties) == 1
        leader = next(d for d in duties if d.is_leader)
        assert "police" in snap.staff[leader.staff_id].roles  # police lead where there are any
    # the same again changes nothing
    again = generate(db, MONDAY, SUNDAY)
    assert (again.added, again.removed, again.kept) == (0, 0, 84)


def test_locked_cells_survive_a_fresh_generation(commune):
    db, sites, people = commune
    generate(db, MONDAY, SUNDAY)
    snap = load_snapshot(db, MONDAY, SUNDAY)
    chosen = [d for d in snap.duties if d.day == MONDAY + timedelta(days=2)][:3]
    set_locked(db, [d.id for d in chosen], True)
    generate(db, MONDAY, SUNDAY, keep_current=False)
    after = rows(db)
    for d in chosen:
        assert after[(d.site_id, d.day, d.shift, d.staff_id)] is True
    assert_saved_valid(db, MONDAY, SUNDAY)


def test_next_week_and_a_mid_week_range_respect_rules_across_the_edges(commune):
    db, sites, people = commune
    generate(db, MONDAY, SUNDAY)
    plan = build_plan(db, SUNDAY + timedelta(days=1), SUNDAY + timedelta(days=7))
    assert plan.instance.start == MONDAY  # the week before is seen (rest, nights)
    generate(db, SUNDAY + timedelta(days=1), SUNDAY + timedelta(days=7))
    assert_saved_valid(db, MONDAY, SUNDAY + timedelta(days=7))
    # re-make Thursday to the next Tuesday from scratch: Monday-Wednesday stay as they are
    before = rows(db)
    generate(db, MONDAY + timedelta(days=3), MONDAY + timedelta(days=8), keep_current=False)
    after = rows(db)
    early = {k for k in before if k[1] < MONDAY + timedelta(days=3)}
    assert early == {k for k in after if k[1] < MONDAY + timedelta(days=3)}
    late = {k for k in before if k[1] > MONDAY + timedelta(days=8)}
    assert late == {k for k in after if k[1] > MONDAY + timedelta(days=8)}
    assert_saved_valid(db, MONDAY, SUNDAY + timedelta(days=7))


def test_sick_from_tomorrow_replans_and_keeps_the_rest(db):
    sites, people = small_commune(db, police=10)
    generate(db, MONDAY, SUNDAY + timedelta(days=7))
    before = rows(db)
    sick = people[0]
    day = MONDAY + timedelta(days=3)
    lost = {k for k in before if k[3] == sick.id and k[1] >= day}
    assert lost
    result = mark_unavailable_and_replan(db, sick.id, "sick", day)
    after = rows(db)
    assert not any(k[3] == sick.id and k[1] >= day for k in after)
    assert {k for k in before if k[1] < day} == {k for k in after if k[1] < day}
    assert result.missing == 0
    changed = len(set(before) ^ set(after))
    assert changed <= 4 * len(lost)  # the rest of the published roster is kept
    assert_saved_valid(db, MONDAY, SUNDAY + timedelta(days=7))


def test_replan_fails_whole_on_a_bad_reason(commune):
    db, sites, people = commune
    generate(db, MONDAY, SUNDAY)
    before = rows(db)
    with pytest.raises(UserError, match="Không rõ lý do"):
        mark_unavailable_and_replan(db, people[0].id, "holiday", MONDAY + timedelta(days=2))
    assert rows(db) == before


def test_personal_limits_and_leave_are_respected(commune):
    db, sites, people = commune
    no_nights = add_staff(db, "Ma Thị Phương", roles=["militia"], no_nights=True)
    few = add_staff(db, "Lục Văn Hòa", roles=["militia"], max_shifts_per_week=2)
    add_absence(db, people[1].id, "leave", MONDAY + timedelta(days=1), MONDAY + timedelta(days=3))
    generate(db, MONDAY, SUNDAY + timedelta(days=7))
    snap = load_snapshot(db, MONDAY, SUNDAY + timedelta(days=7))
    assert not any(d.night for d in snap.duties_of(no_nights.id))
    assert snap.duties_of(no_nights.id)  # but she does work
    for week in (MONDAY, MONDAY + timedelta(days=7)):
        assert (
            0 < sum(1 for d in snap.duties_of(few.id) if week <= d.day < week + timedelta(7)) <= 2
        )
    assert not any(
        MONDAY + timedelta(days=1) <= d.day <= MONDAY + timedelta(days=3)
        for d in snap.duties_of(people[1].id)
    )
    assert_saved_valid(db, MONDAY, SUNDAY + timedelta(days=7))


def test_a_site_opening_mid_week_gets_shifts_only_while_active(commune):
    db, sites, people = commune
    opening = MONDAY + timedelta(days=3)
    gate = add_site(
        db,
        "Cổng khu phong tỏa Bản Cuôn",
        kind="gate",
        active_from=opening,
        pattern="4x6",
        first_start="00:00",
        staff_per_shift=1,
    )
    for i in range(6):
        add_staff(db, f"Thanh niên {i}", roles=["youth"])
    generate(db, MONDAY, SUNDAY)
    days = {d.day for d in load_snapshot(db, MONDAY, SUNDAY).duties if d.site_id == gate.id}
    assert min(days) == opening and len(days) == 4
    assert_saved_valid(db, MONDAY, SUNDAY)
    update_site(db, gate.id, active_to=MONDAY + timedelta(days=4))
    generate(db, MONDAY, SUNDAY)
    grid = week_grid(db, gate.id, MONDAY)
    closed = [c for c in grid.cells.values() if c.day > MONDAY + timedelta(days=4)]
    assert all(not c.active for c in closed)
    # a site closing after its shifts were planned: the stale shifts show as marks
    assert any("không hoạt động" in c.message for cell in closed for c in cell.conflicts)


def test_too_few_police_gives_gaps_with_reasons_and_still_valid(db):
    small_commune(db, police=2, others=20)
    result = generate(db, MONDAY, SUNDAY)
    assert result.missing > 0
    assert any("công an" in line for line in result.gaps)
    assert_saved_valid(db, MONDAY, SUNDAY)
    grid_cells = week_grid(db, 1, MONDAY).cells.values()
    assert any(c.kind == "role" for cell in grid_cells for c in cell.problems)


def test_forced_conflict_is_kept_and_generation_works_around_it(commune):
    db, sites, people = commune
    generate(db, MONDAY, SUNDAY)
    snap = load_snapshot(db, MONDAY, SUNDAY)
    d = next(x for x in snap.duties if x.day == MONDAY + timedelta(days=2) and x.shift == "C1")
    # put the same person on the next shift at the other site too: rest broken, by hand
    other = sites[1].id if d.site_id == sites[0].id else sites[0].id
    out = next(x for x in snap.duties if x.cell == (other, d.day, "C2") and not x.is_leader)
    with pytest.raises(UserError, match="giờ nghỉ"):
        assign(db, other, d.day, "C2", d.staff_id, replacing=out.id)
    assign(db, other, d.day, "C2", d.staff_id, replacing=out.id, force=True)
    grid = week_grid(db, other, MONDAY)
    assert any(c.kind == "rest" for c in grid.cells[(d.day, "C2")].conflicts)
    # re-planning keeps the hand-locked cell and moves the unlocked shift that clashes
    generate(db, MONDAY, SUNDAY)
    after = rows(db)
    assert after[(other, d.day, "C2", d.staff_id)] is True
    assert (d.site_id, d.day, "C1", d.staff_id) not in after
    assert_saved_valid(db, MONDAY, SUNDAY)
    # two locked cells that clash cannot both be kept: the re-plan says so and keeps them
    assign(
        db,
        d.site_id,
        d.day,
        "C1",
        d.staff_id,
        replacing=next(
            x.id
            for x in load_snapshot(db, d.day, d.day).duties
            if x.cell == (d.site_id, d.day, "C1") and not x.is_leader
        ),
        force=True,
    )
    result = generate(db, MONDAY, SUNDAY)
    assert any("giờ nghỉ" in line for line in result.rejected)
    assert week_grid(db, other, MONDAY).cells[(d.day, "C2")].conflicts


def test_export_solve_import_round_trip(commune, tmp_path):
    db, sites, people = commune
    instance_file = tmp_path / "de-bai.json"
    export_instance(db, MONDAY, SUNDAY, instance_file)
    data = json.loads(instance_file.read_text("utf-8"))
    assert data["start"] == MONDAY.isoformat() and len(data["sites"]) == 2
    solution_file = tmp_path / "lich.json"
    assert main(["roster", "solve", str(instance_file), "-o", str(solution_file)]) == 0
    result = import_solution(db, MONDAY, SUNDAY, solution_file)
    assert result.added == 84 and result.missing == 0
    assert_saved_valid(db, MONDAY, SUNDAY)


def test_import_refuses_a_broken_solution_and_changes_nothing(commune, tmp_path):
    db, sites, people = commune
    instance_file = tmp_path / "de-bai.json"
    export_instance(db, MONDAY, SUNDAY, instance_file)
    solution_file = tmp_path / "lich.json"
    main(["roster", "solve", str(instance_file), "-o", str(solution_file)])
    data = json.loads(solution_file.read_text("utf-8"))
    first = data["assignments"][0]
    data["assignments"].append(
        first
        | {
            "shift": next(
                k["id"]
                for k in json.loads(instance_file.read_text("utf-8"))["shifts"]
                if k["id"] != first["shift"]
            )
        }
    )
    solution_file.write_text(json.dumps(data), "utf-8")
    with pytest.raises(UserError, match="Không có gì được lưu"):
        import_solution(db, MONDAY, SUNDAY, solution_file)
    assert rows(db) == {}
    (tmp_path / "hong.json").write_text("{not json", "utf-8")
    with pytest.raises(UserError, match="không phải JSON"):
        import_solution(db, MONDAY, SUNDAY, tmp_path / "hong.json")


def test_bad_ranges_are_refused(commune):
    db, sites, people = commune
    with pytest.raises(UserError, match="từ ngày bắt đầu"):
        generate(db, SUNDAY, MONDAY)
    with pytest.raises(UserError, match="tối đa"):
        generate(db, MONDAY, MONDAY + timedelta(days=200))
    with pytest.raises(UserError, match="Không có điểm trực nào hoạt động"):
        generate(db, date(2020, 1, 6), date(2020, 1, 12))
    assert rows(db) == {}


# --- property: random small communes, random ranges, leave, locks, re-plans ---------------------


@st.composite
def scenario(draw):
    return {
        "police": draw(st.integers(1, 6)),
        "others": draw(st.integers(2, 12)),
        "per_shift": draw(st.integers(1, 3)),
        "pattern": draw(st.sampled_from(["3x8", "2x12", "4x6"])),
        "rest": draw(st.sampled_from([8, 12, 16])),
        "nights": draw(st.integers(0, 3)),
        "week_max": draw(st.integers(2, 6)),
        "first": draw(st.integers(0, 6)),
        "length": draw(st.integers(1, 10)),
        "second": draw(st.integers(0, 12)),
        "leave": draw(st.lists(st.tuples(st.integers(0, 20), st.integers(0, 4)), max_size=3)),
        "locks": draw(st.integers(0, 3)),
        "sick": draw(st.integers(0, 12)),
    }


@given(scenario())
@settings(max_examples=8, deadline=None, suppress_health_check=list(HealthCheck))
def test_random_communes_always_save_valid_rosters(tmp_path_factory, sc):
    from fieldapp.rostering.store import set_rules

    db = open_database(resolve_paths(tmp_path_factory.mktemp("r")))
    try:
        set_rules(
            db,
            min_rest_hours=sc["rest"],
            max_shifts_per_week=sc["week_max"],
            max_consecutive_nights=sc["nights"],
        )
        for name in ("Chốt A", "Chốt B"):
            add_site(
                db,
                name,
                active_from=MONDAY,
                pattern=sc["pattern"],
                staff_per_shift=sc["per_shift"],
                require={"police": 1},
            )
        people = [add_staff(db, f"CA {i}", roles=["police"]) for i in range(sc["police"])]
        people += [add_staff(db, f"DQ {i}", roles=["militia"]) for i in range(sc["others"])]
        for i, (offset, length) in enumerate(sc["leave"]):
            who = people[i % len(people)]
            first = MONDAY + timedelta(days=offset)
            add_absence(db, who.id, "leave", first, first + timedelta(days=length))
        start = MONDAY + timedelta(days=sc["first"])
        end = start + timedelta(days=sc["length"])
        generate(db, start, end)
        snap = load_snapshot(db, start, end)
        for d in snap.duties[: sc["locks"]]:
            set_locked(db, [d.id], True)
        second = MONDAY + timedelta(days=sc["second"])
        generate(db, second, second + timedelta(days=5), keep_current=False)
        last = max(end, second + timedelta(days=5))
        assert_saved_valid(db, MONDAY, last)
        sick_day = MONDAY + timedelta(days=sc["sick"])
        mark_unavailable_and_replan(db, people[-1].id, "sick", sick_day)
        assert not any(
            d.staff_id == people[-1].id and d.day >= sick_day
            for d in load_snapshot(db, sick_day, max(last, sick_day)).duties
        )
        assert_saved_valid(db, MONDAY, last)
    finally:
        db.close()


def test_unavailable_with_no_roster_just_records_the_leave(commune):
    db, sites, people = commune
    result = mark_unavailable_and_replan(db, people[0].id, "quarantine", MONDAY)
    assert "chỉ ghi nhận" in result.warnings[0]
    snap = load_snapshot(db, MONDAY, MONDAY)
    assert snap.absences[people[0].id][0].starts == datetime.combine(MONDAY, datetime.min.time())


def test_each_broken_rule_is_told_in_the_registers_words(commune):
    """Hand edits forced past every rule (two sites at once, too little rest, three nights
    in a row, seven shifts in a week): `roster verify` says who, where, which shift and day
    and which limit, once each, never a file id nor why someone is away."""
    db, sites, people = commune
    cau, napai = sites
    who = people[0]  # "Công an 1"

    def force(site, n: int, shift: str) -> None:
        assign(db, site.id, MONDAY + timedelta(days=n), shift, who.id, force=True)

    force(cau, 0, "C1")
    force(napai, 0, "C1")  # two sites at once
    force(cau, 0, "C2")  # 14:00 after a morning that ends then: no rest
    force(cau, 2, "C3")
    force(cau, 3, "C3")
    force(cau, 4, "C3")  # a third night
    force(napai, 6, "C2")  # the seventh shift of the week
    lines = check_saved_lines(db, MONDAY, SUNDAY)
    assert len(lines) == len(set(lines))
    text = "\n".join(lines)
    assert "Công an 1 trực hai nơi cùng lúc: Chốt Cầu Bằng Lãng, ca 1 (06:00–14:00) ngày " \
        "02/08/2021 và Chốt Nà Pài, ca 1 (06:00–14:00) ngày 02/08/2021" in text  # fmt: skip
    assert "Công an 1 chỉ được nghỉ 0 giờ (cần 16) giữa" in text
    assert "Công an 1 trực 3 đêm liền đến Chốt Cầu Bằng Lãng, ca 3 (22:00–06:00) ngày " \
        "06/08/2021 (tối đa 2)" in text  # fmt: skip
    assert "Công an 1 trực 7 ca trong tuần từ 02/08/2021 (tối đa 6)" in text
    assert "site-" not in text and "p1" not in text and "Assignment" not in text
    # leave recorded afterwards: told as away, not why
    add_absence(db, who.id, "sick", MONDAY + timedelta(days=6), MONDAY + timedelta(days=6))
    lines = check_saved_lines(db, MONDAY, SUNDAY)
    away = [line for line in lines if "đang nghỉ hoặc bận" in line]
    assert away == [
        "Công an 1 đang nghỉ hoặc bận mà được xếp trực: Chốt Nà Pài, ca 2 (14:00–22:00) "
        "ngày 08/08/2021"
    ]
    assert "ốm" not in "\n".join(lines) and "sick" not in "\n".join(lines)
