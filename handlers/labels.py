"""Button labels that no two in one keyboard read the same. Several items of one name
('Nông nghiệp' as a share and as a value; 'Tỷ lệ hộ nghèo' of four places) get what
tells them apart after the name, most telling first: the place, the plan's number,
the heading the item stands under, who carries it out (one task of a table row per
unit), its kind ('Nông nghiệp · Các chỉ tiêu kinh tế').
A hint they all share is not added. Two buttons that still read the same are one
item quoted twice (prose and table: the later is dropped) or two long names alike in
their first words (numbered)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from knowledge.item_kinds import KINDS, TRACKED
from knowledge.text import fold
from storage.progress import Item

LABEL_CHARS = 58  # what a phone shows of a button
HINT_CHARS = 24
KIND_WORDS = {k: KINDS[k].word for k in TRACKED}  # "chỉ tiêu", "nhiệm vụ"
Buttons = list[list[tuple[str, str]]]


@dataclass(frozen=True)
class Choice:
    name: str
    data: str  # the button's callback data
    hints: tuple[str, ...] = ()  # what may tell it apart from a same-named one, most telling first


def item_choice(item: Item, data: str) -> Choice:
    hints = (
        item.locality_name or "",
        item.plan_short,
        item.group or "",
        item.responsible or "",
        KIND_WORDS.get(item.kind, ""),
    )
    return Choice(item.name, data, hints)


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _label(name: str, parts: Sequence[str], limit: int) -> str:
    if not parts:
        return _clip(name, limit)
    tail = " · " + " · ".join(_clip(p, HINT_CHARS) for p in parts)
    return _clip(name, max(limit - len(tail), 12)) + tail


def _clashes(labels: Sequence[str]) -> list[list[int]]:
    """Groups of two or more indices whose labels read the same."""
    by_label: dict[str, list[int]] = {}
    for i, label in enumerate(labels):
        by_label.setdefault(fold(label), []).append(i)
    return [group for group in by_label.values() if len(group) > 1]


def distinct_labels(choices: Sequence[Choice], limit: int = LABEL_CHARS) -> list[str | None]:
    """A label per choice, None for a choice dropped as a repeat of an earlier one."""
    parts: list[list[str]] = [[] for _ in choices]
    labels = [_label(c.name, [], limit) for c in choices]
    depth = max((len(c.hints) for c in choices), default=0)
    for level in range(depth):
        for group in _clashes(labels):
            said = [choices[i].hints[level] if level < len(choices[i].hints) else "" for i in group]
            if len({fold(h) for h in said}) < 2:
                continue  # a hint they share tells nothing
            for i, hint in zip(group, said, strict=True):
                if hint:
                    parts[i].append(hint)
                    labels[i] = _label(choices[i].name, parts[i], limit)
    out: list[str | None] = list(labels)
    for group in _clashes(labels):
        first = choices[group[0]]
        for n, i in enumerate(group[1:], start=2):
            same = fold(choices[i].name) == fold(first.name) and choices[i].hints == first.hints
            out[i] = None if same else _label(choices[i].name, [*parts[i], f"({n})"], limit)
    return out


def distinct_rows(choices: Sequence[Choice], limit: int = LABEL_CHARS) -> Buttons:
    """One button a row; the same data twice is one button."""
    unique = list({c.data: c for c in reversed(choices)}.values())[::-1]
    return [
        [(label, c.data)] for c, label in zip(unique, distinct_labels(unique, limit), strict=True) if label
    ]
