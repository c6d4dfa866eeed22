"""The checkpoint log: people and vehicles arriving from epidemic areas, and the daily count.

At a control checkpoint (chốt kiểm soát) the shift writes down everyone who comes in from an
epidemic area: when, who, from where, where to in the commune, the vehicle's plate, a phone
number, whether the health declaration (khai báo y tế) was made, and notes. These functions
are the only way to write the log; the window, the CLI and the tests all use them.

- :func:`add_entry`, :func:`add_entries` (many in one transaction), :func:`edit_entry`,
  :func:`delete_entry` and :func:`restore_entry` (undo of a delete, under a new UUID) write;
- :func:`list_entries` (a site's or every site's day), :func:`search_entries` (folded name
  or plate) and :func:`daily_counts` (the figures the daily report needs) read.

Times are stored in UTC and the *day* of an entry is the local calendar day of this
computer (Vietnam: UTC+7). Mistakes raise :class:`~fieldapp.errors.UserError` with a
Vietnamese message that never repeats a phone number, and change nothing.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from fieldapp.accounts.permissions import check_write
from fieldapp.audit import trail
from fieldapp.checkpoints.models import DIRECTIONS, CheckpointEntry
from fieldapp.db.base import new_uuid, utcnow
from fieldapp.db.database import Database
from fieldapp.errors import UserError
from fieldapp.rostering.models import SITE_KINDS, Site
from fieldapp.text.vietnamese import fold, nfc

__all__ = [
    "FEVER",
    "FUTURE_TOLERANCE",
    "VEHICLE_KINDS",
    "DailyCount",
    "Entry",
    "EntryInput",
    "LogSite",
    "add_entries",
    "add_entry",
    "daily_counts",
    "day_bounds",
    "delete_entry",
    "edit_entry",
    "find_site",
    "list_entries",
    "log_sites",
    "normalize_phone",
    "normalize_plate",
    "recent_places",
    "restore_entry",
    "search_entries",
]

FUTURE_TOLERANCE = timedelta(minutes=10)
"""How far past this computer's clock an arrival may be written (clocks drift)."""
EARLIEST = datetime(2020, 1, 1).astimezone()
FEVER = 37.5
"""Body temperature (°C) from which an arrival counts as having a fever."""
VEHICLE_KINDS = ("Đi bộ", "Xe máy", "Ô tô con", "Xe khách", "Xe tải", "Xe cứu thương", "Khác")
"""Suggested vehicle kinds (any text is accepted)."""
ON_FOOT = frozenset({"", "di bo"})  # folded kinds that are no vehicle
MAX_PEOPLE = 100
_NAME_MAX, _PLACE_MAX, _NOTES_MAX = 120, 200, 2000


# -- plain data -------------------------------------------------------------------------------


@dataclass(frozen=True)
class EntryInput:
    """What is typed for one arrival. ``arrived_at`` None means now; a naive datetime is
    local time. Text may come in any Unicode form and spacing; it is cleaned on saving."""

    site_id: int
    full_name: str
    arrived_at: datetime | None = None
    direction: str = "in"
    from_place: str = ""
    to_place: str = ""
    vehicle_plate: str = ""
    vehicle_kind: str = ""
    phone: str = ""
    health_declared: bool = False
    temperature: float | None = None
    people_count: int = 1
    notes: str = ""
    recorded_by: str = ""


@dataclass(frozen=True)
class Entry:
    """One saved line of the log, as the window and the CLI show it."""

    id: int
    uuid: str
    site_id: int
    site_name: str
    arrived_at: datetime  # aware, UTC
    direction: str
    full_name: str
    from_place: str
    to_place: str
    vehicle_plate: str
    vehicle_kind: str
    phone: str
    health_declared: bool
    temperature: float | None
    people_count: int
    notes: str
    recorded_by: str
    created_at: datetime
    device_id: str = ""  # the device that wrote it: its commune at a district (issue 18)

    @property
    def local_time(self) -> datetime:
        """``arrived_at`` in this computer's time zone."""
        return self.arrived_at.astimezone()

    @property
    def is_vehicle(self) -> bool:
        return bool(self.vehicle_plate) or fold(self.vehicle_kind) not in ON_FOOT

    def as_input(self) -> EntryInput:
        """The entry as form input (to edit it again, or to undo an edit)."""
        return EntryInput(
            site_id=self.site_id,
            full_name=self.full_name,
            arrived_at=self.arrived_at,
            direction=self.direction,
            from_place=self.from_place,
            to_place=self.to_place,
            vehicle_plate=self.vehicle_plate,
            vehicle_kind=self.vehicle_kind,
            phone=self.phone,
            health_declared=self.health_declared,
            temperature=self.temperature,
            people_count=self.people_count,
            notes=self.notes,
            recorded_by=self.recorded_by,
        )

    def to_json(self) -> dict[str, Any]:
        """ISO times (local, with offset), every field; for ``--json`` output."""
        return {
            "id": self.id,
            "uuid": self.uuid,
            "site_id": self.site_id,
            "site": self.site_name,
            "arrived_at": self.local_time.isoformat(timespec="minutes"),
            "direction": self.direction,
            "full_name": self.full_name,
            "from": self.from_place,
            "to": self.to_place,
            "vehicle_plate": self.vehicle_plate,
            "vehicle_kind": self.vehicle_kind,
            "phone": self.phone,
            "health_declared": self.health_declared,
            "temperature": self.temperature,
            "people_count": self.people_count,
            "notes": self.notes,
            "recorded_by": self.recorded_by,
        }


@dataclass(frozen=True)
class LogSite:
    """A site a log line can belong to (the sites of the rosters register)."""

    id: int
    name: str
    kind: str
    active: bool

    @property
    def kind_label(self) -> str:
        return SITE_KINDS.get(self.kind, self.kind)


@dataclass(frozen=True)
class DailyCount:
    """The figures of one local day at one site (``site_id``) or at all sites (None).

    For the daily quick report (báo cáo nhanh), counted over arrivals (direction ``in``):

    - ``people``: people arriving (a vehicle's line counts its ``people_count``);
    - ``vehicles``: arriving lines with a plate or a vehicle kind other than on foot;
    - ``undeclared``: people arriving without a health declaration;
    - ``fever``: arriving lines whose temperature was :data:`FEVER` °C or more;
    - ``by_place``: people arriving from each place, largest first; spellings that fold
      alike ("Hà Nội", "ha noi") are one place, shown as its most written spelling; lines
      with no place are counted under "(không ghi)";
    - ``by_site``: people arriving at each site, by site name (all sites only).

    ``entries`` counts every line of the day and ``people_out`` the people leaving.
    """

    day: date
    site_id: int | None
    entries: int = 0
    people: int = 0
    vehicles: int = 0
    undeclared: int = 0
    fever: int = 0
    people_out: int = 0
    by_place: dict[str, int] = field(default_factory=dict)
    by_site: dict[str, int] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        data = dataclasses.asdict(self)
        data["day"] = self.day.isoformat()
        return data


# -- normalising and checking -----------------------------------------------------------------

# A plate's head: the province number, then one or two series letters, a digit on motorbikes
# (97A, 51LD, 29B1). Its number: four digits (old plates) or five (written 123.45).
_HEAD = re.compile(r"(\d{2})([A-Z]{1,2}\d?)")
_PLATE_HINT = "ví dụ 97A-123.45, 29B1-123.45"


def normalize_plate(text: str) -> str:
    """``text`` as a plate in the usual form (``97A-123.45``, ``29B1-123.45``,
    ``97A-1234``), or "" for empty text; :class:`UserError` when it is not a plate.

    Accepts any case, spaces, dots and dashes (``97a 12345``, ``29-B1 123.45``). Written
    with no separator at all, ``97A12345`` is read as a car's five digits.
    """
    raw = fold(text).upper().replace(".", "")
    if not raw:
        return ""
    parts = [p for p in re.split(r"[\s\-]+", raw) if p]
    compact = "".join(parts)
    head = number = None
    if len(parts) > 1 and re.fullmatch(r"\d{4,5}", parts[-1]):
        head, number = "".join(parts[:-1]), parts[-1]
        if not _HEAD.fullmatch(head):
            head = None
    if head is None:
        # No separator to go by: a car's series has no digit, then 4-5 digits.
        for pattern in (r"(\d{2}[A-Z]{1,2})(\d{4,5})", r"(\d{2}[A-Z]\d)(\d{4,5})"):
            match = re.fullmatch(pattern, compact)
            if match:
                head, number = match.groups()
                break
    if head is None or number is None:
        raise UserError(f"Biển số xe không đúng dạng ({_PLATE_HINT}).")
    if len(number) == 5:
        number = f"{number[:3]}.{number[3:]}"
    return f"{head}-{number}"


def normalize_phone(text: str) -> str:
    """A phone number as 10 digits starting with 0, or "" for empty text.

    Spaces, dots and dashes are dropped and +84 / 84 becomes 0. The error message never
    repeats the number (personal data).
    """
    digits = re.sub(r"[\s.\-()]", "", text or "")
    if not digits:
        return ""
    if digits.startswith("+84"):
        digits = "0" + digits[3:]
    elif digits.startswith("84") and len(digits) == 11:
        digits = "0" + digits[2:]
    if not re.fullmatch(r"0\d{9}", digits):
        raise UserError("Số điện thoại phải gồm 10 chữ số, bắt đầu bằng số 0.")
    return digits


def _text(value: str, limit: int, what: str) -> str:
    cleaned = nfc(" ".join((value or "").split()))
    if len(cleaned) > limit:
        raise UserError(f"{what} dài quá {limit} ký tự.")
    return cleaned


def _name(value: str) -> str:
    name = _text(value, _NAME_MAX, "Họ tên")
    if not name:
        raise UserError("Chưa nhập họ tên người đến.")
    if name == name.lower():  # typed fast in lower case: "nguyễn văn an" → "Nguyễn Văn An"
        name = " ".join(word[:1].upper() + word[1:] for word in name.split())
    return name


def _when(value: datetime | None, now: datetime) -> datetime:
    if value is None:
        return now
    if value.tzinfo is None:
        value = value.astimezone()  # naive: this computer's local time
    if value > now + FUTURE_TOLERANCE:
        raise UserError("Giờ đến ở tương lai: kiểm tra lại ngày giờ (và đồng hồ của máy tính).")
    if value < EARLIEST:
        raise UserError("Giờ đến quá xa trong quá khứ: kiểm tra lại ngày giờ.")
    return value


def _search_key(name: str, plate: str) -> str:
    compact = plate.replace("-", "").replace(".", "").lower()
    return f"{fold(name)} {compact}".strip()


def _clean(data: EntryInput, now: datetime) -> dict[str, Any]:
    """The column values of ``data``, checked; raises :class:`UserError`."""
    if data.direction not in DIRECTIONS:
        raise UserError('Chiều đi phải là "in" (vào) hoặc "out" (ra).')
    people = data.people_count
    if not isinstance(people, int) or not 1 <= people <= MAX_PEOPLE:
        raise UserError(f"Số người phải từ 1 đến {MAX_PEOPLE}.")
    temperature = data.temperature
    if temperature is not None and not 34.0 <= temperature <= 43.0:
        raise UserError("Nhiệt độ phải trong khoảng 34–43 °C (bỏ trống nếu không đo).")
    name = _name(data.full_name)
    plate = normalize_plate(data.vehicle_plate)
    values = {
        "site_id": data.site_id,
        "arrived_at": _when(data.arrived_at, now),
        "direction": data.direction,
        "full_name": name,
        "from_place": _text(data.from_place, _PLACE_MAX, "Nơi đi"),
        "to_place": _text(data.to_place, _PLACE_MAX, "Nơi đến"),
        "vehicle_plate": plate,
        "vehicle_kind": _text(data.vehicle_kind, 40, "Loại phương tiện"),
        "phone": normalize_phone(data.phone),
        "health_declared": bool(data.health_declared),
        "temperature": None if temperature is None else round(float(temperature), 1),
        "people_count": people,
        "notes": _text(data.notes, _NOTES_MAX, "Ghi chú"),
        "recorded_by": _text(data.recorded_by, _NAME_MAX, "Người ghi"),
    }
    values["search_key"] = _search_key(name, plate)
    return values


def _recorder(db: Database, given: str) -> str:
    if given.strip() or db.actor is None:
        return given
    return db.actor.full_name or db.actor.username


def _require_site(s: Session, site_id: int) -> Site:
    site = s.get(Site, site_id)
    if site is None:
        raise UserError("Không tìm thấy chốt/điểm trực này (có thể đã bị xóa).")
    return site


def _entry(row: CheckpointEntry, site_name: str) -> Entry:
    return Entry(
        id=row.id,
        uuid=row.uuid,
        site_id=row.site_id,
        site_name=site_name,
        arrived_at=row.arrived_at,
        direction=row.direction,
        full_name=row.full_name,
        from_place=row.from_place,
        to_place=row.to_place,
        vehicle_plate=row.vehicle_plate,
        vehicle_kind=row.vehicle_kind,
        phone=row.phone,
        health_declared=row.health_declared,
        temperature=row.temperature,
        people_count=row.people_count,
        notes=row.notes,
        recorded_by=row.recorded_by,
        created_at=row.created_at,
        device_id=row.device_id or "",
    )


# -- writing ----------------------------------------------------------------------------------


def add_entry(db: Database, data: EntryInput, *, now: datetime | None = None) -> Entry:
    """Write one arrival; ``now`` (default: the clock) bounds how late ``arrived_at`` may be."""
    values = _clean(data, now or datetime.now().astimezone())
    values["recorded_by"] = _recorder(db, values["recorded_by"])
    with db.transaction() as s:
        site = _require_site(s, data.site_id)
        row = CheckpointEntry(**values)
        s.add(row)
        s.flush()
        return _entry(row, site.name)


def add_entries(db: Database, items: Sequence[EntryInput], *, now: datetime | None = None) -> int:
    """Write many arrivals in one transaction (a paper log typed in later, an import).

    Every line is checked first; a mistake names its line (``Dòng 12: ...``) and nothing
    is written. The rows go in with one bulk statement and the audit trail gets one entry
    for the batch (no personal data in it). Returns the number written.
    """
    if not items:
        return 0
    moment = now or datetime.now().astimezone()
    rows = []
    for n, data in enumerate(items, start=1):
        try:
            rows.append(_clean(data, moment))
        except UserError as err:
            raise UserError(f"Dòng {n}: {err}") from None
    if db.accounts_enabled:
        check_write(db.actor, "checkpoints")  # bulk statements pass by the session hook
    stamp = utcnow()
    recorder = _recorder(db, "")
    for values in rows:
        values["recorded_by"] = values["recorded_by"] or recorder
        values.update(uuid=new_uuid(), created_at=stamp, updated_at=stamp, device_id=db.device_id)
    site_ids = sorted({v["site_id"] for v in rows})
    with db.transaction() as s:
        known = set(s.scalars(select(Site.id).where(Site.id.in_(site_ids))))
        missing = [i for i in site_ids if i not in known]
        if missing:
            raise UserError("Có dòng ghi cho chốt/điểm trực không còn trong sổ.")
        s.execute(insert(CheckpointEntry), rows)
        trail.record(
            s,
            "import",
            CheckpointEntry.__tablename__,
            f"{len(rows)} dòng",
            {"count": len(rows), "site_ids": site_ids},
        )
    return len(rows)


def edit_entry(
    db: Database, entry_id: int, data: EntryInput, *, now: datetime | None = None
) -> tuple[Entry, Entry]:
    """Replace an entry's fields with ``data``; return (before, after) for undo."""
    values = _clean(data, now or datetime.now().astimezone())
    with db.transaction() as s:
        row = s.get(CheckpointEntry, entry_id)
        if row is None:
            raise UserError("Không tìm thấy dòng nhật ký này (có thể đã bị xóa).")
        before = _entry(row, _require_site(s, row.site_id).name)
        site = _require_site(s, data.site_id)
        if not values["recorded_by"]:
            values["recorded_by"] = row.recorded_by
        for key, value in values.items():
            if getattr(row, key) != value:
                setattr(row, key, value)
        s.flush()
        return before, _entry(row, site.name)


def delete_entry(db: Database, entry_id: int) -> Entry:
    """Remove an entry; return it as it was, for :func:`restore_entry` (undo)."""
    with db.transaction() as s:
        row = s.get(CheckpointEntry, entry_id)
        if row is None:
            raise UserError("Không tìm thấy dòng nhật ký này (có thể đã bị xóa).")
        gone = _entry(row, _require_site(s, row.site_id).name)
        s.delete(row)
    return gone


def restore_entry(db: Database, entry: Entry) -> Entry:
    """Put a deleted entry back as it was (undo): same id, fields and creation time, under
    a new UUID. The deletion left a tombstone that travels to the district and is final
    there (:mod:`fieldapp.sync`), so the entry travels again as a new record."""
    with db.transaction() as s:
        if s.get(CheckpointEntry, entry.id) is not None:
            raise UserError("Dòng nhật ký này vẫn còn trong sổ.")
        site = _require_site(s, entry.site_id)
        row = CheckpointEntry(
            id=entry.id,
            uuid=new_uuid(),
            created_at=entry.created_at,
            site_id=entry.site_id,
            arrived_at=entry.arrived_at,
            direction=entry.direction,
            full_name=entry.full_name,
            from_place=entry.from_place,
            to_place=entry.to_place,
            vehicle_plate=entry.vehicle_plate,
            vehicle_kind=entry.vehicle_kind,
            phone=entry.phone,
            health_declared=entry.health_declared,
            temperature=entry.temperature,
            people_count=entry.people_count,
            notes=entry.notes,
            recorded_by=entry.recorded_by,
            search_key=_search_key(entry.full_name, entry.vehicle_plate),
        )
        s.add(row)
        s.flush()
        return _entry(row, site.name)


# -- reading ----------------------------------------------------------------------------------


def day_bounds(day: date) -> tuple[datetime, datetime]:
    """The start of ``day`` and of the next day, in this computer's local time (aware)."""
    start = datetime.combine(day, time.min).astimezone()
    end = datetime.combine(day + timedelta(days=1), time.min).astimezone()
    return start, end


def log_sites(db: Database, *, on: date | None = None) -> list[LogSite]:
    """Every site, checkpoints first, then by name; ``active`` says whether it runs on
    ``on`` (default today)."""
    day = on or date.today()
    with db.session() as s:
        sites = s.scalars(select(Site)).all()
        out = [
            LogSite(
                site.id,
                site.name,
                site.kind,
                site.active_from <= day and (site.active_to is None or site.active_to >= day),
            )
            for site in sites
        ]
    order = {kind: n for n, kind in enumerate(SITE_KINDS)}
    return sorted(out, key=lambda x: (order.get(x.kind, len(order)), fold(x.name)))


def find_site(db: Database, name: str) -> LogSite:
    """The site whose name is ``name`` (any case and tones), or the only one containing it."""
    wanted = fold(name)
    sites = log_sites(db)
    if not sites:
        raise UserError("Chưa có chốt/điểm trực nào: thêm trong trang Lịch trực trước.")
    exact = [x for x in sites if fold(x.name) == wanted]
    if exact:
        return exact[0]
    partial = [x for x in sites if wanted and wanted in fold(x.name)]
    if len(partial) == 1:
        return partial[0]
    names = "; ".join(x.name for x in (partial or sites))
    if partial:
        raise UserError(f'Có nhiều chốt khớp với "{name}": {names}.')
    raise UserError(f'Không có chốt nào tên "{name}". Có: {names}.')


def _rows(s: Session, query) -> list[Entry]:
    return [_entry(row, site_name) for row, site_name in s.execute(query)]


def list_entries(
    db: Database,
    day: date,
    site_id: int | None = None,
    *,
    newest_first: bool = True,
    devices: Collection[str] | None = None,
) -> list[Entry]:
    """The entries of a local day, at one site or all, newest first unless asked; at a
    district only those of one commune's ``devices`` when given
    (:func:`fieldapp.sync.district.devices_of_commune`)."""
    start, end = day_bounds(day)
    query = (
        select(CheckpointEntry, Site.name)
        .join(Site, Site.id == CheckpointEntry.site_id)
        .where(CheckpointEntry.arrived_at >= start, CheckpointEntry.arrived_at < end)
    )
    if site_id is not None:
        query = query.where(CheckpointEntry.site_id == site_id)
    if devices is not None:
        query = query.where(CheckpointEntry.device_id.in_(tuple(devices)))
    order = CheckpointEntry.arrived_at.desc() if newest_first else CheckpointEntry.arrived_at
    query = query.order_by(order, CheckpointEntry.id.desc() if newest_first else CheckpointEntry.id)
    with db.session() as s:
        return _rows(s, query)


def search_entries(
    db: Database,
    text: str,
    *,
    site_id: int | None = None,
    limit: int = 200,
    devices: Collection[str] | None = None,
) -> list[Entry]:
    """Entries whose name (folded: "nguyen van an" finds "Nguyễn Văn An") or plate (with or
    without separators: "97a12345", "97A-123.45") contains ``text``; newest first."""
    wanted = fold(text)
    if not wanted:
        return []
    compact = re.sub(r"[\s.\-]", "", wanted)
    patterns = {_like(wanted)}
    if compact:
        patterns.add(_like(compact))
    condition = CheckpointEntry.search_key.like(patterns.pop(), escape="\\")
    for pattern in patterns:
        condition = condition | CheckpointEntry.search_key.like(pattern, escape="\\")
    query = (
        select(CheckpointEntry, Site.name)
        .join(Site, Site.id == CheckpointEntry.site_id)
        .where(condition)
        .order_by(CheckpointEntry.arrived_at.desc(), CheckpointEntry.id.desc())
        .limit(limit)
    )
    if site_id is not None:
        query = query.where(CheckpointEntry.site_id == site_id)
    if devices is not None:
        query = query.where(CheckpointEntry.device_id.in_(tuple(devices)))
    with db.session() as s:
        return _rows(s, query)


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def recent_places(db: Database, *, column: str = "from_place", limit: int = 30) -> list[str]:
    """Places written lately in ``from_place`` or ``to_place``, most used first (for the
    entry form's completion)."""
    if column not in ("from_place", "to_place"):
        raise ValueError(column)
    col = getattr(CheckpointEntry, column)
    since = utcnow() - timedelta(days=60)
    query = (
        select(col, func.count())
        .where(col != "", CheckpointEntry.arrived_at >= since)
        .group_by(col)
        .order_by(func.count().desc(), col)
        .limit(limit)
    )
    with db.session() as s:
        return [place for place, _ in s.execute(query)]


def daily_counts(
    db: Database,
    day: date,
    site_id: int | None = None,
    *,
    devices: Collection[str] | None = None,
) -> DailyCount:
    """The day's figures at one site, or at every site when ``site_id`` is None.

    ``day`` is a local calendar day. This is what the daily quick report (báo cáo nhanh)
    quotes: see :class:`DailyCount` for each figure. A few grouped queries over the day's
    rows, on the ``arrived_at`` index; no row is loaded.
    """
    start, end = day_bounds(day)
    e = CheckpointEntry
    where = [e.arrived_at >= start, e.arrived_at < end]
    if site_id is not None:
        where.append(e.site_id == site_id)
    if devices is not None:  # at a district: one commune's entries (issue 18 part 4)
        where.append(e.device_id.in_(tuple(devices)))
    arriving = e.direction == "in"
    people = func.coalesce(func.sum(e.people_count), 0)
    with db.session() as s:
        totals = s.execute(
            select(
                func.count(),
                func.coalesce(func.sum(e.people_count).filter(arriving), 0),
                func.count().filter(arriving & (e.vehicle_plate != "")),
                func.coalesce(func.sum(e.people_count).filter(arriving & ~e.health_declared), 0),
                func.count().filter(arriving & (e.temperature >= FEVER)),
                func.coalesce(func.sum(e.people_count).filter(e.direction == "out"), 0),
            ).where(*where)
        ).one()
        # Lines without a plate are vehicles by their kind ("Xe máy", not "Đi bộ"), folded
        # here rather than in SQL so that the query runs on any database.
        unplated = s.execute(
            select(e.vehicle_kind, func.count())
            .where(*where, arriving, e.vehicle_plate == "")
            .group_by(e.vehicle_kind)
        ).all()
        places = s.execute(
            select(e.from_place, func.count(), people)
            .where(*where, arriving)
            .group_by(e.from_place)
        ).all()
        by_site: dict[str, int] = {}
        if site_id is None:
            for name, count in s.execute(
                select(Site.name, people)
                .join(Site, Site.id == e.site_id)
                .where(*where, arriving)
                .group_by(Site.id)
                .order_by(people.desc(), Site.name)
            ):
                by_site[name] = int(count)
    return DailyCount(
        day=day,
        site_id=site_id,
        entries=int(totals[0]),
        people=int(totals[1]),
        vehicles=int(totals[2]) + sum(n for kind, n in unplated if fold(kind) not in ON_FOOT),
        undeclared=int(totals[3]),
        fever=int(totals[4]),
        people_out=int(totals[5]),
        by_place=_merge_places((place, int(n), int(count)) for place, n, count in places),
        by_site=by_site,
    )


def _merge_places(counts: Iterable[tuple[str, int, int]]) -> dict[str, int]:
    """People by place from (spelling, lines, people): spellings that fold alike are one
    place, named by its most written spelling (on a tie, the one in proper case with its
    diacritics: "Hà Nội" over "ha noi" and "HÀ NỘI")."""
    groups: dict[str, list[tuple[str, int, int]]] = {}
    for place, lines, people in counts:
        groups.setdefault(fold(place), []).append((place or "(không ghi)", lines, people))
    merged = []
    for spellings in groups.values():
        shown = max(
            spellings,
            key=lambda sp: (
                sp[1],
                sp[0] != sp[0].lower(),
                sp[0] != sp[0].upper(),
                sum(not ch.isascii() for ch in sp[0]),
                sp[0],
            ),
        )[0]
        merged.append((shown, sum(sp[2] for sp in spellings)))
    merged.sort(key=lambda pc: (-pc[1], fold(pc[0])))
    return dict(merged)
