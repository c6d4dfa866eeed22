"""Benchmark: printing duty rosters (``fieldapp.rostering.printing``).

Run ``python -m bench roster_print`` (or ``python -m bench.roster_print [sites] [weeks]``).
Prints, median of three runs each:

- ``sheets``: 40 sites × 8 weeks of landscape roster sheets, three shifts a day and three
  people a shift (one page a sheet);
- ``crowded``: the same with five people a shift (the grid's type shrinks to fit);
- ``persons``: 200 personal schedules of four weeks (one portrait page each).

The target is at least 100 pages per second.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from datetime import time as clock
from pathlib import Path

from fieldapp.profile import Profile
from fieldapp.rostering.printing import (
    PersonDuty,
    PersonSchedule,
    RosterSheet,
    SheetPerson,
    SheetShift,
    render_person_pdf,
    render_roster_pdf,
)

RUNS = 3
START = date(2021, 8, 2)
PROFILE = Profile(
    commune_name="Bằng Lãng",
    district_name="Chợ Đồn",
    province_name="Bắc Kạn",
    signer_name="Hoàng Văn Thắng",
    phone="0209 3850 123",
)
SHIFTS = [
    SheetShift("S1", "Ca 1", clock(6), 8, False),
    SheetShift("S2", "Ca 2", clock(14), 8, False),
    SheetShift("S3", "Ca 3", clock(22), 8, True),
]
_SURNAMES = ["Nguyễn", "Đặng", "Hoàng", "Triệu", "Lý", "Ma", "Bế", "Lường", "Nông", "Hà"]
_MIDDLES = ["Văn", "Thị", "Đức", "Thị Ngọc", "Quốc", "Thị Mỹ", "Hữu"]
_GIVEN = ["Hùng", "Lan", "Thắng", "Hương", "Khánh", "Nguyệt", "Dũng", "Thủy", "Vững", "Huyền"]


def name(n: int) -> str:
    return (
        f"{_SURNAMES[n % len(_SURNAMES)]} {_MIDDLES[(n * 3) % len(_MIDDLES)]} "
        f"{_GIVEN[(n * 7) % len(_GIVEN)]}"
    )


def phone(n: int) -> str:
    return f"09{(n * 104729) % 10**8:08d}"


def sheets(sites: int, weeks: int, per_shift: int) -> list[RosterSheet]:
    out = []
    n = 0
    for s in range(sites):
        for w in range(weeks):
            week = START + timedelta(weeks=w)
            cells: dict[tuple[date, str], list[SheetPerson]] = {}
            for d in range(7):
                for shift in SHIFTS:
                    people = []
                    for j in range(per_shift):
                        n += 1
                        people.append(SheetPerson(name(n), phone(n), leader=j == 0))
                    cells[(week + timedelta(days=d), shift.id)] = people
            out.append(
                RosterSheet(
                    site_name=f"Chốt kiểm soát số {s + 1}",
                    site_kind="checkpoint",
                    place=f"thôn Nà Pài {s + 1}",
                    week_start=week,
                    shifts=SHIFTS,
                    cells=cells,
                    staff_per_shift=per_shift,
                )
            )
    return out


def schedules(count: int) -> list[PersonSchedule]:
    out = []
    for p in range(count):
        duties = []
        for d in range(0, 28):
            if (d + p) % 7 in (3, 6):
                continue  # two days off a week
            shift = SHIFTS[(d + p) % 3]
            duties.append(
                PersonDuty(
                    START + timedelta(days=d),
                    shift.label,
                    shift.start,
                    shift.hours,
                    f"Chốt kiểm soát số {(p + d) % 40 + 1}",
                    leader=(d + p) % 5 == 0,
                )
            )
        out.append(
            PersonSchedule(
                name(p),
                "Công an xã" if p % 2 else "Dân quân tự vệ",
                ["police"] if p % 2 else ["militia"],
                phone(p),
                START,
                START + timedelta(days=27),
                duties,
            )
        )
    return out


def measure(render: Callable[[Path], object], pages: int, folder: Path) -> float:
    """Median seconds of :data:`RUNS` renders to a file."""
    times = []
    for run in range(RUNS):
        start = time.perf_counter()
        render(folder / f"run-{run}.pdf")
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> None:
    """Print pages per second for roster sheets and personal schedules."""
    args = argv or []
    sites = int(args[0]) if args else 40
    weeks = int(args[1]) if len(args) > 1 else 8
    day = date(2021, 7, 30)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        render_roster_pdf(PROFILE, sheets(2, 1, 3), folder / "warm.pdf", issued_on=day)
        print(f"median of {RUNS} runs, written to a file")
        cases: list[tuple[str, int, Callable[[Path], object]]] = []
        for label, per in (("sheets", 3), ("crowded", 5)):
            made = sheets(sites, weeks, per)
            cases.append(
                (
                    f"{label} ({sites} sites × {weeks} weeks, {per} a shift)",
                    len(made),
                    lambda path, made=made: render_roster_pdf(PROFILE, made, path, issued_on=day),
                )
            )
        people = schedules(200)
        cases.append(
            (
                "persons (200 schedules of 4 weeks)",
                len(people),
                lambda path: render_person_pdf(PROFILE, people, path, issued_on=day),
            )
        )
        for label, pages, render in cases:
            seconds = measure(render, pages, folder)
            size = (folder / "run-0.pdf").stat().st_size
            print(
                f"  {label:44} {pages:4d} pages  {seconds:5.2f} s  "
                f"{pages / seconds:6.1f} pages/s  {size / 1e6:5.2f} MB"
            )
        wall_sheets(folder, day)


def wall_sheets(folder: Path, day: date) -> None:
    """The wall sheet (issue 16): one site's week, a month on A3 and on A4 (a team of 18,
    a team of 24 (about the most a site of the demo commune now sees in a month: steady
    teams), and 37 people taking turns as its main checkpoint saw before), and the chat
    picture.

    Target: a week's file under 200 KB, text kept as text; printed beside the old grid
    sheet of the same week (same people) as the reference.
    """
    from fieldapp.rostering.wall import (
        WallPerson,
        WallSheet,
        WallShift,
        render_pdf_png,
        render_wall_pdf,
    )

    def wall(days: int, per: int, team: int = 0) -> WallSheet:
        """``team`` people taking turns (0: someone new in every place)."""
        shifts = [WallShift(s.id, s.label, s.times, s.night) for s in SHIFTS]
        sheet = WallSheet("Chốt kiểm soát số 1", "checkpoint", "thôn Nà Pài", "0209 3870 115",
                          START, days, shifts)  # fmt: skip
        n = 0
        for d in range(days):
            for shift in SHIFTS:
                people = []
                for j in range(per):
                    n += 1
                    who = n % team if team else n
                    people.append(WallPerson(name(who), phone(who), leader=j == 0))
                sheet.cells[(START + timedelta(days=d), shift.id)] = people
        return sheet

    print("wall sheet (names 14 pt, sign-on column, hotline), written to a file")
    old = folder / "grid.pdf"
    render_roster_pdf(PROFILE, sheets(1, 1, 3), old, issued_on=day)
    from pypdf import PdfReader

    for label, make, paper in (
        ("week, 3 a shift (A4)", lambda: wall(7, 3), "A4"),
        ("month, 3 a shift, team of 18 (A3)", lambda: wall(31, 3, 18), "A3"),
        ("month, 3 a shift, team of 18 (A4)", lambda: wall(31, 3, 18), "A4"),
        ("month, 3 a shift, team of 24 (A3)", lambda: wall(31, 3, 24), "A3"),
        ("month, 3 a shift, team of 24 (A4)", lambda: wall(31, 3, 24), "A4"),
        ("month, 3 a shift, 37 taking turns (A3)", lambda: wall(31, 3, 37), "A3"),
        ("month, 3 a shift, 37 taking turns (A4)", lambda: wall(31, 3, 37), "A4"),
    ):
        target = folder / "wall.pdf"
        started = time.perf_counter()
        render_wall_pdf(PROFILE, [make()], target, issued_on=day, paper=paper)
        seconds = time.perf_counter() - started
        pages = len(PdfReader(target).pages)
        print(
            f"  {label:44} {pages:2d} page(s) {target.stat().st_size / 1e3:7.1f} KB  "
            f"{seconds:5.2f} s   (old grid sheet of a week: {old.stat().st_size / 1e3:.1f} KB; "
            "target < 200 KB)"
        )
        if label.startswith("week"):
            started = time.perf_counter()
            png = render_pdf_png(target, folder / "wall.png")
            print(
                f"  {'chat picture of the week (1080 px wide)':44} "
                f"{png.stat().st_size / 1e3:7.1f} KB  {time.perf_counter() - started:5.2f} s"
            )


if __name__ == "__main__":
    main(sys.argv[1:])
