"""The places and plans a question is about: the gazetteer built from the current plans
(one place per name, district and province; the 2025 units), and which of a place's
plans a question names or means (split from storage/answers.py)."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from datetime import date
from typing import Any

from knowledge import places, places_2025
from knowledge import question as qn
from knowledge.question import plan_refs
from knowledge.text import fold
from storage import models as m
from storage.answer_facts import signed


def group_places(rows: Sequence[Any]) -> tuple[list[qn.PlaceRef], dict[int, list[int]]]:
    """Places from the current plans: one per (name, district, province), so two
    communes of the same name in different districts stay apart; a plan that
    names no district joins the only same-named place there is."""
    groups: dict[tuple[str, str, str], list] = {}
    for row in rows:
        key = (fold(row[1]), qn.bare_fold(row[2] or ""), qn.bare_fold(row[3] or ""))
        groups.setdefault(key, []).append(row)
    by_name: dict[str, list[tuple[str, str, str]]] = {}
    for key in groups:
        by_name.setdefault(key[0], []).append(key)
    for name, keys in by_name.items():
        bare = [k for k in keys if not k[1] and not k[2]]
        full = [k for k in keys if k[1] or k[2]]
        if bare and len(full) == 1:
            groups[full[0]] += groups.pop((name, "", ""))
    places, plans = [], {}
    for n, rows_ in enumerate(groups.values(), 1):
        first = max(rows_, key=lambda r: (bool(r[2]), bool(r[3]), r[0]))
        places.append(qn.Gazetteer.ref(n, first[1], first[2], first[3]))
        plans[n] = [r[0] for r in rows_]
    return places, plans


def new_names(
    known: list[qn.PlaceRef], plans: dict[int, list[int]]
) -> tuple[list[qn.PlaceRef], list[qn.PlaceRef]]:
    """Older communes under the units that hold them since 1 July 2025: each place learns its
    new unit (`now`), and the new unit's name finds it. A new unit that holds several places
    with plans is one more place, holding all their plans; one that has plans of its own
    gains theirs. Only the main successor counts: a sliver of a commune moved elsewhere
    does not make its plan the other unit's."""
    out: list[qn.PlaceRef] = []
    members: dict[tuple[str, str, str], list[qn.PlaceRef]] = {}
    for p in known:
        kind, name = places.split_kind(p.name)
        new = places_2025.successors(places.Place(kind or "xã", name, p.parent, p.province)) if kind else []
        if new:
            p = dataclasses.replace(p, now=new[0].label)
            members.setdefault((new[0].label, new[0].province or "", new[0].kind), []).append(p)
        out.append(p)
    aliases: list[qn.PlaceRef] = [
        qn.Gazetteer.alias(p, short)
        for p in out
        for short in places.PROVINCE_SHORT_NAMES.get(places.split_kind(p.name)[1], ())
        if p.parent is None  # the province itself ('thành phố Hồ Chí Minh'), not a commune of that name
    ]
    next_id = max(plans, default=0) + 1
    for (label, province, _), olds in members.items():
        own = [p for p in out if p.name == label and qn.bare_fold(p.province or "") == qn.bare_fold(province)]
        if own:
            plans[own[0].id] += [pid for o in olds for pid in plans[o.id]]
        elif len(olds) == 1:
            aliases.append(qn.Gazetteer.alias(olds[0], label))
        else:
            plans[next_id] = [pid for o in olds for pid in plans[o.id]]
            aliases.append(qn.Gazetteer.ref(next_id, label, None, province))
            next_id += 1
    return out, aliases


def place_label(p: qn.PlaceRef, gaz: qn.Gazetteer) -> str:
    """'phường Đông Thọ' — with its parent when another place has the same name."""
    same = gaz.by_bare.get(p.bare, [])
    if len(same) > 1 and p.parent:
        return f"{p.name} ({p.parent})"
    return p.name


def named_number(q: qn.Question) -> str | None:
    """The number of the plan a question names ('KH 308', 'kế hoạch số 0124', '157/KH-UBND'), without
    leading zeros (knowledge/question/plan_refs.py)."""
    return plan_refs.named_number(q.raw, [t.fold for t in q.tokens])


def numbered(plans: Sequence[Any], number: str) -> list[Any]:
    """The plans (anything with a `doc_number`) whose number is `number` ('0124/KH-UBND' is 124)."""
    return [p for p in plans if re.match(rf"0*{number}\b", p.doc_number or "")]


TITLE_MIN_SHARED = 2  # words a question shares with one plan's title, more than with any other


def named_plan(plans: list[m.Plan], q: qn.Question) -> m.Plan | None:
    """The plan a question names among a place's several: by its number ('kế hoạch
    0124/KH-UBND', 'kế hoạch 157'), else by the words of its title it alone shares
    ('kế hoạch bảo vệ bí mật nhà nước … số mấy')."""
    if len(plans) < 2:
        return None
    number = named_number(q)
    if number:
        named = numbered(plans, number)
        if len(named) == 1:
            return named[0]
    words = {t.fold for t in q.terms if len(t.fold) > 1}
    if not words:
        return None
    shared = sorted(
        ((len(words & set(fold(p.title or "").split())), p.id, p) for p in plans),
        key=lambda x: x[:2],
        reverse=True,
    )
    best, runner_up = shared[0][0], shared[1][0]
    return shared[0][2] if best >= TITLE_MIN_SHARED and best > runner_up else None


def preferred_plan(plans: list[m.Plan], period: qn.Period) -> m.Plan:
    """The plan a question is about: the one covering the named year, else the latest."""

    def latest(p: m.Plan) -> tuple[int, int, date, int]:
        return (p.period_end or p.period_start or 0, p.period_start or 0, signed(p), p.id)

    if period.year:
        covering = [
            p
            for p in plans
            if (p.period_start or p.period_end or 0) <= period.year <= (p.period_end or p.period_start or 0)
        ]
        if covering:
            # the narrowest plan that covers it (the annual plan before the five-year one)
            # (an amendment signed later before the plan it amends)
            narrowest = min((p.period_end or 0) - (p.period_start or 0) for p in covering)
            covering = [p for p in covering if (p.period_end or 0) - (p.period_start or 0) == narrowest]
            return max(covering, key=lambda p: (signed(p), p.id))
    return max(plans, key=latest)
