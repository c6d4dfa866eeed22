"""The items of one directive as a table: who does what by when, and how far it has got.

Editable cells (commune unit, person in charge, deadline) do not write anything themselves:
the model emits :attr:`ItemTableModel.edit_requested` and the detail view runs the change
through the core (and the undo stack), then gives the model fresh rows.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QFont

from fieldapp.directives.due import OVERDUE, TODAY
from fieldapp.directives.register import ItemInfo
from ui.pages.directives.common import (
    DANGER,
    OVERDUE_BACKGROUND,
    STATUS_COLORS,
    TODAY_BACKGROUND,
    status_name,
)

Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 2

LABEL, TASK, UNITS, UNIT, PERSON, DUE, STATUS = range(7)
HEADERS = (
    QT_TRANSLATE_NOOP("ItemTable", "No."),
    QT_TRANSLATE_NOOP("ItemTable", "Task"),
    QT_TRANSLATE_NOOP("ItemTable", "Addressed to"),
    QT_TRANSLATE_NOOP("ItemTable", "Commune unit"),
    QT_TRANSLATE_NOOP("ItemTable", "Person in charge"),
    QT_TRANSLATE_NOOP("ItemTable", "Deadline"),
    QT_TRANSLATE_NOOP("ItemTable", "Status"),
)
EDITABLE = {UNIT: "responsible_unit", PERSON: "responsible_person", DUE: "due"}


def _tr(text: str) -> str:
    return QCoreApplication.translate("ItemTable", text)


class ItemTableModel(QAbstractTableModel):
    edit_requested = Signal(int, str, str)  # item id, field, new value

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._items: list[ItemInfo] = []

    def set_items(self, items: tuple[ItemInfo, ...] | list[ItemInfo]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def item_at(self, row: int) -> ItemInfo:
        return self._items[row]

    def row_of(self, item_id: int) -> int | None:
        return next((i for i, item in enumerate(self._items) if item.id == item_id), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _tr(HEADERS[section])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.column() in EDITABLE:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(item, col)
        if role == Qt.ItemDataRole.EditRole:
            if col == DUE:
                return item.due.display()
            return self._display(item, col)
        if role == ID_ROLE:
            return item.id
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == TASK:
                return item.text
            if col == STATUS:
                return QCoreApplication.translate(
                    "ItemTable", "Click to move on to the next status"
                )
            if col in EDITABLE:
                return QCoreApplication.translate("ItemTable", "Double-click to change")
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            if item.due_state == OVERDUE:
                return QBrush(OVERDUE_BACKGROUND)
            if item.due_state == TODAY:
                return QBrush(TODAY_BACKGROUND)
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == STATUS:
                return QBrush(STATUS_COLORS.get(item.status))
            if col == DUE and item.due_state == OVERDUE:
                return QBrush(DANGER)
            return None
        if role == Qt.ItemDataRole.FontRole and (col == STATUS or (col == DUE and item.due_state)):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and col == LABEL:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _display(self, item: ItemInfo, col: int) -> str:
        if col == LABEL:
            return item.label
        if col == TASK:
            return " ".join(item.text.split())
        if col == UNITS:
            return "; ".join(item.units)
        if col == UNIT:
            return item.responsible_unit
        if col == PERSON:
            return item.responsible_person
        if col == DUE:
            shown = item.due.display()
            if item.due_state == OVERDUE:
                return QCoreApplication.translate("ItemTable", "{due} (overdue)").format(due=shown)
            return shown
        if col == STATUS:
            return status_name(item.status)
        return ""

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or index.column() not in EDITABLE:
            return False
        item = self._items[index.row()]
        text = str(value or "").strip()
        if text == (self.data(index, Qt.ItemDataRole.EditRole) or ""):
            return False
        self.edit_requested.emit(item.id, EDITABLE[index.column()], text)
        return True
