"""Situations unlike the shared instances: solver, checker, `roster verify` and the screen agree.

A site needing a role nobody holds, everyone on leave for a day, four shifts a day, and a
large commune (30 sites, 300 people): the roster is valid, its gaps are the ones the
independent checker counts, never below the proven bound, and on the register the screen's
gaps are exactly those `roster verify` lists. Nothing raises.
"""

from __future__ import annotations

import json
import random
from datetime import date, timedelta

import pytest

from fieldapp.rostering.capacity import check_capacity
from fieldapp.rostering.checker import check, check_gaps
from fieldapp.rostering.figures import measure
from fieldapp.rostering.instance import Instance, instance_to_json, parse_instance
from fieldapp.rostering.planning import checked_gaps, generate
from fieldapp.rostering.solver import solve
from fieldapp.rostering.store import add_absence, add_site, add_staff, set_rules

from .dbfixtures import MONDAY, assert_saved_valid
from .test_gaps import _screen_gaps
from .test_register_cli import run

THREE = [
    {"id": "S1", "start": "06:00", "hours": 8, "night": False},
    {"id": "S2", "start": "14:00", "hours": 8, "night": False},
    {"id": "S3", "start": "22:00", "hours": 8, "night": True},
]
ROLES = ["police", "militia", "youth", "official", "health"]


def _make(
    name: str, sites: int, staff: int, days: int, shifts=None, rules=None, seed: int = 7
) -> Instance:
    """A seeded commune: 3 a shift, one police each; a fifth police; some leave."""
    rng = random.Random(seed)
    shifts = shifts or THREE
    people = []
    for i in range(staff):
        person = {"id": f"p{i:03d}", "name": f"Người {i}", "roles": [ROLES[i % 5]]}
        if i % 7 == 3:
            day = rng.randrange(days)
            person["unavailable"] = [
                {"from": f"{date(2021, 8, 2) + timedelta(days=day)}T00:00",
                 "to": f"{date(2021, 8, 4) + timedelta(days=day)}T00:00"}
            ]  # fmt: skip
        people.append(person)
    return parse_instance(
        {
            "name": name,
            "start": "2021-08-02",
            "days": days,
            "shifts": shifts,
            "sites": [
                {
                    "id": f"site-{i:02d}",
                    "name": f"Chốt số {i}",
                    "shifts": [s["id"] for s in shifts],
                    "staff_per_shift": 3,
                    "require": {"police": 1},
                }
                for i in range(1, sites + 1)
            ],
            "staff": people,
            "rules": rules
            or {"min_rest_hours": 16, "max_shifts_per_week": 6, "max_consecutive_nights": 2},
            "locked": [],
        }
    )


FOUR = [
    {"id": "Q1", "start": "00:00", "hours": 6, "night": True},
    {"id": "Q2", "start": "06:00", "hours": 6, "night": False},
    {"id": "Q3", "start": "12:00", "hours": 6, "night": False},
    {"id": "Q4", "start": "18:00", "hours": 6, "night": True},
]


def _role_nobody_has() -> Instance:
    data = instance_to_json(_make("x", 4, 45, days=14))
    data["name"] = "site-needs-a-role-nobody-has"
    data["sites"][1]["require"] = {"police": 1, "medic": 1}
    return parse_instance(data)


def _everyone_away_one_day() -> Instance:
    data = instance_to_json(_make("x", 5, 60, days=14))
    data["name"] = "everyone-on-leave-one-day"
    for person in data["staff"]:
        person.setdefault("unavailable", []).append(
            {"from": "2021-08-06T00:00", "to": "2021-08-07T00:00"}
        )
    return parse_instance(data)


def _four_shifts() -> Instance:
    return _make(
        "four-shifts-a-day",
        6,
        70,
        days=14,
        shifts=FOUR,
        rules={"min_rest_hours": 12, "max_shifts_per_week": 7, "max_consecutive_nights": 3},
    )


def _large() -> Instance:
    return _make("30sites-300staff-week", 30, 300, days=7)


@pytest.mark.parametrize(
    "make",
    [_role_nobody_has, _everyone_away_one_day, _four_shifts, _large],
    ids=lambda f: f.__name__,
)
def test_unseen_instances_solve_valid_and_honest(make) -> None:
    instance = make()
    solution = solve(instance)
    assert check(instance, solution) == []
    assert check_gaps(instance, solution) == []  # every gap listed, with its reason
    figures = measure(instance, solution)
    assert figures.gaps == solution.figures["gaps"]
    assert check_capacity(instance).gap_lower_bound <= figures.gaps
    if make is _role_nobody_has:
        medic = [g for g in solution.uncovered if g.role == "medic"]
        assert sum(g.missing for g in medic) == 14 * 3  # every shift of that site, named
        assert all("medic" in g.reason or "không có" in g.reason for g in medic)
    if make is _everyone_away_one_day:
        away = [g for g in solution.uncovered if g.date == date(2021, 8, 6)]
        assert sum(g.missing for g in away) == 5 * 3 * 3  # the whole day is empty
        assert all(g.reason for g in away)
    if make is _four_shifts:
        assert {a.shift for a in solution.assignments} == {"Q1", "Q2", "Q3", "Q4"}


def test_unseen_instance_through_the_command_line(tmp_path, capsys) -> None:
    path = tmp_path / "four.json"
    path.write_text(json.dumps(instance_to_json(_four_shifts()), ensure_ascii=False), "utf-8")
    out = tmp_path / "out.json"
    assert run(tmp_path / "d", "roster", "solve", str(path), "-o", str(out)) == 0
    assert run(tmp_path / "d", "roster", "check", str(path), str(out)) == 0
    assert "Vi phạm: 0" in capsys.readouterr().out


def test_register_with_unseen_situations_screen_and_verify_agree(db) -> None:
    """Four 6-hour shifts, a site needing a health worker nobody is, everyone sick one day:
    the screen's gaps are those `roster verify` lists (:func:`checked_gaps`)."""
    set_rules(db, min_rest_hours=12, max_shifts_per_week=7, max_consecutive_nights=3)
    add_site(
        db,
        "Chốt bốn ca",
        active_from=MONDAY - timedelta(days=7),
        pattern="4x6",
        first_start="00:00",
        staff_per_shift=2,
        require={"police": 1},
    )
    add_site(
        db,
        "Điểm cách ly cần y tế",
        kind="quarantine",
        active_from=MONDAY - timedelta(days=7),
        staff_per_shift=2,
        require={"health": 1},
    )
    people = [
        add_staff(db, f"Người thứ {i}", roles=["police"] if i < 6 else ["militia"])
        for i in range(22)
    ]
    sick_day = MONDAY + timedelta(days=2)
    for p in people:
        add_absence(db, p.id, "sick", sick_day, sick_day)
    end = MONDAY + timedelta(days=6)
    generate(db, MONDAY, end)
    assert_saved_valid(db, MONDAY, end)
    checker = checked_gaps(db, MONDAY, end)
    screen = _screen_gaps(db, MONDAY, end)
    assert sorted(checker, key=lambda x: (x[0][1], x[0][0], x[0][2], x[1] or "")) == screen
    assert any(role == "health" for _, role, _ in checker)  # nobody is a health worker
    assert sick_day in {cell[1] for cell, _, _ in checker}  # the day everyone is sick


def test_leave_spanning_the_whole_horizon_is_not_an_error() -> None:
    data = instance_to_json(_make("x", 2, 12, days=7))
    for person in data["staff"]:
        person["unavailable"] = [{"from": "2021-07-01T00:00", "to": "2021-09-01T00:00"}]
    instance = parse_instance(data)
    solution = solve(instance)
    assert solution.assignments == [] and solution.figures["gaps"] == 2 * 3 * 7 * 3
    assert check_gaps(instance, solution) == []
