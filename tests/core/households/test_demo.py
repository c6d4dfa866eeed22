"""The demo commune's lockdown areas: realistic, and every work list has something in it."""

from __future__ import annotations

from fieldapp.households.overview import lockdown_counts
from fieldapp.households.service import list_areas
from fieldapp.households.worklists import (
    empty_houses,
    isolation_ending,
    latest_rounds,
    not_tested,
    unsupplied_vulnerable,
)


def test_demo_areas_and_work(demo_db):
    areas = list_areas(demo_db)
    assert [a.name for a in areas] == [
        "Khu phong tỏa Khuổi Cuộng – Bản Lác",
        "Khu phong tỏa thôn Nà Pài",
    ]
    counts = lockdown_counts(demo_db)
    assert counts.areas_in_force == 2 and counts.households == 150
    assert 480 <= counts.people <= 620 and counts.f0 >= 8 and counts.f1 >= 40
    assert isolation_ending(demo_db)
    assert len(empty_houses(demo_db)) >= 2
    rounds = latest_rounds(demo_db)
    assert len(rounds) == 2 and any(not_tested(demo_db, r) for r in rounds.values())
    assert unsupplied_vulnerable(demo_db)
