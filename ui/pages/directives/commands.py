"""The directive register's edits as undo/redo pairs for the window's one undo mechanism.

Each function returns a :class:`Change`: the label on the undo stack and the core calls that
make, undo and redo the edit. The page runs it with :func:`ui.operations.run_change` (made at
once on the GUI thread; a refusal is shown and nothing is recorded; a refused undo or redo is
shown and the entry leaves the stack). No undo-command classes of its own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication

from fieldapp.db.database import Database
from fieldapp.directives import register as reg
from ui.pages.directives.common import status_name


@dataclass
class Change:
    """One edit: ``do()`` returns a result (never ``None``); ``undo``/``redo`` take it."""

    text: str
    do: Callable[[], Any]
    undo: Callable[[Any], object]
    redo: Callable[[Any], Any] | None = None
    directive_id: int | None = None  # which directive to show after the edit


def _tr(text: str) -> str:
    return QCoreApplication.translate("DirectiveCommands", text)


def set_status(db: Database, item: reg.ItemInfo, status: str) -> Change:
    item_id = item.id

    def do() -> str:
        return reg.set_item_status(db, item_id, status)

    return Change(
        _tr("Item {label}: {status}").format(label=item.label, status=status_name(status)),
        do,
        lambda old: reg.set_item_status(db, item_id, old),
        lambda _old: do(),
        item.directive_id,
    )


def update_item(db: Database, item: reg.ItemInfo, changes: dict[str, Any]) -> Change:
    item_id = item.id
    return Change(
        _tr("Change item {label}").format(label=item.label),
        lambda: reg.update_item(db, item_id, changes),
        lambda old: reg.update_item(db, item_id, old),
        lambda _old: reg.update_item(db, item_id, changes),
        item.directive_id,
    )


def add_note(db: Database, item: reg.ItemInfo, text: str, day: date, author: str) -> Change:
    item_id = item.id
    removed: dict[str, reg.NoteInfo] = {}

    def do() -> int:
        return reg.add_note(db, item_id, text, noted_on=day, author=author)

    def undo(note_id: int) -> None:
        removed["note"] = reg.delete_note(db, note_id)

    def redo(_note_id: int) -> int:
        note = removed.pop("note")
        reg.restore_note(db, item_id, note)
        return note.id

    return Change(
        _tr("Note on item {label}").format(label=item.label), do, undo, redo, item.directive_id
    )


def delete_note(db: Database, item: reg.ItemInfo, note: reg.NoteInfo) -> Change:
    item_id = item.id
    return Change(
        _tr("Delete a note on item {label}").format(label=item.label),
        lambda: reg.delete_note(db, note.id),
        lambda removed: reg.restore_note(db, item_id, removed),
        lambda removed: reg.delete_note(db, removed.id),
        item.directive_id,
    )


def update_directive(db: Database, directive_id: int, changes: dict[str, Any]) -> Change:
    return Change(
        _tr("Edit the directive's fields"),
        lambda: reg.update_directive(db, directive_id, changes),
        lambda old: reg.update_directive(db, directive_id, old),
        lambda _old: reg.update_directive(db, directive_id, changes),
        directive_id,
    )


def register_directive(
    db: Database,
    form: reg.DirectiveForm,
    original: bytes | None,
    original_name: str,
    allow_duplicate: bool,
) -> Change:
    """Register a reviewed directive; undo takes it out of the register, redo puts it back."""
    removed: dict[str, reg.DirectiveInfo] = {}

    def do() -> int:
        return reg.save_directive(
            db,
            form,
            original=original,
            original_name=original_name,
            allow_duplicate=allow_duplicate,
        )

    def undo(directive_id: int) -> None:
        removed["info"] = reg.delete_directive(db, directive_id)

    def redo(_directive_id: int) -> int:
        return reg.restore_directive(db, removed.pop("info"))

    return Change(_tr("Register a directive"), do, undo, redo)


def delete_directive(db: Database, directive_id: int, title: str) -> Change:
    """Take a directive out of the register; undo puts it back exactly as it was."""
    return Change(
        _tr("Delete {title}").format(title=title),
        lambda: reg.delete_directive(db, directive_id),
        lambda info: reg.restore_directive(db, info),
        lambda info: reg.delete_directive(db, info.id),
        directive_id,
    )
