"""`planbot web`: the read-only board of the plans (bot/web.py)."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import signal
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from bot.web import WebSettings

DEFAULT_LISTEN = "127.0.0.1:8080"


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("web", help="serve the read-only web board of the plans (and the Telegram Mini App)")
    p.add_argument("--db", metavar="URL", help="SQLAlchemy URL (default: $PLANBOT_DATABASE_URL or ./data)")
    p.add_argument("--listen", metavar="HOST:PORT", default=DEFAULT_LISTEN, help=f"default {DEFAULT_LISTEN}")
    p.set_defaults(func=cmd_web)


def cmd_web(args: argparse.Namespace) -> int:
    from bot.config import ConfigError, load_web_settings
    from bot.webhook import parse_listen
    from storage.db import open_database

    try:
        settings = load_web_settings()
        host, port = parse_listen(args.listen)
    except (ConfigError, ValueError) as exc:
        print(f"planbot web: {exc}", file=sys.stderr)
        return 2
    engine = open_database(args.db)  # migrations first, with their own quiet logging
    logging.getLogger().setLevel(logging.INFO)
    for noisy in ("aiohttp.access", "alembic"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    print(
        f"planbot web: http://{host}:{port}/ ({'công khai' if settings.public else 'chỉ người đăng nhập qua Telegram'})",
        file=sys.stderr,
    )
    try:
        asyncio.run(_serve(engine, settings, host, port))
    finally:
        engine.dispose()
    return 0


async def _serve(engine: Engine, settings: WebSettings, host: str, port: int) -> None:
    from bot.web import serve

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError):
            loop.add_signal_handler(sig, stop.set)
    await serve(engine, settings, host, port, stop)
