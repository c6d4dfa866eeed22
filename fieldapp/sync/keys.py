"""This device's Ed25519 signing key, kept in the data folder, and key fingerprints.

The key is made the first time it is needed (the first package, or the Sync page showing the
fingerprint) and written atomically with owner-only permissions. A fingerprint is the first
128 bits of the SHA-256 of the raw public key, shown in groups of four ("3F2A-91C0-...") so
two people can compare it over the phone.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import os
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

from fieldapp.config import Paths
from fieldapp.errors import UserError

KEY_FILE = "device-ed25519.pem"


def key_path(paths: Paths) -> Path:
    return paths.data_dir / "keys" / KEY_FILE


def device_key(paths: Paths) -> Ed25519PrivateKey:
    """The device's private key, made (once) if it does not exist yet."""
    path = key_path(paths)
    if path.exists():
        try:
            key = serialization.load_pem_private_key(path.read_bytes(), password=None)
        except (ValueError, TypeError) as exc:
            raise UserError(
                f"Khóa ký của máy ({path}) bị hỏng. Không tạo gói đồng bộ được; hãy báo cán "
                "bộ kỹ thuật (không xóa tệp này)."
            ) from exc
        if not isinstance(key, Ed25519PrivateKey):
            raise UserError(f"Tệp khóa {path} không phải khóa Ed25519.")
        return key
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".part")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(fd, pem)
        os.fsync(fd)
    finally:
        os.close(fd)
    try:
        os.link(partial, path)  # never replaces a key made at the same moment elsewhere
    except FileExistsError:
        pass
    finally:
        with contextlib.suppress(OSError):
            partial.unlink()
    return device_key(paths)


def public_raw(key: Ed25519PrivateKey | Ed25519PublicKey) -> bytes:
    public = key.public_key() if isinstance(key, Ed25519PrivateKey) else key
    return public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def public_b64(key: Ed25519PrivateKey) -> str:
    return base64.b64encode(public_raw(key)).decode("ascii")


def fingerprint(raw_public: bytes) -> str:
    digest = hashlib.sha256(raw_public).hexdigest().upper()[:32]
    return "-".join(digest[i : i + 4] for i in range(0, 32, 4))


def normalise_fingerprint(text: str) -> str:
    """Accept a fingerprint typed with or without dashes, in any case."""
    clean = "".join(c for c in text.upper() if c in "0123456789ABCDEF")
    if len(clean) != 32:
        raise UserError("Dấu vân tay khóa phải có 32 ký tự 0-9, A-F (có thể có dấu gạch).")
    return "-".join(clean[i : i + 4] for i in range(0, 32, 4))


def device_fingerprint(paths: Paths) -> str:
    return fingerprint(public_raw(device_key(paths)))


def sign(paths: Paths, data: bytes) -> bytes:
    return device_key(paths).sign(data)


def verify_signature(public_b64_text: str, signature: bytes, data: bytes) -> bytes:
    """Check ``signature`` over ``data``; returns the raw public key. Raises ValueError."""
    try:
        raw = base64.b64decode(public_b64_text, validate=True)
        Ed25519PublicKey.from_public_bytes(raw).verify(signature, data)
    except (InvalidSignature, ValueError, TypeError) as exc:
        raise ValueError("bad signature") from exc
    return raw
