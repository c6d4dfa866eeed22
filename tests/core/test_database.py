"""The local database: connection settings, refusal of files that are not ours, upgrades."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select, text

from fieldapp.config import resolve_paths
from fieldapp.db import schema
from fieldapp.db.database import DatabaseError, open_database
from fieldapp.db.engine import APPLICATION_ID, make_engine, sqlite_url
from fieldapp.db.migrate import known_revisions, upgrade
from fieldapp.db.models import CommuneProfile, Setting
from fieldapp.profile import Profile, save_profile


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_every_connection_has_the_pragmas(db):
    for _ in range(2):  # two pooled connections, both configured
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000
            assert conn.exec_driver_sql("PRAGMA application_id").scalar() == APPLICATION_ID
            assert conn.exec_driver_sql("SELECT vn_fold('Đặng Phong Tỏa')").scalar() == (
                "dang phong toa"
            )


def test_new_database_is_at_head_with_a_stable_device_id(paths):
    first = open_database(paths)
    device = first.device_id
    first.close()
    second = open_database(paths)
    assert second.device_id == device
    with second.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == (
            schema.HEAD
        )
    second.close()


def test_revision_list_matches_the_migration_scripts():
    assert list(schema.REVISIONS) == known_revisions()


def test_migrations_build_exactly_the_models(tmp_path):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from fieldapp.db.base import Base

    engine = make_engine(sqlite_url(tmp_path / "m.sqlite3"))
    upgrade(engine)

    def not_fts(name, type_, _parent):  # FTS5 search tables are made by hand, not by models
        return not (type_ == "table" and name and "_fts" in name)

    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_name": not_fts})
        diff = compare_metadata(context, Base.metadata)
    assert diff == []


def test_travelling_records_get_uuid_timestamps_and_device(db):
    save_profile(
        db, Profile(commune_name="Bằng Lãng", district_name="Chợ Đồn", province_name="Bắc Kạn")
    )
    with db.session() as s:
        row = s.scalar(select(CommuneProfile))
        assert len(row.uuid) == 36 and row.device_id == db.device_id
        created, updated = row.created_at, row.updated_at
        assert created.tzinfo is not None
    save_profile(
        db,
        Profile(
            commune_name="Bằng Lãng", district_name="Chợ Đồn", province_name="Bắc Kạn", phone="0209"
        ),
    )
    with db.session() as s:
        row = s.scalar(select(CommuneProfile))
        assert row.created_at == created
        assert row.updated_at > updated


def test_file_from_a_newer_version_is_refused_untouched(paths):
    open_database(paths).close()
    conn = sqlite3.connect(paths.database)
    conn.execute("UPDATE alembic_version SET version_num='9999'")
    conn.commit()
    conn.close()
    before = digest(paths.database)
    with pytest.raises(DatabaseError, match="phiên bản fieldapp mới hơn"):
        open_database(paths)
    assert digest(paths.database) == before


def test_foreign_sqlite_file_is_refused_untouched(paths):
    paths.data_dir.mkdir(parents=True)
    conn = sqlite3.connect(paths.database)
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.execute("INSERT INTO contacts VALUES ('x')")
    conn.commit()
    conn.close()
    before = digest(paths.database)
    with pytest.raises(DatabaseError, match="chương trình khác"):
        open_database(paths)
    assert digest(paths.database) == before


def test_file_that_is_not_sqlite_is_refused_untouched(paths):
    paths.data_dir.mkdir(parents=True)
    paths.database.write_bytes(b"PK\x03\x04 this is a zip, not a database" * 100)
    before = digest(paths.database)
    with pytest.raises(DatabaseError, match="không phải cơ sở dữ liệu"):
        open_database(paths)
    assert digest(paths.database) == before


def test_damaged_database_is_refused_untouched(paths):
    db = open_database(paths)
    with db.transaction() as s:
        s.execute(text("CREATE TABLE filler (x TEXT)"))
        s.execute(
            text(
                "INSERT INTO filler SELECT hex(randomblob(300)) FROM (WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n+1 FROM c WHERE n<2000) SELECT n FROM c)"
            )
        )
    db.close()
    conn = sqlite3.connect(paths.database)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    raw = bytearray(paths.database.read_bytes())
    page = 4096
    for offset in range(page * 3, min(len(raw), page * 40), page):
        raw[offset : offset + 64] = os.urandom(64)  # scribble over b-tree page headers
    paths.database.write_bytes(bytes(raw))
    before = digest(paths.database)
    with pytest.raises(DatabaseError, match="hỏng"):
        open_database(paths)
    assert digest(paths.database) == before


def test_old_schema_is_backed_up_then_upgraded(paths):
    paths.data_dir.mkdir(parents=True)
    engine = make_engine(sqlite_url(paths.database))
    upgrade(engine, "0001")
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO commune_profile (unit_kind, commune_name, district_kind, district_name,"
            " province_name, committee_name, chairman_name, chairman_title, signer_name,"
            " signer_title, signer_authority, phone, place_name, uuid, created_at, updated_at,"
            " device_id) VALUES ('xã','Bằng Lãng','huyện','Chợ Đồn','Bắc Kạn','','','','','',"
            "'','','','u-1','2021-07-20 00:00:00','2021-07-20 00:00:00','d-1')"
        )
    engine.dispose()
    db = open_database(paths)
    with db.engine.connect() as conn:
        assert (
            conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == schema.HEAD
        )
        assert conn.exec_driver_sql("SELECT count(*) FROM document").scalar() == 0
    db.close()
    backups = list(paths.backups.glob("before-upgrade-0001-*.sqlite3"))
    assert len(backups) == 1
    old = sqlite3.connect(backups[0])
    assert old.execute("SELECT commune_name FROM commune_profile").fetchone() == ("Bằng Lãng",)
    assert old.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
    old.close()


def test_full_disk_rolls_back_the_whole_unit_of_work(db):
    save_profile(
        db, Profile(commune_name="Bằng Lãng", district_name="Chợ Đồn", province_name="Bắc Kạn")
    )
    with pytest.raises(DatabaseError, match="Ổ đĩa đã đầy"):
        with db.transaction() as s:
            pages = s.execute(text("PRAGMA page_count")).scalar()
            s.execute(text(f"PRAGMA max_page_count={pages + 2}"))  # the disk fills up now
            row = s.scalar(select(CommuneProfile))
            row.commune_name = "Đã đổi"
            for i in range(500):
                s.add(Setting(key=f"filler-{i}", value="x" * 2000))
            s.flush()
    with db.session() as s:
        assert s.scalar(select(CommuneProfile.commune_name)) == "Bằng Lãng"
        assert s.scalar(select(Setting).where(Setting.key == "filler-0")) is None


def test_folder_that_cannot_be_created_is_refused(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(DatabaseError, match="Không tạo được thư mục dữ liệu"):
        open_database(resolve_paths(blocker / "data"))


def test_read_only_folder_is_refused_and_nothing_written(tmp_path, monkeypatch):
    import builtins
    import errno

    folder = tmp_path / "ro"
    folder.mkdir()
    real_open = builtins.open

    def read_only_open(file, mode="r", *args, **kwargs):
        if str(file).startswith(str(folder)) and any(c in mode for c in "wax+"):
            raise OSError(errno.EROFS, "Read-only file system", str(file))
        return real_open(file, mode, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", read_only_open)
    with pytest.raises(DatabaseError, match="không ghi được"):
        open_database(resolve_paths(folder))
    assert list(folder.iterdir()) == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write anywhere")
def test_read_only_folder_by_permissions(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(DatabaseError, match="không ghi được"):
            open_database(resolve_paths(folder))
    finally:
        folder.chmod(0o755)
