"""Vietnamese text in the encodings old commune files still use, turned into Unicode NFC.

Lists typed in the 2000s were kept with the TCVN3 ("ABC", .VnTime fonts) encoding: one byte a
letter, the accented letters in the upper half of the byte range. Saved as .csv from an old
Excel they reach us as bytes that are neither UTF-8 nor Windows-1258. :func:`decode_bytes`
tries UTF-8, then chooses among Windows-1258, TCVN3 and VNI by which gives Vietnamese words.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from fieldapp.text.vietnamese import nfc

# TCVN3 (ABC) byte -> Unicode letter. The all-caps fonts (.VnTimeH) reuse the lower-case codes,
# so accented capitals come out lower case; only these seven have capitals of their own.
_TCVN3_BYTES = "µ¸¶·¹¨»¾¼½Æ©ÇÊÈÉË®ÌÐÎÏÑªÒÕÓÔÖ×ÝØÜÞßãáâä«åèæçé¬êíëìîïóñòô\xadõøö÷ùúýûüþ"
_TCVN3_LETTERS = "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
TCVN3: dict[str, str] = dict(zip(_TCVN3_BYTES, _TCVN3_LETTERS, strict=True))
TCVN3.update({"¡": "Ă", "¢": "Â", "§": "Đ", "£": "Ê", "¤": "Ô", "¥": "Ơ", "¦": "Ư"})
_TCVN3_TABLE = str.maketrans(TCVN3)

_VIETNAMESE = set(
    "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
    "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
)


# VNI (VNI-Windows fonts): a vowel is written as its base letter followed by a mark byte.
_VNI_TONES = {"ù": "\u0301", "ø": "\u0300", "û": "\u0309", "õ": "\u0303", "ï": "\u0323"}
_VNI_HAT_TONES = {"á": "\u0301", "à": "\u0300", "å": "\u0309", "ã": "\u0303", "ä": "\u0323"}
_VNI_BREVE_TONES = {"é": "\u0301", "è": "\u0300", "ú": "\u0309", "ü": "\u0303", "ë": "\u0323"}


def _vni_table() -> dict[str, str]:
    import unicodedata

    def nfc_(text: str) -> str:
        return unicodedata.normalize("NFC", text)

    table: dict[str, str] = {}
    for upper in (False, True):

        def c(ch: str, upper: bool = upper) -> str:
            return ch.upper() if upper else ch

        for vowel in "aeouy":
            for mark, tone in _VNI_TONES.items():
                table[c(vowel) + c(mark)] = nfc_(c(vowel) + tone)
        for vowel in "aeo":  # â ê ô and their tones
            table[c(vowel) + c("â")] = nfc_(c(vowel) + "\u0302")
            for mark, tone in _VNI_HAT_TONES.items():
                table[c(vowel) + c(mark)] = nfc_(c(vowel) + "\u0302" + tone)
        table[c("a") + c("ê")] = nfc_(c("a") + "\u0306")  # ă and its tones
        for mark, tone in _VNI_BREVE_TONES.items():
            table[c("a") + c(mark)] = nfc_(c("a") + "\u0306" + tone)
        for horn, base in (("ô", "o"), ("ö", "u")):  # ơ ư and their tones
            for mark, tone in _VNI_TONES.items():
                table[c(horn) + c(mark)] = nfc_(c(base) + "\u031b" + tone)
    return table


_VNI_PAIRS = _vni_table()
_VNI_SINGLE = {
    "ô": "ơ", "Ô": "Ơ", "ö": "ư", "Ö": "Ư", "ñ": "đ", "Ñ": "Đ", "æ": "ỉ", "Æ": "Ỉ",
    "ó": "ĩ", "Ó": "Ĩ", "ò": "ị", "Ò": "Ị", "î": "ỵ", "Î": "Ỵ",
}  # fmt: skip
_VNI = {**_VNI_SINGLE, **_VNI_PAIRS}
_VNI_PATTERN = re.compile("|".join(sorted(map(re.escape, _VNI), key=len, reverse=True)))


def from_vni(text: str) -> str:
    """Text whose characters are VNI bytes read as Windows-1252, as Unicode NFC (pairs and
    single letters replaced in one pass, longest first, so "oâ" becomes ô, not ơ)."""
    return nfc(_VNI_PATTERN.sub(lambda m: _VNI[m.group(0)], text))


def from_tcvn3(text: str) -> str:
    """Text whose characters are TCVN3 bytes read as Latin-1, as Unicode NFC."""
    return nfc(text.translate(_TCVN3_TABLE))


def tcvn3_capitals(text: str) -> str:
    """Capitals typed in the all-caps TCVN3 fonts (.VnTimeH) put back: those fonts draw the
    lower-case codes as capitals, so "HUYÖN" converts to "HUYệN". A word with no lower-case
    ASCII letter and a capital after its first letter is in capitals ("HUYỆN", "ỦY",
    "ĐỒN"); a line with no lower-case ASCII letter and such a word with a Vietnamese letter
    in it, wholly ("CỘNG HÒA XÃ HỘI ...", "KẾ HOẠCH"). Ordinary words ("Số", "Rì") and
    lines ("Số: 412/UBND-VP") stay as they are."""
    out = []
    for line in text.split("\n"):
        words = line.split(" ")
        caps = [_in_capitals(w) for w in words]
        accented = any(cap and not w.isascii() for w, cap in zip(words, caps, strict=True))
        if accented and not any(c.islower() and c.isascii() for c in line):
            out.append(line.upper())
        else:
            out.append(
                " ".join(w.upper() if cap else w for w, cap in zip(words, caps, strict=True))
            )
    return "\n".join(out)


def _in_capitals(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    if any(c.islower() and c.isascii() for c in letters):
        return False
    return any(c.isupper() for c in letters[1:])


_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")


def _score(text: str) -> int:
    """How Vietnamese a decoded text looks: words with one tone count, words with two tones
    (never in Vietnamese: the sign of a wrong table) and stray symbols cost."""
    import unicodedata

    score = 0
    for word in text.split():
        if word.isascii():
            continue
        tones = sum(1 for ch in unicodedata.normalize("NFD", word) if ch in _TONES)
        if tones > 1:
            score -= 5
        elif any(ch in _VIETNAMESE for ch in word):
            score += 1
        score -= 3 * sum(1 for ch in word if "\x80" <= ch <= "\xbf" or ch == "\ufffd")
    return score


def decode_bytes(data: bytes) -> tuple[str, str]:
    """The text of ``data`` and the name of the encoding it was read with.

    UTF-8 (with or without BOM) when it decodes; otherwise the better of Windows-1258 and
    TCVN3 for Vietnamese. The result is NFC.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return nfc(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return nfc(data.decode("utf-16")), "utf-16"
    candidates = [
        (nfc(data.decode("cp1258", errors="replace")), "windows-1258"),
        (from_tcvn3(data.decode("latin-1")), "tcvn3"),
        (from_vni(data.decode("cp1252", errors="replace")), "vni"),
    ]
    sample = [(_score(text[:200_000]), -i) for i, (text, _n) in enumerate(candidates)]
    best = max(range(len(candidates)), key=lambda i: sample[i])
    return candidates[best]


# Letters only Unicode text has: text typed with TCVN3 or VNI fonts and read as Latin-1 or
# Windows-1252 never contains them.
_UNICODE_ONLY = frozenset(ch for ch in _VIETNAMESE if ord(ch) > 0xFF)


def font_name(encoding: str) -> str:
    """The old fonts an encoding name stands for, as an official knows them."""
    return {"tcvn3": "TCVN3 (.VnTime)", "vni": "VNI"}.get(encoding, encoding)


def has_unicode_letters(text: str) -> bool:
    """Has ``text`` a Vietnamese letter only Unicode has (ạ, ơ, đ...)? Then it is Unicode."""
    return any(ch in _UNICODE_ONLY for ch in text)


def legacy_decoder(texts: list[str]) -> tuple[Callable[[str], str] | None, str]:
    """For the text cells of a sheet's first rows: the function that turns the sheet's text
    into Unicode when it was typed with the old TCVN3 (.VnTime) or VNI fonts, and the name of
    that encoding; ``(None, "")`` when the text is Unicode already (as it almost always is).

    Spreadsheets keep what was typed with those fonts as Latin-1 letters ("Hä vµ tªn" for
    "Họ và tên"). Converted only when the sample has no letter that only Unicode has (ạ, ơ,
    đ...) and a conversion reads clearly more Vietnamese than the text as it is.
    """
    sample = " ".join(texts)[:200_000]
    if sample.isascii() or any(ch in _UNICODE_ONLY for ch in sample):
        return None, ""
    words = sum(1 for w in sample.split() if not w.isascii())
    best: tuple[int, Callable[[str], str] | None, str] = (_score(sample), None, "")
    for name, convert in (("tcvn3", from_tcvn3), ("vni", from_vni)):
        score = _score(convert(sample))
        if score > best[0] + max(2, words // 5):
            best = (score, convert, name)
    return best[1], best[2]
