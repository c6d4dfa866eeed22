"""Importing a household list: choose, preview every row's problems, then write.

Any of .xlsx, .xls, .ods and .csv, every visible sheet; or the tables of a Word (.docx,
.doc), .odt, .rtf or web-page file, or of a PDF printed from Word or a spreadsheet. Reading and writing run through the
window's one operation runner (:mod:`ui.operations`) with a progress dialog and cancel. The
preview shows the counts of each sheet (and why a sheet was skipped), then the rows — head or
member, new or already known, and their problems (red: not a person, left out; yellow: kept,
to check) — before anything is written. The rows that need attention can be saved as an
.xlsx in the same layout, to fix and import again. The import is one transaction, recorded as
one operation; the last import into an area can be undone as a whole.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
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
from fieldapp.errors import NeedsConfirmation
from fieldapp.households.author import default_author
from fieldapp.households.excel_import import (
    ImportPreview,
    ImportResult,
    PreviewRow,
    apply_import,
    last_import,
    plan_preview,
    read_roster,
    undo_import,
)
from fieldapp.households.service import list_areas
from fieldapp.text.vietnamese import format_date
from ui.errors import show_error
from ui.operations import CollectionOp, QueryOp

_RED = QBrush(QColor("#fde2e1"))
_YELLOW = QBrush(QColor("#fff4ce"))


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
        return 0 if parent.isValid() else 6

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
            self.tr("Sheet"),
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
                "household": self.tr("household heading"),
                "skipped": self.tr("skipped"),
                "total": self.tr("total / end of table"),
            }.get(row.kind, row.kind)
        if col == 2:
            return row.name
        if col == 5:
            return row.sheet
        if col == 3:
            if row.rejected:
                return self.tr("left out")
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
    """Choose a file and an area, look at the preview, then import (or undo the last one)."""

    imported = Signal()

    def __init__(self, db: Database, area_id: int | None = None, parent=None) -> None:
        super().__init__(parent)
        self.db = db
        self.preview: ImportPreview | None = None
        self.result: ImportResult | None = None
        self._running = 0
        self.setWindowTitle(self.tr("Import a household list"))
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
                "Choose the commune's list (.xlsx, .xls, .ods or .csv, every sheet read; or a "
                "table in a Word file, .docx or .doc). "
                "Nothing is written until you press Import: first you see every row and its "
                "problems."
            )
        )
        self.summary.setWordWrap(True)
        self.summary.setMinimumHeight(self.summary.fontMetrics().lineSpacing() * 3 + 6)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.summary)
        self.sheets = QLabel("")
        self.sheets.setWordWrap(True)
        self.sheets.setMinimumHeight(self.sheets.fontMetrics().lineSpacing() * 2 + 4)
        self.sheets.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.sheets)
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
        header.setStretchLastSection(False)
        for col, width in enumerate((60, 130, 200, 100, 420, 110)):
            self.table.setColumnWidth(col, width)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.progress = QProgressBar()
        self.progress.hide()
        layout.addWidget(self.progress)
        buttons = QHBoxLayout()
        self.undo_button = QPushButton(self.tr("&Undo last import…"))
        self.undo_button.clicked.connect(self._on_undo)
        buttons.addWidget(self.undo_button)
        self.save_button = QPushButton(self.tr("&Save rows that need attention…"))
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self._on_save_attention)
        buttons.addWidget(self.save_button)
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
        self._update_undo()
        if self.area.count() == 0:
            self.choose.setEnabled(False)
            self.summary.setText(self.tr("Create a lockdown area first: households belong to one."))

    # -- steps -------------------------------------------------------------------------------

    def _on_choose(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Household list"),
            "",
            self.tr(
                "Household lists (*.xlsx *.xlsm *.xls *.ods *.csv *.txt *.docx *.doc *.odt *.rtf "
                "*.htm *.html *.pdf);;All files (*)"
            ),
        )
        if name:
            self.load(name)

    def load(self, path: str) -> None:
        """Read ``path`` in the background and show the preview."""
        self.path.setText(path)
        area_id = self.area.currentData()
        self._busy(self.tr("Reading {name}…").format(name=Path(path).name))
        db = self.db

        def work(progress):
            preview = read_roster(path, progress=progress)
            plan_preview(db, preview, area_id)
            return preview

        self._run(
            QueryOp(self, work)
            .success(self._on_read)
            .failure(self._on_failed)
            .with_progress(self.tr("Reading {name}…").format(name=Path(path).name))
        )

    def _on_area(self) -> None:
        self._update_undo()
        if self.preview is not None and self.path.text():
            self.load(self.path.text())

    def _on_read(self, preview: ImportPreview) -> None:
        self._idle()
        self.preview = preview
        # Rows that are not people: those with data but no name (in the table) and the
        # titles, totals and blank rows (listed under the sheets): one count for both.
        rejected = len(preview.rejected)
        not_people = rejected + _left_out(preview.sheets)
        warnings = len(preview.warnings)
        self.summary.setText(
            self.tr(
                "To import: {households} households, {people} people (F0: {f0}, F1: {f1}) — "
                "{new_h} new households, {upd_h} updated; {new_p} new people; {status} status "
                "changes. IDs to check: {check}. Rows left out (not people): {rejected}. "
                "Warnings: {warnings}."
            ).format(
                households=len(preview.households),
                people=preview.people,
                f0=preview.count_status("F0"),
                f1=preview.count_status("F1"),
                new_h=preview.new_households,
                upd_h=preview.updated_households,
                new_p=preview.new_people,
                status=preview.status_changes,
                check=preview.needs_check,
                rejected=not_people,
                warnings=warnings,
            )
        )
        parts = []
        for sheet in preview.sheets:
            if sheet.skipped:
                parts.append(
                    self.tr("{sheet}: skipped ({why})").format(sheet=sheet.name, why=sheet.skipped)
                )
            else:
                parts.append(
                    self.tr("{sheet}: {households} households, {people} people").format(
                        sheet=sheet.name, households=sheet.households, people=sheet.people
                    )
                )
        self.sheets.setText(self.tr("Sheets — ") + "; ".join(parts))
        # Every row that is not a person, by sheet and row, with why (titles, totals...).
        left = [
            f"{sheet.name}: {line}" for sheet in preview.sheets for line in sheet.left_out_text()
        ]
        self.sheets.setToolTip(
            self.tr("Rows that are not people, left out:") + "\n" + "\n".join(left[:200])
            if left
            else ""
        )
        if left:
            self.sheets.setText(
                self.sheets.text()
                + " "
                + self.tr(
                    "({n} rows are not people: titles, totals, blank rows; see the tip)"
                ).format(n=_left_out(preview.sheets))
            )
        self.only_problems.setChecked(bool(rejected or warnings) and len(preview.rows) > 200)
        self._show_rows()
        self.import_button.setEnabled(bool(preview.households))
        self.save_button.setEnabled(bool(preview.attention_rows))

    def _show_rows(self) -> None:
        if self.preview is None:
            return
        rows = self.preview.rows
        if self.only_problems.isChecked():
            rows = [r for r in rows if r.problems]
        self.model.set_rows(rows)

    def _on_save_attention(self) -> None:
        if self.preview is None:
            return
        stem = Path(self.path.text()).stem or "danh-sach"
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save rows that need attention"),
            str(Path(self.path.text()).with_name(f"{stem}-can-xem-lai.xlsx")),
            self.tr("Excel files (*.xlsx)"),
        )
        if not name:
            return
        from fieldapp.households.attention import save_attention_rows

        preview = self.preview
        self._run(
            QueryOp(self, lambda _p: (save_attention_rows(preview, name), name))
            .success(self._on_saved)
            .failure(self._on_failed)
        )

    def _on_saved(self, result) -> None:
        self._idle()
        count, name = result
        QMessageBox.information(
            self,
            self.tr("Rows saved"),
            self.tr(
                "Saved {count} rows to {name}: fix them there and import the file again."
            ).format(count=count, name=Path(name).name),
        )

    def _on_import(self) -> None:
        if self.preview is None:
            return
        preview, area_id, db = self.preview, self.area.currentData(), self.db
        author = default_author(db)
        self._busy(self.tr("Importing…"))
        self._run(
            CollectionOp(
                self,
                lambda progress: apply_import(
                    db, preview, area_id, author=author, progress=progress
                ),
            )
            .success(self._on_imported)
            .failure(self._on_failed)
            .with_progress(self.tr("Importing {name}…").format(name=preview.file_name))
        )

    def _on_imported(self, result: ImportResult) -> None:
        self.result = result
        self._idle()
        self.imported.emit()
        if result.changed:
            text = self.tr(
                "Imported {households} households, {people} people (F0: {f0}, F1: {f1}); "
                "{new} new households. Rows left out (not people): {rejected}."
            ).format(
                households=result.households,
                people=result.people,
                f0=result.f0,
                f1=result.f1,
                new=result.new_households,
                rejected=len(result.rejected) + _left_out(result.sheets),
            )
        else:
            text = self.tr("The list is the same as the one already imported: nothing was changed.")
        self.summary.setText(text)
        self.import_button.setEnabled(False)
        QMessageBox.information(self, self.tr("Import finished"), text)
        self.accept()

    def _update_undo(self) -> None:
        area_id = self.area.currentData()
        record = last_import(self.db, area_id) if area_id is not None else None
        usable = record is not None and record.undone_at is None
        self.undo_button.setEnabled(usable)
        if usable:
            self.undo_button.setToolTip(
                self.tr("Undo the import of {name} ({date}): {households} households").format(
                    name=record.file_name,
                    date=format_date(record.imported_at.date()),
                    households=record.households,
                )
            )
        else:
            self.undo_button.setToolTip(self.tr("No import into this area to undo."))

    def _on_undo(self, *, force: bool = False) -> None:
        area_id = self.area.currentData()
        record = last_import(self.db, area_id)
        if record is None or record.undone_at is not None:
            return
        if not force:
            answer = QMessageBox.question(
                self,
                self.tr("Undo last import"),
                self.tr(
                    "Undo the import of {name}? The households and people it added are "
                    "removed and what it changed is put back."
                ).format(name=record.file_name),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        db = self.db
        self._busy(self.tr("Undoing the import…"))
        self._run(
            CollectionOp(self, lambda p: undo_import(db, area_id, force=force, progress=p))
            .success(self._on_undone)
            .failure(self._on_undo_failed)
            .with_progress(self.tr("Undoing the import…"))
        )

    def _on_undone(self, record) -> None:
        self._idle()
        self._update_undo()
        self.imported.emit()
        text = self.tr("The import of {name} was undone.").format(name=record.file_name)
        self.summary.setText(text)
        QMessageBox.information(self, self.tr("Undo last import"), text)

    def _on_undo_failed(self, exc: BaseException) -> None:
        self._idle()
        if isinstance(exc, NeedsConfirmation):
            answer = QMessageBox.question(self, self.tr("Undo last import"), str(exc))
            if answer == QMessageBox.StandardButton.Yes:
                self._on_undo(force=True)
            return
        self._on_failed(exc)

    def _on_failed(self, exc: BaseException) -> None:
        self._idle()
        from fieldapp.errors import Cancelled, UserError

        if isinstance(exc, Cancelled):
            self.summary.setText(self.tr("Cancelled: nothing was written."))
            return
        if isinstance(exc, UserError):
            self.summary.setText(str(exc))
        show_error(self, exc)

    # -- plumbing ----------------------------------------------------------------------------

    def _run(self, op) -> None:
        self._running += 1
        op.run_in_background()

    def _busy(self, text: str) -> None:
        self.summary.setText(text)
        self.progress.setRange(0, 0)  # a moving bar while the work runs
        self.progress.show()
        for w in (self.import_button, self.choose, self.area, self.save_button, self.undo_button):
            w.setEnabled(False)

    def _idle(self) -> None:
        self._running = max(0, self._running - 1)
        self.progress.hide()
        self.choose.setEnabled(True)
        self.area.setEnabled(True)
        self._update_undo()
        if self.preview is not None:
            self.save_button.setEnabled(bool(self.preview.attention_rows))

    def busy(self) -> bool:
        return self._running > 0

    def reject(self) -> None:
        if self.busy():
            return  # an import is being written: it finishes or fails whole
        super().reject()


def _left_out(sheets) -> int:
    """Rows that are not people and are not in the table: titles, totals, blank rows."""
    return sum(b - a + 1 for sheet in sheets for a, b, _why in sheet.left_out)
