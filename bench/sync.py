"""Sync: a whole package of a 50,000-household commune (target ≤ 10 s), its import into a
district, and the district roll-up over it.

Households and people are bulk-inserted straight into the tables (the register's own import
is measured in ``bench/households.py``); the figures here are the sync layer's.
"""

from __future__ import annotations

import dataclasses
import random
import tempfile
import time
import uuid
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


def main() -> None:
    from fieldapp.sync.district import district_summary
    from fieldapp.sync.package import export_package
    from fieldapp.sync.receive import import_package

    with tempfile.TemporaryDirectory(prefix="fieldapp-bench-sync-") as folder:
        root = Path(folder)
        commune = _device(root, "commune", "Bằng Lãng")
        district = _device(root, "district", "Huyện Chợ Đồn")
        try:
            t0 = time.perf_counter()
            people = _fill(commune, HOUSEHOLDS)
            print(
                f"built {HOUSEHOLDS} households, {people} people in {time.perf_counter() - t0:.1f} s"
            )
            t0 = time.perf_counter()
            result = export_package(commune, root / "full.fieldsync", full=True)
            export_s = time.perf_counter() - t0
            size = result.path.stat().st_size / 1024**2
            print(
                f"export (full): {export_s:5.2f} s  ({result.rows} records, {size:.1f} MiB; "
                "target ≤ 10 s)"
            )
            t0 = time.perf_counter()
            imported = import_package(district, result.path, trust_new=True)
            import_s = time.perf_counter() - t0
            print(f"import into the district: {import_s:5.2f} s  ({imported.inserted} records)")
            t0 = time.perf_counter()
            again = import_package(district, result.path)
            print(
                f"same package again: {time.perf_counter() - t0:5.2f} s (already={again.already})"
            )
            t0 = time.perf_counter()
            summary = district_summary(district)
            total = summary.total
            print(
                f"district roll-up: {(time.perf_counter() - t0) * 1000:6.0f} ms  "
                f"(households {total.households}, people {total.people}, F0 {total.f0}, "
                f"F1 {total.f1})"
            )
            t0 = time.perf_counter()
            empty = export_package(commune, root / "next.fieldsync")
            print(
                f"next export with nothing changed: {time.perf_counter() - t0:5.2f} s "
                f"({empty.rows} records)"
            )
        finally:
            commune.close()
            district.close()


if __name__ == "__main__":
    main()
