"""Incoming rows of a sync package are untrusted input: the same checks as typed input.

:func:`check_row` is called for every row a package brings, after its values are decoded and
before anything is written. A bad value refuses the whole package, naming the table, the row
and the column, never the value (it may be personal data, or an attack).

- by column type: text within the column's length, in NFC, without control characters;
  integers that are integers; booleans; not-null columns filled; uuids that look like uuids;
- by meaning, with the typed-input validators of the registers: a person's name (no digits),
  birth year 1900..this year, sex, 12-digit CCCD (province code, century digit), phone
  numbers, health statuses, a document's checksum.

File paths in a package are never used: :func:`stored_name` gives the receiver's own name for
a document's file, from its checksum.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from datetime import date
from pathlib import PurePosixPath
from typing import Any

from sqlalchemy import Boolean, Integer, String, Table, Text

from fieldapp.errors import UserError
from fieldapp.households.identity import (
    PROVINCE_CODES,
    IdentityError,
    normalize_citizen_id,
    normalize_phone,
)
from fieldapp.households.models import STATUSES

MAX_TEXT = 100_000  # a note, a directive's text: far more than anyone types
_UUID = re.compile(r"^[0-9a-fA-F-]{8,36}$")
_HEX64 = re.compile(r"^[0-9a-f]{64}$")
_EXT = re.compile(r"^\.[a-z0-9]{1,8}$")
_CONTROL = {c for c in range(32) if c not in (9, 10, 13)} | {127}
_CONTROL_RE = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_CONTROL)) + "]")


class BadRow(UserError):
    """A row of a package fails a check (the package is refused whole)."""


def stored_name(sha256: str, original_name: str) -> str:
    """The receiver's name for a document's file: ``ab/<sha256>.<ext>`` (ext from the
    original name if it is a plain extension)."""
    ext = PurePosixPath(str(original_name or "").replace("\\", "/")).suffix.lower()
    if not _EXT.match(ext):
        ext = ""
    return f"{sha256[:2]}/{sha256}{ext}"


@functools.cache
def _columns(table: Table) -> list[tuple[str, str, int | None, bool]]:
    """(name, kind, max length, nullable) of each column, worked out once per table."""
    out = []
    for column in table.c:
        kind = "other"
        length = None
        if isinstance(column.type, Boolean):
            kind = "bool"
        elif isinstance(column.type, Integer):
            kind = "int"
        elif isinstance(column.type, String):
            kind = "text"
            length = column.type.length or MAX_TEXT
        elif isinstance(column.type, Text):
            kind = "text"
            length = MAX_TEXT
        nullable = bool(column.nullable) or column.primary_key
        out.append((column.name, kind, length, nullable))
    return out


_ABSENT = object()


@functools.cache
def _plan(
    table: Table, references: frozenset[str]
) -> tuple[tuple[str, str, int | None, bool], ...]:
    """The columns to check (references are checked once mapped), worked out once."""
    return tuple(c for c in _columns(table) if c[0] not in references and c[0] != "id")


def _fail(table: Table, number: int, column: str, why: str) -> BadRow:
    return BadRow(
        f"Gói bị từ chối: bảng {table.name}, dòng {number}, cột {column}: {why}. "
        "Không có gì được ghi."
    )


def check_row(
    table: Table,
    values: dict[str, Any],
    number: int,
    *,
    references: Any = (),
    today: date | None = None,
) -> None:
    """Check (and NFC-normalise in place) one decoded row; raise :class:`BadRow`.

    ``references``: columns that still hold another record's uuid (mapped later)."""
    _checker(table, frozenset(references))(values, number, today)


def _check_value(table: Table, values: dict[str, Any], number: int, column: tuple) -> None:
    """The exact check of one value the fast path found suspicious: raise, or NFC it."""
    name, kind, length, nullable = column
    value = values[name]
    if value is None:
        if not nullable:
            raise _fail(table, number, name, "thiếu giá trị")
        return
    if kind == "text":
        if not isinstance(value, str):
            raise _fail(table, number, name, "phải là chữ")
        if len(value) > length:
            raise _fail(table, number, name, f"dài quá {length} ký tự")
        if _CONTROL_RE.search(value):
            raise _fail(table, number, name, "có ký tự điều khiển")
        if not value.isascii() and not unicodedata.is_normalized("NFC", value):
            values[name] = unicodedata.normalize("NFC", value)
    elif kind == "int":
        if isinstance(value, bool) or not isinstance(value, int):
            raise _fail(table, number, name, "phải là số nguyên")
        if not -(2**53) <= value <= 2**53:
            raise _fail(table, number, name, "số quá lớn")
    elif kind == "bool" and value not in (True, False, 0, 1):
        raise _fail(table, number, name, "phải là có/không")


@functools.cache
def _checker(table: Table, references: frozenset[str]):
    """A row checker for one table, its column tests unrolled once (sync imports check
    hundreds of thousands of rows): a cheap test per value, the exact one when it fails.

    The texts of a row are searched for control characters, and tested for NFC, joined by
    new lines (a character allowed, that never combines with its neighbours: the joined
    text passes exactly when each text does); when it does not pass, each text gets the
    exact test, which names the column (or puts that text in NFC). A row with every column
    is read by plain subscripts; one without some (an older sender) by ``get``."""
    columns = _plan(table, references)
    env: dict[str, Any] = {
        "_ABSENT": _ABSENT,
        "_ctrl": _CONTROL_RE.search,
        "_norm": unicodedata.is_normalized,
        "_exact": _check_value,
        "_table": table,
        "_columns": columns,
        "_tail": _check_tail,
    }
    tests = []
    text_columns = []
    for n, (_name, kind, length, nullable) in enumerate(columns):
        v = f"v{n}"
        none = "False" if nullable else "True"
        if kind == "text":
            text_columns.append(n)
            tests.append(f"    if {v} is not _ABSENT:")
            tests.append(f"        if {v} is None:")
            if not nullable:
                tests.append(f"            _exact(_table, values, number, _columns[{n}])")
            else:
                tests.append("            pass")
            tests.append(f"        elif {v}.__class__ is not str or len({v}) > {length}:")
            tests.append(f"            _exact(_table, values, number, _columns[{n}])")
            tests.append("        else:")
            tests.append(f"            texts.append({v})")
            continue
        if kind == "int":
            bad = f"{v}.__class__ is not int or not -9007199254740992 <= {v} <= 9007199254740992"
        elif kind == "bool":
            bad = f"{v} not in (True, False)"
        elif nullable:
            continue  # nothing to test by type (times, JSON: decoded already)
        else:
            bad = "False"
        tests.append(f"    if {v} is not _ABSENT and ({none} if {v} is None else ({bad})):")
        tests.append(f"        _exact(_table, values, number, _columns[{n}])")
    if text_columns:
        tests.append('    joined = "\\n".join(texts)')
        tests.append(
            "    if _ctrl(joined) is not None or (not joined.isascii() and not _norm('NFC', joined)):"
        )
        for n in text_columns:
            tests.append(f"        if v{n} is not _ABSENT:")
            tests.append(f"            _exact(_table, values, number, _columns[{n}])")
    tests.append("    _tail(_table, values, number, today)")
    names = ", ".join(f"v{n}" for n in range(len(columns)))
    body = ["def check(values, number, today=None):", "    texts = []"]
    if columns:
        body.append("    try:")
        body.append(f"        {names}, = ({', '.join(f'values[{c[0]!r}]' for c in columns)},)")
        body.append("    except KeyError:")
        body.append("        get = values.get")
        body.append(
            f"        {names}, = ({', '.join(f'get({c[0]!r}, _ABSENT)' for c in columns)},)"
        )
    exec("\n".join(body + tests), env)  # noqa: S102 - code built from the schema, never from input
    return env["check"]


def _check_tail(
    table: Table, values: dict[str, Any], number: int, today: date | None = None
) -> None:
    if "uuid" in values and not _UUID.match(str(values["uuid"] or "")):
        raise _fail(table, number, "uuid", "mã bản ghi không hợp lệ")
    rule = _RULES.get(table.name)
    if rule is not None:
        try:
            rule(values, today)
        except _Bad as bad:
            raise _fail(table, number, bad.column, bad.why) from None


class _Bad(Exception):
    def __init__(self, column: str, why: str) -> None:
        self.column, self.why = column, why


def _plain_citizen_id(value: Any) -> bool:
    """Already a 12-digit CCCD as :func:`normalize_citizen_id` gives it (most rows): no need
    to ask it."""
    return (
        value.__class__ is str
        and len(value) == 12
        and value.isdigit()
        and value.isascii()
        and value[:3] in PROVINCE_CODES
        and value[3] in "0123"
    )


def _plain_phone(value: Any) -> bool:
    """Already digits from 0, 10 or 11 of them, as :func:`normalize_phone` gives them."""
    return (
        value.__class__ is str
        and len(value) in (10, 11)
        and value[0] == "0"
        and value.isdigit()
        and value.isascii()
    )


def _phone(values: dict[str, Any], column: str) -> None:
    value = values.get(column)
    if not value or _plain_phone(value):
        return
    try:
        if normalize_phone(value) != value:
            raise _Bad(column, "số điện thoại không đúng dạng")
    except IdentityError as err:
        raise _Bad(column, str(err)) from None


def _person_name(values: dict[str, Any], column: str) -> None:
    name = values.get(column) or ""
    if not name.strip():
        raise _Bad(column, "thiếu họ tên")


def _member(values: dict[str, Any], today: date | None) -> None:
    if "full_name" in values:
        _person_name(values, "full_name")
    year = values.get("birth_year")
    if year is not None:
        this_year = (today or date.today()).year  # asked only when there is a year
        if not 1900 <= year <= this_year:
            raise _Bad("birth_year", f"năm sinh phải từ 1900 đến {this_year}")
    if values.get("sex") not in (None, "", "M", "F"):
        raise _Bad("sex", "giới tính phải là Nam hoặc Nữ")
    cid = values.get("citizen_id")
    if cid and not _plain_citizen_id(cid):
        try:
            if normalize_citizen_id(cid) != cid:
                raise _Bad("citizen_id", "số CCCD không đúng dạng")
        except IdentityError as err:
            raise _Bad("citizen_id", str(err)) from None
    _phone(values, "phone")
    _status(values, "status")


def _status(values: dict[str, Any], column: str) -> None:
    value = values.get(column)
    if value and value not in STATUSES:
        raise _Bad(column, "tình trạng sức khỏe không hợp lệ")


def _household(values: dict[str, Any], _today: date | None) -> None:
    _phone(values, "phone")


def _health(values: dict[str, Any], _today: date | None) -> None:
    _status(values, "status")


def _document(values: dict[str, Any], _today: date | None) -> None:
    sha = values.get("sha256") or ""
    if not _HEX64.match(sha):
        raise _Bad("sha256", "mã kiểm tra không hợp lệ")
    # The receiver names the file; whatever path the package gave is dropped.
    original = str(values.get("original_name") or "")
    values["original_name"] = PurePosixPath(original.replace("\\", "/")).name[:255] or "tep"
    values["stored_path"] = stored_name(sha, values["original_name"])


def _checkpoint(values: dict[str, Any], _today: date | None) -> None:
    _phone(values, "phone")


_RULES = {
    "household_member": _member,
    "household": _household,
    "health_status": _health,
    "document": _document,
    "checkpoint_entry": _checkpoint,
}
