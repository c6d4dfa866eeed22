"""Vietnamese numbers in words, as a cashier writes them under a total."""

from __future__ import annotations

import pytest

from fieldapp.households.number_words import in_words_line, money, money_words, number_words


@pytest.mark.parametrize(
    ("n", "words"),
    [
        (0, "không"),
        (1, "một"),
        (5, "năm"),
        (10, "mười"),
        (11, "mười một"),
        (15, "mười lăm"),
        (20, "hai mươi"),
        (21, "hai mươi mốt"),
        (24, "hai mươi bốn"),
        (25, "hai mươi lăm"),
        (55, "năm mươi lăm"),
        (100, "một trăm"),
        (101, "một trăm linh một"),
        (105, "một trăm linh năm"),
        (110, "một trăm mười"),
        (115, "một trăm mười lăm"),
        (121, "một trăm hai mươi mốt"),
        (1_000, "một nghìn"),
        (1_005, "một nghìn không trăm linh năm"),
        (1_080, "một nghìn không trăm tám mươi"),
        (10_000, "mười nghìn"),
        (15_000, "mười lăm nghìn"),
        (80_000, "tám mươi nghìn"),
        (105_000, "một trăm linh năm nghìn"),
        (1_000_000, "một triệu"),
        (1_000_005, "một triệu không trăm linh năm"),
        (1_080_000, "một triệu không trăm tám mươi nghìn"),
        (1_680_000, "một triệu sáu trăm tám mươi nghìn"),
        (3_600_000, "ba triệu sáu trăm nghìn"),
        (21_015_021, "hai mươi mốt triệu không trăm mười lăm nghìn không trăm hai mươi mốt"),
        (1_000_000_000, "một tỷ"),
        (2_000_080_000, "hai tỷ không trăm tám mươi nghìn"),
        (1_250_000_000_000, "một nghìn hai trăm năm mươi tỷ"),
    ],
)
def test_number_words(n: int, words: str) -> None:
    assert number_words(n) == words


def test_southern_zero_ten_and_negative() -> None:
    assert number_words(105, southern=True) == "một trăm lẻ năm"
    assert number_words(-21) == "âm hai mươi mốt"
    with pytest.raises(TypeError):
        number_words(1.5)  # type: ignore[arg-type]


def test_money_in_words_and_figures() -> None:
    assert money_words(1_080_000) == "một triệu không trăm tám mươi nghìn đồng"
    assert in_words_line(2_680_000) == "Bằng chữ: Hai triệu sáu trăm tám mươi nghìn đồng."
    assert money(12_345_000) == "12.345.000"
    assert money(0) == "0"
