"""Printed rosters: one landscape A4 page per site and week, one portrait page per person.

Sheets are built by hand (no database), rendered, and read back with pypdf: page count and
size, embedded fonts, the text (Vietnamese names, phones, dates), the leader set in bold,
and every glyph inside the Decree 30 margins however crowded the sheet is.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, time, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from fieldapp.errors import UserError
from fieldapp.printing.official import MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP
from fieldapp.profile import Profile
from fieldapp.rostering.printing import (
    LEADER_MARK,
    PersonDuty,
    PersonSchedule,
    RosterSheet,
    SheetPerson,
    SheetShift,
    render_person_pdf,
    render_roster_pdf,
)
from tests.core.test_official_pdf import page_texts, text_spans

A4_SHORT, A4_LONG = 595.28, 841.89
TOLERANCE = 0.5

PROFILE = Profile(
    commune_name="Bằng Lãng",
    district_name="Chợ Đồn",
    province_name="Bắc Kạn",
    signer_name="Hoàng Văn Thắng",
    phone="0209 3850 123",
)
MONDAY = date(2021, 8, 2)
SHIFTS = [
    SheetShift("S1", "Ca 1", time(6), 8, False),
    SheetShift("S2", "Ca 2", time(14), 8, False),
    SheetShift("S3", "Ca 3", time(22), 8, True),
]
# Every tone and letter modifier of Vietnamese appears in these names.
NAMES = [
    "Nguyễn Thị Ngọc Huyền",
    "Đặng Văn Hùng",
    "Hoàng Thị Thủy",
    "Triệu Quốc Vững",
    "Lý Thị Mỹ Nguyệt",
    "Ma Văn Khánh",
    "Bế Hữu Dũng",
    "Lường Thị Hương",
    "Nông Đức Thắng",
    "Phạm Ưng Ấn",
    "Đỗ Thị Ẩn",
]


def person(k: int, leader: bool = False) -> SheetPerson:
    return SheetPerson(NAMES[k % len(NAMES)], f"09{(k * 7919) % 10**8:08d}", leader)


def make_sheet(
    per_cell: int = 3,
    week: int = 0,
    *,
    shifts: list[SheetShift] = SHIFTS,
    empty: tuple[int, str] | None = (3, "S2"),
    short: tuple[int, str] | None = (5, "S3"),
    crowded: tuple[int, str, int] | None = None,
    site: str = "Chốt kiểm soát số 1 đầu cầu Nà Pài",
) -> RosterSheet:
    """A week of ``per_cell`` people a shift; one cell empty, one short of a person and,
    if asked, one holding ``crowded[2]`` people. The second person of a shift leads it."""
    start = MONDAY + timedelta(weeks=week)
    cells: dict[tuple[date, str], list[SheetPerson]] = {}
    k = week * 1000
    for i in range(7):
        day = start + timedelta(days=i)
        for shift in shifts:
            count = per_cell
            if (i, shift.id) == empty:
                continue
            if (i, shift.id) == short:
                count = per_cell - 1
            if crowded and (i, shift.id) == crowded[:2]:
                count = crowded[2]
            people = []
            for j in range(count):
                k += 1
                people.append(person(k, leader=j == 1))
            cells[(day, shift.id)] = people
    return RosterSheet(
        site_name=site,
        site_kind="checkpoint",
        place="thôn Nà Pài",
        week_start=start,
        shifts=shifts,
        cells=cells,
        staff_per_shift=per_cell,
    )


def texts_by_font(reader: PdfReader, page: int) -> list[tuple[str, str]]:
    """(text, font name without the subset tag) for every piece of text on the page."""
    found: list[tuple[str, str]] = []

    def visit(text: str, _cm: object, _tm: object, font: object, _size: object) -> None:
        if text.strip() and font is not None:
            name = str(font["/BaseFont"]).split("+", 1)[-1]  # type: ignore[index]
            found.append((unicodedata.normalize("NFC", text.strip()), name))

    reader.pages[page].extract_text(visitor_text=visit)
    return found


def assert_inside_margins(reader: PdfReader) -> None:
    for i, page in enumerate(reader.pages):
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        spans = text_spans(reader, i)
        assert spans
        assert min(s.x0 for s in spans) >= MARGIN_LEFT - TOLERANCE
        assert max(s.x1 for s in spans) <= width - MARGIN_RIGHT + TOLERANCE
        assert max(s.top for s in spans) <= height - MARGIN_TOP + TOLERANCE
        assert min(s.bottom for s in spans) >= MARGIN_BOTTOM - TOLERANCE


def assert_embedded_liberation(reader: PdfReader) -> None:
    for page in reader.pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            assert re.fullmatch(
                r"/[A-Z]{6}\+LiberationSerif(-Bold|-Italic|-BoldItalic)?", font["/BaseFont"]
            ), font["/BaseFont"]
            assert "/FontFile2" in font["/FontDescriptor"].get_object()


@pytest.fixture(scope="module")
def roster(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[RosterSheet], PdfReader]:
    sheets = [
        make_sheet(3, 0),
        make_sheet(4, 1),  # four a shift everywhere
        make_sheet(3, 2, crowded=(2, "S1", 6)),  # one crowded cell
        make_sheet(2, 3, shifts=[SHIFTS[0], SheetShift("N", "Ca đêm", time(18), 12, True)]),
        make_sheet(10, 4),  # absurdly crowded: still one page
    ]
    path = tmp_path_factory.mktemp("roster") / "lich-truc.pdf"
    out = render_roster_pdf(PROFILE, sheets, path, issued_on=date(2021, 7, 30))
    assert out == path
    return sheets, PdfReader(path)


def test_one_landscape_a4_page_per_sheet(roster) -> None:
    sheets, reader = roster
    assert len(reader.pages) == len(sheets)
    for page in reader.pages:
        assert float(page.mediabox.width) == pytest.approx(A4_LONG, abs=0.01)
        assert float(page.mediabox.height) == pytest.approx(A4_SHORT, abs=0.01)


def test_fonts_are_embedded_and_text_stays_inside_the_margins(roster) -> None:
    _, reader = roster
    assert_embedded_liberation(reader)
    assert_inside_margins(reader)


def test_every_page_is_a_whole_sheet(roster) -> None:
    sheets, reader = roster
    for sheet, text in zip(sheets, page_texts(reader), strict=True):
        end = sheet.week_start + timedelta(days=6)
        for expected in (
            "UBND HUYỆN CHỢ ĐỒN",
            "ỦY BAN NHÂN DÂN XÃ BẰNG LÃNG",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Bằng Lãng, ngày 30 tháng 7 năm 2021",
            "LỊCH TRỰC",
            "Chốt kiểm soát số 1 đầu cầu Nà Pài (thôn Nà Pài)",
            f"Từ ngày {sheet.week_start:%d/%m/%Y} đến ngày {end:%d/%m/%Y}",
            "Nơi nhận:",
            "TM. ỦY BAN NHÂN DÂN",
            "CHỦ TỊCH",
            "Hoàng Văn Thắng",
        ):
            assert expected in text, expected
        for shift in sheet.shifts:
            assert shift.label in text and shift.times in text
        assert text.count("thiếu người") >= 1  # the legend explains the mark


def test_days_shifts_names_and_phones_are_printed(roster) -> None:
    sheets, reader = roster
    texts = page_texts(reader)
    first = texts[0]
    for expected in (
        "Thứ Hai 02/8",
        "Thứ Ba 03/8",
        "Chủ nhật 08/8",
        "Ca 1 06:00–14:00",
        "Ca 3 (đêm) 22:00–06:00",
    ):
        assert expected in first, expected
    for sheet, text in zip(sheets, texts, strict=True):
        squeezed = text.replace(" ", "")
        for people in sheet.cells.values():
            for p in people:
                assert p.phone in squeezed
                # A long name may wrap inside its cell; its words still print in order.
                assert re.search(r"\s?".join(map(re.escape, p.name.split())), text), p.name
    for name in NAMES:  # every diacritic came through
        assert name in " ".join(texts), name


def test_the_leader_is_marked_bold_and_listed_first(roster) -> None:
    sheets, reader = roster
    pieces = texts_by_font(reader, 0)
    leaders = {p.name for people in sheets[0].cells.values() for p in people if p.leader}
    others = {p.name for people in sheets[0].cells.values() for p in people if not p.leader}
    marked = [(t, f) for t, f in pieces if t.startswith(LEADER_MARK)]
    assert marked and all(f == "LiberationSerif-Bold" for _, f in marked)
    for text, _ in marked:  # a long name may wrap: its first line carries the mark
        assert any(name.startswith(text.removeprefix(LEADER_MARK).strip()) for name in leaders)
    plain = [t for t, f in pieces if t in others]
    assert plain and all(f == "LiberationSerif" for t, f in pieces if t in plain)
    # In each cell the leader comes first although the sheet lists them second.
    text = page_texts(reader)[0]
    cell = sheets[0].cells[(MONDAY, "S1")]
    leader = next(p for p in cell if p.leader)
    first_other = cell[0]
    assert text.index(f"{LEADER_MARK} {leader.name}") < text.index(first_other.phone)


def test_empty_and_short_cells_are_marked(roster) -> None:
    _, reader = roster
    pieces = texts_by_font(reader, 0)
    assert ("THIẾU NGƯỜI", "LiberationSerif-BoldItalic") in pieces
    assert ("thiếu 1 người", "LiberationSerif-BoldItalic") in pieces


def test_a_crowded_cell_shrinks_alone_and_a_crowded_sheet_shrinks_whole(roster) -> None:
    sheets, reader = roster

    def name_sizes(page: int) -> list[float]:
        phones = {p.phone for people in sheets[page].cells.values() for p in people}
        found: list[float] = []

        def visit(text: str, _cm: object, _tm: object, _font: object, size: float) -> None:
            # A phone prints alone under its name, or after it on a crowded sheet.
            if text.strip().rsplit(" ", 1)[-1] in phones:
                found.append(size)

        reader.pages[page].extract_text(visitor_text=visit)
        return found

    normal = name_sizes(0)
    with_crowd = name_sizes(2)
    assert len(set(normal)) == 1 and normal[0] >= 8  # readable on a pinned-up sheet
    assert len(set(with_crowd)) == 2  # the crowded cell in smaller type than the rest
    assert max(with_crowd) >= normal[0] - 0.5  # the rest hardly smaller than without
    assert min(with_crowd) >= 0.75 * max(with_crowd) - 0.01
    assert with_crowd.count(min(with_crowd)) == 6  # only the crowded cell's six phones
    assert max(name_sizes(4)) < normal[0]  # ten a shift: the whole grid smaller


def test_decomposed_names_print_precomposed(tmp_path: Path) -> None:
    sheet = make_sheet(1)
    day = (MONDAY, "S1")
    sheet.cells[day] = [SheetPerson(unicodedata.normalize("NFD", "Đỗ Thị Ẩn"), "0912345678")]
    reader = PdfReader(render_roster_pdf(PROFILE, [sheet], tmp_path / "nfd.pdf"))
    raw = reader.pages[0].extract_text()
    assert "Đỗ Thị Ẩn" in raw and raw == unicodedata.normalize("NFC", raw)


def test_nothing_to_print_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="Không có lịch trực"):
        render_roster_pdf(PROFILE, [], tmp_path / "x.pdf")
    with pytest.raises(UserError, match="Không có lịch trực"):
        render_person_pdf(PROFILE, [], tmp_path / "y.pdf")
    assert not list(tmp_path.iterdir())


# -- personal schedules -----------------------------------------------------------------------


def schedule(name: str, duties: int, per_day: int = 1) -> PersonSchedule:
    items = []
    for n in range(duties):
        day = MONDAY + timedelta(days=n // per_day)
        night = n % 3 == 2
        items.append(
            PersonDuty(
                day=day,
                shift_label="Ca 3" if night else "Ca 1",
                start=time(22) if night else time(6),
                hours=8,
                site_name="Chốt kiểm soát số 1" if n % 2 else "Điểm cách ly Trường Tiểu học",
                leader=n % 5 == 0,
            )
        )
    return PersonSchedule(
        name=name,
        unit="Công an xã Bằng Lãng",
        roles=["police", "militia"],
        phone="0912345678",
        start=MONDAY,
        end=MONDAY + timedelta(days=27),
        duties=items,
    )


@pytest.fixture(scope="module")
def persons(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[PersonSchedule], PdfReader]:
    schedules = [
        schedule("Nguyễn Thị Ngọc Huyền", 24),
        schedule("Đặng Văn Hùng", 0),
        schedule("Lý Thị Mỹ Nguyệt", 56, per_day=2),  # a crowded month
    ]
    path = tmp_path_factory.mktemp("person") / "ca-nhan.pdf"
    render_person_pdf(PROFILE, schedules, path, issued_on=date(2021, 7, 30))
    return schedules, PdfReader(path)


def test_one_portrait_page_per_person(persons) -> None:
    schedules, reader = persons
    assert len(reader.pages) == len(schedules)
    for page in reader.pages:
        assert float(page.mediabox.width) == pytest.approx(A4_SHORT, abs=0.01)
        assert float(page.mediabox.height) == pytest.approx(A4_LONG, abs=0.01)
    assert_embedded_liberation(reader)
    assert_inside_margins(reader)


def test_person_page_lists_every_duty_and_the_totals(persons) -> None:
    schedules, reader = persons
    texts = page_texts(reader)
    first = texts[0]
    for expected in (
        "LỊCH TRỰC CÁ NHÂN",
        "Từ ngày 02/08/2021 đến ngày 29/08/2021",
        "Họ và tên: Nguyễn Thị Ngọc Huyền",
        "Đơn vị: Công an xã Bằng Lãng",
        "Lực lượng: công an, dân quân",
        "Điện thoại: 0912345678",
        "02/08/2021 Thứ Hai Ca 1 06:00–14:00 8",
        "04/08/2021 Thứ Tư Ca 3 22:00–06:00 8",
        "Điểm cách ly Trường Tiểu học",
        "Tổng cộng: 24 ca trực, trong đó 8 ca đêm, 5 ca trưởng ca; tổng số giờ trực: 192 giờ.",
    ):
        assert expected in first, expected
    assert "Không có ca trực nào trong thời gian này." in texts[1]
    assert "Tổng cộng: 0 ca trực" in texts[1]
    crowded = texts[2]
    for n in range(1, 57):  # every row of a 56-duty month is on its one page
        assert re.search(rf"\b{n} \d\d/08/2021", crowded), n
    assert "Tổng cộng: 56 ca trực" in crowded


def test_night_duty_is_inferred_when_not_given() -> None:
    def duty(start: time, hours: float) -> PersonDuty:
        return PersonDuty(MONDAY, "Ca", start, hours, "Chốt", False)

    assert duty(time(22), 8).is_night
    assert duty(time(18), 12).is_night
    assert duty(time(0), 6).is_night
    assert not duty(time(6), 8).is_night
    assert not duty(time(14), 8).is_night
    assert not duty(time(18), 6).is_night  # ends at midnight
    assert not PersonDuty(MONDAY, "Ca", time(22), 8, "Chốt", night=False).is_night
