"""One small read-only model for the tables that show rows of data, and a view that wraps it.

:class:`RowsModel` holds headers and :class:`Row` objects (display values, an id, optional
colours, tooltips and sort keys); ``set_rows`` resets it. Sorting is by the row's sort keys
when given, else by the text folded for Vietnamese (case, tones, đ→d, numbers by value), and
columns named in ``name_columns`` sort by given name first (:func:`name_sort_key`), as a
Vietnamese list of people is read.

:class:`RowsTable` is a ``QTableView`` over a ``RowsModel`` set up as every data table of the
window is (whole rows selected, one at a time, read-only, alternate colours), with the few
conveniences the pages use (``item(row, col).text()``, ``current_id()``, ``setCurrentCell``).
:class:`RowsTree` is the same for rows with child rows (the work lists).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QMetaMethod,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QTreeView, QWidget

from fieldapp.text.vietnamese import fold, name_sort_key

ID_ROLE = Qt.ItemDataRole.UserRole  # the row's id, in every column (as QTableWidget pages did)
SORT_ROLE = Qt.ItemDataRole.UserRole + 1

_Index = QModelIndex | QPersistentModelIndex
_NUMBER = re.compile(r"-?\d+(?:[.,]\d+)?")


@dataclass
class Row:
    """One line: ``values`` as shown; the rest optional.

    ``background``/``foreground`` colour the whole row, ``cell_background`` single cells;
    ``tooltip`` is the row's, ``cell_tooltips`` per column; ``sort`` gives a sort key per
    column (a date, a number) where the text would sort wrongly; ``children`` are the rows
    under it (:class:`RowsTree`); ``data`` any value for the page (``row_data``).
    """

    values: Sequence[Any]
    id: Any = None
    background: QColor | None = None
    foreground: QColor | None = None
    cell_background: dict[int, QColor] = field(default_factory=dict)
    tooltip: str = ""
    cell_tooltips: dict[int, str] = field(default_factory=dict)
    sort: dict[int, Any] = field(default_factory=dict)
    bold: bool = False
    cell_foreground: dict[int, QColor] = field(default_factory=dict)
    bold_columns: set[int] = field(default_factory=set)
    cell_font: dict[int, QFont] = field(default_factory=dict)
    align: dict[int, Qt.AlignmentFlag] = field(default_factory=dict)
    children: list[Row] = field(default_factory=list)
    data: Any = None

    def text(self, column: int) -> str:
        if column >= len(self.values):
            return ""
        value = self.values[column]
        return "" if value is None else str(value)


def _text_key(text: str) -> tuple:
    """Folded text, with numbers compared by value ("9" before "10")."""
    match = _NUMBER.fullmatch(text.strip())
    if match:
        return (0, float(text.strip().replace(",", ".")), "")
    return (1, 0.0, fold(text))


class RowsModel(QAbstractTableModel):
    """Rows of display values for a ``QTableView``; read-only, sortable, reset by
    :meth:`set_rows`."""

    def __init__(
        self,
        headers: Sequence[str] = (),
        parent: QWidget | None = None,
        *,
        name_columns: Iterable[int] = (),
    ) -> None:
        super().__init__(parent)
        self._headers = list(headers)
        self._rows: list[Row] = []
        self.name_columns = set(name_columns)
        self._bold = QFont()
        self._bold.setBold(True)

    # -- content ----------------------------------------------------------------------------

    def set_headers(self, headers: Sequence[str]) -> None:
        old = len(self._headers)
        if len(headers) != old:
            self.beginResetModel()
            self._headers = list(headers)
            self.endResetModel()
            return
        self._headers = list(headers)
        if old:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, old - 1)

    def set_rows(self, rows: Iterable[Row | Sequence[Any]]) -> None:
        self.beginResetModel()
        self._rows = [r if isinstance(r, Row) else Row(list(r)) for r in rows]
        self.endResetModel()

    @property
    def rows(self) -> list[Row]:
        return self._rows

    def row(self, row: int) -> Row | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_id(self, row: int) -> Any:
        found = self.row(row)
        return None if found is None else found.id

    def row_of(self, row_id: Any) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.id == row_id), None)

    def text(self, row: int, column: int) -> str:
        found = self.row(row)
        return "" if found is None else found.text(column)

    # -- Qt ---------------------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._headers)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.row(index.row())
        if row is None:
            return None
        return _cell_data(
            row, index.column(), role, self._bold, index.column() in self.name_columns
        )

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._headers):
            return
        self.layoutAboutToBeChanged.emit()
        by_name = column in self.name_columns
        before = self.persistentIndexList()
        held = [self._rows[i.row()] for i in before]
        self._rows.sort(
            key=lambda r: _sort_key(r, column, by_name),
            reverse=order == Qt.SortOrder.DescendingOrder,
        )
        # The selection and the current row follow their rows to the new places.
        place = {id(r): n for n, r in enumerate(self._rows)}
        after = [self.index(place[id(r)], i.column()) for r, i in zip(held, before, strict=True)]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()


def _sort_key(row: Row, column: int, by_name: bool) -> Any:
    if column in row.sort:
        value = row.sort[column]
        return (value is None, value if value is not None else 0)
    text = row.text(column)
    if by_name:
        return (not text, name_sort_key(text))
    return (not text, _text_key(text))


def _cell_data(row: Row, column: int, role: int, bold: QFont, by_name: bool) -> Any:
    if role == Qt.ItemDataRole.DisplayRole:
        return row.text(column)
    if role == ID_ROLE:
        return row.id
    if role == SORT_ROLE:
        return _sort_key(row, column, by_name)
    if role == Qt.ItemDataRole.BackgroundRole:
        colour = row.cell_background.get(column, row.background)
        return QBrush(colour) if colour is not None else None
    if role == Qt.ItemDataRole.ForegroundRole:
        colour = row.cell_foreground.get(column, row.foreground)
        return QBrush(colour) if colour is not None else None
    if role == Qt.ItemDataRole.ToolTipRole:
        return row.cell_tooltips.get(column) or row.tooltip or None
    if role == Qt.ItemDataRole.FontRole:
        if column in row.cell_font:
            return row.cell_font[column]
        return bold if row.bold or column in row.bold_columns else None
    if role == Qt.ItemDataRole.TextAlignmentRole:
        flag = row.align.get(column)
        return None if flag is None else int(flag | Qt.AlignmentFlag.AlignVCenter)
    return None


class Cell:
    """What ``RowsTable.item(row, col)`` gives: the cell as a page or a test reads it."""

    def __init__(self, model: QAbstractItemModel, index: QModelIndex) -> None:
        self._model, self._index = model, index

    def text(self) -> str:
        return self._index.data() or ""

    def data(self, role: int) -> Any:
        return self._index.data(role)

    def background(self) -> QBrush:
        return self._index.data(Qt.ItemDataRole.BackgroundRole) or QBrush()

    def toolTip(self) -> str:  # noqa: N802 - as QTableWidgetItem
        return self._index.data(Qt.ItemDataRole.ToolTipRole) or ""

    def row(self) -> int:
        return self._index.row()

    def column(self) -> int:
        return self._index.column()


def setup_data_view(view: QAbstractItemView) -> None:
    """The behaviour every data table shares: whole rows, one at a time, read-only."""
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)


class RowsTable(QTableView):
    """A ``QTableView`` over its own :class:`RowsModel`.

    ``row_activated(row)`` is emitted on a double click or Enter on a row.
    """

    row_activated = Signal(int)

    def __init__(
        self,
        headers: Sequence[str] = (),
        parent: QWidget | None = None,
        *,
        name_columns: Iterable[int] = (),
        sortable: bool = False,
        stretch_last: bool = True,
    ) -> None:
        super().__init__(parent)
        self.rows_model = RowsModel(headers, self, name_columns=name_columns)
        self.setModel(self.rows_model)
        setup_data_view(self)
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setStretchLastSection(stretch_last)
        self.setSortingEnabled(sortable)
        if sortable:
            self.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.doubleClicked.connect(lambda index: self.row_activated.emit(index.row()))

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt naming
        """Enter on a row opens it, as a double click does (when something listens; else
        Enter goes on to the dialog, as before)."""
        if (
            event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and self.currentIndex().isValid()
            and self.isSignalConnected(QMetaMethod.fromSignal(self.row_activated))
        ):
            self.row_activated.emit(self.currentIndex().row())
            event.accept()
            return
        super().keyPressEvent(event)

    # -- content ----------------------------------------------------------------------------

    def set_headers(self, headers: Sequence[str]) -> None:
        self.rows_model.set_headers(headers)

    setHorizontalHeaderLabels = set_headers  # noqa: N815 - the QTableWidget name pages used

    def set_rows(self, rows: Iterable[Row | Sequence[Any]], *, keep_id: bool = True) -> None:
        """Show ``rows``; the row with the id selected before stays selected."""
        before = self.current_id() if keep_id else None
        header = self.horizontalHeader()
        self.rows_model.set_rows(rows)
        if self.isSortingEnabled() and header.sortIndicatorSection() >= 0:
            self.rows_model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        if before is not None:
            found = self.rows_model.row_of(before)
            if found is not None:
                self.selectRow(found)

    # -- reading ----------------------------------------------------------------------------

    def rowCount(self) -> int:  # noqa: N802 - as QTableWidget
        return self.rows_model.rowCount()

    def columnCount(self) -> int:  # noqa: N802
        return self.rows_model.columnCount()

    def item(self, row: int, column: int) -> Cell | None:
        index = self.rows_model.index(row, column)
        return Cell(self.rows_model, index) if index.isValid() else None

    def visualItemRect(self, cell: Cell) -> QRect:  # noqa: N802 - as QTableWidget
        return self.visualRect(self.rows_model.index(cell.row(), cell.column()))

    def row_data(self, row: int) -> Any:
        found = self.rows_model.row(row)
        return None if found is None else found.data

    def currentRow(self) -> int:  # noqa: N802
        rows = self.selectionModel().selectedRows()
        if rows:
            return rows[0].row()
        return self.currentIndex().row() if self.currentIndex().isValid() else -1

    def setCurrentCell(self, row: int, column: int) -> None:  # noqa: N802
        self.setCurrentIndex(self.rows_model.index(row, column))

    def current_id(self) -> Any:
        row = self.currentRow()
        return None if row < 0 else self.rows_model.row_id(row)

    def fit_columns(self) -> None:
        """Columns as wide as their contents (the last one stretches)."""
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)


class RowsTreeModel(QAbstractItemModel):
    """:class:`Row` objects with their ``children``, for a ``QTreeView`` (two levels)."""

    def __init__(self, headers: Sequence[str] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._headers = list(headers)
        self._rows: list[Row] = []
        self._bold = QFont()
        self._bold.setBold(True)

    def set_headers(self, headers: Sequence[str]) -> None:
        self.beginResetModel()
        self._headers = list(headers)
        self.endResetModel()

    def set_rows(self, rows: Iterable[Row]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    @property
    def rows(self) -> list[Row]:
        return self._rows

    def row_at(self, index: _Index) -> Row | None:
        if not index.isValid():
            return None
        parent = index.internalPointer()
        if parent is None:
            return self._rows[index.row()] if index.row() < len(self._rows) else None
        return parent.children[index.row()] if index.row() < len(parent.children) else None

    # QModelIndex keeps a pointer: a top row's index points at None, a child's at its parent
    # Row (kept alive by self._rows).
    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column < 0 or column >= len(self._headers) or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, None) if row < len(self._rows) else QModelIndex()
        owner = self.row_at(parent)
        if parent.internalPointer() is not None or owner is None or row >= len(owner.children):
            return QModelIndex()
        return self.createIndex(row, column, owner)

    def parent(self, index: _Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        owner = index.internalPointer()
        if owner is None:
            return QModelIndex()
        row = next((i for i, r in enumerate(self._rows) if r is owner), -1)
        return self.createIndex(row, 0, None) if row >= 0 else QModelIndex()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        if not parent.isValid():
            return len(self._rows)
        if parent.internalPointer() is not None or parent.column() != 0:
            return 0
        owner = self.row_at(parent)
        return len(owner.children) if owner is not None else 0

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return len(self._headers)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index)
        if row is None:
            return None
        return _cell_data(row, index.column(), role, self._bold, False)


class RowsTree(QTreeView):
    """A ``QTreeView`` over its own :class:`RowsTreeModel`; ``row_activated(row)`` gives the
    :class:`Row` double-clicked or entered."""

    row_activated = Signal(object)

    def __init__(self, headers: Sequence[str] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows_model = RowsTreeModel(headers, self)
        self.setModel(self.rows_model)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.doubleClicked.connect(self._emit)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt naming
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self._emit(self.currentIndex())
            event.accept()
            return
        super().keyPressEvent(event)

    def _emit(self, index: QModelIndex) -> None:
        row = self.rows_model.row_at(index)
        if row is not None:
            self.row_activated.emit(row)

    def set_headers(self, headers: Sequence[str]) -> None:
        self.rows_model.set_headers(headers)

    def set_rows(self, rows: Iterable[Row], *, expanded: bool = True) -> None:
        self.rows_model.set_rows(rows)
        if expanded:
            self.expandAll()

    def top_level_count(self) -> int:
        return self.rows_model.rowCount()

    def current_row(self) -> Row | None:
        return self.rows_model.row_at(self.currentIndex())


def rows_from(
    items: Iterable[Any], values: Callable[[Any], Sequence[Any]], ident: Callable[[Any], Any]
) -> list[Row]:
    """``Row(values(x), ident(x))`` for each item: the common case in one line."""
    return [Row(list(values(x)), ident(x)) for x in items]
