"""Tests for fieldapp.text.vietnamese: folding, collation and dates on real Vietnamese text."""

import random
import unicodedata
from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fieldapp.errors import UserError
from fieldapp.text.vietnamese import (
    fold,
    format_date,
    format_datetime,
    format_long_date,
    name_sort_key,
    nfc,
    parse_date,
    parse_long_date,
    parse_month,
    sort_key,
)


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


# Every letter of Vietnamese with every tone, both cases, as NFC characters.
VIETNAMESE_LOWER = (
    "aàảãáạăằẳẵắặâầẩẫấậbcdđeèẻẽéẹêềểễếệghiìỉĩíịklmnoòỏõóọôồổỗốộơờởỡớợpqrstuùủũúụưừửữứựvxyỳỷỹýỵ"
)
VIETNAMESE_LETTERS = VIETNAMESE_LOWER + VIETNAMESE_LOWER.upper()

vietnamese_text = st.text(alphabet=VIETNAMESE_LETTERS + " \t\n", max_size=40)
vietnamese_word = st.text(alphabet=VIETNAMESE_LETTERS, min_size=1, max_size=8)
vietnamese_name = st.lists(vietnamese_word, min_size=1, max_size=4).map(" ".join)


# --- nfc ---------------------------------------------------------------------------------


def test_nfc_composes_decomposed_input():
    decomposed = nfd("Nguyễn Chí Hiền")
    assert decomposed != "Nguyễn Chí Hiền"
    assert nfc(decomposed) == "Nguyễn Chí Hiền"
    assert len(nfc(nfd("ặ"))) == 1


def test_vietnamese_alphabet_fixture_is_complete_nfc():
    # 12 vowels x 6 tones + 17 consonants (with đ)
    assert len(VIETNAMESE_LOWER) == 12 * 6 + 17
    assert nfc(VIETNAMESE_LETTERS) == VIETNAMESE_LETTERS


# --- fold --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Đặng", "dang"),
        ("đường", "duong"),
        ("ĐƯỜNG", "duong"),
        ("phong tỏa", "phong toa"),
        ("phong toả", "phong toa"),
        ("PHONG TỎA", "phong toa"),
        ("Nguyễn Chí Hiền", "nguyen chi hien"),
        ("Đặng Thị Hương", "dang thi huong"),
        ("Phạm Ngọc Ân", "pham ngoc an"),
        ("Hoàng Văn Ấn", "hoang van an"),
        ("Bùi Thị Ơn", "bui thi on"),
        ("Khu cách ly tập trung", "khu cach ly tap trung"),
        ("HỎA TỐC →", "hoa toc →"),
        ("  Lê   Văn\tĐức \n", "le van duc"),
        ("Tổ dân phố 3", "to dan pho 3"),
        ("", ""),
        ("   ", ""),
        ("Ðặng", "dang"),  # Icelandic eth from old converters looks identical to Đ
        ("José Müller", "jose muller"),
        ("Covid-19", "covid-19"),
    ],
)
def test_fold(text, folded):
    assert fold(text) == folded


@pytest.mark.parametrize(
    "text", ["Đặng Thị Hương", "ĐƯỜNG", "phong toả", "Ủy ban nhân dân", "Hỏa tốc", "Trần Ánh"]
)
def test_fold_ignores_normal_form(text):
    assert fold(nfd(text)) == fold(text)
    assert fold(nfd(text)).isascii()


def test_fold_search_matches_both_tone_placements():
    haystack = [fold(s) for s in ["Khu vực phong tỏa thôn 3", "khu vuc PHONG TOẢ", "Cách ly"]]
    query = fold("phong toa")
    assert [query in h for h in haystack] == [True, True, False]


def test_fold_every_vietnamese_letter_to_one_ascii_letter():
    for ch in VIETNAMESE_LETTERS:
        for form in (ch, nfd(ch)):
            out = fold(form)
            assert len(out) == 1 and out.isascii() and out.islower(), (ch, out)


def test_fold_keeps_other_scripts_but_lowers_them():
    assert fold("ĐƯỜNG Ленина") == "duong ленина"


@given(vietnamese_text)
def test_fold_is_idempotent(text):
    assert fold(fold(text)) == fold(text)


@given(vietnamese_text)
def test_fold_of_vietnamese_is_ascii_and_ignores_normal_form(text):
    folded = fold(text)
    assert folded.isascii()
    assert folded == fold(nfd(text)) == fold(text.upper()) == fold(text.lower())
    assert "  " not in folded and folded == folded.strip()


# --- collation ---------------------------------------------------------------------------


def by_name(names):
    return sorted(names, key=name_sort_key)


def test_names_sort_by_given_name_in_vietnamese_alphabet():
    expected = [
        "Nguyễn Văn An",
        "Trần Văn An",
        "Trần Thị Ánh",
        "Phạm Ngọc Ân",
        "Hoàng Văn Ấn",
        "Lê Văn Bình",
        "Phạm Thị Chi",
        "Nguyễn Văn Dũng",
        "Lê Văn Đức",
        "Nguyễn Chí Hiền",
        "Đặng Thị Hương",
        "Bùi Thị Ơn",
        "Lê Thị Tuyết",
        "Hoàng Thị Ước",
        "Vũ Văn Vinh",
    ]
    shuffled = expected[:]
    random.Random(4).shuffle(shuffled)
    assert by_name(shuffled) == expected
    # The naive sort puts Bùi, Hoàng ... by family name and Đ after every Latin letter.
    assert sorted(shuffled) != expected


def test_d_before_dj_and_a_breve_circumflex_order():
    # Python's code point order would put "Đức" after "Vinh" and "Ân" after "Bình".
    assert by_name(["Lê Đức", "Lê Vinh", "Lê Dũng"]) == ["Lê Dũng", "Lê Đức", "Lê Vinh"]
    assert by_name(["X Bình", "X Ân", "X Ăn", "X An"]) == ["X An", "X Ăn", "X Ân", "X Bình"]
    assert by_name(["X Ơn", "X Ôn", "X On", "X Pha"]) == ["X On", "X Ôn", "X Ơn", "X Pha"]
    assert by_name(["X Ưng", "X Vân", "X Ung"]) == ["X Ung", "X Ưng", "X Vân"]
    assert by_name(["X Êm", "X Gấm", "X Em"]) == ["X Em", "X Êm", "X Gấm"]


def test_letters_decide_before_tones():
    # "An" < "Ánh": the letters "an" come before "anh" whatever the tone.
    assert by_name(["Trần Thị Ánh", "Nguyễn Văn An"]) == ["Nguyễn Văn An", "Trần Thị Ánh"]
    # "Hạ" is letters "ha" and sorts before "Hai" even though nặng is the last tone.
    assert by_name(["X Hai", "X Hạ", "X Hà"]) == ["X Hà", "X Hạ", "X Hai"]


def test_tone_order_none_huyen_hoi_nga_sac_nang():
    expected = ["Ha", "Hà", "Hả", "Hã", "Há", "Hạ"]
    for shuffled in (expected[::-1], ["Há", "Hạ", "Ha", "Hã", "Hà", "Hả"]):
        assert sorted(shuffled, key=sort_key) == expected
        assert by_name(shuffled) == expected
    assert sorted(["Ha", "Hà", "Hả", "Hã", "Há", "Hạ"]) != expected  # code points differ


def test_tone_position_and_normal_form_do_not_change_order():
    # "Hoà" and "Hòa" are the same syllable: both after "Hoa", before "Hoả"/"Hỏa".
    names = ["Hỏa", "Hoà", "Hoa", "Hòa", "Hoả"]
    ordered = sorted(names, key=sort_key)
    assert ordered[0] == "Hoa"
    assert set(ordered[1:3]) == {"Hoà", "Hòa"}
    assert set(ordered[3:]) == {"Hoả", "Hỏa"}
    assert sort_key("Hòa")[0] == sort_key("Hoà")[0]
    assert sort_key(nfd("Hòa")) == sort_key("Hòa")


def test_same_given_name_then_family_then_middle_names():
    names = ["Trần Văn An", "Nguyễn Văn An", "Nguyễn Thị An", "Đỗ An", "Dương Văn An"]
    assert by_name(names) == [
        "Dương Văn An",
        "Đỗ An",
        "Nguyễn Thị An",
        "Nguyễn Văn An",
        "Trần Văn An",
    ]


def test_name_key_handles_nfd_spaces_empty_and_single_word():
    assert name_sort_key(nfd("  Đặng   Thị Hương ")) == name_sort_key("Đặng Thị Hương")
    assert name_sort_key("") == name_sort_key("   ")
    assert by_name(["Hương", "", "Đặng Thị Hương", "An"]) == [
        "",
        "An",
        "Hương",
        "Đặng Thị Hương",
    ]


def test_case_is_the_last_level():
    assert sort_key("an") != sort_key("An")
    assert sorted(["Bình", "an", "An", "ăn"], key=sort_key) == ["an", "An", "ăn", "Bình"]
    # Case never beats letters or tones.
    assert sorted(["Á", "a", "B"], key=sort_key) == ["a", "Á", "B"]


def test_sort_key_is_word_by_word_in_written_order():
    villages = ["Thôn Đông", "Thôn Bắc", "Tổ dân phố 1", "Thôn Ba", "Bản Nà Hin", "Bon Bu Sir"]
    assert sorted(villages, key=sort_key) == [
        "Bản Nà Hin",
        "Bon Bu Sir",
        "Thôn Ba",
        "Thôn Bắc",
        "Thôn Đông",
        "Tổ dân phố 1",
    ]
    # A shorter word sorts before its extensions: "ba" < "ba ba" < "bà".
    assert sorted(["bà", "ba ba", "ba"], key=sort_key) == ["ba", "ba ba", "bà"]


def test_digits_first_and_as_numbers_other_characters_last():
    assert sorted(["Tổ 10", "Tổ 2", "Tổ A", "Tổ 1"], key=sort_key) == [
        "Tổ 1",
        "Tổ 2",
        "Tổ 10",
        "Tổ A",
    ]
    assert sorted(["Chốt 02", "Chốt 1", "Chốt 3"], key=sort_key) == ["Chốt 1", "Chốt 02", "Chốt 3"]
    assert sorted(["z", "(a)", "9"], key=sort_key) == ["9", "z", "(a)"]


def test_foreign_letters_at_latin_places():
    words = ["Zin", "Wi", "Jon", "Fa", "Ê", "Gi", "Ka", "Vy", "Xa", "Y"]
    assert sorted(words, key=sort_key) == [
        "Ê",
        "Fa",
        "Gi",
        "Jon",
        "Ka",
        "Vy",
        "Wi",
        "Xa",
        "Y",
        "Zin",
    ]


def normalised(text: str) -> str:
    return " ".join(nfc(text).split())


@given(vietnamese_name, vietnamese_name)
def test_name_key_equal_exactly_when_names_equal(a, b):
    assert (name_sort_key(a) == name_sort_key(b)) == (normalised(a) == normalised(b))
    assert (sort_key(a) == sort_key(b)) == (normalised(a) == normalised(b))


@given(vietnamese_name)
def test_keys_do_not_depend_on_normal_form(name):
    assert name_sort_key(nfd(name)) == name_sort_key(name)
    assert sort_key(nfd(name)) == sort_key(name)


@given(st.lists(vietnamese_name, max_size=12), st.randoms())
def test_name_order_is_total_and_given_name_first(names, rnd):
    ordered = [normalised(n) for n in sorted(names, key=name_sort_key)]
    shuffled = names[:]
    rnd.shuffle(shuffled)
    assert [normalised(n) for n in sorted(shuffled, key=name_sort_key)] == ordered
    given_keys = [sort_key(n.split()[-1])[0] for n in ordered]
    assert given_keys == sorted(given_keys)


@given(st.text(max_size=30), st.text(max_size=30))
def test_keys_accept_any_text(a, b):
    # Any Unicode (punctuation, other scripts, stray combining marks) gets a comparable key,
    # and the keys still tell different texts apart.
    assert (sort_key(a) < sort_key(b)) + (sort_key(b) < sort_key(a)) + (
        sort_key(a) == sort_key(b)
    ) == 1
    assert (name_sort_key(a) == name_sort_key(b)) == (normalised(a) == normalised(b))


# --- dates -------------------------------------------------------------------------------


def test_format_date_and_datetime():
    assert format_date(date(2021, 7, 5)) == "05/07/2021"
    assert format_date(date(2021, 12, 31)) == "31/12/2021"
    assert format_date(None) == ""
    assert format_datetime(datetime(2021, 7, 5, 6, 30)) == "05/07/2021 06:30"
    assert format_datetime(datetime(2021, 7, 5, 18, 5, 59)) == "05/07/2021 18:05"
    assert format_datetime(None) == ""


@pytest.mark.parametrize(
    "text",
    [
        "5/7/2021",
        "05/07/2021",
        "05-07-2021",
        "05.07.2021",
        "2021-07-05",
        " 5 / 7 / 2021 ",
        "5-7-2021",
    ],
)
def test_parse_date_accepted_forms(text):
    assert parse_date(text) == date(2021, 7, 5)


def test_parse_date_day_comes_first():
    assert parse_date("12/01/2021") == date(2021, 1, 12)
    assert parse_date("29/02/2024") == date(2024, 2, 29)


@pytest.mark.parametrize(
    "text",
    [
        "31/02/2021",  # no such day
        "29/02/2021",  # not a leap year
        "32/01/2021",
        "00/07/2021",
        "05/13/2021",  # month 13: the American order is not guessed
        "05/00/2021",
        "05/07/21",  # two-digit year
        "5/7/202",
        "05/07/0021",
        "05/07-2021",  # mixed separators
        "2021-02-30",
        "2021/07/05",
        "hôm qua",
        "05/07/2021 08:00",
        "5 tháng 7",
        "０５/０７/２０２１",  # full-width digits
        "123/07/2021",
    ],
)
def test_parse_date_rejects_with_vietnamese_message(text):
    with pytest.raises(UserError) as err:
        parse_date(text)
    message = str(err.value)
    assert message.startswith("Ngày không hợp lệ: ")
    assert text.strip() in message
    assert "ngày/tháng/năm" in message and "05/07/2021" in message


def test_parse_date_error_message_exact():
    with pytest.raises(UserError) as err:
        parse_date("31/02/2021")
    assert str(err.value) == (
        'Ngày không hợp lệ: "31/02/2021" (cần dạng ngày/tháng/năm, ví dụ 05/07/2021)'
    )


@pytest.mark.parametrize("text", ["", "   ", "\t"])
def test_parse_date_empty(text):
    with pytest.raises(UserError, match="Chưa nhập ngày"):
        parse_date(text)


def test_parse_date_truncates_long_garbage_in_message():
    with pytest.raises(UserError) as err:
        parse_date("x" * 500)
    assert len(str(err.value)) < 120


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_date_round_trip(d):
    assert parse_date(format_date(d)) == d
    assert parse_date(d.isoformat()) == d
    assert parse_long_date(format_long_date(d)) == d
    assert parse_long_date(f"Hà Nội, {format_long_date(d)}") == d


@pytest.mark.parametrize(
    ("d", "text"),
    [
        (date(2021, 7, 20), "ngày 20 tháng 7 năm 2021"),
        (date(2021, 2, 5), "ngày 05 tháng 02 năm 2021"),
        (date(2021, 10, 20), "ngày 20 tháng 10 năm 2021"),
        (date(2021, 7, 1), "ngày 01 tháng 7 năm 2021"),
        (date(2021, 1, 15), "ngày 15 tháng 01 năm 2021"),
        (date(2021, 3, 9), "ngày 09 tháng 3 năm 2021"),
        (date(2021, 12, 31), "ngày 31 tháng 12 năm 2021"),
    ],
)
def test_format_long_date_decree_30(d, text):
    assert format_long_date(d) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bắc Kạn, ngày 20 tháng 7 năm 2021", date(2021, 7, 20)),
        ("Nghị quyết số 68/NQ-CP ngày 01 tháng 7 năm 2021 của Chính phủ", date(2021, 7, 1)),
        ("ngày 20 tháng 07 năm 2021", date(2021, 7, 20)),
        ("Đắk Nông,  ngày  5   tháng\n8 năm   2021", date(2021, 8, 5)),
        ("NGÀY 20 THÁNG 7 NĂM 2021", date(2021, 7, 20)),
        (nfd("Bắc Kạn, ngày 20 tháng 7 năm 2021"), date(2021, 7, 20)),
        ("ngày20 tháng7 năm2021", date(2021, 7, 20)),
        # The first real date wins; an impossible one is skipped.
        ("ngày 31 tháng 02 năm 2021, sửa lại ngày 28 tháng 02 năm 2021", date(2021, 2, 28)),
        ("ngày 20 tháng 7 năm 2021 và ngày 21 tháng 7 năm 2021", date(2021, 7, 20)),
    ],
)
def test_parse_long_date_found(text, expected):
    assert parse_long_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Số 235 -CV/HU",
        "số ca bệnh ngày càng tăng nhanh",
        "ngày 20 tháng 7",
        "ngày 20 tháng 7 năm 21",
        "ngày 31 tháng 02 năm 2021",
        "20/7/2021",
    ],
)
def test_parse_long_date_absent(text):
    assert parse_long_date(text) is None


def test_word_cache_overflow_keeps_keys_right(monkeypatch):
    from fieldapp.text import vietnamese

    expected = [name_sort_key(n) for n in ["Lê Văn Đức", "Đặng Thị Hương", "Bùi Thị Ơn"]]
    monkeypatch.setattr(vietnamese, "_WORD_CACHE", {})
    monkeypatch.setattr(vietnamese, "_WORD_CACHE_MAX", 2)
    for _ in range(2):
        got = [name_sort_key(n) for n in ["Lê Văn Đức", "Đặng Thị Hương", "Bùi Thị Ơn"]]
        assert got == expected
    assert len(vietnamese._WORD_CACHE) <= 2


@pytest.mark.parametrize(
    "text",
    ["12/2026", "12-2026", "12.2026", " Tháng 12/2026 ", "THÁNG 12 / 2026", "T12/2026",
     "thang 12-2026", "2026-12", "15/12/2026", "2026-12-31", "01/12/2026"],
)  # fmt: skip
def test_parse_month_as_people_write_it(text):
    assert parse_month(text) == date(2026, 12, 1)


@pytest.mark.parametrize("text", ["", "13/2026", "0/2026", "12/26", "2026-13", "tháng mười hai",
                                  "12/2026/1", "31/02/2026", "12/1800"])  # fmt: skip
def test_parse_month_refuses_in_vietnamese(text):
    with pytest.raises(UserError, match="không hợp lệ"):
        parse_month(text)
