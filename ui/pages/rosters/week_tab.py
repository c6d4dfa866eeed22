"""The week grid tab: one site's week, the cell's people, and every hand change with undo.

Keys: arrows move between cells; Enter changes the selected person (or fills an empty place)
from the ranked "who can take this" list; Delete takes the selected person off; Ctrl+L locks
or unlocks; Alt+Left / Alt+Right go to the previous / next week; Ctrl+Z / Ctrl+Y undo and
redo (at page level).
"""

from __future__ import annotations

import tempfile
from datetime import date, timedelta
from pathlib import Path

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
    QMessageBox,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.db.database import Database
from fieldapp.errors import Cancelled, UserError
from fieldapp.progress import Progress
from fieldapp.rostering import editing
from fieldapp.rostering.models import ATTENDANCE_STATUSES
from fieldapp.rostering.planning import PlanResult, generate, mark_unavailable_and_replan
from fieldapp.rostering.sheets import print_roster
from fieldapp.rostering.store import add_absence, list_sites, list_staff, monday_of, remove_absence
from fieldapp.rostering.views import CellPerson, GridCell, WeekGrid, week_grid, week_grids
from fieldapp.text.vietnamese import format_date
from ui import errors
from ui.operations import CollectionOp, QueryOp
from ui.pages.rosters.common import (
    ServiceCommand,
    from_qdate,
    run_service,
    show_error,
    to_qdate,
    weekday_name,
)
from ui.pages.rosters.dialogs import (
    CandidatesDialog,
    ChoiceDialog,
    GenerateDialog,
    UnavailableDialog,
    ask_force,
)
from ui.pages.rosters.grid_model import LEADER_MARK, CellDelegate, WeekGridModel
from ui.pages.rosters.print_preview import ask_pdf_path, show_pdf_preview

REPLAN_SPAN = 92  # days after the first day of a leave that a re-plan may touch (its undo too)


class WeekTab(QWidget):
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
        self.unavailable_button.clicked.connect(self._on_unavailable)
        self.print_site_action.triggered.connect(lambda: self._on_print(False))
        self.print_all_action.triggered.connect(lambda: self._on_print(True))
        self.save_pdf_action.triggered.connect(self._on_save_pdf)
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
        self._update_summary()
        self._show_cell()

    # --- loading ---------------------------------------------------------------------------

    def refresh(self) -> None:
        current = self.site.currentData()
        sites = list_sites(self.db)
        self.site.blockSignals(True)
        self.site.clear()
        for s in sites:
            self.site.addItem(s.name, s.id)
        if current is not None and self.site.findData(current) >= 0:
            self.site.setCurrentIndex(self.site.findData(current))
        self.site.blockSignals(False)
        self.reload()

    def reload(self) -> None:
        site_id = self.site.currentData()
        index = self.view.currentIndex()
        today = (date.today() - self.monday).days
        keep = (
            (index.row(), index.column())
            if index.isValid()
            else (0, today if 0 <= today < 7 else 0)
        )
        self.grid = None if site_id is None else week_grid(self.db, int(site_id), self.monday)
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
            f"{self.grid.site.name} — {shift_word} {shift.number} ({shift.start}–{shift.end}), "
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
        self.reload()
        self.changed.emit()

    def _push(self, text: str, undo, redo) -> None:
        self.undo.push(ServiceCommand(text, undo, redo, self._after_change))
        self._after_change()

    # --- hand changes ----------------------------------------------------------------------

    def _pick(self, cell: GridCell, replacing: CellPerson | None) -> tuple[int, bool] | None:
        """Ask who takes the cell; (staff id, force) or None."""
        ranked = run_service(
            self,
            lambda: editing.candidates(
                self.db,
                cell.site_id,
                cell.day,
                cell.shift,
                replacing=replacing.assignment_id if replacing else None,
            ),
        )
        if ranked is None:
            return None
        shift = self.grid.site.shift(cell.shift)
        shift_word = self.tr("Shift")
        title = f"{self.grid.site.name} — {shift_word} {shift.number} ({shift.start}–{shift.end}), {weekday_name(cell.day)} {format_date(cell.day)}"
        if replacing is not None:
            title += "\n" + self.tr("Instead of {name}").format(name=replacing.name)
        dialog = CandidatesDialog(title, ranked, self)
        self.busy = True  # no second change while the list is open
        try:
            if not dialog.exec():
                return None
        finally:
            self.busy = False
        chosen = dialog.chosen()
        if chosen is None:
            return None
        force = False
        if not chosen.ok:
            if not ask_force(self, f"{chosen.staff.name}: {chosen.reason}"):
                return None
            force = True
        return chosen.staff.id, force

    def _on_change(self) -> None:
        cell, person = self.current_cell(), self.current_person()
        if cell is None or not cell.active or self.busy:
            return
        if person is None:  # Enter on an empty place fills it
            self._on_add()
            return
        if person.attendance is not None:
            return
        picked = self._pick(cell, person)
        if picked is None:
            return
        staff_id, force = picked
        state = {"new": None, "old": person.assignment_id}
        old = (person.staff_id, person.locked, person.leader)

        def do() -> None:
            state["new"] = editing.assign(
                self.db,
                cell.site_id,
                cell.day,
                cell.shift,
                staff_id,
                replacing=state["old"],
                force=force,
            )

        def undo() -> None:
            editing.remove_assignment(self.db, state["new"])
            state["old"] = editing.assign(
                self.db,
                cell.site_id,
                cell.day,
                cell.shift,
                old[0],
                locked=old[1],
                leader=old[2],
                force=True,
            )

        if run_service(self, lambda: do() or True):
            self._push(self.tr("Change person on a shift"), undo, do)

    def _on_add(self) -> None:
        cell = self.current_cell()
        if cell is None or not cell.active or self.busy or cell.missing <= 0:
            return
        picked = self._pick(cell, None)
        if picked is None:
            return
        staff_id, force = picked
        state = {"new": None}

        def do() -> None:
            state["new"] = editing.assign(
                self.db, cell.site_id, cell.day, cell.shift, staff_id, force=force
            )

        def undo() -> None:
            editing.remove_assignment(self.db, state["new"])

        if run_service(self, lambda: do() or True):
            self._push(self.tr("Add person to a shift"), undo, do)

    def _on_remove(self) -> None:
        person, cell = self.current_person(), self.current_cell()
        if person is None or cell is None or self.busy or person.attendance is not None:
            return
        state = {"id": person.assignment_id}

        def do() -> None:
            editing.remove_assignment(self.db, state["id"])

        def undo() -> None:
            state["id"] = editing.assign(
                self.db,
                cell.site_id,
                cell.day,
                cell.shift,
                person.staff_id,
                locked=person.locked,
                leader=person.leader,
                force=True,
            )

        if run_service(self, lambda: do() or True):
            self._push(self.tr("Take someone off a shift"), undo, do)

    def _on_lock(self) -> None:
        person = self.current_person()
        if person is None or self.busy:
            return
        ids, new = [person.assignment_id], not person.locked
        if run_service(self, lambda: editing.set_locked(self.db, ids, new) + 1):
            self._push(
                self.tr("Lock") if new else self.tr("Unlock"),
                lambda: editing.set_locked(self.db, ids, not new),
                lambda: editing.set_locked(self.db, ids, new),
            )

    def _on_leader(self) -> None:
        person = self.current_person()
        if person is None or person.leader or self.busy:
            return
        state = {"former": None}

        def do() -> None:
            state["former"] = editing.set_leader(self.db, person.assignment_id)

        def undo() -> None:
            if state["former"] is not None:
                editing.set_leader(self.db, state["former"])

        if run_service(self, lambda: do() or True):
            self._push(self.tr("Make shift leader"), undo, do)

    def _on_swap(self) -> None:
        person, cell = self.current_person(), self.current_cell()
        if person is None or cell is None or self.busy or self.grid is None:
            return
        grids = run_service(self, lambda: week_grids(self.db, self.monday))
        if not grids:
            return
        rows = []
        shift_word = self.tr("Shift")
        for grid in grids:
            for (day, shift_id), other in sorted(grid.cells.items()):
                shift = grid.site.shift(shift_id)
                for p in other.people:
                    if p.assignment_id == person.assignment_id or p.staff_id == person.staff_id:
                        continue
                    rows.append(
                        (
                            p.assignment_id,
                            [
                                f"{weekday_name(day)} {format_date(day)}",
                                f"{shift_word} {shift.number} ({shift.start}–{shift.end})",
                                grid.site.name,
                                p.name,
                            ],
                        )
                    )
        dialog = ChoiceDialog(
            self.tr("Swap {name} with…").format(name=person.name),
            [self.tr("Day"), self.tr("Shift"), self.tr("Site"), self.tr("Person")],
            rows,
            self,
        )
        if not dialog.exec() or dialog.chosen() is None:
            return
        other_id = int(dialog.chosen())
        first = person.assignment_id
        try:
            editing.swap(self.db, first, other_id)
        except UserError as err:
            if "không nhận được" not in str(err) or not ask_force(self, str(err)):
                if "không nhận được" not in str(err):
                    show_error(self, str(err))
                return
            if not run_service(
                self, lambda: editing.swap(self.db, first, other_id, force=True) or True
            ):
                return
        self._push(
            self.tr("Swap two people"),
            lambda: editing.swap(self.db, first, other_id, force=True),
            lambda: editing.swap(self.db, first, other_id, force=True),
        )

    # --- long work: generate, re-plan ----------------------------------------------------------

    def _run_long(self, title: str, work, done, undo_text: str, undo, redo) -> None:
        """Run ``work(progress)`` as one undoable write through the operation runner."""
        self.busy = True
        self._update_buttons()

        def finish() -> None:
            self.busy = False
            self._update_buttons()

        def on_done(result) -> None:
            finish()
            self._after_change()
            done(result)

        def on_failed(exc: BaseException) -> None:
            finish()
            if not isinstance(exc, Cancelled):
                errors.show_error(self, exc)

        (
            CollectionOp(self, work)
            .success(on_done)
            .failure(on_failed)
            .with_progress(title, cancellable=False)
            .undoable(undo_text, undo=undo, redo=redo, changed=self._after_change, stack=self.undo)
            .run_in_background()
        )

    def _report(self, result: PlanResult, title: str) -> None:
        self.last_result = result
        box = QMessageBox(self)
        box.setWindowTitle(title)
        box.setIcon(
            QMessageBox.Icon.Information if not result.missing else QMessageBox.Icon.Warning
        )
        lines = result.lines()
        box.setText(lines[0] + ("\n" + lines[1] if len(lines) > 1 else ""))
        if len(lines) > 2:
            box.setDetailedText("\n".join(lines))
        box.setModal(False)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.show()
        self._result_box = box

    def _on_generate(self) -> None:
        if self.busy or self.grid is None:
            return
        dialog = GenerateDialog(
            self.monday, self.monday + timedelta(days=6), self.grid.site.name, self
        )
        if not dialog.exec():
            return
        start, end, only_site, keep = dialog.values()
        self.start_generation(start, end, only_site, keep)

    def start_generation(self, start: date, end: date, only_site: bool, keep: bool) -> None:
        sites = [int(self.site.currentData())] if only_site and self.site.currentData() else None
        db = self.db

        def work(progress: Progress) -> tuple[list, PlanResult]:
            state = editing.range_state(db, start, end)  # what undo puts back
            result = generate(
                db, start, end, site_ids=sites, keep_current=keep, progress=_fractions(progress)
            )
            return state, result

        def undo(done: tuple[list, PlanResult]) -> None:
            editing.restore_range(db, start, end, done[0])

        def redo(done: tuple[list, PlanResult]) -> tuple[list, PlanResult]:
            return done[0], generate(db, start, end, site_ids=sites, keep_current=keep)

        text = self.tr("Make roster {start} – {end}").format(
            start=format_date(start), end=format_date(end)
        )
        self._run_long(
            self.tr("Making the roster…"),
            work,
            lambda done: self._report(done[1], self.tr("Roster made")),
            text,
            undo,
            redo,
        )

    def _on_unavailable(self, chosen: int | None = None) -> None:
        if self.busy:
            return
        person = self.current_person()
        people = list_staff(self.db)
        if not people:
            show_error(self, self.tr("There is nobody on the staff list yet."))
            return
        dialog = UnavailableDialog(
            people,
            chosen if chosen is not None else (person.staff_id if person else None),
            date.today() + timedelta(days=1),
            self,
        )
        if not dialog.exec():
            return
        self.start_unavailable(*dialog.values())

    def start_unavailable(
        self, staff_id: int, reason: str, start: date, end: date | None, note: str, replan: bool
    ) -> None:
        holder: dict[str, int | None] = {"absence": None}
        if not replan:

            def add() -> None:
                holder["absence"] = add_absence(self.db, staff_id, reason, start, end, note).id

            if run_service(self, lambda: add() or True):
                self._push(
                    self.tr("Record leave"),
                    lambda: remove_absence(self.db, holder["absence"]),
                    add,
                )
            return
        first, last = start - timedelta(days=1), start + timedelta(days=REPLAN_SPAN)
        db = self.db

        def work(progress: Progress) -> tuple[list, int | None, PlanResult]:
            state = editing.range_state(db, first, last)
            result = mark_unavailable_and_replan(
                db, staff_id, reason, start, end, note=note, progress=_fractions(progress)
            )
            return state, editing.latest_absence_id(db, staff_id), result

        def undo(done: tuple[list, int | None, PlanResult]) -> None:
            editing.restore_range(db, first, last, done[0], remove_absence=done[1])

        def redo(done: tuple[list, int | None, PlanResult]):
            result = mark_unavailable_and_replan(db, staff_id, reason, start, end, note=note)
            return done[0], editing.latest_absence_id(db, staff_id), result

        self._run_long(
            self.tr("Re-planning…"),
            work,
            lambda done: self._report(done[2], self.tr("Re-planned")),
            self.tr("Cannot work from a date, re-plan"),
            undo,
            redo,
        )

    # --- printing --------------------------------------------------------------------------

    def _sheet_sites(self, every_site: bool) -> list[int] | None:
        if every_site:
            return None
        return [int(self.site.currentData())] if self.site.currentData() is not None else None

    def _on_print(self, every_site: bool) -> None:
        if self.grid is None:
            return
        sites = self._sheet_sites(every_site)
        db, monday = self.db, self.monday
        folder = Path(tempfile.mkdtemp(prefix="fieldapp-print-"))
        (
            QueryOp(self, lambda _p: print_roster(db, folder / "lich-truc.pdf", monday, sites))
            .success(lambda path: show_pdf_preview(self, path, self.tr("Duty roster")))
            .with_progress(self.tr("Preparing the sheets…"))
            .run_in_background()
        )

    def _on_save_pdf(self) -> None:
        if self.grid is None:
            return
        name = f"lich-truc-{self.monday.isoformat()}.pdf"
        target = ask_pdf_path(self, name)
        if target is None:
            return
        db, monday = self.db, self.monday
        (
            QueryOp(self, lambda _p: print_roster(db, target, monday))
            .success(
                lambda path: QMessageBox.information(
                    self, self.tr("Duty roster"), self.tr("Saved: {path}").format(path=path)
                )
            )
            .with_progress(self.tr("Preparing the sheets…"))
            .run_in_background()
        )


def _fractions(progress: Progress):
    """The planner reports (fraction, words); the runner's Progress counts steps."""
    return lambda fraction, message: progress.update(int(fraction * 100), 100, message)
