"""Issue 18 part 4 in the window: a district's household list shows the commune each
household came from (three communes' packages, through the real export and import), and a
person filters by one commune; on a commune's own database neither shows."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt

from fieldapp.demo import DEMO_PROFILE
from fieldapp.households.service import (
    AreaInput,
    HouseholdInput,
    MemberInput,
    add_area,
    add_household,
)
from fieldapp.profile import save_profile
from fieldapp.sync.package import export_package
from fieldapp.sync.receive import import_package
from tests.core.sync.helpers import new_device
from ui.i18n import install_language
from ui.pages.households import HouseholdsPage
from ui.pages.households.table_model import COL_COMMUNE, COL_HEAD

PEOPLE = {
    "Bằng Lãng": ["Hoàng Văn Ước", "Nông Thị Hoa", "Lý Văn Đức"],
    "Nam Cường": ["Triệu Thị Mai", "Hà Văn Tùng"],
    "Yên Thượng": ["Ma Văn Lợi", "Đàm Thị Thúy", "Lưu Văn Bình", "Bế Thị Nga"],
}


@pytest.fixture
def district(tmp_path):
    office = new_device(tmp_path, "district", commune=None)
    save_profile(
        office,
        dataclasses.replace(
            DEMO_PROFILE, level="district", commune_name="", district_name="Chợ Đồn"
        ),
    )
    communes = []
    for n, (commune, heads) in enumerate(PEOPLE.items()):
        db = new_device(tmp_path, f"c{n}", commune=commune)
        # every commune has its own "Thôn 1": the names collide at the district
        area = add_area(db, AreaInput(name="Thôn 1", started_on=date.today() - timedelta(days=2)))
        for head in heads:
            add_household(
                db,
                area,
                HouseholdInput(village="Thôn 1"),
                [MemberInput(full_name=head, is_head=True)],
            )
        path = export_package(db, tmp_path / f"c{n}.fieldsync").path
        import_package(office, path, trust_new=True)
        communes.append(db)
    yield office
    for db in (office, *communes):
        db.close()


def shown(page: HouseholdsPage) -> list[tuple[str, str]]:
    m = page.model
    return [
        (m.index(r, COL_COMMUNE).data(), m.index(r, COL_HEAD).data()) for r in range(m.rowCount())
    ]


@pytest.mark.parametrize("language", ["vi", "en"])
def test_district_list_has_a_commune_column_and_filter(qtbot, district, language, tmp_path):
    install_language(language)
    page = HouseholdsPage(district)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    page.refresh()
    assert not page.table.isColumnHidden(COL_COMMUNE)
    assert page.table.horizontalHeader().visualIndex(COL_COMMUNE) == 0  # first on screen
    rows = shown(page)
    assert len(rows) == 9
    assert ("xã Nam Cường", "Hà Văn Tùng") in rows and ("xã Bằng Lãng", "Hoàng Văn Ước") in rows
    assert page.commune.isVisible()
    areas = [page.area_list.item(i).text() for i in range(page.area_list.count())]
    # every commune's "Thôn 1" says whose it is
    assert sorted(t.split("\n")[0] for t in areas[1:]) == [
        "Thôn 1 — xã Bằng Lãng",
        "Thôn 1 — xã Nam Cường",
        "Thôn 1 — xã Yên Thượng",
    ]
    items = [page.commune.itemText(i) for i in range(page.commune.count())]
    assert items[1:4] == ["xã Bằng Lãng", "xã Nam Cường", "xã Yên Thượng"]
    # choose one commune with the keyboard, as a person would
    page.commune.setFocus()
    qtbot.keyClick(page.commune, Qt.Key.Key_Down)
    qtbot.keyClick(page.commune, Qt.Key.Key_Down)
    assert page.commune.currentText() == "xã Nam Cường"
    assert shown(page) == [("xã Nam Cường", "Triệu Thị Mai"), ("xã Nam Cường", "Hà Văn Tùng")]
    assert page.count_label.text().startswith("2 ")
    # the filter and the search together
    page.commune.setCurrentIndex(3)
    qtbot.keyClicks(page.search, "thuy")
    page._apply_filter()
    assert shown(page) == [("xã Yên Thượng", "Đàm Thị Thúy")]
    page.search.clear()
    page.commune.setCurrentIndex(page.commune.count() - 1)  # this office: no household
    page._apply_filter()
    assert shown(page) == []
    page.commune.setCurrentIndex(0)
    page._apply_filter()
    assert len(shown(page)) == 9
    page.grab().save(str(tmp_path / f"district-households-{language}.png"))


def test_a_commune_has_no_commune_column_or_filter(qtbot, tmp_path):
    install_language("vi")
    db = new_device(tmp_path, "commune", commune="Bằng Lãng")
    try:
        area = add_area(db, AreaInput(name="Thôn 1", started_on=date.today()))
        add_household(
            db, area, HouseholdInput(), [MemberInput(full_name="Hoàng Văn Ước", is_head=True)]
        )
        page = HouseholdsPage(db)
        qtbot.addWidget(page)
        page.show()
        page.refresh()
        assert page.table.isColumnHidden(COL_COMMUNE)
        assert page.commune.isHidden()
        assert page.current_filter().devices is None
        assert page.model.rowCount() == 1
    finally:
        db.close()


def test_district_directive_register_has_a_commune_column_and_filter(qtbot, tmp_path):
    from fieldapp.directives.register import DirectiveForm, ItemForm, save_directive
    from ui.pages.directives.page import DirectivesPage
    from ui.pages.directives.register_model import COMMUNE, TITLE

    install_language("vi")
    office = new_device(tmp_path, "district", commune=None)
    save_profile(office, dataclasses.replace(DEMO_PROFILE, level="district"))
    communes = []
    for n, commune in enumerate(("Bằng Lãng", "Nam Cường")):
        db = new_device(tmp_path, f"d{n}", commune=commune)
        save_directive(
            db,
            DirectiveForm(
                number=f"{n + 1}/KH-UBND",
                kind="Kế hoạch",
                subject=f"Kế hoạch của xã {commune}",
                arrival_number=10 + n,
                items=[ItemForm(label="1", text="Lập danh sách")],
            ),
        )
        import_package(
            office, export_package(db, tmp_path / f"d{n}.fieldsync").path, trust_new=True
        )
        communes.append(db)
    try:
        page = DirectivesPage(office)
        qtbot.addWidget(page)
        page.resize(1366, 768)
        page.show()
        page.refresh()
        assert not page.table.isColumnHidden(COMMUNE) and page.commune_filter.isVisible()
        model = page.model
        rows = {
            model.index(r, TITLE).data(): model.index(r, COMMUNE).data()
            for r in range(model.rowCount())
        }
        assert rows == {"Kế hoạch 1/KH-UBND": "xã Bằng Lãng", "Kế hoạch 2/KH-UBND": "xã Nam Cường"}
        page.commune_filter.setCurrentIndex(page.commune_filter.findText("xã Nam Cường"))
        assert [model.index(r, TITLE).data() for r in range(model.rowCount())] == [
            "Kế hoạch 2/KH-UBND"
        ]
        page.grab().save(str(tmp_path / "district-directives.png"))
    finally:
        for db in (office, *communes):
            db.close()


def test_the_print_dialog_at_a_district_names_each_areas_commune(qtbot, district):
    """Three communes' "Thôn 1" are told apart in the print dialog, and the door-to-door list
    of one of them holds that commune's households only."""
    import io

    from pypdf import PdfReader

    from fieldapp.households.service import list_areas
    from ui import operations
    from ui.pages.households.print_dialog import PrintChoice, PrintDialog

    install_language("vi")
    dialog = PrintDialog(district, PrintChoice())
    qtbot.addWidget(dialog)
    dialog.show()
    names = sorted(dialog.area.itemText(i) for i in range(dialog.area.count()))
    assert names == ["Thôn 1 — xã Bằng Lãng", "Thôn 1 — xã Nam Cường", "Thôn 1 — xã Yên Thượng"]
    dialog.area.setFocus()
    dialog.area.setCurrentIndex(dialog.area.findText("Thôn 1 — xã Nam Cường"))
    nam_cuong = next(a.id for a in list_areas(district) if a.households == 2)
    assert dialog.area.currentData() == nam_cuong
    qtbot.waitUntil(lambda: not dialog._timer.isActive() and not dialog._busy, timeout=30_000)
    assert operations.wait_for_operations(30)
    qtbot.waitUntil(lambda: not dialog._busy and dialog._made_for is not None, timeout=30_000)
    assert dialog._made_for.area_id == nam_cuong
    text = " ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(dialog.pdf_data)).pages)
    assert "Triệu Thị Mai" in text and "Hà Văn Tùng" in text
    assert "Hoàng Văn Ước" not in text and "Ma Văn Lợi" not in text
