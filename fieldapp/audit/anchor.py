"""The audit chain's head kept outside the database: a small signed anchor file beside it.

The hash chain in ``audit_entry`` finds an entry changed in the middle, but not the last
entries deleted, nor a rewrite that recomputes every later hash, nor a direct edit of the
accounts table (a viewer raised to admin). So after every commit that wrote audit entries the
head of the chain (last sequence number and hash) and a keyed hash of the protected tables
(accounts and roles) are written to ``fieldapp.sqlite3.anchor``, signed with this device's
Ed25519 key. The same anchor goes into every backup (``app_meta.audit_anchor`` of the copy)
and every sync package (``audit_anchor`` in the signed manifest), so the district can later
compare a commune's history with what it received.

:func:`check` compares a database with its anchor: a shorter chain (a missing tail), a
different hash at the anchored entry (a rewrite), a different accounts hash (changed rows
of the protected tables), or an anchor whose signature fails.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import hmac
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import event, text
from sqlalchemy.orm import Session

ANCHOR_SUFFIX = ".anchor"
META_KEY = "audit_anchor"
# Columns of the protected table whose change matters (not the sign-in bookkeeping).
PROTECTED = ("id", "username", "full_name", "role", "active", "password_hash")


def anchor_path(database: Path) -> Path:
    return Path(database).with_name(Path(database).name + ANCHOR_SUFFIX)


def _mac_key(paths) -> bytes:
    """A secret derived from the device key (never stored): keys the accounts hash."""
    from cryptography.hazmat.primitives import serialization

    from fieldapp.sync.keys import device_key

    raw = device_key(paths).private_bytes(
        serialization.Encoding.Raw,
        serialization.PrivateFormat.Raw,
        serialization.NoEncryption(),
    )
    return hashlib.sha256(b"fieldapp-audit-anchor\x00" + raw).digest()


def accounts_digest(conn, key: bytes) -> str:
    """HMAC-SHA256 over the protected columns of every account, in id order."""
    rows = conn.execute(text(f"SELECT {', '.join(PROTECTED)} FROM user_account ORDER BY id")).all()
    data = json.dumps([list(r) for r in rows], ensure_ascii=False, default=str).encode()
    return hmac.new(key, data, hashlib.sha256).hexdigest()


def _head(conn) -> tuple[int, str]:
    row = conn.execute(text("SELECT id, hash FROM audit_entry ORDER BY id DESC LIMIT 1")).first()
    return (row[0], row[1]) if row else (0, "0" * 64)


def build(conn, paths, device_id: str) -> dict[str, Any]:
    """The signed anchor of the database behind ``conn``."""
    from fieldapp.db.base import utcnow
    from fieldapp.sync.keys import device_key, public_b64

    seq, head = _head(conn)
    body = {
        "device_id": device_id,
        "seq": seq,
        "hash": head,
        "accounts": accounts_digest(conn, _mac_key(paths)),
        "at": utcnow().replace(microsecond=0).isoformat(),
    }
    key = device_key(paths)
    payload = json.dumps(body, sort_keys=True, separators=(",", ":")).encode()
    body["public_key"] = public_b64(key)
    body["signature"] = base64.b64encode(key.sign(payload)).decode("ascii")
    return body


def signature_ok(anchor: dict[str, Any]) -> bool:
    from fieldapp.sync.keys import verify_signature

    body = {k: anchor.get(k) for k in ("device_id", "seq", "hash", "accounts", "at")}
    payload = json.dumps(body, sort_keys=True, separators=(",", ":")).encode()
    try:
        verify_signature(
            str(anchor.get("public_key", "")),
            base64.b64decode(str(anchor.get("signature", ""))),
            payload,
        )
    except ValueError:
        return False
    return True


def write(paths, device_id: str, engine) -> dict[str, Any] | None:
    """Write the anchor of ``paths.database`` atomically (0600). Never fails the caller."""
    try:
        with engine.connect() as conn:
            anchor = build(conn, paths, device_id)
        target = anchor_path(paths.database)
        partial = target.with_name(target.name + f".part{os.getpid()}")
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(anchor, fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(partial, target)
        return anchor
    except Exception:  # noqa: BLE001 - a full disk must not undo a committed change
        with contextlib.suppress(Exception):
            partial.unlink()  # type: ignore[possibly-undefined]
        return None


def read(paths) -> dict[str, Any] | None:
    try:
        data = json.loads(anchor_path(paths.database).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


@dataclass(frozen=True)
class AnchorReport:
    present: bool
    problems: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.problems


def check(db, anchor: dict[str, Any] | None = None) -> AnchorReport:
    """Compare ``db`` with its anchor (the file beside it unless one is given)."""
    if db.paths is None:
        return AnchorReport(False)
    if anchor is None and db.engine.dialect.name != "sqlite":
        # A server database (the district's PostgreSQL copy) is not a file on this computer:
        # no anchor is written beside it, so none is missing (its chain is still checked).
        return AnchorReport(False)
    anchor = anchor if anchor is not None else read(db.paths)
    if anchor is None:
        with db.engine.connect() as conn:
            seq, _ = _head(conn)
        if seq:
            return AnchorReport(False, ("thiếu tệp mốc nhật ký (fieldapp.sqlite3.anchor)",))
        return AnchorReport(False)
    problems = []
    if not signature_ok(anchor):
        problems.append("tệp mốc nhật ký bị sửa (chữ ký không đúng)")
    with db.engine.connect() as conn:
        seq, _head_hash = _head(conn)
        anchored = int(anchor.get("seq") or 0)
        if seq < anchored:
            problems.append(
                f"mất phần cuối nhật ký: mốc ghi {anchored} mục, trong tệp chỉ còn {seq}"
            )
        elif anchored:
            row = conn.execute(
                text("SELECT hash FROM audit_entry WHERE id = :id"), {"id": anchored}
            ).first()
            if row is None or row[0] != anchor.get("hash"):
                problems.append(
                    f"nhật ký bị viết lại (mục số {anchored} khác với mốc đã ký, dù chuỗi "
                    "băm có thể đã được tính lại)"
                )
        if accounts_digest(conn, _mac_key(db.paths)) != anchor.get("accounts"):
            problems.append(
                "bảng tài khoản/vai trò bị sửa trực tiếp ngoài ứng dụng (không có trong nhật ký)"
            )
    return AnchorReport(True, tuple(problems))


# --------------------------------------------------------------------------------------------
# Kept up to date by every session that appended audit entries
# --------------------------------------------------------------------------------------------


def mark(session: Session) -> None:
    """Called by the trail when it appends entries: refresh the anchor after the commit."""
    session.info["anchor_dirty"] = True


@event.listens_for(Session, "after_commit")
def _after_commit(session: Session) -> None:
    if not session.info.pop("anchor_dirty", False):
        return
    paths = session.info.get("paths")
    if paths is None or getattr(paths, "database", None) is None:
        return
    bind = session.get_bind()
    engine = getattr(bind, "engine", bind)
    if engine.dialect.name != "sqlite":
        return
    write(paths, session.info.get("device_id") or "", engine)


@event.listens_for(Session, "after_rollback")
def _after_rollback(session: Session) -> None:
    session.info.pop("anchor_dirty", None)


def refresh(db) -> None:
    """Write the anchor now (after a restore, an upgrade, the first account)."""
    if db.paths is not None and db.engine.dialect.name == "sqlite":
        write(db.paths, db.device_id, db.engine)


def embed_in_copy(copy: Path, anchor: dict[str, Any] | None) -> None:
    """Put ``anchor`` into a backup copy's ``app_meta`` (the copy carries its own anchor)."""
    import sqlite3

    if anchor is None:
        return
    conn = sqlite3.connect(copy)
    try:
        with conn:
            conn.execute(
                "INSERT OR REPLACE INTO app_meta (key, value) VALUES (?, ?)",
                (META_KEY, json.dumps(anchor)),
            )
    finally:
        conn.close()


def from_copy(conn) -> dict[str, Any] | None:
    """The anchor a backup copy carries (``conn``: a SQLAlchemy connection to it)."""
    row = conn.execute(text("SELECT value FROM app_meta WHERE key = :k"), {"k": META_KEY}).first()
    if row is None:
        return None
    with contextlib.suppress(ValueError):
        return json.loads(row[0])
    return None
