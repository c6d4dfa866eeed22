"""Household edits go back with Ctrl+Z and come again with Ctrl+Y (the window's one undo
mechanism, ui.operations.run_change): the household's fields, a request and its status;
checked in the database each time."""

# ruff: noqa: F811 - the fixtures are shared with test_households_page
from __future__ import annotations

from PySide6.QtCore import Qt

from fieldapp.households.service import household_detail
from tests.ui.test_households_page import (  # noqa: F401 - fixtures
    demo_db,
    demo_template,
    on_modal,
    page,
)
from tests.ui.typing import type_text
from ui.operations import DoneCommand
from ui.pages.households.detail import HouseholdDetailDialog
from ui.pages.households.dialogs import MemberDialog, RequestDialog
from ui.widgets.rows_model import RowsTable

CTRL = Qt.KeyboardModifier.ControlModifier


def open_first(page, qtbot) -> HouseholdDetailDialog:
    page.table.setFocus()
    page.table.selectRow(0)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    dialog = next(d for d in page.findChildren(HouseholdDetailDialog) if d.isVisible())
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)
    return dialog


def keys(qtbot, dialog, key) -> None:
    """Ctrl+key on the table of the tab on screen (the dialog's shortcut answers)."""
    dialog.activateWindow()  # back from a modal form
    qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)
    table = dialog.tabs.currentWidget().findChild(RowsTable)
    qtbot.keyClick(table, key, CTRL)


def test_household_fields_undo_redo_by_keys(page, qtbot, demo_db):
    dialog = open_first(page, qtbot)
    hid = dialog.household_id
    before = household_detail(demo_db, hid).data
    dialog.house_number.clear()
    type_text(qtbot, dialog.house_number, "12B")
    qtbot.mouseClick(dialog.save_household, Qt.MouseButton.LeftButton)
    assert household_detail(demo_db, hid).data.house_number == "12B"
    stack = dialog.undo_stack
    assert isinstance(stack.command(stack.count() - 1), DoneCommand)
    keys(qtbot, dialog, Qt.Key.Key_Z)
    assert household_detail(demo_db, hid).data == before
    assert dialog.house_number.text() == before.house_number  # the screen follows
    keys(qtbot, dialog, Qt.Key.Key_Y)
    assert household_detail(demo_db, hid).data.house_number == "12B"
    dialog.close()


def test_request_and_its_status_undo_redo_by_keys(page, qtbot, demo_db):
    dialog = open_first(page, qtbot)
    hid = dialog.household_id
    count = len(household_detail(demo_db, hid).requests)

    def fill(request: RequestDialog) -> None:
        request.kind.setCurrentIndex(request.kind.findData("medicine"))
        type_text(qtbot, request.detail, "Thuốc hạ sốt cho cháu bé")
        request.buttons.button(request.buttons.StandardButton.Save).click()

    dialog.tabs.setCurrentIndex(4)
    on_modal(qtbot, RequestDialog, fill)
    qtbot.mouseClick(dialog.request_button, Qt.MouseButton.LeftButton)
    requests = household_detail(demo_db, hid).requests
    assert len(requests) == count + 1
    new = next(r for r in requests if r.detail == "Thuốc hạ sốt cho cháu bé")
    dialog.requests.selectRow(dialog.requests.rows_model.row_of(new.id))
    qtbot.mouseClick(dialog.met_button, Qt.MouseButton.LeftButton)

    def status() -> str | None:
        found = [r for r in household_detail(demo_db, hid).requests if r.id == new.id]
        return found[0].status if found else None

    assert status() == "done"
    keys(qtbot, dialog, Qt.Key.Key_Z)
    assert status() == new.status
    keys(qtbot, dialog, Qt.Key.Key_Z)
    assert status() is None and len(household_detail(demo_db, hid).requests) == count
    keys(qtbot, dialog, Qt.Key.Key_Y)
    assert len(household_detail(demo_db, hid).requests) == count + 1
    keys(qtbot, dialog, Qt.Key.Key_Y)
    redone = next(r for r in household_detail(demo_db, hid).requests if r.detail == new.detail)
    assert redone.status == "done"
    dialog.close()


def test_person_added_then_edited_undo_redo_by_keys(page, qtbot, demo_db):
    dialog = open_first(page, qtbot)
    hid = dialog.household_id
    before = [m.full_name for m in household_detail(demo_db, hid).members]

    def add(form: MemberDialog) -> None:
        type_text(qtbot, form.name, "Lò Văn Páo")
        form.year.setValue(2015)
        form.buttons.button(form.buttons.StandardButton.Save).click()

    on_modal(qtbot, MemberDialog, add)
    qtbot.mouseClick(dialog.add_member_button, Qt.MouseButton.LeftButton)
    names = lambda: [m.full_name for m in household_detail(demo_db, hid).members]  # noqa: E731
    assert names() == [*before, "Lò Văn Páo"]
    added = household_detail(demo_db, hid).members[-1]
    dialog.people.selectRow(dialog.people.rows_model.row_of(added.id))

    def edit(form: MemberDialog) -> None:
        form.name.clear()
        type_text(qtbot, form.name, "Lò Văn Pao")
        form.buttons.button(form.buttons.StandardButton.Save).click()

    on_modal(qtbot, MemberDialog, edit)
    qtbot.mouseClick(dialog.edit_member_button, Qt.MouseButton.LeftButton)
    assert names() == [*before, "Lò Văn Pao"]
    keys(qtbot, dialog, Qt.Key.Key_Z)
    assert names() == [*before, "Lò Văn Páo"]
    keys(qtbot, dialog, Qt.Key.Key_Z)
    assert names() == before
    keys(qtbot, dialog, Qt.Key.Key_Y)
    keys(qtbot, dialog, Qt.Key.Key_Y)  # the edit of the person put back redoes too
    assert names() == [*before, "Lò Văn Pao"]
    assert household_detail(demo_db, hid).members[-1].id == added.id
    dialog.close()
