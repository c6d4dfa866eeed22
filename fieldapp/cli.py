"""The ``fieldapp`` command line: the GUI launcher and every command over the same core functions.

Feature packages add their own sub-commands: each module named in ``COMMAND_MODULES`` has a
``register(subparsers)`` function that adds its parser(s) and sets ``func=handler`` with
``handler(args) -> int``. A handler raises :class:`fieldapp.errors.UserError` for a user
mistake; ``main`` prints its message on one line of stderr and exits non-zero. Every
sub-command also accepts ``--data-dir`` (added here, so no module has to remember).
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib
import json
import os
import sys
import traceback
from datetime import datetime
from pathlib import Path

from fieldapp import __version__
from fieldapp.config import Paths, resolve_paths
from fieldapp.errors import UserError

COMMAND_MODULES: list[str] = [
    "fieldapp.accounts.cli",
    "fieldapp.audit.cli",
    "fieldapp.backup_cli",
    "fieldapp.sync.cli",
    "fieldapp.directives.cli",
    "fieldapp.rostering.cli",
    "fieldapp.checkpoints.cli",
    "fieldapp.households.cli",
    "fieldapp.reports.cli",
]

ENV_DB_URL = "FIELDAPP_DB_URL"

PAGES = ("overview", "directives", "rosters", "households", "reports", "sync", "settings")


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage mistakes on one line, in Vietnamese, without the usage dump."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UserError(f"lệnh không hợp lệ: {message} (xem: {self.prog} --help)")


def paths_from(args: argparse.Namespace) -> Paths:
    return resolve_paths(getattr(args, "data_dir", None))


def open_db(args: argparse.Namespace):
    """Open the database of the data folder the command names (for command handlers).

    When the database has accounts and the command names a user (``--user`` or
    ``FIELDAPP_USER``), that person signs in: the password comes from ``FIELDAPP_PASSWORD``
    or is asked on the terminal. Without a user, reading works and writing is refused.
    """
    from fieldapp.db.database import open_database

    url = getattr(args, "db_url", None) or os.environ.get(ENV_DB_URL)
    db = open_database(paths_from(args), url=url)
    username = getattr(args, "user", None) or os.environ.get("FIELDAPP_USER")
    if db.accounts_enabled and username:
        try:
            sign_in_from_terminal(db, username)
        except BaseException:
            db.close()
            raise
    return db


def read_secret(prompt: str, env: str) -> str:
    """A password from the environment variable ``env``, or asked without echo on a terminal."""
    value = os.environ.get(env)
    if value is not None:
        return value
    if not sys.stdin or not sys.stdin.isatty():
        raise UserError(f"Cần mật khẩu: nhập trên cửa sổ lệnh, hoặc đặt biến môi trường {env}.")
    import getpass

    return getpass.getpass(prompt)


def confirm_personal_export(args: argparse.Namespace) -> None:
    """The person confirms an export of personal data: ``--yes``, or asked on a terminal."""
    from fieldapp.personal_data import WARNING

    if getattr(args, "yes", False):
        return
    if not sys.stdin or not sys.stdin.isatty():
        raise UserError(f"{WARNING} Thêm --yes để xác nhận.")
    print(WARNING, file=sys.stderr)
    answer = input("Tiếp tục xuất tệp? [c/K] ").strip().lower()
    if answer not in ("c", "có", "co", "y", "yes"):
        raise UserError("Đã hủy; không có tệp nào được ghi.")


def sign_in_from_terminal(db, username: str) -> None:
    from fieldapp.accounts.service import sign_in

    sign_in(db, username, read_secret(f"Mật khẩu của {username}: ", "FIELDAPP_PASSWORD"))


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="fieldapp",
        description="fieldapp: sổ theo dõi phòng, chống dịch của xã. Không có lệnh: mở cửa sổ.",
    )
    parser.add_argument("--version", action="version", version=f"fieldapp {__version__}")
    parser.add_argument("--data-dir", help="thư mục dữ liệu (mặc định: thư mục của người dùng)")
    parser.add_argument(
        "--db-url",
        help="máy chủ cơ sở dữ liệu thay cho tệp SQLite (ví dụ postgresql+psycopg://...); "
        "cho bản tổng hợp của huyện/tỉnh",
    )
    parser.add_argument(
        "--user",
        help="người thực hiện (tên đăng nhập; mật khẩu hỏi trên cửa sổ lệnh hoặc lấy từ "
        "biến FIELDAPP_PASSWORD); cần khi dữ liệu có tài khoản và lệnh thay đổi dữ liệu",
    )
    sub = parser.add_subparsers(dest="command", metavar="LỆNH", parser_class=_Parser)

    gui = sub.add_parser("gui", help="mở cửa sổ ứng dụng (mặc định)")
    gui.set_defaults(func=_cmd_gui)

    demo = sub.add_parser("demo", help="tạo dữ liệu xã mẫu trong thư mục dữ liệu")
    demo.add_argument("--force", action="store_true", help="thay cả khi thư mục đã có dữ liệu")
    demo.set_defaults(func=_cmd_demo)

    shot = sub.add_parser("screenshot", help="chụp một trang của cửa sổ chính (1366×768)")
    shot.add_argument("--page", required=True, choices=PAGES)
    shot.add_argument("-o", "--output", required=True, help="tệp PNG")
    shot.add_argument("--lang", choices=("vi", "en"), help="ngôn ngữ giao diện")
    shot.set_defaults(func=_cmd_screenshot)

    info = sub.add_parser("info", help="thư mục dữ liệu, phiên bản lược đồ, mã thiết bị")
    info.add_argument("--json", action="store_true")
    info.set_defaults(func=_cmd_info)

    profile = sub.add_parser("profile", help="hồ sơ xã (dùng trong mọi báo cáo)")
    profile_sub = profile.add_subparsers(
        dest="profile_command", required=True, parser_class=_Parser
    )
    show = profile_sub.add_parser("show", help="xem hồ sơ xã")
    show.add_argument("--json", action="store_true")
    show.set_defaults(func=_cmd_profile_show)
    edit = profile_sub.add_parser("set", help="sửa hồ sơ xã")
    from fieldapp.profile import FIELDS

    for name in FIELDS:
        edit.add_argument(f"--{name.replace('_', '-')}", dest=name)
    edit.set_defaults(func=_cmd_profile_set)

    test_page = sub.add_parser("print-test", help="in thử một trang theo thể thức văn bản của xã")
    test_page.add_argument("-o", "--output", required=True, help="tệp PDF")
    test_page.add_argument("--landscape", action="store_true", help="khổ ngang")
    test_page.set_defaults(func=_cmd_print_test)

    setting = sub.add_parser("setting", help="xem hoặc đặt một thiết lập (ví dụ: language en)")
    setting.add_argument("key")
    setting.add_argument("value", nargs="?")
    setting.set_defaults(func=_cmd_setting)

    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    _add_data_dir_everywhere(sub)
    return parser


def _add_data_dir_everywhere(sub: argparse._SubParsersAction) -> None:
    """Let ``--data-dir`` and ``--user`` stand after the sub-command too
    (``fieldapp demo --data-dir X``)."""
    for child in set(sub.choices.values()):
        if not any("--data-dir" in a.option_strings for a in child._actions):
            child.add_argument("--data-dir", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
        for option in ("--user", "--db-url"):
            if not any(option in a.option_strings for a in child._actions):
                child.add_argument(option, default=argparse.SUPPRESS, help=argparse.SUPPRESS)
        for action in child._actions:
            if isinstance(action, argparse._SubParsersAction):
                _add_data_dir_everywhere(action)


def _gui_only(argv: list[str]) -> argparse.Namespace | None:
    """``fieldapp`` or ``fieldapp --data-dir X`` alone: open the window without building every
    sub-command's parser (start-up time)."""
    rest = list(argv)
    data_dir = None
    if rest[:1] == ["--data-dir"] and len(rest) >= 2:
        data_dir, rest = rest[1], rest[2:]
    elif rest[:1] and rest[0].startswith("--data-dir="):
        data_dir, rest = rest[0].split("=", 1)[1], rest[1:]
    if rest in ([], ["gui"]):
        return argparse.Namespace(data_dir=data_dir, func=_cmd_gui)
    return None


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    try:
        args = _gui_only(argv) or build_parser().parse_args(argv)
        func = getattr(args, "func", None) or _cmd_gui
        return int(func(args) or 0)
    except UserError as err:
        print(f"fieldapp: {err}", file=sys.stderr)
        return err.exit_code
    except BrokenPipeError:
        # The reader went away (``fieldapp ... | head``): not an error of ours.
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        print("fieldapp: đã dừng theo yêu cầu.", file=sys.stderr)
        return 130
    except Exception:  # noqa: BLE001 - a bug: keep the details in a file, tell the user one line
        where = _write_crash_report(argv)
        print(
            f"fieldapp: lỗi không mong đợi, thao tác chưa hoàn tất. Chi tiết ghi tại {where}.",
            file=sys.stderr,
        )
        return 1


def _write_crash_report(argv: list[str]) -> Path:
    """Traceback to a file (tracebacks hold no SQL parameters: engines hide them)."""
    import tempfile

    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    folder = Path(tempfile.gettempdir())
    target = folder / f"fieldapp-crash-{stamp}.txt"
    command = argv[0] if argv else "gui"
    target.write_text(f"fieldapp {__version__} {command}\n{traceback.format_exc()}", "utf-8")
    return target


def _cmd_gui(args: argparse.Namespace) -> int:
    from ui.app import run_app

    return run_app(paths_from(args))


def _cmd_demo(args: argparse.Namespace) -> int:
    from fieldapp.demo import create_demo

    summary = create_demo(paths_from(args), force=args.force)
    print(f"Đã tạo xã mẫu {summary.commune} tại {summary.data_dir}")
    print(f"  văn bản mẫu: {summary.documents}")
    for name, count in summary.details.items():
        print(f"  {name}: {count}")
    return 0


def _cmd_screenshot(args: argparse.Namespace) -> int:
    from ui.screenshot import take_screenshot

    out = take_screenshot(paths_from(args), args.page, Path(args.output), language=args.lang)
    print(out)
    return 0


def _cmd_info(args: argparse.Namespace) -> int:
    from fieldapp.db import schema
    from fieldapp.db.database import get_meta

    db = open_db(args)
    try:
        data = {
            "version": __version__,
            "data_dir": str(db.paths.data_dir),
            "database": str(db.paths.database),
            "schema": schema.HEAD,
            "device_id": db.device_id,
            "created_at": get_meta(db, "created_at"),
        }
    finally:
        db.close()
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        for key, value in data.items():
            print(f"{key}: {value}")
    return 0


def _required_profile(args: argparse.Namespace):
    """The commune profile, or a clear message when it has not been filled in yet."""
    from fieldapp.profile import load_profile

    db = open_db(args)
    try:
        profile = load_profile(db)
    finally:
        db.close()
    if profile is None:
        raise UserError("Chưa có hồ sơ xã. Mở ứng dụng hoặc dùng: fieldapp profile set ...")
    return profile


def _cmd_profile_show(args: argparse.Namespace) -> int:
    profile = _required_profile(args)
    if args.json:
        print(json.dumps(dataclasses.asdict(profile), ensure_ascii=False, indent=2))
    else:
        for key, value in dataclasses.asdict(profile).items():
            print(f"{key}: {value}")
    return 0


def _cmd_profile_set(args: argparse.Namespace) -> int:
    from fieldapp.profile import FIELDS, Profile, load_profile, save_profile

    db = open_db(args)
    try:
        profile = load_profile(db) or Profile()
        changes = {n: getattr(args, n) for n in FIELDS if getattr(args, n, None) is not None}
        saved = save_profile(db, dataclasses.replace(profile, **changes))
    finally:
        db.close()
    print(f"Đã lưu hồ sơ {saved.commune_full}, {saved.district_kind} {saved.district_name}.")
    return 0


def _cmd_print_test(args: argparse.Namespace) -> int:
    from datetime import date

    from fieldapp.printing.commune import test_page
    from fieldapp.printing.official import render_pdf

    profile = _required_profile(args)
    orientation = "landscape" if args.landscape else "portrait"
    pages = render_pdf(test_page(profile, date.today(), orientation=orientation), args.output)
    print(f"{args.output}: {pages} trang")
    return 0


def _cmd_setting(args: argparse.Namespace) -> int:
    from fieldapp.settings import DEFAULTS, get_setting, set_setting

    if args.key not in DEFAULTS:
        raise UserError(f"Không có thiết lập {args.key}. Có: {', '.join(sorted(DEFAULTS))}.")
    db = open_db(args)
    try:
        if args.value is None:
            print(json.dumps(get_setting(db, args.key), ensure_ascii=False))
        else:
            try:
                value = json.loads(args.value)
            except json.JSONDecodeError:
                value = args.value
            set_setting(db, args.key, value)
    finally:
        db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
