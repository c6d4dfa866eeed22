"""The health follow-up tab driven like a team member: a whole round typed without the mouse."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from fieldapp.health.followup import followup_lists
from fieldapp.health.models import FollowUpCheck
from tests.core.households.workbooks import copy_of_demo
from ui.i18n import install_language
from ui.operations import wait_for_operations
from ui.pages.households import HouseholdsPage
from ui.pages.households.followup import ActionDialog


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory):
    return tmp_path_factory.mktemp("demo-template") / "data"


@pytest.fixture
def demo_db(demo_template, tmp_path):
    database = copy_of_demo(demo_template, tmp_path / "data")
    yield database
    database.close()


@pytest.fixture
def panel(qtbot, demo_db):
    install_language("vi")
    page = HouseholdsPage(demo_db)
    qtbot.addWidget(page)
    page.resize(1156, 700)
    page.show()
    page.refresh()
    page.tabs.setCurrentIndex(2)
    panel = page.followup
    qtbot.waitUntil(lambda: panel.lists is not None, timeout=5000)
    return panel


def checks(db) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(FollowUpCheck))


def on_modal(qtbot, kind, action) -> None:
    def poll() -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, kind) and widget.isVisible():
            action(widget)
        else:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)


def test_the_tab_lists_who_is_still_to_check(panel, demo_db):
    lists = followup_lists(demo_db)
    assert panel.round_model.rowCount() == len(lists.due) > 0
    first = panel.round_model.index(0, 0).data()
    assert first == lists.due[0].full_name
    assert panel.person_label.text().startswith(f"Kiểm tra {first}")
    assert "chưa kiểm tra" in panel.summary.text()


def test_a_round_by_keyboard_only(panel, qtbot, demo_db):
    """Three people: temperature, Tab, SpO2, Enter — and the next person comes up by itself."""
    due = [p.full_name for p in panel.round_model.people]
    typed = []
    for value in ("36,8", "37.2", "36.5"):
        name = panel.selected_person().full_name
        typed.append(name)
        panel.temperature.setFocus()
        qtbot.keyClicks(panel.temperature, value)
        qtbot.keyClick(panel.temperature, Qt.Key.Key_Tab)
        assert panel.spo2.hasFocus() or QApplication.focusWidget() is panel.spo2
        qtbot.keyClicks(panel.spo2, "98")
        qtbot.keyClick(panel.spo2, Qt.Key.Key_Return)
        wait_for_operations()
        qtbot.waitUntil(lambda n=name: panel.selected_person().full_name != n, timeout=5000)
    assert checks(demo_db) == 3
    assert typed == due[1:4] or typed == due[:3] or len(set(typed)) == 3
    lists = followup_lists(demo_db)
    assert {p.full_name: p.checks_today for p in lists.due if p.full_name in typed} == {
        n: 1 for n in typed
    }
    # a mistake is undone with the page's undo
    page = panel.parent()
    while page is not None and not hasattr(page, "undo_stack"):
        page = page.parent()
    page.undo_stack.undo()
    wait_for_operations()
    assert checks(demo_db) == 2


def test_a_danger_sign_turns_red_and_asks_what_was_done(panel, qtbot, demo_db):
    name = panel.selected_person().full_name
    qtbot.keyClicks(panel.spo2, "93")
    panel.symptoms["chest_pain"].setChecked(True)

    def answer(dialog: ActionDialog) -> None:
        dialog.action.setCurrentIndex(dialog.action.findData("called_station"))
        dialog.accept()

    on_modal(qtbot, ActionDialog, answer)
    qtbot.keyClick(panel.spo2, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.danger_model.rowCount() == 1, timeout=5000)
    wait_for_operations()
    qtbot.waitUntil(lambda: panel.danger_model.rows[0][1].action == "called_station", timeout=5000)
    row = panel.danger_model.rows[0]
    assert row[0].full_name == name
    assert panel.danger_model.index(0, 3).data() == "SpO2 thấp, Đau tức ngực"
    assert panel.danger_model.index(0, 4).data().startswith("Đã báo trạm y tế")
    with demo_db.session() as s:
        check = s.scalars(select(FollowUpCheck)).one()
        assert check.danger and check.action == "called_station" and check.action_at is not None


def test_a_wrong_value_is_refused_with_a_message_and_nothing_written(panel, qtbot, demo_db):
    from ui import errors

    shown = []
    original = errors.show_error
    errors.show_error = lambda parent, exc, **kw: shown.append(str(exc))
    try:
        qtbot.keyClicks(panel.temperature, "83")
        qtbot.keyClick(panel.temperature, Qt.Key.Key_Return)
        wait_for_operations()
        qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    finally:
        errors.show_error = original
    assert "Nhiệt độ" in shown[0]
    assert checks(demo_db) == 0
    assert panel.temperature.text() == "83"  # kept for correcting


def test_thresholds_are_set_in_settings_and_used_at_once(qtbot, demo_db):
    from fieldapp.health.followup import CheckInput, record_check, thresholds
    from ui.pages.households.followup_settings import FollowUpSettings

    install_language("vi")
    box = FollowUpSettings(demo_db)
    qtbot.addWidget(box)
    box.show()
    assert box.spo2.value() == 95 and box.breath.value() == 20  # Decision 4038's defaults
    box.spo2.selectAll()
    qtbot.keyClicks(box.spo2, "93")
    box.symptoms["cough"].setChecked(True)
    qtbot.mouseClick(box.save_button, Qt.MouseButton.LeftButton)
    assert box.status.text() == "Đã lưu."
    assert thresholds(demo_db).spo2_max == 93 and "cough" in thresholds(demo_db).symptoms
    person = followup_lists(demo_db).due[0].member_id
    assert not record_check(demo_db, CheckInput(person, spo2=94)).danger
    assert record_check(demo_db, CheckInput(person, symptoms=["cough"])).danger


def test_an_unanswered_danger_sign_tops_the_overview_until_acted_on(qtbot, demo_db):
    from fieldapp.health.followup import CheckInput, record_action, record_check
    from ui.pages.overview import OverviewPage

    install_language("vi")
    page = OverviewPage(demo_db)
    qtbot.addWidget(page)
    page.show()
    alert = page.alerts[-1]
    assert alert.isHidden()
    person = followup_lists(demo_db).due[0]
    check = record_check(demo_db, CheckInput(person.member_id, spo2=92))
    page.refresh()
    assert alert.isVisible()
    assert alert.text.text().startswith("1 dấu hiệu nặng trong 24 giờ chưa xử lý")
    assert f"{person.full_name} (SpO2 thấp)" in alert.text.text()
    # it stands above the figures
    assert page.outer.indexOf(alert) < page.outer.indexOf(page.hint)
    record_action(demo_db, check.id, "called_station")
    page.refresh()
    assert alert.isHidden()


@pytest.fixture
def page(qtbot, demo_db):
    install_language("vi")
    widget = HouseholdsPage(demo_db)
    qtbot.addWidget(widget)
    widget.resize(1156, 700)
    widget.show()
    widget.refresh()
    return widget


def f1_household(db) -> tuple[int, int, str]:
    """A household with an F1 at home: (household, person, name)."""
    person = followup_lists(db).due[0]
    return person.household_id, person.member_id, person.full_name


def test_a_positive_test_added_in_the_household_offers_f0(page, qtbot, demo_db):
    from fieldapp.households.models import HouseholdMember
    from ui.pages.households.test_entry import OfferF0Dialog, TestEntryDialog

    household, person, name = f1_household(demo_db)
    dialog = page.open_household(household)
    dialog.tabs.setCurrentIndex(2)

    def fill(entry: TestEntryDialog) -> None:
        entry.person.setCurrentIndex(entry.person.findData(person))
        entry.kind.setCurrentIndex(entry.kind.findData("pcr"))
        entry.result.setCurrentIndex(entry.result.findData("positive"))
        entry.accept()

    offered = {}

    def answer(offer: OfferF0Dialog) -> None:
        offered["names"] = [offer.people.item(i).text() for i in range(offer.people.count())]
        offered["place"] = offer.place.text()
        offer.accept()

    on_modal(qtbot, TestEntryDialog, fill)
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    on_modal(qtbot, OfferF0Dialog, answer)
    qtbot.waitUntil(lambda: "names" in offered, timeout=5000)
    wait_for_operations()
    assert offered["names"][0].startswith(f"{name} — dương tính ngày")
    assert offered["place"] == "Điều trị tại nhà"
    with demo_db.session() as s:
        member = s.get(HouseholdMember, person)
        assert (member.status, member.isolation) == ("F0", "home")
    qtbot.waitUntil(
        lambda: any(
            dialog.tests.item(r, 3).text() == "Dương tính" for r in range(dialog.tests.rowCount())
        ),
        timeout=5000,
    )
    dialog.close()


def test_an_outcome_is_chosen_in_the_status_dialog(page, qtbot, demo_db):
    from fieldapp.households.models import HealthStatus, HouseholdMember
    from ui.pages.households.dialogs import StatusDialog

    household, person, _name = f1_household(demo_db)
    dialog = page.open_household(household)
    row = next(
        r for r in range(dialog.people.rowCount())
        if dialog.people.item(r, 0).data(Qt.ItemDataRole.UserRole) == person
    )  # fmt: skip
    dialog.people.selectRow(row)
    seen = {}

    def fill(status: StatusDialog) -> None:
        status.status.setCurrentIndex(status.status.findData("facility"))
        seen["isolation"] = status.isolation.isEnabled()
        status.buttons.button(status.buttons.StandardButton.Save).click()
        seen["error"] = status.error.text()  # the facility is required
        status.place.setText("Bệnh viện dã chiến số 2")
        status.buttons.button(status.buttons.StandardButton.Save).click()

    on_modal(qtbot, StatusDialog, fill)
    qtbot.mouseClick(dialog.status_button, Qt.MouseButton.LeftButton)
    assert seen == {"isolation": False, "error": "Cần ghi tên cơ sở điều trị đã chuyển đến."}
    with demo_db.session() as s:
        member = s.get(HouseholdMember, person)
        assert (member.status, member.isolation) == ("facility", "")
        entry = s.scalars(
            select(HealthStatus)
            .where(HealthStatus.member_id == person)
            .order_by(HealthStatus.id.desc())
        ).first()
        assert entry.place == "Bệnh viện dã chiến số 2"
    dialog.close()
