"""The month wall sheet: a people x days table, one A3 landscape page or two A4 portrait pages.

The sheets are built directly (no database): a checkpoint of three shifts with three people
each, a team of 18 (or 45) with long Vietnamese names and phones, a leader each shift, a few
shifts short of a police officer and two days at the start when the site is not open. What
is checked is read back from the PDF: the text, where it is drawn (which person's row,
which day's column), its size and its colour.
"""

from __future__ import annotations

import itertools
from datetime import date, timedelta

import pytest
from pypdf import PdfReader
from reportlab.pdfbase.pdfmetrics import stringWidth as string_width

from fieldapp.demo import DEMO_PROFILE
from fieldapp.rostering.wall import WallPerson, WallSheet, WallShift, render_wall_pdf

from .test_wall import _sizes_of

START = date(2021, 8, 1)  # a Sunday; August has 31 days
SHIFTS = [
    WallShift("s1", "Ca 1", "06:00–14:00", False),
    WallShift("s2", "Ca 2", "14:00–22:00", False),
    WallShift("s3", "Ca 3", "22:00–06:00", True),
]
FAMILY = ["Phạm Thị", "Hoàng Văn", "Nguyễn Thị", "Lường Văn", "Ma Thị", "Triệu Văn", "Nông Thị",
          "Hà Văn", "Đặng Thị"]  # fmt: skip
MIDDLE = ["Thanh", "Đức", "Ngọc", "Minh", "Thu", "Quốc", "Hồng", "Bảo"]
GIVEN = ["Hương", "Khánh", "Hường", "Thắng", "Lan", "Dũng", "Mai", "Tuấn", "Ánh", "Bình",
         "Cường", "Duyên", "Giang", "Hải", "Hoa", "Long", "Nga", "Phúc", "Quang", "Sơn",
         "Thảo", "Uyên", "Vinh", "Yến"]  # fmt: skip
INACTIVE = {START, START + timedelta(days=1)}
SHORT = {  # (day of the month, shift): what it lacks
    (3, "s3"): "thiếu 1 công an",
    (9, "s1"): "thiếu 1 công an",
    (20, "s2"): "thiếu 1 người",
    (28, "s3"): "thiếu 1 công an",
}
TWICE = (6, "s1", "s3")  # someone on the morning and the night shift of the 6th


def team(n: int) -> list[WallPerson]:
    """``n`` different people (three name lists of coprime lengths), long names, phones."""
    return [
        WallPerson(
            f"{FAMILY[i % len(FAMILY)]} {MIDDLE[i % len(MIDDLE)]} {GIVEN[i % len(GIVEN)]}",
            f"09{i % 10}{i // 10} {100 + i} {200 + i}",
        )
        for i in range(n)
    ]


def month_sheet(n: int) -> WallSheet:
    sheet = WallSheet("Chốt kiểm soát Cầu Bằng Lãng", "checkpoint", "ĐT 254, thôn Nà Pài",
                      "0209 3870 115", START, 31, list(SHIFTS))  # fmt: skip
    people = team(n)
    sheet.inactive = set(INACTIVE)
    k = 0
    for d in sheet.dates:
        if d in INACTIVE:
            continue
        for s in SHIFTS:
            cell = []
            for j in range(3):
                p = people[k % n]
                k += 1
                cell.append(WallPerson(p.name, p.phone, leader=j == 0))
            short = SHORT.get((d.day, s.id))
            if short:
                cell.pop()
                sheet.gaps[(d, s.id)] = [short]
            sheet.cells[(d, s.id)] = cell
    day, morning, night = TWICE
    d = START + timedelta(days=day - 1)
    twice = sheet.cells[(d, morning)][1]
    sheet.cells[(d, night)] = sheet.cells[(d, night)][:2] + [WallPerson(twice.name, twice.phone)]
    # a closed day never prints as short, whatever the data says
    sheet.gaps[(START, "s1")] = ["thiếu 3 người"]
    return sheet


def expected(sheet: WallSheet) -> dict[str, dict[int, tuple[str, bool]]]:
    """Per name, per day of the month: the shift codes ("1,3") and whether they lead."""
    code = {s.id: i for i, s in enumerate(sheet.shifts, start=1)}
    out: dict[str, dict[int, list[tuple[int, bool]]]] = {}
    for (d, sid), people in sheet.cells.items():
        for p in people:
            out.setdefault(p.name, {}).setdefault(d.day, []).append((code[sid], p.leader))
    return {
        name: {
            day: (",".join(str(c) for c, _ in sorted(v)), any(lead for _, lead in v))
            for day, v in days.items()
        }
        for name, days in out.items()
    }


def _drawn(page) -> list[tuple[str, float, float, float, bool]]:
    """(text, x, y, size, drawn in white) of every piece of text on ``page``."""
    out: list[tuple[str, float, float, float, bool]] = []
    fill: list = [None]
    saved: list = []

    def before(op, args, cm, tm):
        if op == b"q":
            saved.append(fill[0])
        elif op == b"Q" and saved:
            fill[0] = saved.pop()
        elif op == b"rg":
            fill[0] = tuple(float(a) for a in args)
        elif op == b"g":
            fill[0] = (float(args[0]),) * 3

    def visit(text, cm, tm, font, size):
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            out.append((text.strip(), x, y, size, fill[0] == (1.0, 1.0, 1.0)))

    page.extract_text(visitor_operand_before=before, visitor_text=visit)
    return out


def table_of(page) -> tuple[list[int], dict[str, dict[int, tuple[str, bool]]]]:
    """The month table as drawn: its days, and per row label (a name, "Ca 1 còn thiếu",
    ...) the text in each day's column and whether it is white (the leader's cell)."""
    drawn = _drawn(page)
    tt = next(t for t in drawn if t[0] == "TT")
    phone_x = next(t[1] for t in drawn if t[0] == "Điện thoại")
    tally_x = next(t[1] for t in drawn if t[0] == "Số ca")
    days = {
        int(t[0]): t[1]
        for t in drawn
        if t[0].isdigit() and abs(t[2] - tt[2]) < 12 and phone_x + 40 < t[1] < tally_x
    }
    rows: dict[str, dict[int, tuple[str, bool]]] = {}
    bottom = min(t[2] for t in drawn if t[0].endswith("trưởng ca ký nhận/giao"))
    labels = [
        t for t in drawn if t[1] < phone_x and bottom - 1 < t[2] < tt[2] - 10 and not t[0].isdigit()
    ]
    for label in labels:
        cells: dict[int, tuple[str, bool]] = {}
        for text, x, y, _size, white in drawn:
            if abs(y - label[2]) > 5 or x < phone_x + 40:
                continue
            if x > tally_x - 3:
                cells[0] = (text, white)  # the month's count, "Số ca"
                continue
            day = min(days, key=lambda d: abs(days[d] - x))
            assert abs(days[day] - x) < 6, f"{text!r} of {label[0]} between two days"
            cells[day] = (text, white)
        rows[label[0]] = cells
    return sorted(days), rows


def _render(tmp_path, sheet, paper, name="thang.pdf"):
    out = tmp_path / f"{paper}-{name}"
    render_wall_pdf(DEMO_PROFILE, [sheet], out, issued_on=date(2021, 7, 28), paper=paper)
    return out, PdfReader(out)


def _check_table(sheet, page, days_expected):
    """Every person's row on ``page``: each day's code, the leader's cell in white, the
    closed days "–", the count of shifts; the shortage rows; the sign rows empty."""
    want = expected(sheet)
    days, rows = table_of(page)
    assert days == days_expected
    for name, per_day in want.items():
        cells = rows[name]
        for day in days:
            if day in {d.day for d in INACTIVE}:
                assert cells[day] == ("–", False), (name, day)
            elif day in per_day:
                assert cells[day] == per_day[day], (name, day)
            else:
                assert day not in cells, (name, day)
        assert cells[0][0] == str(sum(len(c.split(",")) for c, _ in per_day.values()))
    for s in SHIFTS:
        short = rows[f"{s.label} còn thiếu"]
        for day in days:
            if day in {d.day for d in INACTIVE}:
                assert short[day] == ("–", False)
            elif (day, s.id) in SHORT:
                assert short[day] == ("1", False)
            else:
                assert day not in short
        sign = rows[f"{s.label} – trưởng ca ký nhận/giao"]
        assert set(sign) == {d.day for d in INACTIVE} & set(days)  # blank where one signs
    signs = sorted(t[2] for t in _drawn(page) if t[0].endswith("trưởng ca ký nhận/giao"))
    assert len(signs) == 3 and min(b - a for a, b in itertools.pairwise(signs)) >= 18  # to initial
    return rows


def _no_images(reader):
    for p in reader.pages:
        assert "/Image" not in str(p.get("/Resources", {}).get("/XObject", {}))


def _words(reader) -> str:
    return " ".join(" ".join(p.extract_text() for p in reader.pages).split())


def test_a_month_of_eighteen_is_one_a3_landscape_page(tmp_path):
    sheet = month_sheet(18)
    out, reader = _render(tmp_path, sheet, "A3")
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert round(float(box.width)) == 1191 and round(float(box.height)) == 842
    assert out.stat().st_size < 200_000
    _no_images(reader)
    page = reader.pages[0]
    rows = _check_table(sheet, page, list(range(1, 32)))
    names = [p.name for p in team(18)]
    assert [r for r in rows if r in names] == sorted_by_given_name(names)
    for p in team(18):
        assert min(_sizes_of(page, p.name)) >= 14
        assert p.phone in page.extract_text().replace("\xa0", " ")  # as typed, on one line
    words = _words(reader)
    assert "LỊCH TRỰC" in words and "Tháng 08/2021" in words and "0209 3870 115" in words
    assert words.count("trưởng ca ký nhận/giao") == 3
    assert "Người trực thay" in words and "trưởng ca" in words
    assert "1 = Ca 1 06:00–14:00" in words and "3 = Ca 3 (đêm) 22:00–06:00" in words
    assert "03/08 Ca 3: THIẾU 1 CÔNG AN" in words and "20/08 Ca 2: THIẾU 1 NGƯỜI" in words
    assert "Ngày điểm không hoạt động" in words and "01/08, 02/08" in words
    assert "01/08 Ca" not in words and "THIẾU 3" not in words  # a closed day is no gap
    assert "Danh bạ" not in words  # the phones are in the table now


def sorted_by_given_name(names):
    from fieldapp.text.vietnamese import name_sort_key

    return sorted(names, key=name_sort_key)


def test_a_month_of_eighteen_is_two_a4_portrait_pages_each_with_every_name(tmp_path):
    sheet = month_sheet(18)
    out, reader = _render(tmp_path, sheet, "A4")
    assert len(reader.pages) == 2
    for page in reader.pages:
        box = page.mediabox
        assert round(float(box.width)) == 595 and round(float(box.height)) == 842
    assert out.stat().st_size < 200_000
    _no_images(reader)
    first, second = reader.pages
    _check_table(sheet, first, list(range(1, 17)))
    _check_table(sheet, second, list(range(17, 32)))
    for page in reader.pages:
        text = page.extract_text()
        for p in team(18):
            assert min(_sizes_of(page, p.name)) >= 14, p.name
            assert p.phone in text.replace("\xa0", " ")
        assert " ".join(text.split()).count("trưởng ca ký nhận/giao") == 3
        assert "1 = Ca 1 06:00–14:00" in text  # each page says what the numbers are
    one, two = (" ".join(p.extract_text().split()) for p in reader.pages)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in one and "Người trực thay" not in one
    assert "(tiếp)" in two and "trang 2" in two and "CỘNG HÒA" not in two
    assert "Người trực thay" in two and "0209 3870 115" in two
    assert "THIẾU 1 CÔNG AN" in two and "Ngày điểm không hoạt động" in two


@pytest.mark.parametrize(("paper", "pages"), [("A3", 1), ("A4", 2)])
def test_a_team_of_twenty_still_fits_one_a3_page_or_two_a4_pages(tmp_path, paper, pages):
    sheet = month_sheet(20)
    _out, reader = _render(tmp_path, sheet, paper, "20.pdf")
    assert len(reader.pages) == pages
    assert "Người trực thay" in reader.pages[-1].extract_text()
    for page in reader.pages:
        for p in team(20):
            assert min(_sizes_of(page, p.name)) >= 14


@pytest.mark.parametrize(("paper", "pages"), [("A3", 1), ("A4", 2)])
def test_a_month_with_every_shift_full_spends_no_rows_on_shortages(tmp_path, paper, pages):
    """No shift short all month: no "còn thiếu" rows (a line says so), and the room they
    took holds more people: a team of 24, three shifts, still on one A3 or two A4 pages.
    One shift short once: its row comes back, only that shift's."""
    sheet = month_sheet(24)
    sheet.gaps.clear()
    _out, reader = _render(tmp_path, sheet, paper, "full.pdf")
    assert len(reader.pages) == pages
    words = _words(reader)
    assert "còn thiếu" not in words.replace("Ca còn thiếu người: không có, mọi ca đủ người", "")
    assert "Ca còn thiếu người: không có, mọi ca đủ người." in words
    assert words.count("trưởng ca ký nhận/giao") == 3 * pages  # sign rows stay, on each page
    for page in reader.pages:
        for p in team(24):
            assert min(_sizes_of(page, p.name)) >= 14
    sheet.gaps[(START + timedelta(days=9), "s2")] = ["thiếu 1 công an"]
    _out, reader = _render(tmp_path, sheet, paper, "one-gap.pdf")
    _days, rows = table_of(reader.pages[-1])
    assert "Ca 2 còn thiếu" in rows and "Ca 1 còn thiếu" not in rows
    assert "10/08 Ca 2: THIẾU 1 CÔNG AN" in _words(reader)


def test_a_team_of_23_with_shortages_and_closed_days_fits_one_a3_page(tmp_path):
    """On A3 what is under the table stands in three columns (what the cells mean; the
    hotline, the shortages in words and the closed days; the signing block), so a team of
    23 with three shifts short some days and two closed days still fits one page."""
    sheet = month_sheet(23)
    _out, reader = _render(tmp_path, sheet, "A3", "23.pdf")
    assert len(reader.pages) == 1
    page = reader.pages[0]
    _check_table(sheet, page, list(range(1, 32)))
    drawn = {t[0]: t for t in _drawn(page)}

    def at(start: str) -> tuple[float, float]:
        text, x, y, *_ = next(t for k, t in drawn.items() if k.startswith(start))
        return x, y

    legend, hotline, signer = at("Số trong ô là ca trực"), at("Đường dây nóng của"), at("TM.")
    assert legend[0] < hotline[0] < signer[0]  # side by side, left to right
    assert abs(legend[1] - hotline[1]) < 3 and abs(hotline[1] - signer[1]) < 3
    assert at("Ca 3 – trưởng ca ký")[1] > legend[1]  # under the table


@pytest.mark.parametrize("paper", ["A3", "A4"])
def test_what_is_under_the_table_never_goes_to_a_page_alone(tmp_path, paper):
    """Whatever the team's size, each page holds people's rows: when the legend, notes or
    signing block do not fit under the table, the last people go over with them."""
    for n in range(20, 33):
        sheet = month_sheet(n)
        _out, reader = _render(tmp_path, sheet, paper, f"{n}.pdf")
        names = [p.name for p in team(n)]
        for number, page in enumerate(reader.pages, start=1):
            people = {t[0] for t in _drawn(page) if t[0] in names}
            assert len(people) >= 1, (n, number)
            text = " ".join(page.extract_text().split())
            if "Hoàng Văn Thắng" in text or "Số trong ô là ca trực" in text:
                assert len(people) >= 4 or len(people) == n, (n, number)


def test_four_shifts_in_one_day_stay_inside_their_day_column(tmp_path):
    """A roster forced past the rules (one person on all four shifts of a day) prints its
    codes on two lines in the day's column, not over the next day's."""
    four = [WallShift(f"q{i}", f"Ca {i}", f"{6 * i - 6:02d}:00–{6 * i % 24:02d}:00", i == 1)
            for i in range(1, 5)]  # fmt: skip
    sheet = WallSheet("Cổng khu phong tỏa thôn Bản Cuôn", "gate", "thôn Bản Cuôn",
                      "0209 3870 118", START, 31, four)  # fmt: skip
    people = team(6)
    for d in range(31):
        for i, shift in enumerate(four):
            who = [people[d % 6]] if d == 9 else [people[(d + i) % 6]]
            sheet.cells[(START + timedelta(days=d), shift.id)] = who
    _out, reader = _render(tmp_path, sheet, "A4", "four.pdf")
    page = reader.pages[0]
    drawn = _drawn(page)
    heads = {t[0]: t for t in drawn if t[0] in ("9", "10", "11") and t[3] >= 10}

    def centre(day: str) -> float:  # the day numbers are centred in their columns
        _text, x, _y, size, _white = heads[day]
        return x + string_width(day, "Times-Bold", size) / 2

    column = (centre("9") + centre("10")) / 2, (centre("10") + centre("11")) / 2
    codes = [
        t for t in drawn if column[0] < t[1] < column[1] and t[3] < 10 and set(t[0]) <= set("1234,")
    ]
    assert ",".join(t[0] for t in codes) == "1,2,3,4"
    assert len(codes) >= 2  # more than one line in the one cell
    for text, x, _y, size, _white in codes:
        assert x + string_width(text, "Times-Roman", size) < column[1]


@pytest.mark.parametrize("paper", ["A3", "A4"])
def test_a_team_of_45_runs_on_with_everyone_printed(tmp_path, paper):
    sheet = month_sheet(45)
    out, reader = _render(tmp_path, sheet, paper, "45.pdf")
    pages = reader.pages
    halves = 2 if paper == "A4" else 1
    assert len(pages) > halves  # more than a page per table ...
    assert out.stat().st_size < 200_000
    texts = [" ".join(p.extract_text().split()) for p in pages]
    whole = " ".join(texts)
    for p in team(45):  # ... and nobody dropped: each name once per table
        assert whole.count(p.name) == halves, p.name
    for n, text in enumerate(texts[1:], start=2):
        assert "(tiếp)" in text and f"trang {n}" in text
        assert "Họ và tên" in text and "Số ca" in text  # the header row repeated
    assert "Người trực thay" in texts[-1]
    assert sum(t.count("trưởng ca ký nhận/giao") for t in texts) == 3 * halves


def test_many_shortages_are_counted_not_all_spelled_out(tmp_path):
    sheet = month_sheet(18)
    for d in sheet.dates[2:]:
        sheet.gaps[(d, "s2")] = ["thiếu 2 người"]
    _out, reader = _render(tmp_path, sheet, "A3")
    words = _words(reader)
    assert words.count("THIẾU") == 12
    assert "ca khác còn thiếu" in words
    _days, rows = table_of(reader.pages[0])
    assert rows["Ca 2 còn thiếu"][5] == ("2", False)


@pytest.mark.parametrize("days", [7, 31])
def test_phones_print_as_typed_and_never_break_across_lines(tmp_path, days):
    """Spaces used to be dropped so a phone would not wrap: "+84 98.765.4321" printed as
    "+8498.765.4321", hard to read off a wall and to dial. Now the spaces stay, unbreakable."""
    phones = ["+84 98.765.4321", "0209-3870-028", "0912 345 678", "(0209) 3 870 115"]
    people = [WallPerson(f"Nguyễn Thị Phương Thảo Ngọc {i}", ph) for i, ph in enumerate(phones)]
    sheet = WallSheet("Chốt Km 17", "checkpoint", "", "", START, days, list(SHIFTS))
    for d in sheet.dates:
        for k, s in enumerate(SHIFTS):
            sheet.cells[(d, s.id)] = [people[(d.day + k) % 4], people[(d.day + k + 1) % 4]]
    out, reader = _render(tmp_path, sheet, "A4", name=f"{days}.pdf")
    lines = [
        line.replace("\xa0", " ")
        for page in reader.pages
        for line in page.extract_text().splitlines()
    ]
    for phone in phones:
        assert any(phone in line for line in lines), phone
        glued = "".join(phone.split())
        assert glued == phone or not any(glued in line for line in lines), glued
        head = phone.split()[0]  # the phone's first group never ends a line alone
        assert not any(line.rstrip().endswith(f" {head}") for line in lines), head
