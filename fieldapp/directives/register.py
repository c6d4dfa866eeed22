"""The directive register: save reviewed directives, follow their items, list and query them.

Every write is a function taking the open :class:`~fieldapp.db.database.Database` first and
running one transaction: bad input raises :class:`~fieldapp.errors.UserError` with a
Vietnamese message and changes nothing. Reads return plain frozen dataclasses, never ORM
objects, so the window and the CLI can hold them after the session is gone.

The flow of an import: text (pasted, or from a file by
:func:`~fieldapp.directives.extract.extract_text`) → :func:`parse_directive` →
:meth:`DirectiveForm.from_parsed` → the user reviews the form → :func:`save_directive`,
which keeps the original bytes as a document and refuses a directive already registered
(:func:`find_duplicate`: same number, issuer and date; or the very same file).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session, selectinload

from fieldapp.db.database import Database
from fieldapp.db.models import Document
from fieldapp.directives.due import OVERDUE, TODAY, Due, due_state, format_due, parse_due
from fieldapp.directives.models import (
    OPEN_STATUSES,
    SECRECIES,
    STATUS_DONE,
    STATUS_IN_PROGRESS,
    STATUS_NEW,
    STATUS_REPORTED,
    STATUSES,
    URGENCIES,
    Directive,
    DirectiveItem,
    ItemNote,
)
from fieldapp.directives.parser import ParsedDirective, parse_directive
from fieldapp.directives.reading import Reading, read_directive
from fieldapp.document_store import store_document
from fieldapp.errors import UserError
from fieldapp.progress import Progress
from fieldapp.text.vietnamese import fold, format_date, nfc

# Fields a directive normally holds; an empty one is flagged for the user to fill or confirm.
EXPECTED_FIELDS: tuple[str, ...] = (
    "number",
    "kind",
    "issuer",
    "place",
    "issued_on",
    "subject",
    "recipients",
    "items",
    "signer",
    "signer_title",
)
FIELD_NAMES: dict[str, str] = {
    "number": "số, ký hiệu",
    "kind": "loại văn bản",
    "issuer": "cơ quan ban hành",
    "issuer_parent": "cơ quan cấp trên",
    "place": "địa danh",
    "issued_on": "ngày ban hành",
    "subject": "trích yếu",
    "urgency": "độ khẩn",
    "secrecy": "độ mật",
    "recipients": "nơi nhận (Kính gửi)",
    "copies_to": "nơi nhận (cuối văn bản)",
    "references": "văn bản viện dẫn",
    "items": "các mục công việc",
    "signer": "người ký",
    "signer_title": "chức vụ người ký",
    "signer_authority": "thẩm quyền ký",
    "arrival_date": "ngày đến",
    "arrival_number": "số đến",
    "routed_to": "chuyển cho",
    "handling": "ý kiến xử lý",
    "full_text": "toàn văn",
    "responsible_unit": "đơn vị thực hiện",
    "responsible_person": "người phụ trách",
}
_TEXT_LIMITS = {
    "number": 80,
    "kind": 40,
    "issuer": 255,
    "issuer_parent": 255,
    "place": 120,
    "signer": 120,
    "signer_title": 120,
    "signer_authority": 255,
    "routed_to": 255,
    "responsible_unit": 200,
    "responsible_person": 120,
}
_TEXT_FIELDS = (
    "number",
    "kind",
    "issuer",
    "issuer_parent",
    "place",
    "subject",
    "urgency",
    "secrecy",
    "signer",
    "signer_title",
    "signer_authority",
    "full_text",
    "routed_to",
    "handling",
)
_LIST_FIELDS = ("recipients", "copies_to", "references")
EDITABLE_FIELDS = (*_TEXT_FIELDS, *_LIST_FIELDS, "issued_on", "arrival_date", "arrival_number")
ITEM_FIELDS = ("label", "text", "units", "due", "responsible_unit", "responsible_person")


# --- forms (what the user reviews) ------------------------------------------------------------


@dataclass
class ItemForm:
    """One item as reviewed. ``due`` is text: "2021-09-13T15:00", "13/09/2021", "hằng ngày 16:00"."""

    label: str
    text: str
    units: list[str] = field(default_factory=list)
    due: str = ""
    responsible_unit: str = ""
    responsible_person: str = ""
    status: str = STATUS_NEW


@dataclass
class DirectiveForm:
    """A directive as the user confirms it before saving (from the parser, then corrected)."""

    number: str = ""
    kind: str = ""
    issuer: str = ""
    issuer_parent: str = ""
    place: str = ""
    issued_on: date | None = None
    subject: str = ""
    urgency: str = ""
    secrecy: str = ""
    signer: str = ""
    signer_title: str = ""
    signer_authority: str = ""
    recipients: list[str] = field(default_factory=list)
    copies_to: list[str] = field(default_factory=list)
    references: list[str] = field(default_factory=list)
    full_text: str = ""
    items: list[ItemForm] = field(default_factory=list)
    arrival_date: date | None = None  # None: today, when saved
    arrival_number: int | None = None  # None: the next number of the arrival year
    routed_to: str = ""
    handling: str = ""
    # Set when the text was recognised from page images (OCR): pages, mean confidence, and the
    # fields the reader should check.
    ocr_pages: int | None = None
    ocr_confidence: float | None = None
    ocr_flags: list[str] = field(default_factory=list)

    @classmethod
    def from_reading(cls, reading: Reading) -> DirectiveForm:
        """A file as read (:func:`~fieldapp.directives.reading.read_directive`) as a form."""
        form = cls.from_parsed(reading.parsed, reading.text)
        ocr = reading.extracted.ocr
        if ocr is not None:
            form.ocr_pages = ocr.pages
            form.ocr_confidence = round(ocr.mean_confidence, 1)
            form.ocr_flags = list(reading.flags)
        return form

    @classmethod
    def from_parsed(cls, parsed: ParsedDirective, text: str = "") -> DirectiveForm:
        """The parser's findings as a form; what it did not find stays empty."""
        subject = parsed.subject or ""
        return cls(
            number=parsed.number or "",
            kind=parsed.kind or "",
            issuer=parsed.issuer or "",
            issuer_parent=parsed.issuer_parent or "",
            place=parsed.place or "",
            issued_on=parsed.issued_on,
            subject=subject,
            urgency=parsed.urgency or "",
            secrecy=parsed.secrecy or "",
            signer=parsed.signer or "",
            signer_title=parsed.signer_title or "",
            signer_authority=parsed.signer_authority or "",
            recipients=list(parsed.recipients),
            copies_to=list(parsed.copies_to),
            references=list(parsed.references),
            full_text=text,
            items=[
                ItemForm(label=i.label, text=i.text, units=list(i.units), due=i.due or "")
                for i in parsed.items
            ],
        )

    def missing(self) -> list[str]:
        """Expected fields that are still empty, in :data:`EXPECTED_FIELDS` order."""
        return [name for name in EXPECTED_FIELDS if not getattr(self, name)]


# --- what reads return ------------------------------------------------------------------------


@dataclass(frozen=True)
class NoteInfo:
    id: int
    noted_on: date
    text: str
    author: str
    uuid: str = ""

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "date": self.noted_on.isoformat(),
            "text": self.text,
            "author": self.author,
        }


@dataclass(frozen=True)
class ItemInfo:
    id: int
    uuid: str
    directive_id: int
    position: int
    label: str
    text: str
    units: tuple[str, ...]
    due: Due
    responsible_unit: str
    responsible_person: str
    status: str
    notes: tuple[NoteInfo, ...]
    due_state: str | None  # OVERDUE, TODAY or None, at the moment the item was read

    @property
    def status_name(self) -> str:
        return STATUSES.get(self.status, self.status)

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "uuid": self.uuid,
            "label": self.label,
            "text": self.text,
            "units": list(self.units),
            "due": self.due.iso(),
            "responsible_unit": self.responsible_unit,
            "responsible_person": self.responsible_person,
            "status": self.status,
            "status_name": self.status_name,
            "due_state": self.due_state,
            "notes": [n.to_json_dict() for n in self.notes],
        }


@dataclass(frozen=True)
class DocumentInfo:
    id: int
    original_name: str
    sha256: str
    size: int
    path: Path | None


@dataclass(frozen=True)
class DirectiveInfo:
    """Everything about one directive, its items and notes."""

    id: int
    uuid: str
    number: str
    kind: str
    issuer: str
    issuer_parent: str
    place: str
    issued_on: date | None
    subject: str
    urgency: str
    secrecy: str
    signer: str
    signer_title: str
    signer_authority: str
    recipients: tuple[str, ...]
    copies_to: tuple[str, ...]
    references: tuple[str, ...]
    full_text: str
    arrival_date: date | None
    arrival_number: int | None
    routed_to: str
    handling: str
    document: DocumentInfo | None
    items: tuple[ItemInfo, ...]
    missing: tuple[str, ...]
    ocr_pages: int | None = None
    ocr_confidence: float | None = None
    ocr_flags: tuple[str, ...] = ()

    @property
    def title(self) -> str:
        """ "Công văn 235-CV/HU" (or the subject when there is no number)."""
        return directive_title(self.kind, self.number, self.subject)

    def to_form(self) -> DirectiveForm:
        return DirectiveForm(
            **{name: getattr(self, name) for name in _TEXT_FIELDS},
            **{name: list(getattr(self, name)) for name in _LIST_FIELDS},
            issued_on=self.issued_on,
            arrival_date=self.arrival_date,
            arrival_number=self.arrival_number,
            items=[
                ItemForm(
                    i.label,
                    i.text,
                    list(i.units),
                    i.due.iso() or "",
                    i.responsible_unit,
                    i.responsible_person,
                    i.status,
                )
                for i in self.items
            ],
        )

    def to_json_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "uuid": self.uuid}
        for name in (*_TEXT_FIELDS, *_LIST_FIELDS):
            out[name] = list(v) if isinstance(v := getattr(self, name), tuple) else v
        out["issued_on"] = _iso(self.issued_on)
        out["arrival_date"] = _iso(self.arrival_date)
        out["arrival_number"] = self.arrival_number
        out["document"] = (
            None
            if self.document is None
            else {
                "id": self.document.id,
                "original_name": self.document.original_name,
                "sha256": self.document.sha256,
                "size": self.document.size,
                "path": str(self.document.path) if self.document.path else None,
            }
        )
        out["items"] = [i.to_json_dict() for i in self.items]
        out["missing"] = list(self.missing)
        out["ocr"] = (
            None
            if self.ocr_pages is None
            else {
                "pages": self.ocr_pages,
                "mean_confidence": self.ocr_confidence,
                "flags": list(self.ocr_flags),
            }
        )
        return out


@dataclass(frozen=True)
class DirectiveRow:
    """One line of the register table."""

    id: int
    number: str
    kind: str
    issuer: str
    issued_on: date | None
    subject: str
    urgency: str
    secrecy: str
    arrival_date: date | None
    arrival_number: int | None
    routed_to: str
    items_total: int
    status_counts: dict[str, int]
    overdue: int
    due_today: int
    next_due: date | None
    missing: tuple[str, ...]

    @property
    def status(self) -> str:
        """The directive's overall status, from its items."""
        return overall_status(self.status_counts)

    @property
    def title(self) -> str:
        return directive_title(self.kind, self.number, self.subject)

    @property
    def finished(self) -> int:
        return self.status_counts.get(STATUS_DONE, 0) + self.status_counts.get(STATUS_REPORTED, 0)

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "number": self.number,
            "kind": self.kind,
            "issuer": self.issuer,
            "issued_on": _iso(self.issued_on),
            "subject": self.subject,
            "urgency": self.urgency,
            "secrecy": self.secrecy,
            "arrival_date": _iso(self.arrival_date),
            "arrival_number": self.arrival_number,
            "routed_to": self.routed_to,
            "items": self.items_total,
            "status": self.status,
            "status_name": STATUSES[self.status],
            "status_counts": dict(self.status_counts),
            "overdue": self.overdue,
            "due_today": self.due_today,
            "next_due": _iso(self.next_due),
            "missing": list(self.missing),
        }


@dataclass(frozen=True)
class DueItem:
    """An item due today or overdue, with what the overview needs of its directive."""

    item: ItemInfo
    directive_id: int
    directive_title: str
    directive_subject: str
    urgency: str

    def to_json_dict(self) -> dict[str, Any]:
        out = self.item.to_json_dict()
        out.update(
            directive_id=self.directive_id,
            directive=self.directive_title,
            directive_subject=self.directive_subject,
            urgency=self.urgency,
        )
        return out


@dataclass(frozen=True)
class DueItems:
    overdue: tuple[DueItem, ...]
    today: tuple[DueItem, ...]


@dataclass(frozen=True)
class Duplicate:
    """The registered directive that an import would repeat, and why it is the same."""

    id: int
    title: str
    arrival_number: int | None
    arrival_date: date | None
    reason: str  # "number" (same number, issuer, date), "file" (same bytes), "subject"

    def message(self) -> str:
        where = ""
        if self.arrival_number is not None:
            where = f" (số đến {self.arrival_number}"
            where += f", ngày {format_date(self.arrival_date)})" if self.arrival_date else ")"
        return f"Văn bản này đã có trong sổ: {self.title}{where}."


@dataclass(frozen=True)
class ImportResult:
    """What became of one file or text given to :func:`import_text` / :func:`import_file`."""

    source: str
    status: str  # "imported" or "duplicate"
    directive_id: int
    title: str
    arrival_number: int | None
    missing: tuple[str, ...]
    items: int
    message: str = ""

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "file": self.source,
            "status": self.status,
            "directive_id": self.directive_id,
            "title": self.title,
            "arrival_number": self.arrival_number,
            "items": self.items,
            "missing": list(self.missing),
            "message": self.message,
        }


@dataclass
class DirectiveFilter:
    """What the register shows. ``None``/empty means no restriction.

    ``status`` is the overall status of the directive (see :func:`overall_status`);
    ``issuer`` matches folded, as a part ("huyen uy" finds "Huyện ủy Chợ Đồn"); the date
    range applies to the issue date, or to the arrival date when the issue date is unknown.
    """

    status: str | None = None
    urgency: str | None = None
    issuer: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    overdue: bool = False
    due_today: bool = False
    ids: Collection[int] | None = None


# --- small helpers ----------------------------------------------------------------------------


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def directive_title(kind: str, number: str, subject: str) -> str:
    if number:
        return f"{kind} {number}".strip()
    if subject:
        head = subject if len(subject) <= 60 else subject[:59] + "…"
        return f"{kind} về {head}".strip() if kind else head
    return kind or "(văn bản chưa có số)"


def overall_status(counts: dict[str, int]) -> str:
    """New when nothing started, done/reported when every item is, else in progress."""
    total = sum(counts.values())
    if total == 0 or counts.get(STATUS_NEW, 0) == total:
        return STATUS_NEW
    if counts.get(STATUS_REPORTED, 0) == total:
        return STATUS_REPORTED
    if counts.get(STATUS_DONE, 0) + counts.get(STATUS_REPORTED, 0) == total:
        return STATUS_DONE
    return STATUS_IN_PROGRESS


def status_code(text: str) -> str:
    """A status from its code ("done") or its Vietnamese name, any case or tones ("xong")."""
    wanted = fold(text)
    for code, name in STATUSES.items():
        if wanted in (code, fold(name), fold(code.replace("_", " "))):
            return code
    names = ", ".join(STATUSES.values())
    raise UserError(f'Trạng thái không hợp lệ: "{text}". Có: {names}.')


def urgency_value(text: str | None) -> str:
    """An urgency from any spelling ("hoa toc", "HỎA TỐC", "Hỏa tốc"); "" for none."""
    if not text or not text.strip():
        return ""
    wanted = fold(text)
    for value in URGENCIES:
        if fold(value) == wanted:
            return value
    raise UserError(f'Độ khẩn không hợp lệ: "{text}". Có: {", ".join(URGENCIES)}.')


def secrecy_value(text: str | None) -> str:
    if not text or not text.strip():
        return ""
    wanted = fold(text)
    for value in SECRECIES:
        if fold(value) == wanted:
            return value
    raise UserError(f'Độ mật không hợp lệ: "{text}". Có: {", ".join(SECRECIES)}.')


def number_key(number: str) -> str:
    """Number and symbol compared loosely: "235 -CV/HU" and "235-cv/hu" are the same."""
    return "".join(fold(number).split())


def _missing_of(d: Directive, items: int) -> tuple[str, ...]:
    out = []
    for name in EXPECTED_FIELDS:
        value = items if name == "items" else getattr(d, name)
        if not value:
            out.append(name)
    return tuple(out)


def _clean_text(value: Any, name: str) -> str:
    text = nfc(str(value or "")).strip()
    if name not in ("full_text", "handling", "subject"):
        text = " ".join(text.split())
    limit = _TEXT_LIMITS.get(name)
    if limit and len(text) > limit:
        raise UserError(
            f"{FIELD_NAMES.get(name, name).capitalize()} quá dài (tối đa {limit} ký tự)."
        )
    return text


def _clean_list(values: Iterable[str] | None) -> list[str]:
    out = []
    for v in values or []:
        text = " ".join(nfc(str(v)).split())
        if text:
            out.append(text)
    return out


def _now() -> datetime:
    return datetime.now()


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
    """Read, parse and register one file (.txt, .docx, .pdf, scan, photo); the original is
    kept. Reading (and OCR) happens before any write: a refused file changes nothing."""
    p = Path(path)
    reading = read_directive(p, progress=progress)  # refuses empty, binary, huge, hostile files
    return import_text(
        db, reading.text, source=str(p), original=p.read_bytes(), reading=reading, **kwargs
    )


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
        )
        when = func.coalesce(Directive.issued_on, Directive.arrival_date)
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
