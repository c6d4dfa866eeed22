"""``fieldapp directive ...``: the directive register on the command line.

``parse FILE`` reads a received file and shows what was found (no database is touched);
``import FILE...`` registers files (original kept, duplicates reported and skipped);
``list``, ``search``, ``show`` and ``due`` read the register; ``item status``, ``item note``
and ``item assign`` follow an item up, as the window does. Every command takes ``--json``
where it prints something.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date

from fieldapp.cli_support import print_json
from fieldapp.directives.parser import ParsedDirective

_FIELD_NAMES = {
    "number": "số, ký hiệu",
    "kind": "loại văn bản",
    "issuer": "cơ quan ban hành",
    "place": "địa danh",
    "issued_on": "ngày ban hành",
    "subject": "trích yếu",
    "recipients": "nơi gửi (Kính gửi)",
    "items": "các mục công việc",
    "signer": "người ký",
    "signer_title": "chức vụ người ký",
}


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``directive ...`` to the ``fieldapp`` command line."""
    directive = subparsers.add_parser("directive", help="văn bản chỉ đạo")
    sub = directive.add_subparsers(dest="directive_command", metavar="LỆNH")
    parse = sub.add_parser(
        "parse",
        help="đọc một văn bản (.docx, .doc, .odt, .rtf, .htm/.mht, .pdf có chữ hoặc bản quét, ảnh .png/.jpg/.tif/.heic, .txt) và tách các trường; nhận dạng chữ (OCR) khi cần",
    )
    parse.add_argument("file", metavar="FILE", help="tệp văn bản")
    parse.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    parse.set_defaults(func=_parse_command)

    imp = sub.add_parser(
        "import",
        help="vào sổ một hay nhiều văn bản (.docx, .doc, .odt, .rtf, .htm, .pdf, bản quét, ảnh chụp, .txt)",
    )
    imp.add_argument("files", metavar="FILE", nargs="+", help="tệp văn bản")
    imp.add_argument("--arrival-date", help="ngày đến (dd/mm/yyyy; mặc định: hôm nay)")
    imp.add_argument("--routed-to", default="", help="chuyển cho (người hoặc đơn vị xử lý)")
    imp.add_argument("--handling", default="", help="ý kiến chỉ đạo xử lý")
    imp.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    imp.set_defaults(func=_import_command)

    lst = sub.add_parser("list", help="sổ văn bản chỉ đạo (mới đến trước)")
    lst.add_argument("--status", help="trạng thái: mới, đang làm, xong, đã báo cáo")
    lst.add_argument("--urgency", help="độ khẩn: Khẩn, Thượng khẩn, Hỏa tốc")
    lst.add_argument("--issuer", help="cơ quan ban hành (một phần tên, không cần dấu)")
    lst.add_argument("--from", dest="date_from", help="từ ngày (dd/mm/yyyy)")
    lst.add_argument("--to", dest="date_to", help="đến ngày (dd/mm/yyyy)")
    lst.add_argument("--overdue", action="store_true", help="chỉ văn bản có mục quá hạn")
    lst.add_argument("--due-today", action="store_true", help="chỉ văn bản có mục đến hạn hôm nay")
    lst.add_argument("--commune", default="", help="ở huyện: chỉ văn bản do xã này ghi vào sổ")
    lst.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    lst.set_defaults(func=_list_command)

    find = sub.add_parser("search", help="tìm trong văn bản và các mục (không phân biệt dấu)")
    find.add_argument("query", metavar="QUERY", help='từ cần tìm, ví dụ: "phong toa"')
    find.add_argument("--limit", type=int, default=50, help="số văn bản tối đa (mặc định 50)")
    find.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    find.set_defaults(func=_search_command)

    show = sub.add_parser("show", help="xem một văn bản với các mục và ghi chú")
    show.add_argument("ref", metavar="ID|SỐ", help="mã trong sổ hoặc số, ký hiệu (235-CV/HU)")
    show.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    show.set_defaults(func=_show_command)

    due = sub.add_parser("due", help="các mục đến hạn hôm nay và quá hạn")
    due.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    due.set_defaults(func=_due_command)

    delete = sub.add_parser("delete", help="xóa một văn bản khỏi sổ (tệp gốc vẫn giữ)")
    delete.add_argument("ref", metavar="ID|SỐ")
    delete.add_argument("--yes", action="store_true", help="xác nhận xóa")
    delete.set_defaults(func=_delete_command)

    item = sub.add_parser("item", help="theo dõi một mục công việc")
    item_sub = item.add_subparsers(dest="item_command", metavar="LỆNH")
    status = item_sub.add_parser("status", help="đổi trạng thái một mục")
    status.add_argument("item", metavar="ITEM", type=int, help="mã mục (xem: directive show)")
    status.add_argument("status", metavar="STATUS", help="mới, đang làm, xong, đã báo cáo")
    status.set_defaults(func=_item_status_command)
    note = item_sub.add_parser("note", help="ghi tiến độ một mục")
    note.add_argument("item", metavar="ITEM", type=int)
    note.add_argument("text", metavar="TEXT")
    note.add_argument("--date", help="ngày ghi (dd/mm/yyyy; mặc định: hôm nay)")
    note.add_argument("--author", default="", help="người ghi")
    note.set_defaults(func=_item_note_command)
    assign = item_sub.add_parser("assign", help="giao một mục: đơn vị, người phụ trách, hạn")
    assign.add_argument("item", metavar="ITEM", type=int)
    assign.add_argument("--unit", help="đơn vị của xã thực hiện")
    assign.add_argument("--person", help="người phụ trách")
    assign.add_argument("--due", help='hạn: "13/09/2021 15:00", "hằng ngày 16:00"; "" để bỏ')
    assign.set_defaults(func=_item_assign_command)
    item.set_defaults(func=lambda _args: _help(item))
    directive.set_defaults(func=lambda _args: _help(directive))


def _help(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 0


def _parse_command(args: argparse.Namespace) -> int:
    from fieldapp.directives.reading import read_directive

    reading = read_directive(args.file)
    if args.json:
        print_json(reading.to_json_dict())
    else:
        print(summary(reading.parsed))
        if reading.extracted.ocr:
            ocr = reading.extracted.ocr
            print(
                f"Nhận dạng chữ (OCR): {ocr.pages} trang, độ tin cậy {ocr.mean_confidence:.0f}/100"
            )
        if reading.extracted.legacy_encoding:
            from fieldapp.text.legacy import font_name

            font = font_name(reading.extracted.legacy_encoding)
            print(f"Gõ bằng phông chữ cũ {font}: đã chuyển sang Unicode, hãy kiểm tra dấu.")
        if reading.flags:
            print("Cần kiểm tra: " + ", ".join(reading.flags))
    return 0


def summary(d: ParsedDirective) -> str:
    """A short Vietnamese summary, one fact a line."""
    dash = "—"
    lines = [
        f"Văn bản: {d.kind or dash} số {d.number or dash}",
        f"Cơ quan ban hành: {d.issuer or dash}",
        f"Ngày: {d.issued_on.strftime('%d/%m/%Y') if d.issued_on else dash}"
        + (f" tại {d.place}" if d.place else ""),
        f"Trích yếu: {d.subject or dash}",
    ]
    marks = [m for m in (d.urgency, d.secrecy) if m]
    if marks:
        lines.append(f"Độ khẩn/mật: {', '.join(marks)}")
    signer = d.signer or dash
    if d.signer_title:
        signer += f" ({d.signer_title})"
    lines.append(f"Người ký: {signer}")
    lines.append(f"Kính gửi: {len(d.recipients)} nơi")
    lines.append(f"Các mục: {len(d.items)}")
    for item in d.items:
        first = item.text.split("\n", 1)[0]
        if len(first) > 70:
            first = first[:69] + "…"
        extra = []
        if item.units:
            extra.append("đơn vị: " + "; ".join(item.units))
        if item.due:
            extra.append("hạn: " + item.due)
        tail = f" [{' | '.join(extra)}]" if extra else ""
        lines.append(f"  {item.label}. {first}{tail}")
    if d.references:
        lines.append("Văn bản viện dẫn: " + ", ".join(d.references))
    if d.missing:
        lines.append("Không tìm thấy: " + ", ".join(_FIELD_NAMES.get(m, m) for m in d.missing))
    return "\n".join(lines)


# --- the register -----------------------------------------------------------------------------


def _db(args: argparse.Namespace):
    from fieldapp.cli_support import open_db

    return open_db(args)


def _date(text: str | None) -> date | None:
    from fieldapp.text.vietnamese import parse_date

    return parse_date(text) if text else None


def _import_command(args: argparse.Namespace) -> int:
    from fieldapp.directives.register import import_file
    from fieldapp.errors import UserError

    arrival = _date(args.arrival_date)
    db = _db(args)
    results = []
    failed = 0
    try:
        for name in args.files:
            try:
                result = import_file(
                    db, name, arrival_date=arrival, routed_to=args.routed_to, handling=args.handling
                )
            except UserError as err:
                failed += 1
                results.append({"file": name, "status": "error", "message": str(err)})
                if not args.json:
                    print(f"fieldapp: {name}: {err}", file=sys.stderr)
                continue
            results.append(result.to_json_dict())
            if not args.json:
                print(_import_line(result))
    finally:
        db.close()
    if args.json:
        print_json(results)
    return 2 if failed else 0


def _import_line(result) -> str:
    from fieldapp.directives.register import FIELD_NAMES

    if result.status == "duplicate":
        return f"{result.source}: bỏ qua, {result.message}"
    line = (
        f"{result.source}: đã vào sổ {result.title}, số đến {result.arrival_number}, "
        f"{result.items} mục"
    )
    if result.missing:
        line += "; cần bổ sung: " + ", ".join(FIELD_NAMES.get(m, m) for m in result.missing)
    return line


def _list_command(args: argparse.Namespace) -> int:
    from fieldapp.directives.models import STATUSES
    from fieldapp.directives.register import DirectiveFilter, list_directives, status_code
    from fieldapp.text.vietnamese import format_date

    flt = DirectiveFilter(
        status=status_code(args.status) if args.status else None,
        urgency=args.urgency,
        issuer=args.issuer,
        date_from=_date(args.date_from),
        date_to=_date(args.date_to),
        overdue=args.overdue,
        due_today=args.due_today,
    )
    db = _db(args)
    try:
        from fieldapp.sync.district import commune_of_devices, devices_of_commune

        communes = commune_of_devices(db)
        if args.commune:
            flt.devices = devices_of_commune(db, args.commune)
        rows = list_directives(db, flt)
    finally:
        db.close()
    if args.json:
        print_json([{**r.to_json_dict(), "commune": communes.get(r.device_id, "")} for r in rows])
        return 0
    for r in rows:
        when = format_date(r.issued_on) or "—"
        marks = " ".join(m for m in (r.urgency, "QUÁ HẠN" if r.overdue else "") if m)
        print(
            f"[{r.id}] số đến {r.arrival_number or '—'}  {r.title}  ({r.issuer or '—'}, {when})"
            f"  {STATUSES[r.status]} {r.finished}/{r.items_total}"
            + (f"  {marks}" if marks else "")
            + (f"  [{communes[r.device_id]}]" if r.device_id in communes else "")
        )
    print(f"{len(rows)} văn bản")
    return 0


def _search_command(args: argparse.Namespace) -> int:
    from fieldapp.directives.search import search

    db = _db(args)
    try:
        hits = search(db, args.query, limit=max(1, args.limit))
    finally:
        db.close()
    if args.json:
        print_json([h.to_json_dict() for h in hits])
        return 0
    for h in hits:
        print(f"[{h.directive_id}] {h.title}: {h.snippet.marked()}")
        for i in h.items:
            print(f"    mục {i.label}: {i.snippet.marked()}")
    print(f"{len(hits)} văn bản")
    return 0


def _show_command(args: argparse.Namespace) -> int:
    from fieldapp.directives.register import FIELD_NAMES, find_directive, get_directive
    from fieldapp.text.vietnamese import format_date

    db = _db(args)
    try:
        d = get_directive(db, find_directive(db, args.ref))
    finally:
        db.close()
    if args.json:
        print_json(d.to_json_dict())
        return 0
    dash = "—"
    print(f"[{d.id}] {d.title}")
    print(f"Cơ quan ban hành: {d.issuer or dash}; ngày {format_date(d.issued_on) or dash}")
    print(f"Trích yếu: {d.subject or dash}")
    if d.urgency or d.secrecy:
        print(f"Độ khẩn/mật: {', '.join(m for m in (d.urgency, d.secrecy) if m)}")
    print(f"Số đến: {d.arrival_number or dash}, ngày đến {format_date(d.arrival_date) or dash}")
    if d.routed_to:
        print(f"Chuyển cho: {d.routed_to}")
    if d.handling:
        print(f"Ý kiến xử lý: {d.handling}")
    if d.document:
        print(f"Tệp gốc: {d.document.original_name} (SHA-256 {d.document.sha256[:16]}…)")
    if d.missing:
        print("Còn thiếu: " + ", ".join(FIELD_NAMES.get(m, m) for m in d.missing))
    for i in d.items:
        first = i.text.split("\n", 1)[0]
        first = first if len(first) <= 70 else first[:69] + "…"
        extra = [i.status_name]
        if i.due.display():
            extra.append("hạn " + i.due.display())
        if i.responsible_unit:
            extra.append(i.responsible_unit)
        print(f"  #{i.id} mục {i.label}. {first} [{' | '.join(extra)}]")
        for n in i.notes:
            print(f"      {format_date(n.noted_on)}: {n.text}")
    return 0


def _due_command(args: argparse.Namespace) -> int:
    from fieldapp.directives.register import items_due

    db = _db(args)
    try:
        due = items_due(db)
    finally:
        db.close()
    if args.json:
        print_json(
            {
                "overdue": [e.to_json_dict() for e in due.overdue],
                "today": [e.to_json_dict() for e in due.today],
            }
        )
        return 0
    for heading, entries in (("Quá hạn", due.overdue), ("Đến hạn hôm nay", due.today)):
        print(f"{heading}: {len(entries)}")
        for e in entries:
            who = e.item.responsible_unit or "chưa giao"
            print(
                f"  #{e.item.id} {e.directive_title}, mục {e.item.label}: hạn "
                f"{e.item.due.display()} ({who}, {e.item.status_name})"
            )
    return 0


def _delete_command(args: argparse.Namespace) -> int:
    from fieldapp.directives.register import delete_directive, find_directive, get_directive
    from fieldapp.errors import UserError

    db = _db(args)
    try:
        directive_id = find_directive(db, args.ref)
        title = get_directive(db, directive_id).title
        if not args.yes:
            raise UserError(f"Xóa {title} khỏi sổ? Thêm --yes để xác nhận.")
        delete_directive(db, directive_id)
    finally:
        db.close()
    print(f"Đã xóa {title} khỏi sổ (tệp gốc vẫn được giữ).")
    return 0


def _item_status_command(args: argparse.Namespace) -> int:
    from fieldapp.directives.models import STATUSES
    from fieldapp.directives.register import set_item_status, status_code

    code = status_code(args.status)
    db = _db(args)
    try:
        old = set_item_status(db, args.item, code)
    finally:
        db.close()
    print(f"Mục {args.item}: {STATUSES[old]} → {STATUSES[code]}")
    return 0


def _item_note_command(args: argparse.Namespace) -> int:
    from fieldapp.directives.register import add_note

    db = _db(args)
    try:
        add_note(db, args.item, args.text, noted_on=_date(args.date), author=args.author)
    finally:
        db.close()
    print(f"Đã ghi tiến độ cho mục {args.item}.")
    return 0


def _item_assign_command(args: argparse.Namespace) -> int:
    from fieldapp.directives.register import update_item
    from fieldapp.errors import UserError

    changes = {
        key: value
        for key, value in (
            ("responsible_unit", args.unit),
            ("responsible_person", args.person),
            ("due", args.due),
        )
        if value is not None
    }
    if not changes:
        raise UserError("Chưa nói cần giao gì: dùng --unit, --person hoặc --due.")
    db = _db(args)
    try:
        update_item(db, args.item, changes)
    finally:
        db.close()
    print(f"Đã cập nhật mục {args.item}.")
    return 0
