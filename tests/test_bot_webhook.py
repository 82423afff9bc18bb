"""Webhook mode: 403 without the secret token; 200 only after the commit."""

from __future__ import annotations

import asyncio
import contextlib
import socket

import aiohttp

from bot.app import build_application
from bot.config import Config
from bot.webhook import SECRET_HEADER, parse_listen, serve_webhook
from storage import inbox
from tests.fakes.bot_api import FakeBotApi
from tests.fakes.harness import TEST_TOKEN

SECRET = "s3cret-token_for-tests"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def update(update_id: int, user: int, text: str) -> dict:
    return {
        "update_id": update_id,
        "message": {
            "message_id": update_id,
            "date": 1700000000,
            "chat": {"id": user, "type": "private"},
            "from": {"id": user, "is_bot": False, "first_name": "A"},
            "text": text,
            "entities": [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}],
        },
    }


async def test_webhook_checks_the_secret_and_commits_before_200(engine) -> None:
    port = free_port()
    async with FakeBotApi() as fake:
        config = Config(token=TEST_TOKEN, api_base_url=fake.url, database_url=None, admin_ids=frozenset())
        app = build_application(config, engine=engine)
        await app.initialize()
        await app.post_init(app)  # type: ignore[misc]
        await app.start()
        stop = asyncio.Event()
        url = "https://bot.example.org/tg/hook"
        task = asyncio.create_task(serve_webhook(app, engine, url, f"127.0.0.1:{port}", SECRET, stop))
        await fake.wait_for(lambda: fake.webhook is not None)
        assert fake.webhook["secret_token"] == SECRET and fake.webhook["url"] == url
        hook = f"http://127.0.0.1:{port}/tg/hook"
        try:
            async with aiohttp.ClientSession() as http:
                r = await http.post(hook, json=update(1, 5, "/help"))
                assert r.status == 403
                r = await http.post(hook, json=update(1, 5, "/help"), headers={SECRET_HEADER: "wrong"})
                assert r.status == 403
                assert inbox.counts(engine)["total"] == 0
                r = await http.post(hook, json=update(2, 5, "/help"), headers={SECRET_HEADER: SECRET})
                assert r.status == 200
                assert inbox.counts(engine)["total"] == 1  # committed when 200 came back
                r = await http.post(hook, data="not json", headers={SECRET_HEADER: SECRET})
                assert r.status == 400
            texts = await fake.wait_for_text(5)
            assert "Cách sử dụng" in texts[0]
        finally:
            stop.set()
            with contextlib.suppress(Exception):
                await asyncio.wait_for(task, 10)
            await app.stop()
            await app.shutdown()


def test_parse_listen() -> None:
    assert parse_listen("127.0.0.1:8443") == ("127.0.0.1", 8443)
    assert parse_listen(":80") == ("0.0.0.0", 80)
    for bad in ("localhost", "host:0", "host:x"):
        try:
            parse_listen(bad)
        except ValueError:
            continue
        raise AssertionError(bad)
