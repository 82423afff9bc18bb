"""Limits and retries for outgoing Bot API calls.

- Pacing as Telegram asks: ≤ 30 requests/s to chats overall, ≤ 20/min to one
  group (aiolimiter, as PTB's AIORateLimiter does).
- A 429 (RetryAfter) holds back only the chat it was answered for: later
  requests to that chat wait out retry_after, every other chat goes on. (PTB's
  AIORateLimiter halts *all* requests, so one user flooding his own chat into
  Telegram's per-chat limit stalled everyone's replies.) A 429 on a request
  without a chat waits alone.
- Network errors and 5xx are retried with exponential backoff. getUpdates is
  left to the poller, which has its own backoff.
- Outbox messages are never retried here: the outbox sender (bot/sender.py)
  owns their retries and marks its calls with `outbox_send`. For them the
  limiter only paces, waits out a hold on their chat, and on a 429 holds the
  chat before it raises — so the two layers never multiply their attempts
  (docs/delivery.md, "Who retries")."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable, Coroutine
from contextvars import ContextVar
from datetime import timedelta
from typing import Any

from aiolimiter import AsyncLimiter
from telegram.error import BadRequest, NetworkError, RetryAfter, TimedOut
from telegram.ext import BaseRateLimiter

from bot.journal import JOURNALED, current_journal, stand_in_result

log = logging.getLogger(__name__)

Result = bool | dict[str, Any] | list[dict[str, Any]]

# True while the outbox sender makes its call: the outbox retries the row durably
# (a backoff, a count in send_attempts, MAX_ATTEMPTS), so a retry here as well would
# multiply the attempts (4 limiter retries for each of 10 outbox attempts) and hide
# them from send_attempts.
outbox_send: ContextVar[bool] = ContextVar("outbox_send", default=False)


def retry_after_seconds(exc: RetryAfter) -> float:
    # the timedelta itself: the public property warns about its int form in PTB 22
    delay = getattr(exc, "_retry_after", None) or exc.retry_after
    return delay.total_seconds() if isinstance(delay, timedelta) else float(delay)


class RetryingRateLimiter(BaseRateLimiter[int]):
    def __init__(
        self,
        max_retries: int = 4,
        network_retries: int = 4,
        base_delay: float = 0.5,
        overall_rate: float = 30.0,
        group_per_minute: float = 20.0,
    ) -> None:
        self.max_retries = max_retries
        self.network_retries = network_retries
        self.base_delay = base_delay
        self._overall = AsyncLimiter(overall_rate, 1.0) if overall_rate else None
        self._group_rate = group_per_minute
        self._groups: dict[int | str, AsyncLimiter] = {}
        self._chat_free_at: dict[int | str, float] = {}  # monotonic time a 429'd chat may be written to

    async def initialize(self) -> None:
        """Nothing to open."""

    async def shutdown(self) -> None:
        """Nothing to close."""

    def _group_limiter(self, chat: int | str) -> AsyncLimiter | None:
        if not self._group_rate or (isinstance(chat, int) and chat > 0):
            return None
        if len(self._groups) > 512:  # forget idle groups (a full limiter is the same as a new one)
            for key, lim in list(self._groups.items()):
                if key != chat and lim.has_capacity(lim.max_rate):
                    del self._groups[key]
        return self._groups.setdefault(chat, AsyncLimiter(self._group_rate, 60.0))

    async def _wait_for_chat(self, chat: int | str | None) -> None:
        while chat is not None and (delay := self._chat_free_at.get(chat, 0.0) - time.monotonic()) > 0:
            await asyncio.sleep(delay)
        if chat is not None and chat in self._chat_free_at and self._chat_free_at[chat] <= time.monotonic():
            del self._chat_free_at[chat]

    def _hold_chat(self, chat: int | str | None, seconds: float) -> None:
        if chat is not None:
            until = time.monotonic() + seconds
            self._chat_free_at[chat] = max(self._chat_free_at.get(chat, 0.0), until)

    async def _send_paced(
        self,
        chat: int | str | None,
        callback: Callable[..., Coroutine[Any, Any, Result]],
        args: Any,
        kwargs: Any,
    ) -> Result:
        await self._wait_for_chat(chat)
        group = self._group_limiter(chat) if chat is not None else None
        async with (
            group or contextlib.nullcontext(),
            self._overall if chat is not None and self._overall else contextlib.nullcontext(),
        ):
            return await callback(*args, **kwargs)

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, Result]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> Result:
        journal = current_journal.get() if endpoint in JOURNALED else None
        if journal is not None and journal.should_skip():
            return stand_in_result(endpoint, data)
        chat = _chat_key(data.get("chat_id"))
        if outbox_send.get():
            max_retries = network_retries = 0  # the outbox decides whether and when
        else:
            max_retries, network_retries = rate_limit_args or self.max_retries, self.network_retries
        limited = network = 0
        while True:
            try:
                result = await self._send_paced(chat, callback, args, kwargs)
                if journal is not None:
                    await asyncio.to_thread(journal.sent)  # a commit: off the event loop
                return result
            except RetryAfter as exc:
                delay = retry_after_seconds(exc) + 0.1
                self._hold_chat(chat, delay)  # whoever retries, this chat waits it out
                if limited >= max_retries or endpoint == "getUpdates":
                    raise
                limited += 1
                log.info("%s: flood limit for chat %s; retrying in %.1fs", endpoint, chat, delay)
                if chat is None:
                    await asyncio.sleep(delay)
            except NetworkError as exc:
                # BadRequest subclasses NetworkError in PTB but is final.
                if isinstance(exc, BadRequest) or endpoint == "getUpdates" or network >= network_retries:
                    raise
                if isinstance(exc, TimedOut) and endpoint.startswith("send") and network >= 1:
                    raise  # the message may have been delivered: one retry only
                delay = self.base_delay * 2**network
                network += 1
                log.warning("%s failed (%s); retry %d in %.1fs", endpoint, type(exc).__name__, network, delay)
                await asyncio.sleep(delay)


def _chat_key(chat_id: object) -> int | str | None:
    if chat_id is None:
        return None
    try:
        return int(chat_id) if isinstance(chat_id, int | str) else str(chat_id)
    except ValueError:
        return str(chat_id)  # '@channelname'
