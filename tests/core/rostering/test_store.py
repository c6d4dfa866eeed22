"""Sites, staff, leave and rules in the database: service functions and their refusals."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import func, select

from fieldapp.errors import UserError
from fieldapp.rostering.models import Site, Staff
from fieldapp.rostering.store import (
    add_absence,
    add_site,
    add_staff,
    custom_shifts,
    delete_site,
    delete_staff,
    find_site,
    find_staff,
    get_rules,
    list_absences,
    list_sites,
    list_staff,
    make_shifts,
    parse_role,
    remove_absence,
    set_rules,
    update_site,
    update_staff,
)

DAY = date(2021, 8, 2)


def count(db, model) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(model))


def test_standard_patterns_and_night_shifts():
    three = make_shifts("3x8")
    assert [(s.id, s.start, s.end, s.night) for s in three] == [
        ("C1", "06:00", "14:00", False),
        ("C2", "14:00", "22:00", False),
        ("C3", "22:00", "06:00", True),
    ]
    assert three[0].label == "Ca 1 (06:00–14:00)"
    two = make_shifts("2x12", "07:00")
    assert [(s.start, s.night) for s in two] == [("07:00", False), ("19:00", True)]
    four = make_shifts("4x6", "00:00")
    assert [s.night for s in four] == [True, False, False, False]
    custom = custom_shifts(["22:00+10", "08:00+14"])
    assert [(s.id, s.start, s.hours, s.night) for s in custom] == [
        ("C1", "08:00", 14.0, False),
        ("C2", "22:00", 10.0, True),
    ]
    # how a shift's hours are written: never "00:00–00:00" for a whole day
    assert [s.times for s in four] == ["00:00–06:00", "06:00–12:00", "12:00–18:00", "18:00–24:00"]
    assert custom_shifts(["00:00+24"])[0].label == "Ca 1 (00:00–24:00)"
    assert custom_shifts(["07:00+24"])[0].times == "07:00–07:00 hôm sau"
    assert custom_shifts(["19:00+12"])[0].times == "19:00–07:00"
    with pytest.raises(UserError, match="không có thật"):
        make_shifts("3x8", "25h")
    with pytest.raises(UserError, match="gg:pp"):
        make_shifts("3x8", "sáng")
    with pytest.raises(UserError, match="Không có kiểu ca"):
        make_shifts("5x5")
    with pytest.raises(UserError, match="cùng giờ"):
        custom_shifts(["06:00+8", "06:00+6"])


def test_roles_by_id_or_vietnamese_name():
    assert parse_role("police") == "police"
    assert parse_role("Công an") == "police"
    assert parse_role("DAN QUAN") == "militia"
    assert parse_role("y tế") == "health"
    assert parse_role("driver") == "driver"
    with pytest.raises(UserError, match="Không rõ vai trò"):
        parse_role("Người lái xe!")


def test_site_add_update_find_and_refusals(db):
    site = add_site(
        db,
        "  Chốt   Cầu Bằng Lãng ",
        kind="checkpoint",
        place="ĐT 254",
        active_from=DAY,
        pattern="3x8",
        staff_per_shift=3,
        require={"công an": 1},
    )
    assert site.name == "Chốt Cầu Bằng Lãng"
    assert site.require == {"police": 1} and site.require_text == "1 công an"
    assert find_site(db, "cau bang lang").id == site.id
    assert find_site(db, str(site.id)).id == site.id
    before = count(db, Site)
    for kwargs, message in [
        (dict(name="Chốt cầu bằng lãng"), "Đã có điểm trực"),
        (dict(name="Chốt mới", kind="hospital"), "Không có loại điểm"),
        (dict(name="Chốt mới", staff_per_shift=2, require={"police": 3}), "chỉ có 2 người"),
        (
            dict(name="Chốt mới", staff_per_shift=2, require={"police": 2, "health": 1}),
            "tăng số người",
        ),
        (dict(name="Chốt mới", active_to=date(2021, 7, 1)), "phải sau ngày bắt đầu"),
        (dict(name=""), "Chưa nhập tên"),
    ]:
        with pytest.raises(UserError, match=message):
            add_site(db, active_from=DAY, **kwargs)
    assert count(db, Site) == before
    changed = update_site(db, site.id, pattern="2x12", first_start="07:00", staff_per_shift=2)
    assert [s.start for s in changed.shifts] == ["07:00", "19:00"]
    assert changed.pattern_label == "2 ca × 12 giờ"
    other = add_site(db, "Chốt Nà Pài", active_from=DAY)
    with pytest.raises(UserError, match="Đã có điểm trực"):
        update_site(db, other.id, name="chốt cầu bằng lãng")
    with pytest.raises(UserError, match="Có nhiều điểm"):
        find_site(db, "Chốt")
    delete_site(db, other.id)
    assert [s.name for s in list_sites(db)] == ["Chốt Cầu Bằng Lãng"]
    assert list_sites(db, active_on=date(2021, 7, 1)) == []


def test_staff_add_update_find_delete(db):
    a = add_staff(
        db, "Nguyễn Văn An", unit="Công an xã", roles=["police", "dân quân"], phone="0912 345 678"
    )
    assert a.roles == ("police", "militia") and a.roles_text == "công an, dân quân"
    b = add_staff(db, "Nguyễn Văn An", unit="Đoàn Thanh niên", roles=["youth"])
    add_staff(db, "Lý Thị Bình", unit="Trạm Y tế", roles=["health"], no_nights=True)
    with pytest.raises(UserError, match="Đã có"):
        add_staff(db, "nguyen van an", unit="công an xã")
    with pytest.raises(UserError, match="Số điện thoại"):
        add_staff(db, "Trần Văn C", phone="gọi tôi")
    assert count(db, Staff) == 3
    # Vietnamese order by given name: An, An, Bình
    assert [p.name for p in list_staff(db)] == ["Nguyễn Văn An", "Nguyễn Văn An", "Lý Thị Bình"]
    with pytest.raises(UserError, match="Có nhiều người"):
        find_staff(db, "Nguyen Van An")
    assert find_staff(db, str(b.id)).unit == "Đoàn Thanh niên"
    changed = update_staff(db, a.id, roles=["police"], max_shifts_per_week=4)
    assert changed.roles == ("police",) and changed.max_shifts_per_week == 4
    update_staff(db, b.id, active=False)
    assert len(list_staff(db)) == 2 and len(list_staff(db, include_inactive=True)) == 3
    delete_staff(db, b.id)
    assert count(db, Staff) == 2


def test_absences_and_rules(db):
    person = add_staff(db, "Hoàng Văn Hùng", roles=["police"])
    leave = add_absence(db, person.id, "sick", date(2021, 8, 5), date(2021, 8, 6))
    assert leave.starts == datetime(2021, 8, 5) and leave.ends == datetime(2021, 8, 7)
    assert leave.reason_label == "ốm"
    assert leave.span_text == "từ 05/08/2021 đến hết 06/08/2021"
    open_ended = add_absence(db, person.id, "quarantine", datetime(2021, 8, 10, 14, 0))
    assert open_ended.ends is None and open_ended.span_text == "từ 14:00 10/08/2021"
    with pytest.raises(UserError, match="Không rõ lý do"):
        add_absence(db, person.id, "holiday", DAY)
    with pytest.raises(UserError, match="phải sau"):
        add_absence(db, person.id, "leave", datetime(2021, 8, 5, 8), datetime(2021, 8, 5, 8))
    assert (
        len(list_absences(db, person.id, start=datetime(2021, 8, 6), end=datetime(2021, 8, 11)))
        == 2
    )
    assert (
        len(list_absences(db, person.id, start=datetime(2021, 8, 7), end=datetime(2021, 8, 9))) == 0
    )
    remove_absence(db, leave.id)
    assert len(list_absences(db, person.id)) == 1

    assert get_rules(db).min_rest_hours == 16
    rules = set_rules(db, min_rest_hours=12, max_consecutive_nights=3)
    assert (rules.min_rest_hours, rules.max_shifts_per_week, rules.max_consecutive_nights) == (
        12,
        6,
        3,
    )
    with pytest.raises(UserError, match="Số ca tối đa"):
        set_rules(db, max_shifts_per_week=0)
    assert get_rules(db) == rules
