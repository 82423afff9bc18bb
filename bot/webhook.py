"""Webhook mode: a small aiohttp server. Telegram's POST is answered 200 only
after the update is committed to the inbox; a wrong or missing secret token
(X-Telegram-Bot-Api-Secret-Token) gets 403."""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from aiohttp import web
from telegram import Update
from telegram.ext import Application

from bot.poller import InboxWorker
from storage import inbox

if TYPE_CHECKING:
    from sqlalchemy import Engine

log = logging.getLogger(__name__)
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


def webhook_app(engine: Engine, secret: str, path: str, worker: InboxWorker) -> web.Application:
    async def receive(request: web.Request) -> web.Response:
        given = request.headers.get(SECRET_HEADER, "")
        if not hmac.compare_digest(given.encode(), secret.encode()):
            log.warning("webhook request without the right secret token from %s", request.remote)
            return web.Response(status=403)
        try:
            body = json.loads(await request.text())
            int(body["update_id"])
        except (ValueError, KeyError, TypeError):
            return web.Response(status=400)
        await asyncio.to_thread(inbox.store_batch, engine, [body])
        worker.wake.set()
        return web.Response(status=200)  # only after the commit above

    app = web.Application(client_max_size=2 * 1024 * 1024)
    app.router.add_post(path, receive)
    return app


def parse_listen(text: str) -> tuple[str, int]:
    host, sep, port = text.rpartition(":")
    if not sep or not port.isdigit() or not 0 < int(port) < 65536:
        raise ValueError(f"--listen must be HOST:PORT, got {text!r}")
    return host.strip("[]") or "0.0.0.0", int(port)


async def serve_webhook(
    app: Application, engine: Engine, url: str, listen: str, secret: str, stop: asyncio.Event
) -> None:
    host, port = parse_listen(listen)
    path = urlsplit(url).path or "/"
    worker = InboxWorker(app, engine, exclusive=False)  # several workers may share the inbox
    runner = web.AppRunner(webhook_app(engine, secret, path, worker), access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, host, port)
    await site.start()
    try:
        await app.bot.set_webhook(url, secret_token=secret, allowed_updates=Update.ALL_TYPES)
        log.warning("serving webhook %s on %s:%d", path, host, port)
        await worker.run(stop)
    finally:
        await runner.cleanup()
