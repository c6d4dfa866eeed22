"""The figures of the reports upward, read from the registers (never typed twice).

:func:`daily_figures` gathers, for one calendar day, what the daily quick report (báo cáo
nhanh) quotes: lockdown areas in force with their households and people, F0/F1/F2 on that day
and the day before, isolations started and ended, tests, relief, checkpoint coverage and
arrivals, and directive items due, overdue and done. :func:`weekly_figures` is the same over
seven days. Both return plain dataclasses that the overview page, the reports and a later
district roll-up can reuse (:meth:`DailyFigures.to_json`).

Where a register has a function for a count it is called (checkpoint arrivals, duty shifts,
items due); the rest are queries over the registers' models, here.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import and_, case, func, or_, select, union

from fieldapp.checkpoints.log import daily_counts, day_bounds
from fieldapp.db.database import Database
from fieldapp.directives.models import STATUS_DONE, STATUS_REPORTED, DirectiveItem
from fieldapp.households.models import (
    HealthStatus,
    Household,
    HouseholdMember,
    ReliefDelivery,
    TestResult,
    TestRound,
)
from fieldapp.households.queries import ISOLATING, areas_in_force, household_totals
from fieldapp.reports.items import item_figures, week_changes
from fieldapp.rostering.models import Assignment, Attendance
from fieldapp.rostering.views import day_summary

SERIOUS = ("F0", "F1", "F2")
WEEK_DAYS = 7


@dataclass(frozen=True)
class OverdueLine:
    """An open directive item past its deadline, as the report lists it."""

    directive: str
    label: str
    text: str
    due: date | None
    responsible: str


@dataclass
class DailyFigures:
    """The figures of one day (``day``) over the whole commune.

    Lockdown (areas started on or before ``day`` and not ended before it):
    ``areas_in_force``, ``households``, ``people`` in them; ``f0``/``f1``/``f2``: people of
    those areas whose health status on ``day`` (the newest entry starting on or before it,
    cancelled entries ignored) is F0/F1/F2, and ``f0_before``... the same on the day before;
    ``isolating``/``central``: F0/F1/F2 people of those areas in central or home isolation
    that day, of whom at a central facility (as the households overview counts them); ``isolation_started``/``isolation_ended``: people whose
    (not cancelled) isolation begins / ends on ``day``.

    Tests: ``tests_done``/``tests_positive``: results of the test rounds held on ``day``.
    Relief: ``relief_deliveries`` and ``relief_households`` on ``day``; ``relief_items``:
    quantity per "item (unit)".

    Checkpoints: ``shifts_planned`` (duty shifts at active sites), ``shifts_staffed`` (of
    them, fully filled), ``shifts_absent`` (people marked absent); ``people_in``,
    ``vehicles``, ``people_out``, ``undeclared``, ``fever`` from the checkpoint log;
    ``people_by_site``.

    Follow-up (Decision 4038): ``followed`` people treated or isolated at home under
    follow-up, ``checks`` recorded that day, ``danger_checks`` with a danger sign (of them
    ``danger_open`` with no action recorded); outcomes that day ``recovered``,
    ``moved_facility``, ``died`` and their totals up to the day (``..._total``).

    Directives: ``items_due`` (open items due that day), ``items_overdue`` (open items past
    their deadline at the start of the day, with the statuses of that day),
    ``items_done`` (items marked done or reported during the day), ``overdue``: the list.
    """

    day: date
    areas_in_force: int = 0
    households: int = 0
    people: int = 0
    f0: int = 0
    f1: int = 0
    f2: int = 0
    f0_before: int = 0
    f1_before: int = 0
    f2_before: int = 0
    isolating: int = 0
    central: int = 0
    isolation_started: int = 0
    isolation_ended: int = 0
    tests_done: int = 0
    tests_positive: int = 0
    relief_deliveries: int = 0
    relief_households: int = 0
    relief_items: dict[str, float] = field(default_factory=dict)
    shifts_planned: int = 0
    shifts_staffed: int = 0
    shifts_absent: int = 0
    checkpoint_entries: int = 0
    people_in: int = 0
    vehicles: int = 0
    people_out: int = 0
    undeclared: int = 0
    fever: int = 0
    followed: int = 0
    checks: int = 0
    danger_checks: int = 0
    danger_open: int = 0
    recovered: int = 0
    moved_facility: int = 0
    died: int = 0
    recovered_total: int = 0
    moved_facility_total: int = 0
    died_total: int = 0
    people_by_site: dict[str, int] = field(default_factory=dict)
    items_due: int = 0
    items_overdue: int = 0
    items_done: int = 0
    overdue: list[OverdueLine] = field(default_factory=list)

    @property
    def f0_change(self) -> int:
        return self.f0 - self.f0_before

    @property
    def f1_change(self) -> int:
        return self.f1 - self.f1_before

    @property
    def f2_change(self) -> int:
        return self.f2 - self.f2_before

    def to_json(self) -> dict[str, Any]:
        """Every figure with ISO dates (for ``--json``, the frozen report and the district)."""
        data = dataclasses.asdict(self)
        data["day"] = self.day.isoformat()
        for line in data["overdue"]:
            line["due"] = line["due"].isoformat() if line["due"] else None
        return data


@dataclass
class WeeklyFigures:
    """Seven days ending on ``end``: each day's figures, the totals of what flows (tests,
    relief, arrivals, shifts, items done) and the stocks at the end and before the start."""

    end: date
    days: list[DailyFigures]
    changes: dict[str, int] = field(default_factory=dict)
    """Directive items changed in the week: ``started``, ``done``, ``reopened``, ``changes``."""

    @property
    def start(self) -> date:
        return self.end - timedelta(days=WEEK_DAYS - 1)

    @property
    def last(self) -> DailyFigures:
        return self.days[-1]

    @property
    def first(self) -> DailyFigures:
        return self.days[0]

    def total(self, name: str) -> int | float:
        return sum(getattr(d, name) for d in self.days)

    def relief_items(self) -> dict[str, float]:
        out: dict[str, float] = defaultdict(float)
        for d in self.days:
            for key, quantity in d.relief_items.items():
                out[key] += quantity
        return dict(out)

    def to_json(self) -> dict[str, Any]:
        return {
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "days": [d.to_json() for d in self.days],
            "changes": dict(self.changes),
        }


def _entries_in_force(day: date):
    """For the people who ever had F0/F1/F2 or an isolation (nobody else can count), each
    not-cancelled health-status entry started by ``day``, numbered so that ``rank`` 1 is the
    entry in force on ``day`` and ``rank_before`` 1 (among entries started before ``day``)
    the one in force the day before. One indexed pass in SQL serves both days."""
    concerned = union(  # two covering index searches (0017), not a scan of the history
        select(HealthStatus.member_id).where(HealthStatus.status.in_(SERIOUS)),
        select(HealthStatus.member_id).where(HealthStatus.isolation.in_(ISOLATING)),
    )
    newest_first = (
        HealthStatus.start.desc(),
        HealthStatus.recorded_at.desc(),
        HealthStatus.id.desc(),
    )
    earlier = HealthStatus.start < day
    return (
        select(
            HealthStatus.member_id,
            HealthStatus.status,
            HealthStatus.isolation,
            HealthStatus.end,
            earlier.label("earlier"),
            func.row_number()
            .over(partition_by=HealthStatus.member_id, order_by=newest_first)
            .label("rank"),
            func.row_number()
            .over(partition_by=(HealthStatus.member_id, earlier), order_by=newest_first)
            .label("rank_before"),
        )
        .where(
            HealthStatus.cancelled_at.is_(None),
            HealthStatus.start <= day,
            HealthStatus.member_id.in_(concerned),
        )
        .subquery()
    )


def _lockdown(s, figures: DailyFigures) -> None:
    day = figures.day
    figures.areas_in_force = int(
        s.scalar(select(func.count()).select_from(areas_in_force(day).subquery())) or 0
    )
    households, people = household_totals(s, day).get(None, (0, 0))
    figures.households, figures.people = households, people
    # Statuses and isolations of the people of the areas in force, that day and the day
    # before; isolations that end that day are counted over everyone (as recorded).
    e = _entries_in_force(day)
    in_area = Household.area_id.in_(areas_in_force(day))
    now = e.c.rank == 1
    before = and_(e.c.rank_before == 1, e.c.earlier.is_(True))
    isolating = and_(
        now,
        in_area,
        e.c.status.in_(SERIOUS),
        e.c.isolation.in_(ISOLATING),
        or_(e.c.end.is_(None), e.c.end >= day),
    )
    for status, isolation, counted, counted_before, now_isolating, ending in s.execute(
        select(
            e.c.status,
            e.c.isolation,
            func.sum(case((and_(now, in_area), 1), else_=0)),
            func.sum(case((and_(before, in_area), 1), else_=0)),
            func.sum(case((isolating, 1), else_=0)),
            func.sum(case((and_(now, e.c.end == day), 1), else_=0)),
        )
        .join(HouseholdMember, HouseholdMember.id == e.c.member_id)
        .join(Household, Household.id == HouseholdMember.household_id)
        .where(or_(now, before))
        .group_by(e.c.status, e.c.isolation)
    ):
        if status in SERIOUS:
            name = status.lower()
            setattr(figures, name, getattr(figures, name) + int(counted or 0))
            name += "_before"
            setattr(figures, name, getattr(figures, name) + int(counted_before or 0))
        figures.isolating += int(now_isolating or 0)
        if isolation == "central":
            figures.central += int(now_isolating or 0)
        if isolation in ISOLATING:
            figures.isolation_ended += int(ending or 0)
    figures.isolation_started = int(
        s.scalar(
            select(func.count(func.distinct(HealthStatus.member_id))).where(
                HealthStatus.cancelled_at.is_(None),
                HealthStatus.isolation.in_(ISOLATING),
                HealthStatus.start == day,
            )
        )
        or 0
    )


def _tests(s, figures: DailyFigures) -> None:
    done, positive = s.execute(
        select(
            func.count(),
            func.coalesce(func.sum(case((TestResult.result == "positive", 1), else_=0)), 0),
        )
        .join(TestRound, TestRound.id == TestResult.round_id)
        .where(TestRound.held_on == figures.day)
    ).one()
    figures.tests_done, figures.tests_positive = int(done), int(positive)


def relief_key(item: str, unit: str) -> str:
    """ "Gạo (kg)": how relief totals are keyed and printed."""
    return f"{item} ({unit})" if unit else item


def _relief(s, figures: DailyFigures) -> None:
    households: set[int] = set()
    totals: dict[str, float] = defaultdict(float)
    count = 0
    for household_id, items in s.execute(
        select(ReliefDelivery.household_id, ReliefDelivery.items).where(
            ReliefDelivery.delivered_on == figures.day
        )
    ):
        count += 1
        households.add(household_id)
        for entry in items or ():
            key = relief_key(str(entry.get("item", "")).strip(), str(entry.get("unit", "")))
            totals[key] += float(entry.get("quantity") or 0)
    figures.relief_deliveries = count
    figures.relief_households = len(households)
    figures.relief_items = dict(sorted(totals.items()))


def _absent(s, day: date) -> int:
    return int(
        s.scalar(
            select(func.count())
            .select_from(Attendance)
            .join(Assignment, Assignment.id == Attendance.assignment_id)
            .where(Assignment.day == day, Attendance.status == "absent")
        )
        or 0
    )


def _items_done(s, day: date) -> int:
    start, end = day_bounds(day)
    return int(
        s.scalar(
            select(func.count())
            .select_from(DirectiveItem)
            .where(
                DirectiveItem.status.in_((STATUS_DONE, STATUS_REPORTED)),
                DirectiveItem.status_changed_at >= start,
                DirectiveItem.status_changed_at < end,
            )
        )
        or 0
    )


def _followup(db: Database, figures: DailyFigures) -> None:
    """Follow-up and outcomes of the day (fieldapp.health)."""
    from fieldapp.health.outcomes import followup_counts, outcome_counts

    outcomes = outcome_counts(db, figures.day)
    figures.recovered, figures.recovered_total = outcomes.recovered, outcomes.recovered_total
    figures.moved_facility = outcomes.facility
    figures.moved_facility_total = outcomes.facility_total
    figures.died, figures.died_total = outcomes.died, outcomes.died_total
    figures.danger_checks, figures.danger_open = outcomes.danger_checks, outcomes.danger_open
    figures.followed, figures.checks = followup_counts(db, figures.day)


def daily_figures(db: Database, day: date) -> DailyFigures:
    """Every figure of the daily quick report for ``day`` (see :class:`DailyFigures`)."""
    figures = DailyFigures(day=day)
    with db.session() as s:
        _lockdown(s, figures)
        _tests(s, figures)
        _relief(s, figures)
        figures.shifts_absent = _absent(s, day)
    shifts = day_summary(db, day)
    figures.shifts_planned = shifts.shifts
    figures.shifts_staffed = shifts.shifts - shifts.unfilled
    log = daily_counts(db, day)
    figures.checkpoint_entries = log.entries
    figures.people_in = log.people
    figures.vehicles = log.vehicles
    figures.people_out = log.people_out
    figures.undeclared = log.undeclared
    figures.fever = log.fever
    figures.people_by_site = dict(log.by_site)
    _followup(db, figures)
    # Items as they stood that day (the history of statuses), not as they stand now.
    items = item_figures(db, day)
    figures.items_due = items.due
    figures.items_overdue = items.overdue
    figures.items_done = items.done
    figures.overdue = [
        OverdueLine(
            directive=line.directive,
            label=line.label,
            text=line.text,
            due=line.due,
            responsible=line.responsible,
        )
        for line in items.overdue_lines
    ]
    return figures


def headline_figures(db: Database, day: date) -> DailyFigures:
    """The few figures the overview's card shows (F0/F1 and their change, people through the
    checkpoints, items overdue), as :func:`daily_figures` counts them; the others stay zero.
    The overview fills at start-up: it does not wait for the duty rosters, tests and relief."""
    figures = DailyFigures(day=day)
    with db.session() as s:
        _lockdown(s, figures)
    figures.people_in = daily_counts(db, day).people
    figures.items_overdue = item_figures(db, day).overdue
    return figures


def weekly_figures(db: Database, end: date) -> WeeklyFigures:
    """The seven days ending on ``end`` (``end`` included), one :class:`DailyFigures` each."""
    days = [daily_figures(db, end - timedelta(days=n)) for n in range(WEEK_DAYS - 1, -1, -1)]
    changes = week_changes(db, end - timedelta(days=WEEK_DAYS - 1), end)
    return WeeklyFigures(end=end, days=days, changes=changes)
