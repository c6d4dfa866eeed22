"""Office levels: a district set up as a district rolls up its communes over the units it
expects; a province rolls up districts, from their communes' records or their roll-up."""

from __future__ import annotations

import dataclasses
import json
import subprocess
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from fieldapp.cli import main
from fieldapp.demo import DEMO_PROFILE
from fieldapp.households.models import Household
from fieldapp.profile import load_profile, save_profile
from fieldapp.settings import set_setting
from fieldapp.sync.district import district_summary, write_district_report
from fieldapp.sync.package import export_package
from fieldapp.sync.receive import import_package
from fieldapp.sync.units import list_units, set_expected
from tests.core.sync.helpers import new_device
from tests.core.sync.test_district import fill


def office(db, level: str, district: str = "Tuy Đức", province: str = "Đắk Nông") -> None:
    save_profile(
        db,
        dataclasses.replace(
            DEMO_PROFILE,
            level=level,
            commune_name="",
            district_name=district,
            province_name=province,
            signer_name="Nguyễn Văn Hùng",
            signer_title="CHỦ TỊCH",
            signer_authority="TM. ỦY BAN NHÂN DÂN",
            place_name="",
        ),
    )


def pdf_text(path) -> str:
    out = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return " ".join(out.split())


@pytest.fixture
def huyen(tmp_path):
    district = new_device(tmp_path, "district", commune=None)
    office(district, "district")
    communes = {
        "a": new_device(tmp_path, "a", commune="Bằng Lãng"),
        "b": new_device(tmp_path, "b", commune="Nam Cường"),
        "c": new_device(tmp_path, "c", commune="Yên Thượng"),
    }
    fill(communes["a"], "A", households=5, f0=2, f1=3, tests=7, relief=4, sites=3, staffed=2,
         overdue=1)  # fmt: skip
    fill(communes["b"], "B", households=2, f0=0, f1=1, tests=0, relief=2, sites=1, staffed=1,
         overdue=0)  # fmt: skip
    fill(communes["c"], "C", households=4, f0=1, f1=0, tests=2, relief=0, sites=2, staffed=0,
         overdue=2)  # fmt: skip
    for name, db in communes.items():
        package = export_package(db, tmp_path / f"{name}.fieldsync").path
        import_package(district, package, trust_new=True)
    yield district, communes, tmp_path
    for db in (district, *communes.values()):
        db.close()


def test_a_district_is_a_district_everywhere(huyen):
    district, _communes, tmp = huyen
    profile = load_profile(district)
    assert profile.commune_title == "Huyện Tuy Đức"
    out, summary = write_district_report(district, tmp / "huyen.pdf")
    text = pdf_text(out)
    assert "ỦY BAN NHÂN DÂN HUYỆN TUY ĐỨC" in text and "UBND TỈNH ĐẮK NÔNG" in text
    assert "TM. ỦY BAN NHÂN DÂN" in text and "Nguyễn Văn Hùng" in text
    assert "BCĐ huyện Tuy Đức" not in text.split("BÁO CÁO")[0]  # not the issuer
    assert "Xã, phường, thị trấn" in text
    assert "Tất cả 3 đơn vị phải báo cáo đã gửi số liệu đúng hạn" in text
    assert summary.completeness == "3/3"


def test_lateness_and_completeness_only_over_expected_units(huyen, capsys):
    district, _communes, tmp = huyen
    data_dir = str(district.paths.data_dir)
    # the district's list: Quảng Khê is expected but never sent; Yên Thượng is not expected
    assert main(["sync", "expect", "xã Quảng Khê", "bang lang", "--data-dir", data_dir]) == 0
    assert main(["sync", "expect", "Yên Thượng", "--not", "--data-dir", data_dir]) == 0
    capsys.readouterr()
    summary = district_summary(district)
    by = {c.commune: c for c in summary.communes}
    assert by["xã Quảng Khê"].late and by["xã Quảng Khê"].households == 0
    assert not by["xã Yên Thượng"].late and by["xã Yên Thượng"].households == 4
    assert {c.commune for c in summary.expected} == {
        "xã Bằng Lãng",
        "xã Nam Cường",
        "xã Quảng Khê",
    }
    assert summary.completeness == "2/3" and not summary.complete
    later = datetime.now(UTC) + timedelta(hours=30)
    late = district_summary(district, now=later)
    assert {c.commune for c in late.late} == {"xã Bằng Lãng", "xã Nam Cường", "xã Quảng Khê"}
    assert main(["sync", "units", "--json", "--data-dir", data_dir]) == 0
    units = {u["name"]: u["expected"] for u in json.loads(capsys.readouterr().out)}
    assert units == {
        "xã Bằng Lãng": True,
        "xã Nam Cường": True,  # a sender not listed by hand is expected
        "xã Quảng Khê": True,
        "xã Yên Thượng": False,
    }
    assert main(["sync", "district", "--data-dir", data_dir]) == 0
    assert "2/3" in capsys.readouterr().out


def test_no_expected_unit_means_nobody_is_on_time_or_late(tmp_path):
    district = new_device(tmp_path, "district", commune=None)
    office(district, "district")
    summary = district_summary(district)
    assert summary.communes == [] and not summary.expecting and not summary.complete
    out, _ = write_district_report(district, tmp_path / "empty.pdf")
    text = pdf_text(out)
    assert "đúng hạn" not in text and "Chưa có danh sách các xã, phường, thị trấn" in text
    with pytest.raises(Exception, match="tên đơn vị"):
        set_expected(district, "  ")
    district.close()


@pytest.mark.parametrize("upward", ["data", "rollup"])
def test_a_province_rolls_up_districts(huyen, upward):
    district, communes, tmp = huyen
    set_setting(district, "sync.upward", upward)
    province = new_device(tmp, "province", commune=None)
    office(province, "province", province="Đắk Nông")
    try:
        usb = tmp / "usb"
        usb.mkdir()
        package = export_package(district, usb).path
        assert package.name.startswith("huyen-tuy-duc_")
        result = import_package(province, package, trust_new=True)
        assert result.commune == "huyện Tuy Đức"
        summary = district_summary(province)
        (row,) = [c for c in summary.communes if not c.own]
        assert row.commune == "huyện Tuy Đức" and not row.late
        assert (row.households, row.people, row.f0, row.f1, row.overdue) == (11, 33, 3, 4, 3)
        with province.session() as s:
            rows = s.scalar(select(func.count()).select_from(Household))
        # the communes' records travel only when the district sends its data
        assert (rows > 0) == (upward == "data")
        assert [u.name for u in list_units(province, parent="huyện Tuy Đức")] == [
            "xã Bằng Lãng",
            "xã Nam Cường",
            "xã Yên Thượng",
        ]
        out, _ = write_district_report(province, tmp / "tinh.pdf")
        text = pdf_text(out)
        assert "ỦY BAN NHÂN DÂN TỈNH ĐẮK NÔNG" in text
        assert "Huyện, thị xã, thành phố" in text and "huyện Tuy Đức" in text
    finally:
        province.close()


def test_directive_copies_come_back_as_progress_not_as_directives(huyen, capsys):
    from fieldapp.directives.models import Directive, DirectiveItem
    from fieldapp.directives.register import (
        DirectiveForm,
        ItemForm,
        list_directives,
        save_directive,
        set_item_status,
    )
    from fieldapp.sync.district import directive_progress, export_directives, hidden_copy_ids

    district, communes, tmp = huyen
    own = save_directive(
        district,
        DirectiveForm(
            number="235-CV/HU",
            kind="Công văn",
            subject="Tăng cường phòng, chống dịch",
            items=[
                ItemForm(label="1", text="Lập chốt", units=["UBND các xã"]),
                ItemForm(label="2", text="Báo cáo", units=["UBND các xã"]),
            ],
        ),
    )
    for key in ("a", "b"):
        name = load_profile(communes[key]).commune_full
        down = export_directives(district, tmp / f"down-{key}.fieldsync", name, directive_ids=[own])
        import_package(communes[key], down.path, trust_new=True)
    a = communes["a"]
    with a.session() as s:
        copy = s.scalar(select(Directive).where(Directive.number == "235-CV/HU"))
        first_item = s.scalar(
            select(DirectiveItem.id).where(DirectiveItem.directive_id == copy.id).limit(1)
        )
    assert [r.number for r in list_directives(a)].count("235-CV/HU") == 1  # the commune's own
    set_item_status(a, first_item, "done")
    for key in ("a", "b"):
        import_package(district, export_package(communes[key], tmp / f"up-{key}").path)
    # the district's register shows its directive once; the copies are progress
    numbers = [r.number for r in list_directives(district)]
    assert numbers.count("235-CV/HU") == 1
    assert len(hidden_copy_ids(district)) == 2
    progress = {p.commune: (p.items, p.done, p.new) for p in directive_progress(district, own)}
    assert progress == {"xã Bằng Lãng": (2, 1, 1), "xã Nam Cường": (2, 0, 2)}
    data_dir = str(district.paths.data_dir)
    assert main(["sync", "progress", "235-CV/HU", "--json", "--data-dir", data_dir]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert [(r["commune"], r["done"]) for r in shown] == [("xã Bằng Lãng", 1), ("xã Nam Cường", 0)]


def test_district_and_province_on_postgresql(tmp_path, pg_url):
    """The district's copy on PostgreSQL: communes' packages in, the roll-up and its PDF, and
    its package up to a province (bench/district measures a province on PostgreSQL)."""
    from fieldapp.config import resolve_paths
    from fieldapp.db.database import open_database

    district = open_database(resolve_paths(tmp_path / "pg-district"), url=pg_url)
    office(district, "district")
    a = new_device(tmp_path, "a", commune="Bằng Lãng")
    b = new_device(tmp_path, "b", commune="Nam Cường")
    try:
        fill(a, "A", households=3, f0=1, f1=1, tests=2, relief=1, sites=1, staffed=1,
             overdue=1)  # fmt: skip
        fill(b, "B", households=2, f0=0, f1=2, tests=0, relief=0, sites=0, staffed=0,
             overdue=0)  # fmt: skip
        for name, db in (("a", a), ("b", b)):
            import_package(district, export_package(db, tmp_path / f"{name}.fieldsync").path,
                           trust_new=True)  # fmt: skip
        summary = district_summary(district)
        by = {c.commune: c for c in summary.communes}
        assert (by["xã Bằng Lãng"].households, by["xã Nam Cường"].f1) == (3, 2)
        assert summary.completeness == "2/2"
        out, _ = write_district_report(district, tmp_path / "pg.pdf")
        assert "ỦY BAN NHÂN DÂN HUYỆN TUY ĐỨC" in pdf_text(out)
        usb = tmp_path / "usb"
        usb.mkdir()
        package = export_package(district, usb).path
        assert package.name.startswith("huyen-tuy-duc_")
        province = new_device(tmp_path, "province", commune=None)
        office(province, "province")
        try:
            import_package(province, package, trust_new=True)
            (row,) = [c for c in district_summary(province).communes if not c.own]
            assert (row.commune, row.households, row.f1) == ("huyện Tuy Đức", 5, 3)
        finally:
            province.close()
    finally:
        for db in (district, a, b):
            db.close()
