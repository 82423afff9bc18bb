"""Browsing a place's plan without a keyword ('/chitieu' alone): its groups as
the plan heads them ('Chỉ tiêu kinh tế'), then a group's items page by page.
An officer's own items (those his parties report) come first, and a group of
his own ('Việc của tôi') heads the list."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

from sqlalchemy import Engine

from storage.db import session_factory
from storage.ownership import own_keys
from storage.progress import Item, Progress, current_items, get_item, latest_progress

PAGE_SIZE = 8
MINE = -1  # the index of the asker's own items
OTHERS = "Các mục khác"  # items the plan puts under no heading


@dataclass(frozen=True)
class Group:
    index: int  # position in the place's list: stable while its plans stay the same
    name: str
    count: int
    own: int  # how many of them the asker reports


@dataclass
class Page:
    group: Group
    items: list[Item]
    page: int  # 0-based
    pages: int
    own: set[tuple[str, int]] = field(default_factory=set)
    latest: dict[tuple[str, int], Progress | None] = field(default_factory=dict)


def _place(
    engine: Engine, locality_key: str, kinds: Collection[str], party_ids: Collection[int]
) -> tuple[list[tuple[str, list[Item]]], set[tuple[str, int]]]:
    """The groups of the place's current plans in the plans' order, and the asker's own items."""
    with session_factory(engine)() as session:
        items = [i for i in current_items(session, locality_key) if i.kind in kinds]
        own = own_keys(session, party_ids)
    by_name: dict[str, list[Item]] = {}
    for item in items:
        by_name.setdefault((item.group or OTHERS).strip(), []).append(item)
    return list(by_name.items()), own


def _own_first(items: list[Item], own: set[tuple[str, int]]) -> list[Item]:
    return sorted(items, key=lambda i: (i.kind, i.id) not in own)  # stable: the plan's order otherwise


def groups(
    engine: Engine, locality_key: str, kinds: Collection[str], party_ids: Collection[int] = ()
) -> list[Group]:
    """The place's groups; the asker's own items first as a group of their own."""
    named, own = _place(engine, locality_key, kinds, party_ids)
    out = [
        Group(n, name, len(items), sum((i.kind, i.id) in own for i in items))
        for n, (name, items) in enumerate(named)
    ]
    mine = sum(g.own for g in out)
    return ([Group(MINE, "", mine, mine)] if mine else []) + out


def group_page(
    engine: Engine,
    locality_key: str,
    kinds: Collection[str],
    index: int,
    page: int,
    party_ids: Collection[int] = (),
    with_progress: bool = False,
) -> Page | None:
    """One page of a group's items (None: the group is gone, as after a new plan)."""
    named, own = _place(engine, locality_key, kinds, party_ids)
    if index == MINE:
        items = [i for _, group in named for i in group if (i.kind, i.id) in own]
        name = ""
    elif 0 <= index < len(named):
        name, items = named[index][0], _own_first(named[index][1], own)
    else:
        return None
    if not items:
        return None
    pages = (len(items) + PAGE_SIZE - 1) // PAGE_SIZE
    page = min(max(page, 0), pages - 1)
    shown = items[page * PAGE_SIZE : (page + 1) * PAGE_SIZE]
    group = Group(index, name, len(items), sum((i.kind, i.id) in own for i in items))
    latest = {(i.kind, i.id): latest_progress(engine, i) for i in shown} if with_progress else {}
    return Page(
        group, shown, page, pages, {k for k in own if any((i.kind, i.id) == k for i in shown)}, latest
    )


def listed_items(
    engine: Engine, refs: Sequence[tuple[str, int]], party_ids: Collection[int] = ()
) -> tuple[list[Item], set[tuple[str, int]]]:
    """The items of a page of a free-text answer's list ('việc quá hạn', 'việc của bạn'),
    in the answer's order, and which of them the asker reports. An item deleted since
    (a plan re-read) is left out."""
    found = [get_item(engine, kind, item_id) for kind, item_id in refs]  # a page: a few items
    with session_factory(engine)() as session:
        own = own_keys(session, party_ids)
    items = [i for i in found if i is not None]
    return items, {(i.kind, i.id) for i in items if (i.kind, i.id) in own}
