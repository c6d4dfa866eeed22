"""The trust gate from the command line, tried with each role and with nobody signed in."""

from __future__ import annotations

import json
import sqlite3
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from fieldapp import gate
from fieldapp.accounts.service import create_user, sign_in, sign_out
from fieldapp.audit.models import AuditEntry
from fieldapp.audit.trail import verify
from fieldapp.cli import main
from fieldapp.demo import DEMO_PROFILE
from fieldapp.errors import NotPermitted
from fieldapp.households.models import Household, HouseholdMember
from fieldapp.households.service import (
    AreaInput,
    HouseholdInput,
    MemberInput,
    add_area,
    add_household,
)
from fieldapp.profile import save_profile
from tests.core.households.workbooks import TODAY, sample_households, write_list

PASSWORD = "mật-khẩu-8"
CCCD = "001203004567"
PHONE = "0912345678"
ROLES = {"admin": "admin", "canbo": "officer", "truongca": "shift_leader", "xem": "viewer"}


@pytest.fixture
def data(paths, db, monkeypatch):
    """A commune with one household and four accounts; the database closed for the CLI."""
    save_profile(db, DEMO_PROFILE)
    area = add_area(
        db,
        AreaInput(
            name="Khu phong tỏa thôn Nà Pài",
            villages="Nà Pài",
            regime="CT16",
            started_on=TODAY - timedelta(days=3),
            planned_end=TODAY + timedelta(days=10),
        ),
    )
    add_household(
        db,
        area,
        HouseholdInput(village="Nà Pài", phone=PHONE),
        [MemberInput("Nông Văn Dũng", 1980, is_head=True, citizen_id=CCCD, phone=PHONE)],
    )
    create_user(db, "admin", PASSWORD, full_name="Hoàng Văn Thắng")
    for name, role in ROLES.items():
        if name != "admin":
            create_user(db, name, PASSWORD, role=role)
    sign_out(db)
    db.close()
    monkeypatch.delenv("FIELDAPP_PASSWORD", raising=False)
    monkeypatch.delenv("FIELDAPP_USER", raising=False)
    return str(paths.data_dir)


def run(data, monkeypatch, user, *argv, password=PASSWORD):
    args = ["--data-dir", data]
    if user:
        args += ["--user", user]
        monkeypatch.setenv("FIELDAPP_PASSWORD", password)
    else:
        monkeypatch.delenv("FIELDAPP_PASSWORD", raising=False)
    return main([*args, *argv])


def count(paths, model):
    conn = sqlite3.connect(paths.database)
    try:
        return conn.execute(f"SELECT count(*) FROM {model.__tablename__}").fetchone()[0]
    finally:
        conn.close()


@pytest.mark.parametrize("user", [None, "xem", "truongca"])
def test_household_import_refused_for_roles_without_the_register(
    data, paths, tmp_path, monkeypatch, capsys, user
):
    book = tmp_path / "list.xlsx"
    write_list(book, sample_households(5))
    before = count(paths, HouseholdMember)
    code = run(
        data,
        monkeypatch,
        user,
        "household",
        "import",
        str(book),
        "--area",
        "Khu phong tỏa thôn Nà Pài",
    )
    assert code == NotPermitted.exit_code
    assert "--user" in capsys.readouterr().err or user
    assert count(paths, HouseholdMember) == before


def test_household_import_by_an_officer_is_audited_and_signed(
    data, paths, tmp_path, monkeypatch, capsys, db_reopen
):
    book = tmp_path / "list.xlsx"
    write_list(book, sample_households(5))
    code = run(
        data,
        monkeypatch,
        "canbo",
        "household",
        "import",
        str(book),
        "--area",
        "Khu phong tỏa thôn Nà Pài",
    )
    assert code == 0, capsys.readouterr().err
    db = db_reopen()
    with db.session() as s:
        imports = list(
            s.scalars(
                select(AuditEntry).where(AuditEntry.action == "import", AuditEntry.actor == "canbo")
            )
        )
        assert imports  # the import is audited, with the officer as its author
        assert not any(CCCD in (e.after or "") for e in imports)
        assert s.scalar(select(func.count()).select_from(Household)) > 1
    assert verify(db).ok


def test_wrong_password_and_unknown_user_refuse_before_anything(data, monkeypatch, capsys):
    assert run(data, monkeypatch, "admin", "household", "list", password="sai-sai-sai") == 2
    assert "Sai tên đăng nhập" in capsys.readouterr().err
    assert run(data, monkeypatch, "khongco", "household", "list") == 2
    assert "Sai tên đăng nhập" in capsys.readouterr().err


@pytest.mark.parametrize("user", [None, "xem", "truongca"])
def test_personal_data_masked_for_viewers_and_nobody(data, monkeypatch, capsys, user):
    assert run(data, monkeypatch, user, "household", "list", "--json") == 0
    out = capsys.readouterr().out
    assert PHONE not in out and PHONE[-3:] in out
    assert run(data, monkeypatch, user, "household", "show", "1", "--json") == 0
    out = capsys.readouterr().out
    assert CCCD not in out and PHONE not in out
    # Asking for the IDs in full is refused, not silently masked.
    assert run(data, monkeypatch, user, "household", "show", "1", "--show-ids") == 5
    assert CCCD not in capsys.readouterr().out
    assert run(data, monkeypatch, user, "household", "worklist", "--json") == 0
    assert PHONE not in capsys.readouterr().out


@pytest.mark.parametrize("user", ["admin", "canbo"])
def test_personal_data_in_full_for_admin_and_officer(data, monkeypatch, capsys, user):
    assert run(data, monkeypatch, user, "household", "list", "--json") == 0
    assert PHONE in capsys.readouterr().out
    assert run(data, monkeypatch, user, "household", "show", "1", "--show-ids", "--json") == 0
    assert CCCD in capsys.readouterr().out


@pytest.mark.parametrize("user", [None, "xem", "truongca", "canbo"])
def test_backup_to_the_data_folder_needs_an_admin(data, paths, monkeypatch, user):
    assert run(data, monkeypatch, user, "backup") == 5
    assert not (paths.backups / "auto").exists() or not list((paths.backups / "auto").iterdir())


def test_backup_with_a_wrong_password_is_refused(data, tmp_path, monkeypatch, capsys):
    out = tmp_path / "usb"
    out.mkdir()
    assert run(data, monkeypatch, "admin", "backup", "-o", str(out), password="sai-sai-sai") == 2
    assert not list(out.iterdir())


def test_backup_to_usb_by_an_officer_is_audited(data, tmp_path, monkeypatch, capsys, db_reopen):
    out = tmp_path / "usb"
    out.mkdir()
    assert run(data, monkeypatch, "canbo", "backup", "-o", str(out)) == 0
    (copy,) = out.iterdir()
    assert copy.stat().st_mode & 0o077 == 0  # private
    with db_reopen().session() as s:
        entry = s.scalar(select(AuditEntry).where(AuditEntry.action == "backup"))
    assert entry is not None and entry.actor == "canbo"


@pytest.mark.parametrize("user", [None, "xem", "canbo"])
def test_restore_and_demo_force_need_an_admin(data, paths, tmp_path, monkeypatch, user):
    copy = tmp_path / "copy.sqlite3"
    assert run(data, monkeypatch, "admin", "backup", "-o", str(copy)) == 0
    assert run(data, monkeypatch, user, "restore", str(copy), "--yes") == 5
    assert run(data, monkeypatch, user, "demo", "--force") == 5
    assert count(paths, Household) == 1  # nothing replaced


def test_restore_with_a_wrong_password_is_refused_not_called_damaged(
    data, paths, tmp_path, monkeypatch, capsys
):
    copy = tmp_path / "copy.sqlite3"
    assert run(data, monkeypatch, "admin", "backup", "-o", str(copy)) == 0
    capsys.readouterr()
    assert run(data, monkeypatch, "admin", "restore", str(copy), "--yes", password="x" * 9) == 2
    err = capsys.readouterr().err
    assert "Sai tên đăng nhập" in err and "hỏng" not in err


def test_restore_of_a_backup_without_accounts_keeps_them_and_is_audited(
    data, paths, tmp_path, monkeypatch, db_reopen
):
    from fieldapp.db.database import open_database

    other = tmp_path / "single"
    single = open_database(type(paths)(other))
    save_profile(single, DEMO_PROFILE)
    single.close()
    source = other / "fieldapp.sqlite3"
    # another computer's file of the same commune: accepted, without accounts
    assert run(data, monkeypatch, "admin", "restore", str(source), "--yes") == 0
    db = db_reopen()
    assert db.accounts_enabled
    sign_in(db, "admin", PASSWORD)
    with db.session() as s:
        entry = s.scalar(select(AuditEntry).where(AuditEntry.action == "restore"))
    assert entry.actor == "admin" and "kept_at" in entry.after
    assert (paths.backups).glob("before-restore-*.sqlite3")


def test_restore_of_another_commune_needs_the_flag(data, paths, tmp_path, monkeypatch, capsys):
    import dataclasses

    from fieldapp.db.database import open_database

    other = tmp_path / "other"
    foreign = open_database(type(paths)(other))
    save_profile(foreign, dataclasses.replace(DEMO_PROFILE, commune_name="Nam Cường"))
    foreign.close()
    source = str(other / "fieldapp.sqlite3")
    assert run(data, monkeypatch, "admin", "restore", source, "--yes") == 4
    assert "ĐƠN VỊ KHÁC" in capsys.readouterr().err
    assert count(paths, Household) == 1
    assert run(data, monkeypatch, "admin", "restore", source, "--yes", "--other-commune") == 0
    assert count(paths, Household) == 0


def test_restore_refused_while_another_window_has_the_database_open(
    data, paths, tmp_path, monkeypatch, capsys
):
    from fieldapp.db.database import open_database

    copy = tmp_path / "copy.sqlite3"
    assert run(data, monkeypatch, "admin", "backup", "-o", str(copy)) == 0
    window = open_database(paths)  # the window of another process, as far as flock knows
    try:
        capsys.readouterr()
        assert run(data, monkeypatch, "admin", "restore", str(copy), "--yes") != 0
        assert "đang mở" in capsys.readouterr().err
    finally:
        window.close()
    assert run(data, monkeypatch, "admin", "restore", str(copy), "--yes") == 0


def test_bulk_writes_pass_the_gate(db):
    """A bulk statement by a viewer is refused like an ORM write; by an officer, audited."""
    create_user(db, "admin", PASSWORD)
    create_user(db, "xem", PASSWORD, role="viewer")
    create_user(db, "canbo", PASSWORD, role="officer")
    sign_in(db, "xem", PASSWORD)
    area = {"name": "K1", "villages": "", "regime": "CT16", "started_on": TODAY}
    from fieldapp.households.models import LockdownArea

    with pytest.raises(NotPermitted), db.transaction() as s:
        gate.bulk_insert(s, LockdownArea, [dict(area, uuid="u1")])
    sign_in(db, "canbo", PASSWORD)
    with db.transaction() as s:
        gate.bulk_insert(s, LockdownArea, [dict(area, uuid="u1", device_id=db.device_id)])
    with db.session() as s:
        entry = s.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
    assert entry.table_name == "lockdown_area" and entry.actor == "canbo"


def test_masking_policy_is_one_function(db):
    row = {"citizen_id": CCCD, "phone": PHONE, "status": "F0", "members": [{"phone": PHONE}]}
    assert gate.mask_person(db, row) == row  # single-user: the one user sees everything
    create_user(db, "admin", PASSWORD)
    create_user(db, "xem", PASSWORD, role="viewer")
    sign_in(db, "xem", PASSWORD)
    masked = gate.mask_person(db, row)
    assert masked["citizen_id"].endswith("567") and CCCD not in json.dumps(masked)
    assert masked["status"] == gate.HIDDEN and PHONE not in json.dumps(masked)
    with pytest.raises(NotPermitted):
        gate.reveal(db)


@pytest.fixture
def db_reopen(paths):
    from fieldapp.db.database import open_database

    opened = []

    def reopen():
        opened.append(open_database(paths))
        return opened[-1]

    yield reopen
    for d in opened:
        d.close()
