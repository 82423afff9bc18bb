"""The words left to match items with once phrasing, years, role words and a trailing place
type are dropped."""

from __future__ import annotations

import re
from functools import lru_cache

from knowledge import lexicon
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
        if n := _plan_reference_at(toks, i):
            i += n  # 'KH 982', 'kế hoạch số 0124/KH-UBND': which plan, not what is asked of it
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


_PLAN_LABELS = (
    ("kh",),
    ("qd",),
    ("ke", "hoach"),
    ("quyet", "dinh"),
    # where in the plan, not what: 'theo phụ lục 01', 'mẫu biểu 01' (a table's items hold its words)
    ("phu", "luc"),
    ("mau", "bieu"),
    ("bieu",),
)


def _plan_reference_at(toks: list[Token], i: int) -> int:
    """How many tokens from `i` name a plan or one of its tables by number ('kh 982', 'ke hoach so
    0124 khubnd', 'phu luc 01'), 0 when none do (a year after 'kế hoạch' is a period, not a number)."""
    folds = [t.fold for t in toks[i : i + 5]]
    for label in _PLAN_LABELS:
        n = len(label)
        if tuple(folds[:n]) != label:
            continue
        if folds[n : n + 1] == ["so"]:
            n += 1
        if n < len(folds) and folds[n].isdigit() and not _YEARISH.match(folds[n]):
            n += 1
            if n < len(folds) and folds[n].startswith(("kh", "qd")) and folds[n] not in ("khi", "kho"):
                n += 1  # the number's tail ('/KH-UBND')
            return n
    return 0


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
