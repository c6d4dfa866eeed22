"""The main window: left navigation, one page at a time, geometry remembered.

The window can show itself before the database is open (``MainWindow(None, glance=...)``),
with its navigation in place and the pages saying they are loading; ``attach(db)`` then
builds the real pages. Start-up uses that so the window appears without waiting for
SQLAlchemy, and ``show_figures`` paints the overview from figures read with the standard
library before ``attach`` (issue 17); tests and the screenshot command pass the database at
once.
"""

from __future__ import annotations

import base64
import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QByteArray,
    QCoreApplication,
    QEvent,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from fieldapp.errors import UserError
from ui.pages.base import Page

if TYPE_CHECKING:
    from fieldapp.db.database import Database
    from fieldapp.overview_figures import OverviewFigures
    from ui.pages.settings import SettingsPage

DEFAULT_SIZE = QSize(1280, 720)  # fits a 1366×768 screen with its task bar

# (key, navigation label, the module whose ``create_page(db) -> Page`` builds the page)
PAGES: tuple[tuple[str, str, str], ...] = (
    ("overview", QT_TRANSLATE_NOOP("MainWindow", "Overview"), "ui.pages.overview"),
    ("directives", QT_TRANSLATE_NOOP("MainWindow", "Directives"), "ui.pages.directives"),
    ("rosters", QT_TRANSLATE_NOOP("MainWindow", "Duty rosters"), "ui.pages.rosters"),
    ("households", QT_TRANSLATE_NOOP("MainWindow", "Lockdown households"), "ui.pages.households"),
    ("reports", QT_TRANSLATE_NOOP("MainWindow", "Reports"), "ui.pages.reports"),
    ("sync", QT_TRANSLATE_NOOP("MainWindow", "Sync"), "ui.pages.sync"),
    ("settings", QT_TRANSLATE_NOOP("MainWindow", "Settings"), "ui.pages.settings"),
)
PAGE_KEYS = tuple(key for key, _label, _module in PAGES)


class _Pages(dict):
    """The window's pages by key, each built the first time it is asked for."""

    def __init__(self, build: Callable[[str], Page]) -> None:
        super().__init__()
        self._build = build

    def __missing__(self, key: str) -> Page:
        if key not in PAGE_KEYS:
            raise KeyError(key)
        page = self[key] = self._build(key)
        return page

    def get(self, key: str, default=None):  # noqa: ANN001 - dict's signature
        return self[key] if key in PAGE_KEYS else default


class MainWindow(QMainWindow):
    def __init__(
        self,
        db: Database | None,
        parent: QWidget | None = None,
        *,
        glance: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(parent)
        self.db: Database | None = None
        self.auto_backup = None
        self.idle_lock = None
        self._closing = False
        self.setObjectName("mainWindow")
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(210)
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.stack = QStackedWidget()
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.pages: dict[str, Page] = {}  # replaced by a _Pages in attach()
        self._early_overview: Page | None = None  # painted before the database is open
        # Called (by the event loop) after a page is first built; run_app settles the heap.
        self.after_page_built: Callable[[], None] | None = None
        self.loading = QLabel()
        self.loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.loading)
        for index, (key, _label, _module) in enumerate(PAGES):
            QListWidgetItem(self.nav)
            shortcut = QShortcut(QKeySequence(f"Ctrl+{index + 1}"), self)
            shortcut.activated.connect(lambda k=key: self.show_page(k))
        self.nav.currentRowChanged.connect(self._on_nav_row)
        self._geometry_restored = self._restore_geometry((glance or {}).get("ui.geometry"))
        if not self._geometry_restored:
            self.resize(DEFAULT_SIZE)
        self.retranslate()
        if db is not None:
            self.attach(db)

    def attach(self, db: Database) -> None:
        """Open the window over a database and go to the last page used.

        Each page is built the first time it is shown (``self.pages`` builds on access), so
        the first page is filled without waiting for the six others.
        """
        from fieldapp.settings import get_setting

        self.db = db
        self.pages = _Pages(self._build_page)
        early, self._early_overview = self._early_overview, None
        if early is not None:
            early.attach(db)  # type: ignore[attr-defined]
            self.pages["overview"] = early
        self.apply_role()
        if not self._geometry_restored:
            self._geometry_restored = self._restore_geometry(get_setting(db, "ui.geometry"))
        self.retranslate()
        last = get_setting(db, "ui.last_page")
        before = self.nav.currentRow()
        self.show_page(last if last in PAGE_KEYS and self._allowed(last) else "overview")
        if self.stack.currentWidget() is self.loading or self.nav.currentRow() == before:
            self._on_nav_row(self.nav.currentRow())  # the row was already current
        self.stack.removeWidget(self.loading)
        self.loading.deleteLater()

    def show_figures(self, figures: OverviewFigures) -> None:
        """Before the database is open: the overview, painted from the start-up figures."""
        from ui.pages.overview import OverviewPage

        page = OverviewPage(None, figures=figures)
        self.stack.addWidget(page)
        self.stack.setCurrentWidget(page)
        self._early_overview = page
        self.nav.setCurrentRow(PAGE_KEYS.index("overview"))  # no db yet: nothing is read

    def _build_page(self, key: str) -> Page:
        module = next(module for k, _label, module in PAGES if k == key)
        create: Callable[[Database], Page] = importlib.import_module(module).create_page
        page = create(self.db)
        self.stack.addWidget(page)
        if self.after_page_built is not None:
            QTimer.singleShot(0, self.after_page_built)
        if key == "settings":  # built when first shown, like every page (start-up time)
            page.profile_saved.connect(self._on_profile_saved)  # type: ignore[attr-defined]
        return page

    @property
    def settings_page(self) -> SettingsPage:
        return self.pages["settings"]  # type: ignore[return-value]

    def current_page_key(self) -> str:
        return PAGE_KEYS[max(0, self.nav.currentRow())]

    def show_page(self, key: str) -> None:
        if self._allowed(key):
            self.nav.setCurrentRow(PAGE_KEYS.index(key))

    def _allowed(self, key: str) -> bool:
        """False for a page the signed-in person's role does not use (hidden in the menu)."""
        item = self.nav.item(PAGE_KEYS.index(key))
        return item is not None and not item.isHidden()

    def _on_nav_row(self, row: int) -> None:
        if row < 0 or self.db is None:
            return
        page = self.pages[PAGE_KEYS[row]]
        self.stack.setCurrentWidget(page)
        page.refresh()

    def _on_profile_saved(self) -> None:
        self.pages["overview"].refresh()
        self.retranslate()

    def retranslate(self) -> None:
        title = QCoreApplication.translate("MainWindow", "fieldapp — epidemic prevention register")
        if self.db is not None:
            from fieldapp.profile import load_profile

            profile = load_profile(self.db)
            if profile:
                title = f"{title} — {profile.commune_title}"
        self.setWindowTitle(title)
        for row, (_key, label, _module) in enumerate(PAGES):
            item = self.nav.item(row)
            item.setText(QCoreApplication.translate("MainWindow", label))
            item.setToolTip(f"Ctrl+{row + 1}")
        if self.db is None:
            self.loading.setText(QCoreApplication.translate("MainWindow", "Opening the data…"))
            return
        data_dir = self.db.paths.data_dir if self.db.paths else ""
        message = QCoreApplication.translate("MainWindow", "Data: {folder}").format(folder=data_dir)
        if self.db.actor is not None:
            from ui.accounts import role_name

            message = QCoreApplication.translate(
                "MainWindow", "Signed in: {name} ({role}) · {data}"
            ).format(name=self.db.actor.label, role=role_name(self.db.actor.role), data=message)
        self.statusBar().showMessage(message)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _restore_geometry(self, encoded: str | None) -> bool:
        if not encoded:
            return False
        return self.restoreGeometry(QByteArray(base64.b64decode(encoded)))

    def save_state(self) -> None:
        if self.db is None:
            return
        from fieldapp.settings import set_setting

        geometry = base64.b64encode(bytes(self.saveGeometry())).decode("ascii")
        try:
            set_setting(self.db, "ui.geometry", geometry)
            set_setting(self.db, "ui.last_page", self.current_page_key())
        except UserError:
            pass  # a full disk must not stop the window from closing; nothing else is lost

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt naming
        """Save the layout, then (through the runner) the last backup, then close for real."""
        if not self._closing:
            self._closing = True
            self.save_state()
            if self.idle_lock is not None:
                self.idle_lock.stop()
            backup, self.auto_backup = self.auto_backup, None
            if backup is not None and backup.at_close(self.close):
                event.ignore()  # the backup runs off the GUI thread; it closes the window
                return
        super().closeEvent(event)

    # --- accounts and safety -------------------------------------------------------------

    def enable_safety(self) -> None:
        """Automatic backups, and the idle lock when the database has accounts (run_app)."""
        from fieldapp.settings import get_setting
        from ui.safety import AutoBackup, IdleLock

        if self.db is None or self.auto_backup is not None:
            return
        if self.db.paths is not None:
            self.auto_backup = AutoBackup(self.db.paths, self)
            self.auto_backup.finished.connect(self._on_backup_done)
        if self.db.accounts_enabled:
            self.idle_lock = IdleLock(
                get_setting(self.db, "security.idle_minutes"), self.lock, self
            )

    def lock(self) -> None:
        """Hide everything and ask for a password again (idle lock, or "Lock" by hand)."""
        from ui.safety import ask_sign_in, cover_windows, uncover

        if self.db is None or not self.db.accounts_enabled:
            return
        before = self.db.actor
        central = self.centralWidget()
        central.setVisible(False)
        covers = cover_windows()  # open dialogs keep their state, hidden under a sheet
        try:
            if not ask_sign_in(self.db, self, locked=True):
                self.db.actor = None
                self.close()
                return
        finally:
            uncover(covers)
            central.setVisible(True)
        if self.db.actor != before:
            self.apply_role()
            self.stack.currentWidget().refresh()

    def apply_role(self) -> None:
        """Show only the pages the signed-in person's role uses (the core checks every write)."""
        from fieldapp.accounts.permissions import PAGES_FOR_ROLE

        if self.db is None:
            return
        actor = self.db.actor
        allowed = set(PAGE_KEYS) if actor is None else PAGES_FOR_ROLE.get(actor.role, set())
        for row, key in enumerate(PAGE_KEYS):
            self.nav.item(row).setHidden(key not in allowed)
        if self.current_page_key() not in allowed:
            self.show_page("overview")
        self.retranslate()

    def _on_backup_done(self, file: str, error: str) -> None:
        if error:
            self.statusBar().showMessage(error, 15000)
        else:
            self.statusBar().showMessage(
                QCoreApplication.translate("MainWindow", "Backed up to {file}").format(file=file),
                8000,
            )
