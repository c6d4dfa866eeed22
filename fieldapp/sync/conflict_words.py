"""What a conflict's fields and values are called: the same words as the forms, in the window
and in the CLI.

A field's label is looked up in the translation context of the form where the official types
that value (``HouseholdDialog``, ``MemberDialog``...), so the conflict review says "Hộ nghèo"
exactly where the household form does. Values are shown as the pages show them: a reference
by the name of what it points at (the lockdown area's name, not its UUID), a code by its
word (F0, "Cách ly tại nhà"), a flag as yes/no, a date as dd/mm/yyyy. Fields that only the
machine reads (sort keys, folded search text, device ids) are not shown.

Every function takes the ``translate(context, source)`` to use: the window passes Qt's, the
CLI the shipped Vietnamese catalogue (:func:`fieldapp.catalogue.translate`, the default).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, datetime

from sqlalchemy import select

from fieldapp.catalogue import QT_TRANSLATE_NOOP
from fieldapp.catalogue import translate as vietnamese
from fieldapp.db.database import Database
from fieldapp.households.models import ISOLATIONS, STATUSES, TEST_RESULTS
from fieldapp.sync.tables import references, travelling_tables
from fieldapp.text.vietnamese import format_date, format_datetime

Translate = Callable[[str, str], str]

# What each kind of record is called in the list of conflicts.
TABLE_LABELS = {
    "household": "Hộ",
    "household_member": "Nhân khẩu",
    "health_status": "Tình trạng sức khỏe",
    "lockdown_area": "Khu vực phong tỏa",
    "relief_delivery": "Cứu trợ",
    "test_result": "Kết quả xét nghiệm",
    "roster_site": "Chốt, điểm trực",
    "roster_staff": "Người trực",
    "roster_assignment": "Ca trực",
    "directive": "Văn bản chỉ đạo",
    "directive_item": "Việc của văn bản",
    "checkpoint_entry": "Sổ ra vào chốt",
}

# Why the record waits for a person (Conflict.reason).
REASONS = {
    "concurrent_edit": "sửa ở cả hai nơi từ lần nhận trước",
    "protected_value": "sửa một trường đã khóa (số giấy tờ, tình trạng đã xác nhận)",
    "duplicate_value": "trùng với một bản ghi đã có",
}

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
    ("roster_site", "name"): ("SiteDialog", "Name"),
    ("roster_site", "kind"): ("SiteDialog", "Kind"),
    ("roster_site", "pattern"): ("SiteDialog", "Shifts"),
    ("roster_site", "shifts"): ("SiteDialog", "Own shifts (start+hours)"),
    ("roster_site", "staff_per_shift"): ("SiteDialog", "People per shift"),
    ("roster_site", "require"): ("SiteDialog", "At least, per shift"),
    ("roster_site", "hotline"): ("SiteDialog", "Hotline"),
    ("*", "notes"): ("MemberDialog", "Notes"),
}

# Columns no form names: our own words (context ConflictLabels, in the sync translation;
# pyside6-lupdate reads these calls here, see ui.i18n).
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


WORDS = {
    "yes": QT_TRANSLATE_NOOP("ConflictLabels", "yes"),
    "no": QT_TRANSLATE_NOOP("ConflictLabels", "no"),
    "missing": QT_TRANSLATE_NOOP("ConflictLabels", "(not in this register)"),
}


def field_label(table: str, column: str, translate: Translate = vietnamese) -> str:
    """The column's name as the form (or, failing that, the review) says it."""
    found = FIELDS.get((table, column)) or FIELDS.get(("*", column))
    if found is not None:
        return translate(*found)
    if column in OWN:
        return translate("ConflictLabels", OWN[column])
    return column.replace("_", " ")


def visible(column: str) -> bool:
    return column not in HIDDEN and not column.endswith("_sort")


def code_word(column: str, value: str) -> str | None:
    """A code's Vietnamese word (the CLI's; the window passes its own, in its language)."""
    words = {
        "status": STATUSES,
        "isolation": ISOLATIONS,
        "sex": {"M": "Nam", "F": "Nữ"},
        "result": TEST_RESULTS,
    }.get(column)
    return None if words is None else words.get(value, value)


def record_name(db: Database, table_name: str, uuid: str) -> str:
    """What a record is called (an area's name, a head's or person's name, a number)."""
    table = {t.name: t for t in travelling_tables()}.get(table_name)
    if table is None:
        return ""
    for column in ("name", "head_name", "full_name", "number", "label", "title"):
        if column in table.c:
            with db.session() as s:
                value = s.execute(select(table.c[column]).where(table.c.uuid == uuid)).scalar()
            return str(value) if value else ""
    return ""


class ValueNames:
    """Values as the pages show them; names of referenced records read once per review."""

    def __init__(
        self,
        db: Database,
        translate: Translate = vietnamese,
        code_text: Callable[[str, str], str | None] = code_word,
    ) -> None:
        self.db = db
        self.translate = translate
        self.code_text = code_text
        self._cache: dict[tuple[str, str], str] = {}
        self._tables = {t.name: t for t in travelling_tables()}

    def name_of(self, table: str, uuid: str) -> str:
        key = (table, uuid)
        if key not in self._cache:
            self._cache[key] = record_name(self.db, table, uuid)
        return self._cache[key]

    def show(self, table: str, column: str, value) -> str:
        """``value`` of ``table.column`` as the pages show it."""
        if value is None or value == "":
            return ""
        refs = references(self._tables[table]) if table in self._tables else {}
        if column in refs and isinstance(value, str):
            name = self.name_of(refs[column].name, value)
            return name or self.translate("ConflictLabels", WORDS["missing"])
        if isinstance(value, bool):
            return self.translate("ConflictLabels", WORDS["yes" if value else "no"])
        if isinstance(value, str):
            word = self.code_text(column, value)
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
            if column == "require":  # roles a shift needs: {"police": 1} -> "công an: 1"
                from fieldapp.rostering.instance import role_label

                return ", ".join(f"{role_label(r)}: {n}" for r, n in value.items())
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


def compare_rows(
    db: Database,
    table: str,
    current: dict | None,
    other: dict,
    translate: Translate = vietnamese,
    values: ValueNames | None = None,
    deleted: str = "(đã xóa)",
) -> list[tuple[str, str, str, str, bool]]:
    """(column, label, value here, value received, differs) for each visible field, what
    differs first: that is what the person must decide on. ``current`` None: deleted here
    (shown as ``deleted``)."""
    values = values or ValueNames(db, translate)
    names = [n for n in other if visible(n)]
    names.sort(key=lambda n: current is not None and current.get(n) == other.get(n))
    rows = []
    for name in names:
        mine = None if current is None else current.get(name)
        theirs = other.get(name)
        differs = current is None or mine != theirs
        shown_mine = deleted if current is None else values.show(table, name, mine)
        rows.append(
            (name, field_label(table, name, translate), shown_mine,
             values.show(table, name, theirs), differs)
        )  # fmt: skip
    return rows
