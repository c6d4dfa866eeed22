"""Changing what is registered: corrections of a directive, deletion and its undo, and the
follow-up of items (status, responsible unit and person, deadline, progress notes).

Split out of ``register.py`` (issue 17). Every status change is kept with who and when by the
session hook of :mod:`fieldapp.directives.models` (see :mod:`fieldapp.directives.history`).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldapp.db.database import Database
from fieldapp.db.models import Document
from fieldapp.directives.due import Due, parse_due
from fieldapp.directives.forms import (
    _LIST_FIELDS,
    _TEXT_FIELDS,
    EDITABLE_FIELDS,
    ITEM_FIELDS,
    DirectiveInfo,
    ItemForm,
    NoteInfo,
    _clean_list,
    _clean_text,
    secrecy_value,
    status_code,
    urgency_value,
)
from fieldapp.directives.intake import (
    _check_arrival_free,
    _check_dates,
    _next_arrival_number,
)
from fieldapp.directives.models import (
    Directive,
    DirectiveItem,
    ItemNote,
)
from fieldapp.directives.queries import (
    get_directive,
)
from fieldapp.errors import UserError
from fieldapp.text.vietnamese import format_date, nfc


def update_directive(db: Database, directive_id: int, changes: dict[str, Any]) -> dict[str, Any]:
    """Change some fields of a directive; return their previous values (for undo)."""
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise UserError(f"Không sửa được trường: {', '.join(sorted(unknown))}.")
    with db.transaction() as s, s.no_autoflush:
        d = _directive(s, directive_id)
        old = {name: _copy(getattr(d, name)) for name in changes}
        old_date, old_number = d.arrival_date, d.arrival_number
        for name, value in changes.items():
            if name in _TEXT_FIELDS:
                value = _clean_text(value, name)
                if name == "urgency":
                    value = urgency_value(value)
                elif name == "secrecy":
                    value = secrecy_value(value)
            elif name in _LIST_FIELDS:
                value = _clean_list(value)
            elif name == "arrival_number" and value is not None:
                value = int(value)
                if value < 1:
                    raise UserError("Số đến phải là số nguyên dương.")
            setattr(d, name, value)
        if not (d.number or d.subject or d.items):
            raise UserError("Văn bản phải có số hoặc trích yếu.")
        _check_dates(d.issued_on, d.arrival_date)
        if "arrival_date" in changes:
            d.arrival_year = d.arrival_date.year if d.arrival_date else None
            if d.arrival_date is None:
                old.setdefault("arrival_number", old_number)
                d.arrival_number = None
            elif "arrival_number" not in changes and (
                old_date is None or old_date.year != d.arrival_date.year or old_number is None
            ):
                # A new year counts from its own numbers: take the next free one.
                old["arrival_number"] = old_number
                d.arrival_number = _next_arrival_number(s, d.arrival_year)
        if d.arrival_year is not None and d.arrival_number is not None:
            _check_arrival_free(s, d.arrival_year, d.arrival_number, d.id)
    return old


def _copy(value: Any) -> Any:
    return list(value) if isinstance(value, list) else value


def delete_directive(db: Database, directive_id: int) -> DirectiveInfo:
    """Remove a directive with its items and notes (its original file stays stored).

    Returns everything it held, for :func:`restore_directive` (undo).
    """
    info = get_directive(db, directive_id)
    with db.transaction() as s:
        s.delete(_directive(s, directive_id))
    return info


def restore_directive(db: Database, info: DirectiveInfo) -> int:
    """Put back a deleted directive exactly as it was: same ids, identities, items and notes."""
    with db.transaction() as s, s.no_autoflush:
        if s.get(Directive, info.id) is not None:
            raise UserError(f"{info.title} đã có lại trong sổ.")
        if info.arrival_date is not None and info.arrival_number is not None:
            _check_arrival_free(s, info.arrival_date.year, info.arrival_number, None)
        document_id = None
        if info.document is not None and s.get(Document, info.document.id) is not None:
            document_id = info.document.id
        d = Directive(
            id=info.id,
            uuid=info.uuid,
            **{name: getattr(info, name) for name in _TEXT_FIELDS},
            **{name: list(getattr(info, name)) for name in _LIST_FIELDS},
            issued_on=info.issued_on,
            arrival_date=info.arrival_date,
            arrival_year=info.arrival_date.year if info.arrival_date else None,
            arrival_number=info.arrival_number,
            document_id=document_id,
        )
        for item in info.items:
            row = DirectiveItem(
                id=item.id,
                uuid=item.uuid,
                position=item.position,
                label=item.label,
                text=item.text,
                units=list(item.units),
                due_date=item.due.date,
                due_time=item.due.time,
                recurrence=item.due.recurrence,
                responsible_unit=item.responsible_unit,
                responsible_person=item.responsible_person,
                status=item.status,
            )
            for note in item.notes:
                kept = ItemNote(
                    id=note.id, noted_on=note.noted_on, text=note.text, author=note.author
                )
                if note.uuid:
                    kept.uuid = note.uuid
                row.notes.append(kept)
            d.items.append(row)
        s.add(d)
        s.flush()
        return d.id


def set_item_status(db: Database, item_id: int, status: str) -> str:
    """Set an item's status (code or Vietnamese name); return the previous status code."""
    code = status_code(status)
    with db.transaction() as s:
        item = _item(s, item_id)
        old = item.status
        if old != code:
            item.status = code
            item.status_changed_at = datetime.now().astimezone()
    return old


def update_item(db: Database, item_id: int, changes: dict[str, Any]) -> dict[str, Any]:
    """Change an item's label, text, units, deadline (``due`` as text) or who is responsible.

    Returns the previous values, in the same shape, for undo.
    """
    unknown = set(changes) - set(ITEM_FIELDS)
    if unknown:
        raise UserError(f"Không sửa được trường của mục: {', '.join(sorted(unknown))}.")
    with db.transaction() as s:
        item = _item(s, item_id)
        old: dict[str, Any] = {}
        for name, value in changes.items():
            if name == "due":
                old["due"] = Due(item.due_date, item.due_time, item.recurrence).iso() or ""
                due = parse_due(value)
                item.due_date, item.due_time, item.recurrence = due.date, due.time, due.recurrence
            elif name == "units":
                old["units"] = list(item.units)
                item.units = _clean_list(value)
            elif name == "text":
                old["text"] = item.text
                text = nfc(str(value or "")).strip()
                if not text:
                    raise UserError(f"Mục {item.label} chưa có nội dung.")
                item.text = text
            elif name == "label":
                old["label"] = item.label
                label = " ".join(nfc(str(value or "")).split())
                if not label:
                    raise UserError("Số mục không được để trống.")
                clash = s.scalar(
                    select(DirectiveItem.id).where(
                        DirectiveItem.directive_id == item.directive_id,
                        DirectiveItem.label == label,
                        DirectiveItem.id != item.id,
                    )
                )
                if clash is not None:
                    raise UserError(f"Văn bản đã có mục {label}.")
                item.label = label
            else:
                old[name] = getattr(item, name)
                limit = 200 if name == "responsible_unit" else 120
                text = " ".join(nfc(str(value or "")).split())
                if len(text) > limit:
                    raise UserError(f"Tên quá dài (tối đa {limit} ký tự).")
                setattr(item, name, text)
    return old


def add_item(db: Database, directive_id: int, form: ItemForm) -> int:
    """Add an item at the end of a directive (one the parser missed); return its id."""
    with db.transaction() as s:
        d = _directive(s, directive_id)
        label = " ".join(nfc(form.label or "").split()) or str(len(d.items) + 1)
        if any(i.label == label for i in d.items):
            raise UserError(f"Văn bản đã có mục {label}.")
        text = nfc(form.text or "").strip()
        if not text:
            raise UserError(f"Mục {label} chưa có nội dung.")
        due = parse_due(form.due)
        item = DirectiveItem(
            position=max((i.position for i in d.items), default=-1) + 1,
            label=label,
            text=text,
            units=_clean_list(form.units),
            due_date=due.date,
            due_time=due.time,
            recurrence=due.recurrence,
            responsible_unit=" ".join(form.responsible_unit.split()),
            responsible_person=" ".join(form.responsible_person.split()),
            status=status_code(form.status),
        )
        d.items.append(item)
        s.flush()
        return item.id


def delete_item(db: Database, item_id: int) -> None:
    with db.transaction() as s:
        item = _item(s, item_id)
        item.directive.items.remove(item)


def add_note(
    db: Database, item_id: int, text: str, *, noted_on: date | None = None, author: str = ""
) -> int:
    """Add a dated progress note to an item; return the note's id."""
    body = nfc(text or "").strip()
    if not body:
        raise UserError("Ghi chú trống: hãy nhập nội dung.")
    if len(body) > 4000:
        raise UserError("Ghi chú quá dài (tối đa 4000 ký tự).")
    day = noted_on or date.today()
    if day > date.today():
        raise UserError(f"Ngày ghi chú {format_date(day)} ở tương lai.")
    with db.transaction() as s:
        item = _item(s, item_id)
        note = ItemNote(noted_on=day, text=body, author=" ".join(nfc(author).split()))
        item.notes.append(note)
        s.flush()
        return note.id


def delete_note(db: Database, note_id: int) -> NoteInfo:
    """Remove a note; return it as it was (so that undo can put it back)."""
    with db.transaction() as s:
        note = s.get(ItemNote, note_id)
        if note is None:
            raise UserError("Không tìm thấy ghi chú (có thể đã bị xóa).")
        info = NoteInfo(note.id, note.noted_on, note.text, note.author, note.uuid)
        note.item.notes.remove(note)
    return info


def restore_note(db: Database, item_id: int, note: NoteInfo) -> int:
    """Put back a deleted note as it was (same id and identity): the undo of a deletion."""
    with db.transaction() as s:
        item = _item(s, item_id)
        if s.get(ItemNote, note.id) is not None:
            raise UserError("Ghi chú này đã có lại trong sổ.")
        row = ItemNote(id=note.id, noted_on=note.noted_on, text=note.text, author=note.author)
        if note.uuid:
            row.uuid = note.uuid
        item.notes.append(row)
        s.flush()
        return row.id


def _directive(s: Session, directive_id: int) -> Directive:
    d = s.get(Directive, directive_id)
    if d is None:
        raise UserError(f"Không tìm thấy văn bản số {directive_id} trong sổ.")
    return d


def _item(s: Session, item_id: int) -> DirectiveItem:
    item = s.get(DirectiveItem, item_id)
    if item is None:
        raise UserError(f"Không tìm thấy mục công việc {item_id}.")
    return item
