"""CCCD and phone numbers as spreadsheets type them; messages never repeat the value."""

from __future__ import annotations

import pytest

from fieldapp.households.identity import (
    IdentityError,
    citizen_id_mismatch,
    mask_citizen_id,
    normalize_citizen_id,
    normalize_phone,
)


def test_citizen_id_from_text_and_from_a_number_cell():
    assert normalize_citizen_id("006085001234") == "006085001234"
    assert normalize_citizen_id("006 085 001 234") == "006085001234"
    assert normalize_citizen_id(60185001234.0) == "060185001234"  # a float number cell
    with pytest.raises(IdentityError, match="12 chữ số"):
        normalize_citizen_id(123456789)  # an old 9-digit CMND
    assert normalize_citizen_id(None) is None and normalize_citizen_id("  ") is None


def test_number_cell_lost_the_leading_zeros():
    assert normalize_citizen_id(60085001234) == "060085001234"  # 060: Bình Thuận
    assert normalize_citizen_id(6085001234) == "006085001234"  # Bắc Kạn: two zeros lost
    with pytest.raises(IdentityError, match="mã tỉnh"):
        normalize_citizen_id(3085001234)  # 003 is no province


@pytest.mark.parametrize(
    "value, reason",
    [
        ("06085001234", "12 chữ số"),  # text keeps what was typed: 11 digits is wrong
        ("0060850012345", "12 chữ số"),
        ("00608500123A", "chỉ gồm chữ số"),
        ("999085001234", "mã tỉnh"),
        ("006585001234", "chữ số thứ 4"),
        (12.5, "số nguyên"),
    ],
)
def test_bad_citizen_ids_say_why_without_the_value(value, reason):
    with pytest.raises(IdentityError) as err:
        normalize_citizen_id(value)
    assert reason in str(err.value)
    digits = "".join(ch for ch in str(value) if ch.isdigit())
    assert digits[:6] not in str(err.value)


def test_citizen_id_agrees_with_birth_year_and_sex():
    assert citizen_id_mismatch("006085001234", 1985, "M") is None
    assert citizen_id_mismatch("006185001234", 1985, "F") is None
    assert citizen_id_mismatch("006203001234", 2003, "M") is None
    assert "năm sinh" in citizen_id_mismatch("006085001234", 1986, "M")
    assert "giới tính" in citizen_id_mismatch("006085001234", 1985, "F")


def test_phones():
    assert normalize_phone(912345678) == "0912345678"  # number cell
    assert normalize_phone("0912.345.678") == "0912345678"
    assert normalize_phone("+84 912 345 678") == "0912345678"
    assert normalize_phone("84912345678") == "0912345678"
    assert normalize_phone("0209 3882 135") == "02093882135"
    assert normalize_phone(None) == "" and normalize_phone("") == ""
    for bad in ("12345", "0912a45678", "09123456789012"):
        with pytest.raises(IdentityError) as err:
            normalize_phone(bad)
        assert bad not in str(err.value)


def test_mask_shows_only_the_last_three_digits():
    assert mask_citizen_id("006085001234") == "•••••••••234"
    assert mask_citizen_id(None) == ""
