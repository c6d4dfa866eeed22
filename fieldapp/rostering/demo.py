"""The rostering register of the demo commune (xã Bằng Lãng): sites, staff, leave, a roster.

Four sites (two control checkpoints, a central quarantine point, a lockdown gate), 45 people
from the commune police, militia, health station, youth union, women's union, veterans and
the commune office, a few on leave or in quarantine, and a roster generated for this week
and the next, so that today's screen shows live duty. Shifts already over are marked
attended, with one absence and one replacement. Fixed data and the deterministic solver give
the same demo on every run (only the dates follow today).
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sqlalchemy import select

from fieldapp.db.database import Database
from fieldapp.rostering.attendance import Mark, mark_many
from fieldapp.rostering.models import Assignment
from fieldapp.rostering.planning import generate
from fieldapp.rostering.store import (
    add_absence,
    add_site,
    add_staff,
    load_snapshot,
    monday_of,
    set_rules,
)

SITES = (
    dict(
        name="Chốt kiểm soát Cầu Bằng Lãng",
        kind="checkpoint",
        place="Đầu cầu Bằng Lãng, đường tỉnh 254",
        hotline="0209 3870 115",
        pattern="3x8",
        staff_per_shift=3,
        require={"police": 1},
    ),
    dict(
        name="Chốt kiểm soát Nà Pài",
        kind="checkpoint",
        place="Ngã ba thôn Nà Pài, giáp xã Ngọc Phái",
        hotline="0209 3870 116",
        pattern="3x8",
        staff_per_shift=2,
        require={"militia": 1},
    ),
    dict(
        name="Điểm cách ly tập trung Trường THCS Bằng Lãng",
        kind="quarantine",
        place="Trường THCS Bằng Lãng, thôn Nà Tùm",
        hotline="0209 3870 117",
        pattern="2x12",
        staff_per_shift=2,
        require={"health": 1},
    ),
    dict(
        name="Cổng khu phong tỏa thôn Bản Cuôn",
        kind="gate",
        place="Đường vào thôn Bản Cuôn (tổ 1)",
        hotline="0209 3870 118",
        pattern="4x6",
        first_start="00:00",
        staff_per_shift=2,
        require={"militia": 1},
    ),
)

# soft wishes of a few people, as they told the shift leader
WISHES = {
    "Nông Thị Mai": {"nights": "avoid"},
    "Đàm Văn Long": {"nights": "ask"},
    "Bế Thị Ngọc": {"weekends": "avoid"},
}

POLICE = "Công an xã Bằng Lãng"
MILITIA = "Ban Chỉ huy Quân sự xã"
HEALTH = "Trạm Y tế xã"
YOUTH = "Đoàn Thanh niên xã"
OFFICE = "UBND xã Bằng Lãng"
WOMEN = "Hội Liên hiệp Phụ nữ xã"
VETERANS = "Hội Cựu chiến binh xã"
VILLAGE = "Tổ Covid cộng đồng thôn Nà Tùm"

# (name, unit, roles)
STAFF = (
    ("Hoàng Văn Hùng", POLICE, ("police",)),
    ("Nông Đức Mạnh", POLICE, ("police",)),
    ("Ma Văn Tuấn", POLICE, ("police",)),
    ("Lục Thị Thu", POLICE, ("police",)),
    ("Triệu Văn Dũng", POLICE, ("police",)),
    ("Hà Quang Huy", POLICE, ("police",)),
    ("Đàm Văn Long", POLICE, ("police",)),
    ("Nông Văn Sơn", MILITIA, ("militia",)),
    ("Hoàng Văn Tâm", MILITIA, ("militia",)),
    ("Lường Văn Thắng", MILITIA, ("militia",)),
    ("Ma Thị Hoa", MILITIA, ("militia",)),
    ("Triệu Đức Anh", MILITIA, ("militia",)),
    ("Hà Văn Quân", MILITIA, ("militia",)),
    ("Lục Văn Bình", MILITIA, ("militia",)),
    ("Nông Thị Lan", MILITIA, ("militia", "youth")),
    ("Hoàng Đức Thịnh", MILITIA, ("militia",)),
    ("Bế Văn Cường", MILITIA, ("militia",)),
    ("Dương Văn Hải", MILITIA, ("militia", "youth")),
    ("Đinh Văn Toàn", MILITIA, ("militia",)),
    ("Hoàng Thị Hạnh", HEALTH, ("health",)),
    ("Nông Thị Mai", HEALTH, ("health",)),
    ("Lý Văn Khánh", HEALTH, ("health",)),
    ("Triệu Thị Nga", HEALTH, ("health",)),
    ("Ma Thị Phương", HEALTH, ("health",)),
    ("Hoàng Minh Đức", YOUTH, ("youth",)),
    ("Nông Thị Hằng", YOUTH, ("youth",)),
    ("Lục Văn Nam", YOUTH, ("youth",)),
    ("Hà Thị Yến", YOUTH, ("youth",)),
    ("Đàm Quang Vinh", YOUTH, ("youth",)),
    ("Bế Thị Ngọc", YOUTH, ("youth",)),
    ("Triệu Văn Phúc", YOUTH, ("youth",)),
    ("Lường Thị Diệu", YOUTH, ("youth",)),
    ("Hoàng Văn Thành", OFFICE, ("official",)),
    ("Ma Văn Lợi", OFFICE, ("official",)),
    ("Nông Thị Huyền", OFFICE, ("official",)),
    ("Lục Văn Trường", OFFICE, ("official",)),
    ("Hà Văn Đông", OFFICE, ("official",)),
    ("Đàm Thị Xuân", OFFICE, ("official",)),
    ("Hoàng Thị Loan", WOMEN, ("women",)),
    ("Triệu Thị Sen", WOMEN, ("women",)),
    ("Nông Thị Dung", WOMEN, ("women",)),
    ("Ma Văn Chiến", VETERANS, ("veterans",)),
    ("Lục Văn Hòa", VETERANS, ("veterans",)),
    ("Hà Văn Khải", VILLAGE, ("community",)),
    ("Bế Văn Thuận", VILLAGE, ("community",)),
)


def _phone(i: int) -> str:
    prefix = ("0912", "0983", "0868", "0357", "0396")[i % 5]
    number = (i * 7919 + 104729) % 1_000_000
    return f"{prefix} {number // 1000:03d} {number % 1000:03d}"


def demo_step(db: Database, today: date | None = None) -> dict[str, int]:
    """Fill this register of the demo commune; return counts for the summary."""
    today = today or date.today()
    monday = monday_of(today)
    set_rules(db, min_rest_hours=16, max_shifts_per_week=6, max_consecutive_nights=2)
    sites = [add_site(db, active_from=monday - timedelta(days=21), **spec) for spec in SITES]
    people = []
    for i, (name, unit, roles) in enumerate(STAFF):
        extra = {}
        if name == "Ma Thị Phương":
            extra = {"no_nights": True, "notes": "Đang nuôi con nhỏ: không trực đêm"}
        if name == "Lục Văn Hòa":
            extra = {"max_shifts_per_week": 3, "notes": "Tuổi cao: tối đa 3 ca mỗi tuần"}
        if name in WISHES:
            extra["wishes"] = WISHES[name]
        people.append(add_staff(db, name, unit=unit, roles=roles, phone=_phone(i), **extra))
    by_name = {p.name: p for p in people}
    absences = [
        ("Triệu Văn Dũng", "leave", today + timedelta(days=2), today + timedelta(days=4)),
        ("Hà Thị Yến", "sick", today - timedelta(days=1), today + timedelta(days=2)),
        ("Bế Văn Thuận", "quarantine", today - timedelta(days=3), today + timedelta(days=10)),
        ("Ma Văn Lợi", "other", today + timedelta(days=8), today + timedelta(days=8)),
    ]
    for name, reason, first, last in absences:
        note = "Đi tập huấn ở huyện" if reason == "other" else ""
        add_absence(db, by_name[name].id, reason, first, last, note)
    result = generate(db, monday, monday + timedelta(days=13), keep_current=False)
    attended = _mark_past_shifts(db, monday, today)
    return {
        "điểm trực": len(sites),
        "người trực": len(people),
        "lượt phân công": result.added,
        "ca đã điểm danh": attended,
    }


def _mark_past_shifts(db: Database, monday: date, today: date) -> int:
    """Shifts over before now: the leader marks them, with one absence and one replacement."""
    now = datetime.combine(today, time(12, 0))
    snap = load_snapshot(db, monday, today)
    over = [d for d in snap.duties if d.end <= now]
    if not over:
        return 0
    with db.session() as s:
        leaders = {
            (r.site_id, r.day, r.shift): r.staff_id
            for r in s.scalars(select(Assignment).where(Assignment.is_leader.is_(True)))
        }
    busy = {(d.staff_id, d.day) for d in snap.duties}
    by_leader: dict[str, list[Mark]] = {}
    for i, d in enumerate(sorted(over, key=lambda d: (d.start, d.site_id, d.staff_id))):
        leader = snap.staff[leaders.get(d.cell, d.staff_id)].name
        status, replacement = "present", None
        if i == 7:
            status = "absent"
        elif i == 15:
            free = [
                p
                for p in sorted(snap.staff)
                if (p, d.day) not in busy and (p, d.day - timedelta(days=1)) not in busy
            ]
            if free:
                status, replacement = "replaced", free[0]
        by_leader.setdefault(leader, []).append(Mark(d.id, status, replacement))
    return sum(mark_many(db, marks, marked_by=leader) for leader, marks in by_leader.items())
