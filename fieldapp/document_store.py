"""Original files (a directive as it arrived, say) kept in the data folder by checksum.

A file is copied under ``documents/ab/<sha256>.<ext>`` atomically (temporary file, flush,
fsync, rename) before its row is committed, so a crash leaves at worst an unreferenced copy,
never a row pointing at nothing. The same bytes stored twice give the same record.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from fieldapp.db.database import Database
from fieldapp.db.models import Document
from fieldapp.errors import NoSpace, UserError

MAX_DOCUMENT_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class StoredDocument:
    id: int
    uuid: str
    kind: str
    title: str
    original_name: str
    sha256: str
    size: int
    path: Path
    created: bool  # False when the same file was already stored


def store_document(
    db: Database, data: bytes, *, original_name: str, kind: str, title: str = ""
) -> StoredDocument:
    """Keep ``data`` as a document of ``kind``; an identical file already stored is reused."""
    if db.paths is None:
        raise UserError("Cơ sở dữ liệu này không có thư mục dữ liệu để lưu tệp gốc.")
    if len(data) > MAX_DOCUMENT_BYTES:
        raise UserError("Tệp quá lớn để lưu (tối đa 50 MB).")
    digest = hashlib.sha256(data).hexdigest()
    ext = Path(original_name).suffix.lower()[:10]
    relative = Path(digest[:2]) / f"{digest}{ext}"
    target = db.paths.documents / relative
    from fieldapp.files import free_space_check

    free_space_check(db.paths.data_dir, len(data))  # room for the file and its row, said plainly
    with db.transaction() as s:
        existing = s.scalar(select(Document).where(Document.sha256 == digest))
        if existing is not None:
            return _info(existing, db.paths.documents, created=False)
        _write_atomically(target, data)
        row = Document(
            kind=kind,
            title=title,
            original_name=Path(original_name).name,
            sha256=digest,
            size=len(data),
            stored_path=relative.as_posix(),
        )
        s.add(row)
        s.flush()
        return _info(row, db.paths.documents, created=True)


def read_document(db: Database, doc_id: int) -> bytes:
    """The stored bytes, checked against their checksum."""
    with db.session() as s:
        row = s.get(Document, doc_id)
        if row is None:
            raise UserError(f"Không tìm thấy tài liệu số {doc_id}.")
        path = db.paths.documents / row.stored_path
        digest = row.sha256
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UserError(f"Tệp gốc của tài liệu bị mất: {row.original_name}.") from exc
    if hashlib.sha256(data).hexdigest() != digest:
        raise UserError(f"Tệp gốc của tài liệu đã bị thay đổi hoặc hỏng: {row.original_name}.")
    return data


def _info(row: Document, root: Path, *, created: bool) -> StoredDocument:
    return StoredDocument(
        id=row.id,
        uuid=row.uuid,
        kind=row.kind,
        title=row.title,
        original_name=row.original_name,
        sha256=row.sha256,
        size=row.size,
        path=root / row.stored_path,
        created=created,
    )


def _write_atomically(target: Path, data: bytes) -> None:
    if target.exists() and hashlib.sha256(target.read_bytes()).hexdigest() == target.stem:
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    temp = target.with_name(target.name + f".tmp{os.getpid()}")
    try:
        with open(temp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(temp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            temp.unlink()
        from fieldapp.files import is_no_space, no_space_message

        if is_no_space(exc):
            raise NoSpace(no_space_message(target.parent, len(data), None)) from exc
        raise UserError(
            "Không ghi được tệp gốc vào thư mục dữ liệu (ổ đĩa đầy hoặc không có quyền)."
        ) from exc
