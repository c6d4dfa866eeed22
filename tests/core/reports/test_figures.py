"""The report figures equal what the registers hold (a commune built with known numbers)."""

from __future__ import annotations

from datetime import timedelta

from fieldapp.households.overview import lockdown_counts
from fieldapp.reports.figures import daily_figures, weekly_figures


def test_daily_figures_count_what_the_registers_hold(db, world) -> None:
    f = daily_figures(db, world.day)
    assert (f.areas_in_force, f.households, f.people) == (1, 7, 21)
    assert (f.f0, f.f1, f.f2) == (3, 4, 1)
    assert (f.f0_before, f.f1_before, f.f2_before) == (2, 3, 1)
    assert (f.f0_change, f.f1_change, f.f2_change) == (1, 1, 0)
    assert (f.isolating, f.central) == (7, 3)
    # The cancelled F0 entry is neither a case nor an isolation started.
    assert (f.isolation_started, f.isolation_ended) == (3, 1)
    assert (f.tests_done, f.tests_positive) == (9, 1)
    assert (f.relief_deliveries, f.relief_households) == (4, 4)
    assert f.relief_items == {"Gạo (kg)": 40, "Mì tôm (thùng)": 4}
    assert (f.shifts_planned, f.shifts_staffed, f.shifts_absent) == (3, 2, 1)
    assert (f.checkpoint_entries, f.people_in, f.vehicles) == (5, 6, 2)
    assert f.people_by_site == {"Chốt Nà Pài": 6}
    assert (f.items_due, f.items_overdue, f.items_done) == (1, 1, 1)
    assert [o.label for o in f.overdue] == ["1"]


def test_today_agrees_with_the_households_overview(db, world) -> None:
    f = daily_figures(db, world.day)
    c = lockdown_counts(db, world.day)
    assert (f.households, f.people, f.f0, f.f1, f.f2) == (c.households, c.people, c.f0, c.f1, c.f2)
    assert (f.isolating, f.central) == (c.isolating, c.central)


def test_the_day_before_is_the_state_of_that_day(db, world) -> None:
    f = daily_figures(db, world.day - timedelta(days=1))
    assert (f.f0, f.f1, f.f2) == (2, 3, 1)
    assert (f.tests_done, f.relief_deliveries, f.people_in, f.items_done) == (0, 0, 0, 0)


def test_an_empty_commune_has_zeros(db) -> None:
    from datetime import date

    f = daily_figures(db, date(2021, 8, 20))
    data = f.to_json()
    assert data["day"] == "2021-08-20"
    assert all(v == 0 for k, v in data.items() if isinstance(v, int))


def test_weekly_figures_sum_the_flows_over_seven_days(db, world) -> None:
    w = weekly_figures(db, world.day + timedelta(days=2))
    assert len(w.days) == 7
    assert w.start == world.day - timedelta(days=4)
    assert w.total("tests_done") == 9
    assert w.total("people_in") == 6
    assert w.relief_items() == {"Gạo (kg)": 40, "Mì tôm (thùng)": 4}
    assert w.last.f0 == 3
    assert w.to_json()["days"][4]["tests_done"] == 9
