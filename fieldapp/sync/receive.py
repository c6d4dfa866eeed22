"""Receiving sync packages: check everything first, then apply in one transaction.

Checks, before the database is touched: the file is a zip of the expected shape (no path
leaves the package, no part is larger or more compressed than a real package can be: zip
bombs are refused unread), the manifest is signed by the key it names, that key is trusted
here (or trusted now, on request, for a first package of a new sender whose device has no
other key), the format and schema are ones this version knows, and every part has the size
and SHA-256 the signed manifest says.

The merge is deterministic, so packages from several devices give the same register in any
order, and importing a package twice changes nothing:

- a record is matched by its UUID; references come as UUIDs and are mapped to local ids;
- of two versions the newer ``updated_at`` wins (the device id breaks a tie); when the
  versions came from different devices, the losing one goes to the conflicts list, and so
  does any change of a protected value (citizen ID, health status) by another device;
- a deletion (tombstone) is final: an older package never brings the record back, and an
  edit made elsewhere after the deletion goes to the conflicts list.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import Table, select
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from fieldapp import json_input
from fieldapp.db import schema
from fieldapp.db.base import utcnow
from fieldapp.db.database import Database
from fieldapp.db.ddl import build_indexes, defer_plain_indexes
from fieldapp.errors import UserError
from fieldapp.files import free_space_check
from fieldapp.progress import Progress, report
from fieldapp.sync import keys, parts
from fieldapp.sync.models import Conflict, Peer, ReceivedPackage, Tombstone
from fieldapp.sync.package import FORMAT
from fieldapp.sync.rights import SenderRights
from fieldapp.sync.tables import (
    canonical,
    copy_triggers_at_end,
    decode,
    decode_row,
    existing_rows,
    insert_rows,
    local_key,
    references,
    travelling_tables,
)
from fieldapp.sync.validate import BadRow, check_row, stored_name

# Called for every row of a package: the set of travelling tables is fixed once the models
# are loaded, so the answer per table is worked out once.
references = functools.cache(references)

MAX_PACKAGE_BYTES = 2 * 1024**3
MAX_PART_BYTES = 512 * 1024**2
MAX_TOTAL_BYTES = 2 * 1024**3
MAX_RATIO = 200  # JSON compresses ~10-20×; far beyond that is a zip bomb
MAX_PARTS = 10_000
PART_NAME = re.compile(r"^(data/[a-z0-9_]{1,60}\.json|files/[0-9a-f]{64})$")

# Values another device may not change without a person looking: (table, column).
PROTECTED_COLUMNS = frozenset(
    {
        ("household_member", "citizen_id"),
        ("household_member", "status"),
        ("household_member", "isolation_end"),
        ("health_status", "status"),
        ("health_status", "end"),
    }
)


class PackageError(UserError):
    """A package refused before anything was written; the message says why."""


@dataclass
class ReceivedManifest:
    """A package checked whole: its signed manifest, who signed it, and the parts it lists
    (name -> size and SHA-256). The parts themselves are read again, and checked again,
    while they are applied; none is kept in memory."""

    sha256: str
    manifest: dict[str, Any]
    fingerprint: str
    public_key: str
    listed: dict[str, dict[str, Any]]
    path: Path | None = None


@dataclass
class ImportResult:
    file: Path
    commune: str
    sequence: int
    already: bool = False
    inserted: int = 0
    updated: int = 0
    deleted: int = 0
    conflicts: int = 0
    not_owned: int = 0  # rows in another device's name, not applied (issue 15)
    counts: dict[str, int] = field(default_factory=dict)


def read_package(path: Path) -> ReceivedManifest:
    """Open and check a package file completely (no database involved)."""
    with _opened(Path(path)) as (received, _archive):
        return received


@contextlib.contextmanager
def _opened(path: Path) -> Iterator[tuple[ReceivedManifest, zipfile.ZipFile]]:
    """The package checked completely, and its archive, still open on the same file (a file
    put in its place meanwhile is never read; one changed in place fails the second check of
    its parts while they are applied)."""
    try:
        fh = open(path, "rb")  # noqa: SIM115 - closed below, the archive reads through it
    except OSError as exc:
        raise PackageError(f"Không đọc được tệp {path.name}.") from exc
    with fh:
        size = os.fstat(fh.fileno()).st_size
        if size == 0 or size > MAX_PACKAGE_BYTES:
            raise PackageError(f"Tệp {path.name} rỗng hoặc quá lớn để là gói đồng bộ.")
        whole = hashlib.sha256()
        try:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                whole.update(chunk)
            fh.seek(0)
            archive = zipfile.ZipFile(fh)
        except (zipfile.BadZipFile, OSError) as exc:
            raise PackageError(
                f"Tệp {path.name} không phải gói đồng bộ của fieldapp, hoặc đã bị cắt cụt/hỏng."
            ) from exc
        with archive:
            yield _check(archive, path, whole.hexdigest()), archive


def _check(archive: zipfile.ZipFile, path: Path, sha256: str) -> ReceivedManifest:
    infos = archive.infolist()
    names = [i.filename for i in infos]
    if len(infos) > MAX_PARTS or len(set(names)) != len(names):
        raise PackageError(f"Gói {path.name} có cấu trúc bất thường; đã từ chối.")
    total = 0
    for info in infos:
        name = info.filename
        if name not in ("manifest.json", "manifest.sig") and not PART_NAME.match(name):
            raise PackageError(
                f"Gói {path.name} chứa đường dẫn không hợp lệ ({name[:80]}); đã từ chối."
            )
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if (
            info.file_size > MAX_PART_BYTES
            or total > MAX_TOTAL_BYTES
            or (info.file_size > 1_000_000 and ratio > MAX_RATIO)
        ):
            raise PackageError(
                f"Gói {path.name} giải nén ra quá lớn (có thể là tệp độc hại); đã từ chối."
            )
    if "manifest.json" not in names or "manifest.sig" not in names:
        raise PackageError(f"Gói {path.name} thiếu bản kê khai hoặc chữ ký; đã từ chối.")
    try:
        manifest_bytes = _read(archive, "manifest.json", 4 * 1024**2)
        signature = _read(archive, "manifest.sig", 1024)
        manifest = json_input.loads(manifest_bytes)
    except (ValueError, zipfile.BadZipFile, OSError) as exc:
        raise PackageError(f"Bản kê khai của gói {path.name} bị hỏng.") from exc
    if not isinstance(manifest, dict):
        raise PackageError(f"Bản kê khai của gói {path.name} bị hỏng.")
    fmt = manifest.get("format")
    if not isinstance(fmt, int) or fmt > FORMAT:
        raise PackageError(
            f"Gói {path.name} được tạo bởi phiên bản fieldapp mới hơn (định dạng {fmt}). "
            "Hãy cập nhật ứng dụng."
        )
    if manifest.get("schema") not in schema.REVISIONS:
        raise PackageError(
            f"Gói {path.name} có lược đồ dữ liệu mới hơn ({manifest.get('schema')}). "
            "Hãy cập nhật ứng dụng."
        )
    public = manifest.get("public_key", "")
    try:
        raw = keys.verify_signature(public, signature, manifest_bytes)
    except ValueError as exc:
        raise PackageError(
            f"Chữ ký của gói {path.name} không đúng: gói đã bị sửa hoặc không phải do "
            "máy gửi tạo ra. Đã từ chối."
        ) from exc
    listed = manifest.get("parts")
    if not isinstance(listed, dict):
        raise PackageError(f"Bản kê khai của gói {path.name} bị hỏng.")
    present = set(names) - {"manifest.json", "manifest.sig"}
    if present != set(listed):
        raise PackageError(
            f"Gói {path.name} thiếu hoặc thừa phần so với bản kê khai (bị cắt cụt hoặc bị "
            "sửa); đã từ chối."
        )
    for name, meta in listed.items():
        # read through and hashed, never kept: it is read (and checked) again when applied
        _hash_part(archive, path, name, meta)
    return ReceivedManifest(sha256, manifest, keys.fingerprint(raw), public, listed, path)


def _part_meta(meta: Any) -> tuple[int, str]:
    if not isinstance(meta, dict):
        raise TypeError("part")
    size = meta["bytes"]
    if size.__class__ is not int or not 0 <= size <= MAX_PART_BYTES:
        raise ValueError("part size")
    return size, str(meta.get("sha256"))


def _hash_part(archive: zipfile.ZipFile, path: Path, name: str, meta: Any) -> None:
    try:
        size, sha256 = _part_meta(meta)
        parts.hash_part(archive, name, size, sha256)
    except parts.PartMismatch:
        raise PackageError(
            f"Phần {name} của gói {path.name} không khớp mã kiểm tra (bị sửa); đã từ chối."
        ) from None
    except (zipfile.BadZipFile, OSError, KeyError, ValueError, TypeError, EOFError) as exc:
        raise PackageError(f"Không đọc được phần {name} của gói {path.name}.") from exc


def _open_part(
    archive: zipfile.ZipFile, received: ReceivedManifest, name: str
) -> parts.CheckedPart:
    size, sha256 = _part_meta(received.listed[name])
    return parts.CheckedPart(archive, name, size, sha256)


def _read(archive: zipfile.ZipFile, name: str, limit: int) -> bytes:
    with archive.open(name) as fh:
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise ValueError("part larger than declared")
    return data


def trust(
    db: Database,
    fingerprint_text: str,
    *,
    public_key: str = "",
    commune: str = "",
    device_id: str = "",
) -> str:
    """Trust a sender's key (after a person compared the fingerprint)."""
    _check_sync_role(db)
    fp = keys.normalise_fingerprint(fingerprint_text)
    with db.transaction() as s:
        if s.scalar(select(Peer).where(Peer.fingerprint == fp)) is None:
            s.add(
                Peer(
                    fingerprint=fp,
                    public_key=public_key,
                    commune=commune,
                    device_id=device_id,
                    trusted_at=utcnow(),
                    last_sequence=0,
                )
            )
    return fp


def _check_sync_role(db: Database) -> None:
    if db.accounts_enabled:
        from fieldapp.accounts.permissions import check_write

        check_write(db.actor, "sync")


def import_package(
    db: Database, path: Path, *, trust_new: bool = False, progress: Progress | None = None
) -> ImportResult:
    """Check ``path`` and apply it; a refused (or cancelled) package leaves the database
    untouched. The parts are read as they are applied, a few thousand rows at a time."""
    _check_sync_role(db)
    with _opened(Path(path)) as (received, archive):
        return _import(db, Path(path), received, archive, trust_new, progress)


def _import(
    db: Database,
    path: Path,
    received: ReceivedManifest,
    archive: zipfile.ZipFile,
    trust_new: bool,
    progress: Progress | None,
) -> ImportResult:
    m = received.manifest
    commune = (m.get("commune") or {}).get("name", "")
    device_id = str(m.get("device_id", ""))
    sequence = int(m.get("sequence", 0))
    result = ImportResult(Path(path), commune, sequence)
    with db.transaction() as s:
        if s.scalar(
            select(ReceivedPackage.id).where(ReceivedPackage.package_sha256 == received.sha256)
        ):
            result.already = True
            return result
        peer = s.scalar(select(Peer).where(Peer.fingerprint == received.fingerprint))
        rights = SenderRights.load(s, db.device_id, received.fingerprint)
        try:
            rights.check_sender(device_id, Path(path).name, commune)
        except UserError as err:
            raise PackageError(str(err)) from None
        if peer is not None and peer.device_id and peer.device_id != device_id:
            raise PackageError(
                f"Gói {Path(path).name} ký bằng khóa của máy {peer.device_id[:8]} nhưng tự nhận "
                "là máy khác. Đã từ chối."
            )
        if peer is None:
            other = s.scalar(select(Peer).where(Peer.device_id == device_id, Peer.device_id != ""))
            if other is not None:
                raise PackageError(
                    f"Gói {Path(path).name} của {commune} được ký bằng một khóa KHÁC khóa đã tin "
                    f"cậy của máy này (dấu vân tay mới {received.fingerprint}). Đã từ chối; hãy "
                    "gọi điện xác minh với xã trước khi tin cậy khóa mới."
                )
            waiting = s.scalar(select(Peer.fingerprint).where(Peer.device_id == ""))
            if trust_new and waiting is not None:
                raise PackageError(
                    f"Gói {Path(path).name} của {commune or 'một máy lạ'} ký bằng khóa chưa tin "
                    f"cậy ({received.fingerprint}), trong khi có khóa đã được tin cậy trước mà "
                    f"chưa gửi gói nào ({waiting}). Không tự tin cậy khóa mới lúc này: hãy đối "
                    "chiếu dấu vân tay với người gửi rồi dùng fieldapp sync trust."
                )
            if not trust_new:
                raise PackageError(
                    f"Gói {Path(path).name} của {commune or 'một máy lạ'} được ký bằng khóa chưa "
                    f"được tin cậy (dấu vân tay {received.fingerprint}). Hãy đối chiếu dấu vân "
                    "tay với người gửi, rồi tin cậy khóa này (fieldapp sync trust ...)."
                )
            peer = Peer(
                fingerprint=received.fingerprint,
                public_key=received.public_key,
                trusted_at=utcnow(),
                last_sequence=0,
            )
            s.add(peer)
        peer.public_key = peer.public_key or received.public_key
        peer.device_id = peer.device_id or device_id
        peer.commune = commune or peer.commune
        conn = s.connection()
        rights.bind(s, device_id)
        with _page_cache(conn):
            _apply(conn, db, received, archive, result, rights, progress)
        peer.last_sequence = max(peer.last_sequence or 0, sequence)
        peer.last_package_at = utcnow()
        s.add(
            ReceivedPackage(
                package_sha256=received.sha256,
                fingerprint=received.fingerprint,
                device_id=device_id,
                sequence=sequence,
                received_at=utcnow(),
                rows=result.inserted + result.updated + result.deleted,
            )
        )
        s.flush()
        from fieldapp.audit.trail import record

        record(
            s,
            "import",
            "sync_package",
            f"{device_id}#{sequence}",
            {
                "commune": commune,
                "inserted": result.inserted,
                "updated": result.updated,
                "deleted": result.deleted,
                "conflicts": result.conflicts,
                "not_owned": result.not_owned,
            },
        )
    return result


def _apply(
    conn: Connection,
    db: Database,
    received: ReceivedManifest,
    archive: zipfile.ZipFile,
    result: ImportResult,
    rights: SenderRights | None = None,
    progress: Progress | None = None,
) -> None:
    tables = {t.name: t for t in travelling_tables()}
    counts = received.manifest.get("counts")
    total = sum(v for v in counts.values() if v.__class__ is int) if isinstance(counts, dict) else 0
    done = 0
    try:
        stones = _small_part(archive, received, "data/_tombstones.json")
        tombs = {row[0]: row for row in stones["rows"]} if stones else {}
        maps = _Maps(conn)
        maps.rights = rights
        # Rows first (parents before children), deletions last.
        for table in tables.values():
            name = f"data/{table.name}.json"
            if name not in received.listed:
                continue
            expected = counts.get(table.name) if isinstance(counts, dict) else None
            bulk = isinstance(expected, int) and expected >= BULK_ROWS
            with (
                _open_part(archive, received, name) as part,
                copy_triggers_at_end(conn, table) if bulk else contextlib.nullcontext(),
                _plain_indexes_after(conn, table, expected if bulk else 0),
            ):
                columns, batches = parts.table_rows(part, MERGE_CHUNK)
                unknown = set(columns) - set(table.c.keys())
                if unknown:
                    raise PackageError(
                        f"Gói có cột không biết trong bảng {table.name}: hãy cập nhật ứng dụng."
                    )
                count = 0
                # A few thousand rows at a time, parsed as the part is read: a
                # 50,000-household package is never in memory whole (issue 17 target).
                for batch in batches:
                    rows = [dict(zip(columns, values, strict=True)) for values in batch]
                    _merge_table(conn, table, rows, tombs, maps, result)
                    count += len(rows)
                    done += len(rows)
                    report(progress, done, max(total, done), table.name)
            result.counts[table.name] = result.counts.get(table.name, 0) + count
        for uuid, table_name, deleted_at, device_id in (stones or {"rows": []})["rows"]:
            if table_name in tables:
                if rights is not None and not rights.may_write(str(device_id)):
                    result.not_owned += 1
                    continue  # a deletion in another device's name: not the sender's
                _apply_tombstone(
                    conn, tables[table_name], uuid, deleted_at, device_id, result, rights
                )
        _store_files(conn, db, archive, received)
    except BadRow as bad:
        raise PackageError(str(bad)) from None
    except parts.PartMismatch as exc:
        raise PackageError(
            f"Phần {exc} của gói {received.path.name if received.path else ''} không khớp mã "
            "kiểm tra (tệp bị sửa trong khi nhập); đã từ chối, không có gì được ghi."
        ) from None
    except (zipfile.BadZipFile, EOFError, zlib.error, OSError) as exc:
        raise PackageError(
            "Không đọc được gói trong khi nhập (tệp bị thay đổi hoặc hỏng); không có gì được ghi."
        ) from exc
    except (KeyError, TypeError, ValueError) as exc:
        raise PackageError("Dữ liệu trong gói không đúng định dạng; đã từ chối.") from exc


IMPORT_CACHE_KIB = 64 * 1024
INDEXES_AFTER_FROM = 20_000  # rows of a part from which its table's plain indexes come after


@contextlib.contextmanager
def _plain_indexes_after(conn: Connection, table: Table, rows: int) -> Iterator[None]:
    """A part that at least doubles its table (a commune's first package at the district):
    the table's plain indexes are built once after its rows instead of taking them one by
    one (:func:`fieldapp.db.ddl.defer_plain_indexes`); unique ones, which the merge looks
    rows up by, stay. A failure leaves them to the rollback (DDL is transactional)."""
    statements = defer_plain_indexes(conn, table.name, rows, threshold=INDEXES_AFTER_FROM)
    yield
    build_indexes(conn, statements)


@contextlib.contextmanager
def _page_cache(conn: Connection) -> Iterator[None]:
    """A bigger SQLite page cache while a package is merged: the index pages of big tables
    stay in memory instead of being spilled and read back (a quarter less work inserting
    200,000 people); the connection's own size is put back after."""
    if conn.dialect.name != "sqlite":
        yield
        return
    before = int(conn.exec_driver_sql("PRAGMA cache_size").scalar() or -2000)
    conn.exec_driver_sql(f"PRAGMA cache_size=-{IMPORT_CACHE_KIB}")
    try:
        yield
    finally:
        with contextlib.suppress(SQLAlchemyError):
            conn.exec_driver_sql(f"PRAGMA cache_size={before}")


def _small_part(archive: zipfile.ZipFile, received: ReceivedManifest, name: str) -> dict | None:
    """A small part (the tombstones) read whole and checked again."""
    if name not in received.listed:
        return None
    with _open_part(archive, received, name) as part:
        value = json_input.loads(part.read_all())
    if not isinstance(value, dict) or not isinstance(value.get("rows"), list):
        raise ValueError(name)
    return value


class _Maps:
    """UUID ↔ local id of the records a package refers to, looked up a batch at a time by
    the unique index (the work and the memory follow the package, not the size of the
    register it goes into), and the local tombstones, read once per import."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.to_id: dict[str, dict[str, int]] = {}
        self.to_uuid: dict[str, dict[int, str]] = {}
        self.empty: dict[str, bool] = {}  # table had no rows when the package began
        self.tombstones = {
            r.uuid: r.deleted_at.isoformat()
            for r in conn.execute(select(Tombstone.uuid, Tombstone.deleted_at))
        }

    def was_empty(self, table: Table) -> bool:
        if table.name not in self.empty:
            self.empty[table.name] = (
                self.conn.execute(select(table.c.uuid).limit(1)).first() is None
            )
        return self.empty[table.name]

    def prefetch_ids(self, table: Table, uuids: Any) -> None:
        known = self.to_id.setdefault(table.name, {})
        back = self.to_uuid.setdefault(table.name, {})
        wanted = [u for u in set(uuids) if u is not None and u not in known]
        key = table.c[local_key(table)]
        for start in range(0, len(wanted), BATCH):
            chunk = wanted[start : start + BATCH]
            for u, i in self.conn.execute(select(table.c.uuid, key).where(table.c.uuid.in_(chunk))):
                known[u] = i
                back[i] = u

    def prefetch_uuids(self, table: Table, ids: Any) -> None:
        known = self.to_id.setdefault(table.name, {})
        back = self.to_uuid.setdefault(table.name, {})
        wanted = [i for i in set(ids) if i is not None and i not in back]
        key = table.c[local_key(table)]
        for start in range(0, len(wanted), BATCH):
            chunk = wanted[start : start + BATCH]
            for u, i in self.conn.execute(select(table.c.uuid, key).where(key.in_(chunk))):
                known[u] = i
                back[i] = u

    def local_id(self, table: Table, uuid: str) -> int | None:
        found = self.to_id.get(table.name, {}).get(uuid)
        if found is None:
            self.prefetch_ids(table, [uuid])
            found = self.to_id[table.name].get(uuid)
        return found

    def uuid(self, table: Table, local: int) -> str | None:
        found = self.to_uuid.get(table.name, {}).get(local)
        if found is None:
            self.prefetch_uuids(table, [local])
            found = self.to_uuid[table.name].get(local)
        return found

    def version(self, table: Table, row: Any) -> dict[str, Any]:
        """Like :func:`_version`, with references looked up in the maps."""
        from fieldapp.sync.tables import encode

        refs = references(table)
        key = local_key(table)
        out = {}
        for name in table.c.keys():
            if name == key:
                continue
            value = row[name]
            if name in refs and value is not None:
                value = self.uuid(refs[name], value)
            out[name] = encode(value)
        return out


BATCH = 500
MERGE_CHUNK = 5000
BULK_ROWS = 1000  # from this many rows of a table, its copy triggers run once at the end


def _merge_table(
    conn: Connection,
    table: Table,
    rows: list[dict[str, Any]],
    tombs: dict[str, Any],
    maps: _Maps,
    result: ImportResult,
) -> None:
    """Merge one table's rows: new rows go in by batches, the rest one by one."""
    # a table empty before the package holds none of its rows (its UUIDs are distinct)
    existing = (
        {} if maps.was_empty(table) else existing_rows(conn, table, [r["uuid"] for r in rows])
    )
    fresh: list[tuple[dict[str, Any], dict[str, Any]]] = []
    refs = references(table)
    for name, target in refs.items():  # the records referred to, in a few queries
        maps.prefetch_ids(target, [r.get(name) for r in rows])
        if existing:
            maps.prefetch_uuids(target, [e[name] for e in existing.values()])
    rights: SenderRights | None = getattr(maps, "rights", None)
    today = date.today()  # for the birth-year check, once per batch
    for number, incoming in enumerate(rows, start=1):
        uuid = incoming["uuid"]
        deleted_at = maps.tombstones.get(uuid) or (tombs[uuid][2] if uuid in tombs else None)
        if deleted_at is not None:
            if _moment(incoming["updated_at"]) > _moment(deleted_at):
                _conflict(conn, table.name, uuid, "edited_after_delete", None, incoming, result)
            continue
        values = decode_row(table, incoming)
        check_row(table, values, number, references=refs, today=today)
        stamp = str(incoming.get("device_id"))
        if rights is not None:
            if not rights.may_write(stamp):
                # Stamped with another key's device, or changing this computer's own record in
                # its name: an echo of ours (a full export) or a forgery. Never applied; the
                # owner sends its own. (A NEW record in this computer's name may come: the
                # district sends a commune its copy of a directive that way.)
                if not (stamp == rights.receiver_device and uuid not in existing):
                    result.not_owned += 1
                    continue
            elif uuid in existing:
                last = str(existing[uuid]["device_id"] or "")
                if stamp != last and not rights.may_change(conn, table.name, uuid, last):
                    # another device's record (this computer's own, another commune's):
                    # never overwritten by this sender; a person sees it in the conflicts
                    _conflict(conn, table.name, uuid, "not_owner", None, incoming, result)
                    continue
        orphan = False
        for name, target in refs.items():
            ref = incoming.get(name)
            if ref is None:
                continue
            local = maps.local_id(target, ref)
            if local is None:
                if ref in maps.tombstones or ref in tombs:
                    _conflict(conn, table.name, uuid, "parent_deleted", None, incoming, result)
                    orphan = True
                    break
                raise PackageError(
                    f"Gói thiếu bản ghi mà bảng {table.name} tham chiếu tới: hãy gửi gói đầy "
                    "đủ (fieldapp sync export --full)."
                )
            values[name] = local
        if orphan:
            continue
        if uuid not in existing:
            fresh.append((incoming, values))
            continue
        _merge_existing(conn, table, incoming, values, existing[uuid], maps, result)
    _insert_fresh(conn, table, fresh, result)


def _insert_fresh(conn, table: Table, fresh, result: ImportResult) -> None:
    for start in range(0, len(fresh), BATCH):
        chunk = fresh[start : start + BATCH]
        try:
            with conn.begin_nested():
                insert_rows(
                    conn,
                    table,
                    [values for _incoming, values in chunk],
                    [incoming for incoming, _values in chunk],
                )
            result.inserted += len(chunk)
            continue
        except IntegrityError:
            pass
        for incoming, values in chunk:  # find the row(s) the batch tripped on
            try:
                with conn.begin_nested():
                    conn.execute(table.insert().values(**values))
                result.inserted += 1
            except IntegrityError:
                # e.g. the same citizen ID already on another record: a person must look
                _conflict(
                    conn, table.name, incoming["uuid"], "duplicate_value", None, incoming, result
                )


def _merge_existing(
    conn: Connection,
    table: Table,
    incoming: dict[str, Any],
    values: dict[str, Any],
    existing: Any,
    maps: _Maps,
    result: ImportResult,
) -> None:
    uuid = incoming["uuid"]
    incoming_text = canonical(incoming)
    current = maps.version(table, existing)
    if canonical(current) == incoming_text:
        return  # the same version: nothing to do (a package seen twice, or an echo)
    mine = (_moment(current["updated_at"]), current["device_id"])
    theirs = (_moment(incoming["updated_at"]), incoming["device_id"])
    if theirs > mine:
        protected = [
            c
            for c in current
            if (table.name, c) in PROTECTED_COLUMNS and current[c] != incoming.get(c)
        ]
        key = local_key(table)
        conn.execute(table.update().where(table.c[key] == existing[key]).values(**values))
        result.updated += 1
        _drop_superseded(conn, uuid, incoming["device_id"], None)
        reason = "protected_value" if protected else "concurrent_edit"
        _conflict(conn, table.name, uuid, reason, incoming_text, current, result)
    else:
        _conflict(conn, table.name, uuid, "concurrent_edit", canonical(current), incoming, result)


def _moment(text: str):
    from datetime import datetime

    return datetime.fromisoformat(text)


def _version(conn: Connection, table: Table, row: dict[str, Any]) -> dict[str, Any]:
    """A row's values as shipped (references as UUIDs), for comparing and the conflicts list."""
    refs = references(table)
    key = local_key(table)
    out = {}
    for name in table.c.keys():
        if name == key:
            continue
        value = row[name]
        if name in refs and value is not None:
            target = refs[name]
            value = conn.execute(
                select(target.c.uuid).where(target.c[local_key(target)] == value)
            ).scalar()
        out[name] = value
    from fieldapp.sync.tables import encode

    return {k: encode(v) for k, v in out.items()}


def _apply_tombstone(
    conn: Connection,
    table: Table,
    uuid: str,
    deleted_at: str,
    device_id: str,
    result,
    rights: SenderRights | None = None,
) -> None:
    if rights is not None:
        row = conn.execute(select(table.c.device_id).where(table.c.uuid == uuid)).first()
        last = str(row[0] or "") if row is not None else ""
        if (
            row is not None
            and last != device_id
            and not rights.may_change(conn, table.name, uuid, last)
        ):
            _conflict(
                conn,
                table.name,
                uuid,
                "not_owner",
                None,
                {"uuid": uuid, "device_id": device_id, "updated_at": deleted_at},
                result,
            )
            return
    if conn.execute(select(Tombstone.uuid).where(Tombstone.uuid == uuid)).first() is None:
        conn.execute(
            Tombstone.__table__.insert().values(
                uuid=uuid,
                table_name=table.name,
                deleted_at=decode(Tombstone.__table__, "deleted_at", deleted_at),
                device_id=device_id,
            )
        )
    existing = conn.execute(select(table).where(table.c.uuid == uuid)).first()
    if existing is None:
        return
    current = _version(conn, table, existing._mapping)
    _drop_superseded(conn, uuid, None, _moment(deleted_at))
    if _moment(current["updated_at"]) > _moment(deleted_at):
        _conflict(conn, table.name, uuid, "edited_after_delete", None, current, result)
    key = local_key(table)
    try:
        with conn.begin_nested():
            conn.execute(table.delete().where(table.c[key] == existing._mapping[key]))
        result.deleted += 1
    except IntegrityError:
        _conflict(conn, table.name, uuid, "still_referenced", canonical(current), current, result)


def _drop_superseded(conn: Connection, uuid: str, winner_device: str | None, deleted_at) -> None:
    """Forget listed versions that no longer lost to anything: those of the new winner's own
    device (it moved on from them), or, once the record is deleted, those older than that."""
    table = Conflict.__table__
    query = table.delete().where(table.c.record_uuid == uuid, table.c.resolved_at.is_(None))
    if winner_device is not None:
        conn.execute(query.where(table.c.other_device == winner_device))
    if deleted_at is not None:
        conn.execute(query.where(table.c.other_at <= deleted_at))


def _conflict(
    conn: Connection,
    table_name: str,
    uuid: str,
    reason: str,
    kept: str | None,
    other: dict[str, Any],
    result: ImportResult,
) -> None:
    """List ``other`` as a losing version, keeping only the newest one per device."""
    winner = conn.execute(select(Tombstone.uuid).where(Tombstone.uuid == uuid)).first()
    device = str(other.get("device_id", ""))
    if winner is None and kept is not None and json.loads(kept).get("device_id") == device:
        return  # the same device's newer version won: not a conflict
    at = _moment(other["updated_at"])
    table = Conflict.__table__
    rows = conn.execute(
        select(table.c.id, table.c.other_at).where(
            table.c.record_uuid == uuid,
            table.c.other_device == device,
            table.c.resolved_at.is_(None),
        )
    ).all()
    if any(r.other_at >= at for r in rows):
        return  # a newer losing version of that device is already listed
    if rows:
        conn.execute(table.delete().where(table.c.id.in_([r.id for r in rows])))
    text = canonical(other)
    conn.execute(
        table.insert().values(
            table_name=table_name,
            record_uuid=uuid,
            reason=reason,
            kept=kept,
            other=text,
            other_hash=hashlib.sha256(text.encode("utf-8")).hexdigest(),
            other_device=device,
            other_at=at,
            found_at=utcnow(),
            resolved_by="",
            resolution="",
        )
    )
    result.conflicts += 1


def _store_files(
    conn: Connection, db: Database, archive: zipfile.ZipFile, received: ReceivedManifest
) -> None:
    """Put the documents' original files in the data folder (content-addressed, so a file
    left by a transaction that then failed is harmless), copied from the package a
    megabyte at a time and checked on the way."""
    from fieldapp.db.models import Document

    if db.paths is None:
        return
    for name in received.listed:
        if not name.startswith("files/"):
            continue
        digest = name.split("/", 1)[1]
        if received.listed[name].get("sha256") != digest:
            raise PackageError("Một tệp trong gói không khớp mã kiểm tra của nó; đã từ chối.")
        original = conn.execute(
            select(Document.original_name).where(Document.sha256 == digest)
        ).scalar()
        if original is None:
            continue
        # The receiver names the file from its checksum; a path from a package is never used.
        stored = stored_name(digest, original)
        conn.execute(
            Document.__table__.update()
            .where(Document.__table__.c.sha256 == digest)
            .values(stored_path=stored)
        )
        root = db.paths.documents.resolve()
        target = (root / stored).resolve()
        if root not in target.parents:
            raise PackageError("Gói chỉ tới một tệp ngoài thư mục dữ liệu; đã từ chối.")
        if target.exists():
            continue
        size, _sha = _part_meta(received.listed[name])
        free_space_check(root, size)
        tmp = target.with_name(target.name + ".part")
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            with _open_part(archive, received, name) as part, open(tmp, "wb") as out:
                while chunk := part.read(parts.READ):
                    out.write(chunk)
            tmp.replace(target)  # only once the copy matched its checksum
        except parts.PartMismatch:
            tmp.unlink(missing_ok=True)
            raise
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            raise PackageError(
                "Không ghi được tệp gốc của văn bản (ổ đĩa đầy hoặc không có quyền); gói "
                "chưa được nhập, dữ liệu như cũ."
            ) from exc


KEEP = "keep"
USE_OTHER = "use_other"


def resolve_conflict(db: Database, conflict_id: int, choice: str, *, by: str = "") -> str:
    """A person's decision on a listed conflict: ``keep`` the version in the register, or
    ``use_other`` (the listed version becomes the record again, as a new edit of this device,
    so the choice wins on every device it travels to). Records who and when; returns the
    record's table name."""
    _check_sync_role(db)
    if choice not in (KEEP, USE_OTHER):
        raise UserError("Chỉ chọn: giữ bản hiện có, hoặc dùng bản kia.")
    who = by.strip() or (db.actor.full_name if db.actor is not None else "")
    with db.transaction() as s:
        conflict = s.get(Conflict, conflict_id)
        if conflict is None:
            raise UserError(f"Không có xung đột số {conflict_id}.")
        if conflict.resolved_at is not None:
            raise UserError(f"Xung đột số {conflict_id} đã được xử lý trước đây.")
        if choice == USE_OTHER:
            _use_other(s.connection(), db, conflict)
        conflict.resolved_at = utcnow()
        conflict.resolved_by = who[:60]
        conflict.resolution = choice
        s.flush()
        from fieldapp.audit.trail import record

        record(
            s,
            "resolve",
            "sync_conflict",
            str(conflict_id),
            {"table": conflict.table_name, "record": conflict.record_uuid, "choice": choice},
        )
        return conflict.table_name


def _use_other(conn: Connection, db: Database, conflict: Conflict) -> None:
    tables = {t.name: t for t in travelling_tables()}
    table = tables.get(conflict.table_name)
    if table is None:
        raise UserError("Bảng của xung đột này không còn; không dùng bản kia được.")
    existing = conn.execute(select(table).where(table.c.uuid == conflict.record_uuid)).first()
    if existing is None and conflict.reason == "duplicate_value":
        raise UserError(
            "Bản kia trùng một giá trị (ví dụ số CCCD, số đến) với bản ghi khác trong sổ nên "
            "không thêm được; hãy sửa bản ghi kia trước, hoặc giữ bản hiện có."
        )
    if existing is None:
        raise UserError(
            "Bản ghi này đã bị xóa trên một máy; việc xóa là cuối cùng nên không dùng lại bản "
            "kia được. Hãy nhập lại thông tin nếu cần."
        )
    other = json.loads(conflict.other)
    values: dict[str, Any] = {}
    refs = references(table)
    key = local_key(table)
    for name, value in other.items():
        if name not in table.c or name == key:
            continue
        if name in refs and value is not None:
            target = refs[name]
            local = conn.execute(
                select(target.c[local_key(target)]).where(target.c.uuid == value)
            ).scalar()
            if local is None:
                raise UserError("Bản kia tham chiếu tới một bản ghi không còn; không dùng được.")
            values[name] = local
        else:
            values[name] = decode(table, name, value)
    values["updated_at"] = utcnow()
    values["device_id"] = db.device_id
    try:
        with conn.begin_nested():
            conn.execute(
                table.update().where(table.c[key] == existing._mapping[key]).values(**values)
            )
    except IntegrityError as exc:
        raise UserError(
            "Không dùng được bản kia: nó trùng với một bản ghi khác (ví dụ số CCCD)."
        ) from exc


@dataclass
class ConflictRow:
    """A listed conflict, for the review list (no personal values in it)."""

    id: int
    table_name: str
    record_uuid: str
    reason: str
    other_device: str
    other_commune: str
    other_at: Any
    found_at: Any
    resolved_at: Any = None
    resolved_by: str = ""
    resolution: str = ""


def list_conflicts(db: Database, *, unresolved: bool = True) -> list[ConflictRow]:
    """Conflicts waiting for a person (or all of them), oldest first."""
    with db.session() as s:
        communes = {p.device_id: p.commune for p in s.scalars(select(Peer)) if p.device_id}
        query = select(Conflict).order_by(Conflict.id)
        if unresolved:
            query = query.where(Conflict.resolved_at.is_(None))
        return [
            ConflictRow(
                c.id,
                c.table_name,
                c.record_uuid,
                c.reason,
                c.other_device,
                communes.get(c.other_device, ""),
                c.other_at,
                c.found_at,
                c.resolved_at,
                c.resolved_by,
                c.resolution,
            )
            for c in s.scalars(query)
        ]


def conflict_versions(db: Database, conflict_id: int) -> tuple[dict | None, dict]:
    """(the version in the register now, or None if the record is gone; the listed version),
    both as shipped (references as UUIDs), to compare field by field."""
    tables = {t.name: t for t in travelling_tables()}
    with db.session() as s:
        conflict = s.get(Conflict, conflict_id)
        if conflict is None:
            raise UserError(f"Không có xung đột số {conflict_id}.")
        other = json.loads(conflict.other)
        table = tables.get(conflict.table_name)
        current = None
        if table is not None:
            conn = s.connection()
            row = conn.execute(select(table).where(table.c.uuid == conflict.record_uuid)).first()
            if row is not None:
                current = _version(conn, table, row._mapping)
    return current, other


def sender_state(db: Database, fingerprint_text: str, device_id: str = "") -> str:
    """``trusted``, ``new`` (never seen: a person must compare the fingerprint) or ``changed``
    (that device is trusted under another key: refused)."""
    with db.session() as s:
        if s.scalar(select(Peer.id).where(Peer.fingerprint == fingerprint_text)):
            return "trusted"
        if device_id and s.scalar(select(Peer.id).where(Peer.device_id == device_id)):
            return "changed"
    return "new"


def list_peers(db: Database) -> list[Peer]:
    """Trusted senders, by commune (detached rows, read only)."""
    with db.session() as s:
        peers = list(s.scalars(select(Peer).order_by(Peer.commune, Peer.id)))
        s.expunge_all()
    return peers
