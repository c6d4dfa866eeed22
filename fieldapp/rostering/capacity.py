"""The capacity check before solving: shortages in words and a lower bound on the gaps.

For each 7-day block it compares the places to fill (and the places needing each role) with
the most shifts the staff could possibly work: per person the weekly maximum, cut down by
leave and by how many shifts fit in the week with the required rest between them (an
earliest-end-first interval schedule, which is optimal for that count). A max-flow over
people → time points → places, week by week, then gives a lower bound on the number of
gaps of any roster: it keeps leave, the weekly maximum, rest within the week and "one place
at a time" but forgets the rest across weeks and the night limit, so it can only be lower
than what is truly needed, never higher.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from fieldapp.rostering.instance import Instance, role_label
from fieldapp.rostering.problem import Model, compile_model


@dataclass
class CapacityReport:
    """What the check found. ``messages`` are the Vietnamese sentences for the user."""

    messages: list[str] = field(default_factory=list)
    gap_lower_bound: int = 0
    places: int = 0
    # (week, role or None) -> how many shifts short that week, for the reasons of gaps
    shortage: dict[tuple[int, str | None], int] = field(default_factory=dict)
    # (week, role or None) -> (places to fill, most shifts the staff can work)
    demand_supply: dict[tuple[int, str | None], tuple[int, int]] = field(default_factory=dict)
    week_bounds: list[int] = field(default_factory=list)  # the gap lower bound, week by week
    # (time point, role or None) -> the message when fewer people are free than places then
    at_time: dict[tuple[int, str | None], str] = field(default_factory=dict)
    # per person and week, the most shifts they can work (see :func:`week_limits`)
    limits: list[list[int]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.gap_lower_bound == 0


def check_capacity(instance: Instance | Model) -> CapacityReport:
    """Compare demand with the most the staff can give, per week and role; see the module doc."""
    model = instance if isinstance(instance, Model) else compile_model(instance)
    cap = model.instance.rules.max_shifts_per_week
    report = CapacityReport(places=sum(s.cap for s in model.slots))

    report.limits = limits = week_limits(model)
    seen: dict[tuple[int, ...], int] = {}  # most shifts, per distinct set of free time points
    for week in range(model.weeks):
        times = [t for t, tp in enumerate(model.times) if tp.week == week]
        if not times:
            continue
        demand = sum(model.slots[s].cap for t in times for s in model.slots_at[t])
        supply = sum(row[week] for row in limits)
        report.demand_supply[(week, None)] = (demand, supply)
        if demand > supply:
            report.shortage[(week, None)] = demand - supply
            report.messages.append(
                f"tuần {week + 1} thiếu {demand - supply} ca trực "
                f"(cần {demand} lượt người, tối đa {supply})"
            )
        for r, role in enumerate(model.roles):
            need = sum(
                n
                for t in times
                for s in model.slots_at[t]
                for ri, n in model.slots[s].require
                if ri == r
            )
            if not need:
                continue
            wanted = [
                t
                for t in times
                if any(ri == r for s in model.slots_at[t] for ri, _ in model.slots[s].require)
            ]
            holders = [p for p, person in enumerate(model.people) if person.roles >> r & 1]
            have = 0
            for p in holders:
                free = tuple(t for t in wanted if model.people[p].avail[t])
                if free not in seen:
                    seen[free] = _most_shifts(model, list(free))
                have += min(cap, seen[free])
            report.demand_supply[(week, role)] = (need, have)
            if need > have:
                report.shortage[(week, role)] = need - have
                report.messages.append(
                    f"tuần {week + 1} thiếu {need - have} ca {role_label(role)} "
                    f"(cần {need}, {len(holders)} người làm được tối đa {have})"
                )

    for t, tp in enumerate(model.times):
        places = sum(model.slots[s].cap for s in model.slots_at[t])
        free = sum(1 for p in model.people if p.avail[t]) if _may_work(model, t) else 0
        when = f"ngày {tp.date:%d/%m} ca {tp.shift}"
        if places > free:
            text = f"{when} thiếu {places - free} người (chỉ {free} người rảnh)"
            report.messages.append(text)
            report.at_time[(t, None)] = text
        for r, role in enumerate(model.roles):
            need = sum(n for s in model.slots_at[t] for ri, n in model.slots[s].require if ri == r)
            free_r = sum(1 for p in model.people if p.avail[t] and p.roles >> r & 1)
            free_r = free_r if _may_work(model, t) else 0
            if need > free_r:
                text = f"{when} thiếu {need - free_r} {role_label(role)} (chỉ {free_r} người rảnh)"
                report.messages.append(text)
                report.at_time[(t, role)] = text

    report.week_bounds = week_gap_bounds(model, limits)
    report.gap_lower_bound = sum(report.week_bounds)
    if report.gap_lower_bound and not report.messages:
        report.messages.append(f"không đủ người: ít nhất {report.gap_lower_bound} chỗ sẽ trống")
    return report


def _most_shifts(model: Model, free: list[int]) -> int:
    """Most of the time points ``free`` one person can work, with the rest between them (an
    earliest-end-first schedule, optimal for the count)."""
    chosen_end: int | None = None
    count = 0
    for t in sorted(free, key=lambda t: (model.times[t].end, model.times[t].start, t)):
        if not _may_work(model, t):
            continue
        if chosen_end is None or model.times[t].start - chosen_end >= model.rest:
            chosen_end = model.times[t].end
            count += 1
    return count


def week_limits(model: Model) -> list[list[int]]:
    """Per person and week, the most shifts they can work: the weekly maximum, cut down by
    leave and by the rest between shifts. Computed once per distinct free time in a week:
    everyone without leave that week shares one schedule."""
    cap = model.instance.rules.max_shifts_per_week
    live = [bool(s) for s in model.slots_at]
    weeks = [[t for t, tp in enumerate(model.times) if tp.week == w] for w in range(model.weeks)]
    seen: dict[tuple[int, ...], int] = {}
    out = []
    for person in model.people:
        row = []
        for times in weeks:
            free = tuple(t for t in times if person.avail[t] and live[t])
            if free not in seen:
                seen[free] = min(cap, _most_shifts(model, list(free)))
            row.append(seen[free])
        out.append(row)
    return out


def _may_work(model: Model, t: int) -> bool:
    """False for night shifts when the rules allow no night at all."""
    return not (model.times[t].night and model.instance.rules.max_consecutive_nights <= 0)


def gap_lower_bound(model: Model) -> int:
    """A lower bound on the gaps (people missing, counted as the checker counts them)."""
    return sum(week_gap_bounds(model))


def week_gap_bounds(model: Model, limits: list[list[int]] | None = None) -> list[int]:
    """The lower bound on the gaps of each week (weeks share no shift, so they add up)."""
    if limits is None:
        limits = week_limits(model)
    required = {ri for s in model.slots for ri, _ in s.require}
    multi = any(bin(p.roles & _mask(required)).count("1") > 1 for p in model.people)
    bounds = []
    for week in range(model.weeks):
        times = [t for t, tp in enumerate(model.times) if tp.week == week]
        places = sum(model.slots[s].cap for t in times for s in model.slots_at[t])
        if not multi:
            bounds.append(
                places
                - _week_flow(model, times, limits, week, tuple(sorted(required)), general=True)
            )
            continue
        # Someone holding two required roles fills two role needs with one place, which the
        # flow cannot express; bound the empty places and each role's shortfall apart instead.
        bound_places = places - _week_flow(model, times, limits, week, (), general=True)
        bound_roles = 0
        for r in sorted(required):
            need = sum(
                n
                for t in times
                for s in model.slots_at[t]
                for ri, n in model.slots[s].require
                if ri == r
            )
            bound_roles += need - _week_flow(model, times, limits, week, (r,), general=False)
        bounds.append(max(bound_places, bound_roles))
    return bounds


def _mask(roles: set[int]) -> int:
    mask = 0
    for r in roles:
        mask |= 1 << r
    return mask


def _week_flow(
    model: Model,
    times: list[int],
    limits: list[list[int]],
    week: int,
    roles: tuple[int, ...],
    general: bool,
) -> int:
    """Max flow people → (time, role group) → role places / other places at that time."""
    flow = _MaxFlow()
    source, sink = flow.node(), flow.node()
    role_mask = _mask(set(roles))
    place_nodes: dict[tuple[int, int], int] = {}  # (t, role index or -1) -> node
    for t in times:
        for r in roles:
            need = sum(n for s in model.slots_at[t] for ri, n in model.slots[s].require if ri == r)
            if need:
                place_nodes[(t, r)] = flow.node()
                flow.edge(place_nodes[(t, r)], sink, need)
        if general:
            other = sum(
                model.slots[s].cap - sum(n for ri, n in model.slots[s].require if ri in roles)
                for s in model.slots_at[t]
            )
            if other > 0:
                place_nodes[(t, -1)] = flow.node()
                flow.edge(place_nodes[(t, -1)], sink, other)
    # People alike for this week (same roles here, same free time points, same most shifts)
    # are one node: k of them give k x limit shifts and at most k at each time point. Any
    # such flow splits back into k schedules (hand each time point's shifts to the least
    # busy), so the bound is the same and the graph far smaller.
    alike: dict[tuple[int, tuple[int, ...], int], int] = {}
    for p, person in enumerate(model.people):
        mine = person.roles & role_mask
        if not general and not mine:
            continue
        limit = limits[p][week]
        if not limit:
            continue
        free = tuple(t for t in times if person.avail[t] and _may_work(model, t))
        key = (mine, free, limit)
        alike[key] = alike.get(key, 0) + 1
    group_nodes: dict[tuple[int, int], int] = {}
    for (mine, free, limit), k in alike.items():
        node = flow.node()
        flow.edge(source, node, k * limit)
        for t in free:
            key = (t, mine)
            if key not in group_nodes:
                group_nodes[key] = flow.node()
                targets = [place_nodes.get((t, r)) for r in roles if mine >> r & 1]
                targets.append(place_nodes.get((t, -1)))
                for target in targets:
                    if target is not None:
                        flow.edge(group_nodes[key], target, 10**9)
            flow.edge(node, group_nodes[key], k)
    return flow.run(source, sink)


class _MaxFlow:
    """Dinic's algorithm on integer capacities; small graphs, plain lists."""

    def __init__(self) -> None:
        self.adj: list[list[int]] = []
        self.to: list[int] = []
        self.cap: list[int] = []

    def node(self) -> int:
        self.adj.append([])
        return len(self.adj) - 1

    def edge(self, a: int, b: int, capacity: int) -> None:
        self.adj[a].append(len(self.to))
        self.to.append(b)
        self.cap.append(capacity)
        self.adj[b].append(len(self.to))
        self.to.append(a)
        self.cap.append(0)

    def run(self, source: int, sink: int) -> int:
        total = 0
        while True:
            level = [-1] * len(self.adj)
            level[source] = 0
            queue = [source]
            for a in queue:
                for e in self.adj[a]:
                    if self.cap[e] > 0 and level[self.to[e]] < 0:
                        level[self.to[e]] = level[a] + 1
                        queue.append(self.to[e])
            if level[sink] < 0:
                return total
            pointer = [0] * len(self.adj)
            while True:
                pushed = self._push(source, sink, 10**18, level, pointer)
                if not pushed:
                    break
                total += pushed

    def _push(self, a: int, sink: int, amount: int, level: list[int], pointer: list[int]) -> int:
        # iterative DFS would be faster, but the graphs are a few thousand edges and shallow
        if a == sink:
            return amount
        edges = self.adj[a]
        while pointer[a] < len(edges):
            e = edges[pointer[a]]
            b = self.to[e]
            if self.cap[e] > 0 and level[b] == level[a] + 1:
                got = self._push(b, sink, min(amount, self.cap[e]), level, pointer)
                if got:
                    self.cap[e] -= got
                    self.cap[e ^ 1] += got
                    return got
            pointer[a] += 1
        return 0
