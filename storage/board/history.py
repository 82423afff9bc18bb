"""One item's history: every record of a current indicator or task of a place."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from storage import models as m
from storage.answer_facts import tracked_row
from storage.board.place_board import (
    indicator_status,
    load_card,
    period_over,
    record_text,
    reporter,
    target_words,
    task_status,
)
from storage.board.places import PlaceCard
from storage.db import session_factory

HISTORY_LIMIT = 200


@dataclass
class Point:
    at: datetime
    text: str
    value: float | None
    by: str
    note: str | None
    source: str


@dataclass
class ItemHistory:
    place: PlaceCard
    plan_title: str
    kind: str  # 'indicator' | 'task'
    ref: str
    name: str
    target: str  # indicator: in the plan's words; task: its deadline
    target_value: float | None
    lower_is_better: bool
    responsible: str
    status: str
    points: list[Point]  # oldest first


def parse_item_ref(ref: str) -> tuple[str, int] | None:
    """'i12' -> ('indicator', 12); anything else -> None."""
    if len(ref) < 2 or len(ref) > 12 or ref[0] not in "it" or not ref[1:].isdigit():
        return None
    return ("indicator" if ref[0] == "i" else "task"), int(ref[1:])


def item_history(engine: Engine, place_id: int, ref: str, today: date) -> ItemHistory | None:
    """One current item of the place with every record of it; None when the
    reference is unknown, of another place or of a superseded plan."""
    parsed = parse_item_ref(ref)
    if parsed is None:
        return None
    kind, item_id = parsed
    with session_factory(engine)() as session:
        row = tracked_row(session, kind, item_id)
        if row is None or row.plan.locality_id != place_id or not row.plan.is_current:
            return None
        card = load_card(session, place_id)
        if card is None:
            return None
        records = _item_records(session, row, kind)
        last = records[-1] if records else None
        over = period_over(row.plan, today)
        points = [
            Point(r.reported_at, record_text(r), r.value, reporter(r), r.note, r.source) for r in records
        ]
        if isinstance(row, m.Indicator):
            status, _ = indicator_status(row, last, over)
            return ItemHistory(
                card,
                row.plan.title or row.plan.source,
                kind,
                ref,
                row.name,
                target_words(row),
                row.target_value,
                row.comparator in ("<", "<="),
                row.responsible_text or row.leader_text or "",
                status,
                points,
            )
        status, _ = task_status(row, last, over, today)
        return ItemHistory(
            card,
            row.plan.title or row.plan.source,
            kind,
            ref,
            row.name,
            row.deadline_text or "",
            None,
            False,
            row.responsible_text or row.leader_text or "",
            status,
            points,
        )


def _item_records(session: Session, row: m.Indicator | m.Task, kind: str) -> list[m.ProgressRecord]:
    """The item's last HISTORY_LIMIT records, oldest first."""
    return list(
        session.scalars(
            select(m.ProgressRecord)
            .where(
                m.ProgressRecord.plan_key == row.plan.plan_key,
                m.ProgressRecord.item_kind == kind,
                m.ProgressRecord.item_key == row.item_key,
            )
            .order_by(m.ProgressRecord.reported_at.desc(), m.ProgressRecord.id.desc())
            .limit(HISTORY_LIMIT)
        )
    )[::-1]
