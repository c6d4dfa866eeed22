"""An independent checker of every hard rule of a roster, and of the honesty of its gap list.

Written apart from the solver on purpose: it works on dates and datetimes straight from the
file format, compares every pair of a person's shifts, and shares no code with the solver's
incremental feasibility tests, so a bug there cannot hide itself here.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from fieldapp.rostering.instance import Assignment, Instance, day_runs
from fieldapp.rostering.solution import Solution


@dataclass(frozen=True, slots=True)
class Violation:
    """One broken rule: ``rule`` is a short key (``rest``, ``leave``...), ``message`` says where."""

    rule: str
    message: str
    # what it is about, for a message in the register's words (see planning.violation_lines)
    staff: str = ""
    cells: tuple[Assignment, ...] = ()
    count: int = 0


def describe(
    violation: Violation,
    instance: Instance,
    who: Callable[[str], str] | None = None,
    where: Callable[[Assignment], str] | None = None,
) -> str:
    """A violation in Vietnamese: who, where, which shift and day, which limit. ``who`` and
    ``where`` name a person and a cell (the register's names; by default the file's)."""
    names = {p.id: p.name or p.id for p in instance.staff}
    sites = {s.id: s.name or s.id for s in instance.sites}
    who = who or (lambda ident: names.get(ident, ident))
    where = where or (lambda a: f"{sites.get(a.site, a.site)}, ca {a.shift} ngày {a.date:%d/%m/%Y}")
    rules = instance.rules
    cells = violation.cells
    person = who(violation.staff) if violation.staff else ""
    rule = violation.rule
    if rule == "leave" and cells:
        return f"{person} đang nghỉ hoặc bận mà được xếp trực: {where(cells[0])}"
    if rule == "overlap" and len(cells) == 2:
        return f"{person} trực hai nơi cùng lúc: {where(cells[0])} và {where(cells[1])}"
    if rule == "rest" and len(cells) == 2:
        return (
            f"{person} chỉ được nghỉ {violation.count / 60:g} giờ "
            f"(cần {rules.min_rest_hours:g}) giữa {where(cells[0])} và {where(cells[1])}"
        )
    if rule == "weekly" and cells:
        monday = cells[0].date - timedelta(days=(cells[0].date - instance.start).days % 7)
        return (
            f"{person} trực {violation.count} ca trong tuần từ {monday:%d/%m/%Y} "
            f"(tối đa {rules.max_shifts_per_week})"
        )
    if rule == "nights" and cells:
        return (
            f"{person} trực {violation.count} đêm liền đến {where(cells[0])} "
            f"(tối đa {rules.max_consecutive_nights})"
        )
    if rule == "overstaffed" and cells:
        return f"Thừa người: {where(cells[0])} có {violation.count} người"
    if rule == "duplicate" and cells:
        return f"{person} được ghi {violation.count} lần: {where(cells[0])}"
    if rule == "lock" and cells:
        return f"Ô cố định không còn mà không báo lý do: {person}, {where(cells[0])}"
    return f"Lỗi dữ liệu lịch trực ({rule}): {violation.message}"


def check(instance: Instance, solution: Solution) -> list[Violation]:
    """Every hard rule the roster breaks (an empty list for a valid roster)."""
    found: list[Violation] = []
    sites = {s.id: s for s in instance.sites}
    kinds = {k.id: k for k in instance.shifts}
    people = {p.id: p for p in instance.staff}
    first, last = instance.start, instance.start + timedelta(days=instance.days - 1)

    valid: list[Assignment] = []
    for a in solution.assignments:
        if a.site not in sites:
            found.append(Violation("unknown", f"{a}: no such site"))
        elif a.shift not in kinds or a.shift not in sites[a.site].shifts:
            found.append(Violation("unknown", f"{a}: the site has no such shift"))
        elif a.staff not in people:
            found.append(Violation("unknown", f"{a}: no such person"))
        elif not first <= a.date <= last:
            found.append(Violation("unknown", f"{a}: date outside the horizon"))
        else:
            valid.append(a)

    for a, n in sorted(Counter(valid).items(), key=lambda item: _order(item[0])):
        if n > 1:
            found.append(Violation("duplicate", f"{a} appears {n} times", a.staff, (a,), n))
    per_slot = Counter((a.site, a.date, a.shift) for a in set(valid))
    for (site, day, shift), n in sorted(per_slot.items()):
        if n > sites[site].staff_per_shift:
            found.append(
                Violation(
                    "overstaffed",
                    f"{site} {day} {shift}: {n} people for {sites[site].staff_per_shift} places",
                    cells=(Assignment(day, shift, site, ""),),
                    count=n,
                )
            )

    def span(a: Assignment) -> tuple[datetime, datetime]:
        begin = datetime.combine(a.date, kinds[a.shift].start)
        return begin, begin + timedelta(hours=kinds[a.shift].hours)

    by_person: dict[str, list[Assignment]] = defaultdict(list)
    for a in sorted(set(valid), key=_order):
        by_person[a.staff].append(a)
    rest = timedelta(hours=instance.rules.min_rest_hours)
    for person_id in sorted(by_person):
        mine = by_person[person_id]
        person = people[person_id]
        spans = [span(a) for a in mine]
        for a, (begin, end) in zip(mine, spans, strict=True):
            for leave in person.unavailable:
                if begin < leave.end and leave.start < end:
                    found.append(
                        Violation("leave", f"{a}: {person_id} is unavailable then", person_id, (a,))
                    )
                    break  # once per shift, however many leave spans it meets
        # every pair, not just neighbours: simple enough to be obviously right
        for i, a in enumerate(mine):
            a_begin, a_end = spans[i]
            for j in range(i + 1, len(mine)):
                b = mine[j]
                b_begin, b_end = spans[j]
                if a_begin <= b_begin:
                    gap = b_begin - a_end
                else:
                    gap = a_begin - b_end
                if gap < rest:
                    what = "overlap" if gap < timedelta(0) else "rest"
                    found.append(
                        Violation(
                            what,
                            f"{person_id}: {a} and {b} (rest {gap})",
                            person_id,
                            (a, b),
                            int(gap.total_seconds() // 60),
                        )
                    )
        weeks = Counter((a.date - instance.start).days // 7 for a in mine)
        for week, n in sorted(weeks.items()):
            if n > instance.rules.max_shifts_per_week:
                found.append(
                    Violation(
                        "weekly",
                        f"{person_id}: {n} shifts in week {week + 1} "
                        f"(max {instance.rules.max_shifts_per_week})",
                        person_id,
                        tuple(a for a in mine if (a.date - instance.start).days // 7 == week),
                        n,
                    )
                )
        # a run of nights crossing the roster's edges counts whole: the nights the person
        # worked just before its first day and just after its last (``nights_before/after``)
        limit = instance.rules.max_consecutive_nights
        nights = {a.date for a in mine if kinds[a.shift].night}
        real = set(nights)
        nights |= {first - timedelta(days=k) for k in range(1, person.nights_before + 1)}
        nights |= {last + timedelta(days=k) for k in range(1, person.nights_after + 1)}
        for run in day_runs(nights):
            inside = [d for d in run if d in real]
            if len(run) > limit and inside:
                # named by the first night too many, or by the roster's last night when the
                # run goes on past it
                day = next((d for d in run[limit:] if d in real), inside[-1])
                found.append(
                    Violation(
                        "nights",
                        f"{person_id}: {len(run)} nights in a row up to {day} (max {limit})",
                        person_id,
                        tuple(a for a in mine if a.date == day and kinds[a.shift].night),
                        len(run),
                    )
                )

    present = set(valid)
    rejected = {r.lock for r in solution.rejected_locks if r.reason.strip()}
    for lock in instance.locked:
        if lock not in present and lock not in rejected:
            found.append(
                Violation("lock", f"locked {lock} missing and not reported", lock.staff, (lock,))
            )
    return found


def _order(a: Assignment) -> tuple:
    """The assignments' own order (date, shift, site, person), as a plain tuple: sorting
    thousands of them compares tuples in C instead of calling the dataclass's ``__lt__``."""
    return (a.date, a.shift, a.site, a.staff)


def shortfalls(instance: Instance, assignments: list[Assignment]) -> dict[tuple, dict]:
    """Per shift ``(site, date, shift)``: empty places and missing holders of each role.

    Only shifts with something missing are returned, as ``{"places": n, "roles": {role: n}}``.
    """
    roles = {p.id: set(p.roles) for p in instance.staff}
    members: dict[tuple, set[str]] = defaultdict(set)
    for a in assignments:
        members[(a.site, a.date, a.shift)].add(a.staff)
    result: dict[tuple, dict] = {}
    for site in instance.sites:
        for day in instance.dates:
            for shift in site.shifts:
                key = (site.id, day, shift)
                here = members.get(key, set())
                places = max(0, site.staff_per_shift - len(here))
                short = {}
                for role, need in site.require:
                    have = sum(1 for s in here if role in roles.get(s, ()))
                    if have < need:
                        short[role] = need - have
                if places or short:
                    result[key] = {"places": places, "roles": short}
    return result


def gap_units(entry: dict) -> int:
    """How many people a shift still lacks: empty places or missing role holders, the larger."""
    return max(entry["places"], sum(entry["roles"].values()))


def check_gaps(instance: Instance, solution: Solution) -> list[Violation]:
    """Gaps that are real but not listed, listed but not real, or listed without a reason."""
    found: list[Violation] = []
    real = shortfalls(instance, solution.assignments)
    listed: dict[tuple, dict] = defaultdict(lambda: {"places": 0, "roles": {}})
    for gap in solution.uncovered:
        if not gap.reason.strip():
            found.append(Violation("gap-reason", f"{gap.site} {gap.date} {gap.shift}: no reason"))
        entry = listed[(gap.site, gap.date, gap.shift)]
        if gap.role is None:
            entry["places"] += gap.missing
        else:
            entry["roles"][gap.role] = entry["roles"].get(gap.role, 0) + gap.missing
    for key in sorted(set(real) | set(listed)):
        want = real.get(key, {"places": 0, "roles": {}})
        got = listed.get(key, {"places": 0, "roles": {}})
        if want["roles"] != got["roles"]:
            found.append(
                Violation("gap-list", f"{key}: roles short {want['roles']}, listed {got['roles']}")
            )
        # an empty place is listed under its role when a role holder is missing there, so
        # only the empty places beyond the role gaps are listed without a role
        role_listed = sum(got["roles"].values())
        if max(want["places"], role_listed) != got["places"] + role_listed:
            found.append(
                Violation(
                    "gap-list", f"{key}: {want['places']} empty places, listed {got['places']}"
                )
            )
    return found
