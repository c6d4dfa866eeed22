"""Dialogs of the rosters page: who can take a cell, swap, generate, unavailable, site, person."""

from __future__ import annotations

from datetime import date, timedelta
from html import escape

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fieldapp.rostering.editing import Candidate
from fieldapp.rostering.instance import ROLE_LABELS
from fieldapp.rostering.models import SITE_KINDS, UNAVAILABLE_REASONS
from fieldapp.rostering.store import PATTERN_LABELS, SiteInfo, StaffInfo
from fieldapp.text.vietnamese import fold
from ui.pages.rosters.common import from_qdate, to_qdate

SEARCH_ROLE = Qt.ItemDataRole.UserRole + 7  # the text a row is found by, when not its label
OK_MARK = "✓"
NO_MARK = "✗"


def _date_edit(day: date) -> QDateEdit:
    edit = QDateEdit(to_qdate(day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd/MM/yyyy")
    return edit


class _FoldFilter(QSortFilterProxyModel):
    """Filters rows by typed text, ignoring case and Vietnamese tones."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._needle = ""

    def set_needle(self, text: str) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.9 and later
            self.beginFilterChange()
            self._needle = fold(text)
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._needle = fold(text)
            self.invalidateFilter()

    def filterAcceptsRow(self, row: int, parent) -> bool:  # noqa: N802 - Qt naming
        if not self._needle:
            return True
        model = self.sourceModel()
        for col in range(model.columnCount()):
            index = model.index(row, col, parent)
            text = index.data(SEARCH_ROLE) or index.data() or ""
            if self._needle in fold(str(text)):
                return True
        return False


class _SearchKeys(QObject):
    """Up/Down in a search box move the highlight of its list; Enter takes the highlighted.

    ``on_enter`` is called on Enter/Return instead of the dialog's default button, so typing
    a name and pressing Enter picks that name and never confirms something else.
    """

    def __init__(self, edit: QLineEdit, view: QAbstractItemView, on_enter) -> None:
        super().__init__(edit)
        self._view = view
        self._on_enter = on_enter
        edit.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt naming
        if event.type() != QEvent.Type.KeyPress:
            return False
        key = event.key()
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            model = self._view.model()
            if model is None or model.rowCount() == 0:
                return True
            row = self._view.currentIndex().row()
            step = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1, Qt.Key.Key_PageUp: -10}.get(key, 10)
            row = min(max(0, (row if row >= 0 else -1) + step), model.rowCount() - 1)
            _highlight(self._view, row)
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._on_enter()
            return True
        return False


def _highlight(view: QAbstractItemView, row: int) -> None:
    """Make ``row`` of the view current and selected (none when the view is empty)."""
    model = view.model()
    if model is None or not 0 <= row < model.rowCount():
        view.clearSelection()
        view.setCurrentIndex(QModelIndex())
        return
    index = model.index(row, 0)
    view.setCurrentIndex(index)
    flags = (
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    )
    view.selectionModel().select(index, flags)
    view.scrollTo(index)


def _keep_a_highlight(view: QAbstractItemView, prefer: int | None = None) -> None:
    """After filtering: keep the highlighted row if still shown, else the first one."""
    current = view.currentIndex()
    if current.isValid() and view.selectionModel().isSelected(current):
        return
    _highlight(view, 0 if prefer is None else prefer)


class PersonPicker(QWidget):
    """Search-as-you-type over people: the list narrows as you type (case and tones ignored),
    the highlighted person is the chosen one, shown by name under the list.

    Up/Down move the highlight, Enter takes it (focus moves on, the dialog stays open).
    ``chosen_id`` is None when nothing matches what was typed.
    """

    def __init__(self, people: list[StaffInfo], chosen: int | None, parent=None) -> None:
        super().__init__(parent)
        self.people = people
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Type part of a name, unit or phone…"))
        self.search.setClearButtonEnabled(True)
        layout.addWidget(self.search)
        self.model = QStandardItemModel(0, 1, self)
        for p in people:
            text = p.name + (f" — {p.unit}" if p.unit else "")
            if p.roles_text:
                text += f" ({p.roles_text})"
            item = QStandardItem(text)
            item.setData(p.id, Qt.ItemDataRole.UserRole)
            item.setData(f"{p.name} {p.unit} {p.roles_text} {p.phone}", SEARCH_ROLE)
            item.setEditable(False)
            self.model.appendRow(item)
        self.proxy = _FoldFilter(self)
        self.proxy.setSourceModel(self.model)
        self.list = QListView()
        self.list.setModel(self.proxy)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setMinimumHeight(160)
        layout.addWidget(self.list, 1)
        self.shown = QLabel()
        self.shown.setWordWrap(True)
        layout.addWidget(self.shown)
        self.search.textChanged.connect(self._on_typed)
        self.list.selectionModel().currentChanged.connect(lambda *_: self._show())
        self.entered = None  # called after Enter took the highlighted person
        _SearchKeys(self.search, self.list, self._on_enter)
        start = next((i for i, p in enumerate(people) if p.id == chosen), 0)
        _highlight(self.list, start if people else -1)
        self._show()

    @property
    def chosen_id(self) -> int | None:
        index = self.list.currentIndex()
        if not index.isValid():
            return None
        return int(index.data(Qt.ItemDataRole.UserRole))

    def chosen_name(self) -> str:
        pid = self.chosen_id
        return next((p.name for p in self.people if p.id == pid), "")

    def _on_typed(self, text: str) -> None:
        self.proxy.set_needle(text)
        # what was typed decides: the first match is highlighted, unless the one already
        # highlighted still matches
        _keep_a_highlight(self.list)
        self._show()

    def _on_enter(self) -> None:
        if self.chosen_id is not None and self.entered is not None:
            self.entered()

    def _show(self) -> None:
        name = self.chosen_name()
        if name:
            self.shown.setText(self.tr("Chosen: <b>{name}</b>").format(name=escape(name)))
        else:
            self.shown.setText(self.tr("<i>No one matches what was typed.</i>"))


def _show_chosen(label: QLabel, ok_button, name: str) -> None:
    """The chosen one named under a filtered list before confirming (the same words as the
    person picker's); nothing to confirm when nothing matches what was typed."""
    if name:
        text = QCoreApplication.translate("PersonPicker", "Chosen: <b>{name}</b>")
        label.setText(text.format(name=escape(name)))
    else:
        label.setText(
            QCoreApplication.translate("PersonPicker", "<i>No one matches what was typed.</i>")
        )
    ok_button.setEnabled(bool(name))


class CandidatesDialog(QDialog):
    """The ranked "who can take this" list: those who break no rule first, each with why."""

    def __init__(self, title: str, ranked: list[Candidate], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Who can take this shift"))
        self.resize(1000, 560)
        self.ranked = ranked
        layout = QVBoxLayout(self)
        heading = QLabel(title)
        heading.setWordWrap(True)
        layout.addWidget(heading)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Type to filter by name, unit or role…"))
        layout.addWidget(self.search)
        self.model = QStandardItemModel(0, 5, self)
        self.model.setHorizontalHeaderLabels(
            [
                self.tr("Can take it"),
                self.tr("Name"),
                self.tr("Unit"),
                self.tr("Roles"),
                self.tr("Shifts, rest, or why not"),
            ]
        )
        for i, c in enumerate(ranked):
            mark = QStandardItem(OK_MARK if c.ok else NO_MARK)
            mark.setData(i, Qt.ItemDataRole.UserRole)
            mark.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            why = c.summary if c.ok and not c.warnings else c.reason or c.summary
            if c.ok and c.brings:
                why = self.tr("brings a missing role; ") + why
            row = [
                mark,
                QStandardItem(c.staff.name),
                QStandardItem(c.staff.unit),
                QStandardItem(c.staff.roles_text),
                QStandardItem(why),
            ]
            for item in row:
                item.setEditable(False)
                item.setToolTip(why)
                if not c.ok:
                    item.setForeground(Qt.GlobalColor.darkRed)
            self.model.appendRow(row)
        self.proxy = _FoldFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        for col, mode in enumerate(
            (
                QHeaderView.ResizeMode.ResizeToContents,
                QHeaderView.ResizeMode.ResizeToContents,
                QHeaderView.ResizeMode.Interactive,
                QHeaderView.ResizeMode.Interactive,
                QHeaderView.ResizeMode.Stretch,
            )
        ):
            header.setSectionResizeMode(col, mode)
        header.resizeSection(2, 170)
        header.resizeSection(3, 140)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.doubleClicked.connect(lambda _i: self.accept())
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Put on this shift"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.shown = QLabel()
        layout.addWidget(self.shown)
        layout.addWidget(buttons)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.search.textChanged.connect(self._on_typed)
        _SearchKeys(self.search, self.table, self._take)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show())
        if ranked:
            _highlight(self.table, 0)
        self._show()
        self.table.setFocus()

    def _on_typed(self, text: str) -> None:
        self.proxy.set_needle(text)
        _keep_a_highlight(self.table)
        self._show()

    def _show(self) -> None:
        chosen = self.chosen()
        _show_chosen(self.shown, self.ok_button, chosen.staff.name if chosen else "")

    def _take(self) -> None:
        if self.chosen() is not None:
            self.accept()

    def chosen(self) -> Candidate | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        index = self.proxy.mapToSource(rows[0])
        return self.ranked[self.model.item(index.row(), 0).data(Qt.ItemDataRole.UserRole)]


class ChoiceDialog(QDialog):
    """Pick one row from a filtered list (the other assignment of a swap, say)."""

    def __init__(
        self,
        title: str,
        headers: list[str],
        rows: list[tuple[object, list[str]]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(760, 480)
        self.keys = [key for key, _ in rows]
        layout = QVBoxLayout(self)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Type to filter…"))
        layout.addWidget(self.search)
        self.model = QStandardItemModel(0, len(headers), self)
        self.model.setHorizontalHeaderLabels(headers)
        for i, (_key, texts) in enumerate(rows):
            items = [QStandardItem(t) for t in texts]
            items[0].setData(i, Qt.ItemDataRole.UserRole)
            for item in items:
                item.setEditable(False)
            self.model.appendRow(items)
        self.proxy = _FoldFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _i: self.accept())
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.shown = QLabel()
        layout.addWidget(self.shown)
        layout.addWidget(buttons)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.search.textChanged.connect(self._on_typed)
        _SearchKeys(self.search, self.table, self._take)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show())
        if rows:
            _highlight(self.table, 0)
        self._show()

    def _on_typed(self, text: str) -> None:
        self.proxy.set_needle(text)
        _keep_a_highlight(self.table)
        self._show()

    def _show(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        texts = []
        if rows:
            row = self.proxy.mapToSource(rows[0]).row()
            cells = (self.model.item(row, c) for c in range(self.model.columnCount()))
            texts = [item.text() for item in cells if item is not None and item.text()]
        _show_chosen(self.shown, self.ok_button, " — ".join(texts))

    def _take(self) -> None:
        if self.chosen() is not None:
            self.accept()

    def chosen(self) -> object | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        index = self.proxy.mapToSource(rows[0])
        return self.keys[self.model.item(index.row(), 0).data(Qt.ItemDataRole.UserRole)]


class GenerateDialog(QDialog):
    """Dates to make the roster for, all sites or one, keep the current roster or not."""

    def __init__(self, start: date, end: date, site_name: str, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Make the roster"))
        form = QFormLayout(self)
        self.start = _date_edit(start)
        self.end = _date_edit(end)
        form.addRow(self.tr("From"), self.start)
        form.addRow(self.tr("To (inclusive)"), self.end)
        self.only_site = QCheckBox(self.tr("Only this site: {name}").format(name=site_name))
        form.addRow(self.only_site)
        self.keep = QCheckBox(self.tr("Keep the current roster where the rules allow"))
        self.keep.setChecked(True)
        form.addRow(self.keep)
        hint = QLabel(
            self.tr(
                "Locked cells and shifts already marked for attendance are always kept. "
                "You can undo the whole change with Ctrl+Z."
            )
        )
        hint.setWordWrap(True)
        form.addRow(hint)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Make the roster"))
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _check(self) -> None:
        if self.end.date() < self.start.date():
            QMessageBox.warning(
                self, self.windowTitle(), self.tr("The end date is before the start date.")
            )
            return
        self.accept()

    def values(self) -> tuple[date, date, bool, bool]:
        return (
            from_qdate(self.start.date()),
            from_qdate(self.end.date()),
            self.only_site.isChecked(),
            self.keep.isChecked(),
        )


class UnavailableDialog(QDialog):
    """Someone cannot work from a date (leave, sickness, quarantine), with or without re-plan."""

    def __init__(
        self,
        people: list[StaffInfo],
        chosen: int | None,
        start: date,
        parent=None,
        *,
        replan: bool = True,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Cannot work from a date"))
        self.people = people
        form = QFormLayout(self)
        self.picker = PersonPicker(people, chosen)
        form.addRow(self.tr("Person"), self.picker)
        self.reason = QComboBox()
        for key, label in UNAVAILABLE_REASONS.items():
            self.reason.addItem(label, key)
        self.reason.setCurrentIndex(self.reason.findData("sick"))
        form.addRow(self.tr("Reason"), self.reason)
        self.picker.entered = self.reason.setFocus
        self.start = _date_edit(start)
        form.addRow(self.tr("From"), self.start)
        self.open_ended = QCheckBox(self.tr("Until further notice"))
        self.open_ended.setChecked(True)
        self.end = _date_edit(start + timedelta(days=6))
        self.end.setEnabled(False)
        self.open_ended.toggled.connect(lambda on: self.end.setEnabled(not on))
        row = QHBoxLayout()
        row.addWidget(self.open_ended)
        row.addWidget(self.end)
        form.addRow(self.tr("To (inclusive)"), row)
        self.note = QLineEdit()
        form.addRow(self.tr("Note"), self.note)
        self.replan = QCheckBox(
            self.tr("Take them off their shifts and re-plan from that day (keeps the rest)")
        )
        self.replan.setChecked(replan)
        form.addRow(self.replan)
        self.hint = QLabel()
        self.hint.setStyleSheet("color: #a00000")
        form.addRow(self.hint)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _check(self) -> None:
        if self.picker.chosen_id is None:
            self.hint.setText(self.tr("Choose a person: type part of the name, then Enter."))
            self.picker.search.setFocus()
            return
        if not self.open_ended.isChecked() and self.end.date() < self.start.date():
            self.hint.setText(self.tr("The end date is before the start date."))
            return
        self.accept()

    def values(self) -> tuple[int, str, date, date | None, str, bool]:
        end = None if self.open_ended.isChecked() else from_qdate(self.end.date())
        chosen = self.picker.chosen_id
        assert chosen is not None  # _check refused the dialog otherwise
        return (
            chosen,
            str(self.reason.currentData()),
            from_qdate(self.start.date()),
            end,
            self.note.text(),
            self.replan.isChecked(),
        )


class SiteDialog(QDialog):
    """Add or change a site: name, kind, place, active dates, shifts, people and roles."""

    def __init__(self, site: SiteInfo | None, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Change site") if site else self.tr("New site"))
        form = QFormLayout(self)
        self.name = QLineEdit(site.name if site else "")
        form.addRow(self.tr("Name"), self.name)
        self.kind = QComboBox()
        for key, label in SITE_KINDS.items():
            self.kind.addItem(label, key)
        if site:
            self.kind.setCurrentIndex(self.kind.findData(site.kind))
        form.addRow(self.tr("Kind"), self.kind)
        self.place = QLineEdit(site.place if site else "")
        form.addRow(self.tr("Place"), self.place)
        self.active_from = _date_edit(site.active_from if site else date.today())
        form.addRow(self.tr("Active from"), self.active_from)
        self.has_end = QCheckBox(self.tr("Ends on"))
        self.active_to = _date_edit(
            site.active_to if site and site.active_to else date.today() + timedelta(days=30)
        )
        self.has_end.setChecked(bool(site and site.active_to))
        self.active_to.setEnabled(self.has_end.isChecked())
        self.has_end.toggled.connect(self.active_to.setEnabled)
        row = QHBoxLayout()
        row.addWidget(self.has_end)
        row.addWidget(self.active_to)
        form.addRow(self.tr("Active to"), row)
        self.pattern = QComboBox()
        for key, label in PATTERN_LABELS.items():
            self.pattern.addItem(label, key)
        self.pattern.setCurrentIndex(self.pattern.findData(site.pattern if site else "3x8"))
        self.first_start = QLineEdit(site.shifts[0].start if site else "06:00")
        self.first_start.setMaximumWidth(80)
        self.custom = QLineEdit(
            ", ".join(f"{s.start}+{s.hours:g}" for s in site.shifts) if site else ""
        )
        self.custom.setPlaceholderText("06:00+8, 14:00+8, 22:00+8")
        row = QHBoxLayout()
        row.addWidget(self.pattern)
        row.addWidget(QLabel(self.tr("first shift at")))
        row.addWidget(self.first_start)
        form.addRow(self.tr("Shifts"), row)
        form.addRow(self.tr("Own shifts (start+hours)"), self.custom)
        self.pattern.currentIndexChanged.connect(self._pattern_changed)
        self._pattern_changed()
        self.per_shift = QSpinBox()
        self.per_shift.setRange(1, 30)
        self.per_shift.setValue(site.staff_per_shift if site else 3)
        form.addRow(self.tr("People per shift"), self.per_shift)
        self.require: dict[str, QSpinBox] = {}
        grid = QHBoxLayout()
        for role in ("police", "militia", "health"):
            box = QSpinBox()
            box.setRange(0, 30)
            box.setValue(site.require.get(role, 0) if site else (1 if role == "police" else 0))
            self.require[role] = box
            grid.addWidget(QLabel(ROLE_LABELS[role]))
            grid.addWidget(box)
        grid.addStretch(1)
        form.addRow(self.tr("At least, per shift"), grid)
        self.hotline = QLineEdit(site.hotline if site else "")
        self.hotline.setPlaceholderText(self.tr("Printed on the wall sheet"))
        form.addRow(self.tr("Hotline"), self.hotline)
        self.notes = QLineEdit(site.notes if site else "")
        form.addRow(self.tr("Notes"), self.notes)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self._extra_roles = {
            r: n for r, n in (site.require.items() if site else []) if r not in self.require
        }

    def _pattern_changed(self) -> None:
        custom = self.pattern.currentData() == "custom"
        self.custom.setEnabled(custom)
        self.first_start.setEnabled(not custom)

    def values(self) -> dict:
        from fieldapp.rostering.store import custom_shifts

        pattern = self.pattern.currentData()
        out = {
            "name": self.name.text(),
            "kind": self.kind.currentData(),
            "place": self.place.text(),
            "active_from": from_qdate(self.active_from.date()),
            "active_to": from_qdate(self.active_to.date()) if self.has_end.isChecked() else None,
            "pattern": pattern,
            "staff_per_shift": self.per_shift.value(),
            "require": {r: b.value() for r, b in self.require.items()} | self._extra_roles,
            "notes": self.notes.text(),
            "hotline": self.hotline.text(),
        }
        if pattern == "custom":
            specs = [x.strip() for x in self.custom.text().split(",") if x.strip()]
            out["shifts"] = custom_shifts(specs)
        else:
            out["first_start"] = self.first_start.text()
        return out


class StaffDialog(QDialog):
    """Add or change a person: name, unit, roles, phone, personal limits."""

    def __init__(self, person: StaffInfo | None, units: list[str], parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Change person") if person else self.tr("New person"))
        form = QFormLayout(self)
        self.name = QLineEdit(person.name if person else "")
        form.addRow(self.tr("Full name"), self.name)
        self.unit = QComboBox()
        self.unit.setEditable(True)
        self.unit.addItems(units)
        self.unit.setCurrentText(person.unit if person else "")
        form.addRow(self.tr("Unit"), self.unit)
        self.roles: dict[str, QCheckBox] = {}
        box = QWidget()
        grid = QVBoxLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        line = QHBoxLayout()
        for i, (role, label) in enumerate(ROLE_LABELS.items()):
            check = QCheckBox(label)
            check.setChecked(bool(person and role in person.roles))
            self.roles[role] = check
            line.addWidget(check)
            if i % 4 == 3:
                grid.addLayout(line)
                line = QHBoxLayout()
        grid.addLayout(line)
        form.addRow(self.tr("Roles"), box)
        self.phone = QLineEdit(person.phone if person else "")
        form.addRow(self.tr("Phone"), self.phone)
        self.limit = QCheckBox(self.tr("At most"))
        self.max_week = QSpinBox()
        self.max_week.setRange(0, 21)
        self.max_week.setSuffix(self.tr(" shifts a week"))
        has_limit = bool(person and person.max_shifts_per_week is not None)
        self.limit.setChecked(has_limit)
        self.max_week.setValue(person.max_shifts_per_week if has_limit else 4)
        self.max_week.setEnabled(has_limit)
        self.limit.toggled.connect(self.max_week.setEnabled)
        row = QHBoxLayout()
        row.addWidget(self.limit)
        row.addWidget(self.max_week)
        row.addStretch(1)
        form.addRow(self.tr("Own limit"), row)
        self.no_nights = QCheckBox(self.tr("No night shifts"))
        self.no_nights.setChecked(bool(person and person.no_nights))
        form.addRow("", self.no_nights)
        self.wishes: dict[str, QComboBox] = {}
        wish_row = QHBoxLayout()
        labels = {
            "days": self.tr("Day shifts"),
            "nights": self.tr("Nights"),
            "weekends": self.tr("Weekends"),
        }
        current = person.wishes if person else {}
        for kind, label in labels.items():
            box = QComboBox()
            box.addItem(self.tr("no wish"), "")
            box.addItem(self.tr("asks for"), "ask")
            box.addItem(self.tr("avoids"), "avoid")
            box.setCurrentIndex(max(0, box.findData(current.get(kind, ""))))
            self.wishes[kind] = box
            wish_row.addWidget(QLabel(label))
            wish_row.addWidget(box)
        wish_row.addStretch(1)
        form.addRow(self.tr("Wishes (soft)"), wish_row)
        self.notes = QLineEdit(person.notes if person else "")
        form.addRow(self.tr("Notes"), self.notes)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self._extra_roles = [r for r in (person.roles if person else ()) if r not in ROLE_LABELS]

    def values(self) -> dict:
        return {
            "name": self.name.text(),
            "unit": self.unit.currentText(),
            "roles": [r for r, c in self.roles.items() if c.isChecked()] + self._extra_roles,
            "phone": self.phone.text(),
            "max_shifts_per_week": self.max_week.value() if self.limit.isChecked() else None,
            "no_nights": self.no_nights.isChecked(),
            "notes": self.notes.text(),
            "wishes": {k: b.currentData() for k, b in self.wishes.items() if b.currentData()},
        }


class RulesDialog(QDialog):
    """The commune's rules: rest between shifts, weekly maximum, nights in a row."""

    def __init__(self, rules, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Roster rules"))
        form = QFormLayout(self)
        self.rest = QDoubleSpinBox()
        self.rest.setRange(0, 72)
        self.rest.setDecimals(1)
        self.rest.setSuffix(self.tr(" hours"))
        self.rest.setValue(rules.min_rest_hours)
        form.addRow(self.tr("Rest between two shifts, at least"), self.rest)
        self.week = QSpinBox()
        self.week.setRange(1, 21)
        self.week.setValue(rules.max_shifts_per_week)
        form.addRow(self.tr("Shifts a week (Monday to Sunday), at most"), self.week)
        self.nights = QSpinBox()
        self.nights.setRange(0, 7)
        self.nights.setValue(rules.max_consecutive_nights)
        form.addRow(self.tr("Night shifts in a row, at most"), self.nights)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> dict:
        return {
            "min_rest_hours": self.rest.value(),
            "max_shifts_per_week": self.week.value(),
            "max_consecutive_nights": self.nights.value(),
        }


def ask_force(parent, message: str) -> bool:
    """Ask before breaking a rule on purpose."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("Rosters", "Rule broken"))
    box.setText(message)
    box.setInformativeText(
        QCoreApplication.translate(
            "Rosters", "Do it anyway? The cell will be marked until it is fixed."
        )
    )
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes
