"""Writing a sync package: the changes since the last package to a destination, signed.

The package is a zip file::

    manifest.json        format, versions, sender, sequence, counts, SHA-256 of every part
    manifest.sig         Ed25519 signature of manifest.json (the device's key)
    data/<table>.json    {"columns": [...], "rows": [[...], ...]} references by UUID
    data/_tombstones.json
    files/<sha256>       stored documents the rows refer to (directive originals, reports)

It is written to a temporary file beside the target, flushed to disk and renamed, so a
half-written package never carries the final name. The destination's mark moves forward only
after the file is complete.
"""

from __future__ import annotations

import base64
import hashlib
import json
import zipfile
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import JSON, Boolean, DateTime, LargeBinary, select

from fieldapp import __version__
from fieldapp.db import schema
from fieldapp.db.base import UTCDateTime, utcnow
from fieldapp.db.database import Database
from fieldapp.db.models import CommuneProfile, Document
from fieldapp.errors import UserError
from fieldapp.files import replacing
from fieldapp.progress import Progress, report
from fieldapp.sync import keys
from fieldapp.sync.models import ExportMark, Tombstone
from fieldapp.sync.tables import (
    encode,
    local_key,
    references,
    shipped_columns,
    travelling_tables,
)

FORMAT = 1
SUFFIX = ".fieldsync"


@dataclass
class ExportResult:
    """What a package export did. ``path`` is None (and ``nothing`` True) when nothing had
    changed since the last package: no file is written and the sequence is not used up."""

    path: Path | None
    sequence: int
    rows: int
    counts: dict[str, int] = field(default_factory=dict)
    tombstones: int = 0
    files: int = 0

    @property
    def nothing(self) -> bool:
        return self.path is None


def package_name(unit_name: str, sequence: int, day: date | None = None) -> str:
    """ "xa-bang-lang_2026-12-03_0042.fieldsync": who sends it (ASCII), the date, the number."""
    day = day or date.today()
    return f"{_slug(unit_name)}_{day.isoformat()}_{sequence:04d}{SUFFIX}"


def suggested_name(db: Database, destination: str = "district") -> str:
    """The file name the next package to ``destination`` will get (for a save dialog)."""
    sequence, _ = next_sequence(db, destination)
    return package_name(commune_identity(db)["name"], sequence)


def commune_identity(db: Database) -> dict[str, str]:
    """Who sends: the office's unit ("xã Bằng Lãng", or "huyện Tuy Đức" for a district), the
    units above it, and its level."""
    from fieldapp.profile import load_profile

    with db.session() as s:
        row = s.scalar(select(CommuneProfile).order_by(CommuneProfile.id).limit(1))
    profile = load_profile(db)
    if row is None or profile is None:
        raise UserError("Chưa có hồ sơ xã: hãy điền hồ sơ trước khi gửi dữ liệu.")
    return {
        "uuid": row.uuid,
        "name": profile.commune_full,
        "district": profile.district_full if profile.level != "province" else "",
        "province": profile.province_name,
        "level": profile.level,
    }


def export_package(
    db: Database,
    out: Path,
    *,
    destination: str = "district",
    full: bool = False,
    progress: Progress | None = None,
) -> ExportResult:
    """Write the package; ``full`` sends everything instead of the changes since last time."""
    if db.paths is None:
        raise UserError("Không có thư mục dữ liệu.")
    if db.accounts_enabled:
        from fieldapp.accounts.permissions import check_write

        check_write(db.actor, "sync")
    from fieldapp.personal_data import check_may_export

    check_may_export(db)  # a package carries citizen IDs, phones and health status
    keys.device_key(db.paths)  # a broken key is reported before any work
    commune = commune_identity(db)
    out = Path(out)
    with db.session() as s:
        mark = s.get(ExportMark, destination)
        sequence = (mark.sequence if mark else 0) + 1
        since = None if (full or mark is None) else mark.until
    tables = travelling_tables()
    if commune.get("level", "commune") != "commune":
        tables = _upward_tables(db, tables)
    until = utcnow()
    key = keys.device_key(db.paths)
    files: dict[str, Path] = {}
    counts: dict[str, int] = {}
    listed: dict[str, dict] = {}
    total_rows = tombstones = 0
    with db.engine.connect() as conn, conn.begin():  # one read snapshot for the whole package
        if conn.dialect.name == "sqlite":
            conn.connection.driver_connection.create_function(
                "fieldapp_b64", 1, _b64, deterministic=True
            )
        if since is not None and not _changed_since(conn, tables, since, until):
            report(progress, 1, 1)
            return ExportResult(None, sequence, 0)  # nothing changed: no file, no number used
        if out.is_dir():
            out = out / package_name(commune["name"], sequence)
        try:
            out.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UserError(f"Không tạo được thư mục {out.parent}.") from exc
        with replacing(out) as partial:  # whole or not at all; never over a device
            with zipfile.ZipFile(
                partial, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=COMPRESS
            ) as zf:
                cache: dict[str, dict] = {}
                for index, table in enumerate(tables):
                    n, entry = _stream_table(
                        conn, table, since, until, zf, cache, files, db.paths.documents
                    )
                    if entry is not None:
                        listed[f"data/{table.name}.json"] = entry
                        counts[table.name] = n
                        total_rows += n
                    report(progress, index + 1, len(tables) + 1, table.name)
                tombstones = _write_tombstones(conn, zf, since, until, listed)
                for digest, path in files.items():
                    try:
                        data = path.read_bytes()
                    except OSError as exc:
                        raise UserError(
                            "Thiếu tệp gốc của một tài liệu trong thư mục dữ liệu "
                            f"({path.name}); chưa tạo gói."
                        ) from exc
                    zf.writestr(f"files/{digest}", data)
                    listed[f"files/{digest}"] = {
                        "sha256": hashlib.sha256(data).hexdigest(),
                        "bytes": len(data),
                    }
                manifest = _manifest(
                    db,
                    key,
                    listed,
                    commune=commune,
                    destination=destination,
                    sequence=sequence,
                    since=since,
                    until=until,
                    counts=counts,
                    tombstones=tombstones,
                )
                zf.writestr("manifest.json", manifest)
                zf.writestr("manifest.sig", key.sign(manifest))
    _mark_sent(db, out, destination, sequence, until, counts)
    report(progress, len(tables) + 1, len(tables) + 1)
    return ExportResult(out, sequence, total_rows, counts, tombstones, len(files))


COMPRESS = 6  # zlib level: the package often goes through a phone; size matters as much


def _changed_since(conn, tables, since: datetime, until: datetime) -> bool:
    """Whether any travelling row or deletion falls in (since, until]."""
    for table in tables:
        hit = conn.execute(
            select(table.c.updated_at)
            .where(table.c.updated_at > since, table.c.updated_at <= until)
            .limit(1)
        ).first()
        if hit is not None:
            return True
    stones = Tombstone.__table__
    return (
        conn.execute(
            select(stones.c.uuid)
            .where(stones.c.deleted_at > since, stones.c.deleted_at <= until)
            .limit(1)
        ).first()
        is not None
    )


def _write_tombstones(conn, zf, since, until, listed: dict) -> int:
    stones = Tombstone.__table__
    query = stones.select().where(stones.c.deleted_at <= until)
    if since is not None:
        query = query.where(stones.c.deleted_at > since)
    rows = [[r.uuid, r.table_name, encode(r.deleted_at), r.device_id] for r in conn.execute(query)]
    if rows:
        data = _json({"columns": ["uuid", "table_name", "deleted_at", "device_id"], "rows": rows})
        zf.writestr("data/_tombstones.json", data)
        listed["data/_tombstones.json"] = {
            "sha256": hashlib.sha256(data).hexdigest(),
            "bytes": len(data),
        }
    return len(rows)


ROLLUP_TABLES = frozenset(
    {"commune_profile", "office_unit", "unit_rollup", "issued_report", "document"}
)
"""What a district (or province) that sends its roll-up instead of its units' records sends."""


def _upward_tables(db: Database, tables: list) -> list:
    """A district's package upward: its units listed with their devices (so the province
    knows whose records it carries), and either every record or, by the setting
    ``sync.upward``, only today's roll-up per unit and the reports."""
    from fieldapp.settings import get_setting
    from fieldapp.sync.units import refresh_units

    refresh_units(db)
    if get_setting(db, "sync.upward") != "rollup":
        return tables
    from fieldapp.sync.district import write_rollup

    write_rollup(db)
    return [t for t in tables if t.name in ROLLUP_TABLES]


def _rows_to_json(conn, table, rows, cache: dict[str, dict]) -> list[list]:
    """Rows in shipping form (as :func:`row_to_json`), fast for big tables: the columns and
    references are worked out once, and each referenced table's id→UUID map is read once."""
    columns = shipped_columns(table)
    refs = references(table)
    maps = {}
    for name, target in refs.items():
        if target.name not in cache:
            key = target.c[local_key(target)]
            cache[target.name] = dict(conn.execute(select(key, target.c.uuid)).all())
        maps[name] = cache[target.name]
    plan = [(name, maps.get(name)) for name in columns]
    out = []
    for row in rows:
        m = row._mapping
        values = []
        for name, mapping in plan:
            value = m[name]
            if mapping is not None and value is not None:
                value = mapping.get(value)
            values.append(encode(value))
        out.append(values)
    return out


def next_sequence(db: Database, destination: str) -> tuple[int, datetime | None]:
    """The next package number for ``destination`` and the end of what was sent before."""
    with db.session() as s:
        mark = s.get(ExportMark, destination)
        return (mark.sequence if mark else 0) + 1, (mark.until if mark else None)


def write_signed(
    db: Database,
    out: Path,
    parts: dict[str, bytes],
    *,
    commune: dict[str, str],
    destination: str,
    sequence: int,
    since: datetime | None,
    until: datetime,
    counts: dict[str, int],
    tombstones: int = 0,
    extra: dict | None = None,
) -> None:
    """Sign a manifest over ``parts`` (in memory), write the package, then move the
    destination's mark: for small packages such as the district's directives for a commune
    (:func:`fieldapp.sync.district.export_directives`); :func:`export_package` streams."""
    key = keys.device_key(db.paths)
    listed = {
        name: {"sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)}
        for name, data in parts.items()
    }
    manifest_bytes = _manifest(
        db,
        key,
        listed,
        commune=commune,
        destination=destination,
        sequence=sequence,
        since=since,
        until=until,
        counts=counts,
        tombstones=tombstones,
        extra=extra,
    )
    _write_zip(out, manifest_bytes, key.sign(manifest_bytes), parts)
    _mark_sent(db, out, destination, sequence, until, counts)


def _audit_anchor(db: Database) -> dict | None:
    from fieldapp.audit import anchor

    return anchor.read(db.paths) if db.paths is not None else None


def _manifest(
    db: Database,
    key,
    listed: dict[str, dict],
    *,
    commune: dict[str, str],
    destination: str,
    sequence: int,
    since: datetime | None,
    until: datetime,
    counts: dict[str, int],
    tombstones: int = 0,
    extra: dict | None = None,
) -> bytes:
    """The manifest: who, what, and the SHA-256 and size of every part."""
    return _json(
        {
            "format": FORMAT,
            "schema": schema.HEAD,
            "app_version": __version__,
            "commune": commune,
            "device_id": db.device_id,
            "destination": destination,
            "sequence": sequence,
            "since": encode(since),
            "until": encode(until),
            "full": since is None,
            "created_at": encode(utcnow()),
            "public_key": keys.public_b64(key),
            "counts": counts,
            "tombstones": tombstones,
            # the signed head of the sender's audit chain: the district can later see a
            # history shortened or rewritten after this package (issue 15)
            "audit_anchor": _audit_anchor(db),
            **(extra or {}),
            "parts": dict(sorted(listed.items())),
        }
    )


def _mark_sent(
    db: Database, out: Path, destination: str, sequence: int, until: datetime, counts: dict
) -> None:
    """Once the file is whole: move the destination's mark and record the export."""
    total_rows = sum(counts.values())
    with db.transaction() as s:
        row = s.get(ExportMark, destination)
        if row is None:
            row = ExportMark(destination=destination, sequence=0)
            s.add(row)
        row.sequence = sequence
        row.until = until
        from fieldapp.audit.trail import record

        s.flush()
        record(
            s,
            "export",
            "sync_package",
            f"{destination}#{sequence}",
            {"file": out.name, "rows": total_rows, "counts": counts},
        )


# --- streamed writing (issue 17 target: 50,000 households in seconds, little memory) ----------


class _Part:
    """One part of the package written straight into the zip, hashed on the way."""

    def __init__(self, zf: zipfile.ZipFile, name: str) -> None:
        self.name = name
        self._fh = zf.open(name, "w", force_zip64=True)
        self._hash = hashlib.sha256()
        self.size = 0

    def write(self, data: bytes) -> None:
        self._hash.update(data)
        self.size += len(data)
        self._fh.write(data)

    def close(self) -> dict[str, object]:
        self._fh.close()
        return {"sha256": self._hash.hexdigest(), "bytes": self.size}


def _utc_param(moment: datetime) -> str:
    """A UTC moment as SQLAlchemy stores it in SQLite (naive, microseconds always)."""
    return moment.astimezone(UTC).replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f")


def _b64(value: bytes | None) -> str | None:
    return None if value is None else base64.b64encode(bytes(value)).decode("ascii")


def _sqlite_row_sql(table, since: datetime | None, until: datetime) -> tuple[str, tuple]:
    """SQL that gives each row of ``table`` already in shipping form, as one JSON array
    built by SQLite itself (references as UUIDs, UTC times in ISO form with their zone,
    flags as true/false): the same values :func:`_rows_to_json` makes, without a Python
    loop over every value."""
    refs = references(table)
    exprs = []
    for name in shipped_columns(table):
        col = f't."{name}"'
        kind = table.c[name].type
        if name in refs:
            target = refs[name]
            exprs.append(
                f'(SELECT p."uuid" FROM "{target.name}" AS p WHERE p."{local_key(target)}" = {col})'
            )
        elif isinstance(kind, UTCDateTime):
            exprs.append(f"replace(replace({col}, '.000000', ''), ' ', 'T') || '+00:00'")
        elif isinstance(kind, DateTime):
            exprs.append(f"replace(replace({col}, '.000000', ''), ' ', 'T')")
        elif isinstance(kind, Boolean):
            exprs.append(
                f"json(CASE WHEN {col} IS NULL THEN 'null' WHEN {col} THEN 'true' ELSE 'false' END)"
            )
        elif isinstance(kind, JSON):
            exprs.append(f"json({col})")
        elif isinstance(kind, LargeBinary):
            exprs.append(f"fieldapp_b64({col})")
        else:
            exprs.append(col)
    sql = (
        f'SELECT json_array({", ".join(exprs)}) FROM "{table.name}" AS t WHERE t."updated_at" <= ?'
    )
    params: tuple = (_utc_param(until),)
    if since is not None:
        sql += ' AND t."updated_at" > ?'
        params += (_utc_param(since),)
    return sql, params


def _stream_table(
    conn, table, since, until, zf, cache, files, documents
) -> tuple[int, dict | None]:
    """Write ``data/<table>.json`` from the rows changed in (since, until]; returns the row
    count and the part's checksum entry (None when the table has no such rows)."""
    columns = shipped_columns(table)
    head = _json({"columns": columns, "rows": []})[: -len(b"[]}")]  # b'{...,"rows":'
    part: _Part | None = None
    count = 0
    sha_at = path_at = None
    if table.name == Document.__tablename__:
        sha_at, path_at = columns.index("sha256"), columns.index("stored_path")
    for chunk in _row_chunks(conn, table, since, until, cache):
        if not chunk:
            continue
        if part is None:
            part = _Part(zf, f"data/{table.name}.json")
            part.write(head + b"[")
        else:
            part.write(b",")
        part.write(",".join(chunk).encode("utf-8"))
        count += len(chunk)
        if sha_at is not None:
            for text in chunk:
                row = json.loads(text)
                files[row[sha_at]] = documents / row[path_at]
    if part is None:
        return 0, None
    part.write(b"]}")
    return count, part.close()


CHUNK = 5000


def _row_chunks(conn, table, since, until, cache):
    """Rows of ``table`` in shipping form, as JSON texts, a few thousand at a time."""
    if conn.dialect.name == "sqlite":
        sql, params = _sqlite_row_sql(table, since, until)
        result = conn.exec_driver_sql(sql, params)
        while True:
            rows = result.fetchmany(CHUNK)
            if not rows:
                return
            yield [r[0] for r in rows]
    query = table.select().where(table.c.updated_at <= until)
    if since is not None:
        query = query.where(table.c.updated_at > since)
    result = conn.execution_options(stream_results=True, yield_per=CHUNK).execute(query)
    for rows in result.partitions(CHUNK):
        yield [
            json.dumps(r, ensure_ascii=False, separators=(",", ":"))
            for r in _rows_to_json(conn, table, rows, cache)
        ]


def _json(value) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _slug(text: str) -> str:
    """ASCII letters and digits joined by "-": safe as a file name on any system and in any
    chat app ("tỉnh Bà Rịa – Vũng Tàu" -> "tinh-ba-ria-vung-tau"; no "/" or "\\")."""
    import re

    from fieldapp.text.vietnamese import fold

    return "-".join(re.findall(r"[a-z0-9]+", fold(text).lower()))[:60].strip("-") or "fieldapp"


def _write_zip(out: Path, manifest: bytes, signature: bytes, parts: dict[str, bytes]) -> None:
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"Không tạo được thư mục {out.parent}.") from exc
    with (
        replacing(out) as partial,
        zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as zf,
    ):
        zf.writestr("manifest.json", manifest)
        zf.writestr("manifest.sig", signature)
        for name, data in sorted(parts.items()):
            zf.writestr(name, data)
