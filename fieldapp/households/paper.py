"""Paper for the villages: the lists a village head and a health worker carry door to door,
and the Resolution 68 dossier the commune pays support money from.

Every paper is an official document of :mod:`fieldapp.printing` (Decree 30 header, A4,
page-numbered, the commune's signing block):

- :func:`door_to_door_document`: one table per village, a household never split across pages,
  the head first and the members under it (year of birth, status and isolation end, phone, a
  blank column for notes and one for the signature);
- :func:`test_round_document`: who is to be tested in a round, the result column (filled where
  results were recorded) and who was missed;
- :func:`relief_document`: the relief distribution sheet of a date (items and quantities,
  "người nhận ký");
- :func:`support68_document`: the support list of :mod:`fieldapp.households.support68`, with
  totals per household and overall in figures and in words;
- :func:`isolation_decisions` and :func:`completion_certificates`: the isolation decision and
  the certificate of completed isolation (Giấy xác nhận hoàn thành cách ly), one document per
  person, for one person or an area, rendered together by
  :func:`fieldapp.printing.official.render_many`.

Households come in Vietnamese order: by village, then by the head's given name
(:mod:`fieldapp.households.collation`). Personal data (citizen ID, phone, health status) is
shown as the trust gate's masking policy lets the signed-in person see it.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.platypus import Flowable
from sqlalchemy import select

from fieldapp import gate
from fieldapp.db.database import Database
from fieldapp.errors import NotFound, UserMistake
from fieldapp.heap import bulk
from fieldapp.households.models import (
    ISOLATIONS,
    STATUSES,
    TEST_KINDS,
    TEST_RESULTS,
    HealthStatus,
    Household,
    HouseholdMember,
    LockdownArea,
    ReliefDelivery,
    TestResult,
    TestRound,
)
from fieldapp.households.number_words import in_words_line, money, money_words
from fieldapp.households.service import address_text
from fieldapp.printing.blocks import caption, paragraph, table
from fieldapp.printing.commune import issuer_for, place_date_for, signature_for
from fieldapp.printing.official import OfficialDocument, Signature, number_line
from fieldapp.profile import Profile, load_profile
from fieldapp.progress import Progress, report
from fieldapp.text.vietnamese import fold, format_date, nfc

PAPERS: dict[str, str] = {
    "door-to-door": "Danh sách hộ đi từng nhà",
    "test-round": "Danh sách xét nghiệm",
    "relief": "Danh sách cấp phát hàng hỗ trợ",
    "support68": "Danh sách hỗ trợ theo Nghị quyết 68/NQ-CP",
    "isolation-decision": "Quyết định cách ly y tế",
    "isolation-certificate": "Giấy xác nhận hoàn thành cách ly",
    "recovery-certificate": "Giấy xác nhận khỏi bệnh",
}
"""The papers, by the name the CLI and the print dialog use."""

RELATION_HEAD = "Chủ hộ"
PAPER_SIZE = 12
"""Type size of the village paper's tables: 12 pt, read at a door by lamplight (the issue asks
12-13 pt; the decree's 13-14 pt body would not leave room for the columns)."""


# -- the people of an area, in print order ------------------------------------------------------


@dataclass
class PaperMember:
    id: int
    full_name: str
    birth_year: int | None
    birth_date: date | None
    sex: str
    relation: str
    is_head: bool
    citizen_id: str
    phone: str
    status: str
    isolation: str
    isolation_start: date | None
    isolation_end: date | None


@dataclass
class PaperHousehold:
    id: int
    head_name: str
    village: str
    address: str
    phone: str
    poor: bool
    members: list[PaperMember] = field(default_factory=list)


def _area(db: Database, area_id: int) -> LockdownArea:
    with db.session() as s:
        area = s.get(LockdownArea, area_id)
        if area is None:
            raise NotFound("Không tìm thấy khu vực phong tỏa.")
        s.expunge(area)
        return area


def area_people(
    db: Database,
    area_id: int,
    *,
    village: str | None = None,
    household_ids: Sequence[int] | None = None,
) -> list[PaperHousehold]:
    """The households of an area (of one village, or only ``household_ids``) with their
    people: by village and head's name in Vietnamese order, the head first in each."""
    _area(db, area_id)
    with db.session() as s:
        query = select(
            Household.id,
            Household.head_name,
            Household.village,
            Household.house_number,
            Household.street,
            Household.phone,
            Household.poor,
        ).where(Household.area_id == area_id)
        if village:
            wanted = fold(village)
            villages = {
                v
                for (v,) in s.execute(
                    select(Household.village).where(Household.area_id == area_id).distinct()
                )
            }
            matching = [v for v in villages if fold(v) == wanted]
            if not matching:
                raise NotFound(f"Khu vực không có thôn «{nfc(village.strip())}».")
            query = query.where(Household.village.in_(matching))
        query = query.order_by(Household.village_sort, Household.head_sort, Household.id)
        households: dict[int, PaperHousehold] = {}
        order: list[int] = []
        # Plain rows from the connection (no ORM result processing): an area of 50,000 people.
        conn = s.connection()
        for hid, head, vil, number, street, phone, poor in conn.execute(query).fetchall():
            households[hid] = PaperHousehold(
                hid, head, vil, address_text(number, street), phone, poor
            )
            order.append(hid)
        if household_ids is not None:
            keep = set(household_ids)
            order = [h for h in order if h in keep]
        mquery = (
            select(
                HouseholdMember.household_id,
                HouseholdMember.id,
                HouseholdMember.full_name,
                HouseholdMember.birth_year,
                HouseholdMember.birth_date,
                HouseholdMember.sex,
                HouseholdMember.relation,
                HouseholdMember.is_head,
                HouseholdMember.citizen_id,
                HouseholdMember.phone,
                HouseholdMember.status,
                HouseholdMember.isolation,
                HouseholdMember.isolation_start,
                HouseholdMember.isolation_end,
            )
            .join(Household, Household.id == HouseholdMember.household_id)
            .where(Household.area_id == area_id)
            .order_by(
                HouseholdMember.household_id,
                HouseholdMember.is_head.desc(),
                HouseholdMember.position,
                HouseholdMember.id,
            )
        )
        get = households.get
        for (hid, mid, name, year, born, sex, relation, is_head, cid, phone, status, isolation,
             iso_start, iso_end) in conn.execute(mquery).fetchall():  # fmt: skip
            h = get(hid)
            if h is not None:
                h.members.append(PaperMember(mid, name, year, born, sex or "", relation or "",
                                             bool(is_head), cid or "", phone or "", status or "",
                                             isolation or "", iso_start, iso_end))  # fmt: skip
    return [households[h] for h in order]


def required_profile(db: Database) -> Profile:
    profile = load_profile(db)
    if profile is None:
        raise UserMistake("Chưa có hồ sơ xã: hãy điền hồ sơ xã trước khi in.")
    return profile


# -- shared pieces ----------------------------------------------------------------------------


def status_text(status: str, isolation: str, db: Database | None = None) -> str:
    """ "F1 - cách ly tại nhà", "Âm tính", "" (as the person at ``db`` may see it)."""
    text = STATUSES.get(status, status)
    if isolation and status:
        text += " - " + ISOLATIONS.get(isolation, isolation).lower()
    elif isolation:
        text = ISOLATIONS.get(isolation, isolation)
    return gate.mask_health(db, text) if db is not None else text


def _born(m: PaperMember) -> str:
    if m.birth_date is not None:
        return format_date(m.birth_date)
    return str(m.birth_year) if m.birth_year else ""


def _head_cell(h: PaperHousehold) -> str:
    lines = [h.head_name or "(chưa rõ chủ hộ)"]
    if h.address:
        lines.append(h.address)
    return "\n".join(lines)


def _document(
    profile: Profile,
    day: date,
    title: str,
    subject: str,
    body: list[Flowable],
    recipients: Sequence[str],
    *,
    number: str = "",
    orientation: str = "landscape",
) -> OfficialDocument:
    return OfficialDocument(
        issuer=issuer_for(profile),
        number=number,
        place_date=place_date_for(profile, day),
        title=title,
        subject=subject,
        body=body,
        recipients=recipients,
        signature=signature_for(profile),
        orientation=orientation,  # type: ignore[arg-type]
    )


def _by_village(households: list[PaperHousehold]) -> list[tuple[str, list[PaperHousehold]]]:
    out: list[tuple[str, list[PaperHousehold]]] = []
    for h in households:
        if out and fold(out[-1][0]) == fold(h.village):
            out[-1][1].append(h)
        else:
            out.append((h.village, [h]))
    return out


_VILLAGE_WORDS = frozenset(
    ("thon", "xom", "ban", "bon", "to", "ap", "khu", "khom", "buon", "lang", "pum", "soc", "khoi")
)


def _has_unit(village: str) -> bool:
    words = fold(village).split()
    return bool(words) and words[0] in _VILLAGE_WORDS


def _area_phrase(name: str, *, capital: bool = False) -> str:
    """ "khu phong tỏa thôn Nà Pài" as it stands in a sentence; a name that does not say what it
    is gets "khu vực phong tỏa" before it."""
    phrase = (
        name
        if fold(name).startswith(("khu", "vung", "thon", "xom", "ban", "to "))
        else (f"khu vực phong tỏa {name}")
    )
    phrase = phrase[:1].upper() + phrase[1:] if capital else phrase[:1].lower() + phrase[1:]
    return phrase


def _village_title(village: str) -> str:
    """ "Thôn Nà Pài" for "Nà Pài"; "Tổ dân phố 3" as it is; "Chưa rõ thôn" for none."""
    if not village.strip():
        return "Chưa rõ thôn"
    if _has_unit(village):
        return village[:1].upper() + village[1:]
    return f"Thôn {village}"


def _village_phrase(village: str) -> str:
    """ "thôn Nà Pài" inside a sentence."""
    title = _village_title(village)
    return title[:1].lower() + title[1:]


# -- 1. door to door -------------------------------------------------------------------------

DOOR_HEADER = [
    "STT",
    "Họ và tên",
    "Năm sinh",
    "Quan hệ với chủ hộ",
    "Tình trạng sức khỏe",
    "Hết cách ly",
    "Điện thoại",
    "Ghi chú",
    "Ký tên",
]
# The STT column holds five digits (a list of 10,000 people or more) on one line.
DOOR_FRACTIONS = [1.1, 4.5, 1.5, 1.9, 3.4, 2.1, 2.3, 3.6, 2.6]
DOOR_ALIGN = ["CENTER", "LEFT", "CENTER", "LEFT", "LEFT", "CENTER", "LEFT", "LEFT", "LEFT"]


def door_rows(
    db: Database | None, households: list[PaperHousehold]
) -> tuple[list[list[str]], list[int]]:
    """The rows of a door-to-door table and the index of each household's first row."""
    rows: list[list[str]] = []
    groups: list[int] = []
    mask_phone = (lambda v: gate.mask_phone(db, v)) if db is not None else (lambda v: v)
    sees = gate.sees_personal_data(db)
    for n, h in enumerate(households, start=1):
        groups.append(len(rows))
        members = h.members or [
            PaperMember(
                0, h.head_name, None, None, "", RELATION_HEAD, True, "", "", "", "", None, None
            )
        ]
        for k, m in enumerate(members):
            name = _head_cell(h) if k == 0 and m.is_head else m.full_name
            if k == 0 and not m.is_head:
                name = f"{_head_cell(h)}\n{m.full_name}" if h.head_name != m.full_name else name
            status = status_text(m.status, m.isolation) if sees else gate.mask_health(db, "x")
            if not (m.status or m.isolation):
                status = ""
            end = format_date(m.isolation_end) if (m.isolation and m.isolation_end and sees) else ""
            rows.append(
                [
                    str(n) if k == 0 else "",
                    name,
                    _born(m),
                    RELATION_HEAD if m.is_head else (m.relation or ""),
                    status,
                    end,
                    mask_phone(m.phone or (h.phone if m.is_head else "")),
                    "Hộ nghèo" if (k == 0 and h.poor) else "",
                    "",
                ]
            )
    return rows, groups


@bulk
def door_to_door_document(
    db: Database,
    area_id: int,
    *,
    village: str | None = None,
    day: date | None = None,
    progress: Progress | None = None,
) -> OfficialDocument:
    """The door-to-door list of an area (or one village of it)."""
    profile = required_profile(db)
    area = _area(db, area_id)
    day = day or date.today()
    report(progress, 0, None, "Đọc danh sách hộ")
    households = area_people(db, area_id, village=village)
    if not households:
        raise UserMistake("Khu vực (thôn) này chưa có hộ nào để in.")
    body: list[Flowable] = [
        paragraph(
            f"{_area_phrase(area.name, capital=True)}. Danh sách dùng cho tổ Covid cộng đồng đi đến "
            "từng hộ: ghi tình hình sức khỏe, nhu cầu của hộ vào cột Ghi chú; chủ hộ hoặc "
            "người đại diện ký tên.",
            indent=False,
        )
    ]
    people = 0
    villages = _by_village(households)
    for i, (vil, group) in enumerate(villages, start=1):
        report(progress, i, len(villages), "Lập danh sách")
        rows, groups = door_rows(db, group)
        people += sum(len(h.members) for h in group)
        body += [
            caption(f"{_village_title(vil).upper()} ({len(group)} hộ)"),
            table(
                DOOR_HEADER,
                rows,
                col_fractions=DOOR_FRACTIONS,
                align=DOOR_ALIGN,
                font_size=PAPER_SIZE,
                groups=groups,
            ),
        ]
    body.append(paragraph(f"Tổng cộng: {len(households)} hộ, {people} người.", indent=False))
    where = _village_title(village) if village else area.name
    return _document(
        profile,
        day,
        "DANH SÁCH HỘ GIA ĐÌNH",
        f"{where} - đi đến từng hộ ngày {format_date(day)}",
        body,
        ["Trưởng thôn, tổ Covid cộng đồng (thực hiện);", "Trạm Y tế xã;", "Lưu: VT."],
    )


# -- 2. test round ---------------------------------------------------------------------------

TEST_HEADER = ["STT", "Họ và tên", "Năm sinh", "Chủ hộ, địa chỉ", "Kết quả", "Ghi chú"]
TEST_FRACTIONS = [1.4, 4.2, 1.5, 5.0, 2.2, 3.3]
TEST_ALIGN = ["CENTER", "LEFT", "CENTER", "LEFT", "CENTER", "LEFT"]


@dataclass
class TestRoundPaper:
    """The people of a round: to test, their results, who was missed."""

    __test__ = False

    round_id: int
    area_id: int
    area_name: str
    held_on: date
    kind: str
    households: list[PaperHousehold]
    to_test: list[tuple[PaperHousehold, PaperMember]]
    tested_elsewhere: list[tuple[PaperHousehold, PaperMember]]
    results: dict[int, str]

    @property
    def missed(self) -> list[tuple[PaperHousehold, PaperMember]]:
        return [(h, m) for h, m in self.to_test if m.id not in self.results]


def test_round_paper(db: Database, round_id: int) -> TestRoundPaper:
    with db.session() as s:
        r = s.get(TestRound, round_id)
        if r is None:
            raise NotFound(f"Không có đợt xét nghiệm số {round_id}.")
        area_id, held_on, kind = r.area_id, r.held_on, r.kind
        results = dict(
            s.execute(
                select(TestResult.member_id, TestResult.result).where(
                    TestResult.round_id == round_id
                )
            ).all()
        )
    area = _area(db, area_id)
    households = area_people(db, area_id)
    to_test, elsewhere = [], []
    for h in households:
        for m in h.members:
            away = m.isolation == "central" and (
                m.isolation_end is None or m.isolation_end >= held_on
            )
            if (away or m.status == "F0") and m.id not in results:
                elsewhere.append((h, m))  # tested where they are isolated or treated
            else:
                to_test.append((h, m))
    return TestRoundPaper(
        round_id, area_id, area.name, held_on, kind, households, to_test, elsewhere, results
    )


def test_round_document(
    db: Database, round_id: int, *, day: date | None = None
) -> OfficialDocument:
    profile = required_profile(db)
    paper = test_round_paper(db, round_id)
    if not paper.to_test and not paper.tested_elsewhere:
        raise UserMistake("Khu vực của đợt xét nghiệm này chưa có người nào.")
    sees = gate.sees_personal_data(db)

    def groups_of(pairs) -> list[int]:
        """The index of each household's first row: a household stays on one page."""
        return [i for i, (h, _m) in enumerate(pairs) if i == 0 or pairs[i - 1][0] is not h]

    def rows_of(pairs):
        rows = []
        for n, (h, m) in enumerate(pairs, start=1):
            result = TEST_RESULTS.get(paper.results.get(m.id, ""), "")
            rows.append([str(n), m.full_name, _born(m), _head_cell(h) if not m.is_head else "\n".join(p for p in (RELATION_HEAD, h.address) if p),
                         result if sees else gate.mask_health(db, result), ""])  # fmt: skip
        return rows

    kind = TEST_KINDS.get(paper.kind, paper.kind)
    body: list[Flowable] = [
        paragraph(
            f"Đợt xét nghiệm ({kind}) ngày {format_date(paper.held_on)} tại "
            f"{_area_phrase(paper.area_name)}. Người thực hiện ghi kết quả vào cột Kết quả (Âm tính/Dương "
            "tính); người vắng mặt ghi lý do vào cột Ghi chú.",
            indent=False,
        ),
        caption(f"I. NGƯỜI CẦN XÉT NGHIỆM ({len(paper.to_test)} người)"),
        table(
            TEST_HEADER,
            rows_of(paper.to_test),
            col_fractions=TEST_FRACTIONS,
            align=TEST_ALIGN,
            font_size=PAPER_SIZE,
            groups=groups_of(paper.to_test),
        ),
    ]
    positive = sum(1 for v in paper.results.values() if v == "positive")
    missed = paper.missed
    body.append(
        paragraph(
            f"Đã có kết quả: {len(paper.results)} người, trong đó dương tính: {positive}; "
            f"chưa xét nghiệm: {len(missed)} người.",
            indent=False,
        )
    )
    if paper.results and missed:
        body += [
            caption(f"II. NGƯỜI CHƯA ĐƯỢC XÉT NGHIỆM ({len(missed)} người)"),
            table(
                TEST_HEADER,
                rows_of(missed),
                col_fractions=TEST_FRACTIONS,
                align=TEST_ALIGN,
                font_size=PAPER_SIZE,
                groups=groups_of(missed),
            ),
        ]
    if paper.tested_elsewhere:
        body += [
            caption(
                f"{'III' if paper.results and missed else 'II'}. ĐANG CÁCH LY TẬP TRUNG HOẶC "
                f"ĐIỀU TRỊ, XÉT NGHIỆM TẠI NƠI CÁCH LY ({len(paper.tested_elsewhere)} người)"
            ),
            table(
                TEST_HEADER,
                rows_of(paper.tested_elsewhere),
                col_fractions=TEST_FRACTIONS,
                align=TEST_ALIGN,
                font_size=PAPER_SIZE,
                groups=groups_of(paper.tested_elsewhere),
            ),
        ]
    return _document(
        profile,
        day or paper.held_on,
        "DANH SÁCH XÉT NGHIỆM",
        f"{kind} ngày {format_date(paper.held_on)} - {paper.area_name}",
        body,
        ["Trạm Y tế xã (thực hiện);", "Ban Chỉ đạo xã (b/c);", "Lưu: VT."],
        orientation="portrait",
    )


# -- 3. relief -------------------------------------------------------------------------------

RELIEF_HEADER = [
    "STT",
    "Chủ hộ, địa chỉ",
    "Số khẩu",
    "Hàng hỗ trợ (mặt hàng, số lượng)",
    "Người nhận ký, ghi rõ họ tên",
]
RELIEF_FRACTIONS = [0.9, 5.0, 1.3, 5.6, 4.2]
RELIEF_ALIGN = ["CENTER", "LEFT", "CENTER", "LEFT", "LEFT"]


def _item_text(items: list[dict[str, Any]]) -> str:
    parts = []
    for i in items or []:
        name = nfc(str(i.get("item", "")).strip())
        qty = i.get("quantity")
        unit = str(i.get("unit", "") or "").strip()
        if isinstance(qty, float) and qty.is_integer():
            qty = int(qty)
        q = "" if qty in (None, "") else str(qty).replace(".", ",")
        parts.append(" ".join(p for p in (name, q, unit) if p))
    return "; ".join(p for p in parts if p)


def relief_document(
    db: Database, area_id: int, day: date, *, village: str | None = None
) -> OfficialDocument:
    """The relief distribution sheet of ``day``: every household of the area, with what was
    recorded as delivered that day (a blank line to fill in for the others), and the totals."""
    profile = required_profile(db)
    area = _area(db, area_id)
    households = area_people(db, area_id, village=village)
    if not households:
        raise UserMistake("Khu vực (thôn) này chưa có hộ nào để in.")
    ids = [h.id for h in households]
    delivered: dict[int, list[tuple[list, str]]] = {}
    with db.session() as s:
        for i in range(0, len(ids), 900):
            for hid, items, received in s.execute(
                select(
                    ReliefDelivery.household_id, ReliefDelivery.items, ReliefDelivery.received_by
                )
                .where(
                    ReliefDelivery.household_id.in_(ids[i : i + 900]),
                    ReliefDelivery.delivered_on == day,
                )
                .order_by(ReliefDelivery.id)
            ):
                delivered.setdefault(hid, []).append((items or [], received or ""))
    totals: dict[tuple[str, str], float] = {}
    body: list[Flowable] = [
        paragraph(
            f"Cấp phát hàng hỗ trợ ngày {format_date(day)} cho các hộ trong "
            f"{_area_phrase(area.name)}. Người nhận ký và ghi rõ họ tên; hộ chưa nhận để trống.",
            indent=False,
        )
    ]
    count = 0
    for vil, group in _by_village(households):
        rows = []
        for h in group:
            count += 1
            got = delivered.get(h.id, [])
            items = [i for its, _r in got for i in its]
            for i in items:
                key = (
                    nfc(str(i.get("item", "")).strip()),
                    nfc(str(i.get("unit", "") or "").strip()),
                )
                try:
                    totals[key] = totals.get(key, 0) + float(i.get("quantity") or 0)
                except (TypeError, ValueError):
                    pass
            received = ", ".join(r for _its, r in got if r)
            rows.append(
                [str(count), _head_cell(h), str(len(h.members)), _item_text(items), received]
            )
        body += [caption(f"{_village_title(vil).upper()} ({len(group)} hộ)"),
                 table(RELIEF_HEADER, rows, col_fractions=RELIEF_FRACTIONS, align=RELIEF_ALIGN, font_size=PAPER_SIZE)]  # fmt: skip
    given = sum(1 for h in households if h.id in delivered)
    if totals:
        lines = "; ".join(
            f"{name} {money(int(q)) if float(q).is_integer() else str(q).replace('.', ',')}"
            + (f" {unit}" if unit else "")
            for (name, unit), q in sorted(totals.items(), key=lambda kv: fold(kv[0][0]))
        )
        body.append(paragraph(f"Tổng số hàng đã cấp: {lines}.", indent=False))
    body.append(paragraph(f"Số hộ đã nhận: {given}/{len(households)} hộ.", indent=False))
    return _document(
        profile,
        day,
        "DANH SÁCH CẤP PHÁT HÀNG HỖ TRỢ",
        f"Ngày {format_date(day)} - {area.name}",
        body,
        ["Ủy ban MTTQ xã (giám sát);", "Ban Chỉ đạo xã (b/c);", "Lưu: VT."],
    )


# -- 4. Resolution 68 support list -----------------------------------------------------------

SUPPORT_HEADER = [
    "STT",
    "Họ và tên",
    "Năm sinh",
    "Đối tượng",
    "Từ ngày",
    "Đến ngày",
    "Số ngày",
    "Tiền ăn (đồng)",
    "Trẻ em dưới 16 tuổi (đồng)",
    "Cộng (đồng)",
    "Ký nhận",
]
SUPPORT_FRACTIONS = [1.1, 3.8, 1.3, 1.3, 2.0, 2.0, 1.1, 2.0, 2.0, 2.1, 2.0]
SUPPORT_ALIGN = ["CENTER", "LEFT", "CENTER", "CENTER", "CENTER", "CENTER", "CENTER", "RIGHT",
                 "RIGHT", "RIGHT", "LEFT"]  # fmt: skip
KIND_NAMES = {"F0": "F0", "F1": "F1"}


def support_rows(support) -> tuple[list[list[str]], list[int], dict[int, tuple[int, int]]]:
    """Rows of the support table: per household a line with the head and address (across the
    columns), its people, and the household's total in figures and in words; the index of each
    household's first row; and the cells that span columns."""
    rows: list[list[str]] = []
    groups: list[int] = []
    spans: dict[int, tuple[int, int]] = {}
    n = 0
    width = len(SUPPORT_HEADER)
    # Dates and amounts repeat all down a long list: each is written out once.
    dates: dict[date, str] = {}
    sums: dict[int, str] = {}

    def day_text(d: date) -> str:
        text = dates.get(d)
        if text is None:
            text = dates[d] = format_date(d)
        return text

    def money_text(amount: int) -> str:
        text = sums.get(amount)
        if text is None:
            text = sums[amount] = money(amount)
        return text

    for h in support.households:
        groups.append(len(rows))
        title = f"Hộ {h.head}" + (f" - {h.address}" if h.address else "")
        title += f", {_village_phrase(h.village)}" if h.village else ""
        spans[len(rows)] = (1, width - 1)
        rows.append(["", title] + [""] * (width - 2))
        for r in h.rows:
            n += 1
            name = r.person + (f"\n({r.note})" if r.note else "")
            rows.append([str(n), name, str(r.birth_year or ""), KIND_NAMES[r.kind],
                         day_text(r.first_day), day_text(r.last_day), str(r.days),
                         money_text(r.food), money_text(r.child) if r.child else "",
                         money_text(r.food + r.child), ""])  # fmt: skip
        words = money_words(h.total)
        child = sum(r.child for r in h.rows)
        spans[len(rows)] = (1, 5)
        rows.append(["", f"Cộng hộ (bằng chữ: {words[:1].upper()}{words[1:]})", "", "", "", "",
                     str(sum(r.days for r in h.rows)), money(sum(r.food for r in h.rows)),
                     money(child) if child else "", money(h.total), ""])  # fmt: skip
    return rows, groups, spans


@bulk
def support68_document(
    db: Database,
    area_id: int,
    start: date,
    end: date,
    *,
    village: str | None = None,
    day: date | None = None,
    support=None,
    progress: Progress | None = None,
) -> OfficialDocument:
    """The Resolution 68 support list of an area for ``start``..``end``."""
    from fieldapp.households.support68 import support_list

    profile = required_profile(db)
    area = _area(db, area_id)
    support = support or support_list(db, area_id, start, end, village=village, progress=progress)
    rules = support.rules
    rows, groups, spans = support_rows(support)
    body: list[Flowable] = [
        paragraph(
            "Căn cứ Nghị quyết số 68/NQ-CP ngày 01 tháng 7 năm 2021 của Chính phủ về một số "
            "chính sách hỗ trợ người lao động và người sử dụng lao động gặp khó khăn do đại "
            "dịch COVID-19 và Quyết định số 23/2021/QĐ-TTg ngày 07 tháng 7 năm 2021 của Thủ "
            "tướng Chính phủ; Ủy ban nhân dân " + profile.commune_full + " lập danh sách người "
            f"được hỗ trợ trong {_area_phrase(area.name)}, thời gian từ ngày "
            f"{format_date(start)} đến ngày {format_date(end)}.",
        ),
        paragraph(
            f"Mức hỗ trợ: tiền ăn {money(rules.daily_rate)} đồng/người/ngày đối với người điều "
            f"trị COVID-19 (F0), tối đa {rules.f0_max_days} ngày, và người cách ly y tế theo "
            f"quyết định (F1), tối đa {rules.f1_max_days} ngày; hỗ trợ một lần "
            f"{money(rules.child_amount)} đồng cho mỗi trẻ em dưới {rules.child_age} tuổi là F0 "
            "hoặc F1. Số ngày tính theo lịch sử tình trạng sức khỏe trong kỳ.",
        ),
    ]
    if rows:
        body.append(
            table(
                SUPPORT_HEADER,
                rows,
                col_fractions=SUPPORT_FRACTIONS,
                align=SUPPORT_ALIGN,
                font_size=PAPER_SIZE,
                groups=groups,
                spans=spans,
            )
        )
    else:
        body.append(paragraph("Không có người nào thuộc diện hỗ trợ trong kỳ này.", indent=False))
    people = len({r.member_id for r in support.rows})
    body += [
        paragraph(
            f"Tổng cộng: {len(support.households)} hộ, {people} người; tiền ăn "
            f"{money(support.food)} đồng, hỗ trợ trẻ em {money(support.child)} đồng; "
            f"tổng số tiền {money(support.total)} đồng.",
            indent=False,
        ),
        paragraph(in_words_line(support.total), indent=False),
    ]
    return _document(
        profile,
        day or date.today(),
        "DANH SÁCH",
        "Người được hỗ trợ theo Nghị quyết số 68/NQ-CP\n"
        f"{_area_phrase(area.name, capital=True)}, từ ngày {format_date(start)} đến ngày "
        f"{format_date(end)}",
        body,
        ["Phòng Lao động - Thương binh và Xã hội huyện (thẩm định);", "Kế toán xã;", "Lưu: VT."],
        number=number_line(None, "DS-UBND"),
    )


# -- 5. isolation decision and completion certificate ----------------------------------------


@dataclass
class Isolation:
    """One person's isolation, as the decision and the certificate state it."""

    member_id: int
    full_name: str
    birth: str
    sex: str
    citizen_id: str
    address: str
    status: str
    isolation: str
    start: date
    end: date | None
    place: str = ""

    @property
    def days(self) -> int | None:
        return None if self.end is None else (self.end - self.start).days


def _isolations(
    db: Database, member_ids: Sequence[int] | None, area_id: int | None
) -> list[Isolation]:
    """The latest isolation (central or at home, of an F0 or F1) of each person."""
    with db.session() as s:
        query = (
            select(HealthStatus, HouseholdMember, Household)
            .join(HouseholdMember, HouseholdMember.id == HealthStatus.member_id)
            .join(Household, Household.id == HouseholdMember.household_id)
            .where(
                HealthStatus.cancelled_at.is_(None),
                HealthStatus.isolation.in_(("central", "home")),
                HealthStatus.status.in_(("F0", "F1")),
            )  # fmt: skip
            .order_by(
                Household.village_sort,
                Household.head_sort,
                Household.id,
                HouseholdMember.is_head.desc(),
                HouseholdMember.position,
                HouseholdMember.id,
                HealthStatus.start,
                HealthStatus.recorded_at,
            )  # fmt: skip
        )
        if member_ids is not None:
            query = query.where(HealthStatus.member_id.in_(list(member_ids)))
        if area_id is not None:
            query = query.where(Household.area_id == area_id)
        latest: dict[int, Isolation] = {}
        for e, m, h in s.execute(query):
            born = (
                format_date(m.birth_date)
                if m.birth_date
                else (str(m.birth_year) if m.birth_year else "")
            )
            latest[m.id] = Isolation(
                member_id=m.id,
                full_name=m.full_name,
                birth=born,
                sex={"M": "Nam", "F": "Nữ"}.get(m.sex or "", ""),
                citizen_id=gate.mask_citizen_id(db, m.citizen_id),
                address=address_text(h.house_number, h.street, h.village),
                status=e.status,
                isolation=e.isolation,
                start=e.start,
                end=e.end,
                place=getattr(e, "place", "") or "",
            )
        return list(latest.values())


def _who(i: Isolation, profile: Profile) -> list[Flowable]:
    lines = [f"Ông/Bà: {i.full_name}" + (f"; giới tính: {i.sex}" if i.sex else "")]
    if i.birth:
        lines.append(f"Ngày/năm sinh: {i.birth}")
    if i.citizen_id:
        lines.append(f"Số CCCD/CMND: {i.citizen_id}")
    lines.append(f"Nơi cư trú: {i.address or profile.commune_full}, {profile.commune_full}")
    return [paragraph("- " + line) for line in lines]


def _period(i: Isolation) -> str:
    if i.end is None:
        return f"từ ngày {format_date(i.start)} cho đến khi có quyết định kết thúc cách ly"
    return f"từ ngày {format_date(i.start)} đến ngày {format_date(i.end)} ({i.days} ngày)"


def _where(i: Isolation, profile: Profile) -> str:
    if i.isolation == "home":
        return "tại nhà, nơi cư trú nêu trên"
    return (
        f"tập trung tại {i.place}"
        if i.place
        else "tập trung tại cơ sở cách ly do Ban Chỉ đạo bố trí"
    )


def _article(n: int, text: str) -> Flowable:
    """ "**Điều 1.** ..." : the article number in bold (Decree 30), the text as typed."""
    from xml.sax.saxutils import escape

    return paragraph(f"<b>Điều {n}.</b> {escape(nfc(text))}", markup=True)


def _chairman_signature(profile: Profile) -> Signature:
    """The signing block of a decision of the Chairman (Chủ tịch UBND): the chairman signs in
    their own right, so "TM. ỦY BAN NHÂN DÂN" goes; a deputy keeps "KT. CHỦ TỊCH"."""
    sig = signature_for(profile)
    lines = [line for line in sig.lines() if not fold(line).startswith(("tm.", "t/m"))]
    if not lines:
        lines = ["CHỦ TỊCH"]
    return Signature("\n".join(lines[:-1]), lines[-1], sig.name)


def _person_ids(
    db: Database, person: int | None, area_id: int | None
) -> tuple[list[int] | None, int | None]:
    if (person is None) == (area_id is None):
        raise UserMistake("Hãy chọn một người hoặc một khu vực.")
    return ([person] if person is not None else None), area_id


def isolation_decisions(
    db: Database,
    *,
    person: int | None = None,
    area_id: int | None = None,
    current_on: date | None = None,
) -> list[OfficialDocument]:
    """The isolation decision of one person, or of everyone of an area in isolation on
    ``current_on`` (default today)."""
    profile = required_profile(db)
    ids, area = _person_ids(db, person, area_id)
    found = _isolations(db, ids, area)
    if person is None:
        on = current_on or date.today()
        found = [i for i in found if i.start <= on and (i.end is None or i.end > on)]
    if not found:
        raise NotFound("Không có người nào đang cách ly (tập trung hoặc tại nhà) để ra quyết định."
                       if person is None else "Người này chưa có đợt cách ly y tế nào được ghi.")  # fmt: skip
    chairman = "CHỦ TỊCH ỦY BAN NHÂN DÂN " + profile.commune_full.upper()
    out = []
    for i in found:
        kind = "điều trị, cách ly" if i.status == "F0" else "cách ly y tế"
        body: list[Flowable] = [
            caption(chairman, room_mm=0),
            paragraph("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;"),
            paragraph("Căn cứ Luật Phòng, chống bệnh truyền nhiễm ngày 21 tháng 11 năm 2007;"),
            paragraph("Căn cứ Nghị định số 101/2010/NĐ-CP ngày 30 tháng 9 năm 2010 của Chính phủ "
                      "quy định chi tiết thi hành một số điều của Luật Phòng, chống bệnh truyền "
                      "nhiễm về áp dụng biện pháp cách ly y tế, cưỡng chế cách ly y tế và chống "
                      "dịch đặc thù trong thời gian có dịch;"),
            paragraph(f"Xét đề nghị của Trạm Y tế {profile.commune_full}.", ),
            caption("QUYẾT ĐỊNH:", room_mm=0),
            _article(1, f"Áp dụng biện pháp {kind} {_where(i, profile)} đối với:"),
            *_who(i, profile),
            paragraph(f"Đối tượng: {i.status}. Thời gian cách ly {_period(i)}."),
            _article(2, "Người được cách ly có trách nhiệm chấp hành nghiêm các quy định về "
                      "cách ly y tế, tự theo dõi sức khỏe và báo ngay cho Trạm Y tế xã khi có dấu "
                      "hiệu bất thường. Người cách ly thuộc diện được hỗ trợ theo Nghị quyết số "
                      "68/NQ-CP ngày 01 tháng 7 năm 2021 của Chính phủ."),
            _article(3, "Quyết định này có hiệu lực kể từ ngày ký. Trạm Y tế xã, Công an xã, "
                      "trưởng thôn nơi cư trú và ông/bà có tên tại Điều 1 chịu trách nhiệm thi "
                      "hành Quyết định này./."),
        ]  # fmt: skip
        out.append(
            _document(
                profile,
                i.start,
                "QUYẾT ĐỊNH",
                f"Về việc áp dụng biện pháp cách ly y tế đối với ông/bà {i.full_name}",
                body,
                ["Như Điều 3;", "Ban Chỉ đạo xã (b/c);", "Lưu: VT."],
                number=number_line(None, "QĐ-UBND"),
                orientation="portrait",
            )
        )
        out[-1].signature = _chairman_signature(profile)
    return out


def completion_certificates(
    db: Database,
    *,
    person: int | None = None,
    area_id: int | None = None,
    today: date | None = None,
) -> list[OfficialDocument]:
    """The certificate of completed isolation of one person, or of everyone of an area whose
    latest isolation has ended by ``today``."""
    profile = required_profile(db)
    today = today or date.today()
    ids, area = _person_ids(db, person, area_id)
    found = _isolations(db, ids, area)
    done = [i for i in found if i.end is not None and i.end <= today]
    if person is not None and found and not done:
        i = found[-1]
        until = f" (đến ngày {format_date(i.end)})" if i.end else ""
        # No name in the message: a message can end up in a log, and with a name it would
        # tell whose isolation (health data) it is.
        raise UserMistake(f"Người này chưa hoàn thành cách ly{until}.")
    if not done:
        raise NotFound("Không có người nào đã hoàn thành cách ly để cấp giấy xác nhận."
                       if person is None else "Người này chưa có đợt cách ly y tế nào được ghi.")  # fmt: skip
    out = []
    for i in done:
        where = (
            "tại nhà"
            if i.isolation == "home"
            else "tập trung" + (f" tại {i.place}" if i.place else "")
        )
        body: list[Flowable] = [
            paragraph(f"Ủy ban nhân dân {profile.commune_full} xác nhận:"),
            *_who(i, profile),
            paragraph(f"Đối tượng: {i.status}. Đã hoàn thành việc cách ly y tế {where} {_period(i)}."),
            paragraph("Giấy xác nhận này cấp cho ông/bà có tên trên để làm thủ tục hưởng chính "
                      "sách hỗ trợ theo Nghị quyết số 68/NQ-CP ngày 01 tháng 7 năm 2021 của Chính "
                      "phủ và các công việc khác theo quy định./."),
        ]  # fmt: skip
        out.append(
            _document(
                profile,
                min(today, i.end) if i.end else today,
                "GIẤY XÁC NHẬN",
                "Hoàn thành cách ly y tế",
                body,
                ["Người được xác nhận;", "Lưu: VT."],
                number=number_line(None, "GXN-UBND"),
                orientation="portrait",
            )
        )
    return out


# -- one entry point for the CLI and the window ------------------------------------------------


@dataclass
class PaperRequest:
    """Which paper, for what: ``kind`` is a key of :data:`PAPERS`. ``day`` is the relief date
    and the date on the papers (default today); ``start``..``end`` the support period;
    ``round_id`` the test round; ``person`` one person for a decision or certificate (else
    everyone of ``area_id``)."""

    kind: str
    area_id: int | None = None
    village: str | None = None
    day: date | None = None
    start: date | None = None
    end: date | None = None
    round_id: int | None = None
    person: int | None = None


def _need_area(req: PaperRequest) -> int:
    if req.area_id is None:
        raise UserMistake("Hãy chọn khu vực phong tỏa.")
    return req.area_id


def build_papers(
    db: Database, req: PaperRequest, progress: Progress | None = None
) -> list[OfficialDocument]:
    """The documents of ``req`` (one, or one per person for decisions and certificates)."""
    if req.kind not in PAPERS:
        raise UserMistake(f"Không có loại giấy {req.kind} (có: {', '.join(PAPERS)}).")
    village = (req.village or "").strip() or None
    if req.kind == "door-to-door":
        area_id = _need_area(req)
        return [door_to_door_document(db, area_id, village=village, day=req.day, progress=progress)]
    if req.kind == "test-round":
        if req.round_id is None:
            raise UserMistake("Hãy chọn đợt xét nghiệm.")
        return [test_round_document(db, req.round_id, day=req.day)]
    if req.kind == "relief":
        area_id = _need_area(req)
        if req.day is None:
            raise UserMistake("Hãy chọn ngày cấp phát.")
        return [relief_document(db, area_id, req.day, village=village)]
    if req.kind == "support68":
        area_id = _need_area(req)
        if req.start is None or req.end is None:
            raise UserMistake("Hãy chọn kỳ hỗ trợ: từ ngày, đến ngày.")
        return [
            support68_document(
                db, area_id, req.start, req.end, village=village, day=req.day, progress=progress
            )
        ]
    if req.person is None:
        _need_area(req)
    if req.kind == "recovery-certificate":
        from fieldapp.health.paper import recovery_certificates

        return recovery_certificates(
            db, person=req.person, area_id=None if req.person else req.area_id
        )
    if req.kind == "isolation-decision":
        return isolation_decisions(
            db, person=req.person, area_id=None if req.person else req.area_id, current_on=req.day
        )
    return completion_certificates(
        db, person=req.person, area_id=None if req.person else req.area_id, today=req.day
    )


@bulk
def write_papers(
    db: Database,
    req: PaperRequest,
    target: str | os.PathLike[str] | BinaryIO,
    progress: Progress | None = None,
) -> int:
    """Build and render the papers of ``req``; return the number of pages."""
    docs = build_papers(db, req, progress)
    report(progress, 0, None, "Dàn trang")
    return save_pdf(docs, target, progress)


@bulk
def save_pdf(
    docs: Sequence[OfficialDocument],
    target: str | os.PathLike[str] | BinaryIO,
    progress: Progress | None = None,
) -> int:
    """Render ``docs`` into one PDF, to a binary stream or to a path that is written whole or
    not at all (a failed or cancelled print leaves no half file); return the pages."""
    from fieldapp.printing.official import render_many, render_pdf

    if isinstance(target, str | os.PathLike) and Path(target).suffix.lower() != ".pdf":
        raise UserMistake("Tệp in phải có đuôi .pdf.")
    if len(docs) == 1:
        return render_pdf(docs[0], target, progress)
    return render_many(docs, target, progress)
