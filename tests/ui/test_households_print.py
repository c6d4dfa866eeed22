"""The "In" dialog of the households page: choose a paper, see it, save it as PDF."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from fieldapp.households.service import find_area, list_areas
from tests.core.households.workbooks import copy_of_demo
from ui import operations
from ui.i18n import install_language
from ui.pages.households.print_dialog import PrintChoice, PrintDialog


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory):
    return tmp_path_factory.mktemp("demo-template") / "data"


@pytest.fixture
def demo_db(demo_template, tmp_path):
    database = copy_of_demo(demo_template, tmp_path / "data")
    yield database
    database.close()


def _text(data: bytes) -> str:
    return " ".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


def _wait(qtbot, dialog: PrintDialog) -> None:
    qtbot.waitUntil(lambda: not dialog._timer.isActive() and not dialog._busy, timeout=30_000)
    assert operations.wait_for_operations(30)
    qtbot.waitUntil(lambda: not dialog._busy, timeout=30_000)


def _choose(qtbot, combo, data) -> None:
    index = combo.findData(data)
    assert index >= 0, data
    combo.setFocus()
    combo.setCurrentIndex(index)


def test_door_to_door_preview_and_save(qtbot, demo_db, tmp_path) -> None:
    install_language("vi")
    area = list_areas(demo_db)[0]
    dialog = PrintDialog(demo_db, PrintChoice(area_id=area.id))
    qtbot.addWidget(dialog)
    dialog.show()
    _wait(qtbot, dialog)
    assert dialog.pages >= 1 and dialog.pdf_document.pageCount() == dialog.pages
    text = _text(dialog.pdf_data)
    assert "DANH SÁCH HỘ GIA ĐÌNH" in text and "Ký tên" in text
    assert dialog.save_button.isEnabled() and dialog.print_button.isEnabled()
    target = tmp_path / "door.pdf"
    dialog.save_to(str(target))
    assert operations.wait_for_operations(30)
    assert target.read_bytes() == dialog.pdf_data
    assert "door.pdf" in dialog.message.text()


def test_switching_to_support68_makes_the_support_list(qtbot, demo_db) -> None:
    install_language("vi")
    area = find_area(demo_db, "Khu phong tỏa thôn Nà Pài")
    dialog = PrintDialog(demo_db, PrintChoice(area_id=area.id))
    qtbot.addWidget(dialog)
    dialog.show()
    _wait(qtbot, dialog)
    _choose(qtbot, dialog.paper, "support68")
    assert dialog.start.isVisible() and dialog.end.isVisible() and not dialog.round.isVisible()
    assert not dialog.save_button.isEnabled()  # the preview is stale until it is made again
    dialog.start.setDate(dialog.end.date().addDays(-40))
    _wait(qtbot, dialog)
    text = _text(dialog.pdf_data)
    assert "Nghị quyết số 68/NQ-CP" in text and "Bằng chữ:" in text


def test_a_mistake_shows_a_message_and_no_pdf(qtbot, demo_db) -> None:
    install_language("vi")
    area = list_areas(demo_db)[0]
    dialog = PrintDialog(demo_db, PrintChoice(area_id=area.id, paper="support68"))
    qtbot.addWidget(dialog)
    dialog.show()
    _wait(qtbot, dialog)
    dialog.start.setDate(dialog.end.date().addDays(5))  # from after to
    _wait(qtbot, dialog)
    assert dialog.pdf_data == b"" and dialog.pages == 0
    assert "sau ngày đầu" in dialog.message.text()
    assert not dialog.save_button.isEnabled()


def test_household_page_print_button_opens_the_dialog_on_the_selected_household(
    qtbot, demo_db
) -> None:
    from ui.pages.households import HouseholdsPage

    install_language("vi")
    page = HouseholdsPage(demo_db)
    qtbot.addWidget(page)
    page.resize(1156, 700)
    page.show()
    page.refresh()
    page.table.selectRow(0)
    qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    dialog = page.print_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.area_id() == page.area_id() or page.area_id() is None
    assert dialog.person.count() > 1  # the selected household's people
    _choose(qtbot, dialog.paper, "isolation-decision")
    _wait(qtbot, dialog)
    assert dialog.person.isVisible()
    dialog.close()


def test_dialog_in_english(qtbot, demo_db) -> None:
    install_language("en")
    try:
        dialog = PrintDialog(demo_db, PrintChoice())
        qtbot.addWidget(dialog)
        assert dialog.paper.itemText(0) == "Door-to-door list"
    finally:
        install_language("vi")
    dialog.retranslate()
    assert dialog.paper.itemText(0) == "Danh sách hộ đi từng nhà"


def test_work_list_print_buttons_open_the_paper_of_the_list(qtbot, demo_db) -> None:
    from ui.pages.households.worklists import WorklistsPanel

    install_language("vi")
    panel = WorklistsPanel(demo_db)
    qtbot.addWidget(panel)
    panel.resize(1156, 700)
    panel.show()
    panel.refresh()
    assert panel.round.count() > 0
    qtbot.mouseClick(panel.print_buttons["test-round"], Qt.MouseButton.LeftButton)
    dialog = panel.print_dialog
    assert dialog is not None and dialog.paper.currentData() == "test-round"
    assert dialog.round.currentData() == panel.round.currentData()
    _wait(qtbot, dialog)
    assert dialog.pages >= 1 and "DANH SÁCH XÉT NGHIỆM" in _text(dialog.pdf_data)
    dialog.close()
    qtbot.mouseClick(panel.print_buttons["relief"], Qt.MouseButton.LeftButton)
    assert panel.print_dialog.paper.currentData() == "relief"
    _wait(qtbot, panel.print_dialog)
    assert "CẤP PHÁT HÀNG HỖ TRỢ" in _text(panel.print_dialog.pdf_data)
    panel.print_dialog.close()


def test_support68_settings_group_saves_rates_and_kinds(qtbot, demo_db) -> None:
    from fieldapp.households.support68 import rules_from_settings
    from tests.ui.typing import type_text
    from ui.pages.households.support68_settings import Support68Settings

    install_language("vi")
    box = Support68Settings(demo_db)
    qtbot.addWidget(box)
    box.show()
    assert box.daily_rate.value() == 80_000 and not box.save_button.isEnabled()
    box.f1_max_days.selectAll()
    type_text(qtbot, box.f1_max_days.lineEdit(), "14")
    qtbot.mouseClick(box.f1_kinds["home"], Qt.MouseButton.LeftButton)  # home no longer counts
    assert box.save_button.isEnabled()
    qtbot.mouseClick(box.save_button, Qt.MouseButton.LeftButton)
    rules = rules_from_settings(demo_db)
    assert rules.f1_max_days == 14 and rules.f1_isolations == frozenset({"central"})
    assert rules.daily_rate == 80_000 and not box.save_button.isEnabled()
