"""`planbot doctor`: checks the database, the migrations, the token and the
Bot API, and prints what is wrong — one line each."""

from __future__ import annotations

import argparse
import asyncio
from collections.abc import Callable

from bot.cli_data import add_db_option

Check = Callable[[argparse.Namespace], str]


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("doctor", help="check the database, migrations, token and Bot API")
    add_db_option(p)
    p.set_defaults(func=cmd_doctor)


def check_database(args: argparse.Namespace) -> str:
    from sqlalchemy import text

    from storage.db import make_engine

    engine = make_engine(args.db)
    with engine.connect() as conn:
        conn.execute(text("SELECT 1"))
    url = engine.url.render_as_string(hide_password=True)
    engine.dispose()
    return f"reachable: {url}"


def check_migrations(args: argparse.Namespace) -> str:
    from alembic.script import ScriptDirectory
    from sqlalchemy import func, select

    from storage import models as m
    from storage.db import alembic_config, make_engine, schema_is_current, session_factory

    engine = make_engine(args.db)
    try:
        heads = set(ScriptDirectory.from_config(alembic_config(engine)).get_heads())
        if not schema_is_current(engine):
            raise RuntimeError("not at the newest revision; any planbot command with write access migrates")
        with session_factory(engine)() as s:
            plans = s.scalar(select(func.count()).select_from(m.Plan).where(m.Plan.is_current.is_(True)))
        return f"at heads {', '.join(sorted(heads))}; {plans} current plan(s)"
    finally:
        engine.dispose()


def check_token(args: argparse.Namespace) -> str:
    from bot.config import load_config

    config = load_config(args.db)
    return f"well-formed (bot id {config.token.split(':', 1)[0]}), admins: {len(config.admin_ids)}"


def check_bot_api(args: argparse.Namespace) -> str:
    from telegram import Bot

    from bot.config import load_config

    config = load_config(args.db)

    async def get_me() -> str:
        async with Bot(config.token, base_url=config.bot_base_url) as bot:
            return bot.username

    username = asyncio.run(asyncio.wait_for(get_me(), timeout=15))
    return f"reachable at {config.api_base_url}: @{username}"


CHECKS: list[tuple[str, Check]] = [
    ("database", check_database),
    ("migrations", check_migrations),
    ("token", check_token),
    ("bot api", check_bot_api),
]


def cmd_doctor(args: argparse.Namespace) -> int:
    failed = 0
    for name, check in CHECKS:
        try:
            print(f"ok    {name}: {check(args)}")
        except Exception as exc:  # every failure is reported the same way, one line
            failed += 1
            print(f"FAIL  {name}: {describe_failure(exc, args.db)[:300]}")
    return 1 if failed else 0


def describe_failure(exc: Exception, db: str | None) -> str:
    from telegram.error import InvalidToken

    from bot.cli_errors import database_message
    from bot.config import ConfigError

    if isinstance(exc, ConfigError):
        return str(exc)
    if isinstance(exc, InvalidToken):  # PTB's own text quotes the whole token
        return "the Bot API server rejected TELEGRAM_BOT_TOKEN (401/404): check the token with @BotFather"
    message = database_message(exc, db)
    if message is not None:
        return message
    detail = str(exc).splitlines()[0] if str(exc) else ""
    return f"{type(exc).__name__}: {detail}" if detail else type(exc).__name__
