"""The duty roster solver: greedy construction, gap repair by ejection chains, fair balancing.

1. Locked cells (and, when re-planning, the published assignments before ``freeze_before``)
   are placed first and never moved; one that would break a hard rule is rejected with the
   reason. The rest of the published roster is placed next as *sticky* assignments.
2. Construction walks the time points in order. At each one it fills role places first,
   scarcest role first, then the other places, taking the eligible person who is furthest
   behind their fair share so far (a target per person from a water-filling of the demand,
   with role places kept for their holders) and, for night and weekend shifts, behind on
   those too. People whose role is scarce are kept out of plain places when possible. Who
   works at a time point is decided so; where each goes is free, and each goes to the site
   they have served most (``_spread``): a rotating roster keeps each site's familiar faces.
3. Repair: for every gap a breadth-first search for an augmenting chain — A takes the gap,
   giving up one conflicting shift that B takes, ... until someone takes a shift with no
   conflict. Each chain fills one gap and moves as few people as the search depth allows.
   Sticky assignments are only moved when no chain without them exists. Gaps in a week (or
   of a role in a week) already at the capacity check's lower bound are not searched. In the
   last pass someone boxed in by rest on both sides may give up two shifts, kept only if
   both are refilled (every change is journalled and undone otherwise); a later weighting
   makes that long search only if it filled a gap for an earlier one.
4. Balancing: moves (a shift from the busiest to the least busy person) and swaps (a night or
   weekend shift for a plain one) accepted only if they lower, in this order, the summed
   spreads of total, night and weekend shifts over the role groups, then their sums of
   squares. Locked and sticky assignments are never moved here.
5. Steps 2-4 run for a few fixed weightings of step 2 (``VARIANTS``); the best roster is kept
   (fewest gaps, then fewest changes to the previous roster, then fairness), stopping early
   once one is at the gap lower bound with every spread at most 1, or (short of people) at
   the bound or within half a percent of it (``NEAR_BOUND``): the last gaps are rarely
   found by more weightings, and each costs as much as the first.
6. Steady teams: when no gap is proven (people are enough), the first tries (``TEAMS``, two
   weightings) give each person a home site, teams sized to each site's places, and step 2
   then prefers, among the people within a shift of the fairest, those of the site's team.
   The team rosters compete with the others as in step 5 (one is usually as fair and stops
   the search at once). Last, for every roster (in teams, or rotating when people are
   short), ``settle`` gathers each site's people with moves that change nobody's shifts,
   nights or weekends, no group's range of hours, nor any gap: trades at the same hour and
   exchanges of like shifts, two sweeps (construction has gathered most already). A site
   then sees 15 to 35 people in a month instead of nearly everyone (its month on one sheet).

Every step checks the hard rules incrementally, so the roster is valid at all times. Results
depend only on counted iterations, never on the clock or hash order: the same input gives
the same roster. A time cap exists only as a safety net and is reported when it bites.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from fieldapp.rostering.capacity import CapacityReport, check_capacity
from fieldapp.rostering.instance import Assignment, Instance, role_label
from fieldapp.rostering.problem import Model, compile_model
from fieldapp.rostering.solution import Gap, RejectedLock, Solution

DEFAULT_MAX_ITERATIONS = 3_000_000
DEFAULT_TIME_LIMIT = 60.0
WISH_PASSES = 2  # sweeps of the wish swaps over everyone with wishes
WISH_BUDGET = 300_000  # iterations allowed to the wish swaps on top of the solving budget
WISH_WEIGHT = 0.5  # in shifts of fair share: a wish tips close choices, never a fair one
TEAM_REACH = 2.0  # a stray place goes to whoever served the site before, within this many
# times the team's allowance of fair share (a few familiar faces, not many once each)
SETTLE_PASSES = 2  # sweeps of settle's trades and exchanges: construction already gathers crews
SETTLE_BUDGET = 6_000_000  # counted steps allowed to settle (a month of 30 sites: about 2.5 M)
NEAR_BOUND = 0.005  # a roster this close to the gap lower bound (a share of it) is kept
DOUBLE_TRIES = 24  # two-shift give-ups tried per gap: enough for the boxed-in, cheap enough


@dataclass
class _Move:
    """One step of a chain: ``person`` leaves time point ``leave`` (if any) and joins ``slot``."""

    person: int
    slot: int
    leave: int | None = None
    evict: int | None = None


@dataclass
class _Node:
    slot: int
    mask: int
    place: bool
    parent: int
    move: _Move | None
    depth: int
    people: frozenset[int] = field(default_factory=frozenset)


def solve(
    instance: Instance,
    previous: Solution | None = None,
    freeze_before: datetime | None = None,
    *,
    max_iterations: int = DEFAULT_MAX_ITERATIONS,
    time_limit: float = DEFAULT_TIME_LIMIT,
) -> Solution:
    """Make a roster for ``instance``.

    With ``previous`` (a published roster) the result keeps as much of it as it can: its
    assignments starting before ``freeze_before`` are fixed like locked cells, the others are
    kept unless they break a rule of the changed instance or a gap cannot be filled without
    moving them. ``max_iterations`` bounds the work and so decides the result; ``time_limit``
    (seconds) only stops a run that would otherwise go on too long, and says so in the figures.
    """
    model = compile_model(instance)
    capacity = check_capacity(model)
    deadline = time.perf_counter() + time_limit
    best: tuple | None = None
    plan = None
    spent = 0
    repaired = 0  # the most gaps the repairs of one try have filled
    # Steady teams are worth having when people are enough (no gap is proven): short of
    # people, every shift goes to whoever can take it, wherever.
    tries = (*TEAMS, *VARIANTS) if capacity.gap_lower_bound == 0 else VARIANTS
    # Within a hair of the proven bound (short of people), more weightings and two-shift
    # give-ups cost as much again as the first try and rarely find those last gaps.
    near = capacity.gap_lower_bound + int(capacity.gap_lower_bound * NEAR_BOUND)
    for variant in tries:
        if spent >= max_iterations:
            break
        roster = _Roster(model, capacity, variant, max_iterations - spent, deadline, plan)
        plan = roster.plan
        rejected = _place_fixed(roster, instance, previous, freeze_before)
        roster.construct()
        built = roster.gap_count()
        if best is not None and built > best[0][0]:
            # Another weighting is worth its repairs only if they could bring it ahead of the
            # kept roster, filling as many gaps as the best repairs so far did: repairs cost
            # far more than constructions. At the proven bound it could only tie and win on
            # fairness, which long repair chains tend to spoil. Effort goes where it helps.
            if best[0][0] <= capacity.gap_lower_bound:
                spent += roster.iterations
                break  # the kept roster is at the bound and this one can only tie it: stop
            if built - repaired >= best[0][0]:
                spent += roster.iterations
                continue
        roster.repair(allow_sticky=False)
        roster.repair(allow_sticky=True)
        roster.balance()
        if best is None and roster.gap_count() > near:
            # Two-shift give-ups search long and mostly in vain: the first try only, where
            # the boxed-in are found; later weightings meet the same hard spots.
            roster.repair(allow_sticky=True, double=True)
            roster.balance()  # the last repair may have moved people about
        spent += roster.iterations
        repaired = max(repaired, built - roster.gap_count())
        quality = roster.quality(previous is not None)
        if best is None or quality < best[0]:
            best = (quality, roster, rejected)
        elif best[0][0] <= capacity.gap_lower_bound:
            break  # at the proven bound and a full try brought no fairer roster: stop here
        if 0 < capacity.gap_lower_bound <= best[0][0] <= near:
            # Short of people, at the bound or near enough: another weighting could only
            # trade fairness for fairness (people are short everywhere); effort goes where
            # it can still help.
            break
        if roster.timed_out or roster.is_best_possible(capacity.gap_lower_bound):
            break
    assert best is not None
    _, roster, rejected = best
    roster.budget += WISH_BUDGET  # wishes come last, with their own small allowance
    roster.honour_wishes()
    roster.budget = roster.iterations + SETTLE_BUDGET  # and settling its own
    roster.settle()
    timed_out = roster.timed_out or time.perf_counter() > deadline

    solution = Solution(assignments=roster.assignments())
    solution.rejected_locks = rejected
    solution.uncovered = roster.gaps(capacity)
    figures: dict[str, object] = {
        "places": capacity.places,
        "gaps": sum(g.missing for g in solution.uncovered),
        "gap_lower_bound": capacity.gap_lower_bound,
        "iterations": spent,
        "time_limit_hit": timed_out,
    }
    if capacity.messages:
        figures["capacity"] = capacity.messages
    wish_shifts, wishes_met = roster.wish_figures()
    if wish_shifts:
        figures["wishes"] = {"shifts": wish_shifts, "met": wishes_met}
    if previous is not None:

        def open_to_change(a: Assignment) -> bool:
            return freeze_before is None or (roster.start_of(a) or freeze_before) >= freeze_before

        new = {a for a in solution.assignments if open_to_change(a)}
        old = {a for a in previous.assignments if open_to_change(a)}
        figures["changed"] = {"removed": len(old - new), "added": len(new - old)}
    solution.figures = figures
    return solution


def _place_fixed(
    roster: _Roster, instance: Instance, previous: Solution | None, freeze_before: datetime | None
) -> list[RejectedLock]:
    """Locks, then the frozen past, then the rest of the previous roster (sticky)."""
    rejected: list[RejectedLock] = []
    for lock in instance.locked:
        reason = roster.fix(lock, fixed=True)
        if reason:
            rejected.append(RejectedLock(lock, reason))
    if previous is None:
        return rejected
    later: list[Assignment] = []
    for a in sorted(previous.assignments):
        when = roster.start_of(a)
        if when is None:
            continue  # the site, shift or day is gone from the changed instance
        if freeze_before is not None and when < freeze_before:
            reason = roster.fix(a, fixed=True)
            if reason and a not in instance.locked:
                rejected.append(RejectedLock(a, f"ca đã qua không giữ được: {reason}"))
        else:
            later.append(a)
    for a in later:
        roster.fix(a, fixed=False)
    return rejected


class _Hours:
    """Minutes on duty per person while settling, and each role group's range of them as it
    was when settling began: an exchange of shifts of different lengths is allowed only if
    both people stay within their group's range, so no group's spread of hours grows."""

    def __init__(self, roster: _Roster) -> None:
        self.length = [tp.end - tp.start for tp in roster.m.times]
        self.minutes = [
            sum(self.length[t] for t, slot in enumerate(row) if slot >= 0) for row in roster.at
        ]
        self.group = roster.group_of
        self.range: dict[int, tuple[int, int]] = {}
        for p, m in enumerate(self.minutes):
            low, high = self.range.get(self.group[p], (m, m))
            self.range[self.group[p]] = (min(low, m), max(high, m))

    def allow(self, x: int, t: int, y: int, u: int) -> bool:
        """May ``x`` give up ``t`` and take ``u``, while ``y`` gives up ``u`` and takes ``t``?"""
        change = self.length[u] - self.length[t]
        if not change:
            return True
        low, high = self.range[self.group[x]]
        if not low <= self.minutes[x] + change <= high:
            return False
        low, high = self.range[self.group[y]]
        return low <= self.minutes[y] - change <= high

    def swap(self, x: int, t: int, y: int, u: int) -> None:
        change = self.length[u] - self.length[t]
        self.minutes[x] += change
        self.minutes[y] -= change


@dataclass(frozen=True)
class _Variant:
    """Weights of one construction; a few fixed ones are tried in order, the best kept."""

    night: float
    weekend: float
    pressure: float
    stride: int  # rotates ties between equally placed people
    team: float = 0.0  # > 0: steady teams (see _choose), within this many shifts of fair share


TEAMS = (_Variant(0.7, 0.4, 1.0, 7, team=1.0), _Variant(0.5, 1.2, 1.0, 11, team=1.0))
"""Tried first when no gap is proven: each site keeps a steady team (people know their post
and a site's month fits one wall sheet). If the first roster is as good as any can be (no
gap, every spread at most 1) the search stops there; otherwise the second, weighing
weekends more (teams bunch them: the weekend spread is what a team roster most often loses
on), then the weightings below compete with it on gaps and fairness as usual."""

VARIANTS = (
    _Variant(0.7, 0.4, 1.0, 7),
    _Variant(1.2, 1.0, 1.0, 13),
    _Variant(0.7, 0.4, 3.0, 29),
    _Variant(0.3, 0.8, 0.3, 3),
    _Variant(1.0, 0.6, 2.0, 17),
    _Variant(0.5, 1.2, 1.0, 11),
)


class _Roster:
    """The roster being built, with the counters the incremental rule checks need."""

    def __init__(
        self,
        model: Model,
        capacity: CapacityReport,
        variant: _Variant,
        budget: int,
        deadline: float,
        plan: tuple | None,
    ) -> None:
        self.m = model
        self.capacity = capacity
        self.variant = variant
        inst = model.instance
        self.P, self.T, self.S = len(model.people), len(model.times), len(model.slots)
        self.avail = [p.avail for p in model.people]
        self.proles = [p.roles for p in model.people]
        self.t_week = [tp.week for tp in model.times]
        self.t_day = [tp.day for tp in model.times]
        self.t_night = [tp.night for tp in model.times]
        self.t_weekend = [tp.weekend for tp in model.times]
        self.conf = model.conflicts
        self.against = [p.against for p in model.people]
        self.wishers = [p for p in range(self.P) if self.against[p]]
        self.slot_t = [s.t for s in model.slots]
        self.slot_cap = [s.cap for s in model.slots]
        self.slot_req = [s.require for s in model.slots]
        self.cap_week = inst.rules.max_shifts_per_week
        self.max_nights = inst.rules.max_consecutive_nights
        self.week_times = [
            [t for t in range(self.T) if self.t_week[t] == w] for w in range(model.weeks)
        ]

        self.at = [[-1] * self.T for _ in range(self.P)]
        self.members: list[list[int]] = [[] for _ in range(self.S)]
        # steady teams: each person's shifts per site (their home is planned in construct)
        self.slot_site = [s.site for s in model.slots]
        self.site_n = [[0] * len(inst.sites) for _ in range(self.P)]
        self.count = [0] * self.P
        self.moves = [0] * self.P  # changes to each person's shifts, for balance()
        self._ranges: dict[tuple[int, int], tuple[int, int]] = {}  # (group, metric): min, max
        self.nights = [0] * self.P
        self.wkend = [0] * self.P
        self.week_n = [[0] * model.weeks for _ in range(self.P)]
        self.night_day = [[0] * inst.days for _ in range(self.P)]
        # nights in a row just outside the roster (a run crossing its edges counts whole)
        self.edge_nights = [(p.nights_before, p.nights_after) for p in model.people]
        self.fixed: set[tuple[int, int]] = set()  # (slot, person): never moved
        self.sticky: set[tuple[int, int]] = set()  # from the previous roster: moved last
        self.moved_sticky: set[tuple[int, int]] = set()
        self.journal: list[tuple[int, int, int, bool]] | None = None
        # per slot (gaps, role shortfalls) and their sums, updated from the slots changed
        self._slot_gaps: list[tuple[int, tuple]] | None = None
        self._week_units: list[int] = []
        self._role_gaps: dict[tuple[int, int], int] = {}
        self._dirty: set[int] = set()
        self._keys_now: dict[int, tuple[int, ...]] = {}  # group fairness while none moves

        self.iterations = 0
        self.budget = budget
        self.deadline = deadline
        self.timed_out = False

        self.slot_index = {
            (s.site_id, model.times[s.t].date, model.times[s.t].shift): i
            for i, s in enumerate(model.slots)
        }
        self.person_index = {p.id: i for i, p in enumerate(model.people)}
        if plan is None:
            self._plan_targets()
        else:
            self.target, self.pressure, self.expect, self.expect_night, self.expect_wkend = plan
        self.plan = (self.target, self.pressure, self.expect, self.expect_night, self.expect_wkend)
        self.home = [-1] * self.P  # planned when construction starts (see _plan_homes)
        self.fair = [not p.has_leave for p in model.people]
        self.group_of = [p.group for p in model.people]
        self.group_members = [
            [p for p in range(self.P) if self.group_of[p] == g and self.fair[p]]
            for g in range(len(model.groups))
        ]
        # Fairness of nights leaves out who asked for or avoided days or nights, that of
        # weekends who did for weekends: fewer nights for whoever asked is not unfair.
        own = [{k for k, _ in p.wishes} for p in model.people]
        skip = ((), ("days", "nights"), ("weekends",))
        self.metric_members = [
            [[p for p in mem if not own[p] & set(skip[k])] for mem in self.group_members]
            for k in range(3)
        ]
        self.metric_pos = [
            {p: i for mem in members for i, p in enumerate(mem)} for members in self.metric_members
        ]

    # --- budget ---------------------------------------------------------------------------

    def spend(self, n: int = 1) -> bool:
        """Count work; False once the iteration budget (or the safety time cap) is used up."""
        self.iterations += n
        if self.iterations > self.budget:
            return False
        if self.iterations % 4096 < n and time.perf_counter() > self.deadline:
            self.timed_out = True
            self.budget = self.iterations  # stop everything from here on
            return False
        return True

    # --- the hard rules, incrementally -----------------------------------------------------

    def fits(self, p: int, t: int, removed: tuple[int, ...] = ()) -> bool:
        """Could ``p`` work time point ``t`` if the shifts at ``removed`` were taken away?"""
        if not self.avail[p][t]:
            return False
        at = self.at[p]
        if at[t] >= 0 and t not in removed:
            return False
        for u in self.conf[t]:
            if at[u] >= 0 and u not in removed:
                return False
        w = self.t_week[t]
        n = self.week_n[p][w]
        for u in removed:
            if self.t_week[u] == w and at[u] >= 0:
                n -= 1
        if n >= self.cap_week:
            return False
        if self.t_night[t]:
            return self._nights_ok(p, self.t_day[t], removed)
        return True

    def _nights_ok(self, p: int, day: int, removed: tuple[int, ...]) -> bool:
        limit = self.max_nights
        if limit <= 0:
            return False
        nd = self.night_day[p]
        days = len(nd)
        before, after = self.edge_nights[p]

        def on(d: int) -> bool:
            if d < 0:
                return d >= -before
            if d >= days:
                return d < days + after
            if nd[d] == 0:
                return False
            c = nd[d]
            for u in removed:
                if self.t_night[u] and self.t_day[u] == d and self.at[p][u] >= 0:
                    c -= 1
            return c > 0

        run = 1
        d = day - 1
        while on(d):
            run += 1
            d -= 1
            if run > limit:
                return False
        d = day + 1
        while on(d):
            run += 1
            d += 1
            if run > limit:
                return False
        return True

    def place(self, p: int, slot: int) -> None:
        if self.journal is not None:
            self.journal.append((1, p, slot, False))
        t = self.slot_t[slot]
        self._dirty.add(slot)
        self.moves[p] += 1
        if self._ranges:
            self._ranges.clear()
        self.at[p][t] = slot
        self.members[slot].append(p)
        self.site_n[p][self.slot_site[slot]] += 1
        self.count[p] += 1
        self.week_n[p][self.t_week[t]] += 1
        if self.t_night[t]:
            self.nights[p] += 1
            self.night_day[p][self.t_day[t]] += 1
        if self.t_weekend[t]:
            self.wkend[p] += 1

    def unplace(self, p: int, slot: int) -> None:
        if self.journal is not None:
            self.journal.append((-1, p, slot, (slot, p) in self.sticky))
        t = self.slot_t[slot]
        self._dirty.add(slot)
        self.moves[p] += 1
        if self._ranges:
            self._ranges.clear()
        self.at[p][t] = -1
        self.members[slot].remove(p)
        self.site_n[p][self.slot_site[slot]] -= 1
        self.count[p] -= 1
        self.week_n[p][self.t_week[t]] -= 1
        if self.t_night[t]:
            self.nights[p] -= 1
            self.night_day[p][self.t_day[t]] -= 1
        if self.t_weekend[t]:
            self.wkend[p] -= 1
        if (slot, p) in self.sticky:
            self.sticky.discard((slot, p))
            self.moved_sticky.add((slot, p))

    def rollback(self, mark: int) -> None:
        """Undo every change journalled since ``mark``."""
        assert self.journal is not None
        while len(self.journal) > mark:
            op, p, slot, was_sticky = self.journal.pop()
            saved, self.journal = self.journal, None
            if op > 0:
                self.unplace(p, slot)
            else:
                self.place(p, slot)
                if was_sticky:
                    self.sticky.add((slot, p))
                    self.moved_sticky.discard((slot, p))
            self.journal = saved

    def movable(self, slot: int, p: int, allow_sticky: bool) -> bool:
        if (slot, p) in self.fixed:
            return False
        return allow_sticky or (slot, p) not in self.sticky

    # --- slots: what is missing -----------------------------------------------------------

    def role_short(self, slot: int) -> list[tuple[int, int]]:
        """(role, missing holders) for each requirement of the slot not met."""
        out = []
        mem = self.members[slot]
        for r, need in self.slot_req[slot]:
            have = sum(1 for q in mem if self.proles[q] >> r & 1)
            if have < need:
                out.append((r, need - have))
        return out

    def units(self, slot: int, members: list[int] | None = None) -> int:
        """People the slot lacks, as the checker counts them."""
        mem = self.members[slot] if members is None else members
        places = self.slot_cap[slot] - len(mem)
        short = 0
        for r, need in self.slot_req[slot]:
            have = sum(1 for q in mem if self.proles[q] >> r & 1)
            short += max(0, need - have)
        return max(places, short)

    def critical(self, slot: int, p: int) -> int:
        """Roles for which the slot would fall short without ``p``."""
        mask = 0
        mem = self.members[slot]
        for r, need in self.slot_req[slot]:
            if self.proles[p] >> r & 1:
                have = sum(1 for q in mem if self.proles[q] >> r & 1)
                if have - 1 < need:
                    mask |= 1 << r
        return mask

    # --- fixed and sticky assignments -----------------------------------------------------

    def start_of(self, a: Assignment) -> datetime | None:
        slot = self.slot_index.get((a.site, a.date, a.shift))
        if slot is None or a.staff not in self.person_index:
            return None
        tp = self.m.times[self.slot_t[slot]]
        return datetime.combine(tp.date, datetime.min.time()) + timedelta(
            minutes=tp.start - tp.day * 1440
        )

    def fix(self, a: Assignment, fixed: bool) -> str | None:
        """Place a locked (or previous) assignment; the reason it cannot be, or None."""
        slot = self.slot_index.get((a.site, a.date, a.shift))
        p = self.person_index.get(a.staff)
        if slot is None or p is None:
            return "không còn điểm trực, ca hoặc người này"
        t = self.slot_t[slot]
        if p in self.members[slot]:
            return None
        if len(self.members[slot]) >= self.slot_cap[slot]:
            return f"ca đã đủ {self.slot_cap[slot]} người được cố định"
        if not self.fits(p, t):
            return self.why_not(p, t)
        self.place(p, slot)
        (self.fixed if fixed else self.sticky).add((slot, p))
        return None

    def why_not(self, p: int, t: int) -> str:
        """In words, the first hard rule that keeps ``p`` off time point ``t``."""
        rules = self.m.instance.rules
        who = self.m.people[p].id
        if not self.avail[p][t]:
            return f"{who} nghỉ hoặc bận vào giờ này"
        if self.at[p][t] >= 0:
            return f"{who} đã trực ở {self.m.slots[self.at[p][t]].site_id} cùng giờ"
        for u in self.conf[t]:
            if self.at[p][u] >= 0:
                tp = self.m.times[u]
                return (
                    f"{who} trực ca {tp.shift} ngày {tp.date:%d/%m}, "
                    f"không đủ {rules.min_rest_hours:g} giờ nghỉ"
                )
        if self.week_n[p][self.t_week[t]] >= self.cap_week:
            return f"{who} đã đủ {self.cap_week} ca trong tuần {self.t_week[t] + 1}"
        return f"{who} sẽ trực quá {self.max_nights} đêm liền"

    # --- fair shares ----------------------------------------------------------------------

    def _plan_homes(self) -> list[int]:
        """A home site for each person, each site's team sized to its places (a person
        counted by their fair number of shifts).

        Whoever already has shifts (locked, or kept from the published roster) stays with
        the site they serve most there. Then holders of a role some site requires go to
        where that role is needed most; then the rest, to the sites least served."""
        sites = len(self.m.instance.sites)
        need = [0.0] * sites
        role_need: dict[tuple[int, int], float] = {}
        for s in range(self.S):
            site = self.slot_site[s]
            need[site] += self.slot_cap[s]
            for r, n in self.slot_req[s]:
                role_need[(site, r)] = role_need.get((site, r), 0) + n
        home = [-1] * self.P
        for p, served in enumerate(self.site_n):
            if any(served):
                x = max(range(sites), key=lambda x: (served[x], -x))
                home[p] = x
                need[x] -= self.target[p]
                for r in range(len(self.m.roles)):
                    if self.proles[p] >> r & 1 and (x, r) in role_need:
                        role_need[(x, r)] -= self.target[p]

        def scarcity(r: int) -> tuple[float, int]:
            supply = sum(self.target[p] for p in range(self.P) if self.proles[p] >> r & 1)
            demand = sum(n for (_, ri), n in role_need.items() if ri == r)
            return supply / max(1, demand), r

        for r in sorted({r for _, r in role_need}, key=scarcity):
            for p in range(self.P):
                if home[p] >= 0 or not self.proles[p] >> r & 1 or self.target[p] <= 0:
                    continue
                open_sites = [x for x in range(sites) if role_need.get((x, r), 0) > 0]
                if not open_sites:
                    break
                x = max(open_sites, key=lambda x: (role_need[(x, r)], -x))
                home[p] = x
                role_need[(x, r)] -= self.target[p]
                need[x] -= self.target[p]
        for p in range(self.P):
            if home[p] < 0 and self.target[p] > 0:
                x = max(range(sites), key=lambda x: (need[x], -x))
                home[p] = x
                need[x] -= self.target[p]
        return home

    def _plan_targets(self) -> None:
        """Each person's fair number of shifts, and how far along it they should be by each time."""
        m = self.m
        live = [t for t in range(self.T) if m.slots_at[t]]
        total = sum(self.slot_cap)
        capacity = [sum(row) for row in self.capacity.limits]
        share = [
            sum(1 for t in live if self.avail[p][t]) / max(1, len(live)) for p in range(self.P)
        ]
        floor = [0.0] * self.P
        self.pressure = [0.0] * self.P  # how scarce the person's roles are: keep them for those
        for r in range(len(m.roles)):
            demand = sum(n for req in self.slot_req for ri, n in req if ri == r)
            holders = [p for p in range(self.P) if self.proles[p] >> r & 1]
            supply = sum(capacity[p] for p in holders)
            if not demand or not supply:
                continue
            for p in holders:
                floor[p] = max(floor[p], demand * capacity[p] / supply)
                self.pressure[p] += max(0.0, demand / supply - 0.6) * 8

        def filled(level: float) -> float:
            return sum(min(capacity[p], max(level * share[p], floor[p])) for p in range(self.P))

        low, high = 0.0, float(max(capacity, default=0)) + 1
        for _ in range(50):
            mid = (low + high) / 2
            if filled(mid) < total:
                low = mid
            else:
                high = mid
        target = [min(capacity[p], max(high * share[p], floor[p])) for p in range(self.P)]
        nights = sum(self.slot_cap[s] for s in range(self.S) if self.t_night[self.slot_t[s]])
        weekends = sum(self.slot_cap[s] for s in range(self.S) if self.t_weekend[self.slot_t[s]])
        self.target = target

        live_t = [bool(x) for x in m.slots_at]
        kinds = (
            [True] * self.T,  # every shift
            self.t_night,
            self.t_weekend,
        )
        shares = (1.0, nights / max(1, total), weekends / max(1, total))
        progress: dict[tuple[tuple[bool, ...], int], list[float]] = {}  # per availability

        def along(avail: tuple[bool, ...], k: int) -> list[float]:
            """How far through their workable shifts of kind ``k`` someone is at each time."""
            key = (avail, k)
            if key not in progress:
                want = kinds[k]
                marks = [live_t[t] and avail[t] and want[t] for t in range(self.T)]
                total_marks = max(1, sum(marks))
                out, seen = [], 0
                for mark in marks:
                    seen += mark
                    out.append(seen / total_marks)
                progress[key] = out
            return progress[key]

        expects: tuple[list[list[float]], ...] = ([], [], [])
        for p in range(self.P):
            for k in range(3):
                scale = target[p] * shares[k]
                expects[k].append([scale * x for x in along(self.avail[p], k)])
        self.expect, self.expect_night, self.expect_wkend = expects

    def score(self, p: int, t: int) -> float:
        """How far ahead of their fair share ``p`` is at ``t`` (lower: should work sooner)."""
        s = self.count[p] - self.expect[p][t]
        if self.t_night[t]:
            s += self.variant.night * (self.nights[p] - self.expect_night[p][t])
        if self.t_weekend[t]:
            s += self.variant.weekend * (self.wkend[p] - self.expect_wkend[p][t])
        return s

    # --- 1. construction ------------------------------------------------------------------

    def construct(self) -> None:
        variant = self.variant
        if variant.team:
            self.home = self._plan_homes()
        for t in range(self.T):
            slots = [s for s in self.m.slots_at[t] if len(self.members[s]) < self.slot_cap[s]]
            if not slots:
                continue
            free = self._free_at(t)
            self.spend(len(free) + 1)
            score = {p: self.score(p, t) for p in free}
            wish = (
                {p: self.wish_cost(p, t) for p in free}
                if self.wishers
                else dict.fromkeys(free, 0.0)
            )
            turn = {p: (p + variant.stride * t) % self.P for p in free}
            first_key = {p: score[p] + wish[p] for p in free}
            keyed = sorted(free, key=lambda p: (first_key[p], turn[p]))
            used: set[int] = set()
            needs: dict[int, int] = {}
            for s in slots:
                for r, n in self.role_short(s):
                    needs[r] = needs.get(r, 0) + n
            holders = {r: sum(1 for p in free if self.proles[p] >> r & 1) for r in needs}
            for r in sorted(needs, key=lambda r: (holders[r] / needs[r], r)):
                if not variant.team:
                    room = {}
                    for s in slots:
                        short = dict(self.role_short(s)).get(r, 0)
                        n = min(short, self.slot_cap[s] - len(self.members[s]))
                        if n > 0:
                            room[s] = n
                    want = sum(room.values())
                    picks = []
                    for p in keyed:
                        if len(picks) >= want:
                            break
                        if p not in used and self.proles[p] >> r & 1:
                            picks.append(p)
                    used.update(picks)
                    self._spread(picks, room)
                    continue
                for s in slots:
                    for _ in range(dict(self.role_short(s)).get(r, 0)):
                        if len(self.members[s]) >= self.slot_cap[s]:
                            break
                        pick = self._choose(
                            (p for p in keyed if p not in used and self.proles[p] >> r & 1),
                            s,
                            first_key,
                        )
                        if pick is None:
                            break
                        used.add(pick)
                        self.place(pick, s)
            rest_key = {p: score[p] + variant.pressure * self.pressure[p] + wish[p] for p in free}
            rest = sorted((p for p in keyed if p not in used), key=lambda p: (rest_key[p], turn[p]))
            if not variant.team:
                room = {}
                for s in slots:
                    n = self.slot_cap[s] - len(self.members[s])
                    n -= sum(n for _, n in self.role_short(s))
                    if n > 0:
                        room[s] = n
                self._spread(rest[: sum(room.values())], room)
                continue
            for s in slots:
                # Only the places that count: while a role holder is missing (none was free
                # above), the slot's gap is that holder, and one more person of another role
                # would fill nothing and lose a shift they can work where it is needed.
                room = self.slot_cap[s] - len(self.members[s])
                room -= sum(n for _, n in self.role_short(s))
                for _ in range(room):
                    pick = self._choose(rest, s, rest_key)
                    if pick is None:
                        break
                    rest.remove(pick)
                    self.place(pick, s)

    def _spread(self, picks: list[int], room: dict[int, int]) -> None:
        """Place ``picks`` (people free at one time point) in the slots of ``room`` (slot:
        places it still takes), each at the site they have served most so far. Who works is
        decided by fair share; where is free, so each site keeps its familiar faces."""
        site_of = self.slot_site
        pairs = []
        for i, p in enumerate(picks):
            served = self.site_n[p]
            for s in room:
                n = served[site_of[s]]
                if n:
                    pairs.append((-n, i, s))
        pairs.sort()
        placed = set()
        for _, i, s in pairs:
            if room[s] and i not in placed:
                room[s] -= 1
                placed.add(i)
                self.place(picks[i], s)
        for i, p in enumerate(picks):
            if i in placed:
                continue
            for s, n in room.items():
                if n:
                    room[s] -= 1
                    self.place(p, s)
                    break

    def _choose(self, ordered: Iterable[int], slot: int, key: dict[int, float]) -> int | None:
        """The first of ``ordered`` (fairest first), or for steady teams the first of those
        within ``variant.team`` shifts of it whose home is the slot's site; failing that,
        within :data:`TEAM_REACH` times as far, whoever has served that site most.

        Who works at a time point stays nearly the same; who goes where follows the teams, so
        a checkpoint sees the same people week after week (a month fits one wall sheet)."""
        it = iter(ordered)
        first = next(it, None)
        if first is None or not self.variant.team:
            return first
        site = self.slot_site[slot]
        if self.home[first] == site:
            return first
        base = key[first]
        limit = base + self.variant.team
        wide = base + self.variant.team * TEAM_REACH
        best, most = first, self.site_n[first][site]
        for p in it:
            k = key[p]
            if k > wide:
                break
            if k <= limit and self.home[p] == site:
                return p
            if self.site_n[p][site] > most:
                best, most = p, self.site_n[p][site]
        return best

    def _free_at(self, t: int) -> list[int]:
        """Everyone who could take time point ``t`` as the roster stands (``fits``, inlined)."""
        conf = self.conf[t]
        w = self.t_week[t]
        night = self.t_night[t]
        day = self.t_day[t]
        cap = self.cap_week
        out = []
        for p in range(self.P):
            if not self.avail[p][t]:
                continue
            at = self.at[p]
            if at[t] >= 0 or self.week_n[p][w] >= cap:
                continue
            for u in conf:
                if at[u] >= 0:
                    break
            else:
                if not night or self._nights_ok(p, day, ()):
                    out.append(p)
        return out

    # --- 2. repair by augmenting chains ---------------------------------------------------

    def open_needs(self) -> list[tuple[int, int, bool]]:
        out: list[tuple[int, int, bool]] = []
        for s in range(self.S):
            free = self.slot_cap[s] - len(self.members[s])
            short = self.role_short(s)
            total_short = 0
            for r, n in short:
                total_short += n
                out.append((s, 1 << r, free > 0))
            if free > total_short:
                out.append((s, 0, True))
        return out

    def repair(
        self, allow_sticky: bool, double: bool = False, max_depth: int = 6, node_budget: int = 3000
    ) -> None:
        failed: set[tuple[int, int, bool]] = set()  # (time point, role mask, place)
        while True:
            progress = False
            hopeless = self._hopeless()
            for need in self.open_needs():
                # a need that failed at one site fails alike at the others of its time point
                key = (self.slot_t[need[0]], need[1], need[2])
                if key in failed or hopeless(need):
                    continue
                if self.iterations > self.budget:
                    return
                if self._augment(need, allow_sticky, max_depth, node_budget) or (
                    double and self._double(need, allow_sticky)
                ):
                    progress = True
                    hopeless = self._hopeless()
                else:
                    failed.add(key)
            if not progress:
                return

    def _hopeless(self) -> Callable[[tuple[int, int, bool]], bool]:
        """Needs no roster can meet: their week (or role in that week) is at its lower bound."""
        cap = self.capacity
        units, role_gaps = self._gap_sums()

        def hopeless(need: tuple[int, int, bool]) -> bool:
            slot, mask, _ = need
            w = self.t_week[self.slot_t[slot]]
            if units[w] <= cap.week_bounds[w]:
                return True
            if mask and mask & (mask - 1) == 0:
                r = mask.bit_length() - 1
                return role_gaps.get((w, r), 0) <= cap.shortage.get((w, self.m.roles[r]), 0)
            return False

        return hopeless

    def _gap_sums(self) -> tuple[list[int], dict[tuple[int, int], int]]:
        """Gaps per week and per (week, role), kept up to date from the slots changed since
        the last call (every place and unplace marks its slot), not recounted from scratch."""
        if self._slot_gaps is None:
            self._slot_gaps = [(0, ())] * self.S
            self._week_units = [0] * self.m.weeks
            self._role_gaps = {}
            self._dirty = set(range(self.S))
        for s in self._dirty:
            w = self.t_week[self.slot_t[s]]
            old_units, old_short = self._slot_gaps[s]
            new = (self.units(s), tuple(self.role_short(s)))
            self._week_units[w] += new[0] - old_units
            for r, n in old_short:
                self._role_gaps[(w, r)] -= n
            for r, n in new[1]:
                self._role_gaps[(w, r)] = self._role_gaps.get((w, r), 0) + n
            self._slot_gaps[s] = new
        self._dirty = set()
        return self._week_units, self._role_gaps

    def _double(self, need: tuple[int, int, bool], allow_sticky: bool) -> bool:
        """Fill a gap with someone who gives up two shifts, if both can then be refilled.

        Tried after the single chains fail, for people boxed in by rest on both sides.
        Kept only if the gaps drop; otherwise everything is undone.
        """
        slot, mask, place = need
        t = self.slot_t[slot]
        order = sorted(range(self.P), key=lambda q: (self.count[q] - self.target[q], q))
        tries = 0
        for q in order:
            if self.proles[q] & mask != mask or self.at[q][t] == slot or not self.avail[q][t]:
                continue
            for pair in self._pair_options(q, t, allow_sticky):
                tries += 1
                if tries > DOUBLE_TRIES or not self.spend(4):
                    return False
                mark_journal = self.journal is None
                if mark_journal:
                    self.journal = []
                mark = len(self.journal)
                gain = 1
                if not place:
                    x = self._evictable(slot, q, allow_sticky)
                    if x is None:
                        break
                    self.unplace(x, slot)
                vacated = []
                for u in pair:
                    left = self.at[q][u]
                    before = self.units(left)
                    self.unplace(q, left)
                    gain -= self.units(left) - before
                    vacated.append(left)
                if len(self.members[slot]) < self.slot_cap[slot] and self.fits(q, t):
                    self.place(q, slot)
                    for left in vacated:
                        while gain <= 0:
                            refill = self.open_needs_of(left)
                            if not refill or not self._augment(refill[0], allow_sticky, 4, 150):
                                break
                            gain += 1
                else:
                    gain = 0
                if gain > 0:
                    if mark_journal:
                        self.journal = None
                    return True
                self.rollback(mark)
                if mark_journal:
                    self.journal = None
        return False

    def open_needs_of(self, slot: int) -> list[tuple[int, int, bool]]:
        free = self.slot_cap[slot] - len(self.members[slot])
        short = self.role_short(slot)
        out = [(slot, 1 << r, free > 0) for r, _ in short]
        if free > sum(n for _, n in short):
            out.append((slot, 0, True))
        return out

    def _pair_options(self, q: int, t: int, allow_sticky: bool) -> list[tuple[int, int]]:
        """Pairs of ``q``'s shifts whose removal (and not less) lets ``q`` take time point ``t``."""
        at = self.at[q]
        forced = [u for u in (t, *self.conf[t]) if at[u] >= 0]
        if len(forced) > 2 or any(not self.movable(at[u], q, allow_sticky) for u in forced):
            return []
        if len(forced) == 2:
            return [(forced[0], forced[1])] if self.fits(q, t, tuple(forced)) else []
        if len(forced) == 1:
            others = [u for u in self.week_times[self.t_week[t]] if at[u] >= 0 and u != forced[0]]
            if self.t_night[t]:
                d = self.t_day[t]
                others += [
                    u
                    for u in range(self.T)
                    if at[u] >= 0
                    and self.t_night[u]
                    and 0 < abs(self.t_day[u] - d) <= self.max_nights
                ]
            return [
                (forced[0], u)
                for u in sorted(set(others))
                if u != forced[0]
                and self.movable(at[u], q, allow_sticky)
                and self.fits(q, t, (forced[0], u))
            ]
        return []

    def _removal_options(self, q: int, t: int, allow_sticky: bool) -> list[tuple[int, ...]]:
        """Sets of ``q``'s shifts (at most one) whose removal lets ``q`` take time point ``t``."""
        if not self.avail[q][t]:
            return []
        at = self.at[q]
        forced = [u for u in (t, *self.conf[t]) if at[u] >= 0]
        if len(forced) > 1:
            return []
        for u in forced:
            if not self.movable(at[u], q, allow_sticky):
                return []
        if self.fits(q, t, tuple(forced)):
            return [tuple(forced)]
        if forced:
            return []
        # the weekly maximum or the night limit: give up one other shift
        options = []
        others = set(self.week_times[self.t_week[t]])
        if self.t_night[t]:
            d = self.t_day[t]
            others.update(
                u
                for u in range(self.T)
                if self.t_night[u] and abs(self.t_day[u] - d) <= self.max_nights
            )
        for u in sorted(others):
            if at[u] >= 0 and self.movable(at[u], q, allow_sticky) and self.fits(q, t, (u,)):
                options.append((u,))
        return options

    def _evictable(self, slot: int, q: int, allow_sticky: bool) -> int | None:
        """A member ``q`` can replace in a full slot without making any role shortfall worse."""
        best = None
        before = self.units(slot)
        for x in self.members[slot]:
            if not self.movable(slot, x, allow_sticky):
                continue
            after = [y for y in self.members[slot] if y != x] + [q]
            if self.units(slot, after) < before:
                if best is None or (self.count[x], x) > (self.count[best], best):
                    best = x
        return best

    def _augment(
        self, root: tuple[int, int, bool], allow_sticky: bool, max_depth: int, node_budget: int
    ) -> bool:
        order = sorted(range(self.P), key=lambda q: (self.count[q] - self.target[q], q))
        nodes = [_Node(root[0], root[1], root[2], -1, None, 0)]
        # Holes at one time point with the same role mask have the same possible fillers, so
        # the search meets each (time point, mask) once: the sites of a time point are many.
        seen = {(self.slot_t[root[0]], root[1], root[2])}
        i = 0
        proles, avail, at = self.proles, self.avail, self.at
        while i < len(nodes) and i < node_budget:
            node = nodes[i]
            i += 1
            t = self.slot_t[node.slot]
            mask = node.mask
            for q in order:
                if proles[q] & mask != mask or not avail[q][t] or q in node.people:
                    continue
                if at[q][t] == node.slot:
                    continue
                if not self.spend():
                    return False
                evict = None
                if not node.place:
                    evict = self._evictable(node.slot, q, allow_sticky)
                    if evict is None:
                        continue
                for option in self._removal_options(q, t, allow_sticky):
                    move = _Move(q, node.slot, option[0] if option else None, evict)
                    if not option:
                        return self._apply(nodes, i - 1, move)
                    left = self.at[q][option[0]]
                    if left == node.slot:
                        continue
                    if self._free_to_leave(left, q):
                        return self._apply(nodes, i - 1, move)  # leaving costs nothing there
                    if node.depth + 1 >= max_depth:
                        continue
                    child = (left, self.critical(left, q), True)
                    key = (self.slot_t[left], child[1], True)
                    if key in seen:
                        continue
                    seen.add(key)
                    nodes.append(
                        _Node(
                            child[0], child[1], True, i - 1, move, node.depth + 1, node.people | {q}
                        )
                    )
        return False

    def _free_to_leave(self, slot: int, q: int) -> bool:
        """Would the slot lack nobody more without ``q`` (``units`` before and after, at once)?
        Only a slot short of a role holder (``q`` not one) can: a place emptied counts."""
        req = self.slot_req[slot]
        if not req:
            return False
        mem = self.members[slot]
        free = self.slot_cap[slot] - len(mem)
        before = after = 0
        mine = self.proles[q]
        for r, need in req:
            have = 0
            for x in mem:
                have += self.proles[x] >> r & 1
            before += max(0, need - have)
            after += max(0, need - have + (mine >> r & 1))
        return max(free + 1, after) <= max(free, before)

    def _apply(self, nodes: list[_Node], last: int, final: _Move) -> bool:
        moves = [final]
        k = last
        while k > 0:
            moves.append(nodes[k].move)
            k = nodes[k].parent
        moves.reverse()
        done: list[tuple[str, int, int]] = []
        ok = True
        for mv in moves:
            t = self.slot_t[mv.slot]
            if mv.leave is not None:
                old = self.at[mv.person][mv.leave]
                if old < 0:
                    ok = False
                    break
                self.unplace(mv.person, old)
                done.append(("out", mv.person, old))
            if mv.evict is not None:
                if mv.evict not in self.members[mv.slot]:
                    ok = False
                    break
                self.unplace(mv.evict, mv.slot)
                done.append(("out", mv.evict, mv.slot))
            if len(self.members[mv.slot]) >= self.slot_cap[mv.slot] or not self.fits(mv.person, t):
                ok = False
                break
            self.place(mv.person, mv.slot)
            done.append(("in", mv.person, mv.slot))
        if not ok:
            for kind, p, s in reversed(done):
                if kind == "in":
                    self.unplace(p, s)
                else:
                    self.place(p, s)
        return ok

    # --- 3. balancing ---------------------------------------------------------------------

    def balance(self) -> None:
        # A night or weekend swap depends only on the shifts of the group's own people:
        # after one found nothing, it is tried again only once one of them has moved.
        tried: dict[tuple[int, int], int] = {}
        while self.iterations < self.budget:
            improved = False
            for g in range(len(self.m.groups)):
                if not self.group_members[g]:
                    continue
                if self._even_totals(g):
                    improved = True
                for k, metric in ((1, self.nights), (2, self.wkend)):
                    stamp = sum(self.moves[p] for p in self.metric_members[k][g])
                    if tried.get((g, k)) == stamp:
                        continue
                    if self._even_metric(g, metric):
                        improved = True
                    else:
                        tried[(g, k)] = stamp
            if not improved:
                return

    def _group_values(self, g: int, delta: dict[int, tuple[int, int, int]], k: int) -> list[int]:
        """Metric ``k`` (0 shifts, 1 nights, 2 weekends) of group ``g``'s fair members, moved."""
        metric = (self.count, self.nights, self.wkend)[k]
        values = [metric[p] for p in self.metric_members[k][g]]
        pos = self.metric_pos[k]
        for p, d in delta.items():
            if d[k] and p in pos and self.group_of[p] == g:
                values[pos[p]] += d[k]
        return values or [0]

    def _group_key(self, g: int, delta: dict[int, tuple[int, int, int]]) -> tuple[int, ...]:
        cs, ns, ws = (self._group_values(g, delta, k) for k in range(3))
        return (
            max(cs) - min(cs),
            max(ns) - min(ns),
            max(ws) - min(ws),
            sum(c * c for c in cs),
            sum(c * c for c in ns),
            sum(c * c for c in ws),
        )

    def _better(self, delta: dict[int, tuple[int, int, int]]) -> bool:
        groups = sorted({self.group_of[p] for p in delta if self.fair[p]})
        if not groups:
            return False
        old = [0] * 6
        new = [0] * 6
        for g in groups:
            if g not in self._keys_now:  # nothing moves until a move is made: count once
                self._keys_now[g] = self._group_key(g, {})
            for k, v in enumerate(self._keys_now[g]):
                old[k] += v
            for k, v in enumerate(self._group_key(g, delta)):
                new[k] += v
        return new < old

    def _shift_delta(self, t: int, sign: int) -> tuple[int, int, int]:
        return (sign, sign * self.t_night[t], sign * self.t_weekend[t])

    def _roles_ok(self, slot: int, out: int, into: int) -> bool:
        """Replacing ``out`` by ``into`` keeps every role requirement the slot meets."""
        if self.proles[out] == self.proles[into]:
            return True
        return self.critical(slot, out) & ~self.proles[into] == 0

    def _mine(self, p: int) -> list[tuple[int, int]]:
        return [(t, s) for t, s in enumerate(self.at[p]) if s >= 0 and self.movable(s, p, False)]

    def _even_totals(self, g: int) -> bool:
        self._keys_now = {}  # fresh: the last call may have moved someone
        mem = self.group_members[g]
        high = max(self.count[p] for p in mem)
        low = min(self.count[p] for p in mem)
        if high - low <= 1:
            return False
        givers = [p for p in mem if self.count[p] == high]
        takers = sorted(
            (p for p in range(self.P) if self.count[p] <= high - 2),
            key=lambda p: (self.group_of[p] != g, self.count[p], p),
        )
        for h in givers:
            for t, s in self._mine(h):
                for q in takers:
                    if not self.spend():
                        return False
                    if q in self.members[s] or not self.fits(q, t) or not self._roles_ok(s, h, q):
                        continue
                    delta = {h: self._shift_delta(t, -1), q: self._shift_delta(t, +1)}
                    if self._better(delta):
                        self.unplace(h, s)
                        self.place(q, s)
                        return True
        return False

    def _even_metric(self, g: int, metric: list[int]) -> bool:
        """Swap a night (or weekend) shift of the one with most for a plain one of the one with least."""
        self._keys_now = {}
        mem = self.metric_members[1 if metric is self.nights else 2][g]
        if not mem:
            return False
        high = max(metric[p] for p in mem)
        low = min(metric[p] for p in mem)
        if high - low <= 1:
            return False
        flag = self.t_night if metric is self.nights else self.t_weekend
        givers = [p for p in mem if metric[p] == high]
        takers = sorted((p for p in mem if metric[p] <= high - 2), key=lambda p: (metric[p], p))
        # each taker's plain shifts, once: nothing moves until a swap is made and returned
        plain = {q: [(t, s) for t, s in self._mine(q) if not flag[t]] for q in takers}
        for h in givers:
            for t1, s1 in self._mine(h):
                if not flag[t1]:
                    continue
                for q in takers:
                    at = self.at[q]
                    if not self.avail[q][t1] or at[t1] >= 0:
                        continue
                    # q may give up one shift only: more than one in the way rules q out, and
                    # the one in the way is the only shift worth offering
                    blocking = [u for u in self.conf[t1] if at[u] >= 0]
                    if len(blocking) > 1:
                        continue
                    for t2, s2 in plain[q]:
                        if blocking and t2 != blocking[0]:
                            continue
                        if not self.spend():
                            return False
                        if h in self.members[s2]:
                            continue
                        if not self.fits(q, t1, (t2,)) or not self.fits(h, t2, (t1,)):
                            continue
                        d1, d2 = self._shift_delta(t1, 1), self._shift_delta(t2, 1)
                        diff = tuple(a - b for a, b in zip(d2, d1, strict=True))
                        delta = {h: diff, q: tuple(-x for x in diff)}
                        if self._better(delta):
                            self.unplace(h, s1)
                            self.unplace(q, s2)
                            self.place(q, s1)
                            self.place(h, s2)
                            return True
        return False

    # --- 4. soft wishes, after the rules and fairness --------------------------------------

    def wish_cost(self, p: int, t: int) -> float:
        """A nudge in construction away from shifts against ``p``'s wishes (0 without any)."""
        return WISH_WEIGHT if self.against[p] and self.against[p][t] else 0.0

    def _is_against(self, p: int, t: int) -> bool:
        return bool(self.against[p]) and self.against[p][t]

    def wish_figures(self) -> tuple[int, int]:
        """(shifts of people with wishes, how many of them go against none)."""
        shifts = met = 0
        for p in self.wishers:
            for t, s in enumerate(self.at[p]):
                if s >= 0:
                    shifts += 1
                    met += not self.against[p][t]
        return shifts, met

    def settle(self) -> None:
        """Steady teams at no cost: fewer people at each site, each person at fewer sites.

        Repairs and fairness swaps put whoever could fill a gap wherever it was; this brings
        such strays back to the sites they serve. Two moves, neither changing anyone's
        number of shifts, nights or weekends, any shift's roles, or the wishes met, and both
        within every hard rule:

        - a *trade*: someone on duty away from the site they serve most swaps places with a
          person on duty at another site at the same time point;
        - an *exchange*: such a stray hands the shift to one of that site's team (those who
          serve it most) who is free then, and takes over one of that person's shifts
          elsewhere of the same kind (night for night, weekend for weekend). The two may be
          of different lengths (a 6-hour gate shift for an 8-hour checkpoint one: a site
          whose hours no other site keeps has no other way to get its strays home), but
          only when both people's hours stay within their group's range as it was before
          settling, so no group's spread of hours grows.

        A move is made when it lowers the number of (person, site) pairs, the rows of the
        sites' month sheets, or keeps it and gathers people's shifts at fewer sites. For
        every roster, in teams or rotating (short of people, where it gathers the most);
        locked and published cells stay. Bounded by :data:`SETTLE_BUDGET` counted steps."""
        if not self.site_n or not self.S:
            return
        sites = range(len(self.site_n[0]))
        hours = _Hours(self)
        kinds: dict[tuple[bool, bool], int] = {}
        kind = [kinds.setdefault((tp.night, tp.weekend), len(kinds)) for tp in self.m.times]
        # each person's shifts by kind (night or not, weekend or not)
        work: list[dict[int, set[int]]] = [{} for _ in range(self.P)]
        for p, row in enumerate(self.at):
            for u, slot in enumerate(row):
                if slot >= 0:
                    work[p].setdefault(kind[u], set()).add(u)
        for _ in range(SETTLE_PASSES):
            moved = False
            for slots in self.m.slots_at:
                for a in slots:
                    for x in list(self.members[a]):
                        if self._stray(x, a) and self.movable(a, x, False):
                            moved |= self._trade(x, a, slots)
            team: list[list[int]] = [[] for _ in sites]  # who serves each site most
            for q, n in enumerate(self.site_n):
                if any(n):
                    team[max(sites, key=lambda x: (n[x], -x))].append(q)
            for a in range(self.S):
                site = self.slot_site[a]
                for x in list(self.members[a]):
                    if self._stray(x, a) and self.movable(a, x, False):
                        moved |= self._exchange(x, a, team[site], kind, work, hours)
            if not moved or self.iterations > self.budget:
                return

    def _stray(self, x: int, slot: int) -> bool:
        """Does ``x`` serve more at some other site than at this slot's?"""
        served = self.site_n[x]
        return served[self.slot_site[slot]] < max(served)

    def _settles(self, x: int, site_a: int, y: int, site_b: int) -> bool:
        """Is it better that ``x`` serve at ``site_b`` and ``y`` at ``site_a`` (once each)?"""
        nx, ny = self.site_n[x], self.site_n[y]
        pairs = -(nx[site_a] == 1) + (nx[site_b] == 0) - (ny[site_b] == 1) + (ny[site_a] == 0)
        if pairs:
            return pairs < 0
        return nx[site_b] + ny[site_a] + 2 > nx[site_a] + ny[site_b]

    def _swap_keeps_roles(self, x: int, a: int, y: int, b: int) -> bool:
        after_a = [q for q in self.members[a] if q != x] + [y]
        after_b = [q for q in self.members[b] if q != y] + [x]
        return self.units(a, after_a) <= self.units(a) and self.units(b, after_b) <= self.units(b)

    def _swap(self, x: int, a: int, y: int, b: int) -> None:
        self.unplace(x, a)
        self.unplace(y, b)
        self.place(y, a)
        self.place(x, b)

    def _trade(self, x: int, a: int, slots: Iterable[int]) -> bool:
        """``x`` at slot ``a`` swaps with someone on duty at another site at the same hour."""
        site_a = self.slot_site[a]
        if not self.spend(sum(len(self.members[b]) for b in slots)):
            return False
        for b in slots:
            site_b = self.slot_site[b]
            if site_b == site_a:
                continue
            for y in self.members[b]:
                if (
                    self._settles(x, site_a, y, site_b)
                    and self.movable(b, y, False)
                    and self._swap_keeps_roles(x, a, y, b)
                ):
                    self._swap(x, a, y, b)
                    return True
        return False

    def _exchange(
        self,
        x: int,
        a: int,
        served: list[int],
        kind: list[int],
        work: list[dict[int, set[int]]],
        hours: _Hours,
    ) -> bool:
        """``x`` at slot ``a`` swaps shifts with someone of that site's team: one of theirs
        of the same kind (night for night, weekend for weekend; ``work``: each person's
        time points by ``kind``, kept up to date here) that keeps both within ``hours``."""
        t, site = self.slot_t[a], self.slot_site[a]
        k = kind[t]
        at_x = self.at[x]
        for y in served:
            at_y = self.at[y]
            if y == x or at_y[t] >= 0 or not self.avail[y][t]:
                continue
            theirs = sorted(work[y].get(k, ()))
            if not self.spend(len(theirs) + 1):
                return False
            for u in theirs:
                b = at_y[u]
                if (
                    at_x[u] >= 0
                    or self.slot_site[b] == site
                    or not self._settles(x, site, y, self.slot_site[b])
                    or not self.movable(b, y, False)
                ):
                    continue
                if self._is_against(x, u) + self._is_against(y, t) > self._is_against(
                    x, t
                ) + self._is_against(y, u):
                    continue
                if not hours.allow(x, t, y, u):
                    continue
                if not self.fits(y, t, (u,)) or not self.fits(x, u, (t,)):
                    continue
                if not self._swap_keeps_roles(x, a, y, b):
                    continue
                self._swap(x, a, y, b)
                hours.swap(x, t, y, u)
                work[x][k].discard(t)
                work[x][k].add(u)
                work[y][k].discard(u)
                work[y][k].add(t)
                return True
        return False

    def honour_wishes(self) -> None:
        """Swap shifts against someone's wishes with a colleague's in the same week.

        A swap keeps both people's weekly counts, every role requirement and every hard rule;
        it is made only if more wishes are met and no group's spread of total, night or
        weekend shifts grows, so fairness stays first. Locked and sticky cells stay.
        """
        for _ in range(WISH_PASSES):
            swapped = 0
            for p in self.wishers:
                for t1, s1 in self._mine(p):
                    if self.iterations > self.budget:
                        return
                    if self.at[p][t1] == s1 and self.against[p][t1]:
                        swapped += self._swap_for_wish(p, t1, s1)
            if not swapped:
                return

    def _swap_for_wish(self, p: int, t1: int, s1: int) -> bool:
        site = self.slot_site[s1]
        against = self.against
        slot_site = self.slot_site
        for t2 in self.week_times[self.t_week[t1]]:
            if t2 == t1 or self._is_against(p, t2) or self.at[p][t2] >= 0:
                continue
            if not self.spend() or not self.fits(p, t2, (t1,)):
                continue
            # a colleague of the same site first: both stay where they serve
            here = self.m.slots_at[t2]
            slots = [s for s in here if slot_site[s] == site]
            slots += [s for s in here if slot_site[s] != site]
            for s2 in slots:
                for q in self.members[s2]:
                    at_q = self.at[q]
                    # q must be free at t1 and able to work then (cheap tests first)
                    if at_q[t1] >= 0 or not self.avail[q][t1]:
                        continue
                    # p meets one more wish; q must not lose one (t1 against, t2 not)
                    wish = against[q]
                    if wish and wish[t1] and not wish[t2]:
                        continue
                    if not self.movable(s2, q, False):
                        continue
                    if not self.spend():
                        return False
                    if not self._roles_ok(s1, p, q) or not self._roles_ok(s2, q, p):
                        continue
                    if not self.fits(q, t1, (t2,)):
                        continue
                    d1, d2 = self._shift_delta(t1, 1), self._shift_delta(t2, 1)
                    diff = tuple(a - b for a, b in zip(d2, d1, strict=True))
                    delta = {p: diff, q: tuple(-x for x in diff)}
                    if not self._spreads_kept(delta):
                        continue
                    self.unplace(p, s1)
                    self.unplace(q, s2)
                    self.place(q, s1)
                    self.place(p, s2)
                    return True
        return False

    def _spreads_kept(self, delta: dict[int, tuple[int, int, int]]) -> bool:
        """No group's spread of shifts, nights or weekends grows with ``delta``."""
        metrics = (self.count, self.nights, self.wkend)
        for g in {self.group_of[p] for p in delta if self.fair[p]}:
            for k in range(3):
                if not any(d[k] for d in delta.values()):
                    continue
                # values moving within the group's present range cannot widen it
                if (g, k) not in self._ranges:
                    values = self._group_values(g, {}, k)
                    self._ranges[(g, k)] = (min(values), max(values))
                low, high = self._ranges[(g, k)]
                pos = self.metric_pos[k]
                if all(
                    low <= metrics[k][p] + d[k] <= high
                    for p, d in delta.items()
                    if d[k] and p in pos and self.group_of[p] == g
                ):
                    continue
                after = self._group_values(g, delta, k)
                if max(after) - min(after) > high - low:
                    return False
        return True

    # --- how good ------------------------------------------------------------------------

    def quality(self, replanning: bool) -> tuple:
        """Smaller is better: gaps, then (when re-planning) changes, then fairness."""
        gaps = sum(self.units(s) for s in range(self.S))
        fairness = [0] * 6
        for g, mem in enumerate(self.group_members):
            if mem:
                for k, v in enumerate(self._group_key(g, {})):
                    fairness[k] += v
        moved = len(self.moved_sticky) if replanning else 0
        shifts, met = self.wish_figures()
        return (gaps, moved, *fairness, shifts - met)

    def gap_count(self) -> int:
        return sum(self.units(s) for s in range(self.S))

    def is_best_possible(self, gap_bound: int) -> bool:
        """No gap above the bound, nothing moved, every spread at most 1: stop trying."""
        if sum(self.units(s) for s in range(self.S)) > gap_bound or self.moved_sticky:
            return False
        for g, mem in enumerate(self.group_members):
            if mem and max(self._group_key(g, {})[:3]) > 1:
                return False
        return True

    # --- results --------------------------------------------------------------------------

    def assignments(self) -> list[Assignment]:
        out = []
        for s in range(self.S):
            site, day, shift = self.m.slot_key(s)
            for p in self.members[s]:
                out.append(Assignment(date=day, shift=shift, site=site, staff=self.m.people[p].id))
        return sorted(out, key=lambda a: (a.date, a.shift, a.site, a.staff))  # their own order

    def gaps(self, capacity: CapacityReport) -> list[Gap]:
        out: list[Gap] = []
        for s in range(self.S):
            free = self.slot_cap[s] - len(self.members[s])
            short = self.role_short(s)
            site, day, shift = self.m.slot_key(s)
            for r, n in short:
                role = self.m.roles[r]
                out.append(Gap(site, day, shift, n, role, self._gap_reason(s, r, capacity)))
            rest = free - sum(n for _, n in short)
            if rest > 0:
                out.append(Gap(site, day, shift, rest, None, self._gap_reason(s, None, capacity)))
        return out

    def _gap_reason(self, slot: int, role: int | None, capacity: CapacityReport) -> str:
        t = self.slot_t[slot]
        week = self.t_week[t]
        name = None if role is None else self.m.roles[role]
        label = role_label(name)
        if (t, name) in capacity.at_time:
            return capacity.at_time[(t, name)]
        short = capacity.shortage.get((week, name))
        if short:
            need, have = capacity.demand_supply[(week, name)]
            return f"tuần {week + 1} thiếu {short} ca {label}: cần {need}, tối đa làm được {have}"
        counts = {"leave": 0, "busy": 0, "rest": 0, "week": 0, "nights": 0, "other": 0}
        for p in range(self.P):
            if role is not None and not self.proles[p] >> role & 1:
                continue
            if p in self.members[slot]:
                continue
            if not self.avail[p][t]:
                counts["leave"] += 1
            elif self.at[p][t] >= 0:
                counts["busy"] += 1
            elif any(self.at[p][u] >= 0 for u in self.conf[t]):
                counts["rest"] += 1
            elif self.week_n[p][self.t_week[t]] >= self.cap_week:
                counts["week"] += 1
            elif self.t_night[t] and not self._nights_ok(p, self.t_day[t], ()):
                counts["nights"] += 1
            else:
                counts["other"] += 1
        rules = self.m.instance.rules
        words = {
            "leave": "nghỉ",
            "busy": "đang trực điểm khác cùng giờ",
            "rest": f"chưa đủ {rules.min_rest_hours:g} giờ nghỉ",
            "week": f"đã đủ {self.cap_week} ca trong tuần",
            "nights": f"đã trực {self.max_nights} đêm liền"
            if self.max_nights > 0
            else "không được trực đêm",
            "other": "cần cho chỗ khác",
        }
        parts = [f"{n} {words[k]}" for k, n in counts.items() if n]
        who = "người" if role is None else label
        return (
            f"không còn {who} nào trực được: " + ", ".join(parts)
            if parts
            else f"không có {who} nào"
        )
