"""Interface language: Vietnamese by default, English switchable, through Qt Linguist files.

Source strings in the code are English (``tr()``). The Vietnamese translations are split by
*domain* so that each part of the window keeps its own file: ``resources/translations/
<domain>_vi.ts`` holds the strings of the sources listed for that domain in :data:`DOMAINS`
(``fieldapp``, the window shell, takes every source no other domain claims). Each ``.ts`` is
built to a ``.qm`` by ``pyside6-lrelease``, and every ``.qm`` is installed together.

Run ``python -m ui.i18n [DOMAIN...]`` after changing user-visible strings: it updates the
``.ts`` files (lupdate) and rebuilds their ``.qm`` (lrelease).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

import resources

TRANSLATIONS = resources.path("translations")
LANGUAGES = {"vi": "Tiếng Việt", "en": "English"}
UI_ROOT = Path(__file__).resolve().parent

# domain -> folders or files (relative to ui/) whose sources it translates; "fieldapp" takes
# the rest. A core module whose words the window shows too (marked with
# fieldapp.catalogue.QT_TRANSLATE_NOOP, read by the CLI from the same catalogue) is listed by
# its path from ui/.
DOMAINS: dict[str, tuple[str, ...]] = {
    "fieldapp": (),
    "directives": ("pages/directives",),
    "rosters": ("pages/rosters",),
    "checkpoints": ("pages/checkpoints",),
    "households": ("pages/households",),
    "reports": ("pages/reports",),
    "sync": ("pages/sync", "../fieldapp/sync/conflict_words.py"),
    "qt": ("qt_strings.py",),  # Qt's own widgets: PySide6 ships no qtbase_vi.qm
}
_installed: list[QTranslator] = []


def ts_path(domain: str, language: str = "vi") -> Path:
    return TRANSLATIONS / f"{domain}_{language}.ts"


def qm_path(domain: str, language: str = "vi") -> Path:
    return TRANSLATIONS / f"{domain}_{language}.qm"


def install_language(language: str) -> None:
    """Switch the running application to ``language`` (widgets get a LanguageChange event)."""
    app = QCoreApplication.instance()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if language == "vi":
        for domain in DOMAINS:
            path = qm_path(domain)
            if domain != "fieldapp" and not path.exists():
                continue  # a part of the window with no strings of its own yet
            translator = QTranslator(app)
            if not translator.load(str(path)):
                raise RuntimeError(f"missing translation file {path}")
            app.installTranslator(translator)
            _installed.append(translator)
        QLocale.setDefault(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))


def _core_sources() -> list[Path]:
    return [
        (UI_ROOT / entry).resolve()
        for folders in DOMAINS.values()
        for entry in folders
        if entry.startswith("../")
    ]


def _all_sources() -> list[Path]:
    ui = [p for p in UI_ROOT.rglob("*.py") if "__pycache__" not in p.parts]
    return sorted([*ui, *_core_sources()])


def _domain_of(source: Path) -> str:
    relative = Path(os.path.relpath(source, UI_ROOT)).as_posix()
    for domain, folders in DOMAINS.items():
        if any(
            relative == folder or relative.startswith(folder.rstrip("/") + "/")
            for folder in folders
        ):
            return domain
    return "fieldapp"


def source_files(domain: str = "fieldapp") -> list[Path]:
    """The Python sources whose strings belong to ``domain``."""
    return [p for p in _all_sources() if _domain_of(p) == domain]


def _tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).with_name(name))
    return found


def run_lupdate(ts_file: Path, domain: str = "fieldapp", *, no_obsolete: bool = True) -> None:
    args = [_tool("pyside6-lupdate"), *map(str, source_files(domain)), "-ts", str(ts_file)]
    if no_obsolete:
        args.insert(1, "-no-obsolete")
    subprocess.run(args, check=True, capture_output=True)


def run_lrelease(ts_file: Path, qm_file: Path) -> None:
    subprocess.run(
        [_tool("pyside6-lrelease"), str(ts_file), "-qm", str(qm_file)],
        check=True,
        capture_output=True,
    )


def update(domain: str) -> bool:
    """lupdate + lrelease for one domain; False when it has no sources (nothing written)."""
    if not source_files(domain):
        return False
    run_lupdate(ts_path(domain), domain)
    run_lrelease(ts_path(domain), qm_path(domain))
    return True


if __name__ == "__main__":
    chosen = sys.argv[1:] or list(DOMAINS)
    unknown = [d for d in chosen if d not in DOMAINS]
    if unknown:
        sys.exit(f"unknown domain(s): {', '.join(unknown)}; known: {', '.join(DOMAINS)}")
    for name in chosen:
        if update(name):
            print(f"updated {ts_path(name)} and {qm_path(name)}")
