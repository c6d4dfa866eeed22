"""Directive items as they stood on the day a report is about, from the history of statuses.

A report for a past date must not show today's statuses: an item done yesterday was still
open last week. :func:`item_figures` counts, for one day, the items due that day, the items
past their deadline when the day began, and the items finished during it, with each item's
status as it stood at the end of that day (:mod:`fieldapp.directives.history`, the last change
before that moment). For today these are the current statuses.

:func:`week_changes` counts what changed in a week (the weekly report), and
:func:`statuses_at` gives item id -> status at the end of a day (the per-directive report).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, time

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from fieldapp.db.database import Database
from fieldapp.directives.due import OVERDUE, due_state
from fieldapp.directives.history import changes_between, statuses_on
from fieldapp.directives.models import (
    OPEN_STATUSES,
    STATUS_DONE,
    STATUS_IN_PROGRESS,
    STATUS_REPORTED,
    Directive,
    DirectiveItem,
)
from fieldapp.directives.register import directive_title

FINISHED = (STATUS_DONE, STATUS_REPORTED)


@dataclass(frozen=True)
class ItemLine:
    """An open item past its deadline, as the report lists it."""

    directive: str
    label: str
    text: str
    due: date | None
    responsible: str


@dataclass(frozen=True)
class ItemFigures:
    due: int
    overdue: int
    done: int
    overdue_lines: tuple[ItemLine, ...]


def statuses_at(session: Session, day: date) -> dict[int, str]:
    """Item id -> status at the end of ``day`` (items made later are absent)."""
    return statuses_on(session, day)


def item_figures(db: Database, day: date) -> ItemFigures:
    """Items due on ``day``, overdue at its start, and finished during it (see module)."""
    start = datetime.combine(day, time.min)
    with db.session() as s:
        then = statuses_on(s, day)  # as they stood when the day's report was written
        rows = s.execute(
            select(DirectiveItem, Directive.kind, Directive.number, Directive.subject)
            .join(Directive, Directive.id == DirectiveItem.directive_id)
            .where(or_(DirectiveItem.due_date <= day, DirectiveItem.recurrence != ""))
        ).all()
        due = overdue = 0
        lines: list[tuple] = []
        for item, kind, number, subject in rows:
            status = then.get(item.id)
            if status is None:
                continue  # the item did not exist yet
            state = due_state(
                item.due_date, item.due_time, item.recurrence, status in OPEN_STATUSES, start
            )
            if state is None:
                continue
            if state == OVERDUE:
                overdue += 1
                lines.append(
                    (
                        item.due_date or date.min,
                        item.due_time,
                        item.id,
                        ItemLine(
                            directive=directive_title(kind, number, subject),
                            label=item.label,
                            text=item.text,
                            due=item.due_date,
                            responsible=item.responsible_unit or ", ".join(item.units or ()),
                        ),
                    )
                )
            else:
                due += 1
        done = len({c.item_id for c in changes_between(s, day, day) if c.to_status in FINISHED})
    lines.sort(key=lambda t: t[:3])
    return ItemFigures(due, overdue, done, tuple(line for *_k, line in lines))


def week_changes(db: Database, start: date, end: date) -> dict[str, int]:
    """What changed from ``start`` to ``end`` (days included): the number of items that were
    given work (``started``), finished (``done``), reopened, and every change (``changes``)."""
    with db.session() as s:
        changes = changes_between(s, start, end)
    counts: Counter[str] = Counter()
    seen: dict[str, set[int]] = {"started": set(), "done": set(), "reopened": set()}
    for c in changes:
        counts["changes"] += 1
        if c.to_status in FINISHED and c.from_status not in FINISHED:
            seen["done"].add(c.item_id)
        elif c.to_status in OPEN_STATUSES and c.from_status in FINISHED:
            seen["reopened"].add(c.item_id)
        elif c.to_status == STATUS_IN_PROGRESS:
            seen["started"].add(c.item_id)
    out = {key: len(ids) for key, ids in seen.items()}
    out["changes"] = counts["changes"]
    return out


def directive_as_of(db: Database, directive, day: date):
    """``directive`` (a :class:`~fieldapp.directives.register.DirectiveInfo`) as it stood at
    the end of ``day``: each item's status of that day, progress notes up to that day, items
    made later left out. Today's report shows it as it is."""
    import dataclasses

    if day >= date.today():
        return directive
    with db.session() as s:
        statuses = statuses_at(s, day)
    items = tuple(
        dataclasses.replace(
            item,
            status=statuses[item.id],
            notes=tuple(n for n in item.notes if n.noted_on <= day),
        )
        for item in directive.items
        if item.id in statuses
    )
    return dataclasses.replace(directive, items=items)
