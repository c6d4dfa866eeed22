"""The table of checkpoint log entries (newest first), with phone numbers masked."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from fieldapp.accounts.permissions import Actor, mask
from fieldapp.checkpoints.log import FEVER, Entry
from fieldapp.rostering.models import SITE_KINDS
from fieldapp.text.vietnamese import fold, format_date

Index = QModelIndex | QPersistentModelIndex

TIME, SITE, NAME, PEOPLE, FROM, TO, PLATE, PHONE, DECLARED, NOTES, COMMUNE = range(11)
COLUMNS = 11
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 2

_UNDECLARED = QColor("#b00020")


def short_site_name(name: str) -> str:
    """ "Chốt kiểm soát Cầu Bằng Lãng" → "Cầu Bằng Lãng": the kind is the same for most
    sites and would fill a narrow box or column."""
    for label in SITE_KINDS.values():
        if fold(name).startswith(fold(label) + " ") and len(name) > len(label) + 1:
            rest = name[len(label) + 1 :]
            return rest[:1].upper() + rest[1:]
    return name


def _header(column: int, province: bool = False) -> str:
    if column == COMMUNE:  # at a district (at a province: the district it came from)
        if province:
            return QCoreApplication.translate("CheckpointEntryModel", "District")
        return QCoreApplication.translate("CheckpointEntryModel", "Commune")
    return (
        QCoreApplication.translate("CheckpointEntryModel", "Time"),
        QCoreApplication.translate("CheckpointEntryModel", "Checkpoint"),
        QCoreApplication.translate("CheckpointEntryModel", "Full name"),
        QCoreApplication.translate("CheckpointEntryModel", "People"),
        QCoreApplication.translate("CheckpointEntryModel", "From"),
        QCoreApplication.translate("CheckpointEntryModel", "To"),
        QCoreApplication.translate("CheckpointEntryModel", "Plate"),
        QCoreApplication.translate("CheckpointEntryModel", "Phone"),
        QCoreApplication.translate("CheckpointEntryModel", "Health declaration"),
        QCoreApplication.translate("CheckpointEntryModel", "Notes"),
    )[column]


class CheckpointEntryModel(QAbstractTableModel):
    """Rows of :class:`~fieldapp.checkpoints.log.Entry`; ``with_dates`` shows the date in
    the time column (search results span many days)."""

    def __init__(self, actor: Actor | None = None, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[Entry] = []
        self._actor = actor
        self.with_dates = False
        self.communes: dict[str, str] = {}  # at a district: device id → commune
        self.province = False

    def set_rows(self, rows: list[Entry], *, with_dates: bool = False) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.with_dates = with_dates
        self.endResetModel()

    def set_actor(self, actor: Actor | None) -> None:
        self.beginResetModel()
        self._actor = actor
        self.endResetModel()

    def entry(self, row: int) -> Entry:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else COLUMNS

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            if 0 <= section < COLUMNS:
                return _header(section, getattr(self, "province", False))
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        e = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(e, column)
        if role == SORT_ROLE:
            return e.arrived_at.timestamp() if column == TIME else self._text(e, column)
        if role == ENTRY_ROLE:
            return e
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == NOTES and e.notes:
                return e.notes
            if column == SITE:
                return e.site_name
            if column == PLATE and e.vehicle_kind:
                return e.vehicle_kind
            if column == DECLARED and e.temperature is not None:
                return f"{e.temperature:.1f} °C".replace(".", ",")
            return None
        if role == Qt.ItemDataRole.ForegroundRole and column == DECLARED:
            if not e.health_declared or (e.temperature or 0) >= FEVER:
                return QBrush(_UNDECLARED)
        if role == Qt.ItemDataRole.FontRole and column == DECLARED and not e.health_declared:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (TIME, PEOPLE):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _text(self, e: Entry, column: int) -> str:
        if column == TIME:
            local = e.local_time
            when = local.strftime("%H:%M")
            return f"{format_date(local.date())} {when}" if self.with_dates else when
        if column == SITE:
            return short_site_name(e.site_name)
        if column == NAME:
            if e.direction == "out":
                return QCoreApplication.translate(
                    "CheckpointEntryModel", "{name} (leaving)"
                ).format(name=e.full_name)
            return e.full_name
        if column == PEOPLE:
            return str(e.people_count)
        if column == FROM:
            return e.from_place
        if column == TO:
            return e.to_place
        if column == PLATE:
            return e.vehicle_plate or e.vehicle_kind
        if column == PHONE:
            return mask(e.phone, self._actor)
        if column == DECLARED:
            text = (
                QCoreApplication.translate("CheckpointEntryModel", "Declared")
                if e.health_declared
                else QCoreApplication.translate("CheckpointEntryModel", "Not declared")
            )
            if e.temperature is not None and e.temperature >= FEVER:
                text += " · " + QCoreApplication.translate("CheckpointEntryModel", "fever")
            return text
        if column == NOTES:
            return e.notes
        if column == COMMUNE:
            return getattr(self, "communes", {}).get(e.device_id, "")
        return ""
