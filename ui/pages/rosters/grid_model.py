"""The week grid of one site as a table model: shifts (rows) × days (columns), names in cells.

Each cell shows its people (the shift leader first, marked ●; locked ones in bold; anyone
with a conflict in red) and what is missing; the background says how the cell stands (red:
a rule broken, amber: people or a role missing, grey: the site is not active that day) and
the tooltip gives every reason in words. :class:`CellDelegate` draws the small rich text.
"""

from __future__ import annotations

from datetime import date
from html import escape

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont, QPalette, QTextDocument
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from fieldapp.rostering.instance import role_label
from fieldapp.rostering.views import GridCell, WeekGrid
from ui.pages.rosters.common import short_date, weekday_name

HTML_ROLE = Qt.ItemDataRole.UserRole + 1
CELL_ROLE = Qt.ItemDataRole.UserRole + 2

CONFLICT_COLOUR = QColor("#fbd5d5")
MISSING_COLOUR = QColor("#ffe9b3")
CLOSED_COLOUR = QColor("#e6e6e6")
LEADER_MARK = "●"


class WeekGridModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.grid: WeekGrid | None = None
        self._days: list[date] = []
        self._html: dict[tuple[int, int], str] = {}  # painting asks often: made once per grid

    def set_grid(self, grid: WeekGrid | None) -> None:
        self.beginResetModel()
        self.grid = grid
        self._days = grid.days if grid is not None else []
        self._html = {}
        self.endResetModel()

    def retranslate(self) -> None:
        """The words of the cells in the new language (the cached text is dropped)."""
        self._html = {}
        rows = self.rowCount()
        if rows:
            self.dataChanged.emit(self.index(0, 0), self.index(rows - 1, self.columnCount() - 1))
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
            self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, rows - 1)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        if parent.isValid() or self.grid is None:
            return 0
        return len(self.grid.shifts)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        if parent.isValid() or self.grid is None:
            return 0
        return 7

    def cell(self, index: QModelIndex) -> GridCell | None:
        if self.grid is None or not index.isValid():
            return None
        day = self._days[index.column()]
        return self.grid.cells[(day, self.grid.shifts[index.row()].id)]

    def index_of(self, day, shift: str) -> QModelIndex:
        if self.grid is None:
            return QModelIndex()
        row = next(i for i, s in enumerate(self.grid.shifts) if s.id == shift)
        return self.index(row, self.grid.days.index(day))

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ):
        cell = self.cell(index)
        if cell is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            lines = [(LEADER_MARK + " " if p.leader else "") + p.name for p in cell.people]
            lines += [self._gap_label(g) for g in cell.gaps]
            if not cell.active:
                lines.append(self.tr("(not active)"))
            return "\n".join(lines)
        if role == HTML_ROLE:
            key = (index.row(), index.column())
            if key not in self._html:
                self._html[key] = self._cell_html(cell)
            return self._html[key]
        if role == CELL_ROLE:
            return cell
        if role == Qt.ItemDataRole.ToolTipRole:
            reasons = cell.reasons
            if not cell.active:
                reasons = [self.tr("The site is not active this day."), *reasons]
            names = [
                f"{LEADER_MARK + ' ' if p.leader else ''}{p.name} ({p.unit})"
                + (self.tr(" — locked") if p.locked else "")
                for p in cell.people
            ]
            return "\n".join(names + ([""] if names and reasons else []) + reasons) or None
        if role == Qt.ItemDataRole.BackgroundRole:
            if not cell.active:
                return QBrush(CLOSED_COLOUR)
            if any(p.conflicts for p in cell.people):
                return QBrush(CONFLICT_COLOUR)
            if cell.gaps or cell.problems:
                return QBrush(MISSING_COLOUR)
        return None

    def _gap_label(self, gap) -> str:
        """ "— thiếu 1 công an —" / "— thiếu 2 người —": the role named when one is missing."""
        if gap.role:
            return self.tr("— {n} {role} missing —").format(
                n=gap.missing, role=role_label(gap.role)
            )
        return self.tr("— {n} missing —").format(n=gap.missing)

    def _cell_html(self, cell: GridCell) -> str:
        parts = []
        for p in cell.people:
            text = escape(p.name)
            if p.leader:
                text = f"{LEADER_MARK}&nbsp;{text}"
            if p.locked:
                text = f"<b>{text}</b>"
            if p.conflicts:
                text = f'<span style="color:#a00000">{text}&nbsp;⚠</span>'
            parts.append(text)
        for gap in cell.gaps:
            label = escape(self._gap_label(gap))
            parts.append(f'<span style="color:#8a5a00"><b><i>{label}</i></b></span>')
        for problem in cell.problems:
            if problem.kind != "role":  # role gaps are named above
                message = escape(problem.message)
                parts.append(f'<span style="color:#8a5a00"><i>{message}</i></span>')
        if not cell.active:
            closed_word = self.tr("(not active)")
            parts.append(f'<span style="color:#666666"><i>{escape(closed_word)}</i></span>')
        return "<br>".join(parts)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):  # noqa: N802
        if self.grid is None:
            return None
        if role == Qt.ItemDataRole.FontRole and orientation == Qt.Orientation.Horizontal:
            if self.grid.days[section] == date.today():
                font = QFont()
                font.setBold(True)
                font.setUnderline(True)
                return font
            return None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            day = self.grid.days[section]
            return f"{weekday_name(day)} {short_date(day)}"
        shift = self.grid.shifts[section]
        shift_word = self.tr("Shift")
        return f"{shift_word} {shift.number}\n{shift.times}"


class CellDelegate(QStyledItemDelegate):
    """Draws a cell's small rich text (names, marks) over the model's background."""

    def paint(self, painter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        doc = QTextDocument()
        doc.setDefaultFont(opt.font)
        doc.setDocumentMargin(3)
        html = index.data(HTML_ROLE) or ""
        if opt.state & QStyle.StateFlag.State_Selected:
            colour = opt.palette.color(QPalette.ColorRole.HighlightedText).name()
            html = f'<span style="color:{colour}">{html}</span>'
        doc.setHtml(html)
        doc.setTextWidth(opt.rect.width())
        painter.save()
        painter.translate(opt.rect.topLeft())
        painter.setClipRect(QRectF(0, 0, opt.rect.width(), opt.rect.height()))
        doc.drawContents(painter)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setDocumentMargin(3)
        doc.setHtml(index.data(HTML_ROLE) or "")
        doc.setTextWidth(max(80, option.rect.width()))
        return QSize(int(doc.idealWidth()), int(doc.size().height()))
