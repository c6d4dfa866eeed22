"""Checks and outcomes travel upward like every other record (issue 19, part 7)."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select

from fieldapp.health.followup import CheckInput, record_action, record_check
from fieldapp.health.models import FollowUpCheck
from fieldapp.health.outcomes import followup_by_device, record_outcome
from fieldapp.households.models import HealthStatus, HouseholdMember
from fieldapp.households.service import (
    AreaInput,
    HouseholdInput,
    MemberInput,
    add_area,
    add_household,
    change_status,
)
from fieldapp.sync.package import export_package
from fieldapp.sync.receive import import_package
from tests.core.sync.helpers import new_device

TODAY = date.today()


def commune_with_followup(db, tag: str, *, danger: int, died: int, area: str = "") -> None:
    area = add_area(db, AreaInput(name=area or f"Thôn {tag}", started_on=TODAY - timedelta(days=4)))
    given = ("An", "Bình", "Cường", "Dung", "Hà")
    people = [
        MemberInput(f"Nguyễn Văn {given[i]} {tag}", birth_year=1960 + i)
        for i in range(danger + died)
    ]
    people[0].is_head = True
    add_household(db, area, HouseholdInput(village=f"Thôn {tag}"), people)
    with db.session() as s:
        ids = [m.id for m in s.scalars(select(HouseholdMember).order_by(HouseholdMember.id))]
    for member in ids:
        change_status(db, member, "F0", isolation="home", start=TODAY - timedelta(days=3))
    for member in ids[:danger]:
        check = record_check(db, CheckInput(member, spo2=91, breath_rate=26))
        record_action(db, check.id, "moved_facility")
    for member in ids[danger:]:
        record_outcome(db, member, "died", on=TODAY)


def test_checks_and_outcomes_reach_the_district_per_commune(tmp_path):
    district = new_device(tmp_path, "district", commune="Huyện Chợ Đồn")
    a = new_device(tmp_path, "a", commune="Bằng Lãng")
    b = new_device(tmp_path, "b", commune="Nam Cường")
    try:
        commune_with_followup(a, "A", danger=2, died=1)
        commune_with_followup(b, "B", danger=0, died=2)
        for name, db in (("a", a), ("b", b)):
            import_package(
                district, export_package(db, tmp_path / f"{name}.fieldsync").path, trust_new=True
            )
        with district.session() as s:
            checks = list(s.scalars(select(FollowUpCheck)))
            assert len(checks) == 2 and all(c.danger for c in checks)
            assert {c.action for c in checks} == {"moved_facility"}
            assert {c.danger_signs[0] for c in checks} == {"spo2"}
            died = s.scalars(select(HealthStatus).where(HealthStatus.status == "died")).all()
            assert len(died) == 3
            per_device = followup_by_device(s, TODAY)
        assert per_device[a.device_id] == (2, 0, 0, 1)
        assert per_device[b.device_id] == (0, 0, 0, 2)
        # the same package again changes nothing
        import_package(district, export_package(a, tmp_path / "a2.fieldsync", full=True).path)
        with district.session() as s:
            assert len(list(s.scalars(select(FollowUpCheck)))) == 2
    finally:
        for db in (district, a, b):
            db.close()


def test_the_district_roll_up_shows_danger_signs_and_deaths_per_commune(tmp_path):
    from fieldapp.sync.district import district_summary, summary_rows

    district = new_device(tmp_path, "district", commune="Huyện Chợ Đồn")
    a = new_device(tmp_path, "a", commune="Bằng Lãng")
    b = new_device(tmp_path, "b", commune="Nam Cường")
    try:
        commune_with_followup(a, "A", danger=2, died=1)
        commune_with_followup(b, "B", danger=1, died=0)
        for name, db in (("a", a), ("b", b)):
            import_package(
                district, export_package(db, tmp_path / f"{name}.fieldsync").path, trust_new=True
            )
        summary = district_summary(district)
        by_name = {c.commune: (c.danger, c.died) for c in summary.communes}
        assert by_name["xã Bằng Lãng"] == (2, 1) and by_name["xã Nam Cường"] == (1, 0)
        assert (summary.total.danger, summary.total.died) == (3, 1)
        assert summary_rows(summary)[-1][5:7] == ["3", "0 / 0 / 1"]
    finally:
        for db in (district, a, b):
            db.close()


def test_two_communes_with_an_area_of_the_same_name_both_reach_the_district(tmp_path):
    """Found while building the follow-up: "Thôn 1" in two communes failed the second package."""
    from fieldapp.households.models import LockdownArea

    district = new_device(tmp_path, "district", commune="Huyện Chợ Đồn")
    a = new_device(tmp_path, "a", commune="Bằng Lãng")
    b = new_device(tmp_path, "b", commune="Nam Cường")
    try:
        commune_with_followup(a, "A", danger=1, died=0, area="Thôn 1")
        commune_with_followup(b, "B", danger=0, died=1, area="Thôn 1")
        for name, db in (("a", a), ("b", b)):
            import_package(
                district, export_package(db, tmp_path / f"{name}.fieldsync").path, trust_new=True
            )
        with district.session() as s:
            assert [area.name for area in s.scalars(select(LockdownArea))] == ["Thôn 1"] * 2
            assert len(s.scalars(select(HouseholdMember)).all()) == 2
        # within one commune the name is still unique
        import pytest

        from fieldapp.errors import UserError
        from fieldapp.households.service import AreaInput, add_area

        with pytest.raises(UserError):
            add_area(a, AreaInput(name="Thôn 1", started_on=TODAY))
    finally:
        for db in (district, a, b):
            db.close()
