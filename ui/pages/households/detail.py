"""One household in full: its address, people, status history, tests, relief and requests.

Every change goes through a core service function inside an undo command (Ctrl+Z undoes,
Ctrl+Shift+Z redoes); a status change keeps the history, and undoing it marks the entry
cancelled with who did it.
"""

from __future__ import annotations

from datetime import date

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from fieldapp.accounts.permissions import mask_for
from fieldapp.db.database import Database
from fieldapp.errors import UserError
from fieldapp.households import service
from fieldapp.households.author import default_author
from fieldapp.households.identity import mask_citizen_id
from fieldapp.households.service import HouseholdDetail, HouseholdInput, MemberInfo
from fieldapp.text.vietnamese import format_date, format_datetime
from ui.errors import show_error
from ui.operations import run_change
from ui.pages.households.dialogs import DeliveryDialog, MemberDialog, RequestDialog, StatusDialog
from ui.pages.households.labels import (
    flag_names,
    isolation_text,
    request_kind_text,
    request_status_text,
    result_text,
    sex_text,
    status_text,
    test_kind_text,
)
from ui.widgets.rows_model import Row, RowsTable


def _table(headers: list[str]) -> RowsTable:
    table = RowsTable(headers)
    table.fit_columns()
    return table


def _fill(table: RowsTable, rows: list[list[str]], ids: list[int]) -> None:
    table.set_rows(Row(values, row_id) for values, row_id in zip(rows, ids, strict=True))


def _selected_id(table: RowsTable) -> int | None:
    rows = table.selectionModel().selectedRows()
    if not rows:
        return None
    return table.rows_model.row_id(rows[0].row())


class HouseholdDetailDialog(QDialog):
    """The detail of one household; ``changed`` tells the page to refresh its table."""

    changed = Signal()

    def __init__(
        self, db: Database, household_id: int, undo_stack: QUndoStack, parent=None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.household_id = household_id
        self.undo_stack = undo_stack
        self.detail: HouseholdDetail | None = None
        self.resize(1100, 660)
        layout = QVBoxLayout(self)
        self.heading = QLabel()
        self.heading.setObjectName("detailHeading")
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)

        self.household_box = QGroupBox()
        form = QHBoxLayout(self.household_box)
        left, right = QFormLayout(), QFormLayout()
        self.village = QLineEdit()
        self.house_number = QLineEdit()
        self.street = QLineEdit()
        self.phone = QLineEdit()
        self.poor = QCheckBox()
        self.notes = QLineEdit()
        self.village_label, self.house_label, self.street_label = QLabel(), QLabel(), QLabel()
        self.phone_label, self.notes_label = QLabel(), QLabel()
        left.addRow(self.village_label, self.village)
        left.addRow(self.house_label, self.house_number)
        left.addRow(self.street_label, self.street)
        right.addRow(self.phone_label, self.phone)
        right.addRow(self.notes_label, self.notes)
        right.addRow("", self.poor)
        form.addLayout(left, 1)
        form.addLayout(right, 1)
        self.save_household = QPushButton()
        self.save_household.clicked.connect(self._on_save_household)
        form.addWidget(self.save_household, 0, Qt.AlignmentFlag.AlignBottom)
        layout.addWidget(self.household_box)

        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)
        self._build_people()
        self._build_history()
        self._build_tests()
        self._build_relief()
        self._build_requests()

        bottom = QHBoxLayout()
        self.undo_button = QPushButton()
        self.undo_button.clicked.connect(self.undo_stack.undo)
        self.undo_stack.canUndoChanged.connect(self.undo_button.setEnabled)
        self.undo_stack.undoTextChanged.connect(self._on_undo_text)
        self.undo_button.setEnabled(self.undo_stack.canUndo())
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.accept)
        bottom.addWidget(self.undo_button)
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)
        layout.addLayout(bottom)
        QShortcut(QKeySequence.StandardKey.Undo, self, self.undo_stack.undo)
        QShortcut(QKeySequence.StandardKey.Redo, self, self.undo_stack.redo)
        self.retranslate()
        self.reload()
        self.tabs.setFocus()
        self.people.setFocus()

    # -- building ----------------------------------------------------------------------------

    def _buttons(self, *buttons: QPushButton) -> QHBoxLayout:
        row = QHBoxLayout()
        for b in buttons:
            row.addWidget(b)
        row.addStretch(1)
        return row

    def _build_people(self) -> None:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.people = _table([""] * 10)
        self.people.row_activated.connect(self._on_edit_member)  # double click or Enter
        self.add_member_button = QPushButton()
        self.edit_member_button = QPushButton()
        self.status_button = QPushButton()
        self.remove_member_button = QPushButton()
        self.add_member_button.clicked.connect(self._on_add_member)
        self.edit_member_button.clicked.connect(self._on_edit_member)
        self.status_button.clicked.connect(self._on_change_status)
        self.remove_member_button.clicked.connect(self._on_remove_member)
        layout.addWidget(self.people, 1)
        layout.addLayout(
            self._buttons(
                self.status_button,
                self.add_member_button,
                self.edit_member_button,
                self.remove_member_button,
            )
        )
        self.tabs.addTab(page, "")

    def _build_history(self) -> None:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.history = _table([""] * 9)
        self.cancel_entry_button = QPushButton()
        self.cancel_entry_button.clicked.connect(self._on_cancel_entry)
        layout.addWidget(self.history, 1)
        layout.addLayout(self._buttons(self.cancel_entry_button))
        self.tabs.addTab(page, "")

    def _build_tests(self) -> None:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.tests = _table([""] * 4)
        self.test_button = QPushButton()
        self.test_button.clicked.connect(self._on_add_test)
        layout.addWidget(self.tests, 1)
        layout.addLayout(self._buttons(self.test_button))
        self.tabs.addTab(page, "")

    def _build_relief(self) -> None:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.deliveries = _table([""] * 4)
        self.deliver_button = QPushButton()
        self.deliver_button.clicked.connect(self._on_deliver)
        layout.addWidget(self.deliveries, 1)
        layout.addLayout(self._buttons(self.deliver_button))
        self.tabs.addTab(page, "")

    def _build_requests(self) -> None:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.requests = _table([""] * 5)
        self.request_button = QPushButton()
        self.met_button = QPushButton()
        self.refused_button = QPushButton()
        self.request_button.clicked.connect(self._on_request)
        self.met_button.clicked.connect(lambda: self._on_request_status("done"))
        self.refused_button.clicked.connect(lambda: self._on_request_status("refused"))
        layout.addWidget(self.requests, 1)
        layout.addLayout(self._buttons(self.request_button, self.met_button, self.refused_button))
        self.tabs.addTab(page, "")

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Household"))
        self.household_box.setTitle(self.tr("Household"))
        self.village_label.setText(self.tr("Village"))
        self.house_label.setText(self.tr("House number"))
        self.street_label.setText(self.tr("Street"))
        self.phone_label.setText(self.tr("Phone"))
        self.notes_label.setText(self.tr("Notes"))
        self.poor.setText(self.tr("Poor household"))
        self.save_household.setText(self.tr("Save &household"))
        self.tabs.setTabText(0, self.tr("&People"))
        self.tabs.setTabText(1, self.tr("Status &history"))
        self.tabs.setTabText(2, self.tr("&Tests"))
        self.tabs.setTabText(3, self.tr("&Relief"))
        self.tabs.setTabText(4, self.tr("Re&quests"))
        self.people.setHorizontalHeaderLabels(
            [
                self.tr("Full name"),
                self.tr("Born"),
                self.tr("Sex"),
                self.tr("Relation"),
                self.tr("CCCD"),
                self.tr("Phone"),
                self.tr("Vulnerable"),
                self.tr("Status"),
                self.tr("Isolation"),
                self.tr("Until"),
            ]
        )
        self.history.setHorizontalHeaderLabels(
            [
                self.tr("Recorded"),
                self.tr("Person"),
                self.tr("Status"),
                self.tr("Isolation"),
                self.tr("From"),
                self.tr("To"),
                self.tr("By"),
                self.tr("Note"),
                self.tr("Cancelled"),
            ]
        )
        self.tests.setHorizontalHeaderLabels(
            [self.tr("Date"), self.tr("Kind"), self.tr("Person"), self.tr("Result")]
        )
        self.test_button.setText(self.tr("Add a &test result…"))
        self.deliveries.setHorizontalHeaderLabels(
            [self.tr("Date"), self.tr("Items"), self.tr("Delivered by"), self.tr("Received by")]
        )
        self.requests.setHorizontalHeaderLabels(
            [
                self.tr("Date"),
                self.tr("Kind"),
                self.tr("Detail"),
                self.tr("Status"),
                self.tr("Resolved"),
            ]
        )
        self.status_button.setText(self.tr("Change &status…"))
        self.add_member_button.setText(self.tr("&Add person…"))
        self.edit_member_button.setText(self.tr("&Edit person…"))
        self.remove_member_button.setText(self.tr("Remove person"))
        self.cancel_entry_button.setText(self.tr("Cancel this entry (a mistake)"))
        self.deliver_button.setText(self.tr("Record &delivery…"))
        self.request_button.setText(self.tr("New &request…"))
        self.met_button.setText(self.tr("Mark as met"))
        self.refused_button.setText(self.tr("Mark as refused"))
        self.close_button.setText(self.tr("Close"))
        self._on_undo_text(self.undo_stack.undoText())

    def _on_undo_text(self, text: str) -> None:
        if not shiboken6.isValid(self.undo_button):
            return  # the page's undo stack outlives this dialog at close: nothing to show
        self.undo_button.setText(
            self.tr("&Undo: {action}").format(action=text) if text else self.tr("&Undo")
        )

    # -- loading -----------------------------------------------------------------------------

    def reload(self) -> None:
        try:
            d = service.household_detail(self.db, self.household_id)
        except UserError as err:
            show_error(self, err)
            self.reject()
            return
        self.detail = d
        self.heading.setText(f"<b>{d.head_name}</b> — {d.address or '—'} ({d.area_name})")
        self.village.setText(d.data.village)
        self.house_number.setText(d.data.house_number)
        self.street.setText(d.data.street)
        self.phone.setText(d.data.phone)
        self.poor.setChecked(d.data.poor)
        self.notes.setText(d.data.notes)
        _fill(
            self.people,
            [
                [
                    m.full_name + (" ★" if m.is_head else ""),
                    str(m.birth_year or ""),
                    sex_text(m.sex),
                    m.relation,
                    mask_citizen_id(m.citizen_id or m.id_typed)
                    + (" ⚠ " + self.tr("to check") if m.id_check else ""),
                    mask_for(self.db, m.phone),
                    ", ".join(flag_names(m)),
                    status_text(m.status),
                    isolation_text(m.isolation),
                    format_date(m.isolation_end),
                ]
                for m in d.members
            ],
            [m.id for m in d.members],
        )
        _fill(
            self.history,
            [
                [
                    format_datetime(e.recorded_at.astimezone()),
                    e.member_name,
                    status_text(e.status),
                    isolation_text(e.isolation),
                    format_date(e.start),
                    format_date(e.end),
                    e.author,
                    e.note,
                    (format_datetime(e.cancelled_at.astimezone()) + " " + e.cancelled_by).strip()
                    if e.cancelled_at
                    else "",
                ]
                for e in d.history
            ],
            [e.id for e in d.history],
        )
        _fill(
            self.tests,
            [
                [
                    format_date(t.held_on),
                    test_kind_text(t.kind),
                    t.member_name,
                    result_text(t.result),
                ]
                for t in d.tests
            ],
            [t.round_id for t in d.tests],
        )
        _fill(
            self.deliveries,
            [
                [format_date(x.delivered_on), x.items_text(), x.delivered_by, x.received_by]
                for x in d.deliveries
            ],
            [x.id for x in d.deliveries],
        )
        _fill(
            self.requests,
            [
                [
                    format_date(r.requested_on),
                    request_kind_text(r.kind),
                    r.detail,
                    request_status_text(r.status),
                    format_date(r.resolved_on),
                ]
                for r in d.requests
            ],
            [r.id for r in d.requests],
        )
        if self.people.rowCount() and not self.people.selectionModel().selectedRows():
            self.people.selectRow(0)

    def _changed(self) -> None:
        self.reload()
        self.changed.emit()

    def _member(self) -> MemberInfo | None:
        member_id = _selected_id(self.people)
        if member_id is None or self.detail is None:
            return None
        return next((m for m in self.detail.members if m.id == member_id), None)

    # -- actions -----------------------------------------------------------------------------

    def _on_save_household(self) -> None:
        assert self.detail is not None
        old = self.detail.data
        new = HouseholdInput(
            village=self.village.text(),
            street=self.street.text(),
            house_number=self.house_number.text(),
            phone=self.phone.text(),
            poor=self.poor.isChecked(),
            notes=self.notes.text(),
        )
        hid = self.household_id
        run_change(
            self.undo_stack,
            self.tr("edit household"),
            lambda: service.update_household(self.db, hid, new),
            lambda _r: service.update_household(self.db, hid, old),
            lambda _r: service.update_household(self.db, hid, new),
            self._changed,
            self,
        )

    def _on_add_test(self) -> None:
        """A household's own test (issue 19); a positive one offers to record F0."""
        from fieldapp.health.outcomes import record_test
        from ui.operations import CollectionOp
        from ui.pages.households.test_entry import TestEntryDialog, offer_f0

        if self.detail is None or not self.detail.members:
            return
        dialog = TestEntryDialog([(m.id, m.full_name) for m in self.detail.members], self)
        member = self._member()
        if member is not None:
            dialog.person.setCurrentIndex(max(0, dialog.person.findData(member.id)))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        member_id, day, kind, result = dialog.value()

        def saved(outcome: tuple[int, bool]) -> None:
            self._changed()
            round_id, positive = outcome
            if positive:
                offer_f0(self, self.db, round_id, self._changed)

        CollectionOp(self, lambda _p: record_test(self.db, member_id, day, kind, result)).success(
            saved
        ).run_in_background()

    def _on_change_status(self) -> None:
        member = self._member()
        if member is None:
            return
        dialog = StatusDialog(self.db, member, self)
        done: dict = {}

        def save(values: dict) -> None:
            done["id"] = service.change_status(self.db, member.id, **values)

        dialog.saver = save
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        author = default_author(self.db)
        # Already saved by the dialog: push its undo (cancel the entry) and redo (restore).
        run_change(
            self.undo_stack,
            self.tr("status of {name}").format(name=member.full_name),
            lambda: done["id"],
            lambda entry: service.cancel_status(self.db, entry, author),
            lambda entry: (service.restore_status(self.db, entry), entry)[1],
            self._changed,
            self,
        )

    def _on_cancel_entry(self) -> None:
        entry_id = _selected_id(self.history)
        if entry_id is None:
            return
        author = default_author(self.db)
        run_change(
            self.undo_stack,
            self.tr("cancel a status entry"),
            lambda: service.cancel_status(self.db, entry_id, author),
            lambda _r: service.restore_status(self.db, entry_id),
            lambda _r: service.cancel_status(self.db, entry_id, author),
            self._changed,
            self,
        )

    def _on_add_member(self) -> None:
        dialog = MemberDialog(parent=self)
        done: dict = {}
        dialog.saver = lambda data: done.update(
            id=service.add_member(self.db, self.household_id, data), data=data
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        gone: dict = {}  # undone: the person as they were; redo puts them back, same id
        run_change(
            self.undo_stack,
            self.tr("add {name}").format(name=done["data"].full_name),
            lambda: done["id"],
            lambda member_id: gone.update(was=service.remove_member(self.db, member_id)),
            lambda _old: service.restore_member(self.db, gone.pop("was")),
            self._changed,
            self,
        )

    def _on_edit_member(self) -> None:
        member = self._member()
        if member is None:
            return
        dialog = MemberDialog(member, self)
        old = member.as_input()
        done: dict = {}
        dialog.saver = lambda data: (
            service.update_member(self.db, member.id, data),
            done.update(data=data),
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        run_change(
            self.undo_stack,
            self.tr("edit {name}").format(name=member.full_name),
            lambda: member.id,
            lambda _r: service.update_member(self.db, member.id, old),
            lambda _r: service.update_member(self.db, member.id, done["data"]),
            self._changed,
            self,
        )

    def _on_remove_member(self) -> None:
        member = self._member()
        if member is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Remove person"),
            self.tr(
                "Remove {name} from this household? Their status history, test results "
                "and the household's record of them are deleted and cannot be undone."
            ).format(name=member.full_name),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            service.remove_member(self.db, member.id)
        except UserError as err:
            show_error(self, err)
            return
        self._changed()

    def _on_deliver(self) -> None:
        assert self.detail is not None
        last = self.detail.deliveries[0].items_text() if self.detail.deliveries else ""
        dialog = DeliveryDialog(self.detail.head_name, last, self)
        done: dict = {}

        def save(values: dict) -> None:
            done["values"] = values
            done["id"] = service.record_delivery(self.db, self.household_id, **values)

        dialog.saver = save
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        gone: dict = {}  # undone: the row as it was, put back by redo with its own id
        run_change(
            self.undo_stack,
            self.tr("relief delivery"),
            lambda: done["id"],
            lambda delivery_id: gone.update(was=service.delete_delivery(self.db, delivery_id)),
            lambda _old: service.restore_delivery(self.db, gone.pop("was")),
            self._changed,
            self,
        )

    def _on_request(self) -> None:
        dialog = RequestDialog(self)
        done: dict = {}

        def save(values: dict) -> None:
            done["values"] = values
            done["id"] = service.add_request(
                self.db, self.household_id, values["kind"], values["detail"]
            )

        dialog.saver = save
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        gone: dict = {}  # undone: the row as it was; redo puts it back with its own id, so a
        # status change recorded on it afterwards can be redone too
        run_change(
            self.undo_stack,
            self.tr("request"),
            lambda: done["id"],
            lambda request_id: gone.update(was=service.delete_request(self.db, request_id)),
            lambda _old: service.restore_request(self.db, gone.pop("was")),
            self._changed,
            self,
        )

    def _on_request_status(self, status: str) -> None:
        request_id = _selected_id(self.requests)
        if request_id is None or self.detail is None:
            return
        old = next(r for r in self.detail.requests if r.id == request_id)
        run_change(
            self.undo_stack,
            self.tr("request status"),
            lambda: service.set_request_status(self.db, request_id, status, on=date.today()),
            lambda _r: service.set_request_status(
                self.db, request_id, old.status, on=old.resolved_on
            ),
            lambda _r: service.set_request_status(self.db, request_id, status, on=date.today()),
            self._changed,
            self,
        )
