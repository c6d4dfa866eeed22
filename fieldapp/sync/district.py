"""District mode: the roll-up of many communes' packages, its printout, and directives sent down.

The district runs the same app over one database into which it imports the communes'
packages. Every travelling record carries the ``device_id`` of the device that last wrote it,
and :class:`~fieldapp.sync.models.Peer` maps a trusted device to its commune, so the figures
are counted per device and added up per commune name (a commune may send from two laptops).
Rows written on this computer count as the district's own; rows of a device that is not a
trusted sender (should not happen) are shown apart rather than lost.

- :func:`district_summary`: the figures per commune and in total, and which communes are late
  (no package for more than ``sync.late_hours`` hours); the CLI (``fieldapp sync district``)
  and the Sync page show the same rows.
- :func:`summary_document` / :func:`write_district_report`: the summary as an official
  landscape document (one row per commune, a totals row, late communes marked).
- :func:`export_directives`: the package of directives (with their items) for one commune.
"""

from __future__ import annotations

import json
import uuid as uuidlib
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field, fields
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import Table, and_, case, func, or_, select

from fieldapp.db.base import utcnow
from fieldapp.db.database import Database
from fieldapp.db.models import Document
from fieldapp.directives.models import OPEN_STATUSES, Directive, DirectiveItem
from fieldapp.errors import UserError
from fieldapp.households.models import (
    Household,
    HouseholdMember,
    ReliefDelivery,
    TestResult,
)
from fieldapp.households.queries import household_totals, status_counts
from fieldapp.rostering.models import Assignment, Site
from fieldapp.sync.models import Peer, UnitRollup
from fieldapp.text.vietnamese import fold, format_date, format_datetime

OWN = "__own__"
"""Group key of the rows written on this computer (the district's own)."""

FIGURES = (
    "households",
    "people",
    "f0",
    "f1",
    "danger",
    "recovered",
    "moved",
    "died",
    "tests",
    "positive",
    "relief",
    "checkpoints",
    "staffed",
    "overdue",
)
"""The counted figures, in the order of the table columns."""

LABELS: dict[str, str] = {
    "households": "Hộ phong tỏa",
    "people": "Nhân khẩu",
    "f0": "F0",
    "f1": "F1",
    "danger": "Dấu hiệu nặng (24 giờ)",
    "recovered": "Khỏi bệnh",
    "moved": "Chuyển cơ sở điều trị",
    "died": "Tử vong",
    "tests": "Lượt xét nghiệm",
    "positive": "Dương tính",
    "relief": "Lượt cứu trợ",
    "checkpoints": "Chốt hoạt động",
    "staffed": "Chốt có ca trực hôm nay",
    "overdue": "Việc chỉ đạo quá hạn",
}


@dataclass
class CommuneFigures:
    """One row of the roll-up.

    ``households``/``people``: households (and their people) in lockdown areas in force on
    the day; ``f0``/``f1``: people of those households whose current status is F0/F1;
    ``danger``: follow-up checks with a danger sign in the 24 hours up to the end of the day;
    ``recovered``/``moved``/``died``: people recorded recovered, moved to a treatment facility,
    dead, up to the day (fieldapp.health);
    ``tests``/``positive``: test results recorded (all rounds) and of them positive;
    ``relief``: relief deliveries recorded; ``checkpoints``: checkpoint sites active on the
    day, ``staffed``: of them, those with a duty shift assigned that day (coverage);
    ``overdue``: open directive items past their deadline. ``last_package_at``: when the
    newest package of the commune was received here (UTC); ``late``: none for longer than the
    allowed hours.
    """

    key: str
    commune: str
    devices: list[str] = field(default_factory=list)
    households: int = 0
    people: int = 0
    f0: int = 0
    f1: int = 0
    danger: int = 0
    recovered: int = 0
    moved: int = 0
    died: int = 0
    tests: int = 0
    positive: int = 0
    relief: int = 0
    checkpoints: int = 0
    staffed: int = 0
    overdue: int = 0
    last_package_at: datetime | None = None
    late: bool = False
    own: bool = False
    expected: bool = False
    sent: bool = False

    def add(self, other: CommuneFigures) -> None:
        for name in FIGURES:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def outcomes(self) -> str:
        """Recovered / moved to a facility / died, as "12 / 3 / 0"."""
        return f"{self.recovered} / {self.moved} / {self.died}"

    @property
    def coverage(self) -> str:
        """Checkpoint coverage as "staffed/active" ("3/4")."""
        return f"{self.staffed}/{self.checkpoints}"

    def as_json(self) -> dict:
        out = {f.name: getattr(self, f.name) for f in fields(self)}
        out["last_package_at"] = self.last_package_at.isoformat() if self.last_package_at else None
        out["coverage"] = self.coverage
        out["outcomes"] = self.outcomes
        return out


@dataclass
class DistrictSummary:
    """The roll-up. ``expected``: the units this office expects reports from (lateness and
    completeness are counted over them only); ``expecting``: whether any unit is listed as
    expected at all (with none, nobody is late and nothing is complete)."""

    day: date
    now: datetime
    late_hours: int
    communes: list[CommuneFigures]
    total: CommuneFigures
    expected: list[CommuneFigures] = field(default_factory=list)
    expecting: bool = False

    @property
    def late(self) -> list[CommuneFigures]:
        return [c for c in self.communes if c.late]

    @property
    def sent_in_time(self) -> list[CommuneFigures]:
        return [c for c in self.expected if c.sent]

    @property
    def complete(self) -> bool:
        """Every expected unit has sent in time (False when none is expected)."""
        return self.expecting and len(self.sent_in_time) == len(self.expected)

    @property
    def completeness(self) -> str:
        """ "27/30" expected units that sent in time."""
        return f"{len(self.sent_in_time)}/{len(self.expected)}"

    def as_json(self) -> dict:
        return {
            "day": self.day.isoformat(),
            "generated_at": self.now.isoformat(),
            "late_hours": self.late_hours,
            "communes": [c.as_json() for c in self.communes],
            "total": self.total.as_json(),
            "late": [c.commune for c in self.late],
            "expected": [c.commune for c in self.expected],
            "completeness": self.completeness,
            "complete": self.complete,
        }


def _by_device(session, query) -> dict[str, tuple]:
    return {row[0]: tuple(row[1:]) for row in session.execute(query)}


def district_summary(
    db: Database,
    *,
    day: date | None = None,
    now: datetime | None = None,
    late_hours: int | None = None,
) -> DistrictSummary:
    """The roll-up over everything in this database, per commune and in total.

    ``day`` (default: today) decides which lockdown areas and checkpoints are in force and
    which items are overdue; ``now`` (UTC, default: now) and ``late_hours`` (default: the
    ``sync.late_hours`` setting) decide which communes are late. Every trusted sender appears,
    even one that has sent nothing yet (it is late).
    """
    from fieldapp.settings import get_setting

    now = now or utcnow()
    day = day or date.today()
    if late_hours is None:
        late_hours = int(get_setting(db, "sync.late_hours"))
    active_site = and_(
        Site.kind == "checkpoint",
        Site.active_from <= day,
        or_(Site.active_to.is_(None), Site.active_to >= day),
    )
    staffed = (
        select(Assignment.id).where(Assignment.site_id == Site.id, Assignment.day == day).exists()
    )
    overdue = and_(
        DirectiveItem.status.in_(OPEN_STATUSES),
        or_(
            DirectiveItem.due_date < day,
            and_(
                DirectiveItem.due_date == day,
                DirectiveItem.due_time != "",
                DirectiveItem.due_time <= datetime.now().strftime("%H:%M"),
            ),
        )
        if day == date.today()
        else DirectiveItem.due_date < day,
    )
    with db.session() as s:
        # The households register's own rule for "in force" and its counts by status.
        households = household_totals(s, day, by=Household.device_id)
        statuses = status_counts(s, day, by=HouseholdMember.device_id)
        tests = _by_device(
            s,
            select(
                TestResult.device_id,
                func.count(),
                func.sum(case((TestResult.result == "positive", 1), else_=0)),
            ).group_by(TestResult.device_id),
        )
        relief = _by_device(
            s, select(ReliefDelivery.device_id, func.count()).group_by(ReliefDelivery.device_id)
        )
        sites = _by_device(
            s,
            select(Site.device_id, func.count(), func.sum(case((staffed, 1), else_=0)))
            .where(active_site)
            .group_by(Site.device_id),
        )
        items = _by_device(
            s,
            select(DirectiveItem.device_id, func.count())
            .where(overdue)
            .group_by(DirectiveItem.device_id),
        )
        from fieldapp.health.outcomes import followup_by_device

        followup = followup_by_device(s, day)
        peers = list(s.scalars(select(Peer).order_by(Peer.id)))
        rollups = [
            (r.parent, r.figures or {})
            for r in s.scalars(select(UnitRollup).where(UnitRollup.day == day))
        ]
    from fieldapp.profile import load_profile
    from fieldapp.sync.units import bare_name, device_units, list_units

    profile = load_profile(db)
    own_name = profile.commune_title if profile else "Máy này"

    groups: dict[str, CommuneFigures] = {}
    device_group: dict[str, str] = {db.device_id: OWN}
    groups[OWN] = CommuneFigures(OWN, f"{own_name} (máy này)", [db.device_id], own=True)
    for peer in peers:
        name = peer.commune or f"Máy {peer.fingerprint[:9]}"
        key = bare_name(name) if peer.commune else fold(name)
        # a sender is expected unless a person took it off the list
        group = groups.setdefault(key, CommuneFigures(key, name, expected=True))
        if peer.device_id:
            group.devices.append(peer.device_id)
            device_group.setdefault(peer.device_id, key)
        if peer.last_package_at and (
            group.last_package_at is None or peer.last_package_at > group.last_package_at
        ):
            group.last_package_at = peer.last_package_at
    # Records of devices that reached us inside another sender's package (the communes of a
    # district, at the province) count for that sender.
    for device, unit in device_units(db).items():
        key = bare_name(unit)
        if key in groups:
            device_group.setdefault(device, key)
    # The units this office expects: listed even before their first package.
    units = list_units(db)
    for unit in units:
        key = bare_name(unit.name)
        group = groups.setdefault(key, CommuneFigures(key, unit.name))
        group.expected = unit.expected
    expecting = any(g.expected for g in groups.values() if not g.own)

    def group_of(device: str) -> CommuneFigures:
        key = device_group.get(device)
        if key is None:
            key = f"device:{device}"
            device_group[device] = key
            groups[key] = CommuneFigures(key, f"Máy chưa tin cậy ({device[:8]})", [device])
        return groups[key]

    for device, (count, people) in households.items():
        g = group_of(device)
        g.households += count
        g.people += people or 0
    for device, counts in statuses.items():
        g = group_of(device)
        g.f0 += counts.f0
        g.f1 += counts.f1
    for device, (danger, recovered, moved, died) in followup.items():
        g = group_of(device)
        g.danger += danger
        g.recovered += recovered
        g.moved += moved
        g.died += died
    for device, (count, positive) in tests.items():
        g = group_of(device)
        g.tests += count
        g.positive += positive or 0
    for device, (count,) in relief.items():
        group_of(device).relief += count
    for device, (count, with_shift) in sites.items():
        g = group_of(device)
        g.checkpoints += count
        g.staffed += with_shift or 0
    for device, (count,) in items.items():
        group_of(device).overdue += count
    # Districts that send their roll-up instead of their communes' records.
    for parent, figures in rollups:
        key = bare_name(parent)
        if key in groups:
            for name in FIGURES:
                value = figures.get(name)
                if isinstance(value, int):
                    setattr(groups[key], name, getattr(groups[key], name) + value)

    limit = timedelta(hours=late_hours)
    total = CommuneFigures("__total__", "Tổng cộng")
    communes: list[CommuneFigures] = []
    for key, group in groups.items():
        if group.own and not any(getattr(group, f) for f in FIGURES):
            continue  # a district that keeps no register of its own shows no empty row
        if not group.own and not key.startswith("device:"):
            stale = group.last_package_at is None or now - group.last_package_at > limit
            group.sent = not stale
            # only a unit the office expects can be late
            group.late = stale and (group.expected if expecting else False)
        total.add(group)
        communes.append(group)
    communes.sort(key=lambda c: (c.own, c.key.startswith("device:"), fold(c.commune)))
    total.last_package_at = max(
        (c.last_package_at for c in communes if c.last_package_at), default=None
    )
    expected = [c for c in communes if c.expected and not c.own]
    return DistrictSummary(day, now, late_hours, communes, total, expected, expecting)


def write_rollup(db: Database, day: date | None = None) -> int:
    """Keep today's roll-up of each unit below this office as :class:`UnitRollup` rows (what
    a district sends the province when it sends its roll-up only); returns the rows kept."""
    from fieldapp.sync.units import own_unit

    summary = district_summary(db, day=day)
    parent = own_unit(db)
    kept = 0
    with db.transaction() as s:
        existing = {
            r.unit: r
            for r in s.scalars(
                select(UnitRollup).where(UnitRollup.day == summary.day, UnitRollup.parent == parent)
            )
        }
        for c in summary.communes:
            if c.own or c.key.startswith("device:"):
                continue
            figures = {name: getattr(c, name) for name in FIGURES}
            row = existing.get(c.commune)
            if row is None:
                row = UnitRollup(day=summary.day, unit=c.commune, parent=parent, figures={})
                s.add(row)
            if row.figures != figures:
                row.figures = figures
            kept += 1
    return kept


def late_text(figures: CommuneFigures, now: datetime) -> str:
    """ "chưa gửi" or "trễ 30 giờ" for a late commune, "" otherwise."""
    if not figures.late:
        return ""
    if figures.last_package_at is None:
        return "chưa gửi"
    hours = int((now - figures.last_package_at).total_seconds() // 3600)
    return f"trễ {hours} giờ"


def _local(moment: datetime | None) -> datetime | None:
    return moment.astimezone() if moment is not None else None


def summary_rows(summary: DistrictSummary) -> list[list[str]]:
    """The table rows as text (commune, figures..., last package, late mark): for the PDF."""
    rows = []
    for c in [*summary.communes, summary.total]:
        last = format_datetime(_local(c.last_package_at)) if c.last_package_at else ""
        rows.append(
            [
                c.commune,
                str(c.households),
                str(c.people),
                str(c.f0),
                str(c.f1),
                str(c.danger),
                c.outcomes,
                f"{c.tests} ({c.positive})",
                str(c.relief),
                c.coverage,
                str(c.overdue),
                last,
                late_text(c, summary.now),
            ]
        )
    return rows


def summary_document(db: Database, summary: DistrictSummary):
    """The roll-up as an official landscape document (Decree 30 layout), issued by this
    office's people's committee (a district: "ỦY BAN NHÂN DÂN HUYỆN TUY ĐỨC" under "UBND TỈNH
    ĐẮK NÔNG"; a province rolls up its districts) and signed by the profile's signer."""
    from fieldapp.printing.blocks import cell_markup, paragraph, table
    from fieldapp.printing.commune import issuer_for, place_date_for, signature_for
    from fieldapp.printing.official import OfficialDocument
    from fieldapp.profile import load_profile

    profile = load_profile(db)
    if profile is None:
        raise UserError("Chưa có hồ sơ đơn vị: hãy điền hồ sơ trước khi in.")
    below = profile.below_word
    header = [
        below,
        "Hộ phong tỏa",
        "Nhân khẩu",
        "F0",
        "F1",
        "Dấu hiệu nặng 24 giờ",
        "Khỏi / chuyển viện / tử vong",
        "Xét nghiệm (dương tính)",
        "Cứu trợ (lượt)",
        "Chốt có ca trực / hoạt động",
        "Việc quá hạn",
        "Gửi lần cuối",
        "Ghi chú",
    ]
    rows: list[list] = []
    for row, c in zip(summary_rows(summary), [*summary.communes, summary.total], strict=True):
        if c.late or c is summary.total:
            style = "<b>{}</b>"
            row = [cell_markup(style.format(_esc(v))) if v else v for v in row]
        rows.append(row)
    late = summary.late
    units = below.lower()
    body = [
        paragraph(
            f"Tổng hợp số liệu phòng, chống dịch của các {units} đến {format_date(summary.day)} "
            f"(lập lúc {format_datetime(_local(summary.now))}), từ các gói dữ liệu đã nhận."
        ),
        table(
            header,
            rows,
            col_fractions=[2.9, 1.1, 1.1, 0.7, 0.7, 1.1, 1.4, 1.4, 1.0, 1.3, 1.0, 1.6, 1.1],
            align=["LEFT"] + ["RIGHT"] * 10 + ["CENTER", "LEFT"],
            font_size=10,
        ),
    ]
    if not summary.expecting:
        body.append(
            paragraph(
                f"Chưa có danh sách các {units} phải gửi báo cáo, nên chưa xác định được đơn vị "
                "gửi chậm."
            )
        )
    elif late:
        names = ", ".join(c.commune for c in late)
        body.append(
            paragraph(
                f"Đã nhận đúng hạn {summary.completeness} đơn vị. Đơn vị chưa gửi số liệu quá "
                f"{summary.late_hours} giờ (in đậm): {names}. Đề nghị các đơn vị gửi ngay gói "
                f"dữ liệu về {profile.committee_short}."
            )
        )
    else:
        body.append(
            paragraph(
                f"Tất cả {len(summary.expected)} đơn vị phải báo cáo đã gửi số liệu đúng hạn."
            )
        )
    above = profile.parent_full
    recipients = [f"Ban Chỉ đạo phòng, chống dịch Covid-19 {above};"] if above else []
    recipients += [f"Thường trực {profile.party_committee};", "Lưu: VT."]
    return OfficialDocument(
        issuer=issuer_for(profile),
        number="Số:      /BC-UBND",
        place_date=place_date_for(profile, summary.day),
        title="BÁO CÁO",
        subject=f"Tổng hợp tình hình phòng, chống dịch Covid-19 của các {units}",
        body=body,
        recipients=recipients,
        signature=signature_for(profile),
        orientation="landscape",
        compact_header=True,
    )


def _esc(text: str) -> str:
    from xml.sax.saxutils import escape

    return escape(text)


def write_district_report(
    db: Database, out: Path, *, day: date | None = None, now: datetime | None = None
) -> tuple[Path, DistrictSummary]:
    """Render the district summary to ``out`` (PDF); returns the path and the figures."""
    from fieldapp.printing.official import render_pdf

    summary = district_summary(db, day=day, now=now)
    out = Path(out)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"Không tạo được thư mục {out.parent}.") from exc
    render_pdf(summary_document(db, summary), out)  # written whole or not at all
    return out, summary


# --- directives sent down to a commune ------------------------------------------------------

_DOWN_NAMESPACE = uuidlib.UUID("6f1b7d2e-3c1a-4f7e-9a51-2d4c8b0e7a10")
_UNIT_WORDS = ("thi tran ", "phuong ", "xa ")


@dataclass
class DirectivesExport:
    path: Path
    commune: str
    directives: int
    items: int
    skipped_items: int


def _bare(name: str) -> str:
    """ "xã Bằng Lãng" → "bang lang" (folded, without the unit word)."""
    folded = fold(name).strip()
    for word in _UNIT_WORDS:
        if folded.startswith(word):
            return folded[len(word) :].strip()
    return folded


def known_communes(db: Database) -> list[str]:
    """The communes of the trusted senders (the choices for a package of directives)."""
    with db.session() as s:
        names = {p.commune for p in s.scalars(select(Peer)) if p.commune}
    return sorted(names, key=fold)


def upper_office(db: Database) -> bool:
    """Whether this database is a district's (or province's): lists then show the commune
    each row came from. The profile's level says it, or the older district-mode setting."""
    from fieldapp.profile import load_profile
    from fieldapp.settings import get_setting

    profile = load_profile(db)
    return bool(get_setting(db, "sync.district_mode")) or (
        profile is not None and profile.level != "commune"
    )


def units_below(db: Database) -> str:
    """What the senders' units are at this office: "district" at a province (its lists name
    the district each row came from), else "commune". Issue 18 part 4: the column's header."""
    from fieldapp.profile import load_profile

    profile = load_profile(db)
    return "district" if profile is not None and profile.level == "province" else "commune"


def only_devices(rows: Iterable, devices: Collection[str] | None) -> list:
    """The rows (anything with a ``device_id``) written by ``devices``; all when None."""
    if devices is None:
        return list(rows)
    wanted = set(devices)
    return [row for row in rows if row.device_id in wanted]


def commune_of_devices(db: Database) -> dict[str, str]:
    """Which commune (or district, at a province) each sending device's rows come from.

    A device is named by the trusted sender whose own device it is, or whose key it is bound
    to (a district's package upward carries its communes' rows). Rows of this office's own
    device are in no commune (absent from the map). Issue 18 part 4: the commune column.
    """
    from fieldapp.sync.models import DeviceKey

    with db.session() as s:
        peers = list(s.execute(select(Peer.device_id, Peer.fingerprint, Peer.commune)))
        bound = list(s.execute(select(DeviceKey.device_id, DeviceKey.fingerprint)))
    by_key = {fingerprint: commune for _d, fingerprint, commune in peers if commune}
    names = {device: by_key[key] for device, key in bound if key in by_key}
    names.update({device: commune for device, _f, commune in peers if device and commune})
    names.pop(db.device_id, None)
    return names


def devices_of_commune(db: Database, name: str) -> tuple[str, ...]:
    """The devices whose rows belong to commune ``name`` (typed loosely: "bang lang",
    "Xã Bằng Lãng"); a :class:`UserError` naming the known communes when there is none."""
    wanted = _bare(name)
    devices = tuple(
        sorted(d for d, commune in commune_of_devices(db).items() if _bare(commune) == wanted)
    )
    if not devices:
        _find_commune(db, name)  # raises with the known names
        raise UserError(f"Chưa nhận dữ liệu nào của “{name}”.")
    return devices


def _find_commune(db: Database, name: str) -> tuple[str, list[Peer]]:
    wanted = _bare(name)
    with db.session() as s:
        peers = [p for p in s.scalars(select(Peer)) if p.commune and _bare(p.commune) == wanted]
    if not peers:
        known = ", ".join(known_communes(db)) or "chưa có"
        raise UserError(
            f"Không có xã nào tên “{name}” trong các máy gửi đã tin cậy (đã có: {known})."
        )
    return peers[0].commune, peers


def _mentions(text: str, name: str) -> bool:
    return f" {name} " in f" {text} "


def item_is_for(item_text: str, commune: str, others: Iterable[str]) -> bool:
    """Whether an item (its units and responsible unit, as text) concerns ``commune``.

    An item that names this commune, or names none of the other known communes, is for it;
    an item that names only other communes (``"UBND xã Nam Cường"``) is not.
    """
    folded = " ".join(fold(item_text).replace(",", " ").replace(";", " ").split())
    if _mentions(folded, _bare(commune)):
        return True
    return not any(_mentions(folded, _bare(o)) for o in others if _bare(o) != _bare(commune))


def _remap(commune_key: str, value: str) -> str:
    return str(uuidlib.uuid5(_DOWN_NAMESPACE, f"{commune_key}:{value}"))


def export_directives(
    db: Database,
    out: Path,
    commune: str,
    *,
    directive_ids: Collection[int] | None = None,
) -> DirectivesExport:
    """Write a signed package of directives (with their items) for one commune.

    ``directive_ids`` (default: every directive written on this computer that has an open
    item) chooses the directives. Items are filtered by :func:`item_is_for`. The commune gets its own copy of
    each record (UUIDs derived from the commune and the district's UUID, so sending again
    updates the same copy and the copies of different communes never collide), written as its
    own device's records so that its progress comes back to the district's roll-up. The copy
    leaves the district's incoming-register numbers (the commune numbers arrivals itself),
    starts every item as new, or carries the progress the commune already reported back, and
    carries no progress notes. The directives' original files travel with them.
    """
    from fieldapp.sync.package import (
        SUFFIX,
        _json,
        _slug,
        commune_identity,
        next_sequence,
        write_signed,
    )
    from fieldapp.sync.tables import encode, row_to_json, shipped_columns

    if db.paths is None:
        raise UserError("Không có thư mục dữ liệu.")
    from fieldapp.sync.receive import _check_sync_role

    _check_sync_role(db)
    name, peers = _find_commune(db, commune)
    others = known_communes(db)
    # The commune's copy is written as a record of its newest sending device.
    peers.sort(key=lambda p: (p.last_package_at is not None, p.last_package_at or p.trusted_at))
    target_device = next((p.device_id for p in reversed(peers) if p.device_id), db.device_id)
    key = _bare(name)
    identity = commune_identity(db)
    out = Path(out)
    if out.is_dir():
        out = out / f"chi-dao-{_slug(name)}-{datetime.now():%Y%m%d-%H%M}{SUFFIX}"
    destination = f"directives:{key}"[:60]
    sequence, _ = next_sequence(db, destination)
    now = utcnow()
    d_table: Table = Directive.__table__
    i_table: Table = DirectiveItem.__table__
    doc_table: Table = Document.__table__
    parts: dict[str, bytes] = {}
    files: dict[str, Path] = {}
    skipped = 0
    with db.engine.connect() as conn, conn.begin():
        if directive_ids is None:
            # the district's own directives (not the communes' registers it holds)
            chosen = list(
                conn.execute(
                    select(DirectiveItem.directive_id)
                    .join(Directive, Directive.id == DirectiveItem.directive_id)
                    .where(
                        DirectiveItem.status.in_(OPEN_STATUSES),
                        Directive.device_id == db.device_id,
                    )
                    .distinct()
                ).scalars()
            )
        else:
            chosen = list(directive_ids)
        directives = list(
            conn.execute(d_table.select().where(d_table.c.id.in_(chosen)).order_by(d_table.c.id))
        )
        if len(directives) != len(set(chosen)):
            raise UserError("Có văn bản đã chọn không còn trong sổ; hãy tải lại danh sách.")
        if not directives:
            raise UserError("Không có văn bản chỉ đạo nào còn việc chưa xong để gửi xuống xã.")
        cache: dict = {}
        d_cols = shipped_columns(d_table)
        i_cols = shipped_columns(i_table)
        doc_cols = shipped_columns(doc_table)
        d_rows, i_rows, doc_rows = [], [], []
        doc_ids = {d._mapping["document_id"] for d in directives} - {None}
        for row in conn.execute(doc_table.select().where(doc_table.c.id.in_(doc_ids))):
            shipped = row_to_json(conn, doc_table, row, cache)
            doc_rows.append(shipped)
            files[row._mapping["sha256"]] = db.paths.documents / row._mapping["stored_path"]
        for d in directives:
            values = dict(zip(d_cols, row_to_json(conn, d_table, d, cache), strict=True))
            values.update(
                uuid=_remap(key, values["uuid"]),
                arrival_date=None,
                arrival_year=None,
                arrival_number=None,
                routed_to="",
                handling="",
                updated_at=encode(now),
                device_id=target_device,
            )
            d_rows.append([values[c] for c in d_cols])
            items = conn.execute(
                i_table.select()
                .where(i_table.c.directive_id == d._mapping["id"])
                .order_by(i_table.c.position)
            )
            for item in items:
                v = dict(zip(i_cols, row_to_json(conn, i_table, item, cache), strict=True))
                if not item_is_for(
                    " ".join([*(v["units"] or []), v["responsible_unit"] or ""]), name, others
                ):
                    skipped += 1
                    continue
                copy_uuid = _remap(key, v["uuid"])
                back = conn.execute(
                    select(i_table.c.status, i_table.c.status_changed_at).where(
                        i_table.c.uuid == copy_uuid
                    )
                ).first()
                v.update(
                    uuid=copy_uuid,
                    directive_id=_remap(key, v["directive_id"]),
                    status=back.status if back else "new",
                    status_changed_at=encode(back.status_changed_at) if back else None,
                    responsible_person="",
                    updated_at=encode(now),
                    device_id=target_device,
                )
                i_rows.append([v[c] for c in i_cols])
    counts = {}
    for table, columns, rows in (
        (doc_table, doc_cols, doc_rows),
        (d_table, d_cols, d_rows),
        (i_table, i_cols, i_rows),
    ):
        if rows:
            counts[table.name] = len(rows)
            parts[f"data/{table.name}.json"] = _json({"columns": columns, "rows": rows})
    for digest, path in files.items():
        try:
            parts[f"files/{digest}"] = path.read_bytes()
        except OSError as exc:
            raise UserError(
                f"Thiếu tệp gốc của một văn bản trong thư mục dữ liệu ({path.name}); chưa tạo gói."
            ) from exc
    write_signed(
        db,
        out,
        parts,
        commune=identity,
        destination=destination,
        sequence=sequence,
        since=None,
        until=now,
        counts=counts,
        extra={"kind": "directives", "for_commune": name},
    )
    return DirectivesExport(out, name, len(d_rows), len(i_rows), skipped)


def summary_json_text(summary: DistrictSummary) -> str:
    return json.dumps(summary.as_json(), ensure_ascii=False, indent=2)


# --- the communes' copies of the district's directives, coming back -------------------------


@dataclass(frozen=True)
class CommuneProgress:
    """How far one commune is with its copy of one of this office's directives."""

    commune: str
    directive_id: int  # the district's own directive
    copy_id: int
    items: int
    done: int
    in_progress: int
    new: int
    last_change: datetime | None

    def to_json(self) -> dict:
        return {
            "commune": self.commune,
            "items": self.items,
            "done": self.done,
            "in_progress": self.in_progress,
            "new": self.new,
            "last_change": self.last_change.isoformat() if self.last_change else None,
        }


def directive_copies(db: Database) -> dict[int, tuple[int, str]]:
    """Copy directive id -> (this office's own directive id, the commune it went to), for the
    copies the communes sent back. A copy's UUID is derived from the commune and the
    original's UUID (:func:`export_directives`), so it is recognised without any mark; at the
    commune itself (which does not hold the original) nothing is a copy."""
    communes = known_communes(db)
    if not communes:
        return {}
    with db.session() as s:
        own = s.execute(
            select(Directive.id, Directive.uuid).where(Directive.device_id == db.device_id)
        ).all()
        if not own:
            return {}
        wanted: dict[str, tuple[int, str]] = {}
        for commune in communes:
            key = _bare(commune)
            for directive_id, uuid in own:
                wanted[_remap(key, uuid)] = (directive_id, commune)
        out: dict[int, tuple[int, str]] = {}
        uuids = list(wanted)
        for start in range(0, len(uuids), 500):
            chunk = uuids[start : start + 500]
            for copy_id, uuid in s.execute(
                select(Directive.id, Directive.uuid).where(Directive.uuid.in_(chunk))
            ):
                out[copy_id] = wanted[uuid]
    return out


def hidden_copy_ids(db: Database) -> set[int]:
    """The communes' copies, which the register shows as progress, not as directives."""
    return set(directive_copies(db))


def own_directive(db: Database, ref: str) -> int:
    """This office's own directive by its id or its number ("235-CV/HU"); the communes'
    copies carry the same number and are not meant."""
    text = ref.strip()
    with db.session() as s:
        query = select(Directive.id).where(Directive.device_id == db.device_id)
        if text.isdigit():
            found = s.scalar(query.where(Directive.id == int(text)))
        else:
            wanted = fold(text).replace(" ", "")
            found = next(
                (
                    i
                    for i, number in s.execute(query.add_columns(Directive.number))
                    if fold(number or "").replace(" ", "") == wanted
                ),
                None,
            )
    if found is None:
        raise UserError(f"Không có văn bản {text} do đơn vị này ban hành hoặc gửi xuống.")
    return found


def directive_progress(db: Database, directive_id: int) -> list[CommuneProgress]:
    """Each commune's progress on this office's directive ``directive_id`` (its copy's items
    by status), by commune name."""
    copies = {c: commune for c, (d, commune) in directive_copies(db).items() if d == directive_id}
    if not copies:
        return []
    out = []
    with db.session() as s:
        for copy_id, commune in copies.items():
            counts: dict[str, int] = {}
            last = None
            for status, n, changed in s.execute(
                select(
                    DirectiveItem.status,
                    func.count(),
                    func.max(DirectiveItem.status_changed_at),
                )
                .where(DirectiveItem.directive_id == copy_id)
                .group_by(DirectiveItem.status)
            ):
                counts[status] = n
                if changed is not None and (last is None or changed > last):
                    last = changed
            out.append(
                CommuneProgress(
                    commune=commune,
                    directive_id=directive_id,
                    copy_id=copy_id,
                    items=sum(counts.values()),
                    done=counts.get("done", 0) + counts.get("reported", 0),
                    in_progress=counts.get("in_progress", 0),
                    new=counts.get("new", 0),
                    last_change=last,
                )
            )
    return sorted(out, key=lambda p: fold(p.commune))
