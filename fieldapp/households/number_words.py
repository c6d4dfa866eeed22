"""Numbers in Vietnamese words, for the "Bằng chữ: ..." line under a sum of money.

Read in groups of three digits (nghìn, triệu, tỷ; above a thousand billion the groups go on:
"nghìn tỷ", "triệu tỷ"), with the forms a cashier writes:

- a group after the first reads its hundreds even when zero: 1.080.000 is "một triệu
  **không trăm** tám mươi nghìn";
- a zero ten before a unit is "linh" (or "lẻ", the southern form): 105 "một trăm linh năm";
- "mười" for ten, "mươi" for the tens from twenty; after "mươi" a one is "mốt" (21 "hai mươi
  mốt") and after "mười"/"mươi" a five is "lăm" (15 "mười lăm", 25 "hai mươi lăm");
- groups that are all zeros are left out (1.000.005 "một triệu không trăm linh năm").
"""

from __future__ import annotations

DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
GROUPS = ("", "nghìn", "triệu")


def _three(n: int, full: bool, zero_ten: str) -> list[str]:
    """Words of 0 < n < 1000; ``full``: read the hundreds even when they are zero."""
    hundreds, rest = divmod(n, 100)
    tens, units = divmod(rest, 10)
    out: list[str] = []
    if hundreds or full:
        out += [DIGITS[hundreds], "trăm"]
    if tens == 0:
        if units:
            if out:
                out.append(zero_ten)
            out.append(DIGITS[units])
        return out
    if tens == 1:
        out.append("mười")
    else:
        out += [DIGITS[tens], "mươi"]
    if units == 1:
        out.append("một" if tens == 1 else "mốt")
    elif units == 5:
        out.append("lăm")
    elif units:
        out.append(DIGITS[units])
    return out


def _below_billion(n: int, full: bool, zero_ten: str) -> list[str]:
    groups = []
    while n:
        n, g = divmod(n, 1000)
        groups.append(g)
    out: list[str] = []
    for i in range(len(groups) - 1, -1, -1):
        g = groups[i]
        if g == 0:
            continue
        out += _three(g, full or bool(out), zero_ten)
        if GROUPS[i]:
            out.append(GROUPS[i])
    return out


def _words(n: int, full: bool, zero_ten: str) -> list[str]:
    billions, rest = divmod(n, 1_000_000_000)
    out: list[str] = []
    if billions:
        out += _words(billions, full, zero_ten)
        out.append("tỷ")
    if rest:
        out += _below_billion(rest, full or bool(out), zero_ten)
    return out


def number_words(n: int, *, southern: bool = False) -> str:
    """``n`` in Vietnamese words, lower case: 1080000 -> "một triệu không trăm tám mươi
    nghìn"; ``southern`` writes "lẻ" for "linh"."""
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError("number_words takes an int")
    if n < 0:
        return "âm " + number_words(-n, southern=southern)
    if n == 0:
        return DIGITS[0]
    return " ".join(_words(n, False, "lẻ" if southern else "linh"))


def money_words(amount: int) -> str:
    """A sum of đồng in words: "một triệu không trăm tám mươi nghìn đồng"."""
    return f"{number_words(amount)} đồng"


def in_words_line(amount: int) -> str:
    """The line under a total: "Bằng chữ: Một triệu không trăm tám mươi nghìn đồng."."""
    words = money_words(amount)
    return f"Bằng chữ: {words[:1].upper()}{words[1:]}."


def money(amount: int) -> str:
    """A sum in figures as Vietnamese print writes it: 1.080.000."""
    return f"{amount:,}".replace(",", ".")
