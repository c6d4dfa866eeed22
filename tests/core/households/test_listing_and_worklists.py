"""The household list (search, filters, Vietnamese order) and today's work lists."""

from __future__ import annotations

from datetime import timedelta

from fieldapp.households.listing import (
    HouseholdFilter,
    count_households,
    household_ids,
    household_rows,
    villages,
)
from fieldapp.households.service import (
    AreaInput,
    HouseholdInput,
    MemberInput,
    add_area,
    add_household,
    add_test_round,
    change_status,
    household_detail,
    parse_items,
    record_delivery,
    record_test_results,
)
from fieldapp.households.worklists import (
    empty_houses,
    isolation_ending,
    latest_rounds,
    not_tested,
    unsupplied_vulnerable,
)
from tests.core.households.workbooks import TODAY

HEADS = ["Nông Văn Ưng", "Hoàng Thị Ánh", "Đàm Văn Dũng", "Ma Văn An", "Lục Thị Ỏi", "Bế Văn Đông"]


def build(db, area_id):
    ids = {}
    for k, head in enumerate(HEADS):
        people = [MemberInput(head, birth_year=1970 + k, sex="M", is_head=True)]
        if k % 2 == 0:
            people.append(MemberInput("Hà Thị Nhài", birth_year=2019, young_child=True))
        ids[head] = add_household(
            db,
            area_id,
            HouseholdInput(
                village="Nà Pài" if k < 3 else "Đồng Tâm",
                house_number=str(10 + k),
                phone=f"09123456{k:02d}",
                poor=k == 5,
            ),
            people,
            today=TODAY,
        )
    return ids


def names(db, ids):
    return [r.head_name for r in household_rows(db, ids, TODAY)]


def test_vietnamese_order_search_and_filters(db, area_id):
    ids = build(db, area_id)
    flt = HouseholdFilter(area_id=area_id, today=TODAY)
    assert names(db, household_ids(db, flt)) == [
        "Ma Văn An",
        "Hoàng Thị Ánh",
        "Đàm Văn Dũng",
        "Bế Văn Đông",
        "Lục Thị Ỏi",
        "Nông Văn Ưng",
    ]
    search = HouseholdFilter(area_id=area_id, search="HOANG", today=TODAY)
    assert names(db, household_ids(db, search)) == ["Hoàng Thị Ánh"]
    # Words match from their start: "an" finds An and Ánh, not Lan or Hoàng.
    assert names(db, household_ids(db, HouseholdFilter(search="an", today=TODAY))) == [
        "Ma Văn An",
        "Hoàng Thị Ánh",
    ]
    assert names(db, household_ids(db, HouseholdFilter(search="van du", today=TODAY))) == [
        "Đàm Văn Dũng"
    ]
    # The village is searched too: "dong" finds Bế Văn Đông and everyone in Đồng Tâm.
    assert count_households(db, HouseholdFilter(search="dong", today=TODAY)) == 3
    # Digits anywhere (the end of a phone number); a member's name finds the household.
    assert names(db, household_ids(db, HouseholdFilter(search="5604", today=TODAY))) == [
        "Lục Thị Ỏi"
    ]
    assert count_households(db, HouseholdFilter(search="nhai", today=TODAY)) == 3
    assert count_households(db, HouseholdFilter(search="09", today=TODAY)) == 6  # too short yet
    assert count_households(db, HouseholdFilter(search="100%_", today=TODAY)) == 0
    assert villages(db, area_id) == ["Đồng Tâm", "Nà Pài"]  # đ before n
    assert count_households(db, HouseholdFilter(village="Đồng Tâm", today=TODAY)) == 3
    assert count_households(db, HouseholdFilter(vulnerable=True, today=TODAY)) == 3
    assert count_households(db, HouseholdFilter(poor=True, today=TODAY)) == 1

    child = household_detail(db, ids["Nông Văn Ưng"]).members[1]
    change_status(db, child.id, "F1", isolation="home", start=TODAY - timedelta(days=13))
    assert names(db, household_ids(db, HouseholdFilter(status="F1", today=TODAY))) == [
        "Nông Văn Ưng"
    ]
    soon = HouseholdFilter(ending_within_days=1, today=TODAY)
    assert count_households(db, soon) == 1
    assert count_households(db, HouseholdFilter(ending_within_days=0, today=TODAY)) == 0
    row = household_rows(db, [ids["Nông Văn Ưng"]], TODAY)[0]
    assert (row.f1, row.isolating, row.next_isolation_end) == (1, 1, TODAY + timedelta(days=1))
    by_end = household_ids(db, HouseholdFilter(today=TODAY), order="isolation_end")
    assert by_end[0] == ids["Nông Văn Ưng"]


def test_work_lists(db, area_id):
    ids = build(db, area_id)
    ung = household_detail(db, ids["Nông Văn Ưng"]).members
    an = household_detail(db, ids["Ma Văn An"]).members
    dung = household_detail(db, ids["Đàm Văn Dũng"]).members
    # Ưng's child ends home isolation tomorrow; An's whole household is at the facility.
    change_status(db, ung[1].id, "F1", isolation="home", start=TODAY - timedelta(days=13))
    for m in an:
        change_status(db, m.id, "F1", isolation="central", start=TODAY - timedelta(days=2))
    ending = isolation_ending(db, TODAY)
    assert [(line.head_name, [p.full_name for p in line.people]) for line in ending] == [
        ("Nông Văn Ưng", [ung[1].full_name])
    ]
    assert [line.head_name for line in empty_houses(db, TODAY)] == ["Ma Văn An"]

    round_id = add_test_round(db, area_id, TODAY - timedelta(days=1))
    record_test_results(db, round_id, {m.id: "negative" for m in ung + dung[:1]})
    assert latest_rounds(db, TODAY) == {area_id: round_id}
    missed = not_tested(db, round_id, TODAY)
    missed_people = {p.member_id for line in missed for p in line.people}
    assert dung[1].id in missed_people
    assert not missed_people & {m.id for m in an}  # away at the facility
    assert not missed_people & {m.id for m in ung + dung[:1]}  # tested
    assert len(missed) == 4  # Dũng's child, Ánh, Ỏi, Đông

    # Vulnerable (young children) and poor households without relief in 7 days.
    unsupplied = {line.head_name for line in unsupplied_vulnerable(db, TODAY)}
    assert unsupplied == {"Nông Văn Ưng", "Đàm Văn Dũng", "Lục Thị Ỏi", "Bế Văn Đông"}
    record_delivery(db, ids["Đàm Văn Dũng"], TODAY - timedelta(days=6), parse_items("Gạo 10 kg"))
    record_delivery(db, ids["Bế Văn Đông"], TODAY - timedelta(days=7), parse_items("Gạo 10 kg"))
    unsupplied = unsupplied_vulnerable(db, TODAY)
    assert {line.head_name for line in unsupplied} == {"Nông Văn Ưng", "Lục Thị Ỏi", "Bế Văn Đông"}
    dong = next(line for line in unsupplied if line.head_name == "Bế Văn Đông")
    assert dong.last_delivery == TODAY - timedelta(days=7)


def test_ended_areas_leave_the_work_lists(db, area_id):
    old = add_area(
        db,
        AreaInput(
            name="Khu cũ",
            started_on=TODAY - timedelta(days=40),
            ended_on=TODAY - timedelta(days=20),
        ),
    )
    hid = add_household(
        db, old, HouseholdInput(), [MemberInput("Lý Thị Mai", birth_year=1940, sex="F")]
    )
    assert household_detail(db, hid).members[0].elderly is False  # flags are typed, not guessed
    assert unsupplied_vulnerable(db, TODAY) == []
