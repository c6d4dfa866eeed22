"""Sync packages: signed, checked before anything is written, merged deterministically."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import time
import zipfile
from datetime import date

import pytest
from sqlalchemy import select

from fieldapp.cli import main
from fieldapp.db.models import Document
from fieldapp.document_store import read_document, store_document
from fieldapp.sync import keys
from fieldapp.sync.models import Conflict
from fieldapp.sync.package import export_package
from fieldapp.sync.receive import PackageError, import_package, read_package, trust
from tests.core.sync.helpers import add_site, content, delete_site, edit_site, new_device


@pytest.fixture
def world(tmp_path):
    commune = new_device(tmp_path, "commune", commune="Bằng Lãng")
    district = new_device(tmp_path, "district", commune="Huyện Chợ Đồn")
    yield commune, district, tmp_path
    commune.close()
    district.close()


def test_round_trip_with_documents_and_no_second_import(world):
    commune, district, tmp = world
    site = add_site(commune, "Chốt kiểm soát số 1 — Nà Pài")
    doc = store_document(
        commune, "Công văn 235-CV/HU".encode(), original_name="235.txt", kind="directive"
    )
    pkg = export_package(commune, tmp / "p1.fieldsync").path
    result = import_package(district, pkg, trust_new=True)
    assert result.commune == "xã Bằng Lãng" and result.inserted >= 3 and not result.already
    got = content(district)
    assert any(site in row for row in got["roster_site"])
    with district.session() as s:
        local_doc = s.scalar(select(Document).where(Document.uuid == doc.uuid))
    assert read_document(district, local_doc.id) == "Công văn 235-CV/HU".encode()
    before = content(district)
    again = import_package(district, pkg)
    assert again.already and content(district) == before
    # nothing changed since: no package at all, and the number is not used up
    second = export_package(commune, tmp / "p2.fieldsync")
    assert second.nothing and second.path is None and second.rows == 0
    assert not (tmp / "p2.fieldsync").exists()
    add_site(commune, "Chốt mới")
    third = export_package(commune, tmp)  # a folder (a USB stick): the name says who and when
    assert third.sequence == 2
    assert third.path.name == f"xa-bang-lang_{date.today().isoformat()}_0002.fieldsync"


@pytest.mark.parametrize(
    ("unit", "slug"),
    [
        ("xã Đồng Tâm", "xa-dong-tam"),
        ("thị trấn Bằng Lũng", "thi-tran-bang-lung"),
        ("tỉnh Bà Rịa – Vũng Tàu", "tinh-ba-ria-vung-tau"),  # an en dash
        ("xã Quảng Ngãi/ Hòa", "xa-quang-ngai-hoa"),  # no folder in a file name
        ("xã ..\\..\\Windows", "xa-windows"),
        ("phường 12", "phuong-12"),
        ("…", "fieldapp"),
    ],
)
def test_package_names_are_plain_ascii(unit, slug):
    from fieldapp.sync.package import package_name

    name = package_name(unit, 7, date(2026, 12, 3))
    assert name == f"{slug}_2026-12-03_0007.fieldsync"
    assert name.isascii() and "/" not in name and "\\" not in name


def test_unknown_key_is_refused_until_trusted(world):
    commune, district, tmp = world
    add_site(commune, "Chốt số 2")
    pkg = export_package(commune, tmp / "p.fieldsync").path
    before = content(district)
    with pytest.raises(PackageError, match="chưa được tin cậy"):
        import_package(district, pkg)
    assert content(district) == before
    fp = keys.device_fingerprint(commune.paths)
    assert read_package(pkg).fingerprint == fp
    trust(district, fp.replace("-", "").lower())
    assert import_package(district, pkg).inserted >= 1


def test_a_changed_key_is_refused(world):
    commune, district, tmp = world
    add_site(commune, "Chốt số 3")
    import_package(district, export_package(commune, tmp / "a.fieldsync").path, trust_new=True)
    keys.key_path(commune.paths).unlink()  # someone made a new key on that laptop
    add_site(commune, "Chốt số 4")
    pkg = export_package(commune, tmp / "b.fieldsync").path
    before = content(district)
    with pytest.raises(PackageError, match="KHÁC"):
        import_package(district, pkg, trust_new=True)
    assert content(district) == before


def _rewrite(src, dst, change):
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        entries = {i.filename: zin.read(i.filename) for i in zin.infolist()}
        for name, data in change(entries).items():
            zout.writestr(name, data)


def _bad_packages(pkg, tmp, commune):
    raw = pkg.read_bytes()
    made = {}
    made["truncated"] = tmp / "truncated.fieldsync"
    made["truncated"].write_bytes(raw[: len(raw) // 2])
    made["not a zip"] = tmp / "text.fieldsync"
    made["not a zip"].write_text("đây không phải gói")

    def altered_part(entries):
        name = "data/roster_site.json"
        assert "Chốt".encode() in entries[name]
        entries[name] = entries[name].replace("Chốt".encode(), "Chót".encode())
        return entries

    made["altered part"] = tmp / "altered.fieldsync"
    _rewrite(pkg, made["altered part"], altered_part)

    def altered_manifest(entries):
        manifest = json.loads(entries["manifest.json"])
        manifest["commune"]["name"] = "xã Giả Mạo"
        entries["manifest.json"] = json.dumps(manifest).encode()
        return entries

    made["altered manifest"] = tmp / "manifest.fieldsync"
    _rewrite(pkg, made["altered manifest"], altered_manifest)

    def newer_format(entries):
        manifest = json.loads(entries["manifest.json"])
        manifest["format"] = 99
        entries["manifest.json"] = json.dumps(manifest).encode()
        entries["manifest.sig"] = keys.sign(commune.paths, entries["manifest.json"])
        return entries

    made["newer format"] = tmp / "newer.fieldsync"
    _rewrite(pkg, made["newer format"], newer_format)

    def escaping_path(entries):
        entries["../../evil.json"] = b"{}"
        return entries

    made["path leaving the folder"] = tmp / "escape.fieldsync"
    _rewrite(pkg, made["path leaving the folder"], escaping_path)

    def deep_manifest(entries):
        entries["manifest.json"] = b"[" * 200_000 + b"]" * 200_000
        return entries

    made["manifest nested deep"] = tmp / "deep-manifest.fieldsync"
    _rewrite(pkg, made["manifest nested deep"], deep_manifest)

    def signed_lie(part: bytes):
        def change(entries):
            name = "data/roster_site.json"
            entries[name] = part
            manifest = json.loads(entries["manifest.json"])
            manifest["parts"][name] = manifest["parts"][name] | {
                "bytes": len(part),
                "sha256": hashlib.sha256(part).hexdigest(),
            }
            entries["manifest.json"] = json.dumps(manifest).encode()
            entries["manifest.sig"] = keys.sign(commune.paths, entries["manifest.json"])
            return entries

        return change

    columns = json.loads(zipfile.ZipFile(pkg).read("data/roster_site.json"))["columns"]
    deep = b'{"columns": ' + json.dumps(columns).encode() + b', "rows": [' + b"[" * 200_000
    made["signed part nested deep"] = tmp / "deep-part.fieldsync"
    _rewrite(pkg, made["signed part nested deep"], signed_lie(deep + b"]" * 200_001 + b"}"))
    nan = b'{"columns": ' + json.dumps(columns).encode() + b', "rows": [[NaN' + b", 1" * 30
    made["signed part with NaN"] = tmp / "nan-part.fieldsync"
    _rewrite(pkg, made["signed part with NaN"], signed_lie(nan + b"]]}"))

    bomb = tmp / "bomb.fieldsync"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("manifest.json", b"{}")
        zf.writestr("manifest.sig", b"x")
        zf.writestr("data/roster_site.json", b"\0" * (200 * 1024 * 1024))
    made["zip bomb"] = bomb
    return made


class _named:
    """Say which bad package a failure is about."""

    def __init__(self, kind):
        self.kind = kind

    def __enter__(self):
        return self

    def __exit__(self, kind, value, tb):
        if value is not None and hasattr(value, "add_note"):
            value.add_note(f"bad package: {self.kind}")
        return False


def test_every_kind_of_bad_package_is_refused_and_nothing_is_written(world):
    commune, district, tmp = world
    add_site(commune, "Chốt kiểm soát số 5")
    pkg = export_package(commune, tmp / "good.fieldsync").path
    trust(district, keys.device_fingerprint(commune.paths))
    expected = {
        "truncated": "cắt cụt",
        "not a zip": "không phải gói",
        "altered part": "không khớp mã kiểm tra",
        "altered manifest": "Chữ ký",
        "newer format": "mới hơn",
        "path leaving the folder": "đường dẫn không hợp lệ",
        "zip bomb": "quá lớn",
        "manifest nested deep": "hỏng",
        "signed part nested deep": "không đúng định dạng",
        "signed part with NaN": "không đúng định dạng",
    }
    before = content(district)
    for kind, path in _bad_packages(pkg, tmp, commune).items():
        with pytest.raises(PackageError, match=expected[kind]), _named(kind):
            import_package(district, path)
        assert content(district) == before, kind
    assert import_package(district, pkg).inserted >= 1  # the good one still goes in


def test_deletions_travel_and_an_older_package_never_brings_a_record_back(world):
    commune, district, tmp = world
    site = add_site(commune, "Điểm cách ly Trường Tiểu học")
    old = export_package(commune, tmp / "old.fieldsync", destination="archive").path
    import_package(district, export_package(commune, tmp / "1.fieldsync").path, trust_new=True)
    assert any(site in r for r in content(district)["roster_site"])
    delete_site(commune, site)
    newer = export_package(commune, tmp / "2.fieldsync")
    assert newer.tombstones == 1
    import_package(district, newer.path)
    assert not any(site in r for r in content(district)["roster_site"])
    import_package(district, old)  # the older full package arrives late
    assert not any(site in r for r in content(district)["roster_site"])
    assert site in content(district)["_tombstones"]


def test_two_edits_keep_a_deterministic_winner_and_the_other_is_listed(world):
    commune, district, tmp = world
    site = add_site(commune, "Chốt số 6")
    import_package(district, export_package(commune, tmp / "1.fieldsync").path, trust_new=True)
    edit_site(district, site, "Chốt số 6 (huyện sửa)")
    time.sleep(0.01)
    edit_site(commune, site, "Chốt số 6 (xã sửa sau)")
    import_package(district, export_package(commune, tmp / "2.fieldsync").path)
    names = content(district)["roster_site"]
    assert any("xã sửa sau" in r for r in names)
    with district.session() as s:
        (conflict,) = s.scalars(select(Conflict)).all()
    assert conflict.reason == "concurrent_edit" and "huyện sửa" in conflict.other


def test_cli_export_trust_import(world, capsys):
    commune, district, tmp = world
    add_site(commune, "Chốt số 7")
    commune.close()
    district.close()
    c, d = str(commune.paths.data_dir), str(district.paths.data_dir)
    assert main(["--data-dir", c, "sync", "fingerprint"]) == 0
    fp = capsys.readouterr().out.strip()
    assert main(["--data-dir", c, "sync", "export", "-o", str(tmp), "--json"]) == 2
    assert "--yes" in capsys.readouterr().err  # personal data: a person confirms first
    assert main(["--data-dir", c, "sync", "export", "-o", str(tmp), "--json", "--yes"]) == 0
    made = json.loads(capsys.readouterr().out)
    assert made["sequence"] == 1 and made["counts"]["roster_site"] == 1
    assert main(["--data-dir", d, "sync", "import", made["file"]]) == 2
    assert "chưa được tin cậy" in capsys.readouterr().out
    assert main(["--data-dir", d, "sync", "trust", fp]) == 0
    assert fp in capsys.readouterr().out
    assert main(["--data-dir", d, "sync", "import", made["file"], "--json"]) == 0
    (result,) = json.loads(capsys.readouterr().out)
    assert result["commune"] == "xã Bằng Lãng" and result["inserted"] >= 2
    assert main(["--data-dir", d, "sync", "peers", "--json"]) == 0
    (peer,) = json.loads(capsys.readouterr().out)
    assert peer["fingerprint"] == fp and peer["last_sequence"] == 1


def test_sigkill_during_import_leaves_the_database_unchanged(world):
    commune, district, tmp = world
    for i in range(1500):
        add_site(commune, f"Chốt kiểm soát số {i} — thôn Nà Pài, xã Bằng Lãng")
    pkg = export_package(commune, tmp / "big.fieldsync").path
    trust(district, keys.device_fingerprint(commune.paths))
    before = content(district)
    district.close()
    kills_mid_way = 0
    for delay in (0.0, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2):
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - child
            try:
                from fieldapp.db.database import open_database

                db = open_database(district.paths, integrity=False)
                os.write(write_fd, b"go")
                import_package(db, pkg)
            finally:
                os._exit(0)
        os.close(write_fd)
        os.read(read_fd, 2)  # the child is about to import
        os.close(read_fd)
        time.sleep(delay)
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        from fieldapp.db.database import open_database

        db = open_database(district.paths)
        now = content(db)
        db.close()
        if now == before:
            kills_mid_way += 1  # killed before its commit: nothing of it is there
        else:
            assert now["roster_site"] and len(now["roster_site"]) >= 1500  # all or nothing
            break
    assert kills_mid_way >= 1
