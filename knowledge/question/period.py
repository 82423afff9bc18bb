"""The years or the period a question asks about."""

from __future__ import annotations

import re
from dataclasses import dataclass

_RANGE = re.compile(r"\b(20\d\d)\s*(?:-|\s|den|toi)\s*(?:nam\s*)?(20\d\d)\b")
_UNTIL = re.compile(r"\b(?:den|toi|truoc)\s+(?:nam\s+)?(20\d\d)\b")
_YEAR = re.compile(r"\b(20\d\d)\b")


@dataclass
class Period:
    year: int | None = None  # the year the question is about
    start: int | None = None
    end: int | None = None


def parse_period(folded: str) -> Period:
    if m := _RANGE.search(folded):
        a, b = int(m.group(1)), int(m.group(2))
        return Period(year=b, start=a, end=b)
    if m := _UNTIL.search(folded):
        y = int(m.group(1))
        return Period(year=y, end=y)
    if m := _YEAR.search(folded):
        y = int(m.group(1))
        return Period(year=y, start=y, end=y)
    return Period()
