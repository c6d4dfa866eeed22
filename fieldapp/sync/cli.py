"""``fieldapp sync export/import/trust/fingerprint/peers/conflicts``."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from fieldapp.errors import UserError


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    sync = subparsers.add_parser("sync", help="gói dữ liệu gửi huyện (USB, Zalo) không cần mạng")
    sub = sync.add_subparsers(dest="sync_command", required=True, metavar="SUBCOMMAND")

    export = sub.add_parser("export", help="tạo gói các thay đổi kể từ gói trước")
    export.add_argument("-o", "--output", required=True, help="tệp gói hoặc thư mục (USB)")
    export.add_argument("--full", action="store_true", help="gửi toàn bộ dữ liệu")
    export.add_argument("--destination", default="district", help="nơi nhận (mặc định: huyện)")
    export.add_argument("--json", action="store_true")
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
    trust.set_defaults(func=_cmd_trust)

    mine = sub.add_parser("fingerprint", help="dấu vân tay khóa của máy này (đọc cho huyện)")
    mine.set_defaults(func=_cmd_fingerprint)

    peers = sub.add_parser("peers", help="các máy gửi đã tin cậy, lần gửi cuối")
    peers.add_argument("--json", action="store_true")
    peers.set_defaults(func=_cmd_peers)

    conflicts = sub.add_parser("conflicts", help="các xung đột chờ xem xét")
    conflicts.add_argument("--json", action="store_true")
    conflicts.set_defaults(func=_cmd_conflicts)


def _cmd_export(args: argparse.Namespace) -> int:
    from fieldapp.cli import open_db
    from fieldapp.sync.package import export_package

    db = open_db(args)
    try:
        result = export_package(db, Path(args.output), destination=args.destination, full=args.full)
    finally:
        db.close()
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
    from fieldapp.cli import open_db
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
        print(json.dumps(out, ensure_ascii=False, indent=2))
    return 2 if failed else 0


def _cmd_trust(args: argparse.Namespace) -> int:
    from fieldapp.cli import open_db
    from fieldapp.sync.receive import trust

    db = open_db(args)
    try:
        fp = trust(db, args.fingerprint)
    finally:
        db.close()
    print(f"Đã tin cậy khóa {fp}.")
    return 0


def _cmd_fingerprint(args: argparse.Namespace) -> int:
    from fieldapp.cli import paths_from
    from fieldapp.sync.keys import device_fingerprint

    print(device_fingerprint(paths_from(args)))
    return 0


def _cmd_peers(args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from fieldapp.cli import open_db
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
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        for r in rows:
            print(
                f"{r['fingerprint']}\t{r['commune']}\t{r['last_sequence']}\t{r['last_package_at']}"
            )
    return 0


def _cmd_conflicts(args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from fieldapp.cli import open_db
    from fieldapp.sync.models import Conflict

    db = open_db(args)
    try:
        with db.session() as s:
            rows = list(
                s.scalars(
                    select(Conflict).where(Conflict.resolved_at.is_(None)).order_by(Conflict.id)
                )
            )
    finally:
        db.close()
    out = [
        {"id": c.id, "table": c.table_name, "record": c.record_uuid, "reason": c.reason}
        for c in rows
    ]
    if args.json:
        print(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        for c in out:
            print(f"{c['id']}\t{c['table']}\t{c['record']}\t{c['reason']}")
    return 0
