"""One rule for "area in force" and one count by status: the overview, the daily report and
the district roll-up give the same households, people and F0/F1 (issue 17)."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select

from fieldapp.households.models import HouseholdMember, LockdownArea
from fieldapp.households.overview import lockdown_counts
from fieldapp.households.queries import (
    area_in_force,
    areas_in_force,
    household_totals,
    status_counts,
)
from fieldapp.households.service import (
    AreaInput,
    HouseholdInput,
    MemberInput,
    add_area,
    add_household,
    change_status,
    list_areas,
)
from fieldapp.reports.figures import daily_figures
from fieldapp.sync.district import district_summary

TODAY = date(2021, 8, 20)


def _area(db, name: str, start: date, end: date | None, people: list[str]) -> int:
    area = add_area(db, AreaInput(name=name, started_on=start))
    if end is not None:
        with db.transaction() as s:
            s.get(LockdownArea, area).ended_on = end
    for n, status in enumerate(people):
        add_household(
            db,
            area,
            HouseholdInput(village="Nà Pài"),
            [MemberInput(f"Hoàng Văn {'ABCDEFGH'[n]}", is_head=True), MemberInput("Lò Thị Mai")],
        )
        if status:
            with db.session() as s:
                member = s.scalars(select(HouseholdMember.id).order_by(HouseholdMember.id.desc()))
                member_id = member.first()
            change_status(db, member_id, status, isolation="home", start=TODAY - timedelta(days=1))
    return area


def _world(db) -> dict[str, int]:
    return {
        "in force": _area(db, "Khu A đang phong tỏa", TODAY - timedelta(9), None, ["F0", "F1", ""]),
        "ends today": _area(db, "Khu B kết thúc hôm nay", TODAY - timedelta(20), TODAY, ["F1"]),
        "ended": _area(db, "Khu C đã kết thúc", TODAY - timedelta(30), TODAY - timedelta(1), ["F0"]),
        "starts tomorrow": _area(db, "Khu D từ mai", TODAY + timedelta(1), None, ["F1", "F2"]),
    }  # fmt: skip


def test_the_rule_at_its_edges(db):
    areas = _world(db)
    with db.session() as s:
        found = set(s.scalars(areas_in_force(TODAY)))
        assert found == {areas["in force"], areas["ends today"]}
        assert set(s.scalars(areas_in_force(TODAY + timedelta(1)))) == {
            areas["in force"],
            areas["starts tomorrow"],
        }
        for area in s.scalars(select(LockdownArea)):
            assert area_in_force(area, TODAY) == (area.id in found)
    assert {a.id for a in list_areas(db, TODAY) if a.in_force} == found


def test_overview_report_and_district_count_alike(db):
    _world(db)
    with db.session() as s:
        totals = household_totals(s, TODAY)[None]
        statuses = status_counts(s, TODAY)[None]
    # 3 + 1 households of two people in the areas in force; F0 1, F1 1 + 1
    assert totals == (4, 8)
    assert (statuses.f0, statuses.f1, statuses.f2) == (1, 2, 0)
    assert statuses.isolating == 3

    overview = lockdown_counts(db, TODAY)
    report = daily_figures(db, TODAY)
    district = district_summary(db, day=TODAY)
    own = next(c for c in district.communes if c.own)
    for figures in (overview, report, own):
        assert (figures.households, figures.people) == totals, type(figures).__name__
        assert (figures.f0, figures.f1) == (statuses.f0, statuses.f1), type(figures).__name__
    assert overview.areas_in_force == report.areas_in_force == 2
    assert overview.isolating == report.isolating == statuses.isolating

    # a day later the area that ended today is out and the one starting tomorrow is in
    later = TODAY + timedelta(days=1)
    with db.session() as s:
        assert household_totals(s, later)[None] == (5, 10)
    assert lockdown_counts(db, later).households == daily_figures(db, later).households == 5
