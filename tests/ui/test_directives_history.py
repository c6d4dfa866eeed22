"""The item's status history in the directive view: who changed it, when, from what to what."""

from __future__ import annotations

from PySide6.QtCore import Qt

from fieldapp.accounts.permissions import Actor
from fieldapp.directives import register as reg
from fieldapp.directives.history import item_history
from tests.ui.test_directives_page import ddb, errors, open_235, page  # noqa: F401 - fixtures


def test_a_status_click_shows_who_changed_it_and_from_what(page, qtbot, ddb):  # noqa: F811
    ddb.actor = Actor(3, "canbo", "Hoàng Thị Thúy", "officer")
    detail = open_235(page, qtbot)
    detail.select_row(0)
    item = reg.get_directive(ddb, 2).items[0]
    before = item.status
    target = "in_progress" if before != "in_progress" else "done"
    qtbot.mouseClick(detail.status_buttons[target], Qt.MouseButton.LeftButton)
    assert reg.get_directive(ddb, 2).items[0].status == target
    last = item_history(ddb, item.id)[-1]
    assert (last.from_status, last.to_status, last.actor) == (before, target, "Hoàng Thị Thúy")
    detail.select_row(0)
    text = detail.status_history.text()
    assert text.startswith("Đổi trạng thái:")
    first_line = text.splitlines()[1]
    assert "Hoàng Thị Thúy" in first_line and "→" in first_line
