"""Small roster databases for the register's tests, and the check every saved roster gets."""

from __future__ import annotations

from datetime import date, timedelta

from fieldapp.rostering.conflicts import HARD_KINDS, duty_conflicts
from fieldapp.rostering.planning import check_saved
from fieldapp.rostering.store import add_site, add_staff, load_snapshot, set_rules

MONDAY = date(2021, 8, 2)


def assert_saved_valid(db, start: date, end: date) -> None:
    """The independent checker finds nothing in the saved roster, nor do the live marks."""
    violations = check_saved(db, start, end)
    assert violations == [], violations[:3]
    snap = load_snapshot(db, start - timedelta(days=14), end + timedelta(days=14))
    hard = [
        (d, c.message)
        for d, marks in duty_conflicts(snap).items()
        for c in marks
        if c.kind in HARD_KINDS
    ]
    assert hard == []


def small_commune(db, *, police: int = 8, others: int = 14, first: date = MONDAY):
    """Two checkpoints (3×8 h, 2 a shift, one police each), police and militia/youth."""
    set_rules(db, min_rest_hours=16, max_shifts_per_week=6, max_consecutive_nights=2)
    sites = [
        add_site(
            db,
            name,
            kind="checkpoint",
            active_from=first - timedelta(days=7),
            pattern="3x8",
            staff_per_shift=2,
            require={"police": 1},
        )
        for name in ("Chốt Cầu Bằng Lãng", "Chốt Nà Pài")
    ]
    people = [
        add_staff(
            db, f"Công an {i}", unit="Công an xã", roles=["police"], phone=f"0912 000 {i:03d}"
        )
        for i in range(1, police + 1)
    ]
    people += [
        add_staff(db, f"Dân quân {i}", unit="Ban CHQS xã", roles=["militia"])
        for i in range(1, others + 1)
    ]
    return sites, people
