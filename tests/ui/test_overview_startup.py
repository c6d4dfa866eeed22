"""The overview at start-up (issue 17): painted from the standard-library figures before
SQLAlchemy is loaded, and unchanged on screen when the database is open and the cards read
it themselves; in Vietnamese and English, with a language switch on the way."""

from __future__ import annotations

import os
import subprocess
import sys

import resources
from tests.conftest import PROJECT_ROOT

PROBE = r"""
import re
import sys
from ui.app import application
from ui.i18n import install_language
from ui.main_window import MainWindow
from fieldapp.config import resolve_paths
from fieldapp.overview_figures import overview_figures

def screen(window):
    page = window.stack.currentWidget()
    cards = [f"{c.value.text()} = {c.caption.text()}" for c in page.cards]
    alert = [a.text.text().split(":")[0] for a in page.alerts if a.isVisibleTo(page)]
    text = " | ".join([page.commune_label.text(), *cards, *alert])
    # the daily-report countdown moves with the clock between the two paints
    return re.sub(r"\d+ (giờ|h) \d+ (phút|min)", r"N \1 N \2", text)

app = application()
install_language(sys.argv[2])
paths = resolve_paths(sys.argv[1])
window = MainWindow(None)
window.show()
figures = overview_figures(paths.database)
window.show_figures(figures)
app.processEvents()
print("loaded:", sorted(m for m in ("sqlalchemy", "reportlab", "openpyxl") if m in sys.modules))
print("quick:", screen(window))
print("page:", type(window.stack.currentWidget()).__name__, window.current_page_key())
if len(sys.argv) > 3:  # a language switch before the database is open
    install_language(sys.argv[3])
    app.processEvents()
    print("switched:", screen(window))
from fieldapp.db.database import open_database
db = open_database(paths)
early = window.stack.currentWidget()
window.attach(db)
app.processEvents()
print("same page:", window.pages["overview"] is early, window.stack.currentWidget() is early)
print("orm:", screen(window))
db.close()
"""


def _run(data_dir, *languages: str) -> dict[str, str]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen:configfile=" + str(resources.path("offscreen-1366x768.json")),
    }
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(data_dir), *languages],
        capture_output=True,
        text=True,
        env=env,
        cwd=PROJECT_ROOT,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return dict(line.split(": ", 1) for line in done.stdout.splitlines() if ": " in line)


def test_the_overview_paints_before_sqlalchemy_and_the_orm_shows_the_same(demo_db, paths):
    demo_db.close()
    lines = _run(paths.data_dir, "vi")
    assert lines["loaded"] == "[]"  # no SQLAlchemy, reportlab or openpyxl for the first paint
    assert lines["page"] == "OverviewPage overview"
    quick = lines["quick"]
    assert "Xã Bằng Lãng, huyện Chợ Đồn, tỉnh Bắc Kạn" in quick
    assert "–" not in quick.split(" | ")  # every card has its figure
    assert "ca trực hôm nay" in quick and "hộ" in quick
    assert lines["same page"] == "True True"
    assert lines["orm"] == quick  # nothing moves when the cards read the database


def test_english_and_a_language_switch_before_the_database_opens(demo_db, paths):
    demo_db.close()
    lines = _run(paths.data_dir, "vi", "en")
    assert "duty shifts today" in lines["switched"]
    assert "ca trực" not in lines["switched"]
    assert lines["orm"] == lines["switched"]


def test_a_database_with_accounts_waits_for_the_sign_in(paths):
    """Nothing is painted before someone signs in: start-up takes the ordinary path."""
    from fieldapp.accounts.service import create_user
    from fieldapp.db.database import open_database
    from fieldapp.demo import create_demo
    from fieldapp.overview_figures import overview_figures

    create_demo(paths)
    db = open_database(paths)
    try:
        create_user(db, "admin", "mật khẩu dài 123", role="admin")
    finally:
        db.close()
    figures = overview_figures(paths.database)
    assert figures is not None and figures.accounts
