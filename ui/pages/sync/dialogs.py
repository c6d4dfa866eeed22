"""Dialogs and shared bits of the Sync page: trusting a new sender after comparing the
fingerprint; the fonts and table defaults the tabs share."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


def big_monospace(size: float = 2.0) -> QFont:
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setPointSizeF(QFont().pointSizeF() * size)
    font.setBold(True)
    return font


class TrustDialog(QDialog):
    """A package from a sender never seen: show the commune and the key's fingerprint, and
    ask the person to compare it with the sender by phone before trusting."""

    def __init__(
        self, commune: str, fingerprint: str, file_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New sender: compare the fingerprint"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "The package <b>%1</b> comes from <b>%2</b>, whose key this computer does not "
                "know yet."
            )
            .replace("%1", file_name)
            .replace("%2", commune or self.tr("an unknown sender"))
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        ask = QLabel(
            self.tr(
                "Call the sender and ask them to read the fingerprint shown on their Sync page. "
                "Trust the key only if every group of four characters is the same:"
            )
        )
        ask.setWordWrap(True)
        layout.addWidget(ask)
        self.fingerprint = QLabel(fingerprint)
        self.fingerprint.setObjectName("trustFingerprint")
        self.fingerprint.setFont(big_monospace())
        self.fingerprint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.fingerprint)
        buttons = QHBoxLayout()
        self.refuse_button = QPushButton(self.tr("It differs: do not trust"))
        self.refuse_button.setObjectName("refuseTrust")
        self.trust_button = QPushButton(self.tr("Same fingerprint: trust and import"))
        self.trust_button.setObjectName("acceptTrust")
        self.refuse_button.setDefault(True)  # Enter never trusts by accident
        self.refuse_button.clicked.connect(self.reject)
        self.trust_button.clicked.connect(self.accept)
        buttons.addWidget(self.refuse_button)
        buttons.addStretch(1)
        buttons.addWidget(self.trust_button)
        layout.addLayout(buttons)
        self.setMinimumSize(760, 300)


def table_defaults(table) -> None:
    """Read-only, whole rows selected one at a time, no row numbers, text wrapped."""
    from PySide6.QtWidgets import QAbstractItemView

    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.setWordWrap(True)
    table.horizontalHeader().setStretchLastSection(True)
