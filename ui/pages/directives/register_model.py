"""The register as a table: one row per directive, sortable, with urgent and late rows marked.

:class:`DirectiveTableModel` holds :class:`~fieldapp.directives.register.DirectiveRow` values
(filtering is done by the core, in SQL) and sorts them itself, in Python, with Vietnamese
collation and real dates (a sort proxy calling Python for every comparison takes seconds on
a register of 10,000). While a search is active, rows come in search order and the subject
column shows the highlighted snippet (HTML, drawn by :class:`HtmlDelegate`).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QAbstractTextDocumentLayout, QBrush, QFont, QPalette, QTextDocument
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from fieldapp.directives.register import FIELD_NAMES, DirectiveRow
from fieldapp.directives.search import SearchHit
from fieldapp.text.vietnamese import format_date, sort_key
from ui.pages.directives.common import (
    DANGER,
    OVERDUE_BACKGROUND,
    STATUS_COLORS,
    STATUS_ORDER,
    URGENCY_COLORS,
    URGENT_BACKGROUND,
    status_name,
)

Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
HTML_ROLE = Qt.ItemDataRole.UserRole + 3

ARRIVAL, TITLE, ISSUER, ISSUED, SUBJECT, URGENCY, PROGRESS, DUE = range(8)
COMMUNE = 8  # at a district: the commune that registered it (hidden in a commune)
HEADERS = (
    QT_TRANSLATE_NOOP("DirectiveTable", "No."),
    QT_TRANSLATE_NOOP("DirectiveTable", "Directive"),
    QT_TRANSLATE_NOOP("DirectiveTable", "Issued by"),
    QT_TRANSLATE_NOOP("DirectiveTable", "Date"),
    QT_TRANSLATE_NOOP("DirectiveTable", "Subject"),
    QT_TRANSLATE_NOOP("DirectiveTable", "Urgency"),
    QT_TRANSLATE_NOOP("DirectiveTable", "Progress"),
    QT_TRANSLATE_NOOP("DirectiveTable", "Deadline"),
    QT_TRANSLATE_NOOP("DirectiveTable", "Commune"),
)
DISTRICT_HEADER = QT_TRANSLATE_NOOP("DirectiveTable", "District")  # at a province


def _tr(text: str) -> str:
    return QCoreApplication.translate("DirectiveTable", text)


class DirectiveTableModel(QAbstractTableModel):
    """Rows of the register; ``set_rows`` replaces them all."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[DirectiveRow] = []
        self._hits: dict[int, SearchHit] = {}
        self._order: dict[int, int] = {}
        self._sort_column = ARRIVAL
        self._sort_order = Qt.SortOrder.DescendingOrder
        self.today = date.today()
        self.communes: dict[str, str] = {}  # device id → commune (at a district)
        self.province = False  # at a province the column names the district

    # -- content --------------------------------------------------------------------------

    def set_rows(self, rows: list[DirectiveRow], hits: list[SearchHit] | None = None) -> None:
        """Show ``rows``; with ``hits`` (a search) in the hits' order, snippets shown."""
        self.beginResetModel()
        self.today = date.today()
        self._hits = {h.directive_id: h for h in hits or []}
        if hits is not None:
            rank = {h.directive_id: i for i, h in enumerate(hits)}
            rows = sorted(rows, key=lambda r: rank.get(r.id, len(rank)))
        else:
            rows = self._sorted(rows)
        self._rows = list(rows)
        self._order = {r.id: i for i, r in enumerate(self._rows)}
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by ``column`` (remembered for the next :meth:`set_rows`)."""
        if column < 0:
            return
        self._sort_column, self._sort_order = column, order
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        ids = [self._rows[i.row()].id if 0 <= i.row() < len(self._rows) else None for i in old]
        self._rows = self._sorted(self._rows)
        self._order = {r.id: i for i, r in enumerate(self._rows)}
        new = [
            self.index(self._order[d], i.column()) if d in self._order else QModelIndex()
            for d, i in zip(ids, old, strict=True)
        ]
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()

    def _sorted(self, rows: list[DirectiveRow]) -> list[DirectiveRow]:
        column, descending = self._sort_column, self._sort_order == Qt.SortOrder.DescendingOrder
        return sorted(rows, key=lambda r: self.sort_value(r, column), reverse=descending)

    @property
    def searching(self) -> bool:
        return bool(self._hits)

    def row_at(self, row: int) -> DirectiveRow:
        return self._rows[row]

    def row_of(self, directive_id: int) -> int | None:
        return self._order.get(directive_id)

    def hit(self, directive_id: int) -> SearchHit | None:
        return self._hits.get(directive_id)

    # -- Qt -------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if section == COMMUNE and getattr(self, "province", False):
                return _tr(DISTRICT_HEADER)
            return _tr(HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(r, col)
        if role == ID_ROLE:
            return r.id
        if role == SORT_ROLE:
            return self.sort_value(r, col)
        if role == HTML_ROLE and col == SUBJECT:
            return self._html(r)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(r, col)
        if role == Qt.ItemDataRole.BackgroundRole:
            if r.overdue:
                return QBrush(OVERDUE_BACKGROUND)
            if r.urgency == "Hỏa tốc":
                return QBrush(URGENT_BACKGROUND)
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == URGENCY and r.urgency in URGENCY_COLORS:
                return QBrush(URGENCY_COLORS[r.urgency])
            if col == DUE and r.overdue:
                return QBrush(DANGER)
            if col == PROGRESS:
                return QBrush(STATUS_COLORS[r.status])
            return None
        if role == Qt.ItemDataRole.FontRole:
            if (col == URGENCY and r.urgency) or (col == DUE and (r.overdue or r.due_today)):
                font = QFont()
                font.setBold(True)
                return font
            return None
        if role == Qt.ItemDataRole.DecorationRole and col == TITLE and r.missing:
            return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (ARRIVAL, PROGRESS):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _display(self, r: DirectiveRow, col: int) -> str:
        if col == ARRIVAL:
            return str(r.arrival_number) if r.arrival_number else ""
        if col == TITLE:
            return (f"{r.kind} {r.number}".strip() if r.number else r.kind) or "—"
        if col == ISSUER:
            return r.issuer or "—"
        if col == ISSUED:
            return format_date(r.issued_on) or "—"
        if col == SUBJECT:
            return " ".join(r.subject.split())
        if col == URGENCY:
            return r.urgency
        if col == PROGRESS:
            return f"{status_name(r.status)} {r.finished}/{r.items_total}"
        if col == DUE:
            if r.overdue:
                return QCoreApplication.translate("DirectiveTable", "Overdue ({n})").format(
                    n=r.overdue
                )
            if r.due_today:
                return QCoreApplication.translate("DirectiveTable", "Today ({n})").format(
                    n=r.due_today
                )
            return format_date(r.next_due)
        if col == COMMUNE:
            return self.communes.get(r.device_id, "")
        return ""

    def _html(self, r: DirectiveRow) -> str | None:
        hit = self._hits.get(r.id)
        if hit is None:
            return None
        lines = [hit.snippet.html()]
        if hit.items:
            item = hit.items[0]
            label = QCoreApplication.translate("DirectiveTable", "Item {label}:").format(
                label=item.label
            )
            line = f"{label} {item.snippet.html()}"
            if hit.items_matched > 1:
                more = QCoreApplication.translate("DirectiveTable", "(+{n} items)").format(
                    n=hit.items_matched - 1
                )
                line = f"<i>{more}</i> {line}"
            lines.append(f"<span style='color:#444'>{line}</span>")
        return "<br>".join(lines)

    def _tooltip(self, r: DirectiveRow, col: int) -> str | None:
        if col == ARRIVAL and r.arrival_date:
            return QCoreApplication.translate("DirectiveTable", "Arrived on {date}").format(
                date=format_date(r.arrival_date)
            )
        if col == TITLE and r.missing:
            names = ", ".join(FIELD_NAMES.get(m, m) for m in r.missing)
            return QCoreApplication.translate(
                "DirectiveTable", "Not found in the text: {fields}"
            ).format(fields=names)
        if col == SUBJECT:
            return r.subject
        if col == PROGRESS:
            return ", ".join(f"{status_name(s)}: {r.status_counts.get(s, 0)}" for s in STATUS_ORDER)
        return None

    def sort_value(self, r: DirectiveRow, col: int) -> Any:
        """A key that sorts column ``col`` the way a Vietnamese reader expects."""
        if col == ARRIVAL:
            return (r.arrival_date or date.min, r.arrival_number or 0)
        if col == TITLE:
            return (sort_key(r.kind), sort_key(r.number))
        if col == ISSUER:
            return sort_key(r.issuer)
        if col == COMMUNE:
            return sort_key(self.communes.get(r.device_id, ""))
        if col == ISSUED:
            return r.issued_on or date.min
        if col == SUBJECT:
            return sort_key(r.subject)
        if col == URGENCY:
            return (
                ("", "Khẩn", "Thượng khẩn", "Hỏa tốc").index(r.urgency)
                if r.urgency
                in (
                    "Khẩn",
                    "Thượng khẩn",
                    "Hỏa tốc",
                )
                else 0
            )
        if col == PROGRESS:
            return (STATUS_ORDER.index(r.status), r.finished / max(r.items_total, 1))
        if col == DUE:
            return (-r.overdue, -r.due_today, r.next_due or date.max)
        return 0


class HtmlDelegate(QStyledItemDelegate):
    """Draws ``HTML_ROLE`` (highlighted search snippets) when the model gives it."""

    def paint(self, painter, option: QStyleOptionViewItem, index: Index) -> None:
        html = index.data(HTML_ROLE)
        if not html:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        style = opt.widget.style() if opt.widget else QApplication.style()
        opt.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        doc = self._document(html, opt)
        context = QAbstractTextDocumentLayout.PaintContext()
        if opt.state & QStyle.StateFlag.State_Selected:
            context.palette.setColor(
                QPalette.ColorRole.Text, opt.palette.color(QPalette.ColorRole.HighlightedText)
            )
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, opt.widget)
        painter.save()
        painter.translate(rect.topLeft())
        painter.setClipRect(QRectF(0, 0, rect.width(), rect.height()))
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        html = index.data(HTML_ROLE)
        if not html:
            return super().sizeHint(option, index)
        doc = self._document(html, option)
        return QSize(int(doc.idealWidth()), int(doc.size().height()))

    @staticmethod
    def _document(html: str, option: QStyleOptionViewItem) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setDefaultStyleSheet("b { background-color: #ffe27a; }")
        doc.setDocumentMargin(2)
        doc.setHtml(f"<div style='white-space:nowrap'>{html}</div>")
        return doc
