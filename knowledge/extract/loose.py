"""Regular expressions that also read a plan typed without diacritics.

Some plans come typed without accents ('UY BAN NHAN DAN XA ...', 'So: 15/KH-UBND',
'Trong do: ...'). ``loose`` rewrites a pattern so that each accented letter written in
it also matches its bare letter ('ủ' reads 'ủ' or 'u', 'Đ' reads 'Đ' or 'D'); escapes
and character classes are left as written."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache

from knowledge.text import strip_diacritics

__all__ = ["Dual", "bare_now", "is_bare", "loose", "loose_compile", "reading_bare"]


@lru_cache(maxsize=1024)
def loose(pattern: str) -> str:
    out: list[str] = []
    i, in_class = 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            out.append(pattern[i : i + 2])
            i += 2
            continue
        if in_class:
            if c == "]":
                in_class = False
            out.append(c)
        elif c == "[":
            in_class = True
            out.append(c)
            # a ']' first in the class (or after '^') is a literal
            if pattern[i + 1 : i + 2] == "^":
                out.append("^")
                i += 1
            if pattern[i + 1 : i + 2] == "]":
                out.append("]")
                i += 1
        elif c.isalpha() and not c.isascii():
            bare = strip_diacritics(c)
            out.append(f"[{c}{bare}]" if bare != c and bare.isascii() else c)
        else:
            out.append(c)
        i += 1
    return "".join(out)


def loose_compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    return re.compile(loose(pattern), flags)


_BARE_DOC: ContextVar[bool] = ContextVar("bare_doc", default=False)


def is_bare(text: str) -> bool:
    """True for a text typed without diacritics (next to no accented letter)."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 200:
        return False
    accented = sum(1 for c in letters if not c.isascii())
    return accented / len(letters) < 0.01


def bare_now() -> bool:
    """Whether a document typed without diacritics is being read."""
    return _BARE_DOC.get()


@contextmanager
def reading_bare(bare: bool) -> Iterator[None]:
    """Within the block, every ``Dual`` pattern also reads unaccented words (when ``bare``)."""
    token = _BARE_DOC.set(bare)
    try:
        yield
    finally:
        _BARE_DOC.reset(token)


class Dual:
    """A pattern compiled twice: as written, and ``loose``; the loose one serves while a
    document typed without diacritics is read (``reading_bare``), so accented plans keep
    their strict reading ('quan' is no 'quận' there)."""

    __slots__ = ("_loose", "_strict")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._strict = re.compile(pattern, flags)
        self._loose = re.compile(loose(pattern), flags)

    @property
    def rx(self) -> re.Pattern[str]:
        return self._loose if _BARE_DOC.get() else self._strict

    @property
    def pattern(self) -> str:
        return self._strict.pattern

    def match(self, s: str, *a: int) -> re.Match[str] | None:
        return self.rx.match(s, *a)

    def fullmatch(self, s: str, *a: int) -> re.Match[str] | None:
        return self.rx.fullmatch(s, *a)

    def search(self, s: str, *a: int) -> re.Match[str] | None:
        return self.rx.search(s, *a)

    def finditer(self, s: str, *a: int) -> Iterator[re.Match[str]]:
        return self.rx.finditer(s, *a)

    def findall(self, s: str, *a: int) -> list:
        return self.rx.findall(s, *a)

    def split(self, s: str, maxsplit: int = 0) -> list:
        return self.rx.split(s, maxsplit)

    def sub(self, repl, s: str, count: int = 0) -> str:
        return self.rx.sub(repl, s, count)
