"""Figures of a roster: coverage, gaps and fairness per role group, measured from the files.

Like the checker, this reads only the instance and the solution, never the solver's state,
so the bench and the CLI report what the roster is, not what the solver believes.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from fieldapp.rostering.checker import gap_units, shortfalls
from fieldapp.rostering.instance import Instance, against_wishes, role_label
from fieldapp.rostering.solution import Solution


@dataclass
class GroupFigures:
    """Counts over the people of one role group with no leave in the horizon.

    Nights leave out people with a wish about days or nights, weekends those with one about
    weekends (their counts follow their wishes, not fairness).
    """

    roles: tuple[str, ...]
    people: int
    shifts: tuple[int, int]  # (min, max)
    nights: tuple[int, int]
    weekends: tuple[int, int]

    @property
    def shift_spread(self) -> int:
        return self.shifts[1] - self.shifts[0]

    @property
    def night_spread(self) -> int:
        return self.nights[1] - self.nights[0]

    @property
    def weekend_spread(self) -> int:
        return self.weekends[1] - self.weekends[0]

    @property
    def label(self) -> str:
        return "+".join(role_label(r) for r in self.roles) or "không vai trò"


@dataclass
class Figures:
    places: int
    gaps: int
    groups: list[GroupFigures] = field(default_factory=list)
    # shifts of people with wishes, and how many of them go against none of their wishes
    wish_shifts: int = 0
    wishes_met: int = 0

    @property
    def coverage(self) -> float:
        return 1.0 if not self.places else (self.places - self.gaps) / self.places

    @property
    def max_shift_spread(self) -> int:
        return max((g.shift_spread for g in self.groups if g.people), default=0)

    @property
    def max_night_spread(self) -> int:
        return max((g.night_spread for g in self.groups if g.people), default=0)

    @property
    def max_weekend_spread(self) -> int:
        return max((g.weekend_spread for g in self.groups if g.people), default=0)

    def lines(self) -> list[str]:
        """The figures as short Vietnamese lines for the terminal."""
        out = [
            f"Phủ kín: {self.places - self.gaps}/{self.places} chỗ ({self.coverage:.1%}), "
            f"còn trống {self.gaps}"
        ]
        for g in self.groups:
            if not g.people:
                continue
            out.append(
                f"  {g.label} ({g.people} người không nghỉ): ca {g.shifts[0]}–{g.shifts[1]}, "
                f"đêm {g.nights[0]}–{g.nights[1]}, cuối tuần {g.weekends[0]}–{g.weekends[1]}"
            )
        if self.wish_shifts:
            out.append(
                f"Mong muốn được đáp ứng: {self.wishes_met}/{self.wish_shifts} ca "
                f"({self.wishes_met / self.wish_shifts:.0%})"
            )
        return out


def measure(instance: Instance, solution: Solution) -> Figures:
    """Coverage, gaps and per-group spreads of ``solution``."""
    places = sum(site.staff_per_shift * len(site.shifts) for site in instance.sites) * instance.days
    gaps = sum(gap_units(entry) for entry in shortfalls(instance, solution.assignments).values())
    kinds = {k.id: k for k in instance.shifts}
    horizon_start = datetime.combine(instance.start, datetime.min.time())
    horizon_end = horizon_start + timedelta(days=instance.days)
    shifts: Counter[str] = Counter()
    nights: Counter[str] = Counter()
    weekends: Counter[str] = Counter()
    for a in set(solution.assignments):
        shifts[a.staff] += 1
        if a.shift in kinds and kinds[a.shift].night:
            nights[a.staff] += 1
        if a.date.weekday() >= 5:
            weekends[a.staff] += 1
    by_group: dict[tuple[str, ...], list[str]] = {}
    for person in instance.staff:
        key = tuple(sorted(person.roles))
        on_leave = any(
            lv.start < horizon_end and horizon_start < lv.end for lv in person.unavailable
        )
        by_group.setdefault(key, [])
        if not on_leave:
            by_group[key].append(person.id)
    result = Figures(places=places, gaps=gaps)
    wishes = {p.id: p.wishes for p in instance.staff if p.wishes}
    for a in set(solution.assignments):
        if a.staff in wishes and a.shift in kinds:
            result.wish_shifts += 1
            night = kinds[a.shift].night
            result.wishes_met += not against_wishes(wishes[a.staff], night, a.date.weekday() >= 5)
    # who asked for or avoided days or nights is left out of the night spread, likewise
    # weekends: fewer of them for whoever asked is what was wished, not unfair
    own = {p.id: {k for k, _ in p.wishes} for p in instance.staff}
    for key in sorted(by_group):
        ids = by_group[key]

        def span(counter: Counter[str], skip: set[str], ids: list[str] = ids) -> tuple[int, int]:
            values = [counter[i] for i in ids if not own[i] & skip] or [0]
            return min(values), max(values)

        result.groups.append(
            GroupFigures(
                key,
                len(ids),
                span(shifts, set()),
                span(nights, {"days", "nights"}),
                span(weekends, {"weekends"}),
            )
        )
    return result
