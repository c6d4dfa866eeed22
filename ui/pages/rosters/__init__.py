"""The duty-roster page: the week grid per site, a site's month and all sites on a day, each
person's duties, fairness, attendance, sites and people, and the checkpoint log (from the
checkpoints register, when present)."""

from __future__ import annotations

import importlib.util

from PySide6.QtGui import QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import QScrollArea, QTabWidget, QWidget

from fieldapp.db.database import Database
from ui.pages.base import Page
from ui.pages.rosters.manage_tab import ManageTab
from ui.pages.rosters.other_tabs import AttendanceTab, FairnessTab, PersonTab
from ui.pages.rosters.views_tab import ViewsTab
from ui.pages.rosters.week_tab import WeekTab

LOG_MODULE = "ui.pages.checkpoints.log_widget"


class RostersPage(Page):
    key = "rosters"

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.undo = QUndoStack(self)
        self.tabs = QTabWidget()
        self.week = WeekTab(db, self.undo)
        self.views = ViewsTab(db)
        self.person = PersonTab(db)
        self.fairness = FairnessTab(db)
        self.attendance = AttendanceTab(db, self.undo)
        self.manage = ManageTab(db, self.undo)
        self.log: QWidget | None = None
        self.tabs.addTab(self.week, "")
        self.tabs.addTab(self.views, "")
        self.tabs.addTab(self.person, "")
        self.tabs.addTab(self.fairness, "")
        self.tabs.addTab(self.attendance, "")
        self.tabs.addTab(self.manage, "")
        if importlib.util.find_spec(LOG_MODULE) is not None:
            module = importlib.import_module(LOG_MODULE)
            self.log = module.CheckpointLogWidget(db)
            # in a scroll area: however wide its form, the page still fits a 1366 px screen
            holder = QScrollArea()
            holder.setWidgetResizable(True)
            holder.setFrameShape(QScrollArea.Shape.NoFrame)
            holder.setWidget(self.log)
            self.tabs.addTab(holder, "")
        self.outer.addWidget(self.tabs, 1)
        self._stale: set[int] = set()
        self.tabs.currentChanged.connect(self._on_tab)
        self.week.changed.connect(self._mark_stale)
        self.manage.changed.connect(self._mark_stale)
        self.person.unavailable_requested.connect(self._on_unavailable)
        self.manage.unavailable_requested.connect(self._on_unavailable)
        undo = QShortcut(QKeySequence.StandardKey.Undo, self)
        undo.activated.connect(self.undo.undo)
        redo_keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
        if QKeySequence("Ctrl+Y") not in redo_keys:
            redo_keys.append(QKeySequence("Ctrl+Y"))  # what Windows users press
        for keys in redo_keys:
            redo = QShortcut(keys, self)
            redo.activated.connect(self.undo.redo)
        self.undo.indexChanged.connect(lambda _i: self._mark_stale())
        self.retranslate()

    def retranslate(self) -> None:
        self.title_label.setText(self.tr("Duty rosters"))
        names = [
            self.tr("Week by site"),
            self.tr("Month and day"),
            self.tr("By person"),
            self.tr("Fairness"),
            self.tr("Attendance"),
            self.tr("Sites and people"),
        ]
        if self.log is not None:
            names.append(self.tr("Checkpoint log"))
        for i, name in enumerate(names):
            self.tabs.setTabText(i, name)
        tabs = (self.week, self.views, self.person, self.fairness, self.attendance, self.manage)
        for tab in tabs:
            tab.retranslate()

    def _mark_stale(self) -> None:
        current = self.tabs.currentIndex()
        self._stale = {i for i in range(self.tabs.count()) if i != current}
        widget = self._tab_widget(current)
        if widget is not self.week and hasattr(widget, "refresh"):
            widget.refresh()
        elif widget is self.week:
            self.week.reload_in_background()  # read off the GUI thread, shown when ready

    def _tab_widget(self, index: int) -> QWidget:
        widget = self.tabs.widget(index)
        if isinstance(widget, QScrollArea):
            return widget.widget()
        return widget

    def _on_tab(self, index: int) -> None:
        widget = self._tab_widget(index)
        if index in self._stale or widget is not self.week:
            self._stale.discard(index)
            if hasattr(widget, "refresh"):
                widget.refresh()

    def refresh(self) -> None:
        self._stale = set(range(self.tabs.count()))
        self._on_tab(self.tabs.currentIndex())

    def _on_unavailable(self, staff_id: int) -> None:
        self.tabs.setCurrentWidget(self.week)
        self.week._on_unavailable(staff_id if staff_id >= 0 else None)


def create_page(db: Database) -> RostersPage:
    return RostersPage(db)
