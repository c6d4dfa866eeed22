"""Conflicts: two computers changed the same record; the newer change was kept and the other
is listed here, field by field in the words of the forms, for a person to choose."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from fieldapp.db.database import Database
from fieldapp.sync import receive
from fieldapp.sync.conflict_words import TABLE_LABELS, compare_rows
from ui.operations import CollectionOp
from ui.pages.sync.conflict_labels import ValueNames
from ui.pages.sync.dialogs import table_defaults
from ui.pages.sync.peers_tab import local_time
from ui.widgets.commune_filter import CommuneFilter
from ui.widgets.rows_model import Row, RowsTable


class ConflictsTab(QWidget):
    count_changed = Signal(int)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self._rows: list = []
        layout = QVBoxLayout(self)
        self.conflicts_help = QLabel()
        self.conflicts_help.setWordWrap(True)
        layout.addWidget(self.conflicts_help)
        # At a district: one commune's conflicts only (issue 18 part 4); absent in a commune.
        self.commune_label = QLabel()
        self.commune = CommuneFilter()
        self.commune.setObjectName("conflictsCommune")
        self.commune.currentIndexChanged.connect(self._show_rows)
        self.commune_label.setBuddy(self.commune)
        self.commune_label.hide()
        top = QHBoxLayout()
        top.addWidget(self.commune_label)
        top.addWidget(self.commune)
        top.addStretch(1)
        layout.addLayout(top)
        self._all: list = []
        split = QSplitter(Qt.Orientation.Horizontal)
        self.conflicts = RowsTable(["", "", ""])
        self.conflicts.setObjectName("conflictsTable")
        table_defaults(self.conflicts)
        self.conflicts.selectionModel().selectionChanged.connect(self._on_conflict_selected)
        split.addWidget(self.conflicts)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.compare = RowsTable(["", "", ""])
        self.compare.setObjectName("conflictCompare")
        table_defaults(self.compare)
        self.compare.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        right_layout.addWidget(self.compare, 1)
        who = QHBoxLayout()
        self.who_label = QLabel()
        self.who_edit = QLineEdit()
        self.who_edit.setObjectName("resolvedBy")
        self.who_label.setBuddy(self.who_edit)
        who.addWidget(self.who_label)
        who.addWidget(self.who_edit, 1)
        right_layout.addLayout(who)
        buttons = QHBoxLayout()
        self.keep_button = QPushButton()
        self.keep_button.setObjectName("keepVersion")
        self.keep_button.clicked.connect(lambda: self.resolve(receive.KEEP))
        self.other_button = QPushButton()
        self.other_button.setObjectName("useOther")
        self.other_button.clicked.connect(lambda: self.resolve(receive.USE_OTHER))
        buttons.addWidget(self.keep_button)
        buttons.addWidget(self.other_button)
        right_layout.addLayout(buttons)
        split.addWidget(right)
        split.setSizes([380, 760])
        layout.addWidget(split, 1)

    def retranslate(self) -> None:
        self.conflicts_help.setText(
            self.tr(
                "When two computers changed the same record, the newer change was kept and the "
                "other one is listed here. Compare them and choose."
            )
        )
        self.conflicts.setHorizontalHeaderLabels(
            [self.tr("Record"), self.tr("From"), self.tr("Changed at")]
        )
        self.compare.setHorizontalHeaderLabels(
            [self.tr("Field"), self.tr("In the register now"), self.tr("The other version")]
        )
        self.who_label.setText(self.tr("Decided by:"))
        self.keep_button.setText(self.tr("Keep the register's version"))
        self.other_button.setText(self.tr("Use the other version"))
        self._commune_texts()
        if self._rows:
            self._on_conflict_selected()

    def refresh(self) -> None:
        if self.db.actor is not None and not self.who_edit.text():
            self.who_edit.setText(self.db.actor.full_name)
        self._all = receive.list_conflicts(self.db)
        self.commune.fill(self.db)
        self._commune_texts()
        self._show_rows()
        self.count_changed.emit(len(self._all))

    def _commune_texts(self) -> None:
        self.commune.set_texts(
            self.tr("All communes"), self.tr("All districts"), self.tr("This office")
        )
        self.commune_label.setText(
            self.tr("&District") if self.commune.province else self.tr("&Commune")
        )
        self.commune_label.setVisible(self.commune.upper)

    def _show_rows(self) -> None:
        """The conflicts of the chosen commune (all in memory, a few at most)."""
        devices = self.commune.devices()
        rows = [c for c in self._all if devices is None or c.other_device in devices]
        self._rows = rows
        self.conflicts.set_rows(
            (
                Row(
                    [
                        TABLE_LABELS.get(c.table_name, c.table_name),
                        self.tr("this computer")
                        if c.other_device == self.db.device_id
                        else c.other_commune or c.other_device[:8],
                        local_time(c.other_at),
                    ],
                    c.id,
                )
                for c in rows
            ),
            keep_id=False,
        )
        self.conflicts.resizeColumnsToContents()
        self.compare.set_rows([])
        self.keep_button.setEnabled(False)
        self.other_button.setEnabled(False)
        if rows:
            self.conflicts.selectRow(0)

    def selected(self):
        row = self.conflicts.currentRow()
        if 0 <= row < len(self._rows):
            return self._rows[row]
        return None

    def _on_conflict_selected(self) -> None:
        conflict = self.selected()
        self.compare.set_rows([])
        enabled = conflict is not None
        self.keep_button.setEnabled(enabled)
        self.other_button.setEnabled(enabled)
        if conflict is None:
            return
        current, other = receive.conflict_versions(self.db, conflict.id)
        changed = QColor("#fff3cd")
        lines = [
            Row(
                [label, mine, theirs],
                name,
                background=changed if differs else None,
                bold_columns={0} if differs else set(),
            )
            for name, label, mine, theirs, differs in compare_rows(
                self.db,
                conflict.table_name,
                current,
                other,
                QCoreApplication.translate,
                ValueNames(self.db),
                deleted=self.tr("(deleted)"),
            )
        ]
        self.compare.set_rows(lines)
        self.compare.resizeRowsToContents()

    def resolve(self, choice: str) -> None:
        conflict = self.selected()
        if conflict is None:
            return
        db, who = self.db, self.who_edit.text()
        self.keep_button.setEnabled(False)
        self.other_button.setEnabled(False)
        (
            CollectionOp(self, lambda _p: receive.resolve_conflict(db, conflict.id, choice, by=who))
            .success(lambda _table: self.refresh())
            .failure(self._on_failed)
            .run_in_background()
        )

    def _on_failed(self, exc: BaseException) -> None:
        from ui.errors import show_error

        self.refresh()
        show_error(self, exc)
