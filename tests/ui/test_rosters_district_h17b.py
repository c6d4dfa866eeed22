"""Issue 18 part 4 on the rosters page: at a district that received its communes' rosters the
site and staff lists have a commune column and a commune filter; choosing a commune shows
only its sites and people; at a commune nothing of it is shown."""

# ruff: noqa: F811 - the district fixture is shared with test_district
from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack

from fieldapp.rostering.store import add_site, add_staff
from fieldapp.settings import set_setting
from tests.core.sync.test_district import district_world  # noqa: F401
from tests.ui.test_lists_district import choose
from ui.i18n import install_language
from ui.pages.rosters.manage_tab import COMMUNE, ManageTab


@pytest.fixture
def district(district_world):
    office = district_world[0]
    set_setting(office, "sync.district_mode", True)
    add_site(
        office, "Chốt huyện Bản Áng", active_from=date.today()
    )  # the district's own rows: no commune
    add_staff(office, "Lường Văn Huyện", unit="Công an huyện", roles=["police"])
    return district_world


def open_tab(qtbot, db) -> ManageTab:
    install_language("vi")
    tab = ManageTab(db, QUndoStack())
    qtbot.addWidget(tab)
    tab.resize(1366, 700)
    tab.show()
    qtbot.waitExposed(tab)
    tab.refresh()
    return tab


def rows(model) -> list[tuple[str, str]]:
    """(name, commune) of each row shown."""
    return [
        (model.item(r, 0).text(), model.item(r, COMMUNE).text()) for r in range(model.rowCount())
    ]


def test_a_district_sees_whose_sites_and_people_and_filters_by_commune(qtbot, district):
    office = district[0]
    tab = open_tab(qtbot, office)
    assert tab.commune.isVisible() and tab.commune_label.isVisible()
    assert tab.commune_label.text() == "&Xã" and tab.commune.itemText(0) == "Mọi xã"
    for view, model in ((tab.site_view, tab.site_model), (tab.staff_view, tab.staff_model)):
        assert not view.isColumnHidden(COMMUNE)
        assert model.headerData(COMMUNE, Qt.Orientation.Horizontal) == "Xã"
    sites = rows(tab.site_model)
    assert ("Chốt A 0", "xã Bằng Lãng") in sites and ("Chốt C 1", "xã Yên Thượng") in sites
    assert ("Chốt B 0", "xã Nam Cường") in sites and ("Chốt huyện Bản Áng", "") in sites
    assert len(sites) == 3 + 1 + 2 + 1
    people = rows(tab.staff_model)
    assert ("Công an A", "xã Bằng Lãng") in people and ("Lường Văn Huyện", "") in people
    assert len(people) == 4

    choose(qtbot, tab.commune, "xã Bằng Lãng")
    assert rows(tab.site_model) == [(f"Chốt A {n}", "xã Bằng Lãng") for n in range(3)]
    assert rows(tab.staff_model) == [("Công an A", "xã Bằng Lãng")]
    # the buttons act on the row shown: the selected site is the commune's
    tab.site_view.selectRow(1)
    assert tab._current_site().name == "Chốt A 1"

    choose(qtbot, tab.commune, "xã Yên Thượng")
    assert {name for name, _c in rows(tab.site_model)} == {"Chốt C 0", "Chốt C 1"}
    assert rows(tab.staff_model) == [("Công an C", "xã Yên Thượng")]

    choose(qtbot, tab.commune, "Cơ quan này")  # the district's own
    assert rows(tab.site_model) == [("Chốt huyện Bản Áng", "")]
    assert rows(tab.staff_model) == [("Lường Văn Huyện", "")]

    choose(qtbot, tab.commune, "Mọi xã")
    assert len(rows(tab.site_model)) == 7 and len(rows(tab.staff_model)) == 4


def test_the_commune_filter_keeps_the_name_search(qtbot, district):
    tab = open_tab(qtbot, district[0])
    choose(qtbot, tab.commune, "xã Nam Cường")
    tab.filter.setText("công an")
    assert rows(tab.staff_model) == [("Công an B", "xã Nam Cường")]
    tab.filter.setText("huyện")
    assert rows(tab.staff_model) == []


def test_a_commune_has_no_commune_column_or_filter(qtbot, district):
    commune = district[1]
    tab = open_tab(qtbot, commune)
    assert tab.commune.isHidden() and tab.commune_label.isHidden()
    assert tab.site_view.isColumnHidden(COMMUNE) and tab.staff_view.isColumnHidden(COMMUNE)
    assert [name for name, _c in rows(tab.site_model)] == ["Chốt A 0", "Chốt A 1", "Chốt A 2"]
    assert tab.commune.devices() is None
