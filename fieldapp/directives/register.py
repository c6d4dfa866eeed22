"""The directive register: save reviewed directives, follow their items, list and query them.

Every write is a function taking the open :class:`~fieldapp.db.database.Database` first and
running one transaction: bad input raises :class:`~fieldapp.errors.UserError` with a
Vietnamese message and changes nothing. Reads return plain frozen dataclasses, never ORM
objects, so the window and the CLI can hold them after the session is gone.

The flow of an import: a file read by :func:`~fieldapp.directives.reading.read_directive`
(Word, PDF, scan or photo; OCR where needed) or pasted text → :func:`parse_directive` →
:meth:`DirectiveForm.from_reading` / :meth:`DirectiveForm.from_parsed` → the user reviews the
form → :func:`save_directive`, which keeps the original bytes as a document and refuses a
directive already registered (:func:`find_duplicate`: same number, issuer and date; or the
very same file).

The code lives in modules split by reason to change (issue 17); this module is the one name
the rest of the app imports:

- :mod:`fieldapp.directives.forms` — the form, the records reads return, field names, value rules;
- :mod:`fieldapp.directives.intake` — validation, arrival numbers, duplicates, save and import;
- :mod:`fieldapp.directives.editing` — corrections, deletion and undo, item follow-up and notes;
- :mod:`fieldapp.directives.queries` — one directive, the register list, items due, lookups.
"""

from __future__ import annotations

from fieldapp.directives.editing import (
    add_item,
    add_note,
    delete_directive,
    delete_item,
    delete_note,
    restore_directive,
    restore_note,
    set_item_status,
    update_directive,
    update_item,
)
from fieldapp.directives.forms import (
    EDITABLE_FIELDS,
    EXPECTED_FIELDS,
    FIELD_NAMES,
    ITEM_FIELDS,
    DirectiveFilter,
    DirectiveForm,
    DirectiveInfo,
    DirectiveRow,
    DocumentInfo,
    DueItem,
    DueItems,
    Duplicate,
    ImportResult,
    ItemForm,
    ItemInfo,
    NoteInfo,
    directive_title,
    number_key,
    overall_status,
    secrecy_value,
    status_code,
    urgency_value,
)
from fieldapp.directives.intake import (
    find_duplicate,
    import_file,
    import_text,
    next_arrival_number,
    save_directive,
)
from fieldapp.directives.queries import (
    count_due,
    directive_ids_with_items,
    find_directive,
    format_item_due,
    get_directive,
    items_due,
    list_directives,
    list_issuers,
)

__all__ = [
    "DirectiveFilter",
    "DirectiveForm",
    "DirectiveInfo",
    "DirectiveRow",
    "DocumentInfo",
    "DueItem",
    "DueItems",
    "Duplicate",
    "EDITABLE_FIELDS",
    "EXPECTED_FIELDS",
    "FIELD_NAMES",
    "ITEM_FIELDS",
    "ImportResult",
    "ItemForm",
    "ItemInfo",
    "NoteInfo",
    "add_item",
    "add_note",
    "count_due",
    "delete_directive",
    "delete_item",
    "delete_note",
    "directive_ids_with_items",
    "directive_title",
    "find_directive",
    "find_duplicate",
    "format_item_due",
    "get_directive",
    "import_file",
    "import_text",
    "items_due",
    "list_directives",
    "list_issuers",
    "next_arrival_number",
    "number_key",
    "overall_status",
    "restore_directive",
    "restore_note",
    "save_directive",
    "secrecy_value",
    "set_item_status",
    "status_code",
    "update_directive",
    "update_item",
    "urgency_value",
]
