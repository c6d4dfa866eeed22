"""The household search over the FTS5 indexes of migration 0017 finds exactly what the old
scan of ``search_fold`` found, on messy Vietnamese names, and stays right after every write."""

from __future__ import annotations

import importlib.util
import random
import re
from datetime import date

import pytest
from sqlalchemy import event, select, text

from fieldapp.db.schema import HEAD
from fieldapp.households.listing import (
    TOKEN_CHARS,
    HouseholdFilter,
    count_households,
    household_ids,
    search_terms,
)
from fieldapp.households.models import Household
from fieldapp.households.service import (
    AreaInput,
    HouseholdInput,
    MemberInput,
    add_area,
    add_household,
    add_member,
    delete_household,
    update_household,
    update_member,
)
from tests.conftest import PROJECT_ROOT

# Names as lists arrive: tones composed and decomposed, capitals, double spaces, hyphens,
# the apostrophe of Ê Đê names, a dash, brackets, đ and Đ, a stray dot.
MESSY_NAMES = [
    "Hoàng Văn Thắng",
    "HOÀNG THỊ HOA",
    "hoàng  văn   hòa",
    "Hoa\u0300ng Va\u0306n Tu\u031bo\u031b\u0300ng",  # decomposed tones (NFD)
    "Nguyễn Thị Thu-Hà",
    "H'Mai Niê",
    "H’Hen Niê",
    "Trần–Văn Tư",
    "Phạm (Bé) Ba",
    "Đặng Đình Đức",
    "đặng văn đông",
    "Lê Văn Tám.",
    "Nông Thị Hoa",
    "Hà Văn Dũng",
    "Ma Văn Hải",
    "Lục Thị Mai",
    "Triệu Thị Hương",
    "Quách Thị Hồng Vân",
]
SEARCHES = [
    "h",
    "ho",
    "hoa",
    "Hoàng",
    "hoang van",
    "HOÀNG văn",
    "van hoang",
    "thu-ha",
    "ha",
    "thu",
    "h'mai",
    "mai",
    "niê",
    "tư",
    "(bé)",
    "be",
    "đức",
    "duc",
    "dang d",
    "tam.",
    "tam",
    "12/3",
    "3",
    "5a",
    "0912",
    "345",
    "5678",
    "006",
    "hoa 0912",
    "na pai",
    "nà",
    "x",
    "zzz",
    "%",
    "_",
    '"',
    "a*",
    "hoang OR van",
    "-",
    "NEAR",
]


def _oracle(db, flt: HouseholdFilter) -> list[int]:
    """The old rule, in Python: every term starts a word of ``search_fold`` (words separated
    by spaces), digits anywhere; households in Vietnamese name order."""
    terms = search_terms(flt.search)
    with db.session() as s:
        rows = s.execute(
            select(Household.id, Household.search_fold, Household.head_sort).where(
                Household.area_id == flt.area_id
            )
        ).all()
    found = []
    for hid, fold_text, sort_key in rows:
        if all((t in fold_text) if t.isdigit() else (" " + t) in fold_text for t in terms):
            found.append((sort_key or b"", hid))
    return [hid for _key, hid in sorted(found)]


@pytest.fixture
def messy(db):
    area = add_area(db, AreaInput(name="Khu thử tìm kiếm", started_on=date(2021, 8, 1)))
    rng = random.Random(17)
    villages = ["Nà Pài", "Khuổi Cuộng", "Bản Lác", "Nà Làng"]
    numbers = ["12/3", "5A", "số 7", "", "3", "45-47"]
    ids = []
    for n in range(60):
        head = MESSY_NAMES[n % len(MESSY_NAMES)]
        others = rng.sample(MESSY_NAMES, 2)
        members = [MemberInput(head, is_head=True, citizen_id=f"0060{n:08d}")]
        members += [MemberInput(name, phone=f"09{rng.randrange(10**8):08d}") for name in others]
        ids.append(
            add_household(
                db,
                area,
                HouseholdInput(
                    village=rng.choice(villages),
                    house_number=rng.choice(numbers),
                    phone="0912 345 678" if n % 7 == 0 else "",
                ),
                members,
            )
        )
    return area, ids


def test_the_index_finds_what_the_scan_found(db, messy):
    area, _ids = messy
    statements: list[str] = []
    listen = lambda *a: statements.append(a[2])  # noqa: E731 - (conn, cursor, statement, ...)
    event.listen(db.engine, "before_cursor_execute", listen)
    try:
        household_ids(db, HouseholdFilter(area_id=area, search="hoang 0912"))
    finally:
        event.remove(db.engine, "before_cursor_execute", listen)
    assert any("household_fts MATCH" in q and "search_fold LIKE" in q for q in statements)
    for search in SEARCHES:
        flt = HouseholdFilter(area_id=area, search=search)
        expected = _oracle(db, flt)
        assert household_ids(db, flt) == expected, search
        assert count_households(db, flt) == len(expected), search
    # the searches are not all empty or all full: they would prove nothing
    sizes = {len(_oracle(db, HouseholdFilter(area_id=area, search=s))) for s in SEARCHES}
    assert 0 in sizes and 60 in sizes and len(sizes) > 8


def test_search_with_other_orders_and_filters(db, messy):
    area, _ids = messy
    for order in ("name", "village", "members"):
        plain = household_ids(db, HouseholdFilter(area_id=area), order=order)
        found = household_ids(db, HouseholdFilter(area_id=area, search="hoa"), order=order)
        assert found == [i for i in plain if i in set(found)]
        assert set(found) == set(_oracle(db, HouseholdFilter(area_id=area, search="hoa")))
    # every area (no area filter) too
    assert set(household_ids(db, HouseholdFilter(search="hoang van"))) == set(
        _oracle(db, HouseholdFilter(area_id=area, search="hoang van"))
    )


def test_the_index_follows_every_write(db, messy):
    area, ids = messy
    first = ids[0]

    def found(search: str) -> list[int]:
        return household_ids(db, HouseholdFilter(area_id=area, search=search))

    assert found("quynh") == []
    update_household(db, first, HouseholdInput(village="Quỳnh Lâm", house_number="99"))
    assert found("quynh") == [first]
    assert found("quỳnh lâm") == [first]
    with db.session() as s:
        from fieldapp.households.models import HouseholdMember

        head = s.scalar(
            select(HouseholdMember.id).where(
                HouseholdMember.household_id == first, HouseholdMember.is_head.is_(True)
            )
        )
    update_member(db, head, MemberInput("Vi Thị Xuyến", is_head=True))
    assert found("xuyen") == [first]
    add_member(db, first, MemberInput("Bàn Văn Yên", phone="0388 777 111"))
    assert found("ban yen") == [first]
    assert found("777") == [first]
    delete_household(db, first)
    assert found("xuyen") == [] and found("quynh") == []
    # and the FTS index agrees with its content table (FTS5 integrity check)
    with db.session() as s:
        s.execute(
            text("INSERT INTO household_fts(household_fts, rank) VALUES ('integrity-check', 1)")
        )


def test_the_tokenizer_keeps_the_listing_word_characters():
    path = PROJECT_ROOT / "fieldapp" / "db" / "migrations" / "versions" / f"{HEAD}_operations.py"
    if not path.exists():  # a later migration took the head: find ours by name
        path = next((PROJECT_ROOT / "fieldapp/db/migrations/versions").glob("0017_*.py"))
    spec = importlib.util.spec_from_file_location("migration_0017", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.TOKEN_CHARS == TOKEN_CHARS
    # every non-space character fold() can leave in search_fold is a word character
    assert not re.search(r"\s", TOKEN_CHARS)


def test_without_fts_the_like_rule_gives_the_same(db, messy, monkeypatch):
    """The PostgreSQL copy has no FTS5: the same search as LIKE over the column."""
    import fieldapp.households.listing as listing

    area, _ids = messy
    with_index = {s: household_ids(db, HouseholdFilter(area_id=area, search=s)) for s in SEARCHES}
    monkeypatch.setattr(listing, "_sqlite", lambda _db: False)
    for search in SEARCHES:
        flt = HouseholdFilter(area_id=area, search=search)
        assert household_ids(db, flt) == with_index[search], search
        assert listing.first_ids(db, flt, first=5)[1] == len(with_index[search]), search
