"""Sync at 50,000 households (issue 17 target: export ≤ 5 s, import ≤ 12 s, each ≤ 300 MB peak).

A commune register of 50,000 households and 200,000 people is built once (bulk inserts; the
register's own import is measured in ``bench/households.py``). Then, each in a process of its
own so that its peak memory (max RSS) is its own:

- export: the whole package, as ``fieldapp sync export --full`` writes it;
- import: that package into an empty district database;
- floors, measured in the same run: a bare ``SELECT *`` of the same tables written as JSON into
  a zip (the least an export can do), and a bare ``executemany`` of the package's rows into an
  empty database (the least an import can do); and the resident size of a process that has
  only loaded the app's modules.

``python -m bench sync [HOUSEHOLDS]`` (default 50,000).
"""

from __future__ import annotations

import dataclasses
import json
import multiprocessing
import random
import resource
import sys
import tempfile
import time
import uuid
import zipfile
from datetime import date, timedelta
from pathlib import Path

HOUSEHOLDS = 50_000
PEOPLE_PER_HOUSEHOLD = 4


def _device(root: Path, name: str, commune: str):
    from fieldapp.config import resolve_paths
    from fieldapp.db.database import open_database
    from fieldapp.demo import DEMO_PROFILE
    from fieldapp.profile import save_profile

    db = open_database(resolve_paths(root / name))
    save_profile(db, dataclasses.replace(DEMO_PROFILE, commune_name=commune))
    return db


def _fill(db, households: int) -> int:
    from fieldapp.db.base import utcnow
    from fieldapp.households.models import Household, HouseholdMember, LockdownArea

    rng = random.Random(7)
    now = utcnow()

    def sync_columns() -> dict:
        return {
            "uuid": str(uuid.uuid4()),
            "created_at": now,
            "updated_at": now,
            "device_id": db.device_id,
        }

    villages = ("Nà Pài", "Khuổi Cuộng", "Bản Lác", "Nà Làng", "Cốc Thử")
    with db.transaction() as s:
        area = LockdownArea(name="Khu phong tỏa thử", started_on=date.today() - timedelta(days=3))
        s.add(area)
        s.flush()
        area_id = area.id
        conn = s.connection()
        rows = [
            {
                "id": i + 1,
                "area_id": area_id,
                "head_name": f"Nguyễn Văn Hộ {i}",
                "village": rng.choice(villages),
                "member_count": PEOPLE_PER_HOUSEHOLD,
                **sync_columns(),
            }
            for i in range(households)
        ]
        conn.execute(Household.__table__.insert(), rows)
        statuses = ("", "", "", "", "", "", "", "", "F1", "F0")
        people = [
            {
                "household_id": h + 1,
                "position": k,
                "full_name": f"Hoàng Thị Người {h}.{k}",
                "is_head": k == 0,
                "status": rng.choice(statuses),
                **sync_columns(),
            }
            for h in range(households)
            for k in range(PEOPLE_PER_HOUSEHOLD)
        ]
        conn.execute(HouseholdMember.__table__.insert(), people)
    return len(people)


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux


_CONTEXT = multiprocessing.get_context("forkserver")


def _start_children() -> None:
    """Start the fork server while this process is still small: Linux keeps a process's peak
    resident size across fork and exec, so children forked later from a big parent would
    report the parent's peak as theirs."""
    _CONTEXT.set_forkserver_preload(["fieldapp.db.models"])
    with _CONTEXT.Pool(1) as pool:
        pool.apply(_peak_mb)


def _in_child(func, *args):
    """Run ``func(*args)`` in a fresh process; returns (its result, its peak MB)."""
    with _CONTEXT.Pool(1) as pool:
        return pool.apply(_measured, (func, *args))


def _measured(func, *args):
    result = func(*args)
    return result, _peak_mb()


# -- the work, each run in a child process ---------------------------------------------------


def _baseline(_root: str) -> float:
    import fieldapp.db.models  # noqa: F401
    import fieldapp.sync.package  # noqa: F401
    import fieldapp.sync.receive  # noqa: F401

    return 0.0


def _export(root: str) -> tuple[float, int, float, str]:
    from fieldapp.config import resolve_paths
    from fieldapp.db.database import open_database
    from fieldapp.sync.package import export_package

    db = open_database(resolve_paths(Path(root) / "commune"))
    try:
        t0 = time.perf_counter()
        result = export_package(db, Path(root) / "full.fieldsync", full=True)
        seconds = time.perf_counter() - t0
    finally:
        db.close()
    return seconds, result.rows, result.path.stat().st_size / 1024**2, str(result.path)


def _import(root: str, package: str) -> tuple[float, int]:
    from fieldapp.config import resolve_paths
    from fieldapp.db.database import open_database
    from fieldapp.sync.receive import import_package

    db = open_database(resolve_paths(Path(root) / "district"))
    try:
        t0 = time.perf_counter()
        result = import_package(db, Path(package), trust_new=True)
        seconds = time.perf_counter() - t0
    finally:
        db.close()
    return seconds, result.inserted


def _export_floor(root: str) -> float:
    """SELECT * of every travelling table, rows dumped as JSON into a deflated zip."""
    from fieldapp.config import resolve_paths
    from fieldapp.db.database import open_database
    from fieldapp.sync.tables import travelling_tables

    db = open_database(resolve_paths(Path(root) / "commune"))
    try:
        t0 = time.perf_counter()
        raw = db.engine.raw_connection()
        with zipfile.ZipFile(Path(root) / "floor.zip", "w", zipfile.ZIP_DEFLATED) as zf:
            for table in travelling_tables():
                cursor = raw.cursor()
                cursor.execute(f'SELECT * FROM "{table.name}"')
                with zf.open(f"{table.name}.json", "w", force_zip64=True) as fh:
                    while rows := cursor.fetchmany(5000):
                        fh.write(json.dumps(rows, default=str, ensure_ascii=False).encode())
        raw.close()
        return time.perf_counter() - t0
    finally:
        db.close()


def _import_floor(root: str, package: str) -> float:
    """The package's household and member rows read and inserted with a bare executemany
    into tables of the same columns (no checks, no references to map)."""
    from fieldapp.config import resolve_paths
    from fieldapp.db.database import open_database

    db = open_database(resolve_paths(Path(root) / "floor"))
    try:
        t0 = time.perf_counter()
        raw = db.engine.raw_connection()
        cursor = raw.cursor()
        with zipfile.ZipFile(package) as zf:
            for table in ("household", "household_member"):
                part = json.loads(zf.read(f"data/{table}.json"))
                columns = part["columns"]
                cursor.execute(
                    f'CREATE TEMP TABLE "floor_{table}" AS SELECT * FROM "{table}" WHERE 0'
                )
                names = ", ".join(f'"{c}"' for c in columns)
                marks = ", ".join("?" for _ in columns)
                cursor.executemany(
                    f'INSERT INTO "floor_{table}" ({names}) VALUES ({marks})',
                    (
                        [json.dumps(v) if isinstance(v, list | dict) else v for v in row]
                        for row in part["rows"]
                    ),
                )
        raw.commit()
        raw.close()
        return time.perf_counter() - t0
    finally:
        db.close()


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[2:] if argv is None else argv
    households = int(argv[0]) if argv and argv[0].isdigit() else HOUSEHOLDS
    _start_children()
    with tempfile.TemporaryDirectory(prefix="fieldapp-bench-sync-") as folder:
        root = Path(folder)
        commune = _device(root, "commune", "Bằng Lãng")
        district = _device(root, "district", "Huyện Chợ Đồn")
        _device(root, "floor", "Sàn").close()
        t0 = time.perf_counter()
        people = _fill(commune, households)
        commune.close()
        district.close()
        print(f"built {households} households, {people} people in {time.perf_counter() - t0:.1f} s")
        _, base_mb = _in_child(_baseline, folder)
        print(f"a process with the app's modules loaded: {base_mb:6.0f} MB")
        floor_s, floor_mb = _in_child(_export_floor, folder)
        (export_s, rows, size, package), export_mb = _in_child(_export, folder)
        print(
            f"export (full):  {export_s:6.2f} s, peak {export_mb:5.0f} MB  ({rows} records, "
            f"{size:.1f} MiB)   floor {floor_s:5.2f} s, {floor_mb:4.0f} MB   "
            "target ≤ 5 s, ≤ 300 MB"
        )
        ifloor_s, ifloor_mb = _in_child(_import_floor, folder, package)
        (import_s, inserted), import_mb = _in_child(_import, folder, package)
        print(
            f"import:         {import_s:6.2f} s, peak {import_mb:5.0f} MB  ({inserted} records)"
            f"   floor {ifloor_s:5.2f} s, {ifloor_mb:4.0f} MB   target ≤ 12 s, ≤ 300 MB"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
