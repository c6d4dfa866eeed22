"""Shared paths and a helper that checks every roster a test makes."""

from __future__ import annotations

from pathlib import Path

import pytest

from fieldapp.rostering.checker import check, check_gaps
from fieldapp.rostering.instance import Instance
from fieldapp.rostering.solution import Solution

DATA = Path(__file__).parent / "data"
SHARED = Path(__file__).resolve().parents[4] / "shared" / "bench" / "rosters"


def assert_valid(instance: Instance, solution: Solution) -> None:
    """No hard rule broken and an honest gap list (each gap real, listed, with a reason)."""
    problems = check(instance, solution) + check_gaps(instance, solution)
    assert problems == [], problems[:5]


@pytest.fixture
def month_path() -> Path:
    path = SHARED / "month-10sites-150staff.json"
    if not path.exists():
        pytest.skip(f"{path} is not here")
    return path
