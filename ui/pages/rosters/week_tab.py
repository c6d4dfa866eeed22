"""The week grid tab: one site's week, the cell's people, and every hand change with undo.

Keys: arrows move between cells; Enter changes the selected person (or fills an empty place)
from the ranked "who can take this" list; Delete takes the selected person off; Ctrl+L locks
or unlocks; Alt+Left / Alt+Right go to the previous / next week; Ctrl+Z / Ctrl+Y undo and
redo (at page level).
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QItemSelectionModel, Qt, QThreadPool, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.db.database import Database
from fieldapp.rostering.models import ATTENDANCE_STATUSES
from fieldapp.rostering.planning import PlanResult
from fieldapp.rostering.store import list_sites, monday_of
from fieldapp.rostering.views import CellPerson, GridCell, WeekGrid, week_grid
from fieldapp.text.vietnamese import format_date
from ui.operations import QueryOp
from ui.pages.rosters.common import (
    fill_sites,
    from_qdate,
    print_key,
    to_qdate,
    weekday_name,
)
from ui.pages.rosters.grid_model import LEADER_MARK, CellDelegate, WeekGridModel
from ui.pages.rosters.week_edits import CellEditsMixin
from ui.pages.rosters.week_plans import PlanningMixin


class WeekTab(CellEditsMixin, PlanningMixin, QWidget):
    changed = Signal()  # the roster changed: other tabs reload when shown

    def __init__(self, db: Database, undo: QUndoStack, parent=None) -> None:
        super().__init__(parent)
        self.db = db
        self.undo = undo
        self.monday = monday_of(date.today())
        self.grid: WeekGrid | None = None
        self.last_result: PlanResult | None = None
        self.busy = False
        self.pool = QThreadPool.globalInstance()

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 6, 0, 0)
        bar = QHBoxLayout()
        self.site_label = QLabel()
        self.site = QComboBox()
        self.site.setMinimumContentsLength(30)  # a checkpoint name in full (1366 px fits)
        self.site.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.site_label.setBuddy(self.site)
        self.prev_week = QToolButton()
        self.prev_week.setText("◀")
        self.week = QDateEdit(to_qdate(self.monday))
        self.week.setCalendarPopup(True)
        self.week.setDisplayFormat("dd/MM/yyyy")
        self.next_week = QToolButton()
        self.next_week.setText("▶")
        self.this_week = QPushButton()
        self.generate_button = QPushButton()
        self.unavailable_button = QPushButton()
        self.print_button = QToolButton()
        self.print_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.print_menu = QMenu(self)
        self.print_site_action = self.print_menu.addAction("")
        self.print_all_action = self.print_menu.addAction("")
        self.save_pdf_action = self.print_menu.addAction("")
        self.print_button.setMenu(self.print_menu)
        self.print_button.setMinimumWidth(60)
        for w in (self.site_label, self.site, self.prev_week, self.week, self.next_week):
            bar.addWidget(w)
        bar.addWidget(self.this_week)
        bar.addStretch(1)
        for w in (self.generate_button, self.unavailable_button, self.print_button):
            bar.addWidget(w)
        outer.addLayout(bar)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        outer.addWidget(self.summary)

        self.model = WeekGridModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setItemDelegate(CellDelegate(self.view))
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setWordWrap(True)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.view.verticalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setMinimumHeight(250)
        outer.addWidget(self.view, 3)

        self.legend = QLabel()
        self.legend.setWordWrap(True)
        self.legend.setObjectName("rosterLegend")
        outer.addWidget(self.legend)

        panel = QHBoxLayout()
        left = QVBoxLayout()
        self.cell_title = QLabel()
        self.cell_title.setWordWrap(True)
        font = self.cell_title.font()
        font.setBold(True)
        self.cell_title.setFont(font)
        left.addWidget(self.cell_title)
        self.people = QListWidget()
        self.people.setMaximumHeight(110)
        left.addWidget(self.people)
        panel.addLayout(left, 1)
        buttons = QVBoxLayout()
        row1, row2 = QHBoxLayout(), QHBoxLayout()
        self.change_button = QPushButton()
        self.add_button = QPushButton()
        self.remove_button = QPushButton()
        self.lock_button = QPushButton()
        self.leader_button = QPushButton()
        self.swap_button = QPushButton()
        for b in (self.change_button, self.add_button, self.remove_button):
            row1.addWidget(b)
        for b in (self.lock_button, self.leader_button, self.swap_button):
            row2.addWidget(b)
        buttons.addLayout(row1)
        buttons.addLayout(row2)
        buttons.addStretch(1)
        panel.addLayout(buttons)
        outer.addLayout(panel, 1)

        self.site.currentIndexChanged.connect(lambda _i: self.reload())
        self.prev_week.clicked.connect(lambda: self._go(-7))
        self.next_week.clicked.connect(lambda: self._go(7))
        self.week.dateChanged.connect(self._on_week_edited)
        self.this_week.clicked.connect(self._on_this_week)
        self.generate_button.clicked.connect(self._on_generate)
        self.unavailable_button.clicked.connect(lambda: self._on_unavailable())
        self.print_site_action.triggered.connect(lambda: self._on_print(False))
        self.print_all_action.triggered.connect(lambda: self._on_print(True))
        self.save_pdf_action.triggered.connect(self._on_save_pdf)
        print_key(self, lambda: self._on_print(False))
        self.view.selectionModel().currentChanged.connect(lambda *_: self._show_cell())
        self.view.doubleClicked.connect(lambda _i: self._on_change())
        self.people.currentRowChanged.connect(lambda _r: self._update_buttons())
        self.people.itemDoubleClicked.connect(lambda _i: self._on_change())
        self.change_button.clicked.connect(self._on_change)
        self.add_button.clicked.connect(self._on_add)
        self.remove_button.clicked.connect(self._on_remove)
        self.lock_button.clicked.connect(self._on_lock)
        self.leader_button.clicked.connect(self._on_leader)
        self.swap_button.clicked.connect(self._on_swap)
        for keys, slot in (
            (Qt.Key.Key_Return, self._on_change),
            (Qt.Key.Key_Enter, self._on_change),
            (QKeySequence.StandardKey.Delete, self._on_remove),
            ("Ctrl+L", self._on_lock),
            ("Alt+Left", lambda: self._go(-7)),
            ("Alt+Right", lambda: self._go(7)),
        ):
            # on the grid and the cell's list only: a dialog opened from here must not see them
            for target in (self.view, self.people):
                shortcut = QShortcut(QKeySequence(keys), target)
                shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
                shortcut.activated.connect(slot)
        self.retranslate()

    # --- text ------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.site_label.setText(self.tr("&Site"))
        self.prev_week.setToolTip(self.tr("Previous week (Alt+Left)"))
        self.next_week.setToolTip(self.tr("Next week (Alt+Right)"))
        self.week.setToolTip(self.tr("Any day of the week to show"))
        self.this_week.setText(self.tr("This week"))
        self.generate_button.setText(self.tr("Make roster…"))
        self.generate_button.setToolTip(
            self.tr("Make or re-make the roster for a range of days (keeps locked cells)")
        )
        self.unavailable_button.setText(self.tr("Cannot work from…"))
        self.unavailable_button.setToolTip(
            self.tr("Someone is sick, on leave or in quarantine from a date: re-plan from there")
        )
        self.print_button.setText(self.tr("Print"))
        self.print_button.setToolTip(
            self.tr("This site's week (Ctrl+P), every site's week, or the week as a PDF file")
        )
        self.print_site_action.setText(self.tr("Print this site, this week…"))
        self.print_all_action.setText(self.tr("Print all sites, this week…"))
        self.save_pdf_action.setText(self.tr("Save this week as PDF…"))
        self.legend.setText(
            self.tr(
                "● shift leader · bold: locked (kept by re-plans) · red: a rule is broken · "
                "amber: people or a role missing · grey: site not active · "
                "hover a cell for the reasons"
            )
        )
        self.change_button.setText(self.tr("Change person… (Enter)"))
        self.add_button.setText(self.tr("Add person…"))
        self.remove_button.setText(self.tr("Take off (Del)"))
        self.leader_button.setText(self.tr("Make shift leader"))
        self.swap_button.setText(self.tr("Swap with…"))
        self.model.retranslate()
        self._update_summary()
        self._show_cell()

    # --- loading ---------------------------------------------------------------------------

    def refresh(self) -> None:
        week = [self.monday + timedelta(days=i) for i in range(7)]
        fill_sites(self.site, list_sites(self.db), week)
        self.reload()

    def reload(self) -> None:
        site_id = self.site.currentData()
        self._set_grid(None if site_id is None else week_grid(self.db, int(site_id), self.monday))

    def reload_in_background(self) -> None:
        """Read the week again off the GUI thread (after a change), then show it."""
        site_id, monday, db = self.site.currentData(), self.monday, self.db
        if site_id is None:
            self._set_grid(None)
            return

        def shown(grid: WeekGrid) -> None:
            # the user may have moved on to another site or week meanwhile
            if self.site.currentData() == site_id and self.monday == monday:
                self._set_grid(grid)

        QueryOp(self, lambda _progress: week_grid(db, int(site_id), monday)).success(
            shown
        ).run_in_background()

    def _set_grid(self, grid: WeekGrid | None) -> None:
        index = self.view.currentIndex()
        today = (date.today() - self.monday).days
        keep = (
            (index.row(), index.column())
            if index.isValid()
            else (0, today if 0 <= today < 7 else 0)
        )
        self.grid = grid
        self.model.set_grid(self.grid)
        if self.grid is not None and self.model.rowCount():
            row = min(keep[0], self.model.rowCount() - 1)
            self.view.setCurrentIndex(self.model.index(row, keep[1]))
        self._update_summary()
        self._show_cell()

    def _update_summary(self) -> None:
        if self.grid is None:
            self.summary.setText(
                self.tr("No site yet: add sites and people in the tab “Sites and people”.")
            )
            return
        end = self.grid.week_start + timedelta(days=6)
        text = self.tr(
            "Week {start} – {end}: {missing} places missing, {marks} rule marks."
        ).format(
            start=format_date(self.grid.week_start),
            end=format_date(end),
            missing=self.grid.missing,
            marks=sum(len(c.conflicts) for c in self.grid.cells.values()),
        )
        self.summary.setText(text)

    def current_cell(self) -> GridCell | None:
        return self.model.cell(self.view.currentIndex())

    def current_person(self) -> CellPerson | None:
        cell = self.current_cell()
        row = self.people.currentRow()
        if cell is None or not 0 <= row < len(cell.people):
            return None
        return cell.people[row]

    def _show_cell(self) -> None:
        cell = self.current_cell()
        self.people.clear()
        if cell is None or self.grid is None:
            self.cell_title.setText("")
            self._update_buttons()
            return
        shift = self.grid.site.shift(cell.shift)
        shift_word = self.tr("Shift")
        self.cell_title.setText(
            f"{self.grid.site.name} — {shift_word} {shift.number} ({shift.times}), "
            f"{weekday_name(cell.day)} {format_date(cell.day)}"
        )
        for p in cell.people:
            bits = [(LEADER_MARK + " " if p.leader else "") + p.name]
            if p.unit:
                bits.append(p.unit)
            if p.locked:
                bits.append(self.tr("locked"))
            if p.attendance:
                bits.append(ATTENDANCE_STATUSES.get(p.attendance, p.attendance))
            text = " — ".join(bits)
            if p.conflicts:
                text += " ⚠ " + "; ".join(c.message for c in p.conflicts)
            item = QListWidgetItem(text)
            if p.conflicts:
                item.setForeground(Qt.GlobalColor.darkRed)
            item.setToolTip("\n".join(c.message for c in p.conflicts))
            self.people.addItem(item)
        for reason in [c.message for c in cell.problems]:
            item = QListWidgetItem("⚠ " + reason)
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.people.addItem(item)
        if cell.missing:
            item = QListWidgetItem(
                self.tr("{n} places missing: press “Add person…”").format(n=cell.missing)
            )
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.people.addItem(item)
        if cell.people:
            self.people.setCurrentRow(0)
        self._update_buttons()

    def _update_buttons(self) -> None:
        cell = self.current_cell()
        person = self.current_person()
        usable = cell is not None and cell.active and not self.busy
        # a shift already marked for attendance is history: change it in the attendance tab
        open_person = person is not None and person.attendance is None
        self.change_button.setEnabled(usable and open_person)
        self.add_button.setEnabled(usable and cell is not None and cell.missing > 0)
        self.remove_button.setEnabled(usable and open_person)
        self.lock_button.setEnabled(person is not None and not self.busy)
        self.leader_button.setEnabled(person is not None and not person.leader and not self.busy)
        self.swap_button.setEnabled(open_person and not self.busy)
        self.lock_button.setText(
            self.tr("Unlock (Ctrl+L)") if person and person.locked else self.tr("Lock (Ctrl+L)")
        )
        self.generate_button.setEnabled(not self.busy and self.grid is not None)
        self.unavailable_button.setEnabled(not self.busy)

    def _go(self, days: int) -> None:
        self.set_week(self.monday + timedelta(days=days))

    def set_week(self, day: date) -> None:
        self.week.setDate(to_qdate(monday_of(day)))

    def _on_week_edited(self, value) -> None:
        monday = monday_of(from_qdate(value))
        if monday != from_qdate(value):
            self.week.setDate(to_qdate(monday))
            return
        if monday != self.monday:
            self.monday = monday
            self.reload()

    def _on_this_week(self) -> None:
        self.set_week(date.today())

    def select_cell(self, day: date, shift: str) -> None:
        if self.grid is None:
            return
        index = self.model.index_of(day, shift)
        self.view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )

    def _after_change(self) -> None:
        self.reload_in_background()
        self.changed.emit()
