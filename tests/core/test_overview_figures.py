"""The overview's start-up figures (standard-library sqlite3) are the figures the cards compute
with the ORM once the database is open (issue 17): on the demo commune and on a database full
of edges, at several moments, nothing on screen changes when the cards take over."""

from __future__ import annotations

import sys
import uuid
from datetime import UTC, date, datetime, time, timedelta

import pytest
from sqlalchemy import func, select

from fieldapp import overview_figures as quick
from fieldapp.checkpoints.log import EntryInput, add_entry
from fieldapp.db.models import Document
from fieldapp.directives.models import OPEN_STATUSES
from fieldapp.directives.queries import items_due
from fieldapp.directives.register import DirectiveForm, ItemForm, save_directive
from fieldapp.health.followup import open_danger
from fieldapp.health.models import FollowUpCheck
from fieldapp.households import queries as household_queries
from fieldapp.households.models import HouseholdMember
from fieldapp.profile import load_profile
from fieldapp.reports.deadline import DESTINATION, daily_report_state
from fieldapp.reports.figures import headline_figures
from fieldapp.reports.models import STATUS_ISSUED, IssuedReport
from fieldapp.rostering.editing import assign
from fieldapp.rostering.register import add_site, add_staff, update_site
from fieldapp.rostering.views import day_summary
from fieldapp.sync.models import ExportMark
from tests.core.reports.world import build_world


def orm_figures(db, now: datetime) -> dict:
    """What the cards show after ``attach``, read the ORM way."""
    day = now.date()
    due = items_due(db, now=now)
    roster = day_summary(db, day)
    counts = household_queries.lockdown_counts(db, day)
    head = headline_figures(db, day)
    with db.session() as s:
        documents = s.scalar(select(func.count()).select_from(Document))
    return {
        "profile": load_profile(db),
        "documents": documents,
        "directives": (len(due.today), len(due.overdue)),
        "roster": (roster.shifts, roster.unfilled, roster.missing),
        "lockdown": (counts.areas_in_force, counts.households, counts.people, counts.f0, counts.f1),
        "headline": (
            head.f0, head.f1, head.f0_change, head.f1_change, head.people_in, head.items_overdue
        ),
        "daily_report": daily_report_state(db, now),
        "danger": len(open_danger(db, now.astimezone())),
    }  # fmt: skip


def quick_figures(db, now: datetime) -> dict:
    f = quick.overview_figures(db.paths.database, now)
    assert f is not None
    h, c, r = f.headline, f.lockdown, f.roster
    return {
        "profile": f.profile,
        "documents": f.documents,
        "directives": (f.directives.today, f.directives.overdue),
        "roster": (r.shifts, r.unfilled, r.missing),
        "lockdown": (c.areas_in_force, c.households, c.people, c.f0, c.f1),
        "headline": (h.f0, h.f1, h.f0_change, h.f1_change, h.people_in, h.items_overdue),
        "daily_report": f.daily_report,
        "danger": f.danger,
    }


def _moments(day: date) -> list[datetime]:
    return [
        datetime.combine(day, time(0, 0, 1)),
        datetime.combine(day, time(9, 30)),
        datetime.combine(day, time(15, 0)),
        datetime.combine(day, time(23, 59)),
        datetime.combine(day - timedelta(days=1), time(12)),
        datetime.combine(day + timedelta(days=1), time(8)),
        datetime.combine(day - timedelta(days=9), time(12)),
    ]


def test_the_constants_are_the_registers(db):
    assert quick.OPEN_STATUSES == OPEN_STATUSES
    assert quick.SERIOUS == household_queries.SERIOUS
    assert quick.ISOLATING == household_queries.ISOLATING
    assert quick.STATUS_ISSUED == STATUS_ISSUED


def test_the_demo_commune(demo_db):
    today = date.today()
    seen = []
    for now in _moments(today):
        expected = orm_figures(demo_db, now)
        assert quick_figures(demo_db, now) == expected, now
        seen.append(expected)
    today_figures = seen[1]
    assert today_figures["lockdown"][1] > 0 and today_figures["roster"][0] > 0
    assert sum(today_figures["directives"]) > 0 and today_figures["documents"] > 0


def _edges(db, day: date) -> None:
    """Edges of each rule on top of the reports' world."""
    # Rosters: a site that needs a police officer and two people, a site that ended yesterday,
    # a site that starts tomorrow, a person twice in a cell, someone without the role.
    police = add_staff(db, "Lục Văn Công", roles=["công an"])
    youth = add_staff(db, "Triệu Thị Đoàn", roles=["đoàn viên thanh niên", "y tế"])
    other = add_staff(db, "Ma Văn Khác")
    needs = add_site(
        db, "Chốt Khuổi Tích", active_from=day - timedelta(days=3), staff_per_shift=2,
        require={"công an": 1},
    )  # fmt: skip
    assign(db, needs.id, day, "C1", youth.id, force=True)
    assign(db, needs.id, day, "C1", other.id, force=True)  # two people, no police: unfilled
    assign(db, needs.id, day, "C2", police.id, force=True)  # police, one missing
    assign(db, needs.id, day, "C3", police.id, force=True)
    assign(db, needs.id, day, "C3", youth.id, force=True)  # filled
    assign(db, needs.id, day - timedelta(days=1), "C1", other.id, force=True)  # yesterday
    ended = add_site(db, "Chốt cũ", active_from=day - timedelta(days=30), staff_per_shift=1)
    assign(db, ended.id, day - timedelta(days=2), "C1", other.id, force=True)
    update_site(db, ended.id, active_to=day - timedelta(days=1))
    add_site(db, "Chốt mới", active_from=day + timedelta(days=1), staff_per_shift=1)
    add_site(db, "Chốt hôm nay hết", active_from=day - timedelta(days=1), active_to=day,
             staff_per_shift=4, pattern="2x12")  # fmt: skip
    # Checkpoint lines either side of local midnight, and a line going out.
    site = needs.id
    midnight = datetime.combine(day, time.min).astimezone()
    for moment, direction, count in (
        (midnight - timedelta(seconds=1), "in", 7),
        (midnight, "in", 3),
        (midnight + timedelta(days=1) - timedelta(microseconds=1), "in", 2),
        (midnight + timedelta(days=1), "in", 11),
        (midnight + timedelta(hours=5), "out", 13),
    ):
        add_entry(
            db,
            EntryInput(site_id=site, full_name="Người qua chốt", arrived_at=moment,
                       from_place="Thái Nguyên", direction=direction, people_count=count),
            now=moment + timedelta(minutes=1),
        )  # fmt: skip
    # Directive items: late by an hour today, recurring daily, weekly on today's weekday, on
    # another weekday, monthly on today's date, and one finished.
    weekday = ("thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật")
    save_directive(
        db,
        DirectiveForm(
            number="12/KH-BCĐ", kind="Kế hoạch", issuer="BCĐ huyện Chợ Đồn",
            issued_on=day - timedelta(days=4), subject="kiểm soát người ra vào",
            arrival_date=day - timedelta(days=3),
            items=[
                ItemForm("1", "Báo cáo sáng.", due=f"{day.isoformat()}T09:00"),
                ItemForm("2", "Báo cáo hằng ngày.", due="hằng ngày 16:00"),
                ItemForm("3", "Họp giao ban.", due=f"hằng tuần {weekday[day.weekday()]}"),
                ItemForm("4", "Tổng hợp tuần.",
                         due=f"hằng tuần {weekday[(day.weekday() + 2) % 7]}"),
                ItemForm("5", "Tổng hợp tháng.", due=f"hằng tháng ngày {day.day}"),
                ItemForm("6", "Đã làm xong.", due=(day - timedelta(days=6)).isoformat()),
                ItemForm("7", "Sắp tới.", due=(day + timedelta(days=2)).isoformat()),
            ],
        ),
    )  # fmt: skip
    with db.session() as s:
        members = list(s.scalars(select(HouseholdMember.id).order_by(HouseholdMember.id)))
        device = db.device_id
    now = datetime.combine(day, time(15)).astimezone(UTC)  # the moment the test looks from
    report_time = now - timedelta(hours=1)
    checks = [
        # danger, action, when: counted only when dangerous, not acted on, in the last 24 h
        (True, "", now - timedelta(hours=1)),
        (True, "", now - timedelta(hours=23, minutes=59)),
        (True, "", now - timedelta(hours=25)),
        (True, "called_station", now - timedelta(hours=2)),
        (False, "", now - timedelta(hours=1)),
        (True, "", now + timedelta(hours=3)),  # a clock set wrong on another device
    ]
    with db.transaction() as s:
        for n, (danger, action, when) in enumerate(checks):
            s.add(
                FollowUpCheck(
                    member_id=members[n], checked_at=when, danger=danger, action=action,
                    temperature=39.5, spo2=92, device_id=device, uuid=str(uuid.uuid4()),
                )
            )  # fmt: skip
        s.add(
            IssuedReport(
                kind="daily", period_start=day, period_end=day, year=day.year, number=3,
                symbol="BC-UBND", status=STATUS_ISSUED, issued_at=report_time,
                updated_at=report_time, device_id=device, uuid=str(uuid.uuid4()),
            )
        )  # fmt: skip
        s.add(
            IssuedReport(
                kind="daily", period_start=day, period_end=day, year=day.year, number=None,
                symbol="BC-UBND", status="draft", device_id=device, uuid=str(uuid.uuid4()),
            )
        )  # fmt: skip
        mark = s.get(ExportMark, DESTINATION)
        if mark is None:
            s.add(
                ExportMark(
                    destination=DESTINATION,
                    sequence=1,
                    until=datetime.now(UTC) + timedelta(hours=1),
                )
            )


def test_a_database_full_of_edges(db):
    world = build_world(db)
    day = world.day
    _edges(db, day)
    differing = set()
    for now in _moments(day):
        expected = orm_figures(db, now)
        assert quick_figures(db, now) == expected, now
        differing.add(repr({k: v for k, v in expected.items() if k != "profile"}))
    assert len(differing) >= 4  # the moments see different figures: the test is not trivial
    today = orm_figures(db, datetime.combine(day, time(15)))
    assert today["roster"][1] >= 2 and today["danger"] == 2
    assert today["daily_report"].sent and today["headline"][4] == 6 + 3 + 2
    assert today["directives"][0] >= 3 and today["directives"][1] >= 2


def test_the_figures_import_no_sqlalchemy(tmp_path):
    """Start-up reads them before SQLAlchemy is loaded: the module must not pull it in."""
    import subprocess

    code = (
        "import sys; import fieldapp.overview_figures; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'alembic')"
        " or m.startswith('fieldapp.db.models')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize("damage", ["missing", "garbage", "old schema"])
def test_an_unreadable_database_gives_none(tmp_path, db, damage):
    target = tmp_path / "other.sqlite3"
    if damage == "garbage":
        target.write_bytes(b"not a database at all" * 100)
    elif damage == "old schema":
        import sqlite3

        with sqlite3.connect(db.paths.database) as source, sqlite3.connect(target) as copy:
            source.backup(copy)
            copy.execute("UPDATE alembic_version SET version_num = '0001'")
    assert quick.overview_figures(target) is None
