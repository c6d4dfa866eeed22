"""Issue 18 part 4: at a district, every household row knows its commune (from the device it
came from, through the real export/import path), and the list filters by commune."""

# ruff: noqa: F811 - the district fixture is shared with test_district
from __future__ import annotations

import json

import pytest

from fieldapp.cli import main
from fieldapp.errors import UserError
from fieldapp.households.listing import HouseholdFilter, household_ids, household_rows
from fieldapp.sync.district import commune_of_devices, devices_of_commune
from tests.core.sync.test_district import district_world  # noqa: F401


def test_rows_know_their_commune_and_filter_by_one(district_world):
    district, a, b, c, _tmp = district_world
    names = commune_of_devices(district)
    assert sorted(names.values()) == ["xã Bằng Lãng", "xã Nam Cường", "xã Yên Thượng"]
    assert names[a.device_id] == "xã Bằng Lãng" and district.device_id not in names
    everyone = household_rows(district, household_ids(district, HouseholdFilter()))
    assert len(everyone) == 5 + 2 + 4 + 3  # each commune's ended area keeps one household
    by_commune = {}
    for row in everyone:
        by_commune.setdefault(names[row.device_id], []).append(row.head_name)
    assert sorted(by_commune["xã Nam Cường"]) == ["Hộ B 0", "Hộ B 1", "Hộ cũ"]
    # typed loosely, without tones or the unit word
    for typed in ("nam cuong", "Xã Nam Cường", "NAM CƯỜNG"):
        flt = HouseholdFilter(devices=devices_of_commune(district, typed))
        rows = household_rows(district, household_ids(district, flt))
        assert sorted(r.head_name for r in rows) == ["Hộ B 0", "Hộ B 1", "Hộ cũ"]
    # the commune's own device only: the district's own rows are in no commune
    assert devices_of_commune(district, "yen thuong") == (c.device_id,)


def test_an_unknown_commune_is_refused_naming_the_known_ones(district_world):
    district, *_ = district_world
    with pytest.raises(UserError, match="Bằng Lãng"):
        devices_of_commune(district, "Quảng Bạch")


def test_cli_household_list_by_commune_with_the_commune_in_json(district_world, capsys):
    district, *_ = district_world
    data_dir = str(district.paths.data_dir)
    district.close()
    capsys.readouterr()
    assert (
        main(["household", "list", "--commune", "bang lang", "--json", "--data-dir", data_dir]) == 0
    )
    out = json.loads(capsys.readouterr().out)
    assert out["total"] == 6
    assert {h["commune"] for h in out["households"]} == {"xã Bằng Lãng"}
    assert main(["household", "list", "--json", "--data-dir", data_dir]) == 0
    communes = [h["commune"] for h in json.loads(capsys.readouterr().out)["households"]]
    assert sorted(set(communes)) == ["xã Bằng Lãng", "xã Nam Cường", "xã Yên Thượng"]
    assert main(["household", "list", "--commune", "Quảng Bạch", "--data-dir", data_dir]) != 0
    assert "Bằng Lãng" in capsys.readouterr().err


def test_cli_worklist_and_followup_by_commune(district_world, capsys):
    district, *_ = district_world
    data_dir = str(district.paths.data_dir)
    district.close()
    capsys.readouterr()
    assert main(["household", "worklist", "--json", "--data-dir", data_dir]) == 0
    lists = json.loads(capsys.readouterr().out)
    assert {x["commune"] for x in lists["not_tested"]} == {
        "xã Bằng Lãng",
        "xã Nam Cường",
        "xã Yên Thượng",
    }
    args = ["household", "worklist", "--commune", "yen thuong", "--json", "--data-dir", data_dir]
    assert main(args) == 0
    lists = json.loads(capsys.readouterr().out)
    assert lists["not_tested"] and {x["commune"] for x in lists["not_tested"]} == {"xã Yên Thượng"}
    assert all(x["commune"] == "xã Yên Thượng" for v in lists.values() for x in v)

    # F0 at home are followed: two in Bằng Lãng, one in Yên Thượng
    assert main(["household", "followup", "--json", "--data-dir", data_dir]) == 0
    everyone = json.loads(capsys.readouterr().out)
    assert sorted(p["commune"] for p in everyone["due"]) == [
        "xã Bằng Lãng",
        "xã Bằng Lãng",
        "xã Yên Thượng",
    ]
    args = ["household", "followup", "--commune", "Bằng Lãng", "--json", "--data-dir", data_dir]
    assert main(args) == 0
    one = json.loads(capsys.readouterr().out)
    assert [p["commune"] for p in one["due"]] == ["xã Bằng Lãng", "xã Bằng Lãng"]
    assert one["followed"] == 2


def test_cli_directive_list_by_commune(district_world, capsys):
    district, *_ = district_world
    data_dir = str(district.paths.data_dir)
    district.close()
    capsys.readouterr()
    assert main(["directive", "list", "--json", "--data-dir", data_dir]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert sorted((r["number"], r["commune"]) for r in rows) == [
        ("A/KH-UBND", "xã Bằng Lãng"),
        ("C/KH-UBND", "xã Yên Thượng"),
    ]
    args = ["directive", "list", "--commune", "yên thượng", "--json", "--data-dir", data_dir]
    assert main(args) == 0
    assert [r["number"] for r in json.loads(capsys.readouterr().out)] == ["C/KH-UBND"]
    assert main(["directive", "list", "--commune", "nam cuong", "--data-dir", data_dir]) == 0
    assert "0 văn bản" in capsys.readouterr().out
