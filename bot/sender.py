"""The outbox sender: drains queued messages within Telegram's limits.

- at most 4 requests in flight, ≤ 28 messages/s overall (Telegram allows 30),
  ≤ 1 message/s per chat;
- a 429 halts every worker for retry_after (our own halt: the library's
  AIORateLimiter releases it early under concurrency, python-telegram-bot #5338);
- 5xx and network errors are retried with exponential backoff; a timeout too,
  by the kind's policy for a message that may have been delivered (resend, or
  leave 'ambiguous' for an operator);
- this sender is the only one to retry an outbox message: the bot's rate limiter
  (bot/retry.py) sends each of its calls once (`outbox_send`);
- 403 (the user blocked the bot) marks the recipient inactive;
- each row is claimed ('sending', with this sender as owner and a lease it
  renews) before its call and marked 'sent' right after it, so several senders
  — `planbot run` and `planbot remind --send` — can drain one outbox at once
  and none sends a row another is sending."""

from __future__ import annotations

import asyncio
import logging
import sys
import time
from dataclasses import dataclass, field

from sqlalchemy import Engine
from telegram import Bot, Message
from telegram.constants import ParseMode
from telegram.error import (
    BadRequest,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TelegramError,
    TimedOut,
)

from bot.redact import redact
from bot.retry import outbox_send, retry_after_seconds
from storage import outbox
from storage.locks import process_owner_id

log = logging.getLogger(__name__)

MAX_IN_FLIGHT = 4
GLOBAL_RATE = 28.0  # messages per second, under Telegram's 30
PER_CHAT_INTERVAL = 1.0  # seconds between two messages to one chat
RECOVERY_INTERVAL_S = 5.0  # how often a waiting drain looks for rows a dead sender left


@dataclass
class SendStats:
    sent: int = 0
    retried: int = 0
    blocked: int = 0
    failed: int = 0
    ambiguous: int = 0  # timed out, left for an operator by the kind's policy
    recovered: dict[str, int] = field(default_factory=dict)
    elapsed_s: float = 0.0

    @property
    def rate(self) -> float:
        return self.sent / self.elapsed_s if self.elapsed_s else 0.0


class _Pacer:
    """Global spacing between sends, a shared 429 halt, and per-chat spacing."""

    def __init__(self, rate: float, per_chat: float) -> None:
        self.interval = 1.0 / rate
        self.per_chat = per_chat
        self.next_slot = 0.0
        self.halt_until = 0.0
        self.chat_next: dict[int, float] = {}
        self.lock = asyncio.Lock()

    async def wait_turn(self, chat_id: int) -> None:
        async with self.lock:
            now = time.monotonic()
            start = max(now, self.next_slot, self.halt_until, self.chat_next.get(chat_id, 0.0))
            self.next_slot = start + self.interval
            self.chat_next[chat_id] = start + self.per_chat
        await asyncio.sleep(max(0.0, start - time.monotonic()))
        # a 429 may have arrived while we slept: honour it before sending
        while (delay := self.halt_until - time.monotonic()) > 0:
            await asyncio.sleep(delay)

    def halt(self, seconds: float) -> None:
        self.halt_until = max(self.halt_until, time.monotonic() + seconds)


def backoff_seconds(attempts: int) -> float:
    return min(60.0, 0.5 * 2 ** max(0, attempts - 1))


class OutboxSender:
    def __init__(
        self,
        engine: Engine,
        bot: Bot,
        *,
        max_in_flight: int = MAX_IN_FLIGHT,
        rate: float = GLOBAL_RATE,
        per_chat_interval: float = PER_CHAT_INTERVAL,
    ) -> None:
        self.engine = engine
        self.bot = bot
        self.max_in_flight = max_in_flight
        self.pacer = _Pacer(rate, per_chat_interval)
        self.stats = SendStats()
        self.owner = process_owner_id()  # the name on the rows this sender claims

    async def _recover(self) -> None:
        recovered = await asyncio.to_thread(outbox.recover_abandoned, self.engine)
        for key, n in recovered.items():
            self.stats.recovered[key] = self.stats.recovered.get(key, 0) + n

    async def _keep_leases(self) -> None:
        """Renew the lease of the rows in flight, so no other sender takes them back."""
        every = outbox.LEASE.total_seconds() / 4
        while True:
            await asyncio.sleep(every)
            try:
                await asyncio.to_thread(outbox.renew, self.engine, self.owner)
            except Exception:  # a busy database: the lease has three more chances
                log.warning("outbox: could not renew the leases of %s", self.owner, exc_info=True)

    async def drain(
        self, *, wait_for_deferred: bool = True, kinds: tuple[str, ...] | None = None
    ) -> SendStats:
        """Send every ready row; with wait_for_deferred, also wait for rows deferred by backoff."""
        started = time.monotonic()
        await self._recover()
        queue: asyncio.Queue[outbox.Claimed | None] = asyncio.Queue(maxsize=self.max_in_flight * 4)
        in_queue: set[int] = set()
        workers = [asyncio.create_task(self._worker(queue, in_queue)) for _ in range(self.max_in_flight)]
        keeper = asyncio.create_task(self._keep_leases())
        next_recovery = time.monotonic() + RECOVERY_INTERVAL_S
        try:
            while True:
                # a copy: the workers change in_queue while the thread reads it
                batch = await asyncio.to_thread(
                    outbox.fetch_ready, self.engine, 50, frozenset(in_queue), kinds
                )
                for row in batch:
                    in_queue.add(row.id)
                    await queue.put(row)
                if batch:
                    continue
                await queue.join()
                # Waiting also covers rows another sender has in flight: they end
                # 'sent', or come back to 'pending' for us once that sender's lease lapses.
                if (
                    not wait_for_deferred
                    or await asyncio.to_thread(outbox.pending_count, self.engine, with_in_flight=True) == 0
                ):
                    break
                await asyncio.sleep(0.2)
                if time.monotonic() >= next_recovery:
                    await self._recover()
                    next_recovery = time.monotonic() + RECOVERY_INTERVAL_S
        finally:
            keeper.cancel()
            for _ in workers:
                await queue.put(None)
            await asyncio.gather(keeper, *workers, return_exceptions=True)
        self.stats.elapsed_s = time.monotonic() - started
        return self.stats

    async def _worker(self, queue: asyncio.Queue[outbox.Claimed | None], in_queue: set[int]) -> None:
        while True:
            row = await queue.get()
            try:
                if row is None:
                    return
                await self._send_one(row)
            except Exception:  # never let one message stop the sender
                log.exception("outbox: unexpected error on message %s", getattr(row, "id", "?"))
            finally:
                if row is not None:
                    in_queue.discard(row.id)
                queue.task_done()

    async def _send_one(self, row: outbox.Claimed) -> None:
        await self.pacer.wait_turn(row.chat_id)
        if not await asyncio.to_thread(outbox.claim, self.engine, row.id, self.owner):
            return  # another sender has it, or it was sent or deferred meanwhile
        attempts = row.attempts + 1
        owner = self.owner
        try:
            msg = await self._call(row)
        except RetryAfter as exc:
            delay = retry_after_seconds(exc)
            self.pacer.halt(delay)
            ours = await asyncio.to_thread(
                outbox.mark_retry,
                self.engine,
                row.id,
                owner,
                "retry_after",
                f"429 retry_after={delay}",
                delay,
            )
            self.stats.retried += 1
        except Forbidden as exc:
            ours = await asyncio.to_thread(
                outbox.mark_final, self.engine, row.id, owner, "blocked", "forbidden", redact(str(exc))
            )
            self.stats.blocked += 1
        except (BadRequest, InvalidToken) as exc:
            ours = await asyncio.to_thread(
                outbox.mark_final, self.engine, row.id, owner, "failed", "bad_request", redact(str(exc))
            )
            self.stats.failed += 1
        except TimedOut as exc:  # asked, but no answer: Telegram may have delivered it
            ours = await self._after_timeout(row, owner, attempts, redact(str(exc)) or "timed out")
        except (NetworkError, TelegramError) as exc:  # 5xx, connection errors
            detail = redact(str(exc)) or type(exc).__name__
            ours = await asyncio.to_thread(
                outbox.mark_retry,
                self.engine,
                row.id,
                owner,
                "server_error",
                detail,
                backoff_seconds(attempts),
            )
            self.stats.retried += 1
        else:
            ours = await asyncio.to_thread(outbox.mark_sent, self.engine, row.id, owner, msg.message_id)
            self.stats.sent += 1
        if not ours:  # only after this process stalled longer than the lease
            log.warning("outbox: message %s was taken back by another sender while being sent", row.id)

    async def _call(self, row: outbox.Claimed) -> Message:
        """One sendMessage; the limiter under the bot, if any, paces it and does not retry it."""
        token = outbox_send.set(True)
        try:
            return await self.bot.send_message(
                chat_id=row.chat_id, text=row.text, parse_mode=ParseMode.HTML, disable_web_page_preview=True
            )
        finally:
            outbox_send.reset(token)

    async def _after_timeout(self, row: outbox.Claimed, owner: str, attempts: int, detail: str) -> bool:
        """The kind's policy for a message that may have gone out (as for a crash,
        storage/outbox.py: AMBIGUOUS_POLICY): resend after the backoff, or leave
        it 'ambiguous' for an operator."""
        if outbox.AMBIGUOUS_POLICY.get(row.kind, "resend") == "mark":
            self.stats.ambiguous += 1
            return await asyncio.to_thread(
                outbox.mark_final, self.engine, row.id, owner, "ambiguous", "timeout", detail
            )
        self.stats.retried += 1
        return await asyncio.to_thread(
            outbox.mark_retry, self.engine, row.id, owner, "timeout", detail, backoff_seconds(attempts)
        )


def make_bot(token: str, base_url: str | None) -> Bot:
    return Bot(token=token, base_url=base_url) if base_url else Bot(token=token)


def send_pending_now(engine: Engine) -> int:
    """`planbot remind --send`: an operator's explicit action, quiet hours do not apply."""
    from bot.config import ConfigError, load_config

    try:
        config = load_config()
    except ConfigError as exc:
        print(f"cannot send: {exc}", file=sys.stderr)
        return 2

    started = outbox.now()

    async def run() -> OutboxSender:
        async with make_bot(config.token, config.bot_base_url) as bot:
            sender = OutboxSender(engine, bot)
            await sender.drain()
            return sender

    try:
        sender = asyncio.run(run())
    except InvalidToken:  # PTB's own message quotes the token: never print it
        print("cannot send: the Bot API server rejected TELEGRAM_BOT_TOKEN", file=sys.stderr)
        return 2
    except TelegramError as exc:  # getMe failed: a 5xx, a proxy's page, no network
        print(
            f"cannot send: cannot reach the Bot API at {config.api_base_url}: {type(exc).__name__}",
            file=sys.stderr,
        )
        return 1
    stats = sender.stats
    print(
        f"sent {stats.sent}, retried {stats.retried}, blocked {stats.blocked}, failed {stats.failed}, "
        f"left ambiguous after a timeout {stats.ambiguous}, recovered after a crash {stats.recovered}, "
        f"{stats.rate:.1f} msg/s",
        file=sys.stderr,
    )
    if others := outbox.sent_by_others(engine, sender.owner, started):
        print(f"{others} more sent meanwhile by another planbot process (planbot run)", file=sys.stderr)
    return 0 if stats.failed == 0 else 1
