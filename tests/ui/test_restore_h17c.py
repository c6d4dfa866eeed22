"""A restore done in the window completes, and no Qt object is used or deleted wrongly on the
way (issue 17: "a restore prints 'shared QObject was deleted directly'")."""

from __future__ import annotations

import gc
import os
import subprocess
import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

import resources
from fieldapp.accounts.service import sign_in
from fieldapp.backup import backup_now, list_backups
from tests.conftest import PROJECT_ROOT
from tests.ui.test_trust_gui import PASSWORD, no_sleep, staffed  # noqa: F401 - fixture
from ui.i18n import install_language
from ui.main_window import MainWindow
from ui.operations import wait_for_operations

BAD_SIGNS = ("shared QObject was deleted directly", "already deleted", "Internal C++ object")


@pytest.mark.no_qt_log  # Qt's own warnings go to stderr, where capfd sees them
def test_a_restore_in_the_window_completes_quietly(
    qtbot,
    staffed,  # noqa: F811
    tmp_path,
    monkeypatch,
    capfd,
):
    install_language("vi")
    copy = backup_now(staffed.paths, tmp_path / "copy.sqlite3")
    monkeypatch.setattr(
        "ui.widgets.safety_box.QFileDialog.getOpenFileName", lambda *a, **k: (str(copy), "")
    )
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: told.append(a[2]))
    quits: list[int] = []
    monkeypatch.setattr(QApplication, "quit", lambda *a: quits.append(1))
    errors: list[BaseException] = []
    monkeypatch.setattr("ui.widgets.safety_box.show_error", lambda _w, e: errors.append(e))
    sign_in(staffed, "admin", PASSWORD, sleep=no_sleep)
    capfd.readouterr()  # only what the restore prints from here on
    window = MainWindow(staffed)
    qtbot.addWidget(window)
    window.show()
    window.show_page("settings")
    box = window.settings_page.backup_box
    before = len(list_backups(staffed.paths))
    qtbot.mouseClick(box.restore_button, Qt.MouseButton.LeftButton)
    assert wait_for_operations()
    qtbot.waitUntil(lambda: bool(quits), timeout=10000)
    assert errors == []
    assert told and "Đã khôi phục" in told[0], told
    assert len(list_backups(staffed.paths)) > before  # the replaced data was kept aside
    window.close()
    qtbot.wait(50)
    gc.collect()
    err = capfd.readouterr().err
    assert not [sign for sign in BAD_SIGNS if sign in err], err


PROBE = r"""
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox

from fieldapp.accounts.service import sign_in
from fieldapp.config import resolve_paths
from fieldapp.db.database import open_database
from ui.app import application
from ui.i18n import install_language
from ui.main_window import MainWindow


def main() -> int:
    app = application()
    install_language("vi")
    paths = resolve_paths(sys.argv[1])
    db = open_database(paths)
    sign_in(db, "admin", sys.argv[3], sleep=lambda _s: None)
    import ui.widgets.safety_box as safety_box

    safety_box.QFileDialog.getOpenFileName = staticmethod(lambda *a, **k: (sys.argv[2], ""))
    QMessageBox.question = staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes)
    QMessageBox.information = staticmethod(lambda *a, **k: print("told:", a[2]))
    window = MainWindow(db)
    window.show()
    window.enable_safety()
    window.show_page("settings")
    QTimer.singleShot(0, window.settings_page.backup_box.restore_button.click)
    code = app.exec()  # the restore quits the application, as it does for a person
    db.close()
    print("exit:", code)
    return code


sys.exit(main())
"""


def test_a_restore_in_the_real_application_prints_nothing_on_stderr(
    staffed,  # noqa: F811
    tmp_path,
):
    copy = backup_now(staffed.paths, tmp_path / "copy.sqlite3")
    data_dir = staffed.paths.data_dir
    staffed.close()
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen:configfile=" + str(resources.path("offscreen-1366x768.json")),
    }
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(data_dir), str(copy), PASSWORD],
        capture_output=True,
        text=True,
        env=env,
        cwd=PROJECT_ROOT,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "told: Đã khôi phục" in done.stdout and "exit: 0" in done.stdout, done.stdout
    assert not [sign for sign in BAD_SIGNS if sign in done.stderr], done.stderr
    # the offscreen platform's own notice is the only line allowed
    noise = "This plugin does not support propagateSizeHints()"
    assert [ln for ln in done.stderr.splitlines() if ln.strip() and ln != noise] == [], done.stderr
