"""Importing real-looking commune Excel lists: headers, numbers, dates, problems, re-import."""

from __future__ import annotations

import copy
import re
from datetime import timedelta

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from fieldapp.errors import UserError
from fieldapp.households import import_write
from fieldapp.households.excel_import import apply_import, preview_import, read_roster
from fieldapp.households.models import HealthStatus, Household, HouseholdMember
from fieldapp.households.service import AreaInput, add_area
from tests.core.households.workbooks import TODAY, Column, write_list


def counts(db) -> tuple[int, int, int]:
    with db.session() as s:
        return (
            s.scalar(select(func.count()).select_from(Household)),
            s.scalar(select(func.count()).select_from(HouseholdMember)),
            s.scalar(select(func.count()).select_from(HealthStatus)),
        )


def test_reads_a_real_looking_list(tmp_path, households):
    path = tmp_path / "na-pai.xlsx"
    where = write_list(path, households, group_row=None)
    preview = read_roster(path, today=TODAY)
    assert preview.header_rows == (7, 8)
    assert preview.columns["birth_M"].startswith("C (Năm sinh / Nam")
    assert preview.columns["birth_F"].startswith("D (Năm sinh / Nữ")
    assert preview.columns["iso_end"].startswith("M (Thời gian cách ly / Đến ngày")
    assert [r for r in preview.rows if r.problems] == []
    assert len(preview.households) == 12
    assert preview.people == sum(len(h.people) for h in households)
    for got, want in zip(preview.households, households, strict=True):
        assert got.village == "Nà Pài" and got.poor == want.poor
        assert got.phone == want.phone  # leading zero restored from a number cell
        for p, q in zip(got.people, want.people, strict=True):
            assert (p.full_name, p.birth_year, p.sex) == (q.full_name, q.birth_year, q.sex)
            assert p.citizen_id == q.citizen_id  # "006..." from a number that lost two zeros
            assert (p.status, p.isolation, p.iso_start, p.iso_end) == (
                q.status,
                q.isolation,
                q.iso_start,
                q.iso_end,
            )
            assert p.relation == q.relation
    # The head row starts the household, members follow without STT.
    assert preview.households[1].row == where[(1, 0)]
    # Notes like "Tăng huyết áp" mark a chronic illness; the signer under the table is no one.
    chronic = [p for h in preview.households for p in h.people if p.notes]
    assert chronic and all("chronic" in p.flags for p in chronic)
    names = {p.full_name for h in preview.households for p in h.people}
    assert "Hoàng Văn Thắng" not in names and "Người lập biểu" not in names
    assert preview.rows[-1].kind == "total"


def test_village_group_rows_and_relation_driven_layout(tmp_path, households):
    """STT on every person, the head told by the relation column, a "Thôn ..." group row,
    sex in its own column, dates of birth as text, CCCD as text."""
    columns = [
        Column("TT", None, lambda h, p, i, head: None),
        Column("Họ tên", None, lambda h, p, i, head: p.full_name),
        Column("Ngày sinh", None, lambda h, p, i, head: f"01/06/{p.birth_year}"),
        Column("Giới tính", None, lambda h, p, i, head: "Nam" if p.sex == "M" else "Nữ"),
        Column("Quan hệ", None, lambda h, p, i, head: p.relation),
        Column("CCCD", None, lambda h, p, i, head: p.citizen_id),
        Column("Địa chỉ", None, lambda h, p, i, head: f"Số {h.house_number or 1}"),
    ]
    numbered = iter(range(1, 1000))
    columns[0] = Column("TT", None, lambda h, p, i, head: next(numbered))
    path = tmp_path / "b.xlsx"
    write_list(path, households, columns=columns, numbering_row=False, group_row="Thôn Nà Pài")
    preview = read_roster(path, today=TODAY)
    assert len(preview.households) == 12
    assert all(h.village == "Nà Pài" for h in preview.households)
    first = preview.households[0]
    assert [p.full_name for p in first.people] == [p.full_name for p in households[0].people]
    assert first.people[0].birth_date.year == households[0].people[0].birth_year
    assert [p.sex for p in first.people] == [p.sex for p in households[0].people]
    # "Số 12" in the address column is the house number; the village stays in Thôn.
    assert first.house_number == str(households[0].house_number or 1) and first.street == ""


def test_preview_writes_nothing_and_apply_writes_all(db, area_id, tmp_path, households):
    path = tmp_path / "na-pai.xlsx"
    write_list(path, households)
    preview = preview_import(db, path, area_id, today=TODAY)
    assert counts(db) == (0, 0, 0)
    assert preview.new_households == 12 and preview.updated_households == 0
    people = sum(len(h.people) for h in households)
    result = apply_import(db, preview, area_id, author="Hoàng Thị Lan")
    assert (result.households, result.people, result.f0, result.f1) == (
        12,
        people,
        1,
        len(households[1].people),
    )
    statuses = 1 + len(households[1].people)
    assert counts(db) == (12, people, statuses)
    with db.session() as s:
        entry = s.scalars(select(HealthStatus).where(HealthStatus.status == "F0")).one()
        assert entry.author == "Hoàng Thị Lan" and entry.source == "import"
        assert entry.start == TODAY - timedelta(days=3)
        head = s.scalars(select(HouseholdMember).where(HouseholdMember.status == "F0")).one()
        assert head.isolation == "central" and head.isolation_end == TODAY + timedelta(days=11)
        h = s.get(Household, head.household_id)
        assert h.head_name == households[0].people[0].full_name and h.member_count == len(
            households[0].people
        )


def test_reimport_of_the_same_list_changes_nothing(db, area_id, tmp_path, households):
    path = tmp_path / "na-pai.xlsx"
    write_list(path, households)
    apply_import(db, read_roster(path, today=TODAY), area_id)
    before = counts(db)
    again = preview_import(db, path, area_id, today=TODAY)
    assert (again.new_households, again.updated_households) == (0, 0)
    assert (again.new_people, again.updated_people, again.status_changes) == (0, 0, 0)
    assert {r.action for r in again.rows if r.kind in ("head", "member")} == {"same"}
    apply_import(db, again, area_id)
    assert counts(db) == before


def test_updated_list_updates_in_place(db, area_id, tmp_path, households):
    path = tmp_path / "v1.xlsx"
    write_list(path, households)
    apply_import(db, read_roster(path, today=TODAY), area_id)
    hh, people, statuses = counts(db)

    updated = copy.deepcopy(households)
    person = updated[2].people[0]
    person.status, person.isolation = "F1", "home"
    person.iso_start, person.iso_end = TODAY, TODAY + timedelta(days=14)
    updated[3].phone = updated[3].people[0].phone = "0912345678"
    newborn = copy.deepcopy(updated[4].people[-1])
    newborn.full_name, newborn.birth_year, newborn.citizen_id = "Ma Thị Nhài", 2021, None
    newborn.relation, newborn.status, newborn.isolation = "Con", "", ""
    newborn.iso_start = newborn.iso_end = None
    updated[4].people.append(newborn)
    extra = copy.deepcopy(updated[5])
    for p in extra.people:
        p.full_name = p.full_name.replace(p.full_name.split()[0], "Sầm", 1)
        p.citizen_id = None
    updated.append(extra)
    path2 = tmp_path / "v2.xlsx"
    write_list(path2, updated)
    preview = preview_import(db, path2, area_id, today=TODAY)
    assert preview.new_households == 1
    assert preview.updated_households == 3
    assert preview.new_people == 1 + len(extra.people)
    assert preview.status_changes == 1
    apply_import(db, preview, area_id)
    assert counts(db) == (hh + 1, people + 1 + len(extra.people), statuses + 1)
    with db.session() as s:
        member = s.scalars(
            select(HouseholdMember).where(HouseholdMember.full_name == person.full_name)
        ).first()
        assert member.status == "F1"
        head = s.scalars(
            select(HouseholdMember).where(
                HouseholdMember.full_name == updated[3].people[0].full_name
            )
        ).first()
        assert s.get(Household, head.household_id).phone == "0912345678"
        assert head.phone == "0912345678"


def test_a_corrected_head_matches_and_a_namesake_family_does_not(db, area_id, tmp_path, households):
    first = copy.deepcopy(households[:3])
    for h in first:
        h.house_number = "12"
        for p in h.people:
            p.citizen_id = None  # matching by name, address and year only
    write_list(tmp_path / "v1.xlsx", first)
    apply_import(db, read_roster(tmp_path / "v1.xlsx", today=TODAY), area_id)
    second = copy.deepcopy(first)
    second[0].people[0].birth_year -= 1  # a typo corrected: same head, same house
    namesake = copy.deepcopy(first[1])  # another family, same head's name, same village
    namesake.house_number = "40"
    namesake.people[0].birth_year -= 20
    namesake.people = namesake.people[:1]
    write_list(tmp_path / "v2.xlsx", [*second, namesake])
    preview = preview_import(db, tmp_path / "v2.xlsx", area_id, today=TODAY)
    assert (preview.new_households, preview.updated_households) == (1, 1)
    assert preview.new_people == 1 and preview.updated_people == 1


def test_nobody_dropped_problems_name_row_and_column_never_the_value(
    db, area_id, tmp_path, households
):
    bad = copy.deepcopy(households[:4])
    bad[0].people[0].citizen_id = "012345678"  # an old 9-digit CMND (Hà Nội): valid
    bad[1].people[-1].birth_year = 19655  # a typo in a member's year
    bad[2].people[0].iso_end = bad[2].people[0].iso_start = None
    bad[3].people[0].citizen_id = bad[2].people[0].citizen_id = "006085123456"
    bad[3].people[0].birth_year, bad[3].people[0].sex = 1985, "M"
    bad[2].people[0].birth_year, bad[2].people[0].sex = 1985, "M"
    path = tmp_path / "bad.xlsx"
    extra = [None, "Lò Văn Thiếu", 1970, None, "Con", None, None, None, None, None, None]
    where = write_list(
        path,
        bad,
        extra_rows=[
            [None] * 11,
            extra + ["31/02/2021"],  # a child under the last household, an impossible date
            [None, None, 1970, None, "Con"],  # no name: not a person
        ],
        spacer_every=0,
    )
    preview = preview_import(db, path, area_id, today=TODAY)
    warnings: dict[int, list] = {}
    for p in preview.warnings:
        warnings.setdefault(p.row, []).append(p)
    head_row = where[(0, 0)]
    assert head_row not in warnings  # a 9-digit CMND is a valid identity number
    assert preview.households[0].people[0].id_kind == "cmnd"
    year_row = where[(1, len(bad[1].people) - 1)]
    assert "năm sinh" in warnings[year_row][0].message
    duplicate_row = where[(3, 0)]
    dup = warnings[duplicate_row][0]
    assert f"trùng với người ở dòng {where[(2, 0)]}" in dup.message
    assert dup.column.startswith("F (Số CMND/CCCD") and "cần kiểm tra" in dup.message
    child_row = max(where.values()) + 2
    texts = [p.message for p in warnings[child_row]]
    assert any("ngày không hợp lệ" in t for t in texts)
    assert preview.households[-1].people[-1].full_name == "Lò Văn Thiếu"
    assert [(p.row, "họ tên" in p.message) for p in preview.rejected] == [(child_row + 1, True)]
    everything = " ".join(p.text() for r in preview.rows for p in r.problems)
    assert not re.search(r"\d{6,}", everything)  # no CCCD, phone or their pieces
    result = apply_import(db, preview, area_id)
    people = sum(len(h.people) for h in bad) + 1
    assert (result.households, result.people) == (4, people)
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(HouseholdMember)) == people
        second = s.scalars(
            select(HouseholdMember).where(HouseholdMember.full_name == bad[3].people[0].full_name)
        ).one()
        assert second.citizen_id is None and second.id_typed == "006085123456"
        assert "trùng" in second.id_check


def test_a_number_already_in_another_area_is_kept_for_checking(db, area_id, tmp_path, households):
    path = tmp_path / "a.xlsx"
    write_list(path, households[:2])
    apply_import(db, read_roster(path, today=TODAY), area_id)
    other = add_area(db, AreaInput(name="Khu Bản Lác", started_on=TODAY))
    preview = preview_import(db, path, other, today=TODAY)
    reasons = {p.message for p in preview.warnings}
    assert any("khu vực phong tỏa khác" in r for r in reasons)
    assert preview.new_households == 2 and preview.rejected == []


def test_a_failure_while_writing_leaves_the_database_unchanged(
    db, area_id, tmp_path, households, monkeypatch
):
    path = tmp_path / "a.xlsx"
    write_list(path, households)
    preview = read_roster(path, today=TODAY)

    def broken(*_args, **_kwargs):
        raise UserError("Ổ đĩa đã đầy")

    monkeypatch.setattr(import_write, "_household_columns", broken)
    monkeypatch.setattr(import_write, "_audit", broken)
    with pytest.raises(UserError):
        apply_import(db, preview, area_id)
    assert counts(db) == (0, 0, 0)


def _workbook(path, rows):
    wb = Workbook()
    for row in rows:
        wb.active.append(row)
    wb.save(path)


@pytest.mark.parametrize(
    "make, message",
    [
        (  # binary bytes (a text file so named is read as the .csv it is)
            lambda p: p.write_bytes(bytes(range(256)) * 8),
            "không phải tệp bảng tính",
        ),
        (lambda p: p.write_bytes(b"PK\x03\x04" + b"\x00" * 200), "hỏng"),
        (
            lambda p: _workbook(p, [["Báo cáo tuần"], ["Nội dung", "Số liệu"], ["Hộ", 12]]),
            "Họ và tên",
        ),
        (
            lambda p: _workbook(p, [["STT", "Họ và tên", "Năm sinh"], [None, None, None]]),
            "không có người nào",
        ),
    ],
)
def test_malformed_files_are_refused_cleanly(db, area_id, tmp_path, make, message):
    path = tmp_path / "list.xlsx"
    make(path)
    with pytest.raises(UserError, match=message):
        preview_import(db, path, area_id)
    assert counts(db) == (0, 0, 0)


def test_broken_xls_and_missing_files(tmp_path):
    old = tmp_path / "list.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 100)
    with pytest.raises(UserError, match="hỏng"):
        read_roster(old)
    with pytest.raises(UserError, match="Không tìm thấy tệp"):
        read_roster(tmp_path / "none.xlsx")
