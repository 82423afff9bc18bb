"""Retention: what the bot keeps only for a while (PLANBOT_RETENTION_DAYS).

- `bot_inbox`: every update as Telegram sent it — residents' messages, names.
  Needed until handled (crash safety) and briefly after (a redelivered update
  is recognised); kept N days after handling, then deleted. The newest row is
  kept with an empty payload: its update_id is the next getUpdates offset.
- `bot_progress_drafts`: a /capnhat card waiting for 'Xác nhận'. A confirmed
  draft's value lives on in `progress_records`; an old card's buttons then
  answer 'Nút này đã hết hạn'.
- `send_attempts`: one row per call to send an outbox message.
- `chat_contexts`: a chat's last subject (the asker's words), useless once expired
  (storage/chat_context.py): deleted then, whatever `days` says.

Kept for good: progress records, audit events, the outbox itself (its dedup
keys stop a reminder from being planned twice), registrations."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine, delete, func, select, update
from sqlalchemy.orm import InstrumentedAttribute

from storage.bot_models import InboxUpdate, ProgressDraft
from storage.broad_models import ChatContext
from storage.chat_context import CONTEXT_TTL
from storage.cycle_models import SendAttempt
from storage.db import transaction

DEFAULT_RETENTION_DAYS = 90
BATCH = 2000  # rows per transaction: a long purge never holds the write lock for long


@dataclass(frozen=True)
class Purged:
    inbox: int = 0
    drafts: int = 0
    attempts: int = 0

    @property
    def total(self) -> int:
        return self.inbox + self.drafts + self.attempts


def purge_expired(engine: Engine, days: int = DEFAULT_RETENTION_DAYS, now: datetime | None = None) -> Purged:
    """Delete what is older than `days`; returns how many rows went."""
    cutoff = (now or datetime.now(UTC)) - timedelta(days=days)
    with transaction(engine) as s:
        newest = s.scalar(select(func.max(InboxUpdate.update_id)))
        if newest is not None:  # kept as the offset, without its content
            s.execute(
                update(InboxUpdate)
                .where(InboxUpdate.update_id == newest, InboxUpdate.processed_at < cutoff)
                .values(payload={})
            )
    inbox = _delete_batches(
        engine,
        InboxUpdate.update_id,
        (InboxUpdate.processed_at < cutoff, InboxUpdate.update_id != (newest if newest is not None else -1)),
    )
    drafts = _delete_batches(engine, ProgressDraft.token, (ProgressDraft.created_at < cutoff,))
    attempts = _delete_batches(engine, SendAttempt.id, (SendAttempt.at < cutoff,))
    expired = (now or datetime.now(UTC)) - CONTEXT_TTL
    _delete_batches(engine, ChatContext.chat_key, (ChatContext.updated_at < expired,))
    return Purged(inbox, drafts, attempts)


def _delete_batches(engine: Engine, key: InstrumentedAttribute, conditions: tuple) -> int:
    model = key.class_
    total = 0
    while True:
        with transaction(engine) as s:
            keys = s.scalars(select(key).where(*conditions).limit(BATCH)).all()
            if keys:
                s.execute(delete(model).where(key.in_(keys)).execution_options(synchronize_session=False))
        total += len(keys)
        if len(keys) < BATCH:
            return total
