"""Starting the desktop app: the application object, language, database, first run, window.

To appear fast, the window is shown first, from a standard-library glance at the database
(language, size, whether the commune profile exists), with the overview's figures read the
same way (:mod:`fieldapp.overview_figures`, when the overview is the page to open and nobody
has to sign in first); the database is then opened and the pages built in the first turn of
the event loop. A first run (no profile yet) or a file
that cannot be opened takes the plain path: open, explain or ask, then show.
"""

from __future__ import annotations

import gc
import os
import sys
import time

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from fieldapp import __version__
from fieldapp.config import Paths
from fieldapp.db.peek import glance
from fieldapp.errors import DamagedData, UserError
from ui.i18n import install_language
from ui.main_window import MainWindow

STYLE_FILE = os.path.join(os.path.dirname(__file__), "style.qss")
# Set by bench/startup.py: print when the window is shown and when it is ready, then quit.
ENV_EXIT_WHEN_SHOWN = "FIELDAPP_EXIT_WHEN_SHOWN"


def application() -> QApplication:
    """The one QApplication, created with fieldapp's name, font and style if it does not exist."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
        app.setApplicationName("fieldapp")
        app.setApplicationVersion(__version__)
        app.setOrganizationName("fieldapp")
        font = QFont(app.font())
        font.setPointSizeF(max(font.pointSizeF(), 10.0))
        app.setFont(font)
        with open(STYLE_FILE, encoding="utf-8") as fh:
            app.setStyleSheet(fh.read())
    return app


def open_or_explain(paths: Paths, parent=None):
    """Open the database; on failure show the Vietnamese reason in a dialog and return None.

    A damaged database comes with an offer to put back the newest good backup.
    """
    from fieldapp.db.database import open_database

    try:
        return open_database(paths)
    except UserError as err:
        if isinstance(err, DamagedData) and offer_restore(paths, str(err), parent):
            try:
                return open_database(paths)
            except UserError as again:
                err = again
        box = QMessageBox(QMessageBox.Icon.Critical, "fieldapp", str(err), parent=parent)
        box.setInformativeText(
            QApplication.translate("App", "Nothing was written. Data folder: {folder}").format(
                folder=paths.data_dir
            )
        )
        box.exec()
        return None


def offer_restore(paths: Paths, reason: str, parent=None) -> bool:
    """Ask whether to put back the newest good backup; True when it was restored."""
    from fieldapp.backup import newest_good_backup, restore
    from fieldapp.text.vietnamese import format_datetime

    backup = newest_good_backup(paths)
    if backup is None:
        return False
    box = QMessageBox(QMessageBox.Icon.Warning, "fieldapp", reason, parent=parent)
    box.setInformativeText(
        QApplication.translate(
            "App",
            "Put back the newest good backup, from {when}? Changes made after it are lost; "
            "the damaged file is kept aside in the backups folder.",
        ).format(when=format_datetime(backup.taken_at))
    )
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    if box.exec() != QMessageBox.StandardButton.Yes:
        return False
    try:
        restore(paths, backup.path)
    except UserError as err:
        from ui.errors import show_error

        # Through the one sink; a backup found damaged now is shown as a plain refusal, so
        # the sink does not offer this same restore again.
        show_error(parent, UserError(str(err)) if isinstance(err, DamagedData) else err)
        return False
    return True


def settle_heap() -> None:
    """Once started: what is loaded by now (modules, classes, the pages' widgets) lives as
    long as the app, so the garbage collector is told to leave it out of its full passes
    (``gc.freeze``). A full pass stops every thread, the window's too, for as long as it takes
    to look at every object: with every page built, 0.3 s on a busy 2-core machine, 0 ms once
    frozen (issue 17). Run again after each page is first built (``after_page_built``)."""
    gc.collect()
    gc.freeze()


def identify(db, parent=None) -> bool:
    """Sign in (or, on a database without accounts, create the administrator first)."""
    from ui.accounts import AdminSetupDialog
    from ui.safety import ask_sign_in

    if db.accounts_enabled:
        return ask_sign_in(db, parent)
    return AdminSetupDialog(db, parent).exec() == QDialog.DialogCode.Accepted


def run_app(paths: Paths) -> int:
    app = application()
    from ui.errors import install_hooks

    install_hooks(paths.data_dir)
    from ui.walk import maybe_walk

    walker = maybe_walk(app)  # noqa: F841 - CI's walk through the real window (ui/walk.py)
    seen = glance(paths.database)
    language = seen.settings.get("language", "vi")
    install_language(language if language in ("vi", "en") else "vi")
    probe = bool(os.environ.get(ENV_EXIT_WHEN_SHOWN))
    if seen.has_profile:
        window = MainWindow(None, glance=seen.settings)
        window.show()
        if probe:
            _stamp(app, "shown")
        state = {"code": 0, "ready": False}
        if seen.settings.get("ui.last_page") in (None, "overview"):
            from fieldapp.overview_figures import overview_figures

            figures = overview_figures(paths.database)
            if figures is not None and not figures.accounts:
                window.show_figures(figures)
                state["ready"] = True
                if probe:
                    _stamp(app, "ready")

        def finish() -> None:
            db = open_or_explain(paths, window)
            if db is None:
                state["code"] = 1
                app.quit()
                return
            if not probe and not identify(db, window):
                db.close()
                app.quit()
                return
            window.attach(db)
            if not probe:
                window.enable_safety()
                window.after_page_built = settle_heap
                QTimer.singleShot(0, settle_heap)
            if probe:
                if not state["ready"]:
                    _stamp(app, "ready")
                _stamp(app, "attached")
                app.quit()

        QTimer.singleShot(0, finish)
        app.exec()
        if window.db is not None:
            window.db.close()
        return state["code"]

    db = open_or_explain(paths)
    if db is None:
        return 1
    from fieldapp.profile import load_profile
    from fieldapp.settings import get_setting

    install_language(get_setting(db, "language"))
    if not probe and not identify(db):
        db.close()
        return 0
    if load_profile(db) is None and not probe:
        from ui.first_run import FirstRunDialog

        dialog = FirstRunDialog(db)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            db.close()
            return 0
    window = MainWindow(db)
    window.show()
    if not probe:
        window.enable_safety()
        window.after_page_built = settle_heap
        QTimer.singleShot(0, settle_heap)
    if probe:
        _stamp(app, "shown")
        _stamp(app, "ready")
        QTimer.singleShot(0, app.quit)
    code = app.exec()
    db.close()
    return code


def _stamp(app: QApplication, what: str) -> None:
    app.processEvents()
    print(f"{what} {time.time():.6f}", flush=True)
