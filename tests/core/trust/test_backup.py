"""Backups through the SQLite backup API, the keep-policy, and restore that checks first."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import sqlite3
from datetime import datetime, timedelta

import pytest

from fieldapp.backup import (
    backup_now,
    changed_since_last_backup,
    check_backup_file,
    list_backups,
    newest_good_backup,
    prune,
    restore,
)
from fieldapp.cli import main
from fieldapp.db.database import open_database
from fieldapp.demo import DEMO_PROFILE
from fieldapp.errors import UserError
from fieldapp.profile import load_profile, save_profile


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_backup_is_a_consistent_copy_with_progress(db, paths):
    save_profile(db, DEMO_PROFILE)  # still in the WAL, not yet in the main file
    seen = []
    target = backup_now(paths, progress=lambda done, total: seen.append((done, total)))
    assert target.parent == paths.backups / "auto" and target.exists()
    assert seen and seen[-1][0] == seen[-1][1]
    copy = sqlite3.connect(target)
    assert copy.execute("SELECT commune_name FROM commune_profile").fetchone() == ("Bằng Lãng",)
    assert copy.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    copy.close()
    assert not list(target.parent.glob("*.part"))
    assert not changed_since_last_backup(paths)
    save_profile(db, dataclasses.replace(DEMO_PROFILE, phone="0209 111 222"))
    os.utime(target, (target.stat().st_mtime - 5,) * 2)
    assert changed_since_last_backup(paths)


def test_backup_to_a_folder_such_as_a_usb_stick(db, paths, tmp_path):
    save_profile(db, DEMO_PROFILE)
    usb = tmp_path / "usb"
    usb.mkdir()
    target = backup_now(paths, usb)
    assert target.parent == usb and check_backup_file(target)


def test_backup_to_a_place_that_cannot_be_written_is_refused(db, paths, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(UserError, match="Không"):
        backup_now(paths, blocker / "copy.sqlite3")


def test_prune_keeps_hours_days_weeks_and_months(paths):
    auto = paths.backups / "auto"
    auto.mkdir(parents=True)
    now = datetime(2026, 11, 22, 12, 0)
    made = {}
    ages = [timedelta(hours=h) for h in (1, 2, 5)]  # today: all kept (last 24 h)
    ages += [timedelta(days=d, hours=h) for d in range(1, 10) for h in (0, 6)]
    ages += [timedelta(days=d) for d in range(14, 400, 9)]
    for age in ages:
        moment = now - age
        file = auto / f"fieldapp-{moment:%Y%m%d-%H%M%S}.sqlite3"
        file.write_bytes(b"")
        os.utime(file, (moment.timestamp(), moment.timestamp()))
        made[file] = moment
    other = paths.backups / "before-upgrade-0001.sqlite3"
    other.write_bytes(b"")
    os.utime(other, ((now - timedelta(days=900)).timestamp(),) * 2)
    removed = prune(paths, now=now)
    kept = {b.path: b.taken_at for b in list_backups(paths) if b.automatic}
    assert removed and other.exists()  # set-aside copies are never pruned
    for file, moment in made.items():
        if now - moment <= timedelta(hours=24):
            assert file in kept
    days = {m.date() for f, m in kept.items() if now - m <= timedelta(days=7)}
    assert len(days) == len({m.date() for m in made.values() if now - m <= timedelta(days=7)})
    months = {(m.year, m.month) for m in kept.values()}
    assert len(months) >= 12
    # one per day at most beyond the last 24 hours, within the last week
    older = [m for m in kept.values() if timedelta(hours=24) < now - m <= timedelta(days=7)]
    assert len(older) == len({m.date() for m in older})


def test_restore_brings_back_the_copy_and_keeps_the_current_aside(db, paths):
    save_profile(db, DEMO_PROFILE)
    copy = backup_now(paths)
    save_profile(db, dataclasses.replace(DEMO_PROFILE, commune_name="Xã Đổi Tên"))
    db.close()
    aside = restore(paths, copy)
    reopened = open_database(paths)
    assert load_profile(reopened).commune_name == "Bằng Lãng"
    reopened.close()
    kept = sqlite3.connect(aside)
    assert kept.execute("SELECT commune_name FROM commune_profile").fetchone() == ("Xã Đổi Tên",)
    kept.close()


@pytest.mark.parametrize("kind", ["text", "foreign", "damaged", "newer"])
def test_restore_refuses_a_bad_file_and_changes_nothing(db, paths, tmp_path, kind):
    save_profile(db, DEMO_PROFILE)
    db.close()
    bad = tmp_path / "bad.sqlite3"
    if kind == "text":
        bad.write_text("không phải cơ sở dữ liệu")
    elif kind == "foreign":
        conn = sqlite3.connect(bad)
        conn.execute("CREATE TABLE t (x)")
        conn.commit()
        conn.close()
    else:
        good = backup_now(paths, tmp_path / "good.sqlite3")
        raw = bytearray(good.read_bytes())
        if kind == "damaged":
            for offset in range(4096, len(raw), 4096):
                raw[offset : offset + 64] = os.urandom(64)
            bad.write_bytes(bytes(raw))
        else:
            bad.write_bytes(bytes(raw))
            conn = sqlite3.connect(bad)
            conn.execute("UPDATE alembic_version SET version_num = '9999'")
            conn.commit()
            conn.close()
    before = digest(paths.database)
    with pytest.raises(UserError):
        restore(paths, bad)
    assert digest(paths.database) == before
    assert not list(paths.backups.glob("before-restore-*"))


def test_newest_good_backup_skips_damaged_ones(db, paths):
    save_profile(db, DEMO_PROFILE)
    good = backup_now(paths, now=datetime(2026, 11, 20, 8, 0))
    os.utime(good, ((datetime.now() - timedelta(hours=3)).timestamp(),) * 2)
    newer = backup_now(paths, now=datetime(2026, 11, 21, 8, 0))
    raw = bytearray(newer.read_bytes())
    raw[:16] = b"garbage garbage!"
    newer.write_bytes(bytes(raw))
    assert newest_good_backup(paths).path == good


def test_cli_backup_list_and_restore(db, paths, tmp_path, capsys):
    save_profile(db, DEMO_PROFILE)
    db.close()
    data = str(paths.data_dir)
    assert main(["--data-dir", data, "backup", "--json"]) == 0
    made = json.loads(capsys.readouterr().out)["file"]
    assert main(["--data-dir", data, "backup", "--list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [r["file"] for r in listed] == [made]
    assert main(["--data-dir", data, "restore", str(tmp_path / "none.sqlite3")]) == 2
    # Without --yes (and no terminal to ask on) it says what would be replaced and stops.
    assert main(["--data-dir", data, "restore", made]) == 4
    err = capsys.readouterr().err
    assert "Sẽ thay dữ liệu hiện tại" in err and "--yes" in err
    assert main(["--data-dir", data, "restore", made, "--yes"]) == 0
    assert "Đã khôi phục" in capsys.readouterr().out
