"""Issue 18 part 4 in the window, the last lists: at a district the work lists, the follow-up
lists, the issued reports, the conflicts and the checkpoint log have a commune filter (and
the log a commune column); a person chooses one commune and sees only its rows; on a
commune's own database the filter is absent; at a province it names districts."""

# ruff: noqa: F811 - the district fixture is shared with test_district
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from fieldapp.settings import set_setting
from tests.core.sync.test_district import district_world  # noqa: F401
from ui.i18n import install_language


@pytest.fixture
def district(district_world):
    office = district_world[0]
    set_setting(office, "sync.district_mode", True)
    return district_world


def choose(qtbot, combo, text: str) -> None:
    """Open the combo with the keyboard and walk down to ``text``, as a person would."""
    combo.setFocus()
    start = combo.currentIndex()
    target = combo.findText(text)
    assert target >= 0, [combo.itemText(i) for i in range(combo.count())]
    key = Qt.Key.Key_Down if target > start else Qt.Key.Key_Up
    for _ in range(abs(target - start)):
        qtbot.keyClick(combo, key)
    assert combo.currentText() == text


def tree_communes(work_list) -> set[str]:
    model = work_list.tree.model()
    return {model.index(r, 1).data().split(", ")[-1] for r in range(model.rowCount())}


def test_work_lists_filter_by_commune(qtbot, district):
    from ui.pages.households.worklists import WorklistsPanel

    install_language("vi")
    office = district[0]
    panel = WorklistsPanel(office)
    qtbot.addWidget(panel)
    panel.resize(1366, 768)
    panel.show()
    panel.refresh()
    assert panel.commune.isVisible() and panel.commune_label.text() == "&Xã"
    assert panel.commune.itemText(0) == "Mọi xã"
    assert tree_communes(panel.untested) == {"xã Bằng Lãng"}  # the round of Thôn A
    panel.round.setCurrentIndex(panel.round.findText("Thôn C", Qt.MatchFlag.MatchEndsWith))
    assert tree_communes(panel.untested) == {"xã Yên Thượng"}
    before = panel.untested.count
    assert before > 0
    choose(qtbot, panel.commune, "xã Bằng Lãng")
    assert panel.untested.count == 0 and panel.untested.tree.model().rowCount() == 0
    choose(qtbot, panel.commune, "xã Yên Thượng")
    assert panel.untested.count == before
    assert tree_communes(panel.untested) == {"xã Yên Thượng"}
    for w in (panel.ending, panel.empty, panel.unsupplied, panel.ids):
        assert tree_communes(w) <= {"xã Yên Thượng"}
    assert "Thôn C" in panel.round.currentText()  # the chosen round is kept
    choose(qtbot, panel.commune, "Cơ quan này")  # the district's own: no household
    assert panel.untested.count == 0
    choose(qtbot, panel.commune, "Mọi xã")
    assert panel.untested.count == before


def test_a_commune_has_no_commune_filter_on_its_lists(qtbot, district):
    from ui.pages.households.worklists import WorklistsPanel

    install_language("vi")
    commune = district[1]
    panel = WorklistsPanel(commune)
    qtbot.addWidget(panel)
    panel.show()
    panel.refresh()
    assert panel.commune.isHidden() and panel.commune_label.isHidden()
    assert panel.commune.devices() is None and panel.untested.count == 3


def followed(panel) -> list[tuple[str, str]]:
    m = panel.round_model
    return [(p.full_name, m.communes.get(p.device_id, "")) for p in m.people]


def test_follow_up_lists_filter_by_commune(qtbot, district):
    from ui.operations import wait_for_operations
    from ui.pages.households.followup import FollowUpPanel

    install_language("en")
    office = district[0]
    panel = FollowUpPanel(office)
    qtbot.addWidget(panel)
    panel.show()
    panel.refresh()
    wait_for_operations()
    qtbot.waitUntil(lambda: panel.lists is not None, timeout=5000)
    assert panel.commune.isVisible() and panel.commune_label.text() == "&Commune"
    assert panel.commune.itemText(0) == "All communes"
    assert sorted(c for _n, c in followed(panel)) == [
        "xã Bằng Lãng",
        "xã Bằng Lãng",
        "xã Yên Thượng",
    ]
    # the commune shows beside the village in the round's table
    texts = [
        panel.round_model.index(r, c).data()
        for r in range(panel.round_model.rowCount())
        for c in range(panel.round_model.columnCount())
    ]
    assert any("xã Yên Thượng" in str(t) for t in texts)
    panel.lists = None
    choose(qtbot, panel.commune, "xã Yên Thượng")
    wait_for_operations()
    qtbot.waitUntil(lambda: panel.lists is not None, timeout=5000)
    assert [c for _n, c in followed(panel)] == ["xã Yên Thượng"]
    assert panel.lists.followed == 1
    assert panel.round_box.title().startswith("Still to check (1)")
    panel.lists = None
    choose(qtbot, panel.commune, "xã Nam Cường")  # no F0 at home there
    wait_for_operations()
    qtbot.waitUntil(lambda: panel.lists is not None, timeout=5000)
    assert followed(panel) == []
    install_language("vi")
