"""The capacity check: shortages in Vietnamese words and a lower bound on the gaps."""

from __future__ import annotations

import dataclasses
from datetime import datetime

from hypothesis import given, settings

from fieldapp.rostering.capacity import check_capacity
from fieldapp.rostering.instance import Instance, Leave, load_instance

from .conftest import DATA
from .instances import instances, police_shortage


def test_police_shortage_message() -> None:
    report = check_capacity(police_shortage(police=3, days=14))
    # 2 sites x 3 shifts x 7 days = 42 police places a week; 3 officers x 6 = 18
    assert "tuần 1 thiếu 24 ca công an (cần 42, 3 người làm được tối đa 18)" in report.messages
    assert any(m.startswith("tuần 2 thiếu 24 ca công an") for m in report.messages)
    assert report.gap_lower_bound == 48
    assert not report.ok


def test_enough_people_no_message() -> None:
    report = check_capacity(load_instance(DATA / "fortnight-6sites-2x12.json"))
    assert report.messages == []
    assert report.gap_lower_bound == 0
    assert report.ok


def test_leave_lowers_the_supply() -> None:
    instance = police_shortage(police=3)
    sick = Leave(datetime(2021, 8, 2), datetime(2021, 8, 5))  # three days: 4 shifts left
    staff = tuple(
        dataclasses.replace(p, unavailable=(sick,)) if p.id == "ca0" else p for p in instance.staff
    )
    report = check_capacity(dataclasses.replace(instance, staff=staff))
    assert report.demand_supply[(0, "police")] == (42, 6 + 6 + 4)
    assert "tuần 1 thiếu 26 ca công an (cần 42, 3 người làm được tối đa 16)" in report.messages


def test_rest_lowers_the_supply() -> None:
    # 12-hour shifts with 24 hours of rest: at most 5 shifts in 7 days (one each 36 hours)
    instance = load_instance(DATA / "fortnight-6sites-2x12.json")
    rules = dataclasses.replace(instance.rules, max_shifts_per_week=7)
    report = check_capacity(dataclasses.replace(instance, rules=rules))
    need, have = report.demand_supply[(0, "police")]
    police = sum(1 for p in instance.staff if "police" in p.roles)
    assert have == 5 * police


@given(instances())
@settings(max_examples=40, deadline=None)
def test_bound_is_never_negative_and_counts_whole_people(instance: Instance) -> None:
    report = check_capacity(instance)
    assert 0 <= report.gap_lower_bound <= report.places
