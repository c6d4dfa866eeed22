"""Editors of a directive before it is saved: its fields, and its numbered items.

A field the parser did not find is marked (yellow, with a sign on its label) until the user
fills it in; an empty field is allowed, because the text may truly not hold it.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fieldapp.directives.due import parse_due
from fieldapp.directives.models import SECRECIES, URGENCIES
from fieldapp.directives.parser import KINDS
from fieldapp.directives.register import DirectiveForm, ItemForm
from fieldapp.errors import UserError
from fieldapp.text.vietnamese import format_date, parse_date
from ui.pages.directives.common import MISSING_BACKGROUND

MISSING_STYLE = f"background-color: {MISSING_BACKGROUND};"
DOUBTFUL_STYLE = "background-color: #ffd8a8;"  # OCR read it with low confidence
# Fields the form flags when empty (the items are flagged by the items editor).
FLAGGED = (
    "number",
    "kind",
    "issuer",
    "place",
    "issued_on",
    "subject",
    "recipients",
    "signer",
    "signer_title",
)


class _PlainEdit(QPlainTextEdit):
    """A small multi-line editor that Tab leaves instead of typing a tab."""

    def __init__(self, lines: int, parent=None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        height = self.fontMetrics().lineSpacing() * lines + 12
        self.setFixedHeight(height)

    def text(self) -> str:
        return self.toPlainText()


class DirectiveFieldsForm(QWidget):
    """The fields of a directive and of its arrival; ``form()`` gives the edited copy."""

    changed = Signal()

    def __init__(self, parent=None, *, with_arrival: bool = True) -> None:
        super().__init__(parent)
        self._base = DirectiveForm()
        self._flagging = True
        self._doubtful: set[str] = set()
        self.number = QLineEdit()
        self.kind = QComboBox()
        self.kind.setEditable(True)
        self.kind.addItems(["", *dict.fromkeys(KINDS.values())])
        self.issuer = QLineEdit()
        self.place = QLineEdit()
        self.issued_on = QLineEdit()
        self.issued_on.setPlaceholderText("dd/mm/yyyy")
        self.subject = _PlainEdit(3)
        self.urgency = QComboBox()
        self.secrecy = QComboBox()
        for value in ("", *URGENCIES):
            self.urgency.addItem(value, value)
        for value in ("", *SECRECIES):
            self.secrecy.addItem(value, value)
        self.signer = QLineEdit()
        self.signer_title = QLineEdit()
        self.recipients = _PlainEdit(3)
        self.references = QLineEdit()
        self.arrival_date = QLineEdit()
        self.arrival_date.setPlaceholderText("dd/mm/yyyy")
        self.arrival_number = QSpinBox()
        self.arrival_number.setRange(0, 999_999)
        self.routed_to = QLineEdit()
        self.handling = _PlainEdit(2)
        self.with_arrival = with_arrival

        self.labels: dict[str, QLabel] = {}
        self.editors: dict[str, QWidget] = {
            "number": self.number,
            "kind": self.kind,
            "issuer": self.issuer,
            "place": self.place,
            "issued_on": self.issued_on,
            "subject": self.subject,
            "urgency": self.urgency,
            "secrecy": self.secrecy,
            "signer": self.signer,
            "signer_title": self.signer_title,
            "recipients": self.recipients,
            "references": self.references,
        }
        if with_arrival:
            self.editors.update(
                arrival_date=self.arrival_date,
                arrival_number=self.arrival_number,
                routed_to=self.routed_to,
                handling=self.handling,
            )
        body = QWidget()
        layout = QFormLayout(body)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for name, editor in self.editors.items():
            label = QLabel()
            label.setBuddy(editor)
            self.labels[name] = label
            layout.addRow(label, editor)
            editor.setObjectName(f"field_{name}")
        for editor in (self.number, self.issuer, self.place, self.issued_on, self.signer):
            editor.textChanged.connect(self._on_changed)
        for editor in (self.signer_title, self.references, self.arrival_date, self.routed_to):
            editor.textChanged.connect(self._on_changed)
        for editor in (self.subject, self.recipients, self.handling):
            editor.textChanged.connect(self._on_changed)
        self.kind.currentTextChanged.connect(self._on_changed)
        for combo in (self.urgency, self.secrecy):
            combo.currentIndexChanged.connect(self._on_changed)
        self.arrival_number.valueChanged.connect(self._on_changed)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.retranslate()

    def retranslate(self) -> None:
        names = {
            "number": QCoreApplication.translate("DirectiveForm", "Number and symbol"),
            "kind": QCoreApplication.translate("DirectiveForm", "Kind"),
            "issuer": QCoreApplication.translate("DirectiveForm", "Issuing body"),
            "place": QCoreApplication.translate("DirectiveForm", "Place"),
            "issued_on": QCoreApplication.translate("DirectiveForm", "Date issued"),
            "subject": QCoreApplication.translate("DirectiveForm", "Subject"),
            "urgency": QCoreApplication.translate("DirectiveForm", "Urgency"),
            "secrecy": QCoreApplication.translate("DirectiveForm", "Secrecy"),
            "signer": QCoreApplication.translate("DirectiveForm", "Signed by"),
            "signer_title": QCoreApplication.translate("DirectiveForm", "Signer's title"),
            "recipients": QCoreApplication.translate("DirectiveForm", "Addressed to (one a line)"),
            "references": QCoreApplication.translate("DirectiveForm", "Documents cited"),
            "arrival_date": QCoreApplication.translate("DirectiveForm", "Arrival date"),
            "arrival_number": QCoreApplication.translate("DirectiveForm", "Arrival number"),
            "routed_to": QCoreApplication.translate("DirectiveForm", "Routed to"),
            "handling": QCoreApplication.translate("DirectiveForm", "Handling instructions"),
        }
        self._names = names
        self.urgency.setItemText(0, QCoreApplication.translate("DirectiveForm", "(none)"))
        self.secrecy.setItemText(0, QCoreApplication.translate("DirectiveForm", "(none)"))
        self.arrival_number.setSpecialValueText(
            QCoreApplication.translate("DirectiveForm", "next number")
        )
        self.references.setPlaceholderText(
            QCoreApplication.translate("DirectiveForm", "separated by commas")
        )
        self._update_flags()

    # -- content ------------------------------------------------------------------------------

    def set_form(self, form: DirectiveForm) -> None:
        self._base = form
        self._flagging = False
        self.number.setText(form.number)
        self.kind.setCurrentText(form.kind)
        self.issuer.setText(form.issuer)
        self.place.setText(form.place)
        self.issued_on.setText(format_date(form.issued_on))
        self.subject.setPlainText(form.subject)
        self.urgency.setCurrentIndex(max(0, self.urgency.findData(form.urgency)))
        self.secrecy.setCurrentIndex(max(0, self.secrecy.findData(form.secrecy)))
        self.signer.setText(form.signer)
        self.signer_title.setText(form.signer_title)
        self.recipients.setPlainText("\n".join(form.recipients))
        self.references.setText(", ".join(form.references))
        self.arrival_date.setText(format_date(form.arrival_date or date.today()))
        self.arrival_number.setValue(form.arrival_number or 0)
        self.routed_to.setText(form.routed_to)
        self.handling.setPlainText(form.handling)
        self._flagging = True
        self._update_flags()

    def form(self) -> DirectiveForm:
        """The edited directive (items as given to :meth:`set_form`); bad dates raise."""
        issued = self.issued_on.text().strip()
        arrival = self.arrival_date.text().strip()
        return replace(
            self._base,
            number=self.number.text(),
            kind=self.kind.currentText(),
            issuer=self.issuer.text(),
            place=self.place.text(),
            issued_on=_date(issued, QCoreApplication.translate("DirectiveForm", "Date issued"))
            if issued
            else None,
            subject=" ".join(self.subject.toPlainText().split()),
            urgency=self.urgency.currentData() or "",
            secrecy=self.secrecy.currentData() or "",
            signer=self.signer.text(),
            signer_title=self.signer_title.text(),
            recipients=[r for r in self.recipients.toPlainText().splitlines() if r.strip()],
            references=[r.strip() for r in self.references.text().split(",") if r.strip()],
            arrival_date=(
                _date(arrival, QCoreApplication.translate("DirectiveForm", "Arrival date"))
                if arrival
                else None
            )
            if self.with_arrival
            else self._base.arrival_date,
            arrival_number=(self.arrival_number.value() or None)
            if self.with_arrival
            else self._base.arrival_number,
            routed_to=self.routed_to.text() if self.with_arrival else self._base.routed_to,
            handling=self.handling.toPlainText() if self.with_arrival else self._base.handling,
        )

    def set_doubtful(self, names) -> None:  # noqa: ANN001 - any iterable of field names
        """Mark fields OCR read with low confidence (orange) until the form is set again."""
        self._doubtful = set(names)
        self._update_flags()

    def doubtful(self) -> list[str]:
        """Fields marked as read with low confidence (and not empty)."""
        missing = set(self.missing())
        return [n for n in self.labels if n in self._doubtful and n not in missing]

    def missing(self) -> list[str]:
        """Flagged fields that are still empty."""
        return [name for name in FLAGGED if not _value(self.editors[name])]

    def _on_changed(self) -> None:
        self._update_flags()
        self.changed.emit()

    def _update_flags(self) -> None:
        if not hasattr(self, "_names"):
            return
        missing = set(self.missing()) if self._flagging else set()
        for name, label in self.labels.items():
            flagged = name in missing
            doubtful = not flagged and name in self._doubtful
            label.setText(("⚠ " if flagged or doubtful else "") + self._names[name])
            if flagged:
                tip = QCoreApplication.translate(
                    "DirectiveForm", "Not found in the text: fill it in if you know it"
                )
            elif doubtful:
                tip = QCoreApplication.translate(
                    "DirectiveForm", "Read from the page image with low confidence: check it"
                )
            else:
                tip = ""
            label.setToolTip(tip)
            editor = self.editors[name]
            editor.setStyleSheet(MISSING_STYLE if flagged else DOUBTFUL_STYLE if doubtful else "")
            editor.setProperty("missing", flagged)
            editor.setProperty("doubtful", doubtful)


def _value(editor: QWidget) -> str:
    if isinstance(editor, QComboBox):
        return editor.currentText().strip()
    if isinstance(editor, QPlainTextEdit):
        return editor.toPlainText().strip()
    if isinstance(editor, QLineEdit):
        return editor.text().strip()
    return "x"


def _date(text: str, field: str) -> date:
    try:
        return parse_date(text)
    except UserError as err:
        raise UserError(f"{field}: {err}") from None


# --- items -------------------------------------------------------------------------------------

LABEL, TASK, UNITS, DUE, UNIT, PERSON = range(6)


class ItemsModel(QAbstractTableModel):
    """The items under review as rows of editable text (the task is edited below the table,
    in full, so its cell is read-only); ``edited`` tells the form a cell changed."""

    edited = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.headers: list[str] = [""] * 6
        self.rows: list[list[str]] = []
        self.tooltips: list[str] = []

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 6

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def flags(self, index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base if index.column() == TASK else base | Qt.ItemFlag.ItemIsEditable

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self.rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == TASK:
            return self.tooltips[index.row()]
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        self.rows[index.row()][index.column()] = str(value)
        self.dataChanged.emit(index, index)
        self.edited.emit()
        return True

    def set_headers(self, headers: list[str]) -> None:
        self.headers = list(headers)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 5)

    def clear(self) -> None:
        self.beginResetModel()
        self.rows, self.tooltips = [], []
        self.endResetModel()

    def append(self, values: list[str], tooltip: str) -> None:
        row = len(self.rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self.rows.append(values)
        self.tooltips.append(tooltip)
        self.endInsertRows()

    def remove(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        del self.rows[row]
        del self.tooltips[row]
        self.endRemoveRows()

    def set_task(self, row: int, text: str) -> None:
        self.rows[row][TASK] = " ".join(text.split())
        self.tooltips[row] = text
        index = self.index(row, TASK)
        self.dataChanged.emit(index, index)


class ItemsEditor(QWidget):
    """The numbered items: a table (one line each) and the full text of the selected one."""

    changed = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.model = ItemsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setObjectName("reviewItems")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(TASK, QHeaderView.ResizeMode.Stretch)
        for col, width in ((LABEL, 44), (UNITS, 120), (DUE, 110), (UNIT, 115), (PERSON, 130)):
            header.resizeSection(col, width)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.text = QPlainTextEdit()
        self.text.setObjectName("reviewItemText")
        self.text.setTabChangesFocus(True)
        self.text_label = QLabel()
        self.add_button = QPushButton()
        self.remove_button = QPushButton()
        self.add_button.clicked.connect(self._on_add)
        self.remove_button.clicked.connect(self._on_remove)
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.notice, 1)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.text_label)
        lower_layout.addWidget(self.text)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(lower)
        splitter.setSizes([300, 140])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(splitter, 1)
        self._texts: list[str] = []
        self._statuses: list[str] = []
        self._loading = False
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        self.model.edited.connect(self._on_item_changed)
        self.text.textChanged.connect(self._on_text_changed)
        self.retranslate()

    def retranslate(self) -> None:
        self.model.set_headers(
            [
                QCoreApplication.translate("DirectiveForm", "No."),
                QCoreApplication.translate("DirectiveForm", "Task"),
                QCoreApplication.translate("DirectiveForm", "Addressed to"),
                QCoreApplication.translate("DirectiveForm", "Deadline"),
                QCoreApplication.translate("DirectiveForm", "Commune unit"),
                QCoreApplication.translate("DirectiveForm", "Person in charge"),
            ]
        )
        self.text_label.setText(
            QCoreApplication.translate("DirectiveForm", "Full text of the selected item:")
        )
        self.add_button.setText(QCoreApplication.translate("DirectiveForm", "Add an item"))
        self.remove_button.setText(QCoreApplication.translate("DirectiveForm", "Remove the item"))
        self._update_notice()

    def set_items(self, items: list[ItemForm]) -> None:
        self._loading = True
        self.model.clear()
        self._texts, self._statuses = [], []
        for item in items:
            self._append(item)
        self._loading = False
        if items:
            self.table.setCurrentIndex(self.model.index(0, TASK))
        else:
            self.text.clear()
        self._update_notice()

    def items(self) -> list[ItemForm]:
        """The items as edited; a deadline that cannot be read raises ``UserError``."""
        out = []
        for row in range(self.model.rowCount()):
            label = self._cell(row, LABEL)
            due = self._cell(row, DUE)
            try:
                parsed = parse_due(due)
            except UserError as err:
                raise UserError(
                    QCoreApplication.translate("DirectiveForm", "Item {label}: {error}").format(
                        label=label, error=err
                    )
                ) from None
            out.append(
                ItemForm(
                    label=label,
                    text=self._texts[row],
                    units=[u.strip() for u in self._cell(row, UNITS).split(";") if u.strip()],
                    due=parsed.iso() or "",
                    responsible_unit=self._cell(row, UNIT),
                    responsible_person=self._cell(row, PERSON),
                    status=self._statuses[row],
                )
            )
        return out

    def _append(self, item: ItemForm) -> None:
        self._texts.append(item.text)
        self._statuses.append(item.status)
        shown_due = parse_due(item.due).display() if item.due else ""
        values = {
            LABEL: item.label,
            TASK: " ".join(item.text.split()),
            UNITS: "; ".join(item.units),
            DUE: shown_due,
            UNIT: item.responsible_unit,
            PERSON: item.responsible_person,
        }
        self.model.append([values[col] for col in range(6)], item.text)

    def _cell(self, row: int, col: int) -> str:
        return self.model.rows[row][col].strip()

    def _current_row(self) -> int:
        index = self.table.currentIndex()
        return index.row() if index.isValid() else -1

    def _on_current(self, current: QModelIndex, _previous: QModelIndex | None = None) -> None:
        row = current.row() if current.isValid() else -1
        self._loading = True
        self.text.setPlainText(self._texts[row] if 0 <= row < len(self._texts) else "")
        self.text.setEnabled(0 <= row < len(self._texts))
        self._loading = False

    def _on_text_changed(self) -> None:
        row = self._current_row()
        if self._loading or not 0 <= row < len(self._texts):
            return
        self._texts[row] = self.text.toPlainText()
        self.model.set_task(row, self._texts[row])
        self.changed.emit()

    def _on_item_changed(self) -> None:
        if not self._loading:
            self.changed.emit()

    def _on_add(self) -> None:
        self._append(ItemForm(label=str(self.model.rowCount() + 1), text=""))
        self.table.setCurrentIndex(self.model.index(self.model.rowCount() - 1, TASK))
        self.text.setFocus()
        self._update_notice()
        self.changed.emit()

    def _on_remove(self) -> None:
        row = self._current_row()
        if row < 0:
            return
        del self._texts[row]
        del self._statuses[row]
        self.model.remove(row)
        self._on_current(self.table.currentIndex())
        self._update_notice()
        self.changed.emit()

    def _update_notice(self) -> None:
        count = self.model.rowCount()
        if count == 0:
            self.notice.setText(
                "⚠ "
                + QCoreApplication.translate(
                    "DirectiveForm", "No numbered item was found: add them by hand."
                )
            )
            self.notice.setStyleSheet(MISSING_STYLE + " padding: 3px;")
        else:
            self.notice.setText(
                QCoreApplication.translate(
                    "DirectiveForm", "{n} items. Double-click a cell to correct it."
                ).format(n=count)
            )
            self.notice.setStyleSheet("")
