"""Benchmark: importing household lists at province scale (issue 13).

Run ``python -m bench household_import`` (``BENCH_IMPORT_SIZES=50000`` for the small one only).
For each size it builds, once, into the temporary folder (not the checkout), a commune-style
workbook — one sheet per village with a title row "DANH SÁCH HỘ GIA ĐÌNH ... - THÔN X", a
two-row merged header with Nam/Nữ year columns, CCCD and phones as numbers, F0/F1 rows with
dates, a total row and signatures — and then measures, each in its own process so that the
peak memory (peak RSS) is that of the work alone:

- the reference: a plain streaming read of every row of every sheet of the same file;
- the import into a fresh database (read, plan, write, audit);
- the re-import of the unchanged file (must write nothing).

Targets: 50,000 households / 200,000 people ≤ 30 s and ≤ 400 MB; 200,000 / 700,000 ≤ 120 s and
≤ 600 MB; re-import of the unchanged 50,000 file ≤ 15 s, writing nothing.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

SIZES = {50_000: 200_000, 200_000: 700_000}
TARGETS = {50_000: (30.0, 400), 200_000: (120.0, 600)}
FOLDER = Path(tempfile.gettempdir()) / "fieldapp-bench-import"
VILLAGES = ("Nà Pài", "Khuổi Cuộng", "Bản Lác", "Nà Làng", "Cốc Thử", "Thôn 4")


# --------------------------------------------------------------------------------------------
# A big workbook, written as XML directly (openpyxl would take minutes at this size)
# --------------------------------------------------------------------------------------------


def _col(n: int) -> str:
    out = ""
    while n:
        n, r = divmod(n - 1, 26)
        out = chr(65 + r) + out
    return out


class _Strings:
    def __init__(self) -> None:
        self.index: dict[str, int] = {}

    def __call__(self, text: str) -> int:
        i = self.index.get(text)
        if i is None:
            i = self.index[text] = len(self.index)
        return i


def _cell(ref: str, value, strings: _Strings) -> str:
    if value is None:
        return ""
    if isinstance(value, int):
        return f'<c r="{ref}"><v>{value}</v></c>'
    return f'<c r="{ref}" t="s"><v>{strings(value)}</v></c>'


HEADER_TOP = [
    "STT", "Họ và tên", "Năm sinh", None, "Quan hệ với chủ hộ", "Số CMND/CCCD",
    "Số điện thoại", "Số nhà", "Phân loại (F0, F1)", "Hình thức cách ly",
    "Thời gian cách ly", None, "Hộ nghèo", "Ghi chú",
]  # fmt: skip
HEADER_SUB = [None, None, "Nam", "Nữ", None, None, None, None, None, None, "Từ ngày",
              "Đến ngày", None, None]  # fmt: skip


def make_workbook(path: Path, households: int, people: int, seed: int = 13) -> None:
    """Write a list of ``households`` households and about ``people`` people to ``path``."""
    from fieldapp.households.demo import FEMALE_GIVEN, KINH_FAMILY, MALE_GIVEN, TAY_FAMILY

    rng = random.Random(seed)
    strings = _Strings()
    per_village = [households // len(VILLAGES)] * len(VILLAGES)
    per_village[0] += households - sum(per_village)
    extra = people - 2 * households  # beyond head and one more person each
    cid = 0  # CCCDs of Bắc Kạn (006), typed as numbers: the leading zeros are lost
    sheets = []
    for v, village in enumerate(VILLAGES):
        rows = []
        rows.append('<row r="1">' + _cell("A1", "UBND XÃ BẰNG LÃNG", strings) + "</row>")
        title = f"DANH SÁCH HỘ GIA ĐÌNH TRONG KHU VỰC PHONG TỎA - THÔN {village.upper()}"
        rows.append('<row r="3">' + _cell("A3", title, strings) + "</row>")
        for r, header in ((5, HEADER_TOP), (6, HEADER_SUB)):
            rows.append(
                f'<row r="{r}">'
                + "".join(_cell(f"{_col(c + 1)}{r}", h, strings) for c, h in enumerate(header))
                + "</row>"
            )
        r = 7
        for i in range(1, per_village[v] + 1):
            family = rng.choice(TAY_FAMILY if rng.random() < 0.7 else KINH_FAMILY)
            size = 2 + (1 if rng.random() < extra / households else 0)
            size += 1 if rng.random() < max(0.0, extra / households - 1) else 0
            status = rng.random() < 0.025
            for k in range(size):
                sex = "M" if (k == 0) == (rng.random() < 0.85) else "F"
                given = rng.choice(MALE_GIVEN if sex == "M" else FEMALE_GIVEN)
                middle = "Văn" if sex == "M" else "Thị"
                year = rng.randint(1946, 1998) if k < 2 else rng.randint(2000, 2020)
                relation = ("Chủ hộ", "Vợ" if sex == "F" else "Chồng", "Con", "Con")[min(k, 3)]
                cid += 1
                code = (0 if year < 2000 else 2) + (0 if sex == "M" else 1)
                number = int(f"006{code}{year % 100:02d}{cid % 1_000_000:06d}")
                values = [
                    i if k == 0 else None,
                    f"{family} {middle} {given}",
                    year if sex == "M" else None,
                    year if sex == "F" else None,
                    relation,
                    number if k < 2 and rng.random() < 0.8 else None,
                    rng.randint(912_000_000, 989_999_999) if k == 0 else None,
                    str(rng.randint(1, 300)) if k == 0 else None,
                    "F1" if status else None,
                    "Tại nhà" if status else None,
                    "05/08/2021" if status else None,
                    "19/08/2021" if status else None,
                    "x" if k == 0 and rng.random() < 0.1 else None,
                    None,
                ]
                rows.append(
                    f'<row r="{r}">'
                    + "".join(
                        _cell(f"{_col(c + 1)}{r}", value, strings) for c, value in enumerate(values)
                    )
                    + "</row>"
                )
                r += 1
        rows.append(f'<row r="{r}">' + _cell(f"A{r}", "Tổng cộng", strings) + "</row>")
        rows.append(f'<row r="{r + 2}">' + _cell(f"B{r + 2}", "Người lập biểu", strings) + "</row>")
        sheets.append((f"Thôn {village}", "".join(rows)))
    _write_xlsx(path, sheets, strings)


def _write_xlsx(path: Path, sheets: list[tuple[str, str]], strings: _Strings) -> None:
    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    pkg = "http://schemas.openxmlformats.org/package/2006/relationships"
    types = [
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>',
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.sheet.main+xml"/>',
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.'
        'openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>',
    ]
    for i in range(len(sheets)):
        types.append(
            f'<Override PartName="/xl/worksheets/sheet{i + 1}.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        z.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats'
            '.org/package/2006/content-types">' + "".join(types) + "</Types>",
        )
        z.writestr(
            "_rels/.rels",
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{pkg}"><Relationship '
            f'Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        )
        z.writestr(
            "xl/workbook.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{ns}" xmlns:r="{rel}">'
            "<sheets>"
            + "".join(
                f'<sheet name="{escape(name)}" sheetId="{i + 1}" r:id="rId{i + 1}"/>'
                for i, (name, _) in enumerate(sheets)
            )
            + "</sheets></workbook>",
        )
        z.writestr(
            "xl/_rels/workbook.xml.rels",
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{pkg}">'
            + "".join(
                f'<Relationship Id="rId{i + 1}" Type="{rel}/worksheet" '
                f'Target="worksheets/sheet{i + 1}.xml"/>'
                for i in range(len(sheets))
            )
            + f'<Relationship Id="rId{len(sheets) + 1}" Type="{rel}/sharedStrings" '
            'Target="sharedStrings.xml"/></Relationships>',
        )
        for i, (_name, body) in enumerate(sheets):
            z.writestr(
                f"xl/worksheets/sheet{i + 1}.xml",
                f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{ns}">'
                f'<dimension ref="A1:N10"/><sheetData>{body}</sheetData>'
                '<mergeCells count="2"><mergeCell ref="C5:D5"/><mergeCell ref="K5:L5"/>'
                "</mergeCells></worksheet>",
            )
        z.writestr(
            "xl/sharedStrings.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{ns}" count="{len(strings.index)}"'
            f' uniqueCount="{len(strings.index)}">'
            + "".join(f"<si><t>{escape(s)}</t></si>" for s in strings.index)
            + "</sst>",
        )


# --------------------------------------------------------------------------------------------
# Measurements, each in a child process
# --------------------------------------------------------------------------------------------


def _child(argv: list[str]) -> None:
    """Run one measured step in this process and print its figures as JSON."""
    import resource

    what, file = argv[0], Path(argv[1])
    started = time.perf_counter()
    cpu = resource.getrusage(resource.RUSAGE_SELF)
    cpu_started = cpu.ru_utime + cpu.ru_stime
    out: dict = {}
    if what == "read":
        from python_calamine import CalamineWorkbook

        cells = rows = 0
        with CalamineWorkbook.from_path(str(file)) as wb:
            for name in wb.sheet_names:
                for row in wb.get_sheet_by_name(name).iter_rows():
                    rows += 1
                    cells += sum(1 for c in row if c != "")
        out = {"rows": rows, "cells": cells}
    else:
        from fieldapp.config import resolve_paths
        from fieldapp.db.database import open_database
        from fieldapp.households.excel_import import import_file
        from fieldapp.households.service import AreaInput, add_area, find_area

        db = open_database(resolve_paths(Path(argv[2])))
        try:
            if what == "import":
                area = add_area(
                    db,
                    AreaInput(name="Khu thử", started_on=__import__("datetime").date(2021, 8, 1)),
                )
            else:
                area = find_area(db, "Khu thử").id
            started = time.perf_counter()
            cpu = resource.getrusage(resource.RUSAGE_SELF)
            cpu_started = cpu.ru_utime + cpu.ru_stime
            result = import_file(db, file, area)
            with db.engine.connect() as conn:
                audit = conn.exec_driver_sql("SELECT count(*) FROM audit_entry").scalar()
                history = conn.exec_driver_sql("SELECT count(*) FROM health_status").scalar()
            out = {
                "households": result.households,
                "people": result.people,
                "new": result.new_households,
                "updated": result.updated_households + result.updated_people,
                "status_changes": result.status_changes,
                "audit": audit,
                "history": history,
            }
        finally:
            db.close()
    out["seconds"] = time.perf_counter() - started
    cpu = resource.getrusage(resource.RUSAGE_SELF)
    out["cpu"] = cpu.ru_utime + cpu.ru_stime - cpu_started
    out["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(out))


def _run(*args: str) -> dict:
    proc = subprocess.run(
        [sys.executable, "-m", "bench.household_import", *args],
        capture_output=True,
        text=True,
        timeout=1800,
    )
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr[-2000:])
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    FOLDER.mkdir(parents=True, exist_ok=True)
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"load average {load} on {os.cpu_count()} cores (wall figures grow with it; CPU do not)")
    sizes = [int(s) for s in os.environ.get("BENCH_IMPORT_SIZES", "50000,200000").split(",")]
    for households in sizes:
        people = SIZES.get(households, households * 4)
        path = FOLDER / f"danh-sach-{households}-ho.xlsx"
        if not path.exists():
            t0 = time.perf_counter()
            make_workbook(path, households, people)
            print(
                f"built {path} ({path.stat().st_size // 1024} KiB) in "
                f"{time.perf_counter() - t0:.0f} s"
            )
        wall, mb = TARGETS.get(households, (None, None))
        ref = _run("read", str(path))
        print(
            f"{households} households: streaming read of the file (reference): "
            f"{ref['seconds']:6.1f} s (CPU {ref['cpu']:5.1f} s), peak {ref['peak_mb']:5.0f} MB "
            f"({ref['rows']} rows)"
        )
        with tempfile.TemporaryDirectory(dir=FOLDER) as data:
            got = _run("import", str(path), data)
            print(
                f"{households} households: import {got['seconds']:6.1f} s (CPU "
                f"{got['cpu']:5.1f} s), peak "
                f"{got['peak_mb']:5.0f} MB ({got['households']} households, {got['people']} "
                f"people; target ≤ {wall:.0f} s, ≤ {mb} MB; "
                f"{got['seconds'] / ref['seconds']:.1f}× the read)"
            )
            if households == min(sizes):
                again = _run("reimport", str(path), data)
                wrote = again["audit"] - got["audit"], again["history"] - got["history"]
                print(
                    f"{households} households: re-import of the unchanged file "
                    f"{again['seconds']:6.1f} s (CPU {again['cpu']:5.1f} s), peak "
                    f"{again['peak_mb']:5.0f} MB; new "
                    f"{again['new']}, updated {again['updated']}, status changes "
                    f"{again['status_changes']}, rows written: audit {wrote[0]}, history "
                    f"{wrote[1]} (target ≤ 15 s, nothing written)"
                )


if __name__ == "__main__":
    _child(sys.argv[1:])
