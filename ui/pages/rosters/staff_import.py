"""The preview of a list of people on duty read from a file (:mod:`fieldapp.rostering.
staff_list`): who comes in, with what force, unit and phone, who is already in the register
or named twice, who needs checking and why, and which rows are not people. Importing writes
everyone new as one undoable operation (the page's ``_write``)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTableView, QVBoxLayout

from fieldapp.rostering.instance import role_label
from fieldapp.rostering.staff_list import StaffListPreview
from ui.pages.rosters.common import masked_phone

_CHECK = QColor("#fff3c4")  # yellow: comes in, to check
_SKIP = QColor("#e8e8e8")  # grey: already there or named twice, not added


class StaffImportDialog(QDialog):
    def __init__(self, db, preview: StaffListPreview, parent=None) -> None:
        super().__init__(parent)
        self.preview = preview
        self.setWindowTitle(
            self.tr("Import people on duty — {file}").format(file=preview.file_name)
        )
        self.resize(1100, 620)
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.left_out = QLabel()
        self.left_out.setWordWrap(True)
        layout.addWidget(self.left_out)
        self.model = QStandardItemModel(0, 7, self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.view, 1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.import_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._fill(db)

    def _fill(self, db) -> None:
        p = self.preview
        known = sum(1 for r in p.rows if r.known)
        twice = sum(1 for r in p.rows if r.twice and not r.known)
        flagged = sum(1 for r in p.to_add if r.problems)
        self.summary.setText(
            self.tr(
                "To add: {new} people ({check} to check). Already in the list, left as they "
                "are: {known}. Named twice in the file, added once: {twice}."
            ).format(new=len(p.to_add), check=flagged, known=known, twice=twice)
        )
        self.left_out.setText(
            self.tr("Rows that are not people: {n} (hover to see them)").format(n=len(p.left_out))
        )
        self.left_out.setToolTip("\n".join(p.left_out[:60]))
        self.import_button.setText(self.tr("Import {n} people").format(n=len(p.to_add)))
        self.import_button.setEnabled(bool(p.to_add))
        self.model.setHorizontalHeaderLabels(
            [
                self.tr("Row"),
                self.tr("Name"),
                self.tr("Roles"),
                self.tr("Unit"),
                self.tr("Phone"),
                self.tr("Will be"),
                self.tr("To check"),
            ]
        )
        for r in p.rows:
            if r.known:
                action = self.tr("already in the list")
            elif r.twice:
                action = self.tr("named twice: once")
            else:
                action = self.tr("new")
            roles = ", ".join(role_label(x) for x in r.roles) or self.tr("(not known)")
            cells = [
                f"{r.sheet} · {r.row}" if len(p.sheets) > 1 else str(r.row),
                r.name,
                roles,
                r.unit,
                masked_phone(db, r.phone),
                action,
                "; ".join(r.problems),
            ]
            items = [QStandardItem(text) for text in cells]
            colour = _SKIP if r.known or r.twice else (_CHECK if r.problems else None)
            for item in items:
                item.setToolTip(item.text())
                if colour is not None:
                    item.setBackground(QBrush(colour))
            self.model.appendRow(items)
        self.view.resizeColumnsToContents()
        for column, most in ((1, 240), (3, 220), (6, 420)):
            if self.view.columnWidth(column) > most:
                self.view.setColumnWidth(column, most)
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
