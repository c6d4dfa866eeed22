"""Drafts, issuing and versions of reports upward.

- :func:`save_draft` keeps the official's edits of a report not yet issued (only the parts
  that differ from the defaults, so untouched paragraphs follow the registers until issued).
- :func:`issue_report` numbers the report (the next number of its year and symbol, or the
  number of the version it replaces), renders the PDF, keeps it in the document store (it
  then travels in sync packages) and records its checksum. The row is frozen from then on.
- :func:`new_version` starts a draft that replaces an issued report: same number, next
  version, ``supersedes`` the old one's UUID. The old version is never rewritten.

The PDF is written to the document store before the row that points at it is committed, so
a failure leaves at worst an unreferenced file, never a report without its PDF.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from fieldapp.db.base import utcnow
from fieldapp.db.database import Database, DatabaseError
from fieldapp.document_store import read_document, store_document
from fieldapp.errors import NotFound, UserError, UserMistake
from fieldapp.printing.numbers import document_number
from fieldapp.reports.content import KINDS, MAX_PART, ReportSpec, part_names
from fieldapp.reports.models import STATUS_DRAFT, STATUS_ISSUED, IssuedReport
from fieldapp.reports.render import SYMBOL, BuiltReport, build_report
from fieldapp.text.vietnamese import format_date, nfc

STATUS_NAMES = {STATUS_DRAFT: "bản nháp", STATUS_ISSUED: "đã ban hành"}
SUPERSEDED_NAME = "đã có bản thay thế"
"""An issued version counts as superseded only once a newer version of it is issued."""


@dataclass(frozen=True)
class ReportRecord:
    """One version of a report as lists and the CLI show it."""

    id: int
    uuid: str
    kind: str
    period_start: date
    period_end: date
    directive_id: int | None
    directive_ref: str
    title: str
    year: int
    number: int | None
    symbol: str
    version: int
    status: str
    parts: dict[str, str]
    document_id: int | None
    sha256: str
    pages: int
    issued_at: datetime | None
    issued_by: str
    supersedes: str | None
    superseded_by: str | None = None
    device_id: str = ""  # where it was issued: its commune at a district (issue 18)

    @property
    def number_text(self) -> str:
        """ "12/BC-UBND", "03/BC-UBND" (empty for a draft of a new report)."""
        return document_number(self.number, self.symbol)

    @property
    def state(self) -> str:
        """ "draft", "issued", or "superseded" (a newer version of it has been issued)."""
        if self.status == STATUS_ISSUED and self.superseded_by:
            return "superseded"
        return self.status

    @property
    def state_name(self) -> str:
        if self.state == "superseded":
            return SUPERSEDED_NAME
        return STATUS_NAMES.get(self.status, self.status)

    @property
    def kind_name(self) -> str:
        return KINDS.get(self.kind, self.kind)

    @property
    def spec(self) -> ReportSpec:
        return ReportSpec(self.kind, self.period_start, self.period_end, self.directive_id)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "uuid": self.uuid,
            "kind": self.kind,
            "title": self.title,
            "period_start": self.period_start.isoformat(),
            "period_end": self.period_end.isoformat(),
            "directive": self.directive_ref or None,
            "year": self.year,
            "number": self.number,
            "number_text": self.number_text,
            "version": self.version,
            "status": self.status,
            "state": self.state,
            "sha256": self.sha256 or None,
            "pages": self.pages,
            "issued_at": self.issued_at.isoformat() if self.issued_at else None,
            "issued_by": self.issued_by,
            "supersedes": self.supersedes,
            "superseded_by": self.superseded_by,
        }


def _record(row: IssuedReport, superseded_by: str | None = None) -> ReportRecord:
    return ReportRecord(
        id=row.id,
        uuid=row.uuid,
        kind=row.kind,
        period_start=row.period_start,
        period_end=row.period_end,
        directive_id=row.directive_id,
        directive_ref=row.directive_ref,
        title=row.title,
        year=row.year,
        number=row.number,
        symbol=row.symbol,
        version=row.version,
        status=row.status,
        parts=dict(row.parts or {}),
        document_id=row.document_id,
        sha256=row.sha256,
        pages=row.pages,
        issued_at=row.issued_at,
        issued_by=row.issued_by,
        supersedes=row.supersedes,
        superseded_by=superseded_by,
        device_id=row.device_id or "",
    )


def _edits_only(built: BuiltReport, defaults: Mapping[str, str]) -> dict[str, str]:
    return {k: v for k, v in built.parts.items() if defaults.get(k) != v}


def _directive_ref(built: BuiltReport) -> str:
    d = built.directive
    if d is None:
        return ""
    return d.number or d.title


# -- reading ----------------------------------------------------------------------------------


def list_reports(db: Database, *, year: int | None = None) -> list[ReportRecord]:
    """Every report version, newest period first, versions of one number together."""
    with db.session() as s:
        query = select(IssuedReport)
        if year is not None:
            query = query.where(IssuedReport.year == year)
        rows = s.scalars(query).all()
        later = {r.supersedes: r.uuid for r in rows if r.supersedes and r.status == STATUS_ISSUED}
        out = [_record(r, later.get(r.uuid)) for r in rows]
    out.sort(
        key=lambda r: (-r.year, -(r.number or 10**9), -r.version, -r.period_end.toordinal(), -r.id)
    )
    return out


def get_report(db: Database, report_id: int) -> ReportRecord:
    with db.session() as s:
        row = s.get(IssuedReport, report_id)
        if row is None:
            raise UserError(f"Không tìm thấy báo cáo mã {report_id}.")
        newer = s.scalar(
            select(IssuedReport.uuid).where(
                IssuedReport.supersedes == row.uuid, IssuedReport.status == STATUS_ISSUED
            )
        )
        return _record(row, newer)


def find_report(db: Database, ref: str) -> ReportRecord:
    """A report by its id, or by its number "12/BC-UBND" or "12" (this year; the newest
    version), or "12/2021" (number and year)."""
    text = ref.strip()
    reports = list_reports(db)
    if text.isdigit() and not text.startswith("0"):  # "03" is a number as printed, not an id
        by_id = [r for r in reports if r.id == int(text)]
        if by_id:
            return by_id[0]
    head, _, tail = text.partition("/")
    if head.strip().isdigit():
        no = int(head)
        year = int(tail) if tail.strip().isdigit() and len(tail.strip()) == 4 else None
        symbol = tail.strip() if tail and not tail.strip().isdigit() else None
        found = [
            r
            for r in reports
            if r.number == no
            and (year is None or r.year == year)
            and (symbol is None or r.symbol.casefold() == symbol.casefold())
        ]
        own = [r for r in found if r.device_id == db.device_id]
        found = own or found  # at a district: its own 01/BC-UBND before a commune's
        if year is None and found:
            newest_year = max(r.year for r in found)
            found = [r for r in found if r.year == newest_year]
        if found:
            return max(found, key=lambda r: r.version)
    raise UserError(f"Không tìm thấy báo cáo {text}.")


def draft_for(db: Database, spec: ReportSpec) -> ReportRecord | None:
    """The draft being written for ``spec``, if there is one: a new report not yet numbered,
    or a new version of an issued one (the one edited last). Each report kind and period keeps
    its own draft until it is issued, so switching between them loses nothing."""
    with db.session() as s:
        query = select(IssuedReport).where(
            IssuedReport.status == STATUS_DRAFT,
            IssuedReport.device_id == db.device_id,  # not a commune's, arrived at a district
            IssuedReport.kind == spec.kind,
            IssuedReport.period_start == spec.start,
            IssuedReport.period_end == spec.end,
        )
        if spec.kind == "directive":
            query = query.where(IssuedReport.directive_id == spec.directive_id)
        row = s.scalars(
            query.order_by(IssuedReport.updated_at.desc(), IssuedReport.id.desc())
        ).first()
        return _record(row) if row is not None else None


def issued_for(db: Database, spec: ReportSpec) -> ReportRecord | None:
    """The newest issued version of a report for ``spec`` (None if none was issued)."""
    found = [
        r
        for r in list_reports(db, year=spec.end.year)
        if r.status == STATUS_ISSUED
        and r.device_id == db.device_id  # this unit's own, not a commune's at a district
        and r.kind == spec.kind
        and (r.period_start, r.period_end) == (spec.start, spec.end)
        and (spec.kind != "directive" or r.directive_id == spec.directive_id)
    ]
    return max(found, key=lambda r: (r.number or 0, r.version), default=None)


def version_draft_of(db: Database, report_id: int) -> ReportRecord | None:
    """The new version being written to replace issued report ``report_id``, if any."""
    with db.session() as s:
        old = s.get(IssuedReport, report_id)
        if old is None:
            return None
        row = s.scalars(
            select(IssuedReport).where(
                IssuedReport.supersedes == old.uuid, IssuedReport.status == STATUS_DRAFT
            )
        ).first()
        return _record(row) if row is not None else None


def report_pdf(db: Database, report_id: int) -> bytes:
    """The PDF of a report: the frozen file of an issued one (checksum checked), a fresh
    render of a draft."""
    record = get_report(db, report_id)
    if record.status == STATUS_ISSUED:
        if record.document_id is None:
            raise UserError("Báo cáo đã ban hành nhưng thiếu tệp PDF lưu trữ.")
        return read_document(db, record.document_id)
    return draft_report(db, record).pdf_bytes()


def draft_report(db: Database, record: ReportRecord) -> BuiltReport:
    """A draft laid out with its edits (and its number, when it replaces an issued one)."""
    return build_report(db, record.spec, record.parts, no=record.number, symbol=record.symbol)


# -- writing ----------------------------------------------------------------------------------


def _check_spec(spec: ReportSpec) -> None:
    if spec.kind not in KINDS:
        raise UserError(f"Không có loại báo cáo {spec.kind}.")
    if spec.end < spec.start:
        raise UserError("Ngày cuối của kỳ báo cáo phải sau ngày đầu.")


def save_draft(
    db: Database,
    spec: ReportSpec,
    edits: Mapping[str, str] | None = None,
    *,
    draft_id: int | None = None,
) -> ReportRecord:
    """Keep the edits of a report not yet issued: a new draft, or ``draft_id`` rewritten."""
    _check_spec(spec)
    built = build_report(db, spec, edits)
    defaults = build_report(db, spec).parts
    with db.transaction() as s:
        if draft_id is None:
            row = IssuedReport(
                kind=spec.kind,
                period_start=spec.start,
                period_end=spec.end,
                directive_id=spec.directive_id,
                directive_ref=_directive_ref(built),
                year=spec.end.year,
                number=None,
                symbol=SYMBOL,
                version=1,
                status=STATUS_DRAFT,
                figures={},
            )
            s.add(row)
        else:
            row = s.get(IssuedReport, draft_id)
            if row is None:
                raise UserError(f"Không tìm thấy báo cáo mã {draft_id}.")
            if row.status != STATUS_DRAFT:
                raise UserError(
                    "Báo cáo đã ban hành không sửa được; hãy tạo phiên bản mới để thay thế."
                )
        row.title = built.title
        row.parts = _edits_only(built, defaults)
        s.flush()
        return _record(row)


def _title_for(spec: ReportSpec, parts: Mapping[str, str]) -> str:
    if spec.kind == "daily":
        return f"Báo cáo nhanh ngày {format_date(spec.end)}"
    if spec.kind == "weekly":
        return f"Báo cáo tuần {format_date(spec.start)} – {format_date(spec.end)}"
    return parts.get("subject", "") or "Báo cáo kết quả thực hiện văn bản chỉ đạo"


def keep_draft(
    db: Database,
    spec: ReportSpec,
    edits: Mapping[str, str],
    *,
    draft_id: int | None = None,
    reset: tuple[str, ...] = (),
) -> ReportRecord:
    """Keep what the official typed, at once and cheaply (no figures are read): the draft of
    ``spec`` (``draft_id``, or the draft being written for it, or a new one) gets ``edits``
    laid over its parts. The window calls this a moment after each keystroke, so an edit
    survives switching reports, closing the window and a crash. ``reset`` parts go back to
    the generated text."""
    _check_spec(spec)
    directive = None
    if spec.kind == "directive" and spec.directive_id is not None:
        from fieldapp.directives.register import get_directive

        directive = get_directive(db, spec.directive_id)
    known = part_names(spec.kind, directive)
    clean: dict[str, str] = {}
    for key, value in edits.items():
        if key not in known:
            raise UserMistake(f"Báo cáo không có phần «{key}».")
        if not isinstance(value, str) or len(value) > MAX_PART:
            raise UserMistake(f"Phần «{known[key]}» quá dài (tối đa {MAX_PART} ký tự).")
        clean[key] = nfc(value.strip())
    if "subject" in clean and not clean["subject"]:
        raise UserMistake("Trích yếu của báo cáo không được để trống.")
    if draft_id is None:
        existing = draft_for(db, spec)
        draft_id = existing.id if existing is not None else None
    with db.transaction() as s:
        if draft_id is None:
            row = IssuedReport(
                kind=spec.kind,
                period_start=spec.start,
                period_end=spec.end,
                directive_id=spec.directive_id,
                directive_ref=(directive.number or directive.title) if directive else "",
                year=spec.end.year,
                number=None,
                symbol=SYMBOL,
                version=1,
                status=STATUS_DRAFT,
                parts={},
                figures={},
            )
            s.add(row)
        else:
            row = s.get(IssuedReport, draft_id)
            if row is None:
                raise NotFound(f"Không tìm thấy báo cáo mã {draft_id}.")
            if row.status != STATUS_DRAFT:
                raise UserMistake(
                    "Báo cáo đã ban hành không sửa được; hãy tạo phiên bản mới để thay thế."
                )
        parts = {**(row.parts or {}), **clean}
        for key in reset:  # back to the generated text, which follows the registers again
            parts.pop(key, None)
        row.parts = parts
        row.title = _title_for(spec, parts) if row.supersedes is None else row.title
        s.flush()
        return _record(row)


def save_version_draft(db: Database, draft_id: int, edits: Mapping[str, str]) -> ReportRecord:
    """Keep the edits of a new version not yet issued (its parts are its whole text)."""
    with db.session() as s:
        row = s.get(IssuedReport, draft_id)
        if row is None:
            raise NotFound(f"Không tìm thấy báo cáo mã {draft_id}.")
        record = _record(row)
    if record.status != STATUS_DRAFT:
        raise UserMistake("Báo cáo đã ban hành không sửa được; hãy tạo phiên bản mới để thay thế.")
    if record.supersedes is None:
        return save_draft(db, record.spec, {**record.parts, **edits}, draft_id=draft_id)
    parts = {**record.parts, **{k: nfc(v.strip()) for k, v in edits.items()}}
    built = build_report(db, record.spec, parts, no=record.number, symbol=record.symbol)
    with db.transaction() as s:
        row = s.get(IssuedReport, draft_id)
        if row is None or row.status != STATUS_DRAFT:
            raise UserMistake("Bản nháp vừa bị xóa hoặc đã được ban hành ở nơi khác.")
        row.title = built.title
        row.parts = built.parts
        s.flush()
        return _record(row)


def new_version(
    db: Database, report_id: int, edits: Mapping[str, str] | None = None
) -> ReportRecord:
    """A draft replacing issued report ``report_id``: same number, next version. Its text
    starts from the issued version's text, with ``edits`` laid over it."""
    old = get_report(db, report_id)
    if old.status != STATUS_ISSUED:
        raise UserError("Chỉ báo cáo đã ban hành mới có phiên bản mới; bản nháp thì sửa trực tiếp.")
    if old.superseded_by is not None:
        raise UserError(
            f"Báo cáo số {old.number_text} đã có phiên bản mới hơn; hãy sửa phiên bản mới nhất."
        )
    pending = version_draft_of(db, report_id)
    if pending is not None:  # the new version already being written: go on with it
        return save_version_draft(db, pending.id, edits) if edits else pending
    parts = {**old.parts, **{k: nfc(v.strip()) for k, v in (edits or {}).items()}}
    built = build_report(db, old.spec, parts, no=old.number, symbol=old.symbol)
    with db.transaction() as s:
        row = IssuedReport(
            kind=old.kind,
            period_start=old.period_start,
            period_end=old.period_end,
            directive_id=old.directive_id,
            directive_ref=old.directive_ref,
            title=built.title,
            year=old.year,
            number=old.number,
            symbol=old.symbol,
            version=old.version + 1,
            status=STATUS_DRAFT,
            parts=built.parts,
            figures={},
            supersedes=old.uuid,
        )
        s.add(row)
        s.flush()
        return _record(row)


def next_number(db: Database, year: int, symbol: str = SYMBOL) -> int:
    """The number the next new report of ``year`` will get."""
    with db.session() as s:
        return _next_number(s, year, symbol, db.device_id)


def _next_number(s, year: int, symbol: str, device_id: str) -> int:
    """Numbers count per issuing unit: at a district the communes' reports that arrived
    in packages have numbers of their own."""
    top = s.scalar(
        select(func.max(IssuedReport.number)).where(
            IssuedReport.year == year,
            IssuedReport.symbol == symbol,
            IssuedReport.device_id == device_id,
        )
    )
    return (top or 0) + 1


def issue_report(
    db: Database,
    spec: ReportSpec | None = None,
    edits: Mapping[str, str] | None = None,
    *,
    draft_id: int | None = None,
    issued_by: str = "",
    now: datetime | None = None,
) -> ReportRecord:
    """Issue a draft (``draft_id``) or, with ``spec`` and ``edits``, a report at once.

    The report gets its number, its PDF is frozen in the document store with its checksum,
    and the row is never written again. Returns the issued record.
    """
    if draft_id is None:
        if spec is None:
            raise UserError("Hãy chọn báo cáo cần ban hành.")
        draft_id = save_draft(db, spec, edits).id
    elif edits:
        draft = get_report(db, draft_id)
        if draft.status == STATUS_DRAFT and draft.supersedes is None:
            save_draft(db, draft.spec, {**draft.parts, **edits}, draft_id=draft_id)
    who = nfc(" ".join((issued_by or "").split()))[:120]
    if not who and db.actor is not None:
        who = getattr(db.actor, "full_name", "") or getattr(db.actor, "username", "")
    for _attempt in range(5):
        draft = get_report(db, draft_id)
        if draft.status != STATUS_DRAFT:
            raise UserError(f"Báo cáo số {draft.number_text} đã được ban hành trước đó.")
        if draft.supersedes is not None:
            parts = dict(draft.parts)
            if edits:
                parts.update({k: nfc(v.strip()) for k, v in edits.items()})
            no = draft.number
        else:
            parts = dict(draft.parts)
            no = next_number(db, draft.year, draft.symbol)
        built = build_report(db, draft.spec, parts, no=no, symbol=draft.symbol)
        data, pages = built.pdf()
        stored = store_document(
            db,
            data,
            original_name=f"bao-cao-{draft.year}-{no:03d}-{draft.symbol}-v{draft.version}.pdf",
            kind="report",
            title=f"Số {no}/{draft.symbol} (lần {draft.version}): {built.title}",
        )
        try:
            with db.transaction() as s:
                row = s.get(IssuedReport, draft_id)
                if row is None or row.status != STATUS_DRAFT:
                    raise UserError("Bản nháp vừa bị xóa hoặc đã được ban hành ở nơi khác.")
                if (
                    draft.supersedes is None
                    and _next_number(s, row.year, row.symbol, db.device_id) != no
                ):
                    continue  # someone took the number meanwhile: render again with the next
                row.number = no
                row.parts = built.parts
                row.figures = built.figures
                row.title = built.title
                row.document_id = stored.id
                row.sha256 = stored.sha256
                row.pages = pages
                row.status = STATUS_ISSUED
                row.issued_at = now or utcnow()
                row.issued_by = who
                s.flush()
                return _record(row)
        except DatabaseError as exc:
            if isinstance(exc.__cause__, IntegrityError):
                continue  # the number went to another report at the same moment
            raise
    raise UserError("Không cấp được số báo cáo (số vừa bị dùng); hãy thử lại.")


def delete_draft(db: Database, report_id: int) -> None:
    """Throw away a draft (an issued report is never deleted)."""
    with db.transaction() as s:
        row = s.get(IssuedReport, report_id)
        if row is None:
            raise UserError(f"Không tìm thấy báo cáo mã {report_id}.")
        if row.status != STATUS_DRAFT:
            raise UserError("Báo cáo đã ban hành không xóa được.")
        s.delete(row)
