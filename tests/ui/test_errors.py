"""The one error sink: a Vietnamese message by the error's type, crash reports without personal
data, and global hooks so that nothing fails silently."""

from __future__ import annotations

import stat
import sys
import threading

import pytest
from PySide6.QtWidgets import QMessageBox

from fieldapp.crash import scrub, write_crash_report
from fieldapp.db.database import DamagedDatabase, DatabaseError, inspect_file
from fieldapp.errors import Cancelled, DamagedData, NotPermitted, UserMistake
from ui import errors


@pytest.fixture
def shown(monkeypatch, tmp_path):
    boxes: list[tuple[QMessageBox.Icon, str, str, str]] = []
    monkeypatch.setattr(
        errors,
        "_box_factory",
        lambda icon, title, text, info: boxes.append((icon, title, text, info)),
    )
    monkeypatch.setitem(errors._state, "data_dir", tmp_path / "data")
    return boxes


def test_user_mistake_shows_its_message(qapp, shown):
    errors.show_error(None, UserMistake("Số CCCD phải có 12 chữ số."))
    assert [(b[0], b[2]) for b in shown] == [
        (QMessageBox.Icon.Warning, "Số CCCD phải có 12 chữ số.")
    ]


def test_cancelled_says_nothing(qapp, shown):
    errors.show_error(None, Cancelled())
    assert shown == []


def test_not_permitted_is_titled_as_a_permission_matter(qapp, shown):
    errors.show_error(None, NotPermitted("Chỉ quản trị viên được thêm tài khoản."))
    (icon, title, text, _info) = shown[0]
    assert text == "Chỉ quản trị viên được thêm tài khoản."
    assert title != "fieldapp"


def test_a_bug_writes_a_private_scrubbed_crash_report(qapp, shown, tmp_path):
    try:
        citizen = "001203004567"
        raise KeyError(f"hộ có CCCD {citizen}, điện thoại 0912 345 678")
    except KeyError as exc:
        errors.show_error(None, exc)
    (icon, _title, text, info) = shown[0]
    assert icon == QMessageBox.Icon.Critical
    assert "001203004567" not in text + info
    reports = list((tmp_path / "data" / "crash").glob("crash-*.txt"))
    assert len(reports) == 1
    body = reports[0].read_text("utf-8")
    assert "KeyError" in body and "test_errors.py" in body
    assert "001203004567" not in body
    assert "0912 345 678" not in body and "345 678" not in body
    assert stat.S_IMODE(reports[0].stat().st_mode) == 0o600
    assert stat.S_IMODE(reports[0].parent.stat().st_mode) == 0o700
    assert str(reports[0]) in info


@pytest.mark.parametrize(
    "dirty",
    [
        "CCCD 001203004567",
        "CMND 123 456 789",
        "ĐT +84 912 345 678",
        "ĐT 0912.345.678",
        "ĐT 0912-345-678",
        "ĐT (84)912345678",
        "email ong.a@xa.gov.vn",
    ],
)
def test_scrub_removes_ids_phones_and_mail(dirty):
    clean = scrub(dirty)
    digits = "".join(ch for ch in clean if ch.isdigit())
    assert len(digits) < 6
    assert "@" not in clean


def test_scrub_keeps_line_numbers_and_dates():
    assert scrub('File "x.py", line 1234, in f') == 'File "x.py", line 1234, in f'
    assert scrub("ngày 2021-08-15") == "ngày 2021-08-15"


def test_crash_report_without_data_dir_is_not_written():
    assert write_crash_report(None, ValueError("x")) is None


def test_damaged_database_is_a_type_not_a_word(tmp_path):
    bad = tmp_path / "fieldapp.sqlite3"
    bad.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    with pytest.raises(DamagedData) as caught:
        inspect_file(bad)
    assert isinstance(caught.value, DatabaseError)
    assert isinstance(caught.value, DamagedDatabase)


def test_damaged_data_offers_the_backup(qapp, shown, monkeypatch):
    import ui.app

    asked = []
    monkeypatch.setattr(ui.app, "offer_restore", lambda paths, reason, parent: asked.append(reason))
    errors.show_error(None, DamagedData("Tệp sao lưu bị lỗi."))
    assert asked == ["Tệp sao lưu bị lỗi."]
    assert shown and shown[-1][2] == "Tệp sao lưu bị lỗi."


def test_global_hooks_send_stray_exceptions_to_the_sink(qapp, qtbot, shown, tmp_path):
    before = (sys.excepthook, threading.excepthook)
    errors.install_hooks(tmp_path / "data")
    try:
        try:
            raise RuntimeError("lỗi lạ 0912345678")
        except RuntimeError:
            sys.excepthook(*sys.exc_info())
        qtbot.waitUntil(lambda: len(shown) == 1)

        def boom():
            raise UserMistake("Lỗi trong luồng phụ.")

        worker = threading.Thread(target=boom, name="worker")
        worker.start()
        worker.join()
        qtbot.waitUntil(lambda: len(shown) == 2)
    finally:
        sys.excepthook, threading.excepthook = before
    assert shown[0][0] == QMessageBox.Icon.Critical
    assert shown[1][2] == "Lỗi trong luồng phụ."
    body = next((tmp_path / "data" / "crash").glob("crash-*.txt")).read_text("utf-8")
    assert "RuntimeError" in body and "0912345678" not in body
