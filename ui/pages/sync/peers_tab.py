"""Trusted senders: whose key a person checked, and what each last sent."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from fieldapp.db.database import Database
from fieldapp.sync import receive
from fieldapp.text.vietnamese import format_datetime
from ui.pages.sync.dialogs import big_monospace, table_defaults


def local_time(moment: datetime | None) -> str:
    return format_datetime(moment.astimezone()) if moment else ""


class PeersTab(QWidget):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        layout = QVBoxLayout(self)
        self.peers_help = QLabel()
        self.peers_help.setWordWrap(True)
        layout.addWidget(self.peers_help)
        self.peers = QTableWidget(0, 4)
        self.peers.setObjectName("peersTable")
        table_defaults(self.peers)
        layout.addWidget(self.peers, 1)

    def retranslate(self) -> None:
        self.peers_help.setText(
            self.tr("Senders whose key a person has checked and trusted, and their last package.")
        )
        self.peers.setHorizontalHeaderLabels(
            [self.tr("Sender"), self.tr("Fingerprint"), self.tr("Last package"), self.tr("No.")]
        )

    def refresh(self) -> None:
        peers = receive.list_peers(self.db)
        self.peers.setRowCount(len(peers))
        mono = big_monospace(1.0)
        mono.setBold(False)
        for row, p in enumerate(peers):
            fp = QTableWidgetItem(p.fingerprint)
            fp.setFont(mono)
            last = local_time(p.last_package_at) or self.tr("nothing yet")
            for col, item in enumerate(
                [
                    QTableWidgetItem(p.commune),
                    fp,
                    QTableWidgetItem(last),
                    QTableWidgetItem(str(p.last_sequence)),
                ]
            ):
                self.peers.setItem(row, col, item)
        self.peers.resizeColumnsToContents()
