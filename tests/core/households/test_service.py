"""Areas, households, people, status history, tests, relief: every write through the service."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from fieldapp.errors import UserError
from fieldapp.households.models import Household, HouseholdMember
from fieldapp.households.overview import lockdown_counts
from fieldapp.households.service import (
    AreaInput,
    HouseholdInput,
    MemberInput,
    add_area,
    add_household,
    add_member,
    add_test_round,
    cancel_status,
    change_status,
    household_detail,
    list_areas,
    parse_items,
    record_delivery,
    record_test_results,
    remove_member,
    restore_status,
    update_area,
    update_member,
)
from fieldapp.settings import set_setting
from tests.core.households.workbooks import TODAY


def family(db, area_id, head="Hoàng Văn Thắng", cid=None, **household) -> int:
    return add_household(
        db,
        area_id,
        HouseholdInput(village="Nà Pài", house_number="12", phone="0912345678", **household),
        [
            MemberInput(head, birth_year=1968, sex="M", is_head=True, citizen_id=cid),
            MemberInput("Ma Thị Lan", birth_year=1972, sex="F", relation="Vợ"),
            MemberInput("Hoàng Thị Ỏi", birth_year=2019, sex="F", relation="Con", young_child=True),
        ],
        today=TODAY,
    )


def members(db, household_id):
    return household_detail(db, household_id).members


def test_areas_have_unique_names_and_sane_dates(db, area_id):
    with pytest.raises(UserError, match="Đã có khu vực"):
        add_area(db, AreaInput(name="khu phong toa thon na pai", started_on=TODAY))
    with pytest.raises(UserError, match="sau ngày bắt đầu"):
        add_area(
            db,
            AreaInput(name="Khu B", started_on=TODAY, planned_end=TODAY - timedelta(days=1)),
        )
    area = list_areas(db, TODAY)[0]
    data = area.as_input()
    data.ended_on = TODAY + timedelta(days=3)
    update_area(db, area_id, data)
    assert list_areas(db, TODAY + timedelta(days=4))[0].in_force is False
    assert list_areas(db, TODAY)[0].in_force is True


def test_household_with_members_and_derived_columns(db, area_id):
    hid = family(db, area_id, cid="006068001234")
    with db.session() as s:
        h = s.get(Household, hid)
        assert h.head_name == "Hoàng Văn Thắng" and h.member_count == 3 and h.vulnerable
        assert " hoang van thang " in h.search_fold + " " and "006068001234" in h.search_fold
    people = members(db, hid)
    assert [m.relation for m in people] == ["Chủ hộ", "Vợ", "Con"]
    assert people[0].is_head and not people[1].is_head


def test_bad_member_input_changes_nothing_and_hides_the_value(db, area_id):
    # A mistyped number never refuses the person: kept as typed, marked for checking.
    kept = family(db, area_id, cid="00606800123")  # 11 typed digits
    head = members(db, kept)[0]
    assert head.citizen_id is None and head.id_typed == "00606800123"
    assert head.id_kind == "other" and "11 chữ số" in head.id_check
    assert "00606800123" not in head.id_check
    fixed = head.as_input()
    fixed.citizen_id = "006068001230"  # the correction in the detail: the check clears
    update_member(db, head.id, fixed, today=TODAY)
    head = members(db, kept)[0]
    assert (head.citizen_id, head.id_typed, head.id_kind) == ("006068001230", "", "cccd")
    assert head.id_check == ""
    hid = family(db, area_id, cid="006068001234")
    with pytest.raises(UserError, match="đã có ở một người khác"):
        add_member(db, hid, MemberInput("Lục Văn Tài", citizen_id="006068001234"))
    with pytest.raises(UserError, match="Năm sinh"):
        add_member(db, hid, MemberInput("Lục Văn Tài", birth_year=2090), today=TODAY)
    assert len(members(db, hid)) == 3


def test_head_changes_and_removal_rules(db, area_id):
    hid = family(db, area_id)
    head, wife, child = members(db, hid)
    with pytest.raises(UserError, match="chủ hộ"):
        remove_member(db, head.id)
    data = wife.as_input()
    data.is_head = True
    update_member(db, wife.id, data, today=TODAY)
    with db.session() as s:
        assert s.get(Household, hid).head_name == "Ma Thị Lan"
    remove_member(db, head.id)
    assert [m.full_name for m in members(db, hid)] == ["Ma Thị Lan", "Hoàng Thị Ỏi"]


def test_status_history_keeps_every_change_with_author_and_undo(db, area_id):
    hid = family(db, area_id)
    child = members(db, hid)[2]
    set_setting(db, "households.isolation_days.F1", 7)
    first = change_status(db, child.id, "F1", isolation="home", start=TODAY, author="Lường Thị Mai")
    now = members(db, hid)[2]
    assert (now.status, now.isolation, now.isolation_end) == (
        "F1",
        "home",
        TODAY + timedelta(days=7),
    )
    second = change_status(
        db, child.id, "F0", isolation="central", start=TODAY + timedelta(days=2), author="Trạm Y tế"
    )
    assert members(db, hid)[2].status == "F0"
    assert members(db, hid)[2].isolation_end == TODAY + timedelta(days=16)  # F0: 14 by default
    cancel_status(db, second, author="Lường Thị Mai")
    assert members(db, hid)[2].status == "F1"
    history = household_detail(db, hid).history
    assert [(e.id, e.author, e.cancelled_by) for e in history] == [
        (second, "Trạm Y tế", "Lường Thị Mai"),
        (first, "Lường Thị Mai", ""),
    ]
    restore_status(db, second)
    assert members(db, hid)[2].status == "F0"
    with pytest.raises(UserError, match="sau ngày bắt đầu"):
        change_status(db, child.id, "F1", isolation="home", start=TODAY, end=TODAY - timedelta(1))
    with pytest.raises(UserError, match="Tình trạng"):
        change_status(db, child.id, "F3")


def test_test_rounds_and_results_stay_in_their_area(db, area_id):
    hid = family(db, area_id)
    other_area = add_area(db, AreaInput(name="Khu Bản Lác", started_on=TODAY))
    stranger = family(db, other_area, head="Nông Văn Lực")
    round_id = add_test_round(db, area_id, TODAY, "rapid")
    ids = [m.id for m in members(db, hid)]
    record_test_results(db, round_id, {ids[0]: "negative", ids[1]: "positive"})
    with pytest.raises(UserError, match="không thuộc khu vực"):
        record_test_results(db, round_id, {members(db, stranger)[0].id: "negative"})
    record_test_results(db, round_id, {ids[1]: "negative"})
    tests = household_detail(db, hid).tests
    assert sorted((t.member_id, t.result) for t in tests) == [
        (ids[0], "negative"),
        (ids[1], "negative"),
    ]


def test_relief_items_are_read_as_typed(db, area_id):
    items = parse_items("Gạo 10 kg, Mì tôm 2 thùng; Thuốc hạ sốt:20:viên, Khẩu trang")
    assert [(i.item, i.quantity, i.unit) for i in items] == [
        ("Gạo", 10, "kg"),
        ("Mì tôm", 2, "thùng"),
        ("Thuốc hạ sốt", 20, "viên"),
        ("Khẩu trang", 1, ""),
    ]
    with pytest.raises(UserError, match="Số lượng"):
        parse_items("Gạo -5 kg")
    hid = family(db, area_id)
    record_delivery(db, hid, TODAY, items, delivered_by="Tổ Covid", received_by="Ma Thị Lan")
    delivery = household_detail(db, hid).deliveries[0]
    assert delivery.items_text().startswith("Gạo 10 kg, Mì tôm 2 thùng")
    with pytest.raises(UserError, match="Chưa nhập hàng"):
        record_delivery(db, hid, TODAY, [])


def test_lockdown_counts_cover_areas_in_force(db, area_id):
    hid = family(db, area_id)
    ended = add_area(
        db,
        AreaInput(
            name="Khu cũ",
            started_on=TODAY - timedelta(days=30),
            ended_on=TODAY - timedelta(days=2),
        ),
    )
    family(db, ended, head="Nông Văn Lực")
    people = members(db, hid)
    change_status(db, people[0].id, "F0", isolation="central", start=TODAY)
    change_status(db, people[1].id, "F1", isolation="home", start=TODAY)
    change_status(db, people[2].id, "F1", isolation="home", start=TODAY - timedelta(days=30))
    counts = lockdown_counts(db, TODAY)
    assert (counts.areas_in_force, counts.households, counts.people) == (1, 1, 3)
    assert (counts.f0, counts.f1, counts.isolating, counts.central) == (1, 2, 2, 1)
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(HouseholdMember)) == 6
