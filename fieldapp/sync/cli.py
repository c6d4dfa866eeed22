"""``fieldapp sync export/import/trust/fingerprint/peers/conflicts/resolve/district``."""

from __future__ import annotations

import argparse
import json
from datetime import datetime
from pathlib import Path

from fieldapp.cli_support import print_json, print_table
from fieldapp.errors import UserError


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    sync = subparsers.add_parser("sync", help="gói dữ liệu gửi huyện (USB, Zalo) không cần mạng")
    sub = sync.add_subparsers(dest="sync_command", required=True, metavar="LỆNH")

    export = sub.add_parser("export", help="tạo gói các thay đổi kể từ gói trước")
    export.add_argument("-o", "--output", required=True, help="tệp gói hoặc thư mục (USB)")
    export.add_argument("--full", action="store_true", help="gửi toàn bộ dữ liệu")
    export.add_argument("--destination", default="district", help="nơi nhận (mặc định: huyện)")
    export.add_argument(
        "--directives-for",
        metavar="XÃ",
        help="(huyện) gói văn bản chỉ đạo và các việc gửi xuống xã này",
    )
    export.add_argument(
        "--directive",
        action="append",
        metavar="SỐ",
        help="với --directives-for: chỉ gửi văn bản này (số ký hiệu hoặc mã; lặp lại được)",
    )
    export.add_argument("--json", action="store_true")
    export.add_argument("--yes", action="store_true", help="xác nhận xuất dữ liệu cá nhân")
    export.set_defaults(func=_cmd_export)

    receive = sub.add_parser("import", help="nhận một hay nhiều gói")
    receive.add_argument("files", nargs="+", metavar="FILE")
    receive.add_argument(
        "--trust-new", action="store_true", help="tin cậy khóa của người gửi mới (gói đầu tiên)"
    )
    receive.add_argument("--json", action="store_true")
    receive.set_defaults(func=_cmd_import)

    trust = sub.add_parser("trust", help="tin cậy khóa của một máy gửi (sau khi đối chiếu)")
    trust.add_argument("fingerprint")
    trust.add_argument(
        "--replaces",
        metavar="KHÓA_CŨ",
        help="khóa mới thay khóa cũ của cùng máy (quản trị, sau khi gọi điện đối chiếu cả hai)",
    )
    trust.add_argument("--device", help="mã máy (khi máy gắn với khóa cũ có nhiều mã)")
    trust.set_defaults(func=_cmd_trust)

    mine = sub.add_parser("fingerprint", help="dấu vân tay khóa của máy này (đọc cho huyện)")
    mine.set_defaults(func=_cmd_fingerprint)

    peers = sub.add_parser("peers", help="các máy gửi đã tin cậy, lần gửi cuối")
    peers.add_argument("--json", action="store_true")
    peers.set_defaults(func=_cmd_peers)

    conflicts = sub.add_parser(
        "conflicts", help="các xung đột chờ xem xét (theo lời của các mẫu nhập, không phải mã)"
    )
    conflicts.add_argument("--json", action="store_true")
    conflicts.add_argument("--commune", default="", help="ở huyện: chỉ xung đột với dữ liệu xã này")
    conflicts.add_argument(
        "--show", type=int, metavar="SỐ", help="so sánh từng trường của một xung đột"
    )
    conflicts.set_defaults(func=_cmd_conflicts)

    resolve = sub.add_parser(
        "resolve", help="xử lý một xung đột: giữ bản hiện có hoặc dùng bản kia"
    )
    resolve.add_argument("conflict_id", type=int, metavar="CONFLICT_ID")
    choice = resolve.add_mutually_exclusive_group(required=True)
    choice.add_argument("--keep", action="store_true", help="giữ bản đang có trong sổ")
    choice.add_argument("--use-other", action="store_true", help="dùng bản kia thay vào")
    resolve.add_argument("--by", default="", help="tên người quyết định")
    resolve.set_defaults(func=_cmd_resolve)

    district = sub.add_parser("district", help="(huyện) tổng hợp số liệu theo từng xã")
    district.add_argument("--day", help="ngày tính số liệu (dd/mm/yyyy; mặc định: hôm nay)")
    district.add_argument("--json", action="store_true")
    district.set_defaults(func=_cmd_district)

    progress = sub.add_parser(
        "progress", help="(huyện) tiến độ của từng xã với một văn bản chỉ đạo đã gửi xuống"
    )
    progress.add_argument("directive", metavar="SỐ", help="số ký hiệu hoặc mã văn bản của huyện")
    progress.add_argument("--json", action="store_true")
    progress.set_defaults(func=_cmd_progress)

    units = sub.add_parser("units", help="(huyện, tỉnh) danh sách đơn vị cấp dưới phải gửi báo cáo")
    units.add_argument("--json", action="store_true")
    units.set_defaults(func=_cmd_units)
    expect = sub.add_parser(
        "expect", help="(huyện, tỉnh) thêm đơn vị vào danh sách phải gửi báo cáo, hoặc bỏ ra"
    )
    expect.add_argument("names", nargs="+", metavar="ĐƠN_VỊ", help='ví dụ: "xã Bằng Lãng"')
    expect.add_argument(
        "--not", dest="expected", action="store_false", help="không còn phải gửi báo cáo"
    )
    expect.add_argument("--remove", action="store_true", help="xóa hẳn khỏi danh sách")
    expect.set_defaults(func=_cmd_expect)

    report = sub.add_parser("district-report", help="(huyện) in báo cáo tổng hợp các xã ra PDF")
    report.add_argument("-o", "--output", required=True, help="tệp PDF")
    report.add_argument("--day", help="ngày tính số liệu (dd/mm/yyyy; mặc định: hôm nay)")
    report.set_defaults(func=_cmd_district_report)


def _cmd_export(args: argparse.Namespace) -> int:
    from fieldapp.cli_support import open_db
    from fieldapp.sync.package import export_package

    if args.directives_for:
        return _export_directives(args)
    if args.directive:
        raise UserError("--directive chỉ dùng cùng --directives-for.")
    from fieldapp.cli_support import confirm_personal_export

    confirm_personal_export(args)
    db = open_db(args)
    try:
        result = export_package(db, Path(args.output), destination=args.destination, full=args.full)
    finally:
        db.close()
    if result.nothing:
        if args.json:
            print(json.dumps({"file": None, "nothing": True}, ensure_ascii=False))
        else:
            print("Không có thay đổi nào kể từ gói trước: không tạo gói, không cần gửi.")
        return 0
    if args.json:
        print(
            json.dumps(
                {
                    "file": str(result.path),
                    "sequence": result.sequence,
                    "rows": result.rows,
                    "counts": result.counts,
                    "tombstones": result.tombstones,
                },
                ensure_ascii=False,
            )
        )
    else:
        print(f"Đã tạo gói số {result.sequence}: {result.path} ({result.rows} bản ghi)")
    return 0


def _cmd_import(args: argparse.Namespace) -> int:
    from fieldapp.cli_support import open_db
    from fieldapp.sync.receive import import_package

    db = open_db(args)
    out = []
    failed = 0
    try:
        for name in args.files:
            try:
                r = import_package(db, Path(name), trust_new=args.trust_new)
            except UserError as err:
                failed += 1
                out.append({"file": name, "error": str(err)})
                if not args.json:
                    print(f"{name}: {err}")
                continue
            item = {
                "file": name,
                "commune": r.commune,
                "sequence": r.sequence,
                "already": r.already,
                "inserted": r.inserted,
                "updated": r.updated,
                "deleted": r.deleted,
                "conflicts": r.conflicts,
            }
            out.append(item)
            if not args.json:
                if r.already:
                    print(f"{name}: gói này đã nhận trước đây; không có gì thay đổi.")
                else:
                    print(
                        f"{name}: {r.commune}, gói số {r.sequence}: thêm {r.inserted}, sửa "
                        f"{r.updated}, xóa {r.deleted}, xung đột {r.conflicts}"
                    )
    finally:
        db.close()
    if args.json:
        print_json(out)
    return 2 if failed else 0


def _cmd_trust(args: argparse.Namespace) -> int:
    from fieldapp.cli_support import open_db
    from fieldapp.sync.receive import trust

    db = open_db(args)
    try:
        if args.replaces:
            from fieldapp.sync.rights import accept_new_key, devices_of

            devices = [args.device] if args.device else devices_of(db, args.replaces)
            if not devices:
                raise UserError("Không có máy nào gắn với khóa cũ này; chưa có gì thay đổi.")
            accept_new_key(db, devices[0], args.replaces, args.fingerprint)  # moves them all
            print(f"Khóa mới {args.fingerprint} thay khóa cũ {args.replaces}.")
            return 0
        fp = trust(db, args.fingerprint)
    finally:
        db.close()
    print(f"Đã tin cậy khóa {fp}.")
    return 0


def _cmd_fingerprint(args: argparse.Namespace) -> int:
    from fieldapp.cli_support import paths_from
    from fieldapp.db.database import ensure_writable_dir
    from fieldapp.sync.keys import device_fingerprint

    paths = paths_from(args)
    ensure_writable_dir(paths.data_dir)  # the key is made there on first use
    print(device_fingerprint(paths))
    return 0


def _cmd_peers(args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from fieldapp.cli_support import open_db
    from fieldapp.sync.models import Peer

    db = open_db(args)
    try:
        with db.session() as s:
            peers = list(s.scalars(select(Peer).order_by(Peer.commune)))
    finally:
        db.close()
    rows = [
        {
            "fingerprint": p.fingerprint,
            "commune": p.commune,
            "last_sequence": p.last_sequence,
            "last_package_at": p.last_package_at.isoformat() if p.last_package_at else None,
        }
        for p in peers
    ]
    if args.json:
        print_json(rows)
    else:
        print_table(
            (r["fingerprint"], r["commune"], r["last_sequence"], r["last_package_at"]) for r in rows
        )
    return 0


def _cmd_conflicts(args: argparse.Namespace) -> int:
    """The conflicts in the words the forms use: what kind of record, which one (by its
    name), from which commune, when, why; ``--show`` compares one field by field."""
    from fieldapp.cli_support import open_db
    from fieldapp.sync import conflict_words as words
    from fieldapp.sync.district import devices_of_commune
    from fieldapp.sync.receive import conflict_versions, list_conflicts

    db = open_db(args)
    try:
        rows = list_conflicts(db)
        if args.commune:
            devices = set(devices_of_commune(db, args.commune))
            rows = [c for c in rows if c.other_device in devices]
        if args.show is not None:
            (conflict,) = [c for c in rows if c.id == args.show] or [None]
            if conflict is None:
                raise UserError(f"Không có xung đột số {args.show} đang chờ xem xét.")
            current, other = conflict_versions(db, conflict.id)
            fields = words.compare_rows(db, conflict.table_name, current, other)
            title = _conflict_line(db, conflict, words)
        else:
            listed = [_conflict_line(db, c, words) for c in rows]
    finally:
        db.close()
    if args.show is not None:
        if args.json:
            print_json(
                {
                    **title,
                    "fields": [
                        {"field": label, "here": mine, "received": theirs, "differs": differs}
                        for _n, label, mine, theirs, differs in fields
                    ],
                }
            )
            return 0
        print(f"Xung đột số {title['id']}: {title['kind']} “{title['record']}” - {title['reason']}")
        print(f"Bản nhận được: {title['commune']}, sửa lúc {title['changed_at']}")
        print_table(
            ((("* " if differs else "  ") + label, mine, theirs)
             for _n, label, mine, theirs, differs in fields),
            header=("Trường (* khác nhau)", "Ở máy này", "Bản nhận được"),
        )  # fmt: skip
        return 0
    if args.json:
        print_json(listed)
    elif not listed:
        print("Không có xung đột nào chờ xem xét.")
    else:
        print_table(
            ((c["id"], c["kind"], c["record"], c["commune"], c["changed_at"], c["reason"])
             for c in listed),
            header=("Số", "Loại", "Bản ghi", "Từ", "Sửa lúc", "Lý do"),
        )  # fmt: skip
    return 0


def _conflict_line(db, conflict, words) -> dict:
    from fieldapp.text.vietnamese import format_datetime

    moment = conflict.other_at
    if isinstance(moment, str):
        try:
            moment = datetime.fromisoformat(moment)
        except ValueError:
            moment = None
    when = ""
    if isinstance(moment, datetime):
        when = format_datetime(moment.astimezone() if moment.tzinfo else moment)
    return {
        "id": conflict.id,
        "kind": words.TABLE_LABELS.get(conflict.table_name, conflict.table_name),
        "record": words.record_name(db, conflict.table_name, conflict.record_uuid)
        or "(đã xóa ở máy này)",
        "commune": "máy này"
        if conflict.other_device == db.device_id
        else conflict.other_commune or "máy chưa rõ tên",
        "changed_at": when,
        "reason": words.REASONS.get(conflict.reason, conflict.reason),
    }


def _export_directives(args: argparse.Namespace) -> int:
    from fieldapp.cli_support import open_db
    from fieldapp.directives.register import find_directive
    from fieldapp.sync.district import export_directives

    db = open_db(args)
    try:
        ids = [find_directive(db, ref) for ref in args.directive] if args.directive else None
        result = export_directives(db, Path(args.output), args.directives_for, directive_ids=ids)
    finally:
        db.close()
    if args.json:
        print(
            json.dumps(
                {
                    "file": str(result.path),
                    "commune": result.commune,
                    "directives": result.directives,
                    "items": result.items,
                    "skipped_items": result.skipped_items,
                },
                ensure_ascii=False,
            )
        )
    else:
        print(
            f"Đã tạo gói chỉ đạo cho {result.commune}: {result.path} ({result.directives} văn "
            f"bản, {result.items} việc; {result.skipped_items} việc của xã khác không gửi)"
        )
    return 0


def _cmd_resolve(args: argparse.Namespace) -> int:
    from fieldapp.cli_support import open_db
    from fieldapp.sync.receive import KEEP, USE_OTHER, resolve_conflict

    db = open_db(args)
    try:
        choice = USE_OTHER if args.use_other else KEEP
        resolve_conflict(db, args.conflict_id, choice, by=args.by)
    finally:
        db.close()
    what = "dùng bản kia" if args.use_other else "giữ bản hiện có"
    print(f"Đã xử lý xung đột số {args.conflict_id}: {what}.")
    return 0


def _day(args: argparse.Namespace):
    from fieldapp.text.vietnamese import parse_date

    return parse_date(args.day) if args.day else None


def _cmd_district(args: argparse.Namespace) -> int:
    from fieldapp.cli_support import open_db
    from fieldapp.sync.district import LABELS, district_summary, late_text

    db = open_db(args)
    try:
        summary = district_summary(db, day=_day(args))
    finally:
        db.close()
    if args.json:
        print_json(summary.as_json())
        return 0
    if not summary.expecting:
        print("Chưa có danh sách đơn vị phải gửi báo cáo: chưa xác định được đơn vị trễ.")
    else:
        print(f"Đã gửi đúng hạn: {summary.completeness} đơn vị phải gửi.")
    names = ["households", "people", "f0", "f1", "tests", "positive", "relief", "overdue"]
    rows = []
    for c in [*summary.communes, summary.total]:
        last = (
            c.last_package_at.astimezone().strftime("%d/%m/%Y %H:%M") if c.last_package_at else ""
        )
        mark = late_text(c, summary.now)
        commune = c.commune + (f" [{mark.upper()}]" if mark else "")
        rows.append([commune, *(getattr(c, n) for n in names), c.coverage, last])
    print_table(
        rows, header=["Đơn vị", *(LABELS[n] for n in names), "Chốt có ca/hoạt động", "Gửi lần cuối"]
    )
    return 0


def _cmd_progress(args: argparse.Namespace) -> int:
    from fieldapp.cli_support import open_db
    from fieldapp.sync.district import directive_progress, own_directive

    db = open_db(args)
    try:
        rows = directive_progress(db, own_directive(db, args.directive))
    finally:
        db.close()
    if args.json:
        print_json([r.to_json() for r in rows])
        return 0
    if not rows:
        print("Chưa có xã nào gửi lại tiến độ của văn bản này.")
    for r in rows:
        print(f"{r.commune}\txong {r.done}/{r.items}\tđang làm {r.in_progress}\tchưa làm {r.new}")
    return 0


def _cmd_units(args: argparse.Namespace) -> int:
    from fieldapp.cli_support import open_db
    from fieldapp.sync.units import list_units

    db = open_db(args)
    try:
        units = list_units(db)
    finally:
        db.close()
    if args.json:
        print_json([u.to_json() for u in units])
        return 0
    if not units:
        print('Chưa có đơn vị nào trong danh sách (fieldapp sync expect "xã ...").')
    for u in units:
        print(f"{u.name}\t{'phải gửi' if u.expected else 'không phải gửi'}\t{len(u.devices)} máy")
    return 0


def _cmd_expect(args: argparse.Namespace) -> int:
    from fieldapp.cli_support import open_db
    from fieldapp.sync.units import remove_unit, set_expected

    db = open_db(args)
    try:
        for name in args.names:
            if args.remove:
                remove_unit(db, name)
                print(f"Đã xóa {name} khỏi danh sách.")
            else:
                row = set_expected(db, name, args.expected)
                state = "phải gửi báo cáo" if row.expected else "không phải gửi báo cáo"
                print(f"{row.name}: {state}.")
    finally:
        db.close()
    return 0


def _cmd_district_report(args: argparse.Namespace) -> int:
    from fieldapp.cli_support import open_db
    from fieldapp.sync.district import write_district_report

    db = open_db(args)
    try:
        path, summary = write_district_report(db, Path(args.output), day=_day(args))
    finally:
        db.close()
    late = len(summary.late)
    print(f"Đã in báo cáo tổng hợp {len(summary.communes)} đơn vị ({late} đơn vị trễ): {path}")
    return 0
