"""The register's commands, run in-process like a user would, and the printed roster."""

from __future__ import annotations

import json
from datetime import timedelta

from pypdf import PdfReader

from fieldapp.cli import main
from fieldapp.config import resolve_paths
from fieldapp.db.database import open_database
from fieldapp.rostering.sheets import person_schedules, roster_sheets
from fieldapp.rostering.store import load_snapshot

from .dbfixtures import MONDAY, assert_saved_valid

SUNDAY = MONDAY + timedelta(days=6)


def run(data, *argv) -> int:
    return main(["--data-dir", str(data), *argv])


def setup_commune(data, capsys) -> None:
    assert (
        run(
            data,
            "profile",
            "set",
            "--commune-name",
            "Bằng Lãng",
            "--district-name",
            "Chợ Đồn",
            "--province-name",
            "Bắc Kạn",
            "--signer-name",
            "Hoàng Văn Thắng",
        )
        == 0
    )
    assert run(data, "roster", "rules", "--rest", "16", "--max-week", "6") == 0
    assert (
        run(
            data,
            "roster",
            "site",
            "add",
            "Chốt Cầu Bằng Lãng",
            "--from",
            "26/07/2021",
            "--require",
            "police=1",
            "--per-shift",
            "2",
            "--place",
            "ĐT 254",
        )
        == 0
    )
    assert (
        run(
            data,
            "roster",
            "site",
            "add",
            "Cổng Bản Cuôn",
            "--kind",
            "gate",
            "--from",
            "2021-07-26",
            "--pattern",
            "custom",
            "--shifts",
            "06:00+12,18:00+12",
            "--per-shift",
            "1",
        )
        == 0
    )
    for i in range(5):
        assert (
            run(
                data,
                "roster",
                "staff",
                "add",
                f"Công an {i}",
                "--roles",
                "công an",
                "--unit",
                "Công an xã",
                "--phone",
                f"0912 000 00{i}",
            )
            == 0
        )
    for i in range(9):
        assert run(data, "roster", "staff", "add", f"Đoàn viên {i}", "--roles", "youth") == 0
    capsys.readouterr()


def test_a_commune_from_the_command_line(tmp_path, capsys):
    data = tmp_path / "d"
    setup_commune(data, capsys)
    assert run(data, "roster", "site", "list", "--json") == 0
    sites = json.loads(capsys.readouterr().out)
    assert [s["name"] for s in sites] == ["Chốt Cầu Bằng Lãng", "Cổng Bản Cuôn"]
    assert sites[1]["shifts"][1] == {"id": "C2", "start": "18:00", "hours": 12, "night": True}
    assert run(data, "roster", "generate", "--from", "02/08/2021", "--to", "08/08/2021") == 0
    out = capsys.readouterr().out
    assert "Thêm 56 lượt" in out and "Mọi ca đều đủ người" in out
    assert run(data, "roster", "verify", "--from", "02/08/2021", "--to", "08/08/2021") == 0
    assert "Vi phạm quy định bắt buộc: 0" in capsys.readouterr().out
    assert run(data, "roster", "show", "--site", "cau bang lang", "--week", "04/08/2021") == 0
    shown = capsys.readouterr().out
    assert "Thứ Tư 04/08/2021" in shown and "Ca 3 (22:00–06:00)" in shown
    assert (
        run(
            data,
            "roster",
            "staff",
            "unavailable",
            "Công an 1",
            "--reason",
            "sick",
            "--from",
            "05/08/2021",
            "--replan",
        )
        == 0
    )
    assert "xếp lại" in capsys.readouterr().out
    db = open_database(resolve_paths(data))
    try:
        snap = load_snapshot(db, MONDAY, SUNDAY)
        sick = next(p for p in snap.staff.values() if p.name == "Công an 1")
        assert not any(d.day >= MONDAY + timedelta(3) for d in snap.duties_of(sick.id))
        assert_saved_valid(db, MONDAY, SUNDAY)
    finally:
        db.close()
    assert (
        run(data, "roster", "fairness", "--from", "02/08/2021", "--to", "08/08/2021", "--json") == 0
    )
    rows = json.loads(capsys.readouterr().out)
    assert sum(r["shifts"] for r in rows) == 56
    assert run(data, "roster", "attendance", "list", "--day", "03/08/2021", "--json") == 0
    duty = json.loads(capsys.readouterr().out)[0]
    assert (
        run(
            data,
            "roster",
            "attendance",
            "mark",
            str(duty["id"]),
            "replaced",
            "--by",
            "Đoàn viên 8",
            "--leader",
            "Công an 0",
        )
        == 0
    )
    capsys.readouterr()
    assert run(data, "roster", "attendance", "list", "--day", "03/08/2021", "--json") == 0
    marked = json.loads(capsys.readouterr().out)[0]
    assert marked["status"] == "replaced" and marked["replaced_by"] == "Đoàn viên 8"

    pdf = tmp_path / "lich.pdf"
    assert run(data, "roster", "print", "--week", "04/08/2021", "-o", str(pdf)) == 0
    assert len(PdfReader(pdf).pages) == 2
    text = PdfReader(pdf).pages[0].extract_text()
    assert "LỊCH TRỰC" in text and "Cầu Bằng Lãng" in text
    one = tmp_path / "mot.pdf"
    assert (
        run(
            data,
            "roster",
            "print",
            "--site",
            "Cổng",
            "--week",
            "04/08/2021",
            "--weeks",
            "2",
            "-o",
            str(one),
        )
        == 0
    )
    assert len(PdfReader(one).pages) == 2
    person = tmp_path / "ca.pdf"
    assert (
        run(
            data,
            "roster",
            "person",
            "Công an 0",
            "--from",
            "02/08/2021",
            "--to",
            "08/08/2021",
            "-o",
            str(person),
        )
        == 0
    )
    assert "Công an 0" in PdfReader(person).pages[0].extract_text()

    export = tmp_path / "de-bai.json"
    assert (
        run(
            data,
            "roster",
            "export-instance",
            "--from",
            "09/08/2021",
            "--to",
            "15/08/2021",
            "-o",
            str(export),
        )
        == 0
    )
    solution = tmp_path / "lich.json"
    assert run(data, "roster", "solve", str(export), "-o", str(solution)) == 0
    assert (
        run(
            data,
            "roster",
            "import-solution",
            str(solution),
            "--from",
            "09/08/2021",
            "--to",
            "15/08/2021",
        )
        == 0
    )
    assert "Thêm 56 lượt" in capsys.readouterr().out


def test_mistakes_give_one_line_in_vietnamese(tmp_path, capsys):
    data = tmp_path / "d"
    setup_commune(data, capsys)
    for argv, message in [
        (["roster", "site", "add", "X", "--from", "31/02/2021"], "Ngày không hợp lệ"),
        (["roster", "site", "add", "Chốt cầu Bằng Lãng", "--from", "01/08/2021"], "Đã có"),
        (
            ["roster", "site", "add", "Y", "--from", "01/08/2021", "--require", "police=x"],
            "số nguyên",
        ),
        (["roster", "staff", "add", "Z", "--roles", "phi công!"], "Không rõ vai trò"),
        (["roster", "staff", "unavailable", "Không Ai", "--from", "01/08/2021"], "Không có người"),
        (["roster", "generate", "--from", "08/08/2021", "--to", "02/08/2021"], "từ ngày"),
        (
            ["roster", "print", "--week", "04/08/2021", "--site", "Không có", "-o", "x.pdf"],
            "Không có điểm trực",
        ),
        (
            [
                "roster",
                "import-solution",
                "khong-co.json",
                "--from",
                "02/08/2021",
                "--to",
                "08/08/2021",
            ],
            "Không tìm thấy",
        ),
        (["roster", "attendance", "mark", "99999", "present"], "Không tìm thấy lượt trực"),
    ]:
        code = run(data, *argv)
        err = capsys.readouterr().err
        assert code == 2, argv
        assert message in err and len(err.strip().splitlines()) == 1, (argv, err)


def test_several_roles_in_one_require_as_people_write_them(tmp_path, capsys):
    """ "police=1,health=1" was refused as "not a whole number"; Vietnamese role names and
    spaces are how an official types it, and a repeated --require adds to it."""
    data = tmp_path / "d"
    argv = ["roster", "site", "add", "Chốt Km 17", "--from", "01/12/2026", "--per-shift", "4"]
    require = ["--require", "công an=1, Y tế=1; militia", "--require", "doan vien thanh nien=1"]
    assert run(data, *argv, *require) == 0
    capsys.readouterr()
    assert run(data, "roster", "site", "list", "--json") == 0
    (site,) = json.loads(capsys.readouterr().out)
    assert site["require"] == {"police": 1, "health": 1, "militia": 1, "youth": 1}
    for bad, message in [("police=1,health=x", "số nguyên"), ("police=1,,phi công=1", "vai trò")]:
        assert run(data, "roster", "site", "add", "Y", "--from", "01/12/2026", "--require", bad)
        assert message in capsys.readouterr().err
    assert run(data, "roster", "site", "list", "--json") == 0
    assert len(json.loads(capsys.readouterr().out)) == 1  # nothing half-added


def test_sheets_carry_leaders_phones_and_gaps(tmp_path, capsys):
    data = tmp_path / "d"
    setup_commune(data, capsys)
    run(data, "roster", "generate", "--from", "02/08/2021", "--to", "04/08/2021")
    db = open_database(resolve_paths(data))
    try:
        sheets = roster_sheets(db, MONDAY + timedelta(days=2))
        assert [s.site_name for s in sheets] == ["Chốt Cầu Bằng Lãng", "Cổng Bản Cuôn"]
        first = sheets[0]
        assert first.week_start == MONDAY and [s.label for s in first.shifts] == [
            "Ca 1",
            "Ca 2",
            "Ca 3",
        ]
        cell = first.cells[(MONDAY, "C1")]
        assert len(cell) == 2 and cell[0].leader and cell[0].phone.startswith("0912")
        assert first.cells[(SUNDAY, "C1")] == []  # not planned yet: prints as short
        schedule = person_schedules(db, [1], MONDAY, SUNDAY)[0]
        assert schedule.name == "Công an 0" and all(d.site_name for d in schedule.duties)
    finally:
        db.close()


def test_verify_says_who_where_and_when_and_a_next_month_beside_a_valid_one_is_clean(
    tmp_path, capsys
):
    """`roster verify` names the person, the site, the shift and the day in Vietnamese, once
    each, instead of the checker's file ids; and the month after a valid month is valid
    (nights worked just before the week it starts in used to be reported as leave)."""
    data = tmp_path / "d"
    setup_commune(data, capsys)
    assert run(data, "roster", "generate", "--from", "02/08/2021", "--to", "31/08/2021") == 0
    assert run(data, "roster", "generate", "--from", "01/09/2021", "--to", "30/09/2021") == 0
    capsys.readouterr()
    for first, last in (("01/09/2021", "30/09/2021"), ("30/08/2021", "05/09/2021")):
        assert run(data, "roster", "verify", "--from", first, "--to", last) == 0
        assert "Vi phạm quy định bắt buộc: 0" in capsys.readouterr().out
    # leave recorded without re-planning: the saved shift now breaks a rule
    db = open_database(resolve_paths(data))
    try:
        snap = load_snapshot(db, MONDAY, SUNDAY)
        duty = min(
            (d for d in snap.duties if d.day == MONDAY + timedelta(days=2)),
            key=lambda d: (d.start, d.staff_id),
        )
        name = snap.staff[duty.staff_id].name
        site = snap.sites[duty.site_id]
        label = site.shift(duty.shift).label.lower()
    finally:
        db.close()
    day = f"{duty.day:%d/%m/%Y}"
    assert run(data, "roster", "staff", "unavailable", name, "--reason", "sick", "--from", day,
               "--to", day) == 0  # fmt: skip
    capsys.readouterr()
    assert run(data, "roster", "verify", "--from", "02/08/2021", "--to", "08/08/2021") == 1
    out = capsys.readouterr().out
    line = f"VI PHẠM: {name} đang nghỉ hoặc bận mà được xếp trực: {site.name}, {label} ngày {day}"
    assert line in out.splitlines()
    assert out.count(line) == 1
    assert "Assignment(" not in out and "unavailable then" not in out and "site-" not in out
    assert "Vi phạm quy định bắt buộc: 1" in out


def test_fairness_prints_a_long_name_whole(tmp_path, capsys):
    """Names were cut at 28 characters: two long names could print alike."""
    data = tmp_path / "d"
    setup_commune(data, capsys)
    long_names = ["Nguyễn Thị Phương Thảo Ngọc Bảo Trân", "Nguyễn Thị Phương Thảo Ngọc Bảo Anh"]
    for name in long_names:
        assert run(data, "roster", "staff", "add", name, "--roles", "dân quân") == 0
    assert run(data, "roster", "generate", "--from", "02/08/2021", "--to", "08/08/2021") == 0
    capsys.readouterr()
    assert run(data, "roster", "fairness", "--from", "02/08/2021", "--to", "08/08/2021") == 0
    lines = capsys.readouterr().out.splitlines()
    for name in long_names:
        (line,) = [line for line in lines if line.startswith(name)]
        assert line[len(name)] == " "
    assert len({len(line) for line in lines}) == 1  # the columns line up
