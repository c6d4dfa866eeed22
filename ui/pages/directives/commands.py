"""Undoable actions of the directive register: each one calls core service functions only.

A command runs its action when pushed. If the core refuses (a ``UserError``), the command
reports the message through ``on_error`` and makes itself obsolete, so the undo stack drops
it and nothing is recorded; the same happens if an undo or redo is refused later.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from fieldapp.db.database import Database
from fieldapp.directives import register as reg
from fieldapp.errors import UserError
from ui.pages.directives.common import status_name

ErrorSink = Callable[[UserError], None]


class ServiceCommand(QUndoCommand):
    """Base: ``do()`` and ``undo_action()`` call the core; failures are reported, not raised."""

    def __init__(self, db: Database, text: str, on_error: ErrorSink) -> None:
        super().__init__(text)
        self.db = db
        self.on_error = on_error
        self.directive_id: int | None = None  # which directive to show after the action

    def do(self) -> None:
        raise NotImplementedError

    def undo_action(self) -> None:
        raise NotImplementedError

    def redo(self) -> None:
        self._run(self.do)

    def undo(self) -> None:
        self._run(self.undo_action)

    def _run(self, action: Callable[[], None]) -> None:
        try:
            action()
        except UserError as err:
            self.setObsolete(True)
            self.on_error(err)


class SetStatusCommand(ServiceCommand):
    def __init__(self, db, item: reg.ItemInfo, status: str, on_error: ErrorSink) -> None:
        text = QCoreApplication.translate("DirectiveCommands", "Item {label}: {status}").format(
            label=item.label, status=status_name(status)
        )
        super().__init__(db, text, on_error)
        self.item_id, self.status, self.old = item.id, status, item.status
        self.directive_id = item.directive_id

    def do(self) -> None:
        self.old = reg.set_item_status(self.db, self.item_id, self.status)

    def undo_action(self) -> None:
        reg.set_item_status(self.db, self.item_id, self.old)


class UpdateItemCommand(ServiceCommand):
    def __init__(
        self, db, item: reg.ItemInfo, changes: dict[str, Any], on_error: ErrorSink
    ) -> None:
        super().__init__(
            db,
            QCoreApplication.translate("DirectiveCommands", "Change item {label}").format(
                label=item.label
            ),
            on_error,
        )
        self.item_id, self.changes, self.old = item.id, changes, {}
        self.directive_id = item.directive_id

    def do(self) -> None:
        self.old = reg.update_item(self.db, self.item_id, self.changes)

    def undo_action(self) -> None:
        reg.update_item(self.db, self.item_id, self.old)


class AddNoteCommand(ServiceCommand):
    def __init__(
        self, db, item: reg.ItemInfo, text: str, day: date, author: str, on_error: ErrorSink
    ) -> None:
        super().__init__(
            db,
            QCoreApplication.translate("DirectiveCommands", "Note on item {label}").format(
                label=item.label
            ),
            on_error,
        )
        self.item_id, self.text, self.day, self.author = item.id, text, day, author
        self.directive_id = item.directive_id
        self.note: reg.NoteInfo | None = None

    def do(self) -> None:
        if self.note is None:
            note_id = reg.add_note(
                self.db, self.item_id, self.text, noted_on=self.day, author=self.author
            )
            self.note = reg.NoteInfo(note_id, self.day, self.text, self.author)
        else:
            reg.restore_note(self.db, self.item_id, self.note)

    def undo_action(self) -> None:
        assert self.note is not None
        self.note = reg.delete_note(self.db, self.note.id)


class DeleteNoteCommand(ServiceCommand):
    def __init__(self, db, item: reg.ItemInfo, note: reg.NoteInfo, on_error: ErrorSink) -> None:
        super().__init__(
            db,
            QCoreApplication.translate("DirectiveCommands", "Delete a note on item {label}").format(
                label=item.label
            ),
            on_error,
        )
        self.item_id, self.note = item.id, note
        self.directive_id = item.directive_id

    def do(self) -> None:
        self.note = reg.delete_note(self.db, self.note.id)

    def undo_action(self) -> None:
        reg.restore_note(self.db, self.item_id, self.note)


class UpdateDirectiveCommand(ServiceCommand):
    def __init__(self, db, directive_id: int, changes: dict[str, Any], on_error: ErrorSink) -> None:
        super().__init__(
            db,
            QCoreApplication.translate("DirectiveCommands", "Edit the directive's fields"),
            on_error,
        )
        self.directive_id, self.changes, self.old = directive_id, changes, {}

    def do(self) -> None:
        self.old = reg.update_directive(self.db, self.directive_id, self.changes)

    def undo_action(self) -> None:
        reg.update_directive(self.db, self.directive_id, self.old)


class ImportCommand(ServiceCommand):
    """Register a reviewed directive; undo takes it out of the register again."""

    def __init__(
        self,
        db,
        form: reg.DirectiveForm,
        original: bytes | None,
        original_name: str,
        allow_duplicate: bool,
        on_error: ErrorSink,
    ) -> None:
        super().__init__(
            db, QCoreApplication.translate("DirectiveCommands", "Register a directive"), on_error
        )
        self.form, self.original, self.original_name = form, original, original_name
        self.allow_duplicate = allow_duplicate
        self.removed: reg.DirectiveInfo | None = None

    def do(self) -> None:
        if self.removed is None:
            self.directive_id = reg.save_directive(
                self.db,
                self.form,
                original=self.original,
                original_name=self.original_name,
                allow_duplicate=self.allow_duplicate,
            )
        else:
            self.directive_id = reg.restore_directive(self.db, self.removed)

    def undo_action(self) -> None:
        assert self.directive_id is not None
        self.removed = reg.delete_directive(self.db, self.directive_id)


class DeleteDirectiveCommand(ServiceCommand):
    """Take a directive out of the register; undo puts it back exactly as it was."""

    def __init__(self, db, directive_id: int, title: str, on_error: ErrorSink) -> None:
        super().__init__(
            db,
            QCoreApplication.translate("DirectiveCommands", "Delete {title}").format(title=title),
            on_error,
        )
        self.directive_id = directive_id
        self.removed: reg.DirectiveInfo | None = None

    def do(self) -> None:
        assert self.directive_id is not None
        self.removed = reg.delete_directive(self.db, self.directive_id)

    def undo_action(self) -> None:
        assert self.removed is not None
        self.directive_id = reg.restore_directive(self.db, self.removed)
