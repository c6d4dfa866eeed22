"""The ``fieldapp`` command line: every command over the same core functions.

Feature packages add their own sub-commands: each module named in ``COMMAND_MODULES`` has a
``register(subparsers)`` function that adds its parser(s) and sets ``func=handler`` with
``handler(args) -> int``; ``COMMAND_OWNERS`` says which module adds which command, so a run
imports only the module of the command chosen (start-up time). Handlers take what they need
from :mod:`fieldapp.cli_support` (never from this module). A handler raises
:class:`fieldapp.errors.UserError` for a user mistake; ``main`` prints its message on one line
of stderr and exits with the code of its kind. Every sub-command also accepts ``--data-dir``
(added here, so no module has to remember).

The window is not here: the core never imports ``ui``. The ``fieldapp`` console script is
:mod:`fieldapp_launcher`, which passes itself to :func:`main` as the *front end* that adds the
``gui`` and ``screenshot`` commands and opens the window when no command is given.
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib
import json
import os
import re
import sys
from pathlib import Path
from typing import Protocol

from fieldapp import __version__
from fieldapp.cli_support import (  # noqa: F401 - kept importable here for older callers
    ENV_DB_URL,
    command_word,
    confirm_personal_export,
    exit_code,
    open_db,
    paths_from,
    read_secret,
    required_profile,
    sign_in_from_terminal,
)
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

# The top-level command(s) each module of COMMAND_MODULES adds. A run imports only the owner of
# the command typed; a command missing here still works (every module is then imported), and a
# test checks the map against what the modules really register.
COMMAND_OWNERS: dict[str, str] = {
    "user": "fieldapp.accounts.cli",
    "audit": "fieldapp.audit.cli",
    "backup": "fieldapp.backup_cli",
    "restore": "fieldapp.backup_cli",
    "sync": "fieldapp.sync.cli",
    "directive": "fieldapp.directives.cli",
    "roster": "fieldapp.rostering.cli",
    "checkpoint": "fieldapp.checkpoints.cli",
    "household": "fieldapp.households.cli",
    "report": "fieldapp.reports.cli",
}
BUILTIN_COMMANDS = ("demo", "info", "profile", "print-test", "setting")


class FrontEnd(Protocol):
    """What a launcher above the core adds: its commands, and the window for no command."""

    COMMANDS: tuple[str, ...]

    def register(self, subparsers: argparse._SubParsersAction) -> None: ...

    def open_window(self, args: argparse.Namespace) -> int: ...


# argparse's own words (English) as a commune official reads them
_ARGPARSE_WORDS = (
    (re.compile(r"^the following arguments are required: (.+)$"), r"còn thiếu \1"),
    (re.compile(r"^argument (\S+): invalid int value: (.+)$"), r"\1: \2 không phải số nguyên"),
    (re.compile(r"^argument (\S+): invalid float value: (.+)$"), r"\1: \2 không phải số"),
    (re.compile(r"^argument (\S+): invalid choice: (.+?) \(choose from (.+)\)$"),
     r"\1: không có \2; chọn một trong \3"),
    (re.compile(r"^argument (\S+): expected one argument$"), r"\1 cần một giá trị"),
    (re.compile(r"^argument (\S+): (.+)$"), r"\1: \2"),
    (re.compile(r"^unrecognized arguments: (.+)$"), r"không hiểu: \1"),
)  # fmt: skip


def _vietnamese(message: str) -> str:
    for pattern, words in _ARGPARSE_WORDS:
        if pattern.match(message):
            return pattern.sub(words, message)
    return message


# The placeholders help shows after an option ("--from NGÀY", not "--from START"), by dest.
_PLACEHOLDERS = {
    "NGÀY": "start end day date week on due active_from active_to arrival_date date_from date_to "
    "planned_end freeze_before",
    "GIỜ": "at time rest",
    "TỆP": "output file previous",
    "TÊN": "name user key",
    "SỐ": "id number limit weeks people per_shift max_week max_nights max_iterations "
    "ending_days hotline phone",
    "NGƯỜI": "by actor author leader person received_by routed_to",
    "ĐIỂM": "site",
    "KHU": "area",
    "XÃ": "commune",
    "THÔN": "village villages",
    "THƯ_MỤC": "data_dir",
    "GHI_CHÚ": "note notes",
    "LOẠI": "kind pattern",
    "VAI_TRÒ": "role roles",
    "VAI_TRÒ=SỐ": "require",
    "CA": "shifts",
    "NƠI": "place isolation",
    "NƠI_ĐI": "from_place",
    "NƠI_ĐẾN": "to_place destination",
    "TÌNH_TRẠNG": "status",
    "MONG_MUỐN": "wish",
    "NỘI_DUNG": "text value action handling decision reason items symptoms search",
    "NĂM": "year",
    "GIÂY": "time_limit",
    "ĐỘ_C": "temp",
    "MẠCH": "pulse",
    "NHỊP_THỞ": "breath",
    "BIỂN_SỐ": "plate",
    "ĐƠN_VỊ": "unit",
    "NƠI_BAN_HÀNH": "issuer",
    "ĐỘ_KHẨN": "urgency",
    "CHẾ_ĐỘ": "regime",
    "THIẾT_BỊ": "device",
    "MÃ_KHÓA": "fingerprint",
    "TỆP_ĐỀ_BÀI": "instance",
    "TỆP_LỊCH": "solution",
    "TỆP_KẾT_QUẢ": "result",
    "TÊN_ĐĂNG_NHẬP": "username",
    "BẢNG": "table",
    "URL": "db_url",
    "SPO2": "spo2",
}
_PLACEHOLDER = {dest: word for word, dests in _PLACEHOLDERS.items() for dest in dests.split()}


class _HelpWords(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):  # type: ignore[no-untyped-def]
        super().add_usage(usage, actions, groups, "cách dùng: " if prefix is None else prefix)


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage mistakes on one line, in Vietnamese, without the usage dump,
    and frames its help in Vietnamese too ("cách dùng", "tùy chọn", not "usage", "options")."""

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        kwargs.setdefault("formatter_class", _HelpWords)
        super().__init__(*args, **kwargs)
        self._positionals.title = "đối số"
        self._optionals.title = "tùy chọn"
        for action in self._actions:
            if isinstance(action, argparse._HelpAction):
                action.help = "xem hướng dẫn này rồi thoát"

    def add_argument(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        action = super().add_argument(*args, **kwargs)
        takes_value = action.nargs != 0 and action.nargs != argparse.PARSER
        if action.metavar is None and action.choices is None and takes_value:
            action.metavar = _PLACEHOLDER.get(action.dest)
        if isinstance(action, argparse._VersionAction) and action.help is not None:
            action.help = "xem số phiên bản rồi thoát"
        return action

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UserError(f"lệnh không hợp lệ: {_vietnamese(message)} (xem: {self.prog} --help)")


def build_parser(
    argv: list[str] | None = None, front_end: FrontEnd | None = None
) -> argparse.ArgumentParser:
    """The parser. Given ``argv``, only the module of the command typed is imported (all of
    them for ``--help`` or an unknown command, none for ``--version``)."""
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
    if front_end is not None:
        front_end.register(sub)
    command = command_word(argv) if argv is not None else None
    front_commands = front_end.COMMANDS if front_end is not None else ()
    if argv is None or command in front_commands:
        modules = list(COMMAND_MODULES) if argv is None else []
    elif command is None:
        modules = list(COMMAND_MODULES) if {"-h", "--help"} & set(argv) else []
    elif command in BUILTIN_COMMANDS:
        modules = []
    elif COMMAND_OWNERS.get(command) in COMMAND_MODULES:
        modules = [COMMAND_OWNERS[command]]
    else:
        modules = list(COMMAND_MODULES)

    demo = sub.add_parser("demo", help="tạo dữ liệu xã mẫu trong thư mục dữ liệu")
    demo.add_argument("--force", action="store_true", help="thay cả khi thư mục đã có dữ liệu")
    demo.set_defaults(func=_cmd_demo)

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
    if argv is None or command == "profile":  # the field names need the database layer
        from fieldapp.profile import FIELDS

        for name in FIELDS:
            edit.add_argument(f"--{name.replace('_', '-')}", dest=name)
    edit.add_argument(
        "--signing-line",
        action="append",
        dest="signing_lines",
        metavar="DÒNG",
        help='một dòng của khối chữ ký, lặp lại 1-3 lần: --signing-line "TM. ỦY BAN NHÂN DÂN" '
        '--signing-line "KT. CHỦ TỊCH" --signing-line "PHÓ CHỦ TỊCH"',
    )
    edit.set_defaults(func=_cmd_profile_set)

    test_page = sub.add_parser("print-test", help="in thử một trang theo thể thức văn bản của xã")
    test_page.add_argument("-o", "--output", required=True, help="tệp PDF")
    test_page.add_argument("--landscape", action="store_true", help="khổ ngang")
    test_page.set_defaults(func=_cmd_print_test)

    setting = sub.add_parser("setting", help="xem hoặc đặt một thiết lập (ví dụ: language en)")
    setting.add_argument("key")
    setting.add_argument("value", nargs="?")
    setting.set_defaults(func=_cmd_setting)

    for name in dict.fromkeys(modules):
        module = importlib.import_module(name)
        cut = getattr(module, "register_for", None)  # only what the words typed need
        if cut is not None and argv is not None:
            cut(sub, argv)
        else:
            module.register(sub)
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


def main(argv: list[str] | None = None, front_end: FrontEnd | None = None) -> int:
    """Run one command; the exit code says how it went (see :func:`cli_support.exit_code`).

    ``front_end`` (the launcher) adds the window's commands; without it, no command is a
    usage mistake.
    """
    argv = sys.argv[1:] if argv is None else argv
    if os.name == "posix":
        os.umask(0o077)  # every file the app writes (database, backups, exports) is private
    try:
        if argv == ["--version"]:  # the quickest answer: no parser at all
            print(f"fieldapp {__version__}")
            raise SystemExit(0)
        args = build_parser(argv, front_end).parse_args(argv)
        func = getattr(args, "func", None)
        if func is None:
            if front_end is None:
                raise UserError(
                    "Chưa chọn lệnh (xem: fieldapp --help); cửa sổ mở bằng chương trình fieldapp."
                )
            func = front_end.open_window
        return int(func(args) or 0)
    except UserError as err:
        print(f"fieldapp: {err}", file=sys.stderr)
        return exit_code(err)
    except BrokenPipeError:
        # The reader went away (``fieldapp ... | head``): not an error of ours.
        sys.stderr.close()
        return 0
    except KeyboardInterrupt as err:
        print("fieldapp: đã dừng theo yêu cầu.", file=sys.stderr)
        return exit_code(err)
    except Exception:  # noqa: BLE001 - a bug: keep the details in a file, tell the user one line
        where = _write_crash_report(argv)
        print(
            f"fieldapp: lỗi không mong đợi, thao tác chưa hoàn tất. Chi tiết ghi tại {where}.",
            file=sys.stderr,
        )
        return 1


def _write_crash_report(argv: list[str]) -> Path | str:
    """A scrubbed report (no citizen IDs, phones) in the data folder's ``crash/``, 0600."""
    from fieldapp.crash import write_crash_report

    data_dir = None
    for n, arg in enumerate(argv):
        if arg == "--data-dir" and n + 1 < len(argv):
            data_dir = argv[n + 1]
        elif arg.startswith("--data-dir="):
            data_dir = arg.split("=", 1)[1]
    values = {n + 1 for n, a in enumerate(argv) if a in ("--data-dir", "--user", "--db-url")}
    command = next(
        (a for n, a in enumerate(argv) if not a.startswith("-") and n not in values), "gui"
    )
    from fieldapp.config import resolve_paths

    where = write_crash_report(resolve_paths(data_dir).data_dir, context=f"lệnh {command}")
    return where or "(không ghi được báo cáo lỗi)"


def _cmd_demo(args: argparse.Namespace) -> int:
    from fieldapp.demo import create_demo, glance_accounts

    actor = None
    if args.force and glance_accounts(paths_from(args)):
        db = open_db(args)  # signs in; a wrong password or unknown user stops here
        actor = db.actor
        db.close()
    summary = create_demo(paths_from(args), force=args.force, actor=actor)
    print(f"Đã tạo xã mẫu {summary.commune} tại {summary.data_dir}")
    print(f"  văn bản mẫu: {summary.documents}")
    for name, count in summary.details.items():
        print(f"  {name}: {count}")
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


def _cmd_profile_show(args: argparse.Namespace) -> int:
    profile = required_profile(args)
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
        if getattr(args, "signing_lines", None):
            from fieldapp.profile import signing_fields

            changes.update(signing_fields(args.signing_lines))
        saved = save_profile(db, dataclasses.replace(profile, **changes))
    finally:
        db.close()
    print(f"Đã lưu hồ sơ {saved.location_line}.")
    return 0


def _cmd_print_test(args: argparse.Namespace) -> int:
    from datetime import date

    from fieldapp.printing.commune import test_page
    from fieldapp.printing.official import render_pdf

    profile = required_profile(args)
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
