"""A really full disk: a small tmpfs mounted for the test (root only; skipped elsewhere).

The database must say "full" plainly and stay whole, never be called damaged; a document
row is never left without its file; a backup and a sync export to another disk still work.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
from datetime import date

import pytest
from sqlalchemy import select

import resources
from fieldapp.config import resolve_paths
from fieldapp.db.database import DamagedDatabase, open_database
from fieldapp.db.models import Document
from fieldapp.demo import DEMO_PROFILE
from fieldapp.errors import NoSpace, UserError
from fieldapp.households.service import AreaInput, add_area
from fieldapp.profile import save_profile


@pytest.fixture
def small_disk(tmp_path):
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=6m", "tmpfs", str(mount)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip("this machine does not allow mounting a tmpfs")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], capture_output=True)


def fill(folder, leave: int) -> None:
    """Fill the disk of ``folder`` until ``leave`` bytes remain (about)."""
    import shutil

    filler = folder / "filler.bin"
    with open(filler, "ab") as fh:
        while shutil.disk_usage(folder).free > leave:
            chunk = min(256 * 1024, shutil.disk_usage(folder).free - leave)
            if chunk <= 0:
                break
            fh.write(b"\0" * chunk)
            fh.flush()


def test_a_full_disk_is_full_not_damaged_and_nothing_is_lost(small_disk, tmp_path):
    from fieldapp.backup import backup_now
    from fieldapp.directives.intake import import_file

    paths = resolve_paths(small_disk / "data")
    db = open_database(paths)
    save_profile(db, DEMO_PROFILE)
    add_area(db, AreaInput(name="Khu A", villages="", regime="CT16", started_on=date.today()))
    db.close()
    fill(small_disk, 20 * 1024)

    # Not even SQLite's shared-memory index fits: "full", never "damaged"
    with pytest.raises(NoSpace, match="đầy") as full:
        open_database(paths).close()
    assert not isinstance(full.value, DamagedDatabase)
    os.truncate(small_disk / "filler.bin", os.path.getsize(small_disk / "filler.bin") - 200_000)
    db = open_database(paths)
    fill(small_disk, 20 * 1024)
    try:
        with pytest.raises(NoSpace):
            for n in range(200):  # until the journal no longer fits
                add_area(
                    db,
                    AreaInput(
                        name=f"Khu {n} " + "x" * 150,
                        villages="y" * 1900,
                        regime="CT16",
                        started_on=date.today(),
                    ),
                )
        source = resources.path("demo", "directives", "huyen-uy-235-CV-HU.txt")
        with pytest.raises(UserError) as err:
            import_file(db, source)
        assert not isinstance(err.value, DamagedDatabase)
        with db.session() as s:
            for doc in s.scalars(select(Document)):
                assert (paths.documents / doc.stored_path).exists()  # no row without its file
    finally:
        db.close()
    conn = sqlite3.connect(paths.database)
    assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    conn.close()
    # the data disk is full: a copy to another disk (USB) still works
    copy = backup_now(paths, tmp_path / "usb" / "copy.sqlite3")
    assert copy.exists()
    from fieldapp.cli import main

    assert main(["--data-dir", str(paths.data_dir), "info"]) in (0, NoSpace.exit_code)
    assert main(["--data-dir", str(paths.data_dir), "backup", "-o", str(tmp_path / "usb2")]) == 0
    assert (tmp_path / "usb2").stat().st_size > 0
