"""Benchmark: household lists (issue 5).

Run ``python -m bench households``. Prints:

- **Excel import**: a real-looking commune list of 5,000 households / 20,000 people (title
  rows, two-row merged header, Nam/Nữ columns, CCCD and phones as numbers, text and Excel
  dates, spacer and total rows), built with openpyxl, then read, previewed against the
  database and imported into an empty area; then imported again (nothing changes).
  Target: ≤ 10 s for the import.
- **The household table at 200,000 people** (57,000 households, bulk-inserted into a
  temporary database): first paint of the page offscreen (page created, filled and painted
  with its first rows) and of the bare table model; search as you type: for each keystroke
  of a name, a folded name, digits of a phone and a filter, the time from the new text to
  the table model reset with its first 30 rows read (wall clock and CPU of this process).
  Floor, measured in the same run: the same model showing the whole list (no search).
  Targets (issue 17): keystroke ≤ 50 ms median, ≤ 100 ms worst; first paint ≤ 300 ms.

``FIELDAPP_BENCH_TABLE_DIR=DIR`` keeps the 200,000-people database in DIR and reuses it.
"""

from __future__ import annotations

import copy
import os
import random
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

import resources

IMPORT_HOUSEHOLDS = 5_000
IMPORT_PEOPLE = 20_000
TABLE_HOUSEHOLDS = 57_000  # about 200,000 people
RUNS = 5


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:7.0f} ms"


def _fresh_db(folder: Path):
    from fieldapp.config import resolve_paths
    from fieldapp.db.database import open_database

    return open_database(resolve_paths(folder))


def _households(count: int, people: int | None, seed: int):
    from fieldapp.households.demo import generate_households

    rng = random.Random(seed)
    villages = ("Nà Pài", "Khuổi Cuộng", "Bản Lác", "Nà Làng", "Cốc Thử")
    households = generate_households(rng, count, villages, date.today(), id_share=0.75)
    total = sum(len(h.people) for h in households)
    k = 0
    while people is not None and total < people:  # a few more children to reach the target
        h = households[k % count]
        child = copy.deepcopy(h.people[-1])
        child.full_name = f"{h.people[0].full_name.split()[0]} Văn Tài {k}".replace(f" {k}", "")
        child.full_name += rng.choice(("", " Anh", " Em"))
        child.birth_year, child.relation, child.citizen_id, child.phone = 2015, "Con", None, ""
        child.status = child.isolation = ""
        child.iso_start = child.iso_end = None
        h.people.append(child)
        total += 1
        k += 1
    for h in rng.sample(households, count // 40):  # some F0 and F1 with dates
        for p in h.people:
            p.status, p.isolation = rng.choice(
                (("F1", "home"), ("F1", "central"), ("F0", "central"))
            )
            p.iso_start = date.today()
    return households


def bench_import(tmp: Path) -> None:
    from fieldapp.households.excel_import import apply_import, plan_preview, read_roster
    from fieldapp.households.service import AreaInput, add_area
    from tests.core.households.workbooks import write_list

    households = _households(IMPORT_HOUSEHOLDS, IMPORT_PEOPLE, seed=5)
    people = sum(len(h.people) for h in households)
    path = tmp / "danh-sach-5000-ho.xlsx"
    started = time.perf_counter()
    write_list(path, households)
    print(
        f"built {path.name}: {IMPORT_HOUSEHOLDS} households, {people} people, "
        f"{path.stat().st_size // 1024} KiB in {time.perf_counter() - started:.1f} s"
    )
    db = _fresh_db(tmp / "import")
    try:
        area = add_area(db, AreaInput(name="Khu phong tỏa thử", started_on=date.today()))
        t0 = time.perf_counter()
        preview = read_roster(path)
        t1 = time.perf_counter()
        plan_preview(db, preview, area)
        t2 = time.perf_counter()
        result = apply_import(db, preview, area)
        t3 = time.perf_counter()
        print(
            f"import: read {t1 - t0:5.2f} s + preview {t2 - t1:5.2f} s + write {t3 - t2:5.2f} s"
            f" = {t3 - t0:5.2f} s  ({result.households} households, {result.people} people,"
            f" F0 {result.f0}, F1 {result.f1}; target ≤ 10 s)"
        )
        t0 = time.perf_counter()
        again = read_roster(path)
        result = apply_import(db, again, area)
        t1 = time.perf_counter()
        print(
            f"re-import of the same file: {t1 - t0:5.2f} s  (new households "
            f"{result.new_households}, updated {result.updated_households}, status changes "
            f"{result.status_changes})"
        )
    finally:
        db.close()


def bench_table(tmp: Path) -> None:
    os.environ.setdefault(
        "QT_QPA_PLATFORM",
        "offscreen:configfile=" + str(resources.path("offscreen-1366x768.json")),
    )
    from fieldapp.households.excel_import import ImportPreview, apply_import
    from fieldapp.households.listing import HouseholdFilter
    from fieldapp.households.service import AreaInput, add_area
    from ui.app import application
    from ui.i18n import install_language
    from ui.pages.households import HouseholdsPage
    from ui.pages.households.table_model import HouseholdTableModel

    kept = os.environ.get("FIELDAPP_BENCH_TABLE_DIR")
    folder = Path(kept) if kept else tmp / "table"
    reuse = (folder / "fieldapp.sqlite3").exists()
    db = _fresh_db(folder)
    try:
        if reuse:
            from fieldapp.households.service import list_areas

            area = list_areas(db)[0].id
            print(f"reusing the database in {folder}")
        else:
            started = time.perf_counter()
            area = add_area(db, AreaInput(name="Khu phong tỏa lớn", started_on=date.today()))
            households = _households(TABLE_HOUSEHOLDS, None, seed=9)
            preview = ImportPreview("bulk", "", (), {}, households, [])
            result = apply_import(db, preview, area)
            print(
                f"bulk insert: {result.households} households, {result.people} people in "
                f"{time.perf_counter() - started:.1f} s"
            )
        app = application()
        install_language("vi")

        paints, models = [], []
        for _ in range(RUNS):
            t0 = time.perf_counter()
            page = HouseholdsPage(db)
            page.resize(1156, 700)
            page.show()
            page.refresh()
            app.processEvents()
            page.grab()  # painted, with its first rows
            paints.append(time.perf_counter() - t0)
            page.close()
            page.deleteLater()
            app.processEvents()
            t0 = time.perf_counter()
            model = HouseholdTableModel(db)
            model.set_filter(HouseholdFilter())
            for r in range(30):
                for c in range(model.columnCount()):
                    model.index(r, c).data()
            models.append(time.perf_counter() - t0)
        print(
            f"first paint of the page ({model.rowCount()} households): median "
            f"{_ms(statistics.median(paints))} (max {_ms(max(paints))}; target ≤ 300 ms)"
        )
        print(
            f"  of which the table model and its first 30 rows: median {_ms(statistics.median(models))}"
        )

        _bench_search(db, HouseholdTableModel, HouseholdFilter, area)
    finally:
        db.close()


def _keystroke(model, flt) -> tuple[float, float]:
    """Wall and CPU seconds from a new filter to the model reset with its first rows read."""
    w0, c0 = time.perf_counter(), time.process_time()
    model.set_filter(flt)
    for r in range(min(30, model.rowCount())):
        for c in range(model.columnCount()):
            model.index(r, c).data()
    return time.perf_counter() - w0, time.process_time() - c0


def _bench_search(db, model_class, filter_class, area: int) -> None:
    model = model_class(db)
    model.set_filter(filter_class(area_id=area))
    floor = [_keystroke(model, filter_class(area_id=area)) for _ in range(RUNS)]
    floor_wall = statistics.median(w for w, _c in floor)
    floor_cpu = statistics.median(c for _w, c in floor)
    print(
        f"floor: the whole list ({model.rowCount()} households), no search: median "
        f"{_ms(floor_wall)} wall, {_ms(floor_cpu)} CPU"
    )
    walls, cpus = [], []
    for label, typed, extra in (
        ("name, typed letter by letter", "Hoàng Văn", {}),
        ("folded name", "nong thi", {}),
        ("digits of a phone", "0912", {}),
        ("end of a citizen ID", "2968705", {}),
        ("name with filters (F1, vulnerable)", "ma", {"status": "F1", "vulnerable": True}),
    ):
        wall, cpu = [], []
        for k in range(1, len(typed) + 1):
            w, c = _keystroke(model, filter_class(area_id=area, search=typed[:k], **extra))
            wall.append(w)
            cpu.append(c)
        walls += wall
        cpus += cpu
        print(
            f"search as you type, {label} ({typed!r}): median {_ms(statistics.median(wall))}"
            f" wall / {_ms(statistics.median(cpu))} CPU, slowest keystroke {_ms(max(wall))}"
            f" wall / {_ms(max(cpu))} CPU, {model.rowCount()} found"
        )
    print(
        f"every keystroke ({len(walls)}): median {_ms(statistics.median(walls))} wall "
        f"({statistics.median(walls) / floor_wall:.1f} × floor), "
        f"{_ms(statistics.median(cpus))} CPU; worst {_ms(max(walls))} wall, {_ms(max(cpus))} "
        f"CPU (targets ≤ 50 ms median, ≤ 100 ms worst)"
    )


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        if not os.environ.get("FIELDAPP_BENCH_TABLE_ONLY"):
            bench_import(tmp)
        bench_table(tmp)


if __name__ == "__main__":
    main()
