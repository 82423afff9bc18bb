"""A question's words: abbreviations and phone shorthand expanded, each token kept accented
and folded (with its synonyms), one spelling of i/y."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from knowledge import abbreviations, lexicon
from knowledge.text import clean, fold, match_key


@dataclass(frozen=True)
class Token:
    acc: str  # lower case, diacritics kept, tone placement unified
    fold: str  # no diacritics

    @property
    def accented(self) -> bool:
        return self.acc != self.fold


_WORD = re.compile(r"[^\W_]+(?:[/][^\W_]+)*|%|‰", re.UNICODE)
_NUM_SEP = re.compile(r"(?<=\d)[.,](?=\d)")
_ABBR_HYPHEN = re.compile(r"\b([A-ZĐ]{1,5})\s*-\s*([A-ZĐ]{1,5})\b")
# 'KH&CN', 'NN&MT': one abbreviation written in two halves — but 'HĐND & UBND' are two
_ABBR_AMPERSAND = re.compile(r"\b([A-ZĐ]{1,5})&([A-ZĐ]{1,5})\b")


# A Vietnamese syllable without diacritics: a lower-case token of this shape is
# a word ('cap' = 'cấp'), never an abbreviation; 'bhyt', 'gpmb', 'antt' are not.
_SYLLABLE = re.compile(
    r"^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(?:ng|nh|ch|[cmnpt])?$"
)
# a lone 'y' never takes a final consonant ('tyt' is 'TYT', not a syllable; 'quynh' is 'qu' + 'y')
_NOT_SYLLABLE = re.compile(r"^(?:ngh|ng|nh|ch|gh|kh|ph|th|tr|[bcdghklmnprstvx])?y(?:ng|nh|ch|[cmnpt])$")


def expand_abbreviations(text: str) -> str:
    """'Tỷ lệ BHYT' -> 'Tỷ lệ bảo hiểm y tế'; 'KT-XH' -> 'kinh tế xã hội'; 'bhyt' too,
    but a lower-case word that could be a syllable ('cap') stays."""
    # 'CT' is 'Chủ tịch', but before a programme's name 'Chương trình' ('CT MTQG giảm nghèo'):
    # written out first, before 'CT-MTQG' is joined into one word below
    text = abbreviations.expand_by_next(text)
    text = _ABBR_HYPHEN.sub(r"\1\2", text)
    text = _ABBR_AMPERSAND.sub(
        lambda m: m.group(1) + m.group(2) if m.group(1) + m.group(2) in lexicon.ABBREVIATIONS else m.group(0),
        text,
    )
    folded = lexicon.folded_abbreviations()
    long_acc = lexicon.long_forms()

    def sub(m: re.Match[str]) -> str:
        word = m.group(0)
        if word.isupper() and word in lexicon.ABBREVIATIONS:
            return lexicon.ABBREVIATIONS[word]
        key = _fold_word(word.lower())
        if key not in folded:
            return word
        if word.isupper() or (word == key and (not _SYLLABLE.match(key) or _NOT_SYLLABLE.match(key))):
            return long_acc[key]
        return word

    return re.sub(r"[^\W_]+", sub, text)


def tokens_of(text: str | None) -> list[Token]:
    """Normalised tokens: NFC, legacy glyphs fixed, abbreviations expanded,
    number separators dropped ('1.900' -> '1900'), each kept accented and folded."""
    if not text:
        return []
    t = expand_abbreviations(clean(text))
    t = _NUM_SEP.sub("", match_key(t))
    out = []
    for w in _WORD.findall(t):
        for part in w.split("/"):
            if part:
                word = unify_spelling(part)
                out.append(Token(word, _fold_word(word) or word))
    return _with_synonyms(out)


def _with_synonyms(toks: list[Token]) -> list[Token]:
    """'rác thải' -> 'chất thải rắn' (lexicon.SYNONYMS), on both sides of every match."""
    table = lexicon.folded_synonyms()
    if not table:
        return toks
    firsts = {k[0] for k in table}
    out: list[Token] = []
    i = 0
    while i < len(toks):
        if toks[i].fold in firsts:
            for key, canonical in table.items():
                n = len(key)
                if tuple(t.fold for t in toks[i : i + n]) == key:
                    out += [Token(w, _fold_word(w)) for w in canonical.split()]
                    i += n
                    break
            else:
                out.append(toks[i])
                i += 1
            continue
        out.append(toks[i])
        i += 1
    return out


# 'tỉ lệ'/'tỷ lệ', 'kĩ'/'kỹ', 'lí'/'lý', 'quí'/'quý': both spellings are in use;
# matching takes the 'y' one on both sides
_I_TO_Y = str.maketrans("iìíỉĩị", "yỳýỷỹỵ")
_I_FINAL = re.compile(r"^(?:h|k|l|m|s|t|qu)[iìíỉĩị]$")


def unify_spelling(word: str) -> str:
    """One spelling of the syllables written with either a final 'i' or 'y'."""
    if len(word) <= 3 and _I_FINAL.match(word):
        return word[:-1] + word[-1].translate(_I_TO_Y)
    return word


@lru_cache(maxsize=1 << 16)
def _fold_word(word: str) -> str:
    """fold() of one word; words repeat, so remembered."""
    return fold(word)


def folded_text(text: str | None) -> str:
    """The folded, abbreviation-expanded form used on both sides of a match."""
    return " ".join(t.fold for t in tokens_of(text))


# Phone shorthand in questions ('bn' = bao nhiêu, 'j' = gì): whole lower-case words only
_SHORTHAND = {
    "bn": "bao nhiêu",
    "bnh": "bao nhiêu",
    "j": "gì",
    "ko": "không",
    "k": "không",
    "kh": "không",
    "dc": "được",
    "đc": "được",
    "ntn": "như thế nào",
    "tn": "thế nào",
    "r": "rồi",
    "vs": "với",
}
_SHORTHAND_RE = re.compile(
    r"(?<![\w/])(" + "|".join(sorted(map(re.escape, _SHORTHAND), key=len, reverse=True)) + r")(?![\w/])"
)


# 'việc của dc Sâm': after 'của', 'giao cho', 'do' a 'dc' is a comrade ('đ/c'), not 'được'
_COMRADE_RE = re.compile(r"(?<![\w/])(của|cua|cho|do|thuộc|thuoc)\s+(?:dc|đc)(?![\w/])", re.IGNORECASE)


def expand_shorthand(text: str) -> str:
    """'thu ngân sách bn' -> 'thu ngân sách bao nhiêu' (a question's own shorthand)."""
    text = _COMRADE_RE.sub(lambda m: f"{m.group(1)} đ/c", text)
    return _SHORTHAND_RE.sub(lambda m: _SHORTHAND[m.group(1)], text)
