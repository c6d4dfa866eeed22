"""Benchmark: how fast the official PDF layer prints long lists (door-to-door household lists).

Run ``python -m bench.pdf [rows]``. Renders two lists of 3,000 rows into memory, in portrait
and in landscape, three times each, and prints the median seconds and pages per second:

- ``households``: the sample report's household list, whose addresses and notes wrap onto
  two or three lines (fewer rows a page);
- ``members``: a dense list of household members, one line a row (the most rows a page, so
  the fewest pages per second).

The target is at least 100 pages per second.
"""

from __future__ import annotations

import io
import statistics
import sys
import time

from fieldapp.printing.blocks import caption, paragraph, table
from fieldapp.printing.official import OfficialDocument, render_pdf
from fieldapp.printing.sample import (
    HOUSEHOLD_ALIGN,
    HOUSEHOLD_FRACTIONS,
    HOUSEHOLD_HEADER,
    household_rows,
    sample_document,
)

RUNS = 3


MEMBER_HEADER = ["STT", "Họ và tên", "Năm sinh", "Giới tính", "Số CCCD", "Điện thoại", "Kết quả"]
MEMBER_FRACTIONS = [0.6, 2.4, 0.8, 0.8, 1.6, 1.3, 1.5]


def member_rows(count: int) -> list[list[str]]:
    """``count`` one-line rows of household members."""
    heads = household_rows(count)
    return [
        [
            str(n),
            head[1],
            head[2],
            "Nam" if n % 2 else "Nữ",
            f"0{(n * 7919) % 10**11:011d}",
            f"09{(n * 104729) % 10**8:08d}",
            "Âm tính" if n % 7 else "Dương tính",
        ]
        for n, head in enumerate(heads, start=1)
    ]


def household_list(
    rows: list[list[str]], orientation: str, members: bool = False
) -> OfficialDocument:
    """The sample report's header and closing around one long table."""
    header, fractions = (
        (MEMBER_HEADER, MEMBER_FRACTIONS) if members else (HOUSEHOLD_HEADER, HOUSEHOLD_FRACTIONS)
    )
    align = None if members else HOUSEHOLD_ALIGN
    doc = sample_document(rows=1)
    doc.orientation = orientation  # type: ignore[assignment]
    doc.title = "DANH SÁCH"
    doc.subject = "Hộ gia đình trong khu vực phong tỏa thôn Nà Pài"
    doc.body = [
        paragraph("Danh sách do các tổ Covid cộng đồng lập, cập nhật đến 16 giờ 00."),
        caption("DANH SÁCH HỘ GIA ĐÌNH"),
        table(header, rows, col_fractions=fractions, align=align),
    ]
    return doc


def measure(rows: list[list[str]], orientation: str, members: bool) -> tuple[float, int, int]:
    """Median seconds over :data:`RUNS` renders, the page count and the PDF size in bytes."""
    times = []
    pages = size = 0
    for _ in range(RUNS):
        doc = household_list(rows, orientation, members)  # flowables are single-use: build afresh
        out = io.BytesIO()
        start = time.perf_counter()
        pages = render_pdf(doc, out)
        times.append(time.perf_counter() - start)
        size = out.tell()
    return statistics.median(times), pages, size


def main(argv: list[str] | None = None) -> None:
    """Print seconds and pages per second for portrait and landscape household lists."""
    args = argv or []
    count = int(args[0]) if args else 3000
    lists = {"households": household_rows(count), "members": member_rows(count)}
    render_pdf(household_list(lists["households"][:50], "portrait"), io.BytesIO())  # warm up
    print(f"{count} rows a list, median of {RUNS} runs")
    for name, rows in lists.items():
        for orientation in ("portrait", "landscape"):
            seconds, pages, size = measure(rows, orientation, name == "members")
            print(
                f"  {name:10} {orientation:9}  {pages:4d} pages  {seconds:5.2f} s  "
                f"{pages / seconds:6.1f} pages/s  {count / seconds:6.0f} rows/s  "
                f"{size / 1e6:5.2f} MB"
            )


if __name__ == "__main__":
    main(sys.argv[1:])
