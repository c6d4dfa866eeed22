"""The directives page, driven like a person: search, filters, sort, open, one-click status,
notes, undo; then check what the screen and the database hold."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

import resources
from fieldapp.demo import DEMO_DIRECTIVES, DEMO_PROFILE
from fieldapp.directives import register as reg
from fieldapp.directives.demo import demo_step
from fieldapp.document_store import store_document
from fieldapp.profile import save_profile
from tests.ui.typing import type_text
from ui import errors as ui_errors
from ui.i18n import install_language
from ui.pages.directives.common import OVERDUE_BACKGROUND, URGENT_BACKGROUND
from ui.pages.directives.items_model import DUE, STATUS, ItemTableModel
from ui.pages.directives.page import DirectivesPage
from ui.pages.directives.register_model import (
    HTML_ROLE,
    ID_ROLE,
    ISSUER,
    SUBJECT,
    TITLE,
    DirectiveTableModel,
)


@pytest.fixture
def ddb(db):
    """The demo commune's directive register only (faster than the whole demo)."""
    save_profile(db, DEMO_PROFILE)
    for name, title in DEMO_DIRECTIVES:
        data = resources.path("demo", "directives", name).read_bytes()
        store_document(db, data, original_name=name, kind="directive", title=title)
    demo_step(db)
    return db


@pytest.fixture
def errors(monkeypatch):
    """Refusals the window's one error sink (ui.errors) would show, collected instead of a box."""
    shown: list[str] = []
    monkeypatch.setattr(
        ui_errors, "_box_factory", lambda _icon, _title, text, _info: shown.append(text)
    )
    return shown


@pytest.fixture
def page(qtbot, ddb, errors):
    install_language("vi")
    widget = DirectivesPage(ddb)
    qtbot.addWidget(widget)
    widget.resize(1150, 700)
    widget.show()
    qtbot.waitExposed(widget)
    widget.refresh()
    return widget


def shown_titles(page: DirectivesPage) -> list[str]:
    model = page.model
    return [model.index(r, TITLE).data() for r in range(model.rowCount())]


def row_of_title(page: DirectivesPage, text: str) -> int:
    return next(i for i, t in enumerate(shown_titles(page)) if text in t)


def test_register_shows_the_directives_with_urgent_and_late_rows_marked(page):
    assert page.title_label.text() == "Văn bản chỉ đạo"
    assert shown_titles(page) == ["Công điện", "Công văn 235-CV/HU", "Công văn 309-CV/TU"]
    header = [page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(8)]
    assert header[:3] == ["Số đến", "Văn bản", "Cơ quan ban hành"]
    overdue = page.model.index(row_of_title(page, "235"), SUBJECT)
    done = page.model.index(row_of_title(page, "309"), SUBJECT)
    assert overdue.data(Qt.ItemDataRole.BackgroundRole).color() == OVERDUE_BACKGROUND
    assert done.data(Qt.ItemDataRole.BackgroundRole) is None
    assert page.count_label.text() == "3 văn bản"
    assert "Quá hạn (1)" in [page.model.index(0, c).data() for c in range(8)]


def test_hoa_toc_row_stands_out_without_overdue_items(page, ddb):
    for item in reg.get_directive(ddb, 3).items:
        reg.set_item_status(ddb, item.id, "xong")
    page.refresh()
    index = page.model.index(row_of_title(page, "Công điện"), SUBJECT)
    assert index.data(Qt.ItemDataRole.BackgroundRole).color() == URGENT_BACKGROUND


def test_search_as_you_type_without_tones_highlights_matches(page, qtbot):
    type_text(qtbot, page.search_box, "truong tiểu hoc")
    qtbot.waitUntil(lambda: page.model.searching, timeout=2000)
    assert shown_titles(page) == ["Công văn 235-CV/HU"]
    html = page.model.index(0, SUBJECT).data(HTML_ROLE)
    assert "<b>Trường</b> <b>Tiểu</b> <b>học</b>" in html and "Mục 6:" in html
    assert page.count_label.text() == "Tìm thấy 1 văn bản"
    assert page.table.isColumnHidden(ISSUER)
    page.search_box.clear()
    qtbot.waitUntil(lambda: not page.model.searching, timeout=2000)
    assert len(shown_titles(page)) == 3 and not page.table.isColumnHidden(ISSUER)


def test_filters_by_urgency_status_issuer_and_overdue(page, qtbot):
    page.urgency_filter.setCurrentIndex(page.urgency_filter.findText("Hỏa tốc"))
    assert shown_titles(page) == ["Công điện", "Công văn 235-CV/HU"]
    page.urgency_filter.setCurrentIndex(0)
    page.status_filter.setCurrentIndex(page.status_filter.findText("Xong"))
    assert shown_titles(page) == ["Công văn 309-CV/TU"]
    page.status_filter.setCurrentIndex(0)
    page.issuer_filter.setCurrentIndex(page.issuer_filter.findText("Tỉnh ủy Bắc Kạn"))
    assert shown_titles(page) == ["Công văn 309-CV/TU"]
    qtbot.mouseClick(page.reset_button, Qt.MouseButton.LeftButton)
    page.overdue_only.click()
    assert shown_titles(page) == ["Công điện", "Công văn 235-CV/HU"]
    page.date_from.setDate(page.date_from.date().fromString("01/07/2021", "dd/MM/yyyy"))
    page.date_to.setDate(page.date_to.date().fromString("31/07/2021", "dd/MM/yyyy"))
    assert shown_titles(page) == []  # the late ones have no date, and arrived in August
    qtbot.mouseClick(page.reset_button, Qt.MouseButton.LeftButton)
    assert len(shown_titles(page)) == 3


def test_clicking_a_header_sorts_with_vietnamese_order(page, qtbot):
    header = page.table.horizontalHeader()
    x = header.sectionViewportPosition(ISSUER) + 10
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    issuers = [page.model.index(r, ISSUER).data() for r in range(3)]
    assert issuers in (
        ["Thường trực Tỉnh ủy", "Tỉnh ủy Bắc Kạn", "—"],
        ["—", "Thường trực Tỉnh ủy", "Tỉnh ủy Bắc Kạn"],
    )


def open_235(page, qtbot):
    row = row_of_title(page, "235")
    page.table.setCurrentIndex(page.model.index(row, TITLE))
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert page.stack.currentWidget() is page.detail
    return page.detail


def click_cell(qtbot, view, row: int, column: int, double: bool = False) -> None:
    index = view.model().index(row, column)
    view.scrollTo(index)
    rect = view.visualRect(index)
    assert view.viewport().rect().contains(rect.center())
    action = qtbot.mouseDClick if double else qtbot.mouseClick
    if double:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    action(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_open_a_directive_change_status_in_one_click_and_undo(page, qtbot, ddb):
    detail = open_235(page, qtbot)
    assert detail.title.text() == "Công văn 235-CV/HU"
    assert detail.field_values["issuer"].text() == "(không có trong văn bản)"
    item = reg.get_directive(ddb, 2).items[6]  # item 7, done
    assert item.status == "done"
    click_cell(qtbot, detail.items_view, 6, STATUS)
    assert reg.get_directive(ddb, 2).items[6].status == "reported"
    assert detail.items_model.index(6, STATUS).data() == "Đã báo cáo"
    qtbot.keyClick(detail.items_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert reg.get_directive(ddb, 2).items[6].status == "done"
    qtbot.keyClick(detail.items_view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert reg.get_directive(ddb, 2).items[6].status == "reported"
    # The status buttons act on the selected item.
    qtbot.mouseClick(detail.status_buttons["in_progress"], Qt.MouseButton.LeftButton)
    assert reg.get_directive(ddb, 2).items[6].status == "in_progress"
    qtbot.keyClick(detail.items_view, Qt.Key.Key_Escape)
    assert page.stack.currentWidget() is page.register_view


def test_add_a_dated_note_with_enter_and_undo_it(page, qtbot, ddb):
    detail = open_235(page, qtbot)
    detail.select_row(1)
    type_text(qtbot, detail.note_text, "Đã gửi đề nghị hỗ trợ test nhanh")
    qtbot.keyClick(detail.note_text, Qt.Key.Key_Return)
    notes = reg.get_directive(ddb, 2).items[1].notes
    assert [n.text for n in notes] == ["Đã gửi đề nghị hỗ trợ test nhanh"]
    assert detail.notes.rowCount() == 1 and detail.note_text.text() == ""
    assert "Ctrl+Z" in page.message.text()
    qtbot.mouseClick(page.undo_button, Qt.MouseButton.LeftButton)
    assert reg.get_directive(ddb, 2).items[1].notes == ()
    assert detail.notes.rowCount() == 0
    qtbot.mouseClick(page.redo_button, Qt.MouseButton.LeftButton)
    assert [n.text for n in reg.get_directive(ddb, 2).items[1].notes] == [
        "Đã gửi đề nghị hỗ trợ test nhanh"
    ]


def test_edit_a_deadline_in_the_table_and_refuse_a_bad_one(page, qtbot, ddb, errors):
    detail = open_235(page, qtbot)
    click_cell(qtbot, detail.items_view, 2, DUE, double=True)
    editor = QApplication.focusWidget()
    editor.selectAll()
    qtbot.keyClicks(editor, "25/8/2021 16:00")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # Qt commits the edit on the next turn
    qtbot.waitUntil(lambda: reg.get_directive(ddb, 2).items[2].due.display() == "25/08/2021 16:00")
    assert detail.items_model.index(2, DUE).data() == "25/08/2021 16:00"
    before = reg.get_directive(ddb, 2)
    click_cell(qtbot, detail.items_view, 2, DUE, double=True)
    editor = QApplication.focusWidget()
    editor.selectAll()
    qtbot.keyClicks(editor, "tuan sau")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(errors))
    assert "Không hiểu hạn" in errors[-1]
    assert reg.get_directive(ddb, 2) == before


def test_delete_asks_and_undo_brings_it_back(page, qtbot, ddb, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.table.setCurrentIndex(page.model.index(row_of_title(page, "309"), TITLE))
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert [r.number for r in reg.list_directives(ddb)] == ["", "235-CV/HU"]
    assert len(shown_titles(page)) == 2
    before_undo = page.undo_stack.count()
    qtbot.keyClick(page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [r.number for r in reg.list_directives(ddb)] == ["", "235-CV/HU", "309-CV/TU"]
    assert page.undo_stack.count() == before_undo
    assert reg.get_directive(ddb, 1).items[0].notes  # notes came back too


def test_models_pass_the_model_tester(qtmodeltester, ddb):
    model = DirectiveTableModel()
    model.set_rows(reg.list_directives(ddb))
    qtmodeltester.check(model)
    items = ItemTableModel()
    items.set_items(reg.get_directive(ddb, 2).items)
    qtmodeltester.check(items)
    assert model.index(0, TITLE).data(ID_ROLE) == 3


def test_edit_fields_fills_what_the_text_lacked_and_undo(page, qtbot, ddb):
    from PySide6.QtCore import QTimer

    from ui.pages.directives.detail import EditFieldsDialog

    detail = open_235(page, qtbot)
    seen = {}

    def fill() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, EditFieldsDialog))
        seen["flagged"] = dialog.form.labels["issuer"].text()
        type_text(qtbot, dialog.form.issuer, "Huyện ủy Chợ Đồn")
        dialog.form.issued_on.setFocus()
        type_text(qtbot, dialog.form.issued_on, "07/08/2021")
        dialog._on_save()

    QTimer.singleShot(0, fill)
    qtbot.mouseClick(detail.edit_button, Qt.MouseButton.LeftButton)
    assert seen["flagged"].startswith("⚠")
    info = reg.get_directive(ddb, 2)
    assert (info.issuer, info.issued_on.isoformat()) == ("Huyện ủy Chợ Đồn", "2021-08-07")
    assert info.missing == ("place",)
    assert detail.field_values["issuer"].text() == "Huyện ủy Chợ Đồn"
    qtbot.mouseClick(page.undo_button, Qt.MouseButton.LeftButton)
    assert reg.get_directive(ddb, 2).issuer == ""
