"""Issue 18 part 4: at a district the checkpoint log knows each line's commune (from the
device that wrote it, through the real export/import path) and filters by one commune, in
the core and on the CLI (``checkpoint list/search --commune``)."""

# ruff: noqa: F811 - the district fixture is shared with test_district
from __future__ import annotations

import json
from datetime import date

import pytest

from fieldapp.checkpoints.log import EntryInput, add_entry, list_entries, log_sites, search_entries
from fieldapp.cli import main
from fieldapp.errors import UserError
from fieldapp.settings import set_setting
from fieldapp.sync.district import commune_of_devices, devices_of_commune
from fieldapp.sync.package import export_package
from fieldapp.sync.receive import import_package
from tests.core.sync.test_district import district_world  # noqa: F401

ARRIVALS = {
    "a": ["Nguyễn Văn An", "Lò Thị Hòa"],
    "c": ["Đinh Văn Thúy", "Nguyễn Thị Bích", "Hà Văn Nguyễn"],
}


@pytest.fixture
def log_district(district_world):
    district, a, b, c, tmp = district_world
    set_setting(district, "sync.district_mode", True)
    for key, db in (("a", a), ("c", c)):
        site = log_sites(db)[0]
        for name in ARRIVALS[key]:
            add_entry(db, EntryInput(site_id=site.id, full_name=name, from_place="Hà Nội"))
        import_package(district, export_package(db, tmp / f"{key}-log.fieldsync").path)
    return district_world


def test_entries_know_their_commune_and_filter_by_one(log_district):
    district, a, _b, c, _tmp = log_district
    today = date.today()
    names = commune_of_devices(district)
    everyone = list_entries(district, today)
    assert (
        sorted(names[e.device_id] for e in everyone) == ["xã Bằng Lãng"] * 2 + ["xã Yên Thượng"] * 3
    )
    yen = list_entries(district, today, devices=devices_of_commune(district, "yen thuong"))
    assert sorted(e.full_name for e in yen) == sorted(ARRIVALS["c"])
    assert list_entries(district, today, devices=devices_of_commune(district, "Nam Cường")) == []
    # the search by name at a district, in one commune: "nguyen" is in both communes
    found = search_entries(district, "nguyen", devices=devices_of_commune(district, "Bằng Lãng"))
    assert [e.full_name for e in found] == ["Nguyễn Văn An"]
    assert len(search_entries(district, "nguyen")) == 3
    # in a commune the entries are its own
    assert {e.device_id for e in list_entries(c, today)} == {c.device_id}


def test_cli_checkpoint_list_and_search_by_commune(log_district, capsys):
    district, *_ = log_district
    data_dir = str(district.paths.data_dir)
    district.close()
    capsys.readouterr()
    assert main(["checkpoint", "list", "--json", "--data-dir", data_dir]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert sorted(r["commune"] for r in rows) == ["xã Bằng Lãng"] * 2 + ["xã Yên Thượng"] * 3
    args = ["checkpoint", "list", "--commune", "Yên Thượng", "--json", "--data-dir", data_dir]
    assert main(args) == 0
    rows = json.loads(capsys.readouterr().out)
    assert sorted(r["full_name"] for r in rows) == sorted(ARRIVALS["c"])
    assert {r["commune"] for r in rows} == {"xã Yên Thượng"}
    assert main(["checkpoint", "list", "--commune", "bang lang", "--data-dir", data_dir]) == 0
    out = capsys.readouterr().out
    assert "2 lượt" in out and "xã Bằng Lãng" in out and "Đinh Văn Thúy" not in out
    args = ["checkpoint", "search", "nguyen", "--commune", "yen thuong", "--json"]
    assert main([*args, "--data-dir", data_dir]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert sorted(r["full_name"] for r in rows) == ["Hà Văn Nguyễn", "Nguyễn Thị Bích"]


def test_an_unknown_commune_is_refused(log_district, capsys):
    district, *_ = log_district
    with pytest.raises(UserError) as err:
        devices_of_commune(district, "Xã Không Có")
    assert "xã Bằng Lãng" in str(err.value)
    data_dir = str(district.paths.data_dir)
    district.close()
    capsys.readouterr()
    args = ["checkpoint", "list", "--commune", "Không Có", "--data-dir", data_dir]
    assert main(args) != 0
    captured = capsys.readouterr()
    assert "Không Có" in captured.err + captured.out
