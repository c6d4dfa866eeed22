"""The commune profile as it appears on official documents: issuer, place-date line, signature."""

from __future__ import annotations

from datetime import date

from fieldapp.printing.blocks import paragraph, table
from fieldapp.printing.fonts import font_in_use
from fieldapp.printing.official import Issuer, OfficialDocument, Signature
from fieldapp.profile import Profile
from fieldapp.text.vietnamese import format_long_date


def issuer_for(profile: Profile) -> Issuer:
    """ "UBND HUYỆN CHỢ ĐỒN" over "ỦY BAN NHÂN DÂN XÃ BẰNG LÃNG"."""
    return Issuer(profile.issuer_parent, profile.issuer_name)


def place_date_for(profile: Profile, day: date) -> str:
    """ "Bằng Lãng, ngày 05 tháng 02 năm 2021" (Decree 30 form)."""
    return f"{profile.place}, {format_long_date(day)}"


def signature_for(profile: Profile) -> Signature:
    return Signature(profile.signer_authority, profile.signer_title, profile.signer_name)


def test_page(profile: Profile, day: date, *, orientation: str = "portrait") -> OfficialDocument:
    """A one-page document in the commune's own header and signature: to check the printer,
    the paper and the profile before real reports go out."""
    body = [
        paragraph(
            "Trang này được in thử để kiểm tra máy in, khổ giấy A4 và thể thức văn bản theo "
            "Nghị định số 30/2020/NĐ-CP: lề trên 20 mm, lề dưới 20 mm, lề trái 30 mm, lề phải "
            f"15 mm; phông chữ {font_in_use()}, cỡ chữ 13."
        ),
        paragraph(
            "Kiểm tra chữ tiếng Việt: Đặng, Nguyễn, Hỏa tốc, phong tỏa, người, ỷ lại, những."
        ),
        table(
            ["Mục", "Nội dung trong hồ sơ xã"],
            [
                ["Cơ quan chủ quản", profile.issuer_parent],
                ["Cơ quan ban hành", profile.issuer_name],
                ["Ban Chỉ đạo", profile.committee],
                ["Chủ tịch", f"{profile.chairman_name} ({profile.chairman_title})".strip(" ()")],
                [
                    "Người ký",
                    f"{profile.signer_authority} {profile.signer_title} {profile.signer_name}",
                ],
                ["Điện thoại", profile.phone],
            ],
            col_fractions=[1, 3],
        ),
    ]
    return OfficialDocument(
        issuer=issuer_for(profile),
        number="Số:      /TB-UBND",
        place_date=place_date_for(profile, day),
        title="TRANG IN THỬ",
        subject="Kiểm tra thể thức văn bản của " + profile.commune_full,
        body=body,
        recipients=["Lưu: VT."],
        signature=signature_for(profile),
        orientation=orientation,
    )
