"""Outbox bookkeeping for the sender: claim, mark, record attempts, recover.

The sender commits 'sending' before each API call and 'sent' right after it,
so a crash leaves at most the in-flight rows ambiguous; `recover_ambiguous`
applies the per-kind policy to them on the next start."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine, func, or_, select, update

from storage import models as m
from storage.cycle_models import OutboxMessage, SendAttempt
from storage.db import transaction

# What to do with a row found in 'sending' after a crash (the request may or may
# not have reached Telegram). 'resend' risks one duplicate, 'mark' risks a loss
# and leaves the row for an operator. Residents' digests are resent too: losing
# one is worse than a resident reading the same digest twice.
AMBIGUOUS_POLICY: dict[str, str] = {
    "due_nudge": "resend",
    "report_reminder": "resend",
    "overdue": "resend",
    "escalation": "resend",
    "digest": "resend",
}
MAX_ATTEMPTS = 10


@dataclass(frozen=True)
class Claimed:
    id: int
    chat_id: int
    kind: str
    text: str
    attempts: int


def now() -> datetime:
    return datetime.now(UTC)


def recover_ambiguous(engine: Engine) -> dict[str, int]:
    """Rows left in 'sending' by a crash: resend or mark per kind. Returns counts."""
    counts = {"resent": 0, "marked": 0}
    with transaction(engine) as s:
        for row in s.scalars(select(OutboxMessage).where(OutboxMessage.status == "sending")):
            policy = AMBIGUOUS_POLICY.get(row.kind, "resend")
            row.status = "pending" if policy == "resend" else "ambiguous"
            s.add(
                SendAttempt(
                    outbox_id=row.id, outcome="ambiguous", detail=f"found in 'sending' at start-up: {policy}"
                )
            )
            counts["resent" if policy == "resend" else "marked"] += 1
    return counts


def fetch_ready(
    engine: Engine, limit: int, exclude: set[int], kinds: tuple[str, ...] | None = None
) -> list[Claimed]:
    """Pending rows due now, oldest first (not yet marked: the sender marks each one)."""
    with transaction(engine) as s:
        q = (
            select(OutboxMessage)
            .where(OutboxMessage.status == "pending")
            .where(or_(OutboxMessage.not_before.is_(None), OutboxMessage.not_before <= now()))
            .order_by(OutboxMessage.id)
            .limit(limit + len(exclude))
        )
        if kinds:
            q = q.where(OutboxMessage.kind.in_(kinds))
        rows = [r for r in s.scalars(q) if r.id not in exclude][:limit]
        return [Claimed(r.id, r.chat_id, r.kind, r.text, r.attempts) for r in rows]


def next_due_at(engine: Engine) -> datetime | None:
    """When the earliest deferred pending row becomes due (None: nothing pending)."""
    with transaction(engine) as s:
        return s.scalar(select(func.min(OutboxMessage.not_before)).where(OutboxMessage.status == "pending"))


def pending_count(engine: Engine) -> int:
    with transaction(engine) as s:
        return (
            s.scalar(select(func.count()).select_from(OutboxMessage).where(OutboxMessage.status == "pending"))
            or 0
        )


def mark_sending(engine: Engine, outbox_id: int) -> bool:
    """Commit 'sending' before the call; False when another sender got there first."""
    with transaction(engine) as s:
        res = s.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id == outbox_id, OutboxMessage.status == "pending")
            .values(status="sending", attempts=OutboxMessage.attempts + 1)
        )
        return res.rowcount == 1


def mark_sent(engine: Engine, outbox_id: int, message_id: int | None) -> None:
    with transaction(engine) as s:
        s.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id == outbox_id)
            .values(status="sent", sent_at=now(), telegram_message_id=message_id, last_error=None)
        )
        s.add(SendAttempt(outbox_id=outbox_id, outcome="ok"))


def mark_retry(engine: Engine, outbox_id: int, outcome: str, detail: str, delay_s: float) -> None:
    """Back to 'pending' after `delay_s`, or 'failed' once MAX_ATTEMPTS is reached."""
    with transaction(engine) as s:
        row = s.get(OutboxMessage, outbox_id)
        if row is None:
            return
        row.last_error = detail[:500]
        row.status = "failed" if row.attempts >= MAX_ATTEMPTS else "pending"
        row.not_before = now() + timedelta(seconds=delay_s)
        s.add(SendAttempt(outbox_id=outbox_id, outcome=outcome, detail=detail[:500]))


def mark_final(engine: Engine, outbox_id: int, status: str, outcome: str, detail: str) -> None:
    """'blocked' (403: the user blocked the bot, deactivated) or 'failed' (400)."""
    with transaction(engine) as s:
        row = s.get(OutboxMessage, outbox_id)
        if row is None:
            return
        row.status = status
        row.last_error = detail[:500]
        s.add(SendAttempt(outbox_id=outbox_id, outcome=outcome, detail=detail[:500]))
        if status == "blocked":
            s.execute(
                update(m.User)
                .where((m.User.chat_id == row.chat_id) | (m.User.telegram_id == row.chat_id))
                .values(active=False)
            )
