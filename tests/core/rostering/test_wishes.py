"""Soft wishes (ask for / avoid days, nights, weekends): file format, solver, figures, register."""

from __future__ import annotations

from datetime import date

import pytest

from fieldapp.errors import UserError
from fieldapp.rostering.figures import measure
from fieldapp.rostering.instance import against_wishes, instance_to_json, parse_instance
from fieldapp.rostering.solver import solve

from .conftest import assert_valid

SHIFTS = [
    {"id": "S1", "start": "06:00", "hours": 8, "night": False},
    {"id": "S2", "start": "14:00", "hours": 8, "night": False},
    {"id": "S3", "start": "22:00", "hours": 8, "night": True},
]


def _data(wishes: dict[str, dict[str, str]]) -> dict:
    staff = []
    for i in range(12):
        person = {"id": f"p{i:02d}", "name": f"Người {i}", "roles": ["militia"]}
        if f"p{i:02d}" in wishes:
            person["wishes"] = wishes[f"p{i:02d}"]
        staff.append(person)
    return {
        "name": "wishes",
        "start": "2021-08-02",
        "days": 14,
        "shifts": SHIFTS,
        "sites": [
            {"id": "a", "name": "Chốt A", "shifts": ["S1", "S2", "S3"], "staff_per_shift": 1},
            {"id": "b", "name": "Chốt B", "shifts": ["S1", "S2", "S3"], "staff_per_shift": 1},
        ],
        "staff": staff,
        "rules": {"min_rest_hours": 16, "max_shifts_per_week": 6, "max_consecutive_nights": 2},
        "locked": [],
    }


def test_against_wishes_reads_avoid_and_ask() -> None:
    assert against_wishes((("nights", "avoid"),), night=True, weekend=False)
    assert not against_wishes((("nights", "avoid"),), night=False, weekend=True)
    assert against_wishes((("days", "ask"),), night=True, weekend=False)
    assert not against_wishes((("weekends", "ask"), ("nights", "ask")), night=True, weekend=False)
    assert not against_wishes((), night=True, weekend=True)


def test_wishes_round_trip_and_bad_ones_are_refused() -> None:
    instance = parse_instance(_data({"p01": {"nights": "avoid", "weekends": "ask"}}))
    assert instance.staff[1].wishes == (("nights", "avoid"), ("weekends", "ask"))
    again = parse_instance(instance_to_json(instance))
    assert again.staff[1].wishes == instance.staff[1].wishes
    for bad in ({"night": "avoid"}, {"nights": "never"}, {"nights": ["avoid"]}):
        with pytest.raises(UserError, match="Mong muốn"):
            parse_instance(_data({"p01": bad}))


def test_solver_honours_wishes_without_losing_cover_or_fairness() -> None:
    avoid = {f"p{i:02d}": {"nights": "avoid"} for i in range(4)}
    plain = parse_instance(_data({}))
    wished = parse_instance(_data(avoid))
    before = solve(plain)
    after = solve(wished)
    assert_valid(wished, after)
    f_before, f_after = measure(plain, before), measure(wished, after)
    assert f_after.gaps == f_before.gaps == 0
    assert f_after.max_shift_spread <= max(1, f_before.max_shift_spread)
    assert after.figures["wishes"]["shifts"] == f_after.wish_shifts
    assert after.figures["wishes"]["met"] == f_after.wishes_met
    plain_met = measure(wished, before).wishes_met  # the roster made without wishes, judged
    assert f_after.wishes_met > plain_met


def test_same_wishes_same_roster() -> None:
    data = _data({"p03": {"weekends": "avoid"}, "p07": {"days": "ask"}})
    first = solve(parse_instance(data))
    second = solve(parse_instance(data))
    assert first.assignments == second.assignments


def test_register_keeps_wishes_and_refuses_bad_ones(db) -> None:
    from fieldapp.rostering.register import add_staff, update_staff

    person = add_staff(db, "Phạm Minh Dũng", roles=["police"], wishes={"nights": "avoid"})
    assert person.wishes == {"nights": "avoid"}
    assert "xin tránh ca đêm" in person.wishes_text
    changed = update_staff(db, person.id, wishes={"weekends": "ask"})
    assert changed.wishes == {"weekends": "ask"}
    with pytest.raises(UserError):
        update_staff(db, person.id, wishes={"days": "avoid", "nights": "avoid"})
    with pytest.raises(UserError):
        update_staff(db, person.id, wishes={"holidays": "ask"})
    from fieldapp.rostering.snapshot import get_staff

    assert get_staff(db, person.id).wishes == {"weekends": "ask"}


def test_site_hotline_is_kept_and_checked(db) -> None:
    from fieldapp.rostering.register import add_site, update_site

    site = add_site(db, "Chốt Nà Pài", active_from=date(2021, 8, 2), hotline="0209 3870 115")
    assert site.hotline == "0209 3870 115"
    assert update_site(db, site.id, hotline="0912 345 678").hotline == "0912 345 678"
    with pytest.raises(UserError, match="đường dây nóng"):
        update_site(db, site.id, hotline="gọi anh Hùng")
