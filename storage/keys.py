"""Stable keys: the identity of a plan and of an item across document versions."""

from __future__ import annotations

from knowledge.text import fold


def plan_key(locality: str | None, period_start: int | None, period_end: int | None, source: str) -> str:
    """Two versions of the same plan share locality and period; without a locality
    the file name is all we have."""
    if locality:
        return f"{fold(locality)}:{period_start or ''}-{period_end or ''}"
    return f"source:{fold(source)}"


def item_key(name: str, extra: str | None = None) -> str:
    key = fold(name)[:200]
    if extra:
        key += " | " + fold(extra)[:90]
    return key
