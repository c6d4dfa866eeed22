"""The checkpoint log's service functions: checks, local days, search, undo, daily counts."""

from __future__ import annotations

import dataclasses
import unicodedata
from datetime import date, datetime, time, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from fieldapp.accounts.permissions import Actor, PermissionDenied
from fieldapp.audit.models import AuditEntry
from fieldapp.checkpoints.log import (
    EntryInput,
    add_entries,
    add_entry,
    daily_counts,
    delete_entry,
    edit_entry,
    find_site,
    list_entries,
    log_sites,
    normalize_phone,
    normalize_plate,
    recent_places,
    restore_entry,
    search_entries,
)
from fieldapp.checkpoints.models import CheckpointEntry
from fieldapp.errors import UserError
from tests.core.checkpoints.conftest import make_site

NOW = datetime.now().astimezone().replace(second=0, microsecond=0)
TODAY = NOW.date()


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute)).astimezone()


def count_rows(db) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(CheckpointEntry))


# -- normalising ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "plate"),
    [
        ("97A-123.45", "97A-123.45"),
        ("97a 12345", "97A-123.45"),
        ("97A12345", "97A-123.45"),
        (" 97A - 123 . 45 ", "97A-123.45"),
        ("29-B1 123.45", "29B1-123.45"),
        ("29B1-12345", "29B1-123.45"),
        ("29b112345", "29B1-123.45"),
        ("97A-1234", "97A-1234"),
        ("29B1 1234", "29B1-1234"),
        ("51LD-123.45", "51LD-123.45"),
        ("", ""),
        ("   ", ""),
    ],
)
def test_plates_are_normalised(typed: str, plate: str) -> None:
    assert normalize_plate(typed) == plate


@pytest.mark.parametrize("typed", ["ABC", "9A-12345", "97A-123", "97A-1234567", "97-12345", "xe"])
def test_bad_plates_are_refused(typed: str) -> None:
    with pytest.raises(UserError, match="Biển số xe không đúng dạng"):
        normalize_plate(typed)


@settings(max_examples=40, deadline=None)
@given(
    province=st.integers(10, 99),
    series=st.sampled_from(["A", "B", "LD", "F", "B1", "E2", "H1"]),
    number=st.integers(0, 99999),
    spacer=st.sampled_from(["-", " ", " - ", "  "]),
)
def test_any_spelling_of_a_plate_gives_one_form(province, series, number, spacer) -> None:
    digits = f"{number:05d}"
    plate = normalize_plate(f"{province}{series}{spacer}{digits[:3]}.{digits[3:]}")
    assert plate == f"{province}{series}-{digits[:3]}.{digits[3:]}"
    assert normalize_plate(plate.lower()) == plate
    assert normalize_plate(plate.replace(".", "").replace("-", " ")) == plate


def test_phones_are_ten_digits_and_errors_do_not_repeat_them() -> None:
    assert normalize_phone("0912 345 678") == "0912345678"
    assert normalize_phone("0912.345.678") == "0912345678"
    assert normalize_phone("+84 912 345 678") == "0912345678"
    assert normalize_phone("84912345678") == "0912345678"
    assert normalize_phone("") == ""
    for bad in ("912345678", "09123456789", "1912345678", "0912-345-67x"):
        with pytest.raises(UserError) as err:
            normalize_phone(bad)
        assert "10 chữ số" in str(err.value)
        assert "345" not in str(err.value)


# -- writing ----------------------------------------------------------------------------------


def test_add_cleans_and_stores_an_entry(db, sites) -> None:
    entry = add_entry(
        db,
        EntryInput(
            site_id=sites["cau"],
            full_name=unicodedata.normalize("NFD", "  nguyễn   thị ngọc huyền "),
            arrived_at=NOW - timedelta(minutes=5),
            from_place=unicodedata.normalize("NFD", "TP. Hồ Chí Minh"),
            to_place="thôn Nà Pài",
            vehicle_plate="51f 12345",
            vehicle_kind="Xe khách",
            phone="0912 345 678",
            health_declared=True,
            temperature=36.84,
            people_count=12,
        ),
    )
    assert entry.full_name == "Nguyễn Thị Ngọc Huyền"
    assert entry.from_place == "TP. Hồ Chí Minh"
    assert entry.vehicle_plate == "51F-123.45"
    assert entry.phone == "0912345678"
    assert entry.temperature == 36.8
    assert entry.site_name == "Chốt kiểm soát Cầu Bằng Lãng"
    assert entry.local_time == NOW - timedelta(minutes=5)
    assert entry.is_vehicle
    with db.session() as s:
        row = s.get(CheckpointEntry, entry.id)
        assert row.arrived_at.utcoffset() == timedelta(0)  # stored as UTC
        assert row.search_key == "nguyen thi ngoc huyen 51f12345"
        assert len(row.uuid) == 36 and row.device_id == db.device_id


def test_a_name_typed_in_capitals_or_mixed_case_is_kept(db, sites) -> None:
    entry = add_entry(db, EntryInput(sites["cau"], "ĐẶNG Văn hùng", NOW))
    assert entry.full_name == "ĐẶNG Văn hùng"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (dict(full_name="  "), "Chưa nhập họ tên"),
        (dict(arrived_at=NOW + timedelta(minutes=30)), "tương lai"),
        (dict(arrived_at=datetime(2019, 5, 1).astimezone()), "quá xa"),
        (dict(vehicle_plate="xe máy"), "Biển số"),
        (dict(phone="12345"), "10 chữ số"),
        (dict(people_count=0), "Số người"),
        (dict(temperature=45.0), "Nhiệt độ"),
        (dict(direction="up"), "Chiều đi"),
        (dict(full_name="A" * 200), "dài quá"),
        (dict(site_id=9999), "Không tìm thấy chốt"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_written(db, sites, changes, message) -> None:
    data = dict(site_id=sites["cau"], full_name="Lý Thị Mỹ Nguyệt", arrived_at=NOW)
    data.update(changes)
    with pytest.raises(UserError, match=message):
        add_entry(db, EntryInput(**data))
    assert count_rows(db) == 0


def test_a_few_minutes_of_clock_drift_are_allowed(db, sites) -> None:
    entry = add_entry(db, EntryInput(sites["cau"], "Ma Văn Khánh", NOW + timedelta(minutes=5)))
    assert entry.local_time == NOW + timedelta(minutes=5)


def test_a_naive_time_is_local_time(db, sites) -> None:
    naive = datetime.combine(TODAY, time(0, 30))
    entry = add_entry(db, EntryInput(sites["cau"], "Bế Hữu Dũng", naive), now=at(TODAY, 23))
    assert entry.local_time.replace(tzinfo=None) == naive
    assert [e.id for e in list_entries(db, TODAY)] == [entry.id]


def test_edit_returns_before_and_after_and_bad_edits_change_nothing(db, sites) -> None:
    entry = add_entry(db, EntryInput(sites["cau"], "Hoàng Thị Thủy", NOW, from_place="Hà Nội"))
    data = entry.as_input()
    before, after = edit_entry(
        db,
        entry.id,
        EntryInput(**{**data.__dict__, "from_place": "Bắc Giang", "site_id": sites["napai"]}),
    )
    assert before.from_place == "Hà Nội" and before.site_name == "Chốt kiểm soát Cầu Bằng Lãng"
    assert after.from_place == "Bắc Giang" and after.site_name == "Chốt kiểm soát Nà Pài"
    with pytest.raises(UserError, match="10 chữ số"):
        edit_entry(db, entry.id, EntryInput(**{**data.__dict__, "phone": "123"}))
    assert list_entries(db, TODAY)[0].from_place == "Bắc Giang"
    undo, _ = edit_entry(db, entry.id, before.as_input())  # undo puts it back
    assert list_entries(db, TODAY)[0].from_place == "Hà Nội"
    assert undo.from_place == "Bắc Giang"
    with pytest.raises(UserError, match="Không tìm thấy"):
        edit_entry(db, 9999, data)


def test_delete_and_undo_bring_back_the_same_entry(db, sites) -> None:
    entry = add_entry(
        db, EntryInput(sites["cau"], "Triệu Quốc Vững", NOW, vehicle_plate="97B1-12345")
    )
    gone = delete_entry(db, entry.id)
    assert gone == entry and count_rows(db) == 0
    with pytest.raises(UserError, match="Không tìm thấy"):
        delete_entry(db, entry.id)
    back = restore_entry(db, gone)
    assert (back.id, back.created_at) == (entry.id, entry.created_at)
    assert back.uuid != entry.uuid  # the deletion is final for the district: a new record
    assert dataclasses.replace(back, uuid=entry.uuid) == entry
    assert search_entries(db, "97b1") == [back]
    with pytest.raises(UserError, match="vẫn còn"):
        restore_entry(db, gone)
    delete_entry(db, back.id)  # and again: undo, redo, undo...
    again = restore_entry(db, back)
    assert again.id == entry.id and count_rows(db) == 1
    with db.session() as s:
        actions = s.scalars(
            select(AuditEntry.action)
            .where(AuditEntry.table_name == "checkpoint_entry")
            .order_by(AuditEntry.id)
        ).all()
    assert actions == ["create", "delete", "create", "delete", "create"]


def test_many_entries_go_in_at_once_or_not_at_all(db, sites) -> None:
    items = [
        EntryInput(sites["cau"], f"Người thứ {n}", NOW - timedelta(minutes=n), phone="0912345678")
        for n in range(1, 51)
    ]
    bad = list(items)
    bad[2] = EntryInput(sites["cau"], "Người sai", NOW, phone="0912")
    with pytest.raises(UserError, match="^Dòng 3: Số điện thoại"):
        add_entries(db, bad)
    assert count_rows(db) == 0
    assert add_entries(db, items) == 50
    assert add_entries(db, []) == 0
    listed = list_entries(db, TODAY) + list_entries(db, TODAY - timedelta(days=1))
    assert len(listed) == 50 and listed[0].full_name == "Người thứ 1"  # newest first
    with db.session() as s:
        rows = s.scalars(select(CheckpointEntry)).all()
        assert len({r.uuid for r in rows}) == 50
        assert all(r.device_id == db.device_id and r.search_key for r in rows)
        imports = s.scalars(select(AuditEntry).where(AuditEntry.action == "import")).all()
    assert len(imports) == 1 and "0912345678" not in (imports[0].after or "")


def test_roles_are_checked_for_single_and_bulk_writes(db, sites) -> None:
    db.accounts_enabled = True
    db.actor = Actor(1, "xem", "Người xem", "viewer")
    with pytest.raises(PermissionDenied):
        add_entry(db, EntryInput(sites["cau"], "Hà Văn A", NOW))
    with pytest.raises(PermissionDenied):
        add_entries(db, [EntryInput(sites["cau"], "Hà Văn A", NOW)])
    db.actor = Actor(2, "truongca", "Nông Đức Mạnh", "shift_leader")
    entry = add_entry(db, EntryInput(sites["cau"], "Hà Văn A", NOW))
    assert entry.recorded_by == "Nông Đức Mạnh"
    assert count_rows(db) == 1


# -- reading ----------------------------------------------------------------------------------


def test_a_day_is_the_local_calendar_day(db, sites) -> None:
    yesterday = TODAY - timedelta(days=1)
    late = add_entry(db, EntryInput(sites["cau"], "Đêm Qua", at(yesterday, 23, 59)))
    early = add_entry(db, EntryInput(sites["cau"], "Sáng Nay", at(TODAY, 0, 0)), now=at(TODAY, 1))
    other = add_entry(
        db, EntryInput(sites["napai"], "Chốt Khác", at(TODAY, 0, 5)), now=at(TODAY, 1)
    )
    assert [e.id for e in list_entries(db, yesterday)] == [late.id]
    assert [e.id for e in list_entries(db, TODAY)] == [other.id, early.id]
    assert [e.id for e in list_entries(db, TODAY, newest_first=False)] == [early.id, other.id]
    assert [e.id for e in list_entries(db, TODAY, sites["cau"])] == [early.id]


def test_search_by_folded_name_or_plate(db, sites) -> None:
    an = add_entry(db, EntryInput(sites["cau"], "Nguyễn Văn An", NOW, vehicle_plate="97A-123.45"))
    add_entry(db, EntryInput(sites["napai"], "Đặng Thị Ân", NOW, vehicle_plate="29B1-555.66"))
    assert [e.full_name for e in search_entries(db, "nguyen van an")] == ["Nguyễn Văn An"]
    assert len(search_entries(db, "AN")) == 2
    assert search_entries(db, "97a12345") == [an]
    assert search_entries(db, "97A-123.45") == [an]
    assert search_entries(db, "123.45") == [an]
    assert [e.full_name for e in search_entries(db, "dang")] == ["Đặng Thị Ân"]
    assert search_entries(db, "an", site_id=sites["napai"])[0].full_name == "Đặng Thị Ân"
    assert search_entries(db, "%") == [] and search_entries(db, "_") == []
    assert search_entries(db, "  ") == []


def test_sites_are_found_by_folded_or_partial_name(db, sites) -> None:
    make_site(db, "Điểm cách ly Trường THCS", kind="quarantine")
    names = [s.name for s in log_sites(db)]
    assert names[-1] == "Điểm cách ly Trường THCS"  # checkpoints first
    assert find_site(db, "chot kiem soat na pai").id == sites["napai"]
    assert find_site(db, "cầu").id == sites["cau"]
    with pytest.raises(UserError, match="nhiều chốt"):
        find_site(db, "chốt kiểm soát")
    with pytest.raises(UserError, match="Không có chốt nào"):
        find_site(db, "Bản Cuôn")


def test_recent_places_come_most_used_first(db, sites) -> None:
    for place in ("Hà Nội", "Bắc Giang", "Hà Nội", "Bình Dương", "Hà Nội", "Bắc Giang"):
        add_entry(db, EntryInput(sites["cau"], "Hà Văn A", NOW, from_place=place))
    assert recent_places(db) == ["Hà Nội", "Bắc Giang", "Bình Dương"]
    with pytest.raises(ValueError):
        recent_places(db, column="phone")


def test_daily_counts(db, sites) -> None:
    def add(site: str, name: str, **kw) -> None:
        add_entry(db, EntryInput(sites[site], name, kw.pop("when", NOW), **kw))

    add("cau", "Một", from_place="Hà Nội", health_declared=True, vehicle_kind="Đi bộ")
    add("cau", "Hai", from_place="ha noi", vehicle_plate="29A-111.22", people_count=3)
    add("cau", "Ba", from_place="HÀ NỘI", vehicle_kind="Xe máy", health_declared=True)
    add("napai", "Bốn", from_place="Bắc Giang", temperature=38.2, health_declared=True)
    add("napai", "Năm", from_place="", people_count=2, vehicle_kind="Ô tô con")
    add("napai", "Ra", direction="out", people_count=4, vehicle_plate="97A-222.33")
    add("cau", "Hôm qua", when=NOW - timedelta(days=1), people_count=9)

    every = daily_counts(db, TODAY)
    assert every.entries == 6
    assert every.people == 1 + 3 + 1 + 1 + 2
    assert every.vehicles == 3  # a plate, a motorbike, a car; not on foot, not leaving
    assert every.undeclared == 3 + 2  # "Hai" and his passengers, "Năm" and hers
    assert every.fever == 1
    assert every.people_out == 4
    assert every.by_place == {"Hà Nội": 5, "(không ghi)": 2, "Bắc Giang": 1}
    assert list(every.by_place.values()) == [5, 2, 1]  # most people first
    assert every.by_site == {"Chốt kiểm soát Cầu Bằng Lãng": 5, "Chốt kiểm soát Nà Pài": 3}

    one = daily_counts(db, TODAY, sites["napai"])
    assert (one.people, one.vehicles, one.undeclared, one.fever, one.people_out) == (3, 1, 2, 1, 4)
    assert one.by_site == {}
    assert one.to_json()["day"] == TODAY.isoformat()

    empty = daily_counts(db, TODAY + timedelta(days=3))
    assert (empty.entries, empty.people, empty.by_place) == (0, 0, {})
