"""Outcomes of a person under follow-up, and F0 from a positive test.

An outcome is a health status like the others (kept in the history, cancelled rather than
deleted): ``recovered`` (khỏi bệnh) ends isolation, ``facility`` (chuyển cơ sở điều trị) names the
facility, ``died`` (tử vong). A positive test result offers to record F0 from the test's date,
treated at the default place of Settings.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import case, func, select

from fieldapp.db.database import Database
from fieldapp.errors import UserMistake
from fieldapp.households.models import HealthStatus, HouseholdMember, TestResult, TestRound

OUTCOMES = ("recovered", "facility", "died")
# Statuses after which a positive test needs no new F0 entry.
ALREADY_COUNTED = ("F0", "facility", "died")


def _author(db: Database, typed: str) -> str:
    from fieldapp.health.followup import _author as author

    return author(db, typed)


def record_outcome(
    db: Database,
    member_id: int,
    outcome: str,
    *,
    on: date | None = None,
    place: str = "",
    note: str = "",
    author: str = "",
) -> int:
    """Record recovered / moved to a facility / died on ``on`` (default today); the entry's id."""
    from fieldapp.households.service import change_status

    if outcome not in OUTCOMES:
        raise UserMistake("Kết quả phải là khỏi bệnh, chuyển cơ sở điều trị hoặc tử vong.")
    on = on or date.today()
    if on > date.today():
        raise UserMistake("Ngày không được ở tương lai.")
    place = " ".join((place or "").split())
    if outcome == "facility" and not place:
        raise UserMistake("Cần ghi tên cơ sở điều trị đã chuyển đến.")
    return change_status(
        db,
        member_id,
        outcome,
        isolation="",
        start=on,
        use_default_end=False,
        author=_author(db, author),
        note=note,
        place=place,
    )


def record_f0_from_test(
    db: Database, member_id: int, test_date: date, *, place: str | None = None, author: str = ""
) -> int:
    """F0 from the date of a positive test, treated at ``place`` (default: Settings)."""
    from fieldapp.households.service import change_status
    from fieldapp.settings import get_setting

    place = place if place is not None else get_setting(db, "health.default_place")
    home = not place or "nhà" in place.lower()
    return change_status(
        db,
        member_id,
        "F0",
        isolation="home" if home else "central",
        start=test_date,
        author=_author(db, author),
        note="Dương tính khi xét nghiệm",
        place=place,
    )


@dataclass(frozen=True)
class PositiveResult:
    member_id: int
    full_name: str
    test_date: date
    status: str  # the person's current status


def positives_without_f0(db: Database, round_id: int | None = None) -> list[PositiveResult]:
    """People with a positive result who are not (yet) recorded F0 since: to offer F0."""
    with db.session() as s:
        query = (
            select(HouseholdMember, TestRound.held_on)
            .join(TestResult, TestResult.member_id == HouseholdMember.id)
            .join(TestRound, TestRound.id == TestResult.round_id)
            .where(TestResult.result == "positive")
            .where(HouseholdMember.status.not_in(ALREADY_COUNTED))
        )
        if round_id is not None:
            query = query.where(TestRound.id == round_id)
        found: dict[int, PositiveResult] = {}
        for member, held_on in s.execute(query):
            # recovered after this test: the positive result is old news
            later = s.scalar(
                select(func.count())
                .select_from(HealthStatus)
                .where(HealthStatus.member_id == member.id, HealthStatus.cancelled_at.is_(None))
                .where(HealthStatus.status == "recovered", HealthStatus.start >= held_on)
            )
            if later:
                continue
            known = found.get(member.id)
            if known is None or known.test_date < held_on:
                found[member.id] = PositiveResult(
                    member.id, member.full_name, held_on, member.status
                )
        return sorted(found.values(), key=lambda p: (p.test_date, p.member_id))


@dataclass(frozen=True)
class OutcomeCounts:
    """Outcomes and danger signs for a day: new that day, and totals up to it."""

    recovered: int = 0
    facility: int = 0
    died: int = 0
    recovered_total: int = 0
    facility_total: int = 0
    died_total: int = 0
    danger_checks: int = 0  # checks with a danger sign that day
    danger_open: int = 0  # of them, with no action recorded


def outcome_counts(db: Database, day: date) -> OutcomeCounts:
    """The figures the daily report and the district roll-up show for ``day``."""
    from datetime import datetime, time, timedelta

    from fieldapp.health.models import FollowUpCheck

    with db.session() as s:
        rows = s.execute(
            select(HealthStatus.status, HealthStatus.start == day, func.count())
            .where(HealthStatus.cancelled_at.is_(None), HealthStatus.status.in_(OUTCOMES))
            .where(HealthStatus.start <= day)
            .group_by(HealthStatus.status, HealthStatus.start == day)
        ).all()
        start = datetime.combine(day, time.min).astimezone()
        end = start + timedelta(days=1)
        danger = s.execute(
            select(func.count(), func.sum(case((FollowUpCheck.action == "", 1), else_=0)))
            .where(FollowUpCheck.danger.is_(True))
            .where(FollowUpCheck.checked_at >= start, FollowUpCheck.checked_at < end)
        ).one()
    counts = {f"{st}{'' if today else '_old'}": n for st, today, n in rows}
    total = {st: counts.get(st, 0) + counts.get(f"{st}_old", 0) for st in OUTCOMES}
    return OutcomeCounts(
        recovered=counts.get("recovered", 0),
        facility=counts.get("facility", 0),
        died=counts.get("died", 0),
        recovered_total=total["recovered"],
        facility_total=total["facility"],
        died_total=total["died"],
        danger_checks=danger[0] or 0,
        danger_open=int(danger[1] or 0),
    )


def record_test(
    db: Database, member_id: int, held_on: date, kind: str, result: str
) -> tuple[int, bool]:
    """One person's test outside a planned round (a household's own test): it joins the round
    of the person's area on that day and of that kind, made if there is none. Returns the round
    and whether the result offers F0 (positive, and the person not already F0 or worse)."""
    from fieldapp.households.models import TEST_KINDS, TEST_RESULTS, Household
    from fieldapp.households.service import add_test_round, record_test_results

    if kind not in TEST_KINDS:
        raise UserMistake("Loại xét nghiệm phải là test nhanh (rapid) hoặc RT-PCR (pcr).")
    if result not in TEST_RESULTS:
        raise UserMistake("Kết quả phải là âm tính, dương tính hoặc không xác định.")
    if held_on > date.today():
        raise UserMistake("Ngày xét nghiệm không được ở tương lai.")
    with db.session() as s:
        member = s.get(HouseholdMember, member_id)
        if member is None:
            from fieldapp.errors import NotFound

            raise NotFound(f"Không có người mã {member_id}.")
        area_id = s.get(Household, member.household_id).area_id
        round_id = s.scalar(
            select(TestRound.id).where(
                TestRound.area_id == area_id, TestRound.held_on == held_on, TestRound.kind == kind
            )
        )
        status = member.status
    if round_id is None:
        round_id = add_test_round(db, area_id, held_on, kind)
    record_test_results(db, round_id, {member_id: result})
    return round_id, result == "positive" and status not in ALREADY_COUNTED


def followup_counts(db: Database, day: date) -> tuple[int, int]:
    """People under follow-up on ``day`` and the checks recorded that day (counts only: no
    personal data, so the daily report may quote them for any role)."""
    from datetime import datetime, time, timedelta

    from fieldapp.health.followup import _followed_query
    from fieldapp.health.models import FollowUpCheck

    start = datetime.combine(day, time.min).astimezone()
    with db.session() as s:
        followed = s.scalar(select(func.count()).select_from(_followed_query(day).subquery()))
        checks = s.scalar(
            select(func.count())
            .select_from(FollowUpCheck)
            .where(
                FollowUpCheck.checked_at >= start,
                FollowUpCheck.checked_at < start + timedelta(days=1),
            )
        )
    return followed or 0, checks or 0


def followup_by_device(session, day: date) -> dict[str, tuple[int, int, int, int]]:
    """For the district's roll-up, per device that wrote them: checks with a danger sign in the
    24 hours up to the end of ``day``, and people recovered, moved to a facility and dead up to
    ``day`` (status entries not cancelled)."""
    from datetime import datetime, time, timedelta

    from fieldapp.health.models import FollowUpCheck

    end = datetime.combine(day, time.min).astimezone() + timedelta(days=1)
    out: dict[str, list[int]] = {}
    for device, count in session.execute(
        select(FollowUpCheck.device_id, func.count())
        .where(FollowUpCheck.danger.is_(True))
        .where(FollowUpCheck.checked_at >= end - timedelta(hours=24))
        .where(FollowUpCheck.checked_at < end)
        .group_by(FollowUpCheck.device_id)
    ):
        out.setdefault(device, [0, 0, 0, 0])[0] = count
    column = {"recovered": 1, "facility": 2, "died": 3}
    for device, status, count in session.execute(
        select(HealthStatus.device_id, HealthStatus.status, func.count())
        .where(HealthStatus.cancelled_at.is_(None), HealthStatus.status.in_(OUTCOMES))
        .where(HealthStatus.start <= day)
        .group_by(HealthStatus.device_id, HealthStatus.status)
    ):
        out.setdefault(device, [0, 0, 0, 0])[column[status]] = count
    return {device: tuple(values) for device, values in out.items()}  # type: ignore[misc]
