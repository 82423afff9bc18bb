"""Conversation context per chat: the subject (item, place, year) of the last question,
kept in the database so a follow-up continues it after a restart of the bot or of
`planbot chat`, and forgotten after a quiet spell.

    answer = ask_in_chat(answers, "tg:42", "ai phụ trách?", locality="phường Đông Thọ")

Why a table of our own rather than PTB's ConversationHandler with a persistence: the
bot's state already lives in the one database (inbox, drafts, outbox) that several
webhook workers share; a PTB persistence is one file per process, and a
ConversationHandler owns the text messages of a chat, which every other handler (the
progress drafts, the item commands) must then be re-registered inside. One row per chat,
read and written around the answer engine's call, serves Telegram and the terminal
chat alike (docs/architecture.md)."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from knowledge import broad
from knowledge import followup as fu
from knowledge.item_kinds import TRACKED
from knowledge.text import clean
from storage.broad_models import ChatContext
from storage.db import transaction

if TYPE_CHECKING:
    from knowledge.question import Question
    from storage.answers import Answer, AnswerEngine

log = logging.getLogger(__name__)
CONTEXT_TTL = timedelta(minutes=30)  # a follow-up after a longer silence starts afresh
ITEM_KINDS = TRACKED  # what a follow-up may be about


def _aware(t: datetime) -> datetime:
    return t if t.tzinfo else t.replace(tzinfo=UTC)  # SQLite returns naive times


def load(engine: Engine, key: str, now: datetime | None = None) -> fu.Context | None:
    """The chat's context, or None when there is none or it has expired."""
    now = now or datetime.now(UTC)
    with transaction(engine) as session:
        row = session.get(ChatContext, key)
        if row is None or now - _aware(row.updated_at) > CONTEXT_TTL:
            return None
        return fu.Context(
            row.intent, row.subject, row.item_kind, row.item_id, row.item_name, row.locality, row.year
        )


def save(engine: Engine, key: str, ctx: fu.Context, now: datetime | None = None) -> None:
    with transaction(engine) as session:
        row = session.get(ChatContext, key) or ChatContext(chat_key=key)
        row.intent, row.subject, row.item_kind, row.item_id = (
            ctx.intent,
            ctx.subject,
            ctx.item_kind,
            ctx.item_id,
        )
        row.item_name, row.locality, row.year = ctx.item_name, ctx.locality, ctx.year
        row.updated_at = now or datetime.now(UTC)
        session.add(row)


def forget(engine: Engine, key: str) -> None:
    with transaction(engine) as session:
        row = session.get(ChatContext, key)
        if row is not None:
            session.delete(row)


def ask_in_chat(
    answers: AnswerEngine,
    key: str,
    text: str,
    locality: str | None = None,
    parties: list[int] | None = None,
    now: datetime | None = None,
) -> Answer:
    """`answers.ask` with the chat's context: a follow-up is asked again about the last
    subject; an answer about an item becomes the new subject. `answers` is the
    AnswerEngine (its `engine` is the database)."""
    db = answers.engine
    try:
        ctx = load(db, key, now)
    except SQLAlchemyError:  # a database read-only to this user, or busy: answer without context
        # (debug: a terminal chat on a read-only database must not print a traceback)
        log.debug("conversation context unreadable for %s", key, exc_info=True)
        ctx = None
    q = answers.parse(text)
    asked, followed = text, False
    if fu.is_followup(q, ctx) and not broad.detect_broad(q.folded, [t.fold for t in q.terms]):
        assert ctx is not None
        asked, followed = fu.followup_question(q, ctx), True
        q = answers.parse(asked)
    elif extra := fu.carried_over(q, ctx):
        asked = f"{text} {extra}"
        q = answers.parse(asked)
    answer = answers.ask(asked, locality=locality, user_parties=parties)
    new = _next_context(ctx, q, answer, followed)
    if new is not None:
        try:
            save(db, key, new, now)
        except SQLAlchemyError:  # the answer stands; only the next follow-up loses its subject
            log.debug("conversation context not saved for %s", key, exc_info=True)
    return answer


def _next_context(
    ctx: fu.Context | None, q: Question, answer: Answer, was_followup: bool
) -> fu.Context | None:
    """The subject the answer leaves: its item, its place and the year asked; None keeps
    the old context (an answer about no item, a list, a question back)."""
    items = [mt for mt in answer.matches if mt.kind in ITEM_KINDS]
    if not items or answer.needs_locality:
        return None
    best = items[0]
    own = fu.subject_words([t.acc for t in q.terms])
    subject = (ctx.subject if was_followup and ctx else None) or own or best.name
    year = q.period.year if q.period.start == q.period.end else None
    return fu.Context(
        intent=answer.intent,
        subject=clean(subject)[:300],
        item_kind=best.kind,
        item_id=best.item_id,
        item_name=clean(best.name)[:300],
        locality=answer.locality,
        year=year or (ctx.year if was_followup and ctx else None),
    )
