"""District and province roll-up (issue 18 targets).

- 30 communes × 2,000 households (8,000 people) each: importing all 30 packages into a
  district ≤ 60 s, on SQLite and on PostgreSQL; beside it the floor: the same rows read from
  the packages and inserted with a bare ``executemany`` (no checks, no merge).
- The roll-up page ≤ 1 s: :func:`district_summary` and the District tab filled with it;
  floor: one bare ``GROUP BY device_id`` over the households.
- A province rolling up 10 such districts (600,000 households, 2.4 million people, written
  straight into PostgreSQL as the districts' packages would leave them) ≤ 5 s; floor: the
  same bare ``GROUP BY``.

``python -m bench district`` (needs the ``postgresql`` server package for the PostgreSQL
figures; without it they are skipped with that reason). ``python -m bench.district N``
uses N communes.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid
import zipfile
from pathlib import Path

COMMUNES = 30
HOUSEHOLDS = 2_000
PROVINCE_DISTRICTS = 10

UUID_SQL = (
    "lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || "
    "substr(lower(hex(randomblob(2))), 2) || '-8' || substr(lower(hex(randomblob(2))), 2) || "
    "'-' || lower(hex(randomblob(6)))"
)


def _communes(root: Path, count: int) -> list[Path]:
    """``count`` commune data folders, each its own device with its own records."""
    import dataclasses

    from bench.sync import _device, _fill
    from fieldapp.demo import DEMO_PROFILE
    from fieldapp.profile import save_profile
    from fieldapp.sync.tables import travelling_tables

    template = _device(root, "template", "Mẫu")
    _fill(template, HOUSEHOLDS)
    template.close()
    tables = [t.name for t in travelling_tables()]
    folders = []
    for n in range(count):
        folder = root / f"xa{n:02d}"
        folder.mkdir()
        src = sqlite3.connect(root / "template" / "fieldapp.sqlite3")
        dst = sqlite3.connect(folder / "fieldapp.sqlite3")
        src.backup(dst)
        src.close()
        device = str(uuid.uuid4())
        dst.execute("UPDATE app_meta SET value = ? WHERE key = 'device_id'", (device,))
        for table in tables:
            dst.execute(f'UPDATE "{table}" SET uuid = {UUID_SQL}, device_id = ?', (device,))
        # area names are unique in a register (see the report): each commune its own
        dst.execute("UPDATE lockdown_area SET name = name || ' ' || ?", (f"xã {n:02d}",))
        # and so is a person's citizen ID, across the district
        dst.execute(
            "UPDATE household_member SET citizen_id = substr(citizen_id, 1, 6) || "
            "printf('%06d', 100000 + ? * 10000 + id) WHERE citizen_id IS NOT NULL",
            (n,),
        )
        dst.commit()
        dst.close()
        from fieldapp.config import resolve_paths
        from fieldapp.db.database import open_database

        db = open_database(resolve_paths(folder))
        save_profile(db, dataclasses.replace(DEMO_PROFILE, commune_name=f"Xã Thử {n:02d}"))
        db.close()
        folders.append(folder)
    return folders


def _packages(folders: list[Path], out: Path) -> list[Path]:
    from fieldapp.config import resolve_paths
    from fieldapp.db.database import open_database
    from fieldapp.sync.package import export_package

    out.mkdir()
    packages = []
    for folder in folders:
        db = open_database(resolve_paths(folder))
        try:
            packages.append(export_package(db, out, full=True).path)
        finally:
            db.close()
    return packages


def _district(root: Path, name: str, url: str | None):
    import dataclasses

    from fieldapp.config import resolve_paths
    from fieldapp.db.database import open_database
    from fieldapp.demo import DEMO_PROFILE
    from fieldapp.profile import save_profile

    db = open_database(resolve_paths(root / name), url=url)
    save_profile(
        db,
        dataclasses.replace(DEMO_PROFILE, level="district", commune_name="", district_name="Thử"),
    )
    return db


def _import_all(db, packages: list[Path]) -> float:
    from fieldapp.sync.receive import import_package

    t0 = time.perf_counter()
    for package in packages:
        import_package(db, package, trust_new=True)
    return time.perf_counter() - t0


def _import_floor(packages: list[Path]) -> float:
    """The packages' rows (every table) inserted with a bare executemany into plain tables."""
    import json

    t0 = time.perf_counter()
    conn = sqlite3.connect(":memory:")
    made: set[str] = set()
    for package in packages:
        with zipfile.ZipFile(package) as zf:
            for name in zf.namelist():
                if not name.startswith("data/") or name == "data/_tombstones.json":
                    continue
                part = json.loads(zf.read(name))
                table = name[5:-5]
                columns = part["columns"]
                if table not in made:
                    conn.execute(f'CREATE TABLE "{table}" ({", ".join(map(repr, columns))})')
                    made.add(table)
                marks = ", ".join("?" for _ in columns)
                conn.executemany(
                    f'INSERT INTO "{table}" VALUES ({marks})',
                    (
                        [json.dumps(v) if isinstance(v, list | dict) else v for v in row]
                        for row in part["rows"]
                    ),
                )
    conn.commit()
    conn.close()
    return time.perf_counter() - t0


def _rollup(db) -> tuple[float, float, float]:
    """(district_summary s, the District tab filled s, bare GROUP BY s)."""
    from sqlalchemy import func, select

    from fieldapp.households.models import Household
    from fieldapp.sync.district import district_summary

    t0 = time.perf_counter()
    summary = district_summary(db)
    core = time.perf_counter() - t0
    page = float("nan")
    try:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtWidgets import QApplication

        from ui.pages.sync.district_tab import DistrictTab

        app = QApplication.instance() or QApplication([])
        tab = DistrictTab(db)
        t0 = time.perf_counter()
        tab.show_now()
        app.processEvents()
        page = time.perf_counter() - t0 + core
        tab.deleteLater()
    except ImportError:
        pass
    t0 = time.perf_counter()
    with db.session() as s:
        s.execute(
            select(Household.device_id, func.count(), func.sum(Household.member_count)).group_by(
                Household.device_id
            )
        ).all()
    floor = time.perf_counter() - t0
    assert summary.total.households > 0
    return core, page, floor


# -- PostgreSQL --------------------------------------------------------------------------------


def _postgres() -> tuple[str, Path, list[str]] | None:
    """Start a throwaway server; (socket folder, data folder, command prefix) or None."""
    folders = sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)
    binaries = Path(folders[0]) if folders else None
    if binaries is None or not (binaries / "initdb").exists():
        return None
    base = Path(tempfile.mkdtemp(prefix="fieldapp-bench-pg-"))
    prefix: list[str] = []
    if os.geteuid() == 0:
        shutil.chown(base, "postgres", "postgres")
        prefix = ["runuser", "-u", "postgres", "--"]
    data = base / "data"
    subprocess.run(
        [*prefix, str(binaries / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust",
         "-E", "UTF8", "--locale=C.UTF-8"],
        check=True, capture_output=True,
    )  # fmt: skip
    options = f"-k {base} -p 54331 -c listen_addresses='' -c fsync=off"
    subprocess.run(
        [*prefix, str(binaries / "pg_ctl"), "-D", str(data), "-o", options, "-w", "-l",
         str(base / "server.log"), "start"],
        check=True, capture_output=True,
    )  # fmt: skip
    return str(base), data, [*prefix, str(binaries / "pg_ctl")]


def _pg_database(host: str, name: str) -> str:
    import psycopg

    with psycopg.connect(host=host, port="54331", user="postgres", dbname="postgres",
                         autocommit=True) as conn:  # fmt: skip
        conn.execute(f'CREATE DATABASE "{name}"')
    return f"postgresql+psycopg://postgres@/{name}?host={host}&port=54331"


@contextlib.contextmanager
def _indexes_after(conn, tables: tuple[str, ...]):
    """Bench only: the tables' unique and foreign-key constraints and indexes dropped while
    millions of rows are written in bulk, and made again after (one sort each instead of
    millions of index insertions: the province is built in a fraction of the time)."""
    conn.exec_driver_sql("SET maintenance_work_mem = '256MB'")
    constraints, indexes = [], []
    for table in tables:
        constraints += conn.exec_driver_sql(
            "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint "
            f"WHERE conrelid = '{table}'::regclass AND contype IN ('u', 'f')"
        ).all()
    names = {c[1] for c in constraints}
    for table in tables:
        indexes += [
            (name, sql)
            for name, sql in conn.exec_driver_sql(
                "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = "
                f"'{table}' AND indexname NOT LIKE 'pk_%%'"
            ).all()
            if name not in names
        ]
    for table, name, _sql in constraints:
        conn.exec_driver_sql(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')
    for name, _sql in indexes:
        conn.exec_driver_sql(f'DROP INDEX "{name}"')
    yield
    for _name, sql in indexes:
        conn.exec_driver_sql(sql)
    for table, name, sql in constraints:
        conn.exec_driver_sql(f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {sql}')


def _province(root: Path, url: str, communes: int) -> tuple[float, float, float, int]:
    """A province database holding 10 districts' communes, written in bulk by SQL."""
    import dataclasses

    from fieldapp.config import resolve_paths
    from fieldapp.db.base import utcnow
    from fieldapp.db.database import open_database
    from fieldapp.demo import DEMO_PROFILE
    from fieldapp.profile import save_profile
    from fieldapp.sync.models import OfficeUnit, Peer

    db = open_database(resolve_paths(root / "province"), url=url)
    save_profile(db, dataclasses.replace(DEMO_PROFILE, level="province", commune_name=""))
    now = utcnow()
    with db.transaction() as s:
        for d in range(PROVINCE_DISTRICTS):
            district = f"huyện Thử {d:02d}"
            s.add(
                Peer(
                    fingerprint=f"FP{d:02d}",
                    public_key="",
                    device_id=str(uuid.uuid4()),
                    commune=district,
                    trusted_at=now,
                    last_sequence=1,
                    last_package_at=now,
                )
            )
            for c in range(communes):
                s.add(
                    OfficeUnit(
                        name=f"xã Thử {d:02d}.{c:02d}",
                        name_fold=f"thu {d:02d} {c:02d}",
                        parent=district,
                        expected=True,
                        devices=[f"00000000-0000-4000-8000-{d:06d}{c:06d}"],
                    )
                )
    t0 = time.perf_counter()
    per = HOUSEHOLDS
    total = PROVINCE_DISTRICTS * communes * per
    with db.engine.begin() as conn, _indexes_after(conn, ("household", "household_member")):
        area = conn.exec_driver_sql(
            "INSERT INTO lockdown_area (name, villages, regime, started_on, decision, notes, "
            "uuid, created_at, updated_at, device_id) VALUES ('Khu thử', '[]', '16', "
            "CURRENT_DATE - 3, '', '', gen_random_uuid()::text, now(), now(), 'x') RETURNING id"
        ).scalar()
        conn.exec_driver_sql(
            "INSERT INTO household (area_id, head_name, village, street, house_number, phone, "
            "poor, notes, member_count, vulnerable, head_sort, village_sort, search_fold, "
            "match_key, uuid, created_at, updated_at, device_id) "
            f"SELECT {area}, 'Hộ ' || g, 'Nà Pài', '', '', '', false, '', 4, false, ''::bytea, "
            "''::bytea, '', "
            "'', gen_random_uuid()::text, now(), now(), "
            f"'00000000-0000-4000-8000-' || lpad(((g - 1) / {per} / {communes})::text, 6, '0') "
            f"|| lpad(mod((g - 1) / {per}, {communes})::text, 6, '0') "
            f"FROM generate_series(1, {total}) AS g"
        )
        conn.exec_driver_sql(
            "INSERT INTO household_member (household_id, position, full_name, name_fold, sex, "
            "is_head, relation, citizen_id, phone, notes, status, isolation, elderly, "
            "young_child, pregnant, disabled, chronic, id_kind, id_typed, id_check, uuid, "
            "created_at, updated_at, device_id) "
            "SELECT h.id, k, 'Người ' || h.id || '.' || k, '', '', k = 0, '', NULL, '', '', "
            "CASE WHEN mod(h.id + k, 10) = 0 THEN 'F0' WHEN mod(h.id + k, 10) = 1 THEN 'F1' "
            "ELSE '' END, '', false, false, false, false, false, '', '', '', "
            "gen_random_uuid()::text, now(), now(), h.device_id "
            "FROM household AS h CROSS JOIN generate_series(0, 3) AS k"
        )
    with db.engine.begin() as conn:
        conn.exec_driver_sql("ANALYZE")
    built = time.perf_counter() - t0
    core, page, floor = _rollup(db)
    db.close()
    return built, core, floor, total


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    count = int(argv[0]) if argv and argv[0].isdigit() else COMMUNES
    if argv and argv[0] == "province":
        return _province_only(count)
    with tempfile.TemporaryDirectory(prefix="fieldapp-bench-district-") as folder:
        root = Path(folder)
        t0 = time.perf_counter()
        folders = _communes(root, count)
        packages = _packages(folders, root / "usb")
        print(
            f"{count} communes × {HOUSEHOLDS} households: built and exported in "
            f"{time.perf_counter() - t0:.0f} s"
        )
        floor = _import_floor(packages)
        db = _district(root, "district", None)
        try:
            seconds = _import_all(db, packages)
            print(
                f"SQLite: import of {count} packages {seconds:6.1f} s   floor {floor:5.1f} s   "
                "target ≤ 60 s"
            )
            core, page, bare = _rollup(db)
            print(
                f"SQLite: roll-up {core * 1000:6.0f} ms, page filled {page * 1000:6.0f} ms   "
                f"floor {bare * 1000:5.0f} ms   target ≤ 1 s"
            )
        finally:
            db.close()
        server = _postgres()
        if server is None:
            print("PostgreSQL: skipped (no server installed; ./bootstrap --test installs it)")
            return
        host, _data, pg_ctl = server
        try:
            db = _district(root, "pgdistrict", _pg_database(host, "district"))
            try:
                seconds = _import_all(db, packages)
                print(
                    f"PostgreSQL: import of {count} packages {seconds:6.1f} s   floor "
                    f"{floor:5.1f} s   target ≤ 60 s"
                )
                core, page, bare = _rollup(db)
                print(
                    f"PostgreSQL: roll-up {core * 1000:6.0f} ms, page filled {page * 1000:6.0f} "
                    f"ms   floor {bare * 1000:5.0f} ms   target ≤ 1 s"
                )
            finally:
                db.close()
            built, core, bare, total = _province(root, _pg_database(host, "province"), count)
            print(
                f"PostgreSQL: province of {PROVINCE_DISTRICTS} districts ({total} households, "
                f"written in {built:.0f} s): roll-up {core:5.2f} s   floor {bare:5.2f} s   "
                "target ≤ 5 s"
            )
        finally:
            subprocess.run([*pg_ctl, "-D", str(_data), "-m", "immediate", "stop"],
                           capture_output=True)  # fmt: skip
            shutil.rmtree(host, ignore_errors=True)


def _province_only(count: int) -> None:
    """``python -m bench.district province``: only the province on PostgreSQL."""
    server = _postgres()
    if server is None:
        print("PostgreSQL: skipped (no server installed; ./bootstrap --test installs it)")
        return
    host, data, pg_ctl = server
    try:
        with tempfile.TemporaryDirectory(prefix="fieldapp-bench-province-") as folder:
            built, core, bare, total = _province(
                Path(folder), _pg_database(host, "province"), count
            )
            print(
                f"PostgreSQL: province of {PROVINCE_DISTRICTS} districts ({total} households, "
                f"written in {built:.0f} s): roll-up {core:5.2f} s   floor {bare:5.2f} s   "
                "target ≤ 5 s"
            )
    finally:
        subprocess.run([*pg_ctl, "-D", str(data), "-m", "immediate", "stop"],
                       capture_output=True)  # fmt: skip
        shutil.rmtree(host, ignore_errors=True)


if __name__ == "__main__":
    main()
