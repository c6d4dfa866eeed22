"""A report for a past date shows the item statuses of that date (from the history of
statuses), and the weekly report counts what changed in its week."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta

from pypdf import PdfReader
from sqlalchemy import select, update

from fieldapp.directives.models import ItemStatusChange
from fieldapp.directives.register import set_item_status
from fieldapp.reports.figures import daily_figures, weekly_figures
from fieldapp.reports.render import build_report, spec_for
from tests.core.test_official_pdf import page_texts


def _text(data: bytes) -> str:
    return " ".join(page_texts(PdfReader(io.BytesIO(data))))


def _move_history_back(db, days: int) -> None:
    """Pretend everything recorded so far happened ``days`` days ago."""
    with db.transaction() as s:
        for change in s.scalars(select(ItemStatusChange)):
            change.changed_at = change.changed_at - timedelta(days=days)


def test_past_daily_report_shows_the_statuses_of_that_day(db, world) -> None:
    first, second, third = world.item_ids
    _move_history_back(db, 6)  # items made 6 days ago; item 3 was done then
    set_item_status(db, first, "in_progress")
    set_item_status(db, first, "done")  # done today
    set_item_status(db, third, "in_progress")  # reopened today
    yesterday = world.day - timedelta(days=1)
    past = daily_figures(db, yesterday)
    # yesterday item 1 (due two days ago) was still open, so overdue; item 3 done
    assert past.items_overdue == 1 and past.overdue[0].label == "1"
    assert past.items_done == 0
    today = daily_figures(db, world.day)
    assert today.items_overdue == 0 and today.items_done == 1
    # the day of the first records: item 3 was finished that day
    assert daily_figures(db, world.day - timedelta(days=6)).items_done == 1
    # before the directive arrived its items did not exist
    assert daily_figures(db, world.day - timedelta(days=8)).items_overdue == 0


def test_past_directive_report_and_weekly_changes(db, world) -> None:
    first, _second, third = world.item_ids
    _move_history_back(db, 10)
    set_item_status(db, first, "done")
    with db.transaction() as s:  # a change three days ago, inside the week
        s.execute(
            update(ItemStatusChange)
            .where(ItemStatusChange.item_id == first, ItemStatusChange.to_status == "done")
            .values(changed_at=datetime.now(UTC) - timedelta(days=3))
        )
    set_item_status(db, third, "in_progress")  # reopened today
    old = build_report(db, spec_for(db, "directive", world.day - timedelta(days=5), "235-CV/HU"))
    now = build_report(db, spec_for(db, "directive", world.day, "235-CV/HU"))
    old_item_1 = old.directive.items[0]
    assert old_item_1.status == "new" and now.directive.items[0].status == "done"
    assert old.directive.items[2].status == "done" and now.directive.items[2].status != "done"
    # the note written today is not in the report of five days ago
    assert "phát loa" not in old.parts[f"item:{old.directive.items[2].uuid}"]
    week = weekly_figures(db, world.day)
    assert week.changes == {"started": 0, "done": 1, "reopened": 1, "changes": 2}
    built = build_report(db, spec_for(db, "weekly", world.day))
    assert "2 lượt thay đổi tình trạng" in built.parts["results"]
    assert "1 mục hoàn thành" in built.parts["results"]
    # the week before: three items arrived, item 3 was done at once
    last_week = weekly_figures(db, world.day - timedelta(days=7))
    assert last_week.changes == {"started": 0, "done": 1, "reopened": 0, "changes": 4}
    text = _text(
        build_report(db, spec_for(db, "weekly", world.day - timedelta(days=7))).pdf_bytes()
    )
    assert "4 lượt thay đổi tình trạng" in " ".join(text.split())
