"""``fieldapp household ...``: lockdown areas, household lists, status, tests and relief.

Everything the households page does, from the command line, over the same core functions:

- ``household area add NAME --start DATE ...``, ``area list``, ``area end NAME --on DATE``
- ``household import FILE --area NAME [--dry-run] [--json] [--save-attention OUT.xlsx]``
  (FILE: .xlsx, .xls, .ods, .csv; every visible sheet) | ``household import --undo --area NAME``
- ``household export FILE.xlsx [--area NAME]``
- ``household list [--area NAME] [--search TEXT] [--status F0] ... [--json]``
- ``household show ID [--json]``
- ``household status PERSON_ID F1 --isolation home [--from DATE] [--to DATE] --author NAME``
- ``household worklist [--json]``
- ``household deliver ID --items "Gạo 10 kg, Mì tôm 1 thùng" [--on DATE]``
- ``household test add --area NAME --on DATE [--kind pcr]``, ``test result ROUND PERSON RESULT``

Citizen IDs are shown masked (last three digits) unless ``--show-ids`` is given.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import asdict
from datetime import date

from fieldapp.cli_support import print_json
from fieldapp.errors import UserError
from fieldapp.text.vietnamese import fold, format_date, parse_date

STATUS_WORDS = {
    "f0": "F0",
    "f1": "F1",
    "f2": "F2",
    "negative": "negative",
    "am tinh": "negative",
    # outcomes (fieldapp.health.outcomes)
    "recovered": "recovered",
    "khoi benh": "recovered",
    "facility": "facility",
    "chuyen co so dieu tri": "facility",
    "died": "died",
    "tu vong": "died",
}
ISOLATION_WORDS = {
    "central": "central",
    "tap trung": "central",
    "home": "home",
    "tai nha": "home",
    "self": "self",
    "tu theo doi": "self",
    "none": "",
    "khong": "",
}


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add this register's commands to the ``fieldapp`` command line."""
    household = subparsers.add_parser("household", help="hộ và nhân khẩu trong khu vực phong tỏa")
    sub = household.add_subparsers(dest="household_command", metavar="LỆNH")
    household.set_defaults(func=lambda _a: _help(household))

    area = sub.add_parser("area", help="khu vực phong tỏa")
    area_sub = area.add_subparsers(dest="area_command", metavar="LỆNH")
    area.set_defaults(func=lambda _a: _help(area))
    add = area_sub.add_parser("add", help="thêm khu vực phong tỏa")
    add.add_argument("name", metavar="TÊN")
    add.add_argument("--start", required=True, help="ngày bắt đầu (dd/mm/yyyy)")
    add.add_argument("--planned-end", help="ngày dự kiến kết thúc")
    add.add_argument("--villages", default="", help="các thôn, tổ, đường trong khu vực")
    add.add_argument("--regime", default="CT16", help="CT15, CT16, CT19 hoặc other")
    add.add_argument("--decision", default="", help="quyết định phong tỏa (số, ngày)")
    add.add_argument("--notes", default="")
    add.set_defaults(func=_area_add)
    lst = area_sub.add_parser("list", help="danh sách khu vực và số hộ, số người, F0, F1")
    lst.add_argument("--json", action="store_true", help="in dạng JSON")
    lst.set_defaults(func=_area_list)
    end = area_sub.add_parser("end", help="kết thúc phong tỏa một khu vực")
    end.add_argument("name", metavar="TÊN")
    end.add_argument("--on", required=True, help="ngày kết thúc (dd/mm/yyyy)")
    end.set_defaults(func=_area_end)

    imp = sub.add_parser(
        "import",
        help="nhập danh sách hộ từ tệp .xlsx, .xls, .ods, .csv (mọi trang) hoặc bảng trong "
        "tệp Word, PDF",
    )
    imp.add_argument(
        "file",
        metavar="FILE",
        nargs="?",
        help=".xlsx, .xlsm, .xls, .ods, .csv, .txt (Unicode Text của Excel), hoặc bảng trong "
        ".docx, .doc, .odt, .rtf, .htm, .pdf (in từ Word hoặc Excel, có kẻ ô)",
    )
    imp.add_argument("--area", required=True, help="tên khu vực phong tỏa")
    imp.add_argument(
        "--undo", action="store_true", help="hoàn tác lần nhập gần nhất vào khu vực này"
    )
    imp.add_argument("--yes", action="store_true", help="xác nhận hoàn tác dù đã có việc ghi sau")
    imp.add_argument(
        "--save-attention",
        metavar="FILE.xlsx",
        help="lưu các dòng cần xem lại ra tệp .xlsx cùng bố cục, để sửa rồi nhập lại",
    )
    imp.add_argument("--author", default="", help="người nhập (ghi vào lịch sử tình trạng)")
    imp.add_argument("--dry-run", action="store_true", help="chỉ xem trước, không ghi gì")
    imp.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    imp.set_defaults(func=_import)

    exp = sub.add_parser("export", help="xuất danh sách hộ ra tệp Excel (.xlsx)")
    exp.add_argument("file", metavar="FILE.xlsx")
    exp.add_argument("--area", help="chỉ một khu vực (mặc định: mọi khu vực, mỗi khu một trang)")
    exp.add_argument("--yes", action="store_true", help="xác nhận xuất dữ liệu cá nhân")
    exp.set_defaults(func=_export)

    ls = sub.add_parser("list", help="danh sách hộ (theo tên chủ hộ, thứ tự tiếng Việt)")
    ls.add_argument("--area", help="tên khu vực phong tỏa")
    ls.add_argument("--search", default="", help="tìm theo tên, địa chỉ, số điện thoại")
    ls.add_argument("--village", default="")
    ls.add_argument(
        "--status",
        default="",
        choices=("", "F0", "F1", "F2", "F0F1", "isolating", "negative", "none"),
    )
    ls.add_argument("--vulnerable", action="store_true", help="chỉ hộ có người dễ bị tổn thương")
    ls.add_argument("--poor", action="store_true", help="chỉ hộ nghèo")
    ls.add_argument("--ending-days", type=int, help="cách ly kết thúc trong N ngày tới")
    ls.add_argument("--commune", default="", help="ở huyện: chỉ hộ do xã này gửi lên")
    ls.add_argument("--limit", type=int, default=0, help="in tối đa N hộ")
    ls.add_argument("--json", action="store_true", help="in dạng JSON")
    ls.set_defaults(func=_list)

    show = sub.add_parser("show", help="chi tiết một hộ: nhân khẩu, lịch sử, xét nghiệm, hàng")
    show.add_argument("household_id", type=int, metavar="MÃ_HỘ")
    show.add_argument("--json", action="store_true")
    show.add_argument("--show-ids", action="store_true", help="hiện đủ số CCCD")
    show.set_defaults(func=_show)

    status = sub.add_parser("status", help="ghi tình trạng sức khỏe của một người")
    status.add_argument("person_id", type=int, metavar="MÃ_NGƯỜI")
    status.add_argument("status", nargs="?", metavar="TÌNH_TRẠNG", help="F0, F1, F2 hoặc negative")
    status.add_argument("--isolation", default="", help="central, home, self hoặc none")
    status.add_argument("--from", dest="start", help="từ ngày (mặc định: hôm nay)")
    status.add_argument("--to", dest="end", help="đến ngày (mặc định: theo thiết lập)")
    status.add_argument("--author", default="", help="người ghi")
    status.add_argument("--note", default="")
    status.add_argument("--undo", action="store_true", help="hủy lần ghi gần nhất của người này")
    status.add_argument("--place", default="", help="nơi điều trị / cơ sở đã chuyển đến")
    status.set_defaults(func=_status)

    from fieldapp.health.cli import add_commands as add_followup_commands

    add_followup_commands(sub)

    work = sub.add_parser("worklist", help="việc hôm nay: hết cách ly, chưa xét nghiệm, ...")
    work.add_argument("--json", action="store_true")
    work.add_argument("--commune", default="", help="ở huyện: chỉ hộ do xã này gửi lên")
    work.set_defaults(func=_worklist)

    deliver = sub.add_parser("deliver", help="ghi hàng cứu trợ đã giao cho một hộ")
    deliver.add_argument("household_id", type=int, metavar="MÃ_HỘ")
    deliver.add_argument("--items", required=True, help='ví dụ "Gạo 10 kg, Mì tôm 1 thùng"')
    deliver.add_argument("--on", help="ngày giao (mặc định: hôm nay)")
    deliver.add_argument("--by", default="", help="người giao")
    deliver.add_argument("--received-by", default="", help="người nhận (ký nhận)")
    deliver.set_defaults(func=_deliver)

    test = sub.add_parser("test", help="đợt xét nghiệm và kết quả")
    test_sub = test.add_subparsers(dest="test_command", metavar="LỆNH")
    test.set_defaults(func=lambda _a: _help(test))
    tadd = test_sub.add_parser("add", help="thêm đợt xét nghiệm cho một khu vực")
    tadd.add_argument("--area", required=True)
    tadd.add_argument("--on", required=True, help="ngày xét nghiệm")
    tadd.add_argument("--kind", default="rapid", choices=("rapid", "pcr"))
    tadd.set_defaults(func=_test_add)
    tres = test_sub.add_parser("result", help="ghi kết quả của một người")
    tres.add_argument("round_id", type=int, metavar="MÃ_ĐỢT")
    tres.add_argument("person_id", type=int, metavar="MÃ_NGƯỜI")
    tres.add_argument("result", choices=("negative", "positive", "invalid", "none"))
    tres.set_defaults(func=_test_result)

    from fieldapp.households.print_cli import register as register_print

    register_print(sub)


def _help(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 0


def _db(args):
    from fieldapp.cli_support import open_db

    return open_db(args)


def _date(text: str | None) -> date | None:
    return None if text is None else parse_date(text)


# -- areas ---------------------------------------------------------------------------------------


def _area_add(args) -> int:
    from fieldapp.households.service import AreaInput, add_area

    db = _db(args)
    try:
        add_area(
            db,
            AreaInput(
                name=args.name,
                started_on=parse_date(args.start),
                planned_end=_date(args.planned_end),
                villages=args.villages,
                regime=args.regime,
                decision=args.decision,
                notes=args.notes,
            ),
        )
    finally:
        db.close()
    print(f"Đã thêm khu vực phong tỏa {args.name.strip()}.")
    return 0


def _area_list(args) -> int:
    from fieldapp.households.service import list_areas

    db = _db(args)
    try:
        areas = list_areas(db)
    finally:
        db.close()
    if args.json:
        print_json([asdict(a) for a in areas])
        return 0
    if not areas:
        print("Chưa có khu vực phong tỏa nào.")
    for a in areas:
        state = "đang phong tỏa" if a.in_force else "đã kết thúc"
        print(
            f"{a.name} ({a.regime}, từ {format_date(a.started_on)}, {state}): "
            f"{a.households} hộ, {a.people} người, F0 {a.f0}, F1 {a.f1}"
        )
    return 0


def _area_end(args) -> int:
    from fieldapp.households.service import find_area, update_area

    db = _db(args)
    try:
        area = find_area(db, args.name)
        data = area.as_input()
        data.ended_on = parse_date(args.on)
        update_area(db, area.id, data)
    finally:
        db.close()
    print(f"Khu vực {area.name} kết thúc phong tỏa ngày {args.on}.")
    return 0


# -- import / export -----------------------------------------------------------------------------


def _import(args) -> int:
    from fieldapp import gate
    from fieldapp.households.excel_import import apply_import, plan_preview, read_roster
    from fieldapp.households.service import find_area

    if args.undo:
        return _import_undo(args)
    if not args.file:
        raise UserError("Cần tên tệp danh sách (hoặc --undo để hoàn tác lần nhập gần nhất).")
    db = _db(args)
    try:
        if not args.dry_run:
            gate.require(db, "households")  # refused before the file is even read
        area = find_area(db, args.area)
        preview = read_roster(args.file)
        if args.save_attention:
            from fieldapp.households.attention import save_attention_rows

            saved = save_attention_rows(preview, args.save_attention)
            print(f"Đã lưu {saved} dòng cần xem lại vào {args.save_attention}.", file=sys.stderr)
        if args.dry_run:
            from fieldapp.households.excel_import import result_of

            plan_preview(db, preview, area.id)
            result = result_of(preview)
        else:
            author = args.author or gate.author_name(db.actor)
            result = apply_import(db, preview, area.id, author=author)
    finally:
        db.close()
    if args.json:
        data = result.as_json()
        data["dry_run"] = bool(args.dry_run)
        print_json(data)
        return 0
    verb = "Sẽ nhập (chưa ghi gì)" if args.dry_run else "Đã nhập"
    print(
        f"{verb} vào {area.name}: {result.households} hộ, {result.people} người, "
        f"F0: {result.f0}, F1: {result.f1}."
    )
    for sheet in result.sheets:
        if sheet.skipped:
            print(f"  trang {sheet.name}: bỏ qua ({sheet.skipped})")
        else:
            print(f"  trang {sheet.name}: {sheet.households} hộ, {sheet.people} người")
        for line in sheet.left_out_text():
            print(f"    không phải người, bỏ qua {line}")
    if not args.dry_run and not result.changed:
        print("  Danh sách giống hệt lần trước: không có gì thay đổi, không ghi gì.")
    print(
        f"  hộ mới {result.new_households}, hộ cập nhật {result.updated_households}; "
        f"người mới {result.new_people}, người cập nhật {result.updated_people}; "
        f"thay đổi tình trạng {result.status_changes}"
    )
    if result.rejected:
        print(f"Bỏ qua {len(result.rejected)} dòng không phải một người:")
        for problem in result.rejected:
            print(f"  {problem.text()}")
    if result.warnings:
        print(f"Cảnh báo {len(result.warnings)}:")
        for problem in result.warnings:
            print(f"  {problem.text()}")
    return 0


def _import_undo(args) -> int:
    from fieldapp.errors import NeedsConfirmation
    from fieldapp.households.excel_import import undo_import
    from fieldapp.households.service import find_area

    db = _db(args)
    try:
        area = find_area(db, args.area)
        try:
            record = undo_import(db, area.id, force=args.yes)
        except NeedsConfirmation as err:
            raise NeedsConfirmation(f"{err} (thêm --yes)") from None
    finally:
        db.close()
    if args.json:
        print_json(
            {
                "undone": record.id,
                "file": record.file_name,
                "households": record.households,
                "people": record.people,
            }
        )
        return 0
    print(
        f"Đã hoàn tác lần nhập tệp {record.file_name} vào {area.name} "
        f"({record.households} hộ, {record.people} người)."
    )
    return 0


def _export(args) -> int:
    from fieldapp.cli_support import confirm_personal_export
    from fieldapp.households.excel_export import export_households
    from fieldapp.households.service import find_area

    confirm_personal_export(args)
    db = _db(args)
    try:
        area_id = find_area(db, args.area).id if args.area else None
        result = export_households(db, args.file, area_id=area_id)
    finally:
        db.close()
    print(
        f"Đã xuất {result.households} hộ, {result.people} người "
        f"({result.sheets} trang) vào {result.path}"
    )
    if result.unknown_sex:
        print(
            f"  {result.unknown_sex} người chưa rõ giới tính: năm sinh không ghi được vào "
            "cột Nam/Nữ.",
            file=sys.stderr,
        )
    return 0


# -- households ----------------------------------------------------------------------------------


def _list(args) -> int:
    from fieldapp.households.listing import HouseholdFilter, household_ids, household_rows
    from fieldapp.households.service import find_area
    from fieldapp.sync.district import commune_of_devices, devices_of_commune

    db = _db(args)
    try:
        communes = commune_of_devices(db)
        if args.ending_days is not None and not 0 <= args.ending_days <= 366:
            raise UserError("--ending-days: số ngày phải từ 0 đến 366.")
        flt = HouseholdFilter(
            devices=devices_of_commune(db, args.commune) if args.commune else None,
            area_id=find_area(db, args.area).id if args.area else None,
            search=args.search,
            village=args.village,
            status=args.status,
            vulnerable=args.vulnerable,
            poor=args.poor,
            ending_within_days=args.ending_days,
        )
        ids = household_ids(db, flt)
        shown = ids[: args.limit] if args.limit else ids
        rows = household_rows(db, shown)
    finally:
        db.close()
    if args.json:
        from fieldapp import gate

        print_json(
            {
                "total": len(ids),
                "households": [
                    gate.mask_person(
                        db,
                        {
                            "id": r.id,
                            "area_id": r.area_id,
                            "commune": communes.get(r.device_id, ""),
                            "head": r.head_name,
                            "village": r.village,
                            "address": r.address,
                            "phone": r.phone,
                            "members": r.members,
                            "F0": r.f0,
                            "F1": r.f1,
                            "F2": r.f2,
                            "isolating": r.isolating,
                            "next_isolation_end": r.next_isolation_end,
                            "vulnerable": r.vulnerable,
                            "poor": r.poor,
                        },
                    )
                    for r in rows
                ],
            }
        )
        return 0
    for r in rows:
        marks = []
        if r.f0:
            marks.append(f"F0×{r.f0}")
        if r.f1:
            marks.append(f"F1×{r.f1}")
        if r.next_isolation_end:
            marks.append(f"hết cách ly {format_date(r.next_isolation_end)}")
        if r.vulnerable:
            marks.append("dễ tổn thương")
        if r.poor:
            marks.append("hộ nghèo")
        address = ", ".join(p for p in (r.address, r.village, communes.get(r.device_id)) if p)
        print(f"{r.id:>6}  {r.head_name} — {address} — {r.members} người  {' '.join(marks)}")
    print(f"Tổng: {len(ids)} hộ" + (f" (in {len(shown)})" if len(shown) < len(ids) else ""))
    return 0


def _show(args) -> int:
    from fieldapp.households.identity import mask_citizen_id
    from fieldapp.households.models import ISOLATIONS, STATUSES, TEST_RESULTS
    from fieldapp.households.service import household_detail

    db = _db(args)
    try:
        d = household_detail(db, args.household_id)
    finally:
        db.close()
    from fieldapp import gate

    if args.show_ids:
        gate.reveal(db, "số CCCD")  # viewers and nobody signed in: refused
    else:
        for m in d.members:
            m.citizen_id = mask_citizen_id(m.citizen_id) or None
            m.id_typed = mask_citizen_id(m.id_typed)  # a number kept as typed is one too
    if not gate.sees_personal_data(db):
        for m in d.members:
            m.phone = gate.mask_phone(db, m.phone)
            m.status = gate.mask_health(db, m.status)
        d.data.phone = gate.mask_phone(db, d.data.phone)
    if args.json:
        data = asdict(d)
        data["address"] = d.address
        print_json(data)
        return 0
    print(f"Hộ {d.id}: {d.head_name} — {d.address} ({d.area_name})")
    if d.data.phone:
        print(f"  Điện thoại: {d.data.phone}")
    print(f"Nhân khẩu ({len(d.members)}):")
    for m in d.members:
        status = STATUSES.get(m.status, "")
        if m.isolation:
            status += f", {ISOLATIONS[m.isolation].lower()}"
            if m.isolation_end:
                status += f" đến {format_date(m.isolation_end)}"
        born = m.birth_year or ""
        print(
            f"  [{m.id}] {m.full_name} ({born}) {m.relation}"
            + (f" CCCD {m.citizen_id}" if m.citizen_id else "")
            + (f" — {status}" if status else "")
        )
    if d.history:
        print("Lịch sử tình trạng:")
        for e in d.history:
            cancelled = " (đã hủy)" if e.cancelled_at else ""
            print(
                f"  {format_date(e.start)} {e.member_name}: {STATUSES[e.status]} "
                f"— ghi bởi {e.author or '—'}{cancelled}"
            )
    for t in d.tests:
        print(f"  Xét nghiệm {format_date(t.held_on)} {t.member_name}: {TEST_RESULTS[t.result]}")
    for delivery in d.deliveries:
        print(f"  Nhận hàng {format_date(delivery.delivered_on)}: {delivery.items_text()}")
    return 0


def _status(args) -> int:
    from fieldapp.households.service import cancel_status, change_status, status_history

    status = STATUS_WORDS.get(fold(args.status or ""))
    if status is None and not args.undo:
        raise UserError(
            "Tình trạng phải là F0, F1, F2, negative (âm tính), recovered (khỏi bệnh), "
            "facility (chuyển cơ sở điều trị) hoặc died (tử vong)."
        )
    isolation = ISOLATION_WORDS.get(fold(args.isolation or "none"))
    if isolation is None:
        raise UserError("Hình thức cách ly phải là central, home, self hoặc none.")
    db = _db(args)
    try:
        if args.undo:
            entries = [
                e for e in status_history(db, member_id=args.person_id) if not e.cancelled_at
            ]
            if not entries:
                raise UserError("Người này chưa có lần ghi tình trạng nào để hủy.")
            cancel_status(db, entries[0].id, args.author)
            print("Đã hủy lần ghi tình trạng gần nhất.")
            return 0
        if status in ("recovered", "facility", "died"):
            from fieldapp.health.outcomes import record_outcome

            record_outcome(
                db,
                args.person_id,
                status,
                on=_date(args.start),
                place=args.place,
                note=args.note,
                author=args.author,
            )
            from fieldapp.households.models import STATUSES

            print(f"Đã ghi: {STATUSES[status]}.")
            return 0
        change_status(
            db,
            args.person_id,
            status,
            isolation=isolation,
            start=_date(args.start),
            end=_date(args.end),
            author=args.author,
            note=args.note,
            place=args.place,
        )
    finally:
        db.close()
    print("Đã ghi tình trạng.")
    return 0


def _worklist(args) -> int:
    from fieldapp.households.worklists import (
        empty_houses,
        ids_to_check,
        isolation_ending,
        latest_rounds,
        not_tested,
        unsupplied_vulnerable,
    )
    from fieldapp.sync.district import commune_of_devices, devices_of_commune

    db = _db(args)
    try:
        lists = {
            "isolation_ending": isolation_ending(db),
            "not_tested": [
                line for rid in latest_rounds(db).values() for line in not_tested(db, rid)
            ],
            "empty_houses": empty_houses(db),
            "unsupplied_vulnerable": unsupplied_vulnerable(db),
            "ids_to_check": ids_to_check(db),
        }
        communes = commune_of_devices(db)
        if args.commune:
            devices = set(devices_of_commune(db, args.commune))
            lists = {k: [x for x in v if x.device_id in devices] for k, v in lists.items()}
    finally:
        db.close()
    if args.json:
        from fieldapp import gate

        print_json(
            {
                k: [
                    gate.mask_person(
                        db, {**asdict(line), "commune": communes.get(line.device_id, "")}
                    )
                    for line in v
                ]
                for k, v in lists.items()
            }
        )
        return 0
    titles = {
        "isolation_ending": "Hết cách ly hôm nay hoặc ngày mai",
        "not_tested": "Chưa xét nghiệm đợt này",
        "empty_houses": "Nhà không có người (cả hộ cách ly tập trung): cần công an trông coi",
        "unsupplied_vulnerable": "Hộ dễ tổn thương chưa được tiếp tế 7 ngày qua",
        "ids_to_check": "Số giấy tờ cần kiểm tra",
    }
    for key, lines in lists.items():
        print(f"{titles[key]}: {len(lines)} hộ")
        for line in lines:
            names = ", ".join(p.full_name + (f" ({p.note})" if p.note else "") for p in line.people)
            where = ", ".join(p for p in (line.village, communes.get(line.device_id)) if p)
            print(f"  [{line.household_id}] {line.head_name} ({where}) {names}")
    return 0


def _deliver(args) -> int:
    from fieldapp.households.service import parse_items, record_delivery

    items = parse_items(args.items)
    db = _db(args)
    try:
        record_delivery(
            db,
            args.household_id,
            _date(args.on) or date.today(),
            items,
            delivered_by=args.by,
            received_by=args.received_by,
        )
    finally:
        db.close()
    print("Đã ghi: " + ", ".join(i.text() for i in items))
    return 0


def _test_add(args) -> int:
    from fieldapp.households.service import add_test_round, find_area

    db = _db(args)
    try:
        area = find_area(db, args.area)
        round_id = add_test_round(db, area.id, parse_date(args.on), args.kind)
    finally:
        db.close()
    print(f"Đã thêm đợt xét nghiệm {round_id} cho {area.name}.")
    return 0


def _test_result(args) -> int:
    from fieldapp.households.service import record_test_results

    db = _db(args)
    try:
        result = "" if args.result == "none" else args.result
        record_test_results(db, args.round_id, {args.person_id: result})
    finally:
        db.close()
    print("Đã ghi kết quả.")
    return 0
