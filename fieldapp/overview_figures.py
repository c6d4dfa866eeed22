"""Every figure of the overview page, read with the standard library's ``sqlite3``.

Start-up paints the overview from these before SQLAlchemy, the ORM models and the other
pages are loaded (issue 17: the overview filled within 2.5 × a bare window); the cards then
take over with their own queries (:mod:`fieldapp.households.queries`,
:mod:`fieldapp.reports.figures`, :mod:`fieldapp.rostering.views`, …) once the database is open.
The SQL here says the same as those queries — a test compares both on the demo commune and on
a database full of edge cases — so nothing changes on screen when they take over.

Read-only (``mode=ro``), one connection, a few indexed queries; counts and dates only, no
personal data (the danger alert's names come with the ORM, through the gate). A database
that cannot be read this way gives None: the ordinary path then explains why.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from fieldapp.db.schema import HEAD
from fieldapp.directives.due import OVERDUE, due_state
from fieldapp.printing.numbers import document_number
from fieldapp.profile import FIELDS, Profile
from fieldapp.reports.deadline import DESTINATION, DailyReportState

# Equal to the constants of the registers (a test keeps them so); repeated here so that this
# module does not import the ORM models.
OPEN_STATUSES = ("new", "in_progress")  # fieldapp.directives.models.OPEN_STATUSES
SERIOUS = ("F0", "F1", "F2")  # fieldapp.households.queries.SERIOUS
ISOLATING = ("central", "home")  # fieldapp.households.queries.ISOLATING
STATUS_ISSUED = "issued"  # fieldapp.reports.models.STATUS_ISSUED

# "In force on :day": started on or before it, not ended before it (households/queries.in_force).
AREAS_IN_FORCE = "SELECT id FROM lockdown_area WHERE started_on <= :day AND (ended_on IS NULL OR ended_on >= :day)"


@dataclass(frozen=True)
class DirectivesDue:
    today: int
    overdue: int


@dataclass(frozen=True)
class RosterToday:
    """As :class:`fieldapp.rostering.views.DaySummary` counts them (the card's three)."""

    day: date
    shifts: int
    unfilled: int
    missing: int


@dataclass(frozen=True)
class Lockdown:
    """As :class:`fieldapp.households.queries.LockdownCounts` (the card's five)."""

    areas_in_force: int = 0
    households: int = 0
    people: int = 0
    f0: int = 0
    f1: int = 0


@dataclass(frozen=True)
class Headline:
    """As :func:`fieldapp.reports.figures.headline_figures` (the today card's figures)."""

    day: date
    f0: int = 0
    f1: int = 0
    f0_before: int = 0
    f1_before: int = 0
    people_in: int = 0
    items_overdue: int = 0

    @property
    def f0_change(self) -> int:
        return self.f0 - self.f0_before

    @property
    def f1_change(self) -> int:
        return self.f1 - self.f1_before


@dataclass(frozen=True)
class OverviewFigures:
    profile: Profile | None
    documents: int
    directives: DirectivesDue
    roster: RosterToday
    lockdown: Lockdown
    headline: Headline
    daily_report: DailyReportState
    danger: int  # danger signs of the last 24 hours nobody acted on
    accounts: bool  # the database has accounts: someone signs in before anything is shown


def overview_figures(database: Path, now: datetime | None = None) -> OverviewFigures | None:
    """The overview's figures at ``now`` (local, naive; default: now), or None when the file
    cannot be read with the standard library (missing, damaged, an older schema)."""
    now = now or datetime.now()
    if not database.exists():
        return None
    try:
        conn = sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=2)
    except sqlite3.Error:
        return None
    try:
        return _read(conn, now)
    except (sqlite3.Error, ValueError, TypeError, KeyError):
        return None
    finally:
        conn.close()


def _read(conn: sqlite3.Connection, now: datetime) -> OverviewFigures | None:
    revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    if revision is None or revision[0] != HEAD:
        return None  # opening it upgrades it first: the ordinary path
    today = now.date()
    profile = _profile(conn)
    directives = _directives_due(conn, now)
    return OverviewFigures(
        profile=profile,
        documents=conn.execute("SELECT count(*) FROM document").fetchone()[0],
        directives=directives,
        roster=_roster(conn, today),
        lockdown=_lockdown(conn, today),
        headline=_headline(conn, today),
        daily_report=_daily_report(conn, now, profile),
        danger=_danger(conn, now.astimezone()),
        accounts=conn.execute("SELECT count(*) FROM user_account").fetchone()[0] > 0,
    )


# --- values as SQLAlchemy stores them in SQLite ------------------------------------------------


def _utc_text(moment: datetime) -> str:
    """An aware datetime as a UTCDateTime column holds it ("2021-09-13 08:00:00.000000")."""
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def _utc_value(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text).replace(tzinfo=UTC)


def _date_value(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)


# --- each card ---------------------------------------------------------------------------------


def _profile(conn: sqlite3.Connection) -> Profile | None:
    row = conn.execute(
        f"SELECT {', '.join(FIELDS)} FROM commune_profile ORDER BY id LIMIT 1"
    ).fetchone()
    return None if row is None else Profile(**dict(zip(FIELDS, row, strict=True)))


def _directives_due(conn: sqlite3.Connection, now: datetime) -> DirectivesDue:
    """fieldapp.directives.queries.items_due, counted."""
    today = overdue = 0
    for due_date, due_time, recurrence in conn.execute(
        "SELECT due_date, due_time, recurrence FROM directive_item "
        "WHERE status IN (?, ?) AND (due_date <= ? OR recurrence != '')",
        (*OPEN_STATUSES, now.date().isoformat()),
    ):
        state = due_state(_date_value(due_date), due_time, recurrence, True, now)
        if state == OVERDUE:
            overdue += 1
        elif state is not None:
            today += 1
    return DirectivesDue(today, overdue)


def _roster(conn: sqlite3.Connection, day: date) -> RosterToday:
    """fieldapp.rostering.views.day_summary: the shifts of the sites active on ``day``, how
    many lack people or a required role, and how many people are missing."""
    text = day.isoformat()
    sites = {}
    for site_id, shifts, need, require in conn.execute(
        "SELECT id, shifts, staff_per_shift, require FROM roster_site "
        "WHERE active_from <= ? AND (active_to IS NULL OR active_to >= ?)",
        (text, text),
    ):
        shift_ids = [s["id"] for s in json.loads(shifts) or []]
        sites[site_id] = (shift_ids, need, dict(json.loads(require) or {}) if require else {})
    if not sites:
        return RosterToday(day, 0, 0, 0)
    roles: dict[int, set[str]] = defaultdict(set)
    for staff_id, role in conn.execute(
        "SELECT staff_id, role FROM roster_staff_role "
        "WHERE staff_id IN (SELECT staff_id FROM roster_assignment WHERE day = ?)",
        (text,),
    ):
        roles[staff_id].add(role)
    members: dict[tuple[int, str], list[int]] = defaultdict(list)
    for site_id, shift, staff_id in conn.execute(
        "SELECT site_id, shift, staff_id FROM roster_assignment WHERE day = ?", (text,)
    ):
        members[(site_id, shift)].append(staff_id)  # a duty per row, as in the grid
    shifts = unfilled = missing = 0
    for site_id, (shift_ids, need, require) in sites.items():
        for shift in shift_ids:
            people = members.get((site_id, shift), [])
            shifts += 1
            lacking = max(0, need - len(people))
            short_roles = sum(
                1
                for role, wanted in require.items()
                if sum(1 for p in people if role in roles[p]) < wanted
            )
            if max(lacking, short_roles):
                unfilled += 1
                missing += lacking
    return RosterToday(day, shifts, unfilled, missing)


def _lockdown(conn: sqlite3.Connection, day: date) -> Lockdown:
    """fieldapp.households.queries.lockdown_counts."""
    params = {"day": day.isoformat()}
    areas = conn.execute(f"SELECT count(*) FROM ({AREAS_IN_FORCE})", params).fetchone()[0]
    if not areas:
        return Lockdown()
    households, people = conn.execute(
        "SELECT count(*), coalesce(sum(member_count), 0) FROM household "
        f"WHERE area_id IN ({AREAS_IN_FORCE})",
        params,
    ).fetchone()
    by_status = dict(
        conn.execute(
            "SELECT m.status, count(*) FROM household_member m "
            "JOIN household h ON h.id = m.household_id "
            f"WHERE m.status IN ('F0', 'F1') AND h.area_id IN ({AREAS_IN_FORCE}) "
            "GROUP BY m.status",
            params,
        ).fetchall()
    )
    return Lockdown(
        areas, households or 0, int(people or 0), by_status.get("F0", 0), by_status.get("F1", 0)
    )


def _headline(conn: sqlite3.Connection, day: date) -> Headline:
    """fieldapp.reports.figures.headline_figures: F0/F1 by the status history in force on
    ``day`` and the day before (people of the areas in force), people in through the
    checkpoints that day, items overdue at its start."""
    params = {"day": day.isoformat()}
    counted: dict[str, tuple[int, int]] = {}
    for status, now, before in conn.execute(
        f"""
        WITH concerned AS (
            SELECT member_id FROM health_status WHERE status IN ('F0', 'F1', 'F2')
            UNION SELECT member_id FROM health_status WHERE isolation IN ('central', 'home')
        ), e AS (
            SELECT member_id, status, start < :day AS earlier,
                row_number() OVER (PARTITION BY member_id
                    ORDER BY start DESC, recorded_at DESC, id DESC) AS rank,
                row_number() OVER (PARTITION BY member_id, start < :day
                    ORDER BY start DESC, recorded_at DESC, id DESC) AS rank_before
            FROM health_status
            WHERE cancelled_at IS NULL AND start <= :day AND member_id IN concerned
        )
        SELECT e.status,
            sum(CASE WHEN e.rank = 1 AND h.area_id IN ({AREAS_IN_FORCE}) THEN 1 ELSE 0 END),
            sum(CASE WHEN e.rank_before = 1 AND e.earlier = 1
                AND h.area_id IN ({AREAS_IN_FORCE}) THEN 1 ELSE 0 END)
        FROM e JOIN household_member m ON m.id = e.member_id
        JOIN household h ON h.id = m.household_id
        WHERE e.rank = 1 OR (e.rank_before = 1 AND e.earlier = 1)
        GROUP BY e.status
        """,
        params,
    ):
        counted[status] = (int(now or 0), int(before or 0))
    start = datetime.combine(day, time.min).astimezone()
    end = datetime.combine(day + timedelta(days=1), time.min).astimezone()
    people_in = conn.execute(
        "SELECT coalesce(sum(people_count), 0) FROM checkpoint_entry "
        "WHERE arrived_at >= ? AND arrived_at < ? AND direction = 'in'",
        (_utc_text(start), _utc_text(end)),
    ).fetchone()[0]
    f0, f0_before = counted.get("F0", (0, 0))
    f1, f1_before = counted.get("F1", (0, 0))
    return Headline(day, f0, f1, f0_before, f1_before, people_in, _items_overdue(conn, day))


def _items_overdue(conn: sqlite3.Connection, day: date) -> int:
    """fieldapp.reports.items.item_figures(...).overdue: items overdue at the start of ``day``
    by their status as it stood at its end."""
    end = datetime.combine(day + timedelta(days=1), time.min).astimezone()
    start = datetime.combine(day, time.min)
    overdue = 0
    for due_date, due_time, recurrence, status in conn.execute(
        """
        WITH ranked AS (
            SELECT item_id, to_status, row_number() OVER (PARTITION BY item_id
                ORDER BY changed_at DESC, id DESC) AS rank
            FROM directive_item_status WHERE changed_at < ?
        )
        SELECT i.due_date, i.due_time, i.recurrence, r.to_status
        FROM directive_item i JOIN directive d ON d.id = i.directive_id
        JOIN ranked r ON r.item_id = i.id AND r.rank = 1
        WHERE i.due_date <= ? OR i.recurrence != ''
        """,
        (_utc_text(end), day.isoformat()),
    ):
        state = due_state(
            _date_value(due_date), due_time, recurrence, status in OPEN_STATUSES, start
        )
        if state == OVERDUE:
            overdue += 1
    return overdue


def _daily_report(
    conn: sqlite3.Connection, now: datetime, profile: Profile | None
) -> DailyReportState:
    """fieldapp.reports.deadline.daily_report_state."""
    day = now.date()
    hour = profile.report_hour if profile is not None else "16:00"
    hh, mm = (int(x) for x in (hour or "16:00").split(":"))
    due_at = datetime.combine(day, time(hh, mm))
    report = conn.execute(
        "SELECT number, symbol, issued_at, updated_at FROM issued_report "
        "WHERE kind = 'daily' AND period_end = ? AND status = ? "
        "ORDER BY issued_at DESC LIMIT 1",
        (day.isoformat(), STATUS_ISSUED),
    ).fetchone()
    mark = conn.execute(
        "SELECT until FROM sync_export_mark WHERE destination = ?", (DESTINATION,)
    ).fetchone()
    number = document_number(report[0], report[1]) if report is not None else ""
    issued_at = _utc_value(report[2]) if report is not None else None
    sent_at = None
    until = _utc_value(mark[0]) if mark is not None else None
    if issued_at is not None and until is not None and until >= _utc_value(report[3]):
        sent_at = until
    return DailyReportState(day, due_at, number, issued_at, sent_at)


def _danger(conn: sqlite3.Connection, now: datetime) -> int:
    """fieldapp.health.followup.open_danger, counted."""
    return conn.execute(
        "SELECT count(*) FROM followup_check c JOIN household_member m ON m.id = c.member_id "
        "WHERE c.danger = 1 AND c.action = '' AND c.checked_at >= ? AND c.checked_at <= ?",
        (_utc_text(now - timedelta(hours=24)), _utc_text(now)),
    ).fetchone()[0]
