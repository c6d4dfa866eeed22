"""Who is written as "recorded by" (người ghi) on a health-status change, an import or a
cancelled entry.

When someone is signed in, it is that person (:func:`fieldapp.gate.author_name`). The setting
``households.author`` (the name last typed in the status form) is shared by the whole
database, so it is only a fallback for a database without accounts, where nobody signs in.
"""

from __future__ import annotations

from fieldapp.db.database import Database
from fieldapp.gate import author_name
from fieldapp.settings import get_setting, set_setting

SETTING = "households.author"


def default_author(db: Database) -> str:
    """The name to prefill or record: the signed-in person, else the name last typed."""
    if db.actor is not None:
        return author_name(db.actor)
    return str(get_setting(db, SETTING) or "")


def remember_typed_author(db: Database, typed: str) -> None:
    """Keep ``typed`` as the next prefill, only where nobody signs in (one shared setting)."""
    if db.actor is None:
        set_setting(db, SETTING, typed.strip())
