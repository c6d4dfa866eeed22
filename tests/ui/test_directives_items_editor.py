"""The review form's items table (an editable table model now): typing in cells, the full
task text below, adding and removing items; what ``items()`` then gives the register."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from fieldapp.directives.register import ItemForm
from fieldapp.errors import UserError
from tests.ui.typing import type_text
from ui.pages.directives.form_widget import DUE, TASK, UNIT, ItemsEditor


@pytest.fixture
def editor(qtbot):
    widget = ItemsEditor()
    qtbot.addWidget(widget)
    widget.resize(900, 500)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_items(
        [
            ItemForm(label="1", text="Lập danh sách\n hộ nghèo", due="25/08/2021"),
            ItemForm(label="2", text="Báo cáo kết quả", responsible_unit="Công an xã"),
        ]
    )
    return widget


def edit_cell(qtbot, editor: ItemsEditor, row: int, col: int, text: str) -> None:
    view = editor.table
    index = editor.model.index(row, col)
    rect = view.visualRect(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    field = QApplication.focusWidget()
    field.selectAll()
    type_text(qtbot, field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)  # Qt commits the edit on the next turn
    qtbot.waitUntil(lambda: editor.model.index(row, col).data() == text)


def test_cells_edited_by_typing_reach_the_items(qtbot, editor):
    changes = []
    editor.changed.connect(lambda: changes.append(1))
    edit_cell(qtbot, editor, 1, UNIT, "Trạm y tế")
    edit_cell(qtbot, editor, 1, DUE, "30/8/2021")
    items = editor.items()
    assert items[1].responsible_unit == "Trạm y tế"
    assert items[1].due.startswith("2021-08-30")
    assert changes
    # the task is edited in full below, not in its cell
    assert not editor.model.flags(editor.model.index(0, TASK)) & Qt.ItemFlag.ItemIsEditable
    editor.table.setCurrentIndex(editor.model.index(0, TASK))
    assert editor.text.toPlainText() == "Lập danh sách\n hộ nghèo"
    editor.text.setPlainText("Lập danh sách hộ nghèo, hộ khó khăn")
    assert editor.model.index(0, TASK).data() == "Lập danh sách hộ nghèo, hộ khó khăn"
    assert editor.items()[0].text == "Lập danh sách hộ nghèo, hộ khó khăn"


def test_a_bad_deadline_is_refused_naming_the_item(qtbot, editor):
    edit_cell(qtbot, editor, 0, DUE, "tuan sau")
    with pytest.raises(UserError, match="1"):
        editor.items()


def test_add_and_remove_items(qtbot, editor):
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    assert editor.model.rowCount() == 3
    type_text(qtbot, editor.text, "Phun khử khuẩn")
    assert [i.text for i in editor.items()][-1] == "Phun khử khuẩn"
    editor.table.setCurrentIndex(editor.model.index(0, TASK))
    qtbot.mouseClick(editor.remove_button, Qt.MouseButton.LeftButton)
    assert [i.label for i in editor.items()] == ["2", "3"]
    assert editor.text.toPlainText() == editor.items()[editor.table.currentIndex().row()].text
