"""The screenshot command, and how the app starts on good and bad data folders."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QMessageBox

from fieldapp_launcher import PAGES, main
from ui import app as app_module


@pytest.mark.parametrize("page", PAGES)
def test_screenshot_of_every_page(qapp, demo_db, paths, tmp_path, page):
    out = tmp_path / f"{page}.png"
    assert (
        main(["--data-dir", str(paths.data_dir), "screenshot", "--page", page, "-o", str(out)]) == 0
    )
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1366, 768)
    assert len({image.pixel(x, y) for x in range(0, 1366, 40) for y in range(0, 768, 40)}) > 3


def test_app_explains_a_damaged_database_and_writes_nothing(qapp, paths, monkeypatch):
    paths.data_dir.mkdir(parents=True)
    paths.database.write_bytes(b"not a database at all" * 50)
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    assert app_module.run_app(paths) == 1
    assert shown and "không phải cơ sở dữ liệu của fieldapp" in shown[0]
    assert paths.database.read_bytes() == b"not a database at all" * 50
    assert sorted(p.name for p in paths.data_dir.iterdir()) == ["fieldapp.sqlite3"]


def test_first_run_cancelled_leaves_no_profile(qapp, paths, monkeypatch):
    from PySide6.QtWidgets import QDialog

    from fieldapp.accounts.service import create_user
    from ui import accounts, first_run

    def create_admin(dialog):
        create_user(dialog.db, "admin", "mật-khẩu-8")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(accounts.AdminSetupDialog, "exec", create_admin)
    monkeypatch.setattr(first_run.FirstRunDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    assert app_module.run_app(paths) == 0
    assert paths.database.exists()
    from fieldapp.db.database import open_database
    from fieldapp.profile import load_profile

    db = open_database(paths)
    assert db.accounts_enabled and load_profile(db) is None
    db.close()


def test_no_window_without_the_administrator_account(qapp, paths, monkeypatch):
    from PySide6.QtWidgets import QDialog

    from ui import accounts, first_run

    asked = []
    monkeypatch.setattr(accounts.AdminSetupDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    monkeypatch.setattr(first_run.FirstRunDialog, "exec", lambda self: asked.append(1))
    assert app_module.run_app(paths) == 0
    assert asked == []


def test_app_shows_the_window_first_then_fills_the_pages(demo_db, paths):
    """Run in its own process: once ``app.exec()`` has returned, Qt lets no nested event loop
    run again in that process, which would break every later test that waits for events."""
    import os
    import subprocess
    import sys

    demo_db.close()
    env = {**os.environ, app_module.ENV_EXIT_WHEN_SHOWN: "1"}
    done = subprocess.run(
        [sys.executable, "-m", "fieldapp_launcher", "--data-dir", str(paths.data_dir)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    stamps = [line.split()[0] for line in done.stdout.splitlines()]
    # shown, then the overview painted from the start-up figures, then the database open
    assert stamps == ["shown", "ready", "attached"]
