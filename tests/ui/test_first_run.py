"""The first-run dialog: the profile is asked once; demo or empty register."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox
from sqlalchemy import func, select

from fieldapp.db.models import Document
from fieldapp.profile import load_profile
from tests.ui.typing import type_text
from ui.first_run import FirstRunDialog
from ui.i18n import install_language


def start_button(dialog: FirstRunDialog):
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def test_empty_register_with_own_profile(qtbot, db):
    install_language("vi")
    dialog = FirstRunDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    assert start_button(dialog).text() == "&Bắt đầu"
    type_text(qtbot, dialog.form.commune_name, "Quảng Khê")
    type_text(qtbot, dialog.form.district_name, "Đắk Glong")
    type_text(qtbot, dialog.form.province_name, "Đắk Nông")
    qtbot.mouseClick(start_button(dialog), Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    profile = load_profile(db)
    assert (profile.commune_name, profile.district_name, profile.province_name) == (
        "Quảng Khê",
        "Đắk Glong",
        "Đắk Nông",
    )


def test_missing_fields_keep_the_dialog_open(qtbot, db):
    install_language("vi")
    dialog = FirstRunDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(qtbot, dialog.form.commune_name, "Quảng Khê")
    qtbot.mouseClick(start_button(dialog), Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert "tên huyện, tên tỉnh" in dialog.error.text()
    assert load_profile(db) is None


def test_demo_commune(qtbot, db):
    install_language("vi")
    dialog = FirstRunDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(
        dialog.demo_choice,
        Qt.MouseButton.LeftButton,
        pos=QPoint(8, dialog.demo_choice.height() // 2),
    )
    assert not dialog.form.isEnabled()
    assert dialog.form.commune_name.text() == "Bằng Lãng"
    qtbot.mouseClick(start_button(dialog), Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert load_profile(db).commune_name == "Bằng Lãng"
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Document)) == 3


def test_a_district_office_is_set_up_as_a_district(qtbot, db):
    install_language("vi")
    dialog = FirstRunDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    form = dialog.form
    assert form.commune_name.isVisible()
    form.level.setFocus()
    qtbot.keyClick(form.level, Qt.Key.Key_Down)  # a district
    assert form.current_level() == "district"
    assert not form.commune_name.isVisible() and form.district_name.isVisible()
    type_text(qtbot, form.district_name, "Tuy Đức")
    type_text(qtbot, form.province_name, "Đắk Nông")
    type_text(qtbot, form.signer_name, "Nguyễn Văn Hùng")
    qtbot.mouseClick(start_button(dialog), Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.error.text()
    profile = load_profile(db)
    assert profile.level == "district" and profile.commune_name == ""
    assert profile.commune_title == "Huyện Tuy Đức"
    assert profile.issuer_name == "ỦY BAN NHÂN DÂN HUYỆN TUY ĐỨC"
    assert profile.issuer_parent == "UBND TỈNH ĐẮK NÔNG"
    assert profile.committee_short == "BCĐ huyện Tuy Đức"
    from fieldapp.settings import get_setting

    assert get_setting(db, "sync.district_mode") is True


def test_a_province_needs_only_its_name(qtbot, db):
    install_language("vi")
    dialog = FirstRunDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    form = dialog.form
    form.level.setCurrentIndex(2)
    assert not form.district_name.isVisible()
    qtbot.mouseClick(start_button(dialog), Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "Hồ sơ tỉnh còn thiếu: tên tỉnh" in dialog.error.text()
    assert load_profile(db) is None
    type_text(qtbot, form.province_name, "Đắk Nông")
    qtbot.mouseClick(start_button(dialog), Qt.MouseButton.LeftButton)
    profile = load_profile(db)
    assert profile.level == "province" and profile.commune_title == "Tỉnh Đắk Nông"
    assert profile.issuer_parent == "" and profile.parent_full == ""
