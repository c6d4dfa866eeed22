"""Reports upward: the daily quick report of a 5,000-household commune, and a long list.

Builds a commune of 5,000 households (the households bench's generator, imported through the
register's own Excel import) with relief for a fifth of them, then times ``daily_figures``
and the daily report's PDF (target ≤ 1 s together), the weekly summary, and a door-to-door
household list of the whole area as an official document (target ≥ 100 pages per second).
"""

from __future__ import annotations

import io
import tempfile
import time
from datetime import date
from pathlib import Path

HOUSEHOLDS = 5000


def _commune(tmp: Path):
    from bench.households import _fresh_db, _households
    from fieldapp.households.excel_import import apply_import, read_roster
    from fieldapp.households.service import (
        AreaInput,
        DeliveryInput,
        ReliefItem,
        add_area,
        record_deliveries,
    )
    from fieldapp.profile import Profile, save_profile
    from tests.core.households.workbooks import write_list

    path = tmp / "ds.xlsx"
    write_list(path, _households(HOUSEHOLDS, None, seed=11))
    db = _fresh_db(tmp / "data")
    save_profile(
        db, Profile(commune_name="Bằng Lãng", district_name="Chợ Đồn", province_name="Bắc Kạn")
    )
    area = add_area(db, AreaInput(name="Toàn xã", started_on=date.today()))
    apply_import(db, read_roster(path), area)
    from fieldapp.households.listing import HouseholdFilter, household_ids

    ids = household_ids(db, HouseholdFilter(area_id=area))
    record_deliveries(
        db,
        [
            DeliveryInput(h, date.today(), [ReliefItem("Gạo", 10, "kg")])
            for h in ids[: HOUSEHOLDS // 5]
        ],
    )
    return db, area, ids


def _household_list(db, area: int, ids: list[int]):
    from fieldapp.households.listing import household_rows
    from fieldapp.printing.blocks import caption, table
    from fieldapp.printing.commune import issuer_for, place_date_for, signature_for
    from fieldapp.printing.official import OfficialDocument
    from fieldapp.profile import load_profile

    profile = load_profile(db)
    rows = [
        [str(n), r.head_name, r.village, r.address, str(r.members), f"{r.f0}/{r.f1}", ""]
        for n, r in enumerate(household_rows(db, ids), start=1)
    ]
    return OfficialDocument(
        issuer=issuer_for(profile),
        number="Số:      /DS-UBND",
        place_date=place_date_for(profile, date.today()),
        title="DANH SÁCH",
        subject="Hộ gia đình trong khu vực phong tỏa (đi từng nhà)",
        body=[
            caption("Danh sách hộ"),
            table(
                ["TT", "Chủ hộ", "Thôn", "Địa chỉ", "Số người", "F0/F1", "Ký nhận"],
                rows,
                col_fractions=[1, 5, 3, 4, 1.6, 1.6, 3],
            ),
        ],
        recipients=["Lưu: VT."],
        signature=signature_for(profile),
    )


def main() -> None:
    from fieldapp.printing.official import render_pdf
    from fieldapp.reports.figures import daily_figures
    from fieldapp.reports.render import build_report, spec_for

    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        t0 = time.perf_counter()
        db, area, ids = _commune(tmp)
        print(f"commune of {len(ids)} households built in {time.perf_counter() - t0:.1f} s")
        try:
            today = date.today()
            daily_figures(db, today)  # warm up (imports, fonts)
            build_report(db, spec_for(db, "daily", today)).pdf()
            t0 = time.perf_counter()
            f = daily_figures(db, today)
            t1 = time.perf_counter()
            data, pages = build_report(db, spec_for(db, "daily", today)).pdf()
            t2 = time.perf_counter()
            print(
                f"daily_figures {1000 * (t1 - t0):6.0f} ms ({f.households} households, "
                f"{f.people} people, F0 {f.f0}, F1 {f.f1}, relief {f.relief_deliveries}); "
                f"figures + text + PDF ({pages} pages) {1000 * (t2 - t1):6.0f} ms; "
                f"total {1000 * (t2 - t0):6.0f} ms (target ≤ 1000 ms)"
            )
            t0 = time.perf_counter()
            _data, pages = build_report(db, spec_for(db, "weekly", today)).pdf()
            print(f"weekly report ({pages} pages): {1000 * (time.perf_counter() - t0):6.0f} ms")
            doc = _household_list(db, area, ids)
            t0 = time.perf_counter()
            pages = render_pdf(doc, io.BytesIO())
            seconds = time.perf_counter() - t0
            print(
                f"door-to-door household list: {pages} pages in {seconds:5.2f} s = "
                f"{pages / seconds:6.1f} pages/s (target ≥ 100)"
            )
        finally:
            db.close()


if __name__ == "__main__":
    main()
