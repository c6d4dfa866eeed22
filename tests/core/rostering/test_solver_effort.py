"""Effort under shortage: the solver stops at the proven gap bound instead of its budget."""

from __future__ import annotations

import dataclasses

from fieldapp.rostering.checker import check
from fieldapp.rostering.figures import measure
from fieldapp.rostering.instance import load_instance
from fieldapp.rostering.solver import DEFAULT_MAX_ITERATIONS, solve


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
