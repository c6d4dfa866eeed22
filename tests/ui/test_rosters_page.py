"""The duty-roster page driven like a person: keys, clicks, dialogs; then the database."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt, QTimer
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QMessageBox

from fieldapp.demo import DEMO_PROFILE
from fieldapp.profile import save_profile
from fieldapp.rostering.demo import demo_step
from fieldapp.rostering.planning import check_saved
from fieldapp.rostering.sheets import print_roster
from fieldapp.rostering.store import add_staff, find_staff, list_staff, load_snapshot, monday_of
from fieldapp.rostering.views import week_grid
from tests.ui.typing import type_text
from ui.i18n import install_language
from ui.operations import wait_for_operations
from ui.pages.rosters import RostersPage
from ui.pages.rosters.dialogs import CandidatesDialog, GenerateDialog, StaffDialog
from ui.pages.rosters.grid_model import WeekGridModel
from ui.pages.rosters.print_preview import load_pdf, paint_pdf

TODAY = date.today()
MONDAY = monday_of(TODAY)


@pytest.fixture
def roster_db(db):
    save_profile(db, DEMO_PROFILE)
    demo_step(db, today=TODAY)
    for i in range(4):  # spare people with no shifts yet: someone can always take a cell
        add_staff(db, f"Dự bị {i + 1}", unit="Đoàn Thanh niên xã", roles=["youth", "militia"])
    return db


def open_page(qtbot, db, size=(1150, 700)) -> RostersPage:
    install_language("vi")
    widget = RostersPage(db)
    qtbot.addWidget(widget)
    widget.resize(*size)
    widget.show()
    qtbot.waitExposed(widget)
    widget.refresh()
    return widget


@pytest.fixture
def page(qtbot, roster_db):
    yield open_page(qtbot, roster_db)
    install_language("vi")


ERRORS: list[BaseException] = []


def on_next_modal(action, kind=QDialog) -> None:
    """Do ``action(dialog)`` on the modal window that opens next (like a person would).

    A failed check inside closes the window (so the test does not hang) and is raised by
    :func:`no_modal_errors`.
    """
    seen = {id(w) for w in QApplication.topLevelWidgets() if w.isVisible()}

    def run() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, kind) and widget.isVisible() and id(widget) not in seen:
                try:
                    action(widget)
                except BaseException as err:  # noqa: BLE001 - reported by no_modal_errors
                    ERRORS.append(err)
                    widget.reject()
                return
        QTimer.singleShot(20, run)

    QTimer.singleShot(0, run)


@pytest.fixture(autouse=True)
def no_modal_errors():
    ERRORS.clear()
    yield
    if ERRORS:
        raise ERRORS[0]


def duties(db, day=None):
    first = day or MONDAY
    last = day or MONDAY + timedelta(days=13)
    return {(d.cell, d.staff_id): d for d in load_snapshot(db, first, last).duties}


def test_page_is_vietnamese_and_shows_this_weeks_grid(page, roster_db):
    tabs = [page.tabs.tabText(i) for i in range(page.tabs.count())]
    assert tabs[:6] == [
        "Lịch tuần theo điểm",
        "Tháng và ngày",
        "Theo người",
        "Công bằng",
        "Điểm danh",
        "Điểm trực và người trực",
    ]
    week = page.week
    assert week.site.count() == 4
    assert week.model.rowCount() == 3 and week.model.columnCount() == 7
    header = week.model.headerData(0, Qt.Orientation.Horizontal)
    assert header.startswith("Thứ Hai")
    text = week.model.index(0, 0).data()
    assert text.startswith("● ") and len(text.splitlines()) == 3
    assert "0 chỗ thiếu" in week.summary.text() or "thiếu 0" in week.summary.text()


def test_grid_model_passes_the_model_tester(qtmodeltester, roster_db):
    model = WeekGridModel()
    site = load_snapshot(roster_db, MONDAY, MONDAY).sites
    model.set_grid(week_grid(roster_db, min(site), MONDAY))
    qtmodeltester.check(model)


def test_month_and_day_models_pass_the_model_tester(qtmodeltester, roster_db):
    from fieldapp.rostering.views import day_rows, month_grid
    from ui.pages.rosters.views_tab import DayModel, MonthModel

    month = MonthModel()
    site = min(load_snapshot(roster_db, MONDAY, MONDAY).sites)
    month.set_grid(month_grid(roster_db, site, TODAY))
    qtmodeltester.check(month)
    assert month.rowCount() >= 28
    day = DayModel()
    day.set_rows(day_rows(roster_db, TODAY))
    qtmodeltester.check(day)
    assert day.rowCount() >= 4


def test_change_a_person_from_the_ranked_list_then_undo(page, roster_db, qtbot):
    week = page.week
    week.set_week(MONDAY + timedelta(days=7))
    week.select_cell(MONDAY + timedelta(days=9), "C1")
    week.view.setFocus()
    before = duties(roster_db)
    cell = week.current_cell()
    week.people.setCurrentRow(1)
    leaving = cell.people[1]
    chosen = {}

    def pick(dialog: CandidatesDialog) -> None:
        assert isinstance(dialog, CandidatesDialog)
        assert dialog.model.item(0, 0).text() == "✓"
        chosen["name"] = dialog.model.item(0, 1).text()
        assert dialog.chosen().staff.name == chosen["name"]
        dialog.accept()

    on_next_modal(pick)
    qtbot.keyClick(week.view, Qt.Key.Key_Return)
    assert wait_for_operations()  # the change is written off the GUI thread
    after = duties(roster_db)
    day = MONDAY + timedelta(days=9)
    names = {s for (c, s) in after if c == cell_key(cell)}
    person = find_staff(roster_db, chosen["name"])
    assert person.id in names and leaving.staff_id not in names
    new = next(d for (c, s), d in after.items() if c == cell_key(cell) and s == person.id)
    assert new.locked and new.day == day
    assert check_saved(roster_db, MONDAY, MONDAY + timedelta(days=13)) == []
    # Ctrl+Z puts it back as it was
    activate(qtbot, page)
    qtbot.keyClick(page, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert wait_for_operations()
    assert set(duties(roster_db)) == set(before)
    qtbot.keyClick(page, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert wait_for_operations()
    assert person.id in {s for (c, s) in duties(roster_db) if c == cell_key(cell)}


def activate(qtbot, widget) -> None:
    """The window in front again after a dialog (window shortcuts need it)."""
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow, timeout=2000)


def cell_key(cell):
    return (cell.site_id, cell.day, cell.shift)


def test_remove_lock_and_add_back_with_keys(page, roster_db, qtbot):
    week = page.week
    week.set_week(MONDAY + timedelta(days=7))
    day = MONDAY + timedelta(days=10)
    week.select_cell(day, "C2")
    week.view.setFocus()
    cell = week.current_cell()
    week.people.setCurrentRow(0)
    qtbot.keyClick(week.view, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert wait_for_operations()
    first = cell.people[0]
    assert duties(roster_db)[(cell_key(cell), first.staff_id)].locked
    assert "Bỏ cố định" in week.lock_button.text()
    week.people.setCurrentRow(1)
    gone = week.current_person()
    qtbot.keyClick(week.view, Qt.Key.Key_Delete)
    assert wait_for_operations()
    assert (cell_key(cell), gone.staff_id) not in duties(roster_db)
    assert week.current_cell().missing == 1
    assert "thiếu" in week.model.index(1, 3).data()
    assert week.add_button.isEnabled()

    def pick_first(dialog) -> None:
        dialog.accept()

    on_next_modal(pick_first)
    qtbot.mouseClick(week.add_button, Qt.MouseButton.LeftButton)
    assert wait_for_operations()
    assert week.current_cell().missing == 0
    assert check_saved(roster_db, MONDAY, MONDAY + timedelta(days=13)) == []


def test_forcing_a_rule_break_asks_and_shows_the_mark(page, roster_db, qtbot):
    week = page.week
    week.set_week(MONDAY + timedelta(days=7))
    day = MONDAY + timedelta(days=11)
    week.select_cell(day, "C1")
    cell = week.current_cell()
    week.people.setCurrentRow(1)
    # someone already on at another site at the same time
    other = next(
        d
        for d in load_snapshot(roster_db, day, day).duties
        if d.day == day
        and d.shift == "C1"
        and d.site_id != cell.site_id
        and d.staff_id not in {p.staff_id for p in cell.people}
    )
    name = find_staff(roster_db, str(other.staff_id)).name

    def pick(dialog: CandidatesDialog) -> None:
        dialog.search.setText(name)
        dialog.table.selectRow(0)
        assert (
            dialog.model.item(dialog.proxy.mapToSource(dialog.table.currentIndex()).row(), 0).text()
            == "✗"
        )
        on_next_modal(lambda box: box.button(QMessageBox.StandardButton.Yes).click(), QMessageBox)
        dialog.accept()

    on_next_modal(pick)
    week._on_change()
    assert wait_for_operations()
    grid = week_grid(roster_db, cell.site_id, day)
    assert any(c.kind == "overlap" for c in grid.cells[(day, "C1")].conflicts)
    index = week.model.index_of(day, "C1")
    assert "Trùng giờ" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert "vi phạm" in week.summary.text()


def test_generate_next_week_with_progress_then_undo(page, roster_db, qtbot):
    week = page.week
    week.set_week(MONDAY + timedelta(days=14))
    assert week.grid.missing > 0
    before = duties(roster_db, None)

    def accept(dialog: GenerateDialog) -> None:
        assert dialog.keep.isChecked()
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    on_next_modal(accept)
    qtbot.mouseClick(week.generate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: week.last_result is not None and not week.busy, timeout=20000)
    assert wait_for_operations()  # the week is read again off the GUI thread
    assert week.last_result.added == 27 * 7 and week.grid.missing == 0
    last = MONDAY + timedelta(days=20)
    assert check_saved(roster_db, MONDAY, last) == []
    page.undo.undo()
    assert wait_for_operations()  # undo runs in the write queue like the change did
    assert set(duties(roster_db, None)) == set(before)
    assert week.grid.missing > 0


def test_sick_from_tomorrow_replans(page, roster_db, qtbot):
    week = page.week
    tomorrow = TODAY + timedelta(days=1)
    snap = load_snapshot(roster_db, tomorrow, MONDAY + timedelta(days=13))
    sick = next(d.staff_id for d in snap.duties if d.day > tomorrow)
    week.start_unavailable(sick, "sick", tomorrow, None, "", True)
    qtbot.waitUntil(lambda: week.last_result is not None and not week.busy, timeout=20000)
    after = load_snapshot(roster_db, tomorrow, MONDAY + timedelta(days=13))
    assert not any(d.staff_id == sick for d in after.duties)
    assert check_saved(roster_db, MONDAY, MONDAY + timedelta(days=13)) == []
    page.undo.undo()
    assert wait_for_operations()
    back = load_snapshot(roster_db, tomorrow, MONDAY + timedelta(days=13))
    assert any(d.staff_id == sick for d in back.duties)
    assert not back.absences.get(sick) or all(
        a.starts.date() != tomorrow for a in back.absences[sick]
    )


def test_add_a_person_typing_vietnamese(page, roster_db, qtbot):
    page.tabs.setCurrentWidget(page.manage)
    count = len(list_staff(roster_db))

    def fill(dialog: StaffDialog) -> None:
        type_text(qtbot, dialog.name, "Lường Thị Thảo")
        dialog.unit.setCurrentText("Trạm Y tế xã")
        dialog.roles["health"].setChecked(True)
        dialog.no_nights.setChecked(True)
        weekends = dialog.wishes["weekends"]
        weekends.setCurrentIndex(weekends.findData("avoid"))  # a soft wish
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()

    on_next_modal(fill)
    qtbot.mouseClick(page.manage.new_person, Qt.MouseButton.LeftButton)
    people = list_staff(roster_db)
    assert len(people) == count + 1
    new = find_staff(roster_db, "Lường Thị Thảo")
    assert new.roles == ("health",) and new.no_nights and new.unit == "Trạm Y tế xã"
    assert new.wishes == {"weekends": "avoid"}
    texts = [
        page.manage.staff_model.item(r, 0).text() for r in range(page.manage.staff_model.rowCount())
    ]
    assert "Lường Thị Thảo" in texts
    activate(qtbot, page)
    qtbot.keyClick(page, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(list_staff(roster_db)) == count


def test_attendance_marks_from_the_tab(page, roster_db, qtbot):
    tab = page.attendance
    page.tabs.setCurrentWidget(tab)
    day = MONDAY + timedelta(days=13)  # the future: nothing marked yet
    tab.day.setDate(tab.day.date().addDays((day - TODAY).days))
    assert tab.model.rowCount() == 27
    assert all(r.status is None for r in tab.rows)
    tab.view.selectRow(0)
    type_text(qtbot, tab.marked_by, "Hoàng Văn Hùng")
    qtbot.mouseClick(tab.absent, Qt.MouseButton.LeftButton)
    assert tab.rows[0].status == "absent" and tab.rows[0].marked_by == "Hoàng Văn Hùng"
    assert tab.model.item(0, 4).text() == "vắng"
    qtbot.mouseClick(tab.all_present, Qt.MouseButton.LeftButton)
    assert {r.status for r in tab.rows[1:]} == {"present"}
    page.undo.undo()
    assert all(r.status is None for r in tab.rows[1:])


def test_person_and_fairness_tabs(page, roster_db):
    page.tabs.setCurrentWidget(page.person)
    person = page.person
    assert person.person.count() == len(list_staff(roster_db))
    person.show_person(find_staff(roster_db, "Hoàng Văn Hùng").id)
    assert person.model.rowCount() > 0
    assert "ca" in person.info.text()
    page.tabs.setCurrentWidget(page.fairness)
    assert page.fairness.model.rowCount() == 49
    shifts = sum(
        int(page.fairness.model.item(r, 3).text()) for r in range(page.fairness.model.rowCount())
    )
    assert shifts == 27 * 14


def test_printing_draws_every_page(roster_db, tmp_path, qapp):
    pdf = print_roster(roster_db, tmp_path / "lich.pdf", MONDAY)
    document = load_pdf(pdf)
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    pages = len(PdfReader(pdf).pages)
    assert pages >= 4  # the four demo sites, each from a new page
    assert paint_pdf(document, printer) == pages
    assert len(PdfReader(tmp_path / "printed.pdf").pages) == pages


def test_print_preview_opens_for_the_week(page, monkeypatch, tmp_path):
    seen = {}

    def fake_exec(dialog) -> int:
        printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / "preview.pdf"))
        dialog.paintRequested.emit(printer)
        seen["title"] = dialog.windowTitle()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr("ui.pages.rosters.print_preview.QPrintPreviewDialog.exec", fake_exec)
    page.week._on_print(False)
    assert wait_for_operations()  # the sheets are made off the GUI thread
    assert seen["title"] == "Lịch trực"
    printed = PdfReader(tmp_path / "preview.pdf")
    # printing to a file from the preview writes the vector sheet itself, not a picture
    assert (tmp_path / "preview.pdf").stat().st_size < 200_000
    assert "LỊCH TRỰC" in printed.pages[0].extract_text()
    for p in printed.pages:
        assert "/Image" not in str(p.get("/Resources", {}).get("/XObject", {}))


def test_ctrl_p_prints_what_each_tab_shows(page, qtbot, monkeypatch):
    """Ctrl+P printed on the households and reports pages but did nothing on the rosters
    page: it now opens the print preview of the tab in front (the week of this site, the
    month or day shown, the person's schedule)."""
    titles: list[str] = []

    def fake_exec(dialog) -> int:
        titles.append(dialog.windowTitle())
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr("ui.pages.rosters.print_preview.QPrintPreviewDialog.exec", fake_exec)
    page.week.view.setFocus()
    qtbot.keyClick(page.week.view, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert wait_for_operations() and len(titles) == 1
    page.tabs.setCurrentWidget(page.views)
    page.views.setFocus()
    qtbot.keyClick(page.views, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert wait_for_operations() and len(titles) == 2  # one preview each, not two at once
    assert "Ctrl+P" in page.week.print_button.toolTip()


def test_overview_card_counts_todays_shifts(qtbot, roster_db):
    from ui.pages.rosters.overview import overview_card

    install_language("vi")
    card = overview_card(roster_db)
    qtbot.addWidget(card)
    card.refresh()
    assert card.value.text() == "12"
    assert "đủ người" in card.caption.text()


# --- issue 16: edits do what they say --------------------------------------------------------


def _a_cell_with_someone_else_than(week, name_part: str):
    for (day, shift), cell in sorted(week.grid.cells.items()):
        if day > TODAY + timedelta(days=1) and cell.people and cell.active:
            if all(name_part not in p.name for p in cell.people):
                return day, shift, cell
    raise AssertionError("no cell")


def test_bao_nghi_marks_the_person_typed_not_the_selected_one(page, roster_db, qtbot):
    from ui.pages.rosters.dialogs import UnavailableDialog

    dung = add_staff(roster_db, "Phạm Minh Dũng", unit="Công an xã", roles=["police"])
    week = page.week
    week.set_week(MONDAY + timedelta(days=7))
    day, shift, cell = _a_cell_with_someone_else_than(week, "Dũng")
    week.select_cell(day, shift)
    selected = week.current_person()
    assert selected is not None and "Dũng" not in selected.name
    seen = {}

    def type_dung_and_confirm(dialog: UnavailableDialog) -> None:
        picker = dialog.picker
        assert picker.chosen_id == selected.staff_id  # the selected cell's person first
        qtbot.keyClicks(picker.search, "pham minh dung")  # no tones, lower case
        assert picker.chosen_id == dung.id
        assert "Phạm Minh Dũng" in picker.shown.text()
        qtbot.keyClick(picker.search, Qt.Key.Key_Return)  # takes the match, does not confirm
        assert dialog.isVisible() and dialog.focusWidget() is dialog.reason
        dialog.replan.setChecked(False)
        seen["values"] = dialog.values()
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    on_next_modal(type_dung_and_confirm)
    qtbot.mouseClick(week.unavailable_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "values" in seen, timeout=5000)
    assert wait_for_operations()
    assert seen["values"][0] == dung.id
    snap = load_snapshot(roster_db, MONDAY, MONDAY + timedelta(days=20))
    assert [a.reason for a in snap.absences.get(dung.id, [])] == ["sick"]
    assert not snap.absences.get(selected.staff_id) or all(
        a.reason != "sick" or a.starts.date() < TODAY for a in snap.absences[selected.staff_id]
    )
    page.undo.undo()
    assert wait_for_operations()
    assert not load_snapshot(roster_db, MONDAY, MONDAY).absences.get(dung.id)


def test_typing_a_name_nobody_has_refuses_to_confirm(page, roster_db, qtbot):
    from ui.pages.rosters.dialogs import UnavailableDialog

    def type_nonsense(dialog: UnavailableDialog) -> None:
        type_text(qtbot, dialog.picker.search, "Xyzw Không Có")
        assert dialog.picker.chosen_id is None
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
        assert dialog.isVisible() and dialog.hint.text()  # refused, says why
        dialog.reject()

    before = load_snapshot(roster_db, MONDAY, MONDAY + timedelta(days=13))
    on_next_modal(type_nonsense)
    qtbot.mouseClick(page.week.unavailable_button, Qt.MouseButton.LeftButton)
    after = load_snapshot(roster_db, MONDAY, MONDAY + timedelta(days=13))
    assert after.absences == before.absences and len(after.duties) == len(before.duties)


def test_enter_on_an_empty_place_fills_it(page, roster_db, qtbot):
    week = page.week
    week.set_week(MONDAY + timedelta(days=7))
    day = MONDAY + timedelta(days=11)
    week.select_cell(day, "C2")
    week.view.setFocus()
    week.people.setCurrentRow(0)
    qtbot.keyClick(week.view, Qt.Key.Key_Delete)
    assert wait_for_operations()
    week.view.setFocus()
    week.people.setCurrentRow(0)
    qtbot.keyClick(week.view, Qt.Key.Key_Delete)
    assert wait_for_operations()
    cell = week.current_cell()
    assert cell.missing >= 1
    week.people.setCurrentRow(-1)  # nobody chosen in the list: Enter means "fill a place"
    assert week.current_person() is None

    wanted = {}

    def type_and_enter(dialog: CandidatesDialog) -> None:
        name = next(c.staff.name for c in dialog.ranked[1:] if c.ok)  # not the first one
        wanted["name"] = name
        dialog.activateWindow()  # the dialog has the keyboard, as it has for a person
        qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)
        type_text(qtbot, dialog.search, "zzz khong ai")
        assert dialog.chosen() is None and "Không có ai khớp" in dialog.shown.text()
        assert not dialog.ok_button.isEnabled()  # nothing to confirm
        qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
        assert dialog.isVisible()  # Enter took no one
        dialog.search.clear()
        type_text(qtbot, dialog.search, name.lower())
        assert dialog.chosen() is not None and dialog.chosen().staff.name == name
        assert f"<b>{name}</b>" in dialog.shown.text()  # named before confirming
        assert dialog.ok_button.isEnabled()
        qtbot.keyClick(dialog.search, Qt.Key.Key_Return)

    on_next_modal(type_and_enter)
    before = cell.missing
    week.view.setFocus()
    qtbot.keyClick(week.view, Qt.Key.Key_Return)
    assert wait_for_operations()
    assert week.current_cell().missing == before - 1
    assert any(p.name == wanted["name"] for p in week.current_cell().people)
    page.undo.undo()
    assert wait_for_operations()
    assert week.current_cell().missing == before


def test_gaps_on_screen_name_the_role(page, roster_db, qtbot):
    week = page.week
    week.set_week(MONDAY + timedelta(days=14))  # not planned yet: every place is missing
    cell = next(c for c in week.grid.cells.values() if c.active)
    index = week.model.index_of(cell.day, cell.shift)
    text = index.data()
    site = week.grid.site
    role = next(iter(site.require))
    from fieldapp.rostering.instance import role_label

    assert f"thiếu 1 {role_label(role)}" in text.lower()


def test_month_and_day_views_and_a_chat_picture(page, roster_db, qtbot, monkeypatch, tmp_path):
    views = page.views
    page.tabs.setCurrentWidget(views)
    assert wait_for_operations()
    assert page.tabs.tabText(1) == "Tháng và ngày"
    model = views.table.model()
    days_in_month = ((TODAY.replace(day=1) + timedelta(days=32)).replace(day=1) - timedelta(1)).day
    assert model.rowCount() == days_in_month and model.columnCount() == 3
    today_row = TODAY.day - 1
    assert "●" in model.index(today_row, 0).data()  # the leader marked on today's shift
    views.mode.setCurrentIndex(views.DAY)
    assert wait_for_operations()
    day = views.table.model()
    assert day.rowCount() >= 4
    sites_shown = {day.index(r, 0).data() for r in range(day.rowCount())}
    assert any("Bằng Lãng" in s for s in sites_shown)
    target = tmp_path / "ngay.png"
    monkeypatch.setattr(
        "ui.pages.rosters.views_tab.QFileDialog.getSaveFileName",
        lambda *a, **k: (str(target), "PNG (*.png)"),
    )
    on_next_modal(lambda box: box.accept(), QMessageBox)
    qtbot.mouseClick(views.image_button, Qt.MouseButton.LeftButton)
    assert wait_for_operations(timeout=30)
    qtbot.waitUntil(target.exists, timeout=5000)
    assert target.read_bytes()[:4] == b"\x89PNG"


def test_the_month_prints_on_the_paper_chosen_beside_the_print_button(
    page, qtbot, monkeypatch, tmp_path
):
    """Most communes have an A4 printer: the month prints on two A4 portrait pages (days
    1-16, days 17-31) unless one A3 sheet is chosen."""
    printed = tmp_path / "preview.pdf"

    def fake_exec(dialog) -> int:
        printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        dialog.paintRequested.emit(printer)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr("ui.pages.rosters.print_preview.QPrintPreviewDialog.exec", fake_exec)
    views = page.views
    page.tabs.setCurrentWidget(views)
    assert wait_for_operations()
    # the quarantine site: a team of about twenty, two shifts (the demo's checkpoints
    # rotate thirty people or more through a month, whose table runs on to more pages)
    views.site.setCurrentIndex(views.site.findText("cách ly", Qt.MatchFlag.MatchContains))
    assert wait_for_operations()
    paper = views.paper
    assert paper.isVisible()
    assert [paper.itemText(i) for i in range(paper.count())] == ["A3 ngang", "A4 dọc"]
    assert paper.currentText() == "A4 dọc"  # the default

    def print_month() -> list:
        printed.unlink(missing_ok=True)
        qtbot.mouseClick(views.print_button, Qt.MouseButton.LeftButton)
        assert wait_for_operations(timeout=30)
        qtbot.waitUntil(printed.exists, timeout=5000)
        return [
            (round(float(p.mediabox.width)), round(float(p.mediabox.height)))
            for p in PdfReader(printed).pages
        ]

    paper.setCurrentIndex(paper.findText("A3 ngang"))
    sizes = print_month()
    assert sizes and set(sizes) == {(1191, 842)}  # A3 landscape
    paper.setCurrentIndex(paper.findText("A4 dọc"))
    assert print_month() == [(595, 842), (595, 842)]  # two A4 portrait pages
    text = " ".join(p.extract_text() for p in PdfReader(printed).pages)
    assert "Họ và tên" in text and "trưởng ca ký nhận/giao" in text
    views.mode.setCurrentIndex(views.DAY)  # one day of every site: no paper to choose
    assert wait_for_operations()
    assert not paper.isVisible()


def test_person_whole_month_button(page, roster_db, qtbot):
    page.tabs.setCurrentWidget(page.person)
    person = page.person
    qtbot.mouseClick(person.month_button, Qt.MouseButton.LeftButton)
    start = person.start.date()
    end = person.end.date()
    assert start.day() == 1 and end.addDays(1).day() == 1 and start.month() == end.month()


def test_a_new_site_with_its_hotline_reaches_the_wall_sheet(page, roster_db, qtbot, tmp_path):
    from ui.pages.rosters.dialogs import SiteDialog

    page.tabs.setCurrentWidget(page.manage)

    def fill(dialog: SiteDialog) -> None:
        type_text(qtbot, dialog.name, "Chốt Khuổi Dủm")
        type_text(qtbot, dialog.hotline, "0209 3870 199")
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()

    on_next_modal(fill)
    qtbot.mouseClick(page.manage.new_site, Qt.MouseButton.LeftButton)
    from fieldapp.rostering.store import find_site

    site = find_site(roster_db, "Khuổi Dủm")
    assert site.hotline == "0209 3870 199"
    pdf = print_roster(roster_db, tmp_path / "moi.pdf", TODAY, [site.id])
    text = "\n".join(p.extract_text() for p in PdfReader(pdf).pages)
    assert "0209 3870 199" in text


def test_hand_edits_write_off_the_gui_thread_and_undo(page, roster_db, qtbot, monkeypatch):
    """Swap (asked first when a rule would break), make leader: written by a worker thread,
    each one undo step; the window's thread never touches the database for them."""
    import threading

    from fieldapp.rostering import editing
    from ui.pages.rosters.dialogs import ChoiceDialog

    threads = []
    for name in ("swap", "set_leader"):
        real = getattr(editing, name)

        def spy(*args, _real=real, **kwargs):
            threads.append(threading.current_thread() is threading.main_thread())
            return _real(*args, **kwargs)

        monkeypatch.setattr(editing, name, spy)

    week = page.week
    week.set_week(MONDAY + timedelta(days=7))
    day = MONDAY + timedelta(days=10)
    week.select_cell(day, "C1")
    cell = week.current_cell()
    week.people.setCurrentRow(0)
    mine = week.current_person()
    before = duties(roster_db)
    # the same shift kind at another site on the same day: a swap that breaks no rule
    other = next(
        d for (c, _s), d in before.items() if c[1] == day and c[2] == "C1" and c[0] != cell.site_id
    )
    other_name = find_staff(roster_db, str(other.staff_id)).name

    def choose(dialog: ChoiceDialog) -> None:
        type_text(qtbot, dialog.search, other_name)
        row = next(
            r
            for r in range(dialog.proxy.rowCount())
            if dialog.proxy.index(r, 2).data() != cell_key(cell)[0]
            and dialog.proxy.index(r, 3).data() == other_name
            and dialog.proxy.index(r, 0).data().endswith(day.strftime("%d/%m/%Y"))
            and "1" in dialog.proxy.index(r, 1).data()
        )
        dialog.table.selectRow(row)
        dialog.accept()

    on_next_modal(choose)
    week._on_swap()
    assert wait_for_operations()
    after = duties(roster_db)
    assert (cell_key(cell), other.staff_id) in after
    assert ((other.site_id, day, "C1"), mine.staff_id) in after
    assert threads and not any(threads)  # every write ran on a worker
    assert check_saved(roster_db, MONDAY, MONDAY + timedelta(days=13)) == []

    page.undo.undo()
    assert wait_for_operations()
    assert (cell_key(cell), mine.staff_id) in duties(roster_db)
    assert (cell_key(cell), other.staff_id) not in duties(roster_db)

    # make the second person of the cell its leader, then undo
    week.select_cell(day, "C1")
    week.people.setCurrentRow(1)
    second = week.current_person()
    assert not second.leader
    week._on_leader()
    assert wait_for_operations()

    def leader_now() -> bool:
        here = week_grid(roster_db, cell.site_id, day).cells[(day, "C1")]
        return next(p for p in here.people if p.staff_id == second.staff_id).leader

    assert leader_now()
    page.undo.undo()
    assert wait_for_operations()
    assert not leader_now()
    assert not any(threads)


def test_a_refused_swap_changes_nothing(page, roster_db, qtbot):
    """Swapping with someone already on the same shift is refused: message, nothing saved."""
    from ui.pages.rosters.dialogs import ChoiceDialog

    week = page.week
    week.set_week(MONDAY + timedelta(days=7))
    day = MONDAY + timedelta(days=10)
    week.select_cell(day, "C1")
    cell = week.current_cell()
    week.people.setCurrentRow(0)
    before = duties(roster_db)
    partner = cell.people[1]
    shown = []

    def choose(dialog: ChoiceDialog) -> None:
        row = next(
            r
            for r in range(dialog.proxy.rowCount())
            if dialog.proxy.index(r, 3).data() == partner.name
            and dialog.proxy.index(r, 2).data() == week.grid.site.name
            and dialog.proxy.index(r, 0).data().endswith(day.strftime("%d/%m/%Y"))
            and "1" in dialog.proxy.index(r, 1).data()
        )
        dialog.table.selectRow(row)
        assert partner.name in dialog.shown.text()  # the choice named before confirming
        dialog.accept()

    on_next_modal(choose)
    on_next_modal(lambda box: (shown.append(box.text()), box.accept()), QMessageBox)
    undo_count = page.undo.count()
    week._on_swap()
    assert wait_for_operations()
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    assert duties(roster_db) == before
    assert page.undo.count() == undo_count


def test_delete_and_stop_a_person_in_the_background_then_undo(page, roster_db, qtbot):
    manage = page.manage
    page.tabs.setCurrentWidget(manage)
    spare = find_staff(roster_db, "Dự bị 4")  # nobody's shifts depend on them
    row = next(
        r for r in range(manage.staff_model.rowCount())
        if manage.staff_model.item(r, 0).text() == "Dự bị 4"
    )  # fmt: skip
    manage.staff_view.selectRow(row)
    count = len(list_staff(roster_db))
    on_next_modal(lambda box: box.button(QMessageBox.StandardButton.Yes).click(), QMessageBox)
    qtbot.mouseClick(manage.delete_person, Qt.MouseButton.LeftButton)
    assert wait_for_operations()
    assert len(list_staff(roster_db)) == count - 1
    texts = [manage.staff_model.item(r, 0).text() for r in range(manage.staff_model.rowCount())]
    assert "Dự bị 4" not in texts
    page.undo.undo()
    assert wait_for_operations()
    back = find_staff(roster_db, "Dự bị 4")
    assert back.roles == spare.roles and len(list_staff(roster_db)) == count
    # stop duty, then undo
    row = next(
        r for r in range(manage.staff_model.rowCount())
        if manage.staff_model.item(r, 0).text() == "Dự bị 4"
    )  # fmt: skip
    manage.staff_view.selectRow(row)
    qtbot.mouseClick(manage.stop_person, Qt.MouseButton.LeftButton)
    assert wait_for_operations()
    assert not find_staff(roster_db, "Dự bị 4").active
    page.undo.undo()
    assert wait_for_operations()
    assert find_staff(roster_db, "Dự bị 4").active


def test_the_page_opens_on_a_site_open_this_week_and_keeps_the_one_chosen(db, qtbot):
    """A gate closed last month was the first site, so the page opened on a week of
    "(không hoạt động)" cells. It opens on a site at work this week; a site the user picks
    stays picked when the page reloads."""
    from fieldapp.rostering.register import add_site

    save_profile(db, DEMO_PROFILE)
    add_site(db, "Cổng khu phong tỏa cũ", kind="gate", active_from=MONDAY - timedelta(days=60),
             active_to=MONDAY - timedelta(days=40))  # fmt: skip
    add_site(db, "Chốt Km 17", active_from=MONDAY - timedelta(days=3))
    widget = open_page(qtbot, db, (1366, 768))
    week = widget.week
    assert week.site.currentText() == "Chốt Km 17"
    assert "không hoạt động" not in (week.model.index(0, 0).data() or "")
    week.site.setFocus()
    qtbot.keyClick(week.site, Qt.Key.Key_Up)  # the user picks the closed gate, above it
    assert week.site.currentText() == "Cổng khu phong tỏa cũ"
    assert "không hoạt động" in week.model.index(0, 0).data()
    widget.refresh()
    assert week.site.currentText() == "Cổng khu phong tỏa cũ"
    bar = widget.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())
    assert widget.tabs.currentWidget() is widget.views  # "Tháng và ngày": the same choice
    assert widget.views.site.currentText() == "Chốt Km 17"


def test_import_a_list_of_people_on_duty_from_excel_then_undo(
    page, roster_db, qtbot, monkeypatch, tmp_path
):
    """Import list…: the file chosen, the preview shows who comes in with what force and
    who needs checking; Import adds them all as one step; Ctrl+Z takes them all back."""
    from PySide6.QtWidgets import QFileDialog

    from tests.core.rostering.test_staff_list import EXPECTED, write_xlsx
    from ui.pages.rosters.staff_import import StaffImportDialog

    page.tabs.setCurrentWidget(page.manage)
    before = {p.name for p in list_staff(roster_db)}
    path = write_xlsx(tmp_path / "luc-luong.xlsx")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    shown = {}

    def look_and_import(dialog: StaffImportDialog) -> None:
        model = dialog.model
        rows = {
            model.item(r, 1).text(): [model.item(r, c).text() for c in range(model.columnCount())]
            for r in range(model.rowCount())
        }
        shown["rows"] = rows
        shown["summary"] = dialog.summary.text()
        assert dialog.import_button.text() == "Nhập 8 người"
        dialog.import_button.click()

    on_next_modal(look_and_import, StaffImportDialog)
    qtbot.mouseClick(page.manage.import_people, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: set(EXPECTED) <= {p.name for p in list_staff(roster_db)}, timeout=20000)
    assert wait_for_operations()
    assert "Sẽ thêm: 8 người (1 người cần kiểm tra)" in shown["summary"]
    assert shown["rows"]["Hoàng Văn Nam"][2] == "dân quân"
    assert "số điện thoại" in shown["rows"]["Lý Văn Hải"][6]
    texts = {
        page.manage.staff_model.item(r, 0).text() for r in range(page.manage.staff_model.rowCount())
    }
    assert set(EXPECTED) <= texts
    activate(qtbot, page)
    qtbot.keyClick(page, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert wait_for_operations()
    assert {p.name for p in list_staff(roster_db)} == before
