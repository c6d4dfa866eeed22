"""``fieldapp roster solve`` and ``roster check``, run in-process through ``fieldapp.cli.main``."""

from __future__ import annotations

import json
from pathlib import Path

from fieldapp.cli import main
from fieldapp.rostering.instance import load_instance
from fieldapp.rostering.solution import load_solution

from .conftest import DATA, assert_valid

WEEK = DATA / "week-4sites-50staff-leave-locks.json"


def test_solve_writes_a_valid_solution_and_prints_figures(tmp_path: Path, capsys) -> None:
    out = tmp_path / "lich.json"
    assert main(["roster", "solve", str(WEEK), "-o", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "Phủ kín: 252/252" in printed
    assert f"fieldapp roster check {WEEK} {out}" in printed  # where to verify it independently
    assert main(["roster", "check", str(WEEK), str(out)]) == 0
    assert "Vi phạm quy định bắt buộc: 0" in capsys.readouterr().out
    data = json.loads(out.read_text("utf-8"))
    assert set(data) >= {"assignments", "uncovered"}
    assert len(data["assignments"]) == 252
    assert_valid(load_instance(WEEK), load_solution(out))


def test_check_finds_a_broken_roster(tmp_path: Path, capsys) -> None:
    out = tmp_path / "lich.json"
    main(["roster", "solve", str(WEEK), "-o", str(out)])
    assert main(["roster", "check", str(WEEK), str(out)]) == 0
    data = json.loads(out.read_text("utf-8"))
    first = data["assignments"][0]
    # the same person twice on the same shift at another site
    data["assignments"].append(
        first | {"site": "site-04" if first["site"] != "site-04" else "site-03"}
    )
    out.write_text(json.dumps(data), "utf-8")
    capsys.readouterr()
    assert main(["roster", "check", str(WEEK), str(out)]) == 1
    said = capsys.readouterr().out
    assert "VI PHẠM [overlap]" in said
    names = {p.id: p.name for p in load_instance(WEEK).staff}
    sites = {s.id: s.name for s in load_instance(WEEK).sites}
    day = first["date"][8:10] + "/" + first["date"][5:7] + "/" + first["date"][:4]
    assert f"{names[first['staff']]} trực hai nơi cùng lúc: {sites[first['site']]}, ca " \
        f"{first['shift']} ngày {day}" in said  # fmt: skip
    assert "Assignment(" not in said


def test_replan_from_the_command_line(tmp_path: Path, capsys) -> None:
    first = tmp_path / "lich.json"
    main(["roster", "solve", str(WEEK), "-o", str(first)])
    second = tmp_path / "lich2.json"
    args = ["roster", "solve", str(WEEK), "-o", str(second), "--previous", str(first)]
    assert main([*args, "--freeze-before", "2021-08-04T00:00"]) == 0
    assert "So với lịch cũ: bỏ 0 ca, thêm 0 ca" in capsys.readouterr().out
    assert (
        first.read_text("utf-8").split('"figures"')[0]
        == second.read_text("utf-8").split('"figures"')[0]
    )


def test_malformed_file_is_one_line_on_stderr(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"name": "x"}', encoding="utf-8")
    assert main(["roster", "solve", str(bad), "-o", str(tmp_path / "o.json")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("fieldapp: ") and "Thiếu mục" in err and err.count("\n") == 1
    assert not (tmp_path / "o.json").exists()
    assert (
        main(["roster", "solve", str(WEEK), "-o", str(tmp_path / "o.json"), "--freeze-before", "x"])
        == 2
    )


def test_solving_a_file_builds_only_the_file_commands_and_the_rest_still_parse() -> None:
    from fieldapp.cli import build_parser

    def roster_commands(argv: list[str]) -> set[str]:
        parser = build_parser(argv)
        top = next(
            a for a in parser._actions if getattr(a, "choices", None) and "roster" in a.choices
        )
        roster = top.choices["roster"]
        inner = next(a for a in roster._actions if getattr(a, "choices", None))
        return set(inner.choices)

    assert roster_commands(["roster", "solve", "x.json", "-o", "y.json"]) == {"solve", "check"}
    assert roster_commands(["--data-dir", "d", "roster", "check", "a", "b"]) == {"solve", "check"}
    every = roster_commands(["roster", "site", "list"])
    assert {"solve", "check", "site", "staff", "generate", "print"} <= every
    args = build_parser(["roster", "site", "list", "--json"]).parse_args(
        ["roster", "site", "list", "--json"]
    )
    assert args.json is True
