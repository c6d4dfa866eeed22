"""``fieldapp user add/list/set/passwd``: accounts from the command line."""

from __future__ import annotations

import argparse

from fieldapp.accounts.permissions import ROLES
from fieldapp.cli_support import print_json, print_table
from fieldapp.errors import UserError


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    user = subparsers.add_parser("user", help="tài khoản người dùng và vai trò")
    sub = user.add_subparsers(dest="user_command", required=True, metavar="LỆNH")

    add = sub.add_parser(
        "add",
        help="thêm tài khoản (tài khoản đầu tiên luôn là quản trị); mật khẩu hỏi trên cửa sổ "
        "lệnh hoặc lấy từ biến FIELDAPP_NEW_PASSWORD",
    )
    add.add_argument("username")
    add.add_argument("--name", default="", help="họ và tên")
    add.add_argument("--role", choices=list(ROLES), default="officer")
    add.set_defaults(func=_cmd_add)

    show = sub.add_parser("list", help="danh sách tài khoản")
    show.add_argument("--json", action="store_true")
    show.set_defaults(func=_cmd_list)

    change = sub.add_parser("set", help="đổi vai trò, họ tên, mật khẩu, khóa/mở tài khoản")
    change.add_argument("username")
    change.add_argument("--role", choices=list(ROLES))
    change.add_argument("--name")
    change.add_argument("--password", action="store_true", help="đặt mật khẩu mới")
    state = change.add_mutually_exclusive_group()
    state.add_argument("--block", action="store_true", help="khóa tài khoản")
    state.add_argument("--unblock", action="store_true", help="mở lại tài khoản")
    change.set_defaults(func=_cmd_set)

    passwd = sub.add_parser("passwd", help="đổi mật khẩu của chính mình (cần --user)")
    passwd.set_defaults(func=_cmd_passwd)


def _new_password() -> str:
    from fieldapp.cli_support import read_secret

    first = read_secret("Mật khẩu mới: ", "FIELDAPP_NEW_PASSWORD")
    import os

    if "FIELDAPP_NEW_PASSWORD" not in os.environ:
        again = read_secret("Nhập lại mật khẩu mới: ", "FIELDAPP_NEW_PASSWORD")
        if again != first:
            raise UserError("Hai lần nhập mật khẩu không giống nhau; chưa có gì thay đổi.")
    return first


def _cmd_add(args: argparse.Namespace) -> int:
    from fieldapp.accounts.service import create_user
    from fieldapp.cli_support import open_db

    db = open_db(args)
    try:
        actor = create_user(db, args.username, _new_password(), full_name=args.name, role=args.role)
    finally:
        db.close()
    print(f"Đã thêm tài khoản {actor.username} ({ROLES[actor.role]}).")
    return 0


def _cmd_list(args: argparse.Namespace) -> int:
    from fieldapp.accounts.service import list_users
    from fieldapp.cli_support import open_db

    db = open_db(args)
    try:
        users = list_users(db)
    finally:
        db.close()
    rows = [
        {"username": u.username, "full_name": u.full_name, "role": u.role, "active": u.active}
        for u in users
    ]
    if args.json:
        print_json(rows)
    else:
        print_table(
            (
                r["username"],
                ROLES[r["role"]],
                r["full_name"] + ("" if r["active"] else " (đã khóa)"),
            )
            for r in rows
        )
    return 0


def _cmd_set(args: argparse.Namespace) -> int:
    from fieldapp.accounts.service import update_user
    from fieldapp.cli_support import open_db

    db = open_db(args)
    try:
        update_user(
            db,
            args.username,
            role=args.role,
            full_name=args.name,
            active=True if args.unblock else (False if args.block else None),
            new_password=_new_password() if args.password else None,
        )
    finally:
        db.close()
    print(f"Đã cập nhật tài khoản {args.username}.")
    return 0


def _cmd_passwd(args: argparse.Namespace) -> int:
    from fieldapp.accounts.service import change_password
    from fieldapp.cli_support import open_db, read_secret

    db = open_db(args)
    try:
        if db.actor is None:
            raise UserError("Cho biết bạn là ai: fieldapp user passwd --user TÊN_ĐĂNG_NHẬP")
        change_password(
            db, read_secret("Mật khẩu hiện tại: ", "FIELDAPP_PASSWORD"), _new_password()
        )
    finally:
        db.close()
    print("Đã đổi mật khẩu.")
    return 0
