"""The fonts every printout uses: Times New Roman when the computer has it, else the bundled
Liberation Serif (metric-compatible).

Decree 30/2020/NĐ-CP names Times New Roman. Every Windows laptop has it (``C:\\Windows\\Fonts
\\times.ttf``), but its licence does not let the app ship it; Liberation Serif has the same
metrics and a free licence (``resources/fonts/LICENSE-OFL.txt``), so it ships with the app and
is the default. When all four Times New Roman faces are found on this computer the documents
use them instead; either way the faces are embedded in every PDF.

The faces are registered once, on first use, as one reportlab family under the fixed names
below (so callers never care which font is behind them) and ``<b>``/``<i>`` in paragraphs
pick the right face. ``FIELDAPP_FONT=liberation`` keeps the bundled font even when Times New
Roman is installed (to compare with a print made elsewhere); ``FIELDAPP_FONT_DIRS`` (paths
separated by ``os.pathsep``) replaces the folders searched.
"""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

import resources

FAMILY = "LiberationSerif"
REGULAR = "LiberationSerif"
BOLD = "LiberationSerif-Bold"
ITALIC = "LiberationSerif-Italic"
BOLD_ITALIC = "LiberationSerif-BoldItalic"
"""Names the faces are registered under, whichever font files are behind them."""

_FILES = {
    REGULAR: "LiberationSerif-Regular.ttf",
    BOLD: "LiberationSerif-Bold.ttf",
    ITALIC: "LiberationSerif-Italic.ttf",
    BOLD_ITALIC: "LiberationSerif-BoldItalic.ttf",
}

# Times New Roman's file names: Windows and the msttcorefonts package (lower case),
# macOS and some copies (spelt out).
_TIMES_NAMES = {
    REGULAR: ("times.ttf", "Times New Roman.ttf", "TimesNewRoman.ttf", "Times_New_Roman.ttf"),
    BOLD: ("timesbd.ttf", "Times New Roman Bold.ttf", "TimesNewRoman-Bold.ttf",
           "Times_New_Roman_Bold.ttf"),
    ITALIC: ("timesi.ttf", "Times New Roman Italic.ttf", "TimesNewRoman-Italic.ttf",
             "Times_New_Roman_Italic.ttf"),
    BOLD_ITALIC: ("timesbi.ttf", "Times New Roman Bold Italic.ttf",
                  "TimesNewRoman-BoldItalic.ttf", "Times_New_Roman_Bold_Italic.ttf"),
}  # fmt: skip

LIBERATION = "Liberation Serif"
TIMES = "Times New Roman"

_lock = threading.Lock()
_registered = False
_in_use = LIBERATION


def font_dirs() -> list[Path]:
    """Folders searched for Times New Roman, in order."""
    given = os.environ.get("FIELDAPP_FONT_DIRS")
    if given is not None:
        return [Path(p) for p in given.split(os.pathsep) if p]
    home = Path.home()
    dirs = []
    if sys.platform == "win32":
        windir = os.environ.get("WINDIR") or os.environ.get("SystemRoot") or r"C:\Windows"
        dirs.append(Path(windir) / "Fonts")
        local = os.environ.get("LOCALAPPDATA")
        if local:
            dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    elif sys.platform == "darwin":
        dirs += [home / "Library" / "Fonts", Path("/Library/Fonts"),
                 Path("/System/Library/Fonts/Supplemental")]  # fmt: skip
    dirs += [home / ".fonts", home / ".local" / "share" / "fonts", Path("/usr/local/share/fonts"),
             Path("/usr/share/fonts")]  # fmt: skip
    return dirs


def find_times_new_roman(dirs: list[Path] | None = None) -> dict[str, Path] | None:
    """The four Times New Roman files (by face name) from the first folder tree that holds
    all four, or None. Names are matched without regard to case."""
    wanted = {face: {n.lower() for n in names} for face, names in _TIMES_NAMES.items()}
    for root in font_dirs() if dirs is None else dirs:
        try:
            if not root.is_dir():
                continue
            found: dict[str, Path] = {}
            for folder, _subdirs, files in os.walk(root):
                for name in files:
                    low = name.lower()
                    for face, names in wanted.items():
                        if low in names and face not in found:
                            found[face] = Path(folder) / name
                if len(found) == len(wanted):
                    return found
        except OSError:
            continue  # an unreadable folder is no reason to fail a print
    return None


def _usable(files: dict[str, Path]) -> dict[str, TTFont] | None:
    try:
        return {face: TTFont(face, str(path)) for face, path in files.items()}
    except Exception:  # a damaged or unsupported file: fall back to the bundled font
        return None


def register_fonts() -> None:
    """Register the four faces with reportlab; later calls do nothing.

    Safe to call from any thread (printouts render in worker threads).
    """
    global _registered, _in_use
    if _registered:
        return
    with _lock:
        if _registered:
            return
        faces = None
        if os.environ.get("FIELDAPP_FONT", "").strip().lower() != "liberation":
            times = find_times_new_roman()
            faces = _usable(times) if times else None
        if faces is None:
            faces = {
                face: TTFont(face, str(resources.path("fonts", filename)))
                for face, filename in _FILES.items()
            }
            _in_use = LIBERATION
        else:
            _in_use = TIMES
        for font in faces.values():
            pdfmetrics.registerFont(font)
        pdfmetrics.registerFontFamily(
            FAMILY, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC
        )
        _registered = True


def font_in_use() -> str:
    """ "Times New Roman" or "Liberation Serif": the font documents are printed in."""
    register_fonts()
    return _in_use


def string_width(text: str, font: str, size: float) -> float:
    """Width in points of ``text`` set in ``font`` at ``size`` (fonts registered first)."""
    register_fonts()
    return pdfmetrics.stringWidth(text, font, size)
