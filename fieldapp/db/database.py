"""Opening the local database safely, and the unit-of-work sessions every service uses.

``open_database`` refuses, with a plain Vietnamese message and without writing a byte, a
folder it cannot write, a file that is not SQLite, a SQLite file that is not fieldapp's, a
damaged file, and a file written by a newer fieldapp. An older file is backed up with
SQLite's backup API and then upgraded in one transaction.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, event, select
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from fieldapp.config import Paths
from fieldapp.db import schema
from fieldapp.db.base import SyncMixin, utcnow
from fieldapp.db.engine import APPLICATION_ID, make_engine, sqlite_url
from fieldapp.db.models import AppMeta
from fieldapp.errors import DamagedData, NoSpace, UserError

if TYPE_CHECKING:
    from fieldapp.accounts.permissions import Actor

SQLITE_MAGIC = b"SQLite format 3\x00"


class DatabaseError(UserError):
    """The database cannot be opened or written; the message says why, in Vietnamese."""


class DamagedDatabase(DatabaseError, DamagedData):
    """The database file is damaged: the window offers the newest good backup.

    Raised only after SQLite's integrity check said so (or the file is not SQLite at all),
    never for a full disk or a busy file."""


class DiskFull(DatabaseError, NoSpace):
    """The disk has no room: nothing was written, the data is as it was."""


def is_damage_error(exc: BaseException) -> bool:
    text = str(getattr(exc, "orig", exc)).lower()
    return "malformed" in text or "not a database" in text or "corrupt" in text


def integrity_ok(path: Path) -> bool | None:
    """SQLite's quick_check of ``path``: True, False, or None when it could not run."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
    except sqlite3.Error:
        return None
    try:
        return conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    except sqlite3.DatabaseError as exc:
        return False if is_damage_error(exc) else None
    finally:
        conn.close()


def read_only_connection(path: Path) -> sqlite3.Connection:
    """A read-only connection to ``path``. A WAL file read with no room left on the disk for
    its shared-memory index is opened as immutable instead (nobody can be writing then), so
    a full disk still lets the data be read, checked and copied elsewhere."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
    try:
        conn.execute("PRAGMA application_id").fetchone()
        return conn
    except sqlite3.OperationalError as exc:
        conn.close()
        if is_damage_error(exc):
            raise
        return sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True, timeout=5)


def _disk_nearly_full(database: Path | None) -> bool:
    from fieldapp.files import MARGIN_BYTES, free_bytes

    if database is None:
        return False
    free = free_bytes(Path(database).parent)
    return free is not None and free < MARGIN_BYTES


def error_for(exc: BaseException, database: Path | None = None) -> DatabaseError:
    """The typed error for a SQLite failure: damaged only when the integrity check fails."""
    from fieldapp.files import is_no_space

    if is_no_space(exc) or (not is_damage_error(exc) and _disk_nearly_full(database)):
        # SQLite says "disk I/O error" when not even its shared-memory index fits
        return DiskFull(
            "Ổ đĩa đã đầy: không ghi được dữ liệu (dữ liệu cũ vẫn nguyên vẹn, không hỏng). "
            "Hãy xóa bớt tệp không cần; vẫn sao lưu được ra ổ khác (USB)."
        )
    if is_damage_error(exc):
        if database is None or integrity_ok(database) is False:
            return DamagedDatabase(explain_sqlite_error(exc))
        return DatabaseError(
            "Không đọc được cơ sở dữ liệu lúc này (tệp vẫn nguyên vẹn). Hãy thử lại; nếu vẫn "
            "lỗi, hãy khởi động lại máy."
        )
    return DatabaseError(explain_sqlite_error(exc))


def explain_sqlite_error(exc: BaseException) -> str:
    """A plain Vietnamese sentence for a SQLite failure (never the SQL or the row values)."""
    text = str(getattr(exc, "orig", exc)).lower()
    if "disk is full" in text or "database or disk is full" in text:
        return "Ổ đĩa đã đầy: không ghi được dữ liệu. Thay đổi vừa rồi chưa được lưu, dữ liệu cũ vẫn nguyên vẹn."
    if "readonly" in text or "read-only" in text:
        return "Thư mục dữ liệu chỉ cho đọc: không ghi được. Thay đổi vừa rồi chưa được lưu."
    if "locked" in text or "busy" in text:
        return (
            "Cơ sở dữ liệu đang bận (một cửa sổ hoặc lệnh khác đang ghi). Hãy thử lại sau giây lát."
        )
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        return "Tệp cơ sở dữ liệu bị hỏng. Hãy khôi phục từ bản sao lưu gần nhất."
    if "unable to open" in text:
        return "Không mở được tệp cơ sở dữ liệu (thư mục không tồn tại hoặc không có quyền)."
    return "Lỗi cơ sở dữ liệu: thao tác không thực hiện được, dữ liệu không bị thay đổi."


@dataclass
class Database:
    """An open fieldapp database: the engine, this device's id, who is acting, and sessions.

    ``actor`` is the signed-in account (None before sign-in). Once the database has accounts
    (``accounts_enabled``), every write is checked against the actor's role and every change
    is recorded with the actor's name (:mod:`fieldapp.audit.trail`).
    """

    engine: Engine
    device_id: str
    paths: Paths | None = None
    actor: Actor | None = None
    accounts_enabled: bool = False

    def __post_init__(self) -> None:
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    def session(self) -> Session:
        """A new session; the caller owns it (``with db.session() as s:``)."""
        return self._sessions(
            info={
                "device_id": self.device_id,
                "actor": self.actor,
                "enforce": self.accounts_enabled,
                "paths": self.paths,  # the audit anchor beside the database
            }
        )

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: commits at the end, rolls back everything on any error.

        Database failures (full disk, read-only folder, lock) come out as
        :class:`DatabaseError` with a Vietnamese message.
        """
        try:
            with self.session() as session, session.begin():
                yield session
        except (OperationalError, DBAPIError) as exc:
            raise error_for(exc, self.paths.database if self.paths else None) from exc

    def close(self) -> None:
        self.engine.dispose()
        release_shared_lock(self)

    # The shared lock on the data folder's lock file while this database is open (restore
    # takes it exclusively, so it never replaces a file another window is writing).
    _lock: object = None


# --------------------------------------------------------------------------------------------
# Who has the database open: a lock file beside it (POSIX flock; Windows refuses to replace an
# open file by itself)
# --------------------------------------------------------------------------------------------


def lock_path(paths: Paths) -> Path:
    return paths.database.with_name(paths.database.name + ".lock")


def _flock(fh, exclusive: bool, blocking: bool) -> bool:
    try:
        import fcntl
    except ImportError:  # Windows
        return True
    flags = fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH
    if not blocking:
        flags |= fcntl.LOCK_NB
    try:
        fcntl.flock(fh.fileno(), flags)
    except BlockingIOError:
        return False
    return True


def take_shared_lock(db: Database, paths: Paths, *, wait_seconds: float = 10.0) -> None:
    """Mark ``db`` as open on ``paths`` (waits while a restore holds the file)."""
    import time

    try:
        fh = open(lock_path(paths), "a+b")  # noqa: SIM115 - held until the database closes
    except OSError:
        return  # a read-only folder: nothing can be restored into it either
    with contextlib.suppress(OSError):
        os.chmod(fh.name, 0o600)
    deadline = time.monotonic() + wait_seconds
    while not _flock(fh, exclusive=False, blocking=False):
        if time.monotonic() > deadline:
            fh.close()
            raise DatabaseError(
                "Dữ liệu đang được khôi phục từ bản sao lưu ở một cửa sổ khác. Hãy thử lại sau."
            )
        time.sleep(0.1)
    db._lock = fh


def release_shared_lock(db: Database) -> None:
    fh = db._lock
    db._lock = None
    if fh is not None:
        with contextlib.suppress(OSError):
            fh.close()


@contextlib.contextmanager
def exclusive_lock(paths: Paths) -> Iterator[None]:
    """Hold the database alone (restore, demo --force): refuse at once while any window or
    command of this computer has it open."""
    paths.data_dir.mkdir(parents=True, exist_ok=True)
    fh = open(lock_path(paths), "a+b")  # noqa: SIM115
    try:
        with contextlib.suppress(OSError):
            os.chmod(fh.name, 0o600)
        if not _flock(fh, exclusive=True, blocking=False):
            raise DatabaseError(
                "Cơ sở dữ liệu đang mở ở một cửa sổ hoặc lệnh khác. Hãy đóng cửa sổ fieldapp "
                "(hoặc chờ lệnh kia xong) rồi khôi phục lại; chưa có gì thay đổi."
            )
        yield
    finally:
        fh.close()


@event.listens_for(Session, "before_flush")
def _stamp_sync_columns(session: Session, _context, _instances) -> None:
    """Fill device id and timestamps of travelling records, so no service can forget."""
    device_id = session.info.get("device_id")
    now = utcnow()
    for obj in session.new:
        if isinstance(obj, SyncMixin):
            obj.device_id = device_id or obj.device_id
            obj.created_at = obj.created_at or now
            obj.updated_at = now
    for obj in session.dirty:
        if isinstance(obj, SyncMixin) and session.is_modified(obj, include_collections=False):
            obj.updated_at = now
            if device_id:
                obj.device_id = device_id


# The role check and the audit trail hook into every session (imported for its listeners).
import fieldapp.audit.anchor  # noqa: E402, F401  (the signed head beside the file)
import fieldapp.audit.trail  # noqa: E402, F401


def _make_private(paths: Paths) -> None:
    """The data folder 0700 and the database files 0600 (an install older than this rule)."""
    from fieldapp.files import make_private

    make_private(paths.data_dir)
    for suffix in ("", "-wal", "-shm", ".anchor", ".lock"):
        target = paths.database.with_name(paths.database.name + suffix)
        if target.exists():
            make_private(target)
    for folder in (paths.backups, paths.documents, paths.data_dir / "keys"):
        if folder.exists():
            make_private(folder)


def ensure_writable_dir(directory: Path) -> None:
    """Create the data folder if needed and prove we can write in it (refuse otherwise)."""
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseError(
            f"Không tạo được thư mục dữ liệu {directory}: {_os_reason(exc)}. "
            "Hãy chọn thư mục khác bằng --data-dir."
        ) from exc
    probe = directory / f".write-test-{os.getpid()}"
    try:
        with open(probe, "wb") as fh:
            fh.write(b"ok")
            fh.flush()
            os.fsync(fh.fileno())
    except OSError as exc:
        import errno

        if exc.errno == errno.ENOSPC:
            return  # a full disk: reading, backups and exports to another disk still work
        raise DatabaseError(
            f"Thư mục dữ liệu {directory} không ghi được ({_os_reason(exc)}). "
            "Hãy chọn thư mục khác bằng --data-dir; không có gì bị thay đổi."
        ) from exc
    finally:
        with contextlib.suppress(OSError):
            probe.unlink()


def _os_reason(exc: OSError) -> str:
    import errno

    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "không có quyền ghi"
    if exc.errno == errno.ENOSPC:
        return "ổ đĩa đã đầy"
    return "lỗi hệ thống tệp"


def inspect_file(path: Path, *, integrity: bool = True) -> str | None:
    """Read-only look at ``path``: its schema revision, or None for a new or empty file.

    Raises :class:`DatabaseError` for anything not ours or broken.
    """
    if not path.exists() or path.stat().st_size == 0:
        return None
    with open(path, "rb") as fh:
        magic = fh.read(len(SQLITE_MAGIC))
    if magic != SQLITE_MAGIC:
        raise DamagedDatabase(
            f"Tệp {path.name} không phải cơ sở dữ liệu của fieldapp (không phải tệp SQLite, "
            "hoặc đã hỏng). Ứng dụng không thay đổi tệp này."
        )
    try:
        conn = read_only_connection(path)
    except sqlite3.Error as exc:
        raise error_for(exc, path) from exc
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not tables:
            return None
        if app_id != APPLICATION_ID or "alembic_version" not in tables:
            raise DatabaseError(
                f"Tệp {path.name} là cơ sở dữ liệu của chương trình khác, không phải của "
                "fieldapp. Ứng dụng không thay đổi tệp này."
            )
        if integrity:
            result = conn.execute("PRAGMA quick_check").fetchone()[0]
            if result != "ok":
                raise DamagedDatabase(
                    f"Tệp cơ sở dữ liệu {path.name} bị hỏng. Hãy khôi phục từ bản sao lưu "
                    "gần nhất; ứng dụng không ghi gì vào tệp hỏng."
                )
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        revision = row[0] if row else None
    except sqlite3.DatabaseError as exc:
        if not is_damage_error(exc):
            # busy, no room for the shared-memory file, an I/O hiccup: not "damaged"
            raise error_for(exc) from exc
        raise DamagedDatabase(
            f"Tệp cơ sở dữ liệu {path.name} bị hỏng hoặc không đọc được. Hãy khôi phục từ "
            "bản sao lưu gần nhất; ứng dụng không ghi gì vào tệp này."
        ) from exc
    finally:
        conn.close()
    if revision is not None and revision not in schema.REVISIONS:
        raise DatabaseError(
            f"Tệp dữ liệu được tạo bởi phiên bản fieldapp mới hơn (lược đồ {revision}). "
            "Hãy cập nhật ứng dụng; tệp không bị thay đổi."
        )
    return revision


def backup_file(source: Path, target: Path) -> Path:
    """Copy a live SQLite file with the backup API (consistent even while in use)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst)
        finally:
            dst.close()
        os.replace(partial, target)
    except (sqlite3.Error, OSError) as exc:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise DatabaseError(
            "Không sao lưu được cơ sở dữ liệu trước khi nâng cấp "
            f"({explain_sqlite_error(exc) if isinstance(exc, sqlite3.Error) else _os_reason(exc)}). "
            "Không có gì bị thay đổi."
        ) from exc
    finally:
        src.close()
    return target


def open_database(paths: Paths, *, integrity: bool = True, url: str | None = None) -> Database:
    """Open (creating or upgrading if needed) the database of a data folder.

    With ``url`` (``postgresql+psycopg://...``) the records live in that server instead: the
    district's or province's central copy. The data folder still holds the device key and
    the original documents.
    """
    if url and not url.startswith("sqlite"):
        return _open_server(url, paths)
    ensure_writable_dir(paths.data_dir)
    _make_private(paths)
    revision = inspect_file(paths.database, integrity=integrity)
    engine = make_engine(sqlite_url(paths.database))
    try:
        if revision != schema.HEAD:
            if revision is not None:
                stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
                backup_file(
                    paths.database,
                    paths.backups / f"before-upgrade-{revision}-{stamp}.sqlite3",
                )
            from fieldapp.db.migrate import upgrade

            upgrade(engine, schema.HEAD)
        device_id = _ensure_device_id(engine)
        with engine.connect() as conn:
            accounts = conn.exec_driver_sql("SELECT count(*) FROM user_account").scalar()
    except (OperationalError, DBAPIError) as exc:
        engine.dispose()
        raise error_for(exc, paths.database) from exc
    except BaseException:
        engine.dispose()
        raise
    db = Database(engine=engine, device_id=device_id, paths=paths, accounts_enabled=bool(accounts))
    try:
        take_shared_lock(db, paths)
    except BaseException:
        engine.dispose()
        raise
    return db


def _open_server(url: str, paths: Paths) -> Database:
    """A database server (PostgreSQL): the same schema through the same migrations."""
    from sqlalchemy import inspect

    ensure_writable_dir(paths.data_dir)
    try:
        engine = make_engine(url)
    except Exception as exc:  # noqa: BLE001 - a bad URL or a missing driver
        raise DatabaseError("Địa chỉ máy chủ cơ sở dữ liệu không hợp lệ (--db-url).") from exc
    try:
        with engine.connect() as conn:
            tables = set(inspect(conn).get_table_names())
            revision = None
            if "alembic_version" in tables:
                revision = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
            elif tables - {"alembic_version"}:
                raise DatabaseError(
                    "Cơ sở dữ liệu trên máy chủ đã có bảng của chương trình khác; hãy dùng một "
                    "cơ sở dữ liệu trống cho fieldapp."
                )
        if revision is not None and revision not in schema.REVISIONS:
            raise DatabaseError(
                f"Cơ sở dữ liệu trên máy chủ do phiên bản fieldapp mới hơn tạo (lược đồ "
                f"{revision}). Hãy cập nhật ứng dụng."
            )
        if revision != schema.HEAD:
            from fieldapp.db.migrate import upgrade

            upgrade(engine, schema.HEAD)
        device_id = _ensure_device_id(engine)
        with engine.connect() as conn:
            accounts = conn.exec_driver_sql("SELECT count(*) FROM user_account").scalar()
    except (OperationalError, DBAPIError) as exc:
        engine.dispose()
        raise DatabaseError(
            "Không kết nối được máy chủ cơ sở dữ liệu (kiểm tra địa chỉ, mật khẩu, mạng)."
        ) from exc
    except BaseException:
        engine.dispose()
        raise
    return Database(
        engine=engine, device_id=device_id, paths=paths, accounts_enabled=bool(accounts)
    )


def _ensure_device_id(engine: Engine) -> str:
    with Session(engine) as session, session.begin():
        row = session.get(AppMeta, "device_id")
        if row is None:
            row = AppMeta(key="device_id", value=str(uuid.uuid4()))
            session.add(row)
            session.add(AppMeta(key="created_at", value=utcnow().isoformat()))
        return row.value


def get_meta(db: Database, key: str) -> str | None:
    with db.session() as s:
        return s.scalar(select(AppMeta.value).where(AppMeta.key == key))
