"""Resolution 68 support: days from the status history inside the period, caps, children,
Settings, and the JSON of ``fieldapp household print support68 --json``."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from fieldapp.errors import UserMistake
from fieldapp.households.service import (
    AreaInput,
    HouseholdInput,
    MemberInput,
    add_area,
    add_household,
    cancel_status,
    change_status,
    household_detail,
)
from fieldapp.households.support68 import (
    SupportRules,
    _Entry,
    counted_days,
    rules_from_settings,
    save_rules,
    support_list,
)
from fieldapp.settings import set_setting

D = date(2021, 8, 1)
TODAY = date(2021, 9, 30)


def day(n: int) -> date:
    return D + timedelta(days=n)


@pytest.fixture
def area(db) -> int:
    return add_area(db, AreaInput(name="Khu Nà Pài", started_on=day(0)))


def _household(db, area: int, village: str, *people: tuple[str, int | None]) -> list[int]:
    hid = add_household(
        db,
        area,
        HouseholdInput(village=village),
        [
            MemberInput(name, birth_year=year, is_head=i == 0)
            for i, (name, year) in enumerate(people)
        ],
        today=TODAY,
    )
    return [m.id for m in household_detail(db, hid).members]


def test_counted_days_follow_the_history_and_the_period() -> None:
    rules = SupportRules()
    # F1 at a facility 14 days, then F0 (no end yet), then negative.
    entries = [
        _Entry("F1", "central", day(0), day(14)),
        _Entry("F0", "central", day(10), None),
        _Entry("negative", "", day(30), None),
    ]
    # F1 cut short by the F0 that replaced it on day 10; F0 until the negative on day 30.
    assert counted_days(entries, rules, day(0), day(60)) == {
        "F1": (10, day(0), day(9)),
        "F0": (20, day(10), day(29)),
    }
    # Only what falls inside the period counts.
    assert counted_days(entries, rules, day(5), day(12)) == {
        "F1": (5, day(5), day(9)),
        "F0": (3, day(10), day(12)),
    }
    # F1 self-monitoring and F2 are not supported; an F1 at home is (by default).
    assert counted_days([_Entry("F1", "self", day(0), day(7))], rules, day(0), day(9)) == {}
    assert counted_days([_Entry("F2", "home", day(0), day(7))], rules, day(0), day(9)) == {}
    assert counted_days([_Entry("F1", "home", day(0), day(7))], rules, day(0), day(9)) == {
        "F1": (7, day(0), day(6))
    }
    # Overlapping entries of one kind (a re-entered isolation) are not counted twice.
    twice = [_Entry("F1", "central", day(0), day(10)), _Entry("F1", "central", day(0), day(12))]
    assert counted_days(twice, rules, day(0), day(30))["F1"][0] == 12


def test_support_list_amounts_caps_children_and_words(db, area) -> None:
    # An adult F0 for 50 days (capped at 45), a child F1 for 25 days (capped at 21).
    adult, child = _household(db, area, "Nà Pài", ("Hoàng Văn Nam", 1980), ("Hoàng Thị Bé", 2015))
    change_status(db, adult, "F0", isolation="central", start=day(0), end=day(50))
    change_status(db, child, "F1", isolation="central", start=day(0), end=day(25))
    # A teenager of 16 is no child; an F1 whose record was cancelled gets nothing.
    teen, other = _household(db, area, "Bản Cuôn", ("Lý Văn Mười Sáu", 2005), ("Lý Thị Hủy", 1990))
    change_status(db, teen, "F1", isolation="home", start=day(3), end=day(10))
    wrong = change_status(db, other, "F1", isolation="central", start=day(3), end=day(10))
    cancel_status(db, wrong)

    s = support_list(db, area, day(0), day(59), today=TODAY)
    rows = {r.person: r for r in s.rows}
    assert set(rows) == {"Hoàng Văn Nam", "Hoàng Thị Bé", "Lý Văn Mười Sáu"}
    assert (rows["Hoàng Văn Nam"].days, rows["Hoàng Văn Nam"].actual_days) == (45, 50)
    assert rows["Hoàng Văn Nam"].food == 45 * 80_000 and rows["Hoàng Văn Nam"].child == 0
    assert "tối đa 45" in rows["Hoàng Văn Nam"].note
    assert rows["Hoàng Thị Bé"].days == 21 and rows["Hoàng Thị Bé"].child == 1_000_000
    assert rows["Lý Văn Mười Sáu"].days == 7 and rows["Lý Văn Mười Sáu"].child == 0
    assert s.total == (45 + 21 + 7) * 80_000 + 1_000_000
    # Households in village order (Bản Cuôn before Nà Pài), totals per household.
    assert [h.village for h in s.households] == ["Bản Cuôn", "Nà Pài"]
    assert s.households[1].total == 45 * 80_000 + 21 * 80_000 + 1_000_000
    data = json.loads(json.dumps(s.as_json()))
    assert data["total"] == s.total
    assert {"person", "household", "kind", "days", "food", "child", "total"} == set(data["rows"][0])
    assert {r["kind"] for r in data["rows"]} == {"F0", "F1"}


def test_child_money_is_paid_once_and_days_stop_today(db, area) -> None:
    (kid,) = _household(db, area, "Nà Pài", ("Ma Văn Tí", 2012))
    change_status(db, kid, "F1", isolation="central", start=day(0), end=day(7))
    change_status(db, kid, "F0", isolation="central", start=day(7), use_default_end=False)
    s = support_list(db, area, day(0), day(40), today=day(19))
    rows = s.rows
    assert [(r.kind, r.days) for r in rows] == [("F1", 7), ("F0", 13)]  # F0 until day 19 only
    assert sum(r.child for r in rows) == 1_000_000


def test_rules_come_from_settings_and_bad_settings_are_refused(db, area) -> None:
    (p,) = _household(db, area, "Nà Pài", ("Nông Thị Hà", 1990))
    change_status(db, p, "F1", isolation="home", start=day(0), end=day(14))
    # The rules of late 2021: home isolation not counted for F1 at first.
    set_setting(db, "support68.f1_isolations", ["central"])
    assert support_list(db, area, day(0), day(30), today=TODAY).rows == []
    save_rules(db, SupportRules(daily_rate=100_000, f1_isolations=frozenset({"central", "home"})))
    (row,) = support_list(db, area, day(0), day(30), today=TODAY).rows
    assert row.food == 14 * 100_000
    set_setting(db, "support68.daily_rate", "tám mươi nghìn")
    with pytest.raises(UserMistake, match="support68.daily_rate"):
        rules_from_settings(db)
    set_setting(db, "support68.daily_rate", 80_000)
    set_setting(db, "support68.f1_isolations", ["central", "khách sạn"])
    with pytest.raises(UserMistake):
        rules_from_settings(db)
    with pytest.raises(UserMistake):
        save_rules(db, SupportRules(f1_isolations=frozenset({"hotel"})))


def test_a_period_backwards_is_a_mistake(db, area) -> None:
    with pytest.raises(UserMistake):
        support_list(db, area, day(10), day(0), today=TODAY)
