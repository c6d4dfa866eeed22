"""Importing and exporting Excel lists from the households page, like a person would."""

from __future__ import annotations

import copy

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox
from sqlalchemy import func, select

from fieldapp.households.models import Household, HouseholdMember
from fieldapp.households.service import AreaInput, add_area
from tests.core.households.workbooks import TODAY, copy_of_demo, sample_households, write_list
from ui.i18n import install_language
from ui.operations import wait_for_operations
from ui.pages.households import HouseholdsPage
from ui.pages.households.import_dialog import ImportDialog


@pytest.fixture
def households():
    return sample_households()


@pytest.fixture
def area(db) -> int:
    return add_area(db, AreaInput(name="Khu phong tỏa thôn Nà Pài", started_on=TODAY))


@pytest.fixture
def quiet(monkeypatch):
    """Message boxes answer at once (yes to questions) and remember what they said."""
    import ui.errors

    said = []
    for name in ("information", "warning"):
        monkeypatch.setattr(
            QMessageBox, name, lambda _parent, _title, text, *a, **k: said.append(text)
        )
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda _parent, _title, text, *a, **k: said.append(text) or QMessageBox.StandardButton.Yes,
    )
    monkeypatch.setattr(ui.errors, "_box_factory", lambda _i, _t, text, _x: said.append(text))
    return said


def household_count(db) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(Household))


def test_preview_then_import_then_undo(qtbot, db, area, tmp_path, households, quiet, monkeypatch):
    install_language("vi")
    bad = copy.deepcopy(households)
    bad[2].people[0].citizen_id = "0060850012345"  # mistyped: kept, to check
    path = tmp_path / "danh-sach.xlsx"
    write_list(path, bad)
    dialog = ImportDialog(db, area)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.undo_button.isEnabled()  # nothing imported yet
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    qtbot.mouseClick(dialog.choose, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.preview is not None and not dialog.busy(), timeout=20000)
    assert household_count(db) == 0  # nothing written by the preview
    assert "Sẽ nhập: 12 hộ" in dialog.summary.text()
    assert "Số giấy tờ cần kiểm tra: 1" in dialog.summary.text()
    assert "Danh sách: 12 hộ" in dialog.sheets.text()
    assert "dòng không phải người" in dialog.sheets.text()
    tip = dialog.sheets.toolTip()  # each such row by sheet and row, with why
    assert "Danh sách: dòng 1–2: tiêu đề" in tip and "dòng tổng cộng" in tip
    rows = dialog.model.rows
    flagged = [r for r in rows if r.problems]
    assert flagged and "cần kiểm tra" in flagged[0].problems[0].message
    index = dialog.model.index(rows.index(flagged[0]), 3)
    assert index.data() == "mới"
    assert index.data(Qt.ItemDataRole.BackgroundRole).color().name() == "#fff4ce"
    assert "850012" not in dialog.model.index(rows.index(flagged[0]), 4).data()
    assert dialog.model.index(0, 5).data() == "Danh sách"
    dialog.only_problems.setChecked(True)
    assert all(r.problems for r in dialog.model.rows)
    dialog.only_problems.setChecked(False)

    saved = tmp_path / "xem-lai.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(saved), ""))
    assert dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: saved.exists() and not dialog.busy(), timeout=10000)
    names = [c.value for c in load_workbook(saved).active["B"]]
    assert bad[2].people[0].full_name in names and bad[0].people[0].full_name not in names

    with qtbot.waitSignal(dialog.imported, timeout=20000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert household_count(db) == 12  # nobody dropped
    assert any(t.startswith("Đã nhập 12 hộ") for t in quiet)
    assert dialog.result.rejected == []

    again = ImportDialog(db, area)
    qtbot.addWidget(again)
    again.show()
    assert again.undo_button.isEnabled()
    with qtbot.waitSignal(again.imported, timeout=20000):
        qtbot.mouseClick(again.undo_button, Qt.MouseButton.LeftButton)
    assert household_count(db) == 0
    assert not again.undo_button.isEnabled()


def test_a_broken_file_is_refused_and_nothing_changes(qtbot, db, area, tmp_path, quiet):
    install_language("vi")
    path = tmp_path / "hong.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a workbook")
    dialog = ImportDialog(db, area)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.load(str(path))
    qtbot.waitUntil(lambda: bool(quiet), timeout=10000)
    assert "hỏng" in quiet[0] and "Không có gì được ghi" in quiet[0]
    assert not dialog.import_button.isEnabled()
    assert household_count(db) == 0


def test_export_from_the_page(qtbot, tmp_path, quiet, monkeypatch):
    install_language("vi")
    demo_db = copy_of_demo(tmp_path / "template", tmp_path / "data")
    page = HouseholdsPage(demo_db)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    page.area_list.setCurrentRow(2)
    target = tmp_path / "xuat"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    import ui.pages.households as households_page

    answers = [False, True]  # personal data: first the person says no, then yes
    monkeypatch.setattr(households_page, "confirm_personal_export", lambda _p: answers.pop(0))
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    assert not (tmp_path / "xuat.xlsx").exists()
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    assert wait_for_operations(20)  # the workbook is built off the GUI thread
    book = load_workbook(tmp_path / "xuat.xlsx")
    assert book.sheetnames == ["Khu phong tỏa thôn Nà Pài"]
    assert "88 hộ" in quiet[-1]
    page.close()
    demo_db.close()


def test_an_id_to_check_is_listed_and_corrected_in_the_detail(qtbot, db, tmp_path, households):
    from datetime import date

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from fieldapp.households.excel_import import apply_import, read_roster
    from fieldapp.households.models import HouseholdMember
    from ui.pages.households.detail import HouseholdDetailDialog
    from ui.pages.households.dialogs import MemberDialog

    install_language("vi")
    area = add_area(db, AreaInput(name="Khu Nà Pài", started_on=date.today()))
    bad = copy.deepcopy(households[:3])
    head = bad[1].people[0]
    head.citizen_id = "0060850012345"  # mistyped: the person is kept, the number flagged
    path = tmp_path / "list.xlsx"
    write_list(path, bad)
    apply_import(db, read_roster(path), area)
    page = HouseholdsPage(db)
    qtbot.addWidget(page)
    page.resize(1156, 700)
    page.show()
    page.refresh()
    page.tabs.setCurrentIndex(1)
    lists = page.worklists
    lists.refresh()
    assert lists.ids.isVisible() and lists.ids.count == 1
    assert lists.ids.title() == "Số giấy tờ cần kiểm tra: 1 hộ"
    tree = lists.ids.tree
    model = tree.rows_model
    person = model.index(0, 0, model.index(0, 0))  # the household's row, then its person
    why = model.index(0, 2, model.index(0, 0)).data()
    assert person.data() == head.full_name and "chữ số thứ 4" in why
    assert "850012" not in why
    tree.setCurrentIndex(person)
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_Return)  # Enter opens the household, as a double click
    dialog = next(d for d in page.findChildren(HouseholdDetailDialog) if d.isVisible())
    row = [m.full_name for m in dialog.detail.members].index(head.full_name)
    assert "cần kiểm tra" in dialog.people.model().index(row, 4).data()
    dialog.people.selectRow(row)
    seen = {}

    def fix(member_dialog: MemberDialog) -> None:
        seen["why"] = member_dialog.id_check.text()
        member_dialog.citizen_id.clear()
        number = f"006{0 if head.sex == 'M' else 1}{head.birth_year % 100:02d}004321"
        qtbot.keyClicks(member_dialog.citizen_id, number)
        member_dialog.buttons.button(member_dialog.buttons.StandardButton.Save).click()

    def poll() -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, MemberDialog) and widget.isVisible():
            fix(widget)
        else:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)
    qtbot.mouseClick(dialog.edit_member_button, Qt.MouseButton.LeftButton)
    assert "Cần kiểm tra" in seen["why"] and "850012" not in seen["why"]
    with db.session() as s:
        fixed = s.scalars(
            select(HouseholdMember).where(HouseholdMember.full_name == head.full_name)
        ).one()
        assert fixed.id_check == "" and fixed.id_typed == "" and fixed.id_kind == "cccd"
    dialog.close()
    lists.refresh()
    assert not lists.ids.isVisible() and lists.ids.count == 0


def test_a_list_typed_as_a_word_table_through_the_window(
    qtbot, db, area, tmp_path, quiet, monkeypatch
):
    """An old Word 97-2003 .doc list: chosen, previewed, its rows to check saved to Excel,
    imported whole."""
    from tests.core.households.test_word_lists import HERE

    install_language("vi")
    path = HERE / "ds-na-pai.doc"
    dialog = ImportDialog(db, area)
    qtbot.addWidget(dialog)
    dialog.show()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    qtbot.mouseClick(dialog.choose, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.preview is not None and not dialog.busy(), timeout=20000)
    assert "Sẽ nhập: 3 hộ" in dialog.summary.text()
    assert "Bảng 1: 3 hộ" in dialog.sheets.text()
    saved = tmp_path / "xem-lai.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(saved), ""))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: saved.exists() and not dialog.busy(), timeout=10000)
    names = [c.value for c in load_workbook(saved).active["B"]]
    assert "Nông Thị Slao" in names and "Ma Thị Lan" not in names
    with qtbot.waitSignal(dialog.imported, timeout=20000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert household_count(db) == 3


def test_a_list_printed_to_pdf_through_the_window(qtbot, db, area, quiet, monkeypatch):
    """A spreadsheet printed to PDF over four pages (two pages wide): chosen through the
    file dialog (which offers .pdf), previewed with the repeated headings left out, imported
    whole with the phones from the right-hand pages."""
    from tests.core.households.test_pdf_lists import HERE

    install_language("vi")
    offered = {}

    def choose(*args, **kwargs):
        offered["filter"] = args[3] if len(args) > 3 else kwargs.get("filter", "")
        return str(HERE / "khuoi-ky.pdf"), ""

    dialog = ImportDialog(db, area)
    qtbot.addWidget(dialog)
    dialog.show()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", choose)
    qtbot.mouseClick(dialog.choose, Qt.MouseButton.LeftButton)
    assert "*.pdf" in offered["filter"]
    qtbot.waitUntil(lambda: dialog.preview is not None and not dialog.busy(), timeout=20000)
    assert "Sẽ nhập: 25 hộ" in dialog.summary.text()
    assert "nhắc lại" in dialog.sheets.text() or "Bảng 1: 25 hộ" in dialog.sheets.text()
    with qtbot.waitSignal(dialog.imported, timeout=20000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert household_count(db) == 25
    with db.session() as s:
        phones = s.scalars(select(HouseholdMember.phone).where(HouseholdMember.phone != "")).all()
    assert len(phones) == 25
