"""The import-and-review dialog and the overview of items due, driven like a person."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLabel

import resources
from fieldapp.directives import register as reg
from tests.core.directives.conftest import SYNTHETIC, snapshot
from tests.ui.test_directives_page import ddb, errors, page  # noqa: F401 - fixtures
from tests.ui.typing import type_text
from ui.i18n import install_language
from ui.main_window import MainWindow
from ui.operations import wait_for_operations


def paste(qtbot, widget, text: str) -> None:
    """Copy ``text`` to the clipboard and press Ctrl+V in ``widget``."""
    QApplication.clipboard().setText(text)
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)


def test_paste_review_correct_and_save_then_undo(page, qtbot, ddb):  # noqa: F811
    dialog = page.open_import()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()  # the window manager's part, on a real screen
    qtbot.waitUntil(dialog.isActiveWindow)
    assert dialog.windowTitle() == "Nhập văn bản chỉ đạo"
    text = (SYNTHETIC / "chi-thi-08-CT-UBND.txt").read_text("utf-8")
    paste(qtbot, dialog.paste, text)
    assert dialog.paste.toPlainText().strip() == text.strip()
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert dialog.stack.currentIndex() == 1
    fields = dialog.fields
    assert fields.number.text() == "08/CT-UBND"
    # The recipients are not in this text: flagged on the form and in the banner.
    assert fields.labels["recipients"].text().startswith("⚠")
    assert fields.recipients.property("missing") is True
    assert dialog.missing_banner.isVisible() and "nơi nhận" in dialog.missing_banner.text()
    assert not dialog.duplicate_banner.isVisible()
    type_text(qtbot, fields.recipients, "UBND các xã, thị trấn")
    assert not fields.labels["recipients"].text().startswith("⚠")
    assert not dialog.missing_banner.isVisible()
    fields.routed_to.setFocus()
    type_text(qtbot, fields.routed_to, "Đ/c Chủ tịch UBND xã")
    n_items = dialog.items.model.rowCount()
    assert n_items > 3
    qtbot.keyClick(dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.error.text() == ""
    assert dialog.saved
    rows = reg.list_directives(ddb)
    assert len(rows) == 4
    new = reg.get_directive(ddb, max(r.id for r in rows))
    assert new.number == "08/CT-UBND" and new.recipients == ("UBND các xã, thị trấn",)
    assert new.routed_to == "Đ/c Chủ tịch UBND xã" and len(new.items) == n_items
    assert new.document.original_name == "van-ban-dan.txt"
    assert page.selected_id() == new.id
    # Undo takes it out of the register again.
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(reg.list_directives(ddb)) == 3


def test_a_file_already_registered_is_flagged_and_needs_a_tick(page, qtbot, ddb):  # noqa: F811
    dialog = page.open_import()
    dialog.load_file(resources.path("demo", "directives", "huyen-uy-235-CV-HU.txt"))
    assert wait_for_operations()
    assert dialog.stack.currentIndex() == 1
    assert dialog.duplicate_banner.isVisible()
    assert "đã có trong sổ" in dialog.duplicate_banner.text()
    assert not dialog.save_button.isEnabled()
    before = snapshot(ddb)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog.fields.number, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert snapshot(ddb) == before and dialog.isVisible()
    dialog.duplicate_check.click()
    assert dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert len(reg.list_directives(ddb)) == 4


@pytest.mark.parametrize("name", ["odt/mau-5.odt", "rtf/mau-5.doc", "webpage/mau-5.doc"])
def test_an_odt_rtf_or_page_named_doc_is_read_reviewed_and_saved(page, qtbot, ddb, name):  # noqa: F811
    """LibreOffice's .odt, and RTF or a web page sent as .doc: every field in the review,
    then saved."""
    from tests.core.directives import samples as S
    from tests.core.directives.test_rtf import HERE

    spec = S.make_spec(5)
    dialog = page.open_import()
    qtbot.waitExposed(dialog)
    dialog.load_file(HERE.parent / name)
    assert wait_for_operations()
    assert dialog.stack.currentIndex() == 1
    assert dialog.fields.number.text() == spec.number
    assert "\\u" not in dialog.fields.subject.text()
    # nothing is missing: no banner, and no empty band where it would be above the form
    assert not dialog.missing_banner.isVisible()
    assert dialog.fields.mapTo(dialog, QPoint(0, 0)).y() < 40
    before = len(reg.list_directives(ddb))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.saved and len(reg.list_directives(ddb)) == before + 1
    new = reg.get_directive(ddb, max(r.id for r in reg.list_directives(ddb)))
    assert new.number == spec.number and new.document.original_name == Path(name).name


def test_a_word_file_typed_in_tcvn3_is_read_in_unicode_and_said(page, qtbot, ddb, tmp_path):  # noqa: F811
    """A directive typed with the .VnTime fonts: the fields in Unicode, and the review says
    the text was converted so the official checks the accents."""
    from tests.core.directives import samples as S
    from tests.core.directives.test_old_fonts import tcvn3

    spec = S.make_spec(0)
    with pytest.MonkeyPatch.context() as mp:
        real_header, real_body = S._header_cells, S._body_paragraphs
        mp.setattr(
            S, "_header_cells", lambda s: tuple([tcvn3(x) for x in c] for c in real_header(s))
        )
        mp.setattr(S, "_body_paragraphs", lambda s: [(k, tcvn3(t)) for k, t in real_body(s)])
        path = S.write_docx(spec, tmp_path / "cong-van-cu.docx")
    dialog = page.open_import()
    qtbot.waitExposed(dialog)
    dialog.load_file(path)
    assert wait_for_operations()
    assert dialog.stack.currentIndex() == 1
    assert dialog.fields.issuer.text() == "UBND huyện Chợ Đồn"
    assert dialog.ocr_banner.isVisible() and "TCVN3" in dialog.ocr_banner.text()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.saved
    new = reg.get_directive(ddb, max(r.id for r in reg.list_directives(ddb)))
    assert new.issuer == "UBND huyện Chợ Đồn" and "HUYỆN CHỢ ĐỒN" in new.full_text


@pytest.mark.parametrize(
    ("data", "message"),
    [(b"", "Tệp rỗng"), (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "ảnh bad.txt bị hỏng")],
)
def test_a_bad_file_is_refused_and_nothing_changes(page, ddb, tmp_path, data, message):  # noqa: F811
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    dialog = page.open_import()
    before = snapshot(ddb)
    dialog.load_file(path)
    assert wait_for_operations()
    assert message in dialog.error.text()
    assert dialog.stack.currentIndex() == 0
    assert snapshot(ddb) == before


def test_a_bad_date_in_review_is_said_and_nothing_saved(page, qtbot, ddb):  # noqa: F811
    dialog = page.open_import()
    dialog.load_file(SYNTHETIC / "ke-hoach-145-KH-UBND.txt")
    assert wait_for_operations()
    dialog.fields.arrival_date.clear()
    type_text(qtbot, dialog.fields.arrival_date, "31/02/2021")
    before = snapshot(ddb)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "Ngày đến" in dialog.error.text() and dialog.isVisible()
    assert snapshot(ddb) == before


def test_overview_lists_items_due_and_opens_the_directive(qtbot, ddb):  # noqa: F811
    install_language("vi")
    window = MainWindow(ddb)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.show_page("overview")
    overview = window.pages["overview"]
    overview.refresh()
    texts = [label.text() for label in overview.findChildren(QLabel)]
    due = reg.items_due(ddb)
    caption = f"mục công việc cần làm: {len(due.today)} đến hạn hôm nay, {len(due.overdue)} quá hạn"
    assert caption in texts
    panel = next(p for p in overview.panels if p.objectName() == "dueItemsPanel")
    assert panel.table.rowCount() == len(due.today) + len(due.overdue)
    assert "(quá hạn)" in panel.table.item(0, 0).text()
    first = due.overdue[0]
    rect = panel.table.visualItemRect(panel.table.item(0, 3))
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_page_key() == "directives"
    directives = window.pages["directives"]
    assert directives.stack.currentWidget() is directives.detail
    assert directives.detail.info.id == first.directive_id
    assert directives.detail.current_item().id == first.item.id
    # Marking it done there takes it off the overview.
    qtbot.mouseClick(directives.detail.status_buttons["done"], Qt.MouseButton.LeftButton)
    window.show_page("overview")
    assert panel.table.rowCount() == len(due.today) + len(due.overdue) - 1
