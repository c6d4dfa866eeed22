"""Issuing: numbers per year, frozen PDFs with checksums, versions that never rewrite."""

from __future__ import annotations

import hashlib
import io
import json
from datetime import date

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from fieldapp.cli import main
from fieldapp.document_store import read_document
from fieldapp.errors import UserError
from fieldapp.reports.issue import (
    delete_draft,
    find_report,
    get_report,
    issue_report,
    list_reports,
    new_version,
    report_pdf,
    save_draft,
)
from fieldapp.reports.models import IssuedReport
from fieldapp.reports.render import spec_for
from tests.core.test_official_pdf import page_texts


def _text(data: bytes) -> str:
    return " ".join(page_texts(PdfReader(io.BytesIO(data))))


def _rows(db) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(IssuedReport))


def test_issuing_numbers_per_year_and_freezes_the_pdf(db, world) -> None:
    first = issue_report(db, spec_for(db, "daily", world.day), issued_by="Hoàng Văn Thắng")
    second = issue_report(db, spec_for(db, "directive", world.day, "235-CV/HU"))
    other_year = issue_report(db, spec_for(db, "daily", date(2021, 8, 20)))
    assert (first.number, second.number, other_year.number) == (1, 2, 1)
    # Decree 30: a number below 10 takes a leading zero, in the window and the CLI too.
    assert first.number_text == "01/BC-UBND" and first.status == "issued"
    assert first.issued_by == "Hoàng Văn Thắng" and first.issued_at is not None
    data = read_document(db, first.document_id)
    assert hashlib.sha256(data).hexdigest() == first.sha256
    assert report_pdf(db, first.id) == data
    text = _text(data)
    assert "Số: 01/BC-UBND" in text and "Số ca F0 3 +1" in text
    assert "Số: 02/BC-UBND" in _text(report_pdf(db, second.id))
    assert second.directive_ref == "235-CV/HU"


def test_a_change_makes_a_new_version_and_never_rewrites_the_old(db, world) -> None:
    old = issue_report(db, spec_for(db, "daily", world.day), {"difficulties": "Thiếu test."})
    old_pdf = report_pdf(db, old.id)
    with pytest.raises(UserError, match="không sửa được"):
        save_draft(db, old.spec, {"difficulties": "Khác"}, draft_id=old.id)
    draft = new_version(db, old.id, {"proposals": "Xin thêm 500 bộ test nhanh."})
    assert (draft.number, draft.version, draft.supersedes) == (old.number, 2, old.uuid)
    new = issue_report(db, draft_id=draft.id)
    assert (new.number, new.version, new.status) == (1, 2, "issued")
    text = _text(report_pdf(db, new.id))
    assert "Số: 01/BC-UBND" in text and "Xin thêm 500 bộ test nhanh." in text
    assert "Thiếu test." in text  # the new version starts from the issued text
    # The old version is untouched: same row, same parts, same frozen file.
    again = get_report(db, old.id)
    assert again.sha256 == old.sha256 and again.parts == old.parts and again.version == 1
    assert report_pdf(db, old.id) == old_pdf
    assert again.superseded_by == new.uuid
    with pytest.raises(UserError, match="phiên bản mới hơn"):
        new_version(db, old.id)
    with pytest.raises(UserError, match="đã được ban hành"):
        issue_report(db, draft_id=new.id)
    with pytest.raises(UserError, match="không xóa được"):
        delete_draft(db, new.id)
    # A new report still gets the next number of the year.
    assert issue_report(db, spec_for(db, "weekly", world.day)).number == 2
    assert find_report(db, "1/BC-UBND").version == 2


def test_drafts_keep_only_the_edits_and_can_be_thrown_away(db, world) -> None:
    spec = spec_for(db, "daily", world.day)
    draft = save_draft(db, spec, {"notes": "Ghi chú."})
    assert draft.status == "draft" and draft.number is None
    assert draft.parts == {"notes": "Ghi chú."}
    draft = save_draft(db, spec, {"notes": "Ghi chú mới."}, draft_id=draft.id)
    assert "Ghi chú mới." in _text(report_pdf(db, draft.id))
    assert "Số: /BC-UBND" in _text(report_pdf(db, draft.id))
    delete_draft(db, draft.id)
    assert list_reports(db) == []


def test_bad_edits_change_nothing(db, world) -> None:
    spec = spec_for(db, "daily", world.day)
    for edits, message in (
        ({"no_such_part": "x"}, "không có phần"),
        ({"subject": "   "}, "Trích yếu"),
        ({"notes": "x" * 30_000}, "quá dài"),
    ):
        with pytest.raises(UserError, match=message):
            issue_report(db, spec, edits)
    assert _rows(db) == 0


def test_cli_writes_reports_issues_and_lists(db, world, paths, tmp_path, capsys) -> None:
    base = ["--data-dir", str(paths.data_dir)]
    out = tmp_path / "daily.pdf"
    assert main([*base, "report", "daily", "--date", world.day.isoformat(), "-o", str(out)]) == 0
    assert "Số ca F0 3 +1" in _text(out.read_bytes())
    assert (
        main(
            [
                *base,
                "report",
                "weekly",
                "--date",
                world.day.isoformat(),
                "-o",
                str(tmp_path / "w.pdf"),
            ]
        )
        == 0
    )
    assert main([*base, "report", "directive", "235-CV/HU", "-o", str(tmp_path / "x.pdf")]) == 0
    assert "Kết quả thực hiện Công văn số 235-CV/HU" in _text((tmp_path / "x.pdf").read_bytes())
    assert _rows(db) == 0  # drafts on the command line store nothing
    capsys.readouterr()
    assert (
        main(
            [
                *base,
                "report",
                "issue",
                "daily",
                "--set",
                "notes=Xã báo cáo thêm.",
                "-o",
                str(tmp_path / "i.pdf"),
                "--json",
            ]
        )
        == 0
    )
    issued = json.loads(capsys.readouterr().out)
    assert issued["number_text"] == "01/BC-UBND"
    assert "Xã báo cáo thêm." in _text((tmp_path / "i.pdf").read_bytes())
    assert main([*base, "report", "issue", "daily", "--replace", "1/BC-UBND"]) == 0
    capsys.readouterr()
    assert main([*base, "report", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(r["number"], r["version"]) for r in listed] == [(1, 2), (1, 1)]
    assert listed[1]["superseded_by"] == listed[0]["uuid"]
    assert main([*base, "report", "pdf", "1/BC-UBND", "-o", str(tmp_path / "p.pdf")]) == 0
    assert "báo cáo số 01/BC-UBND lần 2" in capsys.readouterr().out
    # The list shows the number as printed; "01" is that number (not the report with id 1).
    assert main([*base, "report", "list"]) == 0
    shown = capsys.readouterr().out
    assert "01/BC-UBND" in shown and " 1/BC-UBND" not in shown
    assert main([*base, "report", "pdf", "01/BC-UBND", "-o", str(tmp_path / "q.pdf")]) == 0
    assert "01/BC-UBND lần 2" in capsys.readouterr().out


def test_todays_report_status_shows_the_number_as_printed(db, world, paths, capsys) -> None:
    from fieldapp.reports.deadline import daily_report_state

    for _ in range(3):  # numbers 1, 2, 3 of the year: the last is today's
        issue_report(db, spec_for(db, "daily", date.today()))
    assert daily_report_state(db).number_text == "03/BC-UBND"
    assert main(["--data-dir", str(paths.data_dir), "report", "status", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["number"] == "03/BC-UBND"
    assert main(["--data-dir", str(paths.data_dir), "report", "status"]) == 0
    assert "số 03/BC-UBND đã ban hành" in capsys.readouterr().out


def test_cli_refuses_bad_input(db, world, paths, tmp_path, capsys) -> None:
    base = ["--data-dir", str(paths.data_dir)]
    out = str(tmp_path / "x.pdf")
    assert main([*base, "report", "daily", "--date", "2021-13-45", "-o", out]) != 0
    assert "Ngày không hợp lệ" in capsys.readouterr().err
    assert main([*base, "report", "directive", "999/XX", "-o", out]) != 0
    assert "Không tìm thấy văn bản" in capsys.readouterr().err
    assert main([*base, "report", "daily", "-o", str(tmp_path / "x.txt")]) != 0
    assert main([*base, "report", "issue", "daily", "--set", "nope=1"]) != 0
    assert "không có phần" in capsys.readouterr().err
    assert _rows(db) == 0


def test_drafts_are_kept_per_report_and_states_are_exact(db, world) -> None:
    from fieldapp.reports.issue import draft_for, keep_draft, version_draft_of

    daily = spec_for(db, "daily", world.day)
    weekly = spec_for(db, "weekly", world.day)
    first = keep_draft(db, daily, {"proposals": "Xin thêm test."})
    assert keep_draft(db, daily, {"notes": "Ghi chú."}).id == first.id  # one draft per report
    keep_draft(db, weekly, {"notes": "Tuần."})
    assert draft_for(db, daily).parts == {"proposals": "Xin thêm test.", "notes": "Ghi chú."}
    assert draft_for(db, weekly).parts == {"notes": "Tuần."}
    with pytest.raises(UserError, match="Trích yếu"):
        keep_draft(db, daily, {"subject": "   "})
    with pytest.raises(UserError, match="không có phần"):
        keep_draft(db, daily, {"area_id": "x"})
    assert draft_for(db, daily).parts == {"proposals": "Xin thêm test.", "notes": "Ghi chú."}
    issued = issue_report(db, draft_id=first.id)
    assert "Xin thêm test." in _text(report_pdf(db, issued.id))
    version = new_version(db, issued.id)
    assert new_version(db, issued.id).id == version.id  # the version begun, not a second one
    assert version_draft_of(db, issued.id).id == version.id
    keep_draft(db, version.spec, {"proposals": "Bản 2."}, draft_id=version.id)
    assert draft_for(db, daily).id == version.id
    assert get_report(db, issued.id).state == "issued"  # not superseded by a mere draft
    assert {r.version: r.state for r in list_reports(db) if r.kind == "daily"} == {
        1: "issued",
        2: "draft",
    }
    second = issue_report(db, draft_id=version.id)
    assert get_report(db, issued.id).state == "superseded"
    assert get_report(db, second.id).state == "issued"
    text = _text(report_pdf(db, second.id))
    assert "Bản 2." in text and "Ghi chú." in text
