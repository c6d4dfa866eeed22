"""A scanned directive imported through the window: read off the GUI thread with a progress
bar, reviewed beside its page image, flagged where OCR is unsure, saved with its OCR record;
and a reading cancelled half way changes nothing."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt

from fieldapp.directives import register as reg
from tests.core.directives import samples as S
from tests.core.directives.conftest import snapshot
from tests.core.directives.test_files import ISSUE
from tests.ui.test_directives_page import ddb, errors, page  # noqa: F401 - fixtures
from ui.operations import idle, running_operations, wait_for_operations

pytest.importorskip("tesserocr")


def test_scan_is_read_in_the_background_reviewed_beside_its_image_and_saved(
    page,  # noqa: F811
    qtbot,
    ddb,  # noqa: F811
    tmp_path,
):
    path = S.write_scan(ISSUE, tmp_path / "cong-van-2134.pdf", seed=3)
    dialog = page.open_import()
    qtbot.waitExposed(dialog)
    dialog.load_file(path)
    assert not idle()  # the reading runs off the GUI thread
    assert not dialog.open_button.isEnabled()
    assert wait_for_operations(60)
    assert dialog.stack.currentIndex() == 1
    fields = dialog.fields
    assert fields.number.text() == "2134/UBND-VP"
    assert fields.issuer.text() == "UBND huyện Tuy Đức"
    assert fields.issued_on.text() == "05/08/2021"
    assert fields.signer.text() == ISSUE.signer
    # The page image beside the fields, and a banner that this was OCR.
    assert dialog.tabs.currentWidget() is dialog.page_scroll
    pixmap = dialog.page_image.pixmap()
    assert pixmap is not None and not pixmap.isNull() and pixmap.width() >= 400
    assert dialog.ocr_banner.isVisible() and "OCR" in dialog.ocr_banner.text()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.saved
    rows = reg.list_directives(ddb)
    new = reg.get_directive(ddb, max(r.id for r in rows))
    assert new.number == "2134/UBND-VP" and new.ocr_pages == 1
    assert new.ocr_confidence is not None and new.ocr_confidence > 80
    assert "Gia Nghĩa" in new.full_text
    page.open_directive(new.id)
    assert page.stack.currentWidget() is page.detail
    assert "OCR" in page.detail.original_button.toolTip()


def test_fields_read_with_low_confidence_are_marked(page, qtbot, ddb, tmp_path):  # noqa: F811
    path = S.write_scan(ISSUE, tmp_path / "mo.pdf", seed=3)
    dialog = page.open_import()
    dialog.load_file(path)
    assert wait_for_operations(60)
    form = replace(dialog._form_ocr, ocr_flags=["signer", "place"])
    dialog.fields.set_doubtful(form.ocr_flags)
    dialog._form_ocr = form
    dialog._update_ocr_banner()
    assert dialog.fields.signer.property("doubtful") is True
    assert dialog.fields.labels["place"].text().startswith("⚠")
    assert dialog.fields.number.property("doubtful") is False
    assert "người ký" in dialog.ocr_banner.text() and "địa danh" in dialog.ocr_banner.text()


def test_cancelled_reading_changes_nothing(page, qtbot, ddb, tmp_path):  # noqa: F811
    path = S.write_scan(S.make_spec(4), tmp_path / "dai.pdf", seed=1)
    dialog = page.open_import()
    before = snapshot(ddb)
    dialog.load_file(path)
    ops = list(running_operations())
    assert ops
    for op in ops:
        op.cancel()
    assert wait_for_operations(60)
    assert dialog.stack.currentIndex() == 0
    assert "hủy" in dialog.error.text().lower()
    assert dialog.open_button.isEnabled()
    assert snapshot(ddb) == before


def test_an_iphone_heic_photo_through_the_window(page, qtbot, ddb, tmp_path):  # noqa: F811
    """A photo copied off an iPhone (.heic) is read in the background, shown and saved."""
    from tests.core.directives.test_files import HEIC

    dialog = page.open_import()
    qtbot.waitExposed(dialog)
    photo = tmp_path / "IMG_4127.HEIC"
    photo.write_bytes(HEIC.read_bytes())
    dialog.load_file(photo)
    assert wait_for_operations(60)
    assert dialog.stack.currentIndex() == 1
    want = S.expected(S.make_spec(1))
    assert dialog.fields.number.text() == want["number"]
    assert dialog.page_image.pixmap() is not None and not dialog.page_image.pixmap().isNull()
    before = len(reg.list_directives(ddb))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.saved and len(reg.list_directives(ddb)) == before + 1
