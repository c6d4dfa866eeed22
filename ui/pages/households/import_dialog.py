"""Importing an Excel household list: choose, preview every row's problems, then write.

Reading and writing run in a worker thread (a 5,000-household file takes seconds); the
preview shows each row of the sheet — head or member, new or already known, and its problems
(red: the row is refused; yellow: imported with a warning) — before anything is written.
The import itself is one transaction, with a progress bar.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRunnable,
    Qt,
    QThreadPool,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from fieldapp.db.database import Database
from fieldapp.errors import UserError
from fieldapp.households.excel_import import (
    ImportPreview,
    ImportResult,
    PreviewRow,
    apply_import,
    plan_preview,
    read_roster,
)
from fieldapp.households.service import list_areas
from fieldapp.settings import get_setting

_RED = QBrush(QColor("#fde2e1"))
_YELLOW = QBrush(QColor("#fff4ce"))


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(str)
    progress = Signal(int, int)


class Task(QRunnable):
    """Runs ``work(progress)`` in the thread pool; talks back only through signals."""

    def __init__(self, work: Callable[[Callable[[int, int], None]], object]) -> None:
        super().__init__()
        self.work = work
        self.signals = _Signals()

    def run(self) -> None:
        try:
            result = self.work(self.signals.progress.emit)
        except UserError as err:
            self.signals.failed.emit(str(err))
        except Exception:  # noqa: BLE001 - a bug: tell the user in one line, keep the window
            self.signals.failed.emit(
                QCoreApplication.translate(
                    "ImportDialog", "Unexpected error: the import stopped and nothing was written."
                )
            )
        else:
            self.signals.done.emit(result)


class PreviewModel(QAbstractTableModel):
    """The rows of the sheet as read: row number, kind, name, action, problems."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[PreviewRow] = []

    def set_rows(self, rows: list[PreviewRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 5

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("Row"),
            self.tr("Kind"),
            self.tr("Name"),
            self.tr("Will be"),
            self.tr("Problems"),
        )[section]

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.BackgroundRole:
            if row.rejected:
                return _RED
            if row.problems:
                return _YELLOW
            return None
        col = index.column()
        if role == Qt.ItemDataRole.ToolTipRole and col == 4 and row.problems:
            return "\n".join(p.text() for p in row.problems)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if col == 0:
            return str(row.row)
        if col == 1:
            return {
                "head": self.tr("head of household"),
                "member": self.tr("member"),
                "group": self.tr("village heading"),
                "skipped": self.tr("skipped"),
                "total": self.tr("total / end of table"),
            }.get(row.kind, row.kind)
        if col == 2:
            return row.name
        if col == 3:
            if row.rejected:
                return self.tr("refused")
            return {
                "new": self.tr("new"),
                "update": self.tr("updated"),
                "same": self.tr("unchanged"),
            }.get(row.action, "")
        if col == 4:
            return "; ".join(
                (f"{p.column}: " if p.column else "") + p.message for p in row.problems
            )
        return None


class ImportDialog(QDialog):
    """Choose a file and an area, look at the preview, then import."""

    imported = Signal()

    def __init__(self, db: Database, area_id: int | None = None, parent=None) -> None:
        super().__init__(parent)
        self.db = db
        self.preview: ImportPreview | None = None
        self.result: ImportResult | None = None
        self.pool = QThreadPool.globalInstance()
        self._tasks: list[Task] = []
        self.setWindowTitle(self.tr("Import a household list (Excel)"))
        self.resize(1060, 620)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        file_row = QHBoxLayout()
        self.path = QLineEdit()
        self.path.setReadOnly(True)
        self.choose = QPushButton(self.tr("&Choose file…"))
        self.choose.clicked.connect(self._on_choose)
        file_row.addWidget(self.path, 1)
        file_row.addWidget(self.choose)
        self.area = QComboBox()
        for area in list_areas(db):
            self.area.addItem(area.name, area.id)
        if area_id is not None:
            self.area.setCurrentIndex(max(0, self.area.findData(area_id)))
        self.area.currentIndexChanged.connect(self._on_area)
        form.addRow(self.tr("File"), file_row)
        form.addRow(self.tr("Into lockdown area"), self.area)
        layout.addLayout(form)
        self.summary = QLabel(
            self.tr(
                "Choose the commune's Excel list. Nothing is written until you press Import: "
                "first you see every row and its problems."
            )
        )
        self.summary.setWordWrap(True)
        self.summary.setMinimumHeight(self.summary.fontMetrics().lineSpacing() * 3 + 6)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.summary)
        self.only_problems = QCheckBox(self.tr("Show only rows with problems"))
        self.only_problems.toggled.connect(self._show_rows)
        layout.addWidget(self.only_problems)
        self.model = PreviewModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for col, width in enumerate((60, 150, 220, 100)):
            self.table.setColumnWidth(col, width)
        layout.addWidget(self.table, 1)
        self.progress = QProgressBar()
        self.progress.hide()
        layout.addWidget(self.progress)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.import_button = QPushButton(self.tr("&Import"))
        self.import_button.setEnabled(False)
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self._on_import)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.reject)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        if self.area.count() == 0:
            self.choose.setEnabled(False)
            self.summary.setText(self.tr("Create a lockdown area first: households belong to one."))

    # -- steps -------------------------------------------------------------------------------

    def _on_choose(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Household list"), "", self.tr("Excel files (*.xlsx)")
        )
        if name:
            self.load(name)

    def load(self, path: str) -> None:
        """Read ``path`` in the background and show the preview."""
        self.path.setText(path)
        area_id = self.area.currentData()
        self._busy(self.tr("Reading {name}…").format(name=Path(path).name))

        def work(_progress):
            preview = read_roster(path)
            plan_preview(self.db, preview, area_id)
            return preview

        self._start(work, self._on_read, self._on_failed)

    def _on_area(self) -> None:
        if self.preview is not None and self.path.text():
            self.load(self.path.text())

    def _on_read(self, preview: ImportPreview) -> None:
        self.preview = preview
        self._idle()
        rejected = len(preview.rejected)
        warnings = len(preview.warnings)
        self.summary.setText(
            self.tr(
                "Sheet {sheet}, header on row {header}. To import: {households} households, "
                "{people} people (F0: {f0}, F1: {f1}) — {new_h} new households, {upd_h} "
                "updated; {new_p} new people; {status} status changes. Refused rows: "
                "{rejected}. Warnings: {warnings}."
            ).format(
                sheet=preview.sheet,
                header=", ".join(str(r) for r in preview.header_rows),
                households=len(preview.households),
                people=preview.people,
                f0=preview.count_status("F0"),
                f1=preview.count_status("F1"),
                new_h=preview.new_households,
                upd_h=preview.updated_households,
                new_p=preview.new_people,
                status=preview.status_changes,
                rejected=rejected,
                warnings=warnings,
            )
        )
        self.only_problems.setChecked(bool(rejected or warnings) and len(preview.rows) > 200)
        self._show_rows()
        self.import_button.setEnabled(bool(preview.households))

    def _show_rows(self) -> None:
        if self.preview is None:
            return
        rows = self.preview.rows
        if self.only_problems.isChecked():
            rows = [r for r in rows if r.problems]
        self.model.set_rows(rows)

    def _on_import(self) -> None:
        if self.preview is None:
            return
        preview, area_id = self.preview, self.area.currentData()
        author = str(get_setting(self.db, "households.author") or "")
        self._busy(self.tr("Importing…"))
        self.progress.setRange(0, 100)

        def work(progress):
            return apply_import(self.db, preview, area_id, author=author, progress=progress)

        self._start(work, self._on_imported, self._on_failed)

    def _on_imported(self, result: ImportResult) -> None:
        self.result = result
        self._idle()
        self.imported.emit()
        text = self.tr(
            "Imported {households} households, {people} people (F0: {f0}, F1: {f1}); "
            "{new} new households. Refused rows: {rejected}."
        ).format(
            households=result.households,
            people=result.people,
            f0=result.f0,
            f1=result.f1,
            new=result.new_households,
            rejected=len(result.rejected),
        )
        self.summary.setText(text)
        self.import_button.setEnabled(False)
        QMessageBox.information(self, self.tr("Import finished"), text)
        self.accept()

    def _on_failed(self, message: str) -> None:
        self._idle()
        self.summary.setText(message)
        QMessageBox.warning(self, "fieldapp", message)

    # -- plumbing ----------------------------------------------------------------------------

    def _start(self, work, done, failed) -> None:
        task = Task(work)
        task.signals.done.connect(done)
        task.signals.failed.connect(failed)
        task.signals.progress.connect(self._on_progress)
        self._tasks.append(task)  # kept while the dialog lives: the signals must outlive run()
        task.setAutoDelete(False)
        self.pool.start(task)

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)

    def _busy(self, text: str) -> None:
        self.summary.setText(text)
        self.progress.setRange(0, 0)  # moving bar until the first progress report
        self.progress.show()
        for w in (self.import_button, self.choose, self.area):
            w.setEnabled(False)

    def _idle(self) -> None:
        self.progress.hide()
        self.choose.setEnabled(True)
        self.area.setEnabled(True)

    def busy(self) -> bool:
        return self.progress.isVisible()

    def reject(self) -> None:
        if self.busy():
            return  # an import is being written: it finishes or fails whole
        super().reject()
