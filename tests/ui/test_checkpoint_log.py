"""The checkpoint log tab, used with the keyboard only, like the clerk at the barrier at night."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from fieldapp.checkpoints.log import EntryInput, add_entry
from fieldapp.checkpoints.models import CheckpointEntry
from tests.core.checkpoints.conftest import make_site
from tests.ui.typing import type_text
from ui.pages.checkpoints.entry_model import NAME, PHONE, PLATE, CheckpointEntryModel
from ui.pages.checkpoints.log_widget import CheckpointLogWidget


@pytest.fixture
def log(qtbot, db):
    cau = make_site(db, "Chốt kiểm soát Cầu Bằng Lãng")
    make_site(db, "Chốt kiểm soát Nà Pài")
    widget = CheckpointLogWidget(db)
    qtbot.addWidget(widget)
    widget.resize(1100, 620)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    widget.site.setCurrentIndex(widget.site.findData(cau))
    return widget


def rows(db) -> list[CheckpointEntry]:
    with db.session() as s:
        return list(s.scalars(select(CheckpointEntry).order_by(CheckpointEntry.id)))


def key(qtbot, widget, which, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(widget, which, modifier)


def shown(widget: CheckpointLogWidget, column: int) -> list[str]:
    model = widget.table.model()
    return [model.index(r, column).data() for r in range(model.rowCount())]


def test_enter_saves_and_clears_for_the_next_person(qtbot, log, db) -> None:
    type_text(qtbot, log.name, "Nguyễn Thị Ngọc Huyền")
    key(qtbot, log.name, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is log.from_place  # Tab walks the line
    type_text(qtbot, log.from_place, "Bình Dương")
    type_text(qtbot, log.to_place, "thôn Nà Pài")
    type_text(qtbot, log.plate, "61b1 12345")
    type_text(qtbot, log.phone, "0912 345 678")
    log.people.setFocus()
    key(qtbot, log.people, Qt.Key.Key_Up)  # two people on the motorbike
    log.declared.setFocus()
    key(qtbot, log.declared, Qt.Key.Key_Space)
    key(qtbot, log.declared, Qt.Key.Key_Return)

    (saved,) = rows(db)
    assert (saved.full_name, saved.from_place, saved.to_place) == (
        "Nguyễn Thị Ngọc Huyền",
        "Bình Dương",
        "thôn Nà Pài",
    )
    assert (saved.vehicle_plate, saved.phone, saved.people_count) == (
        "61B1-123.45",
        "0912345678",
        2,
    )
    assert saved.health_declared and saved.site_id == log.site.currentData()
    # Cleared for the next person: the checkpoint and "from" stay, the cursor is on the name.
    assert log.name.text() == "" and log.plate.text() == "" and log.phone.text() == ""
    assert log.from_place.text() == "Bình Dương" and not log.declared.isChecked()
    assert log.people.value() == 1
    assert QApplication.focusWidget() is log.name
    # The table and the live count.
    assert shown(log, NAME) == ["Nguyễn Thị Ngọc Huyền"]
    assert shown(log, PHONE) == ["•••••••678"]  # personal data masked
    assert shown(log, PLATE) == ["61B1-123.45"]
    assert "2" in log.count.text() and "Bình Dương 2" in log.count.text()

    type_text(qtbot, log.name, "đặng văn hùng")
    key(qtbot, log.name, Qt.Key.Key_Enter)
    assert [r.full_name for r in rows(db)] == ["Nguyễn Thị Ngọc Huyền", "Đặng Văn Hùng"]
    assert rows(db)[1].from_place == "Bình Dương" and not rows(db)[1].health_declared
    assert shown(log, NAME)[0] == "Đặng Văn Hùng"  # newest first
    assert "3" in log.count.text() and "Bình Dương 3" in log.count.text()


def test_a_mistake_is_shown_the_field_refocused_and_nothing_saved(qtbot, log, db) -> None:
    type_text(qtbot, log.name, "Lý Thị Mỹ Nguyệt")
    type_text(qtbot, log.phone, "0912")
    key(qtbot, log.phone, Qt.Key.Key_Return)
    assert rows(db) == []
    assert "10" in log.error.text() and "0912" not in log.error.text()
    assert QApplication.focusWidget() is log.phone
    assert log.name.text() == "Lý Thị Mỹ Nguyệt"  # nothing typed is lost
    log.phone.clear()
    type_text(qtbot, log.phone, "0912345678")
    key(qtbot, log.phone, Qt.Key.Key_Return)
    assert len(rows(db)) == 1 and log.error.text() == ""
    key(qtbot, log.name, Qt.Key.Key_Return)  # an empty name is refused too
    assert len(rows(db)) == 1 and log.error.text()
    assert QApplication.focusWidget() is log.name


def test_delete_and_undo_with_the_keyboard(qtbot, log, db) -> None:
    for name in ("Ma Văn Khánh", "Bế Hữu Dũng"):
        type_text(qtbot, log.name, name)
        key(qtbot, log.name, Qt.Key.Key_Return)
    first, second = rows(db)
    log.table.setFocus()
    log.table.selectRow(0)  # the newest: Bế Hữu Dũng
    key(qtbot, log.table, Qt.Key.Key_Delete)
    assert [r.full_name for r in rows(db)] == ["Ma Văn Khánh"]
    assert shown(log, NAME) == ["Ma Văn Khánh"]
    key(qtbot, log.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    back = rows(db)
    assert [r.id for r in back] == [first.id, second.id]  # the same entry came back
    assert back[1].full_name == "Bế Hữu Dũng" and back[1].created_at == second.created_at
    assert shown(log, NAME) == ["Bế Hữu Dũng", "Ma Văn Khánh"]
    key(qtbot, log.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo the 2nd add
    assert [r.full_name for r in rows(db)] == ["Ma Văn Khánh"]
    key(qtbot, log.table, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)  # and redo it
    assert [r.full_name for r in rows(db)] == ["Ma Văn Khánh", "Bế Hữu Dũng"]
    key(qtbot, log.table, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)  # the delete too
    assert [r.full_name for r in rows(db)] == ["Ma Văn Khánh"]
    assert log.status.text().startswith("Deleted") or "Đã xóa" in log.status.text()


def test_correcting_a_row_keeps_a_masked_phone_and_can_be_undone(qtbot, log, db) -> None:
    type_text(qtbot, log.name, "Hoàng Thị Thủy")
    type_text(qtbot, log.phone, "0987654321")
    key(qtbot, log.phone, Qt.Key.Key_Return)
    log.table.setFocus()
    log.table.selectRow(0)
    key(qtbot, log.table, Qt.Key.Key_F2)
    assert log.name.text() == "Hoàng Thị Thủy" and log.phone.text() == "•••••••321"
    assert QApplication.focusWidget() is log.name
    log.name.clear()
    type_text(qtbot, log.name, "Hoàng Thị Thu Thủy")
    key(qtbot, log.name, Qt.Key.Key_Return)
    (row,) = rows(db)
    assert row.full_name == "Hoàng Thị Thu Thủy" and row.phone == "0987654321"
    assert log.name.text() == "" and log.mode.text() == ""
    key(qtbot, log.name, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert rows(db)[0].full_name == "Hoàng Thị Thủy"
    # Escape leaves a correction without saving.
    log.load_for_edit(log.model.entry(0))
    key(qtbot, log.name, Qt.Key.Key_Escape)
    assert log.name.text() == "" and log.mode.text() == ""
    assert rows(db)[0].full_name == "Hoàng Thị Thủy"


def test_the_day_picker_the_sites_and_search(qtbot, log, db) -> None:
    napai = log.site.itemData(1)
    yesterday = date.today() - timedelta(days=1)
    moment = datetime.combine(yesterday, datetime.min.time()).astimezone() + timedelta(hours=21)
    add_entry(
        db, EntryInput(log.site.currentData(), "Triệu Quốc Vững", moment, from_place="Hà Nội")
    )
    add_entry(db, EntryInput(napai, "Lường Thị Hương", None, from_place="Bắc Giang"))
    log.refresh()
    assert shown(log, NAME) == []  # today, at this checkpoint: nobody yet
    log.all_sites.setChecked(True)
    assert shown(log, NAME) == ["Lường Thị Hương"]
    log.day.setDate(QDate(yesterday.year, yesterday.month, yesterday.day))
    assert shown(log, NAME) == ["Triệu Quốc Vững"]
    assert "Hà Nội 1" in log.count.text()
    # A past day's paper log: the typed time is kept, the entry lands on that day.
    log.time.setTime(log.time.time().fromString("20:15", "HH:mm"))
    type_text(qtbot, log.name, "Nông Đức Thắng")
    key(qtbot, log.name, Qt.Key.Key_Return)
    saved = [r for r in rows(db) if r.full_name == "Nông Đức Thắng"][0]
    local = saved.arrived_at.astimezone()
    assert (local.date(), local.hour, local.minute) == (yesterday, 20, 15)
    assert log.time.time().toString("HH:mm") == "20:15"
    type_text(qtbot, log.search, "trieu")
    assert shown(log, NAME) == ["Triệu Quốc Vững"]
    log.search.clear()
    assert len(shown(log, NAME)) == 2


def test_the_table_model_is_sound(qtmodeltester, db) -> None:
    site = make_site(db, "Chốt kiểm soát Cầu Bằng Lãng")
    entry = add_entry(db, EntryInput(site, "Hà Văn A", None, phone="0912345678"))
    model = CheckpointEntryModel()
    model.set_rows([entry])
    qtmodeltester.check(model)
    model.set_rows([])
    qtmodeltester.check(model)


def test_the_log_claims_ctrl_z_before_a_page_wide_undo(qtbot, log, db) -> None:
    # The duty-roster page holds the log as a tab and has a window-wide Ctrl+Z of its own:
    # Qt asks the focused widget first (ShortcutOverride); the log must claim the key.
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent

    def claimed(widget, key=Qt.Key.Key_Z) -> bool:
        event = QKeyEvent(QEvent.Type.ShortcutOverride, key, Qt.KeyboardModifier.ControlModifier)
        event.ignore()
        QApplication.sendEvent(widget, event)
        return event.isAccepted()

    for widget in (log.table, log.day, log.all_sites, log.name, log.save_button):
        assert claimed(widget) and claimed(widget, Qt.Key.Key_Y)
    assert not claimed(log.table, Qt.Key.Key_A)
    type_text(qtbot, log.name, "Lục Thị Thu")
    key(qtbot, log.name, Qt.Key.Key_Return)
    assert len(rows(db)) == 1
    log.day.setFocus()
    key(qtbot, log.day, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert rows(db) == []
    key(qtbot, log.day, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert len(rows(db)) == 1
    # Typing of its own: Ctrl+Z in the field takes back the typing, not the log.
    type_text(qtbot, log.notes, "xe tải")
    key(qtbot, log.notes, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(rows(db)) == 1 and log.notes.text() != "xe tải"


def test_temperature_typed_at_the_barrier_is_kept_and_fever_counted(qtbot, log, db) -> None:
    """Issue 19: the summary counts "người sốt", so the form takes a temperature."""
    from fieldapp.checkpoints.log import daily_counts

    for name, temperature in (("Lò Văn Pó", "38,2"), ("Hà Thị Mỷ", "36.6")):
        type_text(qtbot, log.name, name)
        log.declared.setFocus()
        key(qtbot, log.declared, Qt.Key.Key_Space)
        key(qtbot, log.declared, Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is log.temperature  # next on the line
        type_text(qtbot, log.temperature, temperature)
        if name == "Lò Văn Pó":
            assert log.temperature.property("error") is True  # red at once: a fever
        key(qtbot, log.temperature, Qt.Key.Key_Return)
    assert [(r.full_name, r.temperature) for r in rows(db)] == [
        ("Lò Văn Pó", 38.2),
        ("Hà Thị Mỷ", 36.6),
    ]
    assert log.temperature.text() == ""
    assert daily_counts(db, date.today()).fever == 1
    # a temperature that cannot be is refused, nothing saved, the cursor back in the field
    type_text(qtbot, log.name, "Vi Văn Sai")
    type_text(qtbot, log.temperature, "83")
    key(qtbot, log.temperature, Qt.Key.Key_Return)
    assert len(rows(db)) == 2
    assert QApplication.focusWidget() is log.temperature
