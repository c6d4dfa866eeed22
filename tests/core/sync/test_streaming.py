"""A package is applied as it is read (issue 17 target: 50,000 households in bounded memory):
the parts are parsed a batch at a time, checked again against the signed manifest while
they are applied, and every JSON shape a sender may have written still reads the same."""

from __future__ import annotations

import hashlib
import json
import unicodedata
import zipfile
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select, text

from fieldapp.errors import Cancelled
from fieldapp.households.models import HouseholdMember
from fieldapp.households.service import (
    AreaInput,
    HouseholdInput,
    MemberInput,
    add_area,
    add_household,
)
from fieldapp.progress import Progress
from fieldapp.sync import keys, parts, receive
from fieldapp.sync.package import export_package
from fieldapp.sync.receive import PackageError, import_package, trust
from fieldapp.sync.validate import BadRow, _check_value, _plan, check_row
from tests.core.sync.helpers import add_site, content, new_device

ROWS = [
    ["a7f0", 'Chốt "Nà Pài" ], [ {x}', None, True, 3, 1.5, {"k": [1, 2]}],
    ["b1", "", "2026-12-03T19:27:40+00:00", False, -7, 0, []],
] + [[f"u{i}", "Nguyễn Thị Thúy " * (i % 7), None, i % 2 == 0, i, i / 3, None] for i in range(40)]
COLUMNS = ["uuid", "name", "at", "flag", "n", "x", "extra"]


def _zip_part(tmp_path, data: bytes, name="data/roster_site.json"):
    path = tmp_path / "p.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(name, data)
    return path, name, len(data), hashlib.sha256(data).hexdigest()


def _read(tmp_path, data: bytes, batch=5):
    path, name, size, sha = _zip_part(tmp_path, data)
    with zipfile.ZipFile(path) as zf, parts.CheckedPart(zf, name, size, sha) as part:
        columns, batches = parts.table_rows(part, batch)
        got = [row for b in batches for row in b]
        assert all(len(b) <= batch for b in batches)
        assert part.done  # read to its end, size and SHA-256 compared
    return columns, got


SHAPES = {
    "as the app writes it": json.dumps(
        {"columns": COLUMNS, "rows": ROWS}, ensure_ascii=False, separators=(",", ":")
    ),
    "pretty, with spaces and new lines": json.dumps({"columns": COLUMNS, "rows": ROWS}, indent=2),
    "rows before columns": json.dumps({"rows": ROWS, "columns": COLUMNS}),
    "a key a newer version added": json.dumps(
        {"columns": COLUMNS, "note": {"a": [1, "]}"]}, "rows": ROWS, "after": 1}
    ),
    "no rows": json.dumps({"columns": COLUMNS, "rows": []}),
}


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("read", [3, 64, 1 << 20])
def test_every_shape_of_a_part_reads_the_same_rows(tmp_path, monkeypatch, shape, read):
    monkeypatch.setattr(parts, "READ", read)  # values cut by the end of a read, many times
    columns, got = _read(tmp_path, SHAPES[shape].encode("utf-8"))
    assert columns == COLUMNS
    assert got == ([] if shape == "no rows" else json.loads(json.dumps(ROWS)))


@pytest.mark.parametrize(
    "data",
    [
        b'{"columns": ["a"], "rows": [[1], [2]',  # cut short
        b'{"columns": ["a"], "rows": [[1], [2]]} trailing',
        b'{"columns": ["a"], "rows": [[1], {"a": 2}]}',  # a row that is not a list
        b'{"columns": ["a"], "columns": ["b"], "rows": []}',
        b'{"columns": ["a"]}',
        b'["columns", "rows"]',
        b'{"columns": ["a"], "rows": [[1] [2]]}',
        b'{"columns": ["a"], "rows": [[1], [2]]}'.replace(b"1", b"\xff"),  # not UTF-8
        b"",
    ],
)
def test_a_malformed_part_is_refused(tmp_path, data):
    with pytest.raises(ValueError):
        _read(tmp_path, data)


def test_a_part_longer_or_other_than_signed_is_refused(tmp_path):
    data = json.dumps({"columns": COLUMNS, "rows": ROWS}).encode()
    path, name, size, sha = _zip_part(tmp_path, data)
    with zipfile.ZipFile(path) as zf:
        with pytest.raises(parts.PartMismatch):
            parts.hash_part(zf, name, size - 1, sha)  # more bytes than declared
        with pytest.raises(parts.PartMismatch):
            parts.hash_part(zf, name, size, "0" * 64)
        parts.hash_part(zf, name, size, sha)


# -- whole packages --------------------------------------------------------------------------


def _households(db, count: int) -> None:
    area = add_area(
        db,
        AreaInput(
            name="Khu Nà Pài",
            villages="Nà Pài",
            regime="CT16",
            started_on=date.today() - timedelta(days=2),
            planned_end=date.today() + timedelta(days=12),
        ),
    )
    for i in range(count):
        add_household(
            db,
            area,
            HouseholdInput(village="Nà Pài", house_number=str(i + 1)),
            [MemberInput(f"Hoàng Văn Thắng {chr(65 + i)}", 1980, is_head=True)],
        )


@pytest.fixture
def pair(tmp_path):
    commune = new_device(tmp_path, "commune")
    district = new_device(tmp_path, "district", commune="Huyện Chợ Đồn")
    trust(district, keys.device_fingerprint(commune.paths))
    yield commune, district, tmp_path
    commune.close()
    district.close()


def test_a_package_changed_on_disk_after_its_check_is_refused_whole(pair, monkeypatch):
    commune, district, tmp = pair
    for i in range(400):  # parts larger than a read buffer: read again from the disk
        add_site(commune, f"Chốt kiểm soát số {i} — thôn Nà Pài, xã Bằng Lãng")
    pkg = export_package(commune, tmp / "p.fieldsync").path
    before = content(district)
    checked = receive._check

    def check_then_tamper(archive, path, sha256):
        found = checked(archive, path, sha256)
        info = archive.getinfo("data/roster_site.json")
        with open(path, "r+b") as fh:  # the same file, changed in place
            fh.seek(info.header_offset + 30 + len(info.filename) + len(info.extra) + 40)
            byte = fh.read(1)
            fh.seek(-1, 1)
            fh.write(bytes([byte[0] ^ 0xFF]))
        return found

    monkeypatch.setattr(receive, "_check", check_then_tamper)
    with pytest.raises(PackageError):
        import_package(district, pkg)
    assert content(district) == before


def test_bulk_import_keeps_the_search_index_and_its_triggers(pair, monkeypatch):
    commune, district, tmp = pair
    _households(commune, 12)
    monkeypatch.setattr(receive, "BULK_ROWS", 5)  # the bulk path for a small package
    pkg = export_package(commune, tmp / "p.fieldsync").path
    import_package(district, pkg)
    with district.engine.connect() as conn:
        triggers = set(
            conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'trigger'")).scalars()
        )
        found = conn.execute(
            text("SELECT count(*) FROM household_fts WHERE household_fts MATCH 'thang'")
        ).scalar()
        check = conn.execute(
            text("INSERT INTO household_fts(household_fts) VALUES ('integrity-check')")
        )
        check.close()
    assert {"household_fts_ai", "household_fts_ad", "household_fts_au"} <= triggers
    assert found == 12


def test_a_refused_bulk_import_leaves_triggers_and_data_as_they_were(pair, monkeypatch):
    from tests.core.trust.test_attacks import put, resign, rows

    commune, district, tmp = pair
    _households(commune, 8)
    monkeypatch.setattr(receive, "BULK_ROWS", 5)
    pkg = export_package(commune, tmp / "p.fieldsync").path

    def bad_last_member(data, _files, _manifest):
        part, members = rows(data, "household_member")
        members[-1]["status"] = "F9"  # refused after every household went in
        put(part, members)

    bad = resign(pkg, tmp / "bad.fieldsync", commune.paths, bad_last_member)
    before = content(district)
    with pytest.raises(PackageError, match="household_member"):
        import_package(district, bad)
    assert content(district) == before
    import_package(district, pkg)  # the good one, after: indexed by the trigger set back
    with district.engine.connect() as conn:
        assert (
            conn.execute(
                text("SELECT count(*) FROM household_fts WHERE household_fts MATCH 'thang'")
            ).scalar()
            == 8
        )


def _index_sql(db) -> set[str]:
    with db.engine.connect() as conn:
        return set(
            conn.execute(
                text("SELECT sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")
            ).scalars()
        )


def test_a_part_that_doubles_its_table_gets_its_plain_indexes_built_after(pair, monkeypatch):
    """The same indexes after a bulk import as before (built once after the rows), the same
    register as the ordinary path, and a refused package leaves every index in place."""
    from tests.core.trust.test_attacks import put, resign, rows

    commune, district, tmp = pair
    _households(commune, 9)
    monkeypatch.setattr(receive, "BULK_ROWS", 3)
    monkeypatch.setattr(receive, "INDEXES_AFTER_FROM", 3)
    pkg = export_package(commune, tmp / "p.fieldsync").path
    indexes = _index_sql(district)
    dropped = []
    real = receive.defer_plain_indexes

    def spy(conn, table, count, threshold):
        found = real(conn, table, count, threshold=threshold)
        dropped.extend(found)
        return found

    monkeypatch.setattr(receive, "defer_plain_indexes", spy)

    def bad_last_member(data, _files, _manifest):
        part, members = rows(data, "household_member")
        members[-1]["status"] = "F9"  # refused after the members' indexes were dropped
        put(part, members)

    bad = resign(pkg, tmp / "bad.fieldsync", commune.paths, bad_last_member)
    before = content(district)
    with pytest.raises(PackageError):
        import_package(district, bad)
    assert dropped  # the bulk path really dropped some
    assert content(district) == before and _index_sql(district) == indexes
    import_package(district, pkg)
    assert _index_sql(district) == indexes
    with district.engine.connect() as conn:
        assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"
        assert conn.execute(text("SELECT count(*) FROM household")).scalar() == 9
        members = conn.execute(text("SELECT count(*) FROM household_member")).scalar()
    with commune.engine.connect() as conn:
        assert members == conn.execute(text("SELECT count(*) FROM household_member")).scalar()


def test_cancel_during_import_writes_nothing(pair):
    commune, district, tmp = pair
    _households(commune, 6)
    pkg = export_package(commune, tmp / "p.fieldsync").path
    before = content(district)
    seen = []

    def on_update(done, total, label):
        seen.append((done, total, label))
        progress.cancel()

    progress = Progress(on_update)
    with pytest.raises(Cancelled):
        import_package(district, pkg, progress=progress)
    assert content(district) == before and seen
    done = Progress()
    result = import_package(district, pkg, progress=done)
    assert result.inserted > 0 and done.done == done.total == result.inserted
    with district.session() as s:
        assert len(s.scalars(select(HouseholdMember)).all()) == 6


# -- the joined text check is the exact check ------------------------------------------------

TEXTS = st.text(
    alphabet=st.sampled_from(
        list("aAđĐ ơ\n\t\r") + ["\u0301", "\u0303", "\u0323", "\x00", "\x1f", "\x7f", "ệ", "e"]
    ),
    max_size=12,
)


def _full_row() -> dict:
    """A member row with every column (a package of this version), valid."""
    from datetime import UTC, datetime

    row = {}
    for name, kind, _length, nullable in _plan(HouseholdMember.__table__, frozenset()):
        row[name] = {"text": "", "int": 0, "bool": False}.get(kind)
        if row[name] is None and not nullable:
            row[name] = datetime(2026, 12, 3, tzinfo=UTC)
    row.update(full_name="Lò Văn A", uuid="0f0e0d0c-aaaa", device_id="d", citizen_id=None)
    row.update(birth_year=1980, position=0)
    return row


@settings(max_examples=300, deadline=None)
@given(st.lists(TEXTS, min_size=3, max_size=3), st.booleans())
def test_the_joined_text_check_is_the_exact_check(texts, every_column):
    table = HouseholdMember.__table__
    values = _full_row() if every_column else {"full_name": "Lò Văn A", "sex": ""}
    values.update(notes=texts[0], relation=texts[1], isolation=texts[2][:10])
    exact = dict(values)
    exact_error = None
    try:
        for column in _plan(table, frozenset()):
            if column[0] in exact:
                _check_value(table, exact, 1, column)
    except BadRow as err:
        exact_error = str(err)
    fast = dict(values)
    try:
        check_row(table, fast, 1)
    except BadRow as err:
        assert exact_error is not None and str(err) == exact_error
        return
    assert exact_error is None
    assert fast == exact
    if every_column:
        with pytest.raises(BadRow, match="household_id"):  # a missing value is still found
            check_row(table, {**fast, "household_id": None}, 1)
    assert all(unicodedata.is_normalized("NFC", v) for v in fast.values() if isinstance(v, str))
