"""The checkpoints register of the demo commune (nothing yet)."""

from __future__ import annotations

from fieldapp.db.database import Database


def demo_step(db: Database) -> dict[str, int]:
    """Fill this register of the demo commune; return counts for the summary."""
    return {}
