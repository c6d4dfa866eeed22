"""The district's copy on a real PostgreSQL server: same schema and migrations, the same
services, and sync packages import into it as into SQLite."""

from __future__ import annotations

import dataclasses

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from fieldapp.accounts.service import create_user, sign_in
from fieldapp.audit.trail import verify
from fieldapp.cli import main
from fieldapp.db import schema
from fieldapp.db.base import Base
from fieldapp.db.database import open_database
from fieldapp.demo import DEMO_PROFILE
from fieldapp.profile import load_profile, save_profile
from fieldapp.sync import keys
from fieldapp.sync.package import export_package
from fieldapp.sync.receive import import_package, trust
from tests.core.sync.helpers import add_site, content, delete_site, new_device


def test_migrations_build_the_same_schema_on_postgresql(paths, pg_url):
    db = open_database(paths, url=pg_url)
    try:
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == (
                schema.HEAD
            )
            diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
        assert [d for d in diff if d[0] != "remove_table"] == []
    finally:
        db.close()
    again = open_database(paths, url=pg_url)  # at HEAD: opens without migrating
    assert again.device_id == db.device_id
    again.close()


def test_statements_are_planned_with_their_values_not_prepared_generically(paths, pg_url):
    """psycopg would prepare a statement seen five times and PostgreSQL could then plan it
    generically: the merge's "uuid IN (...)" lookups became 1.8 s scans from a district's
    11th package on. Every connection plans each statement with its values."""
    from sqlalchemy import text

    db = open_database(paths, url=pg_url)
    try:
        with db.engine.connect() as conn:
            assert conn.connection.dbapi_connection.prepare_threshold is None
            for _ in range(8):
                conn.execute(text("SELECT 1 WHERE 1 = :x"), {"x": 1}).all()
            prepared = conn.exec_driver_sql("SELECT count(*) FROM pg_prepared_statements")
            assert prepared.scalar() == 0
    finally:
        db.close()


def test_services_accounts_and_audit_on_postgresql(paths, pg_url):
    db = open_database(paths, url=pg_url)
    try:
        create_user(db, "admin", "mật-khẩu-8")
        save_profile(db, DEMO_PROFILE)
        save_profile(db, dataclasses.replace(DEMO_PROFILE, phone="0209 000 111"))
        assert load_profile(db).phone == "0209 000 111"
        assert sign_in(db, "admin", "mật-khẩu-8", sleep=lambda _s: None).role == "admin"
        report = verify(db)
        assert report.ok and report.entries >= 3
    finally:
        db.close()


def test_packages_import_into_postgresql_as_into_sqlite(tmp_path, pg_url):
    commune = new_device(tmp_path, "commune")
    kept = add_site(commune, "Chốt kiểm soát Nà Pài")
    gone = add_site(commune, "Chốt tạm thời")
    first = export_package(commune, tmp_path / "1.fieldsync").path
    delete_site(commune, gone)
    second = export_package(commune, tmp_path / "2.fieldsync").path
    fp = keys.device_fingerprint(commune.paths)

    lite = new_device(tmp_path, "district-sqlite", commune=None)
    from fieldapp.config import resolve_paths

    server = open_database(resolve_paths(tmp_path / "district-pg"), url=pg_url)
    try:
        for district in (lite, server):
            trust(district, fp)
            for pkg in (second, first):  # out of order on purpose
                import_package(district, pkg)
        assert content(server) == content(lite)
        rows = content(server)["roster_site"]
        assert any(kept in r for r in rows) and not any(gone in r for r in rows)
    finally:
        server.close()
        lite.close()
        commune.close()


def test_cli_takes_a_database_url(tmp_path, pg_url, capsys):
    data = str(tmp_path / "d")
    assert (
        main(
            [
                "--data-dir",
                data,
                "--db-url",
                pg_url,
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
    assert main(["--data-dir", data, "--db-url", pg_url, "profile", "show", "--json"]) == 0
    assert '"Bằng Lãng"' in capsys.readouterr().out


def test_a_whole_demo_commune_arrives_the_same_in_postgresql_and_sqlite(tmp_path, pg_url):
    """Every travelling table (JSON, binary sort keys, dates, times) through the bulk paths:
    COPY on PostgreSQL, one executemany on SQLite; the same register on both."""
    from fieldapp.config import resolve_paths
    from fieldapp.demo import fill_demo

    commune = new_device(tmp_path, "commune")
    fill_demo(commune)
    package = export_package(commune, tmp_path / "demo.fieldsync", full=True)
    lite = new_device(tmp_path, "district-sqlite", commune=None)
    server = open_database(resolve_paths(tmp_path / "district-pg"), url=pg_url)
    try:
        for district in (lite, server):
            result = import_package(district, package.path, trust_new=True)
            assert result.inserted == package.rows and result.conflicts == 0
        assert content(server) == content(lite) == content(commune)
        assert content(server)["household"] and content(server)["directive"]
    finally:
        server.close()
        lite.close()
        commune.close()
