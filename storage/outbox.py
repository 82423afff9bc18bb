"""Outbox bookkeeping for the sender: claim, mark, record attempts, recover.

A sender claims a row before its API call: one UPDATE from 'pending' to
'sending' naming the sender (claimed_by) and a lease (lease_until), whose
rowcount says whether it won, atomic on SQLite and PostgreSQL alike. The owner
renews the lease while the call runs and commits 'sent' right after it; every
mark is conditional on still owning the row. Another sender takes a row back
from 'sending' only once its owner's lease has expired or the owner is a
process of this machine that no longer exists (`recover_abandoned`) — never
from a live owner, so two senders at once send nothing twice."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine, and_, case, func, or_, select, update
from sqlalchemy.sql.elements import ColumnElement

from storage import models as m
from storage.cycle_models import OutboxMessage, SendAttempt
from storage.db import rows_changed, transaction
from storage.locks import owner_is_gone

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
# How long a claim holds without renewal. The owner renews every LEASE / 4 while
# a call is in flight, so only a dead (or frozen for a minute) owner lets it lapse.
LEASE = timedelta(seconds=60)
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


def recover_abandoned(engine: Engine) -> dict[str, int]:
    """Rows whose owner is gone (lease expired, or its process no longer exists
    on this machine; no owner: left by an older version): resend or mark per
    kind. Rows of a live owner are left alone. Returns counts."""
    counts = {"resent": 0, "marked": 0}
    at = now()
    with transaction(engine) as s:
        rows = s.execute(
            select(OutboxMessage.id, OutboxMessage.kind, OutboxMessage.claimed_by, OutboxMessage.lease_until)
            .where(OutboxMessage.status == "sending")
            .order_by(OutboxMessage.id)
        ).all()
    owned_by: ColumnElement[bool]
    for row_id, kind, owner, lease_until in rows:
        if owner is None:
            owned_by, why = OutboxMessage.claimed_by.is_(None), "no owner recorded"
        elif owner_is_gone(owner):
            owned_by, why = OutboxMessage.claimed_by == owner, f"{owner}: process gone"
        elif lease_until is not None and _aware(lease_until) < at:
            # the condition is re-checked in the UPDATE: a renewal in between wins
            owned_by = and_(OutboxMessage.claimed_by == owner, OutboxMessage.lease_until < at)
            why = f"{owner}: lease expired"
        else:
            continue  # a live sender's message in flight
        policy = AMBIGUOUS_POLICY.get(kind, "resend")
        if _take_back(engine, row_id, owned_by, policy, why):
            counts["resent" if policy == "resend" else "marked"] += 1
    return counts


def _take_back(engine: Engine, row_id: int, owned_by: ColumnElement[bool], policy: str, why: str) -> bool:
    with transaction(engine) as s:
        res = s.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id == row_id, OutboxMessage.status == "sending", owned_by)
            .values(
                status="pending" if policy == "resend" else "ambiguous", claimed_by=None, lease_until=None
            )
        )
        if rows_changed(res) != 1:
            return False  # its owner finished it, or another sender took it back first
        s.add(
            SendAttempt(outbox_id=row_id, outcome="ambiguous", detail=f"left in 'sending' ({why}): {policy}")
        )
        return True


def _aware(moment: datetime) -> datetime:
    """SQLite gives naive datetimes back; every stored time is UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def fetch_ready(
    engine: Engine, limit: int, exclude: Collection[int], kinds: tuple[str, ...] | None = None
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


def pending_count(engine: Engine, *, with_in_flight: bool = False) -> int:
    """Rows still to send; `with_in_flight`: and rows some sender is sending now."""
    statuses = ("pending", "sending") if with_in_flight else ("pending",)
    with transaction(engine) as s:
        return (
            s.scalar(
                select(func.count()).select_from(OutboxMessage).where(OutboxMessage.status.in_(statuses))
            )
            or 0
        )


def sent_by_others(engine: Engine, owner: str, since: datetime) -> int:
    """Rows another sender sent since `since` (a running bot shares the work)."""
    with transaction(engine) as s:
        return int(
            s.scalar(
                select(func.count())
                .select_from(OutboxMessage)
                .where(OutboxMessage.status == "sent", OutboxMessage.sent_at >= since)
                .where(OutboxMessage.claimed_by != owner)
            )
            or 0
        )


def claim(engine: Engine, outbox_id: int, owner: str, lease: timedelta = LEASE) -> bool:
    """Commit 'sending' for `owner` before the call; False when another sender
    got there first (or the row was deferred meanwhile)."""
    at = now()
    with transaction(engine) as s:
        res = s.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id == outbox_id, OutboxMessage.status == "pending")
            .where(or_(OutboxMessage.not_before.is_(None), OutboxMessage.not_before <= at))
            .values(
                status="sending",
                attempts=OutboxMessage.attempts + 1,
                claimed_by=owner,
                lease_until=at + lease,
            )
        )
        return rows_changed(res) == 1


def renew(engine: Engine, owner: str, lease: timedelta = LEASE) -> int:
    """Extend the lease of every row `owner` is sending; how many."""
    with transaction(engine) as s:
        res = s.execute(
            update(OutboxMessage)
            .where(OutboxMessage.claimed_by == owner, OutboxMessage.status == "sending")
            .values(lease_until=now() + lease)
        )
        return rows_changed(res)


def _owned(outbox_id: int, owner: str) -> tuple[ColumnElement[bool], ...]:
    return (
        OutboxMessage.id == outbox_id,
        OutboxMessage.claimed_by == owner,
        OutboxMessage.status == "sending",
    )


def mark_sent(engine: Engine, outbox_id: int, owner: str, message_id: int | None) -> bool:
    """False when the row was no longer ours (our lease lapsed and another sender
    took it back): the message may then go out twice; the attempt is recorded anyway."""
    with transaction(engine) as s:
        res = s.execute(
            update(OutboxMessage)
            .where(*_owned(outbox_id, owner))
            .values(
                status="sent",
                sent_at=now(),
                telegram_message_id=message_id,
                last_error=None,
                lease_until=None,
            )
        )
        s.add(SendAttempt(outbox_id=outbox_id, outcome="ok"))
        return rows_changed(res) == 1


def mark_retry(engine: Engine, outbox_id: int, owner: str, outcome: str, detail: str, delay_s: float) -> bool:
    """Back to 'pending' after `delay_s`, or 'failed' once MAX_ATTEMPTS is reached."""
    with transaction(engine) as s:
        res = s.execute(
            update(OutboxMessage)
            .where(*_owned(outbox_id, owner))
            .values(
                status=case((OutboxMessage.attempts >= MAX_ATTEMPTS, "failed"), else_="pending"),
                last_error=detail[:500],
                not_before=now() + timedelta(seconds=delay_s),
                claimed_by=None,
                lease_until=None,
            )
        )
        s.add(SendAttempt(outbox_id=outbox_id, outcome=outcome, detail=detail[:500]))
        return rows_changed(res) == 1


def mark_final(engine: Engine, outbox_id: int, owner: str, status: str, outcome: str, detail: str) -> bool:
    """'blocked' (403: the user blocked the bot, deactivated), 'failed' (400), or
    'ambiguous' (no answer in time, for a kind whose policy is 'mark')."""
    with transaction(engine) as s:
        chat_id = s.scalar(select(OutboxMessage.chat_id).where(OutboxMessage.id == outbox_id))
        res = s.execute(
            update(OutboxMessage)
            .where(*_owned(outbox_id, owner))
            .values(status=status, last_error=detail[:500], lease_until=None)
        )
        s.add(SendAttempt(outbox_id=outbox_id, outcome=outcome, detail=detail[:500]))
        if status == "blocked" and chat_id is not None:  # Telegram said so, whoever owns the row now
            s.execute(
                update(m.User)
                .where((m.User.chat_id == chat_id) | (m.User.telegram_id == chat_id))
                .values(active=False)
            )
        return rows_changed(res) == 1
