"""History of item statuses: who, when, from -> to; statuses as they were on a past day."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sqlalchemy import select, update

from fieldapp.accounts.permissions import Actor
from fieldapp.db.database import open_database
from fieldapp.db.engine import make_engine, sqlite_url
from fieldapp.db.migrate import upgrade
from fieldapp.directives import register as reg
from fieldapp.directives.history import changes_between, history_of, statuses_on
from fieldapp.directives.models import DirectiveItem, ItemStatusChange
from tests.core.directives.conftest import CORPUS, CORPUS_FILES


def _local(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour)).astimezone()


def _items(db, directive_id: int) -> list[int]:
    with db.session() as s:
        return list(
            s.scalars(
                select(DirectiveItem.id)
                .where(DirectiveItem.directive_id == directive_id)
                .order_by(DirectiveItem.position)
            )
        )


def _move_history(db, item_id: int, when: datetime) -> None:
    """Pretend every change of ``item_id`` so far happened at ``when``."""
    with db.transaction() as s:
        s.execute(
            update(ItemStatusChange)
            .where(ItemStatusChange.item_id == item_id)
            .values(changed_at=when)
        )


def test_each_change_records_who_when_and_from_to(db):
    did = reg.import_file(db, CORPUS / CORPUS_FILES[0]).directive_id
    first, second, *_ = _items(db, did)
    db.actor = Actor(7, "canbo", "Hoàng Thị Thúy", "officer")
    reg.set_item_status(db, first, "đang làm")
    reg.set_item_status(db, first, "xong")
    reg.set_item_status(db, first, "xong")  # no change, no row
    with db.session() as s:
        rows = history_of(s, first)
        untouched = history_of(s, second)
    assert [(r.from_status, r.to_status) for r in rows] == [
        ("", "new"),
        ("new", "in_progress"),
        ("in_progress", "done"),
    ]
    assert [r.actor for r in rows[1:]] == ["Hoàng Thị Thúy", "Hoàng Thị Thúy"]
    assert rows[0].actor == ""  # imported before anyone signed in
    assert rows[1].changed_at <= rows[2].changed_at
    assert rows[2].directive_number == "309-CV/TU"
    assert [(r.from_status, r.to_status) for r in untouched] == [("", "new")]


def test_statuses_on_a_past_day_and_changes_of_a_week(db):
    did = reg.import_file(db, CORPUS / CORPUS_FILES[1]).directive_id
    a, b, c = _items(db, did)[:3]
    d1, d2, d3 = date(2021, 9, 6), date(2021, 9, 7), date(2021, 9, 8)
    for item in (a, b, c):
        _move_history(db, item, _local(d1, 9))
    reg.set_item_status(db, a, "in_progress")
    _move_history(db, a, _local(d1, 9))  # created and started the same morning
    with db.transaction() as s:
        s.execute(
            update(ItemStatusChange)
            .where(ItemStatusChange.item_id == a, ItemStatusChange.to_status == "in_progress")
            .values(changed_at=_local(d2, 23))
        )
    reg.set_item_status(db, b, "done")
    with db.transaction() as s:
        s.execute(
            update(ItemStatusChange)
            .where(ItemStatusChange.item_id == b, ItemStatusChange.to_status == "done")
            .values(changed_at=_local(d3, 0))  # just after midnight: the next day
        )
    later = reg.add_item(db, did, reg.ItemForm(label="99", text="Mục thêm sau."))
    with db.session() as s:
        before = statuses_on(s, d1 - timedelta(days=1))
        on1, on2, on3 = statuses_on(s, d1), statuses_on(s, d2), statuses_on(s, d3)
        week = changes_between(s, d2, d3)
        just_d2 = changes_between(s, d2, d2)
    assert before == {}
    assert (on1[a], on1[b], on1[c]) == ("new", "new", "new")
    assert later not in on1 and later not in on2
    assert (on2[a], on2[b]) == ("in_progress", "new")
    assert (on3[a], on3[b], on3[c]) == ("in_progress", "done", "new")
    assert [(w.item_id, w.from_status, w.to_status) for w in just_d2] == [(a, "new", "in_progress")]
    assert [(w.item_id, w.to_status) for w in week] == [(a, "in_progress"), (b, "done")]


def test_history_goes_with_a_deleted_directive(db):
    did = reg.import_file(db, CORPUS / CORPUS_FILES[2]).directive_id
    item = _items(db, did)[0]
    reg.delete_directive(db, did)
    with db.session() as s:
        assert (
            s.scalars(select(ItemStatusChange).where(ItemStatusChange.item_id == item)).all() == []
        )
        assert item not in statuses_on(s, date.today())


def test_existing_items_get_one_history_row_at_upgrade(paths):
    paths.data_dir.mkdir(parents=True)
    engine = make_engine(sqlite_url(paths.database))
    upgrade(engine, "0011")
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO directive (id, number, kind, issuer, issuer_parent, place, subject,"
            " urgency, secrecy, signer, signer_title, signer_authority, recipients, copies_to,"
            ' "references", full_text, routed_to, handling, search_head, search_text, uuid,'
            " created_at, updated_at, device_id) VALUES (1, '309-CV/TU', 'Công văn', '', '', '',"
            " '', '', '', '', '', '', '[]', '[]', '[]', '', '', '', '', '', 'd-uuid',"
            " '2021-07-20 00:00:00', '2021-07-20 00:00:00', 'dev-1')"
        )
        for i, (status, changed) in enumerate(
            [("new", None), ("done", "2021-08-02 03:00:00.000000")], start=1
        ):
            conn.exec_driver_sql(
                "INSERT INTO directive_item (id, directive_id, position, label, text, units,"
                " due_time, recurrence, responsible_unit, responsible_person, status,"
                " status_changed_at, search_text, uuid, created_at, updated_at, device_id)"
                f" VALUES ({i}, 1, {i}, '{i}', 'Việc {i}', '[]', '', '', '', '', '{status}',"
                f" {repr(changed) if changed else 'NULL'}, '', 'item-{i}',"
                " '2021-07-21 00:00:00', '2021-07-21 00:00:00', 'dev-1')"
            )
    engine.dispose()
    db = open_database(paths)
    try:
        with db.session() as s:
            rows = s.scalars(select(ItemStatusChange).order_by(ItemStatusChange.item_id)).all()
            assert [(r.item_id, r.from_status, r.to_status, r.device_id) for r in rows] == [
                (1, "", "new", "dev-1"),
                (2, "", "done", "dev-1"),
            ]
            assert rows[1].changed_at.date() == date(2021, 8, 2)
            assert statuses_on(s, date(2021, 7, 21)) == {1: "new"}
            assert statuses_on(s, date(2021, 8, 2)) == {1: "new", 2: "done"}
            assert len({r.uuid for r in rows}) == 2
    finally:
        db.close()
