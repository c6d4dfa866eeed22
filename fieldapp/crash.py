"""Crash reports: what a bug left behind, written so that no personal data goes with it.

A report holds the version, where it happened, the exception type and the traceback lines
(file, line, function, source line). Exception messages and source lines may quote a
citizen ID or a phone number, so every run of nine or more digits and every phone-like
number is replaced before anything is written. The file lands in ``<data-dir>/crash/``,
readable by its owner only (0600, folder 0700).
"""

from __future__ import annotations

import os
import re
import sys
import traceback
from datetime import datetime
from pathlib import Path
from types import TracebackType

from fieldapp import __version__

KEEP_REPORTS = 20  # older reports are removed so the folder cannot fill the disk

# A phone as people write it: +84 / 0 then 8–10 more digits, with spaces, dots or dashes.
_PHONE = re.compile(r"(?<![\w])(?:\+?84|0)(?:[\s.\-]?\d){8,10}(?![\w])")
_LONG_DIGITS = re.compile(r"\d(?:[\s.\-]?\d){8,}")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
HIDDEN = "«đã ẩn»"


def scrub(text: str) -> str:
    """``text`` with citizen IDs, phone numbers and e-mail addresses replaced."""
    text = _EMAIL.sub(HIDDEN, text)
    text = _PHONE.sub(HIDDEN, text)
    return _LONG_DIGITS.sub(HIDDEN, text)


def crash_dir(data_dir: Path) -> Path:
    return Path(data_dir) / "crash"


def format_report(
    exc: BaseException | None = None,
    tb: TracebackType | None = None,
    *,
    context: str = "",
) -> str:
    """The scrubbed text of a report for ``exc`` (default: the exception being handled)."""
    if exc is None:
        exc = sys.exc_info()[1]
    lines = [
        f"fieldapp {__version__}",
        f"thời điểm: {datetime.now().isoformat(timespec='seconds')}",
    ]
    if context:
        lines.append(f"ở: {context}")
    if exc is not None:
        trace = traceback.TracebackException(
            type(exc), exc, tb or exc.__traceback__, capture_locals=False
        )
        lines.extend(line.rstrip("\n") for line in trace.format())
    return scrub("\n".join(lines)) + "\n"


def write_crash_report(
    data_dir: Path | None,
    exc: BaseException | None = None,
    tb: TracebackType | None = None,
    *,
    context: str = "",
) -> Path | None:
    """Write a scrubbed report under ``<data_dir>/crash/``; the path, or None if it failed.

    Never raises: a crash report that cannot be written must not hide the original error.
    """
    if data_dir is None:
        return None
    try:
        text = format_report(exc, tb, context=context)
        folder = crash_dir(data_dir)
        folder.mkdir(parents=True, exist_ok=True)
        os.chmod(folder, 0o700)
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        target = folder / f"crash-{stamp}.txt"
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        _prune(folder)
        return target
    except OSError:
        return None


def _prune(folder: Path) -> None:
    reports = sorted(folder.glob("crash-*.txt"))
    for old in reports[:-KEEP_REPORTS]:
        try:
            old.unlink()
        except OSError:
            pass
