"""Stored sort bytes give exactly the Vietnamese name order of fieldapp.text.vietnamese."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from fieldapp.households.collation import name_sort_bytes, sort_bytes, text_sort_bytes
from fieldapp.text.vietnamese import name_sort_key, sort_key

NAMES = [
    "Nguyễn Văn An",
    "Hoàng Thị Ánh",
    "Ma Văn Bình",
    "Đàm Thị Dung",
    "Triệu Văn Đông",
    "Lường Thị Ơn",
    "Nông Văn Ưng",
    "Bế Văn A",
    "Bế Văn Anh",
    "Lục Thị Ỏi",
    "nguyễn văn an",
    "Tống Văn Tổ 2",
    "Tống Văn Tổ 10",
]


def test_names_sort_by_given_name_in_vietnamese_order():
    by_bytes = sorted(NAMES, key=name_sort_bytes)
    assert by_bytes == sorted(NAMES, key=name_sort_key)
    givens = [n.split()[-1] for n in by_bytes]
    assert givens.index("A") < givens.index("An") < givens.index("Anh") < givens.index("Ánh")
    assert givens.index("Dung") < givens.index("Đông")  # d before đ
    assert givens.index("Ỏi") < givens.index("Ơn") < givens.index("Ưng")


def test_village_names_sort_in_vietnamese_order():
    villages = ["Nà Pài", "Khuổi Cuộng", "Bản Lác", "Đồng Tâm", "Dương Quang", "Tổ 10", "Tổ 2"]
    assert sorted(villages, key=text_sort_bytes) == sorted(villages, key=sort_key)


letters = st.sampled_from(list("aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐEÔƠƯáàảãạếềểễệốồổỗộ 0123"))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.text(letters, min_size=1, max_size=14), min_size=2, max_size=6))
def test_bytes_order_equals_key_order(texts):
    assert sorted(texts, key=lambda t: sort_bytes(name_sort_key(t))) == sorted(
        texts, key=name_sort_key
    )
    a, b = texts[0], texts[1]
    assert (name_sort_bytes(a) == name_sort_bytes(b)) == (name_sort_key(a) == name_sort_key(b))
