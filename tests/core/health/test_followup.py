"""The follow-up register: checks, danger signs, the round lists, outcomes, F0 from a test."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from fieldapp.errors import NotFound, UserError
from fieldapp.health.followup import (
    CheckInput,
    checks_of,
    delete_check,
    followup_lists,
    open_danger_count,
    record_action,
    record_check,
    record_checks,
)
from fieldapp.health.models import FollowUpCheck
from fieldapp.health.outcomes import (
    outcome_counts,
    positives_without_f0,
    record_f0_from_test,
    record_outcome,
)
from fieldapp.health.signs import Thresholds, breath_limit, danger_signs, parse_symptoms
from fieldapp.households.models import HealthStatus, HouseholdMember
from fieldapp.households.service import (
    AreaInput,
    HouseholdInput,
    MemberInput,
    add_area,
    add_household,
    add_test_round,
    change_status,
    record_test_results,
)
from fieldapp.settings import set_setting

TODAY = date.today()


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, datetime.min.time()).replace(hour=hour, minute=minute).astimezone()


@pytest.fixture
def people(db):
    """Two villages: an F0 at home, an F1 at home, an F1 in a central camp, a negative child."""
    area = add_area(
        db,
        AreaInput(
            name="Khu phong tỏa Nà Pài",
            villages="Nà Pài, Khuổi Cuộng",
            regime="CT16",
            started_on=TODAY - timedelta(days=5),
        ),
    )
    add_household(
        db,
        area,
        HouseholdInput(village="Nà Pài", house_number="12"),
        [
            MemberInput("Hoàng Văn Thắng", birth_year=1968, sex="M", is_head=True),
            MemberInput("Ma Thị Lan", birth_year=1972, sex="F", relation="Vợ"),
            MemberInput("Hoàng Thị Ỏi", birth_year=TODAY.year - 3, sex="F", relation="Con"),
        ],
    )
    add_household(
        db,
        area,
        HouseholdInput(village="Khuổi Cuộng", house_number="3"),
        [MemberInput("Đặng Văn Đông", birth_year=1990, sex="M", is_head=True)],
    )
    with db.session() as s:
        ids = {m.full_name: m.id for m in s.scalars(select(HouseholdMember))}
    start = TODAY - timedelta(days=2)
    change_status(db, ids["Hoàng Văn Thắng"], "F0", isolation="home", start=start)
    change_status(
        db, ids["Ma Thị Lan"], "F1", isolation="home", start=start, end=TODAY + timedelta(days=1)
    )
    change_status(db, ids["Đặng Văn Đông"], "F1", isolation="central", start=start)
    change_status(db, ids["Hoàng Thị Ỏi"], "negative", start=start)
    return ids


# -- danger signs (pure) ------------------------------------------------------------------


def test_decision_4038_thresholds_and_children_breathe_faster():
    t = Thresholds()
    kw = dict(temperature=None, pulse=None, symptoms=())
    assert danger_signs(spo2=95, breath_rate=None, age_years=40, thresholds=t, **kw) == ["spo2"]
    assert danger_signs(spo2=96, breath_rate=19, age_years=40, thresholds=t, **kw) == []
    assert danger_signs(spo2=96, breath_rate=20, age_years=40, thresholds=t, **kw) == ["breath"]
    # 30 breaths a minute is normal for a 3-year-old, too fast for a 9-year-old
    assert breath_limit(3, t) == 40 and breath_limit(9, t) == 30 and breath_limit(None, t) == 20
    assert danger_signs(spo2=None, breath_rate=30, age_years=3, thresholds=t, **kw) == []
    assert danger_signs(spo2=None, breath_rate=30, age_years=9, thresholds=t, **kw) == ["breath"]
    signs = danger_signs(
        temperature=39.5,
        spo2=None,
        pulse=130,
        breath_rate=None,
        symptoms=("cough", "chest_pain"),
        age_years=None,
        thresholds=t,
    )
    assert signs == ["pulse_high", "temperature", "symptom:chest_pain"]  # a cough is not one


def test_symptoms_from_free_text_keep_unknown_words():
    found, others = parse_symptoms("Ho,  KHÓ THỞ; đau bụng, mất vị giác, ho")
    assert found == ["cough", "breathless", "taste_smell"]
    assert others == ["đau bụng"]


# -- recording -------------------------------------------------------------------------------


def test_a_check_past_a_threshold_is_marked_at_once_and_asks_for_action(db, people):
    thang = people["Hoàng Văn Thắng"]
    calm = record_check(
        db,
        CheckInput(
            thang, temperature="37,2", spo2=97, pulse=80, breath_rate=18, checked_by="Ma Thị Hạnh"
        ),
    )
    assert not calm.danger and calm.temperature == 37.2 and calm.checked_by == "Ma Thị Hạnh"
    bad = record_check(db, CheckInput(thang, spo2=93, symptoms=["chest_pain"], by_phone=True))
    assert bad.danger and bad.danger_signs == ("spo2", "symptom:chest_pain")
    assert open_danger_count(db) == 1
    acted = record_action(db, bad.id, "moved_facility", by="Trạm y tế", note="xe 115")
    assert acted.action == "moved_facility" and acted.action_at is not None
    assert open_danger_count(db) == 0
    assert [c.id for c in checks_of(db, thang)] == [bad.id, calm.id]


def test_thresholds_come_from_settings(db, people):
    set_setting(db, "health.danger.spo2_max", 93)
    assert not record_check(db, CheckInput(people["Ma Thị Lan"], spo2=94)).danger
    assert record_check(db, CheckInput(people["Ma Thị Lan"], spo2=93)).danger


@pytest.mark.parametrize(
    "bad",
    [
        dict(temperature=45),
        dict(temperature="ba mươi tám"),
        dict(spo2=101),
        dict(pulse=-3),
        dict(breath_rate=0),
        dict(symptoms=["<script>"]),
        dict(),  # nothing at all
        dict(spo2=97, checked_at=datetime.now().astimezone() + timedelta(days=1)),
    ],
)
def test_wrong_values_are_refused_and_nothing_is_written(db, people, bad):
    with pytest.raises(UserError):
        record_check(db, CheckInput(people["Ma Thị Lan"], **bad))
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(FollowUpCheck)) == 0


def test_a_round_is_all_or_nothing(db, people):
    good = CheckInput(people["Ma Thị Lan"], spo2=98)
    with pytest.raises(NotFound):
        record_checks(db, [good, CheckInput(999_999, spo2=98)])
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(FollowUpCheck)) == 0
    assert len(record_checks(db, [good, CheckInput(people["Hoàng Văn Thắng"], spo2=97)])) == 2


def test_delete_a_check_entered_by_mistake(db, people):
    check = record_check(db, CheckInput(people["Ma Thị Lan"], spo2=98))
    delete_check(db, check.id)
    assert checks_of(db, people["Ma Thị Lan"]) == []
    with pytest.raises(NotFound):
        delete_check(db, check.id)


# -- lists ----------------------------------------------------------------------------------


def test_round_lists_due_missed_danger_and_ending_tomorrow(db, people):
    thang, lan = people["Hoàng Văn Thắng"], people["Ma Thị Lan"]
    record_check(db, CheckInput(thang, spo2=97, checked_at=at(TODAY, 0, 0)))
    record_check(db, CheckInput(lan, spo2=90, checked_at=at(TODAY - timedelta(days=1), 20)))
    lists = followup_lists(db, TODAY, now=at(TODAY, 12))
    # the camp's F1 and the negative child are not the commune team's to check
    assert lists.followed == 2 and lists.required == 2
    assert [p.full_name for p in lists.due] == ["Ma Thị Lan", "Hoàng Văn Thắng"]
    assert [p.full_name for p in lists.missed] == ["Ma Thị Lan"]
    assert [p.full_name for p, _ in lists.danger] == [
        "Ma Thị Lan"
    ]  # yesterday 20:00 is within 24 h of noon
    assert [p.full_name for p in lists.ending_tomorrow] == ["Ma Thị Lan"]
    assert lists.due[1].checks_today == 1 and lists.due[1].last_check.spo2 == 97
    # one village only (typed without tones)
    only = followup_lists(db, TODAY, village="khuoi cuong", now=at(TODAY, 23))
    assert only.followed == 0 and only.danger == []
    # a second check today takes Thắng off the round
    record_check(db, CheckInput(thang, spo2=98, checked_at=at(TODAY, 0, 1)))
    assert [p.full_name for p in followup_lists(db, TODAY, now=at(TODAY, 23)).due] == ["Ma Thị Lan"]


def test_followup_list_of_a_past_day(db, people):
    record_check(
        db, CheckInput(people["Ma Thị Lan"], spo2=97, checked_at=at(TODAY - timedelta(days=1), 9))
    )
    past = followup_lists(db, TODAY - timedelta(days=1))
    assert {p.full_name: p.checks_today for p in past.due} == {
        "Ma Thị Lan": 1,
        "Hoàng Văn Thắng": 0,
    }


# -- outcomes ---------------------------------------------------------------------------------


def test_outcomes_are_statuses_kept_in_the_history_and_counted(db, people):
    thang = people["Hoàng Văn Thắng"]
    with pytest.raises(UserError):
        record_outcome(db, thang, "facility")  # which facility?
    with pytest.raises(UserError):
        record_outcome(db, thang, "recovered", on=TODAY + timedelta(days=1))
    record_outcome(
        db, thang, "facility", place="Bệnh viện dã chiến số 2", on=TODAY - timedelta(days=1)
    )
    record_outcome(db, people["Ma Thị Lan"], "recovered", on=TODAY)
    with db.session() as s:
        member = s.get(HouseholdMember, thang)
        assert member.status == "facility" and member.isolation == ""
        entry = s.scalars(
            select(HealthStatus)
            .where(HealthStatus.member_id == thang)
            .order_by(HealthStatus.id.desc())
        ).first()
        assert entry.place == "Bệnh viện dã chiến số 2"
    counts = outcome_counts(db, TODAY)
    assert (counts.recovered, counts.facility, counts.died) == (1, 0, 0)
    assert (counts.recovered_total, counts.facility_total) == (1, 1)
    # neither is followed by the commune team any more
    assert followup_lists(db, TODAY).followed == 0


def test_a_positive_test_offers_f0_from_the_test_date(db, people):
    lan, dong = people["Ma Thị Lan"], people["Đặng Văn Đông"]
    with db.session() as s:
        area_id = s.scalar(select(func.min(HouseholdMember.household_id)))
    from fieldapp.households.models import Household

    with db.session() as s:
        area_id = s.get(Household, area_id).area_id
    held = TODAY - timedelta(days=1)
    round_id = add_test_round(db, area_id, held, "pcr")
    record_test_results(db, round_id, {lan: "positive", dong: "negative"})
    offers = positives_without_f0(db, round_id)
    assert [(o.full_name, o.test_date) for o in offers] == [("Ma Thị Lan", held)]
    record_f0_from_test(db, lan, held)
    with db.session() as s:
        member = s.get(HouseholdMember, lan)
        assert (member.status, member.isolation, member.isolation_start) == ("F0", "home", held)
    assert positives_without_f0(db, round_id) == []


# -- roles ----------------------------------------------------------------------------------


def test_roles_the_checker_is_the_signed_in_officer_and_a_viewer_sees_no_list(db, people):
    from fieldapp.accounts.service import create_user, sign_in, sign_out
    from fieldapp.errors import NotPermitted

    password = "mat-khau-dai-1"
    create_user(db, "admin", password, full_name="Hoàng Văn Thắng")
    sign_in(db, "admin", password, sleep=lambda _s: None)
    create_user(db, "yta", password, full_name="Ma Thị Hạnh", role="officer")
    create_user(db, "xem", password, role="viewer")
    sign_out(db)
    with pytest.raises(NotPermitted):  # nobody signed in
        record_check(db, CheckInput(people["Ma Thị Lan"], spo2=97))
    sign_in(db, "yta", password, sleep=lambda _s: None)
    assert record_check(db, CheckInput(people["Ma Thị Lan"], spo2=97)).checked_by == "Ma Thị Hạnh"
    sign_out(db)
    sign_in(db, "xem", password, sleep=lambda _s: None)
    with pytest.raises(NotPermitted):
        followup_lists(db)
    with pytest.raises(NotPermitted):
        record_check(db, CheckInput(people["Ma Thị Lan"], spo2=97))
    assert len(checks_of(db, people["Ma Thị Lan"])) == 1


# -- the daily report -------------------------------------------------------------------------


def test_the_daily_report_counts_checks_danger_signs_and_outcomes(db, people):
    from fieldapp.profile import Profile
    from fieldapp.reports.content import daily_parts
    from fieldapp.reports.figures import daily_figures

    record_check(db, CheckInput(people["Ma Thị Lan"], spo2=97, checked_at=at(TODAY, 0, 1)))
    record_check(db, CheckInput(people["Ma Thị Lan"], spo2=92, checked_at=at(TODAY, 0, 2)))
    record_outcome(db, people["Hoàng Văn Thắng"], "died", on=TODAY)
    f = daily_figures(db, TODAY)
    assert (f.followed, f.checks, f.danger_checks, f.danger_open) == (1, 2, 1, 1)
    assert (f.died, f.died_total, f.recovered_total) == (1, 1, 0)
    yesterday = daily_figures(db, TODAY - timedelta(days=1))
    assert (yesterday.checks, yesterday.died, yesterday.died_total) == (0, 0, 0)
    text = daily_parts(Profile(commune_name="Bằng Lãng"), f)["situation"]
    assert "Đang theo dõi sức khỏe tại nhà 1 người; trong ngày có 2 lượt kiểm tra" in text
    assert "1 lượt có dấu hiệu nặng (1 lượt chưa xử lý)" in text
    assert "tử vong: 1 (lũy kế 1)" in text


def test_a_household_test_joins_the_round_of_its_day(db, people):
    from fieldapp.health.outcomes import record_test
    from fieldapp.households.models import TestRound

    lan = people["Ma Thị Lan"]
    first, offer = record_test(db, lan, TODAY, "rapid", "positive")
    assert offer  # F1 → F0 is offered
    second, _ = record_test(db, people["Hoàng Văn Thắng"], TODAY, "rapid", "positive")
    assert second == first
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(TestRound)) == 1
    _, offer = record_test(db, people["Hoàng Văn Thắng"], TODAY, "pcr", "positive")
    assert not offer  # already F0
    for bad in (("rapid", "dương"), ("antigen", "positive")):
        with pytest.raises(UserError):
            record_test(db, lan, TODAY, *bad)
    with pytest.raises(UserError):
        record_test(db, lan, TODAY + timedelta(days=1), "rapid", "negative")
