"""Registering directives: validating a reviewed form, arrival numbers, duplicates, saving
with the original file, and importing files as they arrive (OCR and all) without review.

Split out of ``register.py`` (issue 17).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from fieldapp.db.database import Database
from fieldapp.db.models import Document
from fieldapp.directives.due import parse_due
from fieldapp.directives.forms import (
    _LIST_FIELDS,
    _TEXT_FIELDS,
    DirectiveForm,
    Duplicate,
    ImportResult,
    ItemForm,
    _clean_list,
    _clean_text,
    directive_title,
    number_key,
    secrecy_value,
    status_code,
    urgency_value,
)
from fieldapp.directives.models import (
    STATUS_NEW,
    Directive,
    DirectiveItem,
)
from fieldapp.directives.parser import parse_directive
from fieldapp.directives.queries import (
    get_directive,
)
from fieldapp.directives.reading import Reading, read_directive
from fieldapp.document_store import store_document
from fieldapp.errors import UserError
from fieldapp.progress import Progress
from fieldapp.text.vietnamese import fold, format_date, nfc

# --- writing ----------------------------------------------------------------------------------


def _validate_form(form: DirectiveForm) -> DirectiveForm:
    """A cleaned copy of ``form``, or ``UserError`` saying what is wrong."""
    cleaned = replace(form)
    for name in _TEXT_FIELDS:
        setattr(cleaned, name, _clean_text(getattr(form, name), name))
    for name in _LIST_FIELDS:
        setattr(cleaned, name, _clean_list(getattr(form, name)))
    cleaned.urgency = urgency_value(cleaned.urgency)
    cleaned.secrecy = secrecy_value(cleaned.secrecy)
    if not (cleaned.number or cleaned.subject or form.items):
        raise UserError(
            "Không nhận ra văn bản chỉ đạo: chưa có số, trích yếu hay mục công việc nào. "
            "Không có gì được lưu."
        )
    _check_dates(cleaned.issued_on, cleaned.arrival_date)
    if cleaned.arrival_number is not None and cleaned.arrival_number < 1:
        raise UserError("Số đến phải là số nguyên dương.")
    items = []
    seen: set[str] = set()
    for index, item in enumerate(form.items, start=1):
        label = " ".join(nfc(item.label or "").split()) or str(index)
        if len(label) > 40:
            raise UserError(f"Số mục quá dài: {label[:40]}…")
        if label in seen:
            raise UserError(f"Hai mục cùng số {label}: hãy sửa số mục trước khi lưu.")
        seen.add(label)
        text = nfc(item.text or "").strip()
        if not text:
            raise UserError(f"Mục {label} chưa có nội dung.")
        due = parse_due(item.due)  # raises on a deadline it cannot read
        items.append(
            ItemForm(
                label=label,
                text=text,
                units=_clean_list(item.units),
                due=due.iso() or "",
                responsible_unit=_clean_text(item.responsible_unit, "responsible_unit"),
                responsible_person=_clean_text(item.responsible_person, "responsible_person"),
                status=status_code(item.status or STATUS_NEW),
            )
        )
    cleaned.items = items
    return cleaned


def _check_dates(issued_on: date | None, arrival: date | None) -> None:
    today = date.today()
    if issued_on is not None and issued_on > today:
        raise UserError(f"Ngày ban hành {format_date(issued_on)} ở tương lai: hãy kiểm tra lại.")
    if arrival is not None and arrival > today:
        raise UserError(f"Ngày đến {format_date(arrival)} ở tương lai: hãy kiểm tra lại.")
    if issued_on is not None and arrival is not None and arrival < issued_on:
        raise UserError(
            f"Ngày đến ({format_date(arrival)}) trước ngày ban hành ({format_date(issued_on)})."
        )


def next_arrival_number(db: Database, year: int) -> int:
    """The arrival number the next directive received in ``year`` will get."""
    with db.session() as s:
        return _next_arrival_number(s, year)


def _next_arrival_number(s: Session, year: int) -> int:
    top = s.scalar(select(func.max(Directive.arrival_number)).where(Directive.arrival_year == year))
    return (top or 0) + 1


def _check_arrival_free(s: Session, year: int, number: int, own_id: int | None) -> None:
    other = s.scalar(
        select(Directive).where(
            Directive.arrival_year == year,
            Directive.arrival_number == number,
            Directive.id != (own_id or -1),
        )
    )
    if other is not None:
        raise UserError(
            f"Số đến {number} năm {year} đã dùng cho "
            f"{directive_title(other.kind, other.number, other.subject)}."
        )


def find_duplicate(
    db: Database, form: DirectiveForm, *, sha256: str | None = None
) -> Duplicate | None:
    """The registered directive ``form`` repeats, if any.

    Same number (loosely), issuer (folded) and issue date; or, for a directive without a
    number, same kind, issuer, date and subject; or the very same original file.
    """
    with db.session() as s:
        return _find_duplicate(s, form, sha256)


def _find_duplicate(s: Session, form: DirectiveForm, sha256: str | None) -> Duplicate | None:
    def found(d: Directive, reason: str) -> Duplicate:
        title = directive_title(d.kind, d.number, d.subject)
        return Duplicate(d.id, title, d.arrival_number, d.arrival_date, reason)

    if sha256:
        d = s.scalar(
            select(Directive)
            .join(Document, Directive.document_id == Document.id)
            .where(Document.sha256 == sha256)
        )
        if d is not None:
            return found(d, "file")
    date_clause = (
        Directive.issued_on.is_(None)
        if form.issued_on is None
        else Directive.issued_on == form.issued_on
    )
    issuer = fold(form.issuer or "")
    if form.number:
        key = number_key(form.number)
        for d in s.scalars(select(Directive).where(date_clause)):
            if number_key(d.number) == key and fold(d.issuer) == issuer:
                return found(d, "number")
        return None
    subject = fold(form.subject or "")
    if not subject:
        return None
    kind = fold(form.kind or "")
    for d in s.scalars(select(Directive).where(date_clause, Directive.number == "")):
        if fold(d.subject) == subject and fold(d.issuer) == issuer and fold(d.kind) == kind:
            return found(d, "subject")
    return None


def save_directive(
    db: Database,
    form: DirectiveForm,
    *,
    original: bytes | None = None,
    original_name: str = "",
    allow_duplicate: bool = False,
) -> int:
    """Register a reviewed directive; return its id.

    ``original`` (the file as received, or the pasted text) is kept in the data folder by
    checksum and linked. A directive already in the register is refused unless
    ``allow_duplicate``. The arrival date defaults to today and the arrival number to the
    next one of its year.
    """
    cleaned = _validate_form(form)
    arrival = cleaned.arrival_date or date.today()
    _check_dates(cleaned.issued_on, arrival)
    sha = hashlib.sha256(original).hexdigest() if original is not None else None
    if not allow_duplicate:
        dup = find_duplicate(db, cleaned, sha256=sha)
        if dup is not None:
            raise UserError(dup.message())
    document_id = None
    stored_new = False
    if original is not None:
        stored = store_document(
            db,
            original,
            original_name=original_name or "van-ban.txt",
            kind="directive",
            title=directive_title(cleaned.kind, cleaned.number, cleaned.subject),
        )
        document_id, stored_new = stored.id, stored.created
    try:
        with db.transaction() as s:
            number = cleaned.arrival_number
            if number is None:
                number = _next_arrival_number(s, arrival.year)
            else:
                _check_arrival_free(s, arrival.year, number, None)
            d = Directive(
                **{name: getattr(cleaned, name) for name in _TEXT_FIELDS},
                **{name: getattr(cleaned, name) for name in _LIST_FIELDS},
                issued_on=cleaned.issued_on,
                arrival_date=arrival,
                arrival_year=arrival.year,
                arrival_number=number,
                document_id=document_id,
                ocr_pages=cleaned.ocr_pages,
                ocr_confidence=cleaned.ocr_confidence,
                ocr_flags=list(cleaned.ocr_flags) if cleaned.ocr_pages is not None else None,
            )
            for position, item in enumerate(cleaned.items):
                due = parse_due(item.due)
                d.items.append(
                    DirectiveItem(
                        position=position,
                        label=item.label,
                        text=item.text,
                        units=item.units,
                        due_date=due.date,
                        due_time=due.time,
                        recurrence=due.recurrence,
                        responsible_unit=item.responsible_unit,
                        responsible_person=item.responsible_person,
                        status=item.status,
                    )
                )
            s.add(d)
            s.flush()
            return d.id
    except BaseException:
        if stored_new and document_id is not None:
            _forget_document(db, document_id)
        raise


def _forget_document(db: Database, document_id: int) -> None:
    """Undo the storing of an original whose directive could not be saved.

    The file goes only once the row's deletion is committed: on a full disk the deletion may
    fail, and a row must never be left without its file (issue 15)."""
    path = None
    try:
        with db.transaction() as s:
            doc = s.get(Document, document_id)
            if doc is not None and db.paths is not None:
                path = db.paths.documents / doc.stored_path
                s.delete(doc)
                s.flush()
    except Exception:  # noqa: BLE001 - the row stays, and so does its file
        return
    if path is not None:
        with contextlib.suppress(OSError):
            os.unlink(path)


def import_text(
    db: Database,
    text: str,
    *,
    source: str = "",
    original: bytes | None = None,
    arrival_date: date | None = None,
    routed_to: str = "",
    handling: str = "",
    reading: Reading | None = None,
) -> ImportResult:
    """Parse ``text`` and register it as it is (no review); a duplicate is reported, not saved.

    ``reading`` (a file already read, OCR and all) is used instead of parsing ``text`` again.
    """
    if reading is not None:
        form = DirectiveForm.from_reading(reading)
    else:
        form = DirectiveForm.from_parsed(parse_directive(text), text)
    form.arrival_date = arrival_date
    form.routed_to = routed_to
    form.handling = handling
    data = original if original is not None else text.encode("utf-8")
    name = Path(source).name if source else "van-ban-dan.txt"
    cleaned = _validate_form(form)
    dup = find_duplicate(db, cleaned, sha256=hashlib.sha256(data).hexdigest())
    if dup is not None:
        return ImportResult(
            source,
            "duplicate",
            dup.id,
            dup.title,
            dup.arrival_number,
            (),
            0,
            dup.message(),
        )
    directive_id = save_directive(db, form, original=data, original_name=name)
    info = get_directive(db, directive_id)
    return ImportResult(
        source,
        "imported",
        directive_id,
        info.title,
        info.arrival_number,
        info.missing,
        len(info.items),
    )


def import_file(
    db: Database,
    path: str | os.PathLike[str],
    *,
    progress: Progress | None = None,
    **kwargs: Any,
) -> ImportResult:
    """Read, parse and register one file (.txt, .docx, .doc, .odt, .rtf, .htm, .pdf, scan, photo); the original is
    kept. Reading (and OCR) happens before any write: a refused file changes nothing."""
    p = Path(path)
    reading = read_directive(p, progress=progress)  # refuses empty, binary, huge, hostile files
    return import_text(
        db, reading.text, source=str(p), original=p.read_bytes(), reading=reading, **kwargs
    )
