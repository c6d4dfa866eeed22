"""The household table model reads the first ids and a count per keystroke, the rest of the
ids only when the view scrolls past them, and still shows exactly the households that match."""

from __future__ import annotations

import random
from datetime import date

from PySide6.QtCore import Qt

import ui.pages.households.table_model as table_module
from fieldapp.households.demo import generate_households
from fieldapp.households.excel_import import ImportPreview, apply_import
from fieldapp.households.listing import HouseholdFilter, household_ids
from fieldapp.households.service import AreaInput, add_area, delete_household
from ui.pages.households.table_model import COL_HEAD, HOUSEHOLD_ID_ROLE, HouseholdTableModel


def _area_with_households(db, count: int) -> int:
    area = add_area(db, AreaInput(name="Khu thử bảng", started_on=date.today()))
    households = generate_households(random.Random(11), count, ("Nà Pài", "Bản Lác"), date.today())
    apply_import(db, ImportPreview("t.xlsx", "", (), {}, households, []), area)
    return area


def test_first_ids_then_the_rest_when_scrolled(qtbot, qtmodeltester, db, monkeypatch):
    area = _area_with_households(db, 40)
    monkeypatch.setattr(table_module, "FIRST_IDS", 7)
    model = HouseholdTableModel(db)
    model.set_filter(HouseholdFilter(area_id=area))
    every = household_ids(db, HouseholdFilter(area_id=area))
    assert model.rowCount() == 40
    assert len(model._ids) == 7  # only the first ids were read
    assert [model.household_id(r) for r in range(40)] == every
    assert model.index(39, 0).data(HOUSEHOLD_ID_ROLE) == every[-1]
    assert model.row_of(every[-1]) == 39
    qtmodeltester.check(model, force_py=True)

    # a one-letter search walks the index (first ids and a count), a longer one reads all
    for search in ("n", "ng", "nguyen", "van", "zzz"):
        flt = HouseholdFilter(area_id=area, search=search)
        model.set_filter(flt)
        expected = household_ids(db, flt)
        assert model.rowCount() == len(expected), search
        assert [model.household_id(r) for r in range(model.rowCount())] == expected, search

    # sorting reloads from the first ids again
    model.set_filter(HouseholdFilter(area_id=area))
    model.sort(COL_HEAD, Qt.SortOrder.DescendingOrder)
    assert [model.household_id(r) for r in range(40)] == list(reversed(every))


def test_a_household_deleted_after_the_first_ids_shows_as_a_dash(qtbot, db, monkeypatch):
    area = _area_with_households(db, 12)
    monkeypatch.setattr(table_module, "FIRST_IDS", 3)
    model = HouseholdTableModel(db)
    model.set_filter(HouseholdFilter(area_id=area))
    every = household_ids(db, HouseholdFilter(area_id=area))
    delete_household(db, every[-1])  # deleted before the view scrolled there
    assert model.rowCount() == 12  # as announced until the next reload
    assert model.index(11, COL_HEAD).data() == "—"
    assert model.household_id(11) is None
    assert model.index(10, COL_HEAD).data() not in (None, "—")
    model.reload()
    assert model.rowCount() == 11
