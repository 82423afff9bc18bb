"""Long polling that loses nothing: every batch from getUpdates is committed to
the inbox before the next offset acknowledges it to Telegram; the worker then
handles inbox rows in order and marks each processed after handling.

(python-telegram-bot's own Updater acknowledges as soon as updates are queued
in memory, so a crash loses them; the Application is built with updater(None).)"""

from __future__ import annotations

import asyncio
import contextlib
import copy
import logging
import os
import socket
import time
import uuid
import warnings
from datetime import timedelta
from typing import Any

from telegram import Update
from telegram.error import InvalidToken, RetryAfter, TelegramError
from telegram.ext import Application

from bot.journal import SendJournal, current_journal
from storage import inbox
from storage.db import database_fault

log = logging.getLogger(__name__)


class InboxWorker:
    """Handles committed inbox rows one at a time, in update_id order."""

    def __init__(self, app: Application, engine: object, exclusive: bool = True) -> None:
        """`exclusive`: the only worker (long polling). Webhook workers share the
        inbox and skip rows another live worker has claimed."""
        self.app, self.engine, self.exclusive = app, engine, exclusive
        self.name = f"{socket.gethostname()[:40]}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self.wake = asyncio.Event()
        self.handled = 0

    async def drain(self) -> int:
        done = 0
        skipped: set[int] = set()
        while True:
            rows = [
                r
                for r in await asyncio.to_thread(inbox.pending, self.engine, limit=100 + len(skipped))
                if r.update_id not in skipped
            ]  # type: ignore[arg-type]
            if not rows:
                return done
            for row in rows:
                if await self.handle(row):
                    done += 1
                else:
                    skipped.add(row.update_id)

    async def handle(self, row: inbox.PendingUpdate) -> bool:
        """False when another worker holds the row or it was handled meanwhile."""
        claim = await asyncio.to_thread(inbox.claim, self.engine, row.update_id, self.name, self.exclusive)  # type: ignore[arg-type]
        if claim is None:
            return False
        attempt = claim.attempt
        if attempt > inbox.MAX_ATTEMPTS:
            log.error("update %s failed %d times; giving up", row.update_id, attempt - 1)
            await asyncio.to_thread(inbox.mark_processed, self.engine, row.update_id, error="gave up")  # type: ignore[arg-type]
            return True
        if attempt > 1:
            log.warning("update %s was being handled when the bot stopped; handling it again", row.update_id)
        error = None
        token = current_journal.set(SendJournal(self.engine, row.update_id, claim.sends_done))
        try:
            update = Update.de_json(complete_update(row.payload), self.app.bot)
            await self.app.process_update(update)
        except Exception as exc:  # handler errors already went to the error handler
            log.exception("update %s could not be processed", row.update_id)
            error = type(exc).__name__
        finally:
            current_journal.reset(token)
        await asyncio.to_thread(inbox.mark_processed, self.engine, row.update_id, error=error)  # type: ignore[arg-type]
        self.handled += 1
        return True

    async def run(self, stop: asyncio.Event, recheck: float = 30.0) -> None:
        """Webhook mode: drain whenever woken, and every `recheck` seconds for rows
        a dead worker left behind."""
        while not stop.is_set():
            await self.drain()
            self.wake.clear()
            waiter = asyncio.create_task(self.wake.wait())
            stopper = asyncio.create_task(stop.wait())
            await asyncio.wait({waiter, stopper}, timeout=recheck, return_when=asyncio.FIRST_COMPLETED)
            for t in (waiter, stopper):
                t.cancel()


class InboxPoller:
    def __init__(
        self, app: Application, engine: object, poll_timeout: int = 20, max_backoff: float = 30.0
    ) -> None:
        self.app, self.engine = app, engine
        self.poll_timeout = poll_timeout
        self.max_backoff = max_backoff
        self.worker = InboxWorker(app, engine)

    async def run(self, stop: asyncio.Event) -> None:
        bot = self.app.bot
        try:
            await bot.delete_webhook(drop_pending_updates=False)
        except TelegramError as exc:  # getUpdates tells us soon enough if polling is impossible
            log.warning("deleteWebhook failed: %s", type(exc).__name__)
        left = await self.worker.drain()  # rows committed before a crash
        if left:
            log.warning("handled %d update(s) left from the previous run", left)
        offset = await asyncio.to_thread(inbox.next_offset, self.engine)  # type: ignore[arg-type]
        backoff = 1.0
        while not stop.is_set():
            started = time.monotonic()
            poll = asyncio.create_task(
                bot.get_updates(offset=offset, timeout=self.poll_timeout, allowed_updates=Update.ALL_TYPES)
            )
            stopper = asyncio.create_task(stop.wait())
            await asyncio.wait({poll, stopper}, return_when=asyncio.FIRST_COMPLETED)
            stopper.cancel()
            if not poll.done():  # stopping: nothing fetched is acknowledged
                poll.cancel()
                with contextlib.suppress(asyncio.CancelledError, Exception):
                    await poll
                return
            try:
                updates = poll.result()
            except InvalidToken:
                raise
            except RetryAfter as exc:
                await self._sleep(stop, _seconds(exc))
                continue
            except TelegramError as exc:  # network, 5xx, 409 while an old instance still polls
                log.warning("getUpdates failed (%s); retrying in %.0fs", type(exc).__name__, backoff)
                await self._sleep(stop, backoff)
                backoff = min(backoff * 2, self.max_backoff)
                continue
            if not updates and time.monotonic() - started < 0.2:
                await self._sleep(stop, 0.2)  # a server that ignores the long-poll timeout
            try:
                if updates:
                    # Commit first; only the next getUpdates (with the new offset) acknowledges them.
                    await asyncio.to_thread(inbox.store_batch, self.engine, [u.to_dict() for u in updates])  # type: ignore[arg-type]
                    offset = max(u.update_id for u in updates) + 1
                await self.worker.drain()
            except Exception as exc:  # the database is unavailable: nothing is acknowledged, try again
                fault = database_fault(exc)
                if fault is not None:  # locked, unreachable, full: one line says it all
                    log.warning(
                        "database %s (%s): updates not stored; retrying in %.0fs",
                        fault.kind,
                        fault.detail,
                        backoff,
                    )
                else:
                    log.exception("could not store or handle updates; retrying in %.0fs", backoff)
                await self._sleep(stop, backoff)
                backoff = min(backoff * 2, self.max_backoff)
                continue
            backoff = 1.0

    @staticmethod
    async def _sleep(stop: asyncio.Event, seconds: float) -> None:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), seconds)


def _seconds(exc: RetryAfter) -> float:
    with warnings.catch_warnings():  # PTB 22 deprecates the int form
        warnings.simplefilter("ignore")
        delay = exc.retry_after
    return delay.total_seconds() if isinstance(delay, timedelta) else float(delay)


def _utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _complete_user(user: dict[str, Any] | None) -> None:
    if isinstance(user, dict):
        user.setdefault("is_bot", False)
        user.setdefault("first_name", "")


def _complete_message(msg: dict[str, Any] | None) -> None:
    if not isinstance(msg, dict):
        return
    msg.setdefault("date", int(time.time()))
    chat = msg.setdefault("chat", {"id": (msg.get("from") or {}).get("id", 0)})
    chat.setdefault("type", "private" if int(chat.get("id", 0)) > 0 else "group")
    _complete_user(msg.get("from"))
    text = msg.get("text")
    if isinstance(text, str) and text.startswith("/") and not msg.get("entities"):
        command = text.split()[0]
        msg["entities"] = [{"type": "bot_command", "offset": 0, "length": _utf16_len(command)}]


def complete_update(payload: dict[str, Any]) -> dict[str, Any]:
    """Fill fields Telegram always sends but a non-conforming Bot API server may
    leave out (a command's bot_command entity, chat type, dates, chat_instance),
    so such a server's updates are still understood. Real updates pass unchanged."""
    data = copy.deepcopy(payload)
    for key in ("message", "edited_message"):
        _complete_message(data.get(key))
    query = data.get("callback_query")
    if isinstance(query, dict):
        query.setdefault("chat_instance", str((query.get("from") or {}).get("id", "")))
        _complete_user(query.get("from"))
        _complete_message(query.get("message"))
    return data
