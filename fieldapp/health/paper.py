"""Paper of the follow-up register, through the shared Decree-30 document layer.

- :func:`followup_document`: the team's round sheet for a day (and a village): danger signs of
  the last 24 hours first, then everyone still to check with blank columns for temperature,
  SpO2, pulse, breathing, symptoms and the checker's signature, then whose isolation or
  treatment ends tomorrow;
- :func:`recovery_certificates`: the certificate of recovery (Giấy xác nhận khỏi bệnh) of a
  person recorded recovered, or of everyone recovered in an area.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

from reportlab.platypus import Flowable
from sqlalchemy import select

from fieldapp import gate
from fieldapp.db.database import Database
from fieldapp.errors import NotFound
from fieldapp.health.followup import FollowedPerson, followup_lists
from fieldapp.health.signs import ACTIONS, DANGER_SIGNS
from fieldapp.households.models import HealthStatus, Household, HouseholdMember
from fieldapp.printing.blocks import caption, paragraph, table
from fieldapp.printing.commune import issuer_for, place_date_for, signature_for
from fieldapp.printing.official import OfficialDocument, number_line
from fieldapp.profile import Profile, load_profile
from fieldapp.text.vietnamese import format_date


def _profile(db: Database) -> Profile:
    from fieldapp.errors import UserMistake

    profile = load_profile(db)
    if profile is None:
        raise UserMistake("Chưa có hồ sơ xã: hãy điền hồ sơ xã trước khi in.")
    return profile


def _document(
    profile: Profile,
    day: date,
    title: str,
    subject: str,
    body,
    recipients,
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


def _who(p: FollowedPerson) -> str:
    born = f" ({p.birth_year})" if p.birth_year else ""
    return f"{p.full_name}{born}\n{p.address}" if p.address else f"{p.full_name}{born}"


def _status(p: FollowedPerson) -> str:
    text = {"F0": "F0 tại nhà", "F1": "F1 tại nhà"}.get(p.status, p.status)
    if p.isolation_end:
        text += f"\nđến {format_date(p.isolation_end)}"
    return text


def _last(p: FollowedPerson) -> str:
    c = p.last_check
    if c is None:
        return "chưa có"
    parts = [c.checked_at.astimezone().strftime("%H:%M %d/%m")]
    if c.temperature is not None:
        parts.append(f"{c.temperature:.1f}°C".replace(".", ","))
    if c.spo2 is not None:
        parts.append(f"SpO2 {c.spo2}%")
    return "\n".join(parts)


def followup_document(
    db: Database,
    day: date | None = None,
    *,
    village: str | None = None,
    devices: Collection[str] | None = None,
    commune: str = "",
) -> OfficialDocument:
    """The round sheet of ``day`` (default today), for one village or all; at a district
    for one ``commune`` (its ``devices``, :func:`fieldapp.sync.district.devices_of_commune`)."""
    profile = _profile(db)
    lists = followup_lists(db, day, village=village, devices=devices)
    where = f" - thôn {village}" if village else ""
    where += f" - {commune}" if commune else ""
    body: list[Flowable] = [
        paragraph(
            f"Ngày {format_date(lists.day)}{where}: {lists.followed} người đang theo dõi, "
            f"mỗi người kiểm tra {lists.required} lần/ngày (Quyết định số 4038/QĐ-BYT). "
            f"Còn {len(lists.due)} người phải kiểm tra, {len(lists.missed)} người chưa được "
            f"kiểm tra lần nào.",
            indent=False,
        )
    ]
    if lists.danger:
        body.append(caption(f"I. Dấu hiệu nặng trong 24 giờ ({len(lists.danger)})"))
        body.append(
            table(
                ["TT", "Họ tên, địa chỉ", "Giờ kiểm tra", "Dấu hiệu", "Đã xử lý"],
                [
                    [
                        str(i),
                        _who(p),
                        c.checked_at.astimezone().strftime("%H:%M %d/%m"),
                        ", ".join(DANGER_SIGNS.get(s, s) for s in c.danger_signs),
                        (
                            ACTIONS.get(c.action, "")
                            + (f"\n{c.action_at.astimezone():%H:%M}" if c.action_at else "")
                        )
                        if c.action
                        else "CHƯA XỬ LÝ",
                    ]
                    for i, (p, c) in enumerate(lists.danger, 1)
                ],
                col_fractions=[1, 8, 3, 6, 4],
                align=["CENTER", "LEFT", "CENTER", "LEFT", "LEFT"],
            )
        )
    numeral = "II" if lists.danger else "I"
    body.append(caption(f"{numeral}. Cần kiểm tra ({len(lists.due)})"))
    rows = [
        [str(i), _who(p), p.village, _status(p), _last(p), "", "", "", "", "", ""]
        for i, p in enumerate(lists.due, 1)
    ]
    body.append(
        table(
            [
                "TT",
                "Họ tên (năm sinh), địa chỉ",
                "Thôn",
                "Tình trạng",
                "Lần kiểm tra trước",
                "Nhiệt độ",
                "SpO2",
                "Mạch",
                "Nhịp thở",
                "Triệu chứng",
                "Ký",
            ],
            rows or [["", "Không còn ai phải kiểm tra.", "", "", "", "", "", "", "", "", ""]],
            col_fractions=[1.2, 7, 3, 3.6, 3.4, 2.2, 1.8, 1.8, 2, 4.5, 2.2],
            align=["CENTER", "LEFT", "LEFT", "LEFT", "LEFT"] + ["CENTER"] * 6,
        )
    )
    if lists.ending_tomorrow:
        numeral = "III" if lists.danger else "II"
        body.append(
            caption(f"{numeral}. Hết cách ly hoặc điều trị ngày mai ({len(lists.ending_tomorrow)})")
        )
        body.append(
            table(
                ["TT", "Họ tên (năm sinh), địa chỉ", "Thôn", "Tình trạng"],
                [
                    [str(i), _who(p), p.village, _status(p)]
                    for i, p in enumerate(lists.ending_tomorrow, 1)
                ],
                col_fractions=[1, 9, 4, 5],
                align=["CENTER", "LEFT", "LEFT", "LEFT"],
            )
        )
    return _document(
        profile,
        lists.day,
        "DANH SÁCH THEO DÕI SỨC KHỎE",
        f"F0 điều trị tại nhà và F1 cách ly tại nhà ngày {format_date(lists.day)}{where}",
        body,
        ["Trạm Y tế xã;", "Tổ Covid cộng đồng;", "Lưu: VT."],
    )


@dataclass(frozen=True)
class Recovery:
    member_id: int
    full_name: str
    birth: str
    sex: str
    citizen_id: str
    address: str
    f0_from: date | None
    place: str
    recovered_on: date


def _recoveries(db: Database, person: int | None, area_id: int | None) -> list[Recovery]:
    from fieldapp.households.service import address_text

    with db.session() as s:
        query = (
            select(HealthStatus, HouseholdMember, Household)
            .join(HouseholdMember, HouseholdMember.id == HealthStatus.member_id)
            .join(Household, Household.id == HouseholdMember.household_id)
            .where(HealthStatus.cancelled_at.is_(None), HealthStatus.status == "recovered")
            .where(HouseholdMember.status == "recovered")
            .order_by(Household.village_sort, Household.head_sort, HouseholdMember.position)
        )
        if person is not None:
            query = query.where(HouseholdMember.id == person)
        if area_id is not None:
            query = query.where(Household.area_id == area_id)
        out: dict[int, Recovery] = {}
        for entry, m, h in s.execute(query):
            f0 = s.scalars(
                select(HealthStatus)
                .where(HealthStatus.member_id == m.id, HealthStatus.cancelled_at.is_(None))
                .where(HealthStatus.status == "F0", HealthStatus.start <= entry.start)
                .order_by(HealthStatus.start.desc())
            ).first()
            if f0 is None:
                continue  # a certificate of recovery is for someone who was F0
            out[m.id] = Recovery(
                member_id=m.id,
                full_name=m.full_name,
                birth=format_date(m.birth_date) if m.birth_date else str(m.birth_year or ""),
                sex={"M": "Nam", "F": "Nữ"}.get(m.sex or "", ""),
                citizen_id=gate.mask_citizen_id(db, m.citizen_id),
                address=address_text(h.house_number, h.street, h.village),
                f0_from=f0.start,
                place=f0.place or "",
                recovered_on=entry.start,
            )
        return list(out.values())


def _treated(place: str) -> str:
    """ ", điều trị tại nhà", ", điều trị tại Bệnh viện dã chiến số 2" (as typed in Settings)."""
    from fieldapp.text.vietnamese import fold

    place = " ".join(place.split())
    if not place:
        return ""
    lowered = place[0].lower() + place[1:]
    if fold(place).startswith("dieu tri"):
        return ", " + lowered
    if fold(place).startswith("tai "):
        return ", điều trị " + lowered
    return f", điều trị tại {place}"


def recovery_certificates(
    db: Database, *, person: int | None = None, area_id: int | None = None
) -> list[OfficialDocument]:
    """The certificate of recovery of one person, or of everyone recovered in an area."""
    from fieldapp.errors import UserMistake

    if (person is None) == (area_id is None):
        raise UserMistake("Hãy chọn một người hoặc một khu vực.")
    gate.reveal(db, "tình trạng sức khỏe")
    profile = _profile(db)
    found = _recoveries(db, person, area_id)
    if not found:
        raise NotFound(
            "Người này chưa được ghi là F0 đã khỏi bệnh."
            if person is not None
            else "Khu vực chưa có F0 nào được ghi khỏi bệnh."
        )
    out = []
    for r in found:
        lines = [f"Ông/Bà: {r.full_name}" + (f"; giới tính: {r.sex}" if r.sex else "")]
        if r.birth:
            lines.append(f"Ngày/năm sinh: {r.birth}")
        if r.citizen_id:
            lines.append(f"Số CCCD/CMND: {r.citizen_id}")
        lines.append(f"Nơi cư trú: {r.address + ', ' if r.address else ''}{profile.commune_full}")
        treated = _treated(r.place)
        since = f" từ ngày {format_date(r.f0_from)}" if r.f0_from else ""
        body: list[Flowable] = [
            paragraph(f"Ủy ban nhân dân {profile.commune_full} xác nhận:"),
            *[paragraph("- " + line) for line in lines],
            paragraph(
                f"Là người mắc COVID-19 (F0){since}{treated}; đã khỏi bệnh ngày "
                f"{format_date(r.recovered_on)} theo kết luận của cơ sở y tế."
            ),
            paragraph(
                "Giấy xác nhận này cấp cho ông/bà có tên trên để làm thủ tục hưởng chính sách "
                "hỗ trợ và các công việc khác theo quy định./."
            ),
        ]
        out.append(
            _document(
                profile,
                r.recovered_on,
                "GIẤY XÁC NHẬN",
                "Khỏi bệnh COVID-19",
                body,
                ["Người được xác nhận;", "Trạm Y tế xã;", "Lưu: VT."],
                number=number_line(None, "GXN-UBND"),
                orientation="portrait",
            )
        )
    return out
