"""Long polling that loses nothing: every batch from getUpdates is committed to
the inbox before the next offset acknowledges it to Telegram; the worker then
handles inbox rows — in order within a chat, chats concurrently — and marks each
processed after handling.

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
from collections import deque
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from telegram import Update
from telegram.error import InvalidToken, NetworkError, RetryAfter, TelegramError
from telegram.ext import Application
from telegram.warnings import PTBUserWarning

from bot.journal import SendJournal, current_journal
from handlers.budget import NOTIFIED, RateBudgets, Verdict, classify, lane_key, send_notice
from storage import inbox
from storage.db import database_fault

if TYPE_CHECKING:
    from sqlalchemy import Engine

log = logging.getLogger(__name__)
BATCH = 100  # updates per getUpdates (Telegram's maximum)


class InboxWorker:
    """Handles committed inbox rows: in update_id order within a chat, chats side
    by side (a lane per chat, at most `lanes` handling at once), so one chat's
    backlog or 429 wait never holds up another's. Before any handler runs, a row
    over its sender's budget (handlers/budget.py) is dropped — in bulk, one write
    per page of the backlog — the first one with a polite notice."""

    def __init__(
        self,
        app: Application,
        engine: Engine,
        exclusive: bool = True,
        lanes: int = 16,
        held: int = 1000,
        max_hold: float = 3.0,
    ) -> None:
        """`exclusive`: the only worker (long polling). Webhook workers share the
        inbox and skip rows another live worker has claimed. `held`: rows waiting
        in lanes at most (memory stays bounded whatever the backlog). `max_hold`:
        how long handling may wait, per backlog, for the poller to catch up."""
        self.app, self.engine, self.exclusive = app, engine, exclusive
        self.name = f"{socket.gethostname()[:40]}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self.wake = asyncio.Event()
        self.handled = 0
        self.dropped = 0
        self.budgets: RateBudgets | None = app.bot_data.get("budgets")
        self.held = held
        self._slots = asyncio.Semaphore(lanes)
        self._lanes: dict[str, deque[tuple[inbox.PendingUpdate, Verdict | None]]] = {}
        self._tasks: dict[str, asyncio.Task[None]] = {}
        self._inflight: set[int] = set()
        self._cursor = 0  # rows up to here were dispatched; a rescan starts from 0
        self._rescan = True
        self._idle = asyncio.Event()
        self._idle.set()
        self._room = asyncio.Event()
        self._stopping = False
        # While Telegram still holds a backlog (the poller gets full batches), the
        # lanes wait and the poller reads on: every chat's updates get committed
        # and judged by the budgets first, instead of the second user's /help
        # sitting at Telegram behind a flood that is handled between each batch.
        self.max_hold = max_hold
        self._go = asyncio.Event()
        self._go.set()
        self._held_since: float | None = None

    async def drain(self) -> int:
        """Dispatch every pending row and wait until all are handled."""
        before = self.handled
        await self.dispatch(rescan=True)
        await self._idle.wait()
        return self.handled - before

    async def dispatch(self, rescan: bool = False) -> None:
        """Hand the pending rows to their lanes (dropping those over budget) and
        return; the lanes run on their own."""
        after = 0 if rescan or self._rescan else self._cursor
        self._rescan = False
        while not self._stopping:
            # Read in a worker thread (a locked database must not stall the loop); a
            # row in a lane when the read began may be finished by the time it ends:
            # it is not queued (nor counted against a budget) a second time.
            busy = set(self._inflight)
            rows = await asyncio.to_thread(inbox.pending_after, self.engine, after, limit=200)
            if not rows:
                return
            drops: list[int] = []
            for row in rows:
                after = row.update_id
                self._cursor = max(self._cursor, after)
                if row.update_id in self._inflight or row.update_id in busy:
                    continue
                action, verdict = self._gate(row)
                if action == "drop":
                    drops.append(row.update_id)
                    continue
                while len(self._inflight) >= self.held and not self._stopping:
                    self._room.clear()
                    await self._room.wait()
                self._enqueue(row, verdict)
            if drops:
                self.dropped += await asyncio.to_thread(
                    inbox.drop,
                    self.engine,
                    drops,
                    self.name,
                    self.exclusive,
                )
            await asyncio.sleep(0)  # let the lanes start before the next page

    def _gate(self, row: inbox.PendingUpdate) -> tuple[str, Verdict | None]:
        """'run', 'notice' (the first over budget: tell the user) or 'drop'."""
        if self.budgets is None or row.attempts > 0:  # a replay was let through before the crash
            return "run", None
        sender = classify(row.payload)
        who = sender.user_id if sender.user_id is not None else sender.chat_id
        if who is None:
            return "run", None
        verdict = self.budgets.check(who, sender.kind, sender.at)
        if verdict.allowed:
            return "run", None
        if verdict.notify:
            log.warning(
                "user %s is over the %s budget: such updates are dropped for about %d s",
                who,
                sender.kind,
                verdict.wait,
            )
            if sender.kind in NOTIFIED:
                return "notice", verdict
        return "drop", None

    def backlog(self, more: bool) -> None:
        """The poller's word after each batch: Telegram holds more updates (a full
        batch came) or it has caught up. Handling waits while it reads on, at most
        `max_hold` seconds per backlog, so that a steady flood cannot starve it."""
        if not more:
            self._held_since = None
            self._go.set()
            return
        now = time.monotonic()
        if self._held_since is None:
            self._held_since = now
        if now - self._held_since < self.max_hold:
            self._go.clear()
        else:
            self._go.set()

    async def _wait_for_go(self) -> None:
        """Wait out a hold — never beyond `max_hold`, even if the poller stops
        reporting (a database that refuses the batches)."""
        if self._go.is_set() or self._held_since is None:
            return
        remaining = self._held_since + self.max_hold - time.monotonic()
        if remaining > 0:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._go.wait(), remaining)

    def _enqueue(self, row: inbox.PendingUpdate, notice: Verdict | None) -> None:
        key = lane_key(row.payload)
        self._inflight.add(row.update_id)
        self._lanes.setdefault(key, deque()).append((row, notice))
        self._idle.clear()
        if key not in self._tasks:
            self._tasks[key] = asyncio.create_task(self._run_lane(key))

    async def _run_lane(self, key: str) -> None:
        queue = self._lanes[key]
        try:
            while queue and not self._stopping:
                await self._wait_for_go()
                if self._stopping:
                    break
                row, notice = queue[0]
                async with self._slots:
                    await self.handle(row, notice)
                queue.popleft()
                self._inflight.discard(row.update_id)
                self._room.set()
                await asyncio.sleep(0)  # a flood of cheap rows must not starve the other lanes
        except Exception as exc:  # the database is away: the rows stay pending and are read again
            _log_failure(exc, f"chat lane {key} stopped; its updates will be handled later")
            await asyncio.sleep(1.0)
            self._rescan = True
            self.wake.set()
        finally:
            for row, _ in queue:
                self._inflight.discard(row.update_id)
            queue.clear()
            del self._lanes[key], self._tasks[key]
            self._room.set()
            if not self._tasks:
                self._idle.set()

    async def handle(self, row: inbox.PendingUpdate, notice: Verdict | None = None) -> bool:
        """False when another worker holds the row or it was handled meanwhile.
        `notice`: the row is over budget — send the notice instead of handling it."""
        claim = await asyncio.to_thread(
            inbox.claim,
            self.engine,
            row.update_id,
            self.name,
            self.exclusive,
        )
        if claim is None:
            return False
        attempt = claim.attempt
        if attempt > inbox.MAX_ATTEMPTS:
            log.error("update %s failed %d times; giving up", row.update_id, attempt - 1)
            await asyncio.to_thread(inbox.mark_processed, self.engine, row.update_id, error="gave up")
            return True
        if attempt > 1:
            log.warning("update %s was being handled when the bot stopped; handling it again", row.update_id)
        error = None
        token = current_journal.set(SendJournal(self.engine, row.update_id, claim.sends_done))
        try:
            if notice is not None:
                await send_notice(self.app.bot, row.payload, classify(row.payload), notice)
                error = inbox.THROTTLED
            else:
                update = Update.de_json(complete_update(row.payload), self.app.bot)
                await self.app.process_update(update)
        except Exception as exc:  # handler errors already went to the error handler
            log.exception("update %s could not be processed", row.update_id)
            error = type(exc).__name__
        finally:
            current_journal.reset(token)
        await asyncio.to_thread(inbox.mark_processed, self.engine, row.update_id, error=error)
        self.handled += 1
        return True

    async def run(self, stop: asyncio.Event, recheck: float = 30.0) -> None:
        """Dispatch whenever woken (a new batch is in the inbox), and every
        `recheck` seconds from the start of the inbox, for rows a dead worker or a
        failed lane left behind."""
        backoff = 1.0
        try:
            while not stop.is_set():
                self.wake.clear()  # before reading: a batch stored meanwhile wakes us again
                try:
                    await self.dispatch()
                    backoff = 1.0
                except Exception as exc:  # the database is unavailable: try again
                    _log_failure(exc, f"could not read the inbox; retrying in {backoff:.0f}s")
                    await _wait_any(stop, None, backoff)
                    backoff = min(backoff * 2, 30.0)
                    self._rescan = True
                    continue
                if not await _wait_any(stop, self.wake, recheck):
                    self._rescan = True
        finally:
            await self.close()

    async def close(self, grace: float = 10.0) -> None:
        """Let each lane finish the update in hand (up to `grace` seconds); what is
        still queued stays pending in the inbox for the next start."""
        self._stopping = True
        self._room.set()
        self._go.set()
        tasks = list(self._tasks.values())
        if tasks:
            _, late = await asyncio.wait(tasks, timeout=grace)
            for t in late:
                t.cancel()
            await asyncio.gather(*late, return_exceptions=True)


async def _wait_any(stop: asyncio.Event, wake: asyncio.Event | None, timeout: float) -> bool:
    """Wait for `stop` or `wake` up to `timeout` seconds; True when one was set."""
    waiters = {asyncio.create_task(stop.wait())}
    if wake is not None:
        waiters.add(asyncio.create_task(wake.wait()))
    done, pending = await asyncio.wait(waiters, timeout=timeout, return_when=asyncio.FIRST_COMPLETED)
    for t in pending:
        t.cancel()
    return bool(done)


class InboxPoller:
    def __init__(
        self,
        app: Application,
        engine: Engine,
        poll_timeout: int = 20,
        max_backoff: float = 30.0,
        worker: InboxWorker | None = None,
    ) -> None:
        self.app, self.engine = app, engine
        self.poll_timeout = poll_timeout
        self.max_backoff = max_backoff
        self.worker = worker or InboxWorker(app, engine)

    async def run(self, stop: asyncio.Event) -> None:
        """Polling and handling run side by side: the poller keeps committing new
        updates while the worker's lanes handle earlier ones (a backlog in one
        chat does not keep another chat's update from being even fetched)."""
        halt = asyncio.Event()
        worker = asyncio.create_task(self.worker.run(halt))  # first the rows left by a crash
        try:
            await self._poll(stop)
        finally:
            halt.set()
            await worker

    async def _poll(self, stop: asyncio.Event) -> None:
        bot = self.app.bot
        try:
            await bot.delete_webhook(drop_pending_updates=False)
        except TelegramError as exc:  # getUpdates tells us soon enough if polling is impossible
            log.warning("deleteWebhook failed: %s", type(exc).__name__)
        offset = await asyncio.to_thread(inbox.next_offset, self.engine)
        backoff = 1.0
        while not stop.is_set():
            started = time.monotonic()
            poll = asyncio.create_task(self._get_updates(offset))
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
                    await asyncio.to_thread(inbox.store_batch, self.engine, updates)
                    offset = max(int(u["update_id"]) for u in updates) + 1
                    self.worker.wake.set()
                self.worker.backlog(len(updates) >= BATCH)
            except Exception as exc:  # the database is unavailable: nothing is acknowledged, try again
                _log_failure(exc, f"could not store updates; retrying in {backoff:.0f}s")
                await self._sleep(stop, backoff)
                backoff = min(backoff * 2, self.max_backoff)
                continue
            backoff = 1.0

    async def _get_updates(self, offset: int | None) -> list[dict[str, Any]]:
        """The batch as Telegram sent it: it is stored as JSON, and parsing 100
        updates into PTB objects and back cost more than storing them (a flood is
        read at the speed of this loop)."""
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", PTBUserWarning)  # getUpdates through the raw call, on purpose
            result = await self.app.bot.do_api_request(
                "getUpdates",
                api_kwargs={
                    "offset": offset,
                    "limit": BATCH,
                    "timeout": self.poll_timeout,
                    "allowed_updates": list(Update.ALL_TYPES),
                },
                read_timeout=self.poll_timeout + 10,
            )
        if not isinstance(result, list):
            raise NetworkError(f"getUpdates answered {type(result).__name__}, not a list")
        return [u for u in result if isinstance(u, dict) and isinstance(u.get("update_id"), int)]

    @staticmethod
    async def _sleep(stop: asyncio.Event, seconds: float) -> None:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), seconds)


def _log_failure(exc: Exception, what: str) -> None:
    """A database fault (locked, unreachable, full, read-only) in one line: it
    recurs at every retry, and its traceback says nothing more. Anything else
    is a bug and keeps its traceback."""
    fault = database_fault(exc)
    if fault is not None:
        log.warning("database %s (%s): %s", fault.kind, fault.detail, what)
    else:
        log.error("%s", what, exc_info=exc)


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
