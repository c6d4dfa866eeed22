"""The reports page: preview, reword, issue, new version, print, save; the overview card."""

from __future__ import annotations

import io

from pypdf import PdfReader
from PySide6.QtCore import Qt

from fieldapp.reports.issue import list_reports, report_pdf
from tests.core.reports.world import build_world
from tests.core.test_official_pdf import page_texts
from tests.ui.typing import type_text
from ui.pages.reports import ReportsPage


def _text(data: bytes) -> str:
    return " ".join(page_texts(PdfReader(io.BytesIO(data))))


def _page(qtbot, db) -> ReportsPage:
    page = ReportsPage(db)
    qtbot.addWidget(page)
    page.resize(1156, 740)
    page.show()
    page.activateWindow()
    qtbot.waitExposed(page)
    page.refresh()
    return page


def test_preview_edit_issue_and_new_version(qtbot, db, tmp_path) -> None:
    world = build_world(db)
    page = _page(qtbot, db)
    assert page.kind() == "daily" and page.day() == world.day
    assert page.pdf_document.pageCount() >= 1
    assert "Số ca F0 3 +1" in _text(page.pdf_data)

    # Reword the difficulties, as a person would: pick the part, type, preview (F5).
    row = page._keys.index("difficulties")
    page.parts_list.setCurrentRow(row)
    page.part_edit.selectAll()
    type_text(qtbot, page.part_edit, "Thiếu 200 bộ test nhanh.")
    # The preview follows the typing a moment later.
    qtbot.waitUntil(lambda: "Thiếu 200 bộ test nhanh." in _text(page.pdf_data), timeout=3000)

    issued = page.issue()
    assert issued is not None and issued.number_text == "1/BC-UBND"
    assert page.viewing is not None and page.part_edit.isReadOnly()
    assert "Số: 01/BC-UBND" in _text(page.pdf_data)
    assert page.issued_table.rowCount() == 1
    assert page.issued_table.item(0, 0).text() == "1/BC-UBND"

    draft = page.start_new_version(issued.id)
    assert draft is not None and draft.version == 2
    assert not page.part_edit.isReadOnly()
    page.parts_list.setCurrentRow(page._keys.index("proposals"))
    page.part_edit.selectAll()
    type_text(qtbot, page.part_edit, "Xin thêm gạo.")
    second = page.issue()
    assert (second.number, second.version) == (1, 2)
    text = _text(report_pdf(db, second.id))
    assert "Xin thêm gạo." in text and "Thiếu 200 bộ test nhanh." in text
    assert [r.version for r in list_reports(db)] == [2, 1]
    assert "Xin thêm gạo." not in _text(report_pdf(db, issued.id))

    # Save and print what is shown.
    target = tmp_path / "saved.pdf"
    page.save_pdf_to(str(target))
    assert target.read_bytes() == report_pdf(db, second.id)
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert page.print_to(printer) == page.pdf_document.pageCount()
    assert len(PdfReader(tmp_path / "printed.pdf").pages) == page.pdf_document.pageCount()


def test_directive_report_and_saved_draft(qtbot, db) -> None:
    build_world(db)
    page = _page(qtbot, db)
    page.kind_combo.setCurrentIndex(2)
    assert page.directive_combo.isVisibleTo(page)
    assert "Kết quả thực hiện Công văn số 235-CV/HU" in _text(page.pdf_data)
    page.parts_list.setCurrentRow(page._keys.index("closing"))
    page.part_edit.selectAll()
    type_text(qtbot, page.part_edit, "Kính báo cáo./.")
    qtbot.mouseClick(page.draft_button, Qt.MouseButton.LeftButton)
    (draft,) = list_reports(db)
    assert draft.status == "draft" and draft.parts == {"closing": "Kính báo cáo./."}
    assert "Kính báo cáo./." in _text(page.pdf_data)


def test_overview_card_shows_todays_figures(qtbot, db) -> None:
    build_world(db)
    from ui.pages.reports.overview import overview_card

    card = overview_card(db)
    qtbot.addWidget(card)
    assert card.value.text() == "3 / 4"
    assert "6" in card.caption.text() and "1" in card.caption.text()
