"""The overview's "commune profile not filled in" message is computed from the data when shown:
there while no profile is saved, gone once it is saved in Settings (issue 17: a stale "Hồ sơ
xã còn thiếu…" after it was filled)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from fieldapp.demo import DEMO_PROFILE
from fieldapp.profile import save_profile
from ui.i18n import install_language
from ui.main_window import MainWindow
from ui.pages.overview import OverviewPage

NOT_FILLED = "Chưa nhập hồ sơ xã (vào Cài đặt)."


def test_the_profile_message_goes_when_the_overview_is_refreshed(qtbot, db):
    install_language("vi")
    page = OverviewPage(db)
    qtbot.addWidget(page)
    page.show()
    assert page.commune_label.text() == NOT_FILLED
    save_profile(db, DEMO_PROFILE)
    page.refresh()
    assert page.commune_label.text() != NOT_FILLED
    assert page.commune_label.text().startswith("Xã ")


def test_the_profile_message_goes_once_settings_are_saved_in_the_window(qtbot, db):
    install_language("vi")
    win = MainWindow(db)
    qtbot.addWidget(win)
    win.show()
    overview = win.pages["overview"]
    assert overview.commune_label.text() == NOT_FILLED
    settings = win.pages["settings"]
    settings.form.set_profile(DEMO_PROFILE)
    settings.save_button.setEnabled(True)
    qtbot.mouseClick(settings.save_button, Qt.MouseButton.LeftButton)
    assert settings.status.text() == "Đã lưu."
    assert overview.commune_label.text() not in ("", NOT_FILLED)
    assert "Bằng Lãng" in overview.commune_label.text()
