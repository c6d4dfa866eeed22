"""The directive register: import, duplicates, refusals that change nothing, and follow-up."""

from __future__ import annotations

import hashlib
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from fieldapp.directives import register as reg
from fieldapp.directives.due import OVERDUE, TODAY
from fieldapp.directives.extract import extract_text
from fieldapp.directives.parser import parse_directive
from fieldapp.directives.search import search
from fieldapp.errors import UserError
from tests.core.directives.conftest import (
    CORPUS,
    CORPUS_FILES,
    SYNTHETIC,
    fts_is_consistent,
    snapshot,
)


def _form(text: str, **changes) -> reg.DirectiveForm:
    form = reg.DirectiveForm.from_parsed(parse_directive(text), text)
    for key, value in changes.items():
        setattr(form, key, value)
    return form


# --- the three corpus directives ------------------------------------------------------------


def test_corpus_directives_import_with_their_fields_items_and_originals(db, registered):
    tu309, hu235, daknong = (reg.get_directive(db, i) for i in registered)
    assert (tu309.number, tu309.issuer, tu309.issued_on) == (
        "309-CV/TU",
        "Tỉnh ủy Bắc Kạn",
        date(2021, 7, 20),
    )
    assert tu309.signer == "Phương Thị Thanh" and tu309.references == ("68/NQ-CP",)
    assert [i.label for i in hu235.items] == [str(n) for n in range(1, 10)]
    assert hu235.items[1].units == ("UBND huyện",) and hu235.urgency == "Hỏa tốc"
    assert daknong.kind == "Công điện" and len(daknong.items) == 6
    # What the text does not hold stays empty and is flagged, never invented.
    assert hu235.issuer == "" and hu235.issued_on is None
    assert hu235.missing == ("issuer", "place", "issued_on")
    assert daknong.missing == ("number", "place", "issued_on")
    assert tu309.missing == ()
    # The original is kept by checksum in the data folder.
    for info, name in zip((tu309, hu235, daknong), CORPUS_FILES, strict=True):
        data = (CORPUS / name).read_bytes()
        assert info.document.original_name == name
        assert info.document.sha256 == hashlib.sha256(data).hexdigest()
        assert info.document.path.read_bytes() == data
        assert info.full_text == extract_text(CORPUS / name).strip()
    # Arrival numbers count up within the year of arrival (today).
    assert [reg.get_directive(db, i).arrival_number for i in registered] == [1, 2, 3]
    assert tu309.arrival_date == date.today()
    assert fts_is_consistent(db)


def test_every_item_starts_new_with_the_parsed_deadline(db):
    result = reg.import_file(db, SYNTHETIC / "cong-van-han-bao-cao.txt")
    info = reg.get_directive(db, result.directive_id)
    parsed = parse_directive(extract_text(SYNTHETIC / "cong-van-han-bao-cao.txt"))
    assert [i.due.iso() for i in info.items] == [i.due for i in parsed.items]
    assert {i.status for i in info.items} == {"new"}


# --- duplicates ------------------------------------------------------------------------------


def test_the_same_file_again_is_recognised_and_skipped(db, registered):
    before = snapshot(db)
    again = reg.import_file(db, CORPUS / "huyen-uy-235-CV-HU.txt")
    assert again.status == "duplicate" and again.directive_id == registered[1]
    assert "đã có trong sổ" in again.message and "Công văn 235-CV/HU" in again.message
    assert snapshot(db) == before


def test_same_number_issuer_and_date_in_other_bytes_is_a_duplicate(db, registered, tmp_path):
    # The same directive received again as a Word-style file with CRLF and odd spacing.
    text = (CORPUS / "bac-kan-309-CV-TU.txt").read_text("utf-8")
    other = tmp_path / "309 nhan lai.txt"
    other.write_bytes(text.replace("Số 309-CV/TU", "Số 309 -CV/TU").replace("\n", "\r\n").encode())
    before = snapshot(db)
    result = reg.import_file(db, other)
    assert result.status == "duplicate" and result.directive_id == registered[0]
    assert snapshot(db) == before


def test_a_directive_without_number_is_matched_by_subject(db, registered):
    text = (CORPUS / "dak-nong-cong-dien-khan.txt").read_text("utf-8") + "\n\n(Bản sao)\n"
    dup = reg.find_duplicate(db, _form(text))
    assert dup is not None and dup.id == registered[2] and dup.reason == "subject"


def test_save_refuses_a_duplicate_unless_told(db, registered):
    text = (CORPUS / "huyen-uy-235-CV-HU.txt").read_text("utf-8")
    before = snapshot(db)
    with pytest.raises(UserError, match="đã có trong sổ"):
        reg.save_directive(db, _form(text))
    assert snapshot(db) == before
    new_id = reg.save_directive(db, _form(text), allow_duplicate=True)
    assert reg.get_directive(db, new_id).number == "235-CV/HU"


def test_same_number_from_another_issuer_is_not_a_duplicate(db, registered):
    text = (CORPUS / "bac-kan-309-CV-TU.txt").read_text("utf-8")
    assert reg.find_duplicate(db, _form(text, issuer="Huyện ủy Chợ Đồn")) is None
    assert reg.find_duplicate(db, _form(text, issued_on=date(2021, 7, 21))) is None
    assert reg.find_duplicate(db, _form(text, issuer="TỈNH ỦY BẮC KẠN")) is not None


# --- malformed input: a clear error and nothing changed --------------------------------------


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("rong.txt", b"", "Tệp rỗng"),
        ("anh.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, "ảnh anh.txt bị hỏng"),
        ("hong.pdf", b"%PDF-1.4 nothing else", "PDF"),
        ("word-cu.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, ".doc"),
        ("sai-ma.txt", "Số 12/CV-UBND\n".encode() + b"\x81\x8d\x8f\x90" * 20, "bảng mã"),
        ("khong-phai.txt", "Danh sách đi chợ: gạo, muối, rau.\n".encode(), "Không nhận ra"),
    ],
)
def test_malformed_files_are_refused_and_change_nothing(
    db, registered, tmp_path, name, data, message
):
    path = tmp_path / name
    path.write_bytes(data)
    before = snapshot(db)
    with pytest.raises(UserError, match=message):
        reg.import_file(db, path)
    assert snapshot(db) == before


def test_huge_file_is_refused_before_reading(db, tmp_path):
    path = tmp_path / "to.txt"
    with open(path, "wb") as fh:
        fh.truncate(25 * 1024 * 1024)  # sparse: cheap to make
    before = snapshot(db)
    with pytest.raises(UserError, match="quá lớn"):
        reg.import_file(db, path)
    assert snapshot(db) == before


def test_failed_save_takes_back_the_stored_original(db, registered):
    text = extract_text(SYNTHETIC / "chi-thi-08-CT-UBND.txt")
    before = snapshot(db)
    # Arrival number 1 of this year is taken: refused inside the transaction, after storing.
    with pytest.raises(UserError, match="Số đến 1 năm"):
        reg.save_directive(
            db, _form(text, arrival_number=1), original=text.encode(), original_name="ct08.txt"
        )
    assert snapshot(db) == before


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"issued_on": date.today() + timedelta(days=3)}, "tương lai"),
        ({"arrival_date": date(2021, 7, 1)}, "trước ngày ban hành"),
        ({"urgency": "rất gấp"}, "Độ khẩn không hợp lệ"),
        ({"arrival_number": 0}, "nguyên dương"),
        ({"number": "", "subject": "", "items": []}, "Không nhận ra"),
        ({"number": "9" * 100}, "quá dài"),
    ],
)
def test_bad_reviewed_forms_are_refused(db, changes, message):
    text = extract_text(CORPUS / "bac-kan-309-CV-TU.txt")
    before = snapshot(db)
    with pytest.raises(UserError, match=message):
        reg.save_directive(db, _form(text, **changes))
    assert snapshot(db) == before


def test_bad_items_are_refused(db):
    text = extract_text(CORPUS / "bac-kan-309-CV-TU.txt")
    form = _form(text)
    form.items[1].due = "sáng mai"
    with pytest.raises(UserError, match="Không hiểu hạn"):
        reg.save_directive(db, form)
    form = _form(text)
    form.items[1].label = form.items[0].label
    with pytest.raises(UserError, match="Hai mục cùng số 1"):
        reg.save_directive(db, form)
    form = _form(text)
    form.items[2].text = "  "
    with pytest.raises(UserError, match="Mục 3 chưa có nội dung"):
        reg.save_directive(db, form)
    assert reg.list_directives(db) == []


def test_reviewed_corrections_are_what_is_saved(db):
    text = extract_text(CORPUS / "huyen-uy-235-CV-HU.txt")
    form = _form(
        text,
        issuer="Huyện ủy Chợ Đồn",
        issued_on=date(2021, 8, 7),
        arrival_date=date(2021, 8, 9),
        routed_to="Đ/c Bí thư Đảng ủy xã",
        urgency="hoa toc",
    )
    form.items[5].responsible_unit = "Công an xã"
    form.items[5].due = "trước 16 giờ hằng ngày"
    info = reg.get_directive(db, reg.save_directive(db, form))
    assert (info.issuer, info.issued_on, info.urgency) == (
        "Huyện ủy Chợ Đồn",
        date(2021, 8, 7),
        "Hỏa tốc",
    )
    assert info.missing == ("place",)
    assert (info.arrival_date, info.arrival_number) == (date(2021, 8, 9), 1)
    item = info.items[5]
    assert item.responsible_unit == "Công an xã"
    assert (item.due.recurrence, item.due.time) == ("hằng ngày", "16:00")


# --- arrival numbers ---------------------------------------------------------------------------


def test_arrival_numbers_count_per_year(db):
    texts = [extract_text(SYNTHETIC / n) for n in sorted(p.name for p in SYNTHETIC.glob("*.txt"))]
    arrivals = [date(2021, 12, 30), date(2021, 12, 31), date(2022, 1, 3), date(2022, 1, 4)]
    ids = []
    for text, arrival in zip(texts, arrivals, strict=False):
        ids.append(reg.save_directive(db, _form(text, arrival_date=arrival, issued_on=None)))
    numbers = [reg.get_directive(db, i).arrival_number for i in ids]
    assert numbers == [1, 2, 1, 2]
    assert reg.next_arrival_number(db, 2022) == 3
    # Moving one to the other year renumbers it there; moving it back restores it (undo).
    old = reg.update_directive(db, ids[0], {"arrival_date": date(2022, 1, 5)})
    assert reg.get_directive(db, ids[0]).arrival_number == 3
    reg.update_directive(db, ids[0], old)
    info = reg.get_directive(db, ids[0])
    assert (info.arrival_date, info.arrival_number) == (date(2021, 12, 30), 1)
    with pytest.raises(UserError, match="Số đến 2 năm 2022 đã dùng"):
        reg.update_directive(db, ids[2], {"arrival_number": 2})


# --- following items up -----------------------------------------------------------------------


def test_status_notes_and_assignment_with_undo_values(db, registered):
    item = reg.get_directive(db, registered[1]).items[5]
    assert reg.set_item_status(db, item.id, "đang làm") == "new"
    assert reg.set_item_status(db, item.id, "Xong") == "in_progress"
    with pytest.raises(UserError, match="Trạng thái không hợp lệ"):
        reg.set_item_status(db, item.id, "gần xong")
    note = reg.add_note(db, item.id, "Đã phân ca trực tại chốt Nà Pài", noted_on=date(2021, 8, 10))
    old = reg.update_item(db, item.id, {"responsible_unit": "Công an xã", "due": "20/8/2021 17:00"})
    assert old == {"responsible_unit": "", "due": ""}
    info = reg.get_directive(db, registered[1]).items[5]
    assert info.status == "done" and info.responsible_unit == "Công an xã"
    assert info.due.display() == "20/08/2021 17:00"
    assert [(n.noted_on, n.text) for n in info.notes] == [
        (date(2021, 8, 10), "Đã phân ca trực tại chốt Nà Pài")
    ]
    # Notes are searchable as soon as they are written, and gone when deleted.
    assert [h.directive_id for h in search(db, "na pai")] == [registered[1]]
    removed = reg.delete_note(db, note)
    assert removed.text == "Đã phân ca trực tại chốt Nà Pài"
    assert search(db, "na pai") == []
    reg.update_item(db, item.id, old)
    assert reg.get_directive(db, registered[1]).items[5].due.empty
    assert fts_is_consistent(db)


def test_bad_item_changes_change_nothing(db, registered):
    item = reg.get_directive(db, registered[0]).items[0]
    before = snapshot(db)
    with pytest.raises(UserError, match="Không hiểu hạn"):
        reg.update_item(db, item.id, {"responsible_unit": "Công an xã", "due": "tuần sau"})
    with pytest.raises(UserError, match="trống"):
        reg.add_note(db, item.id, "   ")
    with pytest.raises(UserError, match="tương lai"):
        reg.add_note(db, item.id, "x", noted_on=date.today() + timedelta(days=1))
    with pytest.raises(UserError, match="đã có mục 2"):
        reg.update_item(db, item.id, {"label": "2"})
    assert reg.get_directive(db, registered[0]).items[0] == item
    assert snapshot(db) == before


def test_delete_directive_removes_items_notes_and_index_rows(db, registered):
    item = reg.get_directive(db, registered[2]).items[0]
    reg.add_note(db, item.id, "Ghi chú thử")
    reg.delete_directive(db, registered[2])
    assert [r.id for r in reg.list_directives(db)] == registered[1::-1]
    assert search(db, "Đắk Nông") == []
    assert fts_is_consistent(db)
    with pytest.raises(UserError, match="Không tìm thấy"):
        reg.get_directive(db, registered[2])


def test_delete_undo_redo_undo_keeps_no_stale_tombstone(db, registered):
    """Undo of a deletion brings the rows back alive: deleting them again works, and no
    tombstone would delete the restored directive at the district."""
    from sqlalchemy import select

    from fieldapp.sync.models import Tombstone

    def stones() -> set[str]:
        with db.session() as s:
            return set(s.scalars(select(Tombstone.uuid)))

    info = reg.delete_directive(db, registered[2])
    assert info.uuid in stones()
    reg.restore_directive(db, info)
    assert info.uuid not in stones() and not {i.uuid for i in info.items} & stones()
    again = reg.delete_directive(db, registered[2])
    assert again.uuid in stones()
    reg.restore_directive(db, again)
    assert reg.get_directive(db, registered[2]).items == info.items


# --- reading the register -----------------------------------------------------------------------


NOW = datetime(2021, 8, 20, 10, 0)


@pytest.fixture
def followed(db, registered):
    tu309, hu235, daknong = (reg.get_directive(db, i) for i in registered)
    reg.update_item(db, hu235.items[5].id, {"due": "20/08/2021 17:00"})  # today, later
    reg.update_item(db, hu235.items[8].id, {"due": "18/08/2021"})  # overdue
    reg.update_item(db, daknong.items[4].id, {"due": "20/08/2021 08:00"})  # today, passed
    reg.update_item(db, daknong.items[1].id, {"due": "hằng ngày 16:00"})  # recurring
    reg.update_item(db, tu309.items[0].id, {"due": "10/08/2021"})
    reg.set_item_status(db, tu309.items[0].id, "đã báo cáo")  # late but reported: not due
    reg.set_item_status(db, tu309.items[1].id, "xong")
    return tu309, hu235, daknong


def test_items_due_today_and_overdue(db, followed):
    tu309, hu235, daknong = followed
    due = reg.items_due(db, now=NOW)
    assert [(e.directive_id, e.item.label) for e in due.overdue] == [
        (hu235.id, "9"),
        (daknong.id, "5"),
    ]
    assert [(e.directive_id, e.item.label) for e in due.today] == [
        (daknong.id, "2"),
        (hu235.id, "6"),
    ]
    assert due.today[0].item.due_state == TODAY and due.overdue[0].item.due_state == OVERDUE
    assert reg.count_due(db, now=NOW) == (2, 2)


def test_list_filters(db, followed):
    tu309, hu235, daknong = followed
    ids = lambda flt: [r.id for r in reg.list_directives(db, flt, now=NOW)]  # noqa: E731
    assert ids(reg.DirectiveFilter()) == [daknong.id, hu235.id, tu309.id]
    assert ids(reg.DirectiveFilter(urgency="HỎA TỐC")) == [daknong.id, hu235.id]
    assert ids(reg.DirectiveFilter(issuer="tinh uy bac")) == [tu309.id]
    assert ids(reg.DirectiveFilter(overdue=True)) == [daknong.id, hu235.id]
    assert ids(reg.DirectiveFilter(status="in_progress")) == [tu309.id]
    assert ids(reg.DirectiveFilter(status="new")) == [daknong.id, hu235.id]
    assert ids(reg.DirectiveFilter(date_from=date(2021, 7, 1), date_to=date(2021, 7, 31))) == [
        tu309.id
    ]
    assert ids(reg.DirectiveFilter(ids=[hu235.id])) == [hu235.id]
    row = reg.list_directives(db, reg.DirectiveFilter(ids=[tu309.id]), now=NOW)[0]
    assert (row.items_total, row.finished, row.status) == (5, 2, "in_progress")
    assert row.to_json_dict()["status_name"] == "đang làm"


def test_find_directive_by_id_or_number(db, registered):
    assert reg.find_directive(db, "235 -cv/hu") == registered[1]
    assert reg.find_directive(db, str(registered[0])) == registered[0]
    with pytest.raises(UserError, match="Không tìm thấy"):
        reg.find_directive(db, "999-CV/TU")


def test_to_form_round_trip(db, registered):
    info = reg.get_directive(db, registered[0])
    form = info.to_form()
    assert form.number == "309-CV/TU" and form.items[0].text == info.items[0].text
    assert reg.find_duplicate(db, form).id == registered[0]


def test_pasted_text_is_kept_as_an_original(db):
    text = Path(SYNTHETIC / "ke-hoach-145-KH-UBND.txt").read_text("utf-8")
    result = reg.import_text(db, text)
    info = reg.get_directive(db, result.directive_id)
    assert info.document.original_name == "van-ban-dan.txt"
    assert info.document.path.read_text("utf-8") == text


def test_deleted_directive_and_note_come_back_exactly(db, registered):
    item = reg.get_directive(db, registered[1]).items[5]
    note = reg.add_note(db, item.id, "Đã phân ca trực", noted_on=date(2021, 8, 10))
    reg.set_item_status(db, item.id, "đang làm")
    before = reg.get_directive(db, registered[1])
    removed = reg.delete_directive(db, registered[1])
    assert removed == before
    assert reg.restore_directive(db, removed) == registered[1]
    assert reg.get_directive(db, registered[1]) == before
    assert search(db, "phan ca truc")[0].directive_id == registered[1]
    with pytest.raises(UserError, match="đã có lại"):
        reg.restore_directive(db, removed)
    gone = reg.delete_note(db, note)
    assert reg.restore_note(db, item.id, gone) == note
    assert reg.get_directive(db, registered[1]) == before
    assert fts_is_consistent(db)


def test_pdf_and_docx_files_import_with_their_originals(db, tmp_path):
    from tests.core.directives.test_extract import _docx, _p, _pdf

    pdf = tmp_path / "309.pdf"
    _pdf(pdf, ["TỈNH ỦY BẮC KẠN", "Số 309-CV/TU", "Về công tác phòng, chống dịch Covid-19", "",
               "1. Sở Y tế xây dựng phương án hỗ trợ các địa phương."])  # fmt: skip
    docx = tmp_path / "77.docx"
    _docx(docx, "".join(_p(t) for t in (
        "ỦY BAN NHÂN DÂN HUYỆN CHỢ ĐỒN", "Số: 77/UBND-VP", "V/v trực chốt kiểm soát",
        "Kính gửi: UBND các xã, thị trấn", "1. Công an xã trực 24/24 tại chốt Nà Pài.",
        "2. Báo cáo kết quả trước 16 giờ hằng ngày.",
    )))  # fmt: skip
    for path, number in ((pdf, "309-CV/TU"), (docx, "77/UBND-VP")):
        result = reg.import_file(db, path)
        info = reg.get_directive(db, result.directive_id)
        assert result.status == "imported" and info.number == number
        assert info.document.path.read_bytes() == path.read_bytes()
    info = reg.get_directive(db, reg.find_directive(db, "77/UBND-VP"))
    assert [i.due.display() for i in info.items] == ["", "hằng ngày 16:00"]
    assert search(db, "na pai")[0].directive_id == info.id
