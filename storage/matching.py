"""Fuzzy matching of a free-text item name to stored items (rapidfuzz)."""

from __future__ import annotations

from typing import Protocol, TypeVar

from rapidfuzz import fuzz

from knowledge.text import fold


class Named(Protocol):
    name: str


T = TypeVar("T", bound=Named)


def best_item_for(text: str, items: list[T], cutoff: float = 80.0) -> T | None:
    """The item whose folded name best matches `text`, if any clears `cutoff`."""
    query = fold(text)
    best: tuple[float, T] | None = None
    for item in items:
        score = fuzz.token_set_ratio(query, fold(item.name), score_cutoff=cutoff)
        if score and (best is None or score > best[0]):
            best = (score, item)
    return best[1] if best else None
