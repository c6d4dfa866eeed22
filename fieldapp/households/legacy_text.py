"""Vietnamese text in the encodings old commune files still use, turned into Unicode NFC.

Lists typed in the 2000s were kept with the TCVN3 ("ABC", .VnTime fonts) encoding: one byte a
letter, the accented letters in the upper half of the byte range. Saved as .csv from an old
Excel they reach us as bytes that are neither UTF-8 nor Windows-1258. :func:`decode_bytes`
tries UTF-8, then chooses between Windows-1258 and TCVN3 by which gives Vietnamese words.
"""

from __future__ import annotations

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


def from_tcvn3(text: str) -> str:
    """Text whose characters are TCVN3 bytes read as Latin-1, as Unicode NFC."""
    return nfc(text.translate(_TCVN3_TABLE))


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
    ]
    sample = [(_score(text[:200_000]), -i) for i, (text, _n) in enumerate(candidates)]
    best = max(range(len(candidates)), key=lambda i: sample[i])
    return candidates[best]
