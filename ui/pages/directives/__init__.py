"""The directives page: the register, the import-and-review dialog, one directive's detail."""

from __future__ import annotations

from fieldapp.db.database import Database
from ui.pages.base import Page


def create_page(db: Database) -> Page:
    from ui.pages.directives.page import DirectivesPage

    return DirectivesPage(db)
