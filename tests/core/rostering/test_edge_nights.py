"""A run of nights that crosses the edge of a roster counts whole.

A month is planned beside the last days of the month before, as saved. Someone who worked
the two nights before the planned days must not be given a third; someone whose run before
them was broken may work any night. The run just outside is each person's
``nights_before`` / ``nights_after`` in the instance: the checker, the solver and the file
format all read it. (It used to be a night blocked as leave, a guess that flagged valid saved
nights as "unavailable" and, for a 00:00-06:00 shift, also caught the night before it.)
"""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from fieldapp.errors import UserError
from fieldapp.rostering.checker import check
from fieldapp.rostering.instance import Assignment, instance_to_json, parse_instance
from fieldapp.rostering.solution import Solution
from fieldapp.rostering.solver import solve

from .instances import SHIFT_SETS

START = date(2021, 8, 2)


def _data(before: int = 0, after: int = 0, days: int = 7) -> dict:
    x = {"id": "x", "name": "X", "roles": ["police"]}
    if before:
        x["nights_before"] = before
    if after:
        x["nights_after"] = after
    return {
        "name": "edge",
        "start": START.isoformat(),
        "days": days,
        "shifts": SHIFT_SETS["3x8"],
        "sites": [{"id": "A", "name": "A", "shifts": ["S3"], "staff_per_shift": 1}],
        "staff": [x, {"id": "y", "name": "Y", "roles": ["police"]}],
        "rules": {"min_rest_hours": 16, "max_shifts_per_week": 6, "max_consecutive_nights": 2},
    }


def _night(n: int, who: str = "x") -> Assignment:
    return Assignment(date=START + timedelta(days=n), shift="S3", site="A", staff=who)


def _nights_broken(instance, nights: list[Assignment]) -> list[str]:
    return [v.message for v in check(instance, Solution(assignments=nights)) if v.rule == "nights"]


def test_the_file_keeps_the_nights_outside_and_refuses_nonsense() -> None:
    instance = parse_instance(_data(before=2, after=1))
    x = next(p for p in instance.staff if p.id == "x")
    assert (x.nights_before, x.nights_after) == (2, 1)
    again = parse_instance(json.loads(json.dumps(instance_to_json(instance))))
    assert again == instance
    y = instance_to_json(instance)["staff"][1]
    assert "nights_before" not in y and "nights_after" not in y  # nothing to say, not said
    for bad in (-1, "2", True, 1.5, 400):
        data = _data()
        data["staff"][0]["nights_before"] = bad
        with pytest.raises(UserError, match="nights_before"):
            parse_instance(data)


def test_the_checker_counts_the_run_across_both_edges() -> None:
    two_before = parse_instance(_data(before=2))
    assert _nights_broken(two_before, [_night(0)]) == [
        "x: 3 nights in a row up to 2021-08-02 (max 2)"
    ]
    assert _nights_broken(two_before, [_night(1), _night(2)]) == []  # a night off first
    one_before = parse_instance(_data(before=1))
    assert _nights_broken(one_before, [_night(0)]) == []
    assert len(_nights_broken(one_before, [_night(0), _night(1)])) == 1
    one_after = parse_instance(_data(after=1))
    assert _nights_broken(one_after, [_night(6)]) == []
    assert _nights_broken(one_after, [_night(5), _night(6)]) == [
        "x: 3 nights in a row up to 2021-08-08 (max 2)"
    ]
    assert _nights_broken(parse_instance(_data()), [_night(5), _night(6)]) == []


@pytest.mark.parametrize(("before", "after"), [(0, 0), (1, 0), (2, 0), (0, 2), (2, 2)])
def test_the_solver_never_lengthens_a_run_from_outside(before: int, after: int) -> None:
    """Two police for one night a day: X's run outside the roster decides whether X may
    take the first (or last) nights, and the roster stays full and within the rules."""
    instance = parse_instance(_data(before=before, after=after))
    solution = solve(instance)
    assert check(instance, solution) == []
    assert solution.figures["gaps"] == 0
    x = sorted((a.date - START).days for a in solution.assignments if a.staff == "x")
    if before == 2:
        assert 0 not in x
    if after == 2:
        assert 6 not in x
