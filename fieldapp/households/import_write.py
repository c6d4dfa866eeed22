"""Writing a planned import in one transaction, recording it, and undoing it as a whole.

One import is one audited operation: an entry "imported FILE: N households, M people" and one
entry per household it created or changed (ids and counts, never personal data), all in the
transaction that writes the rows, through the trust gate (:mod:`fieldapp.gate`). A
:class:`~fieldapp.households.models.HouseholdImport` row keeps what the import created (id
ranges) and the values it replaced, so :func:`undo_import` can put the area back as it was —
until the next import into that area. An import that would change nothing writes nothing.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from operator import itemgetter
from types import SimpleNamespace
from typing import TYPE_CHECKING

from sqlalchemy import Boolean, delete, func, select, text
from sqlalchemy import update as sa_update
from sqlalchemy.orm import Session

from fieldapp import gate
from fieldapp.db.base import utcnow
from fieldapp.db.database import Database
from fieldapp.db.ddl import build_indexes, defer_plain_indexes
from fieldapp.errors import NeedsConfirmation, NotFound, UserMistake
from fieldapp.households.collation import name_sort_bytes, text_sort_bytes
from fieldapp.households.import_plan import (
    HouseholdPlan,
    get_area,
    isolation_defaults,
    make_plan,
    new_people,
    snapshot_for,
    tally,
)
from fieldapp.households.models import (
    HealthStatus,
    Household,
    HouseholdImport,
    HouseholdMember,
    HouseholdRequest,
    LockdownArea,
    ReliefDelivery,
    TestResult,
)
from fieldapp.households.service import FLAG_NAMES, derived_columns
from fieldapp.households.workbook import release_memory
from fieldapp.progress import Progress, report
from fieldapp.text.vietnamese import fold

if TYPE_CHECKING:
    from fieldapp.households.excel_import import ImportPreview

_DERIVED = (
    "head_name",
    "head_sort",
    "village_sort",
    "member_count",
    "vulnerable",
    "search_fold",
    "match_key",
)


def _ranges(ids: Iterable[int]) -> list[list[int]]:
    out: list[list[int]] = []
    for i in sorted(ids):
        if out and out[-1][1] == i - 1:
            out[-1][1] = i
        else:
            out.append([i, i])
    return out


def _ids(ranges: list[list[int]]) -> list[int]:
    return [i for lo, hi in ranges for i in range(lo, hi + 1)]


def _plain(value):
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, bytes):
        return value.hex()
    return value


def _audit(session: Session, entries: list[dict]) -> None:
    """Per-record entries, appended to the hash chain in one go (same transaction)."""
    if entries:
        from fieldapp.audit.trail import _append

        _append(session, entries)


CHUNK = 2_000  # households written per batch of statements (bounded memory)


def write_import(
    db: Database,
    preview: ImportPreview,
    area_id: int,
    *,
    author: str = "",
    progress: Progress | None = None,
) -> list[HouseholdPlan]:
    """Write the plan of ``preview`` into the area. Returns the plans only when nothing was
    written (the same list again); written plans are let go chunk by chunk (memory).

    The plan is made again inside the transaction (the database may have changed since the
    preview). New rows get their ids here, under the write lock, and go in as multi-row
    INSERTs a few thousand households at a time, so memory stays bounded at any size.
    Cancelling (``progress``) rolls everything back.
    """
    defaults = isolation_defaults(db)
    now = utcnow()
    device = db.device_id
    note = f"Nhập từ tệp {preview.file_name}"
    author = " ".join((author or gate.author_name(db.actor) or "").split())[:120]
    gate.require(db, "households")
    with db.transaction() as s:
        area = get_area(s, area_id)
        fill_single_village(preview, area)
        report(progress, 0, 100, "Đang so sánh với danh sách đã có…")
        snap = snapshot_for(s, area_id, preview)
        plans = make_plan(snap, preview, defaults, progress)
        preview.area_id = area_id
        tally(preview, plans)
        if not any(p.household_id is None or p.changed for p in plans):
            return plans  # the same list again: nothing to write, nothing to record
        gate.check_row(s, "households")  # the role, before the first row is written
        if s.get_bind().dialect.name == "sqlite":
            # A big import updates several indexes: with SQLite's default 2 MB page cache the
            # pages spill to disk again and again within the one transaction. 32 MB: with the
            # plain indexes built afterwards (_defer_indexes) more buys little speed, and the
            # same amount again goes to sorting while they are built.
            s.execute(text("PRAGMA cache_size = -32768"))
        # Take the write lock now: the ids reserved below stay ours until the commit.
        table = LockdownArea.__table__
        s.execute(table.update().where(table.c.id == area_id).values(notes=table.c.notes))
        writer = _Writer(s, snap, now, device, author, note, area_id, defaults)
        total = len(plans)
        people = sum(len(p.parsed.people) for p in plans)
        new_rows = {
            Household: sum(1 for p in plans if p.household_id is None),
            HouseholdMember: preview.new_people,
        }
        deferred = _defer_indexes(s, new_rows)
        for start in range(0, total, CHUNK):
            writer.write(plans[start : start + CHUNK])
            plans[start : start + CHUNK] = [None] * len(plans[start : start + CHUNK])
            if start % (10 * CHUNK) == 0:
                release_memory()  # the written chunks' plans and rows
            report(
                progress,
                10 + 85 * min(total, start + CHUNK) // max(1, total),
                100,
                "Đang ghi danh sách…",
            )
        report(progress, 96, 100, "Đang sắp xếp chỉ mục…")
        _restore_indexes(s, deferred)
        batch = writer.finish(preview, total, people)
        report(progress, 100, 100)
    preview.import_id = batch.id
    release_memory()
    return []  # the plans were let go chunk by chunk once written


def _defer_indexes(s: Session, new_rows: dict) -> list[str]:
    """The plain indexes of each table the import at least doubles, dropped inside the
    import's transaction (:func:`fieldapp.db.ddl.defer_plain_indexes`: at 200,000
    households their random-order inserts were most of the import);
    :func:`_restore_indexes` builds them again before the commit."""
    connection = s.connection()
    statements: list[str] = []
    for model, count in new_rows.items():
        statements += defer_plain_indexes(
            connection, model.__table__.name, count, threshold=DEFER_INDEXES_FROM
        )
    return statements


def _restore_indexes(s: Session, statements: list[str]) -> None:
    connection = s.connection()
    if statements:
        # The rows are written: the sort of each index build takes its memory from the same
        # budget as the page cache, and spills to a temporary file past it (memory peak).
        connection.exec_driver_sql("PRAGMA cache_size = -8192")
    build_indexes(connection, statements)


DEFER_INDEXES_FROM = 20_000  # new rows in a table before its indexes are built afterwards


class _Writer:
    """Writes plans chunk by chunk and remembers what it created and replaced."""

    def __init__(self, s: Session, snap, now, device, author, note, area_id, defaults) -> None:
        self.s, self.snap, self.now, self.author, self.note = s, snap, now, author, note
        self.defaults = defaults
        self.area_id = area_id
        self.sync = {"created_at": now, "updated_at": now, "device_id": device}
        self.touched = {"updated_at": now, "device_id": device}
        self.next_household = _next_id(s, Household)
        self.next_member = _next_id(s, HouseholdMember)
        self.next_status = self.first_status = _next_id(s, HealthStatus)
        self.created_households: list[int] = []
        self.created_members: list[int] = []
        self.before_members: dict[int, dict] = {}
        self.before_households: dict[int, dict] = {}
        # The import's own row first, so that every audit entry can name it.
        inserted = s.execute(
            HouseholdImport.__table__.insert().values(
                area_id=area_id,
                file_name="",
                imported_at=now,
                author=author,
                households=0,
                people=0,
                created={},
                before={},
                undone_at=None,
            )  # fmt: skip
        )
        self.batch_id = inserted.inserted_primary_key[0]
        self.counts = {"households": 0, "members": 0, "statuses": 0, "updated": 0}
        self._uuid_pool: list[str] = []

    def uuid(self) -> str:
        if not self._uuid_pool:
            self._uuid_pool = _uuids(4096)
        return self._uuid_pool.pop()

    def write(self, plans: list[HouseholdPlan]) -> None:
        s, snap = self.s, self.snap
        household_rows, member_rows, entries = [], [], []
        member_updates, household_updates = [], []
        new_members: set[int] = set()
        changed: list[HouseholdPlan] = []
        for p in plans:
            fresh = p.household_id is None
            if fresh:
                p.household_id = self.next_household
                self.next_household += 1
                self.created_households.append(p.household_id)
                members: list = []
            elif not p.changed:
                continue
            else:
                changed.append(p)
                h = snap.households[p.household_id]
                h.members = [
                    SimpleNamespace(**m._asdict()) if not isinstance(m, SimpleNamespace) else m
                    for m in h.members
                ]
                members = h.members
            position = max((m.position for m in members), default=-1) + 1
            if p.people is None:
                p.people = new_people(p.parsed, self.defaults)
            for q in p.people:
                if q.member_id is not None:
                    if q.changes:
                        self._change_member(members, q, member_updates)
                else:
                    q.member_id = self.next_member
                    self.next_member += 1
                    new_members.add(q.member_id)
                    values = _member_values(
                        q.person,
                        p.household_id,
                        q.member_id,
                        position,
                        not any(m.is_head for m in members),
                    )
                    position += 1
                    member_rows.append({"uuid": self.uuid(), **self.sync, **values})
                    members.append(SimpleNamespace(**values))
                if q.status is not None:
                    entries.append(self._status_entry(q))
                    current = {
                        "status": q.status["status"],
                        "isolation": q.status["isolation"],
                        "isolation_start": q.status["start"],
                        "isolation_end": q.status["end"],
                    }
                    if q.member_id in new_members:
                        member_rows[-1].update(current)  # the row just made for this person
                    else:
                        member = next(m for m in members if m.id == q.member_id)
                        old = self.before_members.setdefault(q.member_id, {})
                        for key, value in current.items():
                            old.setdefault(key, _plain(getattr(member, key)))
                            setattr(member, key, value)
                        member_updates.append({"id": q.member_id, **current, **self.touched})
            if fresh:
                parsed = p.parsed
                household_rows.append(
                    {
                        "id": p.household_id,
                        "uuid": self.uuid(),
                        **self.sync,
                        "area_id": self.area_id,
                        "village": parsed.village,
                        "street": parsed.street,
                        "house_number": parsed.house_number,
                        "phone": parsed.phone,
                        "poor": parsed.poor,
                        "notes": "",
                        **_new_derived(parsed, members),
                    }
                )
        _insert(s, Household, household_rows)
        _insert(s, HouseholdMember, member_rows)
        _insert(s, HealthStatus, entries)
        _update(s, HouseholdMember, member_updates)
        stored = _household_columns(s, [p.household_id for p in changed])
        for p in changed:
            h = snap.households[p.household_id]
            for key, value in p.changes.items():
                setattr(h, key, value)
            derived = derived_columns(h.village, h.street, h.house_number, h.phone, h.members)
            values = {**p.changes, **derived}
            old = stored[p.household_id]
            self.before_households[p.household_id] = {k: _plain(old[k]) for k in values}
            household_updates.append({"id": p.household_id, **values, **self.touched})
        _update(s, Household, household_updates)
        self.created_members.extend(r["id"] for r in member_rows)
        uuids = {r["id"]: r["uuid"] for r in household_rows}
        uuids.update({p.household_id: str(stored[p.household_id]["uuid"]) for p in changed})
        fresh_ids = {r["id"] for r in household_rows}
        records: list[dict] = []
        for p in plans:
            if p.household_id not in uuids:
                continue
            records.append(
                {
                    "action": "import",
                    "table_name": "household",
                    "record": uuids[p.household_id],
                    "before": None,
                    "after": _json(
                        {
                            "import": self.batch_id,
                            "household_id": p.household_id,
                            "new": p.household_id in fresh_ids,
                            "people": len(p.people),
                            "people_new": sum(1 for q in p.people if q.member_id in new_members),
                            "people_changed": sum(
                                1
                                for q in p.people
                                if q.member_id not in new_members and (q.changes or q.status)
                            ),
                            "columns": sorted(p.changes),
                        }
                    ),
                }
            )
        _audit(s, records)  # per chunk: nothing piles up in memory
        self.counts["households"] += len(household_rows)
        self.counts["members"] += len(member_rows)
        self.counts["statuses"] += len(entries)
        self.counts["updated"] += len(member_updates) + len(household_updates)

    def _change_member(self, members: list, q, member_updates: list) -> None:
        member = next(m for m in members if m.id == q.member_id)
        old = self.before_members.setdefault(q.member_id, {})
        for key, value in q.changes.items():
            old.setdefault(key, _plain(getattr(member, key)))
            setattr(member, key, value)
        member_updates.append({"id": q.member_id, **q.changes, **self.touched})
        if q.changes.get("is_head"):
            for other in members:
                if other.id != q.member_id and other.is_head:
                    self.before_members.setdefault(other.id, {}).setdefault("is_head", True)
                    other.is_head = False
                    member_updates.append({"id": other.id, "is_head": False, **self.touched})

    def _status_entry(self, q) -> dict:
        entry = {
            "id": self.next_status,
            "uuid": self.uuid(),
            **self.sync,
            "member_id": q.member_id,
            **q.status,
            "recorded_at": self.now,
            "author": self.author,
            "source": "import",
            "note": self.note,
            "cancelled_at": None,
            "cancelled_by": "",
        }
        self.next_status += 1
        return entry

    def finish(self, preview: ImportPreview, households: int, people: int) -> SimpleNamespace:
        s = self.s
        # Core, not the ORM: the row holds replaced values (personal data), which must not
        # be copied into the audit trail by the flush hook.
        values = {
            "area_id": self.area_id,
            "file_name": preview.file_name[:255],
            "imported_at": self.now,
            "author": self.author,
            "households": households,
            "people": people,
            "created": {
                "household": _ranges(self.created_households),
                "household_member": _ranges(self.created_members),
                "health_status": _ranges(range(self.first_status, self.next_status)),
            },
            "before": {
                "household": {str(k): v for k, v in self.before_households.items()},
                "household_member": {str(k): v for k, v in self.before_members.items()},
            },
            "undone_at": None,
        }
        imports = HouseholdImport.__table__
        s.execute(imports.update().where(imports.c.id == self.batch_id).values(**values))
        batch = SimpleNamespace(id=self.batch_id, **values)
        gate.record(
            s,
            "import",
            "household_import",
            str(batch.id),
            {
                "text": f"imported {preview.file_name}: {households} households, {people} people",
                "file": preview.file_name,
                "households": households,
                "people": people,
                "new_households": self.counts["households"],
                "new_people": self.counts["members"],
                "status_changes": self.counts["statuses"],
                "rows_updated": self.counts["updated"],
            },
        )
        return batch


# The derived columns of a new household, as records.derived_columns works them out (a test
# checks they agree), with the pieces that repeat down a list (villages, common names) worked
# out once: at 200,000 households the folds and sort keys were a tenth of the import.
_fold_cached = functools.lru_cache(maxsize=65_536)(fold)
_name_sort_cached = functools.lru_cache(maxsize=65_536)(name_sort_bytes)
_text_sort_cached = functools.lru_cache(maxsize=4_096)(text_sort_bytes)


def _new_derived(parsed, members: list) -> dict:
    """``derived_columns`` of a new household whose members are the value dicts just made
    (they carry ``name_fold``)."""
    head = next((m for m in members if m.is_head), None)
    if head is None and members:
        head = members[0]
    head_name = head.full_name if head is not None else ""
    village, street, house = parsed.village, parsed.street, parsed.house_number
    village_fold, house_fold = _fold_cached(village), _fold_cached(house)
    words = [m.name_fold for m in members]
    words += [village_fold, _fold_cached(street), house_fold]
    numbers = [parsed.phone] + [m.phone for m in members] + [m.citizen_id or "" for m in members]
    text = " ".join(w for w in words if w) + " " + " ".join(n for n in numbers if n)
    year = head.birth_year if head is not None else None
    return {
        "head_name": head_name,
        "head_sort": _name_sort_cached(head_name),
        "village_sort": _text_sort_cached(village),
        "member_count": len(members),
        "vulnerable": any(getattr(m, flag) for m in members for flag in FLAG_NAMES),
        "search_fold": " " + " ".join(text.split()),
        "match_key": "|".join(
            (
                head.name_fold if head is not None else "",
                village_fold,
                house_fold,
                "" if year is None else str(year),
            )
        ),
    }


def _uuids(count: int) -> list[str]:
    """``count`` random (version 4) UUIDs as text, like :func:`new_uuid`, made in one go."""
    raw = bytearray(os.urandom(16 * count))
    out = []
    for i in range(0, 16 * count, 16):
        raw[i + 6] = raw[i + 6] & 0x0F | 0x40
        raw[i + 8] = raw[i + 8] & 0x3F | 0x80
        h = raw[i : i + 16].hex()
        out.append(f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}")
    return out


def _member_values(
    person, household_id: int, member_id: int, position: int, may_head: bool
) -> dict:
    return {
        "id": member_id,
        "household_id": household_id,
        "position": position,
        "full_name": person.full_name,
        "name_fold": fold(person.full_name),
        "birth_year": person.birth_year,
        "birth_date": person.birth_date,
        "sex": person.sex,
        "relation": person.relation,
        "is_head": person.is_head and may_head,
        "citizen_id": person.citizen_id,
        "id_kind": person.id_kind,
        "id_typed": person.id_typed,
        "id_check": person.id_check,
        "phone": person.phone,
        "notes": person.notes,
        "status": "",
        "isolation": "",
        "isolation_start": None,
        "isolation_end": None,
        **{flag: flag in person.flags for flag in FLAG_NAMES},
    }


def _insert(s: Session, model, rows: list[dict]) -> None:
    """Multi-row INSERT of rows that all have the same keys (the role was checked once).

    On SQLite the values go through each column's own bind processor and then straight to
    the driver's executemany: SQLAlchemy's per-row parameter handling cost more than the
    writing itself at 200,000 people.
    """
    if not rows:
        return
    table = model.__table__
    connection = s.connection()
    dialect = connection.dialect
    if dialect.name != "sqlite":
        s.execute(table.insert(), rows)
        return
    names = list(rows[0])
    # Dates and times need their column's conversion; text, numbers and booleans the driver
    # takes as they are.
    convert = [
        (i, proc)
        for i, name in enumerate(names)
        if not isinstance(table.c[name].type, Boolean)
        and (proc := table.c[name].type._cached_bind_processor(dialect)) is not None
    ]
    columns = ", ".join(f'"{name}"' for name in names)
    marks = ", ".join("?" for _ in names)
    getter = itemgetter(*names)
    # Most converted values repeat (the import's one timestamp in created_at and updated_at,
    # the same isolation dates, None): each distinct value is converted once.
    memos: list[dict] = [{} for _ in convert]
    data = []
    for row in rows:
        values = list(getter(row))
        for (i, proc), memo in zip(convert, memos, strict=True):
            value = values[i]
            if value is not None:
                done = memo.get(value)
                if done is None:
                    done = memo[value] = proc(value)
                values[i] = done
        data.append(tuple(values))
    connection.exec_driver_sql(f'INSERT INTO "{table.name}" ({columns}) VALUES ({marks})', data)


def _update(s: Session, model, rows: list[dict]) -> None:
    """Bulk UPDATE by primary key, grouped by the set of columns each row changes (the role
    was checked once for the whole import)."""
    groups: dict[tuple, list[dict]] = {}
    for row in rows:
        groups.setdefault(tuple(sorted(row)), []).append(row)
    for group in groups.values():
        s.execute(sa_update(model), group)


def _json(data: dict) -> str:
    import json

    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def fill_single_village(preview: ImportPreview, area: LockdownArea) -> None:
    """Households without a village get the area's village when the area covers only one."""
    import re

    covered = [v.strip() for v in re.split(r"[,;\n]+", area.villages or "") if v.strip()]
    if len(covered) != 1:
        return
    for household in preview.households:
        if not household.village:
            household.village = covered[0]


def _next_id(s: Session, model) -> int:
    return (s.scalar(select(func.max(model.id))) or 0) + 1


def _members_by_household(s: Session, ids: list[int]) -> dict[int, list[SimpleNamespace]]:
    out: dict[int, list[SimpleNamespace]] = {i: [] for i in ids}
    columns = [
        HouseholdMember.household_id,
        HouseholdMember.full_name,
        HouseholdMember.birth_year,
        HouseholdMember.is_head,
        HouseholdMember.phone,
        HouseholdMember.citizen_id,
        *(getattr(HouseholdMember, f) for f in FLAG_NAMES),
    ]
    for i in range(0, len(ids), 500):
        for m in s.execute(
            select(*columns)
            .where(HouseholdMember.household_id.in_(ids[i : i + 500]))
            .order_by(HouseholdMember.position, HouseholdMember.id)
        ):
            out[m.household_id].append(SimpleNamespace(**m._asdict()))
    return out


def _household_columns(s: Session, ids: list[int]) -> dict[int, dict]:
    out: dict[int, dict] = {}
    table = Household.__table__
    for i in range(0, len(ids), 500):
        for row in s.execute(select(table).where(table.c.id.in_(ids[i : i + 500]))).mappings():
            out[row["id"]] = dict(row)
    return out


# --------------------------------------------------------------------------------------------
# Undo
# --------------------------------------------------------------------------------------------


@dataclass
class ImportRecord:
    """One import as listed for undo."""

    id: int
    area_id: int
    file_name: str
    imported_at: datetime
    author: str
    households: int
    people: int
    undone_at: datetime | None


def last_import(db: Database, area_id: int) -> ImportRecord | None:
    """The newest import into the area (undone or not), or None."""
    with db.session() as s:
        row = s.scalars(
            select(HouseholdImport)
            .where(HouseholdImport.area_id == area_id)
            .order_by(HouseholdImport.id.desc())
            .limit(1)
        ).first()
        if row is None:
            return None
        return ImportRecord(
            row.id,
            row.area_id,
            row.file_name,
            row.imported_at,
            row.author,
            row.households,
            row.people,
            row.undone_at,
        )


def undo_import(
    db: Database, area_id: int, *, force: bool = False, progress: Progress | None = None
) -> ImportRecord:
    """Undo the newest import into the area as a whole: delete what it created, put back
    what it changed. Only the newest, and only once.

    When work was recorded since on what the import created (deliveries, requests, test
    results, status changes), raises :class:`NeedsConfirmation` unless ``force``.
    """
    record = last_import(db, area_id)
    if record is None:
        raise NotFound("Khu vực này chưa có lần nhập danh sách nào để hoàn tác.")
    if record.undone_at is not None:
        raise UserMistake(
            f"Lần nhập tệp {record.file_name} đã được hoàn tác. Chỉ hoàn tác được lần nhập "
            "gần nhất, một lần."
        )
    gate.require(db, "households")
    now = utcnow()
    with db.transaction() as s:
        batch = s.get(HouseholdImport, record.id)
        assert batch is not None
        households = _ids(batch.created.get("household", []))
        members = _ids(batch.created.get("household_member", []))
        statuses = _ids(batch.created.get("health_status", []))
        later = _later_work(s, households, members, statuses)
        if later and not force:
            raise NeedsConfirmation(
                f"Từ sau lần nhập đã có {later} việc được ghi cho các hộ, người mới nhập "
                "(cấp phát, yêu cầu, xét nghiệm, tình trạng). Hoàn tác sẽ xóa cả những việc "
                "đó. Xác nhận để tiếp tục."
            )
        report(progress, 10, 100, "Đang hoàn tác lần nhập…")
        for model, ids in (
            (HealthStatus, statuses),
            (HouseholdMember, members),
            (Household, households),
        ):
            _delete_with_tombstones(s, model, ids)
        report(progress, 50, 100)
        touched = {"updated_at": now, "device_id": db.device_id}
        before = batch.before or {}
        member_updates = [
            {"id": int(k), **_typed(HouseholdMember, v), **touched}
            for k, v in before.get("household_member", {}).items()
        ]
        gate.bulk_update(s, HouseholdMember, member_updates, area="households", action="undo")
        household_updates = [
            {"id": int(k), **_typed(Household, v), **touched}
            for k, v in before.get("household", {}).items()
        ]
        gate.bulk_update(s, Household, household_updates, area="households", action="undo")
        imports = HouseholdImport.__table__
        s.execute(imports.update().where(imports.c.id == batch.id).values(undone_at=now))
        gate.record(
            s,
            "undo",
            "household_import",
            str(batch.id),
            {
                "text": f"undid import of {batch.file_name}",
                "file": batch.file_name,
                "households_removed": len(households),
                "people_removed": len(members),
                "restored": len(member_updates) + len(household_updates),
            },
        )
        report(progress, 100, 100)
    record.undone_at = now
    return record


def _typed(model, values: dict) -> dict:
    """Values stored as JSON back to their column types (dates, bytes)."""
    out = {}
    columns = model.__table__.columns
    for key, value in values.items():
        column = columns[key]
        if value is not None:
            try:
                python = column.type.python_type
            except NotImplementedError:
                python = None
            if python is date and isinstance(value, str):
                value = date.fromisoformat(value)
            elif python is bytes and isinstance(value, str):
                value = bytes.fromhex(value)
        out[key] = value
    return out


def _later_work(s: Session, households: list[int], members: list[int], statuses: list[int]) -> int:
    count = 0
    for i in range(0, len(households), 500):
        chunk = households[i : i + 500]
        for model in (ReliefDelivery, HouseholdRequest):
            count += s.scalar(
                select(func.count()).select_from(model).where(model.household_id.in_(chunk))
            )
    own = set(statuses)
    for i in range(0, len(members), 500):
        chunk = members[i : i + 500]
        count += s.scalar(
            select(func.count()).select_from(TestResult).where(TestResult.member_id.in_(chunk))
        )
        count += sum(
            1
            for (sid,) in s.execute(
                select(HealthStatus.id).where(HealthStatus.member_id.in_(chunk))
            )
            if sid not in own
        )
    return count


def _delete_with_tombstones(s: Session, model, ids: list[int]) -> None:
    """Delete rows by id; deletions of travelling rows leave tombstones (fieldapp.sync)."""
    if not ids:
        return
    from fieldapp.sync.models import Tombstone

    table = model.__table__
    now = utcnow()
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        rows = s.execute(select(table.c.uuid, table.c.device_id).where(table.c.id.in_(chunk)))
        stones = [
            {"uuid": u, "table_name": table.name, "deleted_at": now, "device_id": d}
            for u, d in rows
        ]
        if stones:
            s.execute(Tombstone.__table__.insert(), stones)
        gate.execute_bulk(s, "households", delete(table).where(table.c.id.in_(chunk)))
