"""Stable keys: the identity of a plan and of an item across document versions."""

from __future__ import annotations

from knowledge.question import bare_fold
from knowledge.text import fold


def plan_key(
    locality_key: str | None,
    period_start: int | None,
    period_end: int | None,
    source: str,
    amendment: str | None = None,
) -> str:
    """Two versions of the same plan share locality and period; without a locality
    the file name is all we have. An amendment ('Kế hoạch điều chỉnh, bổ sung …',
    named by its number) is a plan of its own beside the one it amends, so the
    items it leaves alone stay in force."""
    if locality_key:
        key = f"{locality_key}:{period_start or ''}-{period_end or ''}"
    else:
        key = f"source:{fold(source)}"
    return f"{key} | amendment {fold(amendment)}" if amendment else key


def locality_key(name: str, parent: str | None, province: str | None, taken: set[str]) -> str:
    """The folded name; a same-named place of another district or province adds
    it ('xa tan lap | dan phuong'), and a counter when nothing tells them apart."""
    key = fold(name)
    if key not in taken:
        return key
    for where in (parent, province):
        if where and f"{key} | {bare_fold(where)}" not in taken:
            return f"{key} | {bare_fold(where)}"
    n = 2
    while f"{key} | {n}" in taken:
        n += 1
    return f"{key} | {n}"


def item_key(name: str, extra: str | None = None) -> str:
    key = fold(name)[:200]
    if extra:
        key += " | " + fold(extra)[:90]
    return key
