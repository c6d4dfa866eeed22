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
    assert issued is not None and issued.number_text == "01/BC-UBND"
    assert page.viewing is not None and page.part_edit.isReadOnly()
    assert "Số: 01/BC-UBND" in _text(page.pdf_data)
    assert page.issued_table.rowCount() == 1
    assert page.issued_table.item(0, 0).text() == "01/BC-UBND"

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


def _edit_part(qtbot, page: ReportsPage, key: str, text: str) -> None:
    page.parts_list.setCurrentRow(page._keys.index(key))
    page.part_edit.selectAll()
    type_text(qtbot, page.part_edit, text)


def test_edits_survive_kind_switches_a_crash_and_states_are_exact(qtbot, db) -> None:
    """The issue's walk: issue, open a new version, edit IV, switch to weekly and back."""
    build_world(db)
    page = _page(qtbot, db)
    issued = page.issue()
    assert issued is not None
    page.start_new_version(issued.id)
    _edit_part(qtbot, page, "proposals", "Đề nghị cấp thêm 500 bộ test.")
    page.kind_combo.setCurrentIndex(1)  # weekly: a draft of its own
    assert page.kind() == "weekly" and page.draft_id is None
    _edit_part(qtbot, page, "difficulties", "Mưa lớn, đường vào thôn bị sạt.")
    page.kind_combo.setCurrentIndex(0)  # back to the daily report
    assert page.part_edit.toPlainText() != ""
    page.parts_list.setCurrentRow(page._keys.index("proposals"))
    assert page.part_edit.toPlainText() == "Đề nghị cấp thêm 500 bộ test."
    assert "2" in page.status_label.text() and "01/BC-UBND" in page.status_label.text()
    states = {(r.kind, r.version): r.state for r in list_reports(db)}
    assert states == {("daily", 1): "issued", ("daily", 2): "draft", ("weekly", 1): "draft"}
    page._fill_issued()
    shown = {
        page.issued_table.item(i, 1).text(): page.issued_table.item(i, 3).text()
        for i in range(page.issued_table.rowCount())
        if page.issued_table.item(i, 0).text() == "01/BC-UBND"
    }
    assert shown["1"] != shown["2"]  # version 1 is not "replaced" before 2 is issued

    # A crash: nothing flushed by hand, the page is simply gone; the typing was kept.
    page.kind_combo.setCurrentIndex(1)
    _edit_part(qtbot, page, "notes", "Ghi chú chưa lưu bằng tay.")
    qtbot.waitUntil(lambda: not page.edits, timeout=3000)
    page.deleteLater()
    again = _page(qtbot, db)
    again.kind_combo.setCurrentIndex(1)
    again.parts_list.setCurrentRow(again._keys.index("notes"))
    assert again.part_edit.toPlainText() == "Ghi chú chưa lưu bằng tay."
    again.parts_list.setCurrentRow(again._keys.index("difficulties"))
    assert again.part_edit.toPlainText() == "Mưa lớn, đường vào thôn bị sạt."

    # Issuing version 2 makes version 1 superseded, and only then.
    again.kind_combo.setCurrentIndex(0)
    second = again.issue()
    assert (second.number, second.version) == (1, 2)
    states = {(r.kind, r.version): r.state for r in list_reports(db)}
    assert states[("daily", 1)] == "superseded" and states[("daily", 2)] == "issued"


def test_leaving_an_edit_that_cannot_be_kept_asks(qtbot, db, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    build_world(db)
    page = _page(qtbot, db)
    _edit_part(qtbot, page, "subject", " ")  # an empty subject line cannot be kept
    asked = []

    def answer(*args, **kwargs):
        asked.append(args[2])
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", answer)
    page.kind_combo.setCurrentIndex(1)
    assert asked and "Trích yếu" in asked[0]
    assert page.kind() == "daily" and page.edits == {"subject": " "}  # stayed, edit still there
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    page.kind_combo.setCurrentIndex(1)
    assert page.kind() == "weekly" and not page.edits
    assert list_reports(db) == []  # nothing half-kept


def test_daily_report_card_reminds_before_the_hour_then_says_sent(qtbot, db, tmp_path) -> None:
    import dataclasses
    from datetime import datetime

    from fieldapp.profile import load_profile, save_profile
    from fieldapp.reports.issue import issue_report
    from fieldapp.reports.render import spec_for
    from fieldapp.sync.package import export_package
    from ui.i18n import install_language
    from ui.pages.reports.daily_card import DailyReportCard

    world = build_world(db)
    save_profile(db, dataclasses.replace(load_profile(db), report_hour="16h30"))
    assert load_profile(db).report_hour == "16:30"
    install_language("vi")
    try:
        clock = [datetime.combine(world.day, datetime.min.time()).replace(hour=9)]
        card = DailyReportCard(db, clock=lambda: clock[0])
        qtbot.addWidget(card)
        assert card.value.text() == "16:30"
        assert "chưa ban hành" in card.caption.text() and not card.property("alert")
        clock[0] = clock[0].replace(hour=15, minute=0)
        card.refresh()
        assert card.property("alert") and "1 giờ 30 phút" in card.caption.text()
        issued = issue_report(db, spec_for(db, "daily", world.day))
        card.refresh()
        assert issued.number_text in card.caption.text() and "chưa gửi" in card.caption.text()
        clock[0] = clock[0].replace(hour=17)
        card.refresh()
        assert "16:30" in card.caption.text() and card.property("alert")  # late now
        export_package(db, tmp_path / "goi.fieldsync")
        card.refresh()
        assert "đã gửi" in card.caption.text() and not card.property("alert")
    finally:
        install_language("en")


def test_issue_button_numbers_the_report_off_the_gui_thread(qtbot, db, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from ui.operations import wait_for_operations

    build_world(db)
    page = _page(qtbot, db)
    _edit_part(qtbot, page, "notes", "Đã rà soát đủ các hộ.")
    told = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: told.append(a[2]))
    qtbot.mouseClick(page.issue_button, Qt.MouseButton.LeftButton)
    assert wait_for_operations(60)
    (issued,) = list_reports(db)
    assert issued.state == "issued" and issued.number_text == "01/BC-UBND"
    assert told and "01/BC-UBND" in told[0]
    assert page.viewing is not None and page.viewing.id == issued.id
    assert "Đã rà soát đủ các hộ." in _text(report_pdf(db, issued.id))
