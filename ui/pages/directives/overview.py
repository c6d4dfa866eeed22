"""What the directives register adds to the overview: items due today and overdue.

``overview_card`` is the figure (how many items need doing today, how many are late);
``overview_panel`` lists them, late first. Double-clicking one opens its directive on the
directives page with the item selected.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QHeaderView,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ui.pages.overview import Card
from ui.widgets.rows_model import Row, RowsTable

if TYPE_CHECKING:  # the card paints at start-up before SQLAlchemy is loaded (issue 17)
    from fieldapp.db.database import Database
    from fieldapp.directives.forms import DueItem
    from fieldapp.overview_figures import OverviewFigures

MIN_ROWS = 3  # the overview is shared with other registers: take what space there is


class DirectivesCard(Card):
    def __init__(self, db: Database | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")  # styled like the other figures
        self.db = db
        self._today = 0
        self._overdue = 0
        self.retranslate()

    def refresh(self) -> None:
        from fieldapp.directives.queries import items_due

        due = items_due(self.db)
        self._today, self._overdue = len(due.today), len(due.overdue)
        self.retranslate()

    def show_figures(self, figures: OverviewFigures) -> None:
        self._today, self._overdue = figures.directives.today, figures.directives.overdue
        self.retranslate()

    def retranslate(self) -> None:
        self.value.setText(str(self._today + self._overdue))
        self.value.setStyleSheet("color: #b00020;" if self._overdue else "")
        self.caption.setText(
            self.tr("directive items to do: {today} due today, {overdue} overdue").format(
                today=self._today, overdue=self._overdue
            )
        )

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt naming
        if event.type() == event.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class DueItemsPanel(QGroupBox):
    """The list of items due today and overdue; double-click opens the directive."""

    COLUMNS = 6

    def __init__(self, db: Database | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dueItemsPanel")
        self.db = db
        self.entries: list[DueItem] = []
        self.table = RowsTable([""] * self.COLUMNS, stretch_last=False)
        self.table.setObjectName("dueItems")
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        for col, width in ((0, 180), (1, 165), (2, 46), (4, 190), (5, 90)):
            header.resizeSection(col, width)
        row_height = self.table.verticalHeader().defaultSectionSize()
        self.table.setMinimumHeight(header.sizeHint().height() + row_height * MIN_ROWS + 4)
        self.table.row_activated.connect(self._on_open)
        self.empty = QLabel()
        self.empty.setObjectName("noDueItems")
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addStretch(0)
        self._filled = False  # at start-up the list comes a moment after the figures
        self.retranslate()

    def refresh(self) -> None:
        from fieldapp.directives.queries import items_due
        from ui.pages.directives.common import (
            DANGER,
            OVERDUE_BACKGROUND,
            TODAY_BACKGROUND,
            status_name,
        )

        self._filled = True
        due = items_due(self.db)
        self.entries = [*due.overdue, *due.today]
        rows = []
        for entry in self.entries:
            late = entry.item.due_state == "overdue"
            due_text = entry.item.due.display()
            if late:
                due_text = self.tr("{due} (overdue)").format(due=due_text)
            who = entry.item.responsible_unit or self.tr("not assigned")
            if entry.item.responsible_person:
                who += f" – {entry.item.responsible_person}"
            values = (
                due_text,
                entry.directive_title,
                entry.item.label,
                " ".join(entry.item.text.split()),
                who,
                status_name(entry.item.status),
            )
            tips = dict(enumerate(values))
            tips[3] = entry.item.text
            rows.append(
                Row(
                    values,
                    entry.item.id,
                    background=OVERDUE_BACKGROUND if late else TODAY_BACKGROUND,
                    cell_foreground={0: DANGER} if late else {},
                    bold_columns={0} if late else set(),
                    cell_tooltips=tips,
                    align={2: Qt.AlignmentFlag.AlignCenter},
                )
            )
        self.table.set_rows(rows)
        self.table.setVisible(bool(self.entries))
        self.empty.setVisible(not self.entries)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Directive items due today and overdue (double-click to open)"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Deadline"),
                self.tr("Directive"),
                self.tr("Item"),
                self.tr("Task"),
                self.tr("Who"),
                self.tr("Status"),
            ]
        )
        self.empty.setText(
            self.tr("No directive item is due today or overdue.") if self._filled else ""
        )

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt naming
        if event.type() == event.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _on_open(self, row: int, _column: int = 0) -> None:
        if not 0 <= row < len(self.entries):
            return
        entry = self.entries[row]
        window = self.window()
        show_page = getattr(window, "show_page", None)
        pages = getattr(window, "pages", {})
        page = pages.get("directives") if isinstance(pages, dict) else None
        if show_page is None or page is None or not hasattr(page, "open_directive"):
            return
        show_page("directives")
        page.open_directive(entry.directive_id, entry.item.id)


def overview_card(db: Database | None) -> DirectivesCard:
    return DirectivesCard(db)


def overview_panel(db: Database | None) -> DueItemsPanel:
    return DueItemsPanel(db)
