"""Interface language: Vietnamese by default, English switchable, through Qt Linguist files.

Source strings in the code are English (``tr()``); ``resources/translations/fieldapp_vi.ts``
holds every Vietnamese translation, and ``fieldapp_vi.qm`` is built from it by
``pyside6-lrelease``. Run ``python -m ui.i18n`` after changing user-visible strings: it
updates the ``.ts`` (lupdate) and rebuilds the ``.qm`` (lrelease).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

import resources

TRANSLATIONS = resources.path("translations")
LANGUAGES = {"vi": "Tiếng Việt", "en": "English"}
_installed: list[QTranslator] = []


def qm_path(language: str) -> Path:
    return TRANSLATIONS / f"fieldapp_{language}.qm"


def install_language(language: str) -> None:
    """Switch the running application to ``language`` (widgets get a LanguageChange event)."""
    app = QCoreApplication.instance()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if language == "vi":
        translator = QTranslator(app)
        if not translator.load(str(qm_path("vi"))):
            raise RuntimeError(f"missing translation file {qm_path('vi')}")
        app.installTranslator(translator)
        _installed.append(translator)
        QLocale.setDefault(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))


def source_files() -> list[Path]:
    root = Path(__file__).resolve().parent
    return sorted(p for p in root.rglob("*.py") if "__pycache__" not in p.parts)


def _tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).with_name(name))
    return found


def run_lupdate(ts_file: Path, *, no_obsolete: bool = True) -> None:
    args = [_tool("pyside6-lupdate"), *map(str, source_files()), "-ts", str(ts_file)]
    if no_obsolete:
        args.insert(1, "-no-obsolete")
    subprocess.run(args, check=True, capture_output=True)


def run_lrelease(ts_file: Path, qm_file: Path) -> None:
    subprocess.run(
        [_tool("pyside6-lrelease"), str(ts_file), "-qm", str(qm_file)],
        check=True,
        capture_output=True,
    )


if __name__ == "__main__":
    ts = TRANSLATIONS / "fieldapp_vi.ts"
    run_lupdate(ts)
    run_lrelease(ts, qm_path("vi"))
    print(f"updated {ts} and {qm_path('vi')}")
