"""A small commune with known numbers, built through the registers' own service functions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from fieldapp.checkpoints.log import EntryInput, add_entry
from fieldapp.db.database import Database
from fieldapp.directives.register import (
    DirectiveForm,
    ItemForm,
    add_note,
    get_directive,
    save_directive,
    set_item_status,
)
from fieldapp.households.service import (
    AreaInput,
    HouseholdInput,
    MemberInput,
    ReliefItem,
    add_area,
    add_household,
    add_test_round,
    change_status,
    record_delivery,
    record_test_results,
)
from fieldapp.profile import Profile, save_profile
from fieldapp.rostering.attendance import mark_attendance
from fieldapp.rostering.editing import assign
from fieldapp.rostering.store import add_site, add_staff


@dataclass
class World:
    day: date
    directive_id: int
    item_ids: list[int]


def build_world(db: Database) -> World:
    """Known figures on ``day`` (today): see the assertions in the tests."""
    day = date.today()
    before = day - timedelta(days=1)
    save_profile(
        db,
        Profile(
            commune_name="Bằng Lãng",
            district_name="Chợ Đồn",
            province_name="Bắc Kạn",
            signer_name="Hoàng Văn Thắng",
        ),
    )
    area = add_area(db, AreaInput(name="Thôn Nà Pài", started_on=day - timedelta(days=10)))
    # An area that ended long ago: its people are not counted.
    old = add_area(
        db,
        AreaInput(
            name="Thôn Cũ", started_on=day - timedelta(days=40), ended_on=day - timedelta(days=20)
        ),
    )
    members: list[int] = []
    for n in range(7):  # 7 households of 3 people = 21 people
        hid = add_household(
            db,
            area,
            HouseholdInput(village="Nà Pài", house_number=str(n + 1)),
            [
                MemberInput(f"Nông Văn {chr(65 + n)}", birth_year=1970, is_head=True),
                MemberInput(f"Hà Thị {chr(65 + n)}", birth_year=1975),
                MemberInput(f"Nông Văn Bé {chr(65 + n)}", birth_year=2012),
            ],
        )
        if n == 0:
            first_household = hid
    from fieldapp.households.service import household_detail

    for hid in range(first_household, first_household + 7):
        members += [m.id for m in household_detail(db, hid).members]
    old_hid = add_household(db, old, HouseholdInput(village="Cũ"), [MemberInput("Lò Văn Cũ")])
    old_member = household_detail(db, old_hid).members[0].id
    change_status(db, old_member, "F0", isolation="central", start=before)

    # Day before: 2 F0, 3 F1, 1 F2. Today: one more F0 (an F1 turns positive), 2 new F1.
    change_status(db, members[0], "F0", isolation="central", start=before - timedelta(days=3))
    change_status(db, members[1], "F0", isolation="central", start=before)
    for m in members[2:5]:
        change_status(db, m, "F1", isolation="home", start=before - timedelta(days=2))
    change_status(db, members[5], "F2", start=before)
    change_status(db, members[2], "F0", isolation="central", start=day)
    change_status(db, members[6], "F1", isolation="home", start=day)
    change_status(db, members[7], "F1", isolation="home", start=day)
    # One isolation ends today, and a mistaken entry is cancelled (not counted).
    change_status(
        db, members[8], "negative", isolation="home", start=day - timedelta(days=7), end=day
    )
    wrong = change_status(db, members[9], "F0", isolation="central", start=day)
    from fieldapp.households.service import cancel_status

    cancel_status(db, wrong)

    tests = add_test_round(db, area, day)
    record_test_results(
        db, tests, {m: ("positive" if i == 0 else "negative") for i, m in enumerate(members[:9])}
    )
    for hid in range(first_household, first_household + 4):
        record_delivery(
            db, hid, day, [ReliefItem("Gạo", 10, "kg"), ReliefItem("Mì tôm", 1, "thùng")]
        )

    site = add_site(db, "Chốt Nà Pài", active_from=day - timedelta(days=5), staff_per_shift=1)
    staff = [add_staff(db, f"Công an {i}", roles=["công an"]) for i in range(3)]
    first = assign(db, site.id, day, "C1", staff[0].id, force=True)
    assign(db, site.id, day, "C2", staff[1].id, force=True)
    mark_attendance(db, first, "absent")

    noon = datetime.combine(day, time(0, 0)).astimezone()
    for i in range(5):
        add_entry(
            db,
            EntryInput(
                site_id=site.id,
                full_name=f"Người {i}",
                arrived_at=noon + timedelta(minutes=i),
                from_place="Hà Nội",
                vehicle_plate="97A-123.45" if i < 2 else "",
                health_declared=True,
                people_count=2 if i == 0 else 1,
            ),
            now=noon + timedelta(hours=1),
        )

    directive_id = save_directive(
        db,
        DirectiveForm(
            number="235-CV/HU",
            kind="Công văn",
            issuer="Huyện ủy Chợ Đồn",
            issued_on=date(2021, 8, 5),
            subject="phát huy vai trò, trách nhiệm trong công tác phòng, chống dịch Covid-19",
            items=[
                ItemForm(
                    "1",
                    "Rà soát danh sách hộ nghèo trong vùng phong tỏa.",
                    due=(day - timedelta(days=2)).isoformat(),
                    responsible_unit="Văn phòng",
                ),
                ItemForm(
                    "2",
                    "Phân ca trực 24/24 tại các điểm cách ly.",
                    due=day.isoformat(),
                    responsible_unit="Công an xã",
                ),
                ItemForm("3", "Tuyên truyền trên loa truyền thanh.", responsible_unit="Đoàn xã"),
            ],
            arrival_date=date(2021, 8, 9),
        ),
    )
    item_ids = [i.id for i in get_directive(db, directive_id).items]
    set_item_status(db, item_ids[2], "done")
    add_note(db, item_ids[2], "Đã phát loa 3 buổi mỗi ngày ở 12 thôn.", noted_on=day)
    return World(day=day, directive_id=directive_id, item_ids=item_ids)
