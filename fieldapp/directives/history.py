"""What each directive item's status was on a given day, and what changed in a period.

Every change of an item's status is a :class:`~fieldapp.directives.models.ItemStatusChange`
row (who, when, from -> to), written by a session hook for every write path, so reports for
a past date (issue 18) read the statuses of that date rather than today's.

Days are the commune's local calendar days: "the end of 5 August" is midnight between the
5th and the 6th in this computer's time zone; the stored times are UTC.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from fieldapp.db.database import Database
from fieldapp.directives.models import Directive, DirectiveItem, ItemStatusChange

__all__ = ["StatusChange", "changes_between", "history_of", "item_history", "statuses_on"]


@dataclass(frozen=True)
class StatusChange:
    """One change: ``from_status`` is "" for the first status of a new item."""

    item_id: int
    directive_id: int
    item_label: str
    directive_number: str
    changed_at: datetime
    from_status: str
    to_status: str
    actor: str

    def to_json_dict(self) -> dict[str, object]:
        return {
            "item_id": self.item_id,
            "directive_id": self.directive_id,
            "item_label": self.item_label,
            "directive_number": self.directive_number,
            "changed_at": self.changed_at.isoformat(),
            "from_status": self.from_status,
            "to_status": self.to_status,
            "actor": self.actor,
        }


def _day_start(day: date) -> datetime:
    """Local midnight at the start of ``day``, as an aware datetime."""
    return datetime.combine(day, time()).astimezone()


def _bound(value: date | datetime, *, end: bool) -> datetime:
    if isinstance(value, datetime):
        return value if value.tzinfo else value.astimezone()
    return _day_start(value + timedelta(days=1) if end else value)


def statuses_on(session: Session, day: date) -> dict[int, str]:
    """``{item_id: status}`` as it stood at the end of ``day`` (local time).

    Items created after that day are absent; items deleted since are absent too (their
    history goes with them).
    """
    end = _bound(day, end=True)
    ranked = (
        select(
            ItemStatusChange.item_id,
            ItemStatusChange.to_status,
            func.row_number()
            .over(
                partition_by=ItemStatusChange.item_id,
                order_by=(ItemStatusChange.changed_at.desc(), ItemStatusChange.id.desc()),
            )
            .label("rank"),
        )
        .where(ItemStatusChange.changed_at < end)
        .subquery()
    )
    rows = session.execute(select(ranked.c.item_id, ranked.c.to_status).where(ranked.c.rank == 1))
    return {item_id: status for item_id, status in rows}


def changes_between(
    session: Session, start: date | datetime, end: date | datetime
) -> list[StatusChange]:
    """Every status change from ``start`` to ``end``, oldest first.

    Dates are whole local days, both included (``changes_between(s, monday, sunday)`` is the
    week); datetimes are taken as given, ``start`` included and ``end`` excluded. The first
    status of an item created in the period is a change from "".
    """
    lo, hi = _bound(start, end=False), _bound(end, end=True)
    query = (
        select(ItemStatusChange, DirectiveItem.label, DirectiveItem.directive_id, Directive.number)
        .join(DirectiveItem, DirectiveItem.id == ItemStatusChange.item_id)
        .join(Directive, Directive.id == DirectiveItem.directive_id)
        .where(ItemStatusChange.changed_at >= lo, ItemStatusChange.changed_at < hi)
        .order_by(ItemStatusChange.changed_at, ItemStatusChange.id)
    )
    return [_change(c, label, did, number) for c, label, did, number in session.execute(query)]


def history_of(session: Session, item_id: int) -> list[StatusChange]:
    """All the changes of one item, oldest first (the item's detail view shows them)."""
    query = (
        select(ItemStatusChange, DirectiveItem.label, DirectiveItem.directive_id, Directive.number)
        .join(DirectiveItem, DirectiveItem.id == ItemStatusChange.item_id)
        .join(Directive, Directive.id == DirectiveItem.directive_id)
        .where(ItemStatusChange.item_id == item_id)
        .order_by(ItemStatusChange.changed_at, ItemStatusChange.id)
    )
    return [_change(c, label, did, number) for c, label, did, number in session.execute(query)]


def _change(c: ItemStatusChange, label: str, directive_id: int, number: str) -> StatusChange:
    return StatusChange(
        item_id=c.item_id,
        directive_id=directive_id,
        item_label=label,
        directive_number=number,
        changed_at=c.changed_at,
        from_status=c.from_status,
        to_status=c.to_status,
        actor=c.actor,
    )


def item_history(db: Database, item_id: int) -> list[StatusChange]:
    """:func:`history_of` in its own session (the item's view in the window)."""
    with db.session() as s:
        return history_of(s, item_id)
