"""``fieldapp household check|followup|action|status`` as a person types them."""

from __future__ import annotations

import json

import pytest

from fieldapp.cli import main


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def demo(tmp_path, capsys):
    data = str(tmp_path / "data")
    assert run(capsys, "--data-dir", data, "demo")[0] == 0
    return data


def followed(capsys, data) -> dict:
    code, out, _ = run(capsys, "--data-dir", data, "household", "followup", "--json")
    assert code == 0
    return json.loads(out)


def test_a_round_by_the_command_line(capsys, demo):
    before = followed(capsys, demo)
    assert set(before) >= {"due", "missed", "danger"} and before["danger"] == []
    person = before["due"][0]
    pid = str(person["member_id"])
    code, out, _ = run(
        capsys,
        "--data-dir",
        demo,
        "household",
        "check",
        pid,
        "--temp",
        "38,2",
        "--spo2",
        "94",
        "--symptoms",
        "ho, khó thở, đau bụng",
        "--by",
        "Nguyễn Y Tá",
    )
    assert code == 0 and "DẤU HIỆU NẶNG" in out and "SpO2 thấp" in out
    after = followed(capsys, demo)
    danger = after["danger"][0]
    assert danger["member_id"] == person["member_id"]
    check = danger["last_check"]
    assert check["spo2"] == 94 and check["symptoms"] == ["cough", "breathless"]
    assert check["checked_by"] == "Nguyễn Y Tá" and check["action"] is None
    assert len(after["missed"]) == len(before["missed"]) - 1
    code, out, _ = run(
        capsys, "--data-dir", demo, "household", "action", str(check["id"]), "called_station"
    )
    assert code == 0 and "Đã báo trạm y tế" in out
    assert followed(capsys, demo)["danger"][0]["last_check"]["action"] == "called_station"


def test_mistakes_are_one_clear_line_and_write_nothing(capsys, demo):
    pid = str(followed(capsys, demo)["due"][0]["member_id"])
    for argv in (
        ("check", pid, "--temp", "45"),
        ("check", pid, "--spo2", "chín tư"),
        ("check", "999999", "--spo2", "97"),
        ("check", "Không Có Ai", "--spo2", "97"),
        ("check", pid, "--spo2", "97", "--at", "hôm qua"),
        ("status", pid, "facility"),
    ):
        code, out, err = run(capsys, "--data-dir", demo, "household", *argv)
        assert code != 0 and out == "" and len(err.strip().splitlines()) == 1, argv
    assert all(p["checks_today"] == 0 for p in followed(capsys, demo)["due"])


def test_outcomes_from_the_command_line(capsys, demo):
    pid = str(followed(capsys, demo)["due"][0]["member_id"])
    code, out, _ = run(
        capsys,
        "--data-dir",
        demo,
        "household",
        "status",
        pid,
        "facility",
        "--place",
        "Bệnh viện dã chiến số 2",
    )
    assert code == 0 and "Chuyển cơ sở điều trị" in out
    assert pid not in {str(p["member_id"]) for p in followed(capsys, demo)["due"]}
    code, out, _ = run(capsys, "--data-dir", demo, "household", "status", pid, "khỏi bệnh")
    assert code == 0 and "Khỏi bệnh" in out


def test_recovery_certificate_printed_for_an_f0_who_recovered(capsys, demo, tmp_path):
    import subprocess

    pid = str(followed(capsys, demo)["due"][0]["member_id"])
    out_pdf = tmp_path / "khoi-benh.pdf"
    # not F0 yet: refused with a reason, no file
    code, _out, err = run(capsys, "--data-dir", demo, "household", "print",
                          "recovery-certificate", pid, "-o", str(out_pdf))  # fmt: skip
    assert code != 0 and "F0" in err and not out_pdf.exists()
    assert run(capsys, "--data-dir", demo, "household", "status", pid, "F0", "--isolation",
               "home", "--from", "20/11/2026", "--place", "Điều trị tại nhà")[0] == 0  # fmt: skip
    assert run(capsys, "--data-dir", demo, "household", "status", pid, "recovered")[0] == 0
    code, out, _ = run(capsys, "--data-dir", demo, "household", "print",
                       "recovery-certificate", pid, "-o", str(out_pdf))  # fmt: skip
    assert code == 0 and out_pdf.stat().st_size > 1000
    text = subprocess.run(
        ["pdftotext", str(out_pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    text = " ".join(text.split())
    assert "GIẤY XÁC NHẬN" in text and "Khỏi bệnh COVID-19" in text
    assert "(F0) từ ngày 20/11/2026, điều trị tại nhà; đã khỏi bệnh ngày" in text, text
