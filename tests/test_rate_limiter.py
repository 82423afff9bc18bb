"""bot/retry.py on its own: replies are retried by the limiter; an outbox call
(`outbox_send`) is sent once — paced, a 429 holding back only its chat — and
its failure goes back to the outbox, which alone retries it."""

from __future__ import annotations

import time
from typing import Any

import pytest
from telegram.error import NetworkError, RetryAfter

from bot.retry import RetryingRateLimiter, outbox_send


class Api:
    """A callback standing for the HTTP call: answers with the queued errors, then ok."""

    def __init__(self, *errors: Exception) -> None:
        self.errors = list(errors)
        self.calls: list[tuple[int, float]] = []

    async def __call__(self, chat: int) -> dict[str, Any]:
        self.calls.append((chat, time.monotonic()))
        if self.errors:
            raise self.errors.pop(0)
        return {"message_id": len(self.calls)}


async def _send(limiter: RetryingRateLimiter, api: Api, chat: int, outbox: bool) -> Any:
    token = outbox_send.set(outbox)
    try:
        return await limiter.process_request(api, (chat,), {}, "sendMessage", {"chat_id": chat}, None)
    finally:
        outbox_send.reset(token)


async def test_a_reply_is_retried_by_the_limiter() -> None:
    api = Api(NetworkError("502"), RetryAfter(1))
    limiter = RetryingRateLimiter(base_delay=0.01)
    assert await _send(limiter, api, 5, outbox=False) == {"message_id": 3}
    assert len(api.calls) == 3


@pytest.mark.parametrize("error", [NetworkError("Bad Gateway"), RetryAfter(1)])
async def test_an_outbox_call_is_sent_once_and_its_failure_raised(error: Exception) -> None:
    api = Api(error, error)
    limiter = RetryingRateLimiter(base_delay=0.01)
    with pytest.raises(type(error)):
        await _send(limiter, api, 5, outbox=True)
    assert len(api.calls) == 1  # the outbox decides whether and when to try again


async def test_a_429_on_an_outbox_call_holds_only_its_chat() -> None:
    api = Api(RetryAfter(1))
    limiter = RetryingRateLimiter()
    with pytest.raises(RetryAfter):
        await _send(limiter, api, 5, outbox=True)
    held_at = time.monotonic()
    await _send(limiter, api, 6, outbox=False)  # another chat goes on at once
    await _send(limiter, api, 5, outbox=False)  # a reply to the 429'd chat waits retry_after out
    (_, other), (_, same) = api.calls[1], api.calls[2]
    assert other - held_at < 0.5
    assert same - held_at >= 0.9
