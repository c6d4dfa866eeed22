"""One directive: its fields, its items with one-click status, and dated progress notes.

The view only shows and asks: every change is an undo/redo pair (``commands.py``) that calls
the core, made and recorded on the page's undo stack through :attr:`DirectiveDetail.push`.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QDate, QModelIndex, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from fieldapp.db.database import Database
from fieldapp.directives.history import item_history
from fieldapp.directives.register import FIELD_NAMES, DirectiveInfo, ItemInfo, get_directive
from fieldapp.errors import UserError
from fieldapp.text.vietnamese import format_date
from ui.dialogs import exec_once
from ui.pages.directives import commands as cmd
from ui.pages.directives.common import STATUS_ORDER, URGENCY_COLORS, next_status, status_name
from ui.pages.directives.form_widget import DirectiveFieldsForm
from ui.pages.directives.items_model import (
    DUE,
    LABEL,
    PERSON,
    STATUS,
    TASK,
    UNIT,
    UNITS,
    ItemTableModel,
)
from ui.widgets.rows_model import Row, RowsTable

Push = Callable[[cmd.Change], bool]


class DirectiveDetail(QWidget):
    """Shows one directive; ``load(id)`` then ``reload()`` after every change."""

    back_requested = Signal()

    def __init__(self, db: Database, push: Push, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.push = push
        self.info: DirectiveInfo | None = None

        # Top line: back, title, urgency, actions.
        self.back_button = QPushButton()
        self.back_button.setObjectName("backToRegister")
        self.back_button.clicked.connect(self.back_requested.emit)
        self.title = QLabel()
        self.title.setObjectName("directiveTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title.setFont(font)
        self.urgency = QLabel()
        self.urgency.setObjectName("urgencyBadge")
        self.edit_button = QPushButton()
        self.edit_button.setObjectName("editFields")
        self.edit_button.clicked.connect(self._on_edit_fields)
        self.original_button = QPushButton()
        self.original_button.clicked.connect(self._on_open_original)
        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addWidget(self.title)
        top.addWidget(self.urgency)
        top.addStretch(1)
        top.addWidget(self.edit_button)
        top.addWidget(self.original_button)

        self.subject = QLabel()
        self.subject.setObjectName("directiveSubject")
        self.subject.setWordWrap(True)
        self.subject.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        # Fields, in two columns.
        self.info_box = QFrame()
        self.info_box.setObjectName("card")
        grid = QGridLayout(self.info_box)
        grid.setContentsMargins(10, 6, 10, 6)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(3)
        self.field_labels: dict[str, QLabel] = {}
        self.field_values: dict[str, QLabel] = {}
        layout_of = (
            ("issuer", 0, 0),
            ("issued_on", 1, 0),
            ("signer", 2, 0),
            ("recipients", 3, 0),
            ("arrival", 0, 2),
            ("routed_to", 1, 2),
            ("handling", 2, 2),
            ("references", 3, 2),
        )
        for name, row, col in layout_of:
            label = QLabel()
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            value = QLabel()
            value.setObjectName(f"value_{name}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            grid.addWidget(label, row, col)
            grid.addWidget(value, row, col + 1)
            self.field_labels[name] = label
            self.field_values[name] = value
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        self.missing = QLabel()
        self.missing.setObjectName("missingFields")
        self.missing.setWordWrap(True)
        self.missing.setStyleSheet("color: #8a5a00;")
        grid.addWidget(self.missing, 4, 0, 1, 4)

        # Items.
        self.items_model = ItemTableModel(self)
        self.items_model.edit_requested.connect(self._on_edit_requested)
        self.items_view = QTableView()
        self.items_view.setObjectName("itemsTable")
        self.items_view.setModel(self.items_model)
        self.items_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.items_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.items_view.verticalHeader().setVisible(False)
        self.items_view.setWordWrap(False)
        self.items_view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        header = self.items_view.horizontalHeader()
        header.setSectionResizeMode(TASK, QHeaderView.ResizeMode.Stretch)
        for col, width in (
            (LABEL, 44),
            (UNITS, 140),
            (UNIT, 140),
            (PERSON, 140),
            (DUE, 165),
            (STATUS, 100),
        ):
            header.resizeSection(col, width)
        self.items_view.clicked.connect(self._on_item_clicked)
        self.items_view.selectionModel().currentRowChanged.connect(self._on_current_item)

        self.status_label = QLabel()
        self.status_buttons: dict[str, QPushButton] = {}
        status_row = QHBoxLayout()
        status_row.addWidget(self.status_label)
        for i, code in enumerate(STATUS_ORDER, start=1):
            button = QPushButton()
            button.setObjectName(f"status_{code}")
            button.setCheckable(True)
            button.clicked.connect(lambda _checked=False, c=code: self.set_status(c))
            QShortcut(QKeySequence(f"Alt+{i}"), self, activated=lambda c=code: self.set_status(c))
            button.setToolTip(f"Alt+{i}")
            self.status_buttons[code] = button
            status_row.addWidget(button)
        status_row.addStretch(1)
        self.hint = QLabel()
        self.hint.setObjectName("hint")
        self.hint.setStyleSheet("color: #555;")
        status_row.addWidget(self.hint)

        # Selected item: full text and notes.
        self.item_text = QTextBrowser()
        self.item_text.setObjectName("itemText")
        self.item_box = QGroupBox()
        item_box_layout = QVBoxLayout(self.item_box)
        item_box_layout.addWidget(self.item_text)
        # Who changed the status and when (the newest changes, one a line).
        self.status_history = QLabel()
        self.status_history.setObjectName("statusHistory")
        self.status_history.setWordWrap(True)
        self.status_history.setStyleSheet("color: #555;")
        item_box_layout.addWidget(self.status_history)
        self.notes_box = QGroupBox()
        self.notes = RowsTable(["", "", ""], stretch_last=False)
        self.notes.setObjectName("notesTable")
        self.notes.setWordWrap(True)
        notes_header = self.notes.horizontalHeader()
        notes_header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        notes_header.resizeSection(0, 90)
        notes_header.resizeSection(2, 130)
        self.note_date = QDateEdit()
        self.note_date.setObjectName("noteDate")
        self.note_date.setDisplayFormat("dd/MM/yyyy")
        self.note_date.setCalendarPopup(True)
        self.note_text = QLineEdit()
        self.note_text.setObjectName("noteText")
        self.note_text.returnPressed.connect(self._on_add_note)
        self.add_note_button = QPushButton()
        self.add_note_button.setObjectName("addNote")
        self.add_note_button.clicked.connect(self._on_add_note)
        self.delete_note_button = QPushButton()
        self.delete_note_button.clicked.connect(self._on_delete_note)
        note_row = QHBoxLayout()
        note_row.addWidget(self.note_date)
        note_row.addWidget(self.note_text, 1)
        note_row.addWidget(self.add_note_button)
        note_row.addWidget(self.delete_note_button)
        notes_layout = QVBoxLayout(self.notes_box)
        notes_layout.addWidget(self.notes, 1)
        notes_layout.addLayout(note_row)
        lower = QSplitter(Qt.Orientation.Horizontal)
        lower.addWidget(self.item_box)
        lower.addWidget(self.notes_box)
        lower.setSizes([450, 650])

        items_part = QWidget()
        items_layout = QVBoxLayout(items_part)
        items_layout.setContentsMargins(0, 0, 0, 0)
        items_layout.addWidget(self.items_view, 1)
        items_layout.addLayout(status_row)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(items_part)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([260, 190])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.subject)
        layout.addWidget(self.info_box)
        layout.addWidget(splitter, 1)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, activated=self.back_requested.emit)
        QShortcut(QKeySequence("Alt+Left"), self, activated=self.back_requested.emit)
        self.retranslate()

    # -- texts --------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.back_button.setText(self.tr("← Register"))
        self.back_button.setToolTip(self.tr("Back to the register (Esc)"))
        self.edit_button.setText(self.tr("&Edit fields…"))
        self.original_button.setText(self.tr("Original &file"))
        names = {
            "issuer": self.tr("Issued by:"),
            "issued_on": self.tr("Date, place:"),
            "signer": self.tr("Signed by:"),
            "recipients": self.tr("Addressed to:"),
            "arrival": self.tr("Arrival:"),
            "routed_to": self.tr("Routed to:"),
            "handling": self.tr("Handling:"),
            "references": self.tr("Cites:"),
        }
        for name, text in names.items():
            self.field_labels[name].setText(text)
        self.status_label.setText(self.tr("Status of the item:"))
        for code, button in self.status_buttons.items():
            button.setText(status_name(code))
        self.hint.setText(
            self.tr("Click a status cell to move it on; double-click a cell to edit.")
        )
        self.notes_box.setTitle(self.tr("Progress notes"))
        self.notes.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Note"), self.tr("By")])
        self.note_text.setPlaceholderText(self.tr("What was done (Enter to add)…"))
        self.add_note_button.setText(self.tr("&Add note"))
        self.delete_note_button.setText(self.tr("Delete note"))
        self._show_info()

    # -- loading ------------------------------------------------------------------------------

    def load(self, directive_id: int, item_id: int | None = None) -> None:
        self.info = get_directive(self.db, directive_id)
        self._show_info()
        self.items_model.set_items(self.info.items)
        self.items_view.resizeRowsToContents()
        row = self.items_model.row_of(item_id) if item_id is not None else None
        self.select_row(row if row is not None else 0)
        self.note_date.setDate(QDate.currentDate())
        self.note_date.setMaximumDate(QDate.currentDate())

    def reload(self) -> None:
        """Read the directive again, keeping the selected item."""
        if self.info is None:
            return
        current = self.current_item()
        try:
            self.load(self.info.id, current.id if current else None)
        except UserError:
            self.info = None
            self.back_requested.emit()

    def select_row(self, row: int) -> None:
        if self.items_model.rowCount() == 0:
            self._show_item(None)
            return
        row = max(0, min(row, self.items_model.rowCount() - 1))
        self.items_view.setCurrentIndex(self.items_model.index(row, TASK))
        self._show_item(self.items_model.item_at(row))

    def current_item(self) -> ItemInfo | None:
        index = self.items_view.currentIndex()
        if not index.isValid():
            return None
        return self.items_model.item_at(index.row())

    def _show_info(self) -> None:
        d = self.info
        if d is None:
            return
        self.title.setText(d.title)
        self.urgency.setText(" · ".join(m for m in (d.urgency, d.secrecy) if m))
        color = URGENCY_COLORS.get(d.urgency)
        self.urgency.setStyleSheet(
            f"color: white; background: {color.name()}; padding: 2px 8px; border-radius: 3px; font-weight: bold;"
            if color
            else ""
        )
        self.urgency.setVisible(bool(d.urgency or d.secrecy))
        subject = " ".join(d.subject.split())
        self.subject.setText(f"{d.kind} về {subject}" if subject and d.kind else subject)
        not_found = self.tr("(not in the text)")
        when = ", ".join(x for x in (format_date(d.issued_on), d.place) if x)
        signer = d.signer + (f" ({d.signer_title})" if d.signer_title else "")
        arrival = ""
        if d.arrival_number:
            arrival = self.tr("No. {number}, {date}").format(
                number=d.arrival_number, date=format_date(d.arrival_date)
            )
        values = {
            "issuer": d.issuer or not_found,
            "issued_on": when or not_found,
            "signer": signer or not_found,
            "recipients": "; ".join(d.recipients) or not_found,
            "arrival": arrival or "—",
            "routed_to": d.routed_to or "—",
            "handling": d.handling or "—",
            "references": ", ".join(d.references) or "—",
        }
        for name, value in values.items():
            label = self.field_values[name]
            label.setText(value if len(value) < 400 else value[:399] + "…")
            label.setToolTip(value)
            label.setStyleSheet("color: #8a5a00; font-style: italic;" if value == not_found else "")
        if d.missing:
            names = ", ".join(FIELD_NAMES.get(m, m) for m in d.missing)
            self.missing.setText(
                "⚠ "
                + self.tr(
                    "Not found in the text: {fields}. Use Edit fields to fill them in."
                ).format(fields=names)
            )
            self.missing.show()
        else:
            self.missing.hide()
        self.original_button.setEnabled(d.document is not None)
        if d.document is not None:
            tip = self.tr("{name}\nSHA-256: {sha}").format(
                name=d.document.original_name, sha=d.document.sha256
            )
            if d.ocr_pages is not None:
                tip += "\n" + self.tr(
                    "Read from page images (OCR): {pages} page(s), confidence {confidence}/100"
                ).format(pages=d.ocr_pages, confidence=f"{d.ocr_confidence or 0:.0f}")
            self.original_button.setToolTip(tip)

    def _show_item(self, item: ItemInfo | None) -> None:
        enabled = item is not None
        for button in self.status_buttons.values():
            button.setEnabled(enabled)
            button.setChecked(False)
        for w in (self.note_text, self.add_note_button, self.note_date):
            w.setEnabled(enabled)
        self.notes.set_rows([])
        if item is None:
            self.item_box.setTitle(self.tr("Item"))
            self.item_text.clear()
            self.status_history.clear()
            self.delete_note_button.setEnabled(False)
            return
        self.status_buttons[item.status].setChecked(True)
        self.item_box.setTitle(self.tr("Item {label}").format(label=item.label))
        self.item_text.setPlainText(item.text)
        self._show_history(item)
        rows = []
        for note in item.notes:
            values = [format_date(note.noted_on), note.text, note.author]
            rows.append(Row(values, note.id, cell_tooltips=dict(enumerate(values))))
        self.notes.set_rows(rows)
        self.notes.resizeRowsToContents()
        self.notes.scrollToBottom()
        self.delete_note_button.setEnabled(bool(item.notes))

    def _show_history(self, item: ItemInfo) -> None:
        changes = item_history(self.db, item.id)[-3:]
        lines = []
        for c in reversed(changes):
            when = c.changed_at.astimezone()
            arrow = (
                f"{status_name(c.from_status)} → {status_name(c.to_status)}"
                if c.from_status
                else status_name(c.to_status)
            )
            who = c.actor or self.tr("(nobody signed in)")
            lines.append(f"{format_date(when.date())} {when:%H:%M} · {arrow} · {who}")
        self.status_history.setText(
            self.tr("Status changes:") + "\n" + "\n".join(lines) if lines else ""
        )

    # -- actions ------------------------------------------------------------------------------

    def _on_current_item(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._show_item(self.items_model.item_at(current.row()))

    def _on_item_clicked(self, index: QModelIndex) -> None:
        if index.column() == STATUS:
            item = self.items_model.item_at(index.row())
            self.set_status(next_status(item.status))

    def set_status(self, status: str) -> None:
        item = self.current_item()
        if item is None or item.status == status:
            if item is not None:
                self.status_buttons[status].setChecked(True)
            return
        self.push(cmd.set_status(self.db, item, status))

    def _on_edit_requested(self, item_id: int, field: str, value: str) -> None:
        item = next((i for i in self.info.items if i.id == item_id), None) if self.info else None
        if item is not None:
            # After the view has closed its editor: the change reloads the model.
            change = cmd.update_item(self.db, item, {field: value})
            QTimer.singleShot(0, lambda: self.push(change))

    def _on_add_note(self) -> None:
        item = self.current_item()
        text = self.note_text.text().strip()
        if item is None or not text:
            self.note_text.setFocus()
            return
        day = self.note_date.date().toPython()
        if self.push(cmd.add_note(self.db, item, text, day, "")):
            self.note_text.clear()
            self.note_date.setDate(QDate.currentDate())
        self.note_text.setFocus()

    def _on_delete_note(self) -> None:
        item = self.current_item()
        row = self.notes.currentRow()
        if item is None or not item.notes:
            return
        if row < 0:
            row = self.notes.rowCount() - 1
        note_id = self.notes.item(row, 0).data(Qt.ItemDataRole.UserRole)
        note = next(n for n in item.notes if n.id == note_id)
        self.push(cmd.delete_note(self.db, item, note))

    def _on_edit_fields(self) -> None:
        if self.info is None:
            return
        info = self.info
        answer = exec_once(("directive-fields", info.id), lambda: EditFieldsDialog(info, self))
        if answer is None:  # already open: brought to the front
            return
        dialog, result = answer
        if result != QDialog.DialogCode.Accepted or not dialog.changes:
            return
        self.push(cmd.update_directive(self.db, self.info.id, dialog.changes))

    def _on_open_original(self) -> None:
        if self.info is None or self.info.document is None or self.info.document.path is None:
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.info.document.path)))


class EditFieldsDialog(QDialog):
    """Correct a registered directive's fields (the items are edited in the table)."""

    def __init__(self, info: DirectiveInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("editFieldsDialog")
        self.info = info
        self.changes: dict = {}
        self.setWindowTitle(self.tr("Edit the fields of {title}").format(title=info.title))
        self.form = DirectiveFieldsForm()
        self.form.set_form(info.to_form())
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self._on_save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(640, 660)

    def _on_save(self) -> None:
        try:
            edited = self.form.form()
        except UserError as err:
            self.error.setText(str(err))
            return
        before = self.info.to_form()
        names = (
            "number", "kind", "issuer", "place", "issued_on", "subject", "urgency", "secrecy",
            "signer", "signer_title", "recipients", "references", "arrival_date",
            "arrival_number", "routed_to", "handling",
        )  # fmt: skip
        self.changes = {
            n: getattr(edited, n) for n in names if getattr(edited, n) != getattr(before, n)
        }
        if "arrival_number" in self.changes and self.changes["arrival_number"] is None:
            del self.changes["arrival_number"]  # "next number": keep the one it has
        self.accept()
