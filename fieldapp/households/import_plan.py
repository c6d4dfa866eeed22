"""Planning an import against what the database holds: which households and people are new,
which change and how, which status entries to add — before anything is written.

A household is the one that has a person with the same CMND/CCCD, else the same head,
village, house number and head's year of birth, else the only household of the area with that
head in that village whose house number or head's year still agrees (one of them corrected).
A person of a matched household is matched by number, else by name and year of birth, else
by a name unique in the household. Blank cells never erase what is stored; flags are only
ever added. Importing the same file twice plans nothing the second time.
"""

from __future__ import annotations

import functools
from collections import namedtuple
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from operator import attrgetter, itemgetter
from types import MappingProxyType, SimpleNamespace
from typing import TYPE_CHECKING

from sqlalchemy import Boolean
from sqlalchemy.orm import Session

from fieldapp.db.database import Database
from fieldapp.errors import NotFound
from fieldapp.households.models import HouseholdMember, LockdownArea
from fieldapp.households.roster_rows import (
    WARNING,
    ParsedHousehold,
    ParsedPerson,
    PreviewRow,
    RowProblem,
)
from fieldapp.households.service import match_key
from fieldapp.progress import Progress
from fieldapp.text.vietnamese import fold

if TYPE_CHECKING:
    from fieldapp.households.excel_import import ImportPreview

_ID_FIELDS = ("id_kind", "id_typed", "id_check")
_NO_CHANGES: Mapping = MappingProxyType({})  # shared by every new person (read only)
_MEMBER_FIELDS = (
    "full_name",
    "birth_year",
    "birth_date",
    "sex",
    "relation",
    "citizen_id",
    "phone",
    "notes",
)


@dataclass(slots=True)
class PersonPlan:
    person: ParsedPerson
    member_id: int | None  # None: new
    changes: dict  # column -> value for an existing member (empty: unchanged)
    status: dict | None  # a new HealthStatus to add


@dataclass(slots=True)
class HouseholdPlan:
    parsed: ParsedHousehold
    household_id: int | None
    changes: dict
    # None for a new household until the writer asks (:func:`new_people`): at 700,000 people
    # the plans of people who are all new were a tenth of an import's memory.
    people: list[PersonPlan] | None

    @property
    def changed(self) -> bool:
        if self.people is None:
            return True
        return bool(self.changes) or any(
            p.member_id is None or p.changes or p.status for p in self.people
        )


def new_people(
    parsed: ParsedHousehold, db_defaults: Callable[[str, date], date | None]
) -> list[PersonPlan]:
    """The plans of the people of a new household: all new."""
    return [
        PersonPlan(person, None, _NO_CHANGES, _status_plan(None, person, db_defaults))
        for person in parsed.people
    ]


class Snapshot:
    """What the database holds for one area, and which CCCDs are used anywhere.

    Read with plain driver statements (at 200,000 people SQLAlchemy's per-row handling cost
    more than the reading), each value through its column's own result conversion (dates).
    """

    def __init__(self, s: Session, area_id: int, citizen_ids: set[str]) -> None:
        self.households: dict[int, SimpleNamespace] = {}
        self.by_key: dict[str, list[int]] = {}
        self._by_head: dict[tuple[str, str], list[int]] | None = None
        connection = s.connection()
        for hid, village, street, house, phone, poor, key, head in connection.exec_driver_sql(
            "SELECT id, village, street, house_number, phone, poor, match_key, head_name "
            "FROM household WHERE area_id = ?",
            (area_id,),
        ):
            self.households[hid] = SimpleNamespace(
                id=hid,
                village=village,
                street=street,
                house_number=house,
                phone=phone,
                poor=bool(poor),
                match_key=key,
                head_name=head,
                members=[],
            )
            self.by_key.setdefault(key, []).append(hid)
        table = HouseholdMember.__table__
        skip = ("uuid", "device_id", "created_at", "updated_at")
        columns = [c for c in table.columns if c.name not in skip]
        if self.households:
            # Rows as light read-only tuples; the writer copies the few households it changes
            # into mutable objects.
            row_type = _member_row_type(tuple(c.name for c in columns))
            dialect = connection.dialect
            # Dates need their conversion; booleans stay the driver's 0 and 1 (only ever
            # tested for truth, and the undo record takes them back as they are).
            convert = [
                (i, proc)
                for i, c in enumerate(columns)
                if not isinstance(c.type, Boolean)
                and (proc := c.type._cached_result_processor(dialect, None)) is not None
            ]
            dated = itemgetter(*(i for i, _proc in convert)) if convert else (lambda _r: ())
            blank = dated((None,) * len(columns))
            cursor = connection.connection.dbapi_connection.cursor()  # the same transaction
            names = ", ".join(f"m.{c.name}" for c in columns)
            households = self.households
            # No ORDER BY: SQLite would sort every row with all its columns; each household's
            # few members are put in order below instead.
            for raw in cursor.execute(
                f"SELECT {names} FROM household_member m WHERE m.household_id IN "
                "(SELECT id FROM household WHERE area_id = ?)",
                (area_id,),
            ):
                if dated(raw) != blank:
                    raw = list(raw)
                    for i, proc in convert:
                        if raw[i] is not None:
                            raw[i] = proc(raw[i])
                member = row_type._make(raw)
                households[member.household_id].members.append(member)
            in_order = attrgetter("position", "id")
            for household in households.values():
                if len(household.members) > 1:
                    household.members.sort(key=in_order)
        self.citizen_ids: dict[str, tuple[int, int]] = {}  # cccd -> (member id, household id)
        self.elsewhere: set[str] = set()  # CCCDs of people in other areas
        ids = sorted(citizen_ids)
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            marks = ", ".join("?" for _ in chunk)
            for cid, mid, hid, area in connection.exec_driver_sql(
                "SELECT m.citizen_id, m.id, m.household_id, h.area_id FROM household_member m "
                f"JOIN household h ON h.id = m.household_id WHERE m.citizen_id IN ({marks})",
                tuple(chunk),
            ):
                if area == area_id:
                    self.citizen_ids[cid] = (mid, hid)
                else:
                    self.elsewhere.add(cid)

    @property
    def by_head(self) -> dict[tuple[str, str], list[int]]:
        """(folded head's name, folded village) -> households; made when first needed (only
        households that matched by neither number nor key need it)."""
        if self._by_head is None:
            self._by_head = {}
            for hid, h in self.households.items():
                key = (_fold_cached(h.head_name), _fold_cached(h.village))
                self._by_head.setdefault(key, []).append(hid)
        return self._by_head


@functools.lru_cache(maxsize=8)
def _member_row_type(names: tuple[str, ...]) -> type:
    return namedtuple("StoredMember", names)  # noqa: PYI024 - built from the table's columns


_fold_cached = functools.lru_cache(maxsize=65_536)(fold)


def make_plan(
    snap: Snapshot,
    preview: ImportPreview,
    db_defaults: Callable[[str, date], date | None],
    progress: Progress | None = None,
) -> list[HouseholdPlan]:
    rows_by_number = {(r.sheet, r.row): r for r in preview.rows}
    used: set[int] = set()
    plans = []
    for count, parsed in enumerate(preview.households):
        if progress is not None and count % 2000 == 0:
            progress.check()  # cancel stops the planning here
        # A number already held by a person of another area cannot identify this one too:
        # the person is kept, the number moves to "as typed" and is marked for checking.
        for person in parsed.people:
            if person.citizen_id and person.citizen_id in snap.elsewhere:
                person.id_typed, person.citizen_id = person.citizen_id, None
                why = "số giấy tờ đã có ở một người thuộc khu vực phong tỏa khác"
                person.id_check = "; ".join(x for x in (person.id_check, why) if x)[:200]
                row = rows_by_number.get((person.sheet, person.row))
                if row is not None:
                    _add_problem(
                        row,
                        preview.columns.get("citizen_id", "Số CCCD/CMND"),
                        why + " (giữ như đã ghi, cần kiểm tra)",
                    )
    # Exact matches first (a number, or head, village, house and year all the same) for the
    # whole list, then the loose ones: a loose match must never take the household that a
    # namesake further down the list matches exactly (common at 200,000 households).
    found: list[int | None] = [None] * len(preview.households)
    modes = ("number", "key", "loose") if snap.households else ()  # nothing to match in
    for mode in modes:  # numbers first: a namesake's key never takes it
        for i, parsed in enumerate(preview.households):
            if found[i] is None:
                found[i] = _match_household(snap, parsed, used, mode=mode)
                if found[i] is not None:
                    used.add(found[i])
    for parsed, household_id in zip(preview.households, found, strict=True):
        plans.append(_plan_household(snap, parsed, household_id, db_defaults))
    preview.households = [p.parsed for p in plans]
    return plans


def _add_problem(row: PreviewRow, column: str, message: str) -> None:
    if not row.problems:
        row.problems = []
    if not any(p.message == message and p.column == column for p in row.problems):
        row.problems.append(RowProblem(row.row, column, message, WARNING, row.sheet))


def _match_household(
    snap: Snapshot, parsed: ParsedHousehold, used: set[int], *, mode: str = "loose"
) -> int | None:
    """``mode``: "number" (a person's CMND/CCCD), "key" (head, village, house, year) or
    "loose" (the same head in the village with the house or the year corrected)."""
    if mode == "number":
        for person in parsed.people:
            hit = snap.citizen_ids.get(person.citizen_id or "")
            if hit is not None and hit[1] not in used:
                return hit[1]
        return None
    head = parsed.head
    key = match_key(head.full_name, parsed.village, parsed.house_number, head.birth_year)
    for hid in snap.by_key.get(key, []):
        if hid not in used:
            return hid
    if mode == "key":
        return None
    # The same head in the same village with one of year of birth or house number corrected
    # in the newer list; two different families with a common name differ in both.
    candidates = []
    for hid in snap.by_head.get((_fold_cached(head.full_name), _fold_cached(parsed.village)), []):
        if hid in used:
            continue
        known = snap.households[hid]
        house, year = known.match_key.split("|")[-2:]
        same_year = not year or head.birth_year is None or year == str(head.birth_year)
        same_house = bool(house) and house == fold(parsed.house_number)
        if same_year or same_house:
            candidates.append(hid)
    if len(candidates) == 1:
        return candidates[0]
    return None


def _plan_household(
    snap: Snapshot,
    parsed: ParsedHousehold,
    household_id: int | None,
    db_defaults: Callable[[str, date], date | None],
) -> HouseholdPlan:
    if household_id is None:
        return HouseholdPlan(parsed, None, {}, None)
    changes: dict = {}
    existing_members: list[SimpleNamespace] = []
    if household_id is not None:
        h = snap.households[household_id]
        for column in ("village", "street", "house_number", "phone"):
            value = getattr(parsed, column)
            if value and value != getattr(h, column):
                changes[column] = value
        if parsed.poor and not h.poor:
            changes["poor"] = True
        existing_members = h.members
    people = []
    taken: set[int] = set()
    for person in parsed.people:
        member = _match_member(existing_members, person, taken)
        if member is None:
            people.append(
                PersonPlan(person, None, _NO_CHANGES, _status_plan(None, person, db_defaults))
            )
            continue
        taken.add(member.id)
        member_changes = {}
        for column in _MEMBER_FIELDS:
            value = getattr(person, column)
            if value in (None, "") or value == getattr(member, column):
                continue
            if column == "phone" and person.is_head and not member.phone:
                if household_id is not None and value == snap.households[household_id].phone:
                    continue  # the household's phone, shown on the head's row by the export
            member_changes[column] = value
        if person.id_kind and any(
            getattr(person, c) != getattr(member, c) for c in _ID_FIELDS
        ):  # the number's kind and check travel together, blanks included
            for column in _ID_FIELDS:
                member_changes[column] = getattr(person, column)
            if person.id_typed and member.citizen_id and not person.citizen_id:
                member_changes["citizen_id"] = None
        if person.is_head and not member.is_head:
            member_changes["is_head"] = True
        for flag in person.flags:
            if not getattr(member, flag):
                member_changes[flag] = True
        people.append(
            PersonPlan(person, member.id, member_changes, _status_plan(member, person, db_defaults))
        )
    return HouseholdPlan(parsed, household_id, changes, people)


def _match_member(
    members: list[SimpleNamespace], person: ParsedPerson, taken: set[int]
) -> SimpleNamespace | None:
    free = [m for m in members if m.id not in taken]
    if not free:
        return None
    if person.citizen_id:
        for m in free:
            if m.citizen_id == person.citizen_id:
                return m
    name = _fold_cached(person.full_name)
    same_name = [m for m in free if m.name_fold == name]
    for m in same_name:
        if m.birth_year == person.birth_year:
            return m
    # Within one household a name is nearly always unique: the same name with another (or
    # no) year is the same person with the year corrected — unless two CCCDs differ.
    loose = [m for m in same_name if not (m.citizen_id and person.citizen_id)]
    return loose[0] if len(loose) == 1 else None


def _status_plan(
    member: SimpleNamespace | None,
    person: ParsedPerson,
    db_defaults: Callable[[str, date], date | None],
) -> dict | None:
    if not person.status:
        return None
    if member is not None:
        same = member.status == person.status
        if person.isolation and person.isolation != member.isolation:
            same = False
        if person.iso_start and person.iso_start != member.isolation_start:
            same = False
        if person.iso_end and person.iso_end != member.isolation_end:
            same = False
        if same:
            return None
    if member is not None and not person.iso_start and member.status == person.status:
        start = member.isolation_start or date.today()
    else:
        start = person.iso_start or date.today()
    end = person.iso_end
    if end is None and person.isolation:
        end = db_defaults(person.status, start)
    return {"status": person.status, "isolation": person.isolation, "start": start, "end": end}


def snapshot_for(s: Session, area_id: int, preview: ImportPreview) -> Snapshot:
    ids = {p.citizen_id for h in preview.households for p in h.people if p.citizen_id}
    return Snapshot(s, area_id, ids)


def get_area(s: Session, area_id: int) -> LockdownArea:
    area = s.get(LockdownArea, area_id)
    if area is None:
        raise NotFound("Không tìm thấy khu vực phong tỏa (có thể đã bị xóa).")
    return area


def isolation_defaults(db: Database) -> Callable[[str, date], date | None]:
    cache: dict[str, int | None] = {}
    from fieldapp.households.service import isolation_days

    def end_of(status: str, start: date) -> date | None:
        if status not in cache:
            cache[status] = isolation_days(db, status)
        days = cache[status]
        return None if days is None else start + timedelta(days=days)

    return end_of


def tally(preview: ImportPreview, plans: list[HouseholdPlan]) -> None:
    preview.new_households = sum(1 for p in plans if p.household_id is None)
    preview.updated_households = sum(1 for p in plans if p.household_id is not None and p.changed)
    fresh = [p for p in plans if p.people is None]
    known = [p for p in plans if p.people is not None]
    preview.new_people = sum(len(p.parsed.people) for p in fresh) + sum(
        1 for p in known for q in p.people if q.member_id is None
    )
    preview.updated_people = sum(
        1 for p in known for q in p.people if q.member_id is not None and (q.changes or q.status)
    )
    preview.status_changes = sum(
        1 for p in fresh for person in p.parsed.people if person.status
    ) + sum(1 for p in known for q in p.people if q.status)
    del fresh, known
    by_row = {(r.sheet, r.row): r for r in preview.rows}
    for plan in plans:
        head_row = by_row.get((plan.parsed.sheet, plan.parsed.row))
        if head_row is not None:
            if plan.household_id is None:
                head_row.action = "new"
            else:
                head_row.action = "update" if plan.changed else "same"
        if plan.people is None:
            for person in plan.parsed.people:
                row = by_row.get((person.sheet, person.row))
                if row is not None and row.kind == "member":
                    row.action = "new"
            continue
        for q in plan.people:
            row = by_row.get((q.person.sheet, q.person.row))
            if row is not None and row.kind == "member":
                row.action = (
                    "new"
                    if q.member_id is None
                    else ("update" if q.changes or q.status else "same")
                )
