"""A plain greedy roster, the reference the solver's figures are printed beside.

    python -m bench.roster_greedy INSTANCE.json SOLUTION.json

Shift by shift in time order, site by site: role places first, then the rest, each time
taking whoever has worked least so far among those the hard rules allow (leave, one place at
a time, rest, the weekly maximum, consecutive nights). No repair, no balancing: what a careful
person with a spreadsheet would do. Gaps are left empty; the checker counts them.
"""

from __future__ import annotations

import sys
from datetime import datetime, timedelta

from fieldapp.rostering.instance import Assignment, Instance, load_instance
from fieldapp.rostering.solution import Solution


def solve(instance: Instance) -> Solution:
    rules = instance.rules
    rest = timedelta(hours=rules.min_rest_hours)
    kinds = sorted(instance.shifts, key=lambda k: (k.start_minute, k.id))
    people = list(instance.staff)
    worked: dict[str, list[tuple[datetime, datetime, bool, int]]] = {p.id: [] for p in people}
    count = {p.id: 0 for p in people}
    out: list[Assignment] = []

    def fits(person, begin: datetime, end: datetime, night: bool, day: int) -> bool:
        for leave in person.unavailable:
            if leave.start < end and begin < leave.end:
                return False
        week = day // 7
        in_week = 0
        nights = {d for _, _, n, d in worked[person.id] if n}
        for b, e, _, d in worked[person.id]:
            if b < end + rest and begin < e + rest:
                return False
            if d // 7 == week:
                in_week += 1
        if in_week >= rules.max_shifts_per_week:
            return False
        if night:
            run = 1
            d = day - 1
            while d in nights:
                run, d = run + 1, d - 1
            d = day + 1
            while d in nights:
                run, d = run + 1, d + 1
            if run > rules.max_consecutive_nights:
                return False
        return True

    for day, current in enumerate(instance.dates):
        for kind in kinds:
            begin = datetime.combine(current, kind.start)
            end = begin + timedelta(minutes=kind.minutes)
            for site in instance.sites:
                if kind.id not in site.shifts:
                    continue
                chosen: list = []
                order = sorted(people, key=lambda p: (count[p.id], p.id))
                for role, need in site.require:
                    for person in order:
                        if need <= 0 or len(chosen) >= site.staff_per_shift:
                            break
                        if role in person.roles and person not in chosen:
                            if fits(person, begin, end, kind.night, day):
                                chosen.append(person)
                                need -= 1
                for person in order:
                    if len(chosen) >= site.staff_per_shift:
                        break
                    if person not in chosen and fits(person, begin, end, kind.night, day):
                        chosen.append(person)
                for person in chosen:
                    worked[person.id].append((begin, end, kind.night, day))
                    count[person.id] += 1
                    out.append(Assignment(current, kind.id, site.id, person.id))
    return Solution(assignments=sorted(out))


def run(args: list[str]) -> int:
    if len(args) != 2:
        print(__doc__)
        return 2
    solve(load_instance(args[0])).save(args[1])
    return 0


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))
