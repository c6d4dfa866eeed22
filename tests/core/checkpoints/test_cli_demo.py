"""``fieldapp checkpoint ...`` driven in-process, and the demo step of the checkpoint log."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta

import pytest

from fieldapp.checkpoints.cli import parse_time
from fieldapp.checkpoints.demo import demo_step
from fieldapp.checkpoints.log import daily_counts, list_entries
from fieldapp.cli import main
from fieldapp.db.database import open_database
from fieldapp.errors import UserError
from tests.core.checkpoints.conftest import make_site


@pytest.fixture
def data_dir(paths) -> str:
    db = open_database(paths)
    try:
        make_site(db, "Chốt kiểm soát Cầu Bằng Lãng")
        make_site(db, "Chốt kiểm soát Nà Pài")
    finally:
        db.close()
    return str(paths.data_dir)


def run(data_dir: str, *args: str) -> int:
    return main(["--data-dir", data_dir, "checkpoint", *args])


def test_add_list_count_and_search(data_dir, capsys) -> None:
    today = date.today()
    assert (
        run(
            data_dir,
            "add",
            "--site",
            "cau bang lang",
            "--name",
            "Nguyễn Văn An",
            "--from",
            "Bắc Giang",
            "--to",
            "thôn Nà Pài",
            "--plate",
            "98b1 12345",
            "--kind",
            "Xe máy",
            "--phone",
            "0912345678",
            "--people",
            "2",
            "--time",
            "00:05",
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "Đã ghi vào nhật ký Chốt kiểm soát Cầu Bằng Lãng" in out
    assert "98B1-123.45" in out and "CHƯA khai báo y tế" in out
    assert "0912345678" not in out and "•••••••678" in out  # masked: nobody signed in
    assert (
        run(
            data_dir,
            "add",
            "--site",
            "Nà Pài",
            "--name",
            "Lý Thị Mai",
            "--declared",
            "--time",
            "00:10",
            "--temp",
            "38",
        )
        == 0
    )
    capsys.readouterr()

    assert run(data_dir, "list", "--json") == 0
    listed = json.loads(capsys.readouterr().out)
    assert [e["full_name"] for e in listed] == ["Lý Thị Mai", "Nguyễn Văn An"]
    assert listed[1]["phone"] == "•••••••678" and listed[1]["vehicle_plate"] == "98B1-123.45"
    assert listed[1]["arrived_at"].startswith(f"{today.isoformat()}T00:05")

    assert run(data_dir, "list", "--site", "na pai", "--date", today.strftime("%d/%m/%Y")) == 0
    out = capsys.readouterr().out
    assert "Lý Thị Mai" in out and "Nguyễn Văn An" not in out

    assert run(data_dir, "count", "--date", today.isoformat(), "--json") == 0
    counts = json.loads(capsys.readouterr().out)
    assert (counts["people"], counts["vehicles"], counts["undeclared"], counts["fever"]) == (
        3,
        1,
        2,
        1,
    )
    assert counts["by_place"] == {"Bắc Giang": 2, "(không ghi)": 1}
    assert run(data_dir, "count") == 0
    assert "người đến: 3" in capsys.readouterr().out

    assert run(data_dir, "search", "nguyen van", "--json") == 0
    assert [e["full_name"] for e in json.loads(capsys.readouterr().out)] == ["Nguyễn Văn An"]
    assert run(data_dir, "delete", str(listed[0]["id"])) == 0
    assert "Đã xóa" in capsys.readouterr().out
    assert run(data_dir, "list", "--json") == 0
    assert len(json.loads(capsys.readouterr().out)) == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["add", "--site", "Bản Cuôn", "--name", "A"], "Không có chốt nào"),
        (["add", "--site", "chốt", "--name", "A"], "nhiều chốt"),
        (["add", "--site", "Nà Pài", "--name", "A", "--phone", "0912"], "10 chữ số"),
        (["add", "--site", "Nà Pài", "--name", "A", "--time", "25:00"], "Giờ không hợp lệ"),
        (["add", "--site", "Nà Pài", "--name", "A", "--plate", "xe"], "Biển số"),
        (["list", "--date", "31/02/2021"], "Ngày không hợp lệ"),
        (["delete", "999"], "Không tìm thấy"),
    ],
)
def test_mistakes_give_one_vietnamese_line(data_dir, capsys, args, message) -> None:
    assert run(data_dir, *args) != 0
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
    assert "0912" not in err


def test_time_argument() -> None:
    day = date(2021, 8, 2)
    assert parse_time("7:05", today=day) == datetime(2021, 8, 2, 7, 5).astimezone()
    assert parse_time("02/08/2021 22:30") == datetime(2021, 8, 2, 22, 30).astimezone()
    assert parse_time("2021-08-02T22:30") == datetime(2021, 8, 2, 22, 30).astimezone()
    with pytest.raises(UserError):
        parse_time("hôm qua")


def test_demo_step_without_sites_adds_nothing(db) -> None:
    assert demo_step(db) == {}


def test_demo_step_fills_a_week_up_to_now(db) -> None:
    checkpoint = make_site(db, "Chốt kiểm soát Cầu Bằng Lãng")
    make_site(db, "Điểm cách ly tập trung", kind="quarantine")
    counts = demo_step(db)
    (written,) = counts.values()
    assert written > 7 * 10
    today = date.today()
    days = [list_entries(db, today - timedelta(days=n)) for n in range(7)]
    assert sum(map(len, days)) == written
    assert all(e.site_id == checkpoint for day in days for e in day)  # checkpoints only
    now = datetime.now().astimezone()
    assert all(e.arrived_at <= now for day in days for e in day)
    assert list_entries(db, today - timedelta(days=7)) == []
    week = [daily_counts(db, today - timedelta(days=n)) for n in range(1, 7)]
    assert all(c.people > c.undeclared > 0 for c in week)
    assert all(len(c.by_place) >= 3 for c in week)
