"""The households register of the demo commune: two lockdown areas in xã Bằng Lãng.

Thôn Nà Pài under Chỉ thị 16 since nine days ago, and Khuổi Cuộng – Bản Lác since four days
ago: about 150 households and 550 people with Tày and Kinh names, F0 and F1 people whose
isolation ends around today, a rapid test round yesterday (a few people missed), relief
deliveries and open requests — so that every work list of the page has something in it.

:func:`generate_households` makes realistic households for the demo, the tests and the
benchmark (deterministic for a given random generator).
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from fieldapp.db.database import Database
from fieldapp.households.excel_import import (
    ImportPreview,
    ParsedHousehold,
    ParsedPerson,
    apply_import,
)
from fieldapp.households.service import (
    AreaInput,
    DeliveryInput,
    ReliefItem,
    add_area,
    add_request,
    add_test_round,
    change_status,
    household_members,
    record_deliveries,
    record_test_results,
)

TAY_FAMILY = ("Hoàng", "Nông", "Ma", "Triệu", "Lường", "Hà", "Đàm", "Lục", "Bế", "Lộc", "Hứa")
KINH_FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Vũ", "Đặng", "Dương", "Lý", "Đinh", "Ninh")
MALE_MIDDLE = ("Văn", "Văn", "Văn", "Đức", "Xuân", "Quang", "Minh", "Hữu", "Thanh")
FEMALE_MIDDLE = ("Thị", "Thị", "Thị", "Thu", "Ngọc", "Hồng", "Kim")
MALE_GIVEN = (
    "An", "Bình", "Cường", "Chiến", "Dũng", "Đông", "Hải", "Hùng", "Hưng", "Khánh", "Kiên",
    "Lâm", "Long", "Lực", "Mạnh", "Nam", "Phong", "Quân", "Sơn", "Thắng", "Thành", "Tuấn",
    "Việt", "Vinh", "Toản", "Khuyến", "Sáng", "Ước", "Pản",
)  # fmt: skip
FEMALE_GIVEN = (
    "Anh", "Bích", "Chi", "Dung", "Hà", "Hạnh", "Hoa", "Hương", "Lan", "Liên", "Mai", "Nga",
    "Nhung", "Phương", "Quyên", "Thảo", "Thơm", "Thủy", "Trang", "Tuyết", "Vân", "Xuân",
    "Yến", "Nhài", "Slao", "Ỏi",
)  # fmt: skip
PROVINCE_CODE = "006"  # Bắc Kạn

AREAS = (
    {
        "name": "Khu phong tỏa thôn Nà Pài",
        "villages": ("Nà Pài",),
        "regime": "CT16",
        "started": -9,
        "planned": 12,
        "decision": "Quyết định số 45/QĐ-UBND của UBND xã Bằng Lãng",
        "households": 88,
        "f0": 7,
        "f1": 34,
    },
    {
        "name": "Khu phong tỏa Khuổi Cuộng – Bản Lác",
        "villages": ("Khuổi Cuộng", "Bản Lác"),
        "regime": "CT16",
        "started": -4,
        "planned": 17,
        "decision": "Quyết định số 52/QĐ-UBND của UBND xã Bằng Lãng",
        "households": 62,
        "f0": 3,
        "f1": 16,
    },
)


def _name(rng: random.Random, sex: str, family: str) -> str:
    if sex == "M":
        return f"{family} {rng.choice(MALE_MIDDLE)} {rng.choice(MALE_GIVEN)}"
    return f"{family} {rng.choice(FEMALE_MIDDLE)} {rng.choice(FEMALE_GIVEN)}"


def _citizen_id(rng: random.Random, sex: str, year: int) -> str:
    century = (year // 100 - 19) * 2 + (0 if sex == "M" else 1)
    return f"{PROVINCE_CODE}{century}{year % 100:02d}{rng.randrange(10**6):06d}"


def _phone(rng: random.Random) -> str:
    return rng.choice(("09", "03", "08")) + "".join(str(rng.randrange(10)) for _ in range(8))


def generate_households(
    rng: random.Random,
    count: int,
    villages: tuple[str, ...],
    today: date,
    *,
    id_share: float = 0.7,
    first_row: int = 1,
) -> list[ParsedHousehold]:
    """``count`` realistic households: a head, often a spouse, children, sometimes a parent.

    About 3.7 people a household; adults carry a CCCD with probability ``id_share`` (unique
    within one run); rows are numbered from ``first_row`` like the rows of a sheet.
    """
    row = first_row
    used_ids: set[str] = set()
    out = []
    for _ in range(count):
        family = rng.choice(TAY_FAMILY if rng.random() < 0.7 else KINH_FAMILY)
        head_sex = "M" if rng.random() < 0.85 else "F"
        head_year = rng.randint(today.year - 75, today.year - 24)
        household = ParsedHousehold(
            row=row,
            village=rng.choice(villages),
            house_number=str(rng.randint(1, 160)) if rng.random() < 0.6 else "",
            phone=_phone(rng),
            poor=rng.random() < 0.12,
        )
        people = [(head_sex, head_year, "Chủ hộ", family)]
        if rng.random() < 0.85:
            spouse_sex = "F" if head_sex == "M" else "M"
            spouse_family = rng.choice(TAY_FAMILY + KINH_FAMILY)
            people.append(
                (
                    spouse_sex,
                    head_year + rng.randint(-3, 5),
                    "Vợ" if head_sex == "M" else "Chồng",
                    spouse_family,
                )
            )
        for _c in range(rng.choice((0, 1, 1, 1, 2, 2, 2, 3))):
            year = min(today.year, head_year + rng.randint(20, 38))
            sex = rng.choice("MF")
            people.append((sex, year, "Con", family))
        if head_year > today.year - 50 and rng.random() < 0.3:
            sex = rng.choice("MF")
            people.append(
                (sex, head_year - rng.randint(22, 30), "Bố" if sex == "M" else "Mẹ", family)
            )
        for k, (sex, year, relation, fam) in enumerate(people):
            person = ParsedPerson(
                row=row,
                full_name=_name(rng, sex, fam),
                is_head=k == 0,
                birth_year=year,
                sex=sex,
                relation=relation,
            )
            age = today.year - year
            if age >= 14 and rng.random() < id_share:
                cid = _citizen_id(rng, sex, year)
                while cid in used_ids:
                    cid = _citizen_id(rng, sex, year)
                used_ids.add(cid)
                person.citizen_id = cid
            if age >= 18 and k > 0 and rng.random() < 0.3:
                person.phone = _phone(rng)
            if k == 0:
                person.phone = household.phone
            if age >= 60:
                person.flags.add("elderly")
            if age < 6:
                person.flags.add("young_child")
            if sex == "F" and 20 <= age <= 40 and rng.random() < 0.08:
                person.flags.add("pregnant")
            if rng.random() < 0.025:
                person.flags.add("disabled")
            if age >= 45 and rng.random() < 0.12:
                person.flags.add("chronic")
                person.notes = rng.choice(("Tăng huyết áp", "Tiểu đường", "Bệnh tim mạch"))
            household.people.append(person)
            row += 1
        out.append(household)
    return out


def demo_step(db: Database) -> dict[str, int]:
    """Fill this register of the demo commune; return counts for the summary."""
    rng = random.Random(2021)
    today = date.today()
    counts = {"khu vực phong tỏa": 0, "hộ trong vùng phong tỏa": 0, "nhân khẩu": 0}
    for spec in AREAS:
        area_id = add_area(
            db,
            AreaInput(
                name=spec["name"],
                villages=", ".join(spec["villages"]),
                regime=spec["regime"],
                started_on=today + timedelta(days=spec["started"]),
                planned_end=today + timedelta(days=spec["planned"]),
                decision=spec["decision"],
            ),
        )
        households = generate_households(rng, spec["households"], spec["villages"], today)
        _give_statuses(rng, households, spec, today)
        preview = ImportPreview(
            file_name=f"danh-sach-{area_id}.xlsx",
            sheet="",
            header_rows=(),
            columns={},
            households=households,
            rows=[],
        )
        result = apply_import(db, preview, area_id, author="Trạm Y tế xã Bằng Lãng")
        counts["khu vực phong tỏa"] += 1
        counts["hộ trong vùng phong tỏa"] += result.households
        counts["nhân khẩu"] += result.people
        _life_in_the_area(db, rng, area_id, today)
    return counts


def _give_statuses(
    rng: random.Random, households: list[ParsedHousehold], spec: dict, today: date
) -> None:
    """F0 at the treatment facility; F1 at the central facility or at home, ending near today.

    Two households go into central isolation whole: their houses stand empty.
    """
    started = today + timedelta(days=spec["started"])
    picks = rng.sample(range(len(households)), spec["f0"] + 6)
    for index in picks[: spec["f0"]]:
        person = rng.choice(households[index].people)
        begin = started + timedelta(days=rng.randint(0, max(0, -spec["started"] - 1)))
        person.status, person.isolation = "F0", "central"
        person.iso_start, person.iso_end = begin, begin + timedelta(days=14)
    for index in picks[spec["f0"] : spec["f0"] + 2]:
        begin = today - timedelta(days=rng.randint(8, 12))
        for person in households[index].people:
            person.status, person.isolation = "F1", "central"
            person.iso_start, person.iso_end = begin, begin + timedelta(days=14)
    f1_left = spec["f1"]
    for index in rng.sample(range(len(households)), len(households)):
        if f1_left <= 0:
            break
        for person in households[index].people:
            if person.status or f1_left <= 0 or rng.random() < 0.4:
                continue
            begin = today - timedelta(days=rng.randint(3, 14))
            person.status = "F1"
            person.isolation = "home" if rng.random() < 0.6 else "central"
            person.iso_start, person.iso_end = begin, begin + timedelta(days=14)
            f1_left -= 1
    for household in households:
        for person in household.people:
            if not person.status and rng.random() < 0.05:
                person.status = "F2"
                person.isolation = "home"
                begin = today - timedelta(days=rng.randint(1, 6))
                person.iso_start, person.iso_end = begin, begin + timedelta(days=7)


def _life_in_the_area(db: Database, rng: random.Random, area_id: int, today: date) -> None:
    """A test round yesterday, relief deliveries, requests, and a few status changes by hand."""
    from fieldapp.households.listing import HouseholdFilter, household_ids

    ids = household_ids(db, HouseholdFilter(area_id=area_id, today=today))
    members = household_members(db, ids)
    round_id = add_test_round(
        db, area_id, today - timedelta(days=1), "rapid", "Test nhanh toàn khu"
    )
    results: dict[int, str] = {}
    for hid in ids:
        for m in members[hid]:
            if m.isolation == "central" or m.status == "F0" or rng.random() < 0.06:
                continue  # away at a facility, or missed
            results[m.id] = "negative"
    # One F1 at home tested positive: moved to the treatment facility by hand (below).
    positive = next(
        (m for hid in ids for m in members[hid] if m.status == "F1" and m.id in results), None
    )
    if positive is not None:
        results[positive.id] = "positive"
    record_test_results(db, round_id, results)
    deliveries = []
    for hid in ids:
        people = members[hid]
        if rng.random() < 0.88 or any(m.status == "F0" for m in people):
            items = [
                ReliefItem("Gạo", 10 * max(1, len(people) // 2), "kg"),
                ReliefItem("Mì tôm", 1, "thùng"),
            ]
            if rng.random() < 0.4:
                items.append(ReliefItem("Trứng gà", 20, "quả"))
            deliveries.append(
                DeliveryInput(
                    hid,
                    today
                    - timedelta(
                        days=rng.randint(0, 5) if rng.random() < 0.9 else rng.randint(7, 10)
                    ),
                    items,
                    delivered_by="Tổ Covid cộng đồng",
                    received_by=people[0].full_name,
                )
            )
    record_deliveries(db, deliveries)
    for hid in ids:
        if rng.random() < 0.06:
            add_request(
                db,
                hid,
                rng.choice(("rice", "medicine", "food")),
                rng.choice(("Hết gạo", "Cần thuốc hạ sốt cho cháu nhỏ", "Xin rau xanh")),
                requested_on=today - timedelta(days=rng.randint(0, 2)),
            )
    # A change made by hand in the window, kept in the history with its author.
    if positive is not None:
        change_status(
            db,
            positive.id,
            "F0",
            isolation="central",
            start=today - timedelta(days=1),
            author="Ma Thị Hạnh (Trạm Y tế)",
            note="Test nhanh dương tính, chuyển khu điều trị",
        )
