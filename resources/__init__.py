"""Files that ship with fieldapp: fonts (with their licences), icons, translations, demo data.

It is a package only so that the files travel with every kind of install (editable, wheel,
PyInstaller); code finds them through :func:`path`.
"""

from pathlib import Path

ROOT = Path(__file__).resolve().parent


def path(*parts: str) -> Path:
    """Absolute path of a shipped resource, e.g. ``path("fonts", "LiberationSerif-Regular.ttf")``."""
    return ROOT.joinpath(*parts)
