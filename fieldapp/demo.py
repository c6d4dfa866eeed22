"""The demo commune: a realistic data folder to try the app, train officials, and test with.

It uses the three real directives shipped in ``resources/demo/directives`` as its sample
documents. Each register adds its part through :data:`DEMO_STEP_MODULES`.
"""

from __future__ import annotations

import contextlib
import importlib
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

import resources
from fieldapp.config import Paths
from fieldapp.db.database import Database, backup_file, open_database
from fieldapp.db.peek import glance
from fieldapp.document_store import store_document
from fieldapp.errors import UserError
from fieldapp.profile import Profile, save_profile

if TYPE_CHECKING:
    from fieldapp.accounts.permissions import Actor

DEMO_PROFILE = Profile(
    unit_kind="xã",
    commune_name="Bằng Lãng",
    district_kind="huyện",
    district_name="Chợ Đồn",
    province_name="Bắc Kạn",
    committee_name="Ban Chỉ đạo phòng, chống dịch Covid-19 xã Bằng Lãng",
    chairman_name="Hoàng Văn Thắng",
    chairman_title="Chủ tịch UBND xã, Trưởng Ban Chỉ đạo",
    signer_name="Hoàng Văn Thắng",
    signer_title="CHỦ TỊCH",
    signer_authority="TM. ỦY BAN NHÂN DÂN",
    phone="0209 3882 135",
    place_name="Bằng Lãng",
)

DEMO_DIRECTIVES = (
    ("bac-kan-309-CV-TU.txt", "Công văn 309-CV/TU về công tác phòng, chống dịch Covid-19"),
    (
        "huyen-uy-235-CV-HU.txt",
        "Công văn 235-CV/HU phát huy vai trò, trách nhiệm phòng, chống dịch",
    ),
    ("dak-nong-cong-dien-khan.txt", "Công điện khẩn về tăng cường phòng, chống dịch Covid-19"),
)


@dataclass
class DemoSummary:
    data_dir: str
    commune: str
    documents: int
    details: dict[str, int] = field(default_factory=dict)


# Each module fills one register of the demo commune: ``demo_step(db) -> dict[str, int]``
# returns counts for the summary. They run in this order.
DEMO_STEP_MODULES: tuple[str, ...] = (
    "fieldapp.directives.demo",
    "fieldapp.rostering.demo",
    "fieldapp.checkpoints.demo",
    "fieldapp.households.demo",
)


def folder_has_data(paths: Paths) -> bool:
    """True when the folder holds anything but a fresh database that nobody has filled in."""
    if not paths.data_dir.exists():
        return False
    db_files = {paths.database.name + suffix for suffix in ("", "-wal", "-shm", ".lock", ".anchor")}
    db_files |= {"keys", "crash"}  # the device key and crash reports are not register data
    others = [p for p in paths.data_dir.iterdir() if not p.name.startswith(".")]
    if any(p.name not in db_files for p in others):
        return True
    return paths.database.exists() and glance(paths.database).has_profile


def create_demo(paths: Paths, *, force: bool = False, actor: Actor | None = None) -> DemoSummary:
    """Fill ``paths.data_dir`` with the demo commune; refuses a folder with data unless forced.

    With ``force`` the existing database is first copied to ``backups/`` and then replaced;
    a database with accounts is replaced only by a signed-in administrator (``actor``), while
    no other window or command has it open; its accounts are kept and the replacement is
    recorded in the new database's audit trail.
    """
    if folder_has_data(paths) and not force:
        raise UserError(
            f"Thư mục dữ liệu {paths.data_dir} đã có dữ liệu. Dùng --force để thay bằng xã "
            "mẫu (cơ sở dữ liệu cũ sẽ được sao lưu vào thư mục backups)."
        )
    aside = None
    if force and folder_has_data(paths) and paths.database.exists():
        from fieldapp import gate
        from fieldapp.db.database import exclusive_lock

        if glance_accounts(paths):
            gate.check(actor, gate.ADMIN)
        with exclusive_lock(paths):
            aside = _set_aside(paths)
    db = open_database(paths)
    try:
        summary = fill_demo(db)
    finally:
        db.close()
    if aside is not None:
        _after_replace(paths, aside, actor)
    return summary


def glance_accounts(paths: Paths) -> bool:
    """Whether the folder's database has accounts (read-only; an unreadable file: no)."""
    import sqlite3

    try:
        conn = sqlite3.connect(f"file:{paths.database}?mode=ro", uri=True, timeout=5)
    except sqlite3.Error:
        return False
    try:
        return conn.execute("SELECT count(*) FROM user_account").fetchone()[0] > 0
    except sqlite3.Error:
        return False
    finally:
        conn.close()


def _after_replace(paths: Paths, aside, actor: Actor | None) -> None:
    """The accounts of this computer stay; the replacement is audited."""
    from fieldapp import gate
    from fieldapp.backup import carry_accounts

    kept = carry_accounts(aside, paths.database) if aside.suffix == ".sqlite3" else 0
    db = open_database(paths)
    try:
        with db.session() as s, s.begin():
            s.info["system"] = True
            s.info["actor"] = actor
            gate.record(
                s, "demo", "database", aside.name, {"kept_at": aside.name, "accounts": kept}
            )
    finally:
        db.close()


def fill_demo(db: Database) -> DemoSummary:
    """Put the demo commune into an open database (a new one, as at first run)."""
    save_profile(db, DEMO_PROFILE)
    documents = 0
    for filename, title in DEMO_DIRECTIVES:
        data = resources.path("demo", "directives", filename).read_bytes()
        store_document(db, data, original_name=filename, kind="directive", title=title)
        documents += 1
    details: dict[str, int] = {}
    for name in DEMO_STEP_MODULES:
        step: Callable[[Database], dict[str, int]] = importlib.import_module(name).demo_step
        details.update(step(db))
    data_dir = str(db.paths.data_dir) if db.paths else ""
    return DemoSummary(data_dir, DEMO_PROFILE.commune_full, documents, details)


def _set_aside(paths: Paths):
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = paths.backups / f"before-demo-{stamp}.sqlite3"
    try:
        backup_file(paths.database, target)
    except UserError:
        # Not a readable SQLite file: keep its bytes as they are instead.
        target.parent.mkdir(parents=True, exist_ok=True)
        target = target.with_suffix(".bin")
        shutil.copy2(paths.database, target)
    for suffix in ("", "-wal", "-shm"):
        with contextlib.suppress(FileNotFoundError):
            (paths.database.parent / (paths.database.name + suffix)).unlink()
    return target
