"""Typing Vietnamese like a person. QTest.keyClicks only knows ASCII keys (it aborts on "ả"),
so other characters arrive as key events that carry their text, the way a Vietnamese
keyboard (Telex/VNI input) delivers a finished letter."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget


def type_text(qtbot, widget: QWidget, text: str) -> None:
    widget.setFocus()
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            )
