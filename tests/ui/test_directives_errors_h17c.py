# ruff: noqa: F811 - the fixtures are shared with test_directives_page
"""A refused directive action, made through the window, reaches the window's one error sink
(ui.errors.show_error), not a message box of the directives page's own (issue 17)."""

from __future__ import annotations

import inspect

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from fieldapp.directives import register as reg
from tests.ui.test_directives_page import (  # noqa: F401 - fixtures
    click_cell,
    ddb,
    errors,
    open_235,
    page,
)
from ui import errors as ui_errors
from ui.pages.directives import common
from ui.pages.directives import page as page_module
from ui.pages.directives.items_model import DUE


def test_the_directives_page_has_no_error_box_of_its_own():
    assert not hasattr(common, "show_error")
    assert page_module.show_error is ui_errors.show_error
    assert "QMessageBox(" not in inspect.getsource(common)


def test_an_item_saved_with_a_wrong_deadline_is_refused_through_the_sink(
    page, qtbot, ddb, monkeypatch
):
    boxes: list[tuple[str, str, str]] = []
    monkeypatch.setattr(
        ui_errors,
        "_box_factory",
        lambda _icon, title, text, info: boxes.append((title, text, info)),
    )
    detail = open_235(page, qtbot)
    before = reg.get_directive(ddb, 2)
    count = page.undo_stack.count()
    click_cell(qtbot, detail.items_view, 2, DUE, double=True)
    editor = QApplication.focusWidget()
    editor.selectAll()
    qtbot.keyClicks(editor, "31/02/2021")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(boxes))
    title, text, _info = boxes[-1]
    assert title == "fieldapp" and "31/02/2021" in text  # the core's refusal, via the sink
    assert reg.get_directive(ddb, 2) == before
    assert page.undo_stack.count() == count
