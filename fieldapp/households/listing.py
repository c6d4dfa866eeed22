"""The household list: filters, search as you type, Vietnamese order, rows a page at a time.

Made for 50,000 households (200,000 people): :func:`household_ids` answers one indexed query
with the ids in display order, and :func:`household_rows` fills only the rows a view shows,
by id.

Search compares the folded ``search_fold`` column, so "hoang" finds "Hoàng": each word typed
matches the start of a word, digits (a piece of a phone or citizen ID) match anywhere. On
SQLite the two FTS5 indexes of migration 0017 answer it (``household_fts``: words by their
start, only spaces separating words), so a keystroke reads the matches, not the whole
table; digits stay a ``LIKE`` over the column (over the matches of the words typed with
them, if any); elsewhere (PostgreSQL) the whole rule is a ``LIKE`` over the column. Both give
the same households.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import and_, bindparam, case, column, func, literal_column, or_, select, table

from fieldapp.db.database import Database
from fieldapp.households.models import Household, HouseholdMember
from fieldapp.households.service import ISOLATING
from fieldapp.text.vietnamese import fold

STATUS_FILTERS = ("", "F0", "F1", "F2", "F0F1", "isolating", "negative", "none")
ORDERS = ("name", "village", "members", "isolation_end")


@dataclass
class HouseholdFilter:
    """What the list shows. ``status``: one of :data:`STATUS_FILTERS` ("" = everyone)."""

    area_id: int | None = None
    search: str = ""
    village: str = ""
    status: str = ""
    vulnerable: bool = False
    poor: bool = False
    ending_within_days: int | None = None  # isolation ends between today and today + N
    today: date | None = None
    # At a district: only the rows that came from these devices (one commune's; issue 18).
    devices: tuple[str, ...] | None = None


@dataclass
class HouseholdRow:
    """One line of the household table."""

    id: int
    area_id: int
    head_name: str
    village: str
    street: str
    house_number: str
    phone: str
    members: int
    poor: bool
    vulnerable: bool
    f0: int = 0
    f1: int = 0
    f2: int = 0
    isolating: int = 0
    device_id: str = ""  # where the row was made: its commune at a district
    central: int = 0
    next_isolation_end: date | None = None

    @property
    def address(self) -> str:
        from fieldapp.households.service import address_text

        return address_text(self.house_number, self.street)


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


MIN_DIGITS = 3


def search_terms(text: str) -> list[str]:
    """The folded words of a search box ("Hoàng  Văn" → ["hoang", "van"]).

    Digits are matched anywhere (a piece of a phone number or CCCD), so fewer than
    :data:`MIN_DIGITS` of them would match nearly everyone: they do not filter yet.
    """
    return [w for w in fold(text).split() if not (w.isdigit() and len(w) < MIN_DIGITS)]


FTS_WORDS = "household_fts"
# The characters that do not end a word in FTS_WORDS (its tokenizer's ``tokenchars``; letters
# and digits always belong): equal to migration 0017's, so only spaces separate words there,
# as in the ``LIKE '% word%'`` rule.
TOKEN_CHARS = "-/.,()#&+:;_!?@*%$[]{}<>=|~^'\"`\\–—…‘’“”«»·"
# Typed words this short match most households: walking the name index beats sorting them.
SHORT_PREFIX = 2


@dataclass(frozen=True)
class _Search:
    """How a search runs: FTS conditions, LIKE conditions, and whether to walk the name index."""

    conditions: tuple
    walk_index: bool


def _like(term: str):
    # Words match from their start; digits (phone, CCCD) anywhere.
    pattern = ("%" if term.isdigit() else "% ") + _like_escape(term) + "%"
    return Household.search_fold.like(pattern, escape="\\")


def _fts(name: str, query: str, walk: bool = False):
    ids = (
        select(column("rowid"))
        .select_from(table(name))
        .where(literal_column(name).op("MATCH")(bindparam(None, query)))
    )
    # "+ 0" when walking: test each entry of a covering index against the found ids, instead
    # of looking each found id up in the table.
    return (Household.id + 0 if walk else Household.id).in_(ids)


def _indexed_word(term: str) -> bool:
    return all(ch.isalnum() or ch in TOKEN_CHARS for ch in term)


def _search(terms: list[str], sqlite: bool) -> _Search:
    if not sqlite:
        return _Search(tuple(_like(t) for t in terms), walk_index=False)
    words = [t for t in terms if not t.isdigit() and _indexed_word(t)]
    digits = [t for t in terms if t.isdigit()]
    others = [t for t in terms if t not in words and t not in digits]
    walk = bool(words) and not digits and not others and max(map(len, words)) <= SHORT_PREFIX
    conds = []
    if words:
        query = " ".join('"' + w.replace('"', '""') + '"*' for w in words)
        conds.append(_fts(FTS_WORDS, query, walk))
    if not walk:
        # The words again as LIKE over the few rows found: exactly the rule, even where the
        # text holds a character the tokenizer would split on; digits anywhere, by LIKE.
        conds += [_like(t) for t in terms]
    return _Search(tuple(conds), walk_index=walk)


def _sqlite(db: Database) -> bool:
    return db.engine.dialect.name == "sqlite"


def _conditions(flt: HouseholdFilter, sqlite: bool = False) -> list:
    today = flt.today or date.today()
    search = _search(search_terms(flt.search), sqlite)
    conds = []
    if flt.area_id is not None:
        if search.conditions and not search.walk_index:
            # "+ 0": look the found ids up by key instead of walking the area's index.
            conds.append(Household.area_id + 0 == flt.area_id)
        else:
            conds.append(Household.area_id == flt.area_id)
    conds += search.conditions
    if flt.devices is not None:
        # While searching, test the found rows' device instead of walking the device index
        # (a big commune: 32 ms against 12 ms for the search alone at 57,000 households).
        searching = search.conditions and not search.walk_index
        device = Household.device_id.concat("") if searching else Household.device_id
        conds.append(device.in_(list(flt.devices)))
    if flt.village:
        conds.append(Household.village == flt.village)
    if flt.vulnerable:
        conds.append(Household.vulnerable.is_(True))
    if flt.poor:
        conds.append(Household.poor.is_(True))
    member_conds = []
    if flt.status in ("F0", "F1", "F2", "negative"):
        member_conds.append(HouseholdMember.status == flt.status)
    elif flt.status == "F0F1":
        member_conds.append(HouseholdMember.status.in_(("F0", "F1")))
    elif flt.status == "isolating":
        member_conds.append(_isolating(today))
    if flt.ending_within_days is not None:
        member_conds.append(_isolating(today))
        member_conds.append(
            HouseholdMember.isolation_end <= today + timedelta(days=flt.ending_within_days)
        )
    if member_conds:
        conds.append(
            Household.id.in_(select(HouseholdMember.household_id).where(and_(*member_conds)))
        )
    if flt.status == "none":
        conds.append(
            ~Household.id.in_(
                select(HouseholdMember.household_id).where(HouseholdMember.status != "")
            )
        )
    return conds


def _isolating(today: date):
    """A person isolating today: F0/F1/F2 at a facility or at home, end not passed."""
    return and_(
        HouseholdMember.status.in_(("F0", "F1", "F2")),
        HouseholdMember.isolation.in_(ISOLATING),
        or_(HouseholdMember.isolation_end.is_(None), HouseholdMember.isolation_end >= today),
    )


def household_ids(
    db: Database,
    flt: HouseholdFilter,
    order: str = "name",
    descending: bool = False,
    limit: int | None = None,
) -> list[int]:
    """Ids of the households that match, in display order (Vietnamese name order by default);
    the first ``limit`` of them when given (what a table shows first, without reading all)."""
    if order not in ORDERS:
        raise ValueError(order)
    today = flt.today or date.today()
    sqlite = _sqlite(db)
    query = select(Household.id).where(*_conditions(flt, sqlite))
    # While searching, take the matches and sort them: walking the sort index and testing
    # every row is slower (SQLite would choose it), except for a word of one or two letters,
    # which most households match (then the covering name index is walked).
    terms = search_terms(flt.search)
    searching = bool(terms) and not (sqlite and _search(terms, sqlite).walk_index)
    head_sort = func.coalesce(Household.head_sort, b"") if searching else Household.head_sort
    if order == "name":
        keys = [head_sort]
    elif order == "village":
        keys = [Household.village_sort, head_sort]
    elif order == "members":
        keys = [Household.member_count, head_sort]
    else:
        nearest = (
            select(func.min(HouseholdMember.isolation_end))
            .where(HouseholdMember.household_id == Household.id, _isolating(today))
            .scalar_subquery()
        )
        keys = [case((nearest.is_(None), 1), else_=0), nearest, head_sort]
    if descending:
        keys = [k.desc() for k in keys]
    query = query.order_by(*keys, Household.id)
    if limit is not None:
        query = query.limit(limit)
    with db.session() as s:
        # Core rows, not ORM scalars: a third of the time for 50,000 ids.
        return [row[0] for row in s.connection().execute(query)]


def first_ids(
    db: Database,
    flt: HouseholdFilter,
    order: str = "name",
    descending: bool = False,
    first: int = 1000,
) -> tuple[list[int], int]:
    """What a table needs at once: the ids of (at least) the ``first`` households that match,
    in display order, and how many match in all.

    A search that narrows to the households found by its index sorts them anyway: then every
    id comes in one query and no count is needed. Otherwise (no search, or a word of one or
    two letters) the first ids come from walking the order's index, and a count follows.
    """
    terms = search_terms(flt.search)
    if terms and not _search(terms, _sqlite(db)).walk_index:
        ids = household_ids(db, flt, order, descending)
        return ids, len(ids)
    ids = household_ids(db, flt, order, descending, limit=first + 1)
    if len(ids) <= first:
        return ids, len(ids)
    return ids[:first], count_households(db, flt)


def count_households(db: Database, flt: HouseholdFilter) -> int:
    with db.session() as s:
        return (
            s.scalar(
                select(func.count()).select_from(Household).where(*_conditions(flt, _sqlite(db)))
            )
            or 0
        )


def household_rows(
    db: Database, ids: Sequence[int], today: date | None = None
) -> list[HouseholdRow]:
    """Rows for these ids, in the same order (missing ids are skipped)."""
    if not ids:
        return []
    today = today or date.today()
    with db.session() as s:
        rows: dict[int, HouseholdRow] = {}
        for h in s.execute(
            select(
                Household.id,
                Household.area_id,
                Household.head_name,
                Household.village,
                Household.street,
                Household.house_number,
                Household.phone,
                Household.member_count,
                Household.poor,
                Household.vulnerable,
                Household.device_id,
            ).where(Household.id.in_(list(ids)))
        ):
            rows[h.id] = HouseholdRow(
                id=h.id,
                area_id=h.area_id,
                head_name=h.head_name,
                village=h.village,
                street=h.street,
                house_number=h.house_number,
                phone=h.phone,
                members=h.member_count,
                poor=h.poor,
                vulnerable=h.vulnerable,
                device_id=h.device_id,
            )
        isolating = _isolating(today)
        for hid, status, iso, count, iso_count, nearest in s.execute(
            select(
                HouseholdMember.household_id,
                HouseholdMember.status,
                HouseholdMember.isolation,
                func.count(),
                func.sum(case((isolating, 1), else_=0)),
                func.min(case((isolating, HouseholdMember.isolation_end), else_=None)),
            )
            .where(HouseholdMember.household_id.in_(list(ids)), HouseholdMember.status != "")
            .group_by(
                HouseholdMember.household_id, HouseholdMember.status, HouseholdMember.isolation
            )
        ):
            row = rows.get(hid)
            if row is None:
                continue
            if status == "F0":
                row.f0 += count
            elif status == "F1":
                row.f1 += count
            elif status == "F2":
                row.f2 += count
            row.isolating += iso_count or 0
            if iso == "central":
                row.central += iso_count or 0
            if nearest is not None and (
                row.next_isolation_end is None or nearest < row.next_isolation_end
            ):
                row.next_isolation_end = nearest
    return [rows[i] for i in ids if i in rows]


def villages(db: Database, area_id: int | None = None) -> list[str]:
    """The villages that households name, in Vietnamese order."""
    query = select(Household.village, func.min(Household.village_sort)).where(
        Household.village != ""
    )
    if area_id is not None:
        query = query.where(Household.area_id == area_id)
    query = query.group_by(Household.village).order_by(func.min(Household.village_sort))
    with db.session() as s:
        return [v for v, _k in s.execute(query)]
