# ruff: noqa: F811 - the fixtures are shared with test_directives_page
"""The parsed-directive form stays still when its warning banner goes (issue 17: "the
parsed-directive form jumps when its warning disappears")."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from tests.core.directives.conftest import SYNTHETIC
from tests.ui.test_directives_import import paste
from tests.ui.test_directives_page import ddb, errors, page  # noqa: F401 - fixtures
from tests.ui.typing import type_text


def field_y(dialog, widget) -> int:
    return widget.mapTo(dialog, QPoint(0, 0)).y()


def test_the_form_does_not_jump_when_the_missing_warning_goes(page, qtbot):
    dialog = page.open_import()
    qtbot.waitExposed(dialog)
    paste(qtbot, dialog.paste, (SYNTHETIC / "chi-thi-08-CT-UBND.txt").read_text("utf-8"))
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert dialog.stack.currentIndex() == 1
    fields = dialog.fields
    qtbot.waitUntil(lambda: dialog.missing_banner.isVisible())
    first = fields.number  # the first field of the form
    before = field_y(dialog, first)
    recipients_before = field_y(dialog, fields.recipients)
    fields.recipients.setFocus()
    type_text(qtbot, fields.recipients, "UBND các xã, thị trấn")  # as a person would
    assert not dialog.missing_banner.isVisible()
    qtbot.wait(50)  # let any layout change land
    assert field_y(dialog, first) == before
    assert field_y(dialog, fields.recipients) == recipients_before
