"""Recording every change in the same transaction, enforcing roles, and checking the chain.

Two session hooks, installed for every session of the app:

- ``before_flush`` checks, for every row about to be written, that the signed-in person's
  role may change that area (:func:`fieldapp.accounts.permissions.check_write`); a refusal
  aborts the flush and so the whole unit of work.
- ``after_flush`` writes one :class:`~fieldapp.audit.models.AuditEntry` per created,
  changed or deleted row, with the values before and after, on the same connection and in
  the same transaction as the change: both are kept or neither is.

Each entry's ``hash`` is SHA-256 over the previous entry's hash and the entry's own content,
so editing or deleting an entry in the file breaks the chain at that point, which
:func:`verify` finds. The same hook leaves a tombstone for every deleted travelling record. Rows written with SQLAlchemy Core bulk statements (large imports) do
not pass through these hooks; such services record one summary entry with :func:`record`.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

from sqlalchemy import event, inspect, select
from sqlalchemy.orm import Session

from fieldapp.accounts.permissions import (
    PERSONAL_SETTINGS,
    SYSTEM_TABLES,
    Actor,
    area_of,
)
from fieldapp.audit.models import AuditEntry
from fieldapp.db.base import SyncMixin, utcnow

GENESIS = "0" * 64
# Columns that change on every write and say nothing by themselves.
_NOISE = frozenset({"updated_at", "device_id"})
# Columns whose values are never copied into the trail (only the fact that they changed).
_SECRET = frozenset({"password_hash"})


def _local_only(obj: Any) -> bool:
    """Rows neither checked nor audited: system tables and window preferences."""
    table = obj.__table__.name
    if table in SYSTEM_TABLES:
        return True
    if table != "setting":
        return False
    key = str(getattr(obj, "key", ""))
    return key in PERSONAL_SETTINGS or key.startswith("ui.")


def _value(_obj: Any, key: str, value: Any) -> Any:
    return "(ẩn)" if key in _SECRET else _jsonable(value)


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, bytes):
        return value.hex()
    if isinstance(value, set | frozenset | tuple):
        return list(value)
    return value


def _columns(obj: Any) -> list[str]:
    return [attr.key for attr in inspect(type(obj)).column_attrs]


def _record_id(obj: Any) -> str:
    uuid = getattr(obj, "uuid", None)
    if uuid:
        return str(uuid)
    identity = inspect(obj).identity
    if identity:
        return "/".join(str(part) for part in identity)
    return "/".join(str(getattr(obj, c.key)) for c in inspect(type(obj)).primary_key)


def _own_account_only(obj: Any, actor: Actor | None) -> bool:
    if actor is None or obj.__table__.name != "user_account" or obj.id != actor.user_id:
        return False
    state = inspect(obj)
    changed = {a.key for a in state.attrs if a.history.has_changes()}
    return changed <= {"password_hash", "failed_attempts", "locked_until"}


@event.listens_for(Session, "before_flush")
def _check_roles(session: Session, _context, _instances) -> None:
    """Every ORM row passes the gate: author stamped, role checked (:mod:`fieldapp.gate`)."""
    from fieldapp import gate

    for obj in session.new:
        gate.stamp_author(session, obj)
    if not session.info.get("enforce") or session.info.get("system"):
        return
    actor: Actor | None = session.info.get("actor")
    for obj in [*session.new, *session.dirty, *session.deleted]:
        if _local_only(obj):
            continue
        if obj in session.dirty and not session.is_modified(obj, include_collections=False):
            continue
        area = area_of(obj.__table__.name, type(obj).__module__)
        gate.check_row(session, area, own_account=_own_account_only(obj, actor))


@event.listens_for(Session, "after_flush")
def _write_trail(session: Session, _context) -> None:
    entries: list[dict[str, Any]] = []
    for obj in session.new:
        if _local_only(obj):
            continue
        after = {c: _value(obj, c, getattr(obj, c)) for c in _columns(obj)}
        entries.append(_entry("create", obj, None, after))
    for obj in session.dirty:
        if _local_only(obj) or not session.is_modified(obj, include_collections=False):
            continue
        state = inspect(obj)
        before: dict[str, Any] = {}
        after = {}
        for key in _columns(obj):
            history = state.attrs[key].history
            if not history.has_changes() or key in _NOISE:
                continue
            if key in _SECRET:
                before[key], after[key] = "(ẩn)", "(đã đổi)"
                continue
            before[key] = _jsonable(history.deleted[0]) if history.deleted else None
            after[key] = _jsonable(history.added[0]) if history.added else None
        if before != after:
            entries.append(_entry("update", obj, before, after))
    tombstones = []
    for obj in session.deleted:
        if _local_only(obj):
            continue
        before = {c: _value(obj, c, getattr(obj, c)) for c in _columns(obj)}
        entries.append(_entry("delete", obj, before, None))
        if isinstance(obj, SyncMixin) and obj.uuid:
            tombstones.append(
                {
                    "uuid": obj.uuid,
                    "table_name": obj.__table__.name,
                    "deleted_at": utcnow(),
                    "device_id": session.info.get("device_id") or obj.device_id,
                }
            )
    if entries:
        _append(session, entries)
    # A row put back with its old identity (the undo of a deletion) is alive again: its
    # tombstone goes, or a second deletion fails and a package would delete it at the district.
    revived = [o.uuid for o in session.new if isinstance(o, SyncMixin) and o.uuid]
    if revived:
        from fieldapp.sync.models import Tombstone

        table = Tombstone.__table__
        for start in range(0, len(revived), 500):
            chunk = revived[start : start + 500]
            session.connection().execute(table.delete().where(table.c.uuid.in_(chunk)))
    if tombstones:
        # Deletions travel to the district as tombstones (fieldapp.sync).
        from fieldapp.sync.models import Tombstone

        session.connection().execute(Tombstone.__table__.insert(), tombstones)


def _entry(action: str, obj: Any, before: Any, after: Any) -> dict[str, Any]:
    return {
        "action": action,
        "table_name": obj.__table__.name,
        "record": _record_id(obj),
        "before": None
        if before is None
        else json.dumps(before, ensure_ascii=False, sort_keys=True),
        "after": None if after is None else json.dumps(after, ensure_ascii=False, sort_keys=True),
    }


def entry_hash(prev_hash: str, entry: dict[str, Any]) -> str:
    """The chain hash of one entry (its content and the previous entry's hash)."""
    content = [
        entry["id"],
        entry["at"].isoformat() if isinstance(entry["at"], datetime) else entry["at"],
        entry["actor"],
        entry["device_id"],
        entry["action"],
        entry["table_name"],
        entry["record"],
        entry["before"],
        entry["after"],
        prev_hash,
    ]
    data = json.dumps(content, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return hashlib.sha256(data).hexdigest()


def _append(session: Session, entries: list[dict[str, Any]]) -> None:
    conn = session.connection()
    table = AuditEntry.__table__
    last = conn.execute(
        select(table.c.id, table.c.hash).order_by(table.c.id.desc()).limit(1)
    ).first()
    next_id, prev = (last.id + 1, last.hash) if last else (1, GENESIS)
    actor: Actor | None = session.info.get("actor")
    # Seconds are enough and keep the stored value and the hashed value identical.
    now = utcnow().replace(microsecond=0)
    rows = []
    for entry in entries:
        row = {
            **entry,
            "id": next_id,
            "at": now,
            "actor": actor.username if actor else "",
            "device_id": session.info.get("device_id") or "",
        }
        row["prev_hash"] = prev
        row["hash"] = prev = entry_hash(prev, row)
        rows.append(row)
        next_id += 1
    conn.execute(table.insert(), rows)
    from fieldapp.audit import anchor

    anchor.mark(session)  # the signed head beside the database follows after the commit


def record(session: Session, action: str, table_name: str, record_id: str, details: Any) -> None:
    """Write one entry by hand (a bulk import, an export of personal data, a restore)."""
    text = json.dumps(details, ensure_ascii=False, sort_keys=True, default=str)
    _append(
        session,
        [
            {
                "action": action,
                "table_name": table_name,
                "record": record_id,
                "before": None,
                "after": text,
            }
        ],
    )


@dataclass(frozen=True)
class ChainReport:
    entries: int
    broken_at: int | None  # id of the first entry whose hash does not match
    reason: str = ""
    # what the signed anchor beside the database says is wrong (missing tail, a rewrite,
    # accounts changed outside the app): see fieldapp.audit.anchor
    anchor_problems: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return self.broken_at is None and not self.anchor_problems

    def text(self) -> str:
        parts = []
        if self.broken_at is not None:
            parts.append(f"{self.reason} tại mục số {self.broken_at}")
        parts.extend(self.anchor_problems)
        return "; ".join(parts)


def verify(db) -> ChainReport:
    """Recompute the whole chain; report the first entry that was changed, removed or added."""
    prev = GENESIS
    expected_id = 1
    count = 0
    with db.session() as s:
        result = s.execute(select(AuditEntry.__table__).order_by(AuditEntry.id))
        for row in result.mappings():
            count += 1
            if row["id"] != expected_id:
                return ChainReport(count, expected_id, "mục nhật ký bị xóa")
            if row["prev_hash"] != prev or entry_hash(prev, dict(row)) != row["hash"]:
                return ChainReport(count, row["id"], "nội dung mục nhật ký bị sửa")
            prev = row["hash"]
            expected_id += 1
    from fieldapp.audit import anchor

    return ChainReport(count, None, anchor_problems=anchor.check(db).problems)


def browse(
    db,
    *,
    table: str | None = None,
    actor: str | None = None,
    action: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    record_id: str | None = None,
    limit: int = 500,
) -> list[AuditEntry]:
    """The newest entries first, filtered. Only roles that see personal data may read it
    (the values before and after hold citizen IDs and health status)."""
    if db.accounts_enabled and (db.actor is None or not db.actor.sees_personal_data):
        from fieldapp.accounts.permissions import PermissionDenied

        raise PermissionDenied("Chỉ quản trị và cán bộ được xem nhật ký thay đổi.")
    query = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)
    if table:
        query = query.where(AuditEntry.table_name == table)
    if actor is not None:
        query = query.where(AuditEntry.actor == actor)
    if action:
        query = query.where(AuditEntry.action == action)
    if since:
        query = query.where(AuditEntry.at >= since)
    if until:
        query = query.where(AuditEntry.at < until)
    if record_id:
        query = query.where(AuditEntry.record == record_id)
    with db.session() as s:
        return list(s.scalars(query))
