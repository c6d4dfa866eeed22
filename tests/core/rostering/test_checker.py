"""The independent checker catches each kind of broken rule (so it can be trusted elsewhere)."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from fieldapp.rostering.checker import check, check_gaps
from fieldapp.rostering.instance import Assignment, parse_instance
from fieldapp.rostering.solution import Gap, RejectedLock, Solution

from .instances import SHIFT_SETS

D = date(2021, 8, 2)


def _instance(**rules):
    return parse_instance(
        {
            "name": "tiny",
            "start": "2021-08-02",
            "days": 14,
            "shifts": SHIFT_SETS["3x8"],
            "sites": [
                {
                    "id": "A",
                    "name": "A",
                    "shifts": ["S1", "S2", "S3"],
                    "staff_per_shift": 1,
                    "require": {"police": 1},
                },
                {"id": "B", "name": "B", "shifts": ["S1", "S2", "S3"], "staff_per_shift": 1},
            ],
            "staff": [
                {
                    "id": "x",
                    "name": "X",
                    "roles": ["police"],
                    "unavailable": [{"from": "2021-08-10T12:00", "to": "2021-08-11T00:00"}],
                },
                {"id": "y", "name": "Y", "roles": ["youth"]},
            ],
            "rules": {"min_rest_hours": 16, "max_shifts_per_week": 3, "max_consecutive_nights": 2}
            | rules,
            "locked": [{"site": "B", "date": "2021-08-03", "shift": "S1", "staff": "y"}],
        }
    )


def _day(n: int) -> date:
    return date(2021, 8, 2 + n)


def a(site: str, n: int, shift: str, staff: str = "x") -> Assignment:
    return Assignment(date=_day(n), shift=shift, site=site, staff=staff)


LOCK = a("B", 1, "S1", "y")


def _rules(assignments, rejected=()) -> list[str]:
    solution = Solution(assignments=list(assignments), rejected_locks=list(rejected))
    return sorted({v.rule for v in check(_instance(), solution)})


def test_valid_roster_passes() -> None:
    assert _rules([a("A", 0, "S1"), a("A", 1, "S1"), a("A", 2, "S2"), LOCK]) == []


@pytest.mark.parametrize(
    ("assignments", "rule"),
    [
        ([a("A", 0, "S1"), a("B", 0, "S1")], "overlap"),  # two sites at once
        ([a("A", 0, "S2"), a("A", 1, "S1")], "rest"),  # 22:00 -> 06:00 is 8 h
        ([a("A", 0, "S3"), a("A", 1, "S2")], "rest"),  # night until 06:00, then 14:00
        ([a("A", 0, "S1"), a("A", 1, "S1"), a("A", 2, "S1"), a("A", 3, "S1")], "weekly"),
        ([a("A", 8, "S3")], "leave"),  # leave 10/08 12:00-24:00
        ([a("A", 8, "S2")], "leave"),  # 10/08 14:00 starts inside it
        ([a("A", 0, "S1", "y"), a("A", 0, "S1", "x"), LOCK], "overstaffed"),
        ([a("A", 0, "S1"), a("A", 0, "S1")], "duplicate"),
        ([a("C", 0, "S1")], "unknown"),
        ([a("A", 20, "S1")], "unknown"),
    ],
)
def test_each_rule_is_caught(assignments, rule: str) -> None:
    found = _rules([*assignments, LOCK] if LOCK not in assignments else assignments)
    assert rule in found


def test_leave_boundary_is_exact() -> None:
    # a night from the 9th 22:00 to the 10th 06:00 ends before the leave at 12:00
    assert "leave" not in _rules([a("A", 7, "S3"), LOCK])


def test_consecutive_nights() -> None:
    two = [a("A", 0, "S3"), a("A", 1, "S3"), LOCK]
    assert _rules(two) == []
    assert "nights" in _rules([*two, a("A", 2, "S3")])
    # a night off in between starts a new run (and week 2 has its own count)
    assert _rules([*two, a("A", 9, "S3"), a("A", 10, "S3")]) == []


def test_locked_cell_must_be_kept_or_reported() -> None:
    assert "lock" in _rules([a("A", 0, "S1")])
    assert "lock" not in _rules([a("A", 0, "S1")], [RejectedLock(LOCK, "y nghỉ")])
    assert "lock" in _rules([a("A", 0, "S1")], [RejectedLock(LOCK, " ")])


def test_gap_list_must_match_the_roster() -> None:
    instance = _instance()
    # B 03/08 S1 holds y; every other place of the fortnight is empty
    solution = Solution(assignments=[LOCK])
    problems = check_gaps(instance, solution)
    assert problems and all(p.rule == "gap-list" for p in problems)
    gaps = []
    for n in range(14):
        for shift in ("S1", "S2", "S3"):
            gaps.append(Gap("A", _day(n), shift, 1, "police", "không có ai"))
            if (n, shift) != (1, "S1"):
                gaps.append(Gap("B", _day(n), shift, 1, None, "không có ai"))
    assert check_gaps(instance, Solution([LOCK], gaps)) == []
    # a gap without a reason, and one that is not real
    assert check_gaps(
        instance, Solution([LOCK], [*gaps[:-1], dataclasses.replace(gaps[-1], reason="")])
    )
    extra = Gap("B", _day(1), "S1", 1, None, "?")
    assert check_gaps(instance, Solution([LOCK], [*gaps, extra]))
    # a police place filled by someone without the role is still a police gap, not a place gap
    youth = [LOCK, a("A", 0, "S1", "y")]
    assert check_gaps(instance, Solution(youth, gaps)) == []
    as_place = [dataclasses.replace(g, role=None) if g == gaps[0] else g for g in gaps]
    assert check_gaps(instance, Solution(youth, as_place))
