"""``fieldapp checkpoint``: the checkpoint log from the command line.

Dates as dd/mm/yyyy or yyyy-mm-dd (default today); times as HH:MM (today) or
"dd/mm/yyyy HH:MM"::

    fieldapp checkpoint add --site NAME --name NAME [--from PLACE --to PLACE --plate PLATE
                            --kind KIND --phone PHONE --declared --temp 36.8 --people N
                            --time HH:MM --out --notes TEXT]
    fieldapp checkpoint list [--date DATE] [--site NAME] [--json]
    fieldapp checkpoint count [--date DATE] [--site NAME] [--json]
    fieldapp checkpoint search TEXT [--site NAME] [--json]
    fieldapp checkpoint delete ID

Phone numbers print masked to their last three digits unless the signed-in role sees
personal data.
"""

from __future__ import annotations

import argparse
import re
from datetime import date, datetime

from fieldapp.cli_support import decimal, print_json
from fieldapp.errors import UserError
from fieldapp.text.vietnamese import format_date, parse_date


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``checkpoint`` with ``add``, ``list``, ``count``, ``search`` and ``delete``."""
    cp = subparsers.add_parser("checkpoint", help="nhật ký chốt kiểm soát (người, xe đến)")
    sub = cp.add_subparsers(dest="checkpoint_command", metavar="LỆNH", required=True)

    add = sub.add_parser("add", help="ghi một lượt người/xe đến chốt")
    add.add_argument("--site", required=True, help="tên chốt (không cần dấu, viết tắt được)")
    add.add_argument("--name", required=True, help="họ tên người đến (người lái, nếu là xe)")
    add.add_argument("--from", dest="from_place", default="", help="đến từ đâu (vùng dịch)")
    add.add_argument("--to", dest="to_place", default="", help="nơi đến trong xã")
    add.add_argument("--plate", default="", help="biển số xe, ví dụ 97A-123.45")
    add.add_argument("--kind", default="", help="loại phương tiện (xe máy, ô tô con, ...)")
    add.add_argument("--phone", default="", help="số điện thoại (10 chữ số)")
    add.add_argument("--declared", action="store_true", help="đã khai báo y tế")
    add.add_argument("--temp", type=decimal, help="nhiệt độ đo được (°C), ví dụ 37,5")
    add.add_argument("--people", type=int, default=1, help="số người (trên xe), mặc định 1")
    add.add_argument("--time", help="giờ đến: HH:MM hoặc dd/mm/yyyy HH:MM (mặc định: bây giờ)")
    add.add_argument("--out", action="store_true", help="lượt ra khỏi xã (mặc định: vào)")
    add.add_argument("--notes", default="", help="ghi chú")
    add.add_argument("--json", action="store_true", help="in dòng đã ghi dạng JSON")
    add.set_defaults(func=_add)

    lst = sub.add_parser("list", help="các lượt trong một ngày, mới nhất trước")
    lst.add_argument("--date", help="ngày (mặc định hôm nay)")
    lst.add_argument("--site", help="chỉ một chốt")
    lst.add_argument("--commune", default="", help="ở huyện: chỉ các lượt do xã này gửi lên")
    lst.add_argument("--json", action="store_true", help="in dạng JSON")
    lst.set_defaults(func=_list)

    count = sub.add_parser("count", help="số liệu trong ngày (cho báo cáo nhanh)")
    count.add_argument("--date", help="ngày (mặc định hôm nay)")
    count.add_argument("--site", help="chỉ một chốt")
    count.add_argument("--json", action="store_true", help="in dạng JSON")
    count.set_defaults(func=_count)

    search = sub.add_parser("search", help="tìm theo họ tên (không cần dấu) hoặc biển số")
    search.add_argument("text", help="họ tên hoặc biển số")
    search.add_argument("--site", help="chỉ một chốt")
    search.add_argument("--commune", default="", help="ở huyện: chỉ các lượt do xã này gửi lên")
    search.add_argument("--json", action="store_true", help="in dạng JSON")
    search.set_defaults(func=_search)

    delete = sub.add_parser("delete", help="xóa một dòng nhật ký (theo mã số)")
    delete.add_argument("id", type=int, help="mã số dòng (cột đầu của lệnh list)")
    delete.set_defaults(func=_delete)


def _db(args: argparse.Namespace):
    from fieldapp.cli_support import open_db

    return open_db(args)


def _day(text: str | None) -> date:
    return parse_date(text) if text else date.today()


def parse_time(text: str, *, today: date | None = None) -> datetime:
    """ "HH:MM" (on ``today``), "dd/mm/yyyy HH:MM" or ISO, as local time (aware)."""
    stripped = text.strip()
    if match := re.fullmatch(r"(\d{1,2})[:hg](\d{2})", stripped):
        day, clock = today or date.today(), match.groups()
    elif match := re.fullmatch(r"(.+?)[ T](\d{1,2}):(\d{2})(?::\d{2})?", stripped):
        day, clock = parse_date(match.group(1)), match.groups()[1:]
    else:
        raise UserError(f'Giờ không hợp lệ: "{stripped[:40]}" (cần HH:MM hoặc dd/mm/yyyy HH:MM).')
    hour, minute = int(clock[0]), int(clock[1])
    if hour > 23 or minute > 59:
        raise UserError(f'Giờ không hợp lệ: "{stripped[:40]}".')
    return datetime(day.year, day.month, day.day, hour, minute).astimezone()


def _mask(db, phone: str) -> str:
    from fieldapp.accounts.permissions import mask

    return mask(phone, db.actor)


def _line(db, e) -> str:
    when = e.local_time.strftime("%H:%M")
    arrow = "→" if e.direction == "in" else "←"
    parts = [f"{e.id:>6}  {when} {arrow} {e.full_name}"]
    if e.people_count > 1:
        parts.append(f"({e.people_count} người)")
    if e.from_place:
        parts.append(f"từ {e.from_place}")
    if e.to_place:
        parts.append(f"đến {e.to_place}")
    if e.vehicle_plate or e.vehicle_kind:
        parts.append(" ".join(x for x in (e.vehicle_kind, e.vehicle_plate) if x))
    if e.phone:
        parts.append(f"ĐT {_mask(db, e.phone)}")
    parts.append("đã khai báo y tế" if e.health_declared else "CHƯA khai báo y tế")
    if e.temperature is not None:
        parts.append(f"{e.temperature:.1f}°C".replace(".", ","))
    if e.notes:
        parts.append(f"– {e.notes}")
    return " ".join(parts)


def _json_entry(db, e, communes: dict[str, str] | None = None) -> dict:
    data = e.to_json()
    data["phone"] = _mask(db, e.phone)
    if communes is not None:
        data["commune"] = communes.get(e.device_id, "")
    return data


def _communes(db, name: str) -> tuple[dict[str, str] | None, tuple[str, ...] | None]:
    """At a district: each device's commune and, with ``--commune``, the devices of that one
    (a :class:`UserError` naming the known communes when there is none)."""
    from fieldapp.sync.district import commune_of_devices, devices_of_commune, upper_office

    communes = commune_of_devices(db) if name or upper_office(db) else None
    return communes, (devices_of_commune(db, name) if name else None)


def _add(args: argparse.Namespace) -> int:
    from fieldapp.checkpoints.log import EntryInput, add_entry, find_site

    db = _db(args)
    try:
        site = find_site(db, args.site)
        entry = add_entry(
            db,
            EntryInput(
                site_id=site.id,
                full_name=args.name,
                arrived_at=parse_time(args.time) if args.time else None,
                direction="out" if args.out else "in",
                from_place=args.from_place,
                to_place=args.to_place,
                vehicle_plate=args.plate,
                vehicle_kind=args.kind,
                phone=args.phone,
                health_declared=args.declared,
                temperature=args.temp,
                people_count=args.people,
                notes=args.notes,
            ),
        )
        if args.json:
            print_json(_json_entry(db, entry))
        else:
            print(f"Đã ghi vào nhật ký {site.name}:")
            print(_line(db, entry))
    finally:
        db.close()
    return 0


def _list(args: argparse.Namespace) -> int:
    from fieldapp.checkpoints.log import find_site, list_entries

    day = _day(args.date)
    db = _db(args)
    try:
        site = find_site(db, args.site) if args.site else None
        communes, devices = _communes(db, args.commune)
        entries = list_entries(db, day, site.id if site else None, devices=devices)
        if args.json:
            data = [_json_entry(db, e, communes) for e in entries]
            print_json(data)
            return 0
        where = site.name if site else "tất cả các chốt"
        if args.commune:
            where += f" của {args.commune}"
        print(f"Nhật ký {where} ngày {format_date(day)}: {len(entries)} lượt")
        for e in entries:
            place = [e.site_name] if site is None else []
            if communes:
                place.append(communes.get(e.device_id, "máy này"))
            prefix = f"[{', '.join(place)}] " if place else ""
            print(prefix + _line(db, e))
    finally:
        db.close()
    return 0


def _count(args: argparse.Namespace) -> int:
    from fieldapp.checkpoints.log import daily_counts, find_site

    day = _day(args.date)
    db = _db(args)
    try:
        site = find_site(db, args.site) if args.site else None
        counts = daily_counts(db, day, site.id if site else None)
    finally:
        db.close()
    if args.json:
        data = counts.to_json()
        data["site"] = site.name if site else None
        print_json(data)
        return 0
    where = site.name if site else "tất cả các chốt"
    print(f"Số liệu {where} ngày {format_date(day)}:")
    print(f"  người đến: {counts.people}")
    print(f"  phương tiện đến: {counts.vehicles}")
    print(f"  chưa khai báo y tế: {counts.undeclared}")
    print(f"  có sốt (từ 37,5°C): {counts.fever}")
    print(f"  người ra: {counts.people_out}")
    if counts.by_place:
        print("  đến từ:")
        for place, n in counts.by_place.items():
            print(f"    {place}: {n}")
    if counts.by_site:
        print("  theo chốt:")
        for name, n in counts.by_site.items():
            print(f"    {name}: {n}")
    return 0


def _search(args: argparse.Namespace) -> int:
    from fieldapp.checkpoints.log import find_site, search_entries

    db = _db(args)
    try:
        site = find_site(db, args.site) if args.site else None
        communes, devices = _communes(db, args.commune)
        found = search_entries(db, args.text, site_id=site.id if site else None, devices=devices)
        if args.json:
            print_json([_json_entry(db, e, communes) for e in found])
            return 0
        print(f"Tìm thấy {len(found)} lượt")
        for e in found:
            print(f"{format_date(e.local_time.date())} [{e.site_name}] {_line(db, e)}")
    finally:
        db.close()
    return 0


def _delete(args: argparse.Namespace) -> int:
    from fieldapp.checkpoints.log import delete_entry

    db = _db(args)
    try:
        gone = delete_entry(db, args.id)
    finally:
        db.close()
    print(f"Đã xóa dòng {gone.id}: {gone.full_name} ({gone.local_time:%H:%M %d/%m/%Y}).")
    return 0
