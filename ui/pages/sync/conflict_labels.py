"""What a conflict's fields and values are called on screen: the same words as the forms.

A field's label is looked up in the translation context of the form where the official types
that value (``HouseholdDialog``, ``MemberDialog``...), so the conflict review says "Hộ nghèo"
exactly where the household form does. Values are shown as the pages show them: a reference
by the name of what it points at (the lockdown area's name, not its UUID), a code by its
word (F0, "Tại nhà"), a flag as yes/no, a date as dd/mm/yyyy. Fields that only the machine
reads (sort keys, folded search text, device ids) are not shown.
"""

from __future__ import annotations

import json
from datetime import date, datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from sqlalchemy import select

from fieldapp.db.database import Database
from fieldapp.sync.tables import references, travelling_tables
from fieldapp.text.vietnamese import format_date, format_datetime

HIDDEN = frozenset(
    {
        "uuid",
        "created_at",
        "device_id",
        "search_fold",
        "search_text",
        "search_head",
        "search_key",
        "match_key",
        "name_fold",
        "position",
        "id_typed",
        "id_check",
    }
)

# (table or "*", column) -> (context, source text) of the form that edits it. Plain strings on
# purpose: their translation lives with the form's (households) catalogue, not copied here.
FIELDS: dict[tuple[str, str], tuple[str, str]] = {
    ("household", "area_id"): ("AreaDialog", "Lockdown area"),
    ("household", "head_name"): (
        "HouseholdDialog",
        "Head of household",
    ),
    ("household", "village"): ("HouseholdDialog", "Village"),
    ("household", "street"): ("HouseholdDialog", "Street"),
    ("household", "house_number"): (
        "HouseholdDialog",
        "House number",
    ),
    ("household", "phone"): ("HouseholdDialog", "Phone"),
    ("household", "poor"): (
        "HouseholdDialog",
        "Poor household",
    ),
    ("household", "member_count"): (
        "HouseholdTableModel",
        "People",
    ),
    ("household", "vulnerable"): (
        "MemberDialog",
        "Vulnerable",
    ),
    ("household_member", "household_id"): (
        "HouseholdDialog",
        "Head of household",
    ),
    ("household_member", "full_name"): (
        "MemberDialog",
        "Full name",
    ),
    ("household_member", "birth_year"): (
        "MemberDialog",
        "Year of birth",
    ),
    ("household_member", "sex"): ("MemberDialog", "Sex"),
    ("household_member", "relation"): (
        "MemberDialog",
        "Relation to the head",
    ),
    ("household_member", "is_head"): (
        "MemberDialog",
        "Head of household",
    ),
    ("household_member", "citizen_id"): (
        "MemberDialog",
        "Citizen ID (CCCD)",
    ),
    ("household_member", "phone"): ("MemberDialog", "Phone"),
    ("household_member", "elderly"): (
        "MemberDialog",
        "Elderly",
    ),
    ("household_member", "young_child"): (
        "MemberDialog",
        "Young child",
    ),
    ("household_member", "pregnant"): (
        "MemberDialog",
        "Pregnant",
    ),
    ("household_member", "disabled"): (
        "MemberDialog",
        "Disabled",
    ),
    ("household_member", "chronic"): (
        "MemberDialog",
        "Chronic illness",
    ),
    ("household_member", "status"): (
        "HouseholdTableModel",
        "Status",
    ),
    ("household_member", "isolation_end"): (
        "HouseholdTableModel",
        "Isolation ends",
    ),
    ("*", "notes"): ("MemberDialog", "Notes"),
}

# Columns no form names: our own words (context ConflictLabels, in the sync translation).
OWN: dict[str, str] = {
    "name": QT_TRANSLATE_NOOP("ConflictLabels", "Name"),
    "villages": QT_TRANSLATE_NOOP("ConflictLabels", "Villages, streets covered"),
    "regime": QT_TRANSLATE_NOOP("ConflictLabels", "Regime"),
    "started_on": QT_TRANSLATE_NOOP("ConflictLabels", "Started on"),
    "planned_end": QT_TRANSLATE_NOOP("ConflictLabels", "Planned end"),
    "ended_on": QT_TRANSLATE_NOOP("ConflictLabels", "Ended on"),
    "decision": QT_TRANSLATE_NOOP("ConflictLabels", "Decision"),
    "birth_date": QT_TRANSLATE_NOOP("ConflictLabels", "Date of birth"),
    "id_kind": QT_TRANSLATE_NOOP("ConflictLabels", "Kind of ID"),
    "isolation": QT_TRANSLATE_NOOP("ConflictLabels", "Isolation"),
    "isolation_start": QT_TRANSLATE_NOOP("ConflictLabels", "Isolation starts"),
    "member_id": QT_TRANSLATE_NOOP("ConflictLabels", "Person"),
    "start": QT_TRANSLATE_NOOP("ConflictLabels", "From"),
    "end": QT_TRANSLATE_NOOP("ConflictLabels", "Until"),
    "recorded_at": QT_TRANSLATE_NOOP("ConflictLabels", "Recorded at"),
    "author": QT_TRANSLATE_NOOP("ConflictLabels", "Recorded by"),
    "source": QT_TRANSLATE_NOOP("ConflictLabels", "Source"),
    "note": QT_TRANSLATE_NOOP("ConflictLabels", "Note"),
    "place": QT_TRANSLATE_NOOP("ConflictLabels", "Place"),
    "cancelled_at": QT_TRANSLATE_NOOP("ConflictLabels", "Cancelled at"),
    "cancelled_by": QT_TRANSLATE_NOOP("ConflictLabels", "Cancelled by"),
    "status": QT_TRANSLATE_NOOP("ConflictLabels", "Status"),
    "text": QT_TRANSLATE_NOOP("ConflictLabels", "Content"),
    "number": QT_TRANSLATE_NOOP("ConflictLabels", "Number and symbol"),
    "subject": QT_TRANSLATE_NOOP("ConflictLabels", "Subject"),
    "kind": QT_TRANSLATE_NOOP("ConflictLabels", "Kind"),
    "due_date": QT_TRANSLATE_NOOP("ConflictLabels", "Deadline"),
    "active_from": QT_TRANSLATE_NOOP("ConflictLabels", "Active from"),
    "active_to": QT_TRANSLATE_NOOP("ConflictLabels", "Active until"),
    "day": QT_TRANSLATE_NOOP("ConflictLabels", "Day"),
    "shift": QT_TRANSLATE_NOOP("ConflictLabels", "Shift"),
    "updated_at": QT_TRANSLATE_NOOP("ConflictLabels", "Changed at"),
    "held_on": QT_TRANSLATE_NOOP("ConflictLabels", "Held on"),
    "result": QT_TRANSLATE_NOOP("ConflictLabels", "Result"),
    "delivered_on": QT_TRANSLATE_NOOP("ConflictLabels", "Delivered on"),
    "items": QT_TRANSLATE_NOOP("ConflictLabels", "Items"),
    "round_id": QT_TRANSLATE_NOOP("ConflictLabels", "Test round"),
    "site_id": QT_TRANSLATE_NOOP("ConflictLabels", "Checkpoint"),
    "staff_id": QT_TRANSLATE_NOOP("ConflictLabels", "Person on duty"),
    "directive_id": QT_TRANSLATE_NOOP("ConflictLabels", "Directive"),
    "item_id": QT_TRANSLATE_NOOP("ConflictLabels", "Item"),
}


def field_label(table: str, column: str) -> str:
    """The column's name as the form (or, failing that, the review) says it."""
    found = FIELDS.get((table, column)) or FIELDS.get(("*", column))
    if found is not None:
        return QCoreApplication.translate(*found)
    if column in OWN:
        return QCoreApplication.translate("ConflictLabels", OWN[column])
    return column.replace("_", " ")


def visible(column: str) -> bool:
    return column not in HIDDEN and not column.endswith("_sort")


# Codes shown by their word (the households register's labels).
def _code_text(column: str, value: str) -> str | None:
    from ui.pages.households.labels import isolation_text, result_text, sex_text, status_text

    if column == "status":
        return status_text(value)
    if column == "isolation":
        return isolation_text(value)
    if column == "sex":
        return sex_text(value)
    if column == "result":
        return result_text(value)
    return None


class ValueNames:
    """Names of the records a conflict's references point at, read once per review."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._cache: dict[tuple[str, str], str] = {}

    def name_of(self, table: str, uuid: str) -> str:
        key = (table, uuid)
        if key not in self._cache:
            self._cache[key] = self._lookup(table, uuid)
        return self._cache[key]

    def _lookup(self, table_name: str, uuid: str) -> str:
        tables = {t.name: t for t in travelling_tables()}
        table = tables.get(table_name)
        if table is None:
            return ""
        for column in ("name", "head_name", "full_name", "number", "label", "title"):
            if column in table.c:
                with self.db.session() as s:
                    value = s.execute(select(table.c[column]).where(table.c.uuid == uuid)).scalar()
                return str(value) if value else ""
        return ""

    def show(self, table: str, column: str, value) -> str:
        """``value`` of ``table.column`` as the pages show it."""
        if value is None or value == "":
            return ""
        refs = {}
        tables = {t.name: t for t in travelling_tables()}
        if table in tables:
            refs = references(tables[table])
        if column in refs and isinstance(value, str):
            name = self.name_of(refs[column].name, value)
            return name or QCoreApplication.translate("ConflictLabels", "(not in this register)")
        if isinstance(value, bool):
            return (
                QCoreApplication.translate("ConflictLabels", "yes")
                if value
                else QCoreApplication.translate("ConflictLabels", "no")
            )
        if isinstance(value, str):
            word = _code_text(column, value)
            if word is not None:
                return word
            if len(value) >= 10 and value[4:5] == "-" and value[7:8] == "-":
                try:
                    if len(value) == 10:
                        return format_date(date.fromisoformat(value))
                    moment = datetime.fromisoformat(value)
                    return format_datetime(moment.astimezone() if moment.tzinfo else moment)
                except ValueError:
                    pass
            return value
        if isinstance(value, list):
            return ", ".join(self._item(v) for v in value)
        if isinstance(value, dict):
            return json.dumps(value, ensure_ascii=False)
        return str(value)

    @staticmethod
    def _item(value) -> str:
        if isinstance(value, dict):  # relief items: {"item": "Gạo", "quantity": 10, "unit": "kg"}
            item = value.get("item", "")
            quantity = value.get("quantity", "")
            unit = value.get("unit", "")
            return " ".join(str(x) for x in (item, quantity, unit) if x != "")
        return str(value)
