"""The main window, driven like a person: clicks, keys, typing; then check screen and database."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from fieldapp.profile import load_profile
from fieldapp.settings import get_setting
from tests.ui.typing import type_text
from ui.i18n import install_language
from ui.main_window import PAGE_KEYS, MainWindow

VIETNAMESE_NAV = [
    "Tổng quan",
    "Văn bản chỉ đạo",
    "Lịch trực",
    "Hộ phong tỏa",
    "Báo cáo",
    "Đồng bộ",
    "Cài đặt",
]


@pytest.fixture
def window(qtbot, demo_db):
    install_language("vi")
    win = MainWindow(demo_db)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    yield win
    install_language("vi")


def nav_texts(win: MainWindow) -> list[str]:
    return [win.nav.item(i).text() for i in range(win.nav.count())]


def visible_texts(widget) -> list[str]:
    return [label.text() for label in widget.findChildren(QLabel) if label.isVisible()]


def test_navigation_is_vietnamese_and_opens_on_overview(window):
    assert nav_texts(window) == VIETNAMESE_NAV
    assert window.current_page_key() == "overview"
    texts = visible_texts(window.stack.currentWidget())
    assert "Tổng quan" in texts
    assert "Xã Bằng Lãng, huyện Chợ Đồn, tỉnh Bắc Kạn" in texts
    assert "3" in texts  # the three demo directives kept as documents


def test_keyboard_shortcuts_switch_pages(window, qtbot):
    for index, key in enumerate(PAGE_KEYS):
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_1 + index), Qt.KeyboardModifier.ControlModifier)
        assert window.current_page_key() == key
        assert window.nav.currentRow() == index


def test_clicking_the_navigation(window, qtbot):
    item = window.nav.item(PAGE_KEYS.index("settings"))
    rect = window.nav.visualItemRect(item)
    qtbot.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_page_key() == "settings"


def test_edit_profile_in_settings_and_save(window, qtbot, demo_db):
    window.show_page("settings")
    page = window.settings_page
    assert not page.save_button.isEnabled()
    page.form.phone.clear()
    type_text(qtbot, page.form.phone, "0912 345 678")
    page.form.chairman_name.selectAll()
    type_text(qtbot, page.form.chairman_name, "Đặng Thị Hương")
    assert page.save_button.isEnabled()
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    saved = load_profile(demo_db)
    assert saved.phone == "0912 345 678"
    assert saved.chairman_name == "Đặng Thị Hương"
    assert page.status.text() == "Đã lưu."
    assert not page.save_button.isEnabled()


def test_profile_with_an_empty_required_field_is_not_saved(window, qtbot, demo_db):
    window.show_page("settings")
    page = window.settings_page
    page.form.commune_name.selectAll()
    qtbot.keyClick(page.form.commune_name, Qt.Key.Key_Delete)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert "Hồ sơ xã còn thiếu: tên xã" in page.status.text()
    assert load_profile(demo_db).commune_name == "Bằng Lãng"
    qtbot.mouseClick(page.revert_button, Qt.MouseButton.LeftButton)  # undo the mistake
    assert page.form.commune_name.text() == "Bằng Lãng"


def test_switch_to_english_and_back(window, qtbot, demo_db):
    window.show_page("settings")
    page = window.settings_page
    page.language.setFocus()
    qtbot.keyClick(page.language, Qt.Key.Key_Down)  # Tiếng Việt -> English
    qtbot.waitUntil(lambda: nav_texts(window)[0] == "Overview")
    assert page.title_label.text() == "Settings"
    assert page.form._labels_by_name["commune_name"].text() == "Commune name *"
    assert get_setting(demo_db, "language") == "en"
    qtbot.keyClick(page.language, Qt.Key.Key_Up)
    qtbot.waitUntil(lambda: nav_texts(window) == VIETNAMESE_NAV)
    assert get_setting(demo_db, "language") == "vi"


def test_geometry_and_page_are_remembered(qtbot, demo_db):
    install_language("vi")
    first = MainWindow(demo_db)
    qtbot.addWidget(first)
    first.show()
    first.resize(1200, 680)
    first.show_page("sync")
    qtbot.wait(10)
    first.close()
    second = MainWindow(demo_db)
    qtbot.addWidget(second)
    second.show()
    assert (second.width(), second.height()) == (1200, 680)
    assert second.current_page_key() == "sync"


def test_nothing_is_clipped_at_1366x768(window):
    for key in PAGE_KEYS:
        window.show_page(key)
        page = window.stack.currentWidget()
        assert page.minimumSizeHint().width() <= window.stack.width(), key
        assert page.minimumSizeHint().height() <= window.stack.height(), key
