"""Vietnamese text normalisation: display form and search keys.

`clean` keeps the text as a reader would want to see it (NFC, legacy PDF glyphs
fixed, spaces squeezed). `match_key` unifies tone-mark placement so 'hoà' and
'hòa' compare equal. `fold` drops every diacritic for accent-free matching
(questions typed on phones without a Vietnamese keyboard)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Glyphs PDF extraction emits in place of Vietnamese letters (legacy TCVN/VNI fonts).
LEGACY_GLYPHS = str.maketrans(
    {
        "ƣ": "ư",
        "Ƣ": "Ư",
        "\u00a0": " ",  # no-break space
        "\u200b": "",  # zero-width space
        "\ufeff": "",  # byte-order mark
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u00ad": "",  # soft hyphen
        "ﬁ": "fi",
        "ﬂ": "fl",
    }
)

# Old-style tone placement -> new style (the tone goes on the main vowel).
_OLD_TONES = {
    "òa": "oà",
    "óa": "oá",
    "ỏa": "oả",
    "õa": "oã",
    "ọa": "oạ",
    "òe": "oè",
    "óe": "oé",
    "ỏe": "oẻ",
    "õe": "oẽ",
    "ọe": "oẹ",
    "ùy": "uỳ",
    "úy": "uý",
    "ủy": "uỷ",
    "ũy": "uỹ",
    "ụy": "uỵ",
}
# We normalise towards the *modern* placement used by underthesea.text_normalize:
# 'hoà' -> 'hòa', 'thuỷ' -> 'thủy'.
_TO_MODERN = {new: old for old, new in _OLD_TONES.items()}
_TONE_RE = re.compile("|".join(sorted(map(re.escape, _TO_MODERN), key=len, reverse=True)))
_TONE_RE_UPPER = re.compile(
    "|".join(sorted((re.escape(k.upper()) for k in _TO_MODERN), key=len, reverse=True))
)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def clean(text: str | None) -> str:
    """Display form: NFC, legacy glyphs fixed, runs of whitespace squeezed."""
    if not text:
        return ""
    t = nfc(text).translate(LEGACY_GLYPHS)
    return " ".join(t.split())


def unify_tones(text: str) -> str:
    """'hoà' -> 'hòa', 'thuỷ' -> 'thủy' (only where a consonant does not follow)."""

    def lower_sub(m: re.Match[str]) -> str:
        end = m.end()
        nxt = m.string[end : end + 1]
        if nxt and nxt.isalpha():  # 'hoàn' stays: the tone is already on the right vowel
            return m.group(0)
        if _after_qu(m):  # 'quỹ', 'quý': the 'u' belongs to 'qu', the 'y' is the vowel
            return m.group(0)
        return _TO_MODERN[m.group(0)]

    def upper_sub(m: re.Match[str]) -> str:
        end = m.end()
        nxt = m.string[end : end + 1]
        if (nxt and nxt.isalpha()) or _after_qu(m):
            return m.group(0)
        return _TO_MODERN[m.group(0).lower()].upper()

    t = _TONE_RE.sub(lower_sub, text)
    return _TONE_RE_UPPER.sub(upper_sub, t)


def _after_qu(m: re.Match[str]) -> bool:
    return m.start() > 0 and m.string[m.start() - 1] in "qQ"


def match_key(text: str | None) -> str:
    """Lower-cased, cleaned, tone placement unified; diacritics kept."""
    return unify_tones(clean(text).lower())


def strip_diacritics(text: str) -> str:
    if text.isascii():
        return text
    t = text.replace("đ", "d").replace("Đ", "D")
    t = unicodedata.normalize("NFD", t)
    return unicodedata.normalize("NFC", "".join(c for c in t if not unicodedata.combining(c)))


def typed_without_diacritics(text: str, *, min_letters: int = 200, stray: float = 0.01) -> bool:
    """True for a text typed without diacritics ('UY BAN NHAN DAN XA ...', 'Ty le ho ngheo
    giam con duoi 8,4%'): at least `min_letters` letters, and fewer than a `stray` share of
    them accented. A whole document tolerates a few (a name pasted in with its accents);
    a short item, read with `stray=0`, none (accented prose has some in every phrase)."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) < min_letters:
        return False
    accented = sum(1 for c in letters if not c.isascii())
    return accented == 0 or accented / len(letters) < stray


_NON_WORD = re.compile(r"[^0-9a-z%‰]+")
_NUM_SEP = re.compile(r"(?<=\d)[.,](?=\d)")


@lru_cache(maxsize=32768)  # extractors compare the same names many times
def fold(text: str | None) -> str:
    """Accent-free search key: lower case, no diacritics, number separators
    dropped ('1.900' == '1900'), punctuation squeezed into single spaces."""
    if not text:
        return ""
    t = strip_diacritics(clean(text).lower())
    t = _NUM_SEP.sub("", t)
    return " ".join(_NON_WORD.sub(" ", t).split())


def fold_tokens(text: str | None) -> list[str]:
    return fold(text).split()
