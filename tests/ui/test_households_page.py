"""The households page driven like a person: search, filters, detail, status change, undo."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel
from sqlalchemy import func, select

from fieldapp.households.demo import generate_households
from fieldapp.households.excel_import import ImportPreview, apply_import
from fieldapp.households.listing import HouseholdFilter, count_households
from fieldapp.households.models import HealthStatus, HouseholdMember
from fieldapp.households.service import AreaInput, add_area, household_detail
from fieldapp.text.vietnamese import fold, name_sort_key
from tests.core.households.workbooks import copy_of_demo
from tests.ui.typing import type_text
from ui.i18n import install_language
from ui.pages.households import HouseholdsPage
from ui.pages.households import table_model as table_module
from ui.pages.households.detail import HouseholdDetailDialog
from ui.pages.households.dialogs import AreaDialog, DeliveryDialog, HouseholdDialog, StatusDialog
from ui.pages.households.overview import overview_card
from ui.pages.households.table_model import COL_HEAD, COL_STATUS, HouseholdTableModel


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory):
    return tmp_path_factory.mktemp("demo-template") / "data"


@pytest.fixture
def demo_db(demo_template, tmp_path):
    """The demo commune, made once for this module and copied for each test."""
    database = copy_of_demo(demo_template, tmp_path / "data")
    yield database
    database.close()


@pytest.fixture
def page(qtbot, demo_db):
    install_language("vi")
    widget = HouseholdsPage(demo_db)
    qtbot.addWidget(widget)
    widget.resize(1156, 700)
    widget.show()
    widget.refresh()
    return widget


def heads(model: HouseholdTableModel, n: int | None = None) -> list[str]:
    count = model.rowCount() if n is None else min(n, model.rowCount())
    return [model.index(r, COL_HEAD).data() for r in range(count)]


def on_modal(qtbot, kind, action) -> None:
    """Run ``action(dialog)`` on the next modal dialog of type ``kind`` once it shows."""

    def poll() -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, kind) and widget.isVisible():
            action(widget)
        else:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)


def test_table_lists_every_household_in_vietnamese_name_order(page, demo_db):
    assert page.model.rowCount() == 150
    assert page.count_label.text() == "150 hộ"
    names = heads(page.model)
    assert names == sorted(names, key=name_sort_key)
    assert page.model.headerData(COL_HEAD, Qt.Orientation.Horizontal) == "Chủ hộ"
    areas = [page.area_list.item(i).text() for i in range(page.area_list.count())]
    assert areas[0].startswith("Tất cả khu vực\n150 hộ")
    assert any(text.startswith("Khu phong tỏa thôn Nà Pài\n88 hộ") for text in areas)


def test_search_as_you_type_with_the_fold(page, qtbot):
    type_text(qtbot, page.search, "hoàng")
    qtbot.waitUntil(lambda: page.model.rowCount() < 150, timeout=2000)
    hoang = page.model.rowCount()
    assert hoang > 0
    page.search.clear()
    qtbot.waitUntil(lambda: page.model.rowCount() == 150, timeout=2000)
    type_text(qtbot, page.search, "hoang")  # no accents: the same households
    qtbot.waitUntil(lambda: page.model.rowCount() == hoang, timeout=2000)
    for r in range(page.model.rowCount()):
        hid = page.model.household_id(r)
        people = household_detail(page.db, hid).members
        assert any("hoang" in fold(m.full_name).split() for m in people)


def test_filters_by_area_status_vulnerable_and_ending(page, qtbot, demo_db):
    page.status.setCurrentIndex(page.status.findData("F0"))
    expected = count_households(demo_db, HouseholdFilter(status="F0"))
    assert page.model.rowCount() == expected > 0
    assert all("F0" in page.model.index(r, COL_STATUS).data() for r in range(expected))
    page.status.setCurrentIndex(0)
    page.area_list.setCurrentRow(2)  # Nà Pài (areas are listed newest first)
    assert page.model.rowCount() == 88
    assert page.village.count() == 1  # filled when opened
    page.village.showPopup()
    page.village.hidePopup()
    assert page.village.itemText(1) == "Nà Pài" and page.village.count() == 2
    page.vulnerable.setChecked(True)
    vulnerable = count_households(demo_db, HouseholdFilter(area_id=page.area_id(), vulnerable=True))
    assert page.model.rowCount() == vulnerable
    page.vulnerable.setChecked(False)
    page.ending.setChecked(True)
    ending = count_households(
        demo_db, HouseholdFilter(area_id=page.area_id(), ending_within_days=2)
    )
    assert page.model.rowCount() == ending > 0


def test_detail_masks_citizen_ids_and_status_change_can_be_undone(page, qtbot, demo_db):
    page.status.setCurrentIndex(page.status.findData("none"))
    page.table.setFocus()
    page.table.selectRow(0)
    hid = page.selected_household()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    dialog = next(d for d in page.findChildren(HouseholdDetailDialog) if d.isVisible())
    assert dialog.household_id == hid
    members = household_detail(demo_db, hid).members
    shown_ids = [dialog.people.item(r, 4).text() for r in range(dialog.people.rowCount())]
    for member, shown in zip(members, shown_ids, strict=True):
        if member.citizen_id:
            assert shown == "•" * 9 + member.citizen_id[-3:]
    dialog.people.selectRow(0)

    def fill(status_dialog: StatusDialog) -> None:
        status_dialog.status.setCurrentIndex(status_dialog.status.findData("F1"))
        status_dialog.isolation.setCurrentIndex(status_dialog.isolation.findData("home"))
        status_dialog.author.clear()
        type_text(qtbot, status_dialog.author, "Lường Thị Mai")
        assert status_dialog.end.value() == date.today() + timedelta(days=14)
        assert "14 ngày" in status_dialog.hint.text()
        status_dialog.buttons.button(status_dialog.buttons.StandardButton.Save).click()

    on_modal(qtbot, StatusDialog, fill)
    qtbot.mouseClick(dialog.status_button, Qt.MouseButton.LeftButton)
    person = household_detail(demo_db, hid).members[0]
    assert (person.status, person.isolation) == ("F1", "home")
    assert dialog.people.item(0, 7).text() == "F1"
    assert dialog.history.item(0, 6).text() == "Lường Thị Mai"
    assert page.undo_button.isEnabled() and "tình trạng" in page.undo_button.text()

    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)
    qtbot.keyClick(dialog.people, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert household_detail(demo_db, hid).members[0].status == ""
    with demo_db.session() as s:
        entry = s.scalars(select(HealthStatus).where(HealthStatus.member_id == person.id)).one()
        assert entry.cancelled_at is not None and entry.cancelled_by == "Lường Thị Mai"
    assert dialog.history.item(0, 8).text().endswith("Lường Thị Mai")
    redo = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(dialog.people, Qt.Key.Key_Z, redo)
    assert household_detail(demo_db, hid).members[0].status == "F1"
    assert dialog.history.item(0, 8).text() == ""  # the same entry counts again
    assert household_detail(demo_db, hid).members[0].status == "F1"
    dialog.close()


def test_a_mistake_in_a_dialog_keeps_it_open_and_changes_nothing(page, qtbot, demo_db):
    page.table.selectRow(0)
    dialog = page.open_household(page.selected_household())
    dialog.people.selectRow(0)
    seen = {}

    def fill(status_dialog: StatusDialog) -> None:
        status_dialog.isolation.setCurrentIndex(status_dialog.isolation.findData("home"))
        status_dialog.end.edit.setDate(status_dialog.start.date().addDays(-3))
        status_dialog.buttons.button(status_dialog.buttons.StandardButton.Save).click()
        seen["visible"] = status_dialog.isVisible()
        seen["error"] = status_dialog.error.text()
        status_dialog.reject()

    with demo_db.session() as s:
        before = s.scalar(select(func.count()).select_from(HealthStatus))
    on_modal(qtbot, StatusDialog, fill)
    qtbot.mouseClick(dialog.status_button, Qt.MouseButton.LeftButton)
    assert seen == {"visible": True, "error": "Ngày kết thúc cách ly phải sau ngày bắt đầu."}
    with demo_db.session() as s:
        assert s.scalar(select(func.count()).select_from(HealthStatus)) == before
    dialog.close()


def test_work_lists_tab(page, qtbot):
    page.tabs.setCurrentIndex(1)
    lists = page.worklists
    assert lists.ending.count > 0 and lists.empty.count >= 2 and lists.untested.count > 0
    assert lists.ending.title().startswith("Hết cách ly hôm nay hoặc ngày mai:")
    shown = [w.text() for w in page.findChildren(QLabel) if w.isVisible()]
    assert all("Isolation" not in text for text in shown)
    tree = lists.empty.tree
    tree.setCurrentIndex(tree.rows_model.index(0, 0))
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_Return)  # Enter opens the household, as a double click
    dialog = next(d for d in page.findChildren(HouseholdDetailDialog) if d.isVisible())
    assert dialog.detail.members and all(m.isolation == "central" for m in dialog.detail.members)
    dialog.close()


def test_overview_card(qtbot, demo_db):
    install_language("vi")
    card = overview_card(demo_db)
    qtbot.addWidget(card)
    assert card.value.text() == "150"
    assert card.caption.text().startswith("hộ trong 2 khu vực phong tỏa")


def test_model_is_lazy_and_sound(qtbot, qtmodeltester, db, monkeypatch):
    area = add_area(db, AreaInput(name="Khu lớn", started_on=date.today()))
    households = generate_households(random.Random(3), 1500, ("Nà Pài",), date.today())
    preview = ImportPreview("big.xlsx", "", (), {}, households, [])
    apply_import(db, preview, area)
    fetched = []
    real = table_module.household_rows

    def counting(db_, ids, today=None):
        fetched.append(len(ids))
        return real(db_, ids, today)

    monkeypatch.setattr(table_module, "household_rows", counting)
    model = HouseholdTableModel(db)
    model.set_filter(HouseholdFilter())
    assert model.rowCount() == 1500 and fetched == []
    assert model.index(0, COL_HEAD).data() and model.index(99, COL_HEAD).data()
    assert fetched == [100]  # one page for the first screen
    model.index(1499, COL_HEAD).data()
    assert fetched == [100, 100]
    model.sort(COL_HEAD, Qt.SortOrder.DescendingOrder)
    names = heads(model, 50)
    assert names == sorted(names, key=name_sort_key, reverse=True)
    qtmodeltester.check(model, force_py=True)
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(HouseholdMember)) > 4000


def test_new_area_new_household_and_a_delivery_with_undo(qtbot, db):
    install_language("vi")
    page = HouseholdsPage(db)
    qtbot.addWidget(page)
    page.resize(1156, 700)
    page.show()
    page.refresh()

    def area_form(dialog: AreaDialog) -> None:
        type_text(qtbot, dialog.name, "Khu phong tỏa Nà Làng")
        type_text(qtbot, dialog.villages, "Nà Làng")
        qtbot.keyClick(dialog.name, Qt.Key.Key_Return)  # Enter saves

    on_modal(qtbot, AreaDialog, area_form)
    qtbot.mouseClick(page.new_area_button, Qt.MouseButton.LeftButton)
    assert [a.name for a in page.areas] == ["Khu phong tỏa Nà Làng"]
    page.area_list.setCurrentRow(1)

    def household_form(dialog: HouseholdDialog) -> None:
        type_text(qtbot, dialog.house_number, "7")
        type_text(qtbot, dialog.head_form.name, "Hoàng Văn Ước")
        dialog.head_form.year.setValue(1950)
        dialog.head_form.sex.setCurrentIndex(dialog.head_form.sex.findData("M"))
        type_text(qtbot, dialog.head_form.citizen_id, "006050001234")
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()

    on_modal(qtbot, HouseholdDialog, household_form)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    assert page.model.rowCount() == 1
    assert page.model.index(0, COL_HEAD).data() == "Hoàng Văn Ước"
    detail = next(d for d in page.findChildren(HouseholdDetailDialog) if d.isVisible())
    assert detail.people.item(0, 4).text() == "•••••••••234"
    assert detail.people.item(0, 1).text() == "1950"

    def delivery_form(dialog: DeliveryDialog) -> None:
        dialog.items.clear()
        type_text(qtbot, dialog.items, "Gạo 10 kg, Thuốc hạ sốt 10 viên")
        type_text(qtbot, dialog.delivered_by, "Tổ Covid cộng đồng")
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()

    on_modal(qtbot, DeliveryDialog, delivery_form)
    detail.tabs.setCurrentIndex(3)
    qtbot.mouseClick(detail.deliver_button, Qt.MouseButton.LeftButton)
    assert detail.deliveries.item(0, 1).text() == "Gạo 10 kg, Thuốc hạ sốt 10 viên"
    assert detail.deliveries.item(0, 3).text() == "Hoàng Văn Ước"  # signed for by the head
    qtbot.mouseClick(detail.undo_button, Qt.MouseButton.LeftButton)
    assert detail.deliveries.rowCount() == 0
    assert household_detail(db, detail.household_id).deliveries == []
    detail.close()
    page.undo_stack.undo()  # the new household
    assert page.model.rowCount() == 0
    page.undo_stack.undo()  # the new area
    assert page.areas == []
    page.undo_stack.redo()  # the area comes back as it was (same id)...
    page.undo_stack.redo()  # ...so the household made in it comes back too
    assert [(a.name, a.households) for a in page.areas] == [("Khu phong tỏa Nà Làng", 1)]
