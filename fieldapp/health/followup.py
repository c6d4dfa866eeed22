"""The follow-up register: record checks, act on danger signs, and the lists for the team's round.

Who is followed on a day: a person whose current status is F0 treated at home (isolation home,
self-monitoring or none recorded) or F1 isolated at home or self-monitoring, whose isolation has
begun and not ended. Each should be checked ``health.checks_per_day`` times a day (two, by
Decision 4038). The lists of :func:`followup_lists`:

- ``due``: followed people with fewer checks than required on the day (the round still to do);
- ``missed``: those of them with no check at all on the day;
- ``danger``: checks with a danger sign in the 24 hours before the end of the day (or now);
- ``ending_tomorrow``: followed people whose isolation or treatment ends the next day.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from sqlalchemy import Text, func, or_, select, type_coerce

from fieldapp import gate
from fieldapp.db.base import utcnow
from fieldapp.db.database import Database
from fieldapp.errors import NotFound, UserMistake
from fieldapp.health.models import FollowUpCheck
from fieldapp.health.signs import ACTIONS, RANGES, SYMPTOMS, Thresholds, danger_signs
from fieldapp.households.models import Household, HouseholdMember, LockdownArea
from fieldapp.text.vietnamese import fold

FOLLOWED = {"F0": ("home", "self", ""), "F1": ("home", "self")}


@dataclass
class CheckInput:
    """What the team (or the person by phone) reported; ``checked_by`` empty → signed-in user."""

    member_id: int
    temperature: float | None = None
    spo2: int | None = None
    pulse: int | None = None
    breath_rate: int | None = None
    symptoms: Sequence[str] = ()
    note: str = ""
    checked_by: str = ""
    by_phone: bool = False
    checked_at: datetime | None = None  # aware; default now


@dataclass(frozen=True)
class CheckInfo:
    id: int
    member_id: int
    checked_at: datetime
    temperature: float | None
    spo2: int | None
    pulse: int | None
    breath_rate: int | None
    symptoms: tuple[str, ...]
    note: str
    checked_by: str
    by_phone: bool
    danger: bool
    danger_signs: tuple[str, ...]
    action: str
    action_at: datetime | None
    action_by: str
    action_note: str

    def as_json(self) -> dict:
        return {
            "id": self.id,
            "checked_at": self.checked_at.isoformat(),
            "temperature": self.temperature,
            "spo2": self.spo2,
            "pulse": self.pulse,
            "breath_rate": self.breath_rate,
            "symptoms": list(self.symptoms),
            "checked_by": self.checked_by,
            "by_phone": self.by_phone,
            "danger": self.danger,
            "danger_signs": list(self.danger_signs),
            "action": self.action or None,
            "action_at": self.action_at.isoformat() if self.action_at else None,
        }


@dataclass(frozen=True)
class FollowedPerson:
    member_id: int
    full_name: str
    birth_year: int | None
    household_id: int
    village: str
    area: str
    address: str
    phone: str  # masked for roles that do not see personal data
    status: str
    isolation: str
    isolation_end: date | None
    checks_today: int
    last_check: CheckInfo | None
    device_id: str = ""  # where the household was made: its commune at a district (issue 18)

    def as_json(self) -> dict:
        return {
            "member_id": self.member_id,
            "name": self.full_name,
            "birth_year": self.birth_year,
            "household_id": self.household_id,
            "village": self.village,
            "area": self.area,
            "phone": self.phone,
            "status": self.status,
            "isolation_end": self.isolation_end.isoformat() if self.isolation_end else None,
            "checks_today": self.checks_today,
            "last_check": self.last_check.as_json() if self.last_check else None,
        }


@dataclass(frozen=True)
class FollowUpLists:
    day: date
    required: int
    followed: int
    due: list[FollowedPerson] = field(default_factory=list)
    missed: list[FollowedPerson] = field(default_factory=list)
    danger: list[tuple[FollowedPerson, CheckInfo]] = field(default_factory=list)
    ending_tomorrow: list[FollowedPerson] = field(default_factory=list)


# ------------------------------------------------------------------------------------------
# Settings
# ------------------------------------------------------------------------------------------


def _settings(db: Database) -> dict:
    """Every ``health.`` setting in one read (a round of checks reads them for each check)."""
    import json

    from fieldapp.db.models import Setting
    from fieldapp.settings import DEFAULTS

    values = {k: v for k, v in DEFAULTS.items() if k.startswith("health.")}
    with db.session() as s:
        for key, raw in s.execute(
            select(Setting.key, Setting.value).where(Setting.key.in_(list(values)))
        ):
            values[key] = json.loads(raw)
    return values


def thresholds(db: Database) -> Thresholds:
    """The danger-sign thresholds of Settings."""
    v = _settings(db)
    return Thresholds(
        spo2_max=int(v["health.danger.spo2_max"]),
        breath_adult_min=int(v["health.danger.breath_adult_min"]),
        pulse_max=int(v["health.danger.pulse_max"]),
        pulse_min=int(v["health.danger.pulse_min"]),
        temperature_min=float(v["health.danger.temperature_min"]),
        symptoms=frozenset(v["health.danger.symptoms"] or ()),
    )


def save_thresholds(db: Database, t: Thresholds, *, per_day: int, default_place: str) -> None:
    """Store the thresholds, the checks a day and the default place: all checked, then all
    written in one transaction (a wrong value changes nothing)."""
    from fieldapp.db.models import Setting
    from fieldapp.health.signs import SYMPTOMS

    checks = (
        (1 <= per_day <= 6, "Số lần kiểm tra mỗi ngày phải từ 1 đến 6."),
        (80 <= t.spo2_max <= 99, "Ngưỡng SpO2 phải từ 80 đến 99 %."),
        (12 <= t.breath_adult_min <= 40, "Ngưỡng nhịp thở phải từ 12 đến 40 lần/phút."),
        (90 <= t.pulse_max <= 200, "Ngưỡng mạch nhanh phải từ 90 đến 200 lần/phút."),
        (30 <= t.pulse_min <= 70, "Ngưỡng mạch chậm phải từ 30 đến 70 lần/phút."),
        (37.5 <= t.temperature_min <= 42, "Ngưỡng sốt cao phải từ 37,5 đến 42 °C."),
        (set(t.symptoms) <= set(SYMPTOMS), "Triệu chứng không có trong danh sách."),
    )
    for ok, message in checks:
        if not ok:
            raise UserMistake(message)
    place = " ".join((default_place or "").split())[:200]
    values = {
        "health.checks_per_day": int(per_day),
        "health.danger.spo2_max": int(t.spo2_max),
        "health.danger.breath_adult_min": int(t.breath_adult_min),
        "health.danger.pulse_max": int(t.pulse_max),
        "health.danger.pulse_min": int(t.pulse_min),
        "health.danger.temperature_min": round(float(t.temperature_min), 1),
        "health.danger.symptoms": [k for k in SYMPTOMS if k in t.symptoms],
        "health.default_place": place,
    }
    import json

    with db.transaction() as s:
        for key, value in values.items():
            encoded = json.dumps(value, ensure_ascii=False)
            row = s.get(Setting, key)
            if row is None:
                s.add(Setting(key=key, value=encoded))
            else:
                row.value = encoded


def default_place(db: Database) -> str:
    from fieldapp.settings import get_setting

    return get_setting(db, "health.default_place")


def checks_per_day(db: Database) -> int:
    from fieldapp.settings import get_setting

    return max(1, int(get_setting(db, "health.checks_per_day")))


# ------------------------------------------------------------------------------------------
# Recording
# ------------------------------------------------------------------------------------------


def _author(db: Database, typed: str) -> str:
    typed = " ".join((typed or "").split())[:120]
    if typed:
        return typed
    return gate.author_name(getattr(db, "actor", None))


def _number(value, what: str, key: str, kind=float):
    if value is None or value == "":
        return None
    try:
        number = kind(str(value).replace(",", "."))
    except ValueError:
        raise UserMistake(f"{what} phải là một số.") from None
    low, high = RANGES[key]
    if not low <= number <= high:
        raise UserMistake(f"{what} phải trong khoảng {low:g}–{high:g}.")
    return number


def _clean_check(data: CheckInput) -> dict:
    temperature = _number(data.temperature, "Nhiệt độ", "temperature")
    values = {
        "temperature": None if temperature is None else round(temperature, 1),
        "spo2": _number(data.spo2, "SpO2", "spo2", int),
        "pulse": _number(data.pulse, "Mạch", "pulse", int),
        "breath_rate": _number(data.breath_rate, "Nhịp thở", "breath_rate", int),
    }
    unknown = [s for s in data.symptoms if s not in SYMPTOMS]
    if unknown:
        raise UserMistake("Triệu chứng không có trong danh sách.")
    symptoms = [s for s in SYMPTOMS if s in set(data.symptoms)]
    if all(v is None for v in values.values()) and not symptoms and not data.note.strip():
        raise UserMistake("Chưa nhập chỉ số hay triệu chứng nào.")
    return {**values, "symptoms": symptoms}


def _age(birth_year: int | None, on: date) -> int | None:
    return None if birth_year is None else max(0, on.year - birth_year)


def _info(c: FollowUpCheck) -> CheckInfo:
    return CheckInfo(
        id=c.id,
        member_id=c.member_id,
        checked_at=c.checked_at,
        temperature=c.temperature,
        spo2=c.spo2,
        pulse=c.pulse,
        breath_rate=c.breath_rate,
        symptoms=tuple(c.symptoms or ()),
        note=c.note,
        checked_by=c.checked_by,
        by_phone=c.by_phone,
        danger=c.danger,
        danger_signs=tuple(c.danger_signs or ()),
        action=c.action,
        action_at=c.action_at,
        action_by=c.action_by,
        action_note=c.action_note,
    )


def record_checks(db: Database, rows: Sequence[CheckInput]) -> list[CheckInfo]:
    """Record a round of checks in one transaction (all or none); danger signs computed now."""
    limits = thresholds(db)
    cleaned = [(row, _clean_check(row)) for row in rows]
    with db.transaction() as s:
        made = []
        for row, values in cleaned:
            member = s.get(HouseholdMember, row.member_id)
            if member is None:
                raise NotFound(f"Không có người mã {row.member_id}.")
            at = row.checked_at or datetime.now().astimezone()
            if at.tzinfo is None:
                at = at.astimezone()
            if at > datetime.now().astimezone() + timedelta(minutes=5):
                raise UserMistake("Giờ kiểm tra ở tương lai.")
            signs = danger_signs(
                **{k: values[k] for k in ("temperature", "spo2", "pulse", "breath_rate")},
                symptoms=values["symptoms"],
                age_years=_age(member.birth_year, at.date()),
                thresholds=limits,
            )
            check = FollowUpCheck(
                member_id=member.id,
                checked_at=at,
                **values,
                note=" ".join(row.note.split())[:2000],
                checked_by=_author(db, row.checked_by),
                by_phone=bool(row.by_phone),
                danger=bool(signs),
                danger_signs=signs,
            )
            s.add(check)
            made.append(check)
        s.flush()
        return [_info(c) for c in made]


def record_check(db: Database, data: CheckInput) -> CheckInfo:
    """Record one check; :attr:`CheckInfo.danger` says at once whether it showed a danger sign."""
    return record_checks(db, [data])[0]


def record_action(
    db: Database,
    check_id: int,
    action: str,
    *,
    at: datetime | None = None,
    by: str = "",
    note: str = "",
) -> CheckInfo:
    """What was done about a check's danger sign, and when."""
    if action not in ACTIONS:
        raise UserMistake(f"Cách xử lý không hợp lệ (có: {', '.join(ACTIONS)}).")
    at = at or datetime.now().astimezone()
    with db.transaction() as s:
        check = s.get(FollowUpCheck, check_id)
        if check is None:
            raise NotFound(f"Không có lần kiểm tra mã {check_id}.")
        if at < check.checked_at - timedelta(minutes=1):
            raise UserMistake("Giờ xử lý phải sau giờ kiểm tra.")
        check.action, check.action_at = action, at
        check.action_by = _author(db, by)
        check.action_note = " ".join(note.split())[:2000]
        s.flush()
        return _info(check)


def delete_check(db: Database, check_id: int) -> None:
    """Remove a check entered by mistake (the audit trail keeps what it was)."""
    with db.transaction() as s:
        check = s.get(FollowUpCheck, check_id)
        if check is None:
            raise NotFound(f"Không có lần kiểm tra mã {check_id}.")
        s.delete(check)


def checks_of(db: Database, member_id: int, limit: int = 200) -> list[CheckInfo]:
    """A person's checks, newest first."""
    with db.session() as s:
        rows = s.scalars(
            select(FollowUpCheck)
            .where(FollowUpCheck.member_id == member_id)
            .order_by(FollowUpCheck.checked_at.desc(), FollowUpCheck.id.desc())
            .limit(limit)
        )
        return [_info(c) for c in rows]


# ------------------------------------------------------------------------------------------
# Lists
# ------------------------------------------------------------------------------------------


def _day_bounds(day: date) -> tuple[datetime, datetime]:
    start = datetime.combine(day, time.min).astimezone()
    return start, start + timedelta(days=1)


def _followed_query(day: date, *columns):
    """People followed on ``day`` (with their household and area): ``columns`` or the member."""
    conditions = [
        (HouseholdMember.status == status) & HouseholdMember.isolation.in_(isolations)
        for status, isolations in FOLLOWED.items()
    ]
    return (
        select(*(columns or (HouseholdMember,)))
        .select_from(HouseholdMember)
        .join(Household, Household.id == HouseholdMember.household_id)
        .join(LockdownArea, LockdownArea.id == Household.area_id)
        .where(or_(*conditions))
        .where(
            (HouseholdMember.isolation_start.is_(None)) | (HouseholdMember.isolation_start <= day)
        )
        .where((HouseholdMember.isolation_end.is_(None)) | (HouseholdMember.isolation_end >= day))
    )


# The columns a list needs, read as plain rows (no ORM objects: 5,000 people in ~100 ms).
_PERSON = (
    HouseholdMember.id,
    HouseholdMember.full_name,
    HouseholdMember.birth_year,
    HouseholdMember.household_id,
    HouseholdMember.phone,
    HouseholdMember.status,
    HouseholdMember.isolation,
    HouseholdMember.isolation_end,
    Household.village,
    Household.street,
    Household.house_number,
    LockdownArea.name,
    Household.village_sort,
    Household.device_id,
)
# The two lists are read as their JSON text: "[]" (most checks) needs no decoding.
_CHECK = tuple(
    type_coerce(getattr(FollowUpCheck, name), Text)
    if name in ("symptoms", "danger_signs")
    else getattr(FollowUpCheck, name)
    for name in (
        "id", "member_id", "checked_at", "temperature", "spo2", "pulse", "breath_rate",
        "symptoms", "note", "checked_by", "by_phone", "danger", "danger_signs", "action",
        "action_at", "action_by", "action_note",
    )
)  # fmt: skip


def _keys(raw: str | None) -> tuple[str, ...]:
    if not raw or raw == "[]":
        return ()
    import json

    return tuple(json.loads(raw))


def _info_row(row) -> CheckInfo:
    (id_, member_id, at, temperature, spo2, pulse, breath, symptoms, note, by, by_phone,
     danger, signs, action, action_at, action_by, action_note) = row[: len(_CHECK)]  # fmt: skip
    return CheckInfo(
        id=id_, member_id=member_id, checked_at=at, temperature=temperature, spo2=spo2,
        pulse=pulse, breath_rate=breath, symptoms=_keys(symptoms), note=note,
        checked_by=by, by_phone=by_phone, danger=danger, danger_signs=_keys(signs),
        action=action, action_at=action_at, action_by=action_by, action_note=action_note,
    )  # fmt: skip


def _newest_checks(conn, condition, end: datetime) -> dict[int, CheckInfo]:
    """Each person's newest check before ``end`` among the checks meeting ``condition``."""
    newest = (
        select(FollowUpCheck.member_id, func.max(FollowUpCheck.checked_at).label("at"))
        .where(FollowUpCheck.checked_at < end, condition)
        .group_by(FollowUpCheck.member_id)
        .subquery()
    )
    rows = conn.execute(
        select(*_CHECK).join(
            newest,
            (newest.c.member_id == FollowUpCheck.member_id)
            & (newest.c.at == FollowUpCheck.checked_at),
        )
    ).all()
    return {row[1]: _info_row(row) for row in rows}


def _village_matches(village: str | None, wanted: str | None) -> bool:
    return not wanted or fold(village or "") == fold(wanted)


def followup_lists(
    db: Database,
    day: date | None = None,
    *,
    village: str | None = None,
    now: datetime | None = None,
    devices: Collection[str] | None = None,
) -> FollowUpLists:
    """The round lists for ``day`` (default today), optionally for one village, and at a
    district for one commune's ``devices`` (:func:`fieldapp.sync.district.devices_of_commune`)."""
    from fieldapp.households.service import address_text
    from fieldapp.text.vietnamese import name_sort_key

    gate.reveal(db, "tình trạng sức khỏe")  # a list of F0/F1 is health data by itself
    day = day or date.today()
    required = checks_per_day(db)
    start, end = _day_bounds(day)
    now = now or datetime.now().astimezone()
    danger_until = min(end, now) if day == now.date() else end
    with db.session() as s:
        conn = s.connection()  # plain rows: no ORM loading for thousands of people
        people = [
            row
            for row in conn.execute(_followed_query(day, *_PERSON)).all()
            if _village_matches(row[8], village) and (devices is None or row[13] in devices)
        ]
        counts: dict[int, int] = dict(
            conn.execute(
                select(FollowUpCheck.member_id, func.count())
                .where(FollowUpCheck.checked_at >= start, FollowUpCheck.checked_at < end)
                .group_by(FollowUpCheck.member_id)
            ).all()
        )
        # The newest check of each person: first among the last two days' checks (an index
        # range, not the whole history), then, for anyone without one, over all their checks.
        last = _newest_checks(conn, FollowUpCheck.checked_at >= start - timedelta(days=2), end)
        missing = [row[0] for row in people if row[0] not in last]
        for chunk in range(0, len(missing), 900):
            last.update(
                _newest_checks(conn, FollowUpCheck.member_id.in_(missing[chunk : chunk + 900]), end)
            )
        danger_rows = conn.execute(
            select(*_CHECK, *_PERSON)
            .join(HouseholdMember, HouseholdMember.id == FollowUpCheck.member_id)
            .join(Household, Household.id == HouseholdMember.household_id)
            .join(LockdownArea, LockdownArea.id == Household.area_id)
            .where(FollowUpCheck.danger.is_(True))
            .where(FollowUpCheck.checked_at >= danger_until - timedelta(hours=24))
            .where(FollowUpCheck.checked_at < danger_until)
            .order_by(FollowUpCheck.checked_at.desc())
        ).all()
    sees = gate.sees_personal_data(db)

    def person(row, last_check: CheckInfo | None) -> FollowedPerson:
        (member_id, name, born, household_id, phone, status, isolation, end_on, vill, street,
         number, area, _sort, device) = row  # fmt: skip
        return FollowedPerson(
            member_id=member_id,
            full_name=name,
            birth_year=born,
            household_id=household_id,
            village=vill or "",
            area=area,
            address=address_text(number or "", street or "", vill or ""),
            phone=(phone or "") if sees else gate.mask_phone(db, phone),
            status=status,
            isolation=isolation,
            isolation_end=end_on,
            checks_today=counts.get(member_id, 0),
            last_check=last_check,
            device_id=device or "",
        )

    people.sort(key=lambda row: (row[12] or b"", name_sort_key(row[1])))
    followed = [person(row, last.get(row[0])) for row in people]
    width = len(_CHECK)
    danger = [
        (person(row[width:], None), _info_row(row))
        for row in danger_rows
        if _village_matches(row[width + 8], village)
        and (devices is None or row[width + 13] in devices)
    ]
    due = [p for p in followed if p.checks_today < required]
    tomorrow = day + timedelta(days=1)
    return FollowUpLists(
        day=day,
        required=required,
        followed=len(followed),
        due=due,
        missed=[p for p in due if p.checks_today == 0],
        # unanswered danger signs first, then newest first
        danger=sorted(danger, key=lambda pc: (bool(pc[1].action), -pc[1].checked_at.timestamp())),
        ending_tomorrow=[p for p in followed if p.isolation_end == tomorrow],
    )


def open_danger(db: Database, now: datetime | None = None) -> list[tuple[str, CheckInfo]]:
    """Checks with a danger sign in the last 24 hours that nobody has acted on yet, newest
    first, with the person's name (empty for roles that do not see health data): what the
    overview's alert shows. One indexed query, not the whole follow-up list."""
    now = now or utcnow()
    with db.session() as s:
        rows = (
            s.connection()
            .execute(
                select(*_CHECK, HouseholdMember.full_name)
                .join(HouseholdMember, HouseholdMember.id == FollowUpCheck.member_id)
                .where(FollowUpCheck.danger.is_(True), FollowUpCheck.action == "")
                .where(FollowUpCheck.checked_at >= now - timedelta(hours=24))
                .where(FollowUpCheck.checked_at <= now)
                .order_by(FollowUpCheck.checked_at.desc())
            )
            .all()
        )
    sees = gate.sees_personal_data(db)
    return [(row[len(_CHECK)] if sees else "", _info_row(row)) for row in rows]


def open_danger_count(db: Database, now: datetime | None = None) -> int:
    """Checks with a danger sign in the last 24 hours that nobody has acted on yet."""
    return len(open_danger(db, now))
