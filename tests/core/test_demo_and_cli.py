"""The demo commune and the command line, driven in-process like a user would."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from fieldapp import __version__
from fieldapp.cli import main
from fieldapp.db import schema
from fieldapp.db.database import open_database
from fieldapp.db.models import Document
from fieldapp.demo import create_demo
from fieldapp.errors import DamagedData, UserError
from fieldapp.profile import load_profile


def test_demo_fills_an_empty_folder(paths):
    summary = create_demo(paths)
    assert summary.documents == 3
    db = open_database(paths)
    try:
        assert load_profile(db).commune_name == "Bằng Lãng"
        with db.session() as s:
            titles = s.scalars(select(Document.original_name).order_by(Document.id)).all()
        assert titles == [
            "bac-kan-309-CV-TU.txt",
            "huyen-uy-235-CV-HU.txt",
            "dak-nong-cong-dien-khan.txt",
        ]
    finally:
        db.close()


def test_demo_refuses_a_folder_with_data_unless_forced(paths):
    create_demo(paths)
    before = paths.database.read_bytes()
    with pytest.raises(UserError, match="--force"):
        create_demo(paths)
    assert paths.database.read_bytes() == before
    create_demo(paths, force=True)
    assert len(list(paths.backups.glob("before-demo-*.sqlite3"))) == 1


def test_version(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out.strip() == f"fieldapp {__version__}"


def test_demo_info_and_profile_commands(tmp_path, capsys):
    data = str(tmp_path / "d")
    assert main(["--data-dir", data, "demo"]) == 0
    assert "Bằng Lãng" in capsys.readouterr().out
    assert main(["info", "--json", "--data-dir", data]) == 0  # option after the command too
    info = json.loads(capsys.readouterr().out)
    assert info["schema"] == schema.HEAD and info["data_dir"] == str(tmp_path / "d")
    assert main(["--data-dir", data, "profile", "set", "--phone", "0912 345 678"]) == 0
    capsys.readouterr()
    assert main(["--data-dir", data, "profile", "show", "--json"]) == 0
    profile = json.loads(capsys.readouterr().out)
    assert profile["phone"] == "0912 345 678" and profile["commune_name"] == "Bằng Lãng"


def test_environment_variable_moves_the_data_folder(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("FIELDAPP_DATA_DIR", str(tmp_path / "env"))
    assert main(["info", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["data_dir"] == str(tmp_path / "env")


def test_setting_command(tmp_path, capsys):
    data = str(tmp_path / "d")
    assert main(["--data-dir", data, "setting", "language", "en"]) == 0
    assert main(["--data-dir", data, "setting", "language"]) == 0
    assert capsys.readouterr().out.strip() == '"en"'
    assert main(["--data-dir", data, "setting", "language", "fr"]) == 2
    assert "Ngôn ngữ không hỗ trợ" in capsys.readouterr().err


@pytest.mark.parametrize(
    "argv, message",
    [
        (["bogus"], "lệnh không hợp lệ"),
        (["profile", "show"], "Chưa có hồ sơ xã"),
        (["profile", "set", "--commune-name", ""], "Hồ sơ xã còn thiếu"),
        (["screenshot", "--page", "nowhere", "-o", "x.png"], "lệnh không hợp lệ"),
    ],
)
def test_user_mistakes_give_one_line_and_no_traceback(tmp_path, capsys, argv, message):
    code = main(["--data-dir", str(tmp_path / "d"), *argv])
    err = capsys.readouterr().err
    assert code != 0
    assert message in err
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


@pytest.mark.parametrize(
    "argv, words",
    [
        (["checkpoint", "add", "--name", "A"], "còn thiếu --site"),
        (["checkpoint", "add", "--site", "x", "--name", "A", "--people", "hai"],
         "--people: 'hai' không phải số nguyên"),
        (["checkpoint", "add", "--site", "x", "--name", "A", "--temp", "ba bảy"],
         '--temp: "ba bảy" không phải số'),
        (["checkpoint", "add", "--site", "x", "--name", "A", "--temp", "nan"], "không phải số"),
        (["checkpoint", "add", "--site"], "--site cần một giá trị"),
        (["roster", "print", "--paper", "A5", "--site", "1", "--week", "01/12/2026", "-o", "x"],
         "--paper: không có 'A5'; chọn một trong 'A4', 'A3'"),
        (["checkpoint", "them"], "không có 'them'; chọn một trong 'add'"),
        (["info", "--thua"], "không hiểu: --thua"),
    ],
)  # fmt: skip
def test_mistyped_commands_are_told_in_vietnamese(tmp_path, capsys, argv, words):
    """argparse's own English ("invalid int value", "the following arguments are required")
    was shown to commune officials as it was."""
    assert main(["--data-dir", str(tmp_path / "d"), *argv]) != 0
    err = capsys.readouterr().err
    assert words in err and len(err.strip().splitlines()) == 1, err
    for english in ("invalid", "required", "expected", "choose from", "unrecognized", "argument"):
        assert english not in err, err


@pytest.mark.parametrize(
    "argv",
    [["--help"], ["roster", "--help"], ["roster", "image", "--help"], ["household", "-h"]],
)
def test_help_is_framed_in_vietnamese(capsys, argv):
    """--help said "usage:", "positional arguments", "options" and "show this help message
    and exit" around the Vietnamese descriptions."""
    with pytest.raises(SystemExit) as stop:
        main(argv)
    assert stop.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("cách dùng: fieldapp") and "tùy chọn:" in out, out
    assert "xem hướng dẫn này rồi thoát" in out
    for english in ("usage", "positional arguments", "options:", "show this", "exit\n"):
        assert english not in out, out
    # the placeholders too: "--site ĐIỂM", "-o TỆP", "--data-dir THƯ_MỤC", not SITE, OUTPUT
    assert not re.search(r"\b(START|END|OUTPUT|SITE|WEEK|DAY|DATA_DIR|USER|NAME)\b", out), out


def test_a_temperature_typed_with_a_decimal_comma(tmp_path, capsys):
    data = str(tmp_path / "d")
    assert main(["--data-dir", data, "demo"]) == 0
    capsys.readouterr()
    argv = [
        "--data-dir",
        data,
        "checkpoint",
        "add",
        "--site",
        "cau bang lang",
        "--name",
        "Lê Văn Tâm",
    ]
    assert main([*argv, "--temp", "37,5", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["temperature"] == 37.5


def test_damaged_database_via_the_real_command(tmp_path):
    data = tmp_path / "d"
    data.mkdir()
    (data / "fieldapp.sqlite3").write_bytes(b"\x00garbage" * 512)
    result = subprocess.run(
        [sys.executable, "-m", "fieldapp", "--data-dir", str(data), "info"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == DamagedData.exit_code
    assert result.stderr.startswith("fieldapp: Tệp fieldapp.sqlite3 không phải cơ sở dữ liệu")
    assert "Traceback" not in result.stderr
    assert (data / "fieldapp.sqlite3").read_bytes() == b"\x00garbage" * 512


# -- start-up and the CLI helpers (issue 17) ---------------------------------------------------


def _in_fresh_python(code: str) -> str:
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    return out.stdout.strip()


def test_version_loads_neither_the_database_layer_nor_the_window():
    loaded = _in_fresh_python(
        "import sys\n"
        "from fieldapp_launcher import main\n"
        "try:\n    main(['--version'])\nexcept SystemExit:\n    pass\n"
        "heavy = ('sqlalchemy', 'PySide6', 'ui', 'reportlab', 'openpyxl', 'alembic')\n"
        "print(sorted({n.split('.')[0] for n in sys.modules} & set(heavy)))\n"
    )
    assert loaded.splitlines()[-1] == "[]"
    assert loaded.splitlines()[0] == f"fieldapp {__version__}"


def test_a_command_imports_only_its_own_sub_cli():
    from fieldapp.cli import COMMAND_MODULES

    for argv, expected in (
        (["--data-dir", "x", "household", "list"], ["fieldapp.households.cli"]),
        (["--user", "u", "report", "daily"], ["fieldapp.reports.cli"]),
        (["restore", "f"], ["fieldapp.backup_cli"]),
        (["info"], []),
        (["--version"], []),
        (["--help"], sorted(COMMAND_MODULES)),
        (["typo"], sorted(COMMAND_MODULES)),  # an unknown command lists every command
    ):
        loaded = _in_fresh_python(
            "import sys\n"
            "from fieldapp.cli import COMMAND_MODULES, build_parser\n"
            f"build_parser({argv!r})\n"
            "print(sorted(m for m in COMMAND_MODULES if m in sys.modules))\n"
        )
        assert loaded == repr(expected), argv


def test_command_owners_name_the_module_that_registers_each_command():
    import argparse
    import importlib

    from fieldapp.cli import COMMAND_MODULES, COMMAND_OWNERS

    registered = {}
    for name in COMMAND_MODULES:
        sub = argparse.ArgumentParser().add_subparsers()
        importlib.import_module(name).register(sub)
        for command in sub.choices:
            registered[command] = name
    assert registered == COMMAND_OWNERS


def test_the_core_cli_has_no_window(tmp_path, capsys):
    data = str(tmp_path / "d")
    assert main(["--data-dir", data]) == UserError.exit_code
    assert "cửa sổ mở bằng chương trình fieldapp" in capsys.readouterr().err
    assert main(["--data-dir", data, "gui"]) == UserError.exit_code
    assert "lệnh không hợp lệ" in capsys.readouterr().err
    assert not (tmp_path / "d").exists()  # nothing was opened


def test_the_console_script_is_the_launcher():
    script = Path(sys.executable).parent / "fieldapp"
    if not script.exists():
        pytest.skip("the package is not installed in this environment")
    assert "fieldapp_launcher" in script.read_text("utf-8", errors="replace")
    done = subprocess.run([str(script), "--version"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stdout.strip() == f"fieldapp {__version__}"


def test_exit_codes_follow_the_kind_of_error(tmp_path, capsys, monkeypatch):
    from fieldapp import cli_support, errors

    kinds = {
        errors.UserMistake: 2,
        errors.NotFound: 3,
        errors.NeedsConfirmation: 4,
        errors.NotPermitted: 5,
        errors.DamagedData: 6,
        errors.NoSpace: 7,
        errors.Cancelled: 130,
    }
    assert {k: cli_support.exit_code(k("x")) for k in kinds} == kinds
    assert cli_support.exit_code(KeyboardInterrupt()) == 130
    assert cli_support.exit_code(ValueError()) == 1

    # through main: a handler's NotFound is one line on stderr and exit code 3
    def missing(_args):
        raise errors.NotFound("Không tìm thấy hộ số 99.")

    monkeypatch.setattr("fieldapp.cli._cmd_info", missing)
    assert main(["--data-dir", str(tmp_path / "d"), "info"]) == 3
    assert capsys.readouterr().err.strip() == "fieldapp: Không tìm thấy hộ số 99."


def test_the_shared_printers(capsys):
    from datetime import date, datetime

    from fieldapp.cli_support import print_json, print_table

    print_json({"ngày": date(2021, 8, 20), "lúc": datetime(2021, 8, 20, 7, 30), "số": 3})
    out = json.loads(capsys.readouterr().out)
    assert out == {"ngày": "2021-08-20", "lúc": "2021-08-20T07:30:00", "số": 3}
    print_table(
        [("Hoàng Văn\tThắng", None, 3), ("dòng\nhai", "Nà Pài", 0)], header=("Tên", "Thôn", "Số")
    )
    lines = capsys.readouterr().out.splitlines()
    assert lines == ["Tên\tThôn\tSố", "Hoàng Văn Thắng\t\t3", "dòng hai\tNà Pài\t0"]


def test_the_sub_clis_answer_through_cli_support(tmp_path, capsys):
    """user list and audit list print tables and JSON through the shared printers."""
    data = str(tmp_path / "d")
    assert main(["--data-dir", data, "demo"]) == 0
    capsys.readouterr()
    assert main(["--data-dir", data, "user", "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert main(["--data-dir", data, "audit", "list", "--json"]) == 0
    assert isinstance(json.loads(capsys.readouterr().out), list)
