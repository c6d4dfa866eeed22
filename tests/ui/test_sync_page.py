"""The Sync page driven like a person: export, import with the trust dialog, resolve a conflict,
and the district view."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog
from sqlalchemy import select

from fieldapp.rostering.models import Site
from fieldapp.settings import get_setting
from fieldapp.sync.keys import device_fingerprint
from fieldapp.sync.models import Conflict, Peer
from fieldapp.sync.package import export_package
from fieldapp.sync.receive import import_package
from tests.core.sync.helpers import add_site, edit_site, new_device
from tests.ui.typing import type_text
from ui.i18n import install_language
from ui.operations import wait_for_operations
from ui.pages.sync import create_page
from ui.pages.sync.dialogs import TrustDialog


@pytest.fixture
def pair(tmp_path):
    commune = new_device(tmp_path, "commune", commune="Bằng Lãng")
    district = new_device(tmp_path, "district", commune="Huyện Chợ Đồn")
    install_language("vi")
    yield commune, district, tmp_path
    install_language("en")
    commune.close()
    district.close()


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def show(qtbot, db):
    page = create_page(db)
    qtbot.addWidget(page)
    page.resize(1140, 700)
    page.show()
    page.refresh()
    return page


def answer_trust_dialog(accept: bool, seen: list):
    """Click a button of the trust dialog once it is open (it is modal)."""

    def act():
        for w in QApplication.topLevelWidgets():
            if isinstance(w, TrustDialog) and w.isVisible():
                seen.append(w.fingerprint.text())
                (w.trust_button if accept else w.refuse_button).click()
                return
        QTimer.singleShot(20, act)

    QTimer.singleShot(20, act)


def test_export_then_import_with_the_trust_dialog(qtbot, pair, monkeypatch):
    commune, district, tmp = pair
    add_site(commune, "Chốt Nà Pài")
    page = show(qtbot, commune)
    assert page.transfer.fingerprint_label.text() == device_fingerprint(commune.paths)
    target = tmp / "usb" / "bang-lang"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    import ui.pages.sync.transfer_tab as sync_page

    warned = []
    monkeypatch.setattr(sync_page, "confirm_personal_export", lambda p: warned.append(p) or True)
    click(qtbot, page.transfer.export_changes_button)
    assert wait_for_operations()
    assert warned  # a person confirmed the export of personal data
    package = target.with_name("bang-lang.fieldsync")
    assert package.exists()
    assert "Đã lưu gói số 1" in page.transfer.results.toPlainText()
    click(qtbot, page.transfer.export_changes_button)  # nothing changed since: no file
    assert wait_for_operations()
    assert "không có gì phải gửi" in page.transfer.results.toPlainText().lower()

    other = show(qtbot, district)
    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: ([str(package)], ""))
    )
    seen: list[str] = []
    answer_trust_dialog(False, seen)  # the fingerprints differ: refused, nothing written
    click(qtbot, other.transfer.import_button)
    assert wait_for_operations()
    assert seen == [device_fingerprint(commune.paths)]
    assert "chưa nhận" in other.transfer.results.toPlainText()
    with district.session() as s:
        assert s.scalar(select(Site).where(Site.name == "Chốt Nà Pài")) is None
        assert s.scalar(select(Peer)) is None
    answer_trust_dialog(True, seen)
    click(qtbot, other.transfer.import_button)
    assert wait_for_operations()
    assert "xã Bằng Lãng, gói số 1: thêm" in other.transfer.results.toPlainText()
    with district.session() as s:
        assert s.scalar(select(Site).where(Site.name == "Chốt Nà Pài")) is not None
    qtbot.waitUntil(lambda: other.peers_tab.peers.rowCount() == 1)
    assert other.peers_tab.peers.item(0, 0).text() == "xã Bằng Lãng"
    # a second time: known sender, no dialog, nothing new
    click(qtbot, other.transfer.import_button)
    assert wait_for_operations()
    assert "đã nhận trước đây" in other.transfer.results.toPlainText()
    # a damaged file is refused with its reason
    bad = tmp / "bad.fieldsync"
    bad.write_bytes(b"not a zip")
    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: ([str(bad)], ""))
    )
    click(qtbot, other.transfer.import_button)
    assert wait_for_operations()
    assert "bad.fieldsync: bị từ chối" in other.transfer.results.toPlainText()


def test_resolve_a_conflict_from_the_page(qtbot, pair):
    commune, district, tmp = pair
    uuid = add_site(commune, "Chốt Nà Pài")
    import_package(district, export_package(commune, tmp / "1.fieldsync").path, trust_new=True)
    edit_site(district, uuid, "Chốt Nà Pài (huyện)")
    edit_site(commune, uuid, "Chốt Nà Pài (xã)")
    import_package(district, export_package(commune, tmp / "2.fieldsync").path)
    page = show(qtbot, district)
    assert page.tabs.tabText(2) == "Xung đột (1)"
    page.tabs.setCurrentIndex(2)
    tab = page.conflicts_tab
    assert tab.conflicts.rowCount() == 1 and tab.conflicts.item(0, 1).text() == "máy này"
    rows = {tab.compare.item(r, 0).text(): r for r in range(tab.compare.rowCount())}
    r = rows["Tên điểm trực"]  # the site form's own label
    assert tab.compare.item(r, 1).text() == "Chốt Nà Pài (xã)"
    assert r == 0  # what differs comes first
    assert tab.compare.item(r, 2).text() == "Chốt Nà Pài (huyện)"
    assert "device_id" not in rows and "uuid" not in rows
    type_text(qtbot, tab.who_edit, "Lê Thị Huyền")
    click(qtbot, tab.other_button)
    assert wait_for_operations()
    assert tab.conflicts.rowCount() == 0 and page.tabs.tabText(2) == "Xung đột (0)"
    with district.session() as s:
        assert s.scalar(select(Site.name).where(Site.uuid == uuid)) == "Chốt Nà Pài (huyện)"
        done = s.scalar(select(Conflict))
        assert done.resolved_by == "Lê Thị Huyền" and done.resolution == "use_other"


def test_district_mode_shows_the_roll_up_and_prints(qtbot, pair, monkeypatch):
    commune, district, tmp = pair
    add_site(commune, "Chốt Nà Pài")
    import_package(district, export_package(commune, tmp / "1.fieldsync").path, trust_new=True)
    page = show(qtbot, district)
    assert not page.tabs.isTabVisible(3)
    click(qtbot, page.transfer.district_mode)
    assert get_setting(district, "sync.district_mode") is True
    assert page.tabs.isTabVisible(3) and page.tabs.currentIndex() == 3
    tab = page.district
    names = [tab.rollup.item(r, 0).text() for r in range(tab.rollup.rowCount())]
    assert names == ["xã Bằng Lãng", "Tổng cộng"]
    assert "Tất cả 1 đơn vị phải báo cáo đã gửi đúng hạn" in tab.late_summary.text()
    pdf = tmp / "tong-hop.pdf"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(pdf), ""))
    )
    click(qtbot, tab.print_button)
    assert wait_for_operations()
    assert pdf.read_bytes().startswith(b"%PDF")
    assert "Đã lưu báo cáo tổng hợp" in tab.late_summary.text()
    assert tab.down_commune.currentText() == "xã Bằng Lãng"


def test_district_summary_goes_to_a_printer(qtbot, pair, monkeypatch, tmp_path):
    """The Qt print dialog is answered by choosing a PDF printer; the pages reach it."""
    from pypdf import PdfReader
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    commune, district, tmp = pair
    add_site(commune, "Chốt Nà Pài")
    import_package(district, export_package(commune, tmp / "1.fieldsync").path, trust_new=True)
    page = show(qtbot, district)
    click(qtbot, page.transfer.district_mode)
    printed = tmp_path / "printer.pdf"

    def choose_pdf_printer(dialog):
        dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        dialog.printer().setOutputFileName(str(printed))
        return QPrintDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", choose_pdf_printer)
    assert page.district.printer_button.text() == "In ra &máy in…"
    click(qtbot, page.district.printer_button)
    assert wait_for_operations(120)  # the pages are drawn at printer resolution, off the GUI
    assert printed.exists() and len(PdfReader(printed).pages) >= 1


def test_household_conflict_in_the_words_of_the_forms(qtbot, pair):
    """Field labels as the household form says them, areas by name, flags as yes/no."""
    import time

    from fieldapp.households.models import Household, LockdownArea

    commune, district, tmp = pair
    with commune.transaction() as s:
        first = LockdownArea(name="Thôn Nà Pài", started_on=date(2021, 8, 1))
        second = LockdownArea(name="Thôn Bản Lác", started_on=date(2021, 8, 1))
        s.add_all([first, second])
        s.flush()
        house = Household(area_id=first.id, head_name="Hoàng Văn Dũng", village="Nà Pài")
        s.add(house)
        s.flush()
        house_uuid = house.uuid
    import_package(district, export_package(commune, tmp / "1.fieldsync").path, trust_new=True)
    with district.transaction() as s:  # the district corrects the household...
        h = s.scalar(select(Household).where(Household.uuid == house_uuid))
        h.area_id = s.scalar(select(LockdownArea.id).where(LockdownArea.name == "Thôn Bản Lác"))
        h.poor = True
    time.sleep(0.01)
    with commune.transaction() as s:  # ...and the commune edits it too, later
        h = s.scalar(select(Household).where(Household.uuid == house_uuid))
        h.village = "Nà Pài 2"
    import_package(district, export_package(commune, tmp / "2.fieldsync").path)
    page = show(qtbot, district)
    tab = page.conflicts_tab
    assert tab.conflicts.rowCount() == 1 and tab.conflicts.item(0, 0).text() == "Hộ"
    rows = {
        tab.compare.item(r, 0).text(): (
            tab.compare.item(r, 1).text(),
            tab.compare.item(r, 2).text(),
        )
        for r in range(tab.compare.rowCount())
    }
    assert rows["Khu vực phong tỏa"] == ("Thôn Nà Pài", "Thôn Bản Lác")
    assert rows["Hộ nghèo"] == ("không", "có")
    assert rows["Thôn"][0] == "Nà Pài 2"  # as the household form calls it
    shown = " ".join(f"{k} {a} {b}" for k, (a, b) in rows.items())
    for internal in ("area_id", "member_count", "poor", "vulnerable", "device_id", house_uuid):
        assert internal not in shown
    assert not any(len(v) == 36 and v.count("-") == 4 for pair_ in rows.values() for v in pair_)


def test_district_tab_shows_the_communes_progress_on_a_directive(qtbot, pair):
    from fieldapp.directives.models import Directive, DirectiveItem
    from fieldapp.directives.register import (
        DirectiveForm,
        ItemForm,
        save_directive,
        set_item_status,
    )
    from fieldapp.sync.district import export_directives

    commune, district, tmp = pair
    add_site(commune, "Chốt Nà Pài")
    import_package(district, export_package(commune, tmp / "1.fieldsync").path, trust_new=True)
    own = save_directive(
        district,
        DirectiveForm(
            number="235-CV/HU",
            kind="Công văn",
            subject="Tăng cường phòng, chống dịch",
            items=[ItemForm(label="1", text="Lập chốt"), ItemForm(label="2", text="Báo cáo")],
        ),
    )
    down = export_directives(district, tmp / "down.fieldsync", "Bằng Lãng", directive_ids=[own])
    import_package(commune, down.path, trust_new=True)
    with commune.session() as s:
        copy = s.scalar(select(Directive.id).where(Directive.number == "235-CV/HU"))
        item = s.scalar(select(DirectiveItem.id).where(DirectiveItem.directive_id == copy).limit(1))
    set_item_status(commune, item, "done")
    import_package(district, export_package(commune, tmp / "2.fieldsync").path)
    page = show(qtbot, district)
    click(qtbot, page.transfer.district_mode)
    tab = page.district
    assert tab.progress_directive.currentText() == "Công văn 235-CV/HU"
    assert tab.progress_directive.count() == 1  # the commune's copy is not a directive here
    assert tab.progress_table.rowCount() == 1
    assert tab.progress_table.item(0, 0).text() == "xã Bằng Lãng"
    assert tab.progress_table.item(0, 1).text() == "1/2"
