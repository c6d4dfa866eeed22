"""The roster in the database and the solver: build the problem, solve, write back.

:func:`build_plan` turns the sites, staff, leave, rules and current assignments around a
date range into an :class:`~fieldapp.rostering.instance.Instance` (the JSON format of
``ROSTER_FORMAT.md``) and a ``previous`` solution, so that the file-based solver decides.

Only the *open* cells may change: days in the range, at the chosen sites, while the site is
active. The horizon given to the solver runs from the Monday before the range to the Sunday
after it, so the weekly maximum is counted per calendar week and the rest and night rules see
the neighbouring days; everything outside the open cells is fixed there (existing assignments
locked, empty places held by *placeholders*, locked people who can be nowhere else). Shifts
just outside the horizon become leave spans (rest), and a run of nights reaching its edge
each person's ``nights_before`` / ``nights_after``. Personal limits: "no nights" becomes leave
at night shifts, a personal weekly maximum is enforced by re-solving
with the extra shifts blocked. A final pass over the result with
:mod:`fieldapp.rostering.conflicts` drops any new assignment that would still break a rule,
so what is written is always valid, whatever the solver did.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldapp.db.database import Database
from fieldapp.errors import UserError
from fieldapp.rostering import instance as inst
from fieldapp.rostering.conflicts import HARD_KINDS, person_conflicts
from fieldapp.rostering.instance import Instance, Leave
from fieldapp.rostering.models import Assignment as AssignmentRow
from fieldapp.rostering.models import Attendance, Unavailability
from fieldapp.rostering.solution import Solution
from fieldapp.rostering.solver import solve
from fieldapp.rostering.store import (
    Duty,
    ShiftDef,
    SiteInfo,
    Snapshot,
    get_rules,
    load_snapshot,
    monday_of,
)
from fieldapp.text.vietnamese import format_date

MAX_RANGE_DAYS = 92
LEADER_ORDER = ("police", "militia", "military", "official", "health")
Progress = Callable[[float, str], None]
Cell = tuple[int, date, str]  # (site id, day, shift id)


def _kind_id(shift: ShiftDef) -> str:
    """ "14:00-22:00": readable in the solver's reasons and in exported files."""
    if shift.minutes == 1440:
        return f"{shift.start}+24h"
    return f"{shift.start}-{shift.end}"


@dataclass
class Plan:
    """A range of the database roster as a solver problem, and the maps back."""

    instance: Instance
    previous: Solution | None
    start: date
    end: date
    snapshot: Snapshot
    open_cells: set[Cell]
    site_of: dict[str, int]
    person_of: dict[str, int]
    local_shift: dict[tuple[str, str], str]  # (instance site, kind id) -> site's shift id
    kind_of: dict[tuple[int, str], str]  # (site id, shift id) -> kind id
    placeholders: int = 0

    def to_db(self, a: inst.Assignment) -> tuple[Cell, int] | None:
        """(cell, staff id) of a solver assignment; None for placeholders."""
        person = self.person_of.get(a.staff)
        site = self.site_of.get(a.site)
        if person is None or site is None:
            return None
        shift = self.local_shift.get((a.site, a.shift))
        if shift is None:
            return None
        return (site, a.date, shift), person

    def to_instance(self, cell: Cell, staff_id: int) -> inst.Assignment:
        site, day, shift = cell
        return inst.Assignment(
            date=day, shift=self.kind_of[(site, shift)], site=f"site-{site}", staff=f"p{staff_id}"
        )


@dataclass
class PlanResult:
    """What a generation or re-plan did, in words for the user."""

    added: int = 0
    removed: int = 0
    kept: int = 0
    gaps: list[str] = field(default_factory=list)
    missing: int = 0
    rejected: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0
    wishes: tuple[int, int] = (0, 0)  # (shifts of people with wishes, how many meet them)

    def lines(self) -> list[str]:
        out = [f"Thêm {self.added} lượt, bỏ {self.removed} lượt, giữ nguyên {self.kept} lượt."]
        if self.missing:
            out.append(f"Còn thiếu {self.missing} lượt người:")
            out += [f"  - {g}" for g in self.gaps[:50]]
            if len(self.gaps) > 50:
                out.append(f"  ... và {len(self.gaps) - 50} chỗ khác")
        else:
            out.append("Mọi ca đều đủ người và đủ vai trò.")
        out += [f"Không giữ được ô cố định: {r}" for r in self.rejected]
        out += [f"Bỏ phân công vi phạm quy định: {d}" for d in self.dropped]
        out += [f"Cảnh báo: {w}" for w in self.warnings]
        if self.wishes[0]:
            shifts, met = self.wishes
            out.append(f"Mong muốn được đáp ứng: {met}/{shifts} ca ({met / shifts:.0%}).")
        return out


def _check_range(start: date, end: date) -> None:
    if end < start:
        raise UserError("Ngày kết thúc phải từ ngày bắt đầu trở đi.")
    if (end - start).days + 1 > MAX_RANGE_DAYS:
        raise UserError(f"Mỗi lần chỉ xếp tối đa {MAX_RANGE_DAYS} ngày; hãy chia nhỏ khoảng ngày.")


def _free_minute(
    begin: datetime, end: datetime, avoid: list[tuple[datetime, datetime]]
) -> datetime | None:
    """A minute in [begin, end) inside none of the ``avoid`` spans (None if there is none)."""
    points = [begin] + [e for _, e in avoid if begin <= e < end]
    for p in sorted(points):
        if not any(s <= p < e for s, e in avoid):
            return p
    return None


def build_plan(
    db: Database,
    start: date,
    end: date,
    *,
    site_ids: list[int] | None = None,
    keep_current: bool = True,
    extra_absences: dict[int, list[tuple[datetime, datetime | None]]] | None = None,
    blocked: dict[int, list[tuple[datetime, datetime]]] | None = None,
) -> Plan:
    """The solver problem for ``start``..``end`` (see the module doc)."""
    _check_range(start, end)
    rules = get_rules(db)
    nights = rules.max_consecutive_nights
    # Days next to the range whose shifts matter (rest, night runs): when any exists, the
    # horizon takes in their whole week too, so they are seen as they are.
    near = max(nights, math.ceil(rules.min_rest_hours / 24) + 1)
    pad = near + 7
    snap = load_snapshot(db, start - timedelta(days=pad + 7), end + timedelta(days=pad + 7))
    days_with_duty = {d.day for d in snap.duties}
    h0 = monday_of(start)
    if any(start - timedelta(days=k) in days_with_duty for k in range(1, near + 1)):
        h0 = monday_of(start - timedelta(days=near))
    h1 = monday_of(end) + timedelta(days=6)
    if any(end + timedelta(days=k) in days_with_duty for k in range(1, near + 1)):
        h1 = monday_of(end + timedelta(days=near)) + timedelta(days=6)
    chosen = set(site_ids) if site_ids is not None else set(snap.sites)
    for sid in chosen:
        if sid not in snap.sites:
            raise UserError("Không tìm thấy điểm trực này (có thể đã bị xóa).")
    range_days = [start + timedelta(days=i) for i in range((end - start).days + 1)]
    horizon = [h0 + timedelta(days=i) for i in range((h1 - h0).days + 1)]
    inside = [d for d in snap.duties if h0 <= d.day <= h1]
    used_sites = {d.site_id for d in inside}

    open_cells: set[Cell] = set()
    sites: list[SiteInfo] = []
    for site in snap.sites.values():
        active_days = [d for d in range_days if site.active_on(d)]
        is_open = site.id in chosen and bool(active_days)
        if not is_open and site.id not in used_sites:
            continue
        sites.append(site)
        if is_open:
            for day in active_days:
                for shift in site.shifts:
                    open_cells.add((site.id, day, shift.id))
    if not open_cells:
        raise UserError(
            f"Không có điểm trực nào hoạt động từ {format_date(start)} đến {format_date(end)}."
        )

    kinds: dict[str, ShiftDef] = {}
    kind_of: dict[tuple[int, str], str] = {}
    local_shift: dict[tuple[str, str], str] = {}
    for site in sites:
        for shift in site.shifts:
            kid = _kind_id(shift)
            kinds.setdefault(kid, shift)
            kind_of[(site.id, shift.id)] = kid
            local_shift[(f"site-{site.id}", kid)] = shift.id
    shift_kinds = tuple(
        inst.ShiftKind(kid, s.start_time, s.hours, s.night)
        for kid, s in sorted(kinds.items(), key=lambda kv: (kv[1].start, kv[1].hours, kv[0]))
    )
    inst_sites = tuple(
        inst.Site(
            id=f"site-{site.id}",
            name=site.name,
            shifts=tuple(dict.fromkeys(kind_of[(site.id, s.id)] for s in site.shifts)),
            staff_per_shift=site.staff_per_shift,
            require=tuple((r, n) for r, n in site.require.items() if n > 0),
        )
        for site in sites
    )
    site_by_id = {site.id: site for site in sites}

    # --- people ---------------------------------------------------------------------------
    people_ids = [p.id for p in snap.staff.values() if p.active]
    people_ids += sorted({d.staff_id for d in inside} - set(people_ids))
    rest = timedelta(hours=rules.min_rest_hours)
    first_moment = datetime.combine(h0, time(0))
    after_moment = datetime.combine(h1 + timedelta(days=1), time(0))
    range_begin = datetime.combine(start, time(0))
    range_after = datetime.combine(end + timedelta(days=1), time(0))
    by_person = snap.by_person()
    all_spans = [
        (kind_of[(site.id, s.id)], s.night, *s.span(day))
        for day in horizon
        for site in sites
        for s in site.shifts
    ]
    day_spans = [(b, e) for _k, night, b, e in all_spans if not night]

    def night_blocks(day: date) -> list[Leave]:
        out = []
        for site in sites:
            for s in site.shifts:
                if s.night:
                    b, e = s.span(day)
                    m = _free_minute(b, e, day_spans)
                    if m is not None:
                        out.append(Leave(m, m + timedelta(minutes=1)))
        return out

    staff: list[inst.Staff] = []
    person_of: dict[str, int] = {}
    for pid in people_ids:
        person = snap.staff[pid]
        leaves: list[Leave] = []
        for absence in snap.absences.get(pid, []):
            b = max(absence.starts, first_moment - timedelta(days=1))
            e = min(absence.ends or after_moment + timedelta(days=1), after_moment + timedelta(1))
            if e > b:
                leaves.append(Leave(b, e))
        for b, e in (extra_absences or {}).get(pid, []):
            e = e or after_moment + timedelta(days=1)
            leaves.append(Leave(max(b, first_moment - timedelta(days=1)), e))
        for b, e in (blocked or {}).get(pid, []):
            leaves.append(Leave(b, e))
        if not person.active:
            leaves.append(Leave(range_begin, range_after))
        mine = by_person.get(pid, [])
        for d in mine:
            if d.day < h0 or d.day > h1:  # just outside the horizon: keep the rest around it
                b, e = d.start - rest, d.end + rest
                if e > first_moment and b < after_moment + timedelta(days=1):
                    leaves.append(Leave(b, e))
        # nights in a row just outside the horizon: the run counts whole in the instance
        # (a blocked night in their place was a guess, wrong when the saved roster went on
        # another way, and a 00:00 shift's block also caught the night before it)
        before = {d.day for d in mine if d.night and d.day < h0}
        nights_before = 0
        while h0 - timedelta(days=nights_before + 1) in before:
            nights_before += 1
        after = {d.day for d in mine if d.night and d.day > h1}
        nights_after = 0
        while h1 + timedelta(days=nights_after + 1) in after:
            nights_after += 1
        if person.no_nights:
            for day in range_days:
                leaves += night_blocks(day)
        leaves.sort(key=lambda lv: (lv.start, lv.end))
        ident = f"p{pid}"
        person_of[ident] = pid
        wishes = tuple(sorted((k, v) for k, v in person.wishes.items() if k in inst.WISH_KINDS))
        staff.append(
            inst.Staff(
                ident,
                person.name,
                person.roles,
                tuple(leaves),
                wishes,
                nights_before=nights_before,
                nights_after=nights_after,
            )
        )

    # --- fixed assignments, placeholders, the previous roster -------------------------------
    locked: list[inst.Assignment] = []
    sticky: list[inst.Assignment] = []
    filled: dict[Cell, int] = defaultdict(int)
    for d in sorted(inside, key=lambda d: (d.day, d.site_id, d.shift, d.staff_id)):
        if d.site_id not in site_by_id or f"p{d.staff_id}" not in person_of:
            continue
        a = inst.Assignment(
            date=d.day,
            shift=kind_of[(d.site_id, d.shift)],
            site=f"site-{d.site_id}",
            staff=f"p{d.staff_id}",
        )
        fixed = d.cell not in open_cells or d.locked or d.id in snap.attendance
        if fixed:
            locked.append(a)
            filled[d.cell] += 1
        elif keep_current:
            sticky.append(a)
    placeholders = 0
    for site in sites:
        for day in horizon:
            for s in site.shifts:
                cell = (site.id, day, s.id)
                if cell in open_cells:
                    continue
                b, e = s.span(day)
                for _ in range(site.staff_per_shift - filled[cell]):
                    placeholders += 1
                    ident = f"x{placeholders}"
                    staff.append(
                        inst.Staff(
                            ident,
                            "(giữ chỗ)",
                            tuple(r for r, n in site.require.items() if n),
                            (
                                Leave(first_moment - timedelta(days=2), b),
                                Leave(e, after_moment + timedelta(days=2)),
                            ),
                        )
                    )
                    locked.append(
                        inst.Assignment(
                            date=day,
                            shift=kind_of[(site.id, s.id)],
                            site=f"site-{site.id}",
                            staff=ident,
                        )
                    )
    instance = Instance(
        name=f"{format_date(start)}-{format_date(end)}",
        start=h0,
        days=len(horizon),
        shifts=shift_kinds,
        sites=inst_sites,
        staff=tuple(staff),
        rules=rules,
        locked=tuple(locked),
    )
    previous = Solution(assignments=sorted(set(locked) | set(sticky))) if keep_current else None
    return Plan(
        instance=instance,
        previous=previous,
        start=start,
        end=end,
        snapshot=snap,
        open_cells=open_cells,
        site_of={f"site-{s.id}": s.id for s in sites},
        person_of=person_of,
        local_shift=local_shift,
        kind_of=kind_of,
        placeholders=placeholders,
    )


# --- solving ---------------------------------------------------------------------------------


def _wanted(plan: Plan, solution: Solution) -> dict[Cell, list[int]]:
    """The solver's people for each open cell."""
    out: dict[Cell, list[int]] = defaultdict(list)
    for a in solution.assignments:
        mapped = plan.to_db(a)
        if mapped and mapped[0] in plan.open_cells:
            out[mapped[0]].append(mapped[1])
    return out


def _over_personal_limit(
    plan: Plan, wanted: dict[Cell, list[int]]
) -> dict[int, list[tuple[datetime, datetime]]]:
    """Spans to block for people over their own weekly maximum (keeping their first shifts)."""
    snap = plan.snapshot
    limits = {
        p.id: p.max_shifts_per_week
        for p in snap.staff.values()
        if p.max_shifts_per_week is not None
        and p.max_shifts_per_week < snap.rules.max_shifts_per_week
    }
    if not limits:
        return {}
    weeks: dict[tuple[int, date], list[tuple[datetime, datetime, bool]]] = defaultdict(list)
    for d in snap.duties:
        if d.staff_id in limits and d.cell not in plan.open_cells:
            weeks[(d.staff_id, monday_of(d.day))].append((d.start, d.end, True))
    for cell, people in wanted.items():
        site = snap.sites[cell[0]]
        b, e = site.shift(cell[2]).span(cell[1])
        for pid in people:
            if pid in limits:
                locked = any(x.locked and x.staff_id == pid and x.cell == cell for x in snap.duties)
                weeks[(pid, monday_of(cell[1]))].append((b, e, locked))
    out: dict[int, list[tuple[datetime, datetime]]] = defaultdict(list)
    for (pid, monday), items in weeks.items():
        if len(items) <= limits[pid]:
            continue
        fixed = [x for x in items if x[2]]
        free = sorted(x for x in items if not x[2])
        keep = sorted(fixed + free[: max(0, limits[pid] - len(fixed))])
        cursor = datetime.combine(monday, time(0))
        week_end = cursor + timedelta(days=7)
        for b, e, _ in keep:
            if b > cursor:
                out[pid].append((cursor, b))
            cursor = max(cursor, e)
        if cursor < week_end:
            out[pid].append((cursor, week_end))
    return dict(out)


def _final_check(
    plan: Plan, wanted: dict[Cell, list[int]]
) -> tuple[dict[Cell, list[int]], list[str]]:
    """Drop new assignments that break a hard rule with everything else (the safety net)."""
    snap = plan.snapshot
    existing = {(d.cell, d.staff_id) for d in snap.duties}
    kept_fixed = [d for d in snap.duties if d.cell not in plan.open_cells or d.locked]
    kept_fixed += [
        d
        for d in snap.duties
        if d.cell in plan.open_cells and not d.locked and d.id in snap.attendance
    ]
    dropped: list[str] = []
    wanted = {cell: list(people) for cell, people in wanted.items()}
    for _ in range(10):
        duties = list(kept_fixed)
        for cell, people in wanted.items():
            site = snap.sites[cell[0]]
            shift = site.shift(cell[2])
            b, e = shift.span(cell[1])
            for pid in people:
                if any(x.cell == cell and x.staff_id == pid for x in kept_fixed):
                    continue
                duties.append(Duty(None, cell[0], cell[1], cell[2], pid, b, e, shift.night))
        by_person: dict[int, list[Duty]] = defaultdict(list)
        for d in duties:
            by_person[d.staff_id].append(d)
        bad: list[Duty] = []
        for pid, items in by_person.items():
            marks = person_conflicts(
                items, snap.absences.get(pid, []), snap.rules, snap.staff.get(pid), snap.describe
            )
            for i, found in marks.items():
                d = items[i]
                if d.id is None and (d.cell, pid) not in existing:
                    if any(m.kind in HARD_KINDS for m in found):
                        bad.append(d)
        if not bad:
            break
        # drop the latest offending new duty of each person, then look again
        latest: dict[int, Duty] = {}
        for d in bad:
            if d.staff_id not in latest or d.start > latest[d.staff_id].start:
                latest[d.staff_id] = d
        for d in latest.values():
            wanted[d.cell].remove(d.staff_id)
            person = snap.staff[d.staff_id]
            dropped.append(f"{person.name}: {snap.describe(d)}")
    return wanted, dropped


def solve_plan(
    plan: Plan,
    *,
    progress: Progress | None = None,
    extra_blocks_rounds: int = 3,
    rebuild: Callable[[dict[int, list[tuple[datetime, datetime]]]], Plan] | None = None,
) -> tuple[Plan, Solution, dict[Cell, list[int]], list[str]]:
    """Solve, enforce personal weekly limits by re-solving, then apply the safety net."""
    solution = solve(plan.instance, previous=plan.previous)
    wanted = _wanted(plan, solution)
    blocks: dict[int, list[tuple[datetime, datetime]]] = {}
    for round_ in range(extra_blocks_rounds):
        extra = _over_personal_limit(plan, wanted)
        if not extra or rebuild is None:
            break
        if progress:
            progress(0.4 + 0.1 * round_, "Điều chỉnh theo giới hạn riêng của từng người")
        for pid, spans in extra.items():
            blocks.setdefault(pid, []).extend(spans)
        previous_wanted = wanted
        plan = rebuild(blocks)
        kept = [
            plan.to_instance(cell, pid)
            for cell, people in previous_wanted.items()
            for pid in people
        ]
        base = plan.previous.assignments if plan.previous else []
        plan.previous = Solution(assignments=sorted(set(base) | set(kept)))
        solution = solve(plan.instance, previous=plan.previous)
        wanted = _wanted(plan, solution)
    wanted, dropped = _final_check(plan, wanted)
    return plan, solution, wanted, dropped


def _saved_gap_lines(db: Database, plan: Plan) -> tuple[int, list[str]]:
    """Shortfalls of the open cells as saved, each role named, with what really blocked it.

    Read back after the write through :func:`fieldapp.rostering.gaps.cell_gaps`, the same
    function the week grid, the wall sheet and ``roster verify`` use, so all of them agree.
    """
    from fieldapp.rostering.gaps import cell_gaps

    margin = timedelta(days=8)
    snap = load_snapshot(db, plan.start - margin, plan.end + margin)
    total = 0
    lines: list[str] = []
    for cell in sorted(plan.open_cells, key=lambda c: (c[1], c[0], c[2])):
        gaps = cell_gaps(snap, *cell)
        if not gaps:
            continue
        where = cell_words(snap.sites, cell)
        total += sum(g.missing for g in gaps)
        lines.append(f"{where}: " + "; ".join(f"{g.text} ({g.reason})" for g in gaps))
    return total, lines


# --- writing ---------------------------------------------------------------------------------


def _pick_leader(members: list[int], snap: Snapshot, led: dict[int, int]) -> int | None:
    if not members:
        return None

    def key(pid: int) -> tuple:
        roles = snap.staff[pid].roles
        rank = min((LEADER_ORDER.index(r) for r in roles if r in LEADER_ORDER), default=9)
        return (rank, led.get(pid, 0), pid)

    return min(members, key=key)


def write_plan(s: Session, plan: Plan, wanted: dict[Cell, list[int]], result: PlanResult) -> None:
    """Replace the open cells' unfixed assignments by ``wanted`` (in the caller's transaction)."""
    snap = plan.snapshot
    rows = s.scalars(
        select(AssignmentRow).where(AssignmentRow.day >= plan.start, AssignmentRow.day <= plan.end)
    ).all()
    attended = set(
        s.scalars(
            select(Attendance.assignment_id).where(
                Attendance.assignment_id.in_([r.id for r in rows] or [0])
            )
        )
    )
    current: dict[Cell, list[AssignmentRow]] = defaultdict(list)
    for r in rows:
        cell = (r.site_id, r.day, r.shift)
        if cell in plan.open_cells:
            current[cell].append(r)
    led: dict[int, int] = defaultdict(int)
    for r in rows:
        if r.is_leader:
            led[r.staff_id] += 1
    for cell in sorted(plan.open_cells, key=lambda c: (c[1], c[0], c[2])):
        want = list(dict.fromkeys(wanted.get(cell, [])))
        have = current.get(cell, [])
        keep_rows = []
        for r in have:
            if r.locked or r.id in attended or r.staff_id in want:
                keep_rows.append(r)
                result.kept += 1
            else:
                if r.is_leader:
                    led[r.staff_id] -= 1
                s.delete(r)
                result.removed += 1
        present = {r.staff_id for r in keep_rows}
        site = snap.sites[cell[0]]
        room = site.staff_per_shift - len(keep_rows)
        for pid in want:
            if pid in present or room <= 0:
                continue
            row = AssignmentRow(
                site_id=cell[0], day=cell[1], shift=cell[2], staff_id=pid, locked=False
            )
            row.is_leader = False
            s.add(row)
            keep_rows.append(row)
            present.add(pid)
            room -= 1
            result.added += 1
        if keep_rows and not any(r.is_leader for r in keep_rows):
            leader = _pick_leader([r.staff_id for r in keep_rows], snap, led)
            for r in keep_rows:
                if r.staff_id == leader:
                    r.is_leader = True
                    led[leader] += 1
    s.flush()


def cell_words(sites: dict[int, SiteInfo], cell: Cell) -> str:
    """ "Chốt Nà Pài, ca 1 (06:00–14:00) ngày 02/08/2021": a cell as the register says it."""
    site = sites[cell[0]]
    return f"{site.name}, {site.shift(cell[2]).label.lower()} ngày {format_date(cell[1])}"


def _rejected_lines(plan: Plan, solution: Solution, skip: set[int] = frozenset()) -> list[str]:
    out = []
    for rj in solution.rejected_locks:
        mapped = plan.to_db(rj.lock)
        if mapped is None or mapped[0] not in plan.open_cells or mapped[1] in skip:
            continue
        cell, pid = mapped
        snap = plan.snapshot
        reason = rj.reason.replace(rj.lock.staff, snap.staff[pid].name)
        out.append(f"{snap.staff[pid].name}, {cell_words(snap.sites, cell)}: {reason}")
    return out


def generate(
    db: Database,
    start: date,
    end: date,
    *,
    site_ids: list[int] | None = None,
    keep_current: bool = True,
    progress: Progress | None = None,
    extra_absences: dict[int, list[tuple[datetime, datetime | None]]] | None = None,
    before_write: Callable[[Session], None] | None = None,
) -> PlanResult:
    """Make (or re-make) the roster of ``start``..``end`` and save it in one transaction.

    Locked cells and cells with attendance are kept. With ``keep_current`` the other current
    assignments are kept as far as the rules allow (a re-plan); without it they are replaced.
    ``before_write`` runs first inside the same transaction (the re-plan records the leave).
    """
    import time as clock

    began = clock.perf_counter()
    report = progress or (lambda _f, _m: None)
    report(0.05, "Đọc danh sách điểm trực, người trực và lịch hiện có")

    def rebuild(blocks: dict[int, list[tuple[datetime, datetime]]]) -> Plan:
        return build_plan(
            db,
            start,
            end,
            site_ids=site_ids,
            keep_current=keep_current,
            extra_absences=extra_absences,
            blocked=blocks,
        )

    plan = rebuild({})
    report(0.2, "Đang xếp lịch")
    plan, solution, wanted, dropped = solve_plan(plan, progress=report, rebuild=rebuild)
    report(0.8, "Đang lưu lịch")
    result = PlanResult(dropped=dropped)
    skip = set(extra_absences or {})
    result.rejected = _rejected_lines(plan, solution, skip=skip)
    result.warnings = _week_warnings(plan, solution)
    wishes = solution.figures.get("wishes")
    if wishes:
        result.wishes = (int(wishes["shifts"]), int(wishes["met"]))
    with db.transaction() as s:
        if before_write is not None:
            before_write(s)
            s.flush()
        write_plan(s, plan, wanted, result)
    result.missing, result.gaps = _saved_gap_lines(db, plan)
    result.seconds = clock.perf_counter() - began
    report(1.0, "Xong")
    return result


def _week_warnings(plan: Plan, solution: Solution) -> list[str]:
    """The capacity check's week shortages, with the weeks named by their Monday."""
    import re

    out = []
    for message in solution.figures.get("capacity", []):
        match = re.match(r"tuần (\d+) (.*)", message)
        if not match:
            continue
        monday = plan.instance.start + timedelta(days=7 * (int(match.group(1)) - 1))
        if monday + timedelta(days=6) < plan.start or monday > plan.end:
            continue
        out.append(f"tuần từ {format_date(monday)} {match.group(2)}")
    return out


def last_planned_day(db: Database, start: date) -> date | None:
    """The last day with any assignment from ``start`` on (the end of the published roster)."""
    from sqlalchemy import func

    with db.session() as s:
        return s.scalar(select(func.max(AssignmentRow.day)).where(AssignmentRow.day >= start))


def mark_unavailable_and_replan(
    db: Database,
    staff_id: int,
    reason: str,
    starts: date,
    ends: date | None = None,
    *,
    note: str = "",
    progress: Progress | None = None,
) -> PlanResult:
    """Someone cannot work from ``starts`` (sick from tomorrow, say): record it, take them off
    their shifts from that day, and re-plan from there to the end of the published roster,
    keeping everything else as far as possible. All in one transaction."""
    from fieldapp.rostering.models import UNAVAILABLE_REASONS, Staff
    from fieldapp.rostering.store import add_absence

    if reason not in UNAVAILABLE_REASONS:
        raise UserError(f'Không rõ lý do "{reason}".')
    if ends is not None and ends < starts:
        raise UserError("Ngày hết nghỉ phải từ ngày bắt đầu nghỉ trở đi.")
    with db.session() as s:
        if s.get(Staff, staff_id) is None:
            raise UserError("Không tìm thấy người này (có thể đã bị xóa).")
    begin = datetime.combine(starts, time(0))
    finish = None if ends is None else datetime.combine(ends + timedelta(days=1), time(0))
    # a night shift of the day before that runs into the leave is taken off too
    first = starts - timedelta(days=1)
    last = last_planned_day(db, first)
    if last is None:
        add_absence(db, staff_id, reason, begin, finish, note)
        return PlanResult(warnings=["Chưa có lịch trực từ ngày này: chỉ ghi nhận ngày nghỉ."])
    end = last if ends is None else min(last, ends)
    snap = load_snapshot(db, first, max(end, first))
    clash = [
        d
        for d in snap.duties_of(staff_id)
        if d.end > begin and (finish is None or d.start < finish) and d.id not in snap.attendance
    ]
    if not clash:
        add_absence(db, staff_id, reason, begin, finish, note)
        return PlanResult(warnings=["Người này không có ca trực nào trong thời gian nghỉ."])
    first = min(d.day for d in clash)
    end = max(end, max(d.day for d in clash))
    taken_off = [0]

    def record(s: Session) -> None:
        s.add(
            Unavailability(
                staff_id=staff_id, reason=reason, starts=begin, ends=finish, note=note.strip()
            )
        )
        for d in clash:
            row = s.get(AssignmentRow, d.id)
            if row is None:
                raise UserError("Lịch vừa được thay đổi ở nơi khác: hãy thử lại.")
            s.delete(row)
            taken_off[0] += 1

    result = generate(
        db,
        first,
        end,
        keep_current=True,
        progress=progress,
        extra_absences={staff_id: [(begin, finish)]},
        before_write=record,
    )
    result.removed += taken_off[0]
    return result


# --- files: export an instance, import a solution -----------------------------------------------


def export_instance(db: Database, start: date, end: date, path, **kwargs) -> Plan:
    """Write the problem of ``start``..``end`` as an instance file (ROSTER_FORMAT.md)."""
    import json

    from fieldapp.files import replacing

    plan = build_plan(db, start, end, **kwargs)
    data = inst.instance_to_json(plan.instance)
    with replacing(path) as partial:
        partial.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", "utf-8")
    return plan


def import_solution(db: Database, start: date, end: date, path, **kwargs) -> PlanResult:
    """Save a solution file made for the instance :func:`export_instance` wrote for the same
    range (by ``fieldapp roster solve`` or another tool). Refused whole if it breaks a rule."""
    from fieldapp.rostering.checker import check
    from fieldapp.rostering.solution import load_solution

    solution = load_solution(path)
    plan = build_plan(db, start, end, **kwargs)
    problems = check(plan.instance, solution)
    if problems:
        raise UserError(
            f"Tệp lịch {path} không khớp dữ liệu hiện tại hoặc vi phạm quy định "
            f"({len(problems)} lỗi, ví dụ: {problems[0].message}). Không có gì được lưu."
        )
    known = set(plan.person_of) | {p.id for p in plan.instance.staff}
    for a in solution.assignments:
        if a.staff not in known:
            raise UserError(f'Tệp lịch có người "{a.staff}" không có trong dữ liệu.')
    wanted = _wanted(plan, solution)
    wanted, dropped = _final_check(plan, wanted)
    result = PlanResult(dropped=dropped)
    with db.transaction() as s:
        write_plan(s, plan, wanted, result)
    result.missing, result.gaps = _saved_gap_lines(db, plan)
    return result


def database_solution(plan: Plan) -> Solution:
    """The assignments of the horizon as they are in the database, as a solver solution,
    so the independent checker can judge the saved roster."""
    snap = plan.snapshot
    out = []
    for d in snap.duties:
        if d.site_id in {v for v in plan.site_of.values()} and plan.instance.start <= d.day:
            if d.day < plan.instance.start + timedelta(days=plan.instance.days):
                if f"p{d.staff_id}" in plan.person_of:
                    out.append(plan.to_instance(d.cell, d.staff_id))
    return Solution(assignments=sorted(set(out)))


def check_saved(db: Database, start: date, end: date) -> list:
    """The independent checker's violations of the saved roster around ``start``..``end``."""
    return _check_saved(build_plan(db, start, end, keep_current=True))


def _check_saved(plan: Plan) -> list:
    from fieldapp.rostering.checker import check

    return check(replace(plan.instance, locked=()), database_solution(plan))


def check_saved_lines(db: Database, start: date, end: date) -> list[str]:
    """:func:`check_saved` in the register's words: who, where, which day and shift, which
    rule (what ``roster verify`` prints), once each."""
    plan = build_plan(db, start, end, keep_current=True)
    return list(dict.fromkeys(violation_line(plan, v) for v in _check_saved(plan)))


def violation_line(plan: Plan, violation) -> str:
    """One violation of the checker as a commune official reads it: names, not file ids."""
    from fieldapp.rostering.checker import describe

    snap = plan.snapshot

    def who(ident: str) -> str:
        pid = plan.person_of.get(ident)
        return snap.staff[pid].name if pid in snap.staff else "Chỗ giữ của ô đã có"

    def where(a: inst.Assignment) -> str:
        site_id = plan.site_of.get(a.site)
        shift_id = plan.local_shift.get((a.site, a.shift))
        if site_id is None or shift_id is None:
            return f"{a.site} {a.shift} ngày {format_date(a.date)}"
        return cell_words(snap.sites, (site_id, a.date, shift_id))

    return describe(violation, plan.instance, who, where)


def checked_gaps(db: Database, start: date, end: date) -> list[tuple[Cell, str | None, int]]:
    """The gaps of the saved roster of ``start``..``end`` as the independent checker finds
    them: ``((site id, day, shift id), role or None, missing)``, role gaps first in a cell and
    empty places beyond them (the screen's :func:`fieldapp.rostering.gaps.cell_gaps` must
    find the very same)."""
    from fieldapp.rostering.checker import shortfalls

    plan = build_plan(db, start, end, keep_current=True)
    short = shortfalls(replace(plan.instance, locked=()), database_solution(plan).assignments)
    out: list[tuple[Cell, str | None, int]] = []
    for cell in sorted(plan.open_cells, key=lambda c: (c[1], c[0], c[2])):
        kid = next(
            k
            for (sid, k), local in plan.local_shift.items()
            if sid == f"site-{cell[0]}" and local == cell[2]
        )
        entry = short.get((f"site-{cell[0]}", cell[1], kid))
        if not entry:
            continue
        roles = entry["roles"]
        for role, n in roles.items():
            out.append((cell, role, n))
        beyond = entry["places"] - sum(roles.values())
        if beyond > 0:
            out.append((cell, None, beyond))
    return out
