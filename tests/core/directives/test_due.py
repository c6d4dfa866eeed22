"""Deadlines of items: what is typed or parsed, how it shows, and when it is late."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from fieldapp.directives.due import OVERDUE, TODAY, Due, due_state, parse_due, recurs_on
from fieldapp.errors import UserError


@pytest.mark.parametrize(
    ("text", "due", "shown"),
    [
        ("", Due(), ""),
        ("2021-09-13", Due(date(2021, 9, 13)), "13/09/2021"),
        ("2021-09-13T15:00", Due(date(2021, 9, 13), "15:00"), "13/09/2021 15:00"),
        ("13/9/2021 15:00", Due(date(2021, 9, 13), "15:00"), "13/09/2021 15:00"),
        ("15 giờ 30 ngày 13/09/2021", Due(date(2021, 9, 13), "15:30"), "13/09/2021 15:30"),
        ("13.09.2021 8h", Due(date(2021, 9, 13), "08:00"), "13/09/2021 08:00"),
        ("hằng ngày 16:00", Due(None, "16:00", "hằng ngày"), "hằng ngày 16:00"),
        ("trước 16 giờ hằng ngày", Due(None, "16:00", "hằng ngày"), "hằng ngày 16:00"),
        (
            "Hàng tuần thứ 6, 10h",
            Due(None, "10:00", "hằng tuần thứ Sáu"),
            "hằng tuần thứ Sáu 10:00",
        ),
        ("hằng tháng ngày 25", Due(None, "", "hằng tháng ngày 25"), "hằng tháng ngày 25"),
    ],
)
def test_parse_and_show(text, due, shown):
    parsed = parse_due(text)
    assert parsed == due
    assert parsed.display() == shown
    assert parse_due(parsed.iso() or "") == parsed  # what is stored reads back the same


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("sáng mai", "Không hiểu hạn"),
        ("31/02/2021", "Ngày không hợp lệ"),
        ("2021-13-01", "Hạn không hợp lệ"),
        ("hằng ngày 25:00", "Giờ không hợp lệ"),
    ],
)
def test_unreadable_deadlines(text, message):
    with pytest.raises(UserError, match=message):
        parse_due(text)


NOW = datetime(2021, 8, 20, 10, 0)  # a Friday


@pytest.mark.parametrize(
    ("due", "is_open", "state"),
    [
        (Due(date(2021, 8, 19)), True, OVERDUE),
        (Due(date(2021, 8, 19)), False, None),  # done or reported: never late
        (Due(date(2021, 8, 20)), True, TODAY),
        (Due(date(2021, 8, 20), "17:00"), True, TODAY),
        (Due(date(2021, 8, 20), "09:30"), True, OVERDUE),
        (Due(date(2021, 8, 21)), True, None),
        (Due(None, "16:00", "hằng ngày"), True, TODAY),
        (Due(None, "", "hằng tuần thứ Sáu"), True, TODAY),
        (Due(None, "", "hằng tuần thứ Hai"), True, None),
        (Due(None, "", "hằng tháng ngày 20"), True, TODAY),
        (Due(), True, None),
    ],
)
def test_due_state(due, is_open, state):
    assert due_state(due.date, due.time, due.recurrence, is_open, NOW) == state


def test_plain_weekly_names_no_day():
    assert not recurs_on("hằng tuần", date(2021, 8, 20))
