"""An instance compiled to integer indices, for the capacity check and the solver.

Time is in minutes from midnight of the first day. A *time point* is one shift kind on one day
(every site running that kind shares it); a *slot* is one site's shift at one time point.
People, roles, groups, time points and slots are numbered in a fixed order taken from the file,
so nothing downstream depends on hash order and the same file always gives the same numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from fieldapp.rostering.instance import Instance, against_wishes


@dataclass(frozen=True, slots=True)
class TimePoint:
    day: int
    date: date
    shift: str
    start: int  # minutes from the first midnight
    end: int
    night: bool
    weekend: bool
    week: int


@dataclass(frozen=True, slots=True)
class Slot:
    t: int
    site: int
    site_id: str
    cap: int
    require: tuple[tuple[int, int], ...]  # (role index, at least n)


@dataclass(frozen=True, slots=True)
class Person:
    id: str
    roles: int  # bit mask over Model.roles
    group: int
    avail: tuple[bool, ...]  # per time point
    has_leave: bool  # some leave within the horizon's days: left out of the fairness figures
    against: tuple[bool, ...] = ()  # per time point: a shift then goes against a wish (or ())
    wishes: tuple[tuple[str, str], ...] = ()
    nights_before: int = 0  # nights in a row just before the first day (see instance.Staff)
    nights_after: int = 0


@dataclass(frozen=True, slots=True)
class Model:
    instance: Instance
    times: tuple[TimePoint, ...]
    slots: tuple[Slot, ...]
    slots_at: tuple[tuple[int, ...], ...]
    roles: tuple[str, ...]
    people: tuple[Person, ...]
    groups: tuple[tuple[str, ...], ...]  # role sets, as sorted tuples
    conflicts: tuple[tuple[int, ...], ...]  # time points too close to work both (rest, overlap)
    weeks: int
    rest: int  # minutes

    def slot_key(self, slot: int) -> tuple[str, date, str]:
        s = self.slots[slot]
        tp = self.times[s.t]
        return s.site_id, tp.date, tp.shift

    def role_bit(self, role: str) -> int:
        return 1 << self.roles.index(role) if role in self.roles else 0


def group_name(roles: tuple[str, ...]) -> str:
    return "+".join(roles) if roles else "-"


def compile_model(instance: Instance) -> Model:
    """Number everything and precompute availability and rest conflicts."""
    kinds = sorted(instance.shifts, key=lambda k: (k.start_minute, k.id))
    used_kinds = {k for site in instance.sites for k in site.shifts}
    times: list[TimePoint] = []
    index: dict[tuple[int, str], int] = {}
    for day in range(instance.days):
        current = instance.start + timedelta(days=day)
        for kind in kinds:
            if kind.id not in used_kinds:
                continue
            start = day * 1440 + kind.start_minute
            index[(day, kind.id)] = len(times)
            times.append(
                TimePoint(
                    day=day,
                    date=current,
                    shift=kind.id,
                    start=start,
                    end=start + kind.minutes,
                    night=kind.night,
                    weekend=current.weekday() >= 5,
                    week=day // 7,
                )
            )

    roles: list[str] = []
    for site in instance.sites:
        for role, _ in site.require:
            if role not in roles:
                roles.append(role)
    for person in instance.staff:
        for role in person.roles:
            if role not in roles:
                roles.append(role)

    slots: list[Slot] = []
    slots_at: list[list[int]] = [[] for _ in times]
    for t, tp in enumerate(times):
        for s, site in enumerate(instance.sites):
            if tp.shift in site.shifts:
                slots_at[t].append(len(slots))
                slots.append(
                    Slot(
                        t=t,
                        site=s,
                        site_id=site.id,
                        cap=site.staff_per_shift,
                        require=tuple((roles.index(r), n) for r, n in site.require),
                    )
                )

    origin = datetime.combine(instance.start, datetime.min.time())
    groups: list[tuple[str, ...]] = []
    people: list[Person] = []
    for person in instance.staff:
        key = tuple(sorted(person.roles))
        if key not in groups:
            groups.append(key)
        leaves = [
            ((lv.start - origin) // timedelta(minutes=1), (lv.end - origin) // timedelta(minutes=1))
            for lv in person.unavailable
        ]
        avail = tuple(all(not (tp.start < e and s < tp.end) for s, e in leaves) for tp in times)
        mask = 0
        for role in person.roles:
            mask |= 1 << roles.index(role)
        people.append(
            Person(
                id=person.id,
                roles=mask,
                group=groups.index(key),
                avail=avail,
                has_leave=any(s < instance.days * 1440 and e > 0 for s, e in leaves),
                against=tuple(against_wishes(person.wishes, tp.night, tp.weekend) for tp in times)
                if person.wishes
                else (),
                wishes=person.wishes,
                nights_before=person.nights_before,
                nights_after=person.nights_after,
            )
        )

    rest = round(instance.rules.min_rest_hours * 60)
    longest = max((tp.end - tp.start for tp in times), default=0)
    conflicts: list[list[int]] = [[] for _ in times]
    order = sorted(range(len(times)), key=lambda i: (times[i].start, i))
    for i, a in enumerate(order):
        for b in order[i + 1 :]:
            if times[b].start - times[a].start > longest + rest:
                break  # later ones start even later
            if times[b].start - times[a].end < rest:
                conflicts[a].append(b)
                conflicts[b].append(a)
    return Model(
        instance=instance,
        times=tuple(times),
        slots=tuple(slots),
        slots_at=tuple(tuple(x) for x in slots_at),
        roles=tuple(roles),
        people=tuple(people),
        groups=tuple(groups),
        conflicts=tuple(tuple(sorted(c)) for c in conflicts),
        weeks=(instance.days + 6) // 7,
        rest=rest,
    )
