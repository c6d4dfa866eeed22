"""The demo commune and the command line, driven in-process like a user would."""

from __future__ import annotations

import json
import subprocess
import sys

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
