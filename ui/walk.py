"""A walk through the real window for CI: sign in, open every page, close, like a person.

Set ``FIELDAPP_WALK_PAGES=1`` (with ``FIELDAPP_USER`` and ``FIELDAPP_PASSWORD`` when the
database has accounts) and start ``fieldapp`` normally — under ``xvfb-run`` with
``QT_QPA_PLATFORM=xcb`` in ``.ci/run``. The walker answers the sign-in dialog through its
fields and button, shows each page in turn through the navigation list, then closes the
window, which makes its last backup and quits. Anything printed on stderr fails CI.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

ENV_WALK = "FIELDAPP_WALK_PAGES"
STEP_MS = 150
GIVE_UP_STEPS = 200  # 30 s: something is stuck


class PageWalker(QObject):
    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.app = app
        self.user = os.environ.get("FIELDAPP_USER", "")
        self.password = os.environ.get("FIELDAPP_PASSWORD", "")
        self.visited: list[str] = []
        self.steps = 0
        self.closing = False
        self.opened_record = False
        self.timer = QTimer(self)
        self.timer.timeout.connect(self._step)
        self.timer.start(STEP_MS)

    def _step(self) -> None:
        from ui.accounts import SignInDialog
        from ui.main_window import PAGE_KEYS, MainWindow

        self.steps += 1
        if self.steps > GIVE_UP_STEPS:
            modal = self.app.activeModalWidget()
            what = f"{type(modal).__name__} {modal.windowTitle()!r}" if modal else "no dialog"
            print(
                f"walk: stuck after {', '.join(self.visited)} ({what}), giving up", file=sys.stderr
            )
            self.app.exit(3)
            return
        modal = self.app.activeModalWidget()
        if isinstance(modal, SignInDialog):
            modal.username.setText(self.user)
            modal.password.setText(self.password)
            modal.ok_button.click()
            return
        if self.closing or (modal is not None and not self.opened_record):
            return  # a dialog of the app's own (first run, a message) is answered by a person
        window = next(
            (w for w in self.app.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()),
            None,
        )
        if window is None or window.db is None:
            return
        if window.db.accounts_enabled and window.db.actor is None:
            return
        for key in PAGE_KEYS:
            if key not in self.visited:
                self.visited.append(key)
                row = PAGE_KEYS.index(key)
                if not window.nav.item(row).isHidden():
                    window.nav.setCurrentRow(row)
                return
        if not self.opened_record:
            self.opened_record = True
            self._open_a_household(window)  # left open: the close must not trip over it
            return
        self.closing = True
        print(f"walk: opened {', '.join(self.visited)}", flush=True)
        window.close()

    def _open_a_household(self, window) -> None:
        """Open the first household's detail the way a double click does, and leave it open."""
        from ui.main_window import PAGE_KEYS

        row = PAGE_KEYS.index("households")
        if window.nav.item(row).isHidden():
            return
        window.nav.setCurrentRow(row)
        page = window.pages["households"]
        if page.model.rowCount() == 0:
            return
        page.table.selectRow(0)
        household_id = page.selected_household()
        if household_id is not None:
            page.open_household(household_id)
            self.visited.append("a household's detail")


def maybe_walk(app: QApplication) -> PageWalker | None:
    """Start the walker when :data:`ENV_WALK` is set (``run_app`` calls this)."""
    if not os.environ.get(ENV_WALK):
        return None
    return PageWalker(app)
