"""Hộ phong tỏa: lockdown areas, the household table, detail, Excel import/export, work lists.

The table stays smooth at 50,000 households: a lazy model (:mod:`.table_model`) and search as
you type over folded text ("nguyen van" finds "Nguyễn Văn"), answered by one indexed query
after a short pause in typing. Every change goes through the core's service functions, with
undo (Ctrl+Z) for the changes a person can make by mistake.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from fieldapp.db.database import Database
from fieldapp.households import service
from fieldapp.households.excel_export import export_households
from fieldapp.households.listing import HouseholdFilter, villages
from fieldapp.households.service import AreaSummary
from ui.dialogs import show_once
from ui.operations import QueryOp, run_change
from ui.pages.base import Page
from ui.pages.households.detail import HouseholdDetailDialog
from ui.pages.households.dialogs import AreaDialog, HouseholdDialog
from ui.pages.households.import_dialog import ImportDialog
from ui.pages.households.table_model import (
    COL_ADDRESS,
    COL_COMMUNE,
    COL_ENDS,
    COL_FLAGS,
    COL_HEAD,
    COL_PEOPLE,
    COL_PHONE,
    COL_STATUS,
    COL_VILLAGE,
    HouseholdTableModel,
)
from ui.pages.households.worklists import WorklistsPanel

if TYPE_CHECKING:
    from ui.pages.households.followup import FollowUpPanel
from ui.widgets.confirm import confirm_personal_export
from ui.widgets.undo_button import FixedWidthButton

SEARCH_PAUSE_MS = 150


class LazyComboBox(QComboBox):
    """A combo box that fills its list only when it opens (the village list of 50,000
    households is not needed for the first paint)."""

    opening = Signal()

    def showPopup(self) -> None:  # noqa: N802 - Qt naming
        self.opening.emit()
        super().showPopup()


ENDING_SOON_DAYS = 2
ALL_AREAS = -1


class HouseholdsPage(Page):
    key = "households"

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.undo_stack = QUndoStack(self)
        self.areas: list[AreaSummary] = []
        self.tabs = QTabWidget()
        self.outer.addWidget(self.tabs, 1)

        # -- households tab ------------------------------------------------------------------
        households = QWidget()
        row = QHBoxLayout(households)
        row.setContentsMargins(0, 6, 0, 0)
        self.area_box = QGroupBox()
        self.area_box.setMinimumWidth(190)
        self.area_box.setMaximumWidth(270)
        area_layout = QVBoxLayout(self.area_box)
        self.area_list = QListWidget()
        self.area_list.setObjectName("areaList")
        self.area_list.setWordWrap(True)
        self.area_list.setSpacing(3)
        self.area_list.currentRowChanged.connect(self._on_area_changed)
        self.area_list.itemDoubleClicked.connect(self._on_edit_area)
        area_layout.addWidget(self.area_list, 1)
        area_buttons = QHBoxLayout()
        self.new_area_button = QPushButton()
        self.new_area_button.clicked.connect(self._on_new_area)
        self.edit_area_button = QPushButton()
        self.edit_area_button.clicked.connect(self._on_edit_area)
        area_buttons.addWidget(self.new_area_button)
        area_buttons.addWidget(self.edit_area_button)
        area_layout.addLayout(area_buttons)
        row.addWidget(self.area_box, 1)

        right = QVBoxLayout()
        filters = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("householdSearch")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._on_search_typed)
        self.search.returnPressed.connect(self._on_search_enter)
        self.village = LazyComboBox()
        self.village.opening.connect(self._fill_villages)
        self._villages_stale = True
        self.status = QComboBox()
        # At a district: which commune's households (issue 18 part 4); absent in a commune.
        self.commune = QComboBox()
        self.commune.setObjectName("householdCommune")
        self.commune.setVisible(False)
        self.commune.currentIndexChanged.connect(self._apply_filter)
        for combo in (self.village, self.status, self.commune):
            # Shrink with the window instead of widening it to the longest item.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(9)
        self.village.currentIndexChanged.connect(self._apply_filter)
        self.status.currentIndexChanged.connect(self._apply_filter)
        self.vulnerable = QCheckBox()
        self.vulnerable.toggled.connect(self._apply_filter)
        self.ending = QCheckBox()
        self.ending.toggled.connect(self._apply_filter)
        filters.addWidget(self.search, 3)
        filters.addWidget(self.commune, 1)
        filters.addWidget(self.village, 1)
        filters.addWidget(self.status, 1)
        filters.addWidget(self.vulnerable)
        filters.addWidget(self.ending)
        right.addLayout(filters)

        self.model = HouseholdTableModel(db, self)
        self.table = QTableView()
        self.table.setObjectName("householdTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        vertical = self.table.verticalHeader()
        vertical.setVisible(False)
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for col, width in (
            (COL_HEAD, 168),
            (COL_VILLAGE, 100),
            (COL_ADDRESS, 70),
            (COL_PEOPLE, 70),
            (COL_STATUS, 88),
            (COL_ENDS, 96),
            (COL_FLAGS, 118),
            (COL_PHONE, 95),
        ):
            self.table.setColumnWidth(col, width)
        self.table.setSortingEnabled(True)
        header.setSortIndicator(COL_HEAD, Qt.SortOrder.AscendingOrder)
        self.table.doubleClicked.connect(self._on_open)
        self.table.activated.connect(self._on_open)
        right.addWidget(self.table, 1)

        bottom = QHBoxLayout()
        self.count_label = QLabel()
        self.count_label.setObjectName("householdCount")
        self.open_button = QPushButton()
        self.open_button.clicked.connect(self._on_open)
        self.new_button = QPushButton()
        self.new_button.clicked.connect(self._on_new_household)
        self.import_button = QPushButton()
        self.import_button.clicked.connect(self._on_import)
        self.export_button = QPushButton()
        self.export_button.clicked.connect(self._on_export)
        self.print_button = QPushButton()  # issue 14: the village paper, with a preview
        self.print_button.clicked.connect(self._on_print)
        self.print_dialog = None
        self.undo_button = FixedWidthButton()  # the buttons beside it keep their places
        self.undo_button.setEnabled(False)
        self.undo_button.clicked.connect(self.undo_stack.undo)
        self.undo_stack.canUndoChanged.connect(self.undo_button.setEnabled)
        self.undo_stack.undoTextChanged.connect(lambda _t: self._undo_text())
        bottom.addWidget(self.count_label, 1)
        for b in (
            self.open_button,
            self.new_button,
            self.import_button,
            self.export_button,
            self.print_button,
            self.undo_button,
        ):
            bottom.addWidget(b)
        right.addLayout(bottom)
        row.addLayout(right, 4)
        self.tabs.addTab(households, "")

        # -- work lists tab ------------------------------------------------------------------
        self._worklists: WorklistsPanel | None = None  # built when its tab is first shown
        self.tabs.addTab(QWidget(), "")
        # -- follow-up tab (F0 at home, F1 in isolation) ---------------------------------------
        self._followup: FollowUpPanel | None = None  # built when its tab is first shown
        self.tabs.addTab(QWidget(), "")
        self.tabs.currentChanged.connect(self._on_tab)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_PAUSE_MS)
        self._search_timer.timeout.connect(self._apply_filter)
        QShortcut(QKeySequence.StandardKey.Find, self, self._focus_search)
        QShortcut(QKeySequence.StandardKey.Undo, self, self.undo_stack.undo)
        QShortcut(QKeySequence.StandardKey.Redo, self, self.undo_stack.redo)
        QShortcut(QKeySequence("Ctrl+N"), self, self._on_new_household)
        QShortcut(QKeySequence.StandardKey.Print, self, self._on_print)
        self._loaded = False
        self.retranslate()

    # -- texts -------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.title_label.setText(self.tr("Lockdown households"))
        self.tabs.setTabText(0, self.tr("Households"))
        self.tabs.setTabText(1, self.tr("Work lists"))
        self.tabs.setTabText(2, self.tr("Health follow-up"))
        self.area_box.setTitle(self.tr("Lockdown areas"))
        self.new_area_button.setText(self.tr("New area…"))
        self.edit_area_button.setText(self.tr("Edit…"))
        self.search.setPlaceholderText(self.tr("Search name, address, phone…"))
        self.search.setToolTip(
            self.tr("Type without accents if you like: “hoang” finds “Hoàng”. Ctrl+F")
        )
        self._fill_combo(
            self.status,
            [
                ("", self.tr("Any status")),
                ("F0F1", self.tr("F0 or F1")),
                ("F0", "F0"),
                ("F1", "F1"),
                ("F2", "F2"),
                ("isolating", self.tr("Isolating now")),
                ("negative", self.tr("Negative")),
                ("none", self.tr("No status recorded")),
            ],
        )
        self.vulnerable.setText(self.tr("Vulnerable"))
        if self.commune.count():
            self.commune.setItemText(
                0, self.tr("All districts") if self.model.province else self.tr("All communes")
            )
            self.commune.setItemText(self.commune.count() - 1, self.tr("This office"))
        self.ending.setText(self.tr("Isolation ends within 2 days"))
        self.open_button.setText(self.tr("&Open"))
        self.new_button.setText(self.tr("&New household…"))
        self.import_button.setText(self.tr("&Import Excel…"))
        self.export_button.setText(self.tr("E&xport Excel…"))
        self.print_button.setText(self.tr("&Print…"))
        self.print_button.setToolTip(
            self.tr("Door-to-door and test lists, relief sheets, Resolution 68 papers (Ctrl+P)")
        )
        self._undo_text()
        if self._worklists is not None:
            self._worklists.retranslate()
        if self._followup is not None:
            self._followup.retranslate()
        if self._loaded:
            self._fill_areas()
            self._villages_stale = True
            self._reset_villages()
            self._update_count()

    def _undo_text(self) -> None:
        try:
            text = self.undo_stack.undoText()
        except RuntimeError:
            return  # the page is being destroyed with its stack

        self.undo_button.setText(
            self.tr("&Undo: {action}").format(action=text) if text else self.tr("&Undo")
        )

    @staticmethod
    def _fill_combo(combo: QComboBox, items: list[tuple[str, str]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        for data, text in items:
            combo.addItem(text, data)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.blockSignals(False)

    # -- loading -----------------------------------------------------------------------------

    @property
    def worklists(self) -> WorklistsPanel:
        """The work lists tab, built the first time it is needed."""
        if self._worklists is None:
            self._worklists = WorklistsPanel(self.db)
            self._worklists.open_household.connect(self.open_household)
            current = self.tabs.currentIndex()
            self.tabs.blockSignals(True)
            placeholder = self.tabs.widget(1)
            self.tabs.removeTab(1)
            placeholder.deleteLater()
            self.tabs.insertTab(1, self._worklists, "")
            self.tabs.setCurrentIndex(current)
            self.tabs.blockSignals(False)
            self.retranslate()
        return self._worklists

    @property
    def followup(self) -> FollowUpPanel:
        """The health follow-up tab, built the first time it is needed."""
        if self._followup is None:
            from ui.pages.households.followup import FollowUpPanel

            self._followup = FollowUpPanel(self.db)
            self._followup.open_household.connect(self.open_household)
            current = self.tabs.currentIndex()
            self.tabs.blockSignals(True)
            placeholder = self.tabs.widget(2)
            self.tabs.removeTab(2)
            placeholder.deleteLater()
            self.tabs.insertTab(2, self._followup, "")
            self.tabs.setCurrentIndex(current)
            self.tabs.blockSignals(False)
            self.retranslate()
        return self._followup

    def refresh(self) -> None:
        self._loaded = True
        self._fill_communes()
        self._fill_areas()
        self._villages_stale = True
        self._reset_villages()
        self._apply_filter()
        if self.tabs.currentIndex() == 1:
            self.worklists.refresh()
        elif self.tabs.currentIndex() == 2:
            self.followup.refresh()

    def _fill_areas(self) -> None:
        current = self.area_id()
        self.areas = service.list_areas(self.db)
        self.area_list.blockSignals(True)
        self.area_list.clear()
        all_item = QListWidgetItem(
            self.tr("All areas\n{households} households · {people} people").format(
                households=sum(a.households for a in self.areas),
                people=sum(a.people for a in self.areas),
            )
        )
        all_item.setData(Qt.ItemDataRole.UserRole, ALL_AREAS)
        self.area_list.addItem(all_item)
        for a in self.areas:
            text = self.tr(
                "{name}\n{households} households · {people} people · F0 {f0} · F1 {f1}"
            ).format(name=a.name, households=a.households, people=a.people, f0=a.f0, f1=a.f1)
            if a.device_id in self.model.communes:  # at a district: whose "Thôn 1"
                text = text.replace(a.name, f"{a.name} — {self.model.communes[a.device_id]}", 1)
            if not a.in_force:
                text += "\n" + self.tr("(lockdown ended)")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, a.id)
            item.setToolTip(a.villages)
            self.area_list.addItem(item)
        wanted = ALL_AREAS if current is None else current
        for i in range(self.area_list.count()):
            if self.area_list.item(i).data(Qt.ItemDataRole.UserRole) == wanted:
                self.area_list.setCurrentRow(i)
        if self.area_list.currentRow() < 0:
            self.area_list.setCurrentRow(0)
        self.area_list.blockSignals(False)
        self.edit_area_button.setEnabled(self.area_id() is not None)

    def _fill_communes(self) -> None:
        """At a district: the commune column and filter, from the senders known now."""
        from fieldapp.sync.district import commune_of_devices, units_below, upper_office
        from fieldapp.text.vietnamese import fold

        upper = upper_office(self.db)
        names = commune_of_devices(self.db) if upper else {}
        self.model.communes = names
        self.model.province = upper and units_below(self.db) == "district"
        self.table.setColumnHidden(COL_COMMUNE, not upper)
        header = self.table.horizontalHeader()
        if upper and header.visualIndex(COL_COMMUNE) != 0:
            header.moveSection(header.visualIndex(COL_COMMUNE), 0)
        self.commune.setVisible(upper)
        devices: dict[str, list[str]] = {}
        for device, name in names.items():
            devices.setdefault(name, []).append(device)
        current = self.commune.currentText() if self.commune.currentIndex() > 0 else ""
        all_text = self.tr("All districts") if self.model.province else self.tr("All communes")
        items = [(None, all_text)]
        items += [(tuple(sorted(devices[n])), n) for n in sorted(devices, key=fold)]
        items.append(((self.db.device_id,), self.tr("This office")))
        self.commune.blockSignals(True)
        self.commune.clear()
        for data, text in items:
            self.commune.addItem(text, data)
        found = self.commune.findText(current) if current else 0
        self.commune.setCurrentIndex(max(found, 0))
        self.commune.blockSignals(False)

    def _commune_devices(self) -> tuple[str, ...] | None:
        data = self.commune.currentData() if not self.commune.isHidden() else None
        return tuple(data) if data else None

    def _reset_villages(self) -> None:
        """Only "All villages" (and the chosen one) until the list is opened."""
        current = self.village.currentData() or ""
        items = [("", self.tr("All villages"))] + ([(current, current)] if current else [])
        self._fill_combo(self.village, items)

    def _fill_villages(self) -> None:
        if not self._villages_stale:
            return
        self._fill_combo(
            self.village,
            [("", self.tr("All villages"))] + [(v, v) for v in villages(self.db, self.area_id())],
        )
        self._villages_stale = False

    def area_id(self) -> int | None:
        item = self.area_list.currentItem()
        if item is None:
            return None
        value = item.data(Qt.ItemDataRole.UserRole)
        return None if value == ALL_AREAS else value

    def current_filter(self) -> HouseholdFilter:
        return HouseholdFilter(
            area_id=self.area_id(),
            search=self.search.text(),
            village=self.village.currentData() or "",
            status=self.status.currentData() or "",
            vulnerable=self.vulnerable.isChecked(),
            ending_within_days=ENDING_SOON_DAYS if self.ending.isChecked() else None,
            today=date.today(),
            devices=self._commune_devices(),
        )

    def _apply_filter(self) -> None:
        self._search_timer.stop()
        selected = self.selected_household()
        self.model.set_filter(self.current_filter())
        if selected is not None:
            self.select_household(selected)
        self._update_count()

    def _update_count(self) -> None:
        self.count_label.setText(self.tr("{n} households").format(n=self.model.rowCount()))

    def _on_search_typed(self) -> None:
        self._search_timer.start()

    def _on_search_enter(self) -> None:
        self._apply_filter()
        if self.model.rowCount():
            self.table.setFocus()
            if not self.table.selectionModel().hasSelection():
                self.table.selectRow(0)

    def _focus_search(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.search.setFocus()
        self.search.selectAll()

    def _on_area_changed(self) -> None:
        self.edit_area_button.setEnabled(self.area_id() is not None)
        self._villages_stale = True
        self.village.blockSignals(True)
        self.village.setCurrentIndex(0)  # a village of another area would hide everything
        self.village.blockSignals(False)
        self._reset_villages()
        self._apply_filter()

    def _on_tab(self, index: int) -> None:
        if index == 1:
            self.worklists.refresh()
        elif index == 2:
            self.followup.refresh()

    # -- selection ---------------------------------------------------------------------------

    def selected_household(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.household_id(rows[0].row()) if rows else None

    def select_household(self, household_id: int) -> None:
        row = self.model.row_of(household_id)
        if row is None:
            return
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)

    # -- actions -----------------------------------------------------------------------------

    def _on_open(self) -> None:
        household_id = self.selected_household()
        if household_id is not None:
            self.open_household(household_id)

    def open_household(self, household_id: int) -> HouseholdDetailDialog:
        """The household's detail; a second open brings the open one to the front."""

        def build() -> HouseholdDetailDialog:
            dialog = HouseholdDetailDialog(self.db, household_id, self.undo_stack, self)
            dialog.changed.connect(self._on_data_changed)
            return dialog

        return show_once(("household", household_id), build)

    def _on_data_changed(self) -> None:
        self._fill_areas()
        self.model.refresh_rows()
        if self._worklists is not None and self.tabs.currentIndex() == 1:
            self._worklists.refresh()

    def _after_change(self) -> None:
        self._fill_areas()
        self._villages_stale = True
        self._reset_villages()
        self._apply_filter()
        if self.tabs.currentIndex() == 1:
            self.worklists.refresh()

    def _on_new_area(self) -> None:
        dialog = AreaDialog(parent=self)
        done: dict = {}
        dialog.saver = lambda data: done.update(id=service.add_area(self.db, data), data=data)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        gone: dict = {}  # undone: the area as it was; redo puts it back with the same id, so
        # the household then added to it redoes too
        run_change(
            self.undo_stack,
            self.tr("new area {name}").format(name=done["data"].name),
            lambda: done["id"],
            lambda area_id: gone.update(was=service.delete_area(self.db, area_id)),
            lambda _old: service.restore_area(self.db, gone.pop("was")),
            self._after_change,
            self,
        )

    def _on_edit_area(self) -> None:
        area_id = self.area_id()
        area = next((a for a in self.areas if a.id == area_id), None)
        if area is None:
            return
        old = area.as_input()
        dialog = AreaDialog(old, self)
        done: dict = {}
        dialog.saver = lambda data: (
            service.update_area(self.db, area_id, data),
            done.update(data=data),
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        run_change(
            self.undo_stack,
            self.tr("edit area {name}").format(name=old.name),
            lambda: area_id,
            lambda _r: service.update_area(self.db, area_id, old),
            lambda _r: service.update_area(self.db, area_id, done["data"]),
            self._after_change,
            self,
        )

    def _on_new_household(self) -> None:
        area_id = self.area_id()
        if area_id is None:
            in_force = [a for a in self.areas if a.in_force]
            if len(in_force) != 1:
                QMessageBox.information(
                    self,
                    self.tr("New household"),
                    self.tr("Choose the lockdown area on the left first."),
                )
                return
            area_id = in_force[0].id
        dialog = HouseholdDialog(villages(self.db, area_id), self)
        done: dict = {}

        def save(values) -> None:
            data, head = values
            done["values"] = values
            done["id"] = service.add_household(self.db, area_id, data, [head])

        dialog.saver = save
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        run_change(
            self.undo_stack,
            self.tr("new household {name}").format(name=done["values"][1].full_name),
            lambda: done["id"],
            lambda household_id: service.delete_household(self.db, household_id),
            lambda _old: service.add_household(
                self.db, area_id, done["values"][0], [done["values"][1]]
            ),
            self._after_change,
            self,
        )
        self.select_household(done["id"])
        self.open_household(done["id"])

    def _on_import(self) -> None:
        dialog = ImportDialog(self.db, self.area_id(), self)
        dialog.imported.connect(self._after_change)
        dialog.open()

    def _on_print(self) -> None:
        from ui.pages.households.print_dialog import PrintChoice, open_print_dialog

        choice = PrintChoice(
            area_id=self.area_id(),
            village=self.village.currentData() or "",
            household_id=self.selected_household(),
        )
        self.print_dialog = open_print_dialog(self.db, choice, self)

    def _on_export(self) -> None:
        area_id = self.area_id()
        area = next((a for a in self.areas if a.id == area_id), None)
        suggested = f"danh-sach-ho-{date.today():%Y%m%d}.xlsx"
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export households"), suggested, self.tr("Excel files (*.xlsx)")
        )
        if not name:
            return
        if not name.lower().endswith(".xlsx"):
            name += ".xlsx"
        if not confirm_personal_export(self):
            return
        db = self.db

        def done(result) -> None:
            QMessageBox.information(
                self,
                self.tr("Export finished"),
                self.tr("{households} households, {people} people written to {file}.").format(
                    households=result.households, people=result.people, file=result.path
                )
                + (f"\n{area.name}" if area else ""),
            )

        # Building the workbook of a big area takes seconds: off the GUI thread, with a
        # progress dialog; a refusal (no area, not permitted) goes to the one error sink.
        (
            QueryOp(self, lambda _p: export_households(db, name, area_id=area_id))
            .success(done)
            .with_progress(self.tr("Exporting households…"), cancellable=False)
            .run_in_background()
        )


def create_page(db: Database) -> HouseholdsPage:
    return HouseholdsPage(db)
