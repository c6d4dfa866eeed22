"""Đồng bộ: the Sync page, four tabs each in its own module.

- :mod:`ui.pages.sync.transfer_tab` — send and receive packages (USB, chat), trust senders;
- :mod:`ui.pages.sync.peers_tab` — the trusted senders;
- :mod:`ui.pages.sync.conflicts_tab` — conflicts reviewed in the forms' words;
- :mod:`ui.pages.sync.district_tab` — (district, province) the roll-up of the units below.

The District tab shows in district mode, which a district or province office has from its
first start; a commune may switch it on by hand.
"""

from __future__ import annotations

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QTabWidget, QWidget

from fieldapp.db.database import Database
from fieldapp.profile import load_profile
from fieldapp.settings import get_setting, set_setting
from ui.pages.base import Page
from ui.pages.sync.conflicts_tab import ConflictsTab
from ui.pages.sync.district_tab import DistrictTab
from ui.pages.sync.peers_tab import PeersTab
from ui.pages.sync.transfer_tab import TransferTab

DISTRICT_TAB = 3


class SyncPage(Page):
    key = "sync"

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.tabs = QTabWidget()
        self.outer.addWidget(self.tabs, 1)
        self.transfer = TransferTab(db)
        self.peers_tab = PeersTab(db)
        self.conflicts_tab = ConflictsTab(db)
        self.district = DistrictTab(db)
        for tab in (self.transfer, self.peers_tab, self.conflicts_tab, self.district):
            self.tabs.addTab(tab, "")
        self._conflicts = 0
        self.transfer.imported.connect(self.refresh)
        self.transfer.district_mode_toggled.connect(self._on_district_mode)
        self.conflicts_tab.count_changed.connect(self._on_conflicts_counted)
        QShortcut(QKeySequence("Ctrl+E"), self, lambda: self.transfer.export(full=False))
        QShortcut(QKeySequence("Ctrl+I"), self, self.transfer.on_import)
        self.retranslate()

    def retranslate(self) -> None:
        profile = load_profile(self.db)
        if profile is not None and profile.parent_full:
            self.title_label.setText(self.tr("Sync with %1").replace("%1", profile.parent_full))
        else:
            self.title_label.setText(self.tr("Sync"))
        for tab in (self.transfer, self.peers_tab, self.conflicts_tab, self.district):
            tab.retranslate()
        self._set_tab_titles()

    def _set_tab_titles(self) -> None:
        self.tabs.setTabText(0, self.tr("Send and receive"))
        self.tabs.setTabText(1, self.tr("Trusted senders"))
        self.tabs.setTabText(2, self.tr("Conflicts (%1)").replace("%1", str(self._conflicts)))
        profile = load_profile(self.db)
        below = (
            self.tr("Districts") if profile and profile.level == "province" else self.tr("Communes")
        )
        self.tabs.setTabText(DISTRICT_TAB, below)

    def _on_conflicts_counted(self, n: int) -> None:
        self._conflicts = n
        self._set_tab_titles()

    def district_mode(self) -> bool:
        profile = load_profile(self.db)
        return bool(get_setting(self.db, "sync.district_mode")) or (
            profile is not None and profile.level != "commune"
        )

    def refresh(self) -> None:
        self.transfer.refresh()
        mode = self.district_mode()
        box = self.transfer.district_mode
        box.blockSignals(True)
        box.setChecked(mode)
        box.blockSignals(False)
        self.tabs.setTabVisible(DISTRICT_TAB, mode)
        self.peers_tab.refresh()
        self.conflicts_tab.refresh()
        if mode:
            self.district.refresh()
        self.retranslate()

    def _on_district_mode(self, on: bool) -> None:
        set_setting(self.db, "sync.district_mode", bool(on))
        self.tabs.setTabVisible(DISTRICT_TAB, bool(on))
        if on:
            self.district.show_now()
            self.tabs.setCurrentIndex(DISTRICT_TAB)
