"""Commune profile, settings and the document store."""

from __future__ import annotations

import unicodedata

import pytest
from sqlalchemy import func, select

from fieldapp.db.models import CommuneProfile, Document
from fieldapp.document_store import read_document, store_document
from fieldapp.errors import UserError
from fieldapp.profile import Profile, load_profile, save_profile
from fieldapp.settings import get_setting, set_setting


def test_profile_is_asked_once_and_stored_nfc(db):
    assert load_profile(db) is None
    nfd = unicodedata.normalize("NFD", "Bằng Lãng")
    saved = save_profile(
        db, Profile(commune_name=f"  {nfd} ", district_name="Chợ  Đồn", province_name="Bắc Kạn")
    )
    assert saved.commune_name == "Bằng Lãng"
    assert unicodedata.is_normalized("NFC", load_profile(db).commune_name)
    assert load_profile(db).district_name == "Chợ Đồn"
    assert saved.issuer_parent == "UBND HUYỆN CHỢ ĐỒN"
    assert saved.issuer_name == "ỦY BAN NHÂN DÂN XÃ BẰNG LÃNG"
    assert saved.commune_title == "Xã Bằng Lãng"
    assert saved.place == "Bằng Lãng"
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(CommuneProfile)) == 1


def test_profile_missing_fields_are_named_and_nothing_saved(db):
    with pytest.raises(UserError, match="tên xã, tên tỉnh"):
        save_profile(db, Profile(district_name="Chợ Đồn"))
    assert load_profile(db) is None


def test_profile_rejects_unknown_unit_kind(db):
    with pytest.raises(UserError, match="Loại đơn vị"):
        save_profile(
            db, Profile(commune_name="A", district_name="B", province_name="C", unit_kind="làng")
        )


def test_settings_have_defaults_and_validate(db):
    assert get_setting(db, "language") == "vi"
    set_setting(db, "language", "en")
    assert get_setting(db, "language") == "en"
    with pytest.raises(UserError, match="Ngôn ngữ"):
        set_setting(db, "language", "fr")
    assert get_setting(db, "language") == "en"
    with pytest.raises(KeyError):
        get_setting(db, "no.such.key")


def test_documents_are_kept_by_checksum_once(db):
    data = "Số 235 -CV/HU\nHỎA TỐC →\n".encode()
    first = store_document(db, data, original_name="235.txt", kind="directive", title="235")
    again = store_document(db, data, original_name="copy.txt", kind="directive")
    assert first.created and not again.created
    assert again.id == first.id
    assert first.path.read_bytes() == data
    assert read_document(db, first.id) == data
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Document)) == 1


def test_a_changed_original_is_detected(db):
    doc = store_document(db, b"noi dung", original_name="a.txt", kind="directive")
    doc.path.write_bytes(b"noi dung da sua")
    with pytest.raises(UserError, match="bị thay đổi"):
        read_document(db, doc.id)
