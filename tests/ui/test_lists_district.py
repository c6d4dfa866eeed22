"""Issue 18 part 4 in the window, the last lists: at a district the work lists, the follow-up
lists, the issued reports, the conflicts and the checkpoint log have a commune filter (and
the log a commune column); a person chooses one commune and sees only its rows; on a
commune's own database the filter is absent; at a province it names districts."""

# ruff: noqa: F811 - the district fixture is shared with test_district
from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import Qt

from fieldapp.demo import DEMO_PROFILE
from fieldapp.profile import save_profile
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
    rounds = [panel.round.itemText(i) for i in range(panel.round.count())]
    # every commune's rounds, each naming its commune
    assert any(r.endswith("Thôn A, xã Bằng Lãng") for r in rounds)
    assert any(r.endswith("Thôn C, xã Yên Thượng") for r in rounds)
    panel.round.setCurrentIndex(panel.round.findText("Thôn C", Qt.MatchFlag.MatchContains))
    assert tree_communes(panel.untested) == {"xã Yên Thượng"}
    before = panel.untested.count
    assert before > 0
    choose(qtbot, panel.commune, "xã Bằng Lãng")
    # one commune chosen: only its rounds are offered, and its latest is shown
    rounds = [panel.round.itemText(i) for i in range(panel.round.count())]
    assert rounds and all(r.endswith(", xã Bằng Lãng") for r in rounds)
    assert tree_communes(panel.untested) <= {"xã Bằng Lãng"}
    choose(qtbot, panel.commune, "xã Yên Thượng")
    rounds = [panel.round.itemText(i) for i in range(panel.round.count())]
    assert rounds and all(r.endswith(", xã Yên Thượng") for r in rounds)
    assert "Thôn C" in panel.round.currentText()
    assert panel.untested.count == before
    assert tree_communes(panel.untested) == {"xã Yên Thượng"}
    for w in (panel.ending, panel.empty, panel.unsupplied, panel.ids):
        assert tree_communes(w) <= {"xã Yên Thượng"}
    choose(qtbot, panel.commune, "Cơ quan này")  # the district's own: no area, no round
    assert panel.round.count() == 0 and panel.untested.count == 0
    assert not panel.enter_results.isEnabled()
    choose(qtbot, panel.commune, "Mọi xã")
    rounds = [panel.round.itemText(i) for i in range(panel.round.count())]
    assert {r.rsplit(", ", 1)[-1] for r in rounds} >= {"xã Bằng Lãng", "xã Yên Thượng"}


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


@pytest.fixture
def reports_district(district):
    from datetime import date, timedelta

    from fieldapp.reports.issue import issue_report
    from fieldapp.reports.render import spec_for
    from fieldapp.sync.package import export_package
    from fieldapp.sync.receive import import_package

    office, a, b, c, tmp = district
    # Bằng Lãng issues one report, Yên Thượng two: both communes' No. 01 arrive as reports
    # of their own (numbers count per issuing unit), not as a conflict.
    for name, db, days in (("a", a, 1), ("c", c, 2)):
        for n in range(days):
            issue_report(db, spec_for(db, "daily", date.today() - timedelta(days=n)))
        path = export_package(db, tmp / f"{name}-reports.fieldsync").path
        import_package(office, path)
    return district


def issued_rows(page) -> list[tuple[str, str]]:
    m = page.issued_table.rows_model
    return [(m.index(r, 0).data(), m.index(r, 5).data()) for r in range(m.rowCount())]


def test_issued_reports_filter_by_commune(qtbot, reports_district):
    from ui.pages.reports import ReportsPage

    install_language("vi")
    office = reports_district[0]
    page = ReportsPage(office)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    page.refresh()
    page.tabs.setCurrentIndex(1)
    assert not page.issued_table.isColumnHidden(5) and page.commune.isVisible()
    header = page.issued_table.rows_model.headerData(5, Qt.Orientation.Horizontal)
    assert header == "Xã"
    rows = issued_rows(page)
    assert {c for _n, c in rows} == {"xã Bằng Lãng", "xã Yên Thượng"}
    assert sorted(rows) == sorted(
        [("01/BC-UBND", "xã Bằng Lãng"), ("01/BC-UBND", "xã Yên Thượng"),
         ("02/BC-UBND", "xã Yên Thượng")]
    )  # fmt: skip
    choose(qtbot, page.commune, "xã Yên Thượng")
    yen = issued_rows(page)
    assert yen and {c for _n, c in yen} == {"xã Yên Thượng"}
    assert len(yen) == sum(1 for _n, c in rows if c == "xã Yên Thượng")
    # the row chosen opens that commune's report, not the first of the whole list
    page.issued_table.selectRow(0)
    assert page._selected_report().device_id in page.commune.devices()
    choose(qtbot, page.commune, "xã Nam Cường")  # sent no report
    assert issued_rows(page) == []
    choose(qtbot, page.commune, "Mọi xã")
    assert issued_rows(page) == rows


def test_report_list_cli_names_and_filters_communes(reports_district, capsys):
    """`fieldapp report list --commune` as the Báo cáo page's filter (issue 18 part 4)."""
    import json

    from fieldapp.cli import main

    data = ["--data-dir", str(reports_district[0].paths.data_dir)]
    assert main(["report", "list", "--json", *data]) == 0
    every = json.loads(capsys.readouterr().out)
    assert sorted((r["number_text"], r["commune"]) for r in every) == sorted(
        [("01/BC-UBND", "xã Bằng Lãng"), ("01/BC-UBND", "xã Yên Thượng"),
         ("02/BC-UBND", "xã Yên Thượng")]
    )  # fmt: skip
    assert main(["report", "list", "--commune", "yen thuong", *data]) == 0
    text = capsys.readouterr().out
    assert text.count("[xã Yên Thượng]") == 2 and "Bằng Lãng" not in text
    assert main(["report", "list", "--commune", "Nam Cường", "--json", *data]) == 0
    assert json.loads(capsys.readouterr().out) == []  # sent no report
    assert main(["report", "list", "--commune", "Khuổi Kẹn", *data]) != 0
    assert "Khuổi Kẹn" in capsys.readouterr().err


def test_at_a_province_the_lists_name_districts(qtbot, reports_district):
    from ui.pages.checkpoints.entry_model import COMMUNE as LOG_COMMUNE
    from ui.pages.checkpoints.log_widget import CheckpointLogWidget
    from ui.pages.directives.page import DirectivesPage
    from ui.pages.directives.register_model import COMMUNE
    from ui.pages.households import HouseholdsPage
    from ui.pages.households.table_model import COL_COMMUNE
    from ui.pages.households.worklists import WorklistsPanel
    from ui.pages.reports import ReportsPage

    office = reports_district[0]
    save_profile(office, dataclasses.replace(DEMO_PROFILE, level="province"))
    for language, word, all_text in (
        ("vi", "Huyện", "Mọi huyện"),
        ("en", "District", "All districts"),
    ):
        install_language(language)
        page = ReportsPage(office)
        qtbot.addWidget(page)
        page.show()
        page.refresh()
        assert page.issued_table.rows_model.headerData(5, Qt.Orientation.Horizontal) == word
        assert page.commune.itemText(0) == all_text
        assert page.commune_label.text().replace("&", "") == word
        panel = WorklistsPanel(office)
        qtbot.addWidget(panel)
        panel.show()
        panel.refresh()
        assert panel.commune_label.text().replace("&", "") == word
        assert panel.commune.itemText(0) == all_text
        households = HouseholdsPage(office)
        qtbot.addWidget(households)
        households.show()
        households.refresh()
        model = households.model
        assert model.headerData(COL_COMMUNE, Qt.Orientation.Horizontal) == word
        assert households.commune.itemText(0) == all_text
        directives = DirectivesPage(office)
        qtbot.addWidget(directives)
        directives.show()
        directives.refresh()
        assert directives.model.headerData(COMMUNE, Qt.Orientation.Horizontal) == word
        assert directives.commune_filter.itemText(0) == all_text
        log = CheckpointLogWidget(office)
        qtbot.addWidget(log)
        log.show()
        assert log.proxy.headerData(LOG_COMMUNE, Qt.Orientation.Horizontal) == word
        assert log.commune.itemText(0) == all_text
    install_language("vi")


def test_conflicts_filter_by_commune(qtbot, district):
    from fieldapp.sync.package import export_package
    from fieldapp.sync.receive import import_package
    from tests.core.sync.helpers import add_site, edit_site
    from ui.pages.sync.conflicts_tab import ConflictsTab

    install_language("vi")
    office, a, b, c, tmp = district
    # the district renames a site a commune made, then the commune renames it too: the
    # district's newer name is kept and the commune's is listed, from that commune
    for name, db in (("a", a), ("c", c), ("c2", c)):
        uuid = add_site(db, f"Chốt {name}")
        import_package(office, export_package(db, tmp / f"{name}-1.fieldsync").path)
        edit_site(db, uuid, f"Chốt {name} (xã)")
        edit_site(office, uuid, f"Chốt {name} (huyện)")
        import_package(office, export_package(db, tmp / f"{name}-2.fieldsync").path)
    tab = ConflictsTab(office)
    qtbot.addWidget(tab)
    counted: list[int] = []
    tab.count_changed.connect(counted.append)
    tab.resize(1366, 700)
    tab.show()
    tab.retranslate()
    tab.refresh()

    def sources() -> list[str]:
        return [tab.conflicts.item(r, 1).text() for r in range(tab.conflicts.rowCount())]

    assert sorted(sources()) == ["xã Bằng Lãng", "xã Yên Thượng", "xã Yên Thượng"]
    assert tab.commune.isVisible() and tab.commune_label.text() == "&Xã"
    choose(qtbot, tab.commune, "xã Yên Thượng")
    assert sources() == ["xã Yên Thượng", "xã Yên Thượng"]
    # the chosen row is the one compared and resolved
    tab.conflicts.selectRow(1)
    assert tab.selected().other_device in tab.commune.devices()
    choose(qtbot, tab.commune, "xã Bằng Lãng")
    assert sources() == ["xã Bằng Lãng"]
    tab.conflicts.selectRow(0)
    theirs = {tab.compare.item(r, 2).text() for r in range(tab.compare.rowCount())}
    assert "Chốt a (xã)" in theirs
    choose(qtbot, tab.commune, "xã Nam Cường")
    assert sources() == [] and not tab.keep_button.isEnabled()
    choose(qtbot, tab.commune, "Mọi xã")
    assert len(sources()) == 3
    assert counted and counted[-1] == 3  # the tab's count is all conflicts, whatever is shown


def test_checkpoint_log_has_a_commune_column_and_filter(qtbot, district):
    from fieldapp.checkpoints.log import EntryInput, add_entry, log_sites
    from fieldapp.sync.package import export_package
    from fieldapp.sync.receive import import_package
    from ui.pages.checkpoints.entry_model import COMMUNE, NAME
    from ui.pages.checkpoints.log_widget import CheckpointLogWidget

    install_language("vi")
    office, a, b, c, tmp = district
    for key, db, names in (
        ("a", a, ["Nguyễn Văn An", "Lò Thị Hòa"]),
        ("c", c, ["Đinh Văn Thúy", "Nguyễn Thị Bích"]),
    ):
        site = log_sites(db)[0]
        for name in names:
            add_entry(db, EntryInput(site_id=site.id, full_name=name, from_place="Hà Nội"))
        import_package(office, export_package(db, tmp / f"{key}-log.fieldsync").path)
    widget = CheckpointLogWidget(office)
    qtbot.addWidget(widget)
    widget.resize(1366, 700)
    widget.show()
    widget.all_sites.setChecked(True)
    widget.refresh()

    def shown() -> list[tuple[str, str]]:
        p = widget.proxy
        return sorted(
            (p.index(r, COMMUNE).data(), p.index(r, NAME).data()) for r in range(p.rowCount())
        )

    assert not widget.table.isColumnHidden(COMMUNE)
    assert widget.table.horizontalHeader().visualIndex(COMMUNE) == 1  # beside the time
    assert widget.proxy.headerData(COMMUNE, Qt.Orientation.Horizontal) == "Xã"
    assert shown() == [
        ("xã Bằng Lãng", "Lò Thị Hòa"),
        ("xã Bằng Lãng", "Nguyễn Văn An"),
        ("xã Yên Thượng", "Nguyễn Thị Bích"),
        ("xã Yên Thượng", "Đinh Văn Thúy"),
    ]
    assert widget.commune.isVisible()
    choose(qtbot, widget.commune, "xã Yên Thượng")
    assert shown() == [("xã Yên Thượng", "Nguyễn Thị Bích"), ("xã Yên Thượng", "Đinh Văn Thúy")]
    assert widget._counts.people == 2  # the day's count is the commune's too
    # the search keeps to the chosen commune: "nguyen" is in both
    qtbot.keyClicks(widget.search, "nguyen")
    assert shown() == [("xã Yên Thượng", "Nguyễn Thị Bích")]
    widget.search.clear()
    choose(qtbot, widget.commune, "Mọi xã")
    assert len(shown()) == 4


def test_a_commune_log_has_no_commune_column(qtbot, district):
    from ui.pages.checkpoints.entry_model import COMMUNE
    from ui.pages.checkpoints.log_widget import CheckpointLogWidget

    install_language("vi")
    widget = CheckpointLogWidget(district[1])
    qtbot.addWidget(widget)
    widget.show()
    widget.refresh()
    assert widget.table.isColumnHidden(COMMUNE) and widget.commune.isHidden()


def test_the_district_numbers_its_own_reports_apart_from_the_communes(reports_district):
    """Communes' 01 and 02/BC-UBND arrived; the district's own first report is still its
    01, its draft and 'already issued' are its own, and '01' finds the district's."""
    from datetime import date

    from fieldapp.reports.issue import draft_for, find_report, issue_report, issued_for
    from fieldapp.reports.render import spec_for

    office = reports_district[0]
    spec = spec_for(office, "daily", date.today())
    assert issued_for(office, spec) is None  # the communes' reports of today are not its own
    assert draft_for(office, spec) is None
    mine = issue_report(office, spec)
    assert mine.number == 1 and mine.device_id == office.device_id
    assert find_report(office, "01").id == mine.id
    assert issued_for(office, spec).id == mine.id
