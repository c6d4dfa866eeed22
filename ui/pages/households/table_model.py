"""The household table: a lazy model over 50,000 households (200,000 people).

A keystroke in the search box asks for the number of households that match and the ids of
the first :data:`FIRST_IDS` of them in display order (indexed queries in
:mod:`fieldapp.households.listing`); the other ids are read the first time the view scrolls
past them. Rows are fetched a page at a time when the view asks for them, and at most
:data:`MAX_PAGES` pages stay in memory.
"""

from __future__ import annotations

from collections import OrderedDict
from datetime import date

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from fieldapp.accounts.permissions import mask_for
from fieldapp.db.database import Database
from fieldapp.households.listing import (
    HouseholdFilter,
    HouseholdRow,
    first_ids,
    household_ids,
    household_rows,
)
from fieldapp.text.vietnamese import format_date

PAGE_SIZE = 100
MAX_PAGES = 40
FIRST_IDS = 1000  # ids read at once; the rest when the view scrolls past them

COL_HEAD, COL_VILLAGE, COL_ADDRESS, COL_PEOPLE, COL_STATUS, COL_ENDS, COL_FLAGS, COL_PHONE = range(
    8
)
COL_COMMUNE = 8  # at a district: the commune the household came from (hidden in a commune)
HEADERS = (
    QT_TRANSLATE_NOOP("HouseholdTableModel", "Head of household"),
    QT_TRANSLATE_NOOP("HouseholdTableModel", "Village"),
    QT_TRANSLATE_NOOP("HouseholdTableModel", "Address"),
    QT_TRANSLATE_NOOP("HouseholdTableModel", "People"),
    QT_TRANSLATE_NOOP("HouseholdTableModel", "Status"),
    QT_TRANSLATE_NOOP("HouseholdTableModel", "Isolation ends"),
    QT_TRANSLATE_NOOP("HouseholdTableModel", "Priority"),
    QT_TRANSLATE_NOOP("HouseholdTableModel", "Phone"),
    QT_TRANSLATE_NOOP("HouseholdTableModel", "Commune"),
)
DISTRICT_HEADER = QT_TRANSLATE_NOOP("HouseholdTableModel", "District")  # at a province
# Columns the user may sort by, and the listing order each one means.
SORTABLE = {
    COL_HEAD: "name",
    COL_VILLAGE: "village",
    COL_PEOPLE: "members",
    COL_ENDS: "isolation_end",
}
HOUSEHOLD_ID_ROLE = Qt.ItemDataRole.UserRole + 1

_F0_BRUSH = QBrush(QColor("#fde2e1"))
_F1_BRUSH = QBrush(QColor("#fff4ce"))


def _tr(text: str) -> str:
    """Translate a string marked with QT_TRANSLATE_NOOP in this context."""
    return QCoreApplication.translate("HouseholdTableModel", text)


class HouseholdTableModel(QAbstractTableModel):
    """Households matching a :class:`HouseholdFilter`, fetched a page at a time."""

    def __init__(self, db: Database, parent=None) -> None:
        super().__init__(parent)
        self.db = db
        self.filter = HouseholdFilter()
        self.order = "name"
        self.descending = False
        self._ids: list[int] = []
        self._total = 0  # households that match; len(self._ids) until all ids are read
        self._pages: OrderedDict[int, list[HouseholdRow]] = OrderedDict()
        self._loaded = False  # no query until the first set_filter (the view sorts at once)
        self.communes: dict[str, str] = {}  # device id → commune (at a district)
        self.province = False  # at a province the column names the district

    # -- loading ----------------------------------------------------------------------------

    def set_filter(self, flt: HouseholdFilter) -> None:
        """Show the households matching ``flt`` (one query; rows load when shown)."""
        self.filter = flt
        self.reload()

    def reload(self) -> None:
        self._loaded = True
        ids, total = first_ids(self.db, self.filter, self.order, self.descending, FIRST_IDS)
        self.beginResetModel()
        self._ids = ids
        self._total = max(total, len(ids))
        self._pages.clear()
        self.endResetModel()

    def _read_all_ids(self) -> None:
        """The ids past the first ones, when the view (or a lookup) needs them. The row count
        stays as announced: rows deleted meanwhile show as "—", new ones wait for a reload."""
        if len(self._ids) >= self._total:
            return
        ids = household_ids(self.db, self.filter, self.order, self.descending)
        self._ids = (ids + [-1] * self._total)[: self._total]

    def _id_at(self, row: int) -> int | None:
        if not 0 <= row < self._total:
            return None
        if row >= len(self._ids):
            self._read_all_ids()
        found = self._ids[row]
        return found if found >= 0 else None

    def refresh_rows(self) -> None:
        """Forget the cached rows (after an edit) and repaint; the ids stay."""
        self._pages.clear()
        if self._total:
            self.dataChanged.emit(self.index(0, 0), self.index(self._total - 1, len(HEADERS) - 1))

    def household_id(self, row: int) -> int | None:
        return self._id_at(row)

    def row_of(self, household_id: int) -> int | None:
        if household_id not in self._ids:
            self._read_all_ids()
        try:
            return self._ids.index(household_id)
        except ValueError:
            return None

    def _row(self, row: int) -> HouseholdRow | None:
        page = row // PAGE_SIZE
        rows = self._pages.get(page)
        if rows is None:
            start = page * PAGE_SIZE
            if start + PAGE_SIZE > len(self._ids):
                self._read_all_ids()
            wanted = self._ids[start : start + PAGE_SIZE]
            rows = household_rows(self.db, [i for i in wanted if i >= 0], self._today())
            if len(rows) < len(wanted):
                by_id = {r.id: r for r in rows}  # deleted meanwhile: keep positions stable
                rows = [by_id.get(i) for i in wanted]
            self._pages[page] = rows
            while len(self._pages) > MAX_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page)
        return rows[row - page * PAGE_SIZE]

    def _today(self) -> date:
        return self.filter.today or date.today()

    # -- Qt model ---------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if section == COL_COMMUNE and getattr(self, "province", False):
                return _tr(DISTRICT_HEADER)
            return _tr(HEADERS[section])
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if not index.isValid() or not 0 <= index.row() < self._total:
            return None
        if role == HOUSEHOLD_ID_ROLE:
            return self._id_at(index.row())
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.BackgroundRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.TextAlignmentRole,
        ):
            return None
        row = self._row(index.row())
        if row is None:
            return None if role != Qt.ItemDataRole.DisplayRole else "—"
        col = index.column()
        if role == Qt.ItemDataRole.BackgroundRole:
            if row.f0:
                return _F0_BRUSH
            if row.f1:
                return _F1_BRUSH
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if col in (COL_PEOPLE, COL_ENDS):
                return int(Qt.AlignmentFlag.AlignCenter)
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == COL_ENDS and row.next_isolation_end:
                return QCoreApplication.translate(
                    "HouseholdTableModel",
                    "{n} people isolating; the first isolation ends on {date}",
                ).format(n=row.isolating, date=format_date(row.next_isolation_end))
            if col == COL_STATUS and row.central:
                return QCoreApplication.translate(
                    "HouseholdTableModel", "{n} at a central facility"
                ).format(n=row.central)
            return None
        return self._display(row, col)

    def _display(self, row: HouseholdRow, col: int) -> str:
        if col == COL_HEAD:
            return row.head_name
        if col == COL_VILLAGE:
            return row.village
        if col == COL_ADDRESS:
            return row.address
        if col == COL_PEOPLE:
            return str(row.members)
        if col == COL_STATUS:
            parts = [
                f"{name} {n}" for name, n in (("F0", row.f0), ("F1", row.f1), ("F2", row.f2)) if n
            ]
            return " · ".join(parts)
        if col == COL_ENDS:
            return format_date(row.next_isolation_end)
        if col == COL_FLAGS:
            marks = []
            if row.vulnerable:
                marks.append(QCoreApplication.translate("HouseholdTableModel", "vulnerable"))
            if row.poor:
                marks.append(QCoreApplication.translate("HouseholdTableModel", "poor"))
            return ", ".join(marks)
        if col == COL_PHONE:
            return mask_for(self.db, row.phone)
        if col == COL_COMMUNE:
            return self.communes.get(row.device_id, "")
        return ""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = SORTABLE.get(column)
        if key is None:
            return
        changed = (key, order == Qt.SortOrder.DescendingOrder) != (self.order, self.descending)
        self.order = key
        self.descending = order == Qt.SortOrder.DescendingOrder
        if self._loaded and changed:
            self.reload()
