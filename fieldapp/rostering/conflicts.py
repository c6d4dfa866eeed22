"""Live conflict marks of a roster in the database, with the reason in Vietnamese.

The same hard rules as :mod:`fieldapp.rostering.checker` (rest, double booking, leave, the
weekly maximum per calendar week, consecutive nights), plus each person's own limits and the
cell-level marks (a required role missing, a site not active that day). It works on the
assignments of a :class:`~fieldapp.rostering.store.Snapshot`, so it sees across the edges of
any date range the solver was given.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from fieldapp.rostering.instance import Rules, day_runs, role_label
from fieldapp.rostering.store import Absence, Duty, Snapshot, StaffInfo, monday_of
from fieldapp.text.vietnamese import format_date

# Kinds of marks, most serious first; the GUI colours by kind.
HARD_KINDS = ("overlap", "leave", "rest", "weekly", "nights", "personal", "inactive")
CELL_KINDS = ("role", "closed")


@dataclass(frozen=True, slots=True)
class Conflict:
    kind: str
    message: str


def _hours(delta: timedelta) -> str:
    value = delta.total_seconds() / 3600
    return f"{value:g}" if value == int(value) else f"{value:.1f}"


def person_conflicts(
    duties: list[Duty],
    absences: list[Absence],
    rules: Rules,
    person: StaffInfo | None,
    describe,
) -> dict[int, list[Conflict]]:
    """Marks on one person's duties, by index in ``duties`` (sorted by start inside)."""
    order = sorted(range(len(duties)), key=lambda i: (duties[i].start, duties[i].site_id))
    out: dict[int, list[Conflict]] = defaultdict(list)
    rest = timedelta(hours=rules.min_rest_hours)
    for i in order:
        d = duties[i]
        for absence in absences:
            if absence.overlaps(d.start, d.end):
                out[i].append(Conflict("leave", f"Đang {absence.reason_label} {absence.span_text}"))
                break
        if person is not None and not person.active:
            out[i].append(Conflict("inactive", "Người này đã thôi tham gia trực"))
        if person is not None and person.no_nights and d.night:
            out[i].append(Conflict("personal", "Người này không trực đêm (giới hạn riêng)"))
    for pos, i in enumerate(order):
        a = duties[i]
        for j in order[pos + 1 :]:
            b = duties[j]
            gap = b.start - a.end
            if gap >= rest:
                break  # later ones start even later
            if gap < timedelta(0):
                out[i].append(Conflict("overlap", f"Trùng giờ với {describe(b)}"))
                out[j].append(Conflict("overlap", f"Trùng giờ với {describe(a)}"))
            else:
                need = f"cần nghỉ {_hours(rest)} giờ, chỉ được {_hours(gap)} giờ"
                out[i].append(Conflict("rest", f"Chưa đủ giờ nghỉ trước {describe(b)}: {need}"))
                out[j].append(Conflict("rest", f"Chưa đủ giờ nghỉ sau {describe(a)}: {need}"))
    weeks: dict[date, list[int]] = defaultdict(list)
    for i in order:
        weeks[monday_of(duties[i].day)].append(i)
    personal = person.max_shifts_per_week if person is not None else None
    for monday, items in weeks.items():
        limit = rules.max_shifts_per_week
        kind = "weekly"
        if personal is not None and personal < limit:
            limit, kind = personal, "personal"
        if len(items) > limit:
            label = "giới hạn riêng" if kind == "personal" else "quy định"
            text = (
                f"Quá số ca trong tuần từ {format_date(monday)}: {len(items)} ca, "
                f"{label} tối đa {limit} ca"
            )
            for i in items[limit:]:
                out[i].append(Conflict(kind, text))
    limit = rules.max_consecutive_nights
    for days in day_runs(duties[i].day for i in order if duties[i].night):
        if len(days) > limit:
            text = f"Trực đêm {len(days)} đêm liền ({format_date(days[0])} – {format_date(days[-1])}), tối đa {limit}"
            bad = set(days[limit:])
            for i in order:
                if duties[i].night and duties[i].day in bad:
                    out[i].append(Conflict("nights", text))
    return dict(out)


def duty_conflicts(snapshot: Snapshot) -> dict[int, list[Conflict]]:
    """Marks per assignment id for every assignment of the snapshot."""
    out: dict[int, list[Conflict]] = {}
    for staff_id, duties in snapshot.by_person().items():
        found = person_conflicts(
            duties,
            snapshot.absences.get(staff_id, []),
            snapshot.rules,
            snapshot.staff.get(staff_id),
            snapshot.describe,
        )
        for i, marks in found.items():
            if duties[i].id is not None:
                out[duties[i].id] = marks
    for duty in snapshot.duties:
        site = snapshot.sites.get(duty.site_id)
        if site is not None and not site.active_on(duty.day):
            out.setdefault(duty.id, []).append(
                Conflict("closed", f"{site.name} không hoạt động ngày {format_date(duty.day)}")
            )
    return out


def cell_problems(snapshot: Snapshot, site_id: int, day: date, shift: str) -> list[Conflict]:
    """What a cell lacks: required roles missing (the empty places are shown as such)."""
    site = snapshot.sites[site_id]
    if not site.active_on(day):
        return []
    members = [d.staff_id for d in snapshot.duties if d.cell == (site_id, day, shift)]
    out = []
    for role, need in site.require.items():
        have = sum(1 for p in members if role in snapshot.staff[p].roles)
        if have < need:
            out.append(
                Conflict("role", f"Thiếu {need - have} {role_label(role)} (cần ít nhất {need})")
            )
    return out


def problems_if_added(
    snapshot: Snapshot, staff_id: int, new: Duty, without: int | None = None
) -> list[Conflict]:
    """The hard rules ``staff_id`` would break by taking ``new`` (dropping assignment
    ``without`` first, when swapping): marks on the new duty and marks it adds elsewhere."""
    mine = [d for d in snapshot.duties_of(staff_id) if d.id != without]
    absences = snapshot.absences.get(staff_id, [])
    person = snapshot.staff.get(staff_id)
    before = person_conflicts(mine, absences, snapshot.rules, person, snapshot.describe)
    after = person_conflicts([*mine, new], absences, snapshot.rules, person, snapshot.describe)
    found = list(after.get(len(mine), []))
    for i, marks in after.items():
        if i < len(mine):
            old = before.get(i, [])
            found += [m for m in marks if m not in old and m.kind not in ("overlap", "rest")]
    if any(d.cell == new.cell for d in mine):
        found.insert(0, Conflict("overlap", "Đã có trong ca này"))
    return list(dict.fromkeys(found))


def busy_text(snapshot: Snapshot, staff_id: int, when: datetime) -> str | None:
    for absence in snapshot.absences.get(staff_id, []):
        if absence.overlaps(when, when + timedelta(minutes=1)):
            return f"{absence.reason_label} {absence.span_text}"
    return None
