"""Retries for outgoing Bot API calls: 429 (RetryAfter) waits as told by
AIORateLimiter; network errors and 5xx answers are retried with exponential
backoff. getUpdates is left to the poller, which has its own backoff."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from typing import Any

from telegram.error import BadRequest, NetworkError, TimedOut
from telegram.ext import AIORateLimiter

from bot.journal import JOURNALED, current_journal, stand_in_result

log = logging.getLogger(__name__)


class RetryingRateLimiter(AIORateLimiter):
    def __init__(self, max_retries: int = 4, network_retries: int = 4, base_delay: float = 0.5) -> None:
        super().__init__(max_retries=max_retries)
        self.network_retries = network_retries
        self.base_delay = base_delay

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | dict[str, Any] | list[dict[str, Any]]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> bool | dict[str, Any] | list[dict[str, Any]]:
        journal = current_journal.get() if endpoint in JOURNALED else None
        if journal is not None and journal.should_skip():
            return stand_in_result(endpoint, data)
        attempt = 0
        while True:
            try:
                result = await super().process_request(
                    callback, args, kwargs, endpoint, data, rate_limit_args
                )
                if journal is not None:
                    await asyncio.to_thread(journal.sent)  # a commit: off the event loop
                return result
            except NetworkError as exc:
                # BadRequest subclasses NetworkError in PTB but is final.
                if isinstance(exc, BadRequest) or endpoint == "getUpdates" or attempt >= self.network_retries:
                    raise
                if isinstance(exc, TimedOut) and endpoint.startswith("send") and attempt >= 1:
                    raise  # the message may have been delivered: one retry only
                delay = self.base_delay * 2**attempt
                attempt += 1
                log.warning("%s failed (%s); retry %d in %.1fs", endpoint, type(exc).__name__, attempt, delay)
                await asyncio.sleep(delay)
