"""Issue 17 on the households page: the Excel export runs through the operation runner, the
page's refusals reach the one error sink, and "recorded by" is the signed-in person."""

from __future__ import annotations

import threading
from datetime import date, datetime, timedelta

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QFileDialog, QMessageBox
from sqlalchemy import select

import ui.pages.households as households_page
from fieldapp.accounts.service import create_user, sign_in, sign_out
from fieldapp.households.models import HealthStatus
from fieldapp.households.service import (
    AreaInput,
    HouseholdInput,
    MemberInput,
    add_area,
    add_household,
)
from fieldapp.settings import get_setting, set_setting
from tests.core.households.workbooks import copy_of_demo
from tests.ui.test_households_page import on_modal
from ui import errors
from ui.i18n import install_language
from ui.operations import wait_for_operations
from ui.pages.households import HouseholdsPage
from ui.pages.households.detail import HouseholdDetailDialog
from ui.pages.households.dialogs import StatusDialog

PASSWORD = "mật-khẩu-8"


@pytest.fixture
def shown(monkeypatch):
    """What the error sink would have shown, instead of a modal box."""
    boxes: list[str] = []
    monkeypatch.setattr(errors, "_box_factory", lambda _i, _t, text, _x: boxes.append(text))
    return boxes


@pytest.fixture
def informed(monkeypatch):
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a, **k: said.append(text))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    return said


def one_household(db, *names: str) -> int:
    area = add_area(
        db,
        AreaInput(
            name="Khu Nà Pài",
            villages="Nà Pài",
            regime="CT16",
            started_on=date.today() - timedelta(days=2),
        ),
    )
    people = [MemberInput(n, 1980 + i, is_head=i == 0) for i, n in enumerate(names)]
    return add_household(db, area, HouseholdInput(village="Nà Pài"), people)


def test_export_runs_off_the_gui_thread_with_the_households(qtbot, tmp_path, informed, monkeypatch):
    install_language("vi")
    demo_db = copy_of_demo(tmp_path / "template", tmp_path / "data")
    page = HouseholdsPage(demo_db)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    page.area_list.setCurrentRow(2)  # Khu phong tỏa thôn Nà Pài, 88 households
    target = tmp_path / "xuat.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    monkeypatch.setattr(households_page, "confirm_personal_export", lambda _p: True)
    threads: list[threading.Thread] = []
    real = households_page.export_households

    def recording(*args, **kwargs):
        threads.append(threading.current_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(households_page, "export_households", recording)
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    assert wait_for_operations(30)
    assert threads and threads[0] is not threading.main_thread()
    assert target.exists()
    book = load_workbook(target)
    assert book.sheetnames == ["Khu phong tỏa thôn Nà Pài"]
    assert informed and "88 hộ" in informed[-1]
    page.close()
    demo_db.close()


def test_a_refused_export_goes_to_the_error_sink(qtbot, db, tmp_path, shown, monkeypatch):
    install_language("vi")
    page = HouseholdsPage(db)  # no lockdown area yet: nothing to export
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    target = tmp_path / "xuat.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    monkeypatch.setattr(households_page, "confirm_personal_export", lambda _p: True)
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    assert wait_for_operations(20)
    assert shown == ["Chưa có khu vực phong tỏa nào để xuất."]
    assert not target.exists()
    page.close()


def test_a_refused_removal_in_the_detail_goes_to_the_error_sink(qtbot, db, shown, informed):
    install_language("vi")
    household = one_household(db, "Nông Văn Dũng", "Lường Thị Hoa")
    dialog = HouseholdDetailDialog(db, household, QUndoStack())
    qtbot.addWidget(dialog)
    dialog.show()
    heads = [m.full_name for m in dialog.detail.members]
    dialog.people.selectRow(heads.index("Nông Văn Dũng"))
    qtbot.mouseClick(dialog.remove_member_button, Qt.MouseButton.LeftButton)
    assert shown == ["Không xóa được chủ hộ khi hộ còn người khác: hãy đổi chủ hộ trước."]
    assert len(dialog.detail.members) == 2


def test_the_author_is_the_signed_in_person_not_the_last_typed_name(qtbot, db, informed):
    install_language("vi")
    set_setting(db, "households.author", "A")  # typed by someone else before
    household = one_household(db, "Nông Văn Dũng")
    create_user(db, "admin", PASSWORD)
    create_user(db, "canbo", PASSWORD, full_name="Lường Thị Hoa", role="officer")
    sign_out(db)
    sign_in(db, "canbo", PASSWORD, sleep=lambda _s: None)
    assert db.accounts_enabled and db.actor.full_name == "Lường Thị Hoa"

    dialog = HouseholdDetailDialog(db, household, QUndoStack())
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.people.selectRow(0)
    seen = {}

    def record(status: StatusDialog) -> None:
        seen["author"] = status.author.text()
        status.status.setCurrentIndex(status.status.findData("F1"))
        status.buttons.button(status.buttons.StandardButton.Save).click()

    on_modal(qtbot, StatusDialog, record)
    qtbot.mouseClick(dialog.status_button, Qt.MouseButton.LeftButton)
    assert seen["author"] == "Lường Thị Hoa"
    with db.session() as s:
        entry = s.scalars(select(HealthStatus).order_by(HealthStatus.id.desc())).first()
        assert (entry.status, entry.author) == ("F1", "Lường Thị Hoa")
    assert get_setting(db, "households.author") == "A"  # the shared setting is not the author

    dialog.history.selectRow(0)
    qtbot.mouseClick(dialog.cancel_entry_button, Qt.MouseButton.LeftButton)
    with db.session() as s:
        cancelled = s.get(HealthStatus, entry.id)
        assert cancelled.cancelled_at is not None
        assert cancelled.cancelled_by == "Lường Thị Hoa"


def test_without_accounts_the_last_typed_name_is_offered(qtbot, db, informed):
    install_language("vi")
    set_setting(db, "households.author", "Ma Văn Tùng")
    household = one_household(db, "Nông Văn Dũng")
    assert db.actor is None
    dialog = HouseholdDetailDialog(db, household, QUndoStack())
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.people.selectRow(0)
    seen = {}

    def record(status: StatusDialog) -> None:
        seen["author"] = status.author.text()
        status.author.setText("Hoàng Thị Mai")
        status.status.setCurrentIndex(status.status.findData("F1"))
        status.buttons.button(status.buttons.StandardButton.Save).click()

    on_modal(qtbot, StatusDialog, record)
    qtbot.mouseClick(dialog.status_button, Qt.MouseButton.LeftButton)
    assert seen["author"] == "Ma Văn Tùng"
    with db.session() as s:
        entry = s.scalars(select(HealthStatus).order_by(HealthStatus.id.desc())).first()
        assert entry.author == "Hoàng Thị Mai"
    assert get_setting(db, "households.author") == "Hoàng Thị Mai"


def test_a_failed_restore_goes_to_the_error_sink_once(qapp, tmp_path, shown, monkeypatch):
    import fieldapp.backup
    import ui.app
    from fieldapp.config import resolve_paths
    from fieldapp.errors import DamagedData

    paths = resolve_paths(tmp_path / "data")
    monkeypatch.setitem(errors._state, "data_dir", paths.data_dir)  # the sink could offer
    offered = []

    class Backup:
        path = tmp_path / "old.fieldapp-backup"
        taken_at = datetime(2021, 8, 1, 7, 30)

    def newest(_paths):
        offered.append(1)
        return Backup

    def refused(_paths, _file, **_kw):
        raise DamagedData("Tệp sao lưu bị hỏng.")

    monkeypatch.setattr(fieldapp.backup, "newest_good_backup", newest)
    monkeypatch.setattr(fieldapp.backup, "restore", refused)
    monkeypatch.setattr(QMessageBox, "exec", lambda _box: QMessageBox.StandardButton.Yes)
    assert ui.app.offer_restore(paths, "Cơ sở dữ liệu bị hỏng.") is False
    assert shown == ["Tệp sao lưu bị hỏng."]
    assert offered == [1]  # the same restore is not offered again by the sink
