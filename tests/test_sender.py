"""The outbox sender against the stand-in Bot API: faults, limits, bookkeeping."""

from __future__ import annotations

from collections import Counter
from datetime import date

from sqlalchemy import func, select
from telegram import Bot
from telegram.ext import ExtBot
from telegram.request import HTTPXRequest

from bot.retry import RetryingRateLimiter
from bot.sender import OutboxSender
from storage import models as m
from storage import outbox
from storage.cycle_models import OutboxMessage, SendAttempt
from storage.db import transaction
from tests.fakes.bot_api import FakeBotApi


def _queue(engine, chats: list[int], kind: str = "digest") -> None:
    with transaction(engine) as s:
        for chat in chats:
            s.add(m.User(telegram_id=chat, role="resident", subscribed=True))
            s.add(
                OutboxMessage(
                    dedup_key=f"{chat}|{kind}|x|2024-05",
                    chat_id=chat,
                    kind=kind,
                    item="x",
                    period="2024-05",
                    text=f"Bản tin <b>tháng 5</b> cho {chat}",
                    planned_for=date(2024, 5, 31),
                )
            )


async def _drain(engine, fake: FakeBotApi, **kw):  # type: ignore[no-untyped-def]
    async with Bot(token="123:ABC", base_url=fake.base_url) as bot:
        return await OutboxSender(engine, bot, **kw).drain()


def _statuses(engine) -> dict[str, int]:
    with transaction(engine) as s:
        rows = s.execute(select(OutboxMessage.status, func.count()).group_by(OutboxMessage.status)).all()
        return dict(rows)  # type: ignore[arg-type]


async def test_every_message_sent_once_despite_429_and_500(engine) -> None:
    chats = list(range(5000, 5060))
    _queue(engine, chats)
    async with FakeBotApi() as fake:
        fake.fail("sendMessage", status=429, retry_after=1, times=1)
        fake.fail("sendMessage", status=500, times=3)
        stats = await _drain(engine, fake, rate=200.0)
        delivered = [int(c.params["chat_id"]) for c in fake.sent(method="sendMessage")]
    assert sorted(delivered) == chats  # every chat exactly once
    assert stats.sent == 60 and stats.retried == 4
    assert _statuses(engine) == {"sent": 60}
    with transaction(engine) as s:
        outcomes = dict(
            s.execute(select(SendAttempt.outcome, func.count()).group_by(SendAttempt.outcome)).all()
        )
    assert outcomes == {"ok": 60, "retry_after": 1, "server_error": 3}


async def test_429_halts_every_worker_for_retry_after(engine) -> None:
    _queue(engine, [1, 2, 3, 4, 5, 6])
    async with FakeBotApi() as fake:
        fake.fail("sendMessage", status=429, retry_after=1, times=1)
        await _drain(engine, fake, rate=200.0)
        calls = [c for c in fake.calls if c.method == "sendMessage"]
    first_429 = next(c for c in calls if c.status == 429)
    after = [c for c in calls if c.at > first_429.at and c.status == 200]
    # nothing went out during the second after the 429 except requests already in flight
    early = [c for c in after if c.at - first_429.at < 0.9]
    assert len(early) <= 3


async def test_blocked_recipient_marked_inactive(engine) -> None:
    _queue(engine, [7001, 7002])
    async with FakeBotApi() as fake:
        fake.fail("sendMessage", status=403, times=1)
        stats = await _drain(engine, fake, rate=200.0)
    assert stats.blocked == 1 and stats.sent == 1
    with transaction(engine) as s:
        inactive = s.scalars(select(m.User.telegram_id).where(m.User.active.is_(False))).all()
    assert len(inactive) == 1
    assert _statuses(engine) == {"sent": 1, "blocked": 1}


async def test_rows_left_sending_by_a_crash_are_resent(engine) -> None:
    _queue(engine, [8001, 8002], kind="due_nudge")
    with transaction(engine) as s:
        s.execute(
            OutboxMessage.__table__.update().where(OutboxMessage.chat_id == 8001).values(status="sending")
        )
    async with FakeBotApi() as fake:
        stats = await _drain(engine, fake, rate=200.0)
    assert stats.recovered == {"resent": 1, "marked": 0}
    assert _statuses(engine) == {"sent": 2}
    with transaction(engine) as s:
        assert s.scalar(select(func.count()).where(SendAttempt.outcome == "ambiguous")) == 1


async def test_draining_an_empty_outbox_sends_nothing(engine) -> None:
    async with FakeBotApi() as fake:
        stats = await _drain(engine, fake)
        assert fake.sent() == []
    assert stats.sent == 0


def _outcomes(engine) -> dict[str, int]:
    with transaction(engine) as s:
        rows = s.execute(select(SendAttempt.outcome, func.count()).group_by(SendAttempt.outcome)).all()
        return {str(k): int(v) for k, v in rows}


async def test_through_the_bots_rate_limiter_only_the_outbox_retries(engine) -> None:
    """`planbot run` sends the outbox through the Application's bot, whose limiter
    retried 429s, 5xx and timeouts itself: each outbox attempt became up to five
    requests, none of them in send_attempts. Now every request is one attempt."""
    chats = list(range(6000, 6012))
    _queue(engine, chats)
    async with FakeBotApi() as fake:
        fake.fail("sendMessage", status=500, times=3)
        fake.fail("sendMessage", status=429, retry_after=1, times=1)
        fake.stall("sendMessage", 1.0, times=1)  # past the 0.5 s read timeout below
        request = HTTPXRequest(read_timeout=0.5)
        limiter = RetryingRateLimiter(base_delay=0.05)
        async with ExtBot(
            token="123:ABC", base_url=fake.base_url, request=request, rate_limiter=limiter
        ) as bot:
            stats = await OutboxSender(engine, bot, rate=200.0).drain()
        calls = [c for c in fake.calls if c.method == "sendMessage"]
        delivered = Counter(int(c.params["chat_id"]) for c in fake.sent(method="sendMessage"))
    outcomes = _outcomes(engine)
    assert outcomes == {"ok": 12, "server_error": 3, "retry_after": 1, "timeout": 1}
    assert len(calls) == sum(outcomes.values())  # no request the outbox did not count
    assert stats.sent == 12 and stats.retried == 5
    assert _statuses(engine) == {"sent": 12}
    # the timed-out message was delivered, then resent: the one duplicate a timeout may cost
    assert set(delivered) == set(chats) and sorted(delivered.values()) == [1] * 11 + [2]


async def test_a_timeout_is_left_ambiguous_for_a_kind_that_says_so(engine, monkeypatch) -> None:
    monkeypatch.setitem(outbox.AMBIGUOUS_POLICY, "escalation", "mark")
    _queue(engine, [6101], kind="escalation")
    async with FakeBotApi() as fake:
        fake.stall("sendMessage", 1.0, times=1)
        async with Bot(
            token="123:ABC", base_url=fake.base_url, request=HTTPXRequest(read_timeout=0.5)
        ) as bot:
            stats = await OutboxSender(engine, bot).drain()
        assert len(fake.sent(method="sendMessage")) == 1  # delivered once, never resent
    assert (stats.ambiguous, stats.retried) == (1, 0)
    assert _statuses(engine) == {"ambiguous": 1}
    assert _outcomes(engine) == {"timeout": 1}
