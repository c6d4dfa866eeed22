"""Quick edits of the rosters page and the checkpoint log, undone with Ctrl+Z and redone with
Ctrl+Y like a person would, checked in the database (issue 17: one undo mechanism,
:func:`ui.operations.run_change`)."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from sqlalchemy import select

from fieldapp.checkpoints.models import CheckpointEntry
from fieldapp.rostering.store import find_site, list_sites, list_staff
from tests.core.checkpoints.conftest import make_site
from tests.ui import test_rosters_page as _rosters
from tests.ui.test_rosters_page import MONDAY, TODAY, activate, on_next_modal
from tests.ui.typing import type_text
from ui.operations import wait_for_operations
from ui.pages.checkpoints.log_widget import CheckpointLogWidget
from ui.pages.rosters.dialogs import SiteDialog, StaffDialog

CTRL = Qt.KeyboardModifier.ControlModifier

# The rosters page's own fixtures: the demo commune's roster, the page, modal checks.
roster_db = _rosters.roster_db
page = _rosters.page
no_modal_errors = _rosters.no_modal_errors


def undo(qtbot, widget) -> None:
    activate(qtbot, widget)
    qtbot.keyClick(widget, Qt.Key.Key_Z, CTRL)
    assert wait_for_operations()


def redo(qtbot, widget) -> None:
    activate(qtbot, widget)
    qtbot.keyClick(widget, Qt.Key.Key_Y, CTRL)
    assert wait_for_operations()


def save(dialog) -> None:
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()


def sites(db) -> dict[str, tuple]:
    return {s.name: (s.place, s.staff_per_shift, s.hotline) for s in list_sites(db)}


def people(db) -> dict[str, tuple]:
    return {
        p.name: (p.unit, p.roles, p.no_nights, p.active)
        for p in list_staff(db, include_inactive=True)
    }


def select_row(view, model, name: str) -> None:
    row = next(r for r in range(model.rowCount()) if model.item(r, 0).text() == name)
    view.selectRow(row)


# -- the rosters page -------------------------------------------------------------------------


def test_add_and_change_a_site_undo_with_ctrl_z_redo_with_ctrl_y(page, roster_db, qtbot):
    manage = page.manage
    page.tabs.setCurrentWidget(manage)
    before = sites(roster_db)

    def fill(dialog: SiteDialog) -> None:
        type_text(qtbot, dialog.name, "Chốt Bản Giềng")
        type_text(qtbot, dialog.place, "Ngã ba Bản Giềng")
        save(dialog)

    on_next_modal(fill, SiteDialog)
    qtbot.mouseClick(manage.new_site, Qt.MouseButton.LeftButton)
    added = sites(roster_db)
    assert added["Chốt Bản Giềng"][0] == "Ngã ba Bản Giềng" and len(added) == len(before) + 1
    undo(qtbot, page)
    assert sites(roster_db) == before
    redo(qtbot, page)
    assert sites(roster_db) == added
    shown = [manage.site_model.item(r, 0).text() for r in range(manage.site_model.rowCount())]
    assert "Chốt Bản Giềng" in shown

    # change it: a new place
    select_row(manage.site_view, manage.site_model, "Chốt Bản Giềng")

    def change(dialog: SiteDialog) -> None:
        dialog.place.clear()
        type_text(qtbot, dialog.place, "Đầu cầu Bản Giềng")
        save(dialog)

    on_next_modal(change, SiteDialog)
    qtbot.mouseClick(manage.edit_site, Qt.MouseButton.LeftButton)
    changed = sites(roster_db)
    assert changed["Chốt Bản Giềng"][0] == "Đầu cầu Bản Giềng"
    undo(qtbot, page)
    assert sites(roster_db) == added
    redo(qtbot, page)
    assert sites(roster_db) == changed
    assert find_site(roster_db, "Bản Giềng").place == "Đầu cầu Bản Giềng"


def test_add_and_change_a_person_undo_with_ctrl_z_redo_with_ctrl_y(page, roster_db, qtbot):
    manage = page.manage
    page.tabs.setCurrentWidget(manage)
    before = people(roster_db)

    def fill(dialog: StaffDialog) -> None:
        type_text(qtbot, dialog.name, "Nông Văn Thạch")
        dialog.unit.setCurrentText("Công an xã")
        dialog.roles["police"].setChecked(True)
        save(dialog)

    on_next_modal(fill, StaffDialog)
    qtbot.mouseClick(manage.new_person, Qt.MouseButton.LeftButton)
    added = people(roster_db)
    assert added["Nông Văn Thạch"] == ("Công an xã", ("police",), False, True)
    undo(qtbot, page)
    assert people(roster_db) == before
    redo(qtbot, page)
    assert people(roster_db) == added

    select_row(manage.staff_view, manage.staff_model, "Nông Văn Thạch")

    def change(dialog: StaffDialog) -> None:
        dialog.no_nights.setChecked(True)
        save(dialog)

    on_next_modal(change, StaffDialog)
    qtbot.mouseClick(manage.edit_person, Qt.MouseButton.LeftButton)
    changed = people(roster_db)
    assert changed["Nông Văn Thạch"][2] is True
    undo(qtbot, page)
    assert people(roster_db) == added
    redo(qtbot, page)
    assert people(roster_db) == changed


def test_attendance_marks_undo_with_ctrl_z_redo_with_ctrl_y(page, roster_db, qtbot):
    tab = page.attendance
    page.tabs.setCurrentWidget(tab)
    day = MONDAY + timedelta(days=13)
    tab.day.setDate(tab.day.date().addDays((day - TODAY).days))
    assert all(r.status is None for r in tab.rows)
    qtbot.mouseClick(tab.all_present, Qt.MouseButton.LeftButton)
    assert {r.status for r in tab.rows} == {"present"}
    undo(qtbot, page)
    tab.reload()
    assert all(r.status is None for r in tab.rows)
    redo(qtbot, page)
    tab.reload()
    assert {r.status for r in tab.rows} == {"present"}
    # clearing the marks is one step too
    tab.view.selectRow(0)
    qtbot.mouseClick(tab.clear, Qt.MouseButton.LeftButton)
    assert tab.rows[0].status is None
    undo(qtbot, page)
    tab.reload()
    assert tab.rows[0].status == "present"
    redo(qtbot, page)
    tab.reload()
    assert tab.rows[0].status is None


# -- the checkpoint log -----------------------------------------------------------------------


def entries(db) -> list[tuple]:
    with db.session() as s:
        found = s.scalars(select(CheckpointEntry).order_by(CheckpointEntry.id))
        return [(e.id, e.full_name, e.from_place) for e in found]


def test_checkpoint_log_add_edit_delete_undo_and_redo_by_keys(qtbot, db) -> None:
    site = make_site(db, "Chốt kiểm soát Cầu Bằng Lãng")
    log = CheckpointLogWidget(db)
    qtbot.addWidget(log)
    log.resize(1100, 620)
    log.show()
    qtbot.waitExposed(log)
    log.activateWindow()
    log.site.setCurrentIndex(log.site.findData(site))

    # add
    type_text(qtbot, log.name, "Triệu Thị Mai")
    type_text(qtbot, log.from_place, "Bình Dương")
    qtbot.keyClick(log.name, Qt.Key.Key_Return)
    added = entries(db)
    assert [e[1:] for e in added] == [("Triệu Thị Mai", "Bình Dương")]
    qtbot.keyClick(log.table, Qt.Key.Key_Z, CTRL)
    assert entries(db) == []
    qtbot.keyClick(log.table, Qt.Key.Key_Y, CTRL)
    assert entries(db) == added  # the same entry (same id) came back

    # edit
    log.table.setFocus()
    log.table.selectRow(0)
    qtbot.keyClick(log.table, Qt.Key.Key_F2)
    log.from_place.clear()
    type_text(qtbot, log.from_place, "Đồng Nai")
    qtbot.keyClick(log.from_place, Qt.Key.Key_Return)
    edited = entries(db)
    assert [e[1:] for e in edited] == [("Triệu Thị Mai", "Đồng Nai")]
    qtbot.keyClick(log.table, Qt.Key.Key_Z, CTRL)
    assert entries(db) == added
    qtbot.keyClick(log.table, Qt.Key.Key_Y, CTRL)
    assert entries(db) == edited

    # delete
    log.table.setFocus()
    log.table.selectRow(0)
    qtbot.keyClick(log.table, Qt.Key.Key_Delete)
    assert entries(db) == []
    qtbot.keyClick(log.table, Qt.Key.Key_Z, CTRL)
    assert entries(db) == edited
    qtbot.keyClick(log.table, Qt.Key.Key_Y, CTRL)
    assert entries(db) == []
    qtbot.keyClick(log.table, Qt.Key.Key_Z, CTRL)  # and back once more (restored twice)
    assert entries(db) == edited
    assert log.undo_stack.count() == 3
