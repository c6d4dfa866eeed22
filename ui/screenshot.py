"""``fieldapp screenshot``: one page of the main window rendered offscreen at 1366×768."""

from __future__ import annotations

import os
from pathlib import Path

from fieldapp.config import Paths
from fieldapp.errors import UserError

SCREEN_SIZE = (1366, 768)


def take_screenshot(paths: Paths, page: str, output: Path, *, language: str | None = None) -> Path:
    import resources

    os.environ.setdefault(
        "QT_QPA_PLATFORM",
        "offscreen:configfile=" + str(resources.path("offscreen-1366x768.json")),
    )
    from fieldapp.db.database import open_database
    from fieldapp.settings import get_setting
    from ui.app import application
    from ui.i18n import install_language
    from ui.main_window import PAGE_KEYS, MainWindow

    if page not in PAGE_KEYS:
        raise UserError(f"Không có trang {page}. Có: {', '.join(PAGE_KEYS)}.")
    app = application()
    db = open_database(paths)
    try:
        install_language(language or get_setting(db, "language"))
        window = MainWindow(db)
        window.resize(*SCREEN_SIZE)
        window.show_page(page)
        window.show()
        app.processEvents()
        output.parent.mkdir(parents=True, exist_ok=True)
        if not window.grab().save(str(output), "PNG"):
            raise UserError(f"Không ghi được ảnh {output}.")
        window.close()
        window.deleteLater()
        app.processEvents()
    finally:
        db.close()
    return output
