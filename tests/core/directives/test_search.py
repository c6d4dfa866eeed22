"""Full-text search: insensitive to case, tones and đ; phrases; highlights on the original."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fieldapp.directives import register as reg
from fieldapp.directives.search import (
    Snippet,
    Term,
    _like,
    fts_query,
    highlight_spans,
    make_snippet,
    query_terms,
    search,
)
from fieldapp.text.vietnamese import fold


def test_query_terms_and_fts_expression():
    assert query_terms("Phòng TOẢ") == [Term(("phong",)), Term(("toa",), prefix=True)]
    assert query_terms("phong toả ") == [Term(("phong",)), Term(("toa",))]
    assert query_terms('"cách ly tập trung" 235-CV/HU') == [
        Term(("cach", "ly", "tap", "trung")),
        Term(("235", "cv", "hu"), prefix=True),
    ]
    assert fts_query(query_terms('ai "or" NOT')) == '"ai" AND "or" AND "not"*'
    assert query_terms(' "" -- / ') == []


@pytest.mark.parametrize(
    ("query", "label"),
    [
        ("PHONG TOA", "6"),  # no tones, upper case
        ("phòng toả", "6"),  # the other way of placing the tone
        ("dang uy cac xa", "6"),  # đ → d
        ("ĐẢNG ỦY CÁC XÃ", "6"),
        ('"phân ca trực"', "6"),
        ("cong an huy", "5"),  # the last word may be unfinished
    ],
)
def test_search_finds_items_whatever_the_tones(db, registered, query, label):
    hits = {h.directive_id: h for h in search(db, query)}
    assert label in [i.label for i in hits[registered[1]].items]


def test_finished_words_match_whole_words_only(db, registered):
    # "toa " (finished) is the word "tỏa", not the start of "toàn".
    hits = search(db, "phong toa ")
    for hit in hits:
        for item in hit.items:
            for start, end in item.snippet.spans:
                assert fold(item.snippet.text[start:end]) in {"phong", "toa"}


def test_number_and_symbol_as_typed(db, registered):
    hits = search(db, "235-cv/hu")
    assert [h.directive_id for h in hits] == [registered[1]]
    assert hits[0].snippet.marked() == "Công văn [235-CV/HU]"
    typed = search(db, "Số 235 -CV/HU")
    assert typed[0].directive_id == registered[1] and "[235] -[CV/HU]" in typed[0].snippet.marked()


def test_words_as_typed_together_come_before_scattered_ones(db, registered):
    # "phong toa" (the phrase "phòng tỏa") before items with "phòng" ... "toàn".
    hits = search(db, "khu vuc phong toa")
    first = hits[0].items[0]
    assert "[khu] [vuc] [phong] [toa]" in fold(first.snippet.marked())
    order = [h.directive_id for h in search(db, "phong to")]
    assert set(order[:2]) == {registered[1], registered[2]}


def test_header_matches_come_first(db, registered):
    hits = search(db, "hỏa tốc")
    assert {h.directive_id for h in hits} == {registered[1], registered[2]}
    assert search(db, "Tỉnh ủy Bắc Kạn")[0].directive_id == registered[0]


def test_nothing_found_and_empty_queries(db, registered):
    assert search(db, "xyzzy") == []
    assert search(db, "   ") == []
    assert search(db, '"') == []
    assert search(db, "a" * 5000) == []  # long input is cut, not an error


def test_snippet_keeps_the_original_text_and_marks_matches(db, registered):
    hit = search(db, "khu vuc phong toa")[0]
    item = hit.items[0]
    marked = item.snippet.marked()
    assert "[khu] [vực] [phong] [tỏa]" in marked or "[khu] [vực] [phong] [toả]" in marked
    assert "<b>phong</b>" in item.snippet.html()


def test_highlight_maps_back_through_decomposed_text():
    source = unicodedata.normalize("NFD", "Khu vực phong tỏa, thôn Nà Pài")
    spans = highlight_spans(source, "phong toa pai")
    assert [fold(source[s:e]) for s, e in spans] == ["phong", "toa", "pai"]


def test_make_snippet_window_shows_where_the_terms_are():
    text = "Mở đầu. " * 60 + "Công an xã trực chốt Nà Pài 24/24. " + "Kết thúc. " * 60
    snippet = make_snippet(text, "na pai", width=120)
    assert snippet.text.startswith("…") and snippet.text.endswith("…")
    assert "[Nà] [Pài]" in snippet.marked()
    assert len(snippet.text) <= 122


def test_html_is_escaped():
    assert Snippet("a <b> & c", ((0, 1),)).html() == "<b>a</b> &lt;b&gt; &amp; c"


def test_like_fallback_finds_the_same_items(db, registered):
    terms = query_terms("cach ly tap trung")
    with db.session() as s:
        head, body, items = _like(s, terms, 50)
    fts_items = {
        i.item_id for h in search(db, "cach ly tap trung", items_per_directive=50) for i in h.items
    }
    assert set(items) == fts_items
    assert registered[1] in body


_SYLLABLES = ["Nà", "Pài", "Khuổi", "Ó", "Bằng", "Lãng", "Đồn", "Thượng", "Quảng", "Tín", "Đắk"]


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(words=st.lists(st.sampled_from(_SYLLABLES), min_size=1, max_size=3), upper=st.booleans())
def test_a_note_is_found_by_its_folded_words(db, registered, words, upper):
    item = reg.get_directive(db, registered[0]).items[0]
    phrase = " ".join(words)
    note = reg.add_note(db, item.id, f"Kiểm tra tại thôn {phrase} xong.")
    try:
        query = fold(phrase).upper() if upper else fold(phrase)
        hits = search(db, f'"{query}"')
        assert registered[0] in [h.directive_id for h in hits]
    finally:
        reg.delete_note(db, note)
