"""The tables of the foundation: app metadata, settings, the commune profile, stored documents.

Feature packages add their own model modules; every model derives from :class:`Base` so one
metadata (and one Alembic history) covers the whole schema.
"""

from __future__ import annotations

from sqlalchemy import Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from fieldapp.db.base import Base, SyncMixin


class AppMeta(Base):
    """Facts about this database file itself (device id, when it was created). Never travels."""

    __tablename__ = "app_meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Setting(Base):
    """One user setting, its value JSON-encoded. Local to this device; never travels."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class CommuneProfile(SyncMixin, Base):
    """Who the commune is: used in the header and signing block of every report."""

    __tablename__ = "commune_profile"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    unit_kind: Mapped[str] = mapped_column(String(20), default="xã")
    commune_name: Mapped[str] = mapped_column(String(120))
    district_kind: Mapped[str] = mapped_column(String(20), default="huyện")
    district_name: Mapped[str] = mapped_column(String(120))
    province_name: Mapped[str] = mapped_column(String(120))
    committee_name: Mapped[str] = mapped_column(String(255), default="")
    chairman_name: Mapped[str] = mapped_column(String(120), default="")
    chairman_title: Mapped[str] = mapped_column(String(120), default="")
    signer_name: Mapped[str] = mapped_column(String(120), default="")
    signer_title: Mapped[str] = mapped_column(String(120), default="")
    signer_authority: Mapped[str] = mapped_column(String(120), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    place_name: Mapped[str] = mapped_column(String(120), default="")
    level: Mapped[str] = mapped_column(String(10), default="commune", server_default="commune")
    report_hour: Mapped[str] = mapped_column(String(5), default="16:00", server_default="16:00")


class Document(SyncMixin, Base):
    """An original file kept in the data folder (a directive as it arrived, say), by checksum."""

    __tablename__ = "document"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(40))
    title: Mapped[str] = mapped_column(Text, default="")
    original_name: Mapped[str] = mapped_column(String(255))
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    size: Mapped[int] = mapped_column(Integer)
    stored_path: Mapped[str] = mapped_column(String(255))


# Every register's tables, so that one metadata describes the whole schema (Alembic, tests).
MODEL_MODULES: tuple[str, ...] = (
    "fieldapp.accounts.models",
    "fieldapp.audit.models",
    "fieldapp.sync.models",
    "fieldapp.directives.models",
    "fieldapp.rostering.models",
    "fieldapp.checkpoints.models",
    "fieldapp.households.models",
    "fieldapp.health.models",
    "fieldapp.reports.models",
)


def load_all_models() -> None:
    """Import every register's model module (their tables join :data:`Base.metadata`)."""
    import importlib

    for name in MODEL_MODULES:
        importlib.import_module(name)


load_all_models()
