"""``fieldapp household check|followup|action``: the follow-up register from the command line.

- ``household check PERSON --temp 38.2 --spo2 94 [--pulse N] [--breath N] [--symptoms "ho, khó
  thở"] [--by NAME] [--phone] [--at "dd/mm/yyyy HH:MM"] [--json]``
- ``household followup [--date YYYY-MM-DD] [--village V] [--json]`` — keys ``due``, ``missed``,
  ``danger``, ``ending_tomorrow``, each a list of people with their last check;
- ``household action CHECK_ID called_station|moved_facility|doctor_visit|other [--at ...]``.

PERSON is the person's number (``household show`` lists it) or a name that matches one person.
Outcomes (recovered, facility, died) are statuses: ``household status PERSON recovered``; the
certificate of recovery is ``household print recovery-certificate (PERSON | --area NAME)``.
"""

from __future__ import annotations

import argparse
from datetime import datetime

from fieldapp.errors import NotFound, UserMistake


def add_commands(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    check = sub.add_parser("check", help="ghi một lần kiểm tra sức khỏe (F0 tại nhà, F1 cách ly)")
    check.add_argument("person", metavar="NGƯỜI", help="mã người hoặc họ tên")
    check.add_argument("--temp", help="nhiệt độ (°C)")
    check.add_argument("--spo2", help="SpO2 (%%)")
    check.add_argument("--pulse", help="mạch (lần/phút)")
    check.add_argument("--breath", help="nhịp thở (lần/phút)")
    check.add_argument("--symptoms", default="", help='triệu chứng, ví dụ "ho, khó thở"')
    check.add_argument("--note", default="")
    check.add_argument("--by", default="", help="người kiểm tra (mặc định: người đăng nhập)")
    check.add_argument("--phone", action="store_true", help="người bệnh tự báo qua điện thoại")
    check.add_argument("--at", help="giờ kiểm tra, dd/mm/yyyy HH:MM (mặc định: bây giờ)")
    check.add_argument("--json", action="store_true")
    check.set_defaults(func=_check)

    follow = sub.add_parser("followup", help="danh sách theo dõi: chưa kiểm tra, dấu hiệu nặng")
    follow.add_argument("--date", help="ngày (mặc định: hôm nay)")
    follow.add_argument("--village", help="chỉ một thôn")
    follow.add_argument("--commune", default="", help="ở huyện: chỉ người do xã này gửi lên")
    follow.add_argument("--json", action="store_true")
    follow.add_argument("-o", "--output", help="in danh sách ra tệp PDF (phiếu đi kiểm tra)")
    follow.set_defaults(func=_followup)

    action = sub.add_parser("action", help="ghi cách xử lý một dấu hiệu nặng")
    action.add_argument("check_id", type=int, metavar="MÃ_KIỂM_TRA")
    action.add_argument("action", metavar="XỬ_LÝ", help="called_station, moved_facility, ...")
    action.add_argument("--at", help="giờ xử lý, dd/mm/yyyy HH:MM (mặc định: bây giờ)")
    action.add_argument("--by", default="")
    action.add_argument("--note", default="")
    action.set_defaults(func=_action)


def parse_moment(text: str | None) -> datetime | None:
    """``dd/mm/yyyy HH:MM`` (or ISO) as local time; None for None."""
    if text is None:
        return None
    from fieldapp.text.vietnamese import parse_date

    text = text.strip()
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        day_text, _, clock = text.partition(" ")
        try:
            hour, minute = (int(x) for x in (clock or "0:0").replace("h", ":").split(":")[:2])
            moment = datetime.combine(parse_date(day_text), datetime.min.time()).replace(
                hour=hour, minute=minute
            )
        except (ValueError, TypeError):
            raise UserMistake(f"Không hiểu giờ “{text[:40]}” (dd/mm/yyyy HH:MM).") from None
    return moment if moment.tzinfo else moment.astimezone()


def find_person(db, text: str) -> int:
    """A person's number from their number or a name that matches exactly one person."""
    from sqlalchemy import select

    from fieldapp.households.models import HouseholdMember
    from fieldapp.text.vietnamese import fold

    text = text.strip()
    if text.isdigit():
        return int(text)
    wanted = fold(text)
    if not wanted:
        raise UserMistake("Cần mã người hoặc họ tên.")
    with db.session() as s:
        ids = s.scalars(
            select(HouseholdMember.id).where(HouseholdMember.name_fold == wanted).limit(5)
        ).all()
    if not ids:
        raise NotFound("Không tìm thấy người có họ tên này (dùng mã người trong `household show`).")
    if len(ids) > 1:
        raise UserMistake(f"Có {len(ids)} người trùng họ tên: dùng mã người (`household show`).")
    return ids[0]


def _check(args) -> int:
    from fieldapp.cli_support import open_db, print_json
    from fieldapp.health.followup import CheckInput, record_check
    from fieldapp.health.signs import DANGER_SIGNS, parse_symptoms

    symptoms, others = parse_symptoms(args.symptoms)
    note = "; ".join(
        x
        for x in (args.note.strip(), "Triệu chứng khác: " + ", ".join(others) if others else "")
        if x
    )
    db = open_db(args)
    try:
        info = record_check(
            db,
            CheckInput(
                member_id=find_person(db, args.person),
                temperature=args.temp,
                spo2=args.spo2,
                pulse=args.pulse,
                breath_rate=args.breath,
                symptoms=symptoms,
                note=note,
                checked_by=args.by,
                by_phone=args.phone,
                checked_at=parse_moment(args.at),
            ),
        )
    finally:
        db.close()
    if args.json:
        print_json(info.as_json())
    elif info.danger:
        signs = ", ".join(DANGER_SIGNS[s] for s in info.danger_signs)
        print(f"Đã ghi lần kiểm tra {info.id}. DẤU HIỆU NẶNG: {signs}.")
        print(f"Báo ngay trạm y tế, rồi ghi cách xử lý: fieldapp household action {info.id} ...")
    else:
        print(f"Đã ghi lần kiểm tra {info.id}: không có dấu hiệu nặng.")
    return 0


def _followup(args) -> int:
    from fieldapp.cli_support import open_db, print_json, print_table
    from fieldapp.health.followup import followup_lists
    from fieldapp.health.signs import ACTIONS, DANGER_SIGNS
    from fieldapp.sync.district import commune_of_devices, devices_of_commune
    from fieldapp.text.vietnamese import format_date, parse_date

    day = parse_date(args.date) if args.date else None
    db = open_db(args)
    try:
        communes = commune_of_devices(db)
        devices = devices_of_commune(db, args.commune) if args.commune else None
        lists = followup_lists(db, day, village=args.village, devices=devices)
        if args.output:
            from fieldapp.health.paper import followup_document
            from fieldapp.printing.official import render_pdf

            commune = communes.get(devices[0], args.commune) if devices else ""
            paper = followup_document(
                db, day, village=args.village, devices=devices, commune=commune
            )
            pages = render_pdf(paper, args.output)
    finally:
        db.close()
    if args.output:
        print(f"Đã in {pages} trang ra {args.output}.")
        return 0
    if args.json:

        def person(p) -> dict:
            return {**p.as_json(), "commune": communes.get(p.device_id, "")}

        print_json(
            {
                "date": lists.day.isoformat(),
                "checks_per_day": lists.required,
                "followed": lists.followed,
                "due": [person(p) for p in lists.due],
                "missed": [person(p) for p in lists.missed],
                "danger": [{**person(p), "last_check": c.as_json()} for p, c in lists.danger],
                "ending_tomorrow": [person(p) for p in lists.ending_tomorrow],
            }
        )
        return 0
    print(
        f"Theo dõi ngày {format_date(lists.day)}: {lists.followed} người, "
        f"{lists.required} lần kiểm tra mỗi ngày."
    )
    if lists.danger:
        print(f"\nDấu hiệu nặng trong 24 giờ ({len(lists.danger)}):")
        print_table(
            [
                (
                    c.id,
                    p.full_name,
                    p.village,
                    c.checked_at.astimezone().strftime("%d/%m %H:%M"),
                    ", ".join(DANGER_SIGNS[s] for s in c.danger_signs),
                    ACTIONS.get(c.action, "CHƯA XỬ LÝ"),
                )
                for p, c in lists.danger
            ],
            ("Mã KT", "Họ tên", "Thôn", "Giờ", "Dấu hiệu", "Xử lý"),
        )
    print(f"\nCòn phải kiểm tra ({len(lists.due)}), chưa kiểm tra lần nào ({len(lists.missed)}):")
    print_table(
        [
            (p.member_id, p.full_name, p.village, p.status, p.checks_today, p.phone)
            for p in lists.due
        ],
        ("Mã", "Họ tên", "Thôn", "Tình trạng", "Đã KT", "Điện thoại"),
    )
    if lists.ending_tomorrow:
        print(f"\nHết cách ly / điều trị ngày mai ({len(lists.ending_tomorrow)}):")
        print_table(
            [(p.member_id, p.full_name, p.village) for p in lists.ending_tomorrow],
            ("Mã", "Họ tên", "Thôn"),
        )
    return 0


def _action(args) -> int:
    from fieldapp.cli_support import open_db
    from fieldapp.health.followup import record_action
    from fieldapp.health.signs import ACTIONS

    db = open_db(args)
    try:
        info = record_action(
            db, args.check_id, args.action, at=parse_moment(args.at), by=args.by, note=args.note
        )
    finally:
        db.close()
    print(f"Đã ghi: {ACTIONS[info.action]} lúc {info.action_at.astimezone():%H:%M %d/%m/%Y}.")
    return 0
