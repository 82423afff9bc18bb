"""Runs the real Application against the stand-in Bot API in-process.

async with BotHarness(engine, admin_ids={1}) as h:
    h.fake.push_message(5, "/start")
    await h.fake.wait_for_text(5)
"""

from __future__ import annotations

import asyncio
import contextlib
from typing import Any

from bot.app import build_application
from bot.config import Config
from bot.poller import InboxPoller
from handlers.budget import Budget, RateBudgets
from handlers.registration import AdminNotices
from tests.fakes.bot_api import FakeBotApi

TEST_TOKEN = "123456:TEST-token_abcdefghijklmnopqrstuvwxyz"


class BotHarness:
    def __init__(
        self,
        engine: Any,
        admin_ids: set[int] | frozenset[int] = frozenset(),
        question_limit: int | None = None,
        monthly_cycle: bool = False,
        budgets: dict[str, Budget] | None = None,
        admin_notices: AdminNotices | None = None,
        digest_every: float = 60.0,
        chat_interval: float = 0.0,
        first_update_id: int = 1,
        web_url: str | None = None,
    ) -> None:
        """`monthly_cycle`: also run the reminder jobs (off by default so the
        scenarios see only the replies to what they send). `budgets`: per-user
        limits (None: the defaults); `chat_interval`: the stand-in answers 429 to
        a second send to one chat within that many seconds (Telegram's per-chat limit)."""
        self.engine = engine
        self.monthly_cycle = monthly_cycle
        self.admin_ids = frozenset(admin_ids)
        self.question_limit = question_limit
        self.budgets = budgets
        self.admin_notices = admin_notices
        self.digest_every = digest_every
        self.web_url = web_url
        self.fake = FakeBotApi(chat_interval=chat_interval, first_update_id=first_update_id)
        self._stop = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    async def __aenter__(self) -> BotHarness:
        await self.fake.start()
        config = Config(
            token=TEST_TOKEN,
            api_base_url=self.fake.url,
            database_url=None,
            admin_ids=self.admin_ids,
            web_url=self.web_url,
        )
        self.app = build_application(
            config,
            engine=self.engine,
            question_limit=self.question_limit,
            monthly_cycle=self.monthly_cycle,
            budgets=RateBudgets(self.budgets) if self.budgets is not None else None,
            admin_notices=self.admin_notices,
            digest_every=self.digest_every,
        )
        await self.app.initialize()
        await self.app.post_init(self.app)  # type: ignore[misc]
        await self.app.start()
        self.poller = InboxPoller(self.app, self.engine, poll_timeout=1)
        self._task = asyncio.create_task(self.poller.run(self._stop))
        return self

    async def __aexit__(self, *exc: object) -> None:
        self._stop.set()
        if self._task is not None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self._task, 10)
        await self.app.stop()
        await self.app.shutdown()
        await self.app.post_shutdown(self.app)  # type: ignore[misc]
        await self.fake.stop()

    @property
    def crashed(self) -> BaseException | None:
        if self._task is not None and self._task.done() and not self._task.cancelled():
            return self._task.exception()
        return None

    async def say(self, user_id: int, text: str, count: int = 1, timeout: float = 15.0) -> list[str]:
        """Send a message; return the texts the user received because of it."""
        before = len(self.fake.texts(user_id))
        self.fake.push_message(user_id, text)
        await self.fake.wait_for_text(user_id, before + count, timeout)
        return self.fake.texts(user_id)[before:]

    async def press(self, user_id: int, label: str, chat_id: int | None = None, count: int = 1) -> list[str]:
        """Press the newest button whose label contains `label` in the chat."""
        found = self.fake.find_button(chat_id or user_id, label)
        assert found is not None, f"no button {label!r} in chat {chat_id or user_id}"
        data, message_id = found
        before = len(self.fake.texts(user_id))
        self.fake.push_callback(user_id, data, message_id)
        await self.fake.wait_for_text(user_id, before + count)
        return self.fake.texts(user_id)[before:]
