"""``fieldapp roster``: the duty-roster register from the command line, and roster files.

Files (no database)::

    fieldapp roster solve INSTANCE.json -o SOLUTION.json [--previous OLD.json --freeze-before T]
    fieldapp roster check INSTANCE.json SOLUTION.json

The register (the data folder's database; dates as dd/mm/yyyy or yyyy-mm-dd)::

    fieldapp roster site add NAME --from DATE [--kind K --place P --pattern 3x8 --start 06:00
                                  --shifts 06:00+8,14:00+8 --per-shift 3 --require police=1]
    fieldapp roster site list [--commune NAME] [--json]
    fieldapp roster staff add NAME [--unit U --roles police,militia --phone P --max-week N
                                   --no-nights]
    fieldapp roster staff list [--all] [--commune NAME] [--json]
    fieldapp roster staff wishes NAME [--wish nights=avoid ...]   (soft; none: clear)
    fieldapp roster site hotline NAME NUMBER
    fieldapp roster staff unavailable NAME --reason sick --from DATE [--to DATE] [--replan]
    fieldapp roster rules [--rest H --max-week N --max-nights N]
    fieldapp roster generate --from DATE --to DATE [--site NAME ...] [--fresh]
    fieldapp roster show --site NAME [--week DATE]
    fieldapp roster fairness --from DATE --to DATE [--json]
    fieldapp roster verify --from DATE --to DATE
    fieldapp roster export-instance --from DATE --to DATE -o FILE.json
    fieldapp roster import-solution FILE.json --from DATE --to DATE
    fieldapp roster print [--site NAME ...] --week DATE [--weeks N | --month] [--paper A3]
                          -o FILE.pdf
    fieldapp roster print [--site NAME ...] --month MM/YYYY [--paper A3] -o FILE.pdf
    fieldapp roster day --day DATE -o FILE.pdf   (or --date DATE)
    fieldapp roster image --site NAME --week DATE -o FILE.png | image --day DATE -o FILE.png
    fieldapp roster person NAME --from DATE --to DATE -o FILE.pdf
    fieldapp roster attendance list --day DATE [--site NAME]
    fieldapp roster attendance mark ID present|absent|replaced [--by NAME] [--leader NAME]
"""

from __future__ import annotations

import argparse
import re
import time
from datetime import datetime

from fieldapp.cli_support import command_word, decimal, print_json
from fieldapp.errors import UserError
from fieldapp.rostering.instance import load_instance
from fieldapp.rostering.solution import load_solution
from fieldapp.rostering.solver import DEFAULT_MAX_ITERATIONS, DEFAULT_TIME_LIMIT, solve

FILE_COMMANDS = ("solve", "check")


def register_for(subparsers: argparse._SubParsersAction, argv: list[str]) -> None:
    """:func:`register`, for the words typed: ``roster solve`` and ``roster check`` work on
    files alone and do without the register's thirty sub-commands, whose parsers cost more
    to build than a small roster takes to solve (a script may solve many)."""
    words = argv[argv.index("roster") + 1 :] if "roster" in argv else []
    register(subparsers, with_register=command_word(words) not in FILE_COMMANDS)


def register(subparsers: argparse._SubParsersAction, with_register: bool = True) -> None:
    """Add ``roster`` with its ``solve`` and ``check`` sub-commands (and, with
    ``with_register``, those of the register in the database)."""
    roster = subparsers.add_parser("roster", help="xếp và kiểm tra lịch trực")
    sub = roster.add_subparsers(dest="roster_command", metavar="LỆNH", required=True)

    p = sub.add_parser("solve", help="xếp lịch trực từ tệp đề bài JSON")
    p.add_argument("instance", help="tệp đề bài lịch trực (JSON)")
    p.add_argument("-o", "--output", required=True, help="tệp lịch kết quả (JSON)")
    p.add_argument("--previous", help="lịch đã công bố, để xếp lại mà giữ nguyên tối đa")
    p.add_argument(
        "--freeze-before",
        help="giữ cố định các ca bắt đầu trước thời điểm này (NNNN-TT-NNTgg:pp)",
    )
    p.add_argument(
        "--max-iterations", type=int, default=DEFAULT_MAX_ITERATIONS, help=argparse.SUPPRESS
    )
    p.add_argument("--time-limit", type=float, default=DEFAULT_TIME_LIMIT, help=argparse.SUPPRESS)
    p.set_defaults(func=_solve)

    c = sub.add_parser("check", help="kiểm tra một lịch trực theo mọi quy định")
    c.add_argument("instance", help="tệp đề bài lịch trực (JSON)")
    c.add_argument("solution", help="tệp lịch cần kiểm tra (JSON)")
    c.set_defaults(func=_check)

    if with_register:
        _register_database_commands(sub)


def _solve(args: argparse.Namespace) -> int:
    instance = load_instance(args.instance)
    previous = load_solution(args.previous) if args.previous else None
    freeze = None
    if args.freeze_before:
        if previous is None:
            raise UserError("--freeze-before chỉ dùng cùng --previous (lịch đã công bố).")
        try:
            freeze = datetime.fromisoformat(args.freeze_before)
        except ValueError:
            raise UserError(
                f'Thời điểm "{args.freeze_before}" không đúng dạng NNNN-TT-NNTgg:pp.'
            ) from None
    started = time.perf_counter()
    solution = solve(
        instance,
        previous=previous,
        freeze_before=freeze,
        max_iterations=args.max_iterations,
        time_limit=args.time_limit,
    )
    seconds = time.perf_counter() - started
    for message in solution.figures.get("capacity", []):  # the solver's own capacity check
        print(f"Cảnh báo: {message}")
    solution.save(args.output)
    _print_figures(instance, solution)
    figures = solution.figures
    print(f"Chỗ trống: {figures['gaps']} (tối thiểu có thể: {figures['gap_lower_bound']})")
    for lock in solution.rejected_locks:
        a = lock.lock
        print(f"Không giữ được ô cố định {a.staff} {a.site} {a.date} {a.shift}: {lock.reason}")
    if "changed" in figures:
        changed = figures["changed"]
        print(f"So với lịch cũ: bỏ {changed['removed']} ca, thêm {changed['added']} ca")
    if figures.get("time_limit_hit"):
        print("Lưu ý: hết thời gian cho phép, lịch có thể chưa tốt nhất.")
    print(f"Thời gian: {seconds:.2f} giây. Đã ghi {args.output}")
    # the solver keeps every rule as it goes; the independent checker is one command away
    print(f"Kiểm tra độc lập mọi quy định: fieldapp roster check {args.instance} {args.output}")
    return 0


def _check(args: argparse.Namespace) -> int:
    from fieldapp.rostering.checker import check, check_gaps, describe

    instance = load_instance(args.instance)
    solution = load_solution(args.solution)
    violations = check(instance, solution)
    problems = violations + check_gaps(instance, solution)
    _print_figures(instance, solution)
    print(f"Vi phạm quy định bắt buộc: {len(violations)}")
    for problem in problems:
        print(f"VI PHẠM [{problem.rule}] {describe(problem, instance)}")
    print(f"Vi phạm: {len(problems)}")
    return 1 if problems else 0


def _print_figures(instance, solution) -> None:
    from fieldapp.rostering.figures import measure

    for line in measure(instance, solution).lines():
        print(line)


# --- the register in the database ---------------------------------------------------------------


def _date(text: str):
    from fieldapp.text.vietnamese import parse_date

    return parse_date(text)


def _db(args: argparse.Namespace):
    from fieldapp.cli_support import open_db

    return open_db(args)


def _register_database_commands(sub: argparse._SubParsersAction) -> None:
    site = sub.add_parser("site", help="điểm trực (chốt, điểm cách ly, cổng khu phong tỏa)")
    site_sub = site.add_subparsers(dest="site_command", metavar="LỆNH", required=True)
    add = site_sub.add_parser("add", help="thêm điểm trực")
    add.add_argument("name", help="tên điểm trực")
    add.add_argument(
        "--kind",
        default="checkpoint",
        help="checkpoint (chốt kiểm soát), quarantine (điểm cách ly), gate (cổng khu phong tỏa)",
    )
    add.add_argument("--place", default="", help="địa điểm")
    add.add_argument("--from", dest="active_from", required=True, help="hoạt động từ ngày")
    add.add_argument("--to", dest="active_to", help="hoạt động đến hết ngày")
    add.add_argument("--pattern", default="3x8", help="3x8, 2x12, 4x6 hoặc custom")
    add.add_argument("--start", default="06:00", help="giờ bắt đầu ca đầu tiên (mặc định 06:00)")
    add.add_argument("--shifts", help="ca tự đặt: 06:00+8,14:00+8,22:00+8 (với --pattern custom)")
    add.add_argument("--per-shift", type=int, default=3, help="số người mỗi ca")
    add.add_argument(
        "--require",
        action="append",
        default=[],
        help="vai trò cần mỗi ca, ví dụ police=1 hoặc police=1,health=1",
    )
    add.add_argument("--notes", default="")
    add.add_argument("--hotline", default="", help="số đường dây nóng của điểm (in trên lịch)")
    add.set_defaults(func=_site_add)
    hot = site_sub.add_parser("hotline", help="đặt số đường dây nóng của điểm trực")
    hot.add_argument("name", help="tên hoặc số điểm trực")
    hot.add_argument("number", help="số điện thoại (để trống: xóa)")
    hot.set_defaults(func=_site_hotline)
    lst = site_sub.add_parser("list", help="danh sách điểm trực")
    lst.add_argument("--commune", default="", help="ở huyện: chỉ điểm trực do xã này gửi lên")
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(func=_site_list)

    staff = sub.add_parser("staff", help="người trực")
    staff_sub = staff.add_subparsers(dest="staff_command", metavar="LỆNH", required=True)
    add = staff_sub.add_parser("add", help="thêm người trực")
    add.add_argument("name", help="họ và tên")
    add.add_argument("--unit", default="", help="đơn vị (Công an xã, Trạm Y tế...)")
    add.add_argument(
        "--roles", default="", help="vai trò, cách nhau dấu phẩy: police, militia, health..."
    )
    add.add_argument("--phone", default="", help="số điện thoại")
    add.add_argument("--max-week", type=int, help="tối đa số ca mỗi tuần (giới hạn riêng)")
    add.add_argument("--no-nights", action="store_true", help="không trực đêm")
    add.add_argument("--notes", default="")
    add.add_argument("--wish", action="append", default=[], help=WISH_HELP)
    add.set_defaults(func=_staff_add)
    wish = staff_sub.add_parser("wishes", help="đặt mong muốn về ca trực (không có --wish: xóa)")
    wish.add_argument("name", help="họ tên hoặc số của người trực")
    wish.add_argument("--wish", action="append", default=[], help=WISH_HELP)
    wish.set_defaults(func=_staff_wishes)
    imp = staff_sub.add_parser(
        "import", help="nhập danh sách người trực từ tệp Excel, .csv, bảng Word hoặc PDF"
    )
    imp.add_argument("file", help="tệp danh sách (cột Họ và tên; Lực lượng, Đơn vị, Điện thoại)")
    imp.add_argument("--dry-run", action="store_true", help="chỉ xem trước, chưa ghi gì")
    imp.add_argument("--json", action="store_true")
    imp.set_defaults(func=_staff_import)
    lst = staff_sub.add_parser("list", help="danh sách người trực")
    lst.add_argument("--all", action="store_true", help="cả người đã thôi trực")
    lst.add_argument("--commune", default="", help="ở huyện: chỉ người trực do xã này gửi lên")
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(func=_staff_list)
    off = staff_sub.add_parser("unavailable", help="ghi người nghỉ / ốm / cách ly từ một ngày")
    off.add_argument("name", help="họ tên hoặc số của người trực")
    off.add_argument(
        "--reason",
        default="leave",
        help="leave (nghỉ phép), sick (ốm), quarantine (cách ly), other",
    )
    off.add_argument("--from", dest="start", required=True, help="từ ngày")
    off.add_argument("--to", dest="end", help="đến hết ngày (bỏ trống: chưa biết)")
    off.add_argument("--note", default="")
    off.add_argument(
        "--replan", action="store_true", help="bỏ người này khỏi các ca từ ngày đó và xếp lại"
    )
    off.set_defaults(func=_staff_unavailable)

    rules = sub.add_parser("rules", help="xem hoặc đặt quy định xếp lịch")
    rules.add_argument("--rest", type=decimal, help="số giờ nghỉ tối thiểu giữa hai ca")
    rules.add_argument("--max-week", type=int, help="số ca tối đa mỗi tuần")
    rules.add_argument("--max-nights", type=int, help="số đêm trực liền tối đa")
    rules.set_defaults(func=_rules)

    gen = sub.add_parser("generate", help="xếp lịch trực cho một khoảng ngày và lưu")
    gen.add_argument("--from", dest="start", required=True, help="từ ngày")
    gen.add_argument("--to", dest="end", required=True, help="đến hết ngày")
    gen.add_argument("--site", action="append", help="chỉ xếp cho điểm này (có thể ghi nhiều lần)")
    gen.add_argument(
        "--fresh", action="store_true", help="xếp mới (không giữ các ca chưa cố định hiện có)"
    )
    gen.set_defaults(func=_generate)

    show = sub.add_parser("show", help="in lịch một tuần của một điểm ra màn hình")
    show.add_argument("--site", required=True, help="tên hoặc số điểm trực")
    show.add_argument("--week", help="một ngày trong tuần (mặc định: tuần này)")
    show.set_defaults(func=_show)

    fair = sub.add_parser("fairness", help="bảng số ca, ca đêm, cuối tuần, giờ trực mỗi người")
    fair.add_argument("--from", dest="start", required=True, help="từ ngày")
    fair.add_argument("--to", dest="end", required=True, help="đến hết ngày")
    fair.add_argument("--json", action="store_true")
    fair.set_defaults(func=_fairness)

    verify = sub.add_parser("verify", help="kiểm tra lịch đã lưu theo mọi quy định bắt buộc")
    verify.add_argument("--from", dest="start", required=True, help="từ ngày")
    verify.add_argument("--to", dest="end", required=True, help="đến hết ngày")
    verify.set_defaults(func=_verify)

    exp = sub.add_parser("export-instance", help="xuất đề bài xếp lịch (JSON) của một khoảng ngày")
    exp.add_argument("--from", dest="start", required=True, help="từ ngày")
    exp.add_argument("--to", dest="end", required=True, help="đến hết ngày")
    exp.add_argument("-o", "--output", required=True, help="tệp JSON")
    exp.add_argument("--fresh", action="store_true", help="không kèm các ca chưa cố định hiện có")
    exp.set_defaults(func=_export)

    imp = sub.add_parser("import-solution", help="lưu lịch từ tệp kết quả JSON vào dữ liệu")
    imp.add_argument("file", help="tệp lịch kết quả (JSON)")
    imp.add_argument("--from", dest="start", required=True, help="từ ngày")
    imp.add_argument("--to", dest="end", required=True, help="đến hết ngày")
    imp.set_defaults(func=_import)

    prt = sub.add_parser("print", help="in lịch trực của điểm theo tuần ra tệp PDF")
    prt.add_argument("--site", action="append", help="tên hoặc số điểm trực (mặc định: tất cả)")
    prt.add_argument("--week", help="một ngày trong tuần cần in")
    prt.add_argument("--weeks", type=int, default=1, help="số tuần liên tiếp")
    prt.add_argument(
        "--month",
        nargs="?",
        const=True,
        default=False,
        metavar="THÁNG",
        help="in cả tháng: tháng ghi sau (12/2026), hoặc tháng của ngày --week",
    )
    prt.add_argument(
        "--paper",
        choices=("A4", "A3"),
        default="A4",
        help="khổ giấy (A3: cả tháng, hoặc một tuần đông người, trên một tờ; "
        "A4: tháng in hai trang dọc, ngày 1-16 và ngày 17-31, dán cạnh nhau)",
    )
    prt.add_argument("-o", "--output", required=True, help="tệp PDF")
    prt.set_defaults(func=_print_roster)

    day = sub.add_parser("day", help="in lịch trực một ngày của mọi điểm ra tệp PDF")
    day.add_argument("--day", "--date", dest="day", required=True, help="ngày cần in")
    day.add_argument("-o", "--output", required=True, help="tệp PDF")
    day.set_defaults(func=_print_day)

    img = sub.add_parser("image", help="ảnh PNG lịch trực để gửi nhóm chat")
    img.add_argument("--site", help="tên hoặc số điểm trực (ảnh một tuần)")
    img.add_argument("--week", help="một ngày trong tuần (với --site)")
    img.add_argument("--day", "--date", dest="day", help="một ngày: ảnh mọi điểm trong ngày đó")
    img.add_argument("-o", "--output", required=True, help="tệp PNG")
    img.set_defaults(func=_image)

    per = sub.add_parser("person", help="in lịch trực cá nhân ra tệp PDF")
    per.add_argument("name", nargs="+", help="họ tên hoặc số của người trực")
    per.add_argument("--from", dest="start", required=True, help="từ ngày")
    per.add_argument("--to", dest="end", required=True, help="đến hết ngày")
    per.add_argument("-o", "--output", required=True, help="tệp PDF")
    per.set_defaults(func=_print_person)

    att = sub.add_parser("attendance", help="điểm danh ca trực")
    att_sub = att.add_subparsers(dest="attendance_command", metavar="LỆNH", required=True)
    lst = att_sub.add_parser("list", help="danh sách người trực một ngày và điểm danh")
    lst.add_argument("--day", required=True)
    lst.add_argument("--site", help="tên hoặc số điểm trực")
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(func=_attendance_list)
    mark = att_sub.add_parser("mark", help="điểm danh một lượt trực (số ở cột đầu của list)")
    mark.add_argument("id", type=int, help="số lượt trực")
    mark.add_argument("status", choices=("present", "absent", "replaced"))
    mark.add_argument("--by", help="người trực thay (với replaced)")
    mark.add_argument("--leader", default="", help="người điểm danh (trưởng ca)")
    mark.add_argument("--note", default="")
    mark.set_defaults(func=_attendance_mark)


def _require(items: list[str]) -> dict[str, int]:
    """``--require police=1`` given once per role, or several in one: "police=1, y tế=1"."""
    out: dict[str, int] = {}
    for item in (part for given in items for part in re.split(r"[,;]", given) if part.strip()):
        role, _, count = item.partition("=")
        try:
            out[role.strip()] = int(count or 1)
        except ValueError:
            raise UserError(f'"{item}": số người cần phải là số nguyên, ví dụ police=1.') from None
    return out


WISH_HELP = "mong muốn mềm: days|nights|weekends=ask|avoid, ví dụ nights=avoid (xin tránh ca đêm)"


def _wishes(items: list[str]) -> dict[str, str]:
    out = {}
    for item in items:
        kind, sep, value = item.partition("=")
        if not sep:
            raise UserError(f'"{item}": mong muốn viết dạng loại=giá trị, ví dụ nights=avoid.')
        out[kind.strip()] = value.strip()
    return out


def _site_hotline(args: argparse.Namespace) -> int:
    from fieldapp.rostering.register import update_site
    from fieldapp.rostering.snapshot import find_site

    db = _db(args)
    try:
        site = update_site(db, find_site(db, args.name).id, hotline=args.number)
    finally:
        db.close()
    print(f"{site.name}: đường dây nóng {site.hotline or '(không có)'}")
    return 0


def _staff_wishes(args: argparse.Namespace) -> int:
    from fieldapp.rostering.register import update_staff
    from fieldapp.rostering.snapshot import find_staff

    db = _db(args)
    try:
        person = update_staff(db, find_staff(db, args.name).id, wishes=_wishes(args.wish))
    finally:
        db.close()
    print(f"{person.name}: {person.wishes_text or 'không có mong muốn riêng'}")
    return 0


def _site_add(args: argparse.Namespace) -> int:
    from fieldapp.rostering.store import add_site, custom_shifts

    shifts = None
    if args.pattern == "custom":
        if not args.shifts:
            raise UserError("Kiểu ca custom cần --shifts, ví dụ 06:00+8,14:00+8,22:00+8.")
        shifts = custom_shifts([x.strip() for x in args.shifts.split(",") if x.strip()])
    db = _db(args)
    try:
        site = add_site(
            db,
            args.name,
            kind=args.kind,
            place=args.place,
            active_from=_date(args.active_from),
            active_to=_date(args.active_to) if args.active_to else None,
            pattern=args.pattern,
            first_start=args.start,
            shifts=shifts,
            staff_per_shift=args.per_shift,
            require=_require(args.require),
            notes=args.notes,
            hotline=args.hotline,
        )
    finally:
        db.close()
    shifts_text = ", ".join(s.label for s in site.shifts)
    print(
        f"Đã thêm điểm trực {site.id}: {site.name} ({shifts_text}; {site.staff_per_shift} người/ca)"
    )
    return 0


def _by_commune(db, rows: list, name: str) -> tuple[list, dict[str, str] | None]:
    """At a district (issue 18 part 4): ``rows`` of commune ``name`` only (all without it),
    and the commune of each sending device; None in a commune."""
    from fieldapp.sync.district import (
        commune_of_devices,
        devices_of_commune,
        only_devices,
        upper_office,
    )

    if not name and not upper_office(db):
        return rows, None
    if name:
        rows = only_devices(rows, devices_of_commune(db, name))
    return rows, commune_of_devices(db)


def _commune_text(communes: dict[str, str] | None, device_id: str) -> str:
    if communes is None:
        return ""
    return f" ({communes.get(device_id) or 'máy này'})"


def _site_list(args: argparse.Namespace) -> int:
    from fieldapp.rostering.store import list_sites
    from fieldapp.text.vietnamese import format_date

    db = _db(args)
    try:
        sites, communes = _by_commune(db, list_sites(db), args.commune)
    finally:
        db.close()
    if args.json:
        data = [
            {
                "id": x.id,
                "name": x.name,
                "kind": x.kind,
                "place": x.place,
                "active_from": x.active_from.isoformat(),
                "active_to": x.active_to.isoformat() if x.active_to else None,
                "pattern": x.pattern,
                "shifts": [s.to_json() for s in x.shifts],
                "staff_per_shift": x.staff_per_shift,
                "require": x.require,
                "hotline": x.hotline,
            }
            | ({"commune": communes.get(x.device_id, "")} if communes is not None else {})
            for x in sites
        ]
        print_json(data)
        return 0
    for x in sites:
        until = f" đến {format_date(x.active_to)}" if x.active_to else ""
        print(
            f"{x.id:3d}  {x.name} [{x.kind_label}] từ {format_date(x.active_from)}{until}; "
            f"{x.pattern_label}, {x.staff_per_shift} người/ca"
            + (f", cần {x.require_text}" if x.require_text else "")
            + _commune_text(communes, x.device_id)
        )
    of = f" của {args.commune}" if args.commune else ""
    print(f"Cộng: {len(sites)} điểm trực{of}")
    return 0


def _staff_add(args: argparse.Namespace) -> int:
    from fieldapp.rostering.store import add_staff

    roles = [r.strip() for r in args.roles.split(",") if r.strip()]
    db = _db(args)
    try:
        person = add_staff(
            db,
            args.name,
            unit=args.unit,
            roles=roles,
            phone=args.phone,
            max_shifts_per_week=args.max_week,
            no_nights=args.no_nights,
            notes=args.notes,
            wishes=_wishes(args.wish),
        )
    finally:
        db.close()
    print(f"Đã thêm {person.id}: {person.name} ({person.roles_text or 'không vai trò'})")
    return 0


def _staff_import(args: argparse.Namespace) -> int:
    from fieldapp.rostering.instance import role_label
    from fieldapp.rostering.staff_list import add_staff_list, plan_staff_list, read_staff_list

    preview = read_staff_list(args.file)
    db = _db(args)
    try:
        plan_staff_list(db, preview)
        ids = [] if args.dry_run else add_staff_list(db, preview)
    finally:
        db.close()
    if args.json:
        print_json(
            {
                "dry_run": bool(args.dry_run),
                "added": len(ids),
                "to_add": len(preview.to_add),
                "known": sum(1 for r in preview.rows if r.known),
                "ids": ids,
                "people": [
                    {
                        "sheet": r.sheet,
                        "row": r.row,
                        "name": r.name,
                        "unit": r.unit,
                        "roles": list(r.roles),
                        "phone": r.phone,
                        "notes": r.notes,
                        "problems": r.problems,
                        "action": "known" if r.known else ("twice" if r.twice else "new"),
                    }
                    for r in preview.rows
                ],
                "left_out": preview.left_out,
            }
        )
        return 0
    for r in preview.rows:
        if r.problems or r.known:
            state = "đã có, giữ nguyên" if r.known else "; ".join(r.problems)
            print(f"{r.sheet}, dòng {r.row}: {r.name} — {state}")
    for line in preview.left_out:
        print(f"Bỏ qua {line}")
    by_role: dict[str, int] = {}
    for r in preview.to_add:
        key = ", ".join(role_label(x) for x in r.roles) or "chưa rõ lực lượng"
        by_role[key] = by_role.get(key, 0) + 1
    print(preview.summary() + " " + "; ".join(f"{k}: {n}" for k, n in by_role.items()))
    if args.dry_run:
        print("Chưa ghi gì (--dry-run).")
    else:
        print(f"Đã thêm {len(ids)} người trực.")
    return 0


def _staff_list(args: argparse.Namespace) -> int:
    from fieldapp.rostering.store import list_staff

    db = _db(args)
    try:
        people = list_staff(db, include_inactive=args.all)
        people, communes = _by_commune(db, people, args.commune)
    finally:
        db.close()
    if args.json:
        data = [
            {
                "id": p.id,
                "name": p.name,
                "unit": p.unit,
                "roles": list(p.roles),
                "phone": p.phone,
                "max_shifts_per_week": p.max_shifts_per_week,
                "no_nights": p.no_nights,
                "active": p.active,
                "wishes": p.wishes,
            }
            | ({"commune": communes.get(p.device_id, "")} if communes is not None else {})
            for p in people
        ]
        print_json(data)
        return 0
    for p in people:
        limits = []
        if p.max_shifts_per_week is not None:
            limits.append(f"tối đa {p.max_shifts_per_week} ca/tuần")
        if p.no_nights:
            limits.append("không trực đêm")
        extra = f" [{'; '.join(limits)}]" if limits else ""
        gone = "" if p.active else " (đã thôi trực)"
        where = _commune_text(communes, p.device_id)
        print(f"{p.id:4d}  {p.name} — {p.unit} — {p.roles_text}{extra}{gone}{where}")
    of = f" của {args.commune}" if args.commune else ""
    print(f"Cộng: {len(people)} người{of}")
    return 0


def _staff_unavailable(args: argparse.Namespace) -> int:
    from fieldapp.rostering.planning import mark_unavailable_and_replan
    from fieldapp.rostering.store import add_absence, find_staff

    start = _date(args.start)
    end = _date(args.end) if args.end else None
    if end is not None and end < start:
        raise UserError("Ngày hết nghỉ phải từ ngày bắt đầu nghỉ trở đi.")
    db = _db(args)
    try:
        person = find_staff(db, args.name)
        if args.replan:
            result = mark_unavailable_and_replan(
                db, person.id, args.reason, start, end, note=args.note
            )
            print(f"Đã ghi {person.name} không trực được và xếp lại lịch.")
            for line in result.lines():
                print(line)
        else:
            absence = add_absence(db, person.id, args.reason, start, end, args.note)
            print(f"Đã ghi {person.name}: {absence.reason_label} {absence.span_text}.")
    finally:
        db.close()
    return 0


def _rules(args: argparse.Namespace) -> int:
    from fieldapp.rostering.store import get_rules, set_rules

    db = _db(args)
    try:
        if args.rest is None and args.max_week is None and args.max_nights is None:
            rules = get_rules(db)
        else:
            rules = set_rules(
                db,
                min_rest_hours=args.rest,
                max_shifts_per_week=args.max_week,
                max_consecutive_nights=args.max_nights,
            )
    finally:
        db.close()
    print(f"Nghỉ tối thiểu giữa hai ca: {rules.min_rest_hours:g} giờ")
    print(f"Số ca tối đa mỗi tuần: {rules.max_shifts_per_week}")
    print(f"Số đêm trực liền tối đa: {rules.max_consecutive_nights}")
    return 0


def _sites_of(db, names: list[str] | None) -> list[int] | None:
    from fieldapp.rostering.store import find_site

    if not names:
        return None
    return [find_site(db, n).id for n in names]


def _generate(args: argparse.Namespace) -> int:
    from fieldapp.rostering.planning import generate

    start, end = _date(args.start), _date(args.end)
    db = _db(args)
    try:
        result = generate(
            db, start, end, site_ids=_sites_of(db, args.site), keep_current=not args.fresh
        )
    finally:
        db.close()
    for line in result.lines():
        print(line)
    print(f"Thời gian: {result.seconds:.2f} giây")
    return 0


def _show(args: argparse.Namespace) -> int:
    from datetime import date

    from fieldapp.rostering.printing import WEEKDAYS
    from fieldapp.rostering.store import find_site
    from fieldapp.rostering.views import week_grid
    from fieldapp.text.vietnamese import format_date

    db = _db(args)
    try:
        site = find_site(db, args.site)
        grid = week_grid(db, site.id, _date(args.week) if args.week else date.today())
    finally:
        db.close()
    print(f"{site.name} — tuần từ {format_date(grid.week_start)}")
    for day in grid.days:
        print(f"{WEEKDAYS[day.weekday()]} {format_date(day)}")
        for shift in grid.shifts:
            cell = grid.cells[(day, shift.id)]
            names = ", ".join(
                ("*" if p.leader else "") + p.name + (" [cố định]" if p.locked else "")
                for p in cell.people
            )
            if not cell.active:
                names = "(điểm không hoạt động)"
            elif cell.missing:
                names += f" (thiếu {cell.missing})"
            print(f"  {shift.label}: {names}")
            for reason in cell.reasons:
                if not reason.startswith("Còn thiếu"):
                    print(f"      ! {reason}")
    print(f"Còn thiếu: {grid.missing} lượt; dấu hiệu vi phạm: {grid.conflict_count}")
    return 0


def _fairness(args: argparse.Namespace) -> int:
    from fieldapp.rostering.views import fairness_table

    db = _db(args)
    try:
        rows = fairness_table(db, _date(args.start), _date(args.end))
    finally:
        db.close()
    if args.json:
        print_json([r.__dict__ for r in rows])
        return 0
    wide = max([28, *(len(r.name) for r in rows)])  # a long name whole: never cut to look alike
    print(
        f"{'Họ tên':{wide}} {'Ca':>4} {'Đêm':>4} {'CN/T7':>5} {'Giờ':>6} {'Trưởng':>6} {'Nghỉ':>5}"
    )
    for r in rows:
        print(
            f"{r.name:{wide}} {r.shifts:4d} {r.nights:4d} {r.weekends:5d} {r.hours:6.0f} "
            f"{r.leader:6d} {r.days_off:5d}"
        )
    return 0


def _verify(args: argparse.Namespace) -> int:
    from fieldapp.rostering.planning import check_saved_lines

    db = _db(args)
    try:
        problems = check_saved_lines(db, _date(args.start), _date(args.end))
    finally:
        db.close()
    for problem in problems:
        print(f"VI PHẠM: {problem}")
    print(f"Vi phạm quy định bắt buộc: {len(problems)}")
    db = _db(args)
    try:
        from fieldapp.rostering.instance import role_label
        from fieldapp.rostering.planning import cell_words, checked_gaps
        from fieldapp.rostering.snapshot import list_sites

        gaps = checked_gaps(db, _date(args.start), _date(args.end))
        sites = {s.id: s for s in list_sites(db)}
    finally:
        db.close()
    for cell, role, n in gaps:
        print(f"THIẾU {cell_words(sites, cell)}: thiếu {n} {role_label(role)}")
    print(f"Chỗ còn thiếu: {sum(n for _, _, n in gaps)}")
    return 1 if problems else 0


def _export(args: argparse.Namespace) -> int:
    from fieldapp.rostering.planning import export_instance

    db = _db(args)
    try:
        plan = export_instance(
            db, _date(args.start), _date(args.end), args.output, keep_current=not args.fresh
        )
    finally:
        db.close()
    print(
        f"Đã ghi {args.output}: {len(plan.instance.sites)} điểm, {len(plan.person_of)} người, "
        f"{plan.instance.days} ngày (từ {plan.instance.start.isoformat()})"
    )
    return 0


def _import(args: argparse.Namespace) -> int:
    from fieldapp.rostering.planning import import_solution

    db = _db(args)
    try:
        result = import_solution(db, _date(args.start), _date(args.end), args.file)
    finally:
        db.close()
    for line in result.lines():
        print(line)
    return 0


def _print_roster(args: argparse.Namespace) -> int:
    from fieldapp.rostering.sheets import print_roster

    if not 1 <= args.weeks <= 8:
        raise UserError("Mỗi lần in từ 1 đến 8 tuần.")
    if isinstance(args.month, str):
        from fieldapp.text.vietnamese import parse_month

        if args.week:
            raise UserError("Ghi --month THÁNG/NĂM hoặc --week NGÀY --month, không cả hai.")
        day = parse_month(args.month)
    elif args.week:
        day = _date(args.week)
    else:
        raise UserError("Cần --week NGÀY (một ngày trong tuần) hoặc --month THÁNG/NĂM.")
    db = _db(args)
    try:
        path = print_roster(
            db,
            args.output,
            day,
            _sites_of(db, args.site),
            weeks=args.weeks,
            month=bool(args.month),
            paper=args.paper,
        )
    finally:
        db.close()
    print(f"Đã ghi {path}")
    return 0


def _print_day(args: argparse.Namespace) -> int:
    from fieldapp.rostering.sheets import print_day

    db = _db(args)
    try:
        path = print_day(db, args.output, _date(args.day))
    finally:
        db.close()
    print(f"Đã ghi {path}")
    return 0


def _image(args: argparse.Namespace) -> int:
    from fieldapp.rostering.sheets import day_image, roster_image

    if not str(args.output).lower().endswith(".png"):
        raise UserError("Tệp ảnh phải có đuôi .png.")
    if bool(args.day) == bool(args.site or args.week):
        raise UserError("Dùng --site và --week (ảnh một tuần) hoặc --day (mọi điểm một ngày).")
    db = _db(args)
    try:
        if args.day:
            path = day_image(db, args.output, _date(args.day))
        else:
            if not (args.site and args.week):
                raise UserError("Ảnh một tuần cần cả --site và --week.")
            site = _sites_of(db, [args.site])[0]
            path = roster_image(db, args.output, _date(args.week), site)
    finally:
        db.close()
    print(f"Đã ghi {path}")
    return 0


def _print_person(args: argparse.Namespace) -> int:
    from fieldapp.rostering.sheets import print_persons
    from fieldapp.rostering.store import find_staff

    start, end = _date(args.start), _date(args.end)
    db = _db(args)
    try:
        ids = [find_staff(db, " ".join(args.name)).id]
        path = print_persons(db, args.output, ids, start, end)
    finally:
        db.close()
    print(f"Đã ghi {path}")
    return 0


def _attendance_list(args: argparse.Namespace) -> int:
    from fieldapp.rostering.attendance import attendance_sheet
    from fieldapp.rostering.store import find_site

    db = _db(args)
    try:
        site_id = find_site(db, args.site).id if args.site else None
        rows = attendance_sheet(db, _date(args.day), site_id)
    finally:
        db.close()
    if args.json:
        data = [
            {
                "id": r.assignment_id,
                "site": r.site_name,
                "shift": r.shift_label,
                "name": r.name,
                "leader": r.is_leader,
                "status": r.status,
                "replaced_by": r.replaced_by or None,
                "marked_by": r.marked_by,
            }
            for r in rows
        ]
        print_json(data)
        return 0
    for r in rows:
        who = f" → {r.replaced_by}" if r.replaced_by else ""
        lead = " (trưởng ca)" if r.is_leader else ""
        print(
            f"{r.assignment_id:6d}  {r.site_name} | {r.shift_label} | {r.name}{lead}: {r.status_label}{who}"
        )
    print(f"Cộng: {len(rows)} lượt trực")
    return 0


def _attendance_mark(args: argparse.Namespace) -> int:
    from fieldapp.rostering.attendance import mark_attendance
    from fieldapp.rostering.store import find_staff

    db = _db(args)
    try:
        by = find_staff(db, args.by).id if args.by else None
        mark_attendance(
            db, args.id, args.status, replaced_by=by, marked_by=args.leader, note=args.note
        )
    finally:
        db.close()
    print("Đã điểm danh.")
    return 0
