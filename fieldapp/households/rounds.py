"""Rapid test rounds over an area and each person's result.

Part of the households service (:mod:`fieldapp.households.service` re-exports it).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from fieldapp.db.database import Database
from fieldapp.errors import UserError
from fieldapp.households.models import (
    TEST_KINDS,
    TEST_RESULTS,
    Household,
    HouseholdMember,
    LockdownArea,
    TestResult,
    TestRound,
)
from fieldapp.households.records import TestRoundInfo, _get

# --------------------------------------------------------------------------------------------
# Tests
# --------------------------------------------------------------------------------------------


def add_test_round(
    db: Database, area_id: int, held_on: date, kind: str = "rapid", notes: str = ""
) -> int:
    if kind not in TEST_KINDS:
        raise UserError("Loại xét nghiệm phải là test nhanh (rapid) hoặc RT-PCR (pcr).")
    with db.transaction() as s:
        _get(s, LockdownArea, area_id, "khu vực phong tỏa")
        test_round = TestRound(area_id=area_id, held_on=held_on, kind=kind, notes=notes.strip())
        s.add(test_round)
        s.flush()
        return test_round.id


def delete_test_round(db: Database, round_id: int) -> None:
    with db.transaction() as s:
        s.delete(_get(s, TestRound, round_id, "đợt xét nghiệm"))


def record_test_results(db: Database, round_id: int, results: dict[int, str]) -> None:
    """Set each person's result in a round ("" removes it); people must live in the area."""
    bad = {r for r in results.values() if r and r not in TEST_RESULTS}
    if bad:
        raise UserError(f"Kết quả không hợp lệ (có: {', '.join(TEST_RESULTS)}).")
    with db.transaction() as s:
        test_round = _get(s, TestRound, round_id, "đợt xét nghiệm")
        in_area = set(
            s.scalars(
                select(HouseholdMember.id)
                .join(Household, Household.id == HouseholdMember.household_id)
                .where(
                    Household.area_id == test_round.area_id,
                    HouseholdMember.id.in_(list(results)),
                )
            )
        )
        if len(in_area) != len(set(results)):
            raise UserError("Có người không thuộc khu vực của đợt xét nghiệm này.")
        existing = {
            r.member_id: r
            for r in s.scalars(
                select(TestResult).where(
                    TestResult.round_id == round_id, TestResult.member_id.in_(list(results))
                )
            )
        }
        for member_id, result in results.items():
            row = existing.get(member_id)
            if not result:
                if row is not None:
                    s.delete(row)
            elif row is None:
                s.add(TestResult(round_id=round_id, member_id=member_id, result=result))
            else:
                row.result = result


def test_rounds(db: Database, area_id: int | None = None) -> list[TestRoundInfo]:
    """Test rounds (of one area or all), newest first, with how many were tested/positive."""
    with db.session() as s:
        query = select(TestRound).order_by(TestRound.held_on.desc(), TestRound.id.desc())
        if area_id is not None:
            query = query.where(TestRound.area_id == area_id)
        rounds = s.scalars(query).all()
        counts: dict[tuple[int, str], int] = {}
        for round_id, result, count in s.execute(
            select(TestResult.round_id, TestResult.result, func.count()).group_by(
                TestResult.round_id, TestResult.result
            )
        ):
            counts[(round_id, result)] = count
        return [
            TestRoundInfo(
                id=r.id,
                area_id=r.area_id,
                held_on=r.held_on,
                kind=r.kind,
                notes=r.notes,
                tested=sum(v for (rid, _res), v in counts.items() if rid == r.id),
                positive=counts.get((r.id, "positive"), 0),
            )
            for r in rounds
        ]


def round_results(db: Database, round_id: int) -> dict[int, str]:
    """member id -> result of one test round."""
    with db.session() as s:
        return dict(
            s.execute(
                select(TestResult.member_id, TestResult.result).where(
                    TestResult.round_id == round_id
                )
            ).all()
        )
