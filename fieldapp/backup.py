"""Backups: copies of the live database through SQLite's backup API, kept by age, restorable.

- :func:`backup_now` copies the database (consistent even while it is in use) into
  ``backups/auto`` (or any file), in steps so a window can show progress and stay responsive.
- :func:`prune` keeps the newest automatic backup of each of the last 7 days, 5 weeks and
  12 months, and every one of the last 24 hours; manual copies are never pruned.
- :func:`restore` checks a file first (ours, not damaged, not from a newer version), sets the
  current database aside in ``backups/``, and only then puts the file in its place.
- :func:`newest_good_backup` finds what to offer when the database is found damaged at start.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from fieldapp.config import Paths
from fieldapp.db.database import DatabaseError, explain_sqlite_error, inspect_file
from fieldapp.errors import UserError

AUTO = "auto"
SUFFIX = ".sqlite3"
PAGES_PER_STEP = 4096  # ~16 MB per step with 4 KB pages: progress without slowing the copy
KEEP_HOURS, KEEP_DAYS, KEEP_WEEKS, KEEP_MONTHS = 24, 7, 5, 12
AUTO_INTERVAL = timedelta(minutes=30)

Progress = Callable[[int, int], None]  # (pages done, pages in all)


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: datetime
    size: int
    automatic: bool


def auto_dir(paths: Paths) -> Path:
    return paths.backups / AUTO


def _stamp(moment: datetime) -> str:
    return moment.strftime("%Y%m%d-%H%M%S")


def backup_now(
    paths: Paths,
    target: Path | None = None,
    *,
    progress: Progress | None = None,
    now: datetime | None = None,
) -> Path:
    """Copy the database to ``target`` (default: a new file in ``backups/auto``).

    The copy is written next to the target, checked, flushed to disk and then renamed, so a
    power cut never leaves a half backup under a backup's name.
    """
    if not paths.database.exists():
        raise UserError("Chưa có cơ sở dữ liệu để sao lưu.")
    moment = now or datetime.now()
    if target is None:
        target = auto_dir(paths) / f"fieldapp-{_stamp(moment)}{SUFFIX}"
    target = Path(target)
    if target.exists() and target.is_dir():
        target = target / f"fieldapp-{_stamp(moment)}{SUFFIX}"
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"Không tạo được thư mục {target.parent}: {exc.strerror}.") from exc
    partial = target.with_name(target.name + ".part")
    try:
        src = sqlite3.connect(f"file:{paths.database}?mode=ro", uri=True, timeout=30)
        try:
            dst = sqlite3.connect(partial)
            try:

                def step(_status: int, remaining: int, total: int) -> None:
                    if progress is not None:
                        progress(total - remaining, total)

                src.backup(dst, pages=PAGES_PER_STEP, progress=step)
                dst.execute("PRAGMA journal_mode=DELETE")
                if dst.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                    raise DatabaseError("Bản sao lưu vừa tạo không đọc lại được; hãy thử lại.")
            finally:
                dst.close()
        finally:
            src.close()
        with open(partial, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(partial, target)
    except sqlite3.Error as exc:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise DatabaseError(f"Không sao lưu được: {explain_sqlite_error(exc)}") from exc
    except OSError as exc:
        with contextlib.suppress(OSError):
            partial.unlink()
        reason = "ổ đĩa đã đầy" if exc.errno == 28 else (exc.strerror or "lỗi ghi tệp")
        raise UserError(f"Không ghi được bản sao lưu vào {target.parent}: {reason}.") from exc
    return target


def list_backups(paths: Paths) -> list[BackupInfo]:
    """Every backup file in the backups folder (automatic and set-aside ones), newest first."""
    found = []
    if paths.backups.exists():
        for file in paths.backups.rglob(f"*{SUFFIX}"):
            stat = file.stat()
            found.append(
                BackupInfo(
                    file,
                    datetime.fromtimestamp(stat.st_mtime),
                    stat.st_size,
                    file.parent.name == AUTO,
                )
            )
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def prune(paths: Paths, *, now: datetime | None = None) -> list[Path]:
    """Delete the automatic backups that the keep-policy no longer needs; return them."""
    now = now or datetime.now()
    autos = [b for b in list_backups(paths) if b.automatic]
    keep: set[Path] = set()
    seen: set[tuple[str, object]] = set()
    for b in autos:  # newest first: the first of each period is that period's newest
        age = now - b.taken_at
        buckets = []
        if age <= timedelta(hours=KEEP_HOURS):
            keep.add(b.path)
        if age <= timedelta(days=KEEP_DAYS):
            buckets.append(("day", b.taken_at.date()))
        if age <= timedelta(weeks=KEEP_WEEKS):
            buckets.append(("week", tuple(b.taken_at.isocalendar())[:2]))
        if age <= timedelta(days=31 * KEEP_MONTHS):
            buckets.append(("month", (b.taken_at.year, b.taken_at.month)))
        for bucket in buckets:
            if bucket not in seen:
                seen.add(bucket)
                keep.add(b.path)
    removed = []
    for b in autos:
        if b.path not in keep:
            with contextlib.suppress(OSError):
                b.path.unlink()
                removed.append(b.path)
    return removed


def changed_since_last_backup(paths: Paths) -> bool:
    """True when the database was written after the newest automatic backup."""
    newest = next((b for b in list_backups(paths) if b.automatic), None)
    if newest is None:
        return paths.database.exists()
    written = max(
        (p.stat().st_mtime for p in (paths.database, _wal(paths.database)) if p.exists()),
        default=0.0,
    )
    return written > newest.path.stat().st_mtime


def _wal(database: Path) -> Path:
    return database.with_name(database.name + "-wal")


def check_backup_file(file: Path) -> str:
    """The schema revision of a backup file, or a clear refusal (not ours, damaged, newer)."""
    file = Path(file)
    if not file.is_file():
        raise UserError(f"Không có tệp {file}.")
    revision = inspect_file(file, integrity=True)
    if revision is None:
        raise UserError(f"Tệp {file.name} là cơ sở dữ liệu trống, không phải bản sao lưu.")
    return revision


def restore(paths: Paths, file: Path, *, now: datetime | None = None) -> Path:
    """Put ``file`` in place of the database; returns where the current one was set aside.

    Nothing is touched unless the file passes :func:`check_backup_file`. The database must be
    closed by the caller (the window closes it first).
    """
    file = Path(file).resolve()
    check_backup_file(file)
    moment = now or datetime.now()
    aside = paths.backups / f"before-restore-{_stamp(moment)}{SUFFIX}"
    incoming = paths.database.with_name(paths.database.name + ".restore")
    try:
        # 1. a checked copy of the backup beside the database (same disk: rename is atomic)
        src = sqlite3.connect(f"file:{file}?mode=ro", uri=True)
        try:
            dst = sqlite3.connect(incoming)
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode=WAL")
            finally:
                dst.close()
        finally:
            src.close()
        with open(incoming, "rb+") as fh:
            os.fsync(fh.fileno())
        # 2. the current database set aside (if it can be read at all: else keep its bytes)
        if paths.database.exists():
            aside.parent.mkdir(parents=True, exist_ok=True)
            try:
                inspect_file(paths.database, integrity=False)
                from fieldapp.db.database import backup_file

                backup_file(paths.database, aside)
            except UserError:
                import shutil

                aside = aside.with_suffix(".damaged")
                shutil.copy2(paths.database, aside)
        # 3. no journal of the old file may be applied to the new one
        for extra in (_wal(paths.database), paths.database.with_name(paths.database.name + "-shm")):
            with contextlib.suppress(FileNotFoundError):
                extra.unlink()
        os.replace(incoming, paths.database)
    except (sqlite3.Error, OSError) as exc:
        with contextlib.suppress(OSError):
            incoming.unlink()
        raise UserError(
            "Không khôi phục được (lỗi đọc hoặc ghi tệp). Cơ sở dữ liệu hiện tại vẫn như cũ."
        ) from exc
    return aside


def newest_good_backup(paths: Paths) -> BackupInfo | None:
    """The newest backup file that is ours and passes the integrity check."""
    for info in list_backups(paths):
        try:
            check_backup_file(info.path)
        except UserError:
            continue
        return info
    return None
