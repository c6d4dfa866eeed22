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
import json
import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from fieldapp.config import Paths
from fieldapp.db.database import (
    DatabaseError,
    explain_sqlite_error,
    inspect_file,
    read_only_connection,
)
from fieldapp.errors import NeedsConfirmation, NoSpace, UserError
from fieldapp.files import (
    free_bytes,
    free_space_check,
    is_no_space,
    make_private,
    no_space_message,
    output_target,
)

if TYPE_CHECKING:
    from fieldapp.accounts.permissions import Actor

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
    output_target(target)  # a device such as /dev/null is not replaced by the copy
    partial = target.with_name(target.name + ".part")
    size = paths.database.stat().st_size
    wal = _wal(paths.database)
    free_space_check(target.parent, size + (wal.stat().st_size if wal.exists() else 0))
    try:
        src = read_only_connection(paths.database)  # works on a full data disk too
        try:
            dst = sqlite3.connect(partial)
            try:

                def step(_status: int, remaining: int, total: int) -> None:
                    if progress is not None:
                        progress(total - remaining, total)

                src.backup(dst, pages=PAGES_PER_STEP, progress=step)
                dst.execute("PRAGMA journal_mode=DELETE")
                _embed_anchor(paths, dst)
                if dst.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                    raise DatabaseError("Bản sao lưu vừa tạo không đọc lại được; hãy thử lại.")
            finally:
                dst.close()
        finally:
            src.close()
        with open(partial, "rb+") as fh:
            os.fsync(fh.fileno())
        make_private(partial)
        os.replace(partial, target)
    except sqlite3.Error as exc:
        with contextlib.suppress(OSError):
            partial.unlink()
        if is_no_space(exc):
            raise NoSpace(no_space_message(target.parent, size, free_bytes(target.parent))) from exc
        with contextlib.suppress(OSError):
            partial.unlink()
        raise DatabaseError(f"Không sao lưu được: {explain_sqlite_error(exc)}") from exc
    except OSError as exc:
        with contextlib.suppress(OSError):
            partial.unlink()
        if is_no_space(exc):
            raise NoSpace(no_space_message(target.parent, size, free_bytes(target.parent))) from exc
        reason = exc.strerror or "lỗi ghi tệp"
        raise UserError(f"Không ghi được bản sao lưu vào {target.parent}: {reason}.") from exc
    return target


def _embed_anchor(paths: Paths, copy: sqlite3.Connection) -> None:
    """The copy carries the signed head of the audit chain it was made with (issue 15)."""
    from fieldapp.audit import anchor

    current = anchor.read(paths)
    if current is None:
        return
    with copy:
        copy.execute(
            "INSERT OR REPLACE INTO app_meta (key, value) VALUES (?, ?)",
            (anchor.META_KEY, json.dumps(current)),
        )


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


@dataclass(frozen=True)
class DatabaseSummary:
    """What a database file holds, as a person deciding on a restore needs to see it."""

    commune: str  # "xã Bằng Lãng, huyện Chợ Đồn, tỉnh Bắc Kạn" or ""
    level: str  # commune / district / province
    last_change: str  # ISO time of the newest audit entry (or the file's time)
    households: int
    people: int
    directives: int
    accounts: int
    device_id: str = ""

    def text(self) -> str:
        when = self.last_change[:16].replace("T", " ") if self.last_change else "không rõ"
        return (
            f"{self.commune or 'chưa có hồ sơ xã'}; thay đổi lần cuối {when}; "
            f"{self.households} hộ, {self.people} người, {self.directives} văn bản, "
            f"{self.accounts} tài khoản"
        )


@dataclass(frozen=True)
class RestorePlan:
    file: Path
    incoming: DatabaseSummary
    current: DatabaseSummary | None
    other_commune: bool  # the file is another unit's database (or another level's)
    older: bool  # the file's last change is before the current database's

    def text(self) -> str:
        lines = [f"Khôi phục từ tệp {self.file.name}: {self.incoming.text()}."]
        if self.current is not None:
            lines.append(f"Sẽ thay dữ liệu hiện tại: {self.current.text()}.")
            lines.append("Dữ liệu hiện tại được giữ lại trong thư mục backups.")
        if self.older:
            lines.append("Tệp sao lưu CŨ HƠN dữ liệu hiện tại: các thay đổi sau đó sẽ mất.")
        if self.other_commune:
            lines.append("Tệp này là dữ liệu của ĐƠN VỊ KHÁC.")
        return "\n".join(lines)


def _count(conn: sqlite3.Connection, table: str) -> int:
    try:
        return int(conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0])
    except sqlite3.Error:
        return 0


def summarize(database: Path) -> DatabaseSummary:
    """Read-only summary of a fieldapp database file (checked by the caller)."""
    conn = sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=5)
    try:
        commune, level = "", "commune"
        try:
            row = conn.execute(
                "SELECT unit_kind, commune_name, district_kind, district_name, province_name, "
                "level FROM commune_profile ORDER BY id LIMIT 1"
            ).fetchone()
        except sqlite3.Error:
            row = None
        if row:
            unit, name, dkind, dname, province, level = row
            commune = f"{unit} {name}, {dkind} {dname}, tỉnh {province}"
            level = level or "commune"
        try:
            last = conn.execute("SELECT max(at) FROM audit_entry").fetchone()[0] or ""
        except sqlite3.Error:
            last = ""
        if not last:
            last = datetime.fromtimestamp(database.stat().st_mtime).isoformat(timespec="seconds")
        return DatabaseSummary(
            commune=commune,
            level=level,
            last_change=str(last),
            households=_count(conn, "household"),
            people=_count(conn, "household_member"),
            directives=_count(conn, "directive"),
            accounts=_count(conn, "user_account"),
            device_id=_device_id(conn),
        )
    finally:
        conn.close()


def _device_id(conn: sqlite3.Connection) -> str:
    try:
        row = conn.execute("SELECT value FROM app_meta WHERE key = 'device_id'").fetchone()
    except sqlite3.Error:
        return ""
    return row[0] if row else ""


def _same_unit(a: DatabaseSummary, b: DatabaseSummary) -> bool:
    """The same office: this computer's own copy (same device id), or the same unit by name
    and level (a new laptop of the same commune)."""
    from fieldapp.text.vietnamese import fold

    if a.device_id and a.device_id == b.device_id:
        return True
    if not a.commune or not b.commune:
        return True  # a fresh database (no profile yet) is nobody's
    return fold(a.commune) == fold(b.commune) and a.level == b.level


def plan_restore(paths: Paths, file: Path) -> RestorePlan:
    """Check ``file`` and say what a restore would replace (nothing is changed)."""
    file = Path(file).resolve()
    check_backup_file(file)
    incoming = summarize(file)
    current = None
    if paths.database.exists():
        try:
            inspect_file(paths.database, integrity=False)
            current = summarize(paths.database)
        except UserError:
            current = None  # damaged: nothing to compare with
    other = current is not None and not _same_unit(incoming, current)
    older = current is not None and incoming.last_change < current.last_change
    return RestorePlan(file, incoming, current, other, older)


def restore(
    paths: Paths,
    file: Path,
    *,
    actor: Actor | None = None,
    confirmed: bool = True,
    other_commune: bool = False,
    now: datetime | None = None,
) -> Path:
    """Put ``file`` in place of the database; returns where the current one was set aside.

    Nothing is touched unless the file passes :func:`check_backup_file`, the person confirmed
    (``confirmed``; otherwise :class:`NeedsConfirmation` carries :meth:`RestorePlan.text`),
    another unit's file was accepted explicitly (``other_commune``), and no other window or
    command holds the database (the caller closes its own first). The accounts of this
    computer stay when the file has none; the restore is recorded in the restored database's
    audit trail with ``actor``.
    """
    from fieldapp.db.database import exclusive_lock

    plan = plan_restore(paths, file)
    if plan.other_commune and not other_commune:
        raise NeedsConfirmation(
            f"{plan.text()}\nKhông khôi phục dữ liệu của đơn vị khác trừ khi chắc chắn: "
            "thêm --other-commune."
        )
    if not confirmed:
        raise NeedsConfirmation(plan.text() + "\nThêm --yes để khôi phục.")
    moment = now or datetime.now()
    with exclusive_lock(paths):
        aside = _replace(paths, plan.file, moment)
        carried = 0
        if plan.incoming.accounts == 0 and aside.suffix == SUFFIX:
            carried = carry_accounts(aside, paths.database)
    _record_restore(paths, plan, actor, aside, carried)
    return aside


def _replace(paths: Paths, file: Path, moment: datetime) -> Path:
    aside = paths.backups / f"before-restore-{_stamp(moment)}{SUFFIX}"
    incoming = paths.database.with_name(paths.database.name + ".restore")
    free_space_check(paths.data_dir, file.stat().st_size * 2)
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
        make_private(incoming)
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
            make_private(aside)
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


def carry_accounts(old: Path, new: Path) -> int:
    """Accounts belong to this computer: a backup without any keeps the current ones (a
    restore must never leave a shared laptop single-user)."""
    conn = sqlite3.connect(new)
    try:
        conn.execute("ATTACH DATABASE ? AS old", (f"file:{old}?mode=ro",))
        columns = [r[1] for r in conn.execute("PRAGMA main.table_info(user_account)")]
        old_columns = {r[1] for r in conn.execute("PRAGMA old.table_info(user_account)")}
        shared = ", ".join(f'"{c}"' for c in columns if c in old_columns)
        with conn:
            conn.execute(
                f"INSERT INTO main.user_account ({shared}) SELECT {shared} FROM old.user_account"
            )
        return int(conn.execute("SELECT count(*) FROM main.user_account").fetchone()[0])
    finally:
        conn.close()


def _record_restore(
    paths: Paths, plan: RestorePlan, actor: Actor | None, aside: Path, carried: int
) -> None:
    """One audit entry in the restored database: who restored what, and what was replaced."""
    from fieldapp.audit.trail import record
    from fieldapp.db.database import open_database

    db = open_database(paths)
    try:
        with db.session() as s, s.begin():
            s.info["system"] = True
            s.info["actor"] = actor
            record(
                s,
                "restore",
                "database",
                plan.file.name[:60],
                {
                    "file": plan.file.name,
                    "restored": plan.incoming.text(),
                    "replaced": plan.current.text() if plan.current else "",
                    "kept_at": aside.name,
                    "accounts_kept": carried,
                    "other_commune": plan.other_commune,
                },
            )
    finally:
        db.close()


def newest_good_backup(paths: Paths) -> BackupInfo | None:
    """The newest backup file that is ours and passes the integrity check."""
    for info in list_backups(paths):
        try:
            check_backup_file(info.path)
        except UserError:
            continue
        return info
    return None
