"""Accounts, the idle lock, backups and the change log, driven from the window like a person."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from fieldapp.accounts.service import create_user, list_users, sign_in, sign_out
from fieldapp.backup import list_backups
from fieldapp.profile import load_profile
from tests.ui.typing import type_text
from ui import safety
from ui.accounts import AdminSetupDialog, SignInDialog, UserEditDialog
from ui.audit_dialog import AuditDialog
from ui.i18n import install_language
from ui.main_window import PAGE_KEYS, MainWindow
from ui.operations import wait_for_operations

PASSWORD = "mật-khẩu-8"


def no_sleep(_s):
    return None


@pytest.fixture
def staffed(demo_db):
    """The demo commune with four accounts; nobody signed in."""
    create_user(demo_db, "admin", PASSWORD, full_name="Hoàng Văn Thắng")
    create_user(demo_db, "canbo", PASSWORD, full_name="Lường Thị Hoa", role="officer")
    create_user(demo_db, "truongca", PASSWORD, role="shift_leader")
    sign_out(demo_db)
    return demo_db


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def test_admin_setup_checks_the_repeated_password(qtbot, db):
    install_language("vi")
    dialog = AdminSetupDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(qtbot, dialog.full_name, "Hoàng Văn Thắng")
    type_text(qtbot, dialog.password, PASSWORD)
    type_text(qtbot, dialog.again, "khác-hẳn-1")
    click(qtbot, dialog.ok_button)
    assert dialog.isVisible() and "không giống nhau" in dialog.error.text()
    assert list_users(db) == []
    dialog.again.clear()
    type_text(qtbot, dialog.again, PASSWORD)
    click(qtbot, dialog.ok_button)
    assert dialog.result() == QDialog.DialogCode.Accepted
    (user,) = list_users(db)
    assert (user.username, user.role, user.full_name) == ("admin", "admin", "Hoàng Văn Thắng")
    assert db.actor.username == "admin"


def test_sign_in_refuses_a_wrong_password_then_accepts(qtbot, staffed, monkeypatch):
    monkeypatch.setattr("fieldapp.accounts.service.time.sleep", no_sleep)
    install_language("vi")
    dialog = SignInDialog(staffed)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(qtbot, dialog.username, "canbo")
    type_text(qtbot, dialog.password, "sai")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.isVisible() and "Sai tên đăng nhập hoặc mật khẩu" in dialog.error.text()
    assert dialog.password.text() == "" and staffed.actor is None
    type_text(qtbot, dialog.password, PASSWORD)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert staffed.actor.username == "canbo"


def test_shift_leader_sees_only_the_pages_of_the_role(qtbot, staffed):
    sign_in(staffed, "truongca", PASSWORD, sleep=no_sleep)
    window = MainWindow(staffed)
    qtbot.addWidget(window)
    window.show()
    visible = [k for row, k in enumerate(PAGE_KEYS) if not window.nav.item(row).isHidden()]
    assert visible == ["overview", "rosters", "settings"]
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)  # Văn bản
    assert window.current_page_key() != "directives"
    assert "truongca" in window.statusBar().currentMessage()


def test_idle_lock_hides_the_window_and_asks_again(qtbot, staffed, monkeypatch):
    sign_in(staffed, "canbo", PASSWORD, sleep=no_sleep)
    window = MainWindow(staffed)
    qtbot.addWidget(window)
    window.show()
    asked = []

    def fake_sign_in(db, parent, *, locked=False):
        asked.append((locked, window.centralWidget().isVisible(), db.actor.username))
        return True

    monkeypatch.setattr(safety, "ask_sign_in", fake_sign_in)
    window.enable_safety()
    assert window.idle_lock is not None and window.idle_lock.minutes == 10
    # any key press starts the count again
    window.idle_lock.timer.start(60_000)
    qtbot.keyClick(window.nav, Qt.Key.Key_Down)
    assert window.idle_lock.timer.remainingTime() > 9 * 60_000
    assert asked == []
    window.idle_lock.set_minutes(0.002)  # about a tenth of a second without use
    qtbot.waitUntil(lambda: bool(asked), timeout=3000)
    assert asked[0] == (True, False, "canbo")
    assert window.centralWidget().isVisible()
    window.idle_lock.set_minutes(0)


def test_closing_the_window_makes_a_backup(qtbot, demo_db):
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    window.show()
    window.enable_safety()
    assert not [b for b in list_backups(demo_db.paths) if b.automatic]
    window.close()
    assert wait_for_operations()  # the last backup runs off the GUI thread, then it closes
    assert not window.isVisible()
    backups = [b for b in list_backups(demo_db.paths) if b.automatic]
    assert len(backups) == 1


def test_back_up_now_from_settings(qtbot, demo_db, monkeypatch):
    install_language("vi")
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: told.append(a[2]))
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    window.show()
    window.show_page("settings")
    box = window.settings_page.backup_box
    assert box.now_button.text() == "&Sao lưu ngay"
    click(qtbot, box.now_button)
    assert wait_for_operations()
    assert told and told[0].startswith("Đã sao lưu vào")
    assert len(list_backups(demo_db.paths)) == 1
    assert "Bản sao lưu gần nhất" in box.last.text()


def test_admin_adds_an_account_and_the_change_log_shows_it(qtbot, staffed):
    install_language("vi")
    sign_in(staffed, "admin", PASSWORD, sleep=no_sleep)
    dialog = UserEditDialog(staffed)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(qtbot, dialog.username, "xem")
    type_text(qtbot, dialog.full_name, "Nông Thị Lan")
    dialog.role.setCurrentIndex(dialog.role.findData("viewer"))
    type_text(qtbot, dialog.password, PASSWORD)
    click(qtbot, dialog.ok_button)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert {u.username: u.role for u in list_users(staffed)}["xem"] == "viewer"

    log = AuditDialog(staffed)
    qtbot.addWidget(log)
    log.show()
    rows = [
        [log.table.item(r, c).text() for c in range(log.table.columnCount())]
        for r in range(log.table.rowCount())
    ]
    assert rows[0][1] == "admin" and rows[0][2] == "thêm mới" and rows[0][3] == "user_account"
    assert "Nông Thị Lan" in rows[0][5] and "argon2" not in rows[0][5]
    click(qtbot, log.verify_button)
    assert "Nhật ký nguyên vẹn" in log.status.text()


def test_viewer_cannot_change_the_profile_from_settings(qtbot, staffed):
    create_user_as_admin = sign_in(staffed, "admin", PASSWORD, sleep=no_sleep)
    assert create_user_as_admin.role == "admin"
    create_user(staffed, "xem", PASSWORD, role="viewer")
    sign_in(staffed, "xem", PASSWORD, sleep=no_sleep)
    install_language("vi")
    window = MainWindow(staffed)
    qtbot.addWidget(window)
    window.show()
    window.show_page("settings")
    page = window.settings_page
    page.form.phone.clear()
    type_text(qtbot, page.form.phone, "0209 999 999")
    click(qtbot, page.save_button)
    assert "không được thay đổi" in page.status.text()
    assert load_profile(staffed).phone == "0209 3882 135"


def test_household_phones_are_masked_for_a_viewer(qtbot, staffed):
    from fieldapp.households.listing import HouseholdFilter
    from ui.pages.households.table_model import COL_PHONE, HouseholdTableModel

    def phones():
        model = HouseholdTableModel(staffed)
        model.set_filter(HouseholdFilter())
        return [model.index(r, COL_PHONE).data() for r in range(min(20, model.rowCount()))]

    sign_in(staffed, "canbo", PASSWORD, sleep=no_sleep)
    full = [p for p in phones() if p]
    assert full and all("•" not in p for p in full)
    sign_in(staffed, "admin", PASSWORD, sleep=no_sleep)
    create_user(staffed, "xem", PASSWORD, role="viewer")
    sign_in(staffed, "xem", PASSWORD, sleep=no_sleep)
    masked = [p for p in phones() if p]
    assert masked and all(p.startswith("•") and p[-3:].isdigit() for p in masked)
    assert [p[-3:] for p in masked] == [p[-3:] for p in full]


def test_sign_out_and_switch_user_on_a_shared_laptop(qtbot, staffed, monkeypatch):
    install_language("vi")
    sign_in(staffed, "canbo", PASSWORD, sleep=no_sleep)
    window = MainWindow(staffed)
    qtbot.addWidget(window)
    window.show()
    window.show_page("settings")
    box = window.settings_page.account_box
    assert box.switch_button.isVisible() and "Đăng" in box.switch_button.text()
    seen = []

    def next_person(db, parent, *, locked=False):
        seen.append((db.actor, window.centralWidget().isVisible()))
        sign_in(db, "truongca", PASSWORD, sleep=no_sleep)
        return True

    monkeypatch.setattr(safety, "ask_sign_in", next_person)
    click(qtbot, box.switch_button)
    assert seen == [(None, False)]  # signed out first, the content hidden while asking
    assert staffed.actor.username == "truongca"
    visible = [k for row, k in enumerate(PAGE_KEYS) if not window.nav.item(row).isHidden()]
    assert visible == ["overview", "rosters", "settings"]


def test_restore_in_the_window_needs_an_admin_and_says_what_it_replaces(
    qtbot, staffed, tmp_path, monkeypatch
):
    from fieldapp.backup import backup_now

    install_language("vi")
    copy = backup_now(staffed.paths, tmp_path / "copy.sqlite3")
    monkeypatch.setattr(
        "ui.widgets.safety_box.QFileDialog.getOpenFileName", lambda *a, **k: (str(copy), "")
    )
    asked, errors = [], []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.No,
    )
    monkeypatch.setattr("ui.widgets.safety_box.show_error", lambda _w, e: errors.append(e))
    sign_in(staffed, "canbo", PASSWORD, sleep=no_sleep)
    window = MainWindow(staffed)
    qtbot.addWidget(window)
    window.show()
    window.show_page("settings")
    box = window.settings_page.backup_box
    assert not box.restore_button.isVisible()  # an officer does not even see it
    box._on_restore()
    assert errors and "quản trị" in str(errors[0]) and not asked
    sign_in(staffed, "admin", PASSWORD, sleep=no_sleep)
    box.refresh()
    assert box.restore_button.isVisible()
    click(qtbot, box.restore_button)
    assert asked and "Sẽ thay dữ liệu hiện tại" in asked[0] and "hộ" in asked[0]
