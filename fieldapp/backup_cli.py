"""``fieldapp backup [-o FILE] [--list]`` and ``fieldapp restore FILE``."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from fieldapp.cli_support import print_json
from fieldapp.errors import UserError


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    backup = subparsers.add_parser(
        "backup", help="sao lưu cơ sở dữ liệu (mặc định vào thư mục backups/auto)"
    )
    backup.add_argument("-o", "--output", help="tệp hoặc thư mục đích (ví dụ: ổ USB)")
    backup.add_argument("--list", action="store_true", help="liệt kê các bản sao lưu")
    backup.add_argument("--json", action="store_true")
    backup.set_defaults(func=_cmd_backup)
    restore = subparsers.add_parser(
        "restore",
        help="khôi phục từ một bản sao lưu (cơ sở dữ liệu hiện tại được giữ lại trong backups)",
    )
    restore.add_argument("file", help="tệp sao lưu (.sqlite3)")
    restore.set_defaults(func=_cmd_restore)


def _cmd_backup(args: argparse.Namespace) -> int:
    from fieldapp.backup import backup_now, list_backups, prune
    from fieldapp.cli_support import paths_from

    paths = paths_from(args)
    if args.list:
        rows = [
            {
                "file": str(b.path),
                "taken_at": b.taken_at.isoformat(timespec="seconds"),
                "size": b.size,
                "automatic": b.automatic,
            }
            for b in list_backups(paths)
        ]
        if args.json:
            print_json(rows)
        else:
            for r in rows:
                kind = "tự động" if r["automatic"] else "khác"
                print(f"{r['taken_at']}\t{r['size'] // 1024} KB\t{kind}\t{r['file']}")
        return 0
    target = backup_now(paths, Path(args.output) if args.output else None)
    if not args.output:
        prune(paths)
    if args.json:
        print(json.dumps({"file": str(target)}, ensure_ascii=False))
    else:
        print(f"Đã sao lưu vào {target}")
    return 0


def _cmd_restore(args: argparse.Namespace) -> int:
    from fieldapp.backup import check_backup_file, restore
    from fieldapp.cli_support import open_db, paths_from

    paths = paths_from(args)
    check_backup_file(Path(args.file))
    try:
        db = open_db(args)
    except UserError:
        db = None  # the current database is damaged: anyone may put a good copy back
    if db is not None:
        try:
            if db.accounts_enabled and (db.actor is None or db.actor.role != "admin"):
                raise UserError("Chỉ quản trị được khôi phục dữ liệu (thêm --user TÊN_QUẢN_TRỊ).")
        finally:
            db.close()
    aside = restore(paths, Path(args.file))
    print(f"Đã khôi phục từ {args.file}. Dữ liệu trước đó được giữ tại {aside}.")
    return 0
