"""Regular expressions that also read a plan typed without diacritics.

Some plans come typed without accents ('UY BAN NHAN DAN XA ...', 'So: 15/KH-UBND',
'Trong do: ...'). ``loose`` rewrites a pattern so that each accented letter written in
it also matches its bare letter ('ủ' reads 'ủ' or 'u', 'Đ' reads 'Đ' or 'D'); escapes
and character classes are left as written.

Which of the two forms a ``Dual`` pattern matches with is the caller's ``Reading``,
decided once where a document (or an item) is read and handed down to every matcher:
no module state changes what a pattern means."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from knowledge.text import strip_diacritics, typed_without_diacritics

__all__ = ["ACCENTED", "Dual", "Reading", "loose", "loose_compile"]


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


@dataclass(frozen=True)
class Reading:
    """How the words of one text are matched: ``bare`` when it was typed without diacritics,
    so every ``Dual`` pattern also reads its unaccented words; an accented text keeps the
    strict reading ('quan' is no 'quận' there)."""

    bare: bool = False

    @classmethod
    def of_document(cls, text: str) -> Reading:
        """A whole document's reading: bare when next to no letter of it is accented."""
        return cls(bare=typed_without_diacritics(text))

    @classmethod
    def of_item(cls, text: str) -> Reading:
        """One item's reading ('Ty le ho ngheo giam con duoi 8,4%'): a dozen letters, none accented."""
        return cls(bare=typed_without_diacritics(text, min_letters=12, stray=0))


# The reading of text known to carry its diacritics.
ACCENTED = Reading(bare=False)


class Dual:
    """A pattern compiled twice: as written, and ``loose``; ``rx(reading)`` gives the one a
    text's reading asks for (the loose one for a text typed without diacritics)."""

    __slots__ = ("_loose", "_strict")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._strict = re.compile(pattern, flags)
        self._loose = re.compile(loose(pattern), flags)

    def rx(self, reading: Reading) -> re.Pattern[str]:
        return self._loose if reading.bare else self._strict

    @property
    def pattern(self) -> str:
        return self._strict.pattern
