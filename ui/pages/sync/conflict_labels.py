"""The conflict review's words in the window's language: :mod:`fieldapp.sync.conflict_words`
with Qt's translation and the households register's labels for codes."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from fieldapp.db.database import Database
from fieldapp.sync import conflict_words


def _code_text(column: str, value: str) -> str | None:
    from ui.pages.households.labels import isolation_text, result_text, sex_text, status_text

    shown = {"status": status_text, "isolation": isolation_text, "sex": sex_text}
    shown["result"] = result_text
    return shown[column](value) if column in shown else None


def field_label(table: str, column: str) -> str:
    """The column's name as the form (or, failing that, the review) says it."""
    return conflict_words.field_label(table, column, QCoreApplication.translate)


visible = conflict_words.visible


class ValueNames(conflict_words.ValueNames):
    """Values as the pages show them, in the window's language."""

    def __init__(self, db: Database) -> None:
        super().__init__(db, QCoreApplication.translate, _code_text)
