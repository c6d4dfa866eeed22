"""The lockdown at a glance: the figures the overview page shows.

They are counted by :mod:`fieldapp.households.queries` (one rule for "area in force" and the
counts by status, shared with the reports and the district roll-up); kept importable here.
"""

from __future__ import annotations

from fieldapp.households.queries import LockdownCounts, lockdown_counts

__all__ = ["LockdownCounts", "lockdown_counts"]
