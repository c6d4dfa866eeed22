"""Vietnamese text: normalisation, search folding, collation and dates.

Everything that compares, searches, sorts or prints Vietnamese text goes through here, so that
the whole app agrees on the rules:

- Stored text is NFC (:func:`nfc`). Input may arrive decomposed (NFD) from macOS, from PDFs or
  from old converters; every function below accepts either form.
- Search compares *folded* text (:func:`fold`): no case, no tones, no diacritics, ``đ`` → ``d``,
  so "dang" finds "Đặng" and "phong toa" finds both "phong tỏa" and "phong toả".
- Sorting follows the Vietnamese alphabet (a ă â b c d đ e ê ... ư v x y), word by word, with
  tones as a second level (none, huyền, hỏi, ngã, sắc, nặng) and case as a third
  (:func:`sort_key`). Personal names sort by given name first (:func:`name_sort_key`).
- Dates are shown and typed as dd/mm/yyyy; official documents use the Decree 30/2020 long form
  "ngày 05 tháng 02 năm 2021" (:func:`format_long_date`, :func:`parse_long_date`).
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime

from fieldapp.errors import UserError

__all__ = [
    "SortKey",
    "fold",
    "format_date",
    "format_datetime",
    "format_long_date",
    "name_sort_key",
    "nfc",
    "parse_date",
    "parse_long_date",
    "sort_key",
]


def nfc(text: str) -> str:
    """Return ``text`` in Unicode NFC, the form all stored text uses."""
    return unicodedata.normalize("NFC", text)


# --------------------------------------------------------------------------------------------
# Search folding
# --------------------------------------------------------------------------------------------

# Combining marks (tones and letter modifiers of NFD input, and any other accents).
_COMBINING_RANGES = ((0x0300, 0x036F), (0x1AB0, 0x1AFF), (0x1DC0, 0x1DFF), (0x20D0, 0x20FF))
# Precomposed Latin letters live in these blocks (Latin-1 to Latin Extended-B, Extended Additional).
_LATIN_RANGES = ((0x00C0, 0x024F), (0x1E00, 0x1EFF))


def _build_fold_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {}
    for start, end in _COMBINING_RANGES:
        for cp in range(start, end + 1):
            table[cp] = None
    for start, end in _LATIN_RANGES:
        for cp in range(start, end + 1):
            decomposed = unicodedata.normalize("NFD", chr(cp))
            base = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
            if base != chr(cp) and base.isascii() and base.isalpha():
                table[cp] = base.lower()
    # đ and Đ have no decomposition. Ð/ð (eth) look identical to Đ and turn up in text
    # converted from old Vietnamese encodings, so they fold to d as well.
    for ch in "đĐÐð":
        table[ord(ch)] = "d"
    # Uppercase ASCII here too, so one translate() does most of the work.
    for ch in "ABCDEFGHIJKLMNOPQRSTUVWXYZ":
        table[ord(ch)] = ch.lower()
    return table


_FOLD_TABLE = _build_fold_table()


def fold(text: str) -> str:
    """Return the search form of ``text``: lowercase ASCII letters for Vietnamese, single spaces.

    Removes case, tones and every diacritic (``đ`` → ``d``), accepts NFC or NFD input,
    collapses runs of whitespace to one space and strips the ends. Two strings match in a
    search when their folds match, e.g. ``fold("Đặng") == "dang"`` and
    ``fold("phong tỏa") == fold("phong toả") == "phong toa"``.
    """
    if text.isascii():
        return " ".join(text.lower().split())
    # translate() handles Latin letters and combining marks; lower() catches other scripts.
    return " ".join(text.translate(_FOLD_TABLE).lower().split())


# --------------------------------------------------------------------------------------------
# Collation
# --------------------------------------------------------------------------------------------

# The Vietnamese alphabet with f j w z at their Latin places, each letter spelt in NFD.
_ALPHABET = (
    "a",
    "a\u0306",  # ă
    "a\u0302",  # â
    "b",
    "c",
    "d",
    "đ",
    "e",
    "e\u0302",  # ê
    "f",
    "g",
    "h",
    "i",
    "j",
    "k",
    "l",
    "m",
    "n",
    "o",
    "o\u0302",  # ô
    "o\u031b",  # ơ
    "p",
    "q",
    "r",
    "s",
    "t",
    "u",
    "u\u031b",  # ư
    "v",
    "w",
    "x",
    "y",
    "z",
)
_VOWELS = frozenset("aeiouy")
# Tone marks in Vietnamese order: (none = 0), huyền, hỏi, ngã, sắc, nặng.
_TONE_MARKS = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}

# Primary weights. Digits use 0..999 (see _word_key), letters come after them and every other
# character after the letters, by code point.
_LETTER_BASE = 1000
_OTHER_BASE = 2000
_LETTER_RANK = {letter: _LETTER_BASE + i for i, letter in enumerate(_ALPHABET)}
_LETTER_RANK["ð"] = _LETTER_RANK["đ"]  # eth, a common stand-in for đ in converted text
_DIGITS = "0123456789"

# char -> (primary weight or None to skip, tone 0..5, 1 if uppercase else 0)
_CharInfo = tuple[int | None, int, int]


def _analyse(ch: str) -> _CharInfo:
    """Weights of one NFC character that is not a digit."""
    lower = ch.lower()
    upper = 1 if lower != ch else 0
    if len(lower) != 1:  # e.g. "İ".lower() is two characters
        lower = ch
    decomposed = unicodedata.normalize("NFD", lower)
    base, marks = decomposed[0], decomposed[1:]
    if unicodedata.combining(base):
        # A stray mark NFC could not attach: keep its tone, give it no letter weight.
        return None, _TONE_MARKS.get(base, 0), 0
    letter = base
    tone = 0
    for mark in marks:
        if mark in _TONE_MARKS and base in _VOWELS and tone == 0:
            tone = _TONE_MARKS[mark]
        elif base + mark in _LETTER_RANK and letter == base:
            letter = base + mark
    if letter in _LETTER_RANK:
        return _LETTER_RANK[letter], tone, upper
    return _OTHER_BASE + ord(lower), 0, upper


def _build_char_table() -> dict[str, _CharInfo]:
    table: dict[str, _CharInfo] = {}
    for letter in _ALPHABET:
        forms = [letter]
        if letter[0] in _VOWELS:
            forms += [letter + mark for mark in _TONE_MARKS]
        for form in forms:
            for cased in (form, form.upper()):
                ch = nfc(cased)
                if len(ch) == 1:
                    table[ch] = _analyse(ch)
    for ch in "ÐĐ":
        table[ch] = (_LETTER_RANK["đ"], 0, 1)
    return table


_CHAR_INFO = _build_char_table()

WordKey = tuple[tuple[int, ...], tuple[int, ...]]
SortKey = tuple[tuple[WordKey, ...], tuple[int, ...], str]
"""A collation key: per-word (letters, tones), then case, then the normalised text itself."""


def _word_key(word: str) -> tuple[WordKey, tuple[int, ...]]:
    """Letters and tones of one NFC word, and its case flags."""
    letters: list[int] = []
    tones: list[int] = []
    case: list[int] = []
    i, n = 0, len(word)
    while i < n:
        ch = word[i]
        if ch in _DIGITS:
            # A run of digits sorts as a number ("Tổ 2" before "Tổ 10"): its length, then
            # its digits. Equal prefixes imply equal lengths, so positions stay aligned.
            j = i + 1
            while j < n and word[j] in _DIGITS:
                j += 1
            run = word[i:j].lstrip("0") or "0"
            letters.append(min(len(run), _LETTER_BASE - 1))
            letters.extend(_DIGITS.index(d) for d in run)
            case.extend([0] * (j - i))
            i = j
            continue
        info = _CHAR_INFO.get(ch)
        if info is None:
            info = _CHAR_INFO[ch] = _analyse(ch)
        weight, tone, upper = info
        if weight is not None:
            letters.append(weight)
        if tone:
            tones.append(tone)
        case.append(upper)
        i += 1
    # A syllable carries one tone, wherever it is written ("hoà" = "hòa"); a word without
    # one (empty tuple) sorts before any toned word.
    return (tuple(letters), tuple(tones)), tuple(case)


# Names and place names reuse a few thousand syllables, so keys are cached per word.
_WORD_CACHE: dict[str, tuple[WordKey, tuple[int, ...]]] = {}
_WORD_CACHE_MAX = 100_000


def _key_of_words(words: list[str], text: str) -> SortKey:
    word_keys: list[WordKey] = []
    case: tuple[int, ...] = ()
    for word in words:
        cached = _WORD_CACHE.get(word)
        if cached is None:
            if len(_WORD_CACHE) >= _WORD_CACHE_MAX:
                _WORD_CACHE.clear()
            cached = _WORD_CACHE[word] = _word_key(word)
        word_keys.append(cached[0])
        case += cached[1]
    return tuple(word_keys), case, text


def sort_key(text: str) -> SortKey:
    """Collation key for any Vietnamese text (village names, units, ...), word by word.

    Within a word, letters compare in Vietnamese alphabet order (a ă â b c d đ e ê ... ư v x
    y; digits first, as numbers; other characters last); only when the letters are equal do
    tones decide (none, huyền, hỏi, ngã, sắc, nặng), then case (lowercase first). Keys are
    equal exactly when the NFC texts are equal after collapsing whitespace.
    """
    words = nfc(text).split()
    return _key_of_words(words, " ".join(words))


def name_sort_key(full_name: str) -> SortKey:
    """Collation key for a Vietnamese personal name: given name first, then the rest in order.

    "Nguyễn Văn An" sorts as "An Nguyễn Văn", so the list goes An, Ánh, Bình, ... and people
    with the same given name are ordered by family name, then middle names.
    """
    words = nfc(full_name).split()
    return _key_of_words(words[-1:] + words[:-1], " ".join(words))


# --------------------------------------------------------------------------------------------
# Dates
# --------------------------------------------------------------------------------------------

_MIN_YEAR, _MAX_YEAR = 1900, 2100
_DATE_HINT = "cần dạng ngày/tháng/năm, ví dụ 05/07/2021"
_DMY = re.compile(r"(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4})", re.ASCII)
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})", re.ASCII)
# Matched against fold()ed text, so case, tones and NFD input do not matter.
_LONG_DATE = re.compile(r"ngay\s*(\d{1,2})\s*thang\s*(\d{1,2})\s*nam\s*(\d{4})", re.ASCII)


def format_date(d: date | None) -> str:
    """Return ``d`` as "dd/mm/yyyy", or "" for None."""
    if d is None:
        return ""
    return f"{d.day:02d}/{d.month:02d}/{d.year:04d}"


def format_datetime(dt: datetime | None) -> str:
    """Return ``dt`` as "dd/mm/yyyy HH:MM", or "" for None."""
    if dt is None:
        return ""
    return f"{format_date(dt)} {dt.hour:02d}:{dt.minute:02d}"


def _make_date(year: int, month: int, day: int) -> date | None:
    if not _MIN_YEAR <= year <= _MAX_YEAR:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def parse_date(text: str) -> date:
    """Read a date typed as day/month/year ("5/7/2021", "05-07-2021", "05.07.2021") or ISO.

    Raises :class:`UserError` with a Vietnamese message when the text is empty, is not a
    date, has a two-digit year, or names a day that does not exist (31/02/2021).
    """
    stripped = text.strip()
    if not stripped:
        raise UserError(f"Chưa nhập ngày ({_DATE_HINT})")
    parsed: date | None = None
    if match := _DMY.fullmatch(stripped):
        day, _, month, year = match.groups()
        parsed = _make_date(int(year), int(month), int(day))
    elif match := _ISO.fullmatch(stripped):
        year, month, day = match.groups()
        parsed = _make_date(int(year), int(month), int(day))
    if parsed is None:
        shown = stripped if len(stripped) <= 40 else stripped[:40] + "…"
        raise UserError(f'Ngày không hợp lệ: "{shown}" ({_DATE_HINT})')
    return parsed


_MONTH_YEAR = re.compile(r"(?:thang|t)?\s*(\d{1,2})\s*[/.-]\s*(\d{4})", re.ASCII)
_YEAR_MONTH = re.compile(r"(\d{4})\s*[/.-]\s*(\d{1,2})", re.ASCII)


def parse_month(text: str) -> date:
    """The first day of a month typed as "12/2026", "tháng 12/2026", "T12-2026", "2026-12", or
    as any date in it ("15/12/2026"). Raises :class:`UserError` in Vietnamese otherwise."""
    folded = fold(text).strip()
    for pattern, order in ((_MONTH_YEAR, (1, 2)), (_YEAR_MONTH, (2, 1))):
        if match := pattern.fullmatch(folded):
            month, year = (int(match.group(i)) for i in order)
            if _MIN_YEAR <= year <= _MAX_YEAR and 1 <= month <= 12:
                return date(year, month, 1)
            break
    else:
        if _DMY.fullmatch(folded) or _ISO.fullmatch(folded):
            return parse_date(folded).replace(day=1)
    shown = text.strip() if len(text.strip()) <= 40 else text.strip()[:40] + "…"
    raise UserError(f'Tháng không hợp lệ: "{shown}" (cần dạng tháng/năm, ví dụ 12/2026)')


def format_long_date(d: date) -> str:
    """Return the Decree 30/2020 form "ngày 20 tháng 7 năm 2021" used on official documents.

    Decree 30 writes days below 10 and months below 3 with a leading zero:
    "ngày 05 tháng 02 năm 2021", "ngày 01 tháng 7 năm 2021".
    """
    month = f"{d.month:02d}" if d.month < 3 else str(d.month)
    return f"ngày {d.day:02d} tháng {month} năm {d.year}"


def parse_long_date(text: str) -> date | None:
    """Find the first "ngày 20 tháng 7 năm 2021" in ``text`` and return it, or None.

    Tolerates any spacing, leading zeros, capitals ("NGÀY"), missing or decomposed
    diacritics; skips matches that are not real dates (ngày 31 tháng 02).
    """
    for match in _LONG_DATE.finditer(fold(text)):
        day, month, year = match.groups()
        found = _make_date(int(year), int(month), int(day))
        if found is not None:
            return found
    return None
