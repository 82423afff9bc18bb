"""Which items an officer answers for: the items his parties report (as the unit
or person responsible, or the leader directing them), put first in his lists."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage import models as m

# Roles on an item that may report its progress (coordinating units may not).
REPORTING_ROLES = ("responsible", "leader")
T = TypeVar("T")


def own_keys(session: Session, party_ids: Collection[int] | None) -> set[tuple[str, int]]:
    """('indicator', id) / ('task', id) of the items the parties report."""
    if not party_ids:
        return set()
    rows = session.execute(
        select(m.ItemParty.indicator_id, m.ItemParty.task_id).where(
            m.ItemParty.party_id.in_(list(party_ids)), m.ItemParty.role.in_(REPORTING_ROLES)
        )
    ).all()
    out: set[tuple[str, int]] = set()
    for indicator_id, task_id in rows:
        if indicator_id:
            out.add(("indicator", indicator_id))
        elif task_id:
            out.add(("task", task_id))
    return out


def own_first(session: Session, rows: Sequence[Any], party_ids: Collection[int] | None) -> list[Any]:
    """Rows whose first column is a Task, the asker's own tasks first (otherwise in their order)."""
    own = own_keys(session, party_ids)
    return sorted(rows, key=lambda row: ("task", row[0].id) not in own)
