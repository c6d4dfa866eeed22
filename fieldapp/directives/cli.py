"""``fieldapp directive parse FILE [--json]``: read a directive file and show what was found.

No database is touched: this is for checking a received file before it is imported.
"""

from __future__ import annotations

import argparse
import json

from fieldapp.directives.extract import extract_text
from fieldapp.directives.parser import ParsedDirective, parse_directive

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
    """Add ``directive parse`` to the ``fieldapp`` command line."""
    directive = subparsers.add_parser("directive", help="văn bản chỉ đạo")
    sub = directive.add_subparsers(dest="directive_command", metavar="SUBCOMMAND")
    parse = sub.add_parser("parse", help="đọc một văn bản (.txt, .pdf, .docx) và tách các trường")
    parse.add_argument("file", metavar="FILE", help="tệp văn bản")
    parse.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    parse.set_defaults(func=_parse_command)
    directive.set_defaults(func=lambda _args: _help(directive))


def _help(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 0


def _parse_command(args: argparse.Namespace) -> int:
    parsed = parse_directive(extract_text(args.file))
    if args.json:
        print(json.dumps(parsed.to_json_dict(), ensure_ascii=False, indent=2))
    else:
        print(summary(parsed))
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
