"""The update inbox: no Telegram update is lost in a crash, none handled twice.

Callers store a batch and commit *before* acknowledging it to Telegram (the
next getUpdates offset, or the webhook's 200). Rows are then handled in
update_id order and marked processed one by one."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Engine, func, insert, or_, select, update
from sqlalchemy.sql.elements import ColumnElement

from storage.bot_models import InboxUpdate
from storage.db import rows_changed, session_factory, transaction

log = logging.getLogger(__name__)

# A row that keeps failing is given up after this many tries (a poison update
# must not block the queue forever).
MAX_ATTEMPTS = 3


@dataclass(frozen=True)
class PendingUpdate:
    update_id: int
    payload: dict[str, Any]
    attempts: int  # > 0: it was being handled when the process stopped


def store_batch(engine: Engine, updates: Iterable[dict[str, Any]]) -> int:
    """Insert updates not seen before; commit. Returns how many were new."""
    batch = {int(u["update_id"]): u for u in updates}
    if not batch:
        return 0
    with transaction(engine) as session:
        known = set(session.scalars(select(InboxUpdate.update_id).where(InboxUpdate.update_id.in_(batch))))
        new = [
            {"update_id": uid, "payload": payload, "attempts": 0, "sends_done": 0}
            for uid, payload in batch.items()
            if uid not in known
        ]
        if new:  # one multi-row statement: a flood's batch must be cheap to commit
            session.execute(insert(InboxUpdate), new)
    return len(batch) - len(known)


def next_offset(engine: Engine) -> int | None:
    """The getUpdates offset that acknowledges everything already stored."""
    with session_factory(engine)() as session:
        top = session.scalar(select(func.max(InboxUpdate.update_id)))
    return None if top is None else int(top) + 1


def pending(engine: Engine, limit: int = 100) -> list[PendingUpdate]:
    with session_factory(engine)() as session:
        rows = session.scalars(
            select(InboxUpdate)
            .where(InboxUpdate.processed_at.is_(None))
            .order_by(InboxUpdate.update_id)
            .limit(limit)
        ).all()
        return [PendingUpdate(r.update_id, dict(r.payload), r.attempts) for r in rows]


@dataclass(frozen=True)
class Claim:
    attempt: int  # 1 on the first try
    sends_done: int  # replies sent by earlier attempts


def claim(
    engine: Engine, update_id: int, worker: str, exclusive: bool, stale_after: float = 120.0
) -> Claim | None:
    """Take the row for `worker` and count an attempt (committed before handling).

    None when it is processed already or another live worker holds it. An
    exclusive worker (the single long-polling process) takes every claim: any
    other holder died with the previous process. Shared workers (webhook) take
    a claim only when it is older than `stale_after` seconds."""
    now = datetime.now(UTC)
    cond = [InboxUpdate.update_id == update_id, InboxUpdate.processed_at.is_(None)]
    if not exclusive:
        cond.append(_free_for(worker, now, stale_after))
    with transaction(engine) as session:
        result = session.execute(
            update(InboxUpdate)
            .where(*cond)
            .values(attempts=InboxUpdate.attempts + 1, claimed_by=worker, claimed_at=now)
            .execution_options(synchronize_session=False)
        )
        if rows_changed(result) != 1:
            return None
        row = session.execute(
            select(InboxUpdate.attempts, InboxUpdate.sends_done).where(InboxUpdate.update_id == update_id)
        ).one()
        return Claim(int(row[0]), int(row[1] or 0))


def note_send(engine: Engine, update_id: int, seq: int) -> None:
    """Commit that reply number `seq` of this update was sent."""
    with transaction(engine) as session:
        session.execute(
            update(InboxUpdate)
            .where(InboxUpdate.update_id == update_id)
            .values(sends_done=seq)
            .execution_options(synchronize_session=False)
        )


def mark_processed(engine: Engine, update_id: int, error: str | None = None) -> None:
    with transaction(engine) as session:
        session.execute(
            update(InboxUpdate)
            .where(InboxUpdate.update_id == update_id)
            .values(processed_at=datetime.now(UTC), error=error)
        )


def counts(engine: Engine) -> dict[str, int]:
    with session_factory(engine)() as session:
        total = session.scalar(select(func.count()).select_from(InboxUpdate)) or 0
        done = (
            session.scalar(
                select(func.count()).select_from(InboxUpdate).where(InboxUpdate.processed_at.is_not(None))
            )
            or 0
        )
    return {"total": int(total), "processed": int(done), "pending": int(total - done)}


def pending_after(engine: Engine, after: int, limit: int = 200) -> list[PendingUpdate]:
    """Unprocessed rows with update_id > `after`, in order: the worker pages
    through a backlog with this instead of re-reading the rows it holds."""
    with session_factory(engine)() as session:
        rows = session.scalars(
            select(InboxUpdate)
            .where(InboxUpdate.processed_at.is_(None), InboxUpdate.update_id > after)
            .order_by(InboxUpdate.update_id)
            .limit(limit)
        ).all()
        return [PendingUpdate(r.update_id, dict(r.payload), r.attempts) for r in rows]


THROTTLED = "throttled"


def drop(
    engine: Engine,
    update_ids: Iterable[int],
    worker: str,
    exclusive: bool,
    reason: str = THROTTLED,
    stale_after: float = 120.0,
) -> int:
    """Mark rows processed without handling them (over their sender's budget), in
    one statement: a flood costs one write per page, not two per update. Rows
    another live worker holds are left to it (the same rule as `claim`)."""
    ids = list(update_ids)
    if not ids:
        return 0
    now = datetime.now(UTC)
    cond: list[ColumnElement[bool]] = [InboxUpdate.update_id.in_(ids), InboxUpdate.processed_at.is_(None)]
    if not exclusive:
        cond.append(_free_for(worker, now, stale_after))
    with transaction(engine) as session:
        result = session.execute(
            update(InboxUpdate)
            .where(*cond)
            .values(processed_at=now, error=reason, claimed_by=worker, claimed_at=now)
            .execution_options(synchronize_session=False)
        )
        return rows_changed(result)


def _free_for(worker: str, now: datetime, stale_after: float) -> ColumnElement[bool]:
    """A row this shared worker may take: nobody holds it, it holds it, or its holder's
    claim is older than `stale_after` seconds (that worker died)."""
    return or_(
        InboxUpdate.claimed_by.is_(None),
        InboxUpdate.claimed_by == worker,
        InboxUpdate.claimed_at < now - timedelta(seconds=stale_after),
    )
