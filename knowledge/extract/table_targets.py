"""Target cells of indicator tables ('≥ 15', '50 - 100', 'Đạt') as `Target`s.

Uses `knowledge.numbers.parse_target` when that module is present; until then a
small local parser covers the forms tables print."""

from __future__ import annotations

import re
from collections.abc import Callable

from knowledge.model import Target
from knowledge.text import fold

_NUM = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?"
_RANGE = re.compile(rf"({_NUM})\s*[-–÷]\s*({_NUM})")
_FIRST = re.compile(_NUM)
_GE = re.compile(r"^(?:≥|>=|=>)|\b(?:tren|toi thieu|it nhat|khong thap hon|tro len|tu)\b")
_LE = re.compile(r"^(?:≤|<=|=<)|\b(?:duoi|toi da|khong qua|khong vuot)\b")
_STATUS = re.compile(r"^(?:dat|hoan thanh|duy tri|giu vung|khong con|khong de|co|hang nam)\b")


def _vi_number(text: str) -> float:
    """'1.234,5' -> 1234.5; '15,2' -> 15.2; '97.45' -> 97.45."""
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", text):
        return float(text.replace(".", "").replace(",", "."))
    return float(text.replace(",", "."))


def _local_parse(text: str) -> Target:
    t = text.strip()
    key = fold(t)
    rng = _RANGE.search(t)
    if rng:
        lo, hi = _vi_number(rng.group(1)), _vi_number(rng.group(2))
        if lo >= 1900 and hi <= 2100 and lo.is_integer():  # '2026 - 2027' is a timeframe
            return Target(text=t)
        return Target(text=t, value=lo, comparator="range", max_value=hi)
    m = _FIRST.search(t)
    if m is None:
        return Target(text=t, comparator="status" if _STATUS.match(key) else None)
    unit = "%" if "%" in t[m.end() : m.end() + 3] else None
    if t.startswith(">") and not t.startswith(">="):
        comparator = ">"
    elif t.startswith("<") and not t.startswith("<="):
        comparator = "<"
    elif _GE.search(t) or _GE.search(key):
        comparator = ">="
    elif _LE.search(t) or _LE.search(key):
        comparator = "<="
    else:
        comparator = "="
    return Target(text=t, value=_vi_number(m.group(0)), comparator=comparator, unit=unit)


def _resolve() -> Callable[[str], Target]:
    try:
        from knowledge.numbers import parse_target as shared  # type: ignore[import-not-found]
    except ImportError:
        return _local_parse
    return shared  # type: ignore[no-any-return]


def parse_target(text: str) -> Target:
    return _resolve()(text)
