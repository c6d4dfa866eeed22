"""Roles and what each may change, checked for every row a session writes.

The check runs in the database layer's flush hook (:mod:`fieldapp.audit.hook`), so no
service function, CLI command or window can write around it. A table belongs to an *area*,
found from the module its model lives in (``fieldapp.households.models`` → ``households``).

A database with no accounts yet is in single-user mode: nothing is checked (the first run of
the window asks for the admin account at once; tests and the demo command use this mode).
"""

from __future__ import annotations

from dataclasses import dataclass

from fieldapp.errors import NotPermitted

ROLES: dict[str, str] = {
    "admin": "Quản trị",
    "officer": "Cán bộ",
    "shift_leader": "Trưởng ca trực",
    "viewer": "Chỉ xem",
}

# The areas each role may change. "accounts" covers other people's accounts.
WRITE_AREAS: dict[str, frozenset[str]] = {
    "admin": frozenset(
        {
            "accounts",
            "settings",
            "directives",
            "rostering",
            "checkpoints",
            "households",
            "health",
            "reports",
            "sync",
        }
    ),
    "officer": frozenset(
        {
            "settings",
            "directives",
            "rostering",
            "checkpoints",
            "households",
            "health",
            "reports",
            "sync",
        }
    ),
    "shift_leader": frozenset({"rostering", "checkpoints"}),
    "viewer": frozenset(),
}

# Which pages of the window each role sees (the core still checks every write).
PAGES_FOR_ROLE: dict[str, frozenset[str]] = {
    "admin": frozenset(
        {"overview", "directives", "rosters", "households", "reports", "sync", "settings"}
    ),
    "officer": frozenset(
        {"overview", "directives", "rosters", "households", "reports", "sync", "settings"}
    ),
    "shift_leader": frozenset({"overview", "rosters", "settings"}),
    "viewer": frozenset({"overview", "directives", "rosters", "households", "reports", "settings"}),
}

# Roles that see citizen IDs and phone numbers in full; the others see them masked.
SEES_PERSONAL_DATA = frozenset({"admin", "officer"})

# Models of the foundation, by table, and the area they belong to.
FOUNDATION_AREAS: dict[str, str] = {
    "commune_profile": "settings",
    "setting": "settings",
    "document": "directives",
    "user_account": "accounts",
}
# Tables written by the system itself (never refused, never audited).
SYSTEM_TABLES = frozenset({"app_meta", "audit_entry", "alembic_version", "sync_tombstone"})
# Settings of the window itself that anyone signed in may change (not audited either);
# every key starting with "ui." is one too.
PERSONAL_SETTINGS = frozenset({"language"})


@dataclass(frozen=True)
class Actor:
    """Who is acting: a signed-in account."""

    user_id: int
    username: str
    full_name: str
    role: str

    @property
    def sees_personal_data(self) -> bool:
        return self.role in SEES_PERSONAL_DATA

    @property
    def label(self) -> str:
        return f"{self.full_name} ({self.username})" if self.full_name else self.username


class PermissionDenied(NotPermitted):
    """The signed-in person's role may not do this."""


def area_of(table: str, module: str) -> str:
    """The area of a table: from the foundation list, or the register package of its model."""
    if table in FOUNDATION_AREAS:
        return FOUNDATION_AREAS[table]
    parts = module.split(".")
    if len(parts) >= 2 and parts[0] == "fieldapp":
        return parts[1]
    return "settings"


AREA_LABELS: dict[str, str] = {
    "accounts": "tài khoản người dùng",
    "settings": "cài đặt và hồ sơ xã",
    "directives": "sổ văn bản chỉ đạo",
    "rostering": "lịch trực",
    "checkpoints": "nhật ký chốt",
    "households": "sổ hộ dân khu phong tỏa",
    "health": "sổ theo dõi sức khỏe F0, F1",
    "reports": "báo cáo",
    "sync": "đồng bộ",
}


def check_write(actor: Actor | None, area: str, *, own_account: bool = False) -> None:
    """Raise :class:`PermissionDenied` unless ``actor`` may change something in ``area``."""
    if actor is None:
        raise PermissionDenied(
            "Cần đăng nhập để thay đổi dữ liệu (trên dòng lệnh: thêm --user TÊN_ĐĂNG_NHẬP)."
        )
    if own_account:
        return  # everyone may change their own password
    if area not in WRITE_AREAS.get(actor.role, frozenset()):
        raise PermissionDenied(
            f"Tài khoản {actor.username} ({ROLES.get(actor.role, actor.role)}) không được "
            f"thay đổi {AREA_LABELS.get(area, area)}."
        )


def mask(value: str | None, actor: Actor | None, *, keep: int = 3) -> str:
    """``value`` in full for roles that need it, else masked to its last ``keep`` characters.

    With no actor (single-user mode) the value is masked too: lists show masked data unless a
    role that needs it is signed in.
    """
    if not value:
        return ""
    if actor is not None and actor.sees_personal_data:
        return value
    return "•" * max(0, len(value) - keep) + value[-keep:]


def shows_personal_data(db) -> bool:
    """Whether lists may show citizen IDs and phone numbers in full to whoever is signed in:
    yes in single-user mode (no accounts) and for roles that need them; otherwise masked.
    The policy lives in :mod:`fieldapp.gate`; this name is kept for older callers."""
    from fieldapp import gate

    return gate.sees_personal_data(db)


def mask_for(db, value: str | None, *, keep: int = 3) -> str:
    """``value`` as a list may show it to the person signed in on ``db`` (see the gate)."""
    from fieldapp import gate

    return gate.mask_phone(db, value)
