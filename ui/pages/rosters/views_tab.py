"""Other views of the roster: a site's whole month, and every site on one day.

Both read through :class:`ui.operations.QueryOp` and show a table model; from either the
shift leader prints the wall sheet (a month on one A3 sheet or two A4 pages, chosen beside
the print button; A4 by default, the printer most communes have) or saves a picture for the
chat group.
A person's own month is the "By person" tab with its "This month" button.
"""

from __future__ import annotations

import tempfile
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fieldapp.db.database import Database
from fieldapp.rostering.instance import role_label
from fieldapp.rostering.sheets import day_image, print_day, print_roster, roster_image
from fieldapp.rostering.snapshot import list_sites
from fieldapp.rostering.store import month_span
from fieldapp.rostering.views import DayRow, WeekGrid, day_rows, month_grid
from fieldapp.text.vietnamese import format_date
from ui.operations import QueryOp
from ui.pages.rosters.common import fill_sites, from_qdate, print_key, to_qdate, weekday_name
from ui.pages.rosters.grid_model import LEADER_MARK
from ui.pages.rosters.print_preview import show_pdf_preview

GAP_COLOUR = QColor(255, 236, 200)
CLOSED_COLOUR = QColor(230, 230, 230)
_ModelIndex = QModelIndex | QPersistentModelIndex


def _gap_words(gaps) -> list[str]:
    out = []
    for g in gaps:
        if g.role:
            text = QCoreApplication.translate("RosterViews", "— {n} {role} missing —")
            out.append(text.format(n=g.missing, role=role_label(g.role)))
        else:
            text = QCoreApplication.translate("RosterViews", "— {n} missing —")
            out.append(text.format(n=g.missing))
    return out


def _shift_word() -> str:
    return QCoreApplication.translate("RosterViews", "Shift")


class MonthModel(QAbstractTableModel):
    """A site's month: a row per day, a column per shift; names, leader first, and gaps."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.grid: WeekGrid | None = None

    def set_grid(self, grid: WeekGrid | None) -> None:
        self.beginResetModel()
        self.grid = grid
        self.endResetModel()

    def rowCount(self, parent: _ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() or self.grid is None else self.grid.length

    def columnCount(self, parent: _ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() or self.grid is None else len(self.grid.shifts)

    def cell(self, index: _ModelIndex):
        if self.grid is None or not index.isValid():
            return None
        day = self.grid.days[index.row()]
        return self.grid.cells[(day, self.grid.shifts[index.column()].id)]

    def data(self, index: _ModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        cell = self.cell(index)
        if cell is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if not cell.active:
                return self.tr("(not active)")
            names = [(LEADER_MARK + " " if p.leader else "") + p.name for p in cell.people]
            return ", ".join(names + _gap_words(cell.gaps))
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(cell.reasons) or None
        if role == Qt.ItemDataRole.BackgroundRole:
            if not cell.active:
                return QBrush(CLOSED_COLOUR)
            if cell.gaps:
                return QBrush(GAP_COLOUR)
        return None

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if self.grid is None or role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            s = self.grid.shifts[section]
            return f"{_shift_word()} {s.number} ({s.times})"
        day = self.grid.days[section]
        return f"{weekday_name(day)} {day:%d/%m}"


class DayModel(QAbstractTableModel):
    """Every site on one day: a row per site and shift."""

    SITE, SHIFT, PEOPLE, MISSING = range(4)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[DayRow] = []

    def set_rows(self, rows: list[DayRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: _ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 4

    def data(self, index: _ModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.SITE:
                return row.site.name + (f" ({row.site.hotline})" if row.site.hotline else "")
            if not row.active:
                return self.tr("(not active)") if col == self.SHIFT else ""
            if col == self.SHIFT:
                shift = row.shift
                return f"{_shift_word()} {shift.number} ({shift.times})"
            if col == self.PEOPLE:
                return ", ".join(
                    (LEADER_MARK + " " if p.leader else "") + p.name for p in row.people
                )
            return ", ".join(_gap_words(row.gaps))
        if role == Qt.ItemDataRole.ToolTipRole and col == self.MISSING:
            return "\n".join(g.reason for g in row.gaps) or None
        if role == Qt.ItemDataRole.BackgroundRole:
            if not row.active:
                return QBrush(CLOSED_COLOUR)
            if row.gaps and col in (self.PEOPLE, self.MISSING):
                return QBrush(GAP_COLOUR)
        return None

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return (self.tr("Site"), self.tr("Shift"), self.tr("On duty"), self.tr("Missing"))[section]


class ViewsTab(QWidget):
    """Month of a site / one day across all sites, with print and chat-picture buttons."""

    MONTH, DAY = 0, 1

    def __init__(self, db: Database, parent=None) -> None:
        super().__init__(parent)
        self.db = db
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 6, 0, 0)
        bar = QHBoxLayout()
        self.mode = QComboBox()
        self.mode.addItems(["", ""])
        self.site = QComboBox()
        self.site.setMinimumContentsLength(24)
        self.day = QDateEdit(to_qdate(date.today()))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("dd/MM/yyyy")
        self.paper = QComboBox()  # the month's paper: one A3 sheet or two A4 pages
        self.paper.addItem("", "A3")
        self.paper.addItem("", "A4")
        self.paper.setCurrentIndex(self.paper.findData("A4"))
        self.print_button = QPushButton()
        self.image_button = QPushButton()
        for w in (self.mode, self.site, self.day):
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(self.paper)
        bar.addWidget(self.print_button)
        bar.addWidget(self.image_button)
        outer.addLayout(bar)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        outer.addWidget(self.summary)
        self.month_model = MonthModel(self)
        self.day_model = DayModel(self)
        self.table = QTableView()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(True)
        outer.addWidget(self.table, 1)
        self.mode.currentIndexChanged.connect(lambda _i: self.reload())
        self.site.currentIndexChanged.connect(lambda _i: self.reload())
        self.day.dateChanged.connect(lambda _d: self.reload())
        self.print_button.clicked.connect(self._on_print)
        print_key(self, self._on_print)
        self.image_button.clicked.connect(self._on_image)
        self.retranslate()

    def retranslate(self) -> None:
        self.mode.setItemText(self.MONTH, self.tr("Month of a site"))
        self.mode.setItemText(self.DAY, self.tr("One day, all sites"))
        self.paper.setItemText(self.paper.findData("A3"), self.tr("A3 landscape"))
        self.paper.setItemText(self.paper.findData("A4"), self.tr("A4 portrait"))
        self.paper.setToolTip(
            self.tr(
                "Paper for the month: a team of up to 20 people fits one A3 sheet, or two A4 "
                "pages to pin side by side; a larger team runs on to more pages"
            )
        )
        self.print_button.setText(self.tr("Print…"))
        self.image_button.setText(self.tr("Picture for a chat group…"))
        self.image_button.setToolTip(
            self.tr("A PNG sized for a phone screen: the week of this site, or this day")
        )

    # --- loading ---------------------------------------------------------------------------

    def refresh(self) -> None:
        first, length = month_span(self.chosen_day)
        fill_sites(
            self.site, list_sites(self.db), [first + timedelta(days=i) for i in range(length)]
        )
        self.reload()

    @property
    def chosen_day(self) -> date:
        return from_qdate(self.day.date())

    def reload(self) -> None:
        month = self.mode.currentIndex() == self.MONTH
        self.site.setEnabled(month)
        self.paper.setVisible(month)  # the day of all sites prints on A4 portrait
        db, day, site_id = self.db, self.chosen_day, self.site.currentData()
        if month:
            self.table.setModel(self.month_model)
            if site_id is None:
                self.month_model.set_grid(None)
                return
            QueryOp(self, lambda _p: month_grid(db, int(site_id), day)).success(
                self._show_month
            ).run_in_background()
        else:
            self.table.setModel(self.day_model)
            QueryOp(self, lambda _p: day_rows(db, day)).success(self._show_day).run_in_background()

    def _show_month(self, grid: WeekGrid) -> None:
        self.month_model.set_grid(grid)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()
        missing = sum(sum(g.missing for g in c.gaps) for c in grid.cells.values())
        self.summary.setText(
            self.tr("{site}, month {month}: {missing} places missing.").format(
                site=grid.site.name, month=f"{grid.week_start:%m/%Y}", missing=missing
            )
        )

    def _show_day(self, rows: list[DayRow]) -> None:
        self.day_model.set_rows(rows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(DayModel.PEOPLE, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()
        missing = sum(g.missing for r in rows for g in r.gaps)
        self.summary.setText(
            self.tr("{day}: {n} shifts at {sites} sites, {missing} places missing.").format(
                day=f"{weekday_name(self.chosen_day)} {format_date(self.chosen_day)}",
                n=sum(1 for r in rows if r.active),
                sites=len({r.site.id for r in rows}),
                missing=missing,
            )
        )

    # --- printing and pictures -------------------------------------------------------------

    def _on_print(self) -> None:
        db, day, site_id = self.db, self.chosen_day, self.site.currentData()
        path = Path(tempfile.mkdtemp(prefix="fieldapp-print-")) / "lich-truc.pdf"
        if self.mode.currentIndex() == self.MONTH:
            if site_id is None:
                return
            paper = self.paper.currentData() or "A4"

            def make(_p):
                return print_roster(db, path, day, [int(site_id)], month=True, paper=paper)
        else:

            def make(_p):
                return print_day(db, path, day)

        (
            QueryOp(self, make)
            .success(lambda pdf: show_pdf_preview(self, pdf, self.tr("Duty roster")))
            .with_progress(self.tr("Preparing the sheets…"))
            .run_in_background()
        )

    def _on_image(self) -> None:
        db, day, site_id = self.db, self.chosen_day, self.site.currentData()
        month = self.mode.currentIndex() == self.MONTH
        suggested = (
            f"lich-truc-tuan-{day - timedelta(days=day.weekday())}.png"
            if month
            else f"lich-truc-ngay-{day}.png"
        )
        target, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save picture"), suggested, "PNG (*.png)"
        )
        if not target:
            return
        path = Path(target if target.lower().endswith(".png") else target + ".png")
        if month and site_id is not None:

            def make(_p):
                return roster_image(db, path, day, int(site_id))
        else:

            def make(_p):
                return day_image(db, path, day)

        (
            QueryOp(self, make)
            .success(
                lambda png: QMessageBox.information(
                    self, self.tr("Duty roster"), self.tr("Saved: {path}").format(path=png)
                )
            )
            .with_progress(self.tr("Preparing the picture…"))
            .run_in_background()
        )
