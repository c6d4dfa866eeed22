"""A button whose width does not follow its text, so the buttons beside it keep their places.

"Undo: <the last change>" can be long or short; a button sized by its text would push its
neighbours left and right after every change, and a click meant for one lands on another.
The text is elided to the fixed width; the whole text is the tooltip.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QPushButton, QSizePolicy, QStyle, QStyleOptionButton, QWidget

DEFAULT_WIDTH = 260


class FixedWidthButton(QPushButton):
    def __init__(self, parent: QWidget | None = None, *, width: int = DEFAULT_WIDTH) -> None:
        super().__init__(parent)
        self._full = ""
        self.setFixedWidth(width)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def full_text(self) -> str:
        return self._full

    def setText(self, text: str) -> None:  # noqa: N802 - Qt naming
        self._full = text
        self._apply()

    def _apply(self) -> None:
        option = QStyleOptionButton()
        self.initStyleOption(option)
        margin = self.style().pixelMetric(QStyle.PixelMetric.PM_ButtonMargin, option, self)
        available = max(10, self.width() - 2 * margin - 8)
        plain = self._full.replace("&&", "\0").replace("&", "").replace("\0", "&")
        metrics = self.fontMetrics()
        if metrics.horizontalAdvance(plain) <= available:
            super().setText(self._full)
            self.setToolTip("")
            return
        elided = metrics.elidedText(plain, Qt.TextElideMode.ElideRight, available)
        elided = elided.replace("&", "&&")
        mnemonic = _mnemonic_index(self._full)
        if mnemonic is not None and mnemonic < len(elided) - 1 and "&" not in plain[:mnemonic]:
            elided = elided[:mnemonic] + "&" + elided[mnemonic:]  # Alt+letter still works
        super().setText(elided)
        self.setToolTip(plain)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt naming
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._apply()


def _mnemonic_index(text: str) -> int | None:
    """Where the Alt+letter mark sits in the text without marks (None: no mark)."""
    plain_index = 0
    i = 0
    while i < len(text):
        if text[i] == "&":
            if i + 1 < len(text) and text[i + 1] != "&":
                return plain_index
            i += 2
            plain_index += 1
            continue
        i += 1
        plain_index += 1
    return None
