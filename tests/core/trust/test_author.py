"""The author of every status change, delivery and note is the signed-in person (issue 17
part 4), filled by the trust gate when the form leaves it blank; a typed name is kept."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select

from fieldapp.accounts.service import create_user, sign_in
from fieldapp.households.models import HealthStatus, HouseholdMember, ReliefDelivery
from fieldapp.households.service import (
    AreaInput,
    HouseholdInput,
    MemberInput,
    add_area,
    add_household,
    change_status,
    parse_items,
    record_delivery,
)

PASSWORD = "mật-khẩu-8"


def test_blank_authors_are_the_signed_in_person(db):
    create_user(db, "admin", PASSWORD)
    create_user(db, "canbo", PASSWORD, full_name="Lường Thị Hoa", role="officer")
    sign_in(db, "canbo", PASSWORD, sleep=lambda _s: None)
    area = add_area(
        db,
        AreaInput(
            name="Khu Nà Pài",
            villages="Nà Pài",
            regime="CT16",
            started_on=date.today() - timedelta(days=2),
        ),
    )
    household = add_household(
        db,
        area,
        HouseholdInput(village="Nà Pài"),
        [MemberInput("Nông Văn Dũng", 1980, is_head=True)],
    )
    with db.session() as s:
        member = s.scalar(select(HouseholdMember.id))
    change_status(db, member, "F1", isolation="home", start=date.today())
    change_status(db, member, "negative", author="Bác sĩ Ma Văn Tùng")
    record_delivery(db, household, date.today(), parse_items("gạo 10 kg"))
    with db.session() as s:
        authors = list(s.scalars(select(HealthStatus.author).order_by(HealthStatus.id)))
        delivered = s.scalar(select(ReliefDelivery.delivered_by))
    assert authors[-2:] == ["Lường Thị Hoa", "Bác sĩ Ma Văn Tùng"]
    assert delivered == "Lường Thị Hoa"


def test_without_accounts_nothing_is_invented(db):
    area = add_area(
        db, AreaInput(name="Khu A", villages="", regime="CT16", started_on=date.today())
    )
    household = add_household(
        db, area, HouseholdInput(), [MemberInput("Lý Thị Mai", 1990, is_head=True)]
    )
    record_delivery(db, household, date.today(), parse_items("mì 2 thùng"))
    with db.session() as s:
        assert s.scalar(select(ReliefDelivery.delivered_by)) == ""
