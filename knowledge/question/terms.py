"""The words left to match items with once phrasing, years, role words and a trailing place
type are dropped."""

from __future__ import annotations

import re
from functools import lru_cache

from knowledge import lexicon
from knowledge.question import plan_refs
from knowledge.question.tokens import Token
from knowledge.text import strip_diacritics

_ROLE_WORDS = ("chu tri", "tham muu", "phu trach", "chi dao", "chiu trach nhiem", "phoi hop")


def without_role_words(toks: list[Token]) -> list[Token]:
    folded = [t.fold for t in toks]
    drop: set[int] = set()
    for phrase in _ROLE_WORDS:
        words = phrase.split()
        n = len(words)
        for i in range(len(folded) - n + 1):
            if folded[i : i + n] == words:
                drop.update(range(i, i + n))
    kept = [t for i, t in enumerate(toks) if i not in drop]
    return kept or toks


_YEARISH = re.compile(r"^(?:19|20)\d\d$")


def content_terms(toks: list[Token]) -> list[Token]:
    """Drop question phrasing, years and a trailing place type."""
    out: list[Token] = []
    phrases = _phrases_by_first()
    i = 0
    while i < len(toks):
        n = _phrase_at(toks, i, phrases.get(toks[i].fold, ()))
        if n:
            i += n
            continue
        if ref := plan_refs.reference_at([t.fold for t in toks[i : i + 5]]):
            # 'KH 982', 'kế hoạch số 0124/KH-UBND', 'phụ lục 01': which plan (or table of it),
            # not what is asked of it
            i += ref.length
            continue
        t = toks[i]
        if _YEARISH.match(t.fold):
            if out and out[-1].fold in ("nam", "den", "toi", "doan"):
                out.pop()
            i += 1
            continue
        out.append(t)
        i += 1
    while out and out[-1].fold in ("xa", "phuong", "thi", "tran", "huyen"):
        out.pop()
    return out


@lru_cache(maxsize=1)
def _phrases_by_first() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Question phrases grouped by the folded first word, longest first."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for ph in lexicon.phrase_tokens():
        out.setdefault(strip_diacritics(ph[0]), []).append(ph)
    return {k: tuple(v) for k, v in out.items()}


def _phrase_at(toks: list[Token], i: int, phrases: tuple[tuple[str, ...], ...]) -> int:
    """Length of the question phrase starting at toks[i] (0 when none).
    A token typed with diacritics must match them; one typed without matches any
    word of a longer phrase, and a one-word phrase only when it has no diacritics
    itself ('co' may be 'cơ', never dropped as 'có')."""
    for ph in phrases:
        n = len(ph)
        if i + n > len(toks):
            continue
        if n == 1:
            if toks[i].acc == ph[0]:
                return 1
            continue
        if all(_same_word(toks[i + k], ph[k]) for k in range(n)):
            return n
    return 0


def _same_word(tok: Token, word_acc: str) -> bool:
    if tok.accented:
        return tok.acc == word_acc
    return tok.fold == strip_diacritics(word_acc)
