"""``fieldapp audit verify`` and ``fieldapp audit list``."""

from __future__ import annotations

import argparse
import json

from fieldapp.cli_support import print_json, print_table
from fieldapp.errors import DamagedData


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    audit = subparsers.add_parser("audit", help="nhật ký thay đổi dữ liệu")
    sub = audit.add_subparsers(dest="audit_command", required=True, metavar="LỆNH")
    verify = sub.add_parser("verify", help="kiểm tra nhật ký có bị sửa hay xóa không")
    verify.add_argument("--json", action="store_true")
    verify.set_defaults(func=_cmd_verify)
    show = sub.add_parser("list", help="xem các thay đổi mới nhất")
    show.add_argument("--table", help="chỉ một bảng")
    show.add_argument("--actor", help="chỉ một người (tên đăng nhập)")
    show.add_argument("--action", choices=("create", "update", "delete"))
    show.add_argument("--limit", type=int, default=50)
    show.add_argument("--json", action="store_true")
    show.set_defaults(func=_cmd_list)


def _cmd_verify(args: argparse.Namespace) -> int:
    from fieldapp.audit.trail import verify
    from fieldapp.cli_support import open_db

    db = open_db(args)
    try:
        report = verify(db)
    finally:
        db.close()
    if args.json:
        print(
            json.dumps(
                {
                    "ok": report.ok,
                    "entries": report.entries,
                    "broken_at": report.broken_at,
                    "problems": ([report.reason] if report.broken_at else [])
                    + list(report.anchor_problems),
                },
                ensure_ascii=False,
            )
        )
    elif report.ok:
        print(f"Nhật ký nguyên vẹn: {report.entries} mục.")
    if not report.ok:
        raise DamagedData(f"Nhật ký đã bị can thiệp: {report.text()}.")
    return 0


def _cmd_list(args: argparse.Namespace) -> int:
    from fieldapp.audit.trail import browse
    from fieldapp.cli_support import open_db

    db = open_db(args)
    try:
        entries = browse(
            db, table=args.table, actor=args.actor, action=args.action, limit=args.limit
        )
    finally:
        db.close()
    rows = [
        {
            "id": e.id,
            "at": e.at.isoformat(),
            "actor": e.actor,
            "action": e.action,
            "table": e.table_name,
            "record": e.record,
            "before": json.loads(e.before) if e.before else None,
            "after": json.loads(e.after) if e.after else None,
        }
        for e in entries
    ]
    if args.json:
        print_json(rows)
    else:
        print_table(
            (
                r["id"],
                r["at"],
                r["actor"] or "(một người dùng)",
                r["action"],
                r["table"],
                r["record"],
            )
            for r in rows
        )
    return 0
