"""Issue 15 tried as an attacker would: hostile signed packages, tampered audit rows, parallel
sign-ins, a full disk, files readable by others."""

from __future__ import annotations

import errno
import hashlib
import json
import os
import random
import sqlite3
import threading
import zipfile
from datetime import timedelta

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from fieldapp.accounts.service import FREE_ATTEMPTS, SignInError, create_user, sign_in, sign_out
from fieldapp.audit import anchor
from fieldapp.audit.trail import verify
from fieldapp.db.database import open_database
from fieldapp.db.models import Document
from fieldapp.errors import NoSpace
from fieldapp.households.excel_export import export_households
from fieldapp.households.models import HouseholdMember
from fieldapp.households.service import (
    AreaInput,
    HouseholdInput,
    MemberInput,
    add_area,
    add_household,
)
from fieldapp.profile import save_profile
from fieldapp.rostering.models import Site
from fieldapp.sync import keys
from fieldapp.sync.package import export_package
from fieldapp.sync.receive import PackageError, import_package, trust
from tests.core.households.workbooks import TODAY
from tests.core.sync.helpers import add_site, content, new_device

PASSWORD = "mật-khẩu-8"
CCCD = "006203004567"
PHONE = "0912345678"


# --------------------------------------------------------------------------------------------
# Hostile packages from a trusted commune
# --------------------------------------------------------------------------------------------


def _household(db, name="Nông Văn Dũng", cccd=CCCD):
    area = add_area(
        db,
        AreaInput(
            name=f"Khu {name}",
            villages="Nà Pài",
            regime="CT16",
            started_on=TODAY - timedelta(days=2),
            planned_end=TODAY + timedelta(days=12),
        ),
    )
    add_household(
        db,
        area,
        HouseholdInput(village="Nà Pài", phone=PHONE),
        [MemberInput(name, 1980, is_head=True, citizen_id=cccd, phone=PHONE)],
    )


def resign(src, dst, paths, change):
    """Rewrite a package's data parts with ``change`` and sign it again with ``paths``' key:
    a package a trusted commune's own laptop could produce."""
    with zipfile.ZipFile(src) as zin:
        entries = {i.filename: zin.read(i.filename) for i in zin.infolist()}
    manifest = json.loads(entries.pop("manifest.json"))
    entries.pop("manifest.sig")
    data = {n: json.loads(b) for n, b in entries.items() if n.startswith("data/")}
    files = {n: b for n, b in entries.items() if n.startswith("files/")}
    change(data, files, manifest)
    parts = {n: json.dumps(v, ensure_ascii=False).encode() for n, v in data.items()}
    parts.update(files)
    manifest["parts"] = {
        n: {"bytes": len(b), "sha256": hashlib.sha256(b).hexdigest()} for n, b in parts.items()
    }
    raw = json.dumps(manifest, ensure_ascii=False).encode()
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for n, b in parts.items():
            zout.writestr(n, b)
        zout.writestr("manifest.json", raw)
        zout.writestr("manifest.sig", keys.sign(paths, raw))
    return dst


def rows(data, table):
    part = data[f"data/{table}.json"]
    return part, [dict(zip(part["columns"], r, strict=True)) for r in part["rows"]]


def put(part, dicts):
    part["rows"] = [[d[c] for c in part["columns"]] for d in dicts]


@pytest.fixture
def world(tmp_path):
    commune = new_device(tmp_path, "commune", commune="Bằng Lãng")
    district = new_device(tmp_path, "district", commune="Huyện Chợ Đồn")
    _household(commune)
    first = export_package(commune, tmp_path / "first.fieldsync").path
    import_package(district, first, trust_new=True)
    yield commune, district, tmp_path
    commune.close()
    district.close()


@pytest.mark.parametrize(
    "column,value",
    [
        ("birth_year", "nineteen"),
        ("birth_year", 1850),
        (
            "full_name",
            "".join(random.Random(7).choices("aăâbcdđeêghiklmnoôơpqrstuưvxy ", k=1_000_000)),
        ),
        ("citizen_id", "12345"),
        ("phone", "=1+1"),
        ("status", "F9"),
        ("full_name", "Nông\x00Văn"),
    ],
)
def test_bad_values_refuse_the_whole_package(world, column, value):
    commune, district, tmp = world
    _household(commune, "Lý Thị Mai", "006303001234")
    pkg = export_package(commune, tmp / "2.fieldsync").path

    def change(data, _files, _manifest):
        part, members = rows(data, "household_member")
        members[-1][column] = value
        put(part, members)

    bad = resign(pkg, tmp / "bad.fieldsync", commune.paths, change)
    before = content(district)
    with pytest.raises(PackageError) as err:
        import_package(district, bad)
    assert column in str(err.value) and str(value)[:20] not in str(err.value)
    assert content(district) == before


def test_a_document_path_from_a_package_is_never_used(world):
    """A row pointing at ../keys/device-ed25519.pem must not make the district ship its key."""
    commune, district, tmp = world
    secret = (
        keys.key_path(district.paths).read_bytes()
        if keys.key_path(district.paths).exists()
        else None
    )
    payload = b"van ban chi dao"
    digest = hashlib.sha256(payload).hexdigest()
    add_site(commune, "Chốt mới")
    pkg = export_package(commune, tmp / "2.fieldsync").path
    with district.session() as s:
        doc_columns = [c.name for c in Document.__table__.c if c.name != "id"]

    def change(data, files, _manifest):
        row = {c: None for c in doc_columns}
        row.update(
            uuid="0b7d5f8e-1111-4222-8333-944455556666",
            kind="directive",
            title="Văn bản",
            original_name="../../keys/x.pem",
            sha256=digest,
            size=len(payload),
            stored_path="../keys/device-ed25519.pem",
            device_id=commune.device_id,
            created_at="2026-12-01T08:00:00+00:00",
            updated_at="2026-12-01T08:00:00+00:00",
        )
        data["data/document.json"] = {"columns": list(row), "rows": [list(row.values())]}
        files[f"files/{digest}"] = payload

    hostile = resign(pkg, tmp / "hostile.fieldsync", commune.paths, change)
    import_package(district, hostile)
    with district.session() as s:
        doc = s.scalar(select(Document).where(Document.sha256 == digest))
    assert ".." not in doc.stored_path and doc.stored_path.startswith(digest[:2] + "/" + digest)
    assert (district.paths.documents / doc.stored_path).read_bytes() == payload
    if secret is not None:
        assert keys.key_path(district.paths).read_bytes() == secret
    # the district's next full export carries the document, not its key
    out = export_package(district, tmp / "up.fieldsync", destination="province").path
    with zipfile.ZipFile(out) as z:
        blobs = [z.read(n) for n in z.namelist() if n.startswith("files/")]
    assert payload in blobs and not any(b"PRIVATE KEY" in b for b in blobs)


def test_tombstones_of_the_receivers_own_records_are_not_applied(world):
    commune, district, tmp = world
    own = add_site(district, "Chốt của huyện")
    add_site(commune, "Chốt mới")
    pkg = export_package(commune, tmp / "2.fieldsync").path

    def change(data, _files, _manifest):
        data["data/_tombstones.json"] = {
            "columns": ["uuid", "table_name", "deleted_at", "device_id"],
            "rows": [[own, "roster_site", "2099-01-01T00:00:00+00:00", commune.device_id]],
        }

    import_package(district, resign(pkg, tmp / "t.fieldsync", commune.paths, change))
    with district.session() as s:
        assert s.scalar(select(Site.name).where(Site.uuid == own)) == "Chốt của huyện"


def test_a_forged_device_id_never_overwrites_another_devices_record(world):
    commune, district, tmp = world
    own = add_site(district, "Chốt của huyện")
    add_site(commune, "Chốt mới")
    pkg = export_package(commune, tmp / "2.fieldsync").path
    with district.session() as s:
        site = s.scalar(select(Site).where(Site.uuid == own))
        columns = [c.name for c in Site.__table__.c if c.name != "id"]
        forged = {c: getattr(site, c) for c in columns}

    def change(data, _files, _manifest):
        from fieldapp.sync.tables import encode

        row = {c: encode(v) for c, v in forged.items()}
        row.update(name="Chốt bị chiếm", updated_at="2099-01-01T00:00:00+00:00")
        data["data/roster_site.json"] = {"columns": list(row), "rows": [list(row.values())]}

    import_package(district, resign(pkg, tmp / "f.fieldsync", commune.paths, change))
    with district.session() as s:
        assert s.scalar(select(Site.name).where(Site.uuid == own)) == "Chốt của huyện"


def test_a_formula_name_arrives_as_text_and_exports_escaped(world):
    commune, district, tmp = world
    _household(commune, "Lò Văn Bình", "006203009876")
    pkg = export_package(commune, tmp / "2.fieldsync").path

    def change(data, _files, _manifest):
        part, members = rows(data, "household_member")
        members[-1]["full_name"] = '=HYPERLINK("http://x.example","Bấm")'
        put(part, members)

    import_package(district, resign(pkg, tmp / "x.fieldsync", commune.paths, change))
    book = tmp / "list.xlsx"
    export_households(district, book)
    cells = [
        c.value
        for ws in load_workbook(book).worksheets
        for row in ws.iter_rows()
        for c in row
        if isinstance(c.value, str) and "HYPERLINK" in c.value
    ]
    assert cells and all(v.startswith("'=") for v in cells)


def test_an_impostor_key_for_a_pre_trusted_commune_is_refused(tmp_path):
    real = new_device(tmp_path, "real", commune="Bằng Lãng")
    impostor = new_device(tmp_path, "impostor", commune="Bằng Lãng")
    district = new_device(tmp_path, "district", commune="Huyện Chợ Đồn")
    trust(district, keys.device_fingerprint(real.paths))  # compared over the phone first
    add_site(impostor, "Chốt giả")
    fake = export_package(impostor, tmp_path / "fake.fieldsync").path
    before = content(district)
    with pytest.raises(PackageError, match="tin cậy"):
        import_package(district, fake, trust_new=True)
    assert content(district) == before
    add_site(real, "Chốt thật")
    import_package(district, export_package(real, tmp_path / "real.fieldsync").path)
    for db in (real, impostor, district):
        db.close()


def test_a_known_device_with_a_new_key_needs_an_admin_who_saw_both(world):
    from fieldapp.sync.rights import accept_new_key

    commune, district, tmp = world
    old = keys.device_fingerprint(commune.paths)
    keys.key_path(commune.paths).unlink()  # a new key on that laptop (or an impostor)
    new = keys.device_fingerprint(commune.paths)
    add_site(commune, "Chốt sau khi đổi khóa")
    pkg = export_package(commune, tmp / "rekey.fieldsync").path
    with pytest.raises(PackageError, match="KHÁC"):
        import_package(district, pkg, trust_new=True)
    with pytest.raises(Exception, match="Khóa cũ"):
        accept_new_key(district, commune.device_id, new, new)
    accept_new_key(district, commune.device_id, old, new)
    assert import_package(district, pkg).inserted >= 1


# --------------------------------------------------------------------------------------------
# The audit trail tampered with
# --------------------------------------------------------------------------------------------


@pytest.fixture
def audited(db):
    create_user(db, "admin", PASSWORD)
    create_user(db, "xem", PASSWORD, role="viewer")
    from fieldapp.demo import DEMO_PROFILE

    save_profile(db, DEMO_PROFILE)
    _household(db)
    assert verify(db).ok
    return db


def _sql(db, *statements):
    conn = sqlite3.connect(db.paths.database)
    with conn:
        for statement in statements:
            conn.execute(*statement) if isinstance(statement, tuple) else conn.execute(statement)
    conn.close()


def test_deleted_tail_is_reported(audited):
    _sql(audited, "DELETE FROM audit_entry WHERE id > (SELECT max(id) - 3 FROM audit_entry)")
    report = verify(audited)
    assert not report.ok and any("mất phần cuối" in p for p in report.anchor_problems)


def test_everything_deleted_is_reported(audited):
    _sql(audited, "DELETE FROM audit_entry")
    assert not verify(audited).ok


def test_a_rewrite_with_recomputed_hashes_is_reported(audited):
    from fieldapp.audit.models import AuditEntry
    from fieldapp.audit.trail import GENESIS, entry_hash

    with audited.session() as s:
        entries = [
            dict(r)
            for r in s.execute(select(AuditEntry.__table__).order_by(AuditEntry.id)).mappings()
        ]
    conn = sqlite3.connect(audited.paths.database)
    entries[1]["actor"] = "nguoi-khac"
    prev = GENESIS
    with conn:
        for e in entries:
            e["prev_hash"] = prev
            e["hash"] = prev = entry_hash(prev, e)
            conn.execute(
                "UPDATE audit_entry SET actor=?, prev_hash=?, hash=? WHERE id=?",
                (e["actor"], e["prev_hash"], e["hash"], e["id"]),
            )
    conn.close()
    report = verify(audited)
    assert report.broken_at is None  # the chain itself looks whole …
    assert not report.ok and any("viết lại" in p for p in report.anchor_problems)  # … not so


def test_a_direct_role_raise_is_reported(audited):
    _sql(audited, "UPDATE user_account SET role = 'admin' WHERE username = 'xem'")
    report = verify(audited)
    assert not report.ok and any("tài khoản" in p for p in report.anchor_problems)


def test_a_deleted_or_forged_anchor_is_reported(audited):
    path = anchor.anchor_path(audited.paths.database)
    data = json.loads(path.read_text())
    data["seq"] = 1
    path.write_text(json.dumps(data))
    assert any("chữ ký" in p for p in verify(audited).anchor_problems)
    path.unlink()
    assert not verify(audited).ok


def test_backups_and_packages_carry_the_anchor(audited, paths, tmp_path):
    from fieldapp.backup import backup_now

    copy = backup_now(paths, tmp_path / "copy.sqlite3")
    conn = sqlite3.connect(copy)
    (value,) = conn.execute("SELECT value FROM app_meta WHERE key = 'audit_anchor'").fetchone()
    conn.close()
    assert anchor.signature_ok(json.loads(value))
    sign_in(audited, "admin", PASSWORD)
    pkg = export_package(audited, tmp_path / "p.fieldsync").path
    with zipfile.ZipFile(pkg) as z:
        manifest = json.loads(z.read("manifest.json"))
    assert anchor.signature_ok(manifest["audit_anchor"])


# --------------------------------------------------------------------------------------------
# Sign-in tried in parallel
# --------------------------------------------------------------------------------------------


def test_parallel_wrong_passwords_get_only_the_free_tries(db, paths):
    create_user(db, "admin", PASSWORD)
    sign_out(db)
    barrier = threading.Barrier(10)
    outcomes: list[str] = []

    def attempt():
        mine = open_database(paths)
        try:
            barrier.wait()
            sign_in(mine, "admin", "sai-mat-khau", sleep=lambda _s: None)
        except SignInError as err:
            outcomes.append("checked" if "Sai tên" in str(err) else "waited")
        finally:
            mine.close()

    threads = [threading.Thread(target=attempt) for _ in range(10)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert outcomes.count("checked") == FREE_ATTEMPTS
    assert outcomes.count("waited") == 10 - FREE_ATTEMPTS
    conn = sqlite3.connect(paths.database)
    (count,) = conn.execute("SELECT failed_attempts FROM user_account").fetchone()
    conn.close()
    assert count == FREE_ATTEMPTS  # the refused ones were not even counted as checked


# --------------------------------------------------------------------------------------------
# A full disk; private files
# --------------------------------------------------------------------------------------------


def test_backup_refused_plainly_when_the_target_disk_is_full(db, paths, tmp_path, monkeypatch):
    import shutil

    from fieldapp.backup import backup_now

    real = shutil.disk_usage
    monkeypatch.setattr(shutil, "disk_usage", lambda p: real(p)._replace(free=10 * 1024))
    target = tmp_path / "usb"
    with pytest.raises(NoSpace, match="gần đầy"):
        backup_now(paths, target / "copy.sqlite3")
    assert not target.exists() or not list(target.iterdir())


def test_enospc_during_backup_is_no_space_not_damage(db, paths, tmp_path, monkeypatch):
    from fieldapp.backup import backup_now

    real_fsync = os.fsync

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(NoSpace):
        backup_now(paths, tmp_path / "copy.sqlite3")
    monkeypatch.setattr(os, "fsync", real_fsync)
    assert not (tmp_path / "copy.sqlite3").exists()


def test_a_full_data_disk_still_opens_and_backs_up_elsewhere(db, paths, tmp_path, monkeypatch):
    """The probe write fails with ENOSPC: reading and a backup to another disk still work."""
    from fieldapp.backup import backup_now
    from fieldapp.db import database

    db.close()
    real_open = open

    def probing(file, *args, **kwargs):
        if ".write-test-" in str(file):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr("builtins.open", probing)
    again = database.open_database(paths)
    again.close()
    monkeypatch.setattr("builtins.open", real_open)
    assert backup_now(paths, tmp_path / "usb.sqlite3").exists()


def test_damaged_only_after_the_integrity_check_fails(paths, db):
    from fieldapp.db.database import DamagedDatabase, error_for

    busy = sqlite3.OperationalError("disk I/O error")
    assert not isinstance(error_for(busy, paths.database), DamagedDatabase)
    full = sqlite3.OperationalError("database or disk is full")
    assert isinstance(error_for(full, paths.database), NoSpace)
    malformed = sqlite3.DatabaseError("database disk image is malformed")
    assert not isinstance(error_for(malformed, paths.database), DamagedDatabase)  # file is ok


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
def test_files_are_private(tmp_path):
    from fieldapp.cli import main

    data = tmp_path / "data"
    assert (
        main(
            [
                "--data-dir",
                str(data),
                "profile",
                "set",
                "--commune-name",
                "Bằng Lãng",
                "--district-name",
                "Chợ Đồn",
                "--province-name",
                "Bắc Kạn",
            ]
        )
        == 0
    )
    assert main(["--data-dir", str(data), "backup"]) == 0
    assert data.stat().st_mode & 0o777 == 0o700
    for file in data.rglob("*"):
        if file.is_file():
            assert file.stat().st_mode & 0o077 == 0, file


def test_crash_report_has_no_personal_data_and_lives_in_the_data_folder(tmp_path, monkeypatch):
    from fieldapp import cli

    data = tmp_path / "data"

    def boom(_args):
        raise RuntimeError(f"hàng có CCCD {CCCD} và số {PHONE}")

    parser = cli.build_parser
    monkeypatch.setattr(
        cli,
        "build_parser",
        lambda *a, **k: _with_func(parser(*a, **k), boom),
    )
    assert cli.main(["--data-dir", str(data), "info"]) == 1
    (report,) = (data / "crash").glob("crash-*.txt")
    text = report.read_text()
    assert CCCD not in text and PHONE not in text
    assert report.stat().st_mode & 0o077 == 0


def _with_func(parser, func):
    original = parser.parse_args

    def parse(argv=None):
        args = original(argv)
        args.func = func
        return args

    parser.parse_args = parse
    return parser


def test_household_member_check_unchanged_by_masking(db):
    """Guard: a database without accounts still shows everything to its one user."""
    _household(db)
    with db.session() as s:
        assert s.scalar(select(HouseholdMember.citizen_id)) == CCCD


def test_cli_accepts_a_new_key_only_for_an_admin_naming_both(world, monkeypatch, capsys):
    from fieldapp.cli import main

    commune, district, tmp = world
    old = keys.device_fingerprint(commune.paths)
    keys.key_path(commune.paths).unlink()
    new = keys.device_fingerprint(commune.paths)
    add_site(commune, "Chốt sau khi đổi khóa")
    pkg = export_package(commune, tmp / "rekey.fieldsync").path
    create_user(district, "admin", PASSWORD)
    create_user(district, "canbo", PASSWORD, role="officer")
    data = ["--data-dir", str(district.paths.data_dir)]
    monkeypatch.setenv("FIELDAPP_PASSWORD", PASSWORD)
    assert main([*data, "--user", "canbo", "sync", "trust", new, "--replaces", old]) == 5
    assert main([*data, "--user", "admin", "sync", "trust", new, "--replaces", new]) != 0
    assert main([*data, "--user", "admin", "sync", "trust", new, "--replaces", old]) == 0
    sign_in(district, "admin", PASSWORD)
    assert import_package(district, pkg).inserted >= 1
