"""Files the user names (-o FILE, Save as): a folder, a device or pipe, a missing folder or a
failed write is told in one plain line, and what was at the path before is left as it was.

Found by running every command with hostile output paths: `print-test -o FOLDER` and
`-o missing/x.pdf` ended in a crash report, `backup -o /dev/null` replaced the device with a
copy of the database (as root it broke the machine), `household list --ending-days
999999999999` overflowed and `sync fingerprint` with a file for its data folder crashed."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from fieldapp.cli import main
from fieldapp.errors import UserError
from fieldapp.files import output_target, replacing

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")


def test_a_folder_a_missing_folder_and_a_pipe_are_refused(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="là một thư mục"):
        output_target(tmp_path)
    with pytest.raises(UserError, match="là một thư mục"):
        output_target(f"{tmp_path}{os.sep}")
    with pytest.raises(UserError, match="Không có thư mục"):
        output_target(tmp_path / "khong-co" / "x.pdf")
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "ong")
        with pytest.raises(UserError, match="không phải một tệp thường"):
            output_target(tmp_path / "ong")
    assert output_target(tmp_path / "ban-in.pdf") == tmp_path / "ban-in.pdf"


def test_a_write_that_fails_leaves_the_old_file_and_no_partial(tmp_path: Path) -> None:
    old = tmp_path / "lich.pdf"
    old.write_bytes(b"old sheet")
    with pytest.raises(UserError, match="Không ghi được tệp") as err:
        with replacing(old) as partial:
            partial.write_bytes(b"half a")
            raise OSError(5, "Input/output error")
    assert "Traceback" not in str(err.value)
    assert old.read_bytes() == b"old sheet"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lich.pdf"]
    with pytest.raises(KeyboardInterrupt):  # a cancelled print, too
        with replacing(old) as partial:
            partial.write_bytes(b"half b")
            raise KeyboardInterrupt
    assert old.read_bytes() == b"old sheet" and len(list(tmp_path.iterdir())) == 1
    with replacing(old) as partial:
        partial.write_bytes(b"new sheet")
    assert old.read_bytes() == b"new sheet" and len(list(tmp_path.iterdir())) == 1


def _one_line(capsys) -> str:
    err = capsys.readouterr().err
    assert "Traceback" not in err and "không mong đợi" not in err, err
    assert len(err.strip().splitlines()) == 1, err
    return err


@pytest.fixture
def commune(tmp_path: Path, capsys) -> Path:
    data = tmp_path / "d"
    assert main(["--data-dir", str(data), "demo"]) == 0
    capsys.readouterr()
    return data


def test_print_commands_refuse_a_folder_and_a_missing_folder(commune: Path, tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    (tmp_path / "anh.png").mkdir()  # a folder named like a picture
    for argv in (
        ["print-test", "--output", str(folder)],
        ["print-test", "--output", str(tmp_path / "khong-co" / "thu.pdf")],
        ["roster", "print", "--week", "07/12/2026", "-o", str(folder)],
        ["roster", "day", "--day", "07/12/2026", "-o", str(tmp_path / "khong-co" / "n.pdf")],
        ["roster", "image", "--day", "07/12/2026", "-o", str(tmp_path / "anh.png")],
    ):
        assert main(["--data-dir", str(commune), *argv]) != 0, argv
        err = _one_line(capsys)
        assert "thư mục" in err, err
    assert list(folder.iterdir()) == [] and list((tmp_path / "anh.png").iterdir()) == []
    assert not (tmp_path / "khong-co").exists()


@needs_fifo
def test_backup_and_prints_never_replace_a_device_or_pipe(commune: Path, tmp_path, capsys):
    pipes = {suffix: tmp_path / f"ong{suffix}" for suffix in ("", ".pdf", ".xlsx")}
    for pipe in pipes.values():
        os.mkfifo(pipe)
    for argv in (
        ["backup", "-o", str(pipes[""])],
        ["print-test", "--output", str(pipes[".pdf"])],
        ["roster", "print", "--week", "07/12/2026", "-o", str(pipes[".pdf"])],
        ["household", "export", str(pipes[".xlsx"]), "--yes"],
    ):
        assert main(["--data-dir", str(commune), *argv]) != 0, argv
        assert "không phải một tệp thường" in _one_line(capsys)
    for pipe in pipes.values():
        assert stat.S_ISFIFO(os.lstat(pipe).st_mode)  # still the pipe
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d", "ong", "ong.pdf", "ong.xlsx"]


def test_numbers_and_folders_out_of_range(commune: Path, tmp_path, capsys):
    argv = ["--data-dir", str(commune), "household", "list", "--ending-days", "999999999999"]
    assert main(argv) != 0
    assert "--ending-days" in _one_line(capsys)
    not_a_folder = tmp_path / "tep"
    not_a_folder.write_text("x")
    assert main(["--data-dir", str(not_a_folder), "sync", "fingerprint"]) != 0
    assert "thư mục dữ liệu" in _one_line(capsys)
    assert not_a_folder.read_text() == "x"
