"""Benchmark: paper for the villages (issue 14).

Run ``python -m bench village_paper``. In a temporary database:

- **door-to-door list** of an area of 5,000 households (about 18,500 people): read, laid out
  (households kept whole on a page) and rendered to PDF in memory. Target: ≤ 5 s.
- **Resolution 68 support list** of an area of 50,000 people: the amounts of every person
  from the status history (all 50,000 with one, the worst case), then the list as PDF for an
  area of 50,000 people of whom a fifth were F0 or F1 (about 10,000 on the list, 500 pages).
  Target: ≤ 10 s. The PDF of a list of all 50,000 is printed once, for the record.

Each is printed beside a floor measured in the same run: the same rows as one bare reportlab
document (the shared table flowable in a plain page template: no database, no header, no
households kept together), i.e. what the rows alone cost to lay out and draw.
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


def _floor(header, rows, fractions, orientation) -> tuple[float, int]:
    """The same rows as one bare reportlab document: the floor of any list of them."""
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

    from fieldapp.households import paper
    from fieldapp.printing.blocks import table
    from fieldapp.printing.official import page_size

    size = page_size(orientation)
    out = io.BytesIO()
    doc = BaseDocTemplate(out, pagesize=size, leftMargin=85, rightMargin=43, topMargin=57,
                          bottomMargin=57)  # fmt: skip
    doc.addPageTemplates([PageTemplate("p", [Frame(85, 57, size[0] - 128, size[1] - 114)])])
    started = time.perf_counter()
    doc.build([table(header, rows, col_fractions=fractions, font_size=paper.PAPER_SIZE)])
    return time.perf_counter() - started, doc.page


def _median(work) -> tuple[float, int]:
    times, pages = [], 0
    for _ in range(RUNS):
        started = time.perf_counter()
        pages = work()
        times.append(time.perf_counter() - started)
    return statistics.median(times), pages


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

            seconds, pages = _median(door)
            households = paper.area_people(db, area)
            rows, _groups = paper.door_rows(None, households)
            floor, floor_pages = _floor(paper.DOOR_HEADER, rows, paper.DOOR_FRACTIONS, "landscape")
            print(
                f"door-to-door, {DOOR_HOUSEHOLDS:,} households ({len(rows):,} rows): "
                f"{seconds:.2f} s, {pages} pages (target ≤ 5 s); "
                f"floor, bare reportlab of the same rows: {floor:.2f} s, {floor_pages} pages"
            )

            start, end = date.today() - timedelta(days=45), date.today()
            everyone = _fill(db, "Khu 50.000 người F0/F1", 13_500, SUPPORT_PEOPLE, 1.0, seed=68)

            def amounts() -> int:
                return len(support_list(db, everyone, start, end).rows)

            seconds, rows_count = _median(amounts)
            print(
                f"support amounts, {SUPPORT_PEOPLE:,} people all with a status history: "
                f"{seconds:.2f} s ({rows_count:,} rows; target ≤ 10 s)"
            )
            fifth = _fill(db, "Khu 50.000 người", 13_500, SUPPORT_PEOPLE, 0.2, seed=69)

            def support() -> int:
                listed = support_list(db, fifth, start, end)
                doc = paper.support68_document(db, fifth, start, end, support=listed)
                return render_pdf(doc, io.BytesIO())

            seconds, pages = _median(support)
            listed = support_list(db, fifth, start, end)
            rows, _groups, _spans = paper.support_rows(listed)
            floor, floor_pages = _floor(
                paper.SUPPORT_HEADER, rows, paper.SUPPORT_FRACTIONS, "landscape"
            )
            print(
                f"support list PDF, area of {SUPPORT_PEOPLE:,} people, "
                f"{len({r.member_id for r in listed.rows}):,} on the list ({len(rows):,} rows): "
                f"{seconds:.2f} s, {pages} pages (target ≤ 10 s); "
                f"floor, bare reportlab of the same rows: {floor:.2f} s, {floor_pages} pages"
            )
            started = time.perf_counter()
            listed = support_list(db, everyone, start, end)
            pages = render_pdf(
                paper.support68_document(db, everyone, start, end, support=listed), io.BytesIO()
            )
            print(
                f"support list PDF, all {SUPPORT_PEOPLE:,} on the list: "
                f"{time.perf_counter() - started:.1f} s, {pages} pages (once, for the record)"
            )
        finally:
            db.close()


if __name__ == "__main__":
    main()
