"""Fixtures of the households tests: a database with one lockdown area, realistic households."""

from __future__ import annotations

from datetime import timedelta

import pytest

from fieldapp.households.service import AreaInput, add_area
from tests.core.households.workbooks import TODAY, sample_households


@pytest.fixture
def area_id(db) -> int:
    return add_area(
        db,
        AreaInput(
            name="Khu phong tỏa thôn Nà Pài",
            villages="Nà Pài",
            regime="CT16",
            started_on=TODAY - timedelta(days=9),
            planned_end=TODAY + timedelta(days=12),
            decision="Quyết định số 45/QĐ-UBND ngày 11/8/2021",
        ),
    )


@pytest.fixture
def households():
    """Twelve households of thôn Nà Pài, some F0/F1 with isolation dates."""
    return sample_households()
