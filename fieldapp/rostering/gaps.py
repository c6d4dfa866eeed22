"""Gaps of a saved roster, named by role, and what really kept people of that role away.

One function decides what a shift lacks (:func:`cell_gaps`), for the screen, the paper, the
re-plan summary and ``roster verify`` alike, so they cannot disagree: a shift short of a
required role says so ("thiếu 1 công an"), empty places beyond that say "thiếu N người".
:func:`blockers` counts, for one shift and one role, each holder of the role once, by the
first thing that keeps them off it: leave, sickness, quarantine, other duties away; a shift
at another site at the same time; too little rest; the weekly maximum; no night duty; the
night limit; or nothing at all ("còn rảnh"). The counts add up to the number of holders not
on the shift, so they can never be impossible.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from fieldapp.rostering.instance import role_label
from fieldapp.rostering.models import UNAVAILABLE_REASONS
from fieldapp.rostering.shifts import monday_of
from fieldapp.rostering.snapshot import Duty, SiteInfo, Snapshot

# The order in which blockers are counted (a person is counted under the first that holds).
BLOCKER_ORDER = (
    "leave",
    "sick",
    "quarantine",
    "other",
    "elsewhere",
    "rest",
    "week",
    "no_nights",
    "nights",
    "free",
)


def blocker_words(kind: str, snapshot: Snapshot) -> str:
    rules = snapshot.rules
    words = {
        "leave": UNAVAILABLE_REASONS["leave"],
        "sick": UNAVAILABLE_REASONS["sick"],
        "quarantine": UNAVAILABLE_REASONS["quarantine"],
        "other": UNAVAILABLE_REASONS["other"],
        "elsewhere": "đang trực điểm khác cùng giờ",
        "rest": f"chưa đủ {rules.min_rest_hours:g} giờ nghỉ",
        "week": "đã đủ số ca trong tuần",
        "no_nights": "không trực đêm",
        "nights": f"đã trực {rules.max_consecutive_nights} đêm liền",
        "free": "còn rảnh",
    }
    return words[kind]


@dataclass(frozen=True)
class CellGap:
    """What one shift lacks: ``missing`` holders of ``role``, or empty places (role None)."""

    site_id: int
    day: date
    shift: str
    role: str | None
    missing: int
    blockers: dict[str, int] = field(default_factory=dict)
    reason: str = ""

    @property
    def text(self) -> str:
        """ "thiếu 1 công an" or "thiếu 2 người"."""
        return f"thiếu {self.missing} {role_label(self.role)}"


def cell_gaps(
    snapshot: Snapshot, site_id: int, day: date, shift: str, *, explain: bool = True
) -> list[CellGap]:
    """The gaps of one shift of a saved roster (none while the site is not active).

    Role gaps come first; empty places are listed without a role only beyond those (a place
    left empty where a police officer is missing is the police gap, counted once), which is
    how the independent checker counts them.
    """
    site = snapshot.sites.get(site_id)
    if site is None or not site.active_on(day):
        return []
    members = [d.staff_id for d in snapshot.duties if d.cell == (site_id, day, shift)]
    out: list[CellGap] = []
    short_total = 0
    for role, need in site.require.items():
        have = sum(1 for p in members if role in snapshot.staff[p].roles)
        if have < need:
            short_total += need - have
            out.append(_gap(snapshot, site, day, shift, role, need - have, members, explain))
    places = site.staff_per_shift - len(members)
    if places > short_total:
        out.append(_gap(snapshot, site, day, shift, None, places - short_total, members, explain))
    return out


def _gap(
    snapshot: Snapshot,
    site: SiteInfo,
    day: date,
    shift: str,
    role: str | None,
    missing: int,
    members: list[int],
    explain: bool,
) -> CellGap:
    if not explain:
        return CellGap(site.id, day, shift, role, missing)
    counts = blockers(snapshot, site, day, shift, role, members)
    parts = [f"{n} {blocker_words(k, snapshot)}" for k, n in counts.items()]
    who = role_label(role) if role else "người"
    if not parts:
        reason = f"không có {who} nào trong danh sách trực"
    else:
        reason = f"{who}: " + ", ".join(parts)
    return CellGap(site.id, day, shift, role, missing, counts, reason)


def blockers(
    snapshot: Snapshot,
    site: SiteInfo,
    day: date,
    shift: str,
    role: str | None,
    members: list[int] | None = None,
) -> dict[str, int]:
    """For the holders of ``role`` (everyone for None) not on the shift: what keeps each off.

    Counts in :data:`BLOCKER_ORDER`, zero counts left out; the total is the number of
    active holders not on the shift.
    """
    s = site.shift(shift)
    begin, end = s.span(day)
    rules = snapshot.rules
    rest = timedelta(hours=rules.min_rest_hours)
    on_shift = set(members if members is not None else [])
    if members is None:
        on_shift = {d.staff_id for d in snapshot.duties if d.cell == (site.id, day, shift)}
    by_person = _duties_by_person(snapshot)
    week = monday_of(day)
    counts = dict.fromkeys(BLOCKER_ORDER, 0)
    for person in snapshot.staff.values():
        if not person.active or person.id in on_shift:
            continue
        if role is not None and role not in person.roles:
            continue
        mine = by_person.get(person.id, [])
        counts[_first_blocker(snapshot, person, mine, begin, end, s.night, day, week, rest)] += 1
    return {k: n for k, n in counts.items() if n}


def _duties_by_person(snapshot: Snapshot) -> dict[int, list[Duty]]:
    # read once per snapshot: a screen of gaps asks for it many times
    cached = snapshot.__dict__.get("_gaps_by_person")
    if cached is None or cached[0] != len(snapshot.duties):
        cached = (len(snapshot.duties), snapshot.by_person())
        snapshot.__dict__["_gaps_by_person"] = cached
    return cached[1]


def _first_blocker(snapshot, person, duties: list[Duty], begin, end, night, day, week, rest):
    for absence in snapshot.absences.get(person.id, []):
        if absence.overlaps(begin, end):
            return absence.reason if absence.reason in UNAVAILABLE_REASONS else "other"
    if any(d.start < end and begin < d.end for d in duties):
        return "elsewhere"
    if any(d.start < end + rest and begin < d.end + rest for d in duties):
        return "rest"
    limit = person.max_shifts_per_week
    limit = snapshot.rules.max_shifts_per_week if limit is None else limit
    in_week = sum(1 for d in duties if monday_of(d.day) == week)
    if in_week >= limit:
        return "week"
    if night and person.no_nights:
        return "no_nights"
    if night:
        nights = {d.day for d in duties if d.night}
        run = 1
        k = day - timedelta(days=1)
        while k in nights:
            run, k = run + 1, k - timedelta(days=1)
        k = day + timedelta(days=1)
        while k in nights:
            run, k = run + 1, k + timedelta(days=1)
        if run > snapshot.rules.max_consecutive_nights:
            return "nights"
    return "free"


def range_gaps(
    snapshot: Snapshot, start: date, end: date, *, explain: bool = False
) -> list[CellGap]:
    """Every gap of every site from ``start`` to ``end`` (days inclusive), in day order."""
    out: list[CellGap] = []
    day = start
    while day <= end:
        for site in snapshot.sites.values():
            for s in site.shifts:
                out += cell_gaps(snapshot, site.id, day, s.id, explain=explain)
        day += timedelta(days=1)
    return out
