"""The fonts every printout uses: Liberation Serif (metric-compatible with Times New Roman).

Decree 30/2020/NĐ-CP asks for Times New Roman; Liberation Serif has the same metrics and a
free licence (``resources/fonts/LICENSE-OFL.txt``), so it can ship with the app and be
embedded in every PDF. The four styles are registered once, on first use, as one reportlab
family so that ``<b>`` and ``<i>`` in paragraphs pick the right face.
"""

from __future__ import annotations

import threading

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

import resources

FAMILY = "LiberationSerif"
REGULAR = "LiberationSerif"
BOLD = "LiberationSerif-Bold"
ITALIC = "LiberationSerif-Italic"
BOLD_ITALIC = "LiberationSerif-BoldItalic"

_FILES = {
    REGULAR: "LiberationSerif-Regular.ttf",
    BOLD: "LiberationSerif-Bold.ttf",
    ITALIC: "LiberationSerif-Italic.ttf",
    BOLD_ITALIC: "LiberationSerif-BoldItalic.ttf",
}

_lock = threading.Lock()
_registered = False


def register_fonts() -> None:
    """Register the four Liberation Serif faces with reportlab; later calls do nothing.

    Safe to call from any thread (printouts render in worker threads).
    """
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        for name, filename in _FILES.items():
            pdfmetrics.registerFont(TTFont(name, str(resources.path("fonts", filename))))
        pdfmetrics.registerFontFamily(
            FAMILY, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC
        )
        _registered = True


def string_width(text: str, font: str, size: float) -> float:
    """Width in points of ``text`` set in ``font`` at ``size`` (fonts registered first)."""
    register_fonts()
    return pdfmetrics.stringWidth(text, font, size)
