"""Accounts, roles enforced in the core, and the hash-chained audit trail."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from datetime import timedelta

import pytest
from sqlalchemy import select

from fieldapp.accounts.models import UserAccount
from fieldapp.accounts.permissions import PermissionDenied, mask
from fieldapp.accounts.service import (
    FREE_ATTEMPTS,
    SignInError,
    change_password,
    create_user,
    sign_in,
    sign_out,
    update_user,
)
from fieldapp.audit.models import AuditEntry
from fieldapp.audit.trail import browse, verify
from fieldapp.cli import main
from fieldapp.db.base import utcnow
from fieldapp.demo import DEMO_PROFILE
from fieldapp.errors import UserError
from fieldapp.profile import load_profile, save_profile
from fieldapp.settings import set_setting

PASSWORD = "mật-khẩu-8"


def no_sleep(_seconds):
    return None


@pytest.fixture
def accounts(db):
    """A database with an admin, an officer, a shift leader and a viewer; nobody signed in."""
    create_user(db, "admin", PASSWORD, full_name="Hoàng Văn Thắng")
    for name, role in (("canbo", "officer"), ("truongca", "shift_leader"), ("xem", "viewer")):
        create_user(db, name, PASSWORD, role=role)
    sign_out(db)
    return db


def audit_rows(db):
    with db.session() as s:
        return list(s.scalars(select(AuditEntry).order_by(AuditEntry.id)))


def test_first_account_is_admin_and_signed_in(db):
    actor = create_user(db, "Admin", PASSWORD, role="viewer")
    assert actor.role == "admin" and actor.username == "admin"
    assert db.actor == actor and db.accounts_enabled
    with db.session() as s:
        stored = s.scalar(select(UserAccount.password_hash))
    assert stored.startswith("$argon2id$") and PASSWORD not in stored


def test_nobody_signed_in_cannot_write_and_nothing_changes(accounts):
    with pytest.raises(PermissionDenied, match="đăng nhập"):
        save_profile(accounts, DEMO_PROFILE)
    assert load_profile(accounts) is None


@pytest.mark.parametrize(
    ("user", "may_edit_profile"),
    [("admin", True), ("canbo", True), ("truongca", False), ("xem", False)],
)
def test_roles_are_enforced_in_the_core(accounts, user, may_edit_profile):
    sign_in(accounts, user, PASSWORD, sleep=no_sleep)
    if may_edit_profile:
        save_profile(accounts, DEMO_PROFILE)
        assert load_profile(accounts).commune_name == "Bằng Lãng"
    else:
        with pytest.raises(PermissionDenied, match=user):
            save_profile(accounts, DEMO_PROFILE)
        assert load_profile(accounts) is None


def test_shift_leader_may_work_on_rosters_only(accounts):
    from datetime import date

    from fieldapp.rostering.models import Site

    sign_in(accounts, "truongca", PASSWORD, sleep=no_sleep)
    with accounts.transaction() as s:
        s.add(Site(name="Chốt số 1", active_from=date(2021, 8, 2), shifts=[], require={}))
    with pytest.raises(PermissionDenied):
        create_user(accounts, "moi", PASSWORD)


def test_window_preferences_are_neither_checked_nor_audited(accounts):
    sign_in(accounts, "xem", PASSWORD, sleep=no_sleep)
    before = len(audit_rows(accounts))
    set_setting(accounts, "ui.last_page", "rosters")
    assert len(audit_rows(accounts)) == before


def test_only_admin_manages_accounts_and_one_admin_stays(accounts):
    sign_in(accounts, "canbo", PASSWORD, sleep=no_sleep)
    with pytest.raises(PermissionDenied):
        update_user(accounts, "xem", role="admin")
    sign_in(accounts, "admin", PASSWORD, sleep=no_sleep)
    update_user(accounts, "xem", role="officer")
    with pytest.raises(UserError, match="ít nhất một tài khoản quản trị"):
        update_user(accounts, "admin", role="viewer")
    with accounts.session() as s:
        assert s.scalar(select(UserAccount.role).where(UserAccount.username == "admin")) == "admin"


def test_wrong_passwords_slow_down_and_do_not_say_which_part_was_wrong(accounts):
    for _ in range(FREE_ATTEMPTS):
        with pytest.raises(SignInError, match="Sai tên đăng nhập hoặc mật khẩu"):
            sign_in(accounts, "canbo", "sai mật khẩu", sleep=no_sleep)
    with pytest.raises(SignInError, match="Sai tên"):
        sign_in(accounts, "khongco", PASSWORD, sleep=no_sleep)
    with pytest.raises(SignInError):
        sign_in(accounts, "canbo", "lại sai nữa", sleep=no_sleep)
    # Now even the right password must wait.
    with pytest.raises(SignInError, match="thử lại sau"):
        sign_in(accounts, "canbo", PASSWORD, sleep=no_sleep)
    with accounts.transaction() as s:
        s.info["system"] = True
        row = s.scalar(select(UserAccount).where(UserAccount.username == "canbo"))
        assert row.locked_until > utcnow()
        row.locked_until = utcnow() - timedelta(seconds=1)
    assert sign_in(accounts, "canbo", PASSWORD, sleep=no_sleep).role == "officer"


def test_blocked_account_cannot_sign_in(accounts):
    sign_in(accounts, "admin", PASSWORD, sleep=no_sleep)
    update_user(accounts, "xem", active=False)
    with pytest.raises(SignInError, match="khóa"):
        sign_in(accounts, "xem", PASSWORD, sleep=no_sleep)


def test_anyone_changes_their_own_password(accounts):
    sign_in(accounts, "xem", PASSWORD, sleep=no_sleep)
    with pytest.raises(SignInError):
        change_password(accounts, "không đúng", "mới-mật-khẩu")
    change_password(accounts, PASSWORD, "mới-mật-khẩu")
    last = audit_rows(accounts)[-1]
    assert last.actor == "xem" and json.loads(last.after) == {"password_hash": "(đã đổi)"}
    assert "argon2" not in "".join((r.before or "") + (r.after or "") for r in audit_rows(accounts))
    sign_out(accounts)
    assert sign_in(accounts, "xem", "mới-mật-khẩu", sleep=no_sleep).role == "viewer"


def test_every_change_is_audited_with_who_and_values(accounts):
    sign_in(accounts, "canbo", PASSWORD, sleep=no_sleep)
    start = len(audit_rows(accounts))
    save_profile(accounts, DEMO_PROFILE)
    save_profile(accounts, dataclasses.replace(DEMO_PROFILE, phone="0209 3882 999"))
    rows = audit_rows(accounts)[start:]
    assert [r.action for r in rows] == ["create", "update"]
    assert all(r.actor == "canbo" and r.table_name == "commune_profile" for r in rows)
    assert json.loads(rows[0].after)["commune_name"] == "Bằng Lãng"
    assert json.loads(rows[1].before) == {"phone": "0209 3882 135"}
    assert json.loads(rows[1].after) == {"phone": "0209 3882 999"}
    assert rows[0].record == rows[1].record  # the profile's uuid


def test_a_refused_or_failed_change_leaves_no_audit_entry(accounts):
    before = len(audit_rows(accounts))
    with pytest.raises(PermissionDenied):
        save_profile(accounts, DEMO_PROFILE)
    sign_in(accounts, "admin", PASSWORD, sleep=no_sleep)
    with pytest.raises(RuntimeError), accounts.transaction() as s:
        s.add(UserAccount(username="tam", role="viewer", password_hash="x"))
        s.flush()
        raise RuntimeError("power cut")
    # sign-in bookkeeping may add entries; the refused and rolled-back changes add none
    tables = [r.table_name for r in audit_rows(accounts)[before:]]
    assert "commune_profile" not in tables
    assert all(json.loads(r.after or "{}").get("username") != "tam" for r in audit_rows(accounts))


def test_deleting_is_audited_with_the_values_before(db):
    create_user(db, "admin", PASSWORD)
    save_profile(db, DEMO_PROFILE)
    from fieldapp.db.models import CommuneProfile

    with db.transaction() as s:
        s.delete(s.scalar(select(CommuneProfile)))
    last = audit_rows(db)[-1]
    assert last.action == "delete" and json.loads(last.before)["commune_name"] == "Bằng Lãng"
    assert last.after is None


def test_verify_finds_an_edited_or_deleted_entry(db, paths):
    create_user(db, "admin", PASSWORD)
    save_profile(db, DEMO_PROFILE)
    save_profile(db, dataclasses.replace(DEMO_PROFILE, phone="0209 000 111"))
    report = verify(db)
    assert report.ok and report.entries >= 3
    db.close()

    conn = sqlite3.connect(paths.database)
    with conn:
        conn.execute("UPDATE audit_entry SET actor = 'ai-do' WHERE id = 2")
    conn.close()
    from fieldapp.db.database import open_database

    reopened = open_database(paths)
    report = verify(reopened)
    assert not report.ok and report.broken_at == 2
    reopened.close()

    conn = sqlite3.connect(paths.database)
    with conn:
        conn.execute("UPDATE audit_entry SET actor = 'admin' WHERE id = 2")
        conn.execute("DELETE FROM audit_entry WHERE id = 2")
    conn.close()
    reopened = open_database(paths)
    report = verify(reopened)
    assert not report.ok and report.broken_at == 2
    reopened.close()


def test_audit_is_for_roles_that_see_personal_data(accounts):
    sign_in(accounts, "xem", PASSWORD, sleep=no_sleep)
    with pytest.raises(PermissionDenied):
        browse(accounts)
    sign_in(accounts, "canbo", PASSWORD, sleep=no_sleep)
    assert browse(accounts, table="user_account")


def test_mask_hides_personal_data_from_roles_that_do_not_need_it(accounts):
    viewer = sign_in(accounts, "xem", PASSWORD, sleep=no_sleep)
    officer = sign_in(accounts, "canbo", PASSWORD, sleep=no_sleep)
    assert mask("001203004567", viewer) == "•••••••••567"
    assert mask("001203004567", officer) == "001203004567"
    assert mask("0912345678", None) == "•••••••678"
    assert mask("", viewer) == ""


def test_cli_user_and_audit_commands(tmp_path, monkeypatch, capsys):
    data = str(tmp_path / "d")
    monkeypatch.setenv("FIELDAPP_NEW_PASSWORD", PASSWORD)
    assert main(["--data-dir", data, "user", "add", "admin", "--name", "Hoàng Văn Thắng"]) == 0
    # Accounts exist now: a change without a user is refused, and nothing is written.
    profile = ["--commune-name", "Bằng Lãng", "--district-name", "Chợ Đồn"]
    profile += ["--province-name", "Bắc Kạn"]
    assert main(["--data-dir", data, "profile", "set", *profile]) == 5
    assert "--user" in capsys.readouterr().err
    monkeypatch.setenv("FIELDAPP_PASSWORD", "sai-mat-khau")
    assert main(["--data-dir", data, "--user", "admin", "user", "list"]) == 2
    assert "Sai tên đăng nhập" in capsys.readouterr().err
    monkeypatch.setenv("FIELDAPP_PASSWORD", PASSWORD)
    args = ["--data-dir", data, "--user", "admin"]
    assert main([*args, "user", "add", "truongca", "--role", "shift_leader"]) == 0
    assert main([*args, "profile", "set", *profile]) == 0
    assert main([*args, "user", "list", "--json"]) == 0
    capsys.readouterr()
    assert main([*args, "audit", "verify", "--json"]) == 0
    verdict = json.loads(capsys.readouterr().out)
    assert verdict["ok"] and verdict["entries"] >= 2
    assert main([*args, "audit", "list", "--json", "--table", "user_account"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert {r["actor"] for r in listed} >= {"admin"}
    assert main([*args, "audit", "list", "--json", "--table", "commune_profile"]) == 0
    (entry,) = json.loads(capsys.readouterr().out)
    assert entry["actor"] == "admin" and entry["after"]["province_name"] == "Bắc Kạn"
