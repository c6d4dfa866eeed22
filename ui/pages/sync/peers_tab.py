"""Trusted senders: whose key a person checked, and what each last sent."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from fieldapp.db.database import Database
from fieldapp.sync import receive
from fieldapp.text.vietnamese import format_datetime
from ui.pages.sync.dialogs import big_monospace, table_defaults
from ui.widgets.rows_model import Row, RowsTable


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
        self.peers = RowsTable(["", "", "", ""])
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
        mono = big_monospace(1.0)
        mono.setBold(False)
        self.peers.set_rows(
            Row(
                [
                    p.commune,
                    p.fingerprint,
                    local_time(p.last_package_at) or self.tr("nothing yet"),
                    str(p.last_sequence),
                ],
                p.fingerprint,
                cell_font={1: mono},
            )
            for p in peers
        )
        self.peers.resizeColumnsToContents()
