"""Issue 18 part 4 on the command line: at a district ``fieldapp roster site list`` and
``staff list`` name each row's commune and take ``--commune NAME`` (typed loosely); at a
commune they are as before. (Kept beside the window's test of the same lists.)"""

# ruff: noqa: F811 - the district fixture is shared with test_district
from __future__ import annotations

import json
from datetime import date

import pytest

from fieldapp.cli import main
from fieldapp.rostering.store import add_site, add_staff
from fieldapp.settings import set_setting
from tests.core.sync.test_district import district_world  # noqa: F401


@pytest.fixture
def district_dir(district_world):
    office, a, *_ = district_world
    set_setting(office, "sync.district_mode", True)
    add_site(office, "Chốt huyện Bản Áng", active_from=date.today())
    add_staff(office, "Lường Văn Huyện", unit="Công an huyện", roles=["police"])
    data_dir = str(office.paths.data_dir)
    commune_dir = str(a.paths.data_dir)
    office.close()
    a.close()
    return data_dir, commune_dir


def run_json(capsys, *args: str) -> list[dict]:
    capsys.readouterr()
    assert main([*args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_site_and_staff_list_by_commune_at_a_district(district_dir, capsys):
    data_dir, _ = district_dir
    sites = run_json(capsys, "roster", "site", "list", "--data-dir", data_dir)
    assert {(s["name"], s["commune"]) for s in sites} == {
        ("Chốt A 0", "xã Bằng Lãng"),
        ("Chốt A 1", "xã Bằng Lãng"),
        ("Chốt A 2", "xã Bằng Lãng"),
        ("Chốt B 0", "xã Nam Cường"),
        ("Chốt C 0", "xã Yên Thượng"),
        ("Chốt C 1", "xã Yên Thượng"),
        ("Chốt huyện Bản Áng", ""),
    }
    args = ("roster", "site", "list", "--commune", "yen thuong", "--data-dir", data_dir)
    sites = run_json(capsys, *args)
    assert sorted(s["name"] for s in sites) == ["Chốt C 0", "Chốt C 1"]
    assert {s["commune"] for s in sites} == {"xã Yên Thượng"}
    people = run_json(capsys, "roster", "staff", "list", "--data-dir", data_dir)
    assert sorted((p["name"], p["commune"]) for p in people) == [
        ("Công an A", "xã Bằng Lãng"),
        ("Công an B", "xã Nam Cường"),
        ("Công an C", "xã Yên Thượng"),
        ("Lường Văn Huyện", ""),
    ]
    args = ("roster", "staff", "list", "--commune", "Xã Bằng Lãng", "--data-dir", data_dir)
    assert [p["name"] for p in run_json(capsys, *args)] == ["Công an A"]
    # as text: the commune after each row, the district's own as "máy này"
    assert main(["roster", "site", "list", "--commune", "Bằng Lãng", "--data-dir", data_dir]) == 0
    out = capsys.readouterr().out
    assert "Chốt A 1" in out and "(xã Bằng Lãng)" in out and "Chốt C 0" not in out
    assert "Cộng: 3 điểm trực của Bằng Lãng" in out
    assert main(["roster", "staff", "list", "--data-dir", data_dir]) == 0
    out = capsys.readouterr().out
    assert "Lường Văn Huyện — Công an huyện" in out and "(máy này)" in out
    assert "Cộng: 4 người" in out


def test_an_unknown_commune_is_refused_and_a_commune_lists_as_before(district_dir, capsys):
    data_dir, commune_dir = district_dir
    capsys.readouterr()
    args = ["roster", "site", "list", "--commune", "Xã Không Có", "--data-dir", data_dir]
    assert main(args) != 0
    assert "Bằng Lãng" in capsys.readouterr().err  # the known communes are named
    sites = run_json(capsys, "roster", "site", "list", "--data-dir", commune_dir)
    assert [s["name"] for s in sites] == ["Chốt A 0", "Chốt A 1", "Chốt A 2"]
    assert all("commune" not in s for s in sites)
    assert main(["roster", "staff", "list", "--data-dir", commune_dir]) == 0
    out = capsys.readouterr().out
    assert "Công an A" in out and "máy này" not in out and "Cộng: 1 người" in out
