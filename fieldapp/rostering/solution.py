"""The roster solution file (``ROSTER_FORMAT.md``): assignments, gaps with reasons, extras.

Besides the two keys of the format, a solution written here carries ``rejected_locks`` (locked
cells that could not be kept, each with its reason) and ``figures`` (what the solver measured);
the format allows extra keys. Files are written one assignment a line so that two versions of
a roster (before and after a re-plan) compare well with any text diff.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from fieldapp.errors import UserError
from fieldapp.rostering.instance import Assignment, _Reader, read_json


@dataclass(frozen=True, slots=True)
class Gap:
    """Places of one shift left empty (``role`` None) or without enough holders of ``role``."""

    site: str
    date: date
    shift: str
    missing: int
    role: str | None
    reason: str

    def to_json(self) -> dict[str, Any]:
        return {
            "site": self.site,
            "date": self.date.isoformat(),
            "shift": self.shift,
            "missing": self.missing,
            "role": self.role,
            "reason": self.reason,
        }


@dataclass(frozen=True, slots=True)
class RejectedLock:
    lock: Assignment
    reason: str

    def to_json(self) -> dict[str, Any]:
        return self.lock.to_json() | {"reason": self.reason}


@dataclass
class Solution:
    assignments: list[Assignment]
    uncovered: list[Gap] = field(default_factory=list)
    rejected_locks: list[RejectedLock] = field(default_factory=list)
    figures: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "assignments": [a.to_json() for a in sorted(self.assignments)],
            "uncovered": [g.to_json() for g in self.uncovered],
            "rejected_locks": [r.to_json() for r in self.rejected_locks],
            "figures": self.figures,
        }

    def dumps(self) -> str:
        """The file text: valid JSON, one assignment or gap a line."""
        data = self.to_json()
        lines = ["{"]
        keys = list(data)
        for i, key in enumerate(keys):
            comma = "," if i < len(keys) - 1 else ""
            value = data[key]
            if isinstance(value, list) and value:
                lines.append(f"  {json.dumps(key)}: [")
                for j, item in enumerate(value):
                    sep = "," if j < len(value) - 1 else ""
                    lines.append(f"    {json.dumps(item, ensure_ascii=False)}{sep}")
                lines.append(f"  ]{comma}")
            else:
                lines.append(f"  {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}{comma}")
        lines.append("}")
        return "\n".join(lines) + "\n"

    def save(self, path: str | Path) -> None:
        from fieldapp.files import replacing

        with replacing(path) as partial:
            partial.write_text(self.dumps(), encoding="utf-8")


def load_solution(path: str | Path) -> Solution:
    """Read a solution file (e.g. the published roster before a re-plan)."""
    return parse_solution(read_json(path, "tệp lịch đã xếp"))


def parse_solution(data: Any) -> Solution:
    """Validate parsed JSON as a solution; unknown top-level keys are allowed by the format."""
    if not isinstance(data, dict):
        raise UserError("Tệp lịch đã xếp phải là một đối tượng JSON {...}.")
    top = _Reader(data, "tệp lịch đã xếp", set(data))
    assignments: list[Assignment] = []
    for i, raw in enumerate(top.items("assignments"), 1):
        r = _Reader(raw, f"phân công số {i}", {"site", "date", "shift", "staff"})
        assignments.append(
            Assignment(
                date=r.day("date"),
                shift=r.text("shift"),
                site=r.text("site"),
                staff=r.text("staff"),
            )
        )
    gaps: list[Gap] = []
    for i, raw in enumerate(top.items("uncovered", []), 1):
        r = _Reader(
            raw, f"chỗ trống số {i}", {"site", "date", "shift", "missing", "role", "reason"}
        )
        role = r.get("role", (str, type(None)), "một chuỗi hoặc null", None)
        gaps.append(
            Gap(
                site=r.text("site"),
                date=r.day("date"),
                shift=r.text("shift"),
                missing=r.integer("missing", 1, 1000),
                role=role,
                reason=r.text("reason", ""),
            )
        )
    rejected: list[RejectedLock] = []
    for i, raw in enumerate(top.items("rejected_locks", []), 1):
        r = _Reader(raw, f"ô cố định bị bỏ số {i}", {"site", "date", "shift", "staff", "reason"})
        lock = Assignment(
            date=r.day("date"), shift=r.text("shift"), site=r.text("site"), staff=r.text("staff")
        )
        rejected.append(RejectedLock(lock, r.text("reason", "")))
    figures = top.get("figures", dict, "một đối tượng", {})
    return Solution(assignments, gaps, rejected, figures)
