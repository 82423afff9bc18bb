"""`planbot run`: the Telegram bot, by long polling or webhook."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import secrets
import signal
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # Telegram and the database load when the bot starts, not with the CLI
    from sqlalchemy import Engine

    from bot.config import Config

log = logging.getLogger(__name__)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("run", help="run the Telegram bot (long polling, or --webhook)")
    p.add_argument("--db", metavar="URL", help="SQLAlchemy URL (default: $PLANBOT_DATABASE_URL or ./data)")
    p.add_argument("--webhook", metavar="URL", help="public HTTPS URL Telegram posts updates to")
    p.add_argument("--listen", metavar="HOST:PORT", help="where the webhook server listens (with --webhook)")
    p.add_argument("--poll-timeout", type=int, default=20, help=argparse.SUPPRESS)
    p.set_defaults(func=cmd_run)


def cmd_run(args: argparse.Namespace) -> int:
    from telegram.error import InvalidToken

    from bot.config import ConfigError, load_config
    from bot.redact import install_log_filter, quiet_http_logs
    from bot.webhook import parse_listen

    try:
        config = load_config(args.db)
        if bool(args.webhook) != bool(args.listen):
            raise ConfigError("--webhook URL and --listen HOST:PORT go together")
        if args.listen:
            parse_listen(args.listen)
    except (ConfigError, ValueError) as exc:
        print(f"planbot run: {exc}", file=sys.stderr)
        return 2
    logging.getLogger().setLevel(logging.INFO)
    install_log_filter()  # main() did so already; kept for callers of cmd_run alone
    quiet_http_logs()
    for noisy in ("apscheduler", "aiohttp.access", "alembic"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    try:
        return asyncio.run(serve(config, args.webhook, args.listen, args.poll_timeout))
    except InvalidToken:
        print("planbot run: the Bot API server rejected TELEGRAM_BOT_TOKEN", file=sys.stderr)
        return 2


async def serve(config: Config, webhook: str | None, listen: str | None, poll_timeout: int = 20) -> int:
    from bot.poll_lease import POLLER_BUSY_EXIT, PollerLease
    from storage.db import open_database

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError):
            loop.add_signal_handler(sig, stop.set)
    engine = open_database(config.database_url)
    try:
        if webhook:  # webhook workers may be several: they share the inbox by claims
            return await _serve_app(config, engine, webhook, listen, poll_timeout, stop)
        lease = PollerLease(engine)
        if not await lease.take(stop):  # before anything runs: a refused process touches nothing
            if stop.is_set():
                return 0
            print(lease.refusal(), file=sys.stderr)
            return POLLER_BUSY_EXIT
        keeper = asyncio.create_task(lease.keep(stop))
        try:
            code = await _serve_app(config, engine, webhook, listen, poll_timeout, stop)
        finally:
            keeper.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await keeper
            lease.release()  # after the application stopped: nothing is handled any more
        if lease.lost:
            print(lease.refusal(), file=sys.stderr)
            return POLLER_BUSY_EXIT
        return code
    finally:
        engine.dispose()


async def _serve_app(
    config: Config,
    engine: Engine,
    webhook: str | None,
    listen: str | None,
    poll_timeout: int,
    stop: asyncio.Event,
) -> int:
    from telegram.error import InvalidToken, TelegramError

    from bot.app import build_application
    from bot.poller import InboxPoller
    from bot.webhook import serve_webhook

    app = build_application(config, engine=engine)
    try:
        await app.initialize()  # getMe: a bad token fails here
    except InvalidToken:
        raise
    except TelegramError as exc:
        print(
            f"planbot run: cannot reach the Bot API at {config.api_base_url}: {type(exc).__name__}",
            file=sys.stderr,
        )
        return 1
    try:
        if app.post_init is not None:  # initialize() does not run it
            await app.post_init(app)
        await app.start()
        log.info("planbot is running as @%s (%s)", app.bot.username, "webhook" if webhook else "long polling")
        if webhook and listen:
            secret = config.webhook_secret or secrets.token_urlsafe(32)
            await serve_webhook(app, engine, webhook, listen, secret, stop)
        else:
            await InboxPoller(app, engine, poll_timeout=poll_timeout).run(stop)
    finally:
        if app.running:
            await app.stop()
        await app.shutdown()
        if app.post_shutdown:
            await app.post_shutdown(app)
    return 0
