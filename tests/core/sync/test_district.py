"""District mode: three communes' packages rolled up per commune and in total, lateness, the
printed summary, conflicts resolved by a person, and directives sent down to a commune."""

from __future__ import annotations

import json
import subprocess
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from fieldapp.cli import main
from fieldapp.directives.models import Directive, DirectiveItem
from fieldapp.directives.register import DirectiveForm, ItemForm, save_directive
from fieldapp.errors import UserError
from fieldapp.households.models import (
    Household,
    HouseholdMember,
    LockdownArea,
    ReliefDelivery,
    TestResult,
    TestRound,
)
from fieldapp.rostering.models import Assignment, Site, Staff
from fieldapp.settings import set_setting
from fieldapp.sync.district import district_summary, export_directives, write_district_report
from fieldapp.sync.models import Conflict
from fieldapp.sync.package import export_package
from fieldapp.sync.receive import KEEP, USE_OTHER, import_package, resolve_conflict
from tests.core.sync.helpers import add_site, edit_site, new_device

TODAY = date.today()


def fill(db, tag: str, *, households: int, f0: int, f1: int, tests: int, relief: int,
         sites: int, staffed: int, overdue: int) -> None:  # fmt: skip
    """Known numbers for one commune, written through the registers' models."""
    with db.transaction() as s:
        area = LockdownArea(name=f"Thôn {tag}", started_on=TODAY - timedelta(days=3))
        ended = LockdownArea(
            name=f"Thôn cũ {tag}",
            started_on=TODAY - timedelta(days=30),
            ended_on=TODAY - timedelta(days=10),
        )
        s.add_all([area, ended])
        s.flush()
        members = []
        for n in range(households):
            h = Household(area_id=area.id, head_name=f"Hộ {tag} {n}", member_count=3)
            s.add(h)
            s.flush()
            for k in range(3):
                m = HouseholdMember(household_id=h.id, full_name=f"Người {tag} {n}.{k}")
                members.append(m)
                s.add(m)
        # a household of an ended area never counts
        old = Household(area_id=ended.id, head_name="Hộ cũ", member_count=5)
        s.add(old)
        s.flush()
        for m in members[:f0]:
            m.status = "F0"
        for m in members[f0 : f0 + f1]:
            m.status = "F1"
        s.flush()
        rnd = TestRound(area_id=area.id, held_on=TODAY)
        s.add(rnd)
        s.flush()
        for i, m in enumerate(members[:tests]):
            s.add(
                TestResult(
                    round_id=rnd.id, member_id=m.id, result="positive" if i == 0 else "negative"
                )
            )
        households_rows = s.scalars(select(Household).where(Household.area_id == area.id)).all()
        for h in households_rows[:relief]:
            s.add(ReliefDelivery(household_id=h.id, delivered_on=TODAY, items=[]))
        staff = Staff(name=f"Công an {tag}")
        s.add(staff)
        s.flush()
        for n in range(sites):
            site = Site(name=f"Chốt {tag} {n}", active_from=TODAY - timedelta(days=5), shifts=[])
            s.add(site)
            s.flush()
            if n < staffed:
                s.add(Assignment(site_id=site.id, day=TODAY, shift="S1", staff_id=staff.id))
    if overdue:
        save_directive(
            db,
            DirectiveForm(
                number=f"{tag}/KH-UBND",
                kind="Kế hoạch",
                subject=f"Kế hoạch của {tag}",
                issued_on=TODAY - timedelta(days=20),
                # distinct: the register's arrival numbers are unique across the whole
                # database, so two communes' number 1 would collide at the district
                arrival_number=100 + ord(tag[0]),
                items=[
                    ItemForm(
                        label=str(i + 1), text="Báo cáo", due=format_due(TODAY - timedelta(days=2))
                    )
                    for i in range(overdue)
                ]
                + [
                    ItemForm(
                        label="x",
                        text="Việc chưa tới hạn",
                        due=format_due(TODAY + timedelta(days=5)),
                    )
                ],
            ),
            allow_duplicate=True,
        )


def format_due(d: date) -> str:
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


@pytest.fixture
def district_world(tmp_path):
    district = new_device(tmp_path, "district", commune="Huyện Chợ Đồn")
    a = new_device(tmp_path, "a", commune="Bằng Lãng")
    b = new_device(tmp_path, "b", commune="Nam Cường")
    c = new_device(tmp_path, "c", commune="Yên Thượng")
    fill(a, "A", households=5, f0=2, f1=3, tests=7, relief=4, sites=3, staffed=2, overdue=1)
    fill(b, "B", households=2, f0=0, f1=1, tests=0, relief=2, sites=1, staffed=1, overdue=0)
    fill(c, "C", households=4, f0=1, f1=0, tests=2, relief=0, sites=2, staffed=0, overdue=2)
    for name, db in (("a", a), ("b", b), ("c", c)):
        import_package(
            district, export_package(db, tmp_path / f"{name}.fieldsync").path, trust_new=True
        )
    yield district, a, b, c, tmp_path
    for db in (district, a, b, c):
        db.close()


def test_roll_up_per_commune_and_total_with_late_communes(district_world):
    district, a, b, c, tmp = district_world
    summary = district_summary(district)
    by = {x.commune: x for x in summary.communes}
    assert set(by) == {"xã Bằng Lãng", "xã Nam Cường", "xã Yên Thượng"}
    got = by["xã Bằng Lãng"]
    assert (got.households, got.people, got.f0, got.f1) == (5, 15, 2, 3)
    assert (got.tests, got.positive, got.relief) == (7, 1, 4)
    assert (got.checkpoints, got.staffed, got.coverage, got.overdue) == (3, 2, "2/3", 1)
    assert (by["xã Nam Cường"].households, by["xã Nam Cường"].f1) == (2, 1)
    assert by["xã Yên Thượng"].overdue == 2 and by["xã Yên Thượng"].coverage == "0/2"
    t = summary.total
    assert (t.households, t.people, t.f0, t.f1, t.tests, t.relief, t.overdue) == (
        11, 33, 3, 4, 9, 6, 3,
    )  # fmt: skip
    assert not summary.late
    # two days later, with 24 hours allowed, everybody is late; a fresh package clears one
    later = summary.now + timedelta(hours=30)
    assert {x.commune for x in district_summary(district, now=later).late} == set(by)
    set_setting(district, "sync.late_hours", 48)
    assert not district_summary(district, now=later).late
    set_setting(district, "sync.late_hours", 24)
    add_site(b, "Chốt mới")
    import_package(district, export_package(b, tmp / "b2.fieldsync").path)
    late = {x.commune for x in district_summary(district, now=utcnow() + timedelta(hours=25)).late}
    assert late == {"xã Bằng Lãng", "xã Nam Cường", "xã Yên Thượng"}
    late = {x.commune for x in district_summary(district, now=utcnow() + timedelta(hours=1)).late}
    assert late == set()


def utcnow() -> datetime:
    return datetime.now(UTC)


def test_rows_of_the_district_itself_are_its_own_row(district_world):
    district, *_ = district_world
    fill(district, "H", households=1, f0=0, f1=0, tests=0, relief=0, sites=0, staffed=0, overdue=0)
    summary = district_summary(district)
    own = [x for x in summary.communes if x.own]
    assert len(own) == 1 and own[0].households == 1 and "(máy này)" in own[0].commune
    assert summary.total.households == 12


def test_a_commune_that_never_sent_is_late(district_world, tmp_path):
    district, *_ = district_world
    from fieldapp.sync.receive import trust

    trust(district, "AB" * 16, commune="xã Quảng Bạch")
    summary = district_summary(district)
    silent = [x for x in summary.communes if x.commune == "xã Quảng Bạch"]
    assert silent and silent[0].late and silent[0].households == 0


def test_district_report_pdf_and_cli(district_world, capsys):
    district, a, b, c, tmp = district_world
    later = utcnow() + timedelta(hours=30)
    out, summary = write_district_report(district, tmp / "huyen.pdf", now=later)
    text = subprocess.run(
        ["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "BÁO CÁO" in text and "Tổng cộng" in text
    for name in ("Bằng Lãng", "Nam Cường", "Yên Thượng"):
        assert name in text
    # (the late mark may wrap inside its narrow column)
    assert "trễ 30" in text and "chưa gửi số liệu quá 24 giờ" in " ".join(text.split())
    data_dir = str(district.paths.data_dir)
    assert main(["sync", "district", "--json", "--data-dir", data_dir]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["total"]["households"] == 11 and len(data["communes"]) == 3
    assert main(["sync", "district", "--data-dir", data_dir]) == 0
    assert "Tổng cộng" in capsys.readouterr().out
    pdf = tmp / "cli.pdf"
    assert main(["sync", "district-report", "-o", str(pdf), "--data-dir", data_dir]) == 0
    assert pdf.read_bytes().startswith(b"%PDF")


def test_conflict_resolved_by_a_person(tmp_path, capsys):
    commune = new_device(tmp_path, "commune", commune="Bằng Lãng")
    district = new_device(tmp_path, "district", commune="Huyện Chợ Đồn")
    uuid = add_site(commune, "Chốt Nà Pài")
    import_package(district, export_package(commune, tmp_path / "1.fieldsync").path, trust_new=True)
    edit_site(district, uuid, "Chốt Nà Pài (huyện sửa)")
    edit_site(commune, uuid, "Chốt Nà Pài (xã sửa)")  # later: wins
    import_package(district, export_package(commune, tmp_path / "2.fieldsync").path)
    with district.session() as s:
        conflict = s.scalar(select(Conflict).where(Conflict.resolved_at.is_(None)))
        name = s.scalar(select(Site.name).where(Site.uuid == uuid))
    assert conflict is not None and name == "Chốt Nà Pài (xã sửa)"
    assert json.loads(conflict.other)["name"] == "Chốt Nà Pài (huyện sửa)"
    # The CLI in the forms' words: no table names, no UUIDs, no codes.
    data_dir = str(district.paths.data_dir)
    for argv in (["sync", "conflicts"], ["sync", "conflicts", "--show", str(conflict.id)]):
        assert main([*argv, "--data-dir", data_dir]) == 0
        text = capsys.readouterr().out
        # the version set aside is this office's own edit
        assert "Chốt, điểm trực" in text and "máy này" in text, text
        assert uuid not in text and "roster_site" not in text and "concurrent_edit" not in text
        assert "Chốt Nà Pài (xã sửa)" in text and "sửa ở cả hai nơi" in text
    assert main(["sync", "conflicts", "--commune", "bang lang", "--data-dir", data_dir]) == 0
    assert "Không có xung đột" in capsys.readouterr().out  # as the window's commune filter
    assert (
        main(["sync", "conflicts", "--show", str(conflict.id), "--json", "--data-dir", data_dir])
        == 0
    )
    shown = json.loads(capsys.readouterr().out)
    fields = {f["field"]: f for f in shown["fields"]}
    assert [f["field"] for f in shown["fields"]][:2] == [
        "Tên điểm trực",
        "Sửa lúc",
    ]  # what differs first
    assert (fields["Tên điểm trực"]["here"], fields["Tên điểm trực"]["received"]) == (
        "Chốt Nà Pài (xã sửa)",
        "Chốt Nà Pài (huyện sửa)",
    )
    assert fields["Số người mỗi ca"]["here"] and fields["Đường dây nóng"]["here"] == ""
    assert "công an" in fields["Mỗi ca cần ít nhất"]["here"]
    assert main(["sync", "conflicts", "--commune", "Khuổi Kẹn", "--data-dir", data_dir]) != 0
    assert "Khuổi Kẹn" in capsys.readouterr().err
    resolve_conflict(district, conflict.id, USE_OTHER, by="Nguyễn Văn Huyện")
    with district.session() as s:
        done = s.get(Conflict, conflict.id)
        site = s.scalar(select(Site).where(Site.uuid == uuid))
        assert site.name == "Chốt Nà Pài (huyện sửa)" and site.device_id == district.device_id
        assert done.resolved_by == "Nguyễn Văn Huyện" and done.resolution == USE_OTHER
        assert done.resolved_at is not None
    with pytest.raises(UserError, match="đã được xử lý"):
        resolve_conflict(district, conflict.id, KEEP)
    with pytest.raises(UserError, match="Không có xung đột"):
        resolve_conflict(district, 999, KEEP)
    data_dir = str(district.paths.data_dir)
    assert main(["sync", "resolve", "999", "--keep", "--data-dir", data_dir]) != 0
    # The choice travels back, but a sender never overwrites the receiver's own record
    # (issue 15): at the commune it waits in the conflicts list for a person.
    import_package(commune, export_package(district, tmp_path / "3.fieldsync").path, trust_new=True)
    with commune.session() as s:
        assert s.scalar(select(Site.name).where(Site.uuid == uuid)) == "Chốt Nà Pài (xã sửa)"
        waiting = s.scalar(select(Conflict).where(Conflict.record_uuid == uuid))
        assert waiting.reason == "not_owner"
        assert json.loads(waiting.other)["name"] == "Chốt Nà Pài (huyện sửa)"
    commune.close()
    district.close()


def test_directives_go_down_to_a_commune_and_progress_comes_back(district_world):
    district, a, b, c, tmp = district_world
    directive_id = save_directive(
        district,
        DirectiveForm(
            number="235-CV/HU",
            kind="Công văn",
            subject="Tăng cường phòng, chống dịch",
            issued_on=TODAY - timedelta(days=1),
            items=[
                ItemForm(label="1", text="Lập chốt", units=["UBND các xã"], due=format_due(TODAY)),
                ItemForm(label="2", text="Rà soát", units=["UBND xã Nam Cường"]),
                ItemForm(label="3", text="Báo cáo", units=["UBND xã Bằng Lãng"]),
            ],
        ),
    )
    with pytest.raises(UserError, match="Không có xã nào"):
        export_directives(district, tmp / "x.fieldsync", "Xã Không Có")
    result = export_directives(
        district, tmp / "down.fieldsync", "Bằng Lãng", directive_ids=[directive_id]
    )
    assert (result.directives, result.items, result.skipped_items) == (1, 2, 1)
    with a.session() as s:
        before = s.scalar(select(func.count()).select_from(Directive))
    imported = import_package(a, result.path, trust_new=True)
    assert imported.inserted == 3
    with a.session() as s:
        assert s.scalar(select(func.count()).select_from(Directive)) == before + 1
        copy = s.scalar(select(Directive).where(Directive.number == "235-CV/HU"))
        assert copy.arrival_number is None
        assert [i.text for i in copy.items] == ["Lập chốt", "Báo cáo"]
        assert {i.status for i in copy.items} == {"new"}
        item_id = copy.items[1].id
    from fieldapp.directives.register import set_item_status

    set_item_status(a, item_id, "done")
    # the commune's progress comes back, counted for the commune
    import_package(district, export_package(a, tmp / "a2.fieldsync", full=True).path)
    with district.session() as s:
        assert (
            s.scalar(
                select(func.count()).select_from(Directive).where(Directive.number == "235-CV/HU")
            )
            == 2
        )
    # the CLI makes the same package; sending again keeps the commune's progress
    data_dir = str(district.paths.data_dir)
    out = tmp / "down2.fieldsync"
    code = main(["sync", "export", "-o", str(out), "--directives-for", "xã Bằng Lãng",
                 "--directive", str(directive_id), "--data-dir", data_dir])  # fmt: skip
    assert code == 0
    import_package(a, out)
    # by default only the district's own directives go down (not the communes' registers)
    default = export_directives(district, tmp / "down3.fieldsync", "Yên Thượng")
    assert (default.directives, default.items) == (1, 1)
    with a.session() as s:
        statuses = sorted(
            s.scalars(
                select(DirectiveItem.status).join(Directive).where(Directive.number == "235-CV/HU")
            )
        )
    assert statuses == ["done", "new"]
