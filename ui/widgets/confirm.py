"""Asking a person before something sensitive leaves the computer."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from fieldapp.personal_data import WARNING


def confirm_personal_export(parent: QWidget) -> bool:
    """Show the personal-data warning; True when the person confirms (the default is No)."""
    box = QMessageBox(QMessageBox.Icon.Warning, "fieldapp", WARNING, parent=parent)
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes
