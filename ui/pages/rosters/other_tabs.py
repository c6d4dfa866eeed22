"""The person view, the fairness table and shift attendance tabs of the rosters page."""

from __future__ import annotations

import tempfile
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fieldapp.db.database import Database
from fieldapp.rostering.attendance import (
    AttendanceRow,
    Mark,
    attendance_sheet,
    clear_attendance,
    mark_many,
)
from fieldapp.rostering.instance import role_label
from fieldapp.rostering.sheets import print_persons
from fieldapp.rostering.store import list_sites, list_staff, monday_of, month_span
from fieldapp.rostering.views import fairness_table, person_view
from fieldapp.text.vietnamese import format_date
from ui.operations import QueryOp, run_change
from ui.pages.rosters.common import (
    from_qdate,
    print_key,
    run_service,
    to_qdate,
    weekday_name,
)
from ui.pages.rosters.dialogs import ChoiceDialog
from ui.pages.rosters.print_preview import show_pdf_preview

SORT_ROLE = Qt.ItemDataRole.UserRole + 10


def _date_edit(day: date) -> QDateEdit:
    edit = QDateEdit(to_qdate(day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd/MM/yyyy")
    return edit


def _table(model) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.setAlternatingRowColors(True)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    return view


def fit(view: QTableView, widest: int = 230) -> None:
    """Columns as wide as their contents (after the rows changed), none wider than ``widest``
    (the full text is in the tooltip), the last one stretched."""
    view.resizeColumnsToContents()
    header = view.horizontalHeader()
    for col in range(header.count() - 1):
        if header.sectionSize(col) > widest:
            header.resizeSection(col, widest)


def _item(text: str, sort=None) -> QStandardItem:
    item = QStandardItem(text)
    item.setEditable(False)
    if len(text) > 24:
        item.setToolTip(text)
    item.setData(text if sort is None else sort, SORT_ROLE)
    if isinstance(sort, int | float) and text.replace(".", "").replace(",", "").isdigit():
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def _person_combo() -> QComboBox:
    combo = QComboBox()
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    combo.completer().setFilterMode(Qt.MatchFlag.MatchContains)
    combo.setMinimumContentsLength(14)
    # as wide as 14 letters, not as the longest name and unit (the page must fit 1366 px)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    return combo


class PersonTab(QWidget):
    """One person's duties over a span, with their leave; print their page."""

    unavailable_requested = Signal(int)

    def __init__(self, db: Database, parent=None) -> None:
        super().__init__(parent)
        self.db = db
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 6, 0, 0)
        bar = QHBoxLayout()
        self.person_label = QLabel()
        self.person = _person_combo()
        self.person_label.setBuddy(self.person)
        monday = monday_of(date.today())
        self.start = _date_edit(monday)
        self.end = _date_edit(monday + timedelta(days=13))
        self.from_label, self.to_label = QLabel(), QLabel()
        self.month_button = QPushButton()
        self.unavailable = QPushButton()
        self.print_button = QPushButton()
        for w in (
            self.person_label,
            self.person,
            self.from_label,
            self.start,
            self.to_label,
            self.end,
            self.month_button,
        ):
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(self.unavailable)
        bar.addWidget(self.print_button)
        outer.addLayout(bar)
        self.info = QLabel()
        self.info.setWordWrap(True)
        outer.addWidget(self.info)
        self.model = QStandardItemModel(0, 7, self)
        self.view = _table(self.model)
        outer.addWidget(self.view, 1)
        self.leave = QLabel()
        self.leave.setWordWrap(True)
        outer.addWidget(self.leave)
        self.person.currentIndexChanged.connect(lambda _i: self.reload())
        self.start.dateChanged.connect(lambda _d: self.reload())
        self.end.dateChanged.connect(lambda _d: self.reload())
        self.unavailable.clicked.connect(self._on_unavailable)
        self.print_button.clicked.connect(self._on_print)
        print_key(self, self._on_print)
        self.month_button.clicked.connect(self._on_month)
        self.retranslate()

    def _on_month(self) -> None:
        """The whole month of the "from" day: a person's own month."""
        first, length = month_span(from_qdate(self.start.date()))
        last = first + timedelta(days=length - 1)
        self.end.blockSignals(True)
        self.end.setDate(to_qdate(last))
        self.end.blockSignals(False)
        self.start.setDate(to_qdate(first))
        self.reload()

    def retranslate(self) -> None:
        self.person_label.setText(self.tr("&Person"))
        self.month_button.setText(self.tr("Whole month"))
        self.from_label.setText(self.tr("From"))
        self.to_label.setText(self.tr("to"))
        self.unavailable.setText(self.tr("Cannot work from…"))
        self.print_button.setText(self.tr("Print their schedule…"))
        self.model.setHorizontalHeaderLabels(
            [
                self.tr("Day"),
                self.tr("Shift"),
                self.tr("Hours"),
                self.tr("Site"),
                self.tr("Leader"),
                self.tr("Locked"),
                self.tr("Marks"),
            ]
        )

    def refresh(self) -> None:
        current = self.person.currentData()
        self.person.blockSignals(True)
        self.person.clear()
        for p in list_staff(self.db):
            self.person.addItem(f"{p.name} — {p.unit}" if p.unit else p.name, p.id)
        if current is not None and self.person.findData(current) >= 0:
            self.person.setCurrentIndex(self.person.findData(current))
        self.person.blockSignals(False)
        self.reload()

    def show_person(self, staff_id: int) -> None:
        index = self.person.findData(staff_id)
        if index >= 0:
            self.person.setCurrentIndex(index)

    def reload(self) -> None:
        self.model.removeRows(0, self.model.rowCount())
        staff_id = self.person.currentData()
        start, end = from_qdate(self.start.date()), from_qdate(self.end.date())
        if staff_id is None or end < start:
            self.info.setText("")
            self.leave.setText("")
            return
        view = run_service(self, lambda: person_view(self.db, int(staff_id), start, end))
        if view is None:
            return
        yes = self.tr("yes")
        for d in view.duties:
            self.model.appendRow(
                [
                    _item(f"{weekday_name(d.day)} {format_date(d.day)}", d.start.isoformat()),
                    _item(d.shift_label),
                    _item(f"{d.hours:g}", d.hours),
                    _item(d.site_name),
                    _item(yes if d.leader else ""),
                    _item(yes if d.locked else ""),
                    _item("; ".join(c.message for c in d.conflicts)),
                ]
            )
        fit(self.view)
        p = view.person
        limits = []
        if p.max_shifts_per_week is not None:
            limits.append(self.tr("at most {n} shifts a week").format(n=p.max_shifts_per_week))
        if p.no_nights:
            limits.append(self.tr("no night shifts"))
        self.info.setText(
            self.tr(
                "{name} — {unit} — {roles}. {shifts} shifts, {nights} at night, {hours} hours."
            ).format(
                name=p.name,
                unit=p.unit or "—",
                roles=p.roles_text or "—",
                shifts=len(view.duties),
                nights=view.nights,
                hours=f"{view.hours:g}",
            )
            + (
                " " + self.tr("Own limits: {limits}.").format(limits=", ".join(limits))
                if limits
                else ""
            )
        )
        if view.absences:
            self.leave.setText(
                self.tr("Cannot work: {spans}").format(
                    spans="; ".join(f"{a.reason_label} {a.span_text}" for a in view.absences)
                )
            )
        else:
            self.leave.setText(self.tr("No leave in these days."))

    def _on_unavailable(self) -> None:
        staff_id = self.person.currentData()
        self.unavailable_requested.emit(int(staff_id) if staff_id is not None else -1)

    def _on_print(self) -> None:
        staff_id = self.person.currentData()
        if staff_id is None:
            return
        start, end = from_qdate(self.start.date()), from_qdate(self.end.date())
        db, who = self.db, [int(staff_id)]
        folder = Path(tempfile.mkdtemp(prefix="fieldapp-print-"))
        (
            QueryOp(
                self, lambda _p: print_persons(db, folder / "lich-ca-nhan.pdf", who, start, end)
            )
            .success(lambda path: show_pdf_preview(self, path, self.tr("Personal duty schedule")))
            .with_progress(self.tr("Preparing the schedule…"))
            .run_in_background()
        )


class FairnessTab(QWidget):
    """Per person: shifts, nights, weekends, hours, leader, days off, absences; sortable."""

    def __init__(self, db: Database, parent=None) -> None:
        super().__init__(parent)
        self.db = db
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 6, 0, 0)
        bar = QHBoxLayout()
        monday = monday_of(date.today())
        self.start = _date_edit(monday)
        self.end = _date_edit(monday + timedelta(days=13))
        self.from_label, self.to_label = QLabel(), QLabel()
        for w in (self.from_label, self.start, self.to_label, self.end):
            bar.addWidget(w)
        bar.addStretch(1)
        outer.addLayout(bar)
        self.spread = QLabel()
        self.spread.setWordWrap(True)
        outer.addWidget(self.spread)
        self.model = QStandardItemModel(0, 11, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.view = _table(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        outer.addWidget(self.view, 1)
        self.start.dateChanged.connect(lambda _d: self.refresh())
        self.end.dateChanged.connect(lambda _d: self.refresh())
        self.retranslate()

    def retranslate(self) -> None:
        self.from_label.setText(self.tr("From"))
        self.to_label.setText(self.tr("to"))
        self.model.setHorizontalHeaderLabels(
            [
                self.tr("Name"),
                self.tr("Unit"),
                self.tr("Roles"),
                self.tr("Shifts"),
                self.tr("Nights"),
                self.tr("Weekend"),
                self.tr("Hours"),
                self.tr("Leader"),
                self.tr("Days off"),
                self.tr("Absent"),
                self.tr("Covered for others"),
            ]
        )

    def refresh(self) -> None:
        start, end = from_qdate(self.start.date()), from_qdate(self.end.date())
        self.model.removeRows(0, self.model.rowCount())
        if end < start:
            return
        rows = run_service(self, lambda: fairness_table(self.db, start, end)) or []
        for rank, r in enumerate(rows):  # rows come in Vietnamese name order
            self.model.appendRow(
                [
                    _item(r.name, rank),
                    _item(r.unit),
                    _item(", ".join(role_label(x) for x in r.roles)),
                    _item(str(r.shifts), r.shifts),
                    _item(str(r.nights), r.nights),
                    _item(str(r.weekends), r.weekends),
                    _item(f"{r.hours:g}", r.hours),
                    _item(str(r.leader), r.leader),
                    _item(str(r.days_off), r.days_off),
                    _item(str(r.absent), r.absent),
                    _item(str(r.covered), r.covered),
                ]
            )
        fit(self.view, 170)
        groups: dict[tuple[str, ...], list[int]] = {}
        for r in rows:
            if not r.days_off:
                groups.setdefault(tuple(sorted(r.roles)), []).append(r.shifts)
        parts = [
            f"{', '.join(role_label(x) for x in key) or '—'}: {min(v)}–{max(v)}"
            for key, v in sorted(groups.items())
            if v
        ]
        self.spread.setText(
            self.tr("Shifts per person without leave, by role group: {groups}").format(
                groups="; ".join(parts) or "—"
            )
        )


class AttendanceTab(QWidget):
    """The shift leader marks who came, who was absent, who replaced whom."""

    def __init__(self, db: Database, undo: QUndoStack, parent=None) -> None:
        super().__init__(parent)
        self.db = db
        self.undo = undo
        self.rows: list[AttendanceRow] = []
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 6, 0, 0)
        bar = QHBoxLayout()
        self.day_label, self.site_label, self.by_label = QLabel(), QLabel(), QLabel()
        self.day = _date_edit(date.today())
        self.site = QComboBox()
        self.site.setMinimumContentsLength(24)
        self.site.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.marked_by = QLineEdit()
        self.marked_by.setMaximumWidth(220)
        for w in (
            self.day_label,
            self.day,
            self.site_label,
            self.site,
            self.by_label,
            self.marked_by,
        ):
            bar.addWidget(w)
        bar.addStretch(1)
        outer.addLayout(bar)
        self.model = QStandardItemModel(0, 7, self)
        self.view = _table(self.model)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        outer.addWidget(self.view, 1)
        buttons = QHBoxLayout()
        self.present = QPushButton()
        self.absent = QPushButton()
        self.replaced = QPushButton()
        self.clear = QPushButton()
        self.all_present = QPushButton()
        for b in (self.present, self.absent, self.replaced, self.clear):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.all_present)
        outer.addLayout(buttons)
        self.day.dateChanged.connect(lambda _d: self.reload())
        self.site.currentIndexChanged.connect(lambda _i: self.reload())
        self.present.clicked.connect(lambda: self._mark("present"))
        self.absent.clicked.connect(lambda: self._mark("absent"))
        self.replaced.clicked.connect(self._replaced)
        self.clear.clicked.connect(self._clear)
        self.all_present.clicked.connect(self._all_present)
        self.retranslate()

    def retranslate(self) -> None:
        self.day_label.setText(self.tr("Day"))
        self.site_label.setText(self.tr("Site"))
        self.by_label.setText(self.tr("Marked by"))
        self.marked_by.setPlaceholderText(self.tr("shift leader's name"))
        self.present.setText(self.tr("Present"))
        self.absent.setText(self.tr("Absent"))
        self.replaced.setText(self.tr("Replaced by…"))
        self.clear.setText(self.tr("Clear mark"))
        self.all_present.setText(self.tr("Everyone unmarked was present"))
        self.model.setHorizontalHeaderLabels(
            [
                self.tr("Shift"),
                self.tr("Site"),
                self.tr("Name"),
                self.tr("Leader"),
                self.tr("Attendance"),
                self.tr("Replaced by"),
                self.tr("Marked by"),
            ]
        )
        if self.site.count():
            self.site.setItemText(0, self.tr("All sites"))

    def refresh(self) -> None:
        current = self.site.currentData()
        self.site.blockSignals(True)
        self.site.clear()
        self.site.addItem(self.tr("All sites"), None)
        for s in list_sites(self.db):
            self.site.addItem(s.name, s.id)
        if current is not None and self.site.findData(current) >= 0:
            self.site.setCurrentIndex(self.site.findData(current))
        self.site.blockSignals(False)
        self.reload()

    def reload(self) -> None:
        site_id = self.site.currentData()
        self.rows = (
            run_service(
                self, lambda: attendance_sheet(self.db, from_qdate(self.day.date()), site_id)
            )
            or []
        )
        self.model.removeRows(0, self.model.rowCount())
        yes = self.tr("yes")
        for r in self.rows:
            self.model.appendRow(
                [
                    _item(r.shift_label),
                    _item(r.site_name),
                    _item(r.name),
                    _item(yes if r.is_leader else ""),
                    _item(r.status_label),
                    _item(r.replaced_by),
                    _item(r.marked_by),
                ]
            )
        fit(self.view)

    def selected(self) -> list[AttendanceRow]:
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        return [self.rows[i] for i in rows if i < len(self.rows)]

    def _by(self, rows: list[AttendanceRow]) -> str:
        typed = self.marked_by.text().strip()
        if typed:
            return typed
        leaders = [r.name for r in self.rows if r.is_leader and r.start == rows[0].start]
        return leaders[0] if leaders else ""

    def _apply(self, text: str, marks: list[Mark], rows: list[AttendanceRow]) -> None:
        before = [
            Mark(r.assignment_id, r.status, r.replaced_by_id, r.note)
            if r.status
            else r.assignment_id
            for r in rows
        ]
        by = self._by(rows)

        db = self.db

        def do() -> bool:
            mark_many(db, marks, marked_by=by)
            return True

        def undo(_done: bool) -> None:
            for old in before:
                if isinstance(old, Mark):
                    mark_many(db, [old], marked_by=by)
                else:
                    clear_attendance(db, old)

        run_change(self.undo, text, do, undo, changed=self.reload, parent=self)

    def _mark(self, status: str) -> None:
        rows = self.selected()
        if rows:
            self._apply(
                self.tr("Mark attendance"), [Mark(r.assignment_id, status) for r in rows], rows
            )

    def _all_present(self) -> None:
        rows = [r for r in self.rows if r.status is None]
        if rows:
            self._apply(
                self.tr("Mark attendance"), [Mark(r.assignment_id, "present") for r in rows], rows
            )

    def _replaced(self) -> None:
        rows = self.selected()
        if len(rows) != 1:
            return
        row = rows[0]
        busy = {r.staff_id for r in self.rows if r.start == row.start}
        people = [p for p in list_staff(self.db) if p.id not in busy]
        dialog = ChoiceDialog(
            self.tr("Who replaced {name}?").format(name=row.name),
            [self.tr("Name"), self.tr("Unit"), self.tr("Roles")],
            [(p.id, [p.name, p.unit, p.roles_text]) for p in people],
            self,
        )
        if dialog.exec() and dialog.chosen() is not None:
            self._apply(
                self.tr("Mark attendance"),
                [Mark(row.assignment_id, "replaced", int(dialog.chosen()))],
                rows,
            )

    def _clear(self) -> None:
        rows = [r for r in self.selected() if r.status]
        if not rows:
            return
        before = [Mark(r.assignment_id, r.status, r.replaced_by_id, r.note) for r in rows]
        by = rows[0].marked_by

        db = self.db

        def do() -> bool:
            for r in rows:
                clear_attendance(db, r.assignment_id)
            return True

        def undo(_done: bool) -> None:
            mark_many(db, before, marked_by=by)

        run_change(
            self.undo, self.tr("Clear attendance"), do, undo, changed=self.reload, parent=self
        )
