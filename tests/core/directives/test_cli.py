"""``fieldapp directive parse``, run in-process through ``fieldapp.cli.main``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import resources
from fieldapp.cli import main

CORPUS = resources.path("demo/directives")


def test_parse_json(capsys: pytest.CaptureFixture[str]) -> None:
    rc = main(["directive", "parse", str(CORPUS / "huyen-uy-235-CV-HU.txt"), "--json"])
    out = capsys.readouterr().out
    assert rc == 0
    j = json.loads(out)
    assert j["number"] == "235-CV/HU"
    assert j["issued_on"] is None
    assert j["urgency"] == "Hỏa tốc"
    assert len(j["items"]) == 9
    assert j["items"][1]["units"] == ["UBND huyện"]
    assert "Nguyễn Chí Hiền" in out  # ensure_ascii=False
    assert '\n  "number"' in out  # indent=2


def test_parse_json_dates_are_iso(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["directive", "parse", str(CORPUS / "bac-kan-309-CV-TU.txt"), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["issued_on"] == "2021-07-20"


def test_parse_summary(capsys: pytest.CaptureFixture[str]) -> None:
    rc = main(["directive", "parse", str(CORPUS / "dak-nong-cong-dien-khan.txt")])
    out = capsys.readouterr().out
    assert rc == 0
    assert "Văn bản: Công điện" in out
    assert "Độ khẩn/mật: Hỏa tốc" in out
    assert "Các mục: 6" in out
    assert "Không tìm thấy: số, ký hiệu, địa danh, ngày ban hành" in out


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("rong.txt", b""),
        ("anh.pdf", b"\x89PNG\r\n\x1a\n\x00\x00\x00\x00"),
        ("hong.pdf", b"%PDF-1.4 x"),
    ],
)
def test_bad_file_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, data: bytes
) -> None:
    p = tmp_path / name
    p.write_bytes(data)
    rc = main(["directive", "parse", str(p), "--json"])
    captured = capsys.readouterr()
    assert rc != 0
    assert captured.out == ""
    assert captured.err.startswith("fieldapp: ")
    assert captured.err.count("\n") == 1
    assert "Traceback" not in captured.err


def test_missing_file_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["directive", "parse", str(tmp_path / "khong.txt")]) == 2
    assert "Không tìm thấy tệp" in capsys.readouterr().err
