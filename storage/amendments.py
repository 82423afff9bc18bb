"""Amendments: a later plan of the same place and period ('Kế hoạch điều chỉnh,
bổ sung …') restates some items of the plan it amends; the rest stay in force.

Both plans stay current (an amendment has a number of its own, see
`storage.keys.plan_key`); an item restated by a later-signed amendment is
overridden — the reminders follow the restated one and the answers prefer it
(`storage.answer_places.preferred_plan`). A later plan that is no amendment (another
plan of the same place and period: KH 144 beside KH 141) overrides nothing, even
where both name an item alike ('Tổ chức sơ kết, tổng kết')."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from knowledge.extract.metadata import is_amendment
from storage import models as m


def overridden_items(session: Session, plan_ids: Iterable[int]) -> tuple[set[int], set[int]]:
    """(indicator ids, task ids) of the given plans that a later-signed amendment
    among them, of the same place and period, restates under the same name."""
    plans = session.scalars(select(m.Plan).where(m.Plan.id.in_(list(plan_ids)))).all()
    groups: dict[tuple[object, int | None, int | None], list[m.Plan]] = defaultdict(list)
    for plan in plans:
        groups[(plan.locality_id or f"plan:{plan.id}", plan.period_start, plan.period_end)].append(plan)
    indicators: set[int] = set()
    tasks: set[int] = set()
    for group in groups.values():
        if len(group) < 2:
            continue
        later_indicators: set[str] = set()
        later_tasks: set[str] = set()
        for plan in sorted(group, key=lambda p: (p.signed_date or date.min, p.id), reverse=True):
            indicators |= {i.id for i in plan.indicators if i.item_key in later_indicators}
            tasks |= {t.id for t in plan.tasks if t.item_key in later_tasks}
            if is_amendment(plan.title):
                later_indicators |= {i.item_key for i in plan.indicators}
                later_tasks |= {t.item_key for t in plan.tasks}
    return indicators, tasks
