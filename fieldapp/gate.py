"""The trust gate: ONE place that decides who may write and who may read personal data.

Every write to the registers passes here, whatever its form:

- **ORM writes** (``s.add(obj)``, attribute changes, ``s.delete(obj)``) are checked and
  audited by the session hooks in :mod:`fieldapp.audit.trail`, which call
  :func:`check_row` and :func:`stamp_author` below. Nothing to do in a service.
- **Bulk statements** (Core ``insert()``/``update()`` of many rows: imports, merges) bypass
  those hooks, so they go through :func:`bulk_insert` / :func:`bulk_update`, which check the
  role of the session's actor, fill blank author columns, execute, and write ONE summary
  audit entry in the same transaction::

      from fieldapp import gate

      with db.transaction() as s:
          gate.bulk_insert(s, Household, rows, summary={"file": name})
          gate.bulk_update(s, HouseholdMember, updates)

- **Whole operations** (a household import, a restore, a sync merge, the demo) that must be
  refused before any work starts, and recorded as one entry, use :func:`operation`::

      with gate.operation(db, "households", "import", {"file": name, "area": area_id}) as s:
          ...  # ORM or gate.bulk_* writes in the same transaction

  It checks the role at once (``NotPermitted`` before anything is read or written), opens
  the transaction, and appends the audit entry (actor, device, summary) to it.
  :func:`require` does the same check without a transaction (e.g. at the top of a CLI
  command, before parsing a file): ``gate.require(db, "households")`` or
  ``gate.require(db, ADMIN)`` for restore / demo --force / backup.

Reads of personal data (citizen ID, phone number, health status) pass ONE policy:

- :func:`sees_personal_data(db)` — whether the person at ``db`` sees them in full: yes in
  single-user mode (no accounts) and for admin/officer; no for shift leaders, viewers and
  nobody signed in once the database has accounts.
- :func:`mask_citizen_id`, :func:`mask_phone`, :func:`mask_health` — a value as that person
  may see it (``"•••••••••123"``, ``"(ẩn)"``).
- :func:`mask_person(db, mapping)` — a copy of a dict (a JSON row, a member) with the
  personal keys masked (``citizen_id``, ``cmnd``, ``phone``, ``health_status``/``status``…).
- :func:`reveal(db, what)` — for an explicit "show in full" (``--show-ids``, an export):
  refuses roles that may not see them (``NotPermitted``); returns True when values may be
  shown in full.

The CLI and the window both call these; nothing else decides masking.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

from sqlalchemy import update as sa_update

from fieldapp.accounts.permissions import (
    AREA_LABELS,
    ROLES,
    SEES_PERSONAL_DATA,
    Actor,
    PermissionDenied,
    check_write,
)

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from fieldapp.db.database import Database

ADMIN = "admin"  # pseudo-area: only administrators (restore, demo --force, backup, accounts)

# Tables with a column that names who recorded the row; left blank, the gate fills it with
# the signed-in person's name (issue 17 part 4: the author is the signed-in user).
AUTHOR_COLUMNS: dict[str, str] = {
    "directive_item_note": "author",
    "directive_item_status": "actor",
    "health_status": "author",
    "relief_delivery": "delivered_by",
    "roster_attendance": "marked_by",
    "checkpoint_entry": "recorded_by",
}

# Keys of a row that hold personal data, by kind.
CITIZEN_ID_KEYS = frozenset({"citizen_id", "cccd", "cmnd", "id_number", "identity", "id_typed"})
PHONE_KEYS = frozenset({"phone", "phone_number", "head_phone", "contact_phone"})
HEALTH_KEYS = frozenset({"health_status", "status", "status_code", "current_status", "health"})
HIDDEN = "(ẩn)"


# --------------------------------------------------------------------------------------------
# Who is acting
# --------------------------------------------------------------------------------------------


def actor_of(session: Session) -> Actor | None:
    return session.info.get("actor")


def author_name(actor: Actor | None) -> str:
    """The name written in author columns and printouts: full name, else user name."""
    if actor is None:
        return ""
    return actor.full_name or actor.username


def _enforced(session: Session) -> bool:
    return bool(session.info.get("enforce")) and not session.info.get("system")


def check(actor: Actor | None, area: str, *, accounts_enabled: bool = True) -> None:
    """Raise :class:`NotPermitted` unless ``actor`` may write in ``area`` (or is admin for
    :data:`ADMIN`). A database without accounts (single-user) allows everything."""
    if not accounts_enabled:
        return
    if area == ADMIN:
        if actor is None:
            raise PermissionDenied(
                "Việc này cần tài khoản quản trị: thêm --user TÊN_QUẢN_TRỊ (mật khẩu từ "
                "FIELDAPP_PASSWORD hoặc hỏi trên cửa sổ lệnh)."
            )
        if actor.role != "admin":
            raise PermissionDenied(
                f"Tài khoản {actor.username} ({ROLES.get(actor.role, actor.role)}) không "
                "được làm việc này; cần tài khoản quản trị."
            )
        return
    check_write(actor, area)


def require(db: Database, area: str) -> Actor | None:
    """Check at the start of a command that the person at ``db`` may write in ``area``."""
    check(db.actor, area, accounts_enabled=db.accounts_enabled)
    return db.actor


def check_row(session: Session, area: str, *, own_account: bool = False) -> None:
    """The flush hook's check for one ORM row (see :mod:`fieldapp.audit.trail`)."""
    if not _enforced(session):
        return
    check_write(actor_of(session), area, own_account=own_account)


def _check_session(session: Session, area: str) -> None:
    if _enforced(session):
        check(actor_of(session), area)


def _area_of_model(model: Any) -> str:
    from fieldapp.accounts.permissions import area_of

    table = model.__table__.name
    return area_of(table, getattr(model, "__module__", ""))


def stamp_author(session: Session, obj: Any) -> None:
    """Fill a new row's blank author column with the signed-in person's name."""
    column = AUTHOR_COLUMNS.get(getattr(getattr(obj, "__table__", None), "name", ""))
    if column and not (getattr(obj, column, "") or "").strip():
        name = author_name(actor_of(session))
        if name:
            setattr(obj, column, name)


def _stamp_rows(session: Session, table: str, rows: list[dict[str, Any]]) -> None:
    column = AUTHOR_COLUMNS.get(table)
    name = author_name(actor_of(session))
    if not column or not name:
        return
    for row in rows:
        if not (row.get(column) or "").strip():
            row[column] = name


# --------------------------------------------------------------------------------------------
# Writes
# --------------------------------------------------------------------------------------------


def record(
    session: Session, action: str, table_name: str, record_id: str, details: Any = None
) -> None:
    """Append one audit entry (actor and device from the session) in its transaction.

    ``details`` must never hold personal data: counts, file names, ids.
    """
    from fieldapp.audit.trail import record as _record

    _record(session, action, table_name, str(record_id)[:60], details or {})


def bulk_insert(
    session: Session,
    model: Any,
    rows: list[dict[str, Any]],
    *,
    area: str | None = None,
    summary: Mapping[str, Any] | None = None,
    action: str = "import",
) -> int:
    """Core multi-row INSERT of ``rows`` into ``model``'s table, through the gate.

    Checks the actor's role for the model's area (or ``area``), fills blank author columns,
    and writes one audit entry ``action`` with the row count and ``summary``. Returns the
    number of rows. ``summary=False``-like empty dict still audits the count.
    """
    if not rows:
        return 0
    table = model.__table__
    _check_session(session, area or _area_of_model(model))
    _stamp_rows(session, table.name, rows)
    session.execute(table.insert(), rows)
    record(session, action, table.name, f"{len(rows)} dòng", {"rows": len(rows), **(summary or {})})
    return len(rows)


def bulk_update(
    session: Session,
    model: Any,
    rows: list[dict[str, Any]],
    *,
    area: str | None = None,
    summary: Mapping[str, Any] | None = None,
    action: str = "update",
) -> int:
    """ORM bulk UPDATE by primary key (each dict holds the key and the new values), through
    the gate: role check, one audit entry with the count and the changed column names."""
    if not rows:
        return 0
    _check_session(session, area or _area_of_model(model))
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for row in rows:
        groups.setdefault(tuple(sorted(row)), []).append(row)
    for group in groups.values():
        session.execute(sa_update(model), group)
    columns = sorted({k for key in groups for k in key})
    record(
        session,
        action,
        model.__table__.name,
        f"{len(rows)} dòng",
        {"rows": len(rows), "columns": columns, **(summary or {})},
    )
    return len(rows)


def execute_bulk(
    session: Session, area: str, statement: Any, params: Any = None, *, audit: bool = False
) -> Any:
    """Any other Core statement that writes (a merge's insert/update/delete), role-checked.

    The caller records one :func:`record` entry for the whole operation (``audit=True``
    writes a generic one for this statement)."""
    _check_session(session, area)
    result = (
        session.execute(statement, params) if params is not None else session.execute(statement)
    )
    if audit:
        table = getattr(getattr(statement, "table", None), "name", "?")
        record(session, "bulk", table, "1 lệnh", {})
    return result


@contextlib.contextmanager
def operation(
    db: Database, area: str, action: str, summary: Mapping[str, Any] | None = None
) -> Iterator[Session]:
    """A whole import / restore / merge as one checked, audited transaction.

    The role check happens before the transaction opens; the summary entry is written last,
    in the same transaction (so ``summary`` may be a dict the body fills in with counts).
    """
    check(db.actor, area, accounts_enabled=db.accounts_enabled)
    with db.transaction() as s:
        yield s
        table = AREA_LABELS.get(area, area) if area != ADMIN else "hệ thống"
        record(s, action, area, table, dict(summary or {}))


# --------------------------------------------------------------------------------------------
# Reads of personal data
# --------------------------------------------------------------------------------------------


def sees_personal_data(db: Any) -> bool:
    """Whether the person at ``db`` sees citizen IDs, phones and health status in full."""
    if db is None or not getattr(db, "accounts_enabled", False):
        return True
    actor = getattr(db, "actor", None)
    return actor is not None and actor.role in SEES_PERSONAL_DATA


def _masked(value: str | None, keep: int) -> str:
    if not value:
        return ""
    text = str(value)
    return "•" * max(0, len(text) - keep) + text[-keep:]


def mask_citizen_id(db: Any, value: str | None) -> str:
    return (value or "") if sees_personal_data(db) else _masked(value, 3)


def mask_phone(db: Any, value: str | None) -> str:
    return (value or "") if sees_personal_data(db) else _masked(value, 3)


def mask_health(db: Any, value: str | None) -> str:
    if not value:
        return value or ""
    return value if sees_personal_data(db) else HIDDEN


def mask_person(db: Any, row: Mapping[str, Any], *, deep: bool = True) -> dict[str, Any]:
    """A copy of ``row`` with personal keys masked for the person at ``db`` (nested lists of
    dicts, e.g. a household's ``members``, too when ``deep``)."""
    out = dict(row)
    if sees_personal_data(db):
        return out
    for key, value in row.items():
        lowered = key.lower()
        if lowered in CITIZEN_ID_KEYS:
            out[key] = _masked(value, 3) if value else value
        elif lowered in PHONE_KEYS:
            out[key] = _masked(value, 3) if value else value
        elif lowered in HEALTH_KEYS:
            out[key] = HIDDEN if value else value
        elif deep and isinstance(value, list):
            out[key] = [mask_person(db, v) if isinstance(v, Mapping) else v for v in value]
        elif deep and isinstance(value, Mapping):
            out[key] = mask_person(db, value)
    return out


def mask_rows(db: Any, rows: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    return [mask_person(db, r) for r in rows]


def reveal(db: Any, what: str = "dữ liệu cá nhân") -> bool:
    """An explicit request to show personal data in full (``--show-ids``): allowed to roles
    that see it (and single-user mode); otherwise :class:`NotPermitted`."""
    if sees_personal_data(db):
        return True
    raise PermissionDenied(
        f"Chỉ quản trị và cán bộ được xem đầy đủ {what}; hãy đăng nhập (--user) bằng tài khoản đó."
    )
