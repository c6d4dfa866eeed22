"""Effort under shortage: the solver stops at the proven gap bound instead of its budget."""

from __future__ import annotations

import dataclasses
from collections import Counter

from fieldapp.rostering.checker import check
from fieldapp.rostering.figures import measure
from fieldapp.rostering.instance import load_instance, parse_instance
from fieldapp.rostering.solver import DEFAULT_MAX_ITERATIONS, solve
from tests.core.rostering.instances import SHIFT_SETS, START


def test_shortage_month_reaches_the_bound_and_stops_early(month_path) -> None:
    month = load_instance(month_path)
    short = dataclasses.replace(month, name="short", staff=month.staff[:90])
    solution = solve(short)
    assert check(short, solution) == []
    figures = solution.figures
    assert figures["gaps"] == figures["gap_lower_bound"] == measure(short, solution).gaps
    # counted iterations, not the clock: the run used a small part of its budget
    assert figures["iterations"] < DEFAULT_MAX_ITERATIONS // 5
    assert not figures["time_limit_hit"]


def test_gap_reasons_name_the_role_and_count_only_its_holders(month_path) -> None:
    month = load_instance(month_path)
    short = dataclasses.replace(month, name="short", staff=month.staff[:90])
    solution = solve(short)
    police = sum(1 for p in short.staff if "police" in p.roles)
    role_gaps = [g for g in solution.uncovered if g.role == "police"]
    assert role_gaps
    for gap in role_gaps:
        assert "công an" in gap.reason
        if "trực được:" in gap.reason:  # "...: 3 nghỉ, 20 chưa đủ 16 giờ nghỉ, 2 đang trực..."
            counts = [int(part.split()[0]) for part in gap.reason.split(": ", 1)[1].split(", ")]
            assert 0 < sum(counts) <= police


def test_nobody_is_spent_on_a_place_that_cannot_help_when_everyone_is_short() -> None:
    """Police and everyone else both short: a third person at a checkpoint that has no police
    officer fills nothing the checker counts (the gap there is the officer), and the shift that
    person can then no longer work elsewhere is a real gap. The roster ends within 2 % of the
    bound."""
    roles = ["police", "militia", "youth", "official", "militia"]
    staff = [{"id": f"p{i:02d}", "name": f"Người {i}", "roles": [roles[i % 5]]} for i in range(36)]
    staff[7]["unavailable"] = [{"from": "2021-08-04T00:00", "to": "2021-08-06T12:00"}]
    short = parse_instance(
        {
            "name": "everyone-short",
            "start": START.isoformat(),
            "days": 14,
            "shifts": SHIFT_SETS["3x8"],
            "sites": [
                {
                    "id": f"site-{i}",
                    "name": f"Chốt {i}",
                    "shifts": ["S1", "S2", "S3"],
                    "staff_per_shift": 3,
                    "require": {"police": 1},
                }
                for i in range(1, 5)
            ],
            "staff": staff,
            "rules": {"min_rest_hours": 16, "max_shifts_per_week": 6, "max_consecutive_nights": 2},
            "locked": [],
        }
    )
    solution = solve(short)
    assert check(short, solution) == []
    figures = solution.figures
    assert figures["gap_lower_bound"] > 0
    assert figures["gaps"] == measure(short, solution).gaps
    # the target: within 2 % of the bound (here CP-SAT, given a minute, found no
    # better roster than this one either: 74 with 73 as its own bound)
    assert figures["gaps"] <= figures["gap_lower_bound"] * 1.02
    police = {p.id for p in short.staff if "police" in p.roles}
    at = Counter((a.site, a.date, a.shift) for a in solution.assignments)
    with_police = {(a.site, a.date, a.shift) for a in solution.assignments if a.staff in police}
    wasted = [k for k, n in at.items() if n == 3 and k not in with_police]
    assert wasted == []
