"""Reading the directive register: one directive with its items and notes, the register
list with its filters, the items due, and lookups by number.

Split out of ``register.py`` (issue 17).
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, datetime

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import selectinload

from fieldapp.db.database import Database
from fieldapp.directives.due import OVERDUE, TODAY, Due, due_state, format_due
from fieldapp.directives.forms import (
    _LIST_FIELDS,
    _TEXT_FIELDS,
    EXPECTED_FIELDS,
    DirectiveFilter,
    DirectiveInfo,
    DirectiveRow,
    DocumentInfo,
    DueItem,
    DueItems,
    ItemInfo,
    NoteInfo,
    _missing_of,
    _now,
    directive_title,
    number_key,
    status_code,
    urgency_value,
)
from fieldapp.directives.models import (
    OPEN_STATUSES,
    Directive,
    DirectiveItem,
)
from fieldapp.errors import UserError
from fieldapp.text.vietnamese import fold

# --- reading ----------------------------------------------------------------------------------


def _item_info(item: DirectiveItem, now: datetime) -> ItemInfo:
    return ItemInfo(
        id=item.id,
        uuid=item.uuid,
        directive_id=item.directive_id,
        position=item.position,
        label=item.label,
        text=item.text,
        units=tuple(item.units or ()),
        due=Due(item.due_date, item.due_time, item.recurrence),
        responsible_unit=item.responsible_unit,
        responsible_person=item.responsible_person,
        status=item.status,
        notes=tuple(NoteInfo(n.id, n.noted_on, n.text, n.author, n.uuid) for n in item.notes),
        due_state=due_state(
            item.due_date, item.due_time, item.recurrence, item.status in OPEN_STATUSES, now
        ),
    )


def get_directive(db: Database, directive_id: int, *, now: datetime | None = None) -> DirectiveInfo:
    """One directive with its items and notes."""
    now = now or _now()
    with db.session() as s:
        d = s.scalar(
            select(Directive)
            .where(Directive.id == directive_id)
            .options(selectinload(Directive.items).selectinload(DirectiveItem.notes))
        )
        if d is None:
            raise UserError(f"Không tìm thấy văn bản số {directive_id} trong sổ.")
        doc = None
        if d.document is not None:
            path = db.paths.documents / d.document.stored_path if db.paths else None
            doc = DocumentInfo(
                d.document.id, d.document.original_name, d.document.sha256, d.document.size, path
            )
        return DirectiveInfo(
            id=d.id,
            uuid=d.uuid,
            **{name: getattr(d, name) for name in _TEXT_FIELDS},
            **{name: tuple(getattr(d, name) or ()) for name in _LIST_FIELDS},
            issued_on=d.issued_on,
            arrival_date=d.arrival_date,
            arrival_number=d.arrival_number,
            document=doc,
            items=tuple(_item_info(i, now) for i in d.items),
            missing=_missing_of(d, len(d.items)),
            ocr_pages=d.ocr_pages,
            ocr_confidence=d.ocr_confidence,
            ocr_flags=tuple(d.ocr_flags or ()),
        )


def find_directive(db: Database, ref: str) -> int:
    """The id of a directive named by its id, its number ("235-CV/HU") or "so-den/năm"."""
    text = ref.strip()
    with db.session() as s:
        if text.isdigit() and s.get(Directive, int(text)) is not None:
            return int(text)
        key = number_key(text)
        ids = [
            i
            for i, n in s.execute(
                select(Directive.id, Directive.number).where(Directive.number != "")
            )
            if number_key(n) == key
        ]
    if len(ids) == 1:
        return ids[0]
    if len(ids) > 1:
        raise UserError(f"Có {len(ids)} văn bản số {text}; hãy dùng mã (id) của văn bản.")
    raise UserError(f"Không tìm thấy văn bản {text} trong sổ.")


def _overdue_clause(now: datetime):
    today = now.date()
    return and_(
        DirectiveItem.status.in_(OPEN_STATUSES),
        or_(
            DirectiveItem.due_date < today,
            and_(
                DirectiveItem.due_date == today,
                DirectiveItem.due_time != "",
                DirectiveItem.due_time <= now.strftime("%H:%M"),
            ),
        ),
    )


def _candidates_clause(now: datetime):
    """Items that may be due today or overdue (refined in Python by :func:`due_state`)."""
    return and_(
        DirectiveItem.status.in_(OPEN_STATUSES),
        or_(DirectiveItem.due_date <= now.date(), DirectiveItem.recurrence != ""),
    )


def list_directives(
    db: Database, flt: DirectiveFilter | None = None, *, now: datetime | None = None
) -> list[DirectiveRow]:
    """The register, newest arrival first, restricted by ``flt``."""
    flt = flt or DirectiveFilter()
    now = now or _now()
    if flt.ids is not None and not flt.ids:
        return []
    with db.session() as s:
        query = select(
            Directive.id,
            Directive.number,
            Directive.kind,
            Directive.issuer,
            Directive.issued_on,
            Directive.subject,
            Directive.urgency,
            Directive.secrecy,
            Directive.arrival_date,
            Directive.arrival_number,
            Directive.routed_to,
            Directive.place,
            Directive.signer,
            Directive.signer_title,
            func.json_array_length(Directive.recipients).label("recipient_count"),
            Directive.device_id,
        )
        when = func.coalesce(Directive.issued_on, Directive.arrival_date)
        if flt.devices is not None:
            query = query.where(Directive.device_id.in_(list(flt.devices)))
        if flt.urgency:
            query = query.where(Directive.urgency == urgency_value(flt.urgency))
        if flt.date_from:
            query = query.where(when >= flt.date_from)
        if flt.date_to:
            query = query.where(when <= flt.date_to)
        if flt.ids is not None and len(flt.ids) <= 900:
            query = query.where(Directive.id.in_(list(flt.ids)))
        query = query.order_by(
            Directive.arrival_date.desc(), Directive.arrival_number.desc(), Directive.id.desc()
        )
        rows = s.execute(query).all()
        if flt.ids is not None and len(flt.ids) > 900:
            wanted = set(flt.ids)
            rows = [r for r in rows if r[0] in wanted]
        if flt.issuer:
            needle = fold(flt.issuer)
            rows = [r for r in rows if needle in fold(r.issuer)]
        # At a district: the communes' copies of its own directives are their progress on
        # them (fieldapp.sync.district.directive_progress), not directives of the register.
        from fieldapp.sync.district import hidden_copy_ids

        copies = hidden_copy_ids(db)
        if copies:
            rows = [r for r in rows if r[0] not in copies]
        # One pass over the items: how many in each status, and the earliest deadline.
        restrict = []
        if flt.ids is not None and len(flt.ids) <= 900:
            restrict = [DirectiveItem.directive_id.in_(list(flt.ids))]
        counts: dict[int, dict[str, int]] = {}
        next_due: dict[int, date] = {}
        for did, status, n, first_due in s.execute(
            select(
                DirectiveItem.directive_id,
                DirectiveItem.status,
                func.count(),
                func.min(DirectiveItem.due_date),
            )
            .where(*restrict)
            .group_by(DirectiveItem.directive_id, DirectiveItem.status)
        ):
            counts.setdefault(did, {})[status] = n
            if first_due is not None and status in OPEN_STATUSES:
                next_due[did] = min(first_due, next_due.get(did, first_due))
        overdue: dict[int, int] = {}
        today_count: dict[int, int] = {}
        for item in s.execute(
            select(
                DirectiveItem.directive_id,
                DirectiveItem.due_date,
                DirectiveItem.due_time,
                DirectiveItem.recurrence,
            ).where(_candidates_clause(now), *restrict)
        ):
            state = due_state(item.due_date, item.due_time, item.recurrence, True, now)
            if state == OVERDUE:
                overdue[item.directive_id] = overdue.get(item.directive_id, 0) + 1
            elif state == TODAY:
                today_count[item.directive_id] = today_count.get(item.directive_id, 0) + 1
    wanted_status = status_code(flt.status) if flt.status else None
    out = []
    for r in rows:
        c = counts.get(r.id, {})
        total = sum(c.values())
        # In the order of EXPECTED_FIELDS.
        values = (
            r.number,
            r.kind,
            r.issuer,
            r.place,
            r.issued_on,
            r.subject,
            r.recipient_count,
            total,
            r.signer,
            r.signer_title,
        )
        row = DirectiveRow(
            id=r.id,
            number=r.number,
            kind=r.kind,
            issuer=r.issuer,
            issued_on=r.issued_on,
            subject=r.subject,
            urgency=r.urgency,
            secrecy=r.secrecy,
            arrival_date=r.arrival_date,
            arrival_number=r.arrival_number,
            routed_to=r.routed_to,
            items_total=total,
            status_counts=c,
            overdue=overdue.get(r.id, 0),
            due_today=today_count.get(r.id, 0),
            next_due=next_due.get(r.id),
            missing=tuple(n for n, v in zip(EXPECTED_FIELDS, values, strict=True) if not v),
            device_id=r.device_id or "",
        )
        if wanted_status and row.status != wanted_status:
            continue
        if flt.overdue and not row.overdue:
            continue
        if flt.due_today and not row.due_today:
            continue
        out.append(row)
    return out


def list_issuers(db: Database) -> list[str]:
    """Issuing bodies in the register, for the filter's choices."""
    with db.session() as s:
        names = s.scalars(select(Directive.issuer).where(Directive.issuer != "").distinct())
        return sorted(set(names), key=fold)


def items_due(db: Database, *, now: datetime | None = None) -> DueItems:
    """Open items overdue, and open items due today (dated today, or recurring today)."""
    now = now or _now()
    overdue: list[DueItem] = []
    today: list[DueItem] = []
    with db.session() as s:
        items = s.scalars(
            select(DirectiveItem)
            .where(_candidates_clause(now))
            .options(selectinload(DirectiveItem.notes), selectinload(DirectiveItem.directive))
        ).all()
        for item in items:
            info = _item_info(item, now)
            if info.due_state is None:
                continue
            d = item.directive
            entry = DueItem(
                info, d.id, directive_title(d.kind, d.number, d.subject), d.subject, d.urgency
            )
            (overdue if info.due_state == OVERDUE else today).append(entry)
    overdue.sort(key=lambda e: (e.item.due.date or date.min, e.item.due.time, e.item.id))
    today.sort(key=lambda e: (e.item.due.time or "99:99", e.item.id))
    return DueItems(tuple(overdue), tuple(today))


def count_due(db: Database, *, now: datetime | None = None) -> tuple[int, int]:
    """(items due today, items overdue)."""
    due = items_due(db, now=now)
    return len(due.today), len(due.overdue)


def directive_ids_with_items(db: Database, item_ids: Collection[int]) -> dict[int, int]:
    """item id -> directive id."""
    if not item_ids:
        return {}
    out: dict[int, int] = {}
    ids = list(item_ids)
    with db.session() as s:
        for start in range(0, len(ids), 900):
            chunk = ids[start : start + 900]
            out.update(
                s.execute(
                    select(DirectiveItem.id, DirectiveItem.directive_id).where(
                        DirectiveItem.id.in_(chunk)
                    )
                ).all()
            )
    return out


def format_item_due(item: ItemInfo) -> str:
    return format_due(item.due.date, item.due.time, item.due.recurrence)
