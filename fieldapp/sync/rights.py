"""What a package's sender may write: only the records of its own devices.

A device id is bound to ONE signing key (table ``sync_device_key``): by the first package
that brings it, or by an administrator who accepted a new key after comparing both
fingerprints (:func:`accept_new_key`). Then:

- the sender's own device id must be bound to its key (or new), else the package is refused;
- every incoming row and tombstone must carry a device id bound to the sender's key (or one
  never seen, which becomes the sender's: a district forwarding its communes' records); the
  receiver's own device id, or one bound to another key, means a forged row: refused;
- an existing record whose last writer is not the sender's is never changed or deleted by the
  package: the incoming version goes to the conflicts list for a person to decide.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldapp.db.base import utcnow
from fieldapp.errors import UserError
from fieldapp.sync.models import DeviceKey, Peer


@dataclass
class SenderRights:
    receiver_device: str
    fingerprint: str
    bound: dict[str, str] = field(default_factory=dict)  # device id -> fingerprint

    @classmethod
    def load(cls, s: Session, receiver_device: str, fingerprint: str) -> SenderRights:
        bound = {d.device_id: d.fingerprint for d in s.scalars(select(DeviceKey))}
        for peer in s.scalars(select(Peer).where(Peer.device_id != "")):
            bound.setdefault(peer.device_id, peer.fingerprint)  # before migration 0010
        return cls(receiver_device, fingerprint, bound)

    def check_sender(self, device_id: str, file_name: str, commune: str) -> None:
        if not device_id or device_id == self.receiver_device:
            raise UserError(
                f"Gói {file_name} tự nhận là của chính máy này (mã máy giả mạo); đã từ chối."
            )
        owner = self.bound.get(device_id)
        if owner is not None and owner != self.fingerprint:
            raise UserError(
                f"Gói {file_name} của {commune or 'một máy'} ký bằng một khóa KHÁC, mới "
                f"({self.fingerprint}) trong khi máy đó đã gắn với khóa {owner}. Đã từ chối. "
                "Nếu xã thật sự đổi máy/khóa, người quản trị gọi điện đối chiếu cả hai dấu vân "
                "tay rồi chấp nhận: fieldapp sync trust KHÓA_MỚI --replaces KHÓA_CŨ."
            )

    def owns(self, device_id: str) -> bool:
        """Whether the record last written by ``device_id`` belongs to the sender."""
        return bool(device_id) and self.bound.get(device_id) == self.fingerprint

    def may_change(self, conn, table_name: str, uuid: str, last_writer: str) -> bool:
        """Whether the sender may change or delete an existing record last written by
        ``last_writer``: its own devices' records, and records that came here in a package
        and were then edited here (the receiver created none of them); never a record the
        receiver created, nor one another sender's device wrote last."""
        if self.owns(last_writer):
            return True
        if last_writer != self.receiver_device:
            return False
        from fieldapp.audit.models import AuditEntry

        audit = AuditEntry.__table__
        created_here = conn.execute(
            select(audit.c.id)
            .where(
                audit.c.table_name == table_name,
                audit.c.record == uuid,
                audit.c.action == "create",
                audit.c.device_id == self.receiver_device,
            )
            .limit(1)
        ).first()
        return created_here is None

    def may_write(self, device_id: str) -> bool:
        """Whether a row stamped ``device_id`` may come from the sender: its own device, or a
        device never seen sending here (forwarded records of a commune's other laptop)."""
        if not device_id or device_id == self.receiver_device:
            return False
        return self.bound.get(device_id) in (None, self.fingerprint)

    def bind(self, s: Session, device_id: str) -> None:
        """Bind the sender's own device id to its key (its first package)."""
        if self.bound.get(device_id) is None:
            self.bound[device_id] = self.fingerprint
            s.add(
                DeviceKey(device_id=device_id[:36], fingerprint=self.fingerprint, bound_at=utcnow())
            )
            s.flush()


def accept_new_key(db, device_id: str, old_fingerprint: str, new_fingerprint: str) -> None:
    """An administrator, having compared both fingerprints with the sender, moves a device (and
    every device bound to the old key) to the new key; the old key is no longer trusted."""
    from fieldapp import gate
    from fieldapp.sync.keys import normalise_fingerprint

    gate.require(db, gate.ADMIN)
    old = normalise_fingerprint(old_fingerprint)
    new = normalise_fingerprint(new_fingerprint)
    with db.transaction() as s:
        current = s.get(DeviceKey, device_id)
        if current is None:
            peer = s.scalar(select(Peer).where(Peer.device_id == device_id))
            owner = peer.fingerprint if peer is not None else None
        else:
            owner = current.fingerprint
        if owner != old:
            raise UserError(
                "Khóa cũ không đúng với khóa đang gắn với máy này; chưa có gì thay đổi."
            )
        moved = 0
        for binding in s.scalars(select(DeviceKey).where(DeviceKey.fingerprint == old)):
            binding.fingerprint = new
            moved += 1
        if current is None:
            s.add(DeviceKey(device_id=device_id, fingerprint=new, bound_at=utcnow()))
        for peer in s.scalars(select(Peer).where(Peer.fingerprint == old)):
            s.delete(peer)
        if s.scalar(select(Peer).where(Peer.fingerprint == new)) is None:
            s.add(
                Peer(
                    fingerprint=new,
                    public_key="",
                    device_id=device_id,
                    trusted_at=utcnow(),
                    last_sequence=0,
                )
            )
        s.flush()
        gate.record(
            s,
            "rekey",
            "sync_device_key",
            device_id,
            {"old": old, "new": new, "devices": moved or 1},
        )


def devices_of(db, fingerprint_text: str) -> list[str]:
    """The device ids bound to a key (to name them when an administrator replaces it)."""
    from fieldapp.sync.keys import normalise_fingerprint

    fp = normalise_fingerprint(fingerprint_text)
    with db.session() as s:
        found = list(s.scalars(select(DeviceKey.device_id).where(DeviceKey.fingerprint == fp)))
        peer = s.scalar(select(Peer.device_id).where(Peer.fingerprint == fp, Peer.device_id != ""))
    if peer and peer not in found:
        found.append(peer)
    return found
