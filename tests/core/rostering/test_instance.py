"""Loading instance files: the bench files load, malformed ones give a clear UserError."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings

from fieldapp.errors import UserError
from fieldapp.rostering.instance import instance_to_json, load_instance, parse_instance

from .conftest import DATA
from .instances import instance_data


def _base() -> dict:
    return json.loads((DATA / "week-4sites-50staff-leave-locks.json").read_text("utf-8"))


def test_bench_file_loads_with_leave_and_locks() -> None:
    instance = load_instance(DATA / "week-4sites-50staff-leave-locks.json")
    assert instance.days == 7
    assert len(instance.staff) == 50
    assert len(instance.locked) == 4
    assert sum(1 for p in instance.staff if p.unavailable) == 6
    assert instance.shift_kind("S3").night


@given(instance_data())
@settings(max_examples=30, deadline=None)
def test_round_trip(data: dict) -> None:
    instance = parse_instance(data)
    assert parse_instance(instance_to_json(instance)) == instance


def _broken(change) -> dict:
    data = _base()
    change(data)
    return data


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (lambda d: d.pop("rules"), 'Thiếu mục "rules"'),
        (lambda d: d.update(days="7"), '"days" trong tệp lịch trực phải là một số nguyên'),
        (lambda d: d.update(days=0), "phải từ 1 đến 366"),
        (lambda d: d.update(start="9999-12-30"), "không hợp lý"),  # overflowed the dates
        (lambda d: d.update(start="02/08/2021"), "không đúng dạng NNNN-TT-NN"),
        (lambda d: d["shifts"][0].update(start="6h"), "không đúng dạng gg:pp"),
        (lambda d: d["shifts"][0].update(hours=0), '"hours"'),
        (lambda d: d["sites"][0].update(shifts=["S9"]), 'Ca "S9"'),
        (lambda d: d["sites"][0].update(require={"police": 5}), "mỗi ca chỉ có 3 người"),
        (lambda d: d["staff"][1].update(id=d["staff"][0]["id"]), "bị trùng"),
        (lambda d: d["staff"][0].update(unavailible=[]), 'Mục lạ "unavailible"'),
        (
            lambda d: d["staff"][5].update(
                unavailable=[{"from": "2021-08-05T00:00", "to": "2021-08-04T00:00"}]
            ),
            '"to" phải sau "from"',
        ),
        (lambda d: d["locked"][0].update(staff="nobody"), 'không có người "nobody"'),
        (lambda d: d["locked"][0].update(date="2021-09-30"), "nằm ngoài thời gian lịch"),
        (lambda d: d["rules"].update(max_shifts_per_week=True), "phải là một số nguyên"),
        (lambda d: d.update(staff={}), "phải là một danh sách"),
        (lambda d: d["sites"].clear(), "chưa có điểm trực nào"),
    ],
)
def test_malformed_instance_gives_user_error(change, words: str) -> None:
    with pytest.raises(UserError) as err:
        parse_instance(_broken(change))
    assert words in str(err.value)
    assert "\n" not in str(err.value)


def test_unreadable_files(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="Không tìm thấy"):
        load_instance(tmp_path / "none.json")
    bad = tmp_path / "bad.json"
    bad.write_text('{"name": "x",', encoding="utf-8")
    with pytest.raises(UserError, match=r"không phải JSON hợp lệ \(dòng 1"):
        load_instance(bad)
    top = tmp_path / "list.json"
    top.write_text("[]", encoding="utf-8")
    with pytest.raises(UserError, match="phải là một đối tượng JSON"):
        load_instance(top)


@pytest.mark.parametrize(
    "text",
    [
        "[" * 200_000 + "]" * 200_000,  # deep enough to exhaust Python's stack
        None,  # hours NaN: would pass "0 < hours <= 24" and crash later
        "1e999",  # a number too large for a float: Infinity
    ],
)
def test_hostile_json_is_refused_in_plain_words(tmp_path: Path, text: str | None) -> None:
    path = tmp_path / "lich.json"
    data = json.loads((DATA / "week-4sites-50staff-leave-locks.json").read_text("utf-8"))
    if text is None:
        data["shifts"][0]["hours"] = float("nan")
        text = json.dumps(data)
    elif text == "1e999":
        text = json.dumps(data).replace('"hours": 8', '"hours": 1e999', 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(UserError, match="không phải JSON hợp lệ"):
        load_instance(path)


def test_json_input_keeps_ordinary_numbers() -> None:
    from fieldapp import json_input

    assert json_input.loads('{"a": [1, 2.5, -3e2, 12345678901234567890]}') == {
        "a": [1, 2.5, -300.0, 12345678901234567890]
    }
    with pytest.raises(ValueError):
        json_input.loads("[Infinity]")
    with pytest.raises(json.JSONDecodeError):  # cut short: the stream reader reads on
        json_input.raw_decode('{"rows": [1, 2', 0)
