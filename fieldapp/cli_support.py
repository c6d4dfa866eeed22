"""What every command-line handler needs, in one place: the sub-CLIs import this, never
the top ``fieldapp/cli.py``.

- :func:`paths_from` / :func:`open_db`: the data folder and database the command names
  (``--data-dir``, ``--db-url`` / ``FIELDAPP_DB_URL``), with sign-in from ``--user`` /
  ``FIELDAPP_USER`` and ``FIELDAPP_PASSWORD``;
- :func:`read_secret`, :func:`confirm_personal_export`: questions asked on the terminal;
- :func:`required_profile`: the commune profile, or a clear message;
- :func:`print_json`, :func:`print_table`: the two shapes of output;
- :func:`exit_code`: the process exit code of an error, by its :mod:`fieldapp.errors` kind.

Start-up time matters (every command pays it): this module imports nothing heavy at the top;
the database layer is imported when a handler opens the database.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from fieldapp.errors import Cancelled, UserError

if TYPE_CHECKING:
    from fieldapp.config import Paths

# Options of the top parser that take a value (to find the command word in argv).
_VALUE_OPTIONS = ("--data-dir", "--db-url", "--user")

ENV_DB_URL = "FIELDAPP_DB_URL"
ENV_USER = "FIELDAPP_USER"
ENV_PASSWORD = "FIELDAPP_PASSWORD"


def command_word(argv: list[str]) -> str | None:
    """The command typed (``household`` in ``--data-dir X household list``), or None."""
    rest = iter(argv)
    for token in rest:
        if token in _VALUE_OPTIONS:
            next(rest, None)
        elif not token.startswith("-"):
            return token
    return None


def decimal(text: str) -> float:
    """A number typed the Vietnamese way or the English one: "37,5" or "37.5"."""
    try:
        value = float(text.strip().replace(",", "."))
    except ValueError:
        value = math.nan
    if not math.isfinite(value):
        raise argparse.ArgumentTypeError(f'"{text}" không phải số (ví dụ 37,5)')
    return value


def paths_from(args: argparse.Namespace) -> Paths:
    """The data folder of the command (``--data-dir``, ``FIELDAPP_DATA_DIR`` or the default)."""
    from fieldapp.config import resolve_paths  # commands on files alone never need it

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
    username = getattr(args, "user", None) or os.environ.get(ENV_USER)
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


def sign_in_from_terminal(db, username: str) -> None:
    from fieldapp.accounts.service import sign_in

    sign_in(db, username, read_secret(f"Mật khẩu của {username}: ", ENV_PASSWORD))


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
        raise Cancelled("Đã hủy; không có tệp nào được ghi.")


def required_profile(args: argparse.Namespace):
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


def print_json(data: Any) -> None:
    """``--json`` output: UTF-8 as is (not ``\\u`` escapes), indented, dates as ISO text."""
    print(json.dumps(data, ensure_ascii=False, indent=2, default=_json_default))


def _json_default(value: Any) -> Any:
    iso = getattr(value, "isoformat", None)
    return iso() if iso is not None else str(value)


def print_table(rows: Iterable[Sequence[Any]], header: Sequence[str] | None = None) -> None:
    """Plain output for people and for ``cut``/spreadsheets: one line per row, cells by tab.

    ``None`` prints as empty; tabs and line breaks inside a cell become spaces so a row
    stays one line.
    """
    if header is not None:
        print("\t".join(header))
    for row in rows:
        print("\t".join(_cell(value) for value in row))


def _cell(value: Any) -> str:
    if value is None:
        return ""
    return " ".join(str(value).split()) if isinstance(value, str) else str(value)


def exit_code(err: BaseException) -> int:
    """The exit code of an error: each :mod:`fieldapp.errors` kind has its own (2 a mistake,
    3 not found, 4 needs confirmation, 5 not permitted, 6 damaged, 7 no space, 130 cancelled);
    1 for anything else (a bug)."""
    if isinstance(err, UserError):
        return err.exit_code
    if isinstance(err, KeyboardInterrupt):
        return Cancelled.exit_code
    return 1
