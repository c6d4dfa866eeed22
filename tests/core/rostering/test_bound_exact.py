"""The gap lower bound against the true optimum, found by exhaustive search on tiny instances.

The search is written apart from the solver and the capacity check: it walks the time points
in order and tries every set of people for each, keeping per person the shifts of the week
and the last shift (for rest and nights); the gaps of a time point are the fewest its workers
can leave however they are spread over its sites. Whatever the bound claims must never be
above that optimum, and the solver must never do better than it (nor, on these, worse by much).
"""

from __future__ import annotations

import itertools
import random
from datetime import timedelta
from functools import cache

import pytest

from fieldapp.rostering.capacity import check_capacity
from fieldapp.rostering.checker import check
from fieldapp.rostering.instance import Instance, parse_instance
from fieldapp.rostering.problem import compile_model
from fieldapp.rostering.solver import solve

SHIFTS = {
    "2x8": [
        {"id": "S1", "start": "06:00", "hours": 8, "night": False},
        {"id": "S2", "start": "22:00", "hours": 8, "night": True},
    ],
    "3x8": [
        {"id": "S1", "start": "06:00", "hours": 8, "night": False},
        {"id": "S2", "start": "14:00", "hours": 8, "night": False},
        {"id": "S3", "start": "22:00", "hours": 8, "night": True},
    ],
}


def _tiny(seed: int) -> Instance:
    rng = random.Random(seed)
    kind = rng.choice(sorted(SHIFTS))
    days = rng.randint(2, 4 if kind == "2x8" else 3)
    roles = [rng.choice([["police"], ["police"], ["militia"], ["youth"]]) for _ in range(5)]
    staff = []
    for i, r in enumerate(roles):
        person = {"id": f"p{i}", "name": f"Người {i}", "roles": r}
        if rng.random() < 0.3:
            day = rng.randrange(days)
            person["unavailable"] = [
                {"from": f"2021-08-0{2 + day}T00:00", "to": f"2021-08-0{3 + day}T00:00"}
            ]
        staff.append(person)
    n_sites = rng.randint(1, 2)
    return parse_instance(
        {
            "name": f"tiny-{seed}",
            "start": "2021-08-02",
            "days": days,
            "shifts": SHIFTS[kind],
            "sites": [
                {
                    "id": f"s{i}",
                    "name": f"Chốt {i}",
                    "shifts": [s["id"] for s in SHIFTS[kind]],
                    "staff_per_shift": rng.randint(1, 2),
                    "require": {"police": 1} if rng.random() < 0.7 else {},
                }
                for i in range(n_sites)
            ],
            "staff": staff,
            "rules": {
                "min_rest_hours": rng.choice([8, 12, 16]),
                "max_shifts_per_week": rng.randint(1, 3),
                "max_consecutive_nights": rng.randint(0, 2),
            },
            "locked": [],
        }
    )


def _optimum(instance: Instance) -> int:
    """The fewest gaps any valid roster can have (exhaustive, from the instance's own rules)."""
    rules = instance.rules
    kinds = {k.id: k for k in instance.shifts}
    points = []  # (begin, end, night, day, week, places per site [(cap, police need)])
    for day in range(instance.days):
        current = instance.start + timedelta(days=day)
        for kind in sorted(instance.shifts, key=lambda k: k.start_minute):
            sites = tuple(
                (s.staff_per_shift, dict(s.require).get("police", 0)) for s in instance.sites
            )
            begin, end = instance.shift_times(current, kind.id)
            points.append((begin, end, kinds[kind.id].night, day, day // 7, sites))
    people = instance.staff
    police = [("police" in p.roles) for p in people]

    def free(p: int, t: int) -> bool:
        begin, end = points[t][0], points[t][1]
        return all(not (lv.start < end and begin < lv.end) for lv in people[p].unavailable)

    @cache
    def spread_gaps(sites: tuple[tuple[int, int], ...], n_police: int, n_other: int) -> int:
        # fewest gaps: try every split of police and others over the sites
        best = None
        for split in itertools.product(*[range(cap + 1) for cap, _ in sites]):
            if sum(split) != n_police + n_other:
                continue
            for cops in itertools.product(*[range(k + 1) for k in split]):
                if sum(cops) != n_police:
                    continue
                gaps = sum(
                    max(cap - k, need - c)
                    for (cap, need), k, c in zip(sites, split, cops, strict=True)
                )
                best = gaps if best is None else min(best, gaps)
        return best if best is not None else 10**6  # more workers than places: not allowed

    rest = timedelta(hours=rules.min_rest_hours)

    def _forget(t: int, state: list) -> tuple:
        # state per person: (shifts this week, last shift if still too close, last night's
        # day and the nights in a row up to it); what can no longer matter is dropped, so
        # equal futures meet in the cache
        if t == len(points):
            return ()
        begin, day, week = points[t][0], points[t][3], points[t][4]
        out = []
        for week_n, last, run_end, nights, last_week in state:
            if last_week != week:
                week_n = 0
            if last is not None and begin - points[last][1] >= rest:
                last = None
            if run_end is not None and run_end < day - 1:
                run_end, nights = None, 0
            out.append((week_n, last, run_end, nights, week))
        return tuple(out)

    @cache
    def best_from(t: int, state: tuple) -> int:
        if t == len(points):
            return 0
        begin, end, night, day, week, sites = points[t]
        result = 10**6
        can = []
        for p, (week_n, last, run_end, nights, _) in enumerate(state):
            if not free(p, t) or week_n >= rules.max_shifts_per_week:
                continue
            if last is not None and begin - points[last][1] < rest:
                continue
            if night and (nights + 1 if run_end == day - 1 else 1) > rules.max_consecutive_nights:
                continue
            can.append(p)
        for size in range(len(can) + 1):
            for chosen in itertools.combinations(can, size):
                n_police = sum(police[p] for p in chosen)
                gaps = spread_gaps(sites, n_police, size - n_police)
                if gaps >= 10**6:
                    continue
                new = []
                for p, (week_n, last, run_end, nights, w) in enumerate(state):
                    if p in chosen:
                        if night:
                            nights = nights + 1 if run_end == day - 1 else 1
                            run_end = day
                        new.append((week_n + 1, t, run_end, nights, w))
                    else:
                        new.append((week_n, last, run_end, nights, w))
                result = min(result, gaps + best_from(t + 1, _forget(t + 1, new)))
        return result

    return best_from(0, tuple((0, None, None, 0, 0) for _ in people))


@pytest.mark.parametrize("seed", range(20))
def test_bound_never_above_the_true_optimum(seed: int) -> None:
    instance = _tiny(seed)
    optimum = _optimum(instance)
    bound = check_capacity(compile_model(instance)).gap_lower_bound
    solution = solve(instance)
    assert check(instance, solution) == []
    assert bound <= optimum <= solution.figures["gaps"]
    assert solution.figures["gaps"] <= optimum + 1  # tiny cases: the solver is (nearly) exact
