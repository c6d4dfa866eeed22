"""Database tables of the directives register (sổ theo dõi văn bản chỉ đạo).

A :class:`Directive` is one document that came down, with the fields a careful reader writes
down from it and the incoming-register fields of Decree 30/2020 (arrival date, arrival number
counted per year, who it was routed to, handling instructions). Its original file is a
:class:`~fieldapp.db.models.Document` (kept by checksum in the data folder). Each numbered
item is a :class:`DirectiveItem` that the commune carries out and reports on, with dated
:class:`ItemNote` progress notes.

Search: every directive and item keeps ``search_text`` (a directive also ``search_head``, its
header), the :func:`~fieldapp.text.vietnamese.fold` of what a user may look for. On SQLite two
FTS5 tables index those columns (external content, kept in step by triggers made in migration
0003); elsewhere search falls back to ``LIKE`` over them. They are recomputed before every
flush, so no write path can forget them.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    event,
)
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from fieldapp.db.base import Base, SyncMixin, UTCDateTime, utcnow
from fieldapp.db.models import Document
from fieldapp.text.vietnamese import fold

# Item status codes (stored) and their Vietnamese names (shown, and accepted by the CLI).
STATUS_NEW = "new"
STATUS_IN_PROGRESS = "in_progress"
STATUS_DONE = "done"
STATUS_REPORTED = "reported"
STATUSES: dict[str, str] = {
    STATUS_NEW: "mới",
    STATUS_IN_PROGRESS: "đang làm",
    STATUS_DONE: "xong",
    STATUS_REPORTED: "đã báo cáo",
}
OPEN_STATUSES = (STATUS_NEW, STATUS_IN_PROGRESS)

URGENCIES = ("Khẩn", "Thượng khẩn", "Hỏa tốc")
SECRECIES = ("Mật", "Tối mật", "Tuyệt mật")

# FTS5 tables over ``search_text`` (SQLite only; created in migration 0003).
FTS_DIRECTIVE = "directive_fts"
FTS_ITEM = "directive_item_fts"


class Directive(SyncMixin, Base):
    """One directive as received, and how the commune registered and routed it."""

    __tablename__ = "directive"
    # Not unique in the database: a district copy holds many communes' incoming registers.
    # Each register's numbers are kept free of clashes by the service (_check_arrival_free).
    __table_args__ = (Index("ix_directive_arrival_year", "arrival_year", "arrival_number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # What the document says (empty when the text does not hold it).
    number: Mapped[str] = mapped_column(String(80), default="")
    kind: Mapped[str] = mapped_column(String(40), default="")
    issuer: Mapped[str] = mapped_column(String(255), default="")
    issuer_parent: Mapped[str] = mapped_column(String(255), default="")
    place: Mapped[str] = mapped_column(String(120), default="")
    issued_on: Mapped[date | None] = mapped_column(Date, nullable=True, index=True)
    subject: Mapped[str] = mapped_column(Text, default="")
    urgency: Mapped[str] = mapped_column(String(20), default="")
    secrecy: Mapped[str] = mapped_column(String(20), default="")
    signer: Mapped[str] = mapped_column(String(120), default="")
    signer_title: Mapped[str] = mapped_column(String(120), default="")
    signer_authority: Mapped[str] = mapped_column(String(255), default="")
    recipients: Mapped[list] = mapped_column(JSON, default=list)
    copies_to: Mapped[list] = mapped_column(JSON, default=list)
    references: Mapped[list] = mapped_column(JSON, default=list)
    full_text: Mapped[str] = mapped_column(Text, default="")
    # Incoming register (Decree 30/2020, sổ đăng ký văn bản đến).
    arrival_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    arrival_year: Mapped[int | None] = mapped_column(Integer, nullable=True)
    arrival_number: Mapped[int | None] = mapped_column(Integer, nullable=True)
    routed_to: Mapped[str] = mapped_column(String(255), default="")
    handling: Mapped[str] = mapped_column(Text, default="")
    # The original file, kept by checksum in the data folder.
    document_id: Mapped[int | None] = mapped_column(
        ForeignKey("document.id", ondelete="SET NULL"), nullable=True
    )
    search_head: Mapped[str] = mapped_column(Text, default="")
    search_text: Mapped[str] = mapped_column(Text, default="")
    # When the text was recognised from page images (OCR): how many pages, the engine's mean
    # word confidence (0-100) and the fields a reader should check (low confidence or absent).
    ocr_pages: Mapped[int | None] = mapped_column(Integer, nullable=True)
    ocr_confidence: Mapped[float | None] = mapped_column(Float, nullable=True)
    ocr_flags: Mapped[list | None] = mapped_column(JSON, nullable=True)

    document: Mapped[Document | None] = relationship(Document, lazy="joined")
    items: Mapped[list[DirectiveItem]] = relationship(
        back_populates="directive",
        cascade="all, delete-orphan",
        order_by="DirectiveItem.position",
        passive_deletes=True,
    )

    def compose_search_head(self) -> str:
        """The folded header of the directive (searched first: number, issuer, subject...)."""
        parts = [
            self.number,
            self.number.replace("-", " ").replace("/", " "),
            self.kind,
            self.issuer,
            self.issuer_parent,
            self.subject,
            self.urgency,
            self.secrecy,
        ]
        return fold("\n".join(p for p in parts if p))

    def compose_search_text(self) -> str:
        """The rest of what the search index holds for the directive itself."""
        parts = [
            self.place,
            self.signer,
            self.routed_to,
            self.handling,
            " ".join(self.recipients or []),
            " ".join(self.references or []),
            self.full_text,
        ]
        return fold("\n".join(p for p in parts if p))


class DirectiveItem(SyncMixin, Base):
    """One numbered item: work for named units, followed by the commune until reported.

    The deadline is ``due_date`` (and ``due_time`` "HH:MM" if the text gives an hour) or a
    ``recurrence`` such as "hằng ngày" with ``due_time`` "16:00" for "trước 16 giờ hằng ngày".
    """

    __tablename__ = "directive_item"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    directive_id: Mapped[int] = mapped_column(
        ForeignKey("directive.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    label: Mapped[str] = mapped_column(String(40), default="")
    text: Mapped[str] = mapped_column(Text, default="")
    units: Mapped[list] = mapped_column(JSON, default=list)
    due_date: Mapped[date | None] = mapped_column(Date, nullable=True, index=True)
    due_time: Mapped[str] = mapped_column(String(5), default="")
    recurrence: Mapped[str] = mapped_column(String(60), default="")
    responsible_unit: Mapped[str] = mapped_column(String(200), default="")
    responsible_person: Mapped[str] = mapped_column(String(120), default="")
    status: Mapped[str] = mapped_column(String(20), default=STATUS_NEW, index=True)
    status_changed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    search_text: Mapped[str] = mapped_column(Text, default="")

    directive: Mapped[Directive] = relationship(back_populates="items")
    status_changes: Mapped[list[ItemStatusChange]] = relationship(
        back_populates="item",
        cascade="all, delete-orphan",
        order_by=lambda: [ItemStatusChange.changed_at, ItemStatusChange.id],
        passive_deletes=True,
    )
    notes: Mapped[list[ItemNote]] = relationship(
        back_populates="item",
        cascade="all, delete-orphan",
        order_by=lambda: [ItemNote.noted_on, ItemNote.id],
        passive_deletes=True,
    )

    def compose_search_text(self) -> str:
        parts = [
            self.label,
            self.text,
            " ".join(self.units or []),
            self.responsible_unit,
            self.responsible_person,
            *(note.text for note in self.notes),
        ]
        return fold("\n".join(p for p in parts if p))


class ItemNote(SyncMixin, Base):
    """A dated progress note on an item ("Đã phân 3 ca trực tại chốt Nà Pài")."""

    __tablename__ = "directive_item_note"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    item_id: Mapped[int] = mapped_column(
        ForeignKey("directive_item.id", ondelete="CASCADE"), index=True
    )
    noted_on: Mapped[date] = mapped_column(Date)
    text: Mapped[str] = mapped_column(Text)
    author: Mapped[str] = mapped_column(String(120), default="")

    item: Mapped[DirectiveItem] = relationship(back_populates="notes")


class ItemStatusChange(SyncMixin, Base):
    """One change of an item's status: who, when, from -> to (issue 18).

    Written by the session hook in :mod:`fieldapp.directives.history` for every write path
    (new items get a row from "" to their first status), so a report for a past day can show
    the statuses of that day. Travels with the item, so a district sees the communes' history.
    """

    __tablename__ = "directive_item_status"
    __table_args__ = (Index("ix_directive_item_status_item_at", "item_id", "changed_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("directive_item.id", ondelete="CASCADE"))
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    from_status: Mapped[str] = mapped_column(String(20), default="")
    to_status: Mapped[str] = mapped_column(String(20))
    actor: Mapped[str] = mapped_column(String(120), default="")

    item: Mapped[DirectiveItem] = relationship(back_populates="status_changes")


@event.listens_for(Session, "before_flush")
def _refresh_search_text(session: Session, _context, _instances) -> None:
    """Keep ``search_text`` (and so the FTS index, through triggers) true to every change."""
    changed = [*session.new, *session.dirty]
    if not any(isinstance(o, Directive | DirectiveItem | ItemNote) for o in changed):
        return
    items: dict[int, DirectiveItem] = {}
    with session.no_autoflush:
        for obj in changed:
            if isinstance(obj, Directive):
                head, body = obj.compose_search_head(), obj.compose_search_text()
                if obj.search_head != head:
                    obj.search_head = head
                if obj.search_text != body:
                    obj.search_text = body
            elif isinstance(obj, DirectiveItem):
                items[id(obj)] = obj
            elif isinstance(obj, ItemNote) and obj.item is not None:
                items[id(obj.item)] = obj.item
        for obj in session.deleted:
            if (
                isinstance(obj, ItemNote)
                and obj.item is not None
                and obj.item not in session.deleted
            ):
                items[id(obj.item)] = obj.item
        for item in items.values():
            text = item.compose_search_text()
            if item.search_text != text:
                item.search_text = text
    _record_status_changes(session, changed)


def _record_status_changes(session: Session, changed: list) -> None:
    """One :class:`ItemStatusChange` for each new item and each item whose status changed."""
    from sqlalchemy import inspect

    actor = session.info.get("actor")
    who = (getattr(actor, "full_name", "") or getattr(actor, "username", "")) if actor else ""
    device_id = session.info.get("device_id") or ""
    for obj in changed:
        if not isinstance(obj, DirectiveItem) or obj in session.deleted:
            continue
        if obj in session.new:
            before = ""
        else:
            hist = inspect(obj).attrs.status.history
            if not hist.has_changes() or not hist.deleted:
                continue
            before = hist.deleted[0] or ""
        after = obj.status or STATUS_NEW
        if before == after:
            continue
        stamped = inspect(obj).attrs.status_changed_at.history.has_changes()
        at = obj.status_changed_at if stamped and obj.status_changed_at else utcnow()
        session.add(
            ItemStatusChange(
                item=obj,
                changed_at=at,
                from_status=before,
                to_status=after,
                actor=who,
                device_id=device_id or obj.device_id or "",
            )
        )
