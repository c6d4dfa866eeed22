"""Export to the commune layout, and read back without changing anything."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from fieldapp.errors import UserError
from fieldapp.households.excel_export import export_households
from fieldapp.households.excel_import import apply_import, preview_import, read_roster
from fieldapp.households.listing import HouseholdFilter, household_ids
from fieldapp.households.service import AreaInput, add_area, change_status, household_detail
from tests.core.households.workbooks import TODAY, write_list


def test_export_reads_back_unchanged(db, area_id, tmp_path, households):
    source = tmp_path / "in.xlsx"
    write_list(source, households)
    apply_import(db, read_roster(source, today=TODAY), area_id)
    hid = household_ids(db, HouseholdFilter(today=TODAY))[3]
    person = household_detail(db, hid).members[0]
    change_status(db, person.id, "negative", start=TODAY, author="Trạm Y tế")
    add_area(db, AreaInput(name="Khu Bản Lác: tổ 1/2", started_on=TODAY))

    out = tmp_path / "out.xlsx"
    result = export_households(db, out, today=TODAY)
    assert (result.sheets, result.households, result.unknown_sex) == (2, 12, 0)
    book = load_workbook(out)
    assert book.sheetnames == ["Khu Bản Lác  tổ 1 2", "Khu phong tỏa thôn Nà Pài"]  # newest first
    sheet = book["Khu phong tỏa thôn Nà Pài"]
    assert sheet.cell(9, 1).value == "(1)"  # the numbering row
    assert sheet.cell(10, 1).value == 1 and sheet.cell(10, 6).number_format == "@"
    total = next(
        r for r in sheet.iter_rows(min_col=1, max_col=1) if str(r[0].value).startswith("Tổng")
    )
    assert f"12 hộ, {result.people} nhân khẩu" in total[0].value

    again = preview_import(db, out, area_id, today=TODAY)
    assert [r for r in again.rows if r.problems] == []
    assert (again.new_households, again.updated_households, again.status_changes) == (0, 0, 0)
    assert (again.new_people, again.updated_people) == (0, 0)
    assert again.count_status("negative") == 1


def test_export_refuses_a_bad_name_and_an_unwritable_place(db, area_id, tmp_path):
    with pytest.raises(UserError, match=".xlsx"):
        export_households(db, tmp_path / "out.csv")
    folder = tmp_path / "dir.xlsx"
    folder.mkdir()
    with pytest.raises(UserError, match="là một thư mục"):
        export_households(db, folder)
    assert list(folder.iterdir()) == []
