"""Exports of personal data: only roles that see it, and each one in the audit trail."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from fieldapp.accounts.permissions import PermissionDenied
from fieldapp.accounts.service import create_user, sign_in
from fieldapp.audit.models import AuditEntry
from fieldapp.households.excel_export import export_households
from fieldapp.sync.package import export_package

PASSWORD = "mật-khẩu-8"


def test_viewer_may_not_export_and_officer_export_is_audited(demo_db, tmp_path):
    create_user(demo_db, "admin", PASSWORD)
    create_user(demo_db, "xem", PASSWORD, role="viewer")
    create_user(demo_db, "canbo", PASSWORD, role="officer")
    sign_in(demo_db, "xem", PASSWORD, sleep=lambda _s: None)
    with pytest.raises(PermissionDenied, match="dữ liệu cá nhân"):
        export_households(demo_db, tmp_path / "ds.xlsx")
    assert not (tmp_path / "ds.xlsx").exists()
    sign_in(demo_db, "canbo", PASSWORD, sleep=lambda _s: None)
    result = export_households(demo_db, tmp_path / "ds.xlsx")
    export_package(demo_db, tmp_path / "goi.fieldsync")
    with demo_db.session() as s:
        exports = list(s.scalars(select(AuditEntry).where(AuditEntry.action == "export")))
    tables = {e.table_name: e for e in exports}
    assert set(tables) >= {"household_excel", "sync_package"}
    excel = tables["household_excel"]
    assert excel.actor == "canbo" and json.loads(excel.after)["people"] == result.people
    assert set(json.loads(excel.after)) == {"areas", "households", "people"}  # counts only
