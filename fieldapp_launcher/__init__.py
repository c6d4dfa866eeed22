"""The ``fieldapp`` program: the core's command line plus the window.

The only module above both :mod:`fieldapp` (the core, which never imports ``ui``) and
:mod:`ui` (the PySide6 window): it hands the core's :func:`fieldapp.cli.main` itself as the
front end, which adds ``gui`` and ``screenshot`` and opens the window when no command is
given. ``ui`` is imported only when one of those runs, so every other command starts as fast
as the core alone.
"""

from __future__ import annotations

import argparse
import sys

COMMANDS = ("gui", "screenshot")
# The pages ``screenshot`` can take (the keys of ui.main_window.PAGES; a test keeps them equal).
PAGES = ("overview", "directives", "rosters", "households", "reports", "sync", "settings")


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the window's commands to the core's parser."""
    gui = subparsers.add_parser("gui", help="mở cửa sổ ứng dụng (mặc định)")
    gui.set_defaults(func=open_window)

    shot = subparsers.add_parser("screenshot", help="chụp một trang của cửa sổ chính (1366×768)")
    shot.add_argument("--page", required=True, choices=PAGES)
    shot.add_argument("-o", "--output", required=True, help="tệp PNG")
    shot.add_argument("--lang", choices=("vi", "en"), help="ngôn ngữ giao diện")
    shot.set_defaults(func=_screenshot)


def open_window(args: argparse.Namespace) -> int:
    from fieldapp.cli_support import paths_from
    from ui.app import run_app

    return run_app(paths_from(args))


def _screenshot(args: argparse.Namespace) -> int:
    from pathlib import Path

    from fieldapp.cli_support import paths_from
    from ui.screenshot import take_screenshot

    out = take_screenshot(paths_from(args), args.page, Path(args.output), language=args.lang)
    print(out)
    return 0


def main(argv: list[str] | None = None) -> int:
    """The ``fieldapp`` console script: every command, and the window with none."""
    argv = sys.argv[1:] if argv is None else argv
    if argv == ["--version"]:  # answered before anything else is imported (start-up time)
        from fieldapp import __version__

        print(f"fieldapp {__version__}")
        return 0
    from fieldapp import cli

    return cli.main(argv, front_end=sys.modules[__name__])
