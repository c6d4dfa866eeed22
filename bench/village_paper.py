"""Benchmark: paper for the villages (issue 14).

Run ``python -m bench village_paper``. In a temporary database:

- **door-to-door list** of an area of 5,000 households (about 17,000 people): read, laid out
  (households kept whole on a page) and rendered to PDF in memory. Target: ≤ 5 s.
- **Resolution 68 support list** of an area of 50,000 people, the worst case: all 50,000 on
  the list (F0 or F1 in the period). The amounts from the status history, then the whole list
  as a PDF (about 4,400 pages). Target: ≤ 10 s. The usual case, an area of 50,000 people of
  whom a fifth are on the list, is printed too.

Each is printed beside a floor measured in the same run: reportlab's canvas writing the same
text lines (every non-empty cell line of the same rows, on as many pages) with no layout, no
rules, no database, i.e. what putting that much text into a PDF costs at the least. Times are
medians of 3 runs; CPU time (user+sys of this process) is printed too, for a loaded machine.
"""

from __future__ import annotations

import io
import random
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

DOOR_HOUSEHOLDS = 5_000
SUPPORT_PEOPLE = 50_000
RUNS = 3


def _db(folder: Path):
    from fieldapp.config import resolve_paths
    from fieldapp.db.database import open_database
    from fieldapp.profile import Profile, save_profile

    db = open_database(resolve_paths(folder))
    save_profile(
        db,
        Profile(commune_name="Bằng Lãng", district_name="Chợ Đồn", province_name="Bắc Kạn",
                signer_name="Hoàng Văn Thắng"),
    )  # fmt: skip
    return db


def _fill(db, name: str, households: int, people: int | None, status_share: float, seed: int):
    """An area of ``households`` generated households (padded with children up to ``people``);
    ``status_share`` of the people get an F0 or F1 isolation in the last weeks."""
    from fieldapp.households.demo import generate_households
    from fieldapp.households.excel_import import ImportPreview, apply_import
    from fieldapp.households.service import AreaInput, add_area

    rng = random.Random(seed)
    today = date.today()
    villages = ("Nà Pài", "Khuổi Cuộng", "Bản Lác", "Nà Làng", "Cốc Thử", "Phiêng Lủng")
    hh = generate_households(rng, households, villages, today, id_share=0.75)
    total = sum(len(h.people) for h in hh)
    k = 0
    while people is not None and total < people:
        h = hh[k % len(hh)]
        child = type(h.people[-1])(row=h.row, full_name=f"{h.people[0].full_name.split()[0]} "
                                   f"{rng.choice(('Văn', 'Thị', 'Minh'))} {rng.choice(('Tài', 'Lan', 'An', 'Hà'))}",
                                   birth_year=rng.randint(today.year - 15, today.year), relation="Con")  # fmt: skip
        h.people.append(child)
        total += 1
        k += 1
    for h in hh:
        for p in h.people:
            p.status = p.isolation = ""
            p.iso_start = p.iso_end = None
            if rng.random() < status_share:
                kind = rng.choice(("F0", "F1", "F1"))
                p.status, p.isolation = kind, rng.choice(("central", "home"))
                p.iso_start = today - timedelta(days=rng.randint(1, 40))
                p.iso_end = p.iso_start + timedelta(days=rng.choice((7, 14, 21, 30)))
    area = add_area(db, AreaInput(name=name, started_on=today - timedelta(days=60)))
    started = time.perf_counter()
    result = apply_import(db, ImportPreview("bulk", "", (), {}, hh, []), area)
    print(
        f"   (setup: {result.households:,} households, {result.people:,} people imported in "
        f"{time.perf_counter() - started:.1f} s)"
    )
    return area


def _floor(rows, pages: int, orientation: str) -> tuple[float, float]:
    """Seconds for reportlab's canvas to write every non-empty cell line of ``rows`` on
    ``pages`` pages (the same number of lines per page), each string placed at its column with
    ``drawString``, no layout, rules or shading: the floor of any PDF of the same text.
    Wall and CPU seconds."""
    from reportlab.pdfgen.canvas import Canvas

    from fieldapp.heap import collection_paused
    from fieldapp.households import paper
    from fieldapp.printing.fonts import REGULAR, register_fonts
    from fieldapp.printing.official import page_size

    register_fonts()
    lines = [line for row in rows for cell in row if cell for line in str(cell).split("\n") if line]
    size = page_size(orientation)
    started, started_cpu = time.perf_counter(), time.process_time()
    with collection_paused():  # as the app's own printing
        canvas = Canvas(io.BytesIO(), pagesize=size, initialFontName=REGULAR)
        per_page = -(-len(lines) // max(pages, 1))
        for first in range(0, len(lines), per_page):
            canvas.setFont(REGULAR, paper.PAPER_SIZE)
            y = size[1] - 60
            for k, line in enumerate(lines[first : first + per_page]):
                canvas.drawString(85 + (k % 9) * 70, y, line)
                if k % 9 == 8:
                    y -= 14.4
            canvas.showPage()
        canvas.save()
    return time.perf_counter() - started, time.process_time() - started_cpu


def _median(work) -> tuple[float, float, int]:
    """Median wall and CPU seconds of ``RUNS`` runs of ``work``, and what it returned."""
    times, cpu, pages = [], [], 0
    for _ in range(RUNS):
        started, started_cpu = time.perf_counter(), time.process_time()
        pages = work()
        times.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    return statistics.median(times), statistics.median(cpu), pages


def main() -> None:
    from fieldapp.households import paper
    from fieldapp.households.support68 import support_list
    from fieldapp.printing.official import render_pdf

    with tempfile.TemporaryDirectory(prefix="bench-village-") as tmp:
        db = _db(Path(tmp) / "data")
        try:
            area = _fill(db, "Khu 5.000 hộ", DOOR_HOUSEHOLDS, None, 0.1, seed=14)

            def door() -> int:
                return render_pdf(paper.door_to_door_document(db, area), io.BytesIO())

            seconds, cpu, pages = _median(door)
            rows, _groups = paper.door_rows(None, paper.area_people(db, area))
            floor = _floor(rows, pages, "landscape")
            print(
                f"door-to-door, {DOOR_HOUSEHOLDS:,} households ({len(rows):,} rows): "
                f"{seconds:.2f} s (CPU {cpu:.2f} s), {pages} pages (target ≤ 5 s); "
                f"floor, canvas writing the same text lines: {floor[0]:.2f} s (CPU {floor[1]:.2f} s)"
            )

            start, end = date.today() - timedelta(days=45), date.today()
            everyone = _fill(db, "Khu 50.000 người F0/F1", 13_500, SUPPORT_PEOPLE, 1.0, seed=68)

            def amounts() -> int:
                return len(support_list(db, everyone, start, end).rows)

            seconds, cpu, count = _median(amounts)
            print(
                f"support amounts, {SUPPORT_PEOPLE:,} people all with a status history: "
                f"{seconds:.2f} s (CPU {cpu:.2f} s; {count:,} rows)"
            )

            def support_of(area_id: int):
                def work() -> int:
                    listed = support_list(db, area_id, start, end)
                    doc = paper.support68_document(db, area_id, start, end, support=listed)
                    return render_pdf(doc, io.BytesIO())

                return work

            seconds, cpu, pages = _median(support_of(everyone))
            listed = support_list(db, everyone, start, end)
            rows, _groups, _spans = paper.support_rows(listed)
            floor = _floor(rows, pages, "landscape")
            print(
                f"support list PDF, all {SUPPORT_PEOPLE:,} people on the list ({len(rows):,} "
                f"rows): {seconds:.2f} s (CPU {cpu:.2f} s), {pages} pages (target ≤ 10 s); "
                f"floor, canvas writing the same text lines: {floor[0]:.2f} s (CPU {floor[1]:.2f} s)"
            )

            fifth = _fill(db, "Khu 50.000 người", 13_500, SUPPORT_PEOPLE, 0.2, seed=69)
            seconds, cpu, pages = _median(support_of(fifth))
            listed = support_list(db, fifth, start, end)
            rows, _groups, _spans = paper.support_rows(listed)
            floor = _floor(rows, pages, "landscape")
            print(
                f"support list PDF, area of {SUPPORT_PEOPLE:,} people, "
                f"{len({r.member_id for r in listed.rows}):,} on the list ({len(rows):,} rows): "
                f"{seconds:.2f} s (CPU {cpu:.2f} s), {pages} pages; "
                f"floor, canvas writing the same text lines: {floor[0]:.2f} s (CPU {floor[1]:.2f} s)"
            )
        finally:
            db.close()


if __name__ == "__main__":
    main()
