"""What the directive register takes and gives back: the reviewed form, the frozen records
reads return, the field names, and the small rules on values (status, urgency, titles).

Split out of ``register.py`` (issue 17): these change when a field is added, not when the
way of saving or querying does.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from fieldapp.directives.due import Due
from fieldapp.directives.models import (
    SECRECIES,
    STATUS_DONE,
    STATUS_IN_PROGRESS,
    STATUS_NEW,
    STATUS_REPORTED,
    STATUSES,
    URGENCIES,
    Directive,
)
from fieldapp.directives.parser import ParsedDirective
from fieldapp.directives.reading import Reading
from fieldapp.errors import UserError
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
    device_id: str = ""  # where it was registered: its commune at a district (issue 18)

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
    # At a district: only what these devices registered (one commune's, issue 18).
    devices: Collection[str] | None = None


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
