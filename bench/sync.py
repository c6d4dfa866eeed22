"""Sync at 50,000 households (issue 17 target: export ≤ 5 s, import ≤ 12 s, each ≤ 300 MB peak).

A commune register of 50,000 households and 200,000 people is built once (bulk inserts; the
register's own import is measured in ``bench/households.py``). Then, each in a process of its
own so that its peak memory (max RSS) is its own:

- export: the whole package, as ``fieldapp sync export --full`` writes it;
- import: that package into an empty district database;
- floors, measured in the same run: a bare ``SELECT *`` of the same tables written as JSON into
  a zip (the least an export can do); for the import, the package's household and people rows
  read part by part as the import streams them, checked against their SHA-256 and inserted by a
  bare ``executemany`` into plain tables (the least a bounded-memory import can do), and the
  same with each part loaded whole (faster, but its memory grows with the package); and the
  resident size of a process that has only loaded the app's modules.

Each figure is wall time and CPU time (user + system) of its own process: on a shared
machine the CPU time is the steadier one.

The register is made as a commune's app leaves it (folded names and search text, sort keys,
citizen IDs for adults, the head's phone), so the import does the real checks and indexing.

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


FAMILY = ("Nguyễn", "Hoàng", "Nông", "Lục", "Ma", "Hà", "Triệu", "Đàm", "Lường", "Bế")
MIDDLE = ("Văn", "Thị", "Đức", "Ngọc", "Thu", "Quang", "Minh", "Thúy")
GIVEN = ("Hùng", "Lan", "Thắng", "Hòa", "Dũng", "Hương", "Tuấn", "Nga", "Khải", "Yến")


def _fill(db, households: int) -> int:
    """A register as a commune's app leaves it: folded names and search text, sort keys,
    12-digit citizen IDs for adults, the head's phone, birth years and health statuses."""
    from types import SimpleNamespace

    from fieldapp.db.base import utcnow
    from fieldapp.households.models import Household, HouseholdMember, LockdownArea
    from fieldapp.households.records import FLAG_NAMES, derived_columns
    from fieldapp.text.vietnamese import fold

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
    statuses = ("", "", "", "", "", "", "", "", "F1", "F0")
    flags = dict.fromkeys(FLAG_NAMES, False)
    serial = 0
    with db.transaction() as s:
        area = LockdownArea(name="Khu phong tỏa thử", started_on=date.today() - timedelta(days=3))
        s.add(area)
        s.flush()
        area_id = area.id
        conn = s.connection()
        rows, people = [], []
        for h in range(households):
            village = rng.choice(villages)
            family = rng.choice(FAMILY)
            members = []
            for k in range(PEOPLE_PER_HOUSEHOLD):
                year = rng.randint(1945, 1985) if k < 2 else rng.randint(2005, 2020)
                woman = k == 1 or (k > 1 and rng.random() < 0.5)
                name = f"{family if k != 1 else rng.choice(FAMILY)} {rng.choice(MIDDLE)} "
                name += rng.choice(GIVEN)
                citizen = None
                if year < 2008:
                    serial += 1
                    century = (0 if year < 2000 else 2) + (1 if woman else 0)
                    citizen = f"006{century}{year % 100:02d}{serial:06d}"
                members.append(
                    SimpleNamespace(
                        full_name=name,
                        is_head=k == 0,
                        birth_year=year,
                        sex="F" if woman else "M",
                        citizen_id=citizen,
                        phone=f"09{rng.randrange(10**8):08d}" if k == 0 else "",
                        **flags,
                    )
                )
            house = str(rng.randint(1, 300))
            derived = derived_columns(village, "", house, members[0].phone, members)
            rows.append(
                {
                    "id": h + 1,
                    "area_id": area_id,
                    "village": village,
                    "house_number": house,
                    "phone": members[0].phone,
                    **derived,
                    **sync_columns(),
                }
            )
            for k, m in enumerate(members):
                people.append(
                    {
                        "household_id": h + 1,
                        "position": k,
                        "full_name": m.full_name,
                        "name_fold": fold(m.full_name),
                        "birth_year": m.birth_year,
                        "sex": m.sex,
                        "is_head": m.is_head,
                        "citizen_id": m.citizen_id,
                        "phone": m.phone,
                        "status": rng.choice(statuses),
                        **sync_columns(),
                    }
                )
        from fieldapp.sync.tables import copy_triggers_at_end

        with copy_triggers_at_end(conn, Household.__table__):  # the search index at once
            conn.execute(Household.__table__.insert(), rows)
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


def _cpu() -> float:
    """CPU seconds (user + system) of this process so far: beside the wall time, what the
    work cost when the machine is shared."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


# -- the work, each run in a child process ---------------------------------------------------


def _baseline(_root: str) -> float:
    import fieldapp.db.models  # noqa: F401
    import fieldapp.sync.package  # noqa: F401
    import fieldapp.sync.receive  # noqa: F401

    return 0.0


def _export(root: str) -> tuple[float, float, int, float, str]:
    from fieldapp.config import resolve_paths
    from fieldapp.db.database import open_database
    from fieldapp.sync.package import export_package

    db = open_database(resolve_paths(Path(root) / "commune"))
    try:
        t0, c0 = time.perf_counter(), _cpu()
        result = export_package(db, Path(root) / "full.fieldsync", full=True)
        seconds, cpu = time.perf_counter() - t0, _cpu() - c0
    finally:
        db.close()
    return seconds, cpu, result.rows, result.path.stat().st_size / 1024**2, str(result.path)


def _import(root: str, package: str) -> tuple[float, float, int]:
    from fieldapp.config import resolve_paths
    from fieldapp.db.database import open_database
    from fieldapp.sync.receive import import_package

    db = open_database(resolve_paths(Path(root) / "district"))
    try:
        t0, c0 = time.perf_counter(), _cpu()
        result = import_package(db, Path(package), trust_new=True)
        seconds, cpu = time.perf_counter() - t0, _cpu() - c0
    finally:
        db.close()
    return seconds, cpu, result.inserted


def _export_floor(root: str) -> tuple[float, float]:
    """SELECT * of every travelling table, rows dumped as JSON into a deflated zip."""
    from fieldapp.config import resolve_paths
    from fieldapp.db.database import open_database
    from fieldapp.sync.tables import travelling_tables

    db = open_database(resolve_paths(Path(root) / "commune"))
    try:
        t0, c0 = time.perf_counter(), _cpu()
        raw = db.engine.raw_connection()
        with zipfile.ZipFile(Path(root) / "floor.zip", "w", zipfile.ZIP_DEFLATED) as zf:
            for table in travelling_tables():
                cursor = raw.cursor()
                cursor.execute(f'SELECT * FROM "{table.name}"')
                with zf.open(f"{table.name}.json", "w", force_zip64=True) as fh:
                    while rows := cursor.fetchmany(5000):
                        fh.write(json.dumps(rows, default=str, ensure_ascii=False).encode())
        raw.close()
        return time.perf_counter() - t0, _cpu() - c0
    finally:
        db.close()


FLOOR_TABLES = ("household", "household_member")


def _floor_tables(cursor, name: str, columns: list[str]) -> str:
    cursor.execute(f'CREATE TEMP TABLE "floor_{name}" AS SELECT * FROM "{name}" WHERE 0')
    names = ", ".join(f'"{c}"' for c in columns)
    marks = ", ".join("?" for _ in columns)
    return f'INSERT INTO "floor_{name}" ({names}) VALUES ({marks})'


def _plain(row: list) -> list:
    return [json.dumps(v) if isinstance(v, list | dict) else v for v in row]


def _import_floor(root: str, package: str) -> tuple[float, float]:
    """Holding everything: each part of the households and people loaded whole
    (``json.loads``) and inserted with one bare executemany into plain tables of the same
    columns (no checks, no references to map, no indexes). Fast, but its memory grows with
    the package: no floor for a memory target."""
    from fieldapp.config import resolve_paths
    from fieldapp.db.database import open_database

    db = open_database(resolve_paths(Path(root) / "floor"))
    try:
        t0, c0 = time.perf_counter(), _cpu()
        raw = db.engine.raw_connection()
        cursor = raw.cursor()
        with zipfile.ZipFile(package) as zf:
            for table in FLOOR_TABLES:
                part = json.loads(zf.read(f"data/{table}.json"))
                sql = _floor_tables(cursor, table, part["columns"])
                cursor.executemany(sql, (_plain(row) for row in part["rows"]))
        raw.commit()
        raw.close()
        return time.perf_counter() - t0, _cpu() - c0
    finally:
        db.close()


def _streaming_floor(root: str, package: str) -> tuple[float, float]:
    """Streaming: the same parts read as the import reads them (a few thousand rows at a
    time, each part checked against its SHA-256) and inserted batch by batch into plain
    tables (no checks, no merge, no indexes): the least a bounded-memory import can do."""
    from fieldapp.config import resolve_paths
    from fieldapp.db.database import open_database
    from fieldapp.sync.parts import CheckedPart, table_rows

    db = open_database(resolve_paths(Path(root) / "floor2"))
    try:
        t0, c0 = time.perf_counter(), _cpu()
        raw = db.engine.raw_connection()
        cursor = raw.cursor()
        with zipfile.ZipFile(package) as zf:
            listed = json.loads(zf.read("manifest.json"))["parts"]
            for table in FLOOR_TABLES:
                name = f"data/{table}.json"
                meta = listed[name]
                with CheckedPart(zf, name, meta["bytes"], meta["sha256"]) as part:
                    columns, batches = table_rows(part, 5000)
                    sql = _floor_tables(cursor, table, columns)
                    for batch in batches:
                        cursor.executemany(sql, [_plain(row) for row in batch])
        raw.commit()
        raw.close()
        return time.perf_counter() - t0, _cpu() - c0
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
        _device(root, "floor2", "Sàn").close()
        t0 = time.perf_counter()
        people = _fill(commune, households)
        commune.close()
        district.close()
        print(f"built {households} households, {people} people in {time.perf_counter() - t0:.1f} s")
        _, base_mb = _in_child(_baseline, folder)
        print(f"a process with the app's modules loaded: {base_mb:6.0f} MB")
        (floor_s, floor_cpu), floor_mb = _in_child(_export_floor, folder)
        (export_s, export_cpu, rows, size, package), export_mb = _in_child(_export, folder)
        print(
            f"export (full):  {export_s:6.2f} s (CPU {export_cpu:5.2f} s), peak {export_mb:4.0f} MB"
            f"  ({rows} records, {size:.1f} MiB)\n"
            f"  floor, bare SELECT * to JSON in a zip: {floor_s:5.2f} s (CPU {floor_cpu:5.2f} s), "
            f"{floor_mb:4.0f} MB                      target ≤ 5 s, ≤ 300 MB"
        )
        (mem_s, mem_cpu), mem_mb = _in_child(_import_floor, folder, package)
        (stream_s, stream_cpu), stream_mb = _in_child(_streaming_floor, folder, package)
        (import_s, import_cpu, inserted), import_mb = _in_child(_import, folder, package)
        print(
            f"import:         {import_s:6.2f} s (CPU {import_cpu:5.2f} s), peak {import_mb:4.0f} MB"
            f"  ({inserted} records)\n"
            f"  floor, streamed parts, bare inserts:   {stream_s:5.2f} s (CPU {stream_cpu:5.2f} s), "
            f"{stream_mb:4.0f} MB   target ≤ 12 s, ≤ 300 MB\n"
            f"  floor, parts loaded whole, bare inserts: {mem_s:5.2f} s (CPU {mem_cpu:5.2f} s), "
            f"{mem_mb:4.0f} MB (its memory grows with the package)"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
