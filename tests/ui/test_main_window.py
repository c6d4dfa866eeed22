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
    # Filled and saved: the message about the missing field goes (it was stale before).
    page.form.commune_name.selectAll()
    qtbot.keyClicks(page.form.commune_name, "Bang Lang Moi")  # QTest types Latin-1 only
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: load_profile(demo_db).commune_name == "Bang Lang Moi")
    qtbot.waitUntil(lambda: "còn thiếu" not in page.status.text())


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


# --- dialogs: one per record, covered by the lock, buttons in place, messages from the data --


def _first_household(db) -> int:
    from sqlalchemy import select

    from fieldapp.households.models import Household

    with db.session() as s:
        return s.scalars(select(Household.id).order_by(Household.id)).first()


def test_opening_a_household_twice_brings_the_first_dialog_to_front(window, qtbot, demo_db):
    from ui.pages.households.detail import HouseholdDetailDialog

    window.show_page("households")
    page = window.pages["households"]
    hid = _first_household(demo_db)
    first = page.open_household(hid)
    second = page.open_household(hid)  # a double click that also pressed Enter
    assert second is first
    shown = [d for d in page.findChildren(HouseholdDetailDialog) if d.isVisible()]
    assert shown == [first]
    first.close_button.click()
    qtbot.waitUntil(
        lambda: not any(d.isVisible() for d in page.findChildren(HouseholdDetailDialog))
    )
    third = page.open_household(hid)
    assert third.isVisible()
    third.close_button.click()


def test_closing_the_window_with_a_household_open_prints_nothing(qtbot, demo_db, capfd):
    """Regression: "RuntimeError: ... QPushButton already deleted" at close."""
    import shiboken6

    win = MainWindow(demo_db)
    win.show()
    win.show_page("households")
    page = win.pages["households"]
    dialog = page.open_household(_first_household(demo_db))
    dialog.notes.setText("ghi chú mới")
    dialog.save_household.click()
    from ui.operations import wait_for_operations

    assert wait_for_operations()
    win.close()
    shiboken6.delete(win)  # the page, its undo stack and the open dialog go together
    qtbot.wait(50)
    assert "already deleted" not in capfd.readouterr().err


def test_idle_lock_covers_every_open_dialog_and_keeps_its_content(qtbot, demo_db, monkeypatch):
    from fieldapp.accounts.service import create_user, sign_in
    from ui import safety
    from ui.dialogs import show_once
    from ui.safety import LockCover

    create_user(demo_db, "admin", "mật-khẩu-8", full_name="Hoàng Văn Thắng")
    sign_in(demo_db, "admin", "mật-khẩu-8", sleep=lambda _s: None)
    win = MainWindow(demo_db)
    qtbot.addWidget(win)
    win.show()

    from PySide6.QtWidgets import QDialog, QLineEdit, QVBoxLayout

    def build():
        dialog = QDialog(win)
        QVBoxLayout(dialog).addWidget(QLineEdit("Nguyễn Văn An 0912345678"))
        dialog.resize(400, 200)
        return dialog

    dialog = show_once(("test", 1), build)
    seen = {}

    def fake_sign_in(db, parent, *, locked=False):
        covers = [c for c in dialog.findChildren(LockCover) if c.isVisible()]
        seen["covered"] = bool(covers) and covers[0].geometry().contains(dialog.rect())
        seen["window"] = win.centralWidget().isVisible()
        return True

    monkeypatch.setattr(safety, "ask_sign_in", fake_sign_in)
    win.lock()
    assert seen == {"covered": True, "window": False}
    assert dialog.isVisible()  # nothing closed, nothing lost
    assert dialog.findChild(QLineEdit).text() == "Nguyễn Văn An 0912345678"
    qtbot.waitUntil(lambda: not [c for c in dialog.findChildren(LockCover) if c.isVisible()])
    dialog.close()


def test_undo_button_keeps_its_width_so_its_neighbours_stay(window, qtbot):
    from PySide6.QtGui import QUndoCommand
    from PySide6.QtWidgets import QPushButton

    from ui.widgets.undo_button import FixedWidthButton

    window.show_page("households")
    page = window.pages["households"]
    assert isinstance(page.undo_button, FixedWidthButton)
    row = page.undo_button.parentWidget()
    neighbours = [b for b in row.findChildren(QPushButton) if b.isVisible()]
    before = {b.text(): b.geometry() for b in neighbours if b is not page.undo_button}
    long_text = "sửa thông tin hộ gia đình của ông Hoàng Văn Thắng, thôn Nà Pài, xã Bằng Lãng"
    page.undo_stack.push(QUndoCommand(long_text))
    qtbot.wait(10)
    after = {b.text(): b.geometry() for b in neighbours if b is not page.undo_button}
    assert after == before
    assert page.undo_button.toolTip().endswith("xã Bằng Lãng")
    assert (
        page.undo_button.fontMetrics().horizontalAdvance(page.undo_button.text().replace("&", ""))
        <= page.undo_button.width()
    )
    page.undo_stack.push(QUndoCommand("xóa"))
    qtbot.wait(10)
    assert {b.text(): b.geometry() for b in neighbours if b is not page.undo_button} == before


def test_overview_says_no_shift_rather_than_all_filled(qtbot, db):
    from fieldapp.demo import DEMO_PROFILE
    from fieldapp.profile import save_profile

    save_profile(db, DEMO_PROFILE)
    install_language("vi")
    win = MainWindow(db)
    qtbot.addWidget(win)
    win.show()
    captions = [c.caption.text() for c in win.pages["overview"].cards]
    assert not any("đều đủ người" in c for c in captions), captions
    assert any("chưa xếp ca nào" in c for c in captions), captions


def test_checkpoint_message_goes_once_a_site_exists(qtbot, db):
    from fieldapp.demo import DEMO_PROFILE
    from fieldapp.profile import save_profile
    from fieldapp.rostering.register import add_site
    from ui.pages.checkpoints.log_widget import CheckpointLogWidget

    save_profile(db, DEMO_PROFILE)
    install_language("vi")
    widget = CheckpointLogWidget(db)
    qtbot.addWidget(widget)
    widget.show()
    widget.refresh()
    assert widget.error.text().startswith("Chưa có chốt nào")
    from datetime import date

    add_site(db, "Chốt kiểm soát Cầu Bằng Lãng", active_from=date.today())
    widget.refresh()
    assert widget.error.text() == ""
    assert widget.name.isEnabled()
