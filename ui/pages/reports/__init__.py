"""The reports page (not built yet: it shows what it will hold)."""

from __future__ import annotations

from fieldapp.db.database import Database
from ui.pages.base import Page


def create_page(db: Database) -> Page:
    from ui.pages.placeholder import placeholder_for

    return placeholder_for("reports")
