"""``fieldapp backup [-o FILE] [--list]`` and ``fieldapp restore FILE``."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from fieldapp.cli_support import print_json, print_table
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
    restore.add_argument(
        "--yes", action="store_true", help="đồng ý thay dữ liệu hiện tại (không hỏi lại)"
    )
    restore.add_argument(
        "--other-commune",
        action="store_true",
        help="chấp nhận khôi phục tệp của đơn vị (xã, huyện) khác",
    )
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
            print_table(
                (
                    r["taken_at"],
                    f"{r['size'] // 1024} KB",
                    "tự động" if r["automatic"] else "khác",
                    r["file"],
                )
                for r in rows
            )
        return 0
    actor = _backup_actor(args)
    target = backup_now(paths, Path(args.output) if args.output else None)
    if not args.output:
        prune(paths)
    _audit_backup(args, actor, target)
    if args.json:
        print(json.dumps({"file": str(target)}, ensure_ascii=False))
    else:
        print(f"Đã sao lưu vào {target}")
    return 0


def _backup_actor(args: argparse.Namespace):
    """A copy of the whole database (citizen IDs, password hashes) is for an administrator;
    an officer may copy to another disk (USB) too, and it is audited."""
    from fieldapp import gate
    from fieldapp.cli_support import open_db
    from fieldapp.db.database import DiskFull

    try:
        db = open_db(args)  # a wrong password or unknown user stops here
    except DiskFull:
        return _actor_on_a_full_disk(args)
    try:
        if not db.accounts_enabled:
            return None
        if db.actor is not None and db.actor.role == "officer" and args.output:
            return db.actor
        gate.require(db, gate.ADMIN)
        return db.actor
    finally:
        db.close()


def _actor_on_a_full_disk(args: argparse.Namespace):
    """The data disk is full, so the database cannot even be opened for writing: the copy to
    another disk is exactly what is needed now. The password is checked read-only (the try
    cannot be counted on a full disk; a wrong one still waits)."""
    from fieldapp import gate
    from fieldapp.accounts.service import check_password_read_only
    from fieldapp.cli_support import ENV_PASSWORD, ENV_USER, paths_from, read_secret
    from fieldapp.demo import glance_accounts

    paths = paths_from(args)
    if not glance_accounts(paths):
        return None
    username = getattr(args, "user", None) or os.environ.get(ENV_USER)
    if not username:
        gate.check(None, gate.ADMIN)
    actor = check_password_read_only(
        paths, username, read_secret(f"Mật khẩu của {username}: ", ENV_PASSWORD)
    )
    if actor.role == "officer" and args.output:
        return actor
    gate.check(actor, gate.ADMIN)
    return actor


def _audit_backup(args: argparse.Namespace, actor, target: Path) -> None:
    """One audit entry for the copy; a full data disk must not undo a finished copy."""
    from fieldapp import gate
    from fieldapp.cli_support import open_db

    if actor is None and not args.output:
        return
    try:
        db = open_db(args)
    except UserError:
        return
    try:
        with db.session() as s, s.begin():
            s.info["system"] = True
            s.info["actor"] = actor
            gate.record(s, "backup", "database", target.name, {"file": target.name})
    except Exception:  # noqa: BLE001 - the disk holding the database is full: the copy stands
        print(
            "Chú ý: không ghi được nhật ký của lần sao lưu này (ổ dữ liệu đầy?).", file=sys.stderr
        )
    finally:
        db.close()


def _cmd_restore(args: argparse.Namespace) -> int:
    from fieldapp import gate
    from fieldapp.backup import plan_restore, restore
    from fieldapp.cli_support import open_db, paths_from
    from fieldapp.db.database import DamagedDatabase

    paths = paths_from(args)
    plan = plan_restore(paths, Path(args.file))
    actor = None
    try:
        db = open_db(args)  # a wrong password or an unknown user refuses here
    except DamagedDatabase:
        db = None  # the current database is damaged: nobody can sign in to it
    if db is not None:
        try:
            gate.require(db, gate.ADMIN)
            actor = db.actor
        finally:
            db.close()  # restore needs the database alone
    confirmed = args.yes or _ask(plan.text())
    aside = restore(
        paths, Path(args.file), actor=actor, confirmed=confirmed, other_commune=args.other_commune
    )
    print(f"Đã khôi phục từ {args.file}. Dữ liệu trước đó được giữ tại {aside}.")
    return 0


def _ask(text: str) -> bool:
    if not sys.stdin or not sys.stdin.isatty():
        return False  # restore() then says what would be replaced and asks for --yes
    print(text, file=sys.stderr)
    answer = input("Khôi phục và thay dữ liệu hiện tại? [c/K] ").strip().lower()
    return answer in ("c", "có", "co", "y", "yes")
