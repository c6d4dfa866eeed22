"""Work lists of the households page, and entering a test round's results.

Four lists, one line per household, double-click (or Enter) to open it: isolation ending
today or tomorrow; people not tested in the latest round of their area; empty houses that
need a police watch; vulnerable or poor households not supplied in the last seven days.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.db.database import Database
from fieldapp.errors import UserError
from fieldapp.households import worklists
from fieldapp.households.listing import HouseholdFilter, household_ids
from fieldapp.households.service import (
    add_test_round,
    household_members,
    list_areas,
    record_test_results,
    round_results,
    test_rounds,
)
from fieldapp.text.vietnamese import fold, format_date
from ui.errors import show_error
from ui.pages.households.dialogs import date_edit, from_qdate
from ui.pages.households.labels import isolation_text, status_text, test_kind_text
from ui.widgets.commune_filter import CommuneFilter
from ui.widgets.rows_model import Row, RowsTable, RowsTree


class WorkList(QGroupBox):
    """One work list: a tree of households with the people concerned under each."""

    open_household = Signal(int)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.top = QHBoxLayout()
        layout.addLayout(self.top)
        self.tree = RowsTree(["", "", ""])
        self.tree.setRootIsDecorated(True)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(False)
        self.tree.row_activated.connect(self._on_activated)
        layout.addWidget(self.tree, 1)
        self.count = 0
        self.lines: list[worklists.WorkLine] = []
        self.communes: dict[str, str] = {}  # at a district: device id → commune

    def set_lines(self, lines: list[worklists.WorkLine], detail) -> None:
        rows = []
        for line in lines:
            commune = self.communes.get(line.device_id, "")
            where = ", ".join(p for p in (line.address, line.village, commune) if p)
            children = [
                Row([person.full_name, "", detail(line, person)], line.household_id)
                for person in line.people
            ]
            rows.append(
                Row(
                    [line.head_name, where, detail(line, None)],
                    line.household_id,
                    children=children,
                )
            )
        self.tree.set_rows(rows, expanded=len(lines) <= 25)
        self.count = len(lines)
        self.lines = list(lines)

    def current_line(self) -> worklists.WorkLine | None:
        """The household chosen in the tree, else the first of the list."""
        row = self.tree.current_row()
        wanted = row.id if row is not None else None
        return next((x for x in self.lines if x.household_id == wanted), None) or (
            self.lines[0] if self.lines else None
        )

    def _on_activated(self, row: Row) -> None:
        self.open_household.emit(row.id)


class WorklistsPanel(QWidget):
    open_household = Signal(int)

    def __init__(self, db: Database, parent=None) -> None:
        super().__init__(parent)
        self.db = db
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        # At a district: one commune's households only (issue 18 part 4); absent in a commune.
        self.commune = CommuneFilter()
        self.commune.setObjectName("worklistCommune")
        self.commune.currentIndexChanged.connect(self.refresh)
        self.commune_label = QLabel()
        self.commune_label.setBuddy(self.commune)
        top = QHBoxLayout()
        top.addWidget(self.commune_label)
        top.addWidget(self.commune)
        top.addStretch(1)
        outer.addLayout(top)
        grid = QGridLayout()
        outer.addLayout(grid, 1)
        self.ending = WorkList()
        self.untested = WorkList()
        self.empty = WorkList()
        self.unsupplied = WorkList()
        for i, w in enumerate((self.ending, self.untested, self.empty, self.unsupplied)):
            grid.addWidget(w, i // 2, i % 2)
            w.open_household.connect(self.open_household)
        # Identity numbers that failed a check on import: shown only while there are some.
        self.ids = WorkList()
        self.ids.open_household.connect(self.open_household)
        self.ids.hide()
        grid.addWidget(self.ids, 2, 0, 1, 2)
        self.round = QComboBox()
        self.round.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.round.setMinimumContentsLength(12)
        self.round.currentIndexChanged.connect(self._load_untested)
        self.new_round = QPushButton()
        self.new_round.clicked.connect(self._on_new_round)
        self.enter_results = QPushButton()
        self.enter_results.clicked.connect(self._on_enter_results)
        self.untested.top.addWidget(self.round, 1)
        self.untested.top.addWidget(self.enter_results)
        self.untested.top.addWidget(self.new_round)
        # "In": the paper each list calls for (issue 14), in the print dialog with a preview.
        self.print_buttons: dict[str, QPushButton] = {}
        self.print_dialog = None
        for paper, w in (
            ("isolation-certificate", self.ending),
            ("test-round", self.untested),
            ("door-to-door", self.empty),
            ("relief", self.unsupplied),
        ):
            button = QPushButton()
            button.setObjectName(f"print-{paper}")
            button.clicked.connect(lambda _checked=False, p=paper, wl=w: self._on_print(p, wl))
            if w is not self.untested:
                w.top.addStretch(1)
            w.top.addWidget(button)
            self.print_buttons[paper] = button
        self.retranslate()

    def retranslate(self) -> None:
        for w, last in (
            (self.ids, self.tr("Why")),
            (self.ending, self.tr("Isolation ends")),
            (self.untested, self.tr("Status")),
            (self.empty, self.tr("Back on")),
            (self.unsupplied, self.tr("Last relief")),
        ):
            w.tree.set_headers([self.tr("Household / person"), self.tr("Address"), last])
        self.new_round.setText(self.tr("New round…"))
        for button in self.print_buttons.values():
            button.setText(self.tr("Print…"))
        self.enter_results.setText(self.tr("Enter results…"))
        self._commune_texts()
        self._titles()

    def _commune_texts(self) -> None:
        self.commune.set_texts(
            self.tr("All communes"), self.tr("All districts"), self.tr("This office")
        )
        self.commune_label.setText(
            self.tr("&District") if self.commune.province else self.tr("&Commune")
        )
        self.commune_label.setVisible(self.commune.upper)

    def _titles(self) -> None:
        self.ending.setTitle(
            self.tr("Isolation ends today or tomorrow: {n} households").format(n=self.ending.count)
        )
        self.untested.setTitle(
            self.tr("Not tested in this round: {n} households").format(n=self.untested.count)
        )
        self.empty.setTitle(self.tr("Empty houses, police watch: {n}").format(n=self.empty.count))
        self.empty.setToolTip(
            self.tr(
                "Every member of these households is in central isolation: the house stands "
                "empty and needs a police watch against theft."
            )
        )
        self.unsupplied.setTitle(
            self.tr("Vulnerable, no relief for 7 days: {n}").format(n=self.unsupplied.count)
        )
        self.ids.setTitle(self.tr("ID numbers to check: {n} households").format(n=self.ids.count))
        self.ids.setToolTip(
            self.tr(
                "People whose CMND/CCCD number failed a check on import. They were kept as "
                "typed; open the household to correct the number."
            )
        )
        self.unsupplied.setToolTip(
            self.tr(
                "Households with an elderly person, a young child, a pregnant woman, a disabled "
                "or chronically ill person, or poor households, with no relief in 7 days."
            )
        )

    def refresh(self) -> None:
        from fieldapp.sync.district import only_devices

        today = date.today()
        communes = self.commune.fill(self.db)
        self._commune_texts()
        devices = self.commune.devices()
        for w in (self.ending, self.untested, self.empty, self.unsupplied, self.ids):
            w.communes = communes
        self.ending.set_lines(
            only_devices(worklists.isolation_ending(self.db, today), devices),
            lambda line, p: self._ends(
                min(q.isolation_end for q in line.people) if p is None else p.isolation_end, today
            ),
        )
        self.empty.set_lines(
            only_devices(worklists.empty_houses(self.db, today), devices),
            lambda line, p: (
                format_date(
                    max((q.isolation_end for q in line.people if q.isolation_end), default=None)
                )
                if p is None
                else f"{status_text(p.status)} {format_date(p.isolation_end)}"
            ),
        )
        self.unsupplied.set_lines(
            only_devices(worklists.unsupplied_vulnerable(self.db, today), devices),
            lambda line, p: (
                (format_date(line.last_delivery) or self.tr("never")) if p is None else ""
            ),
        )
        self.ids.set_lines(
            only_devices(worklists.ids_to_check(self.db, today), devices),
            lambda line, p: "" if p is None else p.note,
        )
        self.ids.setVisible(self.ids.count > 0)
        current = self.round.currentData()
        self.round.blockSignals(True)
        self.round.clear()
        # At a district the rounds are those of the chosen commune's areas, each named with
        # its commune when all are shown (issue 18 part 4).
        areas = {
            a.id: ", ".join(x for x in (a.name, communes.get(a.device_id, "")) if x)
            for a in only_devices(list_areas(self.db, today), devices)
            if a.in_force
        }
        latest = worklists.latest_rounds(self.db, today)
        for area_id, name in areas.items():
            for r in test_rounds(self.db, area_id):
                label = f"{format_date(r.held_on)} {test_kind_text(r.kind)} — {name}"
                self.round.addItem(label, r.id)
        # the round chosen before, if it is still offered, else the latest of the shown areas
        index = self.round.findData(current) if current is not None else -1
        if index < 0:
            index = self.round.findData(next((r for a, r in latest.items() if a in areas), None))
        self.round.setCurrentIndex(max(0, index))
        self.round.blockSignals(False)
        self.enter_results.setEnabled(self.round.count() > 0)
        self._load_untested()

    def _ends(self, end: date | None, today: date) -> str:
        if end == today:
            return self.tr("today ({date})").format(date=format_date(end))
        return self.tr("tomorrow ({date})").format(date=format_date(end))

    def _load_untested(self) -> None:
        from fieldapp.sync.district import only_devices

        round_id = self.round.currentData()
        lines = worklists.not_tested(self.db, round_id) if round_id is not None else []
        lines = only_devices(lines, self.commune.devices())
        self.untested.set_lines(
            lines,
            lambda _line, p: (
                ""
                if p is None
                else " ".join(x for x in (status_text(p.status), isolation_text(p.isolation)) if x)
            ),
        )
        self._titles()

    def _on_new_round(self) -> None:
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("New test round"))
        form = QFormLayout(dialog)
        area = QComboBox()
        for a in list_areas(self.db):
            if a.in_force:
                area.addItem(a.name, a.id)
        day = date_edit()
        kind = QComboBox()
        kind.addItem(test_kind_text("rapid"), "rapid")
        kind.addItem(test_kind_text("pcr"), "pcr")
        form.addRow(self.tr("Area"), area)
        form.addRow(self.tr("Date"), day)
        form.addRow(self.tr("Kind"), kind)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        form.addRow(buttons)
        if dialog.exec() != QDialog.DialogCode.Accepted or area.currentData() is None:
            return
        try:
            round_id = add_test_round(
                self.db, area.currentData(), from_qdate(day.date()), kind.currentData()
            )
        except UserError as err:
            show_error(self, err)
            return
        self.round.addItem("", round_id)
        self.round.setCurrentIndex(self.round.count() - 1)
        self.refresh()

    def _on_print(self, paper: str, work_list: WorkList) -> None:
        from ui.pages.households.print_dialog import PrintChoice, open_print_dialog

        line = work_list.current_line()
        choice = PrintChoice(paper=paper)
        if line is not None:
            choice.area_id = line.area_id
            choice.household_id = line.household_id
        if paper == "test-round":
            choice.round_id = self.round.currentData()
            if choice.round_id is not None:
                area = next(
                    (r.area_id for r in test_rounds(self.db) if r.id == choice.round_id), None
                )
                choice.area_id = area if area is not None else choice.area_id
                choice.household_id = None
        self.print_dialog = open_print_dialog(self.db, choice, self)

    def _on_enter_results(self) -> None:
        round_id = self.round.currentData()
        if round_id is None:
            return
        dialog = TestResultsDialog(self.db, round_id, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.refresh()
            from ui.pages.households.test_entry import offer_f0

            offer_f0(self, self.db, round_id, self.refresh)


class TestResultsDialog(QDialog):
    """Results of one round for the people of its area: negative, positive, or not tested."""

    __test__ = False

    CHOICES = ("", "negative", "positive", "invalid")

    def __init__(self, db: Database, round_id: int, parent=None) -> None:
        super().__init__(parent)
        self.db = db
        self.round_id = round_id
        self.setWindowTitle(self.tr("Test results"))
        self.resize(760, 600)
        info = next(r for r in test_rounds(db) if r.id == round_id)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr(
                    "Round of {date} ({kind}). Choose each person's result; leave empty "
                    "for people not tested."
                ).format(date=format_date(info.held_on), kind=test_kind_text(info.kind))
            )
        )
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search a name…"))
        self.search.textChanged.connect(self._on_search)
        layout.addWidget(self.search)
        self.table = RowsTable([self.tr("Person"), self.tr("Household"), self.tr("Result")])
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("&Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self._on_save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._load(info.area_id)

    def _load(self, area_id: int) -> None:
        ids = household_ids(self.db, HouseholdFilter(area_id=area_id))
        members = household_members(self.db, ids)
        results = round_results(self.db, self.round_id)
        self.people = [(m, members[hid][0].full_name) for hid in ids for m in members[hid]]
        self.table.set_rows(Row([m.full_name, head, ""], m.id) for m, head in self.people)
        self.combos: list[QComboBox] = []
        for row, (m, _head) in enumerate(self.people):
            combo = QComboBox()
            combo.addItem("—", "")
            combo.addItem(self.tr("Negative"), "negative")
            combo.addItem(self.tr("Positive"), "positive")
            combo.addItem(self.tr("Invalid"), "invalid")
            combo.setCurrentIndex(max(0, combo.findData(results.get(m.id, ""))))
            self.table.setIndexWidget(self.table.rows_model.index(row, 2), combo)
            self.combos.append(combo)
        self._initial = [c.currentData() for c in self.combos]

    def _on_search(self, text: str) -> None:
        words = fold(text).split()
        for row, (m, head) in enumerate(self.people):
            hay = fold(m.full_name + " " + head)
            self.table.setRowHidden(row, not all(w in hay for w in words))

    def _on_save(self) -> None:
        changes = {
            m.id: c.currentData()
            for (m, _h), c, before in zip(self.people, self.combos, self._initial, strict=True)
            if c.currentData() != before
        }
        try:
            record_test_results(self.db, self.round_id, changes)
        except UserError as err:
            show_error(self, err)
            return
        self.accept()
