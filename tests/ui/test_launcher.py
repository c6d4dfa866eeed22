"""The launcher above the core and the window, and a start-up that loads only what the first
page shows (issue 17)."""

from __future__ import annotations

import os
import subprocess
import sys

import resources
from fieldapp_launcher import PAGES
from tests.conftest import PROJECT_ROOT
from ui.main_window import PAGE_KEYS

PROBE = """
import sys
from fieldapp.config import resolve_paths
from fieldapp.db.database import open_database
from ui.app import application
from ui.i18n import install_language
from ui.main_window import MainWindow

app = application()
install_language("vi")
db = open_database(resolve_paths(sys.argv[1]))
window = MainWindow(db)
window.show()
app.processEvents()
heavy = ("reportlab", "openpyxl", "ui.pages.rosters", "ui.pages.households",
         "ui.pages.rosters.manage_tab", "ui.pages.households.import_dialog", "ui.pages.settings")
print("overview:", sorted(n for n in heavy if n in sys.modules))
page = window.pages["overview"]
print("cards:", len(page.cards), page.documents_card.value.text())
print("values:", "|".join(card.value.text() for card in page.cards))
for key in ("rosters", "households"):
    window.show_page(key)
    app.processEvents()
    print(key + ":", type(window.pages[key]).__name__)
db.close()
"""


def test_the_screenshot_pages_are_the_window_pages():
    assert PAGES == PAGE_KEYS


def test_the_overview_loads_no_other_page_and_the_pages_still_load(demo_db, paths):
    demo_db.close()
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen:configfile=" + str(resources.path("offscreen-1366x768.json")),
    }
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(paths.data_dir)],
        capture_output=True,
        text=True,
        env=env,
        cwd=PROJECT_ROOT,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    lines = dict(line.split(": ", 1) for line in done.stdout.splitlines() if ": " in line)
    assert lines["overview"] == "[]"
    count, documents = lines["cards"].split()
    assert int(count) >= 4 and documents == "3"  # the demo's three directives, counted
    assert "–" not in lines["values"].split("|")  # every card filled when the page shows
    assert lines["rosters"] == "RostersPage"
    assert lines["households"] == "HouseholdsPage"
