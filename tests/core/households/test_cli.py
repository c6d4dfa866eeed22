"""``fieldapp household ...`` driven in-process like a user would."""

from __future__ import annotations

import copy
import json

from openpyxl import load_workbook

from fieldapp.cli import main
from tests.core.households.workbooks import TODAY, write_list


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_area_import_list_status_export(tmp_path, capsys, households):
    data = str(tmp_path / "d")
    code, out, _ = run(
        capsys,
        "household", "area", "add", "Khu phong tỏa thôn Nà Pài",
        "--start", "11/08/2021", "--planned-end", "01/09/2021",
        "--villages", "Nà Pài", "--decision", "QĐ 45/QĐ-UBND", "--data-dir", data,
    )  # fmt: skip
    assert code == 0 and "Nà Pài" in out
    bad = copy.deepcopy(households)
    bad[3].people[0].citizen_id = "00608500"  # too short: kept as typed, marked for checking
    path = tmp_path / "list.xlsx"
    where = write_list(path, bad)
    code, out, _ = run(
        capsys, "household", "import", str(path), "--area", "khu phong toa thon na pai",
        "--json", "--data-dir", data,
    )  # fmt: skip
    assert code == 0
    result = json.loads(out)
    assert {"households", "people", "F0", "F1", "rejected", "warnings", "sheets"} <= set(result)
    assert result["households"] == 12  # nobody dropped
    assert result["people"] == sum(len(h.people) for h in bad)
    assert (result["F0"], result["F1"]) == (1, len(bad[1].people))
    assert result["rejected"] == []
    warning = next(w for w in result["warnings"] if w["row"] == where[(3, 0)])
    assert warning["sheet"] == "Danh sách" and warning["column"].startswith("F (")
    assert "chữ số" in warning["reason"] and "cần kiểm tra" in warning["reason"]
    (sheet,) = result["sheets"]
    left_out = sheet.pop("left_out")
    assert sheet == {"name": "Danh sách", "households": 12, "people": result["people"]}
    assert {"rows": [55, 55], "reason": "dòng tổng cộng, ngày tháng hoặc chữ ký"} in left_out
    assert "608500" not in out

    # The same file again: nothing new, in words this time.
    code, out, _ = run(
        capsys, "household", "import", str(path), "--area", "Khu phong tỏa thôn Nà Pài",
        "--data-dir", data,
    )  # fmt: skip
    assert "hộ mới 0, hộ cập nhật 0" in out and "không ghi gì" in out
    assert f"dòng {where[(3, 0)]}" in out and "608500" not in out

    code, out, _ = run(capsys, "household", "worklist", "--json", "--data-dir", data)
    to_check = json.loads(out)["ids_to_check"]
    assert [line["head_name"] for line in to_check] == [bad[3].people[0].full_name]
    assert "chữ số" in to_check[0]["people"][0]["note"]

    code, out, _ = run(capsys, "household", "area", "list", "--json", "--data-dir", data)
    areas = json.loads(out)
    assert areas[0]["households"] == 12 and areas[0]["f0"] == 1
    hid = to_check[0]["household_id"]
    code, out, _ = run(capsys, "household", "show", str(hid), "--json", "--data-dir", data)
    shown = json.loads(out)["members"][0]
    assert shown["id_kind"] == "other" and shown["id_check"] and "608500" not in out

    saved = tmp_path / "xem-lai.xlsx"
    code, _out, err = run(
        capsys, "household", "import", str(path), "--area", "Khu phong tỏa thôn Nà Pài",
        "--dry-run", "--save-attention", str(saved), "--data-dir", data,
    )  # fmt: skip
    assert code == 0 and saved.exists() and f"{len(bad[3].people)} dòng" in err  # the household
    names = [c.value for c in load_workbook(saved).active["B"]]
    assert bad[3].people[0].full_name in names and bad[0].people[0].full_name not in names

    code, out, _ = run(capsys, "household", "list", "--status", "F0", "--json", "--data-dir", data)
    listed = json.loads(out)
    assert listed["total"] == 1 and listed["households"][0]["head"] == bad[0].people[0].full_name
    hid = listed["households"][0]["id"]

    code, out, _ = run(capsys, "household", "show", str(hid), "--json", "--data-dir", data)
    detail = json.loads(out)
    person = detail["members"][1]
    assert all(
        m["citizen_id"] is None or m["citizen_id"].startswith("•") for m in detail["members"]
    )
    code, out, _ = run(
        capsys, "household", "status", str(person["id"]), "F1", "--isolation", "tại nhà",
        "--from", "20/08/2021", "--author", "Lường Thị Mai", "--data-dir", data,
    )  # fmt: skip
    assert code == 0
    code, out, _ = run(capsys, "household", "show", str(hid), "--json", "--data-dir", data)
    person = json.loads(out)["members"][1]
    assert (person["status"], person["isolation"], person["isolation_end"]) == (
        "F1",
        "home",
        "2021-09-03",
    )
    code, out, _ = run(
        capsys, "household", "status", str(person["id"]), "--undo", "--data-dir", data
    )
    code, out, _ = run(capsys, "household", "show", str(hid), "--json", "--data-dir", data)
    assert json.loads(out)["members"][1]["status"] == ""

    export = tmp_path / "out.xlsx"
    code, out, _ = run(capsys, "household", "export", str(export), "--yes", "--data-dir", data)
    assert code == 0 and "12 hộ" in out
    sheet = load_workbook(export).active
    assert sheet["A4"].value.startswith("DANH SÁCH HỘ GIA ĐÌNH")
    assert (sheet["C7"].value, sheet["C8"].value, sheet["D8"].value) == ("Năm sinh", "Nam", "Nữ")
    assert "C7:D7" in {str(r) for r in sheet.merged_cells.ranges}
    cccd = [c.value for c in sheet["F"][9:] if isinstance(c.value, str) and c.value.isdigit()]
    assert cccd and all(len(v) == 12 and v.startswith("006") for v in cccd if len(v) > 6)
    assert "608500" in cccd  # the number as typed travels on, as text
    assert TODAY.year == 2021


def test_errors_are_one_clear_line(tmp_path, capsys):
    data = str(tmp_path / "d")
    code, _out, err = run(
        capsys, "household", "import", str(tmp_path / "x.xlsx"), "--area", "Khu A",
        "--data-dir", data,
    )  # fmt: skip
    assert code == 2 and "Không có khu vực phong tỏa tên Khu A" in err
    code, _out, err = run(capsys, "household", "status", "1", "F9", "--data-dir", data)
    assert code == 2 and "F0, F1, F2" in err
    code, _out, err = run(capsys, "household", "worklist", "--json", "--data-dir", data)
    assert code == 0


def test_import_undo_and_dry_run(tmp_path, capsys, households):
    data = str(tmp_path / "d")
    run(capsys, "household", "area", "add", "Khu A", "--start", "11/08/2021", "--data-dir", data)
    path = tmp_path / "list.xlsx"
    write_list(path, households)
    code, out, _ = run(
        capsys, "household", "import", str(path), "--area", "Khu A", "--dry-run", "--json",
        "--data-dir", data,
    )  # fmt: skip
    assert code == 0 and json.loads(out)["dry_run"] and json.loads(out)["households"] == 12
    code, out, _ = run(capsys, "household", "area", "list", "--json", "--data-dir", data)
    assert json.loads(out)[0]["households"] == 0  # the dry run wrote nothing
    run(capsys, "household", "import", str(path), "--area", "Khu A", "--data-dir", data)
    code, out, _ = run(capsys, "household", "area", "list", "--json", "--data-dir", data)
    assert json.loads(out)[0]["households"] == 12
    code, out, _ = run(
        capsys, "household", "import", "--undo", "--area", "Khu A", "--data-dir", data
    )
    assert code == 0 and "Đã hoàn tác" in out and "list.xlsx" in out
    code, out, _ = run(capsys, "household", "area", "list", "--json", "--data-dir", data)
    assert json.loads(out)[0]["households"] == 0
    code, _out, err = run(
        capsys, "household", "import", "--undo", "--area", "Khu A", "--data-dir", data
    )
    assert code != 0 and "đã được hoàn tác" in err
