"""Creating accounts and signing in (Argon2id hashes, slower answers after wrong passwords)."""

from __future__ import annotations

import time
from datetime import timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, or_, select, update

from fieldapp.accounts.models import UserAccount
from fieldapp.accounts.permissions import ROLES, Actor, check_write
from fieldapp.db.base import utcnow
from fieldapp.db.database import Database
from fieldapp.errors import UserError
from fieldapp.text.vietnamese import nfc

MIN_PASSWORD = 8
FREE_ATTEMPTS = 3  # wrong passwords allowed before each further try has to wait
MAX_WAIT_SECONDS = 300

_hasher = PasswordHasher()  # Argon2id with the library's current recommended parameters


class SignInError(UserError):
    """Wrong name or password, an inactive account, or too many recent wrong tries."""


def accounts_exist(db: Database) -> bool:
    with db.session() as s:
        return (s.scalar(select(func.count()).select_from(UserAccount)) or 0) > 0


def _clean_username(username: str) -> str:
    name = nfc(username).strip().lower()
    if not name or len(name) > 60 or any(c.isspace() for c in name):
        raise UserError("Tên đăng nhập phải có từ 1 đến 60 ký tự, không có dấu cách.")
    return name


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise UserError(f"Mật khẩu phải có ít nhất {MIN_PASSWORD} ký tự.")


def create_user(
    db: Database, username: str, password: str, *, full_name: str = "", role: str = "officer"
) -> Actor:
    """Add an account. The very first account is always an admin and needs nobody signed in."""
    name = _clean_username(username)
    _check_password(password)
    if role not in ROLES:
        raise UserError(f"Vai trò không hợp lệ: {role}. Chọn một trong: {', '.join(ROLES)}.")
    first = not accounts_exist(db)
    if first:
        role = "admin"
    else:
        check_write(db.actor, "accounts")
    with db.transaction() as s:
        if s.scalar(select(UserAccount.id).where(UserAccount.username == name)) is not None:
            raise UserError(f"Tên đăng nhập {name} đã có người dùng.")
        user = UserAccount(
            username=name,
            full_name=nfc(full_name).strip(),
            role=role,
            password_hash=_hasher.hash(password),
        )
        s.add(user)
        s.flush()
        actor = Actor(user.id, user.username, user.full_name, user.role)
    db.accounts_enabled = True
    if first:
        db.actor = actor  # whoever created the first account is signed in as it
    return actor


def sign_in(db: Database, username: str, password: str, *, sleep=time.sleep) -> Actor:
    """Check a name and password; on success ``db.actor`` is that person.

    After :data:`FREE_ATTEMPTS` wrong passwords, each further try must wait longer (2, 4, 8 …
    seconds, at most five minutes) before it is even checked; the wait is kept in the
    database, so restarting the app does not reset it. The answer never says whether the
    name or the password was wrong.
    """
    try:
        name = _clean_username(username)
    except UserError:
        raise SignInError("Sai tên đăng nhập hoặc mật khẩu.") from None
    now = utcnow()
    with db.session() as s:
        user = s.scalar(select(UserAccount).where(UserAccount.username == name))
    if user is None:
        sleep(0.5)
        raise SignInError("Sai tên đăng nhập hoặc mật khẩu.")
    _reserve_attempt(db, user.id, now)
    try:
        _hasher.verify(user.password_hash, password)
        ok = True
    except (VerificationError, InvalidHashError):
        ok = False
    if ok and user.active:
        with db.transaction() as s:
            s.info["system"] = True  # sign-in bookkeeping is written by the system itself
            row = s.get(UserAccount, user.id)
            row.failed_attempts = 0
            row.locked_until = None
            if _hasher.check_needs_rehash(row.password_hash):
                row.password_hash = _hasher.hash(password)
    if not ok:
        raise SignInError("Sai tên đăng nhập hoặc mật khẩu.")
    if not user.active:
        raise SignInError("Tài khoản này đã bị khóa. Hãy hỏi người quản trị.")
    actor = Actor(user.id, user.username, user.full_name, user.role)
    db.actor = actor
    return actor


def _reserve_attempt(db: Database, user_id: int, now) -> None:
    """Count this try as wrong BEFORE the password is checked, in one atomic statement.

    Parallel tries (ten processes at once) are counted one after the other by the database's
    write lock: the first :data:`FREE_ATTEMPTS` are checked, every further one finds the wait
    already set and is refused unchecked. A right password then clears the count.
    """
    table = UserAccount.__table__
    with db.transaction() as s:
        s.info["system"] = True
        conn = s.connection()
        counted = conn.execute(
            update(table)
            .where(
                table.c.id == user_id,
                or_(table.c.locked_until.is_(None), table.c.locked_until <= now),
            )
            .values(failed_attempts=table.c.failed_attempts + 1)
        ).rowcount
        row = conn.execute(
            select(table.c.failed_attempts, table.c.locked_until).where(table.c.id == user_id)
        ).one()
        if not counted:
            wait = int((row.locked_until - now).total_seconds()) + 1
            raise SignInError(f"Đã nhập sai mật khẩu nhiều lần. Hãy thử lại sau {wait} giây.")
        extra = row.failed_attempts - FREE_ATTEMPTS
        if extra >= 0:
            until = now + timedelta(seconds=min(2 ** (extra + 1), MAX_WAIT_SECONDS))
            conn.execute(update(table).where(table.c.id == user_id).values(locked_until=until))


def sign_out(db: Database) -> None:
    db.actor = None


def change_password(db: Database, old_password: str, new_password: str) -> None:
    """The signed-in person changes their own password."""
    actor = db.actor
    if actor is None:
        raise SignInError("Cần đăng nhập trước.")
    _check_password(new_password)
    with db.session() as s:
        current = s.get(UserAccount, actor.user_id)
    try:
        _hasher.verify(current.password_hash, old_password)
    except (VerificationError, InvalidHashError):
        raise SignInError("Mật khẩu hiện tại không đúng.") from None
    with db.transaction() as s:
        s.get(UserAccount, actor.user_id).password_hash = _hasher.hash(new_password)


def update_user(
    db: Database,
    username: str,
    *,
    role: str | None = None,
    active: bool | None = None,
    full_name: str | None = None,
    new_password: str | None = None,
) -> None:
    """An admin changes someone's role, name, password, or blocks the account."""
    check_write(db.actor, "accounts")
    name = _clean_username(username)
    if role is not None and role not in ROLES:
        raise UserError(f"Vai trò không hợp lệ: {role}.")
    with db.transaction() as s:
        user = s.scalar(select(UserAccount).where(UserAccount.username == name))
        if user is None:
            raise UserError(f"Không có tài khoản {name}.")
        if role is not None:
            user.role = role
        if active is not None:
            user.active = active
        if full_name is not None:
            user.full_name = nfc(full_name).strip()
        if new_password is not None:
            _check_password(new_password)
            user.password_hash = _hasher.hash(new_password)
            user.failed_attempts = 0
            user.locked_until = None
        s.flush()
        admins = s.scalar(
            select(func.count())
            .select_from(UserAccount)
            .where(UserAccount.role == "admin", UserAccount.active.is_(True))
        )
        if not admins:
            raise UserError("Phải còn ít nhất một tài khoản quản trị đang hoạt động.")


def list_users(db: Database) -> list[UserAccount]:
    with db.session() as s:
        return list(s.scalars(select(UserAccount).order_by(UserAccount.username)))


def check_password_read_only(paths, username: str, password: str, *, sleep=time.sleep) -> Actor:
    """Check a name and password without writing (the data disk is full): for a backup to
    another disk. A wait set by earlier wrong tries is kept; a wrong answer is slow."""
    import sqlite3

    from fieldapp.db.database import read_only_connection

    name = _clean_username(username) if username else ""
    conn = read_only_connection(paths.database)
    try:
        row = conn.execute(
            "SELECT id, username, full_name, role, password_hash, active, locked_until "
            "FROM user_account WHERE username = ?",
            (name,),
        ).fetchone()
    except sqlite3.Error:
        row = None
    finally:
        conn.close()
    if row is None:
        sleep(1)
        raise SignInError("Sai tên đăng nhập hoặc mật khẩu.")
    user_id, user, full_name, role, password_hash, active, locked_until = row
    if locked_until and str(locked_until) > utcnow().isoformat():
        raise SignInError("Đã nhập sai mật khẩu nhiều lần. Hãy thử lại sau.")
    try:
        _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        sleep(1)
        raise SignInError("Sai tên đăng nhập hoặc mật khẩu.") from None
    if not active:
        raise SignInError("Tài khoản này đã bị khóa. Hãy hỏi người quản trị.")
    return Actor(user_id, user, full_name, role)
