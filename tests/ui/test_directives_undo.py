# ruff: noqa: F811 - the fixtures are shared with test_directives_page
"""Every kind of directive edit goes back with Ctrl+Z and comes again with Ctrl+Y, through the
window's one undo mechanism (ui.operations.run_change); checked in the database each time."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from fieldapp.directives import register as reg
from tests.ui.test_directives_page import (  # noqa: F401 - fixtures
    click_cell,
    ddb,
    errors,
    open_235,
    page,
    row_of_title,
)
from ui.operations import DoneCommand
from ui.pages.directives import commands as cmd
from ui.pages.directives.items_model import STATUS
from ui.pages.directives.register_model import TITLE

CTRL = Qt.KeyboardModifier.ControlModifier


def undo(qtbot, widget) -> None:
    qtbot.keyClick(widget, Qt.Key.Key_Z, CTRL)


def redo(qtbot, widget) -> None:
    qtbot.keyClick(widget, Qt.Key.Key_Y, CTRL)


def test_the_command_classes_are_gone():
    assert not [n for n in dir(cmd) if n.endswith("Command")]


def test_status_and_item_field_undo_redo_by_keys(page, qtbot, ddb):
    detail = open_235(page, qtbot)
    before = reg.get_directive(ddb, 2).items[0].status
    click_cell(qtbot, detail.items_view, 0, STATUS)
    after = reg.get_directive(ddb, 2).items[0].status
    assert after != before
    assert isinstance(page.undo_stack.command(page.undo_stack.count() - 1), DoneCommand)
    undo(qtbot, detail.items_view)
    assert reg.get_directive(ddb, 2).items[0].status == before
    redo(qtbot, detail.items_view)
    assert reg.get_directive(ddb, 2).items[0].status == after

    item = reg.get_directive(ddb, 2).items[3]
    detail._on_edit_requested(item.id, "responsible_unit", "Công an xã")
    qtbot.waitUntil(lambda: reg.get_directive(ddb, 2).items[3].responsible_unit == "Công an xã")
    undo(qtbot, detail.items_view)
    assert reg.get_directive(ddb, 2).items[3].responsible_unit == item.responsible_unit
    redo(qtbot, detail.items_view)
    assert reg.get_directive(ddb, 2).items[3].responsible_unit == "Công an xã"


def test_note_added_and_deleted_undo_redo_by_keys(page, qtbot, ddb):
    detail = open_235(page, qtbot)
    detail.select_row(1)
    qtbot.keyClicks(detail.note_text, "Da goi dien cho thon 2")
    qtbot.keyClick(detail.note_text, Qt.Key.Key_Return)

    def notes() -> list[str]:
        return [n.text for n in reg.get_directive(ddb, 2).items[1].notes]

    assert notes() == ["Da goi dien cho thon 2"]
    undo(qtbot, detail.items_view)
    assert notes() == [] and detail.notes.rowCount() == 0
    redo(qtbot, detail.items_view)
    assert notes() == ["Da goi dien cho thon 2"] and detail.notes.rowCount() == 1
    note_id = reg.get_directive(ddb, 2).items[1].notes[0].id

    detail.select_row(1)
    detail.notes.setCurrentCell(0, 0)
    detail._on_delete_note()
    assert notes() == []
    undo(qtbot, detail.items_view)
    assert notes() == ["Da goi dien cho thon 2"]
    assert reg.get_directive(ddb, 2).items[1].notes[0].id == note_id  # same note back
    redo(qtbot, detail.items_view)
    assert notes() == []
    undo(qtbot, detail.items_view)
    undo(qtbot, detail.items_view)  # the note's addition too
    assert notes() == []
    redo(qtbot, detail.items_view)
    assert notes() == ["Da goi dien cho thon 2"]


def test_directive_fields_undo_redo_by_keys(page, qtbot, ddb):
    detail = open_235(page, qtbot)
    assert detail.push(cmd.update_directive(ddb, 2, {"issuer": "Huyện ủy Chợ Đồn"}))
    assert reg.get_directive(ddb, 2).issuer == "Huyện ủy Chợ Đồn"
    assert detail.field_values["issuer"].text() == "Huyện ủy Chợ Đồn"
    undo(qtbot, detail.items_view)
    assert reg.get_directive(ddb, 2).issuer == ""
    redo(qtbot, detail.items_view)
    assert reg.get_directive(ddb, 2).issuer == "Huyện ủy Chợ Đồn"


def test_delete_and_register_undo_redo_by_keys(page, qtbot, ddb, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.table.setCurrentIndex(page.model.index(row_of_title(page, "309"), TITLE))
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    numbers = lambda: [r.number for r in reg.list_directives(ddb)]  # noqa: E731
    assert numbers() == ["", "235-CV/HU"]
    undo(qtbot, page.table)
    assert numbers() == ["", "235-CV/HU", "309-CV/TU"]
    redo(qtbot, page.table)
    assert numbers() == ["", "235-CV/HU"]
    undo(qtbot, page.table)

    form = reg.DirectiveForm(
        number="12/KH-UBND",
        kind="Kế hoạch",
        subject="Tiêm vắc xin mũi 3",
        issuer="UBND huyện",
        issued_on=date(2021, 9, 1),
        items=[reg.ItemForm(label="1", text="Lập danh sách")],
    )
    assert page._save_import(form, None, "", False) is None
    assert "12/KH-UBND" in numbers()
    undo(qtbot, page.table)
    assert "12/KH-UBND" not in numbers()
    redo(qtbot, page.table)
    assert "12/KH-UBND" in numbers()
    assert page.model.rowCount() == 4


def test_a_refused_edit_is_shown_and_not_recorded(page, qtbot, ddb, errors):
    detail = open_235(page, qtbot)
    count = page.undo_stack.count()
    item = reg.get_directive(ddb, 2).items[2]
    assert not detail.push(cmd.update_item(ddb, item, {"due": "tuan sau"}))
    assert errors and page.undo_stack.count() == count
    assert reg.get_directive(ddb, 2).items[2] == item


def test_undo_after_the_directive_went_is_refused_cleanly(page, qtbot, ddb, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr("ui.errors.show_error", lambda _p, err: shown.append(str(err)))
    detail = open_235(page, qtbot)
    click_cell(qtbot, detail.items_view, 0, STATUS)
    reg.delete_directive(ddb, 2)  # gone (another window, a restore)
    undo(qtbot, page)
    assert shown  # the refusal went to the sink; nothing raised into Qt
    assert page.undo_stack.count() == 0
