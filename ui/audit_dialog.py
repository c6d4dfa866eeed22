"""Browse the audit trail: who changed what and when, filtered; and check the chain."""

from __future__ import annotations

import json
from datetime import datetime, time

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from fieldapp.audit.models import AuditEntry
from fieldapp.audit.trail import browse, verify
from fieldapp.db.database import Database
from fieldapp.errors import UserError
from fieldapp.text.vietnamese import format_datetime
from ui.widgets.rows_model import Row, RowsTable


def _summary(entry: AuditEntry) -> str:
    before = json.loads(entry.before) if entry.before else {}
    after = json.loads(entry.after) if entry.after else {}
    if entry.action == "update":
        return "; ".join(f"{k}: {before.get(k)!s} → {after.get(k)!s}" for k in sorted(after))
    shown = after or before
    keys = [k for k in shown if k not in ("uuid", "created_at", "updated_at", "device_id", "id")]
    return "; ".join(f"{k}: {shown[k]!s}" for k in keys[:6])


class AuditDialog(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setWindowTitle(self.tr("Change log"))
        self.resize(1100, 560)
        layout = QVBoxLayout(self)
        filters = QHBoxLayout()
        self.table_filter = QComboBox()
        self.table_filter.addItem(self.tr("All tables"), None)
        with db.session() as s:
            query = select(AuditEntry.table_name).distinct().order_by(AuditEntry.table_name)
            for name in s.scalars(query):
                self.table_filter.addItem(name, name)
        self.actor_filter = QLineEdit()
        self.actor_filter.setPlaceholderText(self.tr("user name"))
        self.action_filter = QComboBox()
        self.action_filter.addItem(self.tr("All actions"), None)
        for code in ("create", "update", "delete"):
            self.action_filter.addItem(self.action_name(code), code)
        self.since = QDateEdit(QDate.currentDate().addDays(-30))
        self.until = QDateEdit(QDate.currentDate())
        for edit in (self.since, self.until):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
        show = QPushButton(self.tr("&Show"))
        show.clicked.connect(self.reload)
        self.verify_button = QPushButton(self.tr("&Check the log"))
        self.verify_button.clicked.connect(self._on_verify)
        for widget in (
            QLabel(self.tr("Table")),
            self.table_filter,
            QLabel(self.tr("By")),
            self.actor_filter,
            self.action_filter,
            QLabel(self.tr("From")),
            self.since,
            QLabel(self.tr("to")),
            self.until,
            show,
        ):
            filters.addWidget(widget)
        filters.addStretch(1)
        filters.addWidget(self.verify_button)
        layout.addLayout(filters)
        self.table = RowsTable(
            [
                self.tr("Time"),
                self.tr("By"),
                self.tr("Action"),
                self.tr("Table"),
                self.tr("Record"),
                self.tr("Changes"),
            ]
        )
        self.table.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.reload()

    def action_name(self, code: str) -> str:
        return {
            "create": self.tr("created"),
            "update": self.tr("changed"),
            "delete": self.tr("deleted"),
        }.get(code, code)

    def reload(self) -> None:
        since = datetime.combine(self.since.date().toPython(), time.min).astimezone()
        until = datetime.combine(self.until.date().toPython(), time.max).astimezone()
        try:
            entries = browse(
                self.db,
                table=self.table_filter.currentData(),
                actor=self.actor_filter.text().strip() or None,
                action=self.action_filter.currentData(),
                since=since,
                until=until,
            )
        except UserError as err:
            self.status.setText(str(err))
            entries = []
        rows = []
        for e in entries:
            cells = [
                format_datetime(e.at.astimezone()),
                e.actor or self.tr("(single user)"),
                self.action_name(e.action),
                e.table_name,
                e.record,
                _summary(e),
            ]
            rows.append(Row(cells, getattr(e, "id", None), cell_tooltips={5: cells[5]}))
        self.table.set_rows(rows)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        if entries:
            self.status.setText(
                self.tr("{count} entries shown, newest first.").format(count=len(entries))
            )

    def _on_verify(self) -> None:
        report = verify(self.db)
        if report.ok:
            self.status.setText(
                self.tr("The log is whole: {count} entries, none changed or removed.").format(
                    count=report.entries
                )
            )
            self.status.setProperty("error", False)
        elif report.broken_at is not None:
            self.status.setText(
                self.tr(
                    "The log has been tampered with: entry {entry} was changed or removed "
                    "outside the app."
                ).format(entry=report.broken_at)
            )
        else:  # what the signed anchor beside the database found (core text, Vietnamese)
            self.status.setText(
                self.tr("The log has been tampered with: {problems}.").format(
                    problems="; ".join(report.anchor_problems)
                )
            )
            self.status.setProperty("error", True)
        self.status.setProperty("error", not report.ok)
        self.status.style().polish(self.status)
