"""The Sync page (Đồng bộ): packages by USB or chat, trusted senders, conflicts, district mode."""

from __future__ import annotations

from fieldapp.db.database import Database
from ui.pages.base import Page


def create_page(db: Database) -> Page:
    from ui.pages.sync.page import SyncPage

    return SyncPage(db)
