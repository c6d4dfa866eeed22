"""``fieldapp report ...``: the reports upward on the command line.

``daily``, ``weekly`` and ``directive`` write a draft PDF (no number; nothing stored) from the
registers as they stand, with ``--set PART=TEXT`` / ``--parts FILE.json`` for reworded text
and ``--json`` for the figures; ``issue`` numbers, freezes and stores a report (``--replace
NUMBER`` issues a new version of an issued one); ``list`` shows issued reports and drafts;
``pdf`` writes the stored PDF of an issued report.
"""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path

from fieldapp import json_input
from fieldapp.cli_support import print_json
from fieldapp.errors import UserError


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``report ...`` to the ``fieldapp`` command line."""
    report = subparsers.add_parser("report", help="báo cáo lên cấp trên (báo cáo nhanh, tuần, ...)")
    sub = report.add_subparsers(dest="report_command", metavar="LỆNH", required=True)

    daily = sub.add_parser("daily", help="báo cáo nhanh một ngày (bản nháp PDF)")
    _period_args(daily)
    daily.set_defaults(func=_draft_command, kind="daily")

    weekly = sub.add_parser("weekly", help="báo cáo tổng hợp bảy ngày đến hết ngày --date")
    _period_args(weekly)
    weekly.set_defaults(func=_draft_command, kind="weekly")

    directive = sub.add_parser(
        "directive", help="báo cáo kết quả thực hiện một văn bản chỉ đạo (bản nháp PDF)"
    )
    directive.add_argument("directive", metavar="SỐ", help="số, ký hiệu (235-CV/HU) hoặc mã")
    _period_args(directive)
    directive.set_defaults(func=_draft_command, kind="directive")

    issue = sub.add_parser("issue", help="ban hành: cấp số, lưu PDF và mã kiểm tra")
    issue.add_argument("kind", choices=("daily", "weekly", "directive"), help="loại báo cáo")
    issue.add_argument("directive", nargs="?", metavar="SỐ", help="văn bản (với directive)")
    issue.add_argument("--date", help="ngày báo cáo (YYYY-MM-DD hoặc dd/mm/yyyy; mặc định hôm nay)")
    issue.add_argument("--replace", metavar="SỐ", help="ban hành phiên bản mới thay báo cáo số này")
    issue.add_argument("--by", default="", help="người ban hành")
    _text_args(issue)
    issue.add_argument("-o", "--output", help="ghi thêm một bản PDF ra tệp này")
    issue.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    issue.set_defaults(func=_issue_command)

    lst = sub.add_parser("list", help="các báo cáo đã ban hành và bản nháp")
    lst.add_argument("--year", type=int, help="chỉ năm này")
    lst.add_argument("--commune", default="", help="ở huyện: chỉ báo cáo của xã này")
    lst.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    lst.set_defaults(func=_list_command)

    status = sub.add_parser(
        "status", help="báo cáo nhanh hôm nay: đã ban hành chưa, đã gửi chưa, hạn gửi lúc mấy giờ"
    )
    status.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    status.set_defaults(func=_status_command)

    pdf = sub.add_parser("pdf", help="ghi tệp PDF đã lưu của một báo cáo đã ban hành")
    pdf.add_argument("ref", metavar="SỐ", help="số (12/BC-UBND, 12/2021) hoặc mã báo cáo")
    pdf.add_argument("-o", "--output", required=True, help="tệp PDF")
    pdf.set_defaults(func=_pdf_command)


def _text_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="PHẦN=VĂN BẢN",
        help="sửa một phần lời văn (ví dụ: difficulties=Thiếu test nhanh.)",
    )
    parser.add_argument("--parts", metavar="FILE.json", help='các phần lời văn: {"phần": "..."}')


def _period_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--date", help="ngày báo cáo (YYYY-MM-DD hoặc dd/mm/yyyy; mặc định hôm nay)"
    )
    parser.add_argument("-o", "--output", required=True, help="tệp PDF")
    _text_args(parser)
    parser.add_argument("--json", action="store_true", help="in số liệu và lời văn dạng JSON")


def _day(text: str | None) -> date:
    if not text:
        return date.today()
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        from fieldapp.text.vietnamese import parse_date

        try:
            return parse_date(text)
        except (ValueError, UserError):
            raise UserError(
                f"Ngày không hợp lệ: {text} (viết YYYY-MM-DD hoặc dd/mm/yyyy)."
            ) from None


def _edits(args: argparse.Namespace) -> dict[str, str]:
    edits: dict[str, str] = {}
    if getattr(args, "parts", None):
        try:
            data = json_input.loads(Path(args.parts).read_text("utf-8"))
        except OSError as exc:
            raise UserError(f"Không đọc được tệp {args.parts}.") from exc
        except ValueError as exc:
            raise UserError(f"Tệp {args.parts} không phải JSON hợp lệ.") from exc
        if not isinstance(data, dict) or not all(isinstance(v, str) for v in data.values()):
            raise UserError(f'Tệp {args.parts} phải có dạng {{"phần": "lời văn"}}.')
        edits.update(data)
    for item in args.set:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise UserError(f"--set cần dạng PHẦN=VĂN BẢN, không phải: {item}")
        edits[key.strip()] = value.replace("\\n", "\n")
    return edits


def _output(path: str) -> Path:
    from fieldapp.files import output_target

    if Path(path).suffix.lower() != ".pdf":
        raise UserError(f"Tệp ra phải có đuôi .pdf: {path}")
    return output_target(path)


def _write(target: Path, data: bytes) -> None:
    from fieldapp.files import replacing

    with replacing(target) as partial:
        partial.write_bytes(data)


def _draft_command(args: argparse.Namespace) -> int:
    from fieldapp.cli_support import open_db
    from fieldapp.reports.render import build_report, spec_for

    target = _output(args.output)
    edits = _edits(args)
    db = open_db(args)
    try:
        spec = spec_for(db, args.kind, _day(args.date), getattr(args, "directive", None))
        built = build_report(db, spec, edits)
        data, pages = built.pdf()
    finally:
        db.close()
    _write(target, data)
    if args.json:
        print(
            json.dumps(
                {
                    "output": str(target),
                    "pages": pages,
                    "title": built.title,
                    "figures": built.figures,
                    "parts": built.parts,
                },
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        print(f"{target}: {pages} trang (bản nháp chưa có số; ban hành: fieldapp report issue)")
    return 0


def _issue_command(args: argparse.Namespace) -> int:
    from fieldapp.cli_support import open_db
    from fieldapp.reports.issue import find_report, issue_report, new_version, report_pdf
    from fieldapp.reports.render import spec_for

    target = _output(args.output) if args.output else None
    edits = _edits(args)
    db = open_db(args)
    try:
        if args.replace:
            old = find_report(db, args.replace)
            draft = new_version(db, old.id, edits)
            record = issue_report(db, draft_id=draft.id, issued_by=args.by)
        else:
            spec = spec_for(db, args.kind, _day(args.date), args.directive)
            record = issue_report(db, spec, edits, issued_by=args.by)
        data = report_pdf(db, record.id) if target else b""
    finally:
        db.close()
    if target:
        _write(target, data)
    if args.json:
        print_json(record.to_json())
    else:
        print(
            f"Đã ban hành báo cáo số {record.number_text} (lần {record.version}): "
            f"{record.title}; {record.pages} trang; SHA-256 {record.sha256}"
        )
    return 0


def _list_command(args: argparse.Namespace) -> int:
    from fieldapp.cli_support import open_db
    from fieldapp.reports.issue import list_reports
    from fieldapp.sync.district import commune_of_devices, devices_of_commune, only_devices
    from fieldapp.text.vietnamese import format_date

    db = open_db(args)
    try:
        devices = devices_of_commune(db, args.commune) if args.commune else None
        reports = only_devices(list_reports(db, year=args.year), devices)
        communes = commune_of_devices(db)
    finally:
        db.close()
    if args.json:
        print_json([{**r.to_json(), "commune": communes.get(r.device_id, "")} for r in reports])
        return 0
    if not reports:
        print("Chưa có báo cáo nào.")
    for r in reports:
        number = r.number_text or "(chưa có số)"
        commune = communes.get(r.device_id, "")
        print(
            f"{r.id:>4}  {number:<14} lần {r.version}  {r.state_name:<18} "
            f"{format_date(r.period_end)}  {r.title}" + (f"  [{commune}]" if commune else "")
        )
    return 0


def _status_command(args: argparse.Namespace) -> int:
    from datetime import datetime

    from fieldapp.cli_support import open_db
    from fieldapp.reports.deadline import daily_report_state

    db = open_db(args)
    try:
        now = datetime.now()
        state = daily_report_state(db, now)
    finally:
        db.close()
    if args.json:
        print_json(state.to_json(now))
        return 0
    due = state.due_at.strftime("%H:%M")
    if state.sent:
        print(f"Báo cáo nhanh hôm nay số {state.number_text} đã ban hành và đã gửi.")
    elif state.issued:
        print(f"Báo cáo nhanh hôm nay số {state.number_text} đã ban hành, CHƯA GỬI (hạn {due}).")
    else:
        late = " — ĐÃ QUÁ HẠN" if state.late(now) else ""
        print(f"Báo cáo nhanh hôm nay chưa ban hành (hạn gửi {due}){late}.")
    return 0


def _pdf_command(args: argparse.Namespace) -> int:
    from fieldapp.cli_support import open_db
    from fieldapp.reports.issue import find_report, report_pdf

    target = _output(args.output)
    db = open_db(args)
    try:
        record = find_report(db, args.ref)
        data = report_pdf(db, record.id)
    finally:
        db.close()
    _write(target, data)
    print(f"{target}: báo cáo số {record.number_text or '(nháp)'} lần {record.version}")
    return 0
