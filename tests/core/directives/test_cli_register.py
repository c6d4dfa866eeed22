"""``fieldapp directive import/list/search/show/due/item``, in-process like a user would."""

from __future__ import annotations

import json

import pytest

from fieldapp.cli import main
from fieldapp.config import resolve_paths
from fieldapp.db.database import open_database
from tests.core.directives.conftest import CORPUS, CORPUS_FILES, SYNTHETIC, snapshot


@pytest.fixture
def data(tmp_path):
    return str(tmp_path / "d")


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_import_list_search_show(data, capsys):
    files = [str(CORPUS / n) for n in CORPUS_FILES]
    code, out, err = run(capsys, "--data-dir", data, "directive", "import", *files, "--json")
    assert code == 0 and err == ""
    results = json.loads(out)
    assert [r["status"] for r in results] == ["imported"] * 3
    assert [r["arrival_number"] for r in results] == [1, 2, 3]
    assert results[1]["missing"] == ["issuer", "place", "issued_on"]

    # Duplicates are reported and skipped; the exit code says all went well.
    code, out, _ = run(capsys, "--data-dir", data, "directive", "import", files[1])
    assert code == 0 and "bỏ qua" in out and "Công văn 235-CV/HU" in out

    code, out, _ = run(capsys, "directive", "list", "--json", "--data-dir", data)
    rows = json.loads(out)
    assert [r["number"] for r in rows] == ["", "235-CV/HU", "309-CV/TU"]
    assert "Hỏa tốc" in out  # ensure_ascii=False

    code, out, _ = run(capsys, "--data-dir", data, "directive", "list", "--urgency", "hoa toc")
    assert "309-CV/TU" not in out and "235-CV/HU" in out and "2 văn bản" in out

    code, out, _ = run(capsys, "--data-dir", data, "directive", "search", "PHONG TOA", "--json")
    hits = json.loads(out)
    assert code == 0 and len(hits) == 3
    assert any("[phong] [tỏa]" in i["snippet"] for h in hits for i in h["items"])

    code, out, _ = run(capsys, "--data-dir", data, "directive", "show", "235-CV/HU", "--json")
    shown = json.loads(out)
    assert shown["number"] == "235-CV/HU" and len(shown["items"]) == 9
    assert shown["document"]["original_name"] == "huyen-uy-235-CV-HU.txt"


def test_item_commands_do_what_the_window_does(data, capsys):
    run(capsys, "--data-dir", data, "directive", "import", str(CORPUS / CORPUS_FILES[1]))
    _, out, _ = run(capsys, "--data-dir", data, "directive", "show", "235-CV/HU", "--json")
    item = json.loads(out)["items"][5]["id"]
    code, out, _ = run(
        capsys, "--data-dir", data, "directive", "item", "status", str(item), "đang làm"
    )
    assert code == 0 and "mới → đang làm" in out
    code, _, _ = run(
        capsys, "--data-dir", data, "directive", "item", "note", str(item), "Đã trực 24/24",
        "--date", "10/08/2021",
    )  # fmt: skip
    assert code == 0
    code, _, _ = run(
        capsys, "--data-dir", data, "directive", "item", "assign", str(item),
        "--unit", "Công an xã", "--due", "01/08/2021",
    )  # fmt: skip
    assert code == 0
    _, out, _ = run(capsys, "--data-dir", data, "directive", "due", "--json")
    due = json.loads(out)
    assert [e["id"] for e in due["overdue"]] == [item]
    assert due["overdue"][0]["notes"][0] == {
        "id": due["overdue"][0]["notes"][0]["id"],
        "date": "2021-08-10",
        "text": "Đã trực 24/24",
        "author": "",
    }
    _, out, _ = run(capsys, "--data-dir", data, "directive", "list", "--overdue", "--json")
    assert len(json.loads(out)) == 1


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["directive", "item", "status", "1", "gần xong"], "Trạng thái không hợp lệ"),
        (["directive", "item", "status", "999", "xong"], "Không tìm thấy mục"),
        (["directive", "item", "note", "1", " "], "Ghi chú trống"),
        (["directive", "item", "assign", "1"], "Chưa nói cần giao gì"),
        (["directive", "item", "assign", "1", "--due", "mai"], "Không hiểu hạn"),
        (["directive", "list", "--from", "32/1/2021"], "Ngày không hợp lệ"),
        (["directive", "show", "999-CV/TU"], "Không tìm thấy văn bản"),
        (["directive", "delete", "235-CV/HU"], "--yes"),
    ],
)
def test_mistakes_give_one_line_and_change_nothing(data, capsys, argv, message):
    run(capsys, "--data-dir", data, "directive", "import", str(CORPUS / CORPUS_FILES[1]))
    db = open_database(resolve_paths(data))
    before = snapshot(db)
    db.close()
    code, out, err = run(capsys, "--data-dir", data, *argv)
    assert code == 2 and out == ""
    assert message in err and len(err.strip().splitlines()) == 1
    db = open_database(resolve_paths(data))
    assert snapshot(db) == before
    db.close()


def test_import_of_bad_files_reports_each_and_keeps_the_good(data, tmp_path, capsys):
    empty = tmp_path / "rong.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "anh.jpg"
    binary.write_bytes(b"\xff\xd8\xff\xe0" + bytes(range(256)) * 4)
    good = SYNTHETIC / "chi-thi-08-CT-UBND.txt"
    code, out, err = run(
        capsys, "--data-dir", data, "directive", "import", str(empty), str(good), str(binary)
    )
    assert code == 2
    assert "Tệp rỗng" in err and "anh.jpg" in err and len(err.strip().splitlines()) == 2
    assert "Chỉ thị 08/CT-UBND" in out
    code, out, _ = run(
        capsys, "--data-dir", data, "directive", "import", str(empty), str(good), "--json"
    )
    assert [r["status"] for r in json.loads(out)] == ["error", "duplicate"]


def test_delete_with_yes(data, capsys):
    run(capsys, "--data-dir", data, "directive", "import", str(CORPUS / CORPUS_FILES[0]))
    code, out, _ = run(capsys, "--data-dir", data, "directive", "delete", "309-CV/TU", "--yes")
    assert code == 0 and "Đã xóa" in out
    _, out, _ = run(capsys, "--data-dir", data, "directive", "list", "--json")
    assert json.loads(out) == []
