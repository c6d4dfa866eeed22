"""The import's shortcuts for speed give what the plain paths give (issue 13).

The writer works out the derived columns of new households itself, with the repeating pieces
cached; they must equal :func:`derived_columns` over the stored members. Its UUIDs are made in
bulk; they must be version-4 UUIDs like :func:`new_uuid`'s, all different.
"""

from __future__ import annotations

import uuid

from sqlalchemy import select

from fieldapp.households.excel_import import apply_import, read_roster
from fieldapp.households.import_write import _uuids
from fieldapp.households.models import Household, HouseholdMember
from fieldapp.households.service import derived_columns
from tests.core.households.test_import_unseen_lists import write_reordered, write_sub_numbered
from tests.core.households.workbooks import TODAY


def test_derived_columns_of_new_households_equal_the_plain_ones(db, area_id, tmp_path):
    for name, write in (("a.xlsx", write_sub_numbered), ("b.xlsx", write_reordered)):
        path = tmp_path / name
        write(path)
        apply_import(db, read_roster(path, today=TODAY), area_id)
    with db.session() as s:
        households = s.scalars(select(Household)).all()
        assert len(households) == 7
        for h in households:
            members = s.scalars(
                select(HouseholdMember)
                .where(HouseholdMember.household_id == h.id)
                .order_by(HouseholdMember.position, HouseholdMember.id)
            ).all()
            want = derived_columns(h.village, h.street, h.house_number, h.phone, members)
            got = {key: getattr(h, key) for key in want}
            assert got == want, h.head_name


def test_bulk_uuids_are_version_4_and_distinct():
    made = _uuids(5000)
    assert len(set(made)) == 5000
    for text in made[:200]:
        parsed = uuid.UUID(text)
        assert parsed.version == 4 and str(parsed) == text


def _indexes(db) -> set[tuple[str, str]]:
    with db.engine.connect() as conn:
        return set(
            conn.exec_driver_sql(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
            ).all()
        )


def test_indexes_deferred_by_a_big_import_come_back_the_same(db, area_id, tmp_path, monkeypatch):
    import fieldapp.households.import_write as writing

    monkeypatch.setattr(writing, "DEFER_INDEXES_FROM", 2)  # these small lists count as big
    before = _indexes(db)
    dropped = []
    original = writing._defer_indexes

    def spy(s, new_rows):
        statements = original(s, new_rows)
        dropped.extend(statements)
        return statements

    monkeypatch.setattr(writing, "_defer_indexes", spy)
    path = tmp_path / "a.xlsx"
    write_sub_numbered(path)
    apply_import(db, read_roster(path, today=TODAY), area_id)
    assert any("household_member" in sql for sql in dropped)
    assert _indexes(db) == before
    with db.session() as s:  # the rebuilt indexes answer like before
        found = s.scalars(
            select(HouseholdMember.full_name).where(HouseholdMember.name_fold == "ma thi lan")
        ).all()
    assert found == ["Ma Thị Lan"]


def test_a_cancelled_big_import_leaves_data_and_indexes_as_they_were(
    db, area_id, tmp_path, monkeypatch
):
    import pytest

    import fieldapp.households.import_write as writing
    from fieldapp.errors import Cancelled
    from fieldapp.progress import Progress

    monkeypatch.setattr(writing, "DEFER_INDEXES_FROM", 2)
    path = tmp_path / "b.xlsx"
    write_reordered(path)
    before = _indexes(db)

    def on_update(done, total, label):
        if done >= 50:  # Cancel pressed while the rows are being written
            progress.cancel()

    progress = Progress(on_update)
    with pytest.raises(Cancelled):
        apply_import(db, read_roster(path, today=TODAY), area_id, progress=progress)
    assert _indexes(db) == before
    with db.session() as s:
        assert s.scalars(select(Household.id)).all() == []
