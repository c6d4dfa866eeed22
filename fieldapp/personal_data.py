"""Exports that carry personal data (citizen IDs, phone numbers, health status).

Every such export — the household Excel list, a sync package — is allowed only to roles that
see personal data, is confirmed by a person first (the window asks; the command line asks on
a terminal or needs ``--yes``), and is written to the audit trail with what and how much,
never the data itself.
"""

from __future__ import annotations

from typing import Any

from fieldapp.accounts.permissions import PermissionDenied
from fieldapp.db.database import Database

WARNING = (
    "Tệp này chứa dữ liệu cá nhân của người dân (số CCCD, số điện thoại, tình trạng sức "
    "khỏe). Chỉ chuyển cho cơ quan có thẩm quyền; không đăng lên mạng xã hội hay nhóm chat "
    "công khai. Việc xuất tệp được ghi vào nhật ký."
)


def check_may_export(db: Database) -> None:
    """Refuse unless the signed-in role may see personal data (single-user mode may)."""
    if db.accounts_enabled and (db.actor is None or not db.actor.sees_personal_data):
        raise PermissionDenied(
            "Chỉ quản trị và cán bộ được xuất tệp có dữ liệu cá nhân của người dân."
        )


def record_export(db: Database, what: str, file_name: str, counts: dict[str, Any]) -> None:
    """One audit entry for an export: what, the file's name, how many records."""
    from fieldapp.audit.trail import record

    with db.transaction() as s:
        record(s, "export", what, file_name[:60], counts)
