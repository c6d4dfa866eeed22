"""Sites for the checkpoint log tests, inserted directly (the rosters register owns them)."""

from __future__ import annotations

from datetime import date

import pytest

from fieldapp.rostering.models import Site


def make_site(db, name: str, kind: str = "checkpoint") -> int:
    with db.transaction() as s:
        site = Site(
            name=name,
            kind=kind,
            place="",
            active_from=date(2021, 7, 1),
            pattern="3x8",
            shifts=[],
            staff_per_shift=3,
            require={},
            notes="",
        )
        s.add(site)
        s.flush()
        return site.id


@pytest.fixture
def sites(db) -> dict[str, int]:
    return {
        "cau": make_site(db, "Chốt kiểm soát Cầu Bằng Lãng"),
        "napai": make_site(db, "Chốt kiểm soát Nà Pài"),
    }
